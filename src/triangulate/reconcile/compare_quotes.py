"""Repeated quotes: independent reports that quote the same words agree on what was said.

A quotation (as the claims stage finds them, ``find_quotes``; long enough to be telling) that
reports of different origins give word for word, give or take a few words, is one statement
reported alike: an agreement on what was said, whoever each report names as its speaker. Candidates
come from shared runs of ``QUOTED_RUN`` words, so the cost grows with the number of quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analyze.claim_quotes import find_quotes
from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison
from ..union_find import UnionFind
from .text import origin_of, shorten, source_with_date

QUOTED_RUN = 8
"""Words in a row two quotes must share to be one quote."""
SAME_WORDS = 0.8
"""The share of the shorter quote's words the longer must hold."""
SHORTEST_QUOTE, LONGEST_QUOTE = 30, 600
"""Characters between the marks of a quote told alike: shorter ones are stock phrases, a
longer stretch is more likely a mark left open than one quote."""

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Quote:
    claim: ClaimRecord  # the claim whose content holds the quotation
    text: str
    words: tuple[str, ...]
    origin: str  # the document it copies, else its own


def compare_quotes(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    quotes = _quotes(claims, by_id)
    runs: dict[tuple[str, ...], list[int]] = {}
    for index, quote in enumerate(quotes):
        for start in range(len(quote.words) - QUOTED_RUN + 1):
            runs.setdefault(quote.words[start:start + QUOTED_RUN], []).append(index)
    same = UnionFind(len(quotes))
    for first, *others in runs.values():
        for other in others:
            if quotes[first].origin != quotes[other].origin and _alike(
                    quotes[first].words, quotes[other].words):
                same.union(first, other)
    comparisons = []
    for group in same.groups():
        chosen = sorted((quotes[i] for i in group), key=lambda quote: quote.claim.id)
        if len({quote.origin for quote in chosen}) > 1:
            comparisons.append(_agreement(chosen, by_id))
    return comparisons


def _quotes(claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]) -> list[_Quote]:
    """The quotations of at least ``QUOTED_RUN`` words that lie in a claim."""
    by_document: dict[str, list[ClaimRecord]] = {}
    for record in claims:
        by_document.setdefault(record.document, []).append(record)
    found = []
    for document, records in sorted(by_document.items()):
        analysis = by_id.get(document)
        if analysis is None:
            continue
        origin = origin_of(analysis, by_id)
        text = analysis.document.text
        for quote in find_quotes(text):
            inner = quote.inner
            words = tuple(word.lower() for word in _WORD.findall(inner.of(text)))
            holder = next((r for r in records if r.claim.start < inner.end
                           and inner.start < r.claim.end), None)
            if holder is not None and len(words) >= QUOTED_RUN and (
                    SHORTEST_QUOTE <= inner.end - inner.start <= LONGEST_QUOTE):
                found.append(_Quote(holder, inner.of(text).strip().rstrip(",;:"), words, origin))
    return found


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return len(set(shorter) & set(longer)) >= SAME_WORDS * len(set(shorter))


def _agreement(chosen: list[_Quote], by_id: dict[str, Analysis]) -> Comparison:
    claims = tuple(dict.fromkeys(quote.claim.id for quote in chosen))
    sources = ", ".join(dict.fromkeys(
        source_with_date(by_id[quote.claim.document].document) for quote in chosen))
    quoted = shorten(max((quote.text for quote in chosen), key=len), 140)
    return Comparison(
        id=record_id("u", *claims),
        question=f"Was this said: \u201c{shorten(quoted, 90)}\u201d?",
        verdict="agree",
        claims=claims,
        explanation=f"{sources} quote the same words: \u201c{quoted}\u201d.",
        kind="quote",
    )
