"""Counts in messages, in words a reader expects ("1 article", "2 articles")."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` followed by the noun in the number it agrees with.

    >>> plural(1, "article"), plural(0, "article"), plural(2, "entry", "entries")
    ('1 article', '0 articles', '2 entries')
    """
    if count == 1:
        return f"1 {singular}"
    return f"{count} {plural_form or singular + 's'}"
