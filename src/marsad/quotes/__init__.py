"""Stage ``quotes``: every attributed statement, with speaker, role, cue, content and outlet.

See :func:`attribute_quotes`. The finders run sentence by sentence on the folded text, in the order:
reporting verbs (:mod:`marsad.quotes.cues`: قال إن، أكد أن، مؤكداً ...), then attribution phrases
and headline or pull-quote colons (:mod:`marsad.quotes.attributions`: وفقاً لـ، بحسب، نقلاً عن،
وفق ما جاء في بلاغ لـ، سعد السعدي: ...). Which rule found a quote is kept on its draft (``rule``)
for debugging; the contract has no field for it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from marsad.config import QuotesConfig
from marsad.document import ActorRef, Document, Quote, Span
from marsad.quotes.attributions import attribution_quotes, colon_quotes
from marsad.quotes.context import Context, Draft, Speaker, definite_reading
from marsad.quotes.cues import cue_quotes
from marsad.quotes.lexicon import Lexicon, lexicon, strip_article
from marsad.quotes.phrases import RELATIVES, SpeakerPhrase, bare_readings, head_key, nisba_like, tokenize
from marsad.text.arabic import DELETED_RE
from marsad.text.normalize import FoldedText, fold, fold_key
from marsad.text.segment import sentence_spans

__all__ = ["attribute_quotes"]

# Quotations: guillemets and curly quotes by kind, never across a line, in one regex pass instead
# of a Python loop. A straight mark opens where a letter or an ellipsis follows it (or a space, when
# a space also stands before it: في " معجون"), and closes where no letter follows it but a
# proclitic ("الفوري"و"اللامشروط"، "أنصار الشريعة"وقتل). In «وتابع "أردنا ... قائلا: "ليس لنا
# مصلحة". وأبرز أن ...» the mark before the full stop closes, where pairing the marks in order would
# hide the next sentences inside a quotation; a mark glued to the word before it still opens
# (وتابع الجروشي"… نص"). The look-behind comes after the mark so that the regex still scans for the
# mark as a literal.
_QUOTATION_RE = re.compile(
    r'«[^»\n]*»|“[^”\n]*”|„[^“\n]*“|'
    r'"(?:(?=[^\s.,،:;؛!?)"])|(?<!\w")(?=[ \t]))[^"\n]*"(?:(?!\w)|(?=[وبلفك]))')

# A colon after a word and before a word that is not a number (10:30 is a time, not a headline).
_COLON_RE = re.compile(r"\w\s?:\s*[\"«“]?(?!\d)\w")
# How far after a "that" verb a complementiser is looked for before the sentence is tokenised: the
# longest speaker phrase of the dev articles (role, apposition, name, outlet) spans 160 characters.
OPENER_WINDOW = 250
_QUOTE_CHARS = re.compile(r"[\"«»“”„]")
_SPACES = re.compile(r"\s+")
# A pull-quote repeats a statement of the body: it is dropped when this share of its words also
# stands in a statement of the same speaker (the seed article's "سعد السعدي:" line shares 6 of 7).
PULL_QUOTE_OVERLAP = 0.6
# Documents that speak for the body that issued them (heads.tsv kind "document").
DOCUMENT_NOUNS = frozenset(w for w, kinds in lexicon().heads.items() if "document" in kinds)
# Verbs of issuing that stand between a document and its issuer (تقرير نشرته مجلة شبيغل).
ISSUING_VERBS = frozenset(fold_key(w) for w in (
    "أصدره", "أصدرته", "أصدرها", "أصدرتها", "نشره", "نشرته", "نشرها", "نشرتها", "أعده", "أعدته", "أعدها",
    "أعدتها", "أجراه", "أجرته", "أجراها", "أجرتها", "صادر", "صادرة", "الصادر", "الصادرة", "نشر", "نشرت",
    "المنشور", "المنشورة"))
# Verbs whose subject issues the document that is their object (أصدرت الهيئة تقريرا).
ISSUING_PAST = frozenset(fold_key(w) for w in ("أصدر", "أصدرت", "نشر", "نشرت", "أعد", "أعدت", "وزع", "وزعت"))
# How far after a document noun its issuer is looked for, and how many words an unlinked issuer keeps.
ISSUER_WINDOW = 120
ISSUER_WORDS = 6
# How many words after a bare head an earlier full name of an institution may run.
FULLER_WORDS = 6
_WORD_RE = re.compile(r"\w+")
# Where the phrase after a document stops: a complementiser, a quotation, a colon or a sentence end.
_ISSUER_STOP_RE = re.compile(r"[.:\"«“”»\n]|(?<!\w)(?:ان|بان|انه|انها)(?!\w)")
_ISSUER_BREAK_WORDS = frozenset(fold_key(w) for w in (
    "في", "اليوم", "أمس", "يوم", "على", "إلى", "الذي", "التي", "حول", "بشأن", "بخصوص", "مساء", "صباح", "و"))
# A name in quotation marks right after a speaker phrase (القناة الخاصة "نسمة"), of at most this many words.
_QUOTED_NAME_RE = re.compile(r"\s*[\"«“]([^\"«»“”\n]{2,40})[\"»”]")
QUOTED_NAME_WORDS = 3
# A short name in parentheses right after a name (الهيئة العليا ... (الهايكا)), and how many words
# before it the full name may run.
_PAREN_ALIAS_RE = re.compile(r"\(([^()\n]{2,40})\)|[\"«“]([^\"«»“”\n]{2,30})[\"»”]")
ABBREVIATION_WORDS = 10
ABBREVIATED_MIN_WORDS = 3
# How far after a person's name an apposition may give their role (فلان، وهو سائق حافلة بشركة ...).
ROLE_LOOKAHEAD = 80
# Common nouns for people (heads.tsv kinds anon and anaphor) that refer back only to an unnamed speaker.
PERSON_NOUNS = frozenset(fold_key(w) for w in ("رجل", "امرأة", "مرأة", "فتاة", "فتى", "شاب", "شابة", "سيدة",
                                                "مواطن", "مواطنة"))
# A role with the article names a person met before when this share of its words stands in their
# role (القيادي في حزب نداء تونس: 4 of 5 words in "والقيادي في نداء تونس"); set on the ANT review.
ROLE_OVERLAP = 0.6


def _clean(s: str) -> str:
    return _SPACES.sub(" ", _QUOTE_CHARS.sub("", s)).strip(" ،,:")


class _Builder:
    """Turns speaker phrases into speakers, linking names to actors and resolving anaphora."""

    def __init__(self, doc: Document, folded: FoldedText, heads: frozenset[str]) -> None:
        self.doc = doc
        self.folded = folded
        self.heads = heads
        self.mentions: list[tuple[int, int, str, str | None]] = []
        for m in doc.entities:
            s, e = folded.to_folded(m.start), folded.to_folded(m.end)
            self.mentions.append((s, e, m.type, m.actor_id))
        self.mention_end_at = {s: e for s, e, t, _ in self.mentions if t in ("ORG", "PER")}
        self.mention_starts = frozenset(self.mention_end_at)
        self.expansions = self._abbreviations()

    def _abbreviations(self) -> dict[str, str]:
        """Short names the article defines in parentheses or quotes, folded, mapped to the full name before them.

        الهيئة العليا المستقلة للاتصال السمعي والبصري (الهايكا)، صندوق الأمم المتحدة للطفولة
        (اليونيسف): the full name runs back from the parenthesis to the head word of a body, or to
        the start of an entity mention, at most ABBREVIATION_WORDS words before it.
        """
        text = self.folded.text
        out: dict[str, str] = {}
        lex = lexicon()
        for m in _PAREN_ALIAS_RE.finditer(text):
            alias = _clean(m.group(1) or m.group(2))
            if not alias or len(alias.split()) > 2:
                continue
            before = list(_WORD_RE.finditer(text, max(0, m.start() - 200), m.start()))[-ABBREVIATION_WORDS:]
            if text[before[-1].end():m.start()].strip() if before else True:
                continue  # the parenthesis must follow the name directly
            start = None
            # (not past a relative or a verb: البيان الختامي للقمة الذي جاء بعنوان "إعلان الرياض" is a
            # title, not an abbreviation)
            cut = max((k for k, w in enumerate(before) if w.group() in RELATIVES or w.group() in lex.cues),
                      default=-1)
            before = before[cut + 1:]
            for w in before:
                bare = _bare(w.group())
                if w.start() in self.mention_starts or "body" in lex.heads.get(bare, frozenset()):
                    start = w.start()
                    break
            # (a long name only: تنظيم "داعش" names the group by its own name, not an abbreviation;
            # and a name, not a description: القناة التلفزية الخاصة "نسمة")
            if start is None:
                continue
            long_words = text[start:before[-1].end()].split()
            if len(long_words) < ABBREVIATED_MIN_WORDS or all(
                    _adjective(w) for w in long_words[1:]):
                continue
            name = _clean(self.source((start, before[-1].end())))
            if text.startswith("لل", start):
                name = "ال" + name[2:] if name.startswith("لل") else name
            out.setdefault(fold_key(strip_article(alias)), name)
        return out

    def source(self, span: tuple[int, int]) -> str:
        s = self.folded.to_source(*span)
        return self.doc.text[s.start:s.end]

    def outlet(self, span: tuple[int, int]) -> str:
        """The outlet's name; للجوهرة gives الجوهرة (the article's alef is elided after ل)."""
        name = _clean(self.source(span))
        if span[0] >= 2 and self.folded.text[span[0] - 2:span[0]] == "لل":
            name = "ال" + name
        return name

    def _actor(self, span: tuple[int, int], types: tuple[str, ...]) -> tuple[str | None, str | None]:
        for s, e, etype, actor_id in self.mentions:
            if etype in types and s < span[1] and e > span[0] and actor_id:
                actor = self.doc.actor(actor_id)
                if actor is not None:
                    return actor_id, actor.name
        return None, None

    def _unprefixed(self, span: tuple[int, int]) -> tuple[int, int]:
        """The span without the preposition ل of an attribution or of "في تصريح لـ" (لمسؤول -> مسؤول)."""
        start = span[0]
        first_word = self.folded.text[start:span[1]].split(" ", 1)[0]
        if first_word.startswith("لل") and len(first_word) > 4:
            start += 2
        elif first_word[:1] in "لب" and len(first_word) > 3 and strip_article(first_word[1:]) in self.heads:
            start += 1  # لمسؤول، لنائب، بالمندوبة: but not لطفي، ليلى، لسعد, names that begin with ل
        return start, span[1]

    def _not_a_person(self, phrase: SpeakerPhrase) -> bool:
        """True when a name guessed from shape after a role is an organisation or a place.

        القيادي في حزب نداء تونس، معتمد شط مريم: the entities stage knows the words as an ORG or
        a GPE, so the phrase describes a person by their role and names nobody.
        """
        if phrase.certain or phrase.name is None or phrase.role is None:
            return False
        s, e = phrase.name
        text = self.folded.text
        # (a mention that starts inside a word, بو|جبل, read a proclitic off a name: it says nothing)
        overlaps = [t for ms, me, t, _ in self.mentions
                    if ms < e and me > s and (ms == 0 or not text[ms - 1].isalpha())]
        return bool(overlaps) and "PER" not in overlaps

    def speaker(self, phrase: SpeakerPhrase, history: list[Speaker]) -> Speaker:
        """The speaker a phrase names: a person (linked to an actor), an anonymous source, an institution,
        or, for an anaphor (الصحيفة، ذات البلاغ) or a repeated role (وزير العدل), one met before.

        A document (بيان صادر عن الوزارة، التقرير، إحصائية أعدها المركز) speaks for the body that
        issued it, and an institution named by its bare head (المجمع، الكتلة) by its fullest name.
        """
        found = self._speaker(phrase, history)
        named = self._quoted_name(found)
        if named is not None:
            return named
        full = self.expansions.get(fold_key(strip_article(_clean(self.folded.text[found.span[0]:found.span[1]]))))
        if full is None and found.name:
            full = self.expansions.get(fold_key(strip_article(found.name)))
        if full is not None:
            return replace(found, name=full)
        if found.surname:
            return found
        if found.actor_id is None:
            issuer = self._issuer(found.span, history)
            if issuer is not None:
                return issuer
        # (also when the entities stage made the bare head an actor of its own: الكتلة)
        if found.actor_id is None or (found.name.startswith("ال") and len(found.name.split()) <= 2):
            fuller = self._fuller(found.span)
            if fuller is not None:
                return replace(found, name=fuller)
        return found

    def _apposition(self, end: int) -> list[str]:
        """The words of an apposition set off by a comma right after a name (، وهو سائق حافلة بشركة ...،)."""
        text = self.folded.text
        rest = text[end:end + ROLE_LOOKAHEAD].lstrip()
        if not rest.startswith(("،", ",")):
            return []
        words: list[str] = []
        for w in rest[1:].split():
            if w in lexicon().comps or lexicon().cue_re.fullmatch(w):
                break
            words.append(w.rstrip("،,."))
            if w[-1:] in "،,.":
                break  # the comma or full stop that closes the apposition
        return [w for w in words if w]

    def _quoted_name(self, found: Speaker) -> Speaker | None:
        """An institution described, then named in quotation marks: its head with the name.

        القناة التلفزية الخاصة "نسمة" -> قناة نسمة، موقع "سكاي نيوز" -> موقع سكاي نيوز: the
        description only says what kind of body the quoted name is.
        """
        text = self.folded.text
        if found.surname or found.anonymous or found.key != _clean(text[found.span[0]:found.span[1]]):
            return None  # (a speaker met before keeps the name it had: وأوضحت الصحيفة "...")
        m = _QUOTED_NAME_RE.match(text, found.span[1])
        words = text[found.span[0]:found.span[1]].split()
        if m is None or not words or len(m.group(1).split()) > QUOTED_NAME_WORDS:
            return None
        head = _bare(words[0])
        kinds = lexicon().heads.get(head, frozenset())
        if not kinds & {"body", "media"} or not all(_adjective(w) for w in words[1:]):
            return None
        head_source = _clean(self.source((found.span[0], found.span[0] + len(words[0]))))
        head_source = strip_article(head_source[1:] if head_source[:1] in "وفبل" and
                                    head_source[1:3] == "ال" else head_source)
        name = _clean(self.source(m.span(1)))
        return replace(found, name=f"{head_source} {name}")

    def _issuer(self, span: tuple[int, int], history: list[Speaker]) -> Speaker | None:
        """The body that issued the document a speaker phrase names, or None when it names no document.

        Read inside the phrase and just after it (بيان صادر عن رئاسة الجمهورية، بيان للحرس الثوري،
        تقرير نشرته مجلة شبيغل، بيان المنظمة الأممية), else, for a document met before (التقرير،
        البيان), from the clause that introduced it (أصدرت هيئة شؤون الأسرى تقريرا).
        """
        text = self.folded.text
        m = _WORD_RE.match(text, span[0])
        if m is None or _bare(m.group()) not in DOCUMENT_NOUNS:
            return None
        window_end = min(len(text), m.end() + ISSUER_WINDOW)
        stop = _ISSUER_STOP_RE.search(text, m.end(), window_end)
        tail_end = stop.start() if stop else window_end
        issuer_start = self._issuer_in(m.end(), tail_end)
        if issuer_start is None and m.group().startswith(("ال", "وال", "فال")):
            issuer_start = self._introducer(m.start())
        if issuer_start is None:
            return None
        s, e = issuer_start
        actor_id, actor_name = self._actor((s, s + 1), ("ORG", "PER"))
        name = actor_name or self.outlet((s, e))  # (للحرس الوطني: the article's alef elided after ل)
        if not name:
            return None
        folded_name = text[s:e]
        head = _bare(folded_name.split()[0]) if folded_name.split() else ""
        for prev in reversed(history):
            if (actor_id is not None and prev.actor_id == actor_id) or (
                    not prev.surname and head and (_refers_to(head, prev) or folded_name == prev.key)):
                return replace(prev, span=span)
        if actor_id is None:
            name = self._fuller((s, e)) or name
        return Speaker(name, span, actor_id, None, False, folded_name)

    def _issuer_in(self, start: int, end: int) -> tuple[int, int] | None:
        """The issuer written after a document noun in [start, end): صادر عن X، لـX، نشرته X، X (genitive)."""
        text = self.folded.text
        words = list(_WORD_RE.finditer(text, start, end))
        for k, w in enumerate(words):
            word = w.group()
            if word in ("عن", "من") and k + 1 < len(words):
                return self._phrase_from(words[k + 1].start(), end)
            if word in ISSUING_VERBS and k + 1 < len(words):
                # (تقرير نشر في مجلة شبيغل: the medium it came out in)
                at = k + 2 if words[k + 1].group() == "في" and k + 2 < len(words) else k + 1
                return self._phrase_from(words[at].start(), end)
            if k == 0 and word.startswith("ل") and len(word) > 3 and not word.startswith("لا"):
                s = w.start() + (2 if word.startswith("لل") else 1)
                return self._phrase_from(s, end)
            if k == 0 and word.startswith("ال") and len(word) > 4 and w.start() in self.mention_starts:
                return self._phrase_from(w.start(), end)
            if k == 0 and word.startswith("ال") and _bare(word) in self.heads and "body" in lexicon().heads.get(
                    _bare(word), frozenset()):
                return self._phrase_from(w.start(), end)
            if k >= 2:
                break
        return None

    def _phrase_from(self, s: int, end: int) -> tuple[int, int] | None:
        """The name that starts at ``s``: a mention whole, else up to ISSUER_WORDS words before ``end``."""
        text = self.folded.text
        words = list(_WORD_RE.finditer(text, s, end))
        if words and words[0].group() in ("عن", "من"):
            words = words[1:]  # بيان صادر عن الوزارة
        if not words:
            return None
        s = words[0].start()
        if s in self.mention_end_at:
            return s, self.mention_end_at[s]
        words = words[:ISSUER_WORDS]
        kept = []
        for w in words:
            if w.group() in _ISSUER_BREAK_WORDS or w.group() in lexicon().time_words or w.group() in lexicon().comps:
                break
            kept.append(w)
        if not kept:
            return None
        return kept[0].start(), kept[-1].end()

    def _introducer(self, pos: int) -> tuple[int, int] | None:
        """The subject of the clause that first named the document whose definite noun stands at ``pos``."""
        text = self.folded.text
        m = _WORD_RE.match(text, pos)
        if m is None:
            return None
        bare = _bare(m.group())
        for earlier in _WORD_RE.finditer(text, 0, pos):
            # (تقريرا: the indefinite accusative ends in alif)
            definite = earlier.group().startswith(("ال", "وال", "فال", "بال"))
            if definite or _bare(earlier.group()) not in (bare, bare + "ا"):
                continue
            found = self._issuer_in(earlier.end(), min(len(text), earlier.end() + ISSUER_WINDOW))
            if found is not None:
                return found
            clause = max(text.rfind(c, 0, earlier.start()) for c in ".\n")
            before = list(_WORD_RE.finditer(text, clause + 1, earlier.start()))
            # أصدرت هيئة شؤون الأسرى تقريرا: the subject of the issuing verb, a mention whole if one opens it
            verb = next((k for k in range(len(before) - 1, -1, -1) if _bare(before[k].group()) in ISSUING_PAST), None)
            if verb is not None and verb + 1 < len(before):
                s = before[verb + 1].start()
                e = max(self.mention_end_at.get(s, 0), before[min(len(before), verb + 1 + ISSUER_WORDS) - 1].end())
                return s, min(e, before[-1].end())
            subjects = [(s, e) for s, e, t, _ in self.mentions if t in ("ORG", "PER") and clause < s < earlier.start()]
            if subjects:
                return subjects[0]
        return None

    def _fuller(self, span: tuple[int, int]) -> str | None:
        """The fullest earlier name of an institution named by its bare head (المجمع، الكتلة، المنظمة).

        The head met before without the article, in construct (مجمع التنسيقيات الجهوية لعمال الحضائر),
        is the same body; the longest such name written before the phrase wins.
        """
        text = self.folded.text
        words = text[span[0]:span[1]].split()
        if not words or len(words) > 2 or not words[0].startswith(("ال", "وال", "فال")):
            return None
        head = _bare(words[0])
        if len(words) == 2 and not _adjective(words[1]):
            return None
        # an organisation the entities stage found earlier under that head (كتلة نداء تونس)
        # (in construct, كتلة نداء تونس: الصحيفة البريطانية is the same bare head with an adjective)
        named = [(e - s, s, e, actor_id) for s, e, t, actor_id in self.mentions if t == "ORG" and e <= span[0]
                 and len(text[s:e].split()) > 1 and not text[s:e].startswith("ال")
                 and _bare(text[s:e].split()[0]) == head]
        if named:
            _, s, e, actor_id = max(named)
            actor = self.doc.actor(actor_id) if actor_id else None
            written = _clean(self.source((s, e)))
            return actor.name if actor is not None and len(actor.name) >= len(written) else written
        # (an unnamed source too: المسؤولون after "مسؤولون أمنيون عراقيون وأكراد")
        if not lexicon().heads.get(head, frozenset()) & {"body", "anon"}:
            return None
        best: tuple[int, int] | None = None
        for m in re.finditer(rf"(?<!\w)[وفبل]?{re.escape(head)}(?= )", text[:span[0]]):
            start = m.start() + (len(m.group()) - len(head))
            before = text[max(0, start - 30):start].split()
            if before and "role" in lexicon().heads.get(_bare(before[-1]), frozenset()):
                continue  # قائد شرطة المدينة: the body names a person's office, not a speaker
            end = self.mention_end_at.get(start)
            if end is None:
                following = list(_WORD_RE.finditer(text, m.end(), min(len(text), m.end() + 120)))
                kept: list[re.Match[str]] = []
                for w in following[:FULLER_WORDS]:
                    gap = text[kept[-1].end() if kept else m.end():w.start()]
                    # (a phrase with ب closes the name: كتلة نداء تونس | بالبرلمان)
                    if w.group() in _ISSUER_BREAK_WORDS or w.group() in lexicon().time_words or gap.strip() or \
                            w.group() in lexicon().comps or (kept and w.group().startswith("ب")) or \
                            lexicon().cue_re.fullmatch(w.group()):
                        break
                    kept.append(w)
                if not kept:
                    continue
                end = kept[-1].end()
            if best is None or end - start > best[1] - best[0]:
                best = (start, end)
        if best is None:
            return None
        _, actor_name = self._actor((best[0], best[0] + 1), ("ORG",))
        name = _clean(self.source(best))
        return actor_name if actor_name and len(actor_name) >= len(name) else name

    def _speaker(self, phrase: SpeakerPhrase, history: list[Speaker]) -> Speaker:
        text = self.folded.text
        span = self._unprefixed((phrase.start, phrase.end))
        folded_phrase = text[span[0]:span[1]]
        if phrase.kind == "name" and phrase.name is not None and not self._not_a_person(phrase):
            folded_name = text[phrase.name[0]:phrase.name[1]]
            words = folded_name.split()
            if len(words) == 1:
                bare = definite_reading(words[0])
                for prev in reversed(history):
                    # وأضاف الحسناوي، وأكد مزالي: one word of a name met before (not its first name)
                    # (لودريان for لو دريان: a surname in two words, written as one)
                    key_words = prev.key.split()
                    if prev.surname and (bare in {definite_reading(w) for w in key_words[1:]} or words[0] in {
                            a + b for a, b in itertools.pairwise(key_words)}):
                        return replace(prev, span=span, anonymous=False)
            actor_id, actor_name = self._actor(phrase.name, ("PER", "ORG"))
            written = _clean(self.source(phrase.name))
            name = actor_name or written
            if actor_name and len(written.split()) > len(actor_name.split()) and \
                    fold_key(actor_name) in fold_key(written):
                name = written  # شكري بن حسن where the entities stage kept بن حسن
            elif actor_name and len(written.split()) > 1 and _surname(written) not in {
                    _surname(w) for w in actor_name.split()}:
                # فؤاد الواد linked to فؤاد بوسلامة through the first name alone: another person
                name, actor_id = written, None
            elif actor_name and 2 <= len(written.split()) < len(actor_name.split()) and \
                    fold_key(written) in fold_key(actor_name) and \
                    strip_article(fold_key(actor_name.split()[-1])) in self.heads:
                name = written  # the entities stage took the title after the name (ليلى العياشي المرشحة)
            role = None
            if phrase.role:
                role_span = self._unprefixed(phrase.role)
                role = _clean(self.source(role_span))
                if role_span[0] == phrase.role[0] + 2:
                    role = "ال" + role  # للعضو في اللجنة -> العضو في اللجنة
            if not role:
                role = None
            for prev in reversed(history):
                # (شيخ روحه after هالة شيخ روحه: the end of a name met before)
                if (prev.actor_id is not None and prev.actor_id == actor_id) or (
                        len(words) > 1 and (prev.name == name or fold_key(prev.name).endswith(" " + fold_key(name)))):
                    return replace(prev, span=span, role=role or prev.role, anonymous=False)
            folded_role = text[phrase.role[0]:phrase.role[1]] if phrase.role else ""
            key = " ".join(filter(None, (folded_name, folded_role)))
            return Speaker(name, span, actor_id, role, False, key, words[-1] if words else "",
                           role_head=head_key(lexicon(), folded_role.split()[0]) if folded_role.strip() else "",
                           phrase_key=_clean(text[phrase.start:phrase.end]))
        if phrase.kind == "anaphor" and history:
            for prev in reversed(history):
                if phrase.head and _refers_to(phrase.head, prev):
                    return replace(prev, span=span)
            # وأضاف المصدر: the speaker of the statement before; but a document or an institution
            # (وأشارت الصحيفة، ويضيف التقرير) named after a statement of a person or of unnamed
            # people (مسؤولون في المدينة ... وقالت الشرطة) is not them
            kinds = lexicon().heads.get(phrase.head, frozenset())
            institution = "body" in kinds and "role" not in kinds
            # a person named by a common noun (الرجل، السيدة) is the last speaker only when that one
            # was unnamed too (مواطنة تقطن بالحي ... وأضافت السيدة)
            person_noun = phrase.head in PERSON_NOUNS and not history[-1].anonymous
            if not phrase.relayed and not person_noun and not (
                    institution and (history[-1].surname or history[-1].anonymous)):
                return replace(history[-1], span=span)
        description = _clean(self.source(span))
        if self.folded.text.startswith("لل", phrase.start) and span[0] == phrase.start + 2:
            description = "ال" + description  # وفقاً للأمم المتحدة: the article's alef is elided after ل
        folded_desc = _clean(folded_phrase)
        for prev in reversed(history):
            if folded_desc and (folded_desc == prev.key or (
                    phrase.kind in ("role", "name") and prev.surname and (
                        folded_desc in prev.key or _same_role(folded_desc, prev.phrase_key)))):
                return replace(prev, span=span)
        # القائد الميداني after "الحاج فلان، القائد بفصائل المقاومة": a role written with the article
        # and only adjectives names the one person met before under that role
        desc_words = folded_desc.split()
        # (definite by the article or by a definite genitive: الوزير، رئيس البلدية)
        if phrase.kind == "role" and desc_words and (desc_words[0].startswith("ال") or (
                len(desc_words) > 1 and desc_words[-1].startswith("ال"))):
            same: dict[str, Speaker] = {}
            for prev in history:
                if not prev.surname:
                    continue
                # (the role may follow the name as an apposition: أيمن بن عائشة، وهو سائق حافلة ...)
                around = {r for w in (*prev.phrase_key.split(), *self._apposition(prev.span[1]))
                          for r in bare_readings(w)}
                if desc_words[0].startswith("ال") and all(nisba_like(w) for w in desc_words[1:]) and (
                        prev.role_head == phrase.head or phrase.head in around):
                    same[prev.name] = prev
                elif len(desc_words) > 1 and all(set(bare_readings(w)) & around for w in desc_words):
                    same[prev.name] = prev
            if len(same) == 1:
                return replace(next(iter(same.values())), span=span)
        # an institution speaks as the actor whose mention opens the phrase (وزارة الداخلية ...), not
        # as one named in its complement (تقرير صادر عن الأمين العام للأمم المتحدة)
        actor_id, actor_name = self._actor((span[0], span[0] + 1), ("ORG", "PER"))
        # إحدى الناشطات في الهلال الأحمر، أحد الأهالي: one unnamed member of a group
        one_of = folded_desc.split(" ", 1)[0] in ("احد", "احدي") and actor_id is None
        return Speaker(actor_name or description, span, actor_id, None, phrase.kind == "anon" or one_of,
                       folded_desc)


def _bare(word: str) -> str:
    """A folded word without its proclitics and article (والبيان -> بيان), as a head word of the lexicon.

    A word that is no head loses only what is surely not its own: the article and a proclitic before
    it (الكتلة، بالكتلة -> كتلة, but كتلة keeps its ك).
    """
    lex = lexicon()
    for reading in bare_readings(word):
        if reading in lex.heads or reading in lex.multi_heads:
            return reading
    if len(word) > 4 and word[0] in "وفبك" and word[1:3] == "ال":
        word = word[1:]
    elif word.startswith("لل") and len(word) > 4:
        word = "ا" + word[1:]
    return strip_article(word)


def _adjective(word: str) -> bool:
    """An adjective after a head (الأممية، التونسية، الخاصة): a nisba or participle with the article."""
    return word.startswith("ال") and nisba_like(word)


def _same_role(desc: str, phrase_key: str) -> bool:
    """True when a role written with the article repeats how a person was introduced (المستشارة).

    Its head must be a word of the phrase that introduced them and most of its words too
    (ROLE_OVERLAP), so that القيادي في حزب نداء تونس finds "شكري بن حسن، كاتب الدولة ...
    والقيادي في نداء تونس".
    """
    words = desc.split()
    if not phrase_key or not words or not words[0].startswith("ال"):
        return False
    role_words = {definite_reading(w) for w in phrase_key.split()}
    readings = [definite_reading(w) for w in words]
    return readings[0] in role_words and sum(r in role_words for r in readings) >= ROLE_OVERLAP * len(words)


def _surname(word_or_name: str) -> str:
    """The folded last word without the article, for comparing surnames (العياري، عياري)."""
    return strip_article(fold_key(word_or_name.split()[-1])) if word_or_name.split() else ""


def _refers_to(head: str, prev: Speaker) -> bool:
    """True when an anaphoric head (الوزير، الصحيفة، الشرطة) can name the speaker ``prev``.

    A person is named by the head of their role (الوزير -> وزير الصناعة فلان), not by a body their
    role mentions (الشرطة is not قائد شرطة كليفلاند, نادي الأسير not المتحدثة باسم نادي الأسير);
    an institution by any word of its name.
    """
    if not prev.surname:
        return any(definite_reading(w) == head for w in prev.key.split())
    return prev.role_head == head


def _finish(drafts: list[Draft], breaks: set[int], text: str) -> list[Draft]:
    """Stop indirect contents at the next cue of their sentence and at attribution phrases."""
    cue_starts = sorted({d.cue[0] for d in drafts} | breaks)
    for d in drafts:
        if d.direct and d.rule != "colon":
            continue
        i = bisect.bisect_right(cue_starts, d.content[0])
        if i < len(cue_starts) and cue_starts[i] < d.content[1]:
            end = cue_starts[i]
            while end > d.content[0] and (text[end - 1].isspace() or text[end - 1] in "،,.و"):
                end -= 1
            if end > d.content[0]:
                d.content = (d.content[0], end)
    kept: list[Draft] = []
    for d in drafts:
        if d.rule == "colon" and d.speaker is not None:
            words = set(text[d.content[0]:d.content[1]].split())
            need = PULL_QUOTE_OVERLAP * len(words)
            if words and any(
                    o is not d and o.speaker is not None and o.speaker.name == d.speaker.name and
                    len(words & set(text[o.content[0]:o.content[1]].split())) >= need
                    for o in drafts):
                continue
        if any(o.content == d.content for o in kept):
            continue  # وأردف قائلاً "...": two verbs, one statement
        # وبحسب تقارير فلسطينية فيرجح أن ...: the verb opens the content of the attribution; وقال
        # ناجون نقلوا إلى إيطاليا إن ...: the verb stands inside the speaker phrase of another
        if any(o is not d and (o.content[0] <= d.cue[0] < o.content[0] + 2 or (
                o.cue[1] <= d.cue[0] < o.content[0] and o.content == d.content)) for o in drafts):
            continue
        kept.append(d)
    kept.sort(key=lambda d: d.content[0])
    return kept


def _source_span(folded: FoldedText, span: tuple[int, int]) -> tuple[int, int]:
    """The article span of a folded span, with the diacritics that follow its last letter (مغلقةٌ)."""
    s = folded.to_source(*span)
    end = s.end
    source = folded.source
    while end < len(source) and DELETED_RE.match(source, end) and not source[end].isspace():
        end += 1
    return s.start, end


def _to_quote(d: Draft, doc: Document, folded: FoldedText) -> Quote:
    text = doc.text
    content = Span(*_source_span(folded, d.content))
    cue = Span(*_source_span(folded, d.cue))
    sp = d.speaker
    speaker_ref = None
    s_start = s_end = None
    s_text = role = None
    anonymous = False
    if sp is not None:
        speaker_ref = ActorRef(name=sp.name, actor_id=sp.actor_id)
        span = Span(*_source_span(folded, sp.span))
        s_start, s_end, s_text = span.start, span.end, text[span.start:span.end]
        role, anonymous = sp.role, sp.anonymous
    return Quote(speaker=speaker_ref, speaker_text=s_text, speaker_role=role, anonymous=anonymous,
                 cue=text[cue.start:cue.end], direct=d.direct, content=text[content.start:content.end],
                 start=content.start, end=content.end, outlet=d.outlet, speaker_start=s_start,
                 speaker_end=s_end, cue_start=cue.start, cue_end=cue.end)


def _hits_by_sentence(matches: list[re.Match[str]], starts: list[int],
                      quotations: list[tuple[int, int]]) -> dict[int, list[re.Match[str]]]:
    out: dict[int, list[re.Match[str]]] = {}
    for m in matches:
        pos = m.start()
        if any(qs < pos < qe for qs, qe in quotations):
            continue  # a verb inside a quotation belongs to the quoted speech
        out.setdefault(bisect.bisect_right(starts, pos) - 1, []).append(m)
    return out


def attribute_quotes(doc: Document, config: QuotesConfig | None = None) -> Document:
    """Fill ``doc.quotes`` with the attributed statements of the article.

    Works with whatever earlier stages left: PER mentions in ``doc.entities`` become the speakers'
    names and their actors the speakers' ``actor_id``; without them, names are read from the text.

    Args:
        doc: a normalised and segmented document (``doc.cache["folded"]``, ``doc.sentences``).
        config: the ``[quotes]`` settings.

    Returns:
        The same document, with ``doc.quotes`` replaced.
    """
    config = config or QuotesConfig()
    folded = doc.cache.get("folded")
    if not isinstance(folded, FoldedText):
        folded = fold(doc.text)
    text = folded.text
    lex: Lexicon = lexicon()
    doc.quotes = []
    cue_matches = list(lex.cue_re.finditer(text))
    attr_matches = list(lex.attribution_re.finditer(text))
    if not (cue_matches or attr_matches or ":" in text):
        return doc
    sentences = doc.sentences or sentence_spans(doc.text)
    if folded.deleted:
        spans = [(folded.to_folded(s.start), folded.to_folded(s.end)) for s in sentences]
    else:  # nothing was deleted by folding: offsets are the same
        spans = [(s.start, s.end) for s in sentences]
    starts = [s for s, _ in spans]
    # on the folded text, which has the same quotation marks at the folded positions
    quotations = [m.span() for m in _QUOTATION_RE.finditer(text)
                  if m.end() - m.start() <= config.max_quote_chars]
    builder = _Builder(doc, folded, frozenset(lex.heads))
    persons = sorted((s, e) for s, e, t, _ in builder.mentions if t == "PER")
    entity_ends = {s: e for s, e, t, _ in builder.mentions if t in ("PER", "ORG")}
    speaker_starts = frozenset(s for s, _, t, _ in builder.mentions if t in ("PER", "ORG", "GPE"))
    ctx = Context(text=text, lex=lex, quotations=dict(quotations), persons=persons,
                  entity_ends=entity_ends, max_quote_chars=config.max_quote_chars,
                  speaker_starts=speaker_starts, mention_ends={s: e for s, e, _, _ in builder.mentions},
                  person_starts=frozenset(s for s, _ in persons),
                  place_starts=frozenset(s for s, _, t, _ in builder.mentions if t in ("GPE", "LOC", "FAC")),
                  make_speaker=builder.speaker, outlet_text=builder.outlet)
    cue_hits = _hits_by_sentence(cue_matches, starts, quotations)
    attr_hits = _hits_by_sentence(attr_matches, starts, quotations)
    for n, (fs, fe) in enumerate(spans):
        cues = cue_hits.get(n, [])
        attrs = attr_hits.get(n, [])
        # a verb that needs a complementiser is only worth tokenising the sentence for when one
        # follows soon (بين is mostly "between"); measured on ANT this halves the sentences read
        cues = [m for m in cues if lex.cues[m.group(2)].frame != "that" or lex.opener_re.search(
            text, m.end(), min(fe, m.end() + OPENER_WINDOW)) or ":" in text[fs:m.start()]]
        has_colon = _COLON_RE.search(text, fs, fe) is not None
        if not (cues or attrs or has_colon):
            continue
        toks = tokenize(text, fs, fe)
        index = {t.start: i for i, t in enumerate(toks)}
        cue_list = [(index[m.start()], len(m.group(1)), m.group(2)) for m in cues if m.start() in index]
        if cue_list:
            cue_quotes(ctx, toks, 0, len(toks), fe, n, cue_list)
        attr_list = []
        for m in attrs:
            p = index.get(m.start())
            if p is None:
                continue
            q = p
            while q < len(toks) and toks[q].end <= m.end():
                q += 1
            attr_list.append((p, q - p))
        if attr_list:
            attribution_quotes(ctx, toks, 0, len(toks), fe, n, attr_list)
        if has_colon:
            colon_quotes(ctx, toks, 0, len(toks), fe, n)
    quotes = (_to_quote(d, doc, folded) for d in _finish(ctx.drafts, ctx.breaks, text))
    # a cue with nothing after it (": وزير قال" at the very end) reports no statement
    doc.quotes = [q for q in quotes if q.content.strip()]
    return doc
