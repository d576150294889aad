"""English names built from the glossary for institutions the lexicon does not know."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.actors import resolve_actors
from marsad.document import Document


@pytest.mark.parametrize(("text", "name", "name_en"), [
    ("أصدرت وزارة البيئة بلاغا حول التلوث.", "وزارة البيئة", "Ministry of Environment"),
    ("أعلنت وزارة المرأة عن برنامج جديد.", "وزارة المرأة", "Ministry of Women"),
    ("نددت نقابة الصحفيين بالاعتداء.", "نقابة الصحفيين", "Union of Journalists"),
    ("دعت نقابة التعليم الثانوي إلى إضراب.", "نقابة التعليم الثانوي", "Secondary Education Union"),
    # a last لل + glossary noun is the complement; two-word glossary entries
    ("قال الاتحاد الجهوي للشغل إن الإضراب قائم.", "الاتحاد الجهوي للشغل", "Regional Union of Labour"),
    ("قالت الإدارة الجهوية للتجارة إن الأسعار مستقرة.", "الإدارة الجهوية للتجارة",
     "Regional Administration of Trade"),
    ("أصدرت وزارة الوظيفة العمومية منشورا.", "وزارة الوظيفة العمومية", "Ministry of Civil Service"),
    ("قال المركز العربي إن التقرير جاهز.", "المركز العربي", "Arab Centre"),
    ("أعلنت الهيئة العليا المستقلة للانتخابات عن الموعد.", "الهيئة العليا المستقلة للانتخابات",
     "Independent High Authority for Elections (ISIE)"),
    # neighbours already in the glossary keep their names
    ("أعلنت وزارة الشباب عن برنامج جديد.", "وزارة الشباب", "Ministry of Youth"),
    ("دعت نقابة التعليم إلى إضراب.", "نقابة التعليم", "Union of Education"),
])
def test_institution_english_names(make_doc: Callable[..., Document], text: str, name: str,
                                   name_en: str) -> None:
    doc = resolve_actors(make_doc(text, entities=[(name, "ORG")]))
    doc.check_offsets()
    assert [(a.name, a.name_en) for a in doc.actors] == [(name, name_en)]


def test_family_name_after_ll_joins_the_full_name(make_doc: Callable[..., Document]) -> None:
    # للرحوي leaves the span لرحوي: it is الرحوي of the full name, not a new person
    doc = resolve_actors(make_doc("وقال المنجي الرحوي إن الحكومة فشلت. وقالت مصادر مقربة للرحوي إنه سيستقيل.",
                                  entities=[("المنجي الرحوي", "PER"), ("لرحوي", "PER")]))
    assert len(doc.actors) == 1


def test_ll_word_without_a_fuller_name_stays_apart(make_doc: Callable[..., Document]) -> None:
    doc = resolve_actors(make_doc("وقال المنجي الرحوي إن الوفد سافر إلى لندن.",
                                  entities=[("المنجي الرحوي", "PER"), ("لندن", "GPE")]))
    assert [a.name for a in doc.actors] == ["المنجي الرحوي", "لندن"]


@pytest.mark.parametrize(("place", "country"), [
    ("لندن", "GB"),  # not London, Ontario: of two towns of one name the larger is meant
    ("باريس", "FR"),
])
def test_place_actor_takes_the_larger_town(make_doc: Callable[..., Document], place: str, country: str) -> None:
    doc = resolve_actors(make_doc(f"وسافر الوفد أمس إلى {place} في زيارة رسمية.", entities=[(place, "GPE")]))
    assert [(a.name, a.country) for a in doc.actors] == [(place, country)]


def test_bare_popular_front_is_not_the_pflp(make_doc: Callable[..., Document]) -> None:
    # Tunisian news mean their own الجبهة الشعبية; the short form is the PFLP only after its full name
    doc = resolve_actors(make_doc("وقال نائب عن الجبهة الشعبية إن الحكومة فشلت.",
                                  entities=[("الجبهة الشعبية", "ORG")]))
    assert doc.actors[0].lexicon_id != "pflp"


def test_short_popular_front_after_the_full_pflp_name(make_doc: Callable[..., Document]) -> None:
    text = "وأعلنت الجبهة الشعبية لتحرير فلسطين أن قياديا في الجبهة الشعبية اعتقل."
    doc = resolve_actors(make_doc(text, entities=[("الجبهة الشعبية لتحرير فلسطين", "ORG"),
                                                  ("الجبهة الشعبية", "ORG")]))
    assert [a.lexicon_id for a in doc.actors] == ["pflp"]


def test_unknown_complement_keeps_a_romanised_name(make_doc: Callable[..., Document]) -> None:
    doc = resolve_actors(make_doc("قال الاتحاد الجهوي للمقاولين إن الإضراب قائم.",
                                  entities=[("الاتحاد الجهوي للمقاولين", "ORG")]))
    # المقاولين is not in the glossary: no half-translated "Regional Union of ..."
    assert doc.actors[0].name_en == "Union Al-Jahwi Lalmqaulin"
