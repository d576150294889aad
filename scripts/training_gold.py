"""The gold the learners may train on: the train half of train-ant, the extra ANT gold of the repo, and
the shared GSR half; and the precision/recall arithmetic their cross-validation reports.

``benchmarks/data/train-ant-split.json`` names the train half of ``<shared>/data/train-ant`` (the
validation half is never read here). ``benchmarks/data/gold-ant-extra/<id>.json`` holds further ANT
articles annotated for marsad from the text alone, before marsad was run on them, in the gold format
of ``<shared>/eval/SCHEMA.md`` without ``text`` and ``title``: the text stays in
``<shared>/data/corpus/ant-v1.1.jsonl`` and is joined here by id. An extra file lists in
``complete`` the layers ("events", "quotes", "entities") annotated in full; a learner of a layer
reads only the files complete in it, since a partial layer would teach it false negatives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SPLIT = REPO / "benchmarks" / "data" / "train-ant-split.json"
EXTRA = REPO / "benchmarks" / "data" / "gold-ant-extra"


def corpus_records(shared: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The ANT corpus records (id, title, text, ...) of the given article ids, by id."""
    found: dict[str, dict[str, Any]] = {}
    if not ids:
        return found
    with (shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record
    return found


def training_golds(shared: Path, layer: str, *, extra: bool = True,
                   sample: int = 0) -> tuple[list[dict[str, Any]], str]:
    """The gold articles of the train half (and the extra gold complete in ``layer``), and their digest.

    Args:
        shared: the ``shared`` folder beside the repo.
        layer: "events", "quotes" or "entities": extra files not complete in it are left out.
        extra: whether to add the repo's extra ANT gold at all.
        sample: if positive, only the first ``sample`` articles of each source by id (a quick run of a
            recipe, as the test suite makes to prove each script still rebuilds its artefact).

    Returns:
        The gold dicts (each with ``text`` and ``title``), sorted by id, and a SHA-256 over the files read.
    """
    train = set(json.loads(SPLIT.read_text(encoding="utf-8"))["train"])
    digest = hashlib.sha256()
    golds: list[dict[str, Any]] = []
    paths = sorted((shared / "data" / "train-ant").glob("*.json"))
    kept = [p for p in paths if json.loads(p.read_bytes())["id"] in train]
    for path in kept[:sample] if sample > 0 else kept:
        raw = path.read_bytes()
        gold = json.loads(raw)
        if gold["id"] in train:
            digest.update(path.name.encode())
            digest.update(raw)
            golds.append(gold)
    if extra and EXTRA.is_dir():
        extras = []
        for path in sorted(EXTRA.glob("*.json")):
            raw = path.read_bytes()
            gold = json.loads(raw)
            if layer in gold.get("complete", []) and not (0 < sample <= len(extras)):
                digest.update(path.name.encode())
                digest.update(raw)
                extras.append(gold)
        records = corpus_records(shared, {g["id"] for g in extras})
        for gold in extras:
            record = records.get(gold["id"])
            if record is None:
                raise SystemExit(f"extra gold {gold['id']}: no such article in the ANT corpus")
            golds.append({**gold, "text": record["text"], "title": record.get("title")})
    golds.sort(key=lambda g: g["id"])
    return golds, digest.hexdigest()


def gsr_sentences(shared: Path, kind: str, *, sample: int = 0) -> tuple[list[dict[str, Any]], bytes]:
    """The labelled sentences of one family ("assault", "protest") of the shared GSR half, and the file's bytes.

    "ambiguous" sentences are left out; each record gets ``article``, the id of the article the sentence
    came from (GSR ids are "<kind>-<article id>-<sentence number>"), for folds grouped by article. With a
    positive ``sample``, only the sentences of the first ``sample`` articles (a quick run of a recipe).
    """
    raw = (shared / "data" / "gsr" / f"{kind}-dev.jsonl").read_bytes()
    records = []
    for line in raw.decode("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record["label"] != "ambiguous":
            records.append({**record, "article": record["id"].split("-", 1)[1].rsplit("-", 1)[0]})
    if sample > 0:
        articles = list(dict.fromkeys(r["article"] for r in records))[:sample]
        records = [r for r in records if r["article"] in set(articles)]
    return records, raw


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (rounded to three places, as the scorers print them) of the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def training_arguments(description: str | None) -> argparse.ArgumentParser:
    """The arguments every event trainer takes (--shared, --folds, --out, --sample); each adds its own."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "data")
    ap.add_argument("--sample", type=int, default=0,
                    help="only the first N articles of each source: a quick run that proves the recipe (tests)")
    return ap


def write_weight_rows(path: Path, header: str, weights: Iterable[tuple[str, str, float]]) -> None:
    """A log-linear model's weights as the packaged TSV: the header's comment lines, then feature, label, weight."""
    path.write_text(header + "".join(f"{f}\t{label}\t{w:.4f}\n" for f, label, w in weights), encoding="utf-8")


# what the event-stage trainers learn from, as their metadata records it
EVENTS_TRAINING_DATA = ("shared/data/train-ant, train split of benchmarks/data/train-ant-split.json, "
                        "and benchmarks/data/gold-ant-extra (events complete)")


def write_model_files(models: Path, model: str, header: str, weights: Sequence[tuple[str, str, float]],
                      meta: dict[str, Any]) -> Path:
    """A packaged model's weights (``<model>.tsv``, see write_weight_rows) and its metadata (``<model>.json``);
    returns the weights' path."""
    path = models / f"{model}.tsv"
    write_weight_rows(path, header, weights)
    (models / f"{model}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
