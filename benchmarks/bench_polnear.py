"""Attribution relations on PolNeAR test: the claims, the attribution layer and a simple
baseline, same run.

    .venv/bin/python benchmarks/bench_polnear.py [--split test] [--limit N]

PolNeAR (``../shared/data/attribution/polnear``; Newell, Margolin and Ruths, LREC 2018) annotates
every attribution in 1,008 political news articles: its source, cue and content, as character
spans. Each test article (its first annotator's file) is analysed by the real pipeline with every
sentence parsed. Two systems are read from it: ``claims``, every claim with a cue or speaker
(the claims of one cue, as the sentences of one quote, joined into one relation; speakers as
resolved, so "he" counts as the name it stands for and misses the gold "he"), and
``attributions``, the layer read from the parse (``analyze/attributions``: speech, beliefs,
intentions, with sources as written). A prediction finds a gold relation when its content
overlaps at least half of the gold content; precision is over predictions, recall over gold
relations, and source accuracy is over found relations whose gold has a source: the predicted
source overlaps the gold source.

Beside them, the baseline: every sentence with a speech verb is an attribution whose content is
the sentence after the verb and whose source is the three words before it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from triangulate.analyze.attributions import find_attributions
from triangulate.analyze.nlp import split_sentences
from triangulate.analyze.pipeline import analyze_document
from triangulate.language.en.speech import SPEECH_VERB_FORMS
from triangulate.model import Analysis, Document

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "polnear"
_SPAN = re.compile(r"(\d+) (\d+)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Relation:
    content: tuple[int, int]
    source: tuple[int, int] | None


def gold_relations(annotation: Path) -> list[Relation]:
    spans: dict[str, tuple[int, int]] = {}
    relations: list[Relation] = []
    lines = annotation.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            ident, kind_and_offsets = line.split("\t")[:2]
            pieces = [(int(a), int(b)) for a, b in _SPAN.findall(kind_and_offsets)]
            if pieces:
                spans[ident] = (min(p[0] for p in pieces), max(p[1] for p in pieces))
    for line in lines:
        if line.startswith("E"):
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            content = spans.get(roles.get("Content", ""))
            if content is not None:
                relations.append(Relation(content, spans.get(roles.get("Source", ""))))
    return relations


def annotated_texts(split: str) -> Iterator[tuple[str, str, Path]]:
    """Each article of a split: its name, text and first annotator's file."""
    folder = POLNEAR / split
    seen: set[str] = set()
    for annotation in sorted((folder / "attributions").glob("*.ann")):
        name = annotation.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        yield name, (folder / "text" / f"{name}.txt").read_text(encoding="utf-8"), annotation


def articles(split: str, limit: int | None) -> Iterator[tuple[str, str, list[Relation]]]:
    for count, (name, text, annotation) in enumerate(annotated_texts(split), 1):
        yield name, text, gold_relations(annotation)
        if limit and count >= limit:
            return


_STAGES = ("sentences", "dating", "entities", "times", "quantities", "claims", "parse_all")


def analysed(name: str, text: str) -> Analysis:
    document = Document(id=name, source=f"{name}.txt", sha256=name, text=text, language="en")
    return analyze_document(document, _STAGES)


def attributions_of(analysis: Analysis) -> list[Relation]:
    """The attribution layer read from the parse (``analyze/attributions``), sources as written."""
    return [
        Relation((a.start, a.end), (a.source.start, a.source.end) if a.source else None)
        for a in find_attributions(analysis)
    ]


def relations_of(analysis: Analysis) -> list[Relation]:
    """The attribution relations of an analysis: its attributed claims, those of one cue (the
    sentences of one quote, a quote broken by its attribution) joined into one relation."""
    joined: dict[tuple[int, int] | None, Relation] = {}
    relations: list[Relation] = []
    for claim in analysis.claims:
        if claim.speaker is None and claim.cue is None:
            continue
        source = (claim.speaker.start, claim.speaker.end) if claim.speaker else None
        cue = (claim.cue.start, claim.cue.end) if claim.cue else None
        relation = Relation((claim.start, claim.end), source)
        if cue is not None and cue in joined:
            before = joined[cue]
            relation = Relation((min(before.content[0], claim.start),
                                 max(before.content[1], claim.end)), before.source)
            relations.remove(before)
        joined[cue] = relation
        relations.append(relation)
    return relations


def baseline(text: str) -> list[Relation]:
    found = []
    for sentence in split_sentences(text):
        words = list(_WORD.finditer(text, sentence.start, sentence.end))
        for index, word in enumerate(words):
            if word.group().lower().strip(",.") in SPEECH_VERB_FORMS:
                source = words[max(0, index - 3) : index]
                after = words[index + 1 :]
                if after:
                    content = (after[0].start(), after[-1].end())
                    speaker = (source[0].start(), source[-1].end()) if source else None
                    found.append(Relation(content, speaker))
                break
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(predicted: list[Relation], gold: list[Relation]) -> tuple[int, int, int, int]:
    """(predictions that find a gold relation, gold relations found, found with a gold source,
    of those, the source right)."""
    def finds(p: Relation, g: Relation) -> bool:
        return _overlap(p.content, g.content) * 2 >= g.content[1] - g.content[0]

    right_predictions = sum(any(finds(p, g) for g in gold) for p in predicted)
    found = with_source = source_right = 0
    for g in gold:
        matches = [p for p in predicted if finds(p, g)]
        if not matches:
            continue
        found += 1
        if g.source is not None:
            with_source += 1
            source = g.source
            source_right += any(p.source and _overlap(p.source, source) for p in matches)
    return right_predictions, found, with_source, source_right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print(f"PolNeAR is not at {POLNEAR}", file=sys.stderr)
        return 2
    systems: dict[str, Callable[[Analysis, str], list[Relation]]] = {
        "claims": lambda analysis, _text: relations_of(analysis),
        "attributions": lambda analysis, _text: attributions_of(analysis),
        "baseline": lambda _analysis, text: baseline(text),
    }
    totals = {label: [0, 0, 0, 0, 0] for label in systems}
    gold_total = 0
    count = 0
    for name, text, gold in articles(args.split, args.limit):
        count += 1
        gold_total += len(gold)
        analysis = analysed(name, text)
        for label, system in systems.items():
            predicted = system(analysis, text)
            right, found, with_source, source_right = score(predicted, gold)
            row = totals[label]
            row[0] += len(predicted)
            row[1] += right
            row[2] += found
            row[3] += with_source
            row[4] += source_right
    print(f"PolNeAR {args.split}: {count} articles, {gold_total} gold attribution relations\n")
    print("| system | predicted | precision | recall | F1 | source accuracy |")
    print("|---|---|---|---|---|---|")
    for label, (made, right, found, with_source, source_right) in totals.items():
        precision = right / made if made else 0.0
        recall = found / gold_total if gold_total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = source_right / with_source if with_source else 0.0
        print(f"| {label} | {made} | {precision:.3f} | {recall:.3f} | {f1:.3f} | "
              f"{accuracy:.3f} ({source_right}/{with_source}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
