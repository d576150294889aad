"""Speakers named by a title, a bare head or a surname, resolved to the article's fullest name.

:func:`resolve_to_fullest` runs after the finders. A speaker written as a title (وأكدت الوزيرة، وقال
الأمين العام الأممي), as the bare head of an institution (وقالت الوزارة، وأضافت المجلة) or as one word
of a name (وقال كيم) names an actor the article introduced earlier, often outside any statement:
"تفطنت وزيرة الشباب والرياضة مجدولين الشارني ..."، "وزارة الأمن الإيرانية"، "مجلة «شبيغل»". The
finders only look back at earlier *speakers*; this pass looks at the entity mentions of the whole
article and takes, of the actors the written form can name, the one mentioned last before the
statement (the usual referent of a definite description in news prose).
"""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.document import Document
from marsad.quotes.context import Draft, Speaker, definite_reading
from marsad.quotes.lexicon import lexicon, strip_article
from marsad.quotes.names import SAME_WORDS, bare_head, clean
from marsad.quotes.phrases import PREPOSITIONS, bare_readings, is_function, nisba_like
from marsad.text.normalize import FoldedText, fold_key

__all__ = ["resolve_to_fullest"]

_WORD_RE = re.compile(r"\w+")
# How many words before a person's mention may give their title (تفطنت وزيرة الشباب والرياضة مجدولين
# الشارني: the head stands three words before the name; "الناطق الرسمي باسم الإدارة العامة للحرس
# الوطني، خليفة الشيباني" seven).
TITLE_WORDS = 8
# How many words of an apposition after a person's mention may give their title (فلان، وزير العدل،).
APPOSITION_WORDS = 6
# What ends the stretch of text a title is read from: a sentence end, a colon, a quotation mark.
_TITLE_STOP = re.compile(r"[.!?؟:\n\"«»“”]")
# The longest written form (in words) read as a bare head with adjectives (الأمين العام الأممي).
MAX_FORM_WORDS = 3
# The longest written title with what it is a title of (الناطق الرسمي باسم الإدارة العامة للحرس الوطني).
MAX_TITLE_WORDS = 8


def resolve_to_fullest(drafts: list[Draft], doc: Document, folded: FoldedText,
                       mentions: list[tuple[int, int, str, str | None]]) -> list[Draft]:
    """The drafts, with speakers written as a title, a bare head or a surname named by their fullest name.

    Args:
        drafts: the quotes found, in folded coordinates.
        doc: the document, for its actors.
        folded: the folded view of the article the spans refer to.
        mentions: the entity mentions as (folded start, folded end, type, actor id).

    Returns:
        The drafts; a speaker that is resolved keeps its span and takes the actor's name and id.
    """
    resolver = _Resolver(doc, folded, mentions)
    out: list[Draft] = []
    for d in drafts:
        sp = d.speaker
        found = None if sp is None else resolver.resolve(sp, out)
        out.append(d if found is None else replace(d, speaker=found))
    return out


class _Resolver:
    def __init__(self, doc: Document, folded: FoldedText, mentions: list[tuple[int, int, str, str | None]]) -> None:
        self.doc = doc
        self.text = folded.text
        self.folded = folded
        linked = [(s, e, t, a) for s, e, t, a in mentions if a is not None and t in ("PER", "ORG")]
        self.mentions = sorted(linked)
        self._titles: dict[int, frozenset[str]] = {}

    def resolve(self, sp: Speaker, earlier: list[Draft]) -> Speaker | None:
        words = clean(self.text[sp.span[0]:sp.span[1]]).split()
        if not words or len(words) > MAX_TITLE_WORDS:
            return None
        head = bare_head(words[0])
        same = head in SAME_WORDS and len(words) > 1
        if same:
            head, words = bare_head(words[1]), words[1:]  # ذات البلاغ، نفس المصدر
        kinds = _kinds(head)
        if same and "anon" in kinds and fold_key(sp.name).split()[0] in SAME_WORDS:
            return self._same_source(sp, head, earlier)
        if sp.anonymous:
            return None
        definite = any(form.startswith("ال") for form in _article_forms(words[0]))
        described = definite and len(words) <= MAX_FORM_WORDS and all(
            nisba_like(w) for w in words[_multi_head_len(head, words):])
        if "document" in kinds and (definite or (sp.actor_id is None and _kinds(
                bare_head(fold_key(sp.name).split()[0])) & {"document"})):
            # (البيان، البلاغ: the body that spoke "in a statement" last, over what the finders guessed)
            return self._issuer(sp, head, earlier)
        if "role" in kinds and not sp.surname and sp.actor_id is None and (
                described or any(form.startswith("ال") for w in words[1:3] for form in _article_forms(w))):
            # (وزير الخارجية، الناطق باسم الجيش الليبي: the title with what it is a title of)
            complement = [] if described else [w for w in words[_multi_head_len(head, words):]
                                                if not is_function(w) and w not in PREPOSITIONS and w != "باسم"]
            return self._title_holder(sp, head, complement, spokesman="باسم" in words[1:2])
        if described and kinds & {"body", "media"} and "role" not in kinds:
            name_words = {definite_reading(w) for w in fold_key(sp.name).split()}
            if sp.actor_id is None or head not in name_words:
                return self._institution(sp, head)
            return None
        name = fold_key(sp.name).split()
        if sp.actor_id is None and len(name) == 1 and bare_head(name[0]) != name[0] and \
                _kinds(bare_head(name[0])) & {"body", "media"}:
            return self._institution(sp, bare_head(name[0]))  # للنقابة: an issuer read with its preposition
        if len(words) == 1 and not kinds and not definite and len(name) == 1:
            return self._full_name(sp, strip_article(fold_key(words[0])))
        return None

    def _same_source(self, sp: Speaker, head: str, earlier: list[Draft]) -> Speaker | None:
        """The source "the same source" refers to (نفس المصدر، ذات المصادر): the last one under that head.

        Of the statements before, the last whose speaker opens with the head (مصدر أمني), else the
        last description under that head in the text before (أفاد مصدر أمني ...): the head and the
        adjectives after it.
        """
        for d in reversed(earlier):
            other = d.speaker
            if other is not None and other.span != sp.span and fold_key(other.name).split()[:1] and \
                    bare_head(fold_key(other.name).split()[0]) == head:
                return replace(other, span=sp.span)
        text = self.text
        found = None
        for m in _WORD_RE.finditer(text, 0, sp.span[0]):
            if bare_head(m.group()) == head and not m.group().startswith(("ال", "وال", "بال", "لل")):
                found = m
        if found is None:
            return None
        after = list(_WORD_RE.finditer(text, found.end(), min(len(text), found.end() + 60)))
        end = found.end()
        for w in after[:2]:
            if not nisba_like(w.group()) or text[end:w.start()].strip():
                break
            end = w.end()
        name = clean(self._source(found.start(), end))
        if name[:1] in "وفبل" and bare_head(fold_key(name.split()[0])) != fold_key(name.split()[0]):
            name = name[1:]  # (بمصدر، لمصدر: the preposition is not part of the source)
        return replace(sp, name=name, anonymous=True)

    def _issuer(self, sp: Speaker, head: str, earlier: list[Draft]) -> Speaker | None:
        """The speaker of the last statement made "in" a document of this kind (في بلاغ لها ... حسب البلاغ).

        أوضحت الداخلية في بلاغ لها أن ...: the document the article names later (البلاغ، ذات البيان)
        speaks for the body that made that statement.
        """
        text = self.text
        for d in reversed(earlier):
            other = d.speaker
            if other is None or other.anonymous or other.span == sp.span:
                continue
            lo = min(d.cue[0], other.span[0])
            hi = max(d.cue[1], other.span[1], d.content[0]) if d.content[0] > d.cue[0] else max(d.cue[1], other.span[1])
            words = [w.group() for w in _WORD_RE.finditer(text, lo, hi)]
            if any(not w.startswith(("ال", "وال", "فال", "بال")) and bare_head(w) == head for w in words) and \
                    not _kinds(bare_head(fold_key(other.name).split()[0])) & {"document"}:
                return replace(other, span=sp.span)
        return None

    def _before(self, sp: Speaker, kind: str) -> list[tuple[int, int, str, str | None]]:
        """The mentions of ``kind`` before the speaker, nearest first."""
        return [m for m in reversed(self.mentions) if m[2] == kind and m[1] <= sp.span[0]]

    def _title_holder(self, sp: Speaker, head: str, complement: list[str], *, spokesman: bool) -> Speaker | None:
        """The person mentioned last before the statement whose title has ``head`` and every word of ``complement``.

        الوزيرة -> "وزيرة الشباب والرياضة مجدولين الشارني"، وزير الخارجية -> "وزير الشؤون الخارجية خميس
        الجهيناوي"; a spokesman (الناطق باسم الجيش) is whoever speaks "باسم" the same body, by either word.
        """
        for s, e, _, actor_id in self._before(sp, "PER"):
            actor = self.doc.actor(actor_id)
            if actor is None or len(actor.name.split()) < 2:
                continue
            title = self._title_words(s, e)
            if not (head in title or (spokesman and "باسم" in title)):
                continue
            if all(set(bare_readings(w)) & title for w in complement):
                return replace(sp, name=actor.name, actor_id=actor_id)
        return None

    def _title_words(self, s: int, e: int) -> frozenset[str]:
        """The bare readings of the words that stand as a title before a mention or as an apposition after it."""
        if s in self._titles:
            return self._titles[s]
        text = self.text
        start = max(0, s - 160)
        stops = list(_TITLE_STOP.finditer(text, start, s))
        start = stops[-1].end() if stops else start
        # (nor past another person: "الأمين العام للاتحاد فلان ووزير الشؤون الاجتماعية فلان")
        start = max([start, *(pe for ps, pe, t, _ in self.mentions if t == "PER" and start <= pe <= s and ps < s)])
        before = list(_WORD_RE.finditer(text, start, s))[-TITLE_WORDS:]
        words = [w.group() for w in before]
        after = text[e:e + 120]
        if after.lstrip().startswith(("،", ",")):
            rest = after.lstrip()[1:]
            cut = _TITLE_STOP.search(rest)
            words += [w.group() for w in _WORD_RE.finditer(rest[:cut.start() if cut else len(rest)])][:APPOSITION_WORDS]
        found = frozenset(r for w in words for r in bare_readings(w))
        self._titles[s] = found
        return found

    def _institution(self, sp: Speaker, head: str) -> Speaker | None:
        """The body mentioned last before the statement under ``head`` (الوزارة -> وزارة الأمن الإيرانية).

        Its name opens with the head (وزارة الأمن)، or the head stands just before it (مجلة «شبيغل»).
        """
        text = self.text
        for s, e, _, actor_id in self._before(sp, "ORG"):
            actor = self.doc.actor(actor_id)
            if actor is None:
                continue
            first = text[s:e].split()[:1]
            if first and bare_head(first[0]) == head and len(text[s:e].split()) > 1:
                return replace(sp, name=actor.name if len(actor.name.split()) > 1 else clean(self._source(s, e)),
                               actor_id=actor_id)
            previous = list(_WORD_RE.finditer(text, max(0, s - 30), s))
            if previous and bare_head(previous[-1].group()) == head and \
                    not text[previous[-1].end():s].strip(" \"«“"):
                head_source = clean(self._source(previous[-1].start(), previous[-1].end()))
                head_word = strip_article(head_source[1:] if head_source[:1] in "وفبل" and head_source[1:3] == "ال"
                                          else head_source)
                return replace(sp, name=f"{head_word} {actor.name}", actor_id=actor_id)
        return None

    def _full_name(self, sp: Speaker, word: str) -> Speaker | None:
        """The person mentioned last before the statement whose fuller name has this word (كيم -> كيم جونغ أون)."""
        for _, _, _, actor_id in self._before(sp, "PER"):
            actor = self.doc.actor(actor_id)
            if actor is None or len(actor.name.split()) < 2:
                continue
            if word in {strip_article(fold_key(w)) for w in actor.name.split()}:
                return replace(sp, name=actor.name, actor_id=actor_id)
        return None

    def _source(self, s: int, e: int) -> str:
        span = self.folded.to_source(s, e)
        return self.doc.text[span.start:span.end]


def _article_forms(word: str) -> list[str]:
    """The word without the proclitics that may stand before the article (والوزير، فالوزارة، للوزير)."""
    forms = [word]
    if len(word) > 4 and word[0] in "وفبك" and word[1:3] == "ال":
        forms.append(word[1:])
    elif word.startswith("لل") and len(word) > 4:
        forms.append("ا" + word[1:])
    return forms


def _multi_head_len(head: str, words: list[str]) -> int:
    """How many of ``words`` the longest head opening them covers (الأمين العام الأممي: 2, الوزيرة: 1)."""
    bare = tuple(strip_article(fold_key(w)) for w in words)
    for multi, _ in lexicon().multi_heads.get(head, ()):  # (longest first)
        if bare[1:len(multi)] == multi[1:]:
            return len(multi)
    return 1


def _kinds(head: str) -> frozenset[str]:
    """The kinds of a head word (heads.tsv), also when it only opens a multi-word head (الأمين العام)."""
    lex = lexicon()
    kinds = set(lex.heads.get(head, frozenset()))
    kinds.update(kind for _, kind in lex.multi_heads.get(head, ()))
    return frozenset(kinds)
