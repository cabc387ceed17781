"""Content words and stems: spaCy's stop words without importing spaCy."""

from __future__ import annotations

import subprocess
import sys

from triangulate.language.en.stems import content_words, stop_words


def test_the_stop_words_are_spacy_s_and_a_few_reporting_words() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    assert stop_words() == frozenset(STOP_WORDS) | {"said", "says", "told", "according",
                                                    "also", "would", "could"}
    assert list(content_words("Officials said the flooding had killed nine people")) == [
        "officia", "flood", "kill", "people"]  # stems of seven letters at most


def test_reading_the_stop_words_does_not_import_spacy() -> None:
    code = ("import sys; from triangulate.language.en.stems import stop_words; stop_words(); "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
