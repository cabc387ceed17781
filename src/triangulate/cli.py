"""The command line: thin commands over the library (see ``triangulate --help``)."""

from __future__ import annotations

import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from rich.text import Text

from . import __version__
from .corpus import Corpus, RunSummary
from .errors import TriangulateError
from .language.en.plurals import counted
from .outputs.exports import EXPORT_FORMATS, write_export
from .run import Budget
from .store import shown_location, store_exists

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Triangulate: read news articles about one story; see who says what, when, and where "
    "the sources agree and disagree.",
)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str,
    typer.Option("--db", help="The store: a SQLite file (default) or a postgresql:// URL."),
]

EXIT_NOTHING_ANALYSED = 1
EXIT_USAGE = 2
EXIT_STAGE_FAILED = 3
EXIT_INTERRUPTED = 130

_debug = False
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: object) -> str:
    """``text`` with control characters (newlines, terminal escapes) shown as escapes, so that
    a file name cannot rewrite the terminal or fake a line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def _say(label: str, style: str, message: object) -> None:
    """One line on stderr: a styled label, then ``message`` verbatim (no markup is read in it)."""
    err.print(Text.assemble((label, style), " ", printable(message)), soft_wrap=True)


def _fail(message: object, code: int = EXIT_USAGE) -> typer.Exit:
    _say("error:", "bold red", message)
    return typer.Exit(code)


@contextmanager
def _stage(name: str, code: int = EXIT_STAGE_FAILED) -> Iterator[None]:
    """Report a failure of ``name`` in one line naming the stage and the cause (the traceback
    only with --debug) and exit with ``code``."""
    try:
        yield
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        raise _fail(
            f"{name} interrupted; what was finished is stored", EXIT_INTERRUPTED
        ) from None
    except TriangulateError as error:
        _debug_traceback()
        raise _fail(f"{name} failed: {error}", code) from error
    except Exception as error:  # noqa: BLE001 - one clear line instead of a traceback
        _debug_traceback()
        raise _fail(f"{name} failed: {type(error).__name__}: {error}", code) from error


def _debug_traceback() -> None:
    if _debug:
        err.print(Text(traceback.format_exc()), soft_wrap=True)


def _print_version(wanted: bool) -> None:
    if wanted:
        print(f"triangulate {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of a failure.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    global _debug
    _debug = debug


PHASE_LINES = {
    "reading": "reading sources",
    "loading models": "loading models",
    "analysing": "analysing documents",
    "dating documents": "dating documents",
    "finding copies": "finding copies and versions",
    "reconciling": "reconciling",
}
COUNTED_PHASES = {"reading": ("read", "source"), "analysing": ("analysed", "document")}
PLAIN_STEPS = 10  # a counted phase prints about this many lines, and its last
PLAIN_SECONDS = 30.0  # and one at least this often while it goes on


class PlainProgress:
    """Progress as plain lines, for a log rather than a terminal: one line when a phase starts,
    and ``analysed N/M documents`` now and then (every tenth of the work, every half minute, and
    at the end)."""

    def __init__(self, write: Callable[[str], None], clock: Callable[[], float] = time.monotonic):
        self.write = write
        self.clock = clock
        self.started: set[str] = set()
        self.last: dict[str, tuple[int, float]] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        if step not in self.started:
            self.started.add(step)
            self.write(PHASE_LINES.get(step, step))
        if step not in COUNTED_PHASES or done == 0:
            return
        last_done, last_time = self.last.get(step, (0, self.clock()))
        now = self.clock()
        due = (
            done >= total
            or done - last_done >= max(1, total // PLAIN_STEPS)
            or now - last_time >= PLAIN_SECONDS
        )
        if due and done != last_done:
            verb, noun = COUNTED_PHASES[step]
            self.write(f"{verb} {done}/{counted(total, noun)}")
            self.last[step] = (done, now)
        elif step not in self.last:
            self.last[step] = (0, now)


def _plain_line(text: str) -> None:
    err.print(Text(text), soft_wrap=True)


@contextmanager
def _phase(name: str) -> Iterator[None]:
    """A step with no count of its own: a spinner on a terminal, a plain line otherwise."""
    if err.is_terminal:
        with err.status(name):
            yield
    else:
        _plain_line(name)
        yield


def _run_analysis(
    corpus: Corpus,
    sources: list[str],
    executor: str,
    workers: int | None,
    allow_private: bool = False,
    budget: Budget | None = None,
) -> RunSummary:
    if not err.is_terminal:
        return corpus.analyze(
            sources,
            executor=executor,
            workers=workers,
            progress=PlainProgress(_plain_line),
            allow_private=allow_private,
            budget=budget,
        )
    columns = (
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
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
            budget=budget,
        )


def _print_summary(summary: RunSummary, seconds: float) -> None:
    """The run's failures and summary line; exits with EXIT_STAGE_FAILED when a step after the
    analysis failed."""
    for failure in summary.failures:
        _say("failed:", "yellow", f"{failure.source}: {failure.reason}")
    print(f"{summary.line()} ({seconds:.1f} s)")
    stage = summary.stage_failure
    if stage is not None:
        if _debug:
            err.print(Text(stage.details), soft_wrap=True)
        _say(
            "error:",
            "bold red",
            f"{stage.line()}; the analyses are stored, and the next `triangulate analyze` "
            "does this step again" + ("" if _debug else " (--debug shows the traceback)"),
        )
        raise typer.Exit(EXIT_STAGE_FAILED)


@app.command()
def analyze(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, feeds or URLs.")],
    db: DbOption = "triangulate.db",
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
    budget: Annotated[
        float,
        typer.Option(
            min=1, help="Seconds one source or document may take before it fails alone."
        ),
    ] = Budget.seconds,
) -> None:
    """Read SOURCES, analyse each document, reconcile the corpus and store it all in --db.

    SOURCES are files (.txt, .md, .html, .pdf, .docx, RSS/Atom feeds), folders, globs or http(s)
    URLs.

    Running it again adds to the store and re-reconciles; unchanged documents are not analysed
    twice. Exit codes: 0 done; 1 nothing could be analysed (or, with --strict, anything
    failed); 2 bad arguments or a store that cannot be used; 3 a step after the analysis
    (lineage, dating, reconciliation) failed: the analyses are stored and the next run does the
    step again.
    """
    started = time.perf_counter()
    with _stage("analysis", EXIT_USAGE), Corpus.open(db) as corpus:
        summary = _run_analysis(
            corpus, sources, executor, workers, allow_private, Budget(seconds=budget)
        )
    _print_summary(summary, time.perf_counter() - started)
    if not summary.ok or (strict and summary.failures):
        raise typer.Exit(EXIT_NOTHING_ANALYSED)


@app.command()
def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write (for csv: a folder).")
    ],
    db: DbOption = "triangulate.db",
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"Export format: {'|'.join(EXPORT_FORMATS)}.")
    ] = "json",
) -> None:
    """Write everything the store knows in one of the export formats."""
    if format not in EXPORT_FORMATS:
        raise _fail(f"unknown export format {format!r}; available: {', '.join(EXPORT_FORMATS)}")
    if not store_exists(db):
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    with _stage("export"), Corpus.open(db) as corpus, _phase(f"writing {format} export"):
        write_export(format, corpus.analyses(), corpus.reconciliation(), output)
    print(f"wrote {printable(output)}")


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    db: DbOption = "triangulate.db",
) -> None:
    """Write a self-contained HTML report (one file, no network) of the store."""
    if not store_exists(db):
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    from .outputs.report import write_report

    with _stage("report"), Corpus.open(db) as corpus, _phase("writing report"):
        write_report(corpus, output)
    print(f"wrote {printable(output)}")


@app.command()
def demo(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML report to write.")
    ] = Path("report.html"),
    db: DbOption = "demo.db",
) -> None:
    """Analyse the bundled example articles and write the HTML report."""
    from .outputs.report import write_report

    examples = _examples_folder()
    if examples is None:
        raise _fail("cannot find the examples/ folder; run the demo from the repository")
    started = time.perf_counter()
    with _stage("analysis", EXIT_USAGE), Corpus.open(db) as corpus:
        summary = _run_analysis(corpus, [str(examples)], "local", None)
    _print_summary(summary, time.perf_counter() - started)
    with _stage("report"), Corpus.open(db) as corpus, _phase("writing report"):
        write_report(corpus, output)
    print(f"wrote {printable(output)}")


@app.command()
def serve(
    db: DbOption = "triangulate.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Access token (default: $TRIANGULATE_TOKEN); required off loopback."),
    ] = None,
) -> None:
    """Serve the web app and the REST API (/api/v1) over the store in --db."""
    from .web.security import allowed_hosts_for, is_loopback, resolve_token

    if not store_exists(db):
        raise _fail(f"{db}: no such store; run `triangulate analyze` first")
    access = resolve_token(token)
    if access is None and not is_loopback(host):
        raise _fail(
            f"refusing to serve on {host} without an access token: pass --token or set "
            "TRIANGULATE_TOKEN (or bind to 127.0.0.1)"
        )
    import uvicorn

    from .web import create_app

    with _stage("serve", EXIT_USAGE):
        web_app = create_app(db, token=access, allowed_hosts=allowed_hosts_for(host))
    err.print(
        Text(f"serving {printable(shown_location(db))} on http://{host}:{port}/"
             + (" (token required)" if access else ""))
    )
    uvicorn.run(web_app, host=host, port=port, log_level="info")


def _examples_folder() -> Path | None:
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[2] / "examples"):
        if candidate.is_dir():
            return candidate
    return None


from .review_cli import review_app  # noqa: E402 - its commands use this module's helpers

app.add_typer(review_app, name="review")


def main() -> None:  # pragma: no cover - the console script calls app() directly
    sys.exit(app())
