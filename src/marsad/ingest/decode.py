"""Bytes to text: byte-order marks, declared charsets, UTF-8, UTF-16 and Windows-1256, binary refused.

Arabic news reaches us in more encodings than any other part of the input suggests: older Gulf and
Levantine sites still serve Windows-1256, Windows tools save UTF-16 (sometimes without a BOM), and
pages declare one charset while sending another. :func:`decode_bytes` tries the readings in order
of how sure we can be of them and reports, as a :class:`Decoded` note, every guess it had to make,
so that the article carries a W104 warning instead of silently wrong letters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from marsad.errors import WarningCode
from marsad.text.arabic import ARABIC_LETTER_RE

# How much of the head of the input the sniffing tests look at: enough for a few paragraphs,
# little enough to stay cheap on a 50 MB file.
SAMPLE_BYTES = 8192

# Magic numbers of formats that are sometimes saved with a text extension by crawlers.
_MAGIC = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"RIFF", "RIFF media file"), (b"\x00\x00\x01\x00", "icon"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"), (b"OggS", "Ogg media file"),
    (b"\x7fELF", "executable"), (b"MZ\x90\x00", "Windows executable"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MARKUP_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]*>|&[#\w]+;",
                        re.IGNORECASE | re.DOTALL)
# How much of a legacy-encoded input the Arabic test reads: pages carry tens of KB of scripts and
# menus before the article, so the head alone may hold no text at all.
LEGACY_SAMPLE_BYTES = 262_144
# Control characters that never occur in text (tab, line feed, form feed and carriage return do).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Charsets that pages declare by default while actually sending UTF-8 (CMS templates left at the
# server default): for these, valid UTF-8 with non-ASCII bytes wins over the declaration.
_WEAK_DECLARATIONS = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})

# A legacy single-byte reading is accepted when at least this share of its letters is Arabic.
# Windows-1256 bytes read as Windows-1252 give Latin accented letters, and the reverse gives
# Arabic letters mixed with Latin ones, so real Arabic text scores near 1.0 and the wrong reading
# well below; 0.6 leaves room for the French/English names and acronyms of Maghrebi news.
MIN_LEGACY_ARABIC_SHARE = 0.6
# UTF-8 in which at most this share of the non-ASCII characters is undecodable is read as UTF-8
# with replacement characters (a truncated download, one corrupted character) rather than as some
# other encoding; text in a legacy code page fails on nearly every non-ASCII byte.
MAX_UTF8_ERROR_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text read from some bytes, the encoding used, and a note when the reading is a guess.

    ``code`` is None for a sure reading, else the warning code (W102 binary, W104 mis-encoded or
    guessed) with ``note`` saying why; a W102 result has ``text == ""``.
    """

    text: str
    encoding: str | None
    code: WarningCode | None = None
    note: str = ""


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format ``data`` looks like, or None when it may be text.

    >>> binary_kind(b"%PDF-1.7 ...")
    'PDF document'
    >>> binary_kind("قصف مدفعي".encode()) is None
    True
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:SAMPLE_BYTES]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = len(_CONTROL_RE.findall(head.decode("latin-1")))
        # a few stray control bytes occur in scraped text; a tenth of the bytes does not
        if controls > 0.1 * len(head):
            return "binary data (control bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when ``data`` reads as BOM-less UTF-16 text, else None.

    In UTF-16 every other byte is the high byte of a code point: 0x00 for ASCII and 0x06 for the
    Arabic block (0xFB-0xFE for presentation forms). Text in any single-byte or UTF-8 encoding has
    no such rhythm. (0x20, the high byte of typographic punctuation, is left out: it would take
    "a b c d" in ASCII, whose every other byte is a space, for UTF-16.)

    >>> _utf16_without_bom("قصف مدفعي".encode("utf-16-le")), _utf16_without_bom(b"a b c d e f ")
    ('utf-16-le', None)
    """
    head = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(head) < 4:
        return None
    for encoding, high_bytes in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        typical = sum(1 for b in high_bytes if b in (0x00, 0x06, 0xFB, 0xFC, 0xFD, 0xFE))
        # Calibrated on hand-made Arabic, English and mixed samples (tests/ingest/test_decode.py):
        # real UTF-16 scores above 0.95, UTF-8 Arabic below 0.3.
        if typical < 0.9 * len(high_bytes):
            continue
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        # a stray control character may occur; binary that happens to fit the rhythm has many
        if len(_CONTROL_RE.findall(text)) <= 0.01 * len(text):
            return encoding
    return None


def charset_codec(name: str | None) -> str | None:
    """The Python codec name of a declared charset, or None when Python does not know it.

    >>> charset_codec("Windows-1256")
    'cp1256'
    >>> charset_codec("x-unknown") is None
    True
    """
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def arabic_letter_share(text: str) -> float:
    """Share of Arabic letters among all letters of ``text`` (0.0 when it has no letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(ARABIC_LETTER_RE.findall(text)) / letters


def _legacy_reading(data: bytes) -> Decoded | None:
    """The single-byte Arabic reading (Windows-1256 or ISO-8859-6) with the most Arabic letters, if any.

    Both code pages put Arabic letters in the upper half, but at different places: ISO-8859-6
    bytes read as Windows-1256 give Latin accented letters (â è ê) among Arabic ones, and
    Windows-1256 bytes are mostly undefined in ISO-8859-6, so the right reading scores highest.
    """
    sample = data[:LEGACY_SAMPLE_BYTES]
    best: tuple[float, str] | None = None
    for codec in ("cp1256", "iso8859-6"):
        try:
            # markup is Latin whatever the language of the text: only the text between tags counts
            share = arabic_letter_share(_MARKUP_RE.sub(" ", sample.decode(codec)))
        except UnicodeDecodeError:
            continue
        if share >= MIN_LEGACY_ARABIC_SHARE and (best is None or share > best[0]):
            best = (share, codec)
    if best is None:
        return None
    share, codec = best
    text = data.decode(codec, errors="replace")
    return Decoded(text, codec, WarningCode.MIS_ENCODED,
                   f"not UTF-8; decoded as {codec} (guessed: {share:.0%} of the letters are Arabic)")


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text; ``declared`` is a charset named by the container (HTTP, meta, XML).

    Order: a byte-order mark; BOM-less UTF-16; binary refused; the declared charset; UTF-8; a
    single-byte Arabic encoding when its reading is Arabic; UTF-8 with replacement characters.
    Never raises.

    >>> decode_bytes("هجوم".encode("utf-8-sig")).text
    'هجوم'
    >>> d = decode_bytes("هجوم على قاعدة".encode("cp1256"))
    >>> d.text, d.encoding, d.code
    ('هجوم على قاعدة', 'cp1256', <WarningCode.MIS_ENCODED: 'W104'>)
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(bom_codec, errors="replace")
            if "\ufffd" in text:
                return Decoded(text, bom_codec, WarningCode.MIS_ENCODED,
                               f"{bom_codec} with a byte-order mark, but some bytes are invalid (replaced)")
            return Decoded(text, bom_codec)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = data[: len(data) - len(data) % 2].decode(utf16, errors="replace")
        return Decoded(text, utf16, WarningCode.MIS_ENCODED,
                       f"no byte-order mark; decoded as {utf16} (guessed)")
    binary = binary_kind(data)
    if binary is not None:
        return Decoded("", None, WarningCode.NOT_TEXT, f"input is not text: {binary}, {len(data):,} bytes")
    codec = charset_codec(declared)
    if codec is not None and not codec.startswith("utf"):
        if not data.isascii():
            # Valid multi-byte UTF-8 is next to impossible by chance in a single-byte encoding,
            # while sites that moved to UTF-8 often kept their old windows-1256 <meta>.
            try:
                return Decoded(data.decode("utf-8"), "utf-8")
            except UnicodeDecodeError:
                pass
            if codec in _WEAK_DECLARATIONS:
                return _decode_weakly_declared(data, codec)
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: read the bytes as if nothing was declared
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_error = err
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if errors <= max(1, MAX_UTF8_ERROR_SHARE * non_ascii):
        where = ("a truncated character at the end" if first_error.start >= len(data) - 3
                 else f"{errors} invalid byte sequence(s), the first at byte {first_error.start:,}")
        return Decoded(text, "utf-8", WarningCode.MIS_ENCODED, f"UTF-8 with {where} (replaced by U+FFFD)")
    legacy = _legacy_reading(data)
    if legacy is not None:
        return legacy
    return Decoded(text, "utf-8", WarningCode.MIS_ENCODED,
                   f"not valid UTF-8 and no Arabic encoding fits: {errors:,} invalid byte sequences replaced")


def _decode_weakly_declared(data: bytes, codec: str) -> Decoded:
    """Non-UTF-8 bytes declared Latin-1/Windows-1252: Arabic legacy bytes are likelier than the label."""
    legacy = _legacy_reading(data)
    if legacy is not None:
        return legacy
    return Decoded(data.decode(codec, errors="replace"), codec)
