"""The exception tree and the warning codes that appear in results.

MarsadError
├── ConfigError(ValueError)   bad setting or flag: refuse to start (exit code 2)
├── InputError(ValueError)    one article unreadable: becomes a W1xx warning in its result
├── DataFileError             packaged lexicon/gazetteer/model missing or not matching MANIFEST
└── StoreError                database unreachable, corrupt, or of an unknown schema version

Warning codes live here so that the CLI, the store, the exports and the tests share them.
"""

from __future__ import annotations

from enum import StrEnum


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class ConfigError(MarsadError, ValueError):
    """A setting, flag or output path is unusable; raised before the first article."""


class InputError(MarsadError, ValueError):
    """One input (file, line, record) cannot be read as an article."""


class DataFileError(MarsadError):
    """A packaged data file is missing, unreadable or does not match its manifest digest."""


class StoreError(MarsadError):
    """The store cannot be opened, is corrupt, or has a schema this version cannot read."""


class WarningCode(StrEnum):
    """Codes of the entries of a result's ``warnings`` list."""

    EMPTY_TEXT = "W101"  # no text at all (empty file, empty HTML body, empty JSON field)
    NOT_TEXT = "W102"  # binary or undecodable bytes
    BAD_RECORD = "W103"  # a JSONL line or record that is not a valid input record
    MIS_ENCODED = "W104"  # decoded with replacement characters or a guessed encoding
    NOT_ARABIC = "W105"  # little or no Arabic script: results will be thin
    TRUNCATED = "W106"  # text cut to the configured maximum length
    BAD_PUBLISHED = "W107"  # `published` is not a date: ignored
    FETCH_FAILED = "W108"  # a URL could not be fetched
    PUBLISHED_FROM_PAGE = "W109"  # `published` read from a date printed on the page, not from metadata
    NO_PUBLISHED = "W201"  # relative dates left unresolved: no published date
    STAGE_FAILED = "W900"  # a stage raised; later stages ran without its output
