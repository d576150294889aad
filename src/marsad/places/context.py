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
ADMIN1_HEADS = ("محافظه", "ولايه", "مقاطعه", "اقليم", "اماره", "محافظات", "ولايات", "جهه")
# معتمدية: a Tunisian delegation, مديرية: a Yemeni district, قضاء/ناحية: Iraqi and Syrian
# districts; each is named after its seat town.
CITY_HEADS = ("مدينه", "بلده", "قريه", "معتمديه", "مديريه", "قضاء", "ناحيه", "بلديه", "مركز مدينه",
              "دائره")
AREA_HEADS = ("منطقه", "حي", "ضاحيه", "مخيم")
FACILITY_HEADS = ("قاعده", "مطار", "ميناء", "مرفا", "معبر", "منفذ", "سجن", "معسكر", "حقل",
                  "مصفاه", "مصفي", "ثكنه", "مبني", "جسر", "سد", "محطه", "مستشفي", "معتقل",
                  "مقر", "فندق", "نزل", "مسجد", "جامع", "كنيسه", "سفاره", "قنصليه", "ساحه",
                  "شارع", "طريق")
HEAD_KIND: dict[str, str] = {
    **{h: "admin1" for h in ADMIN1_HEADS},
    **{h: "city" for h in CITY_HEADS},
    **{h: "area" for h in AREA_HEADS},
    **{h: "facility" for h in FACILITY_HEADS},
}

# Words that a tagger may mistake for a place and that no place is meant by, folded: فإن (then
# indeed) reads as Van, عمان after folding is Amman or Oman only with context ...
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

_DIR_ALT = "|".join(sorted(map(re.escape, DIRECTIONS), key=len, reverse=True))
_NEAR_ALT = "|".join(sorted(map(re.escape, NEAR_WORDS), key=len, reverse=True))
_HEAD_ALT = "|".join(sorted(map(re.escape, HEAD_KIND), key=len, reverse=True))

# Just before a mention (the window ends where the mention starts): an optional proclitic, then a
# head noun or a direction/near word. "في محافظة" and "بمحافظة" both end in the head noun.
HEAD_BEFORE_RE = re.compile(rf"(?:^|[\s(«\"])[وفبلك]{{0,2}}(?:ال)?({_HEAD_ALT})\s+$")
NEAR_BEFORE_RE = re.compile(
    rf"(?:^|[\s(«\"])[وفبلك]{{0,2}}(?:({_DIR_ALT})|({_NEAR_ALT}))(?:\s+(?:مدينه|محافظه|ولايه|منطقه|بلده|قريه))?\s+$")
# Right after a mention (or ending it): "تونس العاصمة" is the city of Tunis, not the country.
CAPITAL_WORD = "العاصمه"
CAPITAL_AFTER_RE = re.compile(r"\s+العاصمه")

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
