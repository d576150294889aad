"""benchmarks/quote_errors.py lists the quotes the scorer misses, the extras and the wrong speakers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _module() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("quote_errors", REPO / "benchmarks" / "quote_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


QE = _module()
SC = QE.load_scorer(REPO.parent / "shared")


def test_missed_extra_and_wrong_speaker() -> None:
    gold = {"quotes": [
        {"speaker": "وزارة الداخلية", "cue": "قالت", "quote_head": "قوات الأمن أوقفت ثلاثة مشتبه بهم"},
        {"speaker": "سامي العلوي", "speaker_role": "الناطق باسم الحرس", "cue": "أكد",
         "quote_head": "الوضع تحت السيطرة في المدينة"},
        {"speaker": "مصدر أمني", "cue": "أفاد", "quote_head": "الموقوفين نقلوا إلى العاصمة للتحقيق"}]}
    pred = {"quotes": [
        {"speaker": {"name": "وزارة الداخلية"}, "cue": "قالت", "content": "قوات الأمن أوقفت ثلاثة مشتبه بهم"},
        {"speaker": {"name": "مراد الهمامي"}, "speaker_text": "مراد الهمامي", "cue": "أكد",
         "content": "الوضع تحت السيطرة في المدينة منذ الصباح"},
        {"speaker": {"name": "الوزير"}, "cue": "دعا", "content": "المواطنين إلى الهدوء"}]}
    errors = QE.article_errors(gold, pred, SC)
    assert len(errors["missed"]) == 1 and errors["missed"][0].startswith("مصدر أمني")
    assert len(errors["extra"]) == 1 and "المواطنين إلى الهدوء" in errors["extra"][0]
    assert len(errors["speaker"]) == 1 and "سامي العلوي" in errors["speaker"][0]


def test_wrong_speakers_are_counted_by_kind() -> None:
    gold = {"text": "عنوان\nتفطنت وزيرة الشباب مجدولين الشارني إلى معلقة. وأكدت الوزيرة أنه تم فتح بحث.",
            "entities": [{"type": "PER", "canonical": "مجدولين الشارني", "aliases": []}]}
    said = {"speaker": "مجدولين الشارني", "cue": "أكدت", "quote_head": "تم فتح بحث"}
    by_title = {"speaker": {"name": "الوزيرة"}, "speaker_text": "الوزيرة", "content": "تم فتح بحث", "start": 70}
    by_adverb = {"speaker": {"name": "عشية"}, "speaker_text": "عشية", "content": "تم فتح بحث", "start": 70}
    assert QE.speaker_error_kind(gold, said, by_title, SC) == "title or bare head not resolved to the fullest name"
    assert QE.speaker_error_kind(gold, said, by_adverb, SC) == "fragment or adverb read as the speaker"
    assert QE.speaker_error_kind(gold, said, {"content": "تم فتح بحث"}, SC) == "no speaker"


def test_missed_statements_are_counted_by_kind() -> None:
    # (a paragraph of other news between the two statements: farther than NEAR_CHARS)
    text = ("وقالت الوزارة إن الشرطة أوقفت شخصين لكنها أضافت أن البحث متواصل. "
            + "وشهدت المدينة حركة عادية في الأسواق. " * 10 + "وأعلن الوالي فتح تحقيق في الحادثة.")
    outer = {"speaker": "الوزارة", "cue": "قالت", "quote_head": "الشرطة أوقفت شخصين"}
    inner = {"speaker": "الوزارة", "cue": "أضافت", "quote_head": "البحث متواصل"}
    wide = {"content": "الشرطة أوقفت شخصين لكنها أضافت أن البحث متواصل", "cue_start": 1}
    late = {"content": "الحادثة", "cue_start": text.index("أعلن")}
    opened = {"speaker": "الوالي", "cue": "أعلن", "quote_head": "فتح تحقيق في الحادثة"}
    gold = {"text": text}
    # one statement read where the gold has two: the outer one is missed with its head inside it
    assert QE.missed_kind(gold, outer, [wide], SC) == "head inside a statement paired with another gold statement"
    assert QE.missed_kind(gold, opened, [wide, late], SC) == "a statement cued nearby, with another span"
    assert QE.missed_kind(gold, opened, [wide], SC) == "no statement there"
    errors = QE.article_errors({"text": text, "quotes": [outer, inner]}, {"quotes": [wide]}, SC)
    assert len(errors["missed_kinds"]) == 1
