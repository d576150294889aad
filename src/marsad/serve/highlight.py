"""The article text as HTML with every annotation marked in place from its stored offsets.

Each annotation (entity mention, quote content, quote speaker, event evidence) becomes a
``<mark>`` carrying ``data-start``/``data-end`` (Python code-point offsets into the article) and
its kind; marks nest when annotations nest (an entity inside an event's sentence). An annotation
that crosses the edge of one it does not contain is cut into pieces at that edge, each piece a
mark with ``data-part``, so the HTML stays well formed. Every piece of text goes through
``markupsafe.escape``: the article is hostile input, and ``<script>`` in it must show as text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape

from marsad.document import Document

KIND_ORDER = {"evidence": 0, "quote": 1, "speaker": 2, "entity": 3}


@dataclass(frozen=True, slots=True)
class Annotation:
    start: int
    end: int
    kind: str  # evidence | quote | speaker | entity
    label: str  # entity type, event id, speaker name ...
    ref: str = ""  # the id of the record (event id, mention id, quote index)


def marks_of(doc: Document, *, event_states: dict[str, str] | None = None) -> list[Annotation]:
    """Every span of the document that the article view marks."""
    text_len = len(doc.text)
    out: list[Annotation] = []
    for e in doc.events:
        state = (event_states or {}).get(e.id, "pending")
        out.append(Annotation(e.evidence.start, e.evidence.end, "evidence", state, e.id))
    for i, q in enumerate(doc.quotes):
        speaker = q.speaker.name if q.speaker else (q.speaker_text or "")
        out.append(Annotation(q.start, q.end, "quote", speaker, f"q{i}"))
        if q.speaker_start is not None and q.speaker_end is not None:
            out.append(Annotation(q.speaker_start, q.speaker_end, "speaker", speaker, f"q{i}"))
    for m in doc.entities:
        out.append(Annotation(m.start, m.end, "entity", m.type, m.id))
    return [a for a in out if 0 <= a.start < a.end <= text_len]


def render(text: str, marks: list[Annotation]) -> Markup:
    """``text`` as escaped HTML with ``marks`` nested in place."""
    # cut every annotation at the edges of the others it crosses, so that pieces nest
    edges = sorted({p for a in marks for p in (a.start, a.end)})
    pieces: list[tuple[int, int, Annotation, bool]] = []
    for a in marks:
        inner = [p for p in edges if a.start < p < a.end]
        cuts = [a.start]
        for p in inner:
            # cut only where another annotation crosses this one's edge
            if any((b.start < a.start < b.end < a.end) or (a.start < b.start < a.end < b.end)
                   for b in marks if p in (b.start, b.end) and b is not a):
                cuts.append(p)
        cuts.append(a.end)
        split = len(cuts) > 2
        for s, e in itertools.pairwise(cuts):
            if s < e:
                pieces.append((s, e, a, split))
    pieces.sort(key=lambda p: (p[0], -p[1], KIND_ORDER[p[2].kind]))
    out: list[str] = []
    stack: list[int] = []  # ends of the open marks
    pos = 0
    for start, end, a, split in pieces:
        while stack and stack[-1] <= start:
            close = stack.pop()
            out.append(str(escape(text[pos:close])))
            out.append("</mark>")
            pos = close
        if stack and end > stack[-1]:
            continue  # cannot nest (only when two pieces cross exactly); the outer mark covers it
        out.append(str(escape(text[pos:start])))
        pos = start
        attrs = (f' class="ann ann-{a.kind} ann-{escape(a.label) if a.kind in ("entity", "evidence") else a.kind}"'
                 f' data-kind="{a.kind}" data-start="{start}" data-end="{end}" data-ref="{escape(a.ref)}"')
        if a.kind in ("quote", "speaker") and a.label:
            attrs += f' title="{escape(a.label)}"'
        if a.kind == "entity":
            attrs += f' title="{escape(a.label)}"'
        if split:
            attrs += f' data-part="1" data-span-start="{a.start}" data-span-end="{a.end}"'
        out.append(f"<mark{attrs}>")
        stack.append(end)
    while stack:
        close = stack.pop()
        out.append(str(escape(text[pos:close])))
        out.append("</mark>")
        pos = close
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))  # every text piece above went through escape()
