"""Fixtures of the CLI tests: ANT articles in a temporary JSONL file, and a filled store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.document import Actor, ActorRef, Document, Event, EventLocation, Evidence
from marsad.store import open_store

ANT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"


def read_ant_lines(n: int) -> list[str]:
    """The first ``n`` lines of the ANT corpus (real Arabic news articles, input format)."""
    if not ANT.exists():
        raise FileNotFoundError(f"{ANT} is missing: the CLI tests read real articles from ../shared")
    out: list[str] = []
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(line.rstrip("\n"))
            if len(out) == n:
                break
    return out


@pytest.fixture()
def ant_lines() -> Callable[[int], list[str]]:
    """``ant_lines(n)``: the first ``n`` lines of the ANT corpus."""
    return read_ant_lines


@pytest.fixture()
def ant20(tmp_path: Path) -> Path:
    """A JSONL file of the first 20 ANT articles."""
    path = tmp_path / "ant20.jsonl"
    path.write_text("\n".join(read_ant_lines(20)) + "\n", encoding="utf-8")
    return path


# Hand-written sentences (not from any article).
TEXTS = {
    "iq-1": ("قصفت طائرة مسيرة موقعاً عسكرياً قرب الموصل، ما أدى إلى مقتل جنديين.", "2020-03-03", "IQ",
             "الموصل", "Nineveh", 36.335, 43.119),
    "tn-1": ("اعتقلت قوات الأمن ثلاثة أشخاص في القصرين خلال مداهمة ليلية.", "2017-06", "TN",
             "القصرين", "Kasserine", None, None),
    "sy-1": ("سقطت قذائف على حي سكني في حلب دون تسجيل إصابات.", "2016-11-20", "SY",
             "حلب", "Aleppo", 36.2, 37.16),
}


# how surely each sentence reports its event (Syria unscored, as a strategic development would be)
CONFIDENCE = {"iq-1": 0.9, "tn-1": 0.2, "sy-1": None}

@pytest.fixture()
def filled_store(tmp_path: Path, make_doc: Callable[..., Document]) -> Path:
    """A store holding three hand-built results, one event each (Iraq, Tunisia, Syria)."""
    docs = []
    for doc_id, (text, date, country, place, admin1, lat, lon) in TEXTS.items():
        doc = make_doc(text, doc_id=doc_id, published="2020-03-04", title=f"خبر {place}")
        doc.actors.append(Actor(id="a1", name="قوات الأمن", type="ORG", name_en="Security forces", inter=1))
        s = doc.sentences[0]
        doc.events.append(Event(
            id="ev1", event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            evidence=Evidence(start=s.start, end=s.end, text=text[s.start:s.end]),
            actor1=ActorRef(name="قوات الأمن", actor_id="a1"), date=date, confidence=CONFIDENCE[doc_id],
            location=EventLocation(name=place, admin1=admin1, country=country, lat=lat, lon=lon)))
        docs.append(doc)
    db = tmp_path / "filled.db"
    with open_store(db) as store:
        store.put_many(docs, lines=[json.dumps(d.to_dict(), ensure_ascii=False) for d in docs])
    return db
