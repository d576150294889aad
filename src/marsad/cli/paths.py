"""Output paths that would destroy data are refused before anything is read or written.

``-o`` of ``extract`` and ``export`` opens its file for writing, which truncates it: pointed at the
store (or its write-ahead log), the whole store is gone; pointed at an input, the articles are.
Both are refused with exit code 2, whatever path spelling, symbolic link or hard link leads there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import ConfigError
from marsad.store.base import store_files


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts
    except OSError:
        return False


def refuse_overwriting(output: str | None, *, store: str, inputs: Iterable[str] = ()) -> None:
    """Raise ConfigError when ``output`` is, or leads to, a file of the store or one of ``inputs``.

    Args:
        output: the ``-o`` value (None or ``-`` for stdout pass).
        store: the store location (path or URL) the run uses.
        inputs: the input files the run reads.
    """
    if output is None or output == "-":
        return
    target = Path(output)
    files = store_files(store)
    for part in files:
        if _same_file(target, part):
            what = "the result store" if part == files[0] else f"the result store's file {part.name}"
            raise ConfigError(f"-o {output} is {what} ({store}): writing there would destroy every stored "
                              "result; choose another output file")
    for name in inputs:
        if _same_file(target, Path(name)):
            raise ConfigError(f"-o {output} is also an input ({name}): writing it would destroy the articles; "
                              "choose another output file")
