"""Stance and polarity: a denial rejects a proposition; a negative statement asserts; declining
to comment is neither."""

from __future__ import annotations

import pytest

from triangulate.analyze.pipeline import analyze_document

from .conftest import make_document


def _claim(sentence: str) -> tuple[str, str] | None:
    """The stance and polarity of the one claim of ``sentence``; None when it makes none."""
    analysis = analyze_document(make_document(sentence, "d1", published="2020-08-12"))
    assert len(analysis.claims) <= 1
    return (analysis.claims[0].stance, analysis.claims[0].polarity) if analysis.claims else None


@pytest.mark.parametrize("sentence", [
    "The ministry denied that its troops had crossed the border on Sunday.",
    "The spokesman said the reports of a second convoy were false.",
    "Officials dismissed claims that the dam had been damaged in the attack.",
    "Asked about the reports, Minister Tarvo Lind said the flights were not intended for the "
    "supply of weapons, but for the delivery of construction materials.",
    "Mr. Okoro denied the charges through his lawyer on Monday.",
    "The harbour company rejected the notion that its cranes had been sold to the navy.",
])
def test_a_denial_rejects_a_proposition(sentence: str) -> None:
    assert (_claim(sentence) or ("none",))[0] == "denied"


@pytest.mark.parametrize("sentence", [
    "No group has claimed responsibility for the attack that killed 12 soldiers in Kabul.",
    "The Russian embassy in Baku has not commented on the report about the 12 flights.",
    "The Senate rejected the bill for the carmakers on Thursday night.",
    "The King dismissed his government on Tuesday after a week of protests.",
])
def test_negative_statements_and_refusals_to_comment_are_no_denials(sentence: str) -> None:
    found = _claim(sentence)
    assert found is not None and found[0] == "asserted"


@pytest.mark.parametrize("sentence", [
    "The court denied bail to the two men arrested at the harbour on Sunday.",
    "The governor said closed primaries deny many voters in Ruritania the right to vote.",
    "Critics dismissed the mayor as a tool of the builders of the new harbour in Tarvos.",
    "The council rejected the idea as too costly for the 12 villages of the valley.",
    "The minister said the goal was not to contain the floods in Tarvos, but to end them.",
    "Lind said the port would serve not just the 12 villages of the valley, but the region.",
])
def test_denying_someone_a_thing_or_a_contrast_is_no_denial(sentence: str) -> None:
    found = _claim(sentence)
    assert found is not None and found[0] != "denied"


def test_a_negative_statement_has_negative_polarity() -> None:
    assert _claim("No group has claimed responsibility for the attack that killed 12 soldiers "
                  "in Kabul.") == ("asserted", "negative")
    assert _claim("The convoy reached the city of Tovuz on Sunday afternoon.") == (
        "asserted", "positive")
