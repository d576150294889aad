"""JSON Lines (and JSON arrays) of input records to articles, one warning per bad line.

A record is validated by :meth:`Article.from_dict`. A bad line never stops the file: it becomes an
article with a W103 warning that names the file, the line and the problem, so that the result
stream keeps one entry per input line and a user can find and fix the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.document import Article, ResultWarning
from marsad.errors import InputError, WarningCode
from marsad.ingest.decode import decode_bytes
from marsad.ingest.ids import content_id, location
from marsad.ingest.notes import input_warning

_FIELDS = ("title", "published", "url", "source")


def _record_id(data: Any, fallback: str) -> str:
    if isinstance(data, dict):
        rid = data.get("id")
        if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid):
            return str(rid)
    return fallback


def article_from_record(data: Any, *, label: str, where: str) -> Article:
    """An article from one parsed record; a bad record keeps what is usable and gains a W103 warning.

    Args:
        data: the parsed JSON value of the line.
        label: the readable part of the id made when the record has none (the file stem; see
            :mod:`marsad.ingest.ids`).
        where: ``file:line`` for the warning message.

    >>> article = article_from_record({"text": "قصف", "title": 5}, label="f", where="f.jsonl:1")
    >>> article.id, article.text, article.title, article.warnings[0].message
    ('f-1cee9ca74250', 'قصف', None, "f.jsonl:1: field 'title' must be a string or null, got int (field ignored)")
    """
    article = _article_from_record(data, where)
    # before the id: a content hash cannot encode a lone surrogate
    replaced = article.replace_surrogates()
    if replaced:
        article.warnings.append(input_warning(WarningCode.MIS_ENCODED, (
            f"{where}: {', '.join(replaced)} held lone surrogate escapes (\\ud800-\\udfff), which are no "
            "characters; each was replaced by U+FFFD")))
    if _record_id(data, "") == "":
        article.id = content_id(label, article, where=location(where))
    return article


def _article_from_record(data: Any, where: str) -> Article:
    fallback_id = "?"  # replaced by the caller when the record has no id
    if isinstance(data, dict) and data.get("id") in (None, ""):
        data = {**data, "id": fallback_id}
    try:
        return Article.from_dict(data)
    except InputError as err:
        problem = str(err)
    doc_id = _record_id(data, fallback_id)
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        return Article(id=doc_id, text="", warnings=[
            input_warning(WarningCode.BAD_RECORD, f"{where}: {problem}")])
    # the text is usable: keep it and drop only the fields that are not strings
    values = {k: v for k in _FIELDS if isinstance(v := data.get(k), str)}
    return Article(id=doc_id, text=text, **values, warnings=[
        input_warning(WarningCode.BAD_RECORD, f"{where}: {problem} (field ignored)")])


def split_lines(data: bytes) -> list[bytes]:
    """Lines of ``data`` split at ``\\n`` only, as a file iterates them (a lone ``\\r`` is no line end).

    >>> split_lines(b'{"a": 1}\\n\\n{"b": 2}')
    [b'{"a": 1}\\n', b'\\n', b'{"b": 2}']
    """
    lines = data.split(b"\n")
    out = [ln + b"\n" for ln in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _not_json(err: ValueError) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"not JSON: {err.msg} at column {err.colno}"
    return f"not JSON: {err}"


def _bad_line(where: str, label: str, problem: str, code: WarningCode = WarningCode.BAD_RECORD) -> Article:
    article = Article(id="", text="", warnings=[input_warning(code, f"{where}: {problem}")])
    article.id = content_id(label, article, where=location(where))
    return article


def read_jsonl(lines: Iterable[bytes], *, name: str, stem: str, first_line: int = 1) -> Iterator[Article]:
    """Articles from the lines of a JSONL file, in order; blank lines are skipped.

    Args:
        lines: the raw lines (bytes, with or without their line ends).
        name: the file name for messages (``corpus.jsonl``).
        stem: the label of ids made for records without one (``corpus`` gives ``corpus-<hash>``).
        first_line: the line number of the first of ``lines`` in its file (a part of a file read
            by the Dask engine numbers its lines as the whole file does).
    """
    for lineno, raw in enumerate(lines, first_line):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        notes: list[ResultWarning] = []
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            decoded = decode_bytes(raw)
            notes.append(input_warning(WarningCode.MIS_ENCODED, f"{where}: {decoded.note}"))
            try:
                data = json.loads(decoded.text)
            except ValueError as err:
                yield _bad_line(where, stem, _not_json(err))
                continue
        except ValueError as err:
            yield _bad_line(where, stem, _not_json(err))
            continue
        if not isinstance(data, dict):
            yield _bad_line(where, stem, f"a record must be a JSON object, got {type(data).__name__}")
            continue
        article = article_from_record(data, label=stem, where=where)
        article.warnings[:0] = notes
        yield article


def read_json(data: bytes, *, name: str, stem: str) -> Iterator[Article]:
    """Articles from a ``.json`` file: an array of records, one record, or JSON Lines misnamed."""
    decoded = decode_bytes(data)
    if decoded.code == WarningCode.NOT_TEXT:
        yield _bad_line(name, stem, decoded.note or "not text", code=WarningCode.NOT_TEXT)
        return
    try:
        value = json.loads(decoded.text)
    except ValueError as err:
        if "Extra data" in str(err):  # several values: the file is JSON Lines with a .json name
            yield from read_jsonl(split_lines(decoded.text.encode("utf-8")), name=name, stem=stem)
            return
        yield _bad_line(name, stem, _not_json(err))
        return
    if isinstance(value, dict):
        yield article_from_record(value, label=stem, where=name)
    elif isinstance(value, list):
        for i, item in enumerate(value, 1):
            where = f"{name}[{i}]"
            if not isinstance(item, dict):
                problem = f"a record must be a JSON object, got {type(item).__name__}"
                yield _bad_line(where, stem, problem)
            else:
                yield article_from_record(item, label=stem, where=where)
    else:
        yield _bad_line(name, stem, f"expected an array of records or one record, got {type(value).__name__}")
