"""Attribution relations of a document: who (source) attributes what (content) with which words
(cue), as PolNeAR annotates them.

Each cue of the learned lexicon (``language/en/attribution_cues``) is read in the dependency
parse (``attribution_tree``). Around it, the document: a speaker and cue alone after a quote
report that quote; a line that opens with a name and a colon is that name's (a headline or a
transcript); a clause that introduces a quote with a colon or a comma, or a cue that ends its
line with a colon, reports that quote or the next paragraph; quotes and sentences whose claims
already carry a cue (``claims``) keep the claim's content, joined over the pieces of one quote,
with the source the parse finds at the cue, unless the parse reads the cue's clause after it
where the claim read a speaker (``X, who …, said Y did …``) or the claim holds only the cue's
time and place (``"…," X said at a meeting``); a quoted content runs over its whole quote and
the quote right after its cue's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..language.en.attribution_cues import ATTRIBUTION_CUE_FORMS, CLAUSAL_CUE_FORMS
from ..language.en.speech import CUE_PREPOSITIONS
from ..model import Analysis, Claim, Span, Tokens
from .attribution_tree import (
    MIN_CONTENT_WORDS,
    Attribution,
    child_with,
    kind_of,
    marker_of,
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
_OBLIQUES = ("obl", "obl:unmarked", "obl:tmod", "obl:npmod", "advmod")
_ADJUNCTS = (*_OBLIQUES, "advcl")
_TITLE_SOURCE_WORDS = 6
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
    for relation in _introduced(text, tokens, quotes.values(), found):
        found[(relation.cue.start, relation.cue.end)] = relation
    cues = SpanIndex([relation.cue for relation in found.values()])
    for key in [key for key in found if any(  # "according" inside "according to": one cue
        cue.start <= key[0] and key[1] <= cue.end and (cue.start, cue.end) != key
        for cue in cues.overlapping(Span(*key))
    )]:
        del found[key]
    contents = SpanIndex([Span(relation.start, relation.end) for relation in found.values()])
    whole = (_whole_quote(text, relation, quotes, outers, contents)
             for relation in found.values())
    return sorted(whole, key=lambda r: (r.start, r.end))


def _line_speakers(analysis: Analysis) -> list[Attribution]:
    """A line that opens with a person's or an organisation's name and a colon is theirs: a
    headline (``Jane Doe: The Plan Has Failed``) or a transcript (``DOE: Well, look, …``); so
    is the title's, after a few capitalised words (``Poll: The Race Is Tied``)."""
    text = analysis.document.text
    speakers = SpanIndex([mention for mention in analysis.mentions
                          if mention.type in ("person", "organization")])
    title = text[: len(text) - len(text.lstrip())].count("\n")  # the first line with words
    found = []
    for line in _SPEAKER_LINE.finditer(text):
        source = Span(line.start("source"), line.end("source"))
        if not any(mention.end == source.end for mention in speakers.overlapping(source)) and (
            text.count("\n", 0, line.start()) != title or not _title_source(source.of(text))
        ):
            continue
        content = Span(line.start("content"), line.end("content"))
        if len(content.of(text).split()) >= MIN_CONTENT_WORDS:
            cue = Span(source.end, source.end + 1)
            found.append(Attribution(content.start, content.end, source, cue, "speech"))
    return found


def _title_source(words: str) -> bool:
    names = words.split()
    return 0 < len(names) <= _TITLE_SOURCE_WORDS and names[0][0].isupper()


_INTRODUCING_MARK = re.compile(r"(?<=[\w)])(?::[ \t]*(?:\n[ \t\n]*)?|,[ \t]*(?=[\"“]))")


def _introduced(
    text: str, tokens: Tokens, quotes: Iterable[Quote], found: dict[tuple[int, int], Attribution]
) -> list[Attribution]:
    """What a clause with a subject introduces with a colon: the quote right after it (``The
    piece used her words as its headline: "…"``), or, after a cue that ends its line, the next
    paragraph (``The governor added:``); the quote a cue introduces with a comma (``laughed and
    said, "…"``)."""
    opening = {quote.outer.start: quote for quote in quotes}
    contents = SpanIndex([Span(relation.start, relation.end) for relation in found.values()])
    introduced = []
    for mark in _INTRODUCING_MARK.finditer(text):
        quote = opening.get(mark.end())
        if quote is not None:
            content = quote.inner
        elif "\n" in mark.group():
            line_end = text.find("\n", mark.end())
            content = Span(mark.end(), len(text) if line_end < 0 else line_end)
        else:
            continue
        verb = tokens.at(mark.start() - 1)
        if verb is None:
            continue
        while tokens.heads[verb] != verb and mark.group()[0] == ":":
            verb = tokens.heads[verb]  # the clause's verb: "used … as its headline:"
        word = text[tokens.starts[verb] : tokens.ends[verb]].lower()
        if tokens.pos[verb] not in ("VERB", "AUX") or tokens.ends[verb] > mark.start():
            continue
        if (quote is None or mark.group()[0] == ",") and (
            word not in ATTRIBUTION_CUE_FORMS and word not in CLAUSAL_CUE_FORMS
        ):
            continue
        cue = Span(tokens.starts[verb], tokens.ends[verb])
        at_cue = found.get((cue.start, cue.end))
        if at_cue is not None and at_cue.end > cue.start:
            continue
        if at_cue is None and contents.any_overlapping(content):
            continue  # (a relation at the cue read back over a quote before "X added:" is not)
        source = source_at(text, tokens, verb)
        if source is None or len(content.of(text).split()) < MIN_CONTENT_WORDS:
            continue
        introduced.append(Attribution(content.start, content.end, source, cue, kind_of(word)))
    return introduced


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
        at_cue = parsed.get(key)
        if _adjuncts_only(text, tokens, claim):  # "…," X said at an event this month.
            if at_cue is not None and at_cue.end <= claim.cue.start:
                joined[key] = at_cue
            continue
        before = joined.get(key)
        start = claim.start if before is None else min(before.start, claim.start)
        end = claim.end if before is None else max(before.end, claim.end)
        if at_cue is not None and _overlap(at_cue, Span(start, end)):  # that, "…" against …
            start, end = min(start, at_cue.start), max(end, at_cue.end)
        elif at_cue is not None and _speaker_in_clause(tokens, claim, at_cue):
            joined[key] = at_cue  # "X, who …, said Y did not …": not "…, said Y"
            continue
        elif at_cue is not None and claim.cue.end <= at_cue.start < start and _one_sentence(
            analysis, Span(at_cue.start, end)
        ) and _clause_after(tokens, claim.cue):
            start = at_cue.start  # says she hopes …, but she knows that "…"
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


def _adjuncts_only(text: str, tokens: Tokens, claim: Claim) -> bool:
    """The claim is what follows a cue that has no complement: its time, place or manner."""
    cue = None if claim.cue is None else tokens.at(claim.cue.start)
    if cue is None or claim.start < tokens.ends[cue]:
        return False
    if tokens.ends[subtree(tokens, cue)[1]] < claim.end:
        return False
    after = [child for child in tokens.children(cue)
             if child > cue and tokens.deps[child] != "punct"]
    return (
        bool(after) and tokens.deps[after[0]] in _OBLIQUES
        and marker_of(text, tokens, after[0]) not in CUE_PREPOSITIONS  # "said of …", "warned of"
        and tokens.starts[subtree(tokens, after[0])[0]] == claim.start
        and all(tokens.deps[child] in _ADJUNCTS for child in after)
    )


def _clause_after(tokens: Tokens, cue: Span) -> bool:
    index = tokens.at(cue.start)
    clause = None if index is None else child_with(tokens, index, ("ccomp",))
    return index is not None and clause is not None and clause > index


def _one_sentence(analysis: Analysis, span: Span) -> bool:
    sentence = analysis.sentence_of(Span(span.start, span.start + 1))
    return sentence is not None and span.end <= sentence.end


def _speaker_in_clause(tokens: Tokens, claim: Claim, parsed: Attribution) -> bool:
    """The claim's speaker is the subject of the clause the parse reads as the cue's
    complement after it: the claim read the cue as set after its content."""
    cue = tokens.at(parsed.cue.start)
    speaker = claim.speaker
    if cue is None or speaker is None or not _clause_after(tokens, parsed.cue):
        return False
    clause = child_with(tokens, cue, ("ccomp",))
    return (
        clause is not None and child_with(tokens, clause, ("nsubj",)) is not None
        and parsed.cue.end <= parsed.start <= speaker.start and speaker.end <= parsed.end
    )


def _beside_cue(text: str, source: Span, cue: Span) -> bool:
    if source.end <= cue.start:
        return not text[source.end : cue.start].strip()
    return cue.end <= source.start and not text[cue.end : source.start].strip()


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
