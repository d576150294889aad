"""The events stage's fast paths give exactly what the plain computation gives."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.arguments.index import folded_positions
from marsad.events.fatalities import COUNT_BEFORE_KILLED_RE, KILLED_WORD_RE, count_killed
from marsad.events.model import EVENT, NONE, read_model
from marsad.text.normalize import fold

# letters, spaces, diacritics and tatweel: folding deletes the marks, so offsets shift
ARABIC_WITH_MARKS = st.text(alphabet="ابتقلمنوي ـ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652", max_size=60)


@settings(max_examples=300, deadline=None)
@given(ARABIC_WITH_MARKS)
def test_folded_positions_is_to_folded_at_every_source_offset(text: str) -> None:
    folded = fold(text)
    fast = folded_positions(folded)
    assert [fast(p) for p in range(len(text) + 1)] == [folded.to_folded(p) for p in range(len(text) + 1)]


@given(st.lists(st.sampled_from(["bias", "w=a", "w=b", "w=c", "unknown", "w=a"]), max_size=12))
def test_detect_sums_the_weights_of_the_features_in_their_order(features: list[str]) -> None:
    rows = [("bias", NONE, "0.3"), ("w=a", EVENT, "0.1"), ("w=a", NONE, "0.7"), ("w=b", EVENT, "1e-17"),
            ("w=c", EVENT, "0.2")]
    model = read_model(rows, {"labels": [NONE, EVENT]})
    event = none = 0.0
    for f in features:  # the plain sum, feature by feature
        for feature, label, weight in rows:
            if feature == f:
                if label == EVENT:
                    event += float(weight)
                else:
                    none += float(weight)
    assert model.detect(features).p_event == round(1 / (1 + math.exp(none - event)), 6)


def test_count_killed_reads_counts_before_words_of_killing_and_their_duals() -> None:
    assert count_killed(fold("وسقط في الهجوم 7 قتلى و12 جريحا").text) == 7
    assert count_killed(fold("خلف الهجوم قتيلين وعددا من الجرحى").text) == 2
    assert count_killed(fold("سقط 12 جريحا في المواجهات").text) is None


WORDS = st.sampled_from(["7", "12", "ثلاثه", "سقط", "قتيلا", "القتلي", "شهداء", "جريحا", "ال", "من", "قتيلين", "،"])


@given(st.lists(WORDS, max_size=10))
def test_the_count_regex_matches_only_where_a_word_of_killing_stands(words: list[str]) -> None:
    # why count_killed may skip the count regex in spans without such a word
    text = " ".join(words)
    if COUNT_BEFORE_KILLED_RE.search(text):
        assert KILLED_WORD_RE.search(text)
