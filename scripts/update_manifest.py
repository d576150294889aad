#!/usr/bin/env python3
"""Rewrite src/marsad/data/MANIFEST.json: the SHA-256 of every packaged data file.

Run after any builder script or hand edit of a lexicon:  python scripts/update_manifest.py
The fast test tests/test_resources.py checks the installed files against this manifest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "marsad" / "data"
# which script builds which folder; hand-edited files say "hand-edited"
BUILDERS = {
    "models/actor-ranker": "scripts/train_actor_ranker.py",
    "models/place-evidence": "scripts/train_place_evidence.py",
    "models/event-detector": "scripts/train_event_detector.py",
    "models/event-proposer": "scripts/train_event_detector.py",
    "models/event-assault-sentences": "scripts/train_event_sentences.py",
    "models/event-protest-sentences": "scripts/train_event_sentences.py",
    "models/event-confidence": "scripts/train_event_confidence.py",
    "models/recalled-events": "scripts/train_recalled_events.py",
    "gazetteer/name-usage.tsv": "scripts/train_place_evidence.py",
    "actors/periods.tsv": "hand-edited",
    "entities/complements-corpus.tsv": "scripts/build_complements.py",
    "entities/continuations-corpus.tsv": "scripts/build_complements.py",
    "entities/org-names-corpus.tsv": "scripts/build_complements.py",
    "entities/unnamed-spans.tsv": "scripts/build_complements.py",
    "entities/name-edges.tsv": "scripts/build_name_edges.py",
    "quotes/heads_mined.tsv": "scripts/build_quote_heads.py",
    "models/": "scripts/train_ner.py",
    "gazetteer/": "scripts/build_gazetteer.py",
    "actors/": "scripts/build_actors.py",
}


def main() -> None:
    files = {}
    for path in sorted(DATA.rglob("*")):
        rel = path.relative_to(DATA).as_posix()
        if not path.is_file() or rel == "MANIFEST.json" or "__pycache__" in rel:
            continue
        builder = next((b for prefix, b in BUILDERS.items() if rel.startswith(prefix)), "hand-edited")
        files[rel] = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                      "bytes": path.stat().st_size, "builder": builder}
    (DATA / "MANIFEST.json").write_text(json.dumps({"files": files}, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    print(f"MANIFEST.json: {len(files)} files")


if __name__ == "__main__":
    main()
