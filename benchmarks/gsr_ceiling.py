#!/usr/bin/env python3
"""What a faithful ACLED coder can score on the OEDA Arabic event sentences (shared/data/gsr).

  python benchmarks/gsr_ceiling.py [--shared ../shared]

``benchmarks/data/gsr-acled-reading.tsv`` is marsad's own reading of every GSR development sentence
on which the events rules code an event of the sentence's family, made without looking at the GSR
labels: ``report`` (the sentence tells a specific incident that ACLED codes), ``mention`` (it only
refers to one: a time anchor, a topic, a commentary) or ``no``. Scoring those readings against the
GSR labels with shared/eval/score_gsr.py's rules shows how far the crowd's notion of "this sentence
reports an assault / a protest" is from ACLED's: a coder that coded exactly the ``report`` sentences,
and found every "yes" sentence the rules miss, would still score the figures printed here.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
READING = HERE / "data" / "gsr-acled-reading.tsv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    a = ap.parse_args()
    reading = {}
    for line in READING.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence_id, verdict = line.split("\t")[:2]
            reading[sentence_id] = verdict
    for kind in ("assault", "protest"):
        gold = [json.loads(line) for line in (a.shared / "data" / "gsr" / f"{kind}-dev.jsonl")
                .read_text(encoding="utf-8").splitlines() if line.strip()]
        gold = [g for g in gold if g["label"] != "ambiguous"]
        positives = sum(g["label"] == "yes" for g in gold)
        table = Counter((reading[g["id"]], g["label"]) for g in gold if g["id"] in reading)
        print(f"{kind.upper()}: {sum(table.values())} sentences read; verdict x GSR label: "
              + ", ".join(f"{v}/{lab} {n}" for (v, lab), n in sorted(table.items())))
        tp = sum(n for (v, lab), n in table.items() if v == "report" and lab == "yes")
        fp = sum(n for (v, lab), n in table.items() if v == "report" and lab != "yes")
        for name, found in (("as read (the rules' misses stay missed)", tp),
                            ("and every missed 'yes' sentence found", tp + positives - sum(
                                n for (_, lab), n in table.items() if lab == "yes"))):
            p = found / (found + fp) if found + fp else 0.0
            r = found / positives if positives else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  coding the 'report' sentences {name}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
