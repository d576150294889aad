"""The HTTP API: ACLED-shaped reads of events and incidents, documents, the deletion feed, extraction.

``GET /events`` and ``GET /incidents`` take ACLED's query idioms (see :mod:`marsad.serve.query`)
and answer ``{"status": 200, "success": true, "count": N, "total_count": M, "data": [...]}`` as
ACLED's ``/acled/read`` does, or CSV (``_format=csv``, ACLED's columns first) or a GeoJSON
FeatureCollection (``_format=geojson``). Writes (``POST /extract``) need a bearer token
(``marsad token create``); reads need one only when the server runs with ``--read-token``.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from marsad.document import Article
from marsad.serve.app import ApiError, ServeSettings, principal
from marsad.serve.auth import Principal
from marsad.serve.catalog import EXTRA_COLUMNS, Catalog, Page
from marsad.serve.query import EventQuery, parse_query

router = APIRouter()
MAX_TEXT_CHARS = 500_000
_ID = re.compile(r"[\w.:\-]{1,200}$")


def reader(request: Request) -> Principal | None:
    """Reads are open unless the server requires a token for them."""
    who = principal(request)
    settings: ServeSettings = request.app.state.settings
    if settings.read_token_required and who is None:
        raise ApiError(401, "E_UNAUTHORIZED", "this server requires a bearer token for reads "
                                              "(Authorization: Bearer TOKEN; see `marsad token create`)")
    return who


def writer(request: Request) -> Principal:
    """Writes need a bearer token with the write scope or a desk session with its CSRF token."""
    who = principal(request, "write")
    if who is None:
        raise ApiError(401, "E_UNAUTHORIZED", "writes need a bearer token (Authorization: Bearer TOKEN; "
                                              "see `marsad token create`)")
    if who.via == "session":
        signer = request.app.state.signer
        if not signer.check_csrf(who, request.headers.get("x-csrf-token")):
            raise ApiError(403, "E_CSRF", "the request lacks this session's CSRF token")
    return who


def _catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def _columns(query: EventQuery, extra: tuple[str, ...] = ()) -> list[str]:
    from marsad.export.acled import COLUMNS

    return list(query.fields) if query.fields else [*COLUMNS, *EXTRA_COLUMNS, *extra]


def _respond(page: Page, query: EventQuery, *, extra: tuple[str, ...] = ()) -> Response:
    columns = _columns(query, extra)
    rows = [{c: row.get(c) for c in columns} for row in page.rows]
    if query.format == "csv":
        out = io.StringIO()
        writer_ = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer_.writeheader()
        for row in rows:
            writer_.writerow({k: "" if v is None else v for k, v in row.items()})
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"X-Total-Count": str(page.total)})
    if query.format == "geojson":
        features = []
        for full, row in zip(page.rows, rows, strict=True):
            lat, lon = full.get("latitude"), full.get("longitude")
            geometry = ({"type": "Point", "coordinates": [lon, lat]}
                        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) else None)
            features.append({"type": "Feature", "id": full.get("event_id_cnty"), "geometry": geometry,
                             "properties": row})
        return JSONResponse({"type": "FeatureCollection", "count": len(features), "total_count": page.total,
                             "features": features}, media_type="application/geo+json")
    return JSONResponse({"status": 200, "success": True, "count": len(rows), "total_count": page.total,
                         "page": query.page, "limit": query.limit, "data": rows})


@router.get("/events", tags=["read"], summary="Events, ACLED-style query (reviewed view)")
async def get_events(request: Request, _who: Annotated[Principal | None, Depends(reader)]) -> Response:
    """Events with ACLED's query idioms: ``country``, ``admin1``, ``event_type``, ``sub_event_type``,
    ``actor1``/``actor2``/``actor`` (Arabic folding), ``event_date`` (+ ``event_date_where``),
    ``fatalities`` (+ ``_where``), ``fields``, ``limit``, ``page``, ``_format=json|csv|geojson``."""
    query = parse_query(request.query_params.multi_items())
    page = await asyncio.to_thread(_catalog(request).event_rows, query)
    return _respond(page, query)


@router.get("/incidents", tags=["read"], summary="Incidents (events across articles), ACLED-style query")
async def get_incidents(request: Request, _who: Annotated[Principal | None, Depends(reader)]) -> Response:
    """The same query idioms as ``/events``; one row per incident, with ``sources`` counted."""
    query = parse_query(request.query_params.multi_items())
    page = await asyncio.to_thread(_catalog(request).incident_rows, query)
    return _respond(page, query, extra=("sources",))


@router.get("/incidents/{incident_id}", tags=["read"], summary="One incident with all its sources")
async def get_incident(incident_id: str, request: Request,
                       _who: Annotated[Principal | None, Depends(reader)]) -> Response:
    if not _ID.match(incident_id):
        raise ApiError(400, "E_BAD_ID", "an incident id is letters, digits, '.', ':', '-' or '_'")
    row = await asyncio.to_thread(_catalog(request).incident, incident_id)
    if row is None:
        raise ApiError(404, "E_NOT_FOUND", f"no incident {incident_id!r}")
    return JSONResponse({"status": 200, "success": True, "data": row})


def check_id(value: str, what: str = "document") -> str:
    """An article id from a URL: printable, at most 300 characters (a NUL would reach the database)."""
    if not value or len(value) > 300 or any(ch < " " or ch == "\x7f" for ch in value):
        raise ApiError(400, "E_BAD_ID", f"a {what} id is 1 to 300 printable characters")
    return value


@router.get("/documents/{doc_id}", tags=["read"], summary="One document: the output contract's JSON, reviewed")
async def get_document(doc_id: str, request: Request,
                       _who: Annotated[Principal | None, Depends(reader)]) -> Response:
    """The document result (shared/spec/OUTPUT.md) with the reviewers' edits laid over it and
    rejected events left out; ``review`` gives the state of each event and the document."""
    check_id(doc_id)
    reviewed = await asyncio.to_thread(_catalog(request).reviewed, doc_id)
    if reviewed is None:
        raise ApiError(404, "E_NOT_FOUND", f"no document {doc_id!r}")
    body = reviewed.accepted().to_dict()
    body["review"] = {"state": reviewed.state,
                      "events": {eid: r.state for eid, r in reviewed.reviews.items()}}
    return JSONResponse(body)


def _since(value: str | None) -> float:
    if value is None or not value.strip():
        return 0.0
    value = value.strip()
    if re.fullmatch(r"\d{1,12}(\.\d+)?", value):
        return float(value)
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as err:
        raise ApiError(400, "E_BAD_DATE", f"since={value!r}: write Unix seconds, YYYY-MM-DD or an ISO 8601 time") \
            from err
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.timestamp()


@router.get("/deleted", tags=["read"], summary="Incidents deleted or merged away since a time")
async def get_deleted(request: Request, _who: Annotated[Principal | None, Depends(reader)],
                      since: str | None = None) -> Response:
    """ACLED's deletion feed: what a local copy must drop (``since``: Unix seconds or ISO 8601)."""
    rows = await asyncio.to_thread(_catalog(request).deleted, _since(since))
    return JSONResponse({"status": 200, "success": True, "count": len(rows), "data": rows})


class ArticleIn(BaseModel):
    """One article to extract (the input contract's record)."""

    id: str | None = Field(None, max_length=200, pattern=r"^[\w.:\-]+$")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


@router.post("/extract", tags=["write"], summary="Extract one article, store it, return its document")
async def post_extract(article: ArticleIn, request: Request,
                       who: Annotated[Principal, Depends(writer)]) -> Response:
    """Runs the pipeline on the article and stores the result (re-extracting an id keeps its
    review edits, which are laid over the new result). Needs a bearer token."""
    from marsad.pipeline import Pipeline

    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        state.pipeline = await asyncio.to_thread(Pipeline)
    data = article.model_dump()
    if not data.get("id"):
        data["id"] = "api-" + Article(id="", text=article.text, title=article.title,
                                      published=article.published).content_hash[:16]
    doc = await asyncio.to_thread(state.pipeline.run, Article.from_dict(data))
    await asyncio.to_thread(_catalog(request).put_document, doc)
    # as stored: with its incidents, and with reviewers' edits replayed when the id was reviewed
    reviewed = await asyncio.to_thread(_catalog(request).reviewed, doc.id)
    body = (reviewed.accepted() if reviewed is not None else doc).to_dict()
    return JSONResponse(body, status_code=201, headers={"Location": f"/documents/{doc.id}"})
