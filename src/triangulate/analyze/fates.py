"""What claims say befell the people they name: dead, missing, alive, injured, held or free.

Read from the parse. A person's name is the subject of a happening told of them ("X was
killed", "X died", "X is missing", "X was found alive", "X was likely to be under the rubble"),
or names whose body, death or arrest it is ("the body of X was recovered", "X's arrest"). The
active subject of a verb that others undergo does the deed ("X killed three people") and is
left out, as is a happening the clause negates ("X was not hurt").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from ..language.en.happenings import (
    FATE_BY_ITSELF,
    FATE_HEDGES,
    FATE_NOUNS,
    FATE_WORDS,
    FATES,
    kinds_by_word,
)
from ..language.en.speech import NEGATION_PATTERN
from ..model import Analysis, Claim, Fate, Mention, Span, Tokens
from .fact_parse import _lemma, _word

_UNCONFIRMED = re.compile(
    r"\b(?:could|can|did|does|do|would)\s*(?:not|n't)\s+(?:immediately\s+)?confirm\s+"
    r"(?:the\s+(?:news|reports?|claims?|deaths?)|this|it|that)\b",
    re.IGNORECASE,
)
_SUBJECTS = ("nsubj", "nsubj:pass")
_OWNERS = ("nmod", "nmod:poss")
_MODALS = frozenset({"may", "might", "could"})


def with_fates(analysis: Analysis) -> tuple[Claim, ...]:
    """The document's claims, each with the fates it tells of the people it names; a claim
    that cannot confirm the news told just before ("X said Y had died. The UN said it could not
    confirm the news") tells the same fates, unsure."""
    if not analysis.tokens.starts:
        return analysis.claims
    people = [m for m in analysis.mentions if m.type == "person"]
    claims: list[Claim] = []
    for claim in analysis.claims:
        fates = _claim_fates(analysis, claim, people)
        unconfirmed = _UNCONFIRMED.search(claim.text)
        if not fates and unconfirmed and claims and claims[-1].fates:
            cue = Span(claim.start + unconfirmed.start(), claim.start + unconfirmed.end())
            fates = tuple(replace(fate, start=cue.start, end=cue.end, hedged=True)
                          for fate in claims[-1].fates)
        claims.append(replace(claim, fates=fates))
    return tuple(claims)


def _claim_fates(
    analysis: Analysis, claim: Claim, people: Sequence[Mention]
) -> tuple[Fate, ...]:
    tokens, text = analysis.tokens, analysis.document.text
    fates = []
    for mention in people:
        if not claim.contains(mention):
            continue
        inside = tokens.within(mention)
        if not inside:
            continue
        root = next((i for i in inside if tokens.heads[i] not in inside), inside[-1])
        found = _fate(tokens, text, root)
        if found is None:
            continue
        predicate, state = found
        hedged = _hedged(tokens, text, root, predicate)  # not the sentence's other hedges
        fates.append(Fate(
            tokens.starts[predicate], tokens.ends[predicate],
            person=Span(mention.start, mention.end), person_text=mention.text, state=state,
            hedged=hedged,
        ))
    return tuple(fates)


@lru_cache(maxsize=1)
def fate_words() -> frozenset[str]:
    """Every word that may tell a person's fate (which sentences the parse must read)."""
    told = {word for word, kinds in kinds_by_word().items() if kinds & FATES.keys()}
    return frozenset(told | FATE_WORDS.keys() | FATE_NOUNS.keys())


def _fate(tokens: Tokens, text: str, person: int) -> tuple[int, str] | None:
    dep, head = tokens.deps[person], tokens.heads[person]
    if head == person:
        return None
    if dep in _OWNERS and tokens.pos[head] == "NOUN" and not any(
            tokens.deps[c] == "compound" for c in tokens.children(head)):
        # "the body of X", "X's arrest"; not "X's press release"
        if dep == "nmod:poss" and any(tokens.deps[c] == "nmod" for c in tokens.children(head)):
            return None  # "X's capture of the nomination": X did it
        state = FATE_NOUNS.get(_word(tokens, text, head))
        return (head, state) if state and not _negated(tokens, text, head) else None
    if dep not in _SUBJECTS:
        return None
    for predicate, completes in _predicates(tokens, head):
        # the subject of "was found dead" undergoes it; of "asked to release" or of "shot and
        # killed" as the voice of the subject's own verb says
        undergone = dep == "nsubj:pass" if not completes else (
            tokens.pos[predicate] != "VERB" or "VerbForm=Part" in tokens.morphs[predicate])
        state = _state(tokens, text, predicate, undergone=undergone)
        if state is not None:
            return (predicate, state) if not _negated(tokens, text, predicate) else None
    return None


def _predicates(tokens: Tokens, head: int) -> Iterator[tuple[int, bool]]:
    """The subject's predicate and the predicates joined to it that have no subject of their
    own, each with what completes it ("found dead", "likely to be under the rubble"), marked
    True."""
    joined = [head] + [child for child in tokens.children(head)
                       if tokens.deps[child] == "conj" and not any(
                           tokens.deps[c] in _SUBJECTS for c in tokens.children(child))]
    for predicate in joined:
        yield predicate, False
        for child in tokens.children(predicate):
            if tokens.deps[child] == "xcomp":
                yield child, True
                yield from ((c, True) for c in tokens.children(child)
                            if tokens.deps[c] == "xcomp")


def _state(tokens: Tokens, text: str, index: int, undergone: bool) -> str | None:
    word, lemma = _word(tokens, text, index), _lemma(tokens, text, index)
    if tokens.pos[index] == "VERB" and not undergone and not (
            {word, lemma} & FATE_BY_ITSELF):
        return None  # "X killed three people": X did it
    if any(tokens.deps[child] == "compound:prt" and _word(tokens, text, child) != "out"
           for child in tokens.children(index)):
        return None  # a phrasal verb says something else: "pulled over", not "pulled out"
    for key in (word, lemma):
        if key in FATE_WORDS:
            return FATE_WORDS[key]
    lexicon = kinds_by_word()
    states = {FATES[kind] for key in (word, lemma) for kind in lexicon.get(key, ())
              if kind in FATES}
    return states.pop() if len(states) == 1 else None


def _negated(tokens: Tokens, text: str, index: int) -> bool:
    return any(tokens.deps[child] == "advmod" and NEGATION_PATTERN.fullmatch(
        _word(tokens, text, child)) for child in tokens.children(index))


def _hedged(tokens: Tokens, text: str, person: int, predicate: int) -> bool:
    """Whether the words that tell the fate leave it unsure: "feared dead", "likely to be",
    "may have died"."""
    near = {person, predicate, tokens.heads[person], tokens.heads[predicate]}
    near |= {child for index in tuple(near) for child in tokens.children(index)}
    for index in near:
        word = _word(tokens, text, index)
        if word in FATE_HEDGES or (word in _MODALS and tokens.deps[index] == "aux"):
            return True
    return False
