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
from marsad.document import Actor, ActorRef, Document, Quote, Span
from marsad.quotes.attributions import attribution_quotes, colon_quotes
from marsad.quotes.context import Context, Draft, Speaker, definite_reading
from marsad.quotes.continuations import continuation_points, opens_statement
from marsad.quotes.coreference import resolve_to_fullest
from marsad.quotes.cues import cue_quotes
from marsad.quotes.lexicon import Lexicon, lexicon, strip_article
from marsad.quotes.names import ArticleNames, refers_to
from marsad.quotes.names import clean as _clean
from marsad.quotes.phrases import SpeakerPhrase, bare_readings, head_key, nisba_like, tokenize
from marsad.quotes.speaker_ranker import choose_speakers, speaker_choices
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

# A colon after a word and before a word; a number after it only when a letter stands before it
# (10:30 is a time, not a headline; وزارة الصحة: 180 فريقا is a headline).
_COLON_RE = re.compile(r"\w\s?:\s*[\"«“]?(?!\d)\w|[^\W\d]\s?:\s*\d")
# How far after a "that" verb a complementiser is looked for before the sentence is tokenised: the
# longest speaker phrase of the dev articles (role, apposition, name, outlet) spans 160 characters.
OPENER_WINDOW = 250
# A pull-quote repeats a statement of the body: it is dropped when this share of its words also
# stands in a statement of the same speaker (the seed article's "سعد السعدي:" line shares 6 of 7).
PULL_QUOTE_OVERLAP = 0.6
# Common nouns for people (heads.tsv kinds anon and anaphor) that refer back only to an unnamed speaker.
PERSON_NOUNS = frozenset(fold_key(w) for w in ("رجل", "امرأة", "مرأة", "فتاة", "فتى", "شاب", "شابة", "سيدة",
                                                "مواطن", "مواطنة"))
# A role with the article names a person met before when this share of its words stands in their
# role (القيادي في حزب نداء تونس: 4 of 5 words in "والقيادي في نداء تونس"); set on the ANT review.
ROLE_OVERLAP = 0.6


class _Builder(ArticleNames):
    """Turns speaker phrases into speakers, linking names to actors and resolving anaphora."""

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
                if phrase.head and refers_to(phrase.head, prev):
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


def _finish(drafts: list[Draft], breaks: set[int], text: str) -> list[Draft]:
    """Stop indirect contents at the next cue of their sentence and at attribution phrases."""
    # (a statement nested in a reported clause, أن خاطفي الطائرة قالا إنهما، is part of it and ends nothing)
    cue_starts = sorted({d.cue[0] for d in drafts if not d.rule.startswith("nested")} | breaks)
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


# A split leaves at least this many words on each side (a participle right after the cue is its own).
SPLIT_MIN_WORDS = 2


def _split_at_new_statements(drafts: list[Draft], text: str, lex: Lexicon) -> list[Draft]:
    """End an indirect content where a new statement of the same speaker opens, and start it there.

    Which reporting verbs inside a content open a new statement (، مؤكدة أن؛ لكنه أضاف أن؛ كما أوضح أن)
    is learned from the training gold (:mod:`marsad.quotes.continuations`).
    """
    out: list[Draft] = []
    for d in drafts:
        if d.direct:
            out.append(d)
            continue
        cur = d
        pieces: list[Draft] = []
        for point in continuation_points(text, d.content[0], d.content[1], lex):
            if point.split_at < cur.content[0] or not opens_statement(point):
                continue
            before = text[cur.content[0]:point.split_at].split()
            after = text[point.start:d.content[1]].split()
            if len(before) < SPLIT_MIN_WORDS or len(after) < SPLIT_MIN_WORDS:
                continue
            end = point.split_at
            while end > cur.content[0] and (text[end - 1].isspace() or text[end - 1] in "،,"):
                end -= 1
            pieces.append(replace(cur, content=(cur.content[0], end)))
            cur = replace(cur, cue=point.cue, content=(point.start, d.content[1]), rule=cur.rule + "+split")
        pieces.append(cur)
        out.extend(pieces)
    # (the verb after لكنه may have made a statement of its own, its speaker the clause before it:
    # the split one keeps the speaker of the sentence)
    split = {d.content for d in out if d.rule.endswith("+split")}
    return [d for d in out if d.rule.endswith("+split") or d.content not in split]


def _with_fuller_speakers(drafts: list[Draft], doc: Document) -> list[Draft]:
    """Give a speaker left as a bare head or a title with a surname the one fuller name of the article.

    A definite head (الحديقة، حديقة الحيوان، الوالي) names the body or the office holder that another
    statement of the article names in full with that head in construct (حديقة حيوان تواري، والي
    مدنين طاهر المطماطي), before or after it; a title and a surname (العميد الشيباني) name the one
    person of the article with that surname (خليفة الشيباني). When two fuller names fit, the speaker
    stays as written.
    """
    speakers = {d.speaker.name: d.speaker for d in drafts if d.speaker is not None}
    persons = [a for a in doc.actors if a.type == "PER"]
    out = []
    for d in drafts:
        sp = d.speaker
        # (a one-word name the entities stage made an actor of its own, كيم, may still be a short form)
        short = sp is not None and sp.actor_id is not None and len(sp.name.split()) == 1
        fuller = None if sp is None or (sp.actor_id is not None and not short) or sp.anonymous else \
            _fuller_speaker(sp, speakers, persons)
        out.append(d if fuller is None else replace(d, speaker=fuller))
    return out


def _fuller_speaker(sp: Speaker, speakers: dict[str, Speaker], persons: list[Actor]) -> Speaker | None:
    words = fold_key(sp.name).split()
    if not words or len(words) > 2:
        return None
    heads = lexicon().heads
    if _definite(words):
        head = strip_article(words[0])
        rest = {strip_article(w) for w in words[1:]}
        # (another definite form, حديقة الحيوان beside الحديقة, is no fuller name of its own)
        found = {name: other for name, other in speakers.items()
                 if len(fold_key(name).split()) > len(words) and fold_key(name).split()[0] == head
                 and not _definite(fold_key(name).split())
                 and rest <= {strip_article(w) for w in fold_key(name).split()}}
        if len(found) == 1:
            return replace(next(iter(found.values())), span=sp.span)
    if len(words) == 1 and not words[0].startswith("ال") and strip_article(words[0]) not in heads:
        # وقال كيم after كيم جونغ أون: a word of one person's fuller name
        people = {a.id: a for a in persons if len(a.name.split()) > 1 and a.id != sp.actor_id
                  and words[0] in {fold_key(w) for w in a.name.split()}}
        if len(people) == 1:
            person = next(iter(people.values()))
            return replace(sp, name=person.name, actor_id=person.id, surname=words[0])
        return None
    titles = [w for w in words[:-1] if "role" in heads.get(strip_article(w), frozenset())]
    if len(words) == 2 and titles:
        surname = strip_article(words[-1])
        people = {a.id: a for a in persons
                  if len(a.name.split()) > 1 and strip_article(fold_key(a.name.split()[-1])) == surname}
        if len(people) == 1:
            person = next(iter(people.values()))
            return replace(sp, name=person.name, actor_id=person.id, surname=surname)
    return None


def _definite(words: list[str]) -> bool:
    """True for a head with the article or a head and a definite genitive (الحديقة، حديقة الحيوان)."""
    return bool(words) and (words[0].startswith("ال") or (len(words) == 2 and words[1].startswith("ال")))


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
                  make_speaker=builder.speaker, outlet_text=builder.outlet, issued_by=builder.issued_by)
    cue_hits = _hits_by_sentence(cue_matches, starts, quotations)
    attr_hits = _hits_by_sentence(attr_matches, starts, quotations)
    for n, (fs, fe) in enumerate(spans):
        cues = cue_hits.get(n, [])
        attrs = attr_hits.get(n, [])
        # a verb that needs a complementiser is only worth tokenising the sentence for when one
        # follows soon (بين is mostly "between"); measured on ANT this halves the sentences read
        # (or after ما, where the verb names a thing: وهو ما اعتبره المعلمون خطأ)
        cues = [m for m in cues if lex.cues[m.group(2)].frame != "that" or lex.opener_re.search(
            text, m.end(), min(fe, m.end() + OPENER_WINDOW)) or ":" in text[fs:m.start()] or
            text.endswith("ما ", fs, m.start())]
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
    drafts = _with_fuller_speakers(_split_at_new_statements(_finish(ctx.drafts, ctx.breaks, text), text, lex), doc)
    drafts = resolve_to_fullest(drafts, doc, folded, builder.mentions)
    # a cue with nothing after it (": وزير قال" at the very end) reports no statement
    drafts = [d for d in drafts if text[d.content[0]:d.content[1]].strip()]
    # (the candidates are only listed when a model will score them: lazily)
    drafts = choose_speakers(drafts, lambda: speaker_choices(drafts, builder, lex, spans))
    quotes = (_to_quote(d, doc, folded) for d in drafts)
    doc.quotes = [q for q in quotes if q.content.strip()]
    return doc
