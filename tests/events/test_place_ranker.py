"""The trained place ranker: its candidates, their features and the choice it makes."""

from __future__ import annotations

import marsad
from marsad.events.arguments import build_index, folded_positions
from marsad.events.arguments.place_ranker import PlaceModel, assign_places, place_candidates, place_model
from marsad.text.normalize import fold


def _doc(text: str) -> marsad.Document:
    return marsad.Pipeline().run(marsad.Article.from_dict({"id": "t", "published": "2017-03-05", "text": text}))


def test_place_weights_are_packaged() -> None:
    model = place_model()
    assert model is not None and model.weights
    assert model.rule_bonus >= 0.0


def test_candidates_are_the_articles_places_the_rules_choice_first() -> None:
    text = ("تونس - أفاد مصدر أمني بأن مسلحين هاجموا مركزا للحرس الوطني في مدينة القصرين أمس. "
            "وقال المصدر إن الهجوم أسفر عن إصابة عونين.")
    doc = _doc(text)
    (event,) = [e for e in doc.events if e.event_type != "Strategic developments"]
    folded = fold(doc.text)
    to_folded = folded_positions(folded)
    scored = place_candidates(doc, build_index(doc, folded, to_folded), to_folded, event)
    first, features = scored[0]
    assert first.rule and "rule" in features
    assert sum(c.rule for c, _ in scored) == 1
    by_name = {c.location.name: f for c, f in scored if c.location is not None}
    kasserine = next(f for name, f in by_name.items() if "القصرين" in name)
    assert "any=evidence" in kasserine or "rule" in kasserine
    assert "before=head" in kasserine  # مدينة before the name
    dateline = [f for name, f in by_name.items() if name == "تونس"]
    assert dateline and "dateline" in dateline[0]


def test_the_rules_choice_stands_with_a_bonus_no_other_feature_beats() -> None:
    text = "تظاهر مئات الأشخاص أمس في مدينة صفاقس للمطالبة بالتشغيل، حسب ما أفاد مراسلنا في تونس."
    doc = _doc(text)
    (event,) = doc.events
    assert event.location is not None and "صفاقس" in event.location.name
    folded = fold(doc.text)
    to_folded = folded_positions(folded)
    index = build_index(doc, folded, to_folded)
    scored = place_candidates(doc, index, to_folded, event)
    model = PlaceModel({f: 1.0 for _, fs in scored[1:] for f in fs}, rule_bonus=0.0)
    assert max(scored, key=lambda cf: model.score(cf[1]))[0] is not scored[0][0]  # the weights alone move it
    stubborn = PlaceModel(model.weights, rule_bonus=1000.0)
    assert max(scored, key=lambda cf: stubborn.score(cf[1]))[0] is scored[0][0]


def test_a_report_of_coordinated_places_keeps_one_event_per_place() -> None:
    text = "نفذ أعوان الصحة اليوم إضرابا عن العمل في ولايتي صفاقس وسوسة للمطالبة بتحسين ظروف العمل."
    doc = _doc(text)
    assert [e.location.admin1 if e.location else None for e in doc.events] == ["Sfax", "Sousse"]
    folded = fold(doc.text)
    to_folded = folded_positions(folded)
    assign_places(doc, build_index(doc, folded, to_folded), to_folded, doc.events)  # once more: nothing moves
    assert [e.location.admin1 if e.location else None for e in doc.events] == ["Sfax", "Sousse"]
