"""What claims say befell the people they name, and how reports of one person's fate compare."""

from __future__ import annotations

import pytest

from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Analysis, Claim, ClaimRecord, Fate, Span
from triangulate.reconcile.compare_fates import compare_fates

from .conftest import make_document

_parsed = pytest.mark.skipif(
    not __import__("triangulate.analyze.parse", fromlist=["model_path"]).model_path()
    .joinpath("config.cfg").is_file(),
    reason="the trained pipeline is not installed",
)


def _fates(text: str) -> list[tuple[str, str, bool]]:
    analysis = analyze_document(make_document(text, published="2010-01-17"))
    return [(f.person_text, f.state, f.hedged) for c in analysis.claims for f in c.fates]


@_parsed
def test_a_person_who_undergoes_a_happening_is_left_in_its_state() -> None:
    assert _fates("Police said Maria Lopez was killed in the blast.") == [
        ("Maria Lopez", "dead", False)]
    assert _fates("Officials said the body of Maria Lopez was recovered on Saturday.") == [
        ("Maria Lopez", "dead", False)]
    assert _fates("Officials said Maria Lopez survived the crash.") == [
        ("Maria Lopez", "alive", False)]


@_parsed
def test_the_doer_of_a_deed_and_a_negated_happening_tell_no_fate() -> None:
    assert _fates("Police said Maria Lopez killed three people in the blast.") == []
    assert _fates("Officials said Maria Lopez was not hurt in the crash.") == []
    assert _fates("Police said Maria Lopez was pulled over for speeding.") == []
    assert _fates("Maria Lopez's press release linked to the report.") == []
    assert _fates("Maria Lopez has been asked to release the transcripts.") == []
    assert _fates("The vote marked Maria Lopez's capture of the nomination.") == []
    assert _fates("Maria Lopez shot and killed a man in February.") == []
    assert _fates("Reporters pieced together the lives of Maria Lopez and her husband.") == []


@_parsed
def test_an_unsure_fate_is_hedged_and_an_unconfirmed_one_too() -> None:
    assert _fates("Officials said Maria Lopez is feared dead.") == [
        ("Maria Lopez", "dead", True)]
    told = _fates("The mayor said that Maria Lopez had died in the fire. The agency said it "
                  "could not confirm the news.")
    assert told == [("Maria Lopez", "dead", False), ("Maria Lopez", "dead", True)]


def _told(doc_id: str, published: str, state: str, hedged: bool = False) -> tuple[
        Analysis, ClaimRecord]:
    text = "Officials said Maria Lopez was found."
    person = Span(15, 26)
    claim = Claim(15, len(text), text[15:], fates=(
        Fate(27, 36, person=person, person_text="Maria Lopez", state=state, hedged=hedged),))
    document = make_document(text, doc_id, published=published, publisher=f"Outlet {doc_id}")
    analysis = Analysis(document=document, claims=(claim,))
    return analysis, ClaimRecord(f"{doc_id}-c0", doc_id, claim)


def _compare(*told: tuple[Analysis, ClaimRecord]) -> list[tuple[str, tuple[str, ...]]]:
    by_id = {a.document.id: a for a, _ in told}
    people = {(a.document.id, 15, 26): "e-lopez" for a, _ in told}
    return [(c.verdict, c.claims) for c in compare_fates([r for _, r in told], by_id, people)]


def test_missing_then_found_dead_is_an_update_and_dead_against_alive_a_conflict() -> None:
    assert _compare(_told("a", "2010-01-13", "missing"), _told("b", "2010-01-15", "dead")) == [
        ("update", ("a-c0", "b-c0"))]
    assert _compare(_told("a", "2010-01-13", "dead"), _told("b", "2010-01-13", "alive")) == [
        ("conflict", ("a-c0", "b-c0"))]
    assert _compare(_told("a", "2010-01-13", "dead", hedged=True),
                    _told("b", "2010-01-13", "alive")) == []


def test_an_unsure_fate_later_told_for_sure_is_confirmed() -> None:
    pair = [_told("a", "2010-01-13", "dead", hedged=True), _told("b", "2010-01-17", "dead")]
    (made,) = compare_fates([r for _, r in pair], {a.document.id: a for a, _ in pair},
                            {(a.document.id, 15, 26): "e" for a, _ in pair})
    assert made.verdict == "update" and made.kind == "fate"
    assert made.question == "What became of Maria Lopez?"
    assert "not sure that Maria Lopez is dead" in made.explanation
    assert made.explanation.startswith("Outlet a (2010-01-13) is not sure")
    assert _compare(_told("a", "2010-01-13", "dead"), _told("b", "2010-01-14", "dead")) == [
        ("agree", ("a-c0", "b-c0"))]
