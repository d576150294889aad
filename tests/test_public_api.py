"""The public surface is exactly what the README documents."""

import marsad


def test_public_api_is_exactly_what_we_document() -> None:
    assert sorted(marsad.__all__) == sorted([
        "Article", "Config", "ConfigError", "DataFileError", "Document", "InputError", "MarsadError",
        "Pipeline", "StoreError", "__version__", "extract", "extract_many", "load", "load_config"])
    for name in marsad.__all__:
        assert hasattr(marsad, name)
