"""The UD pipeline (``triangulate/models/ud_pipeline``) against simple baselines, in one table.

Run: ``.venv/bin/python benchmarks/bench_parser.py [--model PATH] [--data PATH]``.

Corpora: UD English EWT test, the news documents of GUM test (``GUM_news_*``, the goal's corpus:
only 2 documents, 1,891 words, so about +-0.01 of noise) and, for a steadier figure, all
documents of GUM test in the CC BY genres the model was trained on.

Columns, on gold tokenisation and gold sentences (each gold sentence is one Doc that skips the
tokenizer), counting every word, punctuation included (the CoNLL 2018 convention):

- UPOS, UFeats (the whole feature set must match), lemma (exact string) accuracy;
- UAS, LAS (the full relation, subtypes included: ``nsubj:pass`` is not ``nsubj``);
  LAS-p is LAS without the words whose gold UPOS is PUNCT (spaCy's own scorer leaves out
  punctuation, so published spaCy figures compare with this column);
- sent F1 (lines) and sent F1 (flat): sentence-boundary F1 on the raw text of each document, the
  model splitting sentences by itself (its parser) from its own tokenisation.  A boundary is the
  character offset where a sentence starts, the document's first excepted.  "lines": each
  paragraph of the treebank is a line, and each line is given to the system alone (as
  ``triangulate.analyze.nlp.split_sentences`` does: a line break always ends a sentence), so
  paragraph ends are given; "flat": the whole document on one line, sentences separated by a space,
  so every boundary has to be found.  The baseline is spaCy's rule ``sentencizer`` on the same
  texts.
- words/s: the pipeline on the raw text of the corpus, ``nlp.pipe``, on at most
  ``TRIANGULATE_THREADS`` (default 2) threads; the cold load time and the size on disk are
  printed under the table, with the speed without the lemmatizer.

Baselines, learned from the model's own training data (EWT train + GUM train, CC BY genres):
tags and lemmas are the most frequent ones of each word form (then of its lower case; unknown
words: NUM if it has a digit, PROPN if capitalised, else NOUN; lemma = the form, lower-cased unless
PROPN).  Heads: each word is attached to its neighbour on the side where heads of its (baseline)
UPOS mostly are in the training data; the first VERB (else the first word) is the root; the label
is the most frequent one for that UPOS and side.  It is a floor, not a competitor.

Without the shared data (``../shared/data/ud``) or the model folder, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

THREADS = os.environ.setdefault("TRIANGULATE_THREADS", "2")
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_variable, THREADS)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from train_ud_pipeline import Sentence, gum_genre, licensed, read_conllu  # noqa: E402

DATA = Path(os.environ.get("TRIANGULATE_UD_DATA", ROOT.parent / "shared" / "data" / "ud"))
MODEL = ROOT / "src" / "triangulate" / "models" / "ud_pipeline"


@dataclass
class Parse:
    upos: list[str]
    feats: list[str]
    lemmas: list[str]
    heads: list[int]  # 0 = root, else 1-based
    deprels: list[str]


@dataclass
class Scores:
    words: int = 0
    upos: int = 0
    feats: int = 0
    lemma: int = 0
    uas: int = 0
    las: int = 0
    las_np: int = 0
    non_punct: int = 0

    def add(self, gold: Sentence, parse: Parse) -> None:
        for index, word in enumerate(gold.words):
            self.words += 1
            self.upos += parse.upos[index] == word.upos
            self.feats += features(parse.feats[index]) == features(word.feats)
            self.lemma += parse.lemmas[index] == word.lemma
            head_ok = parse.heads[index] == word.head
            label_ok = head_ok and parse.deprels[index] == word.deprel
            self.uas += head_ok
            self.las += label_ok
            if word.upos != "PUNCT":
                self.non_punct += 1
                self.las_np += label_ok

    def row(self, with_tags: bool = True) -> list[str]:
        def share(n: int, of: int) -> str:
            return f"{n / of:.3f}" if of else "-"

        tags = [share(self.upos, self.words), share(self.feats, self.words),
                share(self.lemma, self.words)] if with_tags else ["-", "-", "-"]
        return tags + [share(self.uas, self.words), share(self.las, self.words),
                       share(self.las_np, self.non_punct)]


def features(feats: str) -> frozenset[str]:
    """``Number=Sing|Person=3`` as a set: spaCy and UD order the features differently."""
    return frozenset(feats.split("|")) - {"", "_"}


# --- the baseline ------------------------------------------------------------------------------


class Baseline:
    """Most frequent tag and lemma per word form; adjacent attachment by UPOS."""

    def __init__(self, sentences: list[Sentence]) -> None:
        tags: dict[str, Counter[str]] = defaultdict(Counter)
        lower_tags: dict[str, Counter[str]] = defaultdict(Counter)
        feats: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        lemmas: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        side: dict[str, Counter[str]] = defaultdict(Counter)
        labels: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for sentence in sentences:
            for index, word in enumerate(sentence.words, start=1):
                tags[word.form][word.upos] += 1
                lower_tags[word.form.lower()][word.upos] += 1
                feats[word.form, word.upos][word.feats] += 1
                lemmas[word.form, word.upos][word.lemma] += 1
                if word.head:
                    direction = "left" if word.head < index else "right"
                    side[word.upos][direction] += 1
                    labels[word.upos, direction][word.deprel] += 1

        def best(counts):  # type: ignore[no-untyped-def]
            return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}

        self.tags, self.lower_tags = best(tags), best(lower_tags)
        self.feats, self.lemmas = best(feats), best(lemmas)
        self.side, self.labels = best(side), best(labels)

    def tag(self, form: str) -> str:
        if form in self.tags:
            return self.tags[form]
        if form.lower() in self.lower_tags:
            return self.lower_tags[form.lower()]
        if any(character.isdigit() for character in form):
            return "NUM"
        return "PROPN" if form[:1].isupper() else "NOUN"

    def parse(self, forms: list[str]) -> Parse:
        upos = [self.tag(form) for form in forms]
        feats = [self.feats.get((form, tag), "") for form, tag in zip(forms, upos, strict=True)]
        lemmas = [self.lemmas.get((form, tag)) or (form if tag == "PROPN" else form.lower())
                  for form, tag in zip(forms, upos, strict=True)]
        root = next((i for i, tag in enumerate(upos) if tag == "VERB"), 0)
        heads, deprels = [], []
        for index, tag in enumerate(upos):
            if index == root:
                heads.append(0)
                deprels.append("root")
                continue
            direction = self.side.get(tag, "left")
            if direction == "left" and index == 0:
                direction = "right"
            elif direction == "right" and index == len(forms) - 1:
                direction = "left"
            heads.append(index if direction == "left" else index + 2)
            deprels.append(self.labels.get((tag, direction), "dep"))
        return Parse(upos, feats, lemmas, heads, deprels)


# --- the model -----------------------------------------------------------------------------------


def model_parses(nlp, sentences: list[Sentence]) -> list[Parse]:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=[w.form for w in s.words],
                spaces=[w.space_after for w in s.words]) for s in sentences]
    parses = []
    for doc in nlp.pipe(docs, batch_size=64):
        heads = [0 if token.head.i == token.i or token.dep_ == "ROOT" else token.head.i + 1
                 for token in doc]
        parses.append(Parse(
            [token.pos_ for token in doc],
            [str(token.morph) for token in doc],
            [token.lemma_ for token in doc],
            heads,
            ["root" if token.dep_ == "ROOT" else token.dep_ for token in doc],
        ))
    return parses


# --- sentence boundaries on raw text -------------------------------------------------------------


def documents(sentences: list[Sentence], lines: bool) -> list[tuple[str, set[int]]]:
    """Raw text of each document and the offsets where its sentences start (the first excepted)."""
    texts: list[tuple[str, set[int]]] = []
    parts: list[str] = []
    starts: set[int] = set()
    length = 0
    for number, sentence in enumerate(sentences):
        if number and sentence.doc_id != sentences[number - 1].doc_id:
            texts.append(("".join(parts), starts))
            parts, starts, length = [], set(), 0
        if length:
            separator = "\n" if lines and sentence.new_par else " "
            parts.append(separator)
            length += 1
            starts.add(length)
        for index, word in enumerate(sentence.words):
            parts.append(word.form)
            length += len(word.form)
            if word.space_after and index < len(sentence.words) - 1:
                parts.append(" ")
                length += 1
    if parts:
        texts.append(("".join(parts), starts))
    return texts


def predicted_starts(doc) -> set[int]:  # type: ignore[no-untyped-def]
    starts = set()
    for sent in doc.sents:
        first = next((token for token in sent if not token.is_space), None)
        if first is not None and first.idx > 0:
            starts.add(first.idx)
    return starts


def boundary_f1(nlp, texts: list[tuple[str, set[int]]],  # type: ignore[no-untyped-def]
                by_line: bool = False) -> float:
    """Boundary F1 over documents; ``by_line``: each line is a text of its own, as the product
    splits at line breaks before looking for sentences."""
    pieces: list[tuple[int, int, str]] = []  # (document, offset of the piece, text)
    for number, (text, _) in enumerate(texts):
        offset = 0
        for line in text.split("\n") if by_line else [text]:
            pieces.append((number, offset, line))
            offset += len(line) + 1
    found: list[set[int]] = [set() for _ in texts]
    for (number, offset, _), doc in zip(pieces, nlp.pipe([p[2] for p in pieces], batch_size=64),
                                        strict=True):
        if offset:
            found[number].add(offset)
        found[number] |= {offset + start for start in predicted_starts(doc)}
    tp = fp = fn = 0
    for predicted, (_, gold) in zip(found, texts, strict=True):
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def words_per_second(nlp, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return words / (time.perf_counter() - started)


def cold_load_seconds(model: Path) -> float:
    """``spacy.load`` in a fresh process (spaCy already imported), best of two."""
    code = (f"import time, spacy; t = time.perf_counter(); spacy.load({str(model)!r}); "
            "print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout.split()[-1]) for _ in range(2)]
    return min(runs)


def folder_megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


# --- the table -----------------------------------------------------------------------------------


def corpora(data: Path) -> dict[str, list[Sentence]]:
    gum = [s for s in read_conllu(data / "gum" / "test.conllu") if licensed(s)]
    return {
        "EWT test": list(read_conllu(data / "ewt" / "test.conllu")),
        "GUM news test": [s for s in gum if gum_genre(s.doc_id) == "news"],
        "GUM test (CC BY)": gum,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not (args.data / "ewt" / "test.conllu").exists():
        print(f"No UD data at {args.data} (../shared/data/ud): nothing to measure.")
        return
    if not (args.model / "config.cfg").exists():
        print(f"No model at {args.model}: train it with training/train_ud_pipeline.py.")
        return

    import spacy

    train = [s for treebank in ("ewt", "gum")
             for s in read_conllu(args.data / treebank / "train.conllu") if licensed(s)]
    baseline = Baseline(train)
    nlp = spacy.load(args.model)
    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")

    header = ["corpus", "system", "UPOS", "UFeats", "lemma", "UAS", "LAS", "LAS-p",
              "sent F1 (lines)", "sent F1 (flat)", "words/s"]
    rows: list[list[str]] = []
    all_texts: list[str] = []
    for name, sentences in corpora(args.data).items():
        words = sum(len(s.words) for s in sentences)
        label = f"{name} ({len(sentences):,} sent., {words:,} w.)"
        lines, flat = documents(sentences, lines=True), documents(sentences, lines=False)
        texts = [text for text, _ in flat]
        if name != "GUM test (CC BY)":
            all_texts += texts
        model_scores, baseline_scores = Scores(), Scores()
        for sentence, parse in zip(sentences, model_parses(nlp, sentences), strict=True):
            model_scores.add(sentence, parse)
        for sentence in sentences:
            baseline_scores.add(sentence, baseline.parse([w.form for w in sentence.words]))
        rows.append([label, "model"] + model_scores.row()
                    + [f"{boundary_f1(nlp, lines, by_line=True):.3f}",
                       f"{boundary_f1(nlp, flat):.3f}",
                       f"{words_per_second(nlp, texts):,.0f}"])
        rows.append(["", "baseline: frequent tag, adjacent head"] + baseline_scores.row()
                    + ["-", "-", "-"])
        rows.append(["", "baseline: sentencizer"] + ["-"] * 6
                    + [f"{boundary_f1(sentencizer, lines, by_line=True):.3f}",
                       f"{boundary_f1(sentencizer, flat):.3f}",
                       f"{words_per_second(sentencizer, texts):,.0f}"])

    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print(" | ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)))
    print("-|-".join("-" * width for width in widths))
    for row in rows:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))

    full = words_per_second(nlp, all_texts)
    without = spacy.load(args.model, exclude=["trainable_lemmatizer"])
    no_lemma = words_per_second(without, all_texts)
    print()
    print(f"Speed on the raw text of EWT test + GUM news test, {THREADS} threads: "
          f"{full:,.0f} words/s ({no_lemma:,.0f} without the lemmatizer). "
          f"Cold load: {cold_load_seconds(args.model):.2f} s. "
          f"Size on disk: {folder_megabytes(args.model):.1f} MB. Model: {args.model}")


if __name__ == "__main__":
    main()
