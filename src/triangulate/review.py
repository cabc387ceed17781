"""Human adjudication: a person confirms, rejects or changes a comparison's verdict, merges or
splits entities and events, with a note; each decision is appended to the store's audit trail
and applied whenever the results are read (``adjudicated``), so that it outlives a new
reconciliation.

from triangulate.review import decide_in_store

outcome = decide_in_store(store, "set_verdict", "cmp-1", reviewer="Ana", verdict="update",
                          note="the later report covers two more days")
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import get_args

from .errors import TriangulateError
from .ids import distinct, record_id
from .model import (
    Adjudication,
    AdjudicationAction,
    AdjudicationOutcome,
    AdjudicationTarget,
    DocSpan,
    Entity,
    Event,
    Reconciliation,
    Verdict,
)
from .reconcile.adjudication import adjudicate
from .store import Store

ACTIONS: tuple[str, ...] = get_args(AdjudicationAction)
VERDICTS: tuple[str, ...] = get_args(Verdict)
TARGET_KINDS: dict[str, AdjudicationTarget] = {
    "confirm": "comparison",
    "reject": "comparison",
    "set_verdict": "comparison",
    "merge_entities": "entity",
    "split_entity": "entity",
    "merge_events": "event",
    "split_event": "event",
}
MAX_REVIEWER = 100
MAX_NOTE = 4000
MAX_NAME = 300
_MENTION = re.compile(r"^(?P<document>.+):(?P<start>\d{1,9})-(?P<end>\d{1,9})$")


class ReviewError(TriangulateError):
    """A decision that cannot be taken as asked."""


class UnknownRecord(ReviewError):
    """The comparison, entity or event a decision names does not exist."""


class InvalidDecision(ReviewError):
    """A decision that makes no sense: no reviewer, a merge of one record, a split of all."""


@dataclass(frozen=True)
class DecisionRequest:
    """What a person asks: ``action`` on the record ``target``; ``others`` are the records to
    merge into it; ``mentions`` those to split off into a new record named ``name``."""

    action: str
    target: str
    reviewer: str
    note: str = ""
    verdict: str | None = None
    others: tuple[str, ...] = ()
    mentions: tuple[DocSpan, ...] = ()
    name: str | None = None


def parse_mention(text: str) -> DocSpan:
    """``DOCUMENT:START-END`` (as forms and the command line write a mention) as a DocSpan."""
    match = _MENTION.match(text.strip())
    if match is None:
        raise InvalidDecision(f"{text[:80]!r} is not a mention (DOCUMENT:START-END)")
    start, end = int(match["start"]), int(match["end"])
    if end <= start:
        raise InvalidDecision(f"{text[:80]!r}: a mention ends after it starts")
    return DocSpan(match["document"], start, end)


def mention_key(mention: DocSpan) -> str:
    return f"{mention.document}:{mention.start}-{mention.end}"


def adjudicated(store: Store) -> Reconciliation:
    """The stored reconciliation with every decision of the audit trail applied."""
    return adjudicate(store.reconciliation(), store.adjudications())


def decide(
    reconciliation: Reconciliation, request: DecisionRequest, now: datetime | None = None
) -> Adjudication:
    """The decision ``request`` asks for, anchored in ``reconciliation`` (the results as people
    see them now, earlier decisions applied). Raises UnknownRecord or InvalidDecision."""
    action = request.action
    if action not in ACTIONS:
        raise InvalidDecision(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    reviewer = request.reviewer.strip()
    if not reviewer:
        raise InvalidDecision("a decision needs the name of who takes it")
    if len(reviewer) > MAX_REVIEWER or len(request.note) > MAX_NOTE:
        raise InvalidDecision(
            f"a reviewer's name is at most {MAX_REVIEWER} characters, a note {MAX_NOTE}"
        )
    name = (request.name or "").strip() or None
    if name is not None and len(name) > MAX_NAME:
        raise InvalidDecision(f"a name is at most {MAX_NAME} characters")
    kind = TARGET_KINDS[action]
    decided_at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    fields: dict[str, object] = {}
    if kind == "comparison":
        fields = _comparison_anchor(reconciliation, request)
    else:
        records: Sequence[Entity] | Sequence[Event] = (
            reconciliation.entities if kind == "entity" else reconciliation.events
        )
        fields = _mention_anchor(records, kind, request, name)
    parts = (action, request.target, reviewer, decided_at, request.note, sorted(fields.items()))
    return Adjudication(
        id=record_id("a", *parts),
        action=action,  # type: ignore[arg-type]  # checked against ACTIONS above
        target_kind=kind,
        target=request.target,
        reviewer=reviewer,
        decided_at=decided_at,
        note=request.note.strip(),
        **fields,  # type: ignore[arg-type]
    )


def _comparison_anchor(
    reconciliation: Reconciliation, request: DecisionRequest
) -> dict[str, object]:
    comparison = next((c for c in reconciliation.comparisons if c.id == request.target), None)
    if comparison is None:
        raise UnknownRecord(f"no comparison with id {request.target!r}")
    if request.action == "set_verdict":
        if request.verdict not in VERDICTS:
            raise InvalidDecision(f"set_verdict needs a verdict: one of {', '.join(VERDICTS)}")
        return {"claims": comparison.claims, "verdict": request.verdict}
    if request.verdict is not None:
        raise InvalidDecision(f"{request.action} takes no verdict (set_verdict does)")
    return {"claims": comparison.claims}


def _mention_anchor(
    records: Sequence[Entity] | Sequence[Event],
    kind: str,
    request: DecisionRequest,
    name: str | None,
) -> dict[str, object]:
    by_id = {r.id: r for r in records}
    if request.target not in by_id:
        raise UnknownRecord(f"no {kind} with id {request.target!r}")
    target = by_id[request.target]
    if request.action.startswith("merge"):
        others = tuple(distinct(o for o in request.others if o != request.target))
        if not others:
            raise InvalidDecision(f"a merge needs another {kind} than {request.target!r}")
        missing = [o for o in others if o not in by_id]
        if missing:
            raise UnknownRecord(f"no {kind} with id {missing[0]!r}")
        if kind == "entity":
            types = {by_id[i].type for i in (request.target, *others)}
            if len(types) > 1:
                raise InvalidDecision(f"cannot merge entities of different types ({types})")
        groups = tuple(by_id[i].mentions for i in (request.target, *others))
        return {"mentions": groups, "merged": others}
    moved = tuple(distinct(request.mentions))
    if not moved:
        raise InvalidDecision(f"a split needs the mentions to move out of {request.target!r}")
    held = set(target.mentions)
    stray = [m for m in moved if m not in held]
    if stray:
        raise InvalidDecision(f"{mention_key(stray[0])} is not a mention of {request.target!r}")
    if len(moved) == len(held):
        raise InvalidDecision("a split must leave some mentions where they are")
    return {"mentions": (moved,), "name": name}


def decide_in_store(
    store: Store,
    action: str,
    target: str,
    *,
    reviewer: str,
    note: str = "",
    verdict: str | None = None,
    others: Sequence[str] = (),
    mentions: Sequence[DocSpan] = (),
    name: str | None = None,
) -> AdjudicationOutcome:
    """Take a decision on the store's current results, append it to the audit trail, and say
    what it did (analysis is not run again: decisions apply when results are read)."""
    request = DecisionRequest(
        action, target, reviewer, note, verdict, tuple(others), tuple(mentions), name
    )
    decision = decide(adjudicated(store), request)
    store.add_adjudication(decision)
    return outcome_of(adjudicated(store), decision.id)


def outcome_of(reconciliation: Reconciliation, adjudication_id: str) -> AdjudicationOutcome:
    return next(o for o in reconciliation.adjudications if o.adjudication.id == adjudication_id)
