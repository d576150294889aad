"""``marsad places``: text and JSON output over documents built by hand, and one end-to-end run."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from marsad.cli import main
from marsad.cli import places as cli_places
from marsad.document import Document
from marsad.places import locate_places

MakeDoc = Callable[..., Document]
TEXT = "سقطت قذيفة قرب مطار بغداد الدولي، وتكررت الهجمات في المحافظات الجنوبية في العراق ووادي الذئاب."


@pytest.fixture()
def hand_built(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_find_places(text: str, **_: Any) -> Document:
        doc = make_doc(text, entities=[("مطار بغداد الدولي", "FAC"), ("العراق", "GPE"),
                                       ("وادي الذئاب", "LOC")])
        return locate_places(doc)

    monkeypatch.setattr(cli_places, "find_places", fake_find_places)


@pytest.mark.usefixtures("hand_built")
def test_cli_places_prints_each_place_with_its_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", TEXT]) == 0
    out = capsys.readouterr().out
    assert "article country: IQ" in out
    assert "\u2068مطار بغداد الدولي\u2069  (Baghdad International Airport)  kind=facility" in out
    assert "admin1=Baghdad" in out and "geo_precision=2" in out and "rule=facility+near" in out
    assert "expression \u2068المحافظات الجنوبية\u2069" in out
    assert "mention m1 FAC" in out


@pytest.mark.usefixtures("hand_built")
def test_cli_places_json_lists_places_spans_and_mentions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "--json", TEXT]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["country"] == "IQ"
    names = {p["name"]: p for p in out["places"]}
    region = names["المحافظات الجنوبية"]
    (start, end), = region["spans"]
    assert TEXT[start:end] == "المحافظات الجنوبية"
    assert {m["id"] for m in out["mentions"]} == {"m1", "m2", "m3"}


def test_cli_places_runs_the_stages_up_to_places() -> None:
    doc = cli_places.find_places("قال مسؤول إن انفجاراً وقع في بغداد أمس.")
    doc.check_offsets()
    assert "country" in doc.cache  # the places stage ran and its cache is kept
    assert doc.events == [] and doc.quotes == []  # later stages did not run


def test_cli_places_empty_text_prints_no_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "   "]) == 0
    assert "no places found" in capsys.readouterr().out


@pytest.mark.usefixtures("hand_built")
def test_cli_places_candidates_lists_the_gazetteer_alternatives(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "--candidates", TEXT]) == 0
    out = capsys.readouterr().out
    assert "candidates for m1 \u2068مطار بغداد الدولي\u2069: reading" in out
    assert "fac-iq-bgw  Baghdad International Airport  kind=facility" in out
    assert "candidates for m3 \u2068وادي الذئاب\u2069: none" in out
