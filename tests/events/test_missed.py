"""Events the detection used to miss (error hunt h4, §2.2), each beside a near neighbour that stays out.

Every sentence is written for these tests. They run the whole pipeline, since whether a frame's
object has details of its own depends on the places and dates that earlier stages resolve.
"""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.events.clauses import is_purpose
from marsad.events.cues import find_cues, find_words, modality_matcher
from marsad.events.modality import SentenceModality
from marsad.pipeline import extract
from marsad.text.normalize import fold

# these tests pin the rule stack's knowledge: the events stage runs as the rules alone
pytestmark = pytest.mark.usefixtures("rules_mode")

PUBLISHED = "2017-01-10"


def _run(text: str) -> Document:
    doc = extract(text, published=PUBLISHED, id="t1")
    doc.check_offsets()
    return doc


def _types(doc: Document) -> list[str]:
    return [e.sub_event_type for e in doc.events]


# (sentence, sub-event types expected): a frame that presupposes the act, with and without details
FRAMES = [
    # a condemnation of an act whose relative clause gives a full date and a named place
    ("ندد الاتحاد بالهجوم الإرهابي الذي جد يوم الخميس 14 جويلية 2016 بمدينة بن قردان.", ["Attack"]),
    # ... of an act told elsewhere: no place, no date of its own
    ("ندد الاتحاد بالهجوم الإرهابي الذي استهدف الدورية.", []),
    ("استنكرت الجمعية الاعتداء الذي وقع الأسبوع الماضي.", []),
    # a "crime" names a kind of act, unless the act joined to it has a day of its own
    ("أدان الحزب الجريمة البشعة والعملية الإرهابية التي جدت يوم الأحد 29 أوت 2016 بجبل سمامة.", ["Attack"]),
    ("أدان الحزب الجريمة البشعة والعملية الإرهابية.", []),
    # condolences for those who fell in an attack at a named place
    ("قدم الوزير تعازيه إلى عائلات الجنود الذين سقطوا في الهجوم الإرهابي بجبل الشعانبي يوم الخميس.",
     ["Attack"]),
    ("قدم الوزير تعازيه إلى عائلات ضحايا الهجوم.", []),
    # a commemoration: the genitive لـ of الذكرى, not the purpose لـ
    ("أحيا الحزب الذكرى الرابعة لاغتيال المناضل محمد البراهمي أمام منزله بحي الغزالة بأريانة.", ["Attack"]),
    ("تسلل المسلح إلى الحي لاغتيال المناضل أمام منزله بأريانة.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FRAMES)
def test_presupposing_frames_keep_a_detailed_act(sentence: str, expected: list[str]) -> None:
    assert _types(_run(sentence)) == expected


def test_commemorated_act_is_historical() -> None:
    doc = _run("أحيا الحزب الذكرى الرابعة لاغتيال المناضل محمد البراهمي أمام منزله بحي الغزالة بأريانة.")
    assert [e.historical for e in doc.events] == [True]


# (sentence, whether a protest is reported): occurrence support for nouns and present verbs
PROTESTS = [
    ("احتجاجات تستقبل وزير الصحة في قفصة", True),  # headline: the protests met the minister
    ("استقبل الوزير ممثلين عن المحتجين في مكتبه بقفصة.", False),
    ("عمال المصنع بقابس يحتجون على تأخر الأجور", True),  # headline present tense
    ("النقابيون يحتجون بأن القانون لا يحميهم", False),  # "they argue that"
    ("شهدت الجزيرة أمس موجة احتجاجات في معتمدية قرقنة.", True),  # a wave in a named place
    ("شهدت البلاد أمس موجة احتجاجات في عدة مدن.", False),  # a trend across the country
]


@pytest.mark.parametrize(("sentence", "protest"), PROTESTS)
def test_protest_nouns_and_present_verbs(sentence: str, protest: bool) -> None:
    doc = _run(sentence)
    assert any(e.event_type == "Protests" for e in doc.events) is protest, _types(doc)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a change of control that dates another act still took place
    ("دخلت الحافلات إلى المدينة بعد سيطرة قوات النظام على أحياء حمص القديمة.", 1),
    ("تسعى قوات النظام إلى السيطرة على مدينة حمص.", 0),  # an aim
    ("فر الرئيس من العاصمة بعد سيطرة المتمردين عليها، إلى عدن.", 0),  # Aden is where he fled
    ("تمت سرقة قطع أثرية بعد سيطرة التنظيم على بعض المواقع.", 0),  # no named ground
    # a past attempt is coded (0 killed is ACLED's attempt); a present one or a calming is not
    ("حاولت وحدة من المخابرات اغتيال القيادي محمود الزهار في مدينة غزة عام 1992.", 1),
    ("يحاول التنظيم استهداف المدينة منذ أشهر.", 0),
    ("حاول الوزير تهدئة المحتجين في قفصة.", 0),
])
def test_control_nouns_and_attempts(sentence: str, expected: int) -> None:
    assert len(_run(sentence).events) == expected


def test_attempted_assassination_is_an_attack() -> None:
    doc = _run("حاولت وحدة من المخابرات اغتيال القيادي محمود الزهار في مدينة غزة عام 1992.")
    assert [(e.sub_event_type, e.historical) for e in doc.events] == [("Attack", True)]


@pytest.mark.parametrize(("sentence", "dates"), [
    # a second clause with a day of its own is a second event; "the same day" adds none
    ("قتل مسلح ثلاثة أشخاص يوم 3 ماي 2014، وقد لقي المسلح حتفه برصاص الشرطة يوم 9 ماي 2014.",
     ["2014-05-03", "2014-05-09"]),
    ("قتل مسلح ثلاثة أشخاص يوم 3 ماي 2014، وقد لقي المسلح حتفه برصاص الشرطة في اليوم نفسه.", ["2014-05-03"]),
])
def test_second_clause_with_its_own_day(sentence: str, dates: list[str]) -> None:
    assert [e.date for e in _run(sentence).events] == dates


@pytest.mark.parametrize(("sentence", "places"), [
    # a second clause with a place of its own is a second event
    ("قتل مسلح ثلاثة أشخاص في برلين يوم الاثنين، وقد لقي المسلح حتفه في ميلانو برصاص الشرطة يوم الجمعة.",
     ["برلين", "ميلانو"]),
    # the same place again (or a clause without a cue) adds none
    ("قتل مسلح ثلاثة أشخاص في برلين يوم الاثنين، وقد تجمع السكان في برلين مساء.", ["برلين"]),
    # a list of named operations gives one event each
    ("نفذ المسلحون عملية اغتيال الجندي في القصرين يوم 12 ماي 2014 وعملية الاعتداء على منزل الوزير في "
     "القصرين يوم 28 ماي 2014.", ["القصرين", "القصرين"]),
    ("نفذ المسلحون عملية اغتيال الجندي في القصرين يوم 12 ماي 2014 وعملية تمويه قبل فرارهم.", ["القصرين"]),
])
def test_second_clause_and_operation_lists(sentence: str, places: list[str]) -> None:
    doc = _run(sentence)
    assert [e.location.name if e.location else None for e in doc.events] == places, _types(doc)


@pytest.mark.parametrize(("sentence", "word", "purpose"), [
    ("تسلل المسلح إلى الحي لاغتيال المناضل", "لاغتيال", True),
    ("أحيا الحزب الذكرى الرابعة لاغتيال المناضل", "لاغتيال", False),
    ("في ذكرى لاغتيال المناضل", "لاغتيال", False),
    ("تعرضت الدورية لهجوم مسلح", "لهجوم", False),
])
def test_purpose_lam(sentence: str, word: str, purpose: bool) -> None:
    folded = fold(sentence).text
    modality = SentenceModality(folded, 0, len(folded), find_words(modality_matcher(), folded, 0, len(folded)))
    start = folded.index(fold(word).text)
    cue = next(h for h in find_cues(folded) if h.start == start)
    exposed = [folded.index("تعرضت") + len("تعرضت")] if "تعرضت" in folded else []
    assert is_purpose(cue, exposed, modality) is purpose
