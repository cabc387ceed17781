"""Who holds an office, as claims name the holder, and how reports of one office compare."""

from __future__ import annotations

from triangulate.analyze.offices import with_offices
from triangulate.model import Analysis, Claim, ClaimRecord, Mention, Sentence, Span
from triangulate.reconcile.compare_offices import compare_offices

from .conftest import make_document

_TYPES = {"Tarvos Motors": "organization", "Tarvos Motor": "organization", "Tarvos": "location",
          "Brixel": "location"}


def _analysis(text: str, doc_id: str = "d1", published: str = "2009-02-18") -> Analysis:
    """The text as one sentence and one claim, its capitalised names as mentions: the known
    bodies by type, any other run of two capitalised words a person."""
    mentions = []
    for name, kind in _TYPES.items():
        start = text.find(name)
        if start >= 0 and not any(m.start <= start < m.end for m in mentions):
            mentions.append(Mention(start, start + len(name), name, kind))
    for person in ("Ann Bell", "Carl Dunn", "Eva Fox"):
        start = text.find(person)
        if start >= 0:
            mentions.append(Mention(start, start + len(person), person, "person"))
    document = make_document(text, doc_id, published=published, publisher=f"Outlet {doc_id}")
    return Analysis(document=document, sentences=(Sentence(0, len(text)),),
                    mentions=tuple(sorted(mentions, key=lambda m: m.start)),
                    claims=(Claim(0, len(text), text),))


def _offices(text: str) -> list[tuple[str, str, str, bool]]:
    return [(o.office, o.holder_text, o.body_text, o.succeeds)
            for claim in with_offices(_analysis(text)) for o in claim.offices]


def test_an_office_named_beside_its_holder_and_body() -> None:
    assert _offices("Ann Bell, Tarvos Motors's chief executive, described the plan.") == [
        ("chief executive", "Ann Bell", "Tarvos Motors", False)]
    assert _offices("Tarvos Motors CEO Ann Bell will step down.") == [
        ("chief executive", "Ann Bell", "Tarvos Motors", False)]
    assert _offices("Ann Bell, the Chief Executive Officer of Tarvos Motors, spoke.") == [
        ("chief executive", "Ann Bell", "Tarvos Motors", False)]
    assert _offices("Tarvos's President Ann Bell said she would not run again.") == [
        ("president", "Ann Bell", "Tarvos", False)]


def test_the_holder_a_claim_hands_the_office_to() -> None:
    assert _offices("Tarvos Motor's chief executive Ann Bell was replaced Sunday with Carl "
                    "Dunn.") == [("chief executive", "Carl Dunn", "Tarvos Motor", True)]


def test_no_office_without_its_body_nor_for_a_former_holder() -> None:
    assert _offices("The chief executive, Ann Bell, described the plan.") == []
    assert _offices("Former Tarvos Motors chief executive Ann Bell said nothing.") == []
    assert _offices("Ann Bell, Tarvos Motors's spokesman, described the plan.") == []


def test_an_office_outside_the_claim_is_the_reports_own_claim() -> None:
    text = 'Ann Bell, Tarvos Motors\'s chief executive, described the plan as "flexible".'
    analysis = _analysis(text)
    quoted = text.index('"flexible"')
    analysis = Analysis(document=analysis.document, sentences=analysis.sentences,
                        mentions=analysis.mentions,
                        claims=(Claim(quoted, len(text) - 1, '"flexible"',
                                      speaker=Span(0, 8), speaker_text="Ann Bell"),))
    claims = with_offices(analysis)
    assert [(c.text, c.speaker_text, [o.holder_text for o in c.offices]) for c in claims] == [
        ("Ann Bell, Tarvos Motors's chief executive", None, ["Ann Bell"]),
        ('"flexible"', "Ann Bell", []),
    ]


def _named(doc_id: str, published: str, text: str) -> tuple[Analysis, ClaimRecord]:
    analysis = _analysis(text, doc_id, published)
    analysis = Analysis(document=analysis.document, sentences=analysis.sentences,
                        mentions=analysis.mentions, claims=with_offices(analysis))
    return analysis, ClaimRecord(f"{doc_id}-c0", doc_id, analysis.claims[0])


def _compare(*named: tuple[Analysis, ClaimRecord]) -> list[tuple[str, tuple[str, ...], str]]:
    by_id = {a.document.id: a for a, _ in named}
    entities = {"Tarvos Motors": "e-motors", "Tarvos Motor": "e-motor", "Ann Bell": "e-bell",
                "Carl Dunn": "e-dunn", "Eva Fox": "e-fox", "Tarvos": "e-tarvos",
                "Brixel": "e-brixel"}
    names = {(a.document.id, m.start, m.end): entities[m.text] for a, _ in named
             for m in a.mentions}
    return [(c.verdict, c.claims, c.explanation)
            for c in compare_offices([r for _, r in named], by_id, names)]


def test_a_later_report_naming_another_holder_is_an_update() -> None:
    made = _compare(
        _named("a", "2009-02-18", "Ann Bell, Tarvos Motors's chief executive, spoke."),
        _named("b", "2009-04-03", "Tarvos Motor's chief executive Ann Bell was replaced Sunday "
                                  "with Carl Dunn."),
        _named("c", "2009-06-01", "Carl Dunn, the CEO of Tarvos Motors, outlined a plan."),
    )
    assert [(verdict, claims) for verdict, claims, _ in made] == [
        ("update", ("a-c0", "b-c0", "c-c0"))]
    assert "Carl Dunn replaces Ann Bell" in made[0][2]


def test_holders_named_on_interleaved_dates_or_one_holder_make_no_comparison() -> None:
    assert _compare(
        _named("a", "2009-02-18", "Ann Bell, Tarvos Motors's chief executive, spoke."),
        _named("b", "2009-02-19", "Carl Dunn, Tarvos Motors's chief executive, spoke."),
        _named("c", "2009-02-20", "Ann Bell, Tarvos Motors's chief executive, spoke again."),
    ) == []
    assert _compare(
        _named("a", "2009-02-18", "Ann Bell, Tarvos Motors's chief executive, spoke."),
        _named("b", "2009-03-19", "Ann Bell, Tarvos Motors's chief executive, spoke again."),
    ) == []


def test_offices_of_different_bodies_are_different_questions() -> None:
    assert _compare(
        _named("a", "2009-02-18", "Ann Bell, Tarvos's president, spoke."),
        _named("b", "2009-04-03", "Eva Fox, Brixel's president, spoke."),
    ) == []
    assert len(_compare(
        _named("a", "2009-02-18", "Ann Bell, Tarvos's president, spoke."),
        _named("b", "2009-04-03", "Eva Fox, Tarvos's president, spoke."),
    )) == 1


def test_two_holders_named_days_apart_with_no_word_of_a_change_conflict() -> None:
    made = _compare(
        _named("a", "2011-01-31", "Ann Bell, Tarvos's president, spoke."),
        _named("b", "2011-02-04", "Eva Fox, Tarvos's president, spoke."),
    )
    assert [verdict for verdict, _, _ in made] == ["conflict"]
    assert "disagree on who is Tarvos's president" in made[0][2]
