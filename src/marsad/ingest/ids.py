"""Article ids for inputs that give none: a readable label and a hash of the content.

A file, stdin, or a record or feed item without an id of its own gets ``<label>-<12 hex digits>``:
the label is the file stem (``stdin`` for standard input), the digits begin the SHA-256 of what the
pipeline reads (:attr:`Article.content_hash`: title, published date and text). So the same article
always gets the same id, wherever and whenever it is read, while two different articles never share
one: ``news/one.txt`` and ``other/one.txt`` with different texts, or two texts piped in on
different days, are two results, not one replacing the other. An input that yields no text (a file
that cannot be read, a line that is not JSON) has no content to hash: its id hashes where it was
read instead (the absolute path, and the line or item number), so failures stay apart too.
"""

from __future__ import annotations

import hashlib
import os

from marsad.document import Article

ID_DIGITS = 12  # 48 bits: a clash is expected only after about 16 million articles under one label


def content_id(label: str, article: Article, *, where: str) -> str:
    """The id of an article read without one: ``<label>-<hash of its content, or of where>``.

    >>> content_id("one", Article(id="", text="قصف"), where="/a/one.txt")
    'one-1cee9ca74250'
    >>> content_id("one", Article(id="", text="قصف"), where="/b/one.txt")
    'one-1cee9ca74250'
    >>> content_id("one", Article(id="", text=""), where="/a/one.txt") != content_id(
    ...     "one", Article(id="", text=""), where="/b/one.txt")
    True
    """
    if article.text.strip():
        digest = article.content_hash
    else:
        digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{label or 'article'}-{digest[:ID_DIGITS]}"


def location(name: str) -> str:
    """Where an input was read, stable across runs and working directories (absolute for files)."""
    if name.startswith(("http://", "https://", "<")):
        return name
    return os.path.abspath(name)
