"""The listwise fit shared by the rankers' trainers: one choice among candidates, each a bag of features.

A problem is the candidates' feature lists and which candidates are right (several may be: two forms
of one actor). The fit maximises the log-probability mass of the right candidates under a softmax
of summed feature weights, minus L2, by AdaGrad; a problem with no right candidate teaches nothing
and is left out.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Problem = tuple[Sequence[Sequence[str]], Sequence[bool]]


def add_fit_arguments(ap: argparse.ArgumentParser, *, l2: float | Sequence[float], epochs: int, min_count: int,
                      unit: str, seed: int) -> None:
    """The options of the fit every listwise trainer takes; ``l2`` a grid means "the best of it by
    cross-validation" unless --l2 is given."""
    if isinstance(l2, float):
        ap.add_argument("--l2", type=float, default=l2)
    else:
        ap.add_argument("--l2", type=float, default=None,
                        help=f"L2 penalty (default: the best of {tuple(l2)} by cross-validation)")
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=min_count, help=f"least number of {unit} a feature is seen in")
    ap.add_argument("--seed", type=int, default=seed, help="salt of the article folds")


def fit_listwise(problems: Sequence[Problem], l2: float, epochs: int, rate: float,
                 min_count: int) -> dict[str, float]:
    """Feature weights of a listwise ranker; features seen in fewer than ``min_count`` problems are left out.

    A feature seen once near one right answer is that article's accident, not knowledge.
    """
    usable = [(features, right) for features, right in problems if any(right)]
    seen: dict[str, int] = defaultdict(int)
    for features, _ in usable:
        for f in {f for fs in features for f in fs}:
            seen[f] += 1
    kept = [([[f for f in fs if seen[f] >= min_count] for fs in features], right) for features, right in usable]
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    for _ in range(epochs):
        grad: dict[str, float] = defaultdict(float)
        for features, right in kept:
            scores = [sum(w.get(f, 0.0) for f in fs) for fs in features]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            probs = [e / total for e in exps]
            mass = sum(q for q, r in zip(probs, right, strict=True) if r)
            for fs, q, r in zip(features, probs, right, strict=True):
                # d log(sum_right p) / d score_k = p_k * (right_k / mass - 1)
                d = q * ((1.0 / mass if r else 0.0) - 1.0)
                if d:
                    for f in fs:
                        grad[f] += d
        for f in set(grad) | set(w):
            g = grad.get(f, 0.0) - l2 * w.get(f, 0.0)
            g2[f] += g * g
            if g2[f] > 0:
                w[f] += rate * g / math.sqrt(g2[f])
    return {f: v for f, v in w.items() if abs(v) >= 1e-4}


def write_ranker_files(models: Path, model: str, header: Sequence[str], weights: dict[str, float],
                       meta: dict[str, Any]) -> None:
    """A ranker's weights (``<model>.tsv``: the header's comment lines, then feature and weight, the
    heaviest first) and its metadata (``<model>.json``)."""
    lines = list(header) + [f"{f}\t{v:.4f}" for f, v in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))]
    (models / f"{model}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (models / f"{model}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
