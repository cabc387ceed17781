"""Denials and omissions: statements about what another source said or left out.

* A denial ("X denied that P", "rejected reports that P", "not P but Q") conflicts with the
  claims that assert P.  The denied proposition is read from the claim's sentence (the claim
  span may start after "denied that"), and an assertion matches when its sentence holds most
  of the proposition's content words.
* An explicit omission ("the readout did not mention T") is set beside the claims that state T.

Assertions are found through an inverted index of rare stems (``blocking``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..ids import record_id
from ..language.en.happenings import kinds_in
from ..language.en.speech import CORRECTION_OPENERS
from ..model import Analysis, ClaimRecord, Comparison
from .blocking import StemIndex
from .text import content_stems, overlap, shorten, source_with_date

OMISSION_CUE = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|do not|failed to|made no|makes no|without)\s+"
    r"(?:mention(?:ing)?|refer(?:ring)? to|address(?:ing)?)\b|\bwas silent on\b|\bomitt?ed\b",
    re.IGNORECASE,
)
_DENIED_THAT = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|refut(?:e|es|ed)|dismiss(?:es|ed)?|disput(?:e|es|ed)"
    r"|rebuff(?:s|ed)?|contest(?:s|ed)?)\s+(?:(?:the\s+|as\s+false\s+)?(?:[A-Za-z]+\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|suggestions?|assertions?|charges?|rumou?rs?)"
    r"\s+)?that\s+",
    re.IGNORECASE,
)
_NOT_BUT = re.compile(
    rf"\bnot\s+(?P<denied>[^.;]{{2,160}}?),?\s+but\s+"
    rf"(?=(?:{'|'.join(sorted(CORRECTION_OPENERS))})\b)",
    re.IGNORECASE,
)
_ADDING = r"saying|adding|arguing|insisting|stressing|noting|citing"
"""Participles by which a sentence adds to what a speaker states ("…, saying …")."""
_PROPOSITION_END = re.compile(
    rf",\s*(?:{_ADDING}|calling|while)\b|;|"
    r"\s[\u2013\u2014-]\s|,?\s+but\s|,?\s+focusing\b|,?\s+instead\b|[.!?]\s*$",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"^.*?\b(?:said|says|told|stated|added|claimed|insisted|argued|announced)\s+(?:that\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Denial:
    record: ClaimRecord
    proposition: str
    stems: frozenset[str]


def denied_proposition(sentence: str) -> str | None:
    """What a sentence denies: the clause after "denied that", or P of "not P but Q" with its
    subject ("the strike was not about pay but ..." → "the strike was about pay")."""
    match = _DENIED_THAT.search(sentence)
    if match:
        return proposition_clause(sentence[match.end() :])
    match = _NOT_BUT.search(sentence)
    if match:
        subject = _SPEECH.sub("", sentence[: match.start()]).strip()
        return f"{subject} {proposition_clause(match.group('denied'))}".strip()
    return None


_ADDED_CLAUSE = re.compile(rf",\s*(?:{_ADDING})\b", re.IGNORECASE)


def without_added_clause(text: str) -> str:
    """A statement without the participle clause the sentence adds to it ("aid was not leaving
    the airport, saying 14 centres were set up" → "aid was not leaving the airport")."""
    added = _ADDED_CLAUSE.search(text)
    return text[: added.start()] if added else text


def proposition_clause(text: str) -> str:
    """The clause a proposition is: up to what the sentence adds after it (a participle
    clause, "while", "but", a dash, a semicolon) or to its end."""
    end = _PROPOSITION_END.search(text)
    return text[: end.start()].strip(" ,") if end else text.strip(" ,.")


def compare_denials(claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]) -> list[Comparison]:
    sentences = {r.id: _sentence_text(r, by_id) for r in claims}
    denials, assertions = [], []
    for record in claims:
        proposition = denied_proposition(sentences[record.id])
        stems = content_stems(proposition) if proposition else frozenset()
        if proposition and len(stems) >= 2:
            denials.append(_Denial(record, proposition, stems))
        elif (record.claim.stance == "asserted" and record.claim.polarity == "positive"
              and not OMISSION_CUE.search(sentences[record.id])):
            assertions.append(record)
    if not denials:
        return []
    assertion_stems = [content_stems(sentences[r.id]) for r in assertions]
    index = StemIndex(assertion_stems)
    comparisons = []
    for denial in denials:
        needed = max(2, math.ceil(0.75 * len(denial.stems)))
        chosen: dict[str, tuple[int, ClaimRecord]] = {}
        for position in index.candidates(denial.stems):
            other = assertions[position]
            shared = len(denial.stems & assertion_stems[position])
            if shared < needed or _same_voice(denial.record, other):
                continue
            if sentences[other.id] == sentences[denial.record.id]:
                continue
            key = sentences[other.id]
            if key not in chosen or shared > chosen[key][0]:
                chosen[key] = (shared, other)
        if chosen:
            best = sorted(chosen.values(), key=lambda pair: -pair[0])[:3]
            comparisons.append(_denial_comparison(denial, [r for _, r in best], by_id))
    return comparisons


def _sentence_text(record: ClaimRecord, by_id: dict[str, Analysis]) -> str:
    analysis = by_id[record.document]
    return (analysis.sentence_of(record.claim) or record.claim).of(analysis.document.text)


def _same_voice(a: ClaimRecord, b: ClaimRecord) -> bool:
    return a.document == b.document and (
        (a.attributed_to is not None and a.attributed_to == b.attributed_to)
        or a.claim.speaker_text == b.claim.speaker_text
    )


def _who(record: ClaimRecord, by_id: dict[str, Analysis]) -> str:
    source = source_with_date(by_id[record.document].document)
    speaker = record.claim.speaker_text
    return f"{shorten(speaker, 60)} (in {source})" if speaker else source


def _denial_comparison(
    denial: _Denial, asserting: list[ClaimRecord], by_id: dict[str, Analysis]
) -> Comparison:
    proposition = shorten(denial.proposition, 120)
    said = "; ".join(
        f"{_who(r, by_id)}: \u201c{shorten(_sentence_text(r, by_id), 110)}\u201d" for r in asserting
    )
    return Comparison(
        id=record_id("d", denial.record.id, *(r.id for r in asserting)),
        question=f"Is it true that {proposition.rstrip('.')}?",
        verdict="conflict",
        claims=(denial.record.id, *(r.id for r in asserting)),
        explanation=f"{_who(denial.record, by_id)} denies that {proposition}, which "
        f"{'is' if len(asserting) == 1 else 'are'} asserted by {said}.",
        kind="denial",
    )


# ---- explicit omissions --------------------------------------------------------------------


def compare_omissions(
    claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]
) -> list[Comparison]:
    comparisons: list[Comparison] = []
    sentence_stems: list[frozenset[str]] = []
    sentences: list[str] = []
    index: StemIndex | None = None
    for record in claims:
        sentence = _sentence_text(record, by_id)
        match = OMISSION_CUE.search(sentence)
        if not match:
            continue
        omitted = proposition_clause(sentence[match.end() :])
        topic = _topic_words(omitted)
        if not topic:
            continue
        if index is None:
            sentences = [_sentence_text(other, by_id) for other in claims]
            sentence_stems = [_topic_words(text) for text in sentences]
            index = StemIndex(sentence_stems)
        needed = min(2, len(topic))
        stating: dict[str, tuple[float, ClaimRecord]] = {}
        for position in index.candidates(topic):
            other = claims[position]
            if sentences[position] == sentence or OMISSION_CUE.search(sentences[position]):
                continue
            shared = topic & sentence_stems[position]
            if len(shared) >= needed:
                score = len(shared) + overlap(topic, sentence_stems[position])
                if sentences[position] not in stating or score > stating[sentences[position]][0]:
                    stating[sentences[position]] = (score, other)
        if stating:
            chosen = [r for _, r in sorted(stating.values(), key=lambda p: -p[0])[:2]]
            subject = _SPEECH.sub("", sentence[: match.start()]).strip() or "an account"
            first, _, rest = subject.partition(" ")
            if first in ("The", "A", "An", "Its", "Their", "His", "Her"):
                subject = f"{first.lower()} {rest}"
            comparisons.append(_omission(record, subject, omitted, chosen, by_id))
    return comparisons


def topic_kinds(text: str) -> frozenset[str]:
    """Kinds of happening named in ``text`` as pseudo-words ("@detain" for "held" and
    "detained"), so that topics worded differently still meet."""
    return frozenset("@" + kind for kind in kinds_in(text) if kind != "change")


@lru_cache(maxsize=1 << 14)  # a sentence holds several claims; each is compared by its sentence
def _topic_words(text: str) -> frozenset[str]:
    words = content_stems(text)
    kinds = topic_kinds(text)
    # A word the lexicon knows stands for its kind ("held" and "detained" meet as "@detain").
    return (words - {w for w in words if _names_a_kind(w)}) | kinds


@lru_cache(maxsize=1 << 16)
def _names_a_kind(word: str) -> bool:
    return bool(topic_kinds(word))


def _omission(
    record: ClaimRecord,
    subject: str,
    omitted: str,
    stating: list[ClaimRecord],
    by_id: dict[str, Analysis],
) -> Comparison:
    omitted = shorten(omitted, 80)
    said = "; ".join(
        f"{_who(r, by_id)}: \u201c{shorten(_sentence_text(r, by_id), 110)}\u201d" for r in stating
    )
    return Comparison(
        id=record_id("o", record.id, *(r.id for r in stating)),
        question=f"Does every account mention {omitted}?",
        verdict="omission",
        claims=(record.id, *(r.id for r in stating)),
        explanation=f"{_who(record, by_id)} reports that {subject} "
        f"did not mention {omitted}, which is stated by {said}.",
        kind="omission",
    )
