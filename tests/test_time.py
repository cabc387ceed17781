"""Time expressions: recognition, TimeML values and calendar ranges, on hand-written sentences."""

from __future__ import annotations

import datetime

import pytest

from triangulate.analyze.time import find_times, infer_publication_date
from triangulate.model import TimeExpression, TimeRange

WEDNESDAY = datetime.date(2023, 3, 15)


def times(text: str, anchor: datetime.date | None = WEDNESDAY) -> list[TimeExpression]:
    found = find_times(text, anchor)
    for time in found:
        assert text[time.start : time.end] == time.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    return found


def only(text: str, anchor: datetime.date | None = WEDNESDAY) -> TimeExpression:
    found = times(text, anchor)
    assert len(found) == 1, found
    return found[0]


def summary(text: str, anchor: datetime.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(time.text, time.value) for time in times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry sank on 19.05.2022 near the coast.", "19.05.2022", "2022-05-19"),
        ("The report is dated 2022-05-21.", "2022-05-21", "2022-05-21"),
        ("The vote is set for January 15, 2024.", "January 15, 2024", "2024-01-15"),
        ("The bridge opened on 9 August 2021.", "9 August 2021", "2021-08-09"),
        ("The dam broke on 3 March.", "3 March", "2023-03-03"),
        ("The dam broke on March 3.", "March 3", "2023-03-03"),
        ("The dam broke on Mar. 3.", "Mar. 3", "2023-03-03"),
        ("On Tuesday, March 7, the strike began.", "Tuesday, March 7", "2023-03-07"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    time = only(text)
    assert (time.text, time.type, time.value, time.precision) == (span, "date", value, "day")
    assert time.date_start == time.date_end == value


def test_weekdays_past_and_future() -> None:
    assert only("On Monday the council met.").value == "2023-03-13"
    assert only("The council met on Wednesday.").value == "2023-03-15"
    assert only("The council will vote on Friday.").value == "2023-03-17"
    assert only("The council met last Friday.").value == "2023-03-10"
    # said on a Wednesday, "last Tuesday" is the Tuesday of the week before, not yesterday
    assert only("The council met last Tuesday.").value == "2023-03-07"
    assert only("The council met last Monday.").value == "2023-03-13"


def test_months_alone_take_the_latest_past_year() -> None:
    february = only("In February the river flooded.")
    assert (february.value, february.date_start, february.precision) == (
        "2023-02", "2023-02", "month")
    assert only("In October the river flooded.").value == "2022-10"
    assert only("The plant closed in May.").value == "2022-05"
    assert times("Officials may close the plant.") == []


def test_years_and_decades() -> None:
    assert summary("Prices doubled in 2019 and have risen since 2011.") == [
        ("2019", "2019"), ("2011", "2011")]
    decade = only("The town grew in the 1980s.")
    assert (decade.text, decade.value, decade.date_start, decade.date_end) == (
        "the 1980s", "198", "1980", "1989")
    assert times("The army sent 2019 soldiers.") == []


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        ("Rain fell today.", "2023-03-15", "2023-03-15", "2023-03-15"),
        ("Rain fell yesterday.", "2023-03-14", "2023-03-14", "2023-03-14"),
        ("Rain fell last month.", "2023-02", "2023-02", "2023-02"),
        ("Rain fell this year.", "2023", "2023", "2023"),
        ("Rain fell last year.", "2022", "2022", "2022"),
        ("Rain is forecast for next week.", "2023-W12", "2023-03-20", "2023-03-26"),
        ("Rain fell earlier this month.", "2023-03", "2023-03", "2023-03"),
        ("Shops are busy these days.", "PRESENT_REF", None, None),
        ("Shops are busy now.", "PRESENT_REF", None, None),
        ("Shops were busy recently.", "PAST_REF", None, None),
        ("The truce began 18 months after 3 March 2019.", "2020-09", "2020-09", "2020-09"),
    ],
)
def test_relative_dates(text: str, value: str, start: str | None, end: str | None) -> None:
    time = only(text)
    assert (time.value, time.date_start, time.date_end) == (value, start, end)


def test_previous_day_counts_from_the_date_in_focus() -> None:
    text = ("The fire started on 8 March. The previous day, a warning was issued. "
            "Two days later, the fire was out. A day later, roads reopened.")
    assert summary(text) == [
        ("8 March", "2023-03-08"), ("The previous day", "2023-03-07"),
        ("Two days later", "2023-03-09"), ("A day later", "2023-03-10"),
    ]
    assert only("The day before, the mayor resigned.").value == "2023-03-14"


def test_ranges_are_one_expression() -> None:
    festival = only("The festival ran on July 3-7.", datetime.date(2023, 8, 1))
    assert (festival.text, festival.date_start, festival.date_end, festival.precision) == (
        "July 3-7", "2023-07-03", "2023-07-07", "day")
    since = only("Talks have run from 5 January to the present time.")
    assert (since.text, since.date_start, since.date_end) == (
        "from 5 January to the present time", "2023-01-05", "2023-03-15")
    for text in ("Prices rose in February–May.", "Prices rose in February-May."):
        months = only(text, datetime.date(2023, 8, 1))
        assert (months.date_start, months.date_end, months.precision) == (
            "2023-02", "2023-05", "month")


def test_lists_of_days_sharing_a_month() -> None:
    text = "Inspections took place on 2, 9, 16, 23 June and 1 July."
    assert summary(text, datetime.date(2023, 8, 1)) == [
        ("2", "2023-06-02"), ("9", "2023-06-09"), ("16", "2023-06-16"),
        ("23 June", "2023-06-23"), ("1 July", "2023-07-01"),
    ]
    assert all(time.precision == "day" for time in times(text, datetime.date(2023, 8, 1)))


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("The siege lasted 38 days.", "38 days", "duration", "P38D"),
        ("She had taught for 31 years.", "31 years", "duration", "P31Y"),
        ("The hearing lasted 2 hours 15 minutes.", "2 hours 15 minutes", "duration", "PT2H15M"),
        ("It took several days to clear.", "several days", "duration", "PXD"),
        ("The fair is held every year.", "every year", "set", "P1Y"),
        ("The annual fair opened.", "annual", "set", "P1Y"),
        ("Boats leave twice a week.", "twice a week", "set", "P1W"),
    ],
)
def test_durations_and_sets(text: str, span: str, type_: str, value: str) -> None:
    time = only(text)
    assert (time.text, time.type, time.value, time.date_start) == (span, type_, value, None)


def test_year_inference_prefers_the_past_unless_future_is_said() -> None:
    december = datetime.date(2023, 12, 20)
    assert only("The results will be published on Jan. 10.", december).value == "2024-01-10"
    assert only("The firm closed the deal on Dec. 28.", datetime.date(2024, 1, 3)).value == (
        "2023-12-28")
    assert only("The firm closed the deal on Dec. 28.", december).value == "2022-12-28"
    january = datetime.date(2010, 1, 25)
    agreed = "The delegates agreed to hold a donors' conference at the UN in New York in March."
    assert only(agreed, january).value == "2010-03"
    assert only("The delegates held a conference in New York in March.", january).value == (
        "2009-03")


def test_clock_times() -> None:
    time = only("The polls will close at 10 p.m. on Friday.")
    assert (time.type, time.value, time.date_start) == ("time", "2023-03-17T22:00", "2023-03-17")
    assert only("Rain fell this morning.").value == "2023-03-15TMO"
    local = only("A tremor was felt at 09:10 hours (0440 GMT) on Thursday.")
    assert (local.value, local.date_start) == ("2023-03-09T09:10", "2023-03-09")
    four_figures = only("The quake, which struck at 1353 (1023 GMT), was felt in the capital.")
    assert (four_figures.text, four_figures.value) == ("1353 (1023 GMT)", "2023-03-15T13:53")
    assert only("The report went out at 0910 GMT.").value == "2023-03-15T09:10"
    assert times("The ferry carried 1353 passengers and 1023 cars.") == []


def test_without_anchor_relative_dates_stay_unresolved() -> None:
    august = only("The bridge opened on August 12.", None)
    assert (august.value, august.date_start) == ("XXXX-08-12", None)
    yesterday = only("Rain fell yesterday.", None)
    assert (yesterday.value, yesterday.date_start) == ("XXXX-XX-XX", None)
    assert only("The bridge opened on 9 August 2021.", None).date_start == "2021-08-09"


def test_infer_publication_date() -> None:
    text = ("More than 18 months have passed since the ceasefire signed on 3 March 2019. "
            "Talks resumed in 2021.")
    assert infer_publication_date(text) == TimeRange("2020-09", None, "month")
    text = "The mill closed on 3 May 2019. It reopened on 12 June 2021, and again in August."
    assert infer_publication_date(text) == TimeRange("2021-06-12", None, "day")
    assert infer_publication_date("The mill closed in 2017 after a flood.") == TimeRange(
        "2017", None, "year")
    assert infer_publication_date("The mill closed yesterday.") is None


def test_a_month_alone_with_an_irregular_past_verb_is_in_the_past() -> None:
    november = datetime.date(2023, 11, 15)
    assert only("A quake hit the town in February.", november).value == "2023-02"
    assert only("The dam broke in February.", november).value == "2023-02"


def test_identifiers_and_clock_times_are_not_years() -> None:
    assert summary("The council passed resolution 1973 last week.") == [("last week", "2023-W10")]
    clock = only("The tremor hit at 1653 local time.")
    assert (clock.type, clock.value) == ("time", "2023-03-15T16:53")
    assert summary("The war began in 1973.") == [("1973", "1973")]


def test_a_weekday_right_after_a_speech_verb_dates_the_telling() -> None:
    friday = datetime.date(2023, 3, 17)
    assert only("The mayor told reporters Thursday that he would resign.", friday).value == (
        "2023-03-16")


def test_a_weekday_opening_a_sentence_dates_its_speech_verb() -> None:
    friday = datetime.date(2021, 5, 7)
    text = "And on Monday, the army -- the pillar of the state -- announced it would not fire."
    assert only(text, friday).value == "2021-05-03"
    assert only("The minister will travel on Monday, aides said.", friday).value == "2021-05-10"


def test_a_file_date_does_not_anchor_weekdays() -> None:
    from triangulate.analyze.stages import times_stage
    from triangulate.model import Analysis, Document

    text = "The strike was held on Saturday."
    saved = Document(id="d", source="d.txt", sha256="d", text=text, published="2026-11-30",
                     published_precision="day", published_basis="file")
    (saturday,) = times_stage(Analysis(saved)).times
    assert saturday.date_start is None
    stated = Document(id="d", source="d.txt", sha256="d", text=text, published="2010-05-05",
                      published_precision="day", published_basis="metadata")
    assert times_stage(Analysis(stated)).times[0].date_start == "2010-05-01"
