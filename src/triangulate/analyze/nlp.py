"""Tokens and sentences, with a blank spaCy English pipeline loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations that end in a full stop but do not end a sentence (general English usage).
ABBREVIATIONS = (
    "Lt.",
    "Gen.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Cmdr.",
    "Adm.",
    "Brig.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Rev.",
    "Prof.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "St.",
    "Jr.",
    "Sr.",
    "No.",
    "Pres.",
    "Amb.",
    "Dept.",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Co.",
    "vs.",
    "approx.",
    "est.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
)

_LINE_BREAK = re.compile(r"\s*\n\s*")


@lru_cache(maxsize=1)
def english() -> Language:
    """The shared blank English pipeline with a sentencizer (loaded on first use)."""
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; a line break always ends a sentence; spans trimmed of spaces."""
    nlp = english()
    sentences: list[Sentence] = []
    position = 0
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        for sent in nlp(block).sents:
            start = block_start + sent.start_char
            end = block_start + sent.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and start >= position:
                sentences.append(Sentence(start, end))
                position = end
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        if match.start() > start:
            blocks.append((start, match.start()))
        start = match.end()
    if start < len(text):
        blocks.append((start, len(text)))
    return blocks
