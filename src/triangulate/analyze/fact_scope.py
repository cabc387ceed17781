"""What a count counts: the predicate of the clause around a number, and whether it is a total.

"Five soldiers were killed" and "2,000 soldiers had been moved" both count soldiers, but not the
same thing.  The predicate words of the clause that holds the number (``killed`` → ``die``,
``moved`` → ``move``) say what happened to what is counted; two counts are compared only when
their predicates meet (or one clause names none).  The lexicon is general English news usage:
verbs and event nouns grouped into kinds of happening.

A count is cumulative ("since 1 September", "has risen to", "so far") when its clause says it
is a running total; a later, higher running total is an update rather than a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.en.happenings import (
    AUXILIARIES,
    CHANGE,
    CORRECTION_WORDS,
    CUMULATIVE_WORDS,
    PARTICIPLES,
    PHRASES,
    kinds_by_word,
    kinds_in,
)

_CLAUSE_BREAK = re.compile(
    r";|:|\s[\u2013\u2014-]\s|\bbut\b|,?\s\b(?:when|after|before|while|whereas|because|although|"
    r"which|who|whom|whose|where)\b|,\s*(?:saying|adding|citing|arguing|insisting|calling)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CUMULATIVE = re.compile(rf"\b(?:{CUMULATIVE_WORDS})", re.IGNORECASE)
_CORRECTION = re.compile(rf"\b(?:{CORRECTION_WORDS})\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """The predicates of a count's clause, and how the clause frames the count."""

    kinds: frozenset[str]
    nearest: frozenset[str]  # the kinds of the kind word nearest the count ("and wounding 70")
    phrase: str | None  # "were killed", "died": a verb phrase for the question, when plain
    cumulative: bool
    correction: bool
    since: bool


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``: up to the nearest clause breaks."""
    left, right = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def scope_of(sentence: str, start: int, end: int) -> Scope:
    """The scope of the count at ``sentence[start:end]`` (offsets into ``sentence``)."""
    left, right = clause_bounds(sentence, start, end)
    before, after = sentence[left:start], sentence[end:right]
    kinds = set(kinds_in(before) | kinds_in(after)) | _unlisted_predicate(after)
    # A change verb alone ("has reached 400") says that a count moved, not what it counts.
    specific = kinds - {"change"}
    clause = sentence[left:right]
    return Scope(
        kinds=frozenset(specific),
        nearest=_nearest_kinds(before, after) & frozenset(specific),
        phrase=(_phrase(after) or _object_phrase(before)) if specific else None,
        cumulative=bool(_CUMULATIVE.search(clause)),
        correction=bool(_CORRECTION.search(clause)),
        since=bool(_SINCE.search(clause)),
    )


def _nearest_kinds(before: str, after: str) -> frozenset[str]:
    """The kinds of the one word or phrase of the clause nearest the count that names a
    happening (the one after it on a tie): "killing 10 persons and wounding other 70" wounds
    the 70; "30,000 people took part in the strike" gathered."""
    words_before = [w.lower() for w in _WORD.findall(before)]
    distances: dict[tuple[int, int], frozenset[str]] = {}
    for first, _, kinds in _named_happenings([w.lower() for w in _WORD.findall(after)]):
        distances.setdefault((first, 0), kinds)
    for _, last, kinds in _named_happenings(words_before):
        distances[len(words_before) - last, 1] = kinds
    return distances[min(distances)] if distances else frozenset()


def _named_happenings(words: list[str]) -> list[tuple[int, int, frozenset[str]]]:
    """(first, last + 1, kinds) of each word or listed phrase of ``words`` naming a happening."""
    lexicon = kinds_by_word()
    found: list[tuple[int, int, frozenset[str]]] = []
    index = 0
    while index < len(words):
        for length in (3, 2):
            phrase = " ".join(words[index : index + length])
            if phrase in PHRASES:
                found.append((index, index + length, frozenset({PHRASES[phrase]})))
                index += length
                break
        else:
            if words[index] in lexicon:
                found.append((index, index + 1, lexicon[words[index]]))
            index += 1
    return found


def _unlisted_predicate(after: str) -> set[str]:
    """A verb in -ed right after the counted noun that the lexicon lacks ("registered") is a
    predicate of its own."""
    words = [w.lower() for w in _WORD.findall(after)[:4]]
    for word in words:
        if word in AUXILIARIES:
            continue
        listed = word in kinds_by_word() or word in CHANGE
        if word.endswith("ed") and len(word) > 4 and not listed:
            return {"~" + word}
        return set()
    return set()


def _phrase(after: str) -> str | None:
    """The verb phrase right after the counted noun ("were killed", "died", "had been moved"),
    when the count is the subject of a predicate in the lexicon."""
    words = _WORD.findall(after)[:4]
    lexicon = kinds_by_word()
    for index, word in enumerate(words):
        if word.lower() in lexicon and (index == 0 or word.lower().endswith("ed")
                                        or word.lower() in PARTICIPLES):
            auxiliaries = [w.lower() for w in words[:index]]
            if all(w in AUXILIARIES for w in auxiliaries):
                return " ".join([*auxiliaries, word.lower()])
            return None
    return None


def _object_phrase(before: str) -> str | None:
    """"were laid off", "were detained": the predicate just before a counted object."""
    words = _WORD.findall(before)[-3:]
    lexicon = kinds_by_word()
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered in lexicon and (lowered.endswith("ed") or lowered in PARTICIPLES):
            rest = [w.lower() for w in words[index + 1 :]]
            if all(w in {"off", "out", "up", "away"} for w in rest):
                return " ".join(["were", lowered, *rest])
    return None
