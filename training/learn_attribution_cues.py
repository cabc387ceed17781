"""Learn the attribution cue lexicon from PolNeAR's train split (``language/en/attribution_cues``).

    .venv/bin/python training/learn_attribution_cues.py \
        > src/triangulate/language/en/attribution_cues.py

Every annotated cue (its first annotator's file per article) is read by the trained pipeline:
each article is tagged in full, and the lemma of a cue's last verb (else its last noun, else its
first word) is the cue word. Of a lemma that is a cue at least ``MIN_COUNT`` times, a word form
is kept when, with the part of speech it has there, it is a cue at least ``MIN_FORM_COUNT`` times
and in at least ``MIN_SHARE`` of its occurrences with that part of speech in the same texts
(``show`` is, ``make`` is not); one that is a cue in at least ``MIN_CLAUSAL_SHARE`` counts only
before a clause (``think that …``, ``want to …``). Each form has its own share: ``attacked`` is
a cue far more often than ``attack``, ``stated`` than ``states``, the verb ``report`` than the
noun.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_polnear import annotated_texts  # noqa: E402

from triangulate.analyze.parse import ud_pipeline  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_COUNT = 5
MIN_FORM_COUNT = 2
MIN_SHARE = 0.2
MIN_CLAUSAL_SHARE = 0.1
_SPAN = re.compile(r"Cue (\d+) (\d+)")
_HEADER = '''"""Attribution cue words learned from PolNeAR train
(``training/learn_attribution_cues.py``): of each lemma that was an annotated cue at least {count}
times, the word forms that were cues at least {forms} times, by the share of their occurrences
with that part of speech that were cues: at least {share:.0%} for any cue, at least {clausal:.0%}
for cues that count only before a clause."""'''


def cues(split: str = "train") -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each article's text and its annotated cue spans."""
    for _name, text, annotation in annotated_texts(split):
        spans = []
        for line in annotation.read_text(encoding="utf-8").splitlines():
            match = _SPAN.search(line) if line.startswith("T") else None
            if match:
                spans.append((int(match.group(1)), int(match.group(2))))
        yield text, spans


def _kind(token: Token) -> str:
    return "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_


def main() -> int:
    nlp = ud_pipeline()
    if nlp is None:
        return 2
    counts: Counter[str] = Counter()
    forms: dict[str, set[tuple[str, str]]] = defaultdict(set)
    form_cues: Counter[tuple[str, str]] = Counter()
    occurrences: Counter[tuple[str, str]] = Counter()
    articles = list(cues())
    docs = nlp.pipe((text for text, _spans in articles), disable=["parser"], batch_size=8)
    for doc, (_text, spans) in zip(docs, articles, strict=True):
        occurrences.update((token.lower_, _kind(token)) for token in doc if token.is_alpha)
        for start, end in spans:
            words = [token for token in doc.char_span(start, end, alignment_mode="expand") or ()
                     if token.is_alpha]
            if not words:
                continue
            verbs = [token for token in words if _kind(token) == "VERB"]
            nouns = [token for token in words if token.pos_ == "NOUN"]
            head = verbs[-1] if verbs else nouns[-1] if nouns else words[0]
            lemma = head.lemma_.lower()
            counts[lemma] += 1
            forms[lemma].add((head.lower_, _kind(head)))
            form_cues[head.lower_, _kind(head)] += 1
    shares = {form: form_cues[form] / occurrences[form] for form in form_cues
              if form_cues[form] >= MIN_FORM_COUNT and occurrences[form]}
    print(_HEADER.format(count=MIN_COUNT, forms=MIN_FORM_COUNT, share=MIN_SHARE,
                         clausal=MIN_CLAUSAL_SHARE))
    print("\nfrom __future__ import annotations\n\nfrom . import words\n")
    listed: set[str] = set()
    for name, low in (("ATTRIBUTION_CUE_FORMS", MIN_SHARE),
                      ("CLAUSAL_CUE_FORMS", MIN_CLAUSAL_SHARE)):
        print(f'{name}: frozenset[str] = words("""')
        for lemma, count in counts.most_common():
            if count < MIN_COUNT:
                break
            kept = sorted({word for word, kind in forms[lemma]
                           if shares.get((word, kind), 0.0) >= low} - listed)
            listed.update(kept)
            if kept:
                print(f"    {' '.join(kept)}")
        print('""")' + ("\n" if name == "ATTRIBUTION_CUE_FORMS" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
