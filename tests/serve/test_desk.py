"""The desk's pages and forms through the in-process client (the browser tests drive the same in chromium)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.document import Document
from marsad.serve.storecatalog import StoreCatalog

from .conftest import sign_in

pytestmark = pytest.mark.parametrize("catalog", ["memory", "sqlite"], indirect=True)


def test_pages_need_a_session(client: TestClient, example_doc: Document) -> None:
    for path in ("/desk", f"/desk/doc/{example_doc.id}", "/desk/map"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/desk/login?next=")
    assert client.get("/desk/places", params={"q": "بغداد"}).status_code == 401


def test_queue_filters_and_counts(client: TestClient, token: str, example_doc: Document) -> None:
    csrf = sign_in(client, token)
    page = client.get("/desk").text
    assert 'data-count="pending">2<' in page and example_doc.id in page
    only_iraq = client.get("/desk", params={"country": "IQ", "event_type": "Battles"}).text
    assert example_doc.id in only_iraq and "hostile-1" not in only_iraq
    assert "hostile-1" not in client.get("/desk", params={"since": "2024-01-01"}).text
    assert client.get("/desk", params={"state": "nonsense"}).status_code == 400
    assert client.get("/desk", params={"since": "yesterday"}).status_code == 400
    client.post(f"/desk/doc/{example_doc.id}/done", headers={"X-CSRF-Token": csrf})
    reviewed = client.get("/desk", params={"state": "reviewed"}).text
    assert example_doc.id in reviewed and "hostile-1" not in reviewed


def test_article_page_marks_and_cards(client: TestClient, token: str, example_doc: Document) -> None:
    sign_in(client, token)
    page = client.get(f"/desk/doc/{example_doc.id}")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    for e in example_doc.events:
        assert f'id="card-{e.id}"' in page.text
        assert f'data-kind="evidence" data-start="{e.evidence.start}" data-end="{e.evidence.end}"' in page.text
    assert "script-src 'self';" in page.headers["content-security-policy"]
    assert client.get("/desk/doc/no-such-doc").status_code == 404


def test_hostile_markup_is_escaped_everywhere(client: TestClient, token: str) -> None:
    sign_in(client, token)
    page = client.get("/desk/doc/hostile-1").text
    assert "<script>document" not in page and "<img src=x" not in page and "<b>عنوان" not in page
    assert "&lt;script&gt;" in page
    queue = client.get("/desk").text
    assert "<b>عنوان" not in queue and "&lt;b&gt;" in queue


def test_edit_validates_and_records_before_and_after(client: TestClient, token: str, example_doc: Document) -> None:
    csrf = sign_in(client, token)
    ev = example_doc.events[0]
    url = f"/desk/doc/{example_doc.id}/events/{ev.id}/edit"
    form = client.get(url)
    assert form.status_code == 200 and 'name="fatalities"' in form.text
    bad = client.post(url, headers={"X-CSRF-Token": csrf}, data={"event_type": ev.event_type,
                                                                 "sub_event_type": ev.sub_event_type,
                                                                 "date": "2023-02-30"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E_BAD_EDIT"
    mismatch = client.post(url, headers={"X-CSRF-Token": csrf}, data={"event_type": "Protests",
                                                                      "sub_event_type": "Armed clash"})
    assert mismatch.status_code == 422
    ok = client.post(url, headers={"X-CSRF-Token": csrf}, data={
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type, "fatalities": "8",
        "location": "الرمادي", "actor2": "قوات الأمن"})
    assert ok.status_code == 200 and "state-edited" in ok.text
    doc = client.get(f"/documents/{example_doc.id}").json()
    edited = next(e for e in doc["events"] if e["id"] == ev.id)
    assert edited["fatalities"] == 8 and edited["actor2"]["name"] == "قوات الأمن"
    assert edited["location"]["admin1"] == "Anbar", "the place was found in the gazetteer"
    assert doc["review"]["events"][ev.id] == "edited"


def test_merge_and_split_incidents(client: TestClient, token: str, example_doc: Document, catalog: object) -> None:
    csrf = sign_in(client, token)
    a, b = example_doc.events[0].id, example_doc.events[2].id
    target = client.get("/events", params={"article_id": example_doc.id}).json()["data"]
    into = next(r["incident_id"] for r in target if r["event_id"] == a)
    r = client.post("/desk/incidents/merge", headers={"X-CSRF-Token": csrf},
                    data={"doc_id": example_doc.id, "event_id": b, "into": into})
    assert r.status_code == 200
    rows = {r["event_id"]: r for r in client.get("/events", params={"article_id": example_doc.id}).json()["data"]}
    assert rows[b]["incident_id"] == into
    if isinstance(catalog, StoreCatalog):
        merged = client.get(f"/incidents/{into}").json()["data"]
        assert {(s["article_id"], s["event_id"]) for s in merged["sources"]} >= {(example_doc.id, a),
                                                                                  (example_doc.id, b)}
        gone = client.get("/deleted").json()["data"]
        assert any(d["reason"] == "merged" and d["replaced_by"] == into for d in gone)
    client.post("/desk/incidents/split", headers={"X-CSRF-Token": csrf}, data={"doc_id": example_doc.id,
                                                                                "event_id": b})
    rows = {r["event_id"]: r for r in client.get("/events", params={"article_id": example_doc.id}).json()["data"]}
    assert rows[b]["incident_id"] != into
    assert client.post("/desk/incidents/merge", headers={"X-CSRF-Token": csrf},
                       data={"doc_id": example_doc.id, "event_id": b, "into": "<x>"}).status_code == 422
    if isinstance(catalog, StoreCatalog):
        assert client.post("/desk/incidents/merge", headers={"X-CSRF-Token": csrf},
                           data={"doc_id": example_doc.id, "event_id": b, "into": "IRQ99999"}).status_code == 404


def test_places_search_and_map_page(client: TestClient, token: str) -> None:
    sign_in(client, token)
    found = client.get("/desk/places", params={"q": "الرمادي"}).json()
    assert found and found[0]["name_en"] == "Ramadi" and found[0]["admin1"] == "Anbar"
    page = client.get("/desk/map", params={"country": "IQ", "since": "2023-01-01"})
    assert page.status_code == 200 and "event_date=2023-01-01%7C2999-12-31" in page.text
    assert "'unsafe-eval'" in page.headers["content-security-policy"]


def test_incidents_page_lists_reports_with_links(client: TestClient, token: str, example_doc: Document) -> None:
    assert client.get("/desk/incidents", follow_redirects=False).status_code == 303
    sign_in(client, token)
    page = client.get("/desk/incidents", params={"country": "IQ"})
    assert page.status_code == 200
    assert f'href="/desk/doc/{example_doc.id}"' in page.text
    total = client.get("/incidents", params={"country": "IQ"}).json()["total_count"]
    assert f'data-count="incidents">{total}<' in page.text
    assert client.get("/desk/incidents", params={"since": "nope"}).status_code == 400


def test_map_and_incidents_pages_read_the_same_filters(client: TestClient, token: str) -> None:
    sign_in(client, token)
    page = client.get("/desk/map", params={"admin1": "Baghdad", "country": "IQ", "until": "2024-06-30",
                                           "ignored": "x"}).text
    # the API query in the page's order: country, admin1, event type, then the days as one range
    assert 'data-api="/events?country=IQ&amp;admin1=Baghdad&amp;event_date=1900-01-01%7C2024-06-30' \
           '&amp;event_date_where=BETWEEN&limit=5000' in page
    assert "ignored" not in page
    assert client.get("/desk/incidents", params={"country": "IQ", "since": "2020-01-01"}).status_code == 200
