"""Time expressions on TimeBank (TempEval-3 style): span F1, value accuracy, documents per second.

Run: ``.venv/bin/python benchmarks/bench_time.py [--baseline-docs N] [--errors N]``.
Scores the TIMEX3s inside <TEXT> of ``/work/shared/data/timex/tbaq/TimeBank/*.tml`` against
``find_times`` anchored on each document's DCT, and ``dateparser.search.search_dates`` (relative
to the DCT, preferring the past) as a baseline (all documents unless ``--baseline-docs N``).
Strict: same span; relaxed: overlapping spans (one-to-one); value accuracy: TIMEX3 values equal,
over relaxed matches (TempEval-3).
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from triangulate.analyze.time import find_times

DATA = Path("/work/shared/data/timex/tbaq/TimeBank")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    anchor: datetime.date
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> GoldDocument:
    """The <TEXT> body with tags stripped, its TIMEX3 spans, and the DCT as the anchor."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<TIMEX3[^>]*CREATION_TIME[^>]*>", raw)
    dct_value = re.search(r'value="(\d{4}-\d\d-\d\d)', dct.group() if dct else "")
    anchor = datetime.date.fromisoformat(dct_value.group(1) if dct_value else "2000-01-01")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attributes = open_timex
                timexes.append(Timex(start, length, attributes.get("type", ""),
                                     attributes.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
    parts.append(html.unescape(body[position:]))
    return GoldDocument(path.stem, "".join(parts), anchor, tuple(timexes))


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    seconds: float = 0.0
    documents: int = 0

    def f1(self, matched: int) -> float:
        precision = matched / self.system if self.system else 0.0
        recall = matched / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_document(score: Score, gold: tuple[Timex, ...], system: list[Timex],
                   errors: list[str] | None = None, text: str = "") -> None:
    score.gold += len(gold)
    score.system += len(system)
    used: set[int] = set()
    for expected in gold:
        for index, found in enumerate(system):
            if index in used or not (found.start < expected.end and expected.start < found.end):
                continue
            used.add(index)
            score.relaxed += 1
            score.strict += (found.start, found.end) == (expected.start, expected.end)
            if found.value == expected.value:
                score.value_correct += 1
            elif errors is not None:
                errors.append(f"VALUE {text[found.start:found.end]!r} {found.value} "
                              f"gold {text[expected.start:expected.end]!r} {expected.value}")
            break
        else:
            if errors is not None:
                errors.append(f"MISS  {text[expected.start:expected.end]!r} {expected.type} "
                              f"{expected.value}")
    if errors is not None:
        for index, found in enumerate(system):
            if index not in used:
                context = text[max(0, found.start - 30) : found.end + 30].replace("\n", " ")
                errors.append(f"EXTRA {text[found.start:found.end]!r} {found.value}  [{context}]")


def run_system(document: GoldDocument) -> list[Timex]:
    return [Timex(t.start, t.end, t.type.upper(), t.value)
            for t in find_times(document.text, document.anchor)]


def run_dateparser(document: GoldDocument) -> list[Timex]:
    from dateparser.search import search_dates

    base = datetime.datetime.combine(document.anchor, datetime.time(12))
    results = search_dates(document.text, languages=["en"],
                           settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    found: list[Timex] = []
    cursor = 0
    for phrase, moment in results:
        start = document.text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        found.append(Timex(start, cursor, "DATE", moment.date().isoformat()))
    return found


def evaluate(documents: list[GoldDocument], system: Callable[[GoldDocument], list[Timex]],
             errors: list[str] | None = None) -> Score:
    score = Score()
    for document in documents:
        began = time.perf_counter()
        found = system(document)
        score.seconds += time.perf_counter() - began
        score.documents += 1
        score_document(score, document.timexes, found, errors, document.text)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline-docs", type=int, default=None,
                        help="documents for the dateparser baseline (default all, 0 to skip)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    arguments = parser.parse_args()
    documents = [read_timeml(path) for path in sorted(DATA.glob("*.tml"))]
    errors: list[str] = []
    ours = evaluate(documents, run_system, errors)
    rows = [("find_times", len(documents), ours)]
    subset = documents[: arguments.baseline_docs]
    if subset and len(subset) < len(documents):
        rows.append(("find_times (baseline subset)", len(subset), evaluate(subset, run_system)))
    if subset:
        rows.append(("dateparser search_dates", len(subset), evaluate(subset, run_dateparser)))
    header = (f"{'system':<30} {'docs':>5} {'gold':>5} {'found':>5} {'strict F1':>9} "
              f"{'relaxed F1':>10} {'value acc':>9} {'docs/s':>8}")
    print(header)
    print("-" * len(header))
    for name, count, score in rows:
        accuracy = score.value_correct / score.relaxed if score.relaxed else 0.0
        speed = score.documents / score.seconds if score.seconds else 0.0
        print(f"{name:<30} {count:>5} {score.gold:>5} {score.system:>5} "
              f"{score.f1(score.strict):>9.3f} {score.f1(score.relaxed):>10.3f} "
              f"{accuracy:>9.3f} {speed:>8.1f}")
    if subset and len(subset) < len(documents):
        print(f"(baseline rows: first {len(subset)} documents only)")
    for line in errors[: arguments.errors]:
        print(line)


if __name__ == "__main__":
    main()
