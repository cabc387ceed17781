"""Executors: where per-document work runs (in this process, or a local process pool)."""

from .executors import Executor, LocalExecutor, SerialExecutor, make_executor

__all__ = ["Executor", "LocalExecutor", "SerialExecutor", "make_executor"]
