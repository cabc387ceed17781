"""People's decisions applied to hand-built reconciliations: verdicts confirmed, rejected and
changed, entities and events merged and split, decisions that outlive a new reconciliation, and
decisions whose anchor is gone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from triangulate.model import (
    Claim,
    ClaimRecord,
    Comparison,
    DocSpan,
    Entity,
    Event,
    Reconciliation,
    TimelineEntry,
)
from triangulate.reconcile.adjudication import adjudicate
from triangulate.review import DecisionRequest, InvalidDecision, UnknownRecord, decide

NOW = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
VARNUM_A = DocSpan("a", 10, 22)
VARNUM_B = DocSpan("b", 0, 5)
ILSE = DocSpan("c", 40, 44)
PORT_A = DocSpan("a", 50, 61)
GROUNDING_A = DocSpan("a", 5, 12)
GROUNDING_B = DocSpan("b", 30, 38)
GROUNDING_C = DocSpan("c", 7, 12)


def _claim(claim_id: str, document: str, about: tuple[str, ...] = ()) -> ClaimRecord:
    return ClaimRecord(claim_id, document, Claim(0, 5, "words"), attributed_to=None, about=about)


def _base() -> Reconciliation:
    return Reconciliation(
        entities=(
            Entity("e-varnum", "Ilse Varnum", "person", ("Varnum",), (VARNUM_A, VARNUM_B)),
            Entity("e-ilse", "Ilse", "person", (), (ILSE,)),
            Entity("e-port", "Port Maddox", "location", (), (PORT_A,)),
        ),
        claims=(
            _claim("c-a", "a", ("e-varnum",)),
            _claim("c-b", "b", ("e-varnum",)),
            _claim("c-c", "c", ("e-ilse",)),
        ),
        events=(
            Event(
                "v-grounding", "grounding", "The ferry ran aground", "2023-03-02",
                participants=("e-varnum",), claims=("c-a", "c-b"), documents=("a", "b"),
                mentions=(GROUNDING_A, GROUNDING_B),
            ),
            Event(
                "v-sandbank", "grounding", "The ferry hit a sandbank", "2023-03-02",
                claims=("c-c",), documents=("c",), mentions=(GROUNDING_C,),
            ),
        ),
        comparisons=(
            Comparison("cmp-1", "How many were rescued?", "conflict", ("c-a", "c-b"), "41 / 43"),
            Comparison("cmp-2", "Was a warning ignored?", "agree", ("c-b", "c-c"), "both say"),
        ),
        timeline=(
            TimelineEntry("2023-03-02", "v-grounding", "ran aground", ("a", "b"),
                          status="consensus", supported_by=("c-a", "c-b")),
            TimelineEntry("2023-03-02", "v-sandbank", "hit a sandbank", ("c",),
                          supported_by=("c-c",)),
        ),
    )


def _decide(reconciliation: Reconciliation, action: str, target: str, **fields: object):
    request = DecisionRequest(action, target, reviewer="Ana", note="checked", **fields)  # type: ignore[arg-type]
    return decide(reconciliation, request, now=NOW)


def test_no_decisions_leave_the_reconciliation_as_it_is() -> None:
    base = _base()
    assert adjudicate(base, []) is base


def test_a_changed_verdict_shows_with_the_machines_verdict_kept() -> None:
    base = _base()
    decision = _decide(base, "set_verdict", "cmp-1", verdict="update")
    result = adjudicate(base, [decision])
    changed = result.comparisons[0]
    assert changed.verdict == "update"
    assert changed.review is not None
    assert changed.review.machine_verdict == "conflict"
    assert (changed.review.reviewer, changed.review.note) == ("Ana", "checked")
    assert changed.review.decided_at == "2026-01-05T09:30:00+00:00"
    assert result.comparisons[1] == base.comparisons[1]
    (outcome,) = result.adjudications
    assert (outcome.status, outcome.targets) == ("applied", ("cmp-1",))


def test_confirm_keeps_the_verdict_and_records_the_review() -> None:
    base = _base()
    result = adjudicate(base, [_decide(base, "confirm", "cmp-2")])
    confirmed = result.comparisons[1]
    assert confirmed.verdict == "agree"
    assert confirmed.review is not None and confirmed.review.action == "confirm"


def test_a_later_decision_supersedes_an_earlier_one_on_the_same_claims() -> None:
    base = _base()
    first = _decide(base, "set_verdict", "cmp-1", verdict="update")
    second = decide(
        base, DecisionRequest("reject", "cmp-1", "Ben", "not the same count"),
        now=NOW.replace(hour=10),
    )
    result = adjudicate(base, [first, second])
    assert result.comparisons[0].verdict == "conflict"
    assert result.comparisons[0].review is not None
    assert result.comparisons[0].review.action == "reject"
    assert [o.status for o in result.adjudications] == ["superseded", "applied"]


def test_a_verdict_decision_outlives_a_new_reconciliation_that_changed_the_ids() -> None:
    base = _base()
    decision = _decide(base, "set_verdict", "cmp-1", verdict="partial")
    again = replace(
        base,
        comparisons=(
            replace(base.comparisons[0], id="cmp-1-new"),
            base.comparisons[1],
        ),
    )
    result = adjudicate(again, [decision])
    assert result.comparisons[0].id == "cmp-1-new"
    assert result.comparisons[0].verdict == "partial"
    assert result.adjudications[0].targets == ("cmp-1-new",)


def test_a_decision_follows_a_comparison_that_grew_with_more_documents() -> None:
    base = _base()
    decision = _decide(base, "set_verdict", "cmp-1", verdict="update")
    grown = replace(
        base,
        comparisons=(replace(base.comparisons[0], id="cmp-x", claims=("c-a", "c-b", "c-d")),),
    )
    result = adjudicate(grown, [decision])
    assert result.comparisons[0].verdict == "update"


def test_a_decision_whose_claims_are_gone_no_longer_applies_and_is_kept() -> None:
    base = _base()
    decision = _decide(base, "set_verdict", "cmp-1", verdict="agree")
    gone = replace(base, comparisons=(base.comparisons[1],))
    result = adjudicate(gone, [decision])
    assert result.comparisons == gone.comparisons
    (outcome,) = result.adjudications
    assert outcome.status == "no_longer_applies"
    assert outcome.adjudication == decision


def test_merging_two_entities_gives_one_with_both_mentions_and_names() -> None:
    base = _base()
    decision = _decide(base, "merge_entities", "e-varnum", others=("e-ilse",))
    result = adjudicate(base, [decision])
    assert [e.id for e in result.entities] == ["e-varnum", "e-port"]
    merged = result.entities[0]
    assert set(merged.mentions) == {VARNUM_A, VARNUM_B, ILSE}
    assert set(merged.aliases) == {"Ilse Varnum", "Varnum", "Ilse"}
    assert merged.reviews == (decision.id,)
    assert result.claims[2].about == ("e-varnum",)  # references follow the merge


def test_a_merge_outlives_new_entity_ids() -> None:
    base = _base()
    decision = _decide(base, "merge_entities", "e-varnum", others=("e-ilse",))
    renamed = replace(
        base,
        entities=(
            replace(base.entities[0], id="e-varnum-2"),
            replace(base.entities[1], id="e-ilse-2"),
            base.entities[2],
        ),
    )
    result = adjudicate(renamed, [decision])
    assert [e.id for e in result.entities] == ["e-varnum-2", "e-port"]
    assert ILSE in result.entities[0].mentions


def test_splitting_an_entity_moves_the_named_mentions_to_a_new_one() -> None:
    base = _base()
    decision = _decide(
        base, "split_entity", "e-varnum", mentions=(VARNUM_B,), name="Ilse Varnum's sister"
    )
    result = adjudicate(base, [decision])
    original, split_off = result.entities[0], result.entities[1]
    assert original.mentions == (VARNUM_A,)
    assert split_off.mentions == (VARNUM_B,)
    assert split_off.name == "Ilse Varnum's sister"
    assert split_off.id != original.id and split_off.reviews == (decision.id,)
    # the claim read only in document b now refers to the new entity
    assert result.claims[1].about == (split_off.id,)
    assert result.claims[0].about == ("e-varnum",)


def test_a_split_whose_mentions_are_gone_no_longer_applies() -> None:
    base = _base()
    decision = _decide(base, "split_entity", "e-varnum", mentions=(VARNUM_B,))
    without_b = replace(base, entities=(replace(base.entities[0], mentions=(VARNUM_A,)),))
    result = adjudicate(without_b, [decision])
    assert result.entities == without_b.entities
    assert result.adjudications[0].status == "no_longer_applies"


def test_merging_and_splitting_events_carries_claims_and_the_timeline() -> None:
    base = _base()
    merge = _decide(base, "merge_events", "v-grounding", others=("v-sandbank",))
    merged = adjudicate(base, [merge])
    (event,) = merged.events
    assert event.id == "v-grounding"
    assert set(event.mentions) == {GROUNDING_A, GROUNDING_B, GROUNDING_C}
    assert event.claims == ("c-a", "c-b", "c-c") and event.documents == ("a", "b", "c")
    assert [t.event for t in merged.timeline] == ["v-grounding"]
    assert merged.timeline[0].documents == ("a", "b", "c")

    split = _decide(merged, "split_event", "v-grounding", mentions=(GROUNDING_C,), name="Sandbank")
    result = adjudicate(base, [merge, split])
    kept, split_off = result.events
    assert kept.claims == ("c-a", "c-b") and split_off.claims == ("c-c",)
    assert split_off.summary == "Sandbank" and split_off.documents == ("c",)
    assert [t.event for t in result.timeline] == ["v-grounding", split_off.id]


def test_a_rejected_denial_no_longer_disputes_the_timeline() -> None:
    base = _base()
    denial = Comparison("cmp-d", "Did it run aground?", "conflict", ("c-a", "c-b"), "", "denial")
    disputed = replace(
        base,
        comparisons=(denial,),
        timeline=(replace(base.timeline[0], status="disputed", supported_by=("c-a",),
                          disputed_by=("c-b",)),),
    )
    result = adjudicate(disputed, [_decide(disputed, "reject", "cmp-d")])
    assert result.timeline[0].status == "consensus"
    assert result.timeline[0].disputed_by == ()


@pytest.mark.parametrize(
    ("action", "target", "fields", "error"),
    [
        ("set_verdict", "cmp-1", {}, InvalidDecision),
        ("set_verdict", "cmp-1", {"verdict": "maybe"}, InvalidDecision),
        ("confirm", "cmp-404", {}, UnknownRecord),
        ("merge_entities", "e-varnum", {}, InvalidDecision),
        ("merge_entities", "e-varnum", {"others": ("e-port",)}, InvalidDecision),
        ("merge_entities", "e-varnum", {"others": ("e-404",)}, UnknownRecord),
        ("split_entity", "e-varnum", {"mentions": (ILSE,)}, InvalidDecision),
        ("split_entity", "e-varnum", {"mentions": (VARNUM_A, VARNUM_B)}, InvalidDecision),
        ("split_event", "v-sandbank", {}, InvalidDecision),
        ("shrug", "cmp-1", {}, InvalidDecision),
    ],
)
def test_decisions_that_make_no_sense_are_refused(
    action: str, target: str, fields: dict, error: type[Exception]
) -> None:
    with pytest.raises(error):
        _decide(_base(), action, target, **fields)


def test_a_decision_needs_a_reviewer() -> None:
    with pytest.raises(InvalidDecision, match="who takes it"):
        decide(_base(), DecisionRequest("confirm", "cmp-1", "  "), now=NOW)
