"""Offices one person holds at a time, as news names them, with the office each name stands
for ("CEO" and "chief executive officer" are one office)."""

from __future__ import annotations

OFFICES: dict[str, str] = {
    "chief executive officer": "chief executive",
    "chief executive": "chief executive",
    "ceo": "chief executive",
    "chief operating officer": "chief operating officer",
    "chief financial officer": "chief financial officer",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "president": "president",
    "vice president": "vice president",
    "vice-president": "vice president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "foreign minister": "foreign minister",
    "interior minister": "interior minister",
    "defence minister": "defence minister",
    "defense minister": "defence minister",
    "finance minister": "finance minister",
    "health minister": "health minister",
    "health secretary": "health minister",
    "secretary-general": "secretary-general",
    "secretary general": "secretary-general",
    "director-general": "director-general",
    "director general": "director-general",
    "governor": "governor",
    "mayor": "mayor",
    "chancellor": "chancellor",
    "king": "king",
    "queen": "queen",
}
"""An office's name as written (lowercase) -> the office."""

NOT_THE_HOLDER = frozenset({
    "former", "ex", "then", "late", "acting", "interim", "outgoing", "incoming", "deputy",
    "assistant", "would-be", "designate", "elect",
})
"""Words that say the person named beside an office does not hold it now ("former chief
executive", "then-president", "president-elect")."""

REPLACED_BY = ("replaced", "succeeded", "ousted", "superseded")
"""Verbs that hand an office to the person after "with" or "by" ("X was replaced with Y")."""
