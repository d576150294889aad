"""Features: what the model reads of one candidate sentence.

Words, word pairs and stems of the folded sentence, and the rule stack's knowledge about it: its
cues (form, code, strength), the modality markers and support words in it, the toll it tells, the
sub-event types the rules coded from it, and where it stands in the article (a headline or lead
reports the article's main event). Feature names are ``kind=value`` strings; the model ignores
those it has no weight for.
"""

from __future__ import annotations

import re
from itertools import pairwise

from marsad.events.candidates import Candidates
from marsad.events.cues import Hit, find_words, modality_matcher, support_matcher
from marsad.events.fatalities import count_killed

__all__ = ["FEATURES_VERSION", "WORD_RE", "lexical_features", "sentence_features", "stem", "support_and_modality",
           "toll_feature"]

# Bumped whenever sentence_features() changes, so that a model trained on other features is refused.
FEATURES_VERSION = 2
WORD_RE = re.compile(r"[^\W\d_]+")
NUMBER_RE = re.compile(r"\d+")
# Proclitics stripped for the stem feature (و ف ب ل ك and the article): وباعتقال -> اعتقال.
PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:[بلك]?ال|[بل])?)(?=\S{3})")


def stem(word: str) -> str:
    """``word`` without its proclitics (و، ف، ب، ل، ك، ال) where three letters stay."""
    return PROCLITIC_RE.sub("", word, count=1)


def lexical_features(text: str, s0: int, s1: int) -> set[str]:
    """The words of ``text[s0:s1]`` as features: words, stems, stem pairs and prefixes, the first stem,
    the length in steps of 8 words, and whether a question mark or a number stands there."""
    words = WORD_RE.findall(text, s0, s1)
    stems = [stem(w) for w in words]
    out = {f"length={min(6, len(words) // 8)}"}
    out.update(f"w={w}" for w in words)
    out.update(f"s={s}" for s in stems)
    out.update(f"b={a}_{b}" for a, b in pairwise(stems))
    out.update(f"p={s[:4]}" for s in stems if len(s) > 4)
    if words:
        out.add(f"first={stems[0]}")
    if "؟" in text[s0:s1] or "?" in text[s0:s1]:
        out.add("question")
    if NUMBER_RE.search(text, s0, s1):
        out.add("number")
    return out


def support_and_modality(cands: Candidates, i: int) -> tuple[list[Hit], list[Hit]]:
    """The support words and modality markers of candidate sentence ``i`` (as the rules found them)."""
    s0, s1 = cands.bounds[i]
    text = cands.folded.text
    return cands.words.get(i) or (find_words(support_matcher(), text, s0, s1),
                                  find_words(modality_matcher(), text, s0, s1))


def toll_feature(text: str, s0: int, s1: int) -> str:
    """The death toll ``text[s0:s1]`` tells, in steps: none, 0, 1-2, 3+."""
    toll = count_killed(text, s0, s1)
    return "toll=" + ("none" if toll is None else "0" if toll == 0 else "1-2" if toll < 3 else "3+")


def sentence_features(cands: Candidates, i: int) -> list[str]:
    """The features of candidate sentence ``i`` of ``cands`` (duplicates removed, any order).

    Args:
        cands: the candidates of one article (:func:`~marsad.events.candidates.find_candidates`).
        i: the index of a sentence holding a cue (a key of ``cands.hits``).

    Returns:
        Feature names (``kind=value``).
    """
    text = cands.folded.text
    s0, s1 = cands.bounds[i]
    out = {"bias", f"position={min(i, 3)}", *lexical_features(text, s0, s1)}
    for h in cands.hits[i]:
        out.update((f"cue={h.form}", f"code={h.kind}", f"code={h.kind}:{h.strength}",
                    f"cue_pos={h.pos}{h.strength}{int('ال' in h.prefix)}"))
    support, markers = support_and_modality(cands, i)
    for w in support:
        out.update((f"support={w.kind}", f"support_word={w.form}"))
    for w in markers:
        out.update((f"modality={w.kind}", f"modality_word={w.form}"))
    out.add(toll_feature(text, s0, s1))
    out.update(f"trace={t}" for t in cands.traces.get(i, ()))
    drafts = cands.drafts.get(i, [])
    out.add(f"rules={min(len(drafts), 2)}")
    for d in drafts:
        e = d.event
        out.update((f"rule={e.sub_event_type}", f"rule_type={e.event_type}", f"rule_historical={int(e.historical)}",
                    f"rule_actor1={int(e.actor1 is not None)}", f"rule_follow_up={int(d.follow_up)}",
                    f"rule_place={int(d.place_known)}", f"rule_date={int(d.date_known)}"))
    index = cands.index
    out.add(f"places={min(2, sum(1 for p in index.places if s0 <= p.start < s1))}")
    out.add(f"dates={min(2, sum(1 for d in index.dates if s0 <= d.start < s1))}")
    return sorted(out)
