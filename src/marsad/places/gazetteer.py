"""The places gazetteer: entries read from ``data/gazetteer/places.tsv`` and looked up by folded name.

Keys are folded with :func:`marsad.text.normalize.fold_key` (hamza forms, ى/ي and ة/ه unified,
diacritics gone) and have single spaces, so a lookup is one dict access. Names are matched whole:
the caller tries the readings of a mention (with and without a proclitic, with and without ال,
without a leading "مدينة"/"محافظة" ...) one after another, in :mod:`marsad.places.resolve`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

GAZETTEER_FILE = "gazetteer/places.tsv"
AMBIGUOUS_FILE = "gazetteer/ambiguous.tsv"
# Kinds from the most to the least precise; the order in which the cascade prefers them.
KINDS = ("facility", "city", "region", "admin1", "country")
# A town this close (degrees of latitude and longitude) to its country row's point is the capital.
CAPITAL_DEGREES = 0.2

# Hyphens, tatweel and quotation marks inside a name ("قاعدة "عين الأسد"") separate words only.
_SPACES_RE = re.compile(r"[\s\-_ـ\"'«»“”‘’()\[\]]+")


# Transliterations of one foreign or local name differ most in their long vowels (مونبلييه and
# مونبيلييه, هيدلبرغ and هيدلبيرغ): a name's consonants, its long vowels dropped after the first
# letter of each word, find it under another spelling. Only names of this many consonants are
# matched so: shorter skeletons are shared by too many words.
LONG_VOWELS_RE = re.compile(r"(?<=\S)[اوي]")
MIN_SKELETON_LETTERS = 5


def spelling_skeleton(key: str) -> str | None:
    """A folded name without its long vowels but the first letter of each word; None when the
    rest is under MIN_SKELETON_LETTERS letters (too many words share it).

    >>> spelling_skeleton("مونبيلييه")
    'منبله'
    >>> spelling_skeleton("تونس") is None
    True
    """
    skeleton = LONG_VOWELS_RE.sub("", key)
    return skeleton if len(skeleton.replace(" ", "")) >= MIN_SKELETON_LETTERS else None


def name_key(name: str) -> str:
    """The lookup key of a place name: folded, hyphens and runs of spaces made one space.

    >>> name_key("الأنبارِ")
    'الانبار'
    >>> name_key("بعلبك-الهرمل")
    'بعلبك الهرمل'
    >>> name_key('قاعدة "عين الأسد"')
    'قاعده عين الاسد'
    """
    return _SPACES_RE.sub(" ", fold_key(name)).strip()


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One gazetteer row: a place with its coordinates, first-level division and country."""

    id: str
    name: str
    name_en: str
    kind: str
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    geonameid: int | None
    population: int
    capital: bool = False  # the capital city of its country


class Gazetteer(Protocol):
    """What the places stage needs from a gazetteer (tests pass small in-memory ones)."""

    def candidates(self, key: str) -> Sequence[PlaceEntry]:
        """Entries whose name or variant has this :func:`name_key`, best known first."""
        ...

    def get(self, entry_id: str) -> PlaceEntry | None:
        """The entry with this id, or None."""
        ...

    def is_ambiguous(self, key: str) -> bool:
        """True when the name with this key is also an ordinary word (حديثة "recent", صور "pictures")."""
        ...


class TableGazetteer:
    """A gazetteer over rows of the shared places.tsv format, indexed by folded name."""

    def __init__(self, rows: Iterable[Sequence[str]], ambiguous: Iterable[str] = ()) -> None:
        index: dict[str, list[PlaceEntry]] = {}
        by_id: dict[str, PlaceEntry] = {}
        table = [list(row) + [""] * (11 - len(row)) for row in rows]
        # country rows carry their capital's coordinates: the biggest town there is the capital
        seats = {r[8]: (float(r[5]), float(r[6])) for r in table if r[4] == "country" and r[5] and r[6]}
        capitals: dict[str, tuple[int, str]] = {}
        for r in table:
            seat = seats.get(r[8])
            if r[4] == "city" and seat and r[5] and r[6] and abs(float(r[5]) - seat[0]) < CAPITAL_DEGREES \
                    and abs(float(r[6]) - seat[1]) < CAPITAL_DEGREES:
                pop = int(r[10]) if r[10] else 0
                if pop >= capitals.get(r[8], (-1, ""))[0]:
                    capitals[r[8]] = (pop, r[0])
        capital_ids = {pid for _pop, pid in capitals.values()}
        for cells in table:
            (pid, name, variants, name_en, kind, lat, lon, admin1, country, geonameid,
             population) = cells[:11]
            entry = PlaceEntry(id=pid, name=name, name_en=name_en, kind=kind,
                               lat=float(lat) if lat else None, lon=float(lon) if lon else None,
                               admin1=admin1 or None, country=country or None,
                               geonameid=int(geonameid) if geonameid else None,
                               population=int(population) if population else 0,
                               capital=pid in capital_ids)
            by_id[pid] = entry
            keys = {name_key(n) for n in [name, *variants.split("|")] if n.strip()}
            for key in keys:
                index.setdefault(key, []).append(entry)
        rank = {k: i for i, k in enumerate(KINDS)}
        # best known first: curated kinds before towns, then the bigger town
        self._index: dict[str, tuple[PlaceEntry, ...]] = {
            key: tuple(sorted(entries, key=lambda e: (rank.get(e.kind, 9), -e.population)))
            for key, entries in index.items()}
        self._by_id = by_id
        skeletons: dict[str, set[str]] = {}
        for key in self._index:
            skeleton = spelling_skeleton(key)
            if skeleton is not None:
                skeletons.setdefault(skeleton, set()).add(key)
        self._skeletons = {k: tuple(sorted(v)) for k, v in skeletons.items()}
        self._ambiguous = frozenset(name_key(a) for a in ambiguous)
        self.max_words = max((k.count(" ") + 1 for k in self._index), default=1)

    def __len__(self) -> int:
        return len(self._by_id)

    def candidates(self, key: str) -> Sequence[PlaceEntry]:
        return self._index.get(key, ())

    def get(self, entry_id: str) -> PlaceEntry | None:
        return self._by_id.get(entry_id)

    def spelling_candidates(self, key: str) -> tuple[str, Sequence[PlaceEntry]] | None:
        """The one indexed name spelled like ``key`` but for its long vowels (مونبيلييه: مونبلييه,
        برج بوعريرج: برج بوعريريج) and its entries; None when no name or several names are."""
        skeleton = spelling_skeleton(key)
        names = self._skeletons.get(skeleton, ()) if skeleton is not None else ()
        if len(names) != 1 or names[0] == key:
            return None
        return names[0], self._index[names[0]]

    def is_ambiguous(self, key: str) -> bool:
        return key in self._ambiguous

    def entries(self) -> Iterable[PlaceEntry]:
        return self._by_id.values()

    def keys(self) -> Iterable[str]:
        """Every folded name and variant the gazetteer is indexed by."""
        return self._index.keys()


@functools.cache
def packaged_gazetteer() -> TableGazetteer:
    """The gazetteer built into the package (loaded once, on first use).

    Raises:
        DataFileError: places.tsv is not installed (run scripts/build_gazetteer.py).
    """
    try:
        rows = read_tsv(GAZETTEER_FILE)
        ambiguous = [r[0] for r in read_tsv(AMBIGUOUS_FILE)]
    except DataFileError as err:
        raise DataFileError(f"{err}; build it with scripts/build_gazetteer.py") from err
    return TableGazetteer(rows, ambiguous)
