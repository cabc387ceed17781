"""Where a document's text first came from: the original at the end of its copy and version
chain in the corpus, or the outlet it states it republishes. Documents of one origin are one
source, however many outlets carry them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Document

EXTERNAL = "external:"


@dataclass(frozen=True)
class Origins:
    """The origin of every document of a corpus, by document id."""

    documents: dict[str, Document]
    origin: dict[str, str]

    @classmethod
    def of(cls, documents: list[Document]) -> Origins:
        by_id = {d.id: d for d in documents}
        return cls(by_id, {d.id: _origin(d, by_id) for d in documents})

    def __call__(self, doc_id: str) -> str:
        """The origin key of ``doc_id``: the id of the original document in the corpus, or
        ``external:`` and the republished source when the original is not in the corpus."""
        return self.origin.get(doc_id, doc_id)

    def original(self, doc_id: str) -> str | None:
        """The corpus document ``doc_id`` descends from, when it is not its own original."""
        origin = self(doc_id)
        return origin if origin != doc_id and origin in self.documents else None

    def label(self, origin: str) -> str:
        """A reader's name for an origin: an outlet (and date), or the republished source."""
        if origin.startswith(EXTERNAL):
            return origin.removeprefix(EXTERNAL)
        return document_label(self.documents.get(origin), origin)


def document_label(document: Document | None, doc_id: str) -> str:
    """A short name for a document: its publisher (or title, or file) and date."""
    if document is None:
        return doc_id
    name = document.publisher or document.title or Path(document.source).name
    return f"{name} ({document.published})" if document.published else name


def outlet_of(document: Document | None) -> str:
    """The outlet that published ``document``, or the file it was read from."""
    if document is None:
        return "unknown outlet"
    return document.publisher or Path(document.source).name


def _origin(document: Document, by_id: dict[str, Document]) -> str:
    seen = {document.id}
    current = document
    while True:
        parent_id = current.copy_of or current.version_of
        parent = by_id.get(parent_id) if parent_id else None
        if parent is None or parent.id in seen:
            break
        seen.add(parent.id)
        current = parent
    source = current.republished_from
    if source is not None and (source.url or source.publisher):
        return EXTERNAL + (source.publisher or source.url or "")
    return current.id
