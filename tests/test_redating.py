"""A document the corpus dates after analysing it is analysed again only where the date counts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from triangulate.analyze import pipeline
from triangulate.analyze.pipeline import analyze_document, analyze_redated
from triangulate.model import Analysis

from .conftest import make_document

TEXT = (
    "Workers said the Oskar dam on the Varnel river burst on Saturday after heavy rain. "
    "Mayor Ilse Brandvik said 40 homes were flooded and two people were missing.\n"
)


def test_a_redated_analysis_is_the_analysis_of_the_dated_document() -> None:
    undated = analyze_document(make_document(TEXT, published=None))
    dated = replace(undated.document, published="2018-03-05", published_precision="day",
                    published_basis="inferred")
    again = analyze_redated(undated, dated)
    assert again == analyze_document(dated)
    assert again.times != undated.times  # "on Saturday" now has a day


def test_redating_keeps_what_reads_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = analyze_document(make_document(TEXT, published=None))
    dated = replace(undated.document, published="2018-03-05", published_precision="day",
                    published_basis="inferred")

    def must_not_run(analysis: Analysis) -> Analysis:
        raise AssertionError("a stage that reads no date ran again")

    for name in ("sentences", "entities", "parse"):
        monkeypatch.setitem(pipeline.STAGES, name, must_not_run)
    assert analyze_redated(undated, dated).mentions == undated.mentions
