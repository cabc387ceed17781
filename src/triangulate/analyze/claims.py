"""Claims: checkable statements of a document, each with who asserts it and how.

Quotes are read first (their attribution may sit in another sentence), then each remaining
sentence is tried for ``According to X``, ``X said that …``, trailing ``…, X said.`` and
passive ``It is believed that …``; a checkable sentence without attribution is the outlet's own
claim (speaker None).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace
from operator import attrgetter, itemgetter

from ..language.en.speech import (
    ANAPHORIC_SOURCE_NOUNS,
    ANSWERED_PATTERN,
    CLAUSE_AFTER_CUE,
    COMMON_VERBS,
    DENIAL_CUES,
    DENIAL_PATTERN,
    DETERMINERS,
    HEDGE_PATTERN,
    MONTHS,
    NEGATION_PATTERN,
    NO_COMMENT_PATTERN,
    NOT_BUT_PATTERN,
    NUMBER_WORDS,
    PRONOUN_SPEAKERS,
    SPEAKER_JOINS,
    SUBORDINATORS,
)
from ..model import (
    Analysis,
    Claim,
    Mention,
    Polarity,
    Precision,
    Quantity,
    Sentence,
    Span,
    Stance,
    TimeRange,
)
from .claim_indirect import RawClaim, according_to, put_at, quoted_as_saying, speech_cue
from .claim_quotes import CueMatch, Quote, attribution_after, attribution_before, find_quotes
from .claim_speakers import Token, looks_like_person, resolve_pronoun, tokenize
from .span_index import SpanIndex

_MIN_SENTENCE_WORDS = 5
_start = attrgetter("start")
_MIN_QUOTE_PIECE_WORDS = 3
_ANAPHOR_REACH = 800
_NEGATIVE_OPENING = re.compile(r"(?:No|Nobody|None|Neither|Never|Nothing)\b")
_SUBORDINATE = re.compile(
    r",\s*(?:which|who|whose|although|though|while)\b|\b(?:because|unless|if)\b"
)


def find_claims(analysis: Analysis) -> list[Claim]:
    """Every claim of the document in text order."""
    text = analysis.document.text
    sentences = list(analysis.sentences)
    if not sentences:
        from .nlp import split_sentences

        sentences = split_sentences(text)
        analysis = replace(analysis, sentences=tuple(sentences))
    indexed = _Indexed(analysis, sentences)
    raw, covered = _quote_claims(text, indexed)
    quoted = SpanIndex(covered)
    for sentence in sentences:
        if quoted.any_overlapping(sentence):
            continue
        raw.extend((found, sentence) for found in _sentence_claims(text, sentence, indexed))
    raw.sort(key=lambda item: (item[0].content.start, item[0].content.end))
    return _finish(text, raw, indexed)


class _Indexed:
    """A document's sentences and annotations, looked up by where they lie."""

    def __init__(self, analysis: Analysis, sentences: list[Sentence]) -> None:
        self.sentences = SpanIndex(sentences)
        self.mentions = SpanIndex(analysis.mentions)
        self.times = SpanIndex(analysis.times)
        self.quantities = SpanIndex(analysis.quantities)
        self.annotations = SpanIndex[Span]((*analysis.mentions, *analysis.times,
                                            *analysis.quantities))


def _quote_claims(
    text: str, indexed: _Indexed
) -> tuple[list[tuple[RawClaim, Sentence]], list[Span]]:
    """Claims from attributed quotes, and the stretches they cover."""
    sentences = indexed.sentences
    found: list[tuple[RawClaim, Sentence]] = []
    covered: list[Span] = []
    previous: tuple[RawClaim, int] | None = None
    read: dict[tuple[int, int], list[Token]] = {}
    for quote in find_quotes(text):
        inner_end = quote.inner.end - 1
        while inner_end > quote.inner.start and text[inner_end].isspace():  # ' dead. "'
            inner_end -= 1
        last = _sentence_at(sentences, inner_end)
        first = _sentence_at(sentences, quote.outer.start)
        if last is None or first is None:
            continue
        match = attribution_after(text, quote, last) or _attribution_before_quote(
            text, quote, first, sentences, read
        )
        if match is not None:
            template = _raw_from_match(text, match)
        elif previous is not None and _continues(text, previous[1], quote.outer.start):
            template = previous[0]
        elif (reported := _reported_before(text, quote, first, sentences)) is not None:
            template = reported
        else:
            continue
        pieces = _quote_pieces(text, quote, sentences, template)
        if not pieces:
            continue
        found.extend(pieces)
        trailing = _clause_after_cue(text, match, last, indexed) if match else None
        if trailing is not None:
            found.append((trailing, last))
        covered.extend(sentence for _, sentence in pieces)
        covered.append(last)
        if not quote.orphan:  # up to the last quoted word: '…dead. " \nThe next sentence'
            covered.append(Span(min(first.start, quote.outer.start), inner_end + 1))
        previous = (template, max(last.end, quote.outer.end))
    return found, covered


_CLAUSE_AFTER_CUE_REACH = 8


def _clause_after_cue(
    text: str, match: CueMatch, sentence: Sentence, indexed: _Indexed
) -> RawClaim | None:
    """The outlet's own clause after a quote's attribution, when it gives a figure ('"…,"
    Chan told a news conference as she raised the alert level to phase 5')."""
    attribution_end = max(match.tokens[match.cue[1]].end, match.tokens[match.speaker[1]].end)
    tokens = tokenize(text, attribution_end, sentence.end)
    for index, token in enumerate(tokens[:_CLAUSE_AFTER_CUE_REACH]):
        if token.lower not in CLAUSE_AFTER_CUE:
            continue
        rest = tokens[index + 1 :]
        if len([t for t in rest if t.is_word]) < _MIN_SENTENCE_WORDS:
            return None
        clause = Span(rest[0].start, sentence.end)
        return RawClaim(clause) if indexed.quantities.within(clause) else None
    return None


def _reported_before(
    text: str, quote: Quote, first: Sentence, sentences: SpanIndex[Sentence]
) -> RawClaim | None:
    """The speaker of the sentence right before a quote that opens its own sentence: "X, a
    spokesman, said thousands were feared dead. "Nearly every house was destroyed here." """
    opening = min(first.start, quote.outer.start)
    if text[opening : quote.outer.start].strip():
        return None
    before = sentences.last_before(opening)
    if before is None or text[before.end : opening].strip():
        return None
    found = _attribution(text, tokenize(text, before.start, before.end), before.end)
    if found is None or found.speaker is None or found.cue is None:
        return None
    return RawClaim(found.cue, found.speaker, found.speaker_text, found.cue, list(found.via),
                    found.cue_words)


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quote right after an attributed quote (in its sentence, the next one or the next
    paragraph, with no words of the outlet between) goes on with it."""
    return text[previous_end:start].strip() == ""


def _attribution_before_quote(
    text: str,
    quote: Quote,
    first: Sentence,
    sentences: SpanIndex[Sentence],
    read: dict[tuple[int, int], list[Token]],
) -> CueMatch | None:
    """The attribution before ``quote`` in its sentence ``first`` (or in the sentence before,
    ended by a colon); ``read`` keeps the tokens of sentences already read, for their other
    quotes."""
    start = first.start
    if start >= quote.outer.start:
        before = sentences.last_before(first.start)
        if before is None or not text[: quote.outer.start].rstrip().endswith(":"):
            return None
        start = before.start
    key = (start, first.end)
    if key not in read:
        read[key] = tokenize(text, start, first.end)
    tokens = read[key]
    return attribution_before(tokens[: bisect_left(tokens, quote.outer.start, key=_start)])


def _raw_from_match(text: str, match: CueMatch) -> RawClaim:
    tokens = match.tokens
    speaker = Span(tokens[match.speaker[0]].start, tokens[match.speaker[1]].end)
    cue = Span(tokens[match.cue[0]].start, tokens[match.cue[1]].end)
    cue_words = " ".join(t.lower for t in tokens[match.cue[0] : match.cue[1] + 1])
    return RawClaim(cue, speaker, speaker.of(text), cue, [speaker.of(text)], cue_words)


def _quote_pieces(
    text: str, quote: Quote, sentences: SpanIndex[Sentence], template: RawClaim
) -> list[tuple[RawClaim, Sentence]]:
    pieces: list[tuple[RawClaim, Sentence]] = []
    for sentence in sentences.overlapping(quote.inner):
        own = _own_attribution(text, sentence) if quote.orphan else None
        if own is not None and own.cue_words != "according to":
            continue
        if own is not None:
            own.speaker, own.speaker_text, own.cue = (
                template.speaker,
                template.speaker_text,
                template.cue,
            )
            own.via = [*template.via, *own.via]
            pieces.append((own, sentence))
            continue
        start, end = max(sentence.start, quote.inner.start), min(sentence.end, quote.inner.end)
        while start < end and text[start] in ' \t"“”«»':
            start += 1
        while end > start and text[end - 1] in ' \t,"“”«»—–-':
            end -= 1
        if len(text[start:end].split()) < _MIN_QUOTE_PIECE_WORDS:
            continue
        piece = RawClaim(
            Span(start, end),
            template.speaker,
            template.speaker_text,
            template.cue,
            list(template.via),
            template.cue_words,
        )
        pieces.append((piece, sentence))
    return pieces


def _own_attribution(text: str, sentence: Sentence) -> RawClaim | None:
    tokens = tokenize(text, sentence.start, sentence.end)
    found = _attribution(text, tokens, sentence.end)
    return found if found is not None and found.speaker is not None else None


def _attribution(text: str, tokens: list[Token], end: int) -> RawClaim | None:
    """``According to X`` unless a speech cue comes first: ``X said …, according to Y``; ``X
    quoted Y as saying …``."""
    relayed = quoted_as_saying(text, tokens, end)
    if relayed is not None:
        return relayed
    reported = according_to(text, tokens, end)
    spoken = speech_cue(text, tokens, end)
    if reported is None or reported.cue is None:
        return spoken if spoken is not None else put_at(text, tokens, end)
    if spoken is not None and spoken.cue is not None and spoken.cue.start < reported.cue.start:
        spoken.via = [*reported.via[:1], *spoken.via]
        return spoken
    return reported


def _sentence_at(sentences: SpanIndex[Sentence], offset: int) -> Sentence | None:
    around = sentences.overlapping(Span(offset, offset + 1))
    return around[0] if around else None


def _sentence_claims(text: str, sentence: Sentence, indexed: _Indexed) -> list[RawClaim]:
    tokens = tokenize(text, sentence.start, sentence.end)
    if not tokens:
        return []
    found = _attribution(text, tokens, sentence.end)
    if found is not None:
        leading = _leading_clause(text, tokens, found, indexed)
        reports = _second_speaker(text, tokens, found, sentence.end) or [found]
        return reports if leading is None else [leading, *reports]
    if _is_checkable(text, sentence, tokens, indexed):
        return [RawClaim(Span(sentence.start, sentence.end))]
    return []


def _second_speaker(
    text: str, tokens: list[Token], found: RawClaim, end: int
) -> list[RawClaim] | None:
    """A second speaker's report joined to the first's ("Texas health authorities confirmed a
    third case and California said it now had 11 confirmed cases"): two claims, each with its
    own speaker."""
    if found.speaker is None or found.content.start < found.speaker.end:
        return None
    for index in range(1, len(tokens) - 1):
        join = tokens[index]
        if join.start <= found.content.start or join.end >= found.content.end:
            continue
        before = tokens[index - 1]
        if join.lower not in SPEAKER_JOINS or not before.is_word or before.is_capitalized:
            continue  # "the US and UN estimate" is one subject
        rest = tokens[index + 1 :]
        second = speech_cue(text, rest, end)
        if second is None or second.speaker is None or second.speaker.start != rest[0].start:
            continue
        first = replace(found, content=Span(found.content.start, tokens[index - 1].end))
        return [first, second]
    return None


def _leading_clause(
    text: str, tokens: list[Token], found: RawClaim, indexed: _Indexed
) -> RawClaim | None:
    """The outlet's own clause before a speaker whose report follows the cue, when it gives a
    figure: "the two carmakers were given $17 billion, after they warned of …", "In Ruritania,
    where 75 deaths have occurred, officials said …"; "X put the toll at 50,000, while Y said …"
    is X's estimate."""
    if found.speaker is None or found.content.start < found.speaker.end:
        return None
    before = [t for t in tokens if t.end <= found.speaker.start]
    while before and (not before[-1].is_word or before[-1].lower in SUBORDINATORS
                      or before[-1].lower in DETERMINERS):
        before.pop()
    words = [t for t in before if t.is_word]
    if len(words) < _MIN_SENTENCE_WORDS or not _has_verb(words):
        return None
    clause = Span(before[0].start, before[-1].end)
    if not indexed.quantities.within(clause):
        return None
    estimate = put_at(text, before, clause.end)  # "the agency put the toll at 50, but X said …"
    return estimate if estimate is not None else RawClaim(clause)


def _is_checkable(text: str, sentence: Sentence, tokens: list[Token], indexed: _Indexed) -> bool:
    words = [t for t in tokens if t.is_word]
    if len(words) < _MIN_SENTENCE_WORDS:
        return False
    punctuated = text[sentence.end - 1] in '.!?"”»)'
    if not punctuated and _title_like(words):
        return False
    if not punctuated and not _has_verb(words):
        return False
    if indexed.annotations.within(sentence):
        return True
    return any(
        any(c.isdigit() for c in w.text)
        or w.lower in NUMBER_WORDS
        or w.lower in MONTHS
        or (w.is_capitalized and i > 0 and w.lower not in DETERMINERS)
        for i, w in enumerate(words)
    )


def _has_verb(words: list[Token]) -> bool:
    return any(
        w.lower in COMMON_VERBS or (w.text.islower() and w.lower.endswith("ed") and len(w.text) > 4)
        for w in words
    )


def _title_like(words: list[Token]) -> bool:
    capitalized = sum(1 for w in words if w.text[0].isupper())
    return capitalized / len(words) > 0.6


def _finish(text: str, raw: list[tuple[RawClaim, Sentence]], indexed: _Indexed) -> list[Claim]:
    claims: list[Claim] = []
    earlier: list[tuple[int, Span, str, bool]] = []
    resolved: list[RawClaim] = []
    for item, sentence in raw:
        written_end = item.speaker.end if item.speaker is not None else -1
        _resolve_speaker(text, item, indexed.mentions, earlier, indexed.sentences)
        _link_anaphor(item, resolved, indexed.mentions)
        if item.speaker is not None and item.speaker_text is not None:
            person = looks_like_person(item.speaker_text, indexed.mentions, item.speaker)
            insort(earlier, (written_end, item.speaker, item.speaker_text, person),
                   key=itemgetter(0))
        resolved.append(item)
        claims.append(_claim(text, item, sentence, indexed))
    return claims


def _resolve_speaker(
    text: str,
    item: RawClaim,
    mentions: SpanIndex[Mention],
    earlier: list[tuple[int, Span, str, bool]],
    sentences: SpanIndex[Sentence],
) -> None:
    if item.speaker is None or item.speaker_text is None:
        return
    if item.speaker_text.lower() not in PRONOUN_SPEAKERS:
        return
    pronoun = Token(item.speaker.start, item.speaker.end, item.speaker_text)
    antecedent = resolve_pronoun(text, pronoun, mentions, earlier, item.content, sentences)
    if antecedent is None:
        return
    item.speaker, item.speaker_text = antecedent
    item.via = [antecedent[1], *item.via[1:]]


def _link_anaphor(item: RawClaim, resolved: list[RawClaim], mentions: SpanIndex[Mention]) -> None:
    """``the reports revealed`` after ``the media revealed``: the relay comes before its source
    (outermost first: the outlet cites "the reports", which cite "the media")."""
    if item.speaker_text is None or item.speaker is None:
        return
    words = item.speaker_text.lower().split()
    if len(words) > 3 or words[0] not in DETERMINERS or words[-1] not in ANAPHORIC_SOURCE_NOUNS:
        return
    for previous in reversed(resolved):
        if previous.speaker is None or previous.speaker_text is None:
            continue
        if item.speaker.start - previous.speaker.end > _ANAPHOR_REACH:
            return
        if previous.speaker_text.lower() == item.speaker_text.lower():
            item.via = list(previous.via)
            return
        previous_words = previous.speaker_text.lower().split()
        if previous_words[-1] in ANAPHORIC_SOURCE_NOUNS:
            if len(previous.via) > 1:
                item.via = [item.speaker_text, *previous.via]
                return
            continue
        if looks_like_person(previous.speaker_text, mentions, previous.speaker):
            continue
        item.via = [item.speaker_text, *previous.via]
        return


def _claim(text: str, item: RawClaim, sentence: Sentence, indexed: _Indexed) -> Claim:
    content = item.content
    times = [t for t in indexed.times.within(content) if t.date_start]
    time = None
    if times:
        precisions = [t.precision for t in times if t.precision]
        time = TimeRange(
            start=min(str(t.date_start) for t in times),
            end=max(str(t.date_end or t.date_start) for t in times),
            precision=_coarsest(precisions),
        )
    quantities: tuple[Quantity, ...] = tuple(indexed.quantities.within(content))
    return Claim(
        start=content.start,
        end=content.end,
        text=content.of(text),
        speaker=item.speaker,
        speaker_text=item.speaker_text,
        cue=item.cue,
        via=tuple(item.via),
        stance=_stance(text, item, sentence),
        polarity=_polarity(text, item),
        time=time,
        quantities=quantities,
    )


def _coarsest(precisions: list[Precision]) -> Precision | None:
    levels: tuple[Precision, ...] = ("year", "month", "day")
    for level in levels:
        if level in precisions:
            return level
    return None


def _stance(text: str, item: RawClaim, sentence: Sentence) -> Stance:
    content = item.content.of(text)
    if content.rstrip(' "”»').endswith("?") or (
        item.speaker is None and text[sentence.start : sentence.end].rstrip(' "”»').endswith("?")
    ):
        return "questioned"
    if _denies(text, item, sentence):
        return "denied"
    frame = text[sentence.start : sentence.end] if item.speaker is None else content
    if item.hedged_frame or item.cue_words in ("alleged", "alleges") or HEDGE_PATTERN.search(frame):
        return "hedged"
    return "asserted"


def _denies(text: str, item: RawClaim, sentence: Sentence) -> bool:
    """A denial rejects a proposition: a denial verb as the cue ("X denied that ..."), or one
    in the claim's own words ("the reports are false"; "not X but Y" when the sentence names
    the reports it answers). A negative statement ("no one has claimed responsibility") is an
    assertion with negative polarity, and declining to comment is neither."""
    content = item.content.of(text)
    if NO_COMMENT_PATTERN.search(content):
        return False
    frame_start = item.content.start
    if item.cue is not None and item.cue_words in DENIAL_CUES:
        frame_start = item.cue.start  # "rejected the claims that ..."
    frame = text[frame_start : item.content.end]
    if DENIAL_PATTERN.search(frame) is not None:
        return True
    contrast = NOT_BUT_PATTERN.search(frame)
    if contrast is None:
        return False
    start, end = frame_start + contrast.start(), frame_start + contrast.end()
    around = text[sentence.start : start] + " " + text[end : sentence.end]
    return ANSWERED_PATTERN.search(around) is not None  # not "did not result in charges, but"


def _polarity(text: str, item: RawClaim) -> Polarity:
    main = _SUBORDINATE.split(item.content.of(text), maxsplit=1)[0]
    negated = NEGATION_PATTERN.search(main) or _NEGATIVE_OPENING.match(main)
    return "negative" if negated else "positive"
