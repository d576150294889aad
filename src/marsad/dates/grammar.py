"""The date grammar: word tables from ``data/dates/*.tsv`` and the regular expressions built from them.

Everything is matched on the folded text (:func:`marsad.text.normalize.fold`), so the tables are
folded with :func:`fold_key` when they are read: أبريل and إبريل are one entry, جويلية ends in ه.
The rules are listed in :data:`RULE_ORDER`, the order in which they are tried at one position
(first match wins, STYLE.md P3). :func:`compiled` joins them into one scanner regex; each rule
also has its own regex with named groups, run on the span the scanner found to read its parts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

# Tried in this order at each position. Longer compositions come first: a day-month-year beats
# the bare year inside it, a weekday with its anchor (اليوم الثلاثاء) beats the anchor alone.
RULE_ORDER = ("hijri", "numeric", "day_month", "day_of_month", "weekday", "written_year", "year", "month",
              "ago", "after", "period", "anchor", "recent")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The folded word tables of ``data/dates``, keyed by folded form."""

    months: dict[str, int]  # Gregorian month names -> 1..12
    ambiguous_months: frozenset[str]  # also ordinary words or names (مارس، آب، ماي)
    hijri_months: dict[str, int]
    weekdays: dict[str, int]  # -> date.weekday()
    numbers: dict[str, tuple[int, str]]  # word -> (value, kind)
    units: dict[str, tuple[str, str]]  # word -> (unit, count)
    roles: dict[str, dict[str, str]]  # role -> {word: value}


# Words that can open an expression besides those of the tables (they are literals of the patterns
# below); with the first words of every table entry they make the trigger set of Grammar.matches.
_LITERAL_OPENERS = ("يوم", "شهر", "شهري", "منذ", "قبل", "بعد", "عقب", "إثر", "هذا", "هذه", "العام", "عام",
                    "السنة", "سنة", "عامي", "سنتي")
_WORD = re.compile(r"\w+")
_PROCLITICS = "وفبلك"
_DIGITS = "0123456789"
_GLUED = re.compile(r"[^\W\d_](?=\d)")  # a letter with a digit right after it


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled scanner and the per-rule regexes."""

    lexicon: Lexicon
    scanner: re.Pattern[str]
    rules: dict[str, re.Pattern[str]]
    prev_word: re.Pattern[str]
    join_gap: re.Pattern[str]
    coordination: re.Pattern[str]
    openers: frozenset[str]  # folded words that can open an expression
    # the scanner for a date whose digits are glued to the word before ("في7 مارس 2016"، "الاثنين07
    # مارس"): a letter right before, no proclitics; tried only where a letter meets a digit
    glued: re.Pattern[str] | None = None

    def glued_matches(self, text: str) -> Iterator[re.Match[str]]:
        """Matches of expressions that open with digits glued to the word before them (في7 مارس)."""
        if self.glued is None:
            return
        for join in _GLUED.finditer(text):
            m = self.glued.match(text, join.end())
            if m is not None and m.lastgroup is not None:
                yield m

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The scanner's matches in ``text``, as ``scanner.finditer`` gives them, only faster.

        The scanner is tried only at words that can open an expression (a digit, or an opener with
        up to two proclitics): most words of an article cannot, and trying all the rules at each
        of them takes twice as long (0.33 against 0.16 ms per article, CPU time over the first
        1,000 ANT articles). tests/dates/test_grammar.py checks that both give the same matches.
        """
        openers = self.openers
        match = self.scanner.match
        resume = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < resume:
                continue
            w = word.group()
            if not (w[0].isdigit() or w in openers or _opens_after_clitics(w, openers)
                    or (w[-1].isdigit() and w.rstrip(_DIGITS) in openers)):  # اكتوبر2015
                continue
            m = match(text, start)
            if m is not None:
                resume = m.end()
                yield m


def _opens_after_clitics(word: str, openers: frozenset[str]) -> bool:
    # وأمس، بالأمس، وفي ... : one or two proclitics, then an opener; الـ24 folds to ال24
    for cut in (1, 2):
        if len(word) <= cut or word[cut - 1] not in _PROCLITICS:
            return word[:2] == "ال" and word[2:3].isdigit()
        rest = word[cut:]
        if rest[0].isdigit() or rest in openers:
            return True
    return word[:2] == "ال" and word[2:3].isdigit()


@functools.cache
def lexicon() -> Lexicon:
    """Read and fold the tables of ``data/dates`` (once per process)."""
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    hijri: dict[str, int] = {}
    for name, month, calendar, _region, amb in read_tsv("dates/months.tsv"):
        key = fold_key(name)
        if calendar == "hijri":
            hijri[key] = int(month)
        else:
            months[key] = int(month)
            if amb == "1":
                ambiguous.add(key)
    weekdays = {fold_key(name): int(day) for name, day in read_tsv("dates/weekdays.tsv")}
    numbers = {fold_key(word): (int(value), kind) for word, value, kind in read_tsv("dates/numbers.tsv")}
    units = {fold_key(word): (unit, count) for word, unit, count in read_tsv("dates/units.tsv")}
    roles: dict[str, dict[str, str]] = {}
    for row in read_tsv("dates/words.tsv"):
        word, role = row[0], row[1]
        roles.setdefault(role, {})[fold_key(word)] = row[2] if len(row) > 2 else ""
    return Lexicon(months=months, ambiguous_months=frozenset(ambiguous), hijri_months=hijri,
                   weekdays=weekdays, numbers=numbers, units=units, roles=roles)


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of words, longest first, with any run of spaces allowed inside."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in items) + ")"


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_SPACE = r"[^\S\n]"  # white space within a line


def rule_patterns(lex: Lexicon) -> dict[str, str]:
    """The pattern of each rule, with named groups for the parts its resolver reads."""
    role = lex.roles
    wd = _alt(lex.weekdays)
    month = _alt(lex.months)
    # paired forms: "3 يناير/ كانون الثاني 2020", "كانون الثاني (يناير)"
    month_p = rf"{month}(?:\s*[/(\-–]\s*{month}(?:\s*\))?|\s+{month})?"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    ordinal_units = _alt(w for w, (v, k) in lex.numbers.items() if k == "ordinal" and v < 20)
    ordinal = rf"(?:{ordinal_units}(?:\s+(?:عشر|و\s*العشرين|و\s*الثلاثين))?|العشرين|الثلاثين)"
    year = r"(?:1[89]\d\d|20\d\d)(?!\d)(?:\s*م(?!\w))?"
    year_noun = r"(?:العام|عام|السنه|سنه|عامي|سنتي)"
    qual = _alt([*role["past"], *role["current"], *role["next"]])
    period = _alt(role["period"])
    part = _alt(role["part"])
    daypart = _alt(role["daypart"])
    all_anchors = _alt(role["anchor"])
    anchors = [w for w in role["anchor"] if w != "اليوم"]
    not_today = _alt(role["not_today"])
    # اليوم before an adjective is "the day" (اليوم العالمي، اليوم الإعلامي، اليوم التالي): the listed
    # words, and any ال-word ending in the nisba ي (no weekday name does)
    anchor = rf"(?:{_alt(anchors)}|اليوم(?!\s+(?:{not_today}|ال\w+ي)(?!\w)))"
    counts = _alt(w for w, (_v, k) in lex.numbers.items() if k in ("unit", "tens", "few"))
    all_numbers = _alt(w for w, (_v, k) in lex.numbers.items() if k in ("unit", "tens", "hundreds"))
    units = _alt(lex.units)
    # الاثنين والعشرين is "twenty-two", الأحد عشر "eleven": not weekdays
    tens = _alt(w for w, (v, k) in lex.numbers.items() if k == "tens" and v >= 20 and not w.startswith("ال"))
    approx = _alt(role["approx"])
    sep = r"\s*[،,]?\s*"
    recent_end = rf"(?:{_alt(role['past'])}|الأخيرة)"
    rel_year = rf"(?:هذا\s+العام|هذه\s+السنه|العام|السنه)(?:\s+(?P<yq>{qual}))?"
    year_tail = (rf"(?:{sep}(?:(?:من\s+)?(?:{year_noun}\s+)?(?P<y>{year})"
                 rf"|من\s+(?P<yrel>{rel_year})|(?P<q>{qual})))?")
    patterns = {
        # 5 رمضان 1443 هـ; without a year only with a qualifier (رمضان الماضي): رمضان is also a name
        "hijri": (rf"(?:(?P<d>{day}|{ordinal})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<m>{_alt(lex.hijri_months)})"
                  rf"(?:{sep}(?:(?:من\s+)?(?:{year_noun}\s+)?)?(?P<y>1[34]\d\d)(?!\d)"
                  rf"(?:\s*(?:هجرية|هجري|للهجرة|هـ(?!\w)))?|\s+(?P<hq>{qual}))"),
        "numeric": (r"(?<![\d./\-])(?:(?P<y1>(?:19|20)\d\d)[/.\-](?P<m1>[01]?\d)[/.\-](?P<d1>[0-3]?\d)"
                    r"|(?P<d2>[0-3]?\d)[/.\-](?P<m2>[01]?\d)[/.\-](?P<y2>(?:19|20)\d\d))(?!\d|[./\-]\d)"),
        "day_month": (rf"(?:(?P<dp>{daypart})\s+)?(?:يوم\s+)?(?P<d>{day}|{ordinal})"
                      rf"(?:\s*(?:و|-|–|إلى|الى|حتى)\s*(?P<d2>{day}))?\s*(?:من\s+)?(?:شهر\s+)?"
                      rf"(?P<m>{month_p}){year_tail}"),
        "day_of_month": (rf"(?:(?P<dp>{daypart})\s+)?(?:يوم\s+)?(?P<d>{day}|{ordinal})\s+من\s+"
                         rf"(?:(?P<this>هذا)\s+الشهر|الشهر\s+(?P<q>{qual}))"),
        "weekday": (rf"(?:(?P<dp>{daypart})\s+)?(?:(?P<a>{all_anchors}){sep})?(?:يوم\s+)?"
                    rf"(?P<wd>{wd})(?!\s+(?:عشر|و\s*(?:ال)?{tens}(?!\w)))(?:\s+(?P<q>{qual}))?"),
        "written_year": (rf"{year_noun}\s+(?P<w>(?:الف|الفين|الفان)"
                         rf"(?:\s+و\s*{all_numbers}(?:\s+عشره?)?)*)"),
        "year": rf"(?:(?P<noun>{year_noun})\s+)?(?P<y>{year})",
        "month": rf"(?:(?P<part>{part})\s+)?(?:(?P<sh>شهري|شهر)\s+)?(?P<m>{month_p}){year_tail}",
        "ago": (rf"(?P<prep>منذ|قبل)\s+(?:{approx}\s+)?(?:(?P<n>\d{{1,3}}|{counts}(?:\s+عشره?)?)\s+)?"
                rf"(?P<u>{units})(?:\s+واحده?)?(?!\w)(?!\s+(?:امس|الامس|{wd}|\d))"),
        # "عقب يومين من هجوم مماثل"، "بعد مرور أسبوع على": an earlier act counted back from the
        # clause's own time; without من/على ("بعد يومين") it is a time still to come. \Z lets the
        # rule's own regex read the span the scanner cut (the resolver checks the من again)
        "after": (rf"(?P<prep>بعد|عقب|إثر)\s+(?:مرور\s+)?(?:{approx}\s+)?(?:(?P<n>\d{{1,3}}|{counts}(?:\s+عشره?)?)\s+)?"
                  rf"(?P<u>{units})(?:\s+واحده?)?(?=\s+(?:من|على)\s|\Z)"),
        # بداية العام الدراسي، السنة المالية: a named kind of year (an ال-adjective in ي / ية) is not a date
        # أواخر العام 2014: a part of a year written in digits
        "period": (rf"(?:(?P<part>{part})\s+)?(?:(?:هذا|هذه)\s+(?P<p1>{period})"
                   rf"|(?P<p2>{period})(?:\s+(?P<q>{qual})|\s+(?P<y>{year})|(?!\s+ال\w+ية?(?!\w))))"),
        "anchor": rf"(?:(?P<dp>{daypart})\s+)?(?P<a>{anchor})",
        "recent": (rf"(?P<r>{_alt(role['recent'])})"
                   rf"|(?P<pl>{_alt(role['recent_plural'])})\s+(?:(?:ال)?{counts}\s+)?(?:القليلة\s+)?{recent_end}"
                   rf"|(?:ال)?(?P<h>\d{{1,3}})\s+ساعة\s+{recent_end}"),
    }
    # the literals above are written as in running text (حتى، إلى); the scanner reads folded text.
    # No expression runs across a line break: a headline ending in الخميس is not dated by the year
    # that opens the next line.
    return {name: fold_key(pattern).replace(r"\s", _SPACE) for name, pattern in patterns.items()}


@functools.cache
def compiled() -> Grammar:
    """Compile the scanner and the rule regexes (once per process)."""
    lex = lexicon()
    patterns = rule_patterns(lex)
    # one pass: a word start, up to two attached proclitics (و ف ب ل ك, kept out of the span),
    # then the first rule that matches; the group name says which.
    alternatives = "|".join(f"(?P<{name}>{_NAMED_GROUP.sub('(?:', patterns[name])})" for name in RULE_ORDER)
    scanner = re.compile(rf"(?<!\w)[وفبلك]{{0,2}}(?:{alternatives})(?!\w)")
    glued = re.compile(rf"(?<=[^\W\d_])(?:{alternatives})(?!\w)")
    rules = {name: re.compile(rf"(?:{pattern})") for name, pattern in patterns.items()}
    # what may stand between a weekday or anchor and the calendar date that follows it:
    # "الأربعاء 18 جانفي"، "اليوم السبت، 3 يناير"، "يوم الجمعة الموافق 24 فيفري"
    join_gap = re.compile(r"\s*[،,(\-–]?\s*(?:الموافق\s+(?:ل\s*)?)?".replace(r"\s", _SPACE))
    # what may join two dates that share the year written after the last: "مارس وجوان 2015"،
    # "من 28 فيفري إلى 3 مارس 2017"، "شهري ديسمبر 2016 وجانفي 2017" (the و stays in the gap)
    coordination = re.compile(fold_key(r"\s*[،,]?\s*(?:و|أو|ثم|إلى|الى|حتى|-|–)?\s*(?:شهر\s+)?")
                              .replace(r"\s", _SPACE))
    prev_word = re.compile(r"(\w+)\W*$")
    return Grammar(lexicon=lex, scanner=scanner, rules=rules, prev_word=prev_word, join_gap=join_gap,
                   coordination=coordination, openers=_openers(lex), glued=glued)


def _openers(lex: Lexicon) -> frozenset[str]:
    """First words of every table entry that can open an expression, and the patterns' literals."""
    words: set[str] = {fold_key(w) for w in _LITERAL_OPENERS}
    tables: list[Iterable[str]] = [lex.months, lex.hijri_months, lex.weekdays,
                                   (w for w, (_v, k) in lex.numbers.items() if k == "ordinal")]
    tables += [lex.roles[role] for role in ("daypart", "anchor", "part", "period", "recent",
                                                       "recent_plural")]
    for table in tables:
        words.update(entry.split()[0] for entry in table)
    return frozenset(words)
