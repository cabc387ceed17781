"""Names that the text around a mention completes or undoes: an acronym's expansion written
beside it ("the TARP Troubled Assets Relief Program", "MSF (Medecins Sans Frontieres)", "Pacific
Food Agency (PFA)"), an organisation's head word written in lower case ("the World Food
program"), a people glued to an acronym ("an Estonian UN official"), and a time zone after a
clock time ("2153 GMT"), which is no name."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..language.en.demonyms import demonyms
from ..language.en.names import LOWERCASE_ORGANIZATION_HEADS
from ..language.en.time_words import CLOCK_WORDS
from ..model import EntityType, Mention
from .entity_names import initials, is_acronym

_WORD = re.compile(r"[^\s()\[\]{},;:\"]+")
_CONNECTOR_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "de", "du", "des"})
_TRAILING = ".,;:'\u2019\"]"
_MOST_WORDS = 10


def completed(
    text: str, mentions: Sequence[Mention], normalize: Callable[[str], str]
) -> list[Mention]:
    """``mentions`` with the expansions written beside their acronyms added (replacing what
    overlaps them) and lower-case organisation heads taken into the name; in order."""
    kept = [
        part for mention in mentions if not _clock_zone(text, mention)
        for part in _split_at_acronym(text, mention, normalize)
    ]
    kept = [_with_lowercase_head(text, mention, normalize) for mention in kept]
    alone = {mention.text: mention.type for mention in kept if is_acronym(mention.text)}
    kept = [part for mention in kept for part in _split_demonym(mention, alone, normalize)]
    spans = {(mention.start, mention.end) for mention in kept}
    added: list[Mention] = []
    for mention in kept:
        if is_acronym(mention.text) and mention.type != "person":
            found = _expansion_beside(text, mention)
            if found is not None and found not in spans:
                added.append(_expansion(text, *found, mention, kept, normalize))
    if not added:
        return kept
    result = [m for m in kept if not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(result + added, key=lambda mention: mention.start)


_CLOCK_BEFORE = re.compile(r"\d[\d:.]*\s*(?:[ap]\.?m\.?\s*)?\(?\s*$")


def _clock_zone(text: str, mention: Mention) -> bool:
    """"2153 GMT", "16:00 UTC": a time zone after a clock time, no name of the story."""
    before = text[max(0, mention.start - 16) : mention.start]
    return mention.text.casefold() in CLOCK_WORDS and _CLOCK_BEFORE.search(before) is not None


def _split_at_acronym(
    text: str, mention: Mention, normalize: Callable[[str], str]
) -> list[Mention]:
    """"FGRP Federal Grain Reserve Program" taken as one name: the acronym and its expansion."""
    first = _WORD.match(text, mention.start)
    if first is None or not is_acronym(first.group()) or mention.type == "person":
        return [mention]
    rest = _words_spelling(text, first.end() + 1, first.group().replace(".", "").upper())
    if rest is None or rest[1] != mention.end or text[first.end() : rest[0]] != " ":
        return [mention]
    surface = text[rest[0] : rest[1]]
    return [Mention(mention.start, first.end(), first.group(), mention.type,
                    normalize(first.group())),
            Mention(rest[0], rest[1], surface, mention.type, normalize(surface))]


def _split_demonym(
    mention: Mention, acronyms: dict[str, EntityType], normalize: Callable[[str], str]
) -> list[Mention]:
    """"an Estonian UN official": the people and the acronym that the text also writes alone,
    not one organisation."""
    words = mention.text.split()
    if len(words) != 2 or words[1] not in acronyms or not demonyms().get(words[0].casefold()):
        return [mention]
    second = mention.end - len(words[1])
    return [Mention(mention.start, mention.start + len(words[0]), words[0], "group",
                    normalize(words[0])),
            Mention(second, mention.end, words[1], acronyms[words[1]], normalize(words[1]))]


def _with_lowercase_head(text: str, mention: Mention, normalize: Callable[[str], str]) -> Mention:
    """"the World Food program": the organisation's name with its head word, and an
    organisation's. Only after a name of capitalised words that has no head of its own."""
    words = mention.text.split()
    if mention.type != "organization" or len(words) < 2 or not all(
        word[:1].isupper() for word in words
    ):
        return mention
    following = _WORD.match(text, mention.end + 1)
    if text[mention.end : mention.end + 1] != " " or following is None:
        return mention
    head = following.group().rstrip(_TRAILING)
    if not head.islower() or head not in LOWERCASE_ORGANIZATION_HEADS:
        return mention
    end = following.start() + len(head)
    surface = text[mention.start : end]
    return Mention(mention.start, end, surface, "organization", normalize(surface))


def _expansion_beside(text: str, mention: Mention) -> tuple[int, int] | None:
    acronym = mention.text.replace(".", "").upper()
    after = text[mention.end : mention.end + 2]
    if after.startswith(" (") or (after.startswith(" ") and len(acronym) >= 3):
        found = _words_spelling(text, mention.end + (2 if after == " (" else 1), acronym)
        if found is not None:
            if after == " (" and not text.startswith(")", found[1]):
                return None
            return found
    if mention.start >= 2 and text[mention.start - 2 : mention.start] == " (" and (
        text.startswith(")", mention.end)
    ):
        return _words_spelling_before(text, mention.start - 2, acronym)
    return None


def _expansion(
    text: str,
    start: int,
    end: int,
    acronym: Mention,
    mentions: Sequence[Mention],
    normalize: Callable[[str], str],
) -> Mention:
    """The expansion, typed as its acronym or, for an acronym of no known type, as the name
    the recogniser found inside it."""
    surface = text[start:end]
    entity_type = acronym.type
    if entity_type == "other":
        inside = [m.type for m in mentions if start <= m.start and m.end <= end]
        entity_type = next((kind for kind in inside if kind != "other"), "other")
    return Mention(start, end, surface, entity_type, normalize(surface))


def _words_spelling(text: str, start: int, acronym: str) -> tuple[int, int] | None:
    """The capitalised words from ``start`` on whose initials are ``acronym``."""
    words: list[re.Match[str]] = []
    for match in _WORD.finditer(text, start, start + 200):
        if words and text[words[-1].end() : match.start()] != " ":
            break
        word = match.group().rstrip(_TRAILING)
        if not words and match.start() != start:
            break
        if not word or not (word[0].isupper() or word in _CONNECTOR_WORDS):
            break
        words.append(match)
        if len(words) > _MOST_WORDS:
            break
        if word == acronym:  # "the AHAC and the AHAC"
            break
        phrase = text[words[0].start() : match.start() + len(word)]
        if word[0].isupper() and words[0].group()[0].isupper() and initials(phrase) == acronym:
            return words[0].start(), match.start() + len(word)
        if match.end() > match.start() + len(word):  # "Program]": the name ends there
            break
    return None


def _words_spelling_before(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """The capitalised words that end at ``end`` and whose initials are ``acronym``."""
    words = list(_WORD.finditer(text, max(0, end - 200), end))
    phrase_end = end
    for position in range(len(words) - 1, max(-1, len(words) - 1 - _MOST_WORDS), -1):
        word = words[position]
        if position < len(words) - 1 and text[word.end() : words[position + 1].start()] != " ":
            break
        if word.end() != phrase_end and position == len(words) - 1:
            return None
        surface = word.group()
        if not (surface[0].isupper() or surface in _CONNECTOR_WORDS) or surface == acronym:
            break
        if surface[0].isupper() and initials(text[word.start() : phrase_end]) == acronym:
            return word.start(), phrase_end
    return None
