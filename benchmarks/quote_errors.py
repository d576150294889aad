#!/usr/bin/env python3
"""Quote errors per article: gold and predicted statements side by side, paired as the scorer pairs them.

  python benchmarks/quote_errors.py [--set train|extra|validation|dev|dev-mashriq] [--shared ../shared]
                                    [--only ID] [--summary] [--kinds]

The scorer (shared/eval/score.py) only counts quotes and attributed quotes; this lists, for every
article, the gold quotes it missed (speaker | cue | head), the predicted quotes that match no gold one
(extras), and the matched ones whose speaker fails the scorer's name test, so that a change can be judged
by the kinds of error it removes and adds. Pairing and the speaker test are the scorer's own functions
(greedy over span_ok, contains_name). Read TRAIN errors freely; the validation split only for kinds of
error; never the held-out sets. ``--kinds`` counts the wrong speakers by kind (speaker_error_kind): a
title, bare head or document left unresolved, a surname left short, a body given to a person or the
reverse, an anonymous source, a fragment or adverb read as the speaker, a speaker carried over from an
earlier paragraph, another actor of the article; and the missed statements by kind (missed_kind): a
head inside a statement paired with another gold one, a statement cued nearby with another span, none.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_gate
from event_errors import load_scorer

REPO = Path(__file__).resolve().parent.parent
SETS = ("dev", "dev-mashriq", "validation", "train", "extra")


def _span_ok(sc: Any, gq: dict[str, Any], pq: dict[str, Any]) -> int:
    """The scorer's pairing score of a gold and a predicted quote (score_quotes.span_ok, restated)."""
    head = sc.norm(gq["quote_head"]).split()
    body = sc.norm(sc.quote_text(pq))
    if not head or not body:
        return 0
    if " ".join(head) in body:
        return 2
    hit = sum(1 for w in head if w in body.split())
    return 1 if hit / len(head) >= 0.6 else 0


def _gold_articles(shared: Path, gold_set: str) -> list[dict[str, Any]]:
    """The gold articles of a set; ``extra``: the repo's extra ANT gold complete in quotes (training data)."""
    if gold_set != "extra":
        return quality_gate.gold_articles(shared, gold_set)
    sys.path.insert(0, str(REPO / "scripts"))
    from training_gold import EXTRA, training_golds

    golds, _ = training_golds(shared, "quotes", extra=True)
    return [g for g in golds if (EXTRA / f"{g['id']}.json").exists()]


def _head_kinds(phrase: str) -> frozenset[str]:
    """The kinds (heads.tsv) of the head word a speaker phrase opens with, with "definite" when it has ال."""
    from marsad.quotes.lexicon import lexicon
    from marsad.quotes.names import bare_head
    from marsad.text.normalize import fold_key

    words = fold_key(phrase).split()
    if not words:
        return frozenset()
    lex = lexicon()
    first = words[1] if words[0] in ("ذات", "نفس") and len(words) > 1 else words[0]
    head = bare_head(first)
    kinds = set(lex.heads.get(head, frozenset())) | {k for _, k in lex.multi_heads.get(head, ())}
    if first.lstrip("وفبل").startswith("ال") or (len(words) > 1 and words[1].startswith("ال")):
        kinds.add("definite")
    return frozenset(kinds)


def _entity_type(gold: dict[str, Any], forms: list[str], sc: Any) -> str | None:
    for e in gold.get("entities", []):
        if sc.contains_name(forms, [e.get("canonical", ""), *(e.get("aliases") or [])]):
            return str(e["type"])
    return None


def speaker_error_kind(gold: dict[str, Any], gq: dict[str, Any], pq: dict[str, Any], sc: Any) -> str:
    """Why a matched statement's speaker fails the scorer's name test, as one kind of error."""
    forms = sc.speaker_forms(pq)
    if not forms:
        return "no speaker"
    written = pq.get("speaker_text") or forms[0]
    text = gold.get("text") or ""
    if pq.get("speaker_start") is not None and "\n" in text[pq["speaker_start"]:pq.get("start", 0)]:
        return "speaker carried over from an earlier paragraph"
    kinds = _head_kinds(written)
    if "document" in kinds:
        return "document not given to its issuer"
    gold_type = _entity_type(gold, [gq["speaker"]], sc)
    pred_type = _entity_type(gold, forms, sc)
    if gold_type and pred_type and gold_type != pred_type:
        return f"{gold_type} given as {pred_type}"
    if "definite" in kinds and kinds & {"role", "anaphor", "body", "media"} and not pred_type:
        return "title or bare head not resolved to the fullest name"
    if len(sc.norm(written).split()) == 1 and sc.norm(written) in sc.norm(gq["speaker"]).split():
        return "surname not resolved to the fullest name"
    if gq.get("anonymous") or "anon" in kinds:
        return "anonymous source"
    if pred_type:
        return "another actor of the article"
    if not kinds:
        return "fragment or adverb read as the speaker"
    return "other"


# How far before a missed quote's head a predicted statement's cue may stand to count as its reading.
NEAR_CHARS = 300


def missed_kind(gold: dict[str, Any], gq: dict[str, Any], preds: list[dict[str, Any]], sc: Any) -> str:
    """Why a gold statement found no predicted one, as one kind of miss.

    - its head stands inside a predicted statement the scorer paired with another gold statement (one
      statement read where the gold has two: a nested or a following statement, وقال إن ... لكنه أضاف);
    - a predicted statement's cue stands just before it, but its content starts or ends elsewhere;
    - nothing was predicted there.
    """
    if any(_span_ok(sc, gq, pq) for pq in preds):
        return "head inside a statement paired with another gold statement"
    text = gold.get("text") or ""
    at = text.find(gq["quote_head"][:20])
    if at < 0:
        return "head not found in the text"
    if any(pq.get("cue_start") is not None and at - NEAR_CHARS < pq["cue_start"] < at + 5 for pq in preds):
        return "a statement cued nearby, with another span"
    return "no statement there"


def article_errors(gold: dict[str, Any], pred: dict[str, Any], sc: Any) -> dict[str, list[str]]:
    """Missed gold quotes, extra predicted quotes and wrong speakers of one article, as printable lines."""
    g, p = gold.get("quotes", []), pred.get("quotes") or []
    pairs = sc.greedy(g, p, lambda a, b: _span_ok(sc, a, b))
    out: dict[str, list[str]] = {"missed": [], "extra": [], "speaker": [], "kinds": [], "missed_kinds": []}
    for i, j in pairs:
        gf = [g[i]["speaker"]] + ([g[i]["speaker_role"]] if g[i].get("speaker_role") else [])
        if not sc.contains_name(gf, sc.speaker_forms(p[j])):
            out["kinds"].append(speaker_error_kind(gold, g[i], p[j], sc))
            out["speaker"].append(f"[{out['kinds'][-1]}] gold {g[i]['speaker']!r} (role {g[i].get('speaker_role')!r}) "
                                  f"pred {sc.speaker_forms(p[j])!r} cue {p[j].get('cue')!r} "
                                  f"| {g[i]['quote_head']}")
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    out["missed"] = [f"{q['speaker']} | {q.get('cue')} | {q['quote_head']}"
                     for i, q in enumerate(g) if i not in matched_g]
    out["missed_kinds"] = [missed_kind(gold, q, p, sc) for i, q in enumerate(g) if i not in matched_g]
    out["extra"] = [f"{sc.speaker_forms(q)!r} | {q.get('cue')} | {sc.quote_text(q)[:80]}"
                    for j, q in enumerate(p) if j not in matched_p]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", dest="gold_set", choices=SETS, default="train")
    ap.add_argument("--only", help="one article id")
    ap.add_argument("--summary", action="store_true", help="counts only")
    ap.add_argument("--kinds", action="store_true", help="count the wrong speakers by kind")
    a = ap.parse_args()
    sc = load_scorer(a.shared)
    golds = [g for g in _gold_articles(a.shared, a.gold_set) if a.only in (None, g["id"])]
    totals: Counter[str] = Counter()
    speaker_kinds: Counter[str] = Counter()
    missed_kinds: Counter[str] = Counter()
    preds = quality_gate.predictions(golds)
    for gold in golds:
        errors = article_errors(gold, preds[gold["id"]], sc)
        speaker_kinds.update(errors.pop("kinds"))
        missed_kinds.update(errors.pop("missed_kinds"))
        for kind, lines in errors.items():
            totals[kind] += len(lines)
        if a.summary or not any(errors.values()):
            continue
        print(f"# {gold['id']}")
        for kind, lines in errors.items():
            for line in lines:
                print(f"  {kind:8} {line}")
    if a.kinds:
        for kind, n in speaker_kinds.most_common():
            print(f"{n:5d}  {kind}")
        for kind, n in missed_kinds.most_common():
            print(f"{n:5d}  missed: {kind}")
    print(f"articles {len(golds)}: gold quotes {sum(len(g.get('quotes', [])) for g in golds)}, "
          + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
