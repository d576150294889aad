#!/usr/bin/env python3
"""Mine reporting verbs from the training gold (train half + extra gold) into quotes/cues_mined.tsv.

  python scripts/build_quote_cues.py [--shared ../shared] [--check] [--fold K/N --out FILE]

The hand-written cues.tsv lists the reporting verbs a statement is found by (قال، أكد، أشار ...). The
annotators code many more (حمّل، اقترح، استغرب، أرجع، طلبت ...): every gold quote names its ``cue``. For
each quote of an article in the ``train`` half of benchmarks/data/train-ant-split.json or of the extra
ANT gold complete in quotes (read through scripts/training_gold.py), the cue is found in the article
just before the quote's head, and what stands between them says the verb's frame:

- a complementiser (أن، إنه، بأن), a colon or a quotation mark: ``that``;
- a preposition right before the head (على، إلى، عن، من، بـ): ``prep``, with that preposition;
- otherwise the content is the noun phrase after the verb: ``np``.

A written form becomes a cue when it is a single word the lexicon does not already read, introduces
gold statements in at least MIN_ARTICLES articles, and introduces one at no less than MIN_PRECISION
of its occurrences in the same articles' text (a form that mostly tells of an act, رفض، قرر، is left
out by the data, not by a list). Its aspect follows its shape: a participle opens with م, a present
with ي. The validation half is never read, so its figures stay honest. The output records the gold
digest. ``--check`` fails when the committed file differs from what the gold gives. ``--fold K/N``
leaves out the articles of fold K of N (hashed by id) for a grouped cross-validation of the lexicon
(benchmarks/quote_cv.py runs it).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "marsad" / "data" / "quotes" / "cues_mined.tsv"

sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))
from training_gold import training_golds  # noqa: E402

import marsad.resources  # noqa: E402

real_read_tsv = marsad.resources.read_tsv


def _hand_tsv(relative: str) -> tuple[tuple[str, ...], ...]:
    """The packaged TSV rows, without the mined cues: a form is new when the hand lexicon lacks it."""
    return () if relative == "quotes/cues_mined.tsv" else real_read_tsv(relative)


# (before the quotes package reads its lexicon, on import)
marsad.resources.read_tsv = _hand_tsv  # type: ignore[assignment]
from marsad.quotes.lexicon import lexicon  # noqa: E402
from marsad.text.normalize import fold_key  # noqa: E402

# A mined form must introduce gold statements in this many articles ...
MIN_ARTICLES = 2
# ... and at this share of its occurrences in the training text (the rest are acts, nouns, names).
MIN_PRECISION = 0.35
# How far before a quote's head its cue is looked for (the longest speaker phrases run 160 characters).
CUE_WINDOW = 300
# Prepositions that may open the content of a verb of the "prep" frame, as written before the head.
PREPOSITIONS = ("على", "الى", "عن", "من", "ب", "ل", "في")
FOLD_SALT = "quote-cues"
WORD_RE = re.compile(r"\w+")


def fold_of(article_id: str, folds: int) -> int:
    """The fold of an article in a grouped cross-validation (a hash of its id: stable across runs)."""
    return int(hashlib.sha256(f"{FOLD_SALT}:{article_id}".encode()).hexdigest(), 16) % folds


def _known(form: str) -> bool:
    return fold_key(form).split()[0] in lexicon().cues or lexicon().cue_re.fullmatch(fold_key(form)) is not None


def _bare(form: str) -> str:
    """The cue without the conjunction و/ف the annotators sometimes copied with it (وطالب -> طالب)."""
    return form[1:] if len(form) > 4 and form[0] in "وف" else form


def _aspect(form: str) -> str:
    if form.startswith("م") and len(form) >= 4:
        return "participle"
    if form.startswith("ي") or (form.startswith("ت") and not form.endswith("ت")):
        return "present"
    return "past"


def _frame(between: str, head: str, comps: frozenset[str]) -> tuple[str, str]:
    """The frame (and preposition) that what stands between a cue and its quote's head shows."""
    words = WORD_RE.findall(between)
    if any(w in comps for w in words) or any(c in between for c in ':"«“'):
        return "that", ""
    last = words[-1] if words else ""
    if last in PREPOSITIONS:
        return "prep", last
    first_head = head.split()[0] if head.split() else ""
    if first_head[:1] in ("ب", "ل") and len(first_head) > 4 and first_head[1:3] == "ال":
        return "prep", first_head[0]
    return "np", ""


Row = tuple[str, str, str, str, int, int]  # form, frame, preposition, aspect, statements, occurrences


def mine(shared: Path, leave_out: tuple[int, int] | None = None) -> tuple[str, list[Row]]:
    golds, digest = training_golds(shared, "quotes", extra=True)
    if leave_out is not None:
        k, n = leave_out
        golds = [g for g in golds if fold_of(g["id"], n) != k]
    comps = lexicon().comps
    seen: dict[str, set[str]] = defaultdict(set)          # form -> articles where it introduces a quote
    hits: dict[str, int] = defaultdict(int)                # form -> gold statements it introduces
    frames: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    occurrences: dict[str, int] = defaultdict(int)
    texts: list[tuple[str, str]] = []
    for gold in golds:
        text = fold_key(gold.get("text") or "")
        texts.append((gold["id"], text))
        for q in gold.get("quotes", []):
            cue = fold_key(q.get("cue") or "").strip()
            if not cue or " " in cue or _known(cue):
                continue
            head = fold_key(q.get("quote_head") or "")
            at = text.find(head[:25]) if head else -1
            if at < 0:
                continue
            form = _bare(cue)
            if _known(form):
                continue
            window = text[max(0, at - CUE_WINDOW):at]
            found = list(re.finditer(rf"(?<!\w)[وف]?{re.escape(form)}(?!\w)", window))
            if not found:
                continue
            m = found[-1]
            between = window[m.end():]
            seen[form].add(gold["id"])
            hits[form] += 1
            frames[form][_frame(between, head, comps)] += 1
    for _, text in texts:
        for w in WORD_RE.findall(text):
            form = _bare(w) if _bare(w) in seen else w
            if form in seen:
                occurrences[form] += 1
    rows = []
    for form, articles in sorted(seen.items()):
        if len(articles) < MIN_ARTICLES or hits[form] < MIN_PRECISION * max(occurrences[form], 1):
            continue
        (frame, prep), _ = max(frames[form].items(), key=lambda kv: (kv[1], kv[0]))
        rows.append((form, frame, prep, _aspect(form), hits[form], occurrences[form]))
    return digest, rows


def render(digest: str, rows: list[Row]) -> str:
    out = [
        "# Reporting verbs mined from the training gold's cues by scripts/build_quote_cues.py: do not edit by hand.",
        "# Forms cues.tsv lacks that introduce gold statements in >= "
        f"{MIN_ARTICLES} articles at >= {MIN_PRECISION} of their occurrences.",
        f"# gold sha256 {digest}",
        "# Columns as cues.tsv: lemma<TAB>frame<TAB>preps<TAB>past forms<TAB>present forms<TAB>participle forms",
        "# (the lemma is the mined form; a trailing comment gives statements introduced / occurrences)",
    ]
    for form, frame, prep, aspect, n_hits, n_occ in rows:
        cells = {"past": "-", "present": "-", "participle": "-"}
        cells[aspect] = form
        out.append("\t".join((form, frame, prep or "-", cells["past"], cells["present"], cells["participle"]))
                   + f"\t# {n_hits}/{n_occ}")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--fold", help="K/N: leave out fold K of N (cross-validation)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    leave_out: Any = None
    if a.fold:
        k, n = (int(x) for x in a.fold.split("/"))
        leave_out = (k, n)
    digest, rows = mine(a.shared, leave_out)
    text = render(digest, rows)
    if a.check:
        if a.out.read_text(encoding="utf-8") != text:
            print(f"{a.out} differs from what the gold gives: rerun scripts/build_quote_cues.py", file=sys.stderr)
            return 1
        return 0
    a.out.write_text(text, encoding="utf-8")
    print(f"wrote {a.out} ({len(rows)} cues)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
