#!/usr/bin/env python3
"""Where each missed gold event is lost: the stage of the events flow that let it go.

  python benchmarks/event_trace.py [--set train|validation|dev|dev-mashriq] [--shared ../shared]
                                   [--list] [--json]
  python benchmarks/event_trace.py --cv 5 [--list] [--json]

With --cv K the gold is the learners' own (the train split and the extra gold, scripts/training_gold.py)
and the event model, the proposal model and the vetoed-sentence model are refitted in K folds grouped by
article (scripts/train_event_detector.py's out_of_fold): each article is traced with the verdicts of
models that never saw it, at the packaged thresholds (which that script's cross-validation chose). The
recalled-events model and the article gate stay the packaged ones (in-sample for those two).

benchmarks/event_errors.py sorts misses by what the output shows; this follows each missed gold event
back through the flow of marsad.events on its sentence (the one holding the head of its evidence) and
names the first stage, counted from the output back, that lost it:

  article gate            an event of the gold type stood there before the article gate dropped it
  wrong place             an event of the gold type stands on the sentence; its place fails the scorer
  wrong type              only events of other types stand on the sentence
  merge/confidence        the combination kept a draft of the gold type there; merging or the
                          confidence model dropped it (or merged it into an event elsewhere)
  detector                the rules drafted the gold type there; the detector's p_event fell below
                          keep (keep_told when a finite verb tells the act)
  needs twin              the rules drafted it as naming an event told before (الهجوم), and merging
                          found no such event
  drafted other type      the rules drafted only other event types there (the proposal model's
                          probability of the gold type is given in steps; at or above ``pair``, why
                          its proposal did not stand: "article alone" when nothing else stands in the
                          article and it is below ``pair_alone``)
  rules dropped: <why>    the sentence holds a cue but the rules drafted nothing: why, from the rules'
                          trace (modality class, listed, purpose, question; "modifier only" when no
                          cue but a strength-0 modifier survives; "weak evidence" when live cues lack
                          evidence; "not coded" when a trigger was typed none or historical)
  no cue                  the sentence holds no event cue: no candidate for any model
  no sentence             the gold evidence was not found in the text

With --list each missed event is printed (id, stage, sub-event type, evidence head): use it on the
train split only; the validation split is read for kinds of error, as the project's rules say.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import quality_gate
from train_event_detector import (
    Labelled,
    out_of_fold,
    pipeline_before_events,
    prepare,
    proposal_types,
    run_before_events,
    sentence_of,
)
from training_gold import training_golds

import marsad
from marsad.config import EventsConfig
from marsad.document import Article, Document
from marsad.events import ARTICLE_MODEL, record_events
from marsad.events.article_gate import gate_drafts
from marsad.events.candidates import Candidates, find_candidates, forced_drafts
from marsad.events.combine import Thresholds, choose_drafts
from marsad.events.features import sentence_features
from marsad.events.merge import Draft
from marsad.events.model import Detection, sentence_model
from marsad.events.proposals import PROPOSAL_MODEL, propose_types
from marsad.events.recalled import recalled_drafts
from marsad.events.vetoed import vetoed_model, vetoed_probabilities
from marsad.scoring import load_scorer
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parent.parent


def before_events(pipe: marsad.Pipeline, gold: dict[str, Any]) -> Document:
    """The stages before events on a gold article, keeping ``doc.cache`` as the events stage sees it."""
    return run_before_events(pipe, Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                                      "published": gold.get("published"), "text": gold["text"]}))


def p_step(p: float | None) -> str:
    if p is None:
        return "p?"
    return "p<.05" if p < 0.05 else "p<.1" if p < 0.1 else "p<.2" if p < 0.2 else "p<.4" if p < 0.4 else "p>=.4"


def rules_reason(cands: Candidates, i: int, sub_event_type: str) -> str:
    """Why the rules drafted nothing on candidate sentence ``i``, from their trace."""
    trace = cands.traces.get(i, [])
    if "question" in trace:
        return "question"
    cue_rows = [t.split(":") for t in trace if not t.startswith("evidence=") and t.count(":") == 2]
    live = [(k, r) for k, r, alive in cue_rows if alive == "1"]
    strong_live = [h for h in cands.hits[i] if h.strength > 0
                   and any(k == h.kind and alive == "1" for k, _, alive in cue_rows)]
    if not live:
        reasons = Counter(r for _, r, _ in cue_rows)
        return reasons.most_common(1)[0][0] if reasons else "no trace"
    if not strong_live:
        return "modifier only"
    evidence = [t for t in trace if t.startswith("evidence=")]
    if evidence and all(int(t.rsplit(":", 1)[1]) < 2 for t in evidence):
        return "weak evidence"
    return "not coded"


@dataclass
class Verdicts:
    """What the models said of one article's candidate sentences (packaged models, or out of fold)."""

    detections: dict[int, Detection]
    proposals: dict[int, list[tuple[float, str]]]
    vetoed: dict[int, float]


def packaged_thresholds() -> Thresholds:
    model = sentence_model(ARTICLE_MODEL)
    return Thresholds(model.threshold("keep"), model.threshold("propose"), model.threshold("retype"),
                      model.threshold("keep_told"), model.threshold("pair"), model.threshold("pair_alone"),
                      model.threshold("propose_alone"), model.threshold("vetoed"), model.threshold("vetoed_alone"))


def packaged_verdicts(cands: Candidates) -> Verdicts:
    model = sentence_model(ARTICLE_MODEL)
    features = {i: sentence_features(cands, i) for i in cands.hits}
    return Verdicts({i: model.detect(f) for i, f in features.items()},
                    propose_types(sentence_model(PROPOSAL_MODEL), cands, features),
                    vetoed_probabilities(vetoed_model(), cands))


def trace_article(gold: dict[str, Any], doc: Document, sc: Any, cands: Candidates | None = None,
                  verdicts: Verdicts | None = None) -> list[dict[str, Any]]:
    """The missed gold events of one article, each with the stage that lost it.

    ``cands`` and ``verdicts`` default to the candidates of ``doc`` and the packaged models' verdicts.
    """
    config = EventsConfig()
    if cands is None:
        cands = find_candidates(doc, config)
    detections: dict[int, Detection] = {}
    proposals: dict[int, list[tuple[float, str]]] = {}
    chosen: list[Draft] = []
    thresholds = None
    events: list[dict[str, Any]] = []
    gated_out: list[tuple[int, str]] = []  # (sentence start, event type) of drafts the article gate dropped
    if cands is not None:
        verdicts = verdicts or packaged_verdicts(cands)
        detections, proposals = verdicts.detections, verdicts.proposals
        thresholds = packaged_thresholds()
        work = copy.copy(cands)
        work.drafts = copy.deepcopy(cands.drafts)
        chosen = choose_drafts(work, detections, thresholds, proposals, verdicts.vetoed)
        kept_types = [(d.order[0], d.event.event_type) for d in chosen if not d.needs_twin]
        recalled = recalled_drafts(work, chosen) if config.include_historical else []
        gated = gate_drafts(work, detections, chosen, recalled)
        standing = {id(d) for d in gated}
        gated_out = [(d.order[0], d.event.event_type) for d in chosen if id(d) not in standing and not d.needs_twin]
        events = [e.to_dict() for e in record_events(work, list(gated)).events]
    else:
        kept_types = []
    pred = {"events": events}
    g = gold.get("events", [])

    def pair_score(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing score, restated
        if sc.norm(ge["event_type"]) != sc.norm(pe.get("event_type")):
            return 0
        if not sc.loc_ok(ge, pe) and (ge.get("location") or ge.get("admin1")):
            return 0
        return 1 + 4 * sc.loc_ok(ge, pe) + 2 * (sc.norm(ge.get("sub_event_type")) == sc.norm(pe.get("sub_event_type")))

    matched = {i for i, _ in sc.greedy(g, pred["events"], pair_score)}
    folded = fold(doc.text).text
    starts = [len(fold(doc.text[:s.start]).text) for s in doc.sentences]
    src_starts = [s.start for s in doc.sentences]

    def src_sentence(offset: int) -> int:
        return bisect_right(src_starts, offset) - 1

    out = []
    for k, ge in enumerate(g):
        if k in matched:
            continue
        i = sentence_of(folded, starts, ge.get("evidence", ""))
        gtype, gsub = ge["event_type"], ge.get("sub_event_type", "")
        row = {"id": gold["id"], "type": gsub, "historical": bool(ge.get("historical")),
               "evidence": (ge.get("evidence") or "")[:90]}
        if i is None:
            row["stage"] = "no sentence"
            out.append(row)
            continue
        on_sentence = [pe for pe in events if isinstance(pe.get("evidence"), dict)
                       and src_sentence(int(pe["evidence"].get("start", -1))) == i]
        proposal = next((p for p, t in proposals.get(i, []) if t == gsub), None)
        if any(pe.get("event_type") == gtype for pe in on_sentence):
            row["stage"] = "wrong place"
        elif on_sentence:
            row["stage"] = "wrong type"
        elif cands is None or i not in cands.hits:
            row["stage"] = "no cue"
        elif any(cands.spans[i].start == at and t == gtype for at, t in gated_out):
            row["stage"] = "article gate"
        elif any(cands.spans[i].start == at and t == gtype for at, t in kept_types):
            row["stage"] = "merge/confidence"
        elif any(d.event.event_type == gtype for d in cands.drafts.get(i, [])):
            told = any(h.strength >= 2 for h in cands.hits[i])
            assert thresholds is not None
            below = detections[i].p_event < (thresholds.keep_told if told else thresholds.keep)
            # a draft the rules read as naming an event told before (needs_twin) stands only beside it
            row["stage"] = "detector" if below else "needs twin"
            row["p_event"] = detections[i].p_event
        elif cands.drafts.get(i):
            row["stage"] = f"drafted other type ({p_step(proposal)})"
        else:
            row["stage"] = f"rules dropped: {rules_reason(cands, i, gsub)} ({p_step(proposal)})"
        if proposal is not None:
            row["proposal"] = round(proposal, 3)
            if row["stage"].startswith(("drafted other", "rules dropped")) and thresholds is not None \
                    and proposal >= thresholds.pair:
                # the proposal model would add it: why it did not
                work = copy.copy(cands)
                work.drafts = copy.deepcopy(cands.drafts)
                row["stage"] = row["stage"].split(" (")[0] + (
                    " (proposal: no draft built)" if not forced_drafts(work, i, gsub)
                    else " (proposal: article alone)" if not kept_types and proposal < thresholds.pair_alone
                    else " (proposal: lost after)")
        out.append(row)
    return out


def cross_validated(pipe: marsad.Pipeline, golds: list[dict[str, Any]], folds: int, cache: Path | None = None
                    ) -> list[tuple[Labelled, Verdicts | None]]:
    """Each gold article with the verdicts of the event models fitted on the other folds (as the
    detector's trainer fits them, with its penalties).

    Fitting the folds takes minutes: with ``cache``, the verdicts are read from that pickle when it
    exists and written to it when not (delete it after changing the gold, the features or the rules).
    """
    meta = json.loads((REPO / "src" / "marsad" / "data" / "models" / f"{ARTICLE_MODEL}.json").read_text("utf-8"))
    items = [prepare(pipe, g) for g in golds]
    if cache is not None and cache.exists():
        detections, proposals, vetoed = pickle.loads(cache.read_bytes())
    else:
        detections, proposals, vetoed = out_of_fold(items, proposal_types(items), folds, float(meta["c2"]),
                                                    int(meta["min_count"]), meta.get("c2_type"))
        if cache is not None:
            cache.write_bytes(pickle.dumps((detections, proposals, vetoed)))
    return [(item, Verdicts(detections[item.gold["id"]], proposals.get(item.gold["id"], {}),
                            vetoed.get(item.gold["id"], {})) if item.cands is not None else None)
            for item in items]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="train")
    ap.add_argument("--list", action="store_true", help="print each missed event (train split only)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="trace the learners' gold (train split + extra) with models refitted in K folds")
    ap.add_argument("--verdicts", type=Path, default=None,
                    help="with --cv: a pickle of the out-of-fold verdicts, read if it exists, else written")
    a = ap.parse_args()
    if a.list and not a.cv and a.gold_set not in ("train", "dev", "dev-mashriq"):
        ap.error("--list reads single errors: use it on the train split or the public dev sets only")
    sc = load_scorer(a.shared)
    pipe = pipeline_before_events()
    if a.cv:
        golds, _digest = training_golds(a.shared, "events", extra=True)
        a.gold_set = f"cross-validated ({a.cv} folds, {len(golds)} articles)"
        rows = [r for item, verdicts in cross_validated(pipe, golds, a.cv, a.verdicts)
                for r in trace_article(item.gold, item.doc, sc, item.cands, verdicts)]
    else:
        golds = quality_gate.gold_articles(a.shared, a.gold_set)
        rows = [r for gold in golds for r in trace_article(gold, before_events(pipe, gold), sc)]
    n_gold = sum(len(x.get("events", [])) for x in golds)
    stages = Counter(r["stage"] for r in rows)
    coarse = Counter(r["stage"].split(" (")[0].split(":")[0] for r in rows)
    by_type = Counter(r["type"] for r in rows)
    if a.json:
        print(json.dumps({"gold": n_gold, "missed": len(rows), "coarse": coarse, "stages": stages,
                          "types": by_type, **({"rows": rows} if a.list else {})}, ensure_ascii=False))
        return 0
    print(f"{a.gold_set}: {n_gold} gold events, {len(rows)} missed")
    for stage, n in coarse.most_common():
        print(f"  {n:4d}  {stage}")
    print("in detail:")
    for stage, n in stages.most_common():
        print(f"  {n:4d}  {stage}")
    print("missed by sub-event type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    if a.list:
        for r in sorted(rows, key=lambda r: (r["stage"], r["type"])):
            extra = f" p_event={r['p_event']:.2f}" if "p_event" in r else ""
            print(f"{r['stage']:<40} {r['type']:<32} {r['id']}{' H' if r['historical'] else ''}{extra}  "
                  f"{r['evidence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
