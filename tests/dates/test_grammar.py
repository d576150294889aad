"""The grammar: the fast scanner equals the plain regex pass, and the tables compile into it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from marsad.dates.grammar import RULE_ORDER, compiled, rule_patterns
from marsad.text.normalize import fold

from .test_expressions import EXPRESSIONS, NOT_DATES


def _spans(matches: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_every_rule_has_a_pattern_and_a_place_in_the_order() -> None:
    g = compiled()
    assert set(RULE_ORDER) == set(rule_patterns(g.lexicon)) == set(g.rules)


def test_trigger_scan_finds_what_the_full_scan_finds(shared_dir: Path) -> None:
    g = compiled()
    texts = [row[0] for row in EXPRESSIONS] + NOT_DATES
    with (shared_dir / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in itertools.islice(lines, 400)]
    for text in texts:
        folded = fold(text).text
        assert _spans(g.matches(folded)) == _spans(g.scanner.finditer(folded)), text[:80]
