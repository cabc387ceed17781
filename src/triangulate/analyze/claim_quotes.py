"""Direct quotes: where they are, and the attribution right before or after them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.en.speech import MULTIWORD_CUES, POST_QUOTE_ONLY, SPEECH_VERB_FORMS
from ..model import Sentence, Span
from .claim_speakers import Token, phrase_after, phrase_before, tokenize

_OPENING = {"“": "”", "«": "»"}
_CLOSING = frozenset(_OPENING.values())
_STRAIGHT_MARK = re.compile(r"\"|''")
_MAX_QUOTE_CHARS = 3000
_MIN_QUOTE_WORDS = 3
_ATTRIBUTION_WINDOW = 8
_ATTRIBUTION_WINDOW_WITH_ASIDE = 18
# A cue and its speaker after a quote (past commas and dashes) lie within this many tokens:
# the rest of the sentence is not read again for each quote in it.
_AFTER_QUOTE_TOKENS = 32
_NEXT_LINE_CHARS = 200
_LONG_QUOTE = 300  # characters: a straight quote longer than this may have lost its closing
_SENTENCE_BEFORE = re.compile(r"[.!?][ \t]+\Z")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_CLAUSE_END_BEFORE = re.compile(r"[,.!?][ \t]*\Z")
_WORDS_AFTER = re.compile(r"[ \t]*(\w+)[ \t]+(\w+)")


@dataclass(frozen=True)
class Quote:
    """A quoted stretch: ``inner`` is the text between the marks."""

    outer: Span
    inner: Span
    orphan: bool = False  # closed without an opening mark: runs from the paragraph start


@dataclass(frozen=True)
class CueMatch:
    """A speech cue with the tokens of its speaker phrase (inclusive) and cue (inclusive)."""

    tokens: list[Token]
    speaker: tuple[int, int]
    cue: tuple[int, int]


def find_quotes(text: str) -> list[Quote]:
    """Quoted stretches of a text.

    Curly quotes may run over several paragraphs when each goes on with an opening mark; a
    closing mark with no opening in its paragraph quotes the paragraph from its start.
    Straight quotes pair within a paragraph; one left open at a paragraph's end goes on to the
    first closing mark of the paragraphs after it, unless one of them opens with a mark.
    """
    quotes = _curly_quotes(text) + _straight_quotes(text)
    quotes.sort(key=lambda quote: quote.outer.start)
    return [quote for quote in quotes if _word_count(text, quote.inner) >= _MIN_QUOTE_WORDS]


def _curly_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    position = 0
    paragraph_start = 0
    while position < len(text):
        char = text[position]
        if char == "\n":
            paragraph_start = position + 1
        elif char in _OPENING:
            close = _closing_mark(text, position, _OPENING[char])
            if close is not None:
                quotes.append(Quote(Span(position, close + 1), Span(position + 1, close)))
                position = close
        elif char in _CLOSING:
            while paragraph_start < position and text[paragraph_start].isspace():
                paragraph_start += 1
            if text.count('"', paragraph_start, position) % 2:
                position += 1  # '"more hours” before': a straight mark opened it (_mixed_close)
                continue
            # No longer than a quote that opens: each closing mark of a paragraph quotes it all.
            if paragraph_start < position and position - paragraph_start < _MAX_QUOTE_CHARS:
                quotes.append(Quote(Span(paragraph_start, position + 1),
                                    Span(paragraph_start, position), True))
        position += 1
    return quotes


def _closing_mark(text: str, opening: int, closing: str) -> int | None:
    """Where the quote opened at ``opening`` closes, over paragraphs that reopen it."""
    close = text.find(closing, opening + 1, opening + _MAX_QUOTE_CHARS)
    if close < 0:
        return None
    stretch = text[opening + 1 : close]
    if text[opening] in stretch.replace("\n" + text[opening], ""):
        return None
    for line in stretch.split("\n")[1:]:
        if line.strip() and not line.lstrip().startswith(text[opening]):
            return None
    return close


def _straight_quotes(text: str) -> list[Quote]:
    """Straight quotes: ``"…"`` or, as some wires write, ``''…''``."""
    quotes: list[Quote] = []
    opening: dict[str, re.Match[str]] = {}
    for mark in _STRAIGHT_MARK.finditer(text):
        kind = mark.group()
        start = opening.get(kind)
        if start is None:
            if _attribution_follows(text, mark):
                continue  # a stray closing mark: '... in them. " Mr Varga later said that'
            close = _mixed_close(text, mark)
            if close is None:
                opening[kind] = mark
            else:
                quotes.append(Quote(Span(mark.start(), close + 1), Span(mark.end(), close)))
            continue
        between = text[start.end() : mark.start()]
        if "\n" not in between and len(between) > _LONG_QUOTE and _opens_attributed_quote(
            text, mark
        ):
            opening[kind] = mark  # the mark before it never closed
        elif "\n" not in between:
            quotes.append(Quote(Span(start.start(), mark.end()), Span(start.end(), mark.start())))
            del opening[kind]
        elif len(between) > _MAX_QUOTE_CHARS or _reopens(text, mark) or not _closes(text, mark):
            opening[kind] = mark  # a paragraph that opens with a mark starts afresh
        else:
            quotes.append(Quote(Span(start.start(), mark.end()), Span(start.end(), mark.start())))
            del opening[kind]
    return quotes


_ATTRIBUTED_SENTENCE = re.compile(
    r"\s*(?:[A-Z][\w'.\u2019-]*\s+){1,4}(?:later\s+|also\s+|then\s+)?"
    r"(?:said|says|told|added)\b")


def _attribution_follows(text: str, mark: re.Match[str]) -> bool:
    """Whether a straight mark after a sentence is followed by a sentence that names its own
    speaker ("Mr Varga later said that ..."): the mark closes a quote, it opens none."""
    return mark.group() == '"' and bool(_SENTENCE_BEFORE.search(
        text, max(0, mark.start() - 8), mark.start())) and bool(
        _ATTRIBUTED_SENTENCE.match(text, mark.end()))


def _opens_attributed_quote(text: str, mark: re.Match[str]) -> bool:
    """Whether a straight mark set apart by spaces after a sentence opens a quote whose
    attribution follows its closing mark: ``… matters. " I think …, " he told reporters``
    (read where the quote it would close runs long: a mark before it never closed)."""
    if mark.group() != '"' or not _SENTENCE_BEFORE.search(text, max(0, mark.start() - 8),
                                                           mark.start()):
        return False
    if not _CAPITAL_AFTER.match(text, mark.end()):
        return False
    end = text.find("\n", mark.end())
    close = text.find('"', mark.end(), len(text) if end < 0 else end)
    if close < 0 or not _CLAUSE_END_BEFORE.search(text, max(mark.end(), close - 8), close):
        return False
    words = _WORDS_AFTER.match(text, close + 1)  # "he told", "said Jane Doe", not "I assure"
    return words is not None and words.group(1).islower() and any(
        word.lower() in SPEECH_VERB_FORMS for word in words.groups()
    )


def _mixed_close(text: str, mark: re.Match[str]) -> int | None:
    """The curly mark that closes a straight one in its paragraph, before any other straight
    mark: ``"more hours” before``."""
    if mark.group() != '"' or (mark.start() > 0 and not text[mark.start() - 1].isspace()):
        return None  # '“No," he said': a straight mark after a word closes
    end = text.find("\n", mark.end())
    end = len(text) if end < 0 else end
    close = text.find("”", mark.end(), end)
    if close < 0 or '"' in text[mark.end() : close]:
        return None
    return close


def _closes(text: str, mark: re.Match[str]) -> bool:
    """Whether a straight mark closes: it follows a word or punctuation, not a space, or it
    ends its paragraph."""
    if mark.start() > 0 and not text[mark.start() - 1].isspace():
        return True
    return text[mark.end() : mark.end() + 80].split("\n", 1)[0].strip() == ""


def _reopens(text: str, mark: re.Match[str]) -> bool:
    """Whether a straight mark opens its paragraph (a quote going on from the one before)."""
    return mark.start() == 0 or text[mark.start() - 1] == "\n"


def _word_count(text: str, span: Span) -> int:
    return len(span.of(text).split())


def cue_length(tokens: list[Token], index: int, post_quote: bool) -> int:
    """How many tokens the speech cue at ``index`` takes (0 when there is none)."""
    if not tokens[index].text.islower():
        return 0
    for words in MULTIWORD_CUES:
        window = tokens[index : index + len(words)]
        if len(window) == len(words) and all(
            t.lower == w for t, w in zip(window, words, strict=True)
        ):
            return len(words)
    lower = tokens[index].lower
    if lower in SPEECH_VERB_FORMS and (post_quote or lower not in POST_QUOTE_ONLY):
        return 1
    return 0


def attribution_after(text: str, quote: Quote, sentence: Sentence) -> CueMatch | None:
    """``“…,” he said`` / ``“…,” said the minister`` / ``“…,” read the statement``."""
    start, end = quote.outer.end, max(sentence.end, quote.outer.end)
    while start < end and (text[start].isspace() or text[start] in ",—–-"):
        start += 1
    if start >= end:  # '…."' then, as the next line, 'said Jane Doe, the minister.'
        following = re.match(r"\s*\n\s*(?=[a-z])([^\n]*)", text[end : end + _NEXT_LINE_CHARS])
        if following is not None:
            start, end = end + following.start(1), end + following.end(1)
    tokens = tokenize(text, start, end, limit=_AFTER_QUOTE_TOKENS)
    if not tokens:
        return None
    first = 0
    length = cue_length(tokens, first, post_quote=True)
    if length:
        speaker = phrase_after(tokens, first + length)
        if speaker is not None:
            return CueMatch(tokens, speaker, (first, first + length - 1))
        return None
    if not tokens[first].is_word:
        return None
    asides = 0  # "Jane Doe, the WHO's director of alerts, said"
    for index in range(first + 1, min(len(tokens), first + _ATTRIBUTION_WINDOW_WITH_ASIDE)):
        if not tokens[index].is_word:
            if tokens[index].text != "," or asides == 2:
                break
            asides += 1
            continue
        if index >= first + _ATTRIBUTION_WINDOW and not asides:
            break
        length = cue_length(tokens, index, post_quote=True)
        if length:
            speaker = phrase_before(tokens, index, first)
            if speaker is not None and all(  # "Agency Director General Mira Osei told"
                tokens[i].is_word and tokens[i].is_capitalized for i in range(first, speaker[0])
            ):
                return CueMatch(tokens, speaker, (index, index + length - 1))
            return None
    return None


def attribution_before(tokens: list[Token]) -> CueMatch | None:
    """``He said: “…”`` / ``The ministry said in a statement that “…”`` (``tokens``: the words
    from the start of the sentence to the quote)."""
    if (
        not tokens
        or tokens[-1].text not in (":", ",")
        and tokens[-1].lower not in ("that", *SPEECH_VERB_FORMS)
    ):
        return None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 1 - 2 * _ATTRIBUTION_WINDOW), -1):
        length = cue_length(tokens, index, post_quote=False)
        if not length:
            continue
        speaker = phrase_before(tokens, index, 0)
        if speaker is not None:
            return CueMatch(tokens, speaker, (index, index + length - 1))
        return None
    return None
