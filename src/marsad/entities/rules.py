"""Lexicon and pattern finders: name lists, heads + names, titles + names, first names.

Each finder reads the token analyses of one document (:class:`marsad.entities.words.Word`) and
yields :class:`Candidate` spans over token indices; :func:`marsad.entities.find_entities` then
keeps the best non-overlapping ones. The patterns encode how Arabic news names things:

- a head noun in construct state takes the name as its genitive (حركة الأبدال، مطار بغداد الدولي,
  وزارة الدفاع الوطني), possibly quoted (قاعدة "عين الأسد");
- a definite head takes adjectives (الحكومة العراقية، الحرس الثوري الإيراني) and, for
  organisations, a complement with ل (الهيئة الوطنية لمكافحة الفساد);
- a title or role stands before a person's name (الجنرال قاسم سليماني), a first name opens one
  (كمال الحسناوي).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.entities.lexicons import Lexicons
from marsad.entities.words import NAME_LINKS, OPENING_QUOTES, Word

# Priorities of finders when spans overlap: patterns and lexicons over the statistical tagger,
# which wins over document-level propagation. Within a priority the longer span wins.
PRIO_RULE = 3
PRIO_MODEL = 2
PRIO_PROPAGATED = 1

# Longest quoted name taken after a head, in tokens ("قاصم الجبارين", "عصائب أهل الحق").
MAX_QUOTED = 5
# Plural heads are generic with a plain adjective (الفصائل المسلحة); they need a demonym or a
# name adjective (القوات الأميركية، القوات الأمنية).
PLURAL_HEADS = frozenset({"قوات", "فصايل", "ميليشيات", "مليشيات", "وحدات", "سلطات", "احزاب", "قواعد",
                          "كتايب", "الويه", "سرايا", "عصايب", "جبال"})
# ORG heads whose quoted name is the organisation itself (حركة "عصائب أهل الحق" -> عصائب أهل الحق).
GENERIC_ORG_HEADS = frozenset({"حركه", "جماعه", "فصيل", "تنظيم", "هييه", "حزب", "تيار", "جبهه", "ايتلاف",
                               "تحالف", "فيلق", "ميليشيا", "مليشيا", "مجموعه", "تجمع", "كتايب", "كتيبه",
                               "صحيفه", "جريده", "قناه", "وكاله", "موقع", "مجله"})
# Heads of media names: a name of their own takes no adjective (صحيفة الفجر الجزائرية -> صحيفة
# الفجر), a generic one does (وكالة الأنباء السعودية).
MEDIA_HEADS = frozenset({"صحيفه", "جريده", "قناه", "وكاله", "مجله", "اذاعه", "موقع", "تلفزيون"})
# Heads that after ب mean "led by" (برئاسة، بقيادة، بإدارة، بإشراف) rather than name a body.
LED_BY_HEADS = frozenset({"رياسه", "قياده", "اداره", "اشراف"})
# Facility heads that after ب are verbal nouns (بسجن المتهم: by imprisoning the accused).
VERBAL_HEADS = frozenset({"سجن"})
# ل-complement openers that continue an organisation's name after a preposition (للدفاع عن ...)
COMPLEMENT_PREPOSITIONS = frozenset({"عن", "علي", "من"})
# verbal nouns whose preposition belongs to the name (للدفاع عن حقوق الإنسان، للقضاء على التمييز);
# after others a preposition starts the sentence again (للانتخابات عن موعد الاقتراع)
GOVERNING_COMPLEMENTS = frozenset({"دفاع", "قضاء", "بحث"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention over tokens [start, end), with how sure the finder is."""

    start: int
    end: int
    type: str
    source: str
    priority: int
    skip: int = 0  # folded proclitic letters to drop from the first token
    # Tie-break between equal spans, lowest first: a quoted name after a head reads the context
    # (صحيفة "الرياض" is the newspaper, not the city); otherwise a list entry keeps its type
    # (ريف دمشق is a governorate), and beats a guessed person (بن قردان is a town).
    rank: int = 1


GUEST = frozenset(("ضيف", "ضيفه"))  # folded: ضيف، ضيفة


def _quoted(words: list[Word], j: int) -> int | None:
    """End (exclusive, after the closing mark) of a short quoted name opening at token ``j``."""
    if j >= len(words) or not words[j].quote or words[j].key not in OPENING_QUOTES:
        return None
    for k in range(j + 1, min(len(words), j + MAX_QUOTED + 2)):
        w = words[k]
        if w.quote:
            return k + 1 if k > j + 1 else None
        if not w.is_word:
            return None
    return None


def phrase_at(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str, str, int] | None:
    """Longest lexicon phrase starting at token ``i``: (end, type, source, proclitic letters)."""
    w = words[i]
    if not w.phrase:
        return None
    readings = [(w.key, 0)] if w.n == 0 else [(w.key, 0), (w.base, w.n)]
    second = words[i + 1].key if i + 1 < len(words) else ""
    for form, skip in readings:
        by_second = lex.phrases.get(form)
        if not by_second:
            continue
        for entry in (*by_second.get(second, ()), *by_second.get("", ())):  # longest first
            end = i + len(entry.words)
            if end > len(words):
                continue
            if all(words[i + k].key == entry.words[k] for k in range(2, len(entry.words))):
                if len(entry.words) == 1 and (w.stop or len(form) < 3 or (w.ordinary and w.final_ha)):
                    continue  # حديثه (his talk) is the word حديث + ه, not the town حديثة
                if len(entry.words) == 1 and entry.source != "lexicon" and (
                        (not w.definite and w.bare.endswith("يه")) or (w.base_ordinary if skip else w.ordinary)):
                    # سلمية، عسكرية: an indefinite feminine nisba is an adjective here; الحمام،
                    # عين: a word the corpus also writes the other way round is a common noun
                    continue
                return end, entry.type, entry.source, skip
    return None


def find_phrases(words: list[Word], lex: Lexicons) -> Iterator[Candidate]:
    """Every lexicon match (own lists, gazetteer, actor lexicon), longest at each position."""
    i = 0
    n = len(words)
    while i < n:
        hit = phrase_at(words, i, lex) if words[i].phrase else None
        if hit is None:
            i += 1
            continue
        end, etype, source, skip = hit
        if end == i + 1 and not skip and etype in ("GPE", "LOC") and _agreeing_adjective(words, i):
            i += 1
            continue
        if end == i + 1 and etype == "ORG" and end < n and not words[end].n and (
                words[end].adjective or words[end].blocked):
            i += 1  # القاعدة العسكرية: the base, not the organisation
            continue
        start = i
        if etype == "PER":
            # a lexicon alias may carry a title (العقيد تركي المالكي): the mention is the name
            while start + 1 < end and words[start].title and (words[start].base,) in lex.titles:
                start += 1
                skip = words[start].n
        yield Candidate(start, end, etype, source, PRIO_RULE, skip)
        i = end


def _agreeing_adjective(words: list[Word], i: int) -> bool:
    """Whether token ``i`` is a definite nisba agreeing with the definite noun before it
    (المناطق الغربية، الإجراءات الديوانية): an adjective, not the governorate of that name."""
    w = words[i]
    if not (w.adjective or w.blocked) or i == 0:
        return False
    prev = words[i - 1]
    # أوروبا الغربية: after a name the adjective describes it too
    return prev.is_word and (prev.definite or prev.phrase) and not prev.stop


def _name_word(w: Word) -> bool:
    """Could this token be (part of) a name after a head?"""
    return (w.is_word and not w.stop and not w.title and not w.demonym and not w.blocked
            and (w.head is None or w.definite) and len(w.bare) >= 2)


def clitic_word(w: Word, lex: Lexicons) -> bool:
    """Whether an unanalysed token reads as a proclitic + an ordinary word (بتهمة، لحماية)."""
    # a rest of three letters or fewer is as likely a name's own letters (بدوي is not ب + دوي)
    if w.n or w.definite or len(w.key) < 5 or w.key[0] not in "لبكوف" or w.key in lex.phrases:
        return False
    rest = w.key[1:]
    vocab = lex.vocabulary
    if w.person and vocab.get(w.key, 0) >= vocab.get(rest, 0):
        return False  # بلعيد is a family name more often than ب + لعيد
    return rest in lex.common_words or rest in vocab or (rest in lex.known_words
                                                         and w.key not in lex.known_words)


def _first_name_word(w: Word, lex: Lexicons) -> bool:
    """Could this token open the name after a construct head? A genitive never starts with a
    preposition, so an unknown word that begins like ل/ب/ك + word (لحماية) does not."""
    if not _name_word(w) or w.n:
        return False
    if w.definite or w.key in lex.known_words:
        return True
    if clitic_word(w, lex):
        return False  # لحماية، بحضور
    # an indefinite adjective is no name (قوات خاصة، قوات قتالية)
    if "ال" + w.key in lex.name_adjectives or "ال" + w.key in lex.blocked_adjectives:
        return False
    if w.key.endswith("يه") or (len(w.bare) < 3 and not w.person):
        return False
    return True


def _adjectives(words: list[Word], j: int, lex: Lexicons, *, strict: bool, limit: int = 3,
                demonyms: bool = True) -> int:
    """End of the run of name-continuing adjectives starting at ``j``."""
    k = j
    while k < len(words) and k - j < limit:
        w = words[k]
        if not (w.adjective and not w.stop) or w.n or (w.demonym and not demonyms):
            break
        if w.first and k + 1 < len(words) and words[k + 1].person:
            break  # الجبهة الشعبية المنجي الرحوي: a person's name follows the organisation
        if strict and not w.demonym and w.base not in lex.name_adjectives:
            break
        k += 1
    return k


def _complement(words: list[Word], j: int, lex: Lexicons) -> int:
    """End of an organisation's ل-complement starting at ``j`` (لمكافحة الفساد، للدفاع عن حقوق الإنسان)."""
    if j >= len(words):
        return j
    w = words[j]
    if not w.is_word or w.stop or not w.key.startswith("ل") or len(w.key) < 4:
        return j
    if w.n == 1 and not w.definite:
        hit = phrase_at(words, j, lex)
        if hit is not None and hit[1] == "GPE":
            return hit[0]  # المجلس الأمني لطهران
    noun = w.key[2:] if w.key.startswith("لل") else w.key[1:]
    if noun not in lex.complements:
        return j
    if w.key.startswith("لل"):
        end = j + 1
        if end + 1 < len(words) and words[end].key in COMPLEMENT_PREPOSITIONS \
                and noun in GOVERNING_COMPLEMENTS:
            chained = _genitive(words, end + 1, lex)
            if chained > end + 1:
                return chained
        return _adjectives(words, end, lex, strict=False, limit=1)
    end = _genitive(words, j + 1, lex)
    return end if end > j + 1 else j


def _genitive(words: list[Word], j: int, lex: Lexicons, limit: int = 3) -> int:
    """End of a genitive chain (indefinite nouns ending in a definite one or a name) from ``j``."""
    k = j
    while k < len(words) and k - j < limit:
        w = words[k]
        if not _name_word(w) or w.n:
            return j
        if w.definite or w.base in lex.known_words:
            return k + 1  # لتحرير فلسطين: a known name ends the chain
        k += 1
    return j


def _name_after_head(words: list[Word], j: int, lex: Lexicons) -> tuple[int, int] | None:
    """(start, end) of the name that follows a construct head at token ``j``."""
    n = len(words)
    if j >= n:
        return None
    quoted = _quoted(words, j)
    if quoted is not None:
        return j, quoted
    w = words[j]
    if not _first_name_word(w, lex):
        return None
    hit = phrase_at(words, j, lex)
    if hit is not None:
        end = hit[0]
    elif w.definite:
        end = j + 1
    else:
        # an indefinite feminine word after a head is an adjective (قرية صغيرة، قاعدة عسكرية)
        if w.bare.endswith("ه") and w.base not in lex.known_words and not (
                j + 1 < n and words[j + 1].definite and _name_word(words[j + 1])):
            return None
        end = j + 1
        if end < n and _name_word(words[end]) and not words[end].n:
            nxt = words[end]
            if nxt.definite and not nxt.adjective:
                end += 1  # عين الأسد، توزيع البريد
            elif not nxt.definite and nxt.phrase and (hit := phrase_at(words, end, lex)) is not None \
                    and hit[1] == "GPE":
                end = hit[0]  # حزب آفاق تونس
            elif not nxt.definite and (w.base in lex.known_words or len(w.bare) <= 2) and (
                    nxt.base in lex.known_words or nxt.person or len(w.bare) <= 2):
                end += 1  # باريس أورلي
                if end < n and words[end].definite and _name_word(words[end]) and not words[end].adjective:
                    end += 1
        if end == j + 1 and w.key not in lex.known_words and w.ordinary:
            return None  # مقاطعة احتفالات: a common noun alone is no name
    return j, end


def _name_after_head_from(words: list[Word], j: int, lex: Lexicons) -> int | None:
    """End of a name whose first token ``j`` carries a proclitic (والمثنى), for coordinations."""
    w = words[j]
    if not w.is_word or w.stop or w.title or w.demonym:
        return None
    hit = phrase_at(words, j, lex)
    if hit is not None:
        return hit[0]
    return j + 1 if w.definite or w.base in lex.known_words else None


def find_heads(words: list[Word], lex: Lexicons) -> Iterator[Candidate]:
    """Head noun + name (construct) and definite head + adjectives."""
    n = len(words)
    for i, w in enumerate(words):
        if w.head is None or not w.is_word:
            if w.bare_org and w.definite and not (i + 1 < n and words[i + 1].adjective):
                yield Candidate(i, i + 1, "ORG", "pattern", PRIO_RULE, w.n)  # جنود الاحتلال
            continue
        etype = w.head
        if w.n == 1 and w.key[0] == "ب" and w.bare in LED_BY_HEADS:
            continue  # برئاسة جبران باسيل، بقيادة السعودية: "led by", not an organisation
        if w.n == 1 and w.key[0] == "ب" and w.bare in VERBAL_HEADS:
            continue  # بسجن المتهم: "by imprisoning", not a prison
        if i > 0 and words[i - 1].key == "علي" and w.bare == "قاعده":
            continue  # على قاعدة الولاءات: "on the basis of", not a base
        if not w.definite:
            span = _name_after_head(words, i + 1, lex)
            if span is None:
                continue
            start, end = span
            known = phrase_at(words, i, lex) if w.phrase else None
            if known is not None and end > known[0]:
                # لحزب الله حسن نصر الله: the lexicon knows where the name ends; only adjectives
                # may follow it
                start, end = i + 1, known[0]
            if w.dual:
                # محافظتي بابل والمثنى: two places, each its own mention, the head belongs to neither
                yield Candidate(start, end, etype, "pattern", PRIO_RULE)
                if end < n and words[end].is_word and words[end].n == 1 and words[end].key[0] == "و":
                    second = _name_after_head_from(words, end, lex)
                    if second is not None:
                        yield Candidate(end, second, etype, "pattern", PRIO_RULE, 1)
                continue
            if (etype == "ORG" and words[start].first and not words[start].definite
                    and phrase_at(words, start, lex) is None):
                continue  # حكومة مصطفى الكاظمي: the person is the name to keep
            if start + 1 < end and words[start].quote and etype == "ORG" and w.bare in GENERIC_ORG_HEADS:
                # حركة "عصائب أهل الحق": the quoted name is the organisation
                yield Candidate(start + 1, end - 1, etype, "pattern", PRIO_RULE, rank=0)
                continue
            # صحيفة الفجر الجزائرية: the adjective is no part of a newspaper's own name, but a
            # generic one takes it (وكالة الأنباء السعودية)
            if w.bare not in MEDIA_HEADS or all(words[k].key in lex.common_words for k in range(start, end)):
                # مدينة حمص السورية، بلدة عرسال البقاعية: a town's adjectives say where it is,
                # they are not its name; a demonym does not name a region or mountain either
                if etype != "GPE":
                    end = _adjectives(words, end, lex, strict=False, demonyms=etype in ("ORG", "FAC"))
            if etype == "ORG" and hit_known(words, start, end, lex):
                end = _complement(words, end, lex)
            yield Candidate(i, end, etype, "pattern", PRIO_RULE, w.n)
            continue
        if etype == "FAC" and w.bare not in PLURAL_HEADS:
            # الساحة الكبرى، السفارة الأمريكية، السجن المركزي: a definite facility named by an
            # adjective of names or a demonym; a plain description (القاعدة العسكرية) is not one
            end = _adjectives(words, i + 1, lex, strict=True)
            if end > i + 1:
                yield Candidate(i, end, etype, "pattern", PRIO_RULE, w.n)
            continue
        if etype != "ORG":
            continue
        plural = w.bare in PLURAL_HEADS
        end = _adjectives(words, i + 1, lex, strict=plural)
        if end > i + 1:
            end = _complement(words, end, lex)
            yield Candidate(i, end, etype, "pattern", PRIO_RULE, w.n)
        elif w.bare_org and not (i + 1 < n and words[i + 1].adjective):
            yield Candidate(i, i + 1, etype, "pattern", PRIO_RULE, w.n)


def hit_known(words: list[Word], start: int, end: int, lex: Lexicons) -> bool:
    """Whether tokens [start, end) form a lexicon name (الأمم المتحدة), which may take a complement."""
    hit = phrase_at(words, start, lex)
    return hit is not None and hit[0] == end


def _ali_opens(words: list[Word], i: int) -> bool:
    """Whether علي at ``i`` opens a name: spelt with ي, not the preposition على, and followed by a
    name word or a definite word that is no common noun (علي الساعدي, not علي الرغم)."""
    w = words[i]
    if w.key != "علي" or w.maqsura or w.n or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return (nxt.is_word and not nxt.n and not nxt.ordinary and not nxt.stop and not nxt.title
            and nxt.head is None and (nxt.person or nxt.first or nxt.definite))


def _person_extent(words: list[Word], j: int, lex: Lexicons, *, loose: bool) -> int:
    """End of a person's name starting at ``j`` (0 tokens when none starts there)."""
    n = len(words)
    common = lex.common_words
    name_adjectives = lex.name_adjectives
    k = j
    units = 0
    while k < n and k - j < 4:
        w = words[k]
        # علي folds like the preposition على: after a first name (محمد علي العروي) it is a name
        # unless it is written على and no name word follows (بن ضياء على ضرورة): the preposition
        name_next = k + 1 < n and (words[k + 1].person or words[k + 1].first)
        stop = w.stop and not (k > j and w.key == "علي" and (words[k - 1].first or words[k - 1].person)
                               and not (w.maqsura and not name_next))
        # written علي (not على) and followed by a name word, it opens one (وقال علي بن صميخ)
        if stop and k == j and _ali_opens(words, k):
            stop = False
        # ضيف ends a name (X ضيف البرنامج, the talk-show guest) except in ضيف الله
        stop = stop or (k > j and w.key in GUEST and not (k + 1 < n and words[k + 1].key == "الله"))
        if not w.is_word or stop or w.title or (w.demonym and w.definite) or w.head is not None or (
                k > j and w.n) or clitic_word(w, lex):
            break
        # nisba family names (الحسناوي، السوكني) look like adjectives; demonyms and the
        # adjectives of names do not continue a person's name
        if k > j and (w.blocked or (w.adjective and (w.demonym or w.base in name_adjectives))):
            break
        if k == j and w.n and w.base in lex.place_words:
            break  # مدير المركز بجنيف رياض الصيداوي: ب + a place, not the person's first name
        if k == j and (not (w.person or w.first or (loose and w.key not in common and w.key[0] not in "وف"))
                       or (len(w.key) <= 2 and not w.first)):
            break  # الرئيس الـ 45; a name after a title opens with no conjunction (وتمشيط)
        if k == j and w.definite and not w.first and (w.adjective or w.blocked or w.ordinary
                                                       or (loose and not w.person)):
            break  # الرئيس الجديد، التلميذ المتضرر: an adjective, not a name
        # الدكتور فضل فصله: an ordinary word or one with a pronoun ending continues no name
        unknown_next = ((loose or words[j].person or words[j].first) and k == j + 1 and not w.ordinary
                        and not w.key.endswith(("ه", "ها", "هم")))
        if k > j and not (w.person or w.first or w.definite or words[k - 1].first or unknown_next):
            break
        if units >= 2 and w.definite and w.key in common and not w.person:
            break  # ألكسندر بيسونيت البالغ: a complete name is not continued by a common word
        if words[k].base not in NAME_LINKS:
            units += 1  # أبو مهدي is one part of أبو مهدي المهندس
        k += 1
    # a lone opener (أبو، عبد) is no name
    if k == j + 1 and words[j].base in NAME_LINKS:
        return j
    return k


def find_people(words: list[Word], lex: Lexicons) -> Iterator[Candidate]:
    """Titles + names and first names + family names."""
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        if not w.is_word:
            i += 1
            continue
        if w.title:
            title = _title_at(words, i, lex)
            if title is not None:
                end_title, kind = title
                j = end_title
                while j < n and words[j].is_word and words[j].definite and not words[j].person and (
                        words[j].demonym or words[j].adjective or words[j].ordinary) and j - end_title < 2:
                    j += 1  # الرئيس الأمريكي دونالد ترامب، الإرهابي الخطير (but العقيد تركي المالكي)
                quoted = _quoted(words, j) if kind == "title" else None
                if quoted is not None and all(words[k].is_word and not words[k].stop
                                              for k in range(j + 1, quoted - 1)):
                    # يدعى "الطاهر ضيف الله": the quoted name is the person
                    yield Candidate(j + 1, quoted - 1, "PER", "pattern", PRIO_RULE, rank=2)
                    i = quoted
                    continue
                end = _person_extent(words, j, lex, loose=kind == "title")
                if end == j and kind == "role":
                    # محافظ نينوى نجم الجبوري، وزير الدفاع X: the name follows the role's complement
                    j = _role_complement(words, j, lex)
                    if j < n and (words[j].first or (words[j].person and not words[j].ordinary)):
                        end = _person_extent(words, j, lex, loose=False)
                        end = end if end > j + 1 else j
                if end > j:
                    yield Candidate(j, end, "PER", "pattern", PRIO_RULE, words[j].n, rank=2)
                    i = end
                    continue
                i = end_title
                continue
        # ألكسندر folds to a word that looks definite; a first name is a first name
        if w.first and (not w.definite or w.base in lex.first_names) and i + 1 < n:
            nxt = words[i + 1]
            # لصالح، بيان أصدرته، أمنية مشددة: a first name that is also a word (or sits behind a
            # proclitic) needs a name word after it; an unknown word ending in ة or a pronoun is none
            plain = (not w.n and not w.ordinary) or _ali_opens(words, i)
            namelike = nxt.person or nxt.first or (nxt.definite and plain) or (
                plain and not nxt.ordinary
                and len(nxt.key) > 2 and not nxt.key.endswith(("ه", "ها", "هم")))
            # أشرف على تنفيذ: علي continues a name only when a name follows it (محمد علي العروي)
            ali = nxt.key == "علي" and i + 2 < n and (words[i + 2].person or words[i + 2].first
                                                      or words[i + 2].definite) and not words[i + 2].ordinary
            if (w.ordinary or w.base_ordinary) and nxt.phrase \
                    and (known := phrase_at(words, i + 1, lex)) is not None and known[1] == "PER":
                i += 1  # بأمر ترامب: the lexicon knows the name, the word before it is a noun
                continue
            if (nxt.is_word and namelike and (not nxt.stop or ali) and not nxt.demonym
                    and not nxt.title and nxt.head is None and not nxt.blocked and not nxt.n):
                end = _person_extent(words, i, lex, loose=True)
                if end > i + 1:
                    yield Candidate(i, end, "PER", "pattern", PRIO_RULE, w.n, rank=2)
                    i = end
                    continue
        i += 1


def _role_complement(words: list[Word], j: int, lex: Lexicons) -> int:
    """End of the complement of a role (الدفاع، باسم الجيش، نينوى، المجلس الرئاسي الليبي)."""
    n = len(words)
    if j < n and words[j].key == "باسم":
        j += 1
    hit = phrase_at(words, j, lex) if j < n and words[j].phrase else None
    if hit is not None:
        j = hit[0]
    else:
        k = j
        while k < n and k - j < 2 and words[k].is_word and words[k].definite and not words[k].stop:
            k += 1  # الدفاع، المجلس الرئاسي
        j = k
    while j < n and words[j].is_word and words[j].definite and (words[j].adjective or words[j].demonym):
        j += 1  # الليبي
    return j


def _title_at(words: list[Word], i: int, lex: Lexicons) -> tuple[int, str] | None:
    """(end, kind) of the longest title starting at token ``i``."""
    best: tuple[int, str] | None = None
    for length in range(1, 5):
        if i + length > len(words):
            break
        key = tuple(words[i + k].base if k == 0 else words[i + k].key for k in range(length))
        kind = lex.titles.get(key)
        if kind is not None:
            best = (i + length, kind)
    return best


def select(candidates: Iterable[Candidate], n_tokens: int) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    taken = bytearray(n_tokens)
    out = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.rank, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return out


def rule_candidates(words: list[Word], lex: Lexicons) -> list[Candidate]:
    """The lexicon and pattern candidates of a token sequence, best non-overlapping ones kept."""
    return select([*find_phrases(words, lex), *find_heads(words, lex), *find_people(words, lex)], len(words))


def rule_tags(candidates: list[Candidate], n_tokens: int) -> list[str]:
    """IOB tags of the rule candidates (B-ORG, I-ORG, O ...): a feature of the tagger."""
    tags = ["O"] * n_tokens
    for c in candidates:
        tags[c.start] = "B-" + c.type
        for k in range(c.start + 1, c.end):
            tags[k] = "I-" + c.type
    return tags
