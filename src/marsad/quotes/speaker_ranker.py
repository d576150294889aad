"""Choose each quote's speaker among candidates with a trained ranker.

The rules (:mod:`marsad.quotes.cues`, :mod:`marsad.quotes.attributions`, :mod:`marsad.quotes.speaker`)
give a first speaker; this module takes it as one piece of evidence among others. For each statement,
:func:`speaker_choices` lists who might have said it: the rules' speaker, the persons, bodies and
countries the entities stage found in its sentence, the sentence before it and the headline (never
inside the statement itself), and the speakers of the statements before it. Each candidate is
described by binary features (where it stands against the cue and the content, how far, its entity
type, whether a preposition governs it, whether it spoke just before, how often the article names
it) and a conditional log-linear model (softmax over one statement's candidates), trained by
``scripts/train_speaker_ranker.py`` on the training gold, picks the best. Its weights are
``data/quotes/speaker-ranker.tsv`` (feature, weight) with ``speaker-ranker.json`` (features version,
the bonus of the rules' choice chosen by cross-validation, data digest). Without them the rules'
speakers stand.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from marsad.quotes.context import Draft, Speaker, verb_gender
from marsad.quotes.lexicon import Lexicon, strip_article
from marsad.quotes.names import ArticleNames
from marsad.quotes.names import clean as _clean
from marsad.quotes.phrases import PREPOSITIONS, head_key
from marsad.resources import versioned_model
from marsad.text.normalize import fold_key as _fold_key

__all__ = ["RULE", "SpeakerChoice", "SpeakerModel", "choose_speakers", "speaker_choices", "speaker_model"]

WEIGHTS = "quotes/speaker-ranker.tsv"
METADATA = "quotes/speaker-ranker.json"
# Bumped whenever a feature changes meaning, so that weights trained on other features are not read.
FEATURES_VERSION = 1
# The feature every candidate that the rules chose carries.
RULE = "rule"
# Statements before this one whose speakers are candidates (a continuation goes back a few at most).
PREVIOUS_SPEAKERS = 3
# How far before the sentence of the cue a mention is still a candidate (about one paragraph).
BACK_WINDOW = 400
# Character distances between a candidate and the cue, as bucket limits.
DISTANCES = (3, 15, 40, 100, 250)
ENTITY_TYPES = ("PER", "ORG", "GPE")


@dataclass(frozen=True, slots=True)
class SpeakerChoice:
    """The candidate speakers of one statement, their features, and which one the rules chose."""

    candidates: tuple[Speaker, ...]
    features: tuple[tuple[str, ...], ...]


# A bonus of the rules' choice no score can overcome: the trainer writes it when the ranker gains nothing
RULES_ALWAYS = 100.0


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Feature weights of the ranker and the bonus of the rules' choice."""

    weights: dict[str, float]
    rule_bonus: float

    def score(self, features: tuple[str, ...]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features) + (self.rule_bonus if RULE in features else 0.0)


@functools.cache
def speaker_model() -> SpeakerModel | None:
    """The packaged weights, or None when they are missing or were trained on other features."""
    packaged = versioned_model(METADATA, WEIGHTS, FEATURES_VERSION)
    if packaged is None:
        return None
    meta, rows = packaged
    bonus = float(meta.get("rule_bonus", 0.0))
    if bonus >= RULES_ALWAYS:  # the rules' choice always stands: no candidate need be listed or scored
        return None
    weights = {row[0]: float(row[1]) for row in rows if len(row) >= 2}
    return SpeakerModel(weights, bonus)


def _bucket(distance: int) -> str:
    return str(bisect.bisect_left(DISTANCES, distance))


def _words_bucket(name: str) -> str:
    n = len(name.split())
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"


def _cue_gender(lex: Lexicon, cue_word: str) -> str:
    m = lex.cue_re.fullmatch(cue_word)
    if m is None or m.group(2) not in lex.cues:
        return ""
    return verb_gender(m.group(2), lex.cues[m.group(2)])


@functools.lru_cache(maxsize=4096)
def fold_key(name: str) -> str:
    """The folded key of a name (cached: an article names its speakers many times)."""
    return _fold_key(name)


def _add(cands: dict[str, tuple[Speaker, set[str]]], sp: Speaker, feats: set[str]) -> None:
    """Add a candidate, or its features to the candidate of the same folded name met before."""
    key = fold_key(sp.name)
    if not key:
        return
    if key in cands:
        cands[key][1].update(feats)
    else:
        cands[key] = (sp, set(feats))


def speaker_choices(drafts: list[Draft], names: ArticleNames, lex: Lexicon,
                    sentences: list[tuple[int, int]]) -> list[SpeakerChoice]:
    """The candidate speakers of each draft (folded spans), with their features; one per draft.

    Args:
        drafts: the statements the rules found, in text order, with the rules' speakers.
        names: the article's names (entity mentions in folded spans, actors, source text).
        lex: the quotes lexicon.
        sentences: folded spans of the article's sentences.
    """
    text = names.folded.text
    mentions = sorted((s, e, t, a) for s, e, t, a in names.mentions if t in ENTITY_TYPES)
    counts: Counter[str] = Counter(a or text[s:e] for s, e, _, a in mentions)  # (text is folded)
    starts = [s for s, _ in sentences]
    headline_end = sentences[0][1] if sentences else 0
    mention_starts = [s for s, _, _, _ in mentions]
    in_headline_count = bisect.bisect_left(mention_starts, headline_end)
    out: list[SpeakerChoice] = []
    for n, d in enumerate(drafts):
        sent = max(0, bisect.bisect_right(starts, d.cue[0]) - 1)
        s_start = sentences[sent][0] if sentences else 0
        s_end = sentences[sent][1] if sentences else len(text)
        cue_word = text[d.cue[0]:d.cue[1]].strip()
        gender = _cue_gender(lex, cue_word.split()[0]) if cue_word else ""
        cands: dict[str, tuple[Speaker, set[str]]] = {}
        add = functools.partial(_add, cands)

        rule_words: set[str] = set()
        if d.speaker is not None:
            sp = d.speaker
            feats = {RULE, f"rule_words={_words_bucket(sp.name)}",
                     "rule_anonymous" if sp.anonymous else ("rule_actor" if sp.actor_id else "rule_free"),
                     f"rule_role={sp.role is not None}", f"rule_rule={d.rule.split(':')[0]}"}
            if d.content[0] <= sp.span[0] < d.content[1]:
                feats.add("rule_in_content")
            # what the rules' speaker phrase opens with: a head of the lexicon (a role, a body, an
            # anonymous source, a document) or a word no speaker phrase opens with (ندوة، عدم، أنهم)
            opening = fold_key(sp.name).split()[:1]
            kinds = sorted(lex.heads.get(head_key(lex, opening[0]), frozenset())) if opening else []
            feats |= {f"rule_head={k}" for k in kinds} or {"rule_head=none"}
            # (mentions start in order: only those that start before the speaker's end can overlap it;
            # a mention is at most a few words long)
            upto = bisect.bisect_left(mention_starts, sp.span[1])
            overlapping = sorted({t for s, e, t, _ in mentions[max(0, upto - 8):upto] if e > sp.span[0]})
            feats |= {f"rule_mention={t}" for t in overlapping} or {"rule_mention=none"}
            add(sp, feats)
            rule_words = {strip_article(w) for w in fold_key(sp.name).split() if len(strip_article(w)) > 2}
        previous = [p.speaker for p in reversed(drafts[:n]) if p.speaker is not None][:PREVIOUS_SPEAKERS]
        for k, sp in enumerate(previous):
            add(sp, {f"previous={k}", f"previous={k}&anonymous={sp.anonymous}"})
        lo = max(0, s_start - BACK_WINDOW)
        # (the headline's mentions, then those of the window, found by bisection: no scan of the article)
        window = range(bisect.bisect_left(mention_starts, lo), bisect.bisect_left(mention_starts, s_end))
        nearby = [mentions[k] for k in range(min(window.start, in_headline_count))] + [mentions[k] for k in window]
        for s, e, etype, actor_id in nearby:
            in_headline = e <= headline_end
            if not (lo <= s < s_end or in_headline):
                continue
            if d.content[0] <= s < d.content[1] or s >= s_end:
                continue
            name = None
            if actor_id:
                actor = names.doc.actor(actor_id)
                name = actor.name if actor is not None else None
            name = name or _clean(names.source((s, e)))
            feats = {f"type={etype}"}
            if in_headline and sent > 0:
                feats.add("headline")
            if s >= s_start:
                if e <= d.cue[0]:
                    where = "before_cue"
                    dist = d.cue[0] - e
                elif s >= d.cue[1] and e <= d.content[0]:
                    where = "cue_to_content"
                    dist = s - d.cue[1]
                elif s >= d.content[1]:
                    where = "after_content"
                    dist = s - d.content[1]
                else:
                    where = "other"
                    dist = abs(s - d.cue[0])
            else:
                where = "earlier"
                dist = s_start - e
            feats |= {f"where={where}", f"where={where}&type={etype}", f"dist={where}:{_bucket(dist)}"}
            before = text[max(0, s - 12):s].split()
            if before and (before[-1] in PREPOSITIONS or (
                    before[-1][:1] in "بل" and len(before[-1]) <= 2)):
                feats.add("governed")
            if text[s:s + 1] in "بل" and text[s:s + 3] not in ("بن ",) and etype != "PER":
                feats.add("clitic_prep")
            if gender:
                feats.add(f"gender={gender}&type={etype}")
            c = counts[actor_id or text[s:e]]
            feats.add(f"count={min(c, 4)}")
            if d.speaker is not None and fold_key(name) in fold_key(d.speaker.name) and fold_key(name) != fold_key(
                    d.speaker.name):
                feats.add("inside_rule")
            add(Speaker(name, (s, e), actor_id, None, False, text[s:e]), feats)
        if d.speaker is not None:
            rule_key = fold_key(d.speaker.name)
            for key, (_, f) in cands.items():
                if key == rule_key:
                    continue
                words = {strip_article(w) for w in key.split()}
                if rule_words & words:
                    # الكتلة البرلمانية -> كتلة نداء تونس، مجلس الهيئة -> الهيئة العليا ...
                    f.add("shares_rule_word")
                    if len(words) > len(rule_words):
                        f.add("shares_rule_word&longer")
        # the nearest mention before the cue and the first after it, in the cue's sentence
        before_cue = [k for k, (_, f) in cands.items() if "where=before_cue" in f]
        after_cue = [k for k, (_, f) in cands.items() if "where=cue_to_content" in f]
        if before_cue:
            nearest = max(before_cue, key=lambda k: cands[k][0].span[1])
            cands[nearest][1].add("nearest_before")
        if after_cue:
            first = min(after_cue, key=lambda k: cands[k][0].span[0])
            cands[first][1].add("first_after")
        if d.speaker is None:
            for _, f in cands.values():
                f.add("no_rule")
        ordered = list(cands.values())
        out.append(SpeakerChoice(tuple(sp for sp, _ in ordered),
                                 tuple(tuple(sorted(f | {"bias"})) for _, f in ordered)))
    return out


def choose_speakers(drafts: list[Draft], choices: Callable[[], list[SpeakerChoice]]) -> list[Draft]:
    """Each draft with the candidate the packaged model scores highest as its speaker.

    ``choices`` lists the candidates of each draft (:func:`speaker_choices`); it is only called
    when a model is packaged. Without the model (or for a draft with no candidate) the rules'
    speaker stands, with the role the rules read.
    """
    model = speaker_model()
    if model is None or not drafts:
        return drafts
    out = []
    for d, choice in zip(drafts, choices(), strict=True):
        if not choice.candidates:
            out.append(d)
            continue
        scores = [model.score(f) for f in choice.features]
        best = max(range(len(scores)), key=lambda k: (scores[k], RULE in choice.features[k], -k))
        if RULE in choice.features[best]:
            out.append(d)
        else:
            out.append(replace(d, speaker=choice.candidates[best]))
    return out
