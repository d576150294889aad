#!/usr/bin/env python3
"""Quality gate: run the pipeline on the public gold set, score it, compare with pinned floors.

  python benchmarks/quality_gate.py [--shared ../shared] [--show-errors] [--only ID] [--update [--allow-regression]]
  python benchmarks/quality_gate.py --set validation|heldout|stream|train|dev-mashriq [--show-errors]
      (figures only, no gate)

Scores come from ../shared/eval/score.py (run as a subprocess, exactly as users run it). The floors in
benchmarks/floors.json are the figures the project has reached; a score below its floor (by more than
FLOOR_SLACK) is a regression and the gate exits 1. ``--update`` raises floors to the current figures and
never lowers one unless ``--allow-regression`` is given. floors.json also pins the digest of the gold set,
so that a changed gold set is noticed instead of silently moving the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import marsad
from marsad.config import Config, EventsConfig, PipelineConfig

REPO = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).resolve().parent / "floors.json"
# Scores move by one matched record on a 16-article set (about 0.005-0.02); the slack only absorbs
# float rounding in score.py's three-decimal output, not real losses.
FLOOR_SLACK = 0.0015
GATED = ("entities", "entities_untyped", "quotes", "quotes_attributed", "events", "events_full")


def gold_digest(gold_dir: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(gold_dir.glob("*.json")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def run_pipeline(gold_dir: Path, out: Path, *, only: str | None = None, strict: bool = False) -> list[str]:
    """Write the pipeline's results for the gold articles to ``out``; return the warnings seen."""
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise" if strict else "record"),
                                  events=EventsConfig(**EVENTS_SETTINGS)))
    warnings = []
    with out.open("w", encoding="utf-8") as fh:
        for p in sorted(gold_dir.glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            if only and g["id"] != only:
                continue
            doc = pipe.run(marsad.Article.from_dict({"id": g["id"], "title": g.get("title"),
                                                     "published": g.get("published"), "text": g["text"]}))
            doc.check_offsets()
            warnings += [f"{doc.id}: {w.code} {w.message}" for w in doc.warnings]
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return warnings


def score(shared: Path, gold_dir: Path, pred: Path, *, show_errors: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold_dir), str(pred), "--json"]
    result = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    if show_errors:
        subprocess.run([*cmd[:-1], "--show-errors"], check=True)
    return result  # type: ignore[no-any-return]


SPLIT = Path(__file__).resolve().parent / "data" / "train-ant-split.json"
EVENTS_SETTINGS: dict[str, str] = {}  # [events] settings of the run, over the configuration's defaults
SETS = ("dev", "dev-mashriq", "validation", "heldout", "stream", "pending", "train")
# the repo's own ANT gold, by set: no learner or tuning step reads the held-out folders; the pending one
# waits for the next rebuild of the models, which then learn from it
OWN_GOLD = {"heldout": Path(__file__).resolve().parent / "data" / "gold-ant-heldout",
            "stream": Path(__file__).resolve().parent / "data" / "gold-ant-stream",
            "pending": Path(__file__).resolve().parent / "data" / "gold-ant-pending"}


def gold_ids(gold_set: str) -> tuple[str, set[str] | None]:
    """The shared data folder of a gold set and the article ids it keeps (None: all of them).

    ``validation`` and ``train`` are the halves of ``train-ant`` written once by scripts/split_train_ant.py.
    """
    if gold_set in ("validation", "train"):
        return "train-ant", set(json.loads(SPLIT.read_text(encoding="utf-8"))[gold_set])
    return gold_set, None


def gold_articles(shared: Path, gold_set: str) -> list[dict[str, Any]]:
    """The gold articles of a set, each with its text, sorted by file name.

    ``heldout`` and ``stream`` are the repo's own held-out ANT gold (benchmarks/data/gold-ant-heldout: 80
    articles with events, quotes and entities; gold-ant-stream: 100 articles drawn at random from the
    whole corpus, events only), annotated from the text alone and never read by a learner or a tuning
    step; ``pending`` is gold annotated the same way that no packaged model has learned from yet; their
    text is joined from the ANT corpus in ``shared`` by id, as the learners' extra gold is.
    """
    if gold_set in OWN_GOLD:
        golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(OWN_GOLD[gold_set].glob("*.json"))]
        wanted = {g["id"] for g in golds}
        records = {}
        with (shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["id"] in wanted:
                    records[record["id"]] = record
        return [{**g, "text": records[g["id"]]["text"], "title": records[g["id"]].get("title")} for g in golds]
    folder, keep = gold_ids(gold_set)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((shared / "data" / folder).glob("*.json"))]
    return [g for g in golds if keep is None or g["id"] in keep]


@contextlib.contextmanager
def predicted(golds: list[dict[str, Any]]) -> Iterator[tuple[Path, Path, dict[str, dict[str, Any]]]]:
    """Run the pipeline on ``golds`` (written to a temporary gold folder, as the scorer reads them).

    Yields the gold folder, the results file and the results by article id; both files live until the
    ``with`` block ends, so that the scorer can read them there.
    """
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        for gold in golds:
            (gold_dir / f"{gold['id']}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        out = Path(tmp) / "pred.jsonl"
        run_pipeline(gold_dir, out)
        yield gold_dir, out, {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def predictions(golds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The pipeline's results on ``golds``, by article id."""
    with predicted(golds) as (_, _, preds):
        return preds


def evaluate(shared: Path, *, only: str | None = None, show_errors: bool = False,
             gold_set: str = "dev") -> dict[str, Any]:
    """Scores of the current pipeline on a gold set (default ``shared/data/dev``), or one article of it."""
    with tempfile.TemporaryDirectory() as tmp:
        if gold_set == "dev" and not only:
            gold_dir = shared / "data" / "dev"
        else:
            gold_dir = Path(tmp) / "gold"
            gold_dir.mkdir()
            for gold in gold_articles(shared, gold_set):
                if only is None or gold["id"] == only:
                    (gold_dir / f"{gold['id']}.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                                encoding="utf-8")
        pred = Path(tmp) / "pred.jsonl"
        warnings = run_pipeline(gold_dir, pred, only=only)
        result = score(shared, gold_dir, pred, show_errors=show_errors)
        result["eventless_articles"], result["eventless_articles_with_events"] = eventless_hits(gold_dir, pred)
    result["warnings"] = warnings
    return result


def eventless_hits(gold_dir: Path, pred: Path) -> tuple[int, int]:
    """How many gold articles report no event, and how many of them the pipeline gave one (stream precision)."""
    eventless = {g["id"] for g in (json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json"))
                 if not g.get("events")}
    given = {d["id"] for d in map(json.loads, pred.read_text(encoding="utf-8").splitlines()) if d.get("events")}
    return len(eventless), len(eventless & given)


def matched_pairs(gold: dict[str, Any], pred: dict[str, Any], sc: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The scorer's pairs of gold and predicted events of one article."""
    g, p = gold.get("events", []), pred.get("events") or []

    def s(ge: dict[str, Any], pe: dict[str, Any]) -> int:  # the scorer's pairing score, restated
        if sc.norm(ge["event_type"]) != sc.norm(pe.get("event_type")):
            return 0
        val = 1
        if sc.loc_ok(ge, pe):
            val += 4
        elif ge.get("location") or ge.get("admin1"):
            return 0
        if sc.norm(ge.get("sub_event_type")) == sc.norm(pe.get("sub_event_type")):
            val += 2
        if ge.get("actor1") and sc.contains_name([ge["actor1"]], [sc.name_of(pe.get("actor1"))]):
            val += 1
        return val

    return [(g[i], p[j]) for i, j in sc.greedy(g, p, s)]


def figures(result: dict[str, Any]) -> str:
    """The scored figures, one line each, for a set that is not gated."""
    lines = [f"{key:18} P {result[key]['p']:.3f}  R {result[key]['r']:.3f}  F1 {result[key]['f1']:.3f}"
             for key in GATED]
    args = ", ".join(f"{k} {v:.3f}" for k, v in sorted(result.get("event_args", {}).items()) if v is not None)
    lines.append(f"event args (on matched events): {args}")
    lines.append(f"events on not-event sentences: {result['events_on_not_event_sentences']}")
    lines.append(f"eventless articles given an event: {result['eventless_articles_with_events']} "
                 f"of {result['eventless_articles']}")
    return "\n".join(lines)


def compare(result: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Lines describing each gated figure; those starting with REGRESSION fail the gate."""
    lines = []
    for key in GATED:
        f1 = result[key]["f1"]
        floor = floors.get("f1", {}).get(key)
        status = "ok" if floor is None or f1 + FLOOR_SLACK >= floor else "REGRESSION"
        lines.append(f"{status:10} {key:18} F1 {f1:.3f} (floor {floor if floor is not None else '-'})")
    for key, value in sorted(result.get("event_args", {}).items()):
        floor = floors.get("event_args", {}).get(key)
        if value is None:
            continue
        status = "ok" if floor is None or value + FLOOR_SLACK >= floor else "REGRESSION"
        lines.append(f"{status:10} event {key:12} acc {value:.3f} (floor {floor if floor is not None else '-'})")
    hits, allowed = result["events_on_not_event_sentences"], floors.get("max_events_on_not_event_sentences", 0)
    lines.append(f"{'ok' if hits <= allowed else 'REGRESSION':10} events on not-event sentences {hits} (max {allowed})")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--show-errors", action="store_true", help="list misses and extras per article")
    ap.add_argument("--only", help="run and score one gold article (no gate)")
    ap.add_argument("--set", dest="gold_set", choices=SETS, default="dev",
                    help="gold set to score (only dev is gated; validation/train: train-ant halves; "
                         "heldout, stream: the repo's held-out ANT gold; "
                         "pending: ANT gold the models have not learned from yet)")
    ap.add_argument("--update", action="store_true", help="raise the floors to the current figures")
    ap.add_argument("--allow-regression", action="store_true", help="with --update: also lower floors")
    ap.add_argument("--events-mode", choices=("article", "sentence", "rules"),
                    help="events.mode to measure (the gate's floors are for the default)")
    ap.add_argument("--actor-choice", choices=("rules", "fill", "ranker"),
                    help="events.actor_choice to measure (the gate's floors are for the default)")
    a = ap.parse_args()
    if a.actor_choice:
        EVENTS_SETTINGS["actor_choice"] = a.actor_choice
    if a.events_mode:
        EVENTS_SETTINGS["mode"] = a.events_mode
    result = evaluate(a.shared, only=a.only, show_errors=a.show_errors or bool(a.only), gold_set=a.gold_set)
    for w in result["warnings"]:
        print(w, file=sys.stderr)
    if a.only or a.gold_set != "dev":
        print(figures(result))
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    digest = gold_digest(a.shared / "data" / "dev")
    if floors.get("gold_sha256") not in (None, digest):
        print("the gold set changed since the floors were set: re-run with --update --allow-regression "
              "after checking the figures", file=sys.stderr)
        return 1
    lines = compare(result, floors)
    print("\n".join(lines))
    if a.update:
        regressions = [ln for ln in lines if ln.startswith("REGRESSION")]
        if regressions and not a.allow_regression:
            print("not updating: there are regressions (use --allow-regression to lower floors)", file=sys.stderr)
            return 1
        new = {"gold_sha256": digest,
               "f1": {k: result[k]["f1"] for k in GATED},
               "event_args": {k: v for k, v in result["event_args"].items() if v is not None},
               "max_events_on_not_event_sentences": result["events_on_not_event_sentences"]}
        if not a.allow_regression:
            for key in GATED:
                new["f1"][key] = max(new["f1"][key], floors.get("f1", {}).get(key, 0.0))
        FLOORS.write_text(json.dumps(new, indent=1) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
        return 0
    return 1 if any(ln.startswith("REGRESSION") for ln in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
