"""What the parse says of a trigger: whether a date's clause holds it, whether it is told as
done in the present perfect, whether it is only wanted, expected or denied.

Each function takes the token layer that holds the sentence (``events.sentence_layers``) and
answers None-safe: without a parse it says what the words alone would let events assume.
"""

from __future__ import annotations

import re

from ..language.en.happening_types import (
    FUTURE_AUXILIARIES,
    INTENT_VERBS,
    MODAL_AUXILIARIES,
    NEGATIONS,
    PAST_PERFECT_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PREVENTING_VERBS,
    REPORTED_FUTURE_AUXILIARIES,
)
from ..language.en.speech import SPEECH_VERB_FORMS
from ..model import Span, Tokens

_VERBS = frozenset({"VERB"})
_CLAUSE_LINKS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "advcl", "xcomp", "conj"})
_ARGUMENT_LINKS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "iobj", "nmod"})
_REACH = 8


def _word(layer: Tokens, text: str, index: int) -> str:
    return text[layer.starts[index] : layer.ends[index]].lower()


def _lemma(layer: Tokens, text: str, index: int) -> str:
    return layer.lemmas[index] or _word(layer, text, index)


def _head(layer: Tokens, index: int) -> int | None:
    head = layer.heads[index]
    return None if head == index else head


def _trigger_head(layer: Tokens, span: Span) -> int | None:
    """The word of a trigger that the rest depends on ("bombs" of "petrol bombs")."""
    inside = layer.within(span)
    if not len(inside):
        return layer.at(span.start)
    for index in inside:
        head = layer.heads[index]
        if head == index or not span.start <= layer.starts[head] < span.end:
            return index
    return inside[0]


def date_governor(layer: Tokens, date: Span, triggers: list[Span]) -> int | None:
    """The word whose clause a date belongs to: the first verb (or trigger) above it."""
    index = layer.at(date.start)
    for _ in range(_REACH):
        if index is None:
            return None
        index = _head(layer, index)
        if index is None:
            return None
        start = layer.starts[index]
        if layer.pos[index] in _VERBS or any(t.start <= start < t.end for t in triggers):
            return index
    return None


def in_scope(layer: Tokens, governor: int, trigger: Span) -> bool:
    """Whether ``trigger`` lies in the clause of ``governor`` (is it, or below it): a date of
    a main clause dates the happenings of its subordinate clauses ("killed three on Wednesday
    as police fought battles"), not the other way round ("the biggest protest since the
    minister took office last October")."""
    index = _trigger_head(layer, trigger)
    if layer.deps[governor] == "acl" and (
        index is not None and _head(layer, governor) == index
        or 0 <= layer.starts[governor] - trigger.end <= 1
    ):
        return True  # "an interview released Tuesday": the clause tells of the trigger
    for _ in range(_REACH):
        if index is None:
            return False
        if index == governor or trigger.start <= layer.starts[governor] < trigger.end:
            return True
        index = _head(layer, index)
    return False


def _clause_verb(layer: Tokens, index: int) -> int | None:
    """The verb of the clause of a trigger: itself, or the verb it is an argument of."""
    for _ in range(3):
        if layer.pos[index] in _VERBS:
            return index
        head = _head(layer, index)
        if head is None or layer.deps[index] not in _ARGUMENT_LINKS:
            return None
        index = head
    return None


def unrealised(layer: Tokens, text: str, trigger: Span) -> str | None:
    """Whether the trigger's clause tells of a happening that is not (yet) one, and how:
    ``"future"`` ("will be held": a happening of a day to come), ``"unreal"`` under any other
    modal ("should resign", "can be lifted"), negated ("did not attack"), or wanted, planned or
    expected ("would like to step down", "plans to strike"); None for a happening told as one."""
    index = _trigger_head(layer, trigger)
    verb = _clause_verb(layer, index) if index is not None else None
    if verb is not None and verb != index and _lemma(layer, text, verb) in (
        INTENT_VERBS | PREVENTING_VERBS
    ):
        return "unreal"  # "planning a walkout", "threatened a strike", "banned protests"
    for _ in range(3):
        if verb is None:
            return None
        for child in layer.children(verb):
            word = _word(layer, text, child)
            if layer.deps[child] in ("advmod", "neg", "aux") and word in NEGATIONS:
                return "unreal"
        for child in layer.children(verb):
            word = _word(layer, text, child)
            if layer.deps[child] == "aux" and word in MODAL_AUXILIARIES:
                return "future" if word in FUTURE_AUXILIARIES or (
                    word in REPORTED_FUTURE_AUXILIARIES and _reported(layer, text, verb)
                ) else "unreal"
        head = _head(layer, verb)
        if layer.deps[verb] == "conj" and head is not None and layer.deps[head] == "xcomp":
            verb = head  # "needed someone to come and rescue them"
        if layer.deps[verb] != "xcomp":
            return None
        verb = _head(layer, verb)
        if verb is not None and _lemma(layer, text, verb) in INTENT_VERBS:
            return "unreal"
    return None


def told_as_before(layer: Tokens, text: str, governor: int, trigger: Span) -> bool:
    """Whether a date dates a speech verb ("said Tuesday") that tells of the trigger as done
    before ("302 people had been killed"): then the date is the telling's, not the trigger's."""
    if _word(layer, text, governor) not in SPEECH_VERB_FORMS:
        return False
    index = _trigger_head(layer, trigger)
    verb = _clause_verb(layer, index) if index is not None else None
    return verb is not None and verb != governor and any(
        layer.deps[child] in ("aux", "aux:pass")
        and _word(layer, text, child) in PAST_PERFECT_AUXILIARIES
        for child in layer.children(verb)
    )


def said_done_before(text: str, date: Span, trigger: Span) -> bool:
    """Whether a date written right after a speech verb ("Nile TV said Monday nearly 2,100
    inmates had been arrested") dates the telling of a trigger told in the past perfect after
    it, whatever the parse made of the date."""
    before = _LAST_WORD.search(text, max(0, date.start - 24), date.start)
    return (
        before is not None and before.group(1).lower() in SPEECH_VERB_FORMS
        and date.end <= trigger.start
        and _PAST_PERFECT_BEFORE.search(text, max(date.end, trigger.start - 16), trigger.start)
        is not None
    )


_LAST_WORD = re.compile(r"\b([A-Za-z]+)\s+(?:on\s+)?$")
_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)


def told_as_after(text: str, governor_end: int, trigger: Span) -> bool:
    """Whether the trigger is told after a word that sets it before or after the happening a
    date dates ("said early Saturday that he asked the government to resign after thousands
    defied a curfew"): the date is the other happening's, not the trigger's."""
    return _SEQUENCE_WORD.search(text, governor_end, trigger.start) is not None


_SEQUENCE_WORD = re.compile(r"\b(?:after|before|until|following)\b", re.IGNORECASE)


def told_when(layer: Tokens, text: str, date: Span, trigger: Span) -> bool:
    """Whether the trigger lies in a when-clause, told in the past, right after a date: the
    clause says what happened then ("the scenes of Wednesday and Thursday when supporters
    clashed"), not what is to come ("on the weekend when elections are held")."""
    return (
        date.end <= trigger.start
        and _WHEN_CLAUSE.match(text, date.end, trigger.start) is not None
        and any(
            "Tense=Past" in layer.morphs[i] and "VerbForm=Fin" in layer.morphs[i]
            for i in layer.within(Span(date.end, trigger.end))
        )
    )


def held_on(text: str, date: Span, trigger: Span) -> bool:
    """Whether the date is told of the trigger by a clause of its holding ("a conference to
    take place in Montreal on Monday", "talks, which were held on Friday")."""
    return trigger.end <= date.start and bool(_HELD_CLAUSE.match(text, trigger.end, date.start))


_HELD_CLAUSE = re.compile(
    r"\s*,?\s*(?:to\s+(?:take\s+place|be\s+held)|(?:which|that)\s+(?:will\s+|would\s+)?"
    r"(?:take|took|takes)\s+place|(?:which|that)\s+(?:was|were|will\s+be|is|are)\s+held"
    r"|(?:scheduled|set|planned)\s+for)\b[^.;:]*$",
    re.IGNORECASE,
)
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^.;:,]*$", re.IGNORECASE)


def _reported(layer: Tokens, text: str, verb: int) -> bool:
    """Whether ``verb`` heads what a speech verb reports ("said she would visit")."""
    head = _head(layer, verb)
    return (
        head is not None and layer.deps[verb] == "ccomp"
        and _word(layer, text, head) in SPEECH_VERB_FORMS
    )


def unreal_clause(layer: Tokens, text: str, verb: int) -> bool:
    """Whether the clause of ``verb`` is only wished, possible or denied ("might pay a price
    on the weekend when elections are held"): a date of it dates nothing that happened."""
    return unrealised(layer, text, Span(layer.starts[verb], layer.ends[verb])) == "unreal"


def told_as_just_done(layer: Tokens, text: str, trigger: Span) -> bool:
    """Whether the verb of the trigger, or the verb it is the subject or object of, is in the
    present perfect ("has been rejected", "an aftershock has rocked")."""
    index = _trigger_head(layer, trigger)
    for _ in range(3):
        if index is None:
            return False
        if layer.pos[index] in ("VERB", "AUX") and any(
            layer.deps[child] == "aux" and _word(layer, text, child) in PERFECT_AUXILIARIES
            for child in layer.children(index)
        ):
            return True
        if layer.deps[index] not in _CLAUSE_LINKS - {"obl"}:
            return False
        index = _head(layer, index)
    return False
