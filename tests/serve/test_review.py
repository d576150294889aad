"""Review edits laid over machine results (marsad.review), the marks of the article view
(marsad.serve.highlight), and the gold records of reviewed documents."""

from __future__ import annotations

import dataclasses
import time

import pytest

from marsad.document import Document
from marsad.review import ReviewEdit, ReviewError, apply_edits, check_value, new_event
from marsad.serve.gold import gold_records
from marsad.serve.highlight import Annotation, marks_of, render

from .conftest import HOSTILE_TEXT, hostile_doc


def _edit(doc: Document, event_id: str, action: str, **after: object) -> ReviewEdit:
    event = next(e for e in doc.events if e.id == event_id)
    return ReviewEdit(doc_id=doc.id, event_id=event_id, action=action, reviewer="r", at=time.time(),
                      fields=tuple(after), before=event.to_dict(), after={**event.to_dict(), **after})


def test_edits_never_change_the_machine_document(example_doc: Document) -> None:
    machine = Document.from_dict(example_doc.to_dict())
    first = machine.events[0]
    reviewed = apply_edits(machine, [_edit(machine, first.id, "edit", fatalities=11, date="2023-03-13"),
                                     _edit(machine, machine.events[1].id, "reject")])
    assert machine.to_dict() == example_doc.to_dict()
    edited = reviewed.document.events[0]
    assert (edited.fatalities, edited.date) == (11, "2023-03-13")
    assert reviewed.reviews[first.id].state == "edited"
    assert reviewed.reviews[first.id].fields == {"fatalities", "date"}
    assert reviewed.reviews[first.id].machine == first.to_dict()
    assert machine.events[1].id not in {e.id for e in reviewed.accepted().events}
    assert reviewed.state == "in_review"


def test_edits_follow_their_event_when_ids_change(example_doc: Document) -> None:
    machine = Document.from_dict(example_doc.to_dict())
    edit = _edit(machine, machine.events[2].id, "edit", fatalities=4)
    renumbered = Document.from_dict(example_doc.to_dict())
    for k, e in enumerate(renumbered.events):
        e.id = f"x{k}"
    reviewed = apply_edits(renumbered, [edit])
    target = next(e for e in reviewed.document.events if e.evidence.start == machine.events[2].evidence.start)
    assert target.fatalities == 4 and reviewed.reviews[target.id].state == "edited"


def test_an_event_the_new_run_lost_is_kept_as_reviewed(example_doc: Document) -> None:
    machine = Document.from_dict(example_doc.to_dict())
    accepted = _edit(machine, machine.events[0].id, "accept")
    rerun = Document.from_dict(example_doc.to_dict())
    rerun.events = rerun.events[1:]
    reviewed = apply_edits(rerun, [accepted])
    kept = [e for e in reviewed.document.events if e.id == machine.events[0].id]
    assert kept and reviewed.reviews[kept[0].id].state == "kept"


def test_added_events_and_done(example_doc: Document) -> None:
    machine = Document.from_dict(example_doc.to_dict())
    text = machine.text
    start = text.index("انفجار")
    event = new_event(machine, start=start + 2, end=start + 10, event_type="Explosions/Remote violence",
                      sub_event_type="Remote explosive/landmine/IED")
    assert event.evidence.start == start, "the selection widens to whole words"
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    add = ReviewEdit(doc_id=machine.id, event_id=event.id, action="add", reviewer="r", at=1.0,
                     after=event.to_dict())
    done = ReviewEdit(doc_id=machine.id, event_id="", action="done", reviewer="r", at=2.0)
    reviewed = apply_edits(machine, [add, done])
    assert reviewed.reviews[event.id].state == "added" and reviewed.reviewed
    reviewed.document.check_offsets()


@pytest.mark.parametrize(("name", "value"), [
    ("event_type", "Wars"), ("sub_event_type", "Bombing"), ("date", "2023-02-30"), ("date", "14/03/2023"),
    ("fatalities", "-1"), ("fatalities", "many"), ("fatalities", "10000000"), ("colour", "red"),
])
def test_bad_values_are_refused(name: str, value: str) -> None:
    with pytest.raises(ReviewError):
        check_value(name, value)


def test_new_event_refuses_a_type_mismatch_and_empty_selection(example_doc: Document) -> None:
    with pytest.raises(ReviewError):
        new_event(example_doc, start=0, end=5, event_type="Protests", sub_event_type="Attack")
    with pytest.raises(ReviewError):
        new_event(example_doc, start=5, end=5, event_type="Protests", sub_event_type="Peaceful protest")
    with pytest.raises(ReviewError):
        new_event(example_doc, start=0, end=10**6, event_type="Protests", sub_event_type="Peaceful protest")


def test_marks_nest_and_every_mark_is_its_stored_span(example_doc: Document) -> None:
    import re

    marks = marks_of(example_doc)
    html = str(render(example_doc.text, marks))
    # strip the tags: the text comes back exactly (escaped characters unescaped)
    import html as html_lib

    assert html_lib.unescape(re.sub(r"<[^>]+>", "", html)) == example_doc.text
    assert html.count("<mark") == html.count("</mark>") >= len(example_doc.entities)


def test_crossing_spans_are_cut_into_parts() -> None:
    text = "abcdefghij"
    html = str(render(text, [Annotation(0, 6, "quote", "s", "q0"), Annotation(3, 9, "evidence", "pending", "ev1")]))
    assert 'data-part="1"' in html
    assert html.count("<mark") == html.count("</mark>")
    import re

    assert re.sub(r"<[^>]+>", "", html) == text


def test_hostile_text_is_escaped() -> None:
    doc = hostile_doc()
    html = str(render(doc.text, marks_of(doc)))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&#34;&gt;&lt;img" in html
    assert HOSTILE_TEXT.count("<") == html.count("&lt;")


def test_gold_records_keep_reviewed_events_and_reasons(example_doc: Document) -> None:
    machine = Document.from_dict(example_doc.to_dict())
    rejected = machine.events[1]
    edits = [_edit(machine, e.id, "accept") for e in machine.events if e.id != rejected.id]
    reject = _edit(machine, rejected.id, "reject")
    reject = dataclasses.replace(reject, reason="future")
    [gold] = list(gold_records([apply_edits(machine, [*edits, reject])]))
    assert len(gold["events"]) == len(machine.events) - 1
    assert gold["not_events"] == [{"why": "future", "evidence": rejected.evidence.text}]
    assert all(q["quote_head"] for q in gold["quotes"]) and gold["entities"]
    for e in gold["events"]:
        assert e["evidence"] in gold["text"]
