"""The clause helpers of the events stage: what anchors a clause, who governs its act, where it happened,
and the tests of ground, purpose and told acts that detection asks about (see ``marsad.events``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from marsad.document import Document, EventLocation
from marsad.events.arguments import (
    DocIndex,
    Located,
    choose_places,
    country_location,
    lead_places,
    location_of,
    named_country,
    precise_in_country,
    side_places,
)
from marsad.events.coding import (
    KILLING_FORMS,
    LIGHT_VERB_RE,
    LIGHT_VERB_WINDOW,
    PART_RE,
    PASSIVE_FORMS,
    VIOLENCE_CODES,
)
from marsad.events.cues import Hit
from marsad.events.merge import Draft
from marsad.events.modality import SentenceModality

# Ground after a cue of control, within six words (سيطرت قوات سوريا الديمقراطية على قرية ...).
TERRITORY_RE = re.compile(
    r"(?:\s+\S+){0,5}?\s+[وب]?(?:ال)?(?:مدين|بلد|قري|منطق|حي|احياء|مواقع|موقع|قاعد|معسكر|مطار|ميناء|جبل|"
    r"تل|مقر|معبر|حقل|حقول|مدن|قري|بلدات|اراض|محافظ|ولاي|اقليم|مركز|ثكن|سجن|مبني|حاجز|الطريق|طريق)")
EXPOSED_WINDOW = 10  # تعرضت فرقاطة سعودية أثناء قيامها بدورية مراقبة غرب ميناء الحديدة لهجوم
# Support verbs whose subject carries out the act their nominal object names (شن هجوماً، نفذ تفجيراً،
# ألقت الشرطة القبض على).
AGENTIVE_VERBS = frozenset({"شن", "نفذ", "اطلق", "استهدف", "اوقع", "خرج", "نظم", "القي", "القت", "القوا"})
# "تمكنت وحدات الحرس الوطني بالجهة أمس ... من القبض على": the subject of تمكن carries out the act
# that من introduces, after a subject that often brings a place and a full date with it; 12 words
# cover a three-word unit, a place and a five-word date.
ENABLING_VERBS = frozenset({"تمكن"})
ENABLING_WINDOW = 12
# "بمناسبة الذكرى الثالثة لاغتيال ..."، "إحياء ذكرى اغتيال ...": the genitive لـ after a commemoration,
# not the purpose لـ; the commemorated act took place.
COMMEMORATION_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال)?ذكري(?:\s+\S+)?\s+$")
# A past "tried to" before a verbal noun of violence (حاولت وحدة من الموساد اغتيال ...): ACLED codes
# attempted attacks; four words leave room for a subject of up to three words.
ATTEMPT_RE = re.compile(r"(?<![^\W\d_])[وف]?حاول(?:ت|وا|ا|تا)?(?![^\W\d_])")
ATTEMPT_WINDOW = 4
CLAUSE_OPEN_RE = re.compile(r"،\s*و")  # a comma, then a word with the conjunction و
ATTEMPT_CODES = frozenset({"attack", "abduction", "explosion", "ied", "suicide", "grenade"})


def article_country(doc: Document) -> str | None:
    iso = doc.cache.get("country")
    return iso if isinstance(iso, str) and iso else None


def takes_ground(index: DocIndex, h: Hit, seg_end: int) -> bool:
    """True when a place or a word of ground follows a cue of control (سيطرت على مدينة ...)."""
    text = index.folded.text
    limit = min(seg_end, h.end + 90)
    if any(h.end <= p.start < limit and index.words_between(h.end, p.start) <= 6 for p in index.places):
        return True
    return TERRITORY_RE.match(text, h.end, limit) is not None


def own_place_clauses(index: DocIndex, triggers: list[Hit], s0: int, s1: int) -> list[int]:
    """Commas that open (with و) a clause holding a cue and a place or a day of its own.

    A place is new when it is not one named before the comma, nor the province or the country of
    one (في حي الكرادة ... ، وبغداد adds no place of its own); a day is new when it is an explicit
    date that differs from every date before the comma (اغتيل الأول يوم 3 ماي، واغتيل الثاني يوم 9 جوان).
    """
    text = index.folded.text
    places = [p for p in index.places if s0 <= p.start < s1 and p.place is not None]
    days = [(d.start, d.date.value) for d in index.dates if s0 <= d.start < s1 and d.date is not None
            and d.date.value and not d.date.relative and d.date.precision == "day"]
    if len(places) < 2 and len(days) < 2:
        return []
    out = []
    for m in CLAUSE_OPEN_RE.finditer(text, s0, s1):
        c = m.start()
        nxt = text.find("،", c + 1, s1)
        end = nxt if nxt >= 0 else s1
        if not any(c <= h.start < end for h in triggers) or not any(h.start < c for h in triggers):
            continue
        before = [p.place for p in places if p.start < c and p.place is not None]
        known = {b.id for b in before} | {b.admin1 for b in before if b.admin1} \
            | {b.country for b in before if b.country}
        if before and any(c <= p.start < end and p.place is not None and p.place.id not in known
                          and (p.place.name_en or "") not in known
                          and not (p.place.kind == "country" and p.place.country in known)
                          for p in places):
            out.append(c)
            continue
        days_before = {v for pos, v in days if pos < c}
        if days_before and any(c <= pos < end and v not in days_before for pos, v in days):
            out.append(c)
    return out


def names_ground(index: DocIndex, h: Hit, s1: int) -> bool:
    """True when a named place follows a cue of control in its own clause (على أحياء حلب القديمة).

    "بعد سيطرة الحوثيين عليها، إلى عدن" names Aden as where someone fled, past the comma; "على بعض
    المواقع" names no ground.
    """
    text = index.folded.text
    return any(h.end <= p.start < s1 and p.place is not None and index.words_between(h.end, p.start) <= 6
               and "،" not in text[h.end:p.start] and "," not in text[h.end:p.start] for p in index.places)


def told_as_done(h: Hit, text: str, s0: int, modality: SentenceModality) -> bool:
    """True when the words around a cue that needs support take its act as done.

    A commemoration (الذكرى الثالثة لاغتيال)، a past attempt (حاولت وحدة اغتيال: ACLED codes the
    attempt) and a present protest verb with a plural subject (عمال المصنع يحتجون، headline style;
    يحتجون بأن is "they argue that").
    """
    before = text[max(s0, h.start - 40):h.start]
    if COMMEMORATION_RE.search(before):
        return True
    if h.kind in ATTEMPT_CODES and h.pos == "N" and any(
            modality.words_between(m.end(), h.start) <= ATTEMPT_WINDOW
            and not modality.boundary_between(m.end(), h.start)
            for m in ATTEMPT_RE.finditer(text, max(s0, h.start - 60), h.start)):
        return True
    return h.kind == "peaceful" and h.pos == "I" and text.endswith("ون", h.start, h.end) \
        and not text.startswith((" ب", " علي ان", " بان"), h.end)


def is_purpose(h: Hit, exposed: list[int], modality: SentenceModality) -> bool:
    """True for a verbal noun after the purpose لـ (لتفجيرها "in order to blow it up").

    After تعرض (was subjected to: تعرضت لهجوم) the same لـ reports what happened, and after a
    commemoration (الذكرى الثالثة لاغتيال) it is the genitive.
    """
    if h.pos != "N" or h.strength >= 2 or h.prefix.lstrip("وف") not in ("ل", "لل"):
        return False
    if COMMEMORATION_RE.search(modality.text, max(modality.start, h.start - 40), h.start):
        return False
    return not any(e <= h.start and modality.words_between(e, h.start) <= EXPOSED_WINDOW for e in exposed)


def outside_names(doc: Document, to_folded: Callable[[int], int], hits: list[Hit]) -> list[Hit]:
    """Drop cues inside a name: الجبهة الشعبية لتحرير فلسطين, قوة مراقبة فض الاشتباك."""
    names = sorted((to_folded(m.start), to_folded(m.end)) for m in doc.entities
                   if m.type in ("ORG", "PER", "FAC"))
    if not names:
        return hits
    starts = [n[0] for n in names]
    kept = []
    for h in hits:
        i = bisect_right(starts, h.start) - 1
        if i >= 0 and h.start >= names[i][0] and h.end <= names[i][1] + 1 and h.start > names[i][0] - 1 \
                and names[i][1] - names[i][0] > h.end - h.start:
            continue
        kept.append(h)
    return kept


def clause_anchor(triggers: list[Hit]) -> Hit:
    """The cue that stands for the clause's event: a finite verb if any, else the first cue.

    Verbs of killing come last: they report the toll of the event the other cues name; so does an
    arrest told with an act of violence (الشرطة أوقفت المهاجم): it follows the act, and its subject
    is the arresting authority, not the perpetrator.
    """
    violent = any(h.kind in VIOLENCE_CODES for h in triggers)
    ranked = sorted(triggers, key=lambda h: (h.form in KILLING_FORMS, violent and h.kind == "arrests",
                                             h.strength < 2, h.start))
    return ranked[0]


def governing_verb(anchor: Hit, support: list[Hit], modality: SentenceModality) -> tuple[int, int] | None:
    """The finite verb whose subject carries out the act of ``anchor`` (see ``choose_actors``)."""
    if anchor.form in KILLING_FORMS or anchor.form in PASSIVE_FORMS:
        return None  # mostly passive in news (قُتل 18 شخصاً، اغتيل القيادي): the name next to it is a victim
    if anchor.pos in ("V", "I") or anchor.strength >= 2:
        return anchor.start, anchor.end
    share = max(PART_RE.finditer(modality.text, max(modality.start, anchor.start - 40), anchor.start),
                key=lambda m: m.start(), default=None)
    if share is not None and modality.words_between(share.end(), anchor.start) == 0:
        return share.start(), share.end()  # لعب دوراً في اغتيال، شارك في تنفيذ: a part in the act
    if "ب" in anchor.prefix:
        # قامت القوات المسلحة الجزائرية بقصف مواقع: the light verb's subject carries out the act
        text = modality.text
        light = max(LIGHT_VERB_RE.finditer(text, max(modality.start, anchor.start - 120), anchor.start),
                    key=lambda m: m.start(), default=None)
        if light is not None and modality.words_between(light.end(), anchor.start) <= LIGHT_VERB_WINDOW \
                and not modality.boundary_between(light.end(), anchor.start):
            return light.start(), light.end()
    for w in reversed(support):
        if w.form in AGENTIVE_VERBS and w.end <= anchor.start \
                and modality.words_between(w.end, anchor.start) <= 4:
            return w.start, w.end
        if w.form in ENABLING_VERBS and w.end <= anchor.start \
                and modality.text[max(w.end, anchor.start - 4):anchor.start].rstrip().endswith("من") \
                and modality.words_between(w.end, anchor.start) <= ENABLING_WINDOW \
                and not modality.boundary_between(w.end, anchor.start):
            return w.start, w.end
    return None


def only_killing_merges(previous: Draft) -> bool:
    return previous.event.disorder_type == "Political violence"


def clause_locations(doc: Document, index: DocIndex, seg0: int, seg1: int, s0: int, s1: int,
               anchor: int) -> tuple[list[EventLocation | None], bool]:
    """The event's locations, and whether its own sentence names them (not the lead, not the country)."""
    # headline style "الجم : قطع سكة الحديد ...": the place before the colon is where it happened
    text = index.folded.text
    for p in index.places:
        if seg0 <= p.start and p.end <= anchor and text[p.end:p.end + 3].strip().startswith(":") \
                and (p.place is None or p.place.kind != "country"):
            return [location_of(p)], True
    chosen = choose_places(index, seg0, seg1, anchor)
    if not chosen:
        chosen = choose_places(index, s0, s1, anchor)[:1]
    if chosen:
        only = _country_only(chosen, index, s0, s1)
        if only is not None:
            # "في اليمن" in an article about Saada: the nearest more precise place in that country
            refined = precise_in_country(index, only, s0, s1)
            if refined is not None:
                return [location_of(refined, lower=True)], False
        return [location_of(p) for p in chosen], True
    # nothing but road ends or a street in the sentence (قطع الطريق الرابطة بين صفاقس والمهدية): the
    # protesters' town the lead names if it lies on the road (same province), else the first end;
    # a country the clause names (في العاصمة اليونانية) before the lead's places elsewhere
    side = side_places(index, s0, s1)
    named = named_country(index, seg0, seg1) or named_country(index, s0, s1)
    lead = lead_places(index)
    if side:
        provinces = {_province(p) for p in side}
        lead = [p for p in lead if _province(p) in provinces]
    if named is not None:
        country, strong = named
        inside = [p for p in lead if p.place is not None and p.place.country == country.country]
        if inside:
            return [location_of(inside[0], lower=True)], False
        refined = precise_in_country(index, country.country, s0, s1) if country.country else None
        if refined is not None:
            # "أعلنت النيابة الألمانية ..." in an article that names Hesse: the place in that country
            return [location_of(refined, lower=True)], False
        if strong or not lead or all(p.place is not None and p.place.kind == "country" for p in lead[:1]):
            # "أعلنت السلطات الإيطالية عن اعتقال ..." with Syria in the lead's background: the
            # authorities' country, not another country the lead names
            return [country], True
    if lead:
        first = lead[0]
        if first.place is not None and first.place.kind == "country" and first.place.country:
            # a lead that names only the country: the nearest town of that country before the event
            refined = precise_in_country(index, first.place.country, s0, s1)
            if refined is not None:
                return [location_of(refined, lower=True)], False
        return [location_of(first, lower=True)], False
    if side:
        return [location_of(side[0], lower=True)], True
    return [country_location(doc)], False


def _country_only(chosen: list[Located], index: DocIndex, s0: int, s1: int) -> str | None:
    """The country of a choice that is one country and nothing more precise in the sentence, else None."""
    if len(chosen) != 1 or chosen[0].place is None or chosen[0].place.kind != "country":
        return None
    iso = chosen[0].place.country
    if not iso or any(s0 <= p.start < s1 and p.place is not None and p.place.kind != "country"
                      and p.place.country == iso for p in index.places):
        return None
    return iso


def _province(item: Located) -> tuple[str, str] | None:
    if item.place is None or not item.place.admin1:
        return None
    return item.place.admin1, item.place.country or ""
