"""Candidates: the rule stack proposes the events each sentence could report.

The rules are knowledge, not the decision (:mod:`~marsad.events.model` decides):

1. :mod:`~marsad.events.cues`: one precompiled regex pass over the folded text finds the event
   cues (verbs and nouns of violence, protest and strategic developments, in all their forms);
   most articles have none and the stage ends there. The sentences holding a cue are the
   candidate sentences.
2. For each candidate sentence: :mod:`~marsad.events.modality` drops cues that the text only
   speculates about, expects, threatens, denies, plans or calls for; a nominal cue (الهجمات) needs
   support in its sentence (an occurrence verb, a casualty, a time anchor or a date) to report an
   event rather than talk about a kind of event. Cues that a condemnation, an inquiry or a charge
   governs, that a relative clause recalls, or that stand in a list of kinds of act report
   nothing unless a counted toll is told with them; a name for the crowd (المتظاهرون) makes a
   protest only when the clause tells a gathering.
3. The sentence is cut into clauses; each clause with a live cue is typed by
   :mod:`~marsad.events.coding` (ACLED's hierarchy), gets its arguments from
   :mod:`~marsad.events.arguments` (actors and claims, places, date) and its toll from
   :mod:`~marsad.events.fatalities`; a plural report naming coordinated places gives one event per
   place.

:func:`find_candidates` returns the rule drafts of every candidate sentence; :func:`forced_drafts`
builds, with the same argument code, the event of a sentence whose type the model chose where the
rules found none.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from marsad.config import EventsConfig
from marsad.document import Document, Event, Span
from marsad.events.arguments import (
    DocIndex,
    actor_ref,
    build_index,
    choose_actors,
    choose_date,
    demonym_actor,
    folded_positions,
    force_before,
    is_long_before,
    lead_date,
    names_target,
    perpetrator_named,
    recalled_year,
    restatement_marks,
    victim_force,
)
from marsad.events.arguments.dates import recalled_by_frame, recalled_year_date, restated_date
from marsad.events.clauses import (
    article_country,
    clause_anchor,
    clause_locations,
    governing_verb,
    is_purpose,
    names_ground,
    only_killing_merges,
    outside_names,
    own_place_clauses,
    takes_ground,
    told_as_done,
)
from marsad.events.coding import (
    CODES,
    KILLING_FORMS,
    VIOLENCE_CODES,
    choose_code,
    interaction,
    lead_method,
)
from marsad.events.cues import Hit, find_cues, find_words, modality_matcher, support_matcher, target_matcher
from marsad.events.fatalities import count_killed, person_spans
from marsad.events.merge import Draft
from marsad.events.modality import SentenceModality
from marsad.events.reporting import PARTICIPANTS, listed_cues, tells_gathering
from marsad.events.spans import evidence_span, target_phrase
from marsad.text.normalize import FoldedText, fold
from marsad.text.segment import sentence_spans

__all__ = ["Candidates", "find_candidates", "forced_drafts"]

# Conjunctions and punctuation that open a new clause with its own event (فيما، بينما، فضلاً عن).
CLAUSE_RE = re.compile(
    r"[;؛\n]|(?<![^\W\d_])(?:[وف]?(?:فيما|بينما|في حين|كما|لكن|الا ان|غير ان|فضلا عن|اضافه الي|"
    r"بالاضافه الي|علاوه علي))(?![^\W\d_])")
HEADLINE_RE = re.compile(r"(?<=\s)[^\W\d_]+\s+:\s")
# "منفذ هجوم المسجد": the perpetrator of an attack already told (a noun in construct, no ال).
AGENT_NOUN_RE = re.compile(r"(?<![^\W\d_])(?:منفذ|منفذي|منفذو|مرتكب|مرتكبي|ضحايا|ضحيه)\s+$")
# Verbal nouns of violence that need one more piece of evidence than other nominal cues (see
# EVIDENCE_NEEDED). Chosen on the GSR development sentences, where these forms stood mostly in
# background, charges and condemnations (اعتداء 9 of 9, اغتصاب 9 of 9 false positives).
VERBAL_NOUNS = frozenset({"اغتصاب", "اعتداء", "اعتداءات", "اختطاف"})
TERRITORY_CODES = frozenset({"nsa_overtake", "gov_regain"})
# فجر before a day is "at dawn" (فجر اليوم، فجر الجمعة), not "blew up"
DAWN_RE = re.compile(
    r"\s+(?:يوم|اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|اول)(?![^\W\d_])")
PROTEST_KINDS = frozenset({"peaceful", "intervention", "violent_demo"})
# a question mark, or the particle هل that opens a (mostly rhetorical) question in news prose
QUESTION_RE = re.compile(r"[؟?]|(?<![^\W\d_])[وف]?هل(?![^\W\d_])")
EXPOSED_VERBS = frozenset({"تعرض", "يتعرض", "تعرضت"})
COORDINATION_RE = re.compile(r"(?:فضلا عن|بالاضافه الي|اضافه الي|علاوه علي|كما)\s+\S*$")
PARTITIVE_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:احدي|احد|بعض)\s+\S*$")
SUPPORT_KINDS = frozenset({"occur", "casualty", "time", "claim", "agent", "presuppose", "crowd"})
# How far (in words, within one clause) a support word or a strong cue may stand from a nominal
# cue. Calibrated on the GSR development sentences and the dev articles: 10 keeps "قتل 18 شخصاً
# ... في انفجار سيارتين مفخختين" and drops a time word of another clause of a long sentence.
SUPPORT_WINDOW = 10
AGENT_WINDOW = 8  # words between a cue and the agent marker that names its perpetrator
# Pieces of evidence a nominal cue needs to report an event (a finite verb counts as enough):
# one each for a date in the sentence, a toll, a finite event verb, and each kind of support word
# near it (occurrence, casualty, time, claim, agent), one more for an occurrence verb right next to
# it. Calibrated on the GSR development sentences (scripts/run_gsr.py), where 1 let background
# mentions through (precision 0.28 on ASSAULT) and 2 keeps reports with any detail.
EVIDENCE_NEEDED = 2
# Words allowed between an occurrence verb and its noun: شن عمال الحضائر إضراباً (a two-word subject).
OCCUR_GAP = 2
CORROBORATION_GAP = 3  # words between two cues of one act (طائرات التحالف العربي سلسلة غارات)
TARGET_WINDOW = 8  # words after the first cue where its target stands (هاجم مسلحون دورية للجيش)
# Nouns of attack whose لـ complement is the attacker (قصف مدفعي لقوات النظام، غارة للتحالف).
ATTACK_NOUNS = ("قصف", "هجوم", "هجمات", "هجوما", "غاره", "غارات", "اعتداء", "ضربه", "ضربات")
# Cues of control whose genitive (or, after the verb, subject) took control (سيطرة تنظيم داعش على الموصل).
CONTROL_NOUNS = ("سيطر", "استيلاء", "استولي", "استعاد")
# Evidence that a presupposing word right before a nominal cue gives (2 unless listed): a cause
# (جراء القصف، بسبب الانفجار) or "since" takes the act as having happened, while "after" (بعد
# الهجوم، إثر، عقب، غداة) mostly dates another act by an earlier one. Calibrated on the GSR
# development sentences (ASSAULT false positives 210 -> 190, one yes lost) and the dev articles.
PRESUPPOSE_SCORE = {"بعد": 0, "اثر": 0, "غداه": 0, "عقب": 0}
AUXILIARIES = frozenset({"تم", "تمت", "جري", "جرت"})
# What a protest is about, up to four words before the act it names (احتجاجاً على مقتل، تنديداً باغتيال).
PROTEST_CAUSE_RE = re.compile(
    r"(?<![^\W\d_])(?:احتجاجا|احتجاج|تنديدا|للتنديد|للمطالبه|مطالبين|للكشف|بكشف|علي خلفيه|بسبب)"
    r"(?:\s+\S+){0,4}?\s+\S{0,3}$")
# "منفذ هجوم المسجد": the name that the clause gives after the cue is the perpetrator's.
PERPETRATOR_RE = re.compile(r"(?<![^\W\d_])(?:منفذ|منفذي|منفذو|مرتكب|مرتكبي|مرتكبو)\s+$")
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Modality classes that a toll near the cue overrides: the act is told with its victims.
TOLL_OVERRIDES = frozenset({"reaction", "investigation", "accusation", "relative"})
# A condemnation, a condolence or a charge presupposes the act it names: when the cue's own clause
# says when (a date that is not relative to the news day) or, under a condemnation or condolence,
# where (a named place below country level), the act is an incident of its own (أدان العملية
# الإرهابية التي جدّت يوم الأحد 29 أوت 2016 بجبل سمامة). "التي وقعت الخميس الماضي" or "على مركز
# الحرس" alone stay a reaction to an act told elsewhere. DETAIL_WINDOW: words after the cue, enough
# for a relative clause with a five-word date and a two-word place. Named victims were tried as a
# detail too and dropped: on the GSR development sentences they let through charges and asides
# about long-past assassinations (اغتيال الحريري) with no incident told.
DETAIL_WINDOW = 14
OPERATION_RE = re.compile(r"(?<![^\W\d_])و(?:ال)?عمليه(?![^\W\d_])")  # a coordinated "and the operation"
WAVE_RE = re.compile(r"(?<![^\W\d_])موجه(?:\s+من)?\s+$")  # موجة احتجاجات، موجة من الاحتجاجات
# "بعد سيطرة قوات النظام على أحياء حلب"، "بعد ساعات على سيطرة ...": a change of control of named
# ground that another act is dated by still took place.
CONTROL_AFTER_RE = re.compile(
    r"(?<![^\W\d_])[وف]?(?:بعد|عقب|اثر|غداه|منذ)(?:\s+(?:ساعات|ساعه|ساعتين|ايام|يومين|يوم|اسبوع|"
    r"اسبوعين|اسابيع)\s+(?:علي|من))?\s+$")


# ACLED's sub-event type -> the cue code that types it (an IED is "ied", not the plainer "explosion").
CODE_OF_SUB_TYPE = {sub.sub_event_type: code for code, sub in reversed(CODES.items())}


@dataclass(slots=True)
class Candidates:
    """The candidate sentences of one article and what the rules proposed for each.

    Offsets in ``bounds`` and in the hits are into the folded text; ``spans`` are the source
    sentences. ``drafts[i]`` are the rule drafts of sentence ``i`` (empty when the rules' modality
    and evidence tests let none of its cues through).
    """

    doc: Document
    folded: FoldedText
    index: DocIndex
    spans: list[Span]
    bounds: list[tuple[int, int]]
    hits: dict[int, list[Hit]]
    drafts: dict[int, list[Draft]]
    published: dt.date | None
    default_method: str | None
    config: EventsConfig
    contexts: dict[int, dict[str, tuple[str | None, int]]] = field(default_factory=dict)
    # what the rules concluded about each cue of sentence i (why it was dropped, how much evidence
    # it had): features for the model (marsad.events.features)
    traces: dict[int, list[str]] = field(default_factory=dict)
    # the support words and modality markers of sentence i, found once for the rules and the features
    words: dict[int, tuple[list[Hit], list[Hit]]] = field(default_factory=dict)


def find_candidates(doc: Document, config: EventsConfig | None = None) -> Candidates | None:
    """The sentences of ``doc`` that hold an event cue, with the rule drafts of each (None: no cue).

    Args:
        doc: a normalized and segmented document; entities, actors, places and dates are used when
            earlier stages filled them.
        config: the ``events`` section of the configuration.
    """
    config = config or EventsConfig()
    cached = doc.cache.get("folded")
    folded = cached if isinstance(cached, FoldedText) else fold(doc.text)
    text = folded.text
    hits = find_cues(text)
    if not hits:
        return None
    to_folded = folded_positions(folded)
    hits = outside_names(doc, to_folded, hits)
    spans = doc.sentences or sentence_spans(doc.text)
    bounds = [(to_folded(s.start), to_folded(s.end)) for s in spans]
    starts = [b[0] for b in bounds]
    by_sentence: dict[int, list[Hit]] = {}
    for h in hits:
        i = bisect_right(starts, h.start) - 1
        if i >= 0 and h.start < bounds[i][1]:
            by_sentence.setdefault(i, []).append(h)
    if not by_sentence:
        return None
    index = build_index(doc, folded, to_folded)
    published = doc.cache.get("published_date")
    if not isinstance(published, dt.date):
        published = None
    lead_end = bounds[min(1, len(bounds) - 1)][1]
    default_method = lead_method([h for h in hits if h.start < lead_end])
    cands = Candidates(doc, folded, index, list(spans), bounds, by_sentence, {}, published, default_method,
                       config)
    context: dict[str, tuple[str | None, int]] = {}  # the date of the last dated report
    for i in sorted(by_sentence):
        cands.contexts[i] = dict(context)
        cands.drafts[i] = _sentence_events(cands, i, context)
    return cands


def forced_drafts(cands: Candidates, i: int, sub_event_type: str) -> list[Draft]:
    """The event of sentence ``i`` typed ``sub_event_type``, its arguments found as for a rule draft.

    For a sentence the model judges to report an event where the rules' modality or evidence tests
    let no cue through: the clause of its strongest cue is the event's clause.
    """
    code = CODE_OF_SUB_TYPE.get(sub_event_type)
    if code is None:
        return []
    return _sentence_events(cands, i, dict(cands.contexts.get(i, {})), forced=code)


def _sentence_events(cands: Candidates, i: int, context: dict[str, tuple[str | None, int]], *,
                     forced: str | None = None) -> list[Draft]:
    doc, index, folded, cues = cands.doc, cands.index, cands.folded, cands.hits[i]
    (s0, s1), src_start = cands.bounds[i], cands.spans[i].start
    published, default_method, config = cands.published, cands.default_method, cands.config
    text = folded.text
    trace: list[str] = cands.traces.setdefault(i, []) if forced is None else []
    if forced is None and QUESTION_RE.search(text, s0, s1):
        trace.append("question")
        return []  # a rhetorical question (أليس خطف الطائرات عملاً جباناً؟) reports nothing
    support_words = find_words(support_matcher(), text, s0, s1)
    found_markers = find_words(modality_matcher(), text, s0, s1)
    if forced is None:
        cands.words[i] = (support_words, found_markers)
    # a support verb in the future (ستتعرض لهجوم) makes the act it governs a prediction
    markers = found_markers + [
        Hit(w.start, w.end, w.form, w.pos, w.prefix, "future", scope="before")
        for w in support_words if w.pos == "I" and "س" in w.prefix]
    modality = SentenceModality(text, s0, s1, markers, published_year=published.year if published else None)
    # the rules and the trace of the features both ask why a cue is governed: found once per cue
    reason_of = functools.cache(modality.reason)
    support = [w for w in support_words if w.kind in SUPPORT_KINDS]
    # after تعرض (was subjected to) and a claim (تبنيه لهجوم) the لـ brings the act, not a purpose
    exposed = [w.end for w in support if w.form in EXPOSED_VERBS or w.kind == "claim"]
    words = modality.words

    tolls: dict[int, tuple[int | None, int | None]] = {}  # cue start -> (toll told, toll with its own victim)

    def tolls_near(h: Hit) -> tuple[int | None, int | None]:
        if h.start not in tolls:
            i = bisect_right(words, h.start)
            lo = words[max(0, i - SUPPORT_WINDOW)] if words else s0
            hi = words[i + SUPPORT_WINDOW] if i + SUPPORT_WINDOW < len(words) else s1
            whole = told = count_killed(text, lo, hi)
            if whole == 1 and h.form not in KILLING_FORMS:
                # one victim may be the one the act's own noun names (اغتيال الرئيس), which is no
                # evidence that it took place: only a toll told by another word (قُتل حارس) is
                told = count_killed(text[lo:h.start] + " " * (h.end - h.start) + text[h.end:hi])
            tolls[h.start] = (told, whole)
        return tolls[h.start]

    def toll_near(h: Hit, least: int = 1, own: bool = False) -> bool:
        toll = tolls_near(h)[1 if own else 0]
        return toll is not None and toll >= least

    def governed(h: Hit) -> bool:
        if modality.anniversary(h):
            return False  # "N years after" the act takes it as done, whatever was decided or said before
        reason = reason_of(h)
        # a counted toll makes a reported act of a relative clause, an accusation or a condemnation
        # an event told in full (يشتبه في ضلوعه في هجمات ... أسفرت عن مقتل 130 شخصاً); a bare "قتل"
        # (counted as one) in a list of charges does not, but does in a relative clause (القائد
        # الذي قتل بغارة جوية: the clause tells how he died)
        if reason == "generic" and h.kind in PROTEST_KINDS and WAVE_RE.search(text, max(s0, h.start - 12), h.start):
            # "خلّف الإيقاف موجة احتجاجات بمعتمدية ملولش": a wave of protests in a named place
            # happened there; "تصاعد موجة الاحتجاجات في البلاد" stays a trend
            return not detailed(h, "reaction")
        if reason == "generic" and h.kind in VIOLENCE_CODES and dated_to_day(h) \
                and not WAVE_RE.search(text, max(s0, h.start - 12), h.start):
            # "للجريمة البشعة والعملية الإرهابية التي جدّت يوم الأحد 29 أوت 2016": a kind of act
            # has no day of its own; an act told with one is an incident (a wave of attacks on a
            # day, موجة من الهجمات الإلكترونية السبت 13 ماي، is still many acts)
            return False
        return reason is not None and not (
            reason in TOLL_OVERRIDES and (toll_near(h, least=1 if reason == "relative" else 2)
                                          or (reason != "relative" and detailed(h, reason))))

    def in_clause(h: Hit, pos: int) -> bool:
        return h.end <= pos and modality.words_between(h.end, pos) <= DETAIL_WINDOW \
            and not modality.boundary_between(h.end, pos) and not modality.comma_between(h.end, pos)

    def dated_to_day(h: Hit) -> bool:
        return any(in_clause(h, d.start) and d.date is not None and d.date.value and not d.date.relative
                   and d.date.precision == "day" for d in index.dates if s0 <= d.start < s1)

    def detailed(h: Hit, reason: str) -> bool:
        """True when the cue's own clause gives its date, or (under a condemnation) names its place.

        A charge names its act by place (هجوم سوسة، تفجيرات مدينة الصدر) and stays one; an arrest
        is what a charge or an inquiry is about.
        """
        if h.kind == "arrests":
            return False
        if any(in_clause(h, d.start) and d.date is not None and d.date.value and not d.date.relative
               for d in index.dates if s0 <= d.start < s1):
            return True
        return reason == "reaction" and any(
            in_clause(h, p.start) and p.place is not None and p.place.kind != "country"
            and (p.place.kind != "region" or bool(p.place.admin1))  # جبل الشعانبي, not الشرق الأوسط
            for p in index.places if s0 <= p.start < s1)

    listed = listed_cues(cues, modality)
    live = [h for h in cues if not governed(h) and not is_purpose(h, exposed, modality)
            and not (h in listed and not toll_near(h, least=2))
            and not (h.form == "فجر" and DAWN_RE.match(text, h.end))]
    for h in cues:
        reason = "listed" if h in listed else reason_of(h) or ("purpose" if is_purpose(h, exposed, modality)
                                                                      else "none")
        trace.append(f"{h.kind}:{reason}:{int(h in live)}")
    if forced is not None:
        # the model has judged that the sentence reports an event: every cue stands
        live = [h if h.strength > 0 else replace(h, strength=1) for h in cues]
    if not any(h.strength > 0 for h in live):
        return []
    dates = [d.start for d in index.dates if s0 <= d.start < s1]

    def near(w: Hit, h: Hit) -> bool:
        if w.form in AUXILIARIES:  # تم تفجير: the auxiliary stands right before its verbal noun
            return w.end <= h.start and modality.words_between(w.end, h.start) <= 1
        lo, hi = min(w.start, h.start), max(w.start, h.start)
        return modality.words_between(lo, hi) <= SUPPORT_WINDOW and not modality.boundary_between(
            lo, hi, strong=True)

    def evidence_score(h: Hit) -> int:
        """How much the sentence says that the act of ``h`` took place (see EVIDENCE_NEEDED)."""
        if h.strength >= 2 or modality.anniversary(h):
            return EVIDENCE_NEEDED  # a finite verb; or "N years after" the act, which takes it as done
        if told_as_done(h, text, s0, modality) or (
                h.kind in TERRITORY_CODES and CONTROL_AFTER_RE.search(text, max(s0, h.start - 30), h.start)
                and names_ground(index, h, s1)):
            return EVIDENCE_NEEDED
        # a toll is strong evidence of violence; protesters are often counted among the dead of another act
        score = (1 if h.kind in PROTEST_KINDS else 2) * int(toll_near(h)) + int(any(
            modality.words_between(min(d, h.start), max(d, h.start)) <= SUPPORT_WINDOW
            and not modality.boundary_between(min(d, h.start), max(d, h.start), strong=True) for d in dates))
        if not toll_near(h) and toll_near(h, own=True):
            # the victim the noun names (اغتيال السادات) is one detail, not a toll told; a part someone
            # had in that act (لعب دوراً في اغتيال السادات، على غرار عملية اغتيال ضابط) takes it as done
            score += 1 + int(recalled_by_frame(index, h.start, s0))
        if any(o is not h and o.strength >= 2 for o in live):
            score += 1  # a verb reports the event; the noun names it again or adds a part
            if COORDINATION_RE.search(text, max(s0, h.start - 14), h.start):
                score += 1  # "... استهدفت قاعدة عين الأسد، فضلاً عن استهداف أرتال": one more act
        elif any(o is not h and (
                (o.end <= h.start and modality.words_between(o.end, h.start) <= CORROBORATION_GAP)
                or (o.start >= h.end and modality.words_between(h.end, o.start) <= 1)) for o in live):
            # انتحاري يفجر حزاماً ناسفاً، طائرات التحالف ... غارات: two cues of one act corroborate
            score += 1
        if OPERATION_RE.match(text, text.rfind(" ", s0, h.start - 1) + 1, h.start) \
                and any(o.start < h.start and o.strength > 0 for o in live):
            score += 1  # "عملية اغتيال ... وعملية تفجير ...": a list of operations told together
        kinds = set()
        strong_verb = any(o is not h and o.strength >= 2 for o in live)
        for w in support:
            if (w.start >= h.start and w.end <= h.end) or not near(w, h):
                continue
            if w.kind == "presuppose":
                if w.end <= h.start and modality.words_between(w.end, h.start) == 0:
                    # جراء القصف: the act is taken as having happened; after a verb of the event
                    # (سيطرت الفصائل على القرية بعد معارك) "after" tells how it came about
                    score += 2 if strong_verb else PRESUPPOSE_SCORE.get(w.form, 2)
                continue
            kinds.add(w.kind)
            gap = modality.words_between(w.end, h.start) if w.end <= h.start else \
                modality.words_between(h.end, w.start)
            if w.kind in ("occur", "claim") and gap <= OCCUR_GAP:
                score += 1  # وقع انفجار، تعرض لهجوم، شن هجوماً: the verb of the noun itself
        return score + len(kinds)

    # a name for the crowd (المتظاهرون) is mostly about what protesters said or suffered: it reports
    # a protest only with more than the usual evidence (خرج آلاف المتظاهرين)
    # so is a verbal noun that names an act (اغتيال الرئيس، خطف السائحين، الاعتداء على): it mostly
    # recalls, judges or charges an act rather than reporting it
    evidence_score = functools.cache(evidence_score)  # asked again by the trace and the drafts
    triggers = [h for h in live if h.strength > 0 and evidence_score(h) >= EVIDENCE_NEEDED + int(
        h.form.startswith(PARTICIPANTS) or (h.pos == "N" and h.form in VERBAL_NOUNS))]
    trace.extend(f"evidence={h.kind}:{min(evidence_score(h), 4)}" for h in live if h.strength > 0)
    if forced is not None:
        strongest = max(live, key=lambda h: (h.strength, CODES[h.kind].priority if h.kind in CODES else 0))
        triggers = [strongest]

    if not triggers:
        return []
    targets = find_words(target_matcher(), text, s0, s1)
    claim = next(((w.start, w.end) for w in support if w.kind == "claim"), None)
    cut_points = {m.start() for m in CLAUSE_RE.finditer(text, s0, s1) if m.start() > s0}
    previous_end = s0
    for h in triggers:
        # "تبنّى إحدى الهجمات على قاعدة عين الأسد، واستهداف رتلي ...": a comma and و before a new
        # cue start a second event of the same sentence
        if h.prefix.startswith("و") and "،" in text[previous_end:h.start] and h.start > s0:
            cut_points.add(h.start)
        previous_end = h.end
    # runs of headlines without punctuation ("الجم : قطع سكة الحديد ... لسعد اليعقوبي : بيان"):
    # the word before a spaced colon opens a new headline
    cut_points.update(m.start() for m in HEADLINE_RE.finditer(text, s0, s1) if m.start() > s0)
    # "... في برلين، ما تسبب في مقتل 12 شخصاً، وقد لقي عامري حتفه في إيطاليا برصاص الشرطة": a
    # clause opened by a comma and و that tells a cue in a place of its own is a second event
    cut_points.update(own_place_clauses(index, triggers, s0, s1))
    # "عملية اغتيال الجلاصي وعملية سيدي علي بن عون وعملية الاعتداء على منزل ...": one event per operation
    first = min(h.start for h in triggers)
    cut_points.update(m.start() for m in OPERATION_RE.finditer(text, first, s1))
    cuts = [s0, *sorted(cut_points), s1]
    segments = [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]
    out: list[Draft] = []
    for seg0, seg1 in segments:
        seg_triggers = [h for h in triggers if seg0 <= h.start < seg1]
        if not seg_triggers:
            continue
        seg_hits = [h for h in live if seg0 <= h.start < seg1]
        if all(h.form in KILLING_FORMS for h in seg_triggers) and out and only_killing_merges(out[-1]):
            continue  # "... قتل فيها 11": the toll of the clause before, not an event of its own
        anchor = clause_anchor(seg_triggers)
        verb = governing_verb(anchor, support, modality)
        # an agent marker names the perpetrator of the cue it follows (هجوم شنه ...، من قبل ...)
        agent_ends = [w.end for w in support if w.kind == "agent" and anchor.start <= w.start < seg1
                      and modality.words_between(anchor.end, w.start) <= AGENT_WINDOW]
        seg_claim = claim if claim is not None and claim[0] < seg1 else None
        actors = choose_actors(index, seg_start=seg0, seg_end=seg1, anchor_start=anchor.start,
                               anchor_end=anchor.end, verb=verb, agent_ends=agent_ends,
                               claim=seg_claim, sent_start=s0,
                               protest=any(h.kind == "peaceful" and h.strength > 0 for h in seg_hits),
                               possessive_agent=anchor.pos == "N"
                               and anchor.form.startswith(ATTACK_NOUNS + CONTROL_NOUNS))
        state = None
        if actors.actor1 is not None and actors.actor1.actor is not None:
            state = actors.actor1.actor.category == "state"
        # what the act was aimed at stands after its cue (هاجم مسلحون دورية: the gunmen are not hit)
        first = min(h.start for h in seg_triggers)
        kinds = {t.kind for t in targets if first <= t.start < seg1
                 and modality.words_between(first, t.start) <= TARGET_WINDOW}
        exchange = any(w.form == "تبادل" and seg0 <= w.start < seg1 for w in support)
        # control of territory needs territory: استولوا على منظومة الفساد، سيطرت على الأوضاع are not
        seg_hits = [h for h in seg_hits if h.kind not in TERRITORY_CODES or takes_ground(index, h, seg1)]
        # an unsupported word of protest (على تجمع للمواطنين) does not make violence a protest
        gathering = tells_gathering(seg_hits, support, seg0, seg1)
        crowd_named = any(h.kind == "peaceful" and h.form.startswith(PARTICIPANTS) for h in seg_hits)
        # protesters who riot (أغلق محتجون الطريق ورشقوا الأمن بالحجارة) hold a violent demonstration
        rioting = crowd_named and any(h.kind in ("violent_demo", "clash") and h.strength > 0 for h in seg_hits)
        if not gathering and not rioting:
            # the crowd is named but no gathering is told (أطلقت الشرطة النار على المتظاهرين، قُتل
            # متظاهر): what the clause reports is done to protesters, not a protest
            seg_hits = [h for h in seg_hits if not (h.kind == "peaceful" and h.form.startswith(PARTICIPANTS))]
            if crowd_named:
                kinds = kinds | {"civilian"}  # protesters shot by the police are civilians, not a clash
        typed = [h for h in seg_hits if h.kind != "peaceful" or h.strength == 0 or h in seg_triggers]
        if gathering:
            # a killing that the protest is about (احتجاجاً على مقتل شاب، للمطالبة بكشف حقيقة مقتل)
            # is its cause, not force used against it
            typed = [h for h in typed if h.form not in KILLING_FORMS
                     or not PROTEST_CAUSE_RE.search(text, max(seg0, h.start - 60), h.start)]
        code = forced or choose_code(typed, target_kinds=kinds, state_actor=state,
                                     default_method=default_method, exchange=exchange)
        if code is None:
            continue
        if code == "violent_demo" and forced is None and not gathering and not crowd_named:
            code = "mob"  # stones and fires with no demonstration told (اندلعت أعمال شغب): mob violence
        sub = CODES[code]
        actor1 = actor_ref(actors.actor1) if actors.actor1 else None
        actor1_en = actors.actor1.actor.name_en if actors.actor1 and actors.actor1.actor else None
        inter1 = actors.actor1.actor.inter if actors.actor1 and actors.actor1.actor else None
        if actor1 is None and sub.event_type not in ("Protests", "Riots"):
            for h in seg_hits:
                found = demonym_actor(index, h.end)
                if found is not None:
                    actor1, actor1_en = found
                    inter1 = 1
                    break
            forces = force_before(index, verb[0]) if actor1 is None and verb is not None else None
            if forces is not None:
                actor1, actor1_en = forces  # الطيران العراقي نفّذ ضربة جوية
                inter1 = 1
        actor2 = actor_ref(actors.actor2) if actors.actor2 else None
        actor2_en = actors.actor2.actor.name_en if actors.actor2 and actors.actor2.actor else None
        inter2 = actors.actor2.actor.inter if actors.actor2 and actors.actor2.actor else None
        actor2_category = actors.actor2.actor.category if actors.actor2 and actors.actor2.actor else None
        agent_noun = PERPETRATOR_RE.search(text, max(s0, anchor.start - 12), anchor.start)
        if agent_noun is not None:
            # "هوية منفذ هجوم المسجد ... وهو الطالب ألكسندر بيسونيت"، "أنيس عامري منفذ اعتداء برلين":
            # the clause is about the perpetrator, whom a person named beside the noun is
            named = perpetrator_named(index, agent_noun.start(), anchor.end, seg1)
            if actor1 is None and named is not None:
                actor1 = actor_ref(named)
                actor1_en = named.actor.name_en if named.actor else None
                inter1 = named.actor.inter if named.actor else None
            if actors.actor2 is None or not names_target(index, actors.actor2):
                actor2 = actor2_en = inter2 = actor2_category = None
        if sub.sub_event_type == "Peaceful protest":
            actor2 = actor2_en = inter2 = actor2_category = None  # ACLED codes no target for one
        date = choose_date(index, seg0, seg1, s0, s1, anchor.start,
                           [h.start for h in cues if h.strength > 0], published) \
            or restated_date(index, anchor.kind, s1, published)
        # the clause's own cues decide (a later "منذ 2011 تحركات" does not recall today's march)
        historical = any(modality.recalled(h) for h in seg_triggers) \
            or is_long_before(date.value if date else None, published) \
            or recalled_year(index, seg0, seg1, published) \
            or (date is None and recalled_by_frame(index, anchor.start, s0))  # لعب دورا في اغتيال السادات
        if historical and not config.include_historical:
            continue
        locations, place_known = clause_locations(doc, index, seg0, seg1, s0, s1, anchor.start)
        if len(locations) > 1 and sub.event_type in VIOLENT_TYPES and all(
                loc is not None and not loc.admin1 for loc in locations):
            # violence in several countries named by one clause ("شن هجمات داخل دول عربية ... العراق
            # وسوريا وليبيا") is a statement across them, not an act in each: one event, in the first.
            # Protests are held in each (مسيرات في فلسطين ولبنان) and keep one event per country.
            locations = locations[:1]
        if actor2 is None and sub.event_type in VIOLENT_TYPES:
            country = next((loc.country for loc in locations if loc is not None and loc.country), None)
            force = victim_force(index, seg0, seg1, country or article_country(doc))
            if force is not None and (actor1 is None or force[0].name != actor1.name):
                actor2, actor2_en, inter2 = force
                actor2_category = "state"
        fatalities = count_killed(text, seg0, seg1, person_spans(index.actors))
        if fatalities is None and len(segments) == 1:
            fatalities = count_killed(text, s0, s1, person_spans(index.actors))
        if sub.sub_event_type in ("Peaceful protest", "Protest with intervention"):
            # a death at a protest makes it excessive force; a toll told with a peaceful one is its
            # cause (احتجاجاً على مقتل شاب), not its result
            fatalities = None
        if historical and date is None and fatalities is None and not any(
                p.start >= s0 and p.end <= s1 for p in index.places):
            continue  # a bare mention of a past act (الذي اغتيل عام 1999) is not coded
        before = text[max(s0, anchor.start - 20):anchor.start]
        partitive = PARTITIVE_RE.search(before) is not None
        naming = [h for h in seg_triggers if h.form not in KILLING_FORMS]
        # "the protesters" are the crowd of this event, not a reference back to an earlier one
        nominal = [h for h in naming if h.pos == "N" and h.strength < 2
                   and not h.form.startswith(PARTICIPANTS)]
        # "الهجوم" names an incident told before; "القبض على" is just the verbal noun of an arrest
        definite = bool(naming) and len(nominal) == len(naming) and all(
            "ال" in h.prefix and (h.kind in VIOLENCE_CODES or historical) for h in nominal)
        # "منفذ هجوم المسجد": the attack is one already told if the article told it, else it is new
        perpetrated = bool(naming) and len(nominal) == len(naming) and all(
            "ال" in h.prefix or AGENT_NOUN_RE.search(text, max(s0, h.start - 12), h.start)
            for h in nominal)
        follow_up = not naming or (perpetrated and not partitive)
        if date is not None:
            date_value, precision = date.value, date.time_precision
            if not historical:
                context["last"] = (date_value, precision)
                if anchor.start < index.lead_end and "lead" not in context:
                    context["lead"] = (date_value, max(2, precision))
        elif historical:
            # "عادت بنا الذاكرة إلى سنة 2016 عندما حاول عناصر داعش ...": the year, ACLED precision 3
            year = recalled_year_date(index, seg0, seg1, anchor.start, published)
            date_value, precision = (year.value, 3) if year is not None else (None, 3)
        elif follow_up and "last" in context:
            # "وأسفر التفجير أيضاً عن ...": a toll or a definite noun goes back to an act told
            # before, and has the date the article gave it
            date_value, precision = context["last"]
        else:
            # ACLED's rule: the date the article gives for the event, else the day of the event its
            # lead tells, else the report's date, one step less precise
            date_value, precision = context.get("lead") or lead_date(index, published)
        modes: list[str] = []
        for h in seg_hits:
            modes.extend(m for m in h.modes if m not in modes)
        # a verb's definite object, or the definite genitive of a noun in construct (تفجير الكنيسة)
        restatement = restatement_marks(index, anchor.start, anchor.end, seg0, seg1,
                                        verb=anchor.pos in ("V", "I") or "ال" not in anchor.prefix)
        for k, loc in enumerate(locations):
            event = Event(id="", event_type=sub.event_type, sub_event_type=sub.sub_event_type,
                          evidence=evidence_span(doc, folded, seg0, seg1, seg_triggers,
                                             [h for h in cues if seg0 <= h.start < seg1]),
                          disorder_type=sub.disorder_type, plover=sub.plover, plover_mode=modes,
                          actor1=actor1, actor1_claimed=actors.claimed and actor1 is not None,
                          actor2=actor2, inter1=inter1, inter2=inter2,
                          interaction=interaction(inter1, inter2),
                          civilian_targeting=sub.event_type == "Violence against civilians" or (
                              sub.disorder_type == "Political violence" and "civilian" in kinds
                              and "military" not in kinds),
                          target=target_phrase(folded, anchor, seg1), location=loc, date=date_value,
                          time_precision=precision, fatalities=fatalities, historical=historical)
            out.append(Draft(event, (src_start, anchor.start * 100 + k), partitive, follow_up,
                              (definite and not partitive and seg_claim is None
                               and evidence_score(anchor) <= EVIDENCE_NEEDED)
                              # a death with nothing of violence but the word "killed" (مقتل شاب في
                              # ظروف غامضة) is coded only as the toll of an event told elsewhere
                              or (not naming and actor1 is None and not kinds & {"military", "political"}),
                              date is not None,
                              actor1_en, actor2_en, restatement.framed, place_known,
                              restatement.back_ref, restatement.distinct, frozenset(kinds),
                              actor2_category))
    return out
