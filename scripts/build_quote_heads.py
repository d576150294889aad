#!/usr/bin/env python3
"""Mine speaker head words from the training gold (train half + extra gold) into quotes/heads_mined.tsv.

  python scripts/build_quote_heads.py [--shared ../shared] [--check]

The hand-written heads.tsv names the head words of speaker phrases (مصدر، وزارة، الناطق). The gold
codes many more (مجمع التنسيقيات ...، المحتجون، عائلات الضحايا): for every gold quote of an article in
the ``train`` half of benchmarks/data/train-ant-split.json or of the extra ANT gold complete in quotes
(benchmarks/data/gold-ant-extra, read through scripts/training_gold.py), the first word of its
speaker, without the article and proclitics, is a head of kind

- ``anon`` when the annotator marked the speaker anonymous (a description: مصادر مطلعة، المحتجون);
- ``body`` when the speaker is, or opens, an ORG entity of the same gold article (مجمع، كتلة).

Personal names, places and words already in heads.tsv are left out, and so are function words; a
head must be seen in at least MIN_ARTICLES articles of the train half, or MIN_EXTRA_ARTICLES of the
extra gold, or be a body head of an ORG. The validation half is never read, so its figures stay honest.
The output records the gold digest.
``--check`` fails when the committed file differs from what the gold gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"
OUT = REPO / "src" / "marsad" / "data" / "quotes" / "heads_mined.tsv"
HAND = REPO / "src" / "marsad" / "data" / "quotes" / "heads.tsv"
# An anonymous description must open speakers in this many train articles to count as a head.
MIN_ARTICLES = 1
# ... and in this many training articles when none of them is of the train half.
MIN_EXTRA_ARTICLES = 2

sys.path.insert(0, str(REPO / "src"))
from marsad.quotes.phrases import FUNCTION_WORDS, PREPOSITIONS, has_pronoun_suffix  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from training_gold import EXTRA, training_golds  # noqa: E402

from marsad.text.normalize import fold_key  # noqa: E402

# Quantifiers that open a description whose head is the next word (أحد الحاضرين، عدد من الأهالي).
QUANTIFIERS = frozenset(fold_key(w) for w in ("أحد", "إحدى", "عدد", "بعض", "كل", "عشرات", "مئات", "من"))


def _bare(word: str) -> str:
    """The word without the article and the proclitics that can only stand before it (وال، بال، لل).

    A bare و/ب/ل/ف at the start of an indefinite word is as often a root letter (وسائل، لجنة), so it stays.
    """
    w = fold_key(word)
    if len(w) > 4 and w[0] in "وفبك" and w[1:3] == "ال":
        w = w[1:]
    elif w.startswith("لل") and len(w) > 4:
        w = "ا" + w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def mine(shared: Path) -> tuple[str, list[tuple[str, str, int]]]:
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    train = set(split["train"])
    hand = {_bare(line.split("\t")[0]) for line in HAND.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#") and " " not in line.split("\t")[0]}
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    golds, digest = training_golds(shared, "quotes", extra=True)
    for gold in golds:
        if gold["id"] not in train and not (EXTRA / f"{gold['id']}.json").exists():
            continue  # (training_golds reads the train half and the extra gold only; this says so)
        entities = gold.get("entities") or []
        orgs = {fold_key(f) for e in entities if e["type"] == "ORG"
                for f in [e.get("canonical", ""), *(e.get("aliases") or [])] if f}
        people = {fold_key(f) for e in entities if e["type"] in ("PER", "GPE", "LOC", "FAC")
                  for f in [e.get("canonical", ""), *(e.get("aliases") or [])] if f}
        for q in gold["quotes"]:
            speaker = fold_key(q.get("speaker") or "")
            words = speaker.replace('"', " ").split()
            if not words:
                continue
            while len(words) > 1 and fold_key(words[0]) in QUANTIFIERS:
                words = words[1:]
            head = _bare(words[0])
            if has_pronoun_suffix(words[0]) and not words[0].startswith("ال"):
                continue  # طليقته، أحدهم: a relation to someone, not a kind of speaker
            if len(head) < 3 or head in hand or head in FUNCTION_WORDS or head in PREPOSITIONS:
                continue
            if any(speaker == p or speaker.startswith(p + " ") for p in people):
                continue  # a personal name or a country speaking
            if q.get("anonymous"):
                seen[(head, "anon")].add(gold["id"])
            elif len(words) > 1 and any(o.split() and _bare(o.split()[0]) == head and
                                        (speaker == o or o.startswith(speaker) or speaker.startswith(o))
                                        for o in orgs):
                seen[(head, "body")].add(gold["id"])
    # (a head of the train half counts from one article, as before the extra gold; one that only the
    # extra gold gives needs MIN_EXTRA_ARTICLES, since its annotators' one-off descriptions are many)
    rows = sorted((h, k, len(ids)) for (h, k), ids in seen.items()
                  if k == "body" or (ids & train and len(ids) >= MIN_ARTICLES) or len(ids) >= MIN_EXTRA_ARTICLES)
    return digest, rows


def render(digest: str, rows: list[tuple[str, str, int]]) -> str:
    head = [
        "# Head words of speaker phrases mined from the train half of ../shared/data/train-ant and the",
        "# extra ANT gold complete in quotes (benchmarks/data/gold-ant-extra) by",
        "# scripts/build_quote_heads.py (see its docstring). Do not edit: rebuild with the script.",
        f"# gold digest (train half and extra gold): {digest}",
        "# Columns: head (folded, without ال)<TAB>kind<TAB>training articles that use it",
    ]
    return "\n".join(head + [f"{h}\t{k}\t{n}" for h, k, n in rows]) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    text = render(*mine(a.shared))
    if a.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from the gold: rebuild it", file=sys.stderr)
            return 1
        print("heads_mined.tsv matches the gold")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 4} heads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
