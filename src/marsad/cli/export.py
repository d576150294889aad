"""``marsad export --format csv|jsonl|geojson|parquet [--incidents] [--since D] [--until D] [--country C]``.

Reads the store (``--db``, else ``$MARSAD_DB``, else ``$MARSAD_DATABASE_URL``, else ``./marsad.db``)
and writes ACLED-style CSV (one row per event, UTF-8 with a byte order mark, with its
``incident_id``), JSON Lines (one document result per line, every event with its ``incident_id``),
a GeoJSON FeatureCollection of the events that have coordinates, or Parquet (needs
``pip install 'marsad[parquet]'``; ``-o FILE`` required). ``--incidents`` writes one row per
incident instead (ACLED's row of one real-world event: ``event_id_cnty`` is the incident id and
``source`` every outlet that reported it; JSON Lines: one incident with its reports per line).
``--since``/``--until`` keep events whose date (or, when undated, whose article's published date)
lies in the range, inclusive; ``--country`` keeps events located in that country;
``--min-confidence P`` leaves out violence and protest events whose confidence (how surely their
sentence reports them) is below P (JSON Lines keeps whole documents). Without ``-o`` the export
goes to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.cli.paths import refuse_overwriting
from marsad.cli.words import plural
from marsad.document import Document, Incident
from marsad.errors import ConfigError
from marsad.export.acled import COLUMNS, INCIDENT_COLUMNS, event_rows, incident_rows
from marsad.export.csv import write_csv, write_incidents_csv
from marsad.export.geojson import write_geojson, write_incidents_geojson
from marsad.export.jsonl import write_jsonl
from marsad.export.table import write_parquet
from marsad.store.base import EventFilter, EventQuery, Store, StoredResult, default_location, open_store

FORMATS = ("csv", "jsonl", "geojson", "parquet")


def add_parser(subparsers: Any) -> None:
    """Register ``export`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="stored results as ACLED-style CSV, JSONL or GeoJSON",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", required=True, choices=FORMATS, help="output format")
    p.add_argument("--incidents", action="store_true",
                   help="one row per incident (real-world event, all its sources) instead of per report")
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


def _incidents(store: Store, events: EventFilter) -> Iterator[Incident]:
    """The store's incidents in pages, newest first, filtered like the events."""
    return store.iter_incidents(EventQuery(country=(events.country,) if events.country else (),
                                           since=events.since, until=events.until))


def _jsonl_line(stored: StoredResult) -> str:
    # the line as stored, byte for byte, unless incidents were linked: then its events say which
    return json.dumps(stored.to_dict(), ensure_ascii=False) if stored.incident_ids else stored.line


def export(store: Store, fmt: str, out: IO[str] | None, *, events: EventFilter | None = None,
           incidents: bool = False, path: str | None = None) -> tuple[int, int]:
    """Write the store's results in ``fmt`` to ``out`` (Parquet: to ``path``); return (records, left out).

    Records are events (or incidents) for csv/geojson/parquet and documents (or incidents) for
    jsonl; only geojson leaves records out (those without coordinates).
    """
    flt = events or EventFilter()
    keep = None if flt.empty else flt.keeps
    if fmt == "parquet":
        if path is None:
            raise ConfigError("--format parquet writes a file: give -o FILE.parquet")
        if incidents:
            return write_parquet(incident_rows(_incidents(store, flt)), path, INCIDENT_COLUMNS), 0
        rows = (row for doc, stored_at in _documents(store, flt)
                for row in event_rows(doc, stored_at=stored_at, keep=keep))
        return write_parquet(rows, path, COLUMNS), 0
    assert out is not None
    if fmt == "csv":
        if incidents:
            return write_incidents_csv(_incidents(store, flt), out), 0
        return write_csv(_documents(store, flt), out, keep=keep), 0
    if fmt == "geojson":
        if incidents:
            return write_incidents_geojson(_incidents(store, flt), out)
        return write_geojson(_documents(store, flt), out, keep=keep)
    if fmt == "jsonl":
        if incidents:
            lines = (json.dumps(i.to_dict(), ensure_ascii=False) for i in _incidents(store, flt))
            return write_jsonl(lines, out), 0
        return write_jsonl((_jsonl_line(r) for r in store.iter_results(events=flt)), out), 0
    raise ConfigError(f"unknown export format {fmt!r}; allowed: {', '.join(FORMATS)}")


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad export``; return the exit code."""
    if args.since and args.until and args.since > args.until:
        raise ConfigError(f"--since {args.since} is after --until {args.until}")
    events = EventFilter(since=args.since, until=args.until, country=args.country,
                         min_confidence=args.min_confidence)
    db = args.db or default_location()
    refuse_overwriting(args.output, store=db)
    if args.format == "parquet" and (not args.output or args.output == "-"):
        raise ConfigError("--format parquet writes a file: give -o FILE.parquet")
    with open_store(db, create=False) as store:
        if args.format == "parquet":
            written, skipped = export(store, "parquet", None, events=events, incidents=args.incidents,
                                      path=args.output)
        elif args.output and args.output != "-":
            target = Path(args.output)
            try:
                # newline="" because the csv module writes its own \r\n line ends
                out: IO[str] = target.open("w", encoding="utf-8", newline="")
            except OSError as err:
                raise ConfigError(f"cannot write {target}: {err.strerror or err}") from err
            with out:
                written, skipped = export(store, args.format, out, events=events, incidents=args.incidents)
        else:
            written, skipped = export(store, args.format, sys.stdout, events=events, incidents=args.incidents)
            sys.stdout.flush()
    unit = "incident" if args.incidents else "document" if args.format == "jsonl" else "event"
    line = f"marsad export: {plural(written, unit)} as {args.format}"
    if skipped:
        line += f"; {plural(skipped, 'incident' if args.incidents else 'event')} without coordinates left out"
    print(line, file=sys.stderr)
    return 0
