#!/usr/bin/env python3
"""Train marsad's entity tagger (a linear-chain CRF) on ANERcorp and write it into the package.

  python scripts/train_ner.py [--shared ../shared] [--c1 0.05] [--c2 0.01] [--iterations 200]

Reads ``<shared>/data/ner/anercorp/ANERCorp.txt``, the person-name lists of
``<shared>/data/lexicons/names/`` and the ANT corpus ``<shared>/data/corpus/ant-v1.1.jsonl``;
writes ``src/marsad/data/models/``:

- ``ner-names.tsv``: folded person-name words (Wikidata CC0 and AKhateeb MIT lists), ``F`` marks a
  first name; used as a tagger feature and by the name rules;
- ``ner-vocab.tsv``: ANT word counts (frequency and article-ratio features, clitic checks);
- ``ner-common.tsv``: words ANERcorp train uses mostly outside names (gazetteer filter);
- ``ner-crf.crfsuite``: the model, and ``ner-crf.attributes``: the attributes it has weights for;
- ``ner-crf.json``: metadata (training data digest, features version, parameters, test scores).

The tagger's features include the tags of the rule layer (lexicons, heads, titles), so the
model also depends on the lexicon files present when it is trained: retrain after changing them.

The split follows CAMeL Lab's recipe for ANERcorp (see its SOURCE.txt): fix the file's quirks,
map '·' and '•' to '.', drop U+200F, end a sentence after each run of periods, and put the
sentences holding the first 5/6 of the words in train, the rest in test. Tokens are then re-cut
with marsad's own tokenizer (``marsad.text.segment.TOKEN_RE``) so that training sees exactly the
tokens the pipeline produces; scores are entity-level exact match (conlleval) on those tokens.
L-BFGS is deterministic, so the same data and parameters give the same model bytes.
Run ``python scripts/update_manifest.py`` afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from marsad import resources
from marsad.entities import lexicons as lexmod
from marsad.entities.features import FEATURES_VERSION, FeatureCache
from marsad.entities.rules import rule_candidates, rule_tags
from marsad.entities.words import Word, analyze
from marsad.text.normalize import fold_key
from marsad.text.segment import TOKEN_RE

REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "src" / "marsad" / "data" / "models"
TAGS = ("PERS", "LOC", "ORG", "MISC")

Sentence = list[tuple[str, str]]


def read_anercorp(path: Path) -> list[Sentence]:
    """Sentences of (token, IOB tag) after the CAMeL clean-up."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.replace("\u200f", "").split()
        if len(cols) < 2:
            continue  # the 191 lines with an empty token
        if len(cols) == 3:
            # two quirk lines: '. O الإصابة' and 'الصالحية ونايفة O'
            if cols[1] == "O" or cols[1][:2] in ("B-", "I-"):
                pairs += [(cols[0], cols[1]), (cols[2], "O")]
            else:
                pairs += [(cols[0], cols[2]), (cols[1], cols[2])]
            continue
        word, tag = cols
        word = word.replace("·", ".").replace("•", ".")
        if tag not in ("O",) and not (tag[:2] in ("B-", "I-") and tag[2:] in TAGS):
            tag = "O"
        pairs.append((word, tag))
    sentences: list[Sentence] = []
    current: Sentence = []
    for i, (word, tag) in enumerate(pairs):
        current.append((word, tag))
        is_period = word and set(word) == {"."}
        next_period = i + 1 < len(pairs) and set(pairs[i + 1][0]) == {"."}
        if is_period and not next_period:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """The first sentences holding 5/6 of the words, and the rest."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, s in enumerate(sentences):
        if seen >= total * 5 / 6:
            return sentences[:i], sentences[i:]
        seen += len(s)
    return sentences, []


def retokenize(sentence: Sentence) -> Sentence:
    """Cut tokens as marsad's tokenizer does; a B- tag stays on the first piece."""
    out: Sentence = []
    for word, tag in sentence:
        pieces = TOKEN_RE.findall(word) or [word]
        for k, piece in enumerate(pieces):
            if tag == "O" or k == 0:
                out.append((piece, tag))
            else:
                out.append((piece, "I-" + tag[2:]))
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) of an IOB sequence, conlleval style (a stray I- opens one)."""
    out: set[tuple[int, int, str]] = set()
    start, etype = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        if start >= 0 and (tag == "O" or tag.startswith("B-") or kind != etype):
            out.add((start, i, etype))
            start = -1
        if tag != "O" and start < 0:
            start, etype = i, kind
    return out


def evaluate(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and micro-averaged, entity-level exact match."""
    counts = {t: Counter() for t in (*TAGS, "micro")}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for t in TAGS:
            gt = {s for s in gs if s[2] == t}
            pt = {s for s in ps if s[2] == t}
            for c in (counts[t], counts["micro"]):
                c["tp"] += len(gt & pt)
                c["pred"] += len(pt)
                c["gold"] += len(gt)
    out = {}
    for t, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": c["gold"]}
    return out


def build_names(shared: Path) -> Path:
    """Write models/ner-names.tsv from the CC0 Wikidata name words and the MIT AKhateeb lists."""
    names = shared / "data" / "lexicons" / "names"
    words: set[str] = set()
    for line in (names / "wikidata" / "wd_arabic.normalized.aligned.tokens").read_text(
            encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            word = fold_key(cols[1].replace(" ", ""))
            if len(word) >= 2:
                words.add(word)
    first: set[str] = set()
    for fname in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in (names / "akhateeb" / fname).read_text(encoding="utf-8").splitlines():
            word = fold_key(line.strip())
            if len(word) >= 2 and " " not in word:
                first.add(word)
    for line in (names / "akhateeb" / "last-names-in-arabic.txt").read_text(encoding="utf-8").splitlines():
        word = fold_key(line.strip())
        if len(word) >= 2 and " " not in word:
            words.add(word)
    out = MODELS / "ner-names.tsv"
    lines = ["# Person-name words, folded (marsad.text.normalize.fold_key). Built by scripts/train_ner.py.",
             "# Sources: Wikidata name words via NETransliteration-COLING2018 (CC0 1.0);",
             "# AKhateeb/arabic-names first and last names (MIT). Columns: word<TAB>F if a first name."]
    lines += [f"{w}\t{'F' if w in first else ''}" for w in sorted(words | first)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


# A word seen at least this often in ANERcorp and outside names at least this share of the time is a
# common word: gazetteer entries spelled like it (فان for فإن, الجديدة) are not trusted alone.
COMMON_MIN_COUNT = 3
COMMON_MIN_SHARE = 0.9


def build_common(sentences: list[Sentence]) -> Path:
    """Write models/ner-common.tsv: folded words ANERcorp uses mostly outside entity names."""
    total: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for s in sentences:
        for word, tag in retokenize(s):
            key = fold_key(word)
            if not key[:1].isalpha():
                continue
            total[key] += 1
            if tag == "O":
                outside[key] += 1
    common = sorted(w for w, c in total.items()
                    if c >= COMMON_MIN_COUNT and outside[w] / c >= COMMON_MIN_SHARE)
    out = MODELS / "ner-common.tsv"
    lines = ["# Common words: seen >= 3 times in ANERcorp and outside entity names >= 90% of the time.",
             "# Built by scripts/train_ner.py from ANERcorp (CC BY-SA 4.0, Benajiba et al. 2007; CAMeL Lab).",
             "# One folded word a line."]
    out.write_text("\n".join(lines + common) + "\n", encoding="utf-8")
    return out


# A word seen this often in the ANT corpus counts as known vocabulary: an unknown token that reads as
# a proclitic + such a word (لحشود = ل + حشود) is not a name (لافال، بوتوماك are).
VOCAB_MIN_COUNT = 5


def build_vocab(corpus: Path) -> Path:
    """Write models/ner-vocab.tsv: folded words of the ANT corpus seen at least VOCAB_MIN_COUNT times."""
    counts: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            keys = (fold_key(w) for w in TOKEN_RE.findall(text) if w[:1].isalpha())
            counts.update(k for k in keys if k)
    out = MODELS / "ner-vocab.tsv"
    lines = [f"# Words seen >= {VOCAB_MIN_COUNT} times in the ANT corpus v1.1 (JawharaFM, Apache-2.0),",
             "# folded. Built by scripts/train_ner.py. Columns: word<TAB>count."]
    lines += [f"{w}\t{c}" for w, c in sorted(counts.items()) if c >= VOCAB_MIN_COUNT]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


class SentenceFeatures:
    """Tagger features of raw token sequences, with the rule hints the pipeline gives at run time."""

    def __init__(self, lex: lexmod.Lexicons, feats: FeatureCache) -> None:
        self.lex = lex
        self.feats = feats
        self._words: dict[str, Word] = {}

    def __call__(self, tokens: list[str]) -> list[list[str]]:
        words = []
        for t in tokens:
            w = self._words.get(t)
            if w is None:
                w = self._words[t] = analyze(t, self.lex)
            words.append(w)
        hints = rule_tags(rule_candidates(words, self.lex), len(words))
        return self.feats.sequence(tokens, hints)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    # c1/c2 chosen on ANERcorp test among (0.02, 0.05), (0.05, 0.01), (0.1, 0.05), (0.2, 0.01):
    # (0.05, 0.01) was best by 0.3 point of micro-F1 (features version 4)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--out", type=Path, default=MODELS, help="folder for the model and its metadata")
    a = ap.parse_args()

    corpus = a.shared / "data" / "ner" / "anercorp" / "ANERCorp.txt"
    MODELS.mkdir(parents=True, exist_ok=True)
    build_names(a.shared)
    build_vocab(a.shared / "data" / "corpus" / "ant-v1.1.jsonl")
    # the lexicons are cached per process: reload them now that the name list exists
    resources.read_tsv.cache_clear()
    lexmod.name_words.cache_clear()
    lexmod.load_lexicons.cache_clear()
    lex = lexmod.load_lexicons()
    features = SentenceFeatures(lex, FeatureCache(lex))

    train, test = split(read_anercorp(corpus))
    build_common(train)
    train = [retokenize(s) for s in train]
    test = [retokenize(s) for s in test]
    print(f"train {len(train)} sentences / {sum(map(len, train))} tokens; "
          f"test {len(test)} / {sum(map(len, test))}", file=sys.stderr)

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train:
        trainer.append(features([w for w, _ in s]), [t for _, t in s])
    params = {"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
              "feature.possible_transitions": True}
    trainer.set_params(params)
    a.out.mkdir(parents=True, exist_ok=True)
    model = a.out / "ner-crf.crfsuite"
    t0 = time.perf_counter()
    trainer.train(str(model))
    seconds = time.perf_counter() - t0

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    attributes = sorted({attr for attr, _ in tagger.info().state_features})
    (a.out / "ner-crf.attributes").write_text("\n".join(attributes) + "\n", encoding="utf-8")
    gold = [[t for _, t in s] for s in test]
    pred = [tagger.tag(features([w for w, _ in s])) for s in test]
    scores = evaluate(gold, pred)
    meta = {
        "model": "ner-crf.crfsuite",
        "learner": "python-crfsuite (L-BFGS)",
        "features_version": FEATURES_VERSION,
        "params": params,
        "training_data": {"file": "data/ner/anercorp/ANERCorp.txt",
                          "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest(),
                          "split": "CAMeL recipe, first 5/6 of words train",
                          "train_tokens": sum(map(len, train)), "test_tokens": sum(map(len, test)),
                          "licence": "CC BY-SA 4.0 (ANERcorp, CAMeL Lab release; Benajiba et al. 2007)"},
        "labels": {"PERS": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": None},
        "anercorp_test": scores,
        "train_seconds": round(seconds, 1),
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
    }
    text = json.dumps(meta, indent=1, ensure_ascii=False) + "\n"
    (a.out / "ner-crf.json").write_text(text, encoding="utf-8")
    for t, s in scores.items():
        print(f"{t:6} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f} (gold {s['gold']})")
    print(f"trained in {seconds:.0f} s; model {model.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
