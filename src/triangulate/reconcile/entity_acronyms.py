"""Names that the text says are one: an acronym and its expansion (defined in brackets, stated
in words, or spelt by its initials), and an organisation's name glossed in brackets by another
("Medecins Sans Frontieres (Doctors Without Borders)").

Candidates come from indexes (initials, end offsets, neighbours in a document), never all pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..analyze.entity_names import initials, is_acronym
from ..union_find import UnionFind
from .entity_organizations import Named

_STATED = re.compile(r"\b(?:acronym|initials|abbreviation|abbreviated)\b", re.IGNORECASE)
_LONGEST_GLOSS = 60  # characters between a name and the acronym stated for it


def join_acronyms(
    items: Sequence[Named], groups: UnionFind, texts: dict[str, str],
    ending_at: dict[tuple[str, int], list[int]],
) -> None:
    expansions: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.mention.type != "person" and len(item.mention.text.split()) >= 2:
            expansions[initials(item.mention.text)].append(index)
            words = item.mention.text.split()
            if len(words) > 2 and is_acronym(words[0]):  # "UN Office for …": also "OCHA"
                expansions[initials(" ".join(words[1:]))].append(index)
    for index, item in enumerate(items):
        acronym = item.mention.text.replace(".", "")
        written_as_word = not is_acronym(item.mention.text)
        if written_as_word and not _written_as_word(item, expansions, items):
            continue
        defined = _defined_expansion(item, items, texts[item.document], ending_at)
        if defined is not None:
            groups.union(defined, index)
            continue
        expanded = expansions.get(acronym.upper(), [])
        typed = [i for i in expanded if items[i].mention.type == item.mention.type]
        expanded = typed or expanded
        same_document = [i for i in expanded if items[i].document == item.document]
        candidates = same_document or expanded
        if len({groups.find(i) for i in candidates}) == 1:
            groups.union(candidates[0], index)


def _written_as_word(item: Named, expansions: dict[str, list[int]], items: Sequence[Named]) -> bool:
    """An acronym written as a word ("Ocha"), taken as one only beside its expansion."""
    text = item.mention.text
    if item.mention.type != "organization" or " " in text or len(text) < 4 or not text.isalpha():
        return False
    return any(items[i].document == item.document for i in expansions.get(text.upper(), []))


def _defined_expansion(
    item: Named, items: Sequence[Named], text: str, ending_at: dict[tuple[str, int], list[int]]
) -> int | None:
    """``Collective Security Treaty Organization (CSTO)``: the name right before the bracket
    (``ending_at``: the items by document and end offset)."""
    start = item.mention.start
    if start < 2 or text[start - 1] != "(":
        return None
    before = text[: start - 1].rstrip()
    acronym = item.mention.text.replace(".", "").upper()
    for index in ending_at.get((item.document, len(before)), ()):
        other = items[index]
        if (
            other.mention is not item.mention
            and initials(other.mention.text)[:1] == acronym[:1]  # not "Nairobi, Kenya (AP)"
        ):
            return index
    return None


def join_glossed_names(
    items: Sequence[Named], groups: UnionFind, texts: dict[str, str],
    ending_at: dict[tuple[str, int], list[int]],
) -> None:
    """"Medecins Sans Frontieres (Doctors Without Borders)": an organisation's name alone in
    brackets right after another organisation's name is that body's other name (``ending_at``:
    the items by document and end offset). Acronyms are left to their own rule, which checks
    their letters."""
    for index, item in enumerate(items):
        mention = item.mention
        text = texts[item.document]
        if (
            mention.type != "organization" or is_acronym(mention.text)
            or mention.start < 2 or text[mention.start - 1] != "("
            or not text.startswith(")", mention.end)
        ):
            continue
        before = len(text[: mention.start - 1].rstrip())
        for other in ending_at.get((item.document, before), ()):
            glossed = items[other].mention
            if glossed.type == "organization" and not is_acronym(glossed.text) and (
                len(glossed.text.split()) >= 2 and len(mention.text.split()) >= 2
            ):
                groups.union(other, index)


def join_stated_acronyms(
    items: Sequence[Named], groups: UnionFind, texts: dict[str, str]
) -> None:
    """"Doctors Beyond Borders, known by its French initials MSF", "MSF, the French acronym
    for Doctors Beyond Borders": an acronym and the name beside it that the words between them
    say it stands for, whatever its letters."""
    for index in range(len(items) - 1):
        first, second = items[index], items[index + 1]
        if first.document != second.document:
            continue
        acronyms = [is_acronym(item.mention.text) for item in (first, second)]
        named = first if acronyms[1] else second
        if acronyms[0] == acronyms[1] or named.mention.type != "organization" or len(
            named.mention.text.split()
        ) < 2:
            continue
        between = texts[first.document][first.mention.end : second.mention.start]
        if len(between) <= _LONGEST_GLOSS and _STATED.search(between) and ". " not in between:
            groups.union(index, index + 1)
