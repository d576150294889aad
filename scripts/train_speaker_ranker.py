#!/usr/bin/env python3
"""Train the quote speaker ranker (marsad.quotes.speaker_ranker) and write its weights into the package.

  python scripts/train_speaker_ranker.py [--shared ../shared] [--l2 1] [--epochs 80] [--min-count 3]
                                         [--folds 5] [--dry-run] [--sample N]

Reads the train half of ``<shared>/data/train-ant`` and the extra ANT gold complete in quotes
(scripts/training_gold.py; the validation half is never read). The pipeline runs on each article
with the rules' speakers (the model is not consulted); each statement it finds that the scorer
(``<shared>/eval/score.py``: greedy pairing on the quote head) pairs with a gold statement is one
ranking problem: its candidates and their features are those marsad.quotes.speaker_ranker lists at
run time, and a candidate is right when the scorer's name test (contains_name) accepts its name or
its text for the gold speaker or role. Statements no candidate is right for are left out of the
fit but kept in the figures.

The model is a conditional log-linear ranker (softmax over a statement's candidates; the right ones
share the mass) fitted by full-batch AdaGrad with an L2 penalty: no randomness but the fold
assignment, which hashes the article id with SEED. The bonus added to the rules' own choice is chosen
by the same cross-validation (grouped by article). The figures printed are the attributed quotes
under cross-validation against the rules' speakers; the weights written are trained on all the data.

Writes ``src/marsad/data/quotes/speaker-ranker.tsv`` (feature, weight) and ``speaker-ranker.json``
(features version, parameters, seed, data digest, rule bonus, cross-validated figures). Run
``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from listwise import add_fit_arguments, fit_listwise, write_ranker_files  # scripts/listwise.py, beside this script
from training_gold import training_golds  # scripts/training_gold.py, beside this script

import marsad
import marsad.quotes
import marsad.quotes.speaker_ranker as ranker
from marsad.config import Config, PipelineConfig
from marsad.document import Document
from marsad.scoring import load_scorer
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "marsad" / "data" / "quotes"
SEED = 20261207
RULES_ALWAYS = ranker.RULES_ALWAYS  # a bonus with which the rules' choice always stands
BONUSES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, RULES_ALWAYS)
MIN_GAIN = 0.005  # as the event models' thresholds: a smaller cross-validated gain moves nothing


@dataclass
class Problem:
    """One predicted statement paired with a gold one: its candidates' features and which are right."""

    article: str
    features: list[tuple[str, ...]]
    right: list[bool]
    names: list[str]


def _span_ok(sc: ModuleType, gq: dict[str, Any], body_text: str) -> int:
    """The scorer's pairing score of a gold quote and a predicted content (score_quotes.span_ok)."""
    head = sc.norm(gq["quote_head"]).split()
    body = sc.norm(body_text)
    if not head or not body:
        return 0
    if " ".join(head) in body:
        return 2
    hit = sum(1 for w in head if w in body.split())
    return 1 if hit / len(head) >= 0.6 else 0


def problems_of(doc: Document, choices: list[ranker.SpeakerChoice], gold: dict[str, Any],
                sc: ModuleType) -> tuple[list[Problem], int, int, int]:
    """The ranking problems of one article, with its predicted and gold statement counts and the
    statements whose rules' speaker the scorer accepts."""
    g = gold.get("quotes", [])
    quotes = doc.quotes
    if len(quotes) != len(choices):
        raise SystemExit(f"{doc.id}: {len(quotes)} quotes but {len(choices)} candidate lists")
    folded = fold(doc.text)
    pairs = sc.greedy(g, quotes, lambda a, b: _span_ok(sc, a, b.content))
    out: list[Problem] = []
    rule_ok = 0
    for i, j in pairs:
        gf = [g[i]["speaker"]] + ([g[i]["speaker_role"]] if g[i].get("speaker_role") else [])
        q = quotes[j]
        forms = [f for f in ((q.speaker.name if q.speaker else None), q.speaker_text) if f]
        rule_ok += int(sc.contains_name(gf, forms))
        choice = choices[j]
        right = []
        for cand in choice.candidates:
            span = folded.to_source(*cand.span)
            right.append(bool(sc.contains_name(gf, [cand.name, doc.text[span.start:span.end]])))
        # the rules' choice as the pipeline codes it (with the role the rules read) decides for it
        for k, fs in enumerate(choice.features):
            if ranker.RULE in fs:
                right[k] = bool(sc.contains_name(gf, forms))
        if choice.candidates:
            out.append(Problem(doc.id, list(choice.features), right, [c.name for c in choice.candidates]))
    return out, len(quotes), len(g), rule_ok


def train(problems: list[Problem], l2: float, epochs: int, rate: float, min_count: int) -> dict[str, float]:
    """Maximise the log-probability of the right candidates, minus L2; rare features are left out."""
    return fit_listwise([(p.features, p.right) for p in problems], l2, epochs, rate, min_count)


def right_choices(problems: list[Problem], weights: dict[str, float], bonus: float) -> int:
    """How many statements get a right speaker when the ranker (with ``bonus`` on the rules' choice) picks."""
    model = ranker.SpeakerModel(weights, bonus)
    ok = 0
    for p in problems:
        scores = [model.score(fs) for fs in p.features]
        best = max(range(len(scores)), key=lambda k: (scores[k], ranker.RULE in p.features[k], -k))
        ok += int(p.right[best])
    return ok


def f1(ok: int, pred: int, gold: int) -> float:
    return 2 * ok / (pred + gold) if pred + gold else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    add_fit_arguments(ap, l2=1.0, epochs=80, min_count=3, unit="statements", seed=SEED)
    ap.add_argument("--no-extra", action="store_true", help="train on the train half of train-ant only")
    ap.add_argument("--show", action="store_true", help="list the cross-validated choices that differ from the rules'")
    ap.add_argument("--show-bonus", type=float, default=0.0, help="the rules' bonus of --show")
    ap.add_argument("--without-rules", action="store_true",
                    help="a measurement: leave out every feature of the rules' choice (the ranker alone)")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the weights and their metadata")
    ap.add_argument("--sample", type=int, default=0,
                    help="only the first N articles of each source: a quick run that proves the recipe (tests)")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    recorded: list[list[ranker.SpeakerChoice]] = []

    def record(drafts: list[Any], choices: Any) -> list[Any]:
        recorded.append(choices() if drafts else [])
        return list(drafts)  # the rules' speakers: the model is what is being trained

    marsad.quotes.choose_speakers = record  # type: ignore[assignment]
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise")))
    problems: list[Problem] = []
    n_pred = n_gold = rules_ok = 0
    by_article: dict[str, tuple[int, int, int]] = {}
    golds, digest = training_golds(a.shared, "quotes", extra=not a.no_extra, sample=a.sample)
    for gold in golds:
        recorded.clear()
        doc = pipe.run(marsad.Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                                 "published": gold.get("published"), "text": gold["text"]}))
        found, pred, gq, ok = problems_of(doc, recorded[-1] if recorded else [], gold, sc)
        problems += found
        n_pred, n_gold, rules_ok = n_pred + pred, n_gold + gq, rules_ok + ok
        by_article[gold["id"]] = (pred, gq, ok)
    # the ranker changes only speakers: the attributed statements it gets right, against the rules'
    rule_right = sum(p.right[next(k for k, fs in enumerate(p.features) if ranker.RULE in fs)]
                     if any(ranker.RULE in fs for fs in p.features) else False for p in problems)
    if a.without_rules:
        problems = [Problem(p.article, [tuple(f for f in fs if f != ranker.RULE and not f.startswith("rule_"))
                                        for fs in p.features], p.right, p.names) for p in problems]
    folds = {aid: int(hashlib.sha256(f"{a.seed}:{aid}".encode()).hexdigest(), 16) % a.folds for aid in by_article}
    fitted = []
    for k in range(a.folds):
        weights = train([p for p in problems if folds[p.article] != k], a.l2, a.epochs, a.rate, a.min_count)
        fitted.append((weights, [p for p in problems if folds[p.article] == k]))
    by_bonus = {b: sum(right_choices(test, w, b) for w, test in fitted) for b in BONUSES}
    # the least bonus among the best: the ranker speaks wherever it does no worse than the rules; but a
    # gain over the rules below MIN_GAIN of the statements is the folds' luck, and the scorer's lenient
    # name test credits a partial name (بن عمر for حمدي بن عمر) that the contract's fullest name is not
    bonus = max(BONUSES, key=lambda b: (by_bonus[b], -b))
    if by_bonus[bonus] - by_bonus[RULES_ALWAYS] < MIN_GAIN * len(problems):
        bonus = RULES_ALWAYS
    cv_ok = rules_ok - rule_right + by_bonus[bonus]
    covered = sum(1 for p in problems if any(p.right))
    report = {"articles": len(by_article), "predicted_quotes": n_pred, "gold_quotes": n_gold,
              "paired_with_candidates": len(problems), "with_a_right_candidate": covered,
              "attributed_rules": rules_ok, "attributed_cv": cv_ok,
              "attributed_f1_rules": round(f1(rules_ok, n_pred, n_gold), 4),
              "attributed_f1_cv": round(f1(cv_ok, n_pred, n_gold), 4),
              "right_by_rule_bonus": {str(b): v for b, v in by_bonus.items()}}
    print(json.dumps(report, indent=1), file=sys.stderr)
    if a.show:
        for w, test in fitted:
            model = ranker.SpeakerModel(w, a.show_bonus)
            for p in test:
                scores = [model.score(fs) for fs in p.features]
                best = max(range(len(scores)), key=lambda k: (scores[k], ranker.RULE in p.features[k], -k))
                rule = next((k for k, fs in enumerate(p.features) if ranker.RULE in fs), None)
                if rule is not None and not p.right[rule] and any(p.right) and best == rule:
                    k = p.right.index(True)
                    print(f"MISSED {p.article} rule={p.names[rule]!r} ({p.features[rule]}) right={p.names[k]!r} "
                          f"({p.features[k]})", file=sys.stderr)
                if best != rule and (rule is None or p.right[best] != p.right[rule]):
                    tag = "FIXED" if p.right[best] else "BROKE"
                    right = [n for n, r in zip(p.names, p.right, strict=True) if r]
                    print(f"{tag} {p.article} rule={p.names[rule] if rule is not None else None!r} "
                          f"pick={p.names[best]!r} right={right} feats={p.features[best]}", file=sys.stderr)
    weights = train(problems, a.l2, a.epochs, a.rate, a.min_count)
    if a.dry_run:
        return 0
    meta = {"features_version": ranker.FEATURES_VERSION,
            "model": "conditional log-linear ranker over a statement's candidate speakers, AdaGrad, L2",
            "l2": a.l2, "epochs": a.epochs, "rate": a.rate, "min_count": a.min_count, "folds": a.folds,
            "seed": a.seed, "rule_bonus": bonus,
            "training_data": "shared/data/train-ant, train half of benchmarks/data/train-ant-split.json"
                             + ("" if a.no_extra else ", and benchmarks/data/gold-ant-extra (quotes complete)"),
            "training_data_sha256": digest, "sample": a.sample, "cross_validated": report}
    write_ranker_files(a.out, "speaker-ranker",
                       ["# Weights of the quote speaker ranker (marsad.quotes.speaker_ranker), written by",
                        "# scripts/train_speaker_ranker.py: do not edit by hand. columns: feature, weight"],
                       weights, meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
