"""The trained statistical recogniser: MiniLM fine-tuned on CoNLL-2003 (PER/ORG/LOC/MISC).

The model ships as package data in ``triangulate/models/ner_minilm``: an int8 ONNX graph run by
onnxruntime on the CPU, and the word-piece tokenizer run by ``tokenizers``.  Both are loaded
once per process, on first use.  Sentences are split into words by spaCy's tokenizer (as the
CoNLL-2003 text was), each word into pieces; a word's tag is read off its first piece, and the
tags are decoded with the IOB2 constraints (an I- tag only inside a name of its type).

The encoder is uncased, so capitals reach it as a case class per piece (``case_class``), given
through its token-type embeddings.  Training: ``training/train_ner_minilm.py``.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..language.en.names import CAPITALISED_FUNCTION_WORDS
from ..model import Sentence
from .nlp import plain

if TYPE_CHECKING:
    from tokenizers import Encoding, Tokenizer

MODEL_NAME = "ner_minilm"
LABELS = ("PER", "ORG", "LOC", "MISC")
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
CASE_CLASSES = ("no letters", "lower", "capitalised", "all caps")
_MAX_PIECES = 128
# The int8 graph scales each layer's activations by their largest value in the whole batch, so a
# sentence batched with others gets tags that depend on its neighbours (about 0.002 of F1 either
# way on CoNLL-2003 test and Wikigold). One sentence a run makes its tags its own, the same
# whatever the document, executor or order; batches of 4 to 8 sentences of one length would run
# about a fifth faster (benchmarks/bench_pipeline.py). A batch holds at most _BATCH_ROWS sentences
# and _BATCH_PIECES word-pieces, padding included.
_BATCH_ROWS = 1
_BATCH_PIECES = 512
# Sentences tokenised and tagged together: a long document's words are not all held at once.
_SENTENCES_AT_ONCE = 2000


@dataclass(frozen=True)
class ModelSpan:
    """An entity found by the model: character offsets into the text and a CoNLL label."""

    start: int
    end: int
    label: str


def case_class(word: str) -> int:
    """The index in ``CASE_CLASSES`` of a word's capitalisation."""
    letters = [char for char in word if char.isalpha()]
    if not letters:
        return 0
    if letters[0].islower():
        return 1
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return 3
    return 2


def _allowed_transitions() -> np.ndarray:
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=bool)  # [previous, next]
    for index, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            allowed[:, index] = [other in (f"B-{tag[2:]}", tag) for other in TAGS]
    return allowed


_ALLOWED = _allowed_transitions()
_STARTS = np.array([not tag.startswith("I-") for tag in TAGS])


def decode_tags(scores: np.ndarray) -> list[str]:
    """The best tag sequence under IOB2 constraints for per-word log-probabilities."""
    if len(scores) == 0:
        return []
    forbidden = np.where(_ALLOWED, 0.0, -np.inf)
    best = np.where(_STARTS, scores[0], -np.inf)
    back = np.zeros((len(scores), len(TAGS)), dtype=np.int64)
    for position in range(1, len(scores)):
        candidates = best[:, None] + forbidden
        back[position] = candidates.argmax(axis=0)
        best = candidates.max(axis=0) + scores[position]
    path = [int(best.argmax())]
    for position in range(len(scores) - 1, 0, -1):
        path.append(int(back[position, path[-1]]))
    return [TAGS[index] for index in reversed(path)]


def model_path() -> Path:
    """Where the shipped model lies inside the installed package."""
    return Path(str(resources.files("triangulate.models").joinpath(MODEL_NAME)))


@lru_cache(maxsize=1)
def model_available() -> bool:
    """Whether the model is shipped and loads; if it does not, names come from the rules alone
    (with one warning that says why) rather than every document failing."""
    if not (model_path() / "ner.onnx").is_file():
        return False
    try:
        ner_model()
    except Exception as error:  # onnxruntime missing for this platform, a damaged file
        warnings.warn(
            f"entity model {model_path()} could not be loaded ({error}); "
            "names come from the rules alone",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    return True


@dataclass(frozen=True)
class NerModel:
    """The loaded recogniser: an onnxruntime session, the word-piece tokenizer, the tag set."""

    session: Any
    tokenizer: Tokenizer
    tags: tuple[str, ...]


@lru_cache(maxsize=1)
def ner_model() -> NerModel:
    """The shipped model, loaded once, on ``TRIANGULATE_THREADS`` threads (default one: documents
    run in parallel across processes, and a second thread costs more CPU time for the same work,
    twice as much when idle threads spin; ``benchmarks/bench_pipeline.py``)."""
    import onnxruntime
    from tokenizers import Tokenizer

    meta = json.loads((model_path() / "meta.json").read_text(encoding="utf-8"))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("TRIANGULATE_THREADS", "0")) or 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Threads that wait for work sleep instead of spinning on a core that others share.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = onnxruntime.InferenceSession(
        str(model_path() / "ner.onnx"), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return NerModel(session, tokenizer, tuple(meta["tags"]))


@lru_cache(maxsize=1)
def _word_splitter() -> Any:
    """spaCy's English tokenizer, but keeping "Guinea-Bissau" one word, as CoNLL-2003 does."""
    import spacy
    from spacy.lang.char_classes import ALPHA, HYPHENS
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    hyphen_infix = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"
    infixes = [pattern for pattern in nlp.Defaults.infixes or () if pattern != hyphen_infix]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return tokenizer


def tag_words(words: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB2 tags for each list of words (a sentence), batched through the model."""
    model = ner_model()
    sentences = [list(sentence_words) for sentence_words in words]
    chunks: list[tuple[int, list[str]]] = []
    encoded: list[Encoding | None] = []  # each chunk's encoding, when it is the whole sentence
    encodings = model.tokenizer.encode_batch(sentences, is_pretokenized=True)
    for index, (sentence_words, encoding) in enumerate(zip(sentences, encodings, strict=True)):
        windows = _windows(sentence_words, encoding.word_ids)
        chunks.extend((index, chunk) for chunk in windows)
        encoded.extend([encoding] if len(windows) == 1 else [None] * len(windows))
    split = [i for i, encoding in enumerate(encoded) if encoding is None]
    if split:
        again = model.tokenizer.encode_batch([chunks[i][1] for i in split], is_pretokenized=True)
        for i, encoding in zip(split, again, strict=True):
            encoded[i] = encoding
    ready = [encoding for encoding in encoded if encoding is not None]
    order = sorted(range(len(chunks)), key=lambda i: len(ready[i].ids))
    results: dict[int, list[str]] = {}
    for batch in _batches(order, [min(_MAX_PIECES, len(e.ids)) for e in ready]):
        tagged = _run(model, [chunks[i][1] for i in batch], [ready[i] for i in batch])
        results.update(zip(batch, tagged, strict=True))
    tagged_sentences: list[list[str]] = [[] for _ in sentences]
    for i, (index, _) in enumerate(chunks):
        tagged_sentences[index].extend(results[i])
    return tagged_sentences


def _batches(order: list[int], widths: list[int]) -> Iterator[list[int]]:
    """``order`` (chunks by length) cut into batches of at most ``_BATCH_PIECES`` pieces."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * widths[i] > _BATCH_PIECES or len(batch) == _BATCH_ROWS:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def _windows(words: list[str], word_ids: Sequence[int | None]) -> list[list[str]]:
    """The words in runs that fit the model's window of word-pieces (``word_ids``: the word of
    each piece of the whole sentence's encoding)."""
    if len(word_ids) <= _MAX_PIECES:
        return [words]
    counts = Counter(word_id for word_id in word_ids if word_id is not None)
    chunks: list[list[str]] = []
    current: list[str] = []
    pieces = 0
    for index, word in enumerate(words):
        count = max(1, counts[index])
        if current and pieces + count > _MAX_PIECES - 2:
            chunks.append(current)
            current, pieces = [], 0
        current.append(word)
        pieces += count
    if current:
        chunks.append(current)
    return chunks


def _run(model: NerModel, batch: list[list[str]], encodings: list[Encoding]) -> list[list[str]]:
    width = min(_MAX_PIECES, max(len(encoding.ids) for encoding in encodings))
    ids = np.zeros((len(batch), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    firsts: list[dict[int, int]] = []  # word index -> position of its first piece
    for row, (words, encoding) in enumerate(zip(batch, encodings, strict=True)):
        length = min(width, len(encoding.ids))
        ids[row, :length] = encoding.ids[:length]
        mask[row, :length] = 1
        first: dict[int, int] = {}
        classes: dict[int, int] = {}
        for position, word_id in enumerate(encoding.word_ids[:length]):
            if word_id is None:
                continue
            if word_id not in classes:
                classes[word_id] = case_class(words[word_id])
            types[row, position] = classes[word_id]
            first.setdefault(word_id, position)
        firsts.append(first)
    logits = model.session.run(
        None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
    )[0]
    shifted = logits - logits.max(axis=-1, keepdims=True)
    scores = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    columns = [model.tags.index(tag) for tag in TAGS]
    tagged: list[list[str]] = []
    for row, words in enumerate(batch):
        # A word with no pieces (a lone control character) or past the window is outside.
        word_ids = sorted(firsts[row])
        positions = [firsts[row][word_id] for word_id in word_ids]
        tags = ["O"] * len(words)
        for word_id, tag in zip(word_ids, decode_tags(scores[row, positions][:, columns]),
                                strict=True):
            tags[word_id] = tag
        tagged.append(tags)
    return tagged


def model_spans(text: str, sentences: Sequence[Sentence]) -> list[ModelSpan]:
    """The model's entities in each sentence of ``text``, in order.

    Results are remembered by sentence text: republished articles repeat whole sentences.
    """
    pieces = [text[sentence.start : sentence.end] for sentence in sentences]
    read = {piece: _SEEN[piece] for piece in pieces if piece in _SEEN}
    unseen = [piece for piece in dict.fromkeys(pieces) if piece not in read]
    for begin in range(0, len(unseen), _SENTENCES_AT_ONCE):
        read.update(_read(unseen[begin : begin + _SENTENCES_AT_ONCE]))
    found: list[ModelSpan] = []
    for sentence, piece in zip(sentences, pieces, strict=True):
        for start, end, label in read[piece]:
            found.append(ModelSpan(sentence.start + start, sentence.start + end, label))
    return found


def could_hold_a_name(sentence: str) -> bool:
    """Whether ``sentence`` has a digit, a capital after its first word, or a first word with a
    capital that is not one of the words that only start sentences ("The", "But"). The model is
    run on no other sentence: it finds names by their capitals."""
    if _DIGIT.search(sentence):
        return True
    first, _, rest = sentence.lstrip().partition(" ")
    if rest != rest.lower():
        return True
    opener = _EDGES.sub("", first).lower()
    return first != first.lower() and opener not in CAPITALISED_FUNCTION_WORDS


_DIGIT = re.compile(r"\d")
_EDGES = re.compile(r"^\W+|\W+$")


def _read(pieces: list[str]) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """The entities of each sentence text (offsets into it), remembered for the next time."""
    read: dict[str, tuple[tuple[int, int, str], ...]] = {
        piece: () for piece in pieces if not could_hold_a_name(piece)
    }
    pieces = [piece for piece in pieces if piece not in read]
    splitter = _word_splitter()
    tokenised = [[t for t in splitter(plain(piece)) if not t.is_space] for piece in pieces]
    all_tags = tag_words([
        [piece[t.idx : t.idx + len(t)] for t in tokens]
        for piece, tokens in zip(pieces, tokenised, strict=True)
    ])
    for piece, tokens, tags in zip(pieces, tokenised, all_tags, strict=True):
        read[piece] = tuple(_entities(tokens, tags))
        _remember(piece, read[piece])
    return read


def _entities(tokens: Sequence[Any], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    entities: list[tuple[int, int, str]] = []
    current: list[Any] | None = None  # [start, end, label]
    for token, tag in zip(tokens, tags, strict=True):
        if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
            current[1] = token.idx + len(token.text)
            continue
        if current is not None:
            entities.append((current[0], current[1], current[2]))
            current = None
        if tag != "O":
            current = [token.idx, token.idx + len(token.text), tag[2:]]
    if current is not None:
        entities.append((current[0], current[1], current[2]))
    return entities


_SEEN: dict[str, tuple[tuple[int, int, str], ...]] = {}
_SEEN_LIMIT = 20_000


def _remember(piece: str, entities: tuple[tuple[int, int, str], ...]) -> None:
    if len(_SEEN) >= _SEEN_LIMIT:
        _SEEN.clear()
    _SEEN[piece] = entities
