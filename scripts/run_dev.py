#!/usr/bin/env python3
"""Run the pipeline on the public gold articles and score the result with shared/eval/score.py.

  python scripts/run_dev.py [--shared ../shared] [--out /tmp/dev-out.jsonl] [--show-errors] [--only ID]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.config import Config, PipelineConfig

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("/tmp/marsad-dev-out.jsonl"))
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--only", help="score one gold id only (errors shown for it)")
    ap.add_argument("--raise", dest="raise_errors", action="store_true", help="stop on the first stage error")
    a = ap.parse_args()
    gold_dir = a.shared / "data" / "dev"
    records = []
    for p in sorted(gold_dir.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if a.only and g["id"] != a.only:
            continue
        records.append({"id": g["id"], "title": g.get("title"), "published": g.get("published"), "text": g["text"]})
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise" if a.raise_errors else "record")))
    print("stages:", " ".join(pipe.stage_names), file=sys.stderr)
    with a.out.open("w", encoding="utf-8") as out:
        for rec in records:
            doc = pipe.run(marsad.Article.from_dict(rec))
            doc.check_offsets()
            for w in doc.warnings:
                print(f"{doc.id}: {w.code} {w.message}", file=sys.stderr)
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(a.shared / "eval" / "score.py"), str(gold_dir), str(a.out)]
    if a.only:
        tmp = Path("/tmp/marsad-dev-gold-only")
        tmp.mkdir(exist_ok=True)
        for old in tmp.glob("*.json"):
            old.unlink()
        for p in gold_dir.glob("*.json"):
            if json.loads(p.read_text(encoding="utf-8"))["id"] == a.only:
                (tmp / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        cmd[2] = str(tmp)
    if a.show_errors or a.only:
        cmd.append("--show-errors")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
