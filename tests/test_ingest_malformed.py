"""Malformed and hostile inputs: each fails with a SourceError naming the file and the problem,
quickly, and the other sources of a run are still read."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from triangulate.errors import SourceError, UnsupportedFormat
from triangulate.ingest import expand_sources, read_source, read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAME = FIXTURES / "same_article"


def refused(path: Path, reason: str, error: type[SourceError] = SourceError) -> SourceError:
    with pytest.raises(error) as raised:
        read_source(str(path))
    assert raised.value.source == str(path)
    assert reason in raised.value.reason
    assert str(path) in str(raised.value)
    return raised.value


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (SAME / "article.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "truncated or damaged PDF")


def test_pdf_with_garbage_inside(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    error = refused(path, "PDF")
    assert "damaged PDF" in error.reason or "no extractable text" in error.reason


def test_html_page_without_body_text(tmp_path: Path) -> None:
    path = tmp_path / "empty_page.html"
    path.write_text("<!DOCTYPE html><html><head><title>Nothing</title></head>"
                    "<body><nav><a href='/'>Home</a></nav><div></div></body></html>")
    refused(path, "no article text found in the HTML page")


def test_wrong_extensions_are_read_by_content(tmp_path: Path) -> None:
    pdf_as_txt = tmp_path / "article.txt"
    shutil.copy(SAME / "article.pdf", pdf_as_txt)
    html_as_pdf = tmp_path / "article.pdf"
    shutil.copy(SAME / "article.html", html_as_pdf)
    docx_as_html = tmp_path / "article.html"
    shutil.copy(SAME / "article.docx", docx_as_html)
    assert read_source(str(pdf_as_txt)).media_type == "application/pdf"
    assert read_source(str(html_as_pdf)).media_type == "text/html"
    assert read_source(str(docx_as_html)).media_type.endswith("wordprocessingml.document")


def test_fifty_megabytes_of_one_line_is_refused_as_too_big(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"word " * (10 * 1024 * 1024))
    error = refused(path, "too big")
    assert "50.0 MB" in error.reason


def test_nineteen_megabytes_of_one_line_is_refused_as_too_big(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"the ferry left at noon " * (19 * 1024 * 1024 // 23))
    error = refused(path, "too big")
    assert "characters of text" in error.reason


def test_one_megabyte_line_of_url_like_text_is_cleaned(tmp_path: Path) -> None:
    # Patterns that made end-anchored and e-mail regexes quadratic on long lines.
    path = tmp_path / "long_line.txt"
    path.write_text("Council notice. " + "www.x" * 100_000 + " a.b@c" * 50_000 + " end.")
    doc = read_source(str(path))
    assert len(doc.text) > 800_000


def test_invalid_utf8() -> None:
    refused(FIXTURES / "invalid_utf8.txt", "not valid UTF-8 text")


def _zip(path: Path, members: dict[str, bytes], *, big_zero_member: int = 0) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if big_zero_member:
            with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
                chunk = bytes(1024 * 1024)
                for _ in range(big_zero_member):
                    member.write(chunk)


def test_zip_bomb_disguised_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _zip(path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
         big_zero_member=200)
    assert path.stat().st_size < 1024 * 1024
    error = refused(path, "suspicious ZIP (possible zip bomb)")
    assert "200.0 MB unpacked" in error.reason


def test_small_zip_with_a_huge_compression_ratio_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    _zip(path, {"word/document.xml": b"<w:document/>"}, big_zero_member=5)
    refused(path, "suspicious ZIP (possible zip bomb)")


def test_other_zips_and_broken_docx(tmp_path: Path) -> None:
    odt = tmp_path / "letter.docx"
    _zip(odt, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    refused(odt, "ODT is not supported", UnsupportedFormat)
    broken = tmp_path / "broken.docx"
    _zip(broken, {"[Content_Types].xml": b"not xml", "word/document.xml": b"<<<"})
    refused(broken, "damaged DOCX")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes((SAME / "article.docx").read_bytes()[:2000])
    refused(truncated, "damaged ZIP archive")


def test_malformed_feeds(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                      "<item><title>Only a title")
    with pytest.raises(SourceError) as raised:
        read_sources(str(broken))
    assert raised.value.source == str(broken)
    assert "feed" in raised.value.reason


def test_one_bad_source_does_not_stop_the_others(tmp_path: Path) -> None:
    shutil.copy(SAME / "article.txt", tmp_path / "a_good.txt")
    (tmp_path / "b_cut.pdf").write_bytes((SAME / "article.pdf").read_bytes()[:900])
    (tmp_path / "c_bomb.docx").write_bytes(_bomb_bytes())
    shutil.copy(SAME / "article.docx", tmp_path / "d_good.docx")
    (tmp_path / "e_bad.txt").write_bytes(b"caf\xe9 \xff\xfe\x80\x81 " * 50)
    read: list[str] = []
    failed: list[str] = []
    for source in expand_sources([str(tmp_path)]):
        try:
            read.extend(doc.source for doc in read_sources(source))
        except SourceError as error:
            failed.append(Path(error.source).name)
    assert [Path(source).name for source in read] == ["a_good.txt", "d_good.docx"]
    assert failed == ["b_cut.pdf", "c_bomb.docx", "e_bad.txt"]


def _bomb_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(60 * 1024 * 1024))
    return buffer.getvalue()
