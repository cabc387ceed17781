"""Dating an undated document by the corpus: the year its year-less dates share with dated texts.

A text that says "on 9 May" and "3 June" without a year, in a corpus whose dated texts put
those same days in 2019, was written in 2019; its publication date is taken to be the latest day
it names (basis "inferred").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Analysis

_YEARLESS_DAY = re.compile(r"XXXX-(\d\d-\d\d)")


def date_from_corpus(undated: Analysis, corpus: Sequence[Analysis]) -> str | None:
    """An inferred ISO publication date for ``undated``, or None when the corpus cannot tell."""
    days = {m.group(1) for t in undated.times if (m := _YEARLESS_DAY.fullmatch(t.value))}
    if not days:
        return None
    votes: Counter[str] = Counter()
    for analysis in corpus:
        if analysis.document.id == undated.document.id or not analysis.document.published:
            continue
        for time in analysis.times:
            start = time.date_start
            if time.precision == "day" and start and len(start) == 10 and start[5:] in days:
                votes[start[:4]] += 1
    if not votes:
        return None
    (year, count), *rest = votes.most_common(2)
    if rest and rest[0][1] == count:
        return None  # two years fit equally well: no guess
    return f"{year}-{max(days)}"
