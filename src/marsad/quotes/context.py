"""State shared by the quote finders: speakers met so far, drafts, and helpers over sentence tokens.

The finders (:mod:`marsad.quotes.cues`, :mod:`marsad.quotes.attributions`) read one sentence at a
time (tokens of the folded text) and append :class:`Draft` quotes to the :class:`Context`, which
also keeps the speakers met so far, so that continuations (وأضاف أن، وأشار إلى أن), pronoun
subjects (وقال إن) and anaphora (وأضافت الصحيفة، ذات البلاغ) find the speaker they refer to. Spans
are folded offsets until :mod:`marsad.quotes` maps them back.
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
    SpeakerPhrase,
    Tok,
    addressee_len,
    clitic_keys,
    folded_set,
    guest_len,
    head_at,
    insert_len,
    is_definite,
    medium_at,
    nisba_like,
    tokenize,
)
from marsad.quotes.speaker import analyze_speaker
from marsad.text.normalize import fold_key

# Beyond this many tokens after a verb, a complementiser belongs to another clause; measured on the
# dev articles, where the longest speaker phrase (role, apposition, name, outlet) takes about 24 tokens.
MAX_SPEAKER_TOKENS = 30
# A pronoun subject (وقال إن) refers back at most this many characters: about three paragraphs of
# news prose. Beyond it the referent is too uncertain and the statement is dropped.
MAX_PRONOUN_DISTANCE = 1500
SENTENCE_END = frozenset(".!?؟")
# How far before a person named as a subject its clause's verb is looked for (a verb, a role of a
# few words and commas: "وقدم الرئيس التنفيذي لشركة الطيران، " takes 34 characters).
SUBJECT_WINDOW = 120
# A preposition that opens the content (تحدث ... عن، أصدرت ... بياناً) is looked for this many tokens
# on: the dev article with the longest insert (في تصريح لمراسلة ... على هامش تظاهرة ...) needs about 40.
MAX_PREP_DISTANCE = 50
# For verbs whose content may also be a bare noun phrase (أعلن، كشف) the preposition (عن) is only
# looked for close by: a subject with a long complement and a time adverb take about ten tokens.
NP_PREP_DISTANCE = 12
# An inserted "في بيان ..." phrase between the subject and a noun-phrase content is skipped when a
# comma closes it within this many tokens (في تصريح لمراسلة "الجوهرة أف أم"، takes eight).
MEDIUM_INSERT = 10
# Inserts that govern a noun phrase (خلال اجتماع ...، إثر لقائه ...،), skipped up to the comma that
# closes them within this many tokens: the longest seen on ANT ("خلال اجتماع لجنة المالية والتخطيط
# والتنمية بمجلس نواب الشعب للنظر في الفصول الخلافية في مشروع قانون المالية لسنة 2017،") has 17.
GOVERNED_INSERT = 20
GOVERNING_INSERTS = folded_set({"خلال", "أثناء", "إثر", "عقب"})
# An attribution that ends its sentence takes everything after it as the source up to this many
# tokens (وفقاً للعضو في المركز الإعلامي الخاص بعملية استعادة سرت، رضا عيسى. takes 12); a longer
# remainder holds another clause, and only the noun phrase is the source.
FINAL_SOURCE_TOKENS = 16
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
    gender: str = ""  # "m", "f" or "pl" as the verb that introduced it agrees; "" when unknown
    role_head: str = ""  # folded head of a person's role without the article (وزير)
    phrase_key: str = ""  # folded phrase that introduced a person (name, role and appositions)


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
    mention_ends: dict[int, int]  # folded start -> end of every mention: a noun phrase takes them whole
    person_starts: frozenset[int]  # folded starts of PER mentions
    speaker_starts: frozenset[int]  # folded starts of PER/ORG/GPE mentions: قطر تنفي، نفت قطر
    place_starts: frozenset[int]  # folded starts of GPE/LOC/FAC mentions: never before a headline colon
    max_quote_chars: int
    make_speaker: Callable[[SpeakerPhrase, list[Speaker]], Speaker]
    outlet_text: Callable[[tuple[int, int]], str]
    # the body that issued the document named in folded [lo, hi) (في بيان صادر عن الرئاسة), or None
    issued_by: Callable[[int, int], Speaker | None] = lambda lo, hi: None
    speakers: list[Speaker] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # folded positions where a content must stop
    used_colons: set[int] = field(default_factory=set)
    _surnames: tuple[int, frozenset[str]] = (0, frozenset())

    def surnames(self) -> frozenset[str]:
        """Last words of the names met so far, with and without the article (عباسي، العباسي)."""
        if self._surnames[0] != len(self.speakers):  # speakers are only appended: their count dates it
            out: set[str] = set()
            for s in self.speakers:
                if s.surname:
                    out.add(s.surname)
                    out.add(s.surname[2:] if s.surname.startswith("ال") and len(s.surname) > 4 else
                            "ال" + s.surname)
            self._surnames = (len(self.speakers), frozenset(out))
        return self._surnames[1]

    def analyze(self, toks: list[Tok], a: int, b: int) -> SpeakerPhrase | None:
        return analyze_speaker(self.lex, toks, a, b, persons=self.persons, surnames=self.surnames())

    def remember(self, speaker: Speaker) -> Speaker:
        if not self.speakers or self.speakers[-1] is not speaker:
            self.speakers.append(speaker)
        return speaker


def trim_end(text: str, start: int, end: int) -> int:
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


# "According to" before the form of a statement (وفق بيان، حسب بلاغ): between commas, an insert.
BY_STATEMENT = frozenset(fold_key(w) for w in ("وفق", "وفقا", "وفقاً", "حسب", "بحسب", "طبقا", "طبقاً"))


def skip_fillers(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """Skip commas, time adverbs and inserted phrases (أخيراً، اليوم الثلاثاء، من جهته، في بيان مقتضب،)."""
    while j < stop:
        w = toks[j].w
        if w in COMMAS or w in lex.time_words or w.isdigit():
            j += 1
        elif w in GOVERNING_INSERTS and (g := _governed_end(lex, toks, j, stop)) > j:
            j = g
        elif n := insert_len(lex, toks, j):
            j += n
        elif w in ("من", "ومن") and j + 1 < stop and toks[j + 1].w in lex.inserts:
            j += 2
        elif n := guest_len(toks, j, stop):
            j += n  # ، ضيف برنامج "بوليتيكا" اليوم،
        elif w[0] == "ل" and len(w) > 3 and (n := addressee_len(lex, toks, j, stop)):
            j += n  # وأضاف للصحفيين، وأكد للجوهرة "اف ام": to whom, not who
        elif w in BY_STATEMENT and j + 1 < stop and medium_at(lex, toks, j + 1) and (k := next(
                (k for k in range(j + 2, min(stop, j + MEDIUM_INSERT)) if toks[k].w in COMMAS), None)):
            j = k + 1  # وتؤكد تونس، وفق بيان أصدرته الخارجية اليوم، تضامنها: the source, between commas
        elif w in ("في", "خلال", "عبر", "ضمن") and j + 1 < stop and medium_at(lex, toks, j + 1):
            # في بيان، في بيان مقتضب، في مؤتمر صحافي،: up to the comma that closes it, if near
            k = next((k for k in range(j + 2, min(stop, j + MEDIUM_INSERT)) if toks[k].w in COMMAS), None)
            if k is None:
                # وأعلنت الوزارة في بيان (لها، رسمي، اليوم) مقتل ...: no comma closes it; it ends
                # after its pronoun, nisba adjectives and time words (مقتل is no participle here)
                k = j + 2
                while k < stop and (toks[k].w in ("له", "لها", "لهم", "لهما") or toks[k].w in lex.time_words or
                                    toks[k].w.isdigit() or (nisba_like(toks[k].w) and not toks[k].w.startswith("م"))):
                    k += 1
                if k >= stop or not toks[k].is_word or toks[k].w in lex.comps or toks[k].w in PREPOSITIONS:
                    break
                # وقال في برنامج بوليتيكا إنه: a name or two right before the complementiser names the
                # programme; the subject is the verb's pronoun
                comp = next((c for c in range(k + 1, min(stop, k + 3)) if toks[c].w in lex.comps), None)
                j = comp if comp is not None and all(toks[m].is_word for m in range(k, comp)) else k
                continue
            j = k + 1
        else:
            break
    return j


def _governed_end(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """End of the phrase that the insert at ``j`` governs (خلال اجتماع ...،), or ``j`` when unsure.

    Up to the comma that closes it (وقالت خلال اجتماع لجنة المالية ... لسنة 2017، "إن ..."), or up
    to a complementiser or quotation mark that comes first when no role or source word stands
    between (وقالت خلال الجلسة إن ...), since a subject may follow the phrase (وقالت خلال الجلسة
    رئيسة اللجنة إن).
    """
    for k in range(j + 2, min(stop, j + GOVERNED_INSERT)):
        w = toks[k].w
        if w in COMMAS:
            return k + 1
        if w in SENTENCE_END or w == ":":
            return j
        if w in lex.comps or w in OPEN_QUOTES:
            if any(head_at(lex, toks, m)[0] & {"role", "anon"} for m in range(j + 1, k)):
                return j
            return k
    return j


def apposition_end(ctx: Context, toks: list[Tok], j: int, stop: int) -> int:
    """Extend a subject over a name set off by commas (رئيس الوزراء الكندي، جاستن ترودو، السبت ...)."""
    if j + 2 >= stop or toks[j].w not in COMMAS:
        return j
    for ps, pe in ctx.persons:
        if ps == toks[j + 1].start:  # a PER mention needs no closing comma (، شفيق حجي وجود قائمة)
            k = j + 1
            while k < stop and toks[k].start < pe:
                k += 1
            return k
    k = j + 1
    while k < stop and toks[k].is_word and k - j <= 4:
        k += 1
    if k < stop and toks[k].w in COMMAS:
        phrase = ctx.analyze(toks, j + 1, k)
        if phrase is not None and phrase.kind == "name":
            return k
    return j


def full_name(ctx: Context, phrase: SpeakerPhrase) -> bool:
    """A name of two to four words ending in a nisba surname (روني الطرابلسي، محمد علي الحسني)."""
    if phrase.kind != "name" or phrase.name is None:
        return False
    words = ctx.text[phrase.name[0]:phrase.name[1]].split()
    return 2 <= len(words) <= 4 and words[-1].startswith("ال") and words[-1].endswith("ي") and \
        not words[0].startswith("ال") and not words[0].endswith(("ها", "هم"))  # ترتيبها العالمي


# Prepositions that open a time phrase when a time word or a number follows them.
_TIME_PREPS = frozenset({"منذ", "في", "خلال", "قبل", "بعد", "حتي"})


def skip_time(lex: Lexicon, toks: list[Tok], j: int, stop: int) -> int:
    """Skip time adverbs and numbers (أخيراً، أمس، اليوم الثلاثاء 3 يناير، منذ أوت 2010)."""
    while j < stop:
        if toks[j].w in lex.time_words or toks[j].w.isdigit():
            j += 1
        elif toks[j].w in _TIME_PREPS and j + 1 < stop and (
                toks[j + 1].w in lex.time_words or toks[j + 1].w.isdigit()):
            j += 2  # منذ أوت، في 2010، خلال الأسبوع
        else:
            break
    return j


def direct_content(ctx: Context, toks: list[Tok], q: int, sent_end: int) -> tuple[int, int]:
    """Content of a quotation opening at token ``q``: inside the marks, or on to the clause end."""
    open_tok = toks[q]
    close = ctx.quotations.get(open_tok.start)
    start = open_tok.end
    while start < sent_end and ctx.text[start].isspace():
        start += 1
    # "ان المراكب ...": a complementiser inside the marks opens the content, as it does outside them
    first_word = ctx.text[start:start + 8].split(" ", 1)[0]
    if first_word in ("ان", "بان") and (close is None or start + len(first_word) < close):
        start += len(first_word)
        while start < sent_end and ctx.text[start].isspace():
            start += 1
    if close is None:
        return start, trim_end(ctx.text, start, sent_end)
    inner_end = close - 1
    after = ctx.text[close:max(close, sent_end)]
    # a short quoted word inside a longer statement (وتعتبرها "التفافاً" على مطلب ...): keep the clause
    if len(ctx.text[start:inner_end].split()) < 4 and len(after.split()) >= 2:
        return start, trim_end(ctx.text, start, sent_end)
    return start, trim_end(ctx.text, start, inner_end)


def clause_start(toks: list[Tok], first: int, i: int) -> int:
    """Index of the first token of the clause that contains token ``i`` (after a colon, إلا أن, يذكر أن, لكن)."""
    for k in range(i - 1, first - 1, -1):
        w = toks[k].w
        if w in (":", "ان", "فيما", "بينما", "حيث", "لكن", "ولكن") or w in SENTENCE_END:
            return k + 1
    return first


def last_speaker(ctx: Context, pos: int, gender: str) -> Speaker | None:
    """The speaker a pronoun subject refers to: the latest one that agrees with the verb.

    وقالت الوزيرة ... وقال المتحدث ... وأضافت أن: أضافت goes back to the minister. When none
    within reach agrees (the agreement of a verb with a non-human plural is feminine), the latest.
    """
    recent = [s for s in reversed(ctx.speakers) if pos - s.span[1] <= MAX_PRONOUN_DISTANCE]
    found = next((s for s in recent if not s.gender or not gender or s.gender == gender), None)
    if found is None and recent and gender != "pl":
        found = recent[0]
    if found is not None and gender != "pl":
        # وقدم الرئيس التنفيذي للشركة، أوسكار مونوز، اعتذاراً ... وقال: a person who became the
        # subject of a clause after the last statement is who goes on speaking
        named = subject_between(ctx, found.span[1], pos)
        if named is not None:
            return named
    return found


def subject_between(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """A person named as the subject of a clause between folded ``lo`` and ``hi``, or None.

    The person (a PER mention outside every statement and quotation) must follow the verb that opens
    its clause (after و، a comma or the sentence start), with at most a role between them and no
    preposition (والتقى الوزير بالسفير فلان names the minister's guest, not a speaker).
    """
    for ps, pe in reversed(ctx.persons):
        if ps >= hi:
            continue
        if ps < lo:
            return None
        if any(d.content[0] <= ps < d.content[1] for d in ctx.drafts) or any(
                qs <= ps < qe for qs, qe in ctx.quotations.items()):
            continue
        cut = max(ctx.text.rfind(ch, 0, ps) for ch in ".!?؟\n")
        win = max(lo, cut + 1, ps - SUBJECT_WINDOW)
        toks = tokenize(ctx.text, win, pe)
        m = next((k for k, t in enumerate(toks) if t.start >= ps), len(toks))
        v = _clause_verb(ctx.lex, toks, m)
        if v is None:
            continue
        phrase = ctx.analyze(toks, v + 1, len(toks))
        if phrase is None or phrase.kind != "name" or phrase.name is None or phrase.name[0] > ps:
            continue
        return ctx.make_speaker(phrase, ctx.speakers)
    return None


def _clause_verb(lex: Lexicon, toks: list[Tok], m: int) -> int | None:
    """Index of the verb that opens the clause whose subject starts at token ``m`` (role words between)."""
    k = m - 1
    while k >= 0 and m - k <= 7:
        w = toks[k].w
        if w in COMMAS or w in ("باسم", "بإسم"):
            k -= 1
            continue
        if not toks[k].is_word or w.isdigit() or w in FUNCTION_WORDS:
            return None
        if w[0] in "بك" or w[:2] in ("وب", "فب", "وك"):
            return None  # بالسفير فلان: governed by a preposition
        if is_definite(w) or head_at(lex, toks, k)[0] or (k + 1 < m and w[0] == "ل"):
            k -= 1  # the role: الرئيس التنفيذي لشركة الطيران
            continue
        bare = w[1:] if w[0] in "وف" and len(w) > 3 else w
        opens = k == 0 or toks[k - 1].w in COMMAS or toks[k - 1].w in ("و", "ف") or bare != w
        if opens and 3 <= len(bare) <= 6 and not bare.endswith("ه") and lex.cue_re.fullmatch(w) is None:
            return k
        return None
    return None


def verb_gender(form_key: str, form: CueForm) -> str:
    """Agreement of a cue form: "m", "f" or "pl" (قال m، قالت f، قالوا pl، مضيفة f، يقولون pl).

    >>> verb_gender("قالت", CueForm(lemma="قال", frame="that", aspect="past", preps=()))
    'f'
    """
    if form.aspect == "past":
        if form_key.endswith(("وا", "تا")) or (form_key.endswith("ا") and not form.lemma.endswith("ا")):
            return "pl"
        return "f" if form_key.endswith("ت") and form_key != form.lemma else "m"
    if form.aspect == "present":
        if form_key.endswith(("ون", "ان")):
            return "pl"
        return "f" if form_key.startswith("ت") else "m"
    if form_key.endswith("ين"):
        return "pl"
    return "f" if form_key.endswith("ه") else "m"


def line_start_of(text: str, lo: int, pos: int) -> int:
    nl = text.rfind("\n", lo, pos)
    start = nl + 1 if nl >= 0 else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


def governed(toks: list[Tok], pos: int) -> bool:
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
