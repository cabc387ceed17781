"""The trained English pipeline: the token layer every stage reads.

Words with their offsets, universal parts of speech, lemmas, morphological features and a
dependency parse, from the spaCy pipeline the project trains on UD English (EWT and the CC BY
genres of GUM; ``training/train_ud_pipeline.py``, ``models/MODEL_CARD.md``), shipped in
``models/ud_pipeline``. The parser keeps the sentences the ``sentences`` stage found: there is
one sentence splitter. The model loads once per process, on first use; a model that is missing
or will not load leaves the layer empty, with one warning, rather than failing every document.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..language.en.speech import NUMBER_WORDS
from ..model import Sentence, Tokens

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "ud_pipeline"
LONGEST_SENTENCE = 5_000
"""A "sentence" longer than this many characters (a list or a table read as one line) is left
unparsed: the parser's memory grows with the square of a sentence's length."""
CHUNK_CHARACTERS = 20_000
"""Sentences are parsed in chunks of about this many characters (spaCy's limits and memory
grow with the length of one text)."""


_FIGURE = re.compile(
    rf"\d|\b(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b", re.IGNORECASE
)


def states_a_figure(sentence: str) -> bool:
    """Whether ``sentence`` holds a number, in digits or in words."""
    return _FIGURE.search(sentence) is not None


def model_path() -> Path:
    return Path(str(resources.files("triangulate.models").joinpath(MODEL_NAME)))


@lru_cache(maxsize=1)
def ud_pipeline() -> Language | None:
    """The loaded pipeline, with the tokenizer's abbreviations; None when it cannot load."""
    path = model_path()
    if not (path / "config.cfg").is_file():
        warnings.warn(
            f"the trained English pipeline is not installed at {path}; documents get no "
            "parts of speech, lemmas or parse", stacklevel=2,
        )
        return None
    try:
        import spacy

        nlp = spacy.load(path)
    except Exception as error:  # noqa: BLE001 - one warning instead of every document failing
        warnings.warn(f"the trained English pipeline at {path} does not load: {error}",
                      stacklevel=2)
        return None
    from .nlp import add_abbreviations

    add_abbreviations(nlp)
    return nlp


def parse(text: str, sentences: Sequence[Sentence]) -> Tokens:
    """The token layer of ``text``: every word inside ``sentences``, parsed within them."""
    nlp = ud_pipeline()
    sentences = [s for s in sentences if s.end - s.start <= LONGEST_SENTENCE]
    if nlp is None or not sentences:
        return Tokens()
    columns: tuple[list[Any], ...] = ([], [], [], [], [], [], [])
    starts, ends, pos, lemmas, morphs, heads, deps = columns
    from .nlp import plain

    for doc, offset in nlp.pipe(_prepared(nlp, plain(text), sentences), as_tuples=True):
        index_of: dict[int, int] = {}
        words = [token for token in doc if not token.is_space]
        for token in words:
            index_of[token.i] = len(starts) + len(index_of)
        for token in words:
            start = offset + token.idx
            word = text[start : start + len(token.text)]
            starts.append(start)
            ends.append(start + len(word))
            pos.append(token.pos_)
            lemma = token.lemma_
            lemmas.append("" if lemma == word.lower() else lemma)
            morphs.append(str(token.morph))
            heads.append(index_of.get(token.head.i, index_of[token.i]))
            deps.append(token.dep_)
    return Tokens(*(tuple(column) for column in columns))


def _chunks(sentences: Sequence[Sentence]) -> Iterator[list[Sentence]]:
    chunk: list[Sentence] = []
    for sentence in sentences:
        if chunk and sentence.end - chunk[0].start > CHUNK_CHARACTERS:
            yield chunk
            chunk = []
        chunk.append(sentence)
    if chunk:
        yield chunk


def _prepared(
    nlp: Language, text: str, sentences: Sequence[Sentence]
) -> Iterator[tuple[Doc, int]]:
    """Each chunk tokenised, with its sentence boundaries set for the parser to keep, and the
    offset of the chunk in ``text``."""
    for chunk in _chunks(sentences):
        offset = chunk[0].start
        doc = nlp.make_doc(text[offset : chunk[-1].end])
        sentence_starts = {sentence.start - offset for sentence in chunk}
        for token in doc:
            token.is_sent_start = token.idx in sentence_starts or token.i == 0
        yield doc, offset
