"""Event mentions on small hand-written news texts (invented stories)."""

from __future__ import annotations

from dataclasses import replace

from triangulate.analyze.event_dates import date_points
from triangulate.analyze.events import find_events
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Analysis, Document, Mention, Quantity, TimeExpression


def analysis(
    text: str,
    mentions: tuple[tuple[str, str], ...] = (),
    times: tuple[tuple[str, str, str], ...] = (),
    quantities: tuple[tuple[str, float, str], ...] = (),
) -> Analysis:
    def at(words: str) -> int:
        return text.index(words)

    return Analysis(
        document=Document("doc", "test.txt", "0", text),
        sentences=tuple(split_sentences(text)),
        mentions=tuple(
            Mention(at(w), at(w) + len(w), w, kind)  # type: ignore[arg-type]
            for w, kind in mentions
        ),
        times=tuple(
            TimeExpression(at(w), at(w) + len(w), w, "date", start, start, end, "day")
            for w, start, end in times
        ),
        quantities=tuple(Quantity(at(w), at(w) + len(w), w, v, u) for w, v, u in quantities),
    )


def test_enumerated_flights_become_one_event_per_date() -> None:
    text = (
        "Officials counted 3 flights on 3 May, one flight on each of the following days "
        "- 4, 6 and 9 May and 2 June."
    )
    data = analysis(
        text,
        times=(
            ("3 May", "2021-05-03", "2021-05-03"),
            ("4, 6 and 9 May and 2 June", "2021-05-04", "2021-06-02"),
        ),
    )
    events = [e for e in find_events(data) if e.type == "transport"]
    assert [(e.date.start if e.date else None, e.count) for e in events] == [
        ("2021-05-03", 3),
        ("2021-05-04", 1),
        ("2021-05-06", 1),
        ("2021-05-09", 1),
        ("2021-06-02", 1),
    ]
    for event in events:
        assert text[event.start : event.end] == event.text
        assert event.text in ("flights", "flight")


def test_separate_dates_written_as_a_list_split_too() -> None:
    text = "Cargo planes landed in Lima; deliveries were made on 5 March, 7 March and 9 March."
    data = analysis(
        text,
        times=(
            ("5 March", "2022-03-05", "2022-03-05"),
            ("7 March", "2022-03-07", "2022-03-07"),
            ("9 March", "2022-03-09", "2022-03-09"),
        ),
    )
    dates = [e.date.start for e in find_events(data) if e.type == "transport" and e.date]
    assert dates == ["2022-03-05", "2022-03-07", "2022-03-09"]


def test_a_date_range_is_not_split() -> None:
    expression = TimeExpression(0, 10, "12-16 July", "date", "2020-07", "2020-07-12", "2020-07-16")
    points = date_points("12-16 July", expression)
    assert len(points) == 1 and points[0].date.end == "2020-07-16"


def test_call_participants_and_date() -> None:
    text = "On 14 June the president of Chile, Ana Ruiz, called Pedro Salas to discuss the dam."
    data = analysis(
        text,
        mentions=(("Chile", "location"), ("Ana Ruiz", "person"), ("Pedro Salas", "person")),
        times=(("14 June", "2021-06-14", "2021-06-14"),),
    )
    (event,) = [e for e in find_events(data) if e.type == "communication"]
    assert event.text == "called"
    assert event.date is not None and event.date.start == "2021-06-14"
    assert [m.text for m in event.participants] == ["Chile", "Ana Ruiz", "Pedro Salas"]
    assert event.places == ()


def test_called_without_a_name_is_no_call() -> None:
    text = "The plan, called off on 3 May, was criticised by the so-called experts."
    assert not [e for e in find_events(analysis(text)) if e.type == "communication"]


def test_a_markets_rally_is_no_protest() -> None:
    text = ("Stocks rallied on 3 May after the vote. A rally in shares followed on 4 May. "
            "Thousands rallied in the capital on 5 May.")
    protests = [e for e in find_events(analysis(text)) if e.type == "protest"]
    assert [text[e.start : e.end] for e in protests] == ["rallied"]
    assert protests[0].start > text.index("Thousands")


def test_places_need_a_locative_preposition() -> None:
    text = "Kenyan troops were deployed in Garissa after clashes near Mandera."
    data = analysis(
        text,
        mentions=(("Kenyan", "group"), ("Garissa", "location"), ("Mandera", "location")),
    )
    events = find_events(data)
    assert {e.type for e in events} == {"deployment", "armed_clash"}
    deployment = next(e for e in events if e.type == "deployment")
    assert [m.text for m in deployment.places] == ["Garissa", "Mandera"]


def test_the_same_day_carries_the_date_in_focus() -> None:
    text = (
        "Ministers met in Quito on 8 April to sign the water treaty. "
        "Farmers blocked the road to the capital the same day."
    )
    data = analysis(text, times=(("8 April", "2023-04-08", "2023-04-08"),))
    protest = next(e for e in find_events(data) if e.type == "protest")
    assert protest.date is not None and protest.date.start == "2023-04-08"
    types = {e.type for e in find_events(data)}
    assert {"meeting", "agreement", "protest"} <= types


def test_count_from_quantity_and_number_words() -> None:
    text = "Two convoys reached Goma and 12 soldiers were killed in an attack on Friday."
    data = analysis(text, quantities=(("12 soldiers", 12, "soldier"),))
    events = {e.type: e for e in find_events(data)}
    assert events["transport"].count == 2
    assert events["attack"].count == 1
    assert events["casualty"].count is None


def test_one_event_per_type_and_date_in_a_sentence() -> None:
    text = "The fighting and the clashes went on through the night near the border."
    events = find_events(analysis(text))
    assert [e.type for e in events] == ["armed_clash"]


def test_no_annotations_degrade_gracefully() -> None:
    text = "The treaty was ratified by parliament."
    events = find_events(Analysis(document=Document("doc", "t", "0", text)))
    assert [(e.type, e.date) for e in events] == [("agreement", None), ("ratification", None)]


def test_a_sentence_going_on_with_the_incident_keeps_its_date() -> None:
    text = (
        "On 9 May a protest was reported near the mine. "
        "Thus, the lorries were stopped at the gate by the strikers."
    )
    analysis = Analysis(
        document=Document(id="d", source="d.txt", sha256="0", text=text),
        times=(
            TimeExpression(3, 8, "9 May", "date", "2022-05-09", "2022-05-09", "2022-05-09", "day"),
        ),
    )
    found = [(e.text, e.date.start if e.date else None) for e in find_events(analysis)]
    assert ("were stopped", "2022-05-09") in found


def test_disasters_bombings_and_resignations_are_happenings() -> None:
    text = (
        "The earthquake struck the coast on 3 May. Rioters threw petrol bombs at the bank. "
        "The minister resigned on Friday."
    )
    data = analysis(text, times=(("3 May", "2021-05-03", "2021-05-03"),
                                 ("Friday", "2021-05-07", "2021-05-07")))
    found = {(e.type, e.text, e.date.start if e.date else None) for e in find_events(data)}
    assert ("disaster", "earthquake", "2021-05-03") in found
    assert ("bombing", "petrol bombs", None) in found
    assert ("resignation", "resigned", "2021-05-07") in found


def test_a_leader_who_fires_his_cabinet_makes_a_government_resign() -> None:
    text = "The president fired his cabinet on Saturday."
    data = analysis(text, times=(("Saturday", "2011-01-29", "2011-01-29"),))
    found = {(e.type, e.text, e.date.start if e.date else None) for e in find_events(data)}
    assert ("resignation", "fired his cabinet", "2011-01-29") in found


def test_being_held_for_days_or_abducted_is_a_detention() -> None:
    text = ("The activist was seized by security forces and held for 10 days. "
            "Two aid workers were abducted near the border.")
    found = {(e.type, e.text) for e in find_events(analysis(text))}
    assert ("detention", "held for") in found
    assert ("detention", "abducted") in found


def test_a_possessive_date_dates_only_the_happening_written_after_it() -> None:
    text = "The UN launched an appeal for survivors of Tuesday's earthquake."
    data = analysis(text, times=(("Tuesday", "2021-05-04", "2021-05-04"),))
    dated = {e.type: e.date.start if e.date else None for e in find_events(data)}
    assert dated == {"finance": None, "disaster": "2021-05-04"}


def test_a_bound_does_not_date_a_happening() -> None:
    text = "It was the biggest protest since last October."
    data = analysis(text, times=(("last October", "2020-10", "2020-10"),))
    (event,) = find_events(data)
    assert (event.type, event.date) == ("protest", None)


def test_a_labour_strike_is_a_protest_and_an_air_strike_an_attack() -> None:
    text = ("A general strike shut the port on Monday. Dockers went on strike again. "
            "An air strike hit the depot.")
    kinds = {e.text: e.type for e in find_events(analysis(text))}
    assert kinds == {
        "general strike": "protest", "went on strike": "protest", "air strike": "attack",
    }


def _analysed(text: str, published: str | None = "2031-03-04") -> Analysis:
    from triangulate.analyze.pipeline import analyze_document

    return analyze_document(Document(
        "doc", "test.txt", "0", text, published=published,
        published_precision="day" if published else None,
        published_basis="stated" if published else None, language="en",
    ))


def test_a_happening_of_the_lead_in_the_present_perfect_is_dated_by_the_report() -> None:
    text = (
        "A strong aftershock has rocked the island of Tarvos, sending people into the streets.\n"
        "Officials said a second aftershock was felt across the region."
    )
    dated = [(e.text, e.date.start if e.date else None) for e in find_events(_analysed(text))]
    # the second aftershock, told in the simple past, may be of another day
    assert dated == [("aftershock", "2031-03-04"), ("aftershock", None)]
    # without the report's day, no date
    assert all(e.date is None for e in find_events(_analysed(text, None)))


def test_the_lead_in_the_simple_past_takes_no_report_date() -> None:
    text = "The ministers met in Ostrava to discuss the budget.\nNo one said when."
    assert all(e.date is None for e in find_events(_analysed(text)))


def test_a_passage_in_capitals_has_happenings_too() -> None:
    text = "BREAKING: THREE PEOPLE HAVE DIED IN A BLAZE at the Harlow depot."
    types = {e.text: e.type for e in find_events(analysis(text))}
    assert types == {"DIED": "casualty", "BLAZE": "disaster"}


def test_speaking_to_a_named_person_is_a_call_and_to_reporters_is_not() -> None:
    found = find_events(analysis("Mayor Ovett spoke to Governor Lindqvist on Saturday."))
    assert [e.type for e in found] == ["communication"]
    assert find_events(analysis("Mayor Ovett spoke to reporters on Saturday.")) == []


def test_a_date_written_in_a_happenings_name_dates_that_happening_alone() -> None:
    text = "Thousands protested on the avenue after the election of 1998."
    data = analysis(text, times=(("1998", "1998", "1998"),))
    dated = {e.text: e.date.start if e.date else None for e in find_events(data)}
    assert dated == {"protested": None, "election": "1998"}
    text = "The 2003 earthquake killed thousands."
    data = analysis(text, times=(("2003", "2003", "2003"),))
    dated = {e.text: e.date.start if e.date else None for e in find_events(data)}
    assert dated == {"earthquake": "2003", "killed": None}


def _dated(text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.date.start if e.date else None) for e in find_events(_analysed(text))]


def test_a_happening_not_done_takes_no_date() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The minister said on Monday that Governor Lindqvist should resign.\n"
        "Mayor Ovett told reporters on Tuesday he would like to step down.\n"
        "Rebels did not attack the garrison at Velmar on Wednesday."
    )
    assert ("resign", None) in _dated(text)
    assert ("step down", None) in _dated(text)
    assert ("attack", None) in _dated(text)


def test_a_date_of_a_subordinate_clause_does_not_date_the_main_happening() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "It was the biggest protest since the mayor took office in October 2030.\n"
        "A bomb attack killed three people on Wednesday as police fought battles in Velmar."
    )
    dated = dict(_dated(text))
    assert dated["protest"] is None
    assert dated["attack"] == dated["battles"] and dated["attack"] is not None


def test_a_running_total_is_not_a_dated_death() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "Officials said on Friday that 86 deaths had been recorded since the outbreak began."
    )
    assert ("deaths", None) in _dated(text)


def test_protesters_are_people_not_a_protest() -> None:
    found = find_events(analysis("The minister was criticised by protesters in Varna."))
    assert [e.text for e in found] == []
    found = find_events(analysis("Thousands protested in Varna against the new tax."))
    assert [e.type for e in found] == ["protest"]


def test_a_happening_to_come_keeps_a_date_from_its_report_on() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The assembly will vote on the budget on 9 March.\n"
        "The assembly will vote on the tax on 1 March."
    )
    dated = _dated(text)  # reported on 2031-03-04
    assert ("vote", "2031-03-09") in dated
    assert ("vote", None) in dated  # a future told of a day gone is a misread date


def test_a_happening_only_planned_takes_no_date() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The union said on Monday it was planning a walkout for the next week."
    )
    assert ("walkout", None) in _dated(text)


def test_a_possessive_date_after_a_preposition_belongs_to_the_happening_it_names() -> None:
    text = "The ministry said two people were wounded in Friday's clashes."
    data = analysis(text, times=(("Friday", "2021-05-07", "2021-05-07"),))
    dated = {e.text: e.date.start if e.date else None for e in find_events(data)}
    assert dated == {"wounded": None, "clashes": "2021-05-07"}


def test_a_when_clause_after_dates_tells_what_happened_on_them() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "It was a change from the scenes in the square on Monday and Tuesday when rival "
        "supporters clashed repeatedly."
    )
    dated = _dated(text)  # reported on Tuesday 2031-03-04
    assert ("clashed", "2031-03-03") in dated and ("clashed", "2031-03-04") in dated


def test_a_reported_would_is_a_happening_to_come() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "Mrs Lindqvist said she would visit Velmar on Friday to meet officials.\n"
        "Mayor Ovett would visit Velmar on Friday if he could."
    )
    dated = _dated(text)  # reported on Tuesday 2031-03-04
    assert dated.count(("visit", "2031-03-07")) == 1
    assert ("visit", None) in dated


def test_firefighters_are_not_a_firefight() -> None:
    found = find_events(analysis("Firefighters rescued five people from the balcony."))
    assert [e.type for e in found] == ["rescue"]


def test_a_happening_named_as_one_told_of_before_takes_no_date_of_its_sentence() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "On Friday the death toll from the quake rose to 900.\n"
        "Crowds prayed on Sunday near Ostrava, the epicentre of the earthquake.\n"
        "Two convoys came on 3 March, in the midst of the clashes."
    )
    dated = _dated(text)
    assert ("quake", None) in dated and ("earthquake", None) in dated
    assert ("clashes", "2031-03-03") in dated


def test_a_count_a_speaker_tells_as_done_before_is_not_dated_by_the_telling() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The monitors said Tuesday 300 people had been killed in the unrest.\n"
        "The monitors said on Monday that five people were killed in Velmar."
    )
    dated = _dated(text)
    assert ("killed", None) in dated and ("killed", "2031-03-03") in dated


def test_a_happening_stopped_or_urged_is_no_happening() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The ministry will ask airlines on Friday to suspend all flights to Velmar.\n"
        "A union urged protests in Ostrava on Monday."
    )
    dated = _dated(text)
    assert ("flights", None) in dated and ("protests", None) in dated


def test_a_headline_dateline_dates_nothing() -> None:
    text = "Carmaker declares bankruptcy March 04, 2031\nThe carmaker filed on Monday."
    assert ("bankruptcy", None) in _dated(text)


def test_a_when_clause_to_come_and_a_clause_only_possible_date_nothing() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The mayor might pay a price on Monday when regional elections are held.\n"
        "It is worse than the Ruritanian earthquake, she said on Monday."
    )
    dated = _dated(text)
    assert ("elections", None) in dated and ("earthquake", None) in dated


def test_a_clock_time_gives_way_to_the_day_written_with_it() -> None:
    text = "At a press conference at 16:15 UTC, March 1st, the chief executive spoke."
    data = analysis(text, times=(("March 1st", "2031-03-01", "2031-03-01"),))
    clock = TimeExpression(text.index("16:15"), text.index("16:15") + 5, "16:15", "time",
                           "2031-03-04T16:15", "2031-03-04", "2031-03-04", "day")
    data = replace(data, times=(clock, *data.times))
    (event,) = find_events(data)
    assert event.date is not None and event.date.start == "2031-03-01"
    # a clock time read with its day keeps that day against another date of the sentence
    text = "At a press conference at 16:15 UTC, March 1, the chief said sales fell earlier today."
    data = analysis(text, times=(("earlier today", "2031-03-04", "2031-03-04"),))
    both = TimeExpression(text.index("16:15"), text.index("16:15") + 17, "16:15 UTC, March 1",
                          "time", "2031-03-01T16:15", "2031-03-01", "2031-03-01", "day")
    data = replace(data, times=(both, *data.times))
    dated = {e.text: e.date.start if e.date else None for e in find_events(data)}
    assert dated["press conference"] == "2031-03-01"


def test_a_clause_of_holding_dates_the_gathering_it_tells_of() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "Ministers will discuss aid at a donor conference to take place in Velmar on Friday."
    )
    assert ("conference", "2031-03-07") in _dated(text)  # reported on Tuesday 2031-03-04


def test_a_deal_rejected_or_a_baseline_date_is_no_dated_happening() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "A rescue deal for the carmakers has been rejected in the Senate on Thursday.\n"
        "The announcement lifted sales, an increase from the previous month."
    )
    dated = _dated(text)
    assert ("deal", None) in dated and ("announcement", None) in dated


def test_a_trigger_written_as_the_possessor_of_another_is_its_part() -> None:
    found = find_events(analysis("Delegates agreed to hold a donors' conference in Velmar."))
    assert [e.text for e in found] == ["conference"]


def test_a_happening_told_after_a_sequence_word_is_not_dated_by_the_telling() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "The mayor said on Saturday that he dismissed the council after crowds defied a curfew.\n"
        "Airlines will let customers with tickets between Friday and Monday change their flights.\n"
        "State radio said Monday nearly 300 escaped prisoners had been arrested."
    )
    dated = _dated(text)
    assert ("curfew", None) in dated
    assert [d for t, d in dated if t == "flights"] == [None]
    assert ("arrested", None) in dated


def test_a_happening_only_needed_is_none_and_an_eve_of_something_is_no_date() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "Survivors said they needed someone to come and rescue them.\n"
        "Thousands of workers rallied in Velmar on the eve of a vote in parliament."
    )
    dated = _dated(text)
    assert ("rescue", None) in dated and ("rallied", None) in dated


def test_a_bare_strike_is_a_walkout_where_the_report_tells_of_a_general_strike() -> None:
    walkout = "A general strike shut Velmar on Monday. The strike grounded flights."
    assert {e.text: e.type for e in find_events(analysis(walkout))}["strike"] == "protest"
    raid = "Warplanes hit the depot at Ostrava. The strike destroyed two trucks."
    assert {e.text: e.type for e in find_events(analysis(raid))}["strike"] == "attack"


def test_a_participle_right_after_a_trigger_dates_it_whatever_the_parse_hangs_it_on() -> None:
    text = (
        "Filler sentence one.\nFiller sentence two.\nFiller sentence three.\n"
        "Unions marched against cuts demanded by the lenders in exchange for a 90 billion euro "
        "(70 billion pound) aid package unveiled on Sunday."
    )
    assert ("aid package", "2031-03-02") in _dated(text)
