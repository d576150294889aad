"""The ``marsad`` command: a thin shell over library calls, one module per subcommand.

Exit codes: 0 the run finished (per-article warnings are summarised on stderr, not failures);
2 bad usage, configuration, data files or output path (found before the first article);
1 the run itself broke (the store went away ...; ``--resume`` continues it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

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
    "serve": "serve",
    "token": "token",
    "evaluate": "evaluate",
    "train": "train",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description=__doc__.split("\n")[0])
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``marsad`` command; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
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
    except KeyboardInterrupt:
        print("marsad: interrupted; committed results are kept (use --resume)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
