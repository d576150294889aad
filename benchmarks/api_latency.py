#!/usr/bin/env python3
"""Latency of ``GET /events`` (and ``/incidents``) on loopback, on a store loaded with real results.

  python benchmarks/api_latency.py [--db STORE] [--corpus PATH] [--articles N] [--requests N]
                                   [--concurrency 1,8] [--json]

Without ``--db``, the first N ANT articles (``../shared/data/corpus/ant-v1.1.jsonl``) go through
the pipeline into a fresh SQLite store (as ``marsad extract --db`` does). The server is the real
one (uvicorn, one process, in a thread of this one) on 127.0.0.1; a fixed, seeded mix of ACLED-style
queries (country, admin1, event type, actor in Arabic, date ranges, paging, CSV and GeoJSON) is sent
``--requests`` times after a warm-up, by 1 client and then by several at once (``--concurrency``).
Reports p50/p90/p99/max in milliseconds, requests/s and errors (any status other than 200).
Bounded: the number of requests is fixed, nothing runs longer than the requests take.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"

QUERIES: list[dict[str, str]] = [
    {},
    {"limit": "50"},
    {"country": "Tunisia"},
    {"country": "TN|DZ|LY", "limit": "100"},
    {"event_type": "Protests"},
    {"event_type": "Battles|Explosions/Remote violence", "fields": "event_id_cnty|event_date|event_type|country"},
    {"actor": "الجيش"},
    {"actor1": "الحرس الوطني"},
    {"admin1": "Tunis"},
    {"event_date": "2017-01-01|2017-06-30", "event_date_where": "BETWEEN"},
    {"event_date": "2017-03-01", "event_date_where": ">="},
    {"fatalities": "1", "fatalities_where": ">="},
    {"limit": "20", "page": "3"},
    {"_format": "csv", "limit": "200"},
    {"_format": "geojson", "limit": "200"},
    {"path": "/incidents", "limit": "50"},
]


def load_store(db: Path, corpus: Path, articles: int) -> int:
    from marsad.dedup import link_incidents
    from marsad.ingest import read_articles
    from marsad.pipeline import Pipeline
    from marsad.store import open_store

    pipe = Pipeline()
    docs = []
    for i, article in enumerate(read_articles([str(corpus)])):
        if i >= articles:
            break
        docs.append(pipe.run(article))
    with open_store(db) as store:
        store.put_many(docs)
        link_incidents(store)
    return sum(len(d.events) for d in docs)


def serve(db: Path) -> tuple[Any, str]:
    import uvicorn

    from marsad.serve.app import ServeSettings, create_app
    from marsad.serve.storecatalog import StoreCatalog
    from marsad.store import open_store

    store = open_store(db, create=False)
    app = create_app(StoreCatalog(store), ServeSettings())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def run(base: str, requests: int, concurrency: int, seed: int) -> dict[str, Any]:
    import httpx

    rng = random.Random(seed)
    plan = [rng.choice(QUERIES) for _ in range(requests)]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    local = threading.local()

    def one(params: dict[str, str]) -> None:
        nonlocal errors
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=60)
        q = dict(params)
        path = q.pop("path", "/events")
        t0 = time.perf_counter()
        r = client.get(path, params=q)
        _ = r.content
        elapsed = (time.perf_counter() - t0) * 1000
        with lock:
            latencies.append(elapsed)
            errors += r.status_code != 200

    for params in QUERIES:  # warm-up: every query once
        one(params)
    latencies.clear()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, plan))
    wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {"concurrency": concurrency, "requests": requests, "errors": errors,
            "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": round(latencies[-1], 1),
            "mean_ms": round(statistics.fmean(latencies), 1), "requests_per_s": round(requests / wall, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an existing store (default: build one from --corpus)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--articles", type=int, default=1000, help="articles to extract into the fresh store")
    ap.add_argument("--requests", type=int, default=400, help="timed requests per concurrency level")
    ap.add_argument("--concurrency", default="1,8", help="comma-separated client counts")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db
        loaded = None
        if db is None:
            db = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            events = load_store(db, a.corpus, a.articles)
            loaded = {"articles": a.articles, "events": events, "seconds": round(time.perf_counter() - t0, 1)}
            print(f"store: {a.articles} ANT articles, {events} events ({loaded['seconds']} s)", file=sys.stderr)
        server, base = serve(db)
        results = [run(base, a.requests, int(c), a.seed) for c in a.concurrency.split(",")]
        server.should_exit = True
    report = {"store": loaded or str(a.db), "queries": len(QUERIES), "results": results}
    if a.json:
        print(json.dumps(report))
    else:
        for r in results:
            print(f"concurrency {r['concurrency']:>2}: p50 {r['p50_ms']} ms  p90 {r['p90_ms']} ms  "
                  f"p99 {r['p99_ms']} ms  max {r['max_ms']} ms  {r['requests_per_s']} req/s  "
                  f"errors {r['errors']}/{r['requests']}")
    return 0 if all(r["errors"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
