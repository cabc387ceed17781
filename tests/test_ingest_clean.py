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


def test_a_time_stamp_fused_before_the_first_sentence_goes_and_the_headline_stands_apart() -> None:
    raw = (
        "Storm closes port, council says Ferries halted for two days Monday 3 May 2021 09.15 BST "
        f"{PROSE}\n{PROSE}\n"
    )
    cleaned = clean_text(raw)
    assert "09.15" not in cleaned.text
    assert "Monday 3 May 2021 09.15 BST" in cleaned.removed
    first, second = cleaned.text.split("\n\n")[:2]
    assert first == "Storm closes port, council says Ferries halted for two days"
    assert second.startswith("The council voted")


def test_a_place_and_time_stamp_before_a_dateline_go_and_the_dateline_stays() -> None:
    raw = f"OSLO | Tue May 4, 2021 7:31 pm EDT OSLO (Newswire) - {PROSE}\n{PROSE}\n"
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("OSLO (Newswire) - The council voted")
    assert cleaned.removed[:2] == ("OSLO |", "Tue May 4, 2021 7:31 pm EDT")


def test_a_photo_credit_and_the_caption_before_it_are_removed() -> None:
    raw = (
        "Residents queue for water in the old town.\n"
        "Photograph: Ann Lee\\/Agency The council voted on Monday to close the old library, and "
        "residents said they would appeal the decision.\n"
        f"{PROSE}\n"
    )
    cleaned = clean_text(raw)
    assert "Residents queue" not in cleaned.text and "Ann Lee" not in cleaned.text
    assert cleaned.text.startswith("The council voted")
    assert "Residents queue for water in the old town." in cleaned.removed


def test_a_media_label_an_editors_note_and_advertising_after_a_trailer_are_removed() -> None:
    raw = (
        f"Highlights of the day in brief Editor's Note: This article is updated as news comes in.\n"
        f"Mayor on the library closure Link to this audio {PROSE}\n"
        "(Reporting by Ann Lee; Editing by Bo Chan) A faster trading platform for your desk\n"
    )
    cleaned = clean_text(raw)
    assert "Editor's Note" not in cleaned.text and "Link to this audio" not in cleaned.text
    assert "trading platform" not in cleaned.text
    assert "(Reporting by Ann Lee; Editing by Bo Chan)" in cleaned.text
    assert "Highlights of the day in brief" in cleaned.text
    assert cleaned.text.count("The council voted") == 1


@pytest.mark.parametrize(
    "line",
    [
        "Have you been affected by the floods?",
        "Are you in the region or do you have family there?",
        "Tell us your experiences by filling in the form below.",
        "Send your video, images to our team.",
        "Share your story with us.",
        "The editors may edit your comments and not all emails will be published.",
        "Your comments may be published on any of our media worldwide.",
        "Please don't do anything that could put you at risk.",
        "This article is being updated constantly by our reporters worldwide.",
        "Follow the latest tweets from our correspondents.",
        "Floods close schools Could the river burst its banks again?",
        "The site is not responsible for the content of external internet sites",
    ],
)
def test_calls_on_the_reader_and_link_titles_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        '" Are you ready for this? " the mayor asked the crowd.',
        "Nobody knows how many homes are under water - 2,000, 3,000?",
        "Residents said they would share their stories with the inquiry next week.",
    ],
)
def test_article_sentences_with_questions_or_sharing_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_byline_run_on_into_story_highlights_goes_up_to_the_dateline() -> None:
    raw = (
        "By the Newswire Staff NEW: Floods close schools across the north Rivers rise again "
        "as rain continues Ministers meet to discuss relief OSLO (Newswire) -- The council "
        "voted on Monday to close the old library, and residents said they would appeal.\n"
        f"{PROSE}\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("OSLO (Newswire) -- The council voted")
    assert "Floods close schools" not in cleaned.text
    assert cleaned.removed[0].startswith("By the Newswire Staff NEW:")
    titled = raw.replace("Ministers meet", "Sen. Ole Berg says ministers meet")
    assert clean_text(titled).text.startswith("OSLO (Newswire) -- The council voted")
    lead = "By Tuesday, the council had voted to close the old library and residents said they "
    assert clean_text(f"{lead}would appeal the decision in court.\n").text.startswith("By Tuesday")


@pytest.mark.parametrize(
    "line",
    [
        "APW19980227.0468 NEWS STORY 02/27/1998 07:56:00",
        "w2373 Cx1f wstmr i Cx13 Cx11 BC-Russia-Kalashnikov'sM 1stLd 02-27 0148",
        "BC-Russia-Kalashnikov's Museum, 1st Ld",
        "UR Eds: SUBS 3rd graf to conform to AP style.",
        "QL",
        "(REPEATING to correct coding)",
        "AP900815-0044 AP-NR-08-15-90 1337EDT u i PM-GulfRdp 8thLd-Writethru 08-15 1334",
    ],
)
def test_wire_transmission_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


def test_wire_copy_keeps_its_story_and_dateline() -> None:
    raw = (
        "APW19980227.0468 NEWS STORY 02/27/1998 07:56:00\n"
        "w2373 Cx1f wstmr i Cx13 Cx11 BC-Oslo-Library 1stLd 02-27 0148\n"
        "UR Eds: SUBS 3rd graf.\nQL\n\n"
        f"OSLO (AP)_ {PROSE}\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == f"OSLO (AP)_ {PROSE}"
    assert len(cleaned.removed) == 4


def test_a_run_of_link_titles_ending_in_a_question_is_boilerplate() -> None:
    assert is_boilerplate(
        "iReporters help cover the floods Minister discusses the crisis Will rivers rise again?")
