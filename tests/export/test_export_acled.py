"""ACLED rows, the CSV, JSONL and GeoJSON writers, and the countries table."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.export import ACLED_COLUMNS, COLUMNS, countries, event_rows, write_csv, write_geojson, write_jsonl
from marsad.export.acled import event_number
from marsad.store.base import EventFilter

# ACLED's export columns, in ACLED's order (ACLED codebook / data export tool).
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
                "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                "source,source_scale,notes,fatalities,tags,timestamp")
STORED_AT = 1_700_000_000.5


def _rows(doc: Document) -> list[dict[str, object]]:
    return list(event_rows(doc, stored_at=STORED_AT))


def test_acled_columns_are_exactly_acleds() -> None:
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert {"article_id", "evidence_start", "evidence_end", "actor1_ar", "actor1_claimed"} <= set(COLUMNS)
    assert len(set(COLUMNS)) == len(COLUMNS)


def test_event_rows_follow_acled_conventions(rich_doc: Document) -> None:
    ev1 = _rows(rich_doc)[0]
    assert ev1["event_id_cnty"] == f"IRQ{event_number('art-1', 'ev1')}"
    assert re.fullmatch(r"IRQ\d{1,8}", str(ev1["event_id_cnty"]))
    assert (ev1["event_date"], ev1["year"], ev1["time_precision"]) == ("2017-06-19", 2017, 1)
    assert ev1["disorder_type"] == "Political violence"
    assert (ev1["actor1"], ev1["actor1_ar"], ev1["inter1"]) == ("Saraya al-Fajr", "سرايا الفجر", 2)
    assert (ev1["actor2"], ev1["inter2"], ev1["interaction"]) == ("الجيش", 1, 12)
    assert (ev1["iso"], ev1["country"], ev1["region"]) == (368, "Iraq", "Middle East")
    assert ev1["admin1"] == "Nineveh"
    assert (ev1["location"], ev1["location_ar"]) == ("Mosul", "الموصل")
    assert (ev1["latitude"], ev1["longitude"], ev1["geo_precision"]) == (36.335, 43.119, 2)
    assert (ev1["source"], ev1["url"]) == ("إذاعة المثال", "https://example.org/a/1")
    assert ev1["timestamp"] == 1_700_000_000
    assert (ev1["fatalities"], ev1["fatalities_stated"], ev1["actor1_claimed"]) == (4, True, True)
    start, end = ev1["evidence_start"], ev1["evidence_end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert ev1["evidence_text"] == rich_doc.text[start:end]
    assert ev1["quotes_count"] == 1
    assert ev1["civilian_targeting"] == ""


def test_event_rows_month_precision_and_undated(rich_doc: Document) -> None:
    _, ev2, ev3 = _rows(rich_doc)
    # a month is written as its first day, at time_precision 3
    assert (ev2["event_date"], ev2["year"], ev2["time_precision"]) == ("2017-06-01", 2017, 3)
    assert str(ev2["event_id_cnty"]).startswith("TUN")
    assert (ev2["iso"], ev2["country"], ev2["region"]) == (788, "Tunisia", "Northern Africa")
    assert (ev2["disorder_type"], ev2["actor1"], ev2["interaction"]) == ("Strategic developments",
                                                                        "Police Forces of Tunisia", 10)
    assert (ev2["fatalities"], ev2["fatalities_stated"]) == (0, False)
    # undated: the article's publication date, at time_precision 3
    assert (ev3["event_date"], ev3["time_precision"]) == ("2017-06-20", 3)
    assert (ev3["civilian_targeting"], ev3["historical"], ev3["actor1"]) == ("Civilian targeting", True,
                                                                            "مسلحون مجهولون")


def test_event_rows_keep_predicate(rich_doc: Document) -> None:
    rows = list(event_rows(rich_doc, keep=lambda date, country, confidence: country == "TN"))
    assert [r["event_id"] for r in rows] == ["ev2"]
    rich_doc.events[0].confidence = 0.1
    rows = list(event_rows(rich_doc, keep=EventFilter(min_confidence=0.5).keeps))
    assert [r["event_id"] for r in rows] == [e.id for e in rich_doc.events[1:]]


def test_event_id_is_stable_and_distinct() -> None:
    assert event_number("a", "ev1") == event_number("a", "ev1")
    assert len({event_number(f"a{i}", "ev1") for i in range(500)}) == 500


def test_csv_has_bom_exact_header_and_round_trips_arabic(rich_doc: Document, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        assert write_csv([(rich_doc, STORED_AT)], out) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ACLED_HEADER.encode() + b",article_id")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["actor1_ar"] == "سرايا الفجر"
    assert rows[0]["evidence_text"] == rich_doc.events[0].evidence.text
    assert rows[0]["actor1_claimed"] == "true"
    assert rows[1]["latitude"] == ""
    assert rows[0]["timestamp"] == "1700000000"


def test_csv_of_nothing_is_just_the_header() -> None:
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == "\ufeff" + ",".join(COLUMNS) + "\r\n"


def test_geojson_is_a_valid_feature_collection(rich_doc: Document) -> None:
    out = io.StringIO()
    written, skipped = write_geojson([(rich_doc, STORED_AT)], out)
    assert (written, skipped) == (2, 1)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) == set(COLUMNS)
    first = data["features"][0]
    assert first["geometry"]["coordinates"] == [43.119, 36.335]
    assert first["properties"]["actor1_ar"] == "سرايا الفجر"


def test_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == (0, 0)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_jsonl_writes_lines_verbatim_and_documents(rich_doc: Document) -> None:
    out = io.StringIO()
    line = json.dumps({"id": "x", "text": "نص"}, ensure_ascii=False)
    assert write_jsonl([line + "\n", rich_doc], out) == 2
    first, second = out.getvalue().splitlines()
    assert first == line
    assert Document.from_dict(json.loads(second)).events[0].id == "ev1"


# Countries the contract requires at least: the Middle East, Africa, Europe, North America,
# Central and South Asia; each with (ISO3, ISO numeric, ACLED name, ACLED region).
@pytest.mark.parametrize(("iso2", "iso3", "numeric", "name", "region"), [
    ("IQ", "IRQ", 368, "Iraq", "Middle East"),
    ("SY", "SYR", 760, "Syria", "Middle East"),
    ("PS", "PSE", 275, "Palestine", "Middle East"),
    ("YE", "YEM", 887, "Yemen", "Middle East"),
    ("TR", "TUR", 792, "Turkey", "Middle East"),
    ("TN", "TUN", 788, "Tunisia", "Northern Africa"),
    ("DZ", "DZA", 12, "Algeria", "Northern Africa"),
    ("EG", "EGY", 818, "Egypt", "Northern Africa"),
    ("SD", "SDN", 729, "Sudan", "Northern Africa"),
    ("ML", "MLI", 466, "Mali", "Western Africa"),
    ("CD", "COD", 180, "Democratic Republic of Congo", "Middle Africa"),
    ("SO", "SOM", 706, "Somalia", "Eastern Africa"),
    ("SZ", "SWZ", 748, "eSwatini", "Southern Africa"),
    ("FR", "FRA", 250, "France", "Europe"),
    ("UA", "UKR", 804, "Ukraine", "Europe"),
    ("XK", "XKX", 0, "Kosovo", "Europe"),
    ("US", "USA", 840, "United States", "North America"),
    ("CA", "CAN", 124, "Canada", "North America"),
    ("AF", "AFG", 4, "Afghanistan", "South Asia"),
    ("PK", "PAK", 586, "Pakistan", "South Asia"),
    ("KZ", "KAZ", 398, "Kazakhstan", "Caucasus and Central Asia"),
    ("AZ", "AZE", 31, "Azerbaijan", "Caucasus and Central Asia"),
])
def test_countries_table(iso2: str, iso3: str, numeric: int, name: str, region: str) -> None:
    c = countries()[iso2]
    assert (c.iso3, c.iso_numeric, c.name_en, c.region) == (iso3, numeric, name, region)
    assert any("\u0600" <= ch <= "\u06ff" for ch in c.name_ar)


def test_countries_table_codes_are_unique() -> None:
    table = countries()
    assert len(table) >= 150
    assert len({c.iso3 for c in table.values()}) == len(table)
    assert len({c.iso_numeric for c in table.values()}) == len(table)
    assert all(re.fullmatch(r"[A-Z]{2}", k) and re.fullmatch(r"[A-Z]{3}", c.iso3) for k, c in table.items())
