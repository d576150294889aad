"""benchmarks/entity_errors.py sorts the scorer's unmatched entities into kinds; each kind on a small case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _module(folder: str, name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / folder))
    spec = importlib.util.spec_from_file_location(name, REPO / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EE = _module("benchmarks", "entity_errors")
SC = EE.load_scorer(REPO.parent / "shared")


def test_kinds_of_entity_errors() -> None:
    gold = {"entities": [
        {"type": "ORG", "canonical": "وزارة الداخلية", "aliases": []},  # matched
        {"type": "ORG", "canonical": "حركة النهضة", "aliases": []},  # found as a place: type
        {"type": "ORG", "canonical": "الوحدة الوطنية للبحث في جرائم الإرهاب", "aliases": []},  # cut short
        {"type": "PER", "canonical": "يوسف الشاهد", "aliases": []},  # missed, seen in training
        {"type": "ORG", "canonical": "المرصد السوري لحقوق الإنسان", "aliases": ["المرصد"]},  # split in two
    ]}
    pred = {"entities": [
        {"type": "ORG", "text": "وزارة الداخلية"}, {"type": "GPE", "text": "حركة النهضة"},
        {"type": "ORG", "text": "الوحدة الوطنية"}, {"type": "GPE", "text": "القصرين"},
        {"type": "ORG", "text": "المرصد"}, {"type": "ORG", "text": "المرصد السوري لحقوق الإنسان"},
    ]}
    errors = EE.classify(gold, pred, SC, seen={SC.norm("يوسف الشاهد")})
    kinds = sorted((kind, etype) for kind, etype, _ in errors)
    assert kinds == [("boundary unseen", "ORG"), ("false", "GPE"), ("false, a gold entity's name", "ORG"),
                     ("missed seen", "PER"), ("type ORG->GPE unseen", "ORG")]


def test_folds_partition_the_ids() -> None:
    train_ner = _module("scripts", "train_ner")
    ids = [f"a{i:03}" for i in range(23)]
    folds = [train_ner.fold_ids(ids, f"{k}/5") for k in range(5)]
    assert set().union(*folds) == set(ids)
    assert sum(map(len, folds)) == len(ids)
    assert train_ner.fold_ids(ids, "1/5") == {ids[i] for i in range(1, 23, 5)}
