"""The store interface: what every backend (SQLite, PostgreSQL) provides."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol, Self

from ..model import Adjudication, Analysis, Failure, Reconciliation
from .packing import Outline
from .search import SearchHit, SearchKind


class Store(Protocol):
    """Documents with their analyses, failures, and the latest reconciliation of the corpus."""

    location: str

    def worker_location(self) -> str | None:
        """What a worker process opens to store analyses itself, beside this store's own
        writes; None when only this process may write (SQLite has one writer)."""
        ...

    def check_writable(self) -> None:
        """Raise StoreError when the store cannot be written."""
        ...

    def known_sha256(self) -> set[str]:
        """The raw-byte digests of every stored document."""
        ...

    def reconciliation_is_current(self) -> bool:
        """Whether the stored reconciliation covers every stored analysis."""
        ...

    def find_by_sha256(self, sha256: str) -> str | None:
        """The id of a stored document with these raw bytes, if any."""
        ...

    def put_analysis(self, analysis: Analysis) -> None: ...

    def analyses(self) -> list[Analysis]:
        """Every stored analysis, in the order documents were added."""
        ...

    def analysis(self, doc_id: str) -> Analysis | None:
        """One stored analysis, if the document is stored."""
        ...

    def yearless_days(self) -> dict[str, frozenset[str]]:
        """By document id, the days of the year ("03-09") that a document dated by its file
        names without a year, where ``put_yearless_days`` stored them for its stored
        analysis (storing the analysis again forgets them)."""
        ...

    def put_yearless_days(self, days: Mapping[str, Collection[str]]) -> None: ...

    def shingles(self) -> dict[str, frozenset[int]]:
        """By document id, the hashes of its text's word 5-grams (``lineage.shingle_set``),
        where ``put_shingles`` stored them for its stored analysis (storing the analysis again
        forgets them)."""
        ...

    def put_shingles(self, shingles: Mapping[str, frozenset[int]]) -> None: ...

    def outlines(self) -> list[Outline]:
        """Every document's outline (metadata, sentences, counts), in the order of
        ``analyses``: what lists and links need, without reading the analyses."""
        ...

    def document_text(self, doc_id: str) -> str | None:
        ...

    def generation(self) -> int:
        """How many times documents or results were written: a reader keeps what it read of
        them while it is unchanged (people's decisions and failures do not count)."""
        ...

    def results_generation(self) -> int:
        """How many times results were written (``put_reconciliation``)."""
        ...

    def document_count(self) -> int: ...

    def put_failure(self, failure: Failure) -> None: ...

    def clear_failure(self, source: str) -> None: ...

    def failures(self) -> list[Failure]: ...

    def put_reconciliation(self, reconciliation: Reconciliation) -> None:
        """Replace the corpus-level results with ``reconciliation``."""
        ...

    def reconciliation(self) -> Reconciliation:
        """The stored results as reconciliation made them, before people's decisions."""
        ...

    def add_adjudication(self, adjudication: Adjudication) -> None:
        """Append a person's decision to the audit trail; nothing there is changed or deleted."""
        ...

    def adjudications(self) -> list[Adjudication]:
        """The audit trail, oldest first."""
        ...

    def search(
        self, query: str, *, kind: SearchKind | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[SearchHit]]:
        """Documents and claims matching ``query`` (best first) and how many match in all.

        Raises ValueError for a query with nothing to search for.
        """
        ...

    def refresh_search_index(self) -> bool:
        """Rebuild the full-text index when documents or claims changed; True when it did."""
        ...

    def schema_versions(self) -> list[int]:
        """The migrations applied to the store."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...
