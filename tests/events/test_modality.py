"""Sentences that speculate, predict, threaten, deny, plan, call for or generalise yield no event."""

from __future__ import annotations

import pytest

from marsad.config import EventsConfig
from marsad.events import extract_events

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")
RULES = EventsConfig(mode="rules")

# Written for these tests: each names an act of violence or protest that did not take place.
NOT_EVENTS = [
    # speculation
    "ربما تشن الفصائل هجوماً جديداً على القاعدة خلال الأيام المقبلة.",
    "من المحتمل أن تقصف الطائرات مواقع المسلحين قرب الحدود.",
    "ليس مستبعداً أن تنفذ الجماعة عمليات اغتيال ضد قادة الأمن.",
    "قد يكون الانفجار ناجماً عن تسرب للغاز في المطبخ.",
    "يُرجّح مراقبون أن تندلع اشتباكات بين الطرفين في المدينة.",
    "رجّح الخبير أن تتعرض المنشآت النفطية لهجمات بطائرات مسيرة.",
    "قد تلجأ الحكومة إلى اعتقال قادة الاحتجاجات في العاصمة.",
    # predictions
    "توقع المحلل أن تتصاعد الهجمات الصاروخية على السفارة.",
    "من المتوقع أن يشهد وسط العاصمة مظاهرات حاشدة يوم الجمعة.",
    "الرد العسكري على هذا القصف متوقع جداً في المرحلة المقبلة.",
    "يتوقع السكان أن تستأنف المدفعية قصف الأحياء الشرقية.",
    "من المقرر أن ينظم الاتحاد إضراباً عاماً في قطاع النقل.",
    # threats
    "هدد التنظيم بتنفيذ تفجيرات انتحارية في المدن الكبرى.",
    "توعدت الجماعة المسلحة بالانتقام عبر استهداف القواعد الأجنبية.",
    "سوف تقصف قواتنا كل موقع يطلق منه صاروخ على أراضينا.",
    "ستستهدف المقاومة الأرتال العسكرية إن لم تنسحب القوات.",
    "حذر القيادي من أن الفصائل ستهاجم المصالح الأميركية قريباً.",
    "أكد المتحدث أن المقاتلين سيواصلون الهجمات حتى التحرير.",
    # denials
    "نفت وزارة الداخلية وقوع أي هجوم على مركز الشرطة في المدينة.",
    "نفى الجيش أن تكون طائراته قد قصفت القرية الحدودية.",
    "كذّب مصدر أمني الأنباء عن اختطاف صحفي أجنبي في الجنوب.",
    "لم تسجل أي اشتباكات في محيط المطار خلال الليلة الماضية.",
    "لم يقع أي انفجار في السوق بحسب الدفاع المدني.",
    "أكد المسؤول أن الأنباء عن اغتيال القاضي عارية عن الصحة.",
    # plans and conditions
    "تعتزم النقابة تنظيم اعتصام أمام مقر الوزارة الأسبوع المقبل.",
    "يخطط الناشطون لمسيرة احتجاجية نحو البرلمان.",
    "في حال تعرضت القاعدة لهجوم فإن القوات سترد بقوة.",
    "إذا استمر القصف فإن المفاوضات ستتوقف نهائياً.",
    "انتشرت قوات الأمن في الشوارع تحسباً لأي هجوم إرهابي.",
    "اتخذت السلطات إجراءات مشددة لمنع وقوع تفجيرات خلال الاحتفالات.",
    "تستعد الأحزاب المعارضة لتنظيم مظاهرات ضد قانون المالية.",
    # calls
    "دعا الاتحاد العام إلى التظاهر أمام مقر الحكومة.",
    "دعت التنسيقية أنصارها إلى الاعتصام في الساحة الرئيسية.",
    "طالب النواب بوقف الغارات الجوية على المناطق السكنية.",
    "ناشدت المنظمة الأطراف وقف الاشتباكات حمايةً للمدنيين.",
    # generic and habitual statements
    "تزايدت وتيرة الهجمات في السنوات الأخيرة بحسب التقرير.",
    "تمثل العبوات الناسفة خطراً دائماً على الطرق الريفية.",
    "ندد البيان بتصاعد ظاهرة الاختطاف في البلاد.",
    "تناقش الندوة أسباب انتشار أعمال العنف في الملاعب.",
    "نظمت الجمعية تظاهرة ثقافية في دار الشباب بالمدينة.",
    "أقامت البلدية تظاهرة رياضية لفائدة الأطفال.",
    "يحاكم المتهمون بتهمة المشاركة في الهجوم على السفارة.",
    # not political violence: animals, accidents, sport, metaphors, questions
    "هاجم نمر حارسة في حديقة الحيوان أمس.",
    "قتل 12 جندياً في تحطم مروحية عسكرية مساء أمس.",
    "شن النائب هجوماً حاداً على الحكومة في البرلمان أمس.",
    "استولت العصابة على منظومة الفساد القديمة.",
    "هل يعقل أن تقصف الطائرات الأحياء السكنية؟",
    "انفجر الوضع في الحزب بعد الانتخابات الأخيرة.",
    "خطط الموقوفون لتنفيذ تفجيرات في العاصمة.",
    "لقي عامل حتفه إثر سقوطه من الطابق الثالث بالمدينة أمس.",
    "مقتل شاب في ظروف غامضة بالعاصمة الكندية.",
    "قررت النقابة تأجيل الوقفة الاحتجاجية إلى موعد لاحق.",
    "أعلنت الهيئة عن قرارها تنفيذ إضراب عام مفتوح.",
    # a legal appeal (طعن في الحكم) and a political metaphor (أطلق النار على وثيقة)
    "لكن الجمعية طعنت في القرار أمام المحكمة الإدارية.",
    "وكانت النقابة قد طعنت في الأحكام الصادرة ضد أعضائها.",
    "قال النائب إن الوزير أطلق النار على الاتفاق الموقع مع النقابات.",
]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_events_not_coded_for_non_events(make_doc, sentence):
    doc = extract_events(make_doc(sentence), RULES)
    assert doc.events == [], [(e.sub_event_type, e.evidence.text) for e in doc.events]
    doc.check_offsets()


def test_events_not_event_suite_is_large_enough():
    assert len(NOT_EVENTS) >= 40


# Control: the same acts reported as having happened are events.
@pytest.mark.parametrize("sentence", [
    "قصفت الطائرات مواقع المسلحين قرب الحدود أمس.",
    "وكان التنظيم قد تبنّى تفجيراً انتحارياً في السوق.",
    "وقع انفجار قد يكون ناجماً عن عبوة ناسفة قرب مركز الشرطة اليوم.",
    "اعتصم عشرات العمال أمام مقر الوزارة اليوم.",
    "قتلت قوات الأمن مسلحين اثنين في كمين بالجبل فجر أمس.",
    # near neighbours of the fixes above: an act that happened
    "تجمع المحتجون احتجاجا على القرار أمام مقر الولاية أمس.",
    "طعن شاب عون أمن بسكين أمام مركز الشرطة مساء أمس.",
    "أطلق مسلحون النار على دورية للحرس الوطني قرب الحدود أمس.",
])
def test_events_coded_when_the_act_happened(make_doc, sentence):
    doc = extract_events(make_doc(sentence), RULES)
    assert len(doc.events) == 1
    doc.check_offsets()


def _reasons(sentence: str) -> dict[str, str | None]:
    from marsad.events.cues import find_cues, find_words, modality_matcher
    from marsad.events.modality import SentenceModality
    from marsad.text.normalize import fold

    text = fold(sentence).text
    modality = SentenceModality(text, 0, len(text), find_words(modality_matcher(), text, 0, len(text)),
                                published_year=2017)
    return {text[h.start + len(h.prefix):h.end]: modality.reason(h) for h in find_cues(text)}


# The class that governs a cue of a false friend, and the near neighbour it leaves alone (None).
@pytest.mark.parametrize(("sentence", "cue", "reason"), [
    ("افتتحت الوزيرة مساء أمس تظاهرة الربيع الثقافي بالمنستير.", "تظاهره", "festival"),
    ("رفع المشاركون في تظاهرة الأمس شعارات تطالب برحيل الحكومة.", "تظاهره", None),
    ("تسببت الأمطار الغزيرة في قطع الطريق بين المدينتين.", "قطع الطريق", "natural_cause"),
    ("عمد المعطلون إلى قطع الطريق بين المدينتين رغم الأمطار.", "قطع الطريق", None),
    ("أصيب طفل إثر انفجار قارورة غاز في المطبخ.", "انفجار", "device"),
    ("أصيب طفل إثر انفجار لغم في الحقل.", "انفجار", None),
    ("توفي شيخ على إثر دهس سيارة لمترجل في الطريق.", "دهس", "accident"),
    ("أصيب عشرة أشخاص إثر دهس شاحنة للمارة في السوق.", "دهس", None),
    # "احتجاجاً على" shares the modality of the protest act it gives the reason of, not a relative clause
    ("سينفذ الأعوان غدا إضرابا احتجاجا على تأخر الأجور.", "احتجاجا علي", "future"),
    ("اتجه المعطلون الذين دخلوا في اعتصام منذ أسابيع بالجهة ، إلى مقر الولاية احتجاجا على التهميش.",
     "احتجاجا علي", None),
])
def test_false_friend_reasons(sentence, cue, reason):
    found = _reasons(sentence)
    assert cue in found, found
    assert found[cue] == reason, found
