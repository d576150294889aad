#!/usr/bin/env python3
"""Train the place-evidence model (marsad.places.evidence) and write its data into the package.

  python scripts/train_place_evidence.py [--shared ../shared] [--l2 1] [--epochs 400] [--folds 5] [--sample N]
                                         [--readings benchmarks/data/place-readings-train.jsonl|none]

1. How the ANT corpus (``<shared>/data/corpus/ant-v1.1.jsonl``, Apache-2.0, unlabelled) uses every
   gazetteer name of one or two words: its count (an attached proclitic counted with it), the share
   of it after a preposition of place or a head noun, the log-ratio of the form with ال toggled, and
   for a word ending in ه/ها the log-ratio of the stem without that pronoun suffix (داخله: داخل),
   and for each run of letters the corpus writes attached before it the log-ratio of that whole word
   to the bare name (فرقة beside رقة: the name is the tail of another word).
   Written to ``src/marsad/data/gazetteer/name-usage.tsv``; which names are ordinary words is thus
   read from the corpus, not listed by hand.
2. In the gold the learners may read (the train half of train-ant and the extra ANT gold complete in
   entities, scripts/training_gold.py), each occurrence of a gazetteer name that scripts/place_gold.py
   labels from the gold is one example (a place, or an ordinary word or an organisation's name), with
   the features the places stage computes for a mention there (marsad.places.evidence.features).
   The occurrences of benchmarks/data/place-readings-train.jsonl (ANT articles outside every gold set,
   read from the text as places, ordinary words or outlets) are examples too (``--readings none``
   leaves them out); the cross-validated figures are printed for the gold and the list apart.
   The words just before and after each occurrence are features too; only those beside at least
   MIN_WORD_EXAMPLES of the fitted examples get a weight.
3. An L2-regularised logistic regression, fitted by full-batch gradient descent (no randomness but
   the fold assignment, which hashes the article id with SEED), is cross-validated by article; the
   threshold is the one that maximises the cross-validated share of ordinary words given no place
   plus the share of places kept. The weights written are fitted on all the examples.

Writes ``src/marsad/data/models/place-evidence.tsv`` (feature, weight) and ``place-evidence.json``
(parameters, seed, data digests, threshold, cross-validated figures). Run
``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from place_gold import label, occurrences  # scripts/place_gold.py, beside this script
from training_gold import corpus_records, training_golds

from marsad.places import CONTEXT_WINDOW, LIST_GAP_RE, packaged_gazetteer
from marsad.places.context import DIRECTIONS, HEAD_KIND, NEAR_WORDS, bare_word, context_words, read_before
from marsad.places.evidence import (
    EVENT_NOUNS,
    PLACE_PREPOSITIONS,
    WORD_AFTER,
    WORD_BEFORE,
    features,
    name_usage,
    named_country,
    needs_evidence,
    unseen_word_placed,
)
from marsad.places.gazetteer import TableGazetteer
from marsad.text.normalize import FoldedText, fold, fold_key

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "marsad" / "data"
SEED = 20261207
FEATURES_VERSION = 2
WORD_RE = re.compile(r"[\u0621-\u064A]+")
# Words after which a name is used as a place (folded, as in the corpus text): prepositions of place
# and head nouns, alone or with an attached ب/و.
LOCATIVE_WORDS = ("في", "من", "الي", "نحو", "قرب", "داخل", "مدينه", "بمدينه", "ولايه", "بولايه",
                  "معتمديه", "بمعتمديه", "جهه", "بجهه", "منطقه", "بمنطقه", "بلديه", "ببلديه", "بلده",
                  "ببلده", "قريه", "بقريه", "حي", "بحي", "شمال", "جنوب", "شرق", "غرب", "وسط",
                  "محافظه", "بمحافظه", "عاصمه", "العاصمه")
# A word beside a name in this share of its corpus occurrences, and at least this often, is a collocate.
COLLOCATE_SHARE = 0.15
COLLOCATE_MIN = 3
# A word that stands (COLLOCATE_MIN times or more) beside this many gazetteer names is a word of place.
PLACE_WORD_NAMES = 4
# The places stage's own words of place: head nouns, directions and nearness, prepositions of place.
PLACE_WORDS = frozenset({*HEAD_KIND, *DIRECTIONS, *NEAR_WORDS, *LOCATIVE_WORDS, *PLACE_PREPOSITIONS})
# The share of places (cross-validated) the chosen threshold must keep at least.
MIN_PLACES_KEPT = 0.95
PROCLITICS = ("و", "ب", "ل", "ف", "وب", "ول")


def corpus_counts(shared: Path, sample: int) -> Counter[str]:
    """Folded word and two-word counts of the ANT corpus (the first ``sample`` articles if positive)."""
    counts: Counter[str] = Counter()
    with (shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if 0 < sample <= n:
                break
            rec = json.loads(line)
            words = WORD_RE.findall(fold_key((rec.get("title") or "") + "\n" + rec["text"]))
            counts.update(words)
            counts.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return counts


def _count(key: str, counts: Counter[str]) -> int:
    total = counts.get(key, 0)
    if " " not in key:
        total += sum(counts.get(p + key, 0) for p in PROCLITICS)
        if key.startswith("ال"):
            total += counts.get("لل" + key[2:], 0)
    return total


def is_demonym(word: str) -> bool:
    """A definite relative adjective (السوريه، الفرنسي): it says where a place lies, not what a word means."""
    return word.startswith("ال") and len(word) > 4 and (word.endswith("ي") or word.endswith("يه"))


def is_event_noun(word: str) -> bool:
    """A noun that names an event by its place in construct (هجمات بروكسيل، أحداث الذهيبة), an
    attached و/ب/ل/ف taken off: such a word before a name is a use of the place, no phrase of it."""
    return word in EVENT_NOUNS or (len(word) > 3 and word[0] in "وفبل" and word[1:] in EVENT_NOUNS)


def collocates(counts: Counter[str], keys: set[str]) -> dict[str, list[str]]:
    """The words that stand before (``<w``) or after (``>w``) a one-word name in at least
    COLLOCATE_SHARE of its occurrences: the phrases the corpus writes with it (مسقط رأس، ريال مدريد،
    مبلغ مالي). Words that stand so beside many names are words of place (في، مدينة، هجوم، أهالي)
    and no phrase of one name; they are read off the corpus too, and so are nouns of events
    (هجمات بروكسيل), which name the place where the event happened. Demonyms beside a name (حمص
    السورية، العاصمة السورية دمشق) say where it lies and are no phrase either."""
    totals = {k: _count(k, counts) for k in keys if " " not in k}
    around: dict[str, Counter[str]] = {}
    names_beside: Counter[str] = Counter()
    for pair, c in counts.items():
        a, sep, b = pair.partition(" ")
        if not sep:
            continue
        if b in totals and not is_demonym(a):  # العاصمة السورية دمشق
            around.setdefault(b, Counter())["<" + a] += c
            names_beside["<" + a] += c >= COLLOCATE_MIN
        if a in totals and not is_demonym(b):
            around.setdefault(a, Counter())[">" + b] += c
            names_beside[">" + b] += c >= COLLOCATE_MIN
    out = {}
    for key, seen in around.items():
        total = totals[key]
        words = sorted(w for w, c in seen.items() if c >= COLLOCATE_MIN and c >= COLLOCATE_SHARE * total
                       and names_beside[w] < PLACE_WORD_NAMES and bare_word(w[1:]) not in PLACE_WORDS
                       and not is_event_noun(w[1:]))
        if words:
            out[key] = words
    return out


# A stem the corpus writes at least this often is an ordinary word (درع for درعا "as a shield").
UNSEEN_STEM_MIN = 5


UsageRow = tuple[str, int, float, float, float, str, str]
# Letters that may stand attached before a name in the text (proclitics, or the head of another word
# the name is the tail of: ف+رقة، بل+دان، ك+بيرا): the corpus count of each whole word is kept.
ATTACHED = tuple(a + b for a in ("", *"وفبلك") for b in "وفبلك")


def attached_ratios(key: str, counts: Counter[str]) -> str:
    """The usage table's attached-letters column of a one-word name: ``letters:log-ratio`` of the
    whole word's corpus count to the bare name's, for the letters the corpus writes it with, and
    ``*:log-ratio`` for letters it never writes it with."""
    if " " in key:
        return ""
    bare = counts.get(key, 0)
    out = []
    for letters in ATTACHED:
        c = counts.get(letters + key, 0)
        if c:
            out.append(f"{letters}:{round(math.log((c + 1) / (bare + 1)), 3)}")
    out.append(f"*:{round(math.log(1 / (bare + 1)), 3)}")
    return "|".join(out)


def unseen_word_signs(key: str, counts: Counter[str], keys: set[str]) -> UsageRow | None:
    """The usage row of a one-word name the corpus never writes, when its shape says it is an ordinary
    word: its form with ال is written (the adjective or noun it also is), or it is a frequent word with
    the accusative ending ا (درعا: درع "a shield"), the feminine ه (a noun's or adjective's form) or a
    pronoun suffix ه/ها added (its form with ال counts only when that is no gazetteer name: عراق
    beside العراق is the place). None when no sign is found (سيونيك): a name unknown to the corpus and
    shaped like no word of it keeps no evidence either way, and the places stage keeps it.

    The row has count 0 and locative share 0; its stem column holds the strongest stem's log count.
    """
    if " " in key or key.startswith("ال") or len(key) < 4:
        return None
    # عراق beside العراق, خرطوم beside الخرطوم: the definite form is the place's own name
    definite = 0.0 if "ال" + key in keys else math.log(_count("ال" + key, counts) + 1)
    stems = [key[:-len(end)] for end in ("ها", "ه", "ا") if key.endswith(end) and len(key) - len(end) >= 3]
    stem = max((math.log(_count(s, counts) + 1) for s in stems), default=0.0)
    if definite < math.log(UNSEEN_STEM_MIN + 1) and stem < math.log(UNSEEN_STEM_MIN + 1):
        return None
    return key, 0, 0.0, round(definite, 3), round(stem, 3), "", ""


def usage_rows(counts: Counter[str]) -> list[UsageRow]:
    """(key, count, locative share, definite log-ratio, stem log-ratio, collocates, attached letters)
    of the gazetteer's names."""
    keys = {k for k in packaged_gazetteer().keys() if k.count(" ") <= 1}
    near_words = collocates(counts, keys)
    rows = []
    for key in sorted(keys):
        total = _count(key, counts)
        if not total:
            unseen = unseen_word_signs(key, counts, keys)
            if unseen is not None:
                rows.append(unseen)
            continue
        hits = sum(counts.get(f"{w} {key}", 0) for w in LOCATIVE_WORDS)
        if " " not in key:
            hits += counts.get("ب" + key, 0) + counts.get("وب" + key, 0)
            if key.startswith("ال"):
                hits += counts.get("بال" + key[2:], 0) + counts.get("وبال" + key[2:], 0)
        toggled = key[2:] if key.startswith("ال") else "ال" + key
        definite = math.log((_count(toggled, counts) + 1) / (total + 1))
        stem = 0.0
        if " " not in key:
            for suffix in ("ها", "ه"):
                if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                    stem = max(stem, math.log((_count(key[:-len(suffix)], counts) + 1) / (total + 1)))
        rows.append((key, total, round(min(1.0, hits / total), 3), round(definite, 3), round(stem, 3),
                     "|".join(near_words.get(key, [])), attached_ratios(key, counts)))
    return rows


def countries_named(keys: list[str], gaz: TableGazetteer) -> dict[str, set[str]]:
    """The countries that each name of an article points to alone, as the places stage counts them."""
    named_by: dict[str, set[str]] = {}
    for key in keys:
        named = named_country(gaz.candidates(key))
        if named is not None:
            named_by.setdefault(named, set()).add(key)
    return named_by


def occurrence_features(text: str, folded: FoldedText, names: list[tuple[int, int, str]], n: int,
                        named_by: dict[str, set[str]], gaz: TableGazetteer) -> dict[str, float] | None:
    """The features of the n-th gazetteer name of an article (``names``: start, end and key of each),
    or None when the places stage decides it without the model (a name that needs no evidence)."""
    start, end, key = names[n]
    fs, fe = folded.to_folded(start), folded.to_folded(end)
    words, _nxt = context_words(folded.text, fs, fe, CONTEXT_WINDOW)
    head, near = read_before(words)
    entries = gaz.candidates(key)
    if not needs_evidence(key, entries, head=head, near=near, ambiguous=gaz.is_ambiguous(key)):
        return None
    others = {c for c, keys in named_by.items() if keys - {key}}
    listed = any(LIST_GAP_RE.fullmatch(gap) for gap in (
        text[names[n - 1][1]:start] if n > 0 else "x",
        text[end:names[n + 1][0]] if n + 1 < len(names) else "x"))
    return features(folded.text, fs, fe, key, entries, backed=any(c.country in others for c in entries),
                    listed=listed, head=head, near=near, ambiguous=gaz.is_ambiguous(key))


def examples(shared: Path, sample: int) -> tuple[list[tuple[str, dict[str, float], int]], str]:
    """(article id, features, 1 place / 0 not) of the labelled gazetteer names, and the gold digest.

    Every occurrence counts, whether the entity tagger marks it or not: the model learns how the
    words around a name make it a place or not, which the tagger's choice does not change.
    """
    golds, digest = training_golds(shared, "entities", extra=True, sample=sample)
    gaz = packaged_gazetteer()
    out = []
    for gold in golds:
        folded = fold(gold["text"])
        found = [(s, e, key, got[0]) for s, e, key in occurrences(gold["text"])
                 if (got := label(gold, key)) is not None]
        names = [(start, end, key) for start, end, key, _kind in found]
        named_by = countries_named([key for _s, _e, key in names], gaz)
        for n, (_s, _e, _key, kind) in enumerate(found):
            feats = occurrence_features(gold["text"], folded, names, n, named_by, gaz)
            if feats is None:
                continue
            out.append((gold["id"], feats, int(kind == "place")))
    return out, digest


READINGS = REPO / "benchmarks" / "data" / "place-readings-train.jsonl"


def reading_examples(shared: Path, path: Path) -> tuple[list[tuple[str, dict[str, float], int]], str]:
    """(article id, features, 1 place / 0 not) of the occurrences of a place-readings list
    (benchmarks/data/place-readings-train.jsonl: ANT articles outside every gold set, each occurrence
    read from the text as a place, an ordinary word or an outlet), and the list's digest.

    The features are those of :func:`examples`; the names of the article that back a country are all
    its gazetteer names, as the places stage counts its mentions.
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {r["id"] for r in rows}
    texts = {article_id: record["text"] for article_id, record in corpus_records(shared, wanted).items()}
    gaz = packaged_gazetteer()
    out = []
    for article_id in sorted(wanted):
        text = texts[article_id]
        folded = fold(text)
        found = list(occurrences(text))
        named_by = countries_named([key for _s, _e, key in found], gaz)
        at = {s: n for n, (s, _e, _k) in enumerate(found)}
        for r in (r for r in rows if r["id"] == article_id):
            if text[r["start"]:r["end"]] != r["surface"]:
                raise SystemExit(f"{path}: offsets do not match the text: {r}")
            n = at.get(r["start"])
            if n is None:
                continue  # not read as a gazetteer name by place_gold.occurrences
            feats = occurrence_features(text, folded, found, n, named_by, gaz)
            if feats is None:
                continue
            out.append((article_id, feats, int(r["kind"] == "place")))
    return out, hashlib.sha256(path.read_bytes()).hexdigest()


def decided(f: dict[str, float]) -> float | None:
    """The score of an example that marsad.places.evidence.is_place decides before the model: 2 for
    a place, -1 for a word; None when the model decides."""
    if f.get("unseen_wordlike"):
        return 2.0 if unseen_word_placed(f) else -1.0
    if f.get("attached_not_proclitic") or (f.get("collocation") and not f.get("backed")):
        return -1.0
    return None


# A neighbouring word (evidence.WORD_BEFORE / WORD_AFTER) gets a weight only when it stands beside
# this many of the examples fitted: rarer words would learn the article, not the language.
MIN_WORD_EXAMPLES = 5


def frequent_words(rows: list[tuple[dict[str, float], int]]) -> list[tuple[dict[str, float], int]]:
    """The rows with the neighbouring-word features seen fewer than MIN_WORD_EXAMPLES times dropped."""
    seen = Counter(k for feats, _y in rows for k in feats if k.startswith((WORD_BEFORE, WORD_AFTER)))
    return [({k: v for k, v in feats.items()
              if not k.startswith((WORD_BEFORE, WORD_AFTER)) or seen[k] >= MIN_WORD_EXAMPLES}, y)
            for feats, y in rows]


def fit(rows: list[tuple[dict[str, float], int]], l2: float, epochs: int, rate: float) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent with AdaGrad steps; classes weighted equally.
    Neighbouring words seen too seldom in ``rows`` get no weight (:func:`frequent_words`)."""
    rows = frequent_words(rows)
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    pos = sum(y for _f, y in rows) or 1
    neg = (len(rows) - pos) or 1
    weight = {1: len(rows) / (2 * pos), 0: len(rows) / (2 * neg)}
    for _ in range(epochs):
        grad: dict[str, float] = {}
        for feats, y in rows:
            z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = (p - y) * weight[y]
            grad["bias"] = grad.get("bias", 0.0) + err
            for k, v in feats.items():
                grad[k] = grad.get(k, 0.0) + err * v
        for k, g in grad.items():
            g = g / len(rows) + (l2 * w.get(k, 0.0) / len(rows) if k != "bias" else 0.0)
            g2[k] = g2.get(k, 0.0) + g * g
            w[k] = w.get(k, 0.0) - rate * g / (math.sqrt(g2[k]) + 1e-8)
    return w


def probability(w: dict[str, float], feats: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=SEED, help="salt of the article folds")
    ap.add_argument("--sample", type=int, default=0, help="a quick run on the first N articles of each source")
    ap.add_argument("--out", type=Path, default=DATA, help="the package's data folder")
    ap.add_argument("--readings", type=Path, default=READINGS,
                    help="a place-readings list to learn from too (benchmarks/data/place-readings-train.jsonl); "
                         "'none' for the gold alone")
    a = ap.parse_args(argv)

    counts = corpus_counts(a.shared, a.sample * 20 if a.sample else 0)
    rows = usage_rows(counts)
    usage_path = a.out / "gazetteer" / "name-usage.tsv"
    usage_path.parent.mkdir(parents=True, exist_ok=True)
    usage_path.write_text("\n".join([
        "# How the ANT corpus (Apache-2.0) uses each gazetteer name of one or two words, written by",
        "# scripts/train_place_evidence.py: do not edit by hand. Read by marsad.places.evidence.",
        "# columns: folded_name\tcount\tlocative_share\tdefinite_log_ratio\tstem_log_ratio\tcollocates(|)"
        "\tattached_letters:log_ratio(|)",
        *("\t".join(map(str, r)) for r in rows)]) + "\n", encoding="utf-8")
    usage_digest = hashlib.sha256(usage_path.read_bytes()).hexdigest()
    if a.out != DATA:
        print("--out other than the package: the features are read from the packaged usage table",
              file=sys.stderr)
    name_usage.cache_clear()

    data, digest = examples(a.shared, a.sample)
    readings_digest = None
    from_readings: set[str] = set()
    if str(a.readings) != "none" and not a.sample:
        extra, readings_digest = reading_examples(a.shared, a.readings)
        print(f"{len(extra)} occurrences of {a.readings.name} decided by the model")
        from_readings = {art for art, _f, _y in extra}
        data += extra
    pos = sum(y for _a, _f, y in data)
    print(f"{len(data)} labelled mentions: {pos} places, {len(data) - pos} ordinary words or names")
    folds = {art: int(hashlib.sha256(f"{a.seed}:{art}".encode()).hexdigest(), 16) % a.folds
             for art, _f, _y in data}
    scored_by: list[tuple[float, int, bool]] = []
    for k in range(a.folds):
        w = fit([(f, y) for art, f, y in data if folds[art] != k], a.l2, a.epochs, a.rate)
        # a corpus phrase or a word's tail decides before the model (places.evidence.is_place)
        scored_by += [(decided(f) if decided(f) is not None else probability(w, f), y, art in from_readings)
                      for art, f, y in data if folds[art] == k]
    scored = [(p, y) for p, y, _r in scored_by]

    def rates(t: float) -> tuple[float, float]:
        kept = sum(1 for p, y in scored if y and p >= t) / max(1, pos)
        dropped = sum(1 for p, y in scored if not y and p < t) / max(1, len(scored) - pos)
        return kept, dropped

    # the two goals are separate rates (ordinary words given no place, places kept): the
    # threshold maximises their sum, among those that keep at least MIN_PLACES_KEPT of the places
    allowed = [t / 100 for t in range(5, 96) if rates(t / 100)[0] >= MIN_PLACES_KEPT] or [0.05]
    threshold = max(allowed, key=lambda t: (sum(rates(t)), -t))
    kept, dropped = rates(threshold)
    print(f"cross-validated at threshold {threshold:.2f}: places kept {kept:.3f}, "
          f"ordinary words given no place {dropped:.3f}")
    for name, part in (("gold", False), ("readings", True)):
        sub = [(p, y) for p, y, r in scored_by if r == part]
        sub_pos = sum(y for _p, y in sub)
        if sub:
            print(f"  {name}: places kept {sum(1 for p, y in sub if y and p >= threshold) / max(1, sub_pos):.3f} "
                  f"of {sub_pos}, ordinary given no place "
                  f"{sum(1 for p, y in sub if not y and p < threshold) / max(1, len(sub) - sub_pos):.3f} "
                  f"of {len(sub) - sub_pos}")
    w = fit([(f, y) for _a, f, y in data], a.l2, a.epochs, a.rate)
    models = a.out / "models"
    models.mkdir(parents=True, exist_ok=True)
    lines = ["# Weights of the place-evidence model (marsad.places.evidence), written by",
             "# scripts/train_place_evidence.py: do not edit by hand. columns: feature, weight"]
    lines += [f"{k}\t{v:.4f}" for k, v in sorted(w.items(), key=lambda kv: (-abs(kv[1]), kv[0]))]
    (models / "place-evidence.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta: dict[str, Any] = {
        "features_version": FEATURES_VERSION,
        "model": "logistic regression, classes weighted equally, full-batch AdaGrad, L2",
        "l2": a.l2, "epochs": a.epochs, "rate": a.rate, "folds": a.folds, "seed": a.seed,
        "sample": a.sample, "threshold": threshold,
        "training_data": "shared/data/train-ant, train half of benchmarks/data/train-ant-split.json, "
                         "and benchmarks/data/gold-ant-extra (entities complete); labels by scripts/place_gold.py",
        "training_data_sha256": digest,
        "readings": None if readings_digest is None else str(a.readings.relative_to(REPO)),
        "readings_sha256": readings_digest,
        "name_usage_sha256": usage_digest,
        "examples": len(data), "places": pos,
        "cross_validated": {"places_kept": round(kept, 3), "ordinary_not_placed": round(dropped, 3)},
    }
    (models / "place-evidence.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    print(f"wrote {usage_path} ({len(rows)} names) and {models / 'place-evidence.tsv'} ({len(w)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
