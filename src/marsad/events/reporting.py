"""Whether a mention of violence or protest reports an act: lists of kinds of act, gatherings.

Helpers of the events stage (see :mod:`marsad.events`) for the two questions that the GSR
development sentences (scripts/run_gsr.py) showed to matter most after modality: a run of nouns of
violence names crimes in general, and a name for the crowd (المتظاهرون) is a protest only when
the clause tells that a crowd gathered.
"""

from __future__ import annotations

from marsad.events.cues import Hit
from marsad.events.modality import SentenceModality

__all__ = ["GATHERING_VERBS", "LIST_LENGTH", "PARTICIPANTS", "listed_cues", "tells_gathering"]

# Stems of the nouns for the people of a protest (متظاهرون، محتجون، معتصمون، مضربون).
PARTICIPANTS = ("متظاهر", "محتج", "معتصم", "مضرب")
# Nouns of violence in a row that make a list of kinds of act (see listed_cues). Three: two nouns
# (قتل وإصابة) are often the toll of one attack.
LIST_LENGTH = 3
# Support verbs that tell a crowd turned out (خرج آلاف المتظاهرين، نظم المحتجون، جابوا الشوارع).
GATHERING_VERBS = frozenset({"خرج", "نظم", "شارك", "جاب", "يخرج"})


def listed_cues(cues: list[Hit], modality: SentenceModality) -> set[Hit]:
    """Nominal cues in a list of kinds of act (تعذيب واغتصاب وقتل، القتل والانفجارات والخطف).

    A run of LIST_LENGTH or more cues that opens with a noun, joined by و, each next to the one
    before and none a finite verb, names crimes or charges in general rather than an act that
    happened (وقتل after two nouns is one more noun).
    """
    ordered = sorted(cues, key=lambda h: h.start)
    runs: list[list[Hit]] = []
    for h in ordered:
        last = runs[-1][-1] if runs else None
        if last is not None and h.strength < 2 and last.strength < 2 and h.prefix.startswith("و") \
                and h.start > last.end and modality.words_between(last.end, h.start) <= 1:
            runs[-1].append(h)
        else:
            runs.append([h])
    return {h for run in runs if len(run) >= LIST_LENGTH and run[0].pos == "N" for h in run}


def tells_gathering(hits: list[Hit], support: list[Hit], seg0: int, seg1: int) -> bool:
    """True when a clause tells a protest act, not only a name for the crowd.

    A protest act is a protest cue other than a participant noun (تظاهر، مسيرة، اعتصام، قطع الطريق)
    or a verb of turning out (خرج آلاف المتظاهرين).
    """
    if any(h.kind == "peaceful" and h.strength > 0 and not h.form.startswith(PARTICIPANTS) for h in hits):
        return True
    return any(seg0 <= w.start < seg1 and w.form in GATHERING_VERBS for w in support)
