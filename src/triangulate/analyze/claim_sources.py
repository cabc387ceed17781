"""Sources from the parse for claims the rules left to the outlet.

The claims stage reads attribution from the words alone; a sentence whose cue it cannot place
("The toll, which rose to 120 on Monday, was confirmed by the agency", "X, the report found,
…") stays the outlet's own claim. Once a sentence is parsed, the attribution layer
(``attributions``) reads its source from the dependency tree: a speech relation whose cue and
source lie in the claim and whose content covers at least half of it names the claim's
speaker, as written. A pronoun or a relative ("he", "who", "I") is left alone, as the layer
does not resolve it.
"""

from __future__ import annotations

from dataclasses import replace

from ..language.en.calendar import MONTH_WORDS, WEEKDAY_WORDS
from ..language.en.speech import (
    DETERMINERS,
    PRONOUN_SPEAKERS,
    RECORDING_CUES,
    SPEECH_VERB_FORMS,
)
from ..model import Analysis, Claim
from .attributions import Attribution, find_attributions

_NO_NAME = frozenset({"who", "which", "that", "whom", "whose", "i", "we", "you"})
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_MAX_SOURCE_WORDS = 8
_NOT_A_SOURCE = WEEKDAY_WORDS | MONTH_WORDS


def with_parsed_sources(analysis: Analysis) -> tuple[Claim, ...]:
    """The analysis's claims, an outlet's claim given the speaker its parse names."""
    claims = analysis.claims
    if not len(analysis.tokens) or not any(_outlet(claim) for claim in claims):
        return claims
    text = analysis.document.text
    relations = [r for r in find_attributions(analysis) if _named(text, r)]
    if not relations:
        return claims
    return tuple(_sourced(text, claim, relations) if _outlet(claim) else claim
                 for claim in claims)


def _outlet(claim: Claim) -> bool:
    return claim.speaker is None and claim.cue is None


def _named(text: str, relation: Attribution) -> bool:
    """A speech cue of the product's lexicon ("said", "reported", not "agreed to" or "urged")
    or a verb that gives a kept count ("documented"),
    active ("X is said to …" names no source), after a short source phrase that names
    someone."""
    if relation.source is None or relation.kind != "speech":
        return False
    if relation.cue.of(text).lower() not in SPEECH_VERB_FORMS | RECORDING_CUES:
        return False
    before = text[max(0, relation.cue.start - 20) : relation.cue.start].lower().split()
    if any(word in _PASSIVE for word in before[-2:]):
        return False
    written = relation.source.of(text)
    words = written.lower().split()
    if not words or len(words) > _MAX_SOURCE_WORDS or any(c in written for c in '"“”\n'):
        return False
    if words[0].strip(",") in _NOT_A_SOURCE or (len(words) == 1 and words[0] in DETERMINERS):
        return False
    return not (len(words) == 1 and (words[0] in PRONOUN_SPEAKERS or words[0] in _NO_NAME))


def _sourced(text: str, claim: Claim, relations: list[Attribution]) -> Claim:
    for relation in relations:
        source = relation.source
        if source is None or not claim.start <= source.start < source.end <= claim.end:
            continue  # its cue and its source in the claim's own words
        if not claim.start <= relation.cue.start < claim.end:
            continue
        covered = min(claim.end, relation.end) - max(claim.start, relation.start)
        if covered * 2 < claim.end - claim.start:
            continue
        return replace(claim, speaker=source, speaker_text=source.of(text), cue=relation.cue,
                       via=(source.of(text),))
    return claim
