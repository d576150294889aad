"""Person patterns: titles and roles before names, first names opening them.

A title or role stands before a person's name (الجنرال قاسم سليماني، محافظ نينوى نجم الجبوري), a
first name opens one (كمال الحسناوي).
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.entities.candidates import PRIO_RULE, Candidate
from marsad.entities.lexicons import Lexicons
from marsad.entities.phrases import phrase_at
from marsad.entities.words import NAME_LINKS, Word, clitic_word, quoted_end

GUEST = frozenset(("ضيف", "ضيفه"))  # folded: ضيف، ضيفة
# words of a kunya (أبو محمد، أم أحمد), folded: the nisba after one belongs to the name
KUNYA_OPENERS = frozenset(("ابو", "ابي", "ام"))


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
        if k == j + 2 and words[j].base in KUNYA_OPENERS and w.definite and w.demonym and not w.n:
            k += 1  # أبو دعاء المغربي، أبو الحسن التونسي: a kunya's nisba is the rest of the name
            break
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
                quoted = quoted_end(words, j) if kind == "title" else None
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

