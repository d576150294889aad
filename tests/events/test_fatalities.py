"""Fatalities by ACLED's rules: killed only, digits and words, duals, vague counts, lowest figure.

Each group pairs the construction that must be read with a near neighbour that must not change
(the injured, the arrested, plurals without a number, attempts, other senses of the cue).
"""

from __future__ import annotations

import pytest

from marsad.document import Event, EventLocation, Evidence
from marsad.events.fatalities import count_killed, split_tolls, toll_of_type, words
from marsad.text.normalize import fold_key


def _count(sentence: str, names: tuple[str, ...] = ()) -> int | None:
    text = fold_key(sentence)
    spans = []
    for name in names:
        start = text.index(fold_key(name))
        spans.append((start, start + len(fold_key(name))))
    return count_killed(text, names=spans)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("أسفر الانفجار عن مقتل 7 أشخاص وإصابة 12 آخرين.", 7),
    ("قُتل حارس وأصيب سبعة آخرون في الهجوم.", 1),
    ("أدى القصف إلى مقتل ثلاثة مدنيين.", 3),
    ("قتل ما لا يقل عن 28 شخصاً في التفجير.", 28),
    ("أودى الهجوم بحياة 6 مصلين.", 6),
    ("سقط أكثر من 220 قتيلاً في المعارك.", 220),
    ("قتل جنديان اثنان في الكمين.", 2),
    ("أسفر الهجوم عن مقتل جنديين.", 2),
    ("القائدان اللذان قتلا في الغارة.", 2),
    ("سقط قتيلين في الاشتباك.", 2),
    ("أسفرت المواجهات عن مقتل عشرات المسلحين.", 12),
    ("أدت الغارات إلى مقتل مئات المدنيين.", 100),
    ("قتل عدد من عناصر الأمن في الهجوم.", 3),
    ("قتل ثلاثة وعشرون شخصاً في الانفجار.", 23),
    ("قتل فيها 11 من عناصرها.", 11),
    ("قتل 5 أشخاص بحسب الشرطة و8 بحسب المستشفى في الهجوم الذي قتل فيه 8 أشخاص.", 5),
    ("سقطت قذيفة على المبنى دون وقوع إصابات.", 0),
    ("انفجرت العبوة دون أن يسفر عن ضحايا.", 0),
    ("لم يسفر الهجوم عن إصابات بشرية.", 0),
    ("أصيب 12 شخصاً بجروح في الانفجار.", None),
    ("سقطت خمسة صواريخ على المدينة.", None),
    ("تظاهر آلاف الطلبة في العاصمة.", None),
])
def test_events_fatalities(sentence, expected):
    assert count_killed(fold_key(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # object of an active verb, the subject between them
    ("قتل مسلحون أربعة جنود في كمين قرب الحدود.", 4),
    ("قتلوا 5 رعاة في الجبل قبل أن يفروا.", 5),
    ("قتل الجيش ستة مسلحين في المنطقة الجبلية.", 6),
    ("قتل المسلحون في الهجوم قبل أن يفروا.", None),
    # a two-word subject and a partitive object; a named or singular victim after subject and time
    ("وقد قتلت قوات الأمن ثلاثة من المهاجمين.", 3),
    ("وأكد المصدر أن القيادي قد قتل مع أربعة من معاونيه بانفجار.", 5),
    ("اغتال مسلحون مجهولون اليوم الاثنين الصحفي الليبي في بنغازي.", 1),
    ("قتل مسلحون الجنود في الكمين.", None),
    ("قتل مسلحون شرطيا في الكمين.", 1),
    # a time phrase of several words between the verb and the count, a hedge before a plural verb
    ("قتل بعد ظهر اليوم الأحد 3 جنود على الأقل.", 3),
    ("قال المرصد إن 25 شخصا على الأقل قتلوا في التفجير.", 25),
    ("قال المرصد إن أشخاصا على الأقل قتلوا في التفجير.", None),
    # a count before a word of killing after a word that is none (حصيلة ضحايا ... إلى خمسة قتلى)
    ("ارتفعت حصيلة ضحايا الهجوم إلى خمسة قتلى.", 5),
    # the attacker named among the dead is not counted; a named victim among dead militants is
    ("ارتفعت الحصيلة إلى خمسة قتلى بينهم منفذ الهجوم.", 4),
    ("أسفر الهجوم عن مقتل خمسة أشخاص بمن فيهم منفذ العملية.", 4),
    ("أسفرت المواجهة عن مقتل 7 إرهابيين من بينهم الإرهابي الخطير كمال.", 7),
    # a unit times a plural of hundred or thousand; a stray comma before the count
    ("الاعتداءات التي أسفرت عن نحو ثلاثة آلاف قتيل.", 3000),
    ("قتل ثلاثة آلاف شخص في المجزرة.", 3000),
    ("أعلن الوزير عن مقتل، 39 شخصا في الهجوم.", 39),
    ("قتل خمسة وآلاف آخرون يفرون من المدينة.", 5),
    ("قصفت الطائرات الموكب ما خلف مئات الضحايا.", None),
    # subject of a passive verb, a count before a plural verb
    ("قُتل 14 شخصاً في انفجار سيارة ملغومة.", 14),
    ("أكد المتحدث أن 9 مدنيين قتلوا في الغارة.", 9),
    ("عثرت الفرق على جثث 13 شخصاً قتلوا في القصف.", 13),
    ("قال إن المهاجمين قتلوا في الاشتباك.", None),
    ("لقي ما يقرب من 40 مهاجرا حتفهم قبالة السواحل.", 40),
    ("قتل أزيد من 15 شخصا في المواجهات.", 15),
    # the split idiom لقي ... مصرعهم/حتفهم, and its pronoun
    ("لقي 12 شخصاً على الأقل مصرعهم ليلة الأحد في تفجير انتحاري.", 12),
    ("لقي أربعة من عناصر الحرس الوطني ومدني، صباح اليوم، مصرعهم في كمين.", 5),
    ("لقي شرطيان مصرعهما في هجوم على دورية.", 2),
    ("لقي الشاب حتفه برصاص قناص.", 1),
    ("كان أغلب من لقوا حتفهم في الهجوم من المدنيين.", None),
    ("لقي الاقتراح ترحيبا واسعا من النواب.", None),
    # the genitive of a masdar and a pronoun on it
    ("أعلن الجيش مقتله في غارة جوية.", 1),
    ("أكدت العائلة مصرعهما في القصف.", 2),
    ("أودى الانفجار بحياته على الفور.", 1),
    ("قضى حياته في خدمة الحركة.", None),
    # a number after its noun, duals of nouns of persons
    ("أسفر الانفجار عن مقتل ممرضين اثنين.", 2),
    ("أعلنت الداخلية مقتل ضابطين في المواجهة.", 2),
    ("أعلنت الوزارة مقتل انتحاريين فجرا نفسيهما.", 2),
    ("أسفرت الغارة عن مقتل مدنيين في القرية.", None),
    # coordination of victims, coordinated killing cues
    ("أسفر الهجوم عن مقتل رقيب ومجند من الحرس.", 2),
    ("أسفر الانفجار عن مقتل 4 جنود و2 مدنيين.", 6),
    ("أدى الهجوم إلى مقتل حارس وإصابة ثلاثة آخرين ومصرع أحد المهاجمين.", 2),
    ("أدى الهجوم إلى مقتل حارس وإصابة ثلاثة آخرين.", 1),
    ("أسفر الهجوم عن مقتل 3 جنود واعتقال 4 مشتبه بهم.", 3),
    # named victims, quoted or tagged
    ("أعلن التنظيم عن مقتل \"أبو حفص المصري\" في غارة.", 1),
    ("اغتيل كمال الصغير أمام منزله في الضاحية.", 1),
    ("اغتيل أربعة من قادة الفصيل خلال عام واحد.", 4),
    ("أحيا أنصاره ذكرى اغتيال الزعيم المؤسس.", 1),
    ("أسفرت العملية عن اغتيال قياديين اثنين.", 2),
    ("القائد الذي قتل بغارة جوية قرب المطار.", 1),
    ("زار الوفد ضريح الزعيم الذي اغتيل في العاصمة.", None),
    ("القادة الذين قتلوا بغارة جوية.", None),
    ("أغلق الأهالي الطريق احتجاجا على وفاة شاب في المستشفى.", None),
    ("أعلنت الوزارة وفاة 3 أشخاص في المواجهات.", 3),
    # القضاء على, راح ضحيته
    ("تمكنت الوحدات العسكرية من القضاء على عنصر إرهابي.", 1),
    ("وأكد أن الإرهابي تم القضاء عليه في الكمين.", 1),
    ("تعهد بالقضاء على الإرهاب في البلاد.", None),
    ("الهجوم الذي راح ضحيته 22 شخصاً.", 22),
    # attempts, other senses, the injured and the arrested never count
    ("وجهت له تهمة قتل 4 أشخاص والشروع بقتل 3 آخرين.", 4),
    ("نجا الوزير من محاولة اغتيال في العاصمة.", None),
    ("أصدرت المحكمة حكما بالإعدام شنقا على قاتل الطالب.", None),
    ("هدده مجهولون بالقتل في رسالة.", None),
    ("أعدم التنظيم 4 رهائن في الساحة.", 4),
    ("استشهد النائب بآية قرآنية في كلمته.", None),
    ("استشهد جندي في انفجار لغم.", 1),
    ("أصيب 5 أشخاص واعتقل 3 آخرون.", None),
    ("خلف الانفجار وفاة 4 أشخاص و20 جريحا.", 4),
    ("قالت الوزارة إن 12 شخصا قتلوا وأصيب 40 آخرون.", 12),
    ("قالت الشرطة إن عونا قتل وأصيب آخر وأربعة مدنيين.", 1),
    ("ارتفع عدد الأطفال الذين قتلوا أو جرحوا في القصف.", None),
    # a singular subject before a passive verb, "with N others", relatives by name
    ("قال المتحدث إن صيادا قتل اليوم على يد حرس السواحل.", 1),
    ("قتل القيادي مع ثلاثة من مرافقيه في الغارة.", 4),
    ("أقدم شاب على ذبح والده وشقيقه.", 2),
    ("ارتفع عدد ما تم ذبحه من الدواجن.", None),
    # the means after a cue is no victim; a name starting with ب is one
    ("قتل برصاص قناص في الحي.", None),
    ("خرجت مسيرات إثر مقتل بائع متجول في المدينة.", 1),
    # "took the life" only with أودى; risking one's life is no death; a date is no count
    ("تعمل في الميدان وهي تخاطر بحياتها كل يوم.", None),
    ("توفي شاب صباح السبت، 11 مارس في المستشفى.", 1),
    ("قالت الشرطة إن رجلا عمره 64 عاما توفي في المستشفى.", None),
    ("في 3 مارس 2009 استشهد القائد في غارة.", 1),
    ("في 3 مارس 2009 استشهد في غارة.", None),
    ("أسفر الهجوم عن مقتل شرطيين وإصابة ثالث.", 2),
    ("اعتقلت الشرطة 4 أشخاص بعد مقتل شاب.", 1),
])
def test_events_fatalities_victim_phrases(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(("sentence", "names", "expected"), [
    ("قتل بلال العموري برصاص مجهولين.", ("بلال العموري",), 1),
    ("قتل برصاص مجهولين في الحي.", (), None),
    ("أعلن عن مقتل سليم الرياحي وحسن الزواري في الغارة.", ("سليم الرياحي", "حسن الزواري"), 2),
    ("أعلن عن مقتل سليم الرياحي في الغارة.", ("سليم الرياحي",), 1),
    ("وتوفي منير العياري خلال المواجهات مع قوات الأمن.", ("منير العياري",), 1),
    ("وتوفي متأثرا بجروحه بعد أيام.", (), None),
])
def test_events_fatalities_named_victims(sentence, names, expected):
    assert _count(sentence, names) == expected


def test_every_cue_passes_the_prefilter():
    forms = words.STRONG | words.WEAK | words.MEET | words.POST | words.VICTIMS_OF | set(words.SUFFIXED)
    assert [form for form in forms | {"القضاء"} if not words.CUE_HINT_RE.search(form)] == []


def test_types_that_record_no_deaths_keep_none() -> None:
    # protests and strategic developments record no deaths (a toll told beside them is another event's);
    # violence keeps the toll read
    assert toll_of_type("Arrests", 1) is None
    assert toll_of_type("Disrupted weapons use", 2) is None
    assert toll_of_type("Peaceful protest", 0) is None
    assert toll_of_type("Attack", 1) == 1
    assert toll_of_type("Government regains territory", 4) == 4


def test_an_arrest_over_a_killing_records_no_toll() -> None:
    from marsad.pipeline import extract

    doc = extract("اعتقلت قوات الأمن اليوم شابا على خلفية قتله لشرطي في مدينة صفاقس.", published="2017-03-01", id="t")
    arrests = [e for e in doc.events if e.sub_event_type == "Arrests"]
    assert arrests and all(e.fatalities is None for e in arrests)


def _event(start: int, place: str, toll: int | None, sub: str = "Suicide bomb") -> Event:
    return Event(id="", event_type="Explosions/Remote violence", sub_event_type=sub,
                 evidence=Evidence(start=start, end=start + 10, text="x" * 10),
                 location=EventLocation(name=place), fatalities=toll)


def test_one_toll_in_several_places_is_split_evenly() -> None:
    # ANNOTATION-GUIDE: one toll for several places is split evenly, the parts adding up
    two = [_event(0, "الإسكندرية", 46), _event(0, "طنطا", 46)]
    split_tolls(two)
    assert [e.fatalities for e in two] == [23, 23]
    three = [_event(0, "أ", 7), _event(0, "ب", 7), _event(0, "ج", 7)]
    split_tolls(three)
    assert [e.fatalities for e in three] == [3, 2, 2]
    # other reports, other types or one place twice keep their tolls
    apart = [_event(0, "أ", 5), _event(20, "ب", 5), _event(0, "ج", 5, sub="Attack")]
    split_tolls(apart)
    assert [e.fatalities for e in apart] == [5, 5, 5]
