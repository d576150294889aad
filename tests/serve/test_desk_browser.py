"""The review desk in a real browser: Playwright for Python driving Debian's chromium.

Marked ``browser``. The browser is /usr/bin/chromium (installed by scripts/ci/browser.sh, never by
``playwright install``); where it is missing the tests skip, except in CI (CI=true), where a
missing browser is a failure. Screenshots of the article view and the map are written to
$MARSAD_SCREENS (default tests/output/screens).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.document import Document
from marsad.serve.app import ServeSettings, create_app
from marsad.serve.storecatalog import StoreCatalog
from marsad.store import open_store

from .conftest import HOSTILE_TEXT, REPO, hostile_doc

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-quic", "--disable-dev-shm-usage"]
SCREENS = Path(os.environ.get("MARSAD_SCREENS", REPO / "tests" / "output" / "screens"))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason} (scripts/ci/browser.sh installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (bash scripts/ci/browser.sh)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield b
        b.close()


class Server:
    """uvicorn serving the app on a free loopback port, in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture()
def desk(example_doc: Document, tmp_path: Path) -> Iterator[tuple[str, StoreCatalog, str]]:
    """The desk on an SQLite store holding the example and the hostile article."""
    store = open_store(tmp_path / "desk.db")
    store.put_many([Document.from_dict(example_doc.to_dict()), hostile_doc()])
    token = store.create_token("reviewer-1")
    catalog = StoreCatalog(store)
    try:
        with Server(create_app(catalog, ServeSettings())) as base:
            yield base, catalog, token
    finally:
        store.close()


class Keys:
    """Presses keys and counts them: the keyboard-only correction must take under ten."""

    def __init__(self, page: Any) -> None:
        self.page, self.count = page, 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1


def _page(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    page = context.new_page()
    off_host: list[str] = []
    page.on("request", lambda req: None if req.url.startswith(base) else off_host.append(req.url))
    return context, page, off_host


def _sign_in(page: Any, base: str, token: str) -> None:
    page.goto(f"{base}/desk/login")
    page.fill("input[name=token]", token)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/desk")


def test_review_an_article_end_to_end(browser: Any, desk: tuple[str, StoreCatalog, str],
                                      example_doc: Document, tmp_path: Path) -> None:
    import httpx

    base, catalog, token = desk
    context, page, off_host = _page(browser, base)
    _sign_in(page, base, token)

    # the queue: both articles, with counts; Enter opens the selected one
    assert page.locator(".queue-item").count() == 2
    assert page.locator("[data-count=pending]").inner_text() == "2"
    assert page.get_attribute("html", "dir") == "rtl"
    for _ in range(2):  # j moves down the queue to the example article
        if page.get_attribute(".queue-item.selected", "data-doc") == example_doc.id:
            break
        page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/desk/doc/{example_doc.id}*")

    # every highlighted span shows exactly the stored span's text
    text = example_doc.text
    marks = page.eval_on_selector_all(
        "#article-text mark.ann",
        "ms => ms.map(m => [m.dataset.kind, +m.dataset.start, +m.dataset.end, m.textContent])")
    assert any(k == "entity" for k, *_ in marks) and any(k == "evidence" for k, *_ in marks)
    assert any(k == "quote" for k, *_ in marks)

    for kind, start, end, shown in marks:
        assert shown == text[start:end], (kind, start, end)
    first_entity = example_doc.entities[0]
    shown = page.locator(f'mark.ann-entity[data-start="{first_entity.start}"][data-end="{first_entity.end}"]')
    assert shown.first.inner_text() == first_entity.text
    assert page.eval_on_selector("#article-text", "e => getComputedStyle(e).direction") == "rtl"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "article.png"), full_page=True)

    ids = [e.id for e in example_doc.events]
    # accept the first event with the mouse
    page.click(f"#card-{ids[0]} button.accept")
    page.wait_for_selector(f"#card-{ids[0]}.state-accepted")
    page.wait_for_selector("#doc-state:text('in_review')")  # the header follows, out of band
    # reject the second with the keyboard
    page.keyboard.press("j")
    page.keyboard.press("r")
    page.wait_for_selector(f"#card-{ids[1]}.state-rejected")

    # correct the third with the keyboard alone, counting keystrokes: select it, edit, next type, save
    keys = Keys(page)
    keys.press("j")
    page.wait_for_selector(f"#card-{ids[2]}.selected")
    before_type = example_doc.events[2].event_type
    keys.press("e")
    page.wait_for_selector(f"#card-{ids[2]} .edit-form select[name=event_type]:focus")
    keys.press("ArrowDown")
    keys.press("Enter")
    page.wait_for_selector(f"#card-{ids[2]}.state-edited")
    assert keys.count < 10, f"a keyboard correction took {keys.count} keystrokes"
    reviewed = catalog.reviewed(example_doc.id)
    assert reviewed is not None
    edited = next(e for e in reviewed.document.events if e.id == ids[2])
    assert edited.event_type != before_type
    last = [e for e in reviewed.edits if e.event_id == ids[2]][-1]
    assert last.reviewer == "reviewer-1" and last.before is not None and last.after is not None
    assert last.before["event_type"] == before_type and last.after["event_type"] == edited.event_type

    # a refused edit says why (htmx does not swap errors: the page shows the server's message)
    page.click(f"#card-{ids[0]} button.edit")
    page.wait_for_selector(f"#card-{ids[0]} .edit-form")
    page.fill(f"#card-{ids[0]} .edit-form input[name=date]", "2023-02-30")
    page.keyboard.press("Enter")
    page.wait_for_selector("#flash:not([hidden])")
    assert "2023-02-30" in page.inner_text("#flash")
    page.keyboard.press("Escape")

    # add a missed event by selecting its sentence
    sentence = next(s for s in text.split("\n") if s.strip() and not any(
        e.evidence.start <= text.index(s) < e.evidence.end for e in example_doc.events))
    start = text.index(sentence)
    page.evaluate("""([s, e]) => {
        const root = document.getElementById('article-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let pos = 0, range = document.createRange(), node;
        const cp = (t) => Array.from(t).length;
        while ((node = walker.nextNode())) {
            const n = cp(node.data);
            const at = (k) => Array.from(node.data).slice(0, k - pos).join('').length;
            if (pos <= s && s <= pos + n && !range._s) { range.setStart(node, at(s)); range._s = 1; }
            if (pos <= e && e <= pos + n) { range.setEnd(node, at(e)); break; }
            pos += n;
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", [start, start + len(sentence)])
    page.keyboard.press("n")
    page.wait_for_selector("#add-panel:not([hidden])")
    assert page.inner_text("#add-preview").strip() == sentence.strip()
    page.select_option("#add-form select[name=event_type]", "Violence against civilians")
    page.select_option("#add-form select[name=sub_event_type]", "Attack")
    with page.expect_navigation():
        page.click("#add-form button[type=submit]")
    added = page.locator(".card.state-added")
    assert added.count() == 1

    # the changes are in the API
    api = httpx.get(f"{base}/documents/{example_doc.id}").json()
    states = api["review"]["events"]
    assert states[ids[0]] == "accepted" and states[ids[1]] == "rejected" and states[ids[2]] == "edited"
    assert ids[1] not in {e["id"] for e in api["events"]}, "a rejected event is not served"
    new = [e for e in api["events"] if states.get(e["id"]) == "added"]
    assert len(new) == 1 and new[0]["evidence"]["text"].strip() == sentence.strip()
    assert text[new[0]["evidence"]["start"]:new[0]["evidence"]["end"]] == new[0]["evidence"]["text"]
    rows = httpx.get(f"{base}/events", params={"article_id": example_doc.id, "review_state": "edited"}).json()
    assert [r["event_id"] for r in rows["data"]] == [ids[2]]

    # mark the article done (d) and find it in the gold export
    page.keyboard.press("d")
    page.wait_for_selector("#doc-state:text('reviewed')")
    gold = _gold_export(catalog, tmp_path / "gold")
    mine = gold[example_doc.id]
    evidence = {e["evidence"] for e in mine["events"]}
    assert example_doc.events[0].evidence.text in evidence
    assert example_doc.events[1].evidence.text not in evidence
    assert any(e["event_type"] == edited.event_type and e["evidence"] == example_doc.events[2].evidence.text
               for e in mine["events"])
    assert any(e["evidence"].strip() == sentence.strip() and e["event_type"] == "Violence against civilians"
               for e in mine["events"])

    # the map and the timeline, following the filters
    page.goto(f"{base}/desk/map?country=IQ")
    page.wait_for_selector("#map[data-ready]", timeout=20_000)
    page.wait_for_selector("#timeline[data-ready] svg", timeout=20_000)
    assert int(page.get_attribute("#map", "data-ready") or 0) >= 1
    assert page.locator("path.leaflet-interactive").count() >= 1
    page.screenshot(path=str(SCREENS / "map.png"), full_page=True)
    assert off_host == [], f"requests left the host: {off_host[:5]}"
    context.close()


def _gold_export(catalog: StoreCatalog, folder: Path) -> dict[str, dict[str, Any]]:
    from marsad.cli import main

    db = str(catalog.store.engine.url.database)
    assert main(["export", "--format", "gold", "-o", str(folder), "--db", db]) == 0
    return {g["id"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json"))}


def test_hostile_article_shows_markup_as_text(browser: Any, desk: tuple[str, StoreCatalog, str]) -> None:
    base, _catalog, token = desk
    context, page, off_host = _page(browser, base)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _sign_in(page, base, token)
    page.goto(f"{base}/desk/doc/hostile-1")
    page.wait_for_selector("#article-text")
    assert page.title() != "pwned" and dialogs == []
    assert page.inner_text("#article-text") == HOSTILE_TEXT
    assert page.locator("#article-text script, #article-text img, h1 img, h1 b, .card img").count() == 0
    assert "<script>" in page.inner_text("#article-text")
    assert '"><img src=x onerror=' in page.inner_text("#article-text")
    assert '"><img src=x onerror=alert(1)>' in page.inner_text("h1")
    assert '<script>alert("notes")</script>' in page.inner_text(".card .notes")
    time.sleep(0.3)  # an onerror handler would have fired by now
    assert page.title() != "pwned" and dialogs == []
    assert off_host == [], "an injected <img src> would have been requested"
    context.close()
    json.dumps(dialogs)
