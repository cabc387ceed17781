"""Event mentions and cross-document event coreference on ECB+ dev, own mentions, same run.

    .venv/bin/python benchmarks/bench_events.py [--baseline REV] [--limit-topics N]

ECB+ (``../shared/data/events/ecbplus``; Cybulska and Vossen 2014, the "Cybulska setup": only the
annotated sentences) gives every event mention of its documents with a cross-document chain.
Each dev document is rebuilt from its tokens (one sentence a line) and analysed by the real
pipeline; its event mentions are the predicted mentions, and the events that reconciliation
makes of them within a topic are the predicted chains.

Reported, for this tree and for ``--baseline`` (a git revision, by default the events of the
session before trained event work, checked out into a temporary worktree and run there):

* mention precision and recall: a predicted mention finds a gold mention when their tokens
  overlap;
* CoNLL F1, the mean of MUC, B-cubed and CEAF-e F1, all topics pooled, over the predicted
  mentions (a predicted mention that finds a gold mention takes its identity; the rest are
  spurious, and gold mentions not found are missing, as the reference scorer counts them);
* beside them, in the same run, the same-head-lemma baseline: this tree's own mentions joined
  within a topic when their first words share a lemma (the standard baseline of the task).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ecbplus import (
    ECBPLUS,
    EcbDocument,
    Mention,
    analyse_by_topic,
    arguments,
    evaluate,
    gold_chains,
    limit_topics,
    read_corpus,
    run_at_revision,
    token_mention,
)

BASELINE = "712ff08"


def predict(documents: dict[str, EcbDocument]) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """This tree's mentions with their predicted chain, and with a same-head-lemma chain."""
    from triangulate.language.en.stems import stem
    from triangulate.reconcile.events import corefer_events

    by_topic = analyse_by_topic(documents)
    system: dict[Mention, str] = {}
    lemma: dict[Mention, str] = {}
    for topic, analyses in by_topic.items():
        mention_map = {
            (a.document.id, m.start, m.end): m.text.lower() for a in analyses for m in a.mentions
        }
        for event in corefer_events(analyses, mention_map, []):
            for span in event.mentions:
                mention = token_mention(documents[span.document], span.start, span.end)
                if mention is not None:
                    system[mention] = event.id
                    head = documents[span.document].text[span.start : span.end].split()[0]
                    lemma[mention] = f"{topic}:{stem(head)}"
    return system, lemma


def run_here(count: int | None) -> dict[str, dict[str, float]]:
    documents = limit_topics(read_corpus(ECBPLUS / "ECB_Dev_corpus.txt"), count)
    gold = gold_chains(ECBPLUS / "ECB_Dev_Event_gold_mentions.json", documents)
    system, lemma = predict(documents)
    return {"events": evaluate(system, gold), "same head lemma": evaluate(lemma, gold),
            "gold mentions": {"mentions": len(gold)}}


def _print(label: str, rows: dict[str, dict[str, float]]) -> None:
    for name, row in rows.items():
        if name == "gold mentions":
            continue
        print(f"{label + ', ' + name:42s} {row['mentions']:>8.0f} {row['precision']:>9.3f} "
              f"{row['recall']:>7.3f} {row['muc']:>6.3f} {row['b3']:>6.3f} {row['ceafe']:>7.3f} "
              f"{row['conll']:>6.3f}")


def _baseline(revision: str, limit_topics: int | None) -> dict[str, dict[str, float]]:
    options = ["--limit-topics", str(limit_topics)] if limit_topics else []
    rows: dict[str, dict[str, float]] = run_at_revision(Path(__file__), revision, options)
    return rows


def main(argv: Iterable[str] | None = None) -> int:
    args = arguments(__doc__.split("\n\n")[0], BASELINE,
                     list(argv) if argv is not None else None)
    if args is None:
        return 2
    here = run_here(args.limit_topics)
    if args.json:
        print(json.dumps(here))
        return 0
    print(f"ECB+ dev: {here['gold mentions']['mentions']:.0f} gold event mentions")
    print(f"{'system':42s} {'mentions':>8s} {'precision':>9s} {'recall':>7s} {'MUC':>6s} "
          f"{'B3':>6s} {'CEAF-e':>7s} {'CoNLL':>6s}")
    _print("this tree", here)
    if args.baseline:
        _print(f"baseline {args.baseline}", _baseline(args.baseline, args.limit_topics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
