#!/usr/bin/env python3
"""Soak: a long run (default 200,000 articles: ANT cycled with varied ids) whose memory must stay flat.

  python benchmarks/soak.py [--articles N] [--engine dask|local] [--workers W] [--every SECONDS] [--json]

Writes the input (ANT's 10,101 articles again and again, the n-th copy of article X with id
``X~n``, so that every result is a new row), then runs it through the chosen engine into a fresh
SQLite store while a sampler records, every ``--every`` seconds, how many results are stored and
the resident memory of the driver and of each worker. Reports the samples and, per process, the
growth between the sample at a quarter of the run (models and caches loaded, the store's pages
warm) and the last one, with the growth per 10,000 articles: flat memory is growth near zero,
whatever the run's length.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ANT = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"


def write_input(path: Path, n: int) -> Path:
    """``n`` articles: ANT cycled, the c-th cycle's ids suffixed ``~c``."""
    records = [json.loads(line) for line in ANT.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            cycle, record = divmod(i, len(records))
            rec = dict(records[record])
            rec["id"] = f"{rec['id']}~{cycle}"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _rss_mb() -> float:
    import psutil
    return float(psutil.Process().memory_info().rss) / 2**20


def sample_loop(db: Path, client: Any, done: threading.Event, every: float, t0: float,
                samples: list[dict[str, Any]]) -> None:
    """Append a sample (seconds, results stored, driver and worker RSS in MB) every ``every`` seconds."""
    while True:
        row: dict[str, Any] = {"s": round(time.perf_counter() - t0, 1), "stored": stored(db),
                               "driver_mb": round(_rss_mb(), 1)}
        if client is not None:
            try:
                row["workers_mb"] = [round(v, 1) for _, v in sorted(client.run(_rss_mb).items())]
            except Exception as err:  # a worker restarting: the sample says so rather than stopping
                row["workers_mb"] = f"unavailable: {type(err).__name__}"
        samples.append(row)
        if done.is_set():  # the run is over: that was the last sample
            return
        done.wait(every)


def growth(samples: list[dict[str, Any]], total: int) -> dict[str, Any]:
    """Per process: MB at a quarter of the run, MB at the end, and the growth per 10,000 articles."""
    usable = [s for s in samples if isinstance(s.get("workers_mb", []), list)]
    start = next((s for s in usable if s["stored"] >= total // 4), usable[0])
    end = usable[-1]
    span = max(1, end["stored"] - start["stored"])
    out: dict[str, Any] = {"from_stored": start["stored"], "to_stored": end["stored"]}
    names = ["driver"] + [f"worker{i}" for i in range(len(end.get("workers_mb", [])))]
    before = [start["driver_mb"], *start.get("workers_mb", [])]
    after = [end["driver_mb"], *end.get("workers_mb", [])]
    for name, a, b in zip(names, before, after, strict=False):
        out[name] = {"mb_at_quarter": a, "mb_at_end": b, "mb_per_10k_articles": round((b - a) * 10_000 / span, 2)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--engine", choices=("dask", "local"), default="dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=128)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between memory samples")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from marsad.cli.extract import run_extract
    from marsad.config import load_config
    from marsad.ingest import read_articles, resolve_inputs
    from marsad.pipeline import Pipeline
    from marsad.scale.dask import run_dask
    from marsad.scale.sinks import StoreSink
    from marsad.store import open_store

    with tempfile.TemporaryDirectory(prefix="marsad-soak-") as name:
        tmp = Path(name)
        source = write_input(tmp / "soak.jsonl", args.articles)
        db = tmp / "soak.db"
        samples: list[dict[str, Any]] = []
        done = threading.Event()
        load_before = os.getloadavg()
        t0 = time.perf_counter()
        if args.engine == "local":
            sampler = threading.Thread(target=sample_loop, args=(db, None, done, args.every, t0, samples))
            with open_store(db) as store:
                sampler.start()
                run_extract(read_articles([str(source)]), Pipeline(), store, None, workers=args.workers)
        else:
            from distributed import Client, LocalCluster
            with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                              dashboard_address=":0", silence_logs=40) as cluster, Client(cluster) as client:
                sampler = threading.Thread(target=sample_loop, args=(db, client, done, args.every, t0, samples))
                open_store(db).close()
                sampler.start()
                run_dask(resolve_inputs([str(source)]), load_config(), StoreSink(str(db)), client=client,
                         partition_size=args.partition_size)
                done.set()  # the sampler asks the cluster: stop it before the cluster closes
                sampler.join()
        done.set()
        sampler.join()
        seconds = time.perf_counter() - t0
        total = stored(db)
    result = {"engine": args.engine, "workers": args.workers, "articles": args.articles, "stored": total,
              "seconds": round(seconds), "articles_per_s": round(total / seconds, 1),
              "load_avg_before": [round(x, 1) for x in load_before],
              "load_avg_after": [round(x, 1) for x in os.getloadavg()],
              "growth": growth(samples, total), "samples": samples}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"soak: {total} of {args.articles} articles stored in {seconds:.0f} s ({total / seconds:.1f}/s), "
          f"{args.engine} engine, {args.workers} workers; load average {result['load_avg_before']} -> "
          f"{result['load_avg_after']}")
    for s in samples:
        workers = s.get("workers_mb", "-")
        print(f"  {s['s']:>8} s  {s['stored']:>7} stored  driver {s['driver_mb']} MB  workers {workers}")
    print("growth from a quarter of the run to its end:")
    for key, value in result["growth"].items():
        print(f"  {key}: {value}")
    return 0 if total == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
