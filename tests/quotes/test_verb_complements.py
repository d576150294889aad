"""Tests of issue 10 item 5 (third round): the complement a reporting verb governs is its content,
not more of its subject. Every sentence here was written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.config import QuotesConfig
from marsad.document import Document, Quote
from marsad.quotes import attribute_quotes

MakeDoc = Callable[..., Document]


def run(make_doc: MakeDoc, text: str) -> list[Quote]:
    doc = make_doc(text, entities=[])
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    return doc.quotes


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # a role, then the verb's ب: the ب-phrase is the condemnation, the praise, the demand
    ("ندد الوزير بالهجوم على الدورية في الجبل.", "الوزير", "بالهجوم على الدورية في الجبل"),
    ("وأشاد السفير بنجاح الانتخابات البلدية.", "السفير", "بنجاح الانتخابات البلدية"),
    # the seat of an office stays in the subject (المدير بوزارة ..., العميد بالحماية ...)
    ("وطالب المدير العام بوزارة الصحة بتوفير الأدوية.", "المدير العام بوزارة الصحة", "بتوفير الأدوية"),
])
def test_the_verbs_own_ba_phrase_after_a_role_is_the_content(
        make_doc: MakeDoc, text: str, speaker: str, content: str) -> None:
    quotes = run(make_doc, text)
    assert [(q.speaker_text, q.content) for q in quotes] == [(speaker, content)]


def test_taking_a_case_in_hand_is_no_pledge(make_doc: MakeDoc) -> None:
    assert run(make_doc, "وتعهد قاضي التحقيق بالملف منذ يوم الأحد.") == []
    assert run(make_doc, "وتعهدت الفرقة الأمنية بالبحث في الحادثة.") == []
    pledge = run(make_doc, "وتعهدت الحكومة بتوفير الحماية للمواطنين.")
    assert [q.content for q in pledge] == ["بتوفير الحماية للمواطنين"]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("ويعتقد المحققون أن المهاجم تصرف بمفرده.", "يعتقد", "المهاجم تصرف بمفرده"),
    ("وعلق الوزير بالقول: الوضع تحت السيطرة.", "علق", "الوضع تحت السيطرة"),
    ("وقدمت الوزارة تعازيها، متمنية الشفاء العاجل للمصابين.", "متمنية", "الشفاء العاجل للمصابين"),
    ("واعتذرت الشركة عن تأخر الرحلات.", "اعتذرت", "تأخر الرحلات"),
    ("ودافع الوزير عن قراره، رافضا الاتهامات الموجهة إلى الحكومة.", "رافضا", "الاتهامات الموجهة إلى الحكومة"),
])
def test_verbs_of_opinion_wish_apology_and_rejection_report(
        make_doc: MakeDoc, text: str, cue: str, content: str) -> None:
    assert [q.content for q in run(make_doc, text) if q.cue == cue] == [content]


def test_a_finite_rejection_is_a_decision_not_a_statement(make_doc: MakeDoc) -> None:
    assert run(make_doc, "ورفضت المحكمة الطعن المقدم من الدفاع.") == []


def test_a_country_name_ends_the_subject_before_an_indefinite_object(make_doc: MakeDoc) -> None:
    text = "أدانت تونس عملية اقتحام مقر البعثة في العاصمة."
    doc = make_doc(text, entities=[("تونس", "GPE")])
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [("تونس", "عملية اقتحام مقر البعثة في العاصمة")]


def test_a_persons_name_goes_on_with_a_surname_the_tagger_missed(make_doc: MakeDoc) -> None:
    text = "وقال الوزير كمال عياشي إن الوضع مستقر."
    doc = make_doc(text, entities=[("كمال", "PER")])
    attribute_quotes(doc, QuotesConfig())
    assert [q.speaker_text for q in doc.quotes] == ["الوزير كمال عياشي"]


def test_according_to_a_statement_between_commas_is_an_insert(make_doc: MakeDoc) -> None:
    text = "وتؤكد تونس، وفق بيان أصدرته وزارة الخارجية اليوم الثلاثاء، تضامنها الكامل مع المغرب."
    doc = make_doc(text, entities=[("تونس", "GPE")])
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [("تونس", "تضامنها الكامل مع المغرب")]


@pytest.mark.parametrize("contrast", ["فيما", "بينما", "في حين"])
def test_a_contrast_opens_another_speakers_statement(make_doc: MakeDoc, contrast: str) -> None:
    text = f"وقال الوزير إن الوضع مستقر {contrast} أكد المعارضون أن الأزمة تتفاقم."
    quotes = run(make_doc, text)
    assert [(q.speaker_text, q.content) for q in quotes] == [
        ("الوزير", "الوضع مستقر"), ("المعارضون", "الأزمة تتفاقم")]


def test_a_contrast_without_a_subject_stays_in_the_statement(make_doc: MakeDoc) -> None:
    quotes = run(make_doc, "وقال الوزير إن الوضع مستقر فيما أكد أن الأزمة انتهت.")
    assert [q.speaker_text for q in quotes] == ["الوزير"]


def test_the_noun_phrase_kana_opens_is_the_subject(make_doc: MakeDoc) -> None:
    text = ("وقالت الشرطة إن الوضع مستقر. "
            "وكان المرصد الوطني للحقوق والحريات المعارض لسياسات الحكومة أعلن أمس أن القائد قتل.")
    quotes = run(make_doc, text)
    assert [(q.speaker_text, q.content) for q in quotes] == [
        ("الشرطة", "الوضع مستقر"), ("المرصد الوطني للحقوق والحريات المعارض لسياسات الحكومة", "القائد قتل")]


def test_a_quoted_name_after_kana_is_the_subject(make_doc: MakeDoc) -> None:
    text = 'وقالت الشرطة إن الوضع مستقر. وكانت وكالة "الأنباء الرسمية" أفادت بمقتل الوزير مساء الأربعاء.'
    quotes = run(make_doc, text)
    assert [(q.speaker_text, q.cue) for q in quotes] == [("الشرطة", "قالت"), ('وكالة "الأنباء الرسمية"', "أفادت")]
