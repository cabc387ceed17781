"""ECB+ dev for the coreference benchmarks: documents rebuilt from their tokens, gold mentions,
the analyses of the real pipeline by topic, and the chain scorer (MUC, B-cubed, CEAF-e, CoNLL).

ECB+ (``../shared/data/events/ecbplus``; Cybulska and Vossen 2014, the "Cybulska setup": only the
annotated sentences) gives every event and entity mention of its documents with a
cross-document chain. Each dev document is rebuilt from its tokens, one sentence a line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triangulate.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "data" / "events" / "ecbplus"

Mention = tuple[str, int, int]  # document, first token, last token (document-wide indexes)


@dataclass
class EcbDocument:
    name: str
    topic: str
    text: str
    spans: list[tuple[int, int]]  # character span of each token
    sentence_start: dict[int, int]  # sentence number -> index of its first token


@dataclass(frozen=True)
class GoldMention:
    chain: str
    type: str  # HUM, LOC, TIM, NON for entities; ACTION_* and the like for events


def read_corpus(path: Path) -> dict[str, EcbDocument]:
    rows: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            rows[parts[0]].append((int(parts[1]), int(parts[2]), parts[3]))
    documents = {}
    for name, tokens in rows.items():
        text = ""
        spans: list[tuple[int, int]] = []
        starts: dict[int, int] = {}
        previous = None
        for sentence, _, word in tokens:
            if previous is not None and sentence != previous:
                text += "\n"
            elif text:
                text += " "
            if sentence not in starts:
                starts[sentence] = len(spans)
            spans.append((len(text), len(text) + len(word)))
            text += word
            previous = sentence
        documents[name] = EcbDocument(name, name.split("_")[0], text, spans, starts)
    return documents


def limit_topics(documents: dict[str, EcbDocument], count: int | None) -> dict[str, EcbDocument]:
    """The documents of the first ``count`` topics (by number), or all of them."""
    if not count:
        return documents
    topics = sorted({d.topic for d in documents.values()}, key=int)[:count]
    return {name: d for name, d in documents.items() if d.topic in topics}


def gold_mentions(path: Path, documents: dict[str, EcbDocument]) -> dict[Mention, GoldMention]:
    mentions: dict[Mention, GoldMention] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        document = documents.get(entry["doc_id"])
        if document is None or entry["sent_id"] not in document.sentence_start:
            continue
        first = document.sentence_start[entry["sent_id"]]
        numbers = entry["tokens_number"]
        mention = (entry["doc_id"], first + min(numbers), first + max(numbers))
        mentions[mention] = GoldMention(entry["coref_chain"], entry["mention_type"])
    return mentions


def gold_chains(path: Path, documents: dict[str, EcbDocument]) -> dict[Mention, str]:
    return {mention: gold.chain for mention, gold in gold_mentions(path, documents).items()}


def analyse_by_topic(documents: dict[str, EcbDocument]) -> dict[str, list[Analysis]]:
    """Each document analysed by the real pipeline, grouped by topic."""
    from triangulate.analyze.pipeline import analyze_document
    from triangulate.model import Document

    by_topic: dict[str, list[Analysis]] = defaultdict(list)
    for document in documents.values():
        analysis = analyze_document(Document(
            id=document.name, source=f"{document.name}.txt", sha256=document.name,
            text=document.text, language="en",
        ))
        by_topic[document.topic].append(analysis)
    return by_topic


def token_mention(document: EcbDocument, start: int, end: int) -> Mention | None:
    """The tokens that a character span covers, as a mention."""
    inside = [i for i, (a, b) in enumerate(document.spans) if a < end and start < b]
    return (document.name, inside[0], inside[-1]) if inside else None


def _overlaps(a: Mention, b: Mention) -> bool:
    return a[0] == b[0] and a[1] <= b[2] and b[1] <= a[2]


def align(predicted: dict[Mention, str], gold: dict[Mention, str]) -> dict[Mention, Mention]:
    """Each predicted mention to the gold mention it overlaps (one to one, first come)."""
    by_document: dict[str, list[Mention]] = defaultdict(list)
    for mention in gold:
        by_document[mention[0]].append(mention)
    taken: set[Mention] = set()
    aligned = {}
    for mention in sorted(predicted):
        for candidate in by_document.get(mention[0], []):
            if candidate not in taken and _overlaps(mention, candidate):
                aligned[mention] = candidate
                taken.add(candidate)
                break
    return aligned


def clusters(assignment: dict[Mention, str]) -> list[set[Mention]]:
    grouped: dict[str, set[Mention]] = defaultdict(set)
    for mention, chain in assignment.items():
        grouped[chain].add(mention)
    return list(grouped.values())


def muc(key: list[set[Mention]], response: list[set[Mention]]) -> tuple[float, float]:
    def score(a: list[set[Mention]], b: list[set[Mention]]) -> float:
        where = {m: i for i, cluster in enumerate(b) for m in cluster}
        numerator = denominator = 0
        for cluster in a:
            parts = {where.get(m, ("alone", m)) for m in cluster}
            numerator += len(cluster) - len(parts)
            denominator += len(cluster) - 1
        return numerator / denominator if denominator else 0.0

    return score(key, response), score(response, key)


def b_cubed(key: list[set[Mention]], response: list[set[Mention]]) -> tuple[float, float]:
    def score(a: list[set[Mention]], b: list[set[Mention]]) -> float:
        where = {m: cluster for cluster in b for m in cluster}
        total = sum(
            len(cluster & where.get(m, set())) / len(cluster) for cluster in a for m in cluster
        )
        count = sum(len(cluster) for cluster in a)
        return total / count if count else 0.0

    return score(key, response), score(response, key)


def ceaf_e(key: list[set[Mention]], response: list[set[Mention]]) -> tuple[float, float]:
    """Entity-based CEAF: the best one-to-one matching of key to response clusters by
    ``2|K & R| / (|K| + |R|)``, found per group of clusters that share mentions."""
    if not key or not response:
        return 0.0, 0.0
    where = {m: j for j, cluster in enumerate(response) for m in cluster}
    parent = list(range(len(key) + len(response)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cluster in enumerate(key):
        for m in cluster:
            if m in where:
                parent[find(i)] = find(len(key) + where[m])
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key)):
        groups[find(i)][0].append(i)
    for j in range(len(response)):
        groups[find(len(key) + j)][1].append(j)
    best = 0.0
    for rows, cols in groups.values():
        if rows and cols:
            weights = [[2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j]))
                        for j in cols] for i in rows]
            best += _max_matching(weights)
    return best / len(key), best / len(response)


def _max_matching(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching (Hungarian method, square padding)."""
    size = max(len(weights), len(weights[0]))
    cost = [[-(weights[i][j] if i < len(weights) and j < len(weights[0]) else 0.0)
             for j in range(size)] for i in range(size)]
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    match, way = [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        match[0], column = i, 0
        least = [float("inf")] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            row, delta, nearest = match[column], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    current = cost[row - 1][j - 1] - u[row] - v[j]
                    if current < least[j]:
                        least[j], way[j] = current, column
                    if least[j] < delta:
                        delta, nearest = least[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            column = nearest
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    return -sum(cost[match[j] - 1][j - 1] for j in range(1, size + 1) if match[j])


def _f1(pair: tuple[float, float]) -> float:
    recall, precision = pair
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def evaluate(predicted: dict[Mention, str], gold: dict[Mention, str]) -> dict[str, float]:
    aligned = align(predicted, gold)
    response = {aligned.get(m, m): chain for m, chain in predicted.items()}
    key, answer = clusters(gold), clusters(response)
    scores = {name: _f1(metric(key, answer))
              for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e))}
    return {
        "mentions": len(predicted),
        "precision": len(aligned) / len(predicted) if predicted else 0.0,
        "recall": len(aligned) / len(gold) if gold else 0.0,
        **scores,
        "conll": sum(scores.values()) / 3,
    }


def run_at_revision(script: Path, revision: str, limit_topics: int | None) -> Any:
    """The JSON that ``script --json [--limit-topics N]`` prints with the product of a git
    revision: the revision is checked out into a temporary worktree, whose ``src`` the script
    imports."""
    options = ["--limit-topics", str(limit_topics)] if limit_topics else []
    with tempfile.TemporaryDirectory() as work:
        tree = Path(work) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree),
                        revision], check=True)
        try:
            command = [sys.executable, str(script.resolve()), "--json", *options]
            env = {"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"}
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            return json.loads(done.stdout.strip().splitlines()[-1])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False)


def arguments(description: str, baseline: str, argv: list[str] | None) -> Any:
    """The options both ECB+ benchmarks take (``--baseline``, ``--limit-topics``, the hidden
    ``--json`` a baseline run answers with); None, saying why, when ECB+ is not there."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--baseline", default=baseline,
                        help="a git revision to run beside this tree ('' for none)")
    parser.add_argument("--limit-topics", type=int, default=None)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not ECBPLUS.is_dir():
        print(f"ECB+ is not at {ECBPLUS}", file=sys.stderr)
        return None
    return args
