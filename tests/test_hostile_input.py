"""Hostile input: whatever bytes or text come in, reading and the whole pipeline never crash and every
offset stays valid (hypothesis here; benchmarks/fuzz.py generates 100k inputs, a short run of it is
below)."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.cli import main
from marsad.config import load_config
from marsad.errors import InputError
from marsad.ingest import Source, read_articles
from marsad.pipeline import Pipeline, parse_published

FUZZ = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz.py"

# Arabic letters and marks, tatweel, presentation forms, three digit scripts, bidi controls and
# invisibles, NUL and other controls, markup and JSON punctuation, astral characters.
HOSTILE = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئء\u064b\u064e\u0650\u0651\u0652\u0640\ufefb٠١٢٣0123\u200f\u202e"
         "\ufeff\x00\x0b\ufffd\u2028 \n\r\t.،؟!«»\"'<>&{}[]"))
texts = st.text(alphabet=HOSTILE, max_size=400)


@pytest.fixture(scope="module")
def strict_pipeline() -> Pipeline:
    """The pipeline under the raise policy: a stage error is a crash here, not a warning."""
    config = load_config()
    return Pipeline(replace(config, pipeline=replace(config.pipeline, on_error="raise")))


def _check(pipeline: Pipeline, article: Any) -> None:
    assert isinstance(article.id, str) and isinstance(article.text, str)
    doc = pipeline.run(article)
    doc.check_offsets()
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")


@given(texts, st.sampled_from([None, "2017-01-20", "20/01/2017", "x", "2017-02-30"]))
@settings(max_examples=120, deadline=None)
def test_pipeline_never_crashes_and_offsets_hold_on_any_text(strict_pipeline: Pipeline, text: str,
                                                             published: str | None) -> None:
    from marsad.document import Article
    _check(strict_pipeline, Article(id="h", text=text, title=text[:30] or None, published=published))


@given(st.binary(max_size=600) | texts.map(lambda t: t.encode("utf-8")) | texts.map(lambda t: t.encode("utf-16")),
       st.sampled_from([None, "html", "feed", "jsonl", "json", "text"]))
@settings(max_examples=150, deadline=None)
def test_any_bytes_in_any_format_read_and_run(strict_pipeline: Pipeline, data: bytes, fmt: str | None) -> None:
    for article in read_articles([Source("-", "stdin", format=fmt)], stdin=io.BytesIO(data)):
        _check(strict_pipeline, article)


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_parse_published_gives_a_date_none_or_an_input_error(value: str) -> None:
    try:
        parse_published(value)
    except InputError:
        pass


def test_lone_surrogate_escapes_in_jsonl_become_a_warning_not_a_stopped_run(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # found by benchmarks/fuzz.py: "\ud800" is valid JSON but no character; the run stopped at the
    # first line holding one (UnicodeEncodeError when writing the result)
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\ud800", "text": "قصف \\udfff في بغداد", "title": "\\udc00"}\n'
                    '{"id": "b", "text": "انفجار في الموصل"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "--db", str(tmp_path / "r.db"), "-o", str(out)]) == 0, capsys.readouterr().err
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert (first["id"], first["title"], first["text"]) == ("a\ufffd", "\ufffd", "قصف \ufffd في بغداد")
    assert first["text"][first["entities"][0]["start"]:first["entities"][0]["end"]] == "بغداد"
    assert [w["code"] for w in first["warnings"]] == ["W104"]
    assert second["id"] == "b" and not second["warnings"]


def test_fuzz_benchmark_short_run_finds_nothing() -> None:
    spec = importlib.util.spec_from_file_location("marsad_fuzz_benchmark", FUZZ)
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fuzz  # its dataclasses look their module up
    spec.loader.exec_module(fuzz)
    outcome = fuzz.fuzz(400, seed=1_000_000)  # seeds apart from the benchmark's default 0..99,999
    assert sum(outcome.tried.values()) == 400 and set(outcome.tried) == set(fuzz.KINDS)
    assert outcome.articles > 200
    assert outcome.failures == []
