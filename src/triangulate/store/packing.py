"""How a document's analysis is kept: compressed JSON without the text, which the documents
table already holds once."""

from __future__ import annotations

import zlib
from dataclasses import replace

from .. import serialize
from ..model import Analysis

COMPRESSION_LEVEL = 6


def pack_analysis(analysis: Analysis) -> bytes:
    """The analysis as compressed JSON, its document's text left out."""
    textless = replace(analysis, document=replace(analysis.document, text=""))
    return zlib.compress(serialize.dumps(textless).encode("utf-8"), COMPRESSION_LEVEL)


def unpack_analysis(packed: bytes, text: str) -> Analysis:
    """The analysis ``pack_analysis`` packed, with its document's ``text`` put back."""
    analysis = serialize.loads(Analysis, zlib.decompress(packed).decode("utf-8"))
    return replace(analysis, document=replace(analysis.document, text=text))


def load_analysis(packed: bytes | None, legacy: str, text: str) -> Analysis:
    """A stored analysis: packed, or (written before packing, not yet repacked) plain JSON."""
    if packed is not None:
        return unpack_analysis(bytes(packed), text)
    return serialize.loads(Analysis, legacy)
