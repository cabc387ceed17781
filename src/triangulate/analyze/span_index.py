"""Annotations found by where they lie, by bisection: a stage that looks up, for each of a
document's sentences, the names, dates or numbers in it stays linear in the document's length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Generic, TypeVar

from ..model import Span

S = TypeVar("S", bound=Span)


class SpanIndex(Generic[S]):
    """Spans ordered by start (their order kept among equal starts)."""

    def __init__(self, items: Iterable[S]) -> None:
        self.items: list[S] = sorted(items, key=lambda item: item.start)
        self._starts = [item.start for item in self.items]
        self._reach = list(accumulate((item.end for item in self.items), max))
        self._by_end: list[S] | None = None
        self._ends: list[int] = []

    def within(self, span: Span) -> list[S]:
        """The items ``span`` contains."""
        low = bisect_left(self._starts, span.start)
        high = bisect_right(self._starts, span.end)
        return [item for item in self.items[low:high] if item.end <= span.end]

    def overlapping(self, span: Span) -> list[S]:
        """The items that share at least one character with ``span``."""
        low = bisect_right(self._reach, span.start)
        high = bisect_left(self._starts, span.end)
        return [item for item in self.items[low:high] if item.end > span.start]

    def any_overlapping(self, span: Span) -> bool:
        high = bisect_left(self._starts, span.end)
        return high > 0 and self._reach[high - 1] > span.start

    def last_ending_by(self, offset: int, accept: Callable[[S], bool]) -> S | None:
        """Of the accepted items that end by ``offset``, the one that ends last (the first of
        those that end there)."""
        if self._by_end is None:
            self._by_end = sorted(self.items, key=lambda item: item.end)
            self._ends = [item.end for item in self._by_end]
        found: S | None = None
        index = bisect_right(self._ends, offset)
        while index > 0:
            index -= 1
            item = self._by_end[index]
            if found is not None and item.end < found.end:
                break
            if accept(item):
                found = item
        return found

    def last_before(self, offset: int) -> S | None:
        """The last item that starts before ``offset``."""
        index = bisect_left(self._starts, offset)
        return self.items[index - 1] if index else None

    def at(self, start: int, end: int) -> S | None:
        """The first item with exactly these offsets."""
        index = bisect_left(self._starts, start)
        while index < len(self.items) and self._starts[index] == start:
            if self.items[index].end == end:
                return self.items[index]
            index += 1
        return None
