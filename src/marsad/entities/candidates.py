"""Proposed mentions over token indices, and the choice among overlapping ones.

Every finder (lexicons and patterns in :mod:`marsad.entities.rules`, the tagger, propagation in
:mod:`marsad.entities`) yields :class:`Candidate` spans; :func:`select` keeps the best
non-overlapping ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Priorities of finders when spans overlap: patterns and lexicons over the statistical tagger,
# which wins over document-level propagation. Within a priority the longer span wins.
PRIO_RULE = 3
PRIO_MODEL = 2
PRIO_PROPAGATED = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention over tokens [start, end), with how sure the finder is."""

    start: int
    end: int
    type: str
    source: str
    priority: int
    skip: int = 0  # folded proclitic letters to drop from the first token
    # Tie-break between equal spans, lowest first: a quoted name after a head reads the context
    # (صحيفة "الرياض" is the newspaper, not the city); otherwise a list entry keeps its type
    # (ريف دمشق is a governorate), and beats a guessed person (بن قردان is a town).
    rank: int = 1
    # the tagger's lowest marginal probability over the span's tags (1.0 for the other finders)
    confidence: float = 1.0


def select(candidates: Iterable[Candidate], n_tokens: int) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    taken = bytearray(n_tokens)
    out = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.rank, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return out

