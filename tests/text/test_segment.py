"""Sentences, tokens, quotations and proclitics as spans over the unchanged text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.arabic import DIACRITICS, INVISIBLES, TATWEEL
from marsad.text.segment import (
    quotation_spans,
    segment_text,
    sentence_spans,
    split_proclitic,
    token_spans,
)

ALPHABET = ("ابتجحدرسعفقلمنهوي" "أإىة" + DIACRITICS[:6] + TATWEEL + INVISIBLES + "٠١٢0123" + "abZ"
            + " \n\n\r\t\u00a0\u2029" + ".!?؟…۔:،,;«»\"“”'()[]-/")
texts = st.text(alphabet=ALPHABET, max_size=200)
_SKIPPED = set(INVISIBLES)


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentence_spans(text)]


def tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in token_spans(text)]


# --- properties -----------------------------------------------------------------------------------

@given(texts)
@settings(max_examples=400, deadline=None)
def test_sentences_are_ordered_trimmed_disjoint_and_cover_every_non_space(text: str) -> None:
    spans = sentence_spans(text)
    covered = set()
    last_end = 0
    for s in spans:
        assert last_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        covered.update(range(s.start, s.end))
        last_end = s.end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@given(texts)
@settings(max_examples=400, deadline=None)
def test_tokens_are_ordered_disjoint_spaceless_and_cover_every_visible_character(text: str) -> None:
    spans = token_spans(text)
    covered = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not any(ch.isspace() for ch in text[start:end])
        assert text[start] not in _SKIPPED and text[end - 1] not in _SKIPPED
        covered.update(range(start, end))
        last_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace() and ch not in _SKIPPED)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_tokens_of_a_range_are_the_tokens_inside_it(text: str) -> None:
    for s in sentence_spans(text):
        inside = token_spans(text, s.start, s.end)
        assert all(s.start <= a < b <= s.end for a, b in inside)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_quotations_are_ordered_disjoint_and_paired(text: str) -> None:
    last_end = 0
    for q in quotation_spans(text):
        assert last_end <= q.start < q.end <= len(text)
        assert "\n" not in text[q.start:q.end]
        assert (text[q.start], text[q.end - 1]) in {("«", "»"), ("“", "”"), ('"', '"'), ("„", "“")}
        last_end = q.end


# --- sentences ------------------------------------------------------------------------------------

def test_reference_article_splits_into_its_34_sentences(seed_text: str) -> None:
    spans = sentence_spans(seed_text)
    assert len(spans) == 34
    assert seed_text[spans[0].start:spans[0].end].endswith("في تحقيق أي اختراق.")


def test_gold_articles_split_without_loss(gold_articles: list[dict[str, object]]) -> None:
    for gold in gold_articles:
        text = str(gold["text"])
        spans = sentence_spans(text)
        assert spans, gold["id"]
        joined = "".join(text[s.start:s.end] for s in spans)
        assert "".join(joined.split()) == "".join(text.split())


@pytest.mark.parametrize(("text", "expected"), [
    # a headline line without a final period, then the body
    ("مقتل جنديين بانفجار عبوة\nقتل جنديان أمس. وأصيب ثالث.",
     ["مقتل جنديين بانفجار عبوة", "قتل جنديان أمس.", "وأصيب ثالث."]),
    # Arabic and Latin marks, repeated marks, ellipsis
    ("هل انتهت الحرب؟ لا أحد يعرف!! ربما… لكن الخوف باق.",
     ["هل انتهت الحرب؟", "لا أحد يعرف!!", "ربما…", "لكن الخوف باق."]),
    # a closing quote after the period stays with its sentence
    ('وقال: "انسحبنا من المدينة." ثم غادر.', ['وقال: "انسحبنا من المدينة."', "ثم غادر."]),
    ("وقال: «انسحبنا من المدينة.» ثم غادر.", ["وقال: «انسحبنا من المدينة.»", "ثم غادر."]),
    # a stray closing quote after a space joins the sentence before it
    ('أكد أن "الوضع تحت السيطرة.. ". وغادر.', ['أكد أن "الوضع تحت السيطرة.. ".', "وغادر."]),
    # decimals and times do not split
    ("ارتفع العدد إلى 3.5 بالمئة عند 10.30 صباحا.", ["ارتفع العدد إلى 3.5 بالمئة عند 10.30 صباحا."]),
    # an initial before a name does not split; a unit after a number does
    ("صرح د. خالد النوري بأن الوضع مستقر.", ["صرح د. خالد النوري بأن الوضع مستقر."]),
    ('أوقفت الشرطة المدعو "م. ع" أمس.', ['أوقفت الشرطة المدعو "م. ع" أمس.']),
    ("بلغت الكلفة 130 م د. وانطلقت الأشغال.", ["بلغت الكلفة 130 م د.", "وانطلقت الأشغال."]),
    ("بيع الكيلوغرام بـ 8.5 د. وارتفع الطلب.", ["بيع الكيلوغرام بـ 8.5 د.", "وارتفع الطلب."]),
    ("سرعة الرياح 30 كلم/س. والبحر هادئ.", ["سرعة الرياح 30 كلم/س.", "والبحر هادئ."]),
    # numbered points inside a line
    ("ثلاث نقاط. 1. الأمن أولا. 2. الاقتصاد ثانيا.", ["ثلاث نقاط.", "1. الأمن أولا.", "2. الاقتصاد ثانيا."]),
    # abbreviations inside brackets
    ("نقلت شبكة (سي. إن. إن) عن مسؤول قوله. ولم تعلق الوزارة.",
     ["نقلت شبكة (سي. إن. إن) عن مسؤول قوله.", "ولم تعلق الوزارة."]),
    # a period typed without the space after it, between full words; abbreviations stay whole
    ("وصل الوفد إلى المعبر.وكانت الشرطة هناك.", ["وصل الوفد إلى المعبر.", "وكانت الشرطة هناك."]),
    ("قالت شبكة إيه.بي.سي إن الوفد وصل.", ["قالت شبكة إيه.بي.سي إن الوفد وصل."]),
    ("نقلت أ.ف.ب الخبر.", ["نقلت أ.ف.ب الخبر."]),
    # Windows and old-Mac line ends, paragraph separators, blank lines
    ("عنوان أول\r\nنص أول.\rعنوان ثان\u2029نص ثان.\n\n\nخاتمة",
     ["عنوان أول", "نص أول.", "عنوان ثان", "نص ثان.", "خاتمة"]),
    ("   \n\t  \n", []),
    ("", []),
    ("Police said three were hurt. Two others fled.", ["Police said three were hurt.", "Two others fled."]),
])
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


WRAPPED = ("أعلنت السلطات الأمنية في المحافظة الشمالية صباح اليوم عن إحباط\n"
           "محاولة تسلل لمجموعة مسلحة عبر الحدود، وقالت إن قواتها اشتبكت مع\n"
           "المتسللين لأكثر من ساعتين قبل أن يتراجعوا باتجاه الأراضي المجاورة\n"
           "تاركين خلفهم كميات من الأسلحة والذخائر. وأضافت أن أحد الجنود أصيب\n"
           "بجروح طفيفة ونقل إلى المستشفى.\n")


def test_hard_wrapped_paragraph_is_joined() -> None:
    out = sentences(WRAPPED)
    assert len(out) == 2
    assert out[0].startswith("أعلنت السلطات") and out[0].endswith("والذخائر.")
    assert "\n" in out[0]
    assert out[1] == "وأضافت أن أحد الجنود أصيب\nبجروح طفيفة ونقل إلى المستشفى."


def test_short_paragraph_wrapped_at_the_width_of_the_text_is_joined() -> None:
    short = "وفي سياق متصل، أعلنت وزارة الداخلية توقيف ثلاثة أشخاص يشتبه في\nتورطهم في الهجوم."
    text = WRAPPED + "\n" + short + "\n\nعنوان قصير\nسطر أخير."
    out = sentences(text)
    assert out[-3:] == [short, "عنوان قصير", "سطر أخير."]


@pytest.mark.parametrize("text", [
    # headline per line: lines of unequal length
    "عاجل\nانفجار في وسط المدينة\nمصادر: عدد القتلى مرشح للارتفاع\nالشرطة تطوق المكان بالكامل الآن",
    # a short fixture list of similar lines
    "برنامج الجولة:\nس 18: النادي الأول / النادي الثاني\nس 16: النادي الثالث / النادي الرابع\n"
    "س 15: النادي الخامس / النادي السادس\nس 18: النادي السابع / النادي الثامن",
])
def test_line_per_sentence_texts_stay_split(text: str) -> None:
    assert sentences(text) == [ln for ln in text.split("\n") if ln.strip()]


def test_segment_text_stage(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("عنوان\nقُتل شخصان. وأصيب ثلاثة.")
    doc.sentences, doc.tokens = [], []
    segment_text(doc)
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["عنوان", "قُتل شخصان.", "وأصيب ثلاثة."]
    assert [doc.text[s:e] for s, e in doc.tokens][:3] == ["عنوان", "قُتل", "شخصان"]
    doc.check_offsets()


# --- tokens ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قُتِلَ ٣ جنود", ["قُتِلَ", "٣", "جنود"]),
    ("بلغ العدد 1,250 أو ١٢٫٥ ألفاً", ["بلغ", "العدد", "1,250", "أو", "١٢٫٥", "ألفاً"]),
    ("لـ\"العربي الجديد\"", ["لـ", '"', "العربي", "الجديد", '"']),
    ("لـالعربي", ["لـالعربي"]),
    ("الـمـوصـل", ["الـمـوصـل"]),
    ("عنوان ـــ فاصل ً", ["عنوان", "ـــ", "فاصل", "ً"]),
    ("(داعش)، و«القاعدة»؛", ["(", "داعش", ")", "،", "و", "«", "القاعدة", "»", "؛"]),
    ("\u200fبغداد\u200f \u200e", ["بغداد"]),
    ("می\u200cخواهم", ["می\u200cخواهم"]),
    ("F-16 و S7", ["F", "-", "16", "و", "S", "7"]),
    ("\ufe8d\ufedf\ufecc\ufeae\ufe8d\ufed7", ["\ufe8d\ufedf\ufecc\ufeae\ufe8d\ufed7"]),
])
def test_token_spans(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_token_spans_of_a_range() -> None:
    text = "أولا. ثانيا ثالثا."
    assert token_spans(text, 6, 11) == [(6, 11)]


# --- quotations -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قال: «نرفض أي تهدئة. ولن نتوقف». ثم غادر.", ["«نرفض أي تهدئة. ولن نتوقف»"]),
    ('وصف "الهجوم" بأنه "جبان"', ['"الهجوم"', '"جبان"']),
    ("“لن نستسلم” قال القائد", ["“لن نستسلم”"]),
    ("«أول\nثان»", []),  # quotations do not cross lines
    ('قال " بلا إغلاق', []),
    ("« مفتوح ثم «مغلق»", ["«مغلق»"]),
    ("«قال له: \"اخرج\" ثم سكت»", ["«قال له: \"اخرج\" ثم سكت»"]),
])
def test_quotation_spans(text: str, expected: list[str]) -> None:
    assert [text[q.start:q.end] for q in quotation_spans(text)] == expected


def test_quotation_across_sentences_contains_both(seed_text: str) -> None:
    spans = sentence_spans(seed_text)
    multi = [q for q in quotation_spans(seed_text)
             if sum(1 for s in spans if s.start < q.end and q.start < s.end) > 1]
    assert multi, "the reference article has a quotation that runs over two sentences"


# --- proclitics -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "known", "n"), [
    ("وبغداد", {"بغداد"}, 1),
    ("وببغداد", {"بغداد"}, 2),
    ("لبنان", {"لبنان"}, 0),
    ("للتحالف", {"التحالف"}, 1),
    ("وللتحالف", {"التحالف"}, 2),
    ("فالجيش", {"الجيش"}, 1),
    ("بغداد", {"بغداد"}, 0),
    ("كركوك", {"ركوك"}, 1),  # the known list decides: callers pass real names
    ("بالعراق", None, 1),
    ("للتحالف", None, 1),
    ("لـالعربي", None, 2),
    ("والجيش", None, 1),
    ("وبالعراق", None, 2),
    ("وللجيش", None, 2),
    ("ولد", None, 0),
    ("ووزارة", None, 1),
    ("وزارة", None, 0),
    ("وكالة", None, 0),
    ("وأضاف", None, 1),
    ("فرنسا", None, 0),
    ("فالتقى", None, 1),
    ("والي", None, 0),
    ("واليوم", None, 1),
    ("وفد", None, 0),
    ("كتائب", None, 0),
    ("بيان", None, 0),
])
def test_split_proclitic(word: str, known: set[str] | None, n: int) -> None:
    assert split_proclitic(word, known) == n
