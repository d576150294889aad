"""Warnings attached to articles while reading them (the W1xx codes of ``marsad.errors``)."""

from __future__ import annotations

from marsad.document import ResultWarning
from marsad.errors import WarningCode


def input_warning(code: WarningCode, message: str) -> ResultWarning:
    """A result warning of the ``input`` stage; the code is stored as its plain string.

    >>> input_warning(WarningCode.EMPTY_TEXT, "a.txt: no text").to_dict()
    {'code': 'W101', 'message': 'a.txt: no text', 'stage': 'input'}
    """
    return ResultWarning(code=str(code), message=message, stage="input")
