"""A big corpus's report: a summary file and pages of detail beside it, every link of every page
leading to a page written and to an element on it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest

from triangulate import Corpus
from triangulate.outputs import report
from triangulate.outputs.report import render_report, render_report_pages

from .web_corpus import analyses, build_store, reconciliation


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))


def _read(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """One or two rows a page, so that the three-document story spans several pages."""
    for section in report.PART_ROWS:
        monkeypatch.setitem(report.PART_ROWS, section, 1 if section == "documents" else 2)
    monkeypatch.setattr(report, "SUMMARY_ROWS", 1)


@pytest.mark.usefixtures("small_pages")
def test_every_link_of_a_split_report_leads_to_a_written_page_and_an_element_on_it() -> None:
    items = analyses()
    pages = render_report_pages(items, reconciliation(items), [], "story.html")
    assert "story.html" in pages
    assert [f"story-parts/documents-{n:03d}.html" for n in (1, 2, 3)] == sorted(
        name for name in pages if "documents-" in name
    )
    parsed = {name: _read(html) for name, html in pages.items()}
    followed = 0
    for name, page in parsed.items():
        for link in page.links:
            target, _, fragment = link.partition("#")
            resolved = (
                str(PurePosixPath(name).parent / target) if target else name
            ).replace("story-parts/../", "")
            assert resolved in pages, (name, link)
            assert not fragment or fragment in parsed[resolved].ids, (name, link)
            followed += 1
    assert followed > 50
    summary = pages["story.html"]
    assert 'id="disputes"' in summary and 'class="doc"' not in summary  # no article text
    whole = render_report(items, reconciliation(items), [])
    for analysis in items:  # each document's text on exactly one page of detail
        element = f'class="doc" id="{analysis.document.id}"'
        assert len([n for n, html in pages.items() if element in html]) == 1 and element in whole


def test_a_corpus_beyond_the_limit_is_written_as_a_summary_and_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = build_store(tmp_path / "story.db")
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    with Corpus.open(db) as corpus:
        report.write_report(corpus, out)
        assert not (tmp_path / "out" / "report-parts").exists()  # small: one file
        monkeypatch.setattr(report, "SPLIT_ABOVE", 2)
        report.write_report(corpus, out)
    parts = sorted(p.name for p in (tmp_path / "out" / "report-parts").iterdir())
    assert "documents-001.html" in parts and "claims-001.html" in parts
    assert 'href="report-parts/documents-001.html#' in out.read_text()
