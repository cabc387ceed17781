"""The distributed backend: a Dask cluster runs the per-document work (``dask://HOST:PORT``).

Workers need Triangulate installed in their environment; the scheduler is any running
``dask scheduler`` (``distributed``), e.g. ``dask scheduler --port 8786`` with ``dask worker``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import TriangulateError

In = TypeVar("In")
Out = TypeVar("Out")


class DaskExecutor:
    """Sends each item to a Dask cluster and yields results as they finish."""

    def __init__(self, address: str, timeout: float = 10.0) -> None:
        self.address = address
        self.timeout = timeout

    def map_unordered(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        try:
            from distributed import Client, as_completed
        except ImportError as error:
            raise TriangulateError(
                "the Dask executor needs dask[distributed]: pip install 'triangulate[dask]'"
            ) from error
        batch = list(items)
        if not batch:
            return
        try:
            client: Any = Client(self.address, timeout=self.timeout)
        except OSError as error:
            raise TriangulateError(
                f"cannot reach the Dask scheduler at {self.address}: {error}"
            ) from error
        try:
            futures = client.map(fn, batch, pure=False)
            for future in as_completed(futures):
                yield future.result()
        finally:
            client.close()


def dask_address(spec: str) -> str:
    """``dask://host:port`` → the scheduler's ``tcp://host:port``."""
    rest = spec.removeprefix("dask://")
    if not rest or "/" in rest:
        raise TriangulateError(f"{spec}: expected dask://HOST:PORT")
    return f"tcp://{rest}"
