"""ACLED-style English notes: one sentence saying who did what to whom, where and when, with the toll."""

from __future__ import annotations

import datetime as dt

from marsad.document import Event
from marsad.text.romanize import romanize

# What the perpetrator did, by sub-event type, as ACLED's notes phrase it.
PHRASES = {
    "Suicide bomb": "carried out a suicide bombing",
    "Chemical weapon": "carried out a chemical weapon attack",
    "Air/drone strike": "carried out an air/drone strike",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Shelling/artillery/missile attack": "carried out a shelling/missile attack",
    "Grenade": "threw a grenade",
    "Government regains territory": "regained control of territory",
    "Non-state actor overtakes territory": "took control of territory",
    "Armed clash": "clashed",
    "Abduction/forced disappearance": "abducted people",
    "Sexual violence": "committed sexual violence",
    "Attack": "attacked",
    "Mob violence": "engaged in mob violence",
    "Violent demonstration": "held a violent demonstration",
    "Excessive force against protesters": "used excessive force against protesters",
    "Protest with intervention": "held a protest that was dispersed",
    "Peaceful protest": "held a peaceful protest",
    "Arrests": "arrested people",
    "Looting/property destruction": "looted or destroyed property",
    "Disrupted weapons use": "defused or seized weapons",
    "Agreement": "reached an agreement",
    "Headquarters or base established": "established a base",
    "Non-violent transfer of territory": "withdrew from territory",
    "Change to group/activity": "changed their activity",
    "Other": "were involved in a strategic development",
}
# Unnamed actors, lower-case as they stand mid-sentence in ACLED's notes.
DEFAULT_ACTOR = {
    "Protests": "protesters",
    "Riots": "rioters",
    "Strategic developments": "authorities",
}


def _date_phrase(value: str | None) -> str:
    if not value:
        return "On an unreported date"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"On {d.day} {d.strftime('%B')} {d.year}"
        if len(parts) == 2:
            d = dt.date(int(parts[0]), int(parts[1]), 1)
            return f"In {d.strftime('%B')} {d.year}"
        return f"In {int(parts[0])}"
    except ValueError:
        return "On an unreported date"


def write_notes(event: Event, *, actor1_en: str | None, actor2_en: str | None, country_en: str | None) -> str:
    """One English sentence for ``event`` in the manner of ACLED's notes column.

    >>> from marsad.document import Event, Evidence, EventLocation
    >>> ev = Event(id="ev1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
    ...            evidence=Evidence(start=0, end=1, text="x"), date="2020-01-03", fatalities=2,
    ...            location=EventLocation(name="مطار بغداد", name_en="Baghdad International Airport",
    ...                                   admin1="Baghdad"))
    >>> note = write_notes(ev, actor1_en="Military Forces of United States", actor2_en=None,
    ...                    country_en="Iraq")
    >>> note.startswith("On 3 January 2020, Military Forces of United States carried out an air/drone")
    True
    >>> note.endswith("near Baghdad International Airport (Baghdad, Iraq), killing 2 people.")
    True
    """
    who = actor1_en or DEFAULT_ACTOR.get(event.event_type, "unidentified armed men")
    what = PHRASES.get(event.sub_event_type, "were involved in an event")
    if event.sub_event_type == "Armed clash" and actor2_en:
        what = f"clashed with {actor2_en}"
    elif event.sub_event_type == "Attack" and actor2_en:
        what = f"attacked {actor2_en}"
    elif actor2_en and event.event_type in ("Explosions/Remote violence",):
        what = f"{what} targeting {actor2_en}"
    elif event.civilian_targeting and not actor2_en:
        # ACLED names unnamed civilian victims "Civilians (Country)"
        civilians = f"Civilians ({country_en})" if country_en else "civilians"
        what = f"attacked {civilians}" if event.sub_event_type == "Attack" else \
            f"{what} targeting {civilians}"
    where = ""
    loc = event.location
    if loc is not None:
        # a place the gazetteer has no English name for (a valley, a building) is romanized: the
        # notes column is English
        name = loc.name_en or (romanize(loc.name) if loc.name else None)
        context = ", ".join(x for x in (loc.admin1 if loc.admin1 != name else None, country_en) if x)
        prep = "near" if event.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack") \
            or loc.geo_precision == 2 else "in"
        where = f" {prep} {name}" + (f" ({context})" if context and context != name else "")
    toll = ""
    if event.fatalities:
        toll = f", killing {event.fatalities} {'person' if event.fatalities == 1 else 'people'}"
    elif event.fatalities == 0:
        toll = ", with no fatalities reported"
    sentence = f"{_date_phrase(event.date)}, {who} {what}{where}{toll}."
    if event.actor1_claimed and actor1_en:
        sentence += f" {actor1_en} claimed responsibility."
    if event.historical:
        sentence += " Recalled by the article as a past event."
    return sentence
