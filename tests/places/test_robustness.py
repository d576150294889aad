"""Property test: any text with any place mentions gives consistent places and valid offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Article, Document, Mention
from marsad.places import locate_places
from marsad.text.normalize import normalize_text
from marsad.text.segment import segment_text

WORDS = ["في", "محافظة", "بغداد", "قرب", "مطار", "الموصل", "شمال", "تونس", "العاصمة", "و", "المحافظات",
         "الجنوبية", "جنوب", "البلاد", "سلمية", "حديثة", "،", ".", "\n", "قاعدة", "عين", "الأسد", "ولايات",
         "القصرين", "ريف", "إدلب", "«", "»", "ـ", "\u064e", "١٢"]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    text = " ".join(words)
    doc = Document(article=Article(id="h", text=text))
    normalize_text(doc)
    segment_text(doc)
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 20)), max_size=6))
    for i, (start, length) in enumerate(sorted(spans), 1):
        end = min(len(text), start + length)
        if end > start:
            doc.entities.append(Mention(id=f"m{i}", type=draw(st.sampled_from(["GPE", "LOC", "FAC"])),
                                        text=text[start:end], start=start, end=end))
    return doc


@settings(max_examples=150, deadline=None)
@given(documents())
def test_locate_places_keeps_documents_consistent(doc: Document) -> None:
    doc = locate_places(doc)
    doc.check_offsets()
    ids = {m.id for m in doc.entities}
    for place in doc.places:
        assert set(place.mention_ids) <= ids
        assert place.geo_precision in (1, 2, 3)
        assert place.kind in ("facility", "city", "admin1", "country", "region")
    for m in doc.entities:
        if m.place_id is not None:
            assert m.id in doc.place(m.place_id).mention_ids  # type: ignore[union-attr]
    for pid, spans in doc.cache["place_spans"].items():
        assert doc.place(pid) is not None
        assert all(0 <= s < e <= len(doc.text) for s, e in spans)
