"""marsad: Arabic news articles in, structured, sourced, geocoded event data out.

>>> import marsad
>>> doc = marsad.extract("أعلنت وزارة الداخلية مقتل ثلاثة عناصر في هجوم.", published="2022-01-05")
>>> doc.id.startswith("sha-")
True
"""

from marsad.config import Config, load_config
from marsad.document import Article, Document
from marsad.errors import ConfigError, DataFileError, InputError, MarsadError, StoreError
from marsad.pipeline import Pipeline, extract, extract_many

__version__ = "0.1.0"

__all__ = ["Article", "Config", "ConfigError", "DataFileError", "Document", "InputError",
           "MarsadError", "Pipeline", "StoreError", "__version__", "extract", "extract_many",
           "load_config"]
