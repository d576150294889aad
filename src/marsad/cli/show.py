"""``marsad show RESULT_OR_ID [--id ID] [--db PATH] [--visual] [--history | --stored-version N]``.

One document result, readable. RESULT_OR_ID is a document id in the store, a results JSONL file
(``--id`` picks one document, else the first is shown), or ``-`` for JSONL on stdin.

A stored result that a newer one replaced is kept: ``--history`` lists every stored version of an
id (when stored, the content hash, what it found), ``--stored-version N`` shows version N.

Right-to-left text: labels are English; by default every Arabic value is wrapped in Unicode
bidi isolates (FSI … PDI), so a terminal that implements the bidi algorithm (GNOME Terminal,
Konsole, mlterm, iTerm2 …) orders it right without disturbing the line around it. ``--visual`` is
for terminals that do no bidi at all (xterm, the Linux console, most multiplexers): each line is
reordered here into visual order (the Unicode Bidirectional Algorithm, rules W1–W7, N1–N2, I1–I2,
L1–L2 and L4 mirroring, without explicit embeddings), long values are wrapped to the terminal width
first, and right-to-left paragraphs are right-aligned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import shutil
import sys
import textwrap
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.cli.words import plural
from marsad.document import Document, Event, Quote
from marsad.errors import ConfigError
from marsad.store.base import StoredResult, default_location, open_store

FSI = "\u2068"  # FIRST STRONG ISOLATE: direction taken from the first strong letter inside
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_STRONG_RTL = frozenset(("R", "AL"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "BN", "LRI", "RLI", "FSI", "PDI"))


def add_parser(subparsers: Any) -> None:
    """Register ``show`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "show", help="one document result as a readable terminal view",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("target", metavar="RESULT_OR_ID",
                   help="a document id in the store, a results JSONL file, or - for stdin")
    p.add_argument("--id", dest="doc_id", metavar="ID", help="the document to show from a JSONL file")
    p.add_argument("--db", metavar="PATH", help="result store (default: $MARSAD_DB or ./marsad.db)")
    p.add_argument("--visual", action="store_true",
                   help="reorder right-to-left text here, for terminals without bidi support")
    p.add_argument("--width", type=int, metavar="N", help="wrap width for --visual (default: terminal)")
    p.add_argument("--history", action="store_true",
                   help="list every stored version of the result (a newer one never overwrites an older)")
    p.add_argument("--stored-version", type=int, metavar="N", help="show version N of a stored result")
    p.set_defaults(func=run)


# ---------------------------------------------------------------- bidi

def is_rtl_text(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Arabic, Hebrew ...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return False


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter."""
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def isolate(text: str) -> str:
    """``text`` wrapped in FSI … PDI when it holds right-to-left letters, else unchanged."""
    return f"{FSI}{text}{PDI}" if has_rtl(text) else text


def _resolve_types(text: str, base: int) -> list[str]:
    # Weak and neutral type resolution of UAX #9 for one isolating run (no explicit embeddings).
    sos = "R" if base else "L"
    types = [unicodedata.bidirectional(ch) or "L" for ch in text]
    prev = sos
    last_strong = sos
    for i, t in enumerate(types):
        if t == "NSM":  # W1: a combining mark (Arabic harakat) takes its base's type
            t = types[i] = prev if prev not in ("LRI", "RLI", "FSI", "PDI") else "ON"
        if t == "EN" and last_strong == "AL":  # W2
            types[i] = "AN"
        if t in ("L", "R", "AL"):
            last_strong = t
        prev = types[i]
    types = ["R" if t == "AL" else t for t in types]  # W3
    for i in range(1, len(types) - 1):  # W4
        if types[i] == "ES" and types[i - 1] == types[i + 1] == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
            types[i] = types[i - 1]
    i = 0
    while i < len(types):  # W5: European terminators (%, $, °) next to a European number
        if types[i] == "ET":
            j = i
            while j < len(types) and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
                types[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]  # W6
    last_strong = sos
    for i, t in enumerate(types):  # W7
        if t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"
    i = 0
    embedding = "R" if base else "L"
    while i < len(types):  # N1/N2: neutrals between equal directions take it, else the embedding's
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in _NEUTRAL:
            j += 1
        before = sos if i == 0 else ("R" if types[i - 1] in ("R", "EN", "AN") else "L")
        after = sos if j == len(types) else ("R" if types[j] in ("R", "EN", "AN") else "L")
        types[i:j] = [before if before == after else embedding] * (j - i)
        i = j
    return types


@functools.cache
def _presentation_forms() -> dict[str, dict[str, str]]:
    """``{letter: {"isolated"|"final"|"initial"|"medial": presentation form}}`` from Unicode data.

    Read from the decompositions of the Arabic Presentation Forms-B block (``<final> 0628`` ...),
    so no table is copied into the code. Letters with initial and medial forms join on both sides;
    the others (ا د ذ ر ز و ة ى and their hamza forms) join only to the letter before them.
    """
    forms: dict[str, dict[str, str]] = {}
    for code in range(0xFE70, 0xFEFD):
        ch = chr(code)
        kind, _, base = unicodedata.decomposition(ch).partition(" ")
        if kind[1:-1] in ("isolated", "final", "initial", "medial") and " " not in base and base:
            forms.setdefault(chr(int(base, 16)), {})[kind[1:-1]] = ch
    return forms


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (for terminals that do not shape).

    >>> [f"{ord(c):X}" for c in shape_arabic("بغداد")]  # initial, medial, final, isolated, isolated
    ['FE91', 'FED0', 'FEAA', 'FE8D', 'FEA9']
    """
    forms = _presentation_forms()
    tatweel = "\u0640"
    out = list(text)
    letters = [i for i, ch in enumerate(text) if not unicodedata.combining(ch)]
    for n, i in enumerate(letters):
        ch = text[i]
        own = forms.get(ch)
        if own is None:
            continue
        prev_ch = text[letters[n - 1]] if n > 0 else ""
        next_ch = text[letters[n + 1]] if n + 1 < len(letters) else ""
        prev_joins = prev_ch == tatweel or "medial" in forms.get(prev_ch, {})
        next_joins = next_ch == tatweel or next_ch in forms
        if prev_joins and next_joins and "medial" in own:
            kind = "medial"
        elif prev_joins and "final" in own:
            kind = "final"
        elif next_joins and "initial" in own:
            kind = "initial"
        else:
            kind = "isolated"
        out[i] = own.get(kind, ch)
    return "".join(out)


def visual_order(text: str, *, rtl: bool | None = None) -> str:
    """One line of logical-order text in visual (left-to-right display) order.

    Args:
        text: one line, without explicit embedding or isolate controls.
        rtl: the paragraph direction; None takes it from the first strong character.

    >>> visual_order("abc")
    'abc'
    >>> visual_order("قتل 3 أشخاص") == "صاخشأ 3 لتق"
    True
    """
    if not text:
        return text
    base = 1 if (is_rtl_text(text) if rtl is None else rtl) else 0
    types = _resolve_types(text, base)
    levels = []
    for t in types:
        if base == 0:
            levels.append(1 if t == "R" else 2 if t in ("AN", "EN") else 0)
        else:
            levels.append(2 if t in ("L", "EN", "AN") else 1)
    k = len(text)  # L1: trailing whitespace goes back to the paragraph level
    while k > 0 and unicodedata.bidirectional(text[k - 1]) in ("WS", "S", "B", "BN"):
        k -= 1
        levels[k] = base
    # L3: a combining mark (harakat, shadda) moves with its base letter, so that it still follows
    # the base after reversal; the cluster keeps the base letter's level. L4: mirror brackets.
    chars: list[str] = []
    cluster_levels: list[int] = []
    for ch, lvl in zip(text, levels, strict=True):
        if chars and unicodedata.combining(ch):
            chars[-1] += ch
            continue
        chars.append(_MIRROR.get(ch, ch) if lvl % 2 else ch)
        cluster_levels.append(lvl)
    levels = cluster_levels
    top = max(levels)
    lowest_odd = min((lvl for lvl in levels if lvl % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):  # L2
        i = 0
        while i < len(levels):
            if levels[i] >= level:
                j = i
                while j < len(levels) and levels[j] >= level:
                    j += 1
                chars[i:j] = chars[i:j][::-1]
                levels[i:j] = levels[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars)


# ---------------------------------------------------------------- rendering

class _View:
    """Collects labelled lines; renders them with isolates or in visual order."""

    def __init__(self, *, visual: bool, width: int) -> None:
        self.visual = visual
        self.width = max(width, 40)
        self.lines: list[str] = []

    def heading(self, title: str) -> None:
        self.lines.append("")
        name, _, rest = title.partition(" ")
        self.lines.append(name.upper() + (f" {rest}" if rest else ""))

    def field(self, label: str, value: Any, *, indent: int = 2, label_width: int = 11) -> None:
        """One ``label  value`` line; a long right-to-left value is wrapped in visual mode."""
        if value is None or value == "":
            return
        text = str(value).replace("\n", " ")
        prefix = " " * indent + (f"{label:<{label_width}}" if label else "")
        if not self.visual:
            self.lines.append(prefix + isolate(text))
            return
        room = self.width - len(prefix)
        chunks = textwrap.wrap(text, width=max(room, 20)) or [""]
        for n, chunk in enumerate(chunks):
            lead = prefix if n == 0 else " " * len(prefix)
            shown = visual_order(shape_arabic(chunk))
            if is_rtl_text(chunk) and len(chunks) > 1:
                self.lines.append(lead + shown.rjust(room))
            else:
                self.lines.append(lead + shown)

    def text(self, line: str) -> None:
        """A line built by the caller from English labels and values passed through :meth:`val`."""
        self.lines.append(line)

    def val(self, value: Any) -> str:
        """An inline value: isolated (default) or in visual order."""
        s = "" if value is None else str(value).replace("\n", " ")
        return visual_order(shape_arabic(s)) if self.visual else isolate(s)


def _actor_label(doc: Document, ref_name: str, actor_id: str | None, view: _View) -> str:
    actor = doc.actor(actor_id)
    label = view.val(ref_name)
    if actor is not None and actor.name_en:
        label += f" ({actor.name_en})"
    if actor_id:
        label += f" [{actor_id}]"
    return label


def _render_entities(doc: Document, view: _View) -> None:
    view.heading(f"entities ({len(doc.entities)} mentions, {len(doc.actors)} actors)")
    by_actor: dict[str | None, Counter[str]] = {}
    types: dict[str | None, str] = {}
    for m in doc.entities:
        by_actor.setdefault(m.actor_id, Counter())[m.text] += 1
        types.setdefault(m.actor_id, m.type)
    for actor in doc.actors:
        facts = [actor.type, actor.category]
        if actor.name_en:
            facts.append(actor.name_en)
        if actor.country:
            facts.append(actor.country)
        if actor.inter is not None:
            facts.append(f"inter {actor.inter}")
        view.text(f"  {actor.id:<5} {view.val(actor.name)}  " + " · ".join(facts))
        mentions = by_actor.get(actor.id)
        if mentions:
            view.field("mentions", "، ".join(f"{t} ×{n}" for t, n in mentions.items()), indent=8)
        if actor.aliases:
            view.field("aliases", "، ".join(actor.aliases), indent=8)
    loose = [m for m in doc.entities if m.actor_id is None or doc.actor(m.actor_id) is None]
    if loose:
        view.text("  without actor:")
        counts = Counter((m.type, m.text) for m in loose)
        for (etype, surface), n in counts.items():
            view.text(f"        {etype:<4} {view.val(surface)}" + (f" ×{n}" if n > 1 else ""))


def _render_places(doc: Document, view: _View) -> None:
    view.heading(f"places ({len(doc.places)})")
    for p in doc.places:
        where = ", ".join(x for x in (p.admin1, p.country) if x)
        coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "no coordinates"
        view.text(f"  {p.id:<5} {view.val(p.name)}" + (f" ({p.name_en})" if p.name_en else "")
                  + f"  {p.kind}")
        view.text(f"        {where or 'unknown admin1/country'} · {coords} · precision {p.geo_precision}"
                  + (f" · rule {p.rule}" if p.rule else "")
                  + (f" · geonameid {p.geonameid}" if p.geonameid else ""))


def _render_dates(doc: Document, view: _View) -> None:
    view.heading(f"dates ({len(doc.dates)})")
    for d in doc.dates:
        view.text(f"  {d.value or 'unresolved':<10}  {d.precision:<5} tp {d.time_precision}  "
                  f"{view.val(d.text)}  [{d.start}:{d.end}]"
                  + (" relative" if d.relative else "") + (f" · rule {d.rule}" if d.rule else ""))


def _render_quote(doc: Document, n: int, q: Quote, view: _View) -> None:
    if q.speaker is not None:
        speaker = _actor_label(doc, q.speaker.name, q.speaker.actor_id, view)
    else:
        speaker = view.val(q.speaker_text or "?")
    kind = "direct" if q.direct else "indirect"
    view.text(f"  {n:>2}. {speaker}" + (" (anonymous)" if q.anonymous else "")
              + f" · cue {view.val(q.cue)} · {kind} · [{q.start}:{q.end}]")
    view.field("role", q.speaker_role, indent=6)
    view.field("said", q.content, indent=6)
    view.field("outlet", q.outlet, indent=6)


def _render_event(doc: Document, e: Event, view: _View) -> None:
    view.text(f"  {e.id:<5} {e.event_type} / {e.sub_event_type}"
              + (f" · PLOVER {e.plover}" if e.plover else "")
              + (f" · {e.disorder_type}" if e.disorder_type else "")
              + (f" · incident {e.incident_id}" if e.incident_id else ""))
    if e.actor1 is not None:
        view.text(f"        actor1     {_actor_label(doc, e.actor1.name, e.actor1.actor_id, view)}"
                  + (" (claimed)" if e.actor1_claimed else ""))
    for ref in e.assoc_actor_1:
        view.text(f"        with       {_actor_label(doc, ref.name, ref.actor_id, view)}")
    if e.actor2 is not None:
        view.text(f"        actor2     {_actor_label(doc, e.actor2.name, e.actor2.actor_id, view)}")
    for ref in e.assoc_actor_2:
        view.text(f"        with       {_actor_label(doc, ref.name, ref.actor_id, view)}")
    view.field("target", e.target, indent=8)
    loc = e.location
    if loc is not None:
        where = ", ".join(x for x in (loc.admin1, loc.country) if x)
        coords = f" · {loc.lat:.4f}, {loc.lon:.4f}" if loc.lat is not None and loc.lon is not None else ""
        view.text(f"        location   {view.val(loc.name)}" + (f" ({loc.name_en})" if loc.name_en else "")
                  + (f" · {where}" if where else "") + coords + f" · precision {loc.geo_precision}")
    fatalities = "not stated" if e.fatalities is None else str(e.fatalities)
    view.text(f"        date       {e.date or 'unknown'} (tp {e.time_precision}) · fatalities {fatalities}"
              + (" · HISTORICAL" if e.historical else "")
              + (" · civilian targeting" if e.civilian_targeting else "")
              + (f" · confidence {e.confidence:.2f}" if e.confidence is not None else ""))
    view.field(f"evidence {e.evidence.start}:{e.evidence.end}", e.evidence.text, indent=8, label_width=20)
    view.field("notes", e.notes, indent=8)


def render(doc: Document, *, visual: bool = False, width: int = 100) -> str:
    """The terminal view of one document result, as one string ending in a newline."""
    view = _View(visual=visual, width=width)
    a = doc.article
    view.text(f"── {doc.id} " + "─" * max(3, min(view.width, 100) - len(doc.id) - 4))
    view.field("title", a.title)
    view.field("published", a.published)
    view.field("source", a.source)
    view.field("url", a.url)
    view.field("language", doc.language)
    view.field("length", f"{len(a.text):,} characters")
    if doc.warnings:
        view.heading(f"warnings ({len(doc.warnings)})")
        for w in doc.warnings:
            view.field(w.code, (f"[{w.stage}] " if w.stage else "") + w.message, label_width=6)
    _render_entities(doc, view)
    _render_places(doc, view)
    _render_dates(doc, view)
    view.heading(f"quotes ({len(doc.quotes)})")
    for n, q in enumerate(doc.quotes, 1):
        _render_quote(doc, n, q, view)
    view.heading(f"events ({len(doc.events)})")
    for e in doc.events:
        _render_event(doc, e, view)
    return "\n".join(view.lines) + "\n"


# ---------------------------------------------------------------- loading

def _from_lines(lines: Any, where: str, doc_id: str | None) -> tuple[Document, int]:
    """The chosen (or first) result among JSONL lines, and how many results there were."""
    chosen: Document | None = None
    count = 0
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ConfigError(f"{where}, line {n}: not JSON ({err.msg})") from err
        if not isinstance(data, dict) or "id" not in data:
            raise ConfigError(f"{where}, line {n}: not a marsad result (no 'id')")
        count += 1
        if chosen is None and (doc_id is None or str(data["id"]) == doc_id):
            try:
                chosen = Document.from_dict(data)
            except (KeyError, TypeError, ValueError) as err:
                raise ConfigError(f"{where}, line {n}: not a marsad result ({err!r})") from err
    if chosen is None:
        missing = f"no result with id {doc_id!r}" if doc_id else "no results"
        raise ConfigError(f"{where}: {missing}")
    return chosen, count


def load(target: str, *, doc_id: str | None, db: str | None) -> tuple[Document, int]:
    """The document to show and how many candidates the source held (1 for a store id)."""
    if target == "-":
        return _from_lines(sys.stdin, "stdin", doc_id)
    path = Path(target)
    if path.is_file():
        try:
            with path.open(encoding="utf-8") as fh:
                return _from_lines(fh, str(path), doc_id)
        except UnicodeDecodeError as err:
            raise ConfigError(f"{path} is not UTF-8 JSONL: {err}") from err
    with open_store(db or default_location(), create=False) as store:
        stored = store.get(doc_id or target)
    if stored is None:
        raise ConfigError(f"no document {doc_id or target!r} in the store, and no such file")
    return stored.document(), 1


def _versions(doc_id: str, db: str | None) -> list[StoredResult]:
    """Every stored version of ``doc_id``, oldest first, the current one last."""
    with open_store(db or default_location(), create=False) as store:
        current = store.get(doc_id)
        if current is None:
            raise ConfigError(f"no document {doc_id!r} in the store")
        return [*store.history(doc_id), current]


def _history_lines(versions: list[StoredResult]) -> str:
    lines = []
    for v in versions:
        doc = v.document()
        stamp = dt.datetime.fromtimestamp(v.stored_at).strftime("%Y-%m-%d %H:%M:%S")
        current = "  (current)" if v is versions[-1] else ""
        lines.append(f"version {v.version}  stored {stamp}  content {v.content_hash[:12]}  "
                     f"{plural(len(doc.events), 'event')}, {plural(len(doc.quotes), 'quote')}, "
                     f"{plural(len(doc.warnings), 'warning')}{current}\n")
    return "".join(lines)


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad show``; return the exit code."""
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    if args.history or args.stored_version is not None:
        versions = _versions(args.doc_id or args.target, args.db)
        if args.history:
            sys.stdout.write(_history_lines(versions))
            return 0
        chosen = next((v for v in versions if v.version == args.stored_version), None)
        if chosen is None:
            raise ConfigError(f"{args.doc_id or args.target!r} has no stored version {args.stored_version} "
                              f"(it has {', '.join(str(v.version) for v in versions)})")
        sys.stdout.write(render(chosen.document(), visual=args.visual, width=width))
        return 0
    doc, count = load(args.target, doc_id=args.doc_id, db=args.db)
    sys.stdout.write(render(doc, visual=args.visual, width=width))
    if count > 1 and args.doc_id is None:
        print(f"marsad show: showed the first of {count} results; pick another with --id", file=sys.stderr)
    return 0
