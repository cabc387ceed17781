"""Cleaning of already-scraped article text.

``clean_text`` removes boilerplate (kept, line by line, in ``CleanedText.removed``) and repairs
extraction debris: split URLs, hyphenation and line breaks inside sentences, escaped characters,
markdown marks and spacing.  The result has one paragraph per line, paragraphs separated by one
blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import (
    ends_sentence,
    is_boilerplate,
    is_label,
    is_section_heading,
    is_short_non_prose,
    is_url_only,
    words,
)
from .furniture import CAPTION_MAX_WORDS, split_furniture
from .urls import repair_split_urls

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Control characters that are not white space (C0, DEL, C1 but NEL).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_NON_CHARACTER = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0x10000, 0x110000,
                                                                          0x10000))
    + "]"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+|\s+#+$")
_MD_STRONG = re.compile(r"\*\*(.*?)\*\*|__(.+?)__")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%|<>~\"'])")
_BULLET = re.compile(r"^(?:[-*•–]\s+\S|\d{1,2}[.)]\s+\S)")
_HYPHEN_BREAK = re.compile(r"[a-z]-$")
_COMPOUND_BREAK = re.compile(r"[^\W\d_]-$")
_LIST_LINE_WORDS = 8
_MASTHEAD_WORDS = 6
_HEAD_LINES = 3
_TAIL_LINES = 8


@dataclass(frozen=True)
class CleanedText:
    text: str
    removed: tuple[str, ...]


@dataclass
class _Line:
    raw: str
    text: str
    block: int
    kept: bool = True
    credit: bool = False


def model_text(text: str) -> str:
    """``text`` as it may enter the model, encodable as UTF-8: a pair of surrogates becomes the
    character it encodes, a lone surrogate or a non-character U+FFFD, and control characters
    that are not white space are dropped."""
    if _NON_CHARACTER.search(text):
        text = _SURROGATE_PAIR.sub(
            lambda pair: pair.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"),
            text,
        )
        text = _NON_CHARACTER.sub("\ufffd", text)
    return _NOT_TEXT.sub("", text)


def normalize_characters(text: str) -> str:
    """Unify line ends and spaces; drop invisible and control characters."""
    text = model_text(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def repair_inline(line: str) -> str:
    """Markdown heading and bold marks, backslash escapes, repeated spaces."""
    line = _MD_HEADING.sub("", line)
    line = _MD_STRONG.sub(lambda match: match.group(1) or match.group(2) or "", line)
    line = _ESCAPED.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()


def clean_text(
    raw: str, *, paragraph_per_line: bool = False, wrapped_blocks: bool = False
) -> CleanedText:
    """Clean scraped text; ``paragraph_per_line`` treats every line as its own paragraph,
    ``wrapped_blocks`` every block (lines between blank lines) as one wrapped paragraph unless
    its lines are bullets (for PDF text whose paragraphs the layout already found)."""
    lines = normalize_characters(raw).split("\n")
    repaired, consumed = repair_split_urls(lines)
    entries: list[_Line] = []
    removed_fragments: list[tuple[int, str]] = []
    block = 0
    for index, (line, fixed) in enumerate(zip(lines, repaired, strict=True)):
        if not line or paragraph_per_line:
            block += 1
        if not line:
            continue
        if index in consumed:
            removed_fragments.append((len(entries), line))
            continue
        text = repair_inline(fixed)
        pieces = [] if is_boilerplate(text) else split_furniture(text, len(entries))
        if len(pieces) <= 1:
            furniture = bool(pieces) and pieces[0].furniture
            entries.append(_Line(raw=line, text=text, block=block, kept=not furniture,
                                 credit=bool(pieces) and pieces[0].credit))
            continue
        for piece in pieces:
            block += 1
            entries.append(_Line(raw=piece.text, text=piece.text, block=block,
                                 kept=not piece.furniture, credit=piece.credit))
    _drop_captions(entries)
    _drop_boilerplate(entries)
    _drop_mastheads(entries)
    _drop_link_sections(entries)
    _drop_tail_chrome(entries)
    removed = _removed_in_order(entries, removed_fragments)
    paragraphs = _join_paragraphs(_assemble_blocks(entries, wrapped_blocks))
    return CleanedText(text="\n\n".join(paragraphs), removed=tuple(removed))


def _blocks(entries: list[_Line]) -> list[list[_Line]]:
    grouped: dict[int, list[_Line]] = {}
    for entry in entries:
        grouped.setdefault(entry.block, []).append(entry)
    return list(grouped.values())


def _drop_boilerplate(entries: list[_Line]) -> None:
    for block in _blocks(entries):
        if len(block) > 1 and is_boilerplate(" ".join(entry.text for entry in block)):
            for entry in block:
                entry.kept = False
            continue
        for entry in block:
            text = entry.text
            if not text or is_boilerplate(text) or is_label(text) or is_url_only(text):
                entry.kept = False


def _drop_captions(entries: list[_Line]) -> None:
    """The short text just before a photo credit is the photo's caption."""
    for index, entry in enumerate(entries):
        if not entry.credit or index == 0:
            continue
        before = entries[index - 1]
        if before.kept and len(words(before.text)) <= CAPTION_MAX_WORDS:
            before.kept = False


def _drop_link_sections(entries: list[_Line]) -> None:
    """A "See Also"/"Related" heading and the links or furniture that follow it."""
    blocks = _blocks(entries)
    index = 0
    while index < len(blocks):
        kept = [entry for entry in blocks[index] if entry.kept]
        if not kept or not is_section_heading(kept[0].text):
            index += 1
            continue
        kept[0].kept = False
        in_links = all(is_short_non_prose(entry.text) for entry in kept[1:])
        if not in_links:
            index += 1
            continue
        for entry in kept[1:]:
            entry.kept = False
        index += 1
        while index < len(blocks):
            rest = [entry for entry in blocks[index] if entry.kept]
            if rest and not all(is_short_non_prose(entry.text) for entry in rest):
                break
            for entry in rest:
                entry.kept = False
            index += 1


def _drop_mastheads(entries: list[_Line]) -> None:
    """A short site-name line at the top that repeats at the bottom is page chrome."""
    kept = [entry for entry in entries if entry.kept]
    if len(kept) < 3:
        return
    head = kept[:_HEAD_LINES]
    tail = kept[-_TAIL_LINES:]
    for top in head:
        key = top.text.casefold()
        if len(words(top.text)) > _MASTHEAD_WORDS or ends_sentence(top.text):
            continue
        if any(entry is not top and entry.text.casefold() == key for entry in tail):
            for entry in kept:
                if entry.text.casefold() == key:
                    entry.kept = False


def _drop_tail_chrome(entries: list[_Line]) -> None:
    """Short non-prose lines mixed into the boilerplate at the end of a page."""
    seen_boilerplate = False
    for entry in reversed(entries):
        if not entry.kept:
            seen_boilerplate = True
        elif seen_boilerplate and is_short_non_prose(entry.text):
            entry.kept = False
        else:
            break


def _removed_in_order(entries: list[_Line], fragments: list[tuple[int, str]]) -> list[str]:
    removed: list[str] = []
    fragment_at: dict[int, list[str]] = {}
    for position, text in fragments:
        fragment_at.setdefault(position, []).append(text)
    for position, entry in enumerate(entries):
        removed.extend(fragment_at.pop(position, []))
        if not entry.kept:
            removed.append(entry.raw)
    for texts in fragment_at.values():
        removed.extend(texts)
    return removed


def _assemble_blocks(entries: list[_Line], wrapped: bool) -> list[str]:
    paragraphs: list[str] = []
    for block in _blocks(entries):
        lines = [entry.text for entry in block if entry.kept and entry.text]
        if lines:
            paragraphs.extend(_join_block(lines, wrapped))
    return paragraphs


def _join_block(lines: list[str], wrapped: bool) -> list[str]:
    """One paragraph for wrapped prose; one per line for lists and stacks of short lines."""
    if _is_caps_stack(lines):
        return [" ".join(lines)]
    listy = any(_BULLET.match(line) for line in lines) or (
        not wrapped and len(lines) > 1
        and all(len(words(line)) <= _LIST_LINE_WORDS for line in lines)
    )
    paragraphs: list[_Paragraph] = []
    for line in lines:
        if paragraphs and (
            _continues(paragraphs[-1].tail(), line) or not (listy or _BULLET.match(line))
        ):
            paragraphs[-1].add(line)
        else:
            paragraphs.append(_Paragraph(line))
    return [paragraph.text() for paragraph in paragraphs]


def _is_caps_stack(lines: list[str]) -> bool:
    if len(lines) < 2 or any(len(words(line)) > _LIST_LINE_WORDS for line in lines):
        return False
    letters = [char for line in lines for char in line if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


class _Paragraph:
    """A paragraph built line by line; joining looks only at its end, so that building a very
    long paragraph stays linear."""

    _TAIL_CHARS = 256

    def __init__(self, first: str) -> None:
        self.pieces = [first]
        self.word_count = len(words(first))

    def tail(self) -> str:
        """The end of the text, back to a space (so that it holds the whole last token)."""
        tail = ""
        for piece in reversed(self.pieces):
            tail = piece + tail
            if " " in piece or len(tail) >= self._TAIL_CHARS:
                break
        return tail

    def add(self, line: str) -> None:
        tail = self.tail()
        if _COMPOUND_BREAK.search(tail) and _ends_in_word(tail):
            if _HYPHEN_BREAK.search(tail) and line[:1].islower():
                self.pieces[-1] = self.pieces[-1][:-1]
                self.pieces.append(line)
                self.word_count += len(words(line)) - 1
                return
            if line[:1].isupper():
                self.pieces.append(line)
                self.word_count += len(words(line)) - 1
                return
        self.pieces.extend((" ", line))
        self.word_count += len(words(line))

    def text(self) -> str:
        return "".join(self.pieces)


def _continues(previous: str, line: str) -> bool:
    """``line`` carries on the sentence whose end is ``previous`` (a tail is enough)."""
    if _COMPOUND_BREAK.search(previous) and line[:1].isalpha() and _ends_in_word(previous):
        return True
    if not line[:1].islower():
        return False
    return not ends_sentence(previous) or bool(_HYPHEN_BREAK.search(previous))


def _ends_in_word(text: str) -> bool:
    """The last token is a word, not a URL or a path."""
    last_token = text[text.rfind(" ") + 1 :]
    return "/" not in last_token and "." not in last_token


def _join_paragraphs(paragraphs: list[str]) -> list[str]:
    """Rejoin a sentence that a page break or removed debris split into two paragraphs."""
    joined: list[_Paragraph] = []
    for paragraph in paragraphs:
        if (
            joined
            and _continues(joined[-1].tail(), paragraph)
            and joined[-1].word_count >= 5
        ):
            joined[-1].add(paragraph)
        else:
            joined.append(_Paragraph(paragraph))
    return [paragraph.text() for paragraph in joined]
