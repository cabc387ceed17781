"""Tokens and sentences, with a blank spaCy English pipeline loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..language.en.abbreviations import ABBREVIATIONS
from ..language.en.speech import RUN_ON_OPENERS
from ..model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language

# Starting only where a run of spaces starts keeps a long run without a line break linear.
_LINE_BREAK = re.compile(r"(?<!\s)\s*\n\s*")
# Longer runs of non-space characters are not words; spaCy sees only their ends (``plain``).
LONGEST_WORD = 100
_KEPT_ENDS = 8
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONGEST_WORD + 1},}}")
# spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters): long blocks go in pieces.
_CHUNK = 100_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def english() -> Language:
    """The shared blank English pipeline with a sentencizer (loaded on first use)."""
    import spacy

    nlp = spacy.blank("en")
    add_abbreviations(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def add_abbreviations(nlp: Language) -> None:
    """Keep each of ``ABBREVIATIONS`` one token, full stop included, in ``nlp``'s tokenizer."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; a line break always ends a sentence; spans trimmed of spaces."""
    nlp = english()
    masked = plain(text)
    sentences: list[Sentence] = []
    position = 0
    for block_start, block_end in _blocks(text):
        block = masked[block_start:block_end]
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
    return _reattach_opening_quotes(text, _reattach_closing_quotes(text, sentences))


def _reattach_closing_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A straight quotation mark that starts a sentence while a quotation of its line is open
    closes that quotation (``I want them to be free. " But the prospect …``): it moves back to
    the sentence before."""
    fixed = list(sentences)
    for index in range(1, len(fixed)):
        previous, current = fixed[index - 1], fixed[index]
        if text[current.start] != '"' or current.end - current.start < 2:
            continue
        if not text[current.start + 1].isspace() or "\n" in text[previous.end : current.start]:
            continue
        if not _quotation_open(text, current.start):
            continue
        start = current.start + 1
        while start < current.end and text[start].isspace():
            start += 1
        fixed[index - 1] = Sentence(previous.start, current.start + 1)
        fixed[index] = Sentence(start, current.end)
    return fixed


def _quotation_open(text: str, offset: int) -> bool:
    """Whether a straight quotation of the line is open at ``offset`` (an odd count of marks
    before it on its line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count('"', line_start, offset) % 2 == 1


def _reattach_opening_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A straight quotation mark that ends a sentence while no quotation of its line is open
    opens the next sentence (``Suez. " A lot of times …``): it moves there."""
    fixed = list(sentences)
    for index in range(len(fixed) - 1):
        current, following = fixed[index], fixed[index + 1]
        if text[current.end - 1] != '"' or current.end - current.start < 2:
            continue
        if _quotation_open(text, current.end - 1):
            continue
        if not text[current.end - 2].isspace() or text[current.end : following.start].strip():
            continue
        end = current.end - 1
        while end > current.start and text[end - 1].isspace():
            end -= 1
        fixed[index] = Sentence(current.start, end)
        fixed[index + 1] = Sentence(current.end - 1, following.end)
    return fixed


def plain(text: str) -> str:
    """``text`` for spaCy's tokenizer: the middle of each run of more than ``LONGEST_WORD``
    non-space characters replaced by "x", so that every offset stays the same.

    The tokenizer strips a token's suffixes one at a time, searching the whole token each time:
    a run of 100,000 quotation marks took minutes.
    """
    pieces: list[str] = []
    position = 0
    for match in _LONG_RUN.finditer(text):
        start, end = match.start() + _KEPT_ENDS, match.end() - _KEPT_ENDS
        pieces.extend((text[position:start], "x" * (end - start)))
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


_RUN_ON = re.compile(
    rf"(?<=[a-z,]) (?=(?:{'|'.join(sorted(w.capitalize() for w in RUN_ON_OPENERS))})\s+[a-z])"
)
"""Where a sentence runs on into the next for want of a full stop ("... citing medical
sources As the government cracked down ...")."""


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the text between line breaks and run-on sentence ends, none longer than
    ``_CHUNK`` characters."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        if match.start() > start:
            blocks.extend(_run_on(text, start, match.start()))
        start = match.end()
    if start < len(text):
        blocks.extend(_run_on(text, start, len(text)))
    return blocks


def _run_on(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in _RUN_ON.finditer(text, start, end):
        pieces.extend(_chunks(text, start, match.start()))
        start = match.end()
    return pieces + _chunks(text, start, end)


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of at most ``_CHUNK`` characters, each cut after the
    last sentence end in the second half of the piece, else after its last space."""
    chunks: list[tuple[int, int]] = []
    while end - start > _CHUNK:
        limit = start + _CHUNK
        half = limit - _CHUNK // 2
        cut = (_last_end(_SENTENCE_END, text, half, limit)
               or _last_end(_SPACES, text, half, limit) or limit)
        chunks.append((start, cut))
        start = cut
    chunks.append((start, end))
    return chunks


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    last = None
    for match in pattern.finditer(text, start, end):
        last = match.end()
    return last
