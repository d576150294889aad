"""Invariants of resolve_actors on generated documents (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors import resolve_actors
from marsad.document import Article, Document, Mention

# Names and partial names from several kinds of actor, so that the partial-form rules fire.
POOL = [("مصطفى الكاظمي", "PER"), ("الكاظمي", "PER"), ("الحكومة", "ORG"), ("الحكومة العراقية", "ORG"),
        ("حكومة الكاظمي", "ORG"), ("قاعدة عين الأسد", "FAC"), ("عين الأسد", "GPE"), ("الأنبار", "GPE"),
        ("محافظة الأنبار", "GPE"), ("داعش", "ORG"), ("التنظيم", "ORG"), ("تنظيم الدولة", "ORG"),
        ("سعد السعدي", "PER"), ("السعدي", "PER"), ("وكالة أعماق", "ORG"), ("أعماق", "ORG"),
        ("لتحالف الدولي", "ORG"), ("التحالف", "ORG"), ("بروكسل", "GPE"), ("بروكسيل", "GPE")]


def build(picks: list[int]) -> Document:
    parts, mentions, pos = [], [], 0
    for n, k in enumerate(picks, 1):
        name, etype = POOL[k]
        filler = "قال مصدر إن "
        parts.append(filler + name + ". ")
        start = pos + len(filler)
        mentions.append(Mention(id=f"m{n}", type=etype, text=name, start=start, end=start + len(name)))
        pos += len(filler) + len(name) + 2
    doc = Document(article=Article(id="h", text="".join(parts)))
    doc.entities = mentions
    return doc


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(POOL) - 1), max_size=25))
def test_every_mention_resolves_to_one_listed_actor(picks: list[int]) -> None:
    doc = resolve_actors(build(picks))
    doc.check_offsets()
    ids = [a.id for a in doc.actors]
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    assert all(m.actor_id in ids for m in doc.entities)
    names = {a.name for a in doc.actors} | {x for a in doc.actors for x in a.aliases}
    for actor in doc.actors:
        # names are written forms: a span cut from ل + ال (لتحالف) is named with its alef (التحالف)
        texts = {"ا" + t if t.startswith("ل") and not t.startswith("ال") and "ا" + t in names else t
                 for t in (m.text for m in doc.entities if m.actor_id == actor.id)}
        assert texts, actor
        assert actor.name in texts and actor.name not in actor.aliases
        assert set(actor.aliases) == texts - {actor.name}
        assert actor.name_en
    # the same text is always the same actor
    by_text: dict[str, set[str | None]] = {}
    for m in doc.entities:
        by_text.setdefault(m.text, set()).add(m.actor_id)
    assert all(len(v) == 1 for v in by_text.values())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=12),
                          st.sampled_from(["PER", "ORG", "GPE", "LOC", "FAC"])), max_size=12))
def test_any_mention_text_resolves(specs: list[tuple[str, str]]) -> None:
    text = " ، ".join(s for s, _ in specs)
    mentions, pos = [], 0
    for n, (surface, etype) in enumerate(specs, 1):
        mentions.append(Mention(id=f"m{n}", type=etype, text=surface, start=pos, end=pos + len(surface)))
        pos += len(surface) + 3
    doc = Document(article=Article(id="r", text=text))
    doc.entities = mentions
    resolve_actors(doc)
    doc.check_offsets()
    assert all(m.actor_id for m in doc.entities)
    assert all(a.name_en is not None for a in doc.actors)
