#!/usr/bin/env python3
"""Learn where a new statement opens inside an indirect content (marsad.quotes.continuations).

  python scripts/train_quote_continuations.py [--shared ../shared] [--min-seen 8] [--min-share 0.5]
                                              [--folds 5] [--dry-run] [--sample N] [--out DIR]

Reads the train half of ``<shared>/data/train-ant`` and the extra ANT gold complete in quotes
(scripts/training_gold.py; the validation half is never read). The pipeline runs on each article
without splitting any content; every reporting verb that marsad.quotes.continuations lists inside an
indirect content is one example of its key (joiner | aspect), and it
is positive when a gold statement's quote_head begins where the split would start the new content
(within a few characters). A key opens a new statement when it was seen at least MIN_SEEN times and
at least MIN_SHARE of them began a gold statement. The figures printed are cross-validated by article
(5 folds, grouped): the splits the held-out folds make with the table learned on the others, and how
many begin a gold statement; the table written is learned on all the data.

Participles the gold writes as cues and the lexicon lacks (عازيا، متهما، مقترحا: one word shaped م...ا or
م...ة, in at least MIN_PARTICIPLE_ARTICLES articles) are mined first and listed as verbs too.

Writes ``src/marsad/data/quotes/continuations.tsv`` (key, seen, positive, split),
``continuation-participles.tsv`` (folded form, articles) and
``continuations.json`` (features version, thresholds, seed, data digest, cross-validated figures).
Run ``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from training_gold import training_golds  # scripts/training_gold.py, beside this script

import marsad
import marsad.quotes
import marsad.quotes.continuations as continuations
from marsad.config import Config, PipelineConfig
from marsad.quotes.lexicon import lexicon
from marsad.text.normalize import fold, fold_key

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "marsad" / "data" / "quotes"
SEED = 20261208
# A participle the lexicon lacks must be a gold cue in this many articles to be listed.
MIN_PARTICIPLE_ARTICLES = 2
# How far (characters) a gold head may begin from the split's content start and still count.
NEAR = 3


def _table(examples: list[tuple[str, str, bool]]) -> dict[str, tuple[int, int]]:
    """Per key: (seen, positive)."""
    seen: Counter[str] = Counter()
    positive: Counter[str] = Counter()
    for _, key, right in examples:
        seen[key] += 1
        positive[key] += int(right)
    return {k: (seen[k], positive[k]) for k in seen}


def _splits(table: dict[str, tuple[int, int]], min_seen: int, min_share: float) -> set[str]:
    return {k for k, (n, p) in table.items() if n >= min_seen and p >= min_share * n}


def mine_participles(golds: list[dict[str, Any]], min_articles: int) -> list[tuple[str, int]]:
    """Participles the gold writes as a statement's cue and the lexicon lacks, with their article counts.

    A cue of one word (without و/ف) shaped as an active participle (م...ا، م...ة: عازيا، متهما، مذكرة) that
    at least ``min_articles`` articles use."""
    cues = lexicon().cues
    seen: dict[str, set[str]] = {}
    for gold in golds:
        for q in gold.get("quotes", []):
            words = fold_key(q.get("cue") or "").split()
            if len(words) != 1:
                continue
            w = words[0]
            if w[:1] in ("و", "ف") and w not in cues:
                w = w[1:]
            if len(w) >= 4 and w[0] == "م" and w[-1] in ("ا", "ه") and w not in cues:
                seen.setdefault(w, set()).add(gold["id"])
    return sorted(((w, len(ids)) for w, ids in seen.items() if len(ids) >= min_articles), key=lambda x: (-x[1], x[0]))


def _heads(gold: dict[str, Any], text: str) -> list[int]:
    """Where the gold statements' heads begin in the folded text."""
    starts = []
    for q in gold.get("quotes", []):
        head = fold(q.get("quote_head") or "").text.strip().lstrip("\"«“'")
        if not head:
            continue
        at = text.find(head)
        while at >= 0:
            starts.append(at)
            at = text.find(head, at + 1)
    return sorted(starts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-seen", type=int, default=8, help="least number of verbs a key is seen at to split")
    ap.add_argument("--min-share", type=float, default=0.5, help="least share of them that begin a gold statement")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=SEED, help="salt of the article folds")
    ap.add_argument("--no-extra", action="store_true", help="train on the train half of train-ant only")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the table and its metadata")
    ap.add_argument("--sample", type=int, default=0,
                    help="only the first N articles of each source: a quick run that proves the recipe (tests)")
    a = ap.parse_args()
    recorded: list[tuple[str, list[continuations.ContinuationPoint]]] = []
    real_points = continuations.continuation_points

    def record(text: str, lo: int, hi: int, lex: Any) -> list[continuations.ContinuationPoint]:
        points = real_points(text, lo, hi, lex)
        recorded.append((text, points))
        return points

    golds, digest = training_golds(a.shared, "quotes", extra=not a.no_extra, sample=a.sample)
    participles = mine_participles(golds, MIN_PARTICIPLE_ARTICLES)
    mined = frozenset(w for w, _ in participles)
    continuations.mined_participles = lambda: mined  # type: ignore[assignment]
    marsad.quotes.continuation_points = record  # type: ignore[assignment]
    marsad.quotes.opens_statement = lambda point: False  # type: ignore[assignment]
    pipe = marsad.Pipeline(Config(pipeline=PipelineConfig(on_error="raise")))
    examples: list[tuple[str, str, bool]] = []  # (article, key, begins a gold statement)
    for gold in golds:
        recorded.clear()
        pipe.run(marsad.Article.from_dict({"id": gold["id"], "title": gold.get("title"),
                                           "published": gold.get("published"), "text": gold["text"]}))
        heads: list[int] | None = None
        for text, points in recorded:
            if heads is None:
                heads = _heads(gold, text)
            for p in points:
                examples.append((gold["id"], p.key, any(abs(h - p.start) <= NEAR for h in heads)))
    folds = {aid: int(hashlib.sha256(f"{a.seed}:{aid}".encode()).hexdigest(), 16) % a.folds
             for aid in {g["id"] for g in golds}}
    cv: Counter[str] = Counter()
    for k in range(a.folds):
        keys = _splits(_table([e for e in examples if folds[e[0]] != k]),
                       a.min_seen, a.min_share)
        for aid, key, right in examples:
            if folds[aid] == k and key in keys:
                cv["splits"] += 1
                cv["splits_beginning_a_gold_statement"] += int(right)
    table = _table(examples)
    keys = _splits(table, a.min_seen, a.min_share)
    rule = [k for k in table if tuple(k.split("|")) in (("comma", "participle"), ("but", "past"))]
    report = {"articles": len(golds), "verbs_inside_contents": len(examples),
              "beginning_a_gold_statement": sum(1 for e in examples if e[2]),
              "cross_validated": dict(cv),
              "rules_splits": sum(table[k][0] for k in rule),
              "rules_splits_beginning_a_gold_statement": sum(table[k][1] for k in rule),
              "keys": len(table), "split_keys": len(keys), "mined_participles": len(participles)}
    print(json.dumps(report, indent=1), file=sys.stderr)
    for k, (n, p) in sorted(table.items(), key=lambda kv: -kv[1][0])[:40]:
        print(f"{n:5d} {p:5d} {'split' if k in keys else '':5} {k}", file=sys.stderr)
    if a.dry_run:
        return 0
    lines = ["# Where a new statement opens inside an indirect content (marsad.quotes.continuations), written",
             "# by scripts/train_quote_continuations.py: do not edit by hand. columns: key (joiner|aspect),",
             "# verbs seen in the training gold, of them beginning a gold statement, split"]
    ordered = sorted(table.items(), key=lambda kv: (-kv[1][0], kv[0]))
    lines += [f"{k}\t{n}\t{p}\t{int(k in keys)}" for k, (n, p) in ordered]
    (a.out / "continuations.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    mined_lines = ["# Participles the training gold writes as a statement's cue and the quotes lexicon lacks, written",
                   "# by scripts/train_quote_continuations.py: do not edit by hand. columns: folded form, articles"]
    mined_lines += [f"{w}\t{n}" for w, n in participles]
    (a.out / "continuation-participles.tsv").write_text("\n".join(mined_lines) + "\n", encoding="utf-8")
    meta = {"features_version": continuations.FEATURES_VERSION,
            "model": "share of the verbs of each key at which a gold statement begins",
            "min_seen": a.min_seen, "min_share": a.min_share, "near_chars": NEAR, "folds": a.folds, "seed": a.seed,
            "training_data": "shared/data/train-ant, train half of benchmarks/data/train-ant-split.json"
                             + ("" if a.no_extra else ", and benchmarks/data/gold-ant-extra (quotes complete)"),
            "training_data_sha256": digest, "sample": a.sample, "figures": report}
    (a.out / "continuations.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
