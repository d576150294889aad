"""Build ``data/entities/complements-corpus.tsv``: nouns that with ل continue an organisation's name.

After an organisation's head and its adjectives, ل + a noun is either part of the name (النقابة
الوطنية للصحفيين، الشركة التونسية للكهرباء، الإدارة الفرعية للقضايا الإجرامية) or a purpose (الإدارة
الأميركية للتحرك، دعوة عامة للاحتجاج). The ANT corpus tells them apart: a noun of a name is written
after an adjective (a definite nisba, العليا، العامة ...) most of the times it follows لل, a purpose
after verbs and common nouns. This script counts, for every folded noun written as لل + noun, how
often the word before it is such an adjective, and keeps the nouns seen at least MIN_COUNT times
whose share reaches MIN_SHARE. They add to the hand list ``complements.tsv``.

It also writes ``data/entities/continuations-corpus.tsv``, the fixed continuations of
organisation names (see marsad.entities.continuations): the rule layer is run over the same
corpus, and for each organisation name it finds, the و- or ل-words written right after it are
counted; a continuation written at least CONT_MIN_COUNT times and after at least CONT_MIN_SHARE of
the name's occurrences is kept (الشركة التونسية للكهرباء -> والغاز، فرقة الأبحاث -> والتفتيش). A
second pass applies the first table and counts again from the grown names (فرقة الأبحاث والتفتيش
-> للحرس الوطني). Articles of the sets that are measured (the validation half of train-ant, dev,
the held-out gold, the place readings) are not counted.

And ``data/entities/unnamed-spans.tsv``: the pattern spans that the training gold (train half of
train-ant and the extra ANT gold) writes often and never annotates (الوحدات الأمنية): descriptions
that the entity stage drops.

Usage: python scripts/build_complements.py [--shared ../shared] [--out PATH] [--continuations-out PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from marsad.entities import lexicons as lexmod
from marsad.entities.candidates import select
from marsad.entities.continuations import extend_names, name_key, opens_continuation
from marsad.entities.heads import find_heads
from marsad.entities.lexicons import Continuations, Lexicons
from marsad.entities.people import find_people
from marsad.entities.phrases import find_phrases
from marsad.entities.words import Word, analyze
from marsad.text.normalize import fold_key
from marsad.text.segment import token_spans

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "marsad" / "data" / "entities" / "complements-corpus.tsv"
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"
WORD_RE = re.compile(r"[\u0621-\u064A]+")
# Calibrated on the train split of train-ant (benchmarks/data/train-ant-split.json) with
# benchmarks/quality_gate.py --set train: at 0.5 the nouns of the gold names (للقضايا 0.98، للنقل
# 0.74، للدراسات 0.76) pass and purposes (للاحتجاج 0.09، للمطالبة 0.23، للحكومة 0.18) do not.
MIN_COUNT = 5
MIN_SHARE = 0.5
# Definite adjectives of names that are no nisba.
OTHER_ADJECTIVES = frozenset({"العليا", "العامه", "العام", "الاعلي", "الكبري", "المستقله", "المتحده"})


def is_adjective(word: str) -> bool:
    return word.startswith("ال") and (word.endswith(("ي", "يه")) or word in OTHER_ADJECTIVES)


def count(corpus: Path) -> tuple[Counter[str], Counter[str]]:
    """(times each noun follows لل, times the word before it is an adjective)."""
    seen: Counter[str] = Counter()
    after_adjective: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            words = WORD_RE.findall(fold_key(json.loads(line)["text"]))
            for before, word in itertools.pairwise(words):
                if word.startswith("لل") and len(word) > 4:
                    seen[word[2:]] += 1
                    after_adjective[word[2:]] += is_adjective(before)
    return seen, after_adjective


# A continuation is part of a name when the corpus writes it at least this often after the name and
# after at least this share of the name's occurrences. Chosen on the list itself before measuring:
# at 0.4 the kept rows are names (الاتحاد التونسي للفلاحة والصيد البحري 1.0، وزارة الفلاحة والموارد
# المائية 0.44، الإدارة العامة للحرس الوطني 0.47); below 0.3 clauses creep in (جيش البحر والمتمركز 0.25).
CONT_MIN_COUNT = 5
CONT_MIN_SHARE = 0.4
# words a continuation holds at most (للحرس الوطني، والشؤون الدينية، لحركة مشروع تونس)
CONT_MAX_WORDS = 3
# written beside the continuations: the frequent two-word names (a head and its name)
SHORT_NAMES = "org-names-corpus.tsv"


def _organisations(words: list[Word], lex: Lexicons, table: Continuations) -> list[tuple[int, int]]:
    """(start, end) of the organisation names the rule layer finds, grown by ``table``."""
    chosen = select([*find_phrases(words, lex), *find_heads(words, lex), *find_people(words, lex)], len(words))
    return [(c.start, c.end) for c in extend_names(chosen, words, lex, table) if c.type == "ORG"]


def count_continuations(texts: list[str], lex: Lexicons, table: Continuations,
                        names: Counter[tuple[str, ...]] | None = None) -> Continuations:
    """The continuations of the organisation names in ``texts`` that pass the thresholds;
    ``names`` (when given) receives the count of every name."""
    cache: dict[str, Word] = {}
    names = Counter() if names is None else names
    grown: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    for text in texts:
        tokens = token_spans(text)
        words = []
        for s, e in tokens:
            surface = text[s:e]
            w = cache.get(surface)
            if w is None:
                w = cache[surface] = analyze(surface, lex)
            words.append(w)
        for start, end in _organisations(words, lex, table):
            key = name_key(words, start, end)
            names[key] += 1
            if end >= len(words) or not opens_continuation(words[end]):
                continue
            cont: list[str] = []
            for m, w in enumerate(words[end:end + CONT_MAX_WORDS]):
                if not w.is_word or w.stop or (m and w.n):
                    break
                cont.append(w.key)
                grown[key, tuple(cont)] += 1
    kept: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for (key, cont), n in grown.items():
        if n >= CONT_MIN_COUNT and n / names[key] >= CONT_MIN_SHARE:
            kept.setdefault(key, []).append(cont)
    return {k: tuple(sorted(v, key=lambda c: (-len(c), c))) for k, v in kept.items()}


def build_continuations(corpus: Path, exclude: set[str], out: Path) -> int:
    """Write the continuations table of the corpus articles outside ``exclude``; the rows written."""
    texts = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("id") not in exclude:
                texts.append(record.get("text") or "")
    lexmod.load_lexicons.cache_clear()  # the complements just written are part of the rules
    lex = lexmod.load_lexicons()
    counts: Counter[tuple[str, ...]] = Counter()
    first = count_continuations(texts, lex, {}, counts)
    table = dict(first)
    for key, conts in count_continuations(texts, lex, first).items():
        table[key] = tuple(sorted(set(table.get(key, ())) | set(conts), key=lambda c: (-len(c), c)))
    header = ("# Fixed continuations of organisation names, from the ANT corpus (Apache-2.0) by\n"
              "# scripts/build_complements.py: do not edit by hand.\n"
              "# columns: folded name words\tfolded continuation words\n")
    rows = sorted((" ".join(k), " ".join(c)) for k, conts in table.items() for c in conts)
    out.write_text(header + "".join(f"{k}\t{c}\n" for k, c in rows), encoding="utf-8")
    short = sorted((" ".join(k), n) for k, n in counts.items() if len(k) == 2 and n >= CONT_MIN_COUNT)
    header = ("# Two-word organisation names (head + name) the rule layer finds at least 5 times in the ANT\n"
              "# corpus (Apache-2.0), by scripts/build_complements.py: do not edit by hand. A word\n"
              "# coordinated after a name of the same head names a second body (وزارة الصحة والعدل).\n"
              "# columns: folded name words\tcount\n")
    (out.parent / SHORT_NAMES).write_text(header + "".join(f"{k}\t{n}\n" for k, n in short), encoding="utf-8")
    return len(rows)


def measured_ids(shared: Path) -> set[str]:
    """Ids of the articles of the measured sets: the validation half of train-ant, dev, the held-out
    gold and the articles of the place readings (benchmarks/data)."""
    ids = set(json.loads(SPLIT.read_text(encoding="utf-8"))["validation"])
    ids |= {p.stem for p in (shared / "data" / "dev").glob("*.json")}
    data = REPO / "benchmarks" / "data"
    ids |= {json.loads(p.read_text(encoding="utf-8"))["id"] for p in (data / "gold-ant-heldout").glob("*.json")}
    readings = data / "place-readings.jsonl"
    if readings.exists():
        lines = readings.read_text(encoding="utf-8").splitlines()
        ids |= {json.loads(line)["id"] for line in lines if line.strip()}
    return ids


# A pattern span written this often in the training gold texts and never part of an annotated name
# is a description, not a name (الوحدات الأمنية، الأجهزة الأمنية، التيار الكهربائي).
UNNAMED_MIN_COUNT = 3
UNNAMED = "unnamed-spans.tsv"


def build_unnamed(shared: Path, out: Path) -> int:
    """Write the pattern spans the training gold never annotates; the rows written.

    The rule layer is run over the gold articles the learners may read (``training_golds``: the
    train half of train-ant and the extra ANT gold complete in entities); each pattern span counts
    as annotated when its text and a gold form of any entity contain one another.
    """
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from training_gold import training_golds
    finally:
        sys.path.pop(0)
    golds, digest = training_golds(shared, "entities")
    lexmod.load_lexicons.cache_clear()
    lex = lexmod.load_lexicons()
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for gold in golds:
        text = gold["text"]
        forms = {fold_key(f) for e in gold.get("entities", [])
                 for f in [e.get("canonical", ""), *(e.get("aliases") or [])] if f}
        tokens = token_spans(text)
        words = [analyze(text[a:b], lex) for a, b in tokens]
        for c in extend_names(select([*find_phrases(words, lex), *find_heads(words, lex),
                                      *find_people(words, lex)], len(words)), words, lex):
            if c.source != "pattern" or c.type == "PER":
                continue
            key = " ".join(name_key(words, c.start, c.end))
            span = fold_key(text[tokens[c.start][0]:tokens[c.end - 1][1]])[c.skip:]
            seen[key] += 1
            named[key] += any(span in f or f in span for f in forms if len(f) >= 4)
    rows = sorted(k for k, n in seen.items() if n >= UNNAMED_MIN_COUNT and not named[k])
    header = ("# Pattern spans (folded words) the training gold writes at least 3 times and never annotates:\n"
              "# descriptions, not names. Built by scripts/build_complements.py from the train half of\n"
              f"# train-ant and the extra ANT gold (sha256 {digest}): do not edit by hand.\n")
    out.write_text(header + "".join(f"{k}\t{seen[k]}\n" for k in rows), encoding="utf-8")
    return len(rows)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--continuations-out", type=Path, default=None,
                    help="default: continuations-corpus.tsv beside --out")
    a = ap.parse_args(None if argv is None else list(argv))
    seen, after_adjective = count(a.shared / "data" / "corpus" / "ant-v1.1.jsonl")
    rows = sorted((noun, n, round(after_adjective[noun] / n, 3)) for noun, n in seen.items()
                  if n >= MIN_COUNT and after_adjective[noun] / n >= MIN_SHARE)
    header = ("# Nouns that with ل continue an organisation's name, from the ANT corpus (Apache-2.0) by\n"
              "# scripts/build_complements.py: do not edit by hand.\n"
              "# columns: folded noun\ttimes after لل\tshare after an adjective\n")
    a.out.write_text(header + "".join(f"{w}\t{n}\t{s}\n" for w, n, s in rows), encoding="utf-8")
    print(f"{len(rows)} nouns -> {a.out}")
    cont_out = a.continuations_out or a.out.parent / "continuations-corpus.tsv"
    corpus = a.shared / "data" / "corpus" / "ant-v1.1.jsonl"
    n = build_continuations(corpus, measured_ids(a.shared), cont_out)
    print(f"{n} continuations -> {cont_out}")
    if (a.shared / "data" / "train-ant").is_dir():
        n = build_unnamed(a.shared, a.out.parent / UNNAMED)
        print(f"{n} unnamed spans -> {a.out.parent / UNNAMED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
