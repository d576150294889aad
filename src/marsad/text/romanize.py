"""English renderings of Arabic names (actors the lexicon does not know, places without an English name).

A name word is looked up in ``actors/names_en.tsv`` (the spelling Wikidata gives most often for
it; built by ``scripts/build_actors.py``); otherwise it is transliterated letter by letter with
the usual news conventions: the article is "al-" (sun letters not assimilated: al-Sharifi, as
ACLED and most outlets write), ة is "a", long vowels are written, and a short "a" is supplied
after the first consonant when two consonants open the word (حسناوي -> Hasnawi).
"""

from __future__ import annotations

import functools

from marsad.errors import DataFileError
from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

# Folded letters; hamza seats are already plain alef/waw/ya after folding.
LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh", "ع": "",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
VOWELS = frozenset("aeiou")
# Whole words whose spelling is fixed by usage rather than by letters.
FIXED = {
    fold_key(k): v for k, v in {
        "عبد الله": "Abdullah", "عبدالله": "Abdullah", "أبو": "Abu", "ابو": "Abu", "بن": "bin",
        "ابن": "Ibn", "آل": "Al", "الله": "Allah", "الدين": "al-Din", "محمد": "Mohammed",
        "أحمد": "Ahmed", "علي": "Ali", "حسن": "Hassan", "حسين": "Hussein", "عبد": "Abd",
    }.items()
}


@functools.cache
def name_words() -> dict[str, str]:
    """Folded Arabic name word -> English spelling (lower case), empty when the table is absent."""
    try:
        rows = read_tsv("actors/names_en.tsv")
    except DataFileError:
        return {}
    return {r[0]: r[1] for r in rows if len(r) >= 2}


def transliterate(word: str) -> str:
    """Letter-by-letter rendering of one folded word without the article (lower case)."""
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch == "ه" and i == n - 1 and i > 0:
            out.append("a")  # ta marbuta (folded to ه) at the end of a word
            continue
        if ch == "ي":
            out.append("y" if i == 0 or (i + 1 < n and word[i + 1] in "اوي") else "i")
            continue
        if ch == "و":
            out.append("w" if i == 0 or (i + 1 < n and word[i + 1] in "اي") else "u")
            continue
        if ch == "ع":
            # written as a vowel: سعدي -> saadi, علي -> ali, but nothing before a long ا
            nxt = word[i + 1] if i + 1 < n else ""
            if nxt == "ا" or (out and out[-1] and out[-1][-1] in VOWELS):
                out.append("")
            else:
                out.append("aa" if out and nxt and nxt not in "وي" else "a")
            continue
        out.append(LETTERS.get(ch, ch))
    text = "".join(out)
    # two consonants opening a word are nearly always separated by a short vowel
    if len(word) > 1 and out and out[0] and out[0][-1] not in VOWELS and len(out) > 1 and out[1] \
            and out[1][0] not in VOWELS:
        text = out[0] + "a" + "".join(out[1:])
    return text


def romanize_word(word: str) -> str:
    """English rendering of one folded word (without the article), capitalised."""
    if word in FIXED:
        return FIXED[word]
    spelled = name_words().get(word) or transliterate(word)
    return spelled[:1].upper() + spelled[1:]


@functools.lru_cache(maxsize=4096)
def romanize(name: str) -> str:
    """English rendering of an Arabic name: "أحمد الشريفي" -> "Ahmed al-Sharifi".

    >>> romanize("كمال الحسناوي")
    'Kamal al-Hasnawi'
    """
    words = fold_key(name).split()
    key = " ".join(words)
    if key in FIXED:
        return FIXED[key]
    parts: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == "عبد" and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt == "الله":
                parts.append("Abdullah")
            else:
                parts.append("Abdul " + romanize_word(nxt.removeprefix("ال")))
            i += 2
            continue
        if w in FIXED:
            parts.append(FIXED[w])
        elif w.startswith("ال") and len(w) > 3 and (w[2:] in name_words() or w not in name_words()):
            stem = w[2:]
            spelled = name_words().get(stem) or name_words().get(w) or transliterate(stem)
            spelled = spelled.removeprefix("al-").removeprefix("el-")
            parts.append("al-" + spelled[:1].upper() + spelled[1:])
        else:
            parts.append(romanize_word(w))
        i += 1
    text = " ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]
