"""Fetching a URL with the standard library: one GET, a timeout, a User-Agent, a size cap.

This is the only network use in marsad. Any failure is an :class:`InputError` with a one-line
reason; the caller turns it into a W108 warning on the article.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from marsad.errors import InputError

USER_AGENT = "marsad/0.1 (Arabic news event extraction; python-urllib)"
# A page or feed larger than this is not an article; reading stops there. 50 MB leaves room for
# the biggest feeds seen (a few MB) while bounding memory per fetch.
MAX_FETCH_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a response and what its headers say about it."""

    url: str  # after redirects
    data: bytes
    content_type: str | None
    charset: str | None


def fetch(url: str, *, timeout: float = 20.0) -> Fetched:
    """GET ``url``; raise InputError naming the URL and the reason on any failure."""
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                  "application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "ar,en;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FETCH_BYTES)
            headers: Message = response.headers
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(f"{url}: HTTP {err.code} {err.reason}") from err
    except urllib.error.URLError as err:
        raise InputError(f"{url}: {err.reason}") from err
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise InputError(f"{url}: {type(err).__name__}: {err}") from err
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    return Fetched(url=final_url, data=data, content_type=content_type,
                   charset=headers.get_content_charset())
