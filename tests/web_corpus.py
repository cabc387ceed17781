"""A small invented story (a ferry running aground) stored with hand-made annotations, for the
web app's tests: three articles that disagree on a count, one of them carrying hostile markup,
two of the places with (invented) coordinates for the map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from triangulate.model import (
    Analysis,
    Claim,
    ClaimRecord,
    Comparison,
    DocSpan,
    Entity,
    Event,
    EventMention,
    Geo,
    Mention,
    Quantity,
    Reconciliation,
    Sentence,
    Span,
    Stance,
    TimeExpression,
    TimelineEntry,
    TimeRange,
)
from triangulate.store import open_store

from .conftest import make_document

HOSTILE = '<script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2">'

TEXT_A = (
    "The ferry Gannet ran aground off Port Maddox on 2 March, officials said.\n\n"
    "Coast guard spokeswoman Ilse Varnum said 41 passengers were rescued from the vessel.\n\n"
    f"A reader comment read: {HOSTILE} and was removed."
)
TEXT_B = (
    "Rescuers brought 43 passengers ashore after the Gannet grounded near Port Maddox.\n\n"
    "Ilse Varnum said the rescue took four hours.\n\n"
    "The operator Brightwater Lines denied that the crew had ignored a storm warning."
)
TEXT_C = (
    "The Gannet, a ferry of Brightwater Lines, hit a sandbank near Port Maddox on 2 March.\n\n"
    "The harbour master said the crew had ignored a storm warning.\n\n"
    "Tugs from Skerry Point and Port Maddox stood by through the night."
)
PORT_GEO = Geo(57.05, -7.35, "GB")
SKERRY_GEO = Geo(57.6, -6.2, "GB")


def _at(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def paragraph_sentences(text: str) -> tuple[Sentence, ...]:
    """One sentence per paragraph (blocks of ``text`` between blank lines)."""
    spans, start = [], 0
    for block in text.split("\n\n"):
        spans.append(Sentence(start, start + len(block)))
        start += len(block) + 2
    return tuple(spans)


def _mention(text: str, phrase: str, kind: str, after: int = 0) -> Mention:
    start, end = _at(text, phrase, after)
    return Mention(start, end, phrase, kind, phrase)  # type: ignore[arg-type]


def _claim(
    text: str,
    content: str,
    speaker: str | None,
    stance: Stance = "asserted",
    quantities: tuple[Quantity, ...] = (),
) -> Claim:
    start, end = _at(text, content)
    speaker_span = Span(*_at(text, speaker)) if speaker else None
    return Claim(
        start,
        end,
        content,
        speaker=speaker_span,
        speaker_text=speaker,
        stance=stance,
        quantities=quantities,
    )


def _quantity(text: str, phrase: str, value: float, unit: str) -> Quantity:
    start, end = _at(text, phrase)
    return Quantity(start, end, phrase, value, unit)


def analyses() -> list[Analysis]:
    q41 = _quantity(TEXT_A, "41 passengers", 41, "passenger")
    q43 = _quantity(TEXT_B, "43 passengers", 43, "passenger")
    day = _at(TEXT_A, "2 March")
    day_c = _at(TEXT_C, "2 March")
    a = Analysis(
        document=make_document(
            TEXT_A,
            "tribune",
            title="Ferry Gannet runs aground <b>live</b>",
            publisher="Maddox Tribune",
            published="2023-03-03",
            published_basis="stated",
            authors=("Pia Lund",),
        ),
        sentences=paragraph_sentences(TEXT_A),
        mentions=(
            _mention(TEXT_A, "Gannet", "product"),
            _mention(TEXT_A, "Port Maddox", "location"),
            _mention(TEXT_A, "Ilse Varnum", "person"),
        ),
        times=(
            TimeExpression(
                *day, "2 March", "date", "2023-03-02", "2023-03-02", "2023-03-02", "day"
            ),
        ),
        quantities=(q41,),
        claims=(
            _claim(
                TEXT_A,
                "41 passengers were rescued from the vessel",
                "Ilse Varnum",
                quantities=(q41,),
            ),
        ),
        events=(
            EventMention(
                *_at(TEXT_A, "ran aground"),
                "ran aground",
                "grounding",
                Span(0, TEXT_A.index("\n")),
                date=TimeRange("2023-03-02"),
            ),
        ),
    )
    b = Analysis(
        document=make_document(
            TEXT_B,
            "courier",
            title="43 rescued from grounded ferry",
            publisher="Valley Courier",
            published="2023-03-05",
            published_basis="stated",
        ),
        sentences=paragraph_sentences(TEXT_B),
        mentions=(
            _mention(TEXT_B, "Gannet", "product"),
            _mention(TEXT_B, "Port Maddox", "location"),
            _mention(TEXT_B, "Ilse Varnum", "person"),
            _mention(TEXT_B, "Brightwater Lines", "organization"),
        ),
        quantities=(q43,),
        claims=(
            _claim(
                TEXT_B,
                "Rescuers brought 43 passengers ashore after the Gannet grounded near Port Maddox.",
                None,
                quantities=(q43,),
            ),
            _claim(
                TEXT_B,
                "the crew had ignored a storm warning",
                "The operator Brightwater Lines",
                stance="denied",
            ),
        ),
        events=(
            EventMention(
                *_at(TEXT_B, "grounded"), "grounded", "grounding", Span(0, TEXT_B.index("\n"))
            ),
        ),
    )
    c = Analysis(
        document=make_document(
            TEXT_C,
            "post",
            title="Sandbank stops ferry",
            publisher="Island Post",
            published="2023-03-04",
            published_basis="inferred",
        ),
        sentences=paragraph_sentences(TEXT_C),
        mentions=(
            _mention(TEXT_C, "Gannet", "product"),
            _mention(TEXT_C, "Port Maddox", "location"),
            _mention(TEXT_C, "Brightwater Lines", "organization"),
            _mention(TEXT_C, "Skerry Point", "location"),
            _mention(TEXT_C, "Port Maddox", "location", after=TEXT_C.index("Tugs")),
        ),
        times=(
            TimeExpression(
                *day_c, "2 March", "date", "2023-03-02", "2023-03-02", "2023-03-02", "day"
            ),
        ),
        claims=(_claim(TEXT_C, "the crew had ignored a storm warning", "The harbour master"),),
        events=(
            EventMention(
                *_at(TEXT_C, "hit a sandbank"),
                "hit a sandbank",
                "grounding",
                Span(0, TEXT_C.index("\n")),
                date=TimeRange("2023-03-02"),
            ),
        ),
    )
    return [a, b, c]


def reconciliation(items: list[Analysis]) -> Reconciliation:
    def spans(name: str) -> tuple[DocSpan, ...]:
        return tuple(
            DocSpan(x.document.id, m.start, m.end)
            for x in items
            for m in x.mentions
            if m.text == name
        )

    claims = tuple(
        ClaimRecord(f"c-{x.document.id}-{i}", x.document.id, claim, via=claim.via)
        for x in items
        for i, claim in enumerate(x.claims)
    )
    event_spans = tuple(DocSpan(x.document.id, e.start, e.end) for x in items for e in x.events)
    rescue = Event(
        "e-rescue",
        "rescue",
        "passengers rescued from the Gannet",
        "2023-03-02",
        claims=("c-tribune-0", "c-courier-0"),
        documents=("tribune", "courier"),
        mentions=(event_spans[0], event_spans[1]),
    )
    grounding = Event(
        "e-grounding",
        "grounding",
        "the Gannet runs aground near Port Maddox",
        "2023-03-02",
        places=("ent-port",),
        participants=("ent-gannet",),
        claims=("c-courier-1", "c-post-0"),
        documents=("tribune", "courier", "post"),
        mentions=event_spans,
    )
    return Reconciliation(
        entities=(
            Entity("ent-gannet", "Gannet", "product", ("Gannet",), spans("Gannet")),
            Entity(
                "ent-port",
                "Port Maddox",
                "location",
                ("Port Maddox",),
                spans("Port Maddox"),
                PORT_GEO,
            ),
            Entity(
                "ent-skerry",
                "Skerry Point",
                "location",
                ("Skerry Point",),
                spans("Skerry Point"),
                SKERRY_GEO,
            ),
            Entity("ent-varnum", "Ilse Varnum", "person", ("Ilse Varnum",), spans("Ilse Varnum")),
            Entity(
                "ent-brightwater",
                "Brightwater Lines",
                "organization",
                ("Brightwater Lines",),
                spans("Brightwater Lines"),
            ),
        ),
        claims=claims,
        events=(grounding, rescue),
        comparisons=(
            Comparison(
                "cmp-passengers",
                "How many passengers were rescued?",
                "conflict",
                ("c-tribune-0", "c-courier-0"),
                "Maddox Tribune (3 Mar) counts 41 passengers; Valley Courier (5 Mar) 43.",
            ),
            Comparison(
                "cmp-warning",
                "Did the crew ignore a storm warning?",
                "conflict",
                ("c-post-0", "c-courier-1"),
                "Island Post reports the harbour master saying so; the operator denies it.",
            ),
        ),
        timeline=(
            TimelineEntry(
                "2023-03-02",
                "e-grounding",
                grounding.summary,
                grounding.documents,
                status="disputed",
                supported_by=("c-courier-1",),
                disputed_by=("c-post-0",),
            ),
            TimelineEntry(
                "2023-03-02",
                "e-rescue",
                rescue.summary,
                rescue.documents,
                status="disputed",
                disputed_by=("c-tribune-0", "c-courier-0"),
            ),
        ),
        notes=("Hand-made test corpus.",),
    )


def store_story(
    path: Path, items: list[Analysis], reconcile: Callable[[list[Analysis]], Reconciliation]
) -> Path:
    """A store at ``path`` holding ``items`` and the reconciliation ``reconcile`` makes of them."""
    with open_store(path) as store:
        for analysis in items:
            store.put_analysis(analysis)
        store.put_reconciliation(reconcile(items))
    return path


def build_store(path: Path) -> Path:
    return store_story(path, analyses(), reconciliation)
