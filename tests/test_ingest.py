"""Reading sources: formats, decoding, failures, ids, and folder expansion."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from triangulate.errors import SourceError, UnsupportedFormat
from triangulate.ingest import expand_sources, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_scraped_article_is_cleaned_with_exact_text_and_removed_lines() -> None:
    doc = read_source(fixture("scraped_article.txt"))
    assert doc.text == (
        "Ferry strike halts crossings for a second day\n\n"
        "By Lena Varga and Tomas Reid 3 March 2021\n\n"
        "Dock workers at the port of Westhaven stopped work for a second day on Tuesday, "
        "leaving about 4,000 passengers stranded, the port authority said.\n\n"
        "The union says the strike will go on until the operator restores the bonus it cut in "
        "January. Managers offered a one-off payment of $250 per worker, which the union "
        "rejected.\n\n"
        '"We will not sail until the deal is honoured," union spokeswoman Ada Kern told '
        "reporters.\n\n"
        "What happens next\n\n"
        "Talks are set to resume on Thursday, according to a statement from the regional "
        "labour office."
    )
    assert doc.removed == (
        "Harbour Gazette",
        "| News, Europe, Transport",
        "See Also",
        "Rail fares to rise in April",
        "Airport opens new terminal",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
        "Share on Facebook",
        "Tweet",
        "Harbour Gazette",
        'Our website uses cookies. By clicking "I accept cookies" you agree to our Cookie Policy.',
    )


def test_scraped_article_metadata() -> None:
    doc = read_source(fixture("scraped_article.txt"))
    assert doc.title == "Ferry strike halts crossings for a second day"
    assert doc.publisher == "Harbour Gazette"
    assert doc.authors == ("Lena Varga", "Tomas Reid")
    assert (doc.published, doc.published_precision, doc.published_basis) == (
        "2021-03-03", "day", "stated"
    )
    assert doc.language == "en"
    assert doc.republished_from is None
    assert doc.media_type == "text/plain"


def test_document_id_and_sha256_come_from_the_raw_bytes() -> None:
    path = fixture("scraped_article.txt")
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    doc = read_source(path)
    assert doc.sha256 == digest
    assert doc.id == "d" + digest[:12]
    assert doc.source == path
    assert read_source(path).id == doc.id


def test_republished_pdf_text_in_markdown() -> None:
    doc = read_source(fixture("republished.md"))
    assert doc.media_type == "text/markdown"
    assert doc.title == "FLOOD BARRIER FAILS DURING SPRING TIDE"
    assert doc.publisher == "Institute for Coastal Affairs"
    assert doc.published == "2021-03-02"
    assert doc.published_basis == "stated"
    assert doc.republished_from is not None
    assert doc.republished_from.publisher == "Harbour Post"
    assert doc.republished_from.published == "2021-03-01"
    assert doc.republished_from.url == (
        "https://www.harbourpost.example/news/"
        "flood-barrier-fails-during-spring-tide-prompting-resilience/20210301.html"
    )
    assert "$90 million" in doc.text
    assert "opened two schools as shelters for families who could not return home." in doc.text
    assert "Source:" not in doc.text
    assert "Quelle/Source:" in doc.removed


def test_html_page_uses_metadata_and_drops_furniture() -> None:
    doc = read_source(fixture("page.html"))
    assert doc.media_type == "text/html"
    assert doc.title == "Bridge reopens after repairs"
    assert doc.publisher == "Valley Courier"
    assert doc.authors == ("Priya Nair",)
    assert (doc.published, doc.published_basis) == ("2019-06-11", "metadata")
    assert doc.text.startswith("Bridge reopens after repairs\n\nThe old stone bridge")
    assert doc.text.endswith("welcomed the reopening.")
    for furniture in ("Share on Facebook", "cookies", "Subscribe", "Home"):
        assert furniture not in doc.text


def test_html_is_sniffed_without_an_html_extension(tmp_path: Path) -> None:
    page = tmp_path / "saved_page"
    page.write_text(Path(fixture("page.html")).read_text(encoding="utf-8"), encoding="utf-8")
    doc = read_source(str(page))
    assert doc.media_type == "text/html"
    assert doc.publisher == "Valley Courier"


def test_utf16_with_bom_is_decoded() -> None:
    doc = read_source(fixture("utf16.txt"))
    assert doc.title == "Snow closes mountain pass"
    assert doc.text.startswith("Snow closes mountain pass\n\nHeavy snow closed")


def test_cp1252_text_is_read_when_it_looks_like_text() -> None:
    doc = read_source(fixture("cp1252.txt"))
    assert doc.text.startswith("Café owners in the old town")


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTram line extended\n\nThe city opened a new tram line today.")
    assert read_source(str(path)).text.startswith("Tram line extended")


@pytest.mark.parametrize(
    ("name", "reason", "error"),
    [
        ("empty.txt", "empty file", SourceError),
        ("blank.txt", "empty file", SourceError),
        ("binary.txt", "binary file", SourceError),
        ("invalid_utf8.txt", "not valid UTF-8 text", SourceError),
        ("pdf_named.txt", "PDF has no extractable text", SourceError),
        ("no_such_file.txt", "no such file", SourceError),
    ],
)
def test_unreadable_sources_name_the_file_and_the_problem(
    name: str, reason: str, error: type[SourceError]
) -> None:
    with pytest.raises(error) as raised:
        read_source(fixture(name))
    assert raised.value.source == fixture(name)
    assert reason in raised.value.reason
    assert fixture(name) in str(raised.value)


def test_too_big_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(SourceError, match="too big"):
        read_source(str(path))


def test_folder_other_schemes_and_damaged_docx_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="folder"):
        read_source(str(tmp_path))
    with pytest.raises(SourceError, match="only http and https"):
        read_source("ftp://example.org/story.html")
    docx = tmp_path / "story.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(SourceError, match="damaged ZIP"):
        read_source(str(docx))
    with pytest.raises(UnsupportedFormat, match="RTF"):
        (tmp_path / "memo.rtf").write_text("plain words")
        read_source(str(tmp_path / "memo.rtf"))


def test_feed_without_entries_is_an_error(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')
    with pytest.raises(SourceError, match="feed has no entries"):
        read_source(str(feed))


def test_only_boilerplate_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Back to top\n\nSubscribe to our newsletter\n\nLeave a Reply\n")
    with pytest.raises(SourceError, match="no article text"):
        read_source(str(path))


def test_expand_sources_folders_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "c.html").write_text("x")
    folder = str(tmp_path)
    expanded = expand_sources([folder, str(tmp_path / "*.txt"), str(tmp_path / "missing.txt")])
    assert expanded == [
        f"{folder}/a.txt",
        f"{folder}/b/two.txt",
        f"{folder}/c.html",
        str(tmp_path / "missing.txt"),
    ]
    assert expand_sources([str(tmp_path / "*.pdf")]) == [str(tmp_path / "*.pdf")]
    assert expand_sources(["https://example.org/a", "https://example.org/a"]) == [
        "https://example.org/a"
    ]
