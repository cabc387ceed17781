"""Executors: where per-document work runs (in this process, a supervised local process pool,
or a Dask cluster), each item under a budget."""

from .executors import Budget, Executor, SerialExecutor, TaskFailed, make_executor
from .pool import LocalExecutor

__all__ = ["Budget", "Executor", "LocalExecutor", "SerialExecutor", "TaskFailed", "make_executor"]
