"""Helpers of the scale-out tests: ANT samples, the local engine's results, a store read with sqlite3."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from marsad.ingest import read_articles
from marsad.pipeline import Pipeline

ANT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"
ANT_LINES = 10101


def ant_sample(n: int) -> list[str]:
    """``n`` ANT lines spread evenly over the corpus (every category and source, not its first days)."""
    if not ANT.exists():
        raise FileNotFoundError(f"{ANT} is missing: the scale tests read real articles from ../shared")
    step = max(1, ANT_LINES // n)
    out: list[str] = []
    with ANT.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % step == 0 and line.strip():
                out.append(line.rstrip("\n"))
                if len(out) == n:
                    break
    return out


def write_sample(path: Path, n: int) -> Path:
    path.write_text("\n".join(ant_sample(n)) + "\n", encoding="utf-8")
    return path


def local_lines(inputs: list[str]) -> list[str]:
    """The local engine's result lines for ``inputs``, in input order."""
    pipeline = Pipeline()
    return [json.dumps(pipeline.run(a).to_dict(), ensure_ascii=False) for a in read_articles(inputs)]


def stored_lines(db: Path) -> list[str]:
    """Every result line of a SQLite store, in storing order (read with sqlite3: no marsad code involved)."""
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT result FROM documents ORDER BY seq")]


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY seq")]


