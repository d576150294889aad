"""Quotes introduced by reporting verbs: قال إن، أكد أن، أشار إلى أن، مؤكداً، أعلن مسؤوليته ...

For each verb the finder looks for what opens the content (a complementiser, a colon, a quotation
mark, the verb's preposition, or for some verbs a bare noun phrase), then for the speaker: after the
verb (VSO), before it (SVO, كان ... قد، [role]، [name]، أكد), the subject of the clause for a
participle (مؤكداً), or the last speaker that agrees with the verb for a pronoun subject (وقال إن).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.quotes.context import (
    GOVERNING_INSERTS,
    MAX_PREP_DISTANCE,
    MAX_SPEAKER_TOKENS,
    NP_PREP_DISTANCE,
    RENEWED,
    SENTENCE_END,
    Context,
    Draft,
    Speaker,
    apposition_end,
    clause_start,
    cue_form_at,
    direct_content,
    full_name,
    last_speaker,
    line_start_of,
    skip_fillers,
    skip_time,
    trim_end,
    verb_gender,
)
from marsad.quotes.lexicon import CueForm, Lexicon, strip_article
from marsad.quotes.phrases import (
    CLAUSE_BREAKS,
    COMMAS,
    FUNCTION_WORDS,
    OBJECT_NOUN_ENDINGS,
    OPEN_QUOTES,
    PREPOSITIONS,
    RELATIVES,
    SpeakerPhrase,
    Tok,
    has_pronoun_suffix,
    head_at,
    insert_len,
    is_definite,
    is_function,
    medium_at,
    nisba_like,
    plural_head,
)
from marsad.quotes.speaker import noun_phrase_end
from marsad.text.normalize import fold_key

# Verbs that take an object before the complementiser or preposition (وصف الأمر بأنه، أبلغ الوفد أن،
# دعا المواطنين إلى): a noun phrase there that names no speaker is that object.
OBJECT_FIRST = frozenset(fold_key(w) for w in ("وصف", "اتّهم", "أبلغ", "أخبر", "دعا", "ناشد", "طالب", "حذّر", "حثّ"))
# "His words" after a relayed source (نقلت الوكالة عن فلان قوله "..."): the quotation that follows is the statement.
SAYING_NOUNS = frozenset(fold_key(w) for w in ("قوله", "قولها", "قولهم", "قولهما"))
# تعهّد بـ is also "to take a case in hand" (تعهد قاضي التحقيق بالملف، تعهدت الفرقة بالبحث): with a case, an
# inquiry or a file as its object the verb reports no pledge.
TAKE_CHARGE_VERB = fold_key("تعهّد")
CASE_FILES = frozenset(fold_key(w) for w in (
    "ملف", "ملفات", "قضية", "قضايا", "بحث", "أبحاث", "تحقيق", "تحقيقات", "تتبع", "تتبعات", "شكاية", "مسألة"))
# كان opening a clause whose subject comes before the reporting verb (وكان المرصد أعلن).
KANA = frozenset(("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"))
# Marks that close a quotation (a quoted name may end the subject: وكانت وكالة "فرانس برس" أفادت).
CLOSE_QUOTES = frozenset("\"»”")
# "Whereas" before a reporting verb: another speaker's statement begins (فيما، بينما).
CONTRASTS = frozenset(fold_key(w) for w in ("فيما", "بينما"))
# How far after the subject a fused preposition of the verb may stand past a place or a relative clause.
FUSED_PREP_DISTANCE = 12
# Verbs whose statement is about their object, which the content opens (وصف، اتّهم).
OBJECT_CONTENT = frozenset(fold_key(w) for w in ("وصف", "اتّهم"))
# How many tokens the object of وصف، اتّهم may take before their fused preposition (كل من "X" و"Y" بـ).
OBJECT_SCAN = 14
# An object before the fused preposition of a verb that takes one (طالب الوزارة بـ) has at most
# this many words (الهيئة العليا المستقلة للانتخابات).
OBJECT_WORDS = 4
# Particles that open a clause before its verb (كما أكد، فقد طالب) and join it as و does.
CLAUSE_PARTICLES = frozenset(fold_key(w) for w in ("كما", "وكما", "فقد", "وقد", "لقد", "قد"))
# Verbs that inside a reported clause tell of an act more often than of words (أن السلطات أصدرت
# مذكرة، أن الوزارة أبلغت السفير): never read as a nested statement.
NOT_NESTED = frozenset(fold_key(w) for w in ("أصدر", "أبلغ", "أخبر", "دعا", "اعترف", "طالب"))
# Object pronouns a verb of OBJECT_FIRST may carry before its preposition (اتهمتها بـ، وصفه بـ).
OBJECT_PRONOUNS = frozenset(("ه", "ها", "هم", "هما", "هن"))
# Words that open an attribution with ما (وفق ما أكده، حسب ما ذكره، على ما أوضح).
ATTRIBUTION_OPENERS = frozenset(fold_key(w) for w in ("وفق", "حسب", "بحسب", "على", "علي", "حسبما", "وفقا"))
# Quantifiers that open an addressee (كل الأطراف، كافة المواطنين، جميع الأحزاب).
QUANTIFIERS = frozenset(fold_key(w) for w in ("كل", "كافة", "جميع", "عموم"))
# How far the occasion of a statement (في مكالمة هاتفية مع نظيره ...) may run before its content.
OCCASION_WORDS = 14
# How many words a name in quotation marks inside a speaker phrase may have before a complementiser.
QUOTED_NAME_WORDS = 5
# Calls and demands: what they call for starts with whom they address (دعت الحركة الحكومة إلى ...).
CALL_VERBS = frozenset(fold_key(w) for w in ("دعا", "طالب", "ناشد", "حثّ"))
# Forms of بيّن that with a pronoun read as بين "between" (بينه، بينهم).
BETWEEN = frozenset({"بين", "تبين", "يبين"})
# Particles that link a clause to the one before (as, since, where): a verb after them with its own subject
# opens a statement of another speaker inside the content of the first.
CLAUSE_LINKS = frozenset(fold_key(w) for w in ("كما", "إذ", "إذا", "حيث"))
# "Also": a verb after it, without a subject of its own, goes on with the speaker before.
ALSO = frozenset(fold_key(w) for w in ("كما", "كذلك"))
# Verbs that call a thing something (وصف، اعتبر): "ما وصفه الوزير بالاستفزاز" reports the minister's words.
NAMING_VERBS = frozenset(fold_key(w) for w in ("وصف", "اعتبر"))
# Pronouns that may stand before "ما" as the subject of "which" (وهو ما اعتبره ...).
WHICH_PRONOUNS = frozenset(fold_key(w) for w in ("هو", "هي", "وهو", "وهي"))
# Forms of a reporting verb that are also a preposition of the channel (عبر "via").
VIA = frozenset({"عبر"})


# Words that, with a preposition after them, coordinate rather than govern (فضلا عن، إضافة إلى، علاوة على).
COORDINATING_HEADS = frozenset(fold_key(w) for w in ("فضلا", "إضافة", "بالإضافة", "علاوة"))


def _preverbal(ctx: Context, toks: list[Tok], first: int, i: int) -> tuple[SpeakerPhrase | None, bool]:
    """The subject written before the verb, and whether its place alone proves it a subject.

    Handles كان X قد (strong), [role]، [name]، أكد, وفي تصريح لـX ... أكد (strong), and the noun
    phrase right before the verb (اتحاد الشغل يدعو، شخصيات فنية من هوليوود أعربت).
    """
    lex = ctx.lex
    c = clause_start(toks, first, i)
    for k in range(i - 1, c - 1, -1):
        if cue_form_at(lex, toks[k]) is not None:
            c = k + 1  # وقال ناجون نقلوا ...: the subject of نقلوا is not before قال
            break
    a, b = c, i
    strong = False
    while a < b and (toks[a].w in ("و", "ف") or toks[a].w in COMMAS or _time_word(lex, toks[a].w)):
        a += 1  # وأخيرا أعلنت، ومؤخرا، قال: an adverb of time opens the clause, it names nobody
    while b > a and (toks[b - 1].w in COMMAS or toks[b - 1].w in ("قد", "لقد", "فقد", "وقد", "كان", "كانت")):
        strong = strong or toks[b - 1].w not in COMMAS
        b -= 1
    # ...، وكانت إيران تعلن: a كان clause after a comma opens the subject's clause
    a = next((k for k in range(b - 2, a, -1) if toks[k].w in KANA and (
        toks[k - 1].w in COMMAS or toks[k].w.startswith("و"))), a)
    kana = a < b and toks[a].w in KANA
    if kana:
        a += 1
        strong = True
    if a >= b:
        return None, False
    if toks[a].w.startswith(("باتصال", "وباتصال")) and a + 1 < b:
        a += 1  # وباتصالنا بالمديرة الجهوية ...، أكدت: "when we called" is not the subject
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
        if whole is not None and whole.kind == "unknown" and _bare_definite_subject(lex, toks, a, b) and \
                i + 1 < len(toks) and toks[i + 1].w in lex.comps:
            # لكن البابا قال إن ...: a definite noun (with its adjectives) alone between the clause's
            # start and a verb that a complementiser follows is its subject, whatever the lexicons know
            return whole, True
    if kana:
        # وكانت وكالة "فرانس برس" أفادت، وكان المرصد السوري ... المعارض لبشار الأسد أعلن: the subject is
        # the noun phrase that كان opens, whatever follows it before the verb
        end = noun_phrase_end(lex, toks, a, b, ctx.mention_ends, ctx.person_starts)
        subject = ctx.analyze(toks, a, end) if end > a else None
        if subject is not None and subject.kind != "unknown":
            return subject, True
    best: SpeakerPhrase | None = None
    k = b - 1
    while k >= a and b - k <= 6:
        tok = toks[k]
        if not tok.is_word or tok.w.isdigit() or (tok.w in FUNCTION_WORDS and tok.w not in ("في", "من")):
            break
        kinds, _ = head_at(lex, toks, k)
        starts_entity = tok.start in ctx.entity_ends
        # (a noun a preposition governs is no subject: العثور على مواقع تدعو للعنف; but في and من
        # link a description to its place or body, شخصيات فنية من هوليوود أعربت, read further back)
        # (فضلا عن، إضافة إلى: a coordinator built on a preposition adds a subject, it governs none)
        governed = k > first and toks[k - 1].w in PREPOSITIONS and toks[k - 1].w not in ("في", "من") and not (
            k - 1 > first and toks[k - 2].w in COORDINATING_HEADS)
        if (kinds & {"anon", "body", "role"} or starts_entity) and tok.w not in ("في", "من") and not governed:
            best = ctx.analyze(toks, k, b) or best
        k -= 1
    return best, False


def _bare_definite_subject(lex: Lexicon, toks: list[Tok], a: int, b: int) -> bool:
    """Tokens [a, b) are one to three words with the article, none a function or time word."""
    return 0 < b - a <= 3 and all(
        t.is_word and is_definite(t.w) and not is_function(t.w) and t.w not in lex.time_words and
        not t.w.startswith(("بال", "وبال", "كال", "لل", "ولل")) for t in toks[a:b])


def _time_word(lex: Lexicon, w: str) -> bool:
    """True for a time adverb of boundaries.tsv, also behind و or ف (وأخيرا، فمؤخرا)."""
    return w in lex.time_words or (len(w) > 3 and w[0] in "وف" and w[1:] in lex.time_words)


def _opens_with_kana(toks: list[Tok], first: int, i: int) -> bool:
    """True when the clause of the verb at ``i`` opens with كان (وكانت وكالة "فرانس برس" أفادت)."""
    c = clause_start(toks, first, i)
    while c < i and toks[c].w in ("و", "ف"):
        c += 1
    return c < i and toks[c].w in KANA


def _clause_subject(ctx: Context, toks: list[Tok], first: int, i: int) -> SpeakerPhrase | None:
    """Subject of the clause that a participle (مؤكداً، مجددة) or a verb after و hangs on.

    The clause is read from its start, and when that names no subject, from after each comma before
    the verb, nearest first (بعد جدل ...، حول الصورة ...، خرجت الفتاة المحجبة عن صمتها وقالت).
    """
    c = clause_start(toks, first, i)
    phrase = _subject_at(ctx, toks, c, i)
    if phrase is not None:
        return phrase
    for k in range(i - 2, c, -1):
        if toks[k].w in COMMAS:
            phrase = _subject_at(ctx, toks, k + 1, i)
            if phrase is not None:
                return phrase
    return None


def _addressee(lex: Lexicon, toks: list[Tok], j: int, content_tok: int, cues: set[int]) -> int | None:
    """Index of the object a call or a demand addresses, between ``j`` and its preposition, or None.

    The object is a noun phrase (الحكومة ووزارة الداخلية، كل الأطراف، الدولة التونسية) right at ``j``;
    an adverb (بالمقابل، اليوم) or a preposition there names nobody.
    """
    if not j < content_tok <= j + OBJECT_SCAN:
        return None
    w = toks[j].w
    if not toks[j].is_word or w in lex.time_words or (w in FUNCTION_WORDS and w not in QUANTIFIERS) or \
            w in PREPOSITIONS or \
            w in lex.comps or w[:1] in "بل" or w.isdigit():
        return None
    if any(k in cues or toks[k].w in SENTENCE_END or toks[k].w in lex.comps or toks[k].w in OPEN_QUOTES
           for k in range(j, content_tok - 1)):
        return None
    return j


def _attributed_subject(ctx: Context, toks: list[Tok], first: int, i: int) -> SpeakerPhrase | None:
    """The source of an attribution right before a participle (وفق ما أكده مصدر أمني ...، مشيرا إلى).

    The participle goes on with the one the attribution names: "وفق/حسب/على ما" + a reporting verb
    (with its resuming pronoun), then the source up to the comma or the participle.
    """
    lex = ctx.lex
    for k in range(i - 2, max(first, i - MAX_SPEAKER_TOKENS - 3), -1):
        w = toks[k].w
        if w in SENTENCE_END or w in lex.comps:
            return None
        if w != "ما" or k == first or k + 2 >= i:
            continue
        opener = toks[k - 1].w
        if opener[:1] == "و" and opener[1:] in ATTRIBUTION_OPENERS:
            opener = opener[1:]
        verb = toks[k + 1].w
        bare_verb = next((verb[:-len(x)] for x in ("ها", "هم", "ه")
                          if verb.endswith(x) and len(verb) - len(x) >= 3), verb)
        if opener not in ATTRIBUTION_OPENERS or (verb not in lex.cues and bare_verb not in lex.cues):
            return None
        a = k + 2
        if toks[a].w in ("به", "بها", "عنه", "عنها", "له", "لها"):
            a += 1
        a = skip_fillers(lex, toks, a, i)
        b = a
        while b < i and toks[b].w not in COMMAS:
            b += 1
        phrase = ctx.analyze(toks, a, b) if b > a else None
        if phrase is None or not (phrase.certain or phrase.role is not None or phrase.kind in (
                "anon", "body", "role", "anaphor") or toks[a].start in ctx.speaker_starts):
            return None
        return phrase
    return None


def _subject_at(ctx: Context, toks: list[Tok], c: int, i: int) -> SpeakerPhrase | None:
    """The subject of the clause that starts at token ``c``, before the verb at ``i``."""
    lex = ctx.lex
    while c < i and toks[c].w in ("و", "ف", "كما", "ثم", "قد", "لقد", "فقد", "وقد"):
        c += 1  # كما توجه المعتمد ... وأكد: the particles before the clause's verb
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
        start = skip_fillers(lex, toks, c + 1, i)
    if start >= i:
        return None
    # الرئيس التنفيذي للشركة، أوسكار مونوز، ...، قائلاً: the name set off by commas is the subject's
    end = apposition_end(ctx, toks, noun_phrase_end(lex, toks, start, i, ctx.mention_ends, ctx.person_starts), i)
    if start < end < i and end - start <= 3 and toks[end].start in ctx.person_starts and \
            not any(t.w in COMMAS or t.w in FUNCTION_WORDS for t in toks[start:end]):
        # وأثنى الأب أيدي بولي، ... قائلاً: a title or a role right before a person's name is theirs
        end = next((k for k in range(end + 1, i) if toks[k].start >= ctx.mention_ends[toks[end].start]), i)
    if end <= start:
        return None
    phrase = ctx.analyze(toks, start, end)
    if phrase is None or not (phrase.certain or phrase.role is not None or phrase.kind in (
            "anon", "body", "role", "anaphor") or toks[start].start in ctx.speaker_starts):
        return None  # a guess from shape alone right after an unknown verb is too weak
    return phrase


def _prep_content(lex: Lexicon, form: CueForm, toks: list[Tok], j: int, stop: int,
                  cues: set[int], mentions: dict[int, int]) -> int | None:
    """Index of the first content token after the preposition of a "prep" verb (or None).

    The preposition may come after inserted phrases (وتحدث الطبيب في تصريح لـ... عن "...") but not
    past another reporting verb. A fused one-letter preposition stays on the content word
    (تعهدت بتوفير الحماية) and must come at once or after one parenthetical between commas.
    """
    fused = [p for p in form.preps if len(p) == 1]
    k = j
    while k < stop and (toks[k].w in COMMAS or (k > j and toks[k].w in lex.time_words)):
        k += 1  # أفادت، أمس بمقتل ...: a comma and a time adverb before the content
    if k < stop and fused and len(toks[k].w) > 2 and toks[k].w[0] in fused and toks[k].w not in (
            "بها", "لها"):
        return k
    if fused and j < stop and (toks[j].w == "في" or toks[j].w in RELATIVES):
        # اعترفت الشرطة في ولاية لوزيانا بجريمة ...، اعترفت اللجنة التي شكلتها المملكة، باستهداف ...:
        # a place or a relative clause on the subject, then the fused preposition (after a comma
        # when a relative clause stands between)
        for k in range(j + 1, min(stop, j + FUSED_PREP_DISTANCE)):
            w = toks[k].w
            if k in cues or w in SENTENCE_END or w in lex.comps or w in OPEN_QUOTES or (
                    toks[j].w == "في" and w in PREPOSITIONS):
                break  # (صرح ضابط في الأنبار عن مقتل ... بتفجير: a second preposition opens the content)
            if len(w) > 3 and w[0] in fused and w not in ("بها", "لها") and (
                    toks[j].w == "في" or toks[k - 1].w in COMMAS):
                return k
    if k + 1 < stop and toks[k].w in fused:
        return k + 1  # وصفه بـ "درع تونس": the preposition written apart (with a tatweel) before the content
    if j < stop and toks[j].w in COMMAS:
        k = j + 1
        while k < stop and toks[k].w not in COMMAS and k - j < 15:
            k += 1
        if k + 1 < stop and fused and len(toks[k + 1].w) > 3 and toks[k + 1].w[0] in fused:
            return k + 1
    if fused and form.lemma in OBJECT_FIRST:
        # وطالبوا الإدارة بصرف المستحقات: the object, then the fused preposition
        for k in range(j + 1, min(stop, j + OBJECT_WORDS + 1)):
            w = toks[k].w
            if w in fused and k + 1 < stop:
                return k + 1  # وصف المدينة بـ "درع تونس": the preposition written apart
            if not toks[k].is_word or w in FUNCTION_WORDS or k in cues:
                break
            # after a word with the article (الإدارة بصرف): after a bare noun the word is its
            # genitive (رئيس بلدية المدينة)
            # (or after a name, اتهمت السلطات تونس بتعطيل)
            if len(w) > 3 and w[0] in fused and w not in ("بها", "لها") and (
                    is_definite(toks[k - 1].w) or any(s <= toks[k - 1].start < e for s, e in mentions.items())):
                return k
    if fused and form.lemma in OBJECT_CONTENT:
        # وصف ترامب كل من "حزب الله" و"حماس" بالإرهاب: a longer object, with its names in quotes
        for k in range(j + 1, min(stop, j + OBJECT_SCAN)):
            w = toks[k].w
            if k in cues or w in SENTENCE_END or w in COMMAS or w in lex.comps:
                break
            if len(w) > 3 and w[0] in fused and w not in ("بها", "لها"):
                return k
    found: int | None = None
    for k in range(j, min(stop - 1, j + MAX_PREP_DISTANCE)):
        w = toks[k].w
        if k in cues or w in SENTENCE_END:
            break
        if w in form.preps and len(w) > 1 and toks[k + 1].w != "هامش":  # على هامش: an insert
            if toks[k + 1].w in OPEN_QUOTES:
                return k + 1  # عن "وجود صد ...": the quoted one, past عن inside a name (الدفاع عن حقوق)
            if found is None:
                found = k + 1
    if found is not None:
        while found < stop - 1 and (toks[found].w in lex.time_words or toks[found].w.isdigit()):
            found += 1  # أصدرت الوزارة بياناً اليوم السبت لتوضيح ...
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
    # (a participle is no relative verb: هذا التقرير | مشيرا إلى أنه goes on with the speaker)
    hits = [h for h in hits if not (h[0] > first and "medium" in head_at(lex, toks, h[0] - 1)[0] and
                                    lex.cues[h[2]].aspect != "participle")]
    # وأشارت الوزارة، عبر حسابها على تويتر، إلى أن: عبر before a channel (a medium, a word with its
    # pronoun) is the preposition "via", not the verb "expressed" (عبّر عن)
    hits = [h for h in hits if not (h[2] in VIA and not h[1] and h[0] + 1 < last and toks[h[0] + 1].w != "عن" and (
        medium_at(lex, toks, h[0] + 1) or has_pronoun_suffix(toks[h[0] + 1].w)))]
    # بينها، بينهم: "among them", never a verb (and no stop for the search of a complementiser)
    hits = [h for h in hits if not (h[2] in BETWEEN and len(toks[h[0]].w) > h[1] + len(h[2]))]
    # (a participle negated as an adjective, تقارير غير مؤكدة, is no verb and stops nothing)
    # (also after حيث، إذ: ...، حيث قالت إنه: the complementiser after it is not the first verb's)
    cue_at = {i for i, pro, key in hits if pro or i == first or toks[i - 1].w in COMMAS
              or toks[i - 1].w in ("و", "ف", "حيث", "اذ") or toks[i - 1].w in RELATIVES
              or (lex.cues[key].aspect == "participle" and toks[i - 1].w not in ("غير", "وغير")
                  and not _adjectival(lex, toks, first, last, i, key))}
    for i, pro, form_key in hits:
        tok = toks[i]
        form = lex.cues[form_key]
        cue_span = (tok.start + pro, tok.start + pro + len(form_key))
        suffix = tok.w[pro + len(form_key):]
        # وإدانتها، إضافتها: a noun with its pronoun; بينه، بينهم: "between him/them"
        # (but اتهمتها بـ"دعم الإرهاب"، ووصفته بالاعتداء: a verb of OBJECT_FIRST with its object pronoun
        # and its preposition right after is a verb, and the preposition opens the content)
        pronoun_object = bool(suffix) and form.lemma in OBJECT_FIRST and form.aspect == "past" and \
            suffix in OBJECT_PRONOUNS and i + 1 < last and (toks[i + 1].w in form.preps or (
                len(toks[i + 1].w) > 3 and toks[i + 1].w[0] in form.preps and toks[i + 1].w[0] in "بل"))
        if suffix and (form.aspect == "participle" or form_key.endswith("ت") or form_key in BETWEEN) and \
                not pronoun_object:
            continue
        if suffix == "ه" and form.aspect == "past" and i + 1 < last and toks[i + 1].w in ("الي", "لـ"):
            continue  # إضافة إلى، إشارة إلى: the verbal noun (folded like أضافه), "in addition to"
        prev = toks[i - 1].w if i > first else ""
        if prev == "ما" and i - 2 >= first and toks[i - 2].w == "في":
            prev = "فيما"  # في ما أكد الطلبة أن ...: فيما written in two words
        if prev == "ما" and form.lemma in NAMING_VERBS and suffix in OBJECT_PRONOUNS and \
                _named_thing(ctx, toks, first, last, i, form, cue_span, sent_end, sentence):
            continue
        if prev in ("ما", "حد"):
            continue  # بحسب ما ذكرت، على حد وصفه: the attribution finder reads these
        # كما أكد، فقد طالب، وقد أعلن opening their clause: "also", "indeed" join the verb to what came
        # before as و does
        has_conj = pro > 0 or prev in ("و", "ف") or (prev in CLAUSE_PARTICLES and (
            i - 1 == first or toks[i - 2].w in COMMAS or toks[i - 2].w in SENTENCE_END))
        # فيما اعتبر آخرون أن ...، بينما أكد المعارضون ...، في حين قال ...: a contrast opens a statement of
        # another speaker inside the content of the first, which stops there
        split_fima = prev == "فيما" and toks[i - 1].w == "ما"
        contrast = (i - 2 if split_fima else i - 1) if prev in CONTRASTS else (
            i - 2 if prev == "حين" and i - 2 >= first and toks[i - 2].w == "في" else None)
        # قال المرصد إن 25 قتلوا ... كما أكدت وسائل إعلام حكومية وقوع التفجيرين: "as X confirmed" inside the
        # content of another statement, with its own subject after the verb, is a statement of its own
        # (so after إذ، إذا، حيث: ...، إذ أشارت مصادر إلى أن الحادث إرهابي)
        if contrast is None and prev in CLAUSE_LINKS and not has_conj and not suffix and i + 1 < last and \
                form.aspect == "past" and _names_subject(ctx, toks, i + 1):
            contrast = i - 1
        # ...، كذلك طالبت باسترجاع ...، كما نفى مشاركته: "also" and a verb whose content opens at once go on
        # with the same speaker in a statement of its own
        also = contrast is None and prev in ALSO and not has_conj and not suffix and i + 1 < last and \
            form.aspect == "past" and (toks[i + 1].w in lex.comps or toks[i + 1].w in form.preps or _fused_prep(
                form, toks[i + 1]))
        if also:
            contrast = i - 1
        # قال إن قوات الأمن كشفت ...، وبحسب الشرطة فإن الحارس اعترف ...: the reported clause has its
        # own verb. When its subject opens the reported clause and names a speaker (أورد الموقع أن
        # خاطفي الطائرة قالا إنهما ...) the inner statement is one of its own, nested in the outer one,
        # which it does not end; otherwise the verb is part of what is reported.
        nested: SpeakerPhrase | None = None
        if not has_conj and prev not in COMMAS and form.aspect != "participle":
            outer = [d for d in ctx.drafts
                     if d.sentence == sentence and not d.direct and d.content[0] < tok.start < d.content[1]]
            if (contrast is None and outer) or _after_fa_inna(lex, toks, first, i):
                nested = _nested_speaker(ctx, toks, first, i, outer, form.lemma)
                if nested is None:
                    continue
        if form.aspect == "participle" and prev in ("غير", "وغير"):
            continue  # عملية غير معلنة: a negated adjective, not a participle of saying
        if form.aspect == "participle" and _adjectival(lex, toks, first, last, i, form_key):
            continue
        if form_key in BETWEEN and has_conj and any(t.w.startswith(("بين", "وبين")) for t in toks[max(first, i - 4):i]):
            continue  # بينه وبين عون أمن: the second half of "between ... and ..."
        if form_key in lex.ambiguous and not (has_conj or i == first or prev in COMMAS or prev in RELATIVES or
                                              _opens_after_insert(lex, toks, first, i)):
            continue  # المشاعر بين الثنائي: "between", not "he explained"
        # 1. what opens the content: a complementiser, a colon or a quotation mark
        opener: tuple[str, int] | None = None
        region_end = i + 1
        np_start = skip_fillers(lex, toks, i + 1, last)
        np_end = apposition_end(ctx, toks, noun_phrase_end(
            lex, toks, np_start, last, ctx.mention_ends, ctx.person_starts), last)
        # وصف وزير الدفاع فرحات حرشاني مدينة بن قردان بـ: after a person's name, a place that opens
        # is the object, not more of the subject
        person_at = next((k for k in range(np_start, np_end) if toks[k].start in ctx.person_starts), None)
        if person_at is not None:
            np_end = next((k for k in range(person_at + 1, np_end) if toks[k].start in ctx.place_starts), np_end)
        if form.lemma in OBJECT_FIRST and toks[np_start].start in ctx.mention_ends:
            # اتهمت السعودية الحوثيين بـ: one name, then another that opens the object
            ends = ctx.mention_ends[toks[np_start].start]
            nxt = next((k for k in range(np_start + 1, np_end) if toks[k].start >= ends), None)
            if nxt is not None and toks[nxt].start in ctx.mention_ends:
                np_end = nxt
        if "ب" in form.preps:
            # ندد الوزير بالهجوم، أشاد الرئيس بنجاح ...: after a role, a ب-phrase is the verb's own
            # complement unless it names the seat of the office (المدير بوزارة الخارجية)
            np_end = next((k for k in range(np_start + 1, np_end) if _governed_by_verb(ctx, toks, k)), np_end)
        np_stop = skip_fillers(lex, toks, np_end, last)
        k = i + 1
        while k < last and k - i <= MAX_SPEAKER_TOKENS:
            w = toks[k].w
            if k in cue_at or w in SENTENCE_END:
                break
            if w in lex.comps:
                opener, region_end = ("comp", k + 1), k
                break
            if w in ("الي", "علي", "من", "عن", "في") and k + 1 < last and toks[k + 1].w in lex.comps:
                opener, region_end = ("comp", k + 2), k
                break
            if w == ":":
                opener, region_end = ("colon", k + 1), k
                break
            if w in OPEN_QUOTES:
                close = ctx.quotations.get(toks[k].start)
                # a short quoted name before a complementiser (ضيف "بوليتيكا" ... إن، "يونهاب" بأن)
                words = len(ctx.text[toks[k].end:close].split()) if close is not None else 99
                # (a longer name too when a complementiser follows it past a time adverb at most: رئيسة
                # «اتحاد جمعيات الصحافيين الإسبان» يوم الثلاثاء أن; not a quotation, "سنرد ..." دون أن)
                beyond = [t for t in toks[k + 1:min(last, k + 12)] if close is not None and t.start > close]
                upto_comp = next((n for n, t in enumerate(beyond) if t.w in lex.comps), None)
                short_name = close is not None and k > i + 1 and toks[k - 1].is_word and (words <= 2 or (
                    words <= 3 and upto_comp is not None) or (
                    words <= QUOTED_NAME_WORDS and upto_comp is not None and all(
                        t.w in lex.time_words or t.w in COMMAS or t.w.isdigit() for t in beyond[:upto_comp])))
                # وأعلنت "سرايا أولياء الدم" مسؤوليتها: a quoted institution is the subject
                after_close = [t for t in toks[k + 1:min(last, k + 12)] if t.start >= close] if close else []
                quoted_subject = k == i + 1 and close is not None and words <= 4 and (
                    (bool(head_at(lex, toks, k + 1)[0] & {"body", "anon", "role"}) and any(
                        t.is_word for t in after_close[:4])) or (
                        words <= 3 and any(t.w in lex.comps or t.w == "نقلا" for t in after_close)))
                # after a parenthesis that closes the subject (وقال النائب فلان (الحزب) "..."), too
                # (not after the verb's preposition: أعلنت عن مقتل العامري (24 سنة) "المشتبه به")
                paren = toks[k - 1].w == ")" and toks[np_start].w not in PREPOSITIONS and \
                    toks[np_start].w not in form.preps and any(
                        toks[p].w == "(" and p in (np_end, np_stop) for p in range(max(i + 2, k - 6), k - 1))
                # or after a whole speaker phrase that the noun phrase reading stopped inside
                # (وقالت فلانة المتحدثة باسم الخارجية "...", وقال فلان على تويتر "...")
                # or after "his words" (نقلت الوكالة عن فلان قوله [في اجتماع ...] "...") or after the
                # occasion of a statement the verb opens (وقال في كلمة له أمام البرلمان ... "...")
                # (the occasion may follow the subject, وقال ترامب في بيان "...", but a title in quotes
                # before a complementiser names a programme: في مقابلة مع برنامج "..." أن)
                said = words >= 3 and (any(strip_article(t.w) in SAYING_NOUNS for t in toks[i + 1:k]) or (
                    form.frame == "that" and toks[i + 1].w in ("في", "خلال") and
                    "medium" in head_at(lex, toks, i + 2)[0]) or (
                    form.frame == "that" and not any(t.w in lex.comps for t in after_close[:3]) and any(
                        toks[m].w in ("في", "خلال") and medium_at(lex, toks, m + 1)
                        for m in range(i + 1, min(k - 1, i + 4)))))
                if (k == i + 1 or k == np_stop or toks[k - 1].w in COMMAS or paren or said or _speaker_before_quote(
                        ctx, toks, i, k, words, form)) and not (short_name or quoted_subject):
                    opener, region_end = ("quote", k), k  # وقال المتحدث "..." دون أن يوضح
                    break
                if close is not None:  # a quoted name: a complementiser inside it is not ours
                    while k + 1 < last and toks[k + 1].start < close:
                        k += 1
            k += 1
        # (not after an adverbial phrase: أكد أمس في رده على تساؤلات النواب ... أن)
        if opener is not None and opener[0] == "comp" and form.frame in ("prep", "np") and \
                np_stop < region_end and toks[np_start].w not in PREPOSITIONS:
            w = toks[np_stop].w
            # وطالب الوزير المؤسسات الدولية بمتابعة ... وإلا: the preposition comes first (not an
            # outlet with ل: صرحت، لمبعوث الجوهرة، أن)
            if (w in form.preps and len(w) > 1) or (len(w) > 3 and w[0] == "ب" and w[0] in form.preps):
                opener = None
        if opener is not None:
            # وقال المقدم الوسلاتي، خلال ندوة صحفية عقدها ...، إن: an insert after a comma ends the subject
            # (not في حديث لوكالة ...، which names the outlet the speaker phrase reads)
            # (and ضمن محضر سماعها, "in the record of her hearing", with or without a comma)
            region_end = next((k for k in range(i + 2, region_end) if (
                toks[k].w in COMMAS and k + 1 < region_end and (
                    toks[k + 1].w in GOVERNING_INSERTS or insert_len(lex, toks, k + 1))) or (
                toks[k].w == "ضمن" and medium_at(lex, toks, k + 1))), region_end)
        # 2. the speaker: before the verb (SVO), or after it
        a = skip_fillers(lex, toks, i + 1, last) if form.lemma != "جاء" else i + 1
        if a + 2 < last and toks[a].w in ("كل", "وكل") and toks[a + 1].w == "من":
            a += 2  # أفادت كل من وزارتي الداخلية والدفاع: "each of" opens the subject
        if form.lemma == "جاء":
            # وجاء في بيان لوزارة الخارجية أن ...، وورد في البلاغ أن ...: the statement speaks
            if not (opener is not None and toks[a].w == "في" and "medium" in head_at(lex, toks, a + 1)[0]):
                continue
            named = a + 2 < region_end and toks[a + 2].w.startswith("ل") and len(toks[a + 2].w) > 2
            a = a + 2 if named else a + 1
        phrase: SpeakerPhrase | None = None
        outlet: str | None = None
        svo = False
        if nested is not None:
            phrase, svo = nested, True
        elif not has_conj and i > first and form.aspect != "participle" and prev not in RELATIVES and \
                not split_fima and (
                toks[i - 1].is_word or toks[i - 1].w in COMMAS or (
                    toks[i - 1].w in CLOSE_QUOTES and _opens_with_kana(toks, first, i))):
            before, strong = _preverbal(ctx, toks, first, i)
            after = ctx.analyze(toks, a, region_end) if opener is not None and region_end > a else None
            # after a comma the verb may open a new clause with its own subject (في تعليقه على ...،
            # أشار لطفي الغربي أنه ...): a subject after the verb wins there
            if after is None and opener is None and np_end > a:
                after = ctx.analyze(toks, a, np_end)
                if after is not None and not (after.certain or after.kind in ("anon", "body", "role")):
                    after = None
            if a < last and (toks[a].w in PREPOSITIONS or toks[a].w in form.preps):
                after = None  # كانت وسائل إعلام قد أعلنت | عن مقتل ...: a subject never opens with a preposition
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
            j = skip_fillers(lex, toks, region_end, last)
            if j < last and toks[j].w in OPEN_QUOTES:
                opener = ("quote", j)
        relayed = False
        if opener is not None:
            # ونقلت وكالة بلغا عن النيابة قولها، وقالت يونهاب نقلاً عن مصدر حكومي إن: the source speaks,
            # the one that relays it is the outlet
            for k in range(a, region_end):
                if toks[k].w == "عن" and (form.lemma == "نقل" or (k > a and toks[k - 1].w == "نقلا")):
                    end_outlet = k - 1 if form.lemma == "نقل" else k - 2
                    if end_outlet >= a:
                        outlet = ctx.outlet_text((toks[a].start, toks[end_outlet].end))
                    a, relayed = k + 1, True
                    break
            while region_end > a and (toks[region_end - 1].w in COMMAS or strip_article(
                    toks[region_end - 1].w) in ("قوله", "قولها", "قولهم")):
                region_end -= 1
        if opener is not None and form.frame != "that" and a < np_end < region_end and toks[np_end].is_word \
                and toks[np_end].w[0] not in "بك" and (
                    is_definite(toks[np_end].w) or "body" in head_at(lex, toks, np_end)[0] or (
                        toks[np_end].w.endswith(OBJECT_NOUN_ENDINGS) and toks[np_end].start not in ctx.mention_ends)):
            # ووصف المتحدث | الهجوم بأنه ...، وأنكر الشاب | علاقته بأي وسيط في أنه: the object, not part of the
            # subject
            region_end = np_end
        if not svo and form.aspect != "participle" and region_end > a and form.frame in ("prep", "np") and \
                opener is not None:
            # ودعا النشطاء إلى تنظيم مظاهرة "...": the verb's own preposition after its subject opens the
            # content, wherever a later complementiser or quotation stands (not one inside a name)
            own_prep = next((k for k in range(a + 1, region_end) if toks[k].w in form.preps and len(toks[k].w) > 1
                             and not _inside_mention(ctx, toks[k].start)), None)
            if own_prep is not None:
                opener, region_end = None, own_prep
        if not svo and form.aspect != "participle" and region_end > a:
            end = region_end
            while end > a and (toks[end - 1].w in form.preps or toks[end - 1].w in COMMAS):
                end -= 1
            cand = ctx.analyze(toks, a, end) if end > a and toks[a].w not in PREPOSITIONS else None
            if end > a and toks[a].w in PREPOSITIONS and opener is not None:
                region_end = a  # وذكر بخصوص فلان، أن ...: a subject never opens with a preposition
            # (not a head word that opens with the letter: وأفاد بيان لوزارة الدفاع، وأفاد بلاغ للداخلية)
            if cand is not None and _fused_prep(form, toks[a]) and toks[a].start not in ctx.speaker_starts and \
                    not head_at(lex, toks, a)[0]:
                # وأفادت بمقتل الوزير، وتعهدت بملاحقة ...: the verb's preposition opens the content;
                # the subject is a pronoun
                cand, region_end = None, a
            if cand is not None:
                cand.relayed = relayed
                # (ووصفت شخصيته بـ: a thing with its pronoun is the object of a verb that takes one first;
                # a person with theirs, وقال محاميه، names a head the lexicon knows)
                possessed = form.lemma in OBJECT_FIRST and end - a == 1 and has_pronoun_suffix(toks[a].w) and \
                    not head_at(lex, toks, a)[0] and toks[a].start not in ctx.speaker_starts
                if (cand.kind == "unknown" and opener is not None and form.lemma in OBJECT_FIRST) or possessed or (
                        not relayed and form.aspect == "past" and verb_gender(form_key, form) == "pl"):
                    # ووصف الأمر بأنه ...: the object; the subject is a pronoun. A verb before its
                    # subject is singular, so after وطالبوا، وأكدوا the noun phrase is the object
                    cand = None
                    region_end = a
            # (also past a comma: أعرب عدد من نواب المجلس، عن إدانتهم)
            after_np = region_end + 1 if region_end + 1 < last and toks[region_end].w in COMMAS else region_end
            prep_next = after_np < last and (toks[after_np].w in form.preps or (
                len(toks[after_np].w) > 3 and toks[after_np].w[0] in form.preps))
            if cand is not None and (opener is not None or cand.certain or cand.kind in (
                    "anon", "body", "role", "anaphor") or full_name(ctx, cand) or cand.role is not None or
                    toks[a].start in ctx.speaker_starts or (
                    form.frame == "prep" and prep_next)):
                phrase = cand  # وطالب أبناء الجهة بالتنمية: the preposition marks the subject off
            elif opener is None:
                region_end = a  # وانتقد استمرار القصف: the noun phrase is the content, not a subject
        # 3. no subject written: the subject of the clause, or the last speaker
        speaker: Speaker | None = None
        if phrase is None:
            # (a statement nested in a reported clause has no say in who goes on speaking)
            told = [d for d in ctx.drafts if not d.rule.startswith("nested")]
            same = [d for d in told if d.sentence == sentence and d.speaker is not None]
            mid = any(t.is_word and t.w not in ("و", "ف") for t in toks[first:i])
            if form.aspect == "participle" or (has_conj and mid):
                if same:
                    speaker = same[-1].speaker
                else:
                    phrase = (_attributed_subject(ctx, toks, first, i) if form.aspect == "participle" else None) \
                        or _clause_subject(ctx, toks, first, i)
                    # ... على حد قوله. مؤكدا أن / وأردف قائلا: a participle opening its sentence, or after a
                    # bare verb, goes on with the last speaker; after a clause with words of its own
                    # (وتظاهر العشرات ...، مطالبين) it belongs to that clause's subject, never to
                    # whoever spoke in the sentence before
                    words_before = sum(1 for t in toks[first:i] if t.is_word and t.w not in ("و", "ف"))
                    if phrase is None and form.aspect == "participle" and words_before <= 1 and ctx.drafts and \
                            told and told[-1].sentence >= sentence - 1:
                        speaker = told[-1].speaker
            if phrase is None and speaker is None and form.aspect != "participle":
                if form.aspect == "present" and not suffix and (
                        form_key in lex.impersonal or (not has_conj and not mid)):
                    continue  # يُذكر أن، يُتوقع أن: impersonal
                if form.aspect == "present" and not has_conj and i > first and toks[i - 1].is_word and \
                        not is_definite(prev) and prev not in FUNCTION_WORDS and prev not in RELATIVES and (
                        verb_gender(form_key, form) == "pl" or not (
                            head_at(lex, toks, i - 1)[0] or _inside_mention(ctx, toks[i - 1].start + 1))):
                    # على اسلاميين يقولون إنهم ...، مواقع تدعو للعنف: a clause describing the noun before
                    # it (a plural of things takes the feminine singular)
                    continue
                if prev in RELATIVES and suffix:
                    continue  # الذين طالبهم بـ ...: the antecedent is the object, not the speaker
                if prev in RELATIVES and i - 1 > first:
                    # معتمد الجهة، محمد النصري، الذي قال إن ...: the antecedent of the relative speaks
                    phrase = _preverbal(ctx, toks, first, i - 1)[0]
                    # (حسب بيان للحرس الثوري الذي أوضح: the name the relative follows, not the whole chunk)
                    # (a mention may start past the proclitics of its first word: لل|حرس الثوري)
                    antecedent = next((
                        k for k in range(i - 2, max(first, i - 2 - MAX_SPEAKER_TOKENS) - 1, -1)
                        if any(p in ctx.speaker_starts and ctx.mention_ends.get(p) == toks[i - 2].end
                               for p in range(toks[k].start, min(toks[k].end, toks[k].start + 3)))), None)
                    if antecedent is not None and (phrase is None or phrase.start < toks[antecedent].start):
                        phrase = ctx.analyze(toks, antecedent, i - 1) or phrase
                    if phrase is None or phrase.kind == "unknown" or phrase.end < toks[i - 2].start:
                        continue
                elif (prev in lex.comps or prev in RELATIVES or prev in CLAUSE_BREAKS or prev == "حين") and not (
                        prev == "كما" and (i - 1 == first or toks[i - 2].w in COMMAS)):
                    # بعد أن أعلنت، في حين تنفي ...: the subject is that of another clause; but كما
                    # opening its clause is "also" (كما أكد أن ...), and the last speaker goes on
                    continue
                else:
                    speaker = last_speaker(ctx, cue_span[0], verb_gender(form_key, form))
        # وحذر الأحمد من ...: after و, a word-long preposition of the verb right after the noun phrase
        # marks the verb (a noun would take it only as a genitive chain, وصف القصيدة بأنها)
        own_prep_after = has_conj and phrase is not None and not svo and region_end < last and \
            toks[region_end].w in form.preps and len(toks[region_end].w) > 1
        if phrase is not None and phrase.kind == "unknown" and form_key in lex.ambiguous and \
                not phrase.relayed and not own_prep_after:
            continue  # وصف القصيدة بأنها ...: a noun, not a verb with its subject
        if phrase is not None:
            if form.aspect != "participle" or speaker is None:
                speaker = ctx.make_speaker(phrase, ctx.speakers)
                if not speaker.gender and not phrase.relayed and (svo or form.aspect != "participle"):
                    # (نقلت الوكالة عن الأمير: نقلت agrees with the outlet, not with the source)
                    # a verb before its subject is singular whatever the subject's number
                    gender = verb_gender(form_key, form)
                    if not svo and gender == "m" and not speaker.surname and plural_head(ctx.text[
                            phrase.start:phrase.end]):
                        gender = "pl"  # وقال عمال المصنع ... وطالبوا: the verb before them is singular
                    speaker.gender = gender if svo or gender != "pl" else ""
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
            j0 = skip_time(lex, toks, j0, last)
            j = skip_fillers(lex, toks, j0, last)
            object_at = j
            if form.frame == "prep":
                content_tok = _prep_content(lex, form, toks, j0, last, cue_at, ctx.mention_ends)
                # اتهمت السعودية الحوثيين بإطلاق ...، وصف الوزير المدينة بـ "درع تونس": what is said is
                # about the object, which opens the statement (not بأن, after which the clause is it)
                if form.lemma in OBJECT_CONTENT and content_tok is not None and j < content_tok <= j + OBJECT_SCAN \
                        and toks[j].is_word and toks[j].w not in PREPOSITIONS and \
                        toks[content_tok].w not in lex.comps and toks[content_tok - 1].w not in lex.comps:
                    content_tok = j
            elif form.frame == "np":
                # (the noun phrase of the subject may have run into the occasion: ترامب في مكالمة | هاتفية)
                occasion = next((k for k in range(max(i + 1, j0 - 2), min(j0 + 1, last))
                                 if toks[k].w in ("في", "خلال", "عبر")), j0)
                past = _past_occasion(ctx, toks, occasion, last, cue_at)
                j = past if past != occasion else j
                adverbial = False  # a time adverb or a comma: still before the content
                for k in range(j, min(last, j + NP_PREP_DISTANCE)):
                    w = toks[k].w
                    if k in cue_at or w in SENTENCE_END:
                        break
                    # (or a parenthesis on the subject: دعت الكتلة البرلمانية ( 67 نائبا ) إلى)
                    adverbial = adverbial or w in COMMAS or w in lex.time_words or w == "("
                    if w in form.preps and k + 1 < last and (adverbial or k == j):
                        j = k + 1  # أعلنت اللجنة ... أمس الخميس، عن تشكيل لجنة
                        break
                # (a quotation after the preposition too: دعت الحركة إلى "التهدئة")
                if j < last and ((toks[j].is_word and toks[j].w not in PREPOSITIONS) or (
                        toks[j].w in OPEN_QUOTES and j > 0 and toks[j - 1].w in form.preps)):
                    content_tok = j
            elif form.frame == "pron":
                if j < last and (has_pronoun_suffix(toks[j].w) or toks[j].w in RENEWED):
                    content_tok = j
            if form.lemma in CALL_VERBS and content_tok is not None:
                # دعت الحركة الحكومة التونسية، إلى "إدانة ..."، طالبت الحركة الحكومة بمصارحة الشعب: whom a
                # call or a demand addresses opens what is called for
                content_tok = _addressee(lex, toks, object_at, content_tok, cue_at) or content_tok
            if content_tok is None:
                colon_before = _colon_before(toks, first, i)
                next_colon = next((k for k in range(i + 1, min(last, i + 4)) if toks[k].w == ":"), None)
                ends_line = i + 1 >= last or next_colon is not None or (
                    "\n" in ctx.text[tok.end:toks[i + 1].start])
                if colon_before is not None and phrase is not None and svo and ends_line:
                    ctx.remember(speaker)
                    ctx.used_colons.add(toks[colon_before].start)
                    s = toks[colon_before - 1].end if colon_before > first else toks[first].start
                    line_start = line_start_of(ctx.text, toks[first].start, toks[colon_before].start)
                    ctx.drafts.append(Draft(speaker, cue_span, (line_start, s), True, sentence,
                                            outlet, "cue-after-colon"))
                    continue
        if suffix and opener is None and not (pronoun_object and content_tok is not None and content_tok <= i + 2):
            content_tok = None  # وأعلنها أمام العموم، دعاة المساواة: the object is the pronoun, no content
        if content_tok is None or content_tok >= last:
            if phrase is not None and phrase.kind in ("name", "anon"):
                ctx.remember(speaker)  # أكدها نائب سابق: the speaker of what follows
            continue
        if nested is not None and opener is None and form.frame in ("np", "pron") and \
                toks[content_tok - 1].w not in form.preps:
            continue  # أن الحكومة أعلنت التقشف: a bare object inside a reported clause tells of an act
        if form.lemma == TAKE_CHARGE_VERB and _case_file(toks[content_tok].w):
            continue  # تعهد قاضي التحقيق بالملف: he took the case in hand, no pledge is reported
        if toks[content_tok].w in OPEN_QUOTES:
            start, end = direct_content(ctx, toks, content_tok, sent_end)
            # هدد "إسرائيل" باستهداف ...: a quoted word opens an indirect statement
            close = ctx.quotations.get(toks[content_tok].start)
            direct = close is None or end < close
        else:
            while content_tok < last - 1 and toks[content_tok].w in COMMAS:
                content_tok += 1  # وبين أنه، أمام النقص ...
            start = toks[content_tok].start
            if toks[content_tok].w.startswith("ف") and toks[content_tok].w[1:] in lex.comps:
                start += 1
            end = trim_end(ctx.text, start, sent_end)
        if len(ctx.text[start:end].split()) < 1 or end - start > ctx.max_quote_chars:
            continue
        if phrase is not None and phrase.kind != "name":
            # أكدت تونس، في بيان صادر عن وزارة الشؤون الخارجية، ...: the body that issued the statement
            # speaks (the speaker's text keeps the subject as written)
            issuer = ctx.issued_by(max(cue_span[1], phrase.end), start)
            if issuer is not None and issuer.name != speaker.name:
                speaker = replace(speaker, name=issuer.name, actor_id=issuer.actor_id, key=issuer.key)
        if nested is None:
            ctx.remember(speaker)  # (a speaker inside a reported clause is no subject of what follows)
        ctx.drafts.append(Draft(speaker, cue_span, (start, end), direct, sentence, outlet,
                                ("cue-" if nested is None else "nested-") + form.frame))
        if contrast is not None:
            ctx.breaks.add(toks[contrast].start)


def _named_thing(ctx: Context, toks: list[Tok], first: int, last: int, i: int, form: CueForm,
                 cue_span: tuple[int, int], sent_end: int, sentence: int) -> bool:
    """Record "ما وصفه X بـY" / "وهو ما اعتبره X Y" as X's statement Y; False when no subject is written.

    The verb carries the pronoun of "what" (ما) it names; its subject, written after it, speaks, and what
    follows the subject is what they called it (بالوضع الأمني المتدهور، خطأً في سياسة الدولة). The clause
    ends the statement it stands in (break at ما, or at هو before it). Without a written subject (ما
    وصفه بالفيديو المروع) the words are the writer's report of someone's view, left alone as before.
    """
    lex = ctx.lex
    a = i + 1
    if a >= last or toks[a].w in PREPOSITIONS or not toks[a].is_word:
        return False
    end = noun_phrase_end(lex, toks, a, last, ctx.mention_ends, ctx.person_starts)
    if "ب" in form.preps:  # ما وصفه وزير الدفاع | بالوضع ...: the verb's own ب ends the subject
        end = next((k for k in range(a + 1, end) if _governed_by_verb(ctx, toks, k)), end)
    phrase = ctx.analyze(toks, a, end) if end > a else None
    if phrase is None or end >= last or not (phrase.certain or phrase.kind in ("anon", "body", "role", "name")):
        return False
    content = end
    while content < last and toks[content].w in COMMAS:
        content += 1
    if content >= last or toks[content].w in SENTENCE_END:
        return False
    start = toks[content].start
    if toks[content].w in OPEN_QUOTES or toks[content].w in ("ب", "بـ"):
        start = toks[content].end if content + 1 < last else start
    stop = trim_end(ctx.text, start, sent_end)
    if stop <= start:
        return False
    speaker = ctx.make_speaker(phrase, ctx.speakers)
    ctx.remember(speaker)
    ctx.drafts.append(Draft(speaker, cue_span, (start, stop), False, sentence, None, "cue-named"))
    which = i - 2 if i - 2 >= first and toks[i - 2].w in WHICH_PRONOUNS else i - 1
    ctx.breaks.add(toks[which].start)
    return True


def _names_subject(ctx: Context, toks: list[Tok], j: int) -> bool:
    """True when the words at ``j`` open a speaker: an entity mention or a head word of a speaker phrase."""
    return toks[j].start in ctx.speaker_starts or bool(head_at(ctx.lex, toks, j)[0] & {"anon", "body", "role"})


# How many words a quotation needs to be read as a whole sentence said by the phrase before it.
SENTENCE_QUOTE_WORDS = 5


def _speaker_before_quote(ctx: Context, toks: list[Tok], i: int, k: int, words: int, form: CueForm) -> bool:
    """True when the tokens between the verb at ``i`` and the quotation mark at ``k`` name a speaker.

    Only for a quotation of a sentence's length (four words at least), after a word that is not a
    preposition (أكد على "ضرورة ..." quotes the object), and for verbs that take a clause.
    """
    if form.frame != "that" or words < 4 or k - i < 3 or toks[k - 1].w in FUNCTION_WORDS or \
            not toks[k - 1].is_word or head_at(ctx.lex, toks, k - 1)[0] & {"body", "media", "medium"}:
        return False  # (مجلة "ناشيونال أكاديمي أوف ساينسز": the name of the magazine)
    a = skip_fillers(ctx.lex, toks, i + 1, k)
    if a >= k:
        return False
    phrase = ctx.analyze(toks, a, k)
    if phrase is None or not (phrase.certain or phrase.role is not None or phrase.kind in ("role", "anon", "body")):
        return False
    # the phrase must run up to the mark, but for time words (فلان اليوم الجمعة "..."): after
    # "في مقابلة مع برنامج" the quotation is a title
    m = next((m for m in range(a, k) if toks[m].start >= phrase.end), k)
    # (a month name stands between a day and a year: الجمعة 22 جويلية 2016)
    if all(toks[n].w in ctx.lex.time_words or toks[n].w.isdigit() or toks[n - 1].w.isdigit()
           for n in range(m, k)):
        return True
    # a quotation that is a whole sentence (it ends the sentence) is what the named speaker said,
    # whatever stands between them (وقال فلان مساعد مدير ... في بيان اليوم "..."، وقال فلان الذي نقل
    # الرضيع ... لرويترز "..."): a title in quotes (في مقابلة مع برنامج "...") ends no sentence
    close = ctx.quotations.get(toks[k].start)
    if close is None or words < SENTENCE_QUOTE_WORDS:
        return False
    inside_end = ctx.text[toks[k].end:close - 1].rstrip()[-1:]
    after = ctx.text[close:close + 3].lstrip(" ")[:1]
    return inside_end in SENTENCE_END or after in SENTENCE_END or after in ("", "\n")


def _past_occasion(ctx: Context, toks: list[Tok], j: int, last: int, cues: set[int]) -> int:
    """The token after the occasion of a statement at ``j`` (أكد ترامب في مكالمة هاتفية مع نظيره الروسي
    فلاديمير بوتين | دعمه الكامل ...، أعلنت الوزارة في بيان رسمي لها اليوم | مقتل ...): past the medium,
    its adjectives, a name and whatever a preposition governs, the first noun with a possessive
    pronoun or after a time word or لها; ``j`` itself when no occasion opens there (في بيان | مقتل ...)
    or no content is found within OCCASION_WORDS.
    """
    if not (j + 2 < last and toks[j].w in ("في", "خلال", "عبر") and medium_at(ctx.lex, toks, j + 1)):
        return j
    after = toks[j + 2].w
    if not (_adjective(after) or after in PREPOSITIONS or after in ("مع", "امام", "لها", "له")):
        return j  # في بيان مقتل خمسة مسلحين: the content follows the medium at once
    for k in range(j + 2, min(last, j + OCCASION_WORDS)):
        w, prev = toks[k].w, toks[k - 1].w
        if k in cues or w in SENTENCE_END or w in ctx.lex.comps or w in OPEN_QUOTES:
            return j
        if not toks[k].is_word or _adjective(w) or w in PREPOSITIONS or w in FUNCTION_WORDS or \
                w in ctx.lex.time_words or prev in PREPOSITIONS or prev in ("مع", "ومع") or _inside_mention(
                    ctx, toks[k].start) or toks[k].start in ctx.mention_ends:
            continue
        # (folded, هاتفية reads like a noun with its pronoun: an adjective is no content)
        if (has_pronoun_suffix(w) and len(w) > 3) or prev in ctx.lex.time_words or prev in ("لها", "له", "لهم"):
            return k
    return j


def _adjective(w: str) -> bool:
    """True for a relative adjective, folded (هاتفيه، رسمي، الروسي، الرسميين), not for a participle (مقتل)."""
    return w.endswith(("ي", "يه", "يين", "يون")) and len(w) > 3


def _opens_after_insert(lex: Lexicon, toks: list[Tok], first: int, i: int) -> bool:
    """True when only an insert phrase stands before the verb at ``i`` (من جهة أخرى عبّر، بدوره طالب)."""
    words = [t.w for t in toks[first:i] if t.w not in ("و", "ف")]
    if words and words[0][:1] in "وف" and words[0][1:] in lex.multi_inserts | {w: () for w in lex.inserts}:
        words[0] = words[0][1:]  # ومن جهته
    if not words:
        return False
    return (len(words) == 1 and words[0] in lex.inserts) or tuple(words) in lex.multi_inserts.get(words[0], ())


def _nested_speaker(ctx: Context, toks: list[Tok], first: int, i: int, outer: list[Draft],
                    lemma: str) -> SpeakerPhrase | None:
    """The subject of a statement the verb at ``i`` opens inside a reported clause (أن خاطفي الطائرة قالا).

    Its subject must stand between the complementiser (أن، إن، فإن) and the verb, with no comma or other
    verb between, and name a speaker: a person, a body, a role or an anonymous source.
    """
    k = i - 1
    while k >= first and toks[k].w not in ctx.lex.comps:
        if not toks[k].is_word or toks[k].w in COMMAS or cue_form_at(ctx.lex, toks[k]) is not None or \
                i - k > MAX_SPEAKER_TOKENS:
            return None
        k -= 1
    if k < first or k + 1 >= i:
        return None
    if outer and not any(d.content[0] <= toks[k + 1].start for d in outer):
        return None
    phrase = ctx.analyze(toks, k + 1, i)
    if phrase is None or lemma in NOT_NESTED or not (phrase.certain or phrase.kind in ("anon", "body", "role") or (
            phrase.kind == "name" and toks[k + 1].start in ctx.speaker_starts)):
        return None
    return phrase


def _adjectival(lex: Lexicon, toks: list[Tok], first: int, last: int, i: int, form_key: str) -> bool:
    """True when the participle at ``i`` is a noun or an adjective, not a verb of saying."""
    form = lex.cues[form_key]
    if i + 1 < last and toks[i + 1].is_word and nisba_like(toks[i + 1].w, strict=True) and not is_definite(
            toks[i + 1].w) and not (form_key.endswith("ا") and not toks[i + 1].w.endswith("ا")):
        # داعية مصري: a noun with its adjective, not a participle; but an accusative participle
        # (مؤكدا أهمية الحوار) would give its adjective the accusative alif too
        return True
    prev = toks[i - 1].w if i > first else ""
    # مسيرات منددة بالهجوم، جريمة قتل مؤكدة: the adjective of the noun before it
    # (not after a masculine word in the accusative, الهجوم ليس إرهابيا | نافية: a feminine adjective
    # would agree with it in gender)
    return form_key.endswith("ه") and i > first and toks[i - 1].is_word and not is_definite(prev) and \
        not (prev.endswith("ا") and len(prev) > 3) and \
        prev not in FUNCTION_WORDS and not cue_form_at(lex, toks[i - 1]) and (
            i + 1 >= last or not (toks[i + 1].w in lex.comps or toks[i + 1].w in OPEN_QUOTES or
                                  toks[i + 1].w == ":" or (i + 2 < last and toks[i + 1].w in form.preps and
                                                           toks[i + 2].w in lex.comps)))


def _after_fa_inna(lex: Lexicon, toks: list[Tok], first: int, i: int) -> bool:
    """True when the noun phrase before the verb at ``i`` follows فإن (فإنه، فإنها ...) in its clause.

    فإن answers an attribution written first (وبحسب الشرطة فإن الحارس اعترف ...): the verb stands
    inside the reported content, not at the head of a statement of its own. (After أن the annotators
    often keep the inner statement, أن الشاب اعترف بـ، so only فإن decides.) A comma or a sentence end
    closes the search.
    """
    for k in range(i - 1, max(first, i - MAX_SPEAKER_TOKENS) - 1, -1):
        w = toks[k].w
        if w in COMMAS or w in SENTENCE_END:
            return False
        if w in lex.comps:
            return k < i - 1 and w.startswith("ف")
    return False


def _case_file(w: str) -> bool:
    """True for بملف، بالقضية، بالبحث ...: the object of تعهّد in its sense "to take in hand"."""
    return w.startswith("ب") and strip_article(w[1:]) in CASE_FILES


def _governed_by_verb(ctx: Context, toks: list[Tok], k: int) -> bool:
    """True for a word with a fused ب that names no body, place or office (بالهجوم، بنجاح، بضرورة)."""
    w = toks[k].w
    if len(w) <= 3 or w[0] != "ب" or w in ("باسم", "بإسم") or not toks[k].is_word:
        return False
    if head_at(ctx.lex, toks, k)[0] & {"body", "role", "anon", "medium", "place"}:
        return False
    return not any(toks[k].start < s < toks[k].end for s in ctx.mention_ends)


def _fused_prep(form: CueForm, tok: Tok) -> bool:
    """True when a word carries the verb's one-letter preposition (أفادت | بمقتل، دعا | لتنظيم)."""
    w = tok.w
    # (بن، بو open fused names, بنكيران، بوعلي; not a noun with its pronoun, بنيته)
    return tok.is_word and len(w) > 3 and w[0] in form.preps and (
        not w.startswith(("بن", "بو")) or w.endswith(OBJECT_NOUN_ENDINGS))


def _inside_mention(ctx: Context, pos: int) -> bool:
    """True when folded position ``pos`` falls inside an entity mention (منظمة الدفاع عن حقوق الإنسان)."""
    return any(s < pos < e for s, e in ctx.mention_ends.items())


def _colon_before(toks: list[Tok], first: int, i: int) -> int | None:
    """Index of a colon a few tokens before the verb (محاولة اغتيال ... : مصدر أمني يوضح)."""
    for k in range(i - 1, max(first - 1, i - 6), -1):
        if toks[k].w == ":":
            return k
        if not toks[k].is_word:
            return None
    return None
