"""A gazetteer name that is also an ordinary word becomes a place only where its context makes it one.

Every sentence is written for these tests; they run the whole pipeline with the packaged model
(scripts/train_place_evidence.py) and its corpus usage table.
"""

from __future__ import annotations

import pytest

from marsad.config import Config, PlacesConfig
from marsad.document import Document
from marsad.pipeline import Pipeline, extract
from marsad.places import packaged_gazetteer
from marsad.places.evidence import (
    features,
    is_place,
    name_usage,
    named_country,
    needs_evidence,
    ordinary_word,
    packaged_model,
)
from marsad.text.normalize import fold


def _places_over(doc: Document, surface: str) -> list[str]:
    """Countries of the places that mentions overlapping the first ``surface`` in the text resolve to."""
    start = doc.text.index(surface)
    end = start + len(surface)
    places = {p.id: p for p in doc.places}
    return [places[m.place_id].country or "" for m in doc.entities
            if m.place_id in places and m.start < end and start < m.end]


@pytest.mark.parametrize(("text", "word"), [
    ("تسلم المتهم مبلغ مالي قدره عشرة آلاف دينار مقابل إخفاء الأسلحة.", "مالي"),
    ("دفن الجندي في تطاوين مسقط رأسه بعد ظهر اليوم.", "مسقط"),
])
def test_an_ordinary_word_gets_no_place(text: str, word: str) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, word) == []


@pytest.mark.parametrize(("text", "word", "country"), [
    ("قتل ثلاثة جنود في هجوم على قاعدة عسكرية في مالي أمس.", "مالي", "ML"),
    ("وصل وزير الخارجية إلى مسقط صباح اليوم في زيارة رسمية.", "مسقط", "OM"),
])
def test_the_same_name_used_as_a_place_keeps_its_place(text: str, word: str, country: str) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, word) == [country]


def test_without_the_model_every_known_name_is_resolved() -> None:
    text = "تسلم المتهم مبلغ مالي قدره عشرة آلاف دينار مقابل إخفاء الأسلحة."
    doc = Pipeline(Config(places=PlacesConfig(use_evidence_model=False))).run(
        __import__("marsad").Article(id="t1", text=text, published="2017-01-10"))
    assert doc.places == [] or _places_over(doc, "مالي") in ([], ["ML"])


def test_features_read_the_corpus_phrase_and_the_preposition() -> None:
    gaz = packaged_gazetteer()
    text = fold("نقل الجثمان الى تطاوين مسقط رأس الفقيد").text
    start = text.index("مسقط")
    entries = gaz.candidates("مسقط")
    assert needs_evidence("مسقط", entries, head=None, near=False, ambiguous=gaz.is_ambiguous("مسقط"))
    f = features(text, start, start + 4, "مسقط", entries, backed=False, listed=False, head=None,
                 near=False, ambiguous=gaz.is_ambiguous("مسقط"))
    assert f["collocation"] == 1.0 and "after_place_preposition" not in f
    assert not is_place(f, packaged_model())


def test_headed_several_word_and_unseen_names_need_no_evidence() -> None:
    gaz = packaged_gazetteer()
    entries = gaz.candidates("مالي")
    assert needs_evidence("مالي", entries, head=None, near=False, ambiguous=False)
    assert not needs_evidence("مالي", entries, head="city", near=False, ambiguous=True)
    assert not needs_evidence("مالي", entries, head=None, near=True, ambiguous=True)
    assert not needs_evidence("سيدي بوزيد", gaz.candidates("سيدي بوزيد"), head=None, near=False, ambiguous=False)
    unseen = next(k for k in gaz.keys() if " " not in k and k not in name_usage() and gaz.candidates(k))
    assert not needs_evidence(unseen, gaz.candidates(unseen), head=None, near=False, ambiguous=False)
    # a name the corpus writes mostly after words of place is no ordinary word
    assert not ordinary_word("تونس", name_usage()["تونس"]) and ordinary_word("مالي", name_usage()["مالي"])


def test_the_model_and_its_threshold_are_packaged() -> None:
    model = packaged_model()
    assert 0.0 < model.threshold < 1.0 and "bias" in model.weights
    assert name_usage()["مالي"].count > 0


def test_a_country_name_agreeing_as_an_adjective_is_no_place() -> None:
    doc = extract("قال مسؤول إن مقاتلا بريطانيا قتل في المعارك الأخيرة.", published="2017-01-10", id="t1")
    assert _places_over(doc, "بريطانيا") == []
    doc = extract("وأعلنت الحكومة أن الشبكة مقرها ليبيا وتنشط في عدة دول.", published="2017-01-10", id="t1")
    assert _places_over(doc, "ليبيا") == ["LY"]


# --- names the corpus never writes, documents, and the capital of the same name -------------------

def test_a_name_the_corpus_never_writes_is_read_by_its_shape() -> None:
    usage = name_usage()["درعا"]  # never in the ANT corpus; درع ("a shield") is
    assert usage.count == 0 and usage.stem > 0
    assert "سيونيك" not in name_usage()  # shaped like no word: no evidence either way


@pytest.mark.parametrize(("text", "word", "countries"), [
    ("اتخذ المسلحون المدنيين درعا بشريا خلال المعارك في سوريا.", "درعا", []),
    ("وقال الخطيب إن الإيمان درعا للأمة كلها.", "درعا", []),
    ("قتل ثلاثة مدنيين في قصف على درعا جنوب سوريا.", "درعا", ["SY"]),
    ("سقطت قذائف في درعا صباح اليوم.", "درعا", ["SY"]),
])
def test_a_wordlike_name_unknown_to_the_corpus_needs_evidence(text: str, word: str, countries: list[str]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, word) == countries


@pytest.mark.parametrize(("text", "word", "countries"), [
    ("وأشار إعلان الرياض إلى الالتزام الراسخ للدول المشاركة في مكافحة الإرهاب.", "الرياض", []),
    ("وطالب البيان بتطبيق اتفاق الصخيرات في ليبيا.", "الصخيرات", []),
    ("ويمثل ذلك انتهاكا صارخا لاتفاقية \"فيينا\" للعلاقات الدبلوماسية.", "فيينا", []),
    ("قتل ثلاثة في هجوم على الرياض أمس.", "الرياض", ["SA"]),
])
def test_a_place_in_a_documents_name_is_not_a_place(text: str, word: str, countries: list[str]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, word) == countries


def _admin1_over(doc: Document, surface: str) -> list[tuple[str | None, str]]:
    start = doc.text.index(surface)
    places = {p.id: p for p in doc.places}
    return [(places[m.place_id].admin1, places[m.place_id].kind) for m in doc.entities
            if m.place_id in places and m.start < start + len(surface) and start < m.end]


@pytest.mark.parametrize(("text", "want"), [
    ("اغتيل القيادي الفلسطيني بمنزله في تونس سنة 1988.", [("Tunis", "city")]),
    ("أعلن والي تونس عن غلق الطريق.", [("Tunis", "city")]),
    ("وقالت الحكومة إن تونس ترفض أي تدخل أجنبي.", [(None, "country")]),
])
def test_a_country_named_like_its_capital_is_the_city_where_the_words_are_a_towns(
        text: str, want: list[tuple[str | None, str]]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _admin1_over(doc, "تونس") == want


@pytest.mark.parametrize(("text", "org", "admin1"), [
    ("قام المحامون بوقفة احتجاجية في بهو المحكمة الإبتدائية بجندوبة.", "المحكمة الإبتدائية بجندوبة", ["Jendouba"]),
    ("نظم المحتجون وقفة أمام مقر المحكمة الابتدائية بتونس.", "المحكمة الابتدائية بتونس", ["Tunis"]),
    ("قررت المحكمة الابتدائية بالمنستير تأجيل النظر في القضية.", "المحكمة الابتدائية بالمنستير", []),
])
def test_a_body_named_with_its_town_is_placed_there_where_a_place_is_spoken_of(
        text: str, org: str, admin1: list[str]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    places = {p.id: p for p in doc.places}
    got = [places[m.place_id].admin1 for m in doc.entities
           if m.type == "ORG" and m.text == org and m.place_id in places]
    assert got == admin1


@pytest.mark.parametrize(("text", "country"), [
    ("لا يتعذر عليه العمل خارج مكة المكرمة وجدة والمدينة المنورة في السعودية.", "SA"),  # و + جدة
    ("وصل الوفد إلى وجدة المغربية قادما من الرباط.", "MA"),  # Oujda
])
def test_a_letter_that_may_be_a_proclitic_is_read_as_the_articles_country_needs(text: str, country: str) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, "وجدة") == [country]


@pytest.mark.parametrize(("text", "name", "place"), [
    ("أعلنت تضامنها الكامل مع دولة الامارات العربية المتحدة الشقيقة.", "دولة الامارات العربية المتحدة",
     ("AE", None)),
    ("أطاح الجيش بثلاثة مهربين بقرية تين الكوم بدائرة جانت بإيليزي.", "دائرة جانت", ("DZ", "Illizi")),
])
def test_a_state_title_or_an_algerian_daira_before_the_name_is_its_head(
        text: str, name: str, place: tuple[str, str | None]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    places = {p.id: p for p in doc.places}
    # the head read before the name places it whether the tagger's span holds the head or not
    # (the entity lexicon knows جانت itself: the corpus writes it as a place)
    end = text.index(name) + len(name)
    got = [(places[m.place_id].country, places[m.place_id].admin1) for m in doc.entities
           if m.end == end and name.endswith(m.text) and m.place_id in places]
    assert got == [place]


@pytest.mark.parametrize(("text", "countries"), [
    ("وأوضح أن أبرز الجنسيات هي السعودية والأردنية والتونسية والمغربية.", []),
    ("قال إن الحكومتين التونسية والسعودية اتفقتا على التعاون.", []),
    ("وصل الوفد إلى السعودية والأردن أمس.", ["SA"]),
])
def test_a_country_in_a_list_of_adjectives_is_the_adjective(text: str, countries: list[str]) -> None:
    doc = extract(text, published="2017-01-10", id="t1")
    assert _places_over(doc, "السعودية") == countries


# --- the preposition as a feature, the tail of another word, first names, a dominant namesake -------

def _evidence_of(sentence: str, surface: str, key: str) -> dict[str, float]:
    """The features of ``key`` read at the end of the first ``surface`` of ``sentence``."""
    gaz = packaged_gazetteer()
    text = fold(sentence).text
    folded_surface = fold(surface).text
    end = text.index(folded_surface) + len(folded_surface)
    return features(text, end - len(key), end, key, gaz.candidates(key), backed=False, listed=False,
                    head=None, near=False, ambiguous=gaz.is_ambiguous(key))


def test_a_preposition_of_place_is_weighed_not_obeyed() -> None:
    model = packaged_model()
    chapter = _evidence_of("وصادق المجلس على الفصل المدرج في الباب الثاني من القانون.", "الباب", "الباب")
    assert chapter["after_place_preposition"] == 1.0 and not is_place(chapter, model)
    town = _evidence_of("قتل ثلاثة جنود في هجوم في مالي أمس.", "مالي", "مالي")
    assert town["after_place_preposition"] == 1.0 and is_place(town, model)


@pytest.mark.parametrize(("sentence", "surface", "key"), [
    ("وتمكنت فرقة الأبحاث العدلية من إيقاف مفتش عنه.", "فرقة", "رقه"),  # ف + رقة
    ("وأكد أن عددا كبيرا من التلاميذ يرفضون ذلك.", "كبيرا", "بيرا"),  # ك + بيرا
])
def test_a_name_that_is_the_tail_of_a_common_word_is_no_place(sentence: str, surface: str, key: str) -> None:
    f = _evidence_of(sentence, surface, key)
    assert f["attached_word"] > 0 and not is_place(f, packaged_model())


def test_letters_that_make_no_proclitic_chain_are_another_words_head() -> None:
    f = _evidence_of("وانتقل اللاعب إلى بوروسيا دورتموند الألماني.", "بوروسيا", "روسيا")
    assert f["attached_not_proclitic"] == 1.0 and not is_place(f, packaged_model())
    f = _evidence_of("وتحول الفريق للسيراليون أمس.", "للسيراليون", "سيراليون")
    assert "attached_not_proclitic" not in f


def test_a_name_after_a_first_name_is_a_surname_but_not_after_a_preposition_folded_alike() -> None:
    f = _evidence_of("وأكد محمد صالح الأحمدي أن وضعيته باتت مزرية.", "الأحمدي", "الاحمدي")
    assert f["after_first_name"] == 1.0 and not is_place(f, packaged_model())
    f = _evidence_of("قتل ثلاثة مدنيين في قصف على الرقة أمس.", "الرقة", "الرقه")  # على folds to علي
    assert "after_first_name" not in f


def test_a_name_backs_the_country_of_its_far_larger_namesake_only() -> None:
    gaz = packaged_gazetteer()
    assert named_country(gaz.candidates("الرباط")) == "MA"  # Rabat, not a hamlet of Yemen
    assert named_country(gaz.candidates("المنصوره")) is None  # Mansoura (EG) and a Doha district (QA)
    assert named_country(gaz.candidates("جده")) == "SA"
