"""Seconds spent in each reconciliation step, recorded only while someone listens (benchmarks).

with recording() as seconds:
    reconcile(analyses)
print(seconds)  # {"entities": 1.2, "claims": 0.1, ...}
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_listening: list[dict[str, float]] = []


@contextmanager
def step(name: str) -> Iterator[None]:
    """Time the block as step ``name`` (added up when it runs several times)."""
    if not _listening:
        yield
        return
    began = time.perf_counter()
    try:
        yield
    finally:
        spent = time.perf_counter() - began
        for seconds in _listening:
            seconds[name] = seconds.get(name, 0.0) + spent


@contextmanager
def recording() -> Iterator[dict[str, float]]:
    """The seconds of every step run inside the block, by step name, in the order first run."""
    seconds: dict[str, float] = {}
    _listening.append(seconds)
    try:
        yield seconds
    finally:
        _listening.remove(seconds)
