"""Stage ``actors``: resolve entity mentions into actors, one per real-world referent.

Every mention gets an actor, places included (the actor's type is the mention type), so that
"الأنبار" and "محافظة الأنبار" are one entity in the result. Clustering rules are in
:mod:`marsad.actors.resolve`; the lexicon in :mod:`marsad.actors.lexicon`; English names of
actors the lexicon does not know in :mod:`marsad.actors.romanize`.

Categories follow the contract (state | armed_group | political | civilians | external | media |
other) with the ACLED inter code beside them. Protesters (inter 6) and rioters (5) are
``political``: ACLED keeps civilians (7) for unarmed people who are targeted, not for people who
act politically. Foreign state forces keep ``state`` and inter 1 here: whether they are
"external" depends on where an event happens, which the events stage decides.
"""

from __future__ import annotations

from collections import Counter

from marsad.actors.lexicon import LexiconEntry, lookup_actor, tables
from marsad.actors.resolve import Cluster, Resolver, country_in
from marsad.actors.romanize import romanize
from marsad.config import ActorsConfig
from marsad.document import Actor, Document, Mention
from marsad.text.normalize import fold_key

__all__ = ["LexiconEntry", "lookup_actor", "resolve_actors", "romanize"]

# Role words just before an unknown person's name that tell what the person is (folded).
STATE_ROLES = frozenset(fold_key(w) for w in (
    "وزير", "الوزير", "وزيرة", "الرئيس", "رئيس", "العميد", "اللواء", "العقيد", "الجنرال", "المشير",
    "محافظ", "المحافظ", "والي", "الوالي", "السفير", "المقدم", "النقيب", "الفريق", "الملك", "الأمير"))
ARMED_ROLES = frozenset(fold_key(w) for w in ("زعيم", "قيادي", "القيادي", "الزعيم", "أمير", "مسلح"))
MEDIA_ROLES = frozenset(fold_key(w) for w in ("الصحفي", "الصحافي", "مراسل", "المراسل", "الإعلامي"))
ROLE_WINDOW = 60  # characters before a person's first mention searched for a role word


def resolve_actors(doc: Document, config: ActorsConfig | None = None) -> Document:
    """Fill ``doc.actors`` (ids a1, a2 ... in order of first mention) and every mention's ``actor_id``."""
    config = config or ActorsConfig()
    mentions = doc.entities
    doc.actors = []
    if not mentions:
        return doc
    resolver = Resolver(mentions, tables())
    resolver.exact_pass()
    resolver.partial_pass(resolver.clusters())
    keys = []
    for n, cluster in enumerate(resolver.clusters(), 1):
        actor, key = _make_actor(f"a{n}", cluster, resolver, doc.text)
        doc.actors.append(actor)
        keys.append(key)
        for i in cluster.members:
            mentions[i].actor_id = actor.id
    home = _home_country(doc.actors, mentions)
    for actor, key in zip(doc.actors, keys, strict=True):
        if actor.country is None and actor.category == "state" and actor.lexicon_id is None:
            # a state body named without its country (الشرطة، النيابة العامة) belongs to the
            # country the article is about
            actor.country = home
        if actor.name_en is None and config.romanize_unknown:
            actor.name_en = _english(key, actor.type, actor.country, resolver)
    return doc


def _home_country(actors: list[Actor], mentions: list[Mention]) -> str | None:
    """The country most place mentions of the article lie in, when one clearly leads."""
    weight: Counter[str] = Counter()
    count = Counter(m.actor_id for m in mentions)
    for a in actors:
        if a.type in ("GPE", "LOC", "FAC") and a.country:
            weight[a.country] += count[a.id]
    ranked = weight.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _make_actor(actor_id: str, cluster: Cluster, resolver: Resolver, text: str) -> tuple[Actor, str]:
    """The actor of one cluster (English name left empty for unknown actors), and its name's key."""
    mentions = [resolver.mentions[i] for i in cluster.members]
    keys = [resolver.keys[i] for i in cluster.members]
    entry = cluster.entry
    canonical, key = _canonical(cluster, resolver)
    # the type most mentions of the fullest form carry: one mistyped mention of تونس does not
    # turn the country into an organisation
    types = [resolver.mentions[i].type for i in cluster.members if resolver.keys[i] == key]
    majority = max(dict.fromkeys(types), key=types.count)
    etype = canonical.type if types.count(canonical.type) == types.count(majority) else majority
    aliases = list(dict.fromkeys(m.text for m in mentions if m.text != canonical.text))
    t = resolver.tables
    category, inter, country, name_en, wikidata = "other", None, None, None, None
    if entry is not None:
        category, inter, country = entry.category, entry.inter, entry.country
        name_en, wikidata = entry.name_en, entry.wikidata
    else:
        place = next((p for p in (t.places.get(k) for k in keys) if p is not None), None)
        if etype in ("GPE", "LOC", "FAC") and place is not None:
            name_en, country = place.name_en or None, place.country
        elif etype == "PER":
            category = _person_role(text, min(m.start for m in mentions))
        else:
            head = t.heads.get(_bare(key.split()[0]))
            if head is not None and head.kind in ("org", "media"):
                category, inter = head.category, head.inter
        if country is None and etype != "PER":
            country = next((c for c in (country_in(k, t) for k in keys) if c), None)
    actor = Actor(id=actor_id, name=canonical.text, type=etype, name_en=name_en, aliases=aliases,
                  category=category, inter=inter, country=country, wikidata=wikidata,
                  lexicon_id=entry.id if entry is not None else None)
    return actor, key


def _canonical(cluster: Cluster, resolver: Resolver) -> tuple[Mention, str]:
    """The fullest form: a lexicon name or alias first, then the most words, then the longest.

    A form whose article the resolver restored (لتحالف الدولي) comes after the same form written
    whole, since the name is copied from the text.
    """
    known: set[str] = set()
    if cluster.entry is not None:
        known = {" ".join(fold_key(f).split()) for f in (cluster.entry.name, *cluster.entry.aliases)}

    def rank(i: int) -> tuple[bool, int, int, bool, int]:
        k = resolver.keys[i]
        return (k in known, k.count(" "), len(k), resolver.plain[i] == k, -resolver.mentions[i].start)

    best = max(cluster.members, key=rank)
    return resolver.mentions[best], resolver.keys[best]


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _person_role(text: str, start: int) -> str:
    """Category of an unknown person from a role word just before the name (وزير الدفاع فلان)."""
    window = text[max(0, start - ROLE_WINDOW):start]
    for stop in ".،,؛\n":
        window = window.rsplit(stop, 1)[-1]
    words = fold_key(window).split()
    if any(w in STATE_ROLES for w in words):
        return "state"
    if any(w in ARMED_ROLES for w in words):
        return "armed_group"
    if any(w in MEDIA_ROLES for w in words):
        return "media"
    return "other"


def _english(key: str, etype: str, country: str | None, resolver: Resolver) -> str:
    """English name of an actor the lexicon does not know (القوات العراقية -> Iraqi forces)."""
    t = resolver.tables
    words = key.split()
    head = t.heads.get(_bare(words[0])) if etype != "PER" else None
    if head is None:
        return romanize(key)
    demonym = t.countries[country].demonym_en if country in t.countries else ""
    if len(words) == 1:
        return f"{demonym} {head.english}" if demonym else head.english.capitalize()
    rest = " ".join(words[1:])
    iso2 = t.adjectives.get(rest)
    if iso2 and iso2 in t.countries:
        return f"{t.countries[iso2].demonym_en} {head.english}"
    iso2 = t.country_names.get(rest)
    if iso2 and iso2 in t.countries:
        return f"{head.english.capitalize()} of {t.countries[iso2].name_en}"
    place = t.places.get(rest)
    if place is not None and place.name_en:
        return f"{head.english.capitalize()} of {place.name_en}"
    if head.category in ("armed_group", "political"):
        return romanize(key)  # named groups keep their Arabic name: Harakat al-Abdal
    return f"{head.english.capitalize()} {romanize(rest)}"
