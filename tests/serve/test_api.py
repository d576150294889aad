"""The HTTP API, one integration test (at least) per endpoint, through the in-process client."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from marsad.document import Document


def test_events_json_shape_and_counts(client: TestClient, example_doc: Document) -> None:
    r = client.get("/events", params={"limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["success"] is True and body["count"] == 2
    assert body["total_count"] == len(example_doc.events) + 1  # + the hostile article's event
    expected = {"event_id_cnty", "event_date", "actor1", "fatalities", "incident_id", "review_state"}
    assert expected <= set(body["data"][0])


def test_events_filters_by_country_name_iso_and_arabic(client: TestClient, example_doc: Document) -> None:
    iraq = len([e for e in example_doc.events if e.location and e.location.country == "IQ"])
    for value in ("Iraq", "IQ", "العراق", "Tunisia|Iraq"):
        assert client.get("/events", params={"country": value}).json()["total_count"] == iraq, value
    assert client.get("/events", params={"country": "Tunisia"}).json()["total_count"] == 0


def test_events_actor_matches_arabic_after_folding(client: TestClient, example_doc: Document) -> None:
    named = [e for e in example_doc.events if e.actor1 and e.actor1.name == "تنظيم داعش"]
    assert named, "the example names the Islamic State as an actor"
    # written with a different hamza/ya and diacritics than in the text: folding matches them
    for value in ("تنظيم داعش", "داعشُ", "Islamic State"):
        data = client.get("/events", params={"actor1": value}).json()["data"]
        assert {d["event_id"] for d in data} == {e.id for e in named}, value


def test_events_date_between_and_operators(client: TestClient, example_doc: Document) -> None:
    r = client.get("/events", params={"event_date": "2014-01-01|2014-12-31", "event_date_where": "BETWEEN",
                                      "fields": "event_date|event_type"})
    data = r.json()["data"]
    assert data and all(d["event_date"].startswith("2014") for d in data)
    assert set(data[0]) == {"event_date", "event_type"}
    later = client.get("/events", params={"event_date": "2020-01-01", "event_date_where": ">="}).json()
    assert all(d["event_date"] >= "2020-01-01" for d in later["data"]) and later["count"] >= 1


def test_events_paging(client: TestClient) -> None:
    total = client.get("/events").json()["total_count"]
    seen = []
    for page in range(1, total + 1):
        seen += [d["event_id_cnty"] for d in client.get("/events", params={"limit": 1, "page": page}).json()["data"]]
    assert len(seen) == len(set(seen)) == total
    assert client.get("/events", params={"limit": 1, "page": total + 1}).json()["count"] == 0


def test_events_csv_and_geojson(client: TestClient) -> None:
    r = client.get("/events", params={"_format": "csv", "fields": "event_id_cnty|country|latitude"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and set(rows[0]) == {"event_id_cnty", "country", "latitude"}
    g = client.get("/events", params={"_format": "geojson"}).json()
    assert g["type"] == "FeatureCollection" and g["features"]
    located = [f for f in g["features"] if f["geometry"]]
    assert located and all(len(f["geometry"]["coordinates"]) == 2 for f in located)


def test_incidents_and_one_incident_with_sources(client: TestClient) -> None:
    body = client.get("/incidents").json()
    assert body["count"] >= 1 and all(row["sources"] >= 1 for row in body["data"])
    first = body["data"][0]["event_id_cnty"]
    one = client.get(f"/incidents/{first}").json()["data"]
    assert one["event_id_cnty"] == first
    assert one["sources"] and {"article_id", "event_id", "evidence_text"} <= set(one["sources"][0])
    assert client.get("/incidents/NOPE0").status_code == 404


def test_document_is_the_contract_json(client: TestClient, example_doc: Document) -> None:
    r = client.get(f"/documents/{example_doc.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["text"] == example_doc.text and body["contract"] == 1
    back = Document.from_dict(body)
    back.check_offsets()
    assert body["review"]["state"] == "pending"
    missing = client.get("/documents/no-such-doc")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E_NOT_FOUND"


def test_deleted_feed_takes_seconds_or_iso(client: TestClient) -> None:
    for since in ("0", "2023-01-01", "2023-01-01T00:00:00+03:00"):
        r = client.get("/deleted", params={"since": since})
        assert r.status_code == 200 and r.json()["success"] is True
    bad = client.get("/deleted", params={"since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E_BAD_DATE"


def test_extract_stores_and_serves_the_document(client: TestClient, token: str) -> None:
    article = {"id": "api-test-1", "published": "2023-05-02", "source": "test",
               "text": "قتل جنديان وأصيب ثلاثة آخرون في هجوم شنه مسلحون على حاجز للجيش في الموصل أمس."}
    r = client.post("/extract", json=article, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    doc = Document.from_dict(r.json())
    doc.check_offsets()
    assert doc.events, "the article reports an attack"
    assert r.headers["location"] == "/documents/api-test-1"
    from marsad.serve.memory import MemoryCatalog

    if not isinstance(client.app.state.catalog, MemoryCatalog):  # type: ignore[attr-defined]
        assert all(e.get("incident_id") for e in r.json()["events"]), "stored events join incidents"
    stored = client.get("/documents/api-test-1").json()
    assert stored["text"] == article["text"]
    assert client.get("/events", params={"article_id": "api-test-1"}).json()["count"] == len(doc.events)


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/incidents", "/incidents/{incident_id}", "/documents/{doc_id}", "/deleted", "/extract"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_reads_can_require_a_token(catalog: object, token: str) -> None:
    from marsad.serve.app import ServeSettings, create_app

    with TestClient(create_app(catalog, ServeSettings(read_token_required=True))) as c:  # type: ignore[arg-type]
        refused = c.get("/events")
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "E_UNAUTHORIZED"
        assert refused.headers["www-authenticate"] == "Bearer"
        assert c.get("/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get("/events", headers={"Authorization": "Bearer msd_wrong"}).status_code == 401
