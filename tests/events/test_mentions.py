"""Mentions of violence and protest that report no incident, and their near neighbours that do.

Each table pairs a general pattern of Arabic news usage (a time anchor, an aggregate, a defused
bomb, a kind of act, a fronted topic, an intention, a protest lodged in words ...) with reports of
the same shape that stay events. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from marsad.pipeline import extract

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")

VIOLENCE_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
PROTEST_TYPES = {"Protests", "Riots"}

# (sentence, the rule that makes it a mention rather than a report)
MENTIONS = [
    # "since" + a dated act: a time anchor for another act
    ("وتعيش المدينة حالة طوارئ منذ تفجيرات مارس 2016 في محطة القطار.", "anchor"),
    ("وشهدت المدينة منذ اعتداءات 11 سبتمبر 2001 إجراءات أمنية مشددة.", "anchor"),
    # a count over a period: a statistic, not an incident
    ("ووقع 150 هجوماً انتحارياً في البلاد خلال الأشهر الستة الماضية.", "aggregate"),
    ("ووقعت عشرات الهجمات الانتحارية في البلاد خلال العام الماضي.", "aggregate"),
    ("وقد وقعت مئات الاعتداءات على الصحافيين طوال السنوات الماضية.", "aggregate"),
    ("وأكدت المنظمة أن 40 ناشطا اختطفوا منذ الغزو في المحافظات الجنوبية.", "aggregate"),
    ("وقتل حوالي ثلاثة آلاف جندي منذ الاجتياح عام 2003.", "aggregate"),
    # spread over most of a country or the world: no incident with a place of its own
    ("وما أعقبها من أحداث عنف انتقامية شهدتها معظم مدن البلاد.", "kind"),
    ("وقالت الهيئة إن 199 هجوما للقراصنة وقعت في شتى أنحاء العالم هذا العام.", "kind"),
    # a war or a mood that "explodes"
    ("وبعد أشهر من التوتر انفجرت حرب أهلية في البلاد أمس.", "figurative"),
    # a weapon defused or seized is no explosion
    ("وفكك خبراء المتفجرات صباح اليوم عبوة ناسفة زرعت قرب مدرسة في الحي.", "disarmed"),
    ("فككت قوات الأمن أمس سيارة مفخخة قرب السفارة، تزامناً مع شنها حملة مداهمات.", "disarmed"),
    # a kind of act, not an act
    ("وأدت مثل هذه الهجمات الى مقتل عشرات المدنيين.", "kind"),
    ("وأدت مثل هذه التفجيرات خلال الأشهر الأخيرة الى قتل وجرح مئات المدنيين.", "kind"),
    ("ونجح أمس اختبار منظومة مضادة لإطلاق الصواريخ قرب الحدود.", "kind"),
    ("وتسلم الجيش أمس منظومة مضادة لإطلاق الصواريخ.", "kind"),
    ("وقال إن وقوع هجوم من هذا القبيل أمس كان سيقلب الموازين.", "kind"),
    ("وقال إن وقوع هجوم مسلح من هذا القبيل يوم الأحد كان سيقلب الموازين.", "kind"),
    ("وقال الخطيب إن خلف كل عملية انتحارية فتوى ضالة.", "kind"),
    # an act that someone stops doing (توقف ... عن)
    ("ووافقت الحكومة أمس على رفع الحصار مقابل توقف الحركة عن إطلاق الصواريخ على المستوطنات.", "cessation"),
    # هاجم with a stance or a statement for object: criticism
    ("فهاجم المرشح الجمهوري رغبة منافسه في الحوار مع خصوم البلاد.", "criticism"),
    ("وهاجم رئيس الحزب بشدة تصريحات الوزير أمس.", "criticism"),
    # blamed after it is named, or called for as a necessity
    ("وألقى المتحدث بتفجيرات السوق على عاتق مؤامرة خارجية.", "accusation"),
    ("ونصت الخطة التي كشفت أمس على ضرورة إسقاط الحكومة واغتيال عدد من قادة المعارضة.", "call"),
    ("وبث المذيع أمس برنامجا فيه تحريض على قتل الصحفيين المعارضين.", "call"),
    # a figurative assassination
    ("وشهد البرلمان أمس اغتيال الديمقراطية على يد الأغلبية.", "metaphor"),
    # an act inferred from signs
    ("وكان صوت الرهينة المتهدج يدل على أنه تعرض للتعذيب على أيدي الخاطفين أمس.", "speculation"),
    # a list joined by و shares the frame of its first noun
    ("ويأمل الرئيس أن ينهي دوامة الاغتيالات والتفجيرات وأعمال الخطف التي شهدتها البلاد أمس.", "kind"),
    # اغتصاب before a land, a right or power is usurpation
    ("وأكد البيان أن القضية ظلت حية منذ اغتصاب فلسطين حتى اليوم.", "usurpation"),
    ("وأدى اغتصاب الأراضي الزراعية أمس إلى نزوح مئات الفلاحين.", "usurpation"),
    # a fronted topic: what someone said about an act told elsewhere
    ("وعن التفجير الذي هز السوق أمس، قال الوزير إن التحقيق جار.", "topic"),
    ("وحول الاشتباكات التي شهدتها الضاحية الليلة الماضية، أوضح المتحدث أن الوضع هادئ.", "topic"),
    ("وعن الهجوم الانتحاري الذي وقع أمس في السوق، قال الوزير إن التحقيق جار.", "topic"),
]

PROTEST_MENTIONS = [
    # an intention, not an act
    ("أعلن الاتحاد عزمه تنفيذ إضراب عام يوم الخميس في قطاع الصحة.", "future"),
    ("أعلن الاتحاد أمس عزمه شن إضراب عام في قطاع الصحة.", "future"),
    ("وخرج القيادي أمس أمام أنصاره ويحثهم على الاعتصام أمام البرلمان.", "call"),
    # a protest lodged in words
    ("وسجلت وزارة الخارجية احتجاجاً رسمياً لدى السفير أمس.", "verbal"),
    ("وقدمت الخارجية أمس احتجاجا رسميا إلى السفارة.", "verbal"),
    ("وقد حمل البيان اللهجة نفسها، إذ سجل الوزير احتجاجا على القرار أمس.", "verbal"),
    # acts done "in protest" that are no demonstration
    ("وانسحب نواب المعارضة من الجلسة أمس احتجاجا على القانون.", "gesture"),
    ("واستدعت الخارجية سفيرها أمس احتجاجا على التصريحات.", "gesture"),
    # تجمع with things or security forces for subject, or read as a noun
    ("وتجمعت مئات السيارات عند المعبر الحدودي أمس في زحمة خانقة.", "not_crowd"),
    ("وتجمعت الشرطة أمس قاطعة الطريق المؤدي إلى الوزارة.", "not_crowd"),
    ("وحاصرت قوات الأمن المتظاهرين أمس في أماكن تجمعهم.", "noun_reading"),
]

# The same shapes reporting an incident that took place.
REPORTS = [
    ("اغتيل رئيس البلدية أمس في هجوم مسلح وسط المدينة.", VIOLENCE_TYPES),
    ("منذ بدء الهجوم على المدينة صباح أمس قتل 12 مدنياً في الأحياء الشرقية.", VIOLENCE_TYPES),
    ("ووقعت 14 غارة جوية على المدينة أمس.", VIOLENCE_TYPES),
    ("وشنت الطائرات 30 غارة على مواقع التنظيم خلال الأسبوع.", VIOLENCE_TYPES),
    ("انفجرت عبوة ناسفة قرب الجسر صباح اليوم.", VIOLENCE_TYPES),
    ("وعثرت الشرطة أمس على جثة رجل قتل بالرصاص في الحي الشرقي.", VIOLENCE_TYPES),
    ("وقع تفجير أمس في السوق، وقال الوزير إن التحقيق جار.", VIOLENCE_TYPES),
    ("وقال المتحدث إن الاشتباكات اندلعت في الضاحية الليلة الماضية.", VIOLENCE_TYPES),
    ("تعرضت فتاة للاغتصاب أمس على أيدي مسلحين في الحي الشرقي.", VIOLENCE_TYPES),
    ("قتل 17 بحارا في الهجوم على المدمرة عام 2000.", VIOLENCE_TYPES),
    ("ونفذ مسلحون أمس محاولة لاغتيال الوزير في العاصمة.", VIOLENCE_TYPES),
    ("وقتل مسلحون أمس صحفيين اثنين في العاصمة.", VIOLENCE_TYPES),
    ("وانفجرت سيارة مفخخة أمس في السوق.", VIOLENCE_TYPES),
    ("واندلعت أحداث عنف أمس في حي التضامن بالعاصمة.", VIOLENCE_TYPES),
    ("وقتل ثلاثة جنود أمس في انفجار عبوة ناسفة.", VIOLENCE_TYPES),
    # a beating or torture suffered is the act itself
    ("وأكد المحامي أن موكله تعرض للتعذيب على أيدي المحققين أمس.", VIOLENCE_TYPES),
    # a relative clause ends where the opening verb of saying takes its complement
    ("وقال التحالف الذي تقوده السعودية إن الصاروخ أطلق من صعدة أمس وإن الدفاعات تمكنت من اعتراضه.",
     VIOLENCE_TYPES),
    ("وخطف مسلحون 3 عمال أجانب أمس من موقع شركة نفطية.", VIOLENCE_TYPES),
    ("وتوقف القصف على المدينة صباح اليوم بعد ليلة عنيفة قتل فيها 5 مدنيين.", VIOLENCE_TYPES),
    ("هاجم مسلحون مقر الحزب أمس بعد قراره المشاركة في الانتخابات.", VIOLENCE_TYPES),
    ("قتل 12 شخصا في انفجار سيارة مفخخة أمس وسط العاصمة.", VIOLENCE_TYPES),
    ("نفذ الاتحاد إضراباً عاماً يوم الخميس في قطاع الصحة.", PROTEST_TYPES),
    ("احتج مئات العمال أمس أمام مقر الوزارة.", PROTEST_TYPES),
    ("وتجمع مئات المحتجين أمس أمام مقر الولاية.", PROTEST_TYPES),
    ("وأغلق التجار محلاتهم أمس احتجاجا على الضرائب الجديدة.", PROTEST_TYPES),
    ("وتظاهر مئات الطلاب أمس احتجاجا على القانون.", PROTEST_TYPES),
    ("واعتصم مئات العمال أمس أمام البرلمان.", PROTEST_TYPES),
    ("وتجمعت عائلات المفقودين صباح اليوم أمام البرلمان.", PROTEST_TYPES),
]


def _types(sentence: str) -> list[str]:
    # the whole pipeline: places and dates decide whether a recalled act is kept
    doc = extract(sentence)
    doc.check_offsets()
    return [e.event_type for e in doc.events]


@pytest.mark.parametrize(("sentence", "rule"), MENTIONS)
def test_mentions_of_violence_are_not_coded(sentence, rule):
    types = _types(sentence)
    assert not VIOLENCE_TYPES & set(types), (rule, types)


@pytest.mark.parametrize(("sentence", "rule"), PROTEST_MENTIONS)
def test_mentions_of_protest_are_not_coded(sentence, rule):
    types = _types(sentence)
    assert not PROTEST_TYPES & set(types), (rule, types)


@pytest.mark.parametrize(("sentence", "family"), REPORTS)
def test_reports_of_the_same_shape_are_coded(sentence, family):
    types = _types(sentence)
    assert family & set(types), types



# An arrest told with a word for armed men is an arrest, not a battle; أوقف with a programme or a
# traffic for object halts it; a journalist or a gunman held is a person whose arrest ACLED codes.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("اعتقلت قوات الأمن ثلاثة مسلحين أمس في المدينة.", ["Arrests"]),
    ("اعتقلت الشرطة أمس ثلاثة مشتبهين بالضلوع في الهجوم على السفارة.", ["Arrests"]),
    ("اعتقلت الشرطة أمس صحفيين اثنين في العاصمة.", ["Arrests"]),
    ("وأوقفت قوات الأمن أمس ناشطين اثنين في العاصمة.", ["Arrests"]),
    ("وأوقفت السلطات حركة الإمدادات عبر المعبر أمس بعد اختطاف شاحنتين.", []),
    ("اعتقلت الشرطة 3 أشخاص إثر انفجار عبوة ناسفة أمس في السوق.", ["Remote explosive/landmine/IED"]),
    ("أعلنت الشرطة أن المسلحين أقدموا مساء اليوم على احتجاز عدد من الرهائن في متجر قريب.",
     ["Abduction/forced disappearance"]),
])
def test_arrests_and_halts_are_typed_as_told(sentence, expected):
    doc = extract(sentence)
    doc.check_offsets()
    assert [e.sub_event_type for e in doc.events] == expected
