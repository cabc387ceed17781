"""The reliability suite's whole-run check: a folder of good articles mixed with malformed and
hostile inputs. Every good article is analysed, every bad input is a failure by name with a
reason (or is analysed, harmlessly), no traceback reaches the user, the store stays sound."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

CLI = Path(sys.executable).parent / "triangulate"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    '<rss version="2.0"><channel><title>t</title><item><title>&d;</title>'
    "<description>&d; The mayor said the bridge would open on Monday.</description>"
    "</item></channel></rss>"
)


def _feed(title: str, body: str, date: str = "Mon, 01 Mar 2021 10:00:00 GMT") -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>{title}</title><pubDate>{date}</pubDate>"
        f"<description>{body}</description></item></channel></rss>"
    )


def _hostile(folder: Path, outside: Path) -> None:
    sentence = "The minister said on Tuesday that 40 people had been evacuated from the town. "
    (folder / "empty.txt").write_text("")
    (folder / "garbage.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "surrogate.xml").write_text(_feed("Flood &#xD800; warning", sentence))
    far_future = _feed("Flood", sentence, "Fri, 31 Dec 9999 23:59:59 GMT")
    (folder / "far-future.xml").write_text(far_future)
    (folder / "laughs.xml").write_text(LAUGHS)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nstream\nxx")
    (folder / "fake.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (folder / "long-word.txt").write_text(sentence + "A" + "a" * 100_000 + ". " + sentence)
    (folder / "bad-byte.txt").write_bytes(sentence.encode() + b"\xff " + sentence.encode())
    (folder / "deep.html").write_text(
        "<html><head><title>t</title></head><body>"
        + "<div>" * 30_000 + sentence + "</div>" * 30_000 + "</body></html>"
    )
    (folder / "wide.html").write_text(
        "<html><head><title>t</title></head><body><p>" + sentence * 3 + "</p>"
        + "<span>x</span>" * 100_000 + "</body></html>"
    )
    (folder / "escape.txt").symlink_to(outside)


@pytest.mark.skipif(not CLI.exists(), reason="the triangulate command is not installed")
def test_a_folder_of_good_and_hostile_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    shutil.copytree(REPO / "examples", folder)
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    _hostile(folder, outside)
    db = tmp_path / "t.db"
    run = subprocess.run(
        [str(CLI), "analyze", str(folder), "--db", str(db), "--workers", "2", "--budget", "120"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    failed = {
        line.split(": ", 2)[1].rsplit("/", 1)[-1]: line.split(": ", 2)[2]
        for line in run.stderr.splitlines()
        if line.startswith("failed: ")
    }
    assert {"empty.txt", "garbage.txt", "truncated.pdf", "fake.docx", "escape.txt"} <= set(failed)
    assert all(reason.strip() for reason in failed.values())
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sources = {
            row[0].rsplit("/", 1)[-1]
            for row in connection.execute("SELECT source FROM documents")
        }
        assert connection.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        published = dict(connection.execute("SELECT source, published FROM documents"))
    examples = {p.name for p in (REPO / "examples").iterdir() if not p.name.startswith(".")}
    assert examples <= sources
    assert "passwd" not in sources
    assert {"long-word.txt", "bad-byte.txt", "wide.html"} <= sources
    assert {"surrogate.xml#1", "far-future.xml#1", "laughs.xml#1"} <= sources
    assert all(not (date or "").startswith("9999") for date in published.values())
    answered = set(failed) | {source.split("#")[0] for source in sources}
    assert answered == {p.name for p in folder.iterdir()}
