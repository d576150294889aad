"""Kinds of attributed statement the ANT training gold codes, read on real ANT articles at test time.

Each case names an article of ../shared (the train half of data/train-ant, or an ANT article whose
extra gold sits in benchmarks/data/gold-ant-extra; its text stays in data/corpus/ant-v1.1.jsonl), the
first words of a statement as the gold codes them, and words the speaker's name or written text must
hold. The whole pipeline runs on the article, so that the speakers are linked to its entities.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import marsad
from marsad.document import Quote

# How far into a statement its first words may stand (an adverb left before them: مباشرة بعد الهجوم).
HEAD_SLACK = 15


@cache
def _article_text(shared: Path, article_id: str) -> str:
    path = shared / "data" / "train-ant" / f"{article_id}.json"
    if path.exists():
        return str(json.loads(path.read_text(encoding="utf-8"))["text"])
    with (shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] == article_id:
                return str(record["text"])
    raise LookupError(article_id)


@cache
def _quotes(shared: Path, article_id: str) -> tuple[Quote, ...]:
    doc = marsad.Pipeline().run(marsad.Article.from_dict({"id": article_id, "text": _article_text(shared, article_id)}))
    doc.check_offsets()
    return tuple(doc.quotes)


def _quote_with(quotes: tuple[Quote, ...], head: str) -> Quote:
    # the statement that opens with the words (past a quotation mark or an adverb): an outer statement may hold a
    # nested one whole, and a statement run on past its end holds the next one
    found = [q for q in quotes if 0 <= q.content.find(head) <= HEAD_SLACK]
    assert found, (head, [(q.cue, q.content[:60]) for q in quotes])
    return found[0]


def _said_by(quote: Quote, speaker: str) -> bool:
    forms = [quote.speaker.name if quote.speaker else "", quote.speaker_text or ""]
    return any(speaker in form for form in forms)


# (article, the first words of the statement, words of its speaker, why)
CASES = [
    # a statement nested in a reported clause is its own entry, and the outer one keeps its words
    ("ja-internationalnews-82-23122016", "خاطفي الطائرة قالا إنهما", "سكاي نيوز", "outer statement"),
    ("ja-internationalnews-82-23122016", "من مجموعة تسمى", "خاطف", "nested statement"),
    ("ja-internationalnews-728-20170412", "تيلرسون تعهد بأن", "سافرونكوف", "outer statement"),
    # a title before a person's name belongs to the subject a participle hangs on
    ("ja-diverse-369-20170529", "أصبحوا بمثابة عائلة ثانية", "أيدي بولي", "participle after a title"),
    # a verb with its object pronoun before its preposition
    ("ja-politic-490-20150818", "الاعتداء الاجرامي", "تونس", "ووصفته بـ"),
    ("ja-internationalnews-1137-20170607", "دعم الإرهاب", "", "واتهمتها بـ (the speaker is not checked)"),
    # a thing with its pronoun after a verb that takes its object first is that object, not the speaker
    ("ja-internationalnews-419-20160718", "شخصيته", "صحفية على قناة", "ووصفت شخصيته بـ"),
    # a verb that is also a common word is a verb after an insert phrase
    ("ja-localnews-1065-20150512", "تفهمهم لمطالب المعلمين", "الأولياء", "من جهة أخرى عبر عدد من الأولياء عن"),
    # the content of a verb that takes a noun phrase comes after the occasion of the statement
    ("ja-internationalnews-645-20170404", "دعمه الكامل لروسيا", "دونالد ترامب", "أكد ترامب في مكالمة هاتفية مع ..."),
    # the name of a programme after "في برنامج" is no speaker: the verb's pronoun is
    ("ja-localnews-1199-20170213", "تم اخراج هذه التصريحات", "عدنان منصر", "وقال في برنامج بوليتيكا إنه"),
    # a rank and a surname name the one person of the article with that surname; an insert after a
    # comma ends the speaker phrase
    ("ja-localnews-1420-20141230", "تم خلال شهر أكتوبر 2014 تمشيط", "بلحسن الوسلاتي", "بين المقدم الوسلاتي"),
    # a document named again speaks for its issuer
    ("ja-politic-134-20161209", "التعبير عن تضامنها مع الشعب المصري", "وزارة الشؤون الخارجية", "حسب ذات البيان"),
    ("ja-localnews-4072-20170524", "تعليق الاضراب جاء بعد", "الاتحادات المحلية", "البيان after بيان أصدرته"),
    # فإن answering an attribution at the head of the sentence
    ("ja-localnews-1265-20170110", "السندي جند المهاجمين", "بي بي سي", "وتبعاً للاعترافات ... فإن"),
    ("ja-politic-134-20161209", "انفجارا حدث بمحيط منطقة", "وزارة الداخلية المصرية", "وحسب معطيات أوردتها ... فإن"),
    # a كان clause inside a sentence opens the clause whose subject the verb takes
    ("ja-internationalnews-1025-20170602", "تنفيذ عناصره للعملية", "داعش", "وكان تنظيم داعش قد أعلن"),
    # a call or a demand opens with whom it addresses
    ("ja-politic-19-20161229", "الحكومة ووزارة الداخلية بمصارحة", "حركة مشروع تونس", "طالبت X الحكومة بـ"),
    ("ja-politic-335-20170408", "كل الأطراف، إلى", "الحزب", "دعا الحزب كل الأطراف إلى"),
    ("ja-politic-335-20170408", "الحكومة التونسية، إلى", "حركة الشعب", "ودعت حركة الشعب، الحكومة إلى"),
    # the subject of a verb of saying that closes the sentence is the source, as written
    ("ja-localnews-4473-20151220", "تمكنت مصالح الديوانة", "سلمى قلمون", "حسب ما أفادت ... سلمى قلمون"),
    ("ja-localnews-391-30112016", "تمكنت الوحدات التابعة", "محمد الحاجبي", "وفق ما أكده اليوم الملازم ..."),
    # a statement made in a document issued by a body belongs to that body
    ("ja-politic-338-20140705", "الجريمة البشعة التي أودت", "رئاسة الجمهورية", "في بيان صادر عن"),
    # a title, a bare head or a surname names the article's actor by its fullest name
    ("ja-localnews-1424-20170217", "انضمام عديد الرياضيين", "مجدولين الشارني", "وزيرة ... فلانة, then الوزيرة"),
    ("ja-society-596-20160613", "اطلع على مدى جاهزية", "فوزي غراب", "والي المهدية، فلان, then الوالي"),
    ("ja-internationalnews-1132-20170607", "الضابط وهو برتبة عقيد", "أحمد المسماري", "المتحدث باسم, then الناطق باسم"),
    ("ja-internationalnews-549-20160620", "تم التخطيط لتنفيذ", "وزارة الأمن الإيرانية", "then الوزارة"),
    ("ja-internationalnews-716-20170415", "السلطات الألمانية تعتبر", "شبيغل", "مجلة «شبيغل», then المجلة"),
    ("ja-internationalnews-707-20170416", "كوريا الشمالية تدخل", "كيم جونغ أون", "then كيم"),
    # a document named again speaks for the body that spoke "in" one before (في بلاغ لها)
    ("ja-localnews-3666-20170503", "تمّ القبض على السّائق", "الداخلية", "أوضحت الداخلية في بلاغ لها ... حسب البلاغ"),
    # a noun a preposition governs is no subject of the verb after it
    ("ja-internationalnews-954-20170524", "عبيدي كان معروفا", "أمبر راد", "وزيرة الداخلية ... أجهزة المخابرات"),
    # a quotation that ends its sentence belongs to the named speaker before it, past an insert
    ("ja-internationalnews-1004-20170604", "نقلنا 48 مصابا", "بيتر رودس", "وقال فلان مساعد ... في بيان اليوم \"...\""),
]


@pytest.mark.parametrize(("article_id", "head", "speaker", "why"), CASES)
def test_statement_and_speaker(shared_dir: Path, article_id: str, head: str, speaker: str, why: str) -> None:
    quote = _quote_with(_quotes(shared_dir, article_id), head)
    assert _said_by(quote, speaker), (why, quote.speaker, quote.speaker_text, quote.content[:80])


def test_a_reported_clause_does_not_change_who_speaks_on(shared_dir: Path) -> None:
    """After "وأضافت الوزارة أن قنصل تونس ... وأن عائلات الضحايا أكدت ..." وأكدت، وأوضحت go on with the ministry."""
    quotes = _quotes(shared_dir, "ja-localnews-394-30012017")
    for head in ("ستتولى الإحاطة بعائلة الفقيد", "ستتابع بالتنسيق مع البعثة"):
        quote = _quote_with(quotes, head)
        assert _said_by(quote, "وزارة الشؤون الخارجية"), (head, quote.speaker)
