"""Gazetteer names in annotated articles, labelled from the gold: the development material of places.

Shared by scripts/train_place_evidence.py (which trains on the train half and the extra gold) and
benchmarks/place_occurrences.py (which measures on any gold set). Every occurrence of a gazetteer
name in an article's text (the longest at each word, an attached proclitic taken off) is labelled
from the article's gold entities:

  place     a GPE/LOC/FAC entity of the gold has this name as a form or inside one (مدينة باتون روج)
  org       an ORG or PER entity has exactly this name (قناة الجزيرة's الجزيرة, the surname جمال)
  ordinary  no gold entity holds the name: the word is not a name here (مبلغ مالي، صور الهجوم)

A name inside a longer ORG/PER name (جامعة تونس) is left unlabelled: the gold does not say whether
the place inside it is an entity. Where a gold event's location is the name, the place's country and
admin1 come with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from marsad.places import packaged_gazetteer
from marsad.places.context import DIRECTIONS, NEAR_WORDS
from marsad.places.gazetteer import name_key
from marsad.text.arabic import proclitic_variants

WORD_RE = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u0652ـ]+")
MAX_WORDS = 3
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Head nouns taken off a gold form before it is compared with a name (مدينة باتون روج → باتون روج).
FORM_HEADS = ("مدينه", "محافظه", "ولايه", "بلده", "قريه", "منطقه", "حي", "اقليم", "معتمديه", "جزيره")


def _strip_head(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if rest and first in FORM_HEADS else key


def occurrences(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of the gazetteer names in ``text``, longest at each word, left to right."""
    gaz = packaged_gazetteer()
    words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            tail = " ".join(w for _s, _e, w in words[i + 1:i + n])
            for bare, removed in proclitic_variants(words[i][2]):
                key = name_key(f"{bare} {tail}" if tail else bare)
                if len(key.replace(" ", "")) >= 3 and gaz.candidates(key):
                    hit = (words[i][0] + removed, words[i + n - 1][1], key, n)
                    break
            if hit:
                break
        if hit:
            yield hit[0], hit[1], hit[2]
            i += hit[3]
        else:
            i += 1


def _bare_forms(form: str) -> set[str]:
    """A folded gold form and the same with the proclitics of each word taken off (بتونس → تونس)."""
    bare = [w[1:] if len(w) > 3 and w[0] in "وبلفك" else w for w in form.split()]
    return {form, " ".join(bare)}


def label(gold: dict[str, Any], key: str) -> tuple[str, str | None, str | None] | None:
    """(kind, country, admin1) of an occurrence with this key, or None when the gold cannot tell."""
    where: dict[str, tuple[str, str | None]] = {}
    for ev in gold.get("events", []):
        if ev.get("location"):
            where.setdefault(_strip_head(name_key(ev["location"])), (ev.get("country"), ev.get("admin1")))
    # شمال مالي، ريف حلب، جنوب شرق تركيا: the gold names مالي، حلب، تركيا
    keys = {key}
    first, _, rest = key.partition(" ")
    while rest and (first in DIRECTIONS or first in NEAR_WORDS):
        keys.add(rest)
        first, _, rest = rest.partition(" ")
    inside = org = False
    for e in gold.get("entities", []):
        forms = {b for f in [e.get("canonical", ""), *e.get("aliases", [])] if f
                 for b in _bare_forms(name_key(f))}
        if e["type"] in PLACE_TYPES:
            for f in forms:
                if any(f" {k} " in f" {f} " for k in keys):
                    country, admin1 = next((where[k] for k in keys if k in where), (None, None))
                    return "place", country, admin1
        elif keys & forms:
            org = True
        elif any(f" {k} " in f" {f} " for f in forms for k in keys):
            inside = True
    if org:
        return "org", None, None
    return None if inside else ("ordinary", None, None)
