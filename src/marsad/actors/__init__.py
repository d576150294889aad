"""Stage ``actors``: resolve entity mentions into actors, one per real-world referent.

Every mention gets an actor, places included, so that "الأنبار" and "محافظة الأنبار" are one
entity in the result. The actor's type is the one most mentions of its name carry, except that
the lexicon decides between PER and ORG (حماس is a group whatever the tagger says). Clustering rules are in
:mod:`marsad.actors.resolve`; the lexicon in :mod:`marsad.actors.lexicon`; English names of
actors the lexicon does not know in :mod:`marsad.text.romanize`.

Categories follow the contract (state | armed_group | political | civilians | external | media |
other) with the ACLED inter code beside them. Protesters (inter 6) and rioters (5) are
``political``: ACLED keeps civilians (7) for unarmed people who are targeted, not for people who
act politically. Foreign state forces keep ``state`` and inter 1 here: whether they are
"external" depends on where an event happens, which the events stage decides.
"""

from __future__ import annotations

import re
from collections import Counter

from marsad.actors.lexicon import LexiconEntry, lookup_actor, tables
from marsad.actors.resolve import GOVERNMENT_HEADS, Cluster, Resolver, country_in
from marsad.config import ActorsConfig
from marsad.document import Actor, Document, Mention
from marsad.text.normalize import fold_key
from marsad.text.romanize import romanize

__all__ = ["LexiconEntry", "lookup_actor", "resolve_actors", "romanize"]

# Role words just before an unknown person's name that tell what the person is (folded).
STATE_ROLES = frozenset(fold_key(w) for w in (
    "وزير", "الوزير", "وزيرة", "الرئيس", "رئيس", "العميد", "اللواء", "العقيد", "الجنرال", "المشير",
    "محافظ", "المحافظ", "والي", "الوالي", "السفير", "المقدم", "النقيب", "الفريق", "الملك", "الأمير"))
ARMED_ROLES = frozenset(fold_key(w) for w in ("زعيم", "قيادي", "القيادي", "الزعيم", "أمير", "مسلح"))
MEDIA_ROLES = frozenset(fold_key(w) for w in ("الصحفي", "الصحافي", "مراسل", "المراسل", "الإعلامي"))
# Characters before a person's first mention searched for a role word. Set by hand: the role
# phrases of the dev articles (وزير الخارجية العراقي، نائب زعيم جماعة ...) are under 45
# characters; 60 leaves room for a quoted group name.
ROLE_WINDOW = 60
# Words before an organisation that make the person named right after it a member or an
# official of it (نائب زعيم جماعة حركة الأبدال كمال الحسناوي، المتحدث باسم الجيش العراقي ...).
AFFILIATION_WORDS = frozenset(fold_key(w) for w in (
    "باسم", "زعيم", "الزعيم", "قائد", "القائد", "قيادي", "القيادي", "عضو", "العضو", "رئيس", "الأمين",
    "أمين", "مسؤول", "المسؤول", "أمير", "مؤسس", "مدير", "المدير", "نائب", "وزير", "الوزير", "مراسل",
    "المتحدث", "الناطق", "قادة", "عناصر", "مقاتلي", "مستشار", "سفير", "ممثل", "محافظ"))
AFFILIATION_REACH = 40  # characters before the organisation searched for those words (as above)
# Between an organisation and its member's name: an apposition at most, within one clause; the
# longest apposition of the dev articles (أحد الفصائل المسلحة الناشطة في العراق) has 45 characters.
GAP_RE = re.compile(r"[^.؛:;\n«»“”()]{0,90}")
CLAUSE_WORDS = frozenset(fold_key(w) for w in (
    "قال", "قالت", "وقال", "وقالت", "إن", "أن", "إنه", "أنه", "الذي", "التي", "الذين", "حيث", "بينما",
    "لكن", "كما", "أكد", "وأكد", "أضاف", "وأضاف"))


def resolve_actors(doc: Document, config: ActorsConfig | None = None) -> Document:
    """Fill ``doc.actors`` (ids a1, a2 ... in order of first mention) and every mention's ``actor_id``.

    ``doc.cache["actor_rules"]`` maps each mention id to the rule that placed it: "lexicon",
    "form", "spacing", "apposition", or a partial-form rule of :mod:`marsad.actors.resolve`
    ("surname", "government", "shortened", "head", "tail", "described").
    """
    config = config or ActorsConfig()
    mentions = doc.entities
    doc.actors = []
    if not mentions:
        return doc
    resolver = Resolver(mentions, tables())
    resolver.exact_pass()
    resolver.apposition_pass(doc.text)
    clusters = resolver.clusters()
    if resolver.partial_pass(clusters):
        clusters = resolver.clusters()
    # why each mention is in its actor, for review and error analysis (not serialised)
    doc.cache["actor_rules"] = {m.id: rule for m, rule in zip(mentions, resolver.rules, strict=True)}
    keys = []
    for n, cluster in enumerate(clusters, 1):
        actor, key = _make_actor(f"a{n}", cluster, resolver, doc.text)
        doc.actors.append(actor)
        keys.append(key)
        for i in cluster.members:
            mentions[i].actor_id = actor.id
    _affiliate_people(doc, resolver)
    home = _home_country(doc.actors, mentions)
    for actor, key in zip(doc.actors, keys, strict=True):
        if actor.country is None and actor.category == "state" and actor.lexicon_id is None:
            # a state body named without its country (الشرطة، وزارة الصحة) belongs to the
            # country the article is about, and is that country's body of the lexicon if any
            actor.country = home
            if home is not None:
                _adopt_entry(actor, key, home)
        if actor.name_en is None and config.romanize_unknown:
            actor.name_en = _english(key, actor.type, actor.country, resolver)
    return doc


def _affiliate_people(doc: Document, resolver: Resolver) -> None:
    """Give an unknown person the category and country of the organisation named as theirs.

    "نائب زعيم جماعة حركة الأبدال كمال الحسناوي": the person after an organisation that follows an
    affiliation word (زعيم، المتحدث باسم، قيادي في ...) belongs to it. Otherwise a country
    adjective in the role before the name gives the country (وزير الخارجية العراقي فؤاد حسين).
    """
    text = doc.text
    by_id = {a.id: a for a in doc.actors}
    ordered = sorted(doc.entities, key=lambda m: m.start)
    done: set[str] = set()
    for k, m in enumerate(ordered):
        person = by_id.get(m.actor_id or "")
        if person is None or person.type != "PER" or person.lexicon_id or person.id in done:
            continue
        done.add(person.id)
        # the organisation is the nearest mention before the name, places aside (an apposition
        # may name where the group is active: حركة الأبدال، أحد الفصائل الناشطة في العراق، فلان)
        j = k - 1
        while j >= 0 and ordered[j].type in ("GPE", "LOC"):
            j -= 1
        org = ordered[j] if j >= 0 else None
        if org is not None and org.type == "ORG" and _apposition(text[org.end:m.start]):
            before = text[max(0, org.start - AFFILIATION_REACH):org.start]
            for stop in ".،,؛\n":
                before = before.rsplit(stop, 1)[-1]
            group = by_id.get(org.actor_id or "")
            if group is not None and group.category != "other" and any(
                    w in AFFILIATION_WORDS for w in fold_key(before).split()):
                person.category, person.inter = group.category, group.inter
                person.country = person.country or group.country
                continue
        if person.country is None:
            words = _role_words(text, m.start)
            person.country = next((resolver.tables.adjectives[w] for w in words
                                   if w in resolver.tables.adjectives), None)


def _apposition(gap: str) -> bool:
    """True when ``gap`` may separate an organisation from its member's name in one phrase."""
    return GAP_RE.fullmatch(gap) is not None and not any(
        w.strip('"\'') in CLAUSE_WORDS for w in fold_key(gap).split())


def _adopt_entry(actor: Actor, key: str, country: str) -> None:
    """Take the lexicon entry of ``key`` + the country's adjective (وزارة الصحة الفلسطينية)."""
    t = tables()
    for adjective in t.definite_adjectives.get(country, ()):
        entry_id = t.by_form.get(f"{key} {adjective}")
        entry = t.entries.get(entry_id) if entry_id else None
        if entry is not None and entry.country == country:
            actor.name_en, actor.inter, actor.lexicon_id = entry.name_en, entry.inter, entry.id
            actor.category, actor.wikidata = entry.category, entry.wikidata
            return


def _home_country(actors: list[Actor], mentions: list[Mention]) -> str | None:
    """The country most place mentions of the article lie in, when one clearly leads.

    Without any place of known country, the actors of known country (الحكومة العراقية) vote.
    """
    count = Counter(m.actor_id for m in mentions)
    for kinds in (("GPE", "LOC", "FAC"), ("ORG", "PER")):
        weight: Counter[str] = Counter()
        for a in actors:
            if a.type in kinds and a.country:
                weight[a.country] += count[a.id]
        ranked = weight.most_common(2)
        if ranked:
            tied = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
            return None if tied else ranked[0][0]
    return None


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
    if entry is not None and etype in ("PER", "ORG"):
        etype = entry.type  # the lexicon knows a person from a group better than the tagger
    name = _written_name(canonical.text, key)
    aliases = list(dict.fromkeys(
        form for form in (_written_name(m.text, k) for m, k in zip(mentions, keys, strict=True)) if form != name))
    t = resolver.tables
    category, inter, country, name_en, wikidata = "other", None, None, None, None
    if entry is not None:
        category, inter, country = entry.category, entry.inter, entry.country
        name_en, wikidata = entry.name_en, entry.wikidata
    else:
        place = next((p for p in (t.places.get(k) for k in keys) if p is not None), None)
        if etype in ("GPE", "LOC", "FAC") and place is not None:
            name_en, country = place.name_en or None, place.country
            if place.kind == "country":
                category = "state"  # a country that acts (قصفت إسرائيل) is its state
        elif etype == "PER":
            category = _person_role(text, min(m.start for m in mentions))
        else:
            head = t.heads.get(_bare(key.split()[0]))
            if head is not None and head.kind in ("org", "media"):
                category, inter = head.category, head.inter
        if country is None and etype != "PER":
            country = next((c for c in (country_in(k, t) for k in keys) if c), None)
        words = key.split()
        if country is None and etype == "ORG" and len(words) > 1 and words[0] in GOVERNMENT_HEADS:
            # حكومة الكاظمي alone: the government of the person's country
            country = resolver.country_of_person([[_bare(w) for w in words[1:]]])
    actor = Actor(id=actor_id, name=name, type=etype, name_en=name_en, aliases=aliases,
                  category=category, inter=inter, country=country, wikidata=wikidata,
                  lexicon_id=entry.id if entry is not None else None)
    return actor, key


def _written_name(surface: str, key: str) -> str:
    """The name as it is written when it stands alone: the alef that ل + ال elides is put back.

    A mention cut out of للتحالف الدولي reads لتحالف الدولي (its span must be exact text); the
    actor, which is a name and not a span, is called التحالف الدولي, as the contract asks.

    >>> _written_name("لتحالف الدولي", "التحالف الدولي")
    'التحالف الدولي'
    >>> _written_name("لبنان", "لبنان")
    'لبنان'
    """
    if surface.startswith("ل") and not surface.startswith("ال"):
        restored = "ا" + surface
        if " ".join(fold_key(restored).split()) == key:
            return restored
    return surface


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


def _role_words(text: str, start: int) -> list[str]:
    """Folded words of the role phrase just before a name: same clause, within ROLE_WINDOW."""
    window = text[max(0, start - ROLE_WINDOW):start]
    for stop in ".،,؛\n":
        window = window.rsplit(stop, 1)[-1]
    words = fold_key(window).split()
    cut = max((i for i, w in enumerate(words) if w in CLAUSE_WORDS), default=-1)
    return words[cut + 1:]  # a role in an earlier clause is someone else's


def _person_role(text: str, start: int) -> str:
    """Category of an unknown person from a role word just before the name (وزير الدفاع فلان)."""
    words = _role_words(text, start)
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
    if words[0] in GOVERNMENT_HEADS and country is not None and country in t.countries:
        return f"{head.english.capitalize()} of {t.countries[country].name_en}"
    place = t.places.get(rest)
    if place is not None and place.name_en:
        return f"{head.english.capitalize()} of {place.name_en}"
    if head.category in ("armed_group", "political"):
        return romanize(key)  # named groups keep their Arabic name: Harakat al-Abdal
    return _translated(head.english, words[1:], resolver) or f"{head.english.capitalize()} {romanize(rest)}"


def _translated(head_en: str, rest: list[str], resolver: Resolver) -> str | None:
    """English of a head and glossary words (المركز الإعلامي الخاص -> Special Media Centre), or None."""
    t = resolver.tables
    noun: str | None = None
    adjectives: list[str] = []
    complement: str | None = None  # a last word لل + glossary noun: الاتحاد الجهوي للشغل
    i = 0
    while i < len(rest):
        w = rest[i]
        i += 1
        if i < len(rest) and (pair := f"{w} {rest[i]}") in t.glossary:
            w = pair  # الشؤون الخارجية -> Foreign Affairs: a two-word glossary entry
            i += 1
        kind, english = t.glossary.get(w, ("", ""))
        if i == len(rest) and noun is None and w.startswith("لل") and len(w) > 3:
            kind, english = t.glossary.get("ا" + w[1:], ("", ""))
            if kind == "noun":
                complement = english
                continue
            return None
        if kind == "noun" and noun is None and not adjectives:
            noun = english
        elif kind == "adj":
            adjectives.append(english)
        elif w in t.adjectives and t.adjectives[w] in t.countries:
            adjectives.append(t.countries[t.adjectives[w]].demonym_en)
        else:
            return None
    if complement is not None:
        return " ".join([*reversed(adjectives), f"{head_en.title()} of {complement}"])
    if noun is not None and not adjectives:
        return f"{head_en.title()} of {noun}"  # وزارة الاستخبارات -> Ministry of Intelligence
    # وكالة الأنباء الليبية -> Libyan News Agency
    return " ".join([*reversed(adjectives), *([noun] if noun else []), head_en.title()])
