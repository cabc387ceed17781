"""Event mentions and cross-document event coreference on ECB+ dev, own mentions, same run.

    .venv/bin/python benchmarks/bench_events.py [--baseline REV] [--limit-topics N]

ECB+ (``../shared/data/events/ecbplus``; Cybulska and Vossen 2014, the "Cybulska setup": only the
annotated sentences) gives every event mention of its documents with a cross-document chain.
Each dev document is rebuilt from its tokens (one sentence a line) and analysed by the real
pipeline. Two layers of the product are scored:

* typed events: the salient happenings the timeline reads (``Analysis.events``), chained by
  ``corefer_events`` as reconciliation does;
* every happening: the event layer (``analyze/event_layer.py``: the typed events and every
  other verb and event noun the parse finds, and the names the topic's reports give
  happenings, ``named_happenings``), chained by ``corefer_happenings``.

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
from collections import defaultdict
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


def predict(documents: dict[str, EcbDocument]) -> dict[str, dict[Mention, str]]:
    """Predicted chains by system: this tree's typed events as reconciliation joins them, every
    happening of the event layer as ``corefer_happenings`` joins them, and both layers joined
    within a topic when their first words share a lemma (the standard baseline)."""
    from triangulate.language.en.stems import stem
    from triangulate.reconcile.events import corefer_events

    try:  # a baseline revision may have no event layer
        from triangulate.analyze.event_layer import happening_mentions
        from triangulate.reconcile.events import corefer_happenings
    except ImportError:
        happening_mentions = None  # type: ignore[assignment]
    try:  # nor names of happenings read across the corpus
        from triangulate.analyze.event_layer import named_happenings
    except ImportError:
        named_happenings = None  # type: ignore[assignment]

    by_topic = analyse_by_topic(documents)
    found: dict[str, dict[Mention, str]] = defaultdict(dict)

    def add(system: str, document: str, start: int, end: int, chain: str) -> None:
        mention = token_mention(documents[document], start, end)
        if mention is not None:
            found[system][mention] = chain
            head = documents[document].text[start:end].split()[0]
            found[f"{system}, same head lemma"][mention] = f"{chain.split(':')[0]}:{stem(head)}"

    for topic, analyses in by_topic.items():
        mention_map = {
            (a.document.id, m.start, m.end): m.text.lower() for a in analyses for m in a.mentions
        }
        for event in corefer_events(analyses, mention_map, []):
            for span in event.mentions:
                add("typed events", span.document, span.start, span.end, f"{topic}:{event.id}")
        if happening_mentions is None:
            continue
        if named_happenings is None:
            layer = [(a, happening_mentions(a)) for a in analyses]
        else:
            named = named_happenings(analyses)
            layer = [(a, happening_mentions(a, named)) for a in analyses]
        for number, chain in enumerate(corefer_happenings(layer, mention_map)):
            for document, mention in chain:
                add("every happening", document, mention.start, mention.end, f"{topic}:{number}")
    return found


def run_here(count: int | None) -> dict[str, dict[str, float]]:
    documents = limit_topics(read_corpus(ECBPLUS / "ECB_Dev_corpus.txt"), count)
    gold = gold_chains(ECBPLUS / "ECB_Dev_Event_gold_mentions.json", documents)
    rows = {name: evaluate(system, gold) for name, system in predict(documents).items()}
    return {**rows, "gold mentions": {"mentions": len(gold)}}


def _print(label: str, rows: dict[str, dict[str, float]]) -> None:
    for name, row in rows.items():
        if name == "gold mentions":
            continue
        print(f"{label + ', ' + name:42s} {row['mentions']:>8.0f} {row['precision']:>9.3f} "
              f"{row['recall']:>7.3f} {row['muc']:>6.3f} {row['b3']:>6.3f} {row['ceafe']:>7.3f} "
              f"{row['conll']:>6.3f}")


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
        _print(f"baseline {args.baseline}",
               run_at_revision(Path(__file__), args.baseline, args.limit_topics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
