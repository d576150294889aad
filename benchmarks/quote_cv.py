#!/usr/bin/env python3
"""Quotes under grouped cross-validation on the training gold (train half + extra ANT gold complete in quotes).

  python benchmarks/quote_cv.py [--shared ../shared] [--folds 5] [--without-mined]

The reporting verbs mined from the gold (scripts/build_quote_cues.py) are the quote layer's learned
lexicon: to measure them on articles they were not mined from, each fold's articles (hashed by id,
as the builder's ``--fold K/N``) run with a cues_mined.tsv mined from the other folds only. Prints
quotes and attributed quotes P/R/F1 with the shared scorer's pairing. ``--without-mined`` runs every
fold with no mined verb: the figure to compare with. Each fold runs in its own process, since the
lexicon is read once per process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _fold_counts(shared: Path, k: int, n: int, mined: Path | None) -> dict[str, int]:
    """Runs in a child process: the counts of fold k with the given mined cues (or none)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    sys.path.insert(0, str(REPO / "scripts"))
    # (the builder reads the hand lexicon on import: its reader is replaced here, and the lexicon read again)
    from build_quote_cues import fold_of, real_read_tsv

    def read_tsv(relative: str) -> tuple[tuple[str, ...], ...]:
        if relative != "quotes/cues_mined.tsv":
            return real_read_tsv(relative)
        if mined is None:
            return ()
        lines = mined.read_text(encoding="utf-8").splitlines()
        return tuple(tuple(c.strip() for c in line.split("\t")) for line in lines
                     if line.strip() and not line.startswith("#"))

    lexicon_module = sys.modules["marsad.quotes.lexicon"]
    lexicon_module.read_tsv = read_tsv  # type: ignore[attr-defined]
    lexicon_module.lexicon.cache_clear()
    import quality_gate
    from event_errors import load_scorer
    from training_gold import training_golds

    sc = load_scorer(shared)
    golds, _ = training_golds(shared, "quotes", extra=True)
    golds = [g for g in golds if fold_of(g["id"], n) == k]
    preds = quality_gate.predictions(golds)
    acc: dict[str, Any] = {"quotes": [0, 0, 0], "quotes_attributed": [0, 0, 0]}
    for gold in golds:
        sc.score_quotes(gold, preds[gold["id"]], acc, [])
    return {"ok": acc["quotes"][0], "pred": acc["quotes"][1], "gold": acc["quotes"][2],
            "attributed": acc["quotes_attributed"][0], "articles": len(golds)}


def _prf(ok: int, pred: int, gold: int) -> str:
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--without-mined", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # K:N:mined-path-or-none
    a = ap.parse_args()
    if a.child:
        k, n, path = a.child.split(":", 2)
        print(json.dumps(_fold_counts(a.shared, int(k), int(n), None if path == "none" else Path(path))))
        return 0
    total = {"ok": 0, "pred": 0, "gold": 0, "attributed": 0, "articles": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.folds):
            mined = "none"
            if not a.without_mined:
                mined = str(Path(tmp) / f"cues-{k}.tsv")
                builder = [sys.executable, str(REPO / "scripts" / "build_quote_cues.py"), "--shared", str(a.shared)]
                subprocess.run([*builder, "--fold", f"{k}/{a.folds}", "--out", mined], check=True,
                               stdout=subprocess.DEVNULL)
            child = [sys.executable, __file__, "--shared", str(a.shared), "--child", f"{k}:{a.folds}:{mined}"]
            out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            counts = json.loads(out.strip().splitlines()[-1])
            for key in total:
                total[key] += counts[key]
            print(f"fold {k}: {counts}", file=sys.stderr)
    print(f"articles {total['articles']}, gold quotes {total['gold']}, predicted {total['pred']}")
    print(f"quotes            {_prf(total['ok'], total['pred'], total['gold'])}")
    print(f"quotes attributed {_prf(total['attributed'], total['pred'], total['gold'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
