"""Several processes creating or migrating one store at the same moment all succeed (issue 15).

Before the fix, the schema version was read before the write transaction began: two processes
both saw an empty file, and the second failed with "table documents already exists".
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.store import SCHEMA_VERSION, open_store

from .test_store_history import write_v1_store

PROCESSES = 6
ROUNDS = 5

# Each process waits for the same start instant, then opens the store and stores one result.
WRITER = """
import sys, time
from marsad.document import Article, Document
from marsad.store import open_store
path, doc_id, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
with open_store(path) as store:
    store.put_many([Document(article=Article(id=doc_id, text="نص قصير للاختبار"))])
"""


def _run_at_once(path: Path, ids: list[str]) -> list[subprocess.CompletedProcess[str]]:
    start = time.time() + 1.0  # time for every interpreter to start and import marsad
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), doc_id, repr(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for doc_id in ids]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def _versions(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    finally:
        conn.close()


def test_store_created_by_several_processes_at_once(tmp_path: Path) -> None:
    for round_ in range(ROUNDS):
        path = tmp_path / f"new-{round_}.db"
        ids = [f"p{i}" for i in range(PROCESSES)]
        results = _run_at_once(path, ids)
        assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results if r.returncode]
        with open_store(path) as store:
            assert sorted(r.id for r in store.iter_results()) == ids
        assert _versions(path) == list(range(1, SCHEMA_VERSION + 1))  # each migration applied once


@pytest.mark.skipif(SCHEMA_VERSION < 2, reason="no migration after version 1 yet")
def test_store_migrated_by_several_processes_at_once(tmp_path: Path,
                                                     result_doc: Callable[..., Document]) -> None:
    for round_ in range(ROUNDS):
        path = tmp_path / f"v1-{round_}.db"
        write_v1_store(path, result_doc("old"))
        ids = [f"p{i}" for i in range(PROCESSES)]
        results = _run_at_once(path, ids)
        assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results if r.returncode]
        with open_store(path) as store:
            assert sorted(r.id for r in store.iter_results()) == ["old", *ids]
        assert _versions(path) == list(range(1, SCHEMA_VERSION + 1))
