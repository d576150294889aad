"""marsad: Arabic news articles in, structured, sourced, geocoded event data out.

>>> import marsad
>>> doc = marsad.extract("أعلنت وزارة الداخلية مقتل ثلاثة عناصر في هجوم.", published="2022-01-05")
>>> doc.id.startswith("sha-")
True
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from marsad.config import Config, load_config
from marsad.document import Article, Document
from marsad.errors import ConfigError, DataFileError, InputError, MarsadError, StoreError
from marsad.pipeline import Pipeline, extract, extract_many

if TYPE_CHECKING:
    import datetime as dt

    import pandas

__version__ = "0.1.0"


def load(db: str | os.PathLike[str] | None = None, *, incidents: bool = True, country: str | None = None,
         since: dt.date | None = None, until: dt.date | None = None) -> pandas.DataFrame:
    """A store's data as a pandas DataFrame with ACLED's columns (needs ``pip install 'marsad[parquet]'``).

    Args:
        db: a store path or URL (default: ``$MARSAD_DB``, ``$MARSAD_DATABASE_URL``, ``./marsad.db``).
        incidents: one row per incident, ACLED's unit (``event_id_cnty`` is the incident id,
            ``source`` all its outlets); False: one row per report (event of one article),
            with its ``incident_id``.
        country, since, until: keep rows of this country (ISO2) and dates (inclusive).

    Raises:
        StoreError: no store there; ConfigError: pyarrow or pandas missing.
    """
    from marsad.export.acled import COLUMNS, INCIDENT_COLUMNS, event_rows, incident_rows
    from marsad.export.table import to_frame
    from marsad.store import EventFilter, EventQuery, default_location, open_store

    flt = EventFilter(country=country, since=since, until=until)
    keep = None if flt.empty else flt.keeps
    with open_store(os.fspath(db) if db is not None else default_location(), create=False) as store:
        if incidents:
            query = EventQuery(country=(country,) if country else (), since=since, until=until)
            return to_frame(incident_rows(store.iter_incidents(query)), INCIDENT_COLUMNS)
        rows = (row for stored in store.iter_results(events=flt)
                for row in event_rows(stored.document(), stored_at=stored.stored_at, keep=keep))
        return to_frame(rows, COLUMNS)

__all__ = ["Article", "Config", "ConfigError", "DataFileError", "Document", "InputError",
           "MarsadError", "Pipeline", "StoreError", "__version__", "extract", "extract_many",
           "load", "load_config"]
