#!/usr/bin/env python3
"""Hostile input, generated: ingest (HTML, RSS/Atom, JSONL, bytes in any encoding), folding, dates,
``published`` and the whole pipeline must never crash, and every offset must stay valid.

  python benchmarks/fuzz.py [--inputs N] [--seed S] [--workers W] [--save DIR]
  python benchmarks/fuzz.py --atheris [-- LIBFUZZER_ARGS ...]      # needs marsad[fuzz]

Each input is one of the kinds in :data:`KINDS`, made from real article text (ANT snippets) and
page/feed/record templates by random mutation (insertions of hostile characters and markup,
deletions, splices, repetitions, truncation) and a random encoding (UTF-8 with or without BOM,
UTF-16 with or without BOM, cp1256, Latin-1, flipped bytes). What an input must satisfy:

* reading it never raises, and gives articles whose id and text are strings;
* every article read runs through the whole pipeline without raising under the ``raise`` error
  policy (a stage error is a crash here, not a warning), passes ``Document.check_offsets``, and its
  result serialises to JSON that encodes as UTF-8 and reads back to the same result;
* folding keeps its map back to the source; ``parse_published`` returns a date or None or raises
  InputError; the dates stage keeps exact, sorted, disjoint spans.

Reports the number of inputs tried, per kind, and every failure with the seed that reproduces it
(``--inputs 1 --seed SEED``); ``--save DIR`` writes failing inputs there. Exit code 1 when any
input failed. The short version runs in CI (tests/test_fuzz.py); ``--atheris`` hands the same
checks to libFuzzer (coverage-guided) where atheris installs.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ANT = REPO.parent / "shared" / "data" / "corpus" / "ant-v1.1.jsonl"

# Characters that have broken text tools: Arabic letters, marks and tatweel, presentation forms and
# ligatures, digits of three scripts, bidi controls and other invisibles, a BOM, NUL and C0/C1
# controls, the replacement character, line and paragraph separators, astral characters, and lone
# surrogates (which JSON escapes can carry into a Python string).
HOSTILE = ("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱىةؤئءیک" "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
           "\u0640" "\ufe8d\ufedf\ufecc\ufefb\ufdf2\ufb8e" "٠١٢٣٤٥٦٧٨٩۰۱۲0123456789"
           "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
           "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x9f\ufffd\u2028\u2029\U0001f600\U00010000"
           " \t\n\r.,،؛؟!«»\"'()[]{}<>&;:/-_=+*#@%$\\|~`^")
SURROGATES = "\ud800\udfff\udc00"
MARKUP = ["<p>", "</p>", "<div>", "</div>", "<br/>", "<script>", "</script>", "<style>x{}</style>", "<!--",
          "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#x0;", "&#xD800;", "&#1114112;", "&nbsp;", "&", "<",
          "<?xml version='1.0' encoding='windows-1256'?>", "<meta charset='utf-16'>", "<item>", "</item>",
          "<entry>", "<title>", "</title>", "<description>", "<pubDate>", "</pubDate>", "<time datetime=",
          "\\u0000", "\\ud800", '\\"', '{"text": ', '"}', "\n", "\r\n", "\r", '{"id": 1, "text": "', "[]", "null"]
DATE_WORDS = ["3", "٣١", "2017", "1443", "هـ", "يناير", "كانون", "الثاني", "آب", "ماي", "مارس", "رمضان", "الأحد",
              "أمس", "اليوم", "الأول", "منذ", "قبل", "يومين", "ثلاثة", "أيام", "الماضي", "العام", "ألفين", "غرة",
              "الساعة", "24", "الجاري", "مطلع", "شهر", "99999999999", "0", "-1", "31/02/2017", "2017-13-45"]
PUBLISHED = [None, "", "2017-01-20", "20/01/2017", "2016-02-29", "0000-00-00", "9999-12-31", "2017-1-2T25:61",
             "١٩/٠١/٢٠١٧", "yesterday", "2017-06-09T10:00:00+01:00", "31.12.1999", "\x00", "2017-02-30"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "latin-1"]
KINDS = ("text", "jsonl", "html", "feed", "bytes", "fold", "dates", "published")


@dataclass(slots=True)
class Outcome:
    tried: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)


class Targets:
    """The code under test, imported once (inside atheris' instrumentation when it is used)."""

    def __init__(self) -> None:
        from marsad.config import load_config
        from marsad.dates import normalize_dates
        from marsad.document import Article, Document
        from marsad.errors import InputError
        from marsad.ingest import Source, read_articles
        from marsad.pipeline import Pipeline, parse_published
        from marsad.text.normalize import fold, fold_key

        config = load_config()
        self.pipeline = Pipeline(replace(config, pipeline=replace(config.pipeline, on_error="raise")))
        self.Article, self.Document, self.InputError, self.Source = Article, Document, InputError, Source
        self.read_articles, self.parse_published = read_articles, parse_published
        self.normalize_dates, self.fold, self.fold_key = normalize_dates, fold, fold_key

    def run_article(self, article: Any) -> None:
        assert isinstance(article.id, str) and isinstance(article.text, str), (article.id, type(article.text))
        doc = self.pipeline.run(article)
        doc.check_offsets()
        line = json.dumps(doc.to_dict(), ensure_ascii=False)
        line.encode("utf-8")  # a lone surrogate in any field would make the output file unwritable
        again = self.Document.from_dict(json.loads(line))
        assert json.dumps(again.to_dict(), ensure_ascii=False) == line, "the result does not read back"

    def ingest(self, data: bytes, fmt: str | None) -> int:
        source = self.Source("-", "stdin", format=fmt)
        articles = list(self.read_articles([source], stdin=io.BytesIO(data)))
        for article in articles:
            self.run_article(article)
        return len(articles)

    def check(self, kind: str, value: Any) -> int:
        """Run one input of ``kind``; return the number of articles it made; raise on a failure."""
        if kind == "text":
            text, published = value
            self.run_article(self.Article(id="fuzz", text=text, published=published, title=text[:40] or None))
            return 1
        if kind in ("jsonl", "html", "feed"):
            return self.ingest(value, kind)
        if kind == "bytes":
            return self.ingest(value, None)
        if kind == "fold":
            folded = self.fold(value)
            assert folded.text == self.fold_key(value)
            n = len(folded.text)
            for start in range(0, n, max(1, n // 7)):
                end = min(n, start + 5)
                span = folded.to_source(start, end)
                assert 0 <= span.start <= span.end <= len(value)
                assert self.fold_key(value[span.start:span.end]) == folded.text[start:end]
            return 0
        if kind == "dates":
            text, published = value
            doc = self.Document(article=self.Article(id="d", text=text, published=published))
            doc.cache["published_date"] = None
            try:
                doc.cache["published_date"] = self.parse_published(published)
            except self.InputError:
                pass
            doc = self.normalize_dates(doc)
            doc.check_offsets()
            spans = [(d.start, d.end) for d in doc.dates]
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), spans
            return 0
        if kind == "published":
            try:
                self.parse_published(value)
            except self.InputError:
                pass
            return 0
        raise ValueError(f"unknown kind {kind!r}")


def _snippets(limit: int = 200) -> list[str]:
    """Pieces of real articles: every 50th ANT article, its first 400 characters (hostility matters, not length)."""
    out: list[str] = []
    with ANT.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 50 == 0 and line.strip():
                out.append(json.loads(line)["text"][:400])
                if len(out) == limit:
                    break
    return out


def _mutate(rng: random.Random, text: str, snippets: list[str]) -> str:
    for _ in range(rng.choice((0, 1, 1, 2, 3, 5, 8))):
        op = rng.randrange(9)
        pos = rng.randint(0, len(text))
        if op == 0:
            text = text[:pos] + "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 12))) + text[pos:]
        elif op == 1:
            text = text[:pos] + rng.choice(MARKUP) + text[pos:]
        elif op == 2 and text:
            end = rng.randint(pos, min(len(text), pos + 200))
            text = text[:pos] + text[end:]
        elif op == 3 and text:
            end = rng.randint(pos, min(len(text), pos + 50))
            text = text[:pos] + text[pos:end] * rng.randint(2, 40) + text[pos:]
        elif op == 4:
            other = rng.choice(snippets)
            a = rng.randint(0, len(other))
            text = text[:pos] + other[a:a + rng.randint(0, 300)] + text[pos:]
        elif op == 5:
            text = text[:pos]
        elif op == 6:
            text = text[:pos] + rng.choice(HOSTILE) * rng.choice((100, 1000, 5000)) + text[pos:]
        elif op == 7:
            tag = rng.choice(("<div>", "<b>", "<p><span>", "<table><tr><td>"))
            text = text[:pos] + tag * rng.randint(50, 400) + text[pos:]
        elif op == 8:
            text = text[:pos] + rng.choice(SURROGATES) + text[pos:]
    return text


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if rng.random() < 0.15 and data:
        flips = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            flips[rng.randrange(len(flips))] = rng.randrange(256)
        data = bytes(flips)
    return data


def _page(rng: random.Random, body: str, title: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return rng.choice((
        f"<!DOCTYPE html><html dir='rtl'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>",
        f"<html><body><div class='content'>{paragraphs}</div><footer>© {title}</footer></body></html>",
        f"<p>{body}</p>",
    ))


def _feed(rng: random.Random, bodies: list[str]) -> str:
    if rng.random() < 0.5:
        items = "".join(f"<item><title>{b[:30]}</title><link>https://example.invalid/{i}</link>"
                        f"<pubDate>{rng.choice(PUBLISHED) or ''}</pubDate><description>{b}</description></item>"
                        for i, b in enumerate(bodies))
        return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>{items}"
                "</channel></rss>")
    entries = "".join(f"<entry><title>{b[:30]}</title><id>urn:{i}</id><updated>{rng.choice(PUBLISHED) or ''}"
                      f"</updated><summary type='html'>{b}</summary></entry>" for i, b in enumerate(bodies))
    return f"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{entries}</feed>"


def make_input(seed: int, snippets: list[str]) -> tuple[str, Any]:
    """The input of one seed: ``(kind, value)``, the same on every machine for the same seed and corpus."""
    rng = random.Random(seed)
    kind = KINDS[seed % len(KINDS)]
    base = rng.choice(snippets)
    if kind == "text":
        return kind, (_mutate(rng, base, snippets), rng.choice(PUBLISHED))
    if kind == "jsonl":
        lines = []
        for i in range(rng.randint(1, 3)):
            record: dict[str, Any] = {"text": _mutate(rng, rng.choice(snippets), snippets)}
            if rng.random() < 0.7:
                record["id"] = rng.choice((f"r{i}", i, "", None, ["x"], "\u202e" + str(i)))
            for key in ("title", "published", "url", "source"):
                if rng.random() < 0.4:
                    record[key] = rng.choice((_mutate(rng, base[:40], snippets), 5, None, rng.choice(PUBLISHED)))
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.3))
        return kind, _encode(rng, _mutate(rng, "\n".join(lines), snippets) if rng.random() < 0.3 else "\n".join(lines))
    if kind == "html":
        page = _page(rng, _mutate(rng, base, snippets), _mutate(rng, base[:50], snippets))
        return kind, _encode(rng, _mutate(rng, page, snippets) if rng.random() < 0.5 else page)
    if kind == "feed":
        feed = _feed(rng, [_mutate(rng, rng.choice(snippets)[:300], snippets) for _ in range(rng.randint(1, 3))])
        return kind, _encode(rng, _mutate(rng, feed, snippets) if rng.random() < 0.5 else feed)
    if kind == "bytes":
        if rng.random() < 0.3:
            return kind, bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
        return kind, _encode(rng, _mutate(rng, base, snippets))
    if kind == "fold":
        return kind, _mutate(rng, base[:200], snippets)
    if kind == "dates":
        words = [rng.choice(DATE_WORDS) + rng.choice((" ", "", "\n", "، ", "/", "-", "\u0640", "\u064e"))
                 for _ in range(rng.randint(0, 30))]
        return kind, (_mutate(rng, "".join(words), snippets), rng.choice(PUBLISHED))
    return kind, rng.choice([*PUBLISHED, _mutate(rng, rng.choice(PUBLISHED) or "2017-01-01", snippets)])


_TARGETS: Targets | None = None
_SNIPPETS: list[str] = []


def _init() -> None:
    global _TARGETS, _SNIPPETS
    _TARGETS = Targets()
    _SNIPPETS = _snippets()


def run_seeds(seeds: range) -> Outcome:
    """Try the inputs of ``seeds`` (in this process); failures carry their seed and traceback."""
    if _TARGETS is None:
        _init()
    assert _TARGETS is not None
    outcome = Outcome()
    for seed in seeds:
        kind, value = make_input(seed, _SNIPPETS)
        outcome.tried[kind] += 1
        try:
            outcome.articles += _TARGETS.check(kind, value)
        except Exception as err:
            outcome.failures.append({"seed": seed, "kind": kind, "error": f"{type(err).__name__}: {err}"[:500],
                                     "where": traceback.format_exc().splitlines()[-3:-1], "input": repr(value)[:300]})
    return outcome


def fuzz(inputs: int, *, seed: int = 0, workers: int = 1, chunk: int = 500) -> Outcome:
    """Try ``inputs`` generated inputs from ``seed`` on; ``workers`` processes share the seeds."""
    chunks = [range(s, min(s + chunk, seed + inputs)) for s in range(seed, seed + inputs, chunk)]
    total = Outcome()
    if workers == 1:
        results = map(run_seeds, chunks)
    else:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_init)
        results = pool.imap(run_seeds, chunks)
    for part in results:
        total.tried.update(part.tried)
        total.articles += part.articles
        total.failures.extend(part.failures)
    if workers != 1:
        pool.close()
        pool.join()
    return total


def _atheris(argv: list[str]) -> int:
    import atheris

    with atheris.instrument_imports():
        targets = Targets()

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        kind = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
        if kind in ("jsonl", "html", "feed", "bytes"):
            targets.check(kind, fdp.ConsumeBytes(fdp.remaining_bytes()))
        elif kind in ("text", "dates"):
            published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
            targets.check(kind, (fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), published))
        else:
            targets.check(kind, fdp.ConsumeUnicode(fdp.remaining_bytes()))

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0, help="first seed (inputs use seeds SEED .. SEED+N-1)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--save", metavar="DIR", help="write each failing input's description here")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing with atheris (libFuzzer)")
    args, rest = parser.parse_known_args()
    if args.atheris:
        return _atheris([a for a in rest if a != "--"])
    t0 = time.perf_counter()
    outcome = fuzz(args.inputs, seed=args.seed, workers=args.workers)
    seconds = time.perf_counter() - t0
    tried = sum(outcome.tried.values())
    print(f"fuzz: {tried} inputs tried ({', '.join(f'{k} {n}' for k, n in sorted(outcome.tried.items()))}), "
          f"{outcome.articles} articles through the whole pipeline, {len(outcome.failures)} failures, "
          f"in {seconds:.0f} s (seeds {args.seed}..{args.seed + args.inputs - 1})")
    for failure in outcome.failures[:20]:
        print(f"  seed {failure['seed']} ({failure['kind']}): {failure['error']}  at {failure['where']}")
    if args.save and outcome.failures:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for failure in outcome.failures:
            (out / f"seed-{failure['seed']}.json").write_text(json.dumps(failure, ensure_ascii=True, indent=1))
    return 1 if outcome.failures else 0

if __name__ == "__main__":
    sys.exit(main())
