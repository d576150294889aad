"""scripts/build_actors.py: state bodies, merging priorities, and the built file against its sources."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from marsad.resources import read_tsv

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_actors.py"
DATA = SCRIPT.parent.parent / "src" / "marsad" / "data" / "actors"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actors"] = module
    spec.loader.exec_module(module)
    return module


def test_state_bodies_inflect_adjectives(build: ModuleType) -> None:
    countries = [build.CountryRow(iso2="IQ", name="العراق", adjs=["عراقي"], name_en="Iraq", dem="Iraqi")]
    templates = [["gov", "ORG", "الحكومة {f}|حكومة {c}", "Government of {en}", "state", "1"],
                 ["mil", "ORG", "الجيش {m}", "Military Forces of {en}", "state", "1"]]
    rows = build.state_body_rows(countries, templates)
    assert rows == [
        ["iq-gov", "ORG", "الحكومة العراقية", "حكومة العراق", "Government of Iraq", "state", "1", "IQ", ""],
        ["iq-mil", "ORG", "الجيش العراقي", "", "Military Forces of Iraq", "state", "1", "IQ", ""],
    ]


def test_merge_priorities(build: ModuleType) -> None:
    curated = [["us-forces", "ORG", "القوات الأميركية", "الجيش الأميركي", "US", "state", "1", "US", ""],
               ["lb-party", "ORG", "القوات اللبنانية", "", "Lebanese Forces", "political", "", "LB", ""]]
    state = [["us-mil", "ORG", "الجيش الأميركي", "القوات الأميركية", "x", "state", "1", "US", ""],
             ["lb-mil", "ORG", "الجيش اللبناني", "القوات اللبنانية", "y", "state", "1", "LB", ""]]
    cameo = [["cameo-1", "PER", "القوات الأميركية", "", "", "state", "1", "US", ""]]
    rows = build.merge([("curated", curated), ("state", state), ("cameo", cameo)])
    assert [r[0] for r in rows] == ["us-forces", "lb-party", "lb-mil"]
    assert rows[2][2:4] == ["الجيش اللبناني", ""]


def test_merge_folds_a_template_into_its_curated_twin(build: ModuleType) -> None:
    en = "Military Forces of Syria"
    curated = [["sy-army", "ORG", "قوات النظام", "", en, "state", "1", "SY", ""]]
    state = [["sy-mil", "ORG", "الجيش السوري", "قوات النظام", en, "state", "1", "SY", ""]]
    rows = build.merge([("curated", curated), ("state", state)])
    assert [r[:4] for r in rows] == [["sy-army", "ORG", "قوات النظام", "الجيش السوري"]]


def test_merge_makes_a_shorter_cameo_name_an_alias(build: ModuleType) -> None:
    cameo = [["cameo-1", "PER", "عمر حسن البشير", "", "", "state", "1", "SD", ""],
             ["cameo-2", "PER", "عمر البشير", "", "", "state", "1", "SD", ""],
             ["cameo-3", "PER", "عمر سليمان", "", "", "state", "1", "EG", ""]]
    rows = build.merge([("cameo", cameo)])
    assert [r[:4] for r in rows] == [["cameo-1", "PER", "عمر حسن البشير", "عمر البشير"],
                                     ["cameo-3", "PER", "عمر سليمان", ""]]


def test_surface_variants_of_lemma_keys(build: ModuleType) -> None:
    variants = build.surface_variants(["حكومة", "عراقي"])
    assert "الحكومة العراقية" in variants.values()


def test_built_lexicon_holds_every_curated_row() -> None:
    built = {r[0]: r for r in read_tsv("actors/actors.tsv")}
    for line in (DATA / "curated.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(c.strip() for c in line.split("\t"))
        row = row + ("",) * (9 - len(row))
        got = built.get(row[0])
        stale = f"actors.tsv is stale for {row[0]}: run scripts/build_actors.py"
        assert got is not None, stale
        # state-body templates may add aliases to a curated row, never change the rest
        assert got[:3] + got[4:] == row[:3] + row[4:], stale
        assert got[3].startswith(row[3]), stale
