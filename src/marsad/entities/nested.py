"""Places (and known people) named inside the name of an organisation or facility.

The gold convention annotates a place that stands inside a longer name as a place too: اليمن in
تحالف دعم الشرعية في اليمن، الحديدة in ميناء الحديدة، باريس in مطار باريس أورلي، توزر in مركز
توزيع البريد بتوزر; and a person the building honours (آية الله الخميني in ضريح آية الله الخميني).
Such a name is often found nowhere else in the article, so without its nested mention the article
loses it. :func:`nested_places` proposes these inner spans after the outer names have been chosen;
they overlap their outer mention by design. People come only from the lexicons (our lists, the
actor lexicon): a guessed name inside a facility (نصب لينكولن، قاعدة أندروز) is not annotated.

A media outlet's own name is not a place even when it is spelt like one (صحيفة الرياض، قناة
الجزيرة), so names with a media head or a quoted name contain no nested place; nor does the word
right after an organisation's head, which names the body after a place as often as it locates it
(جامعة لافال، فيلق القدس), nor an ordinary word (أنصار الشريعة) or a place word inside a person's
name (كلية سان ماري). A name the article also gives on its own gets no nested mention: the
standalone mentions already carry it, and later stages read every place mention as where something
happened (الجبهة الشعبية لتحرير فلسطين ... في فلسطين).
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.entities.candidates import PRIO_RULE, Candidate
from marsad.entities.heads import MEDIA_HEADS, place_with_head
from marsad.entities.lexicons import Lexicons
from marsad.entities.phrases import PLACE_TYPES, agreeing_adjective, phrase_at
from marsad.entities.words import Word

# Outer mentions whose inner places are reported: names of bodies and of buildings.
OUTER_TYPES = frozenset({"ORG", "FAC"})
# Outer mentions whose inner places are reported only where the name locates them (see _locates).
LOCATING_TYPES = frozenset({"ORG"})


def _inner_place(words: list[Word], k: int, end: int, lex: Lexicons) -> Candidate | None:
    """The place (or known person) that starts at token ``k`` and ends by ``end``, if one does."""
    w = words[k]
    if not w.is_word or w.stop:
        return None
    if w.head in PLACE_TYPES:
        # شرطة ولاية الخرطوم: the governorate with its head, as it is named on its own
        span = place_with_head(words, k, lex)
        if span is not None and span[1] <= end:
            return Candidate(k, span[1], w.head, "pattern", PRIO_RULE)
    if not w.phrase:
        return None
    hit = phrase_at(words, k, lex)
    if hit is None or hit[0] > end:
        return None
    if hit[1] == "PER" and hit[2] != "gazetteer":
        # ضريح آية الله الخميني: a person the lexicons know, honoured by the building's name
        return Candidate(k, hit[0], "PER", hit[2], PRIO_RULE, hit[3])
    if hit[1] not in PLACE_TYPES or w.base in lex.ambiguous_places or (
            k > 0 and (words[k - 1].first or words[k - 1].person) and words[k - 1].head is None):
        return None  # أنصار الشريعة، كلية سان ماري، جامع إبراهيم الخليل: no place here
    if hit[0] == k + 1 and not hit[3] and agreeing_adjective(words, k):
        return None  # الجماعة الإسلامية: an adjective, not a place
    return Candidate(k, hit[0], hit[1], "pattern", PRIO_RULE, hit[3])


def _locates(words: list[Word], outer: Candidate, place: Candidate) -> bool:
    """Whether an organisation's name locates the place inside it or names its object: after ب or في
    (المحكمة الابتدائية بتونس، تحالف دعم الشرعية في اليمن), with a place head of its own (شرطة ولاية
    الخرطوم), or in a ل complement (الجبهة الشعبية لتحرير فلسطين). A place that is a word of the name
    itself (حركة مشروع تونس، اتصالات تونس) is not one: places named only inside such organisation names
    are listed by the training gold 7 times in 46, against 116 in 165 after ب or في (the pipeline's
    nested places on the 1,710 training articles). A facility's place is kept: the dev articles list
    it (ميناء الحديدة، مطار باريس أورلي)."""
    w = words[place.start]
    return ("ب" in w.key[:w.n] or w.head in PLACE_TYPES
            or (place.start > 0 and words[place.start - 1].key in ("في", "ب"))
            or any("ل" in words[k].key[:words[k].n] for k in range(outer.start + 1, place.start)))


def _name_key(words: list[Word], c: Candidate) -> tuple[str, ...]:
    """The folded words of a candidate, without the first token's proclitics."""
    return tuple(words[k].base if k == c.start else words[k].key for k in range(c.start, c.end))


def nested_places(selected: list[Candidate], words: list[Word], lex: Lexicons,
                  served: tuple[Candidate, ...] = ()) -> Iterator[Candidate]:
    """Place spans strictly inside the chosen ORG and FAC candidates, leftmost-longest first.

    ``served`` are places already read inside a name (the place a local branch serves, found
    before it joined the name): they are reported as the others are, without being read again.
    """
    standalone = {_name_key(words, c) for c in selected if c.type in PLACE_TYPES or c.type == "PER"}
    for place in served:
        if _name_key(words, place) not in standalone:
            yield place
    taken = {(c.start, c.end) for c in served}
    for outer in selected:
        if outer.type not in OUTER_TYPES or outer.end - outer.start < 2:
            continue
        if words[outer.start].bare in MEDIA_HEADS or words[outer.start + 1].quote:
            continue  # صحيفة الرياض، جامعة "لافال": the name of its own is no place
        # the first word is the head or the name's own first word; an organisation's next word
        # names it rather than locates it, unless it opens a place with its own head (شرطة ولاية
        # الخرطوم)
        k = outer.start + 1
        if outer.type == "ORG" and words[k].head not in PLACE_TYPES:
            k += 1
        while k < outer.end:
            inner = _inner_place(words, k, outer.end, lex)
            if inner is None:
                k += 1
                continue
            if (_name_key(words, inner) not in standalone and (inner.start, inner.end) not in taken
                    and (inner.type == "PER" or outer.type not in LOCATING_TYPES or _locates(words, outer, inner))):
                yield inner
            k = inner.end
