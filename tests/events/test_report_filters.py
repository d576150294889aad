"""Filters that keep mentions of violence and protest which report no event out of the events.

Each filter has a sentence it must drop and a close one it must keep. All sentences are written for
these tests.
"""

from __future__ import annotations

import pytest

from marsad.config import EventsConfig
from marsad.events import extract_events
from marsad.events.cues import find_cues, find_words, modality_matcher
from marsad.events.modality import SentenceModality
from marsad.events.reporting import listed_cues
from marsad.text.normalize import fold

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")
RULES = EventsConfig(mode="rules")

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
    doc = extract_events(make_doc(dropped), RULES)
    assert doc.events == [], [(e.sub_event_type, e.evidence.text) for e in doc.events]
    doc.check_offsets()
    doc = extract_events(make_doc(kept), RULES)
    assert len(doc.events) == 1, kept
    doc.check_offsets()


def test_toll_keeps_an_act_under_accusation(make_doc):
    doc = extract_events(make_doc(
        "يشتبه في ضلوع الرجل في هجمات الربيع التي أسفرت عن مقتل أربعين شخصاً في المدينة."), RULES)
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
    doc = extract_events(make_doc(sentence), RULES)
    assert any(e.event_type in PROTEST_TYPES and e.sub_event_type != "Mob violence"
               for e in doc.events) is protest, [(e.event_type, e.sub_event_type) for e in doc.events]
    doc.check_offsets()


def test_protesters_shot_are_civilians_attacked(make_doc):
    doc = extract_events(make_doc("قتل متظاهر برصاص قوات الأمن في المدينة أمس."), RULES)
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [
        ("Violence against civilians", "Attack")]
    doc.check_offsets()


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("اندلعت أعمال شغب في الحي ورشق شبان السيارات بالحجارة أمس.", "Mob violence"),
    ("تحولت المظاهرة إلى أعمال شغب ورشق المحتجون الشرطة بالحجارة أمس.", "Violent demonstration"),
])
def test_riot_without_demonstration_is_mob_violence(make_doc, sentence, sub_event_type):
    doc = extract_events(make_doc(sentence), RULES)
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


# False friends of the event words (all sentences written for these tests): (not an event, a near
# neighbour that is one).
FALSE_FRIENDS = [
    # Maghrebi تظاهرة: a festival, a fair or a ceremony unless protesters or a crowd are named
    ("تنطلق مساء اليوم تظاهرة ليالي المدينة العتيقة بالقيروان بمشاركة فرق موسيقية.",
     "نظم عشرات العمال اليوم تظاهرة أمام مقر المعتمدية للمطالبة بصرف أجورهم."),
    ("أشرف الوالي أمس على افتتاح تظاهرة الكتاب المدرسي بدار الثقافة في قفصة.",
     "خرجت تظاهرة حاشدة في شوارع البصرة اليوم تنديدا بانقطاع الكهرباء."),
    ("واختتمت اليوم الأحد فعاليات التظاهرة في دورتها الخامسة بمدينة بنزرت.",
     "تظاهر مئات الطلبة اليوم الأحد أمام الجامعة في مدينة بنزرت."),
    # weather or works that cut a road: a protest only with people who block it
    ("تسببت السيول في قطع الطريق الرابطة بين القصرين وتالة منذ صباح اليوم.",
     "عمد محتجون إلى قطع الطريق الرابطة بين القصرين وتالة صباح اليوم."),
    ("أدى تساقط الثلوج إلى غلق الطريق الجهوية بعين دراهم أمس.",
     "عمد سكان القرية إلى غلق الطريق الجهوية بعين دراهم أمس رغم الثلوج."),
    # cyber attacks, animals and bursting devices
    ("تعرضت مواقع وزارات عدة لهجوم إلكتروني واسع صباح اليوم.",
     "تعرض مقر وزارة الداخلية لهجوم مسلح صباح اليوم."),
    ("شن قراصنة أمس هجوما طال آلاف الحواسيب في عدة بلدان.",
     "شن مسلحون أمس هجوما على حاجز أمني في ضواحي المدينة."),
    ("هاجم تمساح صيادا على ضفة النهر أمس.",
     "هاجم مسلحون صيادا على ضفة النهر أمس."),
    ("ذكرت الشرطة أن الأسود هاجمت حارس الحديقة داخل القفص أمس.",
     "ذكرت الشرطة أن مسلحين هاجموا حارس المصرف داخل الفرع أمس."),
    ("أصيبت امرأة بحروق إثر انفجار بطارية هاتف في منزلها أمس.",
     "أصيبت امرأة بجروح إثر انفجار عبوة ناسفة قرب منزلها أمس."),
    ("أسفر انفجار ناجم عن تسرب للغاز في مطعم بالعاصمة عن إصابة ثلاثة أشخاص أمس.",
     "أسفر انفجار سيارة مفخخة قرب مطعم بالعاصمة عن إصابة ثلاثة أشخاص أمس."),
    # road and sea accidents: a vehicle running over one person, a boat that capsizes
    ("توفي طفل أمس إثر دهس سيارة لتلميذ أمام المدرسة الابتدائية بالمدينة.",
     "أصيب خمسة أشخاص أمس في عملية دهس نفذها سائق شاحنة ضد المارة وسط المدينة."),
    ("لقي 4 مهاجرين حتفهم إثر انقلاب قارب قبالة السواحل أمس.",
     "لقي 4 جنود حتفهم إثر هجوم على دورية قبالة السواحل أمس."),
    ("وكان أغلب من لقوا حتفهم في الحادث من ركاب الحافلة القادمة من الجنوب.",
     "لقي ثلاثة أشخاص حتفهم في حادث إطلاق نار بالمدينة أمس."),
    # plans and announcements of a coming act
    ("أعلنت النقابة عن تنظيم وقفة احتجاجية أمام مقر الوزارة بداية من يوم غد.",
     "نفذت النقابة وقفة احتجاجية أمام مقر الوزارة صباح اليوم."),
    ("فككت الشرطة شبكة سعت إلى تنفيذ اغتيالات ضد شخصيات سياسية.",
     "نفذت الشبكة اغتيالات ضد شخصيات سياسية في العاصمة أمس."),
    # "احتجاجاً على" gives the reason of the act before it and shares its modality
    ("وسينفذ المعلمون غدا الخميس إضرابا عن العمل احتجاجا على تأخر صرف الأجور.",
     "نفذ المعلمون اليوم الخميس إضرابا عن العمل احتجاجا على تأخر صرف الأجور."),
    # counts over a span of years are a tally, not one act
    ("نفذ الجهاز 12عملية اغتيال خلال العقود الماضية في عدة عواصم.",
     "نفذ مسلحون عملية اغتيال في العاصمة صباح اليوم."),
    ("نفذ الجهاز خلال العقود الماضية 12عملية اغتيال قتل فيها 20 شخصا استهدفوا في عدة عواصم.",
     "نفذ الجهاز أمس عملية اغتيال قتل فيها 3 أشخاص استهدفوا في العاصمة."),
]


@pytest.mark.parametrize(("dropped", "kept"), FALSE_FRIENDS)
def test_false_friends_are_not_events(make_doc, dropped, kept):
    doc = extract_events(make_doc(dropped, published="2017-03-01"), RULES)
    assert doc.events == [], [(e.sub_event_type, e.evidence.text) for e in doc.events]
    doc.check_offsets()
    doc = extract_events(make_doc(kept, published="2017-03-01"), RULES)
    assert len(doc.events) >= 1, kept
    doc.check_offsets()


# "منذ" + a time of today, or "منذ + year" after the act, measures a span up to now: no recall.
# Near neighbours keep the flag: a year that dates the act itself, an anniversary.
@pytest.mark.parametrize(("sentence", "historical"), [
    ("تدور منذ صبيحة اليوم مواجهات بين المحتجين وقوات الأمن في المدينة.", False),
    ("تتواصل منذ الساعات الأولى من صباح اليوم اشتباكات عنيفة في ضواحي المدينة.", False),
    ("اندلعت اليوم اشتباكات هي الأعنف في المدينة منذ عام 2011.", False),
    ("اندلعت اليوم اشتباكات هي الأعنف منذ سقوط النظام في 2011.", False),
    ("هاجم مسلحون ثكنة في المدينة في 2011 وقتلوا ثلاثة جنود.", True),
    ("خرجت صباح اليوم مسيرات احتجاجية في عدة مدن، مشيرة إلى أن البلاد تعرف منذ 2011 تحركات مماثلة.", False),
    ("اغتيل القيادي في العاصمة عام 1988.", True),
    ("أحيا الأهالي الذكرى الخامسة لاغتيال المناضل في العاصمة.", True),
])
def test_historical_flag_comes_from_the_event_clause(make_doc, sentence, historical):
    doc = extract_events(make_doc(sentence, published="2017-03-01"), RULES)
    assert doc.events, sentence
    assert doc.events[0].historical is historical, sentence
    doc.check_offsets()
