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
from dataclasses import replace
from typing import Any

from ..language.en.happenings import (
    ACCUMULATING_KINDS,
    CASE_NOUNS,
    CASE_OF_KIND,
    CHANGE,
    PEOPLE_KINDS,
    kinds_by_word,
)
from ..language.en.measures import AGE, CURRENCY_CODES, DISTANCE_UNITS, MEASURE_UNITS
from ..language.en.names import SPEAKERS_PLACE
from ..language.en.plurals import singular
from ..language.en.stems import content_stems
from ..model import Analysis, Claim, Fact, Mention, Quantity, Sentence, Span, TimeExpression
from .fact_clock import (
    SHORT_DURATIONS,
    as_age,
    as_duration,
    clock_kinds,
    clock_predicate,
    clock_quantity,
    is_age,
    is_lasting,
)
from .fact_measure import amount_measure, rate_of, shock_measured, with_distance_places
from .fact_parse import measured_noun, read_parse, with_head_noun
from .fact_parts import (
    with_additional_parts,
    with_change_units,
    with_parts,
    with_place_before,
)
from .fact_scope import scope_of
from .fact_time import fact_time, time_told_before, told_of_before

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


_EXTRA_PART_BEFORE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+[A-Za-z]+\s*,?\s*"
    r"(?:and|plus)\s+$",
    re.IGNORECASE,
)
"""Another part told before the count: "a man and two women" counts two women and a man."""


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
        text = analysis.document.text
        read = [
            _fact(analysis, claim, sentence, quantity, main_place)
            for quantity in owned.get(index, ())
            if not _generic(text, sentence, quantity)
        ] + _clock_facts(analysis, claim, sentence)
        read = [replace(fact, converted=True)
                if _a_conversion(text, fact.quantity, owned.get(index, ())) else fact
                for fact in read]
        facts = with_change_units(with_parts(text, read, places_at))
        facts = with_additional_parts(text, _ages_listed(facts))
        facts = with_distance_places(text, facts, places_at)
        facts = with_place_before(
            text, facts, sentence, _previous_sentence(analysis.sentences, sentence), places_at,
            main_place,
        )
        claims.append(_with_counted_units(replace(claim, facts=facts)) if facts else claim)
    return tuple(claims)


_CONVERSION_OPENS = re.compile(r"\s*[(\[]\s*")


def _a_conversion(text: str, quantity: Quantity, others: Sequence[Quantity]) -> bool:
    """"a EUR 110 billion ($158 billion) bailout", "about 58km (36 miles)": the bracketed
    amount is the one before it in another currency or unit of length."""
    dimension = _dimension(quantity.unit)
    if dimension is None:
        return False
    return any(
        other.end <= quantity.start and _dimension(other.unit) == dimension
        and other.unit != quantity.unit
        and _CONVERSION_OPENS.fullmatch(text, other.end, quantity.start) is not None
        for other in others
    )


def _dimension(unit: str) -> str | None:
    if unit.upper() in CURRENCY_CODES:
        return "money"
    return "length" if unit in DISTANCE_UNITS else None


def _ages_listed(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Ages of several people in one sentence ("a 35-year-old woman and a 36-year-old man")
    are each one person's, answering no question of the others'."""
    ages = [f for f in facts if AGE in f.measure]
    if len(ages) < 2:
        return tuple(facts)
    return tuple(replace(f, part=True) if AGE in f.measure else f for f in facts)


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
    """The claim's figures with the units its facts read from the sentence: a bare "rose to
    110,000" counts people who died, "75 swine flu deaths" counts deaths."""
    counted = {(f.quantity.start, f.quantity.end): f.quantity for f in claim.facts}
    quantities = tuple(
        counted[q.start, q.end] if (q.start, q.end) in counted
        and _names_the_count(q.unit, counted[q.start, q.end].unit) else q
        for q in claim.quantities
    )
    return replace(claim, quantities=quantities) if quantities != claim.quantities else claim


def _names_the_count(unit: str, read: str) -> bool:
    """Whether the unit the facts read says better what a figure counts: any for a bare figure,
    a happening ("deaths") for a word that only modified it ("75 swine flu deaths")."""
    lexicon = kinds_by_word()
    return not unit or (
        singular(read) in lexicon and singular(unit) not in lexicon
        and singular(unit) not in CASE_NOUNS
    )


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


def _fact(
    analysis: Analysis, claim: Claim, sentence: Span, quantity: Quantity, main_place: str | None
) -> Fact:
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
    read = read_parse(analysis.tokens, text, quantity, mentions[first:last])
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
            # "killing 10 persons and wounding other 70": of a list of what befell people,
            # the count's own is the nearest
            listed_only_harm = listed <= ACCUMULATING_KINDS and scope.nearest
            kinds = set(scope.nearest) if listed_only_harm else listed
    if quantity.unit:
        quantity = with_head_noun(analysis.tokens, text, quantity)
    else:
        measured = measured_noun(analysis.tokens, text, quantity)
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
    predicate = read.predicate if read is not None else None
    if not places:
        places = _scene(text, sentence, mentions[first:last])
    if not places and quantity.unit not in MEASURE_UNITS:  # an agency's seat is not the quake's
        places = _speakers_places(analysis, claim)
    fact = Fact(
        quantity=quantity,
        kinds=tuple(sorted(kinds)),
        phrase=phrase,
        places=places,
        # "clashes broke out in Tarvos, where 50,000 marched": a place's part, unless the
        # report is mainly about that place
        part=(read is not None and read.local and main_place not in places)
        or (not places and _told_from_here(analysis, claim, sentence)),
        previous=previous or _change_by(text, sentence, quantity),
        measure=(amount_measure(analysis.tokens, text, quantity) if money
                 else shock_measured(text, quantity, sentence)
                 if quantity.unit == "magnitude" else ()),
        per=rate_of(text, quantity, sentence.end),
        status=status or _counted_toll(text, sentence, quantity),
        cumulative=scope.cumulative,
        correction=scope.correction,
        since=scope.since,
        extra=bool(_EXTRA_PART.match(text[quantity.end : sentence.end])
                   or _EXTRA_PART_BEFORE.search(text[sentence.start : quantity.start])),
        headline=_is_title(analysis, sentence_text),
        context=tuple(sorted(_context(analysis, claim, sentence, quantity))),
        **_time_of(analysis, sentence, predicate),
    )
    if is_age(text, quantity):
        return as_age(fact)
    if quantity.unit not in SHORT_DURATIONS:
        return fact
    lasting = is_lasting(analysis.tokens, text, quantity, predicate)
    return as_duration(fact, lasting, shock_measured(text, quantity, sentence))


_SPEAKERS_PLACE = re.compile(rf"\b(?:{'|'.join(sorted(SPEAKERS_PLACE))})\b", re.IGNORECASE)
_POSSESSIVE = re.compile("['\u2019]s\\b")
_QUOTE_OPENERS = frozenset('"\u201c\u00ab')


def _told_from_here(analysis: Analysis, claim: Claim, sentence: Span) -> bool:
    """A speaker's count of the place they speak from ("Every house was flattened here. Soldiers
    speak of 2,000 dead"), told in the sentence, the one before, or a quotation of theirs that
    opens the one after ("X said hundreds were feared dead. \"Every house was flattened
    here.\"")."""
    if claim.speaker is None:
        return False
    text = analysis.document.text
    spans = [s for s in (_previous_sentence(analysis.sentences, sentence), sentence) if s]
    following = _sentence_beside(analysis.sentences, sentence, 1)
    if following is not None and following.of(text).lstrip()[:1] in _QUOTE_OPENERS:
        spans.append(following)
    return any(_SPEAKERS_PLACE.search(span.of(text)) for span in spans)


_SCENE_OPENS = re.compile(r"\s*(?:[\"\u201c]\s*)?(?:In|At|Across|Throughout)\s+(?:the\s+)?")


def _scene(text: str, sentence: Span, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The place a sentence opens on ("In Tarvos, protesters clashed with police, leaving 12
    injured"): the scene of every count in it that names no place of its own."""
    opening = _SCENE_OPENS.match(text, sentence.start)
    if opening is None:
        return ()
    for mention in mentions:
        if (mention.start == opening.end() and mention.type == "location"
                and text[mention.end : mention.end + 1] == ","):
            return (mention.normalized or mention.text,)
    return ()


_BY_AMOUNT = re.compile(r"\b(?P<verb>[a-z]+)\s+by\s+$", re.IGNORECASE)


def _change_by(text: str, sentence: Span, quantity: Quantity) -> bool:
    """The amount a count changed by ("the toll rose by three to 78") is no answer of its own,
    as the value it changed from is not."""
    found = _BY_AMOUNT.search(text, max(sentence.start, quantity.start - 30), quantity.start)
    return found is not None and found.group("verb").lower() in CHANGE


_RISING_TOLL = re.compile(
    r"\btoll\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|jumped|grew|grown|reached)"
    r"(?:\s+by\s+\S+)?\s+(?:to\s+)?$",
    re.IGNORECASE,
)


def _counted_toll(text: str, sentence: Span, quantity: Quantity) -> str | None:
    """A toll told as rising to a count ("the death toll rose by three to 78") is the count kept
    of those confirmed, where no word says how sure it is."""
    before = text[max(sentence.start, quantity.start - 60) : quantity.start]
    return "confirmed" if _RISING_TOLL.search(before) else None


def _speakers_places(analysis: Analysis, claim: Claim) -> tuple[str, ...]:
    """The place that speaks, itself or by its official, for a count that names none: "The
    United States said it had confirmed 160 cases", "Ruritania's health minister said" (not "a
    US general said", who may speak of anywhere)."""
    if claim.speaker is None:
        return ()
    text = analysis.document.text
    mentions = analysis.mentions
    first = bisect_left(mentions, claim.speaker.start, key=lambda m: m.start)
    places = [
        mention for mention in mentions[first:]
        if mention.start < claim.speaker.end and mention.type == "location"
        and (mention.end >= claim.speaker.end or _POSSESSIVE.match(text, mention.end))
    ]
    return (places[0].normalized or places[0].text,) if places else ()


def _clock_facts(analysis: Analysis, claim: Claim, sentence: Span) -> list[Fact]:
    """The times of day the claim tells a happening at ("struck at 1420")."""
    facts = []
    text = analysis.document.text
    for time in _times_within(analysis, claim):
        quantity = clock_quantity(time)
        if quantity is None:
            continue
        predicate = clock_predicate(analysis.tokens, quantity)
        facts.append(Fact(
            quantity=quantity,
            kinds=clock_kinds(analysis.tokens, text, predicate),
            headline=_is_title(analysis, sentence.of(text)),
            context=tuple(sorted(_context(analysis, claim, sentence, quantity))),
            **_time_of(analysis, sentence, predicate),
        ))
    return facts


def _time_of(analysis: Analysis, sentence: Span, predicate: int | None) -> dict[str, Any]:
    if predicate is None:
        return {}
    times = [t for t in _times_within(analysis, sentence) if not _deadline(analysis, t)]
    time = fact_time(analysis.tokens, analysis.document.text, predicate, times)
    if time is None and told_of_before(
            analysis.tokens, analysis.document.text, predicate, sentence.start):
        previous = _previous_sentence(analysis.sentences, sentence)
        time = time_told_before(_times_within(analysis, previous)) if previous else None
    return {"time": time, "time_read": True}


def _deadline(analysis: Analysis, time: TimeExpression) -> bool:
    """A date after the report that a count is to be reached by ("to cut 31,500 jobs by
    2012") is a target, not when the count holds."""
    published, start = analysis.document.published, str(time.date_start or "")
    return bool(
        published and start and start > published[: len(start)]
        and _BY.search(analysis.document.text, max(0, time.start - 4), time.start)
    )


_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def _times_within(analysis: Analysis, span: Span) -> list[TimeExpression]:
    first = bisect_left(analysis.times, span.start, key=lambda t: t.start)
    last = bisect_left(analysis.times, span.end, lo=first, key=lambda t: t.start)
    return [t for t in analysis.times[first:last] if t.end <= span.end]


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
    return _sentence_beside(sentences, sentence, -1)


def _sentence_beside(sentences: Sequence[Sentence], sentence: Span, step: int) -> Sentence | None:
    """The sentence ``step`` places from ``sentence`` (-1 the one before, 1 the one after)."""
    index = bisect_left(sentences, sentence.start, key=lambda s: s.start)
    if index < len(sentences) and sentences[index].start == sentence.start and (
            0 <= index + step < len(sentences)):
        return sentences[index + step]
    return None
