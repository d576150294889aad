"""A small town is a name to the entity finder where the ANT corpus writes its name as a place's."""

from __future__ import annotations

import pytest

from marsad.pipeline import extract


@pytest.mark.parametrize(("text", "name"), [
    ("وأضاف على هامش زيارة أداها إلى النفيضة لإحياء الذكرى الستين لإحداث البلدية.", "النفيضة"),
    ("أصيب مواطن إثر انهيار حائط المستودع البلدي بتستور أين تقام السوق الأسبوعية.", "تستور"),
])
def test_a_small_town_the_corpus_writes_as_a_place_is_found(text: str, name: str) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert [(m.type, m.text) for m in doc.entities if name in m.text] == [("GPE", name)]


@pytest.mark.parametrize(("text", "word"), [
    ("ويأتي ذلك في إطار بحوث علمية تهدف إلى تحسين ظروف العمل.", "حوث"),  # a village حوث; بحوث "research"
    ("نجح الفريق في كسب ورقة الترشح إلى الدور النهائي.", "كسب"),  # Kessab; "winning"
])
def test_a_three_letter_word_is_no_small_town(text: str, word: str) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert not [m for m in doc.entities if word in m.text]
