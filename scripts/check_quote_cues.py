#!/usr/bin/env python3
"""List the reporting cues the train half of the training gold codes and the quotes lexicon lacks.

  python scripts/check_quote_cues.py [--shared ../shared] [--min N]

Reads the gold ``cue`` field of every quote of the articles in the ``train`` half of
benchmarks/data/train-ant-split.json (never the validation half), folds it as the matcher does and
checks it against the cue verbs (quotes/cues.tsv) and attribution phrases (quotes/attributions.tsv).
Prints the uncovered cues with their count and, for each, what stands between the cue and the gold
``quote_head`` in the text (the frame a new cues.tsv row should take: a complementiser, a preposition
or the content right away). New rows are written by hand with the verb's conjugations.
``--min N`` shows only cues seen at least N times. A report, not a gate: verbal nouns (نقلت عنه قوله)
and phrases (جاء في تغريدة) are read by other rules without being cues of their own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"
sys.path.insert(0, str(REPO / "src"))
from marsad.quotes.lexicon import lexicon  # noqa: E402
from marsad.text.normalize import fold_key  # noqa: E402


def covered(cue: str) -> bool:
    lex = lexicon()
    folded = fold_key(cue)
    return any(pattern.fullmatch(form) for pattern in (lex.cue_re, lex.attribution_re)
               for form in (folded, "و" + folded))


def uncovered(shared: Path) -> tuple[Counter[str], dict[str, list[str]]]:
    train = set(json.loads(SPLIT.read_text(encoding="utf-8"))["train"])
    counts: Counter[str] = Counter()
    between: dict[str, list[str]] = defaultdict(list)
    for path in sorted((shared / "data" / "train-ant").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["id"] not in train:
            continue
        text = gold["text"]
        for q in gold["quotes"]:
            cue = q.get("cue") or ""
            if not cue or covered(cue):
                continue
            counts[cue] += 1
            head = text.find(q["quote_head"])
            at = text.rfind(cue, max(0, head - 300), head + 1) if head >= 0 else -1
            if at >= 0:
                between[cue].append(" ".join(text[at + len(cue):head].split()[-4:]))
    return counts, between


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min", type=int, default=1, help="show only cues seen at least this often")
    a = ap.parse_args()
    counts, between = uncovered(a.shared)
    for cue, n in counts.most_common():
        if n >= a.min:
            print(f"{n}\t{cue}\t" + " | ".join(between.get(cue, [])[:3]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
