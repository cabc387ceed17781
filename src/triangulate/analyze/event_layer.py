"""Every happening a document reports, read from the parse: the typed events of ``events``
and, beside them, each other verb and event noun ("unveiled", "the blast", "a verdict") as a
mention of type ``OCCURRENCE``.

The typed events are the salient ones the timeline and the comparisons read; this layer is
for event coreference, which needs every mention of a happening, whatever its kind.
"""

from __future__ import annotations

from ..language.en.event_words import EVENT_NOUNS, STATE_VERBS
from ..language.en.happening_types import EVENT_NOUNS_LISTED
from ..language.en.happenings import kinds_by_word
from ..model import Analysis, EventMention, Mention, Span, Tokens
from .event_dates import date_groups
from .events import find_events, sentence_layers
from .span_index import SpanIndex

OCCURRENCE = "occurrence"
_VERBS = frozenset({"VERB"})
_NOMINALS = frozenset({"NOUN", "ADJ"})
_PARTICIPANT_TYPES = frozenset({"person", "organization", "group", "location", "facility"})
_PLACE_TYPES = frozenset({"location", "facility"})
_NAMING = frozenset({"NOUN", "PROPN"})


def happening_mentions(analysis: Analysis) -> list[EventMention]:
    """The typed events of the document and every other happening word, in text order."""
    layers = sentence_layers(analysis, analysis.sentences)
    typed = find_events(analysis, dict(layers))
    taken = [Span(e.start, e.end) for e in typed]
    text = analysis.document.text
    times = SpanIndex(analysis.times)
    participants = SpanIndex(m for m in analysis.mentions if m.type in _PARTICIPANT_TYPES)
    names = SpanIndex(analysis.mentions)
    found = list(typed)
    for sentence, layer in layers:
        groups = date_groups(text, times.within(sentence))
        date = groups[0].points[0].date if len(groups) == 1 and len(groups[0].points) == 1 \
            else None
        people = tuple(participants.within(sentence))
        words: dict[int, Span] = {}
        for index in layer.within(sentence):
            span = Span(layer.starts[index], layer.ends[index])
            if any(t.start <= span.start < t.end for t in taken) or names.overlapping(span):
                continue
            if _reports_a_happening(layer, text, index):
                words[index] = span
        for span in _phrases(layer, words, taken):
            found.append(EventMention(
                start=span.start, end=span.end, text=span.of(text), type=OCCURRENCE,
                sentence=Span(sentence.start, sentence.end), date=date,
                participants=people, places=_places(people),
            ))
    found.sort(key=lambda e: (e.start, e.end))
    return found


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
    if layer.deps[index] == "compound" and layer.pos[layer.heads[index]] in _NAMING:
        return False  # a word naming another ("an office party", "anti-piracy patrols")
    if pos in _VERBS:
        return lemma not in STATE_VERBS and layer.deps[index] != "aux"
    if pos in _NOMINALS and word[0].islower() or pos == "PROPN" and not word.isupper():
        return (lemma in EVENT_NOUNS or lemma in EVENT_NOUNS_LISTED
                or word.lower() in kinds_by_word())
    return False


def _places(people: tuple[Mention, ...]) -> tuple[Mention, ...]:
    return tuple(m for m in people if m.type in _PLACE_TYPES)
