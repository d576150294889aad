"""The learners' data: the train/validation split drawn once, and the extra ANT gold kept without text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _script(name: str) -> ModuleType:
    path = REPO / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_split_is_the_one_drawn_and_halves_do_not_meet() -> None:
    split_script = _script("split_train_ant")
    committed = json.loads(split_script.SPLIT.read_text(encoding="utf-8"))
    assert split_script.draw(SHARED / "data" / "train-ant") == committed
    assert not set(committed["train"]) & set(committed["validation"])
    assert len(committed["validation"]) == 60 and len(committed["train"]) == 166


def test_extra_gold_holds_no_text_and_its_strings_are_in_the_corpus() -> None:
    training_gold = _script("training_gold")
    validation = set(json.loads(training_gold.SPLIT.read_text(encoding="utf-8"))["validation"])
    files = sorted(Path(training_gold.EXTRA).glob("*.json"))
    assert files
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert "text" not in gold and "title" not in gold, path.name  # the text stays in ../shared
        assert gold["id"] not in validation
    golds, digest = training_gold.training_golds(SHARED, "events")
    extras = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    extra = {g["id"] for g in extras if "events" in g.get("complete", [])}  # the layer asked for
    joined = [g for g in golds if g["id"] in extra]
    assert len(joined) == len(extra) and len(digest) == 64
    for gold in joined:
        text = gold["text"]
        for event in gold["events"]:
            assert event["evidence"] in text, (gold["id"], event["evidence"])
        for quote in gold["quotes"]:
            assert quote["quote_head"] in text, (gold["id"], quote["quote_head"])
        for entity in gold["entities"]:
            for alias in entity.get("aliases", []):
                assert alias in text, (gold["id"], alias)
    assert not validation & {g["id"] for g in golds}  # the learners never see the validation half


def test_ranker_labels_credit_a_description_as_the_scorer_does() -> None:
    # train_actor_ranker imports training_gold as a sibling script
    sys.path.insert(0, str(REPO / "scripts"))
    trainer = _script("train_actor_ranker")
    score = trainer.load_scorer(SHARED)
    from marsad.events.arguments.actor_candidates import Candidate

    sit_in = Candidate(name="المعتصمين", source="described", kind="protesters")
    gunmen = Candidate(name="مسلحين", source="described", kind="armed")
    english = trainer.coded_english(sit_in, "Protests", "TN")
    assert english == "Protesters (Tunisia)"
    # the scorer reads a generic English only through an actor record: the result lists no
    # Protesters record (actor_ranker.is_listed), so only the names count for معتصمو الكامور
    assert not trainer.right_for(score, "معتصمو الكامور", sit_in, english)
    assert trainer.right_for(score, "المعتصمين", sit_in, english)
    # an Unidentified Armed Group is listed: the scorer takes it for a gold null and for another
    # description of its kind
    armed = trainer.coded_english(gunmen, "Battles", "LY")
    assert trainer.right_for(score, None, gunmen, armed)
    assert trainer.right_for(score, "مجموعة إرهابية", gunmen, armed)
    assert not trainer.right_for(score, "الحرس الوطني", sit_in, english)


def test_heldout_gold_is_apart_from_all_training_gold_and_its_strings_are_in_the_corpus() -> None:
    training_gold = _script("training_gold")
    heldout_dir = REPO / "benchmarks" / "data" / "gold-ant-heldout"
    heldout = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in heldout_dir.glob("*.json")}
    assert len(heldout) == 80
    for layer in ("events", "quotes", "entities"):
        golds, _ = training_gold.training_golds(SHARED, layer)
        assert not heldout & {g["id"] for g in golds}  # no learner reads the held-out gold
    sys.path.insert(0, str(REPO / "benchmarks"))
    import quality_gate

    joined = quality_gate.gold_articles(SHARED, "heldout")
    assert {g["id"] for g in joined} == heldout
    for gold in joined:
        assert gold["text"] and all(e["evidence"] in gold["text"] for e in gold["events"])
    assert sum(len(g["events"]) for g in joined) == 94


def test_stream_gold_is_a_random_sample_apart_from_all_other_gold() -> None:
    training_gold = _script("training_gold")
    sys.path.insert(0, str(REPO / "benchmarks"))
    import quality_gate

    stream = quality_gate.gold_articles(SHARED, "stream")
    ids = {g["id"] for g in stream}
    assert len(ids) == 100 and all(g["complete"] == ["events"] for g in stream)
    assert sum(1 for g in stream if not g["events"]) == 84  # most of a news stream reports no event
    heldout = {g["id"] for g in quality_gate.gold_articles(SHARED, "heldout")}
    golds, _ = training_gold.training_golds(SHARED, "events")
    assert not ids & heldout and not ids & {g["id"] for g in golds}
    for gold in stream:
        assert all(e["evidence"] in gold["text"] for e in gold["events"])


def test_no_gold_to_learn_from_repeats_a_held_out_article() -> None:
    # the corpus holds some articles twice under two ids: a copy in the training gold would leak a
    # held-out article into the learners (compared by the first 400 letters, spaces left out)
    data = REPO / "benchmarks" / "data"
    held_out = {json.loads(p.read_text(encoding="utf-8"))["id"]
                for folder in ("gold-ant-heldout", "gold-ant-stream") for p in (data / folder).glob("*.json")}
    learned = {json.loads(p.read_text(encoding="utf-8"))["id"]
               for folder in ("gold-ant-extra", "gold-ant-pending") for p in (data / folder).glob("*.json")}
    opening: dict[str, set[str]] = {}
    with (SHARED / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in held_out or record["id"] in learned:
                opening.setdefault("".join(record["text"].split())[:400], set()).add(record["id"])
    assert held_out and learned
    assert not [ids for ids in opening.values() if ids & held_out and ids & learned]
