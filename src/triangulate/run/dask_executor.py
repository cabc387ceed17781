"""The distributed backend: a Dask cluster runs the per-document work (``dask://HOST:PORT``).

Workers need Triangulate installed in their environment; the scheduler is any running
``dask scheduler`` (``distributed``), e.g. ``dask scheduler --port 8786`` with ``dask worker``.
With a PostgreSQL store each worker stores the analyses it makes itself (``Corpus.analyze``
hands it the store's location); with SQLite (one writer) they come back to the client.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import TriangulateError
from .executors import Budget, HoldsNothing, TaskFailed, describe_exception, work_queue

In = TypeVar("In")
Out = TypeVar("Out")


class DaskExecutor(HoldsNothing):
    """Sends each item to a Dask cluster and yields results as they finish.

    An item that raises or whose worker is lost fails alone; one that overruns the time budget
    fails too (the cluster may still finish it; its result is then ignored)."""

    def __init__(self, address: str, timeout: float = 10.0, budget: Budget | None = None) -> None:
        self.address = address
        self.timeout = timeout
        self.budget = budget or Budget()

    def map_unordered(
        self, fn: Callable[[In], Out], items: Iterable[In]
    ) -> Iterator[tuple[In, Out | TaskFailed]]:
        try:
            from distributed import Client, as_completed
        except ImportError as error:
            raise TriangulateError(
                "the Dask executor needs dask[distributed]: pip install 'triangulate[dask]'"
            ) from error
        queue = work_queue(items)
        if not queue:
            return
        try:
            client: Any = Client(self.address, timeout=self.timeout)
        except OSError as error:
            raise TriangulateError(
                f"cannot reach the Dask scheduler at {self.address}: {error}"
            ) from error
        try:
            pending: dict[Any, tuple[Any, float]] = {}
            running = as_completed()

            def submit_waiting() -> None:
                while queue:
                    item = queue.popleft()
                    future = client.submit(_on_worker, fn, item, pure=False)
                    pending[future] = (item, time.monotonic())
                    running.add(future)

            submit_waiting()
            while pending:
                finished = list(running.next_batch(block=False)) if running.has_ready() else []
                if not finished:
                    overdue = [
                        f for f, (_, started) in pending.items()
                        if time.monotonic() - started > self.budget.seconds
                    ]
                    for future in overdue:
                        item, _ = pending.pop(future)
                        future.cancel()
                        yield item, TaskFailed(self.budget.describe_overrun())
                    time.sleep(0.05)
                for future in finished:
                    if future not in pending:
                        continue
                    item, _ = pending.pop(future)
                    try:
                        result: Out | TaskFailed = future.result()
                    except Exception as error:  # noqa: BLE001 - the item fails, the run goes on
                        result = TaskFailed(describe_exception(error))
                    yield item, result
                submit_waiting()
        finally:
            client.close()


def _on_worker(fn: Callable[[In], Out], item: In) -> Out:
    """``fn(item)`` on a worker, whose models run one thread (a worker process is one of
    many: the cluster spreads the documents, not the model's steps)."""
    os.environ.setdefault("TRIANGULATE_THREADS", "1")
    return fn(item)


def dask_address(spec: str) -> str:
    """``dask://host:port`` → the scheduler's ``tcp://host:port``."""
    rest = spec.removeprefix("dask://")
    if not rest or "/" in rest:
        raise TriangulateError(f"{spec}: expected dask://HOST:PORT")
    return f"tcp://{rest}"
