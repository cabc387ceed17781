"""Speaker attribution: ``find_claims`` against a simple baseline on annotated sentences.

Run: ``.venv/bin/python benchmarks/bench_attribution.py [--verbose]``

Each line of ``attribution_cases.jsonl`` is ``{"text", "speaker", "content"}``; ``speaker`` is
null where the sentence has no attribution (the outlet asserts it).  Speakers are compared
case-folded with a leading "the" dropped.  Precision: correct speakers / speakers given;
recall: correct speakers / attributed sentences.  Content: exact content span, counted over
the sentences whose speaker was right (or rightly none).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from triangulate.analyze.claims import find_claims
from triangulate.analyze.nlp import split_sentences
from triangulate.language.en.speech import SPEECH_VERB_FORMS
from triangulate.model import Analysis, Document, Mention

CASES = Path(__file__).with_name("attribution_cases.jsonl")
Prediction = tuple[str | None, str | None]  # (speaker, content)


def mention_finder() -> Callable[[Analysis], tuple[Mention, ...]] | None:
    try:
        from triangulate.analyze.entities import find_mentions
    except ImportError:
        return None

    def run(analysis: Analysis) -> tuple[Mention, ...]:
        return tuple(find_mentions(analysis.document.text, analysis.sentences))

    return run


def system(text: str, mentions: Callable[[Analysis], tuple[Mention, ...]] | None) -> Prediction:
    analysis = Analysis(Document("case", "case", "0", text), sentences=tuple(split_sentences(text)))
    if mentions is not None:
        analysis = Analysis(analysis.document, analysis.sentences, mentions(analysis))
    claims = find_claims(analysis)
    for claim in claims:
        if claim.speaker_text:
            return claim.speaker_text, claim.text
    return None, claims[0].text if claims else None


_WORD = re.compile(r"[\w’'.-]+")


def baseline(text: str) -> Prediction:
    """A speech verb and the capitalised name nearest to it."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    verbs = [i for i, (_, w) in enumerate(words) if w in SPEECH_VERB_FORMS]
    if not verbs:
        return None, text
    verb = verbs[0]
    names: list[tuple[int, int]] = []  # runs of capitalised words (first index, last index)
    for index, (_, word) in enumerate(words):
        if word[0].isupper():
            if names and names[-1][1] == index - 1:
                names[-1] = (names[-1][0], index)
            else:
                names.append((index, index))
    if not names:
        return None, text
    first, last = min(names, key=lambda run: min(abs(run[0] - verb), abs(run[1] - verb)))
    start = words[first][0]
    end = words[last][0] + len(words[last][1])
    return text[start:end], None


def normal(speaker: str | None) -> str | None:
    if speaker is None:
        return None
    folded = " ".join(speaker.replace("’", "'").lower().split())
    return folded.removeprefix("the ")


def score(
    cases: list[dict[str, str | None]], predict: Callable[[str], Prediction]
) -> dict[str, float]:
    given = correct = gold = content_right = speaker_right = 0
    for case in cases:
        speaker, content = predict(str(case["text"]))
        expected = normal(case["speaker"])
        gold += expected is not None
        given += speaker is not None
        match = normal(speaker) == expected
        correct += match and expected is not None
        if match:
            speaker_right += 1
            content_right += content == case["content"]
    precision = correct / given if given else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "content": content_right / speaker_right if speaker_right else 0.0,
    }


def main() -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    mentions = mention_finder()
    runs = {
        "find_claims": lambda text: system(text, mentions),
        "baseline (verb + nearest name)": baseline,
    }
    attributed = sum(1 for c in cases if c["speaker"])
    print(
        f"{len(cases)} sentences, {attributed} attributed; entity mentions: "
        f"{'find_mentions' if mentions else 'none (entities stage not importable)'}"
    )
    print(f"{'system':34} {'precision':>9} {'recall':>7} {'F1':>6} {'content':>8}")
    for name, predict in runs.items():
        result = score(cases, predict)
        print(
            f"{name:34} {result['precision']:9.3f} {result['recall']:7.3f} "
            f"{result['f1']:6.3f} {result['content']:8.3f}"
        )
    if "--verbose" in sys.argv:
        for case in cases:
            speaker, content = runs["find_claims"](case["text"])
            if normal(speaker) != normal(case["speaker"]) or content != case["content"]:
                print(
                    f"- {case['text']}\n  gold {case['speaker']!r} | {case['content']!r}"
                    f"\n  got  {speaker!r} | {content!r}"
                )


if __name__ == "__main__":
    main()
