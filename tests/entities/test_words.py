"""Token analyses and lexicon helpers: proclitic readings, articles, heads, demonyms."""

from __future__ import annotations

import pytest

from marsad.entities.lexicons import core_word, load_lexicons, strip_article
from marsad.entities.words import analyze, source_skip
from marsad.text.normalize import fold_key


@pytest.mark.parametrize(("surface", "n", "base"), [
    ("وبغداد", 1, "بغداد"),
    ("لبنان", 0, "لبنان"),
    ("وزارة", 0, "وزاره"),
    ("للتحالف", 1, "التحالف"),
    ("بالعراق", 1, "العراق"),
    ("والحكومة", 1, "الحكومه"),
    ("فإن", 1, "ان"),
])
def test_analyze_reads_proclitics_the_lexicons_support(surface: str, n: int, base: str) -> None:
    w = analyze(surface, load_lexicons())
    assert (w.n, w.base) == (n, base)


@pytest.mark.parametrize(("surface", "head", "definite", "dual"), [
    ("بمحافظة", "GPE", False, False),
    ("محافظتي", "GPE", False, True),
    ("القوات", "ORG", True, False),
    ("مطار", "FAC", False, False),
    ("الخطوط", "ORG", True, False),
    ("خطوط", None, False, False),  # a head only with the article
])
def test_analyze_finds_heads(surface: str, head: str | None, definite: bool, dual: bool) -> None:
    w = analyze(surface, load_lexicons())
    assert (w.head, w.definite, w.dual) == (head, definite, dual)


@pytest.mark.parametrize(("surface", "demonym", "adjective", "blocked"), [
    ("الأميركية", True, True, False),
    ("العراقيين", True, True, False),  # plural nisba still agrees with a human plural head
    ("القتالية", False, False, True),
    ("الشعبي", False, True, False),
])
def test_analyze_classifies_adjectives(surface: str, demonym: bool, adjective: bool, blocked: bool) -> None:
    w = analyze(surface, load_lexicons())
    assert (w.demonym, w.adjective, w.blocked) == (demonym, adjective, blocked)


def test_demonym_table_maps_forms_to_countries() -> None:
    demonyms = load_lexicons().demonyms
    assert demonyms[fold_key("الأميركية")] == "US"
    assert demonyms[fold_key("العراقي")] == "IQ"
    assert demonyms[fold_key("التونسيين")] == "TN"


@pytest.mark.parametrize(("word", "bare", "had"), [("الحكومه", "حكومه", True), ("الله", "الله", False)])
def test_strip_article(word: str, bare: str, had: bool) -> None:
    assert strip_article(word) == (bare, had)


@pytest.mark.parametrize(("word", "core"), [("وبالعراق", "عراق"), ("للتحالف", "تحالف"), ("بغداد", "بغداد")])
def test_core_word(word: str, core: str) -> None:
    assert core_word(word) == core


@pytest.mark.parametrize(("surface", "n", "skip"), [("وبغداد", 1, 1), ("لـالعربي", 1, 2), ("وَبغداد", 1, 2)])
def test_source_skip_counts_marks_with_the_proclitic(surface: str, n: int, skip: int) -> None:
    assert source_skip(surface, n) == skip


def test_lexicon_types_are_entity_types() -> None:
    lex = load_lexicons()
    assert set(lex.heads.values()) <= {"ORG", "FAC", "GPE", "LOC"}
    types = {p.type for by_second in lex.phrases.values() for entries in by_second.values() for p in entries}
    assert types <= {"PER", "ORG", "GPE", "LOC", "FAC"}
    assert set(lex.titles.values()) <= {"title", "role"}
