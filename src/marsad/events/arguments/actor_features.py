"""Features of an actor candidate for an event: where it stands, how the text ties it to the act.

Each candidate gets a list of string features (the weights of
:mod:`~marsad.events.arguments.actor_ranker` are per feature): its source and kind, crossed with
the event's type; its position relative to the event's cue (before or after, words between, its own
sentence or a neighbour); the word before it (a preposition, an instrument such as برصاص, an agent
marker such as من قبل or شنّه, a verb of reporting); whether a claim of responsibility stands next to
it; how often the article names it; and whether the rules chose it. Nothing here decides: the
weights, trained on the annotated articles, do.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.events.arguments.actor_candidates import Candidate, EventFrame
from marsad.events.arguments.index import PREPOSITIONS, DocIndex
from marsad.events.cues import Hit
from marsad.text.normalize import fold_key

__all__ = ["FEATURES_VERSION", "candidate_features"]

# Bumped whenever candidate_features() changes, so that weights trained on other features are refused.
FEATURES_VERSION = 1
INSTRUMENTS = frozenset({"برصاص", "برصاصه", "بنيران", "بطلقات", "بقذايف", "بصواريخ", "بغارات", "بقصف"})
AGAINST = frozenset({"ضد", "علي", "استهدف", "استهدفت", "استهداف", "باستهداف", "لاستهداف"})
REPORTING = frozenset({"قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "اعلن", "اعلنت", "اكد", "اكدت",
                       "اوضح", "اوضحت", "نقلت", "نقل", "اضاف", "اضافت", "حسب", "بحسب", "وفق", "وفقا",
                       "اشار", "اشارت", "صرح", "صرحت", "بيان", "مصدر", "مصادر", "لوكاله", "وكاله"})
MEMBERS = frozenset({"عناصر", "قوات", "مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "انصار", "اعضاء", "وحدات",
                     "اعوان", "افراد", "رجال", "منتسبي"})
VERB_SUFFIX_FREE = frozenset({"V", "I"})


def _bucket(n: int) -> str:
    if n <= 0:
        return "0"
    if n <= 2:
        return "1-2"
    if n <= 5:
        return "3-5"
    if n <= 10:
        return "6-10"
    if n <= 20:
        return "11-20"
    return "21+"


def _norm(name: str) -> str:
    folded = fold_key(name)
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in folded.split())


def candidate_features(index: DocIndex, frame: EventFrame, cand: Candidate, *, support: list[Hit],
                       mentions: dict[str, int], lead_names: set[str]) -> list[str]:
    """The features of one candidate (role-free: one model per role reads them).

    Args:
        index: the document index.
        frame: the event.
        cand: the candidate.
        support: support words (agent markers, claims ...) of the event's sentence.
        mentions: normalised actor name -> number of mentions in the article.
        lead_names: normalised names of the actors named in the article's first two sentences.
    """
    ev = frame.event_type
    sub = frame.sub_event_type
    kind = cand.kind
    out = [f"src={cand.source}", f"src={cand.source}|ev={ev}", f"src={cand.source}|sub={sub}",
           f"kind={kind}", f"kind={kind}|ev={ev}", f"kind={kind}|sub={sub}"]
    if cand.actor is not None and cand.actor.inter is not None:
        out += [f"inter={cand.actor.inter}", f"inter={cand.actor.inter}|ev={ev}"]
    if cand.located is not None and cand.located.mention is not None:
        out.append(f"type={cand.located.mention.type}|ev={ev}")
    key = _norm(cand.name) if cand.name else ""
    keys = {key, _norm(cand.actor.name)} if cand.actor is not None else {key}
    if key and frame.rule_actor1 and _norm(frame.rule_actor1) in keys:
        out += ["rule1", f"rule1|src={cand.source}"]
        if frame.rule_claimed:
            out.append("rule1_claimed")
    if key and frame.rule_actor2 and _norm(frame.rule_actor2) in keys:
        out += ["rule2", f"rule2|src={cand.source}"]
    if cand.source == "none":
        out.append(f"none|rule1={int(frame.rule_actor1 is not None)}")
        return out
    if cand.start < 0:
        if cand.source == "default":
            out.append(f"default|rule2={int(frame.rule_actor2 is not None)}")
        return out
    if key:
        n = mentions.get(_norm(cand.actor.name) if cand.actor is not None else key, 0)
        out.append(f"mentions={_bucket(n)}")
        if keys & lead_names:
            out.append("in_lead")
    text = index.folded.text
    s0, s1 = frame.sentence
    if cand.start < s0:
        where = "prev"
    elif cand.start >= s1:
        where = "next"
    elif frame.start <= cand.start < frame.end:
        where = "clause"
    else:
        where = "sentence"
    if cand.end <= frame.anchor:
        side = "before"
        gap = index.words_between(cand.end, frame.anchor)
    elif cand.start >= frame.anchor_end:
        side = "after"
        gap = index.words_between(frame.anchor_end, cand.start)
    else:
        side, gap = "on", 0
    dist = _bucket(gap)
    out += [f"where={where}", f"side={side}", f"side={side}|dist={dist}", f"side={side}|where={where}",
            f"side={side}|dist={dist}|kind={kind}", f"side={side}|ev={ev}", f"side={side}|dist={dist}|ev={ev}",
            f"side={side}|pos={frame.anchor_pos}", f"side={side}|dist={dist}|pos={frame.anchor_pos}"]
    word = index.word_before(cand.start) if not cand.prefix else cand.prefix
    if cand.prefix:
        out.append(f"prefix={cand.prefix[-1]}")
    bare = index.word_before(cand.start)
    if bare:
        out.append(f"pw={bare}")
        if bare in PREPOSITIONS:
            out.append(f"pw_prep|side={side}")
        if bare in INSTRUMENTS or bare.startswith(("برصاص", "بنيران")):
            out.append("pw_instrument")
        if bare in AGAINST:
            out.append("pw_against")
        if bare in REPORTING:
            out.append("pw_reporting")
        if bare in MEMBERS:
            out.append("pw_members")
    i = bisect_left(index.words, cand.end)
    if i < len(index.words):
        nxt = text[index.words[i]:index.words[i] + 12].split(maxsplit=1)
        if nxt:
            out.append(f"nw={nxt[0]}")
    agent_gap = min((index.words_between(w.end, cand.start) for w in support
                     if w.kind == "agent" and w.end <= cand.start), default=99)
    if agent_gap <= 3:
        out.append("after_agent")
    claim_gap = min((index.words_between(cand.end, w.start) for w in support
                     if w.kind == "claim" and w.start >= cand.end), default=99)
    if claim_gap <= 8:
        out.append("before_claim")
    if any(q0 <= cand.start < q1 and not q0 <= frame.anchor < q1 for q0, q1 in index.quotes):
        out.append("other_statement")
    if word and word[-1:] in ("ب", "ل") and len(word) <= 2:
        out.append(f"clitic={word}|side={side}")
    return out
