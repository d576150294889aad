"""ACLED's query idioms, parsed and checked: ``GET /events?country=Iraq|Syria&event_date=...``.

What ACLED's API users write, and what it means here:

- ``field=value`` filters; ``a|b`` (or ``a:OR:b``) is either value. Text fields compare without
  case; ``country`` takes the ACLED name (Iraq), the ISO 3166-1 code (IQ) or the Arabic name.
- ``actor1``, ``actor2`` and ``actor`` (either side) match a part of the actor's English or Arabic
  name after Arabic folding (hamza forms of alef, ta marbuta, alef maqsura, diacritics and tatweel),
  so ``actor=الجيش العراقي`` finds ``الجيشُ العراقيّ``.
- ``FIELD_where`` chooses the operator of a date or number field: ``=`` (default), ``>``, ``<``,
  ``>=``, ``<=``, ``BETWEEN`` (with ``a|b``); ``event_date=2020-01-01|2020-01-31&event_date_where=BETWEEN``.
- ``fields=a|b|c`` keeps those columns; ``limit`` (default 500, at most 5000) and ``page`` (from 1);
  ``_format=json|csv|geojson``; ``with_total`` is accepted (``total_count`` is always returned).

Everything is checked before the store is asked: an unknown parameter, a malformed date or number,
or a bad operator is a :class:`QueryError` (HTTP 400 with a code), never a store error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marsad.export.acled import COLUMNS, countries
from marsad.text.normalize import fold_key

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
MAX_VALUES = 50  # alternatives in one a|b|c filter
MAX_VALUE_CHARS = 200
FORMATS = ("json", "csv", "geojson")

# parameter -> kind; "text" fields compare case-insensitively, "date"/"number" take _where operators
EVENT_FILTERS: dict[str, str] = {
    "event_id_cnty": "text", "country": "country", "iso": "number", "region": "text",
    "admin1": "text", "location": "text", "event_type": "text", "sub_event_type": "text",
    "disorder_type": "text", "event_date": "date", "year": "number", "time_precision": "number",
    "geo_precision": "number", "fatalities": "number", "timestamp": "number",
    "actor1": "actor", "actor2": "actor", "actor": "actor", "inter1": "number", "inter2": "number",
    "interaction": "number", "article_id": "text", "review_state": "text", "incident_id": "text",
}
CONTROL = ("fields", "limit", "page", "_format", "with_total")
OPERATORS = ("=", ">", "<", ">=", "<=", "BETWEEN")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"-?\d{1,12}$")
_SPLIT = re.compile(r"\||:OR:")


class QueryError(ValueError):
    """A query the API refuses (HTTP 400): ``code`` names the problem, the message says what is allowed."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Condition:
    """One filter: ``name`` compared by ``op`` with ``values`` (any of them, or the two bounds of BETWEEN)."""

    name: str
    kind: str
    op: str
    values: tuple[str, ...]  # folded for comparison (case, Arabic letter forms)
    raw: tuple[str, ...] = ()  # as given (stores that compare themselves take these)

    def matches(self, value: object) -> bool:
        """Whether one row's value of this field passes (used by catalogs that filter in Python)."""
        if self.kind == "actor":
            folded = fold_key(str(value or "")).casefold()
            return any(v in folded for v in self.values)
        if self.kind in ("text", "country"):
            return str(value or "").casefold() in self.values
        if value is None or value == "":
            return False
        left = str(value) if self.kind == "date" else _as_number(value)
        bounds: list[str | float] = [v if self.kind == "date" else float(v) for v in self.values]
        if self.op == "BETWEEN":
            return bool(bounds[0] <= left <= bounds[1])  # type: ignore[operator]
        if self.op == "=":
            return left in bounds
        first = bounds[0]
        return bool({">": left > first, "<": left < first, ">=": left >= first,  # type: ignore[operator]
                     "<=": left <= first}[self.op])  # type: ignore[operator]


def _as_number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A checked query: the filters, the page and the shape of the answer."""

    conditions: tuple[Condition, ...] = ()
    fields: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    page: int = 1
    format: str = "json"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    def condition(self, name: str) -> Condition | None:
        for c in self.conditions:
            if c.name == name:
                return c
        return None

    def matches(self, row: Mapping[str, object]) -> bool:
        """Whether a row (ACLED columns plus marsad's) passes every condition."""
        for c in self.conditions:
            if c.kind == "actor":
                sides = {"actor1": ("actor1", "actor1_ar"), "actor2": ("actor2", "actor2_ar")}.get(
                    c.name, ("actor1", "actor1_ar", "actor2", "actor2_ar", "assoc_actor_1", "assoc_actor_2"))
                if not any(c.matches(row.get(s)) for s in sides):
                    return False
            elif c.kind == "country":
                if not (c.matches(row.get("country")) or c.matches(row.get("country_iso2"))):
                    return False
            elif not c.matches(row.get(c.name)):
                return False
        return True


def _country_values(values: Sequence[str]) -> tuple[str, ...]:
    table = countries()
    by_name = {c.name_en.casefold(): c for c in table.values()}
    by_ar = {fold_key(c.name_ar): c for c in table.values()}
    out: list[str] = []
    for v in values:
        c = table.get(v.upper()) or by_name.get(v.casefold()) or by_ar.get(fold_key(v))
        # an unknown country is not an error: it simply matches nothing (as in ACLED)
        out.append(c.name_en.casefold() if c else v.casefold())
    return tuple(out)


def parse_query(params: Sequence[tuple[str, str]], *, filters: Mapping[str, str] = EVENT_FILTERS,
                columns: Sequence[str] = COLUMNS) -> EventQuery:
    """Check and parse query parameters (as ``(name, value)`` pairs, repeats allowed).

    Raises:
        QueryError: an unknown or repeated parameter, a bad value, operator, format or page.

    >>> q = parse_query([("country", "IQ|Syria"), ("event_date", "2020-01-01|2020-01-31"),
    ...                  ("event_date_where", "BETWEEN"), ("limit", "10")])
    >>> [(c.name, c.op, c.values) for c in q.conditions], q.limit
    ([('country', '=', ('iraq', 'syria')), ('event_date', 'BETWEEN', ('2020-01-01', '2020-01-31'))], 10)
    """
    seen: dict[str, str] = {}
    for name, value in params:
        if name in seen:
            raise QueryError("E_REPEATED_PARAMETER", f"parameter {name!r} is given twice; join values with |")
        if len(value) > MAX_VALUES * MAX_VALUE_CHARS:
            raise QueryError("E_VALUE_TOO_LONG", f"parameter {name!r} is too long")
        seen[name] = value
    wheres = {k[: -len("_where")]: v for k, v in seen.items() if k.endswith("_where")}
    for name in seen:
        base = name[: -len("_where")] if name.endswith("_where") else name
        if base not in filters and name not in CONTROL:
            allowed = ", ".join(sorted([*filters, *CONTROL]))
            raise QueryError("E_UNKNOWN_PARAMETER", f"unknown parameter {name!r}; allowed: {allowed}")
    conditions: list[Condition] = []
    for name, raw in seen.items():
        if name in CONTROL or name.endswith("_where"):
            continue
        kind = filters[name]
        values = [v.strip() for v in _SPLIT.split(raw)]
        if not raw.strip() or any(not v for v in values):
            raise QueryError("E_EMPTY_VALUE", f"parameter {name!r} has an empty value")
        if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_CHARS for v in values):
            raise QueryError("E_VALUE_TOO_LONG", f"parameter {name!r}: at most {MAX_VALUES} values of "
                             f"{MAX_VALUE_CHARS} characters")
        if any(ch < " " or ch == "\x7f" for v in values for ch in v):
            raise QueryError("E_BAD_VALUE", f"parameter {name!r} holds control characters")
        if kind == "actor" and any(not fold_key(v).strip() for v in values):
            raise QueryError("E_EMPTY_VALUE", f"parameter {name!r} has no letters to match")
        op = wheres.pop(name, "=").strip().upper()
        if op not in OPERATORS:
            raise QueryError("E_BAD_OPERATOR", f"{name}_where={op!r}; allowed: {', '.join(OPERATORS)}")
        if op != "=" and kind not in ("date", "number"):
            raise QueryError("E_BAD_OPERATOR", f"{name} is compared by equality only (no {name}_where)")
        if op == "BETWEEN" and len(values) != 2:
            raise QueryError("E_BAD_OPERATOR", f"{name}_where=BETWEEN takes two values: {name}=a|b")
        if op not in ("=", "BETWEEN") and len(values) != 1:
            raise QueryError("E_BAD_OPERATOR", f"{name}_where={op} takes one value")
        if kind == "date":
            for v in values:
                if not _DATE.match(v):
                    raise QueryError("E_BAD_DATE", f"{name}={v!r} is not a date; write YYYY-MM-DD")
                try:
                    dt.date.fromisoformat(v)
                except ValueError as err:
                    raise QueryError("E_BAD_DATE", f"{name}={v!r}: {err}") from err
        elif kind == "number":
            for v in values:
                if not _NUMBER.match(v):
                    raise QueryError("E_BAD_NUMBER", f"{name}={v!r} is not a whole number")
        if kind == "country":
            folded: tuple[str, ...] = _country_values(values)
        elif kind == "actor":
            folded = tuple(fold_key(v).casefold() for v in values)
        elif kind == "text":
            folded = tuple(v.casefold() for v in values)
        else:
            folded = tuple(values)
        conditions.append(Condition(name, kind, op, folded, tuple(values)))
    if wheres:
        name = next(iter(wheres))
        raise QueryError("E_BAD_OPERATOR", f"{name}_where is given without {name}")
    fields: tuple[str, ...] = ()
    if "fields" in seen:
        fields = tuple(f.strip() for f in _SPLIT.split(seen["fields"]) if f.strip())
        unknown = [f for f in fields if f not in columns]
        if unknown or not fields:
            raise QueryError("E_UNKNOWN_FIELD", f"unknown fields {unknown}; allowed: {', '.join(columns)}")
    limit = _positive(seen, "limit", DEFAULT_LIMIT)
    if limit > MAX_LIMIT:
        raise QueryError("E_BAD_LIMIT", f"limit={limit}: at most {MAX_LIMIT} rows per page")
    page = _positive(seen, "page", 1)
    if page > 1_000_000:
        raise QueryError("E_BAD_PAGE", "page is too large")
    fmt = seen.get("_format", "json").strip().lower()
    if fmt not in FORMATS:
        raise QueryError("E_BAD_FORMAT", f"_format={fmt!r}; allowed: {', '.join(FORMATS)}")
    return EventQuery(conditions=tuple(conditions), fields=fields, limit=limit, page=page, format=fmt)


def _positive(seen: Mapping[str, str], name: str, default: int) -> int:
    raw = seen.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"\d{1,9}", raw.strip()) or int(raw) < 1:
        raise QueryError(f"E_BAD_{name.upper()}", f"{name}={raw!r} is not a whole number of at least 1")
    return int(raw)
