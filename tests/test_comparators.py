"""Comparators registered by name: compare_claims runs the ones it is given, in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from triangulate.model import Analysis, Claim, ClaimRecord, Comparison, Span
from triangulate.reconcile.compare import (
    COMPARATORS,
    CorpusToCompare,
    comparator,
    compare_claims,
)

from .conftest import make_document
from .test_compare import _grain_reports, _records


def test_each_comparator_makes_its_own_kind_and_only_the_named_ones_run() -> None:
    a, b = _grain_reports()
    records = _records(a, b)
    assert [c.kind for c in compare_claims([a, b], records)] == ["count"]
    assert compare_claims([a, b], records, comparators=("denials", "omissions")) == []


def test_a_registered_comparator_sees_what_the_ones_before_it_made() -> None:
    seen: list[int] = []

    @comparator("test-counter")
    def count_before(corpus: CorpusToCompare, made: Sequence[Comparison]) -> list[Comparison]:
        seen.append(len(made))
        return []

    try:
        a, b = _grain_reports()
        compare_claims([a, b], _records(a, b), comparators=("counts", "test-counter"))
        assert seen == [1]
    finally:
        COMPARATORS.pop("test-counter")


def test_an_unknown_comparator_is_named_in_the_error() -> None:
    a, b = _grain_reports()
    with pytest.raises(ValueError, match="no comparator named 'tallies'"):
        compare_claims([a, b], _records(a, b), comparators=("tallies",))


def test_an_update_names_no_dates_that_do_not_account_for_the_rise() -> None:
    from triangulate.model import TimeRange

    from .test_compare import _analysis, _boat_events, _claim

    t1 = "Six ferries carried evacuees from the coast to the capital, officials said."
    t2 = "Eight ferries carried evacuees from the coast to the capital since last week."
    a = _analysis("a", t1, "2021-05-09",
                  [_claim(t1, t1, ("Six ferries", 6, "ferry", "exact"),
                          time=TimeRange("2021-05-01", "2021-05-09"))],
                  events=_boat_events(t1, [("2021-05-02", 6)]))
    b = _analysis("b", t2, "2021-05-12",
                  [_claim(t2, t2, ("Eight ferries", 8, "ferry", "exact"),
                          time=TimeRange("2021-05-01", "2021-05-12"))],
                  events=_boat_events(t2, [("2021-05-02", 6), ("2021-05-11", 1)]))
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "update"
    assert "2021-05-11" not in comparison.explanation


def test_independent_reports_of_one_quotation_agree_on_what_was_said() -> None:
    from triangulate.analyze.pipeline import analyze_document

    from .conftest import make_document

    texts = {
        "a": 'The prime minister condemned the killings, saying: "A demonstration is one thing '
             'and murder is quite another."',
        "b": 'Mr Papas said on television: "a demonstration is one thing and murder is quite '
             'another!" Police made arrests.',
        "c": 'The mayor said: "A demonstration is a right and nobody will take it from us."',
    }
    analyses = [analyze_document(make_document(t, d, published="2010-05-05",
                                               publisher=f"Outlet {d}"))
                for d, t in texts.items()]
    made = [c for c in compare_claims(analyses, _records(*analyses)) if c.kind == "quote"]
    assert [(c.verdict, {i.split("-")[0] for i in c.claims}) for c in made] == [
        ("agree", {"a", "b"})]
    assert "quote the same words" in made[0].explanation


def test_one_speakers_statement_worded_differently_by_two_reports_is_told_alike() -> None:
    zareh = "e-zareh"
    first = _statement_analysis(
        "a", "The Persian Gulf is not deep enough so that we can expect tsunamis, Zareh said.",
        "The Persian Gulf is not deep enough so that we can expect tsunamis")
    second = _statement_analysis(
        "b", "Because the Persian Gulf is not very deep, a tsunami is not expected, Zareh said.",
        "Because the Persian Gulf is not very deep, a tsunami is not expected")
    other = _statement_analysis(
        "c", "The Persian Gulf ports are open to ships again, Zareh said.",
        "The Persian Gulf ports are open to ships again")
    records = [ClaimRecord(f"{a.document.id}-c0", a.document.id, a.claims[0], attributed_to=zareh)
               for a in (first, second, other)]
    made = compare_claims([first, second, other], records, comparators=("statements",))
    (comparison,) = made
    assert comparison.kind == "statement" and comparison.verdict == "agree"
    assert set(comparison.claims) == {"a-c0", "b-c0"}
    assert "reported in other words" in comparison.explanation
    records[1] = replace(records[1], attributed_to="e-someone-else")
    assert compare_claims([first, second, other], records, comparators=("statements",)) == []


def _statement_analysis(doc_id: str, text: str, content: str) -> Analysis:
    start = text.index(content)
    claim = Claim(start, start + len(content), content, speaker=Span(len(text) - 11, len(text) - 6),
                  speaker_text="Zareh")
    document = make_document(text, doc_id, published="2005-11-28", publisher=f"Outlet {doc_id}")
    return Analysis(document=document, claims=(claim,))
