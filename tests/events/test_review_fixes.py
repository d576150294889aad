"""Fixes from a precision review on news articles the stage was not tuned on (full pipeline).

Each case that must change has a near neighbour that must not.
"""

from __future__ import annotations

from typing import Any

import pytest

from marsad import extract, extract_many
from marsad.config import EventsConfig
from marsad.document import Article, Document
from marsad.events import extract_events

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")
RULES = EventsConfig(mode="rules")

PUBLISHED = "2017-02-17"


def _run(text: str) -> Document:
    (doc,) = extract_many([Article(id="r1", text=text, title=None, published=PUBLISHED)])
    doc.check_offsets()
    return doc


# Written for these tests. A past year in words (السنة الفارطة، العام الماضي) in the clause makes the
# act recalled; a past week is still news.
@pytest.mark.parametrize(("sentence", "historical"), [
    ("وكانت مدينة القلعة قد شهدت مواجهات بين الأمن وعدد من المحتجين خلال مظاهرة السنة الفارطة "
     "للمطالبة بالتشغيل.", True),
    ("خرج مئات المحتجين في مسيرة بمدينة القلعة العام الماضي للمطالبة بالتشغيل.", True),
    ("وكانت مدينة القلعة قد شهدت مواجهات بين الأمن وعدد من المحتجين خلال مظاهرة الأسبوع الفارط "
     "للمطالبة بالتشغيل.", False),
    ("خرج مئات المحتجين في مسيرة بمدينة القلعة أمس للمطالبة بالتشغيل.", False),
    ("نظم أهالي الموقوفين أمس وقفة احتجاجية أمام سجن القلعة للمطالبة بالإفراج عن أبنائهم الموقوفين "
     "منذ 4 سنوات.", False),
])
def test_events_past_year_in_words_is_historical(sentence: str, historical: bool) -> None:
    doc = _run(sentence)
    assert len(doc.events) == 1
    assert doc.events[0].historical is historical


# The subject of تمكن ... من and of ألقى ... القبض carries out the arrest.
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("تمكنت وحدات الحرس الوطني بمدنين أمس الأحد 12 فيفري 2017 من القبض على عنصر تكفيري بمنطقة "
     "الطابعي.", "وحدات الحرس الوطني"),
    ("ألقت الشرطة التونسية القبض على ناشط معارض في العاصمة أمس.", "الشرطة التونسية"),
])
def test_events_arrest_takes_the_subject_of_its_verb(sentence: str, actor1: str) -> None:
    doc = _run(sentence)
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]
    assert doc.events[0].actor1 is not None
    assert doc.events[0].actor1.name == actor1


def test_events_arrest_without_such_a_verb_keeps_no_actor1() -> None:
    doc = _run("أكد مصدر أمني القبض على عنصر تكفيري أمس بمنطقة الطابعي من ولاية مدنين.")
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]
    assert doc.events[0].actor1 is None


# مناوشات between security forces and a crowd is a riot; مناوشات كلامية is a quarrel.
@pytest.mark.parametrize(("sentence", "types"), [
    ("تشهد مدينة القلعة منذ مساء اليوم تعزيزات أمنية كبيرة على إثر المناوشات التي جدّت بين شبان "
     "الجهة والأمن.", ["Riots"]),
    ("شهدت مدينة القلعة أمس مناوشات بين المحتجين وقوات الأمن.", ["Riots"]),
    ("شهدت الجلسة مناوشات كلامية بين النواب أمس.", []),
])
def test_events_skirmishes(sentence: str, types: list[str]) -> None:
    assert [e.event_type for e in _run(sentence).events] == types


# The speaker of "وأضافت الشرطة أن" is not the perpetrator of the act it reports.
def test_events_speaker_of_added_report_is_not_actor1() -> None:
    doc = _run("انفجرت عبوة ناسفة قرب مقر البلدية صباح اليوم. وأضافت الشرطة أن مهاجما ألقى العبوة "
               "من فوق السياج.")
    assert len(doc.events) == 1
    assert doc.events[0].actor1 is None


@pytest.mark.parametrize(("sentence", "target"), [
    ("قتل ثلاثة جنود بهجوم شنّه مسلحون على نقطة عسكرية في قضاء الشرقاط أمس.", "نقطة عسكرية"),
    ("أصيب خمسة في هجمات نفذها التنظيم ضد مواقع الجيش شمال البلاد.", "مواقع الجيش شمال البلاد"),
    ("قتل جنديان في هجوم على دورية للجيش قرب الحدود.", "دورية للجيش"),
])
def test_events_target_skips_the_clause_naming_the_attacker(sentence: str, target: str) -> None:
    doc = extract(sentence, published="2023-03-14")
    doc.check_offsets()
    assert [e.target for e in doc.events] == [target]


# actor2 as ACLED codes it: the force whose members were hit, the group whose leader was killed,
# the target the article's other attacks name; none for a peaceful protest.
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("قتل ثلاثة جنود عراقيين في هجوم شنه مسلحون على نقطة تفتيش في مدينة كركوك أمس.", "الجيش العراقي"),
    ("أسفرت عملية دهس في القدس أمس عن مقتل 4 من جنود الاحتلال وإصابة آخرين.", "الاحتلال"),
    ("أصيب شرطيان تونسيان في هجوم مسلح على دورية بمدينة القصرين أمس.", "الشرطة التونسية"),
    ("قتل قائد في حركة الشباب بغارة جوية جنوب مقديشو أمس.", "حركة الشباب"),
    ("قتل ضابط ومجند من الشرطة في هجوم مسلح بمدينة العريش أمس.", "الشرطة"),
    # the side attacked, as the text describes it (ANNOTATION-GUIDE: actor2)
    ("هاجم جنود عراقيون مخبأ للمسلحين في مدينة كركوك أمس.", "المسلحين"),
    ("نظم عشرات العمال وقفة احتجاجية أمام مقر وزارة التربية بتونس أمس.", None),
])
def test_events_actor2_is_the_side_hit(sentence: str, actor2: str | None) -> None:
    doc = _run(sentence)
    assert len(doc.events) == 1
    got = doc.events[0].actor2
    assert (got.name if got is not None else None) == actor2


def test_events_attacks_on_posts_share_the_target_of_the_campaign() -> None:
    doc = _run("استهدفت عبوة ناسفة رتلاً للتحالف الدولي قرب مدينة الناصرية أمس.\n"
               "وسقطت صواريخ على قاعدة عسكرية في محافظة الأنبار.\n"
               "وقتل ثلاثة مدنيين بقذائف سقطت على سوق شعبي في مدينة الحلة.")
    targets = {e.location.name if e.location else None: e.actor2.name if e.actor2 else None
               for e in doc.events}
    # the base is the coalition's, as the convoy is; the market's victims are civilians
    assert targets == {"مدينة الناصرية": "التحالف الدولي", "محافظة الأنبار": "التحالف الدولي",
                       "مدينة الحلة": "مدنيين"}


# The perpetrator named in a clause about "the perpetrator of the attack" is actor1, not its target.
def test_events_perpetrator_named_after_the_agent_noun() -> None:
    doc = _run("كشفت الشرطة الكندية أمس هوية منفذ هجوم المسجد في مدينة كيبيك وهو الطالب ألكسندر "
               "بيسونيت.")
    event = doc.events[0]
    assert event.actor1 is not None and event.actor1.name == "ألكسندر بيسونيت"
    # the worshippers are not described: ACLED's civilians (ANNOTATION-GUIDE: actor2)
    assert event.actor2 is not None and event.actor2.name == "مدنيين"
    assert event.actor2.name_en == "Civilians (Canada)" and event.inter2 == 7


# Dates: an event the article dates nowhere takes the day of the lead's event, one step less
# precise; not the date of the report told just before it (another incident of a round-up).
def test_events_undated_event_takes_the_lead_date() -> None:
    doc = _run("قتل جندي فجر اليوم الجمعة بهجوم مسلح على حاجز في مدينة الموصل.\n"
               "وفي محافظة ديالى، انفجرت عبوة ناسفة مساء أمس على دورية للشرطة.\n"
               "ونفذ الطيران الحربي ضربة جوية على مخبأ للمسلحين في وادي حوران.")
    dates = [(e.sub_event_type, e.date, e.time_precision) for e in doc.events]
    assert dates == [("Armed clash", PUBLISHED, 1), ("Remote explosive/landmine/IED", "2017-02-16", 1),
                     ("Air/drone strike", PUBLISHED, 2)]


def test_events_undated_event_without_a_dated_lead_takes_the_report_date() -> None:
    doc = _run("نفذ الطيران الحربي ضربة جوية على مخبأ للمسلحين في وادي حوران.")
    assert [(e.date, e.time_precision) for e in doc.events] == [(PUBLISHED, 2)]


# A force in genitive right after a noun of attack is its author (قصف الجيش، غارات التحالف);
# so is a force noun with a demonym right before the verb (الطيران العراقي نفذ).
@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("قصف الجيش المصري أمس مواقع لتنظيمات متطرفة في مدينة درنة.", "الجيش المصري", None),
    ("قتل جنديان في قصف لمواقع الجيش المصري قرب مدينة العريش أمس.", None, "الجيش المصري"),
    ("وأكد المتحدث أن الطيران العراقي نفذ ضربة جوية على مخبأ في وادي حوران أمس.", "الطيران العراقي", None),
])
def test_events_force_after_a_noun_of_attack(sentence: str, actor1: str | None, actor2: str | None) -> None:
    doc = _run(sentence)
    assert len(doc.events) == 1
    got1, got2 = doc.events[0].actor1, doc.events[0].actor2
    assert (got1.name if got1 else None, got2.name if got2 else None) == (actor1, actor2)


@pytest.mark.parametrize(("text", "expected"), [
    # "N years after the act" takes the act as done, long ago: a recalled event with its own date
    ("وتأتي هذه الخطوة بعد نحو تسع سنوات على سيطرة تنظيم داعش على مدينة الموصل في 10 يونيو 2014.",
     [("Non-state actor overtakes territory", True, "2014-06-10", "تنظيم داعش")]),
    # the gunmen the text describes are the actor (SCHEMA.md: a described actor is actor1)
    ("ويأتي القرار مع مرور عشر سنوات على سيطرة المسلحين على مدينة سرت في مارس 2015.",
     [("Non-state actor overtakes territory", True, "2015-03", "المسلحين")]),
    # a bare reference with nothing of its own is no event
    ("وبعد عام على الهجوم، ما زالت المدينة تعيش في خوف.", []),
    ("وبعد ساعات على الهجوم، أغلقت الشرطة الطريق.", []),
])
def test_an_anniversary_recalls_the_act(text: str, expected: list[tuple[str, bool, str, str | None]]) -> None:
    doc = extract(text, published="2023-03-14")
    doc.check_offsets()
    assert [(e.sub_event_type, e.historical, e.date, e.actor1.name if e.actor1 else None)
            for e in doc.events] == expected


# Written for these tests (h4 review, actors). The subject of a passive verb of attack is its victim;
# the same verb in the active voice has the attacker as subject.
@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("اغتيل القيادي سامي العلي أمس في مدينة صيدا.", None, "سامي العلي"),
    ("اغتال تنظيم داعش القيادي سامي العلي أمس في مدينة صيدا.", "داعش", "سامي العلي"),
])
def test_events_passive_subject_is_the_victim(sentence: str, actor1: str | None, actor2: str) -> None:
    (event,) = _run(sentence).events
    if actor1 is None:
        assert event.actor1 is None
    else:
        assert event.actor1 is not None and actor1 in event.actor1.name
    assert event.actor2 is not None and event.actor2.name == actor2


# The owner of the weapon that killed (برصاص الشرطة) is actor1; gunmen are the described actor
# (the annotation guide: an unnamed but described perpetrator is actor1 as written).
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("قتل شاب برصاص الشرطة في مدينة القصرين أمس.", "الشرطة"),
    ("قتل شرطي برصاص مسلحين في مدينة القصرين أمس.", "مسلحين"),
])
def test_events_instrument_owner_is_actor1(sentence: str, actor1: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor1.name if event.actor1 else None) == actor1


# "قامت X بـ + verbal noun": the light verb's subject carries out the act, as with the finite verb.
@pytest.mark.parametrize("sentence", [
    "قامت القوات المسلحة الجزائرية أمس بقصف مواقع للمسلحين في ولاية تيزي وزو.",
    "قصفت القوات المسلحة الجزائرية أمس مواقع للمسلحين في ولاية تيزي وزو.",
])
def test_events_light_verb_subject_is_actor1(sentence: str) -> None:
    (event,) = _run(sentence).events
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 is not None and event.actor1.name == "القوات المسلحة الجزائرية"


# Not actor1: the police that arrests the attacker after the act, a speaker's force in the next
# sentence, a building that was hit; the لـ owner of an act against someone is.
@pytest.mark.parametrize(("text", "actor1"), [
    ("وقال المتحدث إن مسلحا اندفع نحو دورية من أربعة جنود في باريس أمس، فأطلق أحد الجنود النار عليه "
     "وأصابه، مشيرا إلى أن الشرطة أوقفت المهاجم.", None),
    ("هاجم مسلح بسكين دورية عسكرية قرب متحف في باريس أمس. وقال قائد شرطة باريس ميشال كادو إن "
     "المهاجم أصيب.", "مسلح"),  # the described attacker, not the speaker's police
    ("ألقت الشرطة أمس القبض على ناشط معارض في باريس.", "الشرطة"),
    ("أسفرت الهجمات العسكرية للقوات السورية ضد الجماعات المسلحة أمس عن مقتل 12 مسلحا في ريف حلب.",
     "القوات السورية"),
])
def test_events_actor1_is_never_an_arrester_or_speaker(text: str, actor1: str | None) -> None:
    (event,) = _run(text).events
    assert (event.actor1.name if event.actor1 else None) == actor1


# A name after a building's head (المسجد النبوي) is the building that was hit, even when a stage
# took it for an organisation; the organisation itself may carry out the act.
@pytest.mark.parametrize(("text", "name", "actor1"), [
    ("وفي المدينة المنورة استهدفت الثانية المسجد النبوي الشريف أمس.", "النبوي الشريف", None),
    ("وفي المدينة المنورة هاجمت كتيبة الفاروق الحاجز الأمني أمس.", "كتيبة الفاروق", "كتيبة الفاروق"),
])
def test_events_building_is_never_an_actor(make_doc: Any, text: str, name: str, actor1: str | None) -> None:
    doc = extract_events(make_doc(text, entities=[(name, "ORG", name)]), RULES)
    doc.check_offsets()
    (event,) = doc.events
    assert (event.actor1.name if event.actor1 else None) == actor1
    assert event.actor2 is None or event.actor2.name != name


# "الرجل الذي ... حاول تنفيذ عملية دهس ... يدعى X": the man named after the relative clause did the
# act; a victim named by يدعى is no perpetrator.
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("أعلنت النيابة أن الرجل الذي أوقف أمس بعدما حاول تنفيذ عملية دهس في وسط مدينة أنتويرب يدعى "
     "محمد الراشدي.", "محمد الراشدي"),
    ("قتل أمس في مدينة أنتويرب شاب يدعى محمد الراشدي في عملية دهس.", None),
    ("توفي أمس الحارس الذي أصيب في هجوم مسلح على مصرف في مدينة أنتويرب ويدعى محمد الراشدي.", None),
])
def test_events_man_named_after_the_relative_clause(sentence: str, actor1: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor1.name if event.actor1 else None) == actor1


# A lead that lists kinds of act lends no method to the later assassinations.
@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("تنوعت عمليات الاغتيال ما بين إطلاق نار، وقصف من الطيران، وتفجير.\n"
     "اغتيل خالد نزال في أثينا يوم 9 جوان 1986.", "Attack"),
    ("قتل جنديان أمس بعبوة ناسفة في حي الياسمين بالرياض.", "Remote explosive/landmine/IED"),
])
def test_events_type_from_the_clause_own_cue(text: str, sub_event_type: str) -> None:
    events = [e for e in _run(text).events if "نزال" in e.evidence.text or "جنديان" in e.evidence.text]
    assert [e.sub_event_type for e in events] == [sub_event_type]


# Bombs made in a hideout are not the weapon of the gunfight in which the bomb makers died.
@pytest.mark.parametrize(("sentence", "ied"), [
    ("أعلنت الشرطة أمس عن مقتل مسلحين حولا مستودعا في حي النخيل بالرياض إلى ورشة لتجهيز الأحزمة "
     "والعبوات الناسفة.", False),
    ("أعلنت الشرطة أمس عن مقتل مسلحين بانفجار عبوة ناسفة في حي النخيل بالرياض.", True),
])
def test_events_weapons_of_a_workshop_do_not_type_the_act(sentence: str, ied: bool) -> None:
    (event,) = _run(sentence).events
    assert (event.sub_event_type == "Remote explosive/landmine/IED") is ied


# A state force's vehicle that ran someone over stands for the force; another vehicle's driver is
# the actor the text describes (SCHEMA.md: المهاجم, ACLED's Unidentified Armed Group).
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("وتؤكد الوزارة أن سيارة أمنية دهست شابا خلال المواجهات في تطاوين أمس.", "الشرطة"),
    ("دهست شاحنة يقودها مهاجم حشدا من المارة في سوق بمدينة نيس أمس.", "مهاجم"),
])
def test_events_force_vehicle_is_actor1(sentence: str, actor1: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor1.name if event.actor1 else None) == actor1


# The side hit stands in the act's own clause: a force named after "أن" is the subject of a later
# statement (that it arrested the attacker), not the target.
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("أطلق مسلح النار على دورية للجيش في باريس أمس، مشيرا إلى أن الشرطة أوقفت المهاجم.", "الجيش"),
    ("هاجم مسلح دورية عسكرية في باريس أمس مؤكدا أن الشرطة أوقفت المهاجم.", "الجيش الفرنسي"),
    ("هاجم مسلح دورية عسكرية في باريس أمس قبل أن تعتقله الشرطة.", "الجيش الفرنسي"),
])
def test_events_actor2_not_from_a_later_statement(sentence: str, actor2: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor2.name if event.actor2 else None) == actor2


# A force's post or vehicle that was hit names the force as actor2; a market names no force.
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("هاجم مسلح بساطور صباح الجمعة دورية عسكرية بالقرب من متحف اللوفر في باريس.", "الجيش الفرنسي"),
    ("تم استهداف مدرعة شرطة في العريش أمس بعبوة ناسفة.", "الشرطة المصرية"),
    ("هاجم مسلحون سوقا شعبية في العريش أمس.", None),
])
def test_events_force_of_the_post_hit_is_actor2(sentence: str, actor2: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor2.name if event.actor2 else None) == actor2


# A group named in a relative clause about the place (التي ينشط فيها ...) is not the side hit; a group
# whose post was hit is.
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("وقع الهجوم بعبوة ناسفة في مدينة الشيخ زويد التي ينشط فيها مسلحو تنظيم أنصار بيت المقدس أمس.", None),
    ("هاجم مسلحون أمس مقرا لتنظيم أنصار بيت المقدس في مدينة الشيخ زويد.", "تنظيم أنصار بيت المقدس"),
])
def test_events_actor2_not_from_a_description_of_the_place(sentence: str, actor2: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor2.name if event.actor2 else None) == actor2


# "لعب دوراً في / شارك في + verbal noun": the subject took part in the act; a victim named before a
# passive verb did not.
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("وكان القيادي سامي العلي لعب دورا في اغتيال الرئيس أنور السادات عام 1981 في القاهرة.", "سامي العلي"),
    ("وكان القيادي سامي العلي قد اغتيل عام 1981 في القاهرة.", None),
])
def test_events_a_part_in_the_act(sentence: str, actor1: str | None) -> None:
    (event,) = _run(sentence).events
    assert (event.actor1.name if event.actor1 else None) == actor1


@pytest.mark.parametrize(("text", "expected"), [
    # the killing a protest is about is its cause: a peaceful protest, with no toll of its own
    ("نظم عشرات الأهالي وقفة احتجاجية أمام مقر الولاية اليوم احتجاجا على مقتل شاب في ظروف غامضة.",
     [("Peaceful protest", None, False)]),
    ("نفذ عشرات الأهالي اليوم وقفة احتجاجية أمام مقر معتمدية سبيطلة للمطالبة بكشف حقيقة مقتل ثلاثة شبان.",
     [("Peaceful protest", None, False)]),
    # protesters killed at the protest: force used against it
    ("قتل متظاهران اليوم برصاص الشرطة خلال مسيرة احتجاجية في مدينة القصرين.",
     [("Excessive force against protesters", 2, False)]),
    # a later "since 2011" in another clause does not make today's march a recalled one
    ("شهدت مدينة الرباط صباح اليوم مسيرة احتجاجية شارك فيها المئات للمطالبة بالتشغيل، فيما يعرف المغرب منذ 2011 "
     "تحركات احتجاجية متواصلة.", [("Peaceful protest", None, False)]),
])
def test_a_protest_and_the_killing_it_is_about(text: str, expected: list[tuple[str, int | None, bool]]) -> None:
    doc = extract(text, published="2017-05-02")
    doc.check_offsets()
    assert [(e.sub_event_type, e.fatalities, e.historical) for e in doc.events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the victim an act's noun names is one detail, not evidence that the sentence tells the act
    ("وقطع الوزير زيارته ليعلن، تعليقا على اغتيال النائب: إن الرسالة وصلت.", []),
    # with a part someone had in it, the act is taken as done: a recalled event
    ("وطارق الزمر لعب دورا في اغتيال الرئيس أنور السادات.", [("Attack", True, 1)]),
    # a toll told by another word is evidence
    ("وأسفر اغتيال النائب في بيروت عن مقتل ستة أشخاص.", [("Attack", False, 6)]),
    # after a claim the لـ brings the claimed act, not a purpose
    ("أعلن تنظيم داعش تبنيه لهجوم مانشستر الذي أودى بحياة 22 شخصا.", [("Attack", False, 22)]),
])
def test_a_named_victim_is_one_detail(text: str, expected: list[tuple[str, bool, int | None]]) -> None:
    doc = extract(text, published="2008-01-02")
    assert [(e.sub_event_type, e.historical, e.fatalities) for e in doc.events] == expected


# An actor the ranker fills (the rules left it empty) is named in the notes by its ACLED English,
# unless it is a generic one (protesters, unidentified armed men keep the notes' own phrase).
def test_events_notes_name_an_actor_the_ranker_filled() -> None:
    doc = _run("نفذ الطيران العراقي أمس ضربة جوية على مخبأ للتنظيم في وادي الشاي جنوب كركوك.")
    (event,) = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert event.actor1 is not None and event.actor1.name_en
    assert event.actor1.name_en.startswith("Military Forces of Iraq")
    assert event.actor1.name_en in event.notes
