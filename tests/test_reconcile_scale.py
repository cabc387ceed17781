"""Reconciliation at scale: the indexes that replace corpus-wide scans find what the scans found,
and the result does not depend on the order in which analyses arrive."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Analysis
from triangulate.reconcile import reconcile
from triangulate.reconcile.compare_readouts import _before_title
from triangulate.reconcile.dating import DayYears, date_from_corpus
from triangulate.reconcile.entities import _surname_matches, _SurnameMatcher
from triangulate.reconcile.events import _cluster
from triangulate.reconcile.timing import recording

from .conftest import make_document
from .test_reconcile import _with_times

ARTICLES = {
    "a": (
        "Foreign Minister Dmitriy Kouznetsov of Valdoria spoke by telephone with Arlen "
        "President Maria Oyelaran on 4 March 2021. Kouznetsov stressed that 40 trucks of grain "
        "had crossed the border. Oyelaran said the convoy carried only medicine.\n\n"
        "The Valdorian News Agency (VNA) said seven flights landed in Port Ossen on 2 March."
    ),
    "b": (
        "Arlen's presidency said Maria Oyelaran and Dmitry Kuznetsov discussed trade in their "
        "call on 4 March 2021. Oyelaran insisted that 35 trucks had crossed, not 40.\n\n"
        "Nine flights landed in Port Ossen on 2 March, officials said. Kuznetsov denied that "
        "any weapons were on board."
    ),
    "c": (
        "Valdoria denied on 6 March 2021 that its planes carried weapons to Port Ossen. "
        "Kuznetsov's office said the flights brought construction materials.\n\n"
        "Separately, protesters gathered in Arlen City on 5 March, police said."
    ),
    "d": (
        "Maria Oyelaran met Jonas Pellervo in Arlen City on 7 March 2021. Pellervo said "
        "twelve soldiers had been wounded in the border clashes. Oyelaran said the clashes "
        "were over."
    ),
}


def _analyses() -> list[Analysis]:
    return [
        analyze_document(make_document(text, doc_id, published=f"2021-03-0{8 + n % 2}"))
        for n, (doc_id, text) in enumerate(ARTICLES.items())
    ]


def test_reconciliation_does_not_depend_on_the_order_of_the_analyses() -> None:
    analyses = _analyses()
    results = [reconcile(analyses), reconcile(analyses[::-1])]
    shuffled = list(analyses)
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        results.append(reconcile(shuffled))
    first = results[0]
    assert len(first.entities) >= 8 and first.events and first.comparisons and first.timeline
    for other in results[1:]:
        assert other.entities == first.entities
        assert other.claims == first.claims
        assert other.events == first.events
        assert other.comparisons == first.comparisons
        assert other.timeline == first.timeline


def test_every_step_is_timed_while_recording_and_nothing_is_kept_after() -> None:
    analyses = _analyses()
    with recording() as seconds:
        reconcile(analyses)
    assert list(seconds)[:2] == ["entities", "claims"]
    assert {"events", "comparisons", "comparisons: counts", "timeline"} <= set(seconds)
    assert all(value >= 0 for value in seconds.values())
    after = dict(seconds)
    reconcile(analyses)
    assert seconds == after


def _scanned(key: str, full: list[int], surnames: dict[int, str], keys: dict[int, str]
             ) -> list[int]:
    return [i for i in full if _surname_matches(key, surnames[i], keys[i])]


def test_the_surname_index_finds_what_a_scan_of_every_full_name_finds() -> None:
    given = ["maria", "dmitriy", "dmitry", "jonas", "ilse", "karolos", "carolos", "habib"]
    family = ["kouznetsov", "kuznetsov", "kuznetsova", "oyelaran", "oyelarin", "pellervo",
              "papoulias", "el-adly", "al-adli", "smith", "smyth", "ng", "van rompuy", "rompuy",
              "schwarzenegger", "schwarzeneger", "o'neil", "oneil", "li", "lee", "muller"]
    full_keys = {i: f"{g} {f}" for i, (g, f) in
                 enumerate((g, f) for f in family for g in given[: 1 + len(f) % 5])}
    surnames = {i: key.split()[-1] for i, key in full_keys.items()}
    full = sorted(full_keys)
    matcher = _SurnameMatcher(full, surnames, full_keys)
    probes = [*family, *(f + "s" for f in family), "kuznetzov", "oyelarans", "rompuys",
              "schwarzenegga", "x", "", "van rompuy", "de rompuy"]
    found_any = 0
    for key in probes:
        expected = _scanned(key, full, surnames, full_keys)
        assert matcher.in_corpus(key) == expected, key
        found_any += bool(expected)
    assert found_any >= len(family)


def test_the_words_before_a_title_are_found_as_in_the_whole_preceding_text() -> None:
    text = "Reports said. " + "x" * 300 + ". Norwegian Prime Minister Dana Holt said so."
    end = text.index("Dana")
    assert _before_title(text, end) == ["Norwegian"]
    long_words = "A" * 250 + " Prime Minister "
    assert _before_title(long_words + "Holt", len(long_words)) == ["A" * 250]


def test_dating_by_the_corpus_never_counts_the_document_being_dated() -> None:
    saved = _with_times("f", "x", ["XXXX-03-04", "2019-03-04", "2019-03-04"], "2019-05-01")
    other = _with_times("d", "y", ["2020-03-04"], "2020-03-12")
    index = DayYears([saved, other])
    assert index.date(saved) == "2020-03-04" == date_from_corpus(saved, [saved, other])
    assert index.date(_with_times("u", "z", ["XXXX-03-04"], None)) == "2019-03-04"  # 2 to 1


def _clustered_by_scan(items: list) -> list[list]:
    """What the event clustering did before its index: each item to the first group holding an
    item that shares a participant or place with it."""
    groups: list[list] = []
    for item in items:
        people = item[2] | item[3]
        for group in groups:
            if people and any(people & (other[2] | other[3]) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def test_event_clustering_through_its_index_groups_as_the_scan_did() -> None:
    rng = random.Random(7)
    people = [f"e{n}" for n in range(40)]
    for _ in range(30):
        items = [
            (None, n, frozenset(rng.sample(people, rng.randint(0, 2))),
             frozenset(rng.sample(people, rng.randint(0, 1))))
            for n in range(rng.randint(1, 60))
        ]
        expected = [[item[1] for item in group] for group in _clustered_by_scan(items)]
        assert [[item[1] for item in group] for group in _cluster(items)] == expected  # type: ignore[arg-type]


_DIGEST = """
import hashlib, sys
sys.path.insert(0, {root!r})
from tests.test_reconcile_scale import _analyses
from triangulate.reconcile import reconcile
analyses = _analyses()
print(hashlib.sha256(repr(analyses).encode()).hexdigest(),
      hashlib.sha256(repr(reconcile(analyses)).encode()).hexdigest())
"""


def test_analyses_and_reconciliation_do_not_depend_on_the_string_hashes_of_a_process() -> None:
    """A pool's workers and the process that reconciles order their sets differently."""
    root = str(Path(__file__).resolve().parents[1])
    digests = [
        subprocess.run(
            [sys.executable, "-c", _DIGEST.format(root=root)], capture_output=True, text=True,
            check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300,
        ).stdout.split()
        for seed in ("1", "2")
    ]
    assert len(digests[0]) == 2
    assert digests[0] == digests[1]
