"""Hostile inputs to the per-document analysis: one very long "word", a text longer than spaCy
takes at once, a document dated at the end of the calendar.

Where the old code took quadratic time the analysis runs in a subprocess with a generous
timeout, so that the test fails instead of hanging; nothing here asserts how long a step takes.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from triangulate.analyze import entity_model
from triangulate.analyze.entity_tokens import url_spans
from triangulate.analyze.nlp import LONGEST_WORD, plain, split_sentences
from triangulate.analyze.pipeline import analyze_document
from triangulate.analyze.quantity_grammar import masked_offsets
from triangulate.analyze.time import find_times
from triangulate.ingest.readers import read_source
from triangulate.model import Analysis, Document

END_OF_TIME = datetime.date(9999, 12, 31)


def document(text: str, published: str | None = "2020-08-01") -> Document:
    """A document as given to the library (ingest would not believe a date in year 9999)."""
    return Document("hostile", "hostile.txt", "0", text, published=published, language="en")


def assert_spans_in_text(analysis: Analysis) -> None:
    text = analysis.document.text
    for name in ("sentences", "mentions", "times", "quantities", "claims", "events"):
        for span in getattr(analysis, name):
            assert 0 <= span.start <= span.end <= len(text), (name, span)


def run_isolated(script: str, timeout: float = 120) -> dict[str, object]:
    """Run ``script`` in a fresh interpreter; it prints one JSON line last."""
    try:
        done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the analysis did not finish within {timeout} s")
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---- one very long word ------------------------------------------------------------------

LONG_WORD_SCRIPT = """
    import json
    from triangulate.analyze.pipeline import analyze_document
    from triangulate.model import Document

    n = 50_000  # one word of n characters; the lists, of many words, are shorter
    words = {
        "letters": "a" * n,
        "capitalised": "A" + "a" * (n - 1),
        "digits and dots": ".".join(["123"] * (n // 4)),
        "hyphens": "-" * n,
        "spaces": " " * n,
        "quotation marks": '"' * n,
        "closing quotes": "\\u201d" * n,
        "a listed number": ", ".join(["18"] * 2500),
        "dates": " ".join(["12 July"] * 1250),
        "quoted words": 'x "a b c" ' * 1000,
    }
    found = {}
    for shape, word in words.items():
        text = "The minister said on 12 July 2020 that " + word + " was delivered by 400 tons."
        analysis = analyze_document(Document("d", "d.txt", "0", text, language="en",
                                             published="2020-08-01"))
        for name in ("sentences", "mentions", "times", "quantities", "claims", "events"):
            for span in getattr(analysis, name):
                assert 0 <= span.start <= span.end <= len(text), (shape, name, span)
        found[shape] = [t.value for t in analysis.times][:1]
    print(json.dumps(found))
"""


def test_one_very_long_word_of_any_shape_is_analysed() -> None:
    found = run_isolated(LONG_WORD_SCRIPT)
    assert found["letters"] == ["2020-07-12"]
    assert found["quotation marks"] == ["2020-07-12"]


def test_spacy_sees_long_runs_by_their_ends_only() -> None:
    text = "Look: " + '"' * 500 + " and " + "b" * (LONGEST_WORD + 1) + "."
    seen = plain(text)
    assert len(seen) == len(text)
    assert [c.isspace() for c in seen] == [c.isspace() for c in text]
    assert seen.startswith('Look: """') and '"x' in seen and seen.endswith("bbbbbbb.")
    assert plain("short words stay " + "c" * LONGEST_WORD) == "short words stay " + "c" * 100


def test_sentences_around_a_long_run_of_punctuation() -> None:
    text = "First sentence here. " + "\u201d" * 5000 + " Second one ends. Third one."
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences[0].startswith("First sentence here.")
    assert sentences[-1] == "Third one."
    assert "".join(sentences).count("\u201d") == 5000


def test_a_sentence_that_lost_its_full_stop_ends_before_the_next_one_opens() -> None:
    text = ("Officials said 13 have died, citing medical sources As the police cracked down, the "
            "leader was placed under arrest. Residents said As Good As It Gets was showing.")
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "Officials said 13 have died, citing medical sources",
        "As the police cracked down, the leader was placed under arrest.",
        "Residents said As Good As It Gets was showing.",
    ]


def test_addresses_in_long_words() -> None:
    assert url_spans("a" * 5000) == []
    assert url_spans("a-" * 3000) == []
    text = "see www.example.com and a.b.example.org, or -x.com, mail j.doe@x-y.co.uk."
    assert [text[a:b] for a, b in url_spans(text)] == [
        "www.example.com", "a.b.example.org", "x.com", "j.doe@x-y.co.uk"
    ]


def test_codes_in_long_words_still_hide_their_digits() -> None:
    text = "The A320, MH17 and COVID-19 flew " + "a" * 5000 + "7 times, and 12 ships."
    assert [text[i : i + 2] for i in sorted(masked_offsets(text))] == ["32", "17", "19", "7 "]


def test_long_lists_of_numbers_and_dates_in_one_sentence() -> None:
    assert find_times(", ".join(["18"] * 5000), datetime.date(2020, 8, 1)) == []
    listed = "on " + ", ".join(str(day) for day in range(1, 29)) + " and 29 July 2020"
    assert [t.value for t in find_times(listed, None)] == [
        f"2020-07-{day:02d}" for day in range(1, 30)
    ]
    sailed = "The ships sailed " + " and ".join(["on 3 July"] * 1000) + "."
    found = find_times(sailed, datetime.date(2020, 8, 1))
    assert len(found) == 1000 and {t.value for t in found} == {"2020-07-03"}


def test_many_quotes_in_one_text_keep_their_speakers() -> None:
    names = ["Ann Lee", "Bo Chan", "Cy Diaz"]
    text = " ".join(f'{names[i % 3]} arrived. "The ships number {i} had sailed," he said.'
                    for i in range(300))
    claims = analyze_document(document(text)).claims
    assert len(claims) == 300
    assert [c.speaker_text for c in claims[:3]] == names


# ---- a text longer than spaCy takes --------------------------------------------------------


def test_a_text_over_a_million_characters_is_split_into_its_sentences() -> None:
    pieces = [f"Ship {number} sailed to port {number % 97}." for number in range(50_000)]
    text = " ".join(pieces)
    assert len(text) > 1_200_000  # more than ingest lets through: the library may be given it
    analysis = analyze_document(document(text), stages=("sentences",))
    assert [text[s.start : s.end] for s in analysis.sentences] == pieces


def test_a_million_characters_without_a_space() -> None:
    text = "a" * 1_100_000 + ". It ended."
    sentences = split_sentences(text)
    assert text[sentences[-1].start : sentences[-1].end] == "It ended."
    assert sum(s.end - s.start for s in sentences[:-1]) == 1_100_001


def test_more_sentences_than_the_recogniser_remembers(monkeypatch: pytest.MonkeyPatch) -> None:
    if not entity_model.model_available():
        pytest.skip("the entity model is not shipped")
    text = " ".join(f"Minister Ann Lee met Bo Chan in Paris on day {n}." for n in range(8))
    sentences = split_sentences(text)
    expected = entity_model.model_spans(text, sentences)
    monkeypatch.setattr(entity_model, "_SEEN", {})
    monkeypatch.setattr(entity_model, "_SEEN_LIMIT", 3)
    assert entity_model.model_spans(text, sentences) == expected
    assert len(expected) >= 8


LARGE_TEXT_SCRIPT = """
    import json, random
    from triangulate.analyze import entities
    from triangulate.analyze.pipeline import analyze_document
    from triangulate.model import Document

    entities.model_available = lambda: False  # the rules find names; the model is slow here
    rng = random.Random(7)
    people = ["Ann Lee", "the ministry", "He", "Reuters", "Gen. Bo Chan", "They"]
    pieces = []
    for number in range(12_000):
        pieces.append(
            f"{rng.choice(people)} said {rng.randrange(2, 900)} trucks arrived in Tovuz on "
            f"{rng.randrange(1, 29)} July and {rng.randrange(2, 50)} flights landed the "
            f"previous day." if number % 3 else f'"The cargo number {number} was seized," '
            f"{rng.choice(people)} said."
        )
    text = " ".join(pieces)
    analysis = analyze_document(Document("d", "d.txt", "0", text, language="en",
                                         published="2020-08-01"))
    print(json.dumps({"characters": len(text), "claims": len(analysis.claims),
                      "events": len(analysis.events), "times": len(analysis.times)}))
"""


def test_claims_and_events_of_a_long_text_are_found_in_linear_time() -> None:
    found = run_isolated(LARGE_TEXT_SCRIPT, timeout=240)
    assert isinstance(found["characters"], int) and found["characters"] > 800_000
    assert isinstance(found["claims"], int) and found["claims"] > 6_000
    assert found["events"] == 16_000  # an arrival and a landing in each of 8,000 sentences
    assert isinstance(found["times"], int) and found["times"] >= 16_000


# ---- the end of the calendar ---------------------------------------------------------------

BEYOND = ("In 5000 years, the next century, next year and next month, tomorrow, next Monday, "
          "a year later, three days later, in December next year, 99999999999999999999 days "
          "later and the following day the ships sailed; yesterday and on 30 December they "
          "had not.")


def test_relative_dates_past_the_year_9999_are_dropped() -> None:
    found = {t.text: t for t in find_times(BEYOND, END_OF_TIME)}
    assert found["yesterday"].value == "9999-12-30"
    assert found["30 December"].value == "9999-12-30"
    for time in found.values():
        assert time.date_start is None or "0001" <= time.date_start <= "9999-12-31"
    assert not {"next year", "next month", "tomorrow", "the next century"} & set(found)


def test_relative_dates_before_the_year_1_are_dropped() -> None:
    text = "Last year, yesterday, 5 years ago and the previous century it rained; today not."
    found = {t.text: t.value for t in find_times(text, datetime.date(1, 1, 1))}
    assert found["today"] == "0001-01-01"
    assert not {"Last year", "yesterday", "5 years ago", "the previous century"} & set(found)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "9999-12", "2020-02-30"])
def test_a_document_dated_at_the_edge_of_the_calendar_keeps_its_analysis(
    published: str,
) -> None:
    analysis = analyze_document(document(BEYOND, published))
    assert analysis.times and analysis.claims
    assert_spans_in_text(analysis)


def test_an_undated_document_that_counts_past_the_year_9999(tmp_path: Path) -> None:
    path = tmp_path / "far.txt"
    path.write_text("The treaty was signed on 10 November 2020. More than 9000 years have "
                    "passed since 10 November 2020, and the ships sailed 9000 years later.\n")
    analysis = analyze_document(read_source(str(path)))
    assert analysis.document.published == "2020-11-10"
    assert analysis.document.published_basis == "inferred"
    assert [t.value for t in analysis.times if t.type == "date"] == ["2020-11-10", "2020-11-10"]
