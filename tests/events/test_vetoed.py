"""The vetoed-sentence model: abstract features of a sentence whose cues the rules all vetoed, and its events."""

from __future__ import annotations

import marsad
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article
from marsad.events.candidates import Candidates, find_candidates
from marsad.events.combine import Thresholds, choose_drafts
from marsad.events.model import EVENT, NONE, Detection, read_model
from marsad.events.vetoed import VETOED_FEATURES_VERSION, vetoed_features, vetoed_model, vetoed_probabilities
from marsad.pipeline import parse_published

# a nominal cue with no evidence the rules accept (no date, no toll, no occurrence verb): no draft
SIT_IN = "ينفذ الأطباء وقفة احتجاجية أمام المستشفى الجهوي بالقصرين."
ATTACK_THEN_SIT_IN = "قتل مسلحون ثلاثة جنود في هجوم على ثكنة في سيناء أمس. " + SIT_IN.replace("بالقصرين", "بالعريش")
# a condemnation governs the attack it names: the rules veto the cue
CONDEMNED = "أدانت الحكومة الهجوم على الكنيسة."
PROTEST = Detection(0.3, "Peaceful protest", 1.0, {"Peaceful protest": 1.0})
KEPT = Detection(1.0, "Armed clash", 1.0, {"Armed clash": 1.0})


def _candidates(text: str) -> Candidates:
    config = Config(pipeline=PipelineConfig(on_error="raise"))
    stages = [s for s in marsad.Pipeline(config).stages if s.name != "events"]
    doc = marsad.Pipeline(config, stages=stages).run(Article(id="v", text=text, published="2017-03-14"))
    doc.cache["published_date"] = parse_published(doc.article.published)
    cands = find_candidates(doc, EventsConfig())
    assert cands is not None
    return cands


def test_the_features_name_the_veto_the_cue_and_the_article_around_it() -> None:
    cands = _candidates(CONDEMNED)
    [i] = cands.hits
    assert not cands.drafts[i]
    features = vetoed_features(cands, i)
    assert "veto=reaction" in features and "veto=reaction|violence" in features
    assert "aspect=N" in features and "position=headline" in features
    assert "article_drafts=0" in features and "family_drafted_elsewhere=0" in features
    assert features == sorted(set(features))
    beside = _candidates(ATTACK_THEN_SIT_IN)
    sit_in = vetoed_features(beside, 1)
    assert "article_drafts=1" in sit_in and "drafted_before=1" in sit_in and "family=protest" in sit_in
    assert "family_drafted_elsewhere=0" in sit_in  # the rules drafted violence, the sit-in is a protest


def test_only_sentences_without_a_rule_draft_are_scored() -> None:
    cands = _candidates(ATTACK_THEN_SIT_IN)
    model = read_model([("bias", EVENT, "0.0")], {"labels": [EVENT, NONE]})
    assert vetoed_probabilities(model, cands) == {1: 0.5}


def test_a_vetoed_sentence_gets_the_detectors_type_above_the_vetoed_threshold() -> None:
    beside = _candidates(ATTACK_THEN_SIT_IN)
    detections = {0: KEPT, 1: PROTEST}
    off = Thresholds(0.5, 1.01, 1.01, 0.5)
    assert [d.event.sub_event_type for d in choose_drafts(beside, detections, off, None, {1: 0.9})] == ["Armed clash"]
    on = Thresholds(0.5, 1.01, 1.01, 0.5, vetoed=0.6, vetoed_alone=0.95)
    drafts = choose_drafts(beside, detections, on, None, {1: 0.7})
    assert [d.event.sub_event_type for d in drafts] == ["Armed clash", "Peaceful protest"]
    # the sit-in's place: the regional hospital of Arish, a facility named by the town it serves
    location = drafts[1].event.location
    assert location is not None and location.name.endswith("العريش") and location.admin1 == "North Sinai"
    assert [d.event.sub_event_type for d in choose_drafts(beside, detections, on, None, {1: 0.5})] == ["Armed clash"]
    # nothing else stands in the article: the sentence needs vetoed_alone
    alone = _candidates(SIT_IN)
    assert choose_drafts(alone, {0: PROTEST}, on, None, {0: 0.9}) == []
    assert [d.event.sub_event_type for d in choose_drafts(alone, {0: PROTEST}, on, None, {0: 0.96})] == [
        "Peaceful protest"]


def test_the_packaged_model_reads_its_own_features() -> None:
    model = vetoed_model()
    assert model.meta["features_version"] == VETOED_FEATURES_VERSION
    assert set(model.labels) == {EVENT, NONE}
    assert any(f.startswith("veto=") for f in model.rows)
