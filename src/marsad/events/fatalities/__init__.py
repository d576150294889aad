"""Fatalities by ACLED's rules: the number killed as stated, in digits or words, duals included.

A victim reader looks at the noun phrase a killing cue governs: the object of an active verb (قتل
مسلحون ثلاثة جنود), the subject of a passive one (قتل 18 شخصا، اغتيل خليل الوزير), the genitive of a
masdar (مقتل شرطي، مصرع المهاجم، القضاء على عنصر ارهابي), the subject between لقي and مصرعهم/حتفهم,
or a count before a plural verb (7 اشخاص قتلوا). It counts digits and number words, a number after
its noun (مدرسين اثنين), partitives (ثلاثة من)، duals of nouns of persons (ضابطين، جنديان), a
pronoun on the cue (مقتله = 1، مصرعهما = 2), a named person = 1, and coordinated victims (ضابط ومجند
= 2; مقتل شرطي ... ومصرع المهاجم = 2).

Vague counts take ACLED's conventional figures (عدة/بضعة "several" 3, عشرات "dozens" 12, مئات
"hundreds" 100; ``data/events/quantities.tsv``); the injured and the arrested are not counted; when a
text gives several figures for the same killed, the lowest is kept (a lone victim read from a
singular noun yields to a stated count of two or more, of which it is usually one); a text that
says nobody died gives 0; a text that says nothing gives None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.document import Event
from marsad.events.arguments.index import Located
from marsad.events.fatalities.reader import Reader
from marsad.events.fatalities.words import (
    _L,
    CUE_HINT_RE,
    KILL_AFTER,
    NO_TOLL_RE,
    PASSIVE_DUAL_RE,
    number_at,
    quantities,
)

__all__ = ["count_killed", "person_spans", "split_tolls", "toll_of_type"]

# a count before a word of killing (7 قتلى، 11 قتيلا) and the duals of those words (قتيلين)
COUNT_BEFORE_KILLED_RE = re.compile(rf"(?<![\w])(\d+|{_L}+)\s+(?:(?:{_L}+\s+)?)?(?:ال)?{KILL_AFTER}(?!{_L})")
KILLED_WORD_RE = re.compile(KILL_AFTER)
# (folded) one attacker named among the dead of a stated toll
ATTACKER_AMONG_RE = re.compile(rf"(?<!{_L})(?:بمن\s+فيهم|من\s+بينهم|بينهم|منهم)\s+"
                               rf"(?:منفذ|المنفذ|المهاجم|الانتحاري|منفذه)(?!{_L})")
DUAL_KILLED_RE = re.compile(rf"(?<!{_L})(?:ال)?(?:قتيلين|قتيلان|شهيدين|شهيدان)(?!{_L})")


def count_killed(text: str, start: int = 0, end: int | None = None,
                 names: Sequence[tuple[int, int]] = ()) -> int | None:
    """Fatalities reported in folded ``text[start:end]``; None when the text is silent.

    ``names`` are the spans of persons' names in the same (folded) text: a named victim is one.

    >>> count_killed("ادى الانفجار الى مقتل 7 اشخاص واصابه 12 اخرين")
    7
    >>> count_killed("قتل حارس واصيب سبعه اخرون")
    1
    >>> count_killed("اسفر الهجوم عن مقتل ضابط ومجند")
    2
    >>> count_killed("سقطت قذيفه دون وقوع اصابات")
    0
    """
    stop = len(text) if end is None else end
    span = text[start:stop]
    counts = Reader(text, start, stop, names).counts() if CUE_HINT_RE.search(text, start, stop) else []
    # the count regex tries every word of the span: only spans holding a word of killing can match
    # tried at every word, overlapping: "حصيله ضحايا الهجوم الي خمسه قتلي" holds a match that is no
    # count (ضحايا after حصيله) before the one that is
    for m in COUNT_BEFORE_KILLED_RE.finditer(span) if KILLED_WORD_RE.search(span) else ():
        got = number_at(span, m.start(1))
        # the count is the word before the word of killing, or two that make one number (ثلاثه الاف قتيل)
        rest = span[got[1]:m.end()].split() if got is not None else []
        if got is not None and (got[1] <= m.end(1) + 1 or len(rest) == 1):
            counts.append(got[0])
        else:
            again = COUNT_BEFORE_KILLED_RE.match(span, span.find(" ", m.start(1)) + 1) \
                if " " in span[m.start(1):m.end()] else None
            got = number_at(span, again.start(1)) if again is not None else None
            # only digits and exact numbers: a vague word there (عدد قتلي، مئات الضحايا) names the
            # victims, it does not count them
            exact = again is not None and (again.group(1).isdigit()
                                           or quantities()[0].get(again.group(1), (0, ""))[1] in ("unit", "tens"))
            if again is not None and got is not None and exact and got[1] <= again.end(1) + 1:
                counts.append(got[0])
    if DUAL_KILLED_RE.search(span):
        counts.append(2)
    if PASSIVE_DUAL_RE.search(span):
        counts.append(2)
    if counts:
        # a lone victim read from a singular noun (اغتيال قائد فيلق القدس ... ونائب رئيس الحشد، اللذين
        # قتلا) is usually one of a larger stated toll whose other victims the reader could not join
        plural = [c for c in counts if c >= 2]
        toll = min(plural or counts)
        # "خمسة قتلى بينهم منفذ الهجوم": the attacker is not counted (ANNOTATION-GUIDE)
        return toll - 1 if toll >= 2 and ATTACKER_AMONG_RE.search(span) else toll
    _, zero = quantities()
    if zero.search(span) or NO_TOLL_RE.search(span):
        return 0
    return None


# ACLED's sub-event types that record no deaths: protests and the strategic developments. A death at
# a protest makes it excessive force, a death in an arrest or a raid an attack or a clash; a toll
# told beside such an event (اعتقلت السلطات ... على خلفية قتله لضابط) is another event's. On the
# 2,350 training articles none of the 716 gold events of these types has a death.
NO_TOLL_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Agreement", "Arrests",
                           "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
                           "Looting/property destruction", "Non-violent transfer of territory", "Other"})


def toll_of_type(sub_event_type: str, fatalities: int | None) -> int | None:
    """The toll an event of ``sub_event_type`` records: None for a type that records no deaths.

    >>> toll_of_type("Arrests", 1), toll_of_type("Attack", 1)
    (None, 1)
    """
    return None if sub_event_type in NO_TOLL_TYPES else fatalities


def split_tolls(events: Sequence[Event]) -> None:
    """Share one stated toll among the events one report gives it in several places, in place.

    ANNOTATION-GUIDE (ACLED's practice): "when a report names several places and gives one death
    toll, split the toll evenly across the events, rounding so that the parts add up". The events
    of one report are those of one evidence span with one type and the same toll; the first ones
    take the remainder (10 in two places: 5 and 5; 7 in three: 3, 2, 2).
    """
    groups: dict[tuple[int, int, str, int], list[Event]] = {}
    for e in events:
        if e.fatalities and e.location is not None:
            groups.setdefault((e.evidence.start, e.evidence.end, e.sub_event_type, e.fatalities), []).append(e)
    for (_s, _e, _t, toll), shared in groups.items():
        places = {(e.location.name if e.location else None) for e in shared}
        if len(shared) < 2 or len(places) < len(shared):
            continue
        base, extra = divmod(toll, len(shared))
        for k, e in enumerate(shared):
            e.fatalities = base + (1 if k < extra else 0)


def person_spans(located: Sequence[Located]) -> list[tuple[int, int]]:
    """The folded spans of persons' names among the document's located actors (for ``names``)."""
    return [(a.start, a.end) for a in located if a.mention is not None and a.mention.type == "PER"]
