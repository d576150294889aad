"""Is a name the gazetteer knows used as a place here? A learned score over the words around it.

Many gazetteer names are also ordinary words: مالي (Mali; "financial" in مبلغ مالي), صور (Tyre;
"pictures"), مسقط (Muscat; "place of" in مسقط رأسه), داخله (Dakhla; "inside it"), فأس (Fes; "an axe").
No list of such names is kept: how a name is used in the ANT corpus (how often, how often after a
preposition of place, with the article ال, as a stem with a pronoun suffix — ``gazetteer/name-usage.tsv``)
and how it is used here (a preposition of place or a head noun before it, a construct noun before it,
what follows it, another name of the same country in the article) are features of a logistic model
trained on the annotated articles by ``scripts/train_place_evidence.py`` (weights in
``models/place-evidence.tsv``). The places stage leaves a name without a place when the model's
probability that it is one falls below the threshold chosen by cross-validation there.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from marsad.errors import DataFileError
from marsad.places.context import DIRECTIONS, bare_word
from marsad.places.gazetteer import PlaceEntry
from marsad.resources import read_json, read_tsv
from marsad.text.normalize import fold_key

USAGE_FILE = "gazetteer/name-usage.tsv"
MODEL_FILE = "models/place-evidence.tsv"
MODEL_META = "models/place-evidence.json"

# Prepositions after which a name is a place (folded): في حمص، إلى مالي، قرب درعا.
PLACE_PREPOSITIONS = frozenset({"في", "الي", "نحو", "داخل", "عبر", "حتي", "عند", "قرب", "بين",
                                "باتجاه", "اتجاه", "تجاه", "صوب", "جنوب", "شمال", "شرق", "غرب",
                                "جنوبي", "شمالي", "شرقي", "غربي", "وسط", "انحاء", "ارجاء", "فوق",
                                "خارج", "تحت", "ضواحي", "اطراف", "محيط"})
CAPITAL_WORDS = frozenset({"العاصمه", "عاصمه"})
# Accusative adverbs that come between a verb and its subject or object (زار مؤخرا سوريا).
ADVERBS = frozenset({"مؤخرا", "موخرا", "حاليا", "ايضا", "سابقا", "لاحقا", "رسميا", "مجددا", "اخيرا",
                     "كثيرا", "دايما", "غالبا", "تقريبا", "فورا", "معا", "جدا", "مسبقا", "اليا", "عموما",
                     "خصوصا", "سرا", "علنا", "يوميا", "سنويا", "تدريجيا", "فعلا", "اساسا"})
FROM_WORDS = frozenset({"من", "منذ"})
# Words that announce no name at all (folded function words, as a word before the name).
FUNCTION_BEFORE = frozenset({"و", "او", "ثم", "ان", "انه", "التي", "الذي", "الذين", "كما", "لكن",
                             "هو", "هي", "عن", "علي", "مع", "ضد", "لدي", "كل", "بعض", "غير", "قد"})
# Nouns of violent or political events that name the event by its place in construct (هجوم سوسة،
# تفجيرات دورتموند، أحداث رواد، مجزرة حماة), folded. عملية is left out: عملية قيصرية is surgery.
EVENT_NOUNS = frozenset({"هجوم", "هجمات", "هجومي", "تفجير", "تفجيرات", "انفجار", "اعتداء", "اعتداءات",
                         "احداث", "مجزره", "مذبحه", "معركه", "معارك", "اشتباكات", "مواجهات", "قصف",
                         "غارات", "اغتيال", "احتجاجات", "مظاهرات", "انتفاضه", "حصار", "تحرير", "سقوط"})
# Function words that fold like first names (على → علي): no person's name precedes a place after them.
NOT_NAMES = FUNCTION_BEFORE | PLACE_PREPOSITIONS | FROM_WORDS
# A town this big (or a capital, or a country) is named often enough that news means it by its name.
FAMOUS_POPULATION = 1_000_000
_QUOTES = "\"'«»“”"
# Prefixes of the features that name a neighbouring word (folded, one proclitic off).
WORD_BEFORE = "word_before="
WORD_AFTER = "word_after="
_PUNCT = set("\"'«»“”()[]،,.:;؛!?؟-–—/")
_WORD_RE = re.compile(r"\S+")
# Letters attached before a word that read as proclitics: a conjunction, then a preposition.
PROCLITIC_CHAIN_RE = re.compile(r"[وف]?(?:لل|[بلك])?")  # لل: ل before ال (للسيراليون)


@dataclass(frozen=True, slots=True)
class NameUsage:
    """How the ANT corpus uses a folded name (see scripts/train_place_evidence.py)."""

    count: int  # occurrences as a word, with or without an attached proclitic
    locative: float  # share of them after a preposition of place or a head noun
    definite: float  # log-ratio of the form with ال toggled to the form itself
    stem: float  # log-ratio of the form without a final ه/ها (a pronoun suffix) to the form
    collocates: frozenset[str]  # "<word" / ">word": words often just before / after it (مسقط >راس)
    # log-ratio of the word written with these letters attached (ف، بل، ك) to the name's count:
    # فرقة beside رقة, بلدان beside دان, كبيرا beside بيرا say the name is a piece of another word
    attached: Mapping[str, float]


@functools.cache
def name_usage() -> Mapping[str, NameUsage]:
    """The packaged usage table, folded name -> :class:`NameUsage` (loaded once)."""
    try:
        rows = read_tsv(USAGE_FILE)
    except DataFileError as err:
        raise DataFileError(f"{err}; build it with scripts/train_place_evidence.py") from err
    return {r[0]: NameUsage(int(r[1]), float(r[2]), float(r[3]), float(r[4]),
                            frozenset(w for w in (r[5] if len(r) > 5 else "").split("|") if w),
                            _attached_ratios(r[6] if len(r) > 6 else ""))
            for r in rows}


def _attached_ratios(cell: str) -> Mapping[str, float]:
    """The usage table's attached-letters column (``ف:3.2|بل:1.5``) as a mapping."""
    out = {}
    for item in cell.split("|"):
        letters, sep, ratio = item.partition(":")
        if sep:
            out[letters] = float(ratio)
    return out


@functools.cache
def first_names() -> frozenset[str]:
    """Folded first names (the tagger's name list and the entities' own list): a name of the
    gazetteer after one is a person's surname (محمد صالح الأحمدي), and one that is itself a first
    name before another name is a person (فارس الفرجاني)."""
    names: set[str] = set()
    for relative, first_only in (("models/ner-names.tsv", True), ("entities/first_names.tsv", False)):
        try:
            rows = read_tsv(relative)
        except DataFileError:
            continue
        names.update(fold_key(r[0]) for r in rows
                     if r and " " not in r[0] and (not first_only or (len(r) > 1 and "F" in r[1])))
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class EvidenceModel:
    """A logistic model: feature name -> weight, and the threshold below which a name is no place."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def packaged_model() -> EvidenceModel:
    """The model built into the package (loaded once).

    Raises:
        DataFileError: the weights are not installed (run scripts/train_place_evidence.py).
    """
    try:
        weights = {r[0]: float(r[1]) for r in read_tsv(MODEL_FILE)}
        meta = read_json(MODEL_META)
    except DataFileError as err:
        raise DataFileError(f"{err}; build it with scripts/train_place_evidence.py") from err
    return EvidenceModel(weights, float(meta["threshold"]))


def _words_before(text: str, start: int, n: int = 2) -> list[str]:
    """Up to ``n`` folded words before ``start`` in the same clause, nearest last."""
    chunk = text[max(0, start - 40):start]
    cut = max((chunk.rfind(p) for p in _PUNCT), default=-1)
    return chunk[cut + 1:].split()[-n:]


def _next_word(text: str, end: int) -> tuple[str, bool]:
    """The folded word after ``end`` in the same clause, and whether punctuation or the end follows."""
    rest = text[end:end + 30]
    stripped = rest.lstrip(" ")
    if not stripped or stripped[0] in _PUNCT or stripped[0] == "\n":
        return "", True
    m = _WORD_RE.match(stripped)
    return (m.group() if m else ""), False


# A name points to one country when its best-known candidate there outnumbers every candidate
# elsewhere this many times over (الرباط: Rabat, 1.6 million, not a hamlet of Yemen).
DOMINANT_POPULATION_RATIO = 20


def named_country(entries: Sequence[PlaceEntry]) -> str | None:
    """The country a gazetteer name points to alone, to back the article's other names: its only
    country, or the country of a candidate far more populous than every candidate elsewhere."""
    countries = {e.country for e in entries if e.country}
    if len(countries) <= 1:
        return countries.pop() if countries else None
    best = max((e for e in entries if e.country), key=lambda e: e.population)
    rest = max((e.population for e in entries if e.country and e.country != best.country), default=0)
    return best.country if best.population >= DOMINANT_POPULATION_RATIO * max(1, rest) else None


def needs_evidence(key: str, entries: Sequence[PlaceEntry], *, head: str | None, near: bool,
                   ambiguous: bool) -> bool:
    """Whether the model decides a name: a bare one-word name that the corpus uses as an ordinary word.

    A head noun (مدينة، محافظة، قرية) or a direction (شمال، قرب) before the name is evidence
    enough, and so is a name of several words (بئر العبد، سيدي بوزيد), which ordinary prose does
    not write by chance; a facility's short form is curated by hand (gazetteer/facilities.tsv).
    Which names are ordinary words is read off the corpus (:func:`ordinary_word`).
    """
    if head is not None or near or " " in key or not entries or entries[0].kind == "facility":
        return False
    usage = name_usage().get(key)
    return usage is not None and (ambiguous or ordinary_word(key, usage))


# A name written after a preposition of place or a head noun in less than this share of its corpus
# occurrences is used as something else too (مالي 0.06, صور 0.10; تونس 0.35, مسقط 0.67).
ORDINARY_LOCATIVE_SHARE = 0.3


def ordinary_word(key: str, usage: NameUsage) -> bool:
    """Whether the ANT corpus uses a name as an ordinary word: seldom after a word of place, in
    phrases of its own (مسقط رأس), as a stem with a pronoun suffix (داخله), or, for a name without
    ال, more often with it (مالي beside المالي). Names the corpus never writes (سيونيك) are not:
    with no count there is no sign of an ordinary word."""
    return (usage.locative < ORDINARY_LOCATIVE_SHARE or bool(usage.collocates) or usage.stem > 0
            or (not key.startswith("ال") and usage.definite > 0))


def unseen_word(usage: NameUsage) -> bool:
    """Whether a name the corpus never writes is shaped like an ordinary word of it (a row of count 0,
    written by the trainer only for such names: درعا, the accusative of درع "a shield")."""
    return usage.count == 0


def agrees_as_adjective(text: str, start: int, key: str) -> bool:
    """Whether the name is read as a relative adjective agreeing with the indefinite noun before it:
    مقاتلا بريطانيا ("a British fighter"), جنديا تركيا, طائرات عسكرية سورية ("Syrian military
    aircraft"). A country's name that ends like an adjective (بريطانيا، سوريا، سورية) is then the
    adjective: an indefinite accusative noun (…ا) before …يا, or an indefinite feminine (…ه) before
    …يه, with nothing attached to the name. ``text`` is folded, ``start`` the name's folded start."""
    if start > 0 and text[start - 1].isalpha():
        return False
    before = _words_before(text, start, 1)
    if not before:
        return False
    last = before[-1]
    if len(last) < 3 or last.startswith("ال") or last[1:3] == "ال" or last in FUNCTION_BEFORE \
            or last in PLACE_PREPOSITIONS or last in FROM_WORDS or not last.isalpha():
        return False
    if key.endswith("يا"):
        # an accusative noun (جنديا), not a pronoun suffix (تشهدها، مقرها), a verb's plural (قالوا)
        # or an adverb (مؤخرا، حاليا) before the subject or object
        return last.endswith("ا") and last[-2:] not in ("ها", "نا", "وا") and last not in ADVERBS
    # an indefinite feminine noun or adjective (امرأة سورية، عسكرية سورية) or a feminine plural
    # (شخصيات سورية، طائرات سورية): the name agrees with it as an adjective
    return key.endswith("يه") and (last.endswith("ه") or (len(last) > 4 and last.endswith("ات")))


def in_adjective_list(text: str, start: int, end: int, key: str, is_name: Callable[[str], bool]) -> bool:
    """Whether a name shaped like a feminine relative adjective (السعودية، التونسية) stands in a list of
    such adjectives that are no names: "الجنسيات هي السعودية والأردنية والتونسية" (the nationalities
    Saudi, Jordanian, Tunisian). ``text`` is folded, ``start``/``end`` the name's folded offsets,
    ``is_name`` says whether a folded word is a gazetteer name (السوريه and العراقيه are adjectives only)."""
    if not key.startswith("ال") or not key.endswith("يه") or " " in key:
        return False
    nxt, closed = _next_word(text, end)
    if not closed and nxt.startswith("وال") and nxt.endswith("يه") and not is_name(nxt[1:]):
        return True
    if start == 0 or text[start - 1] != "و":
        return False
    before = _words_before(text, start - 1, 1)
    return (bool(before) and before[-1].startswith("ال")
            and before[-1].endswith("يه") and not is_name(before[-1]))


def is_place(features: Mapping[str, float], model: EvidenceModel) -> bool:
    """Whether the evidence makes the name a place.

    A name in one of its corpus phrases (مسقط رأس، مبلغ مالي، ريال مدريد) is that phrase unless
    another name of the article lies in the same country (اعتصام الكامور in an article on
    Tataouine); otherwise the model's probability decides. A preposition of place before the name
    (في مالي) is one of its features, not a decision: في حواره ("in his interview"), في الباب
    ("in the chapter") and بين سلطات البلدين hold ordinary words after one.
    """
    if features.get("unseen_wordlike"):
        return unseen_word_placed(features)
    if features.get("attached_not_proclitic"):
        return False  # بوروسيا، بلدان: letters no proclitic chain makes: the tail of another word
    if features.get("collocation") and not features.get("backed"):
        return False
    return model.probability(features) >= model.threshold


def unseen_word_placed(features: Mapping[str, float]) -> bool:
    """The decision for a name the corpus never writes but that is shaped like one of its words
    (:func:`unseen_word`): the annotated articles hold no such name to learn from, so it is a place
    only with evidence of one - a preposition of place before it, another name of the list it
    stands in, a direction after it (درعا جنوبي البلاد), or another name of its country in the
    article where nothing agrees with it as with a noun (اتخذوا المدنيين درعا بشريا: "a human
    shield", an indefinite accusative adjective after an accusative)."""
    return bool(features.get("after_place_preposition") or features.get("listed")
                or features.get("next_direction")
                or (features.get("backed") and not features.get("next_accusative")))


def features(text: str, start: int, end: int, key: str, entries: Sequence[PlaceEntry], *,
             backed: bool, listed: bool, head: str | None, near: bool, ambiguous: bool) -> dict[str, float]:
    """The features of one occurrence of a name: ``text`` is the folded article, ``start``/``end``
    folded offsets of the name (without an attached proclitic).

    Only the text and the gazetteer are read, not the entity tagger's decisions, so that the model
    learns from every occurrence of a gazetteer name in the annotated articles, tagged or not.

    Args:
        key: the gazetteer key the name was read as (folded, without proclitics).
        entries: the gazetteer's candidates for the key, best known first (not empty).
        backed: another name of the article points to the same country.
        listed: another gazetteer name stands beside it in a list (تلمسان وغرداية، الأردن وجيبوتي).
        head, near: a head noun's kind and nearness read before the name (marsad.places.context).
        ambiguous: the gazetteer lists the name as an ordinary word too (gazetteer/ambiguous.tsv).
    """
    f: dict[str, float] = {f"kind={entries[0].kind}": 1.0}
    population = max(e.population for e in entries)
    famous = any(e.kind == "country" or e.capital or e.population >= FAMOUS_POPULATION for e in entries)
    usage = name_usage().get(key)
    if usage is None:
        f["unseen"] = 1.0
    elif unseen_word(usage):
        # never written in the corpus but shaped like a word of it: its stem's frequency and its
        # definite form's say how common the word is
        f["unseen_wordlike"] = 1.0
        f["wordlike_stem"] = min(10.0, usage.stem) / 10.0
        f["wordlike_definite"] = min(10.0, usage.definite) / 10.0
    else:
        f["log_count"] = math.log1p(usage.count) / 5.0
        f["locative"] = usage.locative
        if not key.startswith("ال"):
            # مالي beside a frequent المالي ("the financial") is an adjective
            f["definite"] = max(-3.0, min(3.0, usage.definite)) / 3.0
        else:
            # a name that holds ال beside its bare form: الباب beside باب is a noun, الرقة beside
            # رقة less so (a weight of its own: the bare form of a town is seldom written)
            f["bare_form"] = max(-3.0, min(3.0, usage.definite)) / 3.0
        f["stem"] = max(0.0, min(5.0, usage.stem)) / 5.0
    f["log_population"] = math.log10(population + 1) / 7.0
    if famous:
        f["famous"] = 1.0
    if backed:
        f["backed"] = 1.0
    if listed:
        f["listed"] = 1.0
    if ambiguous:
        f["ambiguous"] = 1.0
    if " " in key:
        f["several_words"] = 1.0
    if head is not None:
        f[f"head={head}"] = 1.0
    if near:
        f["near"] = 1.0
    attached = text[start - 1] if start > 0 and text[start - 1].isalpha() else ""
    if attached:
        f[f"attached={attached if attached in 'بلوفك' else 'other'}"] = 1.0
        letters = _attached_letters(text, start)
        if not PROCLITIC_CHAIN_RE.fullmatch(letters):
            # no chain of proclitics (a conjunction, then a preposition): the name is the tail of
            # another word (بوروسيا، بلدان، كومان)
            f["attached_not_proclitic"] = 1.0
        if usage is not None and usage.attached:
            # how often the corpus writes the whole word against the name alone: فرقة ≫ رقة
            ratio = usage.attached.get(letters, usage.attached.get("*", 0.0))
            f["attached_word"] = max(-3.0, min(3.0, ratio)) / 3.0
    before = _words_before(text, start)
    nxt, closed = _next_word(text, end)
    # the neighbouring words themselves: the trainer keeps a weight for those frequent in the
    # annotated articles (نادي، فريق، صفوف before a club; في، قرب before a town; رأس after مسقط)
    # the word before the name and its attached letters, or before an opening quote: صحيفة "الرياض"
    word_start = start - len(_attached_letters(text, start))
    neighbour = _words_before(text, word_start, 1)
    if not neighbour and word_start > 0 and text[word_start - 1] in _QUOTES:
        neighbour = _words_before(text, word_start - 1, 1)
    if neighbour:
        f[f"{WORD_BEFORE}{_without_proclitic(neighbour[-1].strip(''.join(_PUNCT)))[-1]}"] = 1.0
    after = nxt.strip("".join(_PUNCT))
    if after and not closed:
        f[f"{WORD_AFTER}{_without_proclitic(after)[-1]}"] = 1.0
    names = first_names()
    if before and before[-1] not in NOT_NAMES and any(w in names for w in _without_proclitic(before[-1])):
        f["after_first_name"] = 1.0  # محمد صالح الأحمدي، النائبة جيهان العويشي
    if key in names and nxt and not closed:
        f["first_name_before_word"] = 1.0  # فارس الفرجاني، رشيد غزال
    if nxt.startswith("ال") and len(nxt) > 5 and not closed:
        # a definite relative adjective after the name agrees with it: a town is feminine
        # (باريس الفرنسية), a club or a man masculine (ليون الفرنسي، ميلان الإيطالي)
        if nxt.endswith("يه"):
            f["next_nisba_feminine"] = 1.0
        elif nxt.endswith("ي"):
            f["next_nisba_masculine"] = 1.0
    if usage is not None and usage.collocates and (
            (before and any("<" + w in usage.collocates for w in _without_proclitic(before[-1])))
            or (nxt and any(">" + w in usage.collocates for w in _without_enclitic(nxt)))):
        f["collocation"] = 1.0  # مسقط رأس، عاصفة الحزم، ومبلغ مالي: a phrase the corpus uses often
    if not before:
        f["clause_start"] = 1.0
    else:
        last = before[-1]
        bare = bare_word(last)
        if bare in CAPITAL_WORDS:
            f["after_capital_word"] = 1.0  # العاصمة عمان، عاصمة مالي
        elif last in PLACE_PREPOSITIONS or bare in PLACE_PREPOSITIONS:
            f["after_place_preposition"] = 1.0
        elif last in FROM_WORDS:
            f["after_from"] = 1.0
        elif last in FUNCTION_BEFORE:
            f["after_function_word"] = 1.0
        elif last[0] in _QUOTES:
            f["after_quote"] = 1.0
        elif any(w in EVENT_NOUNS for w in _without_proclitic(last)):
            f["after_event_noun"] = 1.0  # تفجيرات دورتموند، أحداث رواد: the event's place
        elif last.startswith("ال") or last[1:3] == "ال":
            f["after_definite_word"] = 1.0
        else:
            f["after_indefinite_word"] = 1.0
            if key.endswith("يه") and last.endswith("ه"):
                f["agrees_as_adjective"] = 1.0
    if key.endswith("ي") or key.endswith("يه"):
        f["nisba_shape"] = 1.0
    if start > 0 and text[start - 1] in _QUOTES:
        f["quoted"] = 1.0
    if closed:
        f["clause_end"] = 1.0
    elif bare_word(nxt) in DIRECTIONS:
        f["next_direction"] = 1.0  # ملطية شرقي البلاد، حديثة غربي الأنبار: a place located
    elif nxt.startswith("لل") or (nxt.startswith("ل") and not nxt.startswith("لا")):
        f["next_li"] = 1.0
    elif nxt.startswith("ال"):
        f["next_definite"] = 1.0
    elif nxt[:1] in ("و", "ب", "ف") and nxt[1:3] == "ال":
        f["next_conjunct"] = 1.0
    else:
        f["next_indefinite"] = 1.0
        if key.endswith("ا") and _accusative(nxt):
            f["next_accusative"] = 1.0  # درعا بشريا: an adjective agreeing with an accusative noun
    return f


def _attached_letters(text: str, start: int) -> str:
    """The letters attached before a name in the folded text (فرقة: ف; بلدان: بل)."""
    k = start
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:start]


def _without_enclitic(word: str) -> tuple[str, ...]:
    """A folded word and, if it ends in a pronoun suffix, the same without it (راسه → راس)."""
    out = [word]
    for suffix in ("هما", "هم", "ها", "ه", "نا", "ي"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[:-len(suffix)])
            break
    return tuple(out)


def _without_proclitic(word: str) -> tuple[str, ...]:
    """A folded word and, if it starts with an attached و/ف/ب/ل, the same without it (ومبلغ → مبلغ)."""
    return (word, word[1:]) if len(word) > 3 and word[0] in "وفبل" else (word,)


def _accusative(word: str) -> bool:
    """An indefinite accusative word (بشريا، واقيا), not a pronoun suffix (بها), a verb's plural
    (قالوا) or an adverb (مؤخرا)."""
    return (len(word) >= 4 and word.endswith("ا") and word[-2:] not in ("ها", "نا", "وا")
            and word not in ADVERBS and word.isalpha())
