"""Sentence mode: how likely each candidate sentence, read alone, reports an assault or a protest.

``EventsConfig.mode = "sentence"`` judges sentences as the annotators of the OEDA Arabic event gold
standard did: one sentence at a time, "does it report an assault (a protest)?". One binary logistic
model per family (``data/models/event-{assault,protest}-sentences.{tsv,json}``, the format of
:mod:`~marsad.events.model`), trained on the shared GSR half by ``scripts/train_event_sentences.py``,
reads the features below; each family's threshold, chosen by cross-validation grouped by article,
is stored beside its weights.

The features are this module's own (not :func:`~marsad.events.features.sentence_features`, which
the article model reads): words, stems, stem pairs and stem prefixes of the folded sentence;
the rule stack's knowledge of it (cue forms and codes, the GSR family of each cue, modality and
support words, the rules' drafts and their traces, the toll); and the markers that make a cue not
report an act: a negation right before it (لم يقتل), a future prefix (سيهاجم), a modality marker
governing it (نفى، يخشى، دعا). They leave out where the sentence stands in its article: the models
learn from sentences read alone. Beside whole words, the character 3- to 5-grams of each word
stripped of its proclitics (و، ف، ب، ل، ك، ال) let an inflection or spelling never seen in training
(تظاهرتا، المتظاهرات، بالاعتداءات) share the weight of its seen relatives; they carry the model
where the rule stack's lexicons, written from the sentences at hand, know no cue. (Raw character
n-grams of the sentence, prefixes included, were tried before: they lowered protest F1 by 0.06.)
"""

from __future__ import annotations

import functools
import re

from marsad.errors import DataFileError
from marsad.events.candidates import Candidates
from marsad.events.coding import CODES
from marsad.events.combine import FAMILIES, family_of
from marsad.events.features import WORD_RE, lexical_features, stem, support_and_modality, toll_feature
from marsad.events.model import SentenceModel, read_model
from marsad.resources import read_json, read_tsv

__all__ = ["CHAR_GRAM_PREFIX", "JUDGE_FEATURES_VERSION", "SENTENCE_MODELS", "char_grams", "family_judge",
           "judge_features", "judge_sentences"]

# Bumped whenever judge_features() changes, so that a model trained on other features is refused.
JUDGE_FEATURES_VERSION = 4
# one model per GSR family: data/models/event-<family>-sentences.{tsv,json}
SENTENCE_MODELS = {family: f"event-{family}-sentences" for family in FAMILIES}
# A negation or privative word right before a cue, within its last word or two: "لم يقتل أحد",
# "دون وقوع اشتباكات", "عدم تنظيم المسيرة" (folded text).
NEGATED_RE = re.compile(r"(?:^|\s)(?:لم|لن|لا|ما|غير|ليس|ليست|دون|بدون|عدم)\s+\S*$")
NEGATION_WINDOW = 20  # characters before a cue searched for a negation
MODALITY_REACH = 40  # characters from a modality marker's end to a cue it may govern
EARLY = 30  # a cue within this many characters of the sentence start opens the sentence
CHAR_GRAMS = (3, 4, 5)  # lengths of the character n-grams of a stripped word (marked "<word>")
CHAR_GRAM_PREFIX = "c="  # their features' names; a model trained without them has no weight for them


def _code_family(code: str) -> str:
    """The GSR family of a cue's sub-event code: assault, protest or other."""
    sub = CODES.get(code)
    return (family_of(sub.event_type, sub.sub_event_type) if sub is not None else None) or "other"


def char_grams(text: str, s0: int, s1: int) -> set[str]:
    """The character n-grams (``CHAR_GRAMS``) of each word of ``text[s0:s1]`` stripped of its proclitics.

    >>> sorted(char_grams("والمتظاهرين", 0, 11))[:3]
    ['c=<مت', 'c=<متظ', 'c=<متظا']
    """
    out: set[str] = set()
    for word in WORD_RE.findall(text, s0, s1):
        marked = f"<{stem(word)}>"
        for n in CHAR_GRAMS:
            out.update(f"{CHAR_GRAM_PREFIX}{marked[k:k + n]}" for k in range(len(marked) - n + 1))
    return out


def judge_features(cands: Candidates, i: int) -> list[str]:
    """The features of candidate sentence ``i`` of ``cands`` for the sentence-mode models (sorted, unique).

    Args:
        cands: the candidates of one article (:func:`~marsad.events.candidates.find_candidates`).
        i: the index of a sentence holding a cue (a key of ``cands.hits``).

    Returns:
        Feature names (``kind=value``); ``bias`` always among them.
    """
    text = cands.folded.text
    s0, s1 = cands.bounds[i]
    out = {"bias", *lexical_features(text, s0, s1), *char_grams(text, s0, s1)}
    hits = cands.hits[i]
    for h in hits:
        family = _code_family(h.kind)
        out.update((f"cue={h.form}", f"code={h.kind}", f"code={h.kind}:{h.strength}",
                    f"cue_pos={h.pos}{h.strength}{int('ال' in h.prefix)}",
                    f"cue_family={family}", f"cue_family={family}:{h.strength}:{h.pos}"))
        if NEGATED_RE.search(text[max(s0, h.start - NEGATION_WINDOW):h.start]):
            out.add(f"negated={family}")
        if h.pos == "I" and h.prefix.endswith("س"):
            out.add(f"future={family}")
        if h.start - s0 < EARLY:
            out.add(f"early_cue={family}")
    support, markers = support_and_modality(cands, i)
    for w in support:
        out.update((f"support={w.kind}", f"support_word={w.form}"))
    for w in markers:
        out.update((f"modality={w.kind}", f"modality_word={w.form}"))
        out.update(f"modality_before={w.kind}:{_code_family(h.kind)}" for h in hits
                   if 0 <= h.start - w.end < MODALITY_REACH)
    out.add(toll_feature(text, s0, s1))
    for t in cands.traces.get(i, ()):
        # "attack:denial:0" (a cue's code and what the rules concluded), "evidence=attack:2"
        head, _, conclusion = t.partition(":")
        label, _, code = head.rpartition("=")
        out.update((f"trace={t}", f"trace_family={label + '=' if label else ''}{_code_family(code)}:{conclusion}"))
    drafts = cands.drafts.get(i, [])
    out.add(f"rules={min(len(drafts), 2)}")
    for d in drafts:
        e = d.event
        family = family_of(e.event_type, e.sub_event_type) or "other"
        out.update((f"rule={e.sub_event_type}", f"rule_type={e.event_type}", f"rule_historical={int(e.historical)}",
                    f"rule_actor1={int(e.actor1 is not None)}", f"rule_follow_up={int(d.follow_up)}",
                    f"rule_place={int(d.place_known)}", f"rule_date={int(d.date_known)}",
                    f"rule_family={family}", f"rule_family={family}:{int(e.historical)}"))
    index = cands.index
    out.add(f"places={min(2, sum(1 for p in index.places if s0 <= p.start < s1))}")
    out.add(f"dates={min(2, sum(1 for d in index.dates if s0 <= d.start < s1))}")
    return sorted(out)


@functools.cache
def family_judge(family: str) -> SentenceModel:
    """The packaged sentence-mode model of ``family`` ("assault" or "protest"), loaded once."""
    name = SENTENCE_MODELS[family]
    meta = read_json(f"models/{name}.json")
    if meta.get("judge_features_version") != JUDGE_FEATURES_VERSION:
        raise DataFileError(f"models/{name}.tsv was trained with judge features version "
                            f"{meta.get('judge_features_version')}, this code computes version "
                            f"{JUDGE_FEATURES_VERSION}: run scripts/train_event_sentences.py")
    return read_model([tuple(r) for r in read_tsv(f"models/{name}.tsv")], meta)


def judge_sentences(cands: Candidates) -> dict[int, dict[str, float]]:
    """Per candidate sentence, each family's score relative to its threshold (0.5 is the threshold).

    Args:
        cands: the candidates of one article.

    Returns:
        ``{sentence index: {family: score}}``; a family reaches its threshold when its score is at
        least 0.5 (the rescaling is monotone and keeps 0 and 1).
    """
    judges = {family: family_judge(family) for family in FAMILIES}
    scores: dict[int, dict[str, float]] = {}
    for i in cands.hits:
        features = judge_features(cands, i)
        scores[i] = {family: _relative(judge.detect(features).p_event, judge.threshold("sentence"))
                     for family, judge in judges.items()}
    return scores


def _relative(p: float, threshold: float) -> float:
    """``p`` rescaled so that ``threshold`` maps to 0.5 (monotone; 0 and 1 stay put)."""
    if p < threshold:
        return 0.5 * p / threshold if threshold > 0 else 0.5
    return 0.5 + 0.5 * (p - threshold) / (1 - threshold) if threshold < 1 else 1.0
