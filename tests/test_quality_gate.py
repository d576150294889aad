"""The quality gate: dev-set figures must not fall below the floors pinned in benchmarks/floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GATE = REPO / "benchmarks" / "quality_gate.py"


def test_quality_gate_floors_are_pinned_for_every_figure() -> None:
    floors = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
    assert set(floors["f1"]) == {"entities", "entities_untyped", "quotes", "quotes_attributed", "events",
                                 "events_full"}
    assert floors["max_events_on_not_event_sentences"] == 0
    assert len(floors["gold_sha256"]) == 64


def test_quality_gate_holds_on_the_dev_set() -> None:
    proc = subprocess.run([sys.executable, str(GATE), "--shared", str(REPO.parent / "shared")],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "REGRESSION" not in proc.stdout
