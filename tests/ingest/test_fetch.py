"""URL inputs against a local http.server on 127.0.0.1: pages, feeds, links followed, failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.errors import InputError, WarningCode
from marsad.ingest import read_articles
from marsad.ingest.fetch import USER_AGENT, fetch

# the http_server fixture (tests/ingest/conftest.py) is a LocalServer; test modules do not import
# conftest, so it is typed loosely here
LocalServer = Any

BODY = ("<html><head><title>صفحة الخبر</title>"
        '<meta property="article:published_time" content="2024-05-20T21:45:00-04:00"></head><body><article>'
        "<p>أفادت مصادر محلية بأن مسلحين أحرقوا ثلاث شاحنات محملة بالوقود على الطريق الدولي صباح الإثنين.</p>"
        "<p>وأضافت المصادر أن السائقين نجوا، وأن دوريات الأمن طوقت المكان بعد ساعة من الحادث.</p>"
        "</article></body></html>")


def test_fetch_page_with_header_charset(http_server: LocalServer) -> None:
    http_server.routes["/news/1"] = (200, "text/html; charset=windows-1256", BODY.encode("cp1256"))
    (article,) = read_articles([http_server.url("/news/1")])
    assert article.id == http_server.url("/news/1")
    assert article.url == http_server.url("/news/1")
    assert "أحرقوا ثلاث شاحنات" in article.text
    assert article.published == "2024-05-20"
    assert article.warnings == []
    assert http_server.seen_agents == [USER_AGENT]


def test_fetch_feed_sniffed_by_content(http_server: LocalServer, fixtures_dir: Path) -> None:
    http_server.routes["/feed"] = (200, "text/plain", (fixtures_dir / "feed_rss.xml").read_bytes())
    articles = list(read_articles([http_server.url("/feed")]))
    assert [a.id for a in articles][:2] == ["agency-101", "https://agency.example.org/news/102"]


def test_fetch_feed_following_links(http_server: LocalServer) -> None:
    page_url, dead_url = http_server.url("/story/9"), http_server.url("/story/404")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>تجريبي</title>'
            f"<item><title>عنوان أول</title><link>{page_url}</link>"
            "<description>ملخص قصير</description></item>"
            f"<item><title>عنوان ثان</title><link>{dead_url}</link>"
            "<description>ملخص باق</description></item>"
            "</channel></rss>")
    http_server.routes["/rss"] = (200, "application/rss+xml", feed.encode("utf-8"))
    http_server.routes["/story/9"] = (200, "text/html", BODY.encode("utf-8"))
    first, second = read_articles([http_server.url("/rss")], follow_links=True)
    assert first.id == page_url
    assert "دوريات الأمن طوقت المكان" in first.text  # the page, not the summary
    assert first.source == "تجريبي"
    assert second.text == "ملخص باق"  # the page failed: summary kept
    assert [w.code for w in second.warnings] == [WarningCode.FETCH_FAILED]
    assert "404" in second.warnings[0].message


def test_fetch_json_lines_url(http_server: LocalServer) -> None:
    http_server.routes["/batch"] = (200, "application/x-ndjson",
                                    '{"id": "u1", "text": "نص"}\n{"id": "u2", "text": "نص آخر"}\n'.encode())
    assert [a.id for a in read_articles([http_server.url("/batch")])] == ["u1", "u2"]


@pytest.mark.parametrize(("path", "status", "reason"), [
    ("/missing", 404, "HTTP 404"),
    ("/boom", 500, "HTTP 500"),
])
def test_fetch_http_errors_become_w108(http_server: LocalServer, path: str, status: int, reason: str) -> None:
    if status != 404:
        http_server.routes[path] = (status, "text/plain", b"server error")
    (article,) = read_articles([http_server.url(path)])
    assert article.text == ""
    assert [w.code for w in article.warnings] == [WarningCode.FETCH_FAILED]
    assert reason in article.warnings[0].message


def test_fetch_timeout_becomes_w108(http_server: LocalServer) -> None:
    http_server.routes["/slow"] = (200, "text/html", BODY.encode())
    (article,) = read_articles([http_server.url("/slow")], timeout=0.2)
    assert [w.code for w in article.warnings] == [WarningCode.FETCH_FAILED]


def test_fetch_refused_connection_raises_input_error() -> None:
    with pytest.raises(InputError, match=r"127\.0\.0\.1:9"):
        fetch("http://127.0.0.1:9/nothing", timeout=2)
