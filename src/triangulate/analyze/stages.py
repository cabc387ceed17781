"""The built-in stages: each wraps one analysis module and adds its annotations."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from ..model import Analysis, Sentence
from .pipeline import register
from .timex_calendar import first_day, last_day


@register("sentences")
def sentences_stage(analysis: Analysis) -> Analysis:
    from .nlp import split_sentences

    return replace(analysis, sentences=tuple(split_sentences(analysis.document.text)))


@register("parse")
def parse_stage(analysis: Analysis) -> Analysis:
    """The token layer (parts of speech, lemmas, features, dependencies) of the sentences that
    hold a quantity (after the ``quantities`` stage; else of those that state a figure): the ones
    the ``facts`` stage reads. The parser is the slowest step of the analysis."""
    from .parse import parse, states_a_figure

    text = analysis.document.text
    if analysis.quantities:
        starts = sorted(q.start for q in analysis.quantities)
        sentences = [s for s in analysis.sentences if _holds_one(starts, s.start, s.end)]
    else:
        sentences = [s for s in analysis.sentences if states_a_figure(s.of(text))]
    sentences = sorted(sentences + _telling_fates(analysis, sentences), key=lambda s: s.start)
    return replace(analysis, tokens=parse(text, sentences))


def _telling_fates(analysis: Analysis, parsed: list[Sentence]) -> list[Sentence]:
    """The other sentences that name a person and a word that may tell their fate (the
    ``fates`` stage reads them)."""
    from .fates import fate_words

    told = fate_words()
    people = sorted(m.start for m in analysis.mentions if m.type == "person")
    chosen = set(parsed)
    return [
        s for s in analysis.sentences
        if s not in chosen and _holds_one(people, s.start, s.end)
        and not told.isdisjoint(w.lower() for w in _WORDS.findall(s.of(analysis.document.text)))
    ]


_WORDS = re.compile(r"[A-Za-z]+")


def _holds_one(starts: list[int], start: int, end: int) -> bool:
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


@register("parse_all")
def parse_all_stage(analysis: Analysis) -> Analysis:
    """The token layer of every sentence (for stages and users that read all of it)."""
    from .parse import parse

    return replace(analysis, tokens=parse(analysis.document.text, analysis.sentences))


@register("dating")
def dating_stage(analysis: Analysis) -> Analysis:
    """Give an undated document the publication date its content implies (basis "inferred")."""
    document = analysis.document
    if document.published:
        return analysis
    from .time import find_times, infer_publication_date

    guess = infer_publication_date(document.text)
    if guess is None or guess.start is None:
        return analysis
    first, last = first_day(guess.start), last_day(guess.end or guess.start)
    # The latest day the text names within the inferred window is the best estimate.
    days = [
        t.date_start
        for t in find_times(document.text, last)
        if t.precision == "day"
        and t.date_start
        and first.isoformat() <= t.date_start <= last.isoformat()
    ]
    published = max(days) if days else first.isoformat()
    dated = replace(
        document, published=published, published_precision="day", published_basis="inferred"
    )
    return replace(analysis, document=dated)


@register("entities")
def entities_stage(analysis: Analysis) -> Analysis:
    from .entities import find_mentions

    mentions = find_mentions(analysis.document.text, analysis.sentences)
    return replace(analysis, mentions=tuple(mentions))


@register("times")
def times_stage(analysis: Analysis) -> Analysis:
    from .time import find_times

    document = analysis.document
    # A file's modification date says when it was saved, not when the text was written: "on
    # Saturday" is not read against it.
    anchor = _day(document.published) if document.published_basis != "file" else None
    return replace(analysis, times=tuple(find_times(document.text, anchor)))


def _day(published: str | None) -> date | None:
    """The publication day, if ``published`` is a valid ISO day."""
    if not published or len(published) != 10:
        return None
    try:
        return date.fromisoformat(published)
    except ValueError:
        return None


@register("quantities")
def quantities_stage(analysis: Analysis) -> Analysis:
    from .quantities import find_quantities

    # Figures of a clock time ("struck at 1353 (1023 GMT)") count nothing.
    clocks = [(t.start, t.end) for t in analysis.times if t.type == "time"]
    quantities = [
        q for q in find_quantities(analysis.document.text)
        if not any(start <= q.start < end for start, end in clocks)
    ]
    return replace(analysis, quantities=tuple(quantities))


@register("claims")
def claims_stage(analysis: Analysis) -> Analysis:
    from .claims import find_claims

    return replace(analysis, claims=tuple(find_claims(analysis)))


@register("claim_sources")
def claim_sources_stage(analysis: Analysis) -> Analysis:
    """Speakers the parse names for claims the claims stage left to the outlet."""
    from .claim_sources import with_parsed_sources

    return replace(analysis, claims=with_parsed_sources(analysis))


@register("facts")
def facts_stage(analysis: Analysis) -> Analysis:
    """Each claim's measured answers: what its counts count, what happened, where."""
    from .facts import with_facts

    return replace(analysis, claims=with_facts(analysis))


@register("fates")
def fates_stage(analysis: Analysis) -> Analysis:
    """What each claim says befell the people it names."""
    from .fates import with_fates

    return replace(analysis, claims=with_fates(analysis))


@register("offices")
def offices_stage(analysis: Analysis) -> Analysis:
    """The offices each claim says people hold ("Ann Bell, Tarvos Motors's chief executive")."""
    from .offices import with_offices

    return replace(analysis, claims=with_offices(analysis))


@register("events")
def events_stage(analysis: Analysis) -> Analysis:
    from .events import find_events

    return replace(analysis, events=tuple(find_events(analysis)))
