"""The trained statistical recogniser (spaCy, CoNLL-2003 labels PER/ORG/LOC/MISC).

The model ships as package data in ``triangulate/models/ner_en`` and is loaded once per process,
on first use.  It is run sentence by sentence, the way it was trained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "ner_en"
LABELS = ("PER", "ORG", "LOC", "MISC")
_BATCH_SIZE = 64


@dataclass(frozen=True)
class ModelSpan:
    """An entity found by the model: character offsets into the text and a CoNLL label."""

    start: int
    end: int
    label: str


def model_path() -> Path:
    """Where the shipped model lies inside the installed package."""
    return Path(str(resources.files("triangulate.models").joinpath(MODEL_NAME)))


def model_available() -> bool:
    return (model_path() / "config.cfg").is_file()


@lru_cache(maxsize=1)
def ner_model() -> Language:
    """The trained pipeline (tokenizer, tok2vec, ner), loaded once."""
    import spacy

    return spacy.load(model_path(), exclude=["senter", "parser", "tagger"])


def model_spans(text: str, sentences: Sequence[Sentence]) -> list[ModelSpan]:
    """The model's entities in each sentence of ``text``, in order.

    Results are remembered by sentence text: republished articles repeat whole sentences.
    """
    pieces = [text[sentence.start : sentence.end] for sentence in sentences]
    unseen = list(dict.fromkeys(piece for piece in pieces if piece not in _SEEN))
    if unseen:
        nlp = ner_model()
        for piece, doc in zip(unseen, nlp.pipe(unseen, batch_size=_BATCH_SIZE), strict=True):
            _remember(piece, tuple((e.start_char, e.end_char, e.label_) for e in doc.ents))
    found: list[ModelSpan] = []
    for sentence, piece in zip(sentences, pieces, strict=True):
        for start, end, label in _SEEN[piece]:
            found.append(ModelSpan(sentence.start + start, sentence.start + end, label))
    return found


_SEEN: dict[str, tuple[tuple[int, int, str], ...]] = {}
_SEEN_LIMIT = 20_000


def _remember(piece: str, entities: tuple[tuple[int, int, str], ...]) -> None:
    if len(_SEEN) >= _SEEN_LIMIT:
        _SEEN.clear()
    _SEEN[piece] = entities
