"""The runner: stage table checks, error policy, input checks."""

from __future__ import annotations

from typing import Any

import pytest

import marsad
from marsad.config import Config, PipelineConfig
from marsad.document import Article, Document
from marsad.errors import ConfigError, WarningCode
from marsad.pipeline import Pipeline, StageSpec, check_stage_table, parse_published


def _boom(doc: Document, config: Any) -> Document:
    raise RuntimeError("stage exploded")


def _codes(doc: Document) -> list[str]:
    return [w.code for w in doc.warnings]


def test_pipeline_stage_table_is_in_data_flow_order() -> None:
    names = Pipeline().stage_names
    order = ["normalize", "segment", "entities", "actors", "places", "dates", "quotes", "events"]
    assert names[:2] == ["normalize", "segment"]
    assert names == [n for n in order if n in names]


def test_pipeline_rejects_a_stage_that_requires_what_nobody_assigns() -> None:
    spec = StageSpec("late", _boom, None, ("events",), ())
    with pytest.raises(ConfigError, match="requires"):
        check_stage_table([spec])


def test_pipeline_failing_stage_becomes_a_warning_and_the_batch_goes_on() -> None:
    pipe = Pipeline(stages=[StageSpec("boom", _boom, None, ("text",), ())])
    docs = list(pipe.run_many([Article(id="a", text="نص عربي"), Article(id="b", text="نص آخر")]))
    assert [d.id for d in docs] == ["a", "b"]
    assert all(WarningCode.STAGE_FAILED in _codes(d) for d in docs)
    assert "stage exploded" in docs[0].warnings[0].message


def test_pipeline_raise_policy_propagates_the_error() -> None:
    config = Config(pipeline=PipelineConfig(on_error="raise"))
    pipe = Pipeline(config, stages=[StageSpec("boom", _boom, None, ("text",), ())])
    with pytest.raises(RuntimeError, match="stage exploded"):
        pipe.run(Article(id="a", text="نص عربي"))


@pytest.mark.parametrize(("text", "published", "code"), [
    ("", None, WarningCode.EMPTY_TEXT),
    ("   \n\t ", None, WarningCode.EMPTY_TEXT),
    ("The army said three soldiers were killed.", None, WarningCode.NOT_ARABIC),
    ("قتل ثلاثة جنود", "yesterday", WarningCode.BAD_PUBLISHED),
    ("قتل ثلاثة جنود", "2022-02-30", WarningCode.BAD_PUBLISHED),
    ("قتل \x00\x00 جنود", None, WarningCode.MIS_ENCODED),
])
def test_pipeline_bad_input_gives_a_warning_not_a_crash(text: str, published: str | None, code: str) -> None:
    doc = Pipeline().run(Article(id="x", text=text, published=published))
    assert code in _codes(doc)
    doc.check_offsets()


def test_pipeline_truncates_huge_text_with_a_warning() -> None:
    config = Config(pipeline=PipelineConfig(max_chars=1000))
    doc = Pipeline(config).run(Article(id="big", text="قتل جندي في هجوم. " * 500))
    assert WarningCode.TRUNCATED in _codes(doc)
    assert len(doc.text) == 1000
    doc.check_offsets()


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-01-05", "2022-01-05"),
    ("2022-01-05T23:30:00+03:00", "2022-01-05"),
    ("2022-01-05 08:00:00Z", "2022-01-05"),
    (None, None),
    ("", None),
])
def test_parse_published_keeps_the_local_date(value: str | None, expected: str | None) -> None:
    got = parse_published(value)
    assert (got.isoformat() if got else None) == expected


def test_extract_many_turns_bad_records_into_warnings() -> None:
    docs = list(marsad.extract_many([{"id": "ok", "text": "قتل جندي"}, {"id": "bad"}, 42]))
    assert [d.id for d in docs] == ["ok", "bad", "record-3"]
    assert WarningCode.BAD_RECORD in _codes(docs[1])
    assert WarningCode.BAD_RECORD in _codes(docs[2])


def test_run_many_in_two_workers_gives_the_same_results_in_order() -> None:
    articles = [Article(id=f"a{i}", text=f"قال مصدر أمني إن {i} جنود قتلوا في بغداد.") for i in range(12)]
    one = [d.to_dict() for d in Pipeline().run_many(articles)]
    two = [d.to_dict() for d in Pipeline().run_many(articles, workers=2)]
    assert one == two
