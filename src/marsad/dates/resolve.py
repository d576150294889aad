"""Resolvers: one per rule of the grammar, from the parts of a match to a calendar value.

Each resolver gets the rule's match (on the folded text) and a :class:`Context` holding the
anchor date (the article's ``published``, or None) and returns a :class:`Reading`, or None when
the match is not a date after all (مارس الضغط "exerted pressure", المدير العام السابق "the former
director general"). Relative readings without an anchor keep ``value=None`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from hijridate import Hijri

from marsad.dates.calendar import add_months, hijri_year, iso_value, nearest_weekday, year_of_month
from marsad.dates.grammar import Lexicon
from marsad.text.normalize import fold_key

PRECISION_TO_ACLED = {"day": 1, "week": 2, "month": 3, "year": 3}

# "A few days ago" (قبل أيام، منذ بضعة أيام) is coded three days back with week precision: the
# middle of the two to five days that "a few" means (a convention, not fitted to data); "a few
# weeks ago" likewise two weeks back.
FEW_DAYS = 3
FEW_WEEKS = 2
# How many days before the anchor's day (اليوم، أمس) a weekday written with it may lie and still be
# the day meant: a report written the evening before it is published, or the day before that. A
# weekday further off is a slip of the writer, and the anchor stands.
NAMED_DAY_SLACK = 2


@dataclass(frozen=True, slots=True)
class Reading:
    """What a resolver decided for one expression."""

    value: str | None
    precision: str
    relative: bool
    rule: str
    needs_published: bool = False  # relative, and unresolved only for want of `published`
    # (month, day or 0) of a date whose year was only guessed from publication: a year written
    # after it in a coordination ("في مارس وجوان 2015", "من 28 فيفري إلى 3 مارس 2017") replaces it
    open_year: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What resolvers read besides the match: the anchor, the text before the match, the tables."""

    published: dt.date | None
    lexicon: Lexicon
    prev_word: str  # folded word before the expression (proclitics of the expression excluded)
    proclitic: str  # letters attached in front of the expression (و، ب، ل ...)
    after: str  # a few folded characters after the expression


_NEXT_WORD = re.compile(r"\s*(\w+)")
# "قبل يومين من الانتخابات"، "قبل يومين على موعد": counted from another event
_ANCHORED_ELSEWHERE = re.compile(fold_key(r"\s+(?:من|على)\s"))
# "بعد 10 أشهر من الآن"، "بعد 3 سنوات من هذا التاريخ": counted forward from now or from a date
_FROM_NOW = re.compile(fold_key(r"\s+(?:من|على)\s+(?:الآن|الان|اليوم|تاريخ|هذا\s+التاريخ|ذلك\s+التاريخ)(?!\w)"))

Resolver = Callable[[re.Match[str], Context], Reading | None]


def _day_reading(d: dt.date, rule: str, *, relative: bool, precision: str = "day") -> Reading:
    return Reading(iso_value(d, precision), precision, relative, rule)


def _unanchored(precision: str, rule: str) -> Reading:
    return Reading(None, precision, True, rule, needs_published=True)


def _word_value(text: str, table: dict[str, int]) -> int | None:
    """Look a (possibly multi-word) folded phrase up with its spaces normalised."""
    return table.get(" ".join(text.split()))


def _qual_direction(word: str | None, lex: Lexicon) -> int | None:
    """-1 for الماضي and its synonyms, 0 for الجاري، +1 for المقبل; None when absent."""
    if not word:
        return None
    word = " ".join(word.split())
    for role, direction in (("past", -1), ("current", 0), ("next", 1)):
        if word in lex.roles[role]:
            return direction
    return None


def _month_number(text: str, lex: Lexicon) -> int | None:
    """The month of a (possibly paired) month phrase: "يناير/ كانون الثاني" gives 1.

    When the two halves of a pair disagree the first one is kept: it is the one the writer chose.
    """
    for part in re.split(r"\s*[/(\-–)]\s*", text.strip()):
        words = part.split()
        # "ديسمبر كانون الأول" is paired by a bare space: the longest leading month name
        for k in range(min(len(words), 2), 0, -1):
            value = lex.months.get(" ".join(words[:k]))
            if value is not None:
                return value
    return None


def _day_number(text: str, lex: Lexicon) -> int | None:
    """A day of the month written as digits (3، 03) or as an ordinal (الثالث، الحادي والعشرين)."""
    if text.isdigit():
        return int(text)
    words = text.split()
    total = 0
    for word in words:
        if word == "عشر":
            total += 10
            continue
        word = word.removeprefix("و")
        if not word:  # "الخامس و العشرين": a detached و
            continue
        entry = lex.numbers.get(word)
        if entry is None:
            return None
        total += entry[0]
    return total


def _count(text: str | None, lex: Lexicon) -> int | None:
    """A count written in digits or words (ثلاثة، خمسة عشر); 0 for "a few" (بضعة)."""
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        entry = lex.numbers.get(word)
        if entry is None:
            return None
        total += entry[0]
    return total


def _explicit_or_relative_year(m: re.Match[str], ctx: Context) -> tuple[int | None, int | None, bool]:
    """(year, qualifier direction, relative) from the year tail of a day-month or month match."""
    lex = ctx.lexicon
    if m.group("y"):
        return int(m.group("y")[:4]), None, False
    if m.group("yrel"):
        direction = _qual_direction(m.group("yq"), lex)
        if ctx.published is None:
            return None, None, True
        return ctx.published.year + (direction or 0), None, True
    return None, _qual_direction(m.group("q"), lex), True


def resolve_hijri(m: re.Match[str], ctx: Context) -> Reading | None:
    """5 رمضان 1443 هـ، رمضان الماضي: converted with the Umm al-Qura calendar (hijridate)."""
    month = _word_value(m.group("m"), ctx.lexicon.hijri_months)
    if month is None:
        return None
    day_text = m.group("d")
    day = _day_number(day_text, ctx.lexicon) if day_text else None
    precision = "day" if day else "month"
    rule = "hijri_date" if day else "hijri_month"
    relative = m.group("y") is None
    try:
        if relative:
            if ctx.published is None:
                return _unanchored(precision, rule)
            year = hijri_year(month, _qual_direction(m.group("hq"), ctx.lexicon), ctx.published)
        else:
            year = int(m.group("y"))
        # a month without a day is dated by its 15th, which always falls in the right Gregorian month
        greg = Hijri(year, month, day or 15).to_gregorian()
    except (ValueError, OverflowError):
        return Reading(None, precision, relative, "hijri_out_of_range")
    return _day_reading(dt.date(greg.year, greg.month, greg.day), rule, relative=relative,
                        precision=precision)


def resolve_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    """2-3-2017, 16/5/2017 (day first, as Arabic news writes them) and 2017/03/02 (ISO order)."""
    if m.group("y1"):
        year, month, day, rule = int(m.group("y1")), int(m.group("m1")), int(m.group("d1")), "numeric_ymd"
    else:
        year, month, day, rule = int(m.group("y2")), int(m.group("m2")), int(m.group("d2")), "numeric_dmy"
        if month > 12 and day <= 12:  # 5/16/2017 cannot be day first
            month, day, rule = day, month, "numeric_mdy"
    try:
        return _day_reading(dt.date(year, month, day), rule, relative=False)
    except ValueError:
        return None


def resolve_day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """3 يناير 2020، الثالث من جانفي، 13 نوفمبر (year from published), 3 و4 آذار (a range)."""
    lex = ctx.lexicon
    month = _month_number(m.group("m"), lex)
    day = _day_number(m.group("d"), lex)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    precision, rule = "day", "day_month"
    if m.group("d2") is not None:
        # a range is dated by its first day: within a week at week precision, else month
        precision, rule = ("week" if int(m.group("d2")) - day <= 6 else "month"), "day_range"
    year, direction, relative = _explicit_or_relative_year(m, ctx)
    if not relative and rule == "day_month":
        rule = "day_month_year"
    open_year = (month, day) if relative and direction is None and not m.group("yrel") else None
    if year is None:
        if ctx.published is None:
            return Reading(None, precision, True, rule, needs_published=True, open_year=open_year)
        year = year_of_month(month, day, direction, ctx.published)
    try:
        value = iso_value(dt.date(year, month, day), precision)
    except ValueError:
        return None
    return Reading(value, precision, relative, rule, open_year=open_year)


def resolve_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """الخميس، يوم الجمعة الماضي، اليوم الثلاثاء, أمس الاثنين, مساء الأحد."""
    lex = ctx.lexicon
    weekday = lex.weekdays.get(m.group("wd"))
    if weekday is None:
        return None
    anchor = m.group("a")
    if anchor:
        if ctx.published is None:
            return _unanchored("day", "anchor_weekday")
        offset = int(lex.roles["anchor"][" ".join(anchor.split())])
        day = ctx.published + dt.timedelta(days=offset)
        back = (day.weekday() - weekday) % 7
        if 0 < back <= NAMED_DAY_SLACK:
            # "اليوم الاثنين" in a report published on Tuesday: written the day before it appeared;
            # the weekday the writer named is the day (on the training gold the named day agrees
            # with the annotators 6 times in 6 where it lies a day before; a week off is a slip)
            return _day_reading(day - dt.timedelta(days=back), "anchor_weekday_named", relative=True)
        return _day_reading(day, "anchor_weekday", relative=True)
    direction = _qual_direction(m.group("q"), lex)
    rule = {None: "weekday", 0: "weekday", -1: "weekday_past", 1: "weekday_next"}[direction]
    if ctx.published is None:
        return _unanchored("day", rule)
    return _day_reading(nearest_weekday(ctx.published, weekday, direction), rule, relative=True)


def _written_number(text: str, lex: Lexicon) -> int | None:
    """ألفين وخمسة عشر = 2015: the parts joined by و are summed, a unit before عشر gains ten."""
    total = 0
    for part in re.split(r"\s+و\s*|(?<=\s)و", " " + text.strip()):
        words = part.split()
        if not words:
            continue
        value = 0
        for word in words:
            if word in ("عشر", "عشره"):
                value += 10
                continue
            entry = lex.numbers.get(word)
            if entry is None:
                return None
            value += entry[0]
        total += value
    return total


def resolve_written_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """العام ألفين وخمسة، سنة ألف وتسعمائة وثمانين."""
    year = _written_number(m.group("w"), ctx.lexicon)
    if year is None or not 1000 <= year <= 2100:
        return None
    return Reading(f"{year:04d}", "year", False, "written_year")


def resolve_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """عام 2020، سنة 1988، في 2014: a bare number needs a cue, or 2000 قتيل would be a year."""
    text = m.group("y")
    if not m.group("noun") and not text.endswith("م"):
        if not _has_context(ctx):
            return None
        following = _NEXT_WORD.match(ctx.after)
        if following and following.group(1) in ctx.lexicon.roles["counted"]:
            return None  # من 1999 دينار: a number of things, not a year
    return Reading(text[:4], "year", False, "year" if m.group("noun") else "year_cued")


def _has_context(ctx: Context) -> bool:
    """Whether the word before the expression makes it a date (في مارس، منذ 2011، وخلال 2016)."""
    word = ctx.prev_word
    context = ctx.lexicon.roles["context"]
    if word in context or ctx.lexicon.roles["part"].get(word) is not None:
        return True
    return len(word) > 1 and word[0] in "وف" and word[1:] in context


def _is_general_head(ctx: Context) -> bool:
    """Whether the word before العام is a noun it qualifies as "general" (الأمين، الإضراب ...)."""
    heads = ctx.lexicon.roles["general_head"]
    word = ctx.prev_word
    return word in heads or (len(word) > 1 and word[0] in "وفبل" and word[1:] in heads)


def resolve_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """يناير 2020، شهر آب الماضي، منتصف جويلية، كانون الثاني/يناير من العام الماضي."""
    lex = ctx.lexicon
    month_text = m.group("m")
    month = _month_number(month_text, lex)
    if month is None:
        return None
    has_tail = bool(m.group("y") or m.group("yrel") or m.group("q"))
    led = bool(m.group("part") or m.group("sh"))  # منتصف جوان، شهر آب
    prev = ctx.prev_word[1:] if ctx.prev_word[:1] == "و" else ctx.prev_word
    after_month = ctx.prev_word in lex.months or prev in lex.months  # مارس وجوان
    ambiguous = " ".join(month_text.split()) in lex.ambiguous_months
    paired = len(month_text.split()) > 1 and not ambiguous
    if ambiguous and not paired:
        if not (has_tail or led or after_month or _has_context(ctx)):
            return None  # مارس الضغط is "exerted pressure"
        if ctx.proclitic and not (has_tail or led or after_month):
            return None  # باب is not ب + آب
    year, direction, relative = _explicit_or_relative_year(m, ctx)
    rule = "month_year" if not relative else "month"
    open_year = (month, 0) if relative and direction is None and not m.group("yrel") else None
    if year is None:
        if ctx.published is None:
            return Reading(None, "month", True, rule, needs_published=True, open_year=open_year)
        year = year_of_month(month, None, direction, ctx.published)
    return Reading(f"{year:04d}-{month:02d}", "month", relative, rule, open_year=open_year)


def resolve_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """منذ ثلاثة أيام، قبل يومين، قبل أسبوع، منذ 20 عاما، قبل أيام (a few days)."""
    if _ANCHORED_ELSEWHERE.match(ctx.after):
        # قبل يومين من الانتخابات: counted from another event, not from publication
        unit = ctx.lexicon.units[m.group("u")][0]
        return Reading(None, "day" if unit in ("hour", "day") else unit, True, "ago_anchored")
    return _counted_back(m, ctx, "ago")


def resolve_after(m: re.Match[str], ctx: Context) -> Reading | None:
    """عقب يومين من هجوم، بعد ثلاثة أيام من الاعتداء، بعد مرور أسبوع على: the earlier act's date.

    The act named after من is the given time before the clause it is compared with, which news
    reports at publication: "ويأتي هذا الهجوم عقب يومين من هجوم مماثل" dates the similar attack two
    days before publication. The expression is an offset of that act, not the clause's own date
    (events read the rule, ``after``/``after_few``, to attach it only to what follows it).
    """
    if not _ANCHORED_ELSEWHERE.match(ctx.after) or _FROM_NOW.match(ctx.after):
        return None  # بعد يومين، بعد 10 أشهر من الآن: a time still to come
    return _counted_back(m, ctx, "after")


def _counted_back(m: re.Match[str], ctx: Context, rule: str) -> Reading | None:
    """The date ``n`` units before publication, for an ``ago`` or ``after`` match."""
    lex = ctx.lexicon
    unit, count = lex.units[m.group("u")]
    n = _count(m.group("n"), lex)
    if n is None:
        n = {"1": 1, "2": 2}.get(count, 0)
    elif count == "2":  # "ثلاثة يومين" is not Arabic: the dual is the count
        n = 2
    few = n == 0
    if unit == "hour":
        precision, rule = "day", f"{rule}_hours"
    elif few:
        precision = {"day": "week", "week": "week", "month": "month", "year": "year"}[unit]
        rule = f"{rule}_few"
    else:
        precision = unit
    if ctx.published is None:
        return _unanchored(precision, rule)
    p = ctx.published
    if unit == "hour":  # قبل ساعات: today; قبل 48 ساعة: two days back
        return _day_reading(p - dt.timedelta(days=n // 24), rule, relative=True)
    if unit == "day":
        return _day_reading(p - dt.timedelta(days=n or FEW_DAYS), rule, relative=True, precision=precision)
    if unit == "week":
        return _day_reading(p - dt.timedelta(days=7 * (n or FEW_WEEKS)), rule, relative=True,
                            precision="week")
    if few:
        return Reading(None, precision, True, rule)
    if unit == "month":
        return _day_reading(add_months(p, -n), rule, relative=True, precision="month")
    return Reading(f"{p.year - n:04d}", "year", True, rule)


def resolve_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """الأسبوع الماضي، هذا الشهر، نهاية العام الماضي، مطلع الشهر الجاري."""
    lex = ctx.lexicon
    noun = m.group("p1") or m.group("p2")
    period = lex.roles["period"][noun]
    part_word = m.group("part")
    part = lex.roles["part"].get(part_word) if part_word else None
    if m.group("y"):
        # أواخر العام 2014، بداية سنة 2015: the year written; without a part it is the year rule's
        year = int(m.group("y")[:4])
        if period != "year" or part is None:
            return None
        month = {"start": "01", "end": "12"}.get(part)
        return Reading(f"{year:04d}-{month}" if month else f"{year:04d}", "month" if month else "year", False,
                       "period_year")
    direction = 0 if m.group("p1") else _qual_direction(m.group("q"), lex)
    if direction is None:
        if part is None:
            return None  # العام alone is also "general" (الأمين العام)
        direction = 0
    if period == "year" and m.group("p2") and part is None and _is_general_head(ctx):
        return None  # المدير العام السابق: "the former director general"
    rule = "period_part" if part else "period"
    if period == "week":
        if ctx.published is None:
            return _unanchored("week", rule)
        return _day_reading(ctx.published + dt.timedelta(days=7 * direction), rule, relative=True,
                            precision="week")
    if period == "month":
        if ctx.published is None:
            return _unanchored("month", rule)
        return _day_reading(add_months(ctx.published, direction), rule, relative=True, precision="month")
    if ctx.published is None:
        return _unanchored("month" if part in ("start", "end") else "year", rule)
    year = ctx.published.year + direction
    if part == "start":
        return Reading(f"{year:04d}-01", "month", True, rule)
    if part == "end":
        return Reading(f"{year:04d}-12", "month", True, rule)
    return Reading(f"{year:04d}", "year", True, rule)


def resolve_anchor(m: re.Match[str], ctx: Context) -> Reading | None:
    """اليوم، أمس، أمس الأول، فجر اليوم، مساء أمس، الليلة الماضية."""
    anchor = " ".join(m.group("a").split())
    if anchor == "اليوم" and ctx.prev_word in ("ذلك", "تلك", "نفس", "ذات"):
        return None  # ذلك اليوم: "that day", not today
    offset = int(ctx.lexicon.roles["anchor"][anchor])
    rule = "daypart" if m.group("dp") else "anchor"
    if ctx.published is None:
        return _unanchored("day", rule)
    return _day_reading(ctx.published + dt.timedelta(days=offset), rule, relative=True)


def resolve_recent(m: re.Match[str], ctx: Context) -> Reading | None:
    """هذه الأيام، الأيام الأخيرة، الأشهر الثلاثة الماضية، الـ24 ساعة الماضية: dated by publication.

    The value is the publication day (or month) at the precision of the plural: days give a week,
    weeks and months give a month.
    """
    hours, plural = m.group("h"), m.group("pl")
    if hours is not None:
        precision = "day" if int(hours) <= 24 else "week"
    elif plural is not None:
        precision = ctx.lexicon.roles["recent_plural"][plural]
    else:
        precision = ctx.lexicon.roles["recent"][" ".join(m.group("r").split())]
    if ctx.published is None:
        return _unanchored(precision, "recent")
    return _day_reading(ctx.published, "recent", relative=True, precision=precision)


def resolve_day_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """الخامس من الشهر الجاري، 12 من الشهر الماضي، العاشر من هذا الشهر."""
    day = _day_number(m.group("d"), ctx.lexicon)
    direction = 0 if m.group("this") else _qual_direction(m.group("q"), ctx.lexicon)
    if day is None or direction is None or not 1 <= day <= 31:
        return None
    if ctx.published is None:
        return _unanchored("day", "day_of_month")
    first = add_months(ctx.published, direction)
    try:
        return _day_reading(first.replace(day=day), "day_of_month", relative=True)
    except ValueError:
        return None


RESOLVERS: dict[str, Resolver] = {
    "hijri": resolve_hijri,
    "numeric": resolve_numeric,
    "day_month": resolve_day_month,
    "day_of_month": resolve_day_of_month,
    "weekday": resolve_weekday,
    "written_year": resolve_written_year,
    "year": resolve_year,
    "month": resolve_month,
    "ago": resolve_ago,
    "after": resolve_after,
    "period": resolve_period,
    "anchor": resolve_anchor,
    "recent": resolve_recent,
}
