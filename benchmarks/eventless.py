#!/usr/bin/env python3
"""Events on articles that report none: what a user running marsad on a whole news feed sees.

  python benchmarks/eventless.py [--shared ../shared] [--corpus-articles 200] [--mode article|sentence|rules]
                                 [--show]

Counts the events coded on (1) the articles of the train split of ``shared/data/train-ant`` whose
gold has no event, and (2) the first N articles of the ANT corpus (``shared/data/corpus/ant-v1.1.jsonl``:
culture and miscellany, with no political violence in the first 200). Every event on them is a
false one; on a news stream most articles are like these, so the count is the stream's precision
cost. Figures only, no gate.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import marsad
from marsad.config import EVENT_MODES, Config, EventsConfig
from marsad.document import Article, Document

REPO = Path(__file__).resolve().parent.parent
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"


def _article(record: dict[str, object]) -> Article:
    return Article.from_dict({k: record.get(k) for k in ("id", "title", "published", "text")})


def _report(name: str, docs: list[Document], show: bool) -> None:
    with_events = [d for d in docs if d.events]
    print(f"{name}: {len(docs)} articles, {len(with_events)} given an event, "
          f"{sum(len(d.events) for d in docs)} events")
    if show:
        for d in with_events:
            for e in d.events:
                print(f"  {d.id}: {e.sub_event_type} | {e.evidence.text[:80]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--corpus-articles", type=int, default=200)
    ap.add_argument("--mode", choices=EVENT_MODES, default="article")
    ap.add_argument("--show", action="store_true", help="list the events found")
    a = ap.parse_args()
    pipe = marsad.Pipeline(Config(events=EventsConfig(mode=a.mode)))
    train_ids = json.loads(SPLIT.read_text(encoding="utf-8"))["train"]
    golds = [json.loads((a.shared / "data" / "train-ant" / f"{i}.json").read_text(encoding="utf-8"))
             for i in sorted(train_ids)]
    _report("eventless train-split articles", [pipe.run(_article(g)) for g in golds if not g.get("events")],
            a.show)
    with (a.shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        docs = [pipe.run(_article(json.loads(line))) for line in itertools.islice(fh, a.corpus_articles)]
    _report(f"first {a.corpus_articles} ANT corpus articles", docs, a.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
