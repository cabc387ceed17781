"""Reading PDF, DOCX, RSS/Atom feeds and URLs (a local server only: no test uses the internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from triangulate.errors import SourceError
from triangulate.ingest import fetch, read_source, read_sources
from triangulate.ingest.fetch import check_url

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAME = FIXTURES / "same_article"
FEEDS = FIXTURES / "feeds"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def squashed(text: str) -> str:
    return " ".join(text.split())


def minimal_pdf(pages: list[list[tuple[float, float, str]]], info: dict[str, str]) -> bytes:
    """A PDF of Helvetica text lines placed at (x, y) on 300x400 pages, written by hand."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = []
    first_page = 4
    kids = " ".join(f"{first_page + 2 * index} 0 R" for index in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for index, lines in enumerate(pages):
        content = "".join(
            f"BT /F1 10 Tf {x} {y} Td ({escape(text)}) Tj ET\n" for x, y, text in lines
        ).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {first_page + 2 * index + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    objects.append(
        ("<< " + " ".join(f"/{key} ({escape(value)})" for key, value in info.items()) + " >>")
        .encode("latin-1")
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref
    )
    return bytes(out)


def wrapped(
    lines: list[str], top: float = 340, pitch: float = 12
) -> list[tuple[float, float, str]]:
    return [(30, top - index * pitch, line) for index, line in enumerate(lines)]


# ---- the same article in four formats --------------------------------------------------------


def test_the_same_article_reads_the_same_in_txt_html_pdf_and_docx() -> None:
    docs = {suffix: read_source(str(SAME / f"article.{suffix}"))
            for suffix in ("txt", "html", "pdf", "docx")}
    expected = squashed(docs["txt"].text)
    assert expected.startswith("Lakeside town votes to restore its old ferry pier Residents")
    assert len(expected.split()) > 180
    for suffix, doc in docs.items():
        assert squashed(doc.text) == expected, suffix
        assert doc.title == "Lakeside town votes to restore its old ferry pier", suffix
        assert doc.language == "en"
    for suffix in ("html", "pdf", "docx"):
        assert docs[suffix].authors == ("Mira Castell",), suffix
        assert (docs[suffix].published, docs[suffix].published_basis) == ("2024-04-15", "metadata")
    assert docs["txt"].published is None
    assert [doc.media_type for doc in docs.values()] == [
        "text/plain", "text/html", "application/pdf", DOCX_TYPE
    ]
    assert len({doc.id for doc in docs.values()}) == 4


def test_pdf_keeps_paragraphs_and_drops_running_header_and_page_numbers() -> None:
    doc = read_source(str(SAME / "article.pdf"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Lakeside town votes to restore its old ferry pier"
    assert len(paragraphs) == 7
    assert "she told reporters outside the town hall." in doc.text  # across the page break
    assert "Their spokesman, Piet Arnolds, said" in doc.text  # justified line pieces joined
    assert doc.removed == (
        "Marrowby Weekly - Town news", "Page 1", "Marrowby Weekly - Town news", "Page 2"
    )


def test_pdf_stated_date_wins_over_creation_date_and_split_url_is_repaired(
    tmp_path: Path,
) -> None:
    header = (90, 385, "Upland Review - Weekly")
    page_one = [header, *wrapped([
        "Reservoir level falls to a record low",
    ], top=350), *wrapped([
        "By Jana Novak, 3 May 2021",
    ], top=325), *wrapped([
        "The reservoir that supplies the valley fell to 31 percent of",
        "its capacity last week, the water board said on Friday, the",
        "lowest level since records began.",
    ], top=300), (140, 20, "1")]
    page_two = [header, *wrapped([
        "Farmers were asked to cut irrigation by a fifth until the",
        "autumn rains arrive.",
    ], top=350), *wrapped([
        "Source: Valley Water Board",
        "https://www.valleywater.example/news/reservoir-level-",
        "record-low-2021.html",
    ], top=300), (140, 20, "2")]
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf([page_one, page_two], {
        "Title": "Reservoir report", "Author": "Desk", "CreationDate": "D:20220110120000Z",
    }))
    doc = read_source(str(path))
    assert (doc.published, doc.published_basis) == ("2021-05-03", "stated")
    assert doc.authors == ("Jana Novak",)
    assert doc.title == "Reservoir report"
    assert "the lowest level since records began." in doc.text
    assert "Upland Review - Weekly" not in doc.text
    assert doc.removed.count("Upland Review - Weekly") == 2
    assert doc.republished_from is not None
    assert doc.republished_from.url == (
        "https://www.valleywater.example/news/reservoir-level-record-low-2021.html"
    )


# ---- DOCX ------------------------------------------------------------------------------------


def test_docx_paragraphs_table_and_core_properties(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Night trains return to the coast line", level=1)
    document.add_paragraph("The rail operator said on Tuesday that night trains will run "
                           "again from June, five years after the service was cut.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Route", "Trains per week"
    table.cell(1, 0).text, table.cell(1, 1).text = "Coast line", "4"
    document.add_paragraph("Tickets go on sale next month.")
    document.core_properties.author = "Elif Demir"
    document.core_properties.title = "Night trains return"
    document.core_properties.created = datetime(2022, 2, 8, 10, 0)
    path = tmp_path / "trains.docx"
    document.save(str(path))
    doc = read_source(str(path))
    assert doc.text.split("\n\n") == [
        "Night trains return to the coast line",
        "The rail operator said on Tuesday that night trains will run again from June, five "
        "years after the service was cut.",
        "Route; Trains per week",
        "Coast line; 4",
        "Tickets go on sale next month.",
    ]
    assert doc.title == "Night trains return"
    assert doc.authors == ("Elif Demir",)
    assert (doc.published, doc.published_basis) == ("2022-02-08", "metadata")
    assert doc.media_type == DOCX_TYPE


def test_docx_template_defaults_are_not_metadata(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template: author "python-docx", created 2013
    document.add_paragraph("The county library will stay open late on Thursdays from May.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    doc = read_source(str(path))
    assert doc.authors == ()
    assert doc.published is None


# ---- feeds -----------------------------------------------------------------------------------


def test_rss_feed_gives_one_document_per_entry_with_text() -> None:
    feed = str(FEEDS / "harbour_news.rss")
    docs = read_sources(feed)
    assert [doc.source for doc in docs] == [f"{feed}#1", f"{feed}#2"]  # entry 3 has no text
    first, second = docs
    assert first.text == (
        "Ferry fares frozen for a second year\n\n"
        "The island ferry company said on Monday it would keep fares at their 2021 level for "
        "another year.\n\n"
        "About 1,200 commuters use the morning crossing, the company said, and a rise would "
        "have hit them hardest."
    )
    assert first.title == "Ferry fares frozen for a second year"
    assert first.publisher == "Kestrel Bay Chronicle"
    assert first.authors == ("Oskar Lindqvist",)
    assert (first.published, first.published_basis) == ("2023-03-07", "metadata")
    assert first.media_type == "application/rss+xml"
    assert second.text.endswith("the heritage trust announced on Wednesday.")
    assert first.id != second.id and first.sha256 != second.sha256


def test_atom_feed_entry_and_read_source_on_feeds() -> None:
    feed = str(FEEDS / "harbour_news.atom")
    doc = read_source(feed)  # a feed with a single entry gives that entry
    assert doc.source == f"{feed}#1"
    assert doc.authors == ("Ruth Adeyemi",)
    assert doc.published == "2023-03-09"
    assert doc.media_type == "application/atom+xml"
    with pytest.raises(SourceError, match="feed with 2 entries; read it with read_sources"):
        read_source(str(FEEDS / "harbour_news.rss"))


def test_read_sources_gives_one_document_for_other_files() -> None:
    assert [doc.source for doc in read_sources(str(SAME / "article.txt"))] == [
        str(SAME / "article.txt")
    ]


# ---- URLs ------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = (SAME / "article.html").read_bytes()
    _Handler.routes = {
        "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, html),
        "/paper": (200, {"Content-Type": "application/pdf"}, (SAME / "article.pdf").read_bytes()),
        "/feed": (200, {"Content-Type": "application/rss+xml"},
                  (FEEDS / "harbour_news.rss").read_bytes()),
        "/moved": (302, {"Location": "/story"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/hostname"}, b""),
        "/to-localhost": (302, {"Location": f"http://localhost:{httpd.server_address[1]}/story"},
                          b""),
        "/huge": (200, {"Content-Type": "text/plain", "Content-Length": str(30 * 1024 * 1024)},
                  b""),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_url_pages_pdfs_and_feeds_are_read_through_their_readers(server: str) -> None:
    page = read_source(f"{server}/story", allow_private=True)
    assert page.source == f"{server}/story"
    assert page.media_type == "text/html"
    assert page.publisher == "Marrowby Weekly"
    expected = squashed(read_source(str(SAME / "article.txt")).text)
    assert squashed(page.text) == expected
    paper = read_source(f"{server}/paper", allow_private=True)
    assert paper.media_type == "application/pdf"
    assert squashed(paper.text) == expected
    entries = read_sources(f"{server}/feed", allow_private=True)
    assert [doc.source for doc in entries] == [f"{server}/feed#1", f"{server}/feed#2"]


def test_url_redirects_are_followed_and_bounded(server: str) -> None:
    assert read_source(f"{server}/moved", allow_private=True).source == f"{server}/moved"
    with pytest.raises(SourceError, match="too many redirects"):
        read_source(f"{server}/loop", allow_private=True)
    with pytest.raises(SourceError, match="only http and https"):
        read_source(f"{server}/to-file", allow_private=True)


def test_url_errors_name_the_url(server: str) -> None:
    with pytest.raises(SourceError, match="HTTP 404") as raised:
        read_source(f"{server}/missing", allow_private=True)
    assert raised.value.source == f"{server}/missing"
    with pytest.raises(SourceError, match="too big"):
        read_source(f"{server}/huge", allow_private=True)


def test_loopback_url_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(SourceError, match="non-public address 127.0.0.1") as raised:
        read_source(f"{server}/story")
    assert "allow_private" in raised.value.reason
    assert raised.value.source == f"{server}/story"


def test_redirect_to_a_private_host_is_refused(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the server's own address is public, so that only the redirect target is private.
    resolved = {"127.0.0.1": ["203.0.113.7"], "localhost": ["127.0.0.1"]}
    monkeypatch.setattr(fetch, "is_public_address", lambda address: address == "203.0.113.7")
    monkeypatch.setattr(fetch, "_addresses", lambda source, host, port: resolved[host])
    assert read_source(f"{server}/story").media_type == "text/html"
    with pytest.raises(SourceError, match="localhost resolves to the non-public address"):
        read_source(f"{server}/to-localhost")


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/", "http://169.254.169.254/latest/", "http://[::1]/", "http://0.0.0.0/",
     "http://[::ffff:192.168.0.1]/", "http://100.64.0.1/", "http://240.0.0.1/"],
)
def test_private_link_local_and_reserved_addresses_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match="non-public address"):
        check_url(url, url)


def test_public_address_literal_passes_the_check() -> None:
    check_url("http://8.8.8.8/x", "http://8.8.8.8/x")  # no request is made
