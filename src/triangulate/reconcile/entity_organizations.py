"""Organisations' names that a reader takes for one body: the name with or without its country
or legal form, with or without a last "and ..." of its remit, under its brand word.

Candidates come from indexes of name cores, never from all pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from ..analyze import entity_gazetteer as gazetteer
from ..analyze.entity_names import spelling_key
from ..language.en.demonyms import demonyms
from ..language.en.names import (
    ORGANIZATION_HEADS,
    ORGANIZATION_OWNERS,
    SHORT_FORM_DROPS,
    TITLE_HEADS,
    given_names,
)
from ..model import Mention
from ..union_find import UnionFind

_LOWER_WORD = re.compile(r"(?<![\w'\u2019.-])[a-z]+(?![\w-])")
_LONGEST_REMIT_TAIL = 2  # "and Prevention", "and Human Services": words after the last "and"


class Named(Protocol):
    @property
    def document(self) -> str: ...

    @property
    def mention(self) -> Mention: ...

    @property
    def key(self) -> str: ...


def join_organization_short_forms(items: Sequence[Named], groups: UnionFind) -> None:
    """An organisation's name with its country or legal form left off: "the Senate" and "the
    United States Senate", "Brixel" and "Brixel Motor Company", "the Tax Office" and "the
    Norwegian Tax Office". Names of one country and core are one; a core written without a
    country joins the one country's organisation of that core, and none when several have it.
    A core cut off before its head ("Pacific Monetary" for "Pacific Monetary Fund") or before
    the last part of its remit ("Centers for Disease Control" for "... and Prevention") joins
    the one organisation that has it whole."""
    by_core: dict[tuple[str, ...], dict[str | None, list[int]]] = defaultdict(dict)
    for index, item in enumerate(items):
        if item.mention.type != "organization":
            continue
        country, core = country_and_core(item.key)
        if core:
            by_core[core].setdefault(country, []).append(index)
    for countries in by_core.values():
        for members in countries.values():
            for index in members[1:]:
                groups.union(members[0], index)
        qualified = [country for country in countries if country is not None]
        if None in countries and len(qualified) == 1:
            groups.union(countries[None][0], countries[qualified[0]][0])
    longer: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for core, countries in by_core.items():
        if len(core) >= 3 and core[-1] in ORGANIZATION_HEADS:
            longer[core[:-1]].extend(members[0] for members in countries.values())
    for index, item in enumerate(items):
        if item.mention.type == "organization":
            shorter = _without_remit_tail(item.key)
            if shorter:
                longer[shorter].append(index)
    for core, countries in by_core.items():
        wholes = longer.get(core, [])
        if len(core) >= 2 and core[-1] not in ORGANIZATION_HEADS and len(countries) == 1 and len(
            {groups.find(index) for index in wholes}
        ) == 1:
            groups.union(wholes[0], next(iter(countries.values()))[0])


def _without_remit_tail(key: str) -> tuple[str, ...]:
    """The core of a name without its last "and" and the word or two after it ("centers
    disease control" of "Centers for Disease Control and Prevention"); () when it has none
    or what is left has no head word of an organisation."""
    words = key.split()
    if "and" not in words[2:]:
        return ()
    last_and = len(words) - 1 - words[::-1].index("and")
    tail = words[last_and + 1 :]
    if not 1 <= len(tail) <= _LONGEST_REMIT_TAIL:
        return ()
    _, core = country_and_core(" ".join(words[:last_and]))
    if len(core) < 2 or not any(
        word in ORGANIZATION_HEADS or word.removesuffix("s") in ORGANIZATION_HEADS
        for word in core
    ):
        return ()
    return core


def country_and_core(key: str) -> tuple[str | None, tuple[str, ...]]:
    """The country (or owning body) a name starts with, and the rest without legal forms."""
    words = spelling_key(key).split()
    country = None
    for length in (2, 1):
        prefix = " ".join(words[:length])
        if len(words) > length and (code := _country_code(prefix)):
            country, words = code, words[length:]
            break
    core = list(words)
    while core and core[-1] in SHORT_FORM_DROPS:
        core.pop()
    if len(core) == 1 and len(words) > 1 and core[0] in TITLE_HEADS | ORGANIZATION_HEADS:
        core = words  # "General Motors" is not "General"
    return country, tuple(core)


def names_without_country(items: Sequence[Named]) -> dict[int, str]:
    """"Centres for Disease Control" of "US Centres for Disease Control": by item, the name of
    an organisation (or of what may be one) as written after the country or owning body it
    begins with, where the corpus gives that core to one country only (not "Red Cross" of two
    national societies)."""
    bare: dict[int, str] = {}
    countries: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for index, item in enumerate(items):
        if item.mention.type == "person":
            continue
        country, core = country_and_core(item.key)
        if country is not None and item.mention.type == "organization":
            countries[core].add(country)
        words = item.mention.text.split()
        for length in (2, 1):
            if len(words) > length + 1 and _country_code(spelling_key(" ".join(words[:length]))):
                bare[index] = " ".join(words[length:])
                break
    return {index: name for index, name in bare.items()
            if len(countries[country_and_core(items[index].key)[1]]) == 1}


def _country_code(words: str) -> str | None:
    if words in ORGANIZATION_OWNERS:
        return words.upper()
    code = demonyms().get(words)
    if code:
        return code
    places = gazetteer.lookup(words)
    return places[0].country if places and places[0].kind == "country" else None


def join_brand_names(items: Sequence[Named], groups: UnionFind, texts: dict[str, str]) -> None:
    """One company under its brand word and head in several forms ("Tarvex Bank", "Tarvex
    Investment Bank", "TARVEX EGNATIA BANK"): organisations whose names begin with one word that
    is no English word (the corpus never writes it in lower case), no place, people or given
    name, and end with one head word, are one; so is that word alone where it names no one else
    ("Tarvex's boss"). A dictionary word names many ("Standard Bank", "Standard Chartered
    Bank")."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        words = spelling_key(item.key).split()
        if item.mention.type == "organization" and len(words) >= 2 and (
            words[-1] in ORGANIZATION_HEADS
        ):
            blocks[(words[0], words[-1])].append(index)
    by_word: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for block in blocks:
        by_word[block[0]].append(block)
    if not by_word:
        return
    lowercase = _lowercase_words(texts, set(by_word))
    alone: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.key in by_word and item.mention.type in ("organization", "location", "other",
                                                         "person"):
            alone[item.key].append(index)
    for word, word_blocks in by_word.items():
        if word in lowercase or not _brand_word(word) or len(word_blocks) != 1:
            continue
        members = blocks[word_blocks[0]]
        for index in members[1:]:
            groups.union(members[0], index)
        if not any(items[i].mention.type == "location" and gazetteer.lookup(word)
                   for i in alone.get(word, ())):
            for index in alone.get(word, ()):
                groups.union(members[0], index)


def _brand_word(word: str) -> bool:
    return (
        len(word) >= 4 and word.isalpha() and not gazetteer.lookup(word)
        and word not in demonyms() and word not in given_names()
        and word not in ORGANIZATION_HEADS and word not in TITLE_HEADS
    )


def _lowercase_words(texts: dict[str, str], wanted: set[str]) -> set[str]:
    """The words of ``wanted`` that some document writes in lower case."""
    found: set[str] = set()
    for text in texts.values():
        found.update(word for word in _LOWER_WORD.findall(text) if word in wanted)
    return found
