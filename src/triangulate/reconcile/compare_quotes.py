"""Repeated quotes and statements: independent reports that tell what was said alike agree.

A quotation (as the claims stage finds them, ``find_quotes``; long enough to be telling) that
reports of different origins give word for word, give or take a few words, is one statement
reported alike: an agreement on what was said, whoever each report names as its speaker. Candidates
come from shared runs of ``QUOTED_RUN`` words, so the cost grows with the number of quotes.

A statement one speaker is reported to make in other words by independent reports ("The bay is
not deep enough for us to expect a tsunami" / "Because the bay is shallow, a tsunami is not
expected", both the same seismologist's) is told alike too: the same speaker (as an
entity), the same stance and polarity, no count (counts are compared as counts), and most of
their content words shared. Candidates are one speaker's claims that share a rare word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analyze.claim_quotes import find_quotes
from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison, ComparisonKind
from ..union_find import UnionFind
from .blocking import StemIndex
from .text import content_stems, origin_of, shorten, source_with_date

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
    return _told_alike_comparison(
        "quote", claims, f"Was this said: \u201c{shorten(quoted, 90)}\u201d?",
        f"{sources} quote the same words: \u201c{quoted}\u201d.")


SAME_STATEMENT = 0.3
"""The share of two statements' content words (shared over all) that makes them one statement."""
SHARED_WORDS = 3
"""The fewest content words one statement told twice shares: fewer say too little."""


@dataclass(frozen=True)
class _Statement:
    claim: ClaimRecord
    stems: frozenset[str]
    origin: str


def compare_statements_alike(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis], made: Sequence[Comparison]
) -> list[Comparison]:
    """One speaker's statements that independent reports word differently, not already joined
    by an earlier comparison (a quote told word for word)."""
    joined = {frozenset(c.claims) for c in made if len(c.claims) == 2} | {
        frozenset((a, b)) for c in made if c.kind == "quote" for a in c.claims for b in c.claims
    }
    by_speaker: dict[str, list[_Statement]] = {}
    origins: dict[str, str] = {}
    for record in claims:
        analysis = by_id.get(record.document)
        if not record.attributed_to or record.claim.facts or analysis is None:
            continue
        if record.document not in origins:
            origins[record.document] = origin_of(analysis, by_id)
        by_speaker.setdefault(record.attributed_to, []).append(_Statement(
            record, frozenset(content_stems(record.claim.text)), origins[record.document]))
    comparisons = []
    for statements in by_speaker.values():
        same = UnionFind(len(statements))
        for i, j in StemIndex([s.stems for s in statements]).pairs():
            if _told_alike(statements[i], statements[j]) and frozenset(
                    (statements[i].claim.id, statements[j].claim.id)) not in joined:
                same.union(i, j)
        for group in same.groups():
            chosen = sorted((statements[i] for i in group), key=lambda s: s.claim.id)
            if len({s.origin for s in chosen}) > 1:
                comparisons.append(_statement_agreement(chosen, by_id))
    return comparisons


def _told_alike(a: _Statement, b: _Statement) -> bool:
    if a.origin == b.origin:
        return False
    ca, cb = a.claim.claim, b.claim.claim
    if (ca.stance, ca.polarity) != (cb.stance, cb.polarity):
        return False
    shared = len(a.stems & b.stems)
    return shared >= SHARED_WORDS and shared >= SAME_STATEMENT * len(a.stems | b.stems)


def _statement_agreement(chosen: list[_Statement], by_id: dict[str, Analysis]) -> Comparison:
    claims = tuple(dict.fromkeys(s.claim.id for s in chosen))
    speaker = chosen[0].claim.claim.speaker_text or "The speaker"
    told = "; ".join(
        f"{source_with_date(by_id[s.claim.document].document)}: "
        f"\u201c{shorten(s.claim.claim.text, 120)}\u201d" for s in chosen)
    return _told_alike_comparison(
        "statement", claims,
        f"What did {speaker} say: \u201c{shorten(chosen[0].claim.claim.text, 80)}\u201d?",
        f"{told}: {speaker}'s statement, reported {_how_worded(chosen)}.")


def _how_worded(chosen: list[_Statement]) -> str:
    worded = {tuple(_WORD.findall(s.claim.claim.text.lower())) for s in chosen}
    return "in the same words" if len(worded) == 1 else "in other words"


_ID_PREFIX: dict[ComparisonKind, str] = {"quote": "u", "statement": "s"}


def _told_alike_comparison(
    kind: ComparisonKind, claims: tuple[str, ...], question: str, explanation: str
) -> Comparison:
    return Comparison(id=record_id(_ID_PREFIX[kind], *claims), question=question,
                      verdict="agree", claims=claims, explanation=explanation, kind=kind)
