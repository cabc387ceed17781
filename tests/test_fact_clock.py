"""Times of day and durations as facts, and how reports that give them are compared."""

from __future__ import annotations

from triangulate.language.en.measures import CLOCK_GMT, CLOCK_LOCAL
from triangulate.model import Quantity
from triangulate.reconcile.count_values import values_agree
from triangulate.reconcile.units import describe

from .test_facts import _analysis, _compare, _facts, pytestmark  # noqa: F401


def test_a_time_of_day_is_a_fact_of_minutes_after_midnight_in_its_own_zone() -> None:
    facts = _facts(
        "The quake, which struck at 1353 (1023 GMT), was felt across the Gulf. "
        "The first aid flight landed at 0440 GMT on Monday."
    )
    struck = facts["1353 (1023 GMT)"]
    assert (struck.quantity.value, struck.quantity.unit) == (13 * 60 + 53, CLOCK_LOCAL)
    assert struck.kinds == ("~strike",)
    landed = next(f for text, f in facts.items() if text.startswith("0440"))
    assert (landed.quantity.value, landed.quantity.unit) == (4 * 60 + 40, CLOCK_GMT)


def test_a_duration_in_seconds_says_what_lasted_only_when_the_clause_says_so() -> None:
    facts = _facts(
        "An office worker said the tremor lasted 30 seconds. "
        "Witnesses reported sensing a definite tremor for one minute. "
        "Rescuers were given 48 hours to reach the villages."
    )
    assert (facts["30 seconds"].quantity.value, facts["30 seconds"].kinds) == (30, ("last",))
    assert facts["30 seconds"].measure == ("quake",)
    minute = facts["one minute"]
    assert (minute.quantity.value, minute.quantity.unit, minute.kinds) == (60, "second", ("last",))
    assert "last" not in facts["48 hours"].kinds


def test_one_moment_told_two_ways_agrees_and_two_durations_conflict() -> None:
    made = _compare(
        ("a", "2005-11-27", "A powerful earthquake hit Qeshm island in the Gulf on Sunday. "
         "The quake struck Qeshm at 1353 (1023 GMT), state media said. "
         "In the city of Dubai, tall buildings on the Gulf coast were evacuated. "
         "It lasted around 30 seconds, the tremor felt in Dubai, said an executive."),
        ("b", "2005-11-28", "A strong earthquake hit Qeshm island in the Gulf on Sunday. "
         "The quake hit Qeshm at 1:53 p.m. local time, state media said. "
         "In the city of Dubai, tall buildings on the Gulf coast were evacuated. "
         "Witnesses in Dubai felt the tremor lasting one minute, said an executive."),
    )
    assert ("agree", {"a", "b"}) in made
    assert ("conflict", {"a", "b"}) in made


def test_a_count_a_speaker_gives_of_the_place_they_speak_from_is_that_places_part() -> None:
    analysis = _analysis(
        'David Orr said many thousands were feared dead. " Nearly every house was destroyed '
        'here. The military are talking about 20,000 to 30,000 dead. "'
    )
    (fact,) = [f for c in analysis.claims for f in c.facts if f.quantity.value == 20000]
    assert fact.part and not fact.places
    quoted_after = _analysis(
        'David Orr said many thousands were feared dead. " Nearly every house was destroyed '
        'here. "'
    )
    (feared,) = [f for c in quoted_after.claims for f in c.facts]
    assert feared.part and not feared.places


def test_clock_times_and_durations_are_written_as_a_reader_reads_them() -> None:
    assert describe(Quantity(0, 4, "1353", 833, CLOCK_LOCAL)) == "13:53 local time"
    assert describe(Quantity(0, 8, "one minute", 60, "second")) == "1 minute"
    assert describe(Quantity(0, 10, "30 seconds", 30, "second", "about")) == "about 30 seconds"
    about = Quantity(0, 4, "about 1:50 p.m.", 830, CLOCK_LOCAL, "about")
    assert values_agree(about, Quantity(0, 4, "1353", 833, CLOCK_LOCAL))
    assert not values_agree(about, Quantity(0, 4, "2:30 p.m.", 870, CLOCK_LOCAL))


def test_an_age_is_a_fact_in_months_and_ages_in_a_list_are_each_ones_own() -> None:
    facts = _facts(
        "Texas officials said a 22-month-old boy had died. The man, 45 years old, was rescued. "
        "A 35-year-old woman and a 36-year-old man died in the fire."
    )
    boy = facts["22-month-old"]
    assert (boy.quantity.value, boy.quantity.unit, boy.measure) == (22, "month", ("age",))
    assert facts["45 years"].quantity.value == 45 * 12 and not facts["45 years"].part
    assert facts["35-year-old"].part and facts["36-year-old"].part
    assert describe(facts["45 years"].quantity) == "45 years"
    assert describe(boy.quantity) == "22 months"


def test_one_persons_age_told_differently_conflicts_but_two_peoples_ages_do_not() -> None:
    made = _compare(
        ("a", "2009-04-29", "Texas officials said a 22-month-old boy had died of swine flu, the "
         "first death from the virus outside Mexico."),
        ("b", "2009-04-29", "A 23-month-old Mexican child has died of swine flu in Texas, the "
         "first death from the virus outside Mexico."),
        ("c", "2009-04-29", "A 39-year-old woman has died of swine flu in Texas, the second "
         "death from the virus outside Mexico."),
    )
    assert ("conflict", {"a", "b"}) in made
    assert not [docs for _, docs in made if "c" in docs]
