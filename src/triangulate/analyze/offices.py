"""Who holds an office, as claims name it: "Ann Bell, Tarvos Motors's chief executive", "Carl
Dunn, the Chief Executive Officer of Tarvos Motors", "Brixel Air Chief Executive Eva Fox", and the
holder a claim hands the office to ("Tarvos Motor's chief executive Ann Bell was replaced Sunday
with Carl Dunn").

The office must be one person's at a time (``OFFICES``) and belong to a named body (a company,
a country, an agency): "the president" alone says nobody's. A holder the words around the office
say is not the holder now ("former", "then-", "acting") is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from ..language.en.offices import NOT_THE_HOLDER, OFFICES, REPLACED_BY
from ..model import Analysis, Claim, Mention, Office, Span

_TITLE = "|".join(re.escape(name) for name in sorted(OFFICES, key=len, reverse=True))
_BODY_THEN_TITLE = re.compile(rf"(?:['\u2019]s?)?\s+(?P<title>{_TITLE})\s*,?\s*", re.IGNORECASE)
_TITLE_OF = re.compile(rf"\s*,\s*(?:the\s+)?(?P<title>{_TITLE})\s+of\s+(?:the\s+)?",
                       re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_OWNED_TITLE = re.compile(rf"(?:['\u2019]s?)\s+(?P<title>{_TITLE})\b", re.IGNORECASE)
_REPLACED = re.compile(
    rf"\s*,?\s+(?:was|has\s+been|had\s+been|is\s+being|will\s+be)\s+(?:{'|'.join(REPLACED_BY)})"
    r"(?:\s+\w+){0,2}?\s+(?:with|by)\s+", re.IGNORECASE)
_NOT_THE_HOLDER = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in sorted(NOT_THE_HOLDER))})\b[-\s]*$", re.IGNORECASE)
_BODY_TYPES = frozenset({"organization", "location", "other"})


def with_offices(analysis: Analysis) -> tuple[Claim, ...]:
    """The document's claims, each with the offices its sentence says people hold (the
    speaker's too: "Tarvos's President Ann Bell said ..."): an office goes to the first claim
    of its sentence whose words hold it, and one that only names the speaker ("Ann Bell, Tarvos
    Motors's chief executive, described the plan as ...") is the report's own claim, its words
    those of the holder and the office."""
    mentions = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in mentions]
    text = analysis.document.text
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for index, claim in enumerate(analysis.claims):
        sentence = analysis.sentence_of(claim) or claim
        by_sentence.setdefault((sentence.start, sentence.end), []).append(index)
    claims = list(analysis.claims)
    own: list[Claim] = []
    for (start, end), indexes in by_sentence.items():
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, lo=first)
        for office in _offices(text, mentions[first:last]):
            words = _words_of(office)
            holding = next((i for i in indexes
                            if claims[i].start <= words.start and words.end <= claims[i].end),
                           None)
            if holding is None:
                own.append(Claim(words.start, words.end, words.of(text), offices=(office,)))
            else:
                claims[holding] = replace(
                    claims[holding], offices=(*claims[holding].offices, office))
    return tuple(sorted([*claims, *own], key=lambda claim: (claim.start, claim.end)))


def _words_of(office: Office) -> Span:
    """The words that name the holder, the office and its body."""
    spans = (office.holder, office.body, office)
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _offices(text: str, mentions: Sequence[Mention]) -> tuple[Office, ...]:
    found: list[Office] = []
    for index, person in enumerate(mentions):
        if person.type != "person":
            continue
        office = _held(text, mentions, index)
        if office is None:
            continue
        successor = _successor(text, mentions, person, office)
        found.append(successor or office)
    return tuple(found)


def _held(text: str, mentions: Sequence[Mention], index: int) -> Office | None:
    """The office named right before the person ("Tarvos Motors chief executive Ann Bell")
    or right after ("Ann Bell, Tarvos Motors's chief executive", "X, the president of
    Tarvos")."""
    person = mentions[index]
    if index > 0 and mentions[index - 1].type in _BODY_TYPES:
        body = mentions[index - 1]
        match = _BODY_THEN_TITLE.fullmatch(text, body.end, person.start)
        if match and not _NOT_THE_HOLDER.search(text, max(0, body.start - 20), body.start):
            return _office(match, person, body)
    if index + 1 < len(mentions) and mentions[index + 1].type in _BODY_TYPES:
        body = mentions[index + 1]
        match = _TITLE_OF.fullmatch(text, person.end, body.start)
        if match and not _NOT_THE_HOLDER.search(text, person.end, match.start("title")):
            return _office(match, person, body)
        if _COMMA.fullmatch(text, person.end, body.start):
            owned = _OWNED_TITLE.match(text, body.end)
            if owned:
                return _office(owned, person, body)
    return None


def _successor(
    text: str, mentions: Sequence[Mention], person: Mention, office: Office
) -> Office | None:
    """"X was replaced Sunday with Y": the office is Y's now."""
    after = max(person.end, office.end, office.body.end)
    replaced = _REPLACED.match(text, after)
    if replaced is None:
        return None
    successor = next((m for m in mentions if m.start == replaced.end() and m.type == "person"),
                     None)
    if successor is None:
        return None
    return replace(office, holder=Span(successor.start, successor.end),
                   holder_text=successor.text, succeeds=True)


def _office(match: re.Match[str], person: Mention, body: Mention) -> Office:
    title = match.group("title")
    return Office(
        start=match.start("title"), end=match.end("title"), office=OFFICES[title.lower()],
        holder=Span(person.start, person.end), holder_text=person.text,
        body=Span(body.start, body.end), body_text=body.text,
    )
