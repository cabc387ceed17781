"""A line-by-line view of a raw text that the metadata rules read."""

from __future__ import annotations

from dataclasses import dataclass

from .boilerplate import words
from .clean import normalize_characters, repair_inline
from .urls import repair_split_urls

_TOP_LINES = 15
_PROSE_WORDS = 25


@dataclass(frozen=True)
class TextLine:
    """A non-blank line: ``text`` repaired (markdown marks, split URLs), ``raw`` as read."""

    text: str
    raw: str
    boilerplate: bool
    heading: bool
    block: int


@dataclass(frozen=True)
class TextLines:
    lines: tuple[TextLine, ...]
    top: tuple[TextLine, ...]  # the lines before the first paragraph of prose

    @property
    def kept(self) -> tuple[TextLine, ...]:
        return tuple(line for line in self.lines if not line.boilerplate)


def read_lines(raw: str, removed: tuple[str, ...] = ()) -> TextLines:
    """Split ``raw`` into non-blank lines, flagging the ones cleaning removed."""
    removed_set = set(removed)
    plain = normalize_characters(raw).split("\n")
    repaired, _ = repair_split_urls(plain)
    lines: list[TextLine] = []
    block = 0
    for raw_line, fixed in zip(plain, repaired, strict=True):
        if not raw_line:
            block += 1
            continue
        lines.append(
            TextLine(
                text=repair_inline(fixed),
                raw=raw_line,
                boilerplate=raw_line in removed_set,
                heading=raw_line.lstrip().startswith("#"),
                block=block,
            )
        )
    return TextLines(lines=tuple(lines), top=tuple(_top_lines(lines)))


def _top_lines(lines: list[TextLine]) -> list[TextLine]:
    """The lines before the first block of prose (a block: lines between blank lines)."""
    block_words: dict[int, int] = {}
    for line in lines:
        if not line.boilerplate:
            block_words[line.block] = block_words.get(line.block, 0) + len(words(line.text))
    top: list[TextLine] = []
    for line in lines[:_TOP_LINES]:
        if block_words.get(line.block, 0) >= _PROSE_WORDS and not line.boilerplate:
            break
        top.append(line)
    return top
