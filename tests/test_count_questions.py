"""Which counts answer one question, and how bounds meet: the story's reports built by hand."""

from __future__ import annotations

from triangulate.model import Quantity
from triangulate.reconcile import reconcile

from .test_facts import _analysis, _compare, _facts, pytestmark  # noqa: F401  (the model must be installed)


def test_a_sentence_opening_with_it_tells_of_the_happening_dated_before() -> None:
    facts = _facts(
        "The last major quake to hit the region was in February, when a temblor rocked a town "
        "of about 15,000 people. It killed 612 people and injured more than 1,400."
    )
    assert facts["612 people"].time is not None and facts["612 people"].time.start == "2009-02"
    assert facts["more than 1,400"].time is not None
    assert facts["more than 1,400"].time.start == "2009-02"


def test_an_it_inside_a_sentence_takes_no_date_from_the_one_before() -> None:
    facts = _facts(
        "The virus was first found in Tarvos on Monday. "
        "A child has died in Brixel, where it may have killed as many as 159 people."
    )
    assert facts["as many as 159 people"].time is None


def test_a_loose_word_and_a_written_bound_above_it_are_one_count_told_loosely() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said dozens of miners were injured in the pit blast."),
        ("b", "2010-05-06", "The union said as many as 80 miners were injured in the pit blast."),
    )
    assert made == [("partial", {"a", "b"})]


def test_two_written_bounds_are_two_figures() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said more than 100 miners were injured in the pit blast."),
        ("b", "2010-05-06", "The union said up to 159 miners were injured in the pit blast."),
    )
    assert made == [("conflict", {"a", "b"})]


def test_a_range_and_a_bound_at_its_low_end_are_different_answers_of_one_report() -> None:
    made = _compare(
        ("a", "2010-01-16", "Officials said there will be between 100,000 and 200,000 dead. "
                            "The agency said the death toll could be as high as 100,000."),
        ("b", "2010-01-17", "The agency put the death toll at 50,000-100,000."),
    )
    assert ("partial", {"a", "b"}) in made


def test_a_running_total_begun_years_before_is_not_this_months_toll() -> None:
    made = _compare(
        ("a", "2009-04-29", "Officials said the new virus has killed 159 people in Tarvos this "
                            "month."),
        ("b", "2009-04-29", "Bird flu has killed 257 people in Tarvos since it re-emerged in "
                            "2003."),
    )
    assert made == []


def test_bounds_that_cannot_meet_are_not_loose() -> None:
    from triangulate.reconcile.count_values import bounds_met_together

    dozens = Quantity(0, 6, "dozens", 12.0, "person", qualifier="at_least")
    at_most = Quantity(0, 10, "up to 10", 10.0, "person", qualifier="up_to")
    assert not bounds_met_together(dozens, at_most)


def test_one_sources_figures_for_one_happening_answer_one_question() -> None:
    reports = [
        _analysis("Human Rights Watch said on Tuesday that 302 people had been killed in the "
                  "protests across the country.", "a", "2011-02-10"),
        _analysis("Human Rights Watch has put the death toll at more than 300 since the "
                  "January 25 rally that ignited the movement.", "b", "2011-02-10"),
    ]
    made = reconcile(reports).comparisons
    assert [(c.verdict, {i.split("-")[0] for i in c.claims}) for c in made] == [
        ("partial", {"a", "b"})]


def test_a_level_raised_between_two_reports_is_an_update() -> None:
    facts = _facts("The agency raised its pandemic alert level to phase four on Monday.")
    assert facts["four"].quantity.unit == "level"
    made = _compare(
        ("a", "2009-04-28", "The agency raised its pandemic alert level to phase four."),
        ("b", "2009-04-29", "The agency raised its pandemic alert level to phase 5."),
    )
    assert made == [("update", {"a", "b"})]


def test_workers_employees_and_staff_are_counted_together() -> None:
    made = _compare(
        ("a", "2010-01-16", "The agency said 14 of its staff were killed in the quake."),
        ("b", "2010-01-16", "The agency said 40 of its employees were killed in the quake."),
    )
    assert made == [("conflict", {"a", "b"})]


def test_counts_of_a_happening_noun_answer_one_question_without_shared_words() -> None:
    made = _compare(
        ("a", "2005-11-28", "Officials said three strong aftershocks were felt."),
        ("b", "2005-11-28", "It hit at noon and was followed by at least four strong "
                            "aftershocks, the agency said."),
    )
    assert [verdict for verdict, sides in made if sides == {"a", "b"}] == ["conflict"]


def test_an_amount_cut_from_a_deficit_is_a_saving_not_a_bailout() -> None:
    facts = _facts("The government is attempting to slice 30bn euros from its deficit.")
    assert facts["30bn euros"].measure == ("saving",)
    made = _compare(
        ("a", "2010-05-05", "The government is attempting to slice 30bn euros from its deficit "
                            "over the next three years."),
        ("b", "2010-05-05", "He defended the government's plans, which foresee 30 billion euros in "
                            "savings from cuts in wages and pensions."),
        ("c", "2010-05-05", "The country agreed a 110bn euro bailout package with its lenders "
                            "to cut its deficit."),
    )
    assert made == [("agree", {"a", "b"})]


def test_a_date_only_of_the_saying_tells_how_far_the_count_reaches() -> None:
    facts = _facts("The agency said on Monday that 41 countries had reported 11,034 cases.")
    time = facts["11,034 cases"].time
    assert time is not None and time.start is None and time.end == "2010-01-18"
    facts = _facts("The agency said that 41 countries reported 11,034 cases on Monday.")
    time = facts["11,034 cases"].time
    assert time is not None and time.start == time.end == "2010-01-18"


def test_a_higher_count_told_as_of_a_later_day_in_reports_of_one_day_is_an_update() -> None:
    made = _compare(
        ("a", "2009-05-22", "The agency said on Thursday that 41 countries had reported 11,034 "
                            "cases of swine flu."),
        ("b", "2009-05-22", "The agency said on Friday that 42 countries had recorded 11,168 "
                            "cases of swine flu."),
    )
    assert ("update", {"a", "b"}) in made


def test_counts_told_months_apart_answer_different_questions() -> None:
    made = _compare(
        ("a", "2005-11-28", "Officials said in February that the quake had killed 612 people."),
        ("b", "2005-11-28", "Officials said the quake had killed at least 10 people."),
    )
    assert made == []


def test_a_days_toll_and_a_later_toll_of_a_few_days_taking_it_in_are_an_update() -> None:
    made = _compare(
        ("a", "2011-02-02", "Three people were killed in Wednesday's clashes in Tarvos, the "
                            "ministry said."),
        ("b", "2011-02-04", "Supporters clashed in Tarvos on Wednesday and Thursday, leaving at "
                            "least 11 people dead."),
    )
    assert ("update", {"a", "b"}) in made


def test_a_days_toll_is_no_answer_of_a_long_span_taking_it_in() -> None:
    made = _compare(
        ("a", "2011-02-02", "Three people were killed in Wednesday's clashes in Tarvos, the "
                            "ministry said."),
        ("b", "2011-02-04", "From January 20 to February 3, at least 11 people died in clashes "
                            "in Tarvos."),
    )
    assert made == []


def test_a_place_named_a_few_words_after_a_count_makes_it_a_part_of_the_list() -> None:
    facts = _facts("Staff have confirmed 80 deaths from two hospitals in Tarvos, 36 deaths in "
                   "Brixel and 13 fatalities in Ostrava.")
    assert facts["80 deaths"].part and facts["80 deaths"].places == ("tarvos",)
    assert not facts["two hospitals"].part


def test_a_later_part_of_a_list_with_its_total_is_explained_with_the_total() -> None:
    texts = (
        ("a", "2011-01-31", "Staff have confirmed 80 deaths from two hospitals in Tarvos, "
                            "36 deaths in Brixel and 13 fatalities in Ostrava."),
        ("b", "2011-02-10", "The group said 302 people had been killed in the protests -- "
                            "232 in Tarvos, 52 in Brixel and 18 in Ostrava."),
    )
    analyses = [_analysis(text, doc_id, published) for doc_id, published, text in texts]
    made = reconcile(analyses).comparisons
    tarvos = [c for c in made if "232 people in Tarvos" in c.explanation]
    assert [c.verdict for c in tarvos] == ["update"]
    assert "80 deaths in Tarvos" in tarvos[0].explanation
    assert "of 302 in all" in tarvos[0].explanation


def test_the_figures_of_a_clock_time_count_nothing() -> None:
    analysis = _analysis("The quake, which struck at 1353 (1023 GMT), killed 12 people.")
    assert [q.text for q in analysis.quantities] == ["12 people"]


def test_an_undated_magnitude_told_days_after_a_dated_shock_is_another_shock() -> None:
    made = _compare(
        ("a", "2010-01-20", "The magnitude 6.1 tremor struck west of the capital at 0603 local "
                            "time (1103 GMT)."),
        ("b", "2010-01-23", "Rescuers are still searching after the 7.0-magnitude quake hit the "
                            "capital."),
        ("c", "2010-01-20", "A 5.9-magnitude tremor struck west of the capital, the agency said."),
    )
    assert made == [("conflict", {"a", "c"})]


def test_people_buried_are_counted_as_bodies() -> None:
    made = _compare(
        ("a", "2010-01-18", "At least 70,000 people have already had burials in mass graves "
                            "outside the capital, officials said."),
        ("b", "2010-01-20", "Officials said 75,000 bodies had already been buried in mass "
                            "graves outside the capital."),
        ("c", "2010-01-20", "Officials said 200,000 people had been killed in the quake."),
    )
    assert [claims for _, claims in made] == [{"a", "b"}]  # the toll is another question


def test_a_count_added_to_one_told_before_answers_no_question_of_the_whole() -> None:
    analysis = _analysis("Around 20 more people had to be ushered to safety.")
    assert [(q.text, q.unit) for q in analysis.quantities] == [("Around 20 more people", "person")]
    made = _compare(
        ("a", "2005-11-27", "Officials said at least three people died in the quake on "
                            "the island."),
        ("b", "2005-11-28", "The governor said two more people died in the quake on the "
                            "island."),
    )
    assert made == []


def test_a_count_placed_where_the_other_report_never_goes_is_another_places() -> None:
    made = _compare(
        ("a", "2005-11-27", "A quake struck Tarvos island on Sunday. Officials said ten people "
                            "were killed."),
        ("b", "2005-11-27", "A quake struck Tarvos island on Sunday. On Saturday, more than a "
                            "dozen people were killed by a quake in eastern Brixelia."),
        ("c", "2005-11-28", "A quake struck Tarvos island on Sunday. Officials said 12 people were "
                            "killed on Tarvos island."),
    )
    assert [sides for _, sides in made] == [{"a", "c"}]


def test_a_lower_count_told_a_week_later_unmarked_is_another_happenings() -> None:
    made = _compare(
        ("a", "2011-01-29", "Officials said at least 13 people were killed in clashes with "
                            "police."),
        ("b", "2011-02-10", "State TV said two people were killed in clashes with police."),
    )
    assert made == []


def test_a_lower_count_told_days_later_as_confirmed_revises_the_count() -> None:
    made = _compare(
        ("a", "2009-04-26", "Officials said 20 people have died of the flu in Tarvos."),
        ("b", "2009-05-02", "Officials said 16 flu deaths in Tarvos have been confirmed."),
    )
    assert made == [("update", {"a", "b"})]
    [comparison] = reconcile([_analysis(text, doc_id, published) for doc_id, published, text in (
        ("a", "2009-04-26", "Officials said 20 people have died of the flu in Tarvos."),
        ("b", "2009-05-02", "Officials said 16 flu deaths in Tarvos have been confirmed."),
    )]).comparisons
    assert "gives a lower count than" in comparison.explanation


def test_rival_estimates_told_days_apart_still_conflict() -> None:
    made = _compare(
        ("a", "2010-01-13", "The prime minister said the quake's death toll was more than "
                            "100,000."),
        ("b", "2010-01-16", "The agency said the quake's death toll could be as high as 100,000."),
    )
    assert made == [("conflict", {"a", "b"})]


def test_where_an_agency_sits_is_not_where_its_figure_is() -> None:
    facts = _facts("The quake measured 5.9, but the Geological Survey in Golden, Colorado, said "
                   "it was a magnitude-6.1 temblor.")
    assert all(not fact.places for fact in facts.values())


def test_a_count_of_a_described_place_is_that_places() -> None:
    facts = _facts("Tarvos is the largest island in the Brixel Sea, with a population of 120,000.")
    assert facts["120,000"].places == ("tarvos",)


def test_a_distance_converted_from_kilometres_is_one_distance_with_another_reports() -> None:
    made = _compare(
        ("a", "2005-11-27", "The survey said the epicentre was 35 miles from Tarvos City."),
        ("b", "2005-11-28", "The survey said the epicentre was about 58km (36 miles) from Tarvos "
                            "City."),
    )
    assert ("partial", {"a", "b"}) in made and not [v for v, _ in made if v == "conflict"]


def test_a_count_another_report_tells_rising_from_is_the_count_before_the_rise() -> None:
    told = (
        ("a", "2009-05-22", "Officials said 75 people have died of swine flu in Tarvos."),
        ("b", "2009-05-22", "Officials said the swine flu death toll in Tarvos rose by three to 78 "
                            "on Thursday."),
    )
    made = _compare(*told)
    assert made == [("update", {"a", "b"})]
    [comparison] = reconcile([_analysis(text, doc_id, published)
                              for doc_id, published, text in told]).comparisons
    assert "rising by 3 to 78" in comparison.explanation


def test_two_upper_bounds_that_reach_one_figure_are_no_conflict() -> None:
    made = _compare(
        ("a", "2010-01-17", "The UN said up to 80-90% of buildings in Tarvos were destroyed."),
        ("b", "2010-01-17", "Officials said up to 90% of buildings in Tarvos were destroyed."),
    )
    assert made == [("partial", {"a", "b"})]
