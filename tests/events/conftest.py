"""Fixtures of the events tests.

Most events tests pin the rule stack's knowledge (cues, modality, coding, arguments): what the
candidates of a sentence are. Since the model decides which candidates stand
(marsad.events.combine), those modules run the events stage as ``EventsConfig(mode="rules")``,
through the ``rules_mode`` fixture and the ``RULES`` config; the reference article and the
not-event tests run the default, model-decided pipeline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

import marsad.pipeline as pipeline_module
from marsad.config import EventsConfig, load_config

RULES = EventsConfig(mode="rules")


@pytest.fixture
def rules_mode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``marsad.extract`` and ``marsad.extract_many`` run the events stage as the rule stack alone."""
    pipe = pipeline_module.Pipeline(dataclasses.replace(load_config(), events=RULES))
    monkeypatch.setattr(pipeline_module, "_default_pipeline", lambda: pipe)
    yield
