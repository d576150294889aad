"""Merging: one record per event, whatever the number of times the article reports it.

Three kinds of repeated report join an event told before them:

- a follow-up (a toll, "the attack" again) joins the latest violent event at a compatible place
  and date, whatever its own type;
- a report with the same sub-event type, place, date and perpetrator is the same event;
- a restatement of an act of the same family (an attack on a post restated as "هاجمت النقطة" in
  the source's quote): a definite target that names the earlier target again, or a reporting frame
  (وقال المصدر إن ...) around a clause with neither a place nor a date of its own, at a compatible
  place and date with no conflicting actor;
- a report placed only in a country (the lead's "in Algeria") joins the single act of its type
  placed at a scene inside that country.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import ActorRef, Event, EventLocation
from marsad.events.coding import interaction
from marsad.text.normalize import fold_key

# Sub-event types that one act on the ground can be reported as: gunmen storming a post are an
# armed clash in one sentence and "هاجمت النقطة" (an attack) in the next, and a suicide bomber may
# be part of the same assault. Shelling and air strikes are told apart from them and each other.
FAMILIES = {
    "Armed clash": "ground", "Attack": "ground", "Suicide bomb": "ground",
    "Remote explosive/landmine/IED": "ground", "Grenade": "ground",
    "Shelling/artillery/missile attack": "shelling", "Air/drone strike": "air",
}
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
FORCE_CATEGORIES = frozenset({"state", "external"})  # sides whose posts and convoys are attacked
# Methods that ACLED codes in preference to a plain attack or clash when a report of the event tells
# them (وأكد المصدر أن الهجوم نجم عن تفجير عبوة ناسفة).
SPECIFIC = ("Suicide bomb", "Remote explosive/landmine/IED", "Grenade")
GENERIC = "Attack"  # the plainest reading of an act of violence
FOILED = frozenset({"Remote explosive/landmine/IED", "Grenade", GENERIC})  # acts a clause may tell were foiled


@dataclass(slots=True)
class Draft:
    """An event being built, with what merging needs to know."""

    event: Event
    order: tuple[int, int]
    partitive: bool
    follow_up: bool  # a toll (قتل فيه ...) or an anaphoric "the attack" that belongs to an event before
    needs_twin: bool = False  # only a definite noun (الهجوم): it names an event told before, or none
    date_known: bool = False  # the date comes from the text, not from the publication date
    actor1_en: str | None = None
    actor2_en: str | None = None
    framed: bool = False  # the clause stands inside a reported statement (قال المصدر إن ...)
    place_known: bool = False  # the place comes from the clause's own sentence
    back_ref: str | None = None  # folded head of a definite target (النقطة -> نقطه)
    distinct: bool = False  # the clause marks its act as another one (هجوم آخر، نقطة ثانية)
    target_kinds: frozenset[str] = frozenset()  # kinds of target words after the cue (military ...)
    actor2_category: str | None = None  # the category of actor2's lexicon entry, if any


def _location_key(loc: EventLocation | None) -> str:
    if loc is None:
        return ""
    return loc.place_id or loc.name


def _compatible_place(a: EventLocation | None, b: EventLocation | None) -> bool:
    if a is None or b is None:
        return True
    if _location_key(a) == _location_key(b):
        return True
    return bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country


def _family(sub_event_type: str) -> str:
    return FAMILIES.get(sub_event_type, sub_event_type)


def _names_agree(a: ActorRef | None, b: ActorRef | None) -> bool:
    names = {r.name for r in (a, b) if r is not None}
    return len(names) <= 1


def _restated(earlier: Draft, later: Draft, told: int) -> bool:
    """True when ``later`` tells again the act of ``earlier``, one of ``told`` acts of its family."""
    f, e = earlier.event, later.event
    if later.partitive or later.distinct or earlier.partitive or f.historical != e.historical:
        return False
    if f.disorder_type != "Political violence" or _family(f.sub_event_type) != _family(e.sub_event_type):
        return False
    if later.date_known and earlier.date_known and f.date != e.date:
        return False
    if not (_names_agree(f.actor1, e.actor1) and _names_agree(f.actor2, e.actor2)):
        return False
    if later.place_known and not _compatible_place(f.location, e.location):
        return False
    if _names_again(earlier, later.back_ref):
        return True
    # a toll of its own that differs tells another act (انتحاري فجر نفسه أمام الكنيسة ... 13 قتيلاً)
    other_toll = f.fatalities is not None and e.fatalities is not None and f.fatalities != e.fatalities
    return later.framed and told == 1 and not later.date_known and not other_toll and (
        not later.place_known or _refines(f.location, e.location))


def _refines(coarse: EventLocation | None, fine: EventLocation | None) -> bool:
    """True when ``fine`` is a more precise place inside the province ``coarse`` names.

    "مقتل ضابط ومجند جراء هجوم في محافظة شمال سيناء" then "وأكد المصدر أن الهجوم نجم عن تفجير عبوة
    ناسفة في مدينة الشيخ زويد": the source tells where in the province the act was.
    """
    return coarse is not None and fine is not None and coarse.geo_precision >= 2 \
        and fine.geo_precision < coarse.geo_precision and bool(coarse.admin1) \
        and (coarse.admin1, coarse.country) == (fine.admin1, fine.country)


def _tells_the_method(earlier: Draft, later: Draft) -> bool:
    """True when ``later`` only tells how the act of ``earlier`` was done, at its place and date.

    "اغتيل عماد مغنية القيادي في حزب الله، في تفجير سيارته في دمشق": a report of the family, with
    no side, toll or date of its own to tell it apart, at the same place on the same day.
    """
    f, e = earlier.event, later.event
    return not (later.distinct or later.partitive or earlier.partitive) and e.actor1 is None \
        and e.actor2 is None and e.fatalities is None and f.historical == e.historical \
        and f.date is not None and f.date == e.date and f.location is not None \
        and _location_key(f.location) == _location_key(e.location) \
        and f.disorder_type == "Political violence" and e.sub_event_type in SPECIFIC


def _names_again(earlier: Draft, back_ref: str | None) -> bool:
    """True when the evidence or target of ``earlier`` holds the folded head ``back_ref``."""
    if back_ref is None:
        return False
    head = back_ref.removesuffix("ه")
    words = f"{fold_key(earlier.event.evidence.text)} {fold_key(earlier.event.target or '')}".split()
    return any(w.removeprefix("ال").removesuffix("ه") == head for w in words)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One record per event: later reports of the same event fill the first (see the module docstring)."""
    out: list[Draft] = []
    for d in drafts:
        e = d.event
        twin = None
        if d.follow_up:
            for o in reversed(out):
                f = o.event
                if f.disorder_type != e.disorder_type:
                    continue
                same_time = f.date == e.date or not f.date or not e.date or not (
                    o.date_known and d.date_known)
                if f.disorder_type == "Political violence" and f.historical == e.historical and same_time \
                        and _compatible_place(f.location, e.location):
                    twin = o
                    break
        kin = [o for o in out if o.event.disorder_type == e.disorder_type
               and _family(o.event.sub_event_type) == _family(e.sub_event_type)]
        # a report with neither a place nor a date of its own goes on about an act told before it,
        # but when the article told several of its family it cannot say which: it joins the latest
        # and adds nothing to it (وقال مصدر إن مسلحين أطلقوا النار after two attacks)
        vague = not d.place_known and not d.date_known
        ambiguous = vague and len(kin) > 1
        for o in reversed(kin) if twin is None and not d.distinct else ():
            f = o.event
            if (f.sub_event_type, _location_key(f.location), f.historical) != (
                    e.sub_event_type, _location_key(e.location), e.historical):
                continue
            if f.date != e.date and o.date_known and d.date_known:
                continue  # an undated report of the kind at the place goes on about the dated one
            if o.partitive or d.partitive:
                continue
            names = {r.name for r in (f.actor1, e.actor1) if r is not None}
            if len(names) > 1:
                continue
            twin = o
            break
        else:
            ambiguous = False
        if twin is None and (d.framed or d.back_ref is not None):
            # a definite target goes back to the latest act that named it; a reporting frame alone
            # (وقال المصدر إن مسلحين هاجموا ...) to the latest act of its family told before it
            twin = next((o for o in reversed(kin) if _restated(o, d, len(kin))), None)
            if twin is None and d.framed and vague and kin and _restated(kin[-1], d, 1):
                twin, ambiguous = kin[-1], True
        if twin is None and kin and _tells_the_method(kin[-1], d):
            twin, ambiguous = kin[-1], False
        if twin is None and e.actor1_claimed and not d.place_known and not d.date_known:
            # "وأعلن تنظيم داعش مسؤوليته عن هذا التفجير": a claim with neither a place nor a date of
            # its own is about the latest act of violence told, recalled or not
            # (the latest that names its definite target again: مسؤوليته عن هجوم الدهس)
            violent = [o for o in reversed(out) if o.event.disorder_type == "Political violence"
                       and o.event.event_type in VIOLENT_TYPES]
            twin = next((o for o in violent if _names_again(o, d.back_ref)), violent[0] if violent else None)
            ambiguous = False
        if twin is None:
            if not d.needs_twin:
                out.append(d)
            continue
        if not ambiguous:
            _fill(twin, d)
    out = _one_reading_per_clause(out)
    out = _join_country_wide(out)
    _share_target(out)
    return out


def _gives_way(weaker: Event, stronger: Event) -> bool:
    """True when a clause read as ``weaker`` and as ``stronger`` reports the act ``stronger`` names.

    ACLED codes one act once: a plain attack is the more specific act of violence the clause also
    tells (a battle, a method: its hierarchy, marsad.events.coding.CODES); an explosive or an attack
    is a foiled one when the clause also tells it was foiled or defused (disrupted weapons use); a
    storming read as taking territory is what else the clause tells of it (looting, a riot, a protest).
    """
    w, s = weaker.sub_event_type, stronger.sub_event_type
    if w == s:
        return False
    if w == GENERIC and stronger.event_type in VIOLENT_TYPES:
        return True
    return (w in FOILED and s == "Disrupted weapons use") or w == "Non-state actor overtakes territory"


def _one_clause(a: Draft, b: Draft) -> bool:
    """True when two drafts read one clause: one evidence span, or one span inside the other.

    A span inside another (the first clause of a sentence another draft spans whole) is one
    clause unless either draft marks its act as another (هجوم آخر) or tells a toll of its own.
    """
    e, f = a.event, b.event
    (a0, a1), (b0, b1) = (e.evidence.start, e.evidence.end), (f.evidence.start, f.evidence.end)
    if (a0, a1) == (b0, b1):
        return True
    other_toll = e.fatalities is not None and f.fatalities is not None and e.fatalities != f.fatalities
    return ((a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)) and not (a.distinct or b.distinct or other_toll)


def _one_reading_per_clause(drafts: list[Draft]) -> list[Draft]:
    """One event per clause and place: of two readings of a clause, the one ACLED would code (see _gives_way).

    "مقتل 5 أشخاص في هجوم إرهابي استهدف مكتبا للمخابرات في مخيم البقعة" read as an attack and as an
    armed clash, or "غارات على معسكرات لتدريب متشددين" as an air strike and an attack, is one event; the
    reading that gives way adds what it knows. Only drafts of one clause (_one_clause: the same
    evidence span, or the first clause inside the whole sentence) and one place qualify (an air
    strike and the clashes that followed are two events: neither gives way), and readings that do
    not give way stay apart (an arrest and the clash it ended).
    """
    kept: list[Draft] = []
    for d in drafts:
        e = d.event
        rival = next((o for o in kept
                      if _one_clause(o, d)
                      and _location_key(o.event.location) == _location_key(e.location)
                      and o.event.historical == e.historical
                      and (_gives_way(o.event, e) or _gives_way(e, o.event))), None)
        if rival is None:
            kept.append(d)
            continue
        if _gives_way(rival.event, e):
            kept[kept.index(rival)] = d
            rival, d = d, rival
        _fill(rival, d)
    return kept


def _country_wide(loc: EventLocation | None) -> bool:
    """True when a place is a whole country (no first-level division): no scene of its own."""
    return loc is not None and loc.admin1 is None and loc.geo_precision >= 3 and bool(loc.country)


def _join_country_wide(drafts: list[Draft]) -> list[Draft]:
    """A report placed only in a country joins the one act of its type placed inside that country.

    "ألقت وحدات الجيش الجزائري اليوم القبض على ..." then "في إطار مكافحة الإرهاب ... بقسنطينة": the
    lead names the country, a later sentence the scene; ACLED codes the act once, at its scene. Only
    a single precise draft of the same sub-event type, country, reading (historical or not) and a
    compatible date qualifies: with two such scenes the country-wide report cannot say which.
    """
    kept: list[Draft] = []
    joined: set[int] = set()
    for d in drafts:
        e = d.event
        if not _country_wide(e.location) or d.partitive or d.distinct:
            continue
        scenes = [o for o in drafts if o is not d and id(o) not in joined and not o.partitive
                  and o.event.sub_event_type == e.sub_event_type and o.event.historical == e.historical
                  and o.event.location is not None and not _country_wide(o.event.location)
                  and e.location is not None and o.event.location.country == e.location.country
                  and (o.event.date == e.date or not (o.date_known and d.date_known))]
        if len(scenes) == 1:
            _fill(scenes[0], d)
            joined.add(id(d))
    for d in drafts:
        if id(d) not in joined:
            kept.append(d)
    return kept


def _share_target(drafts: list[Draft]) -> None:
    """Give the attacks on an unnamed side's posts the one force the article's attacks target.

    "هجمات متتالية استهدفت قاعدة عين الأسد" in an article whose other attacks hit the coalition's
    convoys: the bases are the coalition's too. Only a single state or foreign force targeted by the
    article's current attacks qualifies, and only for attacks on military posts or convoys.
    """
    targeted = [d for d in drafts if d.event.actor2 is not None and not d.event.historical
                and d.event.event_type in VIOLENT_TYPES and d.actor2_category in FORCE_CATEGORIES]
    names = {d.event.actor2.name for d in targeted if d.event.actor2 is not None}
    if len(names) != 1:
        return
    donor = targeted[0]
    ref = donor.event.actor2
    for d in drafts:
        e = d.event
        if e.actor2 is not None or e.historical or e.event_type not in VIOLENT_TYPES \
                or e.civilian_targeting or not d.target_kinds & {"military", "convoy"} \
                or "civilian" in d.target_kinds or (e.actor1 is not None and ref is not None
                                                    and e.actor1.name == ref.name):
            continue
        e.actor2, e.inter2, d.actor2_en = ref, donor.event.inter2, donor.actor2_en
        e.interaction = interaction(e.inter1, e.inter2)


def _fill(twin: Draft, d: Draft) -> None:
    """Complete the first report of an event with what a later report of it adds."""
    f, e = twin.event, d.event
    if f.actor1 is None and e.actor1 is not None:
        f.actor1, f.actor1_claimed, f.inter1 = e.actor1, e.actor1_claimed, e.inter1
        twin.actor1_en = d.actor1_en
    elif e.actor1_claimed and _names_agree(f.actor1, e.actor1):
        f.actor1_claimed = True  # the claim is the perpetrator's own, not another group's
    if f.actor2 is None and e.actor2 is not None:
        f.actor2, f.inter2, twin.actor2_en = e.actor2, e.inter2, d.actor2_en
    f.interaction = interaction(f.inter1, f.inter2)
    if e.fatalities is not None:
        f.fatalities = e.fatalities if f.fatalities is None else min(f.fatalities, e.fatalities)
    f.target = f.target or e.target
    if _refines(f.location, e.location):
        f.location = e.location
    if d.date_known and not twin.date_known:
        f.date, f.time_precision, twin.date_known = e.date, e.time_precision, True
    if e.sub_event_type in SPECIFIC and f.sub_event_type not in SPECIFIC \
            and _family(e.sub_event_type) == _family(f.sub_event_type):
        f.event_type, f.sub_event_type, f.plover = e.event_type, e.sub_event_type, e.plover
    for m in e.plover_mode:
        if m not in f.plover_mode:
            f.plover_mode.append(m)
