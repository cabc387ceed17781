"""Dating an undated document by the corpus: the year its year-less dates share with dated texts.

A text that says "on 9 May" and "3 June" without a year, in a corpus whose dated texts put
those same days in 2019, was written in 2019; its publication date is taken to be the latest day
it names (basis "inferred").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence

from ..model import Analysis, TimeExpression

_YEARLESS_DAY = re.compile(r"XXXX-(\d\d-\d\d)")


def yearless_days(times: Iterable[TimeExpression]) -> frozenset[str]:
    """The days of the year ("03-09") that ``times`` name without a year."""
    return frozenset(m.group(1) for t in times if (m := _YEARLESS_DAY.fullmatch(t.value)))


def date_from_corpus(undated: Analysis, corpus: Sequence[Analysis]) -> str | None:
    """An inferred ISO publication date for ``undated``, or None when the corpus cannot tell."""
    return DayYears(corpus).date(undated)


class DayYears:
    """How often the dated texts of a corpus put each day of the year ("03-09") in each year,
    counted once, so that dating every undated document costs one pass over the corpus."""

    def __init__(self, corpus: Sequence[Analysis]) -> None:
        self._years: dict[str, Counter[str]] = defaultdict(Counter)
        self._own: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for analysis in corpus:
            if not analysis.document.published:
                continue
            for time in analysis.times:
                start = time.date_start
                if time.precision == "day" and start and len(start) == 10:
                    self._years[start[5:]][start[:4]] += 1
                    self._own[analysis.document.id][start[5:]][start[:4]] += 1

    def date(self, undated: Analysis) -> str | None:
        """An inferred ISO publication date for ``undated`` (its own dates left out)."""
        return self.date_by_days(undated.document.id, yearless_days(undated.times))

    def date_by_days(self, doc_id: str, days: Collection[str]) -> str | None:
        """An inferred ISO publication date for the document ``doc_id`` that names these
        year-less ``days`` ("03-09"), its own dates left out."""
        if not days:
            return None
        votes: Counter[str] = Counter()
        own = self._own.get(doc_id, {})
        for day in days:
            votes.update(self._years.get(day, Counter()))
            votes.subtract(own.get(day, Counter()))
        votes = +votes  # only the years some other text gives
        if not votes:
            return None
        (year, count), *rest = votes.most_common(2)
        if rest and rest[0][1] == count:
            return None  # two years fit equally well: no guess
        return f"{year}-{max(days)}"
