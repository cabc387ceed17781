"""How a document's analysis is kept: compressed JSON without the text, which the documents
table already holds once; and its outline, what lists and links read without the analysis."""

from __future__ import annotations

import gc
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .. import serialize
from ..model import Analysis, Document, Sentence

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


def load_analyses(rows: Iterable[tuple[bytes | None, str, str]]) -> list[Analysis]:
    """The analyses of rows of (packed, legacy, text), read with the garbage collector paused."""
    with garbage_collection_paused():
        return [load_analysis(packed, legacy, text) for packed, legacy, text in rows]


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Records hold no reference cycles; reading hundreds of thousands of them, a collection
    every few thousand would walk all those read before (most of the time of reading them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pack_shingles(shingles: frozenset[int]) -> bytes:
    """A document's 32-bit shingle hashes, sorted, as little-endian bytes."""
    import numpy as np

    return np.array(sorted(shingles), dtype="<u4").tobytes()


def unpack_shingles(packed: bytes) -> frozenset[int]:
    import numpy as np

    return frozenset(np.frombuffer(packed, dtype="<u4").tolist())


@dataclass(frozen=True)
class Outline:
    """What lists and links need of a document without reading its analysis: ``analysis``
    holds the document (its text left out) and its sentences only; ``counts`` how many
    annotations of each kind the full analysis has."""

    analysis: Analysis
    counts: Mapping[str, int]


def annotation_counts(analysis: Analysis) -> dict[str, int]:
    return {
        "sentences": len(analysis.sentences),
        "mentions": len(analysis.mentions),
        "times": len(analysis.times),
        "quantities": len(analysis.quantities),
        "claims": len(analysis.claims),
        "events": len(analysis.events),
    }


def pack_outline(analysis: Analysis) -> bytes:
    """The document's outline as compressed JSON: metadata, sentence bounds, counts."""
    data = {
        "document": serialize.to_data(replace(analysis.document, text="")),
        "sentences": [bound for s in analysis.sentences for bound in (s.start, s.end)],
        "counts": annotation_counts(analysis),
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), COMPRESSION_LEVEL)


def unpack_outline(packed: bytes) -> Outline:
    data = json.loads(zlib.decompress(packed).decode("utf-8"))
    bounds = data["sentences"]
    sentences = tuple(Sentence(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2))
    document = serialize.from_data(Document, data["document"])
    return Outline(Analysis(document, sentences), data["counts"])
