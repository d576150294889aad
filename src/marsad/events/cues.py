"""Detection: the event cues, support words, modality markers and target words found in folded text.

One precompiled regex per lexicon; the cue regex runs once over the whole folded article, the
others only over the sentences that hold a cue (most news articles hold none).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.events.lexicon import Matcher, compile_rows, form_key
from marsad.resources import read_tsv


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon form found in the folded text (offsets into the folded text, end exclusive)."""

    start: int
    end: int
    form: str  # the folded lexicon form
    pos: str  # V, I or N
    prefix: str  # attached proclitics (و ف ب ل ك ال، سـ)
    kind: str  # cue: the sub-event code; support/target: the kind; modality: the class
    strength: int = 0  # cues only: 2 alone, 1 with support, 0 modifier
    modes: tuple[str, ...] = ()  # cues only: PLOVER modes
    scope: str = ""  # modality only: before, after, adjacent


@functools.cache
def cue_matcher() -> Matcher:
    """The compiled cue lexicon (``events/cues.tsv``)."""
    return compile_rows(read_tsv("events/cues.tsv"), pos_column=1)


@functools.cache
def support_matcher() -> Matcher:
    """The compiled support lexicon (``events/support.tsv``)."""
    return compile_rows(read_tsv("events/support.tsv"), pos_column=1)


@functools.cache
def modality_matcher() -> Matcher:
    """The compiled modality markers (``events/modality.tsv``)."""
    return compile_rows(read_tsv("events/modality.tsv"), pos_column=None, suffixes=False)


@functools.cache
def target_matcher() -> Matcher:
    """The compiled target words (``events/targets.tsv``)."""
    return compile_rows(read_tsv("events/targets.tsv"), pos_column=None)


@functools.cache
def political_forms() -> frozenset[str]:
    """Folded target forms listed as ``political`` (also when an earlier row gives them another kind)."""
    matcher = target_matcher()
    rows = read_tsv("events/targets.tsv")
    forms = {form_key(raw) for row in rows if _cell(row, 1) == "political"
             for raw in row[0].split("|") if raw.strip()}
    return frozenset(f for f in forms if ("N", f) in matcher.entries)


def _cell(fields: tuple[str, ...], i: int) -> str:
    return fields[i] if i < len(fields) else ""


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Event cues in ``text[start:end]`` (folded text), in text order.

    A past verb with a subject suffix (قصفت، استهدفوا) is strength 2 whatever its row says: the
    suffix leaves no reading as a noun.
    """
    matcher = cue_matcher()
    hits = []
    for m in matcher.regex.finditer(text, start, len(text) if end is None else end):
        entry, prefix = matcher.entry(m)
        strength = int(_cell(entry.fields, 0) or 0)
        if entry.pos == "V" and strength == 1 and m.end() - m.start() > len(prefix) + len(entry.form):
            strength = 2
        modes = tuple(x for x in _cell(entry.fields, 2).split("|") if x)
        hits.append(Hit(m.start(), m.end(), entry.form, entry.pos, prefix, _cell(entry.fields, 1),
                        strength, modes))
    return hits


def find_words(matcher: Matcher, text: str, start: int, end: int) -> list[Hit]:
    """Hits of a support, target or modality lexicon in ``text[start:end]``."""
    hits = []
    modality = matcher is modality_matcher()
    # a word listed both as a victim or a force and as a person whose arrest ACLED codes (مسلحين،
    # صحفيين) counts as both: "هاجم الجيش مسلحين" is a battle, "اعتقلت الشرطة مسلحين" an arrest
    political = political_forms() if matcher is target_matcher() else frozenset()
    for m in matcher.regex.finditer(text, start, end):
        entry, prefix = matcher.entry(m)
        if modality:
            for row in (entry, *matcher.more.get((entry.pos, entry.form), ())):
                hits.append(Hit(m.start(), m.end(), row.form, row.pos, prefix,
                                _cell(row.fields, 1), scope=_cell(row.fields, 0)))
        else:
            kind = _cell(entry.fields, 0)
            hits.append(Hit(m.start(), m.end(), entry.form, entry.pos, prefix, kind))
            if kind != "political" and entry.form in political:
                hits.append(Hit(m.start(), m.end(), entry.form, entry.pos, prefix, "political"))
    return hits
