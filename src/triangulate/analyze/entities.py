"""Rule-based named-entity recognition for English news.

Capitalised runs are split into names and typed from their own words (``entity_typing``); then
the document decides what the words alone could not: a bare surname of a titled person is a
person, a small town needs a locative cue, a sentence-initial word must also appear capitalised
elsewhere.  Headline lines (ALL CAPS or Title Case) only yield names already found in the prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..ingest.furniture import DATELINE
from ..language.en.names import LOCATIVE_PREPOSITIONS, PERSON_VERBS, SPELLING_VARIANTS, word_set
from ..model import EntityType, Mention, Sentence
from . import entity_gazetteer as gazetteer
from .entity_combine import RuleMention, Strength, combine
from .entity_extents import completed
from .entity_model import ModelSpan, model_available, model_spans
from .entity_names import same_name_word
from .entity_tokens import (
    Token,
    capitalised_runs,
    in_spans,
    line_style,
    tokenize,
    url_spans,
)
from .entity_typing import Piece, pieces_of, refine, split_hyphenated

_LOWERCASE_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z]+(?![\w-])")
# Words before an unknown capitalised word that make it a place ("near Xville").
_PLACE_CUES = word_set(
    "in near outside towards toward village town city region district province settlement"
)
_PLACE_NOUNS = word_set("village town city region district province settlement river")
_CONFIDENT = frozenset({"title", "role", "head", "metonym", "acronym", "gazetteer", "demonym",
                        "given-name", "gazetteer-stem"})

# Evidence that decides a name's type better than the statistical model does.
_STRONG = frozenset({"title", "role", "metonym", "demonym"})


@dataclass(frozen=True)
class _Candidate:
    piece: Piece
    before: Token | None
    after: Token | None


def find_mentions(text: str, sentences: Sequence[Sentence]) -> list[Mention]:
    """Typed names in ``text``, in order, without overlaps; titles are not part of a name.

    The trained model finds names; the rules below trim them, give the finer types and add the
    names they are sure of (``entity_combine``).  Without the model, the rules alone.
    """
    blocked = _outside_the_story(text)
    rules = _rule_mentions(text, sentences, blocked)
    if not model_available():
        return completed(text, [rule.mention for rule in rules], normalize_name)
    spans = [
        span for span in model_spans(text, sentences)
        if not in_spans(blocked, span.start, span.end)
    ]
    confirmed = _confirmed_in_headlines(text, sentences, spans, rules, blocked)
    return completed(text, combine(text, rules, confirmed, normalize_name), normalize_name)


def _confirmed_in_headlines(
    text: str,
    sentences: Sequence[Sentence],
    spans: list[ModelSpan],
    rules: list[RuleMention],
    blocked: list[tuple[int, int]],
) -> list[ModelSpan]:
    """The model's spans, but in a Title Case headline (the first sentence, without digits)
    only the names the rest of the text also has: there every word is capitalised, and the
    model learnt news prose and tables.  Title Case lines further down are more often lists
    of names than headlines, and go to the model as they are."""
    headlines = [
        (sentence.start, sentence.end) for sentence in sentences[:1]
        if not any(character.isdigit() for character in text[sentence.start : sentence.end])
        and line_style(tokenize(text, sentence.start, sentence.end, blocked)) == "title"
    ]
    if not headlines:
        return spans

    def in_headline(start: int) -> bool:
        return any(a <= start < b for a, b in headlines)

    named = {normalize_name(text[span.start : span.end]) for span in spans
             if not in_headline(span.start)}
    named.update(rule.mention.normalized for rule in rules if not in_headline(rule.mention.start))
    return [span for span in spans if not in_headline(span.start)
            or normalize_name(text[span.start : span.end]) in named]


def find_rule_mentions(text: str, sentences: Sequence[Sentence]) -> list[Mention]:
    """The names the rules alone find (the recogniser without its trained model)."""
    return [rule.mention for rule in _rule_mentions(text, sentences, _outside_the_story(text))]


def _outside_the_story(text: str) -> list[tuple[int, int]]:
    """Where names are not the story's: web addresses, and the outlet's credit in a wire
    dateline ("NAIROBI, Kenya (AP) --" credits AP, which the story is not about)."""
    spans = url_spans(text) + [
        (match.start("publisher") - 1, match.end("publisher") + 1)
        for match in DATELINE.finditer(text)
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _rule_mentions(
    text: str, sentences: Sequence[Sentence], blocked: list[tuple[int, int]]
) -> list[RuleMention]:
    candidates: list[_Candidate] = []
    headlines: list[tuple[Sentence, str]] = []
    for sentence in sentences:
        tokens = tokenize(text, sentence.start, sentence.end, blocked)
        style = line_style(tokens)
        if style != "prose":
            headlines.append((sentence, style))
            continue
        position = {token.start: index for index, token in enumerate(tokens)}
        for run in capitalised_runs(tokens):
            for piece in pieces_of(run):
                for part in (r for h in split_hyphenated(piece) for r in refine(h)):
                    index = position.get(part.tokens[0].start)
                    before = tokens[index - 1] if index else None
                    end_index = position.get(part.tokens[-1].start, len(tokens))
                    after = tokens[end_index + 1] if end_index + 1 < len(tokens) else None
                    candidates.append(_Candidate(part, before, after))
    mentions = _decide(text, candidates)
    mentions.extend(
        RuleMention(mention, "weak")
        for mention in _headline_mentions(text, headlines, [m.mention for m in mentions], blocked)
    )
    mentions.sort(key=lambda rule: rule.mention.start)
    return mentions


def normalize_name(text: str) -> str:
    """Canonical key of a name: folded, possessive and leading article removed, British
    spellings made American ("Defence Ministry" and "Defense Ministry" are one name)."""
    key = gazetteer.fold(text)
    if key.endswith("'s"):
        key = key[:-2]
    if key.startswith("the "):
        key = key[4:]
    if any(word in SPELLING_VARIANTS for word in key.split()):
        key = " ".join(SPELLING_VARIANTS.get(word, word) for word in key.split())
    return key


def _decide(text: str, candidates: list[_Candidate]) -> list[RuleMention]:
    known: dict[str, EntityType] = {}
    surnames: set[str] = set()
    untyped_singles: set[str] = set()
    for candidate in candidates:
        piece = candidate.piece
        key = normalize_name(_surface(text, piece))
        if piece.type is not None and piece.evidence in _CONFIDENT:
            known.setdefault(key, piece.type)
            if piece.type == "person":
                surnames.add(piece.tokens[-1].folded)
        elif piece.type is None and len(piece.tokens) == 1:
            untyped_singles.add(key)
    for candidate in candidates:  # "John Roe ... Roe said": a name later used by its last word
        piece = candidate.piece
        if piece.type is None and 2 <= len(piece.tokens) <= 3 and (
            piece.tokens[-1].folded in untyped_singles
        ) and all(token.text[0].isupper() for token in piece.tokens):
            surnames.add(piece.tokens[-1].folded)
            known.setdefault(normalize_name(_surface(text, piece)), "person")
    capitalised_inside = _capitalised_inside(candidates, text)
    lowercase_words = set(_LOWERCASE_WORD.findall(text))
    countries = {
        place.country
        for candidate in candidates
        if candidate.piece.type == "location" and not candidate.piece.small_place
        for place in gazetteer.lookup(_surface(text, candidate.piece))[:1]
    }
    mentions: list[RuleMention] = []
    for candidate in candidates:
        decided = _decide_one(candidate, text, known, surnames, capitalised_inside,
                              lowercase_words, countries)
        if decided is not None:
            mentions.append(decided)
    return mentions


def _decide_one(
    candidate: _Candidate,
    text: str,
    known: dict[str, EntityType],
    surnames: set[str],
    capitalised_inside: set[str],
    lowercase_words: set[str],
    countries: set[str | None],
) -> RuleMention | None:
    piece = candidate.piece
    surface = _surface(text, piece)
    key = normalize_name(surface)
    single = len(piece.tokens) == 1
    entity_type: EntityType | None = piece.type
    normalized = key
    strength: Strength | None = None  # None: the piece's own evidence decides
    by_name = piece.type == "person" and piece.evidence == "given-name"
    if piece.initial and single and surface.casefold() in lowercase_words and (
        piece.evidence not in ("acronym", "demonym", "title", "role")
    ):
        return None
    if piece.evidence == "head-alone" and piece.initial and key not in capitalised_inside:
        return None  # "Rebels attacked ...": a capitalised common noun
    if entity_type is None or piece.small_place:
        stem = key[:-1] if key.endswith("s") and len(key) > 4 else ""
        strength = "medium"
        if key in known and known[key] != "location":
            entity_type = known[key]
            by_name = entity_type == "person"
        elif single and _matches_surname(piece.tokens[0].folded, surnames):
            entity_type = "person"
            by_name = True
        elif stem and (stem in known or stem in surnames):
            entity_type = known.get(stem, "person")
            normalized = stem
        elif piece.small_place:
            entity_type = _small_place_type(candidate, text, countries)
            if entity_type == "other" and piece.initial and key not in capitalised_inside:
                return None
        elif key in known:
            entity_type = known[key]
        elif candidate.after is not None and candidate.after.folded in PERSON_VERBS and (
            len(piece.tokens) <= 3
        ):
            entity_type, strength = "person", "weak"
        elif single:
            if piece.initial and key not in capitalised_inside:
                return None
            before = candidate.before
            after = candidate.after
            is_place = (before is not None and before.folded in _PLACE_CUES) or (
                after is not None and after.text.islower() and after.folded in _PLACE_NOUNS
            )
            entity_type, strength = ("location", "medium") if is_place else ("other", "guessed")
        elif len(piece.tokens) <= 3 and all(
            t.text.isalpha() and t.folded not in lowercase_words for t in piece.tokens
        ):
            entity_type, strength = "person", "guessed"
        else:
            entity_type, strength = "other", "guessed"
    if entity_type is None:
        return None
    if entity_type == "other" and (piece.evidence not in _CONFIDENT or piece.small_place):
        strength = "guessed"
    mention = Mention(piece.start, piece.end, surface, entity_type, normalized)
    return RuleMention(mention, strength or _strength(piece, entity_type),
                       by_name and entity_type == "person")


def _strength(piece: Piece, entity_type: EntityType) -> Strength:
    """How sure the words of a piece are of its type (see ``RuleMention``)."""
    decided_by_words = piece.type == entity_type and not piece.small_place and (
        piece.evidence in _STRONG or (piece.evidence == "head" and entity_type == "organization")
    )
    if decided_by_words or entity_type == "group":
        return "strong"
    if entity_type in ("person", "location") or (
        piece.evidence == "head" and entity_type == piece.type
    ):
        return "medium"  # a given name, the gazetteer, a head word
    return "weak"


def _matches_surname(word: str, surnames: set[str]) -> bool:
    return word in surnames or (
        len(word) >= 5 and any(same_name_word(word, surname) for surname in surnames)
    )


def _small_place_type(candidate: _Candidate, text: str, countries: set[str | None]) -> EntityType:
    before = candidate.before
    if before is not None and before.folded in LOCATIVE_PREPOSITIONS:
        return "location"
    places = gazetteer.lookup(_surface(text, candidate.piece))
    if any(place.country in countries for place in places):
        return "location"
    return "other"


def _capitalised_inside(candidates: list[_Candidate], text: str) -> set[str]:
    """Names that occur at least once away from the start of a sentence."""
    return {
        normalize_name(_surface(text, candidate.piece))
        for candidate in candidates
        if not candidate.piece.initial
    }


def _surface(text: str, piece: Piece) -> str:
    return text[piece.start : piece.end]


def _headline_mentions(
    text: str,
    headlines: list[tuple[Sentence, str]],
    mentions: list[Mention],
    blocked: list[tuple[int, int]],
) -> list[Mention]:
    if not headlines or not mentions:
        return []
    types: dict[str, EntityType] = {}
    for mention in mentions:
        if len(mention.text) >= 3:
            types.setdefault(mention.text.casefold(), mention.type)
    alternation = "|".join(re.escape(name) for name in sorted(types, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    found: list[Mention] = []
    for sentence, style in headlines:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            surface = match.group()
            if style == "title" and not surface[0].isupper():
                continue
            if in_spans(blocked, match.start()):
                continue
            entity_type = types[surface.casefold()]
            found.append(Mention(match.start(), match.end(), surface, entity_type,
                                 normalize_name(surface)))
    return found
