"""Claim alignment and verdicts: which claims answer the same question, and how they relate.

Three kinds of comparison are made:

* counts and amounts — the headline quantity of each claim, grouped by what is counted, compared
  across independent documents when their contexts and time windows match (agree, update,
  conflict);
* denials — a claim that denies what other sources assert about the same matter (conflict);
* omissions — a claim that says an account left something out, set beside the claims that
  state it (omission).

Candidates for every kind come from an inverted index of rare stems (``blocking``), so the cost
grows with the number of claims and the size of the blocks, not with the square of the corpus.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Analysis, ClaimRecord, Comparison, Quantity, Verdict
from .blocking import StemIndex
from .text import content_stems, content_words, origin_of, overlap, shorten, source_with_date
from .units import describe, family, plural

_OMISSION_CUE = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|do not|failed to|made no|makes no|without)\s+"
    r"(?:mention(?:ing)?|refer(?:ring)? to|address(?:ing)?)\b|\bwas silent on\b|\bomitt?ed\b",
    re.IGNORECASE,
)
CONTEXT_FLOOR = 0.2
SAME_VALUE_CONTEXT_FLOOR = 0.12
DENIAL_FLOOR = 0.5
DENIAL_SHARED_WORDS = 4
_DENIAL_WORDS = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject(?:s|ed)?|refut(?:e|es|ed)|dismiss(?:es|ed)?|rebuff(?:s|ed)?"
    r"|(?:is|was|are|were)\s+(?:false|untrue|baseless))\b|\bnot\b[^.;]{0,160}?\bbut\b",
    re.IGNORECASE,
)
# Declining to speak is not denying: "has not commented", "did not confirm".
_NO_COMMENT = re.compile(
    r"\b(?:not|never|declined to|refused to)\s+(?:yet\s+)?(?:comment|respond|react|confirm|"
    r"disclose|specify|elaborate|answer)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Fact:
    record: ClaimRecord
    analysis: Analysis
    origin: str
    quantity: Quantity
    family: str
    stems: frozenset[str]
    window: tuple[str, str] | None


def compare_claims(analyses: Sequence[Analysis], claims: Sequence[ClaimRecord]) -> list[Comparison]:
    by_id = {a.document.id: a for a in analyses}
    comparisons = _compare_quantities(claims, by_id)
    comparisons += _compare_denials(claims, by_id)
    comparisons += _compare_omissions(claims, by_id)
    return comparisons


# ---- counts and amounts --------------------------------------------------------------------


def _headline_facts(claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]) -> list[_Fact]:
    facts = []
    origins: dict[str, str] = {}
    for record in claims:
        analysis = by_id[record.document]
        best: dict[str, Quantity] = {}
        for quantity in record.claim.quantities:
            kind = family(quantity.unit)
            if kind and (kind not in best or quantity.value > best[kind].value):
                best[kind] = quantity
        if not best:
            continue
        origin = origins.get(record.document)
        if origin is None:
            origin = origins[record.document] = origin_of(analysis, by_id)
        for kind, quantity in best.items():
            # The context is what surrounds the number: the counted words themselves do not count.
            stems = _context(analysis, record) - content_stems(quantity.text)
            window = _time_window(record)
            facts.append(_Fact(record, analysis, origin, quantity, kind, stems, window))
    return facts


def _context(analysis: Analysis, record: ClaimRecord) -> frozenset[str]:
    """The words around a claim: its own and the previous sentence's (a quoted figure often
    gets its subject from the sentence that introduces the quote)."""
    words = content_stems(record.claim.text)
    sentences = analysis.sentences
    index = bisect_right(sentences, record.claim.start, key=lambda s: s.start) - 1
    if index > 0 and record.claim.start < sentences[index].end:
        words |= content_stems(sentences[index - 1].of(analysis.document.text))
    return words


def _time_window(record: ClaimRecord) -> tuple[str, str] | None:
    time = record.claim.time
    if time is None or time.start is None:
        return None
    return time.start, time.end or time.start


def _comparable(a: _Fact, b: _Fact) -> bool:
    if a.origin == b.origin or a.family != b.family:
        return False
    same_value = a.quantity.value == b.quantity.value
    if overlap(a.stems, b.stems) < (SAME_VALUE_CONTEXT_FLOOR if same_value else CONTEXT_FLOOR):
        return False
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return True
    overlapping = wa[0][: len(wb[1])] <= wb[1] and wb[0][: len(wa[1])] <= wa[1]
    if same_value:
        return overlapping
    # A single day is a different scope from a span of days or a month.
    point_a = wa[0] == wa[1] and len(wa[0]) == 10
    point_b = wb[0] == wb[1] and len(wb[0]) == 10
    return (point_a and point_b and wa == wb) or (not point_a and not point_b and overlapping)


def _compare_quantities(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    facts = _headline_facts(claims, by_id)
    by_family: dict[str, list[_Fact]] = {}
    for fact in facts:
        by_family.setdefault(fact.family, []).append(fact)
    comparisons = []
    for group in by_family.values():
        for cluster in _linked_groups(group):
            totals = _totals(cluster)
            if len(totals) >= 2:
                comparisons.append(_quantity_comparison(totals))
    return comparisons


def _linked_groups(facts: list[_Fact]) -> list[list[_Fact]]:
    """Connected groups of facts under ``_comparable`` (union-find over blocked pairs: facts
    that share no rare context word are never tried)."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in StemIndex([fact.stems for fact in facts]).pairs():
        root_i, root_j = root(i), root(j)
        if root_i != root_j and _comparable(facts[i], facts[j]):
            parent[root_i] = root_j
    groups: dict[int, list[_Fact]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(root(i), []).append(fact)
    return list(groups.values())


def _totals(cluster: list[_Fact]) -> list[_Fact]:
    """One figure per independent source: where a source gives several counts of one thing
    ("nine flights ... two of them on 6 August"), the largest is its total, the rest are parts."""
    best: dict[str, _Fact] = {}
    for fact in cluster:
        kept = best.get(fact.origin)
        if kept is None or fact.quantity.value > kept.quantity.value:
            best[fact.origin] = fact
    return list(best.values())


def _quantity_comparison(cluster: list[_Fact]) -> Comparison:
    cluster = sorted(cluster, key=lambda f: (f.analysis.document.published or "", f.record.id))
    values = sorted({f.quantity.value for f in cluster})
    sides = "; ".join(
        f"{source_with_date(f.analysis.document)} gives {describe(f.quantity)}"
        f" (\u201c{shorten(f.quantity.text, 60)}\u201d)"
        for f in cluster
    )
    verdict: Verdict
    if len(values) == 1:
        verdict = "agree"
        explanation = f"{sides}: the same value."
    else:
        earliest, latest = cluster[0], cluster[-1]
        later_is_larger = (
            latest.quantity.value == values[-1] and earliest.quantity.value == values[0]
        )
        newer = (latest.analysis.document.published or "") > (
            earliest.analysis.document.published or ""
        )
        if len(values) == 2 and later_is_larger and newer and latest.family not in _NON_CUMULATIVE:
            verdict = "update"
            explanation = f"{sides}. The later report gives a higher count" + _date_difference(
                earliest, latest
            )
        else:
            verdict = "conflict"
            explanation = f"{sides}: the values differ ({', '.join(_fmt(v) for v in values)})."
    return Comparison(
        id=_id("q", cluster[0].record.id, *(f.record.id for f in cluster[1:])),
        question=_question(cluster),
        verdict=verdict,
        claims=tuple(dict.fromkeys(f.record.id for f in cluster)),
        explanation=explanation,
    )


_NON_CUMULATIVE = {"percent"}


def _date_difference(earliest: _Fact, latest: _Fact) -> str:
    """Which dated occurrences of the counted thing the later report has and the earlier lacks."""
    unit = earliest.family

    def dates(fact: _Fact) -> dict[str, int]:
        found: dict[str, int] = {}
        for event in fact.analysis.events:
            trigger = family(event.text)
            if trigger == unit and event.date and event.date.start and len(event.date.start) == 10:
                found[event.date.start] = max(found.get(event.date.start, 0), event.count or 1)
        return found

    old, new = dates(earliest), dates(latest)
    extra = {d: n for d, n in new.items() if d not in old}
    missing = [d for d in old if d not in new]
    if not extra and not missing:
        return "."
    parts = []
    if extra:
        listed = ", ".join(
            f"{d} ({n} {plural(unit) if n != 1 else unit})" for d, n in sorted(extra.items())
        )
        same = "the same dates plus " if old and set(old) <= set(new) else ""
        parts.append(f"{source_with_date(latest.analysis.document)} lists {same}{listed}")
    if missing:
        parts.append(f"it lacks {', '.join(sorted(missing))}")
    return ": " + "; ".join(parts) + "."


def _question(cluster: list[_Fact]) -> str:
    unit = cluster[0].family
    windows = [f.window for f in cluster if f.window]
    scope = ""
    if windows:
        start = min(w[0] for w in windows)
        end = max(w[1] for w in windows)
        scope = f", {start}" if start == end else f", {start} to {end}"
    shared = frozenset.intersection(*(f.stems for f in cluster))
    words = content_words(cluster[0].record.claim.text)
    topic = " ".join(word for key, word in words.items() if key in shared)
    topic = shorten(topic, 60)
    what = (
        f"How many {plural(unit)}" if unit not in ("usd", "eur", "gbp", "rub") else "How much money"
    )
    return f"{what} ({topic}{scope})?" if topic else f"{what}{scope}?"


# ---- denials -------------------------------------------------------------------------------


def _compare_denials(claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]) -> list[Comparison]:
    comparisons: list[Comparison] = []
    assertions = [record for record in claims if record.claim.stance == "asserted"]
    assertion_stems = [content_stems(record.claim.text) for record in assertions]
    index: StemIndex | None = None
    for denial in claims:
        text = denial.claim.text
        if (
            denial.claim.stance != "denied"
            or _OMISSION_CUE.search(text)
            or _NO_COMMENT.search(text)
            or not _is_denial(by_id[denial.document], denial)
        ):
            continue
        denial_stems = content_stems(denial.claim.text)
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
                id=_id("d", denial.id, *(c.id for c in chosen)),
                question=f"Is this so: \u201c{_quote(chosen[0].claim.text)}\u201d?",
                verdict="conflict",
                claims=(denial.id, *(c.id for c in chosen)),
                explanation=f"{who} denies it: \u201c{shorten(denial.claim.text, 120)}\u201d; "
                f"asserted by {asserted}.",
            )
        )
    return comparisons


def _is_denial(analysis: Analysis, record: ClaimRecord) -> bool:
    """A denial rejects something: a denial verb in its sentence, or "not X but Y"; a plain
    negative statement ("the treaty did not apply") is not one."""
    sentence = analysis.sentence_of(record.claim) or record.claim
    return bool(_DENIAL_WORDS.search(sentence.of(analysis.document.text)))


# ---- omissions -----------------------------------------------------------------------------


def _compare_omissions(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    comparisons: list[Comparison] = []
    claim_stems: list[frozenset[str]] = []
    index: StemIndex | None = None
    for record in claims:
        match = _OMISSION_CUE.search(record.claim.text)
        if not match:
            continue
        topic = content_stems(record.claim.text[match.end() :])
        if not topic:
            continue
        if index is None:
            claim_stems = [content_stems(other.claim.text) for other in claims]
            index = StemIndex(claim_stems)
        stating = []
        for position in index.candidates(topic):
            other = claims[position]
            if other.id == record.id:
                continue
            shared = topic & claim_stems[position]
            if len(shared) >= min(2, len(topic)):
                stating.append((len(shared), other))
        if not stating:
            continue
        stating.sort(key=lambda pair: -pair[0])
        chosen = [c for _, c in stating[:2]]
        omitted = shorten(record.claim.text[match.end() :].strip(" .,"), 80)
        comparisons.append(
            Comparison(
                id=_id("o", record.id, *(c.id for c in chosen)),
                question=f"Does every account mention {omitted}?",
                verdict="omission",
                claims=(record.id, *(c.id for c in chosen)),
                explanation=(
                    f"{source_with_date(by_id[record.document].document)} reports that an account "
                    f"left out {omitted}, which "
                    + " and ".join(source_with_date(by_id[c.document].document) for c in chosen)
                    + " state."
                ),
            )
        )
    return comparisons


def _quote(text: str) -> str:
    return shorten(text, 96).rstrip(".")


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 1e6 else f"{value:,.0f}"


def _id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]
