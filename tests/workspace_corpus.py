"""A small invented story (a ferry rescue) built by hand for the disputes and sources views:
one question split over two overlapping comparisons, a copy of one article, a denial, an
agreement between independent outlets, and a question asked again about other claims."""

from __future__ import annotations

from pathlib import Path

from triangulate.model import (
    Analysis,
    Claim,
    ClaimRecord,
    Comparison,
    ComparisonKind,
    Entity,
    Fact,
    Quantity,
    Reconciliation,
    Republication,
    Span,
    Stance,
    Verdict,
)

from .conftest import make_document
from .web_corpus import paragraph_sentences, store_story

HERALD = (
    "Coast guard spokeswoman Ilse Varnum said 41 passengers and 3 crew were rescued.\n\n"
    "Two tugs stood by through the night, the harbour office said."
)
COPY = HERALD + "\n\nFirst published by the Harbour Herald."  # carried word for word
COURIER = (
    "Rescuers brought 43 passengers ashore, the operator said.\n\n"
    "Two tugs stood by, officials said.\n\n"
    "The operator Brightwater Lines denied that the crew had ignored a storm warning."
)
POST = (
    "The harbour master said the crew had ignored a storm warning.\n\n"
    "Seven lifeboats were launched, the harbour master said.\n\n"
    "Two tugs stood by at dawn, the harbour master said."
)
WIRE = "Seven lifeboats were launched, a pilot said.\n\nFive lifeboats were launched, a pilot said."


def _quantity(text: str, phrase: str, value: float, unit: str, after: int = 0) -> Quantity:
    start = text.index(phrase, after)
    return Quantity(start, start + len(phrase), phrase, value, unit)


def _claim(
    text: str,
    content: str,
    speaker: str | None,
    figures: tuple[tuple[str, float, str], ...] = (),
    stance: Stance = "asserted",
) -> Claim:
    start = text.index(content)
    quantities = tuple(_quantity(text, p, v, u, start) for p, v, u in figures)
    speaker_span = None
    if speaker:
        at = text.index(speaker)
        speaker_span = Span(at, at + len(speaker))
    return Claim(
        start,
        start + len(content),
        content,
        speaker=speaker_span,
        speaker_text=speaker,
        stance=stance,
        quantities=quantities,
        facts=tuple(Fact(q) for q in quantities),
    )


def analyses() -> list[Analysis]:
    rescued = "41 passengers and 3 crew were rescued"
    tugs = "Two tugs stood by through the night"
    herald_claims = (
        _claim(
            HERALD,
            rescued,
            "Ilse Varnum",
            (("3 crew", 3, "crew"), ("41 passengers", 41, "passenger")),
        ),
        _claim(HERALD, tugs, "the harbour office", (("Two tugs", 2, "tug"),)),
    )
    copy_claims = (
        _claim(
            COPY,
            rescued,
            "Ilse Varnum",
            (("3 crew", 3, "crew"), ("41 passengers", 41, "passenger")),
        ),
        _claim(COPY, tugs, "the harbour office", (("Two tugs", 2, "tug"),)),
    )
    return [
        Analysis(
            make_document(
                HERALD,
                "herald",
                title="Ferry passengers rescued",
                publisher="Harbour Herald",
                published="2023-03-03",
            ),
            sentences=paragraph_sentences(HERALD),
            claims=herald_claims,
        ),
        Analysis(
            make_document(
                COPY,
                "daily",
                title="Ferry passengers rescued",
                publisher="Coast Daily",
                published="2023-03-04",
                copy_of="herald",
            ),
            sentences=paragraph_sentences(COPY),
            claims=copy_claims,
        ),
        Analysis(
            make_document(
                COURIER,
                "courier",
                title="43 brought ashore",
                publisher="Valley Courier",
                published="2023-03-05",
            ),
            sentences=paragraph_sentences(COURIER),
            claims=(
                _claim(
                    COURIER,
                    "Rescuers brought 43 passengers ashore",
                    "the operator",
                    (("43 passengers", 43, "passenger"),),
                ),
                _claim(COURIER, "Two tugs stood by", "officials", (("Two tugs", 2, "tug"),)),
                _claim(
                    COURIER,
                    "the crew had ignored a storm warning",
                    "The operator Brightwater Lines",
                    stance="denied",
                ),
            ),
        ),
        Analysis(
            make_document(
                POST,
                "post",
                title="Harbour master blames crew",
                publisher="Island Post",
                published="2023-03-04",
            ),
            sentences=paragraph_sentences(POST),
            claims=(
                _claim(POST, "the crew had ignored a storm warning", "The harbour master"),
                _claim(
                    POST,
                    "Seven lifeboats were launched",
                    "the harbour master",
                    (("Seven lifeboats", 7, "lifeboat"),),
                ),
                _claim(
                    POST,
                    "Two tugs stood by at dawn",
                    "the harbour master",
                    (("Two tugs", 2, "tug"),),
                ),
            ),
        ),
        Analysis(
            make_document(
                WIRE,
                "wire",
                title="Lifeboats launched",
                publisher="Pilot Wire",
                published="2023-03-06",
                republished_from=Republication(publisher="Pilots' Gazette", published="2023-03-05"),
            ),
            sentences=paragraph_sentences(WIRE),
            claims=(
                _claim(
                    WIRE,
                    "Seven lifeboats were launched",
                    "a pilot",
                    (("Seven lifeboats", 7, "lifeboat"),),
                ),
                _claim(
                    WIRE,
                    "Five lifeboats were launched",
                    "a pilot",
                    (("Five lifeboats", 5, "lifeboat"),),
                ),
            ),
        ),
    ]


def _comparison(
    key: str,
    question: str,
    verdict: Verdict,
    claims: tuple[str, ...],
    explanation: str,
    kind: ComparisonKind = "count",
) -> Comparison:
    return Comparison(key, question, verdict, claims, explanation, kind)


def reconciliation(items: list[Analysis]) -> Reconciliation:
    claims = tuple(
        ClaimRecord(
            f"{a.document.id}-{i}",
            a.document.id,
            claim,
            attributed_to="ent-varnum" if claim.speaker_text == "Ilse Varnum" else None,
        )
        for a in items
        for i, claim in enumerate(a.claims)
    )
    return Reconciliation(
        entities=(Entity("ent-varnum", "Ilse Varnum", "person", ("Ilse Varnum",)),),
        claims=claims,
        comparisons=(
            _comparison(
                "cmp-rescued-1",
                "How many passengers were rescued (Port Maddox, 2023-03-02)?",
                "conflict",
                ("herald-0", "courier-0"),
                "Harbour Herald gives 41 passengers (“41 passengers”); "
                "Valley Courier 43 (“43 passengers”).",
            ),
            _comparison(
                "cmp-rescued-2",
                "How many passengers were rescued (2023-03-01 to 2023-03-05)?",
                "conflict",
                ("daily-0", "courier-0"),
                "Coast Daily gives 41 passengers (“41 passengers”); "
                "Valley Courier 43 (“43 passengers”).",
            ),
            _comparison(
                "cmp-tugs",
                "How many tugs stood by?",
                "agree",
                ("herald-1", "courier-1", "post-2"),
                "Harbour Herald and Valley Courier both count two tugs (“Two tugs”).",
            ),
            _comparison(
                "cmp-warning",
                "Is this so: “the crew had ignored a storm warning”?",
                "conflict",
                ("post-0", "courier-2"),
                "Brightwater Lines denies what the harbour master says.",
                kind="denial",
            ),
            _comparison(
                "cmp-lifeboats-1",
                "How many lifeboats were launched?",
                "agree",
                ("post-1", "wire-0"),
                "Island Post and Pilot Wire count seven lifeboats.",
            ),
            _comparison(
                "cmp-lifeboats-2",
                "How many lifeboats were launched (2023-03-06)?",
                "update",
                ("wire-1", "wire-0"),
                "Pilot Wire gives seven, then five lifeboats.",
            ),
        ),
    )


def build_store(path: Path) -> Path:
    return store_story(path, analyses(), reconciliation)
