"""The packaged gazetteer: format, coverage of first-level divisions, clean Arabic names, rebuild check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.document import PLACE_KINDS
from marsad.places import packaged_gazetteer
from marsad.places.gazetteer import name_key
from marsad.resources import read_tsv

REPO = Path(__file__).resolve().parents[2]
# letters of Persian, Kurdish and Urdu that Arabic news does not write
NON_ARABIC_LETTERS = re.compile("[پچژگڤەڕۆێیکڵۇھ]")
ACLED_IRAQ = {"Anbar", "Babil", "Baghdad", "Basrah", "Dhi-Qar", "Diyala", "Duhok", "Erbil", "Kerbala",
              "Kirkuk", "Maysan", "Muthanna", "Najaf", "Ninewa", "Qadissiya", "Salah al-Din",
              "Sulaymaniyah", "Wassit"}
TUNISIA_24 = {"Tunis", "Ariana", "Ben Arous", "Manouba", "Nabeul", "Zaghouan", "Bizerte", "Beja",
              "Jendouba", "Kef", "Siliana", "Sousse", "Monastir", "Mahdia", "Sfax", "Kairouan", "Kasserine",
              "Sidi Bouzid", "Gabes", "Medenine", "Tataouine", "Gafsa", "Tozeur", "Kebili"}


def _rows() -> tuple[tuple[str, ...], ...]:
    return read_tsv("gazetteer/places.tsv")


def test_gazetteer_rows_follow_the_shared_format() -> None:
    rows = _rows()
    assert len(rows) > 3000
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert len(r) == 11, r
        assert r[4] in PLACE_KINDS, r
        assert r[1], r
        if r[5]:
            assert -90 <= float(r[5]) <= 90 and -180 <= float(r[6]) <= 180, r


def test_gazetteer_names_carry_no_persian_or_kurdish_letters() -> None:
    bad = [(r[0], n) for r in _rows() for n in [r[1], *r[2].split("|")] if NON_ARABIC_LETTERS.search(n)]
    assert bad == []


ITALY_20 = {"Abruzzo", "Aosta Valley", "Apulia", "Basilicata", "Calabria", "Campania", "Emilia-Romagna",
            "Friuli-Venezia Giulia", "Lazio", "Liguria", "Lombardy", "Marche", "Molise", "Piedmont",
            "Sardinia", "Sicily", "Trentino-Alto Adige", "Tuscany", "Umbria", "Veneto"}


@pytest.mark.parametrize(("country", "expected"), [("IQ", ACLED_IRAQ), ("TN", TUNISIA_24), ("IT", ITALY_20)])
def test_gazetteer_lists_every_first_level_division(country: str, expected: set[str]) -> None:
    admin1 = {r[3] for r in _rows() if r[4] == "admin1" and r[8] == country}
    assert expected <= admin1


def test_gazetteer_towns_of_complete_countries_have_a_known_admin1() -> None:
    rows = _rows()
    known = {(r[8], r[3]) for r in rows if r[4] == "admin1"}
    complete = set("IQ SY YE LY TN EG LB JO PS IL SA DZ MA SD SO ML IR AE FR DE GB BE TR AF PK NE TD MR SS BF "
                   "NG ET KW QA OM BH US UA KE ER DJ IN CD CF CM MZ RU AM IT ES CA AU CN KR".split())
    towns = [r for r in rows if r[4] == "city" and r[8] in complete]
    missing = [(r[0], r[1], r[7]) for r in towns if (r[8], r[7]) not in known]
    assert missing == []


def test_gazetteer_filters_common_words() -> None:
    gaz = packaged_gazetteer()
    for word in ("وقف", "الجديد", "البلاد", "الحكومة", "عين", "الأمن", "العديد", "الحرير", "المتوسط"):
        assert not gaz.candidates(name_key(word)), word


def test_gazetteer_facilities_and_admin1_have_coordinates_and_country() -> None:
    for r in _rows():
        if r[4] in ("facility", "admin1"):
            assert r[5] and r[6] and r[8], r


@pytest.mark.slow
def test_gazetteer_rebuild_matches_the_packaged_file(tmp_path: Path) -> None:
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--out", str(out)],
                   check=True, capture_output=True)
    packaged = REPO / "src" / "marsad" / "data" / "gazetteer"
    for name in ("places.tsv", "ambiguous.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (packaged / name).read_text(encoding="utf-8")


def test_gazetteer_marks_common_words_as_ambiguous() -> None:
    gaz = packaged_gazetteer()
    # a country too, when the corpus mostly uses its name as a word (مالي "financial")
    for word in ("حديثة", "سلمية", "صور", "مالي"):
        assert gaz.is_ambiguous(name_key(word)), word
    for town in ("رمادة", "المنستير", "الموصل", "مصر", "البحرين"):
        assert not gaz.is_ambiguous(name_key(town)), town


@pytest.mark.parametrize(("town", "country", "admin1"), [
    ("Turin", "IT", "Piedmont"), ("Kunming", "CN", "Yunnan"), ("Calgary", "CA", "Alberta"),
    ("Melbourne", "AU", "Victoria"), ("Bilbao", "ES", "Basque Country"), ("Suwon", "KR", "Gyeonggi"),
])
def test_gazetteer_towns_abroad_take_their_division(town: str, country: str, admin1: str) -> None:
    found = {r[7] for r in _rows() if r[4] == "city" and r[3] == town and r[8] == country}
    assert found == {admin1}
