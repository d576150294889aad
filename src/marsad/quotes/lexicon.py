"""The quotes lexicons (``data/quotes/*.tsv``), folded, indexed and compiled once.

Every key is folded with :func:`marsad.text.normalize.fold_key` (no diacritics, bare alef, ي for ى,
ه for ة) because the matchers run on the folded view of the article. Head words are also stored
without the article ال, so that وزير and الوزير, مصدر and المصدر find the same entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

Trie = dict[str, "Trie"]
FRAMES = ("that", "np", "prep", "pron")
ASPECTS = ("past", "present", "participle")
# Object pronouns a reporting verb may carry (أكدها، وصفه، وتعتبرها): its object, never its subject.
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One written form of a reporting verb."""

    lemma: str
    frame: str
    aspect: str
    preps: tuple[str, ...]  # folded prepositions that may open the content (إلى، عن، ب ...)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All the word lists the quote finders use, folded."""

    cues: dict[str, CueForm]
    cue_re: re.Pattern[str]
    attribution_re: re.Pattern[str]
    attribution_lam: frozenset[str]  # phrases whose source is fused with ل (وفقاً لـ)
    heads: dict[str, frozenset[str]]  # single head word (without ال) -> kinds
    multi_heads: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, kind)
    time_words: frozenset[str]
    inserts: frozenset[str]
    multi_inserts: dict[str, tuple[tuple[str, ...], ...]]  # first word -> word sequences, longest first
    comps: frozenset[str]
    opener_re: re.Pattern[str]  # a complementiser, a colon or an opening quotation mark
    impersonal: frozenset[str]
    ambiguous: frozenset[str]  # forms that are cues only at the head of their clause
    outlets: frozenset[str]  # first words of outlet names, folded, without ال


def strip_article(word: str) -> str:
    """The folded word without a leading ال (kept when the rest would be under three letters).

    >>> strip_article("الوزير")
    'وزير'
    >>> strip_article("الله")
    'الله'
    """
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    try:
        return read_tsv(f"quotes/{name}")
    except DataFileError:
        raise
    except (UnicodeDecodeError, ValueError) as err:  # a corrupt packaged file is a broken install
        raise DataFileError(f"data file quotes/{name} cannot be read: {err}") from err


def _forms(cell: str) -> list[str]:
    return [fold_key(f) for f in cell.split("|") if f and f != "-"]


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, factored as a trie.

    Python's ``re`` tries the branches of a flat alternation one by one at every position; with
    some 600 verb forms that cost 0.5 ms per article. Sharing prefixes (قال|قالت -> قال(?:ت)?)
    lets it fail after a letter or two. Longer words win because every optional tail is greedy.
    """
    trie: Trie = {}
    for w in sorted(set(words)):  # sorted: the same pattern under every hash seed
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


@functools.cache
def lexicon() -> Lexicon:
    """Load and compile the quotes lexicons (once per process)."""
    cues: dict[str, CueForm] = {}
    for row in _rows("cues.tsv"):
        if len(row) < 6:
            raise DataFileError(f"quotes/cues.tsv: row {row[:1]} has {len(row)} columns, expected 6")
        lemma, frame, preps_cell = row[0], row[1], row[2]
        if frame not in FRAMES:
            raise DataFileError(f"quotes/cues.tsv: frame {frame!r} of {lemma} is not one of {FRAMES}")
        preps = tuple(_forms(preps_cell))
        for aspect, cell in zip(ASPECTS, row[3:6], strict=True):
            for form in _forms(cell):
                cues.setdefault(form, CueForm(lemma=fold_key(lemma), frame=frame, aspect=aspect, preps=preps))
    suffixes = "|".join(OBJECT_SUFFIXES)
    # و/ف are the only proclitics a reporting verb takes; the object suffix only follows finite forms,
    # which the caller checks. (?<!\w) keeps مقالات from reading as قال.
    cue_re = re.compile(rf"(?<!\w)([وف]?)({_alternation(list(cues))})(?:{suffixes})?(?!\w)")

    phrases = [(fold_key(r[0]), r[1] if len(r) > 1 else "any") for r in _rows("attributions.tsv")]
    attribution_re = re.compile(rf"(?<!\w)(و?)({_alternation([p for p, _ in phrases])})(?!\w)")

    heads: dict[str, set[str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    # heads_mined.tsv: the heads the train gold adds (scripts/build_quote_heads.py)
    for row in (*_rows("heads.tsv"), *_rows("heads_mined.tsv")):
        words = tuple(strip_article(w) for w in fold_key(row[0]).split())
        kind = row[1]
        if len(words) == 1:
            heads.setdefault(words[0], set()).add(kind)
        else:
            multi.setdefault(words[0], []).append((words, kind))

    time_words: set[str] = set()
    inserts: set[str] = set()
    multi_inserts: list[tuple[str, ...]] = []
    comps: set[str] = set()
    for row in _rows("boundaries.tsv"):
        word, kind = fold_key(row[0]), row[1]
        if kind == "time":
            time_words.add(word)
        elif kind == "comp":
            comps.add(word)
        elif " " in word:
            multi_inserts.append(tuple(word.split()))
        else:
            inserts.add(word)
    impersonal = frozenset(fold_key(r[0]) for r in _rows("impersonal.tsv"))
    return Lexicon(
        cues=cues, cue_re=cue_re, attribution_re=attribution_re,
        attribution_lam=frozenset(p for p, need in phrases if need == "lam"),
        heads={k: frozenset(v) for k, v in heads.items()},
        multi_heads={k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in multi.items()},
        time_words=frozenset(time_words), inserts=frozenset(inserts),
        multi_inserts={w: tuple(sorted((m for m in multi_inserts if m[0] == w), key=lambda m: -len(m)))
                       for w in {m[0] for m in multi_inserts}},
        comps=frozenset(comps),
        opener_re=re.compile(rf"(?<!\w)(?:{_alternation(list(comps))})(?!\w)|[:\"«“„]"),
        impersonal=impersonal, ambiguous=frozenset(fold_key(r[0]) for r in _rows("ambiguous.tsv")),
        outlets=frozenset(strip_article(fold_key(r[0])) for r in _rows("outlets.tsv")))
