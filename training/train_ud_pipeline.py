"""Train Triangulate's spaCy pipeline for UPOS, morphology, lemmas and dependencies.

Usage::

    .venv/bin/python training/train_ud_pipeline.py                 # convert, train, install
    .venv/bin/python training/train_ud_pipeline.py --convert-only  # just write the .spacy files
    .venv/bin/python training/train_ud_pipeline.py --install-only  # copy /tmp/ud_pipeline's best

The pipeline (``training/ud_pipeline.cfg``) is spaCy's CNN: one ``tok2vec`` (hash embeddings of
NORM, PREFIX, SUFFIX and SHAPE, no pretrained vectors, then a maxout window encoder) shared by a
``morphologizer`` (UPOS and UD features), a ``trainable_lemmatizer`` (edit trees) and a transition
based ``parser`` (arc-eager, pseudo-projective; it also splits sentences).

Data (``--data``, default ``../shared/data/ud``):

- training: UD English EWT train, plus GUM train without the genres whose licence is not CC BY
  (``fiction``, ``whow``, ``essay``, ``letter``, ``court``, ``podcast``; taken from each
  ``# newdoc id = GUM_<genre>_<name>`` line);
- model selection (``model-best``): EWT dev plus the same CC BY genres of GUM dev.

CoNLL-U reading keeps the gold tokenisation: the syntactic words of a multi-word token (``1-2
don't``) become tokens ``do`` + ``n't`` with no space between them; empty nodes (``1.1``) are
dropped; the root's relation is written ``ROOT`` (spaCy's convention; the benchmark maps it back
to ``root``).  The sentences of one document are cut into docs of ``--sents-per-doc`` sentences,
so that the parser learns where sentences end.  The converted corpora go to ``--work`` (default
``/tmp/ud_pipeline``, outside the repository: the treebank text is not to be copied into it).

At the end the best model (by the dev score of ``[training.score_weights]``) is copied to
``--install`` (default ``src/triangulate/models/ud_pipeline``) with the corpus paths in its
``config.cfg`` reset to null, so that it loads offline with ``spacy.load(folder)``.
Seeded (``--seed``, default 0, sets ``[system] seed``; the data order and initial weights follow
it).  The shipped model came from the defaults: 5,500 steps, about 70 minutes on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ud"
DEFAULT_CONFIG = ROOT / "training" / "ud_pipeline.cfg"
DEFAULT_INSTALL = ROOT / "src" / "triangulate" / "models" / "ud_pipeline"
# GUM genres whose texts are not CC BY (see ../shared/data/ud/README.md and gum/LICENSE.txt).
NON_CC_BY_GUM_GENRES = frozenset({"fiction", "whow", "essay", "letter", "court", "podcast"})


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0 for the root, else 1-based index of the head word
    deprel: str
    space_after: bool


@dataclass
class Sentence:
    doc_id: str
    new_par: bool
    words: list[Word] = field(default_factory=list)
    text: str = ""


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file, with the document id and paragraph starts from comments.

    Multi-word tokens: their words are kept as tokens; the token's ``SpaceAfter=No`` applies to its
    last word and there is no space between its words.  Empty nodes are skipped.
    """
    doc_id = ""
    sentence: Sentence | None = None
    mwt_end = 0
    mwt_space = True
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip("\n")
            if not line.strip():
                if sentence is not None and sentence.words:
                    yield sentence
                sentence = None
                mwt_end, mwt_space = 0, True  # multi-word token ids restart in each sentence
                continue
            if sentence is None:
                sentence = Sentence(doc_id, False)
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key, value = key.strip(), value.strip()
                if key == "newdoc id" or key.startswith("newdoc"):
                    doc_id = value or doc_id
                    sentence.doc_id = doc_id
                    sentence.new_par = True
                elif key.startswith("newpar"):
                    sentence.new_par = True
                elif key == "text":
                    sentence.text = value
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: not a CoNLL-U line: {line!r}")
            token_id, form, lemma, upos, xpos, feats, head, deprel, _deps, misc = cols
            space = "SpaceAfter=No" not in misc.split("|")
            if "." in token_id:  # empty node (enhanced graphs only)
                continue
            if "-" in token_id:  # multi-word token: its words follow
                mwt_end = int(token_id.split("-")[1])
                mwt_space = space
                continue
            index = int(token_id)
            if index < mwt_end:
                space = False
            elif index == mwt_end:
                space = mwt_space
            sentence.words.append(Word(form, lemma, upos, xpos, "" if feats == "_" else feats,
                                       int(head), deprel, space))
    if sentence is not None and sentence.words:
        yield sentence


def gum_genre(doc_id: str) -> str:
    """``GUM_news_asylum`` -> ``news``; empty for a non-GUM id."""
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 2 and parts[0] == "GUM" else ""


def licensed(sentence: Sentence) -> bool:
    """False for a GUM sentence of a genre that is not CC BY."""
    return gum_genre(sentence.doc_id) not in NON_CC_BY_GUM_GENRES


def sentence_docs(sentences: list[Sentence], per_doc: int) -> Iterator[list[Sentence]]:
    """Consecutive sentences of one document, at most ``per_doc`` together."""
    group: list[Sentence] = []
    for sentence in sentences:
        if group and (sentence.doc_id != group[-1].doc_id or len(group) >= per_doc):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def to_doc(vocab, group: list[Sentence]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    words, spaces, lemmas, pos, tags, morphs, heads, deps, starts = ([] for _ in range(9))
    for number, sentence in enumerate(group):
        offset = len(words)
        for index, word in enumerate(sentence.words):
            words.append(word.form)
            last = index == len(sentence.words) - 1
            # A sentence ends with a space unless it is the last of the doc.
            spaces.append(word.space_after or (last and number < len(group) - 1))
            lemmas.append(word.lemma)
            pos.append(word.upos)
            tags.append(word.xpos if word.xpos != "_" else word.upos)
            morphs.append(word.feats)
            heads.append(offset + word.head - 1 if word.head else offset + index)
            deps.append("ROOT" if word.deprel == "root" else word.deprel)
            starts.append(index == 0)
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
               morphs=morphs, heads=heads, deps=deps, sent_starts=starts)


def convert(data: Path, work: Path, per_doc: int) -> dict[str, dict[str, int]]:
    """Write ``train.spacy`` and ``dev.spacy`` to ``work``; return sentence and word counts."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    work.mkdir(parents=True, exist_ok=True)
    counts: dict[str, dict[str, int]] = {}
    for split in ("train", "dev"):
        bin_ = DocBin(store_user_data=False)
        stats = {"ewt_sentences": 0, "gum_sentences": 0, "gum_left_out": 0, "words": 0}
        for treebank in ("ewt", "gum"):
            sentences = list(read_conllu(data / treebank / f"{split}.conllu"))
            kept = [s for s in sentences if licensed(s)]
            stats[f"{treebank}_sentences"] = len(kept)
            if treebank == "gum":
                stats["gum_left_out"] = len(sentences) - len(kept)
            stats["words"] += sum(len(s.words) for s in kept)
            for group in sentence_docs(kept, per_doc):
                bin_.add(to_doc(vocab, group))
        bin_.to_disk(work / f"{split}.spacy")
        counts[split] = stats
    return counts


def train(config: Path, work: Path, args: argparse.Namespace) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, object] = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "system.seed": args.seed,
    }
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.patience is not None:
        overrides["training.patience"] = args.patience
    if args.eval_frequency is not None:
        overrides["training.eval_frequency"] = args.eval_frequency
    output = work / "output"
    if output.exists():
        shutil.rmtree(output)
    spacy_train(config, output, use_gpu=-1, overrides=overrides)
    return output


def install(model: Path, target: Path) -> None:
    """Copy ``model`` to ``target``, with the corpus paths of its config reset to null."""
    from spacy.util import load_config

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target)
    config = load_config(target / "config.cfg", interpolate=False)
    for key in ("train", "dev"):
        config["paths"][key] = None
    config.to_disk(target / "config.cfg")
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": "ud_pipeline",
        "version": "1.0.0",
        "description": "Triangulate's UPOS/morphology, lemma and dependency pipeline "
                       "(spaCy CNN, no pretrained vectors), trained on UD English EWT "
                       "and the CC BY genres of GUM; see triangulate/models/MODEL_CARD.md",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD English EWT", "license": "CC BY-SA 4.0",
             "url": "https://github.com/UniversalDependencies/UD_English-EWT"},
            {"name": "UD English GUM (CC BY genres: academic, bio, conversation, interview, "
                     "news, speech, textbook, vlog, voyage)", "license": "CC BY 4.0",
             "url": "https://github.com/UniversalDependencies/UD_English-GUM"},
        ],
    })
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with ewt/ and gum/ CoNLL-U files (default: %(default)s)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/ud_pipeline"),
                        help="where the converted corpora and the training output go; keep it "
                             "outside the repository (default: %(default)s)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                        help="spaCy training config (default: %(default)s)")
    parser.add_argument("--install", type=Path, default=DEFAULT_INSTALL,
                        help="where the best model is copied (default: %(default)s)")
    parser.add_argument("--no-install", action="store_true",
                        help="train but leave the shipped model alone")
    parser.add_argument("--convert-only", action="store_true",
                        help="write train.spacy and dev.spacy and stop")
    parser.add_argument("--install-only", action="store_true",
                        help="install WORK/output/model-best of an earlier run; no training")
    parser.add_argument("--sents-per-doc", type=int, default=10,
                        help="sentences of one document per training doc (default: %(default)s)")
    parser.add_argument("--max-steps", type=int, default=None,
                        help="override [training] max_steps of the config")
    parser.add_argument("--patience", type=int, default=None,
                        help="override [training] patience of the config")
    parser.add_argument("--eval-frequency", type=int, default=None,
                        help="override [training] eval_frequency of the config")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    args = parser.parse_args()

    if not (args.data / "ewt" / "train.conllu").exists():
        sys.exit(f"no UD data in {args.data} (expected ewt/ and gum/ CoNLL-U files)")
    work = args.work.resolve()
    if work == ROOT or ROOT in work.parents:
        sys.exit("--work must be outside the repository: the treebank text may not be copied in")
    if args.install_only:
        install(work / "output" / "model-best", args.install)
        print(f"installed {work / 'output' / 'model-best'} -> {args.install}")
        return
    random.seed(args.seed)
    started = time.time()
    counts = convert(args.data, work, args.sents_per_doc)
    print(json.dumps(counts, indent=2))
    print(f"converted in {time.time() - started:.0f} s to {work}")
    if args.convert_only:
        return
    output = train(args.config, work, args)
    print(f"trained in {(time.time() - started) / 60:.1f} min")
    if not args.no_install:
        install(output / "model-best", args.install)
        print(f"installed {output / 'model-best'} -> {args.install}")


if __name__ == "__main__":
    main()
