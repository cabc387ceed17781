"""Learn the event-word lexicon from ECB+'s train topics (``language/en/event_words.py``).

    .venv/bin/python training/learn_event_words.py > src/triangulate/language/en/event_words.py

Each train document is rebuilt from its tokens (one sentence a line, as the benchmark does) and
read by the trained pipeline. A word's lemma, by its part of speech, is counted where it occurs
and where it lies inside an annotated event mention. Kept:

* ``EVENT_NOUNS``: nouns and adjectives that report a happening ("attack", "dead"): lower-case
  lemmas annotated at least ``MIN_COUNT`` times and in at least ``MIN_SHARE`` of their
  occurrences;
* ``STATE_VERBS``: verbs that do not ("be", "include"): lemmas seen at least ``MIN_COUNT``
  times as a verb and annotated in less than ``MAX_VERB_SHARE`` of them; every other verb is
  taken to report a happening.

Only the train topics are read; the dev topics measure the result (``benchmarks/bench_events.py``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from ecbplus import ECBPLUS, read_corpus  # noqa: E402

from triangulate.analyze.parse import ud_pipeline  # noqa: E402

MIN_COUNT = 2
MIN_SHARE = 0.5
MAX_VERB_SHARE = 0.25
_NOMINAL = {"NOUN", "ADJ"}


def counts() -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    documents = read_corpus(ECBPLUS / "ECB_Train_corpus.txt")
    marked: set[tuple[str, int]] = set()
    for entry in json.loads((ECBPLUS / "ECB_Train_Event_gold_mentions.json").read_text()):
        document = documents.get(entry["doc_id"])
        if document is None or entry["sent_id"] not in document.sentence_start:
            continue
        first = document.sentence_start[entry["sent_id"]]
        marked.update((entry["doc_id"], first + n) for n in entry["tokens_number"])
    nlp = ud_pipeline()
    if nlp is None:
        raise SystemExit("the trained pipeline is not installed")
    seen: Counter[tuple[str, str]] = Counter()
    annotated: Counter[tuple[str, str]] = Counter()
    for name, document in sorted(documents.items()):
        starts = {start: index for index, (start, _) in enumerate(document.spans)}
        for token in nlp(document.text):
            index = starts.get(token.idx)
            if index is None or not token.text.isalpha():
                continue
            pos = "NOUN" if token.pos_ in _NOMINAL else token.pos_
            key = (token.lemma_.lower(), pos)
            seen[key] += 1
            if (name, index) in marked:
                annotated[key] += 1
    return seen, annotated


def main() -> None:
    seen, annotated = counts()
    nouns = sorted(
        lemma for (lemma, pos), n in seen.items()
        if pos == "NOUN" and annotated[(lemma, pos)] >= MIN_COUNT
        and annotated[(lemma, pos)] / n >= MIN_SHARE
    )
    states = sorted(
        lemma for (lemma, pos), n in seen.items()
        if pos in ("VERB", "AUX") and n >= MIN_COUNT
        and annotated[(lemma, pos)] / n < MAX_VERB_SHARE
    )
    print('"""Words that report a happening, learned from ECB+\'s train topics by')
    print("``training/learn_event_words.py`` (do not edit by hand).")
    print('"""\n\nfrom __future__ import annotations\n\nfrom . import words\n')
    for name, listed, doc in (
        ("EVENT_NOUNS", nouns, "Nouns and adjectives that report a happening (lemmas)."),
        ("STATE_VERBS", states, "Verbs that report no happening (lemmas); every other verb does."),
    ):
        print(f"{name} = words(")
        line = ""
        for word in listed:
            if len(line) + len(word) + 1 > 90:
                print(f'    "{line} "')
                line = ""
            line = f"{line} {word}".strip()
        print(f'    "{line}"\n)')
        print(f'"""{doc}"""\n')


if __name__ == "__main__":
    main()
