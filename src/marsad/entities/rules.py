"""Lexicon and pattern finders together: name lists, heads + names, titles + names, first names.

Each finder reads the token analyses of one document (:class:`marsad.entities.words.Word`) and
yields :class:`~marsad.entities.candidates.Candidate` spans over token indices: lexicon phrases
(:mod:`marsad.entities.phrases`), head nouns with their names (:mod:`marsad.entities.heads`),
titles and first names with people's names (:mod:`marsad.entities.people`).
:func:`marsad.entities.find_entities` then keeps the best non-overlapping ones.
"""

from __future__ import annotations

from marsad.entities.candidates import Candidate, select
from marsad.entities.continuations import extend_names
from marsad.entities.heads import find_heads
from marsad.entities.lexicons import Lexicons
from marsad.entities.people import find_people
from marsad.entities.phrases import find_phrases
from marsad.entities.words import Word


def rule_candidates(words: list[Word], lex: Lexicons) -> list[Candidate]:
    """The lexicon and pattern candidates of a token sequence, best non-overlapping ones kept, the
    organisations' names grown by the continuations the corpus writes after them."""
    chosen = select([*find_phrases(words, lex), *find_heads(words, lex), *find_people(words, lex)], len(words))
    return extend_names(chosen, words, lex)


def rule_tags(candidates: list[Candidate], n_tokens: int) -> list[str]:
    """IOB tags of the rule candidates (B-ORG, I-ORG, O ...): a feature of the tagger."""
    tags = ["O"] * n_tokens
    for c in candidates:
        tags[c.start] = "B-" + c.type
        for k in range(c.start + 1, c.end):
            tags[k] = "I-" + c.type
    return tags
