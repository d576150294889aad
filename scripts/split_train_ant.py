#!/usr/bin/env python3
"""Split the training gold (../shared/data/train-ant) once, by article, into train and validation.

  python scripts/split_train_ant.py [--shared ../shared] [--check]

Written once (2026-12-07) and never redrawn: learners tune on ``train`` only; ``validation`` is read
only to find kinds of error and to quote figures. The split is stratified by section (local,
international, politics, other) and by whether the article has events, and inside each stratum the
articles are ordered by a salted SHA-256 of their id, so the draw is reproducible without a RNG.
Every fourth article of a stratum goes to validation (about a quarter of the set).
``--check`` verifies that the committed split still matches the gold folder (ids and digest).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"
SALT = "marsad-train-ant-split-v1"


def section(article_id: str) -> str:
    for name in ("localnews", "internationalnews", "politic"):
        if f"-{name}-" in article_id:
            return name
    return "other"


def draw(gold_dir: Path) -> dict[str, object]:
    strata: dict[tuple[str, bool], list[str]] = {}
    digest = hashlib.sha256()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
        strata.setdefault((section(gold["id"]), bool(gold["events"])), []).append(gold["id"])
    train: list[str] = []
    validation: list[str] = []
    for key in sorted(strata):
        ids = sorted(strata[key], key=lambda i: hashlib.sha256(f"{SALT}:{i}".encode()).hexdigest())
        for n, article_id in enumerate(ids):
            (validation if n % 4 == 0 else train).append(article_id)
    return {"gold": "shared/data/train-ant", "gold_sha256": digest.hexdigest(), "salt": SALT,
            "train": sorted(train), "validation": sorted(validation)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    split = draw(a.shared / "data" / "train-ant")
    if a.check:
        committed = json.loads(SPLIT.read_text(encoding="utf-8"))
        ok = committed == split
        print("split matches the gold" if ok else "split differs from the gold: do not redraw, investigate")
        return 0 if ok else 1
    if SPLIT.exists():
        print(f"{SPLIT} exists; the split is drawn once (use --check)", file=sys.stderr)
        return 2
    SPLIT.write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"train {len(split['train'])}, validation {len(split['validation'])} -> {SPLIT}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
