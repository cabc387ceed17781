"""Words and noun phrases around a speech cue: who speaks, and what a pronoun speaker means."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from ..language.en.calendar import WEEKDAYS
from ..language.en.demonyms import demonyms
from ..language.en.speech import (
    CUE_MODIFIERS,
    DETERMINERS,
    MONTHS,
    NP_BREAKERS,
    NUMBER_WORDS,
    PERSON_TITLES,
    PRONOUN_SPEAKERS,
    SENTENCE_CONNECTORS,
    SOURCE_NOUNS,
)
from ..model import Mention, Sentence, Span
from .span_index import SpanIndex

_TOKEN = re.compile(
    r"(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Rev|St|Jr)\.(?=\s)"
    r"|(?:[A-Z]\.){2,}(?=[\s,])|\w+(?:[’'.&-]\w+)*|\S"
)
_WEEKDAYS = frozenset(WEEKDAYS)
_MAX_SPEAKER_TOKENS = 10
_LINKS = frozenset({"in", "of", "at", "for", "from", "with", "to"})
_PRONOUN_CHAIN = 4  # pronouns followed back to a name
_PLURAL_HEAD = re.compile(r"[ \t]+([a-z]+s)\b")  # "Acme officials": they are the officials


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalized(self) -> bool:
        text = self.text
        return text[0].isupper() or ("." in text[1:-1] and text[-1].isalpha())


def tokenize(text: str, start: int, end: int, limit: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets (the first
    ``limit`` of them)."""
    matches = _TOKEN.finditer(text, start, end)
    return [
        Token(match.start(), match.end(), match.group()) for match in islice(matches, limit)
    ]


def _possessive_base(word: str) -> str:
    for suffix in ("'s", "’s", "s'", "s’"):
        if word.endswith(suffix):
            return word[: -len(suffix)] + ("s" if suffix.startswith("s") else "")
    return word


def _is_breaker(token: Token) -> bool:
    if token.text.isupper() and len(token.text) > 1 and token.text.isalpha():
        return False  # an acronym ("the US general"), not "us"
    lower = token.lower
    if lower in NP_BREAKERS or lower in _WEEKDAYS or lower.endswith(("n't", "n’t")):
        return True
    if lower in MONTHS and len(lower) > 3 and lower != "may":
        return True
    return token.text.isdigit()


def _acceptable_head(token: Token) -> bool:
    if token.lower in PRONOUN_SPEAKERS or token.is_capitalized:
        return True
    return _possessive_base(token.lower) in SOURCE_NOUNS or token.lower in SOURCE_NOUNS


def _trim_front(tokens: list[Token], first: int, last: int) -> int:
    while first <= last:
        token = tokens[first]
        gerund = token.lower.endswith("ing") and token.is_capitalized and first < last
        if token.lower == "of" or token.lower in SENTENCE_CONNECTORS or gerund:
            first += 1
        else:
            break
    return first


def skip_modifiers_back(tokens: list[Token], index: int, floor: int) -> int:
    """Index of the last token before ``index`` that is not an adverb or auxiliary."""
    position = index - 1
    while position >= floor:
        token = tokens[position]
        lower = token.lower
        if lower in CUE_MODIFIERS or (
            lower.endswith("ly") and token.text.islower() and len(lower) > 3
        ):
            position -= 1
        else:
            break
    return position


def phrase_before(tokens: list[Token], cue_index: int, floor: int) -> tuple[int, int] | None:
    """The speaker noun phrase that ends right before the cue, as token indices (inclusive)."""
    last = skip_modifiers_back(tokens, cue_index, floor)
    if last < floor:
        return None
    if tokens[last].text == ",":
        return _phrase_before_comma_aside(tokens, last, floor)
    phrase = _noun_phrase_ending_at(tokens, last, floor)
    if phrase is not None and phrase[0] - 1 > floor and tokens[phrase[0] - 1].text == ",":
        name = _name_before_unclosed_aside(tokens, phrase, floor)
        if name is not None:
            return name
    if phrase is not None and phrase[0] - 1 > floor and tokens[phrase[0] - 1].lower in _LINKS:
        return (
            _name_before_open_aside(tokens, phrase[0] - 1, floor)
            or _source_with_complement(tokens, phrase, floor)
            or phrase
        )
    return phrase


def _source_with_complement(
    tokens: list[Token], phrase: tuple[int, int], floor: int
) -> tuple[int, int] | None:
    """``Officials in Manila``, ``a spokesman for the airline``, ``sources close to the talks``,
    ``High Commissioner for Refugees Jane Doe``."""
    link = phrase[0] - 1
    if tokens[link].lower == "to" and link - 1 > floor and tokens[link - 1].lower == "close":
        link -= 1
    source = link - 1
    if source < floor or not (  # "High Commissioner for Human Rights Navi Pillay"
        _possessive_base(tokens[source].lower) in SOURCE_NOUNS or tokens[source].is_capitalized
    ):
        return None
    head_phrase = _noun_phrase_ending_at(tokens, source, floor)
    return (head_phrase[0], phrase[1]) if head_phrase is not None else None


def _name_before_unclosed_aside(
    tokens: list[Token], phrase: tuple[int, int], floor: int
) -> tuple[int, int] | None:
    """``Tom Doe, the president of the company announced``: the name before a description
    whose closing comma is missing."""
    if tokens[phrase[0]].lower not in ("the", "a", "an"):
        return None
    comma = phrase[0] - 1
    first = comma
    while first - 1 >= floor and tokens[first - 1].is_word and tokens[first - 1].is_capitalized:
        if _is_breaker(tokens[first - 1]):
            break
        first -= 1
    if first == comma or comma - first > 5:
        return None
    if first > floor and tokens[first - 1].text != ",":
        return None
    if tokens[first].lower in SENTENCE_CONNECTORS or tokens[first].lower in DETERMINERS:
        return None
    return (first, comma - 1)


def _name_before_open_aside(tokens: list[Token], link: int, floor: int) -> tuple[int, int] | None:
    """``Jane Doe, a deputy in the parliament said``: the name before an unclosed aside."""
    comma = link - 1
    while comma > floor and tokens[comma].text != ",":
        comma -= 1
    if tokens[comma].text != "," or tokens[comma + 1].lower not in ("a", "an", "the"):
        return None
    name = range(floor, comma)
    if not name or len(name) > 5 or not all(tokens[i].is_capitalized for i in name):
        return None
    return (floor, comma - 1)


def _noun_phrase_ending_at(tokens: list[Token], last: int, floor: int) -> tuple[int, int] | None:
    if last < floor or not tokens[last].is_word or _is_breaker(tokens[last]):
        return None
    if tokens[last].lower in DETERMINERS:  # "… think his tweet", "likened the …"
        return None
    if tokens[last].lower in PRONOUN_SPEAKERS:
        return (last, last)
    position = last
    while position - 1 >= floor and last - position < _MAX_SPEAKER_TOKENS:
        previous = tokens[position - 1]
        if not previous.is_word or _is_breaker(previous):
            break
        if previous.lower in PRONOUN_SPEAKERS:
            break
        position -= 1
    first = _trim_front(tokens, position, last)
    for index in range(first + 1, last):  # "In Parliament the Communist Party said"
        if tokens[index].lower in ("the", "a", "an") and tokens[index - 1].lower not in _LINKS:
            first = index
    first = _after_another_name(tokens, first, last)
    if first > last or (first == last and tokens[first].lower in DETERMINERS):
        return None
    if not _acceptable_phrase(tokens, first, last):
        return None
    return (first, last)


def _after_another_name(tokens: list[Token], first: int, last: int) -> int:
    """Where a titled name starts after another name that ends a caption run into the
    sentence: "spoke to the Herald's Tom Doe Tarvosian President Ann Bell has said"."""
    for index in range(first + 3, last):
        name = tokens[index - 2]
        if (tokens[index].lower in PERSON_TITLES and tokens[index - 1].lower in demonyms()
                and name.is_capitalized and tokens[index - 3].is_capitalized
                and name.lower not in PERSON_TITLES
                and name.lower not in demonyms() and not name.lower.endswith(("'s", "’s"))):
            return index - 1
    return first


def _acceptable_phrase(tokens: list[Token], first: int, last: int) -> bool:
    """A speaker phrase ends in a name or source noun, or has one before its first ``of``."""
    if _acceptable_head(tokens[last]):
        return True
    for index in range(first + 1, last):
        if tokens[index].lower == "of":
            return _acceptable_head(tokens[index - 1])
    head = tokens[last].lower
    if head.endswith(("ly", "ing", "ed")) or not head.isalpha():
        return False
    return tokens[first].lower in DETERMINERS or tokens[first].is_capitalized or last > first


def _phrase_before_comma_aside(
    tokens: list[Token], comma: int, floor: int
) -> tuple[int, int] | None:
    """``Smith, who leads the team, said`` and ``Jane Doe, the chair, said``: the name."""
    position = comma - 1
    while position >= floor and tokens[position].text != "," and comma - position < 16:
        position -= 1
    if position < floor or tokens[position].text != ",":
        return None
    aside_first = tokens[position + 1].lower
    before = _noun_phrase_ending_at(tokens, position - 1, floor)
    if aside_first in ("who", "which", "whose"):
        return before
    aside = _noun_phrase_ending_at(tokens, comma - 1, position + 1)
    if aside is None:
        return None
    complement = before is not None and before[0] > floor and tokens[before[0] - 1].lower in _LINKS
    if before is not None and not complement and all(
        tokens[i].is_capitalized for i in range(before[0], before[1] + 1)
    ):
        return before
    return aside  # "A UN spokesman in Tarvos, Omar Haddad, said": not "Tarvos"


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "half"})


def is_number(token: Token) -> bool:
    """A cardinal, in figures or words: a count that opens the next noun phrase."""
    lower = token.lower
    return token.text[:1].isdigit() or (lower in NUMBER_WORDS and lower not in _ORDINALS)


def phrase_after(tokens: list[Token], first: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``first`` (``said the ministry``, ``according to X``)."""
    position = first
    last = -1
    while position < len(tokens) and position - first < _MAX_SPEAKER_TOKENS:
        token = tokens[position]
        if not token.is_word or (position > first and token.lower in PRONOUN_SPEAKERS):
            break  # "told US network CNN he believed …"
        if position > first and is_number(token) and tokens[position - 1].lower not in DETERMINERS:
            break  # "told the news agency four villages had been destroyed"
        if _is_breaker(token) and token.lower not in DETERMINERS:
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            joins_name = (
                token.lower in ("from", "in", "at")
                and following is not None
                and following.is_capitalized
                and last >= first
            )
            agent = (
                token.lower == "by" and last >= first and tokens[last].lower.endswith(("ed", "en"))
            )
            if not (joins_name or agent):
                break
        last = position
        position += 1
    if last < first:
        return None
    while last >= first and (tokens[last].lower in DETERMINERS or tokens[last].lower == "of"):
        last -= 1
    if last < first or not _acceptable_phrase(tokens, first, last):
        return None
    return (first, last)


def resolve_pronoun(
    text: str,
    pronoun: Token,
    mentions: SpanIndex[Mention],
    earlier_speakers: list[tuple[int, Span, str, bool]],
    exclude: Span | None,
    sentences: SpanIndex[Sentence],
    reach: int = _PRONOUN_CHAIN,
) -> tuple[Span, str] | None:
    """The antecedent of a pronoun speaker: nearest preceding fitting mention or speaker.

    ``earlier_speakers`` holds (where the speaker words end, antecedent span, text,
    looks_like_person) of speakers already found, ordered by where they end; a speaker in the
    sentence of the nearest mention wins over that mention (a subject over an object), and so
    does the same pronoun written before that mention: it stands for whom that one stands for
    (``He befriended Jan Edel. Of his protégé he wrote …``).
    """
    lower = pronoun.lower
    wanted: tuple[str, ...]
    if lower in ("he", "she"):
        wanted = ("person",)
    elif lower == "it":
        wanted = ("organization", "group", "location", "facility")
    else:
        wanted = ("person", "organization", "group", "location")

    def fits(mention: Mention) -> bool:
        return mention.type in wanted and not (
            exclude is not None and exclude.start <= mention.start < exclude.end
        )

    best: tuple[Span, str] | None = None
    best_end = -1
    nearest = mentions.last_ending_by(pronoun.start, fits)
    if nearest is not None:
        sentence = sentences.overlapping(Span(nearest.start, nearest.start + 1))
        # the first fitting name of that sentence: subjects come before objects
        chosen = nearest if not sentence else next(
            (m for m in mentions.within(sentence[0]) if m.end <= pronoun.start and fits(m)),
            nearest,
        )
        best = (Span(chosen.start, chosen.end), chosen.text)
        best_end = sentence[0].start if sentence else nearest.end
        head = _PLURAL_HEAD.match(text, chosen.end)
        if lower == "they" and head is not None and head.group(1) in SOURCE_NOUNS:
            best = (Span(chosen.start, head.end()), text[chosen.start : head.end()])
        if lower in ("he", "she") and sentence and reach > 0:
            earlier = next((token for token in tokenize(text, sentence[0].start, chosen.start)
                            if token.lower == lower), None)
            if earlier is not None:
                chained = resolve_pronoun(text, earlier, mentions, earlier_speakers, exclude,
                                          sentences, reach - 1)
                if chained is not None:
                    return chained
    person = lower in ("he", "she")
    index = bisect_right(earlier_speakers, pronoun.start, key=itemgetter(0))
    found: tuple[int, Span, str, bool] | None = None
    while index > 0:
        index -= 1
        speaker = earlier_speakers[index]
        if speaker[0] <= best_end or (found is not None and speaker[0] < found[0]):
            break
        if person == speaker[3] or lower == "they":
            found = speaker  # the first written of those that end last
    return (found[1], found[2]) if found is not None else best


def looks_like_person(text: str, mentions: SpanIndex[Mention], span: Span) -> bool:
    """Whether a speaker phrase names a person (a person mention, a name or a title)."""
    mention = mentions.at(span.start, span.end)
    if mention is not None:
        return mention.type == "person"
    words = text.lower().split()
    if not words:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if _possessive_base(head) in PERSON_TITLES:
        return True
    if words[0] in DETERMINERS or _possessive_base(head) in SOURCE_NOUNS:
        return False
    return text[0].isupper()
