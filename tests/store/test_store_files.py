"""Which files a store location names: what the CLI must never write an output over (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.store import store_file, store_files


@pytest.mark.parametrize(("location", "expected"), [
    ("runs/a.db", Path("runs/a.db")),
    (Path("/tmp/a.db"), Path("/tmp/a.db")),
    ("sqlite:///runs/a.db", Path("runs/a.db")),
    ("sqlite:////tmp/a.db", Path("/tmp/a.db")),
    ("SQLITE:///a.db", Path("a.db")),
    ("postgresql://localhost/marsad", None),
])
def test_store_file_of_a_location(location: str | Path, expected: Path | None) -> None:
    assert store_file(location) == expected


def test_store_files_include_the_write_ahead_log_and_shared_memory() -> None:
    assert store_files("sqlite:////tmp/s.db") == (Path("/tmp/s.db"), Path("/tmp/s.db-wal"),
                                                  Path("/tmp/s.db-shm"), Path("/tmp/s.db-journal"))
    assert store_files("postgresql://localhost/marsad") == ()


def test_store_file_of_an_unknown_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="scheme"):
        store_file("mysql://h/db")
