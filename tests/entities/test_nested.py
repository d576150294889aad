"""Nested names and places that are ordinary words: hand-written sentences with expected mentions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.config import EntitiesConfig
from marsad.document import Document
from marsad.entities import find_entities
from marsad.entities.lexicons import load_lexicons
from marsad.text.normalize import fold_key

RULES_ONLY = EntitiesConfig(use_model=False)


def _found(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in doc.entities}


@pytest.mark.parametrize(("sentence", "expected"), [
    # a place inside an organisation's name, after a preposition or a ل/ب complement
    ("أعلن تحالف دعم الشرعية في اليمن عن غارات جديدة.",
     {("تحالف دعم الشرعية في اليمن", "ORG"), ("اليمن", "GPE")}),
    ("أحيت الجبهة الشعبية لتحرير فلسطين ذكرى تأسيسها.",
     {("الجبهة الشعبية لتحرير فلسطين", "ORG"), ("فلسطين", "GPE")}),
    # a governorate with its own head inside an organisation's name
    ("قالت شرطة ولاية الخرطوم إنها أوقفت عشرة أشخاص.",
     {("شرطة ولاية الخرطوم", "ORG"), ("ولاية الخرطوم", "GPE")}),
    ("اجتمع مجلس محافظة نينوى لبحث الميزانية.",
     {("مجلس محافظة نينوى", "ORG"), ("محافظة نينوى", "GPE")}),
    # a local office ends in ب + the town it serves
    ("أغلق مركز توزيع البريد بقفصة أبوابه أمس.",
     {("مركز توزيع البريد بقفصة", "ORG"), ("قفصة", "GPE")}),
    # a town inside a facility's name
    ("قصفت الطائرات ميناء الحديدة فجر اليوم.", {("ميناء الحديدة", "FAC"), ("الحديدة", "GPE")}),
    ("تأخرت الرحلات في مطار باريس أورلي بسبب الإضراب.", {("مطار باريس أورلي", "FAC"), ("باريس", "GPE")}),
    # a person the lexicons know, inside a facility's name
    ("تجمع الزوار أمام ضريح آية الله الخميني جنوب العاصمة.",
     {("ضريح آية الله الخميني", "FAC"), ("آية الله الخميني", "PER")}),
])
def test_places_nested_in_names_are_mentions_too(make_doc: Callable[..., Document], sentence: str,
                                                 expected: set[tuple[str, str]]) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert expected <= _found(doc)


@pytest.mark.parametrize(("sentence", "outer", "not_nested"), [
    # a media outlet's own name, a quoted name, the word right after an organisation's head
    ("وقالت صحيفة الرياض إن الهجوم فشل.", "صحيفة الرياض", "الرياض"),
    ('درس في جامعة "لافال" سنوات.', 'جامعة "لافال"', "لافال"),
    ("نفذت جامعة بغداد برنامجا جديدا.", "جامعة بغداد", "بغداد"),
    # an ordinary word, or a place word inside a person's name, is no nested place
    ("أعلن تنظيم أنصار الشريعة حل نفسه.", "تنظيم أنصار الشريعة", "الشريعة"),
    ("احتفلت كلية سان ماري بتخرج طلابها.", "كلية سان ماري", "ماري"),
    # a place that is a word of an organisation's own name is not located by it (the training gold)
    ("انسحبت حركة مشروع تونس من الحكومة.", "حركة مشروع تونس", "تونس"),
])
def test_names_of_their_own_hold_no_nested_place(make_doc: Callable[..., Document], sentence: str,
                                                 outer: str, not_nested: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    assert outer in {m.text for m in doc.entities}
    assert (not_nested, "GPE") not in _found(doc)


@pytest.mark.parametrize(("sentence", "town"), [
    # ب + a town closes the name of a local office only (مركز، محكمة، نقابة ...)
    ("اجتمعت حكومة الوفاق بطرابلس مع الوفد.", "طرابلس"),
    ("أخليت المحطة المركزية للقطار ببروكسل بعد الإنذار.", "بروكسل"),
])
def test_other_names_stop_before_the_town(make_doc: Callable[..., Document], sentence: str, town: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    assert (town, "GPE") in _found(doc)
    assert not any(m.text.endswith(town) and m.text != town for m in doc.entities)


def test_a_place_named_on_its_own_gets_no_nested_mention(make_doc: Callable[..., Document]) -> None:
    doc = find_entities(make_doc("وصل وفد تحالف دعم الشرعية في اليمن إلى صنعاء. وتشهد اليمن حربا."),
                        RULES_ONLY)
    doc.check_offsets()
    yemen = [m for m in doc.entities if m.text == "اليمن"]
    assert len(yemen) == 1 and doc.text[yemen[0].start - 1] == " " and yemen[0].start > doc.text.index(".")


def test_nested_mentions_follow_their_outer_name(make_doc: Callable[..., Document]) -> None:
    doc = find_entities(make_doc("قصفت الطائرات ميناء الحديدة فجر اليوم."), RULES_ONLY)
    texts = [m.text for m in doc.entities]
    assert texts.index("ميناء الحديدة") + 1 == texts.index("الحديدة")
    assert [m.id for m in doc.entities] == [f"m{k}" for k in range(1, len(doc.entities) + 1)]


@pytest.mark.parametrize(("sentence", "place"), [
    ("قتل جنديان في هجوم على قاعدة في حديثة غربي الأنبار.", "حديثة"),
    ("تقدمت القوات نحو هيت وحديثة بعد معارك عنيفة.", "حديثة"),
    ("أعلنت ولاية معسكر عن إجراءات جديدة.", "معسكر"),
    ("سقطت قذيفة في الحمة قرب الحدود.", "الحمة"),
    ("أصيب ثلاثة مدنيين في الحمة.", "الحمة"),
    ("اندلعت اشتباكات في القائم قرب الحدود السورية.", "القائم"),
    ("انتشرت القوات في حديثة بمحافظة الأنبار.", "حديثة"),
    ("وصلت التعزيزات بحديثة غربي الأنبار.", "حديثة"),
])
def test_ordinary_words_are_places_in_a_place_context(make_doc: Callable[..., Document], sentence: str,
                                                      place: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert (place, "GPE") in _found(doc)


@pytest.mark.parametrize(("sentence", "word"), [
    ("أجرى الوزير مقابلة حديثة مع التلفزيون.", "حديثة"),
    ("وقال في حديثه لوكالة الأنباء إن الوضع هادئ.", "حديثه"),
    ("دخل الجنود إلى معسكر للجيش قرب المدينة.", "معسكر"),
    ("نقل المجندون إلى معسكر تدريب في الصحراء.", "معسكر"),
    ("وصل القائم بالأعمال إلى مقر الوزارة.", "القائم"),
    ("أصيب الطفل بالحمة بعد لدغة عقرب.", "الحمة"),
    ("تداول الناشطون العديد من الصور التي التقطت في الموقع.", "الصور"),
    ("كشفت دراسة حديثة أن النوم مهم.", "حديثة"),
])
def test_ordinary_words_are_no_places_elsewhere(make_doc: Callable[..., Document], sentence: str,
                                                word: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    assert word not in {m.text for m in doc.entities}


@pytest.mark.parametrize("name", ["معسكر", "حديثة", "الحمة", "الشريعة"])
def test_ambiguous_place_names_are_loaded_folded(name: str) -> None:
    assert fold_key(name) in load_lexicons().ambiguous_places


def test_an_ordinary_word_place_repeats_only_in_a_place_context(make_doc: Callable[..., Document]) -> None:
    doc = find_entities(make_doc("قتل جندي في حديثة غربي الأنبار. وكشفت دراسة حديثة أن الهجمات تراجعت."),
                        RULES_ONLY)
    doc.check_offsets()
    assert [m.start for m in doc.entities if m.text == "حديثة"] == [doc.text.index("حديثة")]
