"""The words of the fatality reader: cue lists, nouns of persons, number words and word tests."""

from __future__ import annotations

import functools
import re

from marsad.resources import read_tsv
from marsad.text.normalize import fold_key

_L = r"[^\W\d_]"
# Words of killing that follow a count (7 قتلى، 11 قتيلا، 3 شهداء).
KILL_AFTER = r"(?:قتلي|قتيلا|قتيل|شهداء|شهيدا|شهيد|ضحيه|ضحايا|جثه|جثث|وفيات)"
HEDGE_RE = re.compile(
    r"(?:ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|اكثر\s+من|اقل\s+من|نحو|حوالي|قرابه|زهاء|ما\s+يقارب|"
    r"ما\s+يزيد\s+عن|ما\s+يزيد\s+علي|علي\s+الاقل|ما\s+يقرب\s+من|يقرب\s+من|ما\s+يناهز|يناهز|ازيد\s+من|"
    r"ما\s+يفوق|يفوق|الي|عن)\s+")
PASSIVE_DUAL_RE = re.compile(rf"(?<!{_L})(?:اللذين|اللذان|اللتين|اللتان)?\s*[وف]?(?:قتلا|قتلتا|لقيا)(?!{_L})")
NUMBER_WORD_RE = re.compile(rf"(?<!{_L})[وف]?(?:ال)?({_L}+)(?!{_L})")
DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)?")
# Letters every cue of the victim reader contains: spans without any skip the reader.
CUE_HINT_RE = re.compile(r"قتل|مصرع|اغتي|اغتال|استشه|وفا|حيا|توف|لقي|لقوا|لقين|القضاء|ضحيت|ذبح|اعد|تصفي|حتف|قضوا")
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")
# "لم يسفر الهجوم عن إصابات": a denial of casualties with the subject between verb and object.
NO_TOLL_RE = re.compile(
    rf"(?<!{_L})(?:لم|دون\s+ان|بدون\s+ان)\s+(?:يسفر|تسفر|يخلف|تخلف|يوقع|توقع|يؤد|تؤد)(?:\s+{_L}+){{0,3}}"
    rf"\s+(?:عن|الي|اي)\s+(?:اي\s+)?(?:اصابات|ضحايا|خسائر\s+بشريه|قتلي|اصابه)")

# Cues whose victim follows them; a single unknown word after a strong cue is one victim (قتل حارس).
STRONG = frozenset({"قتل", "مقتل", "مصرع", "اغتيال", "اغتيل", "اغتيلت", "اغتال", "اغتالت", "اغتالوا",
                    "قتلت", "قتلوا", "يقتل", "تقتل", "اعدام", "اعدم", "استشهاد"})
# Cues that count only a number, a noun of persons or a name (توفي متاثرا بجروحه says nothing new;
# استشهد also means "cited").
WEAK = frozenset({"ذبح", "استشهد", "استشهدت", "وفاه", "حياه", "توفي", "توفيت", "تصفيه", "اعدامات"})
# Verbs whose subject may stand between them and their object (قتل مسلحون ثلاثة جنود).
ACTIVE = frozenset({"قتل", "قتلت", "قتلوا", "اغتال", "اغتالت", "اغتالوا", "اعدم", "ذبح", "يقتل", "تقتل"})
# لقي N ... مصرعهم: the victims stand between the verb and مصرع/حتف.
MEET = frozenset({"لقي", "لقيت", "لقوا", "لقيا", "لقين"})
# Plural verbs that a counted subject precedes (7 اشخاص قتلوا، 9 اشخاص لقوا حتفهم).
POST = frozenset({"قتلوا", "قتلن", "لقوا", "استشهدوا", "توفوا", "قضوا"})
# Masdars and verbs that carry the victim as a pronoun (مقتله، اغتيالها، مصرعهما، القضاء عليه).
SUFFIXED = ("مقتل", "مصرع", "اغتيال", "استشهاد", "قتل", "حيات", "حتف", "تصفيت", "وفات", "اعدام")
SUFFIX_COUNT = {"ه": 1, "ها": 1, "هما": 2}
# Words after a cue that show the victim is not named there (قتل في الهجوم، قتل برصاص ...).
NOT_VICTIM = frozenset({"في", "علي", "من", "عن", "الي", "بعد", "قبل", "خلال", "اثر", "جراء", "ضد", "منذ",
                        "عند", "عندما", "حين", "حيث", "اثناء", "بين", "داخل", "قرب", "امام", "لدي", "كل",
                        "جميع", "ما", "لا", "لم", "لن", "قد", "كان", "كانت", "هو", "هي", "هم", "او", "ثم",
                        "الذي", "التي", "الذين", "وقد", "وقال", "وكان", "انه", "انها", "ان", "اذ", "امس",
                        "اليوم", "يوم", "صباح", "مساء", "ليله", "فجر", "مساءا", "صباحا", "ليلا", "اكثر",
                        "الكثير", "ذلك", "هذا", "هذه"})
# راح ضحيتها 38 شخصا، ذهب ضحيته 3: the victims follow.
VICTIMS_OF = frozenset({"ضحيته", "ضحيتها", "ضحيتهم"})
# Time words a victim may follow (قتل امس 3 جنود، قتل صباح اليوم شاب).
TIME = frozenset({"امس", "اليوم", "صباح", "مساء", "ليله", "فجر", "ظهر", "صباحا", "مساءا", "ليلا", "الاحد",
                  "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الماضي"})
FILLERS = frozenset({"فيها", "فيه", "منهم", "منها", "جراءه", "خلاله", "خلالها", "بدورها"})
# Words of injury, arrest and capture that end a list of victims (مقتل شرطي واصابه اثنين).
NOT_KILLED = ("اصاب", "اصيب", "جرح", "جريح", "اعتقال", "اعتقل", "ايقاف", "اسر", "اختطاف", "خطف", "احتجاز")
# Means and causes joined to ب/ل after a cue (قتل برصاص قناص، مقتل بانفجار).
MEANS = frozenset({"رصاص", "رصاصه", "نيران", "طلق", "طلقه", "قذيفه", "قذائف", "غاره", "غارات", "انفجار", "هجوم",
                   "سبب", "سكين", "ساطور", "سلاح", "ايدي", "يد", "عبوه", "تفجير", "قصف", "صاروخ", "صواريخ", "نار",
                   "طعن", "طعنات", "ضربه", "ضربات", "حزام", "سياره", "شاحنه", "دهس", "حرق", "شنق", "عمليه"})
# The wounded after a coordinated number (وفاه 6 اشخاص و33 جريحا).
WOUNDED = ("جريح", "جرحي", "مصاب", "اصاب", "اصيب")
# Words in ـان that are plurals or singulars, not duals.
NOT_DUAL = frozenset({"سكان", "شبان", "رهبان", "فرسان", "جيران", "عمان", "انسان", "لبنان", "ايران", "سودان",
                      "اليمان", "رمضان", "شعبان", "الان", "مكان", "ميدان", "بيان", "عنوان", "لسان", "سلطان",
                      "امان", "طيران", "عدوان", "اعلان", "بركان", "ضمان", "كان", "بان", "زمان", "اذان"})
# Adverbs in ـا that are not dual verbs agreeing with the noun before them.
ADVERBS = frozenset({"ايضا", "جدا", "مجددا", "فورا", "صباحا", "ليلا", "نهارا", "حاليا", "سابقا", "لاحقا",
                     "تقريبا", "مؤخرا", "اخيرا", "امسا", "عمدا", "جميعا", "معا", "كذلك", "رميا", "ذبحا",
                     "خنقا", "حرقا", "غرقا", "اثنا", "منزلا"})
QUOTES = frozenset("\"«»“”„")
# Words before a cue that make the killing attempted, threatened or planned, not done.
ATTEMPT = frozenset({"الشروع", "شروع", "محاوله", "بمحاوله", "لمحاوله", "محاولات", "تهديد", "بتهديد", "التهديد",
                     "مخطط", "مخططا", "لمخطط", "نيه", "بنيه", "حاول", "حاولت", "حاولوا", "يحاول", "تحاول"})
# Passive verbs of killing whose subject a singular relative pronoun can be, counted when the means
# follows (الذي قتل بغارة); a bare recall (الزعيم الذي اغتيل في العاصمة) is no toll of the sentence.
SINGULAR_PASSIVE = frozenset({"قتل", "قتلت"})
# Passive and intransitive verbs whose singular subject before them is the victim (شرطي قتل،
# صيادا ايرانيا قتل اليوم) and relative pronouns that end the search for it.
SINGULAR_VERBS = frozenset({"قتل", "قتلت", "اغتيل", "اغتيلت", "استشهد", "استشهدت", "توفي", "توفيت"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللواتي", "اللاتي", "من", "ما"})
# Verbs of "taking the life" of someone (اودى بحياه).
TOOK_LIFE = frozenset({"اودي", "اودت", "يودي", "تودي", "اوديا", "اودتا"})
AGE_WORDS = frozenset({"عاما", "عام", "سنه", "سنوات", "سنين", "ربيعا"})
# Masdars that mostly name a death talked about rather than a killing reported: a grievance
# (احتجاجا على وفاة شاب، سببا في وفاة التلميذ) or a natural death. The lone person in their genitive
# is who the protest or the news is about, so only a stated number or a dual counts after them (the
# verb توفي counts its subject).
DEATH_MASDARS = frozenset({"وفاه"})
# What one cites (استشهد بآية، بقول، بمثال): استشهد then means "cited", not "was killed".
CITED = frozenset({"بايه", "بقول", "بمقوله", "بكلام", "بحديث", "بمثال", "بتصريح", "بتصريحات", "بما", "بالايه",
                   "بالمثل", "بشهاده", "بشعر", "ببيت", "بارقام", "بدراسه", "بتقرير"})
BREAKS = frozenset(".؛;!?:")

Token = tuple[str, int, int]


@functools.cache
def quantities() -> tuple[dict[str, tuple[int, str]], re.Pattern[str]]:
    """Number words -> (value, kind), and the pattern of denials of casualties (zero)."""
    words: dict[str, tuple[int, str]] = {}
    zero_forms = []
    for row in read_tsv("events/quantities.tsv"):
        value, kind = int(row[1]), row[2]
        for raw in row[0].split("|"):
            form = fold_key(raw.strip())
            if kind == "zero":
                zero_forms.append(re.escape(form).replace(r"\ ", r"\s+"))
            else:
                words.setdefault(form, (value, kind))
    zero = re.compile(rf"(?<!{_L})(?:{'|'.join(sorted(zero_forms, key=len, reverse=True))})(?!{_L})")
    return words, zero


@functools.cache
def persons() -> dict[str, bool]:
    """Folded singular nouns of persons -> whether their plural is broken (so ـين is a dual)."""
    nouns: dict[str, bool] = {}
    for row in read_tsv("events/victims.tsv"):
        for raw in row[0].split("|"):
            nouns[fold_key(raw.strip())] = row[1].strip() == "broken"
    return nouns


# (folded) the plural of hundred and thousand after a unit multiplies it: ثلاثه الاف = 3000
MULTIPLIERS = {fold_key(word): value for word, value in (("آلاف", 1000), ("ألف", 1000), ("مئات", 100),
                                                          ("مئة", 100), ("مائة", 100))}


def number_at(text: str, pos: int) -> tuple[int, int] | None:
    """Read a count at ``pos`` (digits or words, e.g. ثلاثة وعشرين); return (value, end)."""
    words, _ = quantities()
    m = DIGITS_RE.match(text, pos)
    if m:
        try:
            return int(float(m.group(0).replace(",", ""))), m.end()
        except ValueError:
            return None
    m = NUMBER_WORD_RE.match(text, pos)
    if not m:
        return None
    word = m.group(1)
    found = words.get(word) or words.get("ال" + word)
    if found is None:
        return None
    value, kind = found
    end = m.end()
    # خمسة عشر (15); ثلاثة وعشرين (23); ثلاثة آلاف (3000)
    nxt = NUMBER_WORD_RE.match(text, end + 1) if end < len(text) else None
    if nxt and kind == "unit" and value < 10:
        following = words.get(nxt.group(1))
        if nxt.group(1) == "عشر":
            return value + 10, nxt.end()
        if following and following[1] == "tens" and text[end + 1:end + 2] == "و":
            return value + following[0], nxt.end()
        if nxt.group(0) in MULTIPLIERS:
            return value * MULTIPLIERS[nxt.group(0)], nxt.end()
    return value, end


def strip_article(word: str) -> str:
    """The word without its article ال (a short word keeps it: الان)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@functools.lru_cache(maxsize=1 << 16)
def person_noun(word: str) -> tuple[str, int] | None:
    """Classify a noun of persons: ("one", 1), ("dual", 2), ("maybe", 2) for an ambiguous ـين."""
    nouns = persons()
    w = strip_article(word)
    if w in nouns or (w.endswith("ا") and w[:-1] in nouns):
        return "one", 1  # صيادا: the accusative
    for ending in ("ان", "ين"):
        if w.endswith(ending) and len(w) > 4:
            base = w[:-2]
            broken = nouns.get(base)
            if broken is None and base.endswith("ت"):
                broken = nouns.get(base[:-1] + "ه")  # طفلتين، امراتين
            if broken is None:
                continue
            return ("dual", 2) if ending == "ان" or broken else ("maybe", 2)
    return None


def means(word: str) -> bool:
    """A word of means or cause after a cue (برصاص، بالسكين، لانفجار): the victim is not named there."""
    if word[:1] not in ("ب", "ل"):
        return False
    rest = word[1:]
    return rest.startswith(("ال", "ل")) or strip_article(rest) in MEANS


def tokens(text: str, start: int, stop: int) -> list[Token]:
    """Words, numbers and marks of ``text[start:stop]`` with their offsets."""
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, stop)]


@functools.lru_cache(maxsize=1 << 16)
def cue_form(word: str) -> tuple[str, bool]:
    """The cue form of ``word`` without its proclitics, and whether it was joined by و."""
    waw = word[:1] in ("و", "ف") and len(word) > 3
    for w in (word, word[1:] if waw else word):
        for form in (w, w[1:] if w[:1] in ("ب", "ل") else w):
            bare = strip_article(form)
            if bare in STRONG or bare in WEAK or bare in MEET or bare == "القضاء" or form == "القضاء":
                return bare if form != "القضاء" else "القضاء", w is not word
    return "", False


@functools.lru_cache(maxsize=1 << 16)
def suffix_count(word: str) -> int | None:
    """The victims a pronoun on a cue stands for: مقتله = 1, مصرعهما = 2, مقتلهم = unknown (None)."""
    w = word
    for prefix in ("و", "ف", "ب", "ل"):
        if w.startswith(prefix) and len(w) > 5:
            w = w[1:]
    for stem in SUFFIXED:
        if w.startswith(stem) and w[len(stem):] in SUFFIX_COUNT:
            if stem == "حيات":
                return None  # طوال حياته، تخاطر بحياتها: only اودى بحياته is a death (read in counts)
            return SUFFIX_COUNT[w[len(stem):]]
    return None
