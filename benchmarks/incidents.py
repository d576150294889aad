#!/usr/bin/env python3
"""Incidents across articles: pairwise quality on judged ANT pairs, and linking cost as a store grows.

  python benchmarks/incidents.py --quality [--half test|tune|all] [--results ANT.jsonl] [--db URL]
  python benchmarks/incidents.py --cost [--events 100000] [--results ANT.jsonl] [--db URL]

``--quality`` scores "same incident" pairwise on benchmarks/data/incident-pairs.json: pairs of
events of two ANT articles (found as candidates: same country, type family, dates a day apart at
most) judged by reading both reports. A pair names each event by its article and the character
span of its evidence, so the judgement survives changes to the extractor; an event the extractor no
longer finds is counted apart. The pairs were split once by a hash of their key: LinkConfig was
tuned on "tune" only; "test" is the held-out half whose figures are quoted. The articles are
extracted again (or read from ``--results``, a ``marsad extract`` output of ANT, which also brings
every other ANT event into the store, as in a real load), stored, linked, and each pair is
predicted "same" when both events got the same incident id.

``--cost`` grows a store to ``--events`` events with synthetic articles cycled from real ANT results
(each copy gets a new id, and each cycle's dates move on by ``--spread`` weeks: 104, about the span
of ANT's recent events, models a store that grows over time as news does; 1 piles every cycle onto
the same weeks, a store growing in density of reports per day) and reports the linking cost per
article, measured on batches of 64 new articles at several store sizes. Candidates come from an
indexed query by country and day, so the cost follows the number of incidents per country and day,
never the size of the store.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.dedup import LinkConfig, link_incidents
from marsad.document import Article, Document
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"
PAIRS = REPO / "benchmarks" / "data" / "incident-pairs.json"
BATCH = 64


def _read_results(path: Path, wanted: set[str] | None = None) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            if wanted is not None and data["id"] not in wanted:
                continue
            if data.get("events"):
                docs.append(Document.from_dict(data))
    return docs


def _extract(ids: set[str]) -> list[Document]:
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()
    articles = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            if data["id"] in ids:
                articles.append(Article.from_dict({k: data.get(k) for k in ("id", "text", "title", "published",
                                                                               "url", "source")}))
    return list(pipeline.run_many(articles))


def _event_at(doc: Document | None, start: int, end: int) -> str | None:
    """The id of the event whose evidence is this span (or overlaps it most)."""
    if doc is None:
        return None
    best, overlap = None, 0
    for event in doc.events:
        shared = min(end, event.evidence.end) - max(start, event.evidence.start)
        if event.evidence.start == start and event.evidence.end == end:
            return event.id
        if shared > overlap:
            best, overlap = event.id, shared
    return best


def quality(args: argparse.Namespace) -> int:
    pairs = [p for p in json.loads(PAIRS.read_text(encoding="utf-8")) if args.half in ("all", p["half"])]
    ids = {p[side]["article"] for p in pairs for side in ("a", "b")}
    docs = _read_results(Path(args.results)) if args.results else _extract(ids)
    by_id = {d.id: d for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "pairs.db")
        with open_store(db) as store:
            store.put_many(docs)
            t0 = time.perf_counter()
            report = link_incidents(store, LinkConfig())
            seconds = time.perf_counter() - t0
            links: dict[str, dict[str, str]] = {}
            for doc_id in ids:
                stored = store.get(doc_id)
                links[doc_id] = dict(stored.incident_ids or {}) if stored else {}
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "missing": 0}
    by_kind: dict[str, dict[str, int]] = {}
    errors = []
    for p in pairs:
        a = _event_at(by_id.get(p["a"]["article"]), p["a"]["start"], p["a"]["end"])
        b = _event_at(by_id.get(p["b"]["article"]), p["b"]["start"], p["b"]["end"])
        if a is None or b is None:
            counts["missing"] += 1
            continue
        ia, ib = links[p["a"]["article"]].get(a), links[p["b"]["article"]].get(b)
        predicted = ia is not None and ia == ib
        cell = ("tp" if predicted else "fn") if p["same_incident"] else ("fp" if predicted else "tn")
        counts[cell] += 1
        kind = "read" if p["judged"] == "read" else "republished"
        by_kind.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})[cell] += 1
        if cell in ("fp", "fn"):
            errors.append(f"  {cell} {p['a']['article']}/{a} ~ {p['b']['article']}/{b}")

    def prf(c: dict[str, int]) -> str:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return f"P {p:.3f} R {r:.3f} (tp {c['tp']} fp {c['fp']} fn {c['fn']} tn {c['tn']})"

    print(f"incident pairs, half={args.half}: {len(pairs)} judged pairs; {prf(counts)}; "
          f"{counts['missing']} with an event the extractor no longer finds")
    for kind, c in sorted(by_kind.items()):
        print(f"  {kind:12s} {prf(c)}")
    print(f"linked {report.linked} events of {len(docs)} articles into {report.created} incidents "
          f"({report.merged} merges) in {seconds:.2f} s")
    if args.verbose:
        print("\n".join(errors))
    return 0


def tune(args: argparse.Namespace) -> int:
    """A small grid over LinkConfig on the "tune" half only (in memory, no store)."""
    import itertools

    from marsad.dedup import MemoryIndex, link_pending
    from marsad.store.sql import flatten_events

    pairs = [p for p in json.loads(PAIRS.read_text(encoding="utf-8")) if p["half"] == "tune"]
    ids = {p[side]["article"] for p in pairs for side in ("a", "b")}
    docs = _read_results(Path(args.results)) if args.results else _extract(ids)
    by_id = {d.id: d for d in docs}
    keyed = [(p, _event_at(by_id.get(p["a"]["article"]), p["a"]["start"], p["a"]["end"]),
              _event_at(by_id.get(p["b"]["article"]), p["b"]["start"], p["b"]["end"])) for p in pairs]
    grid = {"threshold": (1.5, 2.0, 2.5, 3.0), "day_apart": (-1.0, -2.0, -4.0), "text_weight": (6.0, 8.0),
            "only_candidate": (0.0, 1.0, 2.0)}
    results = []
    for values in itertools.product(*grid.values()):
        config = LinkConfig(**dict(zip(grid, values, strict=True)))
        index = MemoryIndex(r for d in docs for r in flatten_events(d))
        link_pending(index, config)
        links = {(e.doc_id, e.event_id): e.incident_id for e in index.events}
        tp = fp = fn = 0
        for p, a, b in keyed:
            same = a is not None and b is not None and \
                links.get((p["a"]["article"], a)) == links.get((p["b"]["article"], b))
            tp += same and p["same_incident"]
            fp += same and not p["same_incident"]
            fn += (not same) and p["same_incident"]
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        results.append((precision >= 0.9, recall + precision, precision, recall, values))
    for _meets, _, precision, recall, values in sorted(results, reverse=True)[:args.top]:
        print(f"P {precision:.3f} R {recall:.3f} {dict(zip(grid, values, strict=True))}")
    return 0


def _synthetic(templates: list[Document], count: int, start: int, spread: int) -> Iterator[Document]:
    """``count`` articles cycled from ``templates``: new ids, dates moved ``spread`` weeks per cycle."""
    for n in range(start, start + count):
        source = templates[n % len(templates)]
        shift = dt.timedelta(weeks=spread * (n // len(templates)))
        doc = copy.deepcopy(source)
        doc.article.id = f"syn-{n}-{source.id}"
        for event in doc.events:
            if event.date and len(event.date) >= 10:
                event.date = (dt.date.fromisoformat(event.date[:10]) + shift).isoformat()
        if doc.article.published and len(doc.article.published) >= 10:
            doc.article.published = (dt.date.fromisoformat(doc.article.published[:10]) + shift).isoformat()
        yield doc


def cost(args: argparse.Namespace) -> int:
    if args.results:
        templates = _read_results(Path(args.results))
    else:
        with CORPUS.open(encoding="utf-8") as fh:
            ids = {json.loads(line)["id"] for _, line in zip(range(args.sample), fh, strict=False)}
        templates = [d for d in _extract(ids) if d.events]
    events_per_doc = sum(len(d.events) for d in templates) / len(templates)
    marks = sorted({m for m in (1_000, 10_000, 30_000, 60_000, args.events) if m <= args.events})
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "cost.db")
        with open_store(db) as store:
            made = 0
            for mark in marks:
                # grow the store to the mark (stored and linked in large batches; not timed) ...
                while store.count_events() < mark:
                    need = max(1, min(2_000, int((mark - store.count_events()) / events_per_doc) + 1))
                    store.put_many(_synthetic(templates, need, made, args.spread))
                    made += need
                    link_incidents(store)
                store.analyze()  # the planner's statistics of a store in use, not of one mid-bulk-load
                # ... then time linking of a few batches of 64 new articles, as `marsad extract` commits them
                per_article = []
                for _ in range(args.repeat):
                    batch = list(_synthetic(templates, BATCH, made, args.spread))
                    made += BATCH
                    store.put_many(batch)
                    t0 = time.perf_counter()
                    link_incidents(store)
                    per_article.append((time.perf_counter() - t0) / BATCH * 1000)
                rows.append({"events": store.count_events(), "incidents": store.count_incidents(),
                             "ms_per_article": statistics.mean(per_article),
                             "sd": statistics.stdev(per_article) if len(per_article) > 1 else 0.0})
                row = rows[-1]
                print(f"store {row['events']:>7,} events {row['incidents']:>7,} incidents: linking "
                      f"{row['ms_per_article']:.2f} ± {row['sd']:.2f} ms/article "
                      f"({events_per_doc:.1f} events/article, batches of {BATCH}, {args.repeat} runs)",
                      flush=True)
    first, last = rows[0]["ms_per_article"], rows[-1]["ms_per_article"]
    print(f"cost at {rows[-1]['events']:,} events / cost at {rows[0]['events']:,}: {last / first:.2f}x "
          f"(--spread {args.spread} weeks per cycle of {len(templates)} articles)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quality", action="store_true", help="pairwise P/R on the judged ANT pairs")
    mode.add_argument("--cost", action="store_true", help="linking cost per article as the store grows")
    mode.add_argument("--tune", action="store_true", help="grid over LinkConfig on the tune half (in memory)")
    parser.add_argument("--half", choices=("test", "tune", "all"), default="test")
    parser.add_argument("--results", help="a `marsad extract` output of ANT (else the articles are extracted)")
    parser.add_argument("--db", help="store URL (default: a temporary SQLite file)")
    parser.add_argument("--events", type=int, default=100_000, help="--cost: grow the store to this many events")
    parser.add_argument("--spread", type=int, default=104, help="--cost: weeks each cycle of copies moves on")
    parser.add_argument("--sample", type=int, default=1500, help="--cost: ANT articles read for templates")
    parser.add_argument("--repeat", type=int, default=5, help="--cost: timed batches per store size")
    parser.add_argument("-v", "--verbose", action="store_true", help="--quality: list the wrong pairs")
    parser.add_argument("--top", type=int, default=10, help="--tune: how many configurations to show")
    args = parser.parse_args(argv)
    return quality(args) if args.quality else tune(args) if args.tune else cost(args)


if __name__ == "__main__":
    sys.exit(main())
