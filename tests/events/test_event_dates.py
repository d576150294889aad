"""The date an event gets: its own clause's date, not the report's; offsets, recalled years and frames.

Each row is (text, expected date, expected ACLED time precision) for the first event of ``text``
(published on Wednesday 1 March 2017); every rule has a near neighbour that must keep its date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.document import Document
from marsad.events.arguments.dates import recalled_year_date
from marsad.events.arguments.index import build_index
from marsad.pipeline import extract
from marsad.text.normalize import fold

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")

PUBLISHED = "2017-03-01"  # a Wednesday

ROWS: list[tuple[str, str | None, int]] = [
    # (1) a date before "في أعقاب/إثر" dates the clause that follows up the act, not the act ...
    ("نشرت السلطات تعزيزات أمنية قرب الكنائس أمس الثلاثاء في أعقاب الهجوم على كنيسة في مدينة ليون.",
     "2017-03-01", 2),
    # ... which a later relative clause dates (الذي وقع الأحد) ...
    ("نشرت السلطات تعزيزات أمنية قرب الكنائس أمس الثلاثاء في أعقاب الهجوم على كنيسة في مدينة ليون. "
     "وأكدت الشرطة أن الهجوم المسلح الذي وقع الأحد خلف قتيلين.", "2017-02-26", 1),
    # ... but not one without a date
    ("نشرت السلطات تعزيزات أمنية قرب الكنائس أمس الثلاثاء في أعقاب الهجوم على كنيسة في مدينة ليون. "
     "وأكدت الشرطة أن الهجوم المسلح الذي وقع في المدينة خلف قتيلين.", "2017-03-01", 2),
    # a clause with its own act before بعد keeps its date; إثر mostly joins a consequence of the day
    ("قتل جندي أمس الثلاثاء بعد هجوم مسلح على حاجز أمني في مدينة العريش.", "2017-02-28", 1),
    ("أصيب ثمانية أشخاص أمس الثلاثاء إثر استهداف مدرعة للشرطة بعبوة ناسفة في مدينة العريش.", "2017-02-28", 1),
    # a date long past before بعد still dates the act after it: it is at least as old
    ("وقد غادر البلاد في فيفري 2013، مباشرة بعد اغتيال المعارض شكري بلعيد.", "2013-02", 3),
    # the day news of a killing spread is not the day of the killing; the day it was announced is
    ("تداولت صفحات على مواقع التواصل اليوم الأربعاء خبر مقتل قيادي في تنظيم داعش بغارة جوية قرب مدينة "
     "إدلب.", "2017-03-01", 2),
    ("أعلنت وزارة الدفاع اليوم الأربعاء مقتل قيادي في تنظيم داعش بغارة جوية قرب مدينة إدلب.", "2017-03-01", 1),
    # (2) offsets from publication: "بعد ثلاثة أيام من" dates the act after it, قبل أيام a week
    ("ويأتي هذا الهجوم بعد ثلاثة أيام من هجوم مماثل استهدف دورية للجيش في مدينة العريش.", "2017-02-26", 1),
    ("هاجم مسلحون دورية للجيش في مدينة العريش اليوم، بعد ثلاثة أيام من هجوم مماثل.", "2017-03-01", 1),
    ("قتل شاب قبل أيام برصاص مجهولين في مدينة القصرين.", "2017-02-26", 2),
    # (3) a recalled act dated by its year alone
    ("عادت بنا الذاكرة إلى سنة 2015 عندما هاجم مسلحون فندقا في مدينة سوسة.", "2015", 3),
    ("هاجم مسلحون فندقا في مدينة سوسة سنة 2015.", "2015", 3),
    # (4) an act recalled as a person's record has no date of its own
    ("ويعيش في الدوحة منذ سنوات، وقد لعب دورا في اغتيال الرئيس المصري الأسبق أنور السادات.", None, 3),
    ("اغتال مسلحون ضابطا في الشرطة أمام منزله في مدينة القصرين.", "2017-03-01", 2),
    ("وهو مطلوب من أجل المشاركة في العديد من العمليات الإرهابية على غرار عملية اغتيال ضابط في الحرس "
     "بمدينة القصرين.", None, 3),
    ("شارك مئات المواطنين في مسيرة احتجاجية وسط مدينة صفاقس للمطالبة بالتشغيل.", "2017-03-01", 2),
    # (5) a date behind a subordinate clause after the act (على خلفية) yields to the clause's own; a
    # span since a start (منذ 9 أيام) to a day; alone, either still dates the act
    ("نفذ اليوم الأربعاء عمال مصنع النسيج بالمنطقة الصناعية في مدينة صفاقس وقفة احتجاجية على خلفية اعتداء "
     "على زميلهم أمس.", "2017-03-01", 1),
    ("نفذ عمال المصنع وقفة احتجاجية أمام مقر الولاية أمس.", "2017-02-28", 1),
    ("نظم المعطلون عن العمل منذ 9 أيام اعتصاما أمام مقر الولاية بمدينة تطاوين، ونفذوا اليوم الأربعاء مسيرة "
     "احتجاجية.", "2017-03-01", 1),
    ("نفذ المعطلون عن العمل منذ يومين وقفة احتجاجية أمام مقر الولاية بمدينة تطاوين.", "2017-02-27", 1),
    # (6) an undated event of a story dated by the day its lead gives (one step less precise) ...
    ("أعلنت الشرطة أمس الثلاثاء نتائج التحقيق في الحادثة. وقد هاجم مسلحون دورية للجيش في مدينة العريش.",
     "2017-02-28", 2),
    # ... unless that day is a follow-up's (في أعقاب), or lies more than a week back
    ("أعلنت الشرطة أمس الثلاثاء في أعقاب الحادثة نتائج التحقيق. وقد هاجم مسلحون دورية للجيش في مدينة العريش.",
     "2017-03-01", 2),
    ("أعلنت الشرطة يوم 10 فيفري نتائج التحقيق في الحادثة. وقد هاجم مسلحون دورية للجيش في مدينة العريش.",
     "2017-03-01", 2),
]


def _first_event(text: str) -> Document:
    doc = extract(text, published=PUBLISHED, id="t")
    doc.check_offsets()
    assert doc.events, text
    return doc


@pytest.mark.parametrize(("text", "date", "precision"), ROWS)
def test_event_date(text: str, date: str | None, precision: int) -> None:
    event = _first_event(text).events[0]
    assert (event.date, event.time_precision) == (date, precision)


YEARS: list[tuple[str, str | None]] = [
    ("عادت بنا الذاكرة إلى سنة 2015 عندما هاجم مسلحون فندقا", "2015"),
    ("هاجم مسلحون فندقا في العام الماضي", "2016"),
    # a bound, a birth, a count back and the current year do not date the act
    ("هاجم مسلحون فندقا يقيم فيه منذ سنة 2011", None),
    ("هاجم شاب من مواليد سنة 1990 فندقا", None),
    ("هاجم مسلحون فندقا قبل 4 سنوات", None),
    ("هاجم مسلحون فندقا في إطار قانون المالية لسنة 2017", None),
]


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_recalled_year_date(text: str, year: str | None) -> None:
    doc = extract(text, published=PUBLISHED, id="t")
    folded = fold(doc.text)
    index = build_index(doc, folded)
    anchor = folded.text.index("هاجم")
    found = recalled_year_date(index, 0, len(folded.text), anchor, dt.date.fromisoformat(PUBLISHED))
    assert (found.value if found else None) == year


@pytest.mark.parametrize(("text", "recalled"), [
    # every item of a list under "على غرار" is recalled: undated and historical
    ("وهو مطلوب للمشاركة في عمليات على غرار عملية اغتيال ضابط بمدينة القصرين وعملية الاعتداء على منزل وزير "
     "سابق بمدينة سوسة.", True),
    ("ونفذت المجموعة عملية اغتيال ضابط بمدينة القصرين وعملية الاعتداء على منزل وزير سابق بمدينة سوسة.", False),
])
def test_list_items_share_the_recall_frame(text: str, recalled: bool) -> None:
    events = _first_event(text).events
    assert len(events) == 2
    assert all((e.date is None, e.historical) == (recalled, recalled) for e in events)


def test_a_day_after_the_report_never_dates_a_told_act() -> None:
    import datetime as dt

    import marsad
    from marsad.events.arguments import build_index, choose_date
    from marsad.text.normalize import fold

    text = "دعا الاتحاد إلى الاحتجاج غدا الإثنين 06 مارس 2017 على إيقاف المنسق الجهوي في جندوبة."
    doc = marsad.extract(text, published="2017-03-05")
    index = build_index(doc, fold(doc.text))
    anchor = index.folded.text.index("ايقاف")
    end = len(index.folded.text)
    # the Monday is the day of the planned protest, not of the arrest the report tells
    assert choose_date(index, 0, end, 0, end, anchor, (), dt.date(2017, 3, 5)) is None
    # without the publication date the plan's day cannot be told from the act's
    undated = choose_date(index, 0, end, 0, end, anchor, (), None)
    assert undated is not None and undated.value == "2017-03-06"


@pytest.mark.parametrize(("text", "year"), [
    ("وكان التنظيم قد سيطر على مدينة الموصل في صيف 2014 بعد معارك عنيفة.", "2014"),
    ("وكان التنظيم قد سيطر على مدينة الموصل منذ صيف 2014 بعد معارك عنيفة.", None),
    ("وكان التنظيم قد قتل 2000 شخص في الموصل بعد معارك عنيفة.", None),
])
def test_a_recalled_act_keeps_a_year_no_date_expression_holds(text: str, year: str | None) -> None:
    import datetime as dt

    import marsad
    from marsad.events.arguments import build_index
    from marsad.events.arguments.dates import recalled_year_date
    from marsad.text.normalize import fold

    doc = marsad.extract(text, published="2016-11-02")
    index = build_index(doc, fold(doc.text))
    anchor = index.folded.text.find("سيطر") if "سيطر" in index.folded.text else index.folded.text.find("قتل")
    found = recalled_year_date(index, 0, len(index.folded.text), anchor, dt.date(2016, 11, 2))
    assert (found.value if found else None) == year


def test_the_weekday_after_a_relative_day_is_the_day_meant() -> None:
    import datetime as dt

    import marsad
    from marsad.events.arguments import build_index, choose_date
    from marsad.text.normalize import fold

    # published on a Sunday: أمس is Saturday, but the writer names Friday
    text = "قتل القيادي في الاشتباكات التي اندلعت أمس (الجمعة) في ريف إدلب."
    doc = marsad.extract(text, published="2015-09-20")
    index = build_index(doc, fold(doc.text))
    anchor = index.folded.text.index("الاشتباكات")
    end = len(index.folded.text)
    chosen = choose_date(index, 0, end, 0, end, anchor, (), dt.date(2015, 9, 20))
    assert chosen is not None and chosen.value == "2015-09-18"
