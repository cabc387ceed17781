"""Quantities: numbers with what they count, how they are hedged, and what is not a quantity."""

from __future__ import annotations

import random

import pytest

from triangulate.analyze.quantities import find_quantities
from triangulate.language.en.plurals import singular
from triangulate.model import Quantity


def only(text: str) -> Quantity:
    quantities = find_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def summary(text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry carried 312 passengers.", ("312 passengers", 312, "passenger", "exact")),
        ("Rescuers found seven survivors.", ("seven survivors", 7, "survivor", "exact")),
        ("The port handled 5,000 containers.", ("5,000 containers", 5000, "container", "exact")),
        ("The lake rose 2.5 metres overnight.", ("2.5 metres", 2.5, "m", "exact")),
        ("A convoy of 20 000 lorries queued.", ("20 000 lorries", 20000, "lorry", "exact")),
        ("We hired twenty-five cooks.", ("twenty-five cooks", 25, "cook", "exact")),
        ("The club sold a dozen players.", ("a dozen players", 12, "player", "exact")),
        ("The census counted one million voters.", ("one million voters", 1e6, "voter", "exact")),
        ("The city has 1.2 million voters.", ("1.2 million voters", 1.2e6, "voter", "exact")),
    ],
)
def test_counts_and_measures(text: str, expected: tuple[str, float, str, str]) -> None:
    quantity = only(text)
    assert (quantity.text, quantity.value, quantity.unit, quantity.qualifier) == expected
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The province received $6 billion in loans.", 6e9, "usd"),
        ("The club paid €5m for the goalkeeper.", 5e6, "eur"),
        ("The budget set aside 500 million rubles.", 5e8, "rub"),
        ("The charity raised £2.5m last year.", 2.5e6, "gbp"),
        ("The scraped page said \\$6 billion was spent.", 6e9, "usd"),
        ("The contract is worth 3 billion dollars.", 3e9, "usd"),
        ("Analysts expect USD 12 million in fines.", 1.2e7, "usd"),
        ("Turnout reached 64 percent.", 64, "percent"),
        ("Turnout reached 64%.", 64, "percent"),
        ("Turnout reached 64 per cent.", 64, "percent"),
        ("The fleet sailed 1500 km south.", 1500, "km"),
        ("The siege lasted 38 days.", 38, "day"),
        ("The dictator ruled for 31 years.", 31, "year"),
        ("The crane lifted 250 tonnes.", 250, "ton"),
        ("The crane lifted 250 tons.", 250, "ton"),
        ("Thermometers showed 41C at noon.", 41, "celsius"),
        ("The floods hit 1.5m people.", 1.5e6, "person"),
    ],
)
def test_money_percent_and_units(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier", "span"),
    [
        ("The army sent more than 350 tanks.", "over", "more than 350 tanks"),
        ("The army sent over 350 tanks.", "over", "over 350 tanks"),
        ("The army sent in excess of 350 tanks.", "over", "in excess of 350 tanks"),
        ("The army sent at least 350 tanks.", "at_least", "at least 350 tanks"),
        ("The army sent no fewer than 350 tanks.", "at_least", "no fewer than 350 tanks"),
        ("The army sent about 350 tanks.", "about", "about 350 tanks"),
        ("The army sent some 350 tanks.", "about", "some 350 tanks"),
        ("The army sent an estimated 350 tanks.", "about", "an estimated 350 tanks"),
        ("The army sent nearly 350 tanks.", "about", "nearly 350 tanks"),
        ("The army sent up to 350 tanks.", "up_to", "up to 350 tanks"),
        ("The army sent fewer than 350 tanks.", "under", "fewer than 350 tanks"),
        ("The army sent below 350 tanks.", "under", "below 350 tanks"),
        ("The army sent no more than 350 tanks.", "at_most", "no more than 350 tanks"),
        ("The army sent a maximum of 350 tanks.", "at_most", "a maximum of 350 tanks"),
        ("The army sent just over 350 tanks.", "over", "just over 350 tanks"),
        ("The army sent 350 tanks or more.", "at_least", "350 tanks or more"),
    ],
)
def test_qualifiers_belong_to_the_span(text: str, qualifier: str, span: str) -> None:
    quantity = only(text)
    assert (quantity.qualifier, quantity.text, quantity.value, quantity.unit) == (
        qualifier,
        span,
        350,
        "tank",
    )


def test_verb_qualifier_stays_out_of_the_span() -> None:
    quantity = only("Grain shipments exceeded 900 tonnes in the spring.")
    assert (quantity.text, quantity.value, quantity.unit, quantity.qualifier) == (
        "900 tonnes",
        900,
        "ton",
        "over",
    )
    assert only("Ticket sales topped $2 million.").qualifier == "over"


def test_vague_plurals_are_at_least_the_round_number() -> None:
    assert summary("Hundreds of pilgrims waited at the gate.") == [
        ("Hundreds of pilgrims", 100, "pilgrim", "at_least")
    ]
    assert summary("Tens of thousands of fans sang.") == [
        ("Tens of thousands of fans", 10000, "fan", "at_least")
    ]
    assert summary("Dozens of boats sank.") == [("Dozens of boats", 12, "boat", "at_least")]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("The storm killed 10-15 cattle.", 10, 15, "cattle"),
        ("Between 10 and 15 miners are trapped.", 10, 15, "miner"),
        ("Officials expect 3 to 4 million tourists.", 3e6, 4e6, "tourist"),
        ("The upgrade costs $3-5 billion.", 3e9, 5e9, "usd"),
        ("Yields held at 4.1%-4.3% all week.", 4.1, 4.3, "percent"),
    ],
)
def test_ranges(text: str, value: float, value_max: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.value_max, quantity.unit) == (
        pytest.approx(value),
        pytest.approx(value_max),
        unit,
    )


def test_the_counted_noun_skips_adjectives_and_nationalities() -> None:
    assert [q.unit for q in find_quantities("Nine Belgian peacekeepers and 300 small farms.")] == [
        "peacekeeper",
        "farm",
    ]
    assert only("Four heavily armed Danish policemen arrived.").unit == "policeman"
    assert only("They lost two military cargo aircraft.").unit == "aircraft"
    assert only("The police arrested 14 Israelis.").unit == "israeli"
    assert only("Firefighters saved 40 children.").unit == "child"


def test_compound_duration_is_one_quantity_in_the_smallest_unit() -> None:
    quantity = only("The hearing lasted 2 hours 15 minutes.")
    assert (quantity.text, quantity.value, quantity.unit) == ("2 hours 15 minutes", 135, "minute")


def test_hyphenated_measures_and_ages() -> None:
    assert summary("A 30-year-old nurse began a 12-day strike.") == [
        ("30-year-old", 30, "year", "exact"),
        ("12-day", 12, "day", "exact"),
    ]


def test_bare_numbers_and_partitives() -> None:
    assert summary("The toll rose to 87.") == [("87", 87, "", "exact")]
    assert summary("Four of the hikers were found.") == [("Four", 4, "hiker", "exact")]
    assert summary("The party took 140 of the 300 seats.") == [
        ("140", 140, "seat", "exact"),
        ("300 seats", 300, "seat", "exact"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1997.",
        "The vote is set for 3 March 2026.",
        "The festival runs June 4-9 this year.",
        "Ballots were counted on 2, 3 and 5 May.",
        "The 1980s were hard for the mill.",
        "The train left at 17:45.",
        "The bus left at 7 a.m. sharp.",
        "The 31st brigade moved north.",
        "An An-124 landed near the G20 venue.",
        "Patients with Covid-19 were isolated.",
        "The A7 motorway is closed.",
        "Article 9 bans it.",
        "He owns a Boeing 747.",
        "No one answered the phone.",
        "One of them was arrested.",
        "One might think otherwise.",
        "Each one was checked.",
        "The hosts won 4-2.",
        "Almost a third of the town was flooded.",
        "Two thirds of the budget went on wages.",
        "The Group of Seven met in Italy.",
        "Three weeks later the bridge reopened.",
        "Rates rose in 2019-20.",
        "Results were published on 2021-05-14.",
        "See www.example.org/item/44812 for details.",
        "Figures are listed below:\n1. Revenue\n2. Costs",
        "The firm operates 24/7.",
        "Its policy of zero tolerance stays.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_one_counts_when_it_counts_something() -> None:
    assert summary("Only one lifeboat was launched.") == [("one lifeboat", 1, "lifeboat", "exact")]


def test_year_like_numbers_that_count() -> None:
    assert summary("The crew sailed 1900 miles.") == [("1900 miles", 1900, "mile", "exact")]
    assert summary("Over 2000 workers joined the strike.") == [
        ("Over 2000 workers", 2000, "worker", "over")
    ]


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("servicemen", "serviceman"), ("people", "person"), ("children", "child"),
        ("aircraft", "aircraft"), ("sheep", "sheep"), ("cities", "city"), ("matches", "match"),
        ("dishes", "dish"), ("losses", "loss"), ("taxes", "tax"), ("flights", "flight"),
        ("news", "news"), ("status", "status"),
    ],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_spans_are_ordered_disjoint_and_exact_on_noisy_text() -> None:
    pieces = [
        "over", "250", "tons", "$", "\\", "6", "billion", "-", "15", "of", "the", "one", "no",
        "2020", "July", "12", ",", ".", "%", "million", "between", "and", "G", "7", "people",
        "hundreds", "a", "dozen", "km", "2", "hours", "15", "minutes", "€", "5m", "to", "An-124",
    ]
    generator = random.Random(7)
    for _ in range(300):
        text = " ".join(generator.choice(pieces) for _ in range(generator.randint(1, 25)))
        position = 0
        for quantity in find_quantities(text):
            assert text[quantity.start : quantity.end] == quantity.text
            assert quantity.start >= position and quantity.end > quantity.start
            position = quantity.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last week 40 people were hurt.", ("40 people", 40, "person", "exact")),
        ("Shares rose 3pc.", ("3pc", 3, "percent", "exact")),
        ("The scheme costs Rs 500 crore.", ("Rs 500 crore", 5e9, "inr", "exact")),
        ("They sent 50 special forces troops.", ("50 special forces troops", 50, "troop", "exact")),
        ("Nine adults smokes there.", ("Nine adults", 9, "adult", "exact")),
        ("Store at minus 20 degrees C.", ("minus 20 degrees C", -20, "celsius", "exact")),
        ("A magnitude 5.9 tremor hit.", ("magnitude 5.9", 5.9, "magnitude", "exact")),
        ("Nearly 12 Pakistanis drowned.", ("Nearly 12 Pakistanis", 12, "pakistani", "about")),
        ("Two of these ships sank.", ("Two", 2, "ship", "exact")),
    ],
)
def test_general_fixes_from_held_out_sentences(
    text: str, expected: tuple[str, float, str, str]
) -> None:
    quantity = only(text)
    assert (quantity.text, quantity.value, quantity.unit, quantity.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [("a 1,500-square-kilometer island", "km2"), ("a 40-square-mile zone", "sq_mile")],
)
def test_a_unit_of_several_hyphenated_words_is_one_measure(text: str, unit: str) -> None:
    [quantity] = find_quantities(text)
    assert quantity.unit == unit and quantity.text == text.split()[1]


def test_a_change_by_an_amount_to_a_level_is_no_range() -> None:
    found = find_quantities("Mexico's death toll rose by three to 78 on Thursday.")
    assert [(q.text, q.value, q.value_max) for q in found] == [
        ("three", 3.0, None), ("78", 78.0, None)
    ]


def test_magnitudes_written_before_with_a_hyphen_or_on_the_richter_scale() -> None:
    from triangulate.analyze.quantities import find_quantities

    found = [(q.text, q.value, q.unit) for q in find_quantities(
        "A magnitude-5.9 quake struck; an aftershock measuring 3.8 on the Richter scale "
        "followed, and COVID-19 wards filled.")]
    assert found == [("magnitude-5.9", 5.9, "magnitude"),
                     ("3.8 on the Richter scale", 3.8, "magnitude")]
    after = [(q.text, q.unit) for q in find_quantities(
        "A 5.9 magnitude earthquake leveled seven villages; five magnitude scales exist.")]
    assert after == [("5.9 magnitude", "magnitude"), ("seven villages", "village"),
                     ("five magnitude scales", "scale")]


def test_a_code_between_the_number_and_the_noun_modifies_the_noun() -> None:
    text = "The WHO confirmed 787 H1N1 infections in 17 countries."
    (infections, countries) = find_quantities(text)
    assert (infections.text, infections.unit) == ("787 H1N1 infections", "infection")
    assert countries.unit == "country"
    (deaths,) = find_quantities("There were 12 COVID-19 deaths on Monday.")
    assert (deaths.value, deaths.unit) == (12, "death")


def test_a_number_word_opening_a_line_counts_even_after_a_headline() -> None:
    from triangulate.analyze.quantities import find_quantities

    found = [(q.text, q.unit) for q in find_quantities(
        "3 dead after protesters torch bank\n\nThree people died in a burning bank.")]
    assert found == [("3 dead", "dead"), ("Three people", "person")]
    assert [q.text for q in find_quantities("Ocean's Eleven opened on Friday.")] == []


def test_a_word_that_stands_for_people_is_what_a_number_counts() -> None:
    from triangulate.analyze.quantities import find_quantities

    found = {q.text: q.unit for q in find_quantities(
        "He said 30 of the 80 wounded remained in hospital. There were 12 missing.")}
    assert found["80 wounded"] == "wounded" and found["12 missing"] == "missing"
    found = {q.text: q.unit for q in find_quantities("Police said 80 injured people were hurt.")}
    assert found["80 injured people"] == "person"


def test_a_line_in_capitals_counts_words_not_acronyms() -> None:
    found = find_quantities("Greek TV said THREE PEOPLE HAVE DIED IN A BLAZE downtown.")
    assert [(q.text, q.value, q.unit) for q in found] == [("THREE PEOPLE", 3.0, "person")]
    assert [q.unit for q in find_quantities("The rebels freed 40 NATO troops.")] == ["troop"]
