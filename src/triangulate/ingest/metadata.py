"""Title, publisher, authors, date, language and lineage read from the text itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Precision, PublishedBasis, Republication
from .boilerplate import EMAIL, URL, ends_sentence, is_label, word_set, words
from .bylines import Byline, read_byline, read_fused_byline
from .dates import find_date, plausible_published
from .language import detect_language
from .lines import TextLine, TextLines, read_lines
from .republication import dateline_agency, dateline_place, find_republication

_DATE_LABEL = re.compile(
    r"^(?:date|dated|published|publication date|posted|released|issued)(?: on)?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_ONLY_REST = re.compile(
    r"^(?:[\s|•·,.:()–—-]|\b(?:on|at)\b|\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?|\b[A-Z]{2,4}\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)*$",
    re.IGNORECASE,
)
_ORGANISATION_WORDS = word_set(
    "center centre institute foundation association council agency university society "
    "committee office ministry academy college school bureau union federation fund forum "
    "network observatory commission organisation organization group service"
)
_SMALL_WORDS = word_set("for of and the on in at to a an de")
_TITLE_MIN_WORDS = 2
_TITLE_MAX_WORDS = 25
_MASTHEAD_WORDS = 6
_ORG_LINE_WORDS = 4
_TAIL_LINES = 8
_FUSED_BYLINE_LINES = 3


@dataclass(frozen=True)
class TextMetadata:
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_precision: Precision | None = None
    published_basis: PublishedBasis | None = None
    language: str | None = None
    republished_from: Republication | None = None
    dateline: str | None = None


def extract_metadata(raw: str, text: str, removed: tuple[str, ...] = ()) -> TextMetadata:
    """Metadata of a text: ``raw`` as read, ``text`` cleaned, ``removed`` its boilerplate."""
    lines = read_lines(raw, removed)
    bylines = [(line, byline) for line in lines.top if (byline := read_byline(line.text))]
    if not bylines:
        bylines = [(line, byline) for line in lines.lines[:_FUSED_BYLINE_LINES]
                   if (byline := read_fused_byline(line.text))]
    publisher = _publisher(lines, bylines, removed)
    authors = tuple(dict.fromkeys(
        name for _, byline in bylines for name in byline.authors
        if not (publisher and name.casefold() == publisher.casefold())
    ))
    published = _stated_date(lines, bylines)
    return TextMetadata(
        title=_title(lines, publisher, {line for line, _ in bylines}),
        publisher=publisher,
        authors=authors,
        published=published,
        published_precision="day" if published else None,
        published_basis="stated" if published else None,
        language=detect_language(text),
        republished_from=find_republication(lines, publisher),
        dateline=dateline_place(lines),
    )


def _title(lines: TextLines, publisher: str | None, bylines: set[TextLine]) -> str | None:
    """A markdown heading, else the first headline-like line before the prose starts."""
    candidates = [line for line in lines.top if not line.boilerplate]
    for line in candidates:
        if line.heading and _headline_like(line.text):
            return line.text
    skip = set(_organisation_block(lines)) | bylines
    for line in candidates:
        if line in skip or (publisher and line.text.casefold() == publisher.casefold()):
            continue
        if _is_date_line(line.text) or is_label(line.text) or _wire_credit_like(line.text):
            continue
        if _headline_like(line.text):
            return line.text
    return None


def _headline_like(text: str) -> bool:
    count = len(words(text))
    return _TITLE_MIN_WORDS <= count <= _TITLE_MAX_WORDS and URL.search(text) is None


def _wire_credit_like(text: str) -> bool:
    return text.endswith(")") and find_date(text) is not None and len(words(text)) <= 8


def _is_date_line(text: str) -> bool:
    found = find_date(text)
    if not found:
        return False
    rest = text[: found[1].start()] + " " + text[found[1].end() :]
    return bool(_DATE_ONLY_REST.match(_DATE_LABEL.sub("", rest.strip())))


def _stated_date(lines: TextLines, bylines: list[tuple[TextLine, Byline]]) -> str | None:
    """A plausible date on a byline, a "Published: <date>" line or a line that is only a date."""
    for _, byline in bylines:
        if plausible_published(byline.date):
            return byline.date
    for line in lines.top:
        if line.boilerplate:
            continue
        found = find_date(line.text)
        if found and _is_date_line(line.text) and plausible_published(found[0]):
            return found[0]
    return None


def _publisher(
    lines: TextLines, bylines: list[tuple[TextLine, Byline]], removed: tuple[str, ...]
) -> str | None:
    for _, byline in bylines:
        if byline.outlet:
            return byline.outlet
    return (_masthead(lines) or _organisation_name(lines) or _site_from_contacts(lines, removed)
            or dateline_agency(lines))


def publisher_named_by_file(source: str, text: str) -> str | None:
    """The outlet a saved file's name starts with (``bbc_2010-01-13_932.txt``), when the text
    names it too, mid-sentence or as an acronym; spelled as the text spells it."""
    name = re.split(r"[/\\]", source)[-1]
    first = re.split(r"[_\-. ]", name, maxsplit=1)[0]
    if len(first) < 2 or not first.isalpha():
        return None
    for match in re.finditer(rf"\b{re.escape(first)}\b", text, re.IGNORECASE):
        found = match.group(0)
        if found.isupper() and len(found) <= 5:
            return found
        before = text[max(0, match.start() - 40) : match.start()].split()
        mid_sentence = bool(before) and before[-1][-1:].isalpha() and not before[-1].istitle()
        if found[:1].isupper() and mid_sentence:
            return found
    return None


def _masthead(lines: TextLines) -> str | None:
    """A short line at the top that the page repeats at its bottom."""
    all_lines = lines.lines
    for line in all_lines[:3]:
        if len(words(line.text)) > _MASTHEAD_WORDS or ends_sentence(line.text) or line.heading:
            continue
        key = line.text.casefold()
        if any(other is not line and other.text.casefold() == key
               for other in all_lines[-_TAIL_LINES:]):
            return line.text
    return None


def _organisation_block(lines: TextLines) -> list[TextLine]:
    """The stack of short capitalised lines that opens some pages (a letterhead)."""
    if not lines.lines:
        return []
    first_block = lines.lines[0].block
    block = [line for line in lines.lines if line.block == first_block]
    if len(block) < 2 or any(len(words(line.text)) > _ORG_LINE_WORDS for line in block):
        return []
    letters = [char for line in block for char in line.text if char.isalpha()]
    if not letters or sum(char.isupper() for char in letters) < 0.8 * len(letters):
        return []
    return block


def _organisation_name(lines: TextLines) -> str | None:
    block = _organisation_block(lines)
    for index, line in enumerate(block):
        if {token.lower() for token in words(line.text)} & _ORGANISATION_WORDS:
            return _title_case(" ".join(entry.text for entry in block[index:]))
    return None


def _title_case(name: str) -> str:
    if not name.isupper():
        return name
    tokens = name.lower().split()
    return " ".join(
        token if index and token in _SMALL_WORDS else token.capitalize()
        for index, token in enumerate(tokens)
    )


def _site_from_contacts(lines: TextLines, removed: tuple[str, ...]) -> str | None:
    """The site's name when the domain of a contact e-mail in its boilerplate spells a name
    the page uses (a URL there may as well be a source's)."""
    labels = [
        address.rsplit("@", 1)[1].split(".")[-2].lower()
        for text in removed
        for address in EMAIL.findall(text)
    ]
    wanted = {re.sub(r"[^a-z0-9]", "", label) for label in labels}
    wanted.discard("")
    if not wanted:
        return None
    everything = "\n".join(line.text for line in lines.lines)
    for match in re.finditer(r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}", everything):
        tokens = match.group(0).split()
        for size in range(len(tokens), 0, -1):
            for start in range(len(tokens) - size + 1):
                name = " ".join(tokens[start : start + size])
                if re.sub(r"[^a-z0-9]", "", name.lower()) in wanted:
                    return name
    return None
