#!/usr/bin/env python3
"""Place readings: does marsad make a place of a word only when the sentence uses it as one?

  python benchmarks/place_readings.py [--shared ../shared] [--data benchmarks/data/place-readings.jsonl]
                                      [--show-errors]

The data (benchmarks/data/place-readings.jsonl) lists occurrences in ANT articles, by article id and
character offsets (the text stays in ../shared), annotated from the text alone before marsad was run
on them, and never used to tune anything:

  ordinary   a word that names a place elsewhere but not here (مبلغ مالي، حماة الوطن، مسقط رأسه)
  outlet     a media outlet named like a place (قناة الجزيرة)
  place      a real place, with its country (ISO alpha-2) and ACLED first-level division

An occurrence is read as a place when an entity mention overlapping it is resolved to a place. The
figures are the issue's: the share of ordinary words and outlets given no place (goal >= 0.95), and
the share of places resolved with the right country and admin1 (goal >= 0.95).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import marsad
from marsad.document import Document, Place
from marsad.scoring import load_scorer

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "place-readings.jsonl"


def admin_key_of(shared: Path) -> Callable[[str | None], str]:
    """The scorer's folding of a first-level division's name (its spellings and aliases count as one)."""
    return load_scorer(shared).admin_key  # type: ignore[no-any-return]


def read_places(doc: Document, start: int, end: int) -> list[Place]:
    """The places that mentions overlapping text[start:end] were resolved to."""
    places = {p.id: p for p in doc.places}
    return [places[m.place_id] for m in doc.entities
            if m.place_id in places and m.start < end and start < m.end]


def judge(row: dict[str, Any], found: list[Place], admin_key: Callable[[str | None], str]) -> tuple[bool, str]:
    """Whether the reading is right, and what was read."""
    what = ", ".join(f"{p.name} ({p.country}/{p.admin1})" for p in found) or "no place"
    if row["kind"] in ("ordinary", "outlet"):
        return not found, what
    for p in found:
        if (p.country or "").upper() != (row.get("country") or "").upper():
            continue
        if not row.get("admin1") or admin_key(p.admin1) == admin_key(row["admin1"]):
            return True, what
    return False, what


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    admin_key = admin_key_of(a.shared)
    rows = [json.loads(line) for line in a.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {row["id"] for row in rows}
    records = {}
    with (a.shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = record
    pipe = marsad.Pipeline()
    docs = {}
    for article_id in sorted(wanted):
        r = records[article_id]
        docs[article_id] = pipe.run(marsad.Article.from_dict(
            {"id": article_id, "text": r["text"], "title": r.get("title"), "published": r.get("published")}))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in rows:
        doc = docs[row["id"]]
        if doc.text[row["start"]:row["end"]] != row["surface"]:
            print(f"offsets do not match the text: {row}", file=sys.stderr)
            return 2
        ok, what = judge(row, read_places(doc, row["start"], row["end"]), admin_key)
        total[row["kind"]] += 1
        right[row["kind"]] += ok
        if a.show_errors and not ok:
            context = doc.text[max(0, row["start"] - 40):row["end"] + 40].replace("\n", " ")
            print(f"  {row['kind']:8} {row['surface']} -> {what} | {context}")
    no_place = (right["ordinary"] + right["outlet"]) / max(1, total["ordinary"] + total["outlet"])
    print(f"ordinary words and outlets given no place: {no_place:.3f} "
          f"(ordinary {right['ordinary']}/{total['ordinary']}, outlets {right['outlet']}/{total['outlet']})")
    print(f"places with the right country and admin1: {right['place'] / max(1, total['place']):.3f} "
          f"({right['place']}/{total['place']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
