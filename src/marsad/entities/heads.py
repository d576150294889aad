"""Head-noun patterns: a head and the name it governs (مطار بغداد الدولي، الحكومة العراقية).

- a head noun in construct state takes the name as its genitive (حركة الأبدال، مطار بغداد الدولي,
  وزارة الدفاع الوطني), possibly quoted (قاعدة "عين الأسد");
- a definite head takes adjectives (الحكومة العراقية، الحرس الثوري الإيراني) and, for
  organisations, a complement with ل (الهيئة الوطنية لمكافحة الفساد).
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.entities.candidates import PRIO_RULE, Candidate
from marsad.entities.lexicons import Lexicons
from marsad.entities.phrases import PLACE_TYPES, hit_known, phrase_at
from marsad.entities.words import Word, clitic_word, name_word, quoted_end

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
# Road heads name a road in construct only (شارع الحبيب بورقيبة، نهج قابس): with the article and an
# adjective they describe one (الطريق العام، الطريق الوطنية رقم 1 is a road between two towns).
ROAD_HEADS = frozenset({"طريق", "شارع", "نهج"})
# Facility heads that, after this preposition, are part of an idiom (folded head -> preposition).
IDIOM_PREPOSITIONS = {"قاعده": "علي", "طريق": "عن"}
# ل-complement openers that continue an organisation's name after a preposition (للدفاع عن ...)
COMPLEMENT_PREPOSITIONS = frozenset({"عن", "علي", "من"})
# verbal nouns whose preposition belongs to the name (للدفاع عن حقوق الإنسان، للقضاء على التمييز);
# after others a preposition starts the sentence again (للانتخابات عن موعد الاقتراع)
GOVERNING_COMPLEMENTS = frozenset({"دفاع", "قضاء", "بحث"})
# Heads of local offices, whose name in construct ends in ب + the town they serve (مركز توزيع
# البريد بتوزر، محكمة الاستئناف بصفاقس); a government or movement followed by ب + a town is only
# located there (حكومة الوفاق بطرابلس), and a definite name keeps ب + town out of the name in the
# gold articles (المحطة المركزية للقطار ببروكسيل).
# Heads of the surroundings of a place (ريف حلب، ضواحي بغداد): the annotation names the place only.
COUNTRYSIDE = frozenset({"ريف", "اطراف", "ضواحي"})
LOCAL_HEADS = frozenset({"مركز", "مكتب", "فرع", "مديريه", "محكمه", "بلديه", "معتمديه", "دايره", "فرقه",
                         "مندوبيه", "قسم", "نقابه", "مصلحه", "اقليم"})


def _first_name_word(w: Word, lex: Lexicons) -> bool:
    """Could this token open the name after a construct head? A genitive never starts with a
    preposition, so an unknown word that begins like ل/ب/ك + word (لحماية) does not."""
    if not name_word(w) or w.n:
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
        if not name_word(w) or w.n:
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
    quoted = quoted_end(words, j)
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
        # unless the corpus never writes it as a word (قرية كرانة، بلدة صبراتة)
        if w.bare.endswith("ه") and w.base not in lex.known_words and not (
                j + 1 < n and words[j + 1].definite and name_word(words[j + 1])) and (
                w.ordinary or w.bare.endswith("يه") or w.key in lex.vocabulary):
            return None
        end = j + 1
        if end < n and name_word(words[end]) and not words[end].n:
            nxt = words[end]
            if nxt.definite and not nxt.adjective:
                end += 1  # عين الأسد، توزيع البريد
            elif not nxt.definite and nxt.phrase and (hit := phrase_at(words, end, lex)) is not None \
                    and hit[1] == "GPE":
                end = hit[0]  # حزب آفاق تونس
            elif not nxt.definite and (w.base in lex.known_words or len(w.bare) <= 2) and (
                    nxt.base in lex.known_words or nxt.person or len(w.bare) <= 2):
                end += 1  # باريس أورلي
                if end < n and words[end].definite and name_word(words[end]) and not words[end].adjective \
                        and not words[end].n:  # أبو سليم والهضبة: two places
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


def place_with_head(words: list[Word], j: int, lex: Lexicons) -> tuple[int, int] | None:
    """(start, end) of a place named with its own head at ``j`` (ولاية الخرطوم in شرطة ولاية
    الخرطوم، محافظة نينوى in مجلس محافظة نينوى): the genitive of an organisation or facility."""
    if j >= len(words):
        return None
    w = words[j]
    if w.head not in PLACE_TYPES or w.definite or w.dual or w.n or not w.is_word:
        return None
    span = _name_after_head(words, j + 1, lex)
    if span is None or words[span[0]].quote:
        return None
    # منطقة الأمن الوطني is a police district, not a place: the name must be a known place
    name = phrase_at(words, span[0], lex)
    if (name is None or name[1] not in PLACE_TYPES) and words[span[0]].base not in lex.place_words:
        return None
    return j, span[1]


def town_served(words: list[Word], j: int, lex: Lexicons) -> int:
    """End of ب + a town closing the name of a local office at ``j`` (بتوزر), or ``j``."""
    if j >= len(words) or words[j].n != 1 or words[j].key[0] != "ب" or not words[j].phrase:
        return j
    hit = phrase_at(words, j, lex)
    return hit[0] if hit is not None and hit[1] == "GPE" and hit[3] == 1 else j


def _body_named(words: list[Word], start: int, end: int, lex: Lexicons) -> int | None:
    """End of the organisation named from ``start`` when [start, end) names one - a lexicon ORG or
    a definite organisation head and its adjectives of names (الحرس الوطني، الأمن الوطني) - else
    None."""
    hit = phrase_at(words, start, lex)
    if hit is not None:
        return end if hit[1] == "ORG" and hit[0] == end else None
    w = words[start]
    if end != start + 1 or not w.definite or w.n or w.head != "ORG":
        return None
    # an adjective of names must follow: منطقة الشرطة الرابعة is a district of Baghdad
    body = _adjectives(words, end, lex, strict=True)
    return body if body > end else None


def idiom_head(words: list[Word], i: int) -> bool:
    """Whether the head at ``i`` is part of an idiom with the preposition before it (على قاعدة
    الولاءات "on the basis of", عن طريق الحوار "by way of"): no facility is named there."""
    return i > 0 and IDIOM_PREPOSITIONS.get(words[i].bare) == words[i - 1].key


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
        if idiom_head(words, i):
            continue
        if w.bare in COUNTRYSIDE and etype == "LOC":
            continue  # ريف حلب: the countryside of a town is no name; the town is (a listed phrase)
        if not w.definite:
            span = _name_after_head(words, i + 1, lex)
            if span is None and etype in ("ORG", "FAC"):
                span = place_with_head(words, i + 1, lex)
            if span is None:
                continue
            start, end = span
            body = _body_named(words, start, end, lex) if etype in PLACE_TYPES else None
            if body is not None:
                # إقليم الحرس الوطني، منطقة الأمن الوطني: a body's regional branch, not a place
                etype, end = "ORG", body
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
                    end = _adjectives(words, end, lex, strict=etype == "FAC", demonyms=etype in ("ORG", "FAC"))
            if etype == "ORG" and hit_known(words, start, end, lex):
                end = _complement(words, end, lex)
            if etype == "ORG" and w.bare in LOCAL_HEADS:
                end = town_served(words, end, lex)
            yield Candidate(i, end, etype, "pattern", PRIO_RULE, w.n)
            continue
        if etype == "FAC" and w.bare not in PLURAL_HEADS and w.bare not in ROAD_HEADS:
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
            if w.bare in LOCAL_HEADS:
                end = town_served(words, end, lex)  # المحكمة الابتدائية بتونس: a local office's seat
            yield Candidate(i, end, etype, "pattern", PRIO_RULE, w.n)
        elif w.bare_org and not (i + 1 < n and words[i + 1].adjective):
            yield Candidate(i, i + 1, etype, "pattern", PRIO_RULE, w.n)

