"""Sentences and tokens as spans over the original text (stage ``segment``).

Sentences: a line break ends a sentence (headlines and pull-quote lines carry no final
punctuation), except inside a hard-wrapped paragraph, where single line breaks are soft; within a
line, a sentence ends after ``. ! ? ؟`` (repeated or not, and any closing quotes or brackets) when
whitespace follows. Quotations may run across sentences; :func:`quotation_spans` finds them so that
later stages can tell which sentences lie inside one.

Tokens: runs of letters (with their diacritics and tatweel), numbers (with decimal and thousands
separators, Arabic-Indic digits included), or single punctuation marks. Attached proclitics stay in
the token; :func:`split_proclitic` separates them when a caller wants the bare word.
"""

from __future__ import annotations

import re

from marsad.document import Document, Span
from marsad.text.arabic import DIACRITICS, PROCLITICS, TATWEEL

_MARKS = re.escape(DIACRITICS + TATWEEL)
TOKEN_RE = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+|\d+(?:[.,٫٬]\d+)*|\S")
# A sentence ends after terminal punctuation and any closing quote/bracket, before whitespace.
SENTENCE_END_RE = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s)")
TERMINAL = frozenset(".!?؟…:\"»”')")
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}

# Hard-wrap detection: a paragraph whose lines mostly stop without punctuation and lie within a
# narrow band of lengths was wrapped by a tool, not written line by line. Calibrated on hand-made
# wrapped fixtures (tests/text/test_segment.py); headline-per-line articles stay line-split.
WRAP_MIN_LINES = 3
WRAP_MAX_WIDTH = 110
WRAP_MIN_SHARE = 0.6


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every token of ``text[start:end]``, in text coordinates."""
    return [m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def _is_hard_wrapped(lines: list[str]) -> bool:
    long_lines = [ln for ln in lines if ln.strip()]
    if len(long_lines) < WRAP_MIN_LINES:
        return False
    body = long_lines[:-1]  # the last line of a paragraph is short
    widths = [len(ln.rstrip()) for ln in body]
    if max(widths) > WRAP_MAX_WIDTH:
        return False
    top = max(widths)
    near_full = sum(1 for w in widths if w >= 0.7 * top)
    unpunctuated = sum(1 for ln in body if ln.rstrip() and ln.rstrip()[-1] not in TERMINAL)
    return near_full >= WRAP_MIN_SHARE * len(body) and unpunctuated >= WRAP_MIN_SHARE * len(body)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the units that sentences are split within: lines, or whole hard-wrapped paragraphs."""
    units: list[tuple[int, int]] = []
    # paragraphs are separated by blank lines
    for para in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        p_start, p_end = para.span()
        lines = text[p_start:p_end].split("\n")
        if _is_hard_wrapped(lines):
            units.append((p_start, p_end))
            continue
        pos = p_start
        for ln in lines:
            units.append((pos, pos + len(ln)))
            pos += len(ln) + 1
    return units


def sentence_spans(text: str) -> list[Span]:
    """Sentences of ``text`` as spans, trimmed of surrounding whitespace, in order."""
    out: list[Span] = []
    for u_start, u_end in _line_spans(text):
        pos = u_start
        for m in SENTENCE_END_RE.finditer(text, u_start, u_end):
            _append_trimmed(text, pos, m.end(), out)
            pos = m.end()
        _append_trimmed(text, pos, u_end, out)
    return out


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def quotation_spans(text: str) -> list[Span]:
    """Spans of quotations (marks included), which may run across sentences and lines.

    Guillemets and curly quotes pair by kind; straight double quotes pair in order within a
    paragraph, since an unclosed one must not swallow the rest of the article.
    """
    out: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_end = para.span()
        i = p_start
        while i < p_end:
            ch = text[i]
            close = QUOTE_PAIRS.get(ch)
            if close is None:
                i += 1
                continue
            j = text.find(close, i + 1, p_end)
            if j < 0:
                i += 1
                continue
            out.append(Span(i, j + 1))
            i = j + 1
    return out


def split_proclitic(word: str, known: frozenset[str] | set[str] | None = None) -> int:
    """Number of leading proclitic characters to drop from ``word`` (0 when none is attached).

    With ``known`` (a set of bare words), a proclitic is split only when the remainder is known,
    so لبنان stays whole. Without it, a lone و/ف before a word of four or more letters, ب/ل/ك before
    ال, لل (ل + ال) and لـ are split.

    >>> split_proclitic("وبغداد", {"بغداد"})
    1
    >>> split_proclitic("لبنان", {"لبنان"})
    0
    >>> split_proclitic("للتحالف")
    1
    >>> split_proclitic("بالعراق")
    1
    """
    if len(word) < 3 or word[0] not in PROCLITICS:
        return 0
    if known is not None:
        if word in known:
            return 0
        for n in (1, 2):
            rest = word[n:]
            if len(rest) >= 2 and rest in known:
                return n
            if word[n - 1] == "ل" and word[n:].startswith("ل") and "ا" + word[n:] in known:
                return n
            if n == 1 and word[1] not in PROCLITICS:
                break
        return 0
    if word[1] == TATWEEL:
        return 2  # لـ"العربي الجديد": ل joined by a tatweel
    if word.startswith("لل") and len(word) > 4:
        return 1
    if word[0] in "بلك" and word[1:3] == "ال":
        return 1
    if word[0] in "وف":
        if word[1] in "بلك" and word[2:4] == "ال":
            return 2
        if word[1:3] == "لل" and len(word) > 5:
            return 2
        return 1 if len(word) >= 5 else 0
    return 0


def segment_text(doc: Document, config: None = None) -> Document:
    """Stage ``segment``: fill ``doc.sentences`` and ``doc.tokens`` with spans over the text."""
    text = doc.text
    doc.sentences = sentence_spans(text)
    doc.tokens = token_spans(text)
    return doc
