"""The HTML report: one self-contained file (no network) where every item links to its sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from .. import __version__
from ..model import Analysis, Reconciliation
from .disputes import build_disputes
from .sources import build_sources

if TYPE_CHECKING:
    from ..corpus import Corpus


@dataclass(frozen=True)
class _Anchors:
    """Where each document offset lives in the report: sentence anchors per document."""

    sentences: dict[str, list[tuple[int, int]]]

    def href(self, document: str, offset: int) -> str:
        for index, (start, end) in enumerate(self.sentences.get(document, [])):
            if start <= offset < end:
                return f"#{document}-s{index}"
        return f"#{document}"


def render_report(analyses: list[Analysis], reconciliation: Reconciliation, failures: list) -> str:
    env = Environment(
        loader=PackageLoader("triangulate", "outputs/templates"),
        autoescape=True,
    )
    anchors = _Anchors({a.document.id: [(s.start, s.end) for s in a.sentences] for a in analyses})
    documents = {a.document.id: a.document for a in analyses}
    claims = {c.id: c for c in reconciliation.claims}
    entities = {e.id: e for e in reconciliation.entities}
    events = {e.id: e for e in reconciliation.events}
    template = env.get_template("report.html.j2")
    return template.render(
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        analyses=analyses,
        documents=documents,
        reconciliation=reconciliation,
        claims=claims,
        entities=entities,
        ranked_entities=sorted(
            (e for e in reconciliation.entities if e.mentions), key=lambda e: -len(e.mentions)
        ),
        events=events,
        disputes=build_disputes(analyses, reconciliation, "contested"),
        sources=build_sources(analyses, reconciliation),
        failures=failures,
        href=anchors.href,
        body=lambda analysis: _body(analysis),
        label=lambda doc_id: _label(documents, doc_id),
    )


def write_report(corpus: Corpus, path: str | Path) -> None:
    html = render_report(corpus.analyses(), corpus.reconciliation(), corpus.failures())
    Path(path).write_text(html, encoding="utf-8")


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
