"""The shipped tagger: it matches the manifest and its metadata, and it scores on ANERcorp test."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

from marsad import resources
from marsad.entities.features import FEATURES_VERSION
from marsad.entities.lexicons import load_lexicons
from marsad.entities.tagger import MODEL, tagger

REPO = Path(__file__).resolve().parents[2]
ANERCORP = REPO.parent / "shared" / "data" / "ner" / "anercorp" / "ANERCorp.txt"
# Pinned below the measured micro-F1 (scripts/train_ner.py, features version 5). Trained on ANERcorp
# alone the model scored 0.695; with the annotated ANT articles and the silver ANT sentences it
# learns ANT's conventions (GPE/LOC/FAC, where names end) and scores about 0.66 on ANERcorp, whose
# conventions differ, while entity F1 on held-out ANT gold rises. The floor guards against a broken
# recipe, not against that trade.
ANERCORP_MICRO_F1_FLOOR = 0.64


def _train_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_ner", REPO / "scripts" / "train_ner.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ner"] = module
    spec.loader.exec_module(module)
    return module


def test_model_matches_manifest_and_metadata() -> None:
    entry = resources.manifest()["files"][MODEL]
    data = resources.read_bytes(MODEL)
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    meta = resources.read_json("models/ner-crf.json")
    assert meta["model_sha256"] == entry["sha256"]
    assert meta["features_version"] == FEATURES_VERSION
    assert meta["anercorp_test"]["micro"]["f1"] >= ANERCORP_MICRO_F1_FLOOR
    assert len(data) < 8_000_000  # a few MB, not a blob


def test_model_scores_on_anercorp_test() -> None:
    if not ANERCORP.exists():
        raise FileNotFoundError(f"{ANERCORP} is missing: the model is checked on ../shared data")
    train_ner = _train_script()
    _, test = train_ner.split(train_ner.read_anercorp(ANERCORP))
    test = [train_ner.retokenize(s) for s in test]
    model = tagger()
    features = train_ner.SentenceFeatures(load_lexicons(), model.features)
    gold = [[t for _, t in s] for s in test]
    pred = [train_ner.relabel(model._tagger.tag(features([w for w, _ in s])), train_ner.TO_ANERCORP)
            for s in test]
    scores = train_ner.evaluate(gold, pred)
    assert scores["micro"]["f1"] >= ANERCORP_MICRO_F1_FLOOR
    # the rule hints read the places gazetteer and the actor lexicon too, which other stages edit:
    # the score may drift a little from the one recorded at training time, not more
    recorded = resources.read_json("models/ner-crf.json")["anercorp_test"]["micro"]["f1"]
    assert scores["micro"]["f1"] == pytest.approx(recorded, abs=0.01)


def test_encoded_features_are_the_training_features_in_utf8() -> None:
    # the tagger hands crfsuite bytes; the model was trained on the same features as str
    features = tagger().features
    words = ["وقالت", "وزارة", "الداخلية", "إن", "هشام", "الفوراتي", "،", "2016", "Reuters", "."]
    hints = ["O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    for with_hints in (hints, None):
        plain = features.sequence(words, with_hints)
        assert features.encoded_sequence(words, with_hints) == [[f.encode() for f in row] for row in plain]
        assert any(f.startswith("bg=") for row in plain for f in row)


def test_chain_feature_follows_a_head_through_its_genitive_chain() -> None:
    # unknown names after a head noun (هيئة، وزارة ...) are where ORG recall was lost: each word of
    # the chain knows the head's class and how far back it stands, and the chain ends at a verb
    from marsad.entities.features import FeatureCache

    features = FeatureCache(load_lexicons())  # every feature, not only those the model knows
    words = ["أعلنت", "الهيئة", "الوطنية", "لمكافحة", "الفساد", "أن", "هيئة", "مكافحة", "التهريب", "قررت", "،"]
    chains = [[f for f in row if f.startswith("ch=")] for row in features.sequence(words)]
    assert chains == [[], [], ["ch=ORG1"], ["ch=ORG2"], ["ch=ORG3"], [], [], ["ch=ORG1"], ["ch=ORG2"], [], []]
