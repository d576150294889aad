"""Stage ``places``: GPE/LOC/FAC mentions → geocoded places with admin1, country and geo_precision.

For each place mention written by the entities stage, the gazetteer (``data/gazetteer/places.tsv``,
built by ``scripts/build_gazetteer.py``) is asked for candidates under several readings of the name
(:mod:`marsad.places.resolve`), and the words around the mention (:mod:`marsad.places.context`)
add a head noun (محافظة، مدينة) or nearness (شمال، قرب). The article's country, decided from the
mentions that only one country has, breaks ties and is left in ``doc.cache["country"]`` for later
stages. Each distinct referent becomes one :class:`~marsad.document.Place` listing its mentions;
region expressions that are not entities (المحافظات الجنوبية، جنوب البلاد) become region places of
the article's country. ``doc.cache["place_spans"]`` maps each place id to the (start, end) spans
that refer to it, including those of region expressions, which have no mention, and
``doc.cache["mention_precision"]`` gives each mention's own geo_precision ("قرب سرت" is 2 while
the place Sirte, also named plainly, is 1).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from marsad.config import PlacesConfig
from marsad.document import Document, Mention, Place
from marsad.places.context import (
    CAPITAL_WORD,
    CONTAINED_RE,
    FUNCTION_WORDS,
    HEAD_INSIDE_RE,
    HEAD_KIND,
    PLURAL_HEADS,
    REGION_EXPRESSION_RE,
    REGION_EXPRESSION_WORDS,
    bare_word,
    city_scale_before,
    context_words,
    document_word_before,
    read_before,
    region_direction,
)
from marsad.places.evidence import (
    PLACE_PREPOSITIONS,
    agrees_as_adjective,
    in_adjective_list,
    is_place,
    named_country,
    needs_evidence,
    packaged_model,
)
from marsad.places.evidence import features as evidence_features
from marsad.places.gazetteer import Gazetteer, PlaceEntry, TableGazetteer, name_key, packaged_gazetteer
from marsad.places.resolve import Reading, Resolution, choose, lookup
from marsad.resources import read_tsv
from marsad.text.normalize import FoldedText, fold, fold_key

__all__ = ["Gazetteer", "PlaceEntry", "TableGazetteer", "locate_places", "packaged_gazetteer",
           "resolve_place_name"]

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# An organisation's mention is located too when the gazetteer lists a facility under its very name:
# مجلس نواب الشعب is the parliament (ORG) and, for the places stage, its seat in Bardo. Only where
# the words before it speak of a place (وقفة أمام مجلس نواب الشعب، في البيت الأبيض): the body that
# speaks or acts (قال البيت الأبيض، رئيس مجلس نواب الشعب) is an organisation, no place.
ORG_SEAT_BEFORE = frozenset({*PLACE_PREPOSITIONS, "امام", "قباله", "مقر", "مدخل", "بوابه", "ساحه", "بهو",
                             "مبني", "اقتحام", "اقتحموا", "اقتحمت", "استهداف", "استهدفت", "استهدف"})
# How far before a mention (folded characters) a head noun or direction word is looked for.
CONTEXT_WINDOW = 40
# A mention the gazetteer does not know takes its location from a resolved place in the same
# sentence ("بئر زار قرب رمادة"): ACLED codes such a spot at the nearest known town, precision 2.
ANCHOR_SCORE = 0.6
# Between two names of one list: spaces, a comma, و (attached or not).
LIST_GAP_RE = re.compile(r"[\s،,]*و?\s*")
# Weights in the vote for the article's country (a country or town name counts 1): a region name,
# and an actor of the country (counted once per actor, however often it is named).
REGION_VOTE = 0.5
ACTOR_VOTE = 0.3
ANCHOR_KIND_ORDER = {"facility": 0, "city": 1, "region": 2, "admin1": 3}
# A village or district the gazetteer lacks, named with its head (قرية كرانة، بلدة جليب، حي
# المعادي), with no known town in its sentence: it keeps its own name at precision 3 in the best
# evidence of where it lies - a known town its name ends with, a country named beside it, the
# last town of the sentences just before it, the article's main province, the article's country -
# never a country that an unrelated clause mentions.
UNKNOWN_SCORE = 0.55
UNKNOWN_LOOKBACK = 2  # sentences before the mention where a known town or province still locates it
UNKNOWN_COUNTRY_GAP = 6  # words between such a place and a country named beside it
UNKNOWN_HEAD_KINDS = frozenset({"city", "area"})


@dataclass(slots=True)
class _Found:
    mention: Mention
    reading: Reading | None = None
    entries: tuple[PlaceEntry, ...] = ()
    head: str | None = None
    near: bool = False
    resolution: Resolution | None = None
    anchor: _Found | None = None
    unknown_in: PlaceEntry | None = None  # evidence of where a headed place the gazetteer lacks lies
    sentence: int = -1
    plural_head: bool = False
    city_scale: bool = False  # a noun of a town's scale just before it (context.city_scale_before)
    rejected: bool = False  # the context says the name is an ordinary word here (places.evidence)
    contained: bool = False  # the anchor is the larger place the text puts it in (_read_containers)


def resolve_place_name(name: str, *, country: str | None = None,
                       gazetteer: Gazetteer | None = None,
                       config: PlacesConfig | None = None) -> Place | None:
    """Resolve one place name out of context; None when the gazetteer has no confident answer.

    Args:
        name: the name as written (a proclitic, head noun or direction word may be attached).
        country: ISO2 code of the country to prefer when the name is ambiguous.
        gazetteer: defaults to the packaged one.
        config: its ``min_score`` is the confidence below which None is returned.

    >>> resolve_place_name("بمحافظة الأنبار").admin1
    'Anbar'
    """
    gaz = gazetteer if gazetteer is not None else packaged_gazetteer()
    cfg = config or PlacesConfig()
    hit = lookup(name, gaz.candidates)
    if hit is None:
        return None
    reading, entries = hit
    # the caller says this is a place name: a name that is also a word (حديثة) is not suspect here
    res = choose(entries, head=reading.head, near=reading.near, country=country, via=reading.via)
    if res is None or res.score < cfg.min_score:
        return None
    return _place("p1", name, res, [])


def locate_places(doc: Document, config: PlacesConfig | None = None, *,
                  gazetteer: Gazetteer | None = None) -> Document:
    """Stage ``places``: fill ``doc.places``, set ``Mention.place_id`` and ``doc.cache["country"]``.

    Args:
        doc: a document whose ``entities`` hold the GPE/LOC/FAC mentions (none is fine).
        config: ``min_score`` is the confidence below which a mention stays without a place.
        gazetteer: defaults to the packaged one; tests pass small in-memory ones.

    Returns:
        The same document, with ``places`` replaced and ``cache`` entries ``country``,
        ``place_spans`` and ``mention_precision`` set.
    """
    cfg = config or PlacesConfig()
    gaz = gazetteer if gazetteer is not None else packaged_gazetteer()
    folded = doc.cache.get("folded")
    if not isinstance(folded, FoldedText) or folded.source is not doc.text:
        folded = fold(doc.text)
    starts = [s.start for s in doc.sentences]

    found: list[_Found] = []
    for m in doc.entities:
        key = name_key(m.text)
        if m.type not in PLACE_TYPES and not (m.type == "PER" and _state_titled(key, gaz)):
            if m.type != "ORG":
                continue
        m.place_id = None  # a rerun starts afresh
        seat_in_town = False
        if m.type == "ORG":
            if not _seat_named(folded, m, attached_in=_headed_town(key, gaz)):
                continue  # the body that speaks or acts is no place
            if not any(e.kind == "facility" for e in gaz.candidates(key)):
                seat_in_town = _seat_town(key, gaz)
                if not seat_in_town and not _headed_town(key, gaz):
                    continue  # a body is a place only where the gazetteer lists its seat by its name
        if key in FUNCTION_WORDS or _inside_a_word(doc.text, m.start):
            continue
        f = _Found(mention=m, sentence=bisect_right(starts, m.start) - 1 if starts else -1)
        _read_context(f, folded, gaz, key)
        if f.reading is None:
            hit = lookup(m.text, gaz.candidates, key)
            if hit is not None:
                f.reading, f.entries = hit[0], tuple(hit[1])
            elif m.type in PLACE_TYPES and isinstance(gaz, TableGazetteer):
                # a name the tagger reads as a place, spelled otherwise than the gazetteer's
                spelled = gaz.spelling_candidates(key)
                if spelled is not None:
                    f.reading, f.entries = Reading(spelled[0], "spelling"), tuple(spelled[1])
        if _after_kaf(doc.text, m.start) and not any(e.kind == "country" for e in f.entries):
            continue  # كحولي "alcoholic" is no ك + Hawalli: ك "like" compares, it names no town
        if seat_in_town:
            f.head = "facility"  # أمام المحكمة الابتدائية بتونس: the court's seat, in the town
        found.append(f)

    _share_list_heads(found, doc.text)
    country = _dominant_country(found, doc)
    doc.cache["country"] = country
    _read_proclitic_in_country(found, country, gaz)
    # which names point to each country alone: a town abroad needs some other name to back it
    named_by: dict[str, set[str]] = {}
    for f in found:
        named = named_country(f.entries)
        if f.reading is not None and named is not None:
            named_by.setdefault(named, set()).add(f.reading.key)
    model = packaged_model() if cfg.use_evidence_model else None
    evidence: dict[str, dict[str, float]] = {}
    for f in found:
        if f.reading is None:
            continue
        head = f.head or f.reading.head
        own = f.reading.key
        others = frozenset(c for c, keys in named_by.items() if keys - {own})
        near = f.near or f.reading.near
        if (f.mention.type in PLACE_TYPES and head is None
                and document_word_before(folded.text, folded.to_folded(f.mention.start))):
            f.rejected = True  # إعلان الرياض، اتفاق الصخيرات: a document's name, not where events happen
            continue
        if (model is not None and f.mention.type in PLACE_TYPES and " " not in own and head is None
                and (agrees_as_adjective(folded.text, folded.to_folded(f.mention.start), own)
                     or in_adjective_list(folded.text, folded.to_folded(f.mention.start),
                                          folded.to_folded(f.mention.end), own,
                                          lambda w: bool(gaz.candidates(w))))):
            f.rejected = True  # مقاتلا بريطانيا، السعودية والأردنية: the adjective, not the country
            continue
        if f.mention.type in PLACE_TYPES and needs_evidence(own, f.entries, head=head, near=near,
                                                            ambiguous=gaz.is_ambiguous(own)):
            feats = _evidence(f, folded, head, others, gaz, listed=_listed(f, found, doc.text))
            evidence[f.mention.id] = feats
            if model is not None and not is_place(feats, model):
                f.rejected = True
                continue
        res = choose(f.entries, head=head, near=near, country=country,
                     via=f.reading.via, common_word=gaz.is_ambiguous(own), article_countries=others,
                     city_scale=f.city_scale)
        if (res is not None and country and (_is_road(f.mention) or head == "area")
                and res.entry.country != country and res.entry.country not in others):
            # شارع الاسكندرية، حي الرياض in a Tunisian town: a street or a quarter named after a town
            # abroad that nothing else in the article names; the quarter is a place the gazetteer lacks
            res = None
            if head == "area":
                f.entries = ()
        if res is not None and res.score >= cfg.min_score:
            f.resolution = res
    _read_neighbours(found)
    _read_demonyms(found, doc.text, cfg.min_score)
    _read_containers(found, doc.text, cfg.min_score)
    _anchor_unresolved(found, doc.text)
    _locate_unknown(found, country, gaz, doc.text)

    places: list[Place] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    precision_of: dict[str, int] = {}
    by_referent: dict[tuple[str, ...], Place] = {}
    for f in found:
        res = f.resolution
        if res is None and f.anchor is not None and f.anchor.resolution is not None:
            if ANCHOR_SCORE < cfg.min_score:
                continue
            a = f.anchor.resolution
            referent: tuple[str, ...] = ("near", name_key(f.mention.text), a.entry.id)
            precision = 2 if a.entry.kind in ("city", "facility") else a.precision
            kind = {"FAC": "facility", "LOC": "region"}.get(f.mention.type, "city")
            rule = f"within-{a.entry.kind}" if f.contained else f"near-{a.entry.kind}-in-sentence"
            res = Resolution(entry=a.entry, rule=rule, precision=precision,
                             score=ANCHOR_SCORE, kind=kind)
        elif res is not None:
            referent = (res.entry.id, res.kind)
        elif f.unknown_in is not None and UNKNOWN_SCORE >= cfg.min_score:
            entry = f.unknown_in
            referent = ("unknown", name_key(f.mention.text), entry.id)
            res = Resolution(entry=entry, rule=f"unknown-in-{entry.kind}", precision=3,
                             score=UNKNOWN_SCORE, kind="city")
        else:
            continue
        place = by_referent.get(referent)
        if place is None:
            place = _place(f"p{len(places) + 1}", f.mention.text, res, [])
            if referent[0] in ("near", "unknown"):
                place.name_en = None
                place.geonameid = None
            by_referent[referent] = place
            places.append(place)
        else:
            if len(f.mention.text) > len(place.name):
                place.name = f.mention.text
            if res.precision < place.geo_precision:
                # "قرب سرت" then "في سرت": the place is Sirte itself; the near mention keeps 2
                place.geo_precision, place.rule = res.precision, res.rule
        precision_of[f.mention.id] = res.precision
        place.mention_ids.append(f.mention.id)
        f.mention.place_id = place.id
        spans.setdefault(place.id, []).append((f.mention.start, f.mention.end))

    _add_region_expressions(doc, folded, gaz, country, places, spans)
    doc.places = places
    doc.cache["place_spans"] = spans
    doc.cache["mention_precision"] = precision_of
    doc.cache["place_evidence"] = evidence
    return doc


# The words between a place and the larger place the text puts it in, in the source text: "X من
# ولاية Y"، "X بمعتمدية Y"، "X، ولاية Y"، "X (ولاية Y)"، "X بY"، "حي X الشعبي في Y". The head may also
# begin Y's own mention (ولاية القصرين). "من" alone is no container ("قادما من ليبيا"): only with a
# head noun after it.
_HEAD_WORD = r"(?:ال)?(?:ولاي[ةه]|محافظ[ةه]|معتمدي[ةه]|مدين[ةه]|بلدي[ةه]|جه[ةه]|قضاء|ناحي[ةه]|مديري[ةه]|إقليم|اقليم)"
CONTAINER_GAP_RE = re.compile(
    r"\s*(?:[،,(]\s*)?(?:(?:ال\S+\s+)?(?:في|ب)\s*(?:" + _HEAD_WORD + r"\s+)?"
    r"|(?:التابع[ةه]?\s+)?(?:ل|من|ب)\s*" + _HEAD_WORD + r"\s+"
    r"|" + _HEAD_WORD + r"\s+)?")
CONTAINER_HEAD_RE = re.compile(_HEAD_WORD + r"\s")
CONTAINER_KINDS = frozenset({"city", "admin1", "country"})
CONTAINER_CHAIN = 3  # containers followed in a row: حي X من معتمدية Y من ولاية Z


def _container(f: _Found, following: list[_Found], text: str) -> tuple[_Found, bool] | None:
    """The resolved place the text puts ``f`` in, and whether a head noun says so (من ولاية Y)."""
    current, headed = f, False
    for _ in range(CONTAINER_CHAIN):
        nxt = next((o for o in following if o.mention.start >= current.mention.end), None)
        if nxt is None:
            return None
        gap = text[current.mention.end:nxt.mention.start]
        own_head = CONTAINER_HEAD_RE.match(nxt.mention.text + " ")
        probe = gap + (own_head.group(0) if own_head else "")
        if "\n" in gap or not CONTAINER_GAP_RE.fullmatch(probe):
            return None
        headed = headed or bool(CONTAINER_HEAD_RE.search(probe))
        res = nxt.resolution
        if res is not None and res.entry.kind in CONTAINER_KINDS:
            return nxt, headed
        current = nxt
    return None


def _inside(entry: PlaceEntry, container: PlaceEntry) -> bool:
    if container.kind == "country":
        return entry.country == container.country
    return entry.country == container.country and bool(entry.admin1) and entry.admin1 == container.admin1


def _read_neighbours(found: list[_Found]) -> None:
    """Among namesakes of one kind that population alone decided between (قرية الزهراء: in Idlib
    and in Aleppo), choose the one in the province of the nearest other place of the sentence whose
    province one of them shares ("قريتي نبل والزهراء" in "ريف حلب": Aleppo's)."""
    for f in found:
        res = f.resolution
        if res is None or "largest" not in res.rule.split("+") or res.entry.kind == "country":
            continue
        rivals = [e for e in f.entries if e.kind == res.entry.kind and e.country == res.entry.country
                  and e.admin1 and e.admin1 != res.entry.admin1]
        if not rivals:
            continue
        neighbours = sorted(
            (o for o in found if o is not f and o.sentence == f.sentence and o.resolution is not None
             and o.resolution.entry.kind != "country" and o.resolution.entry.admin1),
            key=lambda o: abs(o.mention.start - f.mention.start))
        for o in neighbours:
            assert o.resolution is not None
            province = o.resolution.entry.admin1
            if province == res.entry.admin1:
                break
            match = [e for e in rivals if e.admin1 == province]
            if match:
                entry = max(match, key=lambda e: e.population)
                f.resolution = Resolution(entry=entry, rule=res.rule.replace("largest", "neighbour"),
                                          precision=res.precision, score=res.score, kind=res.kind)
                break


@functools.cache
def _demonym_countries() -> dict[str, str]:
    """Folded definite country adjectives (الليبيه، الليبي) -> ISO2, from entities/demonyms.tsv."""
    out: dict[str, str] = {}
    for row in read_tsv("entities/demonyms.tsv"):
        if len(row) >= 3:
            for adjective in row[2].split("|"):
                stem = fold_key(adjective)
                if stem:
                    out["ال" + stem] = out["ال" + stem + "ه"] = row[0]
    return out


# After a name, up to one more name of its list (و + one or two words), then a definite country
# adjective: "من زوارة وأبو كماش الليبية"، "مدينة الزنتان الليبية".
_DEMONYM_AFTER_RE = re.compile(r"\s*(?:و\s*[^\s،,.:؛()]+(?:\s+[^\s،,.:؛()]+)?\s+)?(ال[^\s،,.:؛()]+)")


def _read_demonyms(found: list[_Found], text: str, min_score: float) -> None:
    """Choose, for a name that a country adjective follows, its candidate in that country: "من زوارة
    وأبو كماش الليبية" is Zuwara in Libya, even in an article about Tunisia. Only a candidate of the
    name is taken; the adjective alone locates nothing (it may describe another word)."""
    adjectives = _demonym_countries()
    for f in found:
        if f.rejected or not f.entries or f.mention.type not in PLACE_TYPES:
            continue
        m = _DEMONYM_AFTER_RE.match(text, f.mention.end)
        iso = adjectives.get(fold_key(m.group(1))) if m else None
        if iso is None or (f.resolution is not None and f.resolution.entry.country == iso):
            continue
        inside = [e for e in f.entries if e.country == iso]
        res = choose(inside, head=f.head or (f.reading.head if f.reading else None),
                     near=f.near or bool(f.reading and f.reading.near)) if inside else None
        if res is not None and res.score >= min_score:
            f.resolution = res


def _read_containers(found: list[_Found], text: str, min_score: float) -> None:
    """Read each place in the larger place the text puts it in (منطقة المنصورة من ولاية المهدية).

    A candidate of the name inside the container is chosen over a namesake elsewhere (the Tunisian
    Mansoura, not the Egyptian city); when the gazetteer knows none there, the name is a place it
    lacks and is located at the container (``anchor``), never at the namesake of another country
    or province. A name the evidence model took for an ordinary word is a place after all when a
    head noun places it (العيون من ولاية القصرين)."""
    ordered = sorted((f for f in found if f.mention.type in PLACE_TYPES), key=lambda f: f.mention.start)
    for i, f in enumerate(ordered):
        if (not f.entries or _is_road(f.mention)
                or (f.resolution is not None and f.resolution.entry.kind == "country")):
            continue  # a road or street is read by the events stage from the towns around it
        if text[max(0, f.mention.start - 3):f.mention.start].rstrip().endswith(("-", "–")):
            continue  # طريق الخارجة- أسيوط بمحافظة الوادي الجديد: the road lies there, not its end
        hit = _container(f, ordered[i + 1:], text)
        if hit is None:
            continue
        box, headed = hit
        assert box.resolution is not None
        container = box.resolution.entry
        if f.rejected and not headed:
            continue
        if f.resolution is not None and _inside(f.resolution.entry, container):
            continue
        inside = [e for e in f.entries if _inside(e, container)]
        res = choose(inside, head=f.head or (f.reading.head if f.reading else None),
                     near=f.near or bool(f.reading and f.reading.near)) if inside else None
        if res is not None and res.score >= min_score:
            f.resolution, f.rejected = res, False
        else:
            f.resolution, f.rejected, f.anchor, f.contained = None, False, box, True


# Letters that may stand attached before a name: a conjunction (و، ف) first, then a preposition
# (ب، ل، ك): وب، فل are proclitics, بو، كو are not.
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"


def _inside_a_word(text: str, start: int) -> bool:
    """Whether the letters attached before a mention cannot all be proclitics, so that the name is
    the end of another word: بو + غنجة is the surname Boughanja, بو + روسيا the club Borussia, كو +
    ميدي a comedy (كوميدي); only a conjunction may come before a preposition."""
    k = start
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    attached = text[k:start]
    if len(attached) < 2 or len(attached) > 3:
        return False
    return (any(c not in _CONJUNCTIONS + _PREPOSITIONS for c in attached)
            or any(c in _CONJUNCTIONS for c in attached[1:]))


def _after_kaf(text: str, start: int) -> bool:
    """Whether the letters attached before a mention end with ك ("like"), as in كحولي (alcoholic,
    not ك + حولي) or كبيرا: a town is seldom compared to, a country may be (كسوريا)."""
    k = start
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    attached = text[k:start]
    return bool(attached) and attached.endswith("ك") and len(attached) <= 2


def _listed(f: _Found, found: list[_Found], text: str) -> bool:
    """Whether another name the gazetteer knows stands next to the mention in a list (X وY، X، Y)."""
    for o in found:
        if o is f or not o.entries:
            continue
        if o.mention.end <= f.mention.start and LIST_GAP_RE.fullmatch(text[o.mention.end:f.mention.start]):
            return True
        if f.mention.end <= o.mention.start and LIST_GAP_RE.fullmatch(text[f.mention.end:o.mention.start]):
            return True
    return False


def _evidence(f: _Found, folded: FoldedText, head: str | None, others: frozenset[str],
              gaz: Gazetteer, *, listed: bool) -> dict[str, float]:
    """The features of :mod:`marsad.places.evidence` for one mention read as a gazetteer name."""
    assert f.reading is not None
    return evidence_features(
        folded.text, folded.to_folded(f.mention.start), folded.to_folded(f.mention.end), f.reading.key,
        f.entries, backed=any(e.country in others for e in f.entries), listed=listed, head=head,
        near=f.near or f.reading.near, ambiguous=gaz.is_ambiguous(f.reading.key))


def _seat_named(folded: FoldedText, mention: Mention, *, attached_in: bool = False) -> bool:
    """Whether an organisation's name stands where a place does: after a preposition of place or a
    word of its seat (أمام، مقر، اقتحام), an attached proclitic taken off (وأمام، بمقر); with
    ``attached_in``, also after an attached ب "in" (ببلدية الميلية: in the municipality of El Milia)."""
    start = folded.to_folded(mention.start)
    words, _after = context_words(folded.text, start, folded.to_folded(mention.end), CONTEXT_WINDOW)
    if not words:
        return False
    last = words[-1]
    if attached_in and last in ("ب", "وب"):
        return True
    return any(w in ORG_SEAT_BEFORE for w in (last, last[1:], last[2:]) if w)


# The heads of a town's or province's own administration: بلدية الميلية is El Milia's municipality,
# ولاية نابل Nabeul's governorate, which the tagger may read as bodies.
ADMINISTRATION_HEADS = frozenset({"بلديه", "معتمديه", "ولايه", "محافظه", "دايره"})
STATE_TITLES = frozenset({"دوله", "جمهوريه", "مملكه", "سلطنه", "اماره"})


def _headed_town(key: str, gaz: Gazetteer) -> bool:
    """Whether a body's name is a town's or province's administration named by it (بلدية باردو)."""
    head, _, rest = key.partition(" ")
    return head in ADMINISTRATION_HEADS and any(e.kind in ("city", "admin1") for e in gaz.candidates(rest))


def _state_titled(key: str, gaz: Gazetteer) -> bool:
    """Whether a name is a state's title and a country's name (دولة قطر، دولة فلسطين), whatever
    type the tagger gave it: no person is called so."""
    head, _, rest = key.partition(" ")
    return head in STATE_TITLES and any(e.kind == "country" for e in gaz.candidates(rest))


def _read_proclitic_in_country(found: list[_Found], country: str | None, gaz: Gazetteer) -> None:
    """Read a name written with a letter that may be an attached proclitic (وجدة: Oujda, or و + جدة
    Jeddah) without it where only that reading lies in the article's country (مكة المكرمة وجدة)."""
    if country is None:
        return
    for f in found:
        if f.reading is None or f.reading.via != "exact" or " " in f.reading.key:
            continue
        key = f.reading.key
        if len(key) < 4 or key[0] not in "وبفل" or any(e.country == country for e in f.entries):
            continue
        bare = tuple(gaz.candidates(key[1:]))
        if any(e.country == country for e in bare):
            f.reading, f.entries = Reading(key[1:], "proclitic"), bare


def _seat_town(key: str, gaz: Gazetteer) -> bool:
    """Whether an organisation's name ends with the town or province it sits in (المحكمة الابتدائية
    بجندوبة، مستشفى الرابطة بتونس): "X بY" or "X في Y" with Y a name the gazetteer knows as a town
    or a province. Where the words before it speak of a place (وقفة أمام ...، في بهو ...) the
    body's seat there is the place."""
    contained = CONTAINED_RE.match(key)
    if contained is None:
        return False
    return any(e.kind in ("city", "admin1") for e in gaz.candidates(contained.group(2)))


def _read_context(f: _Found, folded: FoldedText, gaz: Gazetteer, key: str) -> None:
    """Head noun and nearness from the words before the mention; "العاصمة" after it; a region
    named by the mention with its neighbouring words (جنوب + لبنان، ريف + إدلب)."""
    start = folded.to_folded(f.mention.start)
    end = folded.to_folded(f.mention.end)
    words, nxt = context_words(folded.text, start, end, CONTEXT_WINDOW)
    f.head, f.near = read_before(words)
    f.plural_head = bool(words) and bare_word(words[-1]) in PLURAL_HEADS
    f.city_scale = city_scale_before(words)
    if nxt == CAPITAL_WORD:
        f.head = "city"
    # Taggers often leave the head word of a region name outside the span; the region is the
    # more precise reading of what the article names, so it is preferred over the bare name.
    options = []
    if len(words) >= 2:
        options.append(f"{words[-2]} {words[-1]} {key}")
    if words:
        options.append(f"{words[-1]} {key}")
    if nxt:
        options.append(f"{key} {nxt}")
    for option in options:
        regions = tuple(e for e in gaz.candidates(option) if e.kind == "region")
        if regions:
            f.reading, f.entries = Reading(option, "extended"), regions
            return


def _share_list_heads(found: list[_Found], text: str) -> None:
    """Give the names listed after a plural head its kind: "بمحافظتي بابل والمثنى" (both admin1)."""
    listing: str | None = None
    previous_end = -1
    for f in found:
        if f.plural_head:
            listing, previous_end = f.head, f.mention.end
            continue
        gap = text[previous_end:f.mention.start] if previous_end >= 0 else ""
        if listing and f.head is None and LIST_GAP_RE.fullmatch(gap):
            f.head, previous_end = listing, f.mention.end
        else:
            listing, previous_end = None, -1


def _dominant_country(found: list[_Found], doc: Document) -> str | None:
    """The country that most mentions known in one country only belong to (first seen on a tie).

    Actors with a country (الجيش العراقي → IQ) add a smaller vote each, which decides articles
    that name few places.
    """
    votes: dict[str, float] = {}
    first: dict[str, int] = {}
    for i, f in enumerate(found):
        if _is_road(f.mention):
            continue  # طريق الشط in Hammam Sousse: a road is often named after a town elsewhere
        countries = {e.country for e in f.entries if e.country}
        if len(countries) == 1:
            (c,) = countries
            # a region name (الساحل الغربي) is weaker evidence than a country or town name
            weight = REGION_VOTE if all(e.kind == "region" for e in f.entries) else 1.0
            votes[c] = votes.get(c, 0.0) + weight
            first.setdefault(c, i)
    for actor in doc.actors:
        if actor.country and len(actor.country) == 2:
            votes[actor.country] = votes.get(actor.country, 0.0) + ACTOR_VOTE
            first.setdefault(actor.country, len(found))
    if not votes:
        return None
    return max(votes, key=lambda c: (votes[c], -first[c]))


# Heads of road and street names (folded, without the article): a road runs between towns and a
# street is often named after another town (نهج بنزرت in Ben Arous), so neither is placed at the
# nearest town of its sentence; the events stage reads the towns around them.
ROAD_HEADS = frozenset({"طريق", "شارع", "نهج"})


def _is_road(mention: Mention) -> bool:
    words = name_key(mention.text).split()
    first = words[0] if words else ""
    return mention.type == "FAC" and (first[2:] if first.startswith("ال") else first) in ROAD_HEADS


# A town named as the far end of a distance (على بعد 200 كم جنوب العاصمة إسلام آباد) is not where
# the unknown place of the sentence lies: from this many kilometres (or miles) on, it locates nothing.
FAR_DISTANCE_KM = 50
FAR_DISTANCE_RE = re.compile(r"(\d[\d.,]*)\s*(?:كم|كلم|كيلومترا?ت?|كيلو\s*متر(?:ا|ات)?|ميلا?|أميال|اميال)"
                             r"\s+(?:\S+\s+){0,3}$")


def _far_reference(text: str, mention: Mention) -> bool:
    """Whether the mention is the far end of a distance of FAR_DISTANCE_KM or more, just before it."""
    m = FAR_DISTANCE_RE.search(text[max(0, mention.start - 60):mention.start])
    if m is None:
        return False
    try:
        return float(m.group(1).replace(",", "")) >= FAR_DISTANCE_KM
    except ValueError:
        return False


def _anchor_unresolved(found: list[_Found], text: str) -> None:
    """Give each unresolved mention the closest resolved place of its sentence, if any."""
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        # a country is too coarse an anchor: the name is more likely not a place at all; a town
        # 200 km away is no anchor either
        if f.resolution is not None and f.resolution.entry.kind != "country" \
                and not _far_reference(text, f.mention):
            by_sentence.setdefault(f.sentence, []).append(f)
    for f in found:
        if (f.resolution is not None or f.rejected or f.anchor is not None or f.sentence < 0
                or _is_road(f.mention)):
            continue
        # a name nested in the mention (بنزرت in نهج بنزرت) names it, it does not locate it; a
        # name the gazetteer knows only in other countries, with no head noun to make it a place here
        # (حجة الإثبات "proof", Hajjah in Yemen), is not located at a town its sentence names too
        known_in = set() if _own_head(f) is not None else {e.country for e in f.entries}
        options = [o for o in by_sentence.get(f.sentence, ())
                   if not (f.mention.start <= o.mention.start and o.mention.end <= f.mention.end)
                   and (not known_in or (o.resolution is not None and o.resolution.entry.country in known_in))]
        if not options:
            continue
        f.anchor = min(options, key=lambda o: (
            ANCHOR_KIND_ORDER.get(o.resolution.entry.kind if o.resolution else "", 9),
            abs(o.mention.start - f.mention.start)))


def _own_head(f: _Found) -> str | None:
    """The kind a head noun gives the mention, before it (في قرية كرانة) or inside it (بلدة جليب)."""
    if f.head is not None:
        return f.head
    inside = HEAD_INSIDE_RE.match(_bare_name(name_key(f.mention.text)))
    return HEAD_KIND.get(inside.group(1)) if inside else None


def _bare_name(key: str) -> str:
    """A folded name without the proclitics before its head noun (بقرية → قريه)."""
    first, _, rest = key.partition(" ")
    return f"{bare_word(first)} {rest}" if rest else key


def _locate_unknown(found: list[_Found], country: str | None, gaz: Gazetteer, text: str) -> None:
    """Evidence of where each headed place the gazetteer lacks lies (see ``UNKNOWN_SCORE``)."""
    resolved = [(f, f.resolution.entry) for f in found if f.resolution is not None and f.sentence >= 0]
    home = gaz.get(f"country-{country.lower()}") if country else None
    # the article's main province: the one its known towns and provinces name most often
    towns = [e for _, e in resolved if e.kind != "country" and e.admin1 and e.country == country]
    main = max(towns, key=lambda e: sum(t.admin1 == e.admin1 for t in towns), default=None)
    for f in found:
        if (f.resolution is not None or f.anchor is not None or f.rejected or f.sentence < 0
                or _is_road(f.mention)):
            continue
        if _own_head(f) not in UNKNOWN_HEAD_KINDS:
            continue
        nested = _nested_place(f, country, gaz)
        if nested is not None:
            f.unknown_in = nested  # سهل الزبداني: the town the area is named after
            continue
        # a country named next to it (ببلدة جليب بالصومال), not one a later clause mentions
        same = [e for o, e in resolved if o.sentence == f.sentence and e.kind == "country"
                and _words_apart(text, f.mention, o.mention) <= UNKNOWN_COUNTRY_GAP]
        if same:
            f.unknown_in = same[0]
            continue
        before = [e for o, e in resolved if f.sentence - UNKNOWN_LOOKBACK <= o.sentence < f.sentence
                  and e.kind != "country" and (country is None or e.country == country)]
        f.unknown_in = before[-1] if before else main or home


def _words_apart(text: str, a: Mention, b: Mention) -> int:
    gap = text[a.end:b.start] if a.end <= b.start else text[b.end:a.start]
    return len(gap.split())


def _nested_place(f: _Found, country: str | None, gaz: Gazetteer) -> PlaceEntry | None:
    """A known town or province the unknown name ends with (سهل الزبداني، حي الصدر ببغداد)."""
    words = _bare_name(name_key(f.mention.text)).split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        entries = [e for e in gaz.candidates(tail) if e.kind in ("city", "admin1", "region")]
        if country is not None:
            entries = [e for e in entries if e.country == country]
        if len({e.country for e in entries}) == 1:
            return entries[0]
    return None


def _add_region_expressions(doc: Document, folded: FoldedText, gaz: Gazetteer, country: str | None,
                            places: list[Place], spans: dict[str, list[tuple[int, int]]]) -> None:
    """Region places for "المحافظات الجنوبية", "جنوب البلاد" ... of the article's country."""
    if country is None or not any(w in folded.text for w in REGION_EXPRESSION_WORDS):
        return
    taken = [(m.start, m.end) for m in doc.entities]
    regions: dict[str, Place] = {}
    for m in REGION_EXPRESSION_RE.finditer(folded.text):
        span = folded.to_source(m.start(1), m.end(1))
        if any(s < span.end and span.start < e for s, e in taken):
            continue
        direction = region_direction(m.group(1))
        place = regions.get(direction)
        if place is None:
            entry = gaz.get(f"reg-{country.lower()}-{direction}")
            base = entry or gaz.get(f"country-{country.lower()}")
            if base is None:
                return
            surface = doc.text[span.start:span.end]
            place = Place(id=f"p{len(places) + 1}", name=surface, kind="region",
                          name_en=entry.name_en if entry else f"{direction.capitalize()} {base.name_en}",
                          admin1=entry.admin1 if entry else None, country=country,
                          lat=base.lat, lon=base.lon, geo_precision=3,
                          rule="region-expression" + ("" if entry else "+country-centre"))
            regions[direction] = place
            places.append(place)
        spans.setdefault(place.id, []).append((span.start, span.end))


def _place(pid: str, name: str, res: Resolution, mention_ids: list[str]) -> Place:
    e = res.entry
    return Place(id=pid, name=name, kind=res.kind, name_en=e.name_en or None,
                 admin1=e.admin1 if e.kind != "country" else None, country=e.country, lat=e.lat,
                 lon=e.lon, geonameid=e.geonameid, geo_precision=res.precision, rule=res.rule,
                 mention_ids=mention_ids)

