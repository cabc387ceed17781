"""What a time expression is read against: anchor, sentence, tense, and the date in focus."""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..language.en.calendar import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS, alternation
from ..language.en.verbs import IRREGULAR_PAST
from .timex_calendar import Resolved

Tense = Literal["past", "future", "present"]

_DEADLINE = re.compile(r"\b(?:to|until|till|by|through|before)\s+(?:the\s+)?$", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:be|been|being|is|are|am|to)\s+$", re.IGNORECASE)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*")
_WORD_BEFORE = re.compile(r"(\w+)\.\W*$")
# How far from a time expression a verb may set its tense (a sentence of a thousand dates and
# verbs is not read a thousand times).
_CUE_REACH = 400
_NOT_ENDING = frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAY_ABBREVIATIONS) | frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "rev", "prof", "no",
    "corp", "inc", "ltd", "co", "vs", "lt", "col", "capt", "sgt", "u.s", "a.m", "p.m",
})
_TENSE_CUE = re.compile(
    r"\b(?:(?P<future>will|won't|shall|would|going\s+to|(?:is|are|was|were)\s+to|scheduled"
    r"|slated|due|plans?\s+to|planned|expected|set\s+to|next|upcoming|coming|tomorrow|payable"
    r"|later|(?:agreed|decided|promised|pledged|vowed|offered|intends?|aims?)\s+to)|(?P<speech>said|told|announced|reported|confirmed)"
    r"|(?P<past>was|were|had|did|ago|last|yesterday|earlier|previously"
    rf"|{alternation(IRREGULAR_PAST)})"
    r"|(?P<participle>(?!(?:need|speed|hundred|indeed|red|bed|based|united)\b)[a-z]{2,}ed)"
    r"|(?P<present>is|are|has|have))\b|(?P<will>'ll)",
    re.IGNORECASE,
)


_OPENING = re.compile(r"\W*(?:(?:and|but|then|also|late|early)\s+)*(?:on\s+)?", re.IGNORECASE)


class Context:
    """Reading state while the expressions of one text are resolved in text order."""

    def __init__(self, text: str, anchor: datetime.date | None) -> None:
        self.text = text
        self.anchor = anchor
        self._starts = [0] + [
            match.end() for match in _BOUNDARY.finditer(text) if _ends_sentence(text, match)
        ]
        self._focus: tuple[datetime.date, int] | None = None
        self._coarse_focus: tuple[datetime.date, int] | None = None
        self._quarter_focus: tuple[str, int] | None = None
        self._cues: dict[int, tuple[list[re.Match[str]], list[int]]] = {}

    def sentence_index(self, position: int) -> int:
        return bisect.bisect_right(self._starts, position) - 1

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        index = self.sentence_index(position)
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        return self._starts[index], end

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the verb cue nearest to ``text[start:end]`` in its sentence, within
        ``_CUE_REACH`` characters; a speech verb just before the expression sets it."""
        cues, cue_starts = self._sentence_cues(start)
        low = bisect.bisect_left(cue_starts, start - _CUE_REACH)
        high = bisect.bisect_right(cue_starts, end + _CUE_REACH)
        best: tuple[int, Tense] | None = None
        for cue in cues[low:high]:
            if start <= cue.start() < end:
                continue
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            if cue.group("speech"):
                if 0 <= start - cue.end() <= 12:
                    return "past"  # "told ABC News Thursday that he would …": the telling
                if cue.start() < end or not self._opens_sentence(start):
                    continue
                # "On Monday, the army announced it would …": the telling
            elif cue.group("participle") and _AUXILIARY.search(
                self.text, max(0, cue.start() - 8), cue.start()
            ):
                continue
            kind: Tense = (
                "future" if cue.group("future") or cue.group("will")
                else "past" if cue.group("past") or cue.group("speech") or cue.group("participle")
                else "present"
            )
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None

    def _opens_sentence(self, start: int) -> bool:
        """Whether the expression at ``start`` opens its sentence ("And on Monday, …")."""
        first, _ = self.sentence_bounds(start)
        return _OPENING.fullmatch(self.text, first, start) is not None

    def _sentence_cues(self, position: int) -> tuple[list[re.Match[str]], list[int]]:
        """The tense cues of the sentence at ``position`` and their starts, found once."""
        first, last = self.sentence_bounds(position)
        if first not in self._cues:
            cues = list(_TENSE_CUE.finditer(self.text, first, last))
            self._cues[first] = (cues, [cue.start() for cue in cues])
        return self._cues[first]

    def focus(self, position: int) -> datetime.date | None:
        """The day last mentioned in this sentence or the one before, if any."""
        if self._focus is None:
            return None
        focus_day, index = self._focus
        return focus_day if self.sentence_index(position) - index <= 1 else None

    def reference(self, position: int) -> datetime.date | None:
        """The day relative expressions such as ``the previous day`` count from."""
        return self.focus(position) or self.anchor

    def reference_any(self, position: int) -> datetime.date | None:
        """The day, month or year last mentioned nearby (its first day), else the anchor."""
        focus = self._coarse_focus
        if focus is not None and self.sentence_index(position) - focus[1] <= 1:
            return focus[0]
        return self.anchor

    def quarter_focus(self, position: int) -> str | None:
        """The quarter (``1989-Q3``) last mentioned within the last few sentences."""
        focus = self._quarter_focus
        if focus is not None and self.sentence_index(position) - focus[1] <= 3:
            return focus[0]
        return None

    def set_focus(self, focus_day: datetime.date, position: int) -> None:
        self._focus = (focus_day, self.sentence_index(position))
        self._coarse_focus = self._focus

    def set_coarse_focus(self, first_day: datetime.date, position: int) -> None:
        self._coarse_focus = (first_day, self.sentence_index(position))

    def set_quarter_focus(self, value: str, position: int) -> None:
        self._quarter_focus = (value, self.sentence_index(position))

    def date_tense(self, start: int, end: int) -> Tense | None:
        """The tense for placing a date; a deadline (``extended to``, ``by``) is not past."""
        tense = self.tense(start, end)
        if tense == "past" and _DEADLINE.search(self.text, max(0, start - 12), start):
            return "present"
        return tense

    def year_of_day(self, month: int, day: int, start: int, end: int) -> int | None:
        """The year of a year-less date: the past unless the sentence speaks of the future."""
        if self.anchor is None:
            return None
        tense = self.date_tense(start, end)
        best: tuple[float, int] | None = None
        for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                continue
            cost = _cost((candidate - self.anchor).days, tense, tolerance=3)
            if best is None or cost < best[0]:
                best = (cost, year)
        return best[1] if best else None

    def year_of_month(self, month: int, start: int, end: int) -> int | None:
        if self.anchor is None:
            return None
        tense = self.date_tense(start, end)
        best: tuple[float, int] | None = None
        for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1):
            offset = (year - self.anchor.year) * 12 + month - self.anchor.month
            cost = _cost(offset, tense, tolerance=0)
            if best is None or cost < best[0]:
                best = (cost, year)
        return best[1] if best else None

    def weekday(
        self, number: int, start: int, end: int, relation: str | None = None
    ) -> datetime.date | None:
        """The date of a weekday (1 Monday … 7 Sunday) named near ``start``."""
        base = self.anchor or self.focus(start)
        if base is None:
            return None
        back = (base.isoweekday() - number) % 7
        forward = (number - base.isoweekday()) % 7
        if relation == "last":  # yesterday is never "last Tuesday": that is the week before
            return base - datetime.timedelta(days=back + 7 if back <= 1 else back)
        if relation == "next":
            return base + datetime.timedelta(days=forward or 7)
        if relation == "this":
            return base + datetime.timedelta(days=number - base.isoweekday())
        if self.tense(start, end) == "future":
            return base + datetime.timedelta(days=forward)
        return base - datetime.timedelta(days=back)


def _cost(offset: int, tense: Tense | None, tolerance: int) -> float:
    """How unlikely a date ``offset`` units after the anchor is, given the tense."""
    if offset <= tolerance:
        past_cost = float(abs(offset))
        return past_cost * 3 if tense == "future" and offset < -tolerance * 10 else past_cost
    if tense == "past":
        return offset * 50.0
    if tense == "future":
        return float(offset)
    return offset * 2.0


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group().startswith("\n") or text[match.start() - 1] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if before is None:
        return True
    word = before.group(1).lower()
    return not (word in _NOT_ENDING or len(word) == 1)


Item = tuple[int, int, Resolved]
Handler = Callable[[re.Match[str], Context], list[Item]]


@dataclass(frozen=True)
class Rule:
    """A pattern of time expressions and how to read a match of it."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


def rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), handler)


def whole(match: re.Match[str], resolved: Resolved | None, group: str | None = None) -> list[Item]:
    """The match (or its named ``group``) as one expression, or nothing if unresolved."""
    if resolved is None:
        return []
    start, end = match.span(group) if group else match.span()
    return [(start, end, resolved)]
