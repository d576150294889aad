#!/usr/bin/env python3
"""Words the gold tells events with where the cue lexicon finds no cue: candidates for the lexicon.

  python benchmarks/trigger_mining.py [--shared ../shared] [--min-support 3] [--min-precision 0.5] [--json]

A gold event whose sentence holds no cue of ``events/cues.tsv`` reaches no model at all
(benchmarks/event_trace.py --cv: "no cue"). This reads the learners' own gold (the train split and the
extra gold, scripts/training_gold.py; never the validation half or the held-out sets) and mines the
word stems and stem pairs (proclitics stripped, as the event model's features strip them) of those
sentences: for each, how many of the no-cue event sentences hold it (its support), and the share of
all sentences of the training articles holding it that tell a gold event (its precision, a
sentence without a gold event counting against it wherever it stands). Those above both cut-offs are
printed with their commonest sub-event type: what the lexicon lacks is then read off the data, not
off the sentences someone happened to read. The list is a report: a form joins the lexicon only
after a reader checks it, and the event models are retrained after.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from train_event_detector import pipeline_before_events, run_before_events, sentence_of
from training_gold import training_golds

from marsad.document import Article
from marsad.events.cues import find_cues
from marsad.events.features import WORD_RE, stem
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parent.parent
# stems too common to name an act (particles, pronouns, the commonest verbs of reporting)
STOP = frozenset({"في", "من", "علي", "الي", "عن", "ان", "مع", "هذا", "هذه", "التي", "الذي", "الذين", "كما",
                  "قد", "او", "ما", "لا", "بعد", "قبل", "خلال", "كان", "كانت", "وقد", "حيث", "منذ", "اليوم",
                  "امس", "يوم", "عدد", "اكثر", "اخر", "اخري", "بين", "ضد", "لم", "لن", "تم", "وكان"})


def sentence_grams(text: str, s0: int, s1: int) -> set[str]:
    """The stems and stem pairs of folded ``text[s0:s1]``, less the stop words."""
    stems = [stem(w) for w in WORD_RE.findall(text, s0, s1)]
    grams = {s for s in stems if s not in STOP and len(s) >= 3}
    grams.update(f"{a} {b}" for a, b in pairwise(stems) if not (a in STOP and b in STOP))
    return grams


def mine(shared: Path, min_support: int, min_precision: float) -> tuple[list[dict[str, object]], dict[str, int]]:
    """The mined forms (stem or stem pair, support, precision, commonest type) and the counts behind them."""
    golds, _digest = training_golds(shared, "events", extra=True)
    pipe = pipeline_before_events()
    support: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    in_event: Counter[str] = Counter()
    in_any: Counter[str] = Counter()
    n_uncued = n_events = 0
    for gold in golds:
        doc = run_before_events(pipe, Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                                         "published": gold.get("published"), "text": gold["text"]}))
        folded = fold(doc.text).text
        starts = [len(fold(doc.text[:s.start]).text) for s in doc.sentences]
        bounds = [(a, b) for a, b in zip(starts, [*starts[1:], len(folded)], strict=True)]
        cued = {bisect_right(starts, h.start) - 1 for h in find_cues(folded)}
        told: dict[int, list[str]] = defaultdict(list)
        for event in gold.get("events", []):
            i = sentence_of(folded, starts, event.get("evidence", ""))
            if i is not None:
                told[i].append(event.get("sub_event_type", ""))
                n_events += 1
        for i, (s0, s1) in enumerate(bounds):
            grams = sentence_grams(folded, s0, s1)
            in_any.update(grams)
            if i in told:
                in_event.update(grams)
                if i not in cued:
                    n_uncued += len(told[i])
                    support.update(grams)
                    for g in grams:
                        types[g].update(told[i])
    rows: list[dict[str, object]] = []
    for gram, n in support.most_common():
        if n < min_support:
            break
        precision = in_event[gram] / in_any[gram]
        if precision >= min_precision:
            rows.append({"form": gram, "support": n, "precision": round(precision, 3),
                         "sentences": in_any[gram], "type": types[gram].most_common(1)[0][0]})
    return rows, {"articles": len(golds), "events": n_events, "uncued_events": n_uncued}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-support", type=int, default=3, help="no-cue event sentences a form must stand in")
    ap.add_argument("--min-precision", type=float, default=0.5,
                    help="share of the sentences holding the form that tell a gold event")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows, counts = mine(a.shared, a.min_support, a.min_precision)
    if a.json:
        print(json.dumps({**counts, "forms": rows}, ensure_ascii=False))
        return 0
    print(f"{counts['articles']} articles, {counts['events']} gold events found in the text, "
          f"{counts['uncued_events']} in a sentence without a cue")
    for r in rows:
        print(f"{r['support']:4d}  {r['precision']:.2f} of {r['sentences']:<4d}  {r['type']:<32}  {r['form']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
