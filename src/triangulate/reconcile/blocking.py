"""Blocking: which items are worth comparing, found through shared rare words.

Two claims are compared only when their words overlap, so an inverted index from stems to the
items that use them yields the pairs worth a look without trying all pairs.  Two bounds keep the
cost linear in the number of items:

* a stem used by more than ``MAX_BLOCK`` items ("said", a story's own name in a very large
  corpus) says little about which items belong together, so it makes no pairs;
* each item takes partners from its rarest stems first and stops once it has ``MAX_PARTNERS``
  (the rarest shared words are the most telling).

On a corpus where no stem reaches ``MAX_BLOCK`` items and no item has ``MAX_PARTNERS`` partners
(any group of at most ``MAX_PARTNERS`` items), blocking finds exactly the pairs an all-pairs loop
would that share a word.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence

MAX_BLOCK = 50
"""The most items a stem may occur in and still make candidate pairs."""
MAX_PARTNERS = 30
"""Enough partners for one item: past this, its more common stems are not looked up."""


class StemIndex:
    """Items (by position) under each stem they contain, rare stems only."""

    def __init__(self, stem_sets: Sequence[Collection[str]], max_block: int = MAX_BLOCK) -> None:
        postings: dict[str, list[int]] = {}
        for position, stems in enumerate(stem_sets):
            for stem in set(stems):
                postings.setdefault(stem, []).append(position)
        self._postings = {
            stem: items for stem, items in postings.items() if len(items) <= max_block
        }
        self._stem_sets = stem_sets

    def candidates(self, stems: Iterable[str], limit: int = MAX_PARTNERS) -> list[int]:
        """Positions of items sharing a rare stem with ``stems``, rarest stems first until
        ``limit`` are found, in position order."""
        rare = sorted(
            (len(items), stem, items)
            for stem in set(stems)
            if (items := self._postings.get(stem)) is not None
        )
        found: set[int] = set()
        for _, _, items in rare:
            if len(found) >= limit:
                break
            found.update(items)
        return sorted(found)

    def pairs(self, limit: int = MAX_PARTNERS) -> Iterator[tuple[int, int]]:
        """Pairs ``(i, j)``, ``i < j``, of items sharing a rare stem, each item's partners
        limited as in ``candidates``; a pair may come twice (once from each side)."""
        for first, stems in enumerate(self._stem_sets):
            for second in self.candidates(stems, limit + 1):
                if second != first:
                    yield min(first, second), max(first, second)
