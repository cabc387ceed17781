"""Turning raw bytes into text: format sniffing, binary detection and decoding."""

from __future__ import annotations

import codecs
import re

from ..errors import SourceError, UnsupportedFormat
from .limits import MAX_RAW_TEXT_CHARS

# Magic numbers of formats no reader handles, with the name used in the error message.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "legacy Microsoft Office file (DOC/XLS are not supported)"),
    (b"{\\rtf", "RTF document (RTF is not supported)"),
)
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf",
    b"\x7fELF", b"MZ\x90",
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_SAMPLE_BYTES = 65536
_MAX_CONTROL_SHARE = 0.05
_MAX_CP1252_HIGH_SHARE = 0.2
# A file with fewer bad bytes than well-formed multi-byte UTF-8 characters is UTF-8 damaged in
# places; one with no well-formed ones is UTF-8 damaged in places only when bad bytes are this
# rare (else it is read as cp1252 if it looks like text).
_MAX_STRAY_BAD_BYTE_SHARE = 0.01
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


def check_text_length(source: str, text: str) -> None:
    """Refuse text too long to be one document before any cleaning is tried."""
    if len(text) > MAX_RAW_TEXT_CHARS:
        raise SourceError(
            source,
            f"too big: {len(text):,} characters of text (the limit is {MAX_RAW_TEXT_CHARS:,} "
            "for one document)",
        )


def check_not_unsupported_binary(source: str, data: bytes) -> None:
    """Raise for recognisable non-text formats, before any decoding is tried."""
    head = data[:8]
    for magic, name in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormat(source, name)
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        raise SourceError(source, "binary file")


def decode_text(source: str, data: bytes) -> str:
    """Decode ``data`` as UTF-8 (BOM allowed), UTF-16/32 with a BOM, or cp1252 that looks like text.

    UTF-8 with a few bad bytes is decoded as UTF-8, each bad sequence replaced by U+FFFD.
    Raises SourceError("binary file") for bytes that are not text, and SourceError("not valid
    UTF-8 text") for text in an encoding that cannot be read safely.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(source, f"not valid {encoding.upper()} text") from None
            _check_text_controls(source, text)
            return text
    if looks_binary(data):
        raise SourceError(source, "binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(escaped) - len(_ESCAPED_BYTE.sub("", escaped))
    well_formed = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad
    if bad <= well_formed:
        return data.decode("utf-8", "replace")
    cp1252 = _as_cp1252(data)
    if cp1252 is not None:
        return cp1252
    if bad <= _MAX_STRAY_BAD_BYTE_SHARE * len(data):
        return data.decode("utf-8", "replace")
    raise SourceError(source, "not valid UTF-8 text")


def _as_cp1252(data: bytes) -> str | None:
    """``data`` decoded as cp1252 when that gives text that looks like prose."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = sum(1 for char in text if ord(char) > 0x7F)
    letters = sum(1 for char in text if char.isalpha())
    if high > _MAX_CP1252_HIGH_SHARE * len(text) or letters < 0.5 * len(text.replace(" ", "")):
        return None
    return text


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 64 KiB."""
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for byte in sample if (byte < 0x20 and byte not in _ALLOWED_CONTROLS)
                   or byte == 0x7F)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _check_text_controls(source: str, text: str) -> None:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(1 for char in sample if (ord(char) < 0x20 and ord(char) not in
                                            _ALLOWED_CONTROLS) or char == "\x7f")
    if sample and ("\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample)):
        raise SourceError(source, "binary file")
