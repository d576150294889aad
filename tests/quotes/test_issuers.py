"""Tests of issue 10 item 5: documents speak for their issuer, institutions keep their fullest name,
groups described with the article are anonymous speakers, accusations and descriptions keep their
object. Every sentence here was written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.config import QuotesConfig
from marsad.document import Document, Quote
from marsad.quotes import attribute_quotes

MakeDoc = Callable[..., Document]


def run(make_doc: MakeDoc, text: str, entities: list[tuple[str, ...]] = ()) -> list[Quote]:  # type: ignore[assignment]
    doc = make_doc(text, entities=entities)
    attribute_quotes(doc, QuotesConfig())
    doc.check_offsets()
    return doc.quotes


def by_cue(quotes: list[Quote], cue: str) -> Quote:
    found = [q for q in quotes if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.content) for q in quotes]
    return found[0]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # a document met before speaks for the body that issued it
    ("أصدرت هيئة الدفاع عن المساجين تقريرا في ذكرى يوم الأسير. وذكر التقرير أن عدد الموقوفين ارتفع.",
     "ذكر", "هيئة الدفاع عن المساجين"),
    # the issuer written right after the document: لـ، صادر عن
    ("وأوضح بيان للحرس الوطني أن الدورية تعرضت لإطلاق نار.", "أوضح", "الحرس الوطني"),
    ("وأكد بيان صادر عن وزارة النقل أن الرحلات ستستأنف غدا.", "أكد", "وزارة النقل"),
    # the issuer in construct after the document (no ل)
    ("وأكد بيان وزارة الدفاع أن الجيش أوقف ثلاثة مهربين.", "أكد", "وزارة الدفاع"),
    # a document whose noun opens with ب after a verb whose preposition is ب (أفاد ب): the
    # document is the subject, not the verb's preposition
    ("وأفاد بيان لوزارة الدفاع أن الجيش أوقف ثلاثة مهربين.", "أفاد", "وزارة الدفاع"),
    ("وأفاد بلاغ لوزارة الداخلية بأن الوحدات الأمنية حجزت أسلحة.", "أفاد", "وزارة الداخلية"),
])
def test_documents_speak_for_their_issuer(make_doc: MakeDoc, text: str, cue: str, speaker: str) -> None:
    q = by_cue(run(make_doc, text), cue)
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.speaker_text is not None and text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_a_bare_head_takes_the_fullest_earlier_name(make_doc: MakeDoc) -> None:
    text = ("دعا مجمع النقابات الجهوية لعمال البناء إلى الإضراب يوم الاثنين. "
            "وأوضح المجمع أن المفاوضات مع الوزارة فشلت.")
    q = by_cue(run(make_doc, text), "أوضح")
    assert q.speaker is not None and q.speaker.name == "مجمع النقابات الجهوية لعمال البناء"


def test_a_body_inside_a_role_is_not_the_body_speaking(make_doc: MakeDoc) -> None:
    text = "وقال فريد الجلاصي قائد شرطة الميناء إن البحث متواصل. وقالت الشرطة إن المشتبه به فر."
    q = by_cue(run(make_doc, text, [("فريد الجلاصي", "PER")]), "قالت")
    assert q.speaker is not None and q.speaker.name == "الشرطة"


def test_a_group_with_the_article_is_an_anonymous_speaker(make_doc: MakeDoc) -> None:
    q = by_cue(run(make_doc, "ودعا النشطاء إلى تنظيم مظاهرة أمام السفارة مساء الجمعة."), "دعا")
    assert q.speaker is not None and q.speaker.name == "النشطاء" and q.anonymous
    assert q.content.startswith("تنظيم مظاهرة")


def test_an_accusation_keeps_its_object(make_doc: MakeDoc) -> None:
    text = "واتهمت الحكومة الجماعة المسلحة بإطلاق صاروخ على المطار."
    q = by_cue(run(make_doc, text, [("الحكومة", "ORG"), ("الجماعة المسلحة", "ORG")]), "اتهمت")
    assert q.speaker is not None and q.speaker.name == "الحكومة"
    assert q.content.startswith("الجماعة المسلحة بإطلاق")


def test_a_description_with_a_separate_preposition(make_doc: MakeDoc) -> None:
    text = 'ووصف وزير الدفاع كمال العياري مدينة الرديف بـ "حصن الجنوب" خلال زيارته.'
    q = by_cue(run(make_doc, text, [("كمال العياري", "PER"), ("مدينة الرديف", "GPE")]), "وصف")
    assert q.speaker is not None and q.speaker.name == "كمال العياري"
    assert q.content.startswith("مدينة الرديف")


def test_an_abbreviation_speaks_as_the_full_name(make_doc: MakeDoc) -> None:
    text = ('قررت الهيئة الوطنية لمراقبة الأسواق الغذائية "الهمأغ" سحب المنتوج. '
            "وأكدت الهمأغ أن القرار نهائي.")
    q = by_cue(run(make_doc, text), "أكدت")
    assert q.speaker is not None and q.speaker.name == "الهيئة الوطنية لمراقبة الأسواق الغذائية"
    assert q.speaker_text == "الهمأغ"


def test_a_quoted_group_name_is_no_abbreviation(make_doc: MakeDoc) -> None:
    text = 'تبنى تنظيم "داعش" الهجوم. وقال داعش في بيان إن عناصره نفذوا العملية.'
    q = by_cue(run(make_doc, text, [("داعش", "ORG"), ("داعش", "ORG")]), "قال")
    assert q.speaker is not None and q.speaker.name != "تنظيم"


def test_a_role_with_the_article_names_the_one_person_met_before(make_doc: MakeDoc) -> None:
    text = ("قال الحاج سالم البدري، القائد بفصائل الحرس المحلي، إن الهجوم صد. "
            "وأضاف القائد الميداني أن الخسائر محدودة.")
    q = by_cue(run(make_doc, text, [("سالم البدري", "PER")]), "أضاف")
    assert q.speaker is not None and q.speaker.name == "سالم البدري"


def test_the_pronoun_that_resumes_ma_attributes(make_doc: MakeDoc) -> None:
    text = "وأغلقت الطريق لساعات، وفق ما أورده مصدر أمني بالجهة."
    q = by_cue(run(make_doc, text), "أورده")
    assert q.speaker is not None and q.anonymous and q.speaker.name.startswith("مصدر أمني")
    assert q.content.startswith("وأغلقت الطريق") or q.content.startswith("أغلقت الطريق")


def test_kama_opening_a_clause_joins_the_verb(make_doc: MakeDoc) -> None:
    text = "قال الوزير أحمد العلوي إن الوضع مستقر. كما طالب المحتجون بتنظير خريجي المعاهد."
    q = by_cue(run(make_doc, text, [("أحمد العلوي", "PER")]), "طالب")
    assert q.speaker is not None and q.speaker.name == "المحتجون" and q.content.startswith("بتنظير")


def test_an_accusative_participle_before_a_nisba_shaped_noun(make_doc: MakeDoc) -> None:
    text = "وقال الوزير كمال العياري إن الوضع مستقر مؤكدا أهمية الحوار بين الأطراف."
    q = by_cue(run(make_doc, text, [("كمال العياري", "PER")]), "مؤكدا")
    assert q.speaker is not None and q.speaker.name == "كمال العياري" and q.content.startswith("أهمية الحوار")


def test_an_accusation_of_a_named_object(make_doc: MakeDoc) -> None:
    text = "وكانت السلطات الألمانية قد اتهمت تونس بتعطيل ترحيل المشتبه به."
    q = by_cue(run(make_doc, text, [("السلطات الألمانية", "ORG"), ("تونس", "GPE")]), "اتهمت")
    assert q.speaker is not None and q.speaker.name == "السلطات الألمانية"
    assert q.content.startswith("تونس بتعطيل")


def test_a_warning_with_its_own_preposition(make_doc: MakeDoc) -> None:
    q = by_cue(run(make_doc, "وحذر الأحمد من عودة المقاتلين إلى البلاد."), "حذر")
    assert q.speaker is not None and q.speaker.name == "الأحمد" and q.content.startswith("عودة المقاتلين")


@pytest.mark.parametrize("text", [
    "قال وزير الخارجية سامي العلوي إن المفاوضات مستمرة. وأكد مرارا أن الحل سياسي.",
    "وقال وزير الخارجية سامي العلوي مرارا إن الحل سياسي.",
])
def test_an_adverb_is_never_the_speaker(make_doc: MakeDoc, text: str) -> None:
    quotes = run(make_doc, text, [("سامي العلوي", "PER")])
    assert quotes and all(q.speaker is not None and q.speaker.name == "سامي العلوي" for q in quotes)
    assert all("مرارا" not in (q.speaker_text or "") for q in quotes)


def test_a_document_named_by_dhat_speaks_for_its_issuer(make_doc: MakeDoc) -> None:
    text = ("أصدرت وزارة الداخلية بيانا حول الهجوم. "
            "وأضاف ذات البيان أن الوحدات الأمنية أوقفت المشتبه بهم.")
    q = by_cue(run(make_doc, text, [("وزارة الداخلية", "ORG")]), "أضاف")
    assert q.speaker is not None and q.speaker.name == "وزارة الداخلية"


def test_a_description_then_a_quoted_name(make_doc: MakeDoc) -> None:
    text = 'اعتبرت القناة التلفزية الخاصة "الأفق"، قرار الهيئة جائرا. وأكدت القناة أن القرار سياسي.'
    quotes = run(make_doc, text)
    assert quotes and all(q.speaker is not None and q.speaker.name == "قناة الأفق" for q in quotes)


@pytest.mark.parametrize(("text", "cue", "speaker", "head"), [
    ("اعترفت الشرطة في ولاية أريزونا بقتل رجل لم يكن يحمل سلاحا.", "اعترفت", "الشرطة", "بقتل رجل"),
    ("اعترفت لجنة التحقيق التي شكلتها الحكومة، باستهداف الطائرات لمجلس عزاء.", "اعترفت", "لجنة التحقيق",
     "باستهداف الطائرات"),
    ("وكانت مصادر إعلامية أفادت، أمس بمقتل اثنين من المحتجين.", "أفادت", "مصادر إعلامية", "بمقتل اثنين"),
    ("وقالت وسائل إعلام محلية، بينها الموقع الإلكتروني لصحيفة الصباح، إن القرار اتخذ ليلا.", "قالت",
     "وسائل إعلام محلية", "القرار اتخذ"),
])
def test_the_fused_preposition_past_a_place_a_relative_or_an_apposition(
        make_doc: MakeDoc, text: str, cue: str, speaker: str, head: str) -> None:
    q = by_cue(run(make_doc, text), cue)
    assert q.speaker is not None and q.speaker.name == speaker and q.content.startswith(head)


def test_a_second_preposition_opens_the_content(make_doc: MakeDoc) -> None:
    text = "صرح ضابط عسكري في المحافظة عن مقتل 45 جنديا بتفجير انتحاري."
    assert all(not q.content.startswith("بتفجير") for q in run(make_doc, text))


@pytest.mark.parametrize("text", [
    "وأعلنت وزارة الدفاع في بيان مقتل خمسة مسلحين.",
    "وأعلنت وزارة الدفاع في بيان رسمي لها اليوم مقتل خمسة مسلحين.",
])
def test_a_statement_in_a_statement_belongs_to_the_body(make_doc: MakeDoc, text: str) -> None:
    q = by_cue(run(make_doc, text, [("وزارة الدفاع", "ORG")]), "أعلنت")
    assert q.speaker is not None and q.speaker.name == "وزارة الدفاع" and q.content.startswith("مقتل خمسة")


def test_his_words_then_a_quotation(make_doc: MakeDoc) -> None:
    text = 'نقلت وكالة الأنباء عن الوزير كمال العياري قوله في اجتماع أمني "تم القضاء على الخلية بالكامل".'
    q = by_cue(run(make_doc, text, [("كمال العياري", "PER")]), "نقلت")
    assert q.speaker is not None and q.speaker.name == "كمال العياري" and q.direct
    assert q.content.startswith("تم القضاء")


def test_a_quotation_after_the_occasion(make_doc: MakeDoc) -> None:
    text = ('قال الرئيس أحمد العلوي إن الحرب مستمرة. '
            'وقال في كلمة له أمام البرلمان الجديد "أؤكد لكم أن النصر قريب".')
    quotes = run(make_doc, text, [("أحمد العلوي", "PER")])
    assert any(q.direct and q.content.startswith("أؤكد لكم") and q.speaker is not None and
               q.speaker.name == "أحمد العلوي" for q in quotes)


def test_a_role_given_in_an_apposition(make_doc: MakeDoc) -> None:
    text = ("أكد سالم البدري، وهو رئيس بلدية الرديف، أن الأشغال متواصلة. "
            "وأضاف رئيس البلدية أن الطريق ستفتح قريبا.")
    q = by_cue(run(make_doc, text, [("سالم البدري", "PER")]), "أضاف")
    assert q.speaker is not None and q.speaker.name == "سالم البدري"


def test_between_and_between(make_doc: MakeDoc) -> None:
    text = "أكد سالم البدري أن خلافا جد بينه وبين عون أمن، اليوم الجمعة، كاد أن يتحول إلى مأساة."
    quotes = run(make_doc, text, [("سالم البدري", "PER")])
    assert [q.cue for q in quotes] == ["أكد"]


def test_an_unnamed_source_keeps_its_fullest_description(make_doc: MakeDoc) -> None:
    text = ("وقال مسؤولون أمنيون عراقيون وأكراد إن الهجوم صد. "
            "وأشار المسؤولون إلى أن القوات استعادت القرية.")
    q = by_cue(run(make_doc, text), "أشار")
    assert q.speaker is not None and q.speaker.name.startswith("مسؤولون أمنيون عراقيون")


def test_dan_condemns_at_the_head_of_its_clause(make_doc: MakeDoc) -> None:
    q = by_cue(run(make_doc, "كما دان النائب عبد الله العدواني الحادث الإرهابي.",
                   [("عبد الله العدواني", "PER")]), "دان")
    assert q.speaker is not None and q.speaker.name == "عبد الله العدواني"
    assert q.content.startswith("الحادث الإرهابي")


@pytest.mark.xfail(strict=True, reason=(
    "a known regression of the session-6 rebuild on 923 articles (see the closing note): "
    "the rebuilt tagger reads the outlet's link line as a body speaking before a colon"))
def test_the_outlets_own_link_is_no_quote(make_doc: MakeDoc) -> None:
    text = "وأوقفت الشرطة ثلاثة أشخاص.\nرابط الخبر بصحيفة الوئام: الكويت تبدأ محاكمة المتهمين بتفجير المسجد"
    assert not [q for q in run(make_doc, text) if q.cue == ":"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("أعرب عدد من نواب البرلمان، عن إدانتهم للهجوم الإرهابي.", "عدد من نواب البرلمان"),
    ("وقال بعض الخبراء إن الوضع خطير.", "بعض الخبراء"),
])
def test_a_quantified_group_is_an_anonymous_speaker(make_doc: MakeDoc, text: str, speaker: str) -> None:
    q = only_quote(run(make_doc, text))
    assert q.speaker is not None and q.speaker.name == speaker and q.anonymous


def only_quote(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.cue, q.content) for q in quotes]
    return quotes[0]


def test_a_noun_with_its_pronoun_after_the_subject_is_the_object(make_doc: MakeDoc) -> None:
    q = by_cue(run(make_doc, "وأكدت الوزارة التزامها بحماية المواطنين."), "أكدت")
    assert q.speaker is not None and q.speaker.name == "الوزارة" and q.content.startswith("التزامها")


def test_a_colon_after_a_word_of_saying_goes_on_with_the_speaker(make_doc: MakeDoc) -> None:
    text = 'قال الوزير أحمد العلوي إن القرار نهائي. وعلق بالقول : "هناك أسماء كبيرة ستسقط".'
    quotes = run(make_doc, text, [("أحمد العلوي", "PER")])
    said = [q for q in quotes if q.content.startswith("هناك أسماء")]
    assert len(said) == 1 and said[0].speaker is not None and said[0].speaker.name == "أحمد العلوي"
    assert said[0].content == "هناك أسماء كبيرة ستسقط"


def test_a_mourning_statement(make_doc: MakeDoc) -> None:
    text = "ونعت وزارة الداخلية الرقيب محمد الصغير الذي استشهد في الهجوم."
    q = by_cue(run(make_doc, text, [("وزارة الداخلية", "ORG"), ("محمد الصغير", "PER")]), "نعت")
    assert q.speaker is not None and q.speaker.name == "وزارة الداخلية" and q.content.startswith("الرقيب")
    assert not run(make_doc, "وهذا نعت غريب.")


def test_ala_ma_attributes_but_not_as_it_seems(make_doc: MakeDoc) -> None:
    text = "وتمت تعبئة ألف شرطي لتنفيذ عمليات الدهم، على ما أوضح وزير الداخلية كمال العياري."
    q = by_cue(run(make_doc, text, [("كمال العياري", "PER")]), "أوضح")
    assert q.speaker is not None and q.speaker.name == "كمال العياري" and "تعبئة ألف شرطي" in q.content
    assert not run(make_doc, "ووقع الحادث على ما يبدو بسبب خلل فني.")


def test_a_longer_object_of_a_description(make_doc: MakeDoc) -> None:
    text = "ووصف الرئيس الأميركي دونالد ترامب كل من حزب الله وحماس بالإرهاب خلال كلمته في القمة."
    q = by_cue(run(make_doc, text, [("دونالد ترامب", "PER")]), "وصف")
    assert q.speaker is not None and q.speaker.name == "دونالد ترامب" and q.content.startswith("كل من حزب الله")


def test_a_time_phrase_between_a_document_and_its_issuer(make_doc: MakeDoc) -> None:
    text = "وأكد بلاغ صادر اليوم الأربعاء عن وزارة النقل أن الرحلات ستستأنف غدا."
    q = by_cue(run(make_doc, text), "أكد")
    assert q.speaker is not None and q.speaker.name == "وزارة النقل"


@pytest.mark.parametrize("later", [False, True])
def test_a_definite_head_takes_the_one_fuller_name_of_the_article(make_doc: MakeDoc, later: bool) -> None:
    full = "وقالت حديقة حيوان قرطاج إن الحارس عثر على النمر."
    bare = "وتابعت الحديقة أن اللصوص فروا ليلا."
    text = f"{bare} {full}" if later else f"{full} {bare}"
    q = by_cue(run(make_doc, text), "تابعت")
    assert q.speaker is not None and q.speaker.name == "حديقة حيوان قرطاج"
    assert text[q.speaker_start:q.speaker_end] == "الحديقة"


def test_two_fuller_names_leave_the_bare_head_as_written(make_doc: MakeDoc) -> None:
    text = ("وقالت حديقة حيوان قرطاج إن النمر نفق. وقالت حديقة حيوان البلفيدير إن الأسد مريض. "
            "وتابعت الحديقة أن اللصوص فروا ليلا.")
    q = by_cue(run(make_doc, text), "تابعت")
    assert q.speaker is not None and q.speaker.name == "الحديقة"


def test_a_title_and_a_surname_name_the_one_person_with_that_surname(make_doc: MakeDoc) -> None:
    text = ("أفاد الناطق باسم الحرس الوطني العميد خليفة الزواري بأن الدوريات متواصلة. "
            "وأضاف العميد الزواري أن ثلاثة أشخاص أوقفوا.")
    doc = make_doc(text, entities=[("خليفة الزواري", "PER", "خليفة الزواري")])
    attribute_quotes(doc, QuotesConfig())
    q = by_cue(doc.quotes, "أضاف")
    assert q.speaker is not None and q.speaker.name == "خليفة الزواري"
    assert q.speaker.actor_id == doc.actors[0].id


def test_a_verb_after_fa_inna_is_inside_the_attributed_content(make_doc: MakeDoc) -> None:
    text = "قتل ثلاثة أشخاص في الهجوم. وبحسب الشرطة فإن الحارس اعترف بجريمته التي نفذها بسكين."
    quotes = run(make_doc, text)
    assert [(q.speaker.name if q.speaker else None, q.content) for q in quotes] == [
        ("الشرطة", "الحارس اعترف بجريمته التي نفذها بسكين")]


@pytest.mark.parametrize(("text", "content"), [
    ("وقد بدأت العملية، حسب مصدر عليم، برفع درجة التأهب وسط قوات الأمن في مناطق الجنوب.",
     "برفع درجة التأهب وسط قوات الأمن في مناطق الجنوب"),
    ("وتشهد المنطقة نزاعات متعددة، والتي أدت، حسب مراقبين، إلى تنامي نشاطات جماعات مسلحة.",
     "إلى تنامي نشاطات جماعات مسلحة"),
    # a finished clause before the source is the statement
    ("وقتل خمسة أشخاص وأصيب عشرة آخرون في الانفجار، حسب مصادر طبية، فيما تتواصل عمليات البحث.",
     "وقتل خمسة أشخاص وأصيب عشرة آخرون في الانفجار"),
])
def test_a_source_set_off_by_commas_after_a_clause_opening(make_doc: MakeDoc, text: str, content: str) -> None:
    q = by_cue(run(make_doc, text), "حسب")
    assert q.content == content


def test_an_attribution_to_a_document_names_its_issuer(make_doc: MakeDoc) -> None:
    text = "قتل ثلاثة أشخاص. وحسب إحصائيات وزارة الصحة فإن عدد الجرحى بلغ عشرين."
    q = by_cue(run(make_doc, text), "حسب")
    assert q.speaker is not None and q.speaker.name == "وزارة الصحة"
    assert q.content == "عدد الجرحى بلغ عشرين"


def test_a_source_named_in_quotation_marks_after_an_attribution(make_doc: MakeDoc) -> None:
    text = "أنجبت سيدة ستة توائم. وبحسب ما نقل \"إنسايد إيديشن\"، فإن الأم وضعت توائمها في مستشفى الأطفال."
    q = by_cue(run(make_doc, text), "نقل")
    assert q.speaker is not None and q.speaker.name == "إنسايد إيديشن"
    assert q.content == "الأم وضعت توائمها في مستشفى الأطفال"


def test_no_abbreviation_runs_back_past_a_sentence_end(make_doc: MakeDoc) -> None:
    text = ("وتلقت الحكومة تحذيرا من وكالة الاستخبارات الأمريكية. وبحسب \"الصباح\" فإن الأجهزة الأمنية "
            "رفعت جهوزيتها.")
    q = by_cue(run(make_doc, text), "بحسب")
    assert q.speaker is not None and q.speaker.name == "الصباح"


def test_one_word_of_a_fuller_name_names_that_person(make_doc: MakeDoc) -> None:
    text = ("وأشرف الزعيم الكوري الشمالي كيم جونغ أون على تجربة صاروخية. "
            "وقال كيم إن بلاده مستعدة للرد على أي هجوم.")
    doc = make_doc(text, entities=[("كيم جونغ أون", "PER", "كيم جونغ أون")])
    attribute_quotes(doc, QuotesConfig())
    q = by_cue(doc.quotes, "قال")
    assert q.speaker is not None and q.speaker.name == "كيم جونغ أون"


def test_a_phrase_opened_by_a_preposition_after_the_verb_is_no_speaker(make_doc: MakeDoc) -> None:
    text = ("وقال الناطق باسم المحكمة سفيان السليطي إن الموقوف خطير. "
            "وذكر بخصوص أنيس العامري، أن النيابة العمومية أذنت بفتح بحث تحقيقي.")
    q = by_cue(run(make_doc, text, [("سفيان السليطي", "PER", "سفيان السليطي")]), "ذكر")
    assert q.speaker is not None and q.speaker.name == "سفيان السليطي"


@pytest.mark.parametrize("comma", ["،", ""])
def test_a_statement_with_its_pronoun_is_no_part_of_the_speaker(make_doc: MakeDoc, comma: str) -> None:
    text = f"وأكدت الوزارة في بيانها{comma} أن ردود الفعل العدائية للحكومة مرفوضة."
    q = by_cue(run(make_doc, text), "أكدت")
    assert q.speaker_text == "الوزارة"
    assert q.content == "ردود الفعل العدائية للحكومة مرفوضة"


def test_the_verbs_preposition_inside_an_adverbial_does_not_hide_the_complementiser(make_doc: MakeDoc) -> None:
    text = ("وكان رئيس الحكومة قد أكد أمس في رده على تساؤلات نواب المجلس خلال النقاش حول الميزانية "
            "أن الحكومة ستشهد تغييرات.")
    q = by_cue(run(make_doc, text), "أكد")
    assert q.content == "الحكومة ستشهد تغييرات"


def test_a_quotation_after_the_subject_and_the_occasion(make_doc: MakeDoc) -> None:
    text = "وقال الرئيس في بيان \"نشير إلى أن الدول التي تدعم الإرهاب تخاطر بأن تقع ضحية له\"."
    q = by_cue(run(make_doc, text), "قال")
    assert q.direct and q.content.startswith("نشير إلى أن الدول")


def test_a_negated_participle_inside_the_subject_stops_no_search(make_doc: MakeDoc) -> None:
    text = "وأشارت تقارير غير مؤكدة إلى أن سبعة أشخاص على الأقل قتلوا. وأغلقت المتاجر."
    q = by_cue(run(make_doc, text), "أشارت")
    assert q.speaker is not None and q.speaker.name == "تقارير غير مؤكدة" and q.anonymous
    assert q.content == "سبعة أشخاص على الأقل قتلوا"


def test_a_participle_read_as_a_noun_inside_the_subject_stops_no_search(make_doc: MakeDoc) -> None:
    text = "وقال داعية مصري إن الفتوى باطلة."
    q = by_cue(run(make_doc, text), "قال")
    assert q.speaker_text == "داعية مصري" and q.content == "الفتوى باطلة"


def test_a_headline_of_figures_after_a_body_is_its_statement(make_doc: MakeDoc) -> None:
    # وزارة الصحة: 180 فريقا: a number after a body's colon opens its statement; a time (10:30) and an
    # age after a person's name (فلان: 45 سنة) do not
    q = by_cue(run(make_doc, "وزارة الصحة: 180 فريقا صحيا لمراقبة المواد الغذائية"), ":")
    assert q.speaker is not None and q.speaker.name == "وزارة الصحة" and q.content.startswith("180 فريقا")
    assert run(make_doc, "وانطلقت الجلسة على الساعة 10:30 صباحا.") == []
    assert run(make_doc, "محمد الطرابلسي: 45 سنة") == []
