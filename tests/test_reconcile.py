"""Event coreference, the timeline and corpus dating on small hand-built corpora."""

from __future__ import annotations

from dataclasses import replace

from triangulate.model import (
    Analysis,
    Comparison,
    EventMention,
    Mention,
    Span,
    TimeExpression,
    TimeRange,
)
from triangulate.reconcile.dating import date_from_corpus
from triangulate.reconcile.events import corefer_events
from triangulate.reconcile.timeline import build_timeline

from .conftest import make_document


def _event(text: str, trigger: str, kind: str, date: TimeRange | None, *names: str) -> EventMention:
    at = text.index(trigger)
    people = tuple(Mention(text.index(n), text.index(n) + len(n), n, "person") for n in names)
    return EventMention(
        at, at + len(trigger), trigger, kind, Span(0, len(text)), date, participants=people
    )


def _doc(doc_id: str, text: str, *events: EventMention, **fields: object) -> Analysis:
    return Analysis(document=make_document(text, doc_id, **fields), events=events)


DAY = TimeRange("2021-04-03", "2021-04-03", "day")


def test_mentions_of_one_day_in_two_documents_are_one_event() -> None:
    t1 = "The mayor met the governor on 3 April."
    t2 = "On Saturday the governor held a meeting with the mayor."
    a = _doc("a", t1, _event(t1, "met", "meeting", DAY, "mayor"))
    b = _doc("b", t2, _event(t2, "meeting", "meeting", DAY, "governor"))
    (event,) = corefer_events([a, b], {}, [])
    assert event.documents == ("a", "b")
    assert event.start == "2021-04-03"
    assert [m.document for m in event.mentions] == ["a", "b"]


def test_a_long_period_is_not_the_same_event_as_one_day() -> None:
    t1 = "Trucks delivered aid from 3 April to the end of May."
    t2 = "Two trucks delivered aid on 3 April."
    period = TimeRange("2021-04-03", "2021-05-31", "day")
    a = _doc("a", t1, _event(t1, "delivered", "transport", period))
    b = _doc("b", t2, _event(t2, "delivered", "transport", DAY))
    events = corefer_events([a, b], {}, [])
    assert sorted(e.end or "" for e in events) == ["", "2021-05-31"]


def test_different_types_on_one_day_stay_apart() -> None:
    t = "Protesters marched on 3 April and the police attacked the camp."
    a = _doc("a", t, _event(t, "marched", "protest", DAY), _event(t, "attacked", "attack", DAY))
    assert {e.type for e in corefer_events([a], {}, [])} == {"protest", "attack"}


def test_a_bombing_and_an_attack_of_one_day_are_one_happening() -> None:
    t1 = "A fire-bomb hit the bank on 3 April."
    t2 = "An attack on the bank killed three on Saturday."
    a = _doc("a", t1, _event(t1, "fire-bomb", "bombing", DAY))
    b = _doc("b", t2, _event(t2, "attack", "attack", DAY))
    c = _doc("c", t1 + " ", _event(t1 + " ", "fire-bomb", "bombing", DAY))
    (event,) = corefer_events([a, b, c], {}, [])
    assert event.type == "bombing" and event.documents == ("a", "b", "c")


def test_timeline_is_dated_oldest_first_with_status() -> None:
    t1 = "The bridge opened on 3 April. A storm hit in March."
    t2 = "The bridge opened on Saturday."
    march = TimeRange("2021-03", "2021-03", "month")
    a = _doc("a", t1, _event(t1, "opened", "other", DAY), _event(t1, "hit", "other", march))
    b = _doc("b", t2, _event(t2, "opened", "other", DAY))
    c = _doc("c", t2 + " ", _event(t2 + " ", "opened", "other", DAY), copy_of="b")
    events = corefer_events([a, b, c], {}, [])
    undated = _doc("d", "Nobody knows when.", _event("Nobody knows when.", "knows", "other", None))
    events += corefer_events([undated], {}, [])
    timeline = build_timeline(events, [], [a, b, c, undated])
    assert [entry.date for entry in timeline] == ["2021-03", "2021-04-03"]
    assert timeline[0].status == "single_source"
    assert timeline[1].status == "consensus"
    assert set(timeline[1].documents) == {"a", "b", "c"}


def test_a_copy_does_not_make_consensus() -> None:
    t = "The bridge opened on 3 April."
    a = _doc("a", t, _event(t, "opened", "other", DAY))
    b = _doc("b", t + " ", _event(t + " ", "opened", "other", DAY), copy_of="a")
    (entry,) = build_timeline(corefer_events([a, b], {}, []), [], [a, b])
    assert entry.status == "single_source"


def test_a_later_version_of_the_story_does_not_make_consensus() -> None:
    t = "The bridge opened on 3 April."
    a = _doc("a", t, _event(t, "opened", "other", DAY))
    b = _doc("b", "Update. " + t, _event("Update. " + t, "opened", "other", DAY), version_of="a")
    c = _doc("c", t + "  ", _event(t + "  ", "opened", "other", DAY), copy_of="b")
    (entry,) = build_timeline(corefer_events([a, b, c], {}, []), [], [a, b, c])
    assert entry.status == "single_source"


def test_an_event_whose_claim_is_denied_is_disputed_but_not_one_whose_figures_differ() -> None:
    t = "The bridge opened on 3 April."
    a = _doc("a", t, _event(t, "opened", "other", DAY))
    (event,) = corefer_events([a], {}, [])
    event_with_claim = replace(event, claims=("a-c0",))
    denial = Comparison("x", "Did it open?", "conflict", ("a-c0", "b-c0"), "denied", "denial")
    (entry,) = build_timeline([event_with_claim], [denial], [a])
    assert entry.status == "disputed"
    assert entry.disputed_by == ("a-c0",)
    figures = Comparison("y", "How many?", "conflict", ("a-c0", "b-c0"), "differs")
    (entry,) = build_timeline([event_with_claim], [figures], [a])
    assert (entry.status, entry.disputed_by) == ("single_source", ())


def _with_times(doc_id: str, text: str, values: list[str], published: str | None) -> Analysis:
    times = tuple(
        TimeExpression(
            0,
            1,
            text[0],
            "date",
            v,
            v if "X" not in v else None,
            v if "X" not in v else None,
            "day" if "X" not in v else None,
        )
        for v in values
    )
    return Analysis(document=make_document(text, doc_id, published=published), times=times)


def test_an_undated_text_takes_the_year_its_days_share_with_dated_ones() -> None:
    undated = _with_times("u", "x", ["XXXX-03-04", "XXXX-03-09"], None)
    dated = _with_times("d", "y", ["2019-03-04", "2019-03-09", "2018-01-01"], "2019-03-12")
    assert date_from_corpus(undated, [undated, dated]) == "2019-03-09"


def test_no_guess_when_two_years_fit_equally() -> None:
    undated = _with_times("u", "x", ["XXXX-03-04"], None)
    one = _with_times("d1", "y", ["2019-03-04"], "2019-03-12")
    two = _with_times("d2", "z", ["2020-03-04"], "2020-03-12")
    assert date_from_corpus(undated, [undated, one, two]) is None
    assert date_from_corpus(_with_times("e", "w", [], None), [one]) is None


def _placed(text: str, trigger: str, date: TimeRange | None, place: str) -> EventMention:
    at, where = text.index(trigger), text.index(place)
    return EventMention(
        at, at + len(trigger), trigger, "disaster", Span(0, len(text)), date,
        places=(Mention(where, where + len(place), place, "location"),),
    )


def test_undated_and_month_dated_mentions_join_the_dated_happening_sharing_a_place() -> None:
    told = {  # document: (text, place, date, published)
        "a": ("The quake struck Ostrava on 3 April.", "Ostrava", DAY, "2021-04-03"),
        "b": ("The quake left Ostrava without power.", "Ostrava", None, "2021-04-05"),
        "c": ("The April quake in Ostrava was the worst in decades.", "Ostrava",
              TimeRange("2021-04", "2021-04", "month"), "2021-04-20"),
        "d": ("A quake in Ostrava is overdue, geologists say.", "Ostrava", None, "2021-09-01"),
        "e": ("The quake left Brno without power.", "Brno", None, "2021-04-05"),
    }
    docs = [
        _doc(key, text, _placed(text, "quake", date, place), published=published)
        for key, (text, place, date, published) in told.items()
    ]
    mention_map = {
        (d.document.id, m.start, m.end): m.text.lower()
        for d in docs for e in d.events for m in e.places
    }
    events = corefer_events(docs, mention_map, [])
    assert sorted(sorted(e.documents) for e in events) == [["a", "b", "c"], ["d"], ["e"]]
    (main,) = [e for e in events if "a" in e.documents]
    assert main.start == "2021-04-03"


def test_a_report_of_unknown_date_joins_only_a_dated_happening_it_cannot_mistake() -> None:
    told = {  # document: (text, date, published)
        "a": ("The quake struck Ostrava on 3 April.", DAY, "2021-04-03"),
        "b": ("The quake left Ostrava without power.", None, None),
    }
    docs = [
        _doc(key, text, _placed(text, "quake", date, "Ostrava"), published=published)
        for key, (text, date, published) in told.items()
    ]
    mention_map = {(d.document.id, m.start, m.end): "ostrava"
                   for d in docs for e in d.events for m in e.places}
    (event,) = corefer_events(docs, mention_map, [])
    assert event.documents == ("a", "b")
    later = "Another quake struck Ostrava on 9 April."
    docs.append(_doc("c", later, _placed(later, "quake", TimeRange("2021-04-09", "2021-04-09",
                                                                   "day"), "Ostrava"),
                     published="2021-04-09"))
    mention_map[("c", later.index("Ostrava"), later.index("Ostrava") + 7)] = "ostrava"
    events = corefer_events(docs, mention_map, [])
    assert sorted(sorted(e.documents) for e in events) == [["a"], ["b"], ["c"]]


def test_an_undated_mention_joins_the_one_dated_happening_of_its_type_in_its_document() -> None:
    text = "Wednesday's clashes left three dead. Leaders met after the square clashes."
    first = text.index("clashes")
    dated = EventMention(first, first + 7, "clashes", "armed_clash", Span(0, 36), DAY)
    second = text.rindex("clashes")
    undated = EventMention(second, second + 7, "clashes", "armed_clash", Span(37, len(text)),
                           None)
    a = _doc("a", text, dated, undated, published="2021-04-04")
    (event,) = corefer_events([a], {}, [])
    assert event.start == "2021-04-03" and len(event.mentions) == 2


def test_a_mention_dated_this_week_joins_the_day_of_that_week_it_shares_a_place_with() -> None:
    week = TimeRange("2021-03-29", "2021-04-04", "week")
    first = "The quake struck Ostrava on 3 April."
    second = "The quake that hit Ostrava this week was the worst in decades."
    a = _doc("a", first, _placed(first, "quake", DAY, "Ostrava"), published="2021-04-03")
    b = _doc("b", second, _placed(second, "quake", week, "Ostrava"), published="2021-04-04")
    mention_map = {
        (d.document.id, m.start, m.end): "ostrava" for d in (a, b) for e in d.events
        for m in e.places
    }
    (event,) = corefer_events([a, b], mention_map, [])
    assert event.start == "2021-04-03" and sorted(event.documents) == ["a", "b"]


def test_a_happening_long_before_its_reports_is_background_on_the_timeline() -> None:
    t = "The 1998 flood was worse than the storm that hit on 3 April."
    year = TimeRange("1998", "1998", "year")
    a = _doc("a", t, _event(t, "flood", "disaster", year), _event(t, "storm", "disaster", DAY),
             published="2021-04-05")
    b = _doc("b", t + " ", _event(t + " ", "flood", "disaster", year), published="2021-04-06")
    timeline = build_timeline(corefer_events([a, b], {}, []), [], [a, b])
    assert [(entry.date, entry.status) for entry in timeline] == [
        ("1998", "background"), ("2021-04-03", "single_source")
    ]


def test_one_report_telling_twice_of_a_happening_of_one_year_gives_one_entry() -> None:
    t = "Hurricanes struck in 2008. The 2008 hurricanes left thousands homeless."
    year = TimeRange("2008", "2008", "year")
    a = _doc("a", t, _event(t, "Hurricanes", "disaster", year, "thousands"),
             _event(t, "hurricanes", "disaster", year))
    (event,) = corefer_events([a], {}, [])
    assert len(event.mentions) == 2


def test_the_happening_most_sources_tell_is_the_most_salient() -> None:
    t1 = "The bridge opened on 3 April. A storm hit in March."
    t2 = "The bridge opened on Saturday."
    march = TimeRange("2021-03", "2021-03", "month")
    a = _doc("a", t1, _event(t1, "opened", "other", DAY), _event(t1, "hit", "other", march))
    b = _doc("b", t2, _event(t2, "opened", "other", DAY))
    timeline = build_timeline(corefer_events([a, b], {}, []), [], [a, b])
    salience = {entry.date: entry.salience for entry in timeline}
    assert salience["2021-04-03"] > salience["2021-03"] > 0
    assert all(0 <= entry.salience <= 1 for entry in timeline)


def test_an_undated_mention_joins_the_dated_happening_told_with_its_word() -> None:
    quake = "The quake struck Ostrava and Brno on 3 April."
    shock = "An aftershock hit Ostrava and Brno on 5 April."
    later = "The quake left Ostrava and Brno without power."
    flood = "A flood hit Ostrava."  # one shared place and another word: no evidence enough
    day5 = TimeRange("2021-04-05", "2021-04-05", "day")

    def placed(text: str, trigger: str, date: TimeRange | None) -> EventMention:
        at = text.index(trigger)
        places = tuple(Mention(text.index(p), text.index(p) + len(p), p, "location")
                       for p in ("Ostrava", "Brno") if p in text)
        return EventMention(at, at + len(trigger), trigger, "disaster", Span(0, len(text)),
                            date, places=places)

    docs = [
        _doc("a", quake, placed(quake, "quake", DAY), published="2021-04-03"),
        _doc("b", shock, placed(shock, "aftershock", day5), published="2021-04-05"),
        _doc("b2", shock, placed(shock, "aftershock", day5), published="2021-04-05"),
        _doc("c", later, placed(later, "quake", None), published="2021-04-06"),
        _doc("d", flood, placed(flood, "flood", None), published="2021-04-06"),
    ]
    mention_map = {(d.document.id, m.start, m.end): m.text.lower()
                   for d in docs for e in d.events for m in e.places}
    events = corefer_events(docs, mention_map, [])
    assert sorted(sorted(e.documents) for e in events) == [["a", "c"], ["b", "b2"], ["d"]]


def test_a_report_dated_only_by_its_day_joins_the_happening_others_date_the_day_before() -> None:
    from triangulate.model import TimeExpression

    told = "The quake struck Ostrava on Sunday, 3 April."
    lead = "A strong quake has hit Ostrava, officials say."
    day4 = TimeRange("2021-04-04", "2021-04-04", "day")
    at = told.index("Sunday, 3 April")
    when = TimeExpression(at, at + 15, "Sunday, 3 April", "date", "2021-04-03", "2021-04-03",
                          "2021-04-03", "day")
    a = replace(_doc("a", told, _placed(told, "quake", DAY, "Ostrava"), published="2021-04-03"),
                times=(when,))
    b = _doc("b", lead, _placed(lead, "quake", day4, "Ostrava"), published="2021-04-04")
    mention_map = {(d.document.id, m.start, m.end): "ostrava"
                   for d in (a, b) for e in d.events for m in e.places}
    (event,) = corefer_events([a, b], mention_map, [])
    assert event.start == "2021-04-03" and event.documents == ("a", "b")
    # a report that writes its own day keeps it
    dated = "A strong quake hit Ostrava on Monday."
    at = dated.index("Monday")
    monday = TimeExpression(at, at + 6, "Monday", "date", "2021-04-04", "2021-04-04",
                            "2021-04-04", "day")
    c = replace(_doc("c", dated, _placed(dated, "quake", day4, "Ostrava"),
                     published="2021-04-04"), times=(monday,))
    mention_map[("c", dated.index("Ostrava"), dated.index("Ostrava") + 7)] = "ostrava"
    assert sorted(e.start or "" for e in corefer_events([a, c], mention_map, [])) == [
        "2021-04-03", "2021-04-04"]


def test_the_deaths_a_deadly_happening_is_told_with_are_not_an_entry_of_their_own() -> None:
    t = "A bomb attack killed three people in Velmar on 3 April."
    a = _doc("a", t, _event(t, "attack", "attack", DAY), _event(t, "killed", "casualty", DAY),
             published="2021-04-04")
    timeline = build_timeline(corefer_events([a], {}, []), [], [a])
    assert len(timeline) == 1
    t2 = "Officials confirmed that a traveller was infected and three people were killed."
    b = _doc("b", t2, _event(t2, "confirmed", "statement", DAY),
             _event(t2, "killed", "casualty", DAY), published="2021-04-04")
    assert len(build_timeline(corefer_events([b], {}, []), [], [b])) == 2


def test_deaths_only_the_reports_of_a_deadly_happening_of_their_day_tell_are_its_entry() -> None:
    t1 = "A bomb attack hit Velmar on 3 April."
    t2 = "Three people died in Velmar on 3 April."
    a = _doc("a", t1 + " " + t2, _event(t1 + " " + t2, "attack", "attack", DAY),
             _event(t1 + " " + t2, "died", "casualty", DAY), published="2021-04-04")
    timeline = build_timeline(corefer_events([a], {}, []), [], [a])
    assert [entry.date for entry in timeline] == ["2021-04-03"]


def test_an_injury_told_with_a_rescue_of_its_day_is_that_rescue_not_an_entry() -> None:
    t1 = "On Saturday a farmer was pulled alive from the ruins, badly injured."
    t2 = "Two guards were injured on Saturday."
    a = _doc(
        "a", t1, _event(t1, "pulled alive", "rescue", DAY), _event(t1, "injured", "casualty", DAY)
    )
    b = _doc("b", t2, _event(t2, "injured", "casualty", DAY))
    kept = build_timeline(corefer_events([a], {}, []), [], [a])
    assert [e.summary for e in kept] == [t1]
    alone = build_timeline(corefer_events([b], {}, []), [], [b])
    assert [e.summary for e in alone] == [t2]


def test_every_happening_joins_its_other_words_within_one_story_only() -> None:
    from triangulate.reconcile.events import corefer_happenings

    texts = {
        "a": "A strong quake hit the mountain town of Velmar, toppling the old granary tower.",
        "b": "The quake struck Velmar at dawn; the granary tower of the mountain town fell.",
        "c": "A quake hit the fishing port of Ostrava, sinking trawlers along the harbour wall.",
        "d": "Trawlers sank in the harbour of Ostrava when the quake struck the fishing port.",
    }
    layer = []
    for doc_id, text in texts.items():
        word = "hit" if "hit" in text else "struck"
        mention = _event(text, word, "disaster", None)
        layer.append((_doc(doc_id, text, mention), [mention]))
    chains = corefer_happenings(layer, {})
    assert sorted(sorted(d for d, _ in chain) for chain in chains) == [["a", "b"], ["c", "d"]]
