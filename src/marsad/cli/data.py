"""``marsad data verify``: check the packaged data files against ``data/MANIFEST.json``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from marsad.resources import manifest, verify_data


def add_parser(subparsers: Any) -> None:
    """Register ``data`` (with its ``verify`` action) on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "data", help="check the packaged lexicons, gazetteer and models", description=__doc__)
    actions = p.add_subparsers(dest="data_action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="compare every packaged data file with its manifest digest")
    verify.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the problems found and return 2, or a one-line confirmation and 0."""
    problems = verify_data()
    if problems:
        for problem in problems:
            print(f"marsad data: {problem}", file=sys.stderr)
        print(f"marsad data: {len(problems)} problem(s) with the packaged data", file=sys.stderr)
        return 2
    print(f"marsad data: {len(manifest()['files'])} data files match data/MANIFEST.json", file=sys.stderr)
    return 0
