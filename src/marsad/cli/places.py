"""``marsad places TEXT [--published YYYY-MM-DD] [--json]``: the places of a text and why each was chosen.

Runs the pipeline up to the places stage (text layer, entities, actors, places) and prints one block
per place: its name, kind, first-level division, country, coordinates, ACLED geo_precision and the
rule of the cascade that decided, then the mentions that refer to it with their offsets. Region
expressions without a mention (المحافظات الجنوبية) are listed with their spans. Mentions typed as
places that found no place are listed last. TEXT ``-`` reads the text from stdin. Labels are
English; Arabic is wrapped in bidi isolates (U+2068 … U+2069).

  marsad places "سقطت قذيفة قرب مطار بغداد الدولي وأخرى في محافظة بابل"
  marsad places --candidates "اشتباكات في طرابلس"     # the gazetteer's other readings too
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from marsad.config import Config
from marsad.document import Article, Document, Mention
from marsad.errors import WarningCode
from marsad.pipeline import Pipeline
from marsad.places import PLACE_TYPES, packaged_gazetteer
from marsad.places.resolve import lookup

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
# The stages that the places stage reads from, and itself; later stages are not needed.
STAGES_UP_TO_PLACES = ("normalize", "segment", "entities", "actors", "places")


def add_parser(subparsers: Any) -> None:
    """Register ``places`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "places", help="show the places of a text: admin1, country, coordinates, precision, rule",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", metavar="TEXT", help="Arabic text, or - to read it from stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the article")
    p.add_argument("--json", action="store_true", help="print places, place mentions and warnings as JSON")
    p.add_argument("--candidates", action="store_true",
                   help="also list, for each place mention, the reading of its name that the gazetteer "
                        "knew and the candidates it offered")
    p.set_defaults(func=run)


def find_places(text: str, *, published: str | None = None, config: Config | None = None) -> Document:
    """Run the stages up to ``places`` on ``text``; the library call behind the command.

    The document keeps its working cache (``country``, ``place_spans``), unlike a full pipeline run.
    A failing stage is handled as the pipeline does: under the default "record" policy it becomes a
    W900 warning and the later stages run without its output.
    """
    pipeline = Pipeline(config)
    stages = [s for s in pipeline.stages if s.name in STAGES_UP_TO_PLACES]
    doc = pipeline.prepare(Article(id="cli", text=text, published=published))
    if not doc.text.strip():
        return doc
    raise_errors = pipeline.config.pipeline.on_error == "raise"
    for spec in stages:
        section = getattr(pipeline.config, spec.config_section) if spec.config_section else None
        try:
            doc = spec.func(doc, section)
        except Exception as err:  # the analyst still sees what the other stages found
            if raise_errors:
                raise
            doc.add_warning(WarningCode.STAGE_FAILED, f"stage {spec.name} failed: {err!r}", stage=spec.name)
    return doc


def _iso(text: str) -> str:
    return f"{FSI}{text}{PDI}"


def _print_candidates(mentions: list[Mention], limit: int = 6) -> None:
    gaz = packaged_gazetteer()
    for m in mentions:
        hit = lookup(m.text, gaz.candidates)
        if hit is None:
            print(f"candidates for {m.id} {_iso(m.text)}: none")
            continue
        reading, entries = hit
        flag = "  (also an ordinary word)" if gaz.is_ambiguous(reading.key) else ""
        print(f"candidates for {m.id} {_iso(m.text)}: reading {_iso(reading.key)} via {reading.via}{flag}")
        for e in entries[:limit]:
            print(f"    {e.id}  {e.name_en}  kind={e.kind}  admin1={e.admin1 or '-'}  "
                  f"country={e.country or '-'}  population={e.population}")
        if len(entries) > limit:
            print(f"    ... {len(entries) - limit} more")


def run(args: argparse.Namespace) -> int:
    """Print the places of ``args.text``; exit code 0."""
    text = sys.stdin.read() if args.text == "-" else args.text
    doc = find_places(text, published=args.published)
    spans: dict[str, list[tuple[int, int]]] = doc.cache.get("place_spans") or {}
    place_mentions = [m for m in doc.entities if m.type in PLACE_TYPES]
    if args.json:
        out = {"country": doc.cache.get("country"),
               "places": [p.to_dict() | {"spans": [list(s) for s in spans.get(p.id, [])]}
                          for p in doc.places],
               "mentions": [m.to_dict() for m in place_mentions],
               "warnings": [w.to_dict() for w in doc.warnings]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"article country: {doc.cache.get('country') or '-'}")
    if not doc.places:
        print("no places found")
    for p in doc.places:
        coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "-"
        print(f"{p.id}  {_iso(p.name)}  ({p.name_en or '-'})  kind={p.kind}  admin1={p.admin1 or '-'}  "
              f"country={p.country or '-'}  coords={coords}  geo_precision={p.geo_precision}  rule={p.rule}")
        by_id = {m.id: m for m in doc.entities}
        for mid in p.mention_ids:
            m = by_id[mid]
            print(f"    mention {m.id} {m.type} {_iso(m.text)} [{m.start}:{m.end}]")
        if not p.mention_ids:
            for start, end in spans.get(p.id, []):
                print(f"    expression {_iso(doc.text[start:end])} [{start}:{end}]")
    for m in place_mentions:
        if m.place_id is None:
            print(f"unresolved {m.type} {_iso(m.text)} [{m.start}:{m.end}]")
    if args.candidates:
        _print_candidates(place_mentions)
    for w in doc.warnings:
        print(f"warning {w.code}: {w.message}", file=sys.stderr)
    return 0
