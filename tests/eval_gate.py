"""The evaluation gate on real stories: the product run as a user runs it (the CLI) on the seeds
and every development story, scored by ``../shared/eval``, against floors that only go up.

    .venv/bin/python -m tests.eval_gate            # print the scores beside the floors
    .venv/bin/python -m tests.eval_gate --raise    # raise the floors to the scores reached

The floors (``eval_floors.json``) hold, per story, the items passed in each category and the
alignment precision and recall. ``--raise`` never lowers a floor.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

from .conftest import SHARED

HERE = Path(__file__).resolve().parent
SHARED_EVAL = SHARED / "eval"
FLOORS = HERE / "eval_floors.json"
CLI = Path(sys.executable).parent / "triangulate"
CATEGORIES = ("documents", "boilerplate", "entities", "events", "quantities", "attributions",
              "comparisons", "integrity", "score")
RATES = ("precision", "recall")


def evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_evaluate", SHARED_EVAL / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_stories(work: Path) -> dict[str, dict[str, Any]]:
    """Every story's row from ``evaluate.py`` (two stories at a time, one per core)."""
    evaluate = evaluator()
    stories = evaluate.clusters(argparse.Namespace(gold=[], corpus_root=None))

    def one(story: tuple[str, str, str]) -> dict[str, Any]:
        name, folder, gold = story
        row: dict[str, Any] = evaluate.run_one(str(CLI), name, folder, gold, str(work), False)
        return row

    with ThreadPoolExecutor(2) as pool:
        return {row["name"]: row for row in pool.map(one, stories)}


def measured(row: dict[str, Any]) -> dict[str, float]:
    """The figures a floor holds: items passed per category, alignment rates."""
    figures: dict[str, float] = {c: row[c][0] for c in CATEGORIES if c in row}
    for rate in RATES:
        if row.get(rate) and row[rate][1]:
            passed, total = row[rate]
            figures[rate] = round(passed / total, 3)
    return figures


def shortfalls(floors: dict[str, dict[str, float]], rows: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    for story, floor in sorted(floors.items()):
        row = rows.get(story)
        if row is None:
            problems.append(f"{story}: not run")
            continue
        if "error" in row:
            problems.append(f"{story}: {row['error']}")
            continue
        figures = measured(row)
        for key, least in floor.items():
            if figures.get(key, 0) < least:
                problems.append(f"{story} {key}: {figures.get(key, 0)} < floor {least}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_floors", action="store_true",
                        help="raise the floors to the scores reached (never lowers one)")
    args = parser.parse_args()
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        rows = run_stories(Path(work))
    for story, row in sorted(rows.items()):
        figures = measured(row) if "error" not in row else {}
        floor = floors.get(story, {})
        print(story, " ".join(f"{k}={v}(floor {floor.get(k, '-')})" for k, v in figures.items())
              or row.get("error"))
        if args.raise_floors and figures:
            floors[story] = {k: max(v, floor.get(k, v)) for k, v in figures.items()}
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"wrote {FLOORS}")
    problems = shortfalls(floors, rows)
    for problem in problems:
        print("below the floor:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
