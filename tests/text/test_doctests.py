"""The examples in the text layer's docstrings run and hold."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from marsad.text import arabic, normalize, segment


@pytest.mark.parametrize("module", [arabic, normalize, segment], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
