"""Speed and memory of the per-document pipeline, stage by stage, on the bundled examples.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3]

Prints one row per stage (seconds per run, documents and words per second) and, beside it, the
baseline in the same run: the cost of the cheapest possible pass (sentence splitting alone).
Resource loading (models, gazetteers) is timed separately from the steady state.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from triangulate.analyze.pipeline import DEFAULT_STAGES, get_stage
from triangulate.ingest import expand_sources, read_source
from triangulate.model import Analysis
from triangulate.reconcile import reconcile

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="steady-state passes to average")
    args = parser.parse_args()

    documents = [read_source(path) for path in expand_sources([str(EXAMPLES)])]
    words = sum(len(d.text.split()) for d in documents)

    started = time.perf_counter()
    warm = [_run(Analysis(document=d), DEFAULT_STAGES, {}) for d in documents]
    cold = time.perf_counter() - started

    per_stage: dict[str, float] = dict.fromkeys(DEFAULT_STAGES, 0.0)
    for _ in range(args.repeat):
        for document in documents:
            _run(Analysis(document=document), DEFAULT_STAGES, per_stage)
    steady = {name: seconds / args.repeat for name, seconds in per_stage.items()}

    baseline = 0.0
    for _ in range(args.repeat):
        for document in documents:
            began = time.perf_counter()
            get_stage("sentences")(Analysis(document=document))
            baseline += time.perf_counter() - began
    baseline /= args.repeat

    began = time.perf_counter()
    for _ in range(args.repeat):
        reconcile(warm)
    reconciling = (time.perf_counter() - began) / args.repeat

    total = sum(steady.values())
    print(f"{len(documents)} documents, {words} words")
    print(f"first pass, with resource loading: {cold:.2f} s\n")
    print(f"| {'stage':<12} | {'s per run':>9} | {'docs/s':>8} | {'words/s':>9} |")
    print(f"|{'-' * 14}|{'-' * 11}|{'-' * 10}|{'-' * 11}|")
    for name, seconds in [*steady.items(), ("all stages", total), ("reconcile", reconciling)]:
        print(
            f"| {name:<12} | {seconds:>9.3f} | {_rate(len(documents), seconds):>8} "
            f"| {_rate(words, seconds):>9} |"
        )
    print(
        f"| {'baseline*':<12} | {baseline:>9.3f} | {_rate(len(documents), baseline):>8} "
        f"| {_rate(words, baseline):>9} |"
    )
    print("\n* baseline: sentence splitting alone, the least any pipeline must do")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")
    return 0


def _run(analysis: Analysis, stages: tuple[str, ...], timings: dict[str, float]) -> Analysis:
    for name in stages:
        began = time.perf_counter()
        analysis = get_stage(name)(analysis)
        if timings:
            timings[name] += time.perf_counter() - began
    return replace(analysis)


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


if __name__ == "__main__":
    sys.exit(main())
