"""The review desk: queue, article view, corrections, map and timeline (server-rendered, htmx).

Every page needs a signed-in reviewer; every POST carries the session's CSRF token (a hidden
``csrf`` field in forms, the ``X-CSRF-Token`` header on htmx requests, set once on ``<body>``).
Corrections go through :mod:`marsad.review`: each is stored as an edit with who, when, before and
after; the machine's result is never changed. Pages are Jinja2 templates with autoescaping on;
the article itself is rendered by :mod:`marsad.serve.highlight`, which escapes every piece.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hmac
import secrets
import time
import urllib.parse
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from marsad.document import Event, EventLocation
from marsad.review import (
    EDITABLE,
    EVENT_TYPES,
    NOT_EVENT_REASONS,
    ReviewedDocument,
    ReviewEdit,
    ReviewError,
    check_value,
    new_event,
)
from marsad.serve.app import SESSION_COOKIE, TEMPLATE_DIR, ApiError, principal
from marsad.serve.auth import Principal, SessionSigner
from marsad.serve.catalog import Catalog, QueueFilter
from marsad.serve.highlight import marks_of, render

router = APIRouter(prefix="/desk", include_in_schema=False)
templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.globals["EVENT_TYPES"] = EVENT_TYPES
templates.env.globals["NOT_EVENT_REASONS"] = NOT_EVENT_REASONS
LOGIN_COOKIE = "marsad_login"
# the map page runs vega, whose expression compiler needs eval (vega's CSP-safe interpreter is a
# separate bundle); the page shows no article text, only names escaped by the browser's textContent
MAP_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
           "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class LoginRequired(Exception):
    pass


def reviewer(request: Request) -> Principal:
    who = principal(request)
    if who is None or who.via != "session":
        raise ApiError(401, "E_LOGIN_REQUIRED", "sign in at /desk/login")
    return who


def csrf_checked(request: Request, who: Annotated[Principal, Depends(reviewer)],
                 csrf: Annotated[str | None, Form()] = None) -> Principal:
    signer: SessionSigner = request.app.state.signer
    token = request.headers.get("x-csrf-token") or csrf
    if not signer.check_csrf(who, token):
        raise ApiError(403, "E_CSRF", "the form lacks this session's CSRF token; reload the page")
    return who


def _catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def _page(request: Request, name: str, who: Principal | None, **context: Any) -> HTMLResponse:
    signer: SessionSigner = request.app.state.signer
    context.update(request=request, who=who, csrf=signer.csrf_token(who) if who else "")
    return templates.TemplateResponse(request, name, context)


def _login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/desk/login?next=" + urllib.parse.quote(target, safe=""), status_code=303)


def _session(request: Request) -> Principal | None:
    who = principal(request)
    return who if who is not None and who.via == "session" else None


# --- sign in ------------------------------------------------------------------------------------

def _login_csrf(signer: SessionSigner, nonce: str) -> str:
    return signer.csrf_token(Principal(name="", via="login", nonce=nonce))


def _safe_next(value: str | None) -> str:
    # only a path on this host: an open redirect would let a link send a reviewer elsewhere
    if not value or not value.startswith("/desk") or value.startswith("//") or "\\" in value:
        return "/desk"
    return value


@router.get("/login")
async def login_form(request: Request, next: str | None = None, error: str | None = None) -> HTMLResponse:
    signer: SessionSigner = request.app.state.signer
    nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_hex(12)
    response = _page(request, "login.html", None, login_csrf=_login_csrf(signer, nonce),
                     next=_safe_next(next), error=error)
    response.set_cookie(LOGIN_COOKIE, nonce, httponly=True, samesite="strict",
                        secure=request.app.state.settings.secure_cookies)
    return response


@router.post("/login")
async def login(request: Request, token: Annotated[str, Form(max_length=200)],
                csrf: Annotated[str, Form(max_length=200)], next: Annotated[str, Form(max_length=500)] = "/desk",
                ) -> Response:
    """Sign in with one's token (``marsad token create --name NAME``): the session carries the name."""
    signer: SessionSigner = request.app.state.signer
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not nonce or not hmac.compare_digest(_login_csrf(signer, nonce), csrf):
        raise ApiError(403, "E_CSRF", "the sign-in form expired; reload it")
    # a reviewer's token needs the write scope: reviewing writes
    name = await asyncio.to_thread(_catalog(request).token_owner, token.strip(), "write") if token.strip() else None
    if name is None:
        return RedirectResponse("/desk/login?error=1&next=" + urllib.parse.quote(_safe_next(next), safe=""),
                                status_code=303)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, signer.issue(name), httponly=True, samesite="strict",
                        max_age=signer.max_age, secure=request.app.state.settings.secure_cookies)
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request, _who: Annotated[Principal, Depends(csrf_checked)]) -> Response:
    response = RedirectResponse("/desk/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- queue ----------------------------------------------------------------------------------------

def _queue_filter(params: dict[str, str]) -> QueueFilter:
    def date(name: str) -> dt.date | None:
        value = params.get(name, "").strip()
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise ApiError(400, "E_BAD_DATE", f"{name}={value!r}: write YYYY-MM-DD") from err

    confidence = params.get("confidence", "").strip()
    try:
        max_conf = float(confidence) if confidence else None
    except ValueError as err:
        raise ApiError(400, "E_BAD_NUMBER", f"confidence={confidence!r} is not a number") from err
    state = params.get("state", "").strip() or None
    if state not in (None, "pending", "in_review", "reviewed"):
        raise ApiError(400, "E_BAD_STATE", "state is pending, in_review or reviewed")
    event_type = params.get("event_type", "").strip() or None
    if event_type is not None and event_type not in EVENT_TYPES:
        raise ApiError(400, "E_BAD_TYPE", f"event_type {event_type!r} is not an ACLED event type")
    page = params.get("page", "1")
    country = params.get("country", "").strip().upper()[:2] or None
    return QueueFilter(country=country,
                       admin1=params.get("admin1", "").strip()[:100] or None, event_type=event_type,
                       since=date("since"), until=date("until"), max_confidence=max_conf, state=state,
                       page=int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1)


@router.get("", response_model=None)
async def queue(request: Request) -> Response:
    who = _session(request)
    if who is None:
        return _login_redirect(request)
    params = dict(request.query_params)
    flt = _queue_filter(params)
    lines, total, counts = await asyncio.to_thread(_catalog(request).queue, flt)
    clean = {k: v for k, v in params.items() if k in ("country", "admin1", "event_type", "since", "until",
                                                         "confidence", "state") and v}
    return _page(request, "queue.html", who, lines=lines, total=total, counts=counts, flt=flt, params=clean,
                 query=urllib.parse.urlencode(clean))


# --- article view -----------------------------------------------------------------------------------

def _card_context(reviewed: ReviewedDocument, event: Event) -> dict[str, Any]:
    review = reviewed.reviews.get(event.id)
    machine = review.machine if review else None
    changed: dict[str, Any] = {}
    if machine is not None and review is not None:
        current = event.to_dict()
        for name in sorted(review.fields):
            if name in current and current[name] != machine.get(name):
                changed[name] = _show(name, machine.get(name))
    return {"event": event, "review": review, "changed": changed, "doc": reviewed.document,
            "doc_state": reviewed.state}


def _show(name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return str(value.get("name") or "—")
    return str(value)


async def _reviewed_or_404(request: Request, doc_id: str) -> ReviewedDocument:
    from marsad.serve.api import check_id

    check_id(doc_id)
    reviewed = await asyncio.to_thread(_catalog(request).reviewed, doc_id)
    if reviewed is None:
        raise ApiError(404, "E_NOT_FOUND", f"no document {doc_id!r}")
    return reviewed


@router.get("/doc/{doc_id}", response_model=None)
async def article(request: Request, doc_id: str) -> Response:
    who = _session(request)
    if who is None:
        return _login_redirect(request)
    reviewed = await _reviewed_or_404(request, doc_id)
    doc = reviewed.document
    states = {eid: r.state for eid, r in reviewed.reviews.items()}
    html = render(doc.text, marks_of(doc, event_states=states))
    cards = [_card_context(reviewed, e) for e in doc.events]
    actors = sorted({a.name for a in doc.actors} | {e.actor1.name for e in doc.events if e.actor1}
                    | {e.actor2.name for e in doc.events if e.actor2})
    back = request.query_params.get("back", "")
    return _page(request, "doc.html", who, doc=doc, reviewed=reviewed, text_html=html, cards=cards,
                 actors=actors, back=back if back.startswith("/desk") else "/desk")


def _event_or_404(reviewed: ReviewedDocument, event_id: str) -> Event:
    for e in reviewed.document.events:
        if e.id == event_id:
            return e
    raise ApiError(404, "E_NOT_FOUND", f"no event {event_id!r} in document {reviewed.document.id!r}")


async def _card(request: Request, who: Principal, doc_id: str, event_id: str) -> HTMLResponse:
    reviewed = await _reviewed_or_404(request, doc_id)
    event = _event_or_404(reviewed, event_id)
    # oob: the page header's review state follows the card (htmx swaps it out of band)
    return _page(request, "_card.html", who, oob=True, **_card_context(reviewed, event))


@router.get("/doc/{doc_id}/events/{event_id}/edit")
async def edit_form(request: Request, doc_id: str, event_id: str,
                    who: Annotated[Principal, Depends(reviewer)]) -> HTMLResponse:
    reviewed = await _reviewed_or_404(request, doc_id)
    event = _event_or_404(reviewed, event_id)
    doc = reviewed.document
    actors = sorted({a.name for a in doc.actors})
    return _page(request, "_edit.html", who, event=event, doc=doc, actors=actors)


@functools.cache
def _gazetteer_entries() -> list[tuple[str, str, Any]]:
    from marsad.places import packaged_gazetteer
    from marsad.places.gazetteer import name_key

    return [(name_key(e.name), e.name_en.casefold(), e) for e in packaged_gazetteer().entries()]


def _resolve_location(value: str, previous: EventLocation | None) -> EventLocation | None:
    value = value.strip()
    if not value:
        return None
    from marsad.places.gazetteer import name_key

    name, _sep, rest = value.partition(" | ")
    parts = [p.strip() for p in rest.split(" | ")] if rest else []
    key = name_key(name)
    best = None
    for k, _en, entry in _gazetteer_entries():
        if k == key and (not parts or entry.admin1 == parts[0] or entry.country in parts):
            best = entry
            break
    if best is None:
        if previous is not None and previous.name == name:
            return previous
        return EventLocation(name=name, country=previous.country if previous else None)
    return EventLocation(name=best.name, name_en=best.name_en, admin1=best.admin1, country=best.country,
                         lat=best.lat, lon=best.lon, geo_precision=1 if best.kind in ("facility", "city") else 3,
                         place_id=None)


@router.get("/places")
async def places(request: Request, who: Annotated[Principal, Depends(reviewer)], q: str = "") -> JSONResponse:
    """Gazetteer search for the location field: names starting with ``q`` (Arabic or English)."""
    from marsad.places.gazetteer import name_key

    q = q.strip()[:100]
    if len(q) < 2:
        return JSONResponse([])
    key, low = name_key(q), q.casefold()
    hits = [(k != key and en != low, entry) for k, en, entry in await asyncio.to_thread(_gazetteer_entries)
            if k.startswith(key) or en.startswith(low)]
    # exact names first, then curated kinds (facilities, cities) and bigger towns
    hits.sort(key=lambda h: (h[0], h[1].kind not in ("facility", "city"), -h[1].population))
    found = [{"value": f"{e.name} | {e.admin1 or ''} | {e.country or ''}", "name": e.name, "name_en": e.name_en,
              "admin1": e.admin1, "country": e.country, "kind": e.kind} for _exact, e in hits[:12]]
    return JSONResponse(found)


@router.post("/doc/{doc_id}/events/{event_id}/edit")
async def save_edit(request: Request, doc_id: str, event_id: str,
                    who: Annotated[Principal, Depends(csrf_checked)]) -> HTMLResponse:
    form = await request.form()
    reviewed = await _reviewed_or_404(request, doc_id)
    event = _event_or_404(reviewed, event_id)
    before = event.to_dict()
    after = dict(before)
    changed: list[str] = []
    for name in EDITABLE:
        if name not in form or name == "incident_id":
            continue
        raw = form.get(name)
        value: Any = raw.strip() if isinstance(raw, str) else None
        if name in ("actor1", "actor2"):
            current = (before.get(name) or {}).get("name") or ""
            if value == current:
                continue
            check_value(name, value)
            after[name] = {"name": value, "actor_id": None} if value else None
        elif name == "location":
            current_loc = before.get("location") or {}
            if value == (current_loc.get("name") or ""):
                continue
            loc = _resolve_location(value or "", event.location)
            after[name] = loc.to_dict() if loc else None
        elif name == "historical":
            value = value in ("1", "on", "true")
            if value == before.get(name):
                continue
            after[name] = value
        else:
            value = check_value(name, value)
            current_value = before.get(name)
            if (value if value not in ("",) else None) == (current_value if current_value != "" else None):
                continue
            after[name] = value
        changed.append(name)
    if after.get("sub_event_type") not in EVENT_TYPES.get(str(after.get("event_type")), ()):
        raise ReviewError(f"{after.get('sub_event_type')!r} is not a sub-event type of {after.get('event_type')!r}")
    if changed:
        edit = ReviewEdit(doc_id=doc_id, event_id=event_id, action="edit", reviewer=who.name, at=time.time(),
                          fields=tuple(changed), before=before, after=after)
        await asyncio.to_thread(_catalog(request).add_edit, edit)
    return await _card(request, who, doc_id, event_id)


@router.post("/doc/{doc_id}/events/{event_id}/{action}")
async def decide(request: Request, doc_id: str, event_id: str, action: str,
                 who: Annotated[Principal, Depends(csrf_checked)],
                 reason: Annotated[str | None, Form(max_length=20)] = None) -> HTMLResponse:
    if action not in ("accept", "reject", "reopen"):
        raise ApiError(404, "E_NOT_FOUND", f"no action {action!r} (accept, reject, reopen, edit)")
    if reason is not None and reason not in NOT_EVENT_REASONS and reason != "":
        raise ApiError(422, "E_BAD_EDIT", f"reason {reason!r}; allowed: {', '.join(NOT_EVENT_REASONS)}")
    reviewed = await _reviewed_or_404(request, doc_id)
    event = _event_or_404(reviewed, event_id)
    edit = ReviewEdit(doc_id=doc_id, event_id=event_id, action=action, reviewer=who.name, at=time.time(),
                      before=event.to_dict(), after=event.to_dict(), reason=reason or None)
    await asyncio.to_thread(_catalog(request).add_edit, edit)
    return await _card(request, who, doc_id, event_id)


@router.post("/doc/{doc_id}/add")
async def add_event(request: Request, doc_id: str, who: Annotated[Principal, Depends(csrf_checked)],
                    start: Annotated[int, Form()], end: Annotated[int, Form()],
                    event_type: Annotated[str, Form(max_length=60)],
                    sub_event_type: Annotated[str, Form(max_length=80)]) -> Response:
    reviewed = await _reviewed_or_404(request, doc_id)
    event = new_event(reviewed.document, start=start, end=end, event_type=event_type,
                      sub_event_type=sub_event_type)
    edit = ReviewEdit(doc_id=doc_id, event_id=event.id, action="add", reviewer=who.name, at=time.time(),
                      fields=tuple(EDITABLE), after=event.to_dict())
    await asyncio.to_thread(_catalog(request).add_edit, edit)
    # the text's marks change too: the page reloads (htmx follows HX-Refresh)
    return Response(status_code=204, headers={"HX-Refresh": "true"})


@router.post("/doc/{doc_id}/done")
async def mark_done(request: Request, doc_id: str, who: Annotated[Principal, Depends(csrf_checked)]) -> Response:
    await _reviewed_or_404(request, doc_id)
    edit = ReviewEdit(doc_id=doc_id, event_id="", action="done", reviewer=who.name, at=time.time())
    await asyncio.to_thread(_catalog(request).add_edit, edit)
    return Response(status_code=204, headers={"HX-Refresh": "true"})


@router.post("/incidents/{action}")
async def incident_action(request: Request, action: str, who: Annotated[Principal, Depends(csrf_checked)],
                          doc_id: Annotated[str, Form(max_length=200)],
                          event_id: Annotated[str, Form(max_length=100)],
                          into: Annotated[str | None, Form(max_length=100)] = None) -> Response:
    """Merge an event into another incident (``into``), or split it out into its own incident."""
    if action not in ("merge", "split"):
        raise ApiError(404, "E_NOT_FOUND", "incident actions are merge and split")
    reviewed = await _reviewed_or_404(request, doc_id)
    event = _event_or_404(reviewed, event_id)
    if action == "merge" and (not into or not into.replace("-", "").replace("_", "").replace(":", "").isalnum()):
        raise ApiError(422, "E_BAD_EDIT", "merge needs the incident id to merge into")
    review = reviewed.reviews.get(event_id)
    before = {**event.to_dict(), "incident_id": (review.incident_id if review else None) or event.incident_id}
    try:
        target = await asyncio.to_thread(_catalog(request).move_event, doc_id, event_id,
                                         into if action == "merge" else None)
    except KeyError as err:
        raise ApiError(404, "E_NOT_FOUND", str(err.args[0]) if err.args else "not found") from err
    edit = ReviewEdit(doc_id=doc_id, event_id=event_id, action=action, reviewer=who.name, at=time.time(),
                      fields=("incident_id",), before=before, after={**event.to_dict(), "incident_id": target})
    await asyncio.to_thread(_catalog(request).add_edit, edit)
    return await _card(request, who, doc_id, event_id)


# --- incidents ----------------------------------------------------------------------------------------

def _filters(request: Request) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The filters a page was given (country, admin1, event_type, since, until), and the same as the
    API's query pairs: the days since..until as one event_date range."""
    params = {k: v for k, v in request.query_params.items()
              if k in ("country", "admin1", "event_type", "since", "until") and v}
    api: list[tuple[str, str]] = [(k, params[k]) for k in ("country", "admin1", "event_type") if k in params]
    if params.get("since") or params.get("until"):
        api += [("event_date", f"{params.get('since') or '1900-01-01'}|{params.get('until') or '2999-12-31'}"),
                ("event_date_where", "BETWEEN")]
    return params, api


@router.get("/incidents", response_model=None)
async def incidents_page(request: Request) -> Response:
    """Incidents to review: those reported by several articles first, with their reports and links."""
    from marsad.serve.query import parse_query

    who = _session(request)
    if who is None:
        return _login_redirect(request)
    params, api = _filters(request)
    page_no = request.query_params.get("page", "1")
    api += [("limit", "50"), ("page", page_no if page_no.isdigit() and 0 < int(page_no) < 100_000 else "1")]
    query = parse_query(api)
    found = await asyncio.to_thread(_catalog(request).incident_rows, query)
    rows = sorted(found.rows, key=lambda r: -(r.get("sources") or 0))
    details = []
    for row in rows:
        one = await asyncio.to_thread(_catalog(request).incident, str(row["event_id_cnty"]))
        details.append(one or {**row, "sources": []})
    return _page(request, "incidents.html", who, incidents=details, total=found.total, params=params,
                 query=urllib.parse.urlencode(params), page=query.page)


# --- map and timeline ---------------------------------------------------------------------------------

@router.get("/map", response_model=None)
async def map_page(request: Request) -> Response:
    who = _session(request)
    if who is None:
        return _login_redirect(request)
    params, api = _filters(request)
    response = _page(request, "map.html", who, params=params, api_query=urllib.parse.urlencode(api),
                     query=urllib.parse.urlencode(params))
    response.headers["Content-Security-Policy"] = MAP_CSP
    return response
