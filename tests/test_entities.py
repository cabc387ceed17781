"""The rule-based recogniser on small invented news texts."""

from __future__ import annotations

from triangulate.analyze.entities import find_mentions, normalize_name
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Mention


def mentions_of(text: str) -> list[Mention]:
    return find_mentions(text, split_sentences(text))


def pairs(text: str) -> list[tuple[str, str]]:
    return [(mention.text, mention.type) for mention in mentions_of(text)]


def test_titles_are_stripped_and_demonyms_are_groups() -> None:
    text = "Chilean Foreign Minister Marta Quispe met Peruvian President Jorge Salas in Lima."
    assert pairs(text) == [
        ("Chilean", "group"), ("Marta Quispe", "person"), ("Peruvian", "group"),
        ("Jorge Salas", "person"), ("Lima", "location"),
    ]


def test_mention_offsets_point_into_the_text() -> None:
    text = "On Monday, Lt. Gen. Oskar Brandt inspected the Rostock harbour."
    for mention in mentions_of(text):
        assert text[mention.start : mention.end] == mention.text
    assert ("Oskar Brandt", "person") in pairs(text)
    assert all(mention.text != "Monday" for mention in mentions_of(text))


def test_organisations_with_connectors_and_acronyms() -> None:
    text = (
        "The Organization for Security and Cooperation in Europe and the Ministry of Defence "
        "issued statements. NATO said nothing."
    )
    assert pairs(text) == [
        ("Organization for Security and Cooperation in Europe", "organization"),
        ("Ministry of Defence", "organization"),
        ("NATO", "organization"),
    ]


def test_two_places_joined_by_and_are_split() -> None:
    assert pairs("Talks between Norway and Finland resumed.") == [
        ("Norway", "location"), ("Finland", "location"),
    ]


def test_sentence_initial_function_words_and_months_are_skipped() -> None:
    text = "However, officials in Ghana said in March that However was not a name."
    found = pairs(text)
    assert ("Ghana", "location") in found
    assert all(name not in ("However", "March") for name, _ in found)


def test_surname_alone_is_a_person_after_full_name() -> None:
    text = "Senator Edith Marlowe visited Kenya. Marlowe later told reporters she was pleased."
    assert pairs(text) == [
        ("Edith Marlowe", "person"), ("Kenya", "location"), ("Marlowe", "person"),
    ]


def test_possessive_is_outside_the_mention() -> None:
    text = "The Pentagon rejected Canada's proposal, and Mexico-based traders waited."
    found = mentions_of(text)
    assert [(m.text, m.type) for m in found] == [
        ("Pentagon", "organization"), ("Canada", "location"), ("Mexico", "location"),
    ]


def test_hyphenated_nationalities_are_two_groups() -> None:
    assert pairs("Fighting on the Ethiopian-Eritrean border stopped.") == [
        ("Ethiopian", "group"), ("Eritrean", "group"),
    ]


def test_no_mentions_inside_urls_or_emails() -> None:
    text = "Write to Press.Office@Example.org or visit https://www.Example.com/Kenya today."
    assert mentions_of(text) == []


def test_headline_lines_only_repeat_names_found_in_prose() -> None:
    text = "FLOODS HIT KENYA AFTER HEAVY RAINS\n\nHeavy rains flooded villages in Kenya on Sunday."
    found = pairs(text)
    assert found == [("KENYA", "location"), ("Kenya", "location")]


def test_title_without_a_name_is_not_a_mention() -> None:
    assert pairs("The Defense Minister arrived in Oslo.") == [("Oslo", "location")]


def test_small_town_needs_a_locative_cue() -> None:
    found = pairs("Shelling hit the village of Sarpi in Georgia.")
    assert ("Sarpi", "location") in found


def test_normalized_key_folds_accents_case_and_possessive() -> None:
    assert normalize_name("José Martí's") == "jose marti"
    assert normalize_name("the Defence Ministry's") == normalize_name("Defense Ministry")
    assert normalize_name("Harbour Centre") == "harbor center"
    found = mentions_of("Rebels attacked São Paulo.")
    assert found[0].normalized == "sao paulo"


def test_an_acronym_in_capitals_is_a_name_not_the_pronoun_it_spells() -> None:
    from triangulate.analyze.entity_combine import _common_word
    from triangulate.model import Mention

    assert not _common_word(Mention(0, 3, "WHO", "organization"))
    assert not _common_word(Mention(0, 2, "US", "location"))
    assert _common_word(Mention(0, 3, "Who", "organization"))
    assert _common_word(Mention(0, 6, "Monday", "other"))


def test_organisation_names_go_on_over_to_and_places_over_their_head_word() -> None:
    text = (
        "Police fired tear gas into Syntagma Square on Sunday, the Committee to Protect "
        "Journalists said. He drove from Paris to London."
    )
    found = dict(pairs(text))
    assert found.get("Syntagma Square") in ("facility", "location")
    assert found.get("Committee to Protect Journalists") == "organization"
    assert "Paris" in found and "London" in found


def test_currency_signs_are_not_names() -> None:
    found = dict(pairs("The loan of US$ 17.4 billion went to Chrysler, and C$ 4 billion to GM."))
    assert "US$" not in found and "C$" not in found


def test_the_outlets_credit_in_a_dateline_is_not_a_name_of_the_story() -> None:
    text = ("CAIRO, Egypt (CNN) -- Protests went on, a witness told CNN.\n"
            "ATHENS (Reuters) - Police fired tear gas.")
    found = mentions_of(text)
    assert [m.text for m in found if m.text in ("CNN", "Reuters")] == ["CNN"]
    assert found[[m.text for m in found].index("CNN")].start == text.index("told CNN") + 5


def test_a_name_the_model_resumes_after_a_connector_is_one_name() -> None:
    from triangulate.analyze.entity_combine import _joined_over_connectors
    from triangulate.analyze.entity_model import ModelSpan

    text = "Ships waited in the Gulf of Suez near Suez."
    gulf, suez, city = text.index("Gulf"), text.index("Suez"), text.rindex("Suez")
    spans = [ModelSpan(gulf, gulf + 7, "LOC"), ModelSpan(suez, suez + 4, "LOC"),
             ModelSpan(city, city + 4, "LOC")]
    joined = _joined_over_connectors(text, spans)
    assert [text[s.start : s.end] for s in joined] == ["Gulf of Suez", "Suez"]


def test_a_name_beside_a_title_is_a_person_whatever_the_model_typed() -> None:
    from triangulate.analyze.entity_combine import _person_by_apposition

    text = ("The governor-general of Tarvos province, Jan Kovar Dolezal, told state television. "
            "Jan Kovar Dolezal, the governor of Tarvos Province, said tents arrived. "
            "Brixel Harbour, the capital of Ruritania, shook.")
    first = text.index("Jan Kovar Dolezal")
    cases = ((first, "Jan Kovar Dolezal", "location", "person"),
             (text.index("Jan Kovar Dolezal", first + 1), "Jan Kovar Dolezal", "organization",
              "person"),
             (text.index("Brixel Harbour"), "Brixel Harbour", "location", "location"))
    for start, name, typed, expected in cases:
        mention = Mention(start, start + len(name), name, typed)
        assert _person_by_apposition(text, mention).type == expected, (start, name)


def test_a_one_word_name_the_model_calls_a_place_once_is_a_place_throughout() -> None:
    from triangulate.analyze.entity_combine import _one_sense_per_document
    from triangulate.analyze.entity_model import ModelSpan

    text = "The quake struck Qeshm island. Qeshm is home to 120,000 people. Jordan said so."
    spans = [ModelSpan(17, 22, "LOC"), ModelSpan(31, 36, "PER"), ModelSpan(64, 70, "PER")]
    assert [s.label for s in _one_sense_per_document(text, spans, set())] == ["LOC", "LOC", "PER"]
    # a person of the text whose full name holds the word keeps the model's reading
    assert [s.label for s in _one_sense_per_document(text, spans, {"qeshm"})][1] == "PER"
