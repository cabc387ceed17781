"""Reading a count's sentence parse: what the count counts, the predicate that governs it,
the places attached to it, how sure its source is, and whether it is the value a change started
from. ``analyze.facts`` turns a reading into a ``Fact``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..language.en import words
from ..language.en.happenings import (
    CHANGE,
    COUNT_NOUNS,
    COUNT_STATUS,
    COUNTRY_NOUNS,
    MANY_COUNTRIES,
    MEASURED_NOUNS,
    VALUED_NOUNS,
    WORLDWIDE_WORDS,
    kinds_by_word,
)
from ..language.en.measures import LEVEL_NOUNS, MEASURE_UNITS
from ..language.en.names import LOCATION_HEADS
from ..language.en.plurals import singular
from ..language.en.speech import SPEECH_VERB_FORMS
from ..model import Mention, Quantity, Tokens

_NOMINAL_LINKS = words(
    "nmod compound conj appos flat nummod nmod:poss nmod:npmod nmod:tmod nmod:unmarked list "
    "case det"
)
"""Relations inside a noun phrase: a count climbs them to the phrase's head."""
_ARGUMENT_LINKS = words(
    "nsubj nsubj:pass nsubj:outer obj iobj obl obl:agent obl:npmod obl:tmod obl:unmarked "
    "csubj xcomp"
)
_PLACE_LINKS = _NOMINAL_LINKS | {"obl", "obl:agent", "amod"}
"""Links a place climbs to the count or its predicate: "killed by a quake in eastern Ruritania"
is scoped to Ruritania through the agent."""
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_NOT_PREDICATES = SPEECH_VERB_FORMS | words(
    "be have include give make take get see show accord cite quote believe think know"
)
"""Verbs that frame or report a count rather than say what happened to what it counts."""
def with_head_noun(tokens: Tokens, text: str, quantity: Quantity) -> Quantity:
    """"36 UN military and police personnel": a unit read as a word that only modifies the
    noun after it gives way to that noun."""
    inside = tokens.within(quantity)
    if not inside or "-" in quantity.text or quantity.unit in MEASURE_UNITS:
        return quantity  # "a 7.0-magnitude quake", "a 5.9 magnitude quake" measure the quake
    last = inside[-1]
    head = _noun_modified(tokens, last)
    if head != last and head not in inside:
        return replace(quantity, unit=singular(_lemma(tokens, text, head)))
    return quantity


def _noun_modified(tokens: Tokens, index: int) -> int:
    """The noun a word only modifies, the words between naming it too ("swine" of "nine swine
    flu cases": "cases"); the word itself otherwise."""
    head = tokens.heads[index]
    if (tokens.deps[index] in ("compound", "amod") and head > index
            and tokens.pos[head] == "NOUN" and all(
                tokens.pos[i] in ("NOUN", "PROPN", "ADJ", "CCONJ", "PUNCT")
                for i in range(index + 1, head))):
        return head
    return index


def measured_noun(tokens: Tokens, text: str, quantity: Quantity) -> str | None:
    """What a bare number measures, when the parse names it: "a magnitude of 5.9" (the noun it
    modifies), "put the magnitude at 6.1" (the object of a verb that gives a figure), "6.1 on
    the Richter scale" (the scale it is read on). A noun that names a happening ("the death toll
    rose to 110") is left to the kinds of happening."""
    inside = tokens.within(quantity)
    if not inside:
        return None
    number = inside[-1]
    if _names_a_level(tokens, text, inside[0]):
        return "level"
    heads, deps, pos = tokens.heads, tokens.deps, tokens.pos
    candidates: list[int] = []
    head = heads[number]
    if deps[number] in ("nmod", "appos", "nummod") and pos[head] == "NOUN" and head not in inside:
        candidates.append(head)
    verb = head if deps[number] in ("obl", "obj") else None
    if verb is not None:
        children = tokens.children(verb)
        if _lemma(tokens, text, verb) in CHANGE:
            candidates += [c for c in children if deps[c] in ("obj", "nsubj", "nsubj:pass")]
        candidates += [c for c in tokens.children(number) if deps[c] == "nmod"]
        candidates += [c for c in children if deps[c] == "obl" and c > number]
    for noun in candidates:
        if pos[noun] != "NOUN":
            continue
        lemma = _lemma(tokens, text, noun)
        if lemma in MEASURED_NOUNS:
            return lemma
        if lemma in kinds_by_word() or lemma in CHANGE or not lemma.isalpha():
            continue
        modifiers = [c for c in tokens.children(noun) if deps[c] == "compound"]
        if lemma == "scale" and modifiers:
            return _lemma(tokens, text, modifiers[-1])
        if noun == head and deps[number] == "appos" and "Number=Plur" in tokens.morphs[noun]:
            return singular(lemma)  # "union members - 62,000 at GM": members
    return None


def _names_a_level(tokens: Tokens, text: str, first: int) -> bool:
    """ "phase 5", "the alert level to 5": the number is a step on a scale."""
    before = first - 1
    if before >= 0 and _word(tokens, text, before) == "to":
        before -= 1
    return before >= 0 and _word(tokens, text, before) in LEVEL_NOUNS


@dataclass(frozen=True)
class Reading:
    kinds: frozenset[str]
    phrase: str | None
    places: tuple[str, ...]
    argument: bool  # a bare number that is itself the subject or object: "110,000 died"
    status: str | None = None
    predicate: int | None = None
    previous: bool = False
    repaired: bool = False  # the parse's attachment was corrected: its predicate is final
    local: bool = False  # "clashes broke out in Tarvos, where 50,000 marched": one place's count


def read_parse(
    tokens: Tokens, text: str, quantity: Quantity, mentions: Sequence[Mention]
) -> Reading | None:
    """Kinds of happening, the predicate phrase and the places of the count at ``quantity``;
    None when the count's words were not parsed."""
    inside = tokens.within(quantity)
    if not inside:
        return None
    heads, deps = tokens.heads, tokens.deps
    roots = [i for i in inside if heads[i] not in inside or heads[i] == i]
    counted = roots[-1]
    named_by = None
    if len(roots) > 1 and tokens.pos[counted] in ("VERB", "ADJ") and deps[counted] in (
            "xcomp", "conj", "acl", "advcl", "orphan"):
        named_by, counted = counted, roots[-2]  # "at least 50 injured": what happened to 50
    if deps[counted] == "nummod" and heads[counted] not in inside:
        counted = heads[counted]
    counted = _noun_modified(tokens, counted)
    head = counted
    for _ in range(4):
        if deps[head] not in _NOMINAL_LINKS or heads[head] == head:
            break
        if deps[head] == "conj" and tokens.pos[heads[head]] in ("VERB", "AUX"):
            break  # "... and is home to 100,000 people": a clause of its own
        head = heads[head]
    predicate = heads[head] if deps[head] in _ARGUMENT_LINKS else head
    role = deps[head]
    verb = named_by if named_by is not None else _verb_of_stranded_subject(tokens, counted, inside)
    if verb is not None:  # "... in the quake and another 1.5 million were made homeless"
        head, predicate, role = counted, verb, "nsubj"
    signals = [counted, *_modifiers(tokens, counted), *_predicate_words(tokens, text, predicate)]
    kinds = _kinds(tokens, text, signals)
    framing = predicate == head or _lemma(tokens, text, predicate) in CHANGE
    if framing and not kinds - {"change"}:
        subjects = [
            child for child in tokens.children(predicate)
            if deps[child] in _SUBJECTS | {"obj"} and child != head
        ]
        if predicate == head:
            subjects += [c for c in tokens.children(head) if deps[c] in _SUBJECTS]
        for noun in subjects:
            signals.append(noun)
            signals += [c for c in tokens.children(noun) if deps[c] in ("compound", "amod")]
        kinds = _kinds(tokens, text, signals)
    counted_object = _valued_object(tokens, text, head, predicate)
    if counted_object is not None:  # "cut their suspected death toll to 101": the toll's value
        signals = [counted_object, *(c for c in tokens.children(counted_object)
                                     if deps[c] in ("compound", "amod"))]
        kinds = _kinds(tokens, text, signals)
    kinds -= {"change"}
    if not kinds and quantity.unit == "person" and _existential(tokens, text, predicate):
        kinds = {"gather"}  # "there were 20,000 people in the square": a crowd present
    if not kinds:  # the counted noun's own verb first: "40% of the country living in poverty"
        own = [c for c in tokens.children(counted) if deps[c] == "acl"]
        unlisted = _unlisted(tokens, text, own[0] if own else predicate)
        kinds = {unlisted} if unlisted else set()
    phrase = _phrase(tokens, text, predicate, role) if kinds else None
    anchors = {counted, head, predicate}
    places = _places(tokens, text, mentions, anchors)
    if deps[predicate] == "acl:relcl":  # "in Ruritania, where 75 deaths have occurred"
        places += tuple(p for p in _places(tokens, text, mentions, {heads[predicate]}, reach=2)
                        if p not in places)
    described = _described_place(tokens, text, mentions, predicate)
    if described:  # "Tarvos is an island in the Brixel Sea, with a population of 120,000"
        places = described
    before_where = _place_before_where(tokens, text, mentions, predicate)
    local = bool(before_where) and not places
    places += tuple(p for p in before_where if p not in places)
    if _across_countries(tokens, text, anchors):
        places = (*places, MANY_COUNTRIES)
    # A bare number that modifies a name ("Perez, 18,") or a noun ("aged 20-54") is no count.
    bare = counted in inside and not quantity.unit and head == counted
    unmarked = role.startswith("obl") and not any(
        deps[c] == "case" for c in tokens.children(head))  # "killed more than 31,000 in Tarvos"
    argument = bare and not _property_of_subject(tokens, text, head) and (
        role in _SUBJECTS or role == "obj" or predicate == head
        or (role.startswith("obl") and (framing or unmarked or counted_object is not None)))
    status_words = [counted, *_modifiers(tokens, counted), predicate, *tokens.children(predicate)]
    if counted_object is not None:
        status_words += tokens.children(counted_object)
    status = _status(tokens, text, status_words)
    previous = _previous_value(tokens, text, counted, head, predicate,
                               counted_object is not None)
    return Reading(frozenset(kinds), phrase, places, argument, status, predicate, previous,
                    repaired=verb is not None, local=local)


def _verb_of_stranded_subject(tokens: Tokens, counted: int, inside: Sequence[int]) -> int | None:
    """The verb right after a count the parse joined to an earlier noun ("died in the quake and
    another 1.5 million were made homeless"): the count is that verb's subject."""
    after = max(inside) + 1
    if tokens.deps[counted] != "conj" or after >= len(tokens.heads):
        return None
    if tokens.pos[after] == "VERB":
        verb = after
    elif tokens.pos[after] == "AUX":
        verb = tokens.heads[after]
    else:
        return None
    return verb if tokens.pos[verb] == "VERB" and verb > counted else None


def _previous_value(
    tokens: Tokens, text: str, counted: int, head: int, predicate: int, valued: bool
) -> bool:
    """"cut the toll to 101 from 176", "rose from 20 to 45": the count a change started from."""
    cases = [_lemma(tokens, text, c) for c in tokens.children(counted)
             if tokens.deps[c] == "case"]
    if not tokens.deps[head].startswith("obl") or cases[:1] != ["from"]:
        return False
    return valued or _lemma(tokens, text, predicate) in CHANGE


def _valued_object(tokens: Tokens, text: str, head: int, predicate: int) -> int | None:
    """The object whose new or old value the count gives: "cut the toll to 101", "raised its
    estimate from 80"."""
    if not tokens.deps[head].startswith("obl") or not any(
        tokens.deps[c] == "case" and _lemma(tokens, text, c) in ("to", "from")
        for c in tokens.children(head)
    ):
        return None
    return next((
        child for child in tokens.children(predicate)
        if tokens.deps[child] == "obj" and singular(_word(tokens, text, child)) in VALUED_NOUNS
    ), None)


def _property_of_subject(tokens: Tokens, text: str, head: int) -> bool:
    """"those who died were between 20 and 54": a bare figure said of a subject that is no count
    ("the death toll may be 50,000", "the number of dead was 300") is a property of it."""
    if not any(tokens.deps[child] == "cop" for child in tokens.children(head)):
        return False
    subjects = [c for c in tokens.children(head) if tokens.deps[c] in _SUBJECTS]
    return not any(
        _lemma(tokens, text, subject) in kinds_by_word()
        or singular(_word(tokens, text, subject)) in COUNT_NOUNS
        for subject in subjects
    )


def _status(tokens: Tokens, text: str, indexes: Iterable[int]) -> str | None:
    """"suspected", "confirmed": how sure the count's source is of it, where the words say."""
    for index in indexes:
        for form in (_word(tokens, text, index), _lemma(tokens, text, index)):
            if form in COUNT_STATUS:
                return COUNT_STATUS[form]
    return None


def _modifiers(tokens: Tokens, counted: int) -> list[int]:
    """Words that say what happened to the counted noun itself ("people killed", "dead")."""
    return [
        child for child in tokens.children(counted)
        if tokens.deps[child] in ("amod", "acl", "acl:relcl", "orphan")
    ]


def _predicate_words(tokens: Tokens, text: str, predicate: int) -> list[int]:
    """The predicate, with what completes it: an adjective or particle ("left homeless",
    "feared dead", "laid off") or a result ("suffocated to death")."""
    children = tokens.children(predicate)
    conjuncts = [child for child in children if tokens.deps[child] == "conj"]
    return [predicate] + [
        child for child in children
        if tokens.deps[child] in ("xcomp", "compound:prt")
        and tokens.pos[child] in ("ADJ", "VERB", "ADP", "ADV")
        # "were killed and 50 injured": a completion after a conjunct is the conjunct's
        and not any(predicate < conjunct < child for conjunct in conjuncts)
    ] + [
        child for child in children
        if tokens.deps[child] == "obl" and any(
            tokens.deps[c] == "case" and _lemma(tokens, text, c) == "to"
            for c in tokens.children(child)
        )
    ]


def _kinds(tokens: Tokens, text: str, indexes: Iterable[int]) -> set[str]:
    lexicon = kinds_by_word()
    found: set[str] = set()
    for index in indexes:
        for form in (_word(tokens, text, index), _lemma(tokens, text, index)):
            if form in lexicon:
                found |= lexicon[form]
            elif form in CHANGE:
                found.add("change")
    return found


def _existential(tokens: Tokens, text: str, predicate: int) -> bool:
    return _lemma(tokens, text, predicate) == "be" and any(
        tokens.deps[c] == "expl" for c in tokens.children(predicate)
    )


def _unlisted(tokens: Tokens, text: str, predicate: int) -> str | None:
    """A verb the lexicon lacks ("registered") is a predicate of its own."""
    if tokens.pos[predicate] != "VERB":
        return None
    lemma = _lemma(tokens, text, predicate)
    if lemma in _NOT_PREDICATES or lemma in CHANGE or not lemma.isalpha():
        return None
    return "~" + lemma


def _word(tokens: Tokens, text: str, index: int) -> str:
    return text[tokens.starts[index] : tokens.ends[index]].lower()


def _lemma(tokens: Tokens, text: str, index: int) -> str:
    return tokens.lemmas[index].lower() or _word(tokens, text, index)


def _phrase(tokens: Tokens, text: str, predicate: int, role: str) -> str | None:
    """The predicate as a question words it: "have died", "were left homeless"."""
    if tokens.pos[predicate] not in ("VERB", "ADJ"):
        return None

    completion = [
        c for c in tokens.children(predicate)
        if tokens.deps[c] in ("xcomp", "compound:prt") and tokens.pos[c] in ("ADJ", "ADP", "ADV")
    ]
    tail = [_word(tokens, text, i) for i in (predicate, *completion)]
    if role in _SUBJECTS:
        auxiliaries = [
            _word(tokens, text, c) for c in tokens.children(predicate)
            if tokens.deps[c] in ("aux", "aux:pass", "cop") and c < predicate
        ]
        if any(not w.isalpha() for w in auxiliaries):
            return None
        return " ".join([*auxiliaries, *tail])
    if role == "obj" and "Tense=Past" in tokens.morphs[predicate]:
        return " ".join(["were", *tail]) if tail[0].endswith("ed") else None
    return None


def _across_countries(tokens: Tokens, text: str, anchors: set[int]) -> bool:
    """Whether a count of several countries ("in 17 countries") or "worldwide" depends on the
    count or its predicate."""
    for anchor in anchors:
        for child in tokens.children(anchor):
            if _word(tokens, text, child) in WORLDWIDE_WORDS:
                return True
            if singular(_word(tokens, text, child)) not in COUNTRY_NOUNS:
                continue
            if any(
                tokens.deps[number] == "nummod" and _word(tokens, text, number) != "one"
                for number in tokens.children(child)
            ):
                return True
    return False


def _names_a_place_within(tokens: Tokens, text: str, index: int) -> bool:
    """"Ruritania's second largest city": the country places the city, not the count."""
    head = tokens.heads[index]
    return tokens.deps[index] == "nmod:poss" and _lemma(tokens, text, head) in LOCATION_HEADS


def _described_place(
    tokens: Tokens, text: str, mentions: Sequence[Mention], predicate: int
) -> tuple[str, ...]:
    """The place a copular clause describes, its subject (a place by its name, or by what
    the clause calls it: "Tarvos is the largest island"): the count is that place's, not
    that of the places the description names."""
    children = tokens.children(predicate)
    if not any(tokens.deps[child] == "cop" for child in children):
        return ()
    called_a_place = _lemma(tokens, text, predicate) in LOCATION_HEADS
    for child in children:
        if tokens.deps[child] != "nsubj" or tokens.pos[child] != "PROPN":
            continue
        for mention in mentions:
            if child in tokens.within(mention) and (
                    mention.type == "location" or called_a_place):
                return (mention.normalized or mention.text,)
    return ()


_BEFORE_WHERE = re.compile(r",?\s*$")


def _place_before_where(
    tokens: Tokens, text: str, mentions: Sequence[Mention], predicate: int
) -> tuple[str, ...]:
    """"clashes broke out in Tarvos where 50,000 people marched": the place right before the
    "where" of the count's clause, however the parse attached the clause."""
    for child in tokens.children(predicate):
        word = text[tokens.starts[child]:tokens.ends[child]].lower()
        if word != "where" or tokens.deps[child] != "advmod":
            continue
        where = tokens.starts[child]
        for mention in mentions:
            if (mention.type == "location" and mention.end <= where
                    and _BEFORE_WHERE.fullmatch(text, mention.end, where)):
                return (mention.normalized or mention.text,)
    return ()


def _places(
    tokens: Tokens, text: str, mentions: Sequence[Mention], anchors: set[int], reach: int = 5
) -> tuple[str, ...]:
    """Names of the locations attached (within ``reach`` links) to the count's noun phrase or
    its predicate."""
    places: list[str] = []
    named = [tokens.within(m) for m in mentions if m.type != "location"]
    for mention in mentions:
        if mention.type != "location":
            continue
        index = tokens.at(mention.start)
        if index is None or _names_a_place_within(tokens, text, index):
            continue
        inside = tokens.within(mention)
        index = next((i for i in inside if tokens.heads[i] not in inside), index)
        for _ in range(reach):
            if index in anchors:
                name = mention.normalized or mention.text
                if name not in places:
                    places.append(name)
                break
            if tokens.deps[index] not in _PLACE_LINKS or tokens.heads[index] == index:
                break
            index = tokens.heads[index]
            if tokens.pos[index] == "NUM" and index not in anchors:
                break  # "40 cases, including 20 at a Tarvos school": the other count's place
            if index not in anchors and any(index in inside for inside in named):
                break  # "the Seismic Survey in Brixel": where the agency sits
    return tuple(places)
