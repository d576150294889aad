"""Recalled events: past acts an article names in a noun phrase, coded once each, as historical.

Articles recall earlier acts by name rather than telling them: "عملية سوسة الإرهابية التي راح
ضحيتها 38 شخصاً"، "بسبب صلته بهجومي سوسة وباردو"، "منفذ هجوم برلين"، "الهجوم على المتحف باردو في
مارس 2015"، "معركة السلوم في خريف 1952". ACLED-style gold codes each such act once per article,
historical, at the place the phrase names (not the article's), dated when the phrase dates it. The
clause rules find no verb there, and most such phrases are not coded (a place that only qualifies
an operation, a series, a plan), so whether a phrase names a coded act is learned:

1. candidates: a named-event noun (``data/events/named-events.tsv``: هجوم، عملية، معركة ...) with a
   place right after it (construct state, ب، في، على, a qualifying adjective between), or
   coordinated with such a place (هجومي سوسة وباردو);
2. features: the noun and its link to the place, the place's kind and country against the
   article's, a date, a toll, the words before the noun, what the article's other events are;
3. model: a multinomial logistic model (``data/models/recalled-events.{tsv,json}``, trained by
   ``scripts/train_recalled_events.py`` on the train split and the extra gold) gives each place the
   sub-event type of the act it names, or none;
4. one draft per named place that no event of the article already sits at, for the merge step.

Entry point: :func:`recalled_drafts`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from marsad.document import Event, Evidence, period_start
from marsad.events.arguments import location_of
from marsad.events.arguments.dates import is_long_before
from marsad.events.arguments.index import Located
from marsad.events.candidates import Candidates
from marsad.events.coding import CODES, SubType
from marsad.events.fatalities import count_killed
from marsad.events.merge import Draft
from marsad.events.model import SentenceModel, read_model
from marsad.events.spans import WORD_RE
from marsad.resources import read_json, read_tsv
from marsad.text.normalize import fold_key

__all__ = ["MODEL", "NamedPlace", "choose_type", "named_places", "recalled_drafts"]

MODEL = "recalled-events"  # data/models/recalled-events.{tsv,json}
FEATURES_VERSION = 1
RECENT_DAYS = 30  # ACLED's background: an act more than about a month old
MAX_GAP_WORDS = 5  # words between the noun and its place (الذي شهده نزل امبريال في)
PHRASE_CHARS = 60  # how far after the noun its place may start
TOLL_CHARS = 120  # how far after the place a toll still belongs to the phrase (التي راح ضحيتها 38)
RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})
LINK_WORDS = frozenset({"في", "علي", "ضد", "استهدف", "استهدفت", "داخل", "قرب", "امام"})
# Words before the noun that make it the act a person is tied to, or mark a recall.
AGENT_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:ال)?(?:منفذ|منفذي|منفذو|متهم|متهما|المتهم|مشتبه|المشتبه|"
                      r"تورط|تورطه|ضالع|صلته|علاقته|مسؤوليه|مسؤوليته)(?![^\W\d_])")
RECALL_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:يذكر|للتذكير|ذكري|الذكري|تعود|منذ|اثر|بعد|عقب|خلفيه|"
                       r"غداه|اعقاب|ابان|سنه|عام)(?![^\W\d_])")
# The event types a named-event noun may stand for: an "attack" or an "operation" on a place may
# have been a battle with its defenders, an explosion is an explosion.
ALLOWED_TYPES = {"attack": {"Violence against civilians", "Battles", "Explosions/Remote violence"},
                 "clash": {"Battles"}, "explosion": {"Explosions/Remote violence"}}
TERROR_RE = re.compile(r"ارهاب|انتحاري|دامي|داميه|مسلح|دموي|اجرامي|غادر")


@dataclass(slots=True)
class NamedPlace:
    """A place that one or more named-event phrases of the article name, with their features."""

    key: str
    place: Located
    head_start: int  # folded offsets of the first phrase naming it
    phrase_end: int
    sentence: int
    code: str  # the cue code the noun types the act with
    features: set[str] = field(default_factory=set)
    date: Located | None = None
    fatalities: int | None = None
    mentions: int = 0
    future: bool = False  # its phrase dates it after the report


@functools.cache
def _heads() -> tuple[re.Pattern[str], dict[str, str]]:
    codes = {form: code for form, code in read_tsv("events/named-events.tsv")}
    forms = "|".join(sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?P<pre>[وف]?[بلك]?)(?P<al>ال)?(?P<head>{forms})(?![^\W\d_])"), codes


@functools.cache
def recalled_model() -> SentenceModel:
    """The packaged model, loaded once."""
    meta = read_json(f"models/{MODEL}.json")
    return read_model([tuple(r) for r in read_tsv(f"models/{MODEL}.tsv")], meta)


def _place_key(item: Located) -> str:
    if item.place is not None:
        return item.place.id
    assert item.mention is not None
    return fold_key(item.mention.text)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


def named_places(cands: Candidates, drafts: list[Draft]) -> list[NamedPlace]:
    """The places named by event phrases that no draft of the article already sits at, with features.

    Args:
        cands: the candidates of the article (its folded text, index and sentences).
        drafts: the events the article's clauses already report.
    """
    text, index = cands.folded.text, cands.index
    pattern, codes = _heads()
    starts = [b[0] for b in cands.bounds]
    home = cands.doc.cache.get("country")
    # a draft that only names an event told before (needs_twin: "الهجوم على المتحف باردو" with no
    # earlier report) is dropped by the merge step when none was told: it covers no place
    covered = {d.event.location.place_id or fold_key(d.event.location.name)
               for d in drafts if d.event.location is not None and not d.needs_twin}
    admin1s = {(d.event.location.admin1, d.event.location.country)
               for d in drafts if d.event.location is not None and d.event.location.admin1}
    place_starts = [p.start for p in index.places]
    counts: dict[str, int] = {}
    for p in index.places:
        counts[_place_key(p)] = counts.get(_place_key(p), 0) + 1
    lead_keys = {_place_key(p) for p in index.places if p.start < index.lead_end}
    found: dict[str, NamedPlace] = {}
    for m in pattern.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= cands.bounds[i][1]:
            continue
        s0, s1 = cands.bounds[i]
        k = bisect_right(place_starts, m.end() - 1)
        named: list[tuple[Located, str]] = []
        if k < len(index.places):
            first = index.places[k]
            # بسوسة: ب is no word; "هجمات 11 سبتمبر 2001 بالولايات المتحدة": a date names the act too
            gap = [w.group(0) for w in WORD_RE.finditer(text, m.end(), first.start - len(first.prefix))
                   if not any(d.start <= w.start() < d.end for d in index.dates)]
            if first.start < min(s1, m.end() + PHRASE_CHARS) and len(gap) <= MAX_GAP_WORDS:
                link = gap[-1] if gap and gap[-1] in LINK_WORDS else (
                    "bi" if first.prefix == "ب" else "adj" if gap else "construct")
                if any(w in RELATIVES for w in gap):
                    link += "_relative"  # الهجوم الذي شهده نزل امبريال في سوسة
                named.append((first, link))
                # "هجومي سوسة وباردو": a place coordinated with the first is named by the noun too
                for nxt in index.places[k + 1:]:
                    between = text[named[-1][0].end:nxt.start]
                    if nxt.start >= s1 or not (between.strip() == "و" or (between.isspace() and nxt.prefix == "و")):
                        break
                    named.append((nxt, "coord"))
        for place, link in named:
            key = _place_key(place)
            if key in covered or (place.place is not None and place.place.kind == "region"):
                continue
            entry = found.get(key)
            if entry is None:
                entry = found[key] = NamedPlace(key, place, m.start(), place.end, i, codes[m.group("head")])
            entry.mentions += 1
            f = entry.features
            f.add(f"head={m.group('head')}")
            f.add(f"link={link}")
            if m.group("al"):
                f.add("definite")
            if "ب" in m.group("pre") or "ل" in m.group("pre"):
                f.add("governed")
            if TERROR_RE.search(text, m.end(), min(s1, place.end + 25)):
                f.add("terror")
            after = WORD_RE.search(text, m.end(), place.start)
            if after is not None and after.group(0).startswith("ال") and after.group(0) not in RELATIVES \
                    and not TERROR_RE.search(after.group(0)):
                f.add("qualified")  # العملية الجراحية بقابس، العمليات العسكرية في: another kind of operation
            before = text[max(s0, m.start() - 40):m.start()]
            if AGENT_RE.search(before):
                f.add("agent_before")
            if RECALL_RE.search(text, s0, m.start()):
                f.add("recall_marker")
            words_before = WORD_RE.findall(before)
            if words_before:
                f.add(f"word_before={words_before[-1].removeprefix('و')}")
            if i == 0:
                f.add("first_sentence")
            stop = min(s1, place.end + TOLL_CHARS)
            dates = [d for d in index.dates if m.start() <= d.start < min(s1, place.end + 40) and d.date]
            if dates and entry.date is None:
                entry.date = dates[0]
                f.add(f"date_{dates[0].date.precision if dates[0].date else ''}")
                value = dates[0].date.value if dates[0].date else None
                f.add("date_old" if is_long_before(value, cands.published) else "date_recent")
                began = period_start(value)
                # "عملية في الرقة بداية أفريل المقبل": an operation still to come is a plan, no past act
                entry.future = began is not None and cands.published is not None and began > cands.published
            toll = count_killed(text, m.start(), stop)
            if toll and entry.fatalities is None:
                entry.fatalities = toll
                f.add("toll")
    for entry in found.values():
        f, p = entry.features, entry.place
        f.add(f"mentions={_bucket(entry.mentions)}")
        f.add(f"place_mentions={_bucket(counts.get(entry.key, 0))}")
        f.add(f"code={entry.code}")
        if p.place is None:
            f.add("kind=unresolved")
        else:
            f.add(f"kind={p.place.kind}")
            f.add("home" if isinstance(home, str) and p.place.country == home else "abroad")
            if (p.place.admin1, p.place.country) in admin1s:
                f.add("admin1_has_event")
        if entry.key in lead_keys:
            f.add("in_lead")
        if p.mention is not None and p.mention.type:
            f.add(f"type={p.mention.type}")
        f.add(f"events={_bucket(len(drafts))}")
        if any(d.event.historical for d in drafts):
            f.add("historical_events")
        if any(cands.bounds[entry.sentence][0] <= cands.folded.to_folded(d.event.evidence.start)
               < cands.bounds[entry.sentence][1] for d in drafts):
            f.add("sentence_has_event")
    return sorted((e for e in found.values() if not e.future), key=lambda e: e.head_start)


def _recent(value: str | None, published: dt.date | None) -> bool:
    """True when a date's period began within RECENT_DAYS of the report (a named act told as news).

    The start of the period counts: "في نهاية شهر جوان الماضي" in a report of 25 August is background.
    """
    began = period_start(value)
    return began is not None and published is not None and (published - began).days <= RECENT_DAYS




def choose_type(code: str, probabilities: dict[str, float]) -> SubType:
    """The likeliest sub-event type that the noun allows (an explosion is no armed clash), else the noun's own."""
    allowed = ALLOWED_TYPES.get(code, {CODES[code].event_type})
    subs = {s.sub_event_type: s for s in reversed(CODES.values()) if s.event_type in allowed}
    best = max(((p, label) for label, p in probabilities.items() if label in subs), default=None)
    return subs[best[1]] if best is not None else CODES[code]


def recalled_drafts(cands: Candidates, drafts: list[Draft], model: SentenceModel | None = None) -> list[Draft]:
    """One historical draft for each place that the article names as the scene of a past act.

    Args:
        cands: the candidates of the article.
        drafts: the drafts the article's clauses report (a place one of them sits at is not named again).
        model: the model deciding each place (default: the packaged one).

    Returns:
        The new drafts, in text order.
    """
    model = model or recalled_model()
    threshold = float(model.meta.get("threshold", 0.5))
    doc, folded = cands.doc, cands.folded
    out: list[Draft] = []
    for entry in named_places(cands, drafts):
        detection = model.detect(["bias", *sorted(entry.features)])
        if detection.p_event < threshold:
            continue
        sub = choose_type(entry.code, detection.probabilities)
        end = max(entry.place.end, entry.date.end if entry.date is not None else 0)
        span = folded.to_source(entry.head_start, end)
        date = entry.date.date if entry.date is not None else None
        event = Event(id="", event_type=sub.event_type, sub_event_type=sub.sub_event_type,
                      evidence=Evidence(start=span.start, end=span.end, text=doc.text[span.start:span.end]),
                      disorder_type=sub.disorder_type, plover=sub.plover,
                      civilian_targeting=sub.event_type == "Violence against civilians",
                      location=location_of(entry.place), date=date.value if date else None,
                      time_precision=date.time_precision if date else 3, fatalities=entry.fatalities,
                      # a dated act is historical when long before the report (العمليات التي طالت
                      # مساء أمس مدينة اسطنبول is not); an undated named act is background
                      historical=not _recent(date.value if date else None, cands.published))
        out.append(Draft(event, (span.start, entry.head_start * 100), partitive=False, follow_up=False,
                         date_known=date is not None, place_known=True))
    return out
