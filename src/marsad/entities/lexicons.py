"""Word lists and name lexicons of the entity finder, loaded once on first use.

Everything is keyed by folded text (:func:`marsad.text.normalize.fold_key`): hamza-carrying alefs
are bare, ى is ي and ة is ه, so الأنبار and الانبار are one key. Our own lists live in
``data/entities/`` (hand-written) and ``data/models/ner-*.tsv`` (built by scripts/train_ner.py:
person-name words, ANT word counts, ANERcorp common words). The places gazetteer
(``gazetteer/places.tsv``) and the actor lexicon (``actors/actors.tsv``) belong to other stages
and may be absent or partial, so reading them never fails: a missing file contributes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

# Gazetteer kinds -> entity types (gazetteer/places.tsv, column "kind").
KIND_TYPES = {"facility": "FAC", "city": "GPE", "admin1": "GPE", "country": "GPE", "region": "LOC"}


def strip_article(word: str) -> tuple[str, bool]:
    """A folded word without its article ال, and whether it had one (الحكومه -> (حكومه, True)).

    Short words keep their letters: الله and الا are not ال + a two-letter word.
    """
    if word.startswith("ال") and len(word) > 4:
        return word[2:], True
    return word, False


def core_word(word: str) -> str:
    """The folded word without attached proclitics and article: وبالعراق -> عراق, للتحالف -> تحالف.

    Used for features and head look-ups, where a wrong strip costs little; spans never use it.
    """
    w = word
    if len(w) > 4 and w[0] in "وف":
        w = w[1:]
    if len(w) > 4 and w.startswith("لل"):
        return w[2:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] == "ال":
        w = w[1:]
    return strip_article(w)[0]


# organisation name (folded words, the first without proclitics) -> the continuations the corpus
# writes after it (folded words), longest first: see marsad.entities.continuations
Continuations = dict[tuple[str, ...], tuple[tuple[str, ...], ...]]


def _tsv(relative: str) -> tuple[tuple[str, ...], ...]:
    try:
        return read_tsv(relative)
    except DataFileError:
        return ()


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word lexicon entry: its folded words, entity type and where it came from."""

    words: tuple[str, ...]
    type: str
    source: str


@dataclass(frozen=True, slots=True)
class Lexicons:
    """All word lists, folded. Built once by :func:`load_lexicons`."""

    heads: dict[str, str]  # head noun without ال -> ORG | FAC | GPE | LOC
    definite_heads: frozenset[str]  # heads that open a name only with the article (الخطوط)
    titles: dict[tuple[str, ...], str]  # title words -> "title" | "role"
    title_first: frozenset[str]  # first words of titles (fast rejection)
    stopwords: frozenset[str]
    demonyms: dict[str, str]  # every demonym form (with and without ال) -> iso2
    phrases: dict[str, dict[str, tuple[Phrase, ...]]]  # first word -> second word ("" alone) -> entries
    known_words: frozenset[str]  # bare words a proclitic may be split from (names, places)
    person_words: frozenset[str]  # words of person names (first and family names)
    first_names: frozenset[str]
    place_words: frozenset[str]  # single-word place names (for features)
    name_adjectives: frozenset[str]  # adjectives that belong to names (الوطني، العليا)
    blocked_adjectives: frozenset[str]  # adjectives that make a phrase generic (القتالية)
    bare_orgs: frozenset[str]  # definite nouns counted as ORG alone (الحكومة)
    complements: frozenset[str]  # nouns that continue an ORG name after ل (مكافحة، تحرير)
    common_words: frozenset[str]  # words news use mostly outside names (built from ANERcorp)
    own_phrase_starts: frozenset[str]  # first words of our own name lists (tagger feature)
    vocabulary: dict[str, int]  # frequent words of the ANT corpus and their counts (train_ner.py)
    # place names that are also ordinary words (معسكر، حديثة): places only in a place's context
    ambiguous_places: frozenset[str] = frozenset()
    # organisation names -> the و/ل words the corpus writes after them (continuations.py)
    continuations: Continuations = field(default_factory=dict)
    # two-word organisation names (head + name, folded) frequent in the corpus (وزاره العدل)
    corpus_orgs: frozenset[tuple[str, ...]] = frozenset()
    # pattern spans the training gold never annotates (folded words): descriptions (الوحدات الأمنية)
    unnamed: frozenset[tuple[str, ...]] = frozenset()
    # outlets of the actor lexicon named without their head, by first word (الشروق، العربية)
    outlets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # words the training gold writes right after / before names and almost never in them
    # (التابعة، الواقعة، كاتب / أعوان، باسم): trimmed off the edges of pattern and tagger spans
    # (entities/name-edges.tsv, built by scripts/build_name_edges.py)
    edge_after: frozenset[str] = frozenset()
    edge_before: frozenset[str] = frozenset()
    # heads whose names the training gold closes with ب + the town they serve (المستشفى الجهوي
    # بالقصرين، المحكمة الابتدائية بسوسة; not الجامعة التونسية | بصفاقس), same file, side "served"
    served_heads: frozenset[str] = frozenset()


def _demonym_forms(stem: str) -> list[str]:
    forms = [stem, stem + "ه", stem + "ون", stem + "ين", stem + "يون", stem + "يين", stem + "تان",
             stem + "تين"]
    return forms + ["ال" + f for f in forms]


def _add_phrase(index: dict[str, list[Phrase]], name: str, etype: str, source: str) -> None:
    words = tuple(fold_key(name).split())
    if words:
        index.setdefault(words[0], []).append(Phrase(words, etype, source))


# GeoNames towns below this population are kept only under multi-word names: single-word village
# names are mostly ordinary words (الفصايل، الجديدة). Calibrated on the dev articles with
# benchmarks/quality_gate.py: at 15,000 no extra town remained and no gold town was lost.
MIN_TOWN_POPULATION = 15_000
# multi-word names of smaller places are kept down to this population
MIN_PHRASE_POPULATION = 1_000


# A town under those sizes is kept when the ANT corpus writes its name as a place's
# (gazetteer/name-usage.tsv, built by scripts/train_place_evidence.py): at least this often, after a
# preposition of place or a head noun in at least this share of its occurrences, and in no phrase of
# its own, as no stem with a pronoun suffix and, without ال, not more often with it (النفيضة، سبيبة،
# المزونة are; الجديدة، حديثة are not): the test of marsad.places.evidence.ordinary_word. A name of
# three letters (ال aside) is left out whatever its usage: it is shaped like an Arabic root word, whose
# forms with ب or في (بحوث "in research", في كسب "in winning") the counts mistake for a place's.
PLACE_USAGE_MIN_COUNT = 3
PLACE_USAGE_MIN_LOCATIVE = 0.3
PLACE_USAGE_MIN_LETTERS = 4


def _written_as_place() -> frozenset[str]:
    """Folded gazetteer names that the ANT corpus uses as places, not as ordinary words."""
    out = set()
    for row in _tsv("gazetteer/name-usage.tsv"):
        if len(row) < 5:
            continue
        key, count, locative, definite, stem = row[0], int(row[1]), float(row[2]), float(row[3]), float(row[4])
        collocates = row[5] if len(row) > 5 else ""
        core = key[2:] if key.startswith("ال") else key
        if (count >= PLACE_USAGE_MIN_COUNT and locative >= PLACE_USAGE_MIN_LOCATIVE and not collocates
                and stem <= 0 and (key.startswith("ال") or definite <= 0)
                and len(core.replace(" ", "")) >= PLACE_USAGE_MIN_LETTERS):
            out.add(key)
    return frozenset(out)


def _gazetteer_rows(common: frozenset[str]) -> list[tuple[str, str]]:
    """(name, type) of the names and variants of the places engineer's gazetteer, when present.

    Single-word names that news mostly use as ordinary words (``common``) are left out unless
    they name a country or a first-level division; small towns only where the corpus writes
    their names as places (:func:`_written_as_place`).
    """
    out = []
    as_place = _written_as_place()
    for row in _tsv("gazetteer/places.tsv"):
        if len(row) < 5:
            continue
        etype = KIND_TYPES.get(row[4])
        if etype is None:
            continue
        population = int(row[10]) if len(row) > 10 and row[10].isdigit() else None
        names = [row[1], *(v for v in row[2].split("|") if v)]
        for name in names:
            key = fold_key(name)
            single = " " not in key
            if row[4] == "city" and population is not None and population < (
                    MIN_TOWN_POPULATION if single else MIN_PHRASE_POPULATION) and key not in as_place:
                continue
            if single and row[4] != "country" and (key in common or len(key) < 3):
                continue
            out.append((name, etype))
    return out



def _actor_rows() -> list[tuple[str, str]]:
    """(name, type) of every name and alias of the actor lexicon, when present."""
    out = []
    for row in _tsv("actors/actors.tsv"):
        if len(row) < 4 or row[1] not in ("PER", "ORG"):
            continue
        out.append((row[2], row[1]))
        out.extend((v, row[1]) for v in row[3].split("|") if v)
    return out


@functools.cache
def name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(person-name words, first names) built by scripts/train_ner.py into models/ner-names.tsv."""
    try:
        rows = read_tsv("models/ner-names.tsv")
    except DataFileError:
        return frozenset(), frozenset()
    words = frozenset(r[0] for r in rows)
    first = frozenset(r[0] for r in rows if len(r) > 1 and "F" in r[1])
    return words, first


@functools.cache
def load_lexicons() -> Lexicons:
    """Load and fold every list once; later calls return the same object."""
    heads = {fold_key(r[0]): r[1] for r in _tsv("entities/heads.tsv") if len(r) >= 2}
    definite_heads = frozenset(fold_key(r[0]) for r in _tsv("entities/heads.tsv")
                               if len(r) >= 3 and r[2] == "definite")
    titles: dict[tuple[str, ...], str] = {}
    for r in _tsv("entities/titles.tsv"):
        if len(r) >= 2:
            titles[tuple(fold_key(r[0]).split())] = r[1]
    stop = frozenset(fold_key(r[0]) for r in _tsv("entities/stopwords.tsv") if r)
    demonyms: dict[str, str] = {}
    for r in _tsv("entities/demonyms.tsv"):
        if len(r) >= 3:
            for stem in r[2].split("|"):
                stem_key = fold_key(stem)
                if " " in stem_key:
                    continue
                for form in _demonym_forms(stem_key):
                    demonyms.setdefault(form, r[0])
    index: dict[str, list[Phrase]] = {}
    place_words: set[str] = set()
    for r in _tsv("entities/places.tsv"):
        if len(r) >= 2:
            names = [r[0], *(r[3].split("|") if len(r) > 3 and r[3] else [])]
            for name in names:
                _add_phrase(index, name, r[1], "lexicon")
                key = fold_key(name)
                if " " not in key:
                    place_words.add(key)
    for r in _tsv("entities/organizations.tsv"):
        if r:
            for name in [r[0], *(r[1].split("|") if len(r) > 1 and r[1] else [])]:
                _add_phrase(index, name, "ORG", "lexicon")
    own_starts = frozenset(index)
    common = frozenset(r[0] for r in _tsv("models/ner-common.tsv") if r)
    # a town named like an adjective of nationality (السويدية in Hatay) is read as the adjective
    for name, etype in _gazetteer_rows(common | frozenset(demonyms)):
        _add_phrase(index, name, etype, "gazetteer")
    for name, etype in _actor_rows():
        _add_phrase(index, name, etype, "actors")
    # indexed by first and second word, so that a look-up touches only entries that can match
    phrases: dict[str, dict[str, tuple[Phrase, ...]]] = {}
    bodies = {p.words for entries in index.values() for p in entries if p.type == "ORG"}
    for first_word, entries in index.items():
        by_second: dict[str, list[Phrase]] = {}
        for p in entries:
            by_second.setdefault(p.words[1] if len(p.words) > 1 else "", []).append(p)
        # a building named like the body it houses (مجلس نواب الشعب, the parliament and its seat)
        # comes after the body: the text names the organisation
        phrases[first_word] = {k: tuple(sorted(v, key=lambda p: (-len(p.words), p.type == "FAC" and p.words in bodies)))
                               for k, v in by_second.items()}
    person, first = name_words()
    own_first = {fold_key(r[0]) for r in _tsv("entities/first_names.tsv") if r}
    first = first | frozenset(w for w in own_first if " " not in w)
    person = person | first
    adjectives: dict[str, set[str]] = {"name": set(), "block": set()}
    for r in _tsv("entities/adjectives.tsv"):
        if len(r) >= 2 and r[1] in adjectives:
            key = fold_key(r[0])
            adjectives[r[1]].update((key, key + "ه"))
    bare_orgs = frozenset(fold_key(r[0]) for r in _tsv("entities/bare_orgs.tsv") if r)
    complements = frozenset(fold_key(r[0]) for r in (*_tsv("entities/complements.tsv"),
                                                      *_tsv("entities/complements-corpus.tsv")) if r)
    known = set(index) | person | place_words
    ambiguous = _ambiguous_places()
    outlets = _bare_outlets(heads, phrases, ambiguous)
    return Lexicons(heads=heads, definite_heads=definite_heads, titles=titles,
                    title_first=frozenset(t[0] for t in titles),
                    stopwords=stop, demonyms=demonyms, phrases=phrases,
                    known_words=frozenset(known), person_words=person, first_names=first,
                    place_words=frozenset(place_words), name_adjectives=frozenset(adjectives["name"]),
                    blocked_adjectives=frozenset(adjectives["block"]), bare_orgs=bare_orgs,
                    complements=complements, common_words=common,
                    own_phrase_starts=own_starts,
                    vocabulary={r[0]: int(r[1]) for r in _tsv("models/ner-vocab.tsv")
                                if len(r) > 1 and r[1].isdigit()},
                    ambiguous_places=ambiguous, continuations=_continuations(),
                    outlets=outlets,
                    unnamed=frozenset(tuple(r[0].split()) for r in _tsv("entities/unnamed-spans.tsv") if r),
                    edge_after=_edges("after"), edge_before=_edges("before"),
                    served_heads=_edges("served"),
                    corpus_orgs=frozenset(tuple(r[0].split()) for r in _tsv("entities/org-names-corpus.tsv") if r))


# heads of outlets' names in the actor lexicon (folded, without the article)
OUTLET_HEADS = frozenset({"صحيفه", "جريده", "قناه", "وكاله", "اذاعه", "موقع", "شبكه", "مجله", "تلفزيون"})


def _bare_outlets(heads: dict[str, str], phrases: dict[str, dict[str, tuple[Phrase, ...]]],
                  ambiguous: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names of the actor lexicon's media outlets without their head (صحيفة الشروق -> الشروق),
    by first word; a name that is also a place (صحيفة الرياض) is left out unless the place is an
    ordinary word itself (الشروق، الخبر: ambiguous places), and so is a head."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for row in _tsv("actors/actors.tsv"):
        if len(row) < 6 or row[5] != "media":
            continue
        for name in [row[2], *row[3].split("|")]:
            words = tuple(fold_key(name).split())
            if len(words) >= 2 and strip_article(words[0])[0] in OUTLET_HEADS:
                words = words[1:]
            elif not words or strip_article(words[0])[0] in OUTLET_HEADS:
                continue
            first = words[0]
            place = words[0] not in ambiguous and any(p.type in ("GPE", "LOC") and p.words == words
                        for p in phrases.get(first, {}).get(words[1] if len(words) > 1 else "", ()))
            if not place and strip_article(first)[0] not in heads and len(first) >= 3:
                names.setdefault(first, set()).add(words)
    return {k: tuple(sorted(v, key=lambda w: (-len(w), w))) for k, v in names.items()}


def _edges(side: str) -> frozenset[str]:
    """The folded words of ``entities/name-edges.tsv`` on one side of names ("after", "before"), or
    the heads whose names take the town they serve ("served")."""
    return frozenset(r[0] for r in _tsv("entities/name-edges.tsv") if len(r) >= 2 and r[1] == side)


def _continuations() -> Continuations:
    """Fixed continuations of organisation names (``entities/continuations-corpus.tsv``, built by
    scripts/build_complements.py): name words -> continuation words, longest first."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for r in _tsv("entities/continuations-corpus.tsv"):
        if len(r) >= 2 and r[0] and r[1]:
            table.setdefault(tuple(r[0].split()), []).append(tuple(r[1].split()))
    return {k: tuple(sorted(v, key=lambda c: (-len(c), c))) for k, v in table.items()}


def _ambiguous_places() -> frozenset[str]:
    """Place names that are also ordinary words: our own short list, and the names that
    scripts/build_gazetteer.py finds the ANT corpus using mostly outside a place's context
    (``gazetteer/ambiguous.tsv``: rarely after في، من، مدينة ...), folded, without the article's
    variants (both forms are listed where both occur)."""
    own = {fold_key(r[0]) for r in _tsv("entities/ambiguous_places.tsv") if r}
    built = {fold_key(r[0]) for r in _tsv("gazetteer/ambiguous.tsv") if r}
    return frozenset(own | built)

