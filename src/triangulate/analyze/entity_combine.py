"""Merge the trained model's entities with the rule-based mentions.

The rules keep their boundaries (titles stripped, possessives outside) and their confident types;
the model types what the rules could only guess, adds names the rules missed, and vetoes a
guessed "other" that it does not see as a name at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import EntityType, Mention
from . import entity_gazetteer as gazetteer
from .entity_demonyms import demonyms
from .entity_lexicon import (
    CAPITALISED_FUNCTION_WORDS,
    CONNECTORS,
    MONTHS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
)
from .entity_model import ModelSpan

Strength = Literal["strong", "medium", "weak", "guessed"]
_LABEL_TYPES: dict[str, EntityType] = {
    "PER": "person", "ORG": "organization", "LOC": "location",
}
_LEADING_WORDS = TITLE_HEADS | TITLE_MODIFIERS | {"the"}
_WORD = re.compile(r"\S+")
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*")
_CALENDAR = MONTHS | WEEKDAYS | CAPITALISED_FUNCTION_WORDS
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LOWERCASE_PREFIX = re.compile(r"^[a-z]+[-\u2010\u2011](?=[A-Z])")  # "anti-", "pro-", "post-"
_LOWERCASE_SUFFIX = re.compile(r"[-\u2010\u2011][a-z][\w-]*$")  # "-based", "-led", "-backed"


@dataclass(frozen=True)
class RuleMention:
    """A mention from the rules and how sure they are of it.

    ``strong``: a title, role, organisation head, metonym or demonym decided it; ``medium``: a
    person by a given name or by the rest of the document; ``weak``: the gazetteer, an acronym
    or another head word (the model's reading of the context wins); ``guessed``: nothing but
    its capitals.
    """

    mention: Mention
    strength: Strength


def entity_type_of(label: str, surface: str) -> EntityType:
    """A model label as a Triangulate type; MISC is a group when it names a people."""
    if label in _LABEL_TYPES:
        return _LABEL_TYPES[label]
    return "group" if gazetteer.fold(surface) in demonyms() else "other"


def combine(
    text: str,
    rules: Sequence[RuleMention],
    spans: Sequence[ModelSpan],
    normalize: Callable[[str], str],
    sentence_starts: set[int],
    caps_lines: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The model's names, corrected by the rules, plus the rules' own names; in order.

    Where a strong rule overlaps a model span, or a rule mention holds it inside a longer name,
    the rules' mentions stand for it; otherwise the model's span and type stand, except that a
    rule with the very same span keeps its type when it is sure of it or the model says only
    MISC (or PER of an acronym).  Rule
    mentions the model does not overlap are kept, unless they were only guessed to be "other".
    ``sentence_starts`` are the offsets of the first word of each sentence: a lone capitalised
    word there is a name only if the text also capitalises it elsewhere.  In ``caps_lines``
    (ALL-CAPS headlines, datelines) the model adds only places the gazetteer knows.
    """
    merged: list[Mention] = []
    used = [False] * len(rules)
    capitalised_inside = _capitalised_inside(text, sentence_starts)
    surnames = _surnames(text, rules, spans)
    rules = sorted(rules, key=lambda rule: rule.mention.start)
    starts = [rule.mention.start for rule in rules]
    for span in spans:
        found = _model_mention(text, span, normalize)
        if found is None:
            continue
        overlapping = _overlapping(rules, starts, found)
        if _rules_stand([rules[index] for index in overlapping], found):
            continue  # the rules' mentions stand for this span
        for index in overlapping:
            used[index] = True
        same = [rules[index] for index in overlapping if _same_span(rules[index].mention, found)]
        if same and _rule_types(same[0], span.label, surnames):
            merged.append(same[0].mention)
            continue
        if not overlapping and _common_word(found, sentence_starts, capitalised_inside):
            continue
        if not overlapping and any(a <= found.start < b for a, b in caps_lines) and (
            found.type != "location" or not gazetteer.lookup(found.text)
        ):
            continue
        tail = [
            rules[index] for index in overlapping
            if rules[index].mention.end == found.end and rules[index].mention.start > found.start
        ]
        if tail and tail[0].strength == "medium" and tail[0].mention.type != "person":
            found = Mention(found.start, found.end, found.text, tail[0].mention.type,
                            found.normalized)  # "Second Balkan War": the head word types it
        merged.append(found)
    for index, rule in enumerate(rules):
        if used[index] or (rule.strength == "guessed" and rule.mention.type == "other"):
            continue
        merged.append(rule.mention)
    return _without_overlaps(merged)


def _overlapping(rules: Sequence[RuleMention], starts: list[int], found: Mention) -> list[int]:
    """Indexes of the rule mentions (sorted, without overlaps) that overlap ``found``."""
    index = bisect.bisect_left(starts, found.end)
    overlapping: list[int] = []
    while index > 0 and rules[index - 1].mention.end > found.start:
        index -= 1
        overlapping.append(index)
    return overlapping[::-1]


def _rules_stand(overlapping: list[RuleMention], found: Mention) -> bool:
    """A strong rule, a rule mention holding the model's span inside a longer name, or a
    model span that the rules split into several names ("Chile-Peru")."""
    sure = [rule for rule in overlapping if rule.strength != "guessed"]
    if len(sure) >= 2 or any(rule.strength == "strong" for rule in sure):
        return True
    return any(
        rule.mention.start <= found.start
        and found.end <= rule.mention.end
        and not _same_span(rule.mention, found)
        and (rule.strength != "guessed" or rule.mention.type == "person")
        for rule in overlapping
    )


def _rule_types(rule: RuleMention, label: str, surnames: set[str]) -> bool:
    """Whether a rule mention with the model's very span keeps its own type.

    A person of the rules stays one (the model knows few foreign names); a place of the
    gazetteer yields to the model's PER only when the document also names a person with that
    word last ("Ana Lima ... Lima said").
    """
    mention = rule.mention
    if rule.strength == "strong":
        return True
    if rule.strength == "medium" or (mention.type == "person" and label != "PER"):
        return not (
            mention.type == "location" and label == "PER"
            and gazetteer.fold(mention.text) in surnames
        )
    if rule.strength == "weak":
        return label == "MISC" or (label == "PER" and mention.text.isupper())
    return False


def _surnames(text: str, rules: Sequence[RuleMention], spans: Sequence[ModelSpan]) -> set[str]:
    """Last words of persons named with two words or more, by the rules or the model."""
    names = [rule.mention.text for rule in rules if rule.mention.type == "person"]
    names.extend(text[span.start : span.end] for span in spans if span.label == "PER")
    return {gazetteer.fold(name.split()[-1]) for name in names if len(name.split()) >= 2}


def _same_span(first: Mention, second: Mention) -> bool:
    return first.start == second.start and first.end == second.end


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    ordered = sorted(mentions, key=lambda mention: (mention.start, -mention.end))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _model_mention(text: str, span: ModelSpan, normalize: Callable[[str], str]) -> Mention | None:
    start, end = _trim(text, span.start, span.end)
    surface = text[start:end]
    if not surface or not any(character.isupper() for character in surface):
        return None
    entity_type = entity_type_of(span.label, surface)
    return Mention(start, end, surface, entity_type, normalize(surface))


def _common_word(mention: Mention, sentence_starts: set[int], capitalised: set[str]) -> bool:
    """A title word alone, or a lone sentence-initial word never capitalised elsewhere."""
    words = mention.text.split()
    if all(word.casefold() in _LEADING_WORDS or word.casefold() in _CALENDAR for word in words):
        return True
    return len(words) == 1 and mention.start in sentence_starts and mention.text not in capitalised


def _capitalised_inside(text: str, sentence_starts: set[int]) -> set[str]:
    return {
        match.group() for match in _CAPITALISED.finditer(text)
        if match.start() not in sentence_starts
    }


def _name_end(words: list[re.Match[str]], end: int) -> int:
    """Where the name ends: before a bracket, or a lower-case word that does not join two
    capitalised words ("Bank of Japan" goes on, "Lima on Monday" stops)."""
    for index, word in enumerate(words):
        bracket = next((i for i, c in enumerate(word.group()) if c in "([{"), None)
        if bracket is not None:
            return word.start() + bracket if bracket or index == 0 else words[index - 1].end()
        first = word.group()[0]
        if index == 0 or not first.islower():
            continue
        following = words[index + 1].group() if index + 1 < len(words) else ""
        joins = word.group() in CONNECTORS and following[:1].isupper()
        if not joins:
            return words[index - 1].end()
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading titles and articles, "anti-", a trailing possessive or "-based"."""
    words = list(_WORD.finditer(text, start, end))
    while len(words) > 1 and words[0].group().casefold() in _LEADING_WORDS | _CALENDAR:
        words.pop(0)
    while len(words) > 1 and words[-1].group().casefold() in _CALENDAR:
        words.pop()
    if words:
        end = min(end, words[-1].end())
    if not words:
        return start, start
    start = words[0].start()
    end = _name_end(words, end)
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive is not None and possessive.start() > start:
        end = possessive.start()
    prefix = _LOWERCASE_PREFIX.match(text[start:end])
    if prefix is not None:
        start += prefix.end()
    suffix = _LOWERCASE_SUFFIX.search(text, start, end)
    if suffix is not None and suffix.start() > start:
        end = suffix.start()
    return start, end
