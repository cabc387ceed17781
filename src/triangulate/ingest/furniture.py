"""Site furniture fused into a line of article text, told apart from the text around it.

Scraped pages often lose the line breaks between a page's parts, so that a time stamp, a photo
credit, a media player's label or a trailer of advertisements runs into a sentence of the
article.  ``split_furniture`` cuts one line into pieces, each either furniture or text; the
cleaner removes the furniture and keeps it in ``removed``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..language.en.abbreviations import ABBREVIATIONS
from ..language.en.calendar import MONTH_WORDS, WEEKDAY_WORDS, alternation
from ..language.en.names import CAPITALISED_FUNCTION_WORDS
from .boilerplate import words
from .bylines import read_fused_byline

_DAY = rf"(?:{alternation(WEEKDAY_WORDS, capitalised=True)})\.?,?"
_MONTH = rf"(?:{alternation(MONTH_WORDS, capitalised=True)})\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = rf"(?:\d{{1,2}}{_ORDINAL}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}{_ORDINAL}),?\s+\d{{4}}"
_ZONE = r"(?:[A-Z]{2,4}T|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|AEST|AEDT|IST)(?:\s?[+-]\d{1,2})?"
_NAMED_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AEST|AEDT|IST)"
_MERIDIEM = r"[ap]\.?m\.?"
_CLOCK = (
    rf"\d{{1,2}}(?::\d{{2}}\s*(?:{_MERIDIEM})?|\.\d{{2}}\s*(?:{_MERIDIEM}\s*)?{_ZONE}"
    rf"|\s*{_MERIDIEM})"
)
# "Tue Apr 28, 2009 12:49 am BST", "Sunday 26 April 2009 10.40 BST": a page's time stamp.
_TIME_STAMP = re.compile(
    rf"(?:\b{_DAY}\s+)?\b{_DATE},?\s+(?:at\s+)?{_CLOCK}(?:\s*{_ZONE})?(?![\w:])"
)
_PLACE_BAR = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s*[|•]$")
_CREDIT = re.compile(
    r"^(?:photograph|photo|photos|picture|pictures|image|images|illustration|graphic)s?"
    r"(?:\s+credit)?\s*:\s*",
    re.IGNORECASE,
)
_CREDIT_SEPARATOR = re.compile(r"\s*(?:\\?/|\|)\s*")
_MEDIA_LABEL = re.compile(
    r"^(?P<label>.{0,160}?\blink to this (?:audio|video|interactive|gallery)\b)\s*",
    re.IGNORECASE,
)
_EDITORS_NOTE = re.compile(r"\s*\beditor'?s\s+note\s*:\s.*$", re.IGNORECASE)
_TRAILER = re.compile(
    r"\((?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^()]{3,400}\)",
    re.IGNORECASE,
)
# A dateline anywhere in a line: "Nairobi, Kenya (AP) --", "… BST LIMA (Reuters) -".
DATELINE = re.compile(
    rf"(?:^|\s)(?:{_NAMED_ZONE}\s+)?(?P<place>[A-Z][A-Za-z.'’-]*(?:,?\s+[A-Z][A-Za-z.'’-]*){{0,4}})\s*"
    r"\((?P<publisher>[A-Z][\w&/.]*(?:\s[A-Z][\w&/.]*){0,3})\)\s*(?:--|[-–—_])\s"
)
_STAFF_BYLINE = re.compile(r"^By (?:the )?[A-Z][\w ]{0,30}\b(?:Staff|Wire|Desk|Reporters?)\b")
_NEW_MARK = re.compile(r"(?:^|\s)NEW:\s")
_INNER_SENTENCE_END = re.compile(r"(?P<word>\S*[a-z]{2}[.!?])\s+[\"“A-Z]")
_ABBREVIATIONS = frozenset(ABBREVIATIONS)
_HIGHLIGHT_WORDS = 15
CAPTION_MAX_WORDS = 45
_TOP_LINES = 4


@dataclass(frozen=True)
class Piece:
    text: str
    furniture: bool
    credit: bool = False  # a photo credit: the text just before it is the photo's caption


Splitter = Callable[[str], list[Piece] | None]


def split_furniture(line: str, position: int) -> list[Piece]:
    """``line`` (the ``position``-th non-blank line of a text) cut into text and furniture."""
    splitters: list[Splitter] = [_split_credit, _split_media_label, _split_editors_note,
                                 _split_trailer_tail]
    if position < _TOP_LINES:
        splitters = [_split_highlights, _split_time_stamp, *splitters]
    pieces = [Piece(line, False)]
    for split in splitters:
        pieces = [
            cut for piece in pieces
            for cut in ((None if piece.furniture else split(piece.text)) or [piece])
        ]
    return [piece for piece in pieces if piece.text]


def _split_highlights(line: str) -> list[Piece] | None:
    """A byline run on into the story's highlights ("By the Wire Staff NEW: … NEW: …"), a
    list of headline fragments, up to the dateline that starts the article if one follows."""
    if not (_STAFF_BYLINE.match(line) or read_fused_byline(line) or _NEW_MARK.search(line)):
        return None
    dateline = DATELINE.search(line)
    head = line[: dateline.start()].strip() if dateline else _EDITORS_NOTE.sub("", line)
    if len(words(head)) < _HIGHLIGHT_WORDS or _ends_a_sentence_inside(head[:-2]):
        return None
    if dateline is None:
        return [Piece(line, True)]
    return [Piece(head, True), Piece(line[dateline.start() :].strip(), False)]


def _ends_a_sentence_inside(text: str) -> bool:
    """Whether a full stop inside ``text`` ends a sentence (not "Rep. Ron Paul says")."""
    return any(match.group("word") not in _ABBREVIATIONS
               for match in _INNER_SENTENCE_END.finditer(text))


def _split_time_stamp(text: str) -> list[Piece] | None:
    match = _TIME_STAMP.search(text)
    if not match:
        return None
    before = text[: match.start()].strip()
    after = text[match.end() :].strip()
    return [
        *([Piece(before, bool(_PLACE_BAR.match(before)))] if before else []),
        Piece(match.group(0), True),
        *([Piece(after, False)] if after else []),
    ]


def _split_credit(text: str) -> list[Piece] | None:
    match = _CREDIT.match(text)
    if not match:
        return None
    last = _CREDIT_SEPARATOR.split(text[match.end() :])[-1].split()
    body = " ".join(last[_credit_name_length(last) :])
    credit = text[: len(text) - len(body)].strip() if body else text
    return [Piece(credit, True, credit=True), *([Piece(body, False)] if body else [])]


def _credit_name_length(tokens: list[str]) -> int:
    """How many of ``tokens`` name the photographer or agency that ends a credit."""
    if not tokens:
        return 0
    if tokens[0].isupper():
        return 1
    taken = 0
    for token in tokens[:3]:
        if not token[:1].isupper() or token.casefold() in CAPITALISED_FUNCTION_WORDS or taken == 2:
            break
        taken += 1
    return max(taken, 1)


def _split_media_label(text: str) -> list[Piece] | None:
    match = _MEDIA_LABEL.match(text)
    if not match:
        return None
    rest = text[match.end() :].strip()
    return [Piece(match.group("label"), True), *([Piece(rest, False)] if rest else [])]


def _split_editors_note(text: str) -> list[Piece] | None:
    match = _EDITORS_NOTE.search(text)
    if not match or match.start() == 0:
        return None
    return [Piece(text[: match.start()].strip(), False), Piece(match.group(0).strip(), True)]


def _split_trailer_tail(text: str) -> list[Piece] | None:
    """What follows a "(Reporting by …; Editing by …)" trailer is the page, not the article."""
    match = _TRAILER.search(text)
    if not match:
        return None
    tail = text[match.end() :].strip()
    if not tail or len(words(tail)) < 3:
        return None
    return [Piece(text[: match.end()].strip(), False), Piece(tail, True)]
