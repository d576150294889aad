"""A person's name that the tagger or the lists start at its nasab (بن ...) takes in the given name
written before it, on real ANT articles of the extra training gold (their text stays in
../shared/data/corpus/ant-v1.1.jsonl); a title, a verb or a place before بن stays out."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import marsad
from marsad.document import Article


@cache
def _entities(shared: Path, article_id: str) -> tuple[tuple[str, str], ...]:
    with (shared / "data" / "corpus" / "ant-v1.1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] == article_id:
                doc = marsad.Pipeline().run(Article(id=article_id, text=record["text"]))
                doc.check_offsets()
                return tuple((m.text, m.type) for m in doc.entities)
    raise LookupError(article_id)


@pytest.mark.parametrize(("article_id", "name"), [
    ("ja-localnews-1736-20161117", "المهدي بن غربية"),
    ("ja-localnews-3980-20170516", "زيد بن معتوق"),
    ("ja-politic-65-17112016", "رمزي بن فرج"),  # written ورمزي: the proclitic stays out
    ("ja-localnews-1784-20170225", "هيكل بن بلقاسم"),
])
def test_the_given_name_before_the_nasab_is_part_of_the_name(shared_dir: Path, article_id: str, name: str) -> None:
    entities = _entities(shared_dir, article_id)
    assert (name, "PER") in entities
    assert (name.split(" ", 1)[1], "PER") not in entities


def test_a_title_before_the_nasab_stays_out() -> None:
    doc = marsad.Pipeline().run(Article(id="t", text="وقال الرئيس بن علي إن الوضع مستقر في العاصمة."))
    assert ("بن علي", "PER") in [(m.text, m.type) for m in doc.entities]


@pytest.mark.parametrize(("sentence", "name"), [
    ("وتحدث عن نظام بن خليفة في البحرين.", "بن خليفة"),  # نظام: the regime
    ("وكتب عن دولة بن سلمان الجديدة.", "بن سلمان"),  # دولة: the state
])
def test_a_common_noun_before_the_nasab_stays_out(sentence: str, name: str) -> None:
    # both words are also names in the person lists; the ANT corpus uses them often as words
    found = [(m.text, m.type) for m in marsad.Pipeline().run(Article(id="t", text=sentence)).entities]
    assert (name, "PER") in found
    assert (sentence.split()[2] + " " + name, "PER") not in found
