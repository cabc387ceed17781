"""Documents grouped by the story they tell, for event coreference over a mixed corpus.

Two reports that share few distinctive words (by tf-idf cosine) tell different stories, even of
one kind ("a quake hit" in two countries): average-link clusters of the documents' word vectors,
joined while the mean similarity of two clusters reaches ``STORY_SIMILARITY``. Two reports that
both name people, none of them by one surname, tell of different people ("X arrested on suspicion
of drunk driving", "Y arrested on suspicion of drunk driving"): two clusters most of whose pairs
of documents are such do not join, however many words they share.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..language.en.stems import content_words
from ..model import Analysis

STORY_SIMILARITY = 0.05
"""The mean tf-idf cosine of two groups of documents at which they tell one story (the best
of 0.03-0.10 on the ECB+ train topics)."""


def story_groups(analyses: Sequence[Analysis]) -> dict[str, int]:
    """Each document's group, by document id."""
    ids = [a.document.id for a in analyses]
    vectors = _vectors(analyses)
    people = {a.document.id: _surnames(a) for a in analyses}
    similar: dict[tuple[str, str], float] = {}
    apart: set[tuple[str, str]] = set()  # both name people, none by one surname
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            similar[(x, y)] = similar[(y, x)] = sum(
                w * vectors[y].get(s, 0.0) for s, w in vectors[x].items()
            )
            if people[x] and people[y] and not people[x] & people[y]:
                apart |= {(x, y), (y, x)}

    def link(a: list[str], b: list[str]) -> float:
        pairs = len(a) * len(b)
        if 2 * sum((x, y) in apart for x in a for y in b) > pairs:
            return -1.0
        return sum(similar[(x, y)] for x in a for y in b) / pairs

    clusters = [[i] for i in ids]
    while len(clusters) > 1:
        score, i, j = max(
            (link(clusters[i], clusters[j]), i, j)
            for i in range(len(clusters)) for j in range(i + 1, len(clusters))
        )
        if score < STORY_SIMILARITY:
            break
        clusters[i] += clusters.pop(j)
    return {doc: number for number, cluster in enumerate(clusters) for doc in cluster}


def _surnames(analysis: Analysis) -> frozenset[str]:
    """The last words of the people a document names ("jackson" for "Vincent Jackson")."""
    return frozenset(
        _POSSESSIVE.sub("", m.text.split()[-1]).lower()
        for m in analysis.mentions if m.type == "person" and m.text.strip()
    )


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _vectors(analyses: Sequence[Analysis]) -> dict[str, dict[str, float]]:
    counts = {
        a.document.id: Counter(_stems(a.document.text)) for a in analyses
    }
    spread = Counter(s for c in counts.values() for s in c)
    n = len(analyses)
    vectors = {}
    for doc, count in counts.items():
        weights = {s: c * math.log((n + 1) / (spread[s] + 0.5)) for s, c in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[doc] = {s: w / norm for s, w in weights.items()}
    return vectors


def _stems(text: str) -> list[str]:
    return [s for sentence in text.split("\n") for s in content_words(sentence)]
