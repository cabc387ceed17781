"""Convert the token-per-line NER files of ../shared/data/ner into spaCy DocBin corpora.

Usage: python training/convert_ner_data.py DATA_DIR OUT_DIR

Writes OUT_DIR/conll_train.spacy, conll_val.spacy, conll_test.spacy, wikiann_train.spacy and
wikigold_test.spacy. Each CoNLL-2003 document (-DOCSTART-) becomes one Doc, sentences are marked;
WikiANN sentences are grouped ten to a Doc.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

Sentence = list[tuple[str, str]]


def read_sentences(path: Path) -> Iterator[Sentence | None]:
    """Yield sentences as (token, IOB2 tag) lists; None marks a -DOCSTART- boundary."""
    sentence: Sentence = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                    sentence = []
                continue
            parts = line.split("\t")
            token, tag = parts[1], parts[-1]
            if token == "-DOCSTART-":
                yield None
                continue
            sentence.append((token, tag))
    if sentence:
        yield sentence


def group_documents(
    sentences: Iterator[Sentence | None], group_size: int
) -> Iterator[list[Sentence]]:
    group: list[Sentence] = []
    for sentence in sentences:
        if sentence is None or len(group) >= group_size:
            if group:
                yield group
            group = []
        if sentence is not None:
            group.append(sentence)
    if group:
        yield group


def to_doc(vocab: spacy.Vocab, sentences: list[Sentence]) -> Doc:
    words = [token for sentence in sentences for token, _ in sentence]
    tags = [tag for sentence in sentences for _, tag in sentence]
    sent_starts: list[bool | int | None] = [
        index == 0 for sentence in sentences for index in range(len(sentence))
    ]
    tags = [fix_iob(tags, index) for index in range(len(tags))]
    return Doc(vocab, words=words, sent_starts=sent_starts, ents=tags)


def fix_iob(tags: list[str], index: int) -> str:
    """An I- tag that does not continue an entity of its type starts one (IOB1 leftovers)."""
    tag = tags[index]
    if tag.startswith("I-"):
        previous = tags[index - 1] if index else "O"
        if previous == "O" or previous[2:] != tag[2:]:
            return "B-" + tag[2:]
    return tag


def convert(source: Path, target: Path, group_size: int) -> int:
    nlp = spacy.blank("en")
    doc_bin = DocBin(attrs=["ORTH", "SENT_START", "ENT_IOB", "ENT_TYPE"])
    count = 0
    for sentences in group_documents(read_sentences(source), group_size):
        doc_bin.add(to_doc(nlp.vocab, sentences))
        count += 1
    doc_bin.to_disk(target)
    return count


def main() -> None:
    data_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        ("conll2003/train.conllu", "conll_train.spacy", 1000),
        ("conll2003/val.conllu", "conll_val.spacy", 1000),
        ("conll2003/test.conllu", "conll_test.spacy", 1000),
        ("wikiann/train.conllu", "wikiann_train.spacy", 10),
        ("wikigold/test.conllu", "wikigold_test.spacy", 10),
    ]
    for source, target, group_size in jobs:
        count = convert(data_dir / source, out_dir / target, group_size)
        print(f"{source} -> {target}: {count} docs")


if __name__ == "__main__":
    main()
