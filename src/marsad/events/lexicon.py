"""The event lexicons (``data/events/*.tsv``) read once and compiled into folded-text matchers.

Every lexicon lists surface forms as a reader writes them (``عبوة ناسفة``, ``أطلقوا النار``); they
are folded with :func:`marsad.text.normalize.fold_key` and compiled into one alternation per file,
with the proclitics and suffixes that Arabic attaches to the part of speech of the entry, so that
``وقصفت``، ``بالغارات``، ``لتفجيرها`` and ``يتظاهرون`` need no entry of their own. Matching runs on
the folded article text; hits carry folded offsets that the caller maps back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.text.normalize import fold_key

# A letter (not a digit or underscore): the edges of a word in Arabic and Latin script.
LETTER = r"[^\W\d_]"
# Proclitics: و/ف (and, so), then ب/ل/ك (in, for, as) and the article ال, or لل (ل + ال).
NOUN_PREFIX = r"(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)"
# Past verbs take only و/ف in front; the imperfect also takes the future سـ or the purpose لـ,
# which the modality filter reads from the captured prefix.
VERB_PREFIX = r"(?:[وف]?)"
IMPERFECT_PREFIX = r"(?:[وف]?[سل]?)"
# Subject suffixes of the past (ت she/you, ا they two, وا they, تا they two f., ن/نا/تم/تن) and
# object pronouns (ه ها هم هما هن نا ني).
PAST_SUFFIX = r"(?:تا|تم|تن|نا|وا|ت|ا|ن)?(?:هما|هم|هن|ها|نا|ني|ه)?"
IMPERFECT_SUFFIX = r"(?:ون|ان|ين|وا|ن)?(?:هما|هم|هن|ها|نا|ه)?"
NOUN_SUFFIX = r"(?:هما|هم|ها|ه|ي)?"
# Imperfect person prefixes that replace the ي of the listed 3rd person form.
PERSON_PREFIX = "[يتن]"


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon form: its part of speech and the row's other columns."""

    form: str  # folded
    pos: str  # V, I or N
    fields: tuple[str, ...]  # the columns after the part of speech


@dataclass(frozen=True, slots=True)
class Matcher:
    """A compiled lexicon: one regex over folded text and the entries its groups name."""

    regex: re.Pattern[str]
    entries: dict[tuple[str, str], Entry]
    # later rows that list a form again (a modality word with two scopes: برنامج after هاجم is a
    # criticised programme, after أوقف a halted one); the first row stays in ``entries``
    more: dict[tuple[str, str], tuple[Entry, ...]] = field(default_factory=dict)

    def entry(self, m: re.Match[str]) -> tuple[Entry, str]:
        """The entry a match found and the prefix attached to it."""
        groups = m.groupdict()
        for pos, group, prefix in (("N", "n", "np"), ("N", "n2", "np"), ("V", "v", "vp"), ("I", "i", "ip")):
            form = groups.get(group)
            if form is not None:
                key = _squash(form)
                if (pos, key) not in self.entries:
                    # the regex lets a later word take ال (يوم غد matches يوم الغد), also a word
                    # too short for _squash to strip it from
                    key = " ".join([key.split()[0], *(w.removeprefix("ال") for w in key.split()[1:])])
                return self.entries[(pos, key)], groups.get(prefix) or ""
        raise ValueError(f"match {m.group(0)!r} names no entry")  # unreachable by construction


def _squash(form: str) -> str:
    """The lookup key of a form: words joined by one space, the article ال taken off each word.

    The article is matched by the prefix pattern (first word) or an optional ال (later words), so
    ``الطائرات المسيرة`` and ``طائرات مسيرة`` are one entry. A word whose rest would be shorter
    than three letters keeps its ال (ألف folds to الف, which is not ال + ف).
    """
    words = form.split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) >= 5 else w for w in words)


def form_key(raw: str) -> str:
    """The key under which a lexicon form as written (``الطائرات المسيرة``) is stored in a matcher."""
    return _squash(fold_key(raw.strip()))


def _trie_regex(forms: list[str]) -> str:
    """A regex that matches exactly ``forms``, factored as a trie.

    Python's ``re`` tries the branches of an alternation one by one at every position; a trie
    shares the common prefixes, which made the cue pass about ten times faster on the seed article
    than a flat alternation of the same forms. Longer continuations come first, so a multi-word
    form wins over the single word it starts with.
    """
    trie: _Trie = {}
    for form in sorted(set(forms)):  # sorted: the same pattern under every hash seed
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


_Trie = dict[str, "_Trie"]


def _node_regex(node: _Trie) -> str:
    ends = "" in node
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: c == " "):
        child = node[ch]
        head = r"\s+(?:ال)?" if ch == " " else re.escape(ch)
        rest = _node_regex(child)
        branches.append(head + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def _noun_forms(form: str) -> list[str]:
    # A final ة (folded ه) becomes ت before a pronoun: غارة -> غارته، عبوة -> عبوتها.
    out = [form]
    if form.endswith("ه") and " " not in form:
        out.append(form[:-1] + "ت")
    return out


def compile_rows(rows: tuple[tuple[str, ...], ...], *, pos_column: int | None,
                 suffixes: bool = True) -> Matcher:
    """Compile lexicon rows whose first column holds ``|``-separated forms.

    Args:
        rows: rows as read by :func:`marsad.resources.read_tsv`.
        pos_column: index of the part-of-speech column (V, I or N), or None when every row is N.
        suffixes: add pronoun suffixes to nouns. Off for function-word lexicons, where a folded ة
            makes the suffix ه ambiguous (شرط + ه reads as الشرطة, حال + ه as الحالة).

    Returns:
        A matcher whose regex has the groups ``n``/``v``/``i`` (the bare form) and
        ``np``/``vp``/``ip`` (its prefix).
    """
    entries: dict[tuple[str, str], Entry] = {}
    more: dict[tuple[str, str], tuple[Entry, ...]] = {}
    by_pos: dict[str, list[str]] = {"N": [], "V": [], "I": []}
    noun_t_forms: list[str] = []
    for row in rows:
        pos = row[pos_column] if pos_column is not None else "N"
        rest = tuple(c for i, c in enumerate(row[1:], 1) if i != pos_column)
        for raw in row[0].split("|"):
            form = _squash(fold_key(raw.strip()))
            if not form:
                continue
            if pos == "I":
                form = form[1:] if form[0] in "يتن" else form
            entry = Entry(form, pos, rest)
            if (pos, form) in entries and entries[(pos, form)].fields != entry.fields:
                more[(pos, form)] = (*more.get((pos, form), ()), entry)
            entries.setdefault((pos, form), entry)
            by_pos[pos].append(form)
            if pos == "N":
                for variant in _noun_forms(form)[1:]:
                    noun_t_forms.append(variant)
                    entries.setdefault(("N", variant), entry)
    parts = []
    if by_pos["N"]:
        noun = rf"(?P<n>{_trie_regex(by_pos['N'])}){NOUN_SUFFIX if suffixes else ''}"
        if noun_t_forms and suffixes:
            # the ت forms exist only with a pronoun after them
            noun += rf"|(?P<n2>{_trie_regex(noun_t_forms)})(?:هما|هم|ها|ه)"
        parts.append(rf"(?P<np>{NOUN_PREFIX})(?:{noun})")
    if by_pos["V"]:
        parts.append(rf"(?P<vp>{VERB_PREFIX})(?P<v>{_trie_regex(by_pos['V'])}){PAST_SUFFIX}")
    if by_pos["I"]:
        parts.append(rf"(?P<ip>{IMPERFECT_PREFIX}){PERSON_PREFIX}(?P<i>{_trie_regex(by_pos['I'])})"
                     rf"{IMPERFECT_SUFFIX}")
    body = "|".join(f"(?:{p})" for p in parts) or r"(?!)"
    return Matcher(re.compile(rf"(?<!{LETTER})(?:{body})(?!{LETTER})"), entries, more)
