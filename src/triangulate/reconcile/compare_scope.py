"""What a count counts: the predicate of the clause around a number, and whether it is a total.

"Five soldiers were killed" and "2,000 soldiers had been moved" both count soldiers, but not the
same thing.  The predicate words of the clause that holds the number (``killed`` → ``die``,
``moved`` → ``move``) say what happened to what is counted; two counts are compared only when
their predicates meet (or one clause names none).  The lexicon is general English news usage:
verbs and event nouns grouped into kinds of happening.

A count is cumulative ("since 1 September", "has risen to", "so far") when its clause says it
is a running total; a later, higher running total is an update rather than a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_KINDS: dict[str, str] = {
    "die": "died dies die dead death deaths killed kill kills killing killings fatalities "
    "fatality perished toll bodies lives",
    "injure": "injured injures injuring injuries wounded wounding hurt",
    "casualty": "casualties",
    "rescue": "rescued rescue rescues rescuing saved pulled",
    "evacuate": "evacuated evacuate evacuation evacuations",
    "missing": "missing unaccounted",
    "displace": "displaced fled flee homeless",
    "detain": "detained detain detains detention arrested arrest arrests jailed held "
    "imprisoned captured custody",
    "release": "released release releases freed",
    "gather": "gathered gather joined marched rallied protested demonstrated attended rally "
    "march demonstration turnout",
    "strike": "strike striking strikers walked walkout",
    "layoff": "laid layoffs layoff lay dismissed fired redundancies redundant sacked axed "
    "shed cuts cut",
    "employ": "employs employed employ employing workforce",
    "hire": "hired hire hires hiring",
    "deliver": "delivered deliver delivers delivery deliveries provided supplied shipped "
    "transported transport sent brought carried flown airlifted shipment shipments",
    "station": "stationed based garrisoned keeps kept",
    "move": "moved deployed dispatched massed sent redeployed withdrawn withdrew",
    "cancel": "cancelled canceled cancellations cancel",
    "burn": "burned burnt burn scorched",
    "destroy": "destroyed damaged razed",
    "build": "built constructed",
    "vote": "voted votes vote",
    "infect": "infected infections cases",
    "vaccinate": "vaccinated vaccinations",
    "return": "returned return",
    "spend": "spent spend spending cost costs",
    "pay": "paid pay payment",
    "sell": "sold sell sales",
    "buy": "bought buy purchased",
    "produce": "produced produce production",
    "export": "exported exports",
    "import": "imported imports",
}
_PHRASES: dict[str, str] = {
    "lost their lives": "die",
    "death toll": "die",
    "laid off": "layoff",
    "lay off": "layoff",
    "job cuts": "layoff",
    "job losses": "layoff",
    "took part": "gather",
    "turned out": "gather",
    "went on strike": "strike",
    "walked out": "strike",
}
# Change verbs say that a count moved, not what it counts ("layoffs have reached 650").
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CHANGE = _words(

        "reached reach reaches risen rose rise rises climbed climb climbs increased grown grew "
        "jumped soared mounted totalled totaled total topped exceeded surpassed stands stood "
        "hit doubled"

)
_PARTICIPLES = _words(

        "laid held sent brought kept shot hit cut lost freed shed flown withdrawn built spent "
        "paid sold bought burnt hurt"

)
_AUXILIARIES = frozenset({"were", "was", "have", "has", "had", "been", "be", "are", "is"})
_CLAUSE_BREAK = re.compile(
    r";|:|\s[\u2013\u2014-]\s|\bbut\b|,?\s\b(?:when|after|before|while|whereas|because|although|"
    r"which|who|whom|whose|where)\b|,\s*(?:saying|adding|citing|arguing|insisting|calling)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|in total|in all|altogether|overall|cumulative|toll|now|"
    r"(?:has|have|had) (?:risen|climbed|grown|increased|reached|mounted|soared|jumped|topped)|"
    r"(?:rose|rises|climbed|climbs|grew|grows|increased|jumped|soared) to|reach(?:ed|es) )",
    re.IGNORECASE,
)
_CORRECTION = re.compile(r"\b(?:revised|corrected|updated|amended)\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """The predicates of a count's clause, and how the clause frames the count."""

    kinds: frozenset[str]
    phrase: str | None  # "were killed", "died": a verb phrase for the question, when plain
    cumulative: bool
    correction: bool
    since: bool


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, words in _KINDS.items():
        for word in words.split():
            kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``: up to the nearest clause breaks."""
    left, right = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def scope_of(sentence: str, start: int, end: int) -> Scope:
    """The scope of the count at ``sentence[start:end]`` (offsets into ``sentence``)."""
    left, right = clause_bounds(sentence, start, end)
    before, after = sentence[left:start], sentence[end:right]
    kinds = _kinds(before) | _kinds(after) | _unlisted_predicate(after)
    # A change verb alone ("has reached 400") says that a count moved, not what it counts.
    specific = kinds - {"change"}
    clause = sentence[left:right]
    return Scope(
        kinds=frozenset(specific),
        phrase=(_phrase(after) or _object_phrase(before)) if specific else None,
        cumulative=bool(_CUMULATIVE.search(clause)),
        correction=bool(_CORRECTION.search(clause)),
        since=bool(_SINCE.search(clause)),
    )


def _kinds(text: str) -> set[str]:
    lowered = " ".join(w.lower() for w in _WORD.findall(text))
    found = {kind for phrase, kind in _PHRASES.items() if f" {phrase} " in f" {lowered} "}
    lexicon = _lexicon()
    for word in lowered.split():
        if word in lexicon:
            found |= lexicon[word]
        elif word in _CHANGE:
            found.add("change")
    return found


def _unlisted_predicate(after: str) -> set[str]:
    """A verb in -ed right after the counted noun that the lexicon lacks ("registered") is a
    predicate of its own."""
    words = [w.lower() for w in _WORD.findall(after)[:4]]
    for word in words:
        if word in _AUXILIARIES:
            continue
        if word.endswith("ed") and len(word) > 4 and word not in _lexicon() and word not in _CHANGE:
            return {"~" + word}
        return set()
    return set()


def topic_kinds(text: str) -> frozenset[str]:
    """Kinds of happening named in ``text`` as pseudo-words ("@detain" for "held" and
    "detained"), so that topics worded differently still meet."""
    return frozenset("@" + kind for kind in _kinds(text) if kind != "change")


def _phrase(after: str) -> str | None:
    """The verb phrase right after the counted noun ("were killed", "died", "had been moved"),
    when the count is the subject of a predicate in the lexicon."""
    words = _WORD.findall(after)[:4]
    lexicon = _lexicon()
    for index, word in enumerate(words):
        if word.lower() in lexicon and (index == 0 or word.lower().endswith("ed")
                                        or word.lower() in _PARTICIPLES):
            auxiliaries = [w.lower() for w in words[:index]]
            if all(w in _AUXILIARIES for w in auxiliaries):
                return " ".join([*auxiliaries, word.lower()])
            return None
    return None


def _object_phrase(before: str) -> str | None:
    """"were laid off", "were detained": the predicate just before a counted object."""
    words = _WORD.findall(before)[-3:]
    lexicon = _lexicon()
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered in lexicon and (lowered.endswith("ed") or lowered in _PARTICIPLES):
            rest = [w.lower() for w in words[index + 1 :]]
            if all(w in {"off", "out", "up", "away"} for w in rest):
                return " ".join(["were", lowered, *rest])
    return None


def compatible(a: Scope, b: Scope) -> bool:
    """Counts of the same happening: their predicates meet, or one names none."""
    return not a.kinds or not b.kinds or bool(a.kinds & b.kinds)
