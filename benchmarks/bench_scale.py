"""Reconciliation at scale on real news: 250, 1,000 and every document, cold.

    .venv/bin/python benchmarks/bench_scale.py [--work /tmp/triangulate-scale] [--sizes 250 1000 0]
                                               [--workers 2] [--profile FILE] [--only-build]

The corpus is the PolNeAR articles (1,008, ``../shared/data/attribution/polnear/*/text``) and the
CoNLL-2003 Reuters stories (1,393, each rebuilt from its tokens, split at ``-DOCSTART-``): 2,401
real articles. They are analysed once, as a user runs it (``Corpus.analyze``: reading, analysis,
dating, lineage; reconciliation left out), into a SQLite store under ``--work``, outside the
repository, and that store is reused when present: analysis speed is ``bench_pipeline``'s.

For each size (the first N analyses in document id order; 0 means all) a fresh process reads the
store and times the corpus steps (republication lineage, dating by the corpus) and
``triangulate.reconcile.reconcile``, step by step (``triangulate.reconcile.timing``), with the
peak memory of that process (``ru_maxrss``: the analyses read from the store included) and how much
reconciliation added to it. The growth exponent between sizes is ``log(t2/t1) / log(n2/n1)``.

Beside it: the baseline (the first measurement before the indexes, a constant: the old code is not
in this tree; and, in process, a sample of bare surnames matched by a scan of every full name
against the index that replaced it); the determinism checks (1,000 analyses reconciled in the
reverse order, and in two processes with different string hashes; a dozen articles analysed and
reconciled serially and by a process pool); and ten more articles added to a copy of the biggest
store as a user adds them (``Corpus.analyze``, after a run that found nothing new), the time at
the end of each phase it reports, beside the same with the code of ``--baseline`` (a git
revision, checked out into a temporary worktree; ``--only-add-ten`` times only this, on the store
as it is, built no further).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triangulate import Corpus
from triangulate.model import Analysis, Reconciliation

SHARED = Path(os.environ.get("TRIANGULATE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
POLNEAR = SHARED / "data" / "attribution" / "polnear"
CONLL = SHARED / "data" / "ner" / "conll2003"
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
ADDED = 10
"""Sources left out of the store, to be added to it as a user adds them."""


def polnear_sources() -> list[str]:
    return sorted(str(path) for path in POLNEAR.glob("*/text/*.txt"))


def conll_stories() -> Iterator[tuple[str, str]]:
    """(name, text) of every CoNLL-2003 document: the headline, then the dateline and body."""
    for split in ("train", "val", "test"):
        number = 0
        sentences: list[list[str]] = []
        tokens: list[str] = []
        for line in [*(CONLL / f"{split}.conllu").read_text().splitlines(), "-DOCSTART-", ""]:
            fields = line.split("\t")
            if "-DOCSTART-" in line:
                if tokens:
                    sentences.append(tokens)
                if sentences:
                    number += 1
                    yield f"conll-{split}-{number:04d}", _story_text(sentences)
                sentences, tokens = [], []
            elif len(fields) >= 2:
                tokens.append(fields[1])
            elif tokens:
                sentences.append(tokens)
                tokens = []


def _story_text(sentences: list[list[str]]) -> str:
    lines = [_NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words)))
             for words in sentences]
    return lines[0] + "\n\n" + "\n".join(lines[1:3]) + "\n\n" + " ".join(lines[3:]) + "\n"


def conll_sources(work: Path) -> list[str]:
    folder = work / "conll"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in conll_stories():
        path = folder / f"{name}.txt"
        if not path.exists():
            path.write_text(text)
            os.utime(path, (820454400, 820454400))  # 1996-01-01: a fixed file date
        paths.append(str(path))
    return paths


class _AnalyseOnly(Corpus):
    """A run without its reconciliation: that is what is timed, separately."""

    def reconcile(self, analyses: list[Analysis] | None = None) -> Reconciliation:
        return Reconciliation((), (), (), (), ())


def build_store(work: Path, workers: int) -> Path:
    """The analysed corpus, built once, less the ``ADDED`` last sources."""
    store = work / "scale.db"
    sources = sources_all(work)[:-ADDED]
    with _AnalyseOnly.open(store) as corpus:
        if corpus.store.document_count() < len(sources) - 50:  # some are copies or fail
            began = time.perf_counter()
            summary = corpus.analyze(sources, workers=workers, progress=_progress)
            print(f"analysed in {time.perf_counter() - began:.0f} s: {summary.line()}", flush=True)
    return store


def sources_all(work: Path) -> list[str]:
    return polnear_sources() + conll_sources(work)


def _progress(step: str, done: int, total: int) -> None:
    if (step != "analysing" or done % 100 == 0) and (step != "reading" or done == total):
        print(f"  {step} {done}/{total}", file=sys.stderr, flush=True)


def _stored(store: Path, size: int) -> list[Analysis]:
    """The first ``size`` stored analyses in document id order (0: all of them)."""
    with Corpus.open(store) as corpus:
        analyses = sorted(corpus.analyses(), key=lambda a: a.document.id)
    return analyses[:size] if size else analyses


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(store: Path, size: int, profile: Path | None) -> dict[str, Any]:
    """One size, in this (fresh) process: the corpus steps and reconciliation, timed."""
    from triangulate.ingest import link_copies
    from triangulate.reconcile import reconcile
    from triangulate.reconcile.dating import DayYears
    from triangulate.reconcile.timing import recording

    analyses = _stored(store, size)
    before = _rss_mb()
    steps: dict[str, float] = {}
    began = time.perf_counter()
    link_copies([a.document for a in analyses])
    steps["lineage"] = time.perf_counter() - began
    began = time.perf_counter()
    day_years = DayYears(analyses)
    for analysis in analyses:
        if not analysis.document.published or analysis.document.published_basis == "file":
            day_years.date(analysis)
    steps["dating"] = time.perf_counter() - began
    began = time.perf_counter()
    with recording() as seconds:
        if profile:
            import cProfile

            with cProfile.Profile() as profiler:
                result = reconcile(analyses)
            profiler.dump_stats(profile)
        else:
            result = reconcile(analyses)
    total = time.perf_counter() - began
    steps.update(seconds)
    baseline = surname_baseline(analyses) if size == 0 else None
    return {
        "baseline": baseline,
        "same_reversed": reconcile(analyses[::-1]) == result if size == ORDER_CHECK_SIZE else None,
        "digest": hashlib.sha256(repr(result).encode()).hexdigest(),
        "documents": len(analyses),
        "words": sum(len(a.document.text.split()) for a in analyses),
        "mentions": sum(len(a.mentions) for a in analyses),
        "seconds": total,
        "steps": steps,
        "rss_mb": _rss_mb(),
        "reconcile_mb": _rss_mb() - before,
        "entities": len(result.entities),
        "claims": len(result.claims),
        "events": len(result.events),
        "comparisons": len(result.comparisons),
        "timeline": len(result.timeline),
    }


def _in_fresh_processes(
    args: argparse.Namespace, size: int, hash_seeds: tuple[int, ...] = (1,)
) -> list[dict[str, Any]]:
    """``measure`` in a new process for each of ``hash_seeds`` (the seed of its string hashes,
    that is of its set order), the processes started together so that they read the same
    code (in a working tree that others edit, a later process may not)."""
    command = [sys.executable, __file__, "--work", str(args.work), "--measure", str(size)]
    if args.profile and size == 0:
        command += ["--profile", str(args.profile)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONHASHSEED": str(seed)})
        for seed in hash_seeds
    ]
    outputs = [process.communicate()[0] for process in processes]
    if any(process.returncode for process in processes):
        raise RuntimeError(f"measuring {size} documents failed")
    return [json.loads(output.splitlines()[-1]) for output in outputs]


FIRST_MEASUREMENT = {
    "documents": 300, "seconds": 146.5,
    "steps": {"entities": 137.7, "claims": 0.15, "events": 0.92, "comparisons": 6.55,
              "timeline": 0.01},
}
"""Before the indexes (at 5fe7143), once, on 300 of these analyses, 2 busy cores: the baseline
that cannot run in this process (the entity step alone grows with the square of the corpus)."""
BASELINE_NAMES = 200
ORDER_CHECK_SIZE = 1000
"""At this size the analyses are reconciled again in the reverse order, and compared."""
EXECUTOR_CHECK_SOURCES = 12
POSITIONS_MIGRATION = 9
"""The store migration that keeps each result's place in a column (``RESULT_POSITIONS``)."""
BASELINE = "ed77c66"
"""The tree before issue 19's latest round (stop words without spaCy, results written back as the
rows that changed): the adding of ten documents is timed there too, in the same run."""


def executor_check(work: Path) -> dict[str, Any]:
    """The same sources analysed and reconciled in this process and by a pool of two workers,
    into fresh stores: the two reconciliations compared."""
    results = {}
    for executor, workers in (("serial", None), ("local", 2)):
        store = work / f"executor-{executor}.db"
        store.unlink(missing_ok=True)
        with Corpus.open(store) as corpus:
            corpus.analyze(sources_all(work)[-EXECUTOR_CHECK_SOURCES - ADDED : -ADDED],
                           executor=executor, workers=workers)
            results[executor] = corpus.store.reconciliation()
    serial, pool = results["serial"], results["local"]
    return {"entities": (len(serial.entities), len(pool.entities)), "same": serial == pool}


def surname_baseline(analyses: list[Analysis]) -> dict[str, Any]:
    """The baseline in process: a sample of bare surnames matched against every full name of
    the corpus by a scan (as before the index) and through the index, with the same answers."""
    import random

    from triangulate.analyze.entities import normalize_name
    from triangulate.reconcile.entities import (
        _is_bare_name,
        _is_full_person,
        _Item,
        _surname_key,
        _surname_matches,
        _SurnameMatcher,
    )

    items = [_Item(a.document.id, m, m.normalized or normalize_name(m.text), n)
             for a in analyses for n, m in enumerate(a.mentions)]
    full = [i for i, item in enumerate(items) if _is_full_person(item)]
    surnames = {i: _surname_key(items[i]) for i in full}
    keys = {i: items[i].key for i in full}
    bare = sorted({item.key for item in items if _is_bare_name(item)})
    sample = random.Random(1).sample(bare, min(BASELINE_NAMES, len(bare)))
    began = time.perf_counter()
    scanned = [[i for i in full if _surname_matches(key, surnames[i], keys[i])] for key in sample]
    scan = time.perf_counter() - began
    began = time.perf_counter()
    matcher = _SurnameMatcher(full, surnames, keys)
    indexed = [matcher.in_corpus(key) for key in sample]
    index = time.perf_counter() - began
    return {"full names": len(full), "bare names": len(bare), "sample": len(sample),
            "scan_s": scan, "index_s": index, "same": scanned == indexed}


def add_ten(work: Path, store: Path, workers: int, name: str = "add10") -> dict[str, float]:
    """The held-out sources added to a copy of the biggest store, as a user adds them, after a
    run that found nothing new (which reconciled the store and kept what a run keeps): seconds
    from the start of the run to the end of each phase it reports, the CPU seconds of this
    process (the analysis runs in a worker process) and its peak memory."""
    import sqlite3

    copy = work / f"{name}.db"
    for stale in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
        stale.unlink(missing_ok=True)
    source, target = sqlite3.connect(store), sqlite3.connect(copy)
    source.backup(target)
    if name == "add10-baseline":  # older code: newer migrations (columns it does not write) undone
        from triangulate.store.migrations import MIGRATIONS

        newest = max(m.version for m in MIGRATIONS)
        target.execute("DELETE FROM schema_migrations WHERE version > ?", (newest,))
        if newest < POSITIONS_MIGRATION:  # older code writes result rows without their place
            for table in ("entities", "claims", "events", "comparisons"):
                target.execute(f"DROP INDEX IF EXISTS {table}_position")
                target.execute(f"ALTER TABLE {table} DROP COLUMN position")
        target.commit()
    target.close()  # still open, it leaves the copy unwritable to the store's own connection
    source.close()
    subprocess.run([sys.executable, __file__, "--work", str(work), "--prepare", str(copy)],
                   check=True)  # in another process: the peak memory is the timed run's
    sources = sources_all(work)[-ADDED:]  # the benchmark's own reading of CoNLL, not timed
    began, cpu = time.perf_counter(), time.process_time()
    ends: dict[str, float] = {}

    def progress(step: str, done: int, total: int) -> None:
        ends[step] = time.perf_counter() - began

    with Corpus.open(copy) as corpus:
        summary = corpus.analyze(sources, workers=workers, progress=progress)
    ends["whole run"] = time.perf_counter() - began
    ends["CPU s (this process)"] = time.process_time() - cpu
    ends["peak RSS MB"] = _rss_mb()
    print(f"added: {summary.line()}", file=sys.stderr)
    return ends


def add_ten_at(revision: str | None, work: Path, workers: int) -> dict[str, float]:
    """``add_ten`` in a fresh process, with this tree's code or with the product of a git
    ``revision``, checked out into a temporary worktree whose ``src`` that process imports."""
    import tempfile

    root = Path(__file__).resolve().parents[1]
    command = [sys.executable, __file__, "--work", str(work), "--add-ten", str(workers)]
    if revision is None:
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
        return dict(json.loads(done.stdout.splitlines()[-1]))
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "baseline"
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", "-q", str(tree),
                        revision], check=True)
        try:
            done = subprocess.run(
                [*command, "--older-code"], env={**os.environ, "PYTHONPATH": str(tree / "src")},
                stdout=subprocess.PIPE, text=True, check=True,
            )
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)],
                           check=False)
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _exponent(smaller: dict[str, Any], bigger: dict[str, Any]) -> float:
    """The growth exponent between two sizes: log(t2/t1) / log(n2/n1)."""
    return math.log(bigger["seconds"] / smaller["seconds"]) / math.log(
        bigger["documents"] / smaller["documents"]
    )


def _print_sizes(rows: list[dict[str, Any]]) -> None:
    print("| documents | words | mentions | seconds | exponent | peak RSS MB | reconcile MB "
          "| entities | events | comparisons |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    previous = None
    for row in rows:
        exponent = "-" if previous is None else f"{_exponent(previous, row):.2f}"
        print(f"| {row['documents']} | {row['words']} | {row['mentions']} | {row['seconds']:.1f} "
              f"| {exponent} | {row['rss_mb']:.0f} | {row['reconcile_mb']:.0f} | {row['entities']} "
              f"| {row['events']} | {row['comparisons']} |")
        previous = row
    names = list(dict.fromkeys(name for row in rows for name in row["steps"]))
    print("\nper step, seconds (lineage and dating are the corpus steps before reconciliation):")
    print("| step | " + " | ".join(str(row["documents"]) for row in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{row['steps'].get(name, 0.0):.2f}" for row in rows)
              + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/triangulate-scale"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 0])
    parser.add_argument("--profile", type=Path, help="cProfile the biggest size into this file")
    parser.add_argument("--only-build", action="store_true")
    parser.add_argument("--baseline", default=BASELINE,
                        help="the git revision whose adding of ten documents runs beside this "
                        "tree's ('' for none)")
    parser.add_argument("--only-add-ten", action="store_true",
                        help="time only the adding of ten documents, to the store as it is")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--add-ten", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--older-code", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    store = args.work / "scale.db"
    if args.prepare is not None:
        with Corpus.open(args.prepare) as corpus:  # a run that finds nothing new
            corpus.analyze([], workers=1)
        return 0
    if args.measure is not None:
        print(json.dumps(measure(store, args.measure, args.profile)))
        return 0
    if args.add_ten is not None:
        name = "add10-baseline" if args.older_code else "add10"
        print(json.dumps(add_ten(args.work, store, args.add_ten, name=name)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    if args.only_add_ten:  # on the store as it is
        print_add_ten(args, store, _stored_count(store))
        return 0
    store = build_store(args.work, args.workers)
    if args.only_build:
        return 0
    rows = [_in_fresh_processes(args, size)[0] for size in args.sizes]
    _print_sizes(rows)
    before = FIRST_MEASUREMENT
    print(f"\nbaseline, first measurement before the indexes, {before['documents']} documents: "
          f"{before['seconds']:.1f} s; " + ", ".join(f"{k} {v:.2f}" for k, v in
                                                   before["steps"].items()))  # type: ignore[attr-defined]
    baseline = rows[-1]["baseline"]
    if baseline:
        print(f"\nbaseline in process, {baseline['sample']} of the {baseline['bare names']} bare "
              f"surnames against the {baseline['full names']} full person names: a scan of "
              f"every full name {baseline['scan_s']:.2f} s, the index {baseline['index_s']:.3f} s "
              f"(building it included); same matches: {baseline['same']}")
    for row in rows:
        if row["same_reversed"] is not None:
            print(f"\n{row['documents']} analyses reconciled in the reverse order: "
                  f"{'identical' if row['same_reversed'] else 'DIFFERENT'} results")
    one, two = _in_fresh_processes(args, ORDER_CHECK_SIZE, hash_seeds=(1, 2))
    print(f"{ORDER_CHECK_SIZE} analyses reconciled in two processes with different string hashes "
          f"(set order): {'identical' if one['digest'] == two['digest'] else 'DIFFERENT'} "
          "results")
    check = executor_check(args.work)
    print(f"{EXECUTOR_CHECK_SOURCES} articles analysed and reconciled serially and by a pool of "
          f"two workers: entities {check['entities'][0]} / {check['entities'][1]}, "
          f"{'identical' if check['same'] else 'DIFFERENT'} reconciliations")
    print_add_ten(args, store, rows[-1]["documents"])
    return 0


def _stored_count(store: Path) -> int:
    with Corpus.open(store) as corpus:
        return corpus.store.document_count()


def print_add_ten(args: argparse.Namespace, store: Path, documents: int | None) -> None:
    runs = {"this tree": add_ten_at(None, args.work, workers=1)}
    if args.baseline:
        runs[f"baseline {args.baseline}"] = add_ten_at(args.baseline, args.work, workers=1)
    phases = list(dict.fromkeys(phase for ends in runs.values() for phase in ends))
    print(f"\nten documents added to the store of {documents or 'every'} analysed document, "
          "one worker, seconds from the start of the run to the end of each phase:")
    print("| code | " + " | ".join(phases) + " |")
    print("|---|" + "---|" * len(phases))
    for label, ends in runs.items():
        print(f"| {label} | " + " | ".join(
            f"{ends[p]:.1f}" if p in ends else "-" for p in phases) + " |")


if __name__ == "__main__":
    sys.exit(main())
