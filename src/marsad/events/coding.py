"""Typing: ACLED event type and sub-event type, disorder type and PLOVER for the cues of a clause.

When one incident fits several sub-event types, ACLED's hierarchy decides (a suicide bombing is a
Suicide bomb, not an Attack; an attack on armed forces is a battle, not violence against
civilians); protests are refined by what the clause says happened to them (dispersal, killing,
rioting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.cues import Hit

VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"


@dataclass(frozen=True, slots=True)
class SubType:
    """One ACLED sub-event type with its event type, disorder type and PLOVER category."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    plover: str
    priority: int  # ACLED's hierarchy: the highest code among a clause's cues wins


# Cue codes (column `code` of data/events/cues.tsv) -> ACLED's 25 sub-event types (names verbatim).
CODES: dict[str, SubType] = {
    "suicide": SubType("Explosions/Remote violence", "Suicide bomb", VIOLENCE, "ASSAULT", 100),
    "chemical": SubType("Explosions/Remote violence", "Chemical weapon", VIOLENCE, "ASSAULT", 95),
    "air": SubType("Explosions/Remote violence", "Air/drone strike", VIOLENCE, "ASSAULT", 90),
    "ied": SubType("Explosions/Remote violence", "Remote explosive/landmine/IED", VIOLENCE, "ASSAULT", 85),
    "shelling": SubType("Explosions/Remote violence", "Shelling/artillery/missile attack", VIOLENCE,
                        "ASSAULT", 80),
    "grenade": SubType("Explosions/Remote violence", "Grenade", VIOLENCE, "ASSAULT", 75),
    "explosion": SubType("Explosions/Remote violence", "Remote explosive/landmine/IED", VIOLENCE,
                         "ASSAULT", 70),
    "gov_regain": SubType("Battles", "Government regains territory", VIOLENCE, "ASSAULT", 66),
    "nsa_overtake": SubType("Battles", "Non-state actor overtakes territory", VIOLENCE, "ASSAULT", 65),
    "clash": SubType("Battles", "Armed clash", VIOLENCE, "ASSAULT", 60),
    "abduction": SubType("Violence against civilians", "Abduction/forced disappearance", VIOLENCE,
                         "ASSAULT", 55),
    "sexual": SubType("Violence against civilians", "Sexual violence", VIOLENCE, "ASSAULT", 54),
    "attack": SubType("Violence against civilians", "Attack", VIOLENCE, "ASSAULT", 40),
    "mob": SubType("Riots", "Mob violence", VIOLENCE, "ASSAULT", 35),
    "violent_demo": SubType("Riots", "Violent demonstration", DEMONSTRATIONS, "PROTEST", 34),
    "excessive": SubType("Protests", "Excessive force against protesters", VIOLENCE, "PROTEST", 33),
    "intervention": SubType("Protests", "Protest with intervention", DEMONSTRATIONS, "PROTEST", 32),
    "peaceful": SubType("Protests", "Peaceful protest", DEMONSTRATIONS, "PROTEST", 31),
    "arrests": SubType("Strategic developments", "Arrests", STRATEGIC, "COERCE", 25),
    "looting": SubType("Strategic developments", "Looting/property destruction", STRATEGIC, "COERCE", 22),
    "disrupted": SubType("Strategic developments", "Disrupted weapons use", STRATEGIC, "COERCE", 20),
    "agreement": SubType("Strategic developments", "Agreement", STRATEGIC, "AGREE", 15),
    "hq": SubType("Strategic developments", "Headquarters or base established", STRATEGIC, "MOBILIZE", 12),
    "transfer": SubType("Strategic developments", "Non-violent transfer of territory", STRATEGIC,
                        "RETREAT", 11),
    "change": SubType("Strategic developments", "Change to group/activity", STRATEGIC, "MOBILIZE", 10),
    "other": SubType("Strategic developments", "Other", STRATEGIC, "MOBILIZE", 5),
}
PROTEST_CODES = frozenset({"peaceful", "intervention", "violent_demo"})
VIOLENCE_CODES = frozenset({"suicide", "chemical", "air", "ied", "shelling", "grenade", "explosion",
                            "gov_regain", "nsa_overtake", "clash", "abduction", "sexual", "attack"})
# Explosive methods that an article's lead can lend to a later bare "attack" (الهجمات) in it.
METHOD_CODES = frozenset({"suicide", "chemical", "air", "ied", "shelling", "grenade"})
# Words of killing among the attack cues: with protesters in the clause they mean excessive force.
KILLING_FORMS = frozenset({"قتل", "مقتل", "قتلي", "قتيل", "قتيلا", "قتيلين", "مصرع", "استشهاد",
                           "استشهد", "شهداء", "شهيدا", "رصاص حي", "اطلاق رصاص حي"})
# Passive verbs of attack (folded lexicon forms): their subject is the victim (اغتيل القيادي ...).
PASSIVE_FORMS = frozenset({"اغتيل", "اغتيلت"})
# Explosive objects (kinds of ied and grenade cues): a method only as the instrument of the act.
OBJECT_CODES = frozenset({"ied", "grenade"})
# Characters between a cue and the explosive object that tells its method (انفجار عبوة ناسفة،
# استهدفت عبوة ناسفة دورية); "وكرا لتصنيع المواد المتفجرة من أحزمة وعبوات" is 40 and more away.
# Set on the dev articles and the h4 sample of ANT articles.
INSTRUMENT_GAP = 12
# Light verbs whose ب + verbal noun is the act their subject carries out (قامت القوات بقصف مواقع).
LIGHT_VERB_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:قام|قامت|قاموا|قاما|قامتا|يقوم|تقوم|يقومون)(?![^\W\d_])")
# A part in an act, right before its verbal noun (لعب دوراً في اغتيال، شارك في تنفيذ الهجوم، تورط في
# تفجير): the subject of the verb is among its perpetrators.
PART_RE = re.compile(r"(?<![^\W\d_])[وف]?(?:(?:لعب|لعبت|لعبوا)\s+دورا(?:\s+\S+)?|شارك|شاركت|شاركوا|"
                     r"ساهم|ساهمت|ساهموا|تورط|تورطت|تورطوا)\s+في\s+$")
LIGHT_VERB_WINDOW = 6  # words between the light verb and its ب + verbal noun (a unit's long name)


def choose_code(hits: list[Hit], *, target_kinds: set[str], state_actor: bool | None,
                default_method: str | None, exchange: bool = False) -> str | None:
    """The sub-event code of a clause from its cues (modifiers included); None when nothing fits.

    Args:
        hits: the clause's cue hits that passed the modality filter.
        target_kinds: kinds of target words in the clause (military, civilian, convoy, political).
        state_actor: whether actor1 is a state force (True), a non-state actor (False) or unknown.
        default_method: the explosive method of the article's lead, lent to a bare attack.
        exchange: the clause has تبادل (exchange): تبادلت وحدة عسكرية إطلاق النار is a clash.
    """
    codes = {h.kind for h in hits}
    forms = {h.form for h in hits}
    protest = bool(codes & {"peaceful"}) and any(h.kind == "peaceful" and h.strength > 0 for h in hits)
    if protest:
        if "violent_demo" in codes or "clash" in codes or "looting" in codes:
            return "violent_demo"
        if forms & KILLING_FORMS:
            return "excessive"
        if "intervention" in codes or "arrests" in codes:
            return "intervention"
        if not codes & (VIOLENCE_CODES - {"attack"}):
            return "peaceful"
    # modifiers (strength 0: مسلحين، جوية، تعذيب) refine a violent act but do not make one: "اعتقلت
    # قوات الأمن ثلاثة مسلحين" is an arrest of gunmen, not a battle with them; but hostages held
    # (أقدموا على احتجاز عدد من الرهائن) make the detention an abduction
    hostages = "abduction" in codes and "arrests" in codes
    hits = _instruments(hits)
    codes = {h.kind for h in hits}
    violence = codes & VIOLENCE_CODES if hostages or any(
        h.kind in VIOLENCE_CODES and h.strength > 0 for h in hits) else set()
    if violence:
        best = max(violence, key=lambda c: CODES[c].priority)
        if best in ("gov_regain", "nsa_overtake") and state_actor is not None:
            best = "gov_regain" if state_actor else "nsa_overtake"
        if best == "attack":
            if exchange and any("firearms" in h.modes for h in hits):
                best = "clash"
            elif "convoy" in target_kinds:
                best = "ied"
            elif default_method and not forms & KILLING_FORMS and not any(
                    h.modes for h in hits if h.kind == "attack"):
                # the lead's method fills only an attack the clause names without its own way
                # (اغتيل، بإطلاق النار، دهس: the clause tells how)
                best = default_method
            elif "military" in target_kinds and "civilian" not in target_kinds and not any(
                    "assassinate" in h.modes for h in hits):
                # an assassination strikes one person off guard, a commander too (اغتيل الرجل
                # الأول في الجناح العسكري): ACLED codes it an attack, not a battle
                best = "clash"
        return best
    if "violent_demo" in codes:
        return "violent_demo"
    for code in ("arrests", "looting", "disrupted", "agreement"):
        if code in codes:
            # ACLED codes arrests of political significance: militants, activists, opposition ...,
            # or a campaign of arrests (حملة اعتقالات)
            if code == "arrests" and "political" not in target_kinds and not any(
                    h.kind == "arrests" and h.form.startswith("حمله") for h in hits):
                return None
            return code
    return None


def lead_method(lead_hits: list[Hit]) -> str | None:
    """The explosive method an article's lead tells first, lent to its later bare attacks, or None.

    A lead that lists kinds of act (ما بين إطلاق نار، وقصف من الطيران، وتفجير) tells no one method:
    a way of attack of its own (shooting, assassination, stabbing) or three kinds of violence in it
    mark a list. "هجمات صاروخية وطائرات مسيرة" (two remote methods) still lends the first.
    """
    strong = [h for h in lead_hits if h.strength > 0]
    kinds = {h.kind for h in strong if h.kind in VIOLENCE_CODES - {"attack"}}
    if len(kinds) > 2 or any(h.kind == "attack" and h.modes for h in strong):
        return None
    return next((h.kind for h in strong if h.kind in METHOD_CODES), None)


def _instruments(hits: list[Hit]) -> list[Hit]:
    """Drop explosive objects that are not the instrument of the clause's act.

    "مقتل إرهابيين اتخذا منزلا وكرا لتصنيع ... عبوات ناسفة": the bombs were made there, not used;
    with ب (بعبوة ناسفة) or right after a cue (انفجار عبوة، استهدفت عبوة) the object is the method,
    and alone (عبوة ناسفة تستهدف دورية) it is the act itself.
    """
    acts = [h for h in hits if h.kind not in OBJECT_CODES and h.kind in VIOLENCE_CODES and h.strength > 0]
    if not acts:
        return hits
    return [h for h in hits if h.kind not in OBJECT_CODES or "ب" in h.prefix or any(
        0 <= h.start - a.end <= INSTRUMENT_GAP or 0 <= a.start - h.end <= INSTRUMENT_GAP for a in hits
        if a is not h and a.kind not in OBJECT_CODES and a.kind in VIOLENCE_CODES)]


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (12, 17 ...); inter1 x 10 alone."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        only = inter1 if inter1 is not None else inter2
        assert only is not None
        return only * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
