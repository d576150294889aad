"""Packaged data: every file the manifest lists is installed and matches its digest."""

import pytest

from marsad import resources
from marsad.errors import DataFileError


def test_packaged_data_matches_the_manifest() -> None:
    assert resources.verify_data() == []


def test_manifest_lists_every_packaged_data_file() -> None:
    listed = set(resources.manifest()["files"])
    root = resources.data_path("")
    found = set()
    stack = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        for child in node.iterdir():
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append((child, rel + "/"))
            elif rel != "MANIFEST.json":
                found.add(rel)
    assert found == listed


def test_missing_data_file_raises_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="not installed"):
        resources.read_bytes("lexicons/no-such-file.tsv")
