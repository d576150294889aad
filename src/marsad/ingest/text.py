"""Plain-text files to articles: the decoded bytes are the text, unchanged.

A file that starts with a dateline (a title, then "الثلاثاء 14 آذار 2023" or "نشر في: 2023/03/14",
within the first :data:`DATELINE_LINES` lines) gets that date as ``published``, with a W109
warning saying so; the line stays in the text.
"""

from __future__ import annotations

from marsad.document import Article, ResultWarning
from marsad.errors import WarningCode
from marsad.ingest.dates import visible_date
from marsad.ingest.decode import decode_bytes
from marsad.ingest.notes import PUBLISHED_FROM_PAGE, input_warning

# title, source line, dateline: a date further down is in the article's body
DATELINE_LINES = 3
# enough for three title-length lines; a longer line is a paragraph, which ends the search anyway
_TOP_CHARS = 2_000


def read_text(data: bytes, *, doc_id: str, where: str = "", url: str | None = None) -> Article:
    """An article whose text is ``data`` decoded (no stripping, no newline translation).

    >>> read_text("انفجار في السوق.\\r\\n".encode(), doc_id="a").text
    'انفجار في السوق.\\r\\n'
    >>> read_text(b"", doc_id="b").warnings[0].code
    'W101'
    """
    decoded = decode_bytes(data)
    label = where or doc_id
    warnings: list[ResultWarning] = []
    if decoded.code is not None:
        warnings.append(input_warning(decoded.code, f"{label}: {decoded.note}"))
    if decoded.code != WarningCode.NOT_TEXT and not decoded.text.strip():
        warnings.append(input_warning(WarningCode.EMPTY_TEXT, f"{label}: no text"))
    published = None
    if decoded.code != WarningCode.NOT_TEXT:
        top = [ln for ln in decoded.text[:_TOP_CHARS].lstrip("\ufeff").splitlines() if ln.strip()][:DATELINE_LINES]
        found = visible_date(top, after_titles_only=True)
        if found is not None:
            published = found.value.isoformat()
            warnings.append(input_warning(PUBLISHED_FROM_PAGE, f"{label}: published {published} read "
                                          f"from the dateline «{found.line}» at the top of the text"))
    return Article(id=doc_id, text=decoded.text, published=published, url=url, warnings=warnings)
