"""Where an event happened: the most precise place its clause names, and what to fall back on.

Road ends, street names, diplomats' posts, places of origin and correspondents' bases are named in
event sentences without being where the event stands (see :func:`place_roles`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from marsad.document import Document, Event, EventLocation
from marsad.errors import DataFileError
from marsad.events.arguments.index import _L, DocIndex, Located, country_names, demonyms
from marsad.events.spans import WORD_RE
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

__all__ = [
    "capital_location",
    "choose_places",
    "country_location",
    "lead_places",
    "location_of",
    "named_country",
    "nationwide_in_capital",
    "place_roles",
    "precise_in_country",
    "side_places",
]

# Words after which a place is a reference point for another (قرب مطار بغداد، شمال الرياض).
NEAR_RE = re.compile(rf"(?<!{_L})[وف]?(?:ب?القرب|قرب|قريبا|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|محيط|"
                     rf"ضواحي|اطراف|مقابل|بعد|على بعد)(?!{_L})")
# How precise a kind of place is (lower is more precise), ACLED's order of preference.
KIND_RANK = {"facility": 0, "city": 1, "region": 2, "admin1": 3, "country": 4}
# Words for a road whose ends "بين A وB" (or "من A إلى B") name: الطريق الرابطة بين صفاقس والمهدية,
# الطريق بين سوسة والقيروان. A road is not where an act on it stands; "عن طريق" is "by means of".
# Words for a town or a division before a road's end (بين معتمدية الشابة ومعتمدية المهدية); the end of
# a road the gazetteer does not know may come first (بين السواسي والجم).
ROAD_UNITS = "(?:مدينه|منطقه|ولايه|معتمديه|بلده|قريه|محافظه)"
ROAD_START_RE = re.compile(
    rf"(?<!عن )(?<!{_L})[وب]?(?:ال)?(?:رابط|رابطه|واصل|واصله|طريق|طرقات|مسلك|خط)(?:(?:\s+[^\s،,.]+){{0,3}}?"
    rf"\s+بين|\s+من)\s+(?:(?:{ROAD_UNITS}|مدينتي|منطقتي|ولايتي|معتمديتي|بلدتي|قريتي|محافظتي)\s+)?"
    rf"(?:[^\s،,.]+\s+و\s*)?$")
ROAD_NEXT_RE = re.compile(rf"^\s*(?:و|الي|حتي)\s*(?:{ROAD_UNITS}\s+)?$")
# Words before a name that make it the name of a street or a square (بنهج بنزرت، بساحة المغرب العربي،
# شارع الحبيب بورقيبة), which every town may have: the event is in the town named with it.
STREET_WORDS = r"(?:نهج|انهج|شارع|ساحه|زنقه|طريق|جاده|ميدان)"
STREET_BEFORE_RE = re.compile(rf"(?<!{_L})[وبفل]?(?:ال)?{STREET_WORDS}\s+$")
STREET_NAME_RE = re.compile(rf"(?:ال)?{STREET_WORDS}\s")
# A diplomat's title names the country he represents and the capital he is accredited to (سفير تونس
# لدى أوتاوا، السفير الأمريكي في بغداد); neither is where the act told stands. An embassy's host city
# is (تظاهروا أمام سفارة فرنسا في تونس), its country is not.
ENVOY_OF_RE = re.compile(rf"(?<!{_L})[وبل]?(?:ال)?(?:سفير|سفيره|سفراء|سفاره|سفارات|قنصل|قنصليه|مبعوث)\s+$")
ENVOY_IN_RE = re.compile(rf"(?<!{_L})[وبل]?(?:ال)?(?:سفير|سفيره|سفراء|قنصل|مبعوث)"
                         rf"(?:\s+[^\s،,.]+){{0,2}}?\s+(?:(?:لدي|في)\s+|ب)$")
ACCREDITED_RE = re.compile(rf"(?<!{_L})لدي\s+$")
# "اغتيال السفير الروسي في أنقرة"، "خارج مقر إقامة السفير التركي في واشنطن": the envoy is the
# victim, or his house is the site, and his post is where the act stands.
ENVOY_VICTIM_RE = re.compile(rf"(?<!{_L})[وبل]?(?:مقتل|اغتيال|اغتيل|قتل|اختطاف|اختطف|خطف|استهداف|استهدف|علي|"
                             rf"مقر|اقامه|منزل|مكتب|بيت|امام)\s+(?:ال)?(?:سفير|قنصل|مبعوث)")
# The state that leads a coalition (التحالف الدولي بقيادة الولايات المتحدة، التحالف الذي تقوده
# السعودية) names who acts, not where.
LEADER_RE = re.compile(rf"(?<!{_L})(?:بقياده|بزعامه|تقوده|يقوده|تتزعمه|يتزعمه)\s+$")
# Where a person comes from (مواطن أصيل ولاية المهدية) or where a correspondent works (وفق مراسل
# الجوهرة أف أم بالمهدية) is not where the act told stands.
ORIGIN_RE = re.compile(rf"(?<!{_L})(?:اصيل|اصيله|اصيلي|اصيلو)\s+$")
REPORTER_RE = re.compile(rf"(?<!{_L})[ول]?(?:ال)?(?:مراسل|مراسله|مراسلي|مبعوث|مبعوثه)(?:\s+[^\s،,.]+){{0,4}}?"
                         rf"\s+(?:(?:في|من)\s+|ب)$")
# An embassy named as a place (سفارة فرنسا) resolves to the country it represents, not the host's.
EMBASSY_NAME_RE = re.compile(r"(?:ال)?(?:سفاره|سفارات|قنصليه)\s")
# A country named by an adjective after a word of place (في العاصمة اليونانية، بالأراضي السورية), or
# after the police and courts, which act at home (ألقت السلطات الكندية القبض على ...).
PLACE_ADJECTIVE_RE = re.compile(
    rf"(?<!{_L})[وبل]?(?:ال)?(?:(?:عاصمه|مدينه|جزيره|اراضي|سواحل|ولايه|محافظه|مقاطعه|ساحل|بلدات|مدن)|"
    rf"(?P<authority>سلطات|شرطه|محكمه|محاكم|نيابه))\s+(ال[^\W\d_]+)")
# "أصيل منطقة حاجب العيون من ولاية القيروان": the province of a place of origin is one too.
SOURCE_NEXT_RE = re.compile(r"^\s*(?:من|ب|،|,)?\s*$")
# Any word the role patterns above start from: most places have none before them and are skipped.
ROLE_HINT_RE = re.compile(r"رابط|واصل|طريق|طرق|مسلك|خط|نهج|شارع|ساحه|زنقه|جاده|ميدان|سفير|سفار|قنصل|مبعوث|"
                          r"لدي|اصيل|مراسل|قياده|زعامه|قوده|تزعمه")
# Words a town may stand after a facility it locates: a street of three words and the ب of each.
MISPLACED_GAP = 6
# Words between two places that do not coordinate them, though they start with و (وسط بغداد).
NOT_CONJUNCTION = frozenset({"وسط", "وراء", "وادي", "ولايه", "وحده"})


def place_roles(index: DocIndex, start: int, end: int) -> dict[int, str]:
    """Roles of the places in ``[start, end)`` that are not event places, by their start.

    ``"road"`` for the ends of a road, ``"street"`` for a street or square named after a town or
    unknown to the gazetteer, ``"envoy"`` for the country or capital of a diplomat's title or an
    embassy, ``"source"`` for where a person comes from or a correspondent works, ``"leader"`` for
    the state that leads a coalition (بقيادة الولايات المتحدة).
    """
    text = index.folded.text
    roles: dict[int, str] = {}
    previous: Located | None = None
    for p in index.places[bisect_left(index.places, start, key=_start):]:
        if p.start >= end:
            break
        before = text[max(start, p.start - 60):p.start]
        own = text[p.start:p.end]
        last, previous = previous, p
        chained = last is not None and roles.get(last.start) in ("road", "source")
        if not chained and ROLE_HINT_RE.search(before) is None and ROLE_HINT_RE.search(own) is None:
            continue
        if LEADER_RE.search(before):
            roles[p.start] = "leader"
        elif ACCREDITED_RE.search(before) or ENVOY_OF_RE.search(before) or EMBASSY_NAME_RE.match(own) or (
                ENVOY_IN_RE.search(before) and not ENVOY_VICTIM_RE.search(before)):
            roles[p.start] = "envoy"
        elif ORIGIN_RE.search(before) or REPORTER_RE.search(before) or (
                last is not None and roles.get(last.start) == "source"
                and SOURCE_NEXT_RE.match(text[last.end:p.start])):
            roles[p.start] = "source"
        elif ROAD_START_RE.search(before) or (
                last is not None and roles.get(last.start) == "road"
                and ROAD_NEXT_RE.match(text[last.end:p.start])):
            roles[p.start] = "road"
        elif (STREET_BEFORE_RE.search(before) and not own.startswith("مدينه")) or STREET_NAME_RE.match(own):
            # a street the gazetteer knows (شارع الحبيب بورقيبة، جادة الشانزليزيه) is a place; one named
            # after a town (نهج بنزرت) or unknown (ساحة المغرب العربي) is not
            if p.place is None or p.place.kind != "facility" or not p.place.country:
                roles[p.start] = "street"
    return roles


def _start(item: Located) -> int:
    return item.start


def choose_places(index: DocIndex, seg_start: int, seg_end: int, anchor_start: int) -> list[Located]:
    """The places an event happened at, by ACLED's rule of the most precise place named.

    A plural report that names coordinated places (بمحافظتي بابل والمثنى) yields all of them; a
    place that only locates another (الأنبار after عين الأسد, مطار بغداد after قرب, بغداد after حي
    الكرادة وسط) is dropped. Road ends, street names and diplomats' posts are not event places
    (see :func:`place_roles`).
    """
    roles = place_roles(index, seg_start, seg_end)
    cands = [p for p in index.places if seg_start <= p.start < seg_end and p.start not in roles]
    if not cands:
        return []
    text = index.folded.text
    kept: list[Located] = []
    for p in cands:
        if kept:
            prev = kept[-1]
            gap = text[prev.end:p.start]
            near = NEAR_RE.search(gap) is not None
            same_area = _same_area(prev, p)
            if (near or same_area) and _rank(p) >= _rank(prev):
                continue  # a reference point or the division of the place before it
            if same_area and _rank(p) < _rank(prev) and not near:
                kept[-1] = p  # "في الأنبار، في قاعدة عين الأسد": the base is more precise
                continue
            if _misplaced(prev, p, gap):
                kept[-1] = p  # "أمام مقر الولاية بمدينة سوسة": the town tells which headquarters
                while len(kept) > 1 and _misplaced(kept[-2], p, text[kept[-2].end:p.start]):
                    del kept[-2]  # "مقر الولاية بشارع الحبيب بورقيبة بمدينة سوسة": both are in the town
                continue
        kept.append(p)
    after = [p for p in kept if p.start >= anchor_start]
    pool = after or kept[-1:]
    # several places only when they are coordinated (و or a comma between them), and not when one
    # holds the other (بحي الكرادة وسط العاصمة العراقية بغداد)
    group = [pool[0]]
    for p in pool[1:]:
        gap = text[group[-1].end:p.start]
        if _same_area(group[-1], p) or _same_area(p, group[-1]):
            if _rank(p) < _rank(group[-1]):
                group[-1] = p  # the more precise of a place and its province or country
            continue
        if len(WORD_RE.findall(gap)) <= 4 and _coordinated(gap):
            group.append(p)
        else:
            break
    return group


def side_places(index: DocIndex, start: int, end: int) -> list[Located]:
    """Road ends and street names in ``[start, end)``: where an event is when nothing else is named."""
    roles = place_roles(index, start, end)
    side = [p for p in index.places if start <= p.start < end and roles.get(p.start) in ("road", "street")]
    return sorted(side, key=_rank)  # "بين تونس وصفاقس": a town rather than the country of the same name


def named_country(index: DocIndex, start: int, end: int) -> tuple[EventLocation, bool] | None:
    """The country an adjective names after a word of place (في العاصمة اليونانية → Greece).

    The flag is False when the adjective qualifies the police or the courts (السلطات الكندية), which
    tells the country less surely than a word of place does.
    """
    m = PLACE_ADJECTIVE_RE.search(index.folded.text, start, end)
    while m is not None:
        iso = demonyms().get(m.group(2))
        if iso is not None:
            name_ar, name_en = country_names().get(iso, (iso, iso))
            location = EventLocation(name=name_ar, name_en=name_en, country=iso, geo_precision=3)
            return location, m.group("authority") is None
        m = PLACE_ADJECTIVE_RE.search(index.folded.text, m.end(), end)
    return None


def lead_places(index: DocIndex) -> list[Located]:
    """The places the lead names that can be event places: towns first, then road ends and streets."""
    roles = place_roles(index, 0, index.lead_end)
    lead = [p for p in index.places if p.start < index.lead_end
            and roles.get(p.start) not in ("envoy", "source", "leader")]
    return sorted(lead, key=lambda p: p.start in roles)


# Characters after the event's sentence within which a place may still tell where it happened (في شرق
# ليبيا ... ، واندلع القتال أول أمس السبت في بلدة أجدابيا): about the next sentence.
FOLLOWING_WINDOW = 300


def precise_in_country(index: DocIndex, country: str, start: int, end: int) -> Located | None:
    """The place nearest before ``start`` (else soon after ``end``) that lies in ``country`` and is
    more precise than the country itself, or None.

    An event told "في اليمن" or "in the country" of an article about Saada is coded at Saada: ACLED
    takes the most precise place the report gives for it. A place is taken from outside the event's
    sentence only when that sentence names no place more precise than the country; road ends, an
    envoy's post and a person's origin are no such place (:func:`place_roles`).
    """
    inside = [p for p in index.places if p.place is not None and p.place.country == country
              and p.place.kind != "country" and not start <= p.start < end]
    if not inside:
        return None
    roles = place_roles(index, 0, len(index.folded.text))
    inside = [p for p in inside if roles.get(p.start) not in ("envoy", "source", "leader")]
    before = [p for p in inside if p.end <= start]
    if before:
        return before[-1]
    after = [p for p in inside if end <= p.start < end + FOLLOWING_WINDOW]
    return after[0] if after else None


GAZETTEER = "gazetteer/places.tsv"
# A strike (إضراب، أضرب): what the guide places in the capital when the text names no place.
STRIKE_RE = re.compile(r"[اأإ]ضراب|[اأ]ضرب")
# A protest before a seat of the state (أمام وزارة التربية، أمام مقر البرلمان، أمام رئاسة الحكومة), folded:
# the seat is in the capital.
NATIONAL_SEAT_RE = re.compile(rf"(?<!{_L})(?:امام|قباله|بمقر|امام\s+مقر)\s+(?:مقر\s+)?(?:ال)?(?:وزاره|البرلمان|"
                              rf"مجلس\s+نواب|مجلس\s+النواب|مجلس\s+الشعب|رئاسه|قصر\s+الحكومه|قصر\s+الرئاسه)(?!{_L})")
# Words of a protest held across the country (بكافة مستشفيات الجمهورية، في مختلف الجهات), folded.
NATIONWIDE_RE = re.compile(rf"(?<!{_L})[وبف]?(?:كافه|كامل|جميع|مختلف|كل)\s+(?:{_L}+\s+)?"
                           rf"(?:البلاد|الجمهوريه|الجهات|الولايات|المحافظات|انحاء|ربوع|مناطق)(?!{_L})")
# A town this close (degrees) to its country row's point, the biggest such, is the capital: the rule of
# marsad.places.gazetteer (CAPITAL_DEGREES), which the events stage may not import (sibling layers).
CAPITAL_DEGREES = 0.2


@functools.cache
def _capitals() -> dict[str, EventLocation]:
    """ISO2 -> the location of its capital, from the packaged gazetteer."""
    try:
        rows = read_tsv(GAZETTEER)
    except DataFileError:
        return {}
    table = [list(r) + [""] * (11 - len(r)) for r in rows]
    seats = {r[8]: (float(r[5]), float(r[6])) for r in table if r[4] == "country" and r[5] and r[6]}
    best: dict[str, tuple[int, list[str]]] = {}
    for r in table:
        seat = seats.get(r[8])
        if r[4] == "city" and seat and r[5] and r[6] and abs(float(r[5]) - seat[0]) < CAPITAL_DEGREES \
                and abs(float(r[6]) - seat[1]) < CAPITAL_DEGREES:
            pop = int(r[10]) if r[10] else 0
            if pop >= best.get(r[8], (-1, []))[0]:
                best[r[8]] = (pop, r)
    return {iso: EventLocation(name=r[1], name_en=r[3], admin1=r[7] or None, country=iso, lat=float(r[5]),
                               lon=float(r[6]), geo_precision=3, place_id=r[0])
            for iso, (_, r) in best.items()}


def capital_location(country: str | None) -> EventLocation | None:
    """The capital of a country as an event location (geo_precision 3), or None.

    ANNOTATION-GUIDE: a national strike without a named place is placed in the capital.
    """
    if not country:
        return None
    found = _capitals().get(country)
    return None if found is None else _copy(found)


def nationwide_in_capital(events: list[Event], article_country: str | None) -> None:
    """Place in the capital, in place, each strike, protest across the country or protest before a seat of
    the state (a ministry, the parliament) located only by its country (or not at all).

    ANNOTATION-GUIDE: "a national strike without a named place: the capital" (إضراب عام بكافة محاكم
    البلاد، تحركات احتجاجية بكافة مستشفيات الجمهورية). Other events keep their country.
    """
    for event in events:
        folded = fold_key(event.evidence.text)
        if event.event_type != "Protests" or not (STRIKE_RE.search(event.evidence.text)
                                                  or NATIONWIDE_RE.search(folded) or NATIONAL_SEAT_RE.search(folded)):
            continue  # demonstrations "in Lebanon" across its towns stay in the country
        loc = event.location
        if loc is not None and not _country_level(loc):
            continue
        capital = capital_location(loc.country if loc is not None else article_country)
        if capital is not None:
            event.location = capital


def _country_level(loc: EventLocation) -> bool:
    if loc.admin1 or not loc.country:
        return False
    name_ar, name_en = country_names().get(loc.country, ("", ""))
    return loc.name == name_ar or (bool(name_en) and loc.name_en == name_en)


def _copy(location: EventLocation) -> EventLocation:
    return EventLocation(name=location.name, name_en=location.name_en, admin1=location.admin1,
                         country=location.country, lat=location.lat, lon=location.lon,
                         geo_precision=location.geo_precision, place_id=location.place_id)


def _misplaced(facility: Located, town: Located, gap: str) -> bool:
    """True when a town that locates a facility (مقر الولاية بمدينة سوسة) puts it in another province.

    A facility's name is often generic (مقر الولاية، المستشفى الجهوي) and resolves to the wrong
    town; a town named right after it is not.
    """
    f, t = facility.place, town.place
    if f is None or t is None or f.kind != "facility" or t.kind not in ("city", "admin1"):
        return False
    if NEAR_RE.search(gap) is not None or _coordinated(gap) or len(WORD_RE.findall(gap)) > MISPLACED_GAP:
        return False
    return (f.admin1, f.country) != (t.admin1, t.country)


def _coordinated(gap: str) -> bool:
    """True when the words between two places join them as a list (و، a comma), not as a locative."""
    if "،" in gap or "," in gap:
        return True
    return any(w == "و" or (w.startswith("و") and w not in NOT_CONJUNCTION) for w in gap.split())


def _rank(item: Located) -> int:
    if item.place is None:
        return 1
    return KIND_RANK.get(item.place.kind, 1)


def _same_area(a: Located, b: Located) -> bool:
    if a.place is None or b.place is None:
        return False
    if a.place.id == b.place.id:
        return True
    if b.place.kind == "country":
        return a.place.country == b.place.country
    if b.place.kind == "admin1" or a.place.kind == "admin1":
        return bool(a.place.admin1) and (a.place.admin1, a.place.country) == (b.place.admin1, b.place.country)
    return False


def location_of(item: Located | None, *, lower: bool = False) -> EventLocation | None:
    """The event location for a chosen place (``lower``: taken from the lead, one step less precise)."""
    if item is None:
        return None
    p = item.place
    if p is None:
        assert item.mention is not None
        return EventLocation(name=item.mention.text, geo_precision=3 if lower else 2)
    precision = p.geo_precision
    if p.kind in ("admin1", "region"):
        precision = max(precision, 2)
    if p.kind == "country":
        precision = 3
    if lower:
        precision = min(3, precision + 1)
    return EventLocation(name=p.name, name_en=p.name_en, admin1=p.admin1, country=p.country, lat=p.lat,
                         lon=p.lon, geo_precision=precision, place_id=p.id)


def country_location(doc: Document) -> EventLocation | None:
    """The article's country as a last-resort location (geo_precision 3)."""
    iso = doc.cache.get("country")
    if not isinstance(iso, str) or not iso:
        return None
    name_ar, name_en = country_names().get(iso, (iso, iso))
    return EventLocation(name=name_ar, name_en=name_en, country=iso, geo_precision=3)
