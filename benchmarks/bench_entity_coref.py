"""Entity mentions and cross-document entity coreference on ECB+ dev, own mentions, same run.

    .venv/bin/python benchmarks/bench_entity_coref.py [--baseline REV] [--limit-topics N]

ECB+ dev (``../shared/data/events/ecbplus``, the entity mention file) marks every participant,
place and time of its annotated events, names or not (``Hugh Jackman``, ``the host``, ``he``,
``on Friday``), typed HUM, LOC, TIM or NON, each with a cross-document chain. Each dev document
is rebuilt from its tokens and analysed by the real pipeline; its entity mentions
(``Analysis.mentions``) are the predicted mentions, and the entities that
``resolve_entities`` makes of them over the analyses of one topic are the predicted chains.

Reported, with the scorer of ``bench_events.py`` (``ecbplus.py``):

* mention precision and recall: a predicted mention finds a gold mention when their tokens
  overlap; typed, when the found mention's type is of the gold category (person, organization
  and group are HUM; location and facility LOC; product, work and other NON);
* CoNLL F1, the mean of MUC, B-cubed and CEAF-e F1, all topics pooled (a predicted mention that
  finds a gold mention takes its identity; spurious and missing mentions are counted);
* beside them, in the same run: the exact-string baseline (the same mentions joined within a
  topic when their lower-cased text is equal); the resolver and the exact-string join given the
  gold mentions (typed person, location or other by their gold category), which separates
  recognition errors from resolution errors; and, with ``--baseline`` (a git revision checked
  out into a temporary worktree; by default the recogniser and resolver before issue 20's
  work), the same rows for that revision.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from ecbplus import (
    ECBPLUS,
    EcbDocument,
    GoldMention,
    Mention,
    align,
    analyse_by_topic,
    arguments,
    evaluate,
    gold_mentions,
    limit_topics,
    read_corpus,
    run_at_revision,
    token_mention,
)

if TYPE_CHECKING:
    from triangulate.model import Analysis, EntityType

BASELINE = "9dfc737"

GOLD_CATEGORY = {
    "person": "HUM", "organization": "HUM", "group": "HUM",
    "location": "LOC", "facility": "LOC",
    "product": "NON", "work": "NON", "other": "NON",
}
INPUT_TYPE: dict[str, EntityType] = {
    "HUM": "person", "LOC": "location", "NON": "other", "TIM": "other",
}

Rows = dict[str, dict[str, float]]


class Run(TypedDict):
    rows: Rows
    gold: int
    gold_chains: int
    documents: int
    seconds: float
    recall_by_category: dict[str, list[int]]  # gold category or "named" -> [found, all]


def resolved_chains(
    documents: dict[str, EcbDocument], by_topic: dict[str, list[Analysis]]
) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """Each entity mention of the analyses with the entity that resolution gives it within its
    topic, and with its exact-string chain (its lower-cased text within its topic)."""
    from triangulate.reconcile.entities import resolve_entities

    resolved: dict[Mention, str] = {}
    exact: dict[Mention, str] = {}
    for topic, analyses in by_topic.items():
        _, entity_of = resolve_entities(analyses)
        for analysis in analyses:
            document = documents[analysis.document.id]
            for found in analysis.mentions:
                mention = token_mention(document, found.start, found.end)
                if mention is None:
                    continue
                entity = entity_of[(document.name, found.start, found.end)]
                resolved[mention] = f"{topic}:{entity}"
                exact[mention] = f"{topic}:{' '.join(found.text.lower().split())}"
    return resolved, exact


def own_types(by_topic: dict[str, list[Analysis]], documents: dict[str, EcbDocument]
              ) -> dict[Mention, str]:
    types: dict[Mention, str] = {}
    for analyses in by_topic.values():
        for analysis in analyses:
            document = documents[analysis.document.id]
            for found in analysis.mentions:
                mention = token_mention(document, found.start, found.end)
                if mention is not None:
                    types[mention] = found.type
    return types


def gold_analyses(
    documents: dict[str, EcbDocument], gold: dict[Mention, GoldMention]
) -> dict[str, list[Analysis]]:
    """One analysis a document whose entity mentions are the gold mentions, by topic."""
    from triangulate.model import Analysis, Document
    from triangulate.model import Mention as EntityMention

    by_document: dict[str, list[EntityMention]] = {name: [] for name in documents}
    for (name, first, last), entry in gold.items():
        document = documents[name]
        start, end = document.spans[first][0], document.spans[last][1]
        by_document[name].append(
            EntityMention(start, end, document.text[start:end], INPUT_TYPE[entry.type])
        )
    by_topic: dict[str, list[Analysis]] = {}
    for name, mentions in by_document.items():
        document = documents[name]
        analysis = Analysis(
            Document(id=name, source=f"{name}.txt", sha256=name, text=document.text,
                     language="en"),
            mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        )
        by_topic.setdefault(document.topic, []).append(analysis)
    return by_topic


def typed(types: dict[Mention, str], gold: dict[Mention, GoldMention]) -> tuple[float, float]:
    """Precision and recall of the mentions that find a gold mention of their category."""
    chains = {mention: entry.chain for mention, entry in gold.items()}
    aligned = align(types, chains)
    agreeing = sum(GOLD_CATEGORY.get(types[m], "") == gold[g].type for m, g in aligned.items())
    return agreeing / len(types) if types else 0.0, agreeing / len(gold) if gold else 0.0


def recall_by_category(types: dict[Mention, str], gold: dict[Mention, GoldMention],
                       documents: dict[str, EcbDocument]) -> dict[str, list[int]]:
    """Per gold category, and for the named gold mentions: [found, all]."""
    chains = {mention: entry.chain for mention, entry in gold.items()}
    found = set(align(types, chains).values())
    counts: dict[str, list[int]] = {}
    for mention, entry in gold.items():
        for category in (entry.type, "named") if _named(mention, documents) else (entry.type,):
            row = counts.setdefault(category, [0, 0])
            row[0] += mention in found
            row[1] += 1
    return counts


def _named(mention: Mention, documents: dict[str, EcbDocument]) -> bool:
    """A capitalised word that does not open its sentence: a rough test for a name."""
    name, first, last = mention
    document = documents[name]
    openings = set(document.sentence_start.values())
    for index in range(first, last + 1):
        start, end = document.spans[index]
        if index not in openings and document.text[start:end][:1].isupper():
            return True
    return False


def run_here(count: int | None) -> Run:
    documents = limit_topics(read_corpus(ECBPLUS / "ECB_Dev_corpus.txt"), count)
    gold = gold_mentions(ECBPLUS / "ECB_Dev_Entity_gold_mentions.json", documents)
    chains = {mention: entry.chain for mention, entry in gold.items()}
    began = time.perf_counter()
    by_topic = analyse_by_topic(documents)
    analysed = time.perf_counter() - began
    resolved, exact = resolved_chains(documents, by_topic)
    types = own_types(by_topic, documents)
    gold_resolved, gold_exact = resolved_chains(documents, gold_analyses(documents, gold))
    rows: Rows = {
        "own mentions, resolver": evaluate(resolved, chains),
        "own mentions, exact string": evaluate(exact, chains),
        "gold mentions, resolver": evaluate(gold_resolved, chains),
        "gold mentions, exact string": evaluate(gold_exact, chains),
    }
    typed_precision, typed_recall = typed(types, gold)
    for name in ("own mentions, resolver", "own mentions, exact string"):
        rows[name].update(typed_precision=typed_precision, typed_recall=typed_recall)
    return Run(
        rows=rows, gold=len(gold), gold_chains=len(set(chains.values())),
        documents=len(documents), seconds=analysed,
        recall_by_category=recall_by_category(types, gold, documents),
    )


def _print(label: str, rows: Rows) -> None:
    for name, row in rows.items():
        typed_figures = (f"{row['typed_precision']:>7.3f} {row['typed_recall']:>7.3f}"
                         if "typed_precision" in row else f"{'-':>7s} {'-':>7s}")
        print(f"{label + name:46s} {row['mentions']:>8.0f} {row['precision']:>6.3f} "
              f"{row['recall']:>6.3f} {typed_figures} {row['muc']:>6.3f} {row['b3']:>6.3f} "
              f"{row['ceafe']:>7.3f} {row['conll']:>6.3f}")


def main(argv: Iterable[str] | None = None) -> int:
    args = arguments(__doc__.split("\n\n")[0], BASELINE,
                     list(argv) if argv is not None else None)
    if args is None:
        return 2
    here = run_here(args.limit_topics)
    if args.json:
        print(json.dumps(here))
        return 0
    print(f"ECB+ dev: {here['documents']} documents, {here['gold']} gold entity mentions in "
          f"{here['gold_chains']} chains; analysis {here['seconds']:.0f} s")
    print(f"{'system':46s} {'mentions':>8s} {'prec.':>6s} {'recall':>6s} {'typed P':>7s} "
          f"{'typed R':>7s} {'MUC':>6s} {'B3':>6s} {'CEAF-e':>7s} {'CoNLL':>6s}")
    _print("this tree, ", here["rows"])
    if args.baseline:
        then = run_at_revision(Path(__file__), args.baseline, args.limit_topics)
        _print(f"{args.baseline}, ", {name: row for name, row in then["rows"].items()
                                      if name.startswith("own")})
    recall = here["recall_by_category"]
    print("recall of the own mentions by gold category: " + ", ".join(
        f"{category} {found}/{total}"
        for category, (found, total) in sorted(recall.items())
    ) + " ('named': a capitalised word not opening its sentence)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
