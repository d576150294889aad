"""Folding: the folded view, and the map back to the unchanged source (property-based and by table)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.arabic import (
    DELETED_RE,
    DIACRITICS,
    FOLD_MAP,
    INVISIBLES,
    TATWEEL,
    arabic_share,
    proclitic_variants,
)
from marsad.text.normalize import fold, fold_key, normalize_text

# Characters that stress the map: letters folded one to one, deleted marks, digits of three
# scripts, presentation forms, a lam-alef ligature, Latin, spaces and line breaks.
ALPHABET = ("ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱىةؤئیک" + DIACRITICS[:12] + TATWEEL + INVISIBLES
            + "٠١٢٣٤٥٦٧٨٩۰۱۲" + "0123456789" + "\ufe8d\ufedf\ufecc\ufefb\ufb8e" + "abcXYZ"
            + " \n\r\t.،؟!«»\"")
texts = st.text(alphabet=ALPHABET, max_size=120)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_fold_every_folded_range_maps_back_to_a_source_range_that_folds_to_it(source: str) -> None:
    folded = fold(source)
    n = len(folded.text)
    assert folded.text == fold_key(source) == DELETED_RE.sub("", source).translate(FOLD_MAP)
    for start in range(0, n + 1, 3):
        for end in range(start, min(n, start + 9) + 1, 2):
            span = folded.to_source(start, end)
            assert 0 <= span.start <= span.end <= len(source)
            assert fold_key(source[span.start:span.end]) == folded.text[start:end]


@given(texts)
@settings(max_examples=200, deadline=None)
def test_fold_origin_is_monotonic_and_points_at_kept_characters(source: str) -> None:
    folded = fold(source)
    origins = [folded.origin(i) for i in range(len(folded.text))]
    assert origins == sorted(set(origins))
    deleted = set(DIACRITICS + TATWEEL + INVISIBLES)
    assert all(source[o] not in deleted for o in origins)
    assert len(origins) == sum(1 for ch in source if ch not in deleted)
    for i, o in enumerate(origins):
        assert folded.to_folded(o) == i


@given(texts, st.data())
@settings(max_examples=200, deadline=None)
def test_fold_hits_of_a_search_map_back(source: str, data: st.DataObject) -> None:
    folded = fold(source)
    if not folded.text:
        return
    start = data.draw(st.integers(0, len(folded.text) - 1))
    needle = folded.text[start:start + data.draw(st.integers(1, 6))]
    for m in re.finditer(re.escape(needle), folded.text):
        span = folded.to_source(*m.span())
        assert fold_key(source[span.start:span.end]) == needle


@pytest.mark.parametrize(("source", "key"), [
    ("الأنبارِ", "الانبار"),
    ("إسرائيل", "اسراييل"),
    ("آمرلي", "امرلي"),
    ("مؤسسة", "موسسه"),
    ("مستشفى", "مستشفي"),
    ("الـمـوصـل", "الموصل"),
    ("\u200fبغداد\u200e", "بغداد"),
    ("١٢٣ و ۴۵۶", "123 و 456"),
    ("٣٫٥", "3.5"),
    ("\ufe8d\ufedf\ufecc\ufeae\ufe8d\ufed7", "العراق"),  # presentation forms
    ("\ufe83\ufee3\ufef4\ufeae", "امير"),  # a presentation-form hamza alef folds like أ
    ("\ufefb", "\ufefb"),  # lam-alef ligature: two letters, kept as it is
    ("Sfax 2017", "Sfax 2017"),
    ("ڨفصة", "قفصه"),  # Maghrebi gaf
    ("ڤولف", "فولف"),
    ("گرمیان", "كرميان"),
])
def test_fold_key(source: str, key: str) -> None:
    assert fold_key(source) == key


def test_fold_without_marks_shares_offsets() -> None:
    source = "قصفت طائرات مسيرة مواقع في ريف حلب."
    folded = fold(source)
    assert folded.deleted == ()
    span = folded.to_source(5, 11)
    assert (span.start, span.end) == (5, 11)


def test_fold_maps_a_diacritised_name_back() -> None:
    source = "وصلَ وفدٌ إلى المَوْصِلِ صباحاً"
    folded = fold(source)
    i = folded.text.index("الموصل")
    span = folded.to_source(i, i + len("الموصل"))
    assert source[span.start:span.end] == "المَوْصِل"  # the final kasra lies outside the hit


def test_fold_empty_ranges() -> None:
    folded = fold("بَ")
    assert folded.to_source(1, 1).start == 2
    assert folded.to_source(0, 0).start == 0


def test_normalize_text_stage(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("قالَ المتحدثُ إن الهجوم فشل.")
    assert doc.cache["folded"].text == "قال المتحدث ان الهجوم فشل."
    doc.cache.clear()
    assert normalize_text(doc).cache["folded"].source == doc.text
    doc.check_offsets()


@pytest.mark.parametrize(("text", "low", "high"), [
    ("هجوم على قاعدة عسكرية", 1.0, 1.0),
    ("Attack on a base", 0.0, 0.0),
    ("قالت وكالة Reuters إن", 0.5, 0.8),
    ("", 0.0, 0.0),
    ("\ufe8d\ufedf\ufecc\ufeae\ufe8d\ufed7", 1.0, 1.0),
])
def test_arabic_share(text: str, low: float, high: float) -> None:
    assert low <= arabic_share(text) <= high


@pytest.mark.parametrize(("word", "variants"), [
    ("وبغداد", [("وبغداد", 0), ("بغداد", 1), ("غداد", 2)]),
    ("للجيش", [("للجيش", 0), ("الجيش", 1), ("لجيش", 1), ("جيش", 2)]),
    ("بيت", [("بيت", 0), ("يت", 1)]),
    ("من", [("من", 0)]),
    ("غزة", [("غزة", 0)]),
])
def test_proclitic_variants(word: str, variants: list[tuple[str, int]]) -> None:
    assert proclitic_variants(word) == variants
