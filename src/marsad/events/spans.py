"""Spans of an event in the text: its evidence clause and its target phrase."""

from __future__ import annotations

import re

from marsad.document import Document, Evidence
from marsad.events.cues import Hit
from marsad.text.normalize import FoldedText

WORD_RE = re.compile(r"[^\W_]+")
TARGET_STOP = re.compile(r"[،,.:;؛\"«»()\n]|(?<![^\W\d_])(?:في|من|الي|علي|عن|قرب|مما|ما|بعد|قبل|خلال|"
                         r"حيث|و?ذلك|التي|الذي|اثر|عقب)(?![^\W\d_])")
TARGET_AFTER = re.compile(r"\s*(?:(?:علي|ضد)\s+)?")
# A short clause naming who carried the attack out, between the noun and its target: "هجوم شنّه
# مسلحون على نقطة عسكرية", "هجمات نفذها التنظيم ضد ...". Skipped only when على/ضد follows.
PERFORMER_CLAUSE = re.compile(r"\s*(?:شن|نفذ|قام)\w*(?:\s+(?!علي|ضد)[^\W\d_]+){1,3}?\s+(?=(?:علي|ضد)\s)")


def target_phrase(folded: FoldedText, anchor: Hit, seg_end: int) -> str | None:
    """What was hit: up to four words after a targeting cue (استهدف، هجوم على ...), as in the text."""
    text = folded.text
    if not (anchor.form.startswith(("استهدف", "هاجم", "هجوم", "هجمات", "اعتداء", "قصف", "غاره"))):
        return None
    start = anchor.end
    if anchor.form.startswith(("هجوم", "هجمات", "اعتداء", "غاره")) and (
            performer := PERFORMER_CLAUSE.match(text, start, seg_end)):
        start = performer.end()
    m = TARGET_AFTER.match(text, start, seg_end)
    start = m.end() if m else start
    stop = TARGET_STOP.search(text, start, seg_end)
    end = stop.start() if stop else seg_end
    words = list(re.finditer(r"[^\W_]+", text[start:end]))[:4]
    if not words or start + words[0].start() != start:
        return None
    span = folded.to_source(start, start + words[-1].end())
    value = folded.source[span.start:span.end].strip()
    return value or None


def evidence_span(doc: Document, folded: FoldedText, seg0: int, seg1: int, triggers: list[Hit],
              hits: list[Hit]) -> Evidence:
    """The clause that reports the event, as in the text.

    It ends before a later cue that reports nothing by itself (a headline run goes on to the next
    headline: "... بين تونس وصفاقس إضراب عام للقضاة"), and is trimmed of spaces and clause commas.
    """
    last = max(h.end for h in triggers)
    end = seg1
    for h in hits:
        if h.start < last:
            continue
        if h.strength > 0 and h not in triggers and len(WORD_RE.findall(folded.text, last, h.start)) > 2:
            end = h.start
            break
        last = max(last, h.end)
    span = folded.to_source(seg0, max(seg0 + 1, end))
    start, stop = span.start, span.end
    text = doc.text
    while start < stop and (text[start].isspace() or text[start] in "،,;؛"):
        start += 1
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in "،,;؛"):
        stop -= 1
    return Evidence(start=start, end=stop, text=text[start:stop])
