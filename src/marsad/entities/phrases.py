"""Lexicon matching: the longest name-list phrase at a token (own lists, gazetteer, actor lexicon)."""

from __future__ import annotations

from collections.abc import Iterator

from marsad.entities.candidates import PRIO_RULE, Candidate
from marsad.entities.lexicons import Lexicons
from marsad.entities.words import Word, quoted_end

PLACE_TYPES = frozenset({"GPE", "LOC"})
# Prepositions before a place (folded): في حديثة، إلى معسكر، قرب الحمة.
PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "قرب", "نحو", "داخل", "حول", "عند"})
# Words after a place that locate it (folded, without proclitics): حديثة غربي الأنبار، معسكر جنوب
# غرب البلاد، الحمة قرب الحدود.
DIRECTIONS = frozenset({"شمال", "شمالي", "جنوب", "جنوبي", "شرق", "شرقي", "غرب", "غربي", "وسط", "قرب",
                        "شمالا", "جنوبا", "شرقا", "غربا", "ضواحي", "اطراف", "محيط"})
# Words that follow a place after a preposition but no common noun (في الحمة حيث، إلى معسكر
# أمس); a relative pronoun does follow common nouns (من الصور التي).
PLACE_FOLLOWERS = frozenset({"حيث", "امس", "اليوم", "مساء", "صباح", "فجر", "ليلا", "ظهر", "بعد", "قبل",
                             "منذ", "خلال"})
# Punctuation that may stand between coordinated places (حديثة، هيت).
LIST_MARKS = frozenset({"،", ",", "و"})


def phrase_at(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str, str, int] | None:
    """Longest lexicon phrase starting at token ``i``: (end, type, source, proclitic letters).

    A name whose words after the first are quoted (الجوهرة "اف ام", as news often set off the
    distinctive part of an outlet's or a company's name) matches its entry too, and the span takes
    in both marks: the annotated articles name it with its quoted part. Not after a head noun
    (تنظيم "داعش"، وكالة "رويترز"), whose quoted name is the name alone.
    """
    w = words[i]
    if not w.phrase:
        return None
    hit = _unquoted_phrase_at(words, i, lex)
    if hit is None and i + 1 < len(words) and words[i + 1].quote and w.head is None:
        return _quoted_phrase_at(words, i, lex)
    return hit


def _quoted_phrase_at(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str, str, int] | None:
    """A multi-word phrase at ``i`` whose later words stand between quotation marks right after it."""
    close = quoted_end(words, i + 1)
    if close is None:
        return None
    inner = [words[i], *words[i + 2:close - 1]]
    hit = _unquoted_phrase_at(inner, 0, lex)
    if hit is None or hit[0] != len(inner) or len(inner) < 2:
        return None  # the whole quotation must finish the name, no more and no less
    return close, hit[1], hit[2], hit[3]


def _unquoted_phrase_at(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str, str, int] | None:
    w = words[i]
    readings = [(w.key, 0)] if w.n == 0 else [(w.key, 0), (w.base, w.n)]
    second = words[i + 1].key if i + 1 < len(words) else ""
    for form, skip in readings:
        by_second = lex.phrases.get(form)
        if not by_second:
            continue
        for entry in (*by_second.get(second, ()), *by_second.get("", ())):  # longest first
            end = i + len(entry.words)
            if end > len(words):
                continue
            if all(words[i + k].key == entry.words[k] for k in range(2, len(entry.words))):
                if len(entry.words) == 1 and (w.stop or len(form) < 3 or (w.ordinary and w.final_ha)):
                    continue  # حديثه (his talk) is the word حديث + ه, not the town حديثة
                if len(entry.words) == 1 and entry.source != "lexicon" and (
                        (not w.definite and w.bare.endswith("يه")) or (w.base_ordinary if skip else w.ordinary)):
                    # سلمية، عسكرية: an indefinite feminine nisba is an adjective here; الحمام،
                    # عين: a word the corpus also writes the other way round is a common noun
                    continue
                return end, entry.type, entry.source, skip
    return None


def _single_place(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str, str, int] | None:
    """The one-word place entry of token ``i``, read past the filters for ordinary words."""
    w = words[i]
    for form, skip in ((w.key, 0), (w.base, w.n)):
        for entry in lex.phrases.get(form, {}).get("", ()):
            if entry.type in PLACE_TYPES:
                return i + 1, entry.type, entry.source, skip
    return None


def _known_place(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether a place that is no ordinary word starts at token ``i`` (الأنبار، هيت)."""
    if i < 0 or i >= len(words) or not words[i].phrase or words[i].ordinary:
        return False
    hit = phrase_at(words, i, lex)
    return hit is not None and hit[1] in PLACE_TYPES and words[i].base not in lex.ambiguous_places


def _locating_tail(words: list[Word], j: int, lex: Lexicons) -> bool:
    """Whether the words from ``j`` locate the place before them: a direction (غربي الأنبار), a
    governorate word (بمحافظة الأنبار، في ولاية), or a known place in a list (، هيت / وهيت)."""
    if j >= len(words):
        return False
    w = words[j]
    if w.bare in DIRECTIONS or (w.head in PLACE_TYPES and w.n and not w.definite):
        return True
    if w.key == "في" and j + 1 < len(words) and words[j + 1].head in PLACE_TYPES:
        return True
    if w.key in LIST_MARKS:
        return _known_place(words, j + 1, lex)
    return w.n == 1 and w.key[0] == "و" and _known_place(words, j, lex)


def place_in_context(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether the context makes the ordinary-looking word at ``i`` a place.

    A place head before it (ولاية معسكر), a locating tail (حديثة غربي الأنبار) or a known place
    coordinated before it (هيت وحديثة) suffices; a preposition of place (في الحمة، إلى معسكر) only
    when a punctuation mark or a word that follows places follows (في الحمة، إلى معسكر أمس), not
    what follows a common noun (إلى معسكر للجيش، في معسكر تدريب، من الصور التي).
    """
    w = words[i]
    if not w.n and i > 0 and words[i - 1].head in PLACE_TYPES and not words[i - 1].definite:
        return True  # ولاية معسكر: the head of a governorate names it
    if _locating_tail(words, i + 1, lex):
        return True
    if w.n == 1 and w.key[0] == "و" and (_known_place(words, i - 1, lex)
                                         or (i >= 2 and words[i - 1].key in LIST_MARKS
                                             and _known_place(words, i - 2, lex))):
        return True
    # ب alone is no sign of a place: أصيب بالحمة (struck by fever), بمعسكر (with a camp)
    if w.n or i == 0 or words[i - 1].key not in PLACE_PREPOSITIONS:
        return False
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is None or not nxt.is_word or nxt.key in PLACE_FOLLOWERS


# Words of a place's surroundings that, like a direction, describe a part of it (ريف حلب).
COUNTRYSIDE = frozenset({"ريف", "اطراف", "ضواحي"})


def _place_within(words: list[Word], start: int, end: int, lex: Lexicons) -> Candidate | None:
    """The place named by a phrase that ends at ``end`` and starts at or after ``start`` (تركيا in
    جنوب شرق تركيا), or None."""
    for k in range(start, end):
        hit = phrase_at(words, k, lex) if words[k].phrase else None
        if hit is not None and hit[0] == end and hit[1] in PLACE_TYPES:
            return Candidate(k, end, hit[1], hit[2], PRIO_RULE, hit[3])
    return None


def find_phrases(words: list[Word], lex: Lexicons) -> Iterator[Candidate]:
    """Every lexicon match (own lists, gazetteer, actor lexicon), longest at each position.

    A place whose name is also an ordinary word (:attr:`Lexicons.ambiguous_places`) is kept alone
    only when :func:`place_in_context` says so.
    """
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        hit = phrase_at(words, i, lex) if w.phrase else None
        if w.phrase and w.base in lex.ambiguous_places and not w.final_ha and not w.stop and (
                hit is None or (hit[0] == i + 1 and hit[1] in PLACE_TYPES)):
            single = _single_place(words, i, lex)
            if single is not None:
                hit = single if place_in_context(words, i, lex) else None
        elif (hit is not None and hit[0] == i + 1 and hit[1] in PLACE_TYPES
              and _pronoun_reading(w, lex) and not place_in_context(words, i, lex)):
            hit = None
        if (hit is not None and hit[0] == i + 1 and hit[1] in PLACE_TYPES and construct_reading(words, i, lex)
                and not (i > 0 and words[i - 1].head in PLACE_TYPES and not words[i - 1].definite)):
            hit = None  # حماة الوطن، مسقط رأسه: a noun in construct, not a town
        if hit is None:
            i += 1
            continue
        end, etype, source, skip = hit
        if etype == "LOC" and end > i + 1 and (w.bare in DIRECTIONS or w.bare in COUNTRYSIDE) and (
                not w.definite or words[i + 1].demonym):  # but الشرق الأوسط is a region's name
            # شمال العراق، جنوب شرق تركيا، ريف حلب: a part of a place described by a direction is
            # no name of its own; the place named in it is the mention (none in الجنوب الليبي)
            inner = _place_within(words, i + 1, end, lex)
            if inner is not None:
                yield inner
            i = end
            continue
        if end == i + 1 and not skip and etype in ("GPE", "LOC") and agreeing_adjective(words, i):
            i += 1
            continue
        if end == i + 1 and etype == "ORG" and end < n and not words[end].n and (
                words[end].adjective or words[end].blocked):
            i += 1  # القاعدة العسكرية: the base, not the organisation
            continue
        start = i
        if etype == "PER":
            # a lexicon alias may carry a title (العقيد تركي المالكي): the mention is the name
            while start + 1 < end and words[start].title and (words[start].base,) in lex.titles:
                start += 1
                skip = words[start].n
        yield Candidate(start, end, etype, source, PRIO_RULE, skip)
        i = end


# A word written with a final ه whose stem is seen this often in the ANT corpus reads as the stem
# and a pronoun (داخله "inside it", not the town Dakhla) unless the context makes it a place.
PRONOUN_STEM_MIN_COUNT = 100


def _pronoun_reading(w: Word, lex: Lexicons) -> bool:
    """Whether a one-word place name reads as a common word with the pronoun ه (داخله)."""
    return w.final_ha and lex.vocabulary.get(w.key[:-1], 0) >= PRONOUN_STEM_MIN_COUNT


# Definite nouns that may follow a place's name without governing it: days, and apposed capitals
# (بغداد الاثنين، تونس العاصمة).
APPOSED = frozenset({"الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "العاصمه"})


def construct_reading(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether the one-word place name at ``i`` reads as a common noun governing the next word.

    A town's name is definite by itself and governs no genitive; when a definite common noun
    (حماة الوطن "the protectors of the homeland"، صور الهجوم "pictures of the attack") or a noun
    with a pronoun (مسقط رأسه "his birthplace") follows it, the word is the common noun. What may
    follow a name is excluded: an adjective or demonym (حلب الشرقية)، a direction, another name, a
    head noun, a word that follows places (أمس، اليوم), a day; and after a preposition of place
    (في حلب القديمة، بغزة المحاصرة) or as the genitive of a noun (أحياء حمص القديمة) the name is a
    town and a definite word after it describes it.
    """
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if not nxt.is_word or nxt.n or nxt.stop or nxt.person or nxt.head is not None or (
            nxt.phrase and phrase_at(words, i + 1, lex) is not None):
        return False
    if nxt.definite:
        # في حلب القديمة: after a preposition of place the next word describes the town
        prev = words[i - 1] if i > 0 else None
        located = prev is not None and (prev.key in PLACE_PREPOSITIONS or (
            prev.is_word and not prev.definite and not prev.n and not prev.stop))  # أحياء حمص القديمة
        located = located or "ب" in words[i].key[:words[i].n]
        return (not located and nxt.ordinary and not (nxt.adjective or nxt.demonym or nxt.blocked)
                and nxt.bare not in DIRECTIONS and nxt.base not in APPOSED and nxt.bare not in PLACE_FOLLOWERS)
    return _pronoun_reading(nxt, lex) and nxt.bare not in DIRECTIONS


def agreeing_adjective(words: list[Word], i: int) -> bool:
    """Whether token ``i`` is a definite nisba agreeing with the definite noun before it
    (المناطق الغربية، الإجراءات الديوانية): an adjective, not the governorate of that name."""
    w = words[i]
    if not (w.adjective or w.blocked) or i == 0:
        return False
    prev = words[i - 1]
    # أوروبا الغربية: after a name the adjective describes it too
    return prev.is_word and (prev.definite or prev.phrase) and not prev.stop



def hit_known(words: list[Word], start: int, end: int, lex: Lexicons) -> bool:
    """Whether tokens [start, end) form a lexicon name (الأمم المتحدة), which may take a complement."""
    hit = phrase_at(words, start, lex)
    return hit is not None and hit[0] == end
