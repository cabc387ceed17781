"""``triangulate review``: decisions from the command line, the audit trail it lists, and the
refusals (exit code 2, one line naming the cause)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.corpus import Corpus

from .web_corpus import build_store

runner = CliRunner()


def test_review_commands_record_decisions_and_log_lists_them(tmp_path: Path) -> None:
    db = str(build_store(tmp_path / "web.db"))
    result = runner.invoke(
        app,
        ["review", "verdict", "cmp-passengers", "update", "--by", "Ana", "--note", "later count",
         "--db", db],
    )
    assert result.exit_code == 0, result.output
    assert "set the verdict of cmp-passengers to update [applied" in result.output

    with Corpus.open(db) as corpus:
        entity = next(e for e in corpus.reconciliation().entities if e.id == "ent-port")
    first = entity.mentions[0]
    mention = f"{first.document}:{first.start}-{first.end}"
    result = runner.invoke(
        app,
        ["review", "split-entity", "ent-port", "--mention", mention, "--name", "Old Port",
         "--by", "Ben", "--db", db],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["review", "merge-events", "e-grounding", "e-rescue", "--by", "Ana", "--db", db]
    )
    assert result.exit_code == 0, result.output

    log = runner.invoke(app, ["review", "log", "--db", db])
    assert log.exit_code == 0
    lines = log.output.strip().splitlines()
    assert len(lines) == 3
    assert "Ana: set the verdict of cmp-passengers to update" in lines[0]
    assert "— later count" in lines[0]
    assert "Ben: split 1 mention(s) out of ent-port as 'Old Port'" in lines[1]
    assert "merged e-grounding with e-rescue" in lines[2]

    as_json = runner.invoke(app, ["review", "log", "--json", "--db", db])
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert [r["action"] for r in rows] == ["set_verdict", "split_entity", "merge_events"]
    assert all(r["status"] == "applied" for r in rows)

    with Corpus.open(db) as corpus:
        result_now = corpus.reconciliation()
    assert [e.id for e in result_now.events] == ["e-grounding"]
    assert "Old Port" in [e.name for e in result_now.entities]


def test_review_refuses_with_one_line_and_exit_code_2(tmp_path: Path) -> None:
    db = str(build_store(tmp_path / "web.db"))
    cases = [
        (["review", "confirm", "cmp-nowhere", "--by", "Ana"], "no comparison"),
        (["review", "verdict", "cmp-passengers", "maybe", "--by", "Ana"], "needs a verdict"),
        (["review", "confirm", "cmp-passengers", "--by", " "], "who takes it"),
        (["review", "split-entity", "ent-port", "--mention", "tribune:x", "--by", "A"],
         "not a mention"),
    ]
    for arguments, message in cases:
        result = runner.invoke(app, [*arguments, "--db", db])
        assert result.exit_code == 2, result.output
        assert message in result.output
    empty = runner.invoke(app, ["review", "log", "--db", db])
    assert empty.output.strip() == "no decisions yet"
    missing = runner.invoke(app, ["review", "log", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output
