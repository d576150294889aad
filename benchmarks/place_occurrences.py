#!/usr/bin/env python3
"""Gazetteer names in annotated articles: made places only where the gold makes them places?

  python benchmarks/place_occurrences.py [--set train|validation|dev|dev-mashriq] [--shared ../shared]
                                         [--show-errors] [--dump FILE]

Development material for the places stage, drawn from gold that the learners may read (``train``: the
train half of train-ant and the extra ANT gold complete in entities, as scripts/training_gold.py joins
them) or that we only measure on (``validation``, ``dev``, ``dev-mashriq``). Every occurrence of a
gazetteer name in an article's text (the longest at each word, an attached proclitic taken off) is
labelled from the article's gold entities:

  place     a GPE/LOC/FAC entity of the gold has this name as a form, or ends with it (مدينة باتون روج)
  org       an ORG or PER entity has exactly this name (قناة الجزيرة's الجزيرة, the surname جمال)
  ordinary  no gold entity holds the name: the word is not a name here (مبلغ مالي، صور الهجوم)

(a name inside a longer ORG/PER name, جامعة تونس, is left out: the gold does not say whether the
place inside it is an entity.) Where a gold event's location is the name, the place's country and
admin1 are known too. An occurrence is read as a place when an entity mention overlapping it is
resolved to a place, as in benchmarks/place_readings.py. The figures: the share of ordinary and org
occurrences given no place, the share of place occurrences given a place, and of those with a known
country and admin1 the share placed right.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import marsad
from marsad.config import Config, PlacesConfig
from marsad.document import Document

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from place_gold import label, occurrences  # noqa: E402
from training_gold import training_golds  # noqa: E402


def load_scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("marsad_shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golds_of(set_name: str, shared: Path) -> list[dict[str, Any]]:
    if set_name == "train":
        return training_golds(shared, "entities", extra=True)[0]
    if set_name == "validation":
        ids = set(json.loads((REPO / "benchmarks" / "data" / "train-ant-split.json").read_text())["validation"])
        paths = [p for p in sorted((shared / "data" / "train-ant").glob("*.json")) if p.stem in ids]
    else:
        paths = sorted((shared / "data" / set_name).glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def read_as_place(doc: Document, start: int, end: int) -> list[tuple[str | None, str | None]]:
    places = {p.id: p for p in doc.places}
    return [(places[m.place_id].country, places[m.place_id].admin1) for m in doc.entities
            if m.place_id in places and m.start < end and start < m.end]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="train", choices=("train", "validation", "dev", "dev-mashriq"))
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--no-evidence", action="store_true", help="run without the place-evidence model")
    ap.add_argument("--dump", type=Path, help="write the labelled occurrences (ids and offsets) as JSONL")
    a = ap.parse_args()
    admin_key = load_scorer(a.shared).admin_key
    pipe = marsad.Pipeline(Config(places=PlacesConfig(use_evidence_model=not a.no_evidence)))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    dump = []
    for gold in golds_of(a.set, a.shared):
        doc = pipe.run(marsad.Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                                 "published": gold.get("published"), "text": gold["text"]}))
        for start, end, key in occurrences(doc.text):
            got = label(gold, key)
            if got is None:
                continue
            kind, country, admin1 = got
            found = read_as_place(doc, start, end)
            if kind == "place":
                ok = bool(found)
                if country:
                    total["placed"] += 1
                    good = any((c or "").upper() == country.upper()
                               and (not admin1 or admin_key(a1) == admin_key(admin1)) for c, a1 in found)
                    right["placed"] += good
                    ok = ok and good
            else:
                ok = not found
            total[kind] += 1
            right[kind] += ok
            dump.append({"id": gold["id"], "start": start, "end": end, "key": key, "kind": kind,
                         "country": country, "admin1": admin1})
            if a.show_errors and not ok:
                context = doc.text[max(0, start - 40):end + 40].replace("\n", " ")
                what = ", ".join(f"{c}/{a1}" for c, a1 in found) or "no place"
                want = f" want {country}/{admin1}" if country else ""
                print(f"  {kind:8} {doc.text[start:end]} -> {what}{want} | {context}")
    words = total["ordinary"] + total["org"]
    print(f"set {a.set}: ordinary words and org names given no place: "
          f"{(right['ordinary'] + right['org']) / max(1, words):.3f} "
          f"(ordinary {right['ordinary']}/{total['ordinary']}, org {right['org']}/{total['org']})")
    print(f"  places given a place: {right['place'] / max(1, total['place']):.3f} "
          f"({right['place']}/{total['place']}); with the event's country and admin1 right: "
          f"{right['placed'] / max(1, total['placed']):.3f} ({right['placed']}/{total['placed']})")
    if a.dump:
        a.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dump), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
