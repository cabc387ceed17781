"""English plurals: irregular and invariant forms, words that only look plural, and the
singular of a plural noun."""

from __future__ import annotations

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "children": "child", "women": "woman", "men": "man", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "thieves": "thief", "wolves": "wolf",
    "shelves": "shelf", "leaves": "leaf", "criteria": "criterion", "phenomena": "phenomenon",
    "analyses": "analysis", "crises": "crisis", "theses": "thesis", "indices": "index",
    "heroes": "hero", "tomatoes": "tomato", "potatoes": "potato", "echoes": "echo",
    "vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano", "cacti": "cactus",
    "nuclei": "nucleus", "media": "media", "data": "data", "oxen": "ox", "dice": "die",
}
INVARIANT_PLURALS = frozenset({
    "aircraft", "spacecraft", "hovercraft", "sheep", "deer", "fish", "personnel", "staff",
    "police", "cattle", "livestock", "series", "species", "headquarters", "offspring", "swine",
    "crossroads", "barracks", "means", "militia", "infantry", "clergy", "poultry",
})
NOT_PLURAL = frozenset({
    "news", "its", "this", "was", "has", "is", "us", "his", "hers", "yes", "less", "across",
    "perhaps", "always", "towards", "whereas", "thus", "plus", "minus", "bus", "gas", "status",
    "virus", "campus", "census", "consensus", "bonus", "focus", "basis", "crisis", "analysis",
    "chaos", "atlas", "alias", "bias", "lens", "physics", "economics", "politics", "athletics",
    "mathematics", "besides", "afterwards", "sometimes", "overseas", "nowadays", "does", "goes",
    "series", "species", "means", "whereabouts", "congress", "press", "process", "business",
    "address", "success", "access", "progress", "boss", "loss", "class", "glass", "grass",
    "mass", "pass", "gross", "cross", "chess", "dress", "stress", "express", "kansas",
    "texas", "paris", "tunis", "athens", "brussels", "wales", "honduras", "cyprus", "belarus",
    "netherlands", "philippines", "seychelles", "maldives", "bahamas",
})
MAN_EXCEPTIONS = frozenset({"specimen", "abdomen", "regimen", "omen", "amen", "stamen", "semen"})


def singular(word: str, capitalized: bool = False) -> str:
    """The singular of a lower-case plural noun; other words come back unchanged."""
    if capitalized and word.endswith("is") and word not in NOT_PLURAL and len(word) > 4:
        return word[:-1]
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word in INVARIANT_PLURALS or word in NOT_PLURAL:
        return word
    if word.endswith("men") and word not in MAN_EXCEPTIONS and len(word) > 4:
        return word[:-3] + "man"
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun`` in agreement: ``1 document``, ``2 documents``, ``0 documents``."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural or noun + 's'}"
