"""The token layer: words with offsets into the text, parsed within the sentences found."""

from __future__ import annotations

import pytest

from triangulate import serialize
from triangulate.analyze.nlp import split_sentences
from triangulate.analyze.parse import model_path, parse
from triangulate.model import Analysis, Span, Tokens

from .conftest import make_document

pytestmark = pytest.mark.skipif(
    not (model_path() / "config.cfg").is_file(), reason="the trained pipeline is not shipped"
)

TEXT = (
    "The minister said the talks had failed. Police did not confirm the report.\n"
    "Dr. Lee told reporters on Monday that 40 people were evacuated"
)


@pytest.fixture(scope="module")
def tokens() -> Tokens:
    return parse(TEXT, split_sentences(TEXT))


def test_every_word_points_at_its_text(tokens: Tokens) -> None:
    words = [tokens.get(i, TEXT).text for i in range(len(tokens))]
    assert words[:8] == ["The", "minister", "said", "the", "talks", "had", "failed", "."]
    assert "Dr." in words and "\n" not in "".join(words)
    assert all(TEXT[s:e] == w for s, e, w in zip(tokens.starts, tokens.ends, words, strict=True))


def test_heads_stay_within_the_sentences_found(tokens: Tokens) -> None:
    sentences = split_sentences(TEXT)
    for index in range(len(tokens)):
        token = tokens.get(index, TEXT)
        [home] = [s for s in sentences if s.contains(token)]
        assert home.contains(tokens.get(token.head, TEXT))


def test_the_structure_a_reader_sees(tokens: Tokens) -> None:
    said = tokens.get(tokens.at(TEXT.index("said")) or 0, TEXT)
    assert said.pos == "VERB" and said.lemma == "say" and said.dep == "ROOT"
    subjects = [tokens.get(i, TEXT).text for i in tokens.children(said.index)
                if tokens.deps[i] == "nsubj"]
    assert subjects == ["minister"]
    negation = tokens.get(tokens.at(TEXT.index("not")) or 0, TEXT)
    assert negation.feature("Polarity") == "Neg"
    assert tokens.get(negation.head, TEXT).text == "confirm"
    second = tokens.within(Span(TEXT.index("Police"), TEXT.index("report.") + 7))
    assert [tokens.get(i, TEXT).text for i in second][-2:] == ["report", "."]


def test_the_layer_is_stored_and_read_back(tokens: Tokens) -> None:
    analysis = Analysis(make_document(TEXT), tuple(split_sentences(TEXT)), tokens=tokens)
    assert serialize.loads(Analysis, serialize.dumps(analysis)) == analysis


def test_no_sentences_no_tokens() -> None:
    assert len(parse("   ", [])) == 0


def test_the_parse_stage_fills_the_layer_of_an_analysis() -> None:
    from triangulate.analyze.parse import states_a_figure
    from triangulate.analyze.pipeline import DEFAULT_STAGES, analyze_document

    document = make_document(TEXT)
    assert "parse" in DEFAULT_STAGES
    unparsed = analyze_document(document, [s for s in DEFAULT_STAGES if s != "parse"])
    assert len(unparsed.tokens) == 0
    parsed = analyze_document(document)
    figures = [s for s in parsed.sentences if states_a_figure(s.of(TEXT))]
    assert figures and len(figures) < len(parsed.sentences)
    assert parsed.tokens == parse(TEXT, figures)
    everything = analyze_document(document, ["parse_all" if s == "parse" else s
                                             for s in DEFAULT_STAGES])
    assert everything.tokens == parse(TEXT, parsed.sentences)
    assert [c.text for c in parsed.claims] == [c.text for c in unparsed.claims]


def test_a_line_too_long_to_be_a_sentence_is_left_unparsed() -> None:
    from triangulate.analyze.parse import LONGEST_SENTENCE

    text = "The mayor spoke. " + "x, " * LONGEST_SENTENCE
    sentences = split_sentences(text)
    tokens = parse(text, sentences)
    assert [tokens.get(i, text).text for i in range(len(tokens))] == ["The", "mayor", "spoke", "."]
