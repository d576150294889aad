"""resolve_actors on hand-built documents: which mentions share an actor, and what the actor says."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest

from marsad.actors import lexicon, resolve_actors
from marsad.document import Article, Document, Mention
from marsad.errors import DataFileError

MakeDoc = Callable[..., Document]


def clusters(doc: Document) -> list[set[str]]:
    """Mention texts grouped by actor, in order of the actors."""
    out = []
    for actor in doc.actors:
        out.append({m.text for m in doc.entities if m.actor_id == actor.id})
    return out


def actor_of(doc: Document, text: str) -> str | None:
    return next(m.actor_id for m in doc.entities if m.text == text)


JOINED = [
    # surname after the full name
    ("التقى رئيس الوزراء مصطفى الكاظمي وفدا أمنيا، وقال الكاظمي إن بلاده ماضية في خطتها.",
     [("مصطفى الكاظمي", "PER"), ("الكاظمي", "PER")], "مصطفى الكاظمي", "الكاظمي"),
    # an unknown person, surname only later
    ("أعلن القيادي سمير البدراني أن الهدنة انتهت، وأضاف البدراني أن الرد قادم.",
     [("سمير البدراني", "PER"), ("البدراني", "PER")], "سمير البدراني", "البدراني"),
    # lexicon aliases
    ("تبنى تنظيم الدولة الهجوم، وقالت مصادر إن داعش أرسل عناصره من الصحراء.",
     [("تنظيم الدولة", "ORG"), ("داعش", "ORG")], "تنظيم الدولة", "داعش"),
    # a government by its head's name, and the bare head
    ("قالت الحكومة العراقية إنها ترفض القصف، وأكد مصدر في حكومة الكاظمي أن الحكومة ستحقق.",
     [("الحكومة العراقية", "ORG"), ("حكومة الكاظمي", "ORG"), ("الحكومة", "ORG")],
     "الحكومة العراقية", "حكومة الكاظمي"),
    ("قالت الحكومة العراقية إنها ترفض القصف، وأكد مصدر في حكومة الكاظمي أن الحكومة ستحقق.",
     [("الحكومة العراقية", "ORG"), ("حكومة الكاظمي", "ORG"), ("الحكومة", "ORG")],
     "الحكومة العراقية", "الحكومة"),
    # an admin unit with and without its head
    ("سقطت قذيفة في محافظة الأنبار، وقال مسؤول في الأنبار إن الأضرار محدودة.",
     [("محافظة الأنبار", "GPE"), ("الأنبار", "GPE")], "محافظة الأنبار", "الأنبار"),
    # a base with and without its head; the finder may type the bare name as a place
    ("استهدفت طائرة مسيرة قاعدة عين الأسد فجرا، ولم تسجل في عين الأسد أي إصابات.",
     [("قاعدة عين الأسد", "FAC"), ("عين الأسد", "GPE")], "قاعدة عين الأسد", "عين الأسد"),
    # a shortened name
    ("أعلنت حكومة الوفاق الوطني الليبية السيطرة على الميناء، وقالت حكومة الوفاق إن المعارك توقفت.",
     [("حكومة الوفاق الوطني الليبية", "ORG"), ("حكومة الوفاق", "ORG")],
     "حكومة الوفاق الوطني الليبية", "حكومة الوفاق"),
    # a name plus a country adjective
    ("تقع الجولان قرب الحدود، وتحتل إسرائيل الجولان السوري منذ عقود.",
     [("الجولان", "LOC"), ("إسرائيل", "GPE"), ("الجولان السوري", "LOC")], "الجولان", "الجولان السوري"),
    # a group by its name without its head
    ("أعلن تنظيم القاعدة مسؤوليته، وقالت القاعدة إن الهجوم رد على الغارات.",
     [("تنظيم القاعدة", "ORG"), ("القاعدة", "ORG")], "تنظيم القاعدة", "القاعدة"),
    # a known name under a generic head
    ("أعلنت شركة الخطوط التونسية إلغاء الرحلة، وقالت الخطوط التونسية إن الطائرة معطلة.",
     [("شركة الخطوط التونسية", "ORG"), ("الخطوط التونسية", "ORG")], "شركة الخطوط التونسية",
     "الخطوط التونسية"),
    # a media outlet by its name alone
    ("نقلت وكالة أعماق بيانا، وذكرت أعماق أن المنفذ قتل.",
     [("وكالة أعماق", "ORG"), ("أعماق", "ORG")], "وكالة أعماق", "أعماق"),
    # a bare head pointing to a one-word name through the lexicon (alias تنظيم الدولة)
    ("تبنى داعش التفجير، وقال التنظيم إن عناصره نفذوه.",
     [("داعش", "ORG"), ("التنظيم", "ORG")], "داعش", "التنظيم"),
    # the name inside a longer facility name with a place and an adjective left out
    ("هبطت الطائرة في مطار باريس أورلي الدولي، وأغلقت سلطات أورلي المدرج.",
     [("مطار باريس أورلي الدولي", "FAC"), ("أورلي", "FAC")], "مطار باريس أورلي الدولي", "أورلي"),
    # two names of one place in the places gazetteer
    ("قصفت إسرائيل مواقع في غزة، وقال بيان إن الكيان الصهيوني سيدفع الثمن.",
     [("إسرائيل", "GPE"), ("غزة", "GPE"), ("الكيان الصهيوني", "GPE")], "إسرائيل", "الكيان الصهيوني"),
    # spelling variants of one city
    ("وصل الوفد إلى بروكسل أمس، وتشهد بروكسيل إجراءات مشددة.",
     [("بروكسل", "GPE"), ("بروكسيل", "GPE")], "بروكسل", "بروكسيل"),
    # ل + ال with the alef elided: the mention keeps ل, the key gets the article back
    ("أكد مسؤول أن للتحالف الدولي دورا، وأن التحالف الدولي سيبقى.",
     [("لتحالف الدولي", "ORG"), ("التحالف الدولي", "ORG")], "لتحالف الدولي", "التحالف الدولي"),
    # a short form in parentheses right after the full name (apposition)
    ("أصدرت الهيئة العليا المستقلة للاتصال السمعي البصري (الهايكا) قرارا، وقالت الهايكا إنه نهائي.",
     [("الهيئة العليا المستقلة للاتصال السمعي البصري", "ORG"), ("الهايكا", "ORG"), ("الهايكا", "ORG")],
     "الهيئة العليا المستقلة للاتصال السمعي البصري", "الهايكا"),
    # ... written bare after it
    ("حذرت منظمة الأمم المتحدة للطفولة اليونيسيف من نقص الغذاء.",
     [("منظمة الأمم المتحدة للطفولة", "ORG"), ("اليونيسيف", "ORG")], "منظمة الأمم المتحدة للطفولة", "اليونيسيف"),
    # a person's nickname in quotation marks
    ('اغتيل القيادي خليل الوزير "أبو جهاد" في تونس.',
     [("خليل الوزير", "PER"), ("أبو جهاد", "PER"), ("تونس", "GPE")], "خليل الوزير", "أبو جهاد"),
    # one name with and without a space inside
    ("وصل الوفد إلى منزل بوزلفة صباحا، ثم غادر منزل بو زلفة مساء.",
     [("منزل بوزلفة", "GPE"), ("منزل بو زلفة", "GPE")], "منزل بوزلفة", "منزل بو زلفة"),
    # a person's surname with and without the article
    ("قال سامي خليفي إن الموعد تأجل، وأكد سامي الخليفي ذلك.",
     [("سامي خليفي", "PER"), ("سامي الخليفي", "PER")], "سامي خليفي", "سامي الخليفي"),
    # an organisation taken up by its head and a country adjective
    ("نشرت صحيفة الغارديان تقريرا، وقالت الصحيفة البريطانية إن الوثائق مسربة.",
     [("صحيفة الغارديان", "ORG"), ("الصحيفة البريطانية", "ORG")], "صحيفة الغارديان", "الصحيفة البريطانية"),
    # ... by its first word alone, which is no head of the tables
    ("قال المرصد السوري لحقوق الإنسان إن القصف تواصل، وأضاف المرصد أن الضحايا مدنيون.",
     [("المرصد السوري لحقوق الإنسان", "ORG"), ("المرصد", "ORG")], "المرصد السوري لحقوق الإنسان", "المرصد"),
]


@pytest.mark.parametrize(("text", "entities", "a", "b"), JOINED)
def test_resolve_joins_forms_of_one_referent(make_doc: MakeDoc, text: str,
                                              entities: list[tuple[str, str]], a: str, b: str) -> None:
    doc = resolve_actors(make_doc(text, entities=entities))
    doc.check_offsets()
    assert actor_of(doc, a) == actor_of(doc, b)


SEPARATE = [
    # a port and the town it is named after
    ("قصفت الطائرات ميناء الحديدة، وقال سكان في الحديدة إن الانفجارات هزت المدينة.",
     [("ميناء الحديدة", "FAC"), ("الحديدة", "GPE")], "ميناء الحديدة", "الحديدة"),
    # an airport and its city
    ("هبطت الطائرة في مطار بغداد الدولي، ثم توجه الوفد إلى بغداد.",
     [("مطار بغداد الدولي", "FAC"), ("بغداد", "GPE")], "مطار بغداد الدولي", "بغداد"),
    # a country's forces and its administration
    ("قالت الإدارة الأميركية إن القوات الأميركية ستبقى في القواعد.",
     [("الإدارة الأميركية", "ORG"), ("القوات الأميركية", "ORG")], "الإدارة الأميركية", "القوات الأميركية"),
    # a government and that government's forces
    ("قالت حكومة الوفاق إن قوات حكومة الوفاق تقدمت نحو الميناء.",
     [("حكومة الوفاق", "ORG"), ("قوات حكومة الوفاق", "ORG")], "حكومة الوفاق", "قوات حكومة الوفاق"),
    # people whose names differ in a long vowel only
    ("التقى حسن علي بحسين علي في المدينة.",
     [("حسن علي", "PER"), ("حسين علي", "PER")], "حسن علي", "حسين علي"),
    # a body of an organisation and the organisation
    ("قالت رئاسة الحكومة إن الحكومة ستجتمع غدا.",
     [("رئاسة الحكومة", "ORG"), ("الحكومة", "ORG")], "رئاسة الحكومة", "الحكومة"),
    ("قالت الحكومة السورية إن قوات الحكومة السورية تقدمت.",
     [("الحكومة السورية", "ORG"), ("قوات الحكومة السورية", "ORG")],
     "الحكومة السورية", "قوات الحكومة السورية"),
    # a radio station named after its town
    ("قالت إذاعة تطاوين إن الطريق إلى تطاوين مغلق.",
     [("إذاعة تطاوين", "ORG"), ("تطاوين", "GPE")], "إذاعة تطاوين", "تطاوين"),
    # two people with different surnames
    ("التقى كمال الحسناوي بسعد السعدي في بغداد.",
     [("كمال الحسناوي", "PER"), ("سعد السعدي", "PER")], "كمال الحسناوي", "سعد السعدي"),
    # two lexicon entries never join, even when one name contains the other
    ("تنتشر قوات الحشد الشعبي بينما تنفي عصائب أهل الحق أي دور.",
     [("الحشد الشعبي", "ORG"), ("عصائب أهل الحق", "ORG")], "الحشد الشعبي", "عصائب أهل الحق"),
    # a person and an organisation named after a person
    ("قال عبد الملك الحوثي إن الحوثيين سيردون.",
     [("عبد الملك الحوثي", "PER"), ("الحوثيين", "ORG")], "عبد الملك الحوثي", "الحوثيين"),
    # the object right after the subject is no apposition
    ("دعت حركة النهضة الحكومة إلى الحوار.",
     [("حركة النهضة", "ORG"), ("الحكومة", "ORG")], "حركة النهضة", "الحكومة"),
    # a head with an adjective that may be part of a name is another body
    ("أعلنت القيادة العامة للجيش الليبي الهدنة، بينما نفت القيادة المركزية أي اتفاق.",
     [("القيادة العامة للجيش الليبي", "ORG"), ("القيادة المركزية", "ORG")],
     "القيادة العامة للجيش الليبي", "القيادة المركزية"),
    # a facility's head with an adjective is another facility
    ("أقيمت المباراة في ملعب سيدي بوعلي، وتأجلت مباراة الملعب البلدي.",
     [("ملعب سيدي بوعلي", "FAC"), ("الملعب البلدي", "FAC")], "ملعب سيدي بوعلي", "الملعب البلدي"),
    # a country adjective that names another country than the organisation's
    ("قالت صحيفة لوموند الفرنسية إن الصحيفة البريطانية نشرت الوثائق أولا.",
     [("صحيفة لوموند الفرنسية", "ORG"), ("الصحيفة البريطانية", "ORG")],
     "صحيفة لوموند الفرنسية", "الصحيفة البريطانية"),
]


@pytest.mark.parametrize(("text", "entities", "a", "b"), SEPARATE)
def test_resolve_keeps_distinct_referents_apart(make_doc: MakeDoc, text: str,
                                                 entities: list[tuple[str, str]], a: str, b: str) -> None:
    doc = resolve_actors(make_doc(text, entities=entities))
    doc.check_offsets()
    assert actor_of(doc, a) != actor_of(doc, b)


def test_rules_are_recorded(make_doc: MakeDoc) -> None:
    text = "قال مصطفى الكاظمي إن الحكومة العراقية ستحقق، وأكد الكاظمي أن الحكومة جادة."
    doc = resolve_actors(make_doc(text, entities=[
        ("مصطفى الكاظمي", "PER"), ("الحكومة العراقية", "ORG"), ("الكاظمي", "PER"), ("الحكومة", "ORG")]))
    rules = {m.text: doc.cache["actor_rules"][m.id] for m in doc.entities}
    assert rules == {"مصطفى الكاظمي": "lexicon", "الحكومة العراقية": "lexicon", "الكاظمي": "lexicon",
                     "الحكومة": "shortened"}


def test_resolve_picks_the_nearest_earlier_full_name(make_doc: MakeDoc) -> None:
    text = "التقى أحمد الشريفي بمحمد الشريفي في بغداد. وقال الشريفي إن اللقاء كان وديا."
    doc = make_doc(text, entities=[("أحمد الشريفي", "PER"), ("محمد الشريفي", "PER")])
    start = text.rindex("الشريفي")
    doc.entities.append(Mention(id="m3", type="PER", text="الشريفي", start=start, end=start + 7))
    resolve_actors(doc)
    doc.check_offsets()
    assert doc.entities[2].actor_id == doc.entities[1].actor_id != doc.entities[0].actor_id


def test_every_mention_gets_an_actor_and_ids_follow_the_text(make_doc: MakeDoc) -> None:
    text = "زار الرئيس دونالد ترامب العراق، والتقى ترامب الجنود في قاعدة عين الأسد."
    doc = resolve_actors(make_doc(text, entities=[("دونالد ترامب", "PER"), ("العراق", "GPE"),
                                                  ("ترامب", "PER"), ("قاعدة عين الأسد", "FAC")]))
    doc.check_offsets()
    assert all(m.actor_id for m in doc.entities)
    assert [a.id for a in doc.actors] == ["a1", "a2", "a3"]
    assert [a.type for a in doc.actors] == ["PER", "GPE", "FAC"]
    assert clusters(doc) == [{"دونالد ترامب", "ترامب"}, {"العراق"}, {"قاعدة عين الأسد"}]


ACTORS = [
    # (text, entities, mention, name, aliases, name_en, category, inter, country, lexicon_id)
    ("قال مصطفى الكاظمي ثم أكد الكاظمي ذلك.", [("مصطفى الكاظمي", "PER"), ("الكاظمي", "PER")],
     "الكاظمي", "مصطفى الكاظمي", ["الكاظمي"], "Mustafa al-Kadhimi", "state", 1, "IQ", "kadhimi"),
    ("أعلنت حركة الأبدال مسؤوليتها.", [("حركة الأبدال", "ORG")],
     "حركة الأبدال", "حركة الأبدال", [], "Harakat al-Abdal", "armed_group", 3, "IQ", "abdal"),
    ("زار الوفد العراق أمس.", [("العراق", "GPE")],
     "العراق", "العراق", [], "Iraq", "state", None, "IQ", None),
    ("قال كمال الحسناوي إن الرد قادم.", [("كمال الحسناوي", "PER")],
     "كمال الحسناوي", "كمال الحسناوي", [], "Kamal al-Hasnawi", "other", None, None, None),
    ("قال وزير الدفاع خالد الزيدي إن الوضع هادئ.", [("خالد الزيدي", "PER")],
     "خالد الزيدي", "خالد الزيدي", [], None, "state", None, None, None),
    ("قالت حكومة الكاظمي إنها ستحقق في الهجوم.", [("حكومة الكاظمي", "ORG")],
     "حكومة الكاظمي", "حكومة الكاظمي", [], "Government of Iraq", "state", 1, "IQ", None),
    ("انتشرت قوات الأمن الجزائرية في الشوارع.", [("قوات الأمن الجزائرية", "ORG")],
     "قوات الأمن الجزائرية", "قوات الأمن الجزائرية", [], "Security Forces of Algeria", "state", 1, "DZ",
     "dz-security"),
    ("هاجمت ميليشيا الكرامة الموقع.", [("ميليشيا الكرامة", "ORG")],
     "ميليشيا الكرامة", "ميليشيا الكرامة", [], None, "armed_group", 3, None, None),
    ("خرج المتظاهرون العراقيون إلى الساحات.", [("المتظاهرون العراقيون", "ORG")],
     "المتظاهرون العراقيون", "المتظاهرون العراقيون", [], "Iraqi protesters", "political", 6, "IQ", None),
]


@pytest.mark.parametrize(("text", "entities", "mention", "name", "aliases", "name_en", "category", "inter",
                          "country", "lexicon_id"), ACTORS)
def test_actor_fields(make_doc: MakeDoc, text: str, entities: list[tuple[str, str]], mention: str,
                      name: str, aliases: list[str], name_en: str | None, category: str,
                      inter: int | None, country: str | None, lexicon_id: str | None) -> None:
    doc = resolve_actors(make_doc(text, entities=entities))
    actor = doc.actor(actor_of(doc, mention))
    assert actor is not None
    assert (actor.name, actor.aliases, actor.category, actor.inter, actor.country, actor.lexicon_id) == (
        name, aliases, category, inter, country, lexicon_id)
    if name_en is not None:
        assert actor.name_en == name_en
    else:
        assert actor.name_en  # romanised: never empty


def test_state_body_without_country_takes_the_article_country(make_doc: MakeDoc) -> None:
    text = "وقع انفجار في بروكسل، وقالت الشرطة إن محطة بروكسل أغلقت وإن بلجيكا في حالة تأهب."
    doc = resolve_actors(make_doc(text, entities=[("بروكسل", "GPE"), ("الشرطة", "ORG"),
                                                  ("بلجيكا", "GPE")]))
    police = doc.actor(actor_of(doc, "الشرطة"))
    assert police is not None
    assert (police.country, police.category, police.name_en, police.lexicon_id) == (
        "BE", "state", "Police Forces of Belgium", "be-police")


LONE_SURNAMES = [
    # the lexicon's person: Iraq is in the article
    ("قال العامري في بغداد إن الفصائل لن تنسحب.", [("العامري", "PER"), ("بغداد", "GPE")], "amiri"),
    # someone else with that surname: a Tunisian article
    ("قال العامري في صفاقس إن الإضراب متواصل.", [("العامري", "PER"), ("صفاقس", "GPE")], None),
    # someone else, named in full in the article
    ("قال محمد العامري في بغداد إن الطريق مغلق، وأضاف العامري أن الوضع هادئ.",
     [("محمد العامري", "PER"), ("بغداد", "GPE"), ("العامري", "PER")], None),
]


@pytest.mark.parametrize(("text", "entities", "lexicon_id"), LONE_SURNAMES)
def test_lone_surname_needs_support(make_doc: MakeDoc, text: str, entities: list[tuple[str, str]],
                                    lexicon_id: str | None) -> None:
    doc = make_doc(text, entities=entities[:2])
    if len(entities) > 2:
        start = text.rindex(entities[2][0])
        doc.entities.append(Mention(id="m3", type="PER", text=entities[2][0], start=start,
                                    end=start + len(entities[2][0])))
    resolve_actors(doc)
    actor = doc.actor(doc.entities[-1].actor_id if len(entities) > 2 else doc.entities[0].actor_id)
    assert actor is not None and actor.lexicon_id == lexicon_id


def test_actor_type_follows_most_mentions_of_its_name(make_doc: MakeDoc) -> None:
    text = "زار الوفد تونس ثم غادر تونس، وقالت تونس إنها ترحب بالزيارة."
    doc = make_doc(text, entities=[("تونس", "ORG"), ("تونس", "GPE"), ("تونس", "GPE")])
    resolve_actors(doc)
    assert [a.type for a in doc.actors] == ["GPE"]


PEOPLE = [
    ("قال نائب زعيم جماعة حركة الأبدال كمال الحسناوي إن الرد قادم.",
     [("حركة الأبدال", "ORG"), ("كمال الحسناوي", "PER")], "كمال الحسناوي", "armed_group", 3, "IQ"),
    ("قال المتحدث باسم الجيش العراقي يحيى رسول إن العملية انتهت.",
     [("الجيش العراقي", "ORG"), ("يحيى رسول", "PER")], "يحيى رسول", "state", 1, "IQ"),
    ("قال وزير الخارجية العراقي رائد الحمداني إن بغداد ترفض ذلك.",
     [("رائد الحمداني", "PER"), ("بغداد", "GPE")], "رائد الحمداني", "state", None, "IQ"),
    # an apposition between the group and its member's name
    ("صرح القيادي في كتائب الفجر، إحدى الجماعات الناشطة في سوريا، عمار الدرعاوي بأن القتال مستمر.",
     [("كتائب الفجر", "ORG"), ("سوريا", "GPE"), ("عمار الدرعاوي", "PER")], "عمار الدرعاوي", "armed_group",
     2, None),
    # a new clause: the person is not the group's
    ("قال زعيم حركة الأبدال إن سعد السعدي لا يمثل أحدا.",
     [("حركة الأبدال", "ORG"), ("سعد السعدي", "PER")], "سعد السعدي", "other", None, None),
    # an organisation in another clause says nothing about the person
    ("هاجمت حركة الأبدال القاعدة. وقال سعد السعدي إن الهجوم مدان.",
     [("حركة الأبدال", "ORG"), ("سعد السعدي", "PER")], "سعد السعدي", "other", None, None),
]


@pytest.mark.parametrize(("text", "entities", "person", "category", "inter", "country"), PEOPLE)
def test_unknown_person_takes_affiliation(make_doc: MakeDoc, text: str, entities: list[tuple[str, str]],
                                          person: str, category: str, inter: int | None,
                                          country: str | None) -> None:
    doc = resolve_actors(make_doc(text, entities=entities))
    actor = doc.actor(actor_of(doc, person))
    assert actor is not None
    assert (actor.category, actor.inter, actor.country) == (category, inter, country)


def test_lexicon_decides_person_or_group(make_doc: MakeDoc) -> None:
    doc = resolve_actors(make_doc("قالت حماس إن التهدئة انتهت.", entities=[("حماس", "PER")]))
    assert doc.actors[0].type == "ORG"


def test_punctuation_mention_still_gets_an_actor() -> None:
    text = "قال « ثم - هنا"
    doc = Document(article=Article(id="p", text=text))
    doc.entities = [Mention(id="m1", type="ORG", text="«", start=4, end=5),
                    Mention(id="m2", type="PER", text="-", start=9, end=10),
                    Mention(id="m3", type="GPE", text=" ", start=3, end=4)]
    resolve_actors(doc)
    doc.check_offsets()
    assert all(m.actor_id for m in doc.entities)


def test_state_body_takes_the_country_of_known_actors_without_places(make_doc: MakeDoc) -> None:
    text = "قالت الحكومة العراقية إن الشرطة اعتقلت المشتبه بهم."
    doc = resolve_actors(make_doc(text, entities=[("الحكومة العراقية", "ORG"), ("الشرطة", "ORG")]))
    police = doc.actor(actor_of(doc, "الشرطة"))
    assert police is not None and (police.country, police.lexicon_id) == ("IQ", "iq-police")


def test_state_body_without_country_adopts_the_countrys_entry(make_doc: MakeDoc) -> None:
    text = "قالت وزارة الصحة إن ثلاثة قتلوا في غزة، وإن المستشفيات في خان يونس مكتظة."
    doc = resolve_actors(make_doc(text, entities=[("وزارة الصحة", "ORG"), ("غزة", "GPE"),
                                                  ("خان يونس", "GPE")]))
    ministry = doc.actor(actor_of(doc, "وزارة الصحة"))
    assert ministry is not None
    assert (ministry.country, ministry.lexicon_id, ministry.name_en) == (
        "PS", "ps-moh", "Ministry of Health of Palestine")


ENGLISH = [
    ("المركز الإعلامي الخاص", "Special Media Centre"),
    ("النيابة العمومية", "Public Prosecution"),
    ("وزارة الاستخبارات", "Ministry of Intelligence"),
    ("وكالة الأنباء الوطنية", "National News Agency"),
    ("قوات النخبة", "Elite Forces"),
    ("مركز توزيع البريد", None),  # توزيع is not in the glossary: head + romanised rest
]


@pytest.mark.parametrize(("name", "english"), ENGLISH)
def test_english_name_of_unknown_institution(make_doc: MakeDoc, name: str, english: str | None) -> None:
    doc = resolve_actors(make_doc(f"قال {name} في بيان.", entities=[(name, "ORG")]))
    name_en = doc.actors[0].name_en
    assert name_en is not None
    if english is not None:
        assert name_en == english
    else:
        assert name_en.startswith("Centre ") and name_en.isascii()


def test_empty_document_has_no_actors(make_doc: MakeDoc) -> None:
    doc = resolve_actors(make_doc("لا أسماء في هذه الجملة."))
    assert doc.actors == []


def test_rerun_replaces_actors(make_doc: MakeDoc) -> None:
    doc = make_doc("قال مصطفى الكاظمي ذلك.", entities=[("مصطفى الكاظمي", "PER")])
    resolve_actors(doc)
    resolve_actors(doc)
    assert len(doc.actors) == 1
    doc.check_offsets()


def test_resolves_without_any_data_file(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other stages' files (and our own) may be missing while the project is built."""
    # the package re-exports the function romanize, which hides the module of the same name
    romanize = importlib.import_module("marsad.text.romanize")

    def missing(relative: str) -> tuple[tuple[str, ...], ...]:
        raise DataFileError(f"{relative} is not installed")

    monkeypatch.setattr(lexicon, "read_tsv", missing)
    monkeypatch.setattr(romanize, "read_tsv", missing)
    lexicon.tables.cache_clear()
    romanize.name_words.cache_clear()
    romanize.romanize.cache_clear()
    try:
        text = "قال مصطفى الكاظمي إن الكاظمي والحكومة العراقية في بغداد."
        doc = resolve_actors(make_doc(text, entities=[("مصطفى الكاظمي", "PER"), ("بغداد", "GPE")]))
        doc.check_offsets()
        assert all(m.actor_id for m in doc.entities)
        assert doc.actors[0].lexicon_id is None and doc.actors[0].name_en
    finally:
        lexicon.tables.cache_clear()
        romanize.name_words.cache_clear()
        romanize.romanize.cache_clear()
