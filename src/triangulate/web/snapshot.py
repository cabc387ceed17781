"""What the web app shows: one in-memory snapshot of the store, reloaded when the store changes."""

from __future__ import annotations

import bisect
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar, get_args
from urllib.parse import quote

from ..errors import StoreError
from ..model import (
    AdjudicationOutcome,
    Analysis,
    ClaimRecord,
    Comparison,
    DocSpan,
    Document,
    Entity,
    Event,
    Failure,
    Reconciliation,
    Verdict,
)
from ..reconcile.adjudication import adjudicate, matching_comparisons
from ..store import Store, is_server_location, open_store
from ..store.packing import Outline

if TYPE_CHECKING:
    from ..store.postgres import PostgresStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoredDocuments:
    """A document's text and analysis, read from the store when a page asks for them (the
    last few kept), instead of every analysis held at once."""

    KEPT = 64

    def __init__(self, source: SnapshotSource | None = None) -> None:
        self._source = source
        self.analysis = lru_cache(maxsize=self.KEPT)(self._analysis)
        self.text = lru_cache(maxsize=4 * self.KEPT)(self._text)

    def _analysis(self, doc_id: str) -> Analysis | None:
        return self._source.read(lambda store: store.analysis(doc_id)) if self._source else None

    def _text(self, doc_id: str) -> str | None:
        if self._source is None:
            return None
        return self._source.read(lambda store: store.document_text(doc_id))


@dataclass(frozen=True)
class Snapshot:
    """The store's document outlines and reconciliation, indexed the ways the pages and API
    look them up; texts and analyses are read from the store one document at a time."""

    outlines: dict[str, Outline]
    reconciliation: Reconciliation
    failures: tuple[Failure, ...]
    stored: StoredDocuments = field(default_factory=StoredDocuments)
    claims: dict[str, ClaimRecord] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    entity_of_mention: dict[tuple[str, int, int], str] = field(default_factory=dict)
    comparisons_of_claim: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claims_of: dict[str, tuple[ClaimRecord, ...]] = field(default_factory=dict)
    decisions: dict[str, tuple[AdjudicationOutcome, ...]] = field(default_factory=dict)
    publishers: tuple[str, ...] = ()
    _sentence_starts: dict[str, list[int]] = field(default_factory=dict)
    verdict_choices: ClassVar[tuple[str, ...]] = get_args(Verdict)

    @classmethod
    def build(
        cls,
        outlines: list[Outline],
        reconciliation: Reconciliation,
        failures: list[Failure],
        stored: StoredDocuments | None = None,
    ) -> Snapshot:
        by_claim: dict[str, list[str]] = {}
        for comparison in reconciliation.comparisons:
            for claim_id in comparison.claims:
                by_claim.setdefault(claim_id, []).append(comparison.id)
        claims_of: dict[str, list[ClaimRecord]] = {}
        for claim in reconciliation.claims:
            claims_of.setdefault(claim.document, []).append(claim)
        documents = [o.analysis.document for o in outlines]
        return cls(
            outlines={o.analysis.document.id: o for o in outlines},
            reconciliation=reconciliation,
            failures=tuple(failures),
            stored=stored or StoredDocuments(),
            claims={c.id: c for c in reconciliation.claims},
            entities={e.id: e for e in reconciliation.entities},
            events={e.id: e for e in reconciliation.events},
            comparisons={c.id: c for c in reconciliation.comparisons},
            entity_of_mention={
                (m.document, m.start, m.end): e.id
                for e in reconciliation.entities
                for m in e.mentions
            },
            comparisons_of_claim={k: tuple(v) for k, v in by_claim.items()},
            claims_of={k: tuple(v) for k, v in claims_of.items()},
            decisions=_decisions_by_record(reconciliation),
            publishers=tuple(sorted({d.publisher for d in documents if d.publisher})),
            _sentence_starts={
                o.analysis.document.id: [s.start for s in o.analysis.sentences] for o in outlines
            },
        )

    def adjudicated(self, reconciliation: Reconciliation, failures: list[Failure]) -> Snapshot:
        """This snapshot with the same documents and ``reconciliation`` (the same results
        with other decisions applied)."""
        return Snapshot.build(list(self.outlines.values()), reconciliation, failures, self.stored)

    # ---- lookups --------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        """The document's metadata (its text left out: ``text`` reads it)."""
        outline = self.outlines.get(doc_id)
        return outline.analysis.document if outline else None

    def analysis(self, doc_id: str) -> Analysis | None:
        """The document's whole analysis, read from the store."""
        return self.stored.analysis(doc_id) if doc_id in self.outlines else None

    def text(self, doc_id: str) -> str | None:
        return self.stored.text(doc_id) if doc_id in self.outlines else None

    def sentence_index(self, doc_id: str, offset: int) -> int | None:
        """The index of the sentence of ``doc_id`` that holds ``offset``, if any."""
        outline = self.outlines.get(doc_id)
        if outline is None:
            return None
        sentences = outline.analysis.sentences
        index = bisect.bisect_right(self._sentence_starts[doc_id], offset) - 1
        if 0 <= index < len(sentences) and offset < sentences[index].end:
            return index
        return None

    def sentence_text(self, doc_id: str, offset: int) -> tuple[str, int] | None:
        """The sentence around ``offset`` and where it starts."""
        index = self.sentence_index(doc_id, offset)
        text = self.text(doc_id) if index is not None else None
        if index is None or text is None:
            return None
        sentence = self.outlines[doc_id].analysis.sentences[index]
        return sentence.of(text), sentence.start

    def href(self, doc_id: str, start: int | None = None, end: int | None = None) -> str:
        """The document page, scrolled to the sentence of ``start`` with ``start:end`` marked."""
        url = f"/documents/{quote(doc_id, safe='')}"
        if start is None:
            return url
        if end is not None and end > start:
            url += f"?mark={start}-{end}"
        index = self.sentence_index(doc_id, start)
        return url + (f"#s{index}" if index is not None else "")

    def label(self, doc_id: str) -> str:
        """A short name for a document: its publisher (or title, or file) and date."""
        document = self.document(doc_id)
        if document is None:
            return doc_id
        name = document.publisher or document.title or Path(document.source).name
        return f"{name} ({document.published})" if document.published else name

    def comparisons_of_event(self, event: Event) -> list[Comparison]:
        seen: dict[str, Comparison] = {}
        for claim_id in event.claims:
            for comparison_id in self.comparisons_of_claim.get(claim_id, ()):
                seen.setdefault(comparison_id, self.comparisons[comparison_id])
        return list(seen.values())

    def sources_of_event(self, event: Event) -> list[DocSpan]:
        """The first mention of ``event`` in each document that reports it."""
        first: dict[str, DocSpan] = {}
        for mention in event.mentions:
            first.setdefault(mention.document, mention)
        return list(first.values())

    def claims_of_document(self, doc_id: str) -> list[ClaimRecord]:
        return list(self.claims_of.get(doc_id, ()))

    def decisions_of(self, record_id: str) -> tuple[AdjudicationOutcome, ...]:
        """The decisions taken on a comparison, entity or event, oldest first (superseded
        ones and those that no longer apply included)."""
        return self.decisions.get(record_id, ())


def _quietly(action: Callable[[Snapshot], object], snapshot: Snapshot) -> None:
    """``action`` done ahead of need: a failure is the page's to report, when it asks."""
    try:
        action(snapshot)
    except Exception as error:  # noqa: BLE001
        log.warning("cannot prepare a view ahead of need: %s", error)


def _decisions_by_record(
    reconciliation: Reconciliation,
) -> dict[str, tuple[AdjudicationOutcome, ...]]:
    """Each record's decisions: those that shaped it, those taken on it under its id, and for a
    comparison every decision on its claims."""
    found: dict[str, list[AdjudicationOutcome]] = {}
    comparisons = reconciliation.comparisons
    for outcome in reconciliation.adjudications:
        decision = outcome.adjudication
        keys = [*outcome.targets, decision.target, *decision.merged]
        if decision.target_kind == "comparison":
            keys += [c.id for c in matching_comparisons(decision.claims, comparisons)]
        for key in dict.fromkeys(keys):
            found.setdefault(key, []).append(outcome)
    return {key: tuple(outcomes) for key, outcomes in found.items()}


class SnapshotSource:
    """Opens the store at ``location`` when needed and keeps the last snapshot until the store
    changes.

    For a SQLite file, a change shows as a new ``PRAGMA data_version`` on one connection kept
    open for that (it counts commits by every other connection, in any process), or as a new
    file at the path; checking costs one PRAGMA and one ``stat``. For a PostgreSQL store, it
    shows as a new count of the store's writes, read on one connection kept open (one small
    query). Only the first request after a change reloads while the others wait for it, and
    only what changed: the outlines when documents were written (the store's ``generation``),
    the results too when they were (``results_generation``), and always the decisions and
    failures, applied again to the results kept. Texts and analyses are read on one store per
    thread, kept open (SQLite connections stay in the thread that made them); other reads open
    a short-lived store.
    """

    def __init__(self, location: str | Path) -> None:
        self.location = location
        self.on_server = is_server_location(location)
        self.path = Path(location)
        self._lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None
        self._watched_file: tuple[int, int] | None = None
        self._watch_server: PostgresStore | None = None
        self._version: tuple[int, int, int] | None = None
        self._snapshot: Snapshot | None = None
        self._results: tuple[tuple[int, ...], tuple[int, int], Reconciliation] | None = None
        self.warmers: list[Callable[[Snapshot], object]] = []
        """What to compute, on a thread of its own, for each snapshot loaded anew (the views
        built from the whole corpus), so that the first page asking for it need not wait."""
        self._readers = threading.local()
        self._opened: list[Store] = []
        with self.store():  # creates and migrates the store now, so that errors show at start
            pass

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = open_store(self.location if self.on_server else self.path)
        try:
            yield store
        finally:
            store.close()

    def read(self, reading: Callable[[Store], T]) -> T:
        """``reading`` done on this thread's store, opened again after the file was replaced."""
        file = self._version[:2] if self._version else None
        kept: tuple[Store, object] | None = getattr(self._readers, "store", None)
        if kept is None or kept[1] != file:
            store = open_store(self.location if self.on_server else self.path)
            with self._lock:
                self._opened.append(store)
            kept = self._readers.store = (store, file)
        try:
            return reading(kept[0])
        except (StoreError, sqlite3.Error):
            self._readers.store = None
            raise

    def current(self) -> Snapshot:
        with self._lock:
            version = self._store_version()
            if self._snapshot is None or version != self._version:
                with self.store() as store:
                    try:
                        if store.refresh_search_index():
                            version = self._store_version()  # not a change for the snapshot
                    except (StoreError, sqlite3.Error) as error:  # a search retries it
                        log.warning("cannot refresh the search index now: %s", error)
                    self._snapshot = self._load(store, version)
                self._version = version
            return self._snapshot

    def _load(self, store: Store, version: tuple[int, int, int]) -> Snapshot:
        generation = (store.generation(), store.results_generation())
        kept = self._results
        if kept is not None and self._snapshot is not None and kept[:2] == (
            version[:2],
            generation,
        ):
            return self._snapshot.adjudicated(
                adjudicate(kept[2], store.adjudications()), store.failures()
            )
        if kept is not None and kept[0] == version[:2] and kept[1][1] == generation[1]:
            results = kept[2]  # documents written, the results not (yet)
        else:
            results = store.reconciliation()
        outlines = store.outlines()
        self._results = (version[:2], generation, results)
        snapshot = Snapshot.build(
            outlines,
            adjudicate(results, store.adjudications()),
            store.failures(),
            StoredDocuments(self),
        )
        for warm in self.warmers:
            threading.Thread(target=_quietly, args=(warm, snapshot), daemon=True).start()
        return snapshot

    def load_quietly(self) -> None:
        """Load the snapshot ahead of the first request (which reports any failure)."""
        try:
            self.current()
        except Exception as error:  # noqa: BLE001
            log.warning("cannot load the store ahead of need: %s", error)

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            if self._watch is not None:
                self._watch.close()
            self._watch = None
            if self._watch_server is not None:
                self._watch_server.close()
            self._watch_server = None

    def _store_version(self) -> tuple[int, int, int]:
        """(device, inode, data_version) of the store now: equal while nothing changed."""
        if self.on_server:
            return (0, 0, self._server_changes())
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return (0, 0, 0)
        file = (info.st_dev, info.st_ino)
        if self._watch is None or file != self._watched_file:
            if self._watch is not None:
                self._watch.close()
            self._watch = sqlite3.connect(self.path, check_same_thread=False)
            self._watched_file = file
        return (*file, int(self._watch.execute("PRAGMA data_version").fetchone()[0]))

    def _server_changes(self) -> int:
        """The PostgreSQL store's count of writes (its watching connection opened again once
        when the server dropped it)."""
        from ..store.postgres import PostgresStore

        if self._watch_server is not None:
            try:
                return self._watch_server.change_count()
            except StoreError:
                self._watch_server.close()
                self._watch_server = None
        self._watch_server = PostgresStore(str(self.location))
        return self._watch_server.change_count()
