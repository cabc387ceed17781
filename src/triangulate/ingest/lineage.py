"""Republication lineage: exact and near copies, and versions of one story, among the documents
of a corpus.

A copy is not a confirmation, and neither is a version: a later edition of a story (a wire
update, or another outlet's edit of the same agency copy) that keeps much of the earlier text
(at least VERSION_CONTAINMENT of the shorter one's shingles) but is no near copy of it.  Exact
copies share the SHA-256 of their cleaned text; near copies share most of their word 5-gram
shingles (Jaccard similarity, or near-total containment of the shorter text).  Large corpora
find candidate pairs with MinHash and banded locality-sensitive hashing before the exact check;
a document is checked against at most _CANDIDATES earlier documents, those that share the most
bands with it, so that many similar texts (a feed of 10,000 entries written to one template)
cost linear time and memory, not a check of every pair.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations, pairwise

from ..model import Document, Republication
from ..union_find import UnionFind

SHINGLE_WORDS = 5
JACCARD_THRESHOLD = 0.8
CONTAINMENT_THRESHOLD = 0.9
MIN_SIZE_RATIO = 0.5
VERSION_CONTAINMENT = 0.5
_PAIRWISE_LIMIT = 200
_PERMUTATIONS = 64
_BANDS = 16
_CANDIDATES = 50
_PRIME = (1 << 31) - 1
_TOKEN = re.compile(r"\w+")
_URL_SOURCE = re.compile(r"^https?://", re.IGNORECASE)


def link_copies(
    documents: Sequence[Document], shingles: Sequence[frozenset[int]] | None = None
) -> list[Document]:
    """Mark each later copy with ``copy_of`` = its original's id and, when it names no
    original itself, fill ``republished_from`` from the original; mark each later version of a
    story with ``version_of`` = the version before it.  Order is kept. ``shingles``: each
    document's ``shingle_set``, where already made."""
    docs = [replace(doc, copy_of=None, version_of=None) for doc in documents]
    shingles = list(shingles) if shingles is not None else [shingle_set(d.text) for d in docs]
    copies = UnionFind(len(docs))
    by_digest: dict[str, int] = {}
    for index, doc in enumerate(docs):
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if digest in by_digest:
            copies.union(index, by_digest[digest])
        else:
            by_digest[digest] = index
    version_pairs = []
    for first, second in _candidate_pairs(shingles, sorted(by_digest.values())):
        if copies.find(first) == copies.find(second):
            continue
        if is_near_copy(shingles[first], shingles[second]):
            copies.union(first, second)
        elif containment(shingles[first], shingles[second]) >= VERSION_CONTAINMENT:
            version_pairs.append((first, second))
    linked = list(docs)
    originals: dict[int, int] = {}
    for members in copies.groups():
        original = min(members, key=lambda index: _original_rank(docs[index], index))
        for index in members:
            originals[index] = original
            if index != original and docs[index].id != docs[original].id:
                linked[index] = _as_copy(docs[index], docs[original])
    versions = UnionFind(len(docs))
    for first, second in version_pairs:
        versions.union(originals[first], originals[second])
    for members in versions.groups():
        ordered = sorted(members, key=lambda index: _original_rank(docs[index], index))
        for earlier, later in pairwise(ordered):
            linked[later] = replace(linked[later], version_of=docs[earlier].id)
    return linked


def shingle_set(text: str) -> frozenset[int]:
    """Hashes of the lower-cased word 5-grams of ``text`` (the words, if fewer)."""
    tokens = [token.lower() for token in _TOKEN.findall(text)]
    if len(tokens) < SHINGLE_WORDS:
        grams = [" ".join(tokens)] if tokens else []
    else:
        grams = [" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - 4)]
    return frozenset(
        int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "big")
        for gram in grams
    )


def is_near_copy(first: frozenset[int], second: frozenset[int]) -> bool:
    if not first or not second:
        return False
    common = len(first & second)
    smaller, larger = sorted((len(first), len(second)))
    if common / (len(first) + len(second) - common) >= JACCARD_THRESHOLD:
        return True
    return (containment(first, second) >= CONTAINMENT_THRESHOLD
            and smaller / larger >= MIN_SIZE_RATIO)


def containment(first: frozenset[int], second: frozenset[int]) -> float:
    """The share of the smaller shingle set found in the other."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def _original_rank(doc: Document, index: int) -> tuple[int, str, int]:
    """Documents that name an original come last, then by date (undated last: a file's
    modification day says when it was saved, not written), then order."""
    dated = doc.published if doc.published_basis != "file" else None
    return (1 if doc.republished_from else 0, dated or "9999", index)


def _as_copy(doc: Document, original: Document) -> Document:
    republished = doc.republished_from
    if republished is None and (original.publisher or original.published):
        republished = Republication(
            publisher=original.publisher,
            url=original.source if _URL_SOURCE.match(original.source) else None,
            published=original.published,
        )
    return replace(doc, copy_of=original.id, republished_from=republished)


def _candidate_pairs(
    shingles: list[frozenset[int]], indexes: list[int]
) -> Iterator[tuple[int, int]]:
    """Pairs of ``indexes`` (earlier, later) that may be near copies: every pair in a small
    corpus; in a large one, a document and the earlier ones that share the most MinHash bands
    with it (those in the last _CANDIDATES of a bucket)."""
    if len(indexes) <= _PAIRWISE_LIMIT:
        yield from combinations(indexes, 2)
        return
    import numpy as np

    rng = np.random.default_rng(20200812)
    a = rng.integers(1, _PRIME, size=_PERMUTATIONS, dtype=np.int64)
    b = rng.integers(0, _PRIME, size=_PERMUTATIONS, dtype=np.int64)
    rows = _PERMUTATIONS // _BANDS
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for index in indexes:
        if not shingles[index]:
            continue
        values = np.fromiter(shingles[index], dtype=np.int64) % _PRIME
        signature = ((np.outer(a, values) + b[:, None]) % _PRIME).min(axis=1)
        shared: Counter[int] = Counter()
        for band in range(_BANDS):
            bucket = buckets.setdefault((band, signature[band * rows : (band + 1) * rows]
                                         .tobytes()), [])
            shared.update(bucket)
            bucket.append(index)
            del bucket[:-_CANDIDATES]
        closest = sorted(shared, key=lambda candidate: (-shared[candidate], -candidate))
        for candidate in sorted(closest[:_CANDIDATES]):
            yield candidate, index
