"""Facts: the measured answers each claim gives, read from its sentence's parse.

A claim's sentence may give several counts ("12 people were injured in Athens and 20,000
marched in Thessaloniki"). For each, the parse says what the count is a count of and what
happened to it: the counted noun, the predicate that governs it ("were injured" → ``injure``),
the adjective that completes it ("left homeless", "feared dead"), or, when the predicate only
says that a count moved ("the death toll rose to 110,000"), the noun the count belongs to.
Places attached to the counted noun or its predicate ("in Athens") scope the count. Each
quantity of a sentence goes to the claim that contains it, else to the first claim of the
sentence. Without a parse (no model installed) the clause is read by ``fact_scope``'s rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..language.en import words
from ..language.en.happenings import (
    CASE_NOUNS,
    CASE_OF_KIND,
    CHANGE,
    COUNT_NOUNS,
    COUNT_STATUS,
    COUNTRY_NOUNS,
    MANY_COUNTRIES,
    MEASURED_NOUNS,
    PEOPLE_KINDS,
    VALUED_NOUNS,
    WORLDWIDE_WORDS,
    kinds_by_word,
)
from ..language.en.measures import CURRENCY_CODES, MEASURE_UNITS
from ..language.en.names import LOCATION_HEADS
from ..language.en.plurals import singular
from ..language.en.speech import SPEECH_VERB_FORMS
from ..language.en.stems import content_stems
from ..model import Analysis, Claim, Fact, Mention, Quantity, Sentence, Span, Tokens
from .fact_measure import amount_measure, rate_of
from .fact_parts import with_change_units, with_parts, with_place_before
from .fact_scope import scope_of
from .fact_time import fact_time

_NOMINAL_LINKS = words(
    "nmod compound conj appos flat nummod nmod:poss nmod:npmod nmod:tmod nmod:unmarked list "
    "case det"
)
"""Relations inside a noun phrase: a count climbs them to the phrase's head."""
_ARGUMENT_LINKS = words(
    "nsubj nsubj:pass nsubj:outer obj iobj obl obl:agent obl:npmod obl:tmod obl:unmarked "
    "csubj xcomp"
)
_PLACE_LINKS = _NOMINAL_LINKS | {"obl", "amod"}
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_NOT_PREDICATES = SPEECH_VERB_FORMS | words(
    "be have include give make take get see show accord cite quote believe think know"
)
"""Verbs that frame or report a count rather than say what happened to what it counts."""
_NUMBER_WORD = re.compile(
    r"\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|"
    r"Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|"
    r"Eighty|Ninety|Hundred|Dozens?|Hundreds|Thousands)\b"
)
_COUNTED_NOUN = re.compile(
    r"\b(?:number|total|tally|count) of ((?:[A-Za-z-]+\s){0,2}?[A-Za-z-]+s)\b"
    r"(?=\s+(?:that|who|which|in|at|on|from|since|to|has|have|had|is|was|were|are)\b)",
    re.IGNORECASE,
)
_EXTRA_PART = re.compile(
    r"^\s*,?\s*(?:and|plus|as well as)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d[\d,]*)\s+[A-Za-z]",
    re.IGNORECASE,
)


def with_facts(analysis: Analysis) -> tuple[Claim, ...]:
    """The analysis's claims, each with the facts of the quantities it owns."""
    analysis = replace(  # in text order, for the look-ups by sentence below
        analysis,
        quantities=tuple(sorted(analysis.quantities, key=lambda q: (q.start, q.end))),
        mentions=tuple(sorted(analysis.mentions, key=lambda m: (m.start, m.end))),
    )
    owned = _owned_quantities(analysis)
    places_at = {m.start: m for m in analysis.mentions if m.type == "location"}
    main_place = _main_place(places_at.values())
    claims = []
    for index, claim in enumerate(analysis.claims):
        sentence = analysis.sentence_of(claim) or claim
        facts = with_change_units(with_parts(analysis.document.text, [
            _fact(analysis, claim, sentence, quantity) for quantity in owned.get(index, ())
            if not _generic(analysis.document.text, sentence, quantity)
        ], places_at))
        facts = with_place_before(
            analysis.document.text, facts, sentence,
            _previous_sentence(analysis.sentences, sentence), places_at, main_place,
        )
        claims.append(_with_counted_units(replace(claim, facts=facts)) if facts else claim)
    return tuple(claims)


def _main_place(places: Iterable[Mention]) -> str | None:
    """The place a report names most often."""
    counts = Counter(mention.normalized or mention.text for mention in places)
    return counts.most_common(1)[0][0] if counts else None


_GENERIC = re.compile(
    r"(?:A|An|Any)\s[^;]{0,60}?\b(?:can|could|may|might|usually|typically|generally|often"
    r"|tends? to)\b"
)


def _generic(text: str, sentence: Span, quantity: Quantity) -> bool:
    """A figure in the subject of a general statement ("A magnitude-6.0 quake can cause
    severe damage") answers no question about the story."""
    match = _GENERIC.match(text, sentence.start, sentence.end)
    return match is not None and quantity.end <= match.end()


def _with_counted_units(claim: Claim) -> Claim:
    """The claim's bare figures ("rose to 110,000") with the unit its facts read from the
    sentence ("110,000" people who died)."""
    counted = {(f.quantity.start, f.quantity.end): f.quantity for f in claim.facts}
    quantities = tuple(
        counted.get((q.start, q.end), q) if not q.unit else q for q in claim.quantities
    )
    return replace(claim, quantities=quantities) if quantities != claim.quantities else claim


def _owned_quantities(analysis: Analysis) -> dict[int, list[Quantity]]:
    """Claim index → the quantities of its sentence it owns (those it contains, and those no
    claim contains if it is the first claim of the sentence)."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for index, claim in enumerate(analysis.claims):
        sentence = analysis.sentence_of(claim) or claim
        by_sentence.setdefault((sentence.start, sentence.end), []).append(index)
    owned: dict[int, list[Quantity]] = {}
    for (start, end), indexes in by_sentence.items():
        claims = [analysis.claims[i] for i in indexes]
        for quantity in _sentence_quantities(analysis, claims, Span(start, end)):
            owner = next(
                (i for i, c in zip(indexes, claims, strict=True) if c.contains(quantity)),
                indexes[0],
            )
            owned.setdefault(owner, []).append(quantity)
    return owned


def _sentence_quantities(
    analysis: Analysis, claims: Sequence[Claim], sentence: Span
) -> list[Quantity]:
    """The claims' quantities and the stage's in the sentence; where none has a unit, those
    read again from the sentence alone (a number word opening a sentence right after a dateline
    is easily missed)."""
    found: list[Quantity] = []
    stage = analysis.quantities
    first = bisect_left(stage, sentence.start, key=lambda q: q.start)
    last = bisect_left(stage, sentence.end, lo=first, key=lambda q: q.start)
    for quantity in [q for c in claims for q in c.quantities] + list(stage[first:last]):
        if (sentence.start <= quantity.start and quantity.end <= sentence.end
                and not any(quantity.overlaps(other) for other in found)):
            found.append(quantity)
    text = analysis.document.text
    sentence_text = sentence.of(text)
    if not any(q.unit for q in found) and _NUMBER_WORD.search(sentence_text):
        from .quantities import find_quantities

        for q in find_quantities(sentence_text):
            moved = replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
            if not any(moved.overlaps(other) for other in found):
                found.append(moved)
    return sorted(found, key=lambda q: q.start)


def _fact(analysis: Analysis, claim: Claim, sentence: Span, quantity: Quantity) -> Fact:
    text = analysis.document.text
    sentence_text = sentence.of(text)
    offset = sentence.start
    scope = scope_of(sentence_text, quantity.start - offset, quantity.end - offset)
    kinds, phrase = set(scope.kinds), scope.phrase
    places: tuple[str, ...] = ()
    status: str | None = None
    mentions = analysis.mentions
    first = bisect_left(mentions, sentence.start, key=lambda m: m.start)
    last = bisect_left(mentions, sentence.end, lo=first, key=lambda m: m.start)
    read = _read_parse(analysis.tokens, text, quantity, mentions[first:last])
    previous = False
    if read is not None:
        parsed_kinds, parsed_phrase, places = read.kinds, read.phrase, read.places
        status, previous = read.status, read.previous
        listed = {kind for kind in kinds if not kind.startswith("~")}
        if quantity.unit.upper() in CURRENCY_CODES or quantity.unit == "percent":
            listed = set()  # what happens around an amount says little about what it is
        # The parse decides, unless it finds only a verb the lexicon lacks where the clause
        # names a listed happening (a count attached to the wrong verb).
        if read.repaired or (
            parsed_kinds and not (listed and all(k.startswith("~") for k in parsed_kinds))
        ):
            kinds, phrase = set(parsed_kinds), parsed_phrase or phrase
        elif listed:
            kinds = listed
    if quantity.unit:
        quantity = _with_head_noun(analysis.tokens, text, quantity)
    else:
        measured = _measured_noun(analysis.tokens, text, quantity)
        if measured:
            quantity = replace(quantity, unit=measured)
        else:
            argument = read is not None and read.argument
            quantity = _with_counted_noun(quantity, sentence_text, kinds, argument)
    if not any(not kind.startswith("~") for kind in kinds):  # "dozens of deaths"
        kinds |= kinds_by_word().get(singular(quantity.unit), frozenset())
    named = [CASE_OF_KIND[kind] for kind in sorted(kinds) if kind in CASE_OF_KIND]
    if singular(quantity.unit) in CASE_NOUNS and len(named) == 1:
        quantity = replace(quantity, unit=named[0])  # "11,034 cases" of an infection
    money = quantity.unit.upper() in CURRENCY_CODES
    return Fact(
        quantity=quantity,
        kinds=tuple(sorted(kinds)),
        phrase=phrase,
        places=places,
        previous=previous,
        measure=amount_measure(analysis.tokens, text, quantity) if money else (),
        per=rate_of(text, quantity, sentence.end),
        status=status,
        cumulative=scope.cumulative,
        correction=scope.correction,
        since=scope.since,
        extra=bool(_EXTRA_PART.match(text[quantity.end : sentence.end])),
        headline=_is_title(analysis, sentence_text),
        context=tuple(sorted(_context(analysis, claim, sentence, quantity))),
        **_time_of(analysis, claim, read),
    )


def _time_of(analysis: Analysis, claim: Claim, read: _Reading | None) -> dict[str, Any]:
    if read is None or read.predicate is None:
        return {}
    first = bisect_left(analysis.times, claim.start, key=lambda t: t.start)
    last = bisect_left(analysis.times, claim.end, lo=first, key=lambda t: t.start)
    times = [t for t in analysis.times[first:last] if t.end <= claim.end]
    return {"time": fact_time(analysis.tokens, read.predicate, times), "time_read": True}


def _with_counted_noun(
    quantity: Quantity, sentence: str, kinds: set[str], argument: bool
) -> Quantity:
    """A bare number gets the noun of "the number of aid convoys ... has risen to 19", or
    "person" when the parse makes it the subject or object of what happens to people ("110,000
    died", "the death toll rose to 110,000")."""
    match = _COUNTED_NOUN.search(sentence)
    if match:
        return replace(quantity, unit=singular(match.group(1).split()[-1]))
    if argument and kinds and kinds <= PEOPLE_KINDS and quantity.value >= 1:
        return replace(quantity, unit="person")
    return quantity


def _is_title(analysis: Analysis, sentence: str) -> bool:
    title = analysis.document.title
    return bool(title) and " ".join(sentence.split()) == " ".join((title or "").split())


def _context(
    analysis: Analysis, claim: Claim, sentence: Span, quantity: Quantity
) -> frozenset[str]:
    """The content stems of the claim that holds a count (of its sentence when the count lies
    outside the claim's span) and of the sentence before (a quoted figure often gets its
    subject from the sentence that introduces the quote), less the count's own words."""
    text = analysis.document.text
    holder = claim if claim.contains(quantity) else sentence
    stems = set(content_stems(holder.of(text)))
    previous = _previous_sentence(analysis.sentences, sentence)
    if previous is not None:
        stems |= content_stems(previous.of(text))
    return frozenset(stems) - content_stems(quantity.text)


def _previous_sentence(sentences: Sequence[Sentence], sentence: Span) -> Sentence | None:
    index = bisect_left(sentences, sentence.start, key=lambda s: s.start)
    if 0 < index < len(sentences) and sentences[index].start == sentence.start:
        return sentences[index - 1]
    return None


# ---- reading the parse ---------------------------------------------------------------------


def _with_head_noun(tokens: Tokens, text: str, quantity: Quantity) -> Quantity:
    """"36 UN military and police personnel": a unit read as a word that only modifies the
    noun after it gives way to that noun."""
    inside = tokens.within(quantity)
    if not inside or "-" in quantity.text or quantity.unit in MEASURE_UNITS:
        return quantity  # "a 7.0-magnitude quake", "a 5.9 magnitude quake" measure the quake
    last = inside[-1]
    head = tokens.heads[last]
    if (tokens.deps[last] in ("compound", "amod") and head > last and head not in inside
            and tokens.pos[head] == "NOUN" and all(
                tokens.pos[i] in ("NOUN", "PROPN", "ADJ", "CCONJ", "PUNCT")
                for i in range(last + 1, head))):
        return replace(quantity, unit=singular(_lemma(tokens, text, head)))
    return quantity


def _measured_noun(tokens: Tokens, text: str, quantity: Quantity) -> str | None:
    """What a bare number measures, when the parse names it: "a magnitude of 5.9" (the noun it
    modifies), "put the magnitude at 6.1" (the object of a verb that gives a figure), "6.1 on
    the Richter scale" (the scale it is read on). A noun that names a happening ("the death toll
    rose to 110") is left to the kinds of happening."""
    inside = tokens.within(quantity)
    if not inside:
        return None
    number = inside[-1]
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
    return None


@dataclass(frozen=True)
class _Reading:
    kinds: frozenset[str]
    phrase: str | None
    places: tuple[str, ...]
    argument: bool  # a bare number that is itself the subject or object: "110,000 died"
    status: str | None = None
    predicate: int | None = None
    previous: bool = False
    repaired: bool = False  # the parse's attachment was corrected: its predicate is final


def _read_parse(
    tokens: Tokens, text: str, quantity: Quantity, mentions: Sequence[Mention]
) -> _Reading | None:
    """Kinds of happening, the predicate phrase and the places of the count at ``quantity``;
    None when the count's words were not parsed."""
    inside = tokens.within(quantity)
    if not inside:
        return None
    heads, deps = tokens.heads, tokens.deps
    roots = [i for i in inside if heads[i] not in inside or heads[i] == i]
    counted = roots[-1]
    if deps[counted] == "nummod" and heads[counted] not in inside:
        counted = heads[counted]
    head = counted
    for _ in range(4):
        if deps[head] not in _NOMINAL_LINKS or heads[head] == head:
            break
        if deps[head] == "conj" and tokens.pos[heads[head]] in ("VERB", "AUX"):
            break  # "... and is home to 100,000 people": a clause of its own
        head = heads[head]
    predicate = heads[head] if deps[head] in _ARGUMENT_LINKS else head
    role = deps[head]
    verb = _verb_of_stranded_subject(tokens, counted, inside)
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
    if not kinds:
        unlisted = _unlisted(tokens, text, predicate)
        kinds = {unlisted} if unlisted else set()
    phrase = _phrase(tokens, text, predicate, role) if kinds else None
    anchors = {counted, head, predicate}
    places = _places(tokens, text, mentions, anchors)
    if deps[predicate] == "acl:relcl":  # "in Ruritania, where 75 deaths have occurred"
        places += tuple(p for p in _places(tokens, text, mentions, {heads[predicate]}, reach=1)
                        if p not in places)
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
    return _Reading(frozenset(kinds), phrase, places, argument, status, predicate, previous,
                    repaired=verb is not None)


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
    return [predicate] + [
        child for child in children
        if tokens.deps[child] in ("xcomp", "compound:prt")
        and tokens.pos[child] in ("ADJ", "VERB", "ADP", "ADV")
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


def _places(
    tokens: Tokens, text: str, mentions: Sequence[Mention], anchors: set[int], reach: int = 5
) -> tuple[str, ...]:
    """Names of the locations attached (within ``reach`` links) to the count's noun phrase or
    its predicate."""
    places: list[str] = []
    for mention in mentions:
        if mention.type != "location":
            continue
        index = tokens.at(mention.start)
        if index is None or _names_a_place_within(tokens, text, index):
            continue
        for _ in range(reach):
            if index in anchors:
                name = mention.normalized or mention.text
                if name not in places:
                    places.append(name)
                break
            if tokens.deps[index] not in _PLACE_LINKS or tokens.heads[index] == index:
                break
            index = tokens.heads[index]
    return tuple(places)
