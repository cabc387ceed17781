"""Abbreviations that end in a full stop but do not end a sentence (general English usage)."""

from __future__ import annotations

from .calendar import MONTH_ABBREVIATIONS

ABBREVIATIONS: tuple[str, ...] = (
    "Lt.",
    "Gen.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Cmdr.",
    "Adm.",
    "Brig.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Rev.",
    "Prof.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "St.",
    "Jr.",
    "Sr.",
    "No.",
    "Pres.",
    "Amb.",
    "Dept.",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Co.",
    "vs.",
    "approx.",
    "est.",
    *(f"{month.capitalize()}." for month in MONTH_ABBREVIATIONS),
)
