"""The shipped UD pipeline (``triangulate/models/ud_pipeline``): tags, lemmas and dependencies."""

from __future__ import annotations

from pathlib import Path

import pytest

import triangulate

MODEL = Path(triangulate.__file__).parent / "models" / "ud_pipeline"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    if not (MODEL / "config.cfg").exists():
        pytest.skip(f"the UD model is not in {MODEL}: build it with training/train_ud_pipeline.py")
    import spacy

    return spacy.load(MODEL)


def word(doc, text: str):  # type: ignore[no-untyped-def]
    return next(token for token in doc if token.text == text)


def test_pipeline_components_and_offline_config(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser"]
    assert nlp.config["paths"]["train"] is None
    assert nlp.config["paths"]["dev"] is None
    assert nlp.config["paths"]["vectors"] is None


def test_reported_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister said the talks had failed.")
    said, failed, talks = word(doc, "said"), word(doc, "failed"), word(doc, "talks")
    assert said.dep_ == "ROOT"
    assert said.pos_ == "VERB"
    assert [(child.text, child.dep_) for child in said.children if child.dep_ == "nsubj"] == [
        ("minister", "nsubj")
    ]
    assert failed.dep_ == "ccomp" and failed.head == said
    assert talks.dep_ == "nsubj" and talks.head == failed
    assert talks.lemma_ == "talk"
    assert said.lemma_ == "say"
    assert word(doc, "had").dep_ == "aux"


def test_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police did not confirm the report.")
    negation, confirm = word(doc, "not"), word(doc, "confirm")
    assert negation.dep_ == "advmod" and negation.head == confirm
    assert "Neg" in negation.morph.get("Polarity")
    assert word(doc, "report").dep_ == "obj"
    assert word(doc, "Police").head == confirm


def test_numbers_and_quantities(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ship carried over 400 tons of cargo to the port.")
    number, tons = word(doc, "400"), word(doc, "tons")
    assert number.pos_ == "NUM"
    assert number.dep_ == "nummod" and number.head == tons
    assert tons.lemma_ == "ton"
    assert word(doc, "cargo").head == tons


def test_passive_and_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Three soldiers were killed on Monday. The army said an inquiry would be opened.")
    assert [sent.text for sent in doc.sents] == [
        "Three soldiers were killed on Monday.",
        "The army said an inquiry would be opened.",
    ]
    assert word(doc, "soldiers").dep_ == "nsubj:pass"
    assert word(doc, "killed").lemma_ == "kill"
    assert word(doc, "were").morph.get("Tense") == ["Past"]
