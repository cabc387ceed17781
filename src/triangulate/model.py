"""The one data model every stage reads and writes.

All annotations are frozen dataclasses that point into ``Document.text`` (the cleaned body) with
character offsets ``start``/``end`` (Python string indices, ``text[start:end]``).  Stages never
mutate: they return new annotations, and the pipeline builds a new ``Analysis`` with
``dataclasses.replace``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

EntityType = Literal[
    "person", "organization", "location", "facility", "group", "event", "product", "work", "other"
]
Precision = Literal["day", "month", "year"]
PublishedBasis = Literal["stated", "inferred", "metadata", "file"]
TimeType = Literal["date", "time", "duration", "set"]
Qualifier = Literal["exact", "over", "at_least", "under", "at_most", "about", "up_to"]
Stance = Literal["asserted", "denied", "hedged", "questioned"]
Polarity = Literal["positive", "negative"]
Verdict = Literal["agree", "conflict", "update", "partial", "omission"]
ComparisonKind = Literal[
    "count", "denial", "omission", "readout", "quote", "statement", "fate", "office"]
"""What a comparison sets side by side: figures, an assertion and its denial, accounts of which
one leaves something out, the readouts of one conversation, one quotation reported alike, one
speaker's statement that reports word differently, what befell a person, or who holds an
office."""
AdjudicationAction = Literal[
    "confirm", "reject", "set_verdict", "merge_entities", "split_entity", "merge_events",
    "split_event",
]
AdjudicationTarget = Literal["comparison", "entity", "event"]
AdjudicationStatus = Literal["applied", "superseded", "no_longer_applies"]


@dataclass(frozen=True)
class Span:
    """A stretch of the cleaned text: ``text[start:end]``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Republication:
    """Where a republished text first appeared."""

    publisher: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned document with its metadata; ``text`` is what every offset points into."""

    id: str
    source: str
    sha256: str
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_precision: Precision | None = None
    published_basis: PublishedBasis | None = None
    language: str | None = None
    dateline: str | None = None  # the place a wire dateline files from: "Nairobi, Kenya"
    republished_from: Republication | None = None
    removed: tuple[str, ...] = ()
    media_type: str = "text/plain"
    copy_of: str | None = None  # id of the corpus document this one is a (near-)copy of
    version_of: str | None = None  # id of the earlier version of the same story in the corpus

    @property
    def analysable(self) -> bool:
        """Whether the analysis stages read this document: English, or a language too unclear
        to tell. A document in any other language is kept with its metadata only."""
        return self.language in (None, "en")


@dataclass(frozen=True)
class Sentence(Span):
    pass


@dataclass(frozen=True)
class Token(Span):
    """One word of the text as the trained pipeline reads it (a view into ``Tokens``).

    ``pos`` is the universal part of speech, ``morph`` the UD features (``Number=Plur``),
    ``head`` the index of the word it depends on (its own index at a sentence's root) and
    ``dep`` the UD relation to it."""

    index: int
    text: str
    pos: str
    lemma: str
    morph: str
    head: int
    dep: str

    def feature(self, name: str) -> str | None:
        for pair in self.morph.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Tokens:
    """The token layer every stage reads: one column per attribute, one row per word, in text
    order (compact to store; ``tokens[i]`` gives a ``Token``). An empty layer means the
    document was not parsed."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    pos: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    morphs: tuple[str, ...] = ()
    heads: tuple[int, ...] = ()
    deps: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.starts)

    def get(self, index: int, text: str) -> Token:
        """The token at ``index``; ``text`` is the document's text."""
        start, end = self.starts[index], self.ends[index]
        return Token(
            start, end, index, text[start:end], self.pos[index],
            self.lemmas[index] or text[start:end].lower(), self.morphs[index],
            self.heads[index], self.deps[index],
        )

    def within(self, span: Span) -> range:
        """Indexes of the tokens inside ``span``."""
        first = bisect_left(self.starts, span.start)
        last = bisect_right(self.ends, span.end, lo=first)
        return range(first, max(first, last))

    def at(self, offset: int) -> int | None:
        """The index of the token covering character ``offset``, if any."""
        index = bisect_right(self.starts, offset) - 1
        return index if index >= 0 and offset < self.ends[index] else None

    def children(self, index: int) -> tuple[int, ...]:
        """Indexes of the words that depend on ``index``, in text order."""
        return self._dependents.get(index, ())

    @cached_property
    def _dependents(self) -> dict[int, tuple[int, ...]]:
        found: dict[int, list[int]] = {}
        for child, head in enumerate(self.heads):
            if head != child:
                found.setdefault(head, []).append(child)
        return {head: tuple(children) for head, children in found.items()}


@dataclass(frozen=True)
class Mention(Span):
    """A name of a thing in the text, typed; ``text`` is ``Document.text[start:end]``."""

    text: str
    type: EntityType
    normalized: str = ""


@dataclass(frozen=True)
class TimeExpression(Span):
    """A time expression with its TimeML value and, for dates, the calendar range it denotes.

    ``value`` is a TIMEX3 value (``2020-08-12``, ``2020-07``, ``2020-W32``, ``P44D``,
    ``XXXX-08-12``, ``PRESENT_REF``).  ``date_start``/``date_end`` are ISO dates (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``) of the first and last day covered, or None when the expression
    is not anchored in the calendar (durations, sets, unknown years).
    """

    text: str
    type: TimeType
    value: str
    date_start: str | None = None
    date_end: str | None = None
    precision: Precision | None = None


@dataclass(frozen=True)
class Quantity(Span):
    """A number with what it counts: ``over 350 tons`` is 350, 'ton', 'over'."""

    text: str
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    value_max: float | None = None


@dataclass(frozen=True)
class TimeRange:
    start: str | None
    end: str | None = None
    precision: Precision | None = None


@dataclass(frozen=True)
class Fact:
    """A measured answer a claim gives: the quantity, what happened to what it counts, where,
    and how the claim frames it. Read from the sentence's parse in analysis; reconciliation
    compares facts and never reads the text again.

    ``kinds`` are kinds of happening ("die", "injure"; "~registered" for a predicate the
    lexicon lacks); ``phrase`` is the predicate as a question would word it ("were killed");
    ``status`` how sure the source is of the count ("suspected", "confirmed");
    ``places`` are the names of the places the count is scoped to ("in Athens"), and ``part``
    says the count is one place's part of a list ("232 in Tarvos, 52 in Brixel"), ``part_of``
    the total the list breaks down, when it gives one ("302 killed -- 232 in Tarvos"), ``previous``
    that it is the value a change started from ("cut the toll to 101 from 176"); ``measure``
    the nouns an amount of money is of ("aid", "bailout package"), ``per`` the period a rate is
    given per ("Y" for "a year", "D" for "daily"); ``context``
    the content stems of the claim's sentence and the one before it; ``time`` the claim's dates
    that date the count's own clause, when the parse read them (``time_read``); ``converted``
    that the amount is one the claim gave first, in another currency ("EUR 110 billion ($158
    billion)").
    """

    quantity: Quantity
    kinds: tuple[str, ...] = ()
    phrase: str | None = None
    places: tuple[str, ...] = ()
    part: bool = False
    part_of: float | None = None
    previous: bool = False
    measure: tuple[str, ...] = ()
    per: str | None = None
    status: str | None = None
    cumulative: bool = False
    correction: bool = False
    since: bool = False
    extra: bool = False
    headline: bool = False
    context: tuple[str, ...] = ()
    time: TimeRange | None = None
    time_read: bool = False
    converted: bool = False


@dataclass(frozen=True)
class Fate(Span):
    """What a claim says befell a person it names: the words that tell it (``start``/``end``,
    "was killed", "the body of"), the person's mention, and the ``state`` it leaves them in
    ("dead", "missing", "alive", "injured", "held", "free"); ``hedged`` when the claim is not
    sure of it ("feared dead", "likely to be under the rubble")."""

    person: Span
    person_text: str
    state: str
    hedged: bool = False


@dataclass(frozen=True)
class Office(Span):
    """An office a claim says a person holds: the words that name it (``start``/``end``,
    "chief executive"), the ``office`` they stand for, the holder's and the body's mentions
    ("Ann Bell, Tarvos Motors's chief executive"); ``succeeds`` when the claim hands the office
    to the holder ("X was replaced Sunday with Y")."""

    office: str
    holder: Span
    holder_text: str
    body: Span
    body_text: str
    succeeds: bool = False


@dataclass(frozen=True)
class Claim(Span):
    """A checkable statement, with who asserts it.

    ``start``/``end`` cover the claim's content (a sentence or the quoted clause); ``speaker``
    is the span of the words that name the source, ``cue`` the span of the speech verb or
    phrase (``said``, ``according to``).  ``via`` lists relays outermost first, as written.
    ``stance`` says whether the speaker asserts, denies (rejects a proposition), hedges or
    questions it; ``polarity`` whether what is said is negative ("no one has claimed it").
    """

    text: str
    speaker: Span | None = None
    speaker_text: str | None = None
    cue: Span | None = None
    via: tuple[str, ...] = ()
    stance: Stance = "asserted"
    time: TimeRange | None = None
    quantities: tuple[Quantity, ...] = ()
    facts: tuple[Fact, ...] = ()
    polarity: Polarity = "positive"
    fates: tuple[Fate, ...] = ()
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True)
class EventMention(Span):
    """Words that report a happening (the trigger span), with what the sentence says of it."""

    text: str
    type: str
    sentence: Span
    date: TimeRange | None = None
    count: int | None = None
    participants: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """A document with every per-document annotation; the unit the store keeps."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[EventMention, ...] = ()
    tokens: Tokens = field(default_factory=Tokens)

    def sentence_of(self, span: Span) -> Sentence | None:
        """The sentence in which ``span`` starts, if any (sentences are in text order)."""
        index = bisect_right(self.sentences, span.start, key=lambda s: s.start) - 1
        if index >= 0 and span.start < self.sentences[index].end:
            return self.sentences[index]
        return None


# ---- corpus level: what reconciliation produces -------------------------------------------


@dataclass(frozen=True)
class DocSpan:
    """A span in a named document."""

    document: str
    start: int
    end: int


@dataclass(frozen=True)
class Geo:
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[DocSpan, ...] = ()
    geo: Geo | None = None
    reviews: tuple[str, ...] = ()  # ids of the adjudications that merged or split it


@dataclass(frozen=True)
class ClaimRecord:
    """A claim placed in the corpus: its document, id and resolved references."""

    id: str
    document: str
    claim: Claim
    attributed_to: str | None = None
    about: tuple[str, ...] = ()
    via: tuple[str, ...] = ()  # relays outermost first, starting with the outlet itself


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    summary: str
    start: str | None
    end: str | None = None
    precision: Precision | None = None
    participants: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    count: int | None = None
    claims: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    mentions: tuple[DocSpan, ...] = ()
    reviews: tuple[str, ...] = ()  # ids of the adjudications that merged or split it


@dataclass(frozen=True)
class Review:
    """A person's decision on a comparison as it shows on it: ``verdict`` is the verdict in
    force (the machine's, when confirmed or rejected), ``machine_verdict`` the one the analysis
    gave."""

    adjudication: str
    action: AdjudicationAction
    verdict: Verdict
    machine_verdict: Verdict
    reviewer: str
    decided_at: str
    note: str = ""


@dataclass(frozen=True)
class Comparison:
    id: str
    question: str
    verdict: Verdict
    claims: tuple[str, ...]
    explanation: str
    kind: ComparisonKind = "count"
    review: Review | None = None


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    event: str
    summary: str
    documents: tuple[str, ...]
    end: str | None = None
    precision: Precision | None = None
    status: str = "single_source"
    supported_by: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    salience: float = 0.0  # 0-1: how much the story's sources and people make of it


@dataclass(frozen=True)
class Failure:
    """A source that could not be read or analysed, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Adjudication:
    """A person's decision on a comparison, entity or event: one row of the audit trail.

    It is anchored to what survives a new reconciliation, not to the record's id (a digest that
    more documents may change): ``claims`` are the claim ids the comparison held;
    ``mentions`` the mentions (document and offsets) of each entity or event merged, one group
    per record, or for a split the one group of mentions moved to a new record, named ``name``.
    ``target`` is the id the record had when the decision was taken.
    """

    id: str
    action: AdjudicationAction
    target_kind: AdjudicationTarget
    target: str
    reviewer: str
    decided_at: str  # ISO 8601, UTC
    note: str = ""
    verdict: Verdict | None = None  # the verdict set (set_verdict)
    claims: tuple[str, ...] = ()
    mentions: tuple[tuple[DocSpan, ...], ...] = ()
    name: str | None = None
    merged: tuple[str, ...] = ()  # ids of the other records merged, when it was taken


@dataclass(frozen=True)
class AdjudicationOutcome:
    """What became of a decision on the current reconciliation: ``targets`` are the ids of the
    records it shaped now; a later decision on the same comparison supersedes an earlier one."""

    adjudication: Adjudication
    status: AdjudicationStatus
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reconciliation:
    """Everything known across the corpus."""

    entities: tuple[Entity, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    events: tuple[Event, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    adjudications: tuple[AdjudicationOutcome, ...] = ()  # the audit trail, oldest first
