"""Filters that keep mentions of violence and protest which report no event out of the events.

Each filter has a sentence it must drop and a close one it must keep. All sentences are written for
these tests.
"""

from __future__ import annotations

import pytest

from marsad.events import extract_events
from marsad.events.cues import find_cues, find_words, modality_matcher
from marsad.events.modality import SentenceModality
from marsad.events.reporting import listed_cues
from marsad.text.normalize import fold

PROTEST_TYPES = ("Protests", "Riots")

# (sentence it must drop, a similar sentence it must keep)
PAIRS = [
    # condemnation and reaction: the act is the object of a verb of judging
    ("استنكر الحزب في بيان صحافي أصدره مساء أمس تفجيرات المدينة التي وقعت الخميس الماضي.",
     "ضربت التفجيرات المدينة مساء أمس وأسفرت عن مقتل ثلاثة أشخاص."),
    ("أدان الحزب المعارض أمس الهجوم الذي وقع على مركز الحرس في الصحراء.",
     "هاجم مسلحون مركز الحرس في الصحراء أمس."),
    # investigation and trial
    ("تجري النيابة أمس تحقيقا في التفجيرات التي هزت الموانئ.",
     "هزت تفجيرات ميناء العاصمة صباح اليوم."),
    ("بدأت النيابة العامة أمس التحقيق في الاعتداء الذي وقع على مقر البلدية.",
     "تعرض مقر البلدية لاعتداء بالحجارة فجر اليوم."),
    # a relative clause that names a past act of a person or place
    ("زار الوفد ضريح الزعيم الذي اغتيل في العاصمة.",
     "اغتال مسلحون الزعيم في العاصمة أمس."),
    ("أفرجت القبيلة أمس عن السائحين اللذين اختطفا في الشمال.",
     "اختطف مسلحون سائحين اثنين في الشمال أمس."),
    # a relative clause runs on to the comma, where the main verb takes over
    ("التقى الوزير أمس عائلة الصحفي الذي اغتيل في العاصمة بتفجير عبوة ناسفة.",
     "البناية التي تضم مكاتب الوزارة، تعرضت لهجوم بقذائف الهاون فجر اليوم."),
    # a question opened by هل
    ("هل كانت الجماعة وراء تفجير الجسر الذي وقع أمس.",
     "كان التنظيم وراء تفجير الجسر أمس، وأسفر التفجير عن مقتل خمسة أشخاص."),
    # اعتدت "got used to" against اعتدت على "assaulted"
    ("لقد اعتدت أن أمشي كل صباح في الحديقة.",
     "اعتدت عناصر من الشرطة على صحفيين أمام المحكمة أمس، ما أدى إلى إصابة ثلاثة منهم."),
    # a word of protest that names a festival or a career
    ("افتتحت الوزيرة مساء أمس تظاهرة المسرح العربي في المدينة بحضور الآلاف.",
     "نظم العمال تظاهرة أمام مقر الولاية أمس."),
    ("شارك آلاف الشباب أمس في مسيرة طويلة من النضال ضد الفقر.",
     "خرجت مسيرة من وسط المدينة نحو البرلمان أمس."),
    # a list of kinds of act names crimes in general
    ("تحدث التقرير عن الاغتيالات والخطف والاغتصاب على أيدي العصابات في الإقليم أمس.",
     "خطف مسلحون ثلاثة مزارعين في القرية أمس."),
    # "after" dates another act by an earlier one; "because of" ties a toll to the act
    ("وصل الرئيس إلى العاصمة أمس بعد هجوم المتمردين على الحدود.",
     "قتل ثلاثة جنود أمس جراء هجوم المتمردين على الحدود."),
    ("ظهر الجنود في السوق صباح أمس عقب تفجير انتحاري كبير.",
     "قتل ثلاثة أشخاص صباح أمس جراء تفجير انتحاري كبير في السوق."),
    # capability and weapons
    ("عرض الجيش أمس تقنية صواريخ جديدة أطلقت خلال المناورات.",
     "سقطت صواريخ على أطراف المدينة فجر اليوم."),
]


@pytest.mark.parametrize(("dropped", "kept"), PAIRS)
def test_report_filter_drops_and_keeps(make_doc, dropped, kept):
    doc = extract_events(make_doc(dropped))
    assert doc.events == [], [(e.sub_event_type, e.evidence.text) for e in doc.events]
    doc.check_offsets()
    doc = extract_events(make_doc(kept))
    assert len(doc.events) == 1, kept
    doc.check_offsets()


def test_toll_keeps_an_act_under_accusation(make_doc):
    doc = extract_events(make_doc(
        "يشتبه في ضلوع الرجل في هجمات الربيع التي أسفرت عن مقتل أربعين شخصاً في المدينة."))
    assert len(doc.events) == 1
    doc.check_offsets()


# A name for the crowd with no gathering told: what happened to protesters is not a protest.
@pytest.mark.parametrize(("sentence", "protest"), [
    ("أطلقت الشرطة الرصاص الحي على المتظاهرين أمس فقتلت اثنين منهم.", False),
    ("تظاهر المئات في الساحة وأطلقت الشرطة النار على المتظاهرين.", True),
    ("قتل متظاهر برصاص قوات الأمن في المدينة أمس.", False),
    ("قتل متظاهر برصاص قوات الأمن خلال مظاهرة في المدينة أمس.", True),
    ("خرج آلاف المتظاهرين في شوارع المدينة أمس.", True),
    ("تجمع نحو مائة متظاهر أمام البرلمان مساء أمس.", True),
    ("نزلوا إلى الشوارع مساء السبت رافعين شعارات ضد الغلاء.", True),
])
def test_protest_needs_a_gathering(make_doc, sentence, protest):
    doc = extract_events(make_doc(sentence))
    assert any(e.event_type in PROTEST_TYPES and e.sub_event_type != "Mob violence"
               for e in doc.events) is protest, [(e.event_type, e.sub_event_type) for e in doc.events]
    doc.check_offsets()


def test_protesters_shot_are_civilians_attacked(make_doc):
    doc = extract_events(make_doc("قتل متظاهر برصاص قوات الأمن في المدينة أمس."))
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [
        ("Violence against civilians", "Attack")]
    doc.check_offsets()


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("اندلعت أعمال شغب في الحي ورشق شبان السيارات بالحجارة أمس.", "Mob violence"),
    ("تحولت المظاهرة إلى أعمال شغب ورشق المحتجون الشرطة بالحجارة أمس.", "Violent demonstration"),
])
def test_riot_without_demonstration_is_mob_violence(make_doc, sentence, sub_event_type):
    doc = extract_events(make_doc(sentence))
    assert [e.sub_event_type for e in doc.events] == [sub_event_type]
    doc.check_offsets()


@pytest.mark.parametrize(("text", "listed"), [
    ("عن الاغتيالات والخطف والاغتصاب في الإقليم", 3),
    ("عن الخطف والاغتصاب في الإقليم", 0),  # two nouns are often the toll of one act
    ("اختطف مسلحون وخطفوا آخرين واغتصبوا", 0),  # finite verbs report acts
])
def test_listed_cues_needs_a_run_of_three_nouns(text, listed):
    folded = fold(text).text
    modality = SentenceModality(folded, 0, len(folded), find_words(modality_matcher(), folded, 0, len(folded)))
    assert len(listed_cues(find_cues(folded), modality)) == listed
