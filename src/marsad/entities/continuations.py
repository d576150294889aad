"""Fixed continuations of organisation names, learned from how the corpus writes them.

The patterns of :mod:`marsad.entities.heads` stop an organisation's name where its grammar stops
being certain: before a coordinated noun (الشركة التونسية للكهرباء | والغاز، فرقة الأبحاث |
والتفتيش، هيئة الحقيقة | والكرامة) or a second complement (الفرقة المركزية لمكافحة المخدرات |
للحرس الوطني). Whether such a continuation belongs to the name is a matter of usage, and usage
is measurable: a name is a fixed expression, so when a name found by the patterns is followed by
the same و- or ل-words in most of the times the corpus writes it, those words are part of it.
``scripts/build_complements.py`` counts this over the ANT corpus and writes
``data/entities/continuations-corpus.tsv``; :func:`extend_names` applies it to the candidates of
the rules, again on the extended name (فرقة الأبحاث والتفتيش -> للحرس الوطني).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.entities.candidates import Candidate
from marsad.entities.heads import LOCAL_HEADS, town_served
from marsad.entities.lexicons import Continuations, Lexicons
from marsad.entities.words import Word

# How many times a name may grow (فرقة الأبحاث -> والتفتيش -> للحرس الوطني).
MAX_STEPS = 3


def name_key(words: list[Word], start: int, end: int) -> tuple[str, ...]:
    """The folded words of tokens [start, end), the first read without its proclitics (والشركة)."""
    return (words[start].base, *(words[k].key for k in range(start + 1, end)))


def opens_continuation(w: Word) -> bool:
    """Whether a token can open a continuation: a word with the proclitic و or ل (والغاز، للحرس)."""
    return w.is_word and not w.stop and w.n >= 1 and w.key[:1] in ("و", "ل")


def continuation_at(words: list[Word], end: int, name: tuple[str, ...], table: Continuations) -> int:
    """End of the longest continuation of ``name`` written from token ``end`` (``end`` if none)."""
    for cont in table.get(name, ()):
        stop = end + len(cont)
        if stop <= len(words) and all(words[end + k].key == cont[k] for k in range(len(cont))):
            return stop
    return end


def coordinated_word(words: list[Word], start: int, end: int, lex: Lexicons) -> int:
    """End of a noun or adjective coordinated with the last word of the organisation's name at
    [start, end), or ``end``.

    وزارة الصحة والسكان، هيئة شؤون الأسرى والمحررين، المركز العربي للدراسات السياسية والاجتماعية:
    a definite word behind و that names nothing itself (no head, no listed name, no person, no
    demonym) continues the name, as a noun after a noun or an adjective after an adjective, and
    may take one adjective of its own (والموارد المائية). A word that names something starts a
    second mention (وزارة الداخلية والجيش، حركة النهضة والنداء), and so does a word that the corpus
    often writes alone as the name of a body of the same head (وزارة الصحة والعدل: وزارة العدل).
    """
    if end >= len(words) or end < 1:
        return end
    prev, w = words[end - 1], words[end]
    if not (prev.is_word and prev.definite and not prev.stop and prev.n == 0):
        return end
    if not (w.is_word and w.n == 1 and w.key[:1] == "و" and w.definite) or w.stop or w.head is not None \
            or w.bare_org or w.phrase or w.person or w.demonym or w.title or w.blocked:
        return end
    if prev.adjective != w.adjective:
        return end  # السياسية والاجتماعية, الصحة والسكان; not a noun joined to an adjective
    stop = end + 1
    if not w.adjective and stop < len(words) and words[stop].adjective and not words[stop].n \
            and not words[stop].demonym:
        return stop + 1  # والموارد المائية، والشؤون الإسلامية
    return end if (words[start].base, w.base) in lex.corpus_orgs else stop


def extend_names(candidates: list[Candidate], words: list[Word], lex: Lexicons,
                 table: Continuations | None = None) -> list[Candidate]:
    """The candidates with each organisation's name extended by its fixed continuations.

    An extension stops at the next candidate's start (a name the rules found after it stays
    whole) unless that candidate lies entirely within the continuation, which then replaces it
    (للحرس الوطني, read alone as the National Guard, is part of فرقة الأبحاث ... للحرس الوطني).
    A local office's name grown so ends, as the patterns' do, with ب + the town it serves.
    ``table`` defaults to ``lex.continuations`` (the builder passes the one it is counting).
    """
    table = lex.continuations if table is None else table
    ordered = sorted(candidates, key=lambda c: c.start)
    out: list[Candidate] = []
    k = 0
    while k < len(ordered):
        c = ordered[k]
        k += 1
        if c.type != "ORG":
            out.append(c)
            continue
        end = c.end
        for _ in range(MAX_STEPS):
            grown = continuation_at(words, end, name_key(words, c.start, end), table)
            if grown == end and words[c.start].head == "ORG" and end - c.start >= 2:
                grown = coordinated_word(words, c.start, end, lex)
            if grown == end:
                break
            end = grown
        if end == c.end:
            out.append(c)
            continue
        if words[c.start].bare in LOCAL_HEADS:
            end = town_served(words, end, lex)  # فرقة الأبحاث والتفتيش للحرس الوطني بمنزل تميم
        # candidates inside the continuation are absorbed; one reaching past it stops the extension
        j = k
        while j < len(ordered) and ordered[j].start < end:
            j += 1
        if any(o.end > end for o in ordered[k:j]):
            out.append(c)
            continue
        out.append(replace(c, end=end))
        k = j
    return out
