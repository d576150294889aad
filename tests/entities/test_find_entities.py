"""find_entities on hand-written sentences: types, spans without proclitics, offsets, ids."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.config import EntitiesConfig
from marsad.document import Document
from marsad.entities import find_entities

RULES_ONLY = EntitiesConfig(use_model=False)


def _found(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in doc.entities}


@pytest.mark.parametrize(("sentence", "expected"), [
    # facility heads + names, quoted names belong to their head
    ("سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية فجر اليوم.", {("قاعدة عين الأسد الجوية", "FAC")}),
    ("هبطت الطائرة في مطار بغداد الدولي مساء الأحد.", {("مطار بغداد الدولي", "FAC")}),
    ('استهدفت طائرة مسيرة قاعدة "حرير" شمالي أربيل.', {('قاعدة "حرير"', "FAC"), ("أربيل", "GPE")}),
    ("أغلقت السلطات معبر رأس جدير الحدودي.", {("معبر رأس جدير", "FAC")}),
    # organisation heads: construct, definite + adjectives, ل-complements, quoted names
    ("أعلنت وزارة الدفاع الوطني عن حصيلة جديدة.", {("وزارة الدفاع الوطني", "ORG")}),
    ("قالت الحكومة العراقية إنها ستحقق في الأمر.", {("الحكومة العراقية", "ORG")}),
    ("انتقدت الهيئة الوطنية لمكافحة الفساد القرار.", {("الهيئة الوطنية لمكافحة الفساد", "ORG")}),
    ('وتبنى فصيل "أنصار الحق" الهجوم على الرتل.', {("أنصار الحق", "ORG")}),
    ("طالبت الإدارة الأميركية للتحرك بسرعة.", {("الإدارة الأميركية", "ORG")}),
    ("وأكد الجيش أن الوضع تحت السيطرة.", {("الجيش", "ORG")}),
    # places: heads, lexicon names, dual heads with a coordination
    ("وقعت اشتباكات في محافظة الأنبار غربي البلاد.", {("محافظة الأنبار", "GPE")}),
    ("نفذت غارات على أهداف في محافظتي بابل والمثنى.", {("بابل", "GPE"), ("المثنى", "GPE")}),
    ("وصل الوفد إلى تونس قادما من الجزائر.", {("تونس", "GPE"), ("الجزائر", "GPE")}),
    # people: titles and first names, propagation of the family name
    ("التقى الجنرال قاسم سليماني بقادة الفصائل.", {("قاسم سليماني", "PER")}),
    ("وقال الرئيس الأمريكي دونالد ترامب إن بلاده سترد.", {("دونالد ترامب", "PER")}),
    ("صرح كمال الحسناوي بأن الهدنة انتهت. وأضاف الحسناوي أن الرد قادم.",
     {("كمال الحسناوي", "PER"), ("الحسناوي", "PER")}),
])
def test_find_entities_finds_names_with_types(make_doc: Callable[..., Document], sentence: str,
                                             expected: set[tuple[str, str]]) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert expected <= _found(doc)


@pytest.mark.parametrize(("sentence", "mention"), [
    ("وصلت التعزيزات وبغداد تترقب.", "بغداد"),
    ('وقال مسؤول لـ"العربي الجديد" إن الاجتماع تأجل.', "العربي الجديد"),
    ("انسحبت القوات القتالية للتحالف الدولي من البلاد.", "لتحالف الدولي"),
    ("وصرح مصدر بالحكومة العراقية بأن المفاوضات مستمرة.", "الحكومة العراقية"),
])
def test_find_entities_drops_attached_proclitics(make_doc: Callable[..., Document], sentence: str,
                                                 mention: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert mention in {m.text for m in doc.entities}


@pytest.mark.parametrize("sentence", [
    "قالت مصادر أميركية إن الاجتماع انتهى.",  # a demonym is no mention by itself
    "استهدفت الهجمات القواعد العسكرية في الجنوب.",  # generic plural head + adjective
    "أقامت الفرقة قاعدة عسكرية جديدة.",  # an indefinite adjective is no name
    "فإن الوضع لا يزال متوترا.",  # a function word behind a proclitic, not a town
])
def test_find_entities_leaves_generic_phrases_alone(make_doc: Callable[..., Document],
                                                    sentence: str) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    assert doc.entities == []


def test_find_entities_spans_are_sorted_disjoint_and_numbered(make_doc: Callable[..., Document]) -> None:
    text = ("قال رئيس الوزراء العراقي مصطفى الكاظمي إن الحكومة العراقية ستحمي القواعد، "
            "بعد هجوم على قاعدة عين الأسد بمحافظة الأنبار. وكان الكاظمي قد زار بغداد.")
    doc = find_entities(make_doc(text))
    doc.check_offsets()
    starts = [m.start for m in doc.entities]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(doc.entities, doc.entities[1:], strict=False))
    assert [m.id for m in doc.entities] == [f"m{i}" for i in range(1, len(doc.entities) + 1)]
    assert all(m.source for m in doc.entities)
    assert ("الكاظمي", "PER") in _found(doc)


def test_find_entities_keeps_offsets_under_diacritics(make_doc: Callable[..., Document]) -> None:
    text = "وأعلنت وزارةُ الدفاعِ العراقيةِ مقتلَ ثلاثة مسلّحين قرب بغدادَ."
    doc = find_entities(make_doc(text), RULES_ONLY)
    doc.check_offsets()
    assert {m.type for m in doc.entities} == {"ORG", "GPE"}


def test_find_entities_works_without_segmentation(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("انعقد مجلس النواب الأمريكي في واشنطن.")
    doc.tokens = []
    doc.sentences = []
    find_entities(doc)
    doc.check_offsets()
    assert ("مجلس النواب الأمريكي", "ORG") in _found(doc)


def test_find_entities_on_empty_text(make_doc: Callable[..., Document]) -> None:
    assert find_entities(make_doc("")).entities == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # Mashriq
    ("قتل خمسة عناصر من قوات سوريا الديمقراطية بهجوم لتنظيم داعش في ريف دير الزور الشرقي.",
     {("قوات سوريا الديمقراطية", "ORG"), ("تنظيم داعش", "ORG"), ("دير الزور", "GPE")}),
    ("أعلنت هيئة تحرير الشام سيطرتها على بلدة كفرنبل جنوب إدلب.",
     {("هيئة تحرير الشام", "ORG"), ("بلدة كفرنبل", "GPE"), ("إدلب", "GPE")}),
    ("اعتقلت قوات الاحتلال الإسرائيلي ثلاثة شبان من مخيم جنين.",
     {("قوات الاحتلال الإسرائيلي", "ORG")}),  # the gazetteer decides what مخيم جنين is
    ("فجر انتحاري نفسه قرب حاجز في بلدة عرسال البقاعية.", {("بلدة عرسال", "GPE")}),
    ("وأفاد المرصد السوري لحقوق الإنسان بمقتل مدنيين.", {("المرصد السوري لحقوق الإنسان", "ORG")}),
    ("اغتال مسلحون الناشط عبد الرحمن الزبيدي في مدينة الناصرية.",
     {("عبد الرحمن الزبيدي", "PER"), ("مدينة الناصرية", "GPE")}),
    ("وأكد العقيد تركي المالكي أن الدفاعات اعترضت طائرة مسيرة.", {("تركي المالكي", "PER")}),
    ("وأصيب جنديان في هجوم لحزب العمال الكردستاني بولاية هكاري.", {("ولاية هكاري", "GPE")}),
    # Maghreb
    ("أكد وزير الداخلية التونسي هشام المشيشي أن الوحدات الأمنية أحبطت عملية بجبل الشعانبي.",
     {("هشام المشيشي", "PER"), ("الوحدات الأمنية", "ORG"), ("جبل الشعانبي", "LOC")}),
    ("وشارك ممثلون عن حركة نداء تونس وحزب آفاق تونس والجبهة الشعبية.",
     {("حركة نداء تونس", "ORG"), ("حزب آفاق تونس", "ORG"), ("الجبهة الشعبية", "ORG")}),
    ("واعتقلت السلطات الصحفي محمود حسين بتهمة نشر أخبار كاذبة.", {("محمود حسين", "PER")}),
    # the gold names a local branch with the place it serves (الاتحاد الجهوي للشغل بمدنين)
    ("أعلن الاتحاد الجهوي للشغل بصفاقس عن إضراب عام.", {("الاتحاد الجهوي للشغل بصفاقس", "ORG")}),
    ("وقال الناطق باسم وزارة الداخلية،محمد علي العروي إن الوضع مستقر.",
     {("وزارة الداخلية", "ORG"), ("محمد علي العروي", "PER")}),  # علي folds like على
    ("حسبما أفادت وكالة الانباء المركزية.", {("وكالة الانباء المركزية", "ORG")}),
    ("وأوضح العقيد يونس بدوي رئيس وحدة المراقبة أن الخدمة متاحة.",
     {("يونس بدوي", "PER"), ("وحدة المراقبة", "ORG")}),
    ('وحسب المصدر فإن مسلحا يدعى "الطاهر ضيف الله" سلم نفسه.', {("الطاهر ضيف الله", "PER")}),
    ("بعد اغتيال الشهيد شكري بلعيد أمام منزله.", {("شكري بلعيد", "PER")}),  # not ب + لعيد
    ("وتبنت «القاعدة» الهجوم على الثكنة.", {("القاعدة", "ORG")}),
    ("وقال الأمين العام لحزب الله حسن نصر الله إن الرد قادم.", {("حزب الله", "ORG")}),
    ("وتظاهر المئات في ساحة الشهداء وسط بيروت.", {("ساحة الشهداء", "FAC"), ("بيروت", "GPE")}),
    ("وأعلنت سرايا القدس الجناح العسكري لحركة الجهاد الإسلامي قصف مستوطنات.",
     {("سرايا القدس", "ORG"), ("حركة الجهاد الإسلامي", "ORG")}),
    ("وأكد محافظ نينوى نجم الجبوري أن الوضع مستقر.", {("نينوى", "GPE"), ("نجم الجبوري", "PER")}),
    ("وحضر وزير العمل راسم لياليتش الاجتماع.", {("راسم لياليتش", "PER")}),
    ("وقال محمد علي البوغديري إن الاتفاق نهائي.", {("محمد علي البوغديري", "PER")}),
    ("وتجمع المحتجون في الساحة الكبرى وسط المدينة.", {("الساحة الكبرى", "FAC")}),
    # a local unit with the place it serves, as the gold writes it (وحدات الحرس الوطني ببن عروس)
    ("وتمكنت وحدات الحرس البحري بالمهدية من إنقاذ مهاجرين.",
     {("وحدات الحرس البحري بالمهدية", "ORG"), ("المهدية", "GPE")}),
    ("وقالت النقابة الوطنية للصحفيين التونسيين إن الاعتداء مرفوض.",
     {("النقابة الوطنية للصحفيين التونسيين", "ORG")}),
    ("وقالت المديرية العامة للأمن الوطني إن الشبكة فككت بمدينة وجدة.",
     {("المديرية العامة للأمن الوطني", "ORG"), ("مدينة وجدة", "GPE")}),
])
def test_find_entities_across_the_region(make_doc: Callable[..., Document], sentence: str,
                                         expected: set[tuple[str, str]]) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert expected <= _found(doc)


@pytest.mark.parametrize(("sentence", "absent"), [
    ("داعية المواطنين في بيان أصدرته إلى التبليغ.", "بيان أصدرته"),  # a first name that is a word
    ("وسط إجراءات أمنية مشددة.", "أمنية مشددة"),
    ("وأشار تقرير الأمين العام الخاص إلى تحسن.", "الخاص"),  # an adjective after a title
    ("عبر عن رفضه لمواقف الرئيس الجديد.", "الجديد"),
    ("وعملت لصالح أجنداتها الخاصة.", "صالح أجنداتها"),  # لصالح: in favour of
    ("تتكاثف السحب بالمناطق الغربية للوسط.", "الغربية"),  # an adjective, not the governorate
    ("عشية تنصيبه الرئيس الـ 45 للبلاد.", "الـ"),
    ("كان بطل التخطيط والتنظيم.", "بطل التخطيط"),  # a first name that is a common noun
    ("دعا إلى مقاطعة احتفالات الذكرى.", "مقاطعة احتفالات"),  # مقاطعة: boycott, not province
    ("ممن أخذوا على عاتقهم قتل أتباع آل البيت.", "آل البيت"),
    ("يختتم الدكتور فضل فصله الثالث.", "فضل فصله الثالث"),
    ("وصلت التعزيزات إلى القاعدة العسكرية ليلا.", "القاعدة"),  # the base, not the organisation
    ("نفذ تنظيم داعش الارهابي وتمشيط المناطق التي انسحب منها.", "وتمشيط المناطق"),
    ("وأعلن التيار رفضه للتسوية برئاسة جبران باسيل.", "رئاسة جبران باسيل"),  # برئاسة: led by
    ("وقضت المحكمة بسجن المتهم عامين.", "سجن المتهم"),  # بسجن: by imprisoning
    ("تعيينات مشبوهة على قاعدة الولاءات.", "قاعدة الولاءات"),  # على قاعدة: on the basis of
    ("وقد أشرف على تنفيذ المشروع فريق من المهندسين.", "أشرف على"),  # a verb, not أشرف علي
    ("نقل التلميذ لتلقي الإسعافات.", "لتلقي الإسعافات"),
    ("قال والد التلميذ المتضرر إن ابنه بخير.", "المتضرر"),
    ("وقال يوسف مارس الماضي إنه سيعود.", "يوسف مارس"),  # a month is no family name
    ("وكتب على ورقة بيضاء اسمه.", "رقة"),  # ورقة: paper, not و + the town رقة
    ("وتجمع المحتجون في الساحة وسط المدينة.", "تجمع المحتجون"),  # a verb: they gathered
])
def test_find_entities_does_not_take_words_for_names(make_doc: Callable[..., Document], sentence: str,
                                                     absent: str) -> None:
    doc = find_entities(make_doc(sentence))
    assert absent not in {m.text for m in doc.entities}


@pytest.mark.parametrize(("sentence", "expected", "absent"), [
    # a local branch: the body and the place it serves are one name, the place nested in it
    ("أذنت النيابة العمومية بسوسة بفتح تحقيق في الحادثة.",
     {("النيابة العمومية بسوسة", "ORG"), ("سوسة", "GPE")}, ("النيابة العمومية", "ORG")),
    ("نظمت غرفة الإكساء والنسيج بسوسة اجتماعا طارئا.",
     {("غرفة الإكساء والنسيج بسوسة", "ORG")}, ("غرفة الإكساء والنسيج", "ORG")),
    # a facility described by its head and adjective is named by the town it serves (a head the gold
    # names so: scripts/build_name_edges.py), a university only located there
    ("نقل المصاب إلى المستشفى الجهوي بالقصرين لتلقي العلاج.",
     {("المستشفى الجهوي بالقصرين", "FAC"), ("القصرين", "GPE")}, ("المستشفى الجهوي", "FAC")),
    ("درس سنوات في الجامعة التونسية بصفاقس قبل سفره.",
     {("الجامعة التونسية", "ORG"), ("صفاقس", "GPE")}, ("الجامعة التونسية بصفاقس", "ORG")),
    # a facility named after a person is one name with the person's (and the town it serves)
    ("نقل المصاب إلى المستشفى الجامعي الطاهر صفر بالمهدية.",
     {("المستشفى الجامعي الطاهر صفر بالمهدية", "FAC"), ("المهدية", "GPE")}, ("الطاهر صفر", "PER")),
    ("يدرس في المدرسة الإعدادية محمد محسن البواب منذ عامين.",
     {("المدرسة الإعدادية محمد محسن البواب", "FAC")}, ("محمد محسن البواب", "PER")),
    # a national body the lists know acts in the place: two names
    ("قال الحرس الوطني بالمهدية إن الدورية أوقفت المشتبه به.",
     {("الحرس الوطني", "ORG"), ("المهدية", "GPE")}, ("الحرس الوطني بالمهدية", "ORG")),
])
def test_find_entities_joins_a_served_place(make_doc: Callable[..., Document], sentence: str,
                                            expected: set[tuple[str, str]], absent: tuple[str, str]) -> None:
    doc = find_entities(make_doc(sentence))
    doc.check_offsets()
    assert expected <= _found(doc)
    assert absent not in _found(doc)
