"""What the entity rules need to know about each token, computed once per word type.

A token keeps its attached proclitics (وبغداد، للتحالف); :func:`analyze` decides how many leading
letters are a proclitic by asking the lexicons which reading they know (لبنان stays whole,
وزارة is not و + زارة), and falls back on the safe cases (و/ف/ب/ل/ك before ال, لل).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.entities.lexicons import Lexicons, strip_article
from marsad.text.arabic import DELETED, proclitic_variants
from marsad.text.normalize import fold_key

QUOTES = frozenset('"«»“”„')
# A word is taken for an ordinary word when its form with the article is at least a fifth as
# frequent as the bare form and seen at least 5 times (بيان/البيان); names never take it
# (بدرة، ألكسندر). Checked on the dev articles and hand-written cases in tests/entities.
ORDINARY_ARTICLE_RATIO = 5
ORDINARY_MIN_ARTICLE = 5
OPENING_QUOTES = frozenset('"«“„')
# Longest quoted name taken after a head, in tokens ("قاصم الجبارين", "عصائب أهل الحق").
MAX_QUOTED = 5
# words that join the parts of a person's name (عبد الله، أبو مهدي، بن علي)
NAME_LINKS = frozenset({"عبد", "ابو", "بن", "ابن", "ولد", "بنت"})


@dataclass(frozen=True, slots=True)
class Word:
    """One token type, as the rules see it (all strings folded)."""

    key: str  # the folded token
    n: int  # folded letters of attached proclitics (و ب ل ف ك) before ``base``
    base: str  # the word without proclitics, with its article (للتحالف -> التحالف)
    bare: str  # ``base`` without the article
    definite: bool
    is_word: bool  # letters (Arabic or Latin)
    quote: bool
    head: str | None  # ORG | FAC | GPE | LOC when ``bare`` opens a name (وزارة، قاعدة)
    stop: bool
    demonym: bool
    adjective: bool  # a definite adjective that may continue a name (العراقية، الدولي)
    blocked: bool  # a descriptive adjective that makes the phrase generic (القتالية)
    person: bool  # a person-name word
    first: bool  # a first name or name opener (كمال، أبو، عبد)
    title: bool  # first word of a title or role (الرئيس، وزير)
    bare_org: bool  # a definite noun counted as ORG alone (الحكومة)
    phrase: bool = False  # ``key`` or ``base`` opens a lexicon phrase
    ordinary: bool = False  # an ordinary word rather than a name (see :func:`ordinary`)
    base_ordinary: bool = False  # the same for ``base``
    dual: bool = False  # a dual head in construct (محافظتي بابل والمثنى): each name is its own mention
    maqsura: bool = False  # written with a final ى (على), which folding merges with ي (علي)
    final_ha: bool = False  # written with a final ه (حديثه), which folding merges with ة (حديثة)


def _reading(key: str, lex: Lexicons) -> tuple[int, str]:
    """(folded proclitic letters, base) of the reading the lexicons support best.

    Evidence is weighed in order: a function word behind a proclitic (فإن); a name list, head,
    title or demonym for the whole word (لبنان، وزارة) and then for a stripped reading (بولاية ->
    ولاية); the person-name words, which are noisier, likewise; finally و/ف/ب/ل/ك + ال and لل.
    """
    variants = proclitic_variants(key)
    if len(variants) == 1:
        return 0, key
    stripped = variants[1:]
    for variant, n in stripped:
        if variant in lex.stopwords:
            return n, variant

    def strong(variant: str) -> bool:
        bare, _ = strip_article(variant)
        dual_head = bare[-2:] == "تي" and bare[:-2] + "ه" in lex.heads
        return (variant in lex.phrases or bare in lex.heads or dual_head or variant in lex.title_first
                or variant in lex.demonyms or variant in lex.bare_orgs)

    # بلال، بلحسن are first names, not ب + a name (ال، حسن)
    if strong(key) or key in lex.first_names:
        return 0, key
    vocab = lex.vocabulary
    for variant, n in stripped:
        # ورقة is a word, not و + the town رقة: a place name alone is weaker evidence than a
        # corpus that sees the whole word more often
        if strong(variant) and not (variant in lex.phrases and vocab.get(key, 0) > vocab.get(variant, 0)
                                    and strip_article(variant)[0] not in lex.heads):
            return n, variant
    if key in lex.known_words:
        return 0, key
    for variant, n in stripped:
        # وحدة is a word, not و + the name حدة: the corpus sees the whole word more often
        if variant in lex.known_words and vocab.get(key, 0) <= vocab.get(variant, 0):
            return n, variant
    for variant, n in stripped:
        if variant.startswith("ال") and len(variant) > 4:
            return n, variant
    return 0, key


def ordinary(key: str, lex: Lexicons) -> bool:
    """Whether a folded word is an ordinary word rather than a name: a common word of ANERcorp,
    or one the ANT corpus writes both with and without the article (البيان/بيان، الخطير/خطير),
    which names do not (بدرة، الكاظمي)."""
    if key in lex.common_words:
        return True
    bare, definite = strip_article(key)
    other = lex.vocabulary.get(bare if definite else "ال" + key, 0)
    return other >= ORDINARY_MIN_ARTICLE and other * ORDINARY_ARTICLE_RATIO >= lex.vocabulary.get(key, 0)


def analyze(surface: str, lex: Lexicons) -> Word:
    """The analysis of one token's surface text."""
    key = fold_key(surface)
    is_word = bool(key) and (key[0].isalpha())
    if not is_word:
        return Word(key=key, n=0, base=key, bare=key, definite=False, is_word=False,
                    quote=surface in QUOTES, head=None, stop=False, demonym=False, adjective=False,
                    blocked=False, person=False, first=False, title=False, bare_org=False)
    n, base = _reading(key, lex)
    bare, definite = strip_article(base)
    demonym = base in lex.demonyms
    blocked = definite and base in lex.blocked_adjectives
    nisba = bare.endswith(("ي", "يه")) and len(bare) >= 3
    adjective = definite and not blocked and (demonym or base in lex.name_adjectives or nisba)
    stop = base in lex.stopwords or key in lex.stopwords
    head = lex.heads.get(bare)
    if head is not None and not definite and bare in lex.definite_heads:
        head = None
    dual = False
    if head is None and not definite and bare.endswith("تي") and len(bare) > 4:
        head = lex.heads.get(bare[:-2] + "ه")
        dual = head is not None
    return Word(key=key, n=n, base=base, bare=bare, definite=definite, is_word=True, quote=False,
                head=head, dual=dual, stop=stop,
                phrase=key in lex.phrases or base in lex.phrases, ordinary=ordinary(key, lex),
                base_ordinary=ordinary(base, lex) if n else False,
                demonym=demonym, adjective=adjective,
                blocked=blocked, person=not stop and (base in lex.person_words or bare in lex.person_words),
                first=base in lex.first_names or base in NAME_LINKS,
                title=base in lex.title_first, bare_org=base in lex.bare_orgs,
                maqsura=surface.endswith("ى"), final_ha=surface.endswith("ه"))


def source_skip(surface: str, n: int) -> int:
    """Source characters that hold the first ``n`` folded letters of ``surface`` (diacritics count)."""
    if n <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(surface):
        if ch in DELETED:
            continue
        seen += 1
        if seen == n:
            j = i + 1
            # a tatweel or diacritic right after the proclitic belongs to it (لـ)
            while j < len(surface) and surface[j] in DELETED:
                j += 1
            return j
    return len(surface)


def quoted_end(words: list[Word], j: int) -> int | None:
    """End (exclusive, after the closing mark) of a short quoted name opening at token ``j``."""
    if j >= len(words) or not words[j].quote or words[j].key not in OPENING_QUOTES:
        return None
    for k in range(j + 1, min(len(words), j + MAX_QUOTED + 2)):
        w = words[k]
        if w.quote:
            return k + 1 if k > j + 1 else None
        if not w.is_word:
            return None
    return None


def name_word(w: Word) -> bool:
    """Could this token be (part of) a name after a head?"""
    return (w.is_word and not w.stop and not w.title and not w.demonym and not w.blocked
            and (w.head is None or w.definite) and len(w.bare) >= 2)


def clitic_word(w: Word, lex: Lexicons) -> bool:
    """Whether an unanalysed token reads as a proclitic + an ordinary word (بتهمة، لحماية)."""
    # a rest of three letters or fewer is as likely a name's own letters (بدوي is not ب + دوي)
    if w.n or w.definite or len(w.key) < 5 or w.key[0] not in "لبكوف" or w.key in lex.phrases:
        return False
    rest = w.key[1:]
    vocab = lex.vocabulary
    if w.person and vocab.get(w.key, 0) >= vocab.get(rest, 0):
        return False  # بلعيد is a family name more often than ب + لعيد
    return rest in lex.common_words or rest in vocab or (rest in lex.known_words
                                                         and w.key not in lex.known_words)
