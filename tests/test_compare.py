"""Claim alignment and verdicts on small hand-built corpora."""

from __future__ import annotations

from dataclasses import replace

from triangulate.analyze.fact_scope import scope_of
from triangulate.analyze.facts import with_facts
from triangulate.model import (
    Analysis,
    Claim,
    ClaimRecord,
    EventMention,
    Quantity,
    Sentence,
    Span,
    TimeRange,
)
from triangulate.reconcile.blocking import MAX_BLOCK, StemIndex
from triangulate.reconcile.compare import compare_claims
from triangulate.reconcile.compare_statements import denied_proposition
from triangulate.reconcile.count_values import values_agree

from .conftest import make_document


def _claim(
    text: str, fragment: str, *quantities: tuple[str, float, str, str], **kw: object
) -> Claim:
    start = text.index(fragment)
    qs = tuple(
        Quantity(text.index(q), text.index(q) + len(q), q, value, unit, qualifier)  # type: ignore[arg-type]
        for q, value, unit, qualifier in quantities
    )
    return Claim(start, start + len(fragment), fragment, quantities=qs, **kw)  # type: ignore[arg-type]


def _analysis(
    doc_id: str, text: str, published: str, claims: list[Claim], **kw: object
) -> Analysis:
    """The analysis with its claims' facts read (the ``facts`` stage; no parse, so by rule)."""
    document = make_document(text, doc_id, published=published, publisher=f"Outlet {doc_id}")
    analysis = Analysis(document=document, claims=tuple(claims), **kw)  # type: ignore[arg-type]
    return replace(analysis, claims=with_facts(analysis))


def _records(*analyses: Analysis) -> list[ClaimRecord]:
    return [
        ClaimRecord(f"{a.document.id}-c{i}", a.document.id, c)
        for a in analyses
        for i, c in enumerate(a.claims)
    ]


def _boat_events(text: str, dates: list[tuple[str, int]]) -> tuple[EventMention, ...]:
    at = text.index("ferries")
    return tuple(
        EventMention(
            at, at + 7, "ferries", "transport", Span(0, len(text)), TimeRange(d, d, "day"), n
        )
        for d, n in dates
    )


def _grain_reports() -> tuple[Analysis, Analysis]:
    """Two outlets giving the same amount of grain shipped."""
    t1 = "The harbour authority said more than 300 tons of grain were shipped to the island."
    t2 = "Over 300 tonnes of grain were shipped to the island, the port office said."
    a = _analysis(
        "a", t1, "2021-03-01", [_claim(t1, t1, ("more than 300 tons", 300, "ton", "over"))]
    )
    b = _analysis(
        "b", t2, "2021-03-02", [_claim(t2, t2, ("Over 300 tonnes", 300, "tonne", "over"))]
    )
    return a, b


def test_same_amount_from_independent_sources_agrees() -> None:
    a, b = _grain_reports()
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "agree"
    assert set(comparison.claims) == {"a-c0", "b-c0"}
    assert "Outlet a" in comparison.explanation and "Outlet b" in comparison.explanation


def test_an_explanation_names_speakers_but_not_pronouns_or_stray_words() -> None:
    t1 = "The harbour authority said more than 300 tons of grain were shipped to the island."
    t2 = "Over 300 tonnes of grain were shipped to the island, he said."
    a = _analysis("a", t1, "2021-03-01", [_claim(
        t1, t1, ("more than 300 tons", 300, "ton", "over"), speaker_text="The harbour authority"
    )])
    b = _analysis("b", t2, "2021-03-02", [_claim(
        t2, t2, ("Over 300 tonnes", 300, "tonne", "over"), speaker_text="he"
    )])
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert "citing The harbour authority" in comparison.explanation
    assert "citing he" not in comparison.explanation
    stray = _analysis("c", t2, "2021-03-02", [_claim(
        t2, t2, ("Over 300 tonnes", 300, "tonne", "over"), speaker_text="grain"
    )])
    (comparison,) = compare_claims([a, stray], _records(a, stray))
    assert "citing grain" not in comparison.explanation


def test_a_later_higher_count_is_an_update_that_names_the_new_dates() -> None:
    t1 = "Six ferries carried evacuees from the coast to the capital, officials said."
    t2 = "Eight ferries carried evacuees from the coast to the capital since last week."
    window = TimeRange("2021-05-01", "2021-05-09")
    a = _analysis(
        "a",
        t1,
        "2021-05-09",
        [_claim(t1, t1, ("Six ferries", 6, "ferry", "exact"), time=window)],
        events=_boat_events(t1, [("2021-05-02", 3), ("2021-05-04", 3)]),
    )
    b = _analysis(
        "b",
        t2,
        "2021-05-12",
        [
            _claim(
                t2,
                t2,
                ("Eight ferries", 8, "ferry", "exact"),
                time=TimeRange("2021-05-01", "2021-05-12"),
            )
        ],
        events=_boat_events(t2, [("2021-05-02", 3), ("2021-05-04", 3), ("2021-05-11", 2)]),
    )
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "update"
    assert "2021-05-11" in comparison.explanation
    assert "the same dates plus" in comparison.explanation
    assert comparison.question.startswith("How many ferries")


def test_different_values_in_the_same_window_earlier_larger_is_a_conflict() -> None:
    t1 = "Police said 5,000 protesters marched through the old town on Sunday."
    t2 = "Organisers said 20,000 protesters marched through the old town on Sunday."
    day = TimeRange("2022-04-03", "2022-04-03", "day")
    a = _analysis(
        "a",
        t1,
        "2022-04-04",
        [_claim(t1, t1, ("5,000 protesters", 5000, "protester", "exact"), time=day)],
    )
    b = _analysis(
        "b",
        t2,
        "2022-04-03",
        [_claim(t2, t2, ("20,000 protesters", 20000, "protester", "exact"), time=day)],
    )
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "conflict"
    assert "5,000" in comparison.explanation and "20,000" in comparison.explanation


def test_counts_of_different_days_are_not_compared() -> None:
    t1 = "Two ferries left the harbour on Monday with evacuees."
    t2 = "Five ferries left the harbour on Friday with evacuees."
    a = _analysis(
        "a",
        t1,
        "2021-05-09",
        [
            _claim(
                t1,
                t1,
                ("Two ferries", 2, "ferry", "exact"),
                time=TimeRange("2021-05-03", "2021-05-03", "day"),
            )
        ],
    )
    b = _analysis(
        "b",
        t2,
        "2021-05-09",
        [
            _claim(
                t2,
                t2,
                ("Five ferries", 5, "ferry", "exact"),
                time=TimeRange("2021-05-07", "2021-05-07", "day"),
            )
        ],
    )
    assert compare_claims([a, b], _records(a, b)) == []


def test_an_agreement_of_one_outlets_reports_or_of_one_cited_source_confirms_nothing() -> None:
    a, b = _grain_reports()
    same_outlet = replace(b, document=replace(b.document, publisher="Outlet a"))
    (comparison,) = compare_claims([a, same_outlet], _records(a, same_outlet))
    assert comparison.verdict == "agree"
    assert comparison.explanation.endswith(
        "All are reports of Outlet a: not independent confirmations.")
    records = [replace(record, attributed_to="e-port") for record in _records(a, b)]
    (comparison,) = compare_claims([a, b], records)
    assert "one source, repeated" in comparison.explanation
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert "independent" not in comparison.explanation and "repeated" not in comparison.explanation


def test_a_copy_never_agrees_with_its_original() -> None:
    t = "More than 300 tons of grain were shipped to the island."
    q = ("More than 300 tons", 300, "ton", "over")
    a = _analysis("a", t, "2021-03-01", [_claim(t, t, q)])
    b_doc = make_document(t, "b", published="2021-03-02", copy_of="a")
    b = Analysis(document=b_doc, claims=(_claim(t, t, q),))
    assert compare_claims([a, b], _records(a, b)) == []


def test_two_versions_of_one_story_are_compared_but_their_agreement_confirms_nothing() -> None:
    a, independent = _grain_reports()
    b = replace(independent, document=replace(independent.document, version_of="a"))
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "agree"
    assert comparison.explanation.endswith(
        "Both are versions of one story, not independent confirmations."
    )
    (agreement,) = compare_claims([a, independent], _records(a, independent))
    assert "versions" not in agreement.explanation


def test_unrelated_claims_with_the_same_unit_are_not_compared() -> None:
    t1 = "The company said 40 employees were laid off at the car plant."
    t2 = "Rescuers said 12 employees of the mine were trapped underground after the flood."
    a = _analysis(
        "a", t1, "2021-03-01", [_claim(t1, t1, ("40 employees", 40, "employee", "exact"))]
    )
    b = _analysis(
        "b", t2, "2021-03-02", [_claim(t2, t2, ("12 employees", 12, "employee", "exact"))]
    )
    assert compare_claims([a, b], _records(a, b)) == []


def test_a_denial_conflicts_with_the_assertion_it_denies() -> None:
    t1 = "The shipment of rifles was delivered to the rebels by the border guards."
    t2 = (
        "The shipment was not meant for the rebels but held spare parts for the border guards,"
        " the border guards said."
    )
    a = _analysis("a", t1, "2021-03-01", [_claim(t1, t1)])
    b = _analysis(
        "b", t2, "2021-03-02", [_claim(t2, t2, stance="denied", speaker_text="the border guards")]
    )
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "conflict"
    assert comparison.claims[0] == "b-c0"
    assert "denies" in comparison.explanation


def test_a_plain_negative_statement_is_not_a_denial_of_another_claim() -> None:
    t1 = "The shipment of rifles was delivered to the rebels by the border guards."
    t2 = "The shipment of rifles did not reach the rebels before the border guards arrived."
    a = _analysis("a", t1, "2021-03-01", [_claim(t1, t1)])
    # the analysis marks it an assertion with negative polarity, not a denial
    b = _analysis("b", t2, "2021-03-02", [_claim(t2, t2, polarity="negative")])
    assert compare_claims([a, b], _records(a, b)) == []


def test_an_account_said_to_leave_something_out_is_an_omission() -> None:
    t1 = "The governor asked the minister about the unpaid flood compensation during the call."
    t2 = (
        "The ministry also published a readout of the call,"
        " but it did not mention the flood compensation."
    )
    a = _analysis("a", t1, "2021-03-01", [_claim(t1, t1)])
    b = _analysis("b", t2, "2021-03-02", [_claim(t2, t2)])
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "omission"
    assert set(comparison.claims) == {"a-c0", "b-c0"}
    assert "flood compensation" in comparison.explanation


def test_blocking_finds_every_pair_that_shares_a_word_in_a_small_corpus() -> None:
    import random

    rng = random.Random(7)
    words = [f"w{n}" for n in range(40)]
    sets = [frozenset(rng.sample(words, 3)) for _ in range(30)]
    expected = {(i, j) for i in range(30) for j in range(i + 1, 30) if sets[i] & sets[j]}
    assert set(StemIndex(sets).pairs()) == expected


def test_a_word_shared_by_too_many_items_makes_no_pairs() -> None:
    sets = [frozenset({"common", f"own{n}"}) for n in range(MAX_BLOCK + 1)]
    sets[3] |= {"rare"}
    sets[40] |= {"rare"}
    assert set(StemIndex(sets).pairs()) == {(3, 40)}
    assert StemIndex(sets).candidates({"rare", "common"}) == [3, 40]


def test_matching_amounts_are_found_among_many_unrelated_ones() -> None:
    filler = [
        _analysis(
            f"f{n}",
            text := f"Q{n:03d}crew q{n:03d}haul {n + 2} tons of q{n:03d}grav to q{n:03d}pit.",
            "2021-03-01",
            [_claim(text, text, (f"{n + 2} tons", n + 2, "ton", "exact"))],
        )
        for n in range(120)
    ]
    t1 = "The harbour authority said more than 300 tons of grain were shipped to the island."
    t2 = "Over 300 tonnes of grain were shipped to the island, the port office said."
    a = _analysis(
        "a", t1, "2021-03-01", [_claim(t1, t1, ("more than 300 tons", 300, "ton", "over"))]
    )
    b = _analysis(
        "b", t2, "2021-03-02", [_claim(t2, t2, ("Over 300 tonnes", 300, "tonne", "over"))]
    )
    analyses = [*filler[:60], a, *filler[60:], b]
    (comparison,) = compare_claims(analyses, _records(*analyses))
    assert comparison.verdict == "agree"
    assert set(comparison.claims) == {"a-c0", "b-c0"}


# ---- scope, pairwise verdicts, denials read from sentences ---------------------------------


def _sentenced(doc_id: str, text: str, published: str, fragments: list[str]) -> Analysis:
    """An analysis whose sentences are split on ". " and whose claims are the given fragments
    (no quantities: they are read from the sentences)."""
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        sentences.append(Sentence(start, min(end, len(text))))
        start = start + len(part) + 2
    claims = [_claim(text, f) for f in fragments]
    return _analysis(doc_id, text, published, claims, sentences=tuple(sentences))


def test_scope_tells_killed_from_moved_and_stationed() -> None:
    killed = scope_of("Nine miners were killed in the blast.", 0, 11)
    moved = scope_of("Analysts said 900 miners had been moved to the east.", 14, 24)
    assert killed.kinds == {"die"} and killed.phrase == "were killed"
    assert moved.kinds == {"move"} and not killed.kinds & moved.kinds
    laid_off = scope_of("The mill laid off 300 workers on Monday.", 18, 29)
    total = scope_of("Layoffs at the mill have reached 500 workers since May.", 33, 44)
    assert laid_off.phrase == "were laid off" and laid_off.kinds & total.kinds
    assert total.cumulative and total.since and not laid_off.cumulative


def test_counts_of_different_happenings_are_not_compared() -> None:
    t1 = "Nine miners were killed in the blast at the Orlo pit, the police said."
    t2 = "Seven miners were killed in the blast at the Orlo pit, the union said."
    t3 = "Officials said 900 miners had been moved to the Orlo pit before the blast."
    a = _analysis("a", t1, "2022-01-02", [_claim(t1, t1, ("Nine miners", 9, "miner", "exact"))])
    b = _analysis("b", t2, "2022-01-02", [_claim(t2, t2, ("Seven miners", 7, "miner", "exact"))])
    c = _analysis("c", t3, "2022-01-03", [_claim(t3, t3, ("900 miners", 900, "miner", "exact"))])
    (comparison,) = compare_claims([a, b, c], _records(a, b, c))
    assert comparison.verdict == "conflict" and set(comparison.claims) == {"a-c0", "b-c0"}
    assert comparison.question.startswith("How many miners were killed")


def test_two_agreeing_counts_and_a_later_running_total_give_agree_and_update() -> None:
    t1 = "Since 2 May, 40 lorries have crossed into Dravia, the border agency said."
    t2 = "Forty lorries have crossed into Dravia since 2 May, the border agency said."
    t3 = "The number of lorries that have crossed into Dravia since 2 May has risen to 75."
    day = TimeRange("2022-05-02", "2022-05-02", "day")
    a = _analysis("a", t1, "2022-05-10", [_claim(t1, t1, ("40 lorries", 40, "lorry", "exact"),
                                                 time=day)])
    b = _sentenced("b", t2, "2022-05-11", [t2])
    c = _analysis("c", t3, "2022-05-20", [_claim(t3, t3, ("75", 75, "", "exact"), time=day)])
    comparisons = compare_claims([a, b, c], _records(a, b, c))
    verdicts = {c.verdict: set(c.claims) for c in comparisons}
    assert verdicts["agree"] == {"a-c0", "b-c0"}  # "Forty" read again from the sentence
    assert verdicts["update"] == {"a-c0", "b-c0", "c-c0"}
    assert len(comparisons) == 2


def test_a_bound_and_the_figure_meeting_it_agree_and_an_extra_part_is_partial() -> None:
    t1 = "At least 12 miners died in the Orlo pit fire, the police said."
    t2 = "The Orlo pit fire killed 12 miners and a guard, the union said."
    a = _analysis("a", t1, "2022-01-02", [_claim(t1, t1, ("At least 12 miners", 12, "miner",
                                                          "at_least"))])
    b = _analysis("b", t2, "2022-01-02", [_claim(t2, t2, ("12 miners", 12, "miner", "exact"))])
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "partial"
    assert "also counts another group" in comparison.explanation


def test_a_later_figure_just_above_a_lower_bound_refines_it_unless_the_toll_rose() -> None:
    t1 = "More than 100 people have died of the flu so far, officials said."
    a = _analysis("a", t1, "2009-05-02", [_claim(t1, t1, ("More than 100 people", 100,
                                                          "person", "over"))])
    verdicts = []
    for t2, value in (("Officials said 101 people have died of the flu.", 101),
                      ("Officials said 149 people have died of the flu.", 149),
                      ("The flu toll rose to 105 people, officials said.", 105)):
        b = _analysis("b", t2, "2009-05-03", [_claim(t2, t2, (f"{value} people", value,
                                                              "person", "exact"))])
        (comparison,) = compare_claims([a, b], _records(a, b))
        verdicts.append(comparison.verdict)
    assert verdicts == ["partial", "update", "update"]


def test_a_count_of_another_year_is_no_part_of_a_running_toll() -> None:
    t1 = "Four hurricanes in 2008 killed hundreds of people, officials said."
    t2 = "The death toll has risen to 50,000 people so far, officials said."
    a = _analysis("a", t1, "2010-01-13", [_claim(t1, t1, ("hundreds of people", 100, "person",
                                                          "at_least"), time=TimeRange(
                                                              "2008", "2008", "year"))])
    b = _analysis("b", t2, "2010-01-15", [_claim(t2, t2, ("50,000 people", 50000, "person",
                                                          "exact"))])
    assert compare_claims([a, b], _records(a, b)) == []


def test_values_agree_on_compatible_qualifiers_only() -> None:
    def q(value: float, qualifier: str) -> Quantity:
        return Quantity(0, 1, "x", value, "ton", qualifier)  # type: ignore[arg-type]

    assert values_agree(q(300, "over"), q(300, "at_least"))
    assert values_agree(q(14, "at_least"), q(14, "exact"))
    assert values_agree(q(4000, "about"), q(4100, "exact"))
    assert not values_agree(q(300, "over"), q(300, "under"))
    assert not values_agree(q(900, "about"), q(1500, "exact"))


def test_a_denial_read_from_the_sentence_conflicts_with_the_assertion() -> None:
    t1 = "The operator denied that the dam was damaged, saying the cracks were old."
    t2 = "Engineers said the dam was damaged by the earthquake."
    # The claim starts after "denied that", as a claim finder may cut it.
    a = _sentenced("a", t1, "2022-03-02", ["the dam was damaged, saying the cracks were old."])
    b = _sentenced("b", t2, "2022-03-01", ["the dam was damaged by the earthquake."])
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "conflict"
    assert comparison.question == "Is it true that the dam was damaged?"
    assert comparison.claims == ("a-c0", "b-c0")


def test_not_this_but_that_denies_this() -> None:
    assert denied_proposition("The mayor said the closure was not about money but about safety.") \
        == "the closure was about money"
    assert denied_proposition("The road was closed on Monday.") is None
    assert denied_proposition("He said he will not seek another term in the election, but now "
                              "faces pressure to go.") is None  # two clauses, no correction


def test_what_a_denial_adds_after_its_proposition_matches_nothing() -> None:
    t1 = ("The minister dismissed criticism that aid was not leaving the airport, saying 14 "
          "centres were feeding an estimated two million people left without homes.")
    t2 = "An estimated 1.5 million people have been left homeless."
    fragment = t1[t1.index("aid was"):]
    a = _analysis("a", t1, "2010-01-26", [_claim(t1, fragment, stance="denied")])
    b = _analysis("b", t2, "2010-01-26", [_claim(t2, t2)])
    assert not [c for c in compare_claims([a, b], _records(a, b)) if c.kind == "denial"]


def test_an_omission_finds_the_statement_worded_differently() -> None:
    t1 = "Officials said the other side's statement did not mention the held sailors."
    t2 = "The ministers discussed the fate of nine sailors detained at sea, officials said."
    a = _sentenced("a", t1, "2022-03-02", [t1])
    b = _sentenced("b", t2, "2022-03-02", [t2])
    (comparison,) = compare_claims([a, b], _records(a, b))
    assert comparison.verdict == "omission" and comparison.claims == ("a-c0", "b-c0")
    assert comparison.question == "Does every account mention the held sailors?"


def test_a_figure_bound_does_not_reach_a_count_a_thousand_times_larger() -> None:
    t1 = "Officials said more than 80 people had died of the fever in the province."
    t2 = "Officials said 250,000 people had died of the fever in the province."
    t3 = "Officials said thousands of people had died of the fever in the province."
    a = _analysis("a", t1, "2022-04-04",
                  [_claim(t1, t1, ("more than 80 people", 80, "person", "over"))])
    b = _analysis("b", t2, "2022-04-04",
                  [_claim(t2, t2, ("250,000 people", 250000, "person", "exact"))])
    c = _analysis("c", t3, "2022-04-04",
                  [_claim(t3, t3, ("thousands of people", 1000, "person", "at_least"))])
    assert compare_claims([a, b], _records(a, b)) == []
    (comparison,) = compare_claims([c, b], _records(c, b))
    assert {record.split("-c")[0] for record in comparison.claims} == {"b", "c"}
