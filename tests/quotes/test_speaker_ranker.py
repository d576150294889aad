"""Tests of the quote speaker ranker: the candidates it lists, their features, and the choice it makes.

The sentences were written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import marsad.quotes
import marsad.quotes.speaker_ranker as ranker
from marsad.config import QuotesConfig
from marsad.document import Document
from marsad.quotes import attribute_quotes
from marsad.quotes.context import Draft
from marsad.quotes.speaker_ranker import RULE, SpeakerChoice, SpeakerModel
from marsad.resources import read_json

MakeDoc = Callable[..., Document]

TEXT = ("التقى وزير الخارجية أحمد الكبير بوفد من منظمة العفو الدولية في تونس. "
        "وقال مصدر في المنظمة إن السجون مكتظة وإن الظروف صعبة على المساجين.")
ENTITIES = [("أحمد الكبير", "PER", "أحمد الكبير"), ("منظمة العفو الدولية", "ORG", "منظمة العفو الدولية"),
            ("تونس", "GPE")]


def _choices(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, list[list[SpeakerChoice]]]:
    recorded: list[list[SpeakerChoice]] = []

    def record(drafts: list[Draft], choices: Callable[[], list[SpeakerChoice]]) -> list[Draft]:
        recorded.append(choices())
        return drafts

    monkeypatch.setattr(marsad.quotes, "choose_speakers", record)
    doc = make_doc(TEXT, entities=ENTITIES)
    attribute_quotes(doc, QuotesConfig())
    return doc, recorded


def test_candidates_are_the_rules_speaker_and_the_mentions_around_it(make_doc: MakeDoc,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    doc, recorded = _choices(make_doc, monkeypatch)
    assert len(recorded) == 1 and len(recorded[0]) == len(doc.quotes) == 1
    choice = recorded[0][0]
    names = [c.name for c in choice.candidates]
    rule = next(k for k, fs in enumerate(choice.features) if RULE in fs)
    assert doc.quotes[0].speaker is not None and names[rule] == doc.quotes[0].speaker.name
    # the body and the person of the sentence before are candidates, with where they stand
    org = names.index("منظمة العفو الدولية")
    person = names.index("أحمد الكبير")
    assert "where=earlier&type=ORG" in choice.features[org] and "type=PER" in choice.features[person]
    # a preposition governs the body (بوفد من منظمة): a weak subject
    assert "governed" in choice.features[org]
    # the rules' speaker is an anonymous source of the body, whose name shares a word with it
    assert names[rule] == "مصدر في المنظمة" and "rule_anonymous" in choice.features[rule]
    assert "rule_head=anon" in choice.features[rule] and "shares_rule_word&longer" in choice.features[org]
    # nothing said inside the statement is a candidate
    assert all("السجون" not in n for n in names)


def test_the_model_may_replace_the_rules_speaker(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> None:
    # a model that prefers a fuller name sharing the rules' head word picks the named body
    model = SpeakerModel({"shares_rule_word&longer": 5.0}, rule_bonus=1.0)
    monkeypatch.setattr(ranker, "speaker_model", lambda: model)
    doc = make_doc(TEXT, entities=ENTITIES)
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    quote = doc.quotes[0]
    assert quote.speaker is not None and quote.speaker.name == "منظمة العفو الدولية"
    assert quote.speaker_text == "منظمة العفو الدولية"
    # with a large bonus on the rules' choice, the rules' speaker stands
    monkeypatch.setattr(ranker, "speaker_model", lambda: SpeakerModel({"shares_rule_word&longer": 5.0}, 100.0))
    doc = make_doc(TEXT, entities=ENTITIES)
    attribute_quotes(doc, QuotesConfig())
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name != "منظمة العفو الدولية"


def test_without_a_model_the_candidates_are_not_listed(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranker, "speaker_model", lambda: None)

    def fail() -> list[SpeakerChoice]:
        raise AssertionError("listed without a model")

    assert ranker.choose_speakers([], fail) == []
    doc = make_doc(TEXT, entities=ENTITIES)
    attribute_quotes(doc, QuotesConfig())
    assert len(doc.quotes) == 1


def test_packaged_model_matches_its_features() -> None:
    meta = read_json(ranker.METADATA)
    assert isinstance(meta, dict) and meta["features_version"] == ranker.FEATURES_VERSION
    model = ranker.speaker_model()
    if meta["rule_bonus"] >= ranker.RULES_ALWAYS:
        # the cross-validation found no gain over the rules: their choice stands, nothing is scored
        assert model is None
    else:
        assert model is not None and model.weights and 0.0 <= model.rule_bonus
        assert any(f.startswith("rule_") for f in model.weights)
