"""Plain-text files to articles: the decoded bytes are the text, unchanged."""

from __future__ import annotations

from marsad.document import Article, ResultWarning
from marsad.errors import WarningCode
from marsad.ingest.decode import decode_bytes
from marsad.ingest.notes import input_warning


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
    return Article(id=doc_id, text=decoded.text, url=url, warnings=warnings)
