"""Facts read from the parse: what a count counts, what happened to it, where; and the
questions reconciliation lets facts answer together."""

from __future__ import annotations

import pytest

from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Analysis, ClaimRecord, Fact
from triangulate.reconcile import reconcile
from triangulate.reconcile.compare import compare_claims

from .conftest import make_document

pytestmark = pytest.mark.skipif(
    not __import__("triangulate.analyze.parse", fromlist=["model_path"]).model_path()
    .joinpath("config.cfg").is_file(),
    reason="the trained pipeline is not installed",
)


def _analysis(text: str, doc_id: str = "d1", published: str = "2010-01-20") -> Analysis:
    return analyze_document(make_document(text, doc_id, published=published,
                                          publisher=f"Outlet {doc_id}"))


def _facts(text: str) -> dict[str, Fact]:
    analysis = _analysis(text)
    return {f.quantity.text: f for c in analysis.claims for f in c.facts}


def test_the_predicate_says_what_happened_to_what_is_counted() -> None:
    facts = _facts(
        "Up to three million people in Haiti have been affected by the earthquake. "
        "An estimated 1.5 million people were left homeless by the quake. "
        "The quake killed as many as 200,000 people."
    )
    affected = facts["Up to three million people"]
    assert affected.kinds == ("affect",) and affected.phrase == "have been affected"
    assert affected.places == ("haiti",)
    assert facts["An estimated 1.5 million people"].kinds == ("displace",)
    killed = facts["as many as 200,000 people"]
    assert killed.kinds == ("die",) and killed.phrase == "were killed"


def test_a_target_date_does_not_date_the_count() -> None:
    analysis = analyze_document(make_document(
        "Tarvos Motors is seeking to cut 31,500 jobs by 2012.", published="2009-02-03"))
    cut = next(f for c in analysis.claims for f in c.facts if f.quantity.value == 31500)
    assert cut.time is None or cut.time.start != "2012"
    reached = analyze_document(make_document(
        "By 2008, Tarvos Motors had cut 31,500 jobs.", published="2009-02-03"))
    done = next(f for c in reached.claims for f in c.facts if f.quantity.value == 31500)
    assert done.time is not None and done.time.start == "2008"


def test_people_brought_to_safety_are_rescued() -> None:
    facts = _facts("Around 20 more people had to be ushered to safety.")
    assert facts["Around 20 more people"].kinds == ("rescue",)


def test_one_sentence_gives_a_fact_for_each_happening() -> None:
    facts = _facts("The earthquake hit the island, killing at least 10 people and injuring 80.")
    assert facts["at least 10 people"].kinds == ("die",)
    assert facts["80"].kinds == ("injure",)
    assert facts["80"].quantity.unit == "person"


def test_a_bare_figure_gets_what_it_measures_from_the_parse() -> None:
    facts = _facts(
        "The official death toll from the quake rose to 110,000. "
        "The seismological centre put the magnitude of the quake at 5.9."
    )
    toll = facts["110,000"]
    assert toll.quantity.unit == "person" and toll.kinds == ("die",) and toll.cumulative
    assert facts["5.9"].quantity.unit == "magnitude"


def test_another_part_told_before_a_count_is_an_extra_part_too() -> None:
    facts = _facts("At least three people, a man and two women, were killed in the attack.")
    assert facts["two women"].extra
    assert not facts["At least three people"].extra


def test_money_ripped_out_of_services_is_a_saving() -> None:
    facts = _facts("Few Greeks believe that ripping $43 billion out of their public services "
                   "was a necessary consequence of the bailout.")
    assert facts["$43 billion"].measure == ("saving",)


def test_the_place_of_what_caused_a_happening_scopes_its_count() -> None:
    facts = _facts("On Saturday, more than a dozen people were killed by a quake in eastern "
                   "Ruritania.")
    assert facts["more than a dozen people"].places == ("ruritania",)


def test_a_unit_that_only_modifies_the_counted_noun_gives_way_to_it() -> None:
    facts = _facts("The UN said 36 UN military and police personnel were confirmed dead.")
    (fact,) = facts.values()
    assert fact.quantity.unit == "personnel" and "die" in fact.kinds


def test_a_count_named_by_a_modifier_of_its_noun_is_scoped_through_that_noun() -> None:
    facts = _facts("At least nine swine flu cases have been reported in Tarvos and Brixel.")
    (fact,) = facts.values()
    assert fact.places == ("tarvos", "brixel")


def test_a_place_named_in_a_compound_scopes_the_clause_of_its_noun_only() -> None:
    facts = _facts("There were more than 40 confirmed cases in Ruritania, including 20 at a "
                   "Tarvos City school where eight cases were already identified.")
    assert facts["eight cases"].places == ("tarvos city",)
    assert facts["more than 40 confirmed cases"].places == ("ruritania",)


def test_a_place_that_speaks_scopes_a_count_that_names_none() -> None:
    assert _facts("Peru said it had confirmed 160 cases.")["160 cases"].places == ("peru",)
    assert _facts("Peru's health minister said 20 people had died.")[
        "20 people"].places == ("peru",)
    assert _facts("A US general said 200,000 people had died.")["200,000 people"].places == ()


def test_a_town_introduced_before_a_count_with_places_that_describe_it_scopes_it() -> None:
    facts = _facts("Thousands marched in Brixel on Wednesday. Protesters clashed with police in "
                   "Tarvos, a port city east of Brixel on the Gulf of Ostrava. At least 27 people "
                   "were wounded, officials said.")
    assert facts["At least 27 people"].places == ("tarvos",)
    assert facts["At least 27 people"].part


def test_the_place_a_sentence_opens_on_is_the_scene_of_its_counts() -> None:
    facts = _facts("In Tarvos, protesters clashed with police, leaving 12 people injured, a "
                   "doctor said.")
    assert facts["12 people"].places == ("tarvos",)
    facts = _facts("In the end, protesters clashed with police, leaving 12 people injured.")
    assert facts["12 people"].places == ()


def test_a_toll_told_as_rising_is_counted_and_the_rise_no_answer() -> None:
    facts = _facts("Officials said the flu death toll rose by three to 78 on Thursday.")
    assert facts["78"].status == "confirmed" and not facts["78"].previous
    assert facts["three"].previous
    assert _facts("Officials said 78 people had died of the flu.")["78 people"].status is None


def test_an_amount_converted_from_another_currency_is_one_amount_with_anothers() -> None:
    facts = _facts("Ministers agreed a EUR 110 billion ($158 billion) bailout on Sunday.")
    assert facts["$158 billion"].converted and not facts["EUR 110 billion"].converted
    made = _compare(
        ("a", "2010-05-03", "Ministers agreed a EUR 110 billion ($158 billion) bailout."),
        ("b", "2010-05-04", "Ministers agreed a $144 billion bailout."),
    )
    assert made == [("partial", {"a", "b"})]


def test_more_than_a_figure_after_up_to_that_figure_is_a_rise() -> None:
    made = _compare(
        ("a", "2011-02-01", "Officials said up to 300 people have been killed in the protests."),
        ("b", "2011-02-10", "A rights group said more than 300 people have been killed in the "
                            "protests."),
    )
    assert made == [("update", {"a", "b"})]


def test_a_toll_cut_by_a_later_report_is_corrected_down() -> None:
    made = _compare(
        ("a", "2009-04-29", "Officials said the virus has killed up to 159 people."),
        ("b", "2009-05-02", "Officials cut their death toll from the virus to 101 people."),
    )
    assert made == [("update", {"a", "b"})]


def test_jobs_cut_are_counted_as_the_staff_laid_off() -> None:
    made = _compare(
        ("a", "2009-02-03", "The carmaker said it is seeking to cut 31,500 jobs at its plants "
                            "this year."),
        ("b", "2009-02-18", "The carmaker said it plans to lay off 47,000 employees at its "
                            "plants this year."),
    )
    assert made == [("conflict", {"a", "b"})]


def test_additions_to_a_count_are_compared_with_additions_only() -> None:
    made = _compare(
        ("a", "2010-05-05", "Police said 20 more people had to be ushered to safety from the "
                            "bank."),
        ("b", "2010-05-05", "Officials said 20 more people had to be ushered to safety from the "
                            "bank."),
        ("c", "2010-05-05", "Officials said 25 people had to be ushered to safety from the bank."),
    )
    assert made == [("agree", {"a", "b"})]


def test_bare_numbers_of_a_list_by_place_count_what_the_count_before_counts() -> None:
    facts = _facts("About 2,000 cases have been identified in Tarvos, with 51 in Brixel and 15 "
                   "in Ostrava.")
    assert facts["51"].quantity.unit == facts["15"].quantity.unit == "infection"
    assert facts["51"].places == ("brixel",) and facts["51"].part
    assert facts["About 2,000 cases"].places == ("tarvos",)


def test_an_additional_amount_is_an_increment_not_a_total() -> None:
    facts = _facts("The carmaker asked the government for an additional $5 billion in aid.")
    assert facts["$5 billion"].part
    assert not _facts("The carmaker asked the government for $5 billion in aid.")[
        "$5 billion"].part


def _compare(*texts: tuple[str, str, str]) -> list[tuple[str, set[str]]]:
    analyses = [_analysis(text, doc_id, published) for doc_id, published, text in texts]
    records = [
        ClaimRecord(f"{a.document.id}-c{i}", a.document.id, claim)
        for a in analyses for i, claim in enumerate(a.claims)
    ]
    return [(c.verdict, {i.split("-")[0] for i in c.claims})
            for c in compare_claims(analyses, records)]


def test_one_citys_toll_is_not_set_against_anothers() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said 12 people were killed in Athens on Wednesday."),
        ("b", "2010-05-06", "Police said 30 people were killed in Patras on Wednesday."),
        ("c", "2010-05-06", "Officials said 14 people were killed in Athens on Wednesday."),
    )
    assert made == [("conflict", {"a", "c"})]


def test_a_count_over_several_countries_is_no_single_countrys() -> None:
    facts = _facts("The agency said 41 countries had reported 11,034 cases, including 85 deaths.")
    assert "several countries" in facts["85 deaths"].places
    assert "several countries" in facts["11,034 cases"].places
    facts = _facts("Officials said 80 deaths have been recorded in Mexico.")
    assert "several countries" not in facts["80 deaths"].places


def test_cases_of_an_infection_are_infections_and_a_worldwide_count_no_countrys() -> None:
    assert _facts("Officials said 11,034 cases of flu have been reported.")[
        "11,034 cases"].quantity.unit == "infection"
    made = _compare(
        ("a", "2009-05-22", "The agency said 41 countries had reported 11,034 flu cases, "
                            "including 85 deaths."),
        ("b", "2009-05-22", "Health officials said 78 people have died of the flu."),
        ("c", "2009-05-23", "The agency said 42 countries had reported 11,168 flu cases, "
                            "including 86 deaths."),
    )
    assert made and all(sides == {"a", "c"} for _, sides in made)


def test_ages_and_populations_are_not_tolls() -> None:
    facts = _facts("Officials said nearly 80% of those who died were between 20 and 54.")
    assert facts["between 20 and 54"].quantity.unit == ""
    assert _facts("Officials said the death toll may be 50,000 on Friday.")[
        "50,000"].quantity.unit == "person"
    made = _compare(
        ("a", "2009-04-29", "Officials said the flu had caused dozens of deaths in the city."),
        ("b", "2009-05-02", "Officials said the city of 20 million people was quiet."),
    )
    assert made == []


def test_a_place_opening_a_relative_clause_scopes_its_count() -> None:
    facts = _facts("In Mexico, where 75 flu deaths have occurred, officials urged calm on Friday.")
    assert facts["75 flu deaths"].places == ("mexico",)


def test_a_country_that_only_places_a_city_does_not_scope_the_count() -> None:
    text = ("Police said that about 50,000 people marched in Greece's second largest city "
            "on Wednesday.")
    assert "greece" not in _facts(text)["about 50,000 people"].places


def test_counts_an_order_of_magnitude_apart_answer_different_questions() -> None:
    made = _compare(
        ("a", "2010-01-14", "Officials said 14 people died when the headquarters of the mission "
                            "collapsed in the earthquake."),
        ("b", "2010-01-15", "Officials said 45,000 people died in the earthquake."),
        ("c", "2010-01-15", "The Red Cross said 40,000 people died in the earthquake."),
    )
    assert [sides for _, sides in made] == [{"b", "c"}]


def test_answers_that_all_conflict_make_one_conflict() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said five miners were killed in the blast at the pit."),
        ("b", "2010-05-06", "The union said seven miners were killed in the blast at the pit."),
        ("c", "2010-05-06", "Rescuers said nine miners were killed in the blast at the pit."),
    )
    assert sorted((verdict, sorted(sides)) for verdict, sides in made) == [
        ("conflict", ["a", "b", "c"])]


def test_each_pair_of_answers_gets_one_verdict() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said five miners were killed in the blast at the pit."),
        ("b", "2010-05-06", "The union said five miners were killed in the blast at the pit."),
        ("c", "2010-05-06", "Rescuers said nine miners were killed in the blast at the pit."),
    )
    assert sorted((verdict, sorted(sides)) for verdict, sides in made) == [
        ("agree", ["a", "b"]), ("conflict", ["a", "b", "c"])]


def test_agreement_is_not_carried_across_a_conflict() -> None:
    made = _compare(
        ("a", "2010-05-06", "The quake measured magnitude 5.9, the seismologists said."),
        ("b", "2010-05-06", "The quake measured about magnitude 6.0, the seismologists said."),
        ("c", "2010-05-06", "The quake measured magnitude 6.1, the seismologists said."),
    )
    assert sorted((verdict, sorted(sides)) for verdict, sides in made) == [
        ("conflict", ["a", "b", "c"])]


def test_a_bare_figure_of_a_claim_takes_the_unit_its_fact_reads() -> None:
    from triangulate.analyze.pipeline import analyze_document
    from triangulate.model import Document

    text = "On Friday the official government death toll from the quake rose to 110,000."
    document = Document(id="d", source="d.txt", sha256="d", text=text, language="en",
                        published="2010-01-23")
    (claim,) = analyze_document(document).claims
    (quantity,) = claim.quantities
    assert (quantity.text, quantity.unit) == ("110,000", "person")


def test_a_figure_in_a_general_statement_is_no_fact() -> None:
    from triangulate.analyze.pipeline import analyze_document
    from triangulate.model import Document

    text = "A magnitude-6.0 quake can cause severe damage. The quake killed 10 people."
    document = Document(id="d", source="d.txt", sha256="d", text=text, language="en",
                        published="2005-11-28")
    facts = [f.quantity.text for c in analyze_document(document).claims for f in c.facts]
    assert facts == ["10 people"]


def test_residents_are_the_population_a_place_is_home_to() -> None:
    made = _compare(
        ("a", "2005-11-27", "State media said the quake struck Tarvos island, home to 120,000 "
                            "people."),
        ("b", "2005-11-28", "Officials said several buildings on Tarvos Island were damaged. The "
                            "island, which has about 200,000 residents, is far from the capital."),
        ("c", "2005-11-28", "Officials said 300 residents were evacuated from the island."),
    )
    assert [sides for _, sides in made] == [{"a", "b"}]


def test_a_count_is_dated_by_its_own_clause_not_by_a_coordinated_one() -> None:
    facts = _facts(
        "A new virus has killed up to 149 people in Mexico and the health agency moved closer "
        "on Monday to declaring a pandemic. Police said three people were killed and 639 were "
        "wounded in Wednesday's clashes. The survey registered a quake measuring 3.8 on the "
        "Richter scale at 09:10 hours on Monday."
    )
    virus = facts["up to 149 people"]
    assert virus.time_read and virus.time is None
    wednesday = "2010-01-20"  # the report is dated Wednesday 20 January 2010
    assert facts["three people"].time is not None
    assert facts["three people"].time.start == wednesday == facts["639"].time.start
    aftershock = facts["3.8 on the Richter scale"].time
    assert aftershock is not None and aftershock.start == "2010-01-18"


def test_a_count_after_to_or_from_is_the_value_of_the_toll_it_changes() -> None:
    facts = _facts(
        "Health officials cut their suspected death toll to up to 101 from as many as 176 as "
        "more samples came back negative. A major earthquake killed more than 31,000 in the "
        "city of Tarvos in 2003. The company cut 2,000 jobs in Detroit."
    )
    cut = facts["up to 101"]
    assert cut.kinds == ("die",) and cut.status == "suspected"
    assert cut.quantity.unit == "person" and facts["as many as 176"].kinds == ("die",)
    assert facts["more than 31,000"].quantity.unit == "person"
    assert facts["2,000 jobs"].kinds == ("layoff",)


def test_each_part_of_a_list_counts_in_its_own_place_and_the_total_in_none() -> None:
    facts = _facts("Officials said 302 people had been killed in the protests -- 232 in Tarvos, "
                   "52 in Brixel and 18 in Ostrava.")
    assert facts["302 people"].places == () and not facts["302 people"].part
    for text, place in (("232", "tarvos"), ("52", "brixel"), ("18", "ostrava")):
        assert facts[text].places == (place,) and facts[text].part
        assert facts[text].quantity.unit == "person" and facts[text].kinds == ("die",)
    facts = _facts("The group has confirmed 80 deaths in Tarvos, 36 deaths in Brixel and "
                   "13 fatalities in Ostrava.")
    assert facts["13 fatalities"].places == ("ostrava",)
    assert facts["36 deaths"].places == ("brixel",)


def test_one_places_part_of_a_list_is_set_against_that_places_count_only() -> None:
    made = _compare(
        ("a", "2011-01-31", "The group has confirmed 80 deaths in Tarvos, 36 deaths in Brixel "
                            "and 13 fatalities in Ostrava since the protests began."),
        ("b", "2011-01-31", "Officials said 13 people have died in Ostrava since the protests "
                            "began."),
        ("c", "2011-01-31", "Officials said 150 people have died since the protests began."),
    )
    assert made == [("agree", {"a", "b"})]


def test_an_amount_says_what_it_is_of_and_a_rate_its_period() -> None:
    aid = _facts("Officials said military aid to Ruritania totals over $1.3 billion annually.")
    assert aid["over $1.3 billion"].measure == ("aid",) and aid["over $1.3 billion"].per == "Y"
    package = _facts("Lawmakers rejected a $14 billion bailout package for carmakers on Friday.")
    assert package["$14 billion"].measure == ("bailout", "package")
    assert package["$14 billion"].per is None
    funds = _facts("Officials said the carmakers would get $14 billion in funds.")
    assert funds["$14 billion"].measure == ()  # funds say only that it is money
    ordinal = _facts("The island, home to 120,000 people, shook after a second quake hit.")
    assert ordinal["120,000 people"].per is None


def test_amounts_of_different_things_and_rates_against_totals_are_not_compared() -> None:
    made = _compare(
        ("a", "2009-01-10", "Officials said the carmakers have received $13.4 billion in "
                            "federal loans so far."),
        ("b", "2009-01-10", "Officials said a $14 billion bailout package for the carmakers "
                            "had failed so far."),
        ("c", "2009-01-10", "Officials said the carmakers have received $17.4 billion in "
                            "federal loans so far."),
    )
    assert made and all(sides == {"a", "c"} for _, sides in made)
    made = _compare(
        ("a", "2011-02-01", "Officials said Ruritania receives $1.3 billion in military aid "
                            "annually."),
        ("b", "2011-02-01", "Officials said Ruritania has received $28 billion in military aid "
                            "since 1975."),
        ("c", "2011-02-01", "Officials said Ruritania receives $1.5 billion in military aid "
                            "each year."),
    )
    assert made and all(sides == {"a", "c"} for _, sides in made)


def test_the_value_a_change_started_from_is_no_answer_of_its_own() -> None:
    facts = _facts("Officials raised the death toll from 20 to 45 on Monday.")
    assert facts["20"].previous and not facts["45"].previous
    assert facts["45"].quantity.unit == "person"
    facts = _facts("Officials cut their suspected death toll to up to 101 from as many as 176.")
    assert facts["as many as 176"].previous and not facts["up to 101"].previous
    made = _compare(
        ("a", "2009-05-02", "Officials cut their suspected death toll to up to 101 from as "
                            "many as 176 on Saturday."),
        ("b", "2009-05-03", "Officials said there were 101 suspected deaths on Saturday."),
    )
    assert made == [("agree", {"a", "b"})]


def test_a_count_right_after_a_town_is_introduced_is_that_towns() -> None:
    text = ("The quake struck Brixel on Tuesday. Rescuers in Brixel worked through the night. "
            "Most buildings have been damaged in Tarvos, a town to the west, the UN said. "
            '"According to the local police, between 5,000 to 10,000 people have been killed," '
            "Ms Byrs said. Rescuers said 132 people have been rescued in Brixel.")
    facts = _facts(text)
    toll = facts["between 5,000 to 10,000 people"]
    assert toll.places == ("tarvos",) and toll.part
    assert (toll.quantity.value, toll.quantity.value_max) == (5000, 10000)
    plain = _facts("The quake struck Brixel on Tuesday. Rescuers in Brixel worked through the "
                   "night. Two people were pulled alive from the rubble in Tarvos. Officials "
                   "said 132 people have been rescued since the quake.")
    assert plain["132 people"].places == ()  # Tarvos was not introduced as a town


def test_a_count_the_parse_joined_to_an_earlier_noun_is_the_subject_of_its_verb() -> None:
    facts = _facts("Officials said that an estimated 200,000 people died in the quake and "
                   "another 1.5 million were made homeless.")
    assert facts["1.5 million"].kinds == ("displace",)
    assert facts["1.5 million"].quantity.unit == "person"


def test_a_magnitude_says_which_shock_and_a_distance_where_from() -> None:
    facts = _facts("Officials said a magnitude 6.1 aftershock hit the town on Wednesday.")
    assert facts["magnitude 6.1"].measure == ("aftershock",)
    facts = _facts("Officials said the 7.0-magnitude quake killed 200 people.")
    assert facts["7.0-magnitude"].measure == ("quake",)
    facts = _facts("It was located 1,150 kilometers (700 miles) southeast of Brixel, officials "
                   "said.")
    assert facts["700 miles"].places == ("brixel",)
    assert facts["1,150 kilometers"].places == ("brixel",)


def test_shocks_and_distances_from_different_places_are_not_compared() -> None:
    made = _compare(
        ("a", "2010-01-20", "Officials said a magnitude 6.1 aftershock hit Tarvos on Wednesday."),
        ("b", "2010-01-20", "Officials said the 7.0-magnitude quake hit Tarvos on Wednesday."),
        ("c", "2010-01-20", "The quake struck 18 miles west of Brixel, officials said."),
        ("d", "2010-01-20", "The quake struck 80 miles from Ostrava, officials said."),
        ("e", "2010-01-20", "The quake struck about 20 miles west of Brixel, officials said."),
    )
    assert made and all(sides == {"c", "e"} for _, sides in made)


def test_a_claims_figure_takes_the_happening_its_fact_counts() -> None:
    analysis = _analysis("In Ruritania, where 75 swine flu deaths have occurred, officials urged "
                         "calm.")
    (quantity,) = [q for c in analysis.claims for q in c.quantities]
    assert quantity.unit == "death"
    analysis = _analysis("Officials said the government will hold a 60% stake in the company.")
    assert [q.unit for c in analysis.claims for q in c.quantities] == ["percent"]


def test_a_figure_in_apposition_counts_the_plural_noun_and_a_majority_is_measured() -> None:
    facts = _facts("The firm will offer the deal to most union members - 62,000 at Brixel Motor, "
                   "officials said.")
    assert facts["62,000"].quantity.unit == "member"
    facts = _facts("The Socialists hold a comfortable majority of 160 in the 300-seat Parliament.")
    assert facts["160"].quantity.unit == "majority"


def test_a_running_total_of_years_is_no_answer_to_a_count_of_recent_happenings() -> None:
    made = _compare(
        ("a", "2009-04-29", "Officials said another virus has killed 257 people since 2003."),
        ("b", "2009-04-29", "Officials said the new virus has killed 159 people."),
        ("c", "2009-04-30", "Officials said the new virus has killed 168 people."),
    )
    assert made and all(sides == {"b", "c"} for _, sides in made)


def test_a_count_added_in_another_place_is_that_places_part() -> None:
    text = ("Violence broke out in Patras, where another 20,000 people marched on Wednesday, "
            "police said.")
    added = _facts(text)["20,000 people"]
    assert added.places == ("patras",) and added.part
    made = _compare(
        ("a", "2010-05-06", "Police said an estimated 100,000 people marched on Wednesday."),
        ("b", "2010-05-06", text),
    )
    assert made == []


def test_the_place_before_where_scopes_the_count_however_the_clause_was_parsed() -> None:
    facts = _facts("Meanwhile, clashes broke out in Patras where approximately 50,000 people "
                   "marched on Wednesday, police said.")
    assert facts["approximately 50,000 people"].places == ("patras",)


def test_two_names_of_one_place_scope_counts_to_the_same_place() -> None:
    a = _analysis("Officials said 40 cases have been confirmed in the United States.", "a",
                  "2009-04-28")
    b = _analysis("Officials said 91 cases have been confirmed in the US.", "b", "2009-04-29")
    records = [ClaimRecord(f"{x.document.id}-c{i}", x.document.id, claim)
               for x in (a, b) for i, claim in enumerate(x.claims)]
    assert compare_claims([a, b], records) == []  # told apart by their names
    places = {("a", "united states"): "e-usa", ("b", "us"): "e-usa"}
    (comparison,) = compare_claims([a, b], records, places=places)
    assert comparison.verdict in ("update", "conflict")
    joined = reconcile([a, b]).comparisons
    assert [c.verdict for c in joined] == [comparison.verdict]


def test_a_round_figure_and_a_precise_one_close_to_it_are_partial() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said 600 miners were killed in the blast at the pit."),
        ("b", "2010-05-06", "The union said 612 miners were killed in the blast at the pit."),
        ("c", "2010-05-06", "Rescuers said 680 miners were killed in the blast at the pit."),
    )
    verdicts = {frozenset(sides): verdict for verdict, sides in made}
    assert verdicts[frozenset({"a", "b"})] == "partial"
    assert all(verdict == "conflict" for sides, verdict in verdicts.items() if "c" in sides)


def test_a_figure_far_above_a_written_bound_is_another_count() -> None:
    made = _compare(
        ("a", "2010-05-06", "Police said at least 50 miners were injured in the blast at the pit."),
        ("b", "2010-05-06", "The union said 80 miners were injured in the blast at the pit."),
        ("c", "2010-05-06", "Rescuers said dozens of miners were injured in the blast at the pit."),
    )
    verdicts = {frozenset(sides): verdict for verdict, sides in made}
    assert verdicts[frozenset({"a", "b"})] == "conflict"
    assert verdicts[frozenset({"b", "c"})] == "partial"


def test_a_participle_after_a_count_says_what_happened_to_it() -> None:
    facts = _facts("Ten people were killed and at least 50 injured when the bridge fell.")
    assert facts["Ten people"].kinds == ("die",)
    assert facts["at least 50 injured"].kinds == ("injure",)


def test_magnitudes_a_whole_unit_apart_are_different_shocks() -> None:
    made = _compare(
        ("a", "2010-05-06", "The quake measured magnitude 5.9, the seismologists said."),
        ("b", "2010-05-06", "A quake measured magnitude 3.8, the seismologists said."),
        ("c", "2010-05-06", "The quake measured magnitude 6.1, the seismologists said."),
    )
    assert sorted((verdict, sorted(sides)) for verdict, sides in made) == [("conflict", ["a", "c"])]


def test_of_a_list_of_what_befell_people_a_count_takes_the_nearest() -> None:
    facts = _facts("A 5.9 magnitude earthquake has leveled seven villages in Ruritania's "
                   "southern area, killing 10 persons and wounding other 70, Ruritanian officials "
                   "were quoted by AP as saying.")
    assert facts["10 persons"].kinds == ("die",)
    assert facts["70"].kinds == ("injure",)
    march = _facts("Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 "
                   "people.")
    assert "gather" in march["roughly 30,000 people"].kinds


def test_a_counted_nouns_own_verb_is_its_predicate_before_the_governing_one() -> None:
    facts = _facts("Despite food subsidies, people are struggling, with an estimated 40% of the "
                   "country living in poverty.")
    assert facts["an estimated 40%"].kinds == ("~live",)


def test_an_unmarked_count_takes_the_status_of_the_marked_counts_nearest_it() -> None:
    made = _compare(
        ("a", "2009-05-02", "Health officials in Mexico said 16 deaths from the flu virus were "
         "confirmed by laboratory tests."),
        ("b", "2009-05-02", "Health officials in Mexico said there had been 159 suspected deaths "
         "from the flu virus."),
        ("c", "2009-05-03", "Health officials in Mexico said the flu virus had killed 149 people."),
    )
    assert [docs for _, docs in made if "c" in docs] == [{"b", "c"}]
    assert not [docs for _, docs in made if {"a", "c"} <= docs]


def test_a_running_total_begun_years_before_is_no_answer_to_this_seasons_toll() -> None:
    made = _compare(
        ("a", "2009-04-29", "Health officials said the flu virus has killed 257 people in Asia "
         "since 2003."),
        ("b", "2009-05-02", "Health officials said the flu virus toll has risen to 101 people."),
        ("c", "2009-05-03", "Health officials said the flu virus toll has risen to 120 people."),
    )
    assert ("update", {"b", "c"}) in made
    assert not [docs for _, docs in made if "a" in docs]


def test_a_high_upper_bound_is_no_answer_to_a_small_toll() -> None:
    made = _compare(
        ("a", "2010-01-13", "UN officials said at least 14 people had died when the UN "
         "headquarters in the capital collapsed in the earthquake."),
        ("b", "2010-01-18", "Officials said up to 200,000 people may have died in the earthquake "
         "in the capital."),
    )
    assert not [docs for _, docs in made if {"a", "b"} <= docs]


def test_a_few_days_well_inside_a_running_toll_are_a_part_of_it() -> None:
    made = _compare(
        ("a", "2011-02-04", "At least 11 people died in the clashes in the square on Wednesday "
         "and Thursday, the health ministry said."),
        ("b", "2011-02-10", "Human Rights Watch said more than 300 people have died in the "
         "clashes since January 25."),
    )
    assert not [docs for _, docs in made if {"a", "b"} <= docs]
