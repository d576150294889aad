"""The victim reader: the noun phrases that killing cues govern in a span of folded text, counted."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from marsad.events.fatalities.words import (
    ACTIVE,
    ADVERBS,
    AGE_WORDS,
    ATTEMPT,
    BREAKS,
    CITED,
    DEATH_MASDARS,
    FILLERS,
    HEDGE_RE,
    MEET,
    NOT_DUAL,
    NOT_KILLED,
    NOT_VICTIM,
    POST,
    QUOTES,
    RELATIVES,
    SINGULAR_PASSIVE,
    SINGULAR_VERBS,
    STRONG,
    SUFFIX_COUNT,
    TIME,
    TOOK_LIFE,
    VICTIMS_OF,
    WOUNDED,
    cue_form,
    means,
    number_at,
    person_noun,
    persons,
    quantities,
    strip_article,
    suffix_count,
    tokens,
)


class Reader:
    """The victim noun phrases of one span of folded text."""

    def __init__(self, text: str, start: int, stop: int, names: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.toks = tokens(text, start, stop)
        spans = sorted((s, e) for s, e in names if s < stop and e > start)
        self.name_starts = [s for s, _ in spans]
        self.names = spans

    def name_at(self, pos: int) -> int | None:
        """End of a person's name that starts at ``pos`` (or one character later, after a proclitic)."""
        i = bisect_right(self.name_starts, pos + 1) - 1
        if i >= 0 and pos <= self.names[i][1] and self.names[i][0] >= pos - 1:
            return self.names[i][1]
        return None

    def index_after(self, pos: int, j: int) -> int:
        while j < len(self.toks) and self.toks[j][1] < pos:
            j += 1
        return j

    def skip(self, j: int) -> int:
        """Skip hedges (ما لا يقل عن), fillers (قتل فيها) and time words (قتل امس) before a victim."""
        for _ in range(6):
            if j >= len(self.toks):
                return j
            word, s, _e = self.toks[j]
            hedge = HEDGE_RE.match(self.text, s)
            if hedge:
                j = self.index_after(hedge.end(), j)
            elif word in FILLERS or word in TIME:
                j += 1
            elif word == "بعد" and j + 1 < len(self.toks) and self.toks[j + 1][0] in TIME:
                j += 2  # قتل بعد ظهر اليوم 3 جنود
            elif word == "،" and j + 1 < len(self.toks) and self.toks[j + 1][0][:1].isdigit():
                j += 1  # اعلن عن مقتل، 39 شخصا: a stray comma before the count
            else:
                return j
        return j

    def dual_agreement(self, j: int) -> bool:
        """A dual after an ambiguous ـين noun: اثنين، اللذين، a verb in ـا (ارهابيين اتخذا منزلا)."""
        for word, _s, _e in self.toks[j:j + 2]:
            if word in ("اثنين", "اثنان", "اللذين", "اللذان") or word.endswith("هما"):
                return True
            if word.endswith("ا") and 4 <= len(word) <= 6 and not word.startswith("ال") and word not in ADVERBS \
                    and not word.endswith(("يا", "تا", "ءا")):
                return True
            if not word.endswith("ين"):
                return False
        return False

    def phrase(self, j: int, strong: bool, counted: bool = False) -> tuple[int | None, int]:
        """Count the victims of the noun phrase at token ``j``; return (count, index after it).

        ``counted`` keeps only stated numbers and duals (no lone named or singular victim).
        """
        j = self.skip(j)
        if j >= len(self.toks):
            return None, j
        word, s, _e = self.toks[j]
        if counted and (word in QUOTES or self.name_at(s) is not None):
            return None, j
        if word in QUOTES:
            close = next((k for k in range(j + 1, min(j + 8, len(self.toks))) if self.toks[k][0] in QUOTES), None)
            return (1, close + 1) if close is not None else (None, j)
        end = self.name_at(s)
        if end is not None:
            return 1, self.index_after(end, j)
        if not word[:1].isalnum():
            return None, j
        if word == "مع" and j + 1 < len(self.toks):
            # قتل مع اربعه من معاونيه: he and four others
            with_others = number_at(self.text, self.toks[j + 1][1])
            return (None, j) if with_others is None else (with_others[0] + 1, self.index_after(with_others[1], j))
        got = number_at(self.text, s) if word not in NOT_VICTIM else None
        if got is not None:
            k = self.index_after(got[1], j)
            if k < len(self.toks) and self.toks[k][0] == "من":
                k += 1
            return got[0], min(k + 1, len(self.toks))
        person = person_noun(word)
        if person is None and (word[:1] == "و" or means(word)):
            return None, j  # واصابه، برصاص: no victim named here
        after = self.toks[j + 1][0] if j + 1 < len(self.toks) else ""
        nxt = number_at(self.text, self.toks[j + 1][1]) if after[:1].isalpha() and after not in NOT_VICTIM else None
        kind = quantities()[0].get(strip_article(after.lstrip("وف")), (0, ""))[1]
        if nxt is not None and nxt[0] >= 2 and kind in ("unit", "tens"):
            return nxt[0], self.index_after(nxt[1], j)  # مدرسين اثنين، جنود ثلاثة
        if person is not None:
            kind, value = person
            if (kind == "maybe" and not self.dual_agreement(j + 1)) or (counted and value == 1):
                return None, j + 1
            return value, j + 1
        if not strong or counted or word in NOT_VICTIM or any(word.startswith(p) for p in NOT_KILLED):
            return None, j
        if word.endswith("ان") and word not in NOT_DUAL and strip_article(word) not in NOT_DUAL:
            return 2, j + 1  # قتل قائدان: a nominative dual
        if word.endswith(("ين", "ون", "ات")):
            return None, j + 1  # a plural without a number: unknown count
        return 1, j + 1

    def coordinated(self, k: int) -> int:
        """Victims joined to a phrase ending at token ``k`` (ضابط ومجند، 3 من افراد الشرطه ومدني)."""
        extra = 0
        steps = 0
        # 6 tokens: the adjectives and partitive of a victim (من افراد الشرطه المصريه) before its
        # coordinated partner
        while k < len(self.toks) and steps < 6:
            steps += 1
            word, s, _e = self.toks[k]
            if word == "مع" and k + 1 < len(self.toks):
                others = number_at(self.text, self.toks[k + 1][1])
                if others is None:
                    return extra
                return extra + others[0]  # قتل القيادي مع ثلاثه من مرافقيه
            if word == "و" and k + 1 < len(self.toks):
                got = number_at(self.text, self.toks[k + 1][1])
                then = self.index_after(got[1], k + 1) if got is not None else k
                if got is None or (then < len(self.toks) and self.toks[then][0].startswith(WOUNDED)):
                    return extra
                extra += got[0]
                k = self.index_after(got[1], k + 1) + 1
                continue
            if word.startswith("و") and len(word) > 2 and person_noun(word) is None:
                rest = word[1:]
                if self.name_at(s + 1) is not None:
                    extra += 1
                    k = self.index_after(self.name_at(s + 1) or s, k)
                    continue
                person = person_noun(rest)
                got = number_at(self.text, s + 1) if person is None else None
                if person is not None and person[0] != "maybe":
                    extra += person[1]
                elif got is not None and got[1] == self.toks[k][2] and not (
                        k + 1 < len(self.toks) and self.toks[k + 1][0].startswith(WOUNDED)):
                    extra += got[0]
                else:
                    return extra
                k += 1
                continue
            if word == "من" or word.startswith("ال") or person_noun(word) is not None:
                k += 1
                continue
            return extra
        return extra

    def meet_suffix(self, j: int) -> tuple[int | None, int] | None:
        """For لقي: the pronoun on مصرع/حتف within the clause (None when the idiom is absent)."""
        # 14 tokens: the longest subject seen between لقي and مصرعهم in ANT (a partitive, a coordinated
        # victim, a time phrase and a hedge) is 12
        for k in range(j, min(j + 14, len(self.toks))):
            word = self.toks[k][0]
            if word in BREAKS:
                return None
            bare = word[1:] if word[:1] == "و" else word
            for stem in ("مصرع", "حتف"):
                if bare.startswith(stem):
                    pron = bare[len(stem):]
                    return SUFFIX_COUNT.get(pron), k
        return None

    def before(self, i: int) -> int | None:
        """A count just before a verb: 7 اشخاص قتلوا، جثث 11 شخصا قتلوا، صيادا ايرانيا قتل = 1."""
        if i + 1 < len(self.toks) and self.toks[i + 1][0] == "او":
            return None  # الذين قتلوا او جرحوا: the killed and the wounded together
        singular = self.toks[i][0].lstrip("و") in SINGULAR_VERBS
        reach = 4
        for k in range(i - 1, max(-1, i - 6), -1):
            if k <= i - reach:
                break
            word, s, _e = self.toks[k]
            if word == "الاقل" and k > 0 and self.toks[k - 1][0] == "علي":
                reach += 2  # 25 شخصا علي الاقل قتلوا: the hedge stands between count and verb
                continue
            if word in BREAKS or word in QUOTES or word == "،" or word in RELATIVES:
                return None
            person = person_noun(word)
            if singular and person is not None and person[0] == "one" and k >= i - 2:
                return 1
            if singular:
                continue  # a singular verb has no counted subject (في 11 نوفمبر 2004 استشهد ...)
            got = number_at(self.text, s)
            if got is None or word in NOT_VICTIM or (not word[:1].isdigit() and strip_article(word) in persons()):
                continue
            nxt = self.index_after(got[1], k)
            if nxt < len(self.toks) and self.toks[nxt][0] in AGE_WORDS:
                return None  # رجل عمره 73 عاما توفي: an age, not a count
            return got[0]
        return None

    def counts(self) -> list[int]:
        """The figures of killed the span states, coordinated victims summed."""
        figures: list[int] = []
        last_at = -100
        for i, (word, _s, _e) in enumerate(self.toks):
            own = suffix_count(word)
            cue, joined = cue_form(word)
            if word in VICTIMS_OF and i > 0 and self.toks[i - 1][0].lstrip("و") in ("راح", "راحت", "ذهب", "ذهبت"):
                cue = "راح"
            bare = word.lstrip("وف")
            if bare.startswith(("بحيات", "بحياه")):
                # اودى الانفجار بحياه 6 اشخاص، اودت بحياته; تخاطر بحياتها is no death
                if not any(t[0].lstrip("و") in TOOK_LIFE for t in self.toks[max(0, i - 3):i]):
                    continue
                own = SUFFIX_COUNT.get(bare[5:]) if bare.startswith("بحيات") else None
            if own is None and not cue:
                continue
            if i > 0 and self.toks[i - 1][0].lstrip("و") in ATTEMPT:
                continue  # الشروع بقتل 5 اخرين، محاوله اغتيال: nobody died of it
            if bare.startswith(("بالاعدام", "بالقتل")):
                continue  # حكم بالاعدام، هدد بالقتل: a sentence or a threat, not a death
            count: int | None = own
            if count is None and cue == "راح":
                count = self.phrase(i + 1, strong=False)[0]
            elif count is None and cue in MEET:
                found = self.meet_suffix(i + 1)
                if found is None:
                    continue
                count, at = found
                if count is None and at > i + 1:
                    value, k = self.phrase(i + 1, strong=True)
                    count = None if value is None else value + self.coordinated(k)
            elif count is None and cue == "القضاء":
                nxt = self.toks[i + 1][0] if i + 1 < len(self.toks) else ""
                if nxt.startswith("علي"):
                    count = SUFFIX_COUNT.get(nxt[3:]) if len(nxt) > 3 else None
                    if len(nxt) == 3:
                        value, k = self.phrase(i + 2, strong=False)
                        count = None if value is None else value + self.coordinated(k)
            elif count is None:
                value, k = None, i + 1
                if cue in ACTIVE and self._subject_first(i + 1):
                    value, k = self._object(i + 2, strong=cue in STRONG)
                if value is None:
                    value, k = self.phrase(i + 1, strong=cue in STRONG, counted=cue in DEATH_MASDARS)
                count = None if value is None else value + self.coordinated(k)
            if count is not None and cue in ("استشهد", "استشهدت") and any(
                    t[0] in CITED for t in self.toks[i + 1:i + 5]):
                continue  # استشهد الوزير بآية: he cited a verse
            if count is None and i > 0 and self.toks[i - 1][0] in ("الذي", "التي") and word in SINGULAR_PASSIVE \
                    and i + 1 < len(self.toks) and self.toks[i + 1][0][:1] == "ب":
                count = 1  # القائد الذي قتل بغارة جويه: the antecedent is the one victim, the means told
            if count is None and (cue in POST or cue in MEET or cue in SINGULAR_VERBS):
                count = self.before(i)
            if count is None:
                continue
            # 15 tokens: a killed victim, an injury clause and a second killing cue (مقتل شرطي واصابه
            # اثنين اخرين بجروح خطيره ومصرع المهاجم) fit in 12 on the h4 articles
            if joined and figures and i - last_at <= 15 and not any(
                    t[0] in BREAKS for t in self.toks[last_at:i]):
                figures[-1] += count  # مقتل شرطي واصابه اثنين ومصرع المهاجم: two killed
            else:
                figures.append(count)
            last_at = i
        return figures

    def _subject_first(self, j: int) -> bool:
        """Whether the word after an active verb may be its subject rather than the victim."""
        if j >= len(self.toks):
            return False
        word, s, _e = self.toks[j]
        # مع opens "قتل مع اربعه من معاونيه" (he and four others), which the victim phrase reads
        return (word not in NOT_VICTIM and word not in TIME and word != "مع" and word[:1].isalpha() and word[:1] != "و"
                and not word.startswith(NOT_KILLED)
                and number_at(self.text, s) is None and person_noun(word) is None and self.name_at(s) is None
                and not cue_form(word)[0])

    def _object(self, j: int, strong: bool = False) -> tuple[int | None, int]:
        """The counted object after the subject of an active verb (قتل مسلحون ثلاثة جنود).

        With a strong cue (قتل، اغتال) a lone person after the subject is one victim too: "اغتال
        مسلحون مجهولون اليوم الصحفي مفتاح بوزيد" (the subject's adjectives and a time phrase skipped).
        """
        k = j
        steps = 0
        while k < len(self.toks) and steps < 3:
            steps += 1
            k = self.skip(k)
            if k >= len(self.toks):
                break
            word, s, _e = self.toks[k]
            if word in NOT_VICTIM or word in BREAKS or word == "،":
                return None, k
            got = number_at(self.text, s)
            if got is not None and strip_article(word) not in persons():
                after = self.index_after(got[1], k)
                if after < len(self.toks) and self.toks[after][0] == "من":
                    after += 1  # قتلت قوات الامن ثلاثه من المهاجمين: a partitive
                if after < len(self.toks) and self.toks[after][0] not in NOT_VICTIM \
                        and self.toks[after][0] not in BREAKS and self.toks[after][0] != "،":
                    return got[0], after + 1
            if strong:
                person = person_noun(word)
                if self.name_at(s) is not None or (person is not None and person[0] == "one"):
                    return 1, k + 1
            k += 1
        return None, j
