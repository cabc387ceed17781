"""Split a capitalised run into names and type each one from its words alone.

Evidence used here is local (the run and its neighbours): titles, head words, the gazetteer,
demonyms, given names, acronyms.  Whatever stays untyped is decided at document level.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language.en.demonyms import demonyms, is_regional_adjective
from ..language.en.names import (
    CAPITALISED_FUNCTION_WORDS,
    COMPANY_SUFFIXES,
    EVENT_HEADS,
    FACILITY_HEADS,
    LOCATION_HEADS,
    LOWERCASE_ROLE_WORDS,
    METONYM_ORGANIZATIONS,
    MONTHS,
    NAME_PARTICLES,
    ORGANIZATION_HEADS,
    PLACE_ACRONYMS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
    WORK_HEADS,
    given_names,
    word_set,
)
from ..model import EntityType
from . import entity_gazetteer as gazetteer
from .entity_tokens import Run, Token

# Cities smaller than this need a locative cue ("in X") to count as places on their own.
SMALL_PLACE_POPULATION = 15_000
_COMPASS = word_set(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west upper lower greater"
)
_KEEP_CONNECTORS = NAME_PARTICLES
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS


@dataclass(frozen=True)
class Piece:
    """A name found in a run, with its type when the words alone decide it."""

    tokens: tuple[Token, ...]
    type: EntityType | None
    evidence: str
    small_place: bool = False  # matched only a small town of the gazetteer

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def initial(self) -> bool:
        return self.tokens[0].initial


def pieces_of(run: Run) -> list[Piece]:
    """The typed names in ``run`` (titles removed, dates and function words dropped)."""
    pieces: list[Piece] = []
    role_before = run.before is not None and run.before.text.islower() and (
        run.before.folded in LOWERCASE_ROLE_WORDS
    )
    for position, segment in enumerate(_split_connectors(_drop_noise(list(run.tokens)))):
        for piece in _extract_title(segment):
            if position == 0 and role_before and piece.type is None and not _has_head(piece.tokens):
                piece = Piece(piece.tokens, "person", "role")
            pieces.append(piece)
    return pieces


def _has_head(tokens: tuple[Token, ...] | list[Token]) -> bool:
    return any(token.folded in ORGANIZATION_HEADS for token in tokens)


def _drop_noise(tokens: list[Token]) -> list[list[Token]]:
    """Split at month and weekday names and at capitalised function words ("There", "Of")."""
    if len(tokens) >= 2 and tokens[0].folded == "the" and _is_place_phrase(tokens):
        return [tokens]
    segments: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        folded = token.folded.rstrip(".")
        is_separator = folded in WEEKDAYS or (
            folded in MONTHS
            and not (folded == "may" and index > 0 and _is_given(tokens[index - 1]))
        ) or (
            not token.text.islower() and token.folded in CAPITALISED_FUNCTION_WORDS
            and (index == 0 or token.folded not in ORGANIZATION_HEADS)
        )
        if is_separator:
            segments.append([])
        else:
            segments[-1].append(token)
    return _without_lowercase_ends(segments)


def _is_place_phrase(tokens: list[Token]) -> bool:
    places = gazetteer.lookup(" ".join(token.text for token in tokens))
    return bool(places) and places[0].kind != "city" or any(
        place.population >= SMALL_PLACE_POPULATION for place in places
    )


def _split_connectors(segments: list[list[Token]]) -> list[list[Token]]:
    result: list[list[Token]] = []
    for segment in segments:
        current: list[Token] = []
        for index, token in enumerate(segment):
            right = segment[index + 1 :]
            if token.folded == "and":
                right = right[: next((i for i, t in enumerate(right) if t.folded == "and"), None)]
            if token.text.islower() and not _keep_connector(current, token, right):
                if current:
                    result.append(current)
                current = []
                continue
            current.append(token)
        if current:
            result.append(current)
    return _without_lowercase_ends(result)


def _keep_connector(left: list[Token], connector: Token, right: list[Token]) -> bool:
    word = connector.folded
    if not left:
        return False
    left_words = [token.folded for token in left]
    left_has_head = any(w in ORGANIZATION_HEADS or w in FACILITY_HEADS for w in left_words)
    right_has_head = any(token.folded in ORGANIZATION_HEADS for token in right)
    if word in _KEEP_CONNECTORS:
        return True
    if len(left) == 1 and left[0].initial and not left_has_head and left_words[0] not in (
        LOCATION_HEADS | EVENT_HEADS | WORK_HEADS
    ):
        return False  # "Delegates of the X Council": a sentence-initial noun, not a name
    if word == "and":
        return left_has_head and any(w in ("of", "for") for w in left_words) and not right_has_head
    if word in ("in", "on"):
        return left_has_head and left_words[-1] not in ORGANIZATION_HEADS
    if word == "the":
        return left_words[-1] in ("of", "for")
    # "of", "for": split "X Group of the Y Organization" into two names
    named_left = [token for token in left if not token.text.islower()]
    return not (len(named_left) >= 2 and left_words[-1] in ORGANIZATION_HEADS and right_has_head)


def _extract_title(segment: list[Token]) -> list[Piece]:
    """``Russian Defense Minister John Roe`` -> group ``Russian`` and person ``John Roe``."""
    if all(token.folded in _TITLE_WORDS for token in segment):
        return []  # a title without a name ("the Defense Minister")
    head = _title_head(segment)
    if head is None:
        while segment and segment[-1].folded in TITLE_HEADS:
            segment = segment[:-1]  # "the Peruvian President": no name after the title
        while segment and segment[-1].text.islower():
            segment = segment[:-1]
        return _classify_with_demonym(segment)
    title_start = head
    while title_start > 0 and segment[title_start - 1].folded in _TITLE_WORDS:
        title_start -= 1
    name_start = head + 1
    if name_start < len(segment) and segment[name_start].folded == "of":
        name_start += 1
        while name_start < len(segment) - 1 and segment[name_start].folded in (
            TITLE_MODIFIERS | {"the"}
        ):
            name_start += 1
        if name_start == head + 2 and len(segment) - name_start > 2:
            name_start += 1
    name = segment[name_start:]
    while name and name[0].text.islower():
        name = name[1:]
    pieces = _classify_with_demonym(segment[:title_start]) if title_start > 0 else []
    if name:
        own = classify(name)
        if own.type not in (None, "person") and own.evidence != "small-place":
            pieces.append(own)  # "Spokesman for the Russian president": no name follows
        else:
            pieces.append(Piece(tuple(name), "person", "title"))
    return pieces


def _title_head(segment: list[Token]) -> int | None:
    for index in range(len(segment) - 1, -1, -1):
        token = segment[index]
        if token.folded not in TITLE_HEADS or token.text.islower():
            continue
        rest = segment[index + 1 :]
        named = [t for t in rest if not t.text.islower() and t.folded not in _TITLE_WORDS]
        if not named or _has_head(rest) or any(t.folded in FACILITY_HEADS for t in rest):
            return None
        return index
    return None


def _classify_with_demonym(segment: list[Token]) -> list[Piece]:
    if not segment:
        return []
    whole = classify(segment)
    if whole.type is not None and whole.evidence != "small-place":
        return [whole]
    table = demonyms()
    first = segment[0].folded
    rest_tokens = segment[1:]
    while rest_tokens and rest_tokens[0].text.islower():
        rest_tokens = rest_tokens[1:]
    if first in table and rest_tokens and not is_regional_adjective(first):
        rest = classify(rest_tokens)
        if rest.type in ("organization", "facility", "event", "work"):
            return [Piece(tuple(segment), rest.type, rest.evidence)]
        return [Piece((segment[0],), "group", "demonym"), rest]
    return [whole]


def classify(segment: list[Token]) -> Piece:
    """Type a name from its own words (``type`` None when they do not decide)."""
    tokens = tuple(segment)
    text = " ".join(token.text for token in segment)
    folded = gazetteer.fold(text)
    words = [token.folded for token in segment]
    last = words[-1]
    if folded in METONYM_ORGANIZATIONS:
        return Piece(tokens, "organization", "metonym")
    if len(segment) == 1 and segment[0].is_acronym:
        plain = segment[0].text.replace(".", "")
        if plain in PLACE_ACRONYMS or folded in gazetteer.country_codes():
            return Piece(tokens, "location", "gazetteer")
        return Piece(tokens, "organization", "acronym")
    places = gazetteer.lookup(text)
    if places and places[0].kind != "city":
        return Piece(tokens, "location", "gazetteer")
    if _is_state_of_country(words, segment):
        return Piece(tokens, "location", "gazetteer")
    if len(segment) > 1 or last not in CAPITALISED_FUNCTION_WORDS:
        if last in FACILITY_HEADS and len(segment) > 1:
            return Piece(tokens, "facility", "head")
        if last in EVENT_HEADS and len(segment) > 1:
            return Piece(tokens, "event", "head")
        if last in WORK_HEADS and len(segment) > 1:
            return Piece(tokens, "work", "head")
        if any(w in ORGANIZATION_HEADS for w in words) or last in COMPANY_SUFFIXES:
            return Piece(tokens, "organization", "head" if len(segment) > 1 else "head-alone")
    if folded in demonyms() and not is_regional_adjective(folded):
        return Piece(tokens, "group", "demonym")
    if last in LOCATION_HEADS and len(segment) > 1:
        return Piece(tokens, "location", "head")
    if len(segment) > 1 and words[0] in _COMPASS and gazetteer.lookup(
        " ".join(token.text for token in segment[1:])
    ):
        return Piece(tokens, "location", "gazetteer")
    if len(segment) >= 2 and _is_given(segment[0]) and not places:
        return Piece(tokens, "person", "given-name")
    if places:
        small = places[0].population < SMALL_PLACE_POPULATION
        return Piece(tokens, "location", "small-place" if small else "gazetteer", small_place=small)
    if len(segment) == 1 and folded.endswith("s") and len(folded) > 4:
        stem_places = gazetteer.lookup(text[:-1])
        if stem_places and stem_places[0].kind == "country":
            return Piece(tokens, "location", "gazetteer-stem")
    return Piece(tokens, None, "unknown")


def _is_state_of_country(words: list[str], segment: list[Token]) -> bool:
    """``Islamic Republic of X``, ``Kingdom of X`` where X is a country."""
    if "of" not in words:
        return False
    split = len(words) - 1 - words[::-1].index("of")
    tail = " ".join(token.text for token in segment[split + 1 :])
    state_words = LOCATION_HEADS | {"kingdom", "emirate", "sultanate"}
    return split > 0 and words[split - 1] in state_words and (
        gazetteer.fold(tail) in gazetteer.country_codes()
    )


def _is_given(token: Token) -> bool:
    return token.folded in given_names() or (
        "-" in token.text and token.folded.split("-")[0] in given_names()
    )


def refine(piece: Piece) -> list[Piece]:
    """Second look at an untyped name of several words.

    ``Peru-Bolivia Chile`` is three places side by side, and a sentence-initial
    ``Visiting Peru`` is a verb before a place.
    """
    if piece.type is not None or len(piece.tokens) < 2:
        return [piece]
    parts = [part for token in piece.tokens for part in split_hyphenated(classify([token]))]
    if all(part.type in ("location", "group") and not part.small_place for part in parts):
        return parts
    if piece.initial:
        rest = classify(list(piece.tokens[1:]))
        if rest.type is not None and not rest.small_place:
            return [rest]
    return [piece]


def split_hyphenated(piece: Piece) -> list[Piece]:
    """``Peruvian-Bolivian`` names two groups; ``Guinea-Bissau`` stays one place."""
    if len(piece.tokens) != 1 or "-" not in piece.tokens[0].text or piece.evidence in (
        "gazetteer", "demonym", "title", "role"
    ):
        return [piece]
    token = piece.tokens[0]
    parts = token.text.split("-")
    table = demonyms()
    kinds: list[EntityType] = []
    for part in parts:
        if part.casefold() in table:
            kinds.append("group")
        elif any(place.kind != "city" or place.population >= 100_000
                 for place in gazetteer.lookup(part)):
            kinds.append("location")
        else:
            return [piece]
    result = []
    offset = token.start
    for part, kind in zip(parts, kinds, strict=True):
        sub = Token(offset, offset + len(part), part, token.initial and offset == token.start)
        result.append(Piece((sub,), kind, "gazetteer"))
        offset += len(part) + 1
    return result


def _without_lowercase_ends(segments: list[list[Token]]) -> list[list[Token]]:
    """Each segment without lower-case words at either end; empty segments dropped."""
    cleaned: list[list[Token]] = []
    for segment in segments:
        while segment and segment[0].text.islower():
            segment = segment[1:]
        while segment and segment[-1].text.islower():
            segment = segment[:-1]
        if segment:
            cleaned.append(segment)
    return cleaned
