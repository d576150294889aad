"""Features of the statistical tagger, shared by training (scripts/train_ner.py) and tagging.

Feature extraction in Python is the cost of a CRF at run time, so everything that depends on one
word only is computed once per word type and cached: a token's feature list is the concatenation
of its own features and the precomputed "as left/right neighbour" lists of the tokens around it,
plus the tags the rule layer gave the same tokens (a stacked feature). Features the model has no
weight for are dropped when a word type is first seen. Bump :data:`FEATURES_VERSION` whenever a
feature changes; the model metadata records it and the tagger refuses a model trained with
other features.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from marsad.entities.lexicons import Lexicons, core_word, strip_article
from marsad.text.normalize import fold_key

FEATURES_VERSION = 7

_PUNCT = frozenset(".,،؛:;!?؟()[]{}\"'«»“”-–—/")
# a token's feature lists (own, as left neighbour, as right neighbour, as 2nd left, as 2nd right),
# its core word and its part in a name's chain (see _chain_role), the features as str (training) or
# as UTF-8 bytes (tagging, see encoded_sequence)
_Feature = TypeVar("_Feature", str, bytes)
_Row = tuple[list[_Feature], list[_Feature], list[_Feature], list[_Feature], list[_Feature], str, str]
# Tokens after a head noun that the chain feature follows (الهيئة العليا المستقلة للاتصال السمعي:
# the fifth word is still in the chain); past this the head says nothing more.
CHAIN_REACH = 5
# Bound on each per-process cache of word types, for memory on very long batches.
_CACHE_MAX = 200_000


def _bucket(count: int) -> str:
    """Log-scale frequency class of a word in the ANT corpus (0 = rarer than the vocabulary floor)."""
    return str(min(count.bit_length() // 2, 6))


def _article_ratio(bare: int, with_article: int) -> str:
    """How a word takes the article in the ANT corpus: names mostly never change (بغداد, العراق),
    common nouns appear both ways. "u" when the corpus has too little of it."""
    total = bare + with_article
    if total < 5:
        return "u"
    share = with_article / total
    return "0" if share < 0.02 else "1" if share > 0.98 else "m"


class FeatureCache:
    """Per-word-type feature lists, built on demand from the lexicons."""

    def __init__(self, lex: Lexicons, known: frozenset[str] | None = None) -> None:
        """Args:
            lex: the lexicons the word-list flags come from.
            known: the attributes the model has weights for; others are dropped at once, since
                every attribute handed to crfsuite costs time and an unknown one does nothing.
        """
        self.lex = lex
        self.known = known
        # surface -> (own, as left neighbour, as right neighbour, as 2nd left, as 2nd right, key)
        self._cache: dict[str, _Row[str]] = {}
        self._encoded: dict[str, _Row[bytes]] = {}  # the same, the features UTF-8 encoded

    def _flags(self, key: str, core: str) -> list[str]:
        lex = self.lex
        out = []
        bare, _ = strip_article(key)
        if core in lex.person_words or key in lex.person_words:
            out.append("pw")
        if core in lex.first_names or key in lex.first_names:
            out.append("fn")
        if key in lex.place_words or bare in lex.place_words or core in lex.place_words or (
                "ال" + core) in lex.place_words:
            out.append("gz")
        # only our own lists: the tagger must not change when other stages' data files do
        starts = lex.own_phrase_starts
        if key in starts or ("ال" + core) in starts or core in starts:
            out.append("lx")
        head = lex.heads.get(core)
        if head is not None:
            out.append("hd=" + head)
        if (key,) in lex.titles or (bare,) in lex.titles or key in lex.title_first:
            out.append("tt")
        if key in lex.demonyms or core in lex.demonyms:
            out.append("dm")
        if key in lex.stopwords or core in lex.stopwords:
            out.append("sw")
        out.append("fq=" + _bucket(lex.vocabulary.get(key, 0)))
        out.append("ar=" + _article_ratio(lex.vocabulary.get(core, 0), lex.vocabulary.get("ال" + core, 0)))
        return out

    def get(self, surface: str) -> _Row[str]:
        """Feature lists of one token (own, prev1, next1, prev2, next2) and its folded key."""
        hit = self._cache.get(surface)
        if hit is None:
            hit = self._row(surface)
            if len(self._cache) < _CACHE_MAX:
                self._cache[surface] = hit
        return hit

    def get_encoded(self, surface: str) -> _Row[bytes]:
        """:meth:`get` with the features UTF-8 encoded (cached apart: the tagger needs only these)."""
        hit = self._encoded.get(surface)
        if hit is None:
            own, prev1, next1, prev2, next2, core, chain = self._row(surface)
            hit = ([f.encode() for f in own], [f.encode() for f in prev1], [f.encode() for f in next1],
                   [f.encode() for f in prev2], [f.encode() for f in next2], core, chain)
            if len(self._encoded) < _CACHE_MAX:
                self._encoded[surface] = hit
        return hit

    def _row(self, surface: str) -> _Row[str]:
        key = fold_key(surface)
        core = core_word(key)
        flags = self._flags(key, core)
        if len(surface) == 1 and surface in _PUNCT:
            shape = "p"
        elif key.isdigit():
            shape = "d"
        elif key.isascii():
            shape = "l"
        else:
            shape = "a"
        proclitic = key[: len(key) - len(core)]
        own = ["b", "w=" + key, "c=" + core, "s=" + shape, "p2=" + core[:2], "p3=" + core[:3],
               "x1=" + core[-1:], "x2=" + core[-2:], "x3=" + core[-3:],
               "pf=" + proclitic, "n=" + str(min(len(core), 8))]
        if len(core) >= 6:  # longer affixes: the endings of borrowed names (-ستان، -يتشي) and of nisbas
            own += ["p4=" + core[:4], "x4=" + core[-4:]]
        own += ["f=" + f for f in flags]
        # a neighbour's proclitic: a name after ب/ل/في-like attachments, or behind و in a list
        prev1 = ["-1c=" + core, "-1s=" + shape, "-1pf=" + proclitic] + ["-1f=" + f for f in flags]
        next1 = ["+1c=" + core, "+1s=" + shape, "+1pf=" + proclitic] + ["+1f=" + f for f in flags]
        prev2 = ["-2c=" + core] + ["-2f=" + f for f in flags]
        next2 = ["+2c=" + core] + ["+2f=" + f for f in flags]
        if self.known is not None:
            keep = self.known
            own, prev1, next1, prev2, next2 = ([f for f in feats if f in keep]
                                               for feats in (own, prev1, next1, prev2, next2))
        return own, prev1, next1, prev2, next2, core, self._chain_role(key, core, shape)

    def _chain_role(self, key: str, core: str, shape: str) -> str:
        """A token's part in the genitive chain of a name opened by a head noun: the head's class
        ("ORG", "FAC" ...), "d" for a word that may continue a chain (a definite word, ل + a noun:
        الوطنية، للاتصال، لمكافحة), "w" for any other word (a construct's first noun: هيئة مكافحة),
        "" for punctuation and numbers, which end it."""
        head = self.lex.heads.get(core)
        if head is not None:
            return head
        if shape != "a":
            return ""
        proclitic = key[: len(key) - len(core)]
        if proclitic.endswith("ال") or key.startswith("لل") or (key[:1] == "ل" and len(key) > 3):
            return "d"
        return "w"

    def sequence(self, words: list[str], hints: list[str] | None = None) -> list[list[str]]:
        """Feature lists of a token sequence (one sentence).

        ``hints`` are the IOB tags the rules give the same tokens (rules.rule_tags): the tagger
        learns how far to trust each pattern, and where names continue past them.
        """
        return self._assemble([self.get(w) for w in words], hints, str)

    def encoded_sequence(self, words: list[str], hints: list[str] | None = None) -> list[list[bytes]]:
        """:meth:`sequence` with every feature UTF-8 encoded, as crfsuite reads it.

        crfsuite encodes each str feature it is handed at every call, a third of the tagger's time;
        a word type's features are encoded once here.
        """
        return self._assemble([self.get_encoded(w) for w in words], hints, str.encode)

    def _assemble(self, rows: list[_Row[_Feature]], hints: list[str] | None,
                  feature: Callable[[str], _Feature]) -> list[list[_Feature]]:
        """The features of each token of a sentence from the rows of its tokens; ``feature`` makes
        the features that depend on a token's neighbours (str, or str.encode)."""
        n = len(rows)
        known = self.known
        out: list[list[_Feature]] = []
        head, since = "", 0  # the head of the chain the token may be in, and how many tokens back
        for i, row in enumerate(rows):
            feats = list(row[0])
            role = row[6]
            if head and since < CHAIN_REACH and (role == "d" or (role == "w" and since == 0)):
                since += 1
                chain = "ch=" + head + str(since)
                if known is None or chain in known:
                    feats.append(feature(chain))
            else:
                head, since = "", 0
            if role not in ("", "d", "w"):
                head, since = role, 0
            if i > 0:
                feats += rows[i - 1][1]
                bigram = "bg=" + rows[i - 1][5] + "|" + row[5]
                if known is None or bigram in known:
                    feats.append(feature(bigram))
            else:
                feats.append(feature("BOS"))
            if i > 1:
                feats += rows[i - 2][3]
            if i + 1 < n:
                feats += rows[i + 1][2]
            else:
                feats.append(feature("EOS"))
            if i + 2 < n:
                feats += rows[i + 2][4]
            if hints is not None:
                feats.append(feature("r=" + hints[i]))
                feats.append(feature("-1r=" + (hints[i - 1] if i > 0 else "BOS")))
                feats.append(feature("+1r=" + (hints[i + 1] if i + 1 < n else "EOS")))
            out.append(feats)
        return out
