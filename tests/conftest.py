"""Shared fixtures: hand-built documents, the dev gold set, and network/hub isolation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from marsad.document import Actor, Article, Document, Mention
from marsad.text.normalize import normalize_text
from marsad.text.segment import segment_text

# CI runs property tests derandomized, so that a red build can be reproduced; locally they explore.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "dev"
SEED_TEXT = SHARED / "seeds" / "000_d2821003819c572d.txt"

# any accidental model-hub call fails at once instead of retrying for 45 s
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _need_shared(path: Path) -> None:
    # In CI ../shared is always there; a missing one is a broken checkout, not a reason to skip.
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: tests read real articles from ../shared")


@pytest.fixture()
def make_doc() -> Callable[..., Document]:
    """Build a segmented document by hand; entities are placed by searching their surface text.

    ``entities`` is a list of ``(surface, type)`` or ``(surface, type, actor_name)``; the n-th
    occurrence is taken when the same surface is listed n times.
    """

    def build(text: str, *, entities: list[tuple[str, ...]] = (), published: str | None = None,  # type: ignore[assignment]
              title: str | None = None, doc_id: str = "t1") -> Document:
        doc = Document(article=Article(id=doc_id, text=text, title=title, published=published))
        from marsad.pipeline import parse_published
        doc.cache["published_date"] = parse_published(published)
        normalize_text(doc)
        segment_text(doc)
        seen: dict[str, int] = {}
        for i, spec in enumerate(entities, 1):
            surface, etype = spec[0], spec[1]
            start = -1
            for _ in range(seen.get(surface, 0) + 1):
                start = text.index(surface, start + 1)
            seen[surface] = seen.get(surface, 0) + 1
            mention = Mention(id=f"m{i}", type=etype, text=surface, start=start,
                              end=start + len(surface), source="test")
            if len(spec) > 2:
                actor = next((a for a in doc.actors if a.name == spec[2]), None)
                if actor is None:
                    actor = Actor(id=f"a{len(doc.actors) + 1}", name=spec[2], type=etype)
                    doc.actors.append(actor)
                mention.actor_id = actor.id
            doc.entities.append(mention)
        doc.entities.sort(key=lambda m: m.start)
        return doc

    return build


def load_gold() -> list[dict[str, Any]]:
    _need_shared(DEV)
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]


@pytest.fixture(scope="session")
def gold_articles() -> list[dict[str, Any]]:
    """The public gold articles of ../shared/data/dev (format: ../shared/eval/SCHEMA.md)."""
    return load_gold()


@pytest.fixture(scope="session")
def seed_text() -> str:
    _need_shared(SEED_TEXT)
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture()
def shared_dir() -> Iterator[Path]:
    _need_shared(SHARED)
    yield SHARED


# --- a real PostgreSQL server for the store tests (marked `postgres`) ---------------------------
# The suite starts its own throw-away server from Debian's postgresql package: initdb into a
# temporary directory as the unprivileged `postgres` user (the server refuses to run as root),
# pg_ctl start on a free loopback port, about a second. Where the package cannot be installed the
# tests skip with the reason; in CI (CI=true) that is a failure: scripts/ci/postgres.sh installs it.


def _postgres_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else None


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests cannot run: {reason} (install it: bash scripts/ci/postgres.sh)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " — in CI this is a failure, not a skip")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running PostgreSQL server for this test session; yields its base URL (no database)."""
    import shutil
    import socket
    import subprocess
    import tempfile

    bindir = _postgres_bindir()
    if bindir is None:
        _unavailable("no server binaries under /usr/lib/postgresql/*/bin")
        raise AssertionError("unreachable")
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        _unavailable("the psycopg driver is not installed (pip install -e '.[postgres]')")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    datadir = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    if as_root:
        shutil.chown(datadir, "postgres", "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(datadir / "data"), "-U", "postgres",
                        "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(datadir / "data"), "-l",
                        str(datadir / "server.log"), "-w", "-t", "60", "-o",
                        f"-p {port} -k {datadir} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off", "start"],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as err:
        detail = getattr(err, "stderr", b"") or b""
        shutil.rmtree(datadir, ignore_errors=True)
        _unavailable(f"the server did not start: {err} {detail.decode(errors='replace')[-500:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(datadir / "data"), "-m", "immediate",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(datadir, ignore_errors=True)


_pg_databases = iter(range(1, 1_000_000))


@pytest.fixture()
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new empty database on the session's server, dropped after the test; yields its URL."""
    import psycopg

    name = f"marsad_test_{next(_pg_databases)}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{postgres_server}/{name}"
    finally:
        with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store test opens its store: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture()
def check_ant_store() -> Callable[[str, Path], None]:
    """``check(url, results)``: a store filled by ``marsad extract`` of all ANT holds every article of
    the run's output and every event, each linked to exactly one incident."""
    from marsad.store import EventQuery, open_store

    def check(url: str, results: Path) -> None:
        with results.open(encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh]
        events = sum(len(d["events"]) for d in docs)
        with open_store(url) as store:
            assert store.count() == len(docs) == 10_101
            assert store.count_events() == events
            assert sum(len(i.events) for i in store.iter_incidents()) == events
            assert 0 < store.count_incidents() <= events
            assert store.count_events(EventQuery(country=("Tunisia",))) > 0

    return check
