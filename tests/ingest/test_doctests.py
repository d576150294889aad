"""The examples in the ingest modules' docstrings run and hold."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

import marsad.ingest
from marsad.ingest import dates, decode, html, jsonl, notes, rss, text


@pytest.mark.parametrize("module", [marsad.ingest, dates, decode, html, jsonl, notes, rss, text],
                         ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
