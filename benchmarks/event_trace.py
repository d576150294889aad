#!/usr/bin/env python3
"""Where each missed gold event is lost: the stage of the events flow that let it go.

  python benchmarks/event_trace.py [--set train|validation|dev|dev-mashriq] [--shared ../shared]
                                   [--list] [--json]

benchmarks/event_errors.py sorts misses by what the output shows; this follows each missed gold event
back through the flow of marsad.events on its sentence (the one holding the head of its evidence) and
names the first stage, counted from the output back, that lost it:

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
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import quality_gate
from train_event_detector import pipeline_before_events, run_before_events, sentence_of

import marsad
from marsad.config import EventsConfig
from marsad.document import Article, Document
from marsad.events import ARTICLE_MODEL, record_events
from marsad.events.candidates import Candidates, find_candidates, forced_drafts
from marsad.events.combine import Thresholds, choose_drafts
from marsad.events.features import sentence_features
from marsad.events.merge import Draft
from marsad.events.model import Detection, sentence_model
from marsad.events.proposals import PROPOSAL_MODEL, propose_types
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


def trace_article(gold: dict[str, Any], doc: Document, sc: Any) -> list[dict[str, Any]]:
    """The missed gold events of one article, each with the stage that lost it."""
    config = EventsConfig()
    cands = find_candidates(doc, config)
    detections: dict[int, Detection] = {}
    proposals: dict[int, list[tuple[float, str]]] = {}
    chosen: list[Draft] = []
    thresholds = None
    events: list[dict[str, Any]] = []
    if cands is not None:
        model = sentence_model(ARTICLE_MODEL)
        features = {i: sentence_features(cands, i) for i in cands.hits}
        detections = {i: model.detect(f) for i, f in features.items()}
        thresholds = Thresholds(model.threshold("keep"), model.threshold("propose"), model.threshold("retype"),
                                model.threshold("keep_told"), model.threshold("pair"), model.threshold("pair_alone"),
                                model.threshold("propose_alone"), model.threshold("vetoed"),
                                model.threshold("vetoed_alone"))
        proposals = propose_types(sentence_model(PROPOSAL_MODEL), cands, features)
        vetoed = vetoed_probabilities(vetoed_model(), cands)
        work = copy.copy(cands)
        work.drafts = copy.deepcopy(cands.drafts)
        chosen = choose_drafts(work, detections, thresholds, proposals, vetoed)
        kept_types = [(d.order[0], d.event.event_type) for d in chosen if not d.needs_twin]
        events = [e.to_dict() for e in record_events(work, list(chosen)).events]
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="train")
    ap.add_argument("--list", action="store_true", help="print each missed event (train split only)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.list and a.gold_set not in ("train", "dev", "dev-mashriq"):
        ap.error("--list reads single errors: use it on the train split or the public dev sets only")
    sc = load_scorer(a.shared)
    pipe = pipeline_before_events()
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
