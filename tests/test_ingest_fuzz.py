"""A fuzz test of the readers with a fixed seed: a few hundred mutated files (random bytes,
truncated and spliced HTML, feeds, PDFs and DOCX, hostile characters, NULs, huge lines).  Each
is read into documents whose every text encodes as UTF-8, or refused with a SourceError: no
other exception."""

from __future__ import annotations

import html
import io
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

from triangulate.errors import SourceError
from triangulate.ingest import read_sources

from .test_ingest_formats import minimal_pdf
from .test_ingest_hostile import billion_laughs, feed, item, storable

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = 20_200_812
INPUTS = 300
SUFFIXES = ("", ".txt", ".md", ".html", ".xml", ".rss", ".pdf", ".docx")
HOSTILE = (
    b"&#xD800;", b"&#55357;", b"&#0;", b"&#99999999999;", b"&#x110000;", b"\x00", b"\xed\xa0\x80",
    b"\xef\xbf\xbe", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x1b[31m", b"\r", b"\x0c",
    b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<!DOCTYPE rss [<!ENTITY a \"&b;&b;\">]>", b"&a;",
    b"<script>", b"</p>", b"<p>", b"<", b">", b"&", b"&amp;", b"&nbsp;", b"%PDF-1.4",
    b"%%EOF", b"stream\n", b"endstream", b"PK\x03\x04", b"<rss>", b"<feed>", b"<item>",
    "\u202e\u200b\ufeff\ufffe\U0001f600\u0301ﬁ".encode(), b"Published: 3 May 9999",
    b"<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>", b"By " + b"A" * 300,
)


def seeds() -> list[tuple[str, bytes]]:
    """Real inputs to mutate: the ingest fixtures and a few built here."""
    found = [
        (path.suffix, path.read_bytes())
        for path in sorted(FIXTURES.rglob("*"))
        if path.is_file() and path.suffix != ".py"
    ]
    body = ("The island ferry company said on Monday it would keep fares at their level for "
            "another year.")
    found.append((".rss", feed(item("Ferry fares frozen") + item("Pier &lol9; open"),
                               billion_laughs()).encode()))
    found.append((".pdf", minimal_pdf([[(30, 340, body[:50]), (30, 328, body[50:])]] * 2,
                                      {"Title": "Ferry", "CreationDate": "D:20230307"})))
    found.append((".html", (f"<html><head><title>Ferry</title></head><body><article><p>{body}"
                            f"</p><p>{body}</p></article></body></html>").encode()))
    return found


def docx_with(rng: random.Random, template: bytes) -> bytes:
    """The DOCX ``template`` with hostile bytes spliced into its text or its properties."""
    source = zipfile.ZipFile(io.BytesIO(template))
    target = rng.choice(("word/document.xml", "docProps/core.xml"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == target:
                data = splice(rng, data, rng.randint(1, 4))
            archive.writestr(member.filename, data)
    return out.getvalue()


def splice(rng: random.Random, data: bytes, count: int) -> bytes:
    for _ in range(count):
        at = rng.randint(0, len(data))
        data = data[:at] + rng.choice(HOSTILE) + data[at:]
    return data


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One of: truncate, flip bytes, splice hostile tokens, repeat a slice, add a huge line."""
    kind = rng.randrange(5)
    if kind == 0:
        return data[: rng.randint(0, len(data))]
    if kind == 1:
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if mutable:
                mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        return bytes(mutable)
    if kind == 2:
        return splice(rng, data, rng.randint(1, 6))
    if kind == 3:
        start = rng.randint(0, len(data))
        piece = data[start : start + rng.randint(1, 200)]
        return data[:start] + piece * rng.randint(2, 500) + data[start:]
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice((b"A", b"x ", b"<b>", b"\xc3\xa9")) * 40_000 + data[at:]


def random_text(rng: random.Random) -> bytes:
    """Random code points, surrogates among them, as UTF-8 that lets them through."""
    points = [rng.choice((rng.randint(0, 0x7F), rng.randint(0x80, 0xFFFF),
                          rng.randint(0xD800, 0xDFFF), rng.randint(0x10000, 0x10FFFF)))
              for _ in range(rng.randint(1, 400))]
    return "".join(map(chr, points)).encode("utf-8", "surrogatepass")


def filled(rng: random.Random) -> tuple[str, bytes]:
    """A well-formed feed, page or PDF carrying random text where its text goes."""
    def text() -> str:
        return random_text(rng).decode("utf-8", "surrogatepass")

    def escaped() -> str:
        return "".join(f"&#{ord(char)};" if rng.random() < 0.3 else html.escape(char)
                       for char in text())

    kind = rng.randrange(3)
    if kind == 0:
        return ".rss", feed(item(escaped(), escaped(), date=escaped())).encode(
            "utf-8", "surrogatepass")
    if kind == 1:
        page = (f"<html><head><title>{escaped()}</title><meta name='date' content='{escaped()}'>"
                f"</head><body><article><p>{escaped()}</p><p>{escaped()}</p></article></body>"
                "</html>")
        return ".html", page.encode("utf-8", "surrogatepass")
    lines = [(30.0, 340.0 - 12 * index, text().encode("latin-1", "replace").decode("latin-1"))
             for index in range(rng.randint(1, 20))]
    return ".pdf", minimal_pdf([lines], {"Title": text().encode("latin-1", "replace")
                                         .decode("latin-1")})


def inputs(rng: random.Random, count: int) -> Iterator[tuple[str, bytes]]:
    """``count`` (suffix, bytes) inputs."""
    corpus = seeds()
    template = (FIXTURES / "same_article" / "article.docx").read_bytes()
    for _ in range(count):
        choice = rng.randrange(10)
        if choice == 0:
            yield rng.choice(SUFFIXES), rng.randbytes(rng.randint(0, 3000))
        elif choice == 1:
            yield rng.choice(SUFFIXES), random_text(rng)
        elif choice == 2:
            yield ".docx", docx_with(rng, template)
        elif choice == 3:
            yield filled(rng)
        else:
            suffix, data = rng.choice(corpus)
            yield rng.choice((suffix, suffix, rng.choice(SUFFIXES))), mutate(rng, data)


def fuzz(directory: Path, seed: int, count: int) -> list[str]:
    """Read ``count`` generated inputs; the description of each unexpected exception."""
    rng = random.Random(seed)
    crashes: list[str] = []
    for number, (suffix, data) in enumerate(inputs(rng, count)):
        path = directory / f"input{number}{suffix}"
        path.write_bytes(data)
        try:
            for doc in read_sources(str(path)):
                storable(doc)
        except SourceError:
            pass
        except Exception as error:  # noqa: BLE001 - what the test looks for
            crashes.append(f"{path.name}: {type(error).__name__}: {error}"[:300])
        path.unlink()
    return crashes


def test_mutated_inputs_are_read_or_refused_by_name(tmp_path: Path) -> None:
    assert fuzz(tmp_path, SEED, INPUTS) == []
