"""Villages and districts the gazetteer lacks keep their own name, in the best evidence of where they lie.

Every sentence is written for these tests; they run the whole pipeline.
"""

from __future__ import annotations

from marsad.document import Document, Place
from marsad.pipeline import extract


def _run(text: str) -> Document:
    doc = extract(text, published="2017-01-10", id="t1")
    doc.check_offsets()
    return doc


def _place(doc: Document, name: str) -> Place:
    return next(p for p in doc.places if p.name == name)


def test_unknown_village_keeps_its_name_in_the_country_named_beside_it() -> None:
    doc = _run("قال الجيش الأمريكي إن غارة جوية استهدفت مسلحين من حركة الشباب في بلدة جليب بالصومال. "
               "وكانت القوات الأمريكية قد شنت غارات في ليبيا ضد داعش في سرت وطرابلس وبنغازي.")
    village = _place(doc, "بلدة جليب")
    assert (village.country, village.admin1, village.geo_precision) == ("SO", None, 3)
    strike = doc.events[0]
    assert strike.location is not None
    assert (strike.location.name, strike.location.country, strike.location.geo_precision) == ("بلدة جليب", "SO", 3)


def test_unknown_village_is_not_put_in_a_country_a_later_clause_mentions() -> None:
    doc = _run("شهدت البحرين احتجاجات واسعة. وفرقت قوات الأمن مسيرة في قرية كرانة قبل أن يعلن "
               "المحتجون أنهم سيواصلون التظاهر تضامنا مع المعتقلين في السجون السعودية والمصرية وفي الأردن.")
    village = _place(doc, "قرية كرانة")
    assert (village.country, village.geo_precision) == ("BH", 3)


def test_unknown_village_named_by_its_head_only_with_the_country_of_the_actors() -> None:
    doc = _run("اعتقلت قوات الأمن البحرينية ثلاثة شبان في قرية كرانة فجر اليوم.")
    assert [(p.name, p.country, p.geo_precision) for p in doc.places] == [("قرية كرانة", "BH", 3)]


def test_unknown_area_takes_the_province_of_the_town_it_is_named_after() -> None:
    doc = _run("سيطر مسلحو المعارضة على مواقع في ريف الرقة. وهاجم المسلحون سيارتين لقوات النظام في "
               "منطقة سهل الزبداني مما أدى إلى مقتل جنديين.")
    area = _place(doc, "سهل الزبداني")
    assert (area.admin1, area.country, area.geo_precision) == ("Rural Damascus", "SY", 3)


def test_unknown_village_takes_the_province_of_the_sentence_before() -> None:
    doc = _run("شنت وحدات الجيش عملية تمشيط في جبال ولاية القصرين. وقتل جنديان في انفجار لغم قرب "
               "قرية الدغرة صباح اليوم.")
    village = _place(doc, "قرية الدغرة")
    assert (village.admin1, village.country, village.geo_precision) == ("Kasserine", "TN", 3)
    assert any(e.location is not None and e.location.admin1 == "Kasserine" for e in doc.events)


def test_an_indefinite_adjective_after_a_head_is_still_no_place() -> None:
    doc = _run("قصفت القوات الحكومية بلدة حدودية في محافظة درعا.")
    assert [p.name for p in doc.places] == ["محافظة درعا"]


def test_a_town_at_the_far_end_of_a_distance_does_not_locate_the_unknown_place() -> None:
    doc = _run("قال مسؤولون في مقاطعة البنجاب شرقي باكستان إن أمين مزار ديني قتل 20 شخصا صباح اليوم الأحد. "
               "وأضافوا أن الحادث الذي وقع في منطقة سارغودهو على بعد 200 كم جنوب العاصمة إسلام آباد "
               "وقع حين تجمع أشخاص.")
    assert _place(doc, "منطقة سارغودهو").admin1 == "Punjab"  # not Islamabad, 200 km away


def test_a_town_a_few_kilometres_away_still_locates_it() -> None:
    doc = _run("انفجرت عبوة ناسفة في قرية الزيتونة على بعد 5 كم من مدينة سرت.")
    assert _place(doc, "قرية الزيتونة").admin1 == "Sirt"
