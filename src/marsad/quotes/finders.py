"""The three ways a statement is attributed: a reporting verb, an attribution phrase, a colon.

Each finder reads one sentence (tokens of the folded text) and appends :class:`Draft` quotes to the
:class:`Context`, which also keeps the speakers met so far, so that continuations (وأضاف أن،
وأشار إلى أن), pronoun subjects (وقال إن) and anaphora (وأضافت الصحيفة، ذات البلاغ) find the
speaker they refer to. Spans are folded offsets until :mod:`marsad.quotes` maps them back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.quotes.lexicon import CueForm, Lexicon, strip_article
from marsad.quotes.phrases import (
    COMMAS,
    FUNCTION_WORDS,
    OPEN_QUOTES,
    PREPOSITIONS,
    RELATIVES,
    SpeakerPhrase,
    Tok,
    analyze_speaker,
    clitic_keys,
    folded_set,
    has_pronoun_suffix,
    head_at,
    is_definite,
    nisba_like,
    noun_phrase_end,
)

# Beyond this many tokens after a verb, a complementiser belongs to another clause; measured on the
# dev articles, where the longest speaker phrase (role, apposition, name, outlet) takes 24 tokens.
MAX_SPEAKER_TOKENS = 30
# A pronoun subject (وقال إن) refers back at most this many characters: about three paragraphs of
# news prose. Beyond it the referent is too uncertain and the statement is dropped.
MAX_PRONOUN_DISTANCE = 1500
SENTENCE_END = frozenset(".!?؟")
# A preposition that opens the content (تحدث ... عن، أصدرت ... بياناً) is looked for this many tokens
# on: the dev article with the longest insert (في تصريح لمراسلة ... على هامش تظاهرة ...) needs 38.
MAX_PREP_DISTANCE = 50
# For verbs whose content may also be a bare noun phrase (أعلن، كشف) the preposition (عن) is only
# looked for close by: a subject with a long complement and a time adverb take about ten tokens.
NP_PREP_DISTANCE = 12
# Verbs after "ما" in an attribution (بحسب ما ذكرت، وفق ما جاء في، وفق ما أوردته).
ATTRIBUTION_VERBS = folded_set({"جاء", "ورد", "اورد", "اوردت", "اوردته", "ذكر", "ذكرت", "ذكره", "ذكرته",
                               "نقل", "نقلت", "نقلته", "نشر", "نشرت", "نشرته", "افاد", "افادت", "افاده",
                               "افادته", "اعلن", "اعلنت", "اعلنه", "اعلنته", "قال", "قالت", "اكد", "اكدت",
                               "اكده", "اكدته", "اوضح", "اوضحت", "اوضحه", "اوضحته", "صرح", "صرحت"})
# Words that, with ف, open the main clause after a fronted attribution (وحسب بيان ...، فقد عقدت).
FA_WORDS = folded_set({"قد", "ان", "إن", "انه", "إنه", "انها", "إنها"})
# Nouns a "renewal" verb takes as content (جدد التأكيد على، جددت الدعوة إلى).
RENEWED = folded_set({"التاكيد", "الدعوه", "الرفض", "المطالبه", "التمسك", "الدعم", "الموقف", "التزامه",
                     "رفضه", "رفضها"})
# Words after "إلى" with which أشار/لفت do not report speech (أشار إلى الخريطة is not a statement).
FUSED_PREPS = ("ب", "ل")


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: what goes into ``Quote.speaker`` and friends (folded spans)."""

    name: str
    span: tuple[int, int]
    actor_id: str | None = None
    role: str | None = None
    anonymous: bool = False
    key: str = ""  # folded name and role, for anaphora and repeated roles
    surname: str = ""  # folded last word of a personal name


@dataclass(slots=True)
class Draft:
    """A quote found in folded coordinates, before it becomes a :class:`marsad.document.Quote`."""

    speaker: Speaker | None
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    sentence: int
    outlet: str | None = None
    rule: str = ""


@dataclass(slots=True)
class Context:
    """Per-article state shared by the finders."""

    text: str  # folded article text
    lex: Lexicon
    quotations: dict[int, int]  # folded start of an opening mark -> folded end of the quotation
    persons: list[tuple[int, int]]
    entity_ends: dict[int, int]
    max_quote_chars: int
    make_speaker: Callable[[SpeakerPhrase, list[Speaker]], Speaker]
    outlet_text: Callable[[tuple[int, int]], str]
    speakers: list[Speaker] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # folded positions where a content must stop
    used_colons: set[int] = field(default_factory=set)

    def surnames(self) -> frozenset[str]:
        return frozenset(s.surname for s in self.speakers if s.surname)

    def analyze(self, toks: list[Tok], a: int, b: int) -> SpeakerPhrase | None:
        return analyze_speaker(self.lex, toks, a, b, persons=self.persons, surnames=self.surnames())

    def remember(self, speaker: Speaker) -> Speaker:
        if not self.speakers or self.speakers[-1] is not speaker:
            self.speakers.append(speaker)
        return speaker


def _trim_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over spaces, commas, full stops and a dangling و."""
    while end > start:
        ch = text[end - 1]
        if ch.isspace() or ch in "،,.;؛:":
            end -= 1
        elif ch == "و" and end - 1 > start and text[end - 2].isspace():
            end -= 1
        else:
            break
    return end


def _skip_fillers(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """Skip commas, time adverbs and inserted adverbs (أخيراً، اليوم الثلاثاء، من جهته)."""
    while j < stop:
        w = toks[j].w
        if w in COMMAS or w in lex.time_words or w in lex.inserts or w.isdigit():
            j += 1
        elif w in ("من", "ومن") and j + 1 < stop and toks[j + 1].w in lex.inserts:
            j += 2
        else:
            break
    return j


def _apposition_end(ctx: Context, toks: list[Tok], j: int, stop: int) -> int:
    """Extend a subject over a name set off by commas (رئيس الوزراء الكندي، جاستن ترودو، السبت ...)."""
    if j + 2 >= stop or toks[j].w not in COMMAS:
        return j
    k = j + 1
    while k < stop and toks[k].is_word and k - j <= 4:
        k += 1
    if k < stop and toks[k].w in COMMAS:
        phrase = ctx.analyze(toks, j + 1, k)
        if phrase is not None and phrase.kind == "name":
            return k
    return j


def _full_name(ctx: Context, phrase: SpeakerPhrase) -> bool:
    """A name of two to four words ending in a nisba surname (روني الطرابلسي، محمد علي الحسني)."""
    if phrase.kind != "name" or phrase.name is None:
        return False
    words = ctx.text[phrase.name[0]:phrase.name[1]].split()
    return 2 <= len(words) <= 4 and words[-1].startswith("ال") and words[-1].endswith("ي") and \
        not words[0].startswith("ال")


def _skip_time(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """Skip time adverbs and numbers (أخيراً، أمس، اليوم الثلاثاء 3 يناير)."""
    while j < stop and (toks[j].w in lex.time_words or toks[j].w.isdigit()):
        j += 1
    return j


def _direct_content(ctx: Context, toks: list[Tok], q: int, sent_end: int) -> tuple[int, int]:
    """Content of a quotation opening at token ``q``: inside the marks, or on to the clause end."""
    open_tok = toks[q]
    close = ctx.quotations.get(open_tok.start)
    start = open_tok.end
    while start < sent_end and ctx.text[start].isspace():
        start += 1
    if close is None:
        return start, _trim_end(ctx.text, start, sent_end)
    inner_end = close - 1
    after = ctx.text[close:max(close, sent_end)]
    # a short quoted word inside a longer statement (وتعتبرها "التفافاً" على مطلب ...): keep the clause
    if len(ctx.text[start:inner_end].split()) < 4 and len(after.split()) >= 2:
        return start, _trim_end(ctx.text, start, sent_end)
    return start, _trim_end(ctx.text, start, inner_end)


def _clause_start(toks: list[Tok], first: int, i: int) -> int:
    """Index of the first token of the clause that contains token ``i`` (after a colon, إلا أن, يذكر أن)."""
    for k in range(i - 1, first - 1, -1):
        w = toks[k].w
        if w in (":", "ان", "فيما", "بينما", "حيث") or w in SENTENCE_END:
            return k + 1
    return first


def _preverbal(ctx: Context, toks: list[Tok], first: int, i: int) -> tuple[SpeakerPhrase | None, bool]:
    """The subject written before the verb, and whether its place alone proves it a subject.

    Handles كان X قد (strong), [role]، [name]، أكد, وفي تصريح لـX ... أكد (strong), and the noun
    phrase right before the verb (اتحاد الشغل يدعو، شخصيات فنية من هوليوود أعربت).
    """
    lex = ctx.lex
    c = _clause_start(toks, first, i)
    for k in range(i - 1, c - 1, -1):
        if cue_form_at(lex, toks[k]) is not None:
            c = k + 1  # وقال ناجون نقلوا ...: the subject of نقلوا is not before قال
            break
    a, b = c, i
    strong = False
    while a < b and toks[a].w in ("و", "ف"):
        a += 1
    while b > a and (toks[b - 1].w in COMMAS or toks[b - 1].w in ("قد", "لقد", "فقد", "وقد", "كان", "كانت")):
        strong = strong or toks[b - 1].w not in COMMAS
        b -= 1
    if a < b and toks[a].w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"):
        a += 1
        strong = True
    if a >= b:
        return None, False
    if toks[a].w in ("في", "وفي") and a + 1 < b and "medium" in head_at(lex, toks, a + 1)[0]:
        for k in range(a + 2, min(b, a + 5)):
            w = toks[k].w
            if w.startswith("ل") and len(w) > 2:
                return ctx.analyze(toks, k, b), True
        return None, False
    if b - a <= MAX_SPEAKER_TOKENS and not any(t.w in SENTENCE_END for t in toks[a:b]):
        whole = ctx.analyze(toks, a, b)
        if whole is not None and (strong or whole.kind in ("name", "anon", "body", "role", "anaphor")) and \
                (b - a <= 6 or any(t.w in COMMAS for t in toks[a:b])):
            return whole, strong or any(t.w in COMMAS for t in toks[a:b])
    best: SpeakerPhrase | None = None
    k = b - 1
    while k >= a and b - k <= 6:
        tok = toks[k]
        if not tok.is_word or tok.w.isdigit() or (tok.w in FUNCTION_WORDS and tok.w not in ("في", "من")):
            break
        kinds, _ = head_at(lex, toks, k)
        starts_entity = tok.start in ctx.entity_ends
        if (kinds & {"anon", "body", "role"} or starts_entity) and tok.w not in ("في", "من"):
            best = ctx.analyze(toks, k, b) or best
        k -= 1
    return best, False


def _clause_subject(ctx: Context, toks: list[Tok], first: int, i: int) -> SpeakerPhrase | None:
    """Subject of the clause that a participle (مؤكداً، مجددة) hangs on."""
    lex = ctx.lex
    c = _clause_start(toks, first, i)
    while c < i and toks[c].w in ("و", "ف"):
        c += 1
    if c < i and toks[c].w in ("في", "وفي", "من", "ومن", "علي", "وعلي", "بعد", "وبعد"):
        for k in range(c, i):
            if toks[k].w in COMMAS:
                c = k + 1
                break
    if c >= i:
        return None
    tok = toks[c]
    if is_definite(tok.w) or head_at(lex, toks, c)[0] or tok.start in ctx.entity_ends:
        start = c
    else:
        start = _skip_fillers(lex, toks, c + 1, i)
    if start >= i:
        return None
    end = noun_phrase_end(lex, toks, start, i, ctx.entity_ends)
    if end <= start:
        return None
    phrase = ctx.analyze(toks, start, end)
    if phrase is None or not (phrase.certain or phrase.kind in ("anon", "body", "role", "anaphor")):
        return None  # a guess from shape alone right after an unknown verb is too weak
    return phrase


def _last_speaker(ctx: Context, pos: int) -> Speaker | None:
    if ctx.speakers and pos - ctx.speakers[-1].span[1] <= MAX_PRONOUN_DISTANCE:
        return ctx.speakers[-1]
    return None


def _prep_content(form: CueForm, toks: list[Tok], j: int, stop: int, cues: set[int]) -> int | None:
    """Index of the first content token after the preposition of a "prep" verb (or None).

    The preposition may come after inserted phrases (وتحدث الطبيب في تصريح لـ... عن "...") but not
    past another reporting verb. A fused one-letter preposition stays on the content word
    (تعهدت بتوفير الحماية) and must come at once or after one parenthetical between commas.
    """
    fused = [p for p in form.preps if len(p) == 1]
    k = j
    while k < stop and toks[k].w in COMMAS:
        k += 1
    if k < stop and fused and len(toks[k].w) > 3 and toks[k].w[0] in fused:
        return k
    if j < stop and toks[j].w in COMMAS:
        k = j + 1
        while k < stop and toks[k].w not in COMMAS and k - j < 15:
            k += 1
        if k + 1 < stop and fused and len(toks[k + 1].w) > 3 and toks[k + 1].w[0] in fused:
            return k + 1
    found: int | None = None
    for k in range(j, min(stop - 1, j + MAX_PREP_DISTANCE)):
        w = toks[k].w
        if k in cues or w in SENTENCE_END:
            break
        if w in form.preps and len(w) > 1:
            if toks[k + 1].w in OPEN_QUOTES:
                return k + 1  # عن "وجود صد ...": the quoted one, past عن inside a name (الدفاع عن حقوق)
            if found is None:
                found = k + 1
    return found


def cue_quotes(ctx: Context, toks: list[Tok], first: int, last: int, sent_end: int, sentence: int,
               hits: list[tuple[int, int, str]]) -> None:
    """Quotes introduced by reporting verbs in one sentence.

    Args:
        ctx: the article context.
        toks: tokens of the sentence.
        first: index of the first token of the sentence (0).
        last: index after the last token.
        sent_end: folded end of the sentence.
        sentence: index of the sentence in the article.
        hits: (token index, length of the proclitic, folded form) of each cue in the sentence.
    """
    lex = ctx.lex
    # a verb inside the phrase that names the statement (في بلاغ أصدرته، في بيان نشرته) or after
    # another noun (ناجون نقلوا إلى إيطاليا) heads a relative clause, not a statement of its own
    hits = [h for h in hits if not (h[0] > first and "medium" in head_at(lex, toks, h[0] - 1)[0])]
    cue_at = {i for i, pro, key in hits if pro or i == first or toks[i - 1].w in COMMAS
              or toks[i - 1].w in ("و", "ف") or lex.cues[key].aspect == "participle"}
    for i, pro, form_key in hits:
        tok = toks[i]
        form = lex.cues[form_key]
        cue_span = (tok.start + pro, tok.start + pro + len(form_key))
        suffix = tok.w[pro + len(form_key):]
        if suffix and form.aspect == "participle":
            continue
        prev = toks[i - 1].w if i > first else ""
        if prev in ("ما", "حد"):
            continue  # بحسب ما ذكرت، على حد وصفه: the attribution finder reads these
        has_conj = pro > 0 or prev in ("و", "ف")
        if not has_conj and prev not in COMMAS and form.aspect != "participle" and any(
                d.sentence == sentence and not d.direct and d.content[0] < tok.start < d.content[1]
                for d in ctx.drafts):
            continue  # قال إن قوات الأمن كشفت ...: the reported clause has its own verb
        if form.aspect == "participle" and i + 1 < last and toks[i + 1].is_word and nisba_like(
                toks[i + 1].w, strict=True) and not is_definite(toks[i + 1].w):
            continue  # داعية مصري: a noun with its adjective, not a participle
        if form_key in lex.ambiguous and not (has_conj or i == first or prev in COMMAS or prev in RELATIVES):
            continue  # المشاعر بين الثنائي: "between", not "he explained"
        # 1. what opens the content: a complementiser, a colon or a quotation mark
        opener: tuple[str, int] | None = None
        region_end = i + 1
        np_start = _skip_fillers(lex, toks, i + 1, last)
        np_end = _apposition_end(ctx, toks, noun_phrase_end(lex, toks, np_start, last, ctx.entity_ends), last)
        np_stop = _skip_fillers(lex, toks, np_end, last)
        k = i + 1
        while k < last and k - i <= MAX_SPEAKER_TOKENS:
            w = toks[k].w
            if k in cue_at or w in SENTENCE_END:
                break
            if w in lex.comps:
                opener, region_end = ("comp", k + 1), k
                break
            if w in ("الى", "علي") and k + 1 < last and toks[k + 1].w in lex.comps:
                opener, region_end = ("comp", k + 2), k
                break
            if w == ":":
                opener, region_end = ("colon", k + 1), k
                break
            if w in OPEN_QUOTES:
                close = ctx.quotations.get(toks[k].start)
                # a short quoted name before a complementiser (ضيف "بوليتيكا" ... إن، "يونهاب" بأن)
                words = len(ctx.text[toks[k].end:close].split()) if close is not None else 99
                short_name = close is not None and toks[k - 1].is_word and (words <= 2 or (words <= 3 and any(
                    t.w in lex.comps for t in toks[k + 1:min(last, k + 12)] if t.start >= close)))
                if (k == i + 1 or k == np_stop or toks[k - 1].w in COMMAS) and not short_name:
                    opener, region_end = ("quote", k), k  # وقال المتحدث "..." دون أن يوضح
                    break
                if close is not None:  # a quoted name: a complementiser inside it is not ours
                    while k + 1 < last and toks[k + 1].start < close:
                        k += 1
            k += 1
        # 2. the speaker: before the verb (SVO), or after it
        a = _skip_fillers(lex, toks, i + 1, last)
        if form.lemma == "جاء":
            # وجاء في بيان لوزارة الخارجية أن ...، وورد في البلاغ أن ...: the statement speaks
            if not (opener is not None and toks[a].w == "في" and "medium" in head_at(lex, toks, a + 1)[0]):
                continue
            named = a + 2 < region_end and toks[a + 2].w.startswith("ل") and len(toks[a + 2].w) > 2
            a = a + 2 if named else a + 1
        phrase: SpeakerPhrase | None = None
        outlet: str | None = None
        svo = False
        if not has_conj and i > first and form.aspect != "participle" and prev not in RELATIVES and (
                toks[i - 1].is_word or toks[i - 1].w in COMMAS):
            before, strong = _preverbal(ctx, toks, first, i)
            after = ctx.analyze(toks, a, region_end) if opener is not None and region_end > a else None
            # after a comma the verb may open a new clause with its own subject (في تعليقه على ...،
            # أشار لطفي الغربي أنه ...): a subject after the verb wins there
            if after is None and opener is None and np_end > a:
                after = ctx.analyze(toks, a, np_end)
                if after is not None and not (after.certain or after.kind in ("anon", "body", "role")):
                    after = None
            # وبعد العشاء أعلن ترامب، أما ليبيا فقد كشف التقرير: the subject is after the verb
            if after is not None and after.kind != "unknown" and (
                    not strong or after.certain or after.kind in ("anon", "body", "role", "anaphor")):
                before = None
            if before is not None and (before.kind != "unknown" or strong):
                phrase, svo = before, True
                if after is not None:
                    opener = None  # ... : مصدر أمني يوضح | الجم : ...: that colon opens another line
        if opener is None:
            region_end = a if svo or form.aspect == "participle" else np_end
            j = _skip_fillers(lex, toks, region_end, last)
            if j < last and toks[j].w in OPEN_QUOTES:
                opener = ("quote", j)
        if form.lemma == "نقل" and opener is not None:
            for k in range(a, region_end):
                if toks[k].w == "عن":
                    outlet = ctx.outlet_text((toks[a].start, toks[k - 1].end)) if k > a else None
                    a = k + 1
                    break
            while region_end > a and (toks[region_end - 1].w in COMMAS or strip_article(
                    toks[region_end - 1].w) in ("قوله", "قولها", "قولهم")):
                region_end -= 1
        if not svo and form.aspect != "participle" and region_end > a:
            end = region_end
            while end > a and (toks[end - 1].w in form.preps or toks[end - 1].w in COMMAS):
                end -= 1
            cand = ctx.analyze(toks, a, end) if end > a else None
            prep_next = region_end < last and (toks[region_end].w in form.preps or (
                len(toks[region_end].w) > 3 and toks[region_end].w[0] in form.preps))
            if cand is not None and (opener is not None or cand.certain or cand.kind in (
                    "anon", "body", "role", "anaphor") or _full_name(ctx, cand) or cand.role is not None or (
                    form.frame == "prep" and prep_next)):
                phrase = cand  # وطالب أبناء الجهة بالتنمية: the preposition marks the subject off
            elif opener is None:
                region_end = a  # وانتقد استمرار القصف: the noun phrase is the content, not a subject
        # 3. no subject written: the subject of the clause, or the last speaker
        speaker: Speaker | None = None
        if phrase is None:
            same = [d for d in ctx.drafts if d.sentence == sentence and d.speaker is not None]
            mid = any(t.is_word and t.w not in ("و", "ف") for t in toks[first:i])
            if form.aspect == "participle" or (has_conj and mid):
                if same:
                    speaker = same[-1].speaker
                else:
                    phrase = _clause_subject(ctx, toks, first, i)
                    if phrase is None and form.aspect == "participle" and ctx.drafts and \
                            ctx.drafts[-1].sentence >= sentence - 1:
                        speaker = ctx.drafts[-1].speaker  # ... على حد قوله. مؤكدا أن: the same speaker
            if phrase is None and speaker is None and form.aspect != "participle":
                if form.aspect == "present" and not suffix and (
                        form_key in lex.impersonal or (not has_conj and not mid)):
                    continue  # يُذكر أن، يُتوقع أن: impersonal
                if prev in lex.comps or prev in RELATIVES:
                    continue  # بعد أن أعلنت ...: the subject is that of another clause
                speaker = _last_speaker(ctx, cue_span[0])
        if phrase is not None and phrase.kind == "unknown" and form_key in lex.ambiguous:
            continue  # وصف القصيدة بأنها ...: a noun, not a verb with its subject
        if phrase is not None:
            if form.aspect != "participle" or speaker is None:
                speaker = ctx.make_speaker(phrase, ctx.speakers)
            if outlet is None and phrase.outlet is not None:
                outlet = ctx.outlet_text(phrase.outlet)
        if speaker is None:
            continue
        # 4. the content
        content_tok: int | None = None
        direct = False
        if opener is not None:
            content_tok = opener[1]
            if opener[0] == "colon":
                ctx.used_colons.add(toks[opener[1] - 1].start)
        else:
            j0 = region_end if region_end > i + 1 and not svo else i + 1
            j0 = _skip_time(lex, toks, j0, last)
            j = _skip_fillers(lex, toks, j0, last)
            if form.frame == "prep":
                content_tok = _prep_content(form, toks, j0, last, cue_at)
            elif form.frame == "np":
                adverbial = False  # a time adverb or a comma: still before the content
                for k in range(j, min(last, j + NP_PREP_DISTANCE)):
                    w = toks[k].w
                    if k in cue_at or w in SENTENCE_END:
                        break
                    adverbial = adverbial or w in COMMAS or w in lex.time_words
                    if w in form.preps and k + 1 < last and (adverbial or k == j):
                        j = k + 1  # أعلنت اللجنة ... أمس الخميس، عن تشكيل لجنة
                        break
                if j < last and toks[j].is_word and toks[j].w not in PREPOSITIONS:
                    content_tok = j
            elif form.frame == "pron":
                if j < last and (has_pronoun_suffix(toks[j].w) or toks[j].w in RENEWED):
                    content_tok = j
            if content_tok is None:
                colon_before = _colon_before(toks, first, i)
                next_colon = next((k for k in range(i + 1, min(last, i + 4)) if toks[k].w == ":"), None)
                ends_line = i + 1 >= last or next_colon is not None or (
                    "\n" in ctx.text[tok.end:toks[i + 1].start])
                if colon_before is not None and phrase is not None and svo and ends_line:
                    ctx.remember(speaker)
                    ctx.used_colons.add(toks[colon_before].start)
                    s = toks[colon_before - 1].end if colon_before > first else toks[first].start
                    line_start = _line_start(ctx.text, toks[first].start, toks[colon_before].start)
                    ctx.drafts.append(Draft(speaker, cue_span, (line_start, s), True, sentence,
                                            outlet, "cue-after-colon"))
                    continue
        if content_tok is None or content_tok >= last:
            if phrase is not None and phrase.kind in ("name", "anon"):
                ctx.remember(speaker)  # أكدها نائب سابق: the speaker of what follows
            continue
        if toks[content_tok].w in OPEN_QUOTES:
            start, end = _direct_content(ctx, toks, content_tok, sent_end)
            direct = True
        else:
            while content_tok < last - 1 and toks[content_tok].w in COMMAS:
                content_tok += 1  # وبين أنه، أمام النقص ...
            start = toks[content_tok].start
            if toks[content_tok].w.startswith("ف") and toks[content_tok].w[1:] in lex.comps:
                start += 1
            end = _trim_end(ctx.text, start, sent_end)
        if len(ctx.text[start:end].split()) < 1 or end - start > ctx.max_quote_chars:
            continue
        ctx.remember(speaker)
        ctx.drafts.append(Draft(speaker, cue_span, (start, end), direct, sentence, outlet,
                                "cue-" + form.frame))


def _colon_before(toks: list[Tok], first: int, i: int) -> int | None:
    """Index of a colon a few tokens before the verb (محاولة اغتيال ... : مصدر أمني يوضح)."""
    for k in range(i - 1, max(first - 1, i - 6), -1):
        if toks[k].w == ":":
            return k
        if not toks[k].is_word:
            return None
    return None


def _line_start(text: str, lo: int, pos: int) -> int:
    nl = text.rfind("\n", lo, pos)
    start = nl + 1 if nl >= 0 else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


def attribution_quotes(ctx: Context, toks: list[Tok], first: int, last: int, sent_end: int,
                       sentence: int, hits: list[tuple[int, int]]) -> None:
    """Quotes attributed by "according to" phrases (وفقاً لـ، بحسب، نقلاً عن، وفق ما جاء في بلاغ لـ).

    Args:
        ctx: the article context.
        toks: tokens of the sentence.
        first: index of the first token.
        last: index after the last token.
        sent_end: folded end of the sentence.
        sentence: index of the sentence.
        hits: (index of the first token of the phrase, number of tokens of the phrase).
    """
    lex = ctx.lex
    for p, n in hits:
        q = p + n
        if q >= last:
            continue
        phrase_tok = toks[p]
        pro = 1 if phrase_tok.w.startswith("و") and phrase_tok.w[1:2] in "وبحطنعك" and \
            not phrase_tok.w.startswith(("وفق", "وفقا")) else 0
        if phrase_tok.w.startswith("وو"):
            pro = 1
        cue_span = (phrase_tok.start + pro, toks[q - 1].end)
        kinds, _ = head_at(lex, toks, q)
        if "manner" in kinds or strip_article(toks[q].w) in ("قوله", "قولها", "تعبيره", "تعبيرها"):
            ctx.breaks.add(phrase_tok.start)
            continue
        a = q
        if toks[a].w == "ما" and a + 1 < last:
            verb = toks[a + 1].w
            if verb not in ATTRIBUTION_VERBS and verb[:1] not in "يت" and verb not in lex.cues:
                continue
            cue_span = (toks[a + 1].start, toks[a + 1].end)
            a += 2
            if a < last and toks[a].w in ("به", "بها", "له", "لها"):
                a += 1  # بحسب ما أفاد به المتحدث
            if a < last and toks[a].w in ("في", "عن") and a + 1 < last and \
                    "medium" in head_at(lex, toks, a + 1)[0]:
                a += 2
        elif " ".join(t.w for t in toks[p:q]) in lex.attribution_lam and not toks[a].w.startswith("ل"):
            continue
        if a >= last:
            continue
        initial = all(t.w in ("و", "ف") for t in toks[first:p])
        if initial:
            b = a
            while b < last and toks[b].w not in COMMAS and toks[b].w not in lex.comps \
                    and toks[b].w not in OPEN_QUOTES and b - a < MAX_SPEAKER_TOKENS:
                b += 1
            b_np = noun_phrase_end(lex, toks, a, last, ctx.entity_ends)
            if b == last or b - a > 8 or (b_np < b and toks[b_np].is_word):
                b = b_np  # وبحسب تقارير فلسطينية | فيرجح أن ...
            b = _apposition_end(ctx, toks, b, last)  # وفقا للعضو في اللجنة، سالم الورفلي، فإن
        else:
            b = last
            while b > a and toks[b - 1].w in SENTENCE_END:
                b -= 1
        phrase = ctx.analyze(toks, a, b)
        if phrase is None or not (phrase.kind in ("anon", "body", "role", "anaphor") or (
                phrase.kind == "name" and (phrase.certain or phrase.role is not None))):
            continue  # حسب القانون، بحسب كنية الأم: not a source
        speaker = ctx.make_speaker(phrase, ctx.speakers)
        if initial:
            j = b
            for k in range(b, min(last, b + MAX_SPEAKER_TOKENS)):
                w = toks[k].w
                if w in SENTENCE_END or w in OPEN_QUOTES:
                    break
                if w[0] == "ف" and len(w) > 2 and (w in lex.comps or w[1:] in FA_WORDS):
                    j = k  # وحسب بيان صحفي، نشر على الموقع ...، فقد عقدت اللجنة
                    break
            while j < last and (toks[j].w in COMMAS or toks[j].w in lex.comps):
                j += 1
            if j >= last:
                continue
            if toks[j].w in OPEN_QUOTES:
                start, end = _direct_content(ctx, toks, j, sent_end)
                direct = True
            else:
                w = toks[j].w
                fa = w.startswith("ف") and (len(w) > 3 or w[1:] in FA_WORDS)
                start = toks[j].start + (1 if fa else 0)
                end, direct = _trim_end(ctx.text, start, sent_end), False
        else:
            covered = [d for d in ctx.drafts if d.sentence == sentence and d.content[0] < phrase_tok.start]
            ctx.breaks.add(phrase_tok.start)
            if covered:
                if phrase.kind in ("body", "unknown") and covered[-1].outlet is None:
                    covered[-1].outlet = ctx.outlet_text((phrase.start, phrase.end))
                continue
            start = toks[first].start
            if toks[first].w in ("و", "ف"):
                start = toks[first + 1].start
            end, direct = _trim_end(ctx.text, start, phrase_tok.start), False
        if end <= start:
            continue
        ctx.remember(speaker)
        ctx.drafts.append(Draft(speaker, cue_span, (start, end), direct, sentence,
                                ctx.outlet_text(phrase.outlet) if phrase.outlet else None, "attribution"))


def colon_quotes(ctx: Context, toks: list[Tok], first: int, last: int, sent_end: int, sentence: int) -> None:
    """Headline and pull-quote lines: "SPEAKER: content" (سعد السعدي: الرد الأميركي متوقع)."""
    lex = ctx.lex
    for c in range(first + 1, last - 1):
        if toks[c].w != ":" or toks[c].start in ctx.used_colons:
            continue
        if any(qs <= toks[c].start < qe for qs, qe in ctx.quotations.items()):
            continue
        line_start = _line_start(ctx.text, toks[first].start, toks[c].start)
        s = c
        while s > first and toks[s - 1].start >= line_start and toks[s - 1].is_word and c - s < 4:
            s -= 1
        at_line_start = s == first or toks[s - 1].start < line_start
        phrase: SpeakerPhrase | None = None
        for a in range(s, c):
            if c - a > 4 or any(cue_form_at(lex, t) for t in toks[a:c]):
                continue
            cand = ctx.analyze(toks, a, c)
            if cand is None:
                continue
            if cand.kind in ("role", "body", "anon") and head_at(lex, toks, a)[0]:
                phrase = cand
                break
            if cand.kind == "name" and (c - a >= 2 or toks[a].start in ctx.entity_ends) and (
                    (a == s and at_line_start) or c - a == 2):
                phrase = cand
                break
        if phrase is None or (phrase.start > toks[first].start and _governed(toks, phrase.start)):
            continue  # وقع الانفجار في شارع الحرية : ...: a place, not a speaker
        j = c + 1
        first_w = toks[j].w
        if toks[j].is_word and (head_at(lex, toks, j)[0] & {"role", "anon"} or (
                nisba_like(first_w) and not is_definite(first_w))):
            continue  # يوسف القرضاوي : داعية مصري ... is a description, not a statement
        end = sent_end
        for k in range(j + 1, last):
            if toks[k].w == ":":
                end = toks[max(j, k - 2)].start
                break
        start = toks[j].end if toks[j].w in OPEN_QUOTES else toks[j].start
        end = _trim_end(ctx.text, start, end)
        if len(ctx.text[start:end].split()) < 2:
            continue
        speaker = ctx.make_speaker(phrase, ctx.speakers)
        ctx.remember(speaker)
        ctx.drafts.append(Draft(speaker, (toks[c].start, toks[c].end), (start, end), True, sentence,
                                None, "colon"))


def _governed(toks: list[Tok], pos: int) -> bool:
    """True when the word before folded ``pos`` is a preposition (في شارع الحرية)."""
    k = next((i for i, t in enumerate(toks) if t.start >= pos), 0)
    return k > 0 and toks[k - 1].w in PREPOSITIONS


def cue_form_at(lex: Lexicon, tok: Tok) -> tuple[int, str] | None:
    """(proclitic length, folded form) when the token is a reporting verb form, else None."""
    m = lex.cue_re.fullmatch(tok.w)
    if m is None:
        return None
    return len(m.group(1)), m.group(2)


def definite_reading(w: str) -> str:
    """The folded word without clitics and article, for comparing heads (وللصحيفة -> صحيفه)."""
    return strip_article(clitic_keys(w)[-1][0])
