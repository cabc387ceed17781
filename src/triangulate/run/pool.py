"""A supervised pool of local worker processes.

Each worker takes one item at a time over a pipe. The parent watches every item: one that
overruns its time or memory budget has its worker killed and fails alone, by name; a worker that
dies (killed, out of memory, a crash in a C library) fails its item and is replaced. Workers
die with the parent: killed with it where the system can (Linux), and on their own once they
see it gone.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from .executors import Budget, TaskFailed, describe_exception, work_queue

In = TypeVar("In")
Out = TypeVar("Out")

POLL_SECONDS = 0.25
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class LocalExecutor:
    """A pool of up to ``workers`` processes, started as work arrives."""

    def __init__(self, workers: int, budget: Budget | None = None) -> None:
        self.workers = max(1, workers)
        self.budget = budget or Budget()
        self._slots: list[_Slot] = []

    def map_unordered(
        self, fn: Callable[[In], Out], items: Iterable[In]
    ) -> Iterator[tuple[In, Out | TaskFailed]]:
        queue = work_queue(items)
        context = multiprocessing.get_context("spawn")
        slots = self._slots
        try:
            while True:
                for slot in slots:
                    if slot.task is None and queue:
                        slot.give(fn, queue.popleft())
                while queue and len(slots) < self.workers:
                    slot = _Slot.start(context)
                    slots.append(slot)
                    slot.give(fn, queue.popleft())
                busy = [slot for slot in slots if slot.task is not None]
                if not busy:
                    break
                wait([s.connection for s in busy] + [s.process.sentinel for s in busy],
                     timeout=POLL_SECONDS)
                for slot in busy:
                    outcome = slot.check(self.budget)
                    if outcome is None:
                        continue
                    if not slot.alive:
                        slots.remove(slot)
                    yield outcome
        finally:
            for slot in [s for s in slots if s.task is not None]:  # abandoned mid-item
                slot.stop()
                slots.remove(slot)

    def close(self) -> None:
        """Stop every worker (idle workers otherwise wait for the next ``map_unordered``)."""
        for slot in self._slots:
            slot.stop()
        self._slots.clear()

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class _Task:
    item: Any
    started: float


class _Slot:
    """One worker process and the item it is working on."""

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.task: _Task | None = None
        self.alive = True

    @classmethod
    def start(cls, context: Any) -> _Slot:
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end, os.getpid()), daemon=True)
        process.start()
        child_end.close()
        return cls(process, parent_end)

    def give(self, fn: Callable[[Any], Any], item: Any) -> None:
        self.task = _Task(item, time.monotonic())
        with contextlib.suppress(OSError, ValueError):  # a worker gone is found by check()
            self.connection.send((fn, item))

    def check(self, budget: Budget) -> tuple[Any, Any] | None:
        """The finished item and its outcome, or None while it is still running fine."""
        assert self.task is not None
        item = self.task.item
        if self.connection.poll():
            try:
                result = self.connection.recv()
            except (EOFError, OSError):
                return self._lost(item, self._death())
            except Exception as error:  # noqa: BLE001 - a result that cannot be unpickled
                result = TaskFailed(f"its result could not be read: {describe_exception(error)}")
            self.task = None
            return item, result
        if not self.process.is_alive():
            return self._lost(item, self._death())
        if time.monotonic() - self.task.started > budget.seconds:
            return self._lost(item, budget.describe_overrun())
        resident = _resident_mb(self.process.pid)
        if resident is not None and resident > budget.memory_mb:
            return self._lost(
                item, f"exceeded the memory budget of {budget.memory_mb} MB ({resident:.0f} MB)"
            )
        return None

    def _lost(self, item: Any, reason: str) -> tuple[Any, TaskFailed]:
        """The item failed with its worker: the worker is stopped and not used again."""
        self.task = None
        self.stop()
        return item, TaskFailed(reason)

    def _death(self) -> str:
        self.process.join(1)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            return f"its worker process was killed ({name})"
        return f"its worker process died (exit code {code})"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()
        self.alive = False


def _resident_mb(pid: int | None) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * PAGE_BYTES / 2**20
    except (OSError, ValueError, IndexError):
        return None


def _serve(connection: Connection, parent: int) -> None:
    """A worker's loop: one item in, one outcome out, until the pipe closes or the parent dies."""
    os.environ.setdefault("TRIANGULATE_THREADS", "1")  # the pool already uses every core
    _die_with(parent)
    while True:
        try:
            fn, item = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            result = fn(item)
        except Exception as error:  # noqa: BLE001 - the item fails, the worker goes on
            result = TaskFailed(describe_exception(error))
        try:
            connection.send(result)
        except (OSError, ValueError):
            return
        except Exception as error:  # noqa: BLE001 - a result that cannot be pickled
            reason = f"its result could not be sent: {describe_exception(error)}"
            connection.send(TaskFailed(reason))


def _die_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(70)

    if os.getppid() != parent:
        os._exit(70)
    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
