"""Cleaning of scraped text: boilerplate to ``removed``, repair of extraction debris."""

from __future__ import annotations

import pytest

from triangulate.ingest import clean_text
from triangulate.ingest.boilerplate import is_boilerplate, is_navigation

PROSE = (
    "The council voted on Monday to close the old library, and residents said they would "
    "appeal the decision."
)


def test_hyphenation_and_broken_lines_are_joined() -> None:
    raw = "The inter-\nnational panel met in the\ncapital on Friday.\n"
    assert clean_text(raw).text == "The international panel met in the capital on Friday."


def test_hyphen_before_a_capital_is_kept() -> None:
    raw = "Officials from the Franco-\nGerman commission arrived.\n"
    assert clean_text(raw).text == "Officials from the Franco-German commission arrived."


def test_sentence_split_by_a_page_break_is_rejoined() -> None:
    raw = "The storm cut power to homes across the\n\n\n\nvalley for two days.\n"
    assert clean_text(raw).text == "The storm cut power to homes across the valley for two days."


def test_paragraphs_are_one_line_each_separated_by_one_blank_line() -> None:
    raw = "First paragraph line one\ncontinues here.\n\n\n\nSecond paragraph.   \n"
    assert clean_text(raw).text == "First paragraph line one continues here.\n\nSecond paragraph."


def test_markdown_marks_escapes_and_spaces() -> None:
    raw = "## A **bold** title\n\nIt cost \\$4 million \\& more,  said   the  mayor.\n"
    assert clean_text(raw).text == "A bold title\n\nIt cost $4 million & more, said the mayor."


def test_non_breaking_and_zero_width_spaces_are_normalised() -> None:
    assert clean_text("Prices\u00a0rose\u200b by 3%.\t\t\n").text == "Prices rose by 3%."


def test_split_url_is_repaired_even_across_a_label() -> None:
    raw = (
        f"{PROSE}\n\nstory-about-the-library/98765.html\nFuente/Source:\n\n"
        "https://news.example.org/a/council-votes-to-close-\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == PROSE
    assert cleaned.removed == (
        "story-about-the-library/98765.html",
        "Fuente/Source:",
        "https://news.example.org/a/council-votes-to-close-",
    )


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies to improve your experience.",
        "Subscribe to our newsletter and get the news first.",
        "Newsletter Signup",
        "Sign up",
        "Leave a Reply",
        "Your email address will not be published.",
        "Back to top",
        "Share on Facebook",
        "Tweet",
        "Facebook Twitter WhatsApp Email",
        "Market Daily logo",
        "Last update: 4 May 2021 09:12",
        "| News, Business, Markets",
        "Home » World » Asia",
        "© 2021 Example Media. All rights reserved.",
        "Advertisement",
        "Tags: floods, weather, rescue",
        "Contact the editors at desk@example.org",
        "Read more: Ten things to know about the floods",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "The agency seeks to cut emissions by half, the minister said.",
        "We offer our condolences to the families, the mayor said on Tuesday.",
        "Related-party transactions rose by 5% last year, the report said.",
        "The firm was updated on the case by police.",
        "Share prices fell 3% on Tuesday after the results were published.",
        "President Smith visits flood zone, 12 May 2021, Riverton / Photo Agency",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_navigation_needs_separators_and_short_items() -> None:
    assert is_navigation("Politics | Economy | Sport")
    assert not is_navigation("Rain, wind and snow hit the north.")
    assert not is_navigation("Paris, London and Rome")


def test_recruitment_block_is_removed_but_article_prose_stays() -> None:
    ad = (
        "Daily Example seeks freelance correspondents in the region. We offer fair pay. "
        "Send CV and writing samples to jobs@example.org."
    )
    cleaned = clean_text(f"{PROSE}\n\n{ad}\n")
    assert cleaned.text == PROSE
    assert cleaned.removed == (ad,)


def test_related_section_removes_links_until_prose() -> None:
    raw = (
        f"{PROSE}\n\nRelated\n\nFloods hit the south coast\nMinister resigns over report\n\n"
        "The library opened in 1904 and holds about 80,000 books, according to the council.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.removed == (
        "Related", "Floods hit the south coast", "Minister resigns over report"
    )
    assert cleaned.text.endswith("according to the council.")


def test_masthead_repeated_at_the_bottom_is_removed() -> None:
    raw = f"Valley Times\n\nLibrary to close\n\n{PROSE}\n\nValley Times\n\nBack to top\n"
    cleaned = clean_text(raw)
    assert cleaned.text == f"Library to close\n\n{PROSE}"
    assert cleaned.removed == ("Valley Times", "Valley Times", "Back to top")


def test_short_lines_in_the_page_tail_go_with_the_boilerplate() -> None:
    raw = f"{PROSE}\n\nMore from our partners\n\nLeave a comment\n"
    cleaned = clean_text(raw)
    assert cleaned.text == PROSE
    assert cleaned.removed == ("More from our partners", "Leave a comment")


def test_photo_caption_with_agency_credit_stays() -> None:
    caption = "Rescue teams search the river bank, 12 May 2021 / Example Agency"
    assert clean_text(f"{caption}\n\n{PROSE}\n").text == f"{caption}\n\n{PROSE}"


def test_list_lines_stay_separate() -> None:
    raw = "Closures:\n- Main Street\n- Bridge Road\n"
    assert clean_text(raw).text == "Closures:\n\n- Main Street\n\n- Bridge Road"
