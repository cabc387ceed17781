"""The per-document analysis on generated texts: it returns, and every span it gives is in the text.

Texts mix news-like sentences built from the word lists below with the odd things real files
hold: impossible dates, unbalanced quotation marks and brackets, emoji, right-to-left script,
combining marks, NULs, very long and very short lines, lines of punctuation.  The seed is fixed,
so a failure is reproducible: the message names the case.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from collections.abc import Iterator

import pytest

from triangulate.analyze.pipeline import analyze_document
from triangulate.analyze.timex_calendar import first_day, last_day
from triangulate.errors import SourceError
from triangulate.ingest.clean import CleanedText
from triangulate.ingest.metadata import TextMetadata
from triangulate.ingest.readers import build_document
from triangulate.model import Analysis, Document, Span, TimeRange

SEED = 20240611
CASES = 180

PEOPLE = ["Ilse Varga", "President Okafor", "Mr. Tanaka", "Dr. Amara Singh", "Gen. Petrov",
          "Maria", "the minister", "a spokesman", "Lt. Col. O'Neill", "Jean-Luc Moreau", "He",
          "She", "They", "It", "the reports"]
PLACES = ["Lisbon", "the port of Haifa", "Kyiv", "northern Mali", "São Paulo", "Tovuz",
          "New York", "the Black Sea", "Al-Hasakah", "Qaraqalpaqstan"]
GROUPS = ["the Defence Ministry", "Reuters", "the United Nations", "state media", "NATO",
          "the army", "Amnesty International", "the Red Cross", "local officials"]
VERBS = ["said", "told reporters", "denied", "claimed", "reported", "confirmed", "insisted",
         "announced", "wrote", "may have said"]
EVENTS = ["flew", "landed", "attacked", "arrived", "were killed", "shelled", "delivered",
          "met", "signed", "crashed"]
NOUNS = ["flights", "tons of cargo", "soldiers", "trucks", "civilians", "rockets",
         "barrels", "people", "aircraft", "ships"]
DATES = ["on 31 February", "12-16 July 2020", "the previous day", "on 18, 20 and 27 July",
         "last month", "on Monday", "in 5000 years", "the next century", "on 29 February 2021",
         "in the 1990s", "on 0 March", "between 12 and 16 August", "2020-13-45", "31.12.9999",
         "on July 18, 20 and 29", "in 9999", "the day before", "on 1 January 0001",
         "three days later", "15 months after 10 November 2020", "at 25:61", "next year",
         "the 1st century", "in the spring", "99999999999999999999 days later"]
AMOUNTS = ["over 400 tons", "up to $4 billion", "seven", "1,000,000", "between 10 and 15",
           "12 soldiers and a civilian", "about 3.5 km", "-5", "0.000001 percent",
           "nine hundred and ninety-nine", "10^100", "1e400", "2 hours 15 minutes", "½",
           "hundreds of", "99999999999999999999999", "a dozen", "3-1"]
ODD = ["\u0000", "\u200b", "\u202e", "\ufeff", "\u00ad", "\U0001f600", "\U0001f680",
       "\U0001f469\u200d\U0001f469\u200d\U0001f467", "e\u0301\u0301\u0301",
       "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587", "\u00a0",
       "\t", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b[31m", "\\", "{", "}", "<b>",
       "&amp;", "%s", "\ufffd"]
PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?-–—…*•/\\|@#$%^&_~`+=<>"


def _sentence(rng: random.Random) -> str:
    parts = [
        f"{rng.choice(PEOPLE + GROUPS)} {rng.choice(VERBS)}",
        rng.choice(["", " that", ",", ":"]),
        f" {rng.choice(AMOUNTS)} {rng.choice(NOUNS)} {rng.choice(EVENTS)}",
        f" in {rng.choice(PLACES)}" if rng.random() < 0.6 else "",
        f" {rng.choice(DATES)}" if rng.random() < 0.7 else "",
        rng.choice([".", ".", "!", "?", "", ";", "..."]),
    ]
    sentence = "".join(parts)
    if rng.random() < 0.3:
        sentence = rng.choice(["\"", "“", "'", "(", "["]) + sentence  # often left open
    if rng.random() < 0.2:
        sentence = sentence + rng.choice(["\"", "”", ")", "]", "’"])
    return sentence


def _noise(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 0:
        return "".join(rng.choice(PUNCTUATION) for _ in range(rng.randrange(1, 60)))
    if kind == 1:
        return "".join(rng.choice(ODD) for _ in range(rng.randrange(1, 12)))
    if kind == 2:
        return rng.choice(PUNCTUATION) * rng.randrange(20, 600)
    if kind == 3:
        return rng.choice(["a", "A", "1", "-", ".", " ", "ab ", "Ab-", "1,"]) * rng.randrange(
            20, 400
        )
    if kind == 4:
        return str(rng.randrange(10 ** rng.randrange(1, 40)))
    if kind == 5:
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 80)))
    if kind == 6:
        return rng.choice(DATES) + " " + rng.choice(AMOUNTS)
    return rng.choice(["", " ", "\n", ".", "-", "I", "a"])


def generated_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(1, 8)):
        pieces = [
            _sentence(rng) if rng.random() < 0.7 else _noise(rng)
            for _ in range(rng.randrange(0, 5))
        ]
        glue = rng.choice([" ", " ", "", "  ", "\t"])
        lines.append(glue.join(pieces))
    text = rng.choice(["\n", "\n\n", "\r\n", "\n \n"]).join(lines)
    return text if text.strip() else "Nothing happened."


PUBLISHED = [None, "0001-01-01", "9999-12-31", "2020-08-12", "2020-02-29", "1970-01-01",
             "2020-07", "2021", "9999-12", "0001"]


def generated_published(rng: random.Random) -> str | None:
    if rng.random() < 0.6:
        return rng.choice(PUBLISHED)
    return datetime.date.fromordinal(rng.randrange(1, 3_652_060)).isoformat()


def document(text: str, published: str | None, read: bool = False) -> Document:
    """The document as ingest builds it (``read``: its text and date made plausible, unless
    ingest refuses it), else as given, NULs, lone controls and impossible dates included."""
    if read:
        metadata = TextMetadata(published=published, language="en")
        try:
            return build_document("fuzz.txt", text.encode(), CleanedText(text, ()), metadata,
                                  "text/plain")
        except SourceError:
            pass
    return Document("fuzz", "fuzz.txt", "0", text, published=published, language="en")


def spans_of(value: object, path: str = "analysis") -> Iterator[tuple[str, object]]:
    """Every annotation below ``value`` with the path it was reached by."""
    if isinstance(value, Document):
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield path, value
        for field in dataclasses.fields(value):
            yield from spans_of(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from spans_of(item, f"{path}[{index}]")


def _check_dates(path: str, *isos: str | None) -> None:
    for iso in isos:
        if iso is not None:
            assert first_day(iso) <= last_day(iso), (path, iso)  # raises past year 9999


def check_analysis(analysis: Analysis) -> None:
    assert isinstance(analysis, Analysis)
    text = analysis.document.text
    for path, item in spans_of(analysis):
        if isinstance(item, Span):
            assert 0 <= item.start <= item.end <= len(text), (path, item)
            surface = getattr(item, "text", None)
            if isinstance(surface, str):
                assert surface == text[item.start : item.end], (path, item)
        if isinstance(item, TimeRange):
            _check_dates(path, item.start, item.end)
        _check_dates(path, getattr(item, "date_start", None), getattr(item, "date_end", None))
    for earlier, later in zip(analysis.sentences, analysis.sentences[1:], strict=False):
        assert earlier.end <= later.start, (earlier, later)


def _cases() -> list[tuple[str, str | None]]:
    rng = random.Random(SEED)
    return [(generated_text(rng), generated_published(rng)) for _ in range(CASES)]


def test_generated_texts_analyse_without_error_and_spans_stay_in_the_text() -> None:
    for number, (text, published) in enumerate(_cases()):
        try:
            check_analysis(analyze_document(document(text, published, read=number % 2 == 1)))
        except Exception as error:
            pytest.fail(f"case {number} (published {published!r}, text {text[:300]!r}...): "
                        f"{type(error).__name__}: {error}")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", None, "9999-12", "0001"])
def test_every_date_phrase_at_the_edges_of_the_calendar(published: str | None) -> None:
    text = " ".join(f"{person} said {amount} {noun} {event} {date}." for person, amount, noun,
                    event, date in zip(PEOPLE * 3, AMOUNTS * 2, NOUNS * 3, EVENTS * 3, DATES,
                                       strict=False))
    check_analysis(analyze_document(document(text, published)))
