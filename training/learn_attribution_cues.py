"""Learn the attribution cue lexicon from PolNeAR's train split (``language/en/attribution_cues``).

    .venv/bin/python training/learn_attribution_cues.py \
        > src/triangulate/language/en/attribution_cues.py

Every annotated cue (its first annotator's file per article) is read by the trained pipeline;
the lemma of its last verb (else its last noun, else its first word) is the cue word. A lemma is
kept when it is a cue at least ``MIN_COUNT`` times and its word forms are cues in at least
``MIN_SHARE`` of their occurrences in the same texts (``show`` is, ``make`` is not); one whose
forms are cues in at least ``MIN_CLAUSAL_SHARE`` counts only before a clause (``think that …``,
``want to …``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_polnear import annotated_texts  # noqa: E402

from triangulate.analyze.parse import ud_pipeline  # noqa: E402

MIN_COUNT = 5
MIN_SHARE = 0.2
MIN_CLAUSAL_SHARE = 0.1
_SPAN = re.compile(r"Cue (\d+) (\d+)")
_HEADER = '''"""Attribution cue words learned from PolNeAR train
(``training/learn_attribution_cues.py``): the word forms of each lemma that was an annotated cue
at least {count} times, by the share of their occurrences that were cues: at least {share:.0%}
for any cue, at least {clausal:.0%} for cues that count only before a clause."""'''


def cues(split: str = "train") -> tuple[list[str], list[str]]:
    found: list[str] = []
    texts: list[str] = []
    for _name, text, annotation in annotated_texts(split):
        texts.append(text)
        for line in annotation.read_text(encoding="utf-8").splitlines():
            match = _SPAN.search(line) if line.startswith("T") else None
            if match:
                found.append(text[int(match.group(1)) : int(match.group(2))])
    return found, texts


def main() -> int:
    nlp = ud_pipeline()
    if nlp is None:
        return 2
    found, texts = cues()
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = defaultdict(set)
    form_cues: Counter[str] = Counter()
    for doc in nlp.pipe(found, batch_size=256):
        words = [t for t in doc if t.is_alpha]
        if not words:
            continue
        verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
        nouns = [t for t in words if t.pos_ == "NOUN"]
        head = verbs[-1] if verbs else nouns[-1] if nouns else words[0]
        lemma = head.lemma_.lower()
        counts[lemma] += 1
        forms[lemma].add(head.text.lower())
        form_cues[head.text.lower()] += 1
    occurrences: Counter[str] = Counter()
    for text in texts:
        occurrences.update(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    shares: dict[str, float] = {}
    for lemma in counts:
        total = sum(occurrences[f] for f in forms[lemma])
        shares[lemma] = sum(form_cues[f] for f in forms[lemma]) / total if total else 0.0
    print(_HEADER.format(count=MIN_COUNT, share=MIN_SHARE, clausal=MIN_CLAUSAL_SHARE))
    print("\nfrom __future__ import annotations\n\nfrom . import words\n")
    for name, low, high in (("ATTRIBUTION_CUE_FORMS", MIN_SHARE, 1.01),
                            ("CLAUSAL_CUE_FORMS", MIN_CLAUSAL_SHARE, MIN_SHARE)):
        print(f'{name}: frozenset[str] = words("""')
        for lemma, count in counts.most_common():
            if count < MIN_COUNT:
                break
            if low <= shares[lemma] < high:
                print(f"    {' '.join(sorted(forms[lemma]))}")
        print('""")\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())
