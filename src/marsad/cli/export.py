"""``marsad export --format csv|jsonl|geojson [--since D] [--until D] [--country C] [--min-confidence P] [-o F]``.

Reads the store (``--db``, else ``$MARSAD_DB``, else ``./marsad.db``) and writes ACLED-style CSV
(one row per event, UTF-8 with a byte order mark), JSON Lines (one document result per line), or a
GeoJSON FeatureCollection of the events that have coordinates. ``--since``/``--until`` keep events
whose date (or, when undated, whose article's published date) lies in the range, inclusive;
``--country`` keeps events located in that country; ``--min-confidence P`` leaves out violence and
protest events whose confidence (how surely their sentence reports them) is below P (JSON Lines
keeps whole documents). Without ``-o`` the export goes to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.cli.paths import refuse_overwriting
from marsad.document import Document
from marsad.errors import ConfigError
from marsad.export.csv import write_csv
from marsad.export.geojson import write_geojson
from marsad.export.jsonl import write_jsonl
from marsad.store.base import EventFilter, Store, default_location, open_store

FORMATS = ("csv", "jsonl", "geojson")


def add_parser(subparsers: Any) -> None:
    """Register ``export`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="stored results as ACLED-style CSV, JSONL or GeoJSON",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", required=True, choices=FORMATS, help="output format")
    p.add_argument("--since", type=_date_arg, metavar="YYYY-MM-DD", help="events on or after this date")
    p.add_argument("--until", type=_date_arg, metavar="YYYY-MM-DD", help="events on or before this date")
    p.add_argument("--country", type=_country_arg, metavar="ISO2", help="events in this country (e.g. IQ)")
    p.add_argument("--min-confidence", type=_confidence_arg, metavar="P",
                   help="leave out violence and protest events scored below P (0-1; see events.confidence)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--db", metavar="PATH", help="result store (default: $MARSAD_DB or ./marsad.db)")
    p.set_defaults(func=run)


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from err


def _confidence_arg(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a confidence; write a number from 0 to 1")
    return number


def _country_arg(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 3166-1 alpha-2 code (IQ, TN, SY ...)")
    return code


def _documents(store: Store, events: EventFilter) -> Iterator[tuple[Document, float | None]]:
    for stored in store.iter_results(events=events):
        yield stored.document(), stored.stored_at


def export(store: Store, fmt: str, out: IO[str], *, events: EventFilter | None = None) -> tuple[int, int]:
    """Write the store's results in ``fmt`` to ``out``; return (records written, events left out).

    Records are events for csv/geojson and documents for jsonl; only geojson leaves events out
    (those without coordinates).
    """
    flt = events or EventFilter()
    keep = None if flt.empty else flt.keeps
    if fmt == "csv":
        return write_csv(_documents(store, flt), out, keep=keep), 0
    if fmt == "geojson":
        return write_geojson(_documents(store, flt), out, keep=keep)
    if fmt == "jsonl":
        return write_jsonl((r.line for r in store.iter_results(events=flt)), out), 0
    raise ConfigError(f"unknown export format {fmt!r}; allowed: {', '.join(FORMATS)}")


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad export``; return the exit code."""
    if args.since and args.until and args.since > args.until:
        raise ConfigError(f"--since {args.since} is after --until {args.until}")
    events = EventFilter(since=args.since, until=args.until, country=args.country,
                         min_confidence=args.min_confidence)
    db = args.db or default_location()
    refuse_overwriting(args.output, store=db)
    with open_store(db, create=False) as store:
        if args.output and args.output != "-":
            target = Path(args.output)
            try:
                # newline="" because the csv module writes its own \r\n line ends
                out: IO[str] = target.open("w", encoding="utf-8", newline="")
            except OSError as err:
                raise ConfigError(f"cannot write {target}: {err.strerror or err}") from err
            with out:
                written, skipped = export(store, args.format, out, events=events)
        else:
            written, skipped = export(store, args.format, sys.stdout, events=events)
            sys.stdout.flush()
    unit = "documents" if args.format == "jsonl" else "events"
    line = f"marsad export: {written} {unit} as {args.format}"
    if skipped:
        line += f"; {skipped} events without coordinates left out"
    print(line, file=sys.stderr)
    return 0
