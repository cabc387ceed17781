"""Entity resolution within and across documents.

Mentions are joined with a union-find in this order: full person names (exact, then spelling
variants with agreeing given names); bare surnames to the one person of that surname in their
document, else the nearest preceding one, else the one in the corpus; other names by their
canonical key (places by gazetteer identity, nationality words by country); acronyms to the
expansion that the text defines or whose initials they are; an organisation to the name a
bracket glosses it with; places and streets by spelling (``entity_places``); organisations
with or without their country, legal form, remit tail or middle words (``entity_organizations``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..analyze import entity_gazetteer as gazetteer
from ..analyze.entities import normalize_name
from ..analyze.entity_names import (
    NAME_WORD_LENGTH_SLACK,
    close_spelling,
    is_acronym,
    same_given_name,
    same_name_word,
    spelling_key,
    surname_first,
    transliteration_key,
)
from ..ids import record_id
from ..language.en.demonyms import demonyms
from ..language.en.names import (
    COUNTRY_PARTS,
    NAME_PARTICLES,
    SUBDIVISION_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from ..model import Analysis, DocSpan, Entity, EntityType, Mention
from ..union_find import UnionFind
from .entity_acronyms import join_acronyms, join_glossed_names, join_stated_acronyms
from .entity_organizations import (
    join_brand_names,
    join_organization_short_forms,
    names_without_country,
)
from .entity_places import (
    countries_by_document,
    join_lone_features,
    join_place_spellings,
    join_street_names,
    listed_subdivisions,
    namesake_prefix,
    place_geo,
)

_TYPE_PRIORITY: tuple[EntityType, ...] = (
    "person",
    "organization",
    "location",
    "facility",
    "group",
    "event",
    "work",
    "product",
    "other",
)


@dataclass(frozen=True)
class _Item:
    document: str
    mention: Mention
    key: str
    order: int  # position of the mention in its document


def resolve_entities(
    analyses: Sequence[Analysis],
) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """Entities across the corpus, and (document id, mention start, mention end) -> entity id."""
    items = [
        _Item(
            analysis.document.id, mention, mention.normalized or normalize_name(mention.text), order
        )
        for analysis in analyses
        for order, mention in enumerate(analysis.mentions)
    ]
    texts = {analysis.document.id: analysis.document.text for analysis in analyses}
    groups = UnionFind(len(items))
    resolved_bare = _join_persons(items, groups)
    _join_by_key(items, groups, resolved_bare, texts)
    ending_at: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        ending_at[(item.document, item.mention.end)].append(index)
    join_acronyms(items, groups, texts, ending_at)
    join_glossed_names(items, groups, texts, ending_at)
    join_stated_acronyms(items, groups, texts)
    join_place_spellings(items, groups)
    join_street_names(items, groups)
    join_lone_features(items, groups)
    join_organization_short_forms(items, groups)
    join_brand_names(items, groups, texts)
    return _build_entities(items, groups, texts)


def _is_full_person(item: _Item) -> bool:
    return item.mention.type == "person" and len(item.key.split()) >= 2


def _is_bare_name(item: _Item) -> bool:
    """A surname alone: one word, or a particle and a word ("Van Rompuy")."""
    words = item.key.split()
    return (
        item.mention.type in ("person", "other")
        and (len(words) == 1 or (len(words) == 2 and words[0] in NAME_PARTICLES))
        and (not is_acronym(item.mention.text))
    )


def _join_persons(items: list[_Item], groups: UnionFind) -> set[int]:
    full = [index for index, item in enumerate(items) if _is_full_person(item)]
    glued = _glued_names({items[index].key for index in full})
    full = [index for index in full if items[index].key not in glued]
    by_key: dict[str, int] = {}
    for index in full:
        groups.union(by_key.setdefault(items[index].key, index), index)
    keys = list(by_key)
    documents_of: dict[str, set[str]] = defaultdict(set)
    for index in full:
        documents_of[items[index].key].add(items[index].document)
    for first, second in _candidate_name_pairs(keys):
        if _same_person(first, second) or (
            # two outlets' spellings of one name; one outlet writing both means two people
            documents_of[first].isdisjoint(documents_of[second])
            and _spelling_of_person(first, second)
        ):
            groups.union(by_key[first], by_key[second])
    surnames = {index: _surname_key(items[index]) for index in full}
    full_keys = {index: items[index].key for index in full}
    by_document: dict[str, list[int]] = defaultdict(list)
    for index in full:
        by_document[items[index].document].append(index)
    matches = _SurnameMatcher(full, surnames, full_keys)
    resolved: set[int] = set()
    for index, item in enumerate(items):
        if not _is_bare_name(item):
            continue
        in_document = by_document.get(item.document, [])
        local = [i for i in in_document if matches.test(item.key, surnames[i], full_keys[i])]
        target = _choose(local, item, items, groups)
        if target is None and not local:
            corpus = matches.in_corpus(item.key)
            roots = {groups.find(i) for i in corpus}
            if len(roots) == 1:
                target = corpus[0]
        if target is None and not local and item.mention.type == "person":
            target = _by_given_name(item, in_document, items, groups)
        if target is not None:
            groups.union(target, index)
            resolved.add(index)
    return resolved


def _by_given_name(
    item: _Item, in_document: list[int], items: list[_Item], groups: UnionFind
) -> int | None:
    """A given name alone for the one person of the document who has it ("Whether Karel stays
    or Karel goes" beside "Karel Dvorak")."""
    owners = [i for i in in_document
              if items[i].key.split()[0] == item.key and not surname_first(items[i].mention.text)]
    return owners[0] if owners and len({groups.find(i) for i in owners}) == 1 else None


def _glued_names(keys: set[str]) -> set[str]:
    """Two people's surnames run together, as headlines and captions do ("Dvorak Varga"
    beside "Karel Dvorak" and "Lena Varga"): no one's full name."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        surnames[key.split()[-1]].add(key)
    glued = set()
    for key in keys:
        words = key.split()
        first_owners = surnames.get(words[0], set()) - {key}
        last_owners = surnames.get(words[-1], set()) - {key}
        if len(words) == 2 and first_owners and last_owners:
            glued.add(key)
    return glued


def _candidate_name_pairs(keys: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs of full names that ``_same_person`` or ``_spelling_of_person`` can join, from
    an index instead of all pairs: names sharing their given name or their surname, or whose
    surnames' transliteration keys share a first letter and differ in length by two at most and
    whose given names share a first letter."""
    blocks: dict[str, list[int]] = defaultdict(list)
    probes: list[list[str]] = []
    for position, key in enumerate(keys):
        words = key.split()
        surname = transliteration_key(words[-1])
        # _same_person's given names share a first letter, written or transliterated
        given = (f"w{words[0].rstrip('.')[:1].casefold()}", f"k{transliteration_key(words[0])[:1]}")
        own = [f"g:{words[0]}", f"s:{words[-1]}"]
        own_shapes = [f"t:{surname[:1]}:{len(surname)}:{letter}" for letter in given]
        for block in own + own_shapes:
            blocks[block].append(position)
        probes.append(own + [
            f"t:{surname[:1]}:{len(surname) + slack}:{letter}"
            for slack in range(-NAME_WORD_LENGTH_SLACK, NAME_WORD_LENGTH_SLACK + 1)
            for letter in given
        ])
    for position, key in enumerate(keys):
        partners = {other for block in probes[position] for other in blocks.get(block, ())
                    if other > position}
        for other in sorted(partners):
            yield key, keys[other]


def _surname_key(item: _Item) -> str:
    words = item.key.split()
    return words[0] if len(words) == 2 and surname_first(item.mention.text) else words[-1]


def _surname_matches(key: str, surname: str, full_key: str) -> bool:
    """Whether the bare name ``key`` names the person of ``surname`` and ``full_key``."""
    if " " in key:  # "van rompuy": the full name's last words
        return full_key.endswith(" " + key)
    if key == surname or same_name_word(key, surname):
        return True
    return key.endswith("s") and key[:-1] == surname  # a possessive that lost its apostrophe


class _SurnameMatcher:
    """``_surname_matches`` over the corpus's full names through an index, answers memoised.

    Full names are indexed by their surname's transliteration key (first letter and length) and
    by their last word, so that a bare name is tested only against the surnames that can match
    it, each distinct pair once; the matches come in index order, as a scan of all would."""

    def __init__(self, full: list[int], surnames: dict[int, str], full_keys: dict[int, str]):
        self._by_surname: dict[str, list[int]] = defaultdict(list)
        self._by_last_word: dict[str, list[int]] = defaultdict(list)
        for index in full:
            self._by_surname[surnames[index]].append(index)
            self._by_last_word[full_keys[index].split()[-1]].append(index)
        self._by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for surname in self._by_surname:
            self._by_shape[_shape(surname)].append(surname)
        self._full_keys = full_keys
        self._tested: dict[tuple[str, str, str], bool] = {}
        self._in_corpus: dict[str, list[int]] = {}

    def test(self, key: str, surname: str, full_key: str) -> bool:
        pair = (key, surname, full_key if " " in key else "")
        known = self._tested.get(pair)
        if known is None:
            known = self._tested[pair] = _surname_matches(key, surname, full_key)
        return known

    def in_corpus(self, key: str) -> list[int]:
        """The full names of the corpus that the bare name ``key`` may stand for."""
        found = self._in_corpus.get(key)
        if found is None:
            found = self._in_corpus[key] = self._find(key)
        return found

    def _find(self, key: str) -> list[int]:
        if " " in key:
            return [i for i in self._by_last_word.get(key.split()[-1], ())
                    if _surname_matches(key, "", self._full_keys[i])]
        letter, length = _shape(key)
        candidates = {
            surname
            for slack in range(-NAME_WORD_LENGTH_SLACK, NAME_WORD_LENGTH_SLACK + 1)
            for surname in self._by_shape.get((letter, length + slack), ())
        }
        if key.endswith("s") and key[:-1] in self._by_surname:
            candidates.add(key[:-1])
        matched = [s for s in candidates if _surname_matches(key, s, "")]
        return sorted(i for surname in matched for i in self._by_surname[surname])


def _shape(word: str) -> tuple[str, int]:
    key = transliteration_key(word)
    return key[:1], len(key)


def _choose(
    candidates: list[int], item: _Item, items: list[_Item], groups: UnionFind
) -> int | None:
    if not candidates:
        return None
    if len({groups.find(i) for i in candidates}) == 1:
        return candidates[0]
    preceding = [i for i in candidates if items[i].order < item.order]
    return max(preceding, key=lambda i: items[i].order) if preceding else None


def _same_person(first: str, second: str) -> bool:
    a, b = first.split(), second.split()
    return same_name_word(a[-1], b[-1]) and same_given_name(a[0], b[0])


def _spelling_of_person(first: str, second: str) -> bool:
    """One name spelt two ways: the surname or the given name the same, the other one edit
    apart ("Karolos" / "Carolos Papoulias", "Habib el-Adly" / "Habib Al-Adli")."""
    a, b = first.split(), second.split()
    if len(a) != len(b):
        return False
    given_same, surname_same = a[0] == b[0], a[-1] == b[-1]
    if given_same and not surname_same:
        return close_spelling(a[-1], b[-1], shortest=4)
    if surname_same and not given_same:
        return close_spelling(a[0], b[0])
    return False


def _join_by_key(
    items: list[_Item], groups: UnionFind, resolved_bare: set[int], texts: dict[str, str]
) -> None:
    first_of_key: dict[str, int] = {}
    places, bodies = _mostly_places(items)
    subdivisions = listed_subdivisions(items, texts)
    for index, item in enumerate(items):
        if _is_full_person(item) or index in resolved_bare:
            continue
        if item.key in places and item.mention.type in ("person", "organization", "other"):
            item = _Item(item.document, replace(item.mention, type="location"), item.key,
                         item.order)  # "Tarvos Gov." is the island's, not a person named Tarvos
        elif item.key in bodies and item.mention.type == "location":
            item = _Item(item.document, replace(item.mention, type="organization"), item.key,
                         item.order)  # "from the Grey House": the body's seat, not a town
        key = _canonical_key(item)
        namesake = namesake_prefix(item, texts[item.document])
        if namesake and item.mention.type == "location":
            key = namesake + key
            items[index] = item  # alone, it keeps the type the name's other mentions gave it
        if index in subdivisions:
            key = "subdivision:" + key
        groups.union(first_of_key.setdefault(key, index), index)


def _mostly_places(items: list[_Item]) -> tuple[set[str], set[str]]:
    """Names that the corpus calls a place more often than anything else (twice as often if
    the gazetteer lacks them); and names it calls an organisation more often than a place,
    which the gazetteer has as no country or region (a seat of government named like a town)."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        types[item.key][item.mention.type] += 1
    places = {
        key for key, counts in types.items()
        if len(counts) > 1
        and counts["location"] > max(n for kind, n in counts.items() if kind != "location")
        and (gazetteer.lookup(key) or counts["location"] >= 2 * (counts.total() - counts[
            "location"
        ]))  # a village the gazetteer lacks, once taken for a person
    }
    bodies = {
        key for key, counts in types.items()
        if 0 < counts["location"] < counts["organization"]
        and all(place.kind == "city" for place in gazetteer.lookup(key)[:1])
    }
    return places, bodies


def _canonical_key(item: _Item) -> str:
    mention = item.mention
    if mention.type == "person":
        return "person:" + item.key
    if mention.type == "group":
        code = demonyms().get(item.key)
        return f"group:{code}" if code else "group:" + item.key
    if mention.type == "location":
        places = gazetteer.lookup(item.key)
        if item.key in COUNTRY_PARTS:
            return "place:part:" + item.key
        if places:
            place = places[0]
            return f"place:{place.kind}:{place.name}:{place.country}"
        words = item.key.split()
        if len(words) > 1 and words[-1] in SUBDIVISION_HEADS:  # "Tarvos Island" is "Tarvos"
            bare = " ".join(words[:-1])
            places = gazetteer.lookup(bare)
            if places and places[0].kind != "country":
                return f"place:{places[0].kind}:{places[0].name}:{places[0].country}"
            if not places:
                return "name:" + spelling_key(bare)
    return "name:" + spelling_key(item.key)


def _build_entities(
    items: list[_Item], groups: UnionFind, texts: dict[str, str]
) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    entities: list[Entity] = []
    mention_map: dict[tuple[str, int, int], str] = {}
    used_ids: set[str] = set()
    countries = countries_by_document(items)
    bare_names = names_without_country(items)
    for group in groups.groups():
        cluster = [items[i] for i in group]
        entity_type = _cluster_type(cluster)
        titled = [_titled(item, texts[item.document]) for item in cluster]
        if entity_type == "person" and not any(titled) and _eponym(cluster, texts):
            entity_type = "other"
        name = _cluster_name(cluster, entity_type)
        entity_id = _entity_id(entity_type, name, cluster[0], used_ids)
        bare = [bare_names.get(i) for i in group] if entity_type == "organization" else []
        aliases = tuple(dict.fromkeys(
            [name] + [item.mention.text for item in cluster] + [t for t in titled if t]
            + [b for b in bare if b]
        ))
        spans = tuple(
            DocSpan(item.document, item.mention.start, item.mention.end) for item in cluster
        )
        geo = place_geo(cluster, countries) if entity_type == "location" else None
        entities.append(Entity(entity_id, name, entity_type, aliases, spans, geo))
        for span in spans:
            mention_map[(span.document, span.start, span.end)] = entity_id
    return entities, mention_map


_NEXT_WORD = re.compile(r" ([a-z]+)")


def _eponym(cluster: list[_Item], texts: dict[str, str]) -> bool:
    """A "person" who is only ever a surname before one lower-case noun ("Varga cocktails",
    "a Varga cocktail"): the name of a thing after a person, not a person of the story."""
    if len(cluster) < 2 or any(" " in item.mention.text for item in cluster):
        return False
    following = set()
    for item in cluster:
        word = _NEXT_WORD.match(texts[item.document], item.mention.end)
        if word is None:
            return False
        following.add(word.group(1).removesuffix("s"))
    return len(following) == 1


_TITLE_BEFORE = re.compile(r"([A-Z][a-z]+)\.? $")


def _titled(item: _Item, text: str) -> str | None:
    """A person's name as the text gives it with one title ("Mrs Varga", "President Osei")."""
    if item.mention.type != "person" or " " in item.mention.text:
        return None
    before = _TITLE_BEFORE.search(text, max(0, item.mention.start - 16), item.mention.start)
    if before is None or before.group(1).casefold() not in TITLE_HEADS:
        return None
    earlier = text[max(0, before.start() - 20) : before.start()].split()
    if earlier and earlier[-1][:1].isupper() and earlier[-1].casefold() in TITLE_MODIFIERS:
        return None  # "Prime Minister Brown" is not "Minister Brown"
    return text[before.start() : item.mention.end]


def _cluster_type(cluster: list[_Item]) -> EntityType:
    counts: Counter[EntityType] = Counter(
        item.mention.type for item in cluster if item.mention.type != "other"
    )
    if not counts:
        return "other"
    best = max(counts.values())
    return next(kind for kind in _TYPE_PRIORITY if counts.get(kind) == best)


def _cluster_name(cluster: list[_Item], entity_type: EntityType) -> str:
    typed = [item for item in cluster if item.mention.type == entity_type] or cluster
    frequency = Counter(" ".join(item.mention.text.split()) for item in typed)

    def rank(surface: str) -> tuple[int, int, int, int]:
        words = surface.split()
        return (
            len(words),
            not surface.isupper() or is_acronym(surface),
            frequency[surface],
            len(surface),
        )

    return max(frequency, key=rank)


def _entity_id(entity_type: str, name: str, first: _Item, used: set[str]) -> str:
    entity_id = record_id("e", entity_type, normalize_name(name))
    salt = 0
    while entity_id in used:  # two entities of one name (two unresolved "Smith"s)
        salt += 1
        entity_id = record_id("e", entity_type, name, first.document, first.mention.start, salt)
    used.add(entity_id)
    return entity_id
