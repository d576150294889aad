"""benchmarks/place_readings.py: its data points into the corpus, and its judge reads places as the issue asks."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from marsad.document import Place

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("place_readings", REPO / "benchmarks" / "place_readings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["place_readings"] = module
    spec.loader.exec_module(module)
    return module


PR = _module()
ADMIN_KEY = PR.admin_key_of(SHARED)


def test_an_ordinary_word_is_right_only_without_a_place() -> None:
    muscat = Place(id="p1", name="مسقط", kind="city", country="OM", admin1="Muscat")
    row = {"kind": "ordinary", "country": None, "admin1": None}
    assert PR.judge(row, [], ADMIN_KEY)[0]
    assert not PR.judge(row, [muscat], ADMIN_KEY)[0]


def test_a_place_needs_its_country_and_admin1_in_any_spelling() -> None:
    idlib = Place(id="p1", name="خان شيخون", kind="city", country="SY", admin1="Idlib")
    row = {"kind": "place", "country": "SY", "admin1": "Idleb"}
    assert PR.judge(row, [idlib], ADMIN_KEY)[0]
    assert not PR.judge({**row, "admin1": "Hama"}, [idlib], ADMIN_KEY)[0]
    assert not PR.judge(row, [], ADMIN_KEY)[0]


def test_the_data_points_into_the_corpus_text() -> None:
    rows = [json.loads(x) for x in PR.DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) == 180 and {r["kind"] for r in rows} == {"ordinary", "outlet", "place"}
    wanted = {r["id"] for r in rows}
    texts = {}
    with (SHARED / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    assert all(texts[r["id"]][r["start"]:r["end"]] == r["surface"] for r in rows)
