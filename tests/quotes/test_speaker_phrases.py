"""Speaker noun phrases of verbs whose content follows without a complementiser (أدان، استنكر، وصف).

Every sentence here was written for these tests. The phrase must stop where the object starts and
hold the whole speaker: a title between an office and a name, an office in apposition after a name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.config import QuotesConfig
from marsad.document import Document, Quote
from marsad.quotes import attribute_quotes

MakeDoc = Callable[..., Document]

# (sentence, PER mentions, speaker name, speaker text, content starts with)
CASES = [
    # a title (الدكتور، الشيخ، العميد) between the office and the name belongs to the speaker
    ("واستنكر العضو بالمجلس البلدي الدكتور سمير الحداد الاعتداء على الموظفين، مؤكدا أنه مرفوض.",
     ["سمير الحداد"], "سمير الحداد", "العضو بالمجلس البلدي الدكتور سمير الحداد", "الاعتداء على الموظفين"),
    ("وأدان النائب في البرلمان الشيخ حامد العتيبي التفجير الذي استهدف السوق.",
     ["حامد العتيبي"], "حامد العتيبي", "النائب في البرلمان الشيخ حامد العتيبي", "التفجير الذي استهدف"),
    # an office in apposition after the name is the speaker's, not the start of the object
    ("ووصف كمال الزين وزير الخارجية الليبي الهجوم بأنه عمل جبان.",
     ["كمال الزين"], "كمال الزين", "كمال الزين وزير الخارجية الليبي", "عمل جبان"),
    ("وأدان رامي الخطيب رئيس البلدية الاعتداء على المدرسة.",
     ["رامي الخطيب"], "رامي الخطيب", "رامي الخطيب رئيس البلدية", "الاعتداء على المدرسة"),
    # a plural nisba after a singular office agrees with nothing in it: it opens the object
    ("ووصف وزير الدفاع الإرهابيين بأنهم مجموعات إجرامية.", [], "وزير الدفاع", "وزير الدفاع",
     "مجموعات إجرامية"),
    # a plural after a singular office, a masculine nisba after a feminine body: the object
    ("ودعا الرئيس المواطنين إلى الهدوء.", [], "الرئيس", "الرئيس", "المواطنين إلى الهدوء"),
    ("ونعت الرئاسة الجندي الذي قتل في الهجوم.", [], "الرئاسة", "الرئاسة", "الجندي الذي قتل"),
    ("ووصفت السلطات الهجوم بأنه إرهابي.", [], "السلطات", "السلطات", "إرهابي"),
    # an adjective that agrees stays in the speaker
    ("وقالت القوات الخاصة إن العملية نجحت.", [], "القوات الخاصة", "القوات الخاصة", "العملية نجحت"),
    ("وقالت الوزارة الأمريكية إن الهجوم إرهابي.", [], "الوزارة الأمريكية", "الوزارة الأمريكية", "الهجوم إرهابي"),
    # after a plural it is the plural's adjective and stays in the speaker
    ("وقال المسؤولون الأمنيون إن الوضع مستقر.", [], "المسؤولون الأمنيون", "المسؤولون الأمنيون", "الوضع مستقر"),
]


@pytest.mark.parametrize(("sentence", "persons", "name", "speaker_text", "head"), CASES)
def test_speaker_phrase_holds_title_and_office(make_doc: MakeDoc, sentence: str, persons: list[str], name: str,
                                               speaker_text: str, head: str) -> None:
    doc = make_doc(sentence, entities=[(p, "PER") for p in persons])
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    first = doc.quotes[0]
    assert first.speaker is not None and first.speaker.name == name
    assert first.speaker_text == speaker_text
    assert first.content.startswith(head), first.content



# (text, speaker text, content starts with): عبر before a channel is "via", and the statement goes on
VIA = [
    ("قالت وزارة الصحة إن المستشفى استقبل الجرحى. وأشارت الوزارة، عبر حسابها على تويتر، إلى أن الحالات "
     "مستقرة.", "الوزارة", "الحالات مستقرة"),
    ("وأكدت الهيئة، عبر بيان نشرته مساء الأحد، أن الانتخابات ستجري في موعدها.", "الهيئة", "الانتخابات ستجري"),
]


@pytest.mark.parametrize(("text", "speaker_text", "head"), VIA)
def test_via_a_channel_is_no_verb(make_doc: MakeDoc, text: str, speaker_text: str, head: str) -> None:
    doc = make_doc(text)
    attribute_quotes(doc, QuotesConfig())
    q = doc.quotes[-1]
    assert q.speaker_text == speaker_text
    assert q.content.startswith(head), q.content


def test_expressed_is_still_a_verb(make_doc: MakeDoc) -> None:
    doc = make_doc("وعبر الوزير عن أسفه لما حدث في المدينة.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.cue, q.speaker_text) for q in doc.quotes] == [("عبر", "الوزير")]


def test_as_another_speaker_confirmed_is_a_statement_of_its_own(make_doc: MakeDoc) -> None:
    # كما أكدت ... inside the content of another statement, with its own subject, ends that content
    doc = make_doc("قال المرصد إن عشرة أشخاص قتلوا في القصف كما أكدت مصادر طبية سقوط القتلى.",
                   entities=[("المرصد", "ORG")])
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [
        ("المرصد", "عشرة أشخاص قتلوا في القصف"), ("مصادر طبية", "سقوط القتلى")]


def test_a_time_adverb_before_the_verb_names_nobody(make_doc: MakeDoc) -> None:
    doc = make_doc("وأعلنت الأردن خفض التمثيل. وأخيرا أعلنت جمهورية جيبوتي قطع العلاقات مع الدوحة.",
                   entities=[("جمهورية جيبوتي", "GPE")])
    attribute_quotes(doc, QuotesConfig())
    assert doc.quotes[-1].speaker_text == "جمهورية جيبوتي"


def test_a_noun_with_its_pronoun_after_the_subject_is_the_object(make_doc: MakeDoc) -> None:
    # وأنكر الشاب | علاقته ...: the subject stops before the noun that carries a pronoun
    doc = make_doc("وأنكر الموقوف علاقته بأي شبكة يشتبه في أنها هربت السلاح إلى المدينة.")
    attribute_quotes(doc, QuotesConfig())
    assert [q.speaker_text for q in doc.quotes] == ["الموقوف"]


def test_a_preposition_with_a_noun_and_its_pronoun_names_nobody(make_doc: MakeDoc) -> None:
    # اعترف | بنيته ...: the verb's own preposition opens the content; the subject is the last speaker
    doc = make_doc("وقال مصدر أمني إن الموقوف نقل إلى السجن. واعترف بنيته القيام بعمليات إرهابية.")
    attribute_quotes(doc, QuotesConfig())
    assert all(q.speaker_text != "بنيته القيام" for q in doc.quotes), [q.speaker_text for q in doc.quotes]


def test_a_counted_group_goes_on_speaking_in_the_plural(make_doc: MakeDoc) -> None:
    # عدد من الطلبة ... وأوضحوا: the plural verb goes back to the counted group; في ما is فيما in two words
    doc = make_doc("وأكد عدد من العمال أن الأجور متأخرة. وأوضحوا أن الإدارة لم ترد في ما أكد النقابيون أن "
                   "الإضراب سيتواصل.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [
        ("عدد من العمال", "الأجور متأخرة"), ("عدد من العمال", "الإدارة لم ترد"), ("النقابيون", "الإضراب سيتواصل")]


@pytest.mark.parametrize("group", ["الحقوقيون", "المعتصمون"])
def test_a_plural_only_people_bear_is_a_speaker(make_doc: MakeDoc, group: str) -> None:
    # no head lexicon lists every nisba or participle plural; their shape says a group speaks
    doc = make_doc(f"وطالب {group} بفتح تحقيق في الحادثة.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.anonymous) for q in doc.quotes] == [(group, True)]


def test_a_word_of_another_shape_in_un_is_no_group(make_doc: MakeDoc) -> None:
    doc = make_doc("وطالب القانون بتشديد العقوبات.")
    attribute_quotes(doc, QuotesConfig())
    assert doc.quotes == []


def test_since_another_speaker_said_is_a_statement_of_its_own(make_doc: MakeDoc) -> None:
    doc = make_doc("وأضافت الشرطة أنها تبحث عن ثلاثة مشتبه بهم، إذ أشارت مصادر إلى أن الحادث إرهابي.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes][-2:] == [
        ("الشرطة", "تبحث عن ثلاثة مشتبه بهم"), ("مصادر", "الحادث إرهابي")]


def test_what_a_speaker_called_a_thing_is_their_statement(make_doc: MakeDoc) -> None:
    # وهو ما اعتبره X Y: X's statement Y, which ends the statement it stands in
    doc = make_doc("وندد المحتجون بإغلاق المصنع، وهو ما اعتبره العاملون ظلما لا يمكن السكوت عنه.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [
        ("المحتجون", "بإغلاق المصنع"), ("العاملون", "ظلما لا يمكن السكوت عنه")]


def test_what_a_thing_was_called_without_a_subject_is_left_alone(make_doc: MakeDoc) -> None:
    doc = make_doc("وطالب المحتجون بكشف ما وصفه بالفساد المستشري.")
    attribute_quotes(doc, QuotesConfig())
    assert [q.cue for q in doc.quotes] == ["طالب"]


def test_also_with_a_content_at_once_is_a_statement_of_the_same_speaker(make_doc: MakeDoc) -> None:
    doc = make_doc("وقالت الناشطة إن الملف مغلق كذلك طالبت بفتح تحقيق جديد.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.speaker_text, q.content) for q in doc.quotes] == [
        ("الناشطة", "الملف مغلق"), ("الناشطة", "بفتح تحقيق جديد")]


def test_a_statement_it_issued_belongs_to_the_subject_of_the_clause(make_doc: MakeDoc) -> None:
    # وفق بيان أصدرته: the pronoun of the issuing verb goes back to the body the clause opens with
    text = "وقررت نقابة الأطباء، وفق بيان أصدرته اليوم، الدخول في إضراب عام."
    doc = make_doc(text, entities=[("نقابة الأطباء", "ORG")])
    attribute_quotes(doc, QuotesConfig())
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["نقابة الأطباء"]


def test_the_name_before_a_relative_is_its_antecedent(make_doc: MakeDoc) -> None:
    # حسب بيان للحرس الثوري الذي أوضح: the relative follows the name, not the whole chunk before it
    text = "وقتل عشرات المسلحين حسب بيان للجيش الوطني الذي أوضح أن العملية انتهت."
    doc = make_doc(text, entities=[("جيش الوطني", "ORG")])  # (the mention starts past لل)
    attribute_quotes(doc, QuotesConfig())
    said = [q for q in doc.quotes if q.cue == "أوضح"]
    assert said and said[0].speaker is not None and said[0].speaker.name.endswith("جيش الوطني"), said


def test_a_report_speaks_for_the_quoted_outlet_after_lam(make_doc: MakeDoc) -> None:
    doc = make_doc('وذكر تقرير لـ"الجزيرة نت" أن الجنود انسحبوا من المعبر.', entities=[("الجزيرة نت", "ORG")])
    attribute_quotes(doc, QuotesConfig())
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["الجزيرة نت"]


# (text, speaker text, content starts with): a definite noun no lexicon knows, alone before a verb
# that a complementiser follows, is its subject
BARE_SUBJECTS = [
    ("وأجرى الصحفي مقابلة لبضع دقائق فقط، لكن البابا قال إن السلام ممكن.", "البابا", "السلام ممكن"),
    ("البابا الجديد أكد أن الحوار ضروري.", "البابا الجديد", "الحوار ضروري"),
]


@pytest.mark.parametrize(("text", "speaker_text", "head"), BARE_SUBJECTS)
def test_bare_definite_subject_before_the_verb(make_doc: MakeDoc, text: str, speaker_text: str, head: str) -> None:
    doc = make_doc(text)
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    q = only_quote(doc)
    assert q.speaker_text == speaker_text and q.content.startswith(head)


def only_quote(doc: Document) -> Quote:
    assert len(doc.quotes) == 1, [(q.cue, q.content) for q in doc.quotes]
    return doc.quotes[0]


def test_feminine_participle_after_a_masculine_accusative_is_a_verb(make_doc: MakeDoc) -> None:
    # إرهابيا | نافية: a feminine adjective would not follow a masculine accusative; the participle
    # opens a statement of its own, with the same speaker
    doc = make_doc("وأكدت السلطات أن الهجوم ليس إرهابيا نافية بذلك ما تردد من أخبار حول تبني التنظيم له.")
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    assert [q.cue for q in doc.quotes] == ["أكدت", "نافية"]
    assert doc.quotes[0].content == "الهجوم ليس إرهابيا"
    assert all(q.speaker is not None and q.speaker.name == "السلطات" for q in doc.quotes)
    # an adjective that agrees stays an adjective
    doc = make_doc("ونظمت النقابة وقفة احتجاجية منددة بالاعتداء.")
    attribute_quotes(doc, QuotesConfig())
    assert doc.quotes == []


def test_participle_after_a_document_noun_goes_on_with_the_speaker(make_doc: MakeDoc) -> None:
    # هذا التقرير | مشيرا: a participle is never the relative verb of the document before it
    doc = make_doc("وأكد الوزير أنه لا يصدق مضمون هذا التقرير مشيرا إلى أنه مفبرك.")
    attribute_quotes(doc, QuotesConfig())
    assert [(q.cue, q.content) for q in doc.quotes] == [("أكد", "لا يصدق مضمون هذا التقرير"), ("مشيرا", "مفبرك")]
    assert all(q.speaker is not None and q.speaker.name == "الوزير" for q in doc.quotes)
