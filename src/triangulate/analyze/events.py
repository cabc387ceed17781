"""Event mentions: trigger words typed into a small ontology, with date, count, participants.

A trigger takes the list of dates written nearest after it (before the next trigger of its
type), else the nearest dated expression of its sentence, else the date in focus when the
sentence says ``the same day``.  A list of dates gives one event per date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..language.en.calendar import MONTH_WORDS, WEEKDAY_WORDS
from ..language.en.happening_types import (
    ACCUMULATING_TYPES,
    DISCOURSE_SENSES,
    DURING_NOUNS,
    KNOWN_HAPPENING_CUES,
    MARKET_MOVES,
    MARKET_NOUNS,
    NEEDS_NAMED_OBJECT,
    patterns_starting_with,
    sense_phrases,
    word_matches,
)
from ..language.en.happenings import CUMULATIVE_WORDS
from ..language.en.speech import NUMBER_WORDS
from ..model import (
    Analysis,
    EventMention,
    Mention,
    Sentence,
    Span,
    TimeRange,
    Tokens,
)
from .claim_speakers import Token, tokenize
from .event_dates import (
    DateGroup,
    Trigger,
    claimed_dates,
    date_groups,
    dateline,
    dates_trigger,
    day_expressions,
    group_for,
)
from .event_parse import (
    date_governor,
    held_on,
    in_scope,
    said_done_before,
    told_as_after,
    told_as_before,
    told_as_just_done,
    told_when,
    unreal_clause,
    unrealised,
)
from .parse import parse
from .span_index import SpanIndex

_PARTICIPANT_TYPES = frozenset({"person", "organization", "group", "location", "facility"})
_PLACE_TYPES = frozenset({"location", "facility"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "to", "into", "outside", "inside"})
_SAME_DAY = re.compile(
    r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|on\s+the\s+same\s+date)\b", re.I
)
# A sentence that goes on telling the incident of the sentence before ("Thus, the convoy ...").
_CONTINUES = re.compile(
    r"\s*(?:thus|there|in doing so|during (?:the|this) incident|in (?:the|this) incident)\b,?",
    re.I,
)
_COUNT_MODIFIERS = frozenset(
    {"more", "further", "additional", "other", "separate", "cargo", "military", "new", "direct"}
)
_CARDINALS = {
    word: value
    for value, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        )
    )
}


def find_events(
    analysis: Analysis, layers: dict[Sentence, Tokens] | None = None
) -> list[EventMention]:
    """Event mentions of the document in text order; ``layers``, where a caller has them, is
    ``sentence_layers`` of the document's sentences, so they are not parsed twice."""
    text = analysis.document.text
    sentences = list(analysis.sentences)
    if not sentences:
        from .nlp import split_sentences

        sentences = split_sentences(text)
    notes = _Notes(analysis, layers)
    events: list[EventMention] = []
    focus: TimeRange | None = None
    just_dated = False  # whether the sentence before this one named a date
    previous: tuple[Mention, ...] = ()
    for position, sentence in enumerate(sentences):
        groups = [
            g for g in date_groups(text, day_expressions(notes.times.within(sentence)))
            if not dateline(text, sentence, g, notes.news_of_the_day)
        ]
        tokens = tokenize(text, sentence.start, sentence.end)
        words = sentence.of(text)
        same_day = _SAME_DAY.search(words) or (just_dated and _CONTINUES.match(words))
        carried = focus if not groups and same_day else None
        participants = tuple(notes.participants.within(sentence))
        if carried is None and position < LEAD_SENTENCES and not groups:
            carried = notes.news_of_the_day
        found = _sentence_events(
            text, sentence, tokens, groups, carried, notes, participants, previous
        )
        events.extend(found)
        if groups:
            focus = groups[-1].points[-1].date
        just_dated = bool(groups)
        # A sentence that names no one ("Two of these flights ...") keeps the earlier context.
        previous = participants or previous
    return _one_sense(text, events)


def _one_sense(text: str, events: list[EventMention]) -> list[EventMention]:
    """A word of two senses takes the one its document writes unambiguously ("the general
    strike" ... "Wednesday's strike": a walkout, not an attack)."""
    lowered = text.lower()
    return [
        replace(e, type=sense)
        if (sense := DISCOURSE_SENSES.get(e.text.lower())) is not None and e.type != sense
        and any(phrase in lowered for phrase in sense_phrases(e.text.lower(), sense)) else e
        for e in events
    ]


LEAD_SENTENCES = 3
"""A news report opens (headline and lead) with the happening of its day: a happening told
there in the present perfect ("a strong aftershock has rocked the island") and with no date
of its own happened on the day of the report."""


class _Notes:
    """The annotations events read, looked up by where they lie."""

    def __init__(self, analysis: Analysis, layers: dict[Sentence, Tokens] | None = None) -> None:
        self.analysis = analysis
        published = analysis.document.published or ""
        self.news_of_the_day: TimeRange | None = (
            TimeRange(published[:10], published[:10], "day")
            if analysis.document.published_precision == "day" and len(published) >= 10
            and analysis.document.published_basis != "file"
            else None
        )
        self._layers = layers
        self.times = SpanIndex(analysis.times)
        self.quantities = SpanIndex(analysis.quantities)
        self.participants = SpanIndex(
            m for m in analysis.mentions if m.type in _PARTICIPANT_TYPES
        )


    def layer_of(self, sentence: Sentence) -> Tokens | None:
        """The parse of ``sentence`` (of every sentence, parsed once on first use)."""
        if self._layers is None:
            self._layers = dict(sentence_layers(self.analysis, self.analysis.sentences))
        layer = self._layers.get(sentence)
        return layer if layer is not None and len(layer.within(sentence)) else None


def sentence_layers(
    analysis: Analysis, sentences: Sequence[Sentence]
) -> list[tuple[Sentence, Tokens]]:
    """Each of ``sentences`` with the token layer that holds it: the document's own where the
    parse stage read it (it reads only the sentences that hold a figure), else a parse of the
    sentences it left."""
    layer = analysis.tokens
    done = {s for s in sentences if len(layer) and len(layer.within(s))}
    left = [s for s in sentences if s not in done]
    extra = parse(analysis.document.text, left) if left else Tokens()
    return [(s, layer if s in done else extra) for s in sentences]


def _named_as(tokens: list[Token], trigger: Trigger) -> str | None:
    """``"known"`` where the trigger names a happening already told of ("the epicentre of the
    earthquake", "the toll from the quake", "after the attack", "declaration of bankruptcy"),
    which the other dates of its sentence do not date; ``"going on"`` where it names the
    happening a moment lies in ("at the height of the fighting"), which one day dates, not a
    list of days told of something else; else None."""
    before = [t.lower for t in tokens[max(0, trigger.first - 4) : trigger.first]]
    if len(before) > 1 and before[-2] in _KNOWN_DETERMINERS:
        before.pop()  # a word between ("after the Indonesian earthquake")
    while before and before[-1] in _KNOWN_DETERMINERS:
        before.pop()
    if not before or before[-1] not in KNOWN_HAPPENING_CUES:
        return None
    if before[-1] == "of" and len(before) > 1 and before[-2] in DURING_NOUNS:
        return "going on"
    return "known"


_KNOWN_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "their", "his", "her", "last"}
)


def _refers_back(tokens: list[Token], trigger: Trigger) -> bool:
    """A definite or demonstrative trigger ("the meeting", "these flights") names an event the
    previous sentence told of, so that sentence's participants are this event's too."""
    before = tokens[max(0, trigger.first - 2) : trigger.first]
    return any(t.lower in _ANAPHORIC for t in before)


def _sentence_events(
    text: str,
    sentence: Sentence,
    tokens: list[Token],
    groups: list[DateGroup],
    carried: TimeRange | None,
    notes: _Notes,
    mentions: tuple[Mention, ...],
    previous: tuple[Mention, ...],
) -> list[EventMention]:
    triggers = _triggers(tokens)
    claimed = claimed_dates(text, groups, triggers)
    layer = notes.layer_of(sentence) if triggers and (groups or carried) else None
    governors = {
        g.start: date_governor(layer, Span(g.start, g.end), [t.span for t in triggers])
        for g in groups
    } if layer is not None else {}
    places = tuple(m for m in mentions if m.type in _PLACE_TYPES and _introduced_as_place(text, m))
    inherited = mentions + tuple(m for m in previous if m not in mentions)
    events: list[EventMention] = []
    seen: set[tuple[str, str | None]] = set()
    for position, trigger in enumerate(triggers):
        following = [t for t in triggers[position + 1 :] if t.type == trigger.type]
        limit = following[0].span.start if following else sentence.end
        own = [g for g in groups if claimed.get(g.start) == trigger]
        named_as = _named_as(tokens, trigger)
        known = named_as == "known"
        usable = [
            g for g in own or ([] if known else groups)
            if (named_as != "going on" or len(g.points) == 1)
            and dates_trigger(text, g, trigger) and claimed.get(g.start, trigger) == trigger
            and (layer is None or (governor := governors.get(g.start)) is None
                 or in_scope(layer, governor, trigger.span) and not (
                     g not in own and told_as_before(layer, text, governor, trigger.span))
                 and not (g not in own and told_as_after(
                     text, max(g.end, layer.ends[governor]), trigger.span))
                 and not (g not in own and said_done_before(
                     text, Span(g.start, g.end), trigger.span))
                 and not unreal_clause(layer, text, governor)
                 or told_when(layer, text, Span(g.start, g.end), trigger.span)
                 or held_on(text, Span(g.start, g.end), trigger.span))
        ]
        group = group_for(trigger, usable, limit, not following and usable == groups)
        count = _count(tokens, trigger, notes)
        if group is None or len(group.points) == 1:
            date = group.points[0].date if group is not None else None if known else carried
            if group is None and date is not None and date is notes.news_of_the_day and not (
                trigger.type not in ACCUMULATING_TYPES and layer is not None
                and told_as_just_done(layer, text, trigger.span)
            ):
                date = None
            dated = [(date, count)]
        else:
            each = _per_date_count(text, trigger, group, count)
            dated = [(point.date, each) for point in group.points]
        if layer is not None and not _realised_by(
            unrealised(layer, text, trigger.span), dated, notes.news_of_the_day
        ) or (trigger.type in ACCUMULATING_TYPES and _RUNNING_TOTAL.search(sentence.of(text))):
            dated = [(None, count)]
        for date, number in dated:
            key = (trigger.type, date.start if date else None)
            if key in seen:
                continue
            seen.add(key)
            events.append(
                EventMention(
                    start=trigger.span.start,
                    end=trigger.span.end,
                    text=trigger.span.of(text),
                    type=trigger.type,
                    sentence=Span(sentence.start, sentence.end),
                    date=date,
                    count=number,
                    participants=inherited
                    if _refers_back(tokens, trigger) or not mentions
                    else mentions,
                    places=places,
                )
            )
    return events


def _realised_by(
    how: str | None, dated: list[tuple[TimeRange | None, int | None]], reported: TimeRange | None
) -> bool:
    """Whether a happening keeps its dates: one told as done, or one told in the future tense
    for days from its report on ("the vote will be held on Thursday"); a future told of a day
    before the report is a misread date, and a wish, duty or denial is no happening."""
    if how is None:
        return True
    if how != "future" or reported is None or reported.start is None:
        return False
    return all(date is not None and (date.start or "") >= reported.start for date, _ in dated)


def _triggers(tokens: list[Token]) -> list[Trigger]:
    found: list[Trigger] = []
    index = 0
    while index < len(tokens):
        match = _trigger_at(tokens, index)
        if match is None:
            index += 1
            continue
        length, event_type = match
        last = index + length - 1
        found.append(Trigger(Span(tokens[index].start, tokens[last].end), event_type, index, last))
        index = last + 1
    # A trigger written as the possessor of the next ("the donors' conference") is its part.
    return [
        t for t, after in zip(found, [*found[1:], None][: len(found)], strict=True)
        if after is None or after.first == t.last + 1 or not all(
            token.lower in _POSSESSIVE_MARKS for token in tokens[t.last + 1 : after.first]
        )
    ]


_POSSESSIVE_MARKS = frozenset({"'", "\u2019", "'s", "\u2019s"})


def _trigger_at(tokens: list[Token], index: int) -> tuple[int, str] | None:
    token = tokens[index]
    if not token.is_word or (index > 0 and not token.text.islower() and not _shouted(token)):
        return None
    if index > 0 and tokens[index - 1].lower in ("so", "so-"):
        return None
    for words, event_type in patterns_starting_with(token.lower):
        window = tokens[index : index + len(words)]
        if len(window) < len(words):
            continue
        if not all(word_matches(w, t.lower) for w, t in zip(words, window, strict=True)):
            continue
        last = index + len(words) - 1
        if " ".join(words) in NEEDS_NAMED_OBJECT and not _named_object(tokens, last):
            continue
        if " ".join(words) in MARKET_MOVES and _of_a_market(tokens, index, last):
            continue
        return len(words), event_type
    return None


def _of_a_market(tokens: list[Token], first: int, last: int) -> bool:
    """"Stocks rallied", "a rally in shares": a market's move, not a gathering."""
    before = tokens[first - 1].lower if first > 0 else ""
    after = [token.lower for token in tokens[last + 1 : last + 3]]
    return before in MARKET_NOUNS or after[:1] == ["in"] and after[1:2] != [] and (
        after[1] in MARKET_NOUNS
    )


def _shouted(token: Token) -> bool:
    """A word of a passage in capitals ("THREE PEOPLE HAVE DIED IN A BLAZE"), not a name."""
    return len(token.text) >= _SHOUTED_LENGTH and token.text.isupper()


_SHOUTED_LENGTH = 4


def _named_object(tokens: list[Token], index: int) -> bool:
    """Whether a name follows the trigger ("called Smith"); a day or month that follows names
    no one ("an interview released Tuesday"), unless the trigger is passive ("he was released
    Monday": its object is its subject)."""
    following = tokens[index + 1 : index + 3]
    if following and following[0].lower in _CALENDAR_WORDS:
        return index > 0 and tokens[index - 1].lower in _PASSIVE_AUXILIARIES
    return any(t.is_capitalized and t.is_word for t in following[:1]) or (
        len(following) == 2 and following[0].lower == "the" and following[1].is_capitalized
    )


_CALENDAR_WORDS = MONTH_WORDS | WEEKDAY_WORDS
# A running total ("86 deaths since the outbreak", "the toll rose to 110,000") counts
# happenings of many days: its date is the day it was counted, not theirs.
_RUNNING_TOTAL = re.compile(rf"\b(?:{CUMULATIVE_WORDS})", re.IGNORECASE)
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "be", "is", "are", "being"})


_ANAPHORIC = {"the", "this", "these", "that", "those", "such"}


def _count(tokens: list[Token], trigger: Trigger, notes: _Notes) -> int | None:
    for quantity in notes.quantities.overlapping(trigger.span):
        attached = quantity.start < trigger.span.start and quantity.end >= trigger.span.end
        if attached and quantity.value == int(quantity.value) and quantity.value > 0:
            return int(quantity.value)
    position = trigger.first - 1
    while position >= 0 and tokens[position].lower in _COUNT_MODIFIERS:
        position -= 1
    if position < 0:
        return None
    word = tokens[position].lower
    where = tokens[position].start
    if notes.times.overlapping(Span(where, where + 1)):
        return None  # "the August 12 call": a date, not a count
    if word.isdigit():
        return int(word)
    if word in _CARDINALS and word in NUMBER_WORDS:
        return _CARDINALS[word]
    if word in ("a", "an", "another"):
        return 1
    return None


def _per_date_count(
    text: str, trigger: Trigger, group: DateGroup, count: int | None
) -> int | None:
    between = text[trigger.span.end : group.start].lower()
    if re.search(r"\beach\b|\bper\b|\bevery\b", between):
        return count if count is not None else 1
    if count is not None and count == len(group.points):
        return 1
    return None


def _introduced_as_place(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 20) : mention.start].split()
    while before and before[-1].lower() in ("the", "city", "town", "village", "of"):
        before.pop()
    return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS
