"""``marsad evaluate GOLD_DIR [--json] [--scorer PATH] [--workers N]``: score the installed models on gold files.

Runs the installed pipeline on the text of every ``*.json`` gold file in GOLD_DIR (the format of
shared/eval/SCHEMA.md, which ``marsad export --format gold`` writes from the review desk) and
prints precision, recall and F1 of entities, quotes and events, with the accuracy of the event
arguments on matched events: what an analyst runs on their own coded articles before trusting
marsad. Scoring is marsad's own (:mod:`marsad.scoring`), so an installed marsad needs nothing else;
``--scorer PATH`` runs another scorer script instead (``shared/eval/score.py``, the project's
reference, called as ``python PATH GOLD_DIR PREDICTIONS.jsonl --json``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from marsad.document import Article
from marsad.errors import ConfigError
from marsad.pipeline import Pipeline
from marsad.scoring import score_documents


def add_parser(subparsers: Any) -> None:
    """Register ``evaluate`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate", help="score the installed models on a folder of gold files", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold JSON files (shared/eval/SCHEMA.md)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--scorer", metavar="PATH", help="score with this script instead (e.g. shared/eval/score.py)")
    p.set_defaults(func=run)


def read_gold(folder: Path) -> list[dict[str, Any]]:
    """The gold files of a folder, checked for the fields scoring needs."""
    if not folder.is_dir():
        raise ConfigError(f"{folder} is not a folder of gold files")
    golds = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ConfigError(f"{path}: not a gold file ({err})") from err
        if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data.get("id"):
            raise ConfigError(f"{path}: a gold file needs an id and a text (shared/eval/SCHEMA.md)")
        golds.append(data)
    if not golds:
        raise ConfigError(f"{folder} holds no *.json gold files")
    return golds


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad evaluate``; return the exit code."""
    folder = Path(args.gold_dir)
    golds = read_gold(folder)
    pipeline = Pipeline()
    docs = [pipeline.run(Article.from_dict({"id": str(g["id"]), "text": g["text"], "title": g.get("title"),
                                            "published": g.get("published")})) for g in golds]
    if args.scorer:
        scorer = Path(args.scorer)
        if not scorer.is_file():
            raise ConfigError(f"--scorer {scorer}: no such file")
        with tempfile.TemporaryDirectory() as tmp:
            pred = Path(tmp) / "pred.jsonl"
            pred.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs),
                            encoding="utf-8")
            done = subprocess.run([sys.executable, str(scorer), str(folder), str(pred), "--json"],
                                  capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        result = json.loads(done.stdout)
    else:
        result = score_documents(zip(golds, docs, strict=True))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    for key in ("entities", "entities_untyped", "quotes", "events"):
        v = result.get(key)
        if v:
            print(f"{key:18} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}   "
                  f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})")
    args_line = ", ".join(f"{k} {v:.3f}" for k, v in (result.get("event_args") or {}).items() if v is not None)
    print(f"event args (on matched events): {args_line}")
    print(f"articles: {len(golds)}")
    return 0
