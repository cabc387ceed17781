"""Runs that go wrong late, or are killed, lose nothing; the next run finishes the work
without analysing anything twice; results do not depend on how the work was spread."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from triangulate import corpus as corpus_module
from triangulate.corpus import Corpus
from triangulate.errors import StoreError

from .conftest import REPO

EXAMPLES = REPO / "examples"
CLI = Path(sys.executable).parent / "triangulate"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """The example articles and one source that cannot be read (an empty file)."""
    folder = tmp_path / "sources"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_text("")
    return folder


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "claims", "entities", "comparisons", "timeline")
        }


def test_a_failed_reconciliation_keeps_the_analyses_and_the_next_run_reconciles_again(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"

    def broken(self: Corpus, analyses: object = None) -> None:
        raise RuntimeError("the disk is on fire")

    with monkeypatch.context() as patch:
        patch.setattr(corpus_module.Corpus, "reconcile", broken)
        with Corpus.open(db) as corpus:
            first = corpus.analyze([str(sources)], executor="serial")
    assert first.stage_failure is not None
    assert first.stage_failure.line() == "reconciliation failed: RuntimeError: the disk is on fire"
    assert "Traceback" in first.stage_failure.details
    assert not first.ok
    assert len(first.analyzed) == 5 and len(first.failures) == 1
    assert _counts(db)["documents"] == 5 and _counts(db)["claims"] == 0

    with Corpus.open(db) as corpus:
        second = corpus.analyze([str(sources)], executor="serial")
    assert second.ok and second.stage_failure is None
    assert (len(second.analyzed), len(second.unchanged), len(second.failures)) == (0, 5, 1)
    counts = _counts(db)
    assert counts["claims"] > 0 and counts["entities"] > 0 and counts["comparisons"] > 0


def test_the_cli_names_the_failed_stage_in_one_line_and_exits_non_zero(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from triangulate.cli import EXIT_STAGE_FAILED, app

    def broken(self: Corpus, analyses: object = None) -> None:
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(corpus_module.Corpus, "reconcile", broken)
    db = str(tmp_path / "t.db")
    quiet = CliRunner().invoke(app, ["analyze", str(sources), "--db", db, "--executor", "serial"])
    assert quiet.exit_code == EXIT_STAGE_FAILED
    assert "reconciliation failed: RuntimeError: the disk is on fire" in quiet.output
    assert "Traceback" not in quiet.output
    loud = CliRunner().invoke(
        app, ["--debug", "analyze", str(sources), "--db", db, "--executor", "serial"]
    )
    assert loud.exit_code == EXIT_STAGE_FAILED
    assert "Traceback" in loud.output and "the disk is on fire" in loud.output


def test_an_export_that_cannot_be_written_is_one_line_naming_the_stage(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from triangulate.cli import EXIT_STAGE_FAILED, app

    db = tmp_path / "t.db"
    Corpus.open(db).close()
    target = tmp_path / "missing" / "folder" / "out.json"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(target)])
    assert result.exit_code == EXIT_STAGE_FAILED
    assert "export failed: " in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["report", "--db", str(db), "-o", str(target)])
    assert result.exit_code == EXIT_STAGE_FAILED
    assert "report failed: " in result.output


def test_a_store_that_cannot_be_written_fails_before_any_analysis(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "t.db") as corpus:
        corpus.store._db.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError, match="cannot write to the store"):
            corpus.analyze([str(EXAMPLES)], executor="serial")


@pytest.mark.skipif(not CLI.exists(), reason="the triangulate command is not installed")
def test_file_names_are_printed_as_they_are_never_read_as_markup_or_escapes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    names = ["[bold]hidden[/bold].txt", "a[/]b.txt", "line\nbreak.txt", "esc\x1b[2Jape.txt"]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("")
    run = subprocess.run(
        [str(CLI), "analyze", str(folder), "--db", str(tmp_path / "t.db")],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "[bold]hidden[/bold].txt: " in run.stderr
    assert "a[/]b.txt: " in run.stderr
    assert "line\\nbreak.txt: " in run.stderr and "line\nbreak" not in run.stderr
    assert "esc\\x1b[2Jape.txt: " in run.stderr and "\x1b[2J" not in run.stderr


def test_results_do_not_depend_on_how_the_work_was_spread(tmp_path: Path) -> None:
    exports = []
    for executor, workers in (("serial", None), ("local", 2)):
        with Corpus.open(tmp_path / f"{executor}.db") as corpus:
            summary = corpus.analyze([str(EXAMPLES)], executor=executor, workers=workers)
            assert summary.ok and len(summary.analyzed) == 5
            exports.append(corpus.export_data())
    assert exports[0] == exports[1]


# ---- kill -9 ---------------------------------------------------------------------------------


def _state(db: Path) -> tuple[int, str]:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as connection:
            documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            row = connection.execute(
                "SELECT value FROM store_state WHERE key = 'reconciliation'"
            ).fetchone()
            return documents, row[0] if row else "stale"
    except sqlite3.Error:
        return 0, "stale"


def _kill_when(db: Path, sources: Path, ready: object) -> tuple[int, str] | None:
    """Start an analysis, kill it with SIGKILL once ``ready(documents, state)`` holds; the
    state at the kill, or None when the run finished first."""
    process = subprocess.Popen(
        [str(CLI), "analyze", str(sources), "--db", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while process.poll() is None:
            state = _state(db)
            if ready(*state):  # type: ignore[operator]
                process.kill()
                process.wait()
                return state
            time.sleep(0.005)
        return None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _second_run(db: Path, sources: Path) -> str:
    run = subprocess.run(
        [str(CLI), "analyze", str(sources), "--db", str(db)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return run.stdout


@pytest.mark.skipif(not CLI.exists(), reason="the triangulate command is not installed")
def test_killed_during_analysis_the_next_run_analyses_only_what_is_missing(
    sources: Path, tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    killed = _kill_when(db, sources, lambda documents, state: 1 <= documents < 5)
    assert killed is not None, "the run finished before it could be killed"
    stored = _state(db)[0]
    assert stored >= killed[0]
    line = _second_run(db, sources)
    assert f"{5 - stored} analysed, {stored} unchanged, 1 failed; 5 documents" in line
    assert _state(db) == (5, "current")
    assert _counts(db)["claims"] > 0


@pytest.mark.skipif(not CLI.exists(), reason="the triangulate command is not installed")
def test_killed_during_reconciliation_the_next_run_reconciles_without_analysing(
    sources: Path, tmp_path: Path
) -> None:
    killed = None
    for attempt in range(3):  # the window between the last analysis and the results is short
        db = tmp_path / f"t{attempt}.db"
        killed = _kill_when(db, sources, lambda documents, state: documents == 5)
        if killed is not None and killed[1] == "stale":
            break
    assert killed == (5, "stale"), "no run could be killed during reconciliation"
    line = _second_run(db, sources)
    assert "0 analysed, 5 unchanged, 1 failed; 5 documents" in line
    assert _state(db) == (5, "current")
    counts = _counts(db)
    assert counts["claims"] > 0 and counts["comparisons"] > 0 and counts["timeline"] > 0


# ---- what a folder of real saves can hold -----------------------------------------------------


def _feed(items: list[str]) -> str:
    entries = "".join(
        f"<item><title>Item {i}</title><link>http://example.org/{i}</link>"
        f"<pubDate>Mon, 0{i + 1} Mar 2021 10:00:00 GMT</pubDate>"
        f"<description>{body}</description></item>"
        for i, body in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}' \
        "</channel></rss>"


def test_a_feed_entry_that_cannot_be_read_fails_alone(tmp_path: Path) -> None:
    from triangulate.ingest.limits import MAX_TEXT_CHARS

    good = "The council approved the new budget on Monday after a long debate, officials said."
    huge = "word " * (MAX_TEXT_CHARS // 5 + 10)
    (tmp_path / "wire.xml").write_text(_feed([good, huge, good.replace("Monday", "Friday")]))
    with Corpus.open(tmp_path / "t.db") as corpus:
        summary = corpus.analyze([str(tmp_path / "wire.xml")], executor="serial")
    assert len(summary.analyzed) == 2
    assert [f.reason.split(" (")[0] for f in summary.failures] == ["text too long"]
    assert summary.failures[0].source == f"{tmp_path / 'wire.xml'}#2"  # the second entry


def test_links_leaving_the_folder_and_undecodable_names_are_failures_by_name(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("The password is swordfish, the administrator said on Monday.")
    (folder / "link.txt").symlink_to(outside)
    odd = bytes(folder) + b"/caf\xe9.txt"
    with open(odd, "wb") as file:
        file.write(b"")
    with Corpus.open(tmp_path / "t.db") as corpus:
        summary = corpus.analyze([str(folder)], executor="serial")
        stored = corpus.failures()
    reasons = {f.source: f.reason for f in summary.failures}
    assert reasons[str(folder / "link.txt")] == "symbolic link leaves the folder"
    assert reasons[str(folder / "caf\ufffd.txt")] == "empty file"
    assert {f.source for f in stored} == set(reasons)
    assert summary.analyzed == []


def test_a_document_not_in_english_is_stored_flagged_and_counted_in_the_summary(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(EXAMPLES, folder)
    (folder / "feuer.txt").write_text(
        "Großbrand im Hafen\n\n"
        "Die Feuerwehr war die ganze Nacht im Einsatz, und die Straßen rund um das Lager wurden "
        "gesperrt, wie die Polizei am Sonntag mitteilte. Verletzt wurde niemand, aber der Schaden "
        "geht nach Angaben des Besitzers in die Hunderttausende.\n",
        encoding="utf-8",
    )
    with Corpus.open(tmp_path / "t.db") as corpus:
        summary = corpus.analyze([str(folder)], executor="serial")
        (german,) = [a for a in corpus.analyses() if a.document.source.endswith("feuer.txt")]
    assert summary.not_english == [german.document.source]
    assert summary.line().endswith("; 1 not in English: analysed for metadata only")
    assert german.document.language == "de" and not german.document.analysable
    assert german.document.title == "Großbrand im Hafen"
    assert german.claims == () and german.mentions == ()
