"""Word tokens and capitalised runs: the raw material of the rule-based recogniser."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter

from ..language.en.abbreviations import ABBREVIATIONS
from ..language.en.names import CONNECTORS, NAME_PREFIXES

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:['\u2019\-][\w]+)*|\d[\w]*|\S")
_ABBREVIATIONS = frozenset(abbreviation[:-1].casefold() for abbreviation in ABBREVIATIONS)
# Addresses and domains start where a run of their characters starts: tried from every letter
# of a long word, they took quadratic time.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
    r"|(?<![\w.\-])[.\-]*+(?P<domain>\b(?:[a-z0-9\-]++\.)+[a-z]{2,}(?:/\S*)?)",
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*$")
_POSSESSIVE = ("'s", "\u2019s")
# A quote, bracket, colon or dash before a word makes it start a clause like a sentence does.
_CLAUSE_OPENERS = frozenset('"\u201c\u2018\'([:\u2014\u2013-*\u2022')


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of its sentence or quoted clause
    ends_name: bool = False  # a possessive ("Smith's") or a compound ("Paris-based") ends a name

    @property
    def folded(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return is_capitalised(self.text)

    @property
    def is_acronym(self) -> bool:
        return bool(_ACRONYM.match(self.text)) and sum(c.isalpha() for c in self.text) >= 2


def is_capitalised(word: str) -> bool:
    lower = word.casefold()
    for prefix in NAME_PREFIXES:
        if lower.startswith(prefix) and len(word) > len(prefix):
            return word[len(prefix)].isupper()
    return word[0].isupper()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, bare domains and e-mail addresses (no mention may start inside one), in
    order and without overlaps."""
    return [
        (match.start("domain") if match["domain"] else match.start(), match.end())
        for match in _URL.finditer(text)
    ]


def in_spans(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Whether ``start`` lies in one of ``spans`` (ordered, disjoint), or, given ``end``,
    whether ``[start, end)`` overlaps one."""
    last = start if end is None else end - 1
    index = bisect_right(spans, last, key=itemgetter(0))
    return index > 0 and spans[index - 1][1] > start


def tokenize(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Token]:
    """Tokens of ``text[start:end]``; words inside ``blocked`` spans become punctuation."""
    tokens: list[Token] = []
    clause_start = True
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word = match.group()
        if in_spans(blocked, word_start):
            tokens.append(Token(word_start, word_end, "\u0000", False))
            clause_start = False
            continue
        if not word[0].isalpha():
            tokens.append(Token(word_start, word_end, word, False))
            if word in _CLAUSE_OPENERS:
                clause_start = True
            continue
        if word_end < end and text[word_end] == "." and word.casefold() in _ABBREVIATIONS:
            word_end += 1
            word += "."
        possessive = False
        if word.endswith(_POSSESSIVE) and len(word) > 3:
            word, word_end, possessive = word[:-2], word_end - 2, True
        stripped, word_end = _strip_lowercase_suffix(word, word_end)
        ends_name = possessive or stripped != word
        tokens.append(Token(word_start, word_end, stripped, clause_start, ends_name))
        clause_start = False
    return tokens


def _strip_lowercase_suffix(word: str, end: int) -> tuple[str, int]:
    """``Moscow-led`` -> ``Moscow``; ``Jean-Pierre`` and ``al-Assad`` stay whole."""
    if "-" not in word or not word[0].isupper():
        return word, end
    parts = word.split("-")
    keep = len(parts)
    while keep > 1 and parts[keep - 1][:1].islower():
        keep -= 1
    if keep == len(parts):
        return word, end
    kept = "-".join(parts[:keep])
    return kept, end - (len(word) - len(kept))


@dataclass(frozen=True)
class Run:
    """Consecutive name tokens of one sentence, connectors included (``Bank of England``)."""

    tokens: tuple[Token, ...]
    before: Token | None  # the token right before the run, if any
    after: Token | None


def capitalised_runs(tokens: list[Token]) -> list[Run]:
    """Maximal runs of capitalised words joined by connectors; possessives end a run."""
    runs: list[Run] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        if not (token.is_word and token.is_capitalised):
            index += 1
            continue
        first = index
        last = index
        cursor = index
        while not tokens[cursor].ends_name and cursor + 1 < count:
            nxt = tokens[cursor + 1]
            if nxt.is_word and nxt.is_capitalised:
                cursor += 1
                last = cursor
                continue
            # allow up to two connectors ("of the") before the next capitalised word
            probe = cursor + 1
            while probe < count and probe - cursor <= 2 and tokens[probe].folded in CONNECTORS and (
                tokens[probe].text.islower()
            ):
                probe += 1
            if probe > cursor + 1 and probe < count and tokens[probe].is_word and (
                tokens[probe].is_capitalised
            ):
                cursor = probe
                last = cursor
                continue
            break
        run_tokens = tuple(tokens[first : last + 1])
        before = tokens[first - 1] if first > 0 else None
        after = tokens[last + 1] if last + 1 < count else None
        runs.append(Run(run_tokens, before, after))
        index = last + 1
    return runs


def line_style(tokens: list[Token]) -> str:
    """'caps' for an all-capitals line, 'title' for Title Case headlines, else 'prose'."""
    words = [token for token in tokens if token.is_word and len(token.text) >= 3]
    capitals = sum(token.text.isupper() for token in words)
    if (len(words) >= 2 or any(len(token.text) >= 5 for token in words)) and (
        capitals >= 0.8 * len(words)
    ):
        return "caps"
    long_words = [token for token in words if len(token.text) >= 4]
    ends_like_prose = bool(tokens) and tokens[-1].text in (".", "!", "?", ":", "\"", "\u201d")
    if not ends_like_prose and len(long_words) >= 4 and sum(
        token.is_capitalised for token in long_words
    ) >= 0.85 * len(long_words):
        return "title"
    return "prose"
