"""Article text as HTML: every character escaped, annotations and sentence anchors around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..model import Analysis
from .snapshot import Snapshot

_MARK = re.compile(r"(\d{1,12})-(\d{1,12})", re.ASCII)


@dataclass(frozen=True)
class _Layer:
    """One annotation drawn over the text: its span, CSS class, tooltip and optional link."""

    start: int
    end: int
    css: str
    title: str
    href: str | None = None


def _layers(analysis: Analysis, snapshot: Snapshot, mark: tuple[int, int] | None) -> list[_Layer]:
    doc_id = analysis.document.id
    layers: list[_Layer] = []
    for claim in analysis.claims:
        who = claim.speaker_text or "the outlet"
        layers.append(_Layer(claim.start, claim.end, "claim", f"claim by {who} ({claim.stance})"))
    for mention in analysis.mentions:
        entity_id = snapshot.entity_of_mention.get((doc_id, mention.start, mention.end))
        entity = snapshot.entities.get(entity_id) if entity_id else None
        name = entity.name if entity else (mention.normalized or mention.text)
        href = f"/entities/{quote(entity.id, safe='')}" if entity else None
        layers.append(
            _Layer(
                mention.start,
                mention.end,
                f"ent ent-{mention.type}",
                f"{mention.type}: {name}",
                href,
            )
        )
    for time in analysis.times:
        layers.append(_Layer(time.start, time.end, "time", f"{time.type}: {time.value}"))
    for quantity in analysis.quantities:
        amount = f"{quantity.value:g}" + (f"–{quantity.value_max:g}" if quantity.value_max else "")
        layers.append(
            _Layer(
                quantity.start,
                quantity.end,
                "qty",
                f"{quantity.qualifier} {amount} {quantity.unit}",
            )
        )
    if mark is not None:
        layers.append(_Layer(mark[0], mark[1], "hit", "the passage you followed"))
    size = len(analysis.document.text)
    return [
        _Layer(max(0, x.start), min(size, x.end), x.css, x.title, x.href)
        for x in layers
        if x.start < x.end and x.start < size and x.end > 0
    ]


def _segment_html(text: str, covering: list[_Layer]) -> str:
    if not covering:
        return str(escape(text))
    css = " ".join(dict.fromkeys(layer.css for layer in covering))
    title = " · ".join(dict.fromkeys(layer.title for layer in covering))
    link = next((layer.href for layer in covering if layer.href), None)
    attributes = f'class="{escape(css)}" title="{escape(title)}"'
    if link:
        return f'<a {attributes} href="{escape(link)}">{escape(text)}</a>'
    return f"<span {attributes}>{escape(text)}</span>"


def _annotated(text: str, start: int, end: int, layers: list[_Layer]) -> str:
    """``text[start:end]`` cut at every annotation boundary, each piece wrapped in its classes."""
    inside = [x for x in layers if x.start < end and x.end > start]
    cuts = sorted(
        {start, end, *(max(start, x.start) for x in inside), *(min(end, x.end) for x in inside)}
    )
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [x for x in inside if x.start <= left and right <= x.end]
        pieces.append(_segment_html(text[left:right], covering))
    return "".join(pieces)


def document_body(
    analysis: Analysis, snapshot: Snapshot, mark: tuple[int, int] | None = None
) -> Markup:
    """The cleaned text, each sentence an anchor ``#s<i>``, entities, dates, quantities and claims
    highlighted, and the stretch ``mark`` (when given) marked as the one the reader followed."""
    text = analysis.document.text
    layers = _layers(analysis, snapshot, mark)
    parts: list[str] = []
    position = 0
    for index, sentence in enumerate(analysis.sentences):
        if sentence.start < position or sentence.end <= sentence.start:
            continue
        parts.append(_annotated(text, position, sentence.start, layers))
        css = "sent"
        if mark is not None and sentence.start <= mark[0] < sentence.end:
            css += " sent-target"
        parts.append(f'<span class="{css}" id="s{index}">')
        parts.append(_annotated(text, sentence.start, min(sentence.end, len(text)), layers))
        parts.append("</span>")
        position = sentence.end
    parts.append(_annotated(text, position, len(text), layers))
    return Markup("".join(parts))


def marked_context(snapshot: Snapshot, doc_id: str, start: int, end: int) -> Markup:
    """The sentence around ``start:end`` with that stretch in ``<mark>``, all escaped."""
    text = snapshot.text(doc_id)
    if text is None:
        return Markup("")
    found = snapshot.sentence_text(doc_id, start)
    left, right = (found[1], found[1] + len(found[0])) if found else (max(0, start - 80), end + 80)
    right = max(right, min(end, len(text)))
    return Markup(
        f"{escape(text[left:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:right])}"
    )


def marked_snippet(snippet: str, highlights: tuple[tuple[int, int], ...]) -> Markup:
    """A search snippet, escaped, with the matched words in ``<mark>``."""
    parts: list[str] = []
    position = 0
    for start, end in highlights:
        parts.append(f"{escape(snippet[position:start])}<mark>{escape(snippet[start:end])}</mark>")
        position = end
    parts.append(str(escape(snippet[position:])))
    return Markup("".join(parts))


def parse_mark(value: str | None, size: int) -> tuple[int, int] | None:
    """``"120-180"`` → (120, 180) when it is a stretch inside a text of ``size`` characters."""
    found = _MARK.fullmatch(value or "")
    if found is None:
        return None
    start, end = int(found[1]), int(found[2])
    return (start, end) if 0 <= start < end <= size else None
