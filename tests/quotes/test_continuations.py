"""Where a new statement opens inside an indirect content: the verbs listed, their keys, the learned table."""

from __future__ import annotations

import pytest

import marsad.quotes.continuations as continuations
from marsad.quotes.lexicon import lexicon
from marsad.text.normalize import fold


def points(sentence: str, content_head: str) -> list[continuations.ContinuationPoint]:
    text = fold(sentence).text
    lo = text.index(fold(content_head).text)
    return continuations.continuation_points(text, lo, len(text), lexicon())


@pytest.mark.parametrize(("sentence", "content_head", "key", "head"), [
    ("قال الوزير إن الحكومة ستدعم المزارعين هذا العام كما أوضح أن الميزانية جاهزة للتنفيذ.",
     "الحكومة", "kama|past", "الميزانية"),
    ("وأعلنت الوزارة أن الحصيلة بلغت عشرة قتلى، مرجحة ارتفاع هذه الحصيلة خلال الساعات المقبلة.",
     "الحصيلة", "comma|participle", "ارتفاع"),
    ("وقال المتحدث إن القوات انسحبت من المدينة لكنه أضاف أن المفاوضات ستتواصل الأسبوع المقبل.",
     "القوات", "but|past", "المفاوضات"),
    ("وقال المحافظ إن السكان عادوا إلى منازلهم، قال شهود إنها مدمرة.",
     "السكان", "comma|past", "شهود"),  # (a subject before its complementiser: no content opens)
])
def test_a_reporting_verb_inside_a_content_is_listed_with_its_key(sentence: str, content_head: str, key: str,
                                                                  head: str) -> None:
    found = points(sentence, content_head)
    assert [p.key for p in found] == [key]
    text = fold(sentence).text
    assert text[found[0].start:].startswith(fold(head).text)
    assert found[0].split_at < found[0].cue[0] < found[0].start


def test_the_learned_table_splits_where_the_gold_begins_statements() -> None:
    keys = continuations.split_keys()
    assert keys is not None, "the packaged table is missing"
    # a participle after a comma begins a gold statement most of the time; a past verb after a comma
    # (a new clause with its own subject) almost never
    assert "comma|participle" in keys and "comma|past" not in keys


def test_without_a_table_the_rules_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(continuations, "split_keys", lambda: None)
    found = points("قالت الوزيرة إن الميزانية جاهزة، مضيفة أن الإصلاحات ستبدأ قريبا.", "الميزانية")
    assert [continuations.opens_statement(p) for p in found] == [True]
    found = points("قال الوزير إن الحكومة ستدعم المزارعين هذا العام كما أوضح أن الميزانية جاهزة.", "الحكومة")
    assert [continuations.opens_statement(p) for p in found] == [False]


def test_a_participle_the_gold_uses_and_the_lexicon_lacks_is_listed() -> None:
    assert "متهما" in continuations.mined_participles()
    found = points("وقال النائب إن الحكومة فشلت في إدارة الأزمة، متهما إياها بالتقصير في حق الجهات الداخلية.",
                   "الحكومة")
    assert [p.key for p in found] == ["comma|participle"]
    assert continuations.opens_statement(found[0])
