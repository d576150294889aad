"""Analysis of a speaker phrase and of the noun phrase a subject or source takes.

Works on :class:`marsad.quotes.phrases.Tok` tokens of the folded text. :func:`analyze_speaker` cuts a
phrase into comma segments, sets aside time adverbs, inserts and the outlet, drops appositions, and
reads the role and the name in what is left; :func:`noun_phrase_end` finds where a subject written
without a complementiser after it ends.
"""

from __future__ import annotations

from marsad.quotes.lexicon import Lexicon, strip_article
from marsad.quotes.phrases import (
    ADDRESSEES,
    APPOSITION_OPENERS,
    CLAUSE_BREAKS,
    COMMAS,
    COMMON_ADJECTIVES,
    FUNCTION_WORDS,
    NAME_LINKS,
    NAME_SECONDS,
    OBJECT_NOUN_ENDINGS,
    OPEN_QUOTES,
    PREPOSITIONS,
    QUOTE_MARKS,
    RELATIVES,
    REPLY_WORDS,
    SAME_WORDS,
    SPOKESMAN_LINKS,
    TIME_PREPOSITIONS,
    SpeakerPhrase,
    Tok,
    bare_readings,
    guest_len,
    head_at,
    head_key,
    insert_len,
    is_definite,
    is_function,
    medium_at,
    nisba_like,
    outlet_at,
    plural_head,
    quoted_end,
)


def _segment_cut(lex: Lexicon, toks: list[Tok], a: int, b: int,
                 outlets: list[tuple[int, int]]) -> tuple[int, int]:
    """The kept part [a, cut) of one comma segment; outlets found on the way are appended."""
    while a < b and toks[a].w in ("و", "ف", "اما", "لكن", "ولكن"):
        a += 1  # أما مساعد رئيس الوزراء ...، لكن وزيرة ...: the particle is not part of the speaker
    j = a
    while j < b:
        tok = toks[j]
        w = tok.w
        if w in lex.time_words or w in RELATIVES or w in CLAUSE_BREAKS or insert_len(lex, toks, j) or (
                j > a and w in ("وهو", "وهي", "وهم")) or (
                j > a and guest_len(toks, j, b)) or (
                j > a and "manner" in head_at(lex, toks, j)[0]):
            break  # ... سوارنا سوبا راو قوله: "his words" ends the speaker; وهو ... opens an apposition
        if w in ("في", "خلال") and j + 1 < b and medium_at(lex, toks, j + 1):
            for k in range(j + 2, b):
                found = outlet_at(lex, toks, k, b)
                if found:
                    outlets.append(found[1])
                    break
            break
        if j > a and w[0] == "ل" and any(r in ADDRESSEES for r in bare_readings(w)):
            break  # وقال المتحدث للصحفيين: the press is spoken to
        found = outlet_at(lex, toks, j, b)
        if found and j > a:
            outlets.append(found[1])
            break
        if tok.is_word and tok.w.isdigit():
            break
        j += 1
    while j > a and (toks[j - 1].w in COMMAS or toks[j - 1].w in ("و", "ف")):
        j -= 1
    return a, j


def _circumstantial(toks: list[Tok], s: int, e: int) -> bool:
    """A segment that qualifies the speaker without naming it (مفضلاً عدم ذكر اسمه، ردا على سؤال النائبة فلانة)."""
    first = toks[s].w
    return (first.startswith("م") and first.endswith("ا") and len(first) > 4) or first in REPLY_WORDS or any(
        t.w in ("عدم", "اسمه", "اسمها", "هويته", "هويتها", "هويتهم") for t in toks[s:e])


def _name_like(lex: Lexicon, toks: list[Tok], a: int, b: int, surnames: frozenset[str], *,
               after_role: bool = False) -> bool:
    """A stretch that reads as a personal name.

    One to four words with no head word, function word or number; the article only on a known
    surname alone (الحسناوي) or on the last word (كمال الحسناوي) or after عبد/أبو (عبد الحكيم).
    """
    n = b - a
    if n < 1 or n > 4 or not all(t.is_word for t in toks[a:b]):
        return False
    first = toks[a].w
    # علي is both the name Ali and the folded preposition على; after a role it is the name
    # علي followed by a nisba surname or a bare name (علي العريض، علي بن صالح), not by a noun (على المرض)
    if after_role and n == 1 and first.endswith(OBJECT_NOUN_ENDINGS) and first not in surnames:
        return False  # وأكد الوزير ثقته بأن: a noun with its pronoun, the object of the verb
    if first.endswith(OBJECT_NOUN_ENDINGS) and first[0] in "بلك" and len(first) > 4 and first not in surnames:
        return False  # اعترف بنيته القيام: a noun with its preposition and its pronoun names nobody
    ali = after_role and first == "علي" and n > 1 and (
        not is_definite(toks[a + 1].w) or toks[a + 1].w.endswith("ي"))
    if not ali and (
            first in SAME_WORDS or first in APPOSITION_OPENERS or is_function(first) or first.isdigit() or
            head_at(lex, toks, a)[0] or lex.attribution_re.fullmatch(first)):
        return False  # (وحسب رويترز: the attribution is not a first name)
    if is_definite(first):
        return n == 1 and first in surnames
    for k in range(a + 1, b):
        w = toks[k].w
        if w == "علي" and (toks[k - 1].w in NAME_LINKS or (not is_function(toks[k - 1].w) and k + 1 < b and (
                not is_definite(toks[k + 1].w) or toks[k + 1].w.endswith("ي")))):
            continue  # أبو علي، محمد علي النصري: the name Ali, not the preposition على
        if (w in FUNCTION_WORDS or w.isdigit() or w in SAME_WORDS or head_at(lex, toks, k)[0]) and \
                toks[k - 1].w not in NAME_LINKS:
            return False
        if is_definite(w) and k != b - 1 and toks[k - 1].w not in NAME_LINKS and w not in NAME_SECONDS:
            return False
        if toks[k - 1].w in NAME_LINKS:
            continue  # بن الشيخ، أبو الفضل: a name part, whatever it also means
    return True


def _name_after(toks: list[Tok], j: int, b: int) -> bool:
    """True when a personal name still follows token ``j`` in [j, b) (two words at least)."""
    rest = [t for t in toks[j + 1:b] if t.is_word]
    return len(rest) >= 2


def _role_extent(lex: Lexicon, toks: list[Tok], a: int, b: int) -> int:
    """End of a role phrase that starts with a role head at ``a`` (وزير العدل، نائب زعيم جماعة "X")."""
    j = a + head_at(lex, toks, a)[1]
    prev_head = True
    while j < b:
        tok = toks[j]
        if tok.w in OPEN_QUOTES:
            k = quoted_end(toks, j, b)
            if k == j:
                break
            j, prev_head = k, False
            continue
        if not tok.is_word:
            break
        k_kinds, k_n = head_at(lex, toks, j)
        if is_definite(tok.w):
            j, prev_head = j + 1, False
            continue
        if k_kinds & {"role", "body", "media"}:
            j, prev_head = j + k_n, True
            if "body" in k_kinds and "role" not in k_kinds:
                # حزب آفاق تونس، حركة مشروع تونس: the body's own name follows it bare
                n = 0
                while j < b and n < 2 and toks[j].is_word and not is_definite(toks[j].w) and \
                        toks[j].w not in FUNCTION_WORDS and not head_at(lex, toks, j)[0] and _name_after(
                            toks, j, b):
                    j, n = j + 1, n + 1
                if n == 0 and j + 1 == b and toks[j].is_word and not is_definite(toks[j].w) and \
                        toks[j].w not in FUNCTION_WORDS and not head_at(lex, toks, j)[0] and \
                        toks[a].w in ("متحدث", "ناطق", "مسؤول", "ممثل"):
                    j, n = j + 1, 1  # متحدث باسم شركة فيسبوك: the last word names the company
                prev_head = n == 0
            continue
        if tok.w in SPOKESMAN_LINKS and j + 1 < b and (
                is_definite(toks[j + 1].w) or head_at(lex, toks, j + 1)[0]):
            j += 1  # الخبير في الشأن ...، الناطق باسم الحكومة
            continue
        if tok.w in ("باسم", "بإسم") and j + 1 < b and toks[j + 1].is_word:
            j += 2  # المتحدثة باسم شيفلر: the body after باسم is part of the role
            continue
        if tok.w[0] == "ب" and len(tok.w) > 3 and j > a and is_definite(toks[j - 1].w):
            j += 1  # المدير الجهوي للتجارة بنابل: the seat of the office
            continue
        # an adjective agrees in definiteness: مسؤول أمني، but not الوزيرة سلوى (a name)
        # (strictly: محمد، محسن، منير are names, not participles)
        if prev_head and tok.w not in FUNCTION_WORDS and nisba_like(tok.w, strict=True) and not is_definite(
                toks[j - 1].w):
            j += 1
            continue
        break
    return j


def _free_name(lex: Lexicon, toks: list[Tok], a: int, pos: int, end: int) -> bool:
    """True when the name at folded [pos, end) is not governed by the word before it."""
    k = next((i for i in range(a, len(toks)) if toks[i].start >= pos), len(toks))
    if k == a:
        return True
    prev = toks[k - 1]
    if not prev.is_word:
        return True
    if k < len(toks) and toks[k].end >= end and is_definite(toks[k].w) and is_definite(prev.w):
        return False  # الأمين العام الخاص: a lone word with the article after another is an adjective
    if prev.w in FUNCTION_WORDS or (prev.w[0] in "لب" and len(prev.w) > 3 and not is_definite(prev.w)):
        return False
    kinds, _ = head_at(lex, toks, k - 1)
    if k < len(toks) and toks[k].end >= end and kinds & {"anon", "role"} and (
            toks[k].w[2:] if is_definite(toks[k].w) else toks[k].w) in COMMON_ADJECTIVES:
        return False  # مسؤول كبير، مصدر رفيع: the adjective of the head, even when tagged as a name
    return not ("body" in kinds and "role" not in kinds)


# A noun with a possessive pronoun before a name is a relation, not a first name (شقيقتها شيماء).
KIN_SUFFIXES = ("ها", "هم", "هما", "ته")


def _first_name_before(lex: Lexicon, toks: list[Tok], s: int, pos: int) -> bool:
    """True when the one word from token ``s`` to the name at folded ``pos`` is a first name.

    It opens the segment and is no head word (وزير، الدكتور), function word or word with the
    article. Its shape says nothing: first names end in ي as nisbas do (شكري، فتحي).
    """
    if s + 1 >= len(toks) or toks[s + 1].start != pos:
        return False
    w = toks[s].w
    return toks[s].is_word and not w.isdigit() and not is_function(w) and not is_definite(w) and \
        w not in SAME_WORDS and not head_at(lex, toks, s)[0] and not w.endswith(KIN_SUFFIXES)


def _surname_after(lex: Lexicon, toks: list[Tok], segments: list[tuple[int, int]], name_end: int) -> int:
    """The end of a name whose last word the entities stage left out (الدكتور سهيل بنور رئيس ...).

    One bare word after the name is its surname when a role head, a comma or the end of the segment
    follows it; with the article or as a head word it is not (وزيرة التضامن غادة والي: والي is a title).
    """
    for s, e in segments:
        k = next((k for k in range(s, e) if toks[k].start >= name_end), e)
        if k == e or k == s or toks[k - 1].end != name_end:
            continue
        w = toks[k].w
        if not toks[k].is_word or w.isdigit() or is_function(w) or is_definite(w) or w in lex.time_words or \
                head_at(lex, toks, k)[0] or insert_len(lex, toks, k) or w in SAME_WORDS:
            return name_end
        if k + 1 == e or "role" in head_at(lex, toks, k + 1)[0]:
            return toks[k].end
        return name_end
    return name_end


def _title_trimmed(lex: Lexicon, toks: list[Tok], name_start: int, name_end: int) -> int:
    """The end of a name without a title the entities stage took into it (ليلى العياشي المرشحة)."""
    inside = [k for k, t in enumerate(toks) if name_start <= t.start and t.end <= name_end]
    while len(inside) > 2 and is_definite(toks[inside[-1]].w) and "role" in head_at(lex, toks, inside[-1])[0]:
        inside.pop()
    return toks[inside[-1]].end if inside else name_end


def _role_after(lex: Lexicon, toks: list[Tok], segments: list[tuple[int, int]],
                name_end: int) -> tuple[int, int] | None:
    """A role that follows the name (ستيفان دوغاريك المتحدث باسم ...، ماهر نصار، المسؤول بالأمم المتحدة)."""
    for n, (s, e) in enumerate(segments):
        if toks[e - 1].end < name_end:
            continue
        k = s
        while k < e and toks[k].start < name_end:
            k += 1
        if k < e:
            cand = k  # the rest of the name's segment
        elif n + 1 < len(segments):
            cand, e = segments[n + 1]  # the next segment
        else:
            return None
        if "role" in head_at(lex, toks, cand)[0]:
            r_end = _role_extent(lex, toks, cand, e)
            return (toks[cand].start, toks[r_end - 1].end) if r_end > cand else None
        return None
    return None


def _surname_shaped_name(lex: Lexicon, toks: list[Tok], a: int, e: int) -> int | None:
    """Start of a name that ends the role phrase [.., e): a bare first name and a nisba surname.

    Two words (هاجر النوالي), or three after عبد/أبو (عبد الحميد الجلاصي); the surname has the
    article and the ي of a nisba, the first name neither, and neither is a head word.
    """
    for n in (2, 3):
        k = e - n
        if k <= a or not toks[k - 1].is_word or toks[k - 1].w in FUNCTION_WORDS:
            continue
        last, first = toks[e - 1].w, toks[k].w
        if not (last.startswith("ال") and last.endswith("ي") and len(last) > 4) or is_definite(first) or (
                n == 3 and first not in NAME_LINKS) or toks[k - 1].w in NAME_LINKS:
            continue
        if _name_like(lex, toks, k, e, frozenset(), after_role=True):
            return k
    return None


def analyze_speaker(lex: Lexicon, toks: list[Tok], a: int, b: int, *,
                    persons: list[tuple[int, int]], surnames: frozenset[str]) -> SpeakerPhrase | None:
    """Analyse tokens [a, b) as a speaker phrase; None when nothing speaker-like is left.

    Args:
        lex: the quotes lexicon.
        toks: tokens of the sentence (folded).
        a: first token of the phrase.
        b: token after the phrase.
        persons: folded spans of PER mentions (from the entities stage), sorted.
        surnames: folded last words of names already seen in the article (الحسناوي).
    """
    outlets: list[tuple[int, int]] = []
    segments: list[tuple[int, int]] = []
    seg_start = a
    for j in range(a, b + 1):
        if j == b or toks[j].w in COMMAS:
            s, e = _segment_cut(lex, toks, seg_start, j, outlets)
            # a segment that opens with a preposition (في أول تصريح له ...) qualifies, never names
            qualifier = e > s and bool(segments) and (
                _circumstantial(toks, s, e) or toks[s].w in PREPOSITIONS or toks[s].w in TIME_PREPOSITIONS)
            if e > s and not (segments and toks[s].w in APPOSITION_OPENERS) and not qualifier:
                # an outlet-only segment (لـ"العربي الجديد") has been recorded; skip it
                found = outlet_at(lex, toks, s, e)
                if found and found[0] >= e:
                    outlets.append(found[1])
                else:
                    segments.append((s, e))
            seg_start = j + 1
    if segments and toks[segments[0][0]].w in OPEN_QUOTES and segments[0][1] - segments[0][0] > 2:
        s0, e0 = segments[0]  # "سرايا أولياء الدم": the name inside the marks
        segments[0] = (s0 + 1, e0 - 1 if toks[e0 - 1].w in QUOTE_MARKS and len(segments) == 1 else e0)
    if not segments or "manner" in head_at(lex, toks, segments[0][0])[0]:
        return None  # قوله، تعبيره: "his words", never a speaker
    start, end = toks[segments[0][0]].start, toks[segments[-1][1] - 1].end
    outlet = outlets[0] if outlets else None
    # a PER mention inside the phrase is the name (the first segment, if different, the role), unless
    # it is the genitive of an office or a preposition (مسؤول مقرب من مكتب الكاظمي، حكومة الكاظمي)
    # (only in the kept segments: a name inside a dropped qualifier, وقال المسؤول، قبل لقائه بالرئيس
    # فلان، إن, is not the speaker's)
    kept = [(toks[s].start, toks[e - 1].end) for s, e in segments]
    for ps, pe in reversed(persons):
        if any(ps >= ks and pe <= ke for ks, ke in kept) and _free_name(lex, toks, a, ps, pe):
            role = None
            first = segments[0]
            if toks[first[0]].start < ps:
                role = (toks[first[0]].start, min(ps, toks[first[1] - 1].end))
                if _first_name_before(lex, toks, first[0], ps):
                    # قال شكري بن حسن: the entities stage kept the surname only; the word before it is
                    # the first name, not a role
                    ps, role = toks[first[0]].start, None
            pe = _title_trimmed(lex, toks, ps, _surname_after(lex, toks, segments, pe))
            if role is None:
                role = _role_after(lex, toks, segments, pe)
            return SpeakerPhrase(start, end, "name", name=(ps, pe), role=role, outlet=outlet, certain=True)
    # a name-like segment (the last one) with a role segment before it: الخبير ...، أحمد الشريفي، or
    # a rank before the name in its own segment: المتحدث باسم التحالف، العقيد واين ماروتو
    for s, e in reversed(segments):
        first = segments[0]
        role = (toks[first[0]].start, toks[first[1] - 1].end) if first != (s, e) else None
        if _name_like(lex, toks, s, e, surnames):
            return SpeakerPhrase(start, end, "name", name=(toks[s].start, toks[e - 1].end), role=role,
                                 outlet=outlet, certain=e - s == 1 and toks[s].w in surnames)
        if role is not None and "role" in head_at(lex, toks, s)[0]:
            r_end = _role_extent(lex, toks, s, e)
            if r_end < e and _name_like(lex, toks, r_end, e, surnames, after_role=True):
                return SpeakerPhrase(start, end, "name", name=(toks[r_end].start, toks[e - 1].end),
                                     role=role, outlet=outlet)
    s, e = segments[0]
    kinds, n = head_at(lex, toks, s)
    head = head_key(lex, toks[s].w) if n else ""
    if "role" in kinds:
        r_end = _role_extent(lex, toks, s, e)
        # a lone word with ب/ل after the role continues it (المحكمة الابتدائية بسوسة)
        if r_end < e and not (e - r_end == 1 and toks[r_end].w[0] in "بل") and _name_like(
                lex, toks, r_end, e, surnames, after_role=True):
            return SpeakerPhrase(start, end, "name", name=(toks[r_end].start, toks[e - 1].end),
                                 role=(toks[s].start, toks[r_end - 1].end), outlet=outlet)
        k = _surname_shaped_name(lex, toks, r_end, e)
        if k is not None:
            # مبعوثة الجوهرة "اف ام" إلى تطاوين هاجر النوالي: a role longer than _role_extent reads,
            # then a name with a nisba surname
            return SpeakerPhrase(start, end, "name", name=(toks[k].start, toks[e - 1].end),
                                 role=(toks[s].start, toks[k - 1].end), outlet=outlet)
        if len(segments) == 1 and r_end < e and toks[r_end].w.endswith(OBJECT_NOUN_ENDINGS):
            end = toks[r_end - 1].end  # وأكد رئيس الوزراء ثقته بأن: the object is not the speaker's
    else:
        # a name followed by its role: حدة حزام رئيسة تحرير صحيفة الفجر
        for r in range(s + 1, min(e, s + 4)):
            if "role" in head_at(lex, toks, r)[0] and (r - s >= 2 or not is_definite(toks[r].w)) and \
                    _name_like(lex, toks, s, r, surnames):
                return SpeakerPhrase(start, end, "name", name=(toks[s].start, toks[r - 1].end),
                                     role=(toks[r].start, toks[e - 1].end), outlet=outlet)
    definite = is_definite(toks[s].w)
    if toks[s].w in SAME_WORDS and s + 1 < e:
        kinds2, _ = head_at(lex, toks, s + 1)
        if "anaphor" in kinds2:
            head = head_key(lex, toks[s + 1].w)
            return SpeakerPhrase(start, end, "anaphor", head=head, outlet=outlet)
    if "anaphor" in kinds and definite and all(
            nisba_like(t.w) or t.w in SAME_WORDS for t in toks[s + 1:e]):
        return SpeakerPhrase(start, end, "anaphor", head=head, outlet=outlet)
    # النشطاء، المحتجون: a group described with the article is still unnamed (not المحتجين, which
    # is never a subject)
    group = definite and plural_head(toks[s].w) and not toks[s].w.endswith("ين")
    if "anon" in kinds and (not definite or n > 1 or group):
        return SpeakerPhrase(start, end, "anon", head=head, outlet=outlet)
    if "body" in kinds or "role" in kinds or "media" in kinds:
        return SpeakerPhrase(start, end, "role" if "role" in kinds else "body", head=head, outlet=outlet)
    if toks[s].w in FUNCTION_WORDS or not toks[s].is_word:
        return None
    if not kinds and _human_plural(toks[s].w) and all(nisba_like(t.w) or is_definite(t.w) for t in toks[s + 1:e]):
        return SpeakerPhrase(start, end, "anon", head=head, outlet=outlet)
    return SpeakerPhrase(start, end, "unknown", head=head, outlet=outlet)


def _human_plural(w: str) -> bool:
    """True for a definite masculine plural that only people bear, in the nominative of a subject.

    A nisba plural (الأمنيون، الحقوقيون، النقابيون) or a participle plural (المعتصمون، المسلحون،
    الحاضرون): the
    head lexicons cannot list them all, and their shape alone says that a group of people speaks.
    Words of other shapes in ون (القانون، المضمون) are shorter or lack the participle's م.
    """
    core = w[1:] if w[:1] in ("و", "ف") and w[1:3] == "ال" else w
    if not core.startswith("ال"):
        return False
    if not core.endswith("ون") or len(core) < 8:
        return False
    # (and the active participle فاعلون: الحاضرون، الناشطون، العاملون)
    return core.endswith("يون") or core.startswith("الم") or (len(core) == 8 and core[3] == "ا")


def _trailing_name(lex: Lexicon, toks: list[Tok], j: int, b: int) -> int:
    """End of a two- or three-word name at ``j`` that a comma, time adverb, insert or في closes, or ``j``."""
    for n in (3, 2):
        k = j + n
        if k > b or not _name_like(lex, toks, j, k, frozenset()):
            continue
        if k == b or toks[k].w in COMMAS or toks[k].w in lex.time_words or toks[k].w in lex.inserts or \
                toks[k].w in ("في", "خلال", "عبر", "الي", "علي", "عن", "من") or toks[k].w in lex.comps or \
                "role" in head_at(lex, toks, k)[0]:
            return k
    return j


def _plural_before(toks: list[Tok], a: int, j: int) -> bool:
    """True when a word of tokens [a, j) is a plural a plural adjective may agree with."""
    return any(plural_head(t.w) or t.w.endswith("ات") for t in toks[a:j])


def _disagrees(lex: Lexicon, noun: str, word: str) -> bool:
    """True when a definite ``word`` cannot be an adjective of the definite head ``noun`` before it.

    The head is a singular person or body of the lexicon (الرئيس، الوزارة، الجيش) and the word a
    plural (المواطنين، المحتجون), or the head is feminine (ة, folded ه) and the word a masculine
    nisba (الرئاسة | الجندي), or the head a plural in ات and the word a masculine singular
    (السلطات | الهجوم): either way the word opens the verb's object.
    """
    bare = strip_article(noun)
    if bare.endswith("ات") and len(bare) > 4:
        # a plural of things or bodies takes feminine or plural adjectives (السلطات المحلية، القوات
        # الخاصة): a masculine singular word after it opens the object (ووصفت السلطات | الهجوم)
        return not (word.endswith(("ه", "ات", "ون", "ين")) or nisba_like(word))
    if not {"role", "body"} & lex.heads.get(bare, frozenset()) or plural_head(noun):
        return False
    if plural_head(word):
        return True
    return bare.endswith("ه") and word.endswith("ي") and len(word) > 4


def noun_phrase_end(lex: Lexicon, toks: list[Tok], a: int, b: int, entity_ends: dict[int, int],
                    person_starts: frozenset[int] = frozenset()) -> int:
    """End index of the subject noun phrase at token ``a`` when no complementiser marks it off.

    Construct chains of bare nouns continue (وكالة أعماق، قيادة تحالف دعم الشرعية); once a word with
    the article or an adjective has come, only words with the article or adjectives continue, so the
    object that follows the subject ends it (كشفت الشرطة الكندية | هوية منفذ الهجوم). An entity
    mention (folded start -> end) is taken whole.

    Args:
        lex: the quotes lexicon.
        toks: tokens of the sentence.
        a: first token of the phrase.
        b: limit (exclusive).
        entity_ends: folded start -> folded end of every entity mention.
        person_starts: folded starts of PER mentions, which may follow a role (أكد الموسيقي لطفي الغربي).
    """
    j = a
    mode = "construct"
    head_kinds, _ = head_at(lex, toks, a)
    # ends of names of places and bodies (a person's name may go on with a surname the tagger missed)
    name_ends = frozenset(e for s, e in entity_ends.items() if s not in person_starts)
    while j < b and j - a < 12:
        tok = toks[j]
        if tok.start in entity_ends and (j == a or mode in ("construct", "lam") or (
                "role" in head_kinds and mode in ("def", "adj") and tok.start in person_starts)):
            stop = entity_ends[tok.start]
            while j < b and toks[j].start < stop:
                j += 1
            mode = "adj"  # after a whole name only adjectives continue
            if tok.start in person_starts and j < b and toks[j].is_word and not is_definite(toks[j].w) and \
                    "role" in head_at(lex, toks, j)[0]:
                # وصف آشتون كارتر وزير الدفاع الأمريكي القوات ...: an office in apposition after the
                # person's name is theirs, a construct chain that its definite genitive and adjectives close
                head_kinds, mode = head_kinds | {"role"}, "construct"
                j += 1
            continue
        if "role" in head_kinds and j > a and mode in ("def", "adj") and j + 1 < b and \
                toks[j + 1].start in person_starts and "role" in head_at(lex, toks, j)[0]:
            j += 1  # النائب بمجلس الأمة الدكتور منصور الظفيري: a title between the office and the name
            continue
        if tok.w in OPEN_QUOTES:
            # a quoted name after an institution (حركة "الأبدال"، وكالة "بلغا") or as the subject
            # itself (وأعلنت "سرايا أولياء الدم" مسؤوليتها); otherwise a quotation is what was said
            k = quoted_end(toks, j, b)
            if k == j or (j > a and not head_at(lex, toks, j - 1)[0] & {"body", "media"}) or (
                    j == a and k - j > 5):
                break
            j, mode = k, "def"
            continue
        if not tok.is_word or tok.w.isdigit():
            break
        w = tok.w
        if j == a:
            j += 1
            mode = "def" if is_definite(w) else "construct"
            continue
        if w in ("صادر", "الصادر", "الصادره", "صادره") and j + 1 < b and toks[j + 1].w == "عن":
            j += 2
            mode = "construct"
            continue
        if w in FUNCTION_WORDS:
            if w in ("في", "من") and j + 1 < b and head_kinds & {"anon", "role"} and toks[j + 1].is_word \
                    and toks[j + 1].w not in FUNCTION_WORDS and "medium" not in head_at(lex, toks, j + 1)[0]:
                j += 1
                mode = "construct"
                continue
            break
        if w in lex.time_words or w in lex.inserts:
            break
        if w in ("باسم", "بإسم") and "role" in head_kinds and j + 1 < b:
            j += 1  # المتحدث باسم الجيش
            mode = "lam"
            continue
        if "role" in head_kinds and mode in ("def", "adj") and not is_definite(w):
            k = _trailing_name(lex, toks, j, b)
            if k > j:
                return k  # المتحدث باسم الجيش الليبي أحمد المسماري، ...
        # مدير عام الشؤون القنصلية بوزارة الخارجية، العميد بالحماية المدنية: the seat of the office
        if w[0] == "ب" and len(w) > 3 and "role" in head_kinds and mode in ("def", "adj", "construct") and \
                j > a:
            j += 1
            mode = "def" if is_definite(w) else "lam"
            continue
        if mode in ("def", "adj") and len(w) > 4 and w.endswith(("ها", "هم", "هما", *OBJECT_NOUN_ENDINGS)) and \
                not w.startswith("لل"):
            # وأكدت الوزارة | التزامها: after a definite noun, a noun with its pronoun is the object
            # (not a lone ه, which folding also gives the ta marbuta of المحلية)
            break
        if is_definite(w):
            if w[0] in "بك" or w[:2] in ("وب", "فب", "وك"):
                break  # بالإفراج، بالاعتداء: a prepositional phrase, not part of the subject
            if j == a + 1 and mode == "def" and _disagrees(lex, toks[a].w, w):
                break  # ودعا الرئيس | المواطنين إلى، ونعت الرئاسة | الجندي: no adjective of the subject
            if mode in ("def", "adj") and w.endswith(("يين", "يون")) and not _plural_before(toks, a, j):
                # ووصف وزير الدفاع | الإرهابيين بأنهم: after a definite noun a plural nisba is no
                # genitive, and as an adjective it agrees with no singular noun before it, so it opens
                # the object (not after المسؤولين، القوات: الأمنيين، الأمريكيون; nor in a construct
                # chain, نقابة الصحفيين). Participle plurals (المحتجزين) are left alone: after a broken
                # plural (البحارة المحتجزين) they agree, and broken plurals are not all known.
                break
            if mode in ("adj", "lil") and not nisba_like(w, strict=mode == "lil") and not (
                    mode == "adj" and w.startswith("لل")):
                break  # الخارجية الفرنسية | الهجوم، الاتحاد العام للشغل | المواطنين: a new noun
            j += 1
            mode = "lil" if w.startswith("لل") else ("adj" if nisba_like(w) and j - 1 > a else "def")
            continue
        if w[0] in "وف" and len(w) > 3 and mode != "def" and head_at(lex, toks, j)[0]:
            j += 1
            continue
        if w[0] == "ل" and len(w) > 3 and mode in ("def", "adj"):
            j += 1  # التابعة لتنظيم، لتحرير: a genitive through ل
            mode = "lam"
            continue
        if mode == "lam":
            j += 1  # the one noun governed through ل (لتحرير فلسطين) closes the phrase
            mode = "def"
            continue
        if mode == "construct" and not nisba_like(w):
            j += 1
            continue
        # an adjective agrees in definiteness: after a word with the article only one with it
        # (the name of a place or body is definite: تونس | عملية احتلال ...، the indefinite word opens
        # the object)
        if mode in ("construct", "adj") and nisba_like(w) and not is_definite(toks[j - 1].w) and \
                toks[j - 1].end not in name_ends:
            j += 1
            mode = "adj"
            continue
        break
    return j
