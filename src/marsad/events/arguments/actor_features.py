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

import re
from bisect import bisect_left

from marsad.events.arguments.actor_candidates import ACT_ADJECTIVES, ANAPHOR_RE, Candidate, EventFrame
from marsad.events.arguments.index import PREPOSITIONS, DocIndex, is_civilian, is_subject_position
from marsad.events.coding import KILLING_FORMS, PASSIVE_FORMS
from marsad.events.cues import Hit
from marsad.text.normalize import fold_key

__all__ = ["ALWAYS_EXCLUDED", "EXCLUDED", "FEATURES_VERSION", "candidate_features", "relative_features"]

# Bumped whenever candidate_features() changes, so that weights trained on other features are refused.
FEATURES_VERSION = 19
# The speaker of a sentence after the act's (وقال قائد شرطة باريس إن المهاجم أصيب) reports the act; who
# announces an act of their own does it in the act's sentence (أعلنت وزارة الداخلية القبض على ...).
LATER_SPEAKER = "reported_by|where=next"
INSTRUMENTS = frozenset({"برصاص", "برصاصه", "بنيران", "بطلقات", "بقذايف", "بصواريخ", "بغارات", "بقصف"})
AGAINST = frozenset({"ضد", "علي", "استهدف", "استهدفت", "استهداف", "باستهداف", "لاستهداف"})
REPORTING = frozenset({"قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "اعلن", "اعلنت", "اكد", "اكدت",
                       "اوضح", "اوضحت", "نقلت", "نقل", "اضاف", "اضافت", "حسب", "بحسب", "وفق", "وفقا",
                       "اشار", "اشارت", "صرح", "صرحت", "بيان", "مصدر", "مصادر", "لوكاله", "وكاله"})
MEMBERS = frozenset({"عناصر", "قوات", "مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "انصار", "اعضاء", "وحدات",
                     "اعوان", "افراد", "رجال", "منتسبي"})
VERB_SUFFIX_FREE = frozenset({"V", "I"})
VERB_SUBJECT = "verb_subject"
# A name after an active verb of the act behind a preposition (هاجم جنود مخبأ للمسلحين، أطلق النار على
# المحتجين) is in its object phrase: the side hit, never the one acting (after a noun of the act, لـ
# marks its owner instead: الهجمات العسكرية للقوات السورية).
VERB_OBLIQUE = "verb_oblique"
# Features that rule a candidate out of a role, whatever its weights: knowledge the rules hold
# (a name after a relative clause about the place or after أنّ belongs to another statement; the
# subject of an active verb of the act carried it out and was not its target; aircraft strike; the
# name next to a passive verb of killing is its victim; an adjective of the act's noun is no actor).
PASSIVE_NEIGHBOUR = "passive_neighbour"
CUE_ADJECTIVE = "cue_adjective"
# A person named right after a verb of killing (قُتل المهندس سامي العبيدي) is its victim; so is a
# person introduced by يدعى whom the rules did not find to be the doer (الحارس الذي أصيب ... ويدعى).
KILLED_PERSON = "killed_person"
INTRODUCED_PERSON = "introduced_person"
# Words of the dead and wounded: a side named beside them is the one the act hit.
VICTIM_RE = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:قتلي|جرحي|مصرع|مقتل|اصابه|استشهاد|ضحايا|ضحيه|"
                       r"مصابين|قتيلا|جريحا|شهداء)(?![^\W\d_])")
# ACLED's victims of violence against civilians are civilians: never an armed or state actor the
# text describes (منفذ الهجوم، قوات الأمن).
ARMED_VICTIM = "armed_victim"
# A name after the act, in a statement told after it (مشيراً إلى أن الشرطة أوقفت المهاجم) or in the
# next sentence's reported clause (وقال مصدر إن عناصر من تنظيم داعش أطلقوا النار), tells another act.
STATEMENT_AFTER = "statement_after"
# The phrase after a marker of the agent (من قبل 3 زوارق انتحارية، على أيدي مسلحين) did the act.
AGENT_MARKED = "via=marker"
# A name after a later verb of arrest in the act's sentence (فجّر مسلح حزامه واعتقل مسلح ثالث) is
# who that arrest took: no side of the act itself. Ruled out of both roles: of the 973 gold events of
# train+extra, no right candidate stands so.
ARRESTED_AFTER = "arrested_after"
# ACLED's protesters and rioters are never the state: its police or army in a protest's sentence
# are the side that intervened (actor2), whatever the rules chose.
STATE_CROWD = "state_crowd"
# A state's civil bodies (a government, a ministry, the courts, the civil defence) and its office
# holders do not fight, shell or attack: ACLED codes its forces (Military Forces of Iraq) as the actor
# of political violence.
CIVIL_BODY = "civil_body_in_violence"
# A ministry of defence is none: it speaks for the forces it commands (أعلنت وزارة الدفاع الجزائرية
# أنه تم القضاء على عنصرين إرهابيين), and the gold codes it as their act's actor1.
CIVIL_BODIES_RE = re.compile(r"^(?:Government|Ministry(?! of Defen[cs]e)|Public Prosecution|Presidency|Cabinet|"
                             r"Parliament|Civil Defence)\b")
VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# A name after a relative clause about who holds the place (القرية التي يسيطر عليها تنظيم داعش) is
# the side that holds it: hit by the act, never its author.
PLACE_CONTROLLER = "place_controller"
ALWAYS_EXCLUDED = {"actor1": frozenset({STATE_CROWD, CIVIL_BODY, ARRESTED_AFTER}),
                   "actor2": frozenset({ARRESTED_AFTER})}
EXCLUDED = {"actor1": frozenset({"place_relative|side=after", PASSIVE_NEIGHBOUR, STATEMENT_AFTER, VERB_OBLIQUE,
                                 PLACE_CONTROLLER,
                                 LATER_SPEAKER, CUE_ADJECTIVE, KILLED_PERSON, INTRODUCED_PERSON}),
            "actor2": frozenset({"place_relative|side=after", "complementizer|side=after", VERB_SUBJECT, AGENT_MARKED,
                                 "kind=air", CUE_ADJECTIVE, ARMED_VICTIM})}
KILLED_GAP = 3  # words between a verb of killing and its victim: قُتل المهندس سامي العبيدي
NAMED_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:يدعي|تدعي|يدعون|اسمه|اسمها)(?![^\W\d_])\s*[\"«“]?\s*$")
CLAUSE_BREAK_RE = re.compile(r"[،,]\s*و|[.:;؛!؟?]")
COMPLEMENTIZER_RE = re.compile(r"(?<![^\W\d_])ان(?![^\W\d_])")
PLACE_RELATIVE_RE = re.compile(r"(?<![^\W\d_])(?:الذي|التي)\s+[^\W\d_]+\s+(?:فيها|فيه|بها|به|منها|منه)(?![^\W\d_])")
QUOTE_OPENING_RE = re.compile(r"[:«\"“]")
CONTROLLER_RE = re.compile(r"(?<![^\W\d_])(?:الذي|التي)\s+[^\W\d_]+\s+(?:عليه|عليها)(?![^\W\d_])")
# Participles that carry a statement on after a sentence's act (مشيراً إلى أن، مضيفاً أن).
TELLING_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:مشيرا|مضيفا|موضحا|مؤكدا|معتبرا|لافتا|مبينا|منوها)(?![^\W\d_])")
REPORTING_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|اوضح|"
                          r"اوضحت|نقلت|نقل|اضاف|اضافت|حسب|بحسب|وفق|وفقا|اشار|اشارت|صرح|صرحت|بيان|مصدر|"
                          r"مصادر)(?![^\W\d_])")


# An indefinite accusative (مديرا، انتحاريا) or a dual or plural in the oblique case (عنصرين إرهابيين).
ACCUSATIVE_RE = re.compile(r"^(?!ال)[^\W\d_]{3,}(?:[^يو]ا|ين)$")
BETWEEN_RE = re.compile(r"(?<![^\W\d_])بين\s+")


def _reporter_before(text: str, start: int, end: int) -> bool:
    """A word of reporting before the name and no complementizer or colon after it: the name is a
    source (قال المرصد السوري: قصف الطيران ...: the name after the colon is in what was said)."""
    last = max((m.end() for m in REPORTING_RE.finditer(text, start, end)), default=None)
    return last is not None and COMPLEMENTIZER_RE.search(text, last, end) is None \
        and QUOTE_OPENING_RE.search(text, last, end) is None


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


def _side_flags(cand: Candidate, ev: str, kind: str) -> list[str]:
    """STATE_CROWD (a state's side as a crowd) and CIVIL_BODY (a civil body as a perpetrator), read
    alike for a candidate near the act and one far from it."""
    out = []
    if ev in ("Protests", "Riots") and (kind in ("forces", "air", "military") or (
            cand.actor is not None and (cand.actor.category in ("state", "external") or cand.actor.inter in (1, 8)))):
        out.append(STATE_CROWD)
    if ev in VIOLENCE and cand.actor is not None and (CIVIL_BODIES_RE.match(cand.actor.name_en or "") or (
            cand.actor.category == "state" and cand.located is not None and cand.located.mention is not None
            and cand.located.mention.type == "PER")):
        # a head of state or a minister neither: on the annotated articles, 38 such candidates of
        # political violence and none the perpetrator
        out.append(CIVIL_BODY)
    return out


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
    if cand.far:
        return _far_features(index, frame, cand, mentions, lead_names)
    out = [f"src={cand.source}", f"src={cand.source}|ev={ev}", f"src={cand.source}|sub={sub}",
           f"kind={kind}", f"kind={kind}|ev={ev}", f"kind={kind}|sub={sub}"]
    if cand.actor is not None and cand.actor.inter is not None:
        out += [f"inter={cand.actor.inter}", f"inter={cand.actor.inter}|ev={ev}"]
    if cand.via:
        out += [f"via={cand.via}", f"via={cand.via}|ev={ev}", f"via={cand.via}|kind={kind}"]
    if cand.located is not None and cand.located.mention is not None:
        out.append(f"type={cand.located.mention.type}|ev={ev}")
    out += _side_flags(cand, ev, kind)
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
            out += [f"default|hit={int(bool(frame.victim_ends))}|ev={ev}",
                    f"default|civilian_targeting={int(frame.civilian_targeting)}|ev={ev}"]
        return out
    n = mentions.get(_norm(cand.actor.name) if cand.actor is not None else key, 0)
    if key:
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
    # the rules' own tests, as evidence: the cue and its kind on this side, a passive cue (its
    # subject is the victim), a clause break, a complementizer or a relative clause about a place
    # between the cue and the name, a name in object position, a civilian actor
    cue = frame.anchor_form
    if cue:
        out += [f"cue={cue}|side={side}", f"cuekind={frame.anchor_kind}|side={side}|dist={dist}"]
        if cue in KILLING_FORMS or cue in PASSIVE_FORMS:
            out.append(f"passive_cue|side={side}|dist={dist}")
        if cue in PASSIVE_FORMS and gap <= 3:
            out.append(PASSIVE_NEIGHBOUR)  # اغتيل القيادي، القيادي ... قد اغتيل: the victim
    lo, hi = (cand.end, frame.anchor) if side == "before" else (frame.anchor_end, cand.start)
    acts_between = [kind for c, kind in frame.other_cues if lo <= c < hi] if side != "on" and lo < hi else []
    if acts_between:
        out += [f"other_act_between|side={side}", f"other_act_between|side={side}|ev={ev}"]
        if side == "after" and "arrested" in acts_between and frame.anchor_kind != "arrests":
            out.append(ARRESTED_AFTER)
    if side != "on" and lo < hi:
        if CLAUSE_BREAK_RE.search(text, lo, hi):
            out.append(f"clause_break|side={side}")
        that = max((m.start() for m in COMPLEMENTIZER_RE.finditer(text, lo, hi)), default=None)
        if that is not None:
            out.append(f"complementizer|side={side}")
            if side == "after" and (where in ("next", "prev") or TELLING_RE.search(text, lo, that)
                                    or REPORTING_RE.search(text, lo, that)):
                out.append(STATEMENT_AFTER)
        if PLACE_RELATIVE_RE.search(text, lo, hi):
            out.append(f"place_relative|side={side}")
        controller = CONTROLLER_RE.search(text, max(lo, cand.start - 40), cand.start)
        if side == "after" and controller is not None and not text[controller.end():cand.start].strip():
            out.append(PLACE_CONTROLLER)
    if cand.source == "described" and text[cand.start:cand.end] in ACT_ADJECTIVES and any(
            c0 <= cand.start and (cand.end <= c1 or not text[c1:cand.start].strip()) for c0, c1 in frame.cue_spans):
        out.append(CUE_ADJECTIVE)  # هجوم مسلح، تفجير انتحاري: an adjective of the act, not an actor
    if side == "after" and gap == 0 and frame.anchor_pos in VERB_SUFFIX_FREE and not cand.prefix \
            and cue not in KILLING_FORMS and cue not in PASSIVE_FORMS:
        out.append(VERB_SUBJECT)  # هاجم مسلحون سوقاً: the subject of an active verb of the act
    if side == "after" and frame.anchor_pos in VERB_SUFFIX_FREE and cand.prefix and cand.prefix[-1] in "بلك" \
            and cue not in KILLING_FORMS and cue not in PASSIVE_FORMS and "clause_break|side=after" not in out:
        out.append(VERB_OBLIQUE)
    if cand.located is not None:
        if not is_subject_position(index, cand.located):
            out.append(f"object_position|side={side}")
        if is_civilian(cand.located):
            out.append("civilian_actor")
    elif cand.prefix and cand.prefix[-1] in "بلك":
        out.append(f"object_position|side={side}")
    if _reporter_before(text, max(s0, cand.start - 25), cand.start):
        out.append("reported_by")
        if where == "next":
            out.append(LATER_SPEAKER)
    if any(q0 <= cand.start < q1 and not q0 <= frame.anchor < q1 for q0, q1 in index.quotes):
        out.append("other_statement")
    if word and word[-1:] in ("ب", "ل") and len(word) <= 2:
        out.append(f"clitic={word}|side={side}")
    person = cand.located is not None and cand.located.mention is not None and cand.located.mention.type == "PER"
    if person and any(e <= cand.start and index.words_between(e, cand.start) <= KILLED_GAP
                      and not CLAUSE_BREAK_RE.search(text, e, cand.start) for e in frame.victim_ends):
        out.append(KILLED_PERSON)
    if person and NAMED_RE.search(text, max(s0, cand.start - 12), cand.start) and "rule1" not in out:
        out.append(INTRODUCED_PERSON)
    if ev == "Violence against civilians" and cand.source == "described" and kind in ("armed", "forces", "air"):
        out.append(ARMED_VICTIM)
    first = text[cand.start:cand.end].split(maxsplit=1)
    if first and ACCUSATIVE_RE.match(first[0]) and not (cand.prefix and cand.prefix[-1] in "بلك"):
        # مديرا، شرطيا، عنصرين: an indefinite accusative or a dual/plural oblique is an object (or
        # the noun after إنّ), seldom the subject of the act
        out += [f"accusative|side={side}", f"accusative|src={cand.source}"]
    between = BETWEEN_RE.search(text, max(s0, cand.start - 40), cand.start)
    if between is not None and between.end() == cand.start and side != "on":
        out += ["between_first", f"between_first|ev={ev}"]  # اشتباكات بين الوحدات الأمنية و...
    elif _second_side(text, s0, cand.start, cand.prefix):
        out += ["between_second"]
    near = text[max(s0, cand.start - 30):min(s1, cand.end + 30)]
    if VICTIM_RE.search(near):
        out += ["near_victim_word", f"near_victim_word|ev={ev}"]  # قتلى، جرحى، مصرع: the side hit
    head = _head(text[cand.start:cand.end])
    if head:
        # the head of a name the lexicon does not know tells its kind (الفرقة، الوحدات، أعوان، معتصمو)
        out += [f"head={head}|ev={ev}", f"head={head}|side={side}"]
    return out


# Characters between a restating sentence's cue and a name that stands next to it (its subject or object).
NEAR_CUE = 25


def _far_features(index: DocIndex, frame: EventFrame, cand: Candidate, mentions: dict[str, int],
                  lead_names: set[str]) -> list[str]:
    """Features of an actor named outside the sentences around the event (its own family of weights:
    where it stands in the text says little, how the article and the event's sentence recall it does)."""
    ev, kind = frame.event_type, cand.kind
    src = f"far_{cand.source}"
    out = [f"src={src}", f"src={src}|ev={ev}", f"src={src}|sub={frame.sub_event_type}",
           f"far_kind={kind}", f"far_kind={kind}|ev={ev}"]
    if cand.actor is not None and cand.actor.inter is not None:
        out.append(f"far_inter={cand.actor.inter}|ev={ev}")
    out += _side_flags(cand, ev, kind)
    key = _norm(cand.name)
    keys = {key, _norm(cand.actor.name)} if cand.actor is not None else {key}
    if frame.rule_actor1 and _norm(frame.rule_actor1) in keys:
        out += ["rule1", f"rule1|src={src}"]
    if frame.rule_actor2 and _norm(frame.rule_actor2) in keys:
        out += ["rule2", f"rule2|src={src}"]
    n = mentions.get(_norm(cand.actor.name) if cand.actor is not None else key, 0)
    out += [f"far_mentions={_bucket(n)}", f"far_mentions={_bucket(n)}|kind={kind}"]
    if keys & lead_names or cand.start < index.lead_end:
        out += ["far_in_lead", f"far_in_lead|kind={kind}"]
    out.append("far_before" if cand.start < frame.sentence[0] else "far_after")
    s0, s1 = frame.sentence
    if ANAPHOR_RE.search(index.folded.text, s0, s1):
        out += ["far_anaphor", f"far_anaphor|kind={kind}"]
    if cand.restated is not None:
        # named in a sentence that tells an act of the event's type again: where it stands to that
        # sentence's cue tells doer from victim as in the event's own sentence
        cue, pos = cand.restated
        side = "before" if cand.end <= cue else "after"
        near = "near" if abs((cand.end if side == "before" else cand.start) - cue) < NEAR_CUE else "far"
        out += ["far_restated", f"far_restated|kind={kind}", f"far_restated|ev={ev}",
                f"far_restated|side={side}|pos={pos}", f"far_restated|side={side}|{near}",
                f"far_restated|side={side}|kind={kind}"]
    if cand.located is not None and cand.located.mention is not None:
        out.append(f"far_type={cand.located.mention.type}|ev={ev}")
    return out


def _second_side(text: str, s0: int, start: int, prefix: str) -> bool:
    """The name after و in a phrase "بين X و" that opens at most eight words before it."""
    if not (prefix.startswith("و") or text[max(s0, start - 2):start] == "و " or text[start - 1:start] == "و"):
        return False
    opened = [m.end() for m in BETWEEN_RE.finditer(text, max(s0, start - 80), start)]
    return bool(opened) and len(text[opened[-1]:start].split()) <= 8


def _head(surface: str) -> str:
    """The first word of a folded name without its article (الوحدات الأمنية -> وحدات)."""
    words = surface.split(maxsplit=1)
    if not words:
        return ""
    w = words[0]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def relative_features(frame: EventFrame, cands: list[Candidate]) -> list[list[str]]:
    """Features of each candidate against the others: the nearest before or after the cue in its sentence.

    A ranker scores candidates one at a time; whether another name stands between a candidate and the
    act (the nearest subject before the verb, the nearest object after it) is knowledge of the field.
    """
    s0, s1 = frame.sentence
    inside = [(k, c) for k, c in enumerate(cands) if c.start >= 0 and s0 <= c.start < s1]
    before = [(k, c) for k, c in inside if c.end <= frame.anchor]
    after = [(k, c) for k, c in inside if c.start >= frame.anchor_end]
    out: list[list[str]] = [[] for _ in cands]
    if before:
        last = max(c.end for _, c in before)
        first = min(c.start for _, c in before)
        for k, c in before:
            if c.end == last:
                out[k] += ["nearest_before", f"nearest_before|ev={frame.event_type}"]
            if c.start == first:
                out[k] += ["first_before", f"first_before|ev={frame.event_type}"]
    if after:
        nearest = min(c.start for _, c in after)
        for k, c in after:
            if c.start == nearest:
                out[k] += ["nearest_after", f"nearest_after|ev={frame.event_type}"]
    described = [k for k, c in inside if c.source == "described"]
    if len(described) == 1:
        out[described[0]].append("only_description")
    return out
