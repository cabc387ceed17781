"""What an amount is an amount of, and the period a rate is given per.

"$1.5 billion in military aid", "a $14 billion bailout package" and "military aid totals $1.3
billion" name what the money is (aid, a bailout package); two amounts of different things (aid
and loans) answer different questions however alike their sentences are. "$1.3 billion
annually", "5,000 barrels a day" are rates: a rate and a total, or rates per different periods,
never answer one question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..language.en.measures import DISTANCE_UNITS, MONEY_NOUNS, SAVING_VERBS, SHOCKS
from ..language.en.plurals import singular
from ..language.en.time_words import ADVERB_SETS, UNITS
from ..model import Fact, Mention, Quantity, Span, Tokens
from .fact_parse import _lemma, _word

_ORDINAL_UNITS = frozenset({"second", "sec", "min", "minute"})
"""Units that are rarely a rate's period ("a second quake", "a minute's silence")."""
_RATE = re.compile(
    r"\b(?:(?P<adverb>" + "|".join(sorted(ADVERB_SETS, key=len, reverse=True)) + r")"
    r"|(?:a|an|each|every|per)\s+(?P<unit>"
    + "|".join(sorted(set(UNITS) - _ORDINAL_UNITS, key=len, reverse=True)) + r"))\b",
    re.IGNORECASE,
)
RATE_REACH = 80
"""How far after an amount, within its clause, its period may be given ("the $1.5 billion in
aid that Ruritania provides each year")."""
_TOTAL_VERBS = frozenset({"total", "amount", "reach", "exceed", "top", "cost", "worth"})
_NOUN_LINKS = frozenset({"compound", "amod"})


def rate_of(text: str, quantity: Quantity, clause_end: int) -> str | None:
    """The period an amount is given per ("Y" for "annually" and "a year", "D" for "daily"),
    read in the words after it up to ``clause_end``."""
    end = min(clause_end, quantity.end + RATE_REACH)
    stop = re.search(r"[,;:.!?]\s|\s--\s", text[quantity.end : end])
    if stop:
        end = quantity.end + stop.start()
    match = _RATE.search(text, quantity.end, end)
    if match is None:
        return None
    if match.group("adverb"):
        return ADVERB_SETS[match.group("adverb").lower()].removeprefix("P").removeprefix("T") \
            .removeprefix("1")
    return UNITS[match.group("unit").lower()]


_WORD = re.compile(r"[A-Za-z]+")
SHOCK_REACH = 30
"""How far before or after a magnitude the shock it measures is named ("a magnitude 6.1
aftershock", "an aftershock of magnitude 4.5")."""


def shock_measured(text: str, quantity: Quantity, sentence: Span) -> tuple[str, ...]:
    """The shock a magnitude measures: the nearest quake word after it, else before it."""
    after = text[quantity.end : min(sentence.end, quantity.end + SHOCK_REACH)]
    before = text[max(sentence.start, quantity.start - SHOCK_REACH) : quantity.start]
    for words in (_WORD.findall(after), _WORD.findall(before)[::-1]):
        for word in words[:3]:
            shock = SHOCKS.get(singular(word.lower()))
            if shock:
                return (shock,)
    return ()


_FROM_PLACE = re.compile(
    r"\)?\s*(?:\([^()]{0,30}\)\s*)?(?:(?:to\s+the\s+)?(?:north|south|east|west|northeast|"
    r"northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:\s+(?:east|west))?\s+)?(?:of|from)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def with_distance_places(
    text: str, facts: Sequence[Fact], places_at: Mapping[int, Mention]
) -> tuple[Fact, ...]:
    """Distances scoped to the place they are measured from ("58km (36 miles) south-west of
    Tarvos"), where the words right after them name it."""
    result = []
    for fact in facts:
        match = _FROM_PLACE.match(text, fact.quantity.end)
        mention = places_at.get(match.end()) if match is not None else None
        if fact.quantity.unit in DISTANCE_UNITS and mention is not None:
            fact = replace(fact, places=(mention.normalized or mention.text,))
        result.append(fact)
    return tuple(result)


def amount_measure(tokens: Tokens, text: str, quantity: Quantity) -> tuple[str, ...]:
    """The nouns that say what an amount of money is: the noun it is "in" or "of" ("$1.5
    billion in aid"), the noun it modifies ("a $14 billion bailout package"), or the subject of
    a verb that gives its size ("aid totals $1.3 billion"); with the nouns compounded on them."""
    inside = tokens.within(quantity)
    if not inside:
        return ()
    heads, deps, pos = tokens.heads, tokens.deps, tokens.pos
    root = next((i for i in inside if heads[i] not in inside or heads[i] == i), inside[-1])
    candidates = [
        child for child in tokens.children(root)
        if deps[child] == "nmod" and child not in inside and _case(tokens, text, child) in
        ("in", "of")
    ]
    head = heads[root]
    if not candidates and deps[root] in ("compound", "nummod", "amod") and head not in inside:
        candidates.append(head)
    if not candidates and deps[root] in ("obj", "obl"):
        after = [
            child for child in tokens.children(head)
            if child > root and deps[child].startswith("obl")
            and _case(tokens, text, child) in ("in", "of")
        ]
        candidates += after[:1]
        if not after and _lemma(tokens, text, head) in _TOTAL_VERBS:
            candidates += [
                child for child in tokens.children(head)
                if child < root and deps[child] in ("nsubj", "compound") and pos[child] == "NOUN"
            ]
    if not candidates and deps[root] == "obj" and (
            {_lemma(tokens, text, head), _word(tokens, text, head)} & SAVING_VERBS):
        return ("saving",)  # "slice 30bn euros from its deficit"
    nouns: list[str] = []
    for noun in candidates:
        while deps[noun] == "compound" and pos[heads[noun]] == "NOUN" and heads[noun] != noun:
            noun = heads[noun]  # "a $14 billion bailout package": the package
        if pos[noun] != "NOUN":
            continue
        for index in (*tokens.children(noun), noun):
            if (index == noun or deps[index] in _NOUN_LINKS) and pos[index] == "NOUN" \
                    and index not in inside:
                nouns.append(singular(_lemma(tokens, text, index)))
    return tuple(sorted(set(nouns) - MONEY_NOUNS))


def _case(tokens: Tokens, text: str, index: int) -> str | None:
    return next((
        _lemma(tokens, text, child) for child in tokens.children(index)
        if tokens.deps[child] == "case"
    ), None)
