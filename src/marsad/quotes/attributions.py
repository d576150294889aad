"""Quotes attributed by phrases and colons: وفقاً لـ، بحسب، نقلاً عن، وفق ما جاء في بلاغ لـ، "X: ...".

An attribution at the head of its sentence (ووفقاً لمسؤول ...، فإن ...) takes the content after the
source; at its end (... وفق ما جاء في بلاغ لوزارة الدفاع) the clause before it, unless a reporting
verb already claimed that clause, in which case it only names the outlet. A manner phrase (على حد
قوله، وفق تعبيره) names no new speaker and only ends the content before it.
"""

from __future__ import annotations

from marsad.quotes.context import (
    ATTRIBUTION_VERBS,
    FA_WORDS,
    FINAL_SOURCE_TOKENS,
    MAX_SPEAKER_TOKENS,
    SENTENCE_END,
    Context,
    Draft,
    apposition_end,
    cue_form_at,
    direct_content,
    full_name,
    governed,
    last_speaker,
    line_start_of,
    skip_fillers,
    trim_end,
)
from marsad.quotes.lexicon import Lexicon, strip_article
from marsad.quotes.phrases import (
    COMMAS,
    OPEN_QUOTES,
    SpeakerPhrase,
    Tok,
    bare_readings,
    head_at,
    is_definite,
    nisba_like,
    quoted_end,
)
from marsad.quotes.speaker import noun_phrase_end
from marsad.text.normalize import fold_key

# Closing marks a source written as a name may hold (لدى "الديوانة").
CLOSE_MARKS = frozenset("\"»”)")
# The preposition with the pronoun that resumes ما after the verb (بحسب ما أفاد به، وفق ما أعلن عنه).
RESUMING_PPS = frozenset({"به", "بها", "له", "لها", "عنه", "عنها", "عنهم"})


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
        said = False  # "according to what X said" (حسب ما أفاد، وفق ما أكده): X is the verb's subject
        phrase_tok = toks[p]
        pro = 1 if phrase_tok.w.startswith("و") and phrase_tok.w[1:2] in "وبحطنعكتا" and \
            not phrase_tok.w.startswith(("وفق", "وفقا")) else 0
        if phrase_tok.w.startswith("وو"):
            pro = 1
        cue_span = (phrase_tok.start + pro, toks[q - 1].end)
        kinds, _ = head_at(lex, toks, q)
        if "manner" in kinds or strip_article(toks[q].w) in ("قوله", "قولها", "تعبيره", "تعبيرها"):
            ctx.breaks.add(phrase_tok.start)
            continue
        a = q
        # (a document too: بحسب بيانات الشرطة، وفق إحصائيات الوزارة)
        if kinds & {"medium", "document"} and a + 1 < last and toks[a + 1].is_word and (
                # (not an adjective of the document: حسب التحقيقات الأولية)
                (is_definite(toks[a + 1].w) and (not nisba_like(toks[a + 1].w, strict=True) or head_at(
                    lex, toks, a + 1)[0] & {"role", "body", "anon"})) or
                toks[a + 1].start in ctx.person_starts or
                (head_at(lex, toks, a + 1)[0] & {"role", "body", "anon"} and not nisba_like(toks[a + 1].w))):
            a += 1  # حسب تصريح القاضي ...: the source is whose statement it is (not بيان صحفي)
            kinds = frozenset()
        w = toks[a].w
        if phrase_tok.w.endswith("ما"):
            a -= 1  # حسبما ذكرت: ما fused to the phrase; read it as "حسب ما"
            w = "ما"
        elif n > 1 and toks[q - 1].w == "ما":
            a, w = q - 1, "ما"  # على ما أوضح الوزير: ما belongs to the phrase
        if w.startswith("ما") and len(w) > 4 and (w[2:] in ATTRIBUTION_VERBS or w[2:] in lex.cues):
            cue_span = (toks[a].start + 2, toks[a].end)  # وفق ماذكره: ما written fused to the verb
            a += 1
            said = True
            if a < last and toks[a].w in RESUMING_PPS:
                a += 1
        elif w == "ما" and a + 1 < last:
            verb = toks[a + 1].w
            # حسب ما أكده، وفق ما أورده، ما نقلته: the verb with the pronoun that resumes ما
            bare_verb = next((verb[:-len(x)] for x in ("ها", "هم", "ه")
                              if verb.endswith(x) and len(verb) - len(x) >= 3), verb)
            if (verb not in ATTRIBUTION_VERBS and verb[:1] not in "يت" and verb not in lex.cues and
                    bare_verb not in ATTRIBUTION_VERBS and bare_verb not in lex.cues) or verb in lex.impersonal:
                continue  # (على ما يبدو، حسب ما يقال: "as it seems", nobody's statement)
            cue_span = (toks[a + 1].start, toks[a + 1].end)
            a += 2
            said = True
            if a < last and toks[a].w in RESUMING_PPS:
                a += 1  # بحسب ما أفاد به المتحدث
            if a < last and toks[a].w in ("في", "عن") and a + 1 < last and \
                    "medium" in head_at(lex, toks, a + 1)[0]:
                a += 2
        elif " ".join(t.w for t in toks[p:q]) in lex.attribution_lam and not toks[a].w.startswith("ل"):
            continue
        if said and a < last - 1:
            # وفق ما أكده اليوم الملازم ...، بحسب ما أفاد به للجوهرة أف أم، الناطق ...: the time of the
            # statement and to whom it was made, not its source
            a = min(skip_fillers(lex, toks, a, last), last - 1)
        if a >= last:
            continue
        initial = all(t.w in ("و", "ف") for t in toks[first:p])
        # وبحسب ما نقل "إنسايد إيديشن"، فإن ...: a source named in quotation marks (an outlet, a body)
        close = quoted_end(toks, a, last) if initial and toks[a].w in OPEN_QUOTES else a
        quoted_source = close > a + 2 and close - a <= 6
        if quoted_source:
            b = close
        elif initial:
            b = a
            while b < last and toks[b].w not in COMMAS and toks[b].w not in lex.comps \
                    and toks[b].w not in OPEN_QUOTES and b - a < MAX_SPEAKER_TOKENS:
                b += 1
            b_np = noun_phrase_end(lex, toks, a, last, ctx.mention_ends, ctx.person_starts)
            if b == last or b - a > 8 or (b_np < b and toks[b_np].is_word):
                b = b_np  # وبحسب تقارير فلسطينية | فيرجح أن ...
            b = apposition_end(ctx, toks, b, last)  # وفقا للعضو في اللجنة، سالم الورفلي، فإن
        else:
            b = last
            while b > a and toks[b - 1].w in SENTENCE_END:
                b -= 1
            if b - a > FINAL_SOURCE_TOKENS:
                # حسب ما نقلته وكالة فرانس برس، ووصل عدد المحتجين ...: the source is the noun phrase
                b_np = noun_phrase_end(lex, toks, a, b, ctx.mention_ends, ctx.person_starts)
                b = apposition_end(ctx, toks, b_np, b)
            else:
                b = _source_end(ctx, toks, a, b)
        phrase = ctx.analyze(toks, a + 1, b - 1) if quoted_source else ctx.analyze(toks, a, b)
        if phrase is not None and quoted_source and phrase.kind == "unknown":
            phrase.kind = "body"
        fa_at = _fa_inna_at(lex, toks, a, last) if initial and not quoted_source and toks[a].is_word else None
        fa_end = fa_at
        while fa_end is not None and fa_end > a and toks[fa_end - 1].w in COMMAS:
            fa_end -= 1
        # a body named inside the phrase (لتحقيق بثه التلفزيون، للاعترافات التي حصلت عليها بي بي سي)
        inner = next((k for k in range(a + 1, fa_end) if toks[k].start in ctx.entity_ends), None) \
            if fa_end is not None else None
        if fa_end is not None and fa_end > a and (phrase is None or phrase.kind == "unknown" or (
                phrase.kind == "name" and not phrase.certain and phrase.role is None)) and \
                strip_article(toks[a].w) not in RULE_NOUNS:
            # وحسب إثباتات علمية فإن ...، ووفقا لتحقيق بثه التلفزيون فإن ...، وبحسب الاستخبارات الأميركية،
            # فإن: فإن answering an attribution at the head of the sentence proves all before it a source,
            # a description of whoever speaks; a rule is none (بحسب القانون الألماني فإن)
            b = fa_end
            # (without the ل of وفقاً لـ: لتحقيق -> تحقيق; the builder restores the article of لل)
            lam = 1 if toks[a].w.startswith("ل") and not toks[a].w.startswith("لل") and \
                " ".join(t.w for t in toks[p:q])[pro:] in lex.attribution_lam else 0
            phrase = SpeakerPhrase(toks[a].start + lam, toks[b - 1].end, "anon" if toks[a].w[lam:lam + 2] != "ال" and (
                toks[a].start not in ctx.mention_ends) else "body")
            # وتبعاً للاعترافات التي حصلت عليها بي بي سي: a body named inside the description speaks
            if inner is not None:
                phrase = SpeakerPhrase(toks[inner].start, min(ctx.entity_ends[toks[inner].start], toks[b - 1].end),
                                       "body")
        if said and not initial and b - a <= MAX_SPEAKER_TOKENS and toks[a].is_word and toks[a].w not in lex.comps and (
                phrase is None or phrase.kind == "unknown") and is_definite(toks[a].w) and all(
                t.is_word or t.w in OPEN_QUOTES or t.w in CLOSE_MARKS for t in toks[a:b]):
            # حسب ما أفادت المكلفة بالاتصال لدى الديوانة سلمى قلمون: the subject of the verb of saying
            # that closes the sentence is its source, as written, though no name or head is known
            phrase = SpeakerPhrase(toks[a].start, toks[b - 1].end, "role")
            person = next((k for k in range(a + 1, b) if toks[k].start in ctx.person_starts), None)
            if person is not None:  # (الملازم بإقليم الحرس الوطني بقابس محمد الحاجبي: a role, then a name)
                phrase = SpeakerPhrase(toks[a].start, toks[b - 1].end, "name",
                                       name=(toks[person].start, ctx.mention_ends[toks[person].start]),
                                       role=(toks[a].start, toks[person - 1].end), certain=True)
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
            if j >= last or toks[j].w in lex.impersonal:
                continue
            if toks[j].w in OPEN_QUOTES:
                start, end = direct_content(ctx, toks, j, sent_end)
                direct = True
            else:
                w = toks[j].w
                fa = w.startswith("ف") and (len(w) > 3 or w[1:] in FA_WORDS)
                start = toks[j].start + (1 if fa else 0)
                end, direct = trim_end(ctx.text, start, sent_end), False
        else:
            covered = [d for d in ctx.drafts if d.sentence == sentence and d.cue[0] < phrase_tok.start]
            ctx.breaks.add(phrase_tok.start)
            if covered:
                if phrase.kind in ("body", "unknown") and covered[-1].outlet is None:
                    covered[-1].outlet = ctx.outlet_text((phrase.start, phrase.end))
                continue
            start = toks[first].start
            if toks[first].w in ("و", "ف"):
                start = toks[first + 1].start
            end, direct = trim_end(ctx.text, start, phrase_tok.start), False
            after = _content_after_source(ctx, toks, p, b, last, sent_end)
            if after is not None:
                start, end = after
        if end <= start:
            continue
        ctx.remember(speaker)
        ctx.drafts.append(Draft(speaker, cue_span, (start, end), direct, sentence,
                                ctx.outlet_text(phrase.outlet) if phrase.outlet else None, "attribution"))


def _fa_inna_at(lex: Lexicon, toks: list[Tok], a: int, last: int) -> int | None:
    """Index of فإن (فإنه، فان ...) when it ends a source phrase that starts at ``a``, or None.

    The phrase holds no other complementiser, quotation mark or sentence end (ووفقا لتحقيق بثه
    التلفزيون الأوروبي مؤخرا "آرتي" فإن: a quoted name inside it is skipped whole).
    """
    k = a
    while k < min(last, a + MAX_SPEAKER_TOKENS):
        w = toks[k].w
        if w.startswith("ف") and w[1:] in lex.comps:
            return k if k > a else None
        if w in SENTENCE_END or w in lex.comps:
            return None
        if w in OPEN_QUOTES:
            close = quoted_end(toks, k, last)
            if close <= k + 1 or close - k > 5:
                return None
            k = close
            continue
        k += 1
    return None


# Rules and texts that an attribution cites without anybody speaking (بحسب القانون، وفق الدستور).
RULE_NOUNS = frozenset(fold_key(w) for w in (
    "قانون", "دستور", "فصل", "مرسوم", "أمر", "نظام", "عقد", "اتفاق", "اتفاقية", "معاهدة", "تقويم", "توقيت"))


# The words of a clause before an attribution set off by commas (وقد بدأت العملية، حسب مصدر عليم،
# برفع ...) that leave it unfinished: its statement is what follows the source.
SHORT_OPENING = 4
CLAUSE_OPENERS = frozenset({"بينما", "حيث", "كما", "ثم", "لكن", "لكنه", "لكنها", "غير", "الا", "اذ"})


def _content_after_source(ctx: Context, toks: list[Tok], p: int, b: int, last: int,
                          sent_end: int) -> tuple[int, int] | None:
    """The content after a source set off by commas in mid-sentence, or None to keep the clause before.

    وقد بدأت العملية، حسب مصدر عليم، برفع درجة التأهب ...: the words before the phrase only open the
    clause, and the statement goes on after the source's closing comma.
    """
    # (a time adverb may close the source: وفق بلاغ للوزارة اليوم الخميس، في إطار ...)
    while b < last and (toks[b].w in ctx.lex.time_words or toks[b].w.isdigit()):
        b += 1
    if p == 0 or toks[p - 1].w not in COMMAS or b >= last or toks[b].w not in COMMAS:
        return None
    # (the clause is what follows the comma before it: ...، والتي أدت، حسب مراقبين، إلى تنامي ...)
    clause = next((k + 1 for k in range(p - 2, -1, -1) if toks[k].w in COMMAS), 0)
    opening = sum(1 for t in toks[clause:p] if t.is_word and t.w not in ("و", "ف"))
    rest = [t for t in toks[b + 1:last] if t.is_word]
    # (a new clause after the source, ووصل عددهم ...، فيما تتواصل ...: the clause before was whole)
    # (في is a preposition, not ف: وتندرج هذه الزيارة، وفق بلاغ ...، في إطار ...)
    if opening > SHORT_OPENING or len(rest) < 3 or (rest[0].w[:1] in ("و", "ف") and rest[0].w not in (
            "في", "فوق")) or rest[0].w in CLAUSE_OPENERS:
        return None
    start = rest[0].start
    return start, trim_end(ctx.text, start, sent_end)


def _source_end(ctx: Context, toks: list[Tok], a: int, b: int) -> int:
    """Cut a source at the comma after which no name or role follows (وكالة فرانس برس، ووصل ...), and
    before a participle of saying that goes on with it (وفق ما أكده الولباني | مشيرا إلى أن)."""
    for k in range(a + 1, b):
        found = cue_form_at(ctx.lex, toks[k])
        if found is not None and ctx.lex.cues[found[1]].aspect == "participle":
            return k
        if toks[k].w in COMMAS:
            nxt = next((m for m in range(k + 1, b + 1) if m == b or toks[m].w in COMMAS), b)
            seg = ctx.analyze(toks, k + 1, nxt)
            if seg is None or seg.kind not in ("name", "role"):
                return k
    return b


def colon_quotes(ctx: Context, toks: list[Tok], first: int, last: int, sent_end: int, sentence: int) -> None:
    """Headline and pull-quote lines: "SPEAKER: content" (سعد السعدي: الرد الأميركي متوقع)."""
    lex = ctx.lex
    for c in range(first + 1, last - 1):
        if toks[c].w != ":" or toks[c].start in ctx.used_colons:
            continue
        if any(qs <= toks[c].start < qe for qs, qe in ctx.quotations.items()):
            continue
        if toks[c - 1].w in SAYING_WORDS and c + 1 < last:
            # وعلق بالقول: "..."، وختم قائلا: ...: the last speaker goes on; the verb before is no name
            said_by = last_speaker(ctx, toks[c - 1].start, "")
            if said_by is not None:
                j = c + 1
                if toks[j].w in OPEN_QUOTES:
                    start, end = direct_content(ctx, toks, j, sent_end)
                else:
                    start, end = toks[j].start, trim_end(ctx.text, toks[j].start, sent_end)
                if len(ctx.text[start:end].split()) >= 2:
                    ctx.used_colons.add(toks[c].start)
                    ctx.drafts.append(Draft(said_by, (toks[c - 1].start, toks[c - 1].end), (start, end), True,
                                            sentence, None, "colon-saying"))
            continue
        line_start = line_start_of(ctx.text, toks[first].start, toks[c].start)
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
            # a name only when the entities stage knows it or it has the shape of a full name with a
            # nisba surname (إياد الدهماني): headline lists put places and dates before colons too
            opens_line = a == s and at_line_start
            if cand.kind == "name" and (cand.certain or toks[a].start in ctx.speaker_starts or full_name(
                    ctx, cand) or (opens_line and 2 <= c - a <= 3 and is_definite(toks[c - 1].w))) and (
                    opens_line or c - a == 2):
                phrase = cand
                break
        if phrase is None or (phrase.start > toks[first].start and governed(toks, phrase.start)) or (
                "place" in head_at(lex, toks, a)[0] or toks[a].start in ctx.place_starts) or _with_preposition(
                lex, toks[a].w):
            # وقع الانفجار في شارع الحرية : ...، حي النصر: ...: a place, not a speaker; رابط الخبر
            # بصحيفة الوئام: ...: the outlet's own link, with ب, speaks for nobody
            continue
        j = c + 1
        first_w = toks[j].w
        # (a number after a person's name gives an age or a year; after a body it opens its figures:
        # وزارة الصحة: 180 فريقا ...)
        if (toks[j].w.isdigit() and phrase.kind == "name") or (toks[j].is_word and (
                head_at(lex, toks, j)[0] & {"role", "anon"} or (
                nisba_like(first_w) and not is_definite(first_w)) or (
                first_w.endswith("ا") and len(first_w) > 3 and not is_definite(first_w)))):
            continue  # يوسف القرضاوي : داعية مصري ... is a description, not a statement
        end = sent_end
        for k in range(j + 1, last):
            if toks[k].w == ":":
                end = toks[max(j, k - 2)].start
                break
        start = toks[j].end if toks[j].w in OPEN_QUOTES else toks[j].start
        end = trim_end(ctx.text, start, end)
        if len(ctx.text[start:end].split()) < 2:
            continue
        speaker = ctx.make_speaker(phrase, ctx.speakers)
        ctx.remember(speaker)
        ctx.drafts.append(Draft(speaker, (toks[c].start, toks[c].end), (start, end), True, sentence,
                                None, "colon"))


# Words of saying right before a colon (وعلق بالقول: ...): what follows is the last speaker's.
SAYING_WORDS = frozenset(fold_key(w) for w in ("بالقول", "قائلا", "قائلاً", "قائلة", "قائلين", "قوله", "قولها"))


def _with_preposition(lex: Lexicon, w: str) -> bool:
    """True for a head word that carries a fused ب or ل (بصحيفة، للوزارة): governed, never a speaker."""
    readings = bare_readings(w)
    return w[:1] in "بل" and len(w) > 3 and readings[0] not in lex.heads and any(
        r in lex.heads for r in readings[1:])
