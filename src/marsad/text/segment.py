"""Sentences and tokens as spans over the original text (stage ``segment``).

Sentences: a line break (``\\n``, ``\\r\\n``, a lone ``\\r``, U+2028/U+2029) ends a sentence, since
headlines and pull-quote lines carry no final punctuation, except inside a hard-wrapped paragraph,
where single line breaks are soft. Within a line, a sentence ends after ``. ! ? ؟ … ۔`` (repeated
or not, and any closing quotes or brackets) when whitespace follows, but not after an initial
(``د. خالد``), a list number (``2. ``) or an abbreviation inside brackets (``(سي. إن. إن)``); a
piece with no letter or digit (a closing quote after a space) joins the sentence before it.
Quotations may run across sentences; :func:`quotation_spans` finds them so that later stages can
tell which sentences lie inside one.

Tokens: runs of letters (with their diacritics and tatweel, and ZWNJ/ZWJ inside a word), numbers
(with decimal and thousands separators, Arabic-Indic digits included), or single punctuation
marks; whitespace and invisible bidi marks are no tokens. Attached proclitics stay in the token;
:func:`split_proclitic` separates them when a caller wants the bare word.
"""

from __future__ import annotations

import re

from marsad.document import Document, Span
from marsad.text.arabic import DIACRITICS, PROCLITICS, ROOT_WAW_FA, ROOT_WAW_WORDS, TATWEEL

_MARKS = re.escape(DIACRITICS + TATWEEL)
# ZWNJ/ZWJ inside a word keep it one token (Persian-style spellings, pasted names); any other
# invisible mark (RLM, LRM, BOM ...) is never a token of its own.
_JOINERS = "\u200c\u200d"
_INVISIBLE = re.escape("\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068"
                       "\u2069\ufeff\u061c\u00ad")
# Written as letter runs with marks between them rather than one alternation per character: the
# same tokens, 25% faster (86 against 117 µs per ANT article, measured over 4,000 of them).
_WORD = rf"[{_MARKS}]*(?:[^\W\d_]+[{_MARKS}]*)+"
TOKEN_RE = re.compile(
    rf"{_WORD}(?:[{_JOINERS}]+{_WORD})*|[{_MARKS}]+|\d+(?:[.,٫٬]\d+)*|[^\s{_INVISIBLE}{_JOINERS}]")
# A sentence ends after terminal punctuation and any closing quote/bracket, before whitespace; or
# at a period typed without the space after it between two full Arabic words ("المسجد.وكانت"),
# which 130 sentences of the ANT corpus do. Four letters after it keep abbreviations such as
# "إيه.بي.سي" whole. Every branch starts with the mark itself (the look-behind comes after it) so
# that the engine skips ahead to candidate marks: 9 µs per ANT article instead of 61.
SENTENCE_END_RE = re.compile(
    r"[.!?؟…۔](?:(?<=[\u0621-\u064A]{3}[.!؟])(?=[\u0621-\u064A]{4})|[.!?؟…۔]*[\"'»”’)\]]*(?=\s))")
TERMINAL = frozenset(".!?؟…۔:\"»”')")
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}

_BREAKS = "\n\r\u2028\u2029"
# A paragraph: consecutive lines holding some non-space character (blank lines separate them).
_PARAGRAPH_RE = re.compile(rf"(?:[^{_BREAKS}]*\S[^{_BREAKS}]*(?:\r\n|[{_BREAKS}]|$))+")
_LINE_RE = re.compile(rf"[^{_BREAKS}]+")
# Abbreviations inside brackets ("(سي. إن. إن)") do not end a sentence when the bracket closes soon.
BRACKET_REACH = 40

# Hard-wrap detection: a paragraph whose lines mostly stop without punctuation, lie within a
# narrow band of lengths, and could not have taken the next line's first word, was wrapped by a
# tool, not written line by line. Calibrated on hand-made wrapped fixtures (tests/text/
# test_segment.py) and checked on the 10,101 ANT articles, where no paragraph is wrapped: lists of
# short, similar lines (match fixtures, contact blocks) stay line-split thanks to WRAP_MIN_WIDTH.
WRAP_MIN_LINES = 3
WRAP_MIN_WIDTH = 45
WRAP_MAX_WIDTH = 110
WRAP_MIN_SHARE = 0.6


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every token of ``text[start:end]``, in text coordinates.

    Tokens are words (letters with their diacritics and tatweel), numbers (with their decimal
    and thousands separators) and single punctuation marks; whitespace and invisible marks are not.

    >>> text = "قُتل 2,500 شخصٍ، (بحسب) لـ«رويترز»."
    >>> [text[s:e] for s, e in token_spans(text)]
    ['قُتل', '2,500', 'شخصٍ', '،', '(', 'بحسب', ')', 'لـ', '«', 'رويترز', '»', '.']
    """
    return [m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def _wrap_width(lines: list[str]) -> int | None:
    """The width the (non-blank) lines of a paragraph were wrapped at by a tool, or None if they were not."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    body = lines[:-1]  # the last line of a paragraph is short
    widths = [len(ln.rstrip()) for ln in body]
    top = max(widths)
    if not WRAP_MIN_WIDTH <= top <= WRAP_MAX_WIDTH:
        return None
    full = sum(1 for width, following in zip(widths, lines[1:], strict=True)
               if _wrapped_at(width, following, top))
    unpunctuated = sum(1 for ln in body if ln.rstrip() and ln.rstrip()[-1] not in TERMINAL)
    if full >= WRAP_MIN_SHARE * len(body) and unpunctuated >= WRAP_MIN_SHARE * len(body):
        return top
    return None


def _wrapped_at(width: int, following: str, top: int) -> bool:
    """Whether a line of ``width`` was broken by a tool wrapping at ``top``: the next word did not fit."""
    words = following.split(maxsplit=1)
    return width >= 0.7 * top and width + 1 + len(words[0] if words else "") > top


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the units that sentences are split within: lines, or whole hard-wrapped paragraphs.

    A paragraph of three lines or more shows its wrapping by itself; a shorter one is taken as
    wrapped when the text has wrapped paragraphs and its first line breaks at their width.
    """
    paragraphs = [[m.span() for m in _LINE_RE.finditer(text, para.start(), para.end())]
                  for para in _PARAGRAPH_RE.finditer(text)]
    widths = [_wrap_width([text[s:e] for s, e in lines]) for lines in paragraphs]
    known = [w for w in widths if w is not None]
    top = max(known) if known else None
    units: list[tuple[int, int]] = []
    for lines, width in zip(paragraphs, widths, strict=True):
        if width is None and top is not None and 1 < len(lines):
            body = [text[s:e].rstrip() for s, e in lines[:-1]]
            if all(ln and ln[-1] not in TERMINAL and len(ln) <= top and _wrapped_at(len(ln), text[s:e], top)
                   for ln, (s, e) in zip(body, lines[1:], strict=True)):
                width = top
        if width is not None:
            units.append((lines[0][0], lines[-1][1]))
        else:
            units.extend(lines)
    return units


_MARK_SET = frozenset(DIACRITICS + TATWEEL)
_ALNUM_RE = re.compile(r"[^\W_]")


def _word_start(text: str, start: int, end: int) -> int:
    """Start of the word (letters, digits and their marks) that ends at ``end``, not before ``start``."""
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in _MARK_SET):
        i -= 1
    return i


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalnum())


def _ends_sentence(text: str, start: int, punct: int, end: int) -> bool:
    """Whether the terminal mark at ``punct`` (match ending at ``end``) closes text[start:end]."""
    if text[punct] == "." and end - punct == 1:
        word_start = _word_start(text, start, punct)
        word = text[word_start:punct]
        # One letter before the period is an initial ("د." doctor, "ل." a name withheld), except
        # as a unit or the end of an abbreviation, which often close a sentence: after a number
        # ("5.400 د." dinars), a slash ("كلم/س.") or another single letter ("م د." million dinars).
        # A number of one or two digits opening the sentence is a list marker ("2. ").
        if _letters(word) == 1 and word[0].isalpha() and (word_start == start or text[word_start - 1] != "/"):
            prev_end = word_start
            while prev_end > start and text[prev_end - 1] == " ":
                prev_end -= 1
            prev = text[_word_start(text, start, prev_end):prev_end]
            if not (prev[-1:].isdigit() or (_letters(prev) == 1 and prev[0].isalpha())):
                return False
        if word.isdigit() and len(word) <= 2 and not text[start:word_start].strip():
            return False
    opened = text.count("(", start, punct) - text.count(")", start, punct)
    if opened > 0:
        close = text.find(")", end, end + BRACKET_REACH)
        if close >= 0 and "(" not in text[end:close] and "\n" not in text[end:close]:
            return False
    return True


def sentence_spans(text: str) -> list[Span]:
    """Sentences of ``text`` as spans, trimmed of surrounding whitespace, in order.

    A line break ends a sentence (headlines carry no final period) unless the paragraph is
    hard-wrapped; within a line, ``. ! ? ؟ …`` and any closing quotes end one before whitespace.
    Pieces without a letter or digit (a stray closing quote) join the sentence before them.

    >>> text = "عاجل: انفجار في الميناء\\nقال د. سالم إن 3 أشخاص قتلوا. وأضاف: «لا نعرف السبب»."
    >>> [text[s.start:s.end] for s in sentence_spans(text)]
    ['عاجل: انفجار في الميناء', 'قال د. سالم إن 3 أشخاص قتلوا.', 'وأضاف: «لا نعرف السبب».']
    """
    out: list[Span] = []
    for u_start, u_end in _line_spans(text):
        pos = u_start
        first = len(out)
        for m in SENTENCE_END_RE.finditer(text, u_start, u_end):
            if _ends_sentence(text, pos, m.start(), m.end()):
                _append_trimmed(text, pos, m.end(), out, first)
                pos = m.end()
        _append_trimmed(text, pos, u_end, out, first)
    return out


def _append_trimmed(text: str, start: int, end: int, out: list[Span], unit_first: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    if len(out) > unit_first and not _ALNUM_RE.search(text, start, end):
        out[-1] = Span(out[-1].start, end)  # a closing quote or stray period after the sentence
        return
    out.append(Span(start, end))


def quotation_spans(text: str) -> list[Span]:
    """Spans of quotations (marks included), which may run across sentences but not across lines.

    Guillemets and curly quotes pair by kind; an opening mark that meets another opening mark of
    its kind before its closing one was never closed and is skipped. Straight double quotes pair
    in order within a line, since an unclosed one must not swallow the rest of the article.

    >>> text = 'قال: «لن نتراجع. سنواصل». ونفى "أي اتفاق"، ثم « بلا إغلاق'
    >>> [text[s.start:s.end] for s in quotation_spans(text)]
    ['«لن نتراجع. سنواصل»', '"أي اتفاق"']
    """
    out: list[Span] = []
    for line in _LINE_RE.finditer(text):
        l_start, l_end = line.span()
        i = l_start
        while i < l_end:
            ch = text[i]
            close = QUOTE_PAIRS.get(ch)
            if close is None:
                i += 1
                continue
            j = text.find(close, i + 1, l_end)
            if j < 0 or (close != ch and 0 <= text.find(ch, i + 1, j)):
                i += 1
                continue
            out.append(Span(i, j + 1))
            i = j + 1
    return out


def split_proclitic(word: str, known: frozenset[str] | set[str] | None = None) -> int:
    """Number of leading proclitic characters to drop from ``word`` (0 when none is attached).

    With ``known`` (a set of bare words), a proclitic is split only when the remainder is known,
    so لبنان stays whole. Without it, a lone و/ف before a word of four or more letters (unless the
    word is a frequent one with و/ف as a root letter: وزارة، فرنسا), ب/ل/ك before ال, لل (ل + ال)
    and لـ are split.

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
        if word.startswith(ROOT_WAW_FA) or word in ROOT_WAW_WORDS:
            return 0
        if word[1] in "بلك" and word[2:4] == "ال":
            return 2
        if word[1:3] == "لل" and len(word) > 5:
            return 2
        return 1 if len(word) >= 5 and not word.startswith(ROOT_WAW_FA) else 0
    return 0


def segment_text(doc: Document, config: None = None) -> Document:
    """Stage ``segment``: fill ``doc.sentences`` and ``doc.tokens`` with spans over the text."""
    text = doc.text
    doc.sentences = sentence_spans(text)
    doc.tokens = token_spans(text)
    return doc
