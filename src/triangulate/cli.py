"""The command line: thin commands over the library (see ``triangulate --help``)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from .corpus import Corpus, RunSummary
from .errors import TriangulateError
from .outputs.exports import EXPORT_FORMATS, write_export

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Triangulate: read news articles about one story; see who says what, when, and where "
    "the sources agree and disagree.",
)
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="The store: one SQLite file.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _run_analysis(
    corpus: Corpus,
    sources: list[str],
    executor: str,
    workers: int | None,
    allow_private: bool = False,
) -> RunSummary:
    columns = (
        TextColumn("{task.description:<11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        return corpus.analyze(
            sources,
            executor=executor,
            workers=workers,
            progress=progress,
            allow_private=allow_private,
        )


def _print_summary(summary: RunSummary, seconds: float) -> None:
    for failure in summary.failures:
        err.print(f"[yellow]failed:[/] {failure.source}: {failure.reason}", highlight=False)
    print(f"{summary.line()} ({seconds:.1f} s)")


@app.command()
def analyze(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, feeds or URLs.")],
    db: DbOption = Path("triangulate.db"),
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: CPU count).")
    ] = None,
    executor: Annotated[
        str, typer.Option(help="'local' (process pool), 'serial', or dask://HOST:PORT.")
    ] = "local",
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any source failed.")] = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on private, loopback or link-local addresses.")
    ] = False,
) -> None:
    """Read SOURCES, analyse each document, reconcile the corpus and store it all in --db.

    SOURCES are files (.txt, .md, .html, .pdf, .docx, RSS/Atom feeds), folders, globs or http(s)
    URLs.

    Running it again adds to the store and re-reconciles; unchanged documents are not analysed
    twice. The exit code is non-zero only when nothing could be analysed (or, with --strict, when
    anything failed).
    """
    started = time.perf_counter()
    try:
        with Corpus.open(db) as corpus:
            summary = _run_analysis(corpus, sources, executor, workers, allow_private)
    except TriangulateError as error:
        raise _fail(str(error)) from error
    _print_summary(summary, time.perf_counter() - started)
    if not summary.ok or (strict and summary.failures):
        raise typer.Exit(1)


@app.command()
def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write (for csv: a folder).")
    ],
    db: DbOption = Path("triangulate.db"),
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {'|'.join(EXPORT_FORMATS)}.")
    ] = "json",
) -> None:
    """Write everything the store knows in one of the export formats."""
    if format not in EXPORT_FORMATS:
        raise _fail(f"unknown export format {format!r}; available: {', '.join(EXPORT_FORMATS)}")
    if not db.exists():
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    try:
        with Corpus.open(db) as corpus:
            write_export(format, corpus.analyses(), corpus.reconciliation(), output)
    except (TriangulateError, OSError) as error:
        raise _fail(str(error)) from error
    print(f"wrote {output}")


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    db: DbOption = Path("triangulate.db"),
) -> None:
    """Write a self-contained HTML report (one file, no network) of the store."""
    if not db.exists():
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    from .outputs.report import write_report

    try:
        with Corpus.open(db) as corpus:
            write_report(corpus, output)
    except (TriangulateError, OSError) as error:
        raise _fail(str(error)) from error
    print(f"wrote {output}")


@app.command()
def demo(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML report to write.")
    ] = Path("report.html"),
    db: DbOption = Path("demo.db"),
) -> None:
    """Analyse the bundled example articles and write the HTML report."""
    from .outputs.report import write_report

    examples = _examples_folder()
    if examples is None:
        raise _fail("cannot find the examples/ folder; run the demo from the repository")
    started = time.perf_counter()
    try:
        with Corpus.open(db) as corpus:
            summary = _run_analysis(corpus, [str(examples)], "local", None)
            write_report(corpus, output)
    except (TriangulateError, OSError) as error:
        raise _fail(str(error)) from error
    _print_summary(summary, time.perf_counter() - started)
    print(f"wrote {output}")


@app.command()
def serve(
    db: DbOption = Path("triangulate.db"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Access token (default: $TRIANGULATE_TOKEN); required off loopback."),
    ] = None,
) -> None:
    """Serve the web app and the REST API (/api/v1) over the store in --db."""
    from .web.security import is_loopback, resolve_token

    if not db.exists():
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    access = resolve_token(token)
    if access is None and not is_loopback(host):
        raise _fail(
            f"refusing to serve on {host} without an access token: pass --token or set "
            "TRIANGULATE_TOKEN (or bind to 127.0.0.1)"
        )
    import uvicorn

    from .web import create_app

    try:
        web_app = create_app(db, token=access)
    except TriangulateError as error:
        raise _fail(str(error)) from error
    err.print(f"serving {db} on http://{host}:{port}/" + (" (token required)" if access else ""))
    uvicorn.run(web_app, host=host, port=port, log_level="info")


def _examples_folder() -> Path | None:
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[2] / "examples"):
        if candidate.is_dir():
            return candidate
    return None


def main() -> None:  # pragma: no cover - the console script calls app() directly
    sys.exit(app())
