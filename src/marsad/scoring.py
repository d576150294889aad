"""Scores of marsad's results against gold files (shared/eval/SCHEMA.md): what ``marsad evaluate`` reports.

marsad's own scorer, so that an installed marsad can be checked on an analyst's own coded
articles without the project's repository. It follows the gold schema's matching rules in their
simple form: names compare after Arabic folding (and a leading ال or a containment of four
letters or more), one-to-one matches are taken best first, and

- an entity matches when one of its forms equals one of a predicted entity's surfaces (typed: and
  the type agrees);
- a quote matches when the gold quote's first words appear in the predicted content;
- an event matches when the type agrees and the place agrees (same first-level division, or
  names that contain each other) — the schema's "same type, place"; on matched events the
  sub-event type, actors, date (a day inside a gold month agrees) and fatalities (null = 0) are
  scored as accuracies.

The project's quality gate (benchmarks/quality_gate.py) uses the reference scorer in
``shared/eval/score.py``, which adds fuzzy name similarity, generic-actor rules and English
division aliases; figures from the two differ a little (this one is stricter on names), and
``marsad evaluate --scorer shared/eval/score.py`` runs the reference one instead.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from marsad.document import Document
from marsad.text.normalize import fold_key

Pair = tuple[int, int]


def _key(name: str | None) -> str:
    words = fold_key(name or "").split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def same(a: str | None, b: str | None) -> bool:
    """Names that refer to the same thing: equal after folding, or one holding the other (4+ letters)."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    return ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka))


def _best_pairs(n_gold: int, n_pred: int, score: Callable[[int, int], int]) -> list[Pair]:
    ranked = sorted(((score(i, j), i, j) for i in range(n_gold) for j in range(n_pred)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for s, i, j in ranked:
        if s > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


class Tally:
    """True positives, predictions and gold items of one measure, summed over articles."""

    def __init__(self) -> None:
        self.tp = self.pred = self.gold = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def figures(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else float(not self.gold)
        r = self.tp / self.gold if self.gold else float(not self.pred)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "tp": self.tp, "pred": self.pred,
                "gold": self.gold}


def _entity_groups(doc: Document) -> list[tuple[str, set[str]]]:
    groups: dict[str, tuple[str, set[str]]] = {}
    for m in doc.entities:
        key = m.actor_id or m.place_id or f"{m.type}:{fold_key(m.text)}"
        groups.setdefault(key, (m.type, set()))[1].add(m.text)
    return list(groups.values())


def _date_agrees(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True  # the text gives no date: any reading of the report's time is ACLED's practice
    return bool(pred) and (gold == pred or (len(gold) == 7 and str(pred).startswith(gold)))


class Scores:
    """Accumulates the scores of documents against their gold files."""

    ARGS = ("sub_event_type", "actor1", "actor2", "date", "fatalities")

    def __init__(self) -> None:
        self.tallies = {k: Tally() for k in ("entities", "entities_untyped", "quotes", "events")}
        self.args = {k: [0, 0] for k in self.ARGS}
        self.articles = 0

    def add(self, gold: dict[str, Any], doc: Document) -> None:
        self.articles += 1
        self._entities(gold.get("entities") or [], doc)
        self._quotes(gold.get("quotes") or [], doc)
        self._events(gold.get("events") or [], doc)

    def _entities(self, gold: Sequence[dict[str, Any]], doc: Document) -> None:
        pred = _entity_groups(doc)
        forms = [{g.get("canonical") or "", *(g.get("aliases") or [])} for g in gold]
        for typed, name in ((True, "entities"), (False, "entities_untyped")):
            def agree(i: int, j: int, typed: bool = typed) -> int:
                return int((not typed or gold[i].get("type") == pred[j][0])
                           and any(_key(a) == _key(b) for a in forms[i] for b in pred[j][1] if a and b))

            pairs = _best_pairs(len(gold), len(pred), agree)
            self.tallies[name].add(len(pairs), len(pred), len(gold))

    def _quotes(self, gold: Sequence[dict[str, Any]], doc: Document) -> None:
        contents = [fold_key(q.content) for q in doc.quotes]
        heads = [fold_key(g.get("quote_head") or "") for g in gold]
        pairs = _best_pairs(len(gold), len(contents),
                            lambda i, j: int(bool(heads[i]) and heads[i] in contents[j]))
        self.tallies["quotes"].add(len(pairs), len(contents), len(gold))

    def _events(self, gold: Sequence[dict[str, Any]], doc: Document) -> None:
        pred = doc.events

        def place_agrees(i: int, j: int) -> bool:
            g, loc = gold[i], pred[j].location
            if loc is None:
                return not (g.get("location") or g.get("admin1"))
            if g.get("admin1") and loc.admin1 and g["admin1"].casefold() == loc.admin1.casefold():
                return True
            return same(g.get("location"), loc.name)

        def score(i: int, j: int) -> int:
            if gold[i].get("event_type") != pred[j].event_type or not place_agrees(i, j):
                return 0
            return 1 + 2 * (gold[i].get("sub_event_type") == pred[j].sub_event_type)

        pairs = _best_pairs(len(gold), len(pred), score)
        self.tallies["events"].add(len(pairs), len(pred), len(gold))
        for i, j in pairs:
            g, e = gold[i], pred[j]
            checks = {
                "sub_event_type": g.get("sub_event_type") == e.sub_event_type,
                "actor1": same(g.get("actor1"), e.actor1.name if e.actor1 else None)
                if g.get("actor1") else e.actor1 is None,
                "actor2": same(g.get("actor2"), e.actor2.name if e.actor2 else None)
                if g.get("actor2") else e.actor2 is None,
                "date": _date_agrees(g.get("date"), e.date),
                "fatalities": (g.get("fatalities") or 0) == (e.fatalities or 0),
            }
            for name, ok in checks.items():
                self.args[name][0] += int(ok)
                self.args[name][1] += 1

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: t.figures() for k, t in self.tallies.items()}
        out["event_args"] = {k: round(ok / n, 3) if n else None for k, (ok, n) in self.args.items()}
        out["articles"] = self.articles
        return out


def score_documents(pairs: Iterable[tuple[dict[str, Any], Document]]) -> dict[str, Any]:
    """Scores of ``(gold record, predicted document)`` pairs."""
    scores = Scores()
    for gold, doc in pairs:
        scores.add(gold, doc)
    return scores.summary()


def load_scorer(shared: Path) -> ModuleType:
    """The reference scorer ``<shared>/eval/score.py`` imported as a module, for the tools that call
    its functions (its event matching, ``actor_ok``, ``admin_key``) instead of running it."""
    spec = importlib.util.spec_from_file_location("marsad_shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
