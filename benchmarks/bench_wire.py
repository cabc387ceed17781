"""Wire copy as agencies send it: what cleaning keeps and drops, beside a plain baseline.

    .venv/bin/python benchmarks/bench_wire.py

The TimeBank documents of TempEval-3 (``../shared/data/timex/tbaq``) that are not Wall Street
Journal stories are AP, NYT, ABC, CNN, PRI, VOA and San Jose Mercury News copy (51 documents).
Each keeps its transmission header (``EXTRAINFO``: story ids, transmission codes, slug lines,
``Eds:`` notes, headlines) apart from its text. Each is rebuilt as an agency sends it, header
lines then the text, and cleaned as a saved text file is; then, over words:

* kept-text recall: the share of the story's words still in the cleaned text;
* kept-text precision: the share of the cleaned text's words that are the story's;

beside the plain baseline that keeps every line (what a reader without cleaning gets) and a
line-length baseline that drops lines of fewer than eight words. The publisher found is counted
where the text opens with an agency dateline ("MOSCOW (AP)_").
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from triangulate.ingest.boilerplate import words

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "data" / "timex" / "tbaq" / "TimeBank"
_TAG = re.compile(r"<[^>]+>")
_DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z .,'-]+\((?P<agency>[A-Z][\w&. ]{0,20})\)\s*[_-]")


def documents() -> list[tuple[str, str, str]]:
    """(name, raw text as sent, the story's text) of every non-WSJ TimeBank document."""
    found = []
    for path in sorted(TIMEBANK.glob("*.tml")):
        if path.name.lower().startswith("wsj"):
            continue
        source = path.read_text(encoding="utf-8")
        header = re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", source, re.S)
        body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
        if body is None:
            continue
        text = _TAG.sub("", body.group(1)).strip()
        lines = [line.strip() for line in (header.group(1) if header else "").splitlines()]
        raw = "\n".join(line for line in lines if line) + "\n\n" + text + "\n"
        found.append((path.name, raw, text))
    return found


def _words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in words(text))


def score(kept: str, story: str) -> tuple[int, int, int]:
    """(story words kept, words kept, story words)."""
    kept_words, story_words = _words(kept), _words(story)
    common = sum((kept_words & story_words).values())
    return common, sum(kept_words.values()), sum(story_words.values())


def cleaned(raw: str) -> str:
    from triangulate.ingest import clean_text

    return clean_text(raw).text


def plain(raw: str) -> str:
    return raw


def long_lines(raw: str) -> str:
    return "\n".join(line for line in raw.splitlines() if len(words(line)) >= 8)


def main() -> int:
    if not TIMEBANK.is_dir():
        print(f"TimeBank is not at {TIMEBANK}", file=sys.stderr)
        return 2
    found = documents()
    systems: dict[str, Callable[[str], str]] = {
        "cleaning (this tree)": cleaned, "plain (keep all)": plain, "lines of 8+ words": long_lines,
    }
    print(f"{len(found)} wire and broadcast documents from TimeBank")
    print("| system | kept-text precision | kept-text recall | documents with header words left |")
    print("|---|---|---|---|")
    for label, system in systems.items():
        right = kept = total = leaky = 0
        for _, raw, story in found:
            output = system(raw)
            r, k, t = score(output, story)
            right, kept, total = right + r, kept + k, total + t
            leaky += k > r
        print(f"| {label} | {right / kept:.3f} | {right / total:.3f} | {leaky}/{len(found)} |")
    _publishers(found)
    return 0


def _publishers(found: list[tuple[str, str, str]]) -> None:
    from triangulate.ingest import clean_text, extract_metadata

    with_dateline = right = placed = 0
    for _, raw, story in found:
        match = _DATELINE_AGENCY.match(story)
        if match is None:
            continue
        with_dateline += 1
        text = clean_text(raw)
        metadata = extract_metadata(raw, text.text, text.removed)
        right += (metadata.publisher or "").strip().upper() == match.group("agency").strip().upper()
        place = story[: match.start("agency") - 1].strip(" ,").upper()
        placed += (metadata.dateline or "").upper() == place
    print(f"publisher from the agency dateline: {right}/{with_dateline} documents that open "
          f"with one; the place it files from: {placed}/{with_dateline}")


if __name__ == "__main__":
    raise SystemExit(main())
