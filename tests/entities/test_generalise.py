"""Conventions of the annotation guide and the evidence places need (issue 10): roads and
neighbourhoods, kunya names, ordinary words that are also place names, the tagger's extensions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from marsad.config import EntitiesConfig
from marsad.document import Document
from marsad.entities import _construct_end, _learned_extensions, find_entities
from marsad.entities.candidates import PRIO_MODEL, PRIO_RULE, Candidate
from marsad.entities.lexicons import load_lexicons
from marsad.entities.rules import rule_candidates
from marsad.entities.words import analyze
from marsad.text.segment import token_spans

RULES_ONLY = EntitiesConfig(use_model=False)


def _found(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in doc.entities}


@pytest.mark.parametrize(("sentence", "expected"), [
    # named roads and streets are facilities (ANNOTATION-GUIDE: "named buildings and roads")
    ("وقع الحادث في شارع الحبيب بورقيبة وسط العاصمة.", ("شارع الحبيب بورقيبة", "FAC")),
    ("أغلقت الشرطة نهج قابس صباح اليوم.", ("نهج قابس", "FAC")),
    # a named area or neighbourhood is a GPE (the guide lists neighbourhoods under GPE)
    ("اندلعت مواجهات في حي التضامن ليلة أمس.", ("حي التضامن", "GPE")),
    # the nisba after a kunya is the rest of the name
    ("وقال أبو دعاء المغربي إن التنظيم انسحب.", ("أبو دعاء المغربي", "PER")),
])
def test_conventions_of_the_guide(make_doc: Callable[..., Document], sentence: str,
                                  expected: tuple[str, str]) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert expected in _found(doc)


@pytest.mark.parametrize("sentence", [
    "وقد تم تحويل مبلغ مالي كبير إلى حساب المتهم.",  # مالي: the corpus says "financial"
    "وعثر على جثة داخله بعد ساعات من البحث.",  # داخله: "inside it", not Dakhla
    "ولم يتم التوصل إلى حل عن طريق الحوار.",  # عن طريق: "by way of", no road
])
def test_ordinary_words_are_no_places(make_doc: Callable[..., Document], sentence: str) -> None:
    doc = find_entities(make_doc(sentence))
    assert not [m for m in doc.entities if m.type in ("GPE", "LOC", "FAC")]


@pytest.mark.parametrize(("sentence", "place"), [
    ("وقتل جنديان في مالي، حسب وزارة الدفاع.", "مالي"),  # after a preposition of place
    ("وزار الوفد مدينة الداخلة في الصحراء.", "مدينة الداخلة"),  # after a place head
])
def test_the_same_names_with_evidence_are_places(make_doc: Callable[..., Document], sentence: str,
                                                 place: str) -> None:
    doc = find_entities(make_doc(sentence))
    assert (place, "GPE") in _found(doc)


def test_a_learned_span_that_extends_rule_spans_takes_their_priority() -> None:
    lex = load_lexicons()
    words = [analyze(t, lex) for t in "الجامعة العامة للمالية والتخطيط أن ترامب رفقة زوجته".split()]
    rules = [Candidate(0, 2, "ORG", "pattern", PRIO_RULE), Candidate(5, 6, "PER", "actors", PRIO_RULE)]
    longer = Candidate(0, 4, "ORG", "crf", PRIO_MODEL, confidence=0.8)
    unsure = Candidate(0, 4, "ORG", "crf", PRIO_MODEL, confidence=0.2)
    crossing = Candidate(1, 4, "ORG", "crf", PRIO_MODEL, confidence=0.99)  # cuts a rule span
    with_word = Candidate(5, 7, "PER", "crf", PRIO_MODEL, confidence=0.99)  # رفقة: "with", a frequent word
    out = _learned_extensions([longer, unsure, crossing, with_word], rules, words, lex)
    assert [c.priority for c in out] == [PRIO_RULE, PRIO_MODEL, PRIO_MODEL, PRIO_MODEL]


@pytest.mark.parametrize("sentence", [
    "ونشرت النتائج على شبكة الانترنت مساء اليوم.",  # the internet, no network's name
    "وقال إن الهجوم يستهدف أمن البلاد واستقرارها.",  # the country's security, no agency
    "وانقطع التيار الكهربائي عن المدينة ساعات.",  # the electric current
])
def test_the_tagger_vetoes_patterns_that_name_nothing(make_doc: Callable[..., Document], sentence: str) -> None:
    # the patterns propose a name; the tagger, or the spans the annotated articles never take for
    # names (entities/unnamed-spans.tsv), drop it
    lex = load_lexicons()
    tokens = token_spans(sentence)
    words = [analyze(sentence[a:b], lex) for a, b in tokens]
    with_rules = {sentence[tokens[c.start][0]:tokens[c.end - 1][1]] for c in rule_candidates(words, lex)}
    learned = {m.text for m in find_entities(make_doc(sentence)).entities}
    assert with_rules and not learned & with_rules


def test_a_definite_name_governs_no_common_noun_after_it() -> None:
    """The tagger's span للتحالف نهاية العام stops after the definite word: نهاية العام is a time
    phrase; a person's name after a definite head goes on (المستشفى الجامعي فرحات حشاد)."""
    lex = load_lexicons()
    words = [analyze(t, lex) for t in "للتحالف نهاية العام".split()]
    assert _construct_end(words, 0, 3, lex) == 1
    words = [analyze(t, lex) for t in "المستشفى الجامعي فرحات حشاد".split()]
    assert _construct_end(words, 0, 4, lex) == 4


@pytest.mark.parametrize(("sentence", "expected", "not_expected"), [
    # an outlet's name with its distinctive part quoted is the lexicon's name, both marks inside
    ('ونقلت الجوهرة "اف ام" عن مصدر أمني أن الوضع هادئ.', ('الجوهرة "اف ام"', "ORG"),
     ("الجوهرة", "ORG")),
    # after a head noun the quoted name is the name alone
    ('أعلن تنظيم "داعش" مسؤوليته عن الهجوم.', ("داعش", "ORG"), ('تنظيم "داعش"', "ORG")),
])
def test_a_quoted_part_of_a_listed_name(make_doc: Callable[..., Document], sentence: str,
                                        expected: tuple[str, str], not_expected: tuple[str, str]) -> None:
    doc = find_entities(make_doc(sentence), RULES_ONLY)
    doc.check_offsets()
    assert expected in _found(doc)
    assert not_expected not in _found(doc)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a participle after a place, a role after a person: next to the name, not in it
    ("وقع الحادث في منطقة حيدرة الواقعة بولاية القصرين.", ("منطقة حيدرة", "GPE")),
    ("وقال نعيم الرمضاني كاتب عام النقابة إن الإضراب قائم.", ("نعيم الرمضاني", "PER")),
])
def test_words_next_to_names_are_trimmed(make_doc: Callable[..., Document], sentence: str,
                                         expected: tuple[str, str]) -> None:
    doc = find_entities(make_doc(sentence))
    doc.check_offsets()
    assert expected in _found(doc)


def _build_name_edges() -> Any:
    """scripts/build_name_edges.py, loaded as a module (scripts/ is no package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_name_edges.py"
    spec = importlib.util.spec_from_file_location("build_name_edges", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_name_edges_are_learned_from_the_gold() -> None:
    """The table of scripts/build_name_edges.py: words outside names at their edges, first names never
    trimmed by the stage even when listed (علي is also على folded)."""
    module = _build_name_edges()
    text = "قال محمد علي التابعة للوزارة إن حيدرة التابعة لولاية القصرين وسلتة التابعة لها هادئتان"
    gold = {"text": text, "entities": [{"type": "GPE", "canonical": "حيدرة"}, {"type": "GPE", "canonical": "سلتة"},
                                       {"type": "PER", "canonical": "محمد علي"}]}
    counts = module.edge_counts([gold, gold])
    assert counts["after"]["التابعه"] == 6 and counts["last"]["علي"] == 2
    rows = {(w, side) for w, side, _, _ in module.edge_words(counts)}
    assert ("التابعه", "after") in rows and ("علي", "after") not in rows
    lex = load_lexicons()
    assert "التابعه" in lex.edge_after and analyze("علي", lex).first


def test_served_heads_are_learned_from_the_gold() -> None:
    """scripts/build_name_edges.py lists a head whose gold names close with ب + the town they serve
    (مستشفى) and not one whose names the town only follows (جامعة)."""
    module = _build_name_edges()
    text = "نقل إلى المستشفى الجهوي بالقصرين ثم زار الجامعة التونسية بصفاقس"
    gold = {"text": text, "entities": [{"type": "FAC", "canonical": "المستشفى الجهوي بالقصرين"},
                                       {"type": "ORG", "canonical": "الجامعة التونسية"}]}
    lex = load_lexicons()
    counts = module.served_counts([gold] * 3, lex)
    assert counts["with"]["مستشفي"] == 3 and counts["without"]["جامعه"] == 3
    rows = {head for head, side, _, _ in module.served_heads(counts)}
    assert rows == {"مستشفي"}
    assert "مستشفي" in lex.served_heads and "جامعه" not in lex.served_heads
