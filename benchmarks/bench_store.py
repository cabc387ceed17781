"""The store's speed on real analyses, SQLite beside PostgreSQL.

    .venv/bin/python benchmarks/bench_store.py [--documents N] [--rounds 3]
        [--shared ../shared] [--postgres postgresql://...]

Analyses the development stories (``../shared/corpus/dev``, first N documents) once, then for
each backend, in a fresh store each round: writes every analysis (documents per second), reads
them all back (documents per second), stores the reconciliation, and searches (the first search
builds the index; then the median of a few queries). Also prints how many bytes the analyses
take as plain JSON beside packed (compressed, without the text the documents table keeps).
Without ``--postgres`` a throwaway server is started (``tests/postgres_server.py``); the
PostgreSQL column is left out, saying why, where none can be.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from triangulate import serialize
from triangulate.corpus import Corpus
from triangulate.model import Analysis, Reconciliation
from triangulate.store import open_store
from triangulate.store.packing import pack_analysis

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("president", "police said", "protest*", '"prime minister"', "killed people")


def analyse(shared: Path, limit: int, work: Path) -> tuple[list[Analysis], Reconciliation]:
    sources = sorted(
        str(path)
        for path in (shared / "corpus" / "dev").rglob("*")
        if path.is_file() and path.suffix in {".txt", ".html", ".md"} and path.name != "README.md"
    )[:limit]
    with Corpus.open(work / "analysed.db") as corpus:
        summary = corpus.analyze(sources, executor="serial")
        print(f"analysed the development corpus: {summary.line()}", file=sys.stderr)
        return corpus.analyses(), corpus.store.reconciliation()


def measure(
    new_location: Callable[[], str],
    analyses: list[Analysis],
    reconciliation: Reconciliation,
    rounds: int,
) -> dict[str, float]:
    writes, reads, builds, searches = [], [], [], []
    for _ in range(rounds):
        location = new_location()
        with open_store(location) as store:
            started = time.perf_counter()
            for analysis in analyses:
                store.put_analysis(analysis)
            writes.append(len(analyses) / (time.perf_counter() - started))
            started = time.perf_counter()
            assert len(store.analyses()) == len(analyses)
            reads.append(len(analyses) / (time.perf_counter() - started))
            store.put_reconciliation(reconciliation)
            started = time.perf_counter()
            store.search(QUERIES[0])
            builds.append(time.perf_counter() - started)
            for query in QUERIES:
                started = time.perf_counter()
                store.search(query)
                searches.append(time.perf_counter() - started)
    return {
        "write (documents/s)": statistics.median(writes),
        "full read (documents/s)": statistics.median(reads),
        "first search, index built (ms)": 1000 * statistics.median(builds),
        "search (ms, median)": 1000 * statistics.median(searches),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000, help="at most this many")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--postgres", help="a server database to use (emptied: give a scratch one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        analyses, reconciliation = analyse(args.shared, args.documents, work)
        counter = iter(range(1_000_000))
        columns: dict[str, dict[str, float]] = {
            "SQLite": measure(
                lambda: str(work / f"bench-{next(counter)}.db"),
                analyses,
                reconciliation,
                args.rounds,
            )
        }
        server = None
        try:
            if args.postgres:
                columns["PostgreSQL"] = measure(
                    lambda: _emptied(args.postgres), analyses, reconciliation, args.rounds
                )
            else:
                sys.path.insert(0, str(ROOT))
                from tests.postgres_server import ServerUnavailable, start_server

                try:
                    server = start_server()
                except ServerUnavailable as why:
                    print(f"PostgreSQL left out: {why}", file=sys.stderr)
                if server is not None:
                    columns["PostgreSQL"] = measure(
                        server.new_database, analyses, reconciliation, args.rounds
                    )
        finally:
            if server is not None:
                server.stop()

    plain = sum(len(serialize.dumps(a).encode()) for a in analyses)
    packed = sum(len(pack_analysis(a)) for a in analyses)
    texts = sum(len(a.document.text.encode()) for a in analyses)
    print(f"{len(analyses)} documents, {args.rounds} rounds")
    names = list(columns)
    print(f"{'':34}" + "".join(f"{name:>14}" for name in names))
    for row in next(iter(columns.values())):
        print(f"{row:34}" + "".join(f"{columns[name][row]:>14.1f}" for name in names))
    print(
        f"analyses as plain JSON {plain / 1e6:.2f} MB (text inside); packed {packed / 1e6:.2f} MB"
        f" + text once {texts / 1e6:.2f} MB"
    )
    return 0


def _emptied(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    return url


if __name__ == "__main__":
    sys.exit(main())
