"""Every export format by name: ``write_export("csv", analyses, reconciliation, folder)``.

A writer takes the analyses, the reconciliation and a path: a file for every format but ``csv``,
whose path is a folder of one file per table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import Analysis, Reconciliation
from .export_csv import write_csv
from .export_gexf import write_gexf
from .export_graphml import write_graphml
from .export_json import export_data, write_json
from .export_jsonld import write_jsonld
from .export_timelinejs import write_timelinejs
from .export_xlsx import write_xlsx

Writer = Callable[[Sequence[Analysis], Reconciliation, Path], None]


def _write_json(analyses: Sequence[Analysis], reconciliation: Reconciliation, path: Path) -> None:
    write_json(export_data(list(analyses), reconciliation), path)


def _write_csv(analyses: Sequence[Analysis], reconciliation: Reconciliation, path: Path) -> None:
    write_csv(analyses, reconciliation, path)


EXPORTERS: dict[str, Writer] = {
    "json": _write_json,
    "csv": _write_csv,
    "xlsx": write_xlsx,
    "timelinejs": write_timelinejs,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "jsonld": write_jsonld,
}
EXPORT_FORMATS = tuple(EXPORTERS)
FOLDER_FORMATS = frozenset({"csv"})


def write_export(
    format: str, analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    """Write ``format`` to ``path``; a ``KeyError`` names an unknown format."""
    if format not in EXPORTERS:
        raise KeyError(f"unknown export format {format!r}; available: {', '.join(EXPORTERS)}")
    EXPORTERS[format](analyses, reconciliation, Path(path))
