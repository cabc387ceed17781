"""Hostile inputs: text that cannot be stored, impossible dates, entity bombs, links out of the
folder, damaged UTF-8, bombs and monsters of size.  Each is read safely or refused by name."""

from __future__ import annotations

import os
import time
import tracemalloc
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from triangulate.errors import SourceError
from triangulate.ingest import (
    expand_sources,
    find_sources,
    lineage,
    read_source,
    read_sources,
)
from triangulate.ingest.clean import CleanedText
from triangulate.ingest.metadata import TextMetadata
from triangulate.ingest.readers import build_document
from triangulate.model import Document, Republication

from .test_ingest_formats import minimal_pdf

BODY = ("The island ferry company said on Monday it would keep fares at their 2021 level for "
        "another year, and about 1,200 commuters welcomed the decision.")


def feed(items: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<rss version="2.0"><channel>'
            f"<title>Kestrel Bay Chronicle</title>{items}</channel></rss>\n")


def item(title: str, body: str = BODY, date: str = "Tue, 07 Mar 2023 08:15:00 +0000") -> str:
    return (f"<item><title>{title}</title><link>https://chronicle.example/{len(title)}</link>"
            f"<pubDate>{date}</pubDate><description>{body}</description></item>")


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def storable(doc: Document) -> None:
    """Every text of the document encodes as UTF-8 (as SQLite and JSON need)."""
    republished = doc.republished_from or Republication()
    for text in (doc.text, doc.title, doc.publisher, doc.source, *doc.authors, *doc.removed,
                 republished.publisher, republished.url):
        (text or "").encode("utf-8")


# ---- 1. text that cannot be encoded ----------------------------------------------------------


def test_lone_surrogates_in_a_feed_entry_are_replaced_and_the_feed_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "news.rss", feed(
        item("Ferry &#xD800;fares frozen", BODY + " Lone &#xDFFF; low half.")
        + item("Pier reopens &#55357;&#56832;", BODY.replace("ferry", "pier"))
    ))
    first, second = read_sources(path)
    for doc in (first, second):
        storable(doc)
    assert first.title == "Ferry \ufffdfares frozen"
    assert "Lone \ufffd low half." in first.text
    assert second.title == "Pier reopens \U0001f600"  # a pair of halves is the character


def test_character_references_out_of_range_in_a_feed_are_replaced(tmp_path: Path) -> None:
    title = "Ferry &#99999999999;fares &#x110000;frozen &#0;"
    (doc,) = read_sources(write(tmp_path / "news.rss", feed(item(title))))
    assert doc.title == "Ferry \ufffdfares \ufffdfrozen \ufffd"


def test_a_feed_that_trips_the_xml_parser_fails_by_name(tmp_path: Path) -> None:
    # feedparser splits expat's "namespace localname" on any white space, U+00A0 included
    text = feed(item("Ferry fares frozen")).replace(
        '<rss version="2.0">', '<rss version="2.0" xmlns:dc="http://purl.org/\u00a0dc/">'
    ).replace("<title>Ferry", "<dc:x/><title>Ferry")
    with pytest.raises(SourceError, match="malformed feed"):
        read_sources(write(tmp_path / "news.rss", text))


def test_every_text_entering_the_model_is_made_encodable() -> None:
    metadata = TextMetadata(
        title="Harbour\ud800 news\x00", publisher="Chronicle\x07", authors=("Ann\udfff Lee",),
        republished_from=Republication(publisher="Wire\ud800", url="https://x.example/\x1b"),
    )
    cleaned = CleanedText(text="Text\ud83d\ude00 with\x0b a pair\ufffe.", removed=("Menu\ud800",))
    doc = build_document("s.txt", b"s", cleaned, metadata, "text/plain")
    storable(doc)
    assert doc.text == "Text\U0001f600 with\x0b a pair\ufffd."
    assert (doc.title, doc.publisher, doc.authors) == ("Harbour\ufffd news", "Chronicle",
                                                       ("Ann\ufffd Lee",))
    assert doc.removed == ("Menu\ufffd",)
    assert doc.republished_from == Republication(publisher="Wire\ufffd",
                                                 url="https://x.example/")


def test_control_and_non_characters_do_not_reach_the_document(tmp_path: Path) -> None:
    odd = "\x01\x85\x9f\ufffe\U0010ffff"
    text = f"Pier{odd[2]} reopens\n\n{BODY}{odd[0]} Ticket{odd[3]} prices{odd[4]} stay.\n"
    page = (f"<html><head><title>Pier\x01 reopens</title></head><body><article><h1>Pier\x02 "
            f"reopens</h1><p>{BODY}\x03\ufffe</p><p>{BODY.replace('ferry', 'pier')}</p>"
            "</article></body></html>")
    for path in (write(tmp_path / "story.txt", text), write(tmp_path / "page.html", page)):
        doc = read_source(path)
        storable(doc)
        assert doc.title == "Pier reopens"
        assert not set(doc.text) & set(odd + "\x02\x03")


# ---- 2. implausible publication dates --------------------------------------------------------


@pytest.mark.parametrize("date", ["Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 1753 00:00:00 GMT"])
def test_an_implausible_feed_date_is_dropped_and_the_entry_kept(tmp_path: Path, date: str) -> None:
    path = write(tmp_path / "news.rss", feed(item("Ferry fares frozen", date=date)))
    (doc,) = read_sources(path)
    assert doc.title == "Ferry fares frozen"
    assert (doc.published, doc.published_precision, doc.published_basis) == (None, None, None)


def test_a_future_feed_date_gives_way_to_the_date_the_text_states(tmp_path: Path) -> None:
    body = f"Published: 3 May 2021\n\n{BODY}"
    path = write(tmp_path / "news.rss", feed(item("Ferry fares frozen", body=body,
                                                  date="Fri, 31 Dec 9999 23:59:59 GMT")))
    (doc,) = read_sources(path)
    assert (doc.published, doc.published_basis) == ("2021-05-03", "stated")


def test_implausible_dates_in_html_text_pdf_and_docx_are_dropped(tmp_path: Path) -> None:
    import docx

    page = (f'<html><head><meta property="article:published_time" content="2999-01-01">'
            f"<title>Pier reopens</title></head><body><article><h1>Pier reopens</h1><p>{BODY}"
            f"</p><p>{BODY.replace('ferry', 'pier')}</p></article></body></html>")
    text = f"Pier reopens\n\nPublished: 12 May 2099\n\n{BODY}\n"
    pdf = minimal_pdf([[(30, 340, BODY[:60]), (30, 328, BODY[60:])]],
                      {"CreationDate": "D:20990101000000Z"})
    document = docx.Document()
    document.add_paragraph(BODY)
    document.core_properties.created = datetime(2099, 1, 1)
    document.save(str(tmp_path / "story.docx"))
    sources = [write(tmp_path / "page.html", page), write(tmp_path / "story.txt", text),
               str(tmp_path / "story.docx")]
    (tmp_path / "story.pdf").write_bytes(pdf)
    sources.append(str(tmp_path / "story.pdf"))
    for source in sources:
        doc = read_source(source)
        assert doc.published is None, source
        assert "ferry company" in doc.text


# ---- 3. DOCTYPE, entities, billion laughs ----------------------------------------------------


def test_a_feed_with_an_internal_dtd_is_read_as_a_feed(tmp_path: Path) -> None:
    prolog = ('<!DOCTYPE rss [\n  <!ENTITY nbsp "&#160;">\n  <!-- a comment with a ] -->\n'
              '  <!ENTITY co "Kestrel Bay Chronicle">\n]>\n')
    path = write(tmp_path / "news.xml", feed(item("Ferry&nbsp;fares frozen") +
                                             item("Pier reopens, &co; says"), prolog))
    docs = read_sources(path)
    assert [doc.media_type for doc in docs] == ["application/rss+xml"] * 2
    assert docs[0].title == "Ferry fares frozen"  # no-break space
    assert docs[1].title == "Pier reopens, &co; says"  # longer than its reference: not expanded
    assert docs[0].published == "2023-03-07"


def billion_laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, levels)
    ]
    return "<!DOCTYPE rss [\n" + "\n".join(entities) + "\n]>\n"


def test_a_billion_laughs_feed_is_read_without_expanding_entities(tmp_path: Path) -> None:
    path = write(tmp_path / "laughs.rss", feed(item("Ferry &lol9; fares", BODY + " &lol9;"),
                                               billion_laughs()))
    tracemalloc.start()
    started = time.monotonic()
    try:
        (doc,) = read_sources(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 10
    assert peak < 50 * 1024 * 1024
    assert "lollol" not in doc.text and "ferry company" in doc.text
    assert doc.media_type == "application/rss+xml"


def test_external_entities_in_a_feed_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    prolog = (f'<!DOCTYPE rss [\n<!ENTITY x SYSTEM "file://{secret}">\n'
              f'<!ENTITY % p SYSTEM "file://{secret}">\n]>\n')
    (doc,) = read_sources(write(tmp_path / "xxe.rss", feed(item("Ferry &x; fares"), prolog)))
    assert doc.title == "Ferry &x; fares"


# ---- 4. many similar documents ---------------------------------------------------------------


def test_many_similar_documents_are_not_all_compared_with_each_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    near_copy = lineage.is_near_copy

    def counted(first: frozenset[int], second: frozenset[int]) -> bool:
        nonlocal calls
        calls += 1
        return near_copy(first, second)

    monkeypatch.setattr(lineage, "is_near_copy", counted)
    words = BODY.split()
    docs = [
        Document(id=f"d{index}", source=f"feed#{index}", sha256=str(index),
                 text=" ".join(words[:6] + [f"number{index}"] + words[6:]))
        for index in range(600)
    ]
    copy = Document(id="copy", source="copy", sha256="copy", text=docs[599].text + " Yes.")
    linked = lineage.link_copies([*docs, copy])
    assert calls <= 601 * 50  # every pair would be 180,000 checks
    assert linked[-1].copy_of == "d599"


# ---- 5. symbolic links -----------------------------------------------------------------------


def test_links_that_leave_the_folder_are_skipped_and_reported(tmp_path: Path) -> None:
    folder, outside = tmp_path / "articles", tmp_path / "outside"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0")
    (folder / "a.txt").write_text(BODY)
    os.symlink(outside / "passwd", folder / "b_passwd.txt")
    os.symlink(folder / "a.txt", folder / "sub" / "c_inside.txt")
    os.symlink(outside, folder / "sub" / "d_outside_folder")
    os.symlink("../../outside/passwd", folder / "sub" / "e_relative.txt")
    expanded, skipped = find_sources([str(folder), str(folder / "*.txt")])
    assert expanded == [str(folder / "a.txt"), str(folder / "sub" / "c_inside.txt")]
    assert [(Path(found.source).name, found.reason) for found in skipped] == [
        ("b_passwd.txt", "symbolic link leaves the folder"),
        ("d_outside_folder", "symbolic link leaves the folder"),
        ("e_relative.txt", "symbolic link leaves the folder"),
        ("b_passwd.txt", "symbolic link leaves the folder"),
    ]
    assert expand_sources([str(folder)]) == expanded
    # a link named on its own is the user's choice
    assert expand_sources([str(folder / "b_passwd.txt")]) == [str(folder / "b_passwd.txt")]


# ---- 6. damaged UTF-8 ------------------------------------------------------------------------


def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path: Path) -> None:
    text = "Café owners in Łódź say the new “parking rules” cut trade by half. " * 5
    path = tmp_path / "damaged.txt"
    data = text.encode("utf-8")
    path.write_bytes(data[:100] + b"\xff" + data[100:200] + b"\xc3" + data[200:])
    doc = read_source(str(path))
    assert doc.text.startswith("Café owners in Łódź say the new “parking rules”")
    assert doc.text.count("\ufffd") == 2
    assert "Ã" not in doc.text


def test_ascii_with_one_byte_undefined_in_cp1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(BODY.encode() * 3 + b" \x81 " + BODY.encode())
    assert read_source(str(path)).text.count("\ufffd") == 1


# ---- 7. size and time ------------------------------------------------------------------------


def test_an_html_page_of_many_elements_is_read_without_trafilatura(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura was given a page over the limit")

    monkeypatch.setattr(trafilatura, "bare_extraction", refuse)
    filler = "".join(f"<p>Item <b>{index}</b> <i>is</i> listed.</p>" for index in range(9_000))
    page = ('<html><head><meta property="og:site_name" content="Kestrel Bay Chronicle">'
            '<meta property="article:published_time" content="2023-03-07T08:15:00Z">'
            "<title>Ferry fares frozen</title><script>var menu = 'Home';</script></head><body>"
            "<nav><a href='/'>Home</a></nav><article><h1>Ferry fares frozen</h1>"
            f"<p>{BODY}</p>{filler}</article><footer>All rights reserved</footer></body></html>")
    doc = read_source(write(tmp_path / "big.html", page))
    assert doc.text.startswith("Ferry fares frozen\n\nThe island ferry company said")
    assert "var menu" not in doc.text and "Home" not in doc.text
    assert (doc.title, doc.publisher, doc.published) == (
        "Ferry fares frozen", "Kestrel Bay Chronicle", "2023-03-07")


def test_text_over_the_limit_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{BODY} Paragraph {index}." for index in range(8_000)))
    with pytest.raises(SourceError) as raised:
        read_source(str(path))
    assert raised.value.reason.startswith("text too long (1,")
    assert raised.value.reason.endswith("characters; the limit is 1,000,000)")


def deflated_pdf(content: bytes) -> bytes:
    """A one-page PDF whose content stream is deflated."""
    plain = minimal_pdf([[(30, 340, "PLACEHOLDER")]], {})
    start = plain.index(b"<< /Length")
    end = plain.index(b"endstream", start) + len(b"endstream")
    packed = zlib.compress(content, 9)
    stream = (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
              + b"\nendstream")
    return plain[:start] + stream + plain[end:]


def test_a_small_pdf_that_inflates_to_fifty_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(deflated_pdf(b"BT /F1 10 Tf 30 300 Td (The ferry runs.) Tj ET\n" * 1_100_000))
    assert path.stat().st_size < 200_000
    with pytest.raises(SourceError) as raised:
        read_source(str(path))
    assert "suspicious PDF (possible compression bomb)" in raised.value.reason


def test_a_pdf_page_drawing_too_many_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dense.pdf"
    path.write_bytes(deflated_pdf(b"BT /F1 10 Tf 30 300 Td (The ferry runs on time.) Tj ET\n"
                                  * 900))
    with pytest.raises(SourceError) as raised:
        read_source(str(path))
    assert raised.value.reason == "PDF page 1 draws over 20,000 characters (the limit for one page)"

