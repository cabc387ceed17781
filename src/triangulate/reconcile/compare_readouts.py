"""Implicit omissions: two sides' accounts of one call or meeting, one silent on what the other
stresses.

For each call or meeting with at least two participants, every document that reports it gives a
passage (the sentence of the mention and a few following ones, up to the next dated event or a
change of topic).  The attributed claims in those passages are the accounts; a claim belongs to
a participant's side when its speaker names that participant, or a word the documents tie to
the participant ("<Demonym> President <Name>" ties the demonym and its country to the name).
When one side stresses something (a figure or a stress cue) whose topic words are essentially
absent from everything the other side is reported to say, that is an omission.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison, Event, EventMention, Mention, Sentence
from .text import content_stems, content_words, origin_of, shorten, source_with_date, stem

READOUT_EVENT_TYPES = frozenset({"communication", "meeting"})
PASSAGE_FOLLOWING_SENTENCES = 6
OMISSION_OVERLAP_BELOW = 0.2
MIN_TOPIC_WORDS = 2

_SIDE_MENTION_TYPES = frozenset({"person", "organization", "group", "location"})
_STRESS = re.compile(
    r"\b(?:stress(?:ed|es|ing)?|emphasi[sz](?:ed|es|ing)|underscor(?:ed|es|ing)|"
    r"underlin(?:ed|es|ing)|highlight(?:ed|s|ing)|insist(?:ed|s|ing)?|main (?:purpose|focus|topic)"
    r"|(?:raised|voiced|expressed) (?:\w+ )?concerns?)\b",
    re.IGNORECASE,
)
_NEW_TOPIC = re.compile(
    r"^\W*(?:meanwhile|separately|elsewhere|in other news|in a separate|on another|"
    r"in another|earlier (?:this|that|in)|last (?:week|month|year)|later that)\b",
    re.IGNORECASE,
)
_OMISSION_WORDS = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|made no|without)\s+(?:mention|refer|address)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"(?:he|she|his|her|its|their|they)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


# How a reader names each kind of event in a question.
_EVENT_NOUNS = {"communication": "call", "meeting": "meeting"}


def _words(text: str) -> list[str]:
    return text.split()


_TITLES = frozenset(
    _words(
        "president vice prime minister ministers chancellor premier king queen prince "
        "crown emir sultan sheikh secretary foreign defence defense interior finance "
        "trade chief leader senator governor ambassador envoy spokesperson spokesman "
        "spokeswoman general deputy mayor pope head director commander mr mrs ms dr the"
    )
)

_GENERIC = frozenset(
    _words(
        "call called calls phone telephone conversation conversations talk talks talked "
        "meeting met meet discuss discussed discussion readout statement side sides party "
        "parties counterpart counterparts leader leaders president minister prime foreign "
        "office government ministry official officials country countries two both noted "
        "stressed emphasized emphasised insisted raised concern concerns underscored "
        "underlined highlighted main purpose focus topic agreed spoke said says told "
        "added according mention mentioned issue issues matter matters relations "
        "bilateral today yesterday monday tuesday wednesday thursday friday saturday "
        "sunday january february march april may june july august september october "
        "november december"
    )
)


@dataclass(frozen=True)
class _Account:
    record: ClaimRecord
    analysis: Analysis
    sentence: str
    origin: str  # the document this one copies, else its own id


def compare_readouts(
    analyses: Sequence[Analysis],
    claims: Sequence[ClaimRecord],
    events: Sequence[Event],
    known: Sequence[Comparison] = (),
) -> list[Comparison]:
    """Omission comparisons between the sides' accounts of each call or meeting.

    ``known`` are comparisons already made; a claim already set beside an explicit omission
    is not reported again."""
    by_id = {a.document.id: a for a in analyses}
    claims_by_doc: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in claims:
        if record.claim.speaker_text:
            claims_by_doc[record.document].append(record)
    flagged = {cid for c in known if c.verdict == "omission" for cid in c.claims}
    comparisons: list[Comparison] = []
    for event in events:
        if event.type not in READOUT_EVENT_TYPES or len(set(event.participants)) < 2:
            continue
        comparisons += _event_omissions(event, by_id, claims_by_doc, flagged)
    return comparisons


def _event_omissions(
    event: Event,
    by_id: dict[str, Analysis],
    claims_by_doc: dict[str, list[ClaimRecord]],
    flagged: set[str],
) -> list[Comparison]:
    accounts: list[_Account] = []
    participants: list[Mention] = []
    seen_claims: set[str] = set()
    for doc_id in event.documents:
        analysis = by_id.get(doc_id)
        if analysis is None:
            continue
        spans = {(m.start, m.end) for m in event.mentions if m.document == doc_id}
        mentions = [m for m in analysis.events if (m.start, m.end) in spans]
        passage = _passage(analysis, mentions, event)
        text = analysis.document.text
        for mention in mentions:
            participants += [p for p in mention.participants if p.type in _SIDE_MENTION_TYPES]
        for record in claims_by_doc.get(doc_id, ()):
            sentence = analysis.sentence_of(record.claim)
            if sentence is None or sentence.start not in passage or record.id in seen_claims:
                continue
            seen_claims.add(record.id)
            accounts.append(
                _Account(record, analysis, sentence.of(text), origin_of(analysis, by_id))
            )
    affiliations = _affiliations(participants, [by_id[d] for d in event.documents if d in by_id])
    sides = _sides(accounts, affiliations)
    if len(sides) < 2:
        return []
    names = {stem(w) for words in affiliations.values() for w in words}
    comparisons: list[Comparison] = []
    for side_a, told_a in sides.items():
        for side_b, told_b in sides.items():
            if side_a == side_b:
                continue
            found = _omission(event, told_a, told_b, names, flagged)
            if found:
                comparisons.append(found)
    return comparisons


# ---- passages --------------------------------------------------------------------------------


def _passage(analysis: Analysis, mentions: Sequence[EventMention], event: Event) -> set[int]:
    """Start offsets of the sentences that tell of the event in this document."""
    text = analysis.document.text
    sentences = analysis.sentences
    starts: set[int] = set()
    for mention in mentions:
        first = next((i for i, s in enumerate(sentences) if s.start <= mention.start < s.end), None)
        if first is None:
            continue
        starts.add(sentences[first].start)
        for sentence in sentences[first + 1 : first + 1 + PASSAGE_FOLLOWING_SENTENCES]:
            if _NEW_TOPIC.search(sentence.of(text)) or _other_dated_event(
                analysis, sentence, event
            ):
                break
            starts.add(sentence.start)
    return starts


def _other_dated_event(analysis: Analysis, sentence: Sentence, event: Event) -> bool:
    for mention in analysis.events:
        if not (sentence.start <= mention.start < sentence.end):
            continue
        if mention.date is not None and mention.date.start and mention.date.start != event.start:
            return True
    return False


# ---- sides -----------------------------------------------------------------------------------


def _fold(word: str) -> str:
    word = word.replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip("'-").casefold()


def _country_code(word: str) -> str | None:
    from ..analyze.entity_gazetteer import country_codes
    from ..language.en.demonyms import demonyms

    folded = _fold(word)
    return demonyms().get(folded) or country_codes().get(folded) or None


def _affiliation_words(words: Iterable[str]) -> set[str]:
    """Folded words, with their country as ``@XX`` when they name or describe one."""
    found: set[str] = set()
    for word in words:
        folded = _fold(word)
        if not folded or folded in _TITLES:
            continue
        found.add(folded)
        code = _country_code(word)
        if code:
            found.add("@" + code)
    return found


def _key(mention: Mention) -> str:
    words = [w for w in _WORD.findall(mention.text) if _fold(w) not in _TITLES]
    if not words:
        return _fold(mention.text)
    return _fold(words[-1]) if mention.type == "person" else " ".join(_fold(w) for w in words)


def _affiliations(
    participants: Sequence[Mention], analyses: Sequence[Analysis]
) -> dict[str, set[str]]:
    """Participant key -> words that stand for that participant: its names, its country, and
    the demonym or country written right before a title and its name in the documents."""
    words: dict[str, set[str]] = defaultdict(set)
    for mention in participants:
        key = _key(mention)
        names = [w for w in _WORD.findall(mention.text) if w[:1].isupper()]
        words[key] |= _affiliation_words(names)
    for analysis in analyses:
        text = analysis.document.text
        for key in list(words):
            for found in re.finditer(rf"\b{re.escape(key)}\b", text, re.IGNORECASE):
                words[key] |= _affiliation_words(_before_title(text, found.start()))
    return words


_CAPITALISED_TAIL = re.compile(r"((?:[A-Z][\w'\u2019-]*\s+){1,6})$")
_NOT_IN_TAIL = re.compile(r"[^\w'\u2019\s-]")
TAIL_WINDOW = 200
"""Characters before a name searched for the capitalised words that lead up to it, widened to a
character that no such words hold, so that the search finds what it would in the whole text."""


def _before_title(text: str, end: int) -> list[str]:
    """The capitalised words before the titles that lead up to a name at ``end`` ("Norwegian
    Prime Minister Dana" gives "Norwegian")."""
    window = max(0, end - TAIL_WINDOW)
    while window > 0 and not _NOT_IN_TAIL.match(text, window - 1):
        window -= 1
    tail = _CAPITALISED_TAIL.search(text, window, end)
    if not tail:
        return []
    words = tail.group(1).split()
    while words and _fold(words[-1]) not in _TITLES and words[-1][:1].isupper():
        words.pop()  # the given names of the person
    titled = False
    while words and _fold(words[-1]) in _TITLES:
        words.pop()
        titled = True
    return words[-2:] if titled else []


def _sides(
    accounts: Sequence[_Account], affiliations: dict[str, set[str]]
) -> dict[str, list[_Account]]:
    keys = sorted(affiliations)
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for a in keys:
        for b in keys:
            if a < b and affiliations[a] & affiliations[b]:
                join(a, b)
    claim_keys: dict[str, set[str]] = {}
    previous: dict[str, set[str]] = {}
    for account in accounts:
        record = account.record
        speaker_text = record.claim.speaker_text or ""
        speaker = _affiliation_words(_WORD.findall(speaker_text))
        found = {root(k) for k in keys if affiliations[k] & speaker}
        if not found and _PRONOUN.match(speaker_text):
            # "her office said": the one participant the sentence names, else the voice before.
            named = _affiliation_words(_WORD.findall(account.sentence))
            found = {root(k) for k in keys if affiliations[k] & named}
            if len(found) != 1:
                found = previous.get(record.document, set())
        claim_keys[record.id] = found
        if found:
            previous[record.document] = found
    by_entity: dict[str, set[str]] = defaultdict(set)
    for account in accounts:
        if account.record.attributed_to:
            by_entity[account.record.attributed_to] |= claim_keys[account.record.id]
    for found in by_entity.values():
        for a in found:
            for b in found:
                join(a, b)
    sides: dict[str, list[_Account]] = defaultdict(list)
    for account in accounts:
        record = account.record
        found = claim_keys[record.id] or by_entity.get(record.attributed_to or "", set())
        roots = {root(k) for k in found}
        if len(roots) == 1:
            sides[roots.pop()].append(account)
    return dict(sides)


# ---- omissions -------------------------------------------------------------------------------


def _topic(account: _Account, names: set[str]) -> frozenset[str]:
    """Content words of the claim, less the sides' names and countries and generic words."""
    generic = {stem(w) for w in _GENERIC}
    speaker = content_stems(account.record.claim.speaker_text or "")
    words = content_words(account.record.claim.text)
    own = {s for s, w in words.items() if f"@{_country_code(w)}".casefold() in names}
    return frozenset(words) - generic - names - speaker - own


def _figures(account: _Account) -> list[str]:
    claim = account.record.claim
    quantities = claim.quantities or tuple(
        q for q in account.analysis.quantities if claim.start <= q.start and q.end <= claim.end
    )
    generic = {stem(w) for w in _GENERIC}
    return [q.text for q in quantities if content_stems(q.text) - generic]


def _omission(
    event: Event,
    told_a: Sequence[_Account],
    told_b: Sequence[_Account],
    names: set[str],
    flagged: set[str],
) -> Comparison | None:
    """The claim of side A that side B's account, as another source reports it, leaves out.

    One article's narrative of a meeting gives each side different lines; only a separate
    source's account of side B can be said to leave out what A stresses."""
    best: tuple[int, _Account, frozenset[str], list[str], list[_Account]] | None = None
    stems_b = [content_stems(b.record.claim.text) for b in told_b]
    # what side B is told to say by the sources other than one origin, once per origin
    apart_from: dict[str, tuple[list[_Account], bool, frozenset[str], str]] = {}
    for account in told_a:
        if account.record.id in flagged or _OMISSION_WORDS.search(account.sentence):
            continue
        if account.origin not in apart_from:
            others = [n for n, b in enumerate(told_b) if b.origin != account.origin]
            apart_from[account.origin] = (
                [told_b[n] for n in others],
                any(len(stems_b[n] - names) >= 2 for n in others),
                frozenset().union(*(stems_b[n] for n in others)),
                " ".join(told_b[n].record.claim.text for n in others),
            )
        other, worded, said_b, figures_b = apart_from[account.origin]
        if not worded:
            continue
        figures = [f for f in _figures(account) if f not in figures_b]
        stressed = bool(_STRESS.search(account.sentence))
        if not figures and not stressed:
            continue
        topic = _topic(account, names)
        if (
            len(topic) < MIN_TOPIC_WORDS
            or len(topic & said_b) / len(topic) >= OMISSION_OVERLAP_BELOW
        ):
            continue
        rank = 2 * bool(figures) + stressed
        if best is None or rank > best[0]:
            best = (rank, account, topic, figures, other)
    if best is None:
        return None
    _, account, topic, figures, other = best
    beside = [b for b in other if b.record.id not in flagged][:2]
    if not beside:
        return None
    words = [w for s, w in content_words(account.record.claim.text).items() if s in topic]
    return _comparison(event, account, beside, words, figures)


def _who(account: _Account) -> str:
    speaker = shorten(account.record.claim.speaker_text or "", 60)
    return f"{speaker} (in {source_with_date(account.analysis.document)})"


def _comparison(
    event: Event,
    stressing: _Account,
    silent: Sequence[_Account],
    topic: list[str],
    figures: list[str],
) -> Comparison:
    when = event.start or "an unknown date"
    happening = _EVENT_NOUNS.get(event.type, event.type)
    topic_text = shorten(stressing.record.claim.text, 120)
    left_out = ", ".join(topic[:5]) + (
        f" or the figure {', '.join(figures[:2])}" if figures else ""
    )
    others = "; ".join(f"\u201c{shorten(a.record.claim.text, 100)}\u201d" for a in silent)
    return Comparison(
        id=record_id("r", event.id, stressing.record.id, *(a.record.id for a in silent)),
        question=f"What did each side say about the {happening} on {when}?",
        verdict="omission",
        claims=(stressing.record.id, *(a.record.id for a in silent)),
        explanation=f"Of the {happening} on {when}, "
        f"{_who(stressing)} stresses: "
        f"\u201c{topic_text}\u201d; the account of {_who(silent[0])} does not mention "
        f"{left_out} (it says {others}).",
        kind="readout",
    )
