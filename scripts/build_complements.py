"""Build ``data/entities/complements-corpus.tsv``: nouns that with ل continue an organisation's name.

After an organisation's head and its adjectives, ل + a noun is either part of the name (النقابة
الوطنية للصحفيين، الشركة التونسية للكهرباء، الإدارة الفرعية للقضايا الإجرامية) or a purpose (الإدارة
الأميركية للتحرك، دعوة عامة للاحتجاج). The ANT corpus tells them apart: a noun of a name is written
after an adjective (a definite nisba, العليا، العامة ...) most of the times it follows لل, a purpose
after verbs and common nouns. This script counts, for every folded noun written as لل + noun, how
often the word before it is such an adjective, and keeps the nouns seen at least MIN_COUNT times
whose share reaches MIN_SHARE. They add to the hand list ``complements.tsv``.

Usage: python scripts/build_complements.py [--shared ../shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from marsad.text.normalize import fold_key

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "marsad" / "data" / "entities" / "complements-corpus.tsv"
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


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(None if argv is None else list(argv))
    seen, after_adjective = count(a.shared / "data" / "corpus" / "ant-v1.1.jsonl")
    rows = sorted((noun, n, round(after_adjective[noun] / n, 3)) for noun, n in seen.items()
                  if n >= MIN_COUNT and after_adjective[noun] / n >= MIN_SHARE)
    header = ("# Nouns that with ل continue an organisation's name, from the ANT corpus (Apache-2.0) by\n"
              "# scripts/build_complements.py: do not edit by hand.\n"
              "# columns: folded noun\ttimes after لل\tshare after an adjective\n")
    a.out.write_text(header + "".join(f"{w}\t{n}\t{s}\n" for w, n, s in rows), encoding="utf-8")
    print(f"{len(rows)} nouns -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
