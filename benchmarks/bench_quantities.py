"""Quantity extraction against hand-written news sentences, beside a naive regex baseline.

Run: ``.venv/bin/python benchmarks/bench_quantities.py [--verbose]``.  Reads
``benchmarks/quantities_cases.jsonl`` (one ``{"text", "expected": [...]}`` per line) and prints
precision and recall of (value, unit, qualifier) matches (a range's ``value_max`` must match too)
and of value-only matches, and sentences per second.  ``--verbose`` lists every sentence where
the extractor and the cases differ.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from triangulate.analyze.quantities import find_quantities

CASES = Path(__file__).with_name("quantities_cases.jsonl")
Item = tuple[float, str, str, float | None]
Extractor = Callable[[str], list[Item]]

_BASELINE = re.compile(r"(\d+(?:[.,]\d+)*)\s*([A-Za-z%]+)?")


def baseline(text: str) -> list[Item]:
    """Digits, and the next word (its plural 's' dropped) as the unit; always 'exact'."""
    items: list[Item] = []
    for match in _BASELINE.finditer(text):
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        unit = (match.group(2) or "").lower()
        if unit == "%":
            unit = "percent"
        elif unit.endswith("s") and len(unit) > 3:
            unit = unit[:-1]
        items.append((value, unit, "exact", None))
    return items


def triangulate(text: str) -> list[Item]:
    return [(q.value, q.unit, q.qualifier, q.value_max) for q in find_quantities(text)]


@dataclass
class Score:
    matched: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _same_value(left: float, right: float) -> bool:
    return math.isclose(left, right, rel_tol=1e-6, abs_tol=1e-9)


def _same_maximum(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is right
    return _same_value(left, right)


def _count_matches(expected: Sequence[Item], predicted: Sequence[Item], full: bool) -> int:
    remaining = list(predicted)
    matched = 0
    for value, unit, qualifier, value_max in expected:
        for position, (p_value, p_unit, p_qualifier, p_value_max) in enumerate(remaining):
            if not _same_value(value, p_value):
                continue
            if full and (unit, qualifier) != (p_unit, p_qualifier):
                continue
            if full and not _same_maximum(value_max, p_value_max):
                continue
            matched += 1
            del remaining[position]
            break
    return matched


def load_cases() -> list[tuple[str, list[Item]]]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            expected = [
                (e["value"], e["unit"], e["qualifier"], e.get("value_max"))
                for e in case["expected"]
            ]
            cases.append((case["text"], expected))
    return cases


def evaluate(
    extract: Extractor, cases: list[tuple[str, list[Item]]], verbose: bool = False
) -> tuple[Score, Score, float]:
    full, value_only = Score(), Score()
    for text, expected in cases:
        predicted = extract(text)
        for score, is_full in ((full, True), (value_only, False)):
            score.matched += _count_matches(expected, predicted, is_full)
            score.predicted += len(predicted)
            score.expected += len(expected)
        all_match = _count_matches(expected, predicted, True) == max(len(expected), len(predicted))
        if verbose and not all_match:
            print(f"- {text}\n    expected  {expected}\n    predicted {predicted}")
    return full, value_only, _speed(extract, cases)


def _speed(extract: Extractor, cases: list[tuple[str, list[Item]]]) -> float:
    texts = [text for text, _ in cases]
    rounds = 0
    started = time.perf_counter()
    while time.perf_counter() - started < 1.0:
        for text in texts:
            extract(text)
        rounds += 1
    return rounds * len(texts) / (time.perf_counter() - started)


def main(arguments: list[str]) -> None:
    verbose = "--verbose" in arguments
    cases = load_cases()
    expected_total = sum(len(expected) for _, expected in cases)
    negatives = sum(1 for _, expected in cases if not expected)
    print(f"{len(cases)} sentences, {expected_total} quantities, {negatives} with none\n")
    header = (
        f"{'system':<14}{'P (v,u,q)':>10}{'R (v,u,q)':>10}{'F1':>7}"
        f"{'P value':>10}{'R value':>10}{'sent/s':>10}"
    )
    print(header)
    print("-" * len(header))
    triangulate(cases[0][0])  # load lazily built tables before timing
    for name, extract in (("triangulate", triangulate), ("regex baseline", baseline)):
        full, value_only, speed = evaluate(extract, cases, verbose and name == "triangulate")
        print(
            f"{name:<14}{full.precision:>10.3f}{full.recall:>10.3f}{full.f1:>7.3f}"
            f"{value_only.precision:>10.3f}{value_only.recall:>10.3f}{speed:>10.0f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
