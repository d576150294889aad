"""In-article coreference of entity mentions: which mentions name the same real-world referent.

The resolver works in two passes over the mentions of one article.

1. Exact evidence joins mentions: the same folded form; the same lexicon entry (داعش and تنظيم
   الدولة); the same row of the places gazetteer, for place mentions (إسرائيل / الكيان الصهيوني);
   the same consonant skeleton, for spelling variants (بروكسل / بروكسيل).
2. Partial forms join the cluster of a fuller form, by named rules tried in order; each rule
   picks, among the fuller clusters it allows, the nearest one mentioned before (else the first
   after), because a short form in news text points back to the last full mention:

   - ``surname``: a person's partial name (الكاظمي) -> the full name (مصطفى الكاظمي);
   - ``government``: حكومة + a person's name (حكومة الكاظمي) -> that country's government;
   - ``shortened``: an organisation or place named by part of its name, starting with the same
     word (حكومة الوفاق -> حكومة الوفاق الوطني الليبية; الجولان -> الجولان السوري);
   - ``head``: a definite head noun alone (الحكومة، التحالف، التنظيم) -> a name with that head;
   - ``tail``: the name without its head noun (عين الأسد -> قاعدة عين الأسد, الأنبار -> محافظة
     الأنبار, أعماق -> وكالة أعماق), unless a facility's name is a town of its own (الحديدة is not
     ميناء الحديدة);
   - ``described``: an organisation taken up by its definite head and adjectives that name no
     one (الصحيفة البريطانية -> صحيفة الغارديان, المرصد -> المرصد السوري لحقوق الإنسان).

Before the partial forms, two kinds of evidence from the text itself join mentions:
``apposition``, a short form written right after the full name, bare, quoted or in parentheses
(منظمة الأمم المتحدة للطفولة اليونيسيف، الهيئة العليا ... (الهايكا)، خليل الوزير "أبو جهاد"),
and ``spacing``, one name written with and without a space or an article inside (منزل بوزلفة /
منزل بو زلفة، سامي خليفي / سامي الخليفي).

Two clusters that the lexicon gives different entries are never joined, and a lone surname
that the lexicon knows (العامري) is taken as that person only when the article supports it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from marsad.actors.lexicon import LexiconEntry, Tables, lookup_key, strip_titles
from marsad.document import Mention
from marsad.text.normalize import fold_key

# Type groups that may share a cluster when a rule joins them; PER never joins the others.
TYPE_GROUP = {"PER": "per", "ORG": "org", "FAC": "org", "GPE": "place", "LOC": "place"}
# A skeleton shorter than this is too ambiguous to join spelling variants (لبنان / لبنا).
MIN_SKELETON = 4
# Letters of a name written without its spaces and inner articles below which two forms are not
# joined as one (بو زلفة / بوزلفة has 6).
MIN_COMPACT = 6
# Government heads that a person's name may follow (حكومة الكاظمي، إدارة ترامب).
GOVERNMENT_HEADS = frozenset(("حكومه", "اداره", "نظام"))
GOVERNMENT_BODIES = GOVERNMENT_HEADS | {"سلطات"}
LONG_VOWELS = str.maketrans("", "", "اوي")
# Adjectives that a facility's full name adds to its short name (قاعدة عين الأسد الجوية).
GENERIC_ADJECTIVES = frozenset(fold_key(w) for w in (
    "الجوية", "الجوي", "الدولي", "الدولية", "العسكرية", "العسكري", "البحرية", "البحري", "المركزية",
    "المركزي", "الكبير", "الكبرى", "الرئيسي", "الرئيسية", "الجديد", "الجديدة", "القديم", "القديمة"))
# Categories of the head nouns that open a group's own name (حركة، تنظيم، حزب، جماعة ...).
NAMING_CATEGORIES = frozenset(("armed_group", "political"))
# Between a full name and the short form that follows it as its apposition: a space, with at
# most an opening parenthesis or quotation mark (the short form must then be closed right after
# it), or a word that introduces a nickname (خليل الوزير الملقب بأبي جهاد).
APPOSITION_GAP_RE = re.compile(r"\s*(?:(?P<open>[(«“\"])\s*|(?:الملقب|الملقبة|المكنى|المكناة|المعروف|المعروفة)\s+)?")
CLOSING = {"(": ")", "«": "»", "“": "”", '"': '"'}
# A bare short form (no marks, no nickname word) joins only when it is a single word.
APPOSITION_MAX_WORDS = 3
# Plural heads name a kind of body, not one body: القوات العراقية does not take up قوات الحشد.
PLURAL_BODIES = frozenset(fold_key(w) for w in (
    "قوات", "سلطات", "أجهزة", "عناصر", "وحدات", "فصائل", "ميليشيات", "مليشيات", "جماعات", "أحزاب",
    "كتائب", "قبائل", "عشائر", "مسلحون", "مسلحين"))
# Words that describe a body already named without naming it (الجمعية المذكورة، الهيئة نفسها،
# التنظيم الإرهابي، المنظمة الأممية). Adjectives that may be part of a name (المركزية، الديمقراطية،
# الوطنية) are not among them: القيادة المركزية is another body than القيادة العامة للجيش.
DESCRIPTIVE_WORDS = frozenset(fold_key(w) for w in (
    "المذكورة", "المذكور", "نفسها", "نفسه", "ذاتها", "ذاته", "الإرهابي", "الإرهابية", "الأممي",
    "الأممية", "المسلح", "المسلحة", "المتطرف", "المتطرفة", "الجهادي", "الجهادية", "المتشدد", "المتشددة"))
PUNCT_RE = re.compile(r"[\"'«»“”‘’()\[\]{}.,،؛:;!?؟\-–—/]+")


def normal_key(text: str) -> str:
    """Folded form of a mention for comparison: quotes and punctuation gone, spaces single.

    A mention of punctuation alone (a tagger's slip) keeps its folded text, so that every key
    has a word.
    """
    return " ".join(PUNCT_RE.sub(" ", fold_key(text)).split()) or "".join(fold_key(text).split()) or "_"


def restore_article(key: str, known: set[str], tables: Tables) -> str:
    """Put back the alef that ل + ال elides (للتحالف): لتحالف الدولي -> التحالف الدولي.

    No span of the text holds the bare name after لل, so the mention keeps ``لتحالف``; its key
    gets the article back when the result is a known form (lexicon, another mention, a head noun,
    a place). لبنان and لندن stay as they are.
    """
    first = key.split(" ", 1)[0]
    if not first.startswith("ل") or first.startswith("ال") or len(first) < 4:
        return key
    candidate = "ا" + key
    if (candidate in tables.by_form or candidate in known or candidate in tables.places
            or first[1:] in tables.heads):
        return candidate
    return key


def bare(word: str) -> str:
    """A folded word without the article: الكاظمي -> كاظمي (short words stay whole)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded form: long vowels and a final ه/ا dropped."""
    words = [bare(w).rstrip("ها") for w in key.split()]
    return " ".join(w[:1] + w[1:].translate(LONG_VOWELS) for w in words)


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when the words of ``short`` occur in ``long`` in the same order."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


@dataclass(slots=True)
class Cluster:
    """Mentions that name one referent, with what the resolver knows about it."""

    members: list[int]
    first: int  # start offset of the first mention
    forms: dict[str, list[str]] = field(default_factory=dict)  # folded key -> bare core words
    entry: LexiconEntry | None = None
    group: str = "org"
    longest: int = 0  # words in the longest form


class Resolver:
    """Clusters the mentions of one article; see the module docstring for the rules."""

    def __init__(self, mentions: list[Mention], tables: Tables) -> None:
        self.mentions = mentions
        self.tables = tables
        self.plain = [normal_key(m.text) for m in mentions]
        # the last word of a longer name counts too: لرحوي (للرحوي) is الرحوي of المنجي الرحوي
        known = set(self.plain) | {k.rsplit(" ", 1)[1] for k in self.plain if " " in k}
        self.keys = [restore_article(k, known, tables) for k in self.plain]
        self.parent = list(range(len(mentions)))
        # lexicon entry and bare core words (titles and articles off) of each distinct key
        entry_of: dict[str, LexiconEntry | None] = {}
        words_of: dict[tuple[str, bool], list[str]] = {}
        self.entries: list[LexiconEntry | None] = []
        self.words: list[list[str]] = []
        for m, key in zip(mentions, self.keys, strict=True):
            if key not in entry_of:
                entry_of[key] = lookup_key(key)
            self.entries.append(entry_of[key])
            per = m.type == "PER"
            if (key, per) not in words_of:
                words = key.split()
                words_of[(key, per)] = [bare(w) for w in (strip_titles(words) if per else words)]
            self.words.append(words_of[(key, per)])
        self._drop_weak_surnames()
        # the rule that put each mention in its cluster: "lexicon", "form" (same form or
        # spelling), or the partial-form rule that joined it to a fuller name
        self.rules = ["lexicon" if e is not None else "form" for e in self.entries]
        self._governments: list[Cluster] = []  # clusters naming a government with its country

    def _drop_weak_surnames(self) -> None:
        """Forget lexicon matches of a lone surname that the article does not support.

        العامري alone is Hadi al-Amiri only in an article about Iraq; in a Tunisian article it is
        someone else. A one-word person alias counts when the full name is in the article, or when
        the entry's country is (a place or another known actor there), and no other full name in
        the article ends with that word.
        """
        weak = [i for i, (m, e) in enumerate(zip(self.mentions, self.entries, strict=True))
                if e is not None and e.type == "PER" and m.type == "PER" and " " not in self.keys[i]]
        if not weak:
            return
        weak_set = set(weak)
        strong_ids = {e.id for i, e in enumerate(self.entries) if e is not None and i not in weak_set}
        countries = {e.country for i, e in enumerate(self.entries) if e is not None and i not in weak_set}
        countries.update(p.country for p in (self.tables.places.get(k) for k in self.keys) if p is not None)
        for i in weak:
            entry = self.entries[i]
            if entry is None or entry.id in strong_ids:
                continue
            surname = self.words[i][-1]
            rival = any(m.type == "PER" and len(w) > 1 and w[-1] == surname and self.entries[j] is not entry
                        for j, (m, w) in enumerate(zip(self.mentions, self.words, strict=True)))
            if rival or (entry.country is not None and entry.country not in countries):
                self.entries[i] = None

    def find(self, i: int) -> int:
        """Root mention of the cluster holding mention ``i`` (union-find with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Put the clusters of mentions ``i`` and ``j`` together."""
        a, b = self.find(i), self.find(j)
        if a != b:
            # the earlier mention stays the root, so cluster order follows the text
            if a > b:
                a, b = b, a
            self.parent[b] = a

    def exact_pass(self) -> None:
        """Join mentions with the same form, lexicon entry, gazetteer place or skeleton."""
        by_key: dict[str, int] = {}
        by_entry: dict[str, int] = {}
        by_skeleton: dict[tuple[str, str], int] = {}
        by_place: dict[str, int] = {}
        by_compact: dict[tuple[str, str], int] = {}
        for i, key in enumerate(self.keys):
            if key in by_key:
                self.union(by_key[key], i)
            else:
                by_key[key] = i
            entry = self.entries[i]
            if entry is not None:
                if entry.id in by_entry:
                    self.union(by_entry[entry.id], i)
                else:
                    by_entry[entry.id] = i
            group = TYPE_GROUP.get(self.mentions[i].type, "org")
            place = self.tables.places.get(key) if group == "place" else None
            if place is not None:
                # one gazetteer row: اسرائيل / الكيان الصهيوني, سوريا / سورية
                if place.id in by_place:
                    self.union(by_place[place.id], i)
                else:
                    by_place[place.id] = i
            # not for people: محمد / محمود and حسن / حسين differ only in long vowels
            sk = skeleton(key) if group != "per" else ""
            if len(sk.replace(" ", "")) >= MIN_SKELETON:
                if (group, sk) in by_skeleton:
                    j = by_skeleton[(group, sk)]
                    if not self._entries_differ(self.entries[i], self.entries[j]):
                        self.union(j, i)
                else:
                    by_skeleton[(group, sk)] = i
            # one name with and without a space, an inner article or a و before one: بوزلفة / بو
            # زلفة, خليفي / الخليفي, السمعي البصري / السمعي والبصري
            compact = "".join(bare(w[1:] if w.startswith("وال") and len(w) > 4 else w) for w in key.split())
            if len(compact) >= MIN_COMPACT:
                if (group, compact) in by_compact:
                    j = by_compact[(group, compact)]
                    if not self._entries_differ(self.entries[i], self.entries[j]) and self.find(i) != self.find(j):
                        self.union(j, i)
                        self.rules[i] = "spacing"
                else:
                    by_compact[(group, compact)] = i

    def apposition_pass(self, text: str) -> None:
        """Join a short form written right after a full name to it: منظمة الأمم المتحدة للطفولة
        اليونيسيف، الهيئة العليا المستقلة للاتصال السمعي البصري (الهايكا)، خليل الوزير "أبو جهاد".

        The short form has no more words than the name (fewer when bare), the same type group, and
        no lexicon entry that differs from the name's; without marks around it, it is a single word
        that is no head noun and no known actor (دعت حركة النهضة الحكومة: the object). A short form
        already seen before the name is a name of its own, not this one's apposition.
        """
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        first_seen: dict[str, int] = {}
        for i in order:
            first_seen.setdefault(self.keys[i], self.mentions[i].start)
        starts = [self.mentions[i].start for i in order]
        for a in order:
            full = self.mentions[a]
            # the next mention after the name, not a place nested in it
            k = bisect_left(starts, full.end)
            if k == len(order):
                continue
            b = order[k]
            short = self.mentions[b]
            group = TYPE_GROUP.get(full.type, "org")
            if group != TYPE_GROUP.get(short.type, "org") or group == "place":
                continue
            gap = APPOSITION_GAP_RE.fullmatch(text, full.end, short.start)
            if gap is None or self.keys[b] == self.keys[a]:
                continue
            n_short, n_full = len(self.keys[b].split()), len(self.keys[a].split())
            marked = gap.group(0).strip() != ""
            # a marked short form may have as many words as the name (خليل الوزير "أبو جهاد")
            if n_short > n_full or (n_short == n_full and not marked) or n_short > APPOSITION_MAX_WORDS:
                continue
            opened = gap.group("open")
            if opened is not None:
                if not text.startswith(CLOSING[opened], short.end):
                    continue
            elif not marked and (
                    n_short > 1 or bare(self.keys[b]) in self.tables.heads or self.entries[b] is not None):
                continue  # دعت حركة النهضة الحكومة: a bare head or a known actor is the object
            if (first_seen[self.keys[b]] < full.start or self.find(a) == self.find(b)
                    or self._entries_differ(self.entries[a], self.entries[b])):
                continue
            self.union(a, b)
            self.rules[b] = "apposition"

    @staticmethod
    def _entries_differ(a: LexiconEntry | None, b: LexiconEntry | None) -> bool:
        return a is not None and b is not None and a.id != b.id

    def clusters(self) -> list[Cluster]:
        """The current clusters, in order of their first mention."""
        out: dict[int, Cluster] = {}
        for i, m in enumerate(self.mentions):
            root = self.find(i)
            c = out.get(root)
            if c is None:
                c = out[root] = Cluster(members=[], first=m.start,
                                        group=TYPE_GROUP.get(m.type, "org"))
            c.members.append(i)
            c.first = min(c.first, m.start)
            c.forms.setdefault(self.keys[i], self.words[i])
            if c.entry is None and self.entries[i] is not None:
                c.entry = self.entries[i]
        for c in out.values():
            if len(c.members) > 1:
                # the most frequent type; between types as frequent, the one met first (members
                # are in text order), never the order of a set, which varies with the hash seed
                types = Counter(self.mentions[i].type for i in c.members)
                c.group = TYPE_GROUP.get(types.most_common(1)[0][0], "org")
            c.longest = max(len(w) for w in c.forms.values())
        return sorted(out.values(), key=lambda c: c.first)

    def partial_pass(self, clusters: list[Cluster]) -> bool:
        """Join each cluster made of partial forms to the cluster of a fuller form.

        Returns whether any cluster was joined (the clusters must then be rebuilt).
        """
        joined = False
        self._governments = [
            d for d in clusters if d.group == "org" and self._country_of_forms(d)
            and any(bare(k.split(" ", 1)[0]) in GOVERNMENT_BODIES for k in d.forms)]
        # Every rule but "government" joins clusters that share a word; the index keeps the
        # search linear in the common case of an article with many unrelated names.
        index: dict[str, list[Cluster]] = {}
        for d in clusters:
            words = {w for form in d.forms.values() for w in form}
            if d.entry is not None:
                words.update(bare(fold_key(a).split(" ", 1)[0]) for a in d.entry.aliases if " " in a)
            for w in words:
                index.setdefault(w, []).append(d)
        for c in clusters:
            related = {id(d): d for form in c.forms.values() for w in form for d in index.get(w, ())}
            target, rule = self._fuller(c, list(related.values()))
            if target is not None:
                self.union(target.members[0], c.members[0])
                for i in c.members:
                    self.rules[i] = rule
                joined = True
        return joined

    def _fuller(self, c: Cluster, clusters: list[Cluster]) -> tuple[Cluster | None, str]:
        """The cluster ``c`` is a partial form of, and the rule that says so (or None, "")."""
        # Most rules need a fuller form; a government's name may be shorter than the form that
        # names it by its head (الحكومة العراقية / حكومة مصطفى الكاظمي), and a bare head may
        # point to a one-word name through the lexicon (التنظيم -> داعش, alias تنظيم الدولة).
        longer = [d for d in clusters if d.longest > c.longest]
        for rule, test, pool in (("surname", self._surname, longer),
                                 ("government", self._government, self._governments),
                                 ("shortened", self._shortened, longer), ("head", self._head, clusters),
                                 ("tail", self._tail, longer), ("described", self._described, clusters)):
            if not pool or (rule == "surname") != (c.group == "per"):
                continue
            candidates = [d for d in pool if d is not c and not self._entries_differ(c.entry, d.entry)
                          and test(c, d)]
            if candidates:
                before = [d for d in candidates if d.first < c.first]
                if before:
                    return max(before, key=lambda d: d.first), rule
                return min(candidates, key=lambda d: d.first), rule
        return None, ""

    def _surname(self, c: Cluster, d: Cluster) -> bool:
        """A person's partial name -> the full name: الكاظمي, or عمر البشير -> عمر حسن البشير."""
        if c.group != "per" or d.group != "per" or c.longest >= d.longest:
            return False
        for short in c.forms.values():
            for long in d.forms.values():
                if len(short) < len(long) and (long[-len(short):] == short or (
                        len(short) > 1 and is_subsequence(short, long) and short[0] == long[0])):
                    return True
                if len(short) == 1 and short[0] == long[0] and len(long) == 2 and len(c.forms) == 1:
                    return True  # a first name alone (ميلانيا) after the full name
        return False

    def _government(self, c: Cluster, d: Cluster) -> bool:
        """حكومة + a person's name -> the government cluster (d) of that person's country."""
        if c.group != "org":
            return False
        person_forms = [words[1:] for key, words in c.forms.items()
                        if len(words) > 1 and key.split(" ", 1)[0] in GOVERNMENT_HEADS]
        if not person_forms:
            return False
        person_country = self.country_of_person(person_forms)
        if person_country is not None:
            return person_country == self._country_of_forms(d)
        # an unknown person's government: the article's only government with a country
        return len(self._governments) == 1

    def country_of_person(self, person_forms: list[list[str]]) -> str | None:
        """The lexicon country of the person these bare name words name (كاظمي -> IQ), if known."""
        for words in person_forms:
            # the words are bare; the lexicon writes the surname with its article (الكاظمي)
            definite = [*words[:-1], "ال" + words[-1]]
            entry = lookup_key(" ".join(words)) or lookup_key(" ".join(definite))
            if entry is not None and entry.country:
                return entry.country
        for m, key in zip(self.mentions, self.keys, strict=True):
            if m.type != "PER":
                continue
            words = [bare(w) for w in strip_titles(key.split())]
            if any(words[-len(p):] == p for p in person_forms if p):
                entry = lookup_key(key)
                if entry is not None and entry.country:
                    return entry.country
        return None

    def _country_of_forms(self, c: Cluster) -> str | None:
        """The cluster's country: its lexicon entry's, else an adjective or country in a form."""
        if c.entry is not None and c.entry.country:
            return c.entry.country
        for key in c.forms:
            country = country_in(key, self.tables)
            if country:
                return country
        return None

    def _shortened(self, c: Cluster, d: Cluster) -> bool:
        """Part of a name that starts with the same word: حكومة الوفاق -> حكومة الوفاق الوطني."""
        if c.group == "per" or c.group != d.group or c.longest >= d.longest:
            return False
        adjectives = self.tables.adjectives
        for short in c.forms.values():
            for long in d.forms.values():
                if len(short) >= len(long) or short[0] != long[0]:
                    continue
                if len(short) >= 2 and is_subsequence(short, long):
                    return True
                # one word plus adjectives only: الجولان -> الجولان السوري
                if len(short) == 1 and long[:1] == short and all(
                        w in adjectives or "ال" + w in adjectives for w in long[1:]):
                    return True
        return False

    def _head(self, c: Cluster, d: Cluster) -> bool:
        """A definite head noun alone (الحكومة، الجبهة) -> a fuller name with that head."""
        if c.group == "per" or d.group == "per" or len(c.forms) != 1:
            return False
        key = next(iter(c.forms))
        if " " in key or not key.startswith("ال") or bare(key) not in self.tables.heads:
            return False
        head = bare(key)
        if any(len(w) > 1 and w[0] == head for w in d.forms.values()):
            return True
        aliases = (d.entry.name, *d.entry.aliases) if d.entry is not None else ()
        return any(" " in a and bare(fold_key(a).split()[0]) == head for a in aliases)

    def _described(self, c: Cluster, d: Cluster) -> bool:
        """An organisation taken up by its definite head, alone or with words that name no one
        (الصحيفة البريطانية -> صحيفة الغارديان, التنظيم الإرهابي -> تنظيم داعش, المرصد -> المرصد السوري
        لحقوق الإنسان): ``d`` has a name of more words under the same head.

        Not a form the lexicon knows as an actor of its own (الجيش العراقي), not a plural head
        (القوات العراقية is not قوات الحشد), not when a country adjective names another country than
        ``d``'s, and a facility by its bare head only (الملعب البلدي is another stadium than ملعب
        سيدي بوعلي, المنجم is the mine named before).
        """
        if c.group != "org" or d.group != "org" or c.entry is not None or len(c.forms) != 1:
            return False
        key = next(iter(c.forms))
        words = key.split()
        if not words[0].startswith("ال") or bare(words[0]) in PLURAL_BODIES:
            return False
        if len(words) > 1 and any(self.mentions[i].type != "ORG" for i in c.members):
            return False
        head = bare(words[0])
        if not all(self._describes(w) for w in words[1:]):
            return False
        named = [w for w in d.forms.values() if len(w) >= max(2, len(words)) and w[0] == head
                 and not all(self._describes(x) for x in w[1:])]
        if not named:
            return False
        country = country_in(key, self.tables)
        other = self._country_of_forms(d)
        return country is None or other is None or country == other

    def _describes(self, word: str) -> bool:
        """Whether a folded word describes a body without naming it: a country adjective (البريطانية)
        or a word of :data:`DESCRIPTIVE_WORDS` (الإرهابي، الأممية، المذكورة)."""
        return word in self.tables.adjectives or word in DESCRIPTIVE_WORDS

    def _tail(self, c: Cluster, d: Cluster) -> bool:
        """The name without its head: عين الأسد -> قاعدة عين الأسد، الأنبار -> محافظة الأنبار.

        Words of the fuller name that the short form leaves out, besides the head, may only be
        places or adjectives (أورلي -> مطار باريس أورلي، عين الأسد -> قاعدة عين الأسد الجوية).
        An organisation head joins only a group's name (القاعدة -> تنظيم القاعدة).
        """
        if c.group == "per" or d.group == "per":
            return False
        t = self.tables
        for key in c.forms:
            words = key.split()
            n = len(words)
            for dkey in d.forms:
                dwords = dkey.split()
                head = t.heads.get(bare(dwords[0]))
                if head is None or len(dwords) <= n:
                    continue
                rest = dwords[1:]
                at = next((i for i in range(len(rest) - n + 1) if rest[i:i + n] == words), -1)
                if at < 0:
                    continue
                left = rest[:at] + rest[at + n:]
                if any(w not in t.places and w not in t.adjectives and w not in GENERIC_ADJECTIVES
                       for w in left):
                    continue
                if head.kind == "admin":
                    return True
                if head.kind == "org":
                    # only a group's own name: القاعدة -> تنظيم القاعدة, النهضة -> حركة النهضة;
                    # not a body of another (الحكومة is not رئاسة الحكومة, nor قوات الحكومة)
                    if c.group != "org" or d.group != "org":
                        continue
                    if c.entry is not None and d.entry is None and head.category != "state":
                        # a known name under a generic head (شركة الخطوط التونسية); a state head
                        # makes another body (قوات الحكومة السورية is not the government)
                        return True
                    if (head.category in NAMING_CATEGORIES
                            and getattr(t.heads.get(bare(words[0])), "kind", "") != "org"):
                        return True
                    continue
                # a facility or an outlet named after a town is not the town (ميناء الحديدة,
                # إذاعة تطاوين)
                place = t.places.get(key)
                is_town = place is not None and place.kind in ("city", "admin1", "country", "region")
                if not (is_town and c.group == "place"):
                    return True
        return False


def country_in(key: str, tables: Tables) -> str | None:
    """The country a folded form names by an adjective or a country name (القوات العراقية -> IQ)."""
    words = key.split()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            iso2 = tables.adjectives.get(part) or (tables.country_names.get(part) if i > 0 else None)
            if iso2:
                return iso2
    return None
