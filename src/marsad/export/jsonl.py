"""JSON Lines: one contract document result per line, exactly as stored."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from marsad.document import Document


def write_jsonl(results: Iterable[str | Document], out: IO[str]) -> int:
    """Write each result on its own line; return the number of lines.

    A ``str`` is a result line already serialised (the store keeps them byte for byte) and is
    written unchanged; a :class:`Document` is serialised with ``ensure_ascii=False``.
    """
    n = 0
    for result in results:
        line = result if isinstance(result, str) else json.dumps(result.to_dict(), ensure_ascii=False)
        out.write(line.rstrip("\n"))
        out.write("\n")
        n += 1
    return n
