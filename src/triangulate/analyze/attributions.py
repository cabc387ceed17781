"""Attribution relations of a document: who (source) attributes what (content) with which words
(cue), as PolNeAR annotates them.

Each cue of the learned lexicon (``language/en/attribution_cues``) is read in the dependency
parse (``attribution_tree``). Around it, the document: a speaker and cue alone after a quote
report that quote; a line that opens with a name and a colon is that name's (a headline or a
transcript); quotes and sentences whose claims already carry a cue (``claims``) keep the claim's
content, joined over the pieces of one quote, with the source the parse finds at the cue; a
quoted content runs over its whole quote and the quote right after its cue's sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.en.attribution_cues import ATTRIBUTION_CUE_FORMS
from ..model import Analysis, Span, Tokens
from .attribution_tree import (
    MIN_CONTENT_WORDS,
    Attribution,
    child_with,
    kind_of,
    relation_at_cue,
    source_at,
    span_of,
    subtree,
)
from .claim_quotes import Quote, find_quotes
from .span_index import SpanIndex

_QUOTE_MARKS = ('"', "“", "”", "«", "»", "''")
_SPEAKER_LINE = re.compile(
    r"^[ \t\"“'‘]*(?P<source>\w[^\n:]{0,60}?):[ \t]+(?P<content>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_GAP_CHARS = 120  # at most between a cue and the quote that goes on after its sentence


def find_attributions(analysis: Analysis) -> list[Attribution]:
    """The attribution relations of a parsed analysis, in text order."""
    text = analysis.document.text
    tokens = analysis.tokens
    quotes = {quote.outer: quote for quote in find_quotes(text)}
    quoted = SpanIndex([quote.inner for quote in quotes.values()])
    outers = SpanIndex(quotes)
    found: dict[tuple[int, int], Attribution] = {}
    ending = {quote.outer.end: quote for quote in quotes.values()}
    for index in range(len(tokens)):
        relation = relation_at_cue(text, tokens, index) or _after_quote(text, tokens, index, ending)
        if relation is not None:
            found[(relation.cue.start, relation.cue.end)] = relation
    # the quoted words' own cues ("I think", "you know") report the speaker's talk, not news
    inside = {key for key, relation in found.items() if quoted.any_overlapping(relation.cue)}
    for relation in _line_speakers(analysis):
        found.setdefault((relation.cue.start, relation.cue.end), relation)
    for relation in _from_claims(analysis, tokens, found):
        key = (relation.cue.start, relation.cue.end)
        found[key] = relation
        inside.discard(key)
    for key in inside:
        del found[key]
    contents = SpanIndex([Span(relation.start, relation.end) for relation in found.values()])
    whole = (_whole_quote(text, relation, quotes, outers, contents)
             for relation in found.values())
    return sorted(whole, key=lambda r: (r.start, r.end))


def _line_speakers(analysis: Analysis) -> list[Attribution]:
    """A line that opens with a person's or an organisation's name and a colon is theirs: a
    headline (``Jane Doe: The Plan Has Failed``) or a transcript (``DOE: Well, look, …``)."""
    text = analysis.document.text
    speakers = SpanIndex([mention for mention in analysis.mentions
                          if mention.type in ("person", "organization")])
    found = []
    for line in _SPEAKER_LINE.finditer(text):
        source = Span(line.start("source"), line.end("source"))
        if not any(mention.end == source.end for mention in speakers.overlapping(source)):
            continue
        content = Span(line.start("content"), line.end("content"))
        if len(content.of(text).split()) >= MIN_CONTENT_WORDS:
            cue = Span(source.end, source.end + 1)
            found.append(Attribution(content.start, content.end, source, cue, "speech"))
    return found


def _after_quote(
    text: str, tokens: Tokens, cue: int, ending: dict[int, Quote]
) -> Attribution | None:
    """A sentence of a speaker and a cue alone after a quote that the sentence splitter left
    apart (``"… our country?" Clinton said.``) reports that quote."""
    word = text[tokens.starts[cue] : tokens.ends[cue]].lower()
    if word not in ATTRIBUTION_CUE_FORMS or kind_of(word) != "speech" or tokens.heads[cue] != cue:
        return None
    if child_with(tokens, cue, ("ccomp", "xcomp", "obj", "parataxis")) is not None:
        return None
    subject = child_with(tokens, cue, ("nsubj",))
    if subject is None:
        return None
    first = min(subtree(tokens, subject)[0], cue)
    before = text[: tokens.starts[first]].rstrip()
    quote = ending.get(len(before))
    if quote is None:
        return None
    source = span_of(text, tokens, *subtree(tokens, subject))
    cue_span = Span(tokens.starts[cue], tokens.ends[cue])
    return Attribution(quote.inner.start, quote.inner.end, source, cue_span, kind_of(word))


def _whole_quote(
    text: str,
    relation: Attribution,
    quotes: dict[Span, Quote],
    outers: SpanIndex[Span],
    contents: SpanIndex[Span],
) -> Attribution:
    """A quoted content runs over its whole quote, and a quote right after the sentence of its
    cue goes on with it, unless another relation reports it: '"It's heartbreaking," Ryan
    said. "And this country …"'; a content that ends inside a quote it opened ends with it
    (``called it a "good news story in an era when …"``)."""
    closing = Span(relation.end - 1, relation.end)
    cut = [quotes[outer] for outer in outers.overlapping(closing) if relation.start < outer.start
           and outer.end > relation.end and not outer.start <= relation.cue.start < outer.end]
    if cut:
        relation = replace(relation, end=max(relation.end, cut[0].inner.end))
    opening = Span(relation.start, relation.start + 1)
    around = [quotes[outer] for outer in outers.overlapping(opening)
              if not outer.start <= relation.cue.start < outer.end]
    if not around:
        return relation
    quote = around[0]
    start, end = min(relation.start, quote.inner.start), max(relation.end, quote.inner.end)
    if relation.cue.start >= quote.outer.end:
        following = outers.overlapping(Span(relation.cue.end, relation.cue.end + _GAP_CHARS))
        after = next((quotes[o] for o in following if o.start >= relation.cue.end), None)
        gap = text[relation.cue.end : after.outer.start] if after is not None else ""
        own = Span(relation.start, relation.end)
        if after is not None and "\n" not in gap and any(c in gap for c in ".:") and all(
            other == own for other in contents.overlapping(after.inner)
        ):
            end = max(end, after.inner.end)
    if (start, end) == (relation.start, relation.end):
        return relation
    return replace(relation, start=start, end=end)


def _from_claims(
    analysis: Analysis, tokens: Tokens, parsed: dict[tuple[int, int], Attribution]
) -> list[Attribution]:
    """Claims with a cue as relations, their pieces joined; the parse's source at their cue."""
    text = analysis.document.text
    joined: dict[tuple[int, int], Attribution] = {}
    for claim in analysis.claims:
        if claim.cue is None:
            continue
        key = (claim.cue.start, claim.cue.end)
        before = joined.get(key)
        start = claim.start if before is None else min(before.start, claim.start)
        end = claim.end if before is None else max(before.end, claim.end)
        at_cue = parsed.get(key)
        if at_cue is not None and _overlap(at_cue, Span(start, end)):  # that, "…" against …
            start, end = min(start, at_cue.start), max(end, at_cue.end)
        cue_index = tokens.at(claim.cue.start)  # "he", as written, rather than whom it means
        written = source_at(text, tokens, cue_index) if cue_index is not None else None
        source = claim.speaker
        if written is not None and (not _overlap(written, claim) or _beside_cue(
            text, written, claim.cue
        )) and not any(mark in written.of(text) for mark in _QUOTE_MARKS):
            source = written  # "…, he said, …": the "he" beside the cue in the content
        word = claim.cue.of(text).lower()
        joined[key] = Attribution(start, end, source, claim.cue, kind_of(word))
    return list(joined.values())


def _beside_cue(text: str, source: Span, cue: Span) -> bool:
    if source.end <= cue.start:
        return not text[source.end : cue.start].strip()
    return cue.end <= source.start and not text[cue.end : source.start].strip()


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
