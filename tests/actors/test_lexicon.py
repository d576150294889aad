"""The packaged actor lexicon: format of actors.tsv (shared with other stages) and lookups."""

from __future__ import annotations

import re

import pytest

from marsad.actors import lookup_actor
from marsad.actors.lexicon import adjective_forms, tables
from marsad.document import ACTOR_CATEGORIES
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

ROWS = read_tsv("actors/actors.tsv")


def test_actors_tsv_has_the_shared_columns() -> None:
    assert len(ROWS) > 500
    for row in ROWS:
        assert len(row) == 9, row
        entry_id, etype, name, aliases, name_en, category, inter, country, wikidata = row
        assert re.fullmatch(r"[a-z0-9-]+", entry_id), row
        assert etype in ("PER", "ORG"), row
        assert name and "|" not in name, row
        assert all(a for a in aliases.split("|")) or not aliases, row
        assert category in ACTOR_CATEGORIES, row
        assert inter == "" or inter in "12345678", row
        assert country == "" or re.fullmatch(r"[A-Z]{2}", country), row
        assert wikidata == "" or re.fullmatch(r"Q\d+", wikidata), row
        assert name_en or entry_id.startswith("cameo-"), row


def test_actors_tsv_ids_and_forms_are_unique() -> None:
    ids = [r[0] for r in ROWS]
    assert len(ids) == len(set(ids))
    owner: dict[str, str] = {}
    for r in ROWS:
        for form in (r[2], *(a for a in r[3].split("|") if a)):
            key = fold_key(form)
            assert owner.setdefault(key, r[0]) == r[0], f"{form} belongs to {owner[key]} and {r[0]}"


def test_lexicon_names_carry_no_proclitic() -> None:
    # a name starting with و/ب/ك + ال, or with لل, is a word with a proclitic attached (فالح is a name)
    bad = re.compile(r"^(?:[وبك]ال\S{3,}|لل)")
    for r in ROWS:
        for form in (r[2], *(a for a in r[3].split("|") if a)):
            assert not bad.match(form), (r[0], form)


LOOKUPS = [
    ("داعش", "isis"),
    ("تنظيم الدولة الإسلامية", "isis"),
    ("الدولة الاسلامية", "isis"),
    ("عصائب أهل الحق", "aah"),
    ("أنصار الله", "houthis"),
    ("الحوثيون", "houthis"),
    ("قسد", "sdf"),
    ("هيئة تحرير الشام", "hts"),
    ("قوات حفتر", "lna"),
    ("حكومة الوفاق", "gna"),
    ("التحالف الدولي", "coalition"),
    ("للتحالف الدولي", "coalition"),
    ("وحزب الله", "hezbollah"),
    ("الجوهرة أف أم", "jawhara"),
    ("الحكومة العراقية", "iq-gov"),
    ("القوات الأمريكية", "us-forces"),
    ("الجيش التونسي", "tn-army"),
    ("الشرطة الجزائرية", "dz-police"),
    ("وزارة الداخلية التونسية", "tn-moi"),
    ("الرئيس دونالد ترامب", "trump"),
    ("مُصطفى الكاظِمي", "kadhimi"),
]


@pytest.mark.parametrize(("name", "entry_id"), LOOKUPS)
def test_lookup_actor_finds_entry(name: str, entry_id: str) -> None:
    entry = lookup_actor(name)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize("name", ["لبنان", "الحكومة", "سعيد", "القاعدة", "", "مدينة"])
def test_lookup_actor_rejects_ambiguous_or_unknown(name: str) -> None:
    assert lookup_actor(name) is None


@pytest.mark.parametrize(("stem", "form"), [("عراقي", "العراقيه"), ("أميركي", "الاميركيون"),
                                            ("كوري شمالي", "الكوريه الشماليه")])
def test_adjective_forms(stem: str, form: str) -> None:
    assert form in adjective_forms(stem)


def test_country_adjectives_map_to_countries() -> None:
    t = tables()
    assert t.adjectives["العراقيه"] == "IQ"
    assert t.adjectives["الامريكي"] == "US"
    assert t.country_names["سوريه"] == "SY"
