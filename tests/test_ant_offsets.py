"""Every ANT article (10,101 real news articles) through the full pipeline: all offsets valid."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.document import Document

ANT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"


@pytest.mark.slow
def test_all_ant_articles_pass_the_offset_check(tmp_path: Path,
                                                check_ant_store: Callable[[str, Path], None]) -> None:
    if not ANT.exists():
        raise FileNotFoundError(f"{ANT} is missing: this test reads the ANT corpus from ../shared")
    out = tmp_path / "ant.jsonl"
    proc = subprocess.run([sys.executable, "-m", "marsad", "extract", str(ANT), "-o", str(out),
                           "--db", str(tmp_path / "ant.db"), "--workers", "2"],
                          capture_output=True, timeout=3600, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    with ANT.open(encoding="utf-8") as fh:
        expected = sum(1 for line in fh if line.strip())
    problems: list[str] = []
    n = 0
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            n += 1
            doc = Document.from_dict(json.loads(line))
            errors = doc.offset_errors()
            if errors:
                problems.append(f"{doc.id}: {'; '.join(errors[:3])}")
    assert n == expected
    assert not problems, f"{len(problems)} articles with bad offsets, e.g.:\n" + "\n".join(problems[:20])
    # the same run filled the SQLite store: every article, every event linked to an incident
    check_ant_store(str(tmp_path / "ant.db"), out)
