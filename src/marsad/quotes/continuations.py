"""Where a new statement of the same speaker opens inside an indirect content, learned from the gold.

An indirect content often runs on into a second statement of its speaker: ``قالت إنها ...، مؤكدة أن``,
``... كما توضح أن``, ``... لكنه أضاف أن``, ``... ووصف المتسلل بـ``. The gold reads two statements
there, and one span over both pairs with only one of them. :func:`continuation_points` lists every
reporting verb of the lexicon inside a content, each with a key that describes it: what joins it to
the content before (a comma, و, كما, "but he", nothing) and the verb's aspect. Whether a key opens a
new statement is learned by ``scripts/train_quote_continuations.py``: over the training gold, the
share of such verbs at which a gold statement begins. The table is
``data/quotes/continuations.tsv`` (key, verbs seen, statements begun there, split) with
``continuations.json`` (features version, thresholds, data digest). Besides the lexicon's verbs, the
participles the gold writes as cues and the lexicon lacks (عازيا، متهما، مقترحا) are listed, mined by the
same script into ``data/quotes/continuation-participles.tsv``. Without the table, the two kinds of
verb the rules always split at (a participle after a comma, a past verb after "but he") are split.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.errors import DataFileError
from marsad.quotes.lexicon import CueForm, Lexicon
from marsad.resources import read_tsv, versioned_model

__all__ = ["ContinuationPoint", "continuation_points", "mined_participles", "opens_statement", "split_keys"]

TABLE = "quotes/continuations.tsv"
# Participles the gold writes as the cue of a statement and the lexicon lacks (عازيا، متهما، مقترحا).
PARTICIPLES = "quotes/continuation-participles.tsv"
METADATA = "quotes/continuations.json"
# Bumped whenever a key changes meaning, so that a table learned on other keys is not read.
FEATURES_VERSION = 1

# What may join a verb to the content before it, tried in this order at each word.
_JOINER_RE = re.compile(r"(?P<comma>[،,]\s*)(?=\w)|(?<!\w)(?P<but>(?:و?لكن|الا ان)(?:ه|ها|هم|هما))\s+(?=\w)"
                        r"|(?<!\w)(?P<kama>و?كما)\s+(?=\w)|(?<![\w،,])\s+(?=\w)")
# The keys the rules split at when no table is packaged.
_RULE_JOINS = (("comma", "participle"), ("but", "past"))


# How a mined participle reads: it takes its content directly (عازيا الأمر إلى، متهما إياهم بـ).
_MINED = CueForm(lemma="", frame="np", aspect="participle", preps=())


@functools.cache
def mined_participles() -> frozenset[str]:
    """The folded participles mined from the gold's cues (empty when the file is not packaged)."""
    try:
        return frozenset(row[0] for row in read_tsv(PARTICIPLES) if row)
    except DataFileError:
        return frozenset()


@dataclass(frozen=True, slots=True)
class ContinuationPoint:
    """A reporting verb inside a content: where it splits, the verb, where its content starts, its key."""

    split_at: int  # where the content before it ends (before the joiner)
    cue: tuple[int, int]
    start: int  # where the new statement's content starts
    key: str


def _key(joiner: str, aspect: str) -> str:
    # (the verb's frame and what opens its content were tried as parts of the key too: on 2,350 training
    # articles about a hundred verbs stand inside contents, too few for keys that fine)
    return f"{joiner}|{aspect}"


def continuation_points(text: str, lo: int, hi: int, lex: Lexicon) -> list[ContinuationPoint]:
    """The reporting verbs inside the content ``text[lo:hi]`` (folded), in order, with their keys."""
    out: list[ContinuationPoint] = []
    for m in _JOINER_RE.finditer(text, lo, hi):
        at = m.end()
        word_end = at
        while word_end < hi and text[word_end].isalpha():
            word_end += 1
        word = text[at:word_end]
        joiner = m.lastgroup or "space"
        bare = word
        if word not in lex.cues and word[:1] in ("و", "ف"):
            bare = word[1:]
            if joiner == "space":
                joiner = "wa"
        form = lex.cues.get(bare)
        if form is None and bare in mined_participles():
            form = _MINED
        if form is None:
            continue
        rest = text[word_end:hi].split()
        opens = "comp" if rest and rest[0] in lex.comps else \
            "prep_comp" if len(rest) > 1 and rest[0] in form.preps and rest[1] in lex.comps else \
            "prep" if rest and (rest[0] in form.preps or (rest[0][:1] == "ب" and "ب" in form.preps)) else "other"
        skip = {"comp": 1, "prep_comp": 2}.get(opens, 0)
        start = word_end
        for w in rest[:skip]:
            start = text.index(w, start) + len(w)
        while start < hi and text[start].isspace():
            start += 1
        out.append(ContinuationPoint(m.start(), (word_end - len(bare), word_end), start,
                                     _key(joiner, form.aspect)))
    return out


@functools.cache
def split_keys() -> frozenset[str] | None:
    """The keys at which the packaged table splits, or None when no table is packaged."""
    packaged = versioned_model(METADATA, TABLE, FEATURES_VERSION)
    if packaged is None:
        return None
    _, rows = packaged
    return frozenset(row[0] for row in rows if len(row) >= 4 and row[3] == "1")


def opens_statement(point: ContinuationPoint) -> bool:
    """Whether a new statement opens at this verb: the learned table's answer, or the rules'."""
    keys = split_keys()
    if keys is not None:
        return point.key in keys
    joiner, aspect = point.key.split("|")
    return (joiner, aspect) in _RULE_JOINS
