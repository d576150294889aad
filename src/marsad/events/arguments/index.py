"""The document's mentions, places and dates in folded coordinates, and the country tables.

Everything here reads what earlier stages left (``doc.entities``, ``doc.actors``, ``doc.places``,
``doc.dates``) and copes with their absence.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.document import Actor, ActorRef, DateValue, Document, Mention, Place
from marsad.errors import DataFileError
from marsad.events.spans import WORD_RE
from marsad.resources import read_tsv
from marsad.text.normalize import FoldedText, fold_key

_L = r"[^\W\d_]"
# A word before a name that makes it an object or a circumstance, not the subject of the verb.
PREPOSITIONS = frozenset({"علي", "ضد", "في", "الي", "من", "عن", "مع", "بين", "لدي", "حسب", "وفق", "وفقا",
                          "بحسب", "قرب", "داخل", "امام", "نحو", "تجاه", "باتجاه", "استهدف", "استهدفت",
                          "استهداف", "لصالح", "عند", "منذ", "بعد", "قبل", "خلال", "مقر", "مقار", "مواقع",
                          "تجمعات", "عناصر", "قوات", "مقرات", "اعضاء", "انصار"})
# "وكالة أعماق التابعة لتنظيم داعش أعلنت مسؤولية ...": the group a claiming outlet belongs to.
AFFILIATION = frozenset({"التابعه", "التابع", "تابعه", "تابع", "باسم"})
CIVILIAN_CATEGORIES = frozenset({"civilians"})
# Categories that can be coded as actors of an event: media outlets are sources, not actors.
ACTOR_CATEGORIES = frozenset({"state", "armed_group", "political", "civilians", "external", "other"})


@dataclass(slots=True)
class Located:
    """A mention placed in folded coordinates with what it resolved to."""

    start: int
    end: int
    mention: Mention | None
    actor: Actor | None = None
    place: Place | None = None
    date: DateValue | None = None
    prefix: str = ""  # a proclitic attached in the text just before the name (ل، ب ...)


@dataclass(slots=True)
class DocIndex:
    """The document's actors, places and dates in folded coordinates, sorted by position."""

    folded: FoldedText
    actors: list[Located] = field(default_factory=list)
    places: list[Located] = field(default_factory=list)
    dates: list[Located] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    lead_end: int = 0
    quotes: list[tuple[int, int]] = field(default_factory=list)  # reported statements (their content)
    fullest: dict[str, str] | None = None  # actor id -> its longest form in the text, once computed

    def words_between(self, a: int, b: int) -> int:
        return bisect_left(self.words, b) - bisect_left(self.words, a)

    def word_before(self, pos: int) -> str:
        """The whole word that ends before ``pos`` (not the token a proclitic joins to a name)."""
        i = bisect_left(self.words, pos) - 1
        while i >= 0:
            m = WORD_RE.match(self.folded.text, self.words[i])
            if m and m.end() <= pos:
                return m.group(0)
            i -= 1
        return ""


def folded_positions(folded: FoldedText) -> Callable[[int], int]:
    """A fast ``folded.to_folded``: one table built in runs instead of a binary search per offset.

    Text without deleted marks (the common case) maps to itself.
    """
    if not folded.deleted:
        return _identity
    deleted, n = folded.deleted, len(folded.text)
    table: list[int] = []
    k = 0
    a = 0
    # between two deletion points the folded characters a..b-1 sit at source a+k..b-1+k (k marks
    # deleted before them); the source positions up to a's own map to a (the marks before it)
    while a < n:
        while k < len(deleted) and deleted[k] <= a:
            k += 1
        b = min(deleted[k], n) if k < len(deleted) else n
        table.extend([a] * (a + k - len(table) + 1))
        table.extend(range(a + 1, b))
        a = b
    table.extend([n] * (len(folded.source) + 1 - len(table)))
    return table.__getitem__


def _identity(pos: int) -> int:
    return pos


def build_index(doc: Document, folded: FoldedText, to_folded: Callable[[int], int] | None = None) -> DocIndex:
    """Place the document's mentions, places and dates in folded coordinates."""
    to_folded = to_folded or folded_positions(folded)
    index = DocIndex(folded)
    text = doc.text
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    by_mention: dict[str, Place] = {}
    for p in doc.places:
        for mid in p.mention_ids:
            by_mention[mid] = p
    for m in doc.entities:
        s, e = to_folded(m.start), to_folded(m.end)
        prefix = text[m.start - 1] if m.start > 0 and text[m.start - 1].isalpha() else ""
        actor = actors.get(m.actor_id) if m.actor_id else None
        place = places.get(m.place_id) if m.place_id else by_mention.get(m.id)
        if place is not None:
            index.places.append(Located(s, e, m, place=place, prefix=prefix))
        elif m.type in ("GPE", "LOC", "FAC") and not doc.places:
            index.places.append(Located(s, e, m, prefix=prefix))
        if m.type in ("PER", "ORG") or (actor is not None and actor.inter is not None):
            if actor is None or actor.category in ACTOR_CATEGORIES:
                index.actors.append(Located(s, e, m, actor=actor, prefix=prefix))
    spans = doc.cache.get("place_spans")
    if isinstance(spans, dict):
        # region expressions (المحافظات الجنوبية) have spans but no mention
        known = {(p.start, p.end) for p in index.places}
        for pid, pairs in spans.items():
            place = places.get(pid)
            for start, end in pairs:
                s, e = to_folded(start), to_folded(end)
                if place is not None and (s, e) not in known:
                    index.places.append(Located(s, e, None, place=place))
    for d in doc.dates:
        if d.value:
            index.dates.append(Located(to_folded(d.start), to_folded(d.end), None, date=d))
    # a place named inside an organisation's or a person's name (حكومة مدينة واشنطن، الجبهة الشعبية
    # لتحرير فلسطين) is not where anything happened, and one inside a located facility (ميناء
    # الحديدة) is less precise than the facility
    outer = [(to_folded(m.start), to_folded(m.end)) for m in doc.entities if m.type in ("ORG", "PER")]
    outer += [(p.start, p.end) for p in index.places if p.mention is not None and p.mention.type == "FAC"]
    index.places = [p for p in index.places if not any(
        s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in outer)]
    index.actors.sort(key=lambda x: x.start)
    index.places.sort(key=lambda x: x.start)
    index.dates.sort(key=lambda x: x.start)
    index.words = [m.start() for m in WORD_RE.finditer(folded.text)]
    index.quotes = [(to_folded(q.start), to_folded(q.end)) for q in doc.quotes]
    if doc.sentences:
        lead = doc.sentences[: 2]
        index.lead_end = to_folded(lead[-1].end)
    return index


def actor_ref(item: Located) -> ActorRef:
    """The reference an event stores for an actor mention."""
    if item.actor is not None:
        return ActorRef(name=item.actor.name, actor_id=item.actor.id)
    assert item.mention is not None
    return ActorRef(name=item.mention.text, actor_id=None)


def is_subject_position(index: DocIndex, item: Located) -> bool:
    """True when nothing before the name makes it an object (a preposition, a proclitic ب/ل/ك)."""
    if item.prefix and item.prefix in "بلك":
        return False
    return index.word_before(item.start) not in PREPOSITIONS


def is_civilian(item: Located) -> bool:
    return item.actor is not None and item.actor.category in CIVILIAN_CATEGORIES


@functools.cache
def country_names() -> dict[str, tuple[str, str]]:
    """ISO2 -> (Arabic name, English name) from the packaged country table."""
    try:
        rows = read_tsv("countries.tsv")
    except DataFileError:
        return {}
    return {r[0]: (r[4], r[3]) for r in rows if len(r) >= 5}


@functools.cache
def demonyms() -> dict[str, str]:
    """Folded demonym adjectives (feminine and masculine, with and without ال) -> ISO2."""
    out: dict[str, str] = {}
    try:
        rows = read_tsv("actors/countries.tsv")
    except DataFileError:
        return out
    for r in rows:
        if len(r) < 4:
            continue
        for adj in r[3].split("|"):
            base = fold_key(adj.strip())
            if not base:
                continue
            for form in (base, base + "ه", "ال" + base, "ال" + base + "ه"):
                out[form] = r[0]
    return out


@functools.cache
def _country_rows() -> tuple[tuple[str, ...], ...]:
    try:
        return tuple(tuple(r) for r in read_tsv("actors/countries.tsv"))
    except DataFileError:
        return ()
