"""Decode a text file strictly, say how it was decoded, and notice when that looks wrong.

The detection is the one Swedish files need: a byte-order mark (UTF-8, UTF-16) decides; else the
whole file must be valid UTF-8; else it is Windows-1252, as Swedish Excel writes
"CSV (semikolonavgränsad)". Every decoding is strict: a byte the chosen encoding cannot decode is
an error naming its line, never a silent U+FFFD. A file that starts as UTF-8 (it holds valid
multi-byte UTF-8 sequences) and later holds bytes that are not UTF-8 is an error too: decoding it
wholly as cp1252 would split "Förskola" and "FÃ¶rskola" into two groups.

A cp1252 fallback that yields text that looks like mojibake (runs of Latin-1 supplement
characters, as a CP949 or UTF-16 file decoded as cp1252 gives) is flagged; :func:`in_doubt`
says when a decoding deserves advice. The advice's words (Swedish and English) are the catalog
entries ``part_encoding_hint`` and ``part_encoding_hint_garbled`` of
:mod:`servqual_cli.report.catalog_errors`: the warnings and notes the CLI writes are made there.
:func:`encoding_hint` is only the English sentence the column-not-found errors end with (this
layer cannot import a catalog, and an English error line is the raise site's own sentence, as
for every coded error); a test holds it to the catalog's English.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import numpy as np

from servqual_cli.errors import DataError, Location, UsageError

__all__ = ["Decoded", "decode_text", "encoding_hint", "in_doubt", "looks_garbled"]

# Codecs Python knows that do not decode a file's bytes as text (or run escapes in the data).
_NOT_FILE_ENCODINGS = frozenset(
    {"punycode", "idna", "unicode_escape", "raw_unicode_escape", "undefined", "palmos"}
)
_SUGGEST = "--encoding cp949 (or utf-16, cp1250, utf-8 ...)"
# Text that decoded cleanly as cp1252 (no mojibake runs) is most likely Western or Central
# European: another Latin code page first, the East-Asian ones last (review 11b, finding 9:
# Korean came first for a Swedish file). UTF-8 is not offered: the file failed to decode as it.
_SUGGEST_CLEAN = "--encoding cp1250 (or iso-8859-15, utf-16, cp949 ...)"


@dataclass(frozen=True)
class Decoded:
    """A decoded text and the decision behind it.

    Attributes
    ----------
    text : str
    encoding : str
        The codec used (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252`` or the one given).
    why : str
        How it was chosen, in words for ``describe`` and messages.
    garbled : bool
        The fallback decoding gave text that looks like mojibake.
    """

    text: str
    encoding: str
    why: str
    garbled: bool = False


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset (counting LF; CR-only files count as one line)."""
    return data.count(b"\n", 0, offset) + 1


def _checked_codec(encoding: str, source: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise UsageError(f"unknown encoding {encoding!r}", Location(source),
                         code="unknown_encoding", facts={"given": encoding}) from exc  # fmt: skip
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
        raise UsageError(
            f"--encoding {encoding!r} does not decode text files; "
            "use e.g. utf-8, cp1252, cp949, utf-16",
            Location(source), code="encoding_not_text", facts={"given": encoding},
        )  # fmt: skip
    return info.name


# Why a codec was chosen, said after its name in a decoding error (``why`` in its facts).
_WHY = {
    "utf8_bom": "the file starts with a UTF-8 BOM",
    "utf16_bom": "the file starts with a UTF-16 BOM",
    "not_utf8": "the file is not UTF-8",
}


def _strict(
    data: bytes, codec: str, source: str, name: str, why: str | None = None, skip: int = 0
) -> str:
    label = name if why is None else f"{name} ({_WHY[why]})"
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        line = _line_of(data, skip + exc.start)
        raise DataError(
            f"line {line} cannot be decoded as {label} (byte {skip + exc.start + 1}: "
            f"{exc.reason}); fix the file or give another --encoding",
            Location(source), code="not_decodable_at",
            facts={"line": line, "name": name, "why": why, "byte": skip + exc.start + 1,
                   "reason": exc.reason},
        ) from exc  # fmt: skip
    except (UnicodeError, ValueError) as exc:  # codecs that fail without a byte position
        raise DataError(
            f"cannot be decoded as {label} ({exc}); give another --encoding",
            Location(source),
        ) from exc


def decode_text(data: bytes, encoding: str | None, source: str) -> Decoded:
    """Decode strictly: the given encoding, else a BOM, else UTF-8, else cp1252.

    >>> decode_text("Förskola".encode("utf-8"), None, "a.csv").encoding
    'utf-8'
    >>> d = decode_text("Förskola".encode("cp1252"), None, "a.csv")
    >>> d.encoding, d.garbled
    ('cp1252', False)
    >>> decode_text("Förskola\\n".encode() + "Förskola\\n".encode("cp1252"), None, "a.csv")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    servqual_cli.errors.DataError: a.csv: line 2 is not UTF-8 although the lines before are; ...
    """
    if encoding:
        codec = _checked_codec(encoding, source)
        text = _strict(data, codec, source, encoding)
        return Decoded(text, encoding, "given with --encoding")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data, "utf-8", source, "UTF-8", "utf8_bom", 3)
        return Decoded(text, "utf-8-sig", "UTF-8 byte-order mark")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if (len(data) - 2) % 2:
            raise DataError(
                "starts with a UTF-16 byte-order mark but has an odd number of bytes; "
                "the file is cut short or not UTF-16",
                Location(source), code="utf16_odd_bytes",
            )  # fmt: skip
        text = _strict(data, "utf-16", source, "UTF-16", "utf16_bom")
        return Decoded(text, "utf-16", "UTF-16 byte-order mark")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        if not head.isascii():  # valid multi-byte UTF-8 before the bad byte: a mixed file
            line = _line_of(data, exc.start)
            raise DataError(
                f"line {line} is not UTF-8 although the lines before are; the file mixes two "
                "encodings (save it again as UTF-8, or give --encoding)",
                Location(source), code="mixed_encoding", facts={"line": line},
            ) from exc  # fmt: skip
    text = _strict(data, "cp1252", source, "cp1252", "not_utf8")
    garbled = looks_garbled(text[:65536])
    why = "not UTF-8, so Windows-1252 (Swedish Excel's CSV)"
    return Decoded(text, "cp1252", why, garbled)


def looks_garbled(text: str) -> bool:
    """Whether text decoded as cp1252 looks like another encoding's bytes (mojibake).

    Swedish and other Western text puts a non-ASCII letter between ASCII ones ("Förskola");
    CP949, UTF-16 or UTF-8 read as cp1252 give runs of Latin-1 supplement symbols and letters.
    Flagged when at least 4 non-ASCII characters and most of them sit in runs of two or more.

    >>> looks_garbled("Förskola;Äldreomsorg;Hemtjänst")
    False
    >>> looks_garbled("1-1. Å°½ºÅ©´Â »ç¿ëÇÏ±â ½±´Ù")
    True
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    high = codes >= 0x80
    n_high = int(high.sum())
    if n_high < 4:
        return False
    # A non-ASCII character whose neighbour is non-ASCII too.
    paired = high & (np.r_[False, high[:-1]] | np.r_[high[1:], False])
    return bool(paired.sum() > 0.5 * n_high)


def in_doubt(encoding: str | None) -> bool:
    """Whether text read with ``encoding`` may be wrongly decoded: only the cp1252 fallback is
    (a BOM, valid UTF-8 or a given ``--encoding`` is no guess).

    >>> in_doubt("cp1252"), in_doubt("utf-8"), in_doubt(None)
    (True, False, False)
    """
    return encoding == "cp1252"


def encoding_hint(encoding: str | None, garbled: bool) -> str:
    """The advice a column-not-found error adds (its English raise-site copy of the catalog's
    ``part_encoding_hint``/``part_encoding_hint_garbled``), or "" when the decoding is not in
    doubt.

    >>> encoding_hint("cp1252", True)
    'the file was read as cp1252 and its text looks garbled; try --encoding cp949 (or utf-16, \
cp1250, utf-8 ...)'
    >>> encoding_hint("cp1252", False)
    'the file was read as cp1252; if the names look garbled, try --encoding cp1250 (or \
iso-8859-15, utf-16, cp949 ...)'
    >>> encoding_hint("utf-8", False)
    ''
    """
    if not in_doubt(encoding):
        return ""
    if garbled:
        return f"the file was read as {encoding} and its text looks garbled; try {_SUGGEST}"
    return f"the file was read as {encoding}; if the names look garbled, try {_SUGGEST_CLEAN}"
