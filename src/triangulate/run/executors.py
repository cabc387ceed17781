"""One small interface, interchangeable backends: ``map_unordered`` a picklable function.

Every backend gives each item a budget (seconds, and memory where it can measure it) and
answers every item: with its result, or with ``TaskFailed`` saying why (the function raised,
its worker died, it overran the budget). One bad item never stops the others.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Protocol, Self, TypeVar

from ..errors import TriangulateError

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Budget:
    """What one item may take before it fails alone."""

    seconds: float = 300.0
    memory_mb: int = 4096

    def describe_overrun(self) -> str:
        return f"exceeded the time budget of {self.seconds:g} s"


@dataclass(frozen=True)
class TaskFailed:
    """An item that produced no result, and why."""

    reason: str


def describe_exception(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


class Executor(Protocol):
    """Used as a context manager: leaving it stops what the backend started."""

    budget: Budget

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...

    def map_unordered(
        self, fn: Callable[[In], Out], items: Iterable[In]
    ) -> Iterator[tuple[In, Out | TaskFailed]]:
        """Apply ``fn`` to every item; ``(item, result)`` pairs come back as they finish.

        ``items`` is read lazily: when it is a ``deque``, items appended to it while the
        results are being read are run too."""
        ...


def work_queue(items: Iterable[In]) -> deque[In]:
    return items if isinstance(items, deque) else deque(items)


class HoldsNothing:
    """For backends with nothing to release when the ``with`` block ends."""

    def __enter__(self: Self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Overrun(BaseException):
    """Raised in the main thread when an item overruns its time (not an ``Exception``, so the
    item's own error handling cannot swallow it)."""


class SerialExecutor(HoldsNothing):
    """Runs everything in this process, in order (tests, and runs too small for a pool).

    The time budget interrupts Python code (an alarm in the main thread); code that holds the
    interpreter in one C call (a regular expression) is only stopped when that call returns,
    which is why real runs use the process pool."""

    def __init__(self, budget: Budget | None = None) -> None:
        self.budget = budget or Budget()

    def map_unordered(
        self, fn: Callable[[In], Out], items: Iterable[In]
    ) -> Iterator[tuple[In, Out | TaskFailed]]:
        queue = work_queue(items)
        while queue:
            item = queue.popleft()
            try:
                with _alarm(self.budget.seconds):
                    result: Out | TaskFailed = fn(item)
            except _Overrun:
                result = TaskFailed(self.budget.describe_overrun())
            except Exception as error:  # noqa: BLE001 - the item fails, the run goes on
                result = TaskFailed(describe_exception(error))
            yield item, result


class _alarm:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    def __enter__(self) -> None:
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self._ring)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _ring(signum: int, frame: FrameType | None) -> None:
        raise _Overrun


def make_executor(
    spec: str = "local", workers: int | None = None, budget: Budget | None = None
) -> Executor:
    """``local`` (a supervised process pool of ``workers``, default: the CPU count),
    ``serial``, or ``dask://HOST:PORT`` (a Dask cluster)."""
    if spec == "serial":
        return SerialExecutor(budget)
    if spec == "local":
        from .pool import LocalExecutor

        return LocalExecutor(workers or os.cpu_count() or 1, budget)
    if spec.startswith("dask://"):
        from .dask_executor import DaskExecutor, dask_address

        return DaskExecutor(dask_address(spec), budget=budget)
    raise TriangulateError(f"unknown executor {spec!r} (use 'local', 'serial' or dask://HOST:PORT)")
