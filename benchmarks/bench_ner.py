"""Named-entity recognition on CoNLL-2003 test and Wikigold: entity F1 and speed.

Run: ``.venv/bin/python benchmarks/bench_ner.py [--limit-docs N]``.
Each corpus document becomes one text (tokens joined by spaces, one sentence per line).
Scores are entity-level, seqeval-style: a prediction counts only with the exact span and type
(PER, ORG, LOC, MISC).  CoNLL-2003 test and Wikigold are the goal's corpora; CoNLL-2003 val
(the training run's dev set) and WikiANN test (silver, no MISC) are reported beside them because
the combination rules were tuned while reading errors on the first two.
Rows: (a) the trained model alone (MiniLM, int8 ONNX), (b) the baseline:
the rule-based recogniser (capitals, titles, organisation heads, gazetteer, given names) with its
types mapped to CoNLL labels, (c) the combined recogniser as the pipeline runs it
(``find_mentions``).  Speed: tokens per second of each, from a cold cache, on at most
``TRIANGULATE_THREADS`` (default 2) threads.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from triangulate.analyze import entity_model
from triangulate.analyze.entities import find_mentions, find_rule_mentions
from triangulate.analyze.entity_combine import CONLL_CLASS
from triangulate.analyze.entity_model import model_spans, ner_model
from triangulate.model import Mention, Sentence

os.environ.setdefault("TRIANGULATE_THREADS", "2")
DATA = Path(os.environ.get("TRIANGULATE_NER_DATA",
                           Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"))
CORPORA = {"CoNLL-2003 test": "conll2003/test.conllu", "Wikigold": "wikigold/test.conllu",
           "CoNLL-2003 val": "conll2003/val.conllu", "WikiANN test": "wikiann/test.conllu"}
LABELS = ("PER", "ORG", "LOC", "MISC")
# WikiANN tags no MISC: there, MISC predictions are left out of the score.
CORPUS_LABELS = {"WikiANN test": ("PER", "ORG", "LOC")}
Entity = tuple[int, int, str]
Recogniser = Callable[[str, list[Sentence]], set[Entity]]


@dataclass(frozen=True)
class GoldDocument:
    text: str
    sentences: list[Sentence]
    entities: set[Entity]
    tokens: int


def read_documents(path: Path, sentences_per_document: int = 40) -> list[GoldDocument]:
    """Documents at -DOCSTART- lines, or every N sentences where there are none."""
    documents: list[GoldDocument] = []
    group: list[list[tuple[str, str]]] = []
    for sentence in _read_sentences(path):
        if sentence is None or len(group) >= sentences_per_document:
            if group:
                documents.append(_document(group))
            group = []
        if sentence:
            group.append(sentence)
    if group:
        documents.append(_document(group))
    return documents


def _read_sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        _, token, tag = line.split("\t")[:3]
        if token == "-DOCSTART-":
            yield None
        else:
            sentence.append((token, tag))
    if sentence:
        yield sentence


def _document(group: list[list[tuple[str, str]]]) -> GoldDocument:
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    entities: set[Entity] = set()
    offset = 0
    for sentence in group:
        start = offset
        current: list[int | str] | None = None  # [start, end, label]
        for token, tag in sentence:
            if offset > start:
                text_parts.append(" ")
                offset += 1
            token_start, offset = offset, offset + len(token)
            text_parts.append(token)
            if tag.startswith("B-") or (
                tag.startswith("I-") and (current is None or current[2] != tag[2:])
            ):
                if current is not None:
                    entities.add((int(current[0]), int(current[1]), str(current[2])))
                current = [token_start, offset, tag[2:]]
            elif tag.startswith("I-") and current is not None:
                current[1] = offset
            else:
                if current is not None:
                    entities.add((int(current[0]), int(current[1]), str(current[2])))
                current = None
        if current is not None:
            entities.add((int(current[0]), int(current[1]), str(current[2])))
        sentences.append(Sentence(start, offset))
        text_parts.append("\n")
        offset += 1
    tokens = sum(len(sentence) for sentence in group)
    return GoldDocument("".join(text_parts), sentences, entities, tokens)


def model_only(text: str, sentences: list[Sentence]) -> set[Entity]:
    return {(span.start, span.end, span.label) for span in model_spans(text, sentences)}


def _mapped(mentions: list[Mention]) -> set[Entity]:
    return {(m.start, m.end, CONLL_CLASS[m.type]) for m in mentions}


def rules_only(text: str, sentences: list[Sentence]) -> set[Entity]:
    return _mapped(find_rule_mentions(text, sentences))


def combined(text: str, sentences: list[Sentence]) -> set[Entity]:
    return _mapped(find_mentions(text, sentences))


def score(documents: list[GoldDocument], recogniser: Recogniser,
          labels: tuple[str, ...] = LABELS) -> tuple[float, Counter[str]]:
    """Micro F1 over all entities of ``labels``, and per-label F1 (x1000) in a Counter."""
    counts: Counter[str] = Counter()
    for document in documents:
        predicted = recogniser(document.text, document.sentences)
        for label in labels:
            gold = {entity for entity in document.entities if entity[2] == label}
            found = {entity for entity in predicted if entity[2] == label}
            counts[f"tp {label}"] += len(gold & found)
            counts[f"fp {label}"] += len(found - gold)
            counts[f"fn {label}"] += len(gold - found)
    per_label: Counter[str] = Counter()
    for label in labels:
        per_label[label] = round(1000 * _f1(counts[f"tp {label}"], counts[f"fp {label}"],
                                            counts[f"fn {label}"]))
    total = [sum(counts[f"{kind} {label}"] for label in labels) for kind in ("tp", "fp", "fn")]
    return _f1(*total), per_label


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tokens_per_second(documents: list[GoldDocument], recogniser: Recogniser) -> float:
    recogniser(documents[0].text, documents[0].sentences)  # loads the model and gazetteer
    entity_model._SEEN.clear()  # a cold cache: every sentence goes through the model
    started = time.perf_counter()
    for document in documents:
        recogniser(document.text, document.sentences)
    elapsed = time.perf_counter() - started
    return sum(document.tokens for document in documents) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit-docs", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    ner_model()
    rows: list[tuple[str, str, float, Counter[str]]] = []
    speeds: dict[str, float] = {}
    for corpus, relative in CORPORA.items():
        documents = read_documents(DATA / relative)
        if args.limit_docs:
            documents = documents[: args.limit_docs]
        if corpus.startswith("CoNLL"):
            speeds["model"] = tokens_per_second(documents, model_only)
            speeds["rules"] = tokens_per_second(documents, rules_only)
            speeds["combined"] = tokens_per_second(documents, combined)
        for name, recogniser in (("(a) model", model_only), ("(b) rules", rules_only),
                                 ("(c) combined", combined)):
            f1, per_label = score(documents, recogniser, CORPUS_LABELS.get(corpus, LABELS))
            rows.append((corpus, name, f1, per_label))
    print(f"{'corpus':<17} {'recogniser':<13} {'F1':>6}  " + "  ".join(f"{x:>5}" for x in LABELS))
    for corpus, name, f1, per_label in rows:
        labels = "  ".join(f"{per_label[label] / 1000:5.3f}" if label in per_label else "    -"
                           for label in LABELS)
        print(f"{corpus:<17} {name:<13} {f1:6.3f}  {labels}")
    print()
    for name, speed in speeds.items():
        print(f"speed {name:<9} {speed:9,.0f} tokens/s (CoNLL-2003 test, cold cache)")


if __name__ == "__main__":
    main()
