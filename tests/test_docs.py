"""The README keeps up with the code: every command, option and export format is documented."""

from __future__ import annotations

import re

import typer.main

from triangulate.cli import app
from triangulate.outputs.exports import EXPORT_FORMATS

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    return {
        name: [opt for param in command.params for opt in param.opts if opt.startswith("--")]
        for name, command in commands.items()
    }


def test_every_command_is_in_the_readme() -> None:
    for name in _commands():
        assert re.search(rf"triangulate {name}\b", README), f"`triangulate {name}` is undocumented"


def test_every_option_is_in_the_readme() -> None:
    for name, options in _commands().items():
        for option in options:
            if option != "--help":
                assert option in README, f"`triangulate {name} {option}` is not documented"


def test_every_export_format_is_in_the_readme() -> None:
    for name in EXPORT_FORMATS:
        assert f"`{name}`" in README or f"|{name}" in README or f"{name}|" in README, name


def test_the_two_setup_commands_are_in_the_readme_and_ci_runs_the_test_one() -> None:
    assert "make demo" in README and "make test" in README
    assert "make test" in (REPO / ".ci" / "run").read_text()
