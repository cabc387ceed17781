"""Language detection on real English news, beside the function-word baseline it replaced.

    .venv/bin/python benchmarks/bench_language.py

A document the detector calls another language is analysed for metadata only, so the costly
error is an English text called something else. The sample is every English news text in
``../shared/data`` and the development corpus, each labelled English by its source: PolNeAR
(1,008 US political news articles, 2016), the TimeBank documents of TempEval-3 (183 wire and
newspaper stories) and the cleaned documents of the development clusters and seeds. Each is
tried whole, by its first paragraph and by its first line (a title, a teaser: the short texts
that feeds carry), and counted as English, undecided (None: analysed as English) or wrong.

The baseline is the detector shipped before py3langid: the share of each language's function
words among the text's words, with a script test for non-Latin alphabets.

No labelled sample of news in other languages is in ``../shared/data``; until one is, the
other side (a German text found German) is covered by tests only.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from triangulate.ingest import read_source_entries
from triangulate.ingest.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_TAG = re.compile(r"<[^>]+>")


def polnear() -> Iterator[str]:
    yield from (
        path.read_text(encoding="utf-8")
        for path in sorted((SHARED / "data" / "attribution" / "polnear").glob("*/text/*.txt"))
    )


def timebank() -> Iterator[str]:
    for path in sorted((SHARED / "data" / "timex" / "tbaq").rglob("*.tml")):
        body = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if body is not None:
            yield _TAG.sub("", body.group(1)).strip()


def development() -> Iterator[str]:
    corpus = SHARED / "corpus"
    for path in sorted([*corpus.glob("dev/*/*"), *corpus.glob("seeds/*")]):
        if path.suffix == ".md":
            continue
        documents, _failed = read_source_entries(str(path))
        yield from (document.text for document in documents)


_BASELINE_WORDS = {
    "en": "the of and to in a is that for on was with as by it at from are be this have has "
          "had not but or an were which their they its his her he she also been will would "
          "said who after over than more about into there",
    "de": "der die das und ist nicht mit von den des ein eine dem zu auf für sich auch es im "
          "wird wurde sind bei nach aus wie oder aber noch",
    "fr": "le la les de des et est une un du que qui dans pour pas sur par au aux avec ce il "
          "elle sont été ont plus mais ou cette leur",
    "es": "el la los las de del y que en un una es por con para no se su al lo como más pero "
          "fue ha sus sobre este esta entre",
    "it": "il lo la gli le di del della e che un una è per con non si sono nel alla al da "
          "anche come più ma questo",
    "pt": "o os a as de do da dos das e que em um uma é para com não se por mais foi ao como "
          "mas seu sua pelo pela",
    "nl": "de het een en van is dat op te in met voor niet zijn door er maar ook als bij aan "
          "om werd worden naar",
}
_BASELINE_SETS = {code: frozenset(words.split()) for code, words in _BASELINE_WORDS.items()}
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0530-\u06ff\u10a0-\u10ff\u3040-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")


def baseline(text: str) -> str | None:
    letters = sum(1 for char in text if char.isalpha())
    if not letters:
        return None
    if len(_NON_LATIN.findall(text)) >= 0.3 * letters:
        return "other script"
    tokens = [token.lower() for token in _WORD.findall(text)]
    if len(tokens) < 8:
        return None
    shares = {code: sum(t in words for t in tokens) / len(tokens)
              for code, words in _BASELINE_SETS.items()}
    best = max(shares, key=lambda code: shares[code])
    return best if shares[best] >= 0.12 else None


def pieces(text: str) -> dict[str, str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return {
        "whole": text,
        "first paragraph": paragraphs[0] if paragraphs else "",
        "first line": lines[0] if lines else "",
    }


def main() -> int:
    samples = {"PolNeAR": list(polnear()), "TimeBank": list(timebank()),
               "development": list(development())}
    detectors: dict[str, Callable[[str], str | None]] = {
        "py3langid": detect_language, "baseline": baseline,
    }
    print(f"{'sample':12} {'piece':16} {'detector':10} {'texts':>6} {'English':>8} "
          f"{'undecided':>9} {'wrong':>6}")
    wrong_seen: dict[str, Counter[str]] = {name: Counter() for name in detectors}
    seconds = dict.fromkeys(detectors, 0.0)
    for sample, texts in samples.items():
        for piece in ("whole", "first paragraph", "first line"):
            chosen = [pieces(text)[piece] for text in texts]
            for name, detect in detectors.items():
                started = time.perf_counter()
                found = Counter(detect(text) for text in chosen)
                seconds[name] += time.perf_counter() - started
                wrong = sum(n for code, n in found.items() if code not in ("en", None))
                wrong_seen[name].update(
                    {code: n for code, n in found.items() if code not in ("en", None)}
                )
                total = len(chosen)
                print(f"{sample:12} {piece:16} {name:10} {total:6} "
                      f"{found['en'] / total:8.3f} {found[None] / total:9.3f} "
                      f"{wrong / total:6.3f}")
    for name, codes in wrong_seen.items():
        print(f"{name}: wrong calls {dict(codes.most_common(8))}; {seconds[name]:.1f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
