"""Long lists on the pages cut into pages of rows (``?page=``), with the links between them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from .errors import ApiError

PAGE_ROWS = 50
NEIGHBOURS = 2  # page links shown either side of the current one

T = TypeVar("T")


@dataclass(frozen=True)
class RowPage:
    """Page ``number`` (from 1) of ``total`` rows, ``size`` a page, at ``path`` with ``query``
    (the page's other parameters, which its links keep)."""

    number: int
    total: int
    path: str
    query: tuple[tuple[str, str], ...] = ()
    size: int = PAGE_ROWS

    @classmethod
    def of(
        cls, number: int, total: int, path: str, query: Mapping[str, str | None] | None = None
    ) -> RowPage:
        """The page asked for; a 404 when the list does not run to it."""
        kept = tuple((k, v) for k, v in (query or {}).items() if v)
        page = cls(number, total, path, kept)
        if number > page.count:
            raise ApiError(404, f"no page {number}: {path} has {page.count} page(s)")
        return page

    @property
    def count(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        """The index of the page's first row."""
        return (self.number - 1) * self.size

    def rows(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.first : self.first + self.size]

    @property
    def numbers(self) -> list[int | None]:
        """The pages to link: the first, the last and the current one's neighbours; ``None``
        where pages are left out."""
        shown = {1, self.count, *range(self.number - NEIGHBOURS, self.number + NEIGHBOURS + 1)}
        kept = sorted(n for n in shown if 1 <= n <= self.count)
        numbers: list[int | None] = []
        for n in kept:
            if numbers and n - (numbers[-1] or 0) > 1:
                numbers.append(None)
            numbers.append(n)
        return numbers

    def href(self, number: int) -> str:
        query = [*self.query, *([("page", str(number))] if number > 1 else [])]
        return f"{self.path}?{urlencode(query)}" if query else self.path
