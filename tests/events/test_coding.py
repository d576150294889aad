"""Detection and typing: ACLED event and sub-event types, disorder type and PLOVER from Arabic clauses."""

from __future__ import annotations

import pytest

from marsad.config import EventsConfig
from marsad.events import extract_events
from marsad.events.coding import CODES, choose_code, interaction, lead_method
from marsad.events.cues import Hit

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")
RULES = EventsConfig(mode="rules")

# Written for these tests (not taken from any article).
CASES = [
    ("فجّر انتحاري حزاماً ناسفاً وسط سوق شعبي أمس.", "Explosions/Remote violence", "Suicide bomb", "ASSAULT"),
    ("شنت طائرات حربية غارات جوية على مواقع المسلحين أمس.", "Explosions/Remote violence",
     "Air/drone strike", "ASSAULT"),
    ("استهدفت طائرة مسيرة سيارة على الطريق الدولي صباح اليوم.", "Explosions/Remote violence",
     "Air/drone strike", "ASSAULT"),
    ("انفجرت عبوة ناسفة بدورية للجيش على الطريق الرئيسي.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "ASSAULT"),
    ("سقطت ثلاث قذائف هاون على حي سكني مساء أمس.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "ASSAULT"),
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في الجبل أمس.", "Battles", "Armed clash", "ASSAULT"),
    ("تبادلت وحدة عسكرية إطلاق النار مع مهربين على الحدود أمس.", "Battles", "Armed clash", "ASSAULT"),
    ("اغتال مسلحون مجهولون مديراً للمدرسة أمام منزله.", "Violence against civilians", "Attack", "ASSAULT"),
    ("اختطف مسلحون ثلاثة مهندسين أجانب من موقع العمل أمس.", "Violence against civilians",
     "Abduction/forced disappearance", "ASSAULT"),
    ("تظاهر مئات الطلبة أمام مقر الولاية للمطالبة بالتشغيل.", "Protests", "Peaceful protest", "PROTEST"),
    ("أغلق محتجون الطريق الوطنية بالعجلات المطاطية المشتعلة ورشقوا الأمن بالحجارة.", "Riots",
     "Violent demonstration", "PROTEST"),
    ("فرّقت الشرطة مظاهرة للعاطلين عن العمل بالغاز المسيل للدموع أمس.", "Protests",
     "Protest with intervention", "PROTEST"),
    ("قتلت قوات الأمن متظاهرين اثنين بالرصاص الحي خلال احتجاجات اليوم.", "Protests",
     "Excessive force against protesters", "PROTEST"),
    ("قطع أهالي القرية الطريق احتجاجاً على انقطاع الماء.", "Protests", "Peaceful protest", "PROTEST"),
    # Maghreb usage
    ("نفذ أعوان الصحة وقفة احتجاجية أمام مقر الولاية صباح اليوم.", "Protests", "Peaceful protest", "PROTEST"),
    ("شن عمال الحضائر إضراباً عن العمل بكامل الولاية.", "Protests", "Peaceful protest", "PROTEST"),
    ("انفجر لغم أرضي بجبل الشعانبي مما أسفر عن إصابة عسكريين اثنين.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "ASSAULT"),
    ("تمكنت وحدات الحرس الوطني من القضاء على إرهابيين اثنين في الجبل.", "Battles", "Armed clash", "ASSAULT"),
    ("ألقت وحدات الأمن القبض على عنصر تكفيري مفتش عنه.", "Strategic developments", "Arrests", "COERCE"),
    # Mashriq usage
    ("شنت طائرات التحالف سلسلة غارات على مواقع المسلحين شرقي المدينة.", "Explosions/Remote violence",
     "Air/drone strike", "ASSAULT"),
    ("قُتل ثلاثة مدنيين بقصف مدفعي على بلدة في الريف الجنوبي.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "ASSAULT"),
    ("سيطرت فصائل المعارضة على قرية جديدة في الريف الشرقي بعد معارك عنيفة.", "Battles",
     "Non-state actor overtakes territory", "ASSAULT"),
    ("أقدم مجهولون على اختطاف ناشط مدني في المدينة مساء أمس.", "Violence against civilians",
     "Abduction/forced disappearance", "ASSAULT"),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub_event_type", "plover"), CASES)
def test_events_type_and_sub_type(make_doc, sentence, event_type, sub_event_type, plover):
    doc = extract_events(make_doc(sentence), RULES)
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [(event_type, sub_event_type)]
    event = doc.events[0]
    assert event.plover == plover
    assert event.disorder_type in ("Political violence", "Demonstrations", "Strategic developments")
    assert event.evidence.text == sentence
    assert event.id == "ev1"
    doc.check_offsets()


def test_events_suicide_bomb_wins_over_attack(make_doc):
    doc = extract_events(make_doc("قتل خمسة أشخاص في هجوم انتحاري بسيارة مفخخة استهدف حاجزاً أمس."), RULES)
    assert doc.events[0].sub_event_type == "Suicide bomb"
    assert "suicide" in doc.events[0].plover_mode


def test_events_attack_on_soldiers_is_a_battle(make_doc):
    doc = extract_events(make_doc("هاجم مسلحون دورية للجنود قرب الحدود أمس."), RULES)
    assert doc.events[0].event_type == "Battles"


def test_events_drone_modes(make_doc):
    doc = extract_events(make_doc("قصفت طائرة مسيرة موقعاً للمسلحين فجر اليوم."), RULES)
    assert doc.events[0].plover_mode[:2] == ["artillery", "aerial"] or "drone" in doc.events[0].plover_mode


def test_events_codes_cover_acled_sub_types():
    names = {c.sub_event_type for c in CODES.values()}
    assert len(names) == 25
    assert {c.event_type for c in CODES.values()} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments"}


@pytest.mark.parametrize(("inter1", "inter2", "expected"), [
    (1, 2, 12), (2, 1, 12), (3, 7, 37), (1, None, 10), (None, None, None),
])
def test_events_interaction_codes(inter1, inter2, expected):
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize("sentence", [
    "تم إيقاف شخصين من أجل ترويج المخدرات.",  # an arrest of no political significance
    "فجر اليوم الجمعة وصل الوفد إلى العاصمة.",  # فجر: at dawn
    "سيطر الفريق على المباراة في الشوط الثاني.",  # control of a match, not of ground
])
def test_events_not_coded_for_non_political_readings(make_doc, sentence):
    assert extract_events(make_doc(sentence), RULES).events == []


def test_events_no_cue_means_no_event(make_doc):
    doc = extract_events(make_doc("افتتح الوزير معرضاً للكتاب في العاصمة صباح اليوم."), RULES)
    assert doc.events == []


def _hit(form: str, kind: str, strength: int = 1, modes: tuple[str, ...] = (), start: int = 0,
         prefix: str = "") -> Hit:
    return Hit(start, start + len(form), form, "N", prefix, kind, strength, modes)


# A lead that lists kinds of act (shooting, shelling, bombing) lends no method; a lead of rockets and
# drones lends its first.
@pytest.mark.parametrize(("lead", "method"), [
    ([_hit("اطلاق نار", "attack", modes=("firearms",)), _hit("قصف", "shelling"), _hit("تفجير", "explosion")],
     None),
    ([_hit("قصف", "shelling"), _hit("غارات", "air"), _hit("تفجير", "explosion"), _hit("اشتباكات", "clash")],
     None),
    ([_hit("هجمات صاروخيه", "shelling"), _hit("طايرات مسيره", "air"), _hit("هجمات", "attack")], "shelling"),
    ([_hit("غارات", "air", strength=0), _hit("قصف", "shelling")], "shelling"),
])
def test_lead_method(lead: list[Hit], method: str | None) -> None:
    assert lead_method(lead) == method


# The lead's method fills a bare attack, never one that tells its own way (اغتيل، بإطلاق النار).
@pytest.mark.parametrize(("hits", "code"), [
    ([_hit("هجوم", "attack")], "shelling"),
    ([_hit("اغتيل", "attack", 2, ("assassinate",))], "attack"),
    ([_hit("هجوم", "attack"), _hit("اطلاق النار", "attack", modes=("firearms",), start=10)], "attack"),
])
def test_lead_method_yields_to_the_clause_own_cue(hits: list[Hit], code: str) -> None:
    assert choose_code(hits, target_kinds=set(), state_actor=None, default_method="shelling") == code


# An explosive object is the method when it is the instrument (بعبوة) or stands by the act's cue.
@pytest.mark.parametrize(("hits", "code"), [
    ([_hit("مقتل", "attack"), _hit("عبوات", "ied", prefix="و", start=80)], "attack"),
    ([_hit("مقتل", "attack"), _hit("عبوه", "ied", prefix="ب", start=20)], "ied"),
    ([_hit("استهدفت", "attack", 2), _hit("عبوه", "ied", start=8)], "ied"),
    ([_hit("عبوه", "ied")], "ied"),
])
def test_explosive_objects_only_as_instruments(hits: list[Hit], code: str) -> None:
    assert choose_code(hits, target_kinds=set(), state_actor=None, default_method=None) == code


# An assassination of a military figure stays an attack; an attack on a military target is a battle.
@pytest.mark.parametrize(("hits", "code"), [
    ([_hit("اغتيل", "attack", 2, ("assassinate",))], "attack"),
    ([_hit("هاجم", "attack", 2)], "clash"),
])
def test_assassination_of_a_commander_is_an_attack(hits: list[Hit], code: str) -> None:
    assert choose_code(hits, target_kinds={"military"}, state_actor=None, default_method=None) == code
