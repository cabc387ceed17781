"""Precision and recall of comparison verdicts on small invented story clusters.

    .venv/bin/python benchmarks/bench_verdicts.py [--verbose]

Each folder of ``benchmarks/stories/`` is one story told by several invented outlets, with an
``expected.json``: the comparisons that should exist (a verdict and a phrase from each side) and
pairs of phrases that must never be compared.  Clusters marked ``"held_out": true`` were written
before the rules were tuned on the others; their totals are reported separately.  The real
pipeline (``triangulate.Corpus`` on a temporary database) runs over each cluster.  A predicted
comparison is correct when its verdict matches a gold one and its claims contain every phrase of
that gold comparison.

Beside it, in the same run, a simple baseline over the same extracted claims: every pair of
claims from different documents whose headline quantities have the same unit family is compared,
"agree" when the values are equal and "conflict" otherwise (no context, no time, no denials).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from triangulate import Corpus
from triangulate.model import ClaimRecord, Reconciliation
from triangulate.reconcile.units import family

STORIES = Path(__file__).resolve().parent / "stories"


@dataclass(frozen=True)
class Predicted:
    verdict: str
    texts: tuple[str, ...]


@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    conflicts: int = 0
    correct_conflicts: int = 0
    forbidden: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("predicted", "correct", "gold", "found", "conflicts", "correct_conflicts",
                     "forbidden"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong += other.wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and wrong verdicts")
    args = parser.parse_args()

    totals = {"pipeline": Tally(), "baseline": Tally()}
    held_out = {"pipeline": Tally(), "baseline": Tally()}
    rows = []
    for folder in sorted(p for p in STORIES.iterdir() if (p / "expected.json").exists()):
        gold = json.loads((folder / "expected.json").read_text())
        result, sentences = _run_pipeline(folder)
        predictions = {
            "pipeline": [
                Predicted(c.verdict, tuple(sentences[i] for i in c.claims if i in sentences))
                for c in result.comparisons
            ],
            "baseline": _baseline(result.claims, sentences),
        }
        for name, predicted in predictions.items():
            tally = _score(predicted, gold, folder.name)
            (held_out if gold.get("held_out") else totals)[name].add(tally)
            rows.append((folder.name + ("*" if gold.get("held_out") else ""), name, tally))

    print(f"| {'cluster':<10} | {'method':<8} | {'pred':>4} | {'right':>5} | {'gold':>4} "
          f"| {'found':>5} | {'confl':>5} | {'c.ok':>4} | {'forbid':>6} |")
    print("|" + "|".join("-" * w for w in (12, 10, 6, 7, 6, 7, 7, 6, 8)) + "|")
    summary = [*(("TUNED", n, t) for n, t in totals.items()),
               *(("HELD-OUT*", n, t) for n, t in held_out.items() if t.gold)]
    for cluster, name, t in [*rows, *summary]:
        print(f"| {cluster:<10} | {name:<8} | {t.predicted:>4} | {t.correct:>5} | {t.gold:>4} "
              f"| {t.found:>5} | {t.conflicts:>5} | {t.correct_conflicts:>4} | {t.forbidden:>6} |")
    print()
    for split, name, t in summary:
        print(f"{split:<9} {name:<8}  precision {_ratio(t.correct, t.predicted)}  "
              f"recall {_ratio(t.found, t.gold)}  "
              f"conflict precision {_ratio(t.correct_conflicts, t.conflicts)}  "
              f"forbidden pairs compared {t.forbidden}")
    if args.verbose:
        for name in totals:
            t = Tally()
            t.add(totals[name])
            t.add(held_out[name])
            print(f"\n{name} misses:", *t.misses, sep="\n  ")
            print(f"{name} wrong:", *t.wrong, sep="\n  ")
    return 0


def _run_pipeline(folder: Path) -> tuple[Reconciliation, dict[str, str]]:
    """The reconciliation of one cluster, and the sentence of each claim by claim id (gold
    phrases name the sentence a claim comes from, whatever part of it the claim covers)."""
    articles = [str(path) for path in sorted(folder.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp, Corpus.open(Path(tmp) / "story.db") as corpus:
        corpus.analyze(articles)
        result = corpus.reconciliation()
        analyses = {a.document.id: a for a in corpus.analyses()}
    sentences = {}
    for record in result.claims:
        analysis = analyses[record.document]
        sentence = analysis.sentence_of(record.claim) or record.claim
        sentences[record.id] = sentence.of(analysis.document.text)
    return result, sentences


def _baseline(claims: tuple[ClaimRecord, ...], sentences: dict[str, str]) -> list[Predicted]:
    """Same unit family, different documents: equal values agree, different ones conflict."""
    headline = []
    for record in claims:
        best: dict[str, float] = {}
        for quantity in record.claim.quantities:
            kind = family(quantity.unit)
            if kind and quantity.value > best.get(kind, float("-inf")):
                best[kind] = quantity.value
        headline += [(record, kind, value) for kind, value in best.items()]
    predicted = []
    for (ra, ka, va), (rb, kb, vb) in itertools.combinations(headline, 2):
        if ka == kb and ra.document != rb.document:
            verdict = "agree" if va == vb else "conflict"
            predicted.append(Predicted(verdict, (sentences[ra.id], sentences[rb.id])))
    return predicted


def _score(predicted: list[Predicted], gold: dict, cluster: str) -> Tally:
    tally = Tally(predicted=len(predicted), gold=len(gold["comparisons"]))
    found: set[int] = set()
    for p in predicted:
        matches = [i for i, g in enumerate(gold["comparisons"]) if _matches(p, g)]
        found.update(matches)
        tally.correct += bool(matches)
        if p.verdict == "conflict":
            tally.conflicts += 1
            tally.correct_conflicts += bool(matches)
        if not matches:
            tally.wrong.append(f"{cluster}: {p.verdict}: " + " | ".join(_short(t) for t in p.texts))
        if any(all(_contains(p.texts, phrase) for phrase in pair) for pair in gold["not_compared"]):
            tally.forbidden += 1
    tally.found = len(found)
    for i, g in enumerate(gold["comparisons"]):
        if i not in found:
            tally.misses.append(f"{cluster}: {g['verdict']}: " + " | ".join(g["sides"]))
    return tally


def _matches(predicted: Predicted, gold: dict) -> bool:
    return predicted.verdict == gold["verdict"] and all(
        _contains(predicted.texts, phrase) for phrase in gold["sides"]
    )


def _contains(texts: tuple[str, ...], phrase: str) -> bool:
    wanted = " ".join(phrase.split()).casefold()
    return any(wanted in " ".join(t.split()).casefold() for t in texts)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:69] + "\u2026"


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else f"{part}/0 (-)"


if __name__ == "__main__":
    sys.exit(main())
