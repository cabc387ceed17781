"""Merge the trained model's entities with the rule-based mentions.

The model finds and coarsely types the names; the rules trim them (titles, articles and
possessives outside), give the finer types of DESIGN.md (facility, group, event, product, work)
and add the names they are sure of that the model missed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..language.en.demonyms import demonyms
from ..language.en.measures import CURRENCY_SYMBOLS
from ..language.en.names import (
    CAPITALISED_FUNCTION_WORDS,
    CONNECTORS,
    FACILITY_HEADS,
    LOCATION_HEADS,
    MONTHS,
    NAME_PREFIXES,
    ORGANIZATION_CONNECTORS,
    ORGANIZATION_HEADS,
    PERSONAL_HONORIFICS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
)
from ..model import EntityType, Mention
from . import entity_gazetteer as gazetteer
from .entity_model import ModelSpan

Strength = Literal["strong", "medium", "weak", "guessed"]
_LABEL_TYPES: dict[str, EntityType] = {
    "PER": "person", "ORG": "organization", "LOC": "location",
}
_WORD = re.compile(r"\S+")
_CALENDAR = MONTHS | WEEKDAYS | CAPITALISED_FUNCTION_WORDS
_DATE_WORDS = MONTHS | WEEKDAYS
_DAY_NUMBER = re.compile(r"\s+\d")
_LEADING_PREPOSITIONS = frozenset({  # "Of Spain"
    "of", "in", "on", "at", "to", "from", "by", "with", "for", "and", "or", "but", "as", "into",
    "over", "under",
})
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_LEADING_WORDS = _TITLE_WORDS | {"the"}
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# "anti-", "pro-", "post-" but not "al-"; "-based", "-led", "-born" but not "-ul-Haq", "-hoon"
_LOWERCASE_PREFIX = re.compile(r"^[a-z]{3,}[-\u2010\u2011](?=[A-Z])")
_LOWERCASE_SUFFIX = re.compile(
    r"[-\u2010\u2011](?:[a-z]+(?:ed|ing)|born|bound|made|run|era|style|origin|wide)$"
)


@dataclass(frozen=True)
class RuleMention:
    """A mention from the rules and how sure they are of it.

    ``strong``: a title, role, organisation head, metonym or demonym decided it; ``medium``: a
    person or a place of the gazetteer; ``weak``: an acronym or another head word; ``guessed``:
    nothing but its capitals.  ``by_name``: a person by a given name, or by a full name
    elsewhere in the text.
    """

    mention: Mention
    strength: Strength
    by_name: bool = False


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
) -> list[Mention]:
    """The model's names, refined by the rules, plus the rules' surest names; in order.

    The model leads: its span and coarse type stand, trimmed of a person's titles, of "the",
    of possessives and of "-based".  A rule mention with the very same span gives its finer type
    where it agrees with the model's class (a facility is a LOC, a people or an event is MISC),
    where its own words are decisive (``strong``: a title, an organisation head, a demonym), or
    where it is a person by a given name or by a full name elsewhere in the document (the model
    reads one sentence at a time).  Rule mentions that split the span at a hyphen or slash
    ("Chile-Peru") stand instead of it.  Rule mentions the model does not overlap are kept when
    they are strong or persons by name; the rest were seen by the model and refused.
    """
    merged: list[Mention] = []
    rules = sorted(rules, key=lambda rule: rule.mention.start)
    used = [False] * len(rules)
    starts = [rule.mention.start for rule in rules]
    name_words = _person_name_words(text, rules, spans)
    for span in _one_sense_per_document(text, _joined_over_connectors(text, spans), name_words):
        found = _model_mention(text, span, normalize)
        if found is None or _common_word(found):
            continue
        overlapping = _overlapping(rules, starts, found)
        for index in overlapping:
            used[index] = True
        if _rules_stand(text, [rules[index] for index in overlapping], found):
            merged.extend(rules[index].mention for index in overlapping
                          if rules[index].strength != "guessed")
            continue
        wider = _widened_by_head(text, found, [rules[index] for index in overlapping])
        if wider is not None:
            merged.append(wider)
            continue
        same = [rules[index] for index in overlapping if _same_span(rules[index].mention, found)]
        if same and _rule_types(same[0], span.label, name_words):
            found = Mention(found.start, found.end, found.text, same[0].mention.type,
                            same[0].mention.normalized)
        merged.append(found)
    for index, rule in enumerate(rules):
        if not used[index] and (rule.strength == "strong" or rule.by_name):
            merged.append(rule.mention)
    return [_person_by_apposition(text, mention) for mention in _without_overlaps(merged)
            if not _CURRENCY_SIGN.fullmatch(mention.text)]


_TITLE = r"(?:" + "|".join(sorted((re.escape(t) for t in TITLE_HEADS if "." not in t), key=len,
                                  reverse=True)) + r")"
_TITLE_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?" + _TITLE + r"(?:-general)?\s+(?:of|for)\s",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?" + _TITLE + r"(?:-general)?\s+(?:of|for)\s+"
    r"[^,.;\n]{1,60},\s+$",
    re.IGNORECASE,
)
_APPOSITION_REACH = 90


def _person_by_apposition(text: str, mention: Mention) -> Mention:
    """A name of two or more words that a title stands beside is a person's, however the model
    typed it: "Jan Novak, the governor of Tarvos province, said", "the governor-general of
    Tarvos province, Jan Novak, told"; not a known place."""
    if mention.type not in ("location", "organization") or len(mention.text.split()) < 2:
        return mention
    before = text[max(0, mention.start - _APPOSITION_REACH) : mention.start]
    if not (_TITLE_AFTER.match(text, mention.end) or _TITLE_BEFORE.search(before)):
        return mention
    if gazetteer.lookup(mention.text):
        return mention
    return Mention(mention.start, mention.end, mention.text, "person", mention.normalized)


CONLL_CLASS: dict[EntityType, str] = {  # each type's coarse class among the model's labels
    "person": "PER", "organization": "ORG", "location": "LOC", "facility": "LOC",
    "group": "MISC", "event": "MISC", "product": "MISC", "work": "MISC", "other": "MISC",
}


def _rule_types(rule: RuleMention, label: str, name_words: set[str]) -> bool:
    """Whether a rule mention with the model's span gives the mention its type: decisive
    words, a person known by name, a finer type of the model's class, or a country or region
    the model calls a person where no person of the text has that word in a full name (towns
    are left to the model, for many surnames are towns too)."""
    if rule.strength == "strong" or rule.by_name:
        return True
    if rule.strength == "guessed":
        return False
    mention = rule.mention
    if CONLL_CLASS[mention.type] == label:
        return True
    if label != "PER" or mention.type != "location":
        return False
    if gazetteer.fold(mention.text) in name_words:
        return False
    places = gazetteer.lookup(mention.text)
    return bool(places) and places[0].kind != "city"


def _one_sense_per_document(
    text: str, spans: Sequence[ModelSpan], name_words: set[str]
) -> list[ModelSpan]:
    """A one-word name the model calls a place in one sentence and a person in another, where
    no full name of a person in the text holds it, is the place throughout ("struck Tarvos
    island. Tarvos is home to 90,000 people"): the model reads one sentence at a time."""
    one_word = {id(span): gazetteer.fold(word) for span in spans
                if " " not in (word := text[span.start : span.end])}
    places = {one_word[id(span)] for span in spans if span.label == "LOC" and id(span) in one_word}
    return [
        ModelSpan(span.start, span.end, "LOC")
        if span.label == "PER" and one_word.get(id(span)) in places - name_words
        else span
        for span in spans
    ]


def _person_name_words(
    text: str, rules: Sequence[RuleMention], spans: Sequence[ModelSpan]
) -> set[str]:
    names = [rule.mention.text for rule in rules if rule.mention.type == "person"]
    names.extend(text[span.start : span.end] for span in spans if span.label == "PER")
    return {gazetteer.fold(word) for name in names if len(name.split()) >= 2
            for word in name.split()}


def _joined_over_connectors(text: str, spans: Sequence[ModelSpan]) -> list[ModelSpan]:
    """The model's name cut after a connector and resumed as another ("Gulf of" + "Tarvos"):
    one name ("Gulf of Tarvos"), not a head word that trims away and a place it then absorbs.
    So is an organisation's head and what it is of or for where the model could not type the
    second half ("U.S. Centers" + "for" + "Disease Control", not "League" + "for" + "FC Tarvos"),
    and a place's head alone and what it is of ("Gulf" + "of" + "Tarvos", "City" + "of" +
    "Tarvos", not "Tarvos District" + "of" + "Vela")."""
    joined: list[ModelSpan] = []
    for span in spans:
        if joined:
            last = joined[-1]
            words = text[last.start : last.end].split()
            if (
                len(words) > 1 and words[-1] in CONNECTORS and text[last.end : span.start] == " "
                and last.label == span.label
            ):
                joined[-1] = ModelSpan(last.start, span.end, last.label)
                continue
            gap = text[last.end : span.start]
            if last.label != "PER" and span.label == "MISC" and words[-1][:1].isupper() and (
                gap in _HEAD_COMPLEMENTS and _singular(words[-1]) in ORGANIZATION_HEADS
            ):
                joined[-1] = ModelSpan(last.start, span.end, "ORG")
                continue
            if last.label == span.label == "LOC" and gap == " of " and len(words) == 1 and (
                words[0][:1].isupper() and words[0].casefold() in LOCATION_HEADS
            ):  # "Gulf" + "of" + "Tarvos" is the gulf, not the town
                joined[-1] = ModelSpan(last.start, span.end, "LOC")
                continue
        joined.append(span)
    return joined


_HEAD_COMPLEMENTS = frozenset({" for ", " of "})


def _singular(word: str) -> str:
    folded = word.casefold()
    return folded[:-1] if folded.endswith("s") and folded[:-1] in ORGANIZATION_HEADS else folded


def _widened_by_head(text: str, found: Mention, overlapping: list[RuleMention]) -> Mention | None:
    """The rules' place that goes one head word past the model's name ("Tarvos Square" where
    the model saw "Tarvos", "Vela Province" where it saw "Vela")."""
    for rule in overlapping:
        mention = rule.mention
        extra = text[found.end : mention.end].split()
        if (
            mention.start == found.start
            and rule.strength in ("strong", "medium")
            and mention.type in ("location", "facility")
            and len(extra) == 1
            and extra[0][:1].isupper()
            and extra[0].casefold() in FACILITY_HEADS | LOCATION_HEADS
        ):
            return mention
    return None


def _rules_stand(text: str, overlapping: list[RuleMention], found: Mention) -> bool:
    """Rule mentions inside the model's span joined by a hyphen or slash ("Chile-Peru")."""
    inside = [rule.mention for rule in overlapping if rule.strength != "guessed"
              and found.start <= rule.mention.start and rule.mention.end <= found.end]
    return len(inside) >= 2 and all(
        text[first.end : second.start] in _JOINERS
        for first, second in zip(inside, inside[1:], strict=False)
    )


_CURRENCY_SIGN = re.compile(  # "US$", "C$", "€": not names
    "[A-Z]{0,3}[" + re.escape("".join(CURRENCY_SYMBOLS)) + "]"
)
_JOINERS = frozenset({"-", "/", "\u2013", "\u2010", "\u2011", " - ", " / ", " \u2013 "})


def _overlapping(rules: Sequence[RuleMention], starts: list[int], found: Mention) -> list[int]:
    """Indexes of the rule mentions (sorted, without overlaps) that overlap ``found``."""
    index = bisect.bisect_left(starts, found.end)
    overlapping: list[int] = []
    while index > 0 and rules[index - 1].mention.end > found.start:
        index -= 1
        overlapping.append(index)
    return overlapping[::-1]


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
    words = text[span.start : span.end].split()
    if span.label != "PER" and 2 <= len(words) <= 4 and words[0].casefold() in (
        PERSONAL_HONORIFICS
    ) and _singular(words[-1]) not in ORGANIZATION_HEADS:
        span = ModelSpan(span.start, span.end, "PER")  # "Ms Varga", whatever the model says
    connectors = ORGANIZATION_CONNECTORS if span.label == "ORG" else CONNECTORS
    start, end = _trim(text, span.start, span.end, span.label == "PER", connectors)
    surface = text[start:end]
    if not surface or not any(character.isupper() for character in surface):
        return None
    entity_type = entity_type_of(span.label, surface)
    if entity_type == "other" and end < span.end and gazetteer.lookup(surface):
        entity_type = "location"  # "Mexico-based" is MISC; "Mexico" is a place
    return Mention(start, end, surface, entity_type, normalize(surface))


def _common_word(mention: Mention) -> bool:
    """A title, article or calendar word alone ("Minister", "Monday"); a word in capitals is an
    acronym ("WHO", "US"), not the pronoun it spells."""
    return all(
        (word.casefold() in _LEADING_WORDS or word.casefold() in _CALENDAR)
        and not (word.isupper() and len(word) > 1 and mention.text == word)
        for word in mention.text.split()
    )


def _name_end(
    words: list[re.Match[str]], end: int, connectors: frozenset[str] = CONNECTORS
) -> int:
    """Where the name ends: before a bracket, or a lower-case word that does not join two
    capitalised words ("Bank of Japan" and "Schalk van der Merwe" go on, "Lima on Monday"
    stops)."""
    for index, word in enumerate(words):
        bracket = next((i for i, c in enumerate(word.group()) if c in "([{"), None)
        if bracket is not None:
            return word.start() + bracket if bracket or index == 0 else words[index - 1].end()
        if index == 0 or not _lowercase(word.group()):
            continue
        following = next((w.group() for w in words[index + 1 :]
                          if w.group() not in connectors), "")
        if word.group() not in connectors or not following[:1].isupper():
            return words[index - 1].end()
    return end


def _lowercase(word: str) -> bool:
    """A lower-case word, but not a particle glued to a name ("al-Assad", "d'Estaing")."""
    return word[:1].islower() and _GLUED_PARTICLE.match(word) is None


_GLUED_PARTICLE = re.compile(r"^[a-z]{1,3}[-'\u2019][A-Z]")


def _trim(
    text: str, start: int, end: int, person: bool = True, connectors: frozenset[str] = CONNECTORS
) -> tuple[int, int]:
    """Drop a person's leading titles, "the", leading prepositions, the dates around a name
    that is not a person's, "anti-", "-based" and a trailing possessive; a capitalised
    article stays ("The Hague")."""
    words = list(_WORD.finditer(text, start, end))
    title = 0
    while title < len(words) - 1 and words[title].group().casefold() in _TITLE_WORDS:
        title += 1
    if person and any(word.group().casefold() in TITLE_HEADS for word in words[:title]):
        del words[:title]  # "Deputy Prime Minister", not "National Party" or "Major League"
    dates = frozenset() if person else _DATE_WORDS  # "Jan Novak", "April Ryan"
    while len(words) > 1 and (
        words[0].group() == "the" or words[0].group().casefold() in dates
        or words[0].group().casefold() in _LEADING_PREPOSITIONS
        or _LOWERCASE_SUFFIX.search(words[0].group())  # "Moscow-led Treaty Organization"
    ):
        words.pop(0)
    while len(words) > 1 and words[-1].group().casefold() in dates and (
        words[-1].group().casefold() in WEEKDAYS or _DAY_NUMBER.match(text, words[-1].end())
    ):
        words.pop()  # "Lisbon Monday", "Lisbon March 5", but "Million Man March"
    if words:
        end = min(end, words[-1].end())
    if not words:
        return start, start
    start = words[0].start()
    end = _name_end(words, end, connectors)
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive is not None and possessive.start() > start:
        end = possessive.start()
    prefix = _LOWERCASE_PREFIX.match(text[start:end])
    if prefix is not None and prefix.group().casefold() not in NAME_PREFIXES:
        start += prefix.end()
    suffix = _LOWERCASE_SUFFIX.search(text, start, end)
    if suffix is not None and suffix.start() > start:
        end = suffix.start()
    return start, end
