"""RSS 2.0 / RSS 1.0 / Atom feeds to articles, one per item.

The bytes are decoded by :func:`marsad.ingest.decode.decode_bytes` and handed to feedparser as
UTF-8, since feedparser believes whatever the XML declaration says. An item's date is taken from its raw
string as written, in the feed's own time zone: feedparser's ``published_parsed`` is converted to
UTC, which moves an item published at 00:30+03:00 to the previous day and shifts every relative
date (أمس، الأحد الماضي) in the article by one (ECOSYSTEM.md, pitfall 2).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from marsad.document import Article, ResultWarning
from marsad.errors import InputError, WarningCode
from marsad.ingest.decode import decode_bytes
from marsad.ingest.html import date_of, declared_charset, html_to_text
from marsad.ingest.ids import content_id, location
from marsad.ingest.notes import input_warning

# Given a URL, the article of the page it points to; raises InputError when it cannot be fetched.
PageReader = Callable[[str], Article]

_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


def _as_utf8(data: bytes, declared: str | None, name: str) -> tuple[bytes | None, ResultWarning | None]:
    """The feed re-encoded as UTF-8 with a matching declaration (None if binary), and a decoding warning.

    Feeds of sites that moved to UTF-8 often still declare windows-1256, and feedparser, which
    believes the declaration, would give their titles as mojibake (ظ‡ط¬ظˆظ…). Our decoder looks
    at the bytes first; feedparser then gets bytes that say what they are.
    """
    decoded = decode_bytes(data, declared=declared or declared_charset(data))
    warning = input_warning(decoded.code, f"{name}: {decoded.note}") if decoded.code is not None else None
    if decoded.code == WarningCode.NOT_TEXT:
        return None, warning
    text = _XML_DECL_RE.sub('<?xml version="1.0" encoding="utf-8"?>', decoded.text.lstrip("\ufeff"), count=1)
    return text.encode("utf-8"), warning


def item_date(raw: str | None, parsed: Any = None) -> str | None:
    """The date of a feed item as YYYY-MM-DD, from its raw string in its own time zone.

    >>> item_date("Wed, 05 Jan 2022 23:30:00 +0300")
    '2022-01-05'
    >>> item_date("2022-01-05T00:30:00+03:00")
    '2022-01-05'
    """
    if raw:
        raw = raw.strip()
        if raw[:4].isdigit():
            iso = date_of(raw)
            if iso:
                return iso
        fields = email.utils.parsedate_tz(raw)
        if fields is not None:
            try:
                return dt.date(*fields[:3]).isoformat()
            except ValueError:
                pass
        iso = date_of(raw)
        if iso:
            return iso
    if parsed is not None:  # feedparser's UTC reading: better one day off than no date at all
        try:
            return time.strftime("%Y-%m-%d", parsed)
        except (TypeError, ValueError):
            return None
    return None


def _plain(detail: Any, value: str) -> str:
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    return html_to_text(value) if "html" in kind else value.strip()


def _item_text(entry: Any) -> str:
    """The longest body an item carries: full content when present, else the summary."""
    bodies: list[str] = []
    for content in entry.get("content") or []:
        value = content.get("value")
        if value:
            bodies.append(_plain(content, value))
    summary = entry.get("summary")
    if summary:
        bodies.append(_plain(entry.get("summary_detail"), summary))
    return max(bodies, key=len) if bodies else ""


def read_feed(data: bytes, *, name: str, stem: str, follow_links: bool = False,
              read_page: PageReader | None = None, declared: str | None = None) -> Iterator[Article]:
    """Articles from the items of a feed, in feed order.

    Args:
        data: the feed bytes.
        name: the file or URL, for messages.
        stem: the label of ids for items without guid or link (``<stem>-<hash>``, see marsad.ingest.ids).
        follow_links: read each item's linked page (through ``read_page``) instead of its summary;
            when the page cannot be read the summary is kept with a W108 warning.
        read_page: fetches and extracts one page; needed when ``follow_links`` is set.
        declared: a charset named outside the feed (HTTP ``Content-Type``).
    """
    import feedparser  # imported on first use: only feed input needs it

    utf8, decoding = _as_utf8(data, declared, name)
    if utf8 is None:
        failed = Article(id="", text="", warnings=[decoding] if decoding else [])
        failed.id = content_id(stem, failed, where=location(name))
        yield failed
        return
    parsed = feedparser.parse(utf8)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = (f"not a readable RSS/Atom feed ({problem})" if parsed.get("bozo")
                  else "the feed has no items")
        code = WarningCode.BAD_RECORD if parsed.get("bozo") else WarningCode.EMPTY_TEXT
        failed = Article(id="", text="", warnings=[input_warning(code, f"{name}: {reason}")])
        failed.id = content_id(stem, failed, where=location(name))
        yield failed
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        link = entry.get("link") or None
        doc_id = entry.get("id") or link
        title_detail = entry.get("title_detail")
        title = _plain(title_detail, entry["title"]) if entry.get("title") else None
        published = item_date(entry.get("published") or entry.get("updated") or entry.get("created"),
                              entry.get("published_parsed") or entry.get("updated_parsed"))
        text = _item_text(entry)
        warnings: list[ResultWarning] = []
        if decoding is not None:
            warnings.append(input_warning(WarningCode(decoding.code), decoding.message))
        if follow_links and link and read_page is not None:
            try:
                page = read_page(link)
            except InputError as err:
                warnings.append(input_warning(WarningCode.FETCH_FAILED,
                                              f"{err}; the feed summary is used instead"))
            else:
                if page.text.strip():
                    page.id = str(doc_id)
                    page.title = page.title or title
                    page.published = page.published or published
                    page.source = feed_title or page.source  # the feed names the outlet
                    yield page
                    continue
                warnings.extend(page.warnings)
                warnings.append(input_warning(WarningCode.FETCH_FAILED,
                                              f"{link}: no article text in the page; feed summary used"))
        if not text.strip():
            warnings.append(input_warning(WarningCode.EMPTY_TEXT, f"{name}: item {n} has no text"))
        item = Article(id=str(doc_id or ""), text=text, title=title, published=published, url=link,
                       source=feed_title, warnings=warnings)
        if not doc_id:  # neither guid nor link: an id from the item's content
            item.id = content_id(stem, item, where=f"{location(name)}#{n}")
        yield item
