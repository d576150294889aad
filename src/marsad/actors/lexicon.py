"""The actor lexicon and the tables around it, loaded once on first use.

``actors/actors.tsv`` (built by ``scripts/build_actors.py``) gives named actors; ``countries.tsv``
gives country adjectives (العراقية -> IQ); ``heads.tsv`` gives the head nouns that categorise
unknown actors; the places gazetteer (another stage's file, which may be absent) gives English
names and countries of places. Every key is folded with :func:`marsad.text.normalize.fold_key`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.arabic import proclitic_variants
from marsad.text.normalize import fold_key

# Titles that may stand inside a person mention; they are skipped when names are compared and
# looked up (الإمام آية الله الخميني -> الخميني). Folded, one or two words.
TITLE_WORDS = frozenset(fold_key(w) for w in (
    "الرئيس", "الرئيسة", "الشيخ", "الشيخة", "الإمام", "آية", "الله", "الدكتور", "الدكتورة", "العميد",
    "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم", "الفريق", "المشير", "الجنرال",
    "الملك", "الملكة", "الأمير", "الأميرة", "السيد", "السيدة", "الحاج", "القاضي", "المفتي", "السلطان",
    "الوزير", "الوزيرة", "النائب", "النائبة", "المستشار", "المستشارة", "الأستاذ", "الأستاذة",
    "المرشد", "السفير", "العقيد", "الرقيب", "رئيس", "الأب", "البابا", "المطران"))


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of ``actors.tsv``."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    name_en: str | None
    category: str
    inter: int | None
    country: str | None
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun of ``heads.tsv``: its kind (org, media, facility, admin) and what it implies."""

    kind: str
    category: str
    inter: int | None
    english: str


@dataclass(frozen=True, slots=True)
class Country:
    """A row of ``countries.tsv``."""

    iso2: str
    name: str
    name_en: str
    demonym_en: str


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What the places gazetteer says about a name."""

    id: str
    name_en: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything the resolver reads, keyed by folded forms."""

    entries: dict[str, LexiconEntry]
    by_form: dict[str, str]  # folded name or alias -> entry id
    heads: dict[str, Head]  # folded head noun without ال -> head
    adjectives: dict[str, str]  # folded adjective form (العراقيه، عراقيون ...) -> iso2
    definite_adjectives: dict[str, tuple[str, ...]]  # iso2 -> folded العراقيه، العراقي ...
    glossary: dict[str, tuple[str, str]]  # folded word -> (adj | noun, English)
    country_names: dict[str, str]  # folded country name -> iso2
    countries: dict[str, Country]
    places: dict[str, PlaceInfo]  # folded place name or variant -> info (first row wins)


def _rows(relative: str) -> tuple[tuple[str, ...], ...]:
    # Another stage's file may not be built yet; the resolver then works without it.
    try:
        return read_tsv(relative)
    except DataFileError:
        return ()


def _int(cell: str) -> int | None:
    return int(cell) if cell.isdigit() else None


def adjective_forms(stem: str) -> list[str]:
    """Folded forms of a nisba adjective stem: عراقي -> عراقي، عراقيه، عراقيون، العراقيه ..."""
    words = fold_key(stem).split()
    out = []
    for ending in ("", "ه", "ون", "ين", "يات", "يه"):
        for article in ("", "ال"):
            # multiword adjectives (كوري شمالي) inflect on every word
            out.append(" ".join(article + w + ending for w in words))
    return out


@functools.cache
def tables() -> Tables:
    """Load and index every table once; later calls return the same object."""
    entries: dict[str, LexiconEntry] = {}
    by_form: dict[str, str] = {}
    for r in _rows("actors/actors.tsv"):
        if len(r) < 3 or r[1] not in ("PER", "ORG"):
            continue
        r = r + ("",) * (9 - len(r))
        entry = LexiconEntry(id=r[0], type=r[1], name=r[2],
                             aliases=tuple(a for a in r[3].split("|") if a), name_en=r[4] or None,
                             category=r[5] or "other", inter=_int(r[6]), country=r[7] or None,
                             wikidata=r[8] or None)
        entries[entry.id] = entry
        for form in (entry.name, *entry.aliases):
            by_form.setdefault(fold_key(form), entry.id)
    heads = {}
    for r in _rows("actors/heads.tsv"):
        if len(r) >= 5:
            heads[fold_key(r[0])] = Head(kind=r[1], category=r[2], inter=_int(r[3]), english=r[4])
    adjectives: dict[str, str] = {}
    definite_adjectives: dict[str, tuple[str, ...]] = {}
    country_names: dict[str, str] = {}
    countries: dict[str, Country] = {}
    for r in _rows("actors/countries.tsv"):
        if len(r) < 6:
            continue
        iso2 = r[0]
        countries[iso2] = Country(iso2=iso2, name=r[1], name_en=r[4], demonym_en=r[5])
        for name in (r[1], *(v for v in r[2].split("|") if v)):
            country_names.setdefault(fold_key(name), iso2)
        definite: list[str] = []
        for stem in r[3].split("|"):
            if stem:
                for form in adjective_forms(stem):
                    adjectives.setdefault(form, iso2)
                words = fold_key(stem).split()
                definite += [" ".join("ال" + w + "ه" for w in words), " ".join("ال" + w for w in words)]
        definite_adjectives[iso2] = tuple(definite)
    glossary: dict[str, tuple[str, str]] = {}
    for r in _rows("actors/glossary.tsv"):
        if len(r) >= 3:
            word = fold_key(r[0])
            glossary[word] = (r[1], r[2])
            if r[1] == "adj" and word.endswith("ي"):
                glossary.setdefault(word + "ه", (r[1], r[2]))  # the feminine: الوطنيه
    places: dict[str, PlaceInfo] = {}
    town_sizes: dict[str, int] = {}  # folded name -> population of the town that holds it
    for r in _rows("gazetteer/places.tsv"):
        if len(r) < 9:
            continue
        info = PlaceInfo(id=r[0], name_en=r[3], kind=r[4], country=r[8] or None)
        population = int(r[10]) if len(r) > 10 and r[10].isdigit() else -1
        for name in (r[1], *(v for v in r[2].split("|") if v)):
            key = fold_key(name)
            # the first row wins, except that of two towns of one name the larger does
            # (لندن is London GB, not London in Ontario)
            if key not in places or 0 <= town_sizes[key] < population:
                places[key] = info
                town_sizes[key] = population
    return Tables(entries=entries, by_form=by_form, heads=heads, adjectives=adjectives,
                  definite_adjectives=definite_adjectives, glossary=glossary, country_names=country_names,
                  countries=countries, places=places)


def strip_titles(words: list[str]) -> list[str]:
    """Folded words without leading titles (الإمام آية الله الخميني -> الخميني); never empty."""
    i = 0
    while i < len(words) - 1 and words[i] in TITLE_WORDS:
        i += 1
    return words[i:]


def lookup_key(key: str) -> LexiconEntry | None:
    """The entry whose folded name or alias is ``key`` (also tried without leading titles)."""
    t = tables()
    entry_id = t.by_form.get(key)
    if entry_id is None:
        words = key.split()
        core = strip_titles(words)
        if len(core) < len(words):
            entry_id = t.by_form.get(" ".join(core))
    return t.entries.get(entry_id) if entry_id else None


def lookup_actor(name: str) -> LexiconEntry | None:
    """The lexicon entry for a name as written in text, or None.

    Diacritics, hamza spellings and ta marbuta do not matter; leading titles are skipped, and one
    attached proclitic (و، ب، ل، ف، ك، لل) is removed when the bare form is known.

    >>> lookup_actor("داعش").name_en
    'Islamic State (ISIS)'
    >>> lookup_actor("ولحركة النجباء").id
    'nujaba'
    """
    key = " ".join(fold_key(name).split())
    if not key:
        return None
    first, _, rest = key.partition(" ")
    for bare_first, removed in proclitic_variants(first):
        entry = lookup_key(f"{bare_first} {rest}" if rest else bare_first)
        if entry is not None:
            return entry
        if removed and not rest and len(bare_first) < 2:
            break
    return None
