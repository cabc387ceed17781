"""The disputes and sources view models on a small hand-built story (tests/workspace_corpus.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from triangulate.model import Analysis, Comparison, Fact, Reconciliation
from triangulate.outputs.disputes import Dispute, base_question, build_disputes
from triangulate.outputs.report import render_report
from triangulate.outputs.sources import build_sources

from .workspace_corpus import analyses, reconciliation


@pytest.fixture(scope="module")
def story() -> tuple[list[Analysis], Reconciliation]:
    items = analyses()
    return items, reconciliation(items)


def _row(rows: list[Dispute], question: str) -> Dispute:
    return next(r for r in rows if r.question == question)


def test_base_question_drops_only_the_scope() -> None:
    assert base_question("How many died (Suez, 2011-02-04)?") == "How many died?"
    assert base_question("How many tugs stood by?") == "How many tugs stood by?"
    quoted = "Is this so: “the crew (all of it) ignored it”?"
    assert base_question(quoted) == quoted


def test_two_comparisons_of_one_question_become_one_row(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    rows = build_disputes(*story)
    assert len(rows) == 4  # six comparisons, four questions
    rescued = _row(rows, "How many passengers were rescued?")
    assert [j.comparison for j in rescued.judgements] == ["cmp-rescued-1", "cmp-rescued-2"]
    assert len(rescued.scopes) == 2
    lifeboats = _row(rows, "How many lifeboats were launched?")
    assert lifeboats.verdicts == {"agree": 1, "update": 1}
    assert lifeboats.claims == 3


def test_same_words_without_a_shared_claim_stay_apart(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    items, full = story
    apart = (
        Comparison("a", "How many tugs stood by (dawn)?", "agree", ("herald-1", "courier-1"), ""),
        Comparison("b", "How many tugs stood by (night)?", "conflict", ("post-2", "daily-1"), ""),
    )
    rows = build_disputes(items, replace(full, comparisons=apart))
    assert [r.judgements[0].comparison for r in sorted(rows, key=lambda r: r.id)] == ["a", "b"]
    same_words = (*apart[:1], replace(apart[1], question="How many tugs stood by (dawn)?"))
    assert len(build_disputes(items, replace(full, comparisons=same_words))) == 1


def test_one_figure_asked_in_other_words_is_one_row(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    items, full = story
    worded_apart = (
        Comparison(
            "rescued",
            "How many passengers were rescued?",
            "conflict",
            ("herald-0", "courier-0"),
            "Harbour Herald gives “41 passengers”; Valley Courier “43 passengers”.",
        ),
        Comparison(
            "ashore",
            "How many passengers were brought ashore (2023-03-05)?",
            "conflict",
            ("courier-0", "post-1"),
            "Valley Courier gives “43 passengers”; Island Post “Seven lifeboats”.",
        ),
        # the Herald's other figure of the same claim answers another question
        Comparison(
            "crew", "How many crew were rescued?", "agree", ("herald-0", "daily-0"), "“3 crew”"
        ),
    )
    rows = build_disputes(items, replace(full, comparisons=worded_apart))
    assert sorted([j.comparison for j in r.judgements] for r in rows) == [
        ["crew"],
        ["rescued", "ashore"],
    ]
    passengers = next(r for r in rows if r.id == "ashore")
    assert [a.value for a in passengers.answers] == [
        "41 passengers",
        "43 passengers",
        "Seven lifeboats",
    ]
    crew = next(r for r in rows if r.id == "crew")
    assert [(a.value, [c.document for c in a.copies]) for a in crew.answers] == [
        ("3 crew", ["daily"])
    ]


def test_a_copy_that_changes_the_value_is_an_answer_of_its_own(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    items, full = story
    records = {r.id: r for r in full.claims}
    changed = records["daily-0"].claim.facts[1].quantity
    changed = replace(changed, text="45 passengers", value=45)
    edited = replace(
        records["daily-0"],
        claim=replace(records["daily-0"].claim, quantities=(changed,), facts=(Fact(changed),)),
    )
    question = Comparison(
        "later",
        "How many passengers were rescued?",
        "update",
        ("herald-0", "daily-0", "courier-0"),
        "“41 passengers”, then “45 passengers”; Valley Courier “43 passengers”.",
    )
    reconciliation = replace(
        full,
        claims=tuple(edited if r.id == "daily-0" else r for r in full.claims),
        comparisons=(question,),
    )
    (row,) = build_disputes(items, reconciliation)
    assert [(a.document, a.value, a.copy_of, a.copies) for a in row.answers] == [
        ("herald", "41 passengers", None, ()),
        ("daily", "45 passengers", "Harbour Herald (2023-03-03)", ()),
        ("courier", "43 passengers", None, ()),
    ]
    assert row.distinct_values == 3 and row.origins == 2
    html = render_report(items, reconciliation, failures=[])
    assert "copies Harbour Herald (2023-03-03), which gives another value" in html


def test_answers_carry_source_speaker_date_and_the_value_asked(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    rescued = _row(build_disputes(*story), "How many passengers were rescued?")
    herald = next(a for a in rescued.answers if a.document == "herald")
    assert herald.outlet == "Harbour Herald"
    assert herald.speaker == "Ilse Varnum" and herald.speaker_entity == "ent-varnum"
    assert herald.published == "2023-03-03"
    assert herald.value == "41 passengers"  # the figure the explanation quotes, not "3 crew"
    assert herald.normalized == "41 passenger"
    courier = next(a for a in rescued.answers if a.document == "courier")
    assert (courier.value, courier.speaker, courier.speaker_entity) == (
        "43 passengers",
        "the operator",
        None,
    )


def test_a_copy_is_folded_under_its_original(story: tuple[list[Analysis], Reconciliation]) -> None:
    rescued = _row(build_disputes(*story), "How many passengers were rescued?")
    assert [a.document for a in rescued.answers] == ["herald", "courier"]
    herald = rescued.answers[0]
    assert [c.document for c in herald.copies] == ["daily"]
    assert herald.copies[0].outlet == "Coast Daily"
    assert rescued.origins == 2 and rescued.importance == 2
    assert rescued.claims == 3 and rescued.distinct_values == 2


def test_contested_ranking_orders_rows(story: tuple[list[Analysis], Reconciliation]) -> None:
    rows = build_disputes(*story, order="contested")
    assert [r.question for r in rows] == [
        "How many passengers were rescued?",
        "Is this so: “the crew had ignored a storm warning”?",
        "How many lifeboats were launched?",
        "How many tugs stood by?",
    ]
    assert [r.contested for r in rows] == [1.0, 1.0, 0.125, 0.0]
    warning = rows[1]
    assert {a.normalized for a in warning.answers} == {"asserted", "denied"}
    assert warning.kind == "denial" and warning.conflicts == 1


def test_importance_ranking_puts_the_most_answered_first(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    rows = build_disputes(*story, order="importance")
    assert rows[0].question == "How many tugs stood by?"
    assert rows[0].importance == 3 and rows[0].outlets == 3
    assert [r.importance for r in rows] == sorted((r.importance for r in rows), reverse=True)


def test_a_single_origin_claim_is_flagged(story: tuple[list[Analysis], Reconciliation]) -> None:
    view = build_sources(*story)
    flagged = {s.claim: s for s in view.single_origin}
    # the Herald's rescue count, repeated word for word by its copy: one origin
    assert set(flagged) == {"herald-0"}
    assert flagged["herald-0"].documents == ("herald", "daily")
    assert flagged["herald-0"].origin == "Harbour Herald (2023-03-03)"
    # the tugs are copied too, but an independent outlet agrees: not flagged
    assert "herald-1" not in flagged


def test_republished_sources_share_their_stated_origin(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    items, full = story
    twin = replace(
        items[4],
        document=replace(items[4].document, id="wire2", publisher="Second Wire"),
        claims=items[4].claims[1:],
    )
    view = build_sources(
        [*items, twin],
        replace(
            full, claims=(*full.claims, replace(full.claims[-1], id="wire2-0", document="wire2"))
        ),
    )
    flagged = {s.claim: s for s in view.single_origin}
    # "five lifeboats", carried by two outlets that both republish the Gazette; "seven
    # lifeboats" is confirmed by the Island Post, an independent origin
    assert set(flagged) == {"herald-0", "wire-1"}
    assert flagged["wire-1"].documents == ("wire", "wire2")
    assert flagged["wire-1"].origin == "Pilots' Gazette"


def test_outlets_speakers_and_lineage(story: tuple[list[Analysis], Reconciliation]) -> None:
    view = build_sources(*story)
    outlets = {o.name: o for o in view.outlets}
    assert set(outlets) == {
        "Harbour Herald",
        "Coast Daily",
        "Valley Courier",
        "Island Post",
        "Pilot Wire",
    }
    assert outlets["Coast Daily"].copies_from == ("Harbour Herald",)
    assert outlets["Harbour Herald"].copied_by == ("Coast Daily",)
    assert outlets["Pilot Wire"].copies_from == ("Pilots' Gazette (2023-03-05)",)
    assert outlets["Island Post"].speakers == ("The harbour master",)  # one speaker, any case
    assert [(link.document, link.relation, link.original) for link in view.lineage] == [
        ("daily", "copy_of", "herald"),
        ("wire", "republished_from", None),
    ]
    speakers = {s.name: s for s in view.speakers}
    assert speakers["Ilse Varnum"].entity == "ent-varnum"
    assert speakers["Ilse Varnum"].outlets == ("Harbour Herald", "Coast Daily")
    assert speakers["The operator Brightwater Lines"].denials == 1


def test_report_opens_with_disputes_then_sources(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    html = render_report(*story, failures=[])
    disputes, sources = html.index('<section id="disputes">'), html.index('<section id="sources">')
    assert disputes < sources < html.index('<section id="comparisons">')
    rows = html[disputes:sources]
    assert rows.count('class="dispute"') == 4
    assert rows.index("How many passengers were rescued?") < rows.index("How many tugs stood by?")
    assert "copied by" in rows and "Coast Daily" in rows
    assert "Claims resting on one origin" in html[sources:] and "41 passengers and 3 crew" in html


def test_rows_asking_in_the_same_words_are_titled_apart(
    story: tuple[list[Analysis], Reconciliation],
) -> None:
    items, full = story
    alike = (
        Comparison("a", "How many were counted (dawn)?", "agree", ("post-2", "courier-1"), ""),
        Comparison("b", "How many were counted (night)?", "update", ("post-1", "wire-1"), ""),
        Comparison("c", "How many were counted (harbour)?", "agree", ("herald-1", "daily-1"), ""),
        *(c for c in full.comparisons if c.id == "cmp-warning"),
    )
    rows = {r.id: r for r in build_disputes(items, replace(full, comparisons=alike))}
    assert {r.question for r in rows.values() if r.kind == "count"} == {"How many were counted?"}
    assert rows["b"].title == "How many were counted? — Seven lifeboats vs Five lifeboats"
    # the same words and the same values: told apart by their scope
    assert rows["a"].title == "How many were counted? — Two tugs (dawn)"
    assert rows["c"].title == "How many were counted? — Two tugs (harbour)"
    assert rows["cmp-warning"].title == rows["cmp-warning"].question  # asked once: as it is
    assert len({r.title for r in rows.values()}) == 4
