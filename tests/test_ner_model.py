"""The trained NER model shipped as package data, and its combination with the rules."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import triangulate
from triangulate.analyze import entity_model
from triangulate.analyze.entities import find_mentions, find_rule_mentions, normalize_name
from triangulate.analyze.entity_combine import RuleMention, combine, entity_type_of
from triangulate.analyze.entity_model import (
    CASE_CLASSES,
    TAGS,
    ModelSpan,
    case_class,
    could_hold_a_name,
    decode_tags,
    model_available,
    model_path,
    model_spans,
    ner_model,
    tag_words,
)
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Mention


def model_pairs(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in model_spans(text, split_sentences(text))]


def pairs(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in find_mentions(text, split_sentences(text))]


def test_model_ships_inside_the_package_and_loads_once() -> None:
    assert model_available()
    package_dir = Path(triangulate.__file__).parent
    assert model_path().is_relative_to(package_dir)
    size = sum(path.stat().st_size for path in model_path().rglob("*") if path.is_file())
    assert size < 30_000_000
    model = ner_model()
    assert ner_model() is model
    assert set(model.tags) == set(TAGS)


def test_shipped_model_was_trained_with_these_tags_and_case_classes() -> None:
    meta = json.loads((model_path() / "meta.json").read_text(encoding="utf-8"))
    assert tuple(meta["tags"]) == TAGS
    assert tuple(meta["case_classes"]) == CASE_CLASSES


def test_case_classes() -> None:
    assert [case_class(word) for word in ["1996", "-", "talks", "Berlin", "NATO", "iPhone",
                                          "McDonald", "U.S.", "A"]] == [0, 0, 1, 2, 3, 1, 2, 3, 2]


def _scores(rows: list[dict[str, float]]) -> np.ndarray:
    table = np.full((len(rows), len(TAGS)), np.log(0.01))
    for index, row in enumerate(rows):
        for tag, probability in row.items():
            table[index, TAGS.index(tag)] = np.log(probability)
    return table


def test_decoding_never_starts_a_name_with_an_inside_tag() -> None:
    # The best tag of each word alone would give O, I-PER: an I- tag with no B- before it.
    scores = _scores([{"O": 0.6, "B-PER": 0.4}, {"I-PER": 0.7, "O": 0.2}])
    assert decode_tags(scores) == ["B-PER", "I-PER"]
    assert decode_tags(_scores([{"I-ORG": 0.9, "B-ORG": 0.05}])) == ["B-ORG"]


def test_decoding_does_not_continue_a_name_with_another_type() -> None:
    scores = _scores([{"B-LOC": 0.9}, {"I-ORG": 0.5, "I-LOC": 0.4}])
    assert decode_tags(scores) == ["B-LOC", "I-LOC"]
    assert decode_tags(np.zeros((0, len(TAGS)))) == []


def test_long_sentences_are_tagged_in_windows_without_losing_words() -> None:
    words = ("The delegation from Chile met officials in Lima and then flew home . " * 30).split()
    (tags,) = tag_words([words])
    assert len(tags) == len(words)
    assert {tags[i] for i, word in enumerate(words) if word in ("Chile", "Lima")} == {"B-LOC"}


def test_model_finds_people_organisations_and_places() -> None:
    found = model_pairs(
        "Prime Minister John Howard told reporters in Sydney on Monday. "
        "The European Union and the International Monetary Fund agreed a loan for Ukraine."
    )
    for expected in [("John Howard", "PER"), ("Sydney", "LOC"), ("European Union", "ORG"),
                     ("International Monetary Fund", "ORG"), ("Ukraine", "LOC")]:
        assert expected in found


def test_model_offsets_point_into_the_whole_text() -> None:
    text = "Talks ended.\n\nNegotiators met in Geneva on Friday, officials said."
    spans = model_spans(text, split_sentences(text))
    assert [(text[span.start : span.end], span.label) for span in spans] == [("Geneva", "LOC")]


def test_combined_recogniser_keeps_titles_demonyms_and_surnames() -> None:
    text = "Defence Minister Karin Olsen visited Norwegian troops in Latvia. Olsen praised them."
    assert pairs(text) == [
        ("Karin Olsen", "person"), ("Norwegian", "group"), ("Latvia", "location"),
        ("Olsen", "person"),
    ]


def test_model_types_a_name_the_rules_could_only_guess() -> None:
    text = "Officials from Gazprom declined to comment on the talks in Berlin."
    sentences = split_sentences(text)
    assert [(m.text, m.type) for m in find_rule_mentions(text, sentences)][0] == (
        "Gazprom", "other",
    )
    assert ("Gazprom", "organization") in pairs(text)


def test_no_model_names_inside_urls() -> None:
    assert pairs("Details at https://www.example.com/Berlin/Siemens today.") == []


def _rule(text: str, name: str, entity_type: str, strength: str,
          by_name: bool = False) -> RuleMention:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, entity_type, normalize_name(name))  # type: ignore[arg-type]
    return RuleMention(mention, strength, by_name)  # type: ignore[arg-type]


def _span(text: str, name: str, label: str) -> ModelSpan:
    start = text.index(name)
    return ModelSpan(start, start + len(name), label)


def test_model_spans_lose_titles_possessives_and_lowercase_tails() -> None:
    text = "Finance Minister Ana Pereira's plan helps Zurich-based banks in Lisbon on Monday."
    spans = [
        _span(text, "Finance Minister Ana Pereira's", "PER"),
        _span(text, "Zurich-based", "MISC"),
        _span(text, "Lisbon on Monday", "LOC"),
    ]
    found = combine(text, [], spans, normalize_name)
    assert [(m.text, m.type) for m in found] == [
        ("Ana Pereira", "person"), ("Zurich", "location"), ("Lisbon", "location"),
    ]


def test_trimming_keeps_capitalised_articles_particles_and_modifiers_without_a_title() -> None:
    text = ("Later Pieter van der Berg wrote for The Daily Courier, "
            "and National Party officials met Nadia al-Rashid.")
    spans = [_span(text, "Pieter van der Berg", "PER"), _span(text, "The Daily Courier", "ORG"),
             _span(text, "National Party", "ORG"), _span(text, "Nadia al-Rashid", "PER")]
    assert [(m.text, m.type) for m in combine(text, [], spans, normalize_name)] == [
        ("Pieter van der Berg", "person"), ("The Daily Courier", "organization"),
        ("National Party", "organization"), ("Nadia al-Rashid", "person"),
    ]


def test_strong_rules_retype_and_weaker_rules_yield_to_the_model() -> None:
    text = "Chilean envoys met Vantor officials near Talca."
    rules = [
        _rule(text, "Chilean", "group", "strong"),
        _rule(text, "Vantor", "other", "guessed"),
        _rule(text, "Talca", "location", "medium"),
    ]
    spans = [_span(text, "Chilean", "PER"), _span(text, "Talca", "ORG")]
    found = combine(text, rules, spans, normalize_name)
    assert [(m.text, m.type) for m in found] == [("Chilean", "group"), ("Talca", "organization")]


def test_a_finer_type_of_the_same_class_refines_the_model() -> None:
    text = "Flights left Marlow Airport for the Harvest Festival."
    rules = [_rule(text, "Marlow Airport", "facility", "medium"),
             _rule(text, "Harvest Festival", "event", "weak")]
    spans = [_span(text, "Marlow Airport", "LOC"), _span(text, "Harvest Festival", "MISC")]
    assert [(m.text, m.type) for m in combine(text, rules, spans, normalize_name)] == [
        ("Marlow Airport", "facility"), ("Harvest Festival", "event"),
    ]


def test_rules_keep_only_their_surest_names_where_the_model_saw_none() -> None:
    text = "Talks with Oduya Kamenev and Vantor ended at the Harbour Council."
    rules = [
        _rule(text, "Oduya Kamenev", "person", "medium", by_name=True),
        _rule(text, "Vantor", "person", "medium"),
        _rule(text, "Harbour Council", "organization", "strong"),
    ]
    assert [(m.text, m.type) for m in combine(text, rules, [], normalize_name)] == [
        ("Oduya Kamenev", "person"), ("Harbour Council", "organization"),
    ]


def test_rules_split_a_model_span_joined_by_a_hyphen() -> None:
    text = "The Chile-Peru border reopened."
    rules = [_rule(text, "Chile", "location", "medium"), _rule(text, "Peru", "location", "medium")]
    found = combine(text, rules, [_span(text, "Chile-Peru", "MISC")], normalize_name)
    assert [(m.text, m.type) for m in found] == [("Chile", "location"), ("Peru", "location")]


def test_a_person_known_by_name_overrules_the_model_type() -> None:
    text = "Rui Talca spoke first. Talca has then said the plan failed."
    second = text.index("Talca has")
    rules = [_rule(text, "Rui Talca", "person", "medium", by_name=True),
             RuleMention(Mention(second, second + 5, "Talca", "person", "talca"), "medium", True)]
    spans = [_span(text, "Rui Talca", "PER"), ModelSpan(second, second + 5, "ORG")]
    assert [(m.text, m.type) for m in combine(text, rules, spans, normalize_name)] == [
        ("Rui Talca", "person"), ("Talca", "person"),
    ]


def test_misc_is_a_group_only_for_peoples() -> None:
    assert entity_type_of("MISC", "Norwegians") == "group"
    assert entity_type_of("MISC", "Olympics") == "other"
    assert entity_type_of("ORG", "Olympics") == "organization"


def test_title_case_headline_keeps_only_names_the_text_confirms() -> None:
    text = ("Talks Collapse As Rebels Shell Border Town Near Tikrit\n\n"
            "Aid agencies said on Tuesday the Red Crescent would send convoys to Tikrit.")
    found = pairs(text)
    assert found[0] == ("Tikrit", "location")
    assert text.index("Tikrit") == find_mentions(text, split_sentences(text))[0].start
    assert not any(name in ("Rebels Shell Border Town", "Talks Collapse") for name, _ in found)
    assert ("Red Crescent", "organization") in found


def test_a_damaged_model_file_falls_back_to_the_rules_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triangulate.analyze import entity_model

    (tmp_path / "ner.onnx").write_bytes(b"not an onnx graph")
    (tmp_path / "meta.json").write_text(json.dumps({"tags": list(TAGS)}))
    (tmp_path / "tokenizer.json").write_text("{}")
    monkeypatch.setattr(entity_model, "model_path", lambda: tmp_path)
    entity_model.model_available.cache_clear()
    entity_model.ner_model.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="could not be loaded"):
            assert not entity_model.model_available()
        text = "Prime Minister Ana Pereira visited Lisbon."
        assert ("Ana Pereira", "person") in pairs(text)
    finally:
        entity_model.model_available.cache_clear()
        entity_model.ner_model.cache_clear()


def test_a_word_without_word_pieces_does_not_shift_the_tags_after_it() -> None:
    (tags,) = tag_words([["Officials", "\u200b", "in", "Lima", "said", "so", "."]])
    assert tags[3] == "B-LOC" and tags[1] == "O" and len(tags) == 7


def test_trimming_drops_leading_prepositions_and_led_modifiers_but_keeps_names() -> None:
    text = ("Of Portugal little was said; the Lisbon-led Atlantic Fisheries Council met "
            "Kang Min-hoon and the Million Man March organisers.")
    spans = [_span(text, "Of Portugal", "LOC"),
             _span(text, "Lisbon-led Atlantic Fisheries Council", "ORG"),
             _span(text, "Kang Min-hoon", "PER"), _span(text, "Million Man March", "MISC")]
    assert [(m.text, m.type) for m in combine(text, [], spans, normalize_name)] == [
        ("Portugal", "location"), ("Atlantic Fisheries Council", "organization"),
        ("Kang Min-hoon", "person"), ("Million Man March", "other"),
    ]


def test_a_region_the_model_calls_a_person_is_a_place_unless_a_person_bears_the_name() -> None:
    text = "Troops left Kurdistan. Kurdistan was quiet."
    second = text.index("Kurdistan was")
    rules = [_rule(text, "Kurdistan", "location", "medium"),
             RuleMention(Mention(second, second + 9, "Kurdistan", "location", "kurdistan"),
                         "medium")]
    spans = [_span(text, "Kurdistan", "LOC"), ModelSpan(second, second + 9, "PER")]
    assert [m.type for m in combine(text, rules, spans, normalize_name)] == [
        "location", "location"]
    named = "Ada Kurdistan spoke. Kurdistan was quiet."
    second = named.index("Kurdistan was")
    rules = [RuleMention(Mention(second, second + 9, "Kurdistan", "location", "kurdistan"),
                         "medium")]
    spans = [_span(named, "Ada Kurdistan", "PER"), ModelSpan(second, second + 9, "PER")]
    assert [m.type for m in combine(named, rules, spans, normalize_name)] == [
        "person", "person"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Marisol Quenby said so.", True),  # a name can only start the sentence
    ("the talks resume in Ostravel.", True),
    ("about 40 people came.", True),  # a figure: "3M", "G7"
    ('"Quenby won," he said.', True),
    ("The talks ended late.", False),
    ("However, nobody came back.", False),
    ("it was over by then.", False),
])
def test_only_sentences_that_could_hold_a_name_reach_the_model(
    sentence: str, expected: bool
) -> None:
    assert could_hold_a_name(sentence) is expected


def test_nameless_sentences_are_skipped_and_the_rest_tagged_as_one_by_one() -> None:
    text = (
        "The talks ended late. Marisol Quenby flew to Ostravel on Monday. "
        "Nobody said anything more. Officials at Brantco Industries in Velmora declined to "
        "comment on the talks with the Ostravel delegation led by Tamsin Arkwright."
    )
    sentences = split_sentences(text)
    entity_model._SEEN.clear()  # sentences are remembered by their text
    together = model_spans(text, sentences)
    entity_model._SEEN.clear()
    alone = [span for sentence in sentences for span in model_spans(text, [sentence])]
    assert together == alone
    assert {text[s.start : s.end] for s in together} >= {"Marisol Quenby", "Tamsin Arkwright"}
    assert all(sentences[0].end <= s.start for s in together)
