"""Words around and inside a place name that change what it refers to, as folded-text patterns.

Arabic news marks the kind of a place with a head noun (محافظة الأنبار، مدينة الموصل، مطار بغداد)
and closeness with a direction or "near" word (شمال بغداد، قرب رمادة). All patterns run on folded
text (:func:`marsad.text.normalize.fold_key`: ة→ه, ى→ي, أ/إ/آ→ا), so they are written folded here.
"""

from __future__ import annotations

import re

# Head nouns, folded, and the kind of place they announce. جهة is a Tunisian or Moroccan region
# (a governorate, a first-level region). ولاية is a governorate in Tunisia and
# Algeria and a state in Sudan: a first-level division everywhere the gazetteer has one.
ADMIN1_HEADS = ("محافظه", "ولايه", "مقاطعه", "اقليم", "اماره", "جهه")
# Plural and dual heads name several places in a row: "بمحافظتي بابل والمثنى"، "ولايات القصرين
# وسيدي بوزيد وقفصة". Every name of the list takes the head's kind.
PLURAL_HEADS: dict[str, str] = {
    "محافظات": "admin1", "محافظتي": "admin1", "ولايات": "admin1", "ولايتي": "admin1",
    "مدن": "city", "مدينتي": "city", "بلدات": "city", "بلدتي": "city", "قري": "city", "قريتي": "city",
    "معتمديات": "city", "معتمديتي": "city",
}
# معتمدية: a Tunisian delegation, مديرية: a Yemeni district, قضاء/ناحية: Iraqi and Syrian
# districts; each is named after its seat town.
CITY_HEADS = ("مدينه", "بلده", "قريه", "معتمديه", "مديريه", "قضاء", "ناحيه", "بلديه", "مركز مدينه",
              "دايره")
# دولة الإمارات العربية المتحدة، جمهورية مالي، سلطنة عمان: a state's title before its name.
COUNTRY_HEADS = ("دوله", "جمهوريه", "مملكه", "سلطنه")
# جزيرة "island": جزيرة مالطا، جزيرة صقلية، شبه جزيرة سيناء name a country, a division or a region
# by its own name, which the gazetteer knows without the head.
AREA_HEADS = ("منطقه", "حي", "ضاحيه", "مخيم", "جزيره")
FACILITY_HEADS = ("قاعده", "مطار", "ميناء", "مرفا", "معبر", "منفذ", "سجن", "معسكر", "حقل",
                  "مصفاه", "مصفي", "ثكنه", "مبني", "جسر", "سد", "محطه", "مستشفي", "معتقل",
                  "مقر", "فندق", "نزل", "مسجد", "جامع", "كنيسه", "سفاره", "قنصليه", "ساحه",
                  "شارع", "طريق")
HEAD_KIND: dict[str, str] = {
    **PLURAL_HEADS,
    **{h: "admin1" for h in ADMIN1_HEADS},
    **{h: "city" for h in CITY_HEADS},
    **{h: "country" for h in COUNTRY_HEADS},
    **{h: "area" for h in AREA_HEADS},
    **{h: "facility" for h in FACILITY_HEADS},
}

# Function words that a tagger may mistake for a place name, folded: فإن ("then indeed") folds to
# فان, the Arabic name of the Turkish province of Van; no place is ever meant by them.
FUNCTION_WORDS = frozenset({"فان", "ان", "من", "الي", "علي", "عن", "في", "بعد", "قبل", "لكن", "ثم",
                            "حيث", "كما", "منذ", "لان", "اذا", "وان", "بان", "لها", "له"})

# Direction and nearness words; "شمالي" and "شمال" both mean "north of".
DIRECTIONS: dict[str, str] = {
    "شمال": "north", "شمالي": "north", "جنوب": "south", "جنوبي": "south",
    "شرق": "east", "شرقي": "east", "غرب": "west", "غربي": "west", "وسط": "central",
    "شمال شرق": "northeast", "شمال غرب": "northwest", "جنوب شرق": "southeast",
    "جنوب غرب": "southwest", "شمال شرقي": "northeast", "شمال غربي": "northwest",
    "جنوب شرقي": "southeast", "جنوب غربي": "southwest",
}
NEAR_WORDS = ("قرب", "بالقرب من", "قريبا من", "محيط", "ضواحي", "اطراف", "مشارف", "ريف", "ضاحيه",
              "على مقربه من", "على بعد", "حول", "جوار", "بمحاذاه", "مداخل", "مدخل")

_SINGLE_NEAR = frozenset(w for w in (*DIRECTIONS, *NEAR_WORDS) if " " not in w)
_MULTI_NEAR = frozenset(w for w in (*DIRECTIONS, *NEAR_WORDS) if " " in w)
_DIR_ALT = "|".join(sorted(map(re.escape, DIRECTIONS), key=len, reverse=True))
_NEAR_ALT = "|".join(sorted(map(re.escape, NEAR_WORDS), key=len, reverse=True))
_HEAD_ALT = "|".join(sorted(map(re.escape, HEAD_KIND), key=len, reverse=True))

# The words around a mention are compared after the proclitics are taken off: "بمحافظة" and
# "في محافظة" both end in the head noun محافظه.
_PUNCT = "\"'«»“”()[]،,.:;؛!?؟-"
_PUNCT_RE = re.compile("[" + re.escape(_PUNCT) + "]")
CAPITAL_WORD = "العاصمه"


def context_words(text: str, start: int, end: int, window: int = 40) -> tuple[list[str], str]:
    """The last three words before ``text[start:end]`` (nearest last) and the first word after it.

    Words are cut at punctuation: a comma or full stop ends the context.

    >>> context_words("قتل جنديان شمال مدينة الموصل اليوم", 22, 28)
    (['جنديان', 'شمال', 'مدينة'], 'اليوم')
    """
    words = _PUNCT_RE.split(text[max(0, start - window):start])[-1].split()[-3:]
    after = _PUNCT_RE.split(text[end:end + 20], 1)[0].split(None, 1)
    return words, after[0] if after else ""


def bare_word(word: str) -> str:
    """``word`` without up to two attached proclitics before a known context word (بمحافظة → محافظة)."""
    if word in HEAD_KIND or word in _SINGLE_NEAR:
        return word
    for n in (1, 2):
        rest = word[n:]
        if len(rest) < 2 or word[n - 1] not in "وفبلك":
            break
        if rest in HEAD_KIND or rest in _SINGLE_NEAR:
            return rest
        if rest.startswith("ال") and rest[2:] in HEAD_KIND:
            return rest[2:]
    return word


def read_before(words: list[str]) -> tuple[str | None, bool]:
    """(kind announced by a head noun, nearness) from the words just before a mention.

    >>> read_before(["في", "محافظه"])
    ('admin1', False)
    >>> read_before(["اشتباك", "شمال", "مدينه"])
    ('city', True)
    >>> read_before(["بالقرب", "من"])
    (None, True)
    """
    bare = [bare_word(w) for w in words]
    head = HEAD_KIND.get(bare[-1]) if bare else None
    rest = bare[:-1] if head else bare
    near = head == "area"
    if rest:
        last = rest[-1]
        two = " ".join(rest[-2:])
        three = " ".join(rest[-3:])
        near = near or last in _SINGLE_NEAR or two in _MULTI_NEAR or three in _MULTI_NEAR
    return head, near


# Nouns of a town's own scale: a home, a seat, a court, a municipality and its governor, a street,
# a district, a town's centre or outskirts. A name that is both a country and its capital (تونس،
# الجزائر، الكويت) written just after one of them (بمنزله في تونس، أمام مقر المحكمة الابتدائية
# بتونس، والي تونس، بلدية تونس، قلب تونس) is the city: a country has no one house, court or
# municipality. Folded, without ال or a pronoun suffix.
CITY_SCALE_WORDS = frozenset({"منزل", "بيت", "مقر", "محكمه", "ابتداييه", "بلديه", "والي", "شارع", "نهج",
                              "حي", "احياء", "قلب", "ضواحي", "شوارع", "ساحه", "مستشفي", "فندق",
                              "نزل", "مطار", "ميناء", "سجن", "معتمديه", "بلدات", "مدينه", "ميدان"})
_CITY_SCALE_LOOKBACK = 3


def city_scale_before(words: list[str]) -> bool:
    """Whether one of the last words before a mention is a noun of a town's scale (CITY_SCALE_WORDS),
    an attached proclitic, ال or a pronoun suffix taken off (بمنزله، المحكمة الابتدائية، ببلدية).

    >>> city_scale_before(["اغتيل", "بمنزله", "في"])
    True
    >>> city_scale_before(["قالت", "حكومه"])
    False
    """
    for word in words[-_CITY_SCALE_LOOKBACK:]:
        for n in (0, 1, 2):
            if n and (len(word) - n < 2 or word[n - 1] not in "وفبلك"):
                break
            stem = word[n:]
            stem = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
            if stem in CITY_SCALE_WORDS or (len(stem) > 4 and stem.endswith("ه") and stem[:-1] in CITY_SCALE_WORDS) \
                    or (len(stem) > 5 and stem.endswith("ها") and stem[:-2] in CITY_SCALE_WORDS):
                return True
    return False


# Nouns of a document, an agreement, a meeting or a process named after the place where it was
# written or held (إعلان الرياض، اتفاق الصخيرات، اتفاقية فيينا، مؤتمر برلين، مسار أستانا): the
# name in construct with one of them names the document, and is not where the article's events
# happen. Folded, without ال; a proclitic may be attached (باتفاق الصخيرات، لاتفاقية "فيينا").
DOCUMENT_WORDS = frozenset({"اعلان", "اتفاق", "اتفاقيه", "اتفاقات", "اتفاقيات", "معاهده", "ميثاق",
                            "موتمر", "منتدي", "مسار", "مبادره", "وثيقه", "بروتوكول", "محادثات",
                            "مفاوضات", "قمه", "تفاهمات", "مذكره", "بيان", "مقررات", "جوله"})
_QUOTE_OR_SPACE = " \t\"'«»“”"


def document_word_before(text: str, start: int) -> bool:
    """Whether the word just before ``text[start:]`` (folded text; quotes between are skipped, a
    comma or any other punctuation is not) is a document word in construct with the name
    (DOCUMENT_WORDS, without ال: "الاتفاق" is no construct, "في اتفاق" followed by a place name is).

    >>> document_word_before("واشار اعلان الرياض", 12)
    True
    >>> document_word_before("عقد الاجتماع في الرياض", 16)
    False
    """
    before = text[max(0, start - 30):start].rstrip(_QUOTE_OR_SPACE)
    words = before.split()
    if not words or not before or not before[-1].isalpha():
        return False
    word = words[-1]
    return any(word[n:] in DOCUMENT_WORDS for n in (0, 1, 2)
               if len(word) > n + 2 and (n == 0 or word[n - 1] in "وفبلك"))


# Inside a mention: a leading head noun, direction word, or "X في Y" (a facility in a town).
HEAD_INSIDE_RE = re.compile(rf"^({_HEAD_ALT})\s+(.+)$")
DIRECTION_INSIDE_RE = re.compile(rf"^(?:({_DIR_ALT})|({_NEAR_ALT}))\s+(.+)$")
CONTAINED_RE = re.compile(r"^(.+?)\s+(?:في|ب)\s*(.+)$")
# Trailing qualifiers that name the same facility (قاعدة عين الأسد الجوية، مطار بغداد الدولي).
TRAILING_QUALIFIERS = ("الجويه", "الدولي", "العسكري", "العسكريه", "الحدودي", "البحريه",
                       "البري", "المركزي", "المركزيه", "القديمه", "الجديده", "الكبري",
                       "المحتله", "المحتل")

# Regions named without a place name: "المحافظات الجنوبية", "جنوب البلاد". They become a region
# of the article's country (which the rest of the article decides).
_REGION_DIRS = {"الجنوبيه": "south", "الشماليه": "north", "الغربيه": "west", "الشرقيه": "east",
                "الوسطي": "central"}
REGION_EXPRESSION_RE = re.compile(
    r"(?<![\w])[وفبلك]{0,2}((?:ال)?(?:محافظات|مدن|مناطق|ولايات|اقاليم|الاقاليم|المحافظات|المدن|"
    r"المناطق|الولايات) (?:" + "|".join(_REGION_DIRS) + r")|(?:" + _DIR_ALT + r") البلاد)(?![\w])")


# Words one of which every region expression holds: a cheap test before the regex runs.
REGION_EXPRESSION_WORDS = ("البلاد", "محافظات", "مدن ", "المدن", "مناطق", "ولايات", "اقاليم")


def region_direction(expression: str) -> str:
    """The compass direction of a folded region expression ("المحافظات الجنوبيه" → "south")."""
    for word, direction in _REGION_DIRS.items():
        if expression.endswith(word):
            return direction
    head = expression.split(" البلاد")[0]
    return DIRECTIONS.get(head, "central")
