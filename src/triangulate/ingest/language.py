"""The document's language, told by py3langid: a naive Bayes model over byte n-grams (the
langid.py model, 97 languages) that ships inside its package, so nothing is downloaded."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

MIN_CONFIDENCE = 0.5
"""The least probability (normalised over the languages, calibrated to the text's length) at
which a guess is kept; below it the text gives too little to tell ("Hello", a list of names)."""


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text gives too little to tell."""
    if not any(char.isalpha() for char in text):
        return None
    code, confidence = _identifier().classify(text)
    return str(code) if confidence >= MIN_CONFIDENCE else None
