"""Speed of the per-document pipeline, stage by stage, in CPU time, on real news articles.

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 60] [--no-steps]

Texts: PolNeAR news articles (``../shared/data/attribution/polnear``, set ``TRIANGULATE_NEWS``
for another folder of ``.txt`` files), else the bundled examples. Every document is read cold:
the entity model's sentence memory is emptied before each one, so no result of the text being
timed is reused. Times are CPU seconds of this process (``time.process_time``, every thread
counted: the machine's cores are shared, wall time is noise); models load before timing.

Printed, in the same run: the baseline (sentence splitting alone, the least any pipeline must
do), one row per stage and the whole pipeline, then the entity model alone under each step of
its tuning, cumulatively, from the settings it had before (two threads, batches of 16
sentences, every sentence read) to the shipped ones, so that each step's gain is measured. Two
changes are in every row, the first included: idle threads sleep instead of spinning, and each
sentence is split into word-pieces once, not twice.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from triangulate.analyze import entity_model
from triangulate.analyze.nlp import split_sentences
from triangulate.analyze.pipeline import DEFAULT_STAGES, get_stage
from triangulate.ingest import expand_sources, read_source
from triangulate.model import Analysis, Document

ROOT = Path(__file__).resolve().parents[1]
NEWS = Path(os.environ.get("TRIANGULATE_NEWS",
                           ROOT.parent / "shared" / "data" / "attribution" / "polnear"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="articles to read")
    parser.add_argument("--no-steps", action="store_true", help="skip the entity-model steps")
    args = parser.parse_args()

    documents = _documents(args.articles)
    words = sum(len(d.text.split()) for d in documents)
    for document in documents[:2]:  # loads every model and word list
        _run(document, {})

    baseline = _cpu(lambda: [split_sentences(d.text) for d in documents])
    per_stage: dict[str, float] = dict.fromkeys(DEFAULT_STAGES, 0.0)
    started = time.perf_counter()
    for document in documents:
        _run(document, per_stage)
    wall = time.perf_counter() - started
    total = sum(per_stage.values())

    print(f"{len(documents)} articles, {words:,} words; CPU seconds, models loaded, cold text")
    print(f"\n| {'stage':<24} | {'CPU s':>7} | {'share':>5} | {'words/CPU-s':>11} |")
    print(f"|{'-' * 26}|{'-' * 9}|{'-' * 7}|{'-' * 13}|")
    rows = [*per_stage.items(), ("whole pipeline", total), ("baseline*", baseline)]
    for name, seconds in rows:
        print(f"| {name:<24} | {seconds:>7.2f} | {seconds / total:>5.0%} "
              f"| {_rate(words, seconds):>11} |")
    print(f"\n* baseline: sentence splitting alone. Wall time of the pipeline: {wall:.1f} s")

    if not args.no_steps and entity_model.model_available():
        print("\nThe entity model alone (model_spans on every sentence), each step on the last:")
        print(f"\n| {'step':<40} | {'CPU s':>7} | {'words/CPU-s':>11} |")
        print(f"|{'-' * 42}|{'-' * 9}|{'-' * 13}|")
        sentences = [(d.text, split_sentences(d.text)) for d in documents]
        for step, settings in _steps():
            with settings():
                seconds = _cpu(lambda: _read_all(sentences))
            print(f"| {step:<40} | {seconds:>7.2f} | {_rate(words, seconds):>11} |")
    return 0


def _documents(limit: int) -> list[Document]:
    paths = sorted(NEWS.rglob("*.txt")) if NEWS.is_dir() else []
    if not paths:
        return [read_source(p) for p in expand_sources([str(ROOT / "examples")])][:limit]
    stride = max(1, len(paths) // limit)
    return [read_source(str(path)) for path in paths[::stride][:limit]]


def _run(document: Document, timings: dict[str, float]) -> None:
    entity_model._SEEN.clear()
    analysis = Analysis(document=document)
    for name in DEFAULT_STAGES:
        began = time.process_time()
        analysis = get_stage(name)(analysis)
        if timings:
            timings[name] += time.process_time() - began


def _read_all(sentences: list[tuple[str, list]]) -> None:
    for text, found in sentences:
        entity_model._SEEN.clear()
        entity_model.model_spans(text, found)


def _cpu(work: Callable[[], object]) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began



Settings = Callable[[], AbstractContextManager[None]]


def _steps() -> list[tuple[str, Settings]]:
    """Each step's settings, cumulative: the model's settings before the tuning, then one
    change at a time."""
    def settings(threads: str, rows: int, pieces: int, skip: bool) -> Settings:
        @contextmanager
        def apply() -> Iterator[None]:
            saved = (os.environ.get("TRIANGULATE_THREADS"), entity_model._BATCH_ROWS,
                     entity_model._BATCH_PIECES, entity_model.could_hold_a_name)
            os.environ["TRIANGULATE_THREADS"] = threads
            entity_model._BATCH_ROWS, entity_model._BATCH_PIECES = rows, pieces
            if not skip:
                entity_model.could_hold_a_name = lambda sentence: True
            entity_model.ner_model.cache_clear()
            entity_model.ner_model()
            try:
                yield
            finally:
                if saved[0] is None:
                    os.environ.pop("TRIANGULATE_THREADS", None)
                else:
                    os.environ["TRIANGULATE_THREADS"] = saved[0]
                (entity_model._BATCH_ROWS, entity_model._BATCH_PIECES,
                 entity_model.could_hold_a_name) = saved[1:]
                entity_model.ner_model.cache_clear()
        return apply

    rows, pieces = entity_model._BATCH_ROWS, entity_model._BATCH_PIECES
    unlimited = 16 * entity_model._MAX_PIECES
    return [
        ("before: 2 threads, 16 a batch, all read", settings("2", 16, unlimited, False)),
        ("one thread per worker", settings("1", 16, unlimited, False)),
        ("skip sentences that cannot hold a name", settings("1", 16, unlimited, True)),
        (f"{rows} sentence(s) a run (shipped)", settings("1", rows, pieces, True)),
        ("(not shipped: 8 a run, <= 512 pieces)", settings("1", 8, 512, True)),
    ]


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


if __name__ == "__main__":
    sys.exit(main())
