"""Every happening a document reports, read from the parse: the typed events of ``events``
and, beside them, each other verb and event noun ("unveiled", "the blast", "a verdict") as a
mention of type ``OCCURRENCE``.

The typed events are the salient ones the timeline and the comparisons read; this layer is
for event coreference, which needs every mention of a happening, whatever its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..language.en.event_words import EVENT_NOUNS, STATE_VERBS
from ..language.en.happening_types import (
    AGAINST_PREFIXES,
    EVENT_NOUNS_LISTED,
    NAMED_HAPPENING_NOUNS,
    RECURRING_WORDS,
)
from ..model import Analysis, EventMention, Mention, Span, Tokens
from .event_dates import date_groups
from .events import find_events, sentence_layers
from .parse import parse
from .span_index import SpanIndex

OCCURRENCE = "occurrence"
_VERBS = frozenset({"VERB"})
_NOMINALS = frozenset({"NOUN", "ADJ"})
_PARTICIPANT_TYPES = frozenset({"person", "organization", "group", "location", "facility"})
_PLACE_TYPES = frozenset({"location", "facility"})
_NAMING = frozenset({"NOUN", "PROPN"})


def happening_mentions(
    analysis: Analysis, named: Iterable[str] = ()
) -> list[EventMention]:
    """The typed events of the document and every other happening word, in text order; each
    name of ``named`` (``named_happenings`` of the corpus) the document writes is one too."""
    layers = sentence_layers(analysis, analysis.sentences)
    typed = find_events(analysis, dict(layers))
    taken = [Span(e.start, e.end) for e in typed]
    text = analysis.document.text
    times = SpanIndex(analysis.times)
    participants = SpanIndex(m for m in analysis.mentions if m.type in _PARTICIPANT_TYPES)
    names = SpanIndex(analysis.mentions)
    found = list(typed)
    for sentence, layer in layers:
        read = text
        if _title_cased(sentence.of(text)) and len(lowered := text.lower()) == len(text):
            read, layer = lowered, parse(lowered, [sentence])  # a headline: its words as words
        groups = date_groups(text, times.within(sentence))
        date = groups[0].points[0].date if len(groups) == 1 and len(groups[0].points) == 1 \
            else None
        people = tuple(participants.within(sentence))
        written = _names_written(text, sentence, named, taken)
        words: dict[int, Span] = {}
        for index in layer.within(sentence):
            span = Span(layer.starts[index], layer.ends[index])
            if any(t.start <= span.start < t.end for t in [*taken, *written]) or (
                names.overlapping(span)
            ):
                continue
            if _reports_a_happening(layer, read, index):
                words[index] = span
        for span in _phrases(layer, words, taken) + written:
            found.append(EventMention(
                start=span.start, end=span.end, text=span.of(text), type=OCCURRENCE,
                sentence=Span(sentence.start, sentence.end), date=date,
                participants=people, places=_places(people),
            ))
    found.sort(key=lambda e: (e.start, e.end))
    return found


def named_happenings(analyses: Sequence[Analysis]) -> frozenset[str]:
    """The names the corpus gives happenings, in lower case: names its reports write after an
    ordinal or a word of recurrence ("the 81st Academy Awards", "the annual Oscars") or before
    a noun that makes them a happening's ("the Watergate scandal"). Written anywhere else in
    the corpus ("will host the Oscars"), such a name is still the happening. A person or a
    place is never one ("the 44th President", "the 2nd Ward")."""
    found: set[str] = set()
    for analysis in analyses:
        text = analysis.document.text
        for mention in analysis.mentions:
            if mention.type in _NOT_HAPPENINGS or not mention.text[:1].isupper():
                continue
            before = text[max(0, mention.start - 24) : mention.start].split()[-1:]
            after = text[mention.end : mention.end + 24].split()[:1]
            if before and (_ORDINAL.fullmatch(before[0])
                           or before[0].lower() in RECURRING_WORDS) or (
                after and after[0].lower() in NAMED_HAPPENING_NOUNS
            ):
                found.add(mention.text.lower())
    return frozenset(found)


_NOT_HAPPENINGS = frozenset({"person", "location"})
_AGAINST = re.compile(rf"\b(?:{'|'.join(sorted(AGAINST_PREFIXES))})\s*-\s*\Z", re.IGNORECASE)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _names_written(
    text: str, sentence: Span, named: Iterable[str], taken: list[Span]
) -> list[Span]:
    """Where the sentence writes one of the ``named`` happenings (capitalised, in the singular
    or the plural)."""
    spans = []
    for name in named:
        pattern = re.compile(rf"\b{re.escape(name.rstrip('s'))}s?\b", re.IGNORECASE)
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if match.group()[:1].isupper() and not any(
                t.start < match.end() and match.start() < t.end for t in taken
            ):
                spans.append(Span(match.start(), match.end()))
    return spans


def _title_cased(words: str) -> bool:
    """Whether a sentence is written in title case ("Navy Foils Pirate Attack"), where the
    parse takes the capitals of its happening words for names."""
    written = [w for w in words.split() if w[:1].isalpha()]
    capitals = sum(w[0].isupper() for w in written)
    return len(written) >= TITLE_WORDS and capitals >= TITLE_SHARE * len(written)


TITLE_WORDS = 3
TITLE_SHARE = 0.7


def _phrases(layer: Tokens, words: dict[int, Span], taken: list[Span]) -> list[Span]:
    """The happening words as mentions: a bare object right after its verb is one with it
    ("opened fire", "took office")."""
    spans = dict(words)
    for index in sorted(words, reverse=True):
        verb = layer.heads[index]
        if layer.deps[index] != "obj" or verb != index - 1 or layer.pos[index] != "NOUN":
            continue
        if verb in spans:
            spans[verb] = Span(spans[verb].start, spans.pop(index).end)
        elif any(t.start <= layer.starts[verb] < t.end for t in taken):
            del spans[index]  # told with its verb by a typed event
    return list(spans.values())


def _reports_a_happening(layer: Tokens, text: str, index: int) -> bool:
    pos = layer.pos[index]
    word = text[layer.starts[index] : layer.ends[index]]
    lemma = (layer.lemmas[index] or word).lower()
    if not word.isalpha():
        return False
    if layer.deps[index] == "compound" and layer.pos[layer.heads[index]] in _NAMING and (
        lemma not in EVENT_NOUNS_LISTED
    ):
        return False  # a word naming another ("an office party"), not a happening ("a piracy
        # attempt", "manslaughter charges")
    if pos in _VERBS:  # a verb's form used as a preposition ("according to") tells none
        return lemma not in STATE_VERBS and layer.deps[index] not in ("aux", "case")
    if _AGAINST.search(text, max(0, layer.starts[index] - 12), layer.starts[index]):
        return False  # "anti-piracy patrols"
    if pos in _NOMINALS and word[0].islower() or pos == "PROPN" and not word.isupper():
        return lemma in EVENT_NOUNS or lemma in EVENT_NOUNS_LISTED
    return pos == "PROPN" and word.lower() in EVENT_NOUNS_LISTED  # "arrested for DUI"


def _places(people: tuple[Mention, ...]) -> tuple[Mention, ...]:
    return tuple(m for m in people if m.type in _PLACE_TYPES)
