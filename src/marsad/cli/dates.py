"""``marsad dates TEXT [--published YYYY-MM-DD] [--json]``: the date expressions of a text, normalised.

Prints one line per expression: the surface text, the value (YYYY-MM-DD, YYYY-MM or YYYY; "-" when
unresolved), the precision with ACLED's time_precision, whether it is relative, and the rule that
decided. TEXT ``-`` reads the text from stdin. Labels are English; Arabic is wrapped in bidi isolates
(U+2068 … U+2069) so that a terminal with bidi support orders each line right.

  marsad dates "قُتل جنديان فجر أمس الاثنين" --published 2017-01-31
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from marsad.dates import normalize_dates
from marsad.document import Article, Document
from marsad.errors import ConfigError
from marsad.text.normalize import normalize_text

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def add_parser(subparsers: Any) -> None:
    """Register ``dates`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "dates", help="find and normalise the date expressions of a text",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", metavar="TEXT", help="Arabic text, or - to read it from stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date: the anchor of relative dates (أمس، الأحد الماضي)")
    p.add_argument("--json", action="store_true", help="print the dates and warnings as JSON")
    p.set_defaults(func=run)


def find_dates(text: str, published: str | None = None) -> Document:
    """Run the text layer and the dates stage on ``text``; the library call behind the command.

    Raises:
        ConfigError: ``published`` is not a YYYY-MM-DD date.
    """
    anchor: dt.date | None = None
    if published:
        try:
            anchor = dt.date.fromisoformat(published.strip()[:10])
        except ValueError as err:
            raise ConfigError(f"--published must be a date YYYY-MM-DD, got {published!r}") from err
    doc = Document(article=Article(id="cli", text=text, published=published))
    doc.cache["published_date"] = anchor
    normalize_text(doc)
    return normalize_dates(doc)


def run(args: argparse.Namespace) -> int:
    """Print the date expressions of ``args.text``; exit code 0."""
    text = sys.stdin.read() if args.text == "-" else args.text
    doc = find_dates(text, args.published)
    if args.json:
        out = {"published": args.published, "dates": [d.to_dict() for d in doc.dates],
               "warnings": [w.to_dict() for w in doc.warnings]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not doc.dates:
        print("no date expressions found")
    for d in doc.dates:
        print(f"{FSI}{d.text}{PDI}  [{d.start}:{d.end}]  value={d.value or '-'}  "
              f"precision={d.precision} (time_precision {d.time_precision})  "
              f"{'relative' if d.relative else 'absolute'}  rule={d.rule}")
    for w in doc.warnings:
        print(f"warning {w.code}: {w.message}", file=sys.stderr)
    return 0
