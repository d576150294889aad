"""Bytes to text: every encoding Arabic news arrives in, and the inputs that are not text."""

from __future__ import annotations

import codecs

import pytest

from marsad.errors import WarningCode
from marsad.ingest.decode import binary_kind, charset_codec, decode_bytes

ARABIC = "أعلنت وزارة الدفاع اعتراض طائرة مسيّرة فوق العاصمة صباح اليوم، دون وقوع إصابات.\n" * 4
MIXED = "قالت وكالة «رويترز» (Reuters) إن 12 شخصاً قتلوا في إطلاق نار بمدينة Sfax التونسية.\n" * 3
LATIN = "Police said three people were wounded in the blast near the market.\n" * 3


PLAIN = ARABIC.replace("ّ", "")  # ISO-8859-6 has no shadda


@pytest.mark.parametrize(("text", "data", "encoding", "code"), [
    (ARABIC, ARABIC.encode("utf-8"), "utf-8", None),
    (ARABIC, codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8", None),
    (ARABIC, codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16-le", None),
    (ARABIC, codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be", None),
    (ARABIC, codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"), "utf-32-le", None),
    (ARABIC, ARABIC.encode("utf-16-le"), "utf-16-le", WarningCode.MIS_ENCODED),  # BOM-less: guessed
    (ARABIC, ARABIC.encode("utf-16-be"), "utf-16-be", WarningCode.MIS_ENCODED),
    (MIXED, MIXED.encode("utf-16-le"), "utf-16-le", WarningCode.MIS_ENCODED),
    (LATIN, LATIN.encode("utf-16-be"), "utf-16-be", WarningCode.MIS_ENCODED),
    (ARABIC, ARABIC.encode("cp1256"), "cp1256", WarningCode.MIS_ENCODED),
    (MIXED, MIXED.encode("cp1256"), "cp1256", WarningCode.MIS_ENCODED),
    (PLAIN, PLAIN.encode("iso8859-6"), "iso8859-6", WarningCode.MIS_ENCODED),
    (LATIN, LATIN.encode("ascii"), "utf-8", None),
    ("", b"", "utf-8", None),
])
def test_decode_bytes_reads_encoding(text: str, data: bytes, encoding: str, code: WarningCode | None) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.code) == (text, encoding, code)


@pytest.mark.parametrize(("declared", "data", "expected"), [
    ("windows-1256", ARABIC.encode("cp1256"), ARABIC),
    ("WINDOWS-1256", MIXED.encode("cp1256"), MIXED),
    ("iso-8859-6", "قصف مدفعي على القرية".encode("iso8859-6"), "قصف مدفعي على القرية"),
    ("utf-8", ARABIC.encode("utf-8"), ARABIC),
    # pages left at a server default of Latin-1 while sending UTF-8 or Windows-1256
    ("iso-8859-1", ARABIC.encode("utf-8"), ARABIC),
    ("windows-1252", ARABIC.encode("cp1256"), ARABIC),
    ("iso-8859-1", "Attentat à Sousse: trois blessés".encode("latin-1"), "Attentat à Sousse: trois blessés"),
    ("no-such-charset", ARABIC.encode("utf-8"), ARABIC),
    ("utf-8", ARABIC.encode("cp1256"), ARABIC),  # a wrong declaration does not win
    ("windows-1256", ARABIC.encode("utf-8"), ARABIC),  # a site moved to UTF-8, kept its old <meta>
    ("iso-8859-6", MIXED.encode("utf-8"), MIXED),
])
def test_decode_bytes_declared_charset(declared: str, data: bytes, expected: str) -> None:
    assert decode_bytes(data, declared=declared).text == expected


def test_decode_bytes_truncated_utf8_keeps_text_and_warns() -> None:
    data = ARABIC.encode("utf-8").rstrip(b"\n.")[:-1]  # the last letter loses its second byte
    decoded = decode_bytes(data)
    assert decoded.code == WarningCode.MIS_ENCODED
    assert "truncated" in decoded.note
    assert decoded.text.endswith("\ufffd")
    assert decoded.text[:-1] == ARABIC.rstrip("\n.")[:-1]


def test_decode_bytes_single_bad_byte_in_utf8() -> None:
    data = ARABIC.encode("utf-8") + b"\xff" + ARABIC.encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.code == WarningCode.MIS_ENCODED
    assert decoded.text == ARABIC + "\ufffd" + ARABIC


@pytest.mark.parametrize(("data", "kind"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
    (b"PK\x03\x04" + bytes(200), "ZIP"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    ("نص".encode() + b"\x00\x00\x00\x01\x02" + bytes(range(32)) * 3, "NUL"),
    (bytes(range(1, 9)) * 200, "control"),
])
def test_decode_bytes_refuses_binary(data: bytes, kind: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.code == WarningCode.NOT_TEXT
    assert decoded.text == ""
    assert kind in decoded.note
    assert binary_kind(data) is not None


def test_decode_bytes_garbage_that_is_no_encoding_is_flagged() -> None:
    data = bytes(range(0x80, 0x100)) * 20  # high bytes only: not UTF-8, not Arabic in any codepage
    decoded = decode_bytes(data)
    assert decoded.code == WarningCode.MIS_ENCODED


@pytest.mark.parametrize(("name", "codec"), [
    ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("windows-1256", "cp1256"), ("cp1256", "cp1256"),
    ("ISO-8859-6", "iso8859-6"), ("'latin1'", "iso8859-1"), ("", None), (None, None), ("x-mac-junk", None),
])
def test_charset_codec(name: str | None, codec: str | None) -> None:
    assert charset_codec(name) == codec
