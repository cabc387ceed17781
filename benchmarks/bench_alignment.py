"""Comparisons on the development stories: this tree against a baseline revision, same run.

    .venv/bin/python benchmarks/bench_alignment.py [--baseline REV] [--shared ../shared]

For this working tree and for ``--baseline`` (a git revision, by default the engine before
facts were read from the parse), checked out into a temporary worktree and run with this
virtual environment, it runs ``../shared/eval/evaluate.py`` over the seeds and every
development story, and prints per story: comparison items passed, alignment precision and
recall (links between labelled answers that join answers to one question; pairs of answers
linked), and how many comparisons were made. Cold, as a user runs it: every story is analysed
from scratch into a fresh database.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "445e5a2"
"""The last revision whose comparisons read the text again (before ``analyze/facts.py``)."""


def run(cli: Path, shared: Path, pythonpath: str | None) -> dict[str, tuple[str, ...]]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, str(shared / "eval" / "evaluate.py"), "--cli", str(cli)],
        capture_output=True, text=True, env=env, check=False,
    )
    rows: dict[str, tuple[str, ...]] = {}
    for line in done.stdout.splitlines():
        cells = line.split()
        # story, docs, 8 categories, score, %, align P, %, align R, %, made, seconds
        if len(cells) >= 17 and cells[0] != "cluster":
            rows[cells[0]] = (cells[8], *cells[12:17])
    return rows


def cli_for(source: Path, work: Path) -> tuple[Path, str]:
    """A launcher that runs the CLI of the tree at ``source`` with this environment."""
    launcher = work / f"triangulate-{source.name}"
    launcher.write_text(
        "#!/bin/sh\n"
        f'exec "{sys.executable}" -c "import sys; from triangulate.cli import main; '
        'sys.exit(main())" "$@"\n'
    )
    launcher.chmod(0o755)
    return launcher, str(source / "src")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        baseline = work / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q",
                        str(baseline), args.baseline], check=True)
        try:
            results = {}
            for label, tree in (("this tree", ROOT), (f"baseline {args.baseline}", baseline)):
                cli, path = cli_for(tree, work)
                results[label] = run(cli, args.shared, path)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(baseline)], check=False)
    print("| story | engine | comparison items | align P | | align R | | made |")
    print("|---|---|---|---|---|---|---|---|")
    stories = sorted({name for rows in results.values() for name in rows})
    for story in stories:
        for label, rows in results.items():
            cells = rows.get(story, ("-",) * 6)
            print(f"| {story} | {label} | " + " | ".join(cells[:6]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
