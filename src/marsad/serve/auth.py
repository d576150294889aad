"""Secrets of the server: API tokens, session cookies and CSRF tokens.

Only the standard library. A token is 256 random bits, shown once and stored as its SHA-256 (a
fast hash is right for a random secret: there is nothing to guess, unlike a chosen password); API
clients send it as a bearer token and reviewers sign in to the desk with it. A session is a
cookie ``name|expiry|nonce|hmac`` signed with the server's secret key, so the server keeps no
session table and a restart with the same key keeps reviewers signed in. The CSRF token of a
session is an HMAC of its nonce: every form and every htmx request carries it, and a request
from another site cannot read it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

TOKEN_PREFIX = "msd_"
SESSION_SECONDS = 12 * 3600


@dataclass(frozen=True, slots=True)
class Principal:
    """Who makes a request: a reviewer signed in through the desk, or the owner of an API token."""

    name: str
    via: str  # "session" | "token"
    nonce: str = ""  # of the session (CSRF tokens derive from it); "" for tokens


def new_token() -> str:
    """A fresh API token (shown once; only its hash is stored)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token (SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class SessionSigner:
    """Signs and checks session cookies and the CSRF tokens bound to them."""

    def __init__(self, secret: bytes, *, max_age: int = SESSION_SECONDS) -> None:
        if len(secret) < 16:
            raise ValueError("the session secret must hold at least 16 bytes")
        self._secret = secret
        self.max_age = max_age

    def _mac(self, *parts: str) -> str:
        return hmac.new(self._secret, "|".join(parts).encode(), hashlib.sha256).hexdigest()

    def issue(self, name: str, *, now: float | None = None) -> str:
        expiry = str(int((now if now is not None else time.time()) + self.max_age))
        nonce = secrets.token_hex(12)
        encoded = base64.urlsafe_b64encode(name.encode()).decode()
        return f"{encoded}|{expiry}|{nonce}|{self._mac(encoded, expiry, nonce)}"

    def check(self, cookie: str | None, *, now: float | None = None) -> Principal | None:
        if not cookie or cookie.count("|") != 3:
            return None
        encoded, expiry, nonce, mac = cookie.split("|")
        if not hmac.compare_digest(mac, self._mac(encoded, expiry, nonce)):
            return None
        if not expiry.isdigit() or int(expiry) < (now if now is not None else time.time()):
            return None
        try:
            name = base64.urlsafe_b64decode(encoded.encode()).decode()
        except ValueError:
            return None
        return Principal(name=name, via="session", nonce=nonce)

    def csrf_token(self, principal: Principal) -> str:
        return self._mac("csrf", principal.name, principal.nonce)

    def check_csrf(self, principal: Principal, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(principal), token or "")
