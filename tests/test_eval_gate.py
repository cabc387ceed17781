"""The evaluation gate: every story runs to the end and no score drops below its floor.

Floors are in ``eval_floors.json``; raise them with ``python -m tests.eval_gate --raise``
when the product improves. They never go down.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .eval_gate import CLI, FLOORS, SHARED_EVAL, run_stories, shortfalls


@pytest.mark.skipif(not SHARED_EVAL.exists(), reason=f"{SHARED_EVAL} is not available")
@pytest.mark.skipif(not CLI.exists(), reason="the triangulate command is not installed")
def test_every_story_runs_and_holds_its_floors(tmp_path: Path) -> None:
    floors = json.loads(FLOORS.read_text())
    rows = run_stories(tmp_path)
    assert set(floors) <= set(rows), "a story with a floor is missing from the evaluation"
    assert [name for name, row in rows.items() if "error" in row] == []
    assert [name for name in rows if name not in floors] == [], "a story has no floor"
    assert shortfalls(floors, rows) == []


def test_a_story_below_its_floor_or_failing_is_named() -> None:
    floors = {"a": {"events": 3, "precision": 0.5}, "b": {"events": 1}, "c": {"events": 1}}
    rows = {
        "a": {"name": "a", "events": (2, 12), "precision": (1, 4)},
        "b": {"name": "b", "error": "analyze failed (rc 1): boom"},
    }
    assert shortfalls(floors, rows) == [
        "a events: 2 < floor 3",
        "a precision: 0.25 < floor 0.5",
        "b: analyze failed (rc 1): boom",
        "c: not run",
    ]
