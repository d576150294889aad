"""Fixtures of the scale-out tests: an ANT sample with the local engine's results, a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.scale.samples import local_lines, write_sample


@pytest.fixture(scope="session")
def sample200(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """200 ANT articles in a JSONL file, and the local engine's lines for them."""
    path = write_sample(tmp_path_factory.mktemp("ant") / "ant200.jsonl", 200)
    return path, local_lines([str(path)])


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A client of a 2-worker LocalCluster (processes, one thread each), shared by a module's tests."""
    import distributed  # the dask extra: .ci/run installs it, and a missing one fails here, not skips
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        yield client
