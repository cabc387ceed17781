"""Who holds an office, as each source names the holder (``Claim.offices``), compared for each
office of each body.

Reports that name one holder of an office, then later reports that name another, tell of a
change of holder: an ``update`` ("Bell, Tarvos Motors's chief executive" on 18 February; "Dunn,
the Chief Executive Officer of Tarvos Motors" on 1 June), when the later reports say the office
changed hands or come weeks later (``CHANGE_DAYS``); days apart with no word of a change, the
reports disagree: a ``conflict``. Holders named in reports whose dates
interleave make no comparison: a change under way, or a report looking back, is not a
disagreement one can tell from the names alone. One holder named by every report is no news.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison, Office, Span
from .text import days_between, report_date, source_label

_POSSESSIVE_OR_PLURAL = re.compile(r"(?:['\u2019]s|s)$")


@dataclass(frozen=True)
class _Named:
    record: ClaimRecord
    office: Office
    published: str
    source: str


def compare_offices(
    claims: Sequence[ClaimRecord],
    by_id: Mapping[str, Analysis],
    names: Mapping[tuple[str, int, int], str],
) -> list[Comparison]:
    """Changes of holder of each office; ``names`` maps (document, start, end) of a name's
    mention to the entity it resolved to."""
    bodies = _body_keys(by_id.values(), names)
    named: dict[tuple[str, str], dict[str, list[_Named]]] = defaultdict(lambda: defaultdict(list))
    for record in claims:
        document = by_id[record.document].document
        for office in record.claim.offices:
            body = _key(names, bodies, record.document, office.body, office.body_text)
            holder = names.get((record.document, office.holder.start, office.holder.end)) or (
                f"name:{office.holder_text.lower()}")
            told = named[body, office.office][holder]
            if all(item.record.document != record.document for item in told):
                told.append(_Named(record, office, report_date(document) or "",
                                   source_label(document)))
    comparisons = []
    for holders in named.values():
        if len(holders) < 2 or any(not item.published for told in holders.values()
                                   for item in told):
            continue
        ordered = sorted(holders.values(), key=lambda told: min(i.published for i in told))
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            last, first = max(i.published for i in earlier), min(i.published for i in later)
            if last < first:
                changed = any(i.office.succeeds for i in later) or days_between(last, first) > (
                    CHANGE_DAYS)
                comparisons.append(_change(earlier, later, changed))
    return comparisons


CHANGE_DAYS = 30
"""Offices change hands seldom: reports that name two holders within this many days, none
saying the office changed hands, disagree on who holds it."""


def _body_keys(
    analyses: Iterable[Analysis], names: Mapping[tuple[str, int, int], str]
) -> dict[str, str]:
    """One key for the entities whose names differ only by a final "s" or "'s" ("Tarvos
    Motors" and "Tarvos Motor's"): the first such entity met."""
    by_name: dict[str, str] = {}
    keys: dict[str, str] = {}
    for analysis in analyses:
        document = analysis.document.id
        for mention in analysis.mentions:
            entity = names.get((document, mention.start, mention.end))
            if entity is None or mention.type == "person":
                continue
            name = _POSSESSIVE_OR_PLURAL.sub("", mention.text.lower())
            keys.setdefault(entity, by_name.setdefault(name, keys.get(entity, entity)))
    return keys


def _key(
    names: Mapping[tuple[str, int, int], str], keys: Mapping[str, str], document: str,
    span: Span, text: str,
) -> str:
    entity = names.get((document, span.start, span.end))
    if entity is None:
        return "name:" + _POSSESSIVE_OR_PLURAL.sub("", text.lower())
    return keys.get(entity, entity)


def _change(earlier: list[_Named], later: list[_Named], changed: bool) -> Comparison:
    office = earlier[0].office
    title = f"{office.body_text}'s {office.office}"
    before = _holder(earlier)
    after = _holder(later)
    told = earlier + later
    ending = (": a later report names another holder" if changed
              else f", days later, with no word of a change: they disagree on who is {title}")
    explanation = (
        f"{_who(earlier)} {_names(earlier)} {before} as {title}; {_who(later)} "
        f"{_names(later)} {after}{ending}"
        + (f" ({after} replaces {before})." if any(i.office.succeeds for i in later) else ".")
    )
    return Comparison(
        id=record_id("o", *(item.record.id for item in told)),
        question=f"Who is {title}?",
        verdict="update" if changed else "conflict",
        claims=tuple(dict.fromkeys(item.record.id for item in told)),
        explanation=explanation,
        kind="office",
    )


def _holder(told: list[_Named]) -> str:
    return max((item.office.holder_text for item in told), key=len)


def _who(told: list[_Named]) -> str:
    return " and ".join(dict.fromkeys(f"{i.source} ({i.published})" for i in told))


def _names(told: list[_Named]) -> str:
    return "name" if len({i.source for i in told}) > 1 else "names"
