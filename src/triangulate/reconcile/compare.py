"""Claim alignment and verdicts: which claims answer the same question, and how they relate.

Three kinds of comparison are made:

* counts and amounts (``compare_facts``, ``compare_counts``) — the headline quantity of each
  claim's sentence, grouped by what is counted (unit family and the predicate of its clause),
  compared pair by pair across independent documents (agree, partial, update, conflict);
* denials (``compare_statements``) — a claim that denies what other sources assert (conflict);
  claims the analysis marked as denials whose proposition cannot be read are matched on their
  own words, as a fallback;
* repeated quotes (``compare_quotes``) — one quotation that independent reports give word for
  word, or one speaker's statement they word differently (agree);
* omissions (``compare_statements``) — a claim that says an account left something out, set
  beside the claims that state it (omission); and (``compare_readouts``) two sides' accounts of
  one call or meeting, one silent on what the other stresses (omission).

Each kind is a comparator registered by name (``comparator``): it reads the corpus's claims,
analyses and events, and the comparisons the comparators before it made, and returns its own.
``compare_claims`` runs the named ones in order (``DEFAULT_COMPARATORS``). Candidates for every
kind come from blocking (an inverted index of rare stems, or blocks of one counted family and
happening), so the cost grows with the number of claims and the size of the blocks, not with the
square of the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison, Event
from .blocking import StemIndex
from .compare_counts import compare_counts
from .compare_facts import _comparable, _Fact, _headline_facts, _linked_groups
from .compare_fates import compare_fates
from .compare_offices import compare_offices
from .compare_quotes import compare_quotes, compare_statements_alike
from .compare_readouts import compare_readouts
from .compare_statements import (
    OMISSION_CUE,
    compare_denials,
    compare_omissions,
    without_added_clause,
)
from .text import content_stems, overlap, shorten, source_with_date, story_of
from .timing import step

__all__ = [
    "COMPARATORS", "Comparator", "CorpusToCompare", "compare_claims", "comparator",
    "_Fact", "_comparable", "_headline_facts", "_linked_groups",
]

DENIAL_FLOOR = 0.5
DENIAL_SHARED_WORDS = 4


@dataclass(frozen=True)
class CorpusToCompare:
    """What every comparator reads: the analyses (by document id too), the corpus's claims and
    events, ``places``: (document id, place name) to the place's entity, and ``mentions``:
    (document id, start, end) of a name to its entity."""

    analyses: Sequence[Analysis]
    claims: Sequence[ClaimRecord]
    events: Sequence[Event] = ()
    places: Mapping[tuple[str, str], str] = field(default_factory=dict)
    mentions: Mapping[tuple[str, int, int], str] = field(default_factory=dict)

    @cached_property
    def by_id(self) -> dict[str, Analysis]:
        return {a.document.id: a for a in self.analyses}


Comparator = Callable[[CorpusToCompare, Sequence[Comparison]], list[Comparison]]
"""Makes one kind of comparison, given the corpus and the comparisons made before it."""

COMPARATORS: dict[str, Comparator] = {}
DEFAULT_COMPARATORS = (
    "counts", "denials", "omissions", "readouts", "quotes", "statements", "fates", "offices",
)


def comparator(name: str) -> Callable[[Comparator], Comparator]:
    """Register a comparator under ``name``."""

    def register(function: Comparator) -> Comparator:
        COMPARATORS[name] = function
        return function

    return register


def compare_claims(
    analyses: Sequence[Analysis],
    claims: Sequence[ClaimRecord],
    events: Sequence[Event] = (),
    places: Mapping[tuple[str, str], str] | None = None,
    comparators: Sequence[str] = DEFAULT_COMPARATORS,
    mentions: Mapping[tuple[str, int, int], str] | None = None,
) -> list[Comparison]:
    """Run the named comparators in order; without ``places`` places are told apart by their
    names, without ``mentions`` people too."""
    corpus = CorpusToCompare(analyses, claims, events, places or {}, mentions or {})
    comparisons: list[Comparison] = []
    for name in comparators:
        try:
            make = COMPARATORS[name]
        except KeyError:
            raise ValueError(
                f"no comparator named {name!r}; known: {', '.join(sorted(COMPARATORS))}"
            ) from None
        with step(f"comparisons: {name}"):
            comparisons += make(corpus, comparisons)
    return _versions_noted(comparisons, claims, corpus.by_id)


@comparator("counts")
def _counts(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_counts(corpus.claims, corpus.by_id, corpus.places)


@comparator("denials")
def _denials(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    by_id = corpus.by_id
    denials = compare_denials(corpus.claims, by_id)
    handled = {c.claims[0] for c in denials}
    return denials + _compare_denials(corpus.claims, by_id, handled)


@comparator("omissions")
def _omissions(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_omissions(corpus.claims, corpus.by_id)


@comparator("quotes")
def _quotes(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_quotes(corpus.claims, corpus.by_id)


@comparator("statements")
def _statements(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_statements_alike(corpus.claims, corpus.by_id, made)


@comparator("fates")
def _fates(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_fates(corpus.claims, corpus.by_id, corpus.mentions)


@comparator("offices")
def _offices(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_offices(corpus.claims, corpus.by_id, corpus.mentions)


@comparator("readouts")
def _readouts(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
    return compare_readouts(corpus.analyses, corpus.claims, corpus.events, made)


def _versions_noted(
    comparisons: list[Comparison], claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    """Agreements between versions of one story, reports of one outlet, or reports that all
    cite one source say that they confirm nothing independently."""
    story = {document: story_of(analysis, by_id) for document, analysis in by_id.items()}
    records = {record.id: record for record in claims}
    noted = []
    for comparison in comparisons:
        held = [records[claim] for claim in comparison.claims if claim in records]
        if comparison.verdict == "agree" and len(held) > 1:
            note = _not_independent(held, story, by_id)
            if note:
                comparison = replace(comparison, explanation=f"{comparison.explanation} {note}")
        noted.append(comparison)
    return noted


def _not_independent(
    held: list[ClaimRecord], story: dict[str, str], by_id: dict[str, Analysis]
) -> str | None:
    if len({story.get(record.document) for record in held}) == 1:
        return "Both are versions of one story, not independent confirmations."
    outlets = {by_id[record.document].document.publisher for record in held
               if record.document in by_id}
    if len(outlets) == 1 and None not in outlets:
        return f"All are reports of {outlets.pop()}: not independent confirmations."
    cited = {record.attributed_to for record in held}
    if len(cited) == 1 and None not in cited:
        speaker = held[0].claim.speaker_text or "one source"
        return f"All cite {shorten(speaker, 50)}: one source, repeated."
    return None


# ---- fallback: denials the analysis marked, matched on their words ------------------------


def _compare_denials(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis], handled: set[str]
) -> list[Comparison]:
    comparisons: list[Comparison] = []
    assertions = [record for record in claims
                  if record.claim.stance == "asserted" and record.claim.polarity == "positive"]
    assertion_stems = [content_stems(record.claim.text) for record in assertions]
    index: StemIndex | None = None
    for denial in claims:
        text = denial.claim.text
        if (
            denial.claim.stance != "denied"
            or denial.id in handled
            or OMISSION_CUE.search(text)
        ):
            continue
        denial_stems = content_stems(without_added_clause(denial.claim.text))
        index = index or StemIndex(assertion_stems)
        candidates = []
        for position in index.candidates(denial_stems):
            other, other_stems = assertions[position], assertion_stems[position]
            if other.id == denial.id:
                continue
            if other.document == denial.document and (
                other.attributed_to == denial.attributed_to
                or other.claim.speaker_text == denial.claim.speaker_text
            ):
                continue
            score = overlap(denial_stems, other_stems)
            needed = min(DENIAL_SHARED_WORDS, max(3, len(other_stems) - 2))
            if score >= DENIAL_FLOOR and len(denial_stems & other_stems) >= needed:
                candidates.append((score, other))
        if not candidates:
            continue
        candidates.sort(key=lambda pair: -pair[0])
        best = candidates[0][0]
        chosen = [c for score, c in candidates[:3] if score >= 0.9 * best]
        who = denial.claim.speaker_text or source_with_date(by_id[denial.document].document)
        asserted = "; ".join(
            f"{c.claim.speaker_text or source_with_date(by_id[c.document].document)}: "
            f"\u201c{shorten(c.claim.text, 90)}\u201d"
            for c in chosen
        )
        comparisons.append(
            Comparison(
                id=record_id("w", denial.id, *(c.id for c in chosen)),
                question=f"Is this so: \u201c{_quote(chosen[0].claim.text)}\u201d?",
                verdict="conflict",
                claims=(denial.id, *(c.id for c in chosen)),
                explanation=f"{who} denies it: \u201c{shorten(denial.claim.text, 120)}\u201d; "
                f"asserted by {asserted}.",
                kind="denial",
            )
        )
    return comparisons


def _quote(text: str) -> str:
    return shorten(text, 96).rstrip(".")
