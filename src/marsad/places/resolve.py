"""From one place name to one gazetteer entry: readings of the name, then a cascade of named rules.

A mention is read several ways, from the most literal to the most rewritten (:func:`readings`):
as written, without a trailing qualifier (الجوية، الدولي), without an attached proclitic, with ال
added or removed, without a head noun (مدينة، محافظة، مطار), without a direction word (شمال), and
as "X في Y" (the Y). The first reading that the gazetteer knows gives the candidates.

Candidates are then ranked by the cascade (:func:`choose`): the article's country first, a head
noun's kind next, then the kind order facility → country → city → region → admin1 (a country's own
name means the country: الجزائر، الكويت), and population last. The rule that decided is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from marsad.places.context import (
    CAPITAL_WORD,
    CONTAINED_RE,
    DIRECTION_INSIDE_RE,
    HEAD_INSIDE_RE,
    HEAD_KIND,
    TRAILING_QUALIFIERS,
)
from marsad.places.gazetteer import PlaceEntry, name_key
from marsad.text.arabic import proclitic_variants

CandidateFunc = Callable[[str], Sequence[PlaceEntry]]

# Order in which kinds win when several remain after the country and head-noun filters.
KIND_ORDER = {"facility": 0, "country": 1, "city": 2, "region": 3, "admin1": 4}

# A town this big is meant by its name even where a governorate has the same name (صنعاء).
BIG_TOWN = 100_000

# Confidence of each way of deciding, compared with PlacesConfig.min_score (0.5 by default).
# Set by reading the places chosen on the 16 dev articles and for the place mentions of the first
# 3,000 ANT articles (names resolved and left unresolved, counted): a name known in one
# country only is safe; a small town picked among several countries by population alone is not.
SCORE_BY_KIND = {"facility": 1.0, "country": 1.0, "admin1": 0.95, "region": 0.9, "city": 0.9}
PENALTY_AMBIGUOUS_COUNTRY = 0.2  # several countries, none of them the article's
PENALTY_SMALL_AMBIGUOUS = 0.3  # ... and the chosen town has under 1,000 people (or no count)
PENALTY_REWRITTEN = 0.05  # the name was found only after ال was added or removed
# A name that is also an ordinary word (gazetteer/ambiguous.tsv: الجديدة "the new", سلمية
# "peaceful", حديثة "recent") is more often the word, mistaken for a name by the tagger, than the
# town: without a head noun (مدينة) or another name of the same country in the article it stays
# unresolved. Capitals and cities of this size are exempt (Paris, Madrid in a political article).
PENALTY_UNBACKED_WORD = 0.45
UNBACKED_EXEMPT_POPULATION = 1_000_000
# Below this a town abroad needs backing too when the article is about another country.
SMALL_TOWN = 50_000


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of reading a mention as a gazetteer key."""

    key: str
    # exact | qualifier | demonym | overrun | proclitic | article | head | direction | contained | extended |
    # spelling (gazetteer.spelling_candidates)
    via: str
    head: str | None = None  # kind announced by a head noun inside the mention
    near: bool = False  # a direction or "near" word inside the mention


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entry chosen for a name, how, and how precisely it locates the name's referent."""

    entry: PlaceEntry
    rule: str
    precision: int
    score: float
    kind: str  # the referent's kind: "مطار الموصل" is a facility found at the city of Mosul


def _article_toggled(key: str) -> str | None:
    if key.startswith("ال") and len(key) > 4:
        return key[2:]
    if not key.startswith("ال"):
        return "ال" + key
    return None


def _is_nisba(word: str) -> bool:
    """A definite relative adjective, folded: التركيه، السوري، الكنديه (not العاصمه)."""
    return word.startswith("ال") and len(word) > 4 and (word.endswith("يه") or word.endswith("ي"))


def _base_readings(key: str) -> Iterator[Reading]:
    yield Reading(key, "exact")
    words = key.split(" ")
    if len(words) > 1 and words[-1] in TRAILING_QUALIFIERS:
        yield Reading(" ".join(words[:-1]), "qualifier")
    elif len(words) > 1 and _is_nisba(words[-1]):
        # "مدينة اسطنبول التركية"، "الجولان السوري": a trailing demonym names the same place
        yield Reading(" ".join(words[:-1]), "demonym")
    if len(words) > 1 and words[-1].startswith("و") and len(words[-1]) > 3:
        # ميناء الزاوية والعودة: a tagger's span run on into the next clause's conjunct
        yield Reading(" ".join(words[:-1]), "overrun")
    if len(words) > 1 and words[-1] == CAPITAL_WORD:
        # "تونس العاصمة": the capital city, not the country of the same name
        yield Reading(" ".join(words[:-1]), "qualifier", head="city")
    for bare, removed in proclitic_variants(words[0])[1:]:
        if removed and len(bare) >= 2:
            yield Reading(" ".join([bare, *words[1:]]), "proclitic")


def readings(name: str) -> list[Reading]:
    """The readings of a place name, most literal first, without repeated keys.

    >>> [(r.key, r.via) for r in readings("محافظة الأنبار")]
    [('محافظه الانبار', 'exact'), ('المحافظه الانبار', 'article'), ('الانبار', 'head')]
    >>> [(r.key, r.via) for r in readings("وبغداد")][:2]
    [('وبغداد', 'exact'), ('بغداد', 'proclitic')]
    """
    out: list[Reading] = []
    seen: set[str] = set()

    def add(reading: Reading) -> None:
        if reading.key and reading.key not in seen:
            seen.add(reading.key)
            out.append(reading)

    key = name_key(name)
    if not key:
        return out
    bases = list(_base_readings(key))
    for r in bases:
        add(r)
    for r in bases:
        # a name read without a trailing adjective is not rewritten further: زاوية الجديدي (a
        # Tunisian village named after a family) is no الزاوية (Libya)
        toggled = _article_toggled(r.key) if r.via != "demonym" else None
        if toggled:
            add(Reading(toggled, "article", r.head, r.near))
    for r in bases:
        m = HEAD_INSIDE_RE.match(r.key)
        if m:
            head = HEAD_KIND[m.group(1)]
            for inner in _base_readings(m.group(2)):
                add(Reading(inner.key, "head", head, head == "area"))
        d = DIRECTION_INSIDE_RE.match(r.key)
        if d:
            rest = d.group(3)
            h = HEAD_INSIDE_RE.match(rest)
            if h:
                add(Reading(h.group(2), "direction", HEAD_KIND[h.group(1)], True))
            add(Reading(rest, "direction", None, True))
        c = CONTAINED_RE.match(r.key)
        if c:
            add(Reading(c.group(2), "contained"))
    return out


def choose(entries: Sequence[PlaceEntry], *, head: str | None = None, near: bool = False,
           country: str | None = None, via: str = "exact", common_word: bool = False,
           article_countries: frozenset[str] = frozenset(), city_scale: bool = False) -> Resolution | None:
    """Pick one entry by the cascade and say which rule decided; None when ``entries`` is empty.

    Args:
        entries: the candidates of one reading.
        head: kind announced by a head noun (admin1, city, area, facility) or None.
        near: a direction or "near" word goes with the name.
        country: the article's country, preferred among several.
        via: how the reading was made (see :class:`Reading`).
        common_word: the name is also an ordinary word (see PENALTY_UNBACKED_WORD).
        article_countries: the countries that other mentions of the article name alone, which
            back such a name.
        city_scale: a noun of a town's scale stands just before the name (بمنزله في، بلدية، والي;
            marsad.places.context.city_scale_before): a country's name that is also its capital's
            is the capital there.
    """
    if not entries:
        return None
    parts: list[str] = []
    pool = list(entries)
    countries = {e.country for e in pool}
    ambiguous = False
    if len(countries) > 1:
        in_country = [e for e in pool if e.country == country] if country else []
        curated = {e.country for e in pool if e.kind != "city"}
        if in_country:
            pool = in_country
            parts.append("article-country")
        elif len(curated) == 1:
            # the curated tables list what the news names: بابل is the Iraqi governorate before
            # the Iranian town, طرابلس the Libyan capital before the Lebanese one
            pool = [e for e in pool if e.country in curated]
            parts.append("curated-country")
        else:
            ambiguous = True
    if city_scale or head in ("city", "area", "facility"):
        # تونس، الجزائر، الكويت: the capital where the words around speak of a town (بمنزله في
        # تونس، أمام مقر المحكمة الابتدائية بتونس); the country otherwise (KIND_ORDER)
        capitals = [e for e in pool if e.kind == "city" and e.capital
                    and any(o.kind == "country" and o.country == e.country for o in pool)]
        if capitals:
            pool = capitals
            parts.append("capital-by-context")
    admin1_names = {e.admin1 for e in pool if e.kind == "admin1"}
    if admin1_names:
        # a governorate named like a small town of another governorate means the governorate
        # (صلاح الدين is the Iraqi province before the Erbil village); its own seat, or a city
        # (صنعاء, in the capital's own division), stays a town
        pool = [e for e in pool if e.kind != "city" or e.admin1 in admin1_names
                or e.population >= BIG_TOWN]
    if head in ("admin1", "city", "facility", "country"):
        headed = [e for e in pool if e.kind == head]
        if headed:
            pool = headed
            parts.append(f"head-{head}")
    elif head == "area":
        areas = [e for e in pool if e.kind in ("region", "city", "facility")]
        pool = areas or pool
    best_kind = min(KIND_ORDER.get(e.kind, 9) for e in pool)
    pool = [e for e in pool if KIND_ORDER.get(e.kind, 9) == best_kind]
    entry = max(pool, key=lambda e: e.population)
    if ambiguous or len(pool) > 1:
        parts.append("largest")
    kind = entry.kind
    score = SCORE_BY_KIND.get(kind, 0.5)
    if ambiguous:
        score -= PENALTY_AMBIGUOUS_COUNTRY
        if kind == "city" and entry.population < 1000:
            score -= PENALTY_SMALL_AMBIGUOUS
    if via in ("article", "spelling"):
        score -= PENALTY_REWRITTEN
    if (common_word and head is None and entry.country not in article_countries
            and entry.population < UNBACKED_EXEMPT_POPULATION and not entry.capital):
        score -= PENALTY_UNBACKED_WORD
        parts.append("unbacked-word")
    elif (country and entry.country and entry.country != country
          and entry.country not in article_countries
          and (kind == "region" or (kind == "city" and entry.population < SMALL_TOWN))):
        # the article is about another country and nothing else in it points to this one: a
        # generic region name (الساحل الغربي) or a village namesake is more likely something else
        score -= PENALTY_UNBACKED_WORD
        parts.append("unbacked-foreign")
    precision = _precision(entry, near=near, head=head)
    if head == "facility" and kind != "facility":
        kind = "facility"
        parts.append("facility-at-" + entry.kind)
        precision = max(precision, 2)
    if near:
        parts.append("near")
    if via != "exact":
        parts.append(f"via-{via}")
    return Resolution(entry=entry, rule="+".join([entry.kind, *parts]), precision=precision,
                      score=round(score, 3), kind=kind)


def _precision(entry: PlaceEntry, *, near: bool, head: str | None) -> int:
    """ACLED geo_precision: 1 the exact town or facility, 2 near it or a named area, 3 a province or more."""
    if entry.kind in ("admin1", "country"):
        return 3
    if entry.kind == "region":
        return 2 if entry.admin1 else 3
    if near or head == "area":
        return 2
    return 1


def lookup(name: str, candidates_of: CandidateFunc, key: str | None = None
           ) -> tuple[Reading, Sequence[PlaceEntry]] | None:
    """The first reading of ``name`` that has candidates, with them; None when none has.

    ``key`` is ``name_key(name)`` when the caller has it already.
    """
    # most mentions are found as written: try that before building the other readings
    key = name_key(name) if key is None else key
    found = candidates_of(key)
    if found:
        return Reading(key, "exact"), found
    for reading in readings(name):
        found = candidates_of(reading.key)
        if found:
            return reading, found
    return None

