"""Offset-preserving normalisation: a folded view of the text and the map back to the original.

Matchers (lexicons, gazetteers, cue verbs) run on the folded text, where diacritics, tatweel and
invisible marks are gone, hamza-carrying alefs are bare, ى/ي and ة/ه are one letter each and
Arabic-Indic digits are ASCII. Their hits are mapped back with :meth:`FoldedText.to_source` before
they become spans, so no offset ever points into the folded string. The original is never changed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from marsad.document import Document, Span
from marsad.text.arabic import DELETED_RE, FOLD_MAP

_FOLD_CHARS = {chr(k): chr(v) for k, v in FOLD_MAP.items()}
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD_CHARS)) + "]")


def _fold_one(m: re.Match[str]) -> str:
    return _FOLD_CHARS[m.group()]


def _fold_chars(text: str) -> str:
    """``text`` with every character of FOLD_MAP replaced by its folded letter.

    Same result as ``text.translate(FOLD_MAP)``, four times faster on Arabic news (23 µs against
    100 µs per ANT article): translate looks every character up, the regex only the few it must
    change (measured over 5,000 ANT articles).
    """
    return _FOLD_RE.sub(_fold_one, text)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """The folded view of ``source``.

    Folding only deletes characters or replaces one character by one, so the map back is stored
    compactly: ``deleted`` holds, in increasing order, the folded positions before which source
    characters were deleted (one entry per deleted character). ``origin(i) = i + (number of
    entries <= i)``. Text without diacritics, the common case in news, has no entries at all.
    """

    source: str
    text: str
    deleted: tuple[int, ...] = ()

    def origin(self, i: int) -> int:
        """Index in ``source`` of the folded character at index ``i``."""
        if not self.deleted:
            return i
        return i + bisect_right(self.deleted, i)

    def to_source(self, start: int, end: int) -> Span:
        """Map a folded range [start, end) to the source range that covers exactly those characters."""
        if start >= end:
            s = self.origin(start) if start < len(self.text) else len(self.source)
            return Span(s, s)
        return Span(self.origin(start), self.origin(end - 1) + 1)

    def to_folded(self, pos: int) -> int:
        """Folded index of the first folded character at or after source index ``pos``."""
        if not self.deleted:
            return pos
        lo, hi = 0, len(self.text)
        while lo < hi:  # smallest i with origin(i) >= pos
            mid = (lo + hi) // 2
            if self.origin(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def fold_key(text: str) -> str:
    """The folded form of a short string, for dictionary keys (no offset map).

    >>> fold_key("الأنبارِ")
    'الانبار'
    >>> fold_key("٣ كانون الثاني")
    '3 كانون الثاني'
    """
    return _fold_chars(DELETED_RE.sub("", text))


def fold(source: str) -> FoldedText:
    """Fold ``source`` and keep the map back to it."""
    if not DELETED_RE.search(source):
        return FoldedText(source, _fold_chars(source))
    deleted: list[int] = []
    parts: list[str] = []
    last = 0
    kept = 0  # folded length so far
    for m in DELETED_RE.finditer(source):
        s = m.start()
        parts.append(source[last:s])
        kept += s - last
        deleted.append(kept)
        last = s + 1
    parts.append(source[last:])
    return FoldedText(source, _fold_chars("".join(parts)), tuple(deleted))


def normalize_text(doc: Document, config: None = None) -> Document:
    """Stage ``normalize``: put the folded view of the article text in ``doc.cache["folded"]``."""
    doc.cache["folded"] = fold(doc.text)
    return doc
