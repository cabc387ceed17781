"""Denial precision: of the claims marked "denied", how many deny, on a sample judged by reading.

    .venv/bin/python benchmarks/bench_denials.py [--verbose]
    .venv/bin/python benchmarks/bench_denials.py --collect OUT.jsonl [--polnear N] [--skip M]

A denial rejects a proposition someone asserts ("X denied that …", "the reports are false",
"not X but Y"); a negative statement ("no one has claimed responsibility") is an assertion with
negative polarity, and declining to comment ("did not confirm") is neither.

``denial_cases.jsonl`` holds the judged sample: the claims marked denied when it was collected
from the development stories, the seeds and PolNeAR train articles, each named by its document
(``dev/<story>/<file>``, ``seeds/<file>`` or ``polnear/<split>/<name>``) and its content
offsets in the document's cleaned text, with ``denial`` true or false as read by a person (the
texts stay in ``../shared``; the file holds no words of them). The run analyses those documents
again and prints, with the claims that the rules of the time marked denied as the baseline:

- precision: judged denials / judged claims still marked denied;
- kept: judged denials still marked denied / judged denials (what a fix costs);
- unjudged: claims marked denied now that the sample does not hold (``--verbose`` lists them,
  to be judged and added).

``--collect`` writes every claim marked denied in those corpora (the first N PolNeAR train
articles) with its sentence, for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from triangulate.analyze.pipeline import analyze_document
from triangulate.ingest import read_source
from triangulate.model import Analysis, Claim, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = Path(__file__).with_name("denial_cases.jsonl")
_STAGES = ("sentences", "dating", "entities", "times", "quantities", "claims")


def _document(name: str) -> Document:
    corpus, _, rest = name.partition("/")
    if corpus == "polnear":
        split, _, article = rest.partition("/")
        path = SHARED / "data" / "attribution" / "polnear" / split / "text" / f"{article}.txt"
        text = path.read_text(encoding="utf-8")
        return Document(id=name, source=path.name, sha256=name, text=text, language="en")
    return read_source(str(SHARED / "corpus" / name))  # seeds/<file>, dev/<story>/<file>


def _names(polnear: int, skip: int = 0) -> Iterator[str]:
    if not skip:
        for path in sorted((SHARED / "corpus" / "seeds").iterdir()):
            yield f"seeds/{path.name}"
        for story in sorted((SHARED / "corpus" / "dev").iterdir()):
            if story.is_dir():
                for path in sorted(story.iterdir()):
                    yield f"dev/{story.name}/{path.name}"
    texts = sorted((SHARED / "data" / "attribution" / "polnear" / "train" / "text").glob("*.txt"))
    for path in texts[skip:polnear]:
        yield f"polnear/train/{path.stem}"


def _denied(name: str) -> tuple[Analysis, list[Claim]]:
    analysis = analyze_document(_document(name), _STAGES)
    return analysis, [claim for claim in analysis.claims if claim.stance == "denied"]


def _sentence(analysis: Analysis, claim: Claim) -> str:
    text = analysis.document.text
    around = [s for s in analysis.sentences if s.start < claim.end and claim.start < s.end]
    if not around:
        return claim.text
    return text[around[0].start : around[-1].end]


def collect(out: Path, polnear: int, skip: int) -> None:
    with out.open("w", encoding="utf-8") as sink:
        for name in _names(polnear, skip):
            try:
                analysis, denied = _denied(name)
            except Exception as error:  # a document that cannot be read is skipped, by name
                print(f"{name}: {error}", file=sys.stderr)
                continue
            for claim in denied:
                row = {"document": name, "start": claim.start, "end": claim.end,
                       "speaker": claim.speaker_text,
                       "cue": claim.cue.of(analysis.document.text) if claim.cue else None,
                       "claim": claim.text, "sentence": _sentence(analysis, claim)}
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                sink.flush()


def _overlaps(claim: Claim, case: dict[str, object]) -> bool:
    start, end = int(str(case["start"])), int(str(case["end"]))
    return claim.start < end and start < claim.end


def rescore(verbose: bool) -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    by_document: dict[str, list[dict[str, object]]] = {}
    for case in cases:
        by_document.setdefault(str(case["document"]), []).append(case)
    judged_denied = judged_right = unjudged = kept = 0
    lost: list[tuple[str, dict[str, object]]] = []
    wrong: list[tuple[str, dict[str, object]]] = []
    extra: list[tuple[str, str]] = []
    for name, document_cases in by_document.items():
        _, denied = _denied(name)
        for case in document_cases:
            still = any(_overlaps(claim, case) for claim in denied)
            if still:
                judged_denied += 1
                judged_right += bool(case["denial"])
                if not case["denial"]:
                    wrong.append((name, case))
            if case["denial"]:
                kept += still
                if not still:
                    lost.append((name, case))
        for claim in denied:
            if not any(_overlaps(claim, case) for case in document_cases):
                unjudged += 1
                extra.append((name, claim.text))
    denials = sum(1 for case in cases if case["denial"])
    baseline = denials / len(cases) if cases else 0.0
    precision = judged_right / judged_denied if judged_denied else 0.0
    print(f"{len(cases)} judged claims in {len(by_document)} documents, {denials} denials\n")
    print("| system | marked denied (judged) | precision | judged denials kept | unjudged |")
    print("|---|---|---|---|---|")
    print(f"| when collected (baseline) | {len(cases)} | {baseline:.3f} | {denials}/{denials} "
          "| - |")
    print(f"| now | {judged_denied} | {precision:.3f} | {kept}/{denials} | {unjudged} |")
    if verbose:
        for name, case in wrong:
            print(f"- still marked, no denial: {name} {case['start']}-{case['end']} "
                  f"({case['why']})")
        for name, case in lost:
            print(f"- lost denial {name} {case['start']}-{case['end']}")
        for name, text in extra:
            print(f"- unjudged {name}: {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collect", type=Path, default=None)
    parser.add_argument("--polnear", type=int, default=400)
    parser.add_argument("--skip", type=int, default=0, help="PolNeAR articles to pass over "
                        "(and the stories with them), to collect more")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if args.collect is not None:
        collect(args.collect, args.polnear, args.skip)
    else:
        rescore(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
