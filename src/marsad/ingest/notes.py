"""Warnings attached to articles while reading them (the W1xx codes of ``marsad.errors``)."""

from __future__ import annotations

from marsad.document import ResultWarning
from marsad.errors import WarningCode

# The article's `published` was read from a date printed on the page (its dateline), not from
# metadata: less certain, so the result says where it came from.
PUBLISHED_FROM_PAGE = WarningCode.PUBLISHED_FROM_PAGE


def input_warning(code: WarningCode, message: str) -> ResultWarning:
    """A result warning of the ``input`` stage; the code is stored as its plain string.

    >>> input_warning(WarningCode.EMPTY_TEXT, "a.txt: no text").to_dict()
    {'code': 'W101', 'message': 'a.txt: no text', 'stage': 'input'}
    """
    return ResultWarning(code=str(code), message=message, stage="input")
