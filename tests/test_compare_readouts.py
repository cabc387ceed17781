"""Implicit omissions: two sides' readouts of one call, one silent on what the other stresses."""

from __future__ import annotations

from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Comparison, Reconciliation
from triangulate.reconcile import reconcile

from .conftest import make_document

CALL = (
    "Norwegian Prime Minister Dana Holt and Chilean President Marco Reyes spoke by phone "
    "on 3 March 2031. "
)


def _reconcile(*texts: str) -> Reconciliation:
    analyses = [
        analyze_document(
            make_document(text, f"d{i}", published="2031-03-04", publisher=f"Outlet {i}")
        )
        for i, text in enumerate(texts)
    ]
    return reconcile(analyses)


def _readout_omissions(result: Reconciliation) -> list[Comparison]:
    return [
        c
        for c in result.comparisons
        if c.verdict == "omission" and c.question.startswith("What did each side say")
    ]


def test_side_silent_on_the_other_sides_figure_is_an_omission() -> None:
    result = _reconcile(
        CALL + "Holt stressed that Norway would send 40 tonnes of salmon feed to the southern "
        "ports, her office said.",
        CALL + "Reyes said the leaders discussed fisheries cooperation and a copper mining "
        "partnership.",
    )
    found = _readout_omissions(result)
    assert len(found) == 1
    comparison = found[0]
    texts = {r.id: r.claim.text for r in result.claims}
    assert "40 tonnes" in texts[comparison.claims[0]]
    assert "copper" in texts[comparison.claims[1]]
    assert comparison.question == "What did each side say about the call on 2031-03-03?"
    assert "Reyes" in comparison.explanation and "Outlet 1" in comparison.explanation
    assert "salmon" in comparison.explanation and "40 tonnes" in comparison.explanation


def test_both_sides_on_the_same_topic_is_no_omission() -> None:
    result = _reconcile(
        CALL + "Holt stressed that Norway would send 40 tonnes of salmon feed to the southern "
        "ports, her office said.",
        CALL + "Reyes said he thanked Norway for the salmon feed promised for the southern ports.",
    )
    assert _readout_omissions(result) == []


def test_a_single_side_is_no_omission() -> None:
    result = _reconcile(
        CALL + "Holt stressed that Norway would send 40 tonnes of salmon feed to the southern "
        "ports, her office said. Holt said the leaders also discussed a copper mining partnership."
    )
    assert _readout_omissions(result) == []


def test_one_party_named_two_ways_is_one_side() -> None:
    result = _reconcile(
        CALL + "Holt stressed that Norway would send 40 tonnes of salmon feed to the southern "
        "ports, her office said.",
        CALL + "The Norwegian foreign ministry said the leaders discussed a copper mining "
        "partnership.",
    )
    assert _readout_omissions(result) == []
