"""Places that a reader takes for one: two outlets' spellings of a town, one street under two
street words ("Tarvou Street" and "Tarvou Avenue").

Candidates come from indexes of name keys, never from all pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..analyze import entity_gazetteer as gazetteer
from ..analyze.entity_names import close_spelling
from ..language.en.names import (
    CAPITALISED_FUNCTION_WORDS,
    COMMON_STREET_NAMES,
    LONE_FEATURE_HEADS,
    NAMESAKE_CUES,
    STREET_HEADS,
    SUBDIVISION_LIST_HEADS,
)
from ..model import Geo
from ..union_find import UnionFind
from .entity_organizations import Named


def join_place_spellings(items: Sequence[Named], groups: UnionFind) -> None:
    """Two outlets' spellings of one place ("Tarvos" / "Tarvoss", "Velika" / "Velikah"):
    place names one edit apart, never written side by side in one document."""
    documents_of: dict[str, set[str]] = defaultdict(set)
    first_of: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.mention.type == "location" and " " not in item.key and len(item.key) >= 6:
            documents_of[item.key].add(item.document)
            first_of.setdefault(item.key, index)
    by_start: dict[str, list[str]] = defaultdict(list)
    for key in documents_of:
        by_start[key[:2]].append(key)
    for keys in by_start.values():
        for position, first in enumerate(keys):
            for second in keys[position + 1 :]:
                if documents_of[first].isdisjoint(documents_of[second]) and close_spelling(
                    first, second, shortest=6
                ) and not (gazetteer.lookup(first) and gazetteer.lookup(second)):
                    groups.union(first_of[first], first_of[second])


def join_street_names(items: Sequence[Named], groups: UnionFind) -> None:
    """One street written with two street words by two outlets ("Tarvou Street", "Tarvou
    Avenue", "Tarvou street"); not when one document writes both, which makes them two streets,
    nor for the names that many towns give a street ("Main", "Fifth", "5th")."""
    by_name: dict[tuple[str, ...], dict[str, list[int]]] = defaultdict(dict)
    for index, item in enumerate(items):
        words = item.key.split()
        if item.mention.type in ("facility", "location") and len(words) >= 2 and (
            words[-1] in STREET_HEADS
        ):
            name = tuple(words[:-1])
            if not any(word in CAPITALISED_FUNCTION_WORDS or word in COMMON_STREET_NAMES
                       or any(c.isdigit() for c in word) for word in name):
                by_name[name].setdefault(STREET_HEADS[words[-1]], []).append(index)
    for heads in by_name.values():
        if len(heads) < 2:
            continue
        documents = [{items[i].document for i in members} for members in heads.values()]
        if sum(len(d) for d in documents) != len(set().union(*documents)):
            continue
        members = [indexes[0] for indexes in heads.values()]
        for index in members[1:]:
            groups.union(members[0], index)


def join_lone_features(items: Sequence[Named], groups: UnionFind) -> None:
    """"The Gulf" for the one gulf the corpus names ("Tarvos Gulf"); none where it names
    several."""
    named: dict[str, list[int]] = defaultdict(list)
    lone: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.mention.type != "location":
            continue
        words = item.key.split()
        if len(words) == 1 and words[0] in LONE_FEATURE_HEADS:
            lone[words[0]].append(index)
        elif len(words) >= 2 and words[-1] in LONE_FEATURE_HEADS:
            named[words[-1]].append(index)
    for head, members in lone.items():
        candidates = named.get(head, [])
        if len({groups.find(index) for index in candidates}) == 1:
            for index in members:
                groups.union(candidates[0], index)


_LIST_HEAD_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")
_LIST_GAP = re.compile(r",? (?:and )?(?:the )?|, ")


def namesake_prefix(item: Named, text: str) -> str:
    """A prefix for a place's key that keeps it apart from the place its name usually means: a
    name given to a second thing ("the island's main town, also called Tarvos")."""
    before = text[max(0, item.mention.start - 40) : item.mention.start]
    return "namesake:" if " ".join(before.split()[-2:]) in NAMESAKE_CUES else ""


def listed_subdivisions(items: Sequence[Named], texts: dict[str, str]) -> set[int]:
    """Countries' names among the subdivisions a text lists ("the states of Tarvos and Velika"
    where Velika is no country): subdivisions named like their country. Not where every name
    listed is a country's ("the Gulf states of Oman and the UAE")."""
    found: set[int] = set()
    chain: list[int] = []
    for index in range(len(items) + 1):
        item = items[index] if index < len(items) else None
        if chain and item is not None and item.document == items[chain[-1]].document and (
            _LIST_GAP.fullmatch(texts[item.document][items[chain[-1]].mention.end :
                                                      item.mention.start])
        ):
            chain.append(index)
            continue
        if len(chain) >= 2:
            found.update(_subdivisions_of(chain, items, texts))
        chain = [index] if item is not None and item.mention.type == "location" else []
    return found


def _subdivisions_of(chain: list[int], items: Sequence[Named], texts: dict[str, str]) -> list[int]:
    first = items[chain[0]]
    text = texts[first.document]
    head = _LIST_HEAD_BEFORE.search(text, max(0, first.mention.start - 30), first.mention.start)
    if head is None or head.group(1) not in SUBDIVISION_LIST_HEADS:
        return []
    countries = [i for i in chain if items[i].mention.type == "location" and any(
        place.kind == "country" for place in gazetteer.lookup(items[i].key)[:1]
    )]
    return countries if len(countries) < len(chain) else []


def countries_by_document(items: Sequence[Named]) -> dict[str, set[str | None]]:
    """The countries each document names as places."""
    countries: dict[str, set[str | None]] = defaultdict(set)
    for item in items:
        if item.mention.type == "location":
            for place in gazetteer.lookup(item.key)[:1]:
                if place.kind == "country":
                    countries[item.document].add(place.country)
    return countries


def place_geo(
    cluster: Sequence[Named], countries: dict[str, set[str | None]]
) -> Geo | None:
    mentioned_countries = set().union(*(countries.get(item.document, ()) for item in cluster))
    names = Counter(item.key for item in cluster if item.mention.type == "location")
    for key, _ in names.most_common():
        places = gazetteer.lookup(key)
        if not places:
            continue
        if places[0].kind != "city":
            place = places[0]
        else:
            local = [p for p in places if p.country in mentioned_countries]
            place = (local or list(places))[0]
        if place.lat == 0.0 and place.lon == 0.0:
            return None
        return Geo(place.lat, place.lon, place.country)
    return None
