"""Which of a claim's dates date one of its counts: those of the count's own clause.

"A new virus has killed up to 80 people in Ruritania and the agency moved closer on Monday":
the Monday is the agency's, not the deaths'. A date attached (through the parse) to a verb
reached from the count's predicate only across a coordination ("and the agency moved") belongs
to another clause, unless that clause counts too. A date of the count's own clause dates the
count, as does one of a governing happening ("clashed on Wednesday, leaving 11 dead"); a date
only of a governing verb of saying ("officials said on Thursday that 41 countries had reported
11,034 cases") says how far the count reaches, not when it began: an open start.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..language.en.speech import SPEECH_VERB_FORMS
from ..model import TimeExpression, TimeRange, Tokens
from .fact_parse import _word

_OTHER_CLAUSE = frozenset({"conj", "parataxis"})
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})
_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj"})


def fact_time(
    tokens: Tokens, text: str, predicate: int, times: Sequence[TimeExpression]
) -> TimeRange | None:
    """The calendar range of the ``times`` that date the clause of ``predicate``."""
    own: list[TimeExpression] = []
    same_verb: list[TimeExpression] = []
    governing: list[TimeExpression] = []
    path = _path_up(tokens, predicate)
    ancestors, above = set(path), set(path[1:])
    for time in times:
        if not time.date_start:
            continue
        verb = _attachment(tokens, time)
        if verb is None or _across_clauses(tokens, verb, ancestors):
            continue
        if verb in above and _word(tokens, text, verb) in SPEECH_VERB_FORMS:
            governing.append(time)
            continue
        own.append(time)
        if verb == predicate and time.type == "date":  # a clock time's day is only assumed
            same_verb.append(time)
    chosen = same_verb or own
    if not chosen:
        if not governing:
            return None
        return TimeRange(start=None, end=max(str(t.date_end or t.date_start) for t in governing))
    precisions = [t.precision for t in chosen if t.precision]
    return TimeRange(
        start=min(str(t.date_start) for t in chosen),
        end=max(str(t.date_end or t.date_start) for t in chosen),
        precision=precisions[0] if len(set(precisions)) == 1 else None,
    )


def _attachment(tokens: Tokens, time: TimeExpression) -> int | None:
    """The verb (or the root) the time expression hangs from."""
    inside = tokens.within(time)
    if not inside:
        return None
    heads = tokens.heads
    node = next((i for i in inside if heads[i] not in inside or heads[i] == i), inside[0])
    for _ in range(len(heads)):
        parent = heads[node]
        if parent == node:
            return node
        node = parent
        if tokens.pos[node] in _CLAUSE_HEADS:
            return node
    return None


def _across_clauses(tokens: Tokens, verb: int, ancestors_of_predicate: set[int]) -> bool:
    """Whether ``verb`` is reached from the lowest clause it shares with the predicate (whose
    ancestors, itself included, are given) only across a coordination or a loose parataxis, on
    the time's side."""
    for node in _path_up(tokens, verb):
        if node in ancestors_of_predicate:
            return False
        if tokens.deps[node] in _OTHER_CLAUSE and not _counts(tokens, node):
            return True
    return False


def _counts(tokens: Tokens, verb: int) -> bool:
    """A conjunct that counts too ("3 were killed and 639 were wounded in Wednesday's
    clashes"): a date at its end dates the counts before it as well."""
    for child in tokens.children(verb):
        if tokens.deps[child] in _ARGUMENTS and (
            tokens.pos[child] == "NUM"
            or any(tokens.deps[c] == "nummod" for c in tokens.children(child))
        ):
            return True
    return False


def _path_up(tokens: Tokens, start: int) -> list[int]:
    path = [start]
    heads = tokens.heads
    while heads[path[-1]] != path[-1] and len(path) <= len(heads):
        path.append(heads[path[-1]])
    return path


def told_of_before(tokens: Tokens, text: str, predicate: int, sentence_start: int) -> bool:
    """The count's sentence opens with "it", its clause's subject ("It killed 612 people and
    injured 1,400"): it goes on telling of the happening the sentence before named."""
    while tokens.deps[predicate] == "conj" and not any(
            tokens.deps[child].startswith("nsubj") for child in tokens.children(predicate)):
        predicate = tokens.heads[predicate]
    return any(
        tokens.deps[child] == "nsubj" and tokens.starts[child] == sentence_start
        and _word(tokens, text, child) == "it"
        for child in tokens.children(predicate)
    )


def time_told_before(times: Sequence[TimeExpression]) -> TimeRange | None:
    """The one calendar date of the sentence before, if it names exactly one."""
    dates = {(str(t.date_start), str(t.date_end or t.date_start), t.precision)
             for t in times if t.date_start and t.type == "date"}
    if len(dates) != 1:
        return None
    start, end, precision = dates.pop()
    return TimeRange(start=start, end=end, precision=precision)
