#!/usr/bin/env python3
"""Run the pipeline on the OEDA Arabic event sentences and score them with shared/eval/score_gsr.py.

  python scripts/run_gsr.py [--shared ../shared] [--kind assault|protest|all] [--show-errors]
                            [--events-only] [--limit N] [--mode sentence|article|rules]

The GSR annotators judged each sentence alone: ``--mode sentence`` (the default here) is the
events stage's sentence mode (``[events] mode = "sentence"``), whose models and thresholds
were trained and chosen by cross-validation on this shared half (scripts/train_event_sentences.py);
the figures on it are therefore in-sample, and the hidden half is what measures them.

Each GSR sentence is one standalone article (no title, no published date). ``--events-only`` runs
only the text layer and the events stage, which is how the events stage is calibrated without
waiting for the other stages (they change the figures little on single sentences).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import marsad
from marsad.config import EVENT_MODES, Config, EventsConfig, PipelineConfig
from marsad.document import Article, Document
from marsad.events import extract_events
from marsad.text.normalize import normalize_text
from marsad.text.segment import segment_text

REPO = Path(__file__).resolve().parent.parent


def _events_only(article: Article, config: EventsConfig) -> Document:
    doc = Document(article=article)
    doc.cache["published_date"] = None
    for stage in (normalize_text, segment_text):
        doc = stage(doc)
    return extract_events(doc, config)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--kind", choices=("assault", "protest", "all"), default="all")
    ap.add_argument("--out", type=Path, default=Path("/tmp/marsad-gsr"))
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--events-only", action="store_true", help="run only normalize, segment and events")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each file")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="events.min_confidence (the sentence threshold is in data/models/event-confidence.json)")
    ap.add_argument("--mode", choices=EVENT_MODES, default="sentence", help="events.mode (default: sentence)")
    a = ap.parse_args()
    kinds = ("assault", "protest") if a.kind == "all" else (a.kind,)
    pipe = None if a.events_only else marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="record"),
                                                     events=EventsConfig(min_confidence=a.min_confidence,
                                                                         mode=a.mode)))
    a.out.mkdir(parents=True, exist_ok=True)
    status = 0
    for kind in kinds:
        gsr = a.shared / "data" / "gsr" / f"{kind}-dev.jsonl"
        lines = [ln for ln in gsr.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if a.limit:
            lines = lines[: a.limit]
            gsr = a.out / f"{kind}-gold.jsonl"
            gsr.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pred = a.out / f"{kind}-pred.jsonl"
        t0 = time.perf_counter()
        with pred.open("w", encoding="utf-8") as out:
            for line in lines:
                rec = json.loads(line)
                article = Article(id=rec["id"], text=rec["text"])
                doc = pipe.run(article) if pipe is not None else _events_only(
                    article, EventsConfig(min_confidence=a.min_confidence, mode=a.mode))
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        seconds = time.perf_counter() - t0
        print(f"{kind}: {len(lines)} sentences in {seconds:.1f} s", file=sys.stderr)
        cmd = [sys.executable, str(a.shared / "eval" / "score_gsr.py"), str(gsr), str(pred)]
        if a.show_errors:
            cmd.append("--show-errors")
        status = subprocess.call(cmd) or status
    return status


if __name__ == "__main__":
    sys.exit(main())
