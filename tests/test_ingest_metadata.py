"""Metadata read from the text: title, publisher, authors, date, language, original source."""

from __future__ import annotations

from triangulate.ingest import clean_text, extract_metadata
from triangulate.ingest.bylines import read_byline
from triangulate.ingest.dates import find_date
from triangulate.ingest.language import detect_language

BODY = (
    "Firefighters battled a blaze at a timber yard on the edge of the town for most of the night, "
    "and two nearby streets were evacuated as a precaution, the fire service said on Sunday."
)


def metadata_of(raw: str):  # type: ignore[no-untyped-def]
    cleaned = clean_text(raw)
    return extract_metadata(raw, cleaned.text, cleaned.removed)


def test_first_headline_line_is_the_title_and_byline_gives_authors_and_date() -> None:
    meta = metadata_of(f"Fire destroys timber yard\n\nBy Omar Haddad 14 May 2023\n\n{BODY}\n")
    assert meta.title == "Fire destroys timber yard"
    assert meta.authors == ("Omar Haddad",)
    assert (meta.published, meta.published_precision, meta.published_basis) == (
        "2023-05-14", "day", "stated"
    )
    assert meta.publisher is None
    assert meta.language == "en"


def test_markdown_heading_wins_over_an_earlier_line() -> None:
    meta = metadata_of(f"Breaking\n\n# Fire destroys timber yard\n\n{BODY}\n")
    assert meta.title == "Fire destroys timber yard"


def test_no_title_when_the_text_opens_with_prose() -> None:
    assert metadata_of(f"{BODY}\n").title is None


def test_by_outlet_next_to_a_date_is_the_publisher_not_an_author() -> None:
    meta = metadata_of(f"date 2023-05-14 By Northwire\n\nBy Omar Haddad\n\n{BODY}\n")
    assert meta.publisher == "Northwire"
    assert meta.authors == ("Omar Haddad",)
    assert meta.published == "2023-05-14"
    assert meta.title is None


def test_dotted_date_line_is_day_first() -> None:
    meta = metadata_of(f"Fire destroys timber yard\n\n- 03.04.2023\n\n{BODY}\n")
    assert meta.published == "2023-04-03"


def test_last_update_line_is_not_the_publication_date() -> None:
    meta = metadata_of(f"Last update: 9 June 2023 10:14\n\nFire destroys timber yard\n\n{BODY}\n")
    assert meta.published is None
    assert meta.title == "Fire destroys timber yard"


def test_letterhead_block_is_the_publisher() -> None:
    raw = (
        "\nFUNDACJA\nNORTHERN\nINSTITUTE FOR\nFIRE SAFETY\n\n"
        f"## FIRE DESTROYS TIMBER YARD\n\n{BODY}\n"
    )
    meta = metadata_of(raw)
    assert meta.publisher == "Institute for Fire Safety"
    assert meta.title == "FIRE DESTROYS TIMBER YARD"


def test_masthead_repeated_at_the_end_is_the_publisher() -> None:
    raw = f"Town Crier\n\nFire destroys timber yard\n\n{BODY}\n\nTown Crier\n\nLeave a Reply\n"
    meta = metadata_of(raw)
    assert meta.publisher == "Town Crier"
    assert meta.title == "Fire destroys timber yard"


def test_publisher_from_the_contact_address_in_the_boilerplate() -> None:
    raw = (
        f"Fire destroys timber yard\n\n{BODY}\n\n"
        "Ember Post seeks local reporters. Send CV to jobs@emberpost.example.\n"
    )
    assert metadata_of(raw).publisher == "Ember Post"


def test_wire_credit_and_source_label_give_the_original() -> None:
    raw = (
        f"Fire destroys timber yard\n\nCoastline Agency (12 May 2023)\n\n{BODY}\n\n"
        "Source:\nhttps://coastline.example/news/fire-destroys-\ntimber-yard-2023.html\n"
    )
    original = metadata_of(raw).republished_from
    assert original is not None
    assert original.publisher == "Coastline Agency"
    assert original.published == "2023-05-12"
    assert original.url == "https://coastline.example/news/fire-destroys-timber-yard-2023.html"


def test_first_appeared_note_names_the_original() -> None:
    raw = f"{BODY}\n\nThis article first appeared in The Hill Courier on 2 May 2023.\n"
    original = metadata_of(raw).republished_from
    assert original is not None
    assert (original.publisher, original.published) == ("Hill Courier", "2023-05-02")


def test_wire_dateline_names_the_publisher_or_else_the_original() -> None:
    meta = metadata_of(f"OSLO (Nordwire) - {BODY}\n")
    assert (meta.publisher, meta.republished_from) == ("Nordwire", None)
    meta = metadata_of(
        f"Fire destroys timber yard\n\nBy Valley Daily News\n\nOSLO (Nordwire) - {BODY}\n"
    )
    assert meta.publisher == "Valley Daily News"
    assert meta.republished_from is not None
    assert meta.republished_from.publisher == "Nordwire"


def test_source_label_with_only_a_url_uses_the_host() -> None:
    raw = f"{BODY}\n\nSource: https://www.valleynews.example/a/123.html\n"
    original = metadata_of(raw).republished_from
    assert original is not None
    assert original.publisher == "valleynews.example"


def test_bylines() -> None:
    both = read_byline("By Ana Lima and Piet de Vries, 2 May 2023")
    assert both is not None
    assert both.authors == ("Ana Lima", "Piet de Vries")
    assert both.date == "2023-05-02"
    assert read_byline("Bridge Washed Away By Heavy Floods") is None
    assert read_byline("By staff reporter") is None
    outlet = read_byline("By Daily Ledger | 2 May 2023")
    assert outlet is not None
    assert (outlet.authors, outlet.outlet) == ((), "Daily Ledger")


def test_find_date_formats() -> None:
    def iso(text: str) -> str | None:
        found = find_date(text)
        return found[0] if found else None

    assert iso("Posted on 2023-05-14 at noon") == "2023-05-14"
    assert iso("14.05.2023") == "2023-05-14"
    assert iso("May 14, 2023") == "2023-05-14"
    assert iso("14th of May 2023") == "2023-05-14"
    assert iso("31.02.2023") is None
    assert iso("in May") is None


def test_language_detection() -> None:
    assert detect_language(BODY) == "en"
    german = (
        "Die Feuerwehr war die ganze Nacht im Einsatz und die Straßen wurden gesperrt, "
        "wie die Polizei sagte."
    )
    assert detect_language(german) == "de"
    assert detect_language("Пожарные тушили огонь всю ночь на складе древесины.") == "ru"
    assert detect_language("Hello") is None


def test_a_dateline_gives_the_publisher_and_a_fused_byline_the_authors() -> None:
    raw = (
        "From Ann Lee and Bo Chan, Newswire Floods close schools Rivers rise again\n"
        f"CAIRO, Egypt (Newswire) -- {BODY}\n"
    )
    meta = metadata_of(raw)
    assert meta.publisher == "Newswire"
    assert meta.authors == ("Ann Lee", "Bo Chan")
    assert meta.republished_from is None
    assert meta.dateline == "Cairo, Egypt"


def test_a_wire_dateline_gives_the_place_filed_from() -> None:
    assert metadata_of(f"NAIROBI, Kenya (AP) _ {BODY}\n").dateline == "Nairobi, Kenya"
    assert metadata_of(f"LONDON (Reuters) - {BODY}\n").dateline == "London"
    stamped = f"Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) - {BODY}\n"
    assert metadata_of(stamped).dateline == "Mexico City"
    assert metadata_of(f"WEST BANK (Reuters) - {BODY}\n").dateline == "West Bank"
    assert metadata_of(f"{BODY}\n").dateline is None


def test_a_file_name_names_the_publisher_only_when_the_text_names_it_too() -> None:
    from triangulate.ingest.metadata import publisher_named_by_file

    text = f"{BODY} A reporter told the ABN viewers what she saw."
    assert publisher_named_by_file("saved/abn_2023-05-14_12.txt", text) == "ABN"
    assert publisher_named_by_file("saved/abn_2023-05-14_12.txt", BODY) is None
    assert publisher_named_by_file("saved/12_fire.txt", text) is None
    assert publisher_named_by_file("saved/article_1.txt", f"Article one. {BODY}") is None
