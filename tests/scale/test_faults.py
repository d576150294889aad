"""Faults: a Dask worker killed mid-run, and the driver killed with SIGKILL mid-run.

After each, the results (resumed where the driver died) equal an uninterrupted run's: every
document once, none missing, byte for byte.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from marsad.config import load_config
from marsad.ingest import resolve_inputs
from marsad.scale.dask import DaskRunReport, run_dask
from marsad.scale.sinks import StoreSink
from tests.scale.samples import stored_ids, stored_lines


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created or migrated yet
        return 0


def _wait_for(condition: Any, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def test_killing_a_worker_mid_run_loses_and_duplicates_nothing(dask_client: Any, sample200: tuple[Path, list[str]],
                                                               tmp_path: Path) -> None:
    path, expected = sample200
    db = tmp_path / "dask.db"
    pids = dask_client.run(os.getpid)  # {worker address: process id}
    assert len(pids) == 2
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["report"] = run_dask(resolve_inputs([str(path)]), load_config(), StoreSink(str(db)),
                                         client=dask_client, partition_size=8)
        except BaseException as err:  # handed to the test thread
            outcome["error"] = err

    thread = threading.Thread(target=run)
    thread.start()
    _wait_for(lambda: _count(db) >= 30 or not thread.is_alive(), "the first results")
    at_kill = _count(db)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)  # the nanny starts a new worker; the scheduler reruns its task
    thread.join(timeout=300)
    assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
    report: DaskRunReport = outcome["report"]
    assert at_kill < 200, "the run ended before the worker was killed: the test proves nothing"
    assert report.partitions == 25 and sorted(report.reports) == list(range(25))
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == 200
    assert sorted(stored_lines(db)) == sorted(expected)
    _wait_for(lambda: len(dask_client.scheduler_info()["workers"]) == 2, "the replacement worker", 60)


def _extract(*args: str) -> list[str]:
    return [sys.executable, "-m", "marsad", "extract", *args]


def test_killing_the_driver_mid_run_and_resuming_equals_an_uninterrupted_run(
        sample200: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, expected = sample200
    db = tmp_path / "killed.db"
    common = [str(path), "--engine", "dask", "--workers", "2", "--partition-size", "8", "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # its own session, so that the workers it starts can be found and ended after the driver dies
    driver = subprocess.Popen(_extract(*common, "-o", str(tmp_path / "first.jsonl")), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for(lambda: _count(db) >= 30 or driver.poll() is not None, "the first results", 300)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(timeout=30)
    finally:
        # the LocalCluster's worker processes exit with their parent; any left are ended here
        try:
            os.killpg(driver.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if driver.stderr is not None:
            driver.stderr.close()
    at_kill = _count(db)  # no process of the killed run is left to add to it
    assert driver.returncode == -signal.SIGKILL
    assert 0 < at_kill < 200, f"{at_kill} results stored when the driver was killed: the test proves nothing"
    out = tmp_path / "resumed.jsonl"
    resumed = subprocess.run(_extract(*common, "--resume", "-o", str(out)), env=env, capture_output=True,
                             text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{at_kill} already stored (skipped)" in resumed.stderr  # the resume ran only what was missing
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == 200
    assert sorted(stored_lines(db)) == sorted(expected)
    assert out.read_text(encoding="utf-8").splitlines() == expected  # -o in input order, as the local engine's


@pytest.mark.slow
def test_a_second_kill_during_the_resume_still_ends_complete(sample200: tuple[Path, list[str]], tmp_path: Path) -> None:
    """Killed twice (once in the run, once in its resume), a third run completes the same results."""
    path, expected = sample200
    db = tmp_path / "twice.db"
    common = [str(path), "--engine", "dask", "--workers", "2", "--partition-size", "8", "--db", str(db), "--resume"]
    for floor in (20, 100):
        driver = subprocess.Popen(_extract(*common, "-o", os.devnull), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _wait_for(lambda f=floor, d=driver: _count(db) >= f or d.poll() is not None, "results", 300)
            os.kill(driver.pid, signal.SIGKILL)
            driver.wait(timeout=30)
        finally:
            try:
                os.killpg(driver.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    final = subprocess.run(_extract(*common, "-o", os.devnull), capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == 200
    assert sorted(stored_lines(db)) == sorted(expected)


def _pg_lines(url: str) -> list[str]:
    import psycopg
    try:
        with psycopg.connect(url) as conn:
            return [r[0] for r in conn.execute("SELECT result FROM documents")]
    except psycopg.errors.UndefinedTable:  # the run has not migrated the database yet
        return []


@pytest.mark.postgres
def test_killing_the_driver_on_postgresql_and_resuming_equals_an_uninterrupted_run(
        sample200: tuple[Path, list[str]], postgres_url: str, tmp_path: Path) -> None:
    path, expected = sample200
    common = [str(path), "--engine", "dask", "--workers", "2", "--partition-size", "8", "--db", postgres_url]
    driver = subprocess.Popen(_extract(*common, "-o", os.devnull), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for(lambda: len(_pg_lines(postgres_url)) >= 30 or driver.poll() is not None, "the first results", 300)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(timeout=30)
    finally:
        try:
            os.killpg(driver.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    at_kill = len(_pg_lines(postgres_url))
    assert driver.returncode == -signal.SIGKILL
    assert 0 < at_kill < 200, f"{at_kill} results stored when the driver was killed: the test proves nothing"
    out = tmp_path / "resumed.jsonl"
    resumed = subprocess.run(_extract(*common, "--resume", "-o", str(out)), capture_output=True, text=True,
                             timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{at_kill} already stored (skipped)" in resumed.stderr
    lines = _pg_lines(postgres_url)
    assert len(lines) == 200 and sorted(lines) == sorted(expected)
    assert out.read_text(encoding="utf-8").splitlines() == expected
