"""Property-based checks: whatever the text, reading it back gives exactly that text."""

from __future__ import annotations

import codecs
import io
import json

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marsad.ingest import read_articles
from marsad.ingest.decode import decode_bytes
from tests.ingest.samples import content_id_of, made_id

# Arabic letters and marks, digits, Latin, punctuation, whitespace of every kind, invisible marks,
# and characters outside the BMP (emoji): no control characters, which would make it binary.
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), include_characters="\n\r\t")
texts = st.text(alphabet=ALPHABET, max_size=300)
arabic_texts = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئء ،.؟!«»\n0123456789", min_size=20,
                       max_size=300)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_utf8_and_bom_utf16_read_back_exactly(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF cannot be told from a byte-order mark
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8"), text.encode("utf-16"),
                 codecs.BOM_UTF16_BE + text.encode("utf-16-be")):
        decoded = decode_bytes(data)
        assert decoded.text == text
        assert decoded.code is None


@given(arabic_texts)
@settings(max_examples=200, deadline=None)
def test_arabic_in_any_encoding_reads_back_exactly(text: str) -> None:
    for data in (text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"),
                 text.encode("cp1256")):
        assert decode_bytes(data).text == text


@given(st.lists(st.fixed_dictionaries({"text": texts}, optional={"title": texts, "id": st.text(min_size=1)}),
                min_size=1, max_size=5))
@settings(max_examples=150, deadline=None)
def test_jsonl_records_read_back_exactly(records: list[dict[str, str]]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=bool(i % 2)) + "\n" for i, r in enumerate(records)).encode()
    articles = list(read_articles(["-"], stdin=io.BytesIO(data)))
    assert [(a.text, a.title) for a in articles] == [(r["text"], r.get("title")) for r in records]
    assert all(not a.warnings for a in articles)
    for article, r in zip(articles, records, strict=True):
        if "id" in r:
            assert article.id == r["id"]
        elif r["text"].strip():
            assert article.id == content_id_of("stdin", r["text"], r.get("title"))
        else:  # no content to hash: the id hashes the line's place
            assert made_id("stdin", article.id)


@given(st.text(alphabet="abc ١٢٣ .-\nقصف", min_size=2, max_size=200))
@settings(max_examples=300, deadline=None)
def test_spaced_short_words_in_utf8_are_not_taken_for_utf16(text: str) -> None:
    assume(not text.startswith("\ufeff"))
    assert decode_bytes(text.encode("utf-8")).text == text
