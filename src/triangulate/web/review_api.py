"""People's decisions over the web: ``POST /api/v1/adjudications`` (JSON) takes one, ``GET``
lists the audit trail; ``POST /review`` takes one from the forms of the comparison, entity and
event pages and goes back to the page.

Writes come only from this server's own pages or from clients that are not browsers: a request
a browser marks as sent from another site (``Origin``, ``Sec-Fetch-Site``) is refused, and the
API takes only a JSON body, which no cross-site form can send.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..errors import StoreError
from ..model import AdjudicationAction, AdjudicationOutcome, AdjudicationStatus, DocSpan, Verdict
from ..outputs.export_json import adjudication_data
from ..review import (
    MAX_NAME,
    MAX_NOTE,
    MAX_REVIEWER,
    DecisionRequest,
    InvalidDecision,
    ReviewError,
    UnknownRecord,
    decide,
    outcome_of,
    parse_mention,
)
from .api import Data, Paging, reject_unknown_parameters
from .errors import ApiError, ErrorResponse
from .snapshot import Snapshot, SnapshotSource

MAX_FORM_BYTES = 200_000
PAGES = {"comparison": "/comparisons/", "entity": "/entities/", "event": "/events/"}

router = APIRouter(
    tags=["adjudications"],
    responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    dependencies=[Depends(reject_unknown_parameters)],
)


class MentionRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: str = Field(min_length=1, max_length=200)
    start: int = Field(ge=0)
    end: int = Field(ge=1)


class AdjudicationIn(BaseModel):
    """A decision: ``confirm``, ``reject`` or ``set_verdict`` (with ``verdict``) a comparison;
    ``merge_entities``/``merge_events`` the ``target`` with the ``others``;
    ``split_entity``/``split_event`` the ``mentions`` out of ``target`` into a new record
    named ``name``."""

    model_config = ConfigDict(extra="forbid")

    action: AdjudicationAction
    target: str = Field(min_length=1, max_length=200)
    reviewer: str = Field(min_length=1, max_length=MAX_REVIEWER)
    note: str = Field("", max_length=MAX_NOTE)
    verdict: Verdict | None = None
    others: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=100
    )
    mentions: list[MentionRef] = Field(default_factory=list, max_length=10_000)
    name: str | None = Field(None, max_length=MAX_NAME)


class AdjudicationOut(BaseModel):
    id: str
    action: AdjudicationAction
    target_kind: Literal["comparison", "entity", "event"]
    target: str
    reviewer: str
    decided_at: str
    note: str
    verdict: Verdict | None
    claims: list[str]
    mentions: list[list[MentionRef]]
    merged: list[str]
    name: str | None
    status: AdjudicationStatus
    targets: list[str]


class AdjudicationPage(BaseModel):
    items: list[AdjudicationOut]
    total: int
    limit: int
    offset: int


def require_same_origin(request: Request) -> None:
    """Refuse a write a browser says comes from another site (a hostile page posting here).

    ``Sec-Fetch-Site`` decides where the browser sends it; else ``Origin`` (which is "null"
    for this server's own forms under its no-referrer policy, so it cannot decide alone)."""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        allowed = site in ("same-origin", "none")
    elif origin is not None:
        allowed = urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
    else:
        allowed = True  # not a browser: no page can make it send this
    if not allowed:
        raise ApiError(403, "a decision must come from this server's own pages")


def _take(request: Request, data: Snapshot, asked: DecisionRequest) -> AdjudicationOutcome:
    """Decide on what people see now, append the decision to the store, and give its outcome
    on the results as they are with it."""
    source: SnapshotSource = request.app.state.source
    try:
        decision = decide(data.reconciliation, asked)
    except UnknownRecord as error:
        raise ApiError(404, str(error)) from None
    except InvalidDecision as error:
        raise ApiError(400, str(error)) from None
    try:
        with source.store() as store:
            store.add_adjudication(decision)
    except StoreError as error:
        raise ApiError(503, f"cannot record the decision: {error}") from None
    return outcome_of(source.current().reconciliation, decision.id)


@router.post(
    "/api/v1/adjudications",
    status_code=201,
    response_model=AdjudicationOut,
    dependencies=[Depends(require_same_origin)],
    responses={403: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
)
def add_adjudication(request: Request, body: AdjudicationIn, data: Data) -> dict[str, Any]:
    """Record a person's decision on a comparison, entity or event (kept in the audit trail,
    applied to every view and export, and again after a new reconciliation)."""
    if any(m.end <= m.start for m in body.mentions):
        raise ApiError(422, "mentions: a mention ends after it starts")
    asked = DecisionRequest(
        action=body.action,
        target=body.target,
        reviewer=body.reviewer,
        note=body.note,
        verdict=body.verdict,
        others=tuple(body.others),
        mentions=tuple(DocSpan(m.document, m.start, m.end) for m in body.mentions),
        name=body.name,
    )
    return adjudication_data(_take(request, data, asked))


@router.get("/api/v1/adjudications", response_model=AdjudicationPage)
def list_adjudications(data: Data, paging: Paging) -> dict[str, Any]:
    """The audit trail, oldest first: every decision with who took it, when and why, and what
    became of it now (``applied``, ``superseded`` or ``no_longer_applies``)."""
    return paging.page([adjudication_data(o) for o in data.reconciliation.adjudications])


@router.post("/review", include_in_schema=False, dependencies=[Depends(require_same_origin)])
async def review_form(request: Request, data: Data) -> Response:
    """The pages' forms: take the decision, then show the page of the record it shaped."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise ApiError(400, "the form is too large")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)

    def one(name: str) -> str:
        return (fields.get(name) or [""])[0]

    try:
        mentions = tuple(parse_mention(m) for m in fields.get("mention", []) if m)
    except ReviewError as error:
        raise ApiError(400, str(error)) from None
    asked = DecisionRequest(
        action=one("action"),
        target=one("target"),
        reviewer=one("reviewer"),
        note=one("note"),
        verdict=(one("verdict") or None) if one("action") == "set_verdict" else None,
        others=tuple(o.strip() for o in fields.get("other", []) if o.strip()),
        mentions=mentions,
        name=one("name") or None,
    )
    outcome = _take(request, data, asked)
    kind = outcome.adjudication.target_kind
    shown = outcome.targets[0] if outcome.targets else outcome.adjudication.target
    return RedirectResponse(PAGES[kind] + quote(shown, safe=""), status_code=303)

