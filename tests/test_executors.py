"""Executors: the same results whichever backend runs the work."""

from __future__ import annotations

import os

import pytest

from triangulate.errors import TriangulateError
from triangulate.run import LocalExecutor, SerialExecutor, make_executor


def square(value: int) -> int:
    return value * value


@pytest.mark.parametrize("executor", [SerialExecutor(), LocalExecutor(2)])
def test_every_backend_returns_every_result(executor: object) -> None:
    results = sorted(executor.map_unordered(square, range(6)))  # type: ignore[attr-defined]
    assert results == [0, 1, 4, 9, 16, 25]


def test_dask_cluster_runs_the_work() -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        executor = make_executor(f"dask://{address}")
        assert sorted(executor.map_unordered(square, range(5))) == [0, 1, 4, 9, 16]


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


def test_pool_workers_run_the_model_on_one_thread_unless_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from triangulate.run.executors import _one_thread_per_worker

    monkeypatch.delenv("TRIANGULATE_THREADS", raising=False)
    _one_thread_per_worker()
    assert os.environ["TRIANGULATE_THREADS"] == "1"
    monkeypatch.setenv("TRIANGULATE_THREADS", "3")
    _one_thread_per_worker()
    assert os.environ["TRIANGULATE_THREADS"] == "3"
