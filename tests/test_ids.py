"""Record ids are unique by construction, and a clash is named before anything is stored."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from triangulate.analyze.pipeline import analyze_document
from triangulate.errors import StoreError
from triangulate.ids import check_unique, distinct, record_id
from triangulate.model import Comparison, Reconciliation
from triangulate.reconcile import reconcile
from triangulate.store import SQLiteStore

from .conftest import make_document

# Two outlets, each sentence holding two quantities: a value and its conversion ("160 km (100
# miles)"), an area and a distance. One pair of claims is compared on each quantity.
STORIES = [
    (
        "a",
        "Westfield Herald",
        "The storm hit the coast on Monday. Kelby, a 1,200-square-kilometer island 900 "
        "kilometers south of the capital, has a population of more than 50,000, officials said. "
        "The storm travelled 160 km (100 miles) inland before it weakened, the weather service "
        "said. Rescue teams reached the island on Tuesday.",
    ),
    (
        "b",
        "Eastport Daily",
        "Crews worked through the night after the storm. Kelby, a 1,200-square-kilometer island "
        "900 kilometers south of the capital, has a population of more than 50,000, according to "
        "the governor. Forecasters said the storm travelled 160 km (100 miles) inland. Schools in "
        "the region stayed closed on Tuesday.",
    ),
]


@pytest.fixture(scope="module")
def two_quantities_per_claim() -> Reconciliation:
    analyses = [
        analyze_document(
            make_document(
                text, doc_id, publisher=publisher, published="2021-03-02",
                published_precision="day", published_basis="stated",
            )
        )
        for doc_id, publisher, text in STORIES
    ]
    return reconcile(analyses)


def test_one_pair_of_claims_compared_on_two_quantities_gets_two_ids(
    two_quantities_per_claim: Reconciliation,
) -> None:
    comparisons = two_quantities_per_claim.comparisons
    same_pair = Counter((c.claims, c.verdict) for c in comparisons)
    assert max(same_pair.values()) >= 2, "the situation under test did not arise"
    assert len({c.id for c in comparisons}) == len(comparisons)


@pytest.mark.parametrize("table", ["entities", "claims", "events", "comparisons"])
def test_every_kind_of_record_has_unique_ids(
    two_quantities_per_claim: Reconciliation, table: str
) -> None:
    records = getattr(two_quantities_per_claim, table)
    assert len({r.id for r in records}) == len(records)


def test_the_reconciliation_of_two_quantities_per_claim_is_stored(
    two_quantities_per_claim: Reconciliation,
) -> None:
    with SQLiteStore(":memory:") as store:
        store.put_reconciliation(two_quantities_per_claim)
        assert store.reconciliation().comparisons == two_quantities_per_claim.comparisons


def _comparison(question: str, verdict: str = "agree") -> Comparison:
    return Comparison(
        id="q1", question=question, verdict=verdict, claims=("a-c1", "b-c1"),  # type: ignore[arg-type]
        explanation="",
    )


def test_a_clash_is_named_before_the_database_sees_it() -> None:
    clash = Reconciliation(
        comparisons=(_comparison("How many km?"), _comparison("How many miles?"))
    )
    with SQLiteStore(":memory:") as store:
        with pytest.raises(StoreError) as raised:
            store.put_reconciliation(clash)
        message = str(raised.value)
        assert "2 comparisons share the id 'q1'" in message
        assert "How many km?" in message and "How many miles?" in message
        assert "a-c1, b-c1" in message
        assert not isinstance(raised.value.__cause__, sqlite3.IntegrityError)
        assert store.reconciliation().comparisons == ()


def test_the_same_record_made_twice_is_one_record() -> None:
    same = _comparison("How many km?")
    assert distinct([same, same, _comparison("How many km?")]) == (same,)
    check_unique([("comparisons", (same, same), repr)])


def test_ids_are_stable_and_tell_their_parts_apart() -> None:
    assert record_id("q", "a", "b") == record_id("q", "a", "b")
    assert record_id("q", "a|b") != record_id("q", "a", "b")
    assert record_id("q", "a") != record_id("r", "a")
