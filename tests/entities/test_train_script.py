"""scripts/train_ner.py still rebuilds the tagger: a small-sample run of its whole recipe."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def test_train_ner_sample_run_writes_a_working_model(tmp_path: Path) -> None:
    if not (SHARED / "data" / "ner" / "anercorp" / "ANERCorp.txt").exists():
        raise FileNotFoundError(f"{SHARED} is missing: the recipe reads ANERcorp and the ANT gold")
    subprocess.run([sys.executable, str(REPO / "scripts" / "train_ner.py"), "--shared", str(SHARED),
                    "--sample", "30", "--out", str(tmp_path)], check=True, capture_output=True, text=True)
    meta = json.loads((tmp_path / "ner-crf.json").read_text(encoding="utf-8"))
    data = meta["training_data"]
    # every source is there and digested: ANERcorp, the train-split gold, the silver ANT sentences
    assert all(len(data[k]["sha256"]) == 64 for k in ("anercorp", "gold", "silver"))
    assert data["gold"]["tokens"] > 0 and data["silver"]["tokens"] > 0
    assert meta["sample"] == 30
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "ner-crf.crfsuite"))
    labels = set(tagger.labels())
    # the gold types are learned beside ANERcorp's
    assert {"B-PER", "B-ORG", "B-GPE"} <= labels
    attributes = (tmp_path / "ner-crf.attributes").read_text(encoding="utf-8").split()
    assert "b" in attributes


def test_gold_forms_project_on_tokens_with_proclitics() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_ner
    finally:
        sys.path.pop(0)
    from marsad.text.segment import token_spans
    text = "أعلن والجيش السوري أن قوات للجيش السوري دخلت حلب وحلبا"
    tags = train_ner.project_forms(text, token_spans(text), [("الجيش السوري", "ORG"), ("حلب", "GPE")])
    assert tags == ["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O"]
