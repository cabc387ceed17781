"""The TimelineJS export: the merged timeline as a TimelineJS3 JSON file.

A date is only as precise as what the sources say: a month-precision entry has no ``day``, a
year-precision one only a ``year``, and the ``display_date`` of either says what is unknown.
Each slide's ``group`` is its status (disputed, single source, consensus, superseded), and the
headline of anything that is not a consensus carries that status too. TimelineJS renders slide
text as HTML, so every string taken from a document is escaped; the only tags are the ones
written here.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from ..language.en.plurals import counted
from ..model import Analysis, ClaimRecord, Document, Reconciliation, TimelineEntry

STATUS_LABELS = {
    "disputed": "Disputed",
    "single_source": "Single source",
    "consensus": "Consensus",
    "superseded": "Superseded",
}
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def timelinejs_data(
    analyses: Sequence[Analysis], reconciliation: Reconciliation
) -> dict[str, Any]:
    """The TimelineJS3 data object: a title slide and one slide per dated timeline entry."""
    documents = {a.document.id: a.document for a in analyses}
    claims = {record.id: record for record in reconciliation.claims}
    slides = []
    used_ids: set[str] = set()
    for entry in reconciliation.timeline:
        slide = _slide(entry, documents, claims, _unique_id(entry.event, used_ids))
        if slide is not None:
            slides.append(slide)
    return {"title": _title_slide(analyses, len(slides)), "events": slides}


def write_timelinejs(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    data = timelinejs_data(analyses, reconciliation)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def date_parts(date: str, precision: str | None = None) -> dict[str, Any] | None:
    """A TimelineJS date object for an ISO date, cut to ``precision``; None if not a date."""
    match = re.fullmatch(r"(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?", date.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if precision == "year":
        month = day = None
    elif precision == "month":
        day = None
    parts: dict[str, Any] = {"year": int(year)}
    if month is not None and 1 <= int(month) <= 12:
        parts["month"] = int(month)
        if day is not None and 1 <= int(day) <= 31:
            parts["day"] = int(day)
    if "day" not in parts:
        parts["display_date"] = _uncertain_display_date(parts)
    return parts


def _uncertain_display_date(parts: dict[str, Any]) -> str:
    if "month" not in parts:
        return f"{parts['year']} (month and day unknown)"
    return f"{calendar.month_name[parts['month']]} {parts['year']} (day unknown)"


def _unique_id(event: str, used: set[str]) -> str:
    base = _UNSAFE_ID.sub("-", event).strip("-") or "entry"
    candidate, suffix = base, 2
    while candidate in used:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    used.add(candidate)
    return candidate


def _slide(
    entry: TimelineEntry,
    documents: dict[str, Document],
    claims: dict[str, ClaimRecord],
    unique_id: str,
) -> dict[str, Any] | None:
    start = date_parts(entry.date, entry.precision)
    if start is None:
        return None
    label = STATUS_LABELS.get(entry.status, entry.status.replace("_", " ").capitalize())
    headline = escape(entry.summary)
    if entry.status != "consensus":
        headline = f"{headline} [{escape(label.lower())}]"
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": headline, "text": _body(entry, documents, claims)},
        "group": label,
        "unique_id": unique_id,
    }
    end = date_parts(entry.end, entry.precision) if entry.end and entry.end != entry.date else None
    if end is not None:
        slide["end_date"] = end
    return slide


def _body(
    entry: TimelineEntry, documents: dict[str, Document], claims: dict[str, ClaimRecord]
) -> str:
    parts = [f"<p>Status: {escape(entry.status.replace('_', ' '))}.</p>"]
    parts.append(_claim_list("Supported by", entry.supported_by, documents, claims))
    parts.append(_claim_list("Disputed by", entry.disputed_by, documents, claims))
    sources = "".join(f"<li>{_source_label(documents, d)}</li>" for d in entry.documents)
    if sources:
        parts.append(f"<p>Sources:</p><ul>{sources}</ul>")
    return "".join(p for p in parts if p)


def _claim_list(
    heading: str,
    claim_ids: Sequence[str],
    documents: dict[str, Document],
    claims: dict[str, ClaimRecord],
) -> str:
    items = []
    for claim_id in claim_ids:
        record = claims.get(claim_id)
        if record is None:
            continue
        speaker = record.claim.speaker_text
        who = f"{escape(speaker)}, " if speaker else ""
        items.append(
            f"<li>&ldquo;{escape(record.claim.text)}&rdquo; ({who}"
            f"{_source_label(documents, record.document)})</li>"
        )
    return f"<p>{heading}:</p><ul>{''.join(items)}</ul>" if items else ""


def _source_label(documents: dict[str, Document], document_id: str) -> str:
    document = documents.get(document_id)
    if document is None:
        return escape(document_id)
    name = document.publisher or document.title or document.source
    date = f", {document.published}" if document.published else ""
    return escape(f"{name}{date}")


def _title_slide(analyses: Sequence[Analysis], slide_count: int) -> dict[str, Any]:
    publishers = sorted({a.document.publisher for a in analyses if a.document.publisher})
    named = f": {', '.join(publishers)}" if publishers else ""
    text = (
        f"{counted(slide_count, 'dated event')} read from "
        f"{counted(len(analyses), 'document')}{named}. "
        "Each slide lists the claims that support or dispute it and its sources."
    )
    return {"text": {"headline": "Timeline", "text": f"<p>{escape(text)}</p>"}}
