"""Stage ``entities``: find PER / ORG / GPE / LOC / FAC mentions in an article.

Three kinds of finder propose spans over the tokens of ``doc.tokens``:

1. lexicons and patterns (:mod:`marsad.entities.rules`): name lists (our own, the places
   gazetteer, the actor lexicon), head nouns with their names, titles and first names;
2. the CRF (:mod:`marsad.entities.tagger`), trained on ANERcorp, the annotated ANT articles and
   name lists projected on ANT sentences, for names no list knows;
3. propagation: a name found once is found again elsewhere in the same article (الكاظمي after
   مصطفى الكاظمي).

Overlaps are resolved by priority (1 over 2 over 3), then by length; a tagger span that covers
rule spans and reaches past them takes the rules' priority (the rules know where a name starts,
the tagger learned from the annotations where it ends: :func:`_learned_extensions`). The one overlap kept is a
place nested in a chosen organisation or facility name (اليمن in تحالف دعم الشرعية في اليمن, see
:mod:`marsad.entities.nested`), as the gold convention annotates it. Spans drop attached
proclitics (وبغداد -> بغداد, للتحالف -> لتحالف, since ل + ال elides the alef) and always satisfy
``text[start:end] == mention.text``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import cast

from marsad.config import EntitiesConfig
from marsad.document import Document, Mention
from marsad.entities.candidates import PRIO_MODEL, PRIO_PROPAGATED, PRIO_RULE, Candidate, select
from marsad.entities.continuations import name_key
from marsad.entities.heads import MEDIA_HEADS, PLURAL_HEADS, idiom_head, town_served
from marsad.entities.lexicons import Lexicons, load_lexicons
from marsad.entities.nested import nested_places
from marsad.entities.outlets import find_outlets
from marsad.entities.phrases import phrase_at, place_in_context
from marsad.entities.rules import rule_candidates, rule_tags
from marsad.entities.tagger import spans_of, tagger
from marsad.entities.words import NAME_LINKS, Word, analyze, source_skip
from marsad.text.segment import sentence_spans, token_spans

__all__ = ["find_entities"]

# Bound on the per-process cache of token analyses; ANT's 10,101 articles hold about 120k types.
_WORD_CACHE_MAX = 300_000
_word_cache: dict[str, Word] = {}
# How far back (tokens) a quoted name looks for the quoted name it is coordinated with
# ("عين الأسد" ... و"فكتوريا"); calibrated on the reference article, where the gap is 6.
COORDINATION_WINDOW = 12
# Heads too generic to take up an organisation alone (الأمن after الأمن الوطني is security at large).
GENERIC_ANAPHORS = frozenset({"امن", "شرطه", "استخبارات", "مخابرات", "سلطه", "اداره"})
# Tokens the tagger reads on each side of a possible unknown name: the reach of its features.
# On the dev set 2 finds the same names as 3 or whole sentences, at 0.25 ms less per ANT article.
MODEL_WINDOW = 2
# A span of the tagger with no person-name word in it (an organisation, a place no list knows) is
# kept when the model is at least this sure of it; one that extends rule spans (see
# _learned_extensions) at least EXTEND_MIN_CONFIDENCE. Chosen with a model trained on half the
# train-split gold (scripts/train_ner.py --tuning-fold), scored on the other half: 0.9 / 0.95 /
# never gave entity F1 0.765 / 0.766 / 0.762; extensions at 0.3 / 0.5 / 0.7 gave 0.768 / 0.766 /
# 0.767 and none at all 0.749.
MODEL_MIN_CONFIDENCE = 0.95
# A one-word span, even a person-name word, needs this much (same tuning: 0.5 / 0.7 / 0.9 gave
# 0.767 / 0.770 / 0.771; a threshold on every span, 0.5 or 0.7, gave no more).
MODEL_MIN_CONFIDENCE_SINGLE = 0.9
EXTEND_MIN_CONFIDENCE = 0.5
# A pattern span the tagger reads as no name with at least this marginal on every token is dropped
# (see _model_candidates). On the tuning fold a veto at 0.9 / 0.95 / 0.97 / 0.99 scored 0.785 /
# 0.784 / 0.783 / 0.783 against 0.779 without one; retuned when the extra ANT gold joined the
# training (a model on half the train split and the extra gold, scored on the other half): 0.813 /
# 0.812 / 0.811 / 0.808, and 0.95 is kept short of the edge of that range.
VETO_MIN_CONFIDENCE = 0.95
# A person's name is extended by no word the ANT corpus uses this often: the tagger reads ترامب رفقة
# زوجته ("Trump, with his wife") as one name because رفقة is also a first name.
FREQUENT_WORD_COUNT = 100
# An indefinite word the ANT corpus uses at least this often, and that is no name word, does not
# end a name the tagger grew (مرات كثيرة، آنذاك); chosen on the held-out half of the train split
# with a model trained on the other half and the extra gold: 20 and 100 both gave 0.808 there, and on
# the dev-mashriq articles 20 drops two such spans (الحزب مرات كثيرة، النيابة آنذاك).
OPEN_WORD_COUNT = 20


def _words(text: str, tokens: list[tuple[int, int]], lex: Lexicons) -> list[Word]:
    """The analysis of every token, from a per-process cache keyed by surface form."""
    cache = _word_cache
    surfaces = [text[s:e] for s, e in tokens]
    out: list[Word | None] = [*map(cache.get, surfaces)]  # the cache knows most tokens: looked up in C
    for k, w in enumerate(out):
        if w is None:
            surface = surfaces[k]
            out[k] = w = analyze(surface, lex)
            if len(cache) < _WORD_CACHE_MAX:
                cache[surface] = w
    return cast(list[Word], out)


def _model_candidates(doc: Document, tokens: list[tuple[int, int]], words: list[Word],
                      lex: Lexicons, rules: list[Candidate]) -> tuple[list[Candidate], set[Candidate]]:
    """Spans of the CRF, sentence by sentence, cleaned of punctuation and non-names at the edges,
    and the pattern spans of the rules that the CRF vetoes.

    Tagging is the costliest step of the stage, so the tagger reads only windows of
    ``MODEL_WINDOW`` tokens on each side of a token that no rule covered and that may be part of
    a name the lists do not know (see :func:`_may_start_window`), and around the spans of the
    patterns (heads, titles), clipped to the sentence. Elsewhere the name lists have already said
    what the tagger would. A span without a person-name word needs ``MODEL_MIN_CONFIDENCE``.

    A pattern span the tagger reads as no name at all, every token "O" with a marginal of at least
    ``VETO_MIN_CONFIDENCE``, is vetoed: a head with a descriptive complement (الوحدات الأمنية،
    شبكة الانترنت، التيار الكهربائي) is where the annotated articles taught the tagger that the
    patterns overreach.
    """
    tag = tagger()
    text = doc.text
    covered = bytearray(len(words))
    read = bytearray(len(words))
    for c in rules:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
        if c.source == "pattern":
            read[c.start:c.end] = b"\x01" * (c.end - c.start)
    hints = rule_tags(rules, len(words))
    starts = [s for s, _ in tokens]
    sentences = doc.sentences or sentence_spans(text)
    found: list[Candidate] = []
    outside = [0.0] * len(words)  # the marginal of "O" where the tagger read and said O
    for sent in sentences:
        a = bisect_left(starts, sent.start)
        b = bisect_left(starts, sent.end)
        if a >= b:
            continue
        windows: list[list[int]] = []
        for k in range(a, b):
            if read[k] or _may_start_window(words, covered, k, a):
                lo, hi = max(a, k - MODEL_WINDOW), min(b, k + MODEL_WINDOW + 1)
                if windows and lo <= windows[-1][1]:
                    windows[-1][1] = hi
                else:
                    windows.append([lo, hi])
        for lo, hi in windows:
            tagged = tag.tag([text[x:y] for x, y in tokens[lo:hi]], hints[lo:hi])
            for k, (t, marginal) in enumerate(tagged):
                if t == "O":
                    outside[lo + k] = marginal
            for s, e, etype, confidence in spans_of(tagged, tag.labels):
                if confidence < MODEL_MIN_CONFIDENCE and not any(
                        w.person and not w.ordinary for w in words[lo + s:lo + e]):
                    continue
                if e - s == 1 and confidence < MODEL_MIN_CONFIDENCE_SINGLE:
                    continue  # أركان، شعبة، دابر: a lone word the model half believes is a name
                cand = _clean_model_span(lo + s, lo + e, etype, words, lex)
                if cand is not None:
                    found.append(replace(cand, confidence=confidence))
    vetoed = {c for c in rules if c.source == "pattern" and words[c.start].bare not in MEDIA_HEADS
              and not (c.end == c.start + 1 and words[c.start].bare_org)  # دورية للجيش: the army itself
              and all(outside[k] >= VETO_MIN_CONFIDENCE for k in range(c.start, c.end))}
    return found, vetoed


def _unnamed(c: Candidate, words: list[Word], lex: Lexicons) -> bool:
    """Whether a pattern span is a description the annotated articles never take for a name
    (``lex.unnamed``, learned by scripts/build_complements.py: الوحدات الأمنية، التيار الكهربائي).
    Dropped after the tagger has read the rules' tags, as they were when it was trained."""
    return c.source == "pattern" and c.type != "PER" and name_key(words, c.start, c.end) in lex.unnamed


def _may_start_window(words: list[Word], covered: bytearray, k: int, first: int) -> bool:
    """Whether the tagger should read around token ``k`` (the first token of its sentence is ``first``).

    Around an uncovered person-name word that is no common word (a name no list knows); right
    after a rule span (where the rules may have stopped a name short); at an uncovered head noun.
    """
    if covered[k]:
        return False
    w = words[k]
    if not w.is_word or w.stop:
        return False
    return bool((w.person and not w.ordinary) or (k > first and covered[k - 1]) or w.head is not None)


def _clean_model_span(start: int, end: int, etype: str, words: list[Word],
                      lex: Lexicons) -> Candidate | None:
    """A tagger span trimmed of punctuation and function words; None when no name is left."""
    while start < end and (not words[start].is_word or words[start].stop or words[start].demonym
                           or words[start].title):
        start += 1  # الجامايكي يوسين بولت: the demonym or title is no part of the name
    while end > start and (not words[end - 1].is_word or words[end - 1].stop
                           or (etype != "PER" and not _closes_name(words[end - 1], lex))):
        end -= 1  # الحزب | مرات كثيرة، النيابة | آنذاك
    if etype != "PER":
        end = _construct_end(words, start, end, lex)
    if start >= end or idiom_head(words, start):
        return None  # عن طريق الحوار: the rules' reading of an idiom holds for the tagger too
    span = words[start:end]
    if all(w.demonym or w.title or w.blocked or (w.adjective and not w.person) for w in span):
        return None
    # a lone word of two letters is a fragment (اف of "اف ام"), not a name
    if end - start == 1 and (span[0].head is not None or len(span[0].bare) < 3
                             or span[0].key in lex.common_words):
        return None
    if etype == "PER" and not any(w.person or w.first for w in span):
        return None  # متوقع، بيان أصدرته: no name word at all
    if etype == "GPE":
        hit = phrase_at(words, start, lex)
        if hit is not None and hit[0] == end:
            etype = hit[1]
    return Candidate(start, end, etype, "crf", PRIO_MODEL, words[start].n)


def _construct_end(words: list[Word], start: int, end: int, lex: Lexicons) -> int:
    """Where a name of the tagger stops by grammar: a definite word governs no genitive, so a bare
    common noun after it starts another phrase (للتحالف | نهاية العام: "to the coalition | at the end
    of the year"). A person-name word may follow (المستشفى الجامعي فرحات حشاد), and so may a rare
    word (a name no list knows) or a quoted one."""
    for k in range(start + 1, end):
        w = words[k]
        if (words[k - 1].definite and w.is_word and not w.definite and not w.n and not w.person
                and not w.quote and lex.vocabulary.get(w.key, 0) >= FREQUENT_WORD_COUNT):
            return k
    return end


def _learned_extensions(learned: list[Candidate], rules: list[Candidate], words: list[Word],
                        lex: Lexicons) -> list[Candidate]:
    """The tagger's spans, those that extend rule spans promoted to the rules' priority.

    The rules know where a name starts (a head, a title, a listed name) better than where it
    ends: how far a complement, a coordinated portfolio or a served town belongs to it (الجامعة
    العامة للمالية والتخطيط، وزارة الصحة والسكان، المحكمة الابتدائية بتونس، نهج قابس) is a
    matter of usage, which the tagger learned from the annotated articles. A span of the tagger
    that covers whole rule spans only, at least one of them, and reaches past them, is sure at
    least ``EXTEND_MIN_CONFIDENCE``, replaces them (a person's name not by a frequent word). It
    starts where a rule span starts (the rules know where a name starts: شن | الولايات المتحدة) and
    ends on a word that can close a name (:func:`_closes_name`), and does not join a second body
    behind و (الدرك الوطني و الأمن الوطني), nor places named by a dual head (التحالف الدولي |
    بمحافظتي بابل والمثنى: a body's name serves one place).
    """
    owner = [-1] * len(words)
    for k, c in enumerate(rules):
        for t in range(c.start, c.end):
            owner[t] = k
    out = []
    for c in learned:
        inside = {owner[t] for t in range(c.start, c.end) if owner[t] >= 0}
        added = [words[t] for t in range(c.start, c.end) if owner[t] < 0]
        if (c.confidence >= EXTEND_MIN_CONFIDENCE and inside and added
                and all(rules[k].start >= c.start and rules[k].end <= c.end for k in inside)
                and owner[c.start] >= 0 and _closes_name(words[c.end - 1], lex)
                and not any(w.key == "و" or (w.n and w.key[0] == "و" and w.head is not None) or w.dual
                            for w in added)
                and not (c.type == "PER" and any(lex.vocabulary.get(w.key, 0) >= FREQUENT_WORD_COUNT
                                                 for w in added))):
            out.append(replace(c, priority=PRIO_RULE))
        else:
            out.append(c)
    return out


# Sources whose spans are grown over the words around a name, not matched whole from a list.
GROWN_SOURCES = frozenset({"pattern", "crf"})


def _trim_edges(c: Candidate, words: list[Word], lex: Lexicons) -> Candidate | None:
    """A pattern or tagger span without the words the training gold writes next to names and
    almost never in them (``lex.edge_after``: حيدرة | الواقعة، نعيم الرمضاني | كاتب;
    ``lex.edge_before``: أعوان | الحرس الوطني), or None when nothing is left. A first name is never
    trimmed (علي is also the preposition على, folded alike: زين العابدين بن علي)."""
    if c.source not in GROWN_SOURCES:
        return c
    start, end = c.start, c.end
    while end > start + 1 and words[end - 1].key in lex.edge_after and not words[end - 1].first:
        end -= 1
    while start < end - 1 and words[start].key in lex.edge_before and not words[start].first:
        start += 1
    if (start, end) == (c.start, c.end):
        return c
    if not any(w.is_word for w in words[start:end]):
        return None
    return replace(c, start=start, end=end, skip=words[start].n if start != c.start else c.skip)


def _closes_name(w: Word, lex: Lexicons) -> bool:
    """Whether a word can end a name the tagger grew: no frequent indefinite word (مرات كثيرة،
    آنذاك) closes one; a definite word, a name word or a rare word does."""
    return w.definite or w.person or w.phrase or not w.is_word or lex.vocabulary.get(w.key, 0) < OPEN_WORD_COUNT


def _whole_links(selected: list[Candidate], words: list[Word]) -> list[Candidate]:
    """People's names that end on a link word (عبد، أبو، بن) take the word it links to, or lose it.

    A name never ends on عبد or بن: علي أحمد شوقي عبد | الخالق is cut where the tagger's
    confidence fell, not where the name ends.
    """
    taken = bytearray(len(words) + 1)
    for c in selected:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    out = []
    for c in selected:
        last = words[c.end - 1]
        if c.type == "PER" and last.base in NAME_LINKS and last.n == 0:
            nxt = words[c.end] if c.end < len(words) else None
            if nxt is not None and nxt.is_word and not nxt.stop and not nxt.n and not taken[c.end]:
                c = replace(c, end=c.end + 1)
            elif c.end - c.start > 1:
                c = replace(c, end=c.end - 1)
        out.append(c)
    return out


def _branches(selected: list[Candidate], words: list[Word]) -> list[Candidate]:
    """A body or seat named by a head and its adjectives, followed by ل + the organisation it belongs
    to, is one name with it (المكتب التنفيذي للاتحاد، الكتلة النيابية لحركة نداء تونس، القيادة العامة
    للجيش الليبي، المقر المركزي لحركة نداء تونس), as the annotated articles write it."""
    by_start = {c.start: c for c in selected}
    out = []
    absorbed: set[int] = set()
    for c in sorted(selected, key=lambda c: c.start):
        if c.start in absorbed:
            continue
        head = words[c.start]
        nxt = by_start.get(c.end)
        if (c.type in ("ORG", "FAC") and head.definite and head.head in ("ORG", "FAC") and c.end - c.start >= 2
                and words[c.end - 1].adjective and nxt is not None and nxt.type == "ORG"
                and words[nxt.start].n == 1 and words[nxt.start].key[:1] == "ل"):
            out.append(replace(c, end=nxt.end))
            absorbed.add(nxt.start)
            continue
        out.append(c)
    return out


def _served_places(selected: list[Candidate], words: list[Word],
                   lex: Lexicons) -> tuple[list[Candidate], list[Candidate]]:
    """A body or facility named by its head and followed at once by ب + the place it serves is one
    name with it (الأمن الوطني بقفصة، المستشفى الجهوي بالقصرين، المحكمة الابتدائية بسوسة), as the
    annotated articles write a local branch, when its head is one whose names the training gold
    closes with the town (``lex.served_heads``, learned by scripts/build_name_edges.py: not الجامعة
    التونسية | بصفاقس); the place stays a mention of its own, nested in the name
    (:mod:`marsad.entities.nested`). Not a body the name lists know (مجلس نواب الشعب بباردو، الحرس
    الوطني بالمهدية: a national body, and the place is where it acts), nor before a place named
    with its own head (قوات الجيش بقرية تين الكوم). Returns the names and the places they took in."""
    by_start = {c.start: c for c in selected}
    out = []
    served = []
    absorbed: set[int] = set()
    for c in sorted(selected, key=lambda c: c.start):
        if c.start in absorbed:
            continue
        place = by_start.get(c.end)
        if (c.type in ("ORG", "FAC") and words[c.start].head in ("ORG", "FAC")
                and words[c.start].bare in lex.served_heads and c.source not in NATIONAL_SOURCES
                and place is not None and place.type == "GPE" and place.skip == 1
                and words[place.start].key[:1] == "ب" and words[place.start].head is None):
            out.append(replace(c, end=place.end))
            served.append(place)
            absorbed.add(place.start)
            continue
        out.append(c)
    return out, served


# Adjectives a facility's head may take before the person it is named after (المستشفى الجامعي
# الطاهر صفر، المدرسة الإعدادية النموذجية ...).
NAMED_AFTER_ADJECTIVES = 2


def _named_after(selected: list[Candidate], words: list[Word]) -> list[Candidate]:
    """A person's name right after a facility's head (and its adjectives) names the facility, and
    the annotated articles write the facility as one name (المستشفى الجامعي الطاهر صفر، المدرسة
    الإعدادية محمد محسن البواب، سجن أبو غريب): the person's span becomes the facility's. A
    definite head needs an adjective between it and the name (المستشفى | الطاهر صفر is no phrase)."""
    taken = bytearray(len(words))
    for c in selected:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    out = []
    for c in selected:
        if c.type == "PER" and c.start > 0:
            k = c.start - 1
            while (k > 0 and c.start - k <= NAMED_AFTER_ADJECTIVES and words[k].adjective and words[k].head is None
                   and words[k].definite and not words[k].n and not taken[k]):
                k -= 1
            head = words[k]
            adjectives = c.start - 1 - k
            if (head.head == "FAC" and head.is_word and not taken[k] and head.definite == (adjectives > 0)
                    and not idiom_head(words, k)):
                c = Candidate(k, c.end, "FAC", "pattern", PRIO_RULE, head.n)
        out.append(c)
    return out


# the words that open a nasab inside a person's name (X بن Y): a name never starts with them
NASAB = frozenset({"بن", "ابن"})
# words that open a compound given name before the first name (عبد الرحمن، أبو بكر)
NAME_OPENERS = frozenset({"عبد", "ابو"})


def _nasab_opened(selected: list[Candidate], words: list[Word], lex: Lexicons) -> list[Candidate]:
    """A person's span that opens with بن / ابن takes in the given name written right before it
    (المهدي | بن غربية، قابوس | بن سعيد، خليفة | بن محمد الربان): the out-of-fold errors show the
    tagger and the lists often stop at the nasab, while the gold writes the name whole. The word
    before must be a person-name word, free, and no title, head or function word, nor a word the
    training gold leaves before names (name-edges.tsv: حكم، حاكم) or an ordinary word the corpus uses
    often (نظام بن علي, the regime of Ben Ali); a compound given name's opener (عبد، أبو) comes
    along. بن with a proclitic (وبن علي) starts a new name."""
    taken = bytearray(len(words))
    for c in selected:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    out = []
    for c in selected:
        k = c.start - 1
        if c.type == "PER" and k >= 0 and words[c.start].base in NASAB and not words[c.start].n:
            given = words[k]
            if (not taken[k] and given.is_word and (given.person or given.first) and not given.title
                    and not given.stop and not given.demonym and given.head is None and not given.bare_org
                    and given.base not in lex.edge_before
                    and not (given.ordinary and not given.first
                             and lex.vocabulary.get(given.key, 0) >= FREQUENT_WORD_COUNT)):
                start = k
                if (k > 0 and not taken[k - 1] and words[k - 1].base in NAME_OPENERS and not given.n):
                    start = k - 1
                c = replace(c, start=start, skip=words[start].n)
        out.append(c)
    return out


def _local_facilities(words: list[Word], lex: Lexicons, taken: bytearray) -> list[Candidate]:
    """A definite facility head with plain adjectives, followed by ب + a town, of a head whose names
    the training gold closes with the town it serves (المستشفى الجهوي | بالقصرين): the town makes a
    description a name. The span stops before the town; :func:`_served_places` takes it in."""
    out = []
    n = len(words)
    for i, w in enumerate(words):
        if taken[i] or w.head != "FAC" or not w.definite or w.bare not in lex.served_heads:
            continue
        end = i + 1
        while (end < n and end - i <= 3 and not taken[end] and words[end].adjective
               and not words[end].stop and not words[end].n):
            end += 1
        if end > i + 1 and town_served(words, end, lex) > end:
            out.append(Candidate(i, end, "FAC", "pattern", PRIO_RULE, w.n))
    return out


def _coordinated(selected: list[Candidate], words: list[Word]) -> list[Candidate]:
    """Quoted names coordinated with an earlier quoted name take its type (و"فكتوريا")."""
    taken = bytearray(len(words))
    for c in selected:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    quoted = [c for c in selected if any(w.quote for w in words[max(0, c.start - 1):c.end + 1])]
    out = []
    for i in range(1, len(words) - 2):
        if not (words[i].quote and words[i - 1].key == "و") or taken[i + 1]:
            continue
        close = i + 1
        while close < len(words) and close - i <= 4 and words[close].is_word and not taken[close]:
            close += 1
        if close == i + 1 or close >= len(words) or not words[close].quote:
            continue
        prior = [c for c in quoted if 0 < i - c.end <= COORDINATION_WINDOW and c.type in ("FAC", "ORG")]
        if prior:
            out.append(Candidate(i + 1, close, prior[-1].type, "pattern", PRIO_RULE))
    return out


def _propagate(selected: list[Candidate], words: list[Word], lex: Lexicons) -> list[Candidate]:
    """Later (or earlier) bare occurrences of names already found (الكاظمي، بيسونيت).

    A place that is also an ordinary word repeats only in a place's context: حديثة found in في
    حديثة غربي الأنبار does not make دراسة حديثة a place.
    """
    found: dict[tuple[str, ...], str] = {}
    for c in selected:
        seq = tuple(words[k].base if k == c.start else words[k].key for k in range(c.start, c.end))
        if any(not w for w in seq):
            continue
        found.setdefault(seq, c.type)
        if c.type == "PER" and len(seq) >= 2:
            last = words[c.end - 1]
            if last.is_word and last.base not in NAME_LINKS and len(last.bare) >= 3 and not last.stop:
                found.setdefault((last.key,), "PER")
    if not found:
        return []
    forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, etype in sorted(found.items(), key=lambda f: -len(f[0])):  # longest first
        forms.setdefault(seq[0], []).append((seq, etype))
    out = []
    for i, w in enumerate(words):
        if (w.key not in forms and w.base not in forms) or (w.ordinary and w.final_ha):
            continue  # حديثه (his talk) does not repeat the town حديثة
        for form, skip in ((w.key, 0), (w.base, w.n)):
            for seq, etype in forms.get(form, ()):
                end = i + len(seq)
                if end == i + 1 and w.base in lex.ambiguous_places and not place_in_context(words, i, lex):
                    continue
                if end <= len(words) and all(words[i + k].key == seq[k] for k in range(1, len(seq))):
                    out.append(Candidate(i, end, etype, "propagated", PRIO_PROPAGATED, skip))
                    break
            else:
                continue
            break
    return out


def _anaphors(selected: list[Candidate], words: list[Word]) -> list[Candidate]:
    """Bare definite heads that take up an organisation named before (الهيئة after الهيئة الوطنية
    لمكافحة الفساد, التنظيم after تنظيم داعش): the gold schema counts them as its aliases, and
    the actors stage joins them to it."""
    first_seen: dict[str, int] = {}
    for c in selected:
        head = words[c.start]
        if (c.type == "ORG" and head.head == "ORG" and c.end > c.start + 1 and head.bare not in PLURAL_HEADS
                and head.bare not in GENERIC_ANAPHORS):
            form = "ال" + head.bare
            first_seen[form] = min(first_seen.get(form, c.start), c.start)
    if not first_seen:
        return []
    out = []
    n = len(words)
    for i, w in enumerate(words):
        since = first_seen.get(w.base)
        if since is None or i <= since:
            continue
        if i + 1 < n and (words[i + 1].adjective or words[i + 1].quote):
            continue  # التنظيم الإرهابي، الهيئة "..." is a phrase of its own
        out.append(Candidate(i, i + 1, "ORG", "propagated", PRIO_PROPAGATED, w.n))
    return out


# Sources of a body known by name to the lists: a national body, which takes no served place.
NATIONAL_SOURCES = frozenset({"actors", "lexicon"})

QUOTE_MARKS = frozenset('"«»“”„')


def _within_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span where it crosses a quotation: a name may hold a quoted part, never half of one.

    قاعدة "حرير" keeps its quoted name; in لـ"مرصد" إن "خلايا ... the span «مرصد" إن "» closes a
    quotation it did not open and is cut before that mark. A mark counts as opening when no letter
    stands before it.

    >>> t = 'قاعدة "حرير" و"مرصد" إن "خلايا'
    >>> t[slice(*_within_quotes(t, 0, 12))]
    'قاعدة "حرير"'
    >>> t[slice(*_within_quotes(t, 15, 25))]
    'مرصد'
    """
    opened: int | None = None
    for k in range(start, end):
        if text[k] not in QUOTE_MARKS:
            continue
        opening = k == 0 or not text[k - 1].isalpha()
        if opening and opened is None:
            opened = k
        elif opened is not None:
            opened = None
        else:
            end = k  # closes a quotation opened before the span
            break
    if opened is not None:
        end = opened  # opens a quotation that the span does not close
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_entities(doc: Document, config: EntitiesConfig | None = None) -> Document:
    """Fill ``doc.entities`` with mentions (sorted by start, ids m1, m2 ...).

    Mentions do not overlap, except places nested in an organisation or facility name, which
    follow their outer mention.

    Args:
        doc: a document after the ``normalize`` and ``segment`` stages (tokens and sentences are
            computed here when they are missing).
        config: the ``[entities]`` section; ``use_model=False`` leaves lexicons and patterns alone.

    Returns:
        The same document, with ``doc.entities`` replaced.
    """
    cfg = config or EntitiesConfig()
    text = doc.text
    tokens = doc.tokens or token_spans(text)
    lex = load_lexicons()
    words = _words(text, tokens, lex)
    candidates = rule_candidates(words, lex)
    if cfg.use_model:
        learned, vetoed = _model_candidates(doc, tokens, words, lex, candidates)
        candidates = [c for c in candidates if c not in vetoed and not _unnamed(c, words, lex)]
        candidates.extend(_learned_extensions(learned, candidates, words, lex))
    else:
        candidates = [c for c in candidates if not _unnamed(c, words, lex)]
    candidates = [t for t in (_trim_edges(c, words, lex) for c in candidates) if t is not None]
    selected = _whole_links(select(candidates, len(words)), words)
    selected = select([*selected, *_coordinated(selected, words)], len(words))
    # a listed outlet in a reporting context (ذكرت الشروق) wins over the tagger's guess of its word
    listed = bytearray(len(words))
    for c in selected:
        if c.source != "crf":
            listed[c.start:c.end] = b"\x01" * (c.end - c.start)
    outlets = list(find_outlets(words, lex, listed))
    selected = [c for c in selected if not any(o.start < c.end and c.start < o.end for o in outlets)]
    selected.extend(outlets)
    taken = bytearray(len(words))
    for c in selected:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    selected.extend(_local_facilities(words, lex, taken))
    selected, served = _served_places(_branches(_named_after(selected, words), words), words, lex)
    selected = _nasab_opened(selected, words, lex)
    selected = select([*selected, *_propagate(selected, words, lex), *_anaphors(selected, words)], len(words))
    nested = list(nested_places(selected, words, lex, tuple(served)))
    mentions = []
    # an outer name before the places nested in it (same start only when both open together)
    for c in sorted([*selected, *nested], key=lambda c: (c.start, -c.end)):
        s0, e0 = tokens[c.start]
        start = s0 + source_skip(text[s0:e0], c.skip)
        end = tokens[c.end - 1][1]
        start, end = _within_quotes(text, start, end)
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        mentions.append(Mention(id="", type=c.type, text=text[start:end], start=start, end=end,
                                source=c.source))
    for k, m in enumerate(mentions, 1):
        m.id = f"m{k}"
    doc.entities = mentions
    return doc
