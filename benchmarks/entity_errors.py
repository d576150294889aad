#!/usr/bin/env python3
"""Entity errors by kind: which gold entities are missed, cut wrong or mistyped, and which names are false.

  python benchmarks/entity_errors.py [--set validation|train|dev|dev-mashriq] [--shared ../shared]
                                     [--show] [--json]
  python benchmarks/entity_errors.py --fold K/N --model DIR [--show]
  python benchmarks/entity_errors.py --ids FILE --model DIR [--show]

The scorer (shared/eval/score.py) counts typed entity clusters matched by name; this sorts the rest.
Kinds, first that applies, for a gold entity left unmatched (typed):

  type X->Y        an unmatched prediction has the same name (the scorer's test) and another type
  boundary         an unmatched prediction of the same type shares a name part (one form inside the other)
  boundary+type    the same, of another type
  missed           nothing predicted near it ("a mention has it": a mention of the entities stage
                   bears its name, lost or retyped when the actors stage grouped the mentions)

and for a prediction left unmatched that none of those took: ``false`` ("a gold entity's name": its
name is a name of a gold entity matched by another prediction, a split cluster: the actors stage did
not join an alias, an acronym or a short form to its entity). A gold entity is ``seen`` when
one of its forms is a form of an entity of the tagger's training gold (the train split and the extra
ANT gold, without the fold), ``unseen`` otherwise: the gap between the two is what generalisation is about.

``--fold K/N`` measures cross-validation on the in-domain training gold: the articles of rank K modulo
N (sorted ids, as ``scripts/train_ner.py --fold K/N`` leaves them out), tagged with the model that
script wrote to DIR. ``--ids FILE --model DIR`` does the same for the training-gold articles listed in
FILE (articles the model in DIR did not learn from, such as gold annotated after it was trained).
``--show`` lists the errors of each kind (read it for train and fold runs;
for validation read the counts only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import quality_gate
from event_errors import load_scorer
from training_gold import training_golds

REPO = Path(__file__).resolve().parent.parent
TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")


def use_model(folder: Path) -> None:
    """Make the pipeline's tagger the model of ``folder`` (written by scripts/train_ner.py --out)."""
    import importlib

    import pycrfsuite

    # the module, not the function of the same name that marsad.entities exports
    tagger_mod = importlib.import_module("marsad.entities.tagger")
    from marsad.entities.features import FeatureCache
    from marsad.entities.lexicons import load_lexicons

    tag = tagger_mod.tagger()
    crf = pycrfsuite.Tagger()
    crf.open(str(folder / "ner-crf.crfsuite"))
    tag._tagger = crf
    known = frozenset((folder / "ner-crf.attributes").read_text(encoding="utf-8").splitlines())
    tag.features = FeatureCache(load_lexicons(), known)


def classify(gold: dict[str, Any], pred: dict[str, Any], sc: Any, seen: set[str]) -> list[tuple[str, str, str]]:
    """(kind, type, name) of each error of one article."""
    g = [{"type": e["type"], "forms": sc.with_heads_stripped({e.get("canonical", "")} | set(e.get("aliases") or []))}
         for e in gold.get("entities", [])]
    p = [dict(e, forms=sc.with_heads_stripped(e["forms"])) for e in sc.pred_entities(pred)]
    matched = sc.greedy(g, p, lambda a, b: int(a["type"] == b["type"] and sc.forms_match(a["forms"], b["forms"])))
    mg, mp = {i for i, _ in matched}, {j for _, j in matched}
    free = [j for j in range(len(p)) if j not in mp]
    out = []
    for i, ge in enumerate(g):
        if i in mg:
            continue
        name = sorted(f for f in ge["forms"] if f)[0] if any(ge["forms"]) else ""
        novelty = "seen" if any(sc.norm(f) in seen for f in ge["forms"]) else "unseen"
        same = [j for j in free if sc.forms_match(ge["forms"], p[j]["forms"])]
        near = [j for j in free if sc.contains_name(ge["forms"], p[j]["forms"])]
        if same:
            j = same[0]
            kind = f"type {ge['type']}->{p[j]['type']}"
        elif near:
            j = next((k for k in near if p[k]["type"] == ge["type"]), near[0])
            kind = "boundary" if p[j]["type"] == ge["type"] else "boundary+type"
        else:
            mentioned = any(sc.forms_match(ge["forms"], {m.get("text", "")}) for m in pred.get("entities") or [])
            out.append((f"missed {novelty}" + (" (a mention has it)" if mentioned else ""), ge["type"], name))
            continue
        free.remove(j)
        shown = sorted(f for f in p[j]["forms"] if f)[0]
        out.append((f"{kind} {novelty}", ge["type"], f"{name}  <>  {shown}"))
    for j in free:
        twice = any(sc.forms_match(p[j]["forms"], ge["forms"]) for ge in g)
        out.append(("false, a gold entity's name" if twice else "false", p[j]["type"] or "",
                    sorted(f for f in p[j]["forms"] if f)[0]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=quality_gate.SETS, default="validation")
    ap.add_argument("--fold", default="", help="K/N: the in-domain training gold of that fold")
    ap.add_argument("--model", type=Path, help="with --fold or --ids: the folder of the model to tag with")
    ap.add_argument("--ids", type=Path,
                    help="a file of training-gold ids, one a line: those articles, tagged with --model (a model "
                         "trained without them, such as the packaged one before newly annotated articles joined)")
    ap.add_argument("--show", action="store_true", help="list the errors, not only their counts")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    train, _ = training_golds(a.shared, "entities", extra=True)
    if a.fold or a.ids:
        if a.model is None:
            ap.error("--fold and --ids need --model")
        from train_ner import fold_ids

        if a.ids:
            left_out = set(a.ids.read_text(encoding="utf-8").split())
        else:
            left_out = fold_ids([x["id"] for x in train], a.fold)
        golds = [x for x in train if x["id"] in left_out]
        train = [x for x in train if x["id"] not in left_out]
        use_model(a.model)
    else:
        golds = quality_gate.gold_articles(a.shared, a.gold_set)
    seen = {sc.norm(f) for x in train for e in x.get("entities", [])
            for f in [e.get("canonical", ""), *(e.get("aliases") or [])] if f}
    with quality_gate.predicted(golds) as (gold_dir, out, preds):
        scores = quality_gate.score(a.shared, gold_dir, out)
    errors: list[tuple[str, str, str, str]] = []
    for x in golds:
        errors += [(x["id"], *e) for e in classify(x, preds[x["id"]], sc, seen)]
    counts = Counter((kind, etype) for _, kind, etype, _ in errors)
    gold_types = Counter(e["type"] for x in golds for e in x.get("entities", []))
    novelty = Counter("seen" if any(sc.norm(f) in seen for f in [e.get("canonical", ""), *(e.get("aliases") or [])])
                      else "unseen" for x in golds for e in x.get("entities", []))
    figure = scores["entities"]
    if a.json:
        print(json.dumps({"entities": figure, "gold_by_type": gold_types, "gold_by_novelty": novelty,
                          "errors": {f"{k} {t}": n for (k, t), n in sorted(counts.items())}},
                         ensure_ascii=False, indent=1))
        return 0
    print(f"{len(golds)} articles; entities P {figure['p']:.3f} R {figure['r']:.3f} F1 {figure['f1']:.3f}; "
          f"gold by type {dict(gold_types)}; seen {novelty['seen']}, unseen {novelty['unseen']}")
    kinds = sorted({k for k, _ in counts})
    print(f"{'kind':34}" + "".join(f"{t:>6}" for t in TYPES) + f"{'all':>6}")
    for k in kinds:
        row = [counts[(k, t)] for t in TYPES]
        total = sum(n for (kk, _), n in counts.items() if kk == k)
        print(f"{k:34}" + "".join(f"{n:6}" for n in row) + f"{total:6}")
    if a.show:
        for k in kinds:
            print(f"\n== {k}")
            for doc, kind, etype, name in errors:
                if kind == k:
                    print(f"  {etype:4} {name}   [{doc}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
