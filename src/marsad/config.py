"""Configuration: one frozen dataclass per stage, defaults in code, a user TOML file overlaid.

``load_config("marsad.toml")`` reads a file such as::

    [pipeline]
    max_chars = 500000
    [places]
    min_score = 0.6

Only the keys a file sets change; unknown sections and keys are rejected with the list of allowed
ones, so a typo never silently does nothing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineConfig:
    # Texts longer than this are cut (with a W106 warning) so that one 50 MB file cannot stall a
    # batch; 200,000 characters is about 40 times the longest ANT article.
    max_chars: int = 200_000
    # "record": a failing stage becomes a W900 warning in the result; "raise": the error propagates.
    on_error: str = "record"
    # Fewer Arabic letters than this share of all letters gives a W105 warning (the stages still run).
    min_arabic_share: float = 0.3

    def __post_init__(self) -> None:
        if self.max_chars < 1:
            raise ConfigError(f"pipeline.max_chars must be positive, got {self.max_chars!r}")
        if self.on_error not in ("record", "raise"):
            raise ConfigError(f"pipeline.on_error must be 'record' or 'raise', got {self.on_error!r}")
        if not 0.0 <= self.min_arabic_share <= 1.0:
            raise ConfigError(f"pipeline.min_arabic_share must be in [0, 1], got {self.min_arabic_share!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitiesConfig:
    use_model: bool = True  # the trained tagger; off leaves lexicons and patterns alone


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorsConfig:
    romanize_unknown: bool = True  # build name_en for actors the lexicon does not know


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacesConfig:
    min_score: float = 0.5  # below this a toponym stays unresolved rather than guessed
    # a name that may be an ordinary word needs the context to make it a place (marsad.places.evidence);
    # False resolves every name the gazetteer knows (the model's training script runs so)
    use_evidence_model: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_score <= 1.0:
            raise ConfigError(f"places.min_score must be in [0, 1], got {self.min_score!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DatesConfig:
    resolve_relative: bool = True  # needs the article's `published`; without it they stay unresolved


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotesConfig:
    max_quote_chars: int = 3000  # a quotation longer than this is treated as unbalanced marks


EVENT_MODES = ("article", "sentence", "rules")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsConfig:
    include_historical: bool = True
    # Violence and protest events whose confidence (marsad.events.confidence) is below this are
    # dropped. 0 keeps every event the rules code, as ACLED coding of a whole article needs (the
    # model, trained on sentences judged alone, scores low some reports that the article's other
    # sentences support: on the dev articles 0.20 drops 0.846 -> 0.750 event F1). The model's
    # calibrated threshold for judging single sentences is in data/models/event-confidence.json.
    min_confidence: float = 0.0
    # "article": ACLED coding of a whole article (the model trained on train-ant decides which rule
    # events stand); "sentence": each sentence judged alone, by the model trained on the GSR
    # sentences with its cross-validated threshold (what scripts/run_gsr.py measures); "rules": every
    # event the rule stack codes, no model (the candidates alone: for testing the rules' knowledge).
    mode: str = "article"
    # Who chooses each event's actor1 and actor2 (marsad.events.arguments.actor_ranker): "rules"
    # (the rules alone), "fill" (the rules, and the trained ranker where they found no actor) or
    # "ranker" (the ranker, with the rules' choice as one of its features and a bonus that lets it
    # override their perpetrator only when it is much surer). See the README's figures: the ranker
    # does better on the held-out-like validation split and dev-mashriq, the rules on dev.
    actor_choice: str = "ranker"

    def __post_init__(self) -> None:
        if self.mode not in EVENT_MODES:
            raise ConfigError(f"events.mode must be one of {', '.join(EVENT_MODES)}, got {self.mode!r}")
        if self.actor_choice not in ("rules", "fill", "ranker"):
            raise ConfigError(f"events.actor_choice must be rules, fill or ranker, got {self.actor_choice!r}")
        if isinstance(self.min_confidence, bool) or not isinstance(self.min_confidence, (int, float)) \
                or not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"events.min_confidence must be a number in [0, 1], got {self.min_confidence!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """All settings, one section per stage."""

    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    actors: ActorsConfig = field(default_factory=ActorsConfig)
    places: PlacesConfig = field(default_factory=PlacesConfig)
    dates: DatesConfig = field(default_factory=DatesConfig)
    quotes: QuotesConfig = field(default_factory=QuotesConfig)
    events: EventsConfig = field(default_factory=EventsConfig)

    def with_overrides(self, overrides: dict[str, dict[str, Any]]) -> Config:
        """A copy with ``{"section": {"key": value}}`` applied; unknown names raise ConfigError."""
        sections = {f.name: getattr(self, f.name) for f in fields(self)}
        changed: dict[str, Any] = {}
        for section, values in overrides.items():
            if section not in sections:
                raise ConfigError(f"unknown config section [{section}]; allowed: {', '.join(sorted(sections))}")
            if not isinstance(values, dict):
                raise ConfigError(f"config section [{section}] must be a table")
            current = sections[section]
            allowed = {f.name: f for f in fields(current)}
            for key, value in values.items():
                if key not in allowed:
                    raise ConfigError(f"unknown key {section}.{key}; allowed: {', '.join(sorted(allowed))}")
                default = getattr(current, key)
                if default is not None and not isinstance(value, type(default)) and not (
                        isinstance(default, float) and isinstance(value, int)):
                    raise ConfigError(f"{section}.{key} must be {type(default).__name__}, got {value!r}")
            changed[section] = replace(current, **values)
        return replace(self, **changed)


def load_config(path: str | Path | None = None) -> Config:
    """Defaults, overlaid with the TOML file at ``path`` when given."""
    config = Config()
    if path is None:
        return config
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ConfigError(f"config file {p} does not exist") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {p} is not valid TOML: {err}") from err
    return config.with_overrides(data)
