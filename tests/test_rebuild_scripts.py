"""Every learned artefact still rebuilds: each training script runs its whole recipe on a small sample.

The packaged weights are what the scripts write on the full data (README, "Rebuilding the packaged
data"); here each runs with ``--sample`` into a temporary folder, and what it writes must be a model
the package can read, with its data digest recorded. (The entity tagger's own test is
tests/entities/test_train_script.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.events.model import read_model

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def run_script(name: str, *args: str) -> None:
    if not (SHARED / "data" / "train-ant").is_dir():
        raise FileNotFoundError(f"{SHARED} is missing: the recipes read its gold and corpora")
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / f"{name}.py"), "--shared", str(SHARED), *args],
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]


def weight_rows(path: Path, columns: int) -> list[list[str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert rows and all(len(r) == columns for r in rows), path
    for r in rows:
        float(r[-1])
    return rows


@pytest.mark.slow
def test_actor_ranker_rebuilds(tmp_path: Path) -> None:
    uncovered = tmp_path / "uncovered.jsonl"
    run_script("train_actor_ranker", "--sample", "25", "--folds", "2", "--out", str(tmp_path),
               "--uncovered", str(uncovered))
    meta = json.loads((tmp_path / "actor-ranker.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 25 and len(meta["training_data_sha256"]) == 64
    roles = {r[0] for r in weight_rows(tmp_path / "actor-ranker.tsv", 3)}
    assert roles == {"actor1", "actor2"}
    # the events no candidate covers, as many as the report counts short of the events
    rows = [json.loads(line) for line in uncovered.read_text(encoding="utf-8").splitlines()]
    for role in ("actor1", "actor2"):
        report = meta["cross_validated"][role]
        assert sum(r["role"] == role for r in rows) == report["events"] - report["with_a_right_candidate"]


@pytest.mark.slow
def test_place_ranker_rebuilds(tmp_path: Path) -> None:
    listed = tmp_path / "wrong.jsonl"
    run_script("train_event_places", "--sample", "25", "--folds", "2", "--l2", "1", "--out", str(tmp_path),
               "--list", str(listed))
    meta = json.loads((tmp_path / "place-ranker.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 25 and len(meta["training_data_sha256"]) == 64
    assert weight_rows(tmp_path / "place-ranker.tsv", 2)
    report = meta["cross_validated"]
    # the events whose rules' place is wrong, as many as the report counts short of the events
    rows = listed.read_text(encoding="utf-8").splitlines()
    assert len(rows) == report["events"] - report["rules_right"]


@pytest.mark.slow
def test_sentence_mode_models_rebuild(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_event_sentences", "--sample", "40", "--folds", "2", "--draws", "1", "--c2", "10",
               "--out", str(tmp_path))
    for family in ("assault", "protest"):
        meta = json.loads((tmp_path / "models" / f"event-{family}-sentences.json").read_text(encoding="utf-8"))
        assert meta["sample"] == 40 and len(meta["training_data_sha256"]) == 64
        rows = weight_rows(tmp_path / "models" / f"event-{family}-sentences.tsv", 3)
        model = read_model([tuple(r) for r in rows], meta)
        assert 0.0 <= meta["thresholds"]["sentence"] <= 1.0 and model.labels


@pytest.mark.slow
def test_event_confidence_model_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_event_confidence", "--sample", "40", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "event-confidence.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 40
    assert weight_rows(tmp_path / "models" / "event-confidence.tsv", 2)


@pytest.mark.slow
def test_event_detector_and_proposer_rebuild(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_event_detector", "--sample", "20", "--folds", "2", "--nested", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "event-detector.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 20 and len(meta["training_data_sha256"]) == 64
    # the nested cross-validation scored every operating point on outer folds, each article once
    nested = meta["nested_cross_validated"]
    assert {"rules_alone", "keep_0.2", "build_923", "searched", "selected"} <= set(nested)
    assert len({nested[name]["gold"] for name in ("rules_alone", "searched", "selected")}) == 1
    assert len(nested["per_fold"]) == 2
    model = read_model([tuple(r) for r in weight_rows(tmp_path / "models" / "event-detector.tsv", 3)], meta)
    assert "none" in model.labels and set(meta["thresholds"]) >= {"keep", "propose", "retype", "keep_told"}
    assert weight_rows(tmp_path / "models" / "event-proposer.tsv", 3)


@pytest.mark.slow
def test_recalled_events_model_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_recalled_events", "--sample", "30", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "recalled-events.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 30 and len(meta["training_data_sha256"]) == 64
    model = read_model([tuple(r) for r in weight_rows(tmp_path / "models" / "recalled-events.tsv", 3)], meta)
    assert "none" in model.labels and 0.0 < meta["threshold"] <= 1.01


@pytest.mark.slow
def test_historical_reading_model_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_historical_events", "--sample", "30", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "historical-events.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 30 and len(meta["training_data_sha256"]) == 64
    model = read_model([tuple(r) for r in weight_rows(tmp_path / "models" / "historical-events.tsv", 3)], meta)
    assert "none" in model.labels and set(meta["thresholds"]) == {"keep", "add"}


@pytest.mark.slow
def test_article_gate_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_article_gate", "--sample", "20", "--folds", "2", "--section-negatives", "3",
               "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "article-gate.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 20 and len(meta["training_data_sha256"]) == 64 and meta["section_negatives"] == 3
    model = read_model([tuple(r) for r in weight_rows(tmp_path / "models" / "article-gate.tsv", 3)], meta)
    assert set(model.labels) == {"event", "none"}
    assert 0.0 <= model.threshold("drop_all") <= model.threshold("drop_weak") <= 1.01


@pytest.mark.slow
def test_article_gate_nested_choice(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_article_gate", "--sample", "20", "--folds", "2", "--section-negatives", "0,3", "--c2", "1",
               "--min-count", "2", "--nested", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "article-gate.json").read_text(encoding="utf-8"))
    nested = meta["nested_cross_validated"]
    assert {"off", "strict_0.1", "build_923", "searched"} <= set(nested) and len(nested["per_fold"]) == 2
    # the gate that never drops leaves every article's events: its outer figures are those without a gate
    assert nested["off"]["matched"] == meta["cross_validated"]["without"]["matched"]
    assert 0.0 <= meta["thresholds"]["drop_all"] <= meta["thresholds"]["drop_weak"] <= 1.01


@pytest.mark.slow
def test_place_evidence_model_rebuilds(tmp_path: Path) -> None:
    run_script("train_place_evidence", "--sample", "20", "--folds", "2", "--epochs", "50", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "place-evidence.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 20 and len(meta["training_data_sha256"]) == 64
    assert 0.0 < meta["threshold"] < 1.0
    assert weight_rows(tmp_path / "models" / "place-evidence.tsv", 2)
    usage = [line.split("\t") for line in (tmp_path / "gazetteer" / "name-usage.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert usage and all(len(r) == 7 and int(r[1]) >= 0 and 0.0 <= float(r[2]) <= 1.0 for r in usage)
    # the attached-letters column: letters:log-ratio items, with the ratio of letters never written (*)
    assert all(r[6].split("|")[-1].startswith("*:") for r in usage if int(r[1]) > 0 and " " not in r[0])
    # a name the corpus never writes has a row only when it is shaped like a word of it (درعا: درع)
    assert all(float(r[3]) > 0 or float(r[4]) > 0 for r in usage if int(r[1]) == 0)


@pytest.mark.slow
def test_speaker_ranker_rebuilds(tmp_path: Path) -> None:
    run_script("train_speaker_ranker", "--sample", "20", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "speaker-ranker.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 20 and len(meta["training_data_sha256"]) == 64
    assert meta["rule_bonus"] >= 0.0 and 0.0 < meta["cross_validated"]["attributed_f1_rules"] <= 1.0
    assert weight_rows(tmp_path / "speaker-ranker.tsv", 2)


@pytest.mark.slow
def test_quote_continuations_rebuild(tmp_path: Path) -> None:
    run_script("train_quote_continuations", "--sample", "20", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "continuations.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 20 and len(meta["training_data_sha256"]) == 64
    rows = weight_rows(tmp_path / "continuations.tsv", 4)
    assert all(int(r[2]) <= int(r[1]) for r in rows)
    assert (tmp_path / "continuation-participles.tsv").read_text(encoding="utf-8").startswith("#")


@pytest.mark.slow
def test_vetoed_sentence_model_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run_script("train_vetoed_events", "--sample", "40", "--folds", "2", "--out", str(tmp_path))
    meta = json.loads((tmp_path / "models" / "event-vetoed.json").read_text(encoding="utf-8"))
    assert meta["sample"] == 40 and len(meta["training_data_sha256"]) == 64
    model = read_model([tuple(r) for r in weight_rows(tmp_path / "models" / "event-vetoed.tsv", 3)], meta)
    assert set(model.labels) == {"event", "none"} and meta["c2"] in meta["c2_tried"]
    assert meta["min_count"] in meta["min_counts_tried"]
