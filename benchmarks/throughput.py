#!/usr/bin/env python3
"""Throughput of the pipeline on the ANT corpus, against the floor measured in the same run.

  python benchmarks/throughput.py [--corpus PATH] [--limit N] [--stages text|all] [--workers N]
                                  [--repeat R] [--store] [--json] [--profile N]

Reports articles/s (mean ± standard deviation over R timed runs, after one warm-up run on the
first 200 articles), tokens/s, peak RSS, milliseconds per article in each stage (one worker only:
with several, the stages run in other processes), and the *floor*: reading the same file, JSON
decoding each line and tokenising its text with one regex, which no pipeline can beat. The ratio
pipeline time / floor time says how much work the stages add over touching every byte once.

``--stages text`` runs I/O + normalize + segment only (goal: at least 3,000 articles/s);
``--stages all`` runs every stage present (goal: at least 200 articles/s). Articles are read
through ``marsad.ingest.read_articles``, as ``marsad extract`` reads them; ``--store`` adds what
``marsad extract`` does after the pipeline (JSON lines, batched SQLite commits). ``--profile N`` runs
the timed runs under cProfile and prints the N functions with the most time of their own (the rates
are then slower than without it: read them only for where the time goes).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import re
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import marsad
from marsad.cli.extract import run_extract
from marsad.ingest import read_articles
from marsad.pipeline import Pipeline
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"
TEXT_STAGES = ("normalize", "segment")
TOKEN = re.compile(r"\w+")
WARMUP_ARTICLES = 200


def _limited_copy(corpus: Path, limit: int | None, tmp: Path) -> Path:
    """The corpus itself, or its first ``limit`` non-blank lines in a temporary file."""
    if limit is None:
        return corpus
    lines = []
    with corpus.open("rb") as fh:
        for line in fh:
            if line.strip():
                lines.append(line if line.endswith(b"\n") else line + b"\n")
            if len(lines) >= limit:
                break
    tmp.write_bytes(b"".join(lines))
    return tmp


def floor(path: Path) -> tuple[float, int, int]:
    """Seconds to read ``path``, JSON-decode each line and regex-tokenise its text; articles; tokens."""
    t0 = time.perf_counter()
    articles = tokens = 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            tokens += len(TOKEN.findall(record.get("text") or ""))
            articles += 1
    return time.perf_counter() - t0, articles, tokens


def timed_run(pipeline: Pipeline, path: Path, workers: int, *,
              store_dir: Path | None = None) -> tuple[float, int]:
    """Seconds to read and process every article of ``path``; number of documents.

    With ``store_dir``, results also go the way ``marsad extract`` sends them: serialised to JSON
    lines (written to the null device) and committed in batches to a fresh SQLite store there.
    """
    t0 = time.perf_counter()
    if store_dir is None:
        n = 0
        for _doc in pipeline.run_many(read_articles([str(path)]), workers=workers):
            n += 1
        return time.perf_counter() - t0, n
    db = store_dir / f"bench-{time.monotonic_ns()}.db"
    with open_store(db) as store, open(os.devnull, "w", encoding="utf-8") as out:
        stats = run_extract(read_articles([str(path)]), pipeline, store, out, workers=workers)
    seconds = time.perf_counter() - t0
    for leftover in store_dir.glob(db.name + "*"):
        leftover.unlink()
    return seconds, stats.processed


def peak_rss_mib() -> float:
    """Peak resident memory of this process and its finished children, in MiB (Linux: KiB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--stages", choices=("text", "all"), default="all")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", action="store_true",
                    help="also serialise results and commit them to a SQLite store, as marsad extract does")
    ap.add_argument("--json", action="store_true", help="print one JSON record instead of text")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="run the timed runs under cProfile and print the N costliest functions (own time)")
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"throughput: no corpus at {a.corpus} (use --corpus)", file=sys.stderr)
        return 2
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"marsad-throughput-{os.getpid()}.jsonl"
    try:
        path = _limited_copy(a.corpus, a.limit, tmp)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        full = Pipeline()
        stages = [s for s in full.stages if a.stages == "all" or s.name in TEXT_STAGES]
        pipeline = Pipeline(full.config, stages=stages)

        warm = Path(str(tmp) + ".warm")
        _limited_copy(path, WARMUP_ARTICLES, warm)
        timed_run(pipeline, warm, 1)  # loads lexicons, models and automata before timing
        warm.unlink()
        for name in pipeline.stage_seconds:
            pipeline.stage_seconds[name] = 0.0

        floors = [floor(path) for _ in range(a.repeat)]
        floor_s = min(f[0] for f in floors)
        articles, tokens = floors[0][1], floors[0][2]
        store_dir = tmp.parent if a.store else None
        profiler = cProfile.Profile() if a.profile else None
        if profiler is not None:
            profiler.enable()
        runs = [timed_run(pipeline, path, a.workers, store_dir=store_dir) for _ in range(a.repeat)]
        if profiler is not None:
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(a.profile)
    finally:
        if tmp.exists():
            tmp.unlink()
    rates = [n / s for s, n in runs]
    best_s = min(s for s, _ in runs)
    mean = statistics.fmean(rates)
    spread = statistics.stdev(rates) if len(rates) > 1 else 0.0
    per_stage_ms = ({name: 1000 * sec / (articles * a.repeat) for name, sec in pipeline.stage_seconds.items()}
                    if a.workers == 1 else {})
    record: dict[str, Any] = {
        "marsad": marsad.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
        "corpus": a.corpus.name, "corpus_sha256": digest, "articles": articles, "tokens": tokens,
        "stages": [s.name for s in stages], "workers": a.workers, "repeat": a.repeat, "store": a.store,
        "articles_per_s": round(mean, 1), "articles_per_s_sd": round(spread, 1),
        "tokens_per_s": round(tokens / best_s), "peak_rss_mib": round(peak_rss_mib(), 1),
        "floor_articles_per_s": round(articles / floor_s, 1), "ratio_to_floor": round(best_s / floor_s, 2),
        "ms_per_article_by_stage": {k: round(v, 4) for k, v in per_stage_ms.items()},
    }
    if a.json:
        print(json.dumps(record))
        return 0
    print(f"marsad {record['marsad']} · {a.corpus.name} ({articles:,} articles, {tokens:,} tokens, "
          f"sha256 {digest}) · stages {a.stages} ({' '.join(record['stages'])})"
          f"{' + JSON + store' if a.store else ''} · workers {a.workers} · "
          f"repeat {a.repeat} · {os.cpu_count()} cpus · python {record['python']}")
    print(f"floor     {record['floor_articles_per_s']:>10,.1f} articles/s  "
          f"(read + JSON decode + regex tokens)")
    print(f"pipeline  {mean:>10,.1f} ± {spread:,.1f} articles/s   {record['tokens_per_s']:,} tokens/s   "
          f"peak RSS {record['peak_rss_mib']:,.0f} MiB")
    print(f"ratio     {record['ratio_to_floor']:>10.2f} × the floor's time")
    if per_stage_ms:
        stage_list = "  ".join(f"{k} {v:.3f} ms" for k, v in per_stage_ms.items())
        print(f"per stage {stage_list}  (per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
