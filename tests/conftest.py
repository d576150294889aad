"""Shared fixtures: hand-built documents, the dev gold set, and network/hub isolation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from marsad.document import Actor, Article, Document, Mention
from marsad.text.normalize import normalize_text
from marsad.text.segment import segment_text

# CI runs property tests derandomized, so that a red build can be reproduced; locally they explore.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "dev"
SEED_TEXT = SHARED / "seeds" / "000_d2821003819c572d.txt"

# any accidental model-hub call fails at once instead of retrying for 45 s
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _need_shared(path: Path) -> None:
    # In CI ../shared is always there; a missing one is a broken checkout, not a reason to skip.
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: tests read real articles from ../shared")


@pytest.fixture()
def make_doc() -> Callable[..., Document]:
    """Build a segmented document by hand; entities are placed by searching their surface text.

    ``entities`` is a list of ``(surface, type)`` or ``(surface, type, actor_name)``; the n-th
    occurrence is taken when the same surface is listed n times.
    """

    def build(text: str, *, entities: list[tuple[str, ...]] = (), published: str | None = None,  # type: ignore[assignment]
              title: str | None = None, doc_id: str = "t1") -> Document:
        doc = Document(article=Article(id=doc_id, text=text, title=title, published=published))
        from marsad.pipeline import parse_published
        doc.cache["published_date"] = parse_published(published)
        normalize_text(doc)
        segment_text(doc)
        seen: dict[str, int] = {}
        for i, spec in enumerate(entities, 1):
            surface, etype = spec[0], spec[1]
            start = -1
            for _ in range(seen.get(surface, 0) + 1):
                start = text.index(surface, start + 1)
            seen[surface] = seen.get(surface, 0) + 1
            mention = Mention(id=f"m{i}", type=etype, text=surface, start=start,
                              end=start + len(surface), source="test")
            if len(spec) > 2:
                actor = next((a for a in doc.actors if a.name == spec[2]), None)
                if actor is None:
                    actor = Actor(id=f"a{len(doc.actors) + 1}", name=spec[2], type=etype)
                    doc.actors.append(actor)
                mention.actor_id = actor.id
            doc.entities.append(mention)
        doc.entities.sort(key=lambda m: m.start)
        return doc

    return build


def load_gold() -> list[dict[str, Any]]:
    _need_shared(DEV)
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]


@pytest.fixture(scope="session")
def gold_articles() -> list[dict[str, Any]]:
    """The public gold articles of ../shared/data/dev (format: ../shared/eval/SCHEMA.md)."""
    return load_gold()


@pytest.fixture(scope="session")
def seed_text() -> str:
    _need_shared(SEED_TEXT)
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture()
def shared_dir() -> Iterator[Path]:
    _need_shared(SHARED)
    yield SHARED
