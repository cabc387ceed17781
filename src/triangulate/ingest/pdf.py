"""PDF files: text by page with pdfminer.six, paragraphs rebuilt from line positions, running
headers, footers and page numbers removed, metadata from the document information dictionary.

pdfminer's own grouping of lines into boxes breaks on tight line spacing and justified text, so
paragraphs are rebuilt here from the lines' coordinates: a larger vertical gap, a jump to a new
column, an indented first line or a short line that ends a sentence starts a new paragraph.

pdfminer inflates every stream it reads in full and lays out each page whatever its size, so the
file's deflated streams are measured first, and the characters drawn are counted as pages are
read (see ``limits``).
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from ..errors import SourceError
from .clean import CleanedText, clean_text
from .dates import plausible_published
from .decode import check_text_length
from .limits import (
    COMPRESSION_RATIO_FLOOR_BYTES,
    MAX_COMPRESSION_RATIO,
    MAX_PDF_INFLATED_BYTES,
    MAX_PDF_PAGE_CHARS,
    MAX_PDF_PAGES,
    MAX_RAW_TEXT_CHARS,
)
from .metadata import TextMetadata, extract_metadata

_EOF_WINDOW = 2048
_STREAM_START = re.compile(rb"\bstream\r?\n")
_DICTIONARY_WINDOW = 1024
_INFLATE_CHUNK = 65536
_SAME_LINE_OVERLAP = 0.6
_PARAGRAPH_GAP = 1.35
_INDENT_POINTS = 8.0
_SHORT_LINE = 0.8
_REPEATED_SHARE = 0.5
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[\W_]*$",
                          re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’»)]$")
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")
_GENERIC_AUTHORS = frozenset({"user", "admin", "administrator", "owner", "unknown", "author"})


@dataclass(frozen=True)
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def read_pdf(source: str, data: bytes) -> tuple[CleanedText, TextMetadata]:
    """Cleaned text and metadata of a PDF, or SourceError for a damaged, locked or empty one."""
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise SourceError(source, "truncated or damaged PDF (no end-of-file marker)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages, info = _extract(source, data)
    if not any(page for page in pages):
        raise SourceError(source, "PDF has no extractable text (a scanned image? OCR is not "
                                  "supported)")
    furniture = _page_furniture(pages)
    removed: list[str] = []
    blocks: list[str] = []
    for page in pages:
        edges = _edges(page)
        dropped = [line for line in edges if _is_furniture(line, furniture)]
        kept = [line for line in page if not any(line is edge for edge in dropped)]
        removed.extend(line.text for line in dropped)
        blocks.extend("\n".join(line.text for line in paragraph) for paragraph in _paragraphs(kept))
    raw = "\n\n".join(blocks)
    check_text_length(source, raw)
    cleaned = clean_text(raw, wrapped_blocks=True)
    cleaned = CleanedText(text=cleaned.text, removed=tuple(removed) + cleaned.removed)
    metadata = extract_metadata(raw, cleaned.text, cleaned.removed)
    return cleaned, _with_info(metadata, info)


def _extract(source: str, data: bytes) -> tuple[list[list[_Line]], dict[str, Any]]:
    from pdfminer.layout import LAParams, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage, PDFTextExtractionNotAllowed
    from pdfminer.pdfparser import PDFParser

    _check_inflated_size(source, data)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        found = list(islice(PDFPage.create_pages(document), MAX_PDF_PAGES + 1))
        if len(found) > MAX_PDF_PAGES:
            raise SourceError(source, f"PDF has over {MAX_PDF_PAGES} pages; the limit is "
                                      f"{MAX_PDF_PAGES}")
        info = document.info[0] if document.info else {}
        resources = PDFResourceManager()
        device = _counting_aggregator(source, resources, LAParams(char_margin=4.0))
        interpreter = PDFPageInterpreter(resources, device)
        pages: list[list[_Line]] = []
        for page in found:
            interpreter.process_page(page)
            lines = [
                _Line(line.x0, line.y0, line.x1, line.y1, line.get_text().strip())
                for line in _walk(device.get_result(), LTTextLine)
                if line.get_text().strip()
            ]
            pages.append(_merge_same_baseline(lines))
    except SourceError:
        raise
    except (PDFPasswordIncorrect, PDFTextExtractionNotAllowed):
        raise SourceError(source, "encrypted PDF (text cannot be extracted)") from None
    except Exception as error:  # pdfminer raises many kinds of errors on damaged files
        raise SourceError(source, f"damaged PDF ({type(error).__name__}: {error})"[:200]) from None
    return pages, info


def _counting_aggregator(source: str, resources: Any, laparams: Any) -> Any:
    """pdfminer's page aggregator, stopped with a SourceError as soon as a page draws more than
    MAX_PDF_PAGE_CHARS characters or the document more than MAX_RAW_TEXT_CHARS."""
    from pdfminer.converter import PDFPageAggregator

    class CountingAggregator(PDFPageAggregator):
        document_chars = 0
        page_chars = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.page_chars = 0
            super().begin_page(page, ctm)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.page_chars += 1
            self.document_chars += 1
            if self.page_chars > MAX_PDF_PAGE_CHARS:
                raise SourceError(source, f"PDF page {self.pageno} draws over "
                                          f"{MAX_PDF_PAGE_CHARS:,} characters (the limit for "
                                          "one page)")
            if self.document_chars > MAX_RAW_TEXT_CHARS:
                raise SourceError(source, f"too big: over {MAX_RAW_TEXT_CHARS:,} characters of "
                                          "text in the PDF (the limit for one document)")
            return float(super().render_char(*args, **kwargs))

    return CountingAggregator(resources, laparams=laparams)


def _check_inflated_size(source: str, data: bytes) -> None:
    """Refuse a PDF whose deflated streams other than images inflate past the limits, before
    pdfminer inflates any of them."""
    inflated = 0
    for match in _STREAM_START.finditer(data):
        head = data[max(0, match.start() - _DICTIONARY_WINDOW) : match.start()]
        dictionary = head[head.rfind(b"obj") :]
        if b"/Image" in dictionary or b"/Fl" not in dictionary:
            continue
        inflated += _inflated_size(data, match.end(), MAX_PDF_INFLATED_BYTES - inflated)
        ratio = inflated / len(data)
        if inflated > MAX_PDF_INFLATED_BYTES or (
            inflated > COMPRESSION_RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO
        ):
            raise SourceError(
                source,
                f"suspicious PDF (possible compression bomb): its streams inflate to over "
                f"{inflated / 1_048_576:.1f} MB, compression ratio over {ratio:.0f}",
            )


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """How many bytes the deflated stream at ``start`` inflates to, counted up to ``limit`` + 1
    (0 when it is not a deflated stream: encrypted, or another filter first)."""
    inflater = zlib.decompressobj()
    view = memoryview(data)
    size = 0
    for position in range(start, len(data), _INFLATE_CHUNK):
        try:
            size += len(inflater.decompress(view[position : position + _INFLATE_CHUNK],
                                            limit - size + 1))
        except zlib.error:
            break
        if size > limit or inflater.eof or inflater.unconsumed_tail:
            break
    return size


def _walk(item: Any, kind: type) -> list[Any]:
    if isinstance(item, kind):
        return [item]
    found: list[Any] = []
    if hasattr(item, "__iter__"):
        for child in item:
            found.extend(_walk(child, kind))
    return found


def _merge_same_baseline(lines: list[_Line]) -> list[_Line]:
    """Join pieces of one printed line that pdfminer split (wide justified spaces)."""
    merged: list[_Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if previous and _same_baseline(previous, line) and line.x0 >= previous.x1 - 1:
            merged[-1] = _Line(previous.x0, min(previous.y0, line.y0), line.x1,
                               max(previous.y1, line.y1), f"{previous.text} {line.text}")
        else:
            merged.append(line)
    return merged


def _same_baseline(first: _Line, second: _Line) -> bool:
    overlap = min(first.y1, second.y1) - max(first.y0, second.y0)
    height = min(first.y1 - first.y0, second.y1 - second.y0)
    return height > 0 and overlap >= _SAME_LINE_OVERLAP * height


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    if not lines:
        return []
    pitches = [a.y0 - b.y0 for a, b in zip(lines, lines[1:], strict=False) if _below(a, b)]
    pitch = statistics.median(pitches) if pitches else 0.0
    left = statistics.median(line.x0 for line in lines)
    width = max(line.x1 - line.x0 for line in lines)
    paragraphs: list[list[_Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        starts_new = (
            not _below(previous, line)
            or (pitch and previous.y0 - line.y0 > _PARAGRAPH_GAP * pitch)
            or line.x0 - left > _INDENT_POINTS >= abs(previous.x0 - left)
            or (_SENTENCE_END.search(previous.text) is not None
                and previous.x1 - previous.x0 < _SHORT_LINE * width)
        )
        if starts_new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _below(upper: _Line, lower: _Line) -> bool:
    """``lower`` is the next line down in the same column."""
    return lower.y1 <= upper.y0 + 1 and lower.x0 < upper.x1 and upper.x0 < lower.x1


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold()).strip()


def _edges(page: list[_Line]) -> list[_Line]:
    if not page:
        return []
    top = max(page, key=lambda line: line.y1)
    bottom = min(page, key=lambda line: line.y0)
    return [top] if top is bottom else [top, bottom]


def _page_furniture(pages: list[list[_Line]]) -> set[str]:
    """Keys of the top and bottom lines that repeat on at least half of the pages."""
    if len(pages) < 2:
        return set()
    tally: Counter[str] = Counter()
    for page in pages:
        tally.update({_key(line.text) for line in _edges(page)})
    threshold = max(2, _REPEATED_SHARE * len(pages))
    return {key for key, count in tally.items() if count >= threshold}


def _is_furniture(edge: _Line, furniture: set[str]) -> bool:
    return _key(edge.text) in furniture or bool(_PAGE_NUMBER.match(edge.text))


def _with_info(metadata: TextMetadata, info: dict[str, Any]) -> TextMetadata:
    """PDF title and author fill gaps; the creation date is used when the text states none."""
    title = _info_text(info, "Title")
    author = _info_text(info, "Author")
    authors = metadata.authors
    if author and author.casefold() not in _GENERIC_AUTHORS and not authors:
        authors = tuple(name.strip() for name in re.split(r"[;,]| and ", author) if name.strip())
    metadata = replace(metadata, title=title or metadata.title, authors=authors)
    created = _pdf_date(_info_text(info, "CreationDate"))
    if created and not metadata.published:
        metadata = replace(metadata, published=created, published_precision="day",
                           published_basis="metadata")
    return metadata


def _info_text(info: dict[str, Any], name: str) -> str | None:
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = info.get(name)
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = decode_text(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def _pdf_date(value: str | None) -> str | None:
    """``D:20240415093000Z`` → ``2024-04-15`` (day precision only)."""
    match = _PDF_DATE.match(value or "")
    if not match or not match.group(3):
        return None
    from .dates import parse_date

    return plausible_published(
        parse_date(f"{match.group(1)}-{match.group(2)}-{match.group(3)}", "iso")
    )
