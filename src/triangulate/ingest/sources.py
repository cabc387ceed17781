"""Turning the user's list of files, folders and globs into the list of sources to read."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Sequence
from pathlib import Path

_URL_SOURCE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files as given, folders expanded recursively (sorted, hidden files skipped), globs
    matched; a path that does not exist is kept so that reading it reports the problem.
    Duplicates are dropped, order is kept."""
    expanded: list[str] = []
    for source in sources:
        if _URL_SOURCE.match(source):
            expanded.append(source)
        elif Path(source).is_dir():
            expanded.extend(_walk(source))
        elif Path(source).exists() or not _GLOB_CHARS.search(source):
            expanded.append(source)
        else:
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                expanded.append(source)
            for match in matches:
                if Path(match).is_dir():
                    expanded.extend(_walk(match))
                elif not Path(match).name.startswith("."):
                    expanded.append(match)
    return list(dict.fromkeys(expanded))


def _walk(folder: str) -> list[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            found.append((Path(os.path.relpath(path, folder)).parts, path))
    return [path for _, path in sorted(found)]
