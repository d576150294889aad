"""English renderings of Arabic names (transliterate takes folded words: ة is already ه)."""

from __future__ import annotations

import pytest

from marsad.text.romanize import romanize, transliterate

NAMES = [
    ("أحمد الشريفي", "Ahmed al-Sharifi"),
    ("كمال الحسناوي", "Kamal al-Hasnawi"),
    ("عمر منصور", "Omar Mansour"),
    ("عبد الله الثاني", "Abdullah al-Thani"),
    ("أبو بكر", "Abu Bakr"),
    ("عبد الحكيم بلحاج", "Abdul Hakim Belhadj"),
    ("نعيم الحامد", "Naim al-Hamed"),
]


@pytest.mark.parametrize(("arabic", "english"), NAMES)
def test_romanize(arabic: str, english: str) -> None:
    assert romanize(arabic) == english


@pytest.mark.parametrize(("word", "latin"), [("حسناوي", "hasnawi"), ("شريفي", "sharifi"),
                                             ("زرقه", "zarqa"), ("وادي", "wadi"), ("سعدي", "saadi"),
                                             ("علي", "ali")])
def test_transliterate_rules(word: str, latin: str) -> None:
    assert transliterate(word) == latin


def test_romanize_never_returns_arabic() -> None:
    out = romanize("ثضصقفغعهخحجد")
    assert out and all(ord(ch) < 0x600 for ch in out)
