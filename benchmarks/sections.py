#!/usr/bin/env python3
"""Events per ANT section: a weak signal of stream precision on the sections that rarely report violence.

  python benchmarks/sections.py [--shared ../shared] [--sections sport,culture,...] [--limit N] [--show]

Runs the pipeline on the articles of the ANT corpus (``shared/data/corpus/ant-v1.1.jsonl``) of the
sections that seldom report political violence (sport, culture, technology, economy, diverse) and
counts, per section, the articles given an event, the events and the historical ones among them. No
gold exists for these articles: an event there is most often false (a film's plot, a match's
"attack", an accident, a crime ACLED does not code), but not always (a riot after a match, a strike
reported under economy), so the counts are a weak signal to read with ``--show``, not a score.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import marsad
from marsad.document import Article

REPO = Path(__file__).resolve().parent.parent
LOW_VIOLENCE = ("sport", "culture", "technology", "economy", "diverse")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--sections", default=",".join(LOW_VIOLENCE), help="comma-separated ANT categories")
    ap.add_argument("--limit", type=int, default=0, help="at most N articles per section (0: all)")
    ap.add_argument("--show", action="store_true", help="list the events found")
    a = ap.parse_args()
    sections = [s for s in a.sections.split(",") if s]
    pipe = marsad.Pipeline()
    articles, given, events, historical = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    with (a.shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            section = record.get("category")
            if section not in sections or (a.limit and articles[section] >= a.limit):
                continue
            articles[section] += 1
            doc = pipe.run(Article.from_dict({k: record.get(k) for k in ("id", "title", "published", "text")}))
            if not doc.events:
                continue
            given[section] += 1
            events[section] += len(doc.events)
            historical[section] += sum(e.historical for e in doc.events)
            if a.show:
                for e in doc.events:
                    print(f"  {section} {doc.id}: {e.sub_event_type}{' (historical)' if e.historical else ''}"
                          f" | {e.evidence.text[:90]}")
    for section in sections:
        print(f"{section:12} articles {articles[section]:5}  given an event {given[section]:4}  "
              f"events {events[section]:4}  historical {historical[section]:3}")
    print(f"{'total':12} articles {sum(articles.values()):5}  given an event {sum(given.values()):4}  "
          f"events {sum(events.values()):4}  historical {sum(historical.values()):3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
