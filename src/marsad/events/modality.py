"""The modality filter: is a cue an act that happened, or one the text speculates about, expects,
threatens, denies, plans, calls for or talks about in general? And is it recalled from long ago?

A marker governs a cue by its scope (``data/events/modality.tsv``): ``before`` markers (ربما،
توقع، هدد، نفى، في حال، دعا إلى ...) govern a cue that follows within a few words of the same
clause; ``after`` markers (ليس مستبعداً، متوقع، المقبلة ...) govern a cue that precedes them in the
sentence; ``adjacent`` markers (لم، لن، لا) only the word right after them. The particle قد is
handled here: before an imperfect verb it is "may" (قد يكون), before a past verb it is the
perfective "has" (قد تبنّى), which reports a fact.

Some classes only govern some cues: a defusal only weapons (فككت ... سيارة مفخخة), a usurped land
only اغتصاب, a figurative object only the verb that takes it (هاجم رغبة، تجمعت السيارات، أوقفت
حركة المرور). Beyond the lexicon, the sentence itself says when a mention reports no incident: a
count over a period (140 هجوماً في العام 2006) is a statistic, a fronted topic (وعن تفجير الجسر،
قال ...) is what someone said about an act told elsewhere, and a noun joined by و to a governed
noun (دوامة القتل والانفجارات) shares what governs it. A Maghrebi تظاهرة with no protester, slogan
or crowd in its sentence is a festival, a vehicle that runs over one person an accident, and
"احتجاجاً على" shares the modality of the protest act it gives the reason of.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from marsad.events.cues import Hit, find_cues
from marsad.events.spans import WORD_RE

# How many words before a cue a `before` marker reaches, by class. Calibrated on the dev set and
# the GSR development sentences (benchmarks/quality_gate.py, scripts/run_gsr.py): speculation, threats and
# denials govern a whole complement clause (توقع السعدي، في حديث ...، أن يستمر التصعيد; نفى
# الجيش أن تكون طائراته قد قصفت), while negation (عدم، دون), condition and the generic governors
# (وتيرة الهجمات، إدانة الهجوم) bind a noun right after them.
BEFORE_WINDOW = {"speculation": 10, "future": 10, "threat": 10, "denial": 16, "call": 8,
                 "accusation": 10, "condition": 4, "future_verb": 4, "negation": 3, "generic": 2,
                 "reaction": 12, "investigation": 8, "relative": 12, "capability": 2,
                 "anchor": 2, "disarmed": 8, "verbal": 2, "cessation": 6, "gesture": 8,
                 "noun_reading": 1}
# The classes added for mentions were set on the GSR development sentences the same way, each the
# smallest reach that held its false positives: a defusal or a gesture names the weapon or the
# protest after a subject and a date (فككت قوات الأمن أمس سيارة مفخخة: 4 words; 8 allows a longer
# subject), a lodged protest is the next word (سجل احتجاجاً), a noun before تجمع is right before it.
# The reaction, investigation, relative and capability windows were calibrated on the GSR
# development sentences (scripts/run_gsr.py): a condemnation or an inquiry names its object after
# a long subject (استنكر علاوي في بيان صحافي له أمس ... تفجيرات), a relative clause runs on to the
# next comma (الذي اغتيل في فبراير 2005 في بيروت في تفجير).
# Classes whose reach also ends at a comma: a relative clause (المنطقة التي تحوي مقار الحكومة،
# تعرضت لهجوم) gives way to the main verb after it.
COMMA_BOUND = frozenset({"relative"})
# ... and at a complementizer: in "قال التحالف الذي تقوده السعودية إن الصاروخ أطلق" إن opens the
# complement of the main verb, outside the relative clause.
# Only when the sentence opens with that verb of saying and no complementizer comes before the
# relative: in "قال امس ان انشطة سجلت قرب الموقع الذي يعتقد ان كوريا فجرت" the second ان is the
# relative clause's own.
COMPLEMENTIZER_RE = re.compile(r"(?<![^\W\d_])ان(?![^\W\d_])")
SAYING_OPENER_RE = re.compile(
    r"[\W\d_]*[وف]?(?:قال|قالت|اكد|اكدت|اعلن|اعلنت|اوضح|اوضحت|ذكر|ذكرت|افاد|افادت|اضاف|اضافت|صرح|"
    r"اشار|اشارت|كشف|كشفت)(?![^\W\d_])")
# "منذ اغتيال الحريري عام 2005، اجتمع ...": a noun of violence after "since", dated to a past year,
# marks an era for another act (a time anchor); the sentence does not report it. Without a year
# (وتخضع بلجيكا منذ هجمات باريس) the dev-set annotation codes the recent act as a historical event,
# so the year is required. A finite verb after منذ (منذ أن اغتيل) is left to the historical test.
# Calibrated on the GSR development sentences (scripts/run_gsr.py): reach 2 (منذ اغتيال، منذ بدء
# الهجوم) removed three anchors and no sentence labelled "yes".
NOMINAL_ONLY = frozenset({"anchor"})
DATED_CLASSES = frozenset({"anchor"})
# Seizing, finding, defusing, planting or carrying a bomb (فككت قوات الأمن سيارة مفخخة، عثرت على
# عبوة ناسفة) is no explosion: ACLED codes it Disrupted weapons use. These markers govern only the
# cues of weapons, so that "عثرت الشرطة على جثة قتل صاحبها بالرصاص" keeps its killing.
WEAPON_CODES = frozenset({"ied", "explosion", "grenade", "suicide", "chemical", "shelling"})
# "منذ اغتصاب فلسطين"، "اغتصاب السلطة": اغتصاب before a land, a right or power is usurpation.
# "سجل احتجاجاً رسمياً": a protest lodged in words (a note, a letter, a summons) is no demonstration;
# nor is mourning, resigning, walking out or recalling an envoy "in protest" (أعلنت الحداد احتجاجاً).
# "انفجرت حرب"، "انفجار سكاني"، "انفجر الغضب": an explosion of a war, a crowd or a mood is figurative.
# "انفجار بطارية هاتف"، "انفجر الهاتف"، "انفجار ناجم عن تسرب للغاز": a device or a gas leak bursts;
# only the words of an unstated explosion, so that "عبوة ناسفة فجرت عن بعد بالهاتف" stays a bomb.
KIND_LIMITED = {"disarmed": WEAPON_CODES, "usurpation": frozenset({"sexual"}), "figurative": frozenset({"explosion"}),
                "verbal": frozenset({"peaceful"}), "gesture": frozenset({"peaceful"}),
                "device": frozenset({"explosion"}),
                # hackers and computers near an attack word; not near an arrest (حجز الحاسوب)
                "cyber": frozenset({"attack", "clash", "air", "shelling"})}
# "تسببت الأمطار في قطع الطريق"، "أدى تساقط الثلوج إلى غلق الطرقات": weather cuts a road; only the
# cues of a blocked road (mode ``obstruct``), and only when no protester is named in the sentence
# (PROTEST_CONTEXT_RE): "قطع المحتجون الطريق رغم الأمطار" stays a protest.
MODE_LIMITED = {"natural_cause": "obstruct"}
VETOED_BY_PROTEST = frozenset({"natural_cause"})
# "فهاجم المرشح الجمهوري رغبة منافسه في ..."، "هاجم الوزير بشدة تصريحات": هاجم with a stance, a
# statement or a policy for object is criticism. Only the verb هاجم, and only within a few words
# (its subject stands between), so that "هاجم مسلحون مقر الحزب بعد قراره" stays an attack.
# تجمع is a protest only for people: "تجمعت مئات السيارات عند المعبر"، "تجمعت الشرطة قاطعة الطريق"
# tell a queue or a deployment, and after a noun (أماكن تجمعهم) it is the noun "gathering".
# أوقف with a programme, a traffic or a service for object is "halted", not "arrested".
FORM_LIMITED: dict[str, tuple[str, ...]] = {
    "criticism": ("هاجم",), "not_crowd": ("تجمع",), "noun_reading": ("تجمع",),
    "halt": ("اوقف", "ايقاف", "يوقف"),
    # "محاولة لاغتيال لبنان"، "اغتيال معنوي": a figurative assassination
    "metaphor": ("اغتيال", "اغتال", "محاوله"),
    # "الأسود هاجمت الطبيب"، "تمساحا يهاجم زوجين": الأسود is also "the black", so the animals
    # that share a form with people or colours govern only the words of an attack
    "animal": ("هاجم", "هجوم", "هجمات", "هجم", "اعتدي"),
    # "لقوا حتفهم في الحادث"، "لقي مصرعه في حادث": a death in an accident; a violent cue of the
    # same sentence (في حادث إطلاق نار) still makes the event
    "accident": ("حتف", "مصرع")}
# Classes that govern a cue only when عن stands between (توقف الحركة عن إطلاق الصواريخ).
ABOUT_RE = re.compile(r"(?<![^\W\d_])عن(?![^\W\d_])")
NEEDS_ABOUT = frozenset({"cessation"})
# Reach of `after` markers limited to one verb: its subject (a name, up to three words) stands
# between the verb and its object (فهاجم الجمهوري جون ماكين رغبة ...).
AFTER_REACH = {"criticism": 4, "halt": 3,
               # the cause of a burst (انفجار ناجم عن تسرب للغاز، انفجار بسبب تسرب غاز) follows
               # the explosion word within a few words (2 in the ANT sentences)
               "device": 4}
# The classes that a counted toll near the cue overrides (marsad.events.TOLL_OVERRIDES): when one of
# them and another class both govern a cue, the other one is the reason (الرجل الذي أنهى دوامة
# القتل: the relative clause would yield to a toll, the abstract frame does not).
WEAK_CLASSES = frozenset({"reaction", "investigation", "accusation", "relative"})
COMMA_RE = re.compile(r"[،,]")
PURPOSE_FORMS = ("احتجاجا",)  # folded احتجاجاً (على/ضد): the purpose of another protest act
MAYBE_AFTER_WINDOW = 16  # a long subject (استمرار التصعيد، من خلال قصف القواعد، أو ...) before قد
AFTER_WINDOW = 12  # words after the cue that an `after` marker (ليس مستبعداً) may stand at
NEAR_WINDOW = 8  # words on either side for a `near` marker (هاجم نمر حارسة، معركة مع سمكة)
ADJACENT_WINDOW = 2  # لم يقع هجوم: the marker, one verb, then the cue

# Boundaries that end the reach of a marker: sentence punctuation and the conjunctions that open a
# new clause with its own verb (فيما، بينما، في حين ...). Folded spellings (إلى -> الي, أن -> ان).
BOUNDARY_RE = re.compile(
    r"[.;؛!?؟\n]|(?<![^\W\d_])(?:[وف]?(?:فيما|بينما|في حين|كما|لكن|لكنه|لكنها|الا ان|غير ان|فضلا عن|"
    r"اضافه الي|بالاضافه الي|علاوه علي|حيث|فقد|وقد|بعدما|بعد ان|عقب|اثر|ثم))(?![^\W\d_])")
# The stronger boundaries that also end the reach of a support word: a time word or a toll before
# "عقب انفجار" still dates and counts the explosion, but not across فيما، بينما or a full stop.
STRONG_BOUNDARY_RE = re.compile(
    r"[.;؛!?؟\n]|(?<![^\W\d_])(?:[وف]?(?:فيما|بينما|في حين|لكن|لكنه|لكنها|الا ان|غير ان))(?![^\W\d_])")
# قد / لقد before a word: an imperfect (ي/ن, or ت not in the short list of past verbs of form V
# and VI that news uses after قد) reads "may"; after كان it is always the pluperfect.
QAD_RE = re.compile(r"(?<![^\W\d_])(?:[وف]?)قد\s+([^\W\d_]+)")
PAST_T_VERBS = frozenset({"تم", "تمت", "تمكن", "تمكنت", "تعرض", "تعرضت", "تبني", "تبنت", "تسبب",
                          "تسببت", "توفي", "تلقي", "تلقت", "تجاوز", "تحول", "تحولت", "تصاعد",
                          "تزايد", "تراجع", "توصل", "توصلت", "تقدم", "تقدمت", "تحدث", "تلقوا",
                          "تمكنوا", "تعرضوا", "تبنوا", "تدخل", "تدخلت", "تكرر", "تكررت", "تظاهر",
                          "تظاهروا", "تجمع", "تجمعوا", "تحرك", "تحركت", "تولي", "تولت"})
KANA_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:كان|كانت|كانوا|كانا)(?![^\W\d_])")
# Markers of a recalled past: anniversaries and "since".
HISTORICAL_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:[بلك]?ال|لل|[بلك])?(?:ذكري|الذكري|مثل هذا اليوم|احياء ذكري|ابان|"
    # "منذ" + a time of today or of the last days measures how long a current act has lasted
    # (تدور منذ صبيحة اليوم، منذ الساعات الأولى، منذ فجر اليوم): no recall
    r"منذ(?!\s+(?:يوم|يومين|ايام|ساعات|ساعه|ساعتين|اسبوع|اسبوعين|الصباح|صباح|مساء|امس|ليله|قليل|"
    r"بدايه|مطلع|اواخر|الاسبوع|الشهر|شهر|صبيحه|الساعات|الساعه|ساعات|فجر|الفجر|ظهر|ظهيره|عشيه|الليله|"
    r"ليل|الليل|منتصف|اليوم|الامس|البارحه|الان|حوالي|نحو|قرابه|دقائق|لحظات|الايام|اسابيع|الاسابيع)))"
    r"(?![^\W\d_])")
HISTORICAL_WINDOW = 8
# "N years after/since the act" right before a verbal noun (بعد تسع سنوات على سيطرة التنظيم على
# الموصل، مع مرور عام على الهجوم، في الذكرى العاشرة لـ is HISTORICAL_RE's): the anniversary takes the
# act as having happened, long ago.
ANNIVERSARY_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:بعد|مرور|بمرور)\s+(?:(?:نحو|قرابه|حوالي|اكثر من|اقل من)\s+)?"
    r"(?:\S+\s+)?(?:سنوات|سنه|سنتين|اعوام|عاما|عام|عامين|عقود|عقد|عقدين)\s+(?:علي|من)\s+$")
ANNIVERSARY_REACH = 60  # characters before the cue: the longest "بعد أكثر من ثلاثة عقود على "
FUTURE_VERB_RE = re.compile(r"(?<![^\W\d_])[وف]?(س[يتن][^\W\d_]{3,})")
# Words that begin with سي/ست/سن but are no future verbs (سيارة، سياسة، سيطرة، ستة، سنوات ...).
NOT_FUTURE = ("سيار", "سياس", "سيطر", "سيد", "سينا", "ستة", "سته", "ستين", "ستون", "ستار", "سير",
              "سيول", "سيف", "سينم", "سياح", "سياق", "سياد", "ستاد", "سنو", "سنه", "سنت", "سنا", "سنغ",
              "سيبير", "سيريلانك", "سيرا", "ستوكهولم", "سيئ", "سيي", "سيول", "سيمينار", "ستراتيج")
YEAR_RE = re.compile(r"(?<![^\W\d_])(?:عام|العام|سنه|لسنه|في|منذ|خلال)\s+((?:19|20)\d\d)(?!\d)")
YEAR_WINDOW = 12  # words between a cue and the year that dates it (اغتيل ... عام 1999)
SINCE_RE = re.compile(r"(?<![^\W\d_])[وف]?منذ(?![^\W\d_])")
SINCE_TAIL_RE = re.compile(r"(?<![^\W\d_])منذ\s+$")  # منذ عام 2011: the year word after منذ
BARE_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # اعتداءات 11 سبتمبر 2001
# Aggregates: a count right before a noun of violence (140 هجوماً، عشرات الهجمات) in a sentence
# that names a period (خلال الأشهر التسعة، في العام 2006، منذ بداية العام) tells a statistic, and
# ACLED codes incidents, not counts. Both are needed: "أطلقت حماس 20 صاروخاً على سديروت أمس" is
# one barrage, "شن التحالف عشرات الغارات خلال الأسابيع الماضية" a tally. Calibrated on the GSR
# development sentences (scripts/run_gsr.py); counts of two (هجومين) stay events.
# (folded text: مئات is ميات, آلاف is الاف)
# figures may be glued to the noun (14عملية اغتيال), words may not
COUNT_RE = re.compile(r"(?<![^\W_])(?:(?:[3-9]|[1-9]\d+)\s*|(?:عشرات|ميات|الاف|الوف)\s+)$")
PERIOD_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:خلال|في|طيله|طوال|علي مدي|علي مدار|منذ بدايه|منذ مطلع)\s+(?:ال)?"
    r"(?:اشهر|شهور|اسابيع|سنوات|اعوام|عقود|عام|سنه|عقد|فتره|نصف|ربع|ثلث|شهر|ثلاثي|سداسي|"
    r"الثلاثي|السداسي)(?![^\W\d_])")
COUNT_SPAN = 16  # characters before a cue where its count stands (حوالي 140 هجوما)
# The same holds for counted victims of a verb (وقتل 76 صحافياً منذ الغزو، 12 صحافياً خطفوا منذ عام
# 2004، قتل 300 مدني خلال الأشهر الماضية): a cumulative toll since a point or over a long period.
# "في عام 2000" is left out here: "قتل 17 بحاراً في الهجوم على المدمرة عام 2000" tells one act.
TALLY_RE = re.compile(
    r"(?<![^\W\d_])(?:منذ\s+(?:(?:عام|العام|سنه|سنوات|اعوام|اشهر|شهور|الغزو|الاحتلال|الاجتياح)(?![^\W\d_])|"
    r"(?:19|20)\d\d|(?:بدايه|مطلع)\s+(?:العام|السنه))|"
    r"(?:خلال|طيله|طوال)\s+(?:ال)?(?:اشهر|شهور|سنوات|اعوام|عام|سنه|عقود|عقدين|عقد)(?![^\W\d_]))")
# a number of three or more, in figures or words (ثلاثة آلاف، 76، عشرات)
_MANY = (r"(?:[3-9]|[1-9]\d+|عشرات|ميات|الاف|(?:(?:ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر)ه?|عشرين|ثلاثين|اربعين|"
         r"خمسين|ستين|سبعين|ثمانين|تسعين|مايه|ميه)(?:\s+(?:الاف|الف|الفا|ميه|مايه))?)")
COUNTED_AFTER_RE = re.compile(
    rf"\s+(?:(?:حوالي|نحو|قرابه|اكثر من|ما لا يقل عن|ما يزيد علي)\s+)?{_MANY}(?![^\W_])")
COUNTED_BEFORE_RE = re.compile(rf"(?<![^\W_]){_MANY}\s+(?:[^\W\d_]+\s+)?$")
# A fronted topic (وعن تفجير الجسر، قال ...; وحول الاحتجاجات التي وقعت أمس، أوضح ...): the sentence
# reports what someone said about an act told elsewhere, not the act. The topic runs from the
# opening preposition to the first comma or colon; without one the sentence is left alone.
TOPIC_RE = re.compile(r"[\W\d_]*[وف]?(?:عن|حول|بشان|بخصوص|تعليقا علي|ردا علي|فيما يتعلق ب|في ما يتعلق ب)\s")
TOPIC_END_RE = re.compile(r"[،,:]")
# "القتل والانفجارات وأعمال الخطف": a noun joined by و to a governed noun (directly, or through
# one word that carries the و) shares what governs it.
COORDINATED_TAIL = re.compile(r"\s+(و[^\W\d_]+\s+)?$")
COORDINATED_SPAN = 60  # characters before a cue where the noun it is joined to ends


# Maghrebi تظاهرة (ثقافية، رياضية، تظاهرة أيام المؤسسة) is a festival or a public event; in the
# Mashriq it is a demonstration. The noun is read as a protest only when the sentence names one:
# protesters, slogans, a demand or a denunciation (PROTEST_CONTEXT_RE), or a crowd in the street
# (CROWD_RE) with no word of a festival (FESTIVAL_RE). Checked on the ANT corpus (34 festivals
# coded as protests before; the Mashriq "خرجت تظاهرات مؤيدة" kept by its crowd verb).
FESTIVAL_FORMS = frozenset({"تظاهره", "تظاهرات"})
PROTEST_CONTEXT_RE = re.compile(
    r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:احتجاج\S*|محتج\S*|متظاهر\S*|معتصم\S*|مضرب\S*|شعارات|هتافات|هتف\S*|"
    r"للمطالبه|مطالبين|مطالبه ب\S*|للتنديد|تنديدا|منددين|منددا|رفضا|ضد|تضامنا|غاضب\S*|الاهالي|اهالي|"
    r"متساكن\S*|المعطلين|معطلين|عمال|العمال|الشبان|شبان)(?![^\W\d_])")
CROWD_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:خرج|خرجت|خرجوا|جابت|جابوا|احتشد\S*|الاف|ميات|حاشده|حشود|الحشود|"
    r"سلميه|قوات الامن|الشرطه|ساحه|الشوارع|شوارع)(?![^\W\d_])")
# People who block a road themselves (قطع سكان الحي الطريق): a blocked road with them is a protest
# whatever the weather.
AGENT_RE = re.compile(
    r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:سكان|مواطن\S*|شباب|عدد من|مجموعه من|فلاح\S*|سائق\S*|تلاميذ|طلبه|"
    r"قطعوا|اغلقوا|عمدوا|عمد|اقدموا|اقدم)(?![^\W\d_])")
FESTIVAL_RE = re.compile(
    r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:ثقافي\S*|فني\S*|رياضي\S*|مهرجان\S*|دوره|دورتها|افتتاح|اختتام|"
    r"فعاليات|عروض|تنشيط\S*|معرض|ندوه|ايام|احتفال\S*|جمعيه|فقرات|برنامج|"
    r"موسم|الدوليه|السنويه|سنويه|الوطنيه للمسرح|الكتاب|مسابق\S*|تكريم\S*|جوائز|جائزه)(?![^\W\d_])")
# A vehicle that runs over one person (دهس سيارة لتلميذ، دهستها سيارة مسرعة، دهس قطار لشاب) is a
# road accident; a vehicle driven into a crowd (دهست شاحنة المارة، دهس حشد) stays an attack, and
# so does any دهس with a driver named (دهس رجل بسيارته حشداً).
VEHICLE_ACCIDENT_RE = re.compile(
    r"دهس(?:ت|ته|تها|تهم)?\s+(?:ال)?(?:سياره|شاحنه|حافله|قطار|جرار|دراجه)(?:\s+[^\W\d_]+)?\s+"
    r"(?:مسرعه|ل(?!(?:ل|ال)?(?:مار|حشد|مجموع|مصل|متسوق|جمع|جموع))[^\W\d_]+)")


class SentenceModality:
    """The modality markers of one sentence, ready to judge each cue in it.

    Args:
        text: the folded article text.
        start: folded start of the sentence.
        end: folded end of the sentence.
        markers: the modality hits in the sentence (:func:`marsad.events.cues.find_words`).
    """

    def __init__(self, text: str, start: int, end: int, markers: list[Hit], *,
                 published_year: int | None = None) -> None:
        self.text = text
        self.markers = list(markers)
        self.words = [m.start() for m in WORD_RE.finditer(text, start, end)]
        self.boundaries = [m.start() for m in BOUNDARY_RE.finditer(text, start, end)]
        self.strong = [m.start() for m in STRONG_BOUNDARY_RE.finditer(text, start, end)]
        self.commas = [m.start() for m in COMMA_RE.finditer(text, start, end)]
        self.maybe: list[int] = []  # end offsets of قد that reads "may"
        for m in QAD_RE.finditer(text, start, end):
            word = m.group(1)
            if word[0] in "ين" or (word[0] == "ت" and word not in PAST_T_VERBS):
                before = text[max(start, m.start() - 60):m.start()]
                if not KANA_RE.search(before):
                    self.maybe.append(m.start(1))
        self.historical = [m.end() for m in HISTORICAL_RE.finditer(text, start, end)]
        self.start = start
        self.end = end
        self.has_period = PERIOD_RE.search(text, start, end) is not None
        self.has_tally = TALLY_RE.search(text, start, end) is not None
        self.saying_opener = SAYING_OPENER_RE.match(text, start, end) is not None
        self.protest_named = PROTEST_CONTEXT_RE.search(text, start, end) is not None
        self.festival_named = FESTIVAL_RE.search(text, start, end) is not None
        self.agent_named = AGENT_RE.search(text, start, end) is not None
        self.topic = (start, start)
        opening = TOPIC_RE.match(text, start, end)
        if opening is not None:
            close = TOPIC_END_RE.search(text, opening.end(), end)
            if close is not None:
                self.topic = (opening.end(), close.start())
        # a year before the publication year (any year when it is unknown) dates a recalled act
        self.years = [m.start() for m in YEAR_RE.finditer(text, start, end)
                      if published_year is None or int(m.group(1)) < published_year]
        # "أسوأ أعمال عنف منذ 2011"، "يعرف منذ 2011 تحركات": منذ + year after an act measures a span
        # up to now, so it dates no act before it (see recalled)
        self.since_years = frozenset(m.start() for m in YEAR_RE.finditer(text, start, end)
                                     if m.group(0).startswith("منذ") or SINCE_TAIL_RE.search(
                                         text, max(start, m.start() - 8), m.start()))
        self.bare_years = [m.start() for m in BARE_YEAR_RE.finditer(text, start, end)
                           if published_year is None or int(m.group(0)) < published_year]

        # a verb with the future سـ (ستسمح بتنفيذ ضربات، سيواجه هجوماً) before a cue
        for m in FUTURE_VERB_RE.finditer(text, start, end):
            if not m.group(1).startswith(NOT_FUTURE):
                self.markers.append(Hit(m.start(), m.end(), m.group(1), "I", "س", "future_verb",
                                        scope="before"))

    def words_between(self, a: int, b: int) -> int:
        """Number of words that start in [a, b)."""
        return bisect_left(self.words, b) - bisect_left(self.words, a)

    def comma_between(self, a: int, b: int) -> bool:
        """True when a comma stands between a and b."""
        i = bisect_right(self.commas, a)
        return i < len(self.commas) and self.commas[i] < b

    def boundary_between(self, a: int, b: int, *, strong: bool = False) -> bool:
        """True when a clause boundary (``strong``: only a sentence-level one) lies between a and b."""
        marks = self.strong if strong else self.boundaries
        i = bisect_right(marks, a)
        return i < len(marks) and marks[i] < b

    def reason(self, cue: Hit) -> str | None:
        """Why ``cue`` is not an event (the marker's class), or None when nothing governs it."""
        found = self._own_reason(cue)
        if found is None and cue.pos == "N":
            before = self._coordinated_with(cue)
            if before is not None:
                return self.reason(before)
        if found is None and cue.form.startswith(PURPOSE_FORMS):
            # "سينفذ الأساتذة غداً إضراباً احتجاجاً على ...": "in protest" tells why the act
            # before it is held, and shares what governs that act (a plan, a call, a date to come)
            acts = [h for h in find_cues(self.text, self.start, cue.start)
                    if h.kind == "peaceful" and not h.form.startswith(PURPOSE_FORMS)]
            inherited = self._own_reason(acts[-1]) if acts else None
            # only what makes the act unreal: a relative clause or a condemnation over the act
            # before does not reach its purpose ("الذين دخلوا في اعتصام ... احتجاجاً على")
            if inherited is not None and inherited not in WEAK_CLASSES and inherited != "anchor":
                return inherited
        return found

    def _matrix_complement(self, mk: Hit, cue: Hit) -> bool:
        """True when ``cue`` stands in the complement of the opening verb of saying, after ``mk``."""
        return self.saying_opener and COMPLEMENTIZER_RE.search(self.text, mk.end, cue.start) is not None \
            and COMPLEMENTIZER_RE.search(self.text, self.start, mk.start) is None

    def _coordinated_with(self, cue: Hit) -> Hit | None:
        """The cue that ``cue`` is joined to by و (القتل والانفجارات), if any."""
        lo = max(self.start, cue.start - COORDINATED_SPAN)
        joined = COORDINATED_TAIL.search(self.text, lo, cue.start)
        if joined is None or (joined.group(1) is None and not cue.prefix.startswith("و")):
            return None
        previous = None
        for other in find_cues(self.text, lo, joined.start()):
            if other.end == joined.start():
                previous = other
        if previous is None or previous.pos != "N" or previous.strength >= 2:
            return None
        return previous

    def _own_reason(self, cue: Hit) -> str | None:
        if cue.pos == "N" and cue.strength < 2 and self.has_period and COUNT_RE.search(
                self.text, max(self.start, cue.start - COUNT_SPAN), cue.start):
            return "aggregate"
        if cue.pos != "N" or cue.strength >= 2:
            if self.has_tally and (COUNTED_AFTER_RE.match(self.text, cue.end, self.end) or COUNTED_BEFORE_RE.search(
                    self.text, max(self.start, cue.start - 2 * COUNT_SPAN), cue.start)):
                return "aggregate"
        if self.topic[0] <= cue.start < self.topic[1]:
            return "topic"
        if cue.pos == "N" and cue.form in FESTIVAL_FORMS and not self.protest_named and (
                self.festival_named or not CROWD_RE.search(self.text, self.start, self.end)):
            return "festival"
        if cue.form.startswith("دهس") and VEHICLE_ACCIDENT_RE.match(self.text, cue.start + len(cue.prefix)):
            return "accident"
        if cue.pos == "I" and ("س" in cue.prefix or cue.prefix.endswith("ل")):
            return "future" if "س" in cue.prefix else "plan"
        for q in self.maybe:
            if q <= cue.start and self.words_between(q, cue.start) <= 1:
                return "speculation"
            # "استمرار ... قصف القواعد ... قد يدفع الإدارة": the cue is the subject of a "may"; but
            # "انفجار قد يكون ناجماً عن" only guesses the cause of an explosion that happened
            if q >= cue.end and self.words_between(cue.end, q) <= MAYBE_AFTER_WINDOW \
                    and not self.text.startswith(("يكون", "تكون"), q) \
                    and not self.boundary_between(cue.end, q):
                return "speculation"
        weak = None
        for mk in self.markers:
            found = self._marker_reason(mk, cue)
            if found is not None and found not in WEAK_CLASSES:
                return found
            weak = weak or found
        return weak

    def _marker_reason(self, mk: Hit, cue: Hit) -> str | None:
        """The class of ``mk`` when it governs ``cue`` by its scope, else None."""
        if mk.kind in NOMINAL_ONLY and (cue.pos != "N" or cue.strength >= 2):
            return None
        if mk.kind in KIND_LIMITED and cue.kind not in KIND_LIMITED[mk.kind]:
            return None
        if mk.kind in FORM_LIMITED and not cue.form.startswith(FORM_LIMITED[mk.kind]):
            return None
        if mk.kind in MODE_LIMITED and MODE_LIMITED[mk.kind] not in cue.modes:
            return None
        if mk.kind in VETOED_BY_PROTEST and (self.protest_named or self.agent_named):
            return None
        if mk.kind in NEEDS_ABOUT and (mk.end > cue.start or not ABOUT_RE.search(self.text, mk.end, cue.start)):
            return None
        if mk.kind in DATED_CLASSES and not any(
                cue.end <= y and self.words_between(cue.end, y) <= YEAR_WINDOW for y in self.bare_years):
            return None
        if mk.scope == "before" and mk.end <= cue.start:
            reach = BEFORE_WINDOW.get(mk.kind, 4)
            if self.words_between(mk.end, cue.start) < reach and not self.boundary_between(
                    mk.end, cue.start) and not (mk.kind in COMMA_BOUND and (self.comma_between(
                        mk.end, cue.start) or self._matrix_complement(mk, cue))):
                return mk.kind
        elif mk.scope == "adjacent" and mk.end <= cue.start:
            if self.words_between(mk.end, cue.start) < ADJACENT_WINDOW:
                return "denial"
        elif mk.scope == "near" and not (mk.end > cue.start and mk.start < cue.end):
            lo, hi = (mk.end, cue.start) if mk.end <= cue.start else (cue.end, mk.start)
            if self.words_between(lo, hi) <= NEAR_WINDOW and not self.boundary_between(lo, hi, strong=True):
                return mk.kind
        elif mk.scope == "adjacent_after" and mk.start >= cue.end:
            if self.words_between(cue.end, mk.start) == 0:
                return mk.kind
        elif mk.scope == "after" and mk.start >= cue.end:
            reach = AFTER_REACH.get(mk.kind, AFTER_WINDOW)
            if self.words_between(cue.end, mk.start) <= reach and not self.boundary_between(
                    cue.end, mk.start):
                return mk.kind
        return None

    def anniversary(self, cue: Hit) -> bool:
        """True when "N years after" stands right before ``cue`` (بعد تسع سنوات على سيطرة ...)."""
        return ANNIVERSARY_RE.search(self.text, max(self.start, cue.start - ANNIVERSARY_REACH), cue.start) is not None

    def recalled(self, cue: Hit) -> bool:
        """True when an anniversary or "since" marker governs ``cue`` (الذكرى الثانية لاغتيال)."""
        if self.anniversary(cue):
            return True
        for end in self.historical:
            if end <= cue.start and self.words_between(end, cue.start) < HISTORICAL_WINDOW \
                    and not self.boundary_between(end, cue.start):
                return True
        for pos in self.years:
            if pos >= cue.end and (pos in self.since_years or self.comma_between(cue.end, pos)
                                   or COMPLEMENTIZER_RE.search(self.text, cue.end, pos)
                                   or SINCE_RE.search(self.text, cue.end, pos)):
                # a year after the act but outside its clause, or the start of a span up to now
                # (أسوأ أعمال عنف منذ الإطاحة بالقذافي في 2011)
                continue
            lo, hi = min(pos, cue.end), max(pos, cue.start)
            if self.words_between(lo, hi) <= YEAR_WINDOW and not self.boundary_between(lo, hi, strong=True):
                return True
        return False
