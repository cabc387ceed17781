"""``triangulate review``: a person's decisions on the stored results, and the audit trail.

triangulate review verdict cmp-1 update --by "Ana Ruiz" --note "the later report covers more"
triangulate review merge-entities e-1 e-2 --by Ana
triangulate review split-entity e-1 --mention doc-b:120-131 --name "Port Maddox Ltd" --by Ana
triangulate review log
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from .errors import TriangulateError
from .model import AdjudicationOutcome, DocSpan
from .review import ReviewError, adjudicated, decide_in_store, parse_mention
from .store import Store, open_store, store_exists

EXIT_REFUSED = 2

review_app = typer.Typer(
    no_args_is_help=True,
    help="Confirm, reject or change a comparison's verdict, merge or split entities and events "
    "(kept in the store's audit trail, applied to every view and export, and again after more "
    "documents are added); `review log` lists the decisions.",
)

Db = Annotated[
    str, typer.Option("--db", help="The store: a SQLite file or a postgresql:// URL.")
]
By = Annotated[str, typer.Option("--by", help="Who takes the decision.")]
Note = Annotated[str, typer.Option("--note", help="Why.")]
Mentions = Annotated[
    list[str],
    typer.Option("--mention", help="A mention to move, DOCUMENT:START-END (repeat the option)."),
]
Name = Annotated[str | None, typer.Option("--name", help="The name of the new record.")]


def _refuse(message: object) -> typer.Exit:
    from .cli import printable

    typer.echo(f"error: {printable(message)}", err=True)
    return typer.Exit(EXIT_REFUSED)


@contextmanager
def _store(db: str) -> Iterator[Store]:
    if not store_exists(db):
        raise _refuse(f"{db}: no such store; run `triangulate analyze` first")
    try:
        with open_store(db) as store:
            yield store
    except TriangulateError as error:
        raise _refuse(error) from error


def describe(outcome: AdjudicationOutcome) -> str:
    """One line: when, who, what, on what, what became of it, and why."""
    a = outcome.adjudication
    if a.action == "set_verdict":
        what = f"set the verdict of {a.target} to {a.verdict}"
    elif a.action == "confirm":
        what = f"confirmed the verdict of {a.target}"
    elif a.action == "reject":
        what = f"rejected {a.target}"
    elif a.action.startswith("merge"):
        what = f"merged {a.target} with {', '.join(a.merged)}"
    else:
        moved = a.mentions[0] if a.mentions else ()
        what = f"split {len(moved)} mention(s) out of {a.target}"
        what += f" as {a.name!r}" if a.name else ""
    now = f" -> {', '.join(outcome.targets)}" if outcome.targets else ""
    line = f"{a.decided_at}  {a.reviewer}: {what} [{outcome.status.replace('_', ' ')}{now}]"
    return line + (f" — {a.note}" if a.note else "")


def _decide(
    db: str,
    action: str,
    target: str,
    by: str,
    note: str,
    *,
    verdict: str | None = None,
    others: list[str] | None = None,
    mentions: list[str] | None = None,
    name: str | None = None,
) -> None:
    from .cli import printable

    with _store(db) as store:
        try:
            spans: list[DocSpan] = [parse_mention(m) for m in mentions or ()]
            outcome = decide_in_store(
                store, action, target, reviewer=by, note=note, verdict=verdict,
                others=others or (), mentions=spans, name=name,
            )
        except ReviewError as error:
            raise _refuse(error) from error
    print(f"recorded {outcome.adjudication.id}: {printable(describe(outcome))}")


@review_app.command()
def confirm(comparison: str, by: By, note: Note = "", db: Db = "triangulate.db") -> None:
    """Confirm a comparison's verdict."""
    _decide(db, "confirm", comparison, by, note)


@review_app.command()
def reject(comparison: str, by: By, note: Note = "", db: Db = "triangulate.db") -> None:
    """Reject a comparison: its claims do not answer the same question."""
    _decide(db, "reject", comparison, by, note)


@review_app.command()
def verdict(
    comparison: str, verdict: str, by: By, note: Note = "", db: Db = "triangulate.db"
) -> None:
    """Change a comparison's verdict (agree, conflict, update, partial, omission)."""
    _decide(db, "set_verdict", comparison, by, note, verdict=verdict)


@review_app.command("merge-entities")
def merge_entities(
    entity: str, others: list[str], by: By, note: Note = "", db: Db = "triangulate.db"
) -> None:
    """Merge OTHERS into ENTITY: one entity with all their mentions and names."""
    _decide(db, "merge_entities", entity, by, note, others=others)


@review_app.command("split-entity")
def split_entity(
    entity: str,
    by: By,
    mention: Mentions,
    name: Name = None,
    note: Note = "",
    db: Db = "triangulate.db",
) -> None:
    """Move the named mentions out of ENTITY into a new entity."""
    _decide(db, "split_entity", entity, by, note, mentions=mention, name=name)


@review_app.command("merge-events")
def merge_events(
    event: str, others: list[str], by: By, note: Note = "", db: Db = "triangulate.db"
) -> None:
    """Merge OTHERS into EVENT: one event with all their mentions and claims."""
    _decide(db, "merge_events", event, by, note, others=others)


@review_app.command("split-event")
def split_event(
    event: str,
    by: By,
    mention: Mentions,
    name: Name = None,
    note: Note = "",
    db: Db = "triangulate.db",
) -> None:
    """Move the named mentions out of EVENT into a new event (NAME is its summary)."""
    _decide(db, "split_event", event, by, note, mentions=mention, name=name)


@review_app.command()
def log(
    db: Db = "triangulate.db",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """The audit trail, oldest first: who decided what, when, why, and whether it applies."""
    from .cli import printable
    from .outputs.export_json import adjudication_data

    with _store(db) as store:
        outcomes = adjudicated(store).adjudications
    for outcome in outcomes:
        if as_json:
            print(json.dumps(adjudication_data(outcome), ensure_ascii=False))
        else:
            print(printable(f"{outcome.adjudication.id}  {describe(outcome)}"))
    if not outcomes and not as_json:
        print("no decisions yet")

