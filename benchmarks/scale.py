#!/usr/bin/env python3
"""Scale-out throughput: the local engine against the Dask engine on 1 and 2 LocalCluster workers.

  python benchmarks/scale.py [--articles N] [--workers 1,2] [--partition-size N] [--json]

Reads N ANT articles spread over the corpus (every k-th line), then, each after a warm-up that loads
the models:

* local: one process running the pipeline and committing to SQLite as ``marsad extract`` does;
* dask-W: ``run_dask`` on a LocalCluster of W worker processes (one thread each), writing to a
  fresh SQLite store, and again to Parquet;
* store: the write rate of the store alone (``put_many`` of the same results, 64 a transaction,
  from 1 and 2 processes at once), SQLite and any ``--store URL`` (PostgreSQL), which bounds how
  many workers one store can feed.

Reports articles/s (wall clock), the ratio to the local engine, each worker's resident memory
after the run (and the highest seen while it ran), and the CPU seconds the run's processes used
per article (the workers' and the driver's, from the OS). On a machine shared with other work the
wall-clock figures are only as good as the CPU the run got, so the load average is printed beside
them; CPU time per article does not depend on the load, and is what docs/SCALING.md sizes with.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from marsad.cli.extract import run_extract
from marsad.config import load_config
from marsad.ingest import read_articles, resolve_inputs
from marsad.pipeline import Pipeline
from marsad.scale.dask import run_dask
from marsad.scale.sinks import ParquetSink, StoreSink
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent
ANT = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"


def write_sample(path: Path, n: int) -> Path:
    """``n`` ANT lines spread evenly over the corpus."""
    lines = [ln for ln in ANT.read_text(encoding="utf-8").splitlines() if ln.strip()]
    step = max(1, len(lines) // n)
    path.write_text("\n".join(lines[::step][:n]) + "\n", encoding="utf-8")
    return path


def rss_mb() -> float:
    import psutil
    return float(psutil.Process().memory_info().rss) / 2**20


def run_local(sample: Path, tmp: Path) -> dict[str, Any]:
    pipeline = Pipeline()
    for article in list(read_articles([str(sample)]))[:20]:  # warm-up: lexicons, gazetteer, models
        pipeline.run(article)
    db = tmp / "local.db"
    with open_store(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        stats = run_extract(read_articles([str(sample)]), pipeline, store, None)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"engine": "local", "workers": 1, "articles": stats.processed, "seconds": round(seconds, 2),
            "articles_per_s": round(stats.processed / seconds, 1),
            "cpu_ms_per_article": round(1000 * cpu / stats.processed, 2), "rss_mb": [round(rss_mb())]}


def _worker_rss(client: Any) -> dict[str, float]:
    import psutil

    def rss() -> float:
        return float(psutil.Process().memory_info().rss) / 2**20
    return {addr: mb for addr, mb in client.run(rss).items()}


def _worker_cpu(client: Any) -> float:
    """CPU seconds (user + system) used so far by every worker process together."""
    import psutil

    def cpu() -> float:
        times = psutil.Process().cpu_times()
        return float(times.user + times.system)
    return sum(client.run(cpu).values())


def _sample_peaks(client: Any, done: threading.Event, peak: dict[str, float]) -> None:
    """Each worker's highest resident memory, sampled every second until ``done``."""
    while not done.wait(1.0):
        for addr, mb in _worker_rss(client).items():
            peak[addr] = max(peak.get(addr, 0.0), mb)


def run_cluster(sample: Path, tmp: Path, workers: int, partition_size: int) -> list[dict[str, Any]]:
    from distributed import Client, LocalCluster

    rows = []
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as cluster, Client(cluster) as client:
        warm = write_sample(tmp / "warm.jsonl", 8 * workers)
        run_dask(resolve_inputs([str(warm)]), load_config(), StoreSink(str(tmp / f"warm{workers}.db")),
                 client=client, partition_size=8)  # every worker builds its pipeline
        for sink_name, sink in (("store", StoreSink(str(tmp / f"dask{workers}.db"))),
                                ("parquet", ParquetSink(str(tmp / f"parquet{workers}")))):
            peak: dict[str, float] = {}
            done = threading.Event()

            sampler = threading.Thread(target=_sample_peaks, args=(client, done, peak), daemon=True)
            sampler.start()
            w0, c0, t0 = _worker_cpu(client), time.process_time(), time.perf_counter()
            report = run_dask(resolve_inputs([str(sample)]), load_config(), sink, client=client,
                              partition_size=partition_size)
            seconds = time.perf_counter() - t0
            worker_cpu, driver_cpu = _worker_cpu(client) - w0, time.process_time() - c0
            done.set()
            sampler.join()
            after = _worker_rss(client)
            rows.append({"engine": f"dask-{sink_name}", "workers": workers, "articles": report.processed,
                         "partitions": report.partitions, "seconds": round(seconds, 2),
                         "articles_per_s": round(report.processed / seconds, 1),
                         "cpu_ms_per_article": round(1000 * worker_cpu / report.processed, 2),
                         "driver_cpu_ms_per_article": round(1000 * driver_cpu / report.processed, 3),
                         "rss_mb": [round(v) for v in after.values()],
                         "peak_rss_mb": [round(v) for v in peak.values()]})
    return rows


def _write_share(url: str, prefix: str, lines: list[str]) -> tuple[float, float]:
    """Write ``lines`` as results with ids ``prefix-N`` into ``url``, 64 a transaction: (seconds, CPU seconds)."""
    from marsad.document import Document
    docs = [Document.from_dict(json.loads(line)) for line in lines]
    for i, d in enumerate(docs):
        d.article.id = f"{prefix}-{i}"
    lines = [json.dumps(d.to_dict(), ensure_ascii=False) for d in docs]
    with open_store(url) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(0, len(docs), 64):
            store.put_many(docs[i:i + 64], lines=lines[i:i + 64], hashes=["h"] * len(docs[i:i + 64]))
        return time.perf_counter() - t0, time.process_time() - c0


def store_rate(tmp: Path, url: str, writers: int) -> dict[str, Any]:
    """Results/s that the store at ``url`` takes from ``writers`` processes at once (the local run's results)."""
    import multiprocessing
    with open_store(tmp / "local.db") as src:
        lines = [s.line for s in src.iter_results()]
    open_store(url).close()  # migrated once, before the writers start
    rates = []
    for attempt in range(2):
        with multiprocessing.get_context("fork").Pool(writers) as pool:
            t0 = time.perf_counter()
            results = pool.starmap(_write_share, [(url, f"w{attempt}-{k}", lines) for k in range(writers)])
            seconds = time.perf_counter() - t0
        rates.append(writers * len(lines) / seconds)
    cpu = sum(c for _, c in results) / (writers * len(lines))
    label = url.split("@")[-1] if "://" in url else "sqlite file"
    return {"engine": "store-writes", "store": label, "writers": writers, "results_per_s": round(max(rates)),
            "writer_cpu_ms_per_result": round(1000 * cpu, 3),
            "mean_result_bytes": round(sum(len(ln.encode()) for ln in lines) / max(1, len(lines)))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="LocalCluster sizes, comma-separated")
    parser.add_argument("--partition-size", type=int, default=128)
    parser.add_argument("--store", action="append", default=[], metavar="URL",
                        help="also measure the write rate of this store (e.g. a PostgreSQL URL); repeatable")
    parser.add_argument("--stores-only", action="store_true", help="skip the Dask runs (write rates only)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-scale-") as name:
        tmp = Path(name)
        sample = write_sample(tmp / "sample.jsonl", args.articles)
        load_before = os.getloadavg()
        rows = [run_local(sample, tmp)]
        if not args.stores_only:
            for workers in (int(w) for w in args.workers.split(",")):
                rows += run_cluster(sample, tmp, workers, args.partition_size)
        for url in [str(tmp / "rates.db"), *args.store]:
            for writers in (1, 2):
                rows.append(store_rate(tmp, url, writers))
        load_after = os.getloadavg()
    local, local_cpu = rows[0]["articles_per_s"], rows[0]["cpu_ms_per_article"]
    for row in rows:
        if "articles_per_s" in row:
            row["ratio_to_local"] = round(row["articles_per_s"] / local, 2)
            # the same ratio from CPU time: what each engine would do with the CPU to itself
            row["cpu_ratio_to_local"] = round(local_cpu * row["workers"] / row["cpu_ms_per_article"], 2)
    meta = {"cores": os.cpu_count(), "load_avg_before": [round(x, 1) for x in load_before],
            "load_avg_after": [round(x, 1) for x in load_after], "articles": args.articles,
            "partition_size": args.partition_size}
    if args.json:
        print(json.dumps({"meta": meta, "rows": rows}, indent=1))
        return 0
    print(f"machine: {meta['cores']} cores, load average {meta['load_avg_before']} before, "
          f"{meta['load_avg_after']} after (a load above the core count means the run shared its CPU)")
    for row in rows:
        print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
