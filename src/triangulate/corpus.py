"""The library's front door: analyse sources into a store, reconcile, and read results back.

from triangulate import Corpus

with Corpus.open("triangulate.db") as corpus:
    summary = corpus.analyze(["articles/"])
    data = corpus.export_data()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .analyze.pipeline import analyze_document
from .errors import SourceError, TriangulateError
from .model import Analysis, Document, Failure, PublishedBasis, Reconciliation
from .run import make_executor
from .store import SQLiteStore, open_store

POOL_THRESHOLD = 24
"""Runs with fewer new documents than this analyse them in this process unless told otherwise."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(step, done, total)`` while a run goes on."""


@dataclass
class RunSummary:
    """What one ``analyze`` run did."""

    analyzed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    documents_in_store: int = 0

    @property
    def ok(self) -> bool:
        """False when nothing could be analysed: every source failed."""
        return bool(self.analyzed or self.unchanged) or not self.failures

    def line(self) -> str:
        return (
            f"{len(self.analyzed)} analysed, {len(self.unchanged)} unchanged, "
            f"{len(self.failures)} failed; {self.documents_in_store} documents in the store"
        )


def _file_date(source: str) -> str | None:
    """The modification day of a local file, the last resort for a publication date."""
    try:
        stamp = Path(source).stat().st_mtime
    except (OSError, ValueError):
        return None
    return datetime.fromtimestamp(stamp, tz=UTC).date().isoformat()


def _analyze_one(document: Document) -> Analysis | Failure:
    try:
        return analyze_document(document)
    except TriangulateError as error:
        return Failure(document.source, str(error))
    except Exception as error:  # noqa: BLE001 - one broken document never stops a run
        return Failure(document.source, f"analysis failed: {type(error).__name__}: {error}")


class Corpus:
    """A store of analysed documents and what reconciliation made of them."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    @classmethod
    def open(cls, location: str | Path = "triangulate.db") -> Corpus:
        return cls(open_store(location))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- analysis -------------------------------------------------------------------------

    def analyze(
        self,
        sources: Sequence[str],
        *,
        executor: str = "local",
        workers: int | None = None,
        progress: Progress | None = None,
        allow_private: bool = False,
    ) -> RunSummary:
        """Read, analyse and store ``sources``, then reconcile the whole corpus.

        ``sources`` are files, folders, globs, feeds or http(s) URLs; URLs on private or loopback
        addresses are refused unless ``allow_private`` is set.
        """
        from .ingest import expand_sources, link_copies, read_sources

        report = progress or (lambda step, done, total: None)
        summary = RunSummary()
        paths = expand_sources(sources)
        fresh: list[Document] = []
        for index, source in enumerate(paths, 1):
            report("reading", index, len(paths))
            try:
                documents = read_sources(source, allow_private=allow_private)
            except SourceError as error:
                summary.failures.append(Failure(source, error.reason))
                continue
            for document in documents:
                if self.store.find_by_sha256(document.sha256) or any(
                    d.sha256 == document.sha256 for d in fresh
                ):
                    summary.unchanged.append(document.source)
                    self.store.clear_failure(document.source)
                    continue
                fresh.append(document)

        stored = {a.document.id: a for a in self.store.analyses()}
        linked = link_copies([a.document for a in stored.values()] + fresh)
        for document in linked[: len(stored)]:
            if document != stored[document.id].document:  # a new original makes an old one a copy
                self.store.put_analysis(replace(stored[document.id], document=document))
        fresh = linked[len(stored) :]

        # Each worker process loads the models again (seconds): a pool pays off on larger runs.
        small = len(fresh) < POOL_THRESHOLD and workers is None
        runner = make_executor("serial" if small and executor == "local" else executor, workers)
        for done, result in enumerate(runner.map_unordered(_analyze_one, fresh), 1):
            report("analysing", done, len(fresh))
            if isinstance(result, Failure):
                summary.failures.append(result)
            else:
                self.store.put_analysis(result)
                summary.analyzed.append(result.document.source)
        for failure in summary.failures:
            self.store.put_failure(failure)
        analyses = self._date_undated_documents(self.store.analyses())
        if summary.analyzed or not self.store.failures():
            report("reconciling", 0, 1)
            self.reconcile(analyses)
            report("reconciling", 1, 1)
        summary.documents_in_store = self.store.document_count()
        return summary

    def _date_undated_documents(self, analyses: list[Analysis]) -> list[Analysis]:
        """Date undated documents by the rest of the corpus, else by their file's modification
        time (basis "file", revisited on later runs), and analyse them again.

        Returns every analysis in store order (a re-stored document moves to the end)."""
        from .reconcile.dating import date_from_corpus

        redated: list[Analysis] = []
        for analysis in analyses:
            document = analysis.document
            if document.published and document.published_basis != "file":
                continue
            if document.published:  # read the year-less dates again, free of the file's date
                from .analyze.time import find_times

                analysis = replace(analysis, times=tuple(find_times(document.text, None)))
            published = date_from_corpus(analysis, analyses)
            basis: PublishedBasis = "inferred"
            if published is None:
                if document.published:
                    continue
                published, basis = _file_date(document.source), "file"
                if published is None:
                    continue
            dated = replace(
                document, published=published, published_precision="day", published_basis=basis
            )
            result = _analyze_one(dated)
            if isinstance(result, Analysis):
                self.store.put_analysis(result)
                redated.append(result)
        moved = {a.document.id for a in redated}
        return [a for a in analyses if a.document.id not in moved] + redated

    def reconcile(self, analyses: list[Analysis] | None = None) -> Reconciliation:
        """Recompute the corpus-level results from every stored analysis (or the ``analyses``
        already read from the store) and store them."""
        from .reconcile import reconcile

        result = reconcile(self.store.analyses() if analyses is None else analyses)
        self.store.put_reconciliation(result)
        return result

    # ---- reading --------------------------------------------------------------------------

    def analyses(self) -> list[Analysis]:
        return self.store.analyses()

    def reconciliation(self) -> Reconciliation:
        return self.store.reconciliation()

    def failures(self) -> list[Failure]:
        return self.store.failures()

    def export_data(self) -> dict:
        """The JSON export (DESIGN.md "The export") as a Python dict."""
        from .outputs.export_json import export_data

        return export_data(self.analyses(), self.reconciliation())
