"""Executors: the same results whichever backend runs the work, and every item answered, even
one that raises, kills its worker or overruns its budget."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import deque

import pytest

from triangulate.errors import TriangulateError
from triangulate.run import Budget, LocalExecutor, SerialExecutor, TaskFailed, make_executor


def square(value: int) -> int:
    return value * value


def misbehave(value: int) -> int:
    """0: raises; 1: kills its own process; 2: runs forever; 3: grows without bound."""
    if value == 0:
        raise ValueError("zero is not welcome")
    if value == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    if value == 2:
        while True:
            time.sleep(0.05)
    if value == 3:
        hoard = []
        while True:
            hoard.append(bytearray(16 * 2**20))
            time.sleep(0.01)
    return value * 10


@pytest.mark.parametrize("executor", [SerialExecutor(), LocalExecutor(2)])
def test_every_backend_returns_every_result(executor: object) -> None:
    with executor:  # type: ignore[attr-defined]
        results = sorted(executor.map_unordered(square, range(6)))  # type: ignore[attr-defined]
    assert results == [(i, i * i) for i in range(6)]


def test_items_added_while_reading_results_are_run() -> None:
    queue = deque([1, 2])
    seen = []
    with LocalExecutor(2) as executor:
        for item, result in executor.map_unordered(square, queue):
            seen.append((item, result))
            if item < 3:
                queue.append(item + 10)
    assert sorted(seen) == [(1, 1), (2, 4), (11, 121), (12, 144)]


def test_the_pool_answers_every_item_whatever_it_does() -> None:
    budget = Budget(seconds=3, memory_mb=300)
    with LocalExecutor(2, budget) as executor:
        results = dict(executor.map_unordered(misbehave, [0, 1, 2, 3, 4, 5]))
    assert results[4] == 40 and results[5] == 50
    assert results[0] == TaskFailed("ValueError: zero is not welcome")
    assert results[1] == TaskFailed("its worker process was killed (SIGKILL)")
    assert results[2] == TaskFailed("exceeded the time budget of 3 s")
    assert isinstance(results[3], TaskFailed)
    assert results[3].reason.startswith("exceeded the memory budget of 300 MB")


def test_the_serial_executor_stops_an_item_that_overruns_in_python() -> None:
    with SerialExecutor(Budget(seconds=1)) as executor:
        results = dict(executor.map_unordered(misbehave, [2, 0, 7]))
    assert results == {
        2: TaskFailed("exceeded the time budget of 1 s"),
        0: TaskFailed("ValueError: zero is not welcome"),
        7: 70,
    }


def test_workers_do_not_outlive_a_killed_parent(tmp_path: object) -> None:
    script = textwrap.dedent(
        """
        import sys, time
        from triangulate.run import LocalExecutor
        from tests.test_executors import misbehave
        executor = LocalExecutor(2)
        results = executor.map_unordered(misbehave, [2, 2])
        import threading
        threading.Thread(target=lambda: list(results), daemon=True).start()
        while len(executor._slots) < 2 or not all(s.process.pid for s in executor._slots):
            time.sleep(0.05)
        print(" ".join(str(s.process.pid) for s in executor._slots), flush=True)
        time.sleep(60)
        """
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=root
    )
    assert parent.stdout is not None
    pids = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(pids) == 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in pids if _running(pid)]
    assert alive == []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False


def test_dask_cluster_runs_the_work() -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        with make_executor(f"dask://{address}") as executor:
            results = dict(executor.map_unordered(misbehave, [0, 4, 5]))
    assert results == {0: TaskFailed("ValueError: zero is not welcome"), 4: 40, 5: 50}


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    pytest.importorskip("distributed")
    executor = make_executor("dask://127.0.0.1:9")
    executor.timeout = 1.0  # type: ignore[attr-defined]
    with pytest.raises(TriangulateError, match="cannot reach the Dask scheduler"):
        list(executor.map_unordered(square, [1]))


@pytest.mark.parametrize("spec", ["dask://", "ray://x", "threads"])
def test_unknown_executors_are_refused(spec: str) -> None:
    with pytest.raises(TriangulateError):
        list(make_executor(spec).map_unordered(square, [1]))
