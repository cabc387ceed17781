"""Repeated quotes: independent reports that quote the same words agree on what was said.

A quotation (words between quotation marks, long enough to be telling) that reports of
different origins give word for word, give or take a few words, is one statement reported
alike: an agreement on what was said, whoever each report names as its speaker. Candidates
come from shared runs of ``QUOTED_RUN`` words, so the cost grows with the number of quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison
from ..union_find import UnionFind
from .text import origin_of, shorten, source_with_date

QUOTED_RUN = 8
"""Words in a row two quotes must share to be one quote."""
SAME_WORDS = 0.8
"""The share of the shorter quote's words the longer must hold."""

_QUOTATION = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{30,600})[\"\u201d]")
_WORD = re.compile(r"[^\W_]+")


def compare_quotes(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    quotes: list[tuple[ClaimRecord, str, tuple[str, ...], str]] = []  # claim, quote, words, origin
    by_document: dict[str, list[ClaimRecord]] = {}
    for record in claims:
        by_document.setdefault(record.document, []).append(record)
    for document, records in sorted(by_document.items()):
        analysis = by_id.get(document)
        if analysis is None:
            continue
        origin = origin_of(analysis, by_id)
        for match in _QUOTATION.finditer(analysis.document.text):
            words = tuple(w.lower() for w in _WORD.findall(match.group(1)))
            holder = next((r for r in records if r.claim.start < match.end(1)
                           and match.start(1) < r.claim.end), None)
            if holder is not None and len(words) >= QUOTED_RUN:
                quotes.append((holder, match.group(1).strip().rstrip(",;:"), words, origin))
    runs: dict[tuple[str, ...], list[int]] = {}
    for index, (_, _, words, _) in enumerate(quotes):
        for start in range(len(words) - QUOTED_RUN + 1):
            runs.setdefault(words[start:start + QUOTED_RUN], []).append(index)
    same = UnionFind(len(quotes))
    for members in runs.values():
        for i in members[1:]:
            first = members[0]
            if quotes[first][3] != quotes[i][3] and _alike(quotes[first][2], quotes[i][2]):
                same.union(first, i)
    comparisons = []
    for group in same.groups():
        chosen = sorted((quotes[i] for i in group), key=lambda q: q[0].id)
        if len({origin for _, _, _, origin in chosen}) < 2:
            continue
        comparisons.append(_agreement(chosen, by_id))
    return comparisons


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return len(set(shorter) & set(longer)) >= SAME_WORDS * len(set(shorter))


def _agreement(
    chosen: list[tuple[ClaimRecord, str, tuple[str, ...], str]], by_id: dict[str, Analysis]
) -> Comparison:
    claims = tuple(dict.fromkeys(record.id for record, _, _, _ in chosen))
    sources = ", ".join(dict.fromkeys(
        source_with_date(by_id[record.document].document) for record, _, _, _ in chosen))
    quote = shorten(max((q for _, q, _, _ in chosen), key=len), 140)
    return Comparison(
        id=record_id("u", *claims),
        question=f"Was this said: \u201c{shorten(quote, 90)}\u201d?",
        verdict="agree",
        claims=claims,
        explanation=f"{sources} quote the same words: \u201c{quote}\u201d.",
        kind="quote",
    )
