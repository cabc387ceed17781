"""Speed and memory of claim comparison and event coreference on synthetic corpora.

    .venv/bin/python benchmarks/bench_reconcile.py [--sizes 1000 10000 100000]
                                                   [--baseline-max 10000]

Synthetic analyses (deterministic seed): ten claims per document, each a sentence of words drawn
from a Zipf-weighted invented vocabulary plus a per-story topic vocabulary (so that related claims
share rare words, as in a real corpus), most with a counted quantity, many with a time window,
some denials and some "did not mention" omissions; event mentions of a few types with dates and
participants.  For each size the table gives the time of ``compare_claims`` and of
``corefer_events``, time per claim, and peak traced memory (tracemalloc, in a separate pass).

Beside it, in the same run, the baseline: the old all-pairs union-find over quantity facts
(``_all_pairs_groups`` below, a copy of the quadratic ``_linked_groups``) timed against the
blocked one on the same facts, with a check that both find the same groups.  The baseline runs
only up to ``--baseline-max`` claims (10k by default): beyond that it takes too long.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from itertools import accumulate
from typing import Any

from triangulate.analyze.facts import with_facts
from triangulate.model import (
    Analysis,
    Claim,
    ClaimRecord,
    Document,
    EventMention,
    Mention,
    Quantity,
    Sentence,
    Span,
    TimeRange,
)
from triangulate.reconcile import compare
from triangulate.reconcile.blocking import StemIndex
from triangulate.reconcile.events import corefer_events
from triangulate.union_find import UnionFind

CLAIMS_PER_DOCUMENT = 10
DOCUMENTS_PER_STORY = 25
SEED = 20240601


def _words(text: str) -> list[str]:
    return text.split()


_SYLLABLES = _words("ka lo mer tin vas ro pel dun sa ri gol fen tar ba ne mo lis kur zan dre")
_UNITS = _words("soldier ton flight person employee vehicle convoy protester house dollar percent")
_STOPS = _words("the of and in to was were by on at for with from that")
_EVENT_TYPES = _words("attack meeting delivery protest flood statement arrest election")


@dataclass(frozen=True)
class Synthetic:
    analyses: list[Analysis]
    claims: list[ClaimRecord]
    mention_map: dict[tuple[str, int, int], str]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--baseline-max", type=int, default=10000)
    args = parser.parse_args()

    rows = []
    for size in args.sizes:
        corpus = _generate(size, random.Random(SEED))
        by_id = {a.document.id: a for a in corpus.analyses}
        facts = compare._headline_facts(corpus.claims, by_id)
        families: dict[str, list[compare._Fact]] = {}
        for fact in facts:
            families.setdefault(fact.family, []).append(fact)

        groups = list(families.values())
        comparing = _timed(partial(compare.compare_claims, corpus.analyses, corpus.claims))
        coref = _timed(partial(corefer_events, corpus.analyses, corpus.mention_map, corpus.claims))
        blocked = _timed(partial(_each, compare._linked_groups, groups))
        pairs = sum(
            1 for g in families.values() for _ in StemIndex([f.stems for f in g]).pairs()
        )
        memory_compare = _peak(partial(compare.compare_claims, corpus.analyses, corpus.claims))
        memory_events = _peak(
            partial(corefer_events, corpus.analyses, corpus.mention_map, corpus.claims)
        )
        all_pairs: tuple[float, Any] | None = None
        if size <= args.baseline_max:
            all_pairs = _timed(partial(_each, _all_pairs_groups, groups))
        same = "-" if all_pairs is None else _same_groups(blocked[1], all_pairs[1])
        rows.append(
            (size, len(facts), pairs / len(facts), len(comparing[1]), comparing[0],
             memory_compare, coref[0],
             memory_events, blocked[0], all_pairs[0] if all_pairs else None, same)
        )

    print(f"| {'claims':>7} | {'facts':>6} | {'pairs/f':>7} | {'comps':>5} "
          f"| {'compare s':>9} | {'us/claim':>8} "
          f"| {'MiB':>5} | {'events s':>8} | {'us/claim':>8} | {'MiB':>5} "
          f"| {'link s':>7} | {'all-pairs s*':>12} | {'same':>4} |")
    print("|" + "|".join("-" * w for w in (9, 8, 9, 7, 11, 10, 7, 10, 10, 7, 9, 14, 6)) + "|")
    for (size, nfacts, per_fact, ncomp, t_cmp, m_cmp, t_ev, m_ev, t_link, t_all, same) in rows:
        baseline = f"{t_all:>12.3f}" if t_all is not None else f"{'not run':>12}"
        print(f"| {size:>7} | {nfacts:>6} | {per_fact:>7.1f} | {ncomp:>5} "
              f"| {t_cmp:>9.3f} | {t_cmp / size * 1e6:>8.1f} "
              f"| {m_cmp / 2**20:>5.1f} | {t_ev:>8.3f} | {t_ev / size * 1e6:>8.1f} "
              f"| {m_ev / 2**20:>5.1f} | {t_link:>7.3f} | {baseline} | {same:>4} |")
    print(f"\npairs/f: candidate pairs per quantity fact from blocking (the algorithmic cost);"
          f" compare: compare_claims (quantities, denials, omissions); events: corefer_events; "
          f"MiB: peak traced memory of that call.\nlink: blocked union-find of quantity facts; "
          f"* all-pairs: the old quadratic union-find on the same facts (run up to "
          f"{args.baseline_max} claims only); same: both find the same groups.")
    return 0


def _each(
    link: Callable[[list[compare._Fact]], list[list[compare._Fact]]],
    groups: list[list[compare._Fact]],
) -> list[list[list[compare._Fact]]]:
    return [link(group) for group in groups]


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def _peak(action: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _same_groups(blocked: list[list[list[Any]]], all_pairs: list[list[list[Any]]]) -> str:
    def keys(groups: list[list[list[Any]]]) -> set[frozenset[str]]:
        return {
            frozenset(f"{fact.record.id}/{fact.family}" for fact in group)
            for family_groups in groups
            for group in family_groups
        }

    return "yes" if keys(blocked) == keys(all_pairs) else "no"


def _all_pairs_groups(facts: list[compare._Fact]) -> list[list[compare._Fact]]:
    """The old quadratic ``_linked_groups``: every pair of facts tried."""
    linked = UnionFind(len(facts))
    for i in range(len(facts)):
        for j in range(i + 1, len(facts)):
            if compare._comparable(facts[i], facts[j]):
                linked.union(i, j)
    return [[facts[i] for i in group] for group in linked.groups()]


# ---- synthetic corpus ----------------------------------------------------------------------


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _generate(claim_count: int, rng: random.Random) -> Synthetic:
    vocabulary = _vocabulary(rng, 50000)
    # Zipf-like, flattened at the top: the very commonest words are stop words, removed anyway.
    weights = list(accumulate(1 / (rank + 100) for rank in range(len(vocabulary))))
    documents = claim_count // CLAIMS_PER_DOCUMENT
    stories = max(1, documents // DOCUMENTS_PER_STORY)
    topics = [rng.sample(vocabulary, 20) for _ in range(stories)]
    people = [f"entity{n}" for n in range(max(10, documents // 5))]
    analyses: list[Analysis] = []
    claims: list[ClaimRecord] = []
    mention_map: dict[tuple[str, int, int], str] = {}
    for d in range(documents):
        story = rng.randrange(stories)
        topic = topics[story]
        doc_id = f"d{d}"
        published = f"2023-{1 + story % 12:02d}-{1 + rng.randrange(28):02d}"
        text, sentences, doc_claims, events = "", [], [], []
        for _ in range(CLAIMS_PER_DOCUMENT):
            start = len(text)
            sentence, claim = _sentence(rng, start, topic, vocabulary, weights, published)
            text += sentence + " "
            sentences.append(Sentence(start, start + len(sentence)))
            doc_claims.append(claim)
            if rng.random() < 0.3:
                name = rng.choice(people)
                at = start + sentence.index(" ") if " " in sentence else start
                participant = Mention(start, at, text[start:at], "person")
                mention_map[(doc_id, participant.start, participant.end)] = name
                day = None if rng.random() < 0.1 else TimeRange(
                    published[:8] + f"{1 + rng.randrange(28):02d}", None, "day"
                )
                events.append(
                    EventMention(at, at + 1, text[at : at + 1], rng.choice(_EVENT_TYPES),
                                 Span(start, start + len(sentence)), day,
                                 participants=(participant,))
                )
        document = Document(
            id=doc_id, source=f"{doc_id}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
            text=text, publisher=f"Outlet {d % 97}", published=published,
        )
        analysis = Analysis(document=document, sentences=tuple(sentences),
                            claims=tuple(doc_claims), events=tuple(events))
        # The facts stage reads each claim's counts (by rule: the synthetic text is not parsed).
        analysis = replace(analysis, claims=with_facts(analysis))
        analyses.append(analysis)
        claims += [ClaimRecord(f"{doc_id}-c{i}", doc_id, c)
                   for i, c in enumerate(analysis.claims)]
    return Synthetic(analyses, claims, mention_map)


def _sentence(
    rng: random.Random, offset: int, topic: list[str], vocabulary: list[str],
    weights: list[float], published: str,
) -> tuple[str, Claim]:
    words = rng.sample(topic, 3) + rng.choices(vocabulary, cum_weights=weights, k=rng.randint(4, 7))
    words += rng.sample(_STOPS, 3)
    rng.shuffle(words)
    roll = rng.random()
    stance = "asserted"
    if roll < 0.05:
        words[:0] = ["officials", "denied", "that"]
        stance = "denied"
    elif roll < 0.07:
        words += ["but", "the", "readout", "did", "not", "mention", *rng.sample(topic, 2)]
    quantities: list[Quantity] = []
    time_range = None
    if rng.random() < 0.7:
        unit = rng.choice(_UNITS)
        value = rng.choice([rng.randint(2, 20), rng.randint(2, 20) * 100])
        counted = f"{value} {unit}s"
        at = offset + len(" ".join(words)) + 1
        quantities.append(Quantity(at, at + len(counted), counted, float(value), unit))
        words.append(counted)
    if rng.random() < 0.6:
        day = f"{published[:8]}{1 + rng.randrange(28):02d}"
        time_range = TimeRange(day, day, "day") if rng.random() < 0.5 else TimeRange(
            published[:8] + "01", day, "day"
        )
    text = " ".join(words).capitalize() + "."
    claim = Claim(offset, offset + len(text), text, stance=stance,  # type: ignore[arg-type]
                  time=time_range, quantities=tuple(quantities))
    return text, claim


if __name__ == "__main__":
    sys.exit(main())
