"""Names of speakers across an article: documents that speak for their issuer, abbreviations, fullest names.

:class:`ArticleNames` reads the whole folded article once (its entity mentions, the short names it
defines in parentheses or quotes) and answers, for a speaker phrase, which body issued a document
(بيان صادر عن الوزارة، التقرير، إحصائية أعدها المركز), which full name an abbreviation stands for
(الهايكا), which fuller name a bare head had earlier (المجمع، الكتلة، المسؤولون), and which role an
apposition gave a person (، وهو سائق حافلة ...،). :mod:`marsad.quotes` builds its speakers on it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.document import Document
from marsad.quotes.context import Speaker, definite_reading
from marsad.quotes.lexicon import lexicon, strip_article
from marsad.quotes.phrases import RELATIVES, bare_readings, nisba_like
from marsad.text.normalize import FoldedText, fold_key

__all__ = ["ArticleNames", "bare_head", "clean", "refers_to"]

_QUOTE_CHARS = re.compile(r"[\"«»“”„]")
_SPACES = re.compile(r"\s+")

# Documents that speak for the body that issued them (heads.tsv kind "document").
DOCUMENT_NOUNS = frozenset(w for w, kinds in lexicon().heads.items() if "document" in kinds)
# Verbs of issuing that stand between a document and its issuer (تقرير نشرته مجلة شبيغل).
ISSUING_VERBS = frozenset(fold_key(w) for w in (
    "أصدره", "أصدرته", "أصدرها", "أصدرتها", "نشره", "نشرته", "نشرها", "نشرتها", "أعده", "أعدته", "أعدها",
    "أعدتها", "أجراه", "أجرته", "أجراها", "أجرتها", "صادر", "صادرة", "الصادر", "الصادرة", "نشر", "نشرت",
    "المنشور", "المنشورة", "بثه", "بثته", "بثها", "بثتها"))
# Verbs whose subject issues the document that is their object (أصدرت الهيئة تقريرا).
ISSUING_PAST = frozenset(fold_key(w) for w in ("أصدر", "أصدرت", "نشر", "نشرت", "أعد", "أعدت", "وزع", "وزعت"))
# How far after a document noun its issuer is looked for, and how many words an unlinked issuer keeps.
ISSUER_WINDOW = 120
# Issuing verbs whose subject is a pronoun (بيان أصدرته: the body the sentence is about).
ISSUING_PRONOUN = frozenset(fold_key(w) for w in (
    "أصدره", "أصدرته", "أصدرها", "أصدرتها", "نشره", "نشرته", "نشرها", "نشرتها", "أعده", "أعدته", "أعدها", "أعدتها"))
# "The same" before a document met before (ذات البيان، نفس التقرير).
SAME_WORDS = frozenset(fold_key(w) for w in ("ذات", "نفس", "عين"))
ISSUER_WORDS = 6
# How many words after a bare head an earlier full name of an institution may run.
FULLER_WORDS = 6
_WORD_RE = re.compile(r"\w+")
# Where the phrase after a document stops: a complementiser, a quotation, a colon or a sentence end.
_ISSUER_STOP_RE = re.compile(r"[.:،,\"«“”»\n]|(?<!\w)(?:ان|بان|انه|انها)(?!\w)")
# The mark that closes a quoted issuer's name (تقرير لـ"بي بي سي").
_QUOTE_CLOSE_RE = re.compile(r"[\"»”]")
# "In a document" between a reporting verb and its content (في بيان صادر عن، في بلاغ لـ).
_IN_DOCUMENT_RE = re.compile(r"(?<!\w)في (\w+)")
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


def clean(s: str) -> str:
    """A phrase without quotation marks, runs of spaces and edge commas or colons."""
    return _SPACES.sub(" ", _QUOTE_CHARS.sub("", s)).strip(" ،,:")


class ArticleNames:
    """The names an article gives its speakers, read once per article (see the module docstring)."""

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
            alias = clean(m.group(1) or m.group(2))
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
            # (nor past the end of a sentence: ... (سي آي إيه). وبحسب "السياسة")
            cut = max([cut, *(k for k in range(len(before) - 1)
                              if any(c in text[before[k].end():before[k + 1].start()] for c in ".!?؟\n"))])
            before = before[cut + 1:]
            for w in before:
                bare = bare_head(w.group())
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
            name = clean(self.source((start, before[-1].end())))
            if text.startswith("لل", start):
                name = "ال" + name[2:] if name.startswith("لل") else name
            out.setdefault(fold_key(strip_article(alias)), name)
        return out

    def source(self, span: tuple[int, int]) -> str:
        s = self.folded.to_source(*span)
        return self.doc.text[s.start:s.end]

    def outlet(self, span: tuple[int, int]) -> str:
        """The outlet's name; للجوهرة gives الجوهرة (the article's alef is elided after ل)."""
        name = clean(self.source(span))
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
        if found.surname or found.anonymous or found.key != clean(text[found.span[0]:found.span[1]]):
            return None  # (a speaker met before keeps the name it had: وأوضحت الصحيفة "...")
        m = _QUOTED_NAME_RE.match(text, found.span[1])
        words = text[found.span[0]:found.span[1]].split()
        if m is None or not words or len(m.group(1).split()) > QUOTED_NAME_WORDS:
            return None
        head = bare_head(words[0])
        kinds = lexicon().heads.get(head, frozenset())
        if not kinds & {"body", "media"} or not all(_adjective(w) for w in words[1:]):
            return None
        head_source = clean(self.source((found.span[0], found.span[0] + len(words[0]))))
        head_source = strip_article(head_source[1:] if head_source[:1] in "وفبل" and
                                    head_source[1:3] == "ال" else head_source)
        name = clean(self.source(m.span(1)))
        return replace(found, name=f"{head_source} {name}")

    def _issuer(self, span: tuple[int, int], history: list[Speaker]) -> Speaker | None:
        """The body that issued the document a speaker phrase names, or None when it names no document.

        Read inside the phrase and just after it (بيان صادر عن رئاسة الجمهورية، بيان للحرس الثوري،
        تقرير نشرته مجلة شبيغل، بيان المنظمة الأممية), else, for a document met before (التقرير،
        البيان), from the clause that introduced it (أصدرت هيئة شؤون الأسرى تقريرا).
        """
        text = self.folded.text
        m = _WORD_RE.match(text, span[0])
        if m is not None and m.group() in SAME_WORDS:
            # ذات البيان، نفس التقرير: "the same" document, named before
            m = _WORD_RE.search(text, m.end(), span[1])
        if m is None or bare_head(m.group()) not in DOCUMENT_NOUNS:
            return None
        window_end = min(len(text), m.end() + ISSUER_WINDOW)
        stop = _ISSUER_STOP_RE.search(text, m.end(), window_end)
        tail_end = stop.start() if stop else window_end
        if stop is not None and stop.group() in '"«“' and text[m.end():stop.start()].strip() in ("ل", "لـ"):
            # تقرير لـ"بي بي سي": the issuer's name stands in quotation marks after ل
            close = _QUOTE_CLOSE_RE.search(text, stop.end(), window_end)
            tail_end = close.start() if close else tail_end
        issuer_start = self._issuer_in(m.end(), tail_end)
        if issuer_start is None and m.group().startswith(("ال", "وال", "فال")):
            issuer_start = self._introducer(m.start())
        if issuer_start is None:
            issuer_start = self._clause_issuer(m)
        if issuer_start is None:
            return None
        s, e = issuer_start
        actor_id, actor_name = self._actor((s, s + 1), ("ORG", "PER"))
        name = actor_name or self.outlet((s, e))  # (للحرس الوطني: the article's alef elided after ل)
        if not name:
            return None
        folded_name = text[s:e]
        head = bare_head(folded_name.split()[0]) if folded_name.split() else ""
        for prev in reversed(history):
            if (actor_id is not None and prev.actor_id == actor_id) or (
                    not prev.surname and head and (refers_to(head, prev) or folded_name == prev.key)):
                return replace(prev, span=span)
        if actor_id is None:
            name = self._fuller((s, e)) or name
        return Speaker(name, span, actor_id, None, False, folded_name)

    def issued_by(self, lo: int, hi: int) -> Speaker | None:
        """The body that issued the document a statement was made in, named in folded [lo, hi), or None.

        وأكدت تونس، في بيان صادر عن وزارة الشؤون الخارجية، ...؛ استنكرت تونس، في بيان صادر اليوم عن
        رئاسة الجمهورية، ...: the statement belongs to the body that issued it.
        """
        text = self.folded.text
        for m in _IN_DOCUMENT_RE.finditer(text, lo, hi):
            if bare_head(m.group(1)) not in DOCUMENT_NOUNS:
                continue
            stop = _ISSUER_STOP_RE.search(text, m.end(), hi)
            found = self._issuer_in(m.end(), stop.start() if stop else hi)
            if found is None:
                return None
            s, e = found
            if s not in self.mention_starts and not text.startswith("ال", s):
                return None  # في بيان أصدرته اليوم إستجابة لطلب ...: the subject issued it; no name follows
            actor_id, actor_name = self._actor((s, s + 1), ("ORG", "PER"))
            name = actor_name or self.outlet((s, e))
            return Speaker(name, (s, e), actor_id, None, False, text[s:e]) if name else None
        return None

    def _issuer_in(self, start: int, end: int) -> tuple[int, int] | None:
        """The issuer written after a document noun in [start, end): صادر عن X، لـX، نشرته X، X (genitive)."""
        text = self.folded.text
        # (a time phrase between the document and its issuer does not count as words of the tail:
        # بلاغ صادر اليوم الأربعاء عن وزارة الشؤون الخارجية)
        words = [w for w in _WORD_RE.finditer(text, start, end) if w.group() not in lexicon().time_words]
        for k, w in enumerate(words):
            word = w.group()
            if word in ("عن", "من") and k + 1 < len(words):
                return self._phrase_from(words[k + 1].start(), end)
            if word in ISSUING_VERBS and k + 1 < len(words):
                # (تقرير نشر في مجلة شبيغل: the medium it came out in)
                at = k + 2 if words[k + 1].group() == "في" and k + 2 < len(words) else k + 1
                return self._phrase_from(words[at].start(), end)
            if k == 0 and word in ("ل", "لـ") and k + 1 < len(words):
                return self._phrase_from(words[k + 1].start(), end)  # تقرير لـ"بي بي سي": ل cut off the name
            if k == 0 and word.startswith("ل") and len(word) > 3 and not word.startswith("لا"):
                s = w.start() + (2 if word.startswith("لل") else 1)
                return self._phrase_from(s, end)
            if k == 0 and word.startswith("ال") and len(word) > 4 and w.start() in self.mention_starts:
                return self._phrase_from(w.start(), end)
            if k == 0 and word.startswith("ال") and bare_head(word) in self.heads and "body" in lexicon().heads.get(
                    bare_head(word), frozenset()):
                return self._phrase_from(w.start(), end)
            if k == 0 and (w.start() in self.mention_starts or "body" in lexicon().heads.get(word, frozenset())):
                return self._phrase_from(w.start(), end)  # بيان وزارة الدفاع: the body in construct
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

    def _clause_issuer(self, noun: re.Match[str]) -> tuple[int, int] | None:
        """The subject of the clause around "بيان أصدرته" when the issuing verb's pronoun names no one after it.

        وقررت الاتحادات المحلية للصناعة، وفق بيان أصدرته اليوم، الدخول في إضراب: the pronoun of أصدرته goes
        back to the clause's subject, the first ORG or PER mention of the sentence before the document.
        """
        text = self.folded.text
        verb = _WORD_RE.match(text, noun.end() + 1)
        if verb is None or verb.group() not in ISSUING_VERBS or not verb.group().endswith(("ه", "ها")) or \
                verb.group() in ("صادره", "الصادره", "المنشوره"):
            return None
        clause = max(text.rfind(c, 0, noun.start()) for c in ".\n")
        subjects = [(s, e) for s, e, t, _ in self.mentions if t in ("ORG", "PER") and clause < s < noun.start()]
        return subjects[0] if subjects else None

    def _introducer(self, pos: int) -> tuple[int, int] | None:
        """The subject of the clause that first named the document whose definite noun stands at ``pos``."""
        text = self.folded.text
        m = _WORD_RE.match(text, pos)
        if m is None:
            return None
        bare = bare_head(m.group())
        for earlier in _WORD_RE.finditer(text, 0, pos):
            # (تقريرا: the indefinite accusative ends in alif)
            definite = earlier.group().startswith(("ال", "وال", "فال", "بال"))
            if definite or bare_head(earlier.group()) not in (bare, bare + "ا"):
                continue
            # (never past the end of its sentence: وفق بيان أصدرته اليوم. وأوضح البيان)
            window_end = min(len(text), earlier.end() + ISSUER_WINDOW)
            stop = _ISSUER_STOP_RE.search(text, earlier.end(), window_end)
            found = self._issuer_in(earlier.end(), stop.start() if stop else window_end)
            if found is not None:
                return found
            clause = max(text.rfind(c, 0, earlier.start()) for c in ".\n")
            before = list(_WORD_RE.finditer(text, clause + 1, earlier.start()))
            # أصدرت هيئة شؤون الأسرى تقريرا: the subject of the issuing verb, a mention whole if one opens it
            verb = next((k for k in range(len(before) - 1, -1, -1) if bare_head(before[k].group()) in ISSUING_PAST),
                        None)
            if verb is not None and verb + 1 < len(before):
                s = before[verb + 1].start()
                e = max(self.mention_end_at.get(s, 0), before[min(len(before), verb + 1 + ISSUER_WORDS) - 1].end())
                return s, min(e, before[-1].end())
            subjects = [(s, e) for s, e, t, _ in self.mentions if t in ("ORG", "PER") and clause < s < earlier.start()]
            if subjects:
                return subjects[0]
            following = _WORD_RE.search(text, earlier.end(), min(len(text), earlier.end() + 20))
            if following is not None and following.group() in ISSUING_PRONOUN and len(before) > 1 and \
                    not before[0].group().startswith("ال") and before[1].group().startswith("ال"):
                # قررت الاتحادات المحلية ... وفق بيان أصدرته: "it issued" points to the subject of the
                # verb that opens the sentence
                return self._phrase_from(before[1].start(), earlier.start())
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
        head = bare_head(words[0])
        if len(words) == 2 and not _adjective(words[1]):
            return None
        # an organisation the entities stage found earlier under that head (كتلة نداء تونس)
        # (in construct, كتلة نداء تونس: الصحيفة البريطانية is the same bare head with an adjective)
        named = [(e - s, s, e, actor_id) for s, e, t, actor_id in self.mentions if t == "ORG" and e <= span[0]
                 and len(text[s:e].split()) > 1 and not text[s:e].startswith("ال")
                 and bare_head(text[s:e].split()[0]) == head]
        if named:
            _, s, e, actor_id = max(named)
            actor = self.doc.actor(actor_id) if actor_id else None
            written = clean(self.source((s, e)))
            return actor.name if actor is not None and len(actor.name) >= len(written) else written
        # (an unnamed source too: المسؤولون after "مسؤولون أمنيون عراقيون وأكراد")
        if not lexicon().heads.get(head, frozenset()) & {"body", "anon"}:
            return None
        best: tuple[int, int] | None = None
        for m in re.finditer(rf"(?<!\w)[وفبل]?{re.escape(head)}(?= )", text[:span[0]]):
            start = m.start() + (len(m.group()) - len(head))
            before = text[max(0, start - 30):start].split()
            if before and "role" in lexicon().heads.get(bare_head(before[-1]), frozenset()):
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
        name = clean(self.source(best))
        return actor_name if actor_name and len(actor_name) >= len(name) else name


def bare_head(word: str) -> str:
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


def refers_to(head: str, prev: Speaker) -> bool:
    """True when an anaphoric head (الوزير، الصحيفة، الشرطة) can name the speaker ``prev``.

    A person is named by the head of their role (الوزير -> وزير الصناعة فلان), not by a body their
    role mentions (الشرطة is not قائد شرطة كليفلاند, نادي الأسير not المتحدثة باسم نادي الأسير);
    an institution by any word of its name.
    """
    if not prev.surname:
        return any(definite_reading(w) == head for w in prev.key.split())
    return prev.role_head == head
