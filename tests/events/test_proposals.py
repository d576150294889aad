"""The proposal model: a candidate sentence paired with each sub-event type, and the events it adds."""

from __future__ import annotations

import pytest

import marsad
from marsad.config import Config, EventsConfig, PipelineConfig
from marsad.document import Article
from marsad.events import ARTICLE_MODEL
from marsad.events.candidates import CODE_OF_SUB_TYPE, Candidates, find_candidates
from marsad.events.combine import Thresholds, choose_drafts
from marsad.events.features import sentence_features
from marsad.events.model import EVENT, NONE, Detection, read_model, sentence_model
from marsad.events.proposals import PROPOSAL_MODEL, pair_features, propose_types
from marsad.pipeline import parse_published

# the rules code the attack the arrest is about (a noun with its place), not the arrest itself
ARREST_OF_ATTACKER = "ألقت الشرطة القبض على منفذ الهجوم على الكنيسة في سوسة أمس."
REJECTED = Detection(0.0, "Attack", 1.0, {"Attack": 1.0})


def _candidates(text: str) -> Candidates:
    config = Config(pipeline=PipelineConfig(on_error="raise"))
    stages = [s for s in marsad.Pipeline(config).stages if s.name != "events"]
    doc = marsad.Pipeline(config, stages=stages).run(Article(id="p", text=text, published="2017-03-14"))
    doc.cache["published_date"] = parse_published(doc.article.published)
    cands = find_candidates(doc, EventsConfig())
    assert cands is not None
    return cands


def _model(weights: list[tuple[str, str]], types: list[str]) -> marsad.events.model.SentenceModel:
    return read_model([(f, EVENT, w) for f, w in weights], {"labels": [EVENT, NONE], "types": types})


def test_pair_features_tell_whether_a_cue_codes_the_type_and_join_the_words_to_it() -> None:
    cands = _candidates(ARREST_OF_ATTACKER)
    [i] = cands.hits
    words = sentence_features(cands, i)
    arrest = pair_features(cands, i, "Arrests", words)
    attack = pair_features(cands, i, "Attack", words)
    assert "cue_codes_type" in arrest and "cue_codes_type" in attack  # القبض codes one, الهجوم the other
    assert "rule_other" in arrest and "rule_type" in attack  # the rules drafted the attack only
    assert "Arrests|w=القبض" in arrest and "Strategic developments|w=القبض" in arrest
    assert not any(f.startswith("Attack|") for f in arrest)
    assert arrest == sorted(set(arrest))


def test_propose_types_ranks_every_known_type_of_each_sentence() -> None:
    cands = _candidates(ARREST_OF_ATTACKER)
    features = {i: sentence_features(cands, i) for i in cands.hits}
    model = _model([("bias", "-2.0"), ("T=Arrests", "3.0")], ["Arrests", "Attack", "Peaceful protest"])
    [scored] = propose_types(model, cands, features).values()
    assert scored[0][1] == "Arrests"
    assert {t for _, t in scored} == {"Arrests", "Attack", "Peaceful protest"}
    assert scored[0][0] > 0.5 > scored[1][0]


def test_a_proposal_adds_the_type_no_kept_draft_has_once_and_only_above_its_threshold() -> None:
    cands = _candidates(ARREST_OF_ATTACKER)
    [i] = cands.hits
    kept = Detection(1.0, "Attack", 1.0, {"Attack": 1.0})
    proposals = {i: [(0.9, "Arrests"), (0.8, "Attack"), (0.2, "Peaceful protest")]}
    drafts = choose_drafts(cands, {i: kept}, Thresholds(0.5, 1.01, 1.01, 0.5, 0.5), proposals)
    assert [d.event.sub_event_type for d in drafts] == ["Attack", "Arrests"]  # the attack is kept already
    assert drafts[1].event.location is not None and drafts[1].event.location.name == "سوسة"
    strict = choose_drafts(cands, {i: kept}, Thresholds(0.5, 1.01, 1.01, 0.5, 0.95), proposals)
    assert [d.event.sub_event_type for d in strict] == ["Attack"]
    # a rejected sentence's drafts only fill a twin; with nothing else kept in the article, the
    # proposal needs the stricter pair_alone
    rejected = choose_drafts(cands, {i: REJECTED}, Thresholds(0.5, 1.01, 1.01, 0.5, 0.5, 0.85), proposals)
    assert [(d.event.sub_event_type, d.needs_twin) for d in rejected] == [("Attack", True), ("Arrests", False)]
    alone = choose_drafts(cands, {i: REJECTED}, Thresholds(0.5, 1.01, 1.01, 0.5, 0.5, 0.95), proposals)
    assert [(d.event.sub_event_type, d.needs_twin) for d in alone] == [("Attack", True)]


def test_packaged_proposer_knows_codable_types_and_its_threshold_sits_with_the_event_model() -> None:
    proposer = sentence_model(PROPOSAL_MODEL)
    types = proposer.meta["types"]
    assert types and all(t in CODE_OF_SUB_TYPE for t in types)
    assert len(proposer.meta["training_data_sha256"]) == 64
    article = sentence_model(ARTICLE_MODEL)
    assert 0.0 <= article.threshold("pair") <= article.threshold("pair_alone") <= 1.01


@pytest.mark.parametrize(("text", "places"), [
    # violence across several countries named by one clause: a statement, one event
    ("شن تنظيم داعش هجمات في العراق وسوريا وليبيا أمس أسفرت عن مقتل 20 شخصا.", ["العراق"]),
    # marches are held in each country
    ("خرج آلاف المتظاهرين في مسيرات في تونس والجزائر أمس تنديدا بالغلاء.", ["تونس", "الجزائر"]),
])
def test_one_violent_event_for_a_clause_naming_only_countries(text: str, places: list[str]) -> None:
    doc = marsad.Pipeline(Config(events=EventsConfig(mode="rules"))).run(
        Article(id="c", text=text, published="2017-03-14"))
    assert [e.location.name if e.location else None for e in doc.events] == places


def test_proposals_score_each_pair_as_the_model_scores_its_features() -> None:
    cands = _candidates(ARREST_OF_ATTACKER + " وتظاهر المئات في تونس أمس احتجاجا على الهجوم.")
    features = {i: sentence_features(cands, i) for i in cands.hits}
    model = sentence_model(PROPOSAL_MODEL)
    fast = propose_types(model, cands, features)
    for i, scored in fast.items():
        for p, t in scored:
            assert p == pytest.approx(model.detect(pair_features(cands, i, t, features[i])).p_event, abs=1e-6)


# a nominal cue with no evidence the rules accept (no date, no toll, no occurrence verb): no draft
SIT_IN = "ينفذ الأطباء وقفة احتجاجية أمام المستشفى الجهوي بالقصرين."
ATTACK_THEN_SIT_IN = "قتل مسلحون ثلاثة جنود في هجوم على ثكنة في سيناء أمس. " + SIT_IN.replace("بالقصرين", "بالعريش")
PROTEST = Detection(0.6, "Peaceful protest", 1.0, {"Peaceful protest": 1.0})
KEPT = Detection(1.0, "Armed clash", 1.0, {"Armed clash": 1.0})


def test_the_detector_proposes_an_event_the_rules_vetoed_by_propose_and_alone_by_propose_alone() -> None:
    alone = _candidates(SIT_IN)
    [i] = alone.hits
    assert not alone.drafts[i]
    lenient = Thresholds(0.5, 0.5, 1.01, 0.5, 1.01, 1.01, 0.5)
    assert [d.event.sub_event_type for d in choose_drafts(alone, {i: PROTEST}, lenient)] == ["Peaceful protest"]
    # nothing else stands in the article: the detector's own event needs propose_alone
    strict_alone = Thresholds(0.5, 0.5, 1.01, 0.5, 1.01, 1.01, 0.9)
    assert choose_drafts(alone, {i: PROTEST}, strict_alone) == []
    beside = _candidates(ATTACK_THEN_SIT_IN)
    assert sorted(beside.hits) == [0, 1] and beside.drafts[0] and not beside.drafts[1]
    drafts = choose_drafts(beside, {0: KEPT, 1: PROTEST}, strict_alone)
    assert [d.event.sub_event_type for d in drafts] == ["Armed clash", "Peaceful protest"]
    # the sit-in's place: the regional hospital of Arish, a facility named by the town it serves
    location = drafts[1].event.location
    assert location is not None and location.name.endswith("العريش") and location.admin1 == "North Sinai"
    # below propose, even beside another event
    assert [d.event.sub_event_type for d in choose_drafts(beside, {0: KEPT, 1: PROTEST},
                                                          Thresholds(0.5, 0.7, 1.01, 0.5))] == ["Armed clash"]
