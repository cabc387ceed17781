"""Turning the user's list of files, folders and globs into the list of sources to read.

Inside a folder (or under the fixed part of a glob) a symbolic link whose target lies outside
it is skipped and reported: a folder of saved articles that links to ``/etc/passwd`` or a key
file must not turn them into articles.  A file named on its own is read wherever it points.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_URL_SOURCE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_GLOB_CHARS = re.compile(r"[*?\[]")
LEAVES_FOLDER = "symbolic link leaves the folder"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkippedSource:
    """A path found in a folder that is not read, and why."""

    source: str
    reason: str


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files as given, folders expanded recursively (sorted, hidden files skipped), globs
    matched; a path that does not exist is kept so that reading it reports the problem.
    Duplicates are dropped, order is kept.  Links that leave their folder are left out (and
    logged); ``find_sources`` returns them."""
    return find_sources(sources)[0]


def find_sources(sources: Sequence[str]) -> tuple[list[str], list[SkippedSource]]:
    """``expand_sources``'s list, and the paths it leaves out with the reason."""
    expanded: list[str] = []
    skipped: list[SkippedSource] = []
    for source in sources:
        if _URL_SOURCE.match(source):
            expanded.append(source)
        elif Path(source).is_dir():
            expanded.extend(_walk(source, source, skipped))
        elif Path(source).exists() or not _GLOB_CHARS.search(source):
            expanded.append(source)
        else:
            expanded.extend(_matches(source, skipped))
    for found in skipped:
        log.warning("skipped %s: %s", found.source, found.reason)
    return list(dict.fromkeys(expanded)), skipped


def _matches(pattern: str, skipped: list[SkippedSource]) -> list[str]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        return [pattern]
    fixed: list[str] = []
    for part in Path(pattern).parts:
        if _GLOB_CHARS.search(part):
            break
        fixed.append(part)
    base = str(Path(*fixed)) if fixed else "."
    found: list[str] = []
    for match in matches:
        if _leaves(match, base):
            skipped.append(SkippedSource(match, LEAVES_FOLDER))
        elif Path(match).is_dir():
            found.extend(_walk(match, base, skipped))
        elif not Path(match).name.startswith("."):
            found.append(match)
    return found


def _walk(folder: str, root: str, skipped: list[SkippedSource]) -> list[str]:
    """The files under ``folder``, sorted; links whose target is outside ``root`` go to
    ``skipped`` instead."""
    found: list[tuple[tuple[str, ...], str]] = []
    left: list[tuple[tuple[str, ...], str]] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in dirs + [name for name in files if not name.startswith(".")]:
            path = os.path.join(current, name)
            entry = (Path(os.path.relpath(path, folder)).parts, path)
            if _leaves(path, root):
                left.append(entry)
            elif not os.path.isdir(path):
                found.append(entry)
    skipped.extend(SkippedSource(path, LEAVES_FOLDER) for _, path in sorted(left))
    return [path for _, path in sorted(found)]


def _leaves(path: str, root: str) -> bool:
    """``path`` is a symbolic link whose target is outside ``root``."""
    if not os.path.islink(path):
        return False
    return not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
