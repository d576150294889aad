"""The ``marsad`` command: a thin shell over library calls, one module per subcommand.

Exit codes: 0 the run finished (per-article warnings are summarised on stderr, not failures);
2 bad usage, configuration, data files or output path (found before the first article);
1 the run itself broke (the store went away ...; ``--resume`` continues it); 130 interrupted
(Ctrl-C) and 143 terminated (SIGTERM), each with a message: committed results are kept.

``marsad --help`` shows :data:`DESCRIPTION` and :data:`EPILOG`, written for users; the
subcommands' help is their module docstring with the reStructuredText marks taken off.
"""

from __future__ import annotations

import argparse
import importlib
import re
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from marsad import __version__
from marsad.errors import ConfigError, DataFileError, MarsadError, StoreError

# subcommand name -> module under marsad.cli that defines `add_parser(subparsers)` and `run(args)`
COMMANDS = {
    "extract": "extract",
    "show": "show",
    "export": "export",
    "places": "places",
    "dates": "dates",
    "data": "data",
}


DESCRIPTION = """\
marsad (مرصد): Arabic news articles about political violence in; structured, sourced,
geocoded event data out (entities, actors, places, dates, quotes and ACLED-style events).

Start with:
  marsad extract articles.jsonl -o results.jsonl   one JSON result per article
  marsad show ID                                   one stored result, readable
  marsad export --format csv -o events.csv         the stored events as ACLED-style CSV

Every result is also kept in a store: ./marsad.db, or $MARSAD_DB, or --db PATH.
`marsad COMMAND --help` explains a command and its options."""

EPILOG = """\
exit codes:
  0    done (warnings about single articles are summarised on stderr, not failures)
  2    bad usage, settings, data files or output path: found before the first article
  1    the run broke (committed results are kept; re-run with --resume)
  130  interrupted (Ctrl-C): committed results are kept (re-run with --resume)
  143  terminated (SIGTERM): committed results are kept (re-run with --resume)"""

_RST_MARKS = re.compile(r":[a-z]+:`([^`]+)`|``([^`]+)``")


def plain_text(doc: str) -> str:
    """A docstring for users: reStructuredText marks (``x``, :func:`x`) taken off.

    >>> plain_text("``marsad extract`` calls :func:`read_articles`.")
    'marsad extract calls read_articles.'
    """
    return _RST_MARKS.sub(lambda m: m.group(1) or m.group(2), doc)


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as after Ctrl-C (what is committed stays), then exits 143."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMANDS.values():
        try:
            module = importlib.import_module(f"marsad.cli.{module_name}")
        except ModuleNotFoundError as err:
            if err.name == f"marsad.cli.{module_name}":
                continue  # the subcommand is not built yet
            raise
        module.add_parser(sub)
    for subparser in sub.choices.values():
        if subparser.description:
            subparser.description = plain_text(subparser.description)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``marsad`` command; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args) or 0)
    except (ConfigError, DataFileError) as err:
        print(f"marsad: error: {err}", file=sys.stderr)
        return 2
    except StoreError as err:
        print(f"marsad: store error: {err}", file=sys.stderr)
        return 2 if getattr(err, "before_start", True) else 1
    except MarsadError as err:
        print(f"marsad: error: {err}", file=sys.stderr)
        return 1
    except Terminated:
        print("marsad: terminated (SIGTERM); committed results are kept (use --resume)", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("marsad: interrupted; committed results are kept (use --resume)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
