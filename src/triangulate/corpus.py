"""The library's front door: analyse sources into a store, reconcile, and read results back.

from triangulate import Corpus

with Corpus.open("triangulate.db") as corpus:
    summary = corpus.analyze(["articles/"])
    data = corpus.export_data()
"""

from __future__ import annotations

import os
import threading
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .analyze.pipeline import analyze_document, analyze_redated
from .errors import SourceError, TriangulateError
from .language.en.plurals import counted
from .model import Analysis, Document, Failure, PublishedBasis, Reconciliation
from .run import Budget, Executor, TaskFailed, make_executor
from .run.executors import describe_exception
from .store import Store, open_store

DOCUMENTS_PER_WORKER = 24
"""Each worker process loads the models again (seconds): a run starts one worker per this many
sources, up to the number asked for."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(step, done, total)`` while a run goes on."""


@dataclass(frozen=True)
class StageFailure:
    """A corpus-wide step that failed after the analyses were stored."""

    stage: str
    cause: str
    details: str  # the traceback, shown on request

    def line(self) -> str:
        return f"{self.stage} failed: {self.cause}"


@dataclass
class RunSummary:
    """What one ``analyze`` run did."""

    analyzed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    documents_in_store: int = 0
    stage_failure: StageFailure | None = None
    not_english: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when nothing could be analysed (every source failed), or when a corpus-wide
        step failed, so that the stored results are not those of the stored analyses."""
        if self.stage_failure is not None:
            return False
        return bool(self.analyzed or self.unchanged) or not self.failures

    def line(self) -> str:
        line = (
            f"{len(self.analyzed)} analysed, {len(self.unchanged)} unchanged, "
            f"{len(self.failures)} failed; {counted(self.documents_in_store, 'document')} in the "
            "store"
        )
        if self.not_english:
            line += f"; {len(self.not_english)} not in English: analysed for metadata only"
        return line


@dataclass(frozen=True)
class ReadTask:
    source: str
    allow_private: bool = False


@dataclass(frozen=True)
class AnalyzeTask:
    document: Document
    store: str | None = None
    """Where the worker stores the analysis itself (a store's ``worker_location``); None: the
    analysis is handed back and this process stores it."""
    earlier: Analysis | None = None
    """The document's analysis before the corpus dated it: what reads no date is kept."""


@dataclass(frozen=True)
class Stored:
    """An analysis that a worker stored itself: what the run's summary needs of it."""

    source: str
    analysable: bool


Task = ReadTask | AnalyzeTask

_worker_stores = threading.local()
"""A worker thread's open stores by location, kept for the next task (one connection each)."""


def _file_date(source: str) -> str | None:
    """The modification day of a local file, the last resort for a publication date."""
    try:
        stamp = Path(source).stat().st_mtime
    except (OSError, ValueError, OverflowError):
        return None
    return datetime.fromtimestamp(stamp, tz=UTC).date().isoformat()


def _analyze_one(document: Document, earlier: Analysis | None = None) -> Analysis | Failure:
    try:
        if earlier is not None:
            return analyze_redated(earlier, document)
        return analyze_document(document)
    except TriangulateError as error:
        return Failure(document.source, str(error))
    except Exception as error:  # noqa: BLE001 - one broken document never stops a run
        return Failure(document.source, f"analysis failed: {type(error).__name__}: {error}")


def _work(task: Task) -> list[Document | Failure] | Analysis | Stored | Failure:
    """One unit of per-document work, run by an executor (in a worker process): a source read
    into its documents (a feed entry that cannot be read fails alone), or a document analysed
    (and stored, when the task names a store)."""
    from .ingest import read_source_entries

    if isinstance(task, AnalyzeTask):
        outcome = _analyze_one(task.document, task.earlier)
        if task.store is None or not isinstance(outcome, Analysis):
            return outcome
        _worker_store(task.store).put_analysis(outcome)
        return Stored(outcome.document.source, outcome.document.analysable)
    try:
        documents, failed = read_source_entries(task.source, allow_private=task.allow_private)
    except SourceError as error:
        return Failure(storable(task.source), error.reason)
    return [replace(d, source=storable(d.source)) for d in documents] + [
        Failure(storable(error.source), error.reason) for error in failed
    ]


def _worker_store(location: str) -> Store:
    stores: dict[str, Store] = _worker_stores.__dict__.setdefault("by_location", {})
    if location not in stores:
        stores[location] = open_store(location)
    return stores[location]


def storable(source: str) -> str:
    """A source name that can be stored and printed: the bytes of a file name that are not
    UTF-8 (read by Python as lone surrogates) shown as U+FFFD."""
    return source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _source_of(task: Task) -> str:
    return storable(task.source if isinstance(task, ReadTask) else task.document.source)


class Corpus:
    """A store of analysed documents and what reconciliation made of them."""

    def __init__(self, store: Store) -> None:
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
        budget: Budget | None = None,
    ) -> RunSummary:
        """Read, analyse and store ``sources``, then reconcile the whole corpus.

        ``sources`` are files, folders, globs, feeds or http(s) URLs; URLs on private or loopback
        addresses are refused unless ``allow_private`` is set. Each source and each document is
        read and analysed by ``executor`` under ``budget`` and stored as soon as it is done, so
        that a failure later in the run loses nothing: a document that fails becomes a failure
        record, and a corpus-wide step that fails is reported in ``RunSummary.stage_failure``
        (the next run does it again without analysing anything twice).
        """
        from .ingest.sources import find_sources

        report = progress or (lambda step, done, total: None)
        self.store.check_writable()
        summary = RunSummary()
        paths, skipped = find_sources(sources)
        for left_out in skipped:
            self._record_failure(summary, Failure(storable(left_out.source), left_out.reason))
        if executor == "local" and workers is None:
            workers = min(os.cpu_count() or 1, -(-len(paths) // DOCUMENTS_PER_WORKER))
        known = self.store.known_sha256()
        # a cluster's workers store their analyses themselves where the store takes writers
        written_by_workers = (
            self.store.worker_location() if executor.startswith("dask://") else None
        )
        queue: deque[Task] = deque(ReadTask(path, allow_private) for path in paths)
        read = documents = analysed = 0
        with make_executor(executor, workers, budget) as runner:
            for task, outcome in runner.map_unordered(_work, queue):
                if isinstance(outcome, TaskFailed):
                    outcome = Failure(_source_of(task), outcome.reason)
                if isinstance(task, ReadTask):
                    read += 1
                    report("reading", read, len(paths))
                else:
                    analysed += 1
                    if analysed == 1:
                        report("loading models", 1, 1)
                    report("analysing", analysed, documents)
                if isinstance(outcome, Failure):
                    self._record_failure(summary, outcome)
                elif isinstance(outcome, Analysis | Stored):
                    if isinstance(outcome, Analysis):
                        self.store.put_analysis(outcome)
                        outcome = Stored(outcome.document.source, outcome.document.analysable)
                    summary.analyzed.append(outcome.source)
                    if not outcome.analysable:
                        summary.not_english.append(outcome.source)
                else:
                    for document in outcome:
                        if isinstance(document, Failure):
                            self._record_failure(summary, document)
                        elif document.sha256 in known:
                            summary.unchanged.append(document.source)
                            self.store.clear_failure(document.source)
                        else:
                            known.add(document.sha256)
                            queue.append(AnalyzeTask(document, written_by_workers))
                            documents += 1
                            if documents == 1:  # the workers load the models for their first
                                report("loading models", 0, 1)
            summary.stage_failure = self._finish(runner, report)
        summary.documents_in_store = self.store.document_count()
        return summary

    def _record_failure(self, summary: RunSummary, failure: Failure) -> None:
        summary.failures.append(failure)
        self.store.put_failure(failure)

    def _finish(self, runner: Executor, report: Progress) -> StageFailure | None:
        """The corpus-wide steps after analysis: dating by the corpus, lineage (which needs the
        dates), reconciliation. Each runs again on the next run until it has stored its result."""
        stage = "dating undated documents"
        try:
            report("dating documents", 0, 1)
            analyses = self._date_undated_documents(self.store.analyses(), runner)
            # in one order whatever the order in which the re-dated documents finished
            analyses.sort(key=lambda a: (a.document.source, a.document.id))
            report("dating documents", 1, 1)
            stage = "republication lineage"
            report("finding copies", 0, 1)
            analyses = self._link_copies(analyses)
            report("finding copies", 1, 1)
            if not self.store.reconciliation_is_current():
                stage = "reconciliation"
                report("reconciling", 0, 1)
                self.reconcile(analyses)
                report("reconciling", 1, 1)
        except Exception as error:  # noqa: BLE001 - reported with the stage; analyses are kept
            return StageFailure(stage, describe_exception(error), traceback.format_exc())
        return None

    def _link_copies(self, stored: list[Analysis]) -> list[Analysis]:
        """Decide which stored documents copy which, now that every one is in the store; the
        analyses with their documents' lineage (changes are stored)."""
        from .ingest import link_copies
        from .ingest.lineage import shingle_set

        made_before = self.store.shingles()
        made_now = {
            a.document.id: shingle_set(a.document.text)
            for a in stored if a.document.id not in made_before
        }
        if made_now:
            self.store.put_shingles(made_now)
        shingles = [made_before[i] if i in made_before else made_now[i]
                    for i in (a.document.id for a in stored)]
        linked = []
        for analysis, document in zip(
            stored, link_copies([a.document for a in stored], shingles), strict=True
        ):
            if document != analysis.document:
                analysis = replace(analysis, document=document)
                self.store.put_analysis(analysis)
            linked.append(analysis)
        return linked

    def _date_undated_documents(
        self, analyses: list[Analysis], runner: Executor
    ) -> list[Analysis]:
        """Date undated documents by the rest of the corpus, else by their file's modification
        time (basis "file", revisited on later runs), and analyse them again.

        Returns every analysis, the re-analysed ones last."""
        from .analyze.time import find_times
        from .reconcile.dating import DayYears, yearless_days

        day_years = DayYears(analyses)
        read_before = self.store.yearless_days()
        read_now: dict[str, frozenset[str]] = {}
        dated: list[Task] = []
        for analysis in analyses:
            document = analysis.document
            if document.published and document.published_basis != "file":
                continue
            if not document.published:
                days = yearless_days(analysis.times)
            elif (days_before := read_before.get(document.id)) is not None:
                days = days_before
            else:  # the year-less dates read again, free of the file's date, once
                days = yearless_days(find_times(document.text, None))
                read_now[document.id] = days
            published = day_years.date_by_days(document.id, days)
            basis: PublishedBasis = "inferred"
            if published is None:
                if document.published:
                    continue
                published, basis = _file_date(document.source), "file"
                if published is None:
                    continue
            dated.append(
                AnalyzeTask(
                    replace(
                        document,
                        published=published,
                        published_precision="day",
                        published_basis=basis,
                    ),
                    earlier=analysis,
                )
            )
        if read_now:
            self.store.put_yearless_days(read_now)
        redated: list[Analysis] = []
        for _task, result in runner.map_unordered(_work, dated):
            if isinstance(result, Analysis):  # a document that fails keeps its undated analysis
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
        """The stored results with people's decisions (the audit trail) applied."""
        from .review import adjudicated

        return adjudicated(self.store)

    def failures(self) -> list[Failure]:
        return self.store.failures()

    def export_data(self) -> dict:
        """The JSON export (DESIGN.md "The export") as a Python dict."""
        from .outputs.export_json import export_data

        return export_data(self.analyses(), self.reconciliation())
