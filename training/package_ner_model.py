"""Copy a trained spaCy pipeline into the package, keeping only what inference needs.

Usage: python training/package_ner_model.py MODEL_DIR TARGET_DIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

KEEP = ("config.cfg", "meta.json", "tokenizer", "tok2vec", "ner", "vocab")


def keep_hyphenated_words(nlp: Language) -> None:
    """CoNLL-2003 keeps "Guinea-Bissau" or "Hewlett-Packard" as one token: so must we."""
    hyphen_infix = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"
    infixes = [pattern for pattern in nlp.Defaults.infixes or () if pattern != hyphen_infix]
    assert len(infixes) == len(nlp.Defaults.infixes or ()) - 1, "hyphen infix not found"
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def strip_training_strings(target: Path) -> None:
    """Keep only the strings of a blank pipeline and the labels: the features are hashes, and
    the vocabulary of the training text is not redistributed with the model."""
    labels = {"PER", "ORG", "LOC", "MISC", "O", "B-PER", "I-PER", "L-PER", "U-PER"}
    needed = set(spacy.blank("en").vocab.strings) | labels
    path = target / "vocab" / "strings.json"
    kept = [string for string in json.loads(path.read_text()) if string in needed]
    path.write_text(json.dumps(kept))


def package(source: Path, target: Path) -> None:
    nlp = spacy.load(source)
    assert nlp.pipe_names == ["tok2vec", "ner"], nlp.pipe_names
    keep_hyphenated_words(nlp)
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None  # the training machine's folders mean nothing here
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    nlp.to_disk(target)
    for path in target.iterdir():
        if path.name not in KEEP:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    strip_training_strings(target)
    meta = json.loads((target / "meta.json").read_text())
    meta.update(name="triangulate_ner_en", version="1.0.0",
                description="Triangulate NER (CoNLL-2003 labels), trained from scratch; "
                            "see MODEL_CARD.md", license="see MODEL_CARD.md")
    (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    loaded = spacy.load(target)  # the packaged copy must load on its own
    sample = "Officials of the United Nations met Jacques Chirac in Paris on Monday."
    assert [(e.text, e.label_) for e in loaded(sample).ents] == [
        (e.text, e.label_) for e in nlp(sample).ents
    ], "stripping changed the model's output"
    assert [token.text for token in loaded.tokenizer("Guinea-Bissau")] == ["Guinea-Bissau"]
    size = sum(path.stat().st_size for path in target.rglob("*") if path.is_file())
    print(f"packaged {source} -> {target}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    package(Path(sys.argv[1]), Path(sys.argv[2]))
