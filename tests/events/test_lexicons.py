"""The event lexicons: every row is well formed, names a known code, and matches its own forms."""

from __future__ import annotations

import pytest

from marsad.events.coding import CODES
from marsad.events.cues import find_cues, find_words, modality_matcher, support_matcher, target_matcher
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key


def test_events_cue_rows_name_known_codes():
    for row in read_tsv("events/cues.tsv"):
        assert row[1] in ("V", "I", "N"), row
        assert row[2] in ("0", "1", "2"), row
        assert row[3] in CODES, row


@pytest.mark.parametrize("name", ["events/support.tsv", "events/modality.tsv", "events/targets.tsv",
                                  "events/quantities.tsv"])
def test_events_lexicon_rows_have_columns(name):
    rows = read_tsv(name)
    assert rows
    assert all(len(r) >= 2 and r[0] for r in rows)


def test_events_every_noun_cue_matches_itself():
    for row in read_tsv("events/cues.tsv"):
        if row[1] != "N":
            continue
        for form in row[0].split("|"):
            text = fold_key(form)
            hits = find_cues(text)
            assert hits and hits[0].start == 0 and hits[-1].end == len(text), form


@pytest.mark.parametrize(("word", "form", "prefix"), [
    ("وبالغارات", "غارات", "وبال"),
    ("لتفجيرها", "تفجير", "ل"),
    ("والطائرات المسيّرة", "طايرات مسيره", "وال"),
    ("فقصفتها", "قصفت", "ف"),
    ("سيهاجمون", "هاجم", "س"),
])
def test_events_cues_take_clitics(word, form, prefix):
    hits = find_cues(fold_key(word))
    assert [(h.form, h.prefix) for h in hits] == [(form, prefix)]


def test_events_past_suffix_makes_a_verb_strong():
    assert find_cues(fold_key("قصفت"))[0].strength == 2
    assert find_cues(fold_key("قصف"))[0].strength == 1


@pytest.mark.parametrize("word", ["عدمه", "دونها", "شرطهم"])
def test_events_function_word_lexicons_take_no_pronoun(word):
    # a pronoun after a function word would make حال + ه read as الحالة, شرط + ه as الشرطة
    text = fold_key(word)
    assert find_words(modality_matcher(), text, 0, len(text)) == []


def test_events_support_and_targets_match():
    text = fold_key("وقع انفجار استهدف دورية للجيش")
    assert {h.kind for h in find_words(support_matcher(), text, 0, len(text))} >= {"occur"}
    assert "military" in {h.kind for h in find_words(target_matcher(), text, 0, len(text))}


def test_events_modality_form_listed_twice_keeps_both_rows():
    # برنامج is criticised after هاجم and halted after أوقف: one word, two rows of the lexicon
    text = fold_key("برنامج")
    assert {h.kind for h in find_words(modality_matcher(), text, 0, len(text))} >= {"criticism", "halt"}


@pytest.mark.parametrize("name", ["events/cues.tsv", "events/support.tsv", "events/modality.tsv",
                                  "events/targets.tsv"])
def test_events_phrases_match_with_the_article_on_later_words(name):
    # the matcher lets a later word of a phrase take ال (يوم غد in يوم الغد); short words too
    matcher = {"events/cues.tsv": None, "events/support.tsv": support_matcher(),
               "events/modality.tsv": modality_matcher(), "events/targets.tsv": target_matcher()}[name]
    for row in read_tsv(name):
        for raw in row[0].split("|"):
            words = fold_key(raw.strip()).split()
            if len(words) < 2 or any(w.startswith("ال") for w in words[1:]):
                continue
            text = " ".join([words[0], *("ال" + w for w in words[1:])])
            hits = find_cues(text) if matcher is None else find_words(matcher, text, 0, len(text))
            assert hits, (name, raw)


def test_events_modality_finds_tomorrow_with_the_article():
    text = fold_key("ينطلق الاعتصام يوم الغد أمام الولاية")
    assert any(h.kind == "speculation" for h in find_words(modality_matcher(), text, 0, len(text)))
