"""The disputes view: one row per question a reader would ask, its answers side by side.

Reconciliation makes one comparison per pair of groups of answers, so one question ("how many
were killed?") is often spread over several comparisons that share claims, each scoped to a
slightly different window and worded after its own claims ("died", "were killed", "dead"). Here
those are joined again: comparisons of one kind whose questions are the same, or the same apart
from their scope in brackets while sharing a claim, or that count with the same figure of one
claim, form one row. Each distinct claim is one answer; an answer from a document that copies
another (or is a later version of it) is folded under the original's answer with the same value,
as it is no independent source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from ..language.en.measures import QUALIFIER_WORDS
from ..model import (
    Analysis,
    ClaimRecord,
    Comparison,
    ComparisonKind,
    Quantity,
    Reconciliation,
    Review,
    Stance,
    Verdict,
)
from ..union_find import UnionFind
from .origins import Origins, document_label, outlet_of

DisputeOrder = Literal["contested", "importance"]

VERDICT_WEIGHT: dict[str, float] = {
    "conflict": 1.0,
    "omission": 0.5,
    "update": 0.25,
    "partial": 0.25,
    "agree": 0.0,
}
"""How much each verdict says the question is in dispute; ``contested`` is their mean."""

_SCOPE = re.compile(r"\s*\([^()]*\)\s*(?=\?$)")
_QUOTED = re.compile(r"“([^”]+)”")
EXCERPT_CHARS = 160
TITLE_VALUES = 3  # distinct values a row's title names before "…"
TITLE_WORDS = 8  # words of an answer a statement's title quotes


@dataclass(frozen=True)
class Answer:
    """One claim's answer to the question: who gives it, where, when, and the value.

    ``value`` is the words of the text (``more than 400 tons``), ``normalized`` the value as
    compared (``over 400 ton``; for a statement, its stance). ``copies`` are the same answer
    carried by documents that copy this one's document. ``copy_of`` names the original (outlet
    and date) when this answer comes from a copy or later version that gives another value
    than the original: a changed figure is shown, not folded away."""

    claim: str
    document: str
    start: int
    end: int
    outlet: str
    speaker: str | None
    speaker_entity: str | None
    published: str | None
    value: str
    normalized: str
    stance: Stance
    excerpt: str
    origin: str
    copies: tuple[Answer, ...] = ()
    copy_of: str | None = None


@dataclass(frozen=True)
class Judgement:
    """A verdict between answers of the row: one comparison of the reconciliation, with the
    person's review of it when there is one (``verdict`` is then the one in force)."""

    comparison: str
    verdict: Verdict
    question: str
    explanation: str
    claims: tuple[str, ...]
    review: Review | None = None


@dataclass(frozen=True)
class Dispute:
    """One question with every answer to it and the verdicts between them.

    ``contested`` is the mean weight of the verdicts (``VERDICT_WEIGHT``: 1 when every verdict
    is a conflict, 0 when all agree); ``importance`` is the number of independent origins that
    answer (copies count once). ``title`` is the question, followed by what tells the row
    apart when another row asks it in the same words ('How much money? — €110 billion vs
    $144 billion')."""

    id: str
    question: str
    title: str
    kind: ComparisonKind
    scopes: tuple[str, ...]
    answers: tuple[Answer, ...]
    judgements: tuple[Judgement, ...]
    verdicts: dict[str, int]
    conflicts: int
    distinct_values: int
    origins: int
    outlets: int
    claims: int
    contested: float
    importance: int


def base_question(question: str) -> str:
    """The question without its scope in brackets: 'How many died (Tarvos, 2011-02-04)?' gives
    'How many died?'."""
    return _SCOPE.sub("", question.strip())


def build_disputes(
    analyses: list[Analysis], reconciliation: Reconciliation, order: DisputeOrder = "contested"
) -> list[Dispute]:
    """Every question the comparisons answer, one row each, sorted by ``order``."""
    origins = Origins.of([a.document for a in analyses])
    claims = {c.id: c for c in reconciliation.claims}
    entities = {e.id: e.name for e in reconciliation.entities}
    rows = [
        _dispute(group, claims, entities, origins)
        for group in _question_groups(reconciliation.comparisons, claims)
    ]
    return sort_disputes(_distinguished(rows), order)


def _distinguished(rows: list[Dispute]) -> list[Dispute]:
    """Rows titled apart where their questions share their words: by their answers' values,
    and where those are alike too, by the scope of their first comparison."""
    asked = Counter(r.question for r in rows)
    titled = [
        replace(r, title=f"{r.question} — {_answers_in_brief(r)}") if asked[r.question] > 1 else r
        for r in rows
    ]
    titles = Counter(r.title for r in titled)
    return [
        replace(r, title=f"{r.title} ({scope})")
        if titles[r.title] > 1 and (scope := _scope(r.judgements[0].question))
        else r
        for r in titled
    ]


def _answers_in_brief(row: Dispute) -> str:
    """The row's distinct values ('€110 billion vs $144 billion'), or the words a statement's
    first answer begins with."""
    if not row.answers:
        return row.id
    if row.kind != "count":
        words = row.answers[0].excerpt.split()
        return f"“{' '.join(words[:TITLE_WORDS])}{'…' if len(words) > TITLE_WORDS else ''}”"
    first_of_value: dict[str, str] = {}
    for answer in row.answers:
        first_of_value.setdefault(answer.normalized, answer.value)
    values = list(first_of_value.values())
    shown = " vs ".join(values[:TITLE_VALUES])
    return f"{shown} …" if len(values) > TITLE_VALUES else shown


def _scope(question: str) -> str:
    found = _SCOPE.search(question.strip())
    return found.group().strip()[1:-1] if found else ""


def sort_disputes(rows: list[Dispute], order: DisputeOrder) -> list[Dispute]:
    """Most contested first (then most distinct values, then most origins), or most answered
    first (origins, then claims, then how contested)."""
    if order == "importance":
        return sorted(rows, key=lambda r: (-r.importance, -r.claims, -r.contested, r.id))
    return sorted(rows, key=lambda r: (-r.contested, -r.distinct_values, -r.importance, r.id))


def _question_groups(
    comparisons: tuple[Comparison, ...], claims: dict[str, ClaimRecord]
) -> list[list[Comparison]]:
    """Comparisons joined when of one kind and the same question, or the same question apart
    from its scope while sharing a claim, or counts that compare the same figure of a claim
    (its '80 deaths' answers 'How many people died?' and 'How many were confirmed?' alike,
    while its 'two hospitals' answers another question)."""
    links = UnionFind(len(comparisons))
    first_of_question: dict[tuple[str, str], int] = {}
    first_of_claim: dict[tuple[str, ...], int] = {}
    for index, comparison in enumerate(comparisons):
        exact = (comparison.kind, comparison.question.strip())
        links.union(first_of_question.setdefault(exact, index), index)
        for key in _answer_keys(comparison, claims):
            links.union(first_of_claim.setdefault(key, index), index)
    return [[comparisons[i] for i in group] for group in links.groups()]


def _answer_keys(comparison: Comparison, claims: dict[str, ClaimRecord]) -> list[tuple[str, ...]]:
    """What each claim of the comparison answers: for a count, the figure compared (claim and
    offsets); otherwise the claim under the question without its scope."""
    base = base_question(comparison.question)
    quoted = set(_QUOTED.findall(comparison.explanation))
    keys: list[tuple[str, ...]] = []
    for claim in comparison.claims:
        record = claims.get(claim)
        quantity = None
        if comparison.kind == "count" and record is not None:
            quantity = _answering_quantity(record, quoted, comparison.question.lower())
        if quantity is None:
            keys.append((comparison.kind, base, claim))
        else:
            keys.append((comparison.kind, claim, str(quantity.start), str(quantity.end)))
    return keys


def _dispute(
    group: list[Comparison],
    claims: dict[str, ClaimRecord],
    entities: dict[str, str],
    origins: Origins,
) -> Dispute:
    quoted = {phrase for c in group for phrase in _QUOTED.findall(c.explanation)}
    question_words = " ".join(c.question for c in group).lower()
    claim_ids = dict.fromkeys(x for c in group for x in c.claims if x in claims)
    answers = [
        _answer(claims[cid], group[0].kind, quoted, question_words, entities, origins)
        for cid in claim_ids
    ]
    folded = _fold_copies(answers, origins)
    verdicts = Counter(c.verdict for c in group)
    questions = Counter(base_question(c.question) for c in group)
    return Dispute(
        id=min(c.id for c in group),
        question=questions.most_common(1)[0][0],
        title=questions.most_common(1)[0][0],
        kind=group[0].kind,
        scopes=tuple(dict.fromkeys(c.question for c in group)),
        answers=folded,
        judgements=tuple(
            Judgement(c.id, c.verdict, c.question, c.explanation, c.claims, c.review) for c in group
        ),
        verdicts=dict(sorted(verdicts.items())),
        conflicts=verdicts["conflict"],
        distinct_values=len({a.normalized for a in answers}),
        origins=len({a.origin for a in answers}),
        outlets=len({a.outlet for a in answers}),
        claims=len(answers),
        contested=round(sum(VERDICT_WEIGHT[c.verdict] for c in group) / len(group), 3),
        importance=len({a.origin for a in answers}),
    )


def _answer(
    record: ClaimRecord,
    kind: ComparisonKind,
    quoted: set[str],
    question_words: str,
    entities: dict[str, str],
    origins: Origins,
) -> Answer:
    claim = record.claim
    document = origins.documents.get(record.document)
    speaker_entity = record.attributed_to if record.attributed_to in entities else None
    quantity = _answering_quantity(record, quoted, question_words) if kind == "count" else None
    if quantity is not None:
        value, normalized = quantity.text, quantity_value(quantity)
    else:
        value = excerpt(claim.text)
        normalized = claim.stance if claim.polarity == "positive" else f"{claim.stance}, negative"
    return Answer(
        claim=record.id,
        document=record.document,
        start=claim.start,
        end=claim.end,
        outlet=outlet_of(document),
        speaker=entities[speaker_entity] if speaker_entity else claim.speaker_text,
        speaker_entity=speaker_entity,
        published=document.published if document else None,
        value=value,
        normalized=normalized,
        stance=claim.stance,
        excerpt=excerpt(claim.text),
        origin=origins(record.document),
    )


def quantity_value(quantity: Quantity) -> str:
    """A quantity as compared: qualifier, value (or range) and unit, 'over 400 ton'."""
    amount = f"{quantity.value:g}"
    if quantity.value_max is not None and quantity.value_max != quantity.value:
        amount += f"–{quantity.value_max:g}"
    return f"{QUALIFIER_WORDS.get(quantity.qualifier, '')}{amount} {quantity.unit}".strip()


def _answering_quantity(
    record: ClaimRecord, quoted: set[str], question_words: str
) -> Quantity | None:
    """The figure of the claim that answers the question: the one the explanation quotes, else
    the one whose unit the question names, else the first."""
    found = [f.quantity for f in record.claim.facts] or list(record.claim.quantities)
    if not found:
        return None
    for quantity in found:
        if quantity.text in quoted:
            return quantity
    for quantity in found:
        if quantity.unit and quantity.unit.lower() in question_words:
            return quantity
    return found[0]


def _fold_copies(answers: list[Answer], origins: Origins) -> tuple[Answer, ...]:
    """Answers of one origin from several documents: those of the first document (the original
    when it answers, else the earliest) stay, the others fold under the one with their value;
    one whose value none of them gives stays an answer of its own, marked as a copy."""
    documents_of_origin: dict[str, list[str]] = {}
    for answer in answers:
        documents = documents_of_origin.setdefault(answer.origin, [])
        if answer.document not in documents:
            documents.append(answer.document)
    leading = {
        origin: min(docs, key=lambda d: (d != origin, _date_of(answers, d) or "9999", d))
        for origin, docs in documents_of_origin.items()
    }
    leaders = [a for a in answers if a.document == leading[a.origin]]
    copies: dict[str, list[Answer]] = {a.claim: [] for a in leaders}
    kept: list[Answer] = []
    for answer in answers:
        if answer.document == leading[answer.origin]:
            kept.append(answer)
            continue
        host = next(
            (a for a in leaders if a.origin == answer.origin and a.normalized == answer.normalized),
            None,
        )
        if host is None:
            original = origins.documents.get(leading[answer.origin])
            label = document_label(original, leading[answer.origin])
            kept.append(replace(answer, copy_of=label))
        elif answer.document not in {c.document for c in copies[host.claim]}:
            copies[host.claim].append(answer)
    return tuple(_with_copies(a, copies.get(a.claim, [])) for a in kept)


def _with_copies(answer: Answer, copies: list[Answer]) -> Answer:
    return replace(answer, copies=tuple(copies)) if copies else answer


def _date_of(answers: list[Answer], document: str) -> str | None:
    return next((a.published for a in answers if a.document == document), None)


def excerpt(text: str) -> str:
    """``text`` on one line, cut at a word to at most ``EXCERPT_CHARS`` characters."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"
