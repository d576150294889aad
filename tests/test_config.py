"""Configuration: defaults, TOML overlay, unknown keys rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.config import Config, load_config
from marsad.errors import ConfigError


def test_config_overlay_changes_only_the_keys_set(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text("[pipeline]\nmax_chars = 1000\n[places]\nmin_score = 0.7\n", encoding="utf-8")
    config = load_config(path)
    assert config.pipeline.max_chars == 1000
    assert config.places.min_score == 0.7
    assert config.pipeline.on_error == Config().pipeline.on_error


@pytest.mark.parametrize(("toml", "message"), [
    ("[pipelin]\nmax_chars = 5\n", "unknown config section"),
    ("[pipeline]\nmax_char = 5\n", "unknown key pipeline.max_char"),
    ("[pipeline]\nmax_chars = 'many'\n", "must be int"),
    ("[pipeline]\non_error = 'ignore'\n", "on_error"),
    ("[places]\nmin_score = 2\n", "min_score"),
    ("not toml = = =", "not valid TOML"),
])
def test_config_rejects_bad_settings_with_a_clear_message(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_config_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
