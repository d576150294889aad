"""All of ANT (10,101 articles) into a PostgreSQL store through ``marsad extract --db postgresql://``.

The SQLite half of this is tests/test_ant_offsets.py (the default store of that run).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ANT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"


@pytest.mark.slow
@pytest.mark.postgres
def test_all_ant_articles_load_into_postgresql(postgres_url: str, tmp_path: Path,
                                               check_ant_store: Callable[[str, Path], None]) -> None:
    if not ANT.exists():
        raise FileNotFoundError(f"{ANT} is missing: this test reads the ANT corpus from ../shared")
    out = tmp_path / "ant.jsonl"
    proc = subprocess.run([sys.executable, "-m", "marsad", "extract", str(ANT), "-o", str(out), "--db", postgres_url,
                           "--workers", "2"], capture_output=True, timeout=3600, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    check_ant_store(postgres_url, out)
