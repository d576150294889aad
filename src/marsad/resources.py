"""Packaged data: finding, reading and checking lexicons, gazetteers and models.

Everything is read through ``importlib.resources`` from ``marsad/data``, lazily and cached, so
nothing happens at import time and nothing is ever written into the installed package.
``data/MANIFEST.json`` lists each built or curated file with its SHA-256; ``verify_data()`` checks
them (``marsad data verify``) and ``scripts/update_manifest.py`` rewrites the manifest.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from marsad.errors import DataFileError


def data_path(relative: str) -> Traversable:
    """The packaged file ``marsad/data/<relative>`` (which may not exist)."""
    node: Traversable = files("marsad") / "data"
    for part in relative.split("/"):
        node = node / part
    return node


def read_bytes(relative: str) -> bytes:
    """Bytes of a packaged data file; DataFileError when it is not installed."""
    path = data_path(relative)
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as err:
        raise DataFileError(f"data file {relative!r} is not installed (expected {path})") from err


def read_text(relative: str) -> str:
    return read_bytes(relative).decode("utf-8")


@functools.cache
def read_tsv(relative: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a packaged TSV file, skipping blank lines and ``#`` comment lines."""
    rows = []
    for line in read_text(relative).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@functools.cache
def read_json(relative: str) -> Any:
    try:
        return json.loads(read_bytes(relative))
    except json.JSONDecodeError as err:
        raise DataFileError(f"data file {relative!r} is not valid JSON: {err}") from err


def versioned_model(metadata: str, weights: str,
                    features_version: int) -> tuple[dict[str, Any], tuple[tuple[str, ...], ...]] | None:
    """A packaged model's metadata and weight rows, or None when either file is missing or unreadable,
    or the model was trained on other features than the code now computes (it would score nonsense)."""
    try:
        meta = read_json(metadata)
        rows = read_tsv(weights)
    except DataFileError:
        return None
    if not isinstance(meta, dict) or meta.get("features_version") != features_version:
        return None
    return meta, rows


def manifest() -> dict[str, Any]:
    """The parsed ``data/MANIFEST.json``: ``{"files": {relative path: {"sha256": ..., ...}}}``."""
    data = read_json("MANIFEST.json")
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise DataFileError("data/MANIFEST.json has no 'files' table")
    return data


def verify_data() -> list[str]:
    """Problems with the packaged data (missing files, digest mismatches); empty when all is well."""
    problems = []
    for relative, entry in sorted(manifest()["files"].items()):
        try:
            digest = hashlib.sha256(read_bytes(relative)).hexdigest()
        except DataFileError as err:
            problems.append(str(err))
            continue
        if digest != entry.get("sha256"):
            problems.append(f"data file {relative!r} does not match its manifest digest "
                            f"(rebuild it or run scripts/update_manifest.py)")
    return problems
