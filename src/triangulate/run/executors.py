"""One small interface, interchangeable backends: ``map`` a picklable function over items."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Protocol, TypeVar

from ..errors import TriangulateError

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    def map_unordered(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """Apply ``fn`` to every item; results come back as they finish."""
        ...


class SerialExecutor:
    """Runs everything in this process, in order (the default for small runs and tests)."""

    def map_unordered(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        for item in items:
            yield fn(item)


class LocalExecutor:
    """A pool of local worker processes."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def map_unordered(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        batch = list(items)
        if self.workers == 1 or len(batch) < 2:
            yield from SerialExecutor().map_unordered(fn, batch)
            return
        with ProcessPoolExecutor(
            max_workers=min(self.workers, len(batch)), initializer=_one_thread_per_worker
        ) as pool:
            futures = [pool.submit(fn, item) for item in batch]
            for future in as_completed(futures):
                yield future.result()


def _one_thread_per_worker() -> None:
    """The pool already uses every core: each worker's model runs on one thread."""
    os.environ.setdefault("TRIANGULATE_THREADS", "1")


def make_executor(spec: str = "local", workers: int | None = None) -> Executor:
    """``local`` (a process pool of ``workers``, default: the CPU count), ``serial``, or
    ``dask://HOST:PORT`` (a Dask cluster)."""
    if spec == "serial":
        return SerialExecutor()
    if spec == "local":
        return LocalExecutor(workers or os.cpu_count() or 1)
    if spec.startswith("dask://"):
        from .dask_executor import DaskExecutor, dask_address

        return DaskExecutor(dask_address(spec))
    raise TriangulateError(f"unknown executor {spec!r} (use 'local', 'serial' or dask://HOST:PORT)")
