"""The event layer (every happening the parse finds) and its cross-document chains."""

from __future__ import annotations

from triangulate.analyze.event_layer import OCCURRENCE, happening_mentions, named_happenings
from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Analysis, Document, EventMention, Span, TimeRange
from triangulate.reconcile.events import _by_date, corefer_happenings


def _analysed(doc_id: str, text: str) -> Analysis:
    return analyze_document(Document(
        doc_id, f"{doc_id}.txt", doc_id, text, published="2031-05-06",
        published_precision="day", published_basis="stated", language="en",
    ))


def test_verbs_and_event_nouns_are_happenings_and_states_and_names_are_not() -> None:
    text = (
        "Organisers unveiled Dana Morrow as the host of the gala on Friday.\n"
        "The ceremony is expected to draw a record audience after the robbery at the museum."
    )
    found = {m.text: m.type for m in happening_mentions(_analysed("a", text))}
    assert found["unveiled"] == OCCURRENCE
    assert found["ceremony"] == OCCURRENCE
    assert found["robbery"] == OCCURRENCE
    assert "is" not in found and "Dana" not in found and "museum" not in found
    assert "audience" not in found


def test_typed_triggers_keep_their_type_in_the_layer() -> None:
    text = "Rebels attacked the garrison at Velmar on 3 May, officials said."
    types = {m.text: m.type for m in happening_mentions(_analysed("a", text))}
    assert types["attacked"] == "attack"
    assert types["said"] == OCCURRENCE


def test_mentions_of_one_word_corefer_across_documents_unless_their_days_differ() -> None:
    first = _analysed("a", "A fire destroyed the depot at Harlow on 2 May.")
    second = _analysed("b", "The fire at Harlow was put out on 2 May after it razed the depot.")
    third = _analysed("c", "Another fire destroyed a barn near Ostrava on 21 April.")
    layer = [(a, happening_mentions(a)) for a in (first, second, third)]
    chains = corefer_happenings(layer, {})
    fires = [sorted(doc for doc, m in chain) for chain in chains
             if chain[0][1].text == "fire"]
    assert ["c"] in fires
    assert all(len(chain) == 1 or "c" not in chain for chain in fires)


def test_typed_mentions_of_one_event_join_one_chain_whatever_their_words() -> None:
    first = _analysed("a", "A bomb attack hit the bank in Velmar on 3 May.")
    second = _analysed("b", "The bombing of the bank in Velmar on 3 May shocked the town.")
    layer = [(a, happening_mentions(a)) for a in (first, second)]
    words = [sorted(m.text for _, m in chain) for chain in corefer_happenings(layer, {})]
    assert ["attack", "bombing"] in words


def test_a_word_naming_another_is_no_happening() -> None:
    text = "Police said a man attacked guests at an office party after the vote."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "party" in found and "attacked" in found
    assert "office" not in found


def test_a_bare_object_right_after_its_verb_is_one_mention_with_it() -> None:
    text = "A gunman opened fire in the hall and wounded two guards."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "opened fire" in found
    assert "fire" not in found and "opened" not in found


def _layer(*texts: str) -> list[tuple[Analysis, list[EventMention]]]:
    analyses = [_analysed(chr(ord("a") + n), text) for n, text in enumerate(texts)]
    return [(a, happening_mentions(a)) for a in analyses]


def _chains_of(layer: list[tuple[Analysis, list[EventMention]]], *words: str) -> list[list[str]]:
    chains = corefer_happenings(layer, {})
    return sorted(sorted(doc for doc, m in chain) for chain in chains
                  if any(m.text in words for _, m in chain))


def test_reports_of_one_kind_of_happening_to_different_people_are_different_stories() -> None:
    layer = _layer(
        "Boxer Tomas Varga was arrested on suspicion of drunk driving in Harlow on Sunday.",
        "Tomas Varga, the boxer, was arrested on suspicion of drunk driving in Harlow.",
        "Boxer Ivan Petrak was arrested on suspicion of drunk driving in Harlow on Sunday.",
        "Ivan Petrak, the boxer, was arrested on suspicion of drunk driving in Harlow.",
    )
    assert _chains_of(layer, "arrested") == [["a", "b"], ["c", "d"]]


def test_other_forms_and_phrases_of_one_happening_join() -> None:
    layer = _layer(
        "Sailors foiled a raid on a tanker off Velmar on Tuesday.",
        "The navy said sailors were thwarting a raid on a tanker off Velmar.",
        "A gunman opened fire at the Velmar depot, a guard said.",
        "The shooting at the Velmar depot left a guard hurt.",
    )
    words = [sorted(m.text for _, m in chain) for chain in corefer_happenings(layer, {})]
    assert ["foiled", "thwarting"] in words
    assert any("opened fire" in chain and "shooting" in chain for chain in words)


def test_a_mention_dated_by_its_year_joins_the_one_day_of_that_year() -> None:
    day = EventMention(0, 6, "struck", OCCURRENCE, Span(0, 40),
                       TimeRange("2031-05-02", "2031-05-02", "day"))
    year = EventMention(0, 6, "struck", OCCURRENCE, Span(0, 40),
                        TimeRange("2031", "2031", "year"))
    other = EventMention(0, 6, "struck", OCCURRENCE, Span(0, 40),
                         TimeRange("2030-03-09", "2030-03-09", "day"))
    assert [m for _, m in _by_date([("a", day), ("b", year)])[0]] == [day, year]
    assert len(_by_date([("a", day), ("b", other)])) == 2


def test_a_headline_in_title_case_is_read_for_its_happening_words() -> None:
    text = "Velmar Mayor Fires Police Chief After Riot\nThe chief was dismissed on Monday."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "Fires" in found and "Riot" in found
    assert "Velmar" not in found and "Chief" not in found


def test_a_listed_happening_naming_another_noun_is_one() -> None:
    text = "The frigate foiled a piracy attempt and the driver faces manslaughter charges."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "piracy" in found and "manslaughter" in found


def test_a_listed_offence_written_as_an_acronym_is_a_happening() -> None:
    text = "The striker was arrested on suspicion of DUI early on Sunday."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "DUI" in found


def test_names_given_to_happenings_are_mentions_wherever_the_corpus_writes_them() -> None:
    first = _analysed("a", "Dana Morrow will host the 12th Velmar Prizes in March.")
    second = _analysed("b", "Morrow said hosting the Velmar Prizes was a dream.")
    third = _analysed("c", "The ceremony honours the 3rd Battalion of the Velmar Guard.")
    named = named_happenings([first, second, third])
    assert "velmar prizes" in named
    assert not any("battalion" in name for name in named)
    found = [m.text for m in happening_mentions(second, named)]
    assert "Velmar Prizes" in found
    assert [m.text for m in happening_mentions(second)].count("Velmar Prizes") == 0


def test_words_that_only_frame_a_count_are_no_happenings() -> None:
    text = "The flood reached the streets and homes of the town, residents said."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "flood" in found and "reached" in found
    assert "streets" not in found and "homes" not in found and "residents" not in found


def test_a_fall_is_a_happening() -> None:
    text = "A climber died in a fall from the ridge on Saturday."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "fall" in found and "died" in found


def test_an_offence_of_driving_named_by_its_acronym_is_the_driving() -> None:
    layer = _layer(
        "Velmar striker Dana Morrow was arrested for DUI on Sunday in Harlow.",
        "Dana Morrow was arrested on Sunday in Harlow on suspicion of drunk driving.",
    )
    assert _chains_of(layer, "DUI", "driving") == [["a", "b"]]


def test_a_happening_noun_after_anti_is_no_happening() -> None:
    text = "The frigate, on anti-piracy patrols, foiled a piracy attempt in the Gulf."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert found.count("piracy") == 1 and "foiled" in found
    assert text.index("piracy attempt") in [m.start for m in happening_mentions(
        _analysed("a", text)) if m.text == "piracy"]


def test_a_verb_used_as_a_preposition_is_no_happening() -> None:
    text = "According to police, the driver fled the scene after the crash."
    found = [m.text for m in happening_mentions(_analysed("a", text))]
    assert "fled" in found and "crash" in found
    assert "According" not in found
