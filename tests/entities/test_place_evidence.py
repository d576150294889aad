"""A town's name that reads as a common noun in construct is no place; people's names end on a name."""

from __future__ import annotations

from marsad.document import Document
from marsad.pipeline import extract


def _mentions(text: str) -> list[tuple[str, str]]:
    doc: Document = extract(text, published="2017-01-10", id="t1")
    doc.check_offsets()
    return [(m.type, m.text) for m in doc.entities]


def _places(text: str) -> list[str]:
    return [t for k, t in _mentions(text) if k in ("GPE", "LOC")]


def test_a_town_name_governing_a_noun_is_the_common_noun() -> None:
    # written for this test: حماة "protectors", مسقط رأسه "his birthplace"
    assert _places("شارك في المسيرة حماة الوطن من كل الجهات.") == []
    assert _places("عاد اللاعب إلى مسقط رأسه بعد غياب طويل.") == []


def test_a_town_described_after_a_preposition_of_place_stays_a_town() -> None:
    assert "حلب" in _places("وصلت القوات إلى حلب القديمة أمس.")
    assert "غزة" in _places("قصفت الطائرات مواقع بغزة المحاصرة.")
    assert "بغداد" in _places("قالت الشرطة في بغداد الاثنين إن التفجير أوقع قتلى.")
    assert _places("تظاهر المئات في تونس العاصمة.") != []


def test_a_person_name_does_not_end_on_a_link_word() -> None:
    people = [t for k, t in _mentions("وقال المحامي علي أحمد شوقي عبد الخالق إن موكله بريء.") if k == "PER"]
    assert all(not p.endswith("عبد") for p in people)


def _orgs(text: str) -> list[str]:
    return [t for k, t in _mentions(text) if k == "ORG"]


def test_an_outlet_named_without_its_head_is_an_organisation_where_it_reports() -> None:
    # written for this test: الشروق (the newspaper; also "sunrise" and a town), العربية (the channel)
    assert "الشروق" in _orgs("ذكرت الشروق أن الحكومة ستجتمع غدا.")
    assert "العربية" in _orgs("نقلت العربية عن مصادر أمنية أن الانفجار وقع صباحا.")
    assert _mentions("استيقظ الناس مع الشروق وخرجوا إلى الحقول.") == []
    assert _mentions("تعلم الطلاب العربية في المدرسة.") == []
    assert "الشروق" not in _places("ذكرت الشروق أن الحكومة ستجتمع غدا.")


def test_a_direction_or_countryside_of_a_place_is_no_name_the_place_is() -> None:
    # the annotation guide: شمال سوريا is not an entity; the country named in it is
    assert _places("اشتباكات في جنوب شرق تركيا بين الجيش والمسلحين.") == ["تركيا"]
    assert _places("انفجرت سيارة مفخخة في شمال العراق.") == ["العراق"]
    assert _places("تشهد مناطق الجنوب الليبي فوضى أمنية.") == []
    # a region's own name and a governorate stay whole
    assert any(p.endswith("الشرق الأوسط") for p in _places("تتصاعد التوترات في منطقة الشرق الأوسط منذ أشهر."))
    assert _places("قتل شخصان في انفجار بمحافظة ريف دمشق.") == ["ريف دمشق"]


def test_an_event_in_the_north_of_a_country_keeps_its_region() -> None:
    doc = extract("قتل جنديان في هجوم شمال مالي أمس.", published="2017-01-10", id="t3")
    assert [e.location.get("name_en") if isinstance(e.location, dict) else getattr(e.location, "name_en", None)
            for e in doc.events][:1] == ["Northern Mali"]


def test_two_places_after_a_dual_head_are_two_mentions() -> None:
    places = _places("اندلعت اشتباكات في منطقتي أبو سليم والهضبة بطرابلس.")
    assert "أبو سليم" in places and "الهضبة" in places and "أبو سليم والهضبة" not in places
