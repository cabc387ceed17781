"""Small text helpers shared by the reconciliation steps: content words, sources, report days."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

from ..language.en.stems import content_stems, content_words, stem, stop_words
from ..model import Analysis, Document

__all__ = ["content_stems", "content_words", "stem", "stop_words", "overlap", "source_label",
           "source_with_date", "report_date", "origin_of", "story_of", "shorten"]

def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def source_label(document: Document) -> str:
    """How a reader names a source: its publisher, else its title, else its file name."""
    if document.publisher:
        return document.publisher
    if document.title:
        return shorten(document.title, 60)
    return PurePath(document.source.replace("\\", "/")).name or document.id


def report_date(document: Document) -> str | None:
    """The day a document reports from: its publication date, unless that is only its file's
    modification time (which says when it was saved, not when it was written)."""
    return document.published if document.published_basis != "file" else None


def days_between(first: str, last: str) -> int:
    """Days from one ISO day to another; 0 where either is no whole day."""
    try:
        return (date.fromisoformat(last) - date.fromisoformat(first)).days
    except ValueError:
        return 0


def source_with_date(document: Document) -> str:
    label = source_label(document)
    published = report_date(document)
    return f"{label} ({published})" if published else label


def origin_of(analysis: Analysis, by_id: dict[str, Analysis]) -> str:
    """The id of the document this one copies (followed to the end), else its own id."""
    return _earliest(analysis, by_id, follow_versions=False)


def story_of(analysis: Analysis, by_id: dict[str, Analysis]) -> str:
    """The id of the first version of the story this document copies or updates, else its own
    id: documents of one story are not independent confirmations of each other, though a later
    version may revise an earlier one."""
    return _earliest(analysis, by_id, follow_versions=True)


def _earliest(analysis: Analysis, by_id: dict[str, Analysis], follow_versions: bool) -> str:
    seen = set()
    current = analysis.document
    while current.id not in seen:
        seen.add(current.id)
        earlier = current.copy_of or (current.version_of if follow_versions else None)
        if earlier is None or earlier not in by_id:
            break
        current = by_id[earlier].document
    return current.id


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
