"""Pronoun speakers on GUM: whom "he said", "she told", "they announced" stand for.

    .venv/bin/python benchmarks/bench_speakers.py [--splits test dev train] [--verbose]

GUM (``../shared/data/ud/gum``) carries gold coreference chains in the ``Entity=`` field of its
MISC column. A case is a pronoun (he, she, they, it) that is the gold subject of a speech verb
(``SPEECH_VERB_FORMS``) and whose entity was named before it by a mention that is not a pronoun.
Each document's text is rebuilt from its tokens and analysed by the product's stages up to the
claims (sentences, entities, times, quantities, claims). An answer is right when the last word
of the speaker given for the claim at that verb lies in a gold mention of the pronoun's entity
(the smallest gold mention holding that word decides: "NASA" of "NASA Administrator Jane Doe"
is NASA, not her) and is not the pronoun itself.

Rows, one run: ``claims`` (today's speaker resolution: ``find_claims``, its pronoun speaker
resolved against the entity mentions and earlier speakers), and the baseline ``nearest
preceding``: the nearest entity mention of the analysis that ends before the pronoun (a person
for he and she, an organisation, group or place for it, any of them for they). Accuracy is over
every case (no claim at the verb is a miss); "read" is the share of cases where the claims
found an attribution at that verb, and both rows are also scored on those cases alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.analyze.pipeline import analyze_document
from triangulate.language.en.speech import SPEECH_VERB_FORMS
from triangulate.model import Analysis, Document, Mention

GUM = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud" / "gum"
_STAGES = ("sentences", "entities", "times", "quantities", "claims")
_PRONOUNS = {"he": ("person",), "she": ("person",),
             "it": ("organization", "group", "location", "facility"),
             "they": ("person", "organization", "group", "location")}
_REPORTED = frozenset({"news", "interview", "bio"})  # genres that report what people said


@dataclass
class GumDocument:
    name: str
    text: str = ""
    tokens: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, form
    heads: list[int] = field(default_factory=list)  # document token index, -1 for the root
    deps: list[str] = field(default_factory=list)
    pronouns: list[bool] = field(default_factory=list)  # gold PRON or DET ("this")
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # first, last, entity


@dataclass(frozen=True)
class Case:
    document: GumDocument
    pronoun: int
    verb: int
    entity: str


def read_gum(path: Path) -> Iterator[GumDocument]:
    document: GumDocument | None = None
    pieces: list[str] = []
    offset = 0
    sentence_base = 0
    open_mentions: dict[str, list[int]] = {}
    sentence_heads: list[int] = []

    def finish() -> GumDocument | None:
        if document is not None:
            document.text = "".join(pieces)
        return document

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            done = finish()
            if done is not None:
                yield done
            document = GumDocument(line.split("=", 1)[1].strip())
            pieces, offset, open_mentions = [], 0, {}
            continue
        if document is None:
            continue
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            if pieces:
                pieces.append("\n\n")
                offset += 2
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            for index, head in enumerate(sentence_heads):
                document.heads[sentence_base + index] = head
            sentence_heads = []
            continue
        columns = line.split("\t")
        if "-" in columns[0] or "." in columns[0]:
            continue
        if columns[0] == "1":
            sentence_base = len(document.tokens)
            if pieces and not pieces[-1].endswith((" ", "\n")):
                pieces.append(" ")
                offset += 1
        form, misc = columns[1], columns[9]
        index = len(document.tokens)
        document.tokens.append((offset, offset + len(form), form))
        pieces.append(form)
        offset += len(form)
        head = int(columns[6])
        sentence_heads.append(sentence_base + head - 1 if head else -1)
        document.heads.append(-1)
        document.deps.append(columns[7])
        document.pronouns.append(columns[3] in ("PRON", "DET"))
        features = dict(part.split("=", 1) for part in misc.split("|") if "=" in part)
        if features.get("SpaceAfter") != "No":
            pieces.append(" ")
            offset += 1
        _read_entities(features.get("Entity", ""), index, document, open_mentions)
    for index, head in enumerate(sentence_heads):
        if document is not None:
            document.heads[sentence_base + index] = head
    done = finish()
    if done is not None:
        yield done


def _read_entities(
    value: str, index: int, document: GumDocument, open_mentions: dict[str, list[int]]
) -> None:
    position = 0
    while position < len(value):
        if value[position] == "(":
            end = position + 1
            while end < len(value) and value[end] not in "()":
                end += 1
            entity = value[position + 1 : end].split("-", 1)[0]
            if end < len(value) and value[end] == ")":
                document.mentions.append((index, index, entity))
                position = end + 1
            else:
                open_mentions.setdefault(entity, []).append(index)
                position = end
        elif value[position].isdigit():
            end = position
            while end < len(value) and value[end] != ")":
                end += 1
            entity = value[position:end]
            if open_mentions.get(entity):
                document.mentions.append((open_mentions[entity].pop(), index, entity))
            position = end + 1
        else:
            position += 1


def cases_of(document: GumDocument) -> Iterator[Case]:
    for index, (_, _, form) in enumerate(document.tokens):
        if form.lower() not in _PRONOUNS or not document.deps[index].startswith("nsubj"):
            continue
        verb = document.heads[index]
        if verb < 0 or document.tokens[verb][2].lower() not in SPEECH_VERB_FORMS:
            continue
        own = [m for m in document.mentions if m[0] == m[1] == index]
        if not own:
            continue
        entity = own[0][2]
        named_before = any(
            m[2] == entity and m[1] < index and not _is_pronoun(document, m)
            for m in document.mentions
        )
        if named_before:
            yield Case(document, index, verb, entity)


def _is_pronoun(document: GumDocument, mention: tuple[int, int, str]) -> bool:
    return mention[0] == mention[1] and document.pronouns[mention[0]]


def _entity_at(document: GumDocument, offset: int) -> str | None:
    """The entity of the smallest gold mention holding the token at ``offset``."""
    token = next((i for i, (s, e, _) in enumerate(document.tokens) if s <= offset < e), None)
    if token is None:
        return None
    holding = [m for m in document.mentions if m[0] <= token <= m[1]]
    if not holding:
        return None
    return min(holding, key=lambda m: m[1] - m[0])[2]


def _right(case: Case, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    document = case.document
    pronoun_start, pronoun_end, _ = document.tokens[case.pronoun]
    if span[0] < pronoun_end and pronoun_start < span[1]:
        return False
    last = span[1] - 1
    while last > span[0] and not document.text[last].isalnum():
        last -= 1
    return _entity_at(document, last) == case.entity


def claims_answer(analysis: Analysis, case: Case) -> tuple[int, int] | None | bool:
    """The speaker span of the claim at the case's verb; False when no claim has that cue."""
    verb_start, verb_end, _ = case.document.tokens[case.verb]
    for claim in analysis.claims:
        if claim.cue is not None and claim.cue.start < verb_end and verb_start < claim.cue.end:
            return (claim.speaker.start, claim.speaker.end) if claim.speaker else None
    return False


def nearest_answer(analysis: Analysis, case: Case) -> tuple[int, int] | None:
    pronoun_start, _, form = case.document.tokens[case.pronoun]
    wanted = _PRONOUNS[form.lower()]
    best: Mention | None = None
    for mention in analysis.mentions:
        if (mention.end <= pronoun_start and mention.type in wanted
                and (best is None or mention.end > best.end)):
            best = mention
    return (best.start, best.end) if best is not None else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=["test", "dev", "train"])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not GUM.is_dir():
        print(f"GUM is not at {GUM}", file=sys.stderr)
        return 2
    tally: dict[str, list[int]] = {}  # group -> cases, read, claims right (all, read), nearest
    documents = 0
    seen: set[str] = set()  # a few documents are in two splits
    for split in args.splits:
        for gum in read_gum(GUM / f"{split}.conllu"):
            cases = [] if gum.name in seen else list(cases_of(gum))
            seen.add(gum.name)
            if not cases:
                continue
            documents += 1
            document = Document(id=gum.name, source=gum.name, sha256=gum.name, text=gum.text,
                                language="en")
            analysis = analyze_document(document, _STAGES)
            groups = ["all"] + (["news, interview, bio"] if gum.name.split("_")[1] in _REPORTED
                                else [])
            for case in cases:
                answer = claims_answer(analysis, case)
                found = answer is not False
                claims_span = answer if isinstance(answer, tuple) else None
                nearest = nearest_answer(analysis, case)
                claims_ok, nearest_ok = _right(case, claims_span), _right(case, nearest)
                for group in groups:
                    row = tally.setdefault(group, [0] * 6)
                    for position, value in enumerate((1, found, claims_ok, claims_ok and found,
                                                      nearest_ok, nearest_ok and found)):
                        row[position] += value
                if args.verbose:
                    _show(gum, case, claims_span if found else None, nearest)
    print(f"GUM {'+'.join(args.splits)}: pronoun speakers in {documents} documents; accuracy over "
          "every case, and over the cases where the claims read an attribution at the verb\n")
    print("| genres | system | cases | accuracy | read | accuracy on those read |")
    print("|---|---|---|---|---|---|")
    for group, (total, read, *scores) in tally.items():
        for label, (right, right_read) in (("claims", scores[:2]),
                                           ("nearest preceding", scores[2:])):
            print(f"| {group} | {label} | {total} | {right / max(total, 1):.3f} | {read} | "
                  f"{right_read / max(read, 1):.3f} ({right_read}/{read}) |")
    return 0


def _show(gum: GumDocument, case: Case, claims: tuple[int, int] | None,
          nearest: tuple[int, int] | None) -> None:
    start = gum.tokens[case.pronoun][0]
    context = gum.text[max(0, start - 80) : start + 40].replace("\n", " ")
    named = next(
        (" ".join(t[2] for t in gum.tokens[m[0] : m[1] + 1]) for m in gum.mentions
         if m[2] == case.entity and not _is_pronoun(gum, m)), "?",
    )
    def said(span: tuple[int, int] | None) -> str:
        return "-" if span is None else gum.text[span[0] : span[1]]
    mark = "ok" if _right(case, claims) else "XX"
    print(f"{mark} {gum.name}: …{context}… | gold {named!r} | claims {said(claims)!r} | "
          f"nearest {said(nearest)!r}")


if __name__ == "__main__":
    sys.exit(main())
