"""HTML pages to articles: main text by trafilatura, metadata from the page's own tags.

The page's metadata tags are read first (``<link rel=canonical>``, ``og:url``,
``article:published_time``, JSON-LD ``datePublished`` ...): they are written by the CMS and are
exact, while a date guessed from the visible text is not. htmldate reads ``8 كانون الثاني 2020``
as 2020-01-01 and gives up on Arabic-Indic digits (ECOSYSTEM.md, pitfall 1), so trafilatura's own
date search is limited to markup (``extensive_search=False``) and used only when our tags say
nothing. When neither finds a date, the date printed by the title or byline is read with
:mod:`marsad.ingest.dates` (full dates only, never in the future) and the article says so in a
W109 warning.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from marsad.document import Article, ResultWarning
from marsad.errors import WarningCode
from marsad.ingest.dates import VisibleDate, visible_date
from marsad.ingest.decode import decode_bytes
from marsad.ingest.notes import PUBLISHED_FROM_PAGE, input_warning

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
_XML_DECL_STR_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# Metadata tags that carry the publication date, most trusted first (property/name/itemprop value).
# Modification dates are left out: relative dates (أمس) count from publication, and an article
# corrected a week later would shift them all.
_DATE_KEYS = ("article:published_time", "datepublished", "og:published_time", "pubdate",
              "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
              "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date")
_JSONLD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_DATE_IN_VALUE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|^(\d{4})(\d{2})(\d{2})(?:\D|$)")

# Tag stripping for feed summaries: block ends become line breaks, everything else goes.
_DROP_RE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BREAK_RE = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>",
                       re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
# a block's start breaks the line too when reading a page's lines: "<time>..</time><p>" are two
_BLOCK_START_RE = re.compile(r"(?=<(?:p|div|li|h[1-6]|blockquote|tr|section|article|header|ul|ol|table)\b)",
                             re.IGNORECASE)
_SPACES_RE = re.compile(r"[ \t\u00a0]+")

# What never holds the page's own dateline: menus, side columns (lists of other articles, each
# dated), footers, forms, and a header without the article's title (the site's banner prints
# today's date, the day of the fetch).
_NOT_DATELINE = (".//script|.//style|.//noscript|.//template|.//nav|.//aside|.//footer|.//form"
                 "|.//header[not(.//h1)]")
# The dateline sits between the title and the first paragraph, or just above the title (a kicker
# "سياسة | 14 مارس 2023"); two lines above cover kicker and category. Without a first paragraph
# found, the ten lines below the title are searched: the bylines of our test pages take at most four.
LINES_ABOVE_TITLE = 2
LINES_BELOW_TITLE = 10
# Without a title found, the lines right above the first paragraph are the byline region.
LINES_ABOVE_TEXT = 3
# The first paragraph is found among the page's lines by this many of its first characters: enough
# to be unique, few enough that trafilatura's and our whitespace handling agree on them.
_TEXT_PROBE_CHARS = 40

# Limits the HTML handed to trafilatura: beyond this a page is a dump, not an article, and lxml
# slows to seconds. 5 MB is about 30 times the largest news page of our test crawls.
MAX_HTML_CHARS = 5_000_000


@dataclass(slots=True)
class PageMeta:
    """What a page says about itself in its head."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    # the printed line the date was read from, when no metadata gave one
    published_line: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the head of ``data``.

    >>> declared_charset(b'<html><head><meta charset="windows-1256">')
    'windows-1256'
    >>> declared_charset(b"<?xml version='1.0' encoding='UTF-8'?><rss>")
    'UTF-8'
    """
    head = data[:4096]
    m = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    return m.group(1).decode("ascii") if m else None


def date_of(value: str | None) -> str | None:
    """The calendar date written in a metadata value, as YYYY-MM-DD, without any time-zone shift.

    >>> date_of("2022-01-05T23:30:00+03:00")
    '2022-01-05'
    >>> date_of("2019/7/3") , date_of("20200105"), date_of("yesterday")
    ('2019-07-03', '2020-01-05', None)
    """
    if not value:
        return None
    m = _DATE_IN_VALUE_RE.search(value.strip())
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): tags dropped, block ends kept as line breaks.

    >>> html_to_text("<p>قصف <b>مدفعي</b> &amp; غارات</p><p>سطر ثان</p>")
    'قصف مدفعي & غارات\\nسطر ثان'
    """
    text = _DROP_RE.sub("", fragment)
    text = _BREAK_RE.sub("\n", text)
    text = html_lib.unescape(_TAG_RE.sub("", text))
    lines = (_SPACES_RE.sub(" ", ln).strip() for ln in text.splitlines())
    return "\n".join(ln for ln in lines if ln)


def _parse(markup: str) -> Any:
    # lxml refuses str input that still carries an XML encoding declaration
    markup = _XML_DECL_STR_RE.sub("", markup, count=1)
    try:
        return lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def page_meta(tree: Any) -> PageMeta:
    """Title, canonical URL, publication date and site name from a parsed page's tags."""
    meta = PageMeta()
    if tree is None:
        return meta
    values: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in values:
            values[key] = content.strip()
    for el in tree.iter("link"):
        if (el.get("rel") or "").strip().lower() == "canonical" and el.get("href"):
            meta.url = el.get("href").strip()
            break
    meta.url = meta.url or values.get("og:url")
    meta.title = values.get("og:title") or values.get("twitter:title")
    meta.site = values.get("og:site_name")
    for key in _DATE_KEYS:
        meta.published = date_of(values.get(key))
        if meta.published:
            break
    if meta.published is None:
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                m = _JSONLD_DATE_RE.search(script.text)
                meta.published = date_of(m.group(1)) if m else None
                if meta.published:
                    break
    if meta.published is None:
        for el in tree.iter("time"):
            meta.published = date_of(el.get("datetime"))
            if meta.published:
                break
    return meta


def _fallback_text(tree: Any) -> str:
    """Paragraph text of a page that trafilatura finds nothing in (very short pages)."""
    if tree is None:
        return ""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for bad in root.xpath(".//script|.//style|.//noscript|.//nav|.//header|.//footer"):
        bad.drop_tree()
    return html_to_text(lxml.html.tostring(root, encoding="unicode"))


def _page_lines(markup: str) -> tuple[list[str], list[str]]:
    """The visible lines of a page's body without menus and side columns, and its ``<h1>`` texts."""
    tree = _parse(markup)
    if tree is None:
        return [], []
    body = tree.find(".//body")
    root = body if body is not None else tree
    for bad in root.xpath(_NOT_DATELINE):
        bad.drop_tree()
    headings = [_SPACES_RE.sub(" ", h1.text_content()).strip() for h1 in root.iter("h1")]
    markup = _BLOCK_START_RE.sub("<br>", lxml.html.tostring(root, encoding="unicode"))
    return html_to_text(markup).splitlines(), [h for h in headings if h]


def _article_heading(headings: list[str], title: str | None, text: str) -> str | None:
    """The ``<h1>`` that titles the article, among several (a site may put its logo in one).

    The one trafilatura kept as the text's first line, else the longest one that the page's title
    ("العنوان | الموقع") contains (the site's name is in it too, but shorter), else the first.
    """
    first = text.lstrip().split("\n", 1)[0].strip()
    if first in headings:
        return first
    if title:
        title = _SPACES_RE.sub(" ", title).strip()
        named = [h for h in headings if h in title or title in h]
        if named:
            return max(named, key=len)
    return headings[0] if headings else None


def _line_index(lines: list[str], probe: str | None, *, start: int = 0) -> int | None:
    if not probe:
        return None
    probe = _SPACES_RE.sub(" ", probe).strip()
    return next((i for i in range(start, len(lines)) if probe in lines[i]), None)


def page_date(markup: str, text: str, title: str | None, *, today: dt.date | None = None) -> VisibleDate | None:
    """The publication date printed by the title or byline of a page, or atop its extracted text.

    The lines between the article's ``<h1>`` and its first paragraph are searched first, then
    the lines just above the ``<h1>`` (closest first: further up is the site's banner, which
    prints the day of the fetch), then the first lines of the extracted text.

    Args:
        markup: the page.
        text: the main text extracted from it.
        title: the page's title from its metadata, used to pick the ``<h1>`` and when it has none.
        today: the fetch or run date (default: today); later dates are not taken.
    """
    lines, headings = _page_lines(markup)
    heading = _article_heading(headings, title, text)
    # trafilatura keeps the <h1> as the text's first line on some pages: the body starts after it
    titles = {_SPACES_RE.sub(" ", t).strip() for t in (heading, title) if t}
    first = next((ln.strip() for ln in text.splitlines() if ln.strip() and ln.strip() not in titles), "")
    probe = first[:_TEXT_PROBE_CHARS]
    anchor = _line_index(lines, heading) if heading else None
    if anchor is None:
        anchor = _line_index(lines, title)
    if anchor is not None:
        body_at = _line_index(lines, probe, start=anchor + 1)
        # the text's first line itself is searched too: trafilatura keeps some bylines
        stop = min(body_at + 1 if body_at is not None else len(lines), anchor + 1 + LINES_BELOW_TITLE)
        window = lines[anchor:stop] + lines[max(0, anchor - LINES_ABOVE_TITLE):anchor][::-1]
    else:
        body_at = _line_index(lines, probe)
        window = lines[max(0, body_at - LINES_ABOVE_TEXT):body_at][::-1] if body_at is not None else []
    found = visible_date(window, today=today)
    if found is None:
        found = visible_date(text.splitlines()[:3], today=today, after_titles_only=True)
    return found


def extract_page(markup: str, *, url: str | None = None) -> tuple[str, PageMeta]:
    """Main text and metadata of an HTML page given as a string."""
    import trafilatura  # imported on first use: it takes 0.3 s and only HTML input needs it

    markup = markup[:MAX_HTML_CHARS]
    meta = page_meta(_parse(markup))
    result = trafilatura.bare_extraction(
        _XML_DECL_STR_RE.sub("", markup, count=1), url=url, with_metadata=True,
        include_comments=False, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = ""
    if result is not None:
        text = getattr(result, "text", None) or ""
        meta.title = getattr(result, "title", None) or meta.title
        meta.url = meta.url or getattr(result, "url", None)
        meta.published = meta.published or date_of(getattr(result, "date", None))
        meta.site = meta.site or getattr(result, "sitename", None)
    if not text.strip():
        text = _fallback_text(_parse(markup))
    if meta.published is None and text.strip():
        found = page_date(markup, text, meta.title)
        if found is not None:
            meta.published = found.value.isoformat()
            meta.published_line = found.line
    return text, meta


def read_html(data: bytes, *, doc_id: str, url: str | None = None, declared: str | None = None,
              where: str = "") -> Article:
    """An article from the bytes of an HTML page; problems become warnings, never exceptions.

    Args:
        data: the page as fetched or read.
        doc_id: the article id (file stem or URL).
        url: where the page came from; the page's canonical URL wins when it has one.
        declared: a charset named outside the page (HTTP ``Content-Type``); the page's own
            ``<meta charset>`` is used when this is None.
        where: the file or URL, for warning messages.
    """
    decoded = decode_bytes(data, declared=declared or declared_charset(data))
    warnings: list[ResultWarning] = []
    label = where or doc_id
    if decoded.code is not None:
        warnings.append(input_warning(decoded.code, f"{label}: {decoded.note}"))
    if decoded.code == WarningCode.NOT_TEXT:
        return Article(id=doc_id, text="", url=url, warnings=warnings)
    if len(decoded.text) > MAX_HTML_CHARS:
        warnings.append(input_warning(WarningCode.TRUNCATED, f"{label}: page of {len(decoded.text):,} "
                                      f"characters; only the first {MAX_HTML_CHARS:,} were read"))
    text, meta = extract_page(decoded.text, url=url)
    if not text.strip():
        warnings.append(input_warning(WarningCode.EMPTY_TEXT, f"{label}: no article text found in the page"))
    if meta.published_line is not None:
        warnings.append(input_warning(PUBLISHED_FROM_PAGE, f"{label}: no date in the page's metadata; "
                                      f"published {meta.published} read from the printed line "
                                      f"«{meta.published_line}»"))
    return Article(id=doc_id, text=text, title=meta.title, published=meta.published,
                   url=meta.url or url, source=meta.site, warnings=warnings)
