"""Historical reading: whether each drafted event is one the article only recalls, learned from gold.

ACLED-style gold codes an act the article recalls from well before its news window (an
anniversary, "في 2014", a named past attack: "بسبب صلته بهجومي سوسة وباردو") with
``historical=true``. The clause rules mark a few of them (a ذكرى or منذ before the cue, an old
year); the trained detector and proposer draft the rest as today's events. This step reads every
draft the article's clauses give (rules, detector, proposer) and decides, with a small logistic
model, whether it is historical:

1. features (:func:`draft_features`): the rules' own reading, the trigger (a verb or a definite
   noun), the dates of the sentence and their age against the publication date, past and recall
   words (الماضي، سنة، منذ، ذكرى، آنذاك), a relative clause after the trigger (التي راح ضحيتها),
   another event told earlier in the sentence (a subordinate mention), a named-event noun with a
   place right after it (هجوم باردو), the sentence's place in the article, the article's other drafts;
2. model: ``data/models/historical-events.{tsv,json}``, trained by
   ``scripts/train_historical_events.py`` on the drafts of the train split and the extra gold that
   a gold event pairs with. The rules' reading is right nine times in ten when it says historical
   and misses four in ten of the recalled acts, so the model corrects it: a draft the rules read as
   historical stays so unless P(historical) falls below ``keep``, any other becomes historical when
   P(historical) reaches ``add`` (both chosen by cross-validation grouped by article; while the
   model reads no more drafts right than the rules, by a margin, they leave the rules' reading);
3. a draft read as historical loses the publication date it defaulted to (the text gives its own,
   or none); a draft read as current keeps its date.

Entry point: :func:`read_historical`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from marsad.document import period_start
from marsad.events.candidates import Candidates
from marsad.events.merge import Draft
from marsad.events.model import SentenceModel, sentence_model

__all__ = ["FEATURES_VERSION", "MODEL", "draft_features", "historical_model", "read_historical"]

MODEL = "historical-events"  # data/models/historical-events.{tsv,json}
FEATURES_VERSION = 1
YEAR_RE = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
# words that place an act in the past or mark a recall, folded (الماضي، الفارط، سابقا، آنذاك ...)
PAST_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:الماضي|الماضيه|الفارط|الفارطه|المنقضي|المنصرم|سابقا|السابق|"
                     r"السابقه|انذاك|حينها|وقتها|حينذاك|يومها|ذكري|الذكري|منذ)(?![^\W\d_])")
RELATIVE_RE = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:الذي|التي|اللذين|اللتين|الذين)\s")
NAMED_HEAD_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:هجوم|هجومي|هجمات|عمليه|عمليتي|اعتداء|اعتداءات|"
                           r"تفجير|تفجيرات|مجزره|معركه|ملحمه|احداث|حادثه)(?![^\W\d_])")
# a pluperfect frame (وكان ... قد دهست، الذي كان تعرض): an act told as done before the news
PLUPERFECT_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:كان|كانت|كانوا|كانا)(?![^\W\d_])")
# a case, a charge or a perpetrator's tie that the news is about, the act itself being past
# (قضية الاعتداء، ملف اغتيال، بتهمة، منفذ هجوم، الضالعين في، على خلفية)
CASE_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:قضيه|ملف|تهمه|بتهمه|خلفيه|صلته|صلتهم|علاقته|منفذ|منفذي|منفذو|"
                     r"متورط|متورطين|المورطه|مورط|مورطين|ضالع|ضالعين|الضالعه|متهم|متهمين|محاكمه|ذكري|احياء|"
                     r"ضحايا|شهداء|الشهيد|الشهيده|استشهد|اثر|عقب|بعد|منذ|اعقاب)(?![^\W\d_])")
NEWS_DAYS = 31  # ACLED's background: an act more than about a month old


def historical_model() -> SentenceModel:
    """The packaged model, loaded once."""
    return sentence_model(MODEL, FEATURES_VERSION, "scripts/train_historical_events.py")




def _age(value: str | None, published: dt.date | None) -> str | None:
    """How long before the report a date value's period began, as a bucket (None: unknown)."""
    began = period_start(value)
    if began is None or published is None:
        return None
    days = (published - began).days
    for limit, name in ((-1, "future"), (7, "week"), (NEWS_DAYS, "month"), (120, "season"), (400, "year")):
        if days <= limit:
            return name
    return "older"


def _bucket(n: int, tops: tuple[int, ...]) -> str:
    for t in tops:
        if n <= t:
            return str(t)
    return f">{tops[-1]}"


def draft_features(cands: Candidates, drafts: list[Draft]) -> list[list[str]]:
    """The features of each draft of the article, in the order given."""
    text, folded, index = cands.folded.text, cands.folded, cands.index
    starts = [b[0] for b in cands.bounds]
    published = cands.published
    n_sentences = len(cands.bounds)
    out: list[list[str]] = []
    located = [(folded.to_folded(d.event.evidence.start), folded.to_folded(d.event.evidence.end)) for d in drafts]
    for d, (e0, e1) in zip(drafts, located, strict=True):
        e = d.event
        i = max(0, bisect_right(starts, e0) - 1)
        s0, s1 = cands.bounds[i] if cands.bounds else (0, len(text))
        f = ["bias", f"type={e.event_type}", f"sub={e.sub_event_type}"]
        if e.historical:
            f.append("rule_historical")
        cue = next((h for h in cands.hits.get(i, []) if e0 <= h.start < max(e1, e0 + 1) and h.pos), None)
        if cue is None:
            cue = next((h for h in cands.hits.get(i, []) if h.start >= e0), None)
        t0, t1 = (cue.start, cue.end) if cue is not None else (e0, e0)
        if cue is not None:
            f.append(f"trigger_pos={cue.pos}")
            if "ال" in cue.prefix:
                f.append("trigger_definite")
            if cue.prefix.startswith(("ب", "ل")) or cue.prefix.startswith(("وب", "ول", "فب")):
                f.append("trigger_governed")
        if PAST_RE.search(text, s0, s1):
            f.append("past_word")
        if PAST_RE.search(text, max(s0, t0 - 60), t0):
            f.append("past_word_before")
        if PLUPERFECT_RE.search(text, max(s0, t0 - 50), t0) and " قد " in f" {text[max(s0, t0 - 50):t0]} ":
            f.append("pluperfect")
        elif PLUPERFECT_RE.search(text, max(s0, t0 - 30), t0):
            f.append("kana_before")
        if CASE_RE.search(text, max(s0, t0 - 40), t0):
            f.append("case_before")
        if not any(a < cands.bounds[min(1, n_sentences - 1)][1] for a, _ in located):
            f.append("lead_without_event")
        if RELATIVE_RE.match(text[t1:s1]):
            f.append("relative_after")
        years = [int(y) for y in YEAR_RE.findall(text, s0, s1)]
        if years and published is not None:
            f.append("year_old" if min(years) < published.year else "year_this")
        ages = [a for a in (_age(x.date.value, published) for x in index.dates
                            if s0 <= x.start < s1 and x.date is not None) if a is not None]
        f.extend(f"sentence_date={a}" for a in sorted(set(ages)))
        if d.date_known:
            f.append(f"date={_age(e.date, published) or 'unknown'}")
        else:
            f.append("date_defaulted")
        if NAMED_HEAD_RE.search(text, max(s0, t0 - 2), t1 + 2):
            f.append("named_head")
            if any(t1 <= p.start <= t1 + 30 for p in index.places):
                f.append("named_head_place")
        others = [(a, b) for (a, b), o in zip(located, drafts, strict=True) if o is not d and s0 <= a < s1]
        if any(a < e0 for a, _ in others):
            f.append("earlier_event_in_sentence")
        if others:
            f.append("sentence_events")
        if e.fatalities:
            f.append("toll")
        f.append(f"sentence={_bucket(i, (0, 1, 3, 7))}")
        if d.framed:
            f.append("framed")
        if d.needs_twin:
            f.append("needs_twin")
        f.append(f"drafts={_bucket(len(drafts), (1, 2, 4))}")
        if e.historical:
            # what the rules' reading rests on weighs apart from what a current draft shows
            f.extend([f"rule:{x}" for x in f if not x.startswith(("bias", "rule", "type=", "sub="))])
        out.append(f)
    return out


def read_historical(cands: Candidates, drafts: list[Draft], model: SentenceModel | None = None) -> list[Draft]:
    """Mark each draft historical or current as the model reads it (see the module docstring).

    Args:
        cands: the candidates of the article the drafts come from.
        drafts: the drafts of the article's clauses (rules, detector, proposer).
        model: the model deciding (default: the packaged one).

    Returns:
        The same drafts, their ``historical`` flag (and a defaulted date) revised.
    """
    if not drafts:
        return drafts
    model = model or historical_model()
    keep, add = float(model.meta["thresholds"]["keep"]), float(model.meta["thresholds"]["add"])
    for d, features in zip(drafts, draft_features(cands, drafts), strict=True):
        p = model.detect(features).p_event
        # the rules' reading stands unless the model all but rules it out; the model alone must be sure
        historical = (d.event.historical and p >= keep) or p >= add
        d.event.historical = historical
        if historical and not d.date_known and cands.published is not None \
                and d.event.date == cands.published.isoformat():
            # the publication date was a default for today's act: a recalled act keeps none
            d.event.date, d.event.time_precision = None, 3
    return drafts
