#!/usr/bin/env python3
"""Build ``data/entities/name-edges.tsv``: words that stand next to names and are no part of them.

The patterns and the tagger find where a name starts and grow it over the words after it; they
overreach on words that describe a name rather than belong to it: a participle after a place
(حيدرة الواقعة، سلتة التابعة، شاتيون المجاورة), a role after a person (نعيم الرمضاني كاتب، ياسر
مصباح المكلف، ترامب نظيره). The training gold (train half of train-ant and the extra ANT gold)
tells those words apart from the last words of names: each gold entity's forms are projected on
its article's tokens (as scripts/train_ner.py projects them to train the tagger), and for every
folded word this script counts how often it follows a gold name at once and how often it ends
one; likewise how often it comes right before a gold name and how often it starts one. A word seen
at least MIN_COUNT times at a name's edge outside it, and inside it at most MAX_INSIDE_SHARE of the
times, is listed: ``after`` words are trimmed off the end of a pattern or tagger span, ``before``
words off its start (marsad.entities).

The same file lists, side ``served``, the heads whose gold names close with ب + the town they serve
(المستشفى الجهوي بالقصرين، المحكمة الابتدائية بسوسة) in at least SERVED_MIN_SHARE of the names such a
town follows, and at least SERVED_MIN_COUNT times (not الجامعة التونسية | بصفاقس): the entities stage
takes the town into those names and keeps it as a place nested in them.

Usage: python scripts/build_name_edges.py [--shared ../shared] [--out PATH] [--fold K/N]

``--ids FILE`` leaves out the articles listed; ``--fold K/N`` leaves out the gold articles of that
cross-validation fold (as ``train_ner.py --fold K/N`` does), to measure the table on them with
``benchmarks/entity_errors.py --fold K/N``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.entities.heads import town_served
from marsad.entities.lexicons import Lexicons, load_lexicons
from marsad.entities.words import analyze
from marsad.text.normalize import fold_key

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_ner import fold_ids, gold_token_tags  # scripts/, beside this script
from training_gold import training_golds

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "marsad" / "data" / "entities" / "name-edges.tsv"
# Chosen before measuring (not tuned): a word must be seen at a name's edge at least 3 times, and
# the gold must almost never count it as the name's own word (one time in 10 at most).
MIN_COUNT = 3
MAX_INSIDE_SHARE = 0.1
# A head whose names the gold closes with ب + the town they serve (المستشفى الجهوي بالقصرين، المحكمة
# الابتدائية بسوسة) at least SERVED_MIN_COUNT times and in at least SERVED_MIN_SHARE of the names
# that such a town follows: chosen before measuring, as the two above.
SERVED_MIN_COUNT = 3
SERVED_MIN_SHARE = 0.6


def name_spans(tags: list[str]) -> Iterator[tuple[int, int]]:
    """(first token, token after the last) of each name a BIO tag sequence marks."""
    k = 0
    while k < len(tags):
        if not tags[k].startswith("B-"):
            k += 1
            continue
        end = k + 1
        while end < len(tags) and tags[end].startswith("I-"):
            end += 1
        yield k, end
        k = end


def edge_counts(golds: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Per folded word: times right after a name ("after"), last in one ("last"), right before
    one ("before"), first in one ("first")."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("after", "last", "before", "first")}
    for gold in golds:
        text = gold["text"]
        tokens, tags = gold_token_tags(gold)
        keys = [fold_key(text[s:e]) for s, e in tokens]
        for k, end in name_spans(tags):
            counts["first"][keys[k]] += 1
            counts["last"][keys[end - 1]] += 1
            if end < len(tags) and tags[end] == "O":
                counts["after"][keys[end]] += 1
            if k > 0 and tags[k - 1] == "O":
                counts["before"][keys[k - 1]] += 1
    return counts


def served_counts(golds: list[dict[str, Any]], lex: Lexicons) -> dict[str, Counter[str]]:
    """Per head (its folded bare form): times a gold name opened by it ends in ب + a town ("with",
    الوحدات الأمنية بتستور), and times such a town follows a gold name of it at once ("without",
    الحرس الوطني | بالمهدية)."""
    counts: dict[str, Counter[str]] = {"with": Counter(), "without": Counter()}
    for gold in golds:
        text = gold["text"]
        tokens, tags = gold_token_tags(gold)
        words = [analyze(text[s:e], lex) for s, e in tokens]
        for k, end in name_spans(tags):
            head = words[k]
            if tags[k][2:] in ("ORG", "FAC") and head.head in ("ORG", "FAC"):
                if any(town_served(words, j, lex) == end for j in range(k + 2, end)):
                    counts["with"][head.bare] += 1
                elif end < len(words) and town_served(words, end, lex) > end:
                    counts["without"][head.bare] += 1
    return counts


def served_heads(counts: dict[str, Counter[str]]) -> list[tuple[str, str, int, int]]:
    """(head, "served", names with the town, names without) of the heads to list."""
    out = []
    for head, n in counts["with"].items():
        m = counts["without"][head]
        if n >= SERVED_MIN_COUNT and n >= SERVED_MIN_SHARE * (n + m):
            out.append((head, "served", n, m))
    return sorted(out)


def edge_words(counts: dict[str, Counter[str]]) -> list[tuple[str, str, int, int]]:
    """(word, side, times outside at that edge, times inside) of the words to list."""
    out = []
    for side, inside in (("after", "last"), ("before", "first")):
        for word, n in counts[side].items():
            m = counts[inside][word]
            if (n >= MIN_COUNT and m <= MAX_INSIDE_SHARE * (n + m) and len(word) >= 3
                    and word[0].isalpha()):
                out.append((word, side, n, m))
    return sorted(out, key=lambda r: (r[1], r[0]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--fold", default="", help="K/N: leave out the gold articles of that fold")
    ap.add_argument("--ids", type=Path, help="a file of gold ids, one a line, to leave out")
    ap.add_argument("--sample", type=int, default=0, help="a quick run on N gold articles of each source")
    a = ap.parse_args()
    golds, digest = training_golds(a.shared, "entities", extra=True, sample=a.sample)
    if a.fold:
        left_out = fold_ids([g["id"] for g in golds], a.fold)
        golds = [g for g in golds if g["id"] not in left_out]
    if a.ids:
        listed = set(a.ids.read_text(encoding="utf-8").split())
        golds = [g for g in golds if g["id"] not in listed]
    rows = edge_words(edge_counts(golds)) + served_heads(served_counts(golds, load_lexicons()))
    lines = ["# Words next to names and no part of them, learned from the training gold by",
             f"# scripts/build_name_edges.py ({len(golds)} articles, sha256 {digest[:16]}"
             + (f", fold {a.fold} left out" if a.fold else "") + (", listed ids left out" if a.ids else "") + ").",
             "# Columns: folded word<TAB>side (after: trimmed off a span's end; before: off its start)"
             "<TAB>times at that edge outside a name<TAB>times inside one;",
             "# served: a head whose names take ب + the town they serve<TAB>names with it<TAB>without it."]
    lines += [f"{w}\t{side}\t{n}\t{m}" for w, side, n, m in rows]
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} words ({sum(r[1] == 'after' for r in rows)} after, "
          f"{sum(r[1] == 'before' for r in rows)} before, {sum(r[1] == 'served' for r in rows)} served heads)"
          f" -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
