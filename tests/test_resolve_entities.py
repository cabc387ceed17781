"""Entity resolution within and across small invented documents."""

from __future__ import annotations

import unicodedata

from triangulate.analyze.entities import find_mentions
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Analysis, Document, Entity, EntityType
from triangulate.reconcile.entities import resolve_entities


def analysis(document_id: str, text: str) -> Analysis:
    sentences = tuple(split_sentences(text))
    document = Document(id=document_id, source=f"{document_id}.txt", sha256=document_id, text=text)
    return Analysis(document, sentences, tuple(find_mentions(text, sentences)))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split()).casefold()


def entity_named(entities: list[Entity], alias: str) -> list[Entity]:
    return [entity for entity in entities if alias in entity.aliases]


def test_surname_joins_full_name_and_titles_are_stripped() -> None:
    text = (
        "Prime Minister Helga Sorensen arrived in Oslo on Monday. "
        "Sorensen said the deal was fair. Critics of Ms. Sorensen disagreed."
    )
    entities, mapping = resolve_entities([analysis("d1", text)])
    [person] = entity_named(entities, "Helga Sorensen")
    assert person.type == "person"
    assert person.name == "Helga Sorensen"
    assert set(person.aliases) == {"Helga Sorensen", "Sorensen", "Ms. Sorensen"}
    assert len(person.mentions) == 3
    assert all(mapping[("d1", span.start, span.end)] == person.id for span in person.mentions)


def test_acronym_joins_its_defined_expansion_and_initials_across_documents() -> None:
    first = analysis("d1", "The Pacific Fisheries Monitoring Agency (PFMA) published a report.")
    second = analysis("d2", "A spokesman for the PFMA declined to comment.")
    entities, _ = resolve_entities([first, second])
    [agency] = entity_named(entities, "PFMA")
    assert agency.name == "Pacific Fisheries Monitoring Agency"
    assert agency.type == "organization"
    assert {span.document for span in agency.mentions} == {"d1", "d2"}


def test_acronym_joins_expansion_by_initials_without_brackets() -> None:
    text = "Delegates of the Andean Water Council met. The AWC then voted."
    entities, _ = resolve_entities([analysis("d1", text)])
    [council] = entity_named(entities, "AWC")
    assert council.name == "Andean Water Council"


def test_transliteration_variants_merge_across_documents() -> None:
    first = analysis("d1", "Deputy Minister Dmitriy Kouznetsov visited Minsk.")
    second = analysis("d2", "Deputy Minister Dmitry Kuznetsov left Minsk. Kuznetsov said little.")
    third = analysis("d3", "Later, Mr. Kuzentsov told reporters that talks would go on.")
    entities, _ = resolve_entities([first, second, third])
    persons = [entity for entity in entities if entity.type == "person"]
    assert len(persons) == 1
    assert {"Dmitriy Kouznetsov", "Dmitry Kuznetsov", "Kuznetsov", "Kuzentsov"} <= set(
        persons[0].aliases
    )


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Senator Alice Smith met Governor Robert Smith in Denver. "
        "Robert Smith said the budget was tight. Smith added that he would veto it."
    )
    entities, mapping = resolve_entities([analysis("d1", text)])
    persons = sorted((e for e in entities if e.type == "person"), key=lambda e: e.name)
    assert [person.name for person in persons] == ["Alice Smith", "Robert Smith"]
    robert = persons[1]
    bare = text.rindex("Smith added")
    assert mapping[("d1", bare, bare + len("Smith"))] == robert.id


def test_bare_surname_resolves_through_the_corpus() -> None:
    first = analysis("d1", "Finance Minister Tomasz Wrobel presented the budget.")
    second = analysis("d2", "Opposition leaders said Wrobel had misled parliament.")
    entities, _ = resolve_entities([first, second])
    [person] = entity_named(entities, "Wrobel")
    assert person.name == "Tomasz Wrobel"
    assert {span.document for span in person.mentions} == {"d1", "d2"}


def test_locations_get_coordinates_and_headline_forms_join() -> None:
    text = "QUAKE STRIKES CHILE\n\nA strong earthquake struck Chile near Valparaiso on Sunday."
    entities, _ = resolve_entities([analysis("d1", text)])
    [chile] = entity_named(entities, "Chile")
    assert "CHILE" in chile.aliases and chile.geo is not None and chile.geo.country == "CL"
    [city] = entity_named(entities, "Valparaiso")
    assert city.geo is not None and city.geo.country == "CL"


def test_every_mention_matches_a_name_of_its_entity_and_ids_are_stable() -> None:
    docs = [
        analysis(
            "d1", "Ukrainian President Olena Hrytsenko's aides met Hungarian officials in Budapest."
        ),
        analysis("d2", "Hrytsenko's office said the Hungarians had agreed. The UN welcomed it."),
    ]
    entities, mapping = resolve_entities(docs)
    texts = {doc.document.id: doc.document.text for doc in docs}
    for entity in entities:
        names = {fold(entity.name)} | {fold(alias) for alias in entity.aliases}
        for span in entity.mentions:
            assert fold(texts[span.document][span.start : span.end]) in names
    again, _ = resolve_entities(docs)
    assert sorted(e.id for e in again) == sorted(e.id for e in entities)
    assert len({e.id for e in entities}) == len(entities)
    assert len(mapping) == sum(len(doc.mentions) for doc in docs)


def test_an_ambiguous_city_is_placed_in_the_country_the_document_names() -> None:
    spanish = analysis("d1", "Floods reached Spain on Monday. In Valencia, the river rose.")
    lebanese = analysis("d2", "Lebanon closed its ports. Ships waited off Tripoli for days.")
    entities, _ = resolve_entities([spanish, lebanese])
    [valencia] = entity_named(entities, "Valencia")
    [tripoli] = entity_named(entities, "Tripoli")
    assert valencia.geo is not None and valencia.geo.country == "ES"
    assert tripoli.geo is not None and tripoli.geo.country == "LB"
    alone, _ = resolve_entities([analysis("d3", "Ships waited off Tripoli for days.")])
    [most_populous] = entity_named(alone, "Tripoli")
    assert most_populous.geo is not None and most_populous.geo.country == "LY"


def test_british_and_american_spellings_of_one_name_merge() -> None:
    docs = [analysis("d1", "The Chilean Defence Ministry said the drill was over."),
            analysis("d2", "A spokesman for the Chilean Defense Ministry confirmed it.")]
    entities, _ = resolve_entities(docs)
    ministries = [e for e in entities if e.type == "organization" and "ministry" in e.name.lower()]
    assert len(ministries) == 1
    assert {span.document for span in ministries[0].mentions} == {"d1", "d2"}


def _with_mentions(document_id: str, text: str, *named: tuple[str, str]) -> Analysis:
    from triangulate.model import Mention

    mentions, position = [], 0
    for name, kind in named:
        start = text.index(name, position)
        mentions.append(Mention(start, start + len(name), name, kind))  # type: ignore[arg-type]
        position = start + len(name)
    document = Document(id=document_id, source=f"{document_id}.txt", sha256=document_id, text=text)
    return Analysis(document, tuple(split_sentences(text)), tuple(mentions))


def test_two_outlets_spellings_of_a_name_are_one_person_but_not_within_one_document() -> None:
    a = _with_mentions("a", "Karolos Papoulias spoke. Habib el-Adly left.",
                       ("Karolos Papoulias", "person"), ("Habib el-Adly", "person"))
    b = _with_mentions("b", "Carolos Papoulias spoke. Habib Al-Adli left.",
                       ("Carolos Papoulias", "person"), ("Habib Al-Adli", "person"))
    c = _with_mentions("c", "Ana Lopez and Ina Lopez spoke.",
                       ("Ana Lopez", "person"), ("Ina Lopez", "person"))
    entities, _ = resolve_entities([a, b, c])
    assert set(entity_named(entities, "Carolos Papoulias")[0].aliases) == {
        "Karolos Papoulias", "Carolos Papoulias"}
    assert "Habib Al-Adli" in entity_named(entities, "Habib el-Adly")[0].aliases
    assert entity_named(entities, "Ana Lopez") != entity_named(entities, "Ina Lopez")


def test_surnames_written_first_or_with_a_particle_join_the_full_name() -> None:
    a = _with_mentions("a", "Ban Ki-moon flew in. Ban said aid was coming. Herman Van Rompuy "
                       "agreed, and Van Rompuy left.", ("Ban Ki-moon", "person"),
                       ("Ban", "person"), ("Herman Van Rompuy", "person"),
                       ("Van Rompuy", "person"))
    entities, _ = resolve_entities([a])
    assert set(entity_named(entities, "Ban Ki-moon")[0].aliases) == {"Ban Ki-moon", "Ban"}
    assert "Van Rompuy" in entity_named(entities, "Herman Van Rompuy")[0].aliases


def test_acronyms_join_an_expansion_of_their_type_and_a_word_written_acronym_beside_it() -> None:
    a = _with_mentions("a", "MENA reported clashes across the Middle East & North Africa.",
                       ("MENA", "organization"), ("Middle East & North Africa", "location"))
    b = _with_mentions("b", "The Middle East News Agency said so.",
                       ("Middle East News Agency", "organization"))
    c = _with_mentions("c", "The UN Office for the Co-ordination of Humanitarian Affairs (Ocha) "
                       "warned. Ocha said more.",
                       ("UN Office for the Co-ordination of Humanitarian Affairs", "organization"),
                       ("Ocha", "organization"), ("Ocha", "organization"))
    d = _with_mentions("d", "The UN Office for the Coordination of Humanitarian Affairs spoke.",
                       ("UN Office for the Coordination of Humanitarian Affairs", "organization"))
    entities, _ = resolve_entities([a, b, c, d])
    assert "Middle East News Agency" in entity_named(entities, "MENA")[0].aliases
    assert "MENA" not in entity_named(entities, "Middle East & North Africa")[0].aliases
    [office] = entity_named(entities, "Ocha")
    assert "UN Office for the Coordination of Humanitarian Affairs" in office.aliases
    assert len(office.mentions) == 4


def test_one_edit_spellings_of_a_place_join_across_documents_only() -> None:
    a = _with_mentions("a", "Villages in Hormozgan were hit.", ("Hormozgan", "location"))
    b = _with_mentions("b", "Villages in Hormuzgan were hit.", ("Hormuzgan", "location"))
    c = _with_mentions("c", "Zawiya and Zawiyah are near.", ("Zawiya", "location"),
                       ("Zawiyah", "location"))
    entities, _ = resolve_entities([a, b, c])
    assert set(entity_named(entities, "Hormozgan")[0].aliases) == {"Hormozgan", "Hormuzgan"}
    assert entity_named(entities, "Zawiya") != entity_named(entities, "Zawiyah")


def typed_analysis(
    document_id: str, text: str, names: list[tuple[str, EntityType]]
) -> Analysis:
    """A document whose mentions are given by hand: (surface, type), each found in the text."""
    from triangulate.analyze.entities import normalize_name
    from triangulate.model import Mention

    mentions, position = [], 0
    for surface, kind in names:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(Mention(start, position, surface, kind, normalize_name(surface)))
    sentences = tuple(split_sentences(text))
    document = Document(id=document_id, source=f"{document_id}.txt", sha256=document_id, text=text)
    return Analysis(document, sentences, tuple(mentions))


def test_organisation_short_forms_join_their_full_name() -> None:
    first = typed_analysis(
        "d1",
        "The United States Senate voted. Brixel Motor Company said the Norwegian Tax Office "
        "agreed.",
        [("United States Senate", "organization"), ("Brixel Motor Company", "organization"),
         ("Norwegian Tax Office", "organization")],
    )
    second = typed_analysis(
        "d2", "The Senate and Brixel disagreed with the Tax Office.",
        [("Senate", "organization"), ("Brixel", "organization"), ("Tax Office", "organization")],
    )
    entities, _ = resolve_entities([first, second])
    [senate] = entity_named(entities, "Senate")
    assert "United States Senate" in senate.aliases
    [maker] = entity_named(entities, "Brixel")
    assert maker.name == "Brixel Motor Company"
    [office] = entity_named(entities, "Tax Office")
    assert "Norwegian Tax Office" in office.aliases


def test_an_organisation_a_union_of_states_owns_joins_its_short_form() -> None:
    first = typed_analysis(
        "d1", "The UN Grain Relief Programme sent food.",
        [("UN Grain Relief Programme", "organization")],
    )
    second = typed_analysis(
        "d2", "The Grain Relief Programme said more was needed.",
        [("Grain Relief Programme", "organization")],
    )
    entities, _ = resolve_entities([first, second])
    [programme] = entity_named(entities, "Grain Relief Programme")
    assert "UN Grain Relief Programme" in programme.aliases


def test_a_short_form_two_countries_share_joins_neither() -> None:
    first = typed_analysis(
        "d1", "The Swedish Red Lantern and the Danish Red Lantern sent aid.",
        [("Swedish Red Lantern", "organization"), ("Danish Red Lantern", "organization")],
    )
    second = typed_analysis(
        "d2", "The Red Lantern and General Motors said so; the General agreed.",
        [("Red Lantern", "organization"), ("General Motors", "organization"),
         ("General", "organization")],
    )
    entities, _ = resolve_entities([first, second])
    assert len(entity_named(entities, "Red Lantern")) == 1
    assert entity_named(entities, "Red Lantern")[0].aliases == ("Red Lantern",)
    assert len(entity_named(entities, "Swedish Red Lantern")) == 1
    assert "Danish Red Lantern" not in entity_named(entities, "Swedish Red Lantern")[0].aliases
    assert "General" not in entity_named(entities, "General Motors")[0].aliases


def test_a_person_is_also_known_by_title_and_surname_as_written() -> None:
    text = "Mrs. Clinton arrived. Hillary Clinton left, said the minister Brown."
    entities, _ = resolve_entities([typed_analysis(
        "d1", text, [("Clinton", "person"), ("Hillary Clinton", "person"), ("Brown", "person")]
    )])
    [clinton] = entity_named(entities, "Hillary Clinton")
    assert set(clinton.aliases) == {"Hillary Clinton", "Clinton", "Mrs. Clinton"}
    [brown] = entity_named(entities, "Brown")
    assert brown.aliases == ("Brown",)


def test_only_a_whole_title_names_a_person() -> None:
    text = "Prime Minister Brown spoke. Ms Okafor replied to President Ines Duarte."
    entities, _ = resolve_entities([typed_analysis(
        "d1", text, [("Brown", "person"), ("Okafor", "person"), ("Ines Duarte", "person")]
    )])
    assert entity_named(entities, "Brown")[0].aliases == ("Brown",)
    assert entity_named(entities, "Okafor")[0].aliases == ("Okafor", "Ms Okafor")
    assert entity_named(entities, "Ines Duarte")[0].aliases == ("Ines Duarte",)


def test_a_place_is_one_with_or_without_its_subdivision_head() -> None:
    text = "Tarvos Island shook. In Tarvos, houses fell. Cyprus Island? New York State, New York."
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Tarvos Island", "location"), ("Tarvos", "location"), ("Cyprus Island", "location"),
        ("New York State", "location"), ("New York", "location"),
    ])])
    assert set(entity_named(entities, "Tarvos")[0].aliases) == {"Tarvos Island", "Tarvos"}
    assert entity_named(entities, "Cyprus Island")[0].aliases == ("Cyprus Island",)
    assert "New York State" not in entity_named(entities, "New York")[0].aliases


def test_a_wire_credit_in_brackets_is_not_the_place_before_it() -> None:
    text = "CAIRO, Egypt (CNN) -- Protests went on in Egypt."
    entities, _ = resolve_entities([typed_analysis(
        "d1", text, [("CAIRO", "location"), ("Egypt", "location"), ("CNN", "organization"),
                     ("Egypt", "location")]
    )])
    [egypt] = entity_named(entities, "Egypt")
    assert "CNN" not in egypt.aliases
    assert len(egypt.mentions) == 2


def test_two_surnames_run_together_do_not_hide_a_person() -> None:
    first = typed_analysis(
        "d1", "Hosni Mubarak met Barack Obama. Mubarak Obama talks (caption).",
        [("Hosni Mubarak", "person"), ("Barack Obama", "person"), ("Mubarak Obama", "person")],
    )
    second = typed_analysis("d2", "Obama spoke; Osama was not mentioned.",
                            [("Obama", "person"), ("Osama", "person")])
    entities, _ = resolve_entities([first, second])
    [obama] = entity_named(entities, "Barack Obama")
    assert "Obama" in obama.aliases
    assert "Osama" not in obama.aliases


def test_a_place_mistyped_now_and_then_stays_one_place() -> None:
    text = "Aid reached Port-au-Prince. Port-au-Prince said so. In Port-au-Prince, and in Scotland."
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Port-au-Prince", "location"), ("Port-au-Prince", "organization"),
        ("Port-au-Prince", "location"), ("Scotland", "location"),
    ])])
    [city] = entity_named(entities, "Port-au-Prince")
    assert len(city.mentions) == 3 and city.type == "location"
    uk = resolve_entities([typed_analysis("d2", "Britain and Scotland.", [
        ("Britain", "location"), ("Scotland", "location")])])[0]
    assert len(uk) == 2


def test_an_organisation_cut_off_before_its_head_word_joins_it() -> None:
    text = "The Pacific Monetary Fund lent money; the Pacific Monetary fund said it would."
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Pacific Monetary Fund", "organization"), ("Pacific Monetary", "organization")])])
    [fund] = entity_named(entities, "Pacific Monetary Fund")
    assert "Pacific Monetary" in fund.aliases


def test_a_given_name_alone_is_the_one_person_of_the_document_who_has_it() -> None:
    text = ("Karel Dvorak spoke. Whether Karel stays or goes, Dvorak said. "
            "Anna Berg and Anna Holm met; Anna left.")
    entities, _ = resolve_entities([typed_analysis("d1", text, [
        ("Karel Dvorak", "person"), ("Karel", "person"), ("Dvorak", "person"),
        ("Anna Berg", "person"), ("Anna Holm", "person"), ("Anna", "person"),
    ])])
    [karel] = entity_named(entities, "Karel Dvorak")
    assert set(karel.aliases) == {"Karel Dvorak", "Karel", "Dvorak"}
    assert "Anna" not in entity_named(entities, "Anna Berg")[0].aliases
    assert "Anna" not in entity_named(entities, "Anna Holm")[0].aliases


def test_a_country_named_among_listed_states_is_a_state_of_that_name() -> None:
    first = "Mexico closed its schools. Officials in Mexico said the outbreak was slowing."
    second = (
        "The governor closed schools in the states of Mexico and Puebla. "
        "Mexico asked for vaccines."
    )
    entities, _ = resolve_entities([analysis("d1", first), analysis("d2", second)])
    mexico = entity_named(entities, "Mexico")
    assert sorted(len(entity.mentions) for entity in mexico) == [1, 3]
    [state] = [entity for entity in mexico if len(entity.mentions) == 1]
    assert second[state.mentions[0].start - 10 : state.mentions[0].start] == "states of "


def test_a_town_also_called_by_the_island_name_is_not_the_island() -> None:
    first = "The quake struck Qeshm island. Qeshm is home to 120,000 people."
    second = (
        "Villages on Qeshm were razed. The island's main town, also called Qeshm, "
        "was undamaged."
    )
    entities, _ = resolve_entities([analysis("d1", first), analysis("d2", second)])
    qeshm = entity_named(entities, "Qeshm")
    assert sorted(len(entity.mentions) for entity in qeshm) == [1, 3]
    [town] = [entity for entity in qeshm if len(entity.mentions) == 1]
    assert second[town.mentions[0].start - 12 : town.mentions[0].start] == "also called "
    assert town.type == "location"


def test_countries_listed_after_a_plural_of_states_stay_countries() -> None:
    first = "Oman closed its schools. Officials in Oman said the quake was felt."
    second = "It was felt in the neighbouring Gulf states of Oman and the UAE."
    entities, _ = resolve_entities([analysis("d1", first), analysis("d2", second)])
    [oman] = entity_named(entities, "Oman")
    assert len(oman.mentions) == 3
