"""``marsad train --gold DIR [--gold DIR ...] [--repo PATH] [--shared PATH]``: retrain with reviewed articles.

Retrains the event-confidence model (scripts/train_event_confidence.py: same data, same
cross-validation, deterministic L-BFGS) with the gold files of the given folders added to its
training sentences (``marsad export --format gold`` writes them from the review desk: every
reviewed event's sentence says "reports an event", every rejection with a reason says it does
not), then refreshes the data manifest (scripts/update_manifest.py) so ``marsad data verify``
holds. The new weights replace the packaged ones in the checkout; reinstall to use them elsewhere.

Training needs a source checkout of marsad (the scripts and ``../shared``'s training data are
not in the installed package); run from an installed package alone, ``marsad train`` says so and
exits 2. The entity tagger (scripts/train_ner.py) trains on ANERcorp's token labels, which gold
files do not carry, so it is not retrained here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

SCRIPT = Path("scripts") / "train_event_confidence.py"


def add_parser(subparsers: Any) -> None:
    """Register ``train`` on the ``marsad`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "train", help="retrain the event-confidence model with reviewed gold (from a source checkout)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", action="append", required=True, metavar="DIR", help="folder of gold files (repeatable)")
    p.add_argument("--repo", metavar="PATH", help="the marsad checkout (default: the one this marsad runs from)")
    p.add_argument("--shared", metavar="PATH", help="the shared data folder (default: REPO/../shared)")
    p.set_defaults(func=run)


def find_checkout(explicit: str | None) -> Path | None:
    """The source checkout: --repo, else the tree holding this package when it is an editable install."""
    import marsad

    candidates = [Path(explicit)] if explicit else [Path(marsad.__file__).resolve().parents[2], Path.cwd()]
    for root in candidates:
        if (root / SCRIPT).is_file() and (root / "pyproject.toml").is_file():
            return root
    return None


def run(args: argparse.Namespace) -> int:
    """Carry out ``marsad train``; return the exit code."""
    repo = find_checkout(args.repo)
    if repo is None:
        print("marsad train retrains from a source checkout of marsad (its scripts/ and the training data "
              "in ../shared are not part of the installed package): clone the repository, install it with "
              "pip install -e . and run marsad train there, or pass --repo PATH", file=sys.stderr)
        return 2
    shared = Path(args.shared) if args.shared else repo.parent / "shared"
    if not (shared / "data").is_dir():
        raise ConfigError(f"{shared} holds no training data (data/); pass --shared PATH")
    golds = [Path(g) for g in args.gold]
    for folder in golds:
        if not folder.is_dir() or not any(folder.glob("*.json")):
            raise ConfigError(f"--gold {folder}: no gold files (*.json) there")
    cmd = [sys.executable, str(repo / SCRIPT), "--shared", str(shared)]
    for folder in golds:
        cmd += ["--gold", str(folder.resolve())]
    print("marsad train: " + " ".join(cmd), file=sys.stderr)
    if subprocess.run(cmd, cwd=repo, check=False).returncode != 0:
        return 1
    return subprocess.run([sys.executable, str(repo / "scripts" / "update_manifest.py")], cwd=repo,
                          check=False).returncode
