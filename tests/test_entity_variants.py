"""Names written in several forms: an acronym beside its expansion, a head word in lower case,
an organisation with or without its country or the last part of its remit, a name glossed in
brackets, one street under two street words; and words that are no names of the story.
Invented names, small documents."""

from __future__ import annotations

import re

from triangulate.analyze.entities import find_mentions, normalize_name
from triangulate.analyze.entity_combine import combine
from triangulate.analyze.entity_extents import completed
from triangulate.analyze.entity_model import ModelSpan
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Analysis, Document, Entity, EntityType, Mention
from triangulate.reconcile.entities import resolve_entities


def analysis(document_id: str, text: str) -> Analysis:
    sentences = tuple(split_sentences(text))
    document = Document(id=document_id, source=f"{document_id}.txt", sha256=document_id, text=text)
    return Analysis(document, sentences, tuple(find_mentions(text, sentences)))


def typed_analysis(
    document_id: str, text: str, names: list[tuple[str, EntityType]]
) -> Analysis:
    """A document whose mentions are given by hand: (surface, type), in order."""
    mentions, position = [], 0
    for surface, kind in names:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(Mention(start, position, surface, kind, normalize_name(surface)))
    document = Document(id=document_id, source=f"{document_id}.txt", sha256=document_id, text=text)
    return Analysis(document, tuple(split_sentences(text)), tuple(mentions))


def holding(entities: list[Entity], *aliases: str) -> list[Entity]:
    return [entity for entity in entities if all(alias in entity.aliases for alias in aliases)]


def surfaces(text: str) -> list[str]:
    return [mention.text for mention in find_mentions(text, split_sentences(text))]


def test_an_acronym_followed_by_its_expansion_is_two_names_of_one_thing() -> None:
    text = (
        "The government will consider use of the FGRP Federal Grain Reserve Program] "
        "programme to prevent a collapse of the millers."
    )
    assert "Federal Grain Reserve Program" in surfaces(text)
    entities, _ = resolve_entities([analysis("d1", text)])
    assert holding(entities, "FGRP", "Federal Grain Reserve Program")


def test_an_expansion_in_brackets_after_its_acronym_is_found() -> None:
    text = "Aid came from the PGA (Pacific Grain Agency) on Monday, officials in Lima said."
    assert "Pacific Grain Agency" in surfaces(text)
    entities, _ = resolve_entities([analysis("d1", text)])
    assert holding(entities, "PGA", "Pacific Grain Agency")


def test_words_whose_initials_do_not_spell_the_acronym_are_not_its_expansion() -> None:
    text = "Officials of the PGA Northern Rice Board met in Lima on Monday."
    entities, _ = resolve_entities([analysis("d1", text)])
    assert not holding(entities, "PGA", "Northern Rice Board")


def test_a_head_word_in_lower_case_completes_an_organisation_name() -> None:
    first = analysis("d1", "Flights are now given slots through the Northern Grain program, "
                           "Mr Halvorsen said in Oslo.")
    second = analysis("d2", "The Northern Grain Programme said it had delivered food to Oslo.")
    entities, _ = resolve_entities([first, second])
    [programme] = holding(entities, "Northern Grain program")
    assert programme.type == "organization"
    assert "Northern Grain Programme" in programme.aliases


def test_an_honorific_makes_a_person_whatever_the_model_says() -> None:
    text = "Speaking in Oslo, Ms Varga said the operation was over."
    start = text.index("Ms Varga")
    mentions = combine(text, [], [ModelSpan(start, start + 8, "ORG")], normalize_name)
    assert [(m.text, m.type) for m in mentions] == [("Varga", "person")]


def test_an_organisation_head_and_what_it_is_for_are_one_name() -> None:
    text = "Dr Lena Varga of the U.S. Bureaus for Grain Safety and Prevention said so."
    first = text.index("U.S. Bureaus")
    second = text.index("Grain Safety")
    spans = [ModelSpan(first, first + len("U.S. Bureaus"), "LOC"),
             ModelSpan(second, second + len("Grain Safety and Prevention"), "MISC")]
    mentions = combine(text, [], spans, normalize_name)
    assert [(m.text, m.type) for m in mentions] == [
        ("U.S. Bureaus for Grain Safety and Prevention", "organization")
    ]


def test_a_name_without_the_last_part_of_its_remit_is_the_same_body() -> None:
    first = typed_analysis("d1", "The Centers for Grain Safety and Prevention said so.",
                           [("Centers for Grain Safety and Prevention", "organization")])
    second = typed_analysis("d2", "The US Centres for Grain Safety warned farmers.",
                            [("US Centres for Grain Safety", "organization")])
    entities, _ = resolve_entities([first, second])
    [body] = holding(entities, "Centers for Grain Safety and Prevention")
    assert "US Centres for Grain Safety" in body.aliases
    assert "Centres for Grain Safety" in body.aliases  # as written, without its country


def test_a_name_two_longer_names_begin_with_joins_neither() -> None:
    first = typed_analysis(
        "d1", "The Office of Grain and Seeds and the Office of Grain and Water met.",
        [("Office of Grain and Seeds", "organization"), ("Office of Grain and Water",
                                                         "organization")],
    )
    second = typed_analysis("d2", "The Office of Grain said so.",
                            [("Office of Grain", "organization")])
    entities, _ = resolve_entities([first, second])
    assert holding(entities, "Office of Grain") == holding(entities, "Office of Grain")
    [short] = holding(entities, "Office of Grain")
    assert short.aliases == ("Office of Grain",)


def test_an_organisation_glossed_in_brackets_is_one_body() -> None:
    text = "Medicos Sin Fronteras (Doctors Beyond Borders) said its plane was turned away."
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Medicos Sin Fronteras", "organization"), ("Doctors Beyond Borders", "organization"),
    ])])
    assert holding(entities, "Medicos Sin Fronteras", "Doctors Beyond Borders")


def test_a_place_in_brackets_is_not_another_name_of_the_body_before_it() -> None:
    text = "The Grain Reserve Board (Tarvos Region) said so."
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Grain Reserve Board", "organization"), ("Tarvos Region", "location"),
    ])])
    assert not holding(entities, "Grain Reserve Board", "Tarvos Region")


def test_one_street_under_two_street_words_is_one_place() -> None:
    first = typed_analysis("d1", "Protesters gathered on Tarvou Street.",
                           [("Tarvou Street", "facility")])
    second = typed_analysis("d2", "Protesters marched down Tarvou Avenue.",
                            [("Tarvou Avenue", "facility")])
    entities, _ = resolve_entities([first, second])
    assert holding(entities, "Tarvou Street", "Tarvou Avenue")


def test_streets_one_document_tells_apart_or_that_many_towns_have_stay_apart() -> None:
    first = typed_analysis("d1", "From Tarvou Street to Tarvou Avenue, and on Main Street.", [
        ("Tarvou Street", "facility"), ("Tarvou Avenue", "facility"), ("Main Street", "facility"),
    ])
    second = typed_analysis("d2", "Shops on Main Avenue closed.", [("Main Avenue", "facility")])
    entities, _ = resolve_entities([first, second])
    assert not holding(entities, "Tarvou Street", "Tarvou Avenue")
    assert not holding(entities, "Main Street", "Main Avenue")


def test_a_people_before_an_acronym_the_text_writes_alone_is_not_part_of_it() -> None:
    text = "The PGA said so. He recounted the rescue of an Estonian PGA official in Lima."
    alone, glued = text.index("PGA"), text.index("Estonian PGA")
    mentions = completed(text, [
        Mention(alone, alone + 3, "PGA", "organization", "pga"),
        Mention(glued, glued + 12, "Estonian PGA", "organization", "estonian pga"),
    ], normalize_name)
    assert [(m.text, m.type) for m in mentions] == [
        ("PGA", "organization"), ("Estonian", "group"), ("PGA", "organization"),
    ]


def test_a_company_under_its_brand_word_in_three_forms_is_one() -> None:
    first = typed_analysis(
        "d1", "A branch of the Tarvex Investment Bank burned; Tarvex's boss came.",
        [("Tarvex Investment Bank", "organization"), ("Tarvex", "person")],
    )
    second = typed_analysis("d2", "THREE DIED AT TARVEX EGNATIA BANK. The Tarvex Bank said so.",
                            [("TARVEX EGNATIA BANK", "organization"),
                             ("Tarvex Bank", "organization")])
    entities, _ = resolve_entities([first, second])
    [bank] = holding(entities, "Tarvex Bank", "Tarvex Investment Bank", "TARVEX EGNATIA BANK")
    assert "Tarvex" in bank.aliases and bank.type == "organization"


def test_banks_named_by_a_dictionary_word_stay_apart() -> None:
    first = typed_analysis("d1", "The Standard Bank and the Standard Chartered Bank lent money.",
                           [("Standard Bank", "organization"),
                            ("Standard Chartered Bank", "organization")])
    second = typed_analysis("d2", "It was a standard loan.", [])
    entities, _ = resolve_entities([first, second])
    assert not holding(entities, "Standard Bank", "Standard Chartered Bank")


def test_a_gulf_named_after_a_town_is_not_the_town() -> None:
    text = "Clashes broke out in Tarvos, a port on the Gulf of Tarvos."
    spans = [ModelSpan(text.index(word), text.index(word) + len(word), "LOC")
             for word in ("Tarvos,", "Gulf")]
    spans[0] = ModelSpan(spans[0].start, spans[0].end - 1, "LOC")
    last = text.rindex("Tarvos")
    spans.append(ModelSpan(last, last + len("Tarvos"), "LOC"))
    mentions = combine(text, [], spans, normalize_name)
    assert [m.text for m in mentions] == ["Tarvos", "Gulf of Tarvos"]


def test_a_body_mostly_named_as_such_keeps_its_seat_mentions() -> None:
    first = typed_analysis("d1", "The Grey House said so. The Grey House denied it.",
                           [("Grey House", "organization"), ("Grey House", "organization")])
    second = typed_analysis("d2", "He spoke from the Grey House on Monday.",
                            [("Grey House", "location")])
    entities, _ = resolve_entities([first, second])
    [body] = holding(entities, "Grey House")
    assert body.type == "organization" and len(body.mentions) == 3


def test_an_acronym_the_text_says_stands_for_a_name_joins_it() -> None:
    first = typed_analysis(
        "d1", "Doctors Beyond Borders, known by its French initials MDF, sent a plane.",
        [("Doctors Beyond Borders", "organization"), ("MDF", "organization")],
    )
    second = typed_analysis(
        "d2", "MDF, the French acronym for Medics Beyond Borders, said so. The PGA agreed.",
        [("MDF", "organization"), ("Medics Beyond Borders", "organization"),
         ("PGA", "organization")],
    )
    entities, _ = resolve_entities([first, second])
    assert holding(entities, "Doctors Beyond Borders", "MDF", "Medics Beyond Borders")
    assert not holding(entities, "MDF", "PGA")


def test_a_village_the_gazetteer_lacks_once_taken_for_a_person_stays_one_place() -> None:
    first = typed_analysis("d1", "Houses fell in Kervazin and in Kervazin's valley.",
                           [("Kervazin", "location"), ("Kervazin", "location")])
    second = typed_analysis("d2", "Kervazin said nothing; the quake hit Kervazin.",
                            [("Kervazin", "person"), ("Kervazin", "location")])
    entities, _ = resolve_entities([first, second])
    [village] = holding(entities, "Kervazin")
    assert village.type == "location" and len(village.mentions) == 4


def test_a_surname_only_ever_before_one_noun_is_a_thing_not_a_person() -> None:
    first = typed_analysis("d1", "Youths threw Varga cocktails at the bank.",
                           [("Varga", "person")])
    second = typed_analysis("d2", "A Varga cocktail set the branch on fire. Novak said so.",
                            [("Varga", "person"), ("Novak", "person")])
    third = typed_analysis("d3", "Novak said the fire spread. Novak left.",
                           [("Novak", "person"), ("Novak", "person")])
    entities, _ = resolve_entities([first, second, third])
    [thing] = holding(entities, "Varga")
    [person] = holding(entities, "Novak")
    assert thing.type == "other" and person.type == "person"


def test_a_time_zone_after_a_clock_time_is_no_name() -> None:
    text = "The tremor hit at 1653 local time (2153 GMT) on Tuesday. At 16:00 UTC Halvorsen spoke."
    mentions = completed(text, [
        Mention(m.start(), m.end(), m.group(), "organization", m.group().casefold())
        for m in re.finditer(r"GMT|UTC", text)
    ], normalize_name)
    assert mentions == []


def test_the_lone_feature_word_is_the_one_such_feature_of_the_corpus() -> None:
    first = typed_analysis("d1", "The quake hit an island in the Tarvos Gulf.",
                           [("Tarvos Gulf", "location")])
    second = typed_analysis("d2", "It was felt across the Gulf.", [("Gulf", "location")])
    entities, _ = resolve_entities([first, second])
    assert holding(entities, "Tarvos Gulf", "Gulf")
    third = typed_analysis("d3", "Ships left the Vela Gulf.", [("Vela Gulf", "location")])
    entities, _ = resolve_entities([first, second, third])
    assert not holding(entities, "Tarvos Gulf", "Gulf") and not holding(entities, "Vela Gulf",
                                                                          "Gulf")
