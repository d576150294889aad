"""The server under hostile requests: no write without a token, no 5xx or leak from injected
query parameters, bodies limited, static files confined to their folder, bad input never a 500."""

from __future__ import annotations

import urllib.parse

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.serve.auth import hash_token
from marsad.serve.query import CONTROL, EVENT_FILTERS

from .conftest import sign_in

INJECTIONS = (
    "' OR '1'='1", "' OR 1=1--", "1 OR 1=1", "1; DROP TABLE events;--", "\" OR \"\"=\"",
    "%' OR '1'='1' --", "1) UNION SELECT token_hash, name FROM api_tokens--", "IQ' UNION SELECT * FROM documents--",
    "admin'/*", "\\'; SELECT pg_sleep(1);--", "x' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
    "％27 OR 1=1", "1e309", "-1", "99999999999999999999", "\x00", "%00", "..%2F..%2F", "%",
    "_", "*", "|", "zzq|' OR 1=1--",
)


# the SQL stores only: injection is about what reaches a database (the memory catalog has none)
@pytest.mark.parametrize("catalog", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
@pytest.mark.parametrize("endpoint", ["/events", "/incidents"])
def test_injection_in_every_parameter_gives_results_or_4xx(client: TestClient, token: str, endpoint: str) -> None:
    everything = {d["event_id_cnty"] for d in client.get(endpoint, params={"limit": 5000}).json()["data"]}
    assert everything, "the store holds events to leak"
    for param in sorted([*EVENT_FILTERS, *CONTROL, "event_date_where", "fatalities_where"]):
        for payload in INJECTIONS:
            params = {param: payload}
            if param.endswith("_where"):
                params[param[: -len("_where")]] = "1"
            r = client.get(endpoint, params=params)
            assert r.status_code < 500, (param, payload, r.text)
            assert hash_token(token) not in r.text
            if r.status_code >= 400:
                assert r.json()["error"]["code"].startswith("E_"), (param, payload)
                continue
            if r.headers["content-type"].startswith("application/json") and "data" in r.json():
                returned = {d.get("event_id_cnty") for d in r.json()["data"]}
                # an injected filter value matches nothing; it never widens the answer beyond the data
                assert returned <= everything | {None}, (param, payload)
                if param in EVENT_FILTERS and param not in ("review_state",):
                    assert r.json()["total_count"] == 0, (param, payload, r.json()["total_count"])


def test_writes_are_refused_without_a_token(client: TestClient, token: str, example_doc: object) -> None:
    article = {"text": "قتل جندي في هجوم على حاجز في الموصل.", "id": "w1"}
    for headers in ({}, {"Authorization": "Bearer msd_not-a-token"}, {"Authorization": "Basic YWxpY2U6eA=="},
                    {"Authorization": "Bearer "}):
        r = client.post("/extract", json=article, headers=headers)
        assert r.status_code == 401, headers
        assert r.json()["error"]["code"] == "E_UNAUTHORIZED"
    assert client.get("/documents/w1").status_code == 404, "nothing was stored"
    # the desk's writes need a session: without one, every POST is refused
    doc_id = "hostile-1"
    for path in (f"/desk/doc/{doc_id}/events/ev1/accept", f"/desk/doc/{doc_id}/events/ev1/reject",
                 f"/desk/doc/{doc_id}/events/ev1/edit", f"/desk/doc/{doc_id}/add", f"/desk/doc/{doc_id}/done",
                 "/desk/incidents/merge", "/desk/incidents/split"):
        assert client.post(path, data={"start": 0, "end": 3}).status_code == 401, path
    assert client.get(f"/documents/{doc_id}").json()["review"]["state"] == "pending"


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
def test_a_session_without_its_csrf_token_cannot_write(client: TestClient, token: str) -> None:
    sign_in(client, token)
    r = client.post("/desk/doc/hostile-1/events/ev1/accept")
    assert r.status_code == 403 and r.json()["error"]["code"] == "E_CSRF"
    forged = client.post("/desk/doc/hostile-1/events/ev1/accept", headers={"X-CSRF-Token": "0" * 64})
    assert forged.status_code == 403
    # the API's write through a browser session needs the CSRF header too
    assert client.post("/extract", json={"text": "نص"}).status_code == 403
    assert client.get("/documents/hostile-1").json()["review"]["state"] == "pending"


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
def test_login_needs_its_form_token_and_a_valid_token(client: TestClient, token: str) -> None:
    r = client.post("/desk/login", data={"token": token, "csrf": "x", "next": "/desk"}, follow_redirects=False)
    assert r.status_code == 403
    client.get("/desk/login")
    import re

    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/desk/login").text).group(1)  # type: ignore[union-attr]
    wrong = client.post("/desk/login", data={"token": "msd_wrong", "csrf": csrf, "next": "/desk"},
                        follow_redirects=False)
    assert wrong.status_code == 303 and "error=1" in wrong.headers["location"]
    # an open redirect through ?next= is refused: only /desk paths on this host
    ok = client.post("/desk/login", data={"token": token, "csrf": csrf, "next": "https://evil.example/"},
                     follow_redirects=False)
    assert ok.headers["location"] == "/desk"


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
def test_oversized_bodies_are_refused(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    big = {"text": "ق" * 150_000}  # 300 KB of UTF-8 over the test app's 200 KB limit
    r = client.post("/extract", json=big, headers=auth)
    assert r.status_code == 413 and r.json()["error"]["code"] == "E_BODY_TOO_LARGE"

    def chunks():  # no Content-Length: the limit counts the streamed bytes
        for _ in range(50):
            yield b"x" * 10_000

    streamed = client.post("/extract", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert streamed.status_code == 413
    lying = client.post("/extract", content=b"{}", headers={**auth, "Content-Length": "abc",
                                                            "Content-Type": "application/json"})
    assert lying.status_code == 400


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
def test_extract_rejects_bad_bodies_with_4xx(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    for body in (b"not json", b"[]", b'{"text": ""}', b'{"text": 5}', b'{"id": "../../x", "text": "a"}',
                 b'{"text": "\\ud800"}', b"\xff\xfe"):
        r = client.post("/extract", content=body, headers={**auth, "Content-Type": "application/json"})
        assert 400 <= r.status_code < 500, (body, r.status_code, r.text)
        assert r.json()["error"]["code"].startswith("E_")


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/static/vendor/../../app.py", "/static/vendor/%2e%2e/%2e%2e/app.py", "/static/..\\app.py",
    "/static/%2e%2e%5capp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/....//app.py",
    "/static/../../../../../../etc/passwd", "/static/%252e%252e/app.py", "/static/templates/base.html",
    "/static/../templates/base.html",
])
def test_static_paths_cannot_escape_their_folder(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text and "{% block" not in r.text


@pytest.mark.parametrize("catalog", ["memory"], indirect=True)  # HTTP-level: no store involved
def test_static_files_are_served(client: TestClient) -> None:
    r = client.get("/static/vendor/htmx.min.js")
    assert r.status_code == 200 and "htmx" in r.text[:2000]
    assert client.get("/static/outlines/admin1.geojson").json()["type"] == "FeatureCollection"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted([*EVENT_FILTERS, *CONTROL, "event_date_where"])),
       value=st.text(max_size=40))
def test_any_query_value_is_an_answer_or_4xx(client: TestClient, name: str, value: str) -> None:
    r = client.get("/events", params={name: value})
    assert r.status_code in (200, 400), (name, value, r.text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30))
def test_any_document_or_incident_id_is_an_answer_or_4xx(client: TestClient, path: str) -> None:
    for prefix in ("/documents/", "/incidents/"):
        r = client.get(prefix + urllib.parse.quote(path, safe=""))
        assert r.status_code < 500, (prefix, path, r.text)
