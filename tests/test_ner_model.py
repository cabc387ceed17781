"""The trained NER model shipped as package data, and its combination with the rules."""

from __future__ import annotations

from pathlib import Path

import triangulate
from triangulate.analyze.entities import find_mentions, find_rule_mentions, normalize_name
from triangulate.analyze.entity_combine import RuleMention, combine, entity_type_of
from triangulate.analyze.entity_model import (
    LABELS,
    ModelSpan,
    model_available,
    model_path,
    model_spans,
    ner_model,
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
    assert size < 12_000_000
    nlp = ner_model()
    assert ner_model() is nlp
    assert set(nlp.pipe_labels["ner"]) == set(LABELS)


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


def _rule(text: str, name: str, entity_type: str, strength: str) -> RuleMention:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, entity_type, normalize_name(name))  # type: ignore[arg-type]
    return RuleMention(mention, strength)  # type: ignore[arg-type]


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
    found = combine(text, [], spans, normalize_name, {0})
    assert [(m.text, m.type) for m in found] == [
        ("Ana Pereira", "person"), ("Zurich", "other"), ("Lisbon", "location"),
    ]


def test_strong_rules_win_and_guessed_others_need_the_model() -> None:
    text = "Chilean envoys met Vantor officials near Talca."
    rules = [
        _rule(text, "Chilean", "group", "strong"),
        _rule(text, "Vantor", "other", "guessed"),
        _rule(text, "Talca", "location", "medium"),
    ]
    spans = [_span(text, "Chilean", "PER"), _span(text, "Talca", "ORG")]
    found = combine(text, rules, spans, normalize_name, {0})
    assert [(m.text, m.type) for m in found] == [("Chilean", "group"), ("Talca", "location")]


def test_a_person_of_the_rules_stays_a_person() -> None:
    text = "Talks with Oduya Kamenev ended."
    rules = [_rule(text, "Oduya Kamenev", "person", "guessed")]
    found = combine(text, rules, [_span(text, "Oduya Kamenev", "ORG")], normalize_name, {0})
    assert [(m.text, m.type) for m in found] == [("Oduya Kamenev", "person")]


def test_a_place_name_yields_to_a_person_named_in_full() -> None:
    text = "Coach Rui Talca resigned. Talca said the team was tired."
    second = text.index("Talca said")
    rules = [
        _rule(text, "Rui Talca", "person", "medium"),
        RuleMention(Mention(second, second + 5, "Talca", "location", "talca"), "medium"),
    ]
    spans = [_span(text, "Rui Talca", "PER"), ModelSpan(second, second + 5, "PER")]
    found = combine(text, rules, spans, normalize_name, {0, text.index("Talca said")})
    assert [(m.text, m.type) for m in found] == [("Rui Talca", "person"), ("Talca", "person")]


def test_misc_is_a_group_only_for_peoples() -> None:
    assert entity_type_of("MISC", "Norwegians") == "group"
    assert entity_type_of("MISC", "Olympics") == "other"
    assert entity_type_of("ORG", "Olympics") == "organization"
