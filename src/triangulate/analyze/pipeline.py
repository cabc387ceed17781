"""Stages registered by name and run in order over a document.

A stage is a function ``Analysis -> Analysis`` that adds its own annotations and reads the ones
earlier stages made; it never reaches into another stage's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from ..errors import AnalysisError
from ..model import Analysis, Document

Stage = Callable[[Analysis], Analysis]

STAGES: dict[str, Stage] = {}

DEFAULT_STAGES = (
    "sentences", "dating", "entities", "times", "quantities", "claims", "parse", "claim_sources",
    "facts", "fates", "offices", "events",
)


def register(name: str) -> Callable[[Stage], Stage]:
    """Register a stage under ``name`` (the decorator form)."""

    def add(stage: Stage) -> Stage:
        STAGES[name] = stage
        return stage

    return add


def get_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        return STAGES[name]
    except KeyError:
        raise AnalysisError(
            f"no stage named {name!r}; known: {', '.join(sorted(STAGES))}"
        ) from None


def analyze_document(document: Document, stages: Iterable[str] = DEFAULT_STAGES) -> Analysis:
    """Run the named stages over ``document`` and return its analysis (its metadata only when
    the stages cannot read its language)."""
    analysis = Analysis(document=document)
    if not document.analysable:
        return analysis
    for name in stages:
        analysis = _run(name, analysis)
    return analysis


FIRST_DATED_STAGE = "times"
"""The first default stage that reads the publication date: the ones before it read the text
alone."""


def analyze_redated(earlier: Analysis, document: Document) -> Analysis:
    """The analysis of a document whose publication date was found after it was analysed: the
    default stages before ``FIRST_DATED_STAGE`` (sentences, names) are kept from ``earlier``, and
    its parse too when the figures it was chosen by are the same; the result equals
    ``analyze_document(document)``."""
    if not document.analysable or earlier.document.text != document.text:
        return analyze_document(document)
    analysis = replace(earlier, document=document)
    for name in DEFAULT_STAGES[DEFAULT_STAGES.index(FIRST_DATED_STAGE):]:
        if name == "parse" and analysis.quantities == earlier.quantities:
            analysis = replace(analysis, tokens=earlier.tokens)
            continue
        analysis = _run(name, analysis)
    return analysis


def _run(name: str, analysis: Analysis) -> Analysis:
    stage = get_stage(name)
    try:
        return stage(analysis)
    except AnalysisError:
        raise
    except Exception as error:  # a stage bug must name the stage and the document
        raise AnalysisError(f"stage {name!r} failed: {type(error).__name__}: {error}") from error


def _load_builtin_stages() -> None:
    if STAGES.keys() >= set(DEFAULT_STAGES):
        return
    from . import stages  # noqa: F401  (registers the built-in stages)


__all__ = [
    "Stage",
    "STAGES",
    "DEFAULT_STAGES",
    "register",
    "get_stage",
    "analyze_document",
    "analyze_redated",
    "replace",
]
