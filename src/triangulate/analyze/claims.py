"""Claims: checkable statements of a document, each with who asserts it and how.

Quotes are read first (their attribution may sit in another sentence), then each remaining
sentence is tried for ``According to X``, ``X said that …``, trailing ``…, X said.`` and
passive ``It is believed that …``; a checkable sentence without attribution is the outlet's own
claim (speaker None).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import (
    Analysis,
    Claim,
    Mention,
    Precision,
    Quantity,
    Sentence,
    Span,
    Stance,
    TimeRange,
)
from .claim_indirect import RawClaim, according_to, speech_cue
from .claim_lexicon import (
    ANAPHORIC_SOURCE_NOUNS,
    COMMON_VERBS,
    DENIAL_CUES,
    DETERMINERS,
    HEDGE_PATTERN,
    MONTHS,
    NEGATION_PATTERN,
    NUMBER_WORDS,
    PRONOUN_SPEAKERS,
)
from .claim_quotes import CueMatch, Quote, attribution_after, attribution_before, find_quotes
from .claim_speakers import Token, looks_like_person, resolve_pronoun, tokenize

_MIN_SENTENCE_WORDS = 5
_MIN_QUOTE_PIECE_WORDS = 3
_ANAPHOR_REACH = 800
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
    raw, covered = _quote_claims(text, sentences)
    for sentence in sentences:
        if any(sentence.overlaps(span) for span in covered):
            continue
        found = _sentence_claim(text, sentence, analysis)
        if found is not None:
            raw.append((found, sentence))
    raw.sort(key=lambda item: (item[0].content.start, item[0].content.end))
    return _finish(text, raw, analysis)


def _quote_claims(
    text: str, sentences: list[Sentence]
) -> tuple[list[tuple[RawClaim, Sentence]], list[Span]]:
    """Claims from attributed quotes, and the stretches they cover."""
    found: list[tuple[RawClaim, Sentence]] = []
    covered: list[Span] = []
    previous: tuple[RawClaim, int] | None = None
    for quote in find_quotes(text):
        last = _sentence_at(sentences, quote.inner.end - 1)
        first = _sentence_at(sentences, quote.outer.start)
        if last is None or first is None:
            continue
        match = attribution_after(text, quote, last) or _attribution_before_quote(
            text, quote, first, sentences
        )
        if match is not None:
            template = _raw_from_match(text, match)
        elif previous is not None and _continues(text, previous[1], quote.outer.start):
            template = previous[0]
        else:
            continue
        pieces = _quote_pieces(text, quote, sentences, template)
        if not pieces:
            continue
        found.extend(pieces)
        covered.extend(sentence for _, sentence in pieces)
        covered.append(last)
        if not quote.orphan:
            covered.append(Span(min(first.start, quote.outer.start), quote.outer.end))
        previous = (template, max(last.end, quote.outer.end))
    return found, covered


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quote that opens a paragraph right after an attributed quote goes on with it."""
    gap = text[previous_end:start]
    return gap.strip() == "" and "\n" in gap


def _attribution_before_quote(
    text: str, quote: Quote, first: Sentence, sentences: list[Sentence]
) -> CueMatch | None:
    start = first.start
    if start >= quote.outer.start:
        index = sentences.index(first)
        if index == 0 or not text[: quote.outer.start].rstrip().endswith(":"):
            return None
        start = sentences[index - 1].start
    return attribution_before(text, quote, start)


def _raw_from_match(text: str, match: CueMatch) -> RawClaim:
    tokens = match.tokens
    speaker = Span(tokens[match.speaker[0]].start, tokens[match.speaker[1]].end)
    cue = Span(tokens[match.cue[0]].start, tokens[match.cue[1]].end)
    cue_words = " ".join(t.lower for t in tokens[match.cue[0] : match.cue[1] + 1])
    return RawClaim(cue, speaker, speaker.of(text), cue, [speaker.of(text)], cue_words)


def _quote_pieces(
    text: str, quote: Quote, sentences: list[Sentence], template: RawClaim
) -> list[tuple[RawClaim, Sentence]]:
    pieces: list[tuple[RawClaim, Sentence]] = []
    for sentence in sentences:
        if not sentence.overlaps(quote.inner):
            continue
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
    """``According to X`` unless a speech cue comes first: ``X said …, according to Y``."""
    reported = according_to(text, tokens, end)
    spoken = speech_cue(text, tokens, end)
    if reported is None or reported.cue is None:
        return spoken
    if spoken is not None and spoken.cue is not None and spoken.cue.start < reported.cue.start:
        spoken.via = [*reported.via[:1], *spoken.via]
        return spoken
    return reported


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def _sentence_claim(text: str, sentence: Sentence, analysis: Analysis) -> RawClaim | None:
    tokens = tokenize(text, sentence.start, sentence.end)
    if not tokens:
        return None
    found = _attribution(text, tokens, sentence.end)
    if found is not None:
        return found
    if _is_checkable(text, sentence, tokens, analysis):
        return RawClaim(Span(sentence.start, sentence.end))
    return None


def _is_checkable(text: str, sentence: Sentence, tokens: list[Token], analysis: Analysis) -> bool:
    words = [t for t in tokens if t.is_word]
    if len(words) < _MIN_SENTENCE_WORDS:
        return False
    punctuated = text[sentence.end - 1] in '.!?"”»)'
    if not punctuated and _title_like(words):
        return False
    has_verb = punctuated or any(
        w.lower in COMMON_VERBS or (w.text.islower() and w.lower.endswith("ed") and len(w.text) > 4)
        for w in words
    )
    if not has_verb:
        return False
    inside = [
        a
        for a in (*analysis.mentions, *analysis.times, *analysis.quantities)
        if sentence.contains(a)
    ]
    if inside:
        return True
    return any(
        any(c.isdigit() for c in w.text)
        or w.lower in NUMBER_WORDS
        or w.lower in MONTHS
        or (w.is_capitalized and i > 0 and w.lower not in DETERMINERS)
        for i, w in enumerate(words)
    )


def _title_like(words: list[Token]) -> bool:
    capitalized = sum(1 for w in words if w.text[0].isupper())
    return capitalized / len(words) > 0.6


def _finish(text: str, raw: list[tuple[RawClaim, Sentence]], analysis: Analysis) -> list[Claim]:
    claims: list[Claim] = []
    earlier: list[tuple[int, Span, str, bool]] = []
    resolved: list[RawClaim] = []
    for item, sentence in raw:
        written_end = item.speaker.end if item.speaker is not None else -1
        _resolve_speaker(text, item, analysis.mentions, earlier, analysis.sentences)
        _link_anaphor(item, resolved, analysis.mentions)
        if item.speaker is not None and item.speaker_text is not None:
            person = looks_like_person(item.speaker_text, analysis.mentions, item.speaker)
            earlier.append((written_end, item.speaker, item.speaker_text, person))
        resolved.append(item)
        claims.append(_claim(text, item, sentence, analysis))
    return claims


def _resolve_speaker(
    text: str,
    item: RawClaim,
    mentions: tuple[Mention, ...],
    earlier: list[tuple[int, Span, str, bool]],
    sentences: tuple[Sentence, ...],
) -> None:
    if item.speaker is None or item.speaker_text is None:
        return
    if item.speaker_text.lower() not in PRONOUN_SPEAKERS:
        return
    pronoun = Token(item.speaker.start, item.speaker.end, item.speaker_text)
    antecedent = resolve_pronoun(pronoun, mentions, earlier, item.content, sentences)
    if antecedent is None:
        return
    item.speaker, item.speaker_text = antecedent
    item.via = [antecedent[1], *item.via[1:]]


def _link_anaphor(item: RawClaim, resolved: list[RawClaim], mentions: tuple[Mention, ...]) -> None:
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


def _claim(text: str, item: RawClaim, sentence: Sentence, analysis: Analysis) -> Claim:
    content = item.content
    times = [t for t in analysis.times if content.contains(t) and t.date_start]
    time = None
    if times:
        precisions = [t.precision for t in times if t.precision]
        time = TimeRange(
            start=min(str(t.date_start) for t in times),
            end=max(str(t.date_end or t.date_start) for t in times),
            precision=_coarsest(precisions),
        )
    quantities: tuple[Quantity, ...] = tuple(q for q in analysis.quantities if content.contains(q))
    return Claim(
        start=content.start,
        end=content.end,
        text=content.of(text),
        speaker=item.speaker,
        speaker_text=item.speaker_text,
        cue=item.cue,
        via=tuple(item.via),
        stance=_stance(text, item, sentence),
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
    if item.cue_words in DENIAL_CUES or _negated(content):
        return "denied"
    frame = text[sentence.start : sentence.end] if item.speaker is None else content
    if item.hedged_frame or item.cue_words in ("alleged", "alleges") or HEDGE_PATTERN.search(frame):
        return "hedged"
    return "asserted"


def _negated(content: str) -> bool:
    main = _SUBORDINATE.split(content, maxsplit=1)[0]
    return NEGATION_PATTERN.search(main) is not None
