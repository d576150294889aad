"""Fixtures of the server tests: the example article extracted once, a hostile article, an app."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.document import Actor, Article, Document, Event, Evidence, Mention, Quote
from marsad.serve.app import ServeSettings, create_app
from marsad.serve.auth import new_token
from marsad.serve.catalog import Catalog
from marsad.serve.memory import MemoryCatalog

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shirqat-attack.jsonl"
# An article whose text is an attack on the page that shows it: every marker must come out as text.
HOSTILE_TEXT = ('قال مسؤول إن <script>document.title="pwned"</script> مسلحين هاجموا "><img src=x '
                'onerror="document.title=\'pwned\'"> حاجزاً في الموصل وقتلوا جنديين.')


@pytest.fixture(scope="session")
def example_doc() -> Document:
    from marsad.pipeline import Pipeline

    record = json.loads(EXAMPLE.read_text(encoding="utf-8").splitlines()[0])
    doc = Pipeline().run(Article.from_dict(record))
    doc.check_offsets()
    assert len(doc.events) >= 3, "the example article codes several events"
    return doc


def hostile_doc() -> Document:
    text = HOSTILE_TEXT
    script = text.index("<script>")
    img = text.index('"><img')
    place = text.index("الموصل")
    sentence_end = text.rindex(".") + 1
    doc = Document(article=Article(id="hostile-1", text=text, title='<b>عنوان</b> "><img src=x onerror=alert(1)>',
                                   published="2023-03-14", source="<i>outlet</i>"))
    doc.entities = [Mention(id="m1", type="GPE", text="الموصل", start=place, end=place + len("الموصل"),
                            place_id=None),
                    Mention(id="m2", type="ORG", text=text[script:script + 8], start=script, end=script + 8)]
    doc.actors = [Actor(id="a1", name='"><img src=x onerror=alert(2)>', type="ORG")]
    doc.quotes = [Quote(speaker=None, speaker_text="مسؤول", speaker_role=None, anonymous=True, cue="قال",
                        direct=False, content=text[img:sentence_end - 1], start=img, end=sentence_end - 1)]
    doc.events = [Event(id="ev1", event_type="Battles", sub_event_type="Armed clash",
                        evidence=Evidence(start=0, end=sentence_end, text=text[:sentence_end]),
                        date="2023-03-14", fatalities=2, notes='<script>alert("notes")</script>')]
    doc.check_offsets()
    return doc


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def catalog(request: pytest.FixtureRequest, example_doc: Document, tmp_path: Path) -> Iterator[Catalog]:
    """The example and the hostile article, in memory, in an SQLite store, in a PostgreSQL store."""
    docs = [Document.from_dict(example_doc.to_dict()), hostile_doc()]
    if request.param == "memory":
        yield MemoryCatalog(docs)
        return
    from marsad.dedup import link_incidents
    from marsad.serve.storecatalog import StoreCatalog
    from marsad.store import open_store
    from marsad.store.sql import SQLStore

    url = str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = open_store(url)
    assert isinstance(store, SQLStore)
    store.put_many(docs)
    link_incidents(store)
    try:
        yield StoreCatalog(store)
    finally:
        store.close()


def add_token(catalog: Catalog, name: str) -> str:
    """A new read-write token for ``name`` in whichever catalog."""
    if isinstance(catalog, MemoryCatalog):
        value = new_token()
        catalog.add_token(value, name)
        return value
    from marsad.serve.storecatalog import StoreCatalog

    assert isinstance(catalog, StoreCatalog)
    return catalog.store.create_token(name)


@pytest.fixture()
def token(catalog: Catalog) -> str:
    return add_token(catalog, "alice")


@pytest.fixture()
def client(catalog: Catalog, token: str) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a 500 must show up as a response the tests can assert on
    with TestClient(create_app(catalog, ServeSettings(max_body_bytes=200_000)),
                    raise_server_exceptions=False) as c:
        yield c


def sign_in(client: TestClient, token: str) -> str:
    """Sign in through the desk's form; return the session's CSRF token."""
    form = client.get("/desk/login")
    login_csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert login_csrf is not None
    r = client.post("/desk/login", data={"token": token, "csrf": login_csrf.group(1), "next": "/desk"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/desk", r.text
    page = client.get("/desk")
    csrf = re.search(r'X-CSRF-Token": "([0-9a-f]+)"', page.text)
    assert csrf is not None
    return csrf.group(1)
