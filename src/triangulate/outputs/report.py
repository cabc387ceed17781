"""The HTML report: self-contained (no network), every item linked to its sentence; one file, or
for a big corpus a summary file and pages of detail beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from .. import __version__
from ..model import Analysis, Reconciliation
from .disputes import build_disputes
from .sources import build_sources

if TYPE_CHECKING:
    from ..corpus import Corpus

T = TypeVar("T")


SPLIT_ABOVE = 200
"""Documents beyond which the report is a summary file with its full detail on linked pages
(one file of thousands of articles is too big for a browser to open)."""
SUMMARY_ROWS = 50  # rows of each list of the disputes and sources the summary shows
PART_ROWS = {
    "disputes": 50,
    "sources": 500,
    "comparisons": 300,
    "timeline": 500,
    "claims": 1000,
    "entities": 1000,
    "documents": 40,
}
"""Rows of each section on one page of detail."""
SECTIONS = tuple(PART_ROWS)


@dataclass(frozen=True)
class _Layout:
    """One page of the report: which rows of each list it shows and where each anchor lives.

    ``page`` is None for the whole report in one file, ``"summary"`` for the summary of a split
    report, or the section one page of detail (``number``, from 1) shows; those pages are in
    ``folder`` beside the summary, ``home``."""

    sentences: dict[str, list[tuple[int, int]]]
    part_of: dict[str, dict[str, int]]  # documents and comparisons: id -> page of detail
    page: str | None = None
    number: int = 1
    home: str = "report.html"
    folder: str = "report-parts"

    def _file(self, section: str, number: int) -> str:
        name = f"{section}-{number:03d}.html"
        if self.page == "summary":
            return f"{self.folder}/{name}"
        return "" if (section, number) == (self.page, self.number) else name

    def anchor(self, section: str, record: str) -> str:
        """The link to the record ``record`` (a document or a comparison) from this page."""
        if self.page is None:
            return f"#{record}"
        return f"{self._file(section, self.part_of[section].get(record, 1))}#{record}"

    def href(self, document: str, offset: int) -> str:
        """The link to the sentence of ``document`` holding ``offset``."""
        target = self.anchor("documents", document)
        for index, (start, end) in enumerate(self.sentences.get(document, [])):
            if start <= offset < end:
                return f"{target}-s{index}"
        return target

    def section_href(self, section: str) -> str:
        if self.page is None or self.page == "summary":
            return f"#{section}"
        return f"../{self.home}#{section}"

    def shows(self, section: str) -> bool:
        if self.page is None:
            return True
        if self.page == "summary":
            return section in ("disputes", "sources")
        return section == self.page

    def rows(self, section: str, items: Sequence[T]) -> Sequence[T]:
        if self.page is None:
            return items
        if self.page == "summary":
            return items[:SUMMARY_ROWS]
        size = PART_ROWS[section]
        return items[(self.number - 1) * size : self.number * size]

    def parts(self, section: str, total: int) -> list[tuple[int, str]]:
        """The pages of detail of ``section`` (number, link): none in a report of one file."""
        if self.page is None or total <= 0:
            return []
        count = -(-total // PART_ROWS[section])
        return [(n, self._file(section, n) or "#") for n in range(1, count + 1)]


def render_report(analyses: list[Analysis], reconciliation: Reconciliation, failures: list) -> str:
    """The whole report in one self-contained file."""
    return _Report(analyses, reconciliation, failures).render(None, 1)


def render_report_pages(
    analyses: list[Analysis], reconciliation: Reconciliation, failures: list, home: str
) -> dict[str, str]:
    """The report as a summary file named ``home`` and pages of detail in a folder beside it
    (``<home's stem>-parts``), by their paths relative to the summary's folder."""
    report = _Report(analyses, reconciliation, failures, home)
    pages = {home: report.render("summary", 1)}
    for section in SECTIONS:
        for number, _ in report.layout("summary", 1).parts(section, report.total(section)):
            pages[f"{report.folder}/{section}-{number:03d}.html"] = report.render(section, number)
    return pages


class _Report:
    """What every page of the report is rendered from."""

    def __init__(
        self,
        analyses: list[Analysis],
        reconciliation: Reconciliation,
        failures: list,
        home: str = "report.html",
    ) -> None:
        env = Environment(loader=PackageLoader("triangulate", "outputs/templates"), autoescape=True)
        self.template = env.get_template("report.html.j2")
        self.home = home
        self.folder = f"{Path(home).stem}-parts"
        self.analyses = analyses
        self.reconciliation = reconciliation
        self.failures = failures
        self.documents = {a.document.id: a.document for a in analyses}
        self.claims = {c.id: c for c in reconciliation.claims}
        self.entities = {e.id: e for e in reconciliation.entities}
        self.events = {e.id: e for e in reconciliation.events}
        self.disputes = build_disputes(analyses, reconciliation, "contested")
        self.sources = build_sources(analyses, reconciliation)
        self.ranked_entities = sorted(
            (e for e in reconciliation.entities if e.mentions), key=lambda e: -len(e.mentions)
        )
        self.sentences = {a.document.id: [(s.start, s.end) for s in a.sentences] for a in analyses}
        self.part_of = {
            "documents": _parts([a.document.id for a in analyses], "documents"),
            "comparisons": _parts([c.id for c in reconciliation.comparisons], "comparisons"),
        }

    def total(self, section: str) -> int:
        r, s = self.reconciliation, self.sources
        return {
            "disputes": len(self.disputes),
            "sources": max(len(s.single_origin), len(s.outlets), len(s.speakers)),
            "comparisons": len(r.comparisons),
            "timeline": len(r.timeline),
            "claims": len(r.claims),
            "entities": len(self.ranked_entities),
            "documents": len(self.analyses),
        }[section]

    def layout(self, page: str | None, number: int) -> _Layout:
        return _Layout(self.sentences, self.part_of, page, number, self.home, self.folder)

    def render(self, page: str | None, number: int) -> str:
        layout = self.layout(page, number)
        return self.template.render(
            version=__version__,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            analyses=self.analyses,
            documents=self.documents,
            reconciliation=self.reconciliation,
            claims=self.claims,
            entities=self.entities,
            ranked_entities=self.ranked_entities,
            events=self.events,
            disputes=self.disputes,
            sources=self.sources,
            failures=self.failures,
            page=page,
            number=number,
            layout=layout,
            totals={section: self.total(section) for section in SECTIONS},
            href=layout.href,
            anchor=layout.anchor,
            rows=layout.rows,
            body=lambda analysis: _body(analysis),
            label=lambda doc_id: _label(self.documents, doc_id),
        )


def _parts(ids: list[str], section: str) -> dict[str, int]:
    return {record: index // PART_ROWS[section] + 1 for index, record in enumerate(ids)}


def write_report(corpus: Corpus, path: str | Path) -> None:
    """The report of ``corpus`` at ``path``: one file, or beyond ``SPLIT_ABOVE`` documents a
    summary there and its pages of detail in the folder ``<stem>-parts`` beside it."""
    path = Path(path)
    analyses = corpus.analyses()
    if len(analyses) <= SPLIT_ABOVE:
        html = render_report(analyses, corpus.reconciliation(), corpus.failures())
        path.write_text(html, encoding="utf-8")
        return
    pages = render_report_pages(analyses, corpus.reconciliation(), corpus.failures(), path.name)
    folder = path.parent / f"{path.stem}-parts"
    if folder.exists():
        for old in folder.glob("*.html"):  # pages of an earlier, longer report
            old.unlink()
    folder.mkdir(exist_ok=True)
    for name, html in pages.items():
        (path.parent / name).write_text(html, encoding="utf-8")


def _label(documents: dict, doc_id: str) -> str:
    document = documents.get(doc_id)
    if document is None:
        return doc_id
    name = document.publisher or document.title or Path(document.source).name
    return f"{name} ({document.published})" if document.published else str(name)


def _body(analysis: Analysis) -> Markup:
    """The cleaned text with every sentence wrapped in an anchor; claims are marked."""
    text = analysis.document.text
    doc_id = analysis.document.id
    claim_starts = {c.start for c in analysis.claims}
    parts: list[str] = []
    position = 0
    for index, sentence in enumerate(analysis.sentences):
        parts.append(_plain(text[position : sentence.start]))
        css = (
            "sent claim"
            if any(sentence.start <= s < sentence.end for s in claim_starts)
            else "sent"
        )
        parts.append(
            f'<span class="{css}" id="{escape(doc_id)}-s{index}">'
            f"{escape(text[sentence.start : sentence.end])}</span>"
        )
        position = sentence.end
    parts.append(_plain(text[position:]))
    return Markup("".join(parts))


def _plain(text: str) -> str:
    return str(escape(text)).replace("\n", "<br>\n")
