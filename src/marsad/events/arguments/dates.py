"""The date of an event: its clause's date expression, the lead's event's day, or the report's."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from marsad.document import DateValue
from marsad.events.arguments.index import DocIndex, Located
from marsad.events.cues import find_cues
from marsad.text.normalize import fold_key

# A year after a word of time (في صيف 2014، عام 2011، مطلع 2015): "2000 شخص" is a count.
_BARE_YEAR_RE = re.compile(r"(?<!\w)(?:في|عام|العام|سنه|صيف|ربيع|خريف|شتاء|مطلع|اواخر|اوائل|منتصف|نهايه|"
                           r"بدايه|خلال|اواسط)\s+(?P<year>(?:19|20)\d\d)(?![\d\w])")
# The days before publication that a news report covers: a day of the lead this close dates the
# story's undated events (the scorer, like ACLED, accepts such a day where the text gives none).
REPORT_WEEK = 7
# (folded text) a connective right after a date that makes it the day of a follow-up ("نشرت الشرطة
# دوريات أمس في أعقاب الهجوم"): that day does not date the act the connective names
_FOLLOWS_UP_RE = re.compile(r"\s*،?\s*(?:في\s+اعقاب|اعقاب|غداه|بعد|عقب|اثر|علي\s+اثر)(?!\w)")
# (folded text) a connective that opens a clause subordinate to the act before it: its cause (على
# خلفية، احتجاجا على، بسبب، تنديدا ب), a relative clause with its own verb (التي بدأت، الذي وقع)
_SUBORDINATE_RE = re.compile(r"(?<!\w)(?:علي\s+خلفيه|خلفيه|احتجاجا\s+علي|بسبب|تنديدا|للتنديد|"
                             r"(?:التي|الذي|الذين|التى)\s+\w+)(?!\w)")
# (folded text) a relative clause of the act's own striking (الهجمات التي ضربت باريس)
_STRUCK_RE = re.compile(r"(?:التي|الذي|التى)\s+(?:ضربت|ضرب|طالت|طال|استهدفت|استهدف|اودي|اودت|خلف|خلفت)(?!\w)")
HISTORICAL_DAYS = 60  # an event dated this long before publication is recalled, not reported
# A relative clause that tells when a named act happened (الهجوم الذي وقع الأحد، العملية التي جدت
# يوم السبت), in folded text.
_RESTATE_RE = re.compile(r"(?<!\w)(?:الذي|التي)\s+(?:وقع|وقعت|جد|جدت|حدث|حدثت|شهدته|شهدتها|"
                         r"نفذ|نفذت|استهدف|استهدفت|هز|هزت|تعرض|تعرضت)(?!\w)")
# How far after the event's sentence a restatement is looked for: about two sentences of news
# (the one found on the h4 sample stood in the next sentence).
RESTATE_WINDOW = 400
# (folded text) words before a year that make it a bound or a birth, not the date of an act
_YEAR_FROM_RE = re.compile(r"(?<!\w)[وف]?(?:منذ|قبل|بعد|حتي|مواليد)\s+(?:(?:عام|سنه|العام)\s+)?$")
# (folded text) a frame right before a cue that recalls the act as a person's record: a role in it,
# a charge of it, or an example of it ("من أجل المشاركة في العديد من العمليات على غرار عملية اغتيال")
_FRAME_WORDS = (r"(?<!\w)(?:لعب\s+دورا?\s+(?:\w+\s+)?في|متورط(?:ا|ين|ون)?\s+في|تورط(?:ه|هم|ها)?\s+في"
                r"|ضلوع(?:ه|هم|ها)?\s+في|علي\s+غرار|(?:بتهمه\s+)?المشاركه\s+في|العقل\s+المدبر\s+(?:ل\s*)?)")
_RECALL_FRAME_RE = re.compile(
    _FRAME_WORDS + r"\s*(?:(?:العديد|عدد|جمله|سلسله)\s+من\s+)?(?:(?:عمليه|عمليات|جريمه|حادثه)\s+)?$")
_ANY_FRAME_RE = re.compile(_FRAME_WORDS)
# a later item of a list of operations ("على غرار عملية اغتيال X وعملية سيدي علي بن عون")
_LIST_ITEM_RE = re.compile(r"(?<!\w)و(?:ال)?عمليه\s+$")
# (folded text) a connective right before the event's cue that makes it an act earlier than the
# clause it is attached to ("في أعقاب الهجوم"، "غداة الهجوم"، "بعد هجوم") or the content of news
# ("خبر مقتل"، "أنباء عن اغتيال"): a date before it belongs to that clause or to the news. إثر and
# عقب are left out: on ANT they mostly join a consequence of the same day (أصيب 8 أشخاص اليوم إثر
# استهداف مدرعة، تعطلت الدروس صبيحة اليوم على إثر احتجاج)
_GOVERNED_RE = re.compile(r"(?<!\w)(?:في\s+اعقاب|اعقاب|غداه|بعد|خبر|نبا|انباء|اخبار)"
                          r"\s+(?:(?:عن|هذا|هذه|ذلك|تلك)\s+)?$")


def choose_date(index: DocIndex, seg_start: int, seg_end: int, sent_start: int, sent_end: int,
                anchor: int, cues: Sequence[int] = (), published: dt.date | None = None) -> DateValue | None:
    """The date expression of the clause, else the nearest one of the sentence.

    Args:
        index: the document's dates (and text) in folded coordinates.
        seg_start: start of the event's clause.
        seg_end: end of the clause.
        sent_start: start of the sentence.
        sent_end: end of the sentence.
        anchor: start of the cue that stands for the event.
        cues: starts of the sentence's event cues (any strength above 0); a date before a
            connective that names the event as an earlier act ("في أعقاب الهجوم"، "خبر مقتل")
            dates the event only when a cue of its own stands before that connective.
        published: the publication date; a date long before it still dates an act named after
            "بعد" (غادر في فيفري 2013 مباشرة بعد اغتيال ...): the act is at least as old.
    """
    text = index.folded.text
    # a bare year (قانون المالية لسنة 2017) dates a law or a plan far more often than an event
    dates = [d for d in index.dates if d.date is not None and d.date.precision != "year"
             # "ويأتي هذا الهجوم عقب يومين من هجوم مماثل": the offset dates only the act after it
             and not (_is_offset(d) and d.start > anchor)
             # "دعا إلى الاحتجاج غدا الإثنين ... سراح المنسق الذي تم إيقافه أمس": a day after the
             # report is a plan's, never the day of an act the report tells
             and not _after(d.date.value, published)]
    for cue in sorted({anchor, *(c for c in cues if sent_start <= c <= anchor)}):
        governed = _GOVERNED_RE.search(text, max(sent_start, cue - 40), cue)
        if governed is None:
            continue
        if not any(sent_start <= c < governed.start() for c in cues):
            # "نشرت الشرطة دوريات أمس الإثنين، في أعقاب الهجوم"، "تداولت وسائل إعلام الثلاثاء خبر
            # مقتل زعيم التنظيم بقصف": the date before the connective is the day of the patrols or
            # of the news, not of the act
            dates = [d for d in dates if d.start >= governed.end()
                     or is_long_before(d.date.value if d.date else None, published)]
        break
    near = [d for d in dates if sent_start <= d.start < sent_end]
    if not near:
        return None
    # an explicit date of the act (بعد أيام من هجوم 3 يناير) beats the offset before it; a date
    # behind a subordinate clause after the act (وقفة احتجاجية ... على خلفية اعتداء السبت الماضي،
    # الاحتجاجات التي بدأت أمس) dates that clause, and a span since a start (المعتصمون منذ 9 أيام)
    # dates no act: each yields to another date of the sentence; then the clause's own dates come
    # before the rest of the sentence's, the nearest first
    best = min(near, key=lambda d: (_is_offset(d), _subordinate(text, anchor, d), _since(d),
                                    not seg_start <= d.start < seg_end, abs(d.start - anchor)))
    return _named_day(index, best, dates) or best.date


def restated_date(index: DocIndex, anchor_kind: str, sent_end: int,
                  published: dt.date | None) -> DateValue | None:
    """The date a later sentence gives the act when it names it again in a relative clause.

    "نشرت الشرطة دوريات ... في أعقاب الهجوم على مسجد" leaves the attack undated; the next sentence
    "في حادث إطلاق النار الذي وقع الأحد" dates it. Only the first such clause within
    :data:`RESTATE_WINDOW` characters counts, with a cue of the same kind (an attack for an attack)
    at most two words before الذي/التي and a date of the article's time right after the verb.
    """
    text = index.folded.text
    stop = min(len(text), sent_end + RESTATE_WINDOW)
    for m in _RESTATE_RE.finditer(text, sent_end, stop):
        head = [h for h in find_cues(text, max(sent_end, m.start() - 40), m.start())
                if h.strength > 0 and index.words_between(h.end, m.start()) <= 2]
        if not head or head[-1].kind != anchor_kind:
            continue  # "القصف ... الهجوم الذي استهدف طهران": another act told with its own date
        for d in index.dates:
            if d.start > m.end() + 12:
                break
            v = d.date
            if d.start >= m.end() and v is not None and v.value and v.precision != "year" \
                    and not is_long_before(v.value, published):
                return v
        return None
    return None


def _named_day(index: DocIndex, chosen: Located, dates: list[Located]) -> DateValue | None:
    """The weekday written right after a relative day (أمس (الجمعة)), which the writer meant, or None.

    A report written the evening before its publication says أمس of the day before that; the day's
    name tells it (ANNOTATION-GUIDE: a weekday name is the latest such day on or before publication).
    """
    if chosen.date is None or chosen.date.rule != "anchor":
        return None
    for d in dates:
        if d.start >= chosen.end and d.date is not None and d.date.rule.startswith("weekday") \
                and not index.folded.text[chosen.end:d.start].strip(" ()،,-"):
            return d.date
    return None


def _subordinate(text: str, anchor: int, d: Located) -> bool:
    """Whether a date after the event's cue stands in a clause subordinate to it (see SUBORDINATE_RE).

    A date before the cue is left alone: a connective before it opens a clause as often fronted
    before the act's as embedded in it (tried on the training gold: no gain, a loss on dev-mashriq).
    """
    if d.start <= anchor:
        return False
    for m in _SUBORDINATE_RE.finditer(text, anchor, d.start):
        # "هجوم لندن الذي وقع مساء السبت": a relative clause that tells when the act took place
        # restates the act itself, and dates it
        if not _RESTATE_RE.match(text, m.start()) and not _STRUCK_RE.match(text, m.start()):
            return True
    return False


def _since(d: Located) -> bool:
    """Whether a date is the start of a span that lasts until now (منذ 9 أيام، منذ حوالي أسبوع)."""
    return d.date is not None and d.date.rule.startswith("ago") and fold_key(d.date.text).startswith("منذ")


def _after(value: str | None, published: dt.date | None) -> bool:
    """True when a day lies after the publication date (غدا، الأسبوع المقبل)."""
    if not value or published is None or len(value) < 10:
        return False
    try:
        return dt.date.fromisoformat(value[:10]) > published
    except ValueError:
        return False


def _is_offset(d: Located) -> bool:
    """Whether a date is an offset that dates the act named after it (عقب يومين من ...)."""
    return d.date is not None and d.date.rule.startswith("after")


def recalled_year(index: DocIndex, seg_start: int, seg_end: int, published: dt.date | None) -> bool:
    """True when the clause names the past year in words (السنة الفارطة، العام الماضي).

    Such an expression dates the act to an earlier year although choose_date leaves years aside;
    a year in digits is already handled by the modality's year rule.
    """
    if published is None:
        return False
    for d in index.dates:
        v = d.date
        # "منذ 4 سنوات، قبل 12 عاماً" count back from another act; only "the year before" in
        # words dates the clause's own act
        if seg_start <= d.start < seg_end and v is not None and v.relative and v.precision == "year" \
                and v.value and v.value[:4].isdigit() and int(v.value[:4]) < published.year \
                and not any(c.isdigit() for c in v.text) and not v.text.startswith(("منذ", "قبل")):
            return True
    return False


def recalled_year_date(index: DocIndex, seg_start: int, seg_end: int, anchor: int,
                       published: dt.date | None) -> DateValue | None:
    """The past year that dates a recalled act of the clause (سنة 2016 عندما، في عام 2011، العام الماضي).

    choose_date leaves years aside, but a recalled act dated by its year alone is coded by ACLED
    with that year (time precision 3). A year counted from something else (منذ 2011، قبل 2015،
    بعد 2014، حتى 2013، منذ 4 سنوات) or a birth year (من مواليد سنة 1993) does not date the act;
    nor does the year of publication or a later one (قانون المالية لسنة 2017).
    """
    text = index.folded.text
    best: DateValue | None = None
    distance = 0
    for d in index.dates:
        v = d.date
        if not seg_start <= d.start < seg_end or v is None or v.precision != "year" or not v.value \
                or not v.value[:4].isdigit():
            continue
        if published is not None and int(v.value[:4]) >= published.year:
            continue
        if v.text.startswith(("منذ", "قبل")) or _YEAR_FROM_RE.search(text, max(0, d.start - 16), d.start):
            continue
        if best is None or abs(d.start - anchor) < distance:
            best, distance = v, abs(d.start - anchor)
    if best is None:
        # a year the dates stage read in no expression of its own (في صيف 2014، خلال ربيع 2011)
        for m in _BARE_YEAR_RE.finditer(text, seg_start, seg_end):
            year, at = int(m.group("year")), m.start("year")
            if (published is not None and year >= published.year) \
                    or _YEAR_FROM_RE.search(text, max(0, at - 16), at) \
                    or _YEAR_FROM_RE.search(text, max(0, m.start() - 16), m.start()) \
                    or any(d.start <= at < d.end for d in index.dates):
                continue
            if best is None or abs(at - anchor) < distance:
                best = DateValue(text=m.group("year"), start=at, end=m.end(), value=str(year), precision="year",
                                 time_precision=3, rule="bare_year")
                distance = abs(at - anchor)
    return best


def recalled_by_frame(index: DocIndex, anchor: int, sent_start: int = 0) -> bool:
    """Whether the cue is an act recalled as someone's record (لعب دورا في اغتيال، على غرار عملية).

    Such an act is dated only by what the clause says of it: without a date it takes none, never
    the day of the report that recalls it (ACLED codes the act on its own day or not at all). The
    later items of a list of operations (وعملية ...) share the frame that opens the list in the
    sentence starting at ``sent_start``.
    """
    text = index.folded.text
    if _RECALL_FRAME_RE.search(text, max(0, anchor - 50), anchor) is not None:
        return True
    return _LIST_ITEM_RE.search(text, max(sent_start, anchor - 12), anchor) is not None \
        and _ANY_FRAME_RE.search(text, sent_start, anchor) is not None


def is_long_before(value: str | None, published: dt.date | None) -> bool:
    """True when a date value lies well before the publication date (a recalled event)."""
    if not value or published is None:
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        when = dt.date(year, month, day)
    except ValueError:
        return False
    return (published - when).days > HISTORICAL_DAYS


def lead_date(index: DocIndex, published: dt.date | None) -> tuple[str | None, int]:
    """The date of an event that neither its article nor its lead's event dates, one step less precise.

    ACLED dates an event by what the article says of it; a clause with no date of its own mostly
    goes on about the story its lead told (the caller dates it by the lead's event first). Else
    the report's date stands; without one, the lead's first date of a current day. The nearest
    earlier date is no better a guess: in a round-up it belongs to another incident (انفجرت عبوة
    مساء أمس في ديالى ... and then an air strike).
    """
    if published is not None:
        for d in index.dates:
            if d.start >= index.lead_end:
                break
            v = d.date
            if v is not None and v.value and v.precision == "day" \
                    and 0 < (published - dt.date.fromisoformat(v.value)).days <= REPORT_WEEK \
                    and not _FOLLOWS_UP_RE.match(index.folded.text, d.end):
                # "قتل 3 أشخاص أمس ... وكان المهاجم ...": the day the lead gives the story dates
                # what the article goes on to tell of it
                return v.value, 2
        return published.isoformat(), 2
    for d in index.dates:
        if d.start >= index.lead_end:
            break
        v = d.date
        if v is None or not v.value or v.precision == "year" or is_long_before(v.value, published):
            continue
        return v.value, max(2, v.time_precision)
    return None, 3
