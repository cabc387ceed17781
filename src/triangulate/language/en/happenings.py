"""What happens to what news counts: verbs, adjectives and event nouns grouped into kinds of
happening ("killed", "dead", "death toll" → ``die``), with the words that frame a count.

General English news usage. Each word is listed in its inflected forms as well as its lemma, so
that both a parsed lemma and a surface word find their kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import words
from .stems import stem

KINDS: dict[str, str] = {
    "die": "die died dies dead death deaths killed kill kills killing killings fatalities "
    "fatality perish perished toll bodies body lives suffocated asphyxiated drowned",
    "injure": "injure injured injures injuring injury injuries wound wounded wounding hurt",
    "casualty": "casualty casualties",
    "rescue": "rescued rescue rescues rescuing saved pulled",
    "evacuate": "evacuated evacuate evacuation evacuations",
    "missing": "missing unaccounted",
    "displace": "displace displaced flee fled homeless",
    "detain": "detained detain detains detention arrested arrest arrests jail jailed held "
    "imprison imprisoned capture captured custody",
    "release": "released release releases freed",
    "gather": "gathered gather join joined march marched rally rallied protest protested "
    "demonstrate demonstrated attend attended demonstration turnout street streets",
    "strike": "strike striking strikers walked walkout",
    "layoff": "laid layoffs layoff lay dismiss dismissed fired redundancies redundancy "
    "redundant sack sacked axe axed shed cuts cut",
    "employ": "employs employed employ employing workforce",
    "hire": "hired hire hires hiring",
    "deliver": "delivered deliver delivers delivery deliveries provide provided supply supplied "
    "shipped transport transported send sent bring brought carry carried flown "
    "airlift airlifted shipment shipments",
    "station": "stationed based garrisoned kept",
    "move": "move moved deploy deployed dispatch dispatched mass massed redeploy redeployed "
    "withdraw withdrawn withdrew",
    "cancel": "cancelled canceled cancellations cancellation cancel",
    "burn": "burned burnt burn scorch scorched",
    "bury": "buried bury buries burying burial burials interred",
    "destroy": "destroy destroyed damage damaged raze razed flatten flattened collapse collapsed",
    "build": "build built construct constructed",
    "vote": "voted votes vote",
    "infect": "infect infected infection infections case cases",
    "vaccinate": "vaccinate vaccinated vaccination vaccinations",
    "return": "returned return",
    "spend": "spent spend spending cost costs",
    "pay": "paid pay payment",
    "sell": "sold sell sales sale",
    "buy": "bought buy purchase purchased",
    "produce": "produced produce production",
    "export": "exported exports export",
    "import": "imported imports import",
    "lend": "loan loans lend lent",
    "affect": "affect affected",
    "inhabit": "home population inhabitant inhabitants inhabited populated resident residents",
}
PHRASES: dict[str, str] = {
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
    **{f"{verb} to safety": "rescue" for verb in (
        "ushered", "led", "pulled", "carried", "brought", "taken", "helped", "airlifted",
        "plucked", "dragged", "guided", "winched",
    )},
}
SAME_HAPPENING: dict[str, str] = {
    "strike": "hit hits hitting strike strikes striking struck",
    "arrest": "arrest arrested arrests capture captured apprehend apprehended nab nabbed "
    "detain detained",
    "die": "die died dies dying death deaths dead",
    "foil": "foil foiled thwart thwarted",
    "kill": "kill killed killing kills murder murdered slay slain slew",
    "shoot": "shoot shot shoots shooting shootings",
    "fall": "fall fell fallen falls falling",
    "flee": "flee fled flees fleeing",
    "drive": "drive drives drove driven driving dui dwi",  # driving under the influence
}
"""Words that name one happening when two reports tell it ("hit" and "struck", "shot" and
"shooting"), by the word that stands for them in event coreference."""
SAME_HAPPENING_PHRASES: dict[str, str] = {
    "open fire": "shoot", "opened fire": "shoot", "opens fire": "shoot", "opening fire": "shoot",
}
"""Words of a phrase that name the happening of ``SAME_HAPPENING``'s word ("opened fire")."""
PEOPLE_KINDS = words(
    "die injure casualty rescue evacuate missing displace detain release gather strike layoff "
    "employ hire infect vaccinate affect"
)
"""Kinds whose bare count ("110,000 died", "20,000 marched") counts people."""

COUNT_STATUS = {
    "suspected": "suspected", "suspect": "suspected", "probable": "suspected",
    "possible": "suspected", "unconfirmed": "suspected", "feared": "suspected",
    "confirmed": "confirmed", "confirm": "confirmed", "verified": "confirmed",
    "laboratory-confirmed": "confirmed",
}
"""Words that say how sure a count is: suspected and confirmed counts answer different
questions ("159 suspected deaths", "16 confirmed deaths"). A toll that "may" or "could" be a
figure is an estimate of the same toll, not a suspected count."""

LASTED = "last"
LASTING_VERBS = words("last continue persist")
"""The kind of a duration that says how long a happening lasted, and the verbs that say it."""
ACCUMULATING_KINDS = words("die injure casualty infect detain evacuate displace vaccinate")
"""Happenings whose counts only grow as reports come in: a later, larger count of them is an
update of the earlier one, not a contradiction."""

COUNTED_AS: dict[tuple[str, str], str] = {("person", "bury"): "body", ("job", "layoff"): "staff"}
"""(family, kind of happening) → the family the count is of: people buried are counted as
bodies ("75,000 people have been buried" answers what "75,000 bodies were buried" does), jobs
cut as the staff laid off ("cut 31,500 jobs", "lay off 47,000 employees")."""

COUNT_NOUNS = words("number total tally count figure")
"""Subjects whose value is a count: "the number of dead was 300"."""
VALUED_NOUNS = COUNT_NOUNS | words("toll estimate")
"""Objects whose value a count after "to" or "from" gives: "cut the death toll to 101"."""

CASE_NOUNS = words("case")
CASE_OF_KIND = {"infect": "infection", "die": "death", "detain": "arrest"}
"""What a case counts where the clause names one happening: "11,034 cases of the flu" are
infections, as "615 infections" are."""

COUNTRY_NOUNS = words("country nation")
WORLDWIDE_WORDS = words("worldwide globally")
MANY_COUNTRIES = "several countries"
"""The scope of a count made over several countries ("41 countries had reported 11,034 cases",
"787 infections in 17 countries", "85 deaths worldwide"): no single country's count."""

MEASURED_NOUNS = words(
    "magnitude intensity temperature speed height depth length width distance area population "
    "rate price value budget turnout majority"
)
"""Nouns a bare figure may measure ("a magnitude of 5.9", "put the population at 120,000")."""

CHANGE = words(
    "reach reached reaches risen rise rose rises climb climbed climbs increase increased grow "
    "grown grew jump jumped soar soared mount mounted total totalled totaled topped top "
    "exceed exceeded surpass surpassed stand stands stood hit doubled double put estimate "
    "estimated revise revised raise raised"
)
"""Change and reporting verbs say that a count moved or was given, not what it counts ("the
toll has reached 650"): what is counted is in their subject or object."""

PARTICIPLES = words(
    "laid held sent brought kept shot hit cut lost freed shed flown withdrawn built spent "
    "paid sold bought burnt hurt"
)
AUXILIARIES = frozenset({"were", "was", "have", "has", "had", "been", "be", "are", "is"})
CUMULATIVE_WORDS = (
    r"since|so far|to date|in total|in all|altogether|overall|cumulative|toll|now|"
    r"(?:has|have|had) (?:risen|climbed|grown|increased|reached|mounted|soared|jumped|topped)|"
    r"(?:rose|rises|climbed|climbs|grew|grows|increased|jumped|soared) to|reach(?:ed|es) "
)
"""A count is a running total when its clause says so."""
CORRECTION_WORDS = (
    r"revised|corrected|updated|amended|"
    r"(?:cut|cuts|lowered|lowers|reduced|reduces|downgraded|downgrades)\s+(?:\w+\s+){0,3}"
    r"(?:toll|tally|estimate|count|figure)"
)
"""A count that corrects one told before: "revised", or a toll cut ("cut their suspected death
toll to 101")."""

FATES: dict[str, str] = {
    "die": "dead", "injure": "injured", "missing": "missing", "rescue": "alive",
    "detain": "held", "release": "free",
}
"""The state a happening told of a person leaves them in ("was killed": dead)."""
FATE_WORDS: dict[str, str] = {
    "alive": "alive", "survive": "alive", "survived": "alive", "unharmed": "alive",
    "unhurt": "alive", "rubble": "missing", "debris": "missing", "wreckage": "missing",
    "trapped": "missing",
}
"""Words that say a person's state outside the happenings above ("was found alive", "is under
the rubble")."""
FATE_BY_ITSELF = words("die dies died dying perish perished survive survived survives missing")
"""Verbs whose subject undergoes them in the active voice ("X died"); other verbs' active
subject does the deed ("X killed three people", "X rescued five")."""
FATE_NOUNS: dict[str, str] = {
    **dict.fromkeys(("body", "bodies", "remains", "corpse", "death", "killing", "murder"),
                    "dead"),
    **dict.fromkeys(("arrest", "detention", "capture"), "held"),
    "release": "free", "rescue": "alive", "injury": "injured", "injuries": "injured",
}
"""Nouns whose owner a fate befell ("the body of X was recovered", "X's arrest"); not "lives"
or "toll", which frame counts."""
FATE_HEDGES = words("feared presumed believed thought likely probably possibly reportedly")
"""Words that leave a person's state unsure ("feared dead")."""


@lru_cache(maxsize=1)
def kinds_by_word() -> dict[str, frozenset[str]]:
    """Each listed word (or lemma) with the kinds of happening it names."""
    kinds: dict[str, set[str]] = {}
    for kind, listed in KINDS.items():
        for word in listed.split():
            kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def kinds_in(text: str) -> frozenset[str]:
    """The kinds of happening the words of ``text`` name ("change" for a change verb)."""
    lowered = " ".join(w.lower() for w in _WORD.findall(text))
    found = {kind for phrase, kind in PHRASES.items() if f" {phrase} " in f" {lowered} "}
    lexicon = kinds_by_word()
    for word in lowered.split():
        if word in lexicon:
            found |= lexicon[word]
        elif word in CHANGE:
            found.add("change")
    return frozenset(found)


@lru_cache(maxsize=1)
def same_happening_words() -> dict[str, str]:
    """Each word of ``SAME_HAPPENING`` to the word that stands for its group."""
    return {word: lead for lead, forms in SAME_HAPPENING.items() for word in forms.split()}


@lru_cache(maxsize=1)
def _same_happening_stems() -> dict[str, str]:
    return {stem(word): lead for word, lead in same_happening_words().items()}


def same_happening(words: list[str]) -> str | None:
    """The word that stands for the happening that lower-case ``words`` end by naming: by a
    phrase of ``SAME_HAPPENING_PHRASES``, a listed word or another form of one ("thwarting" as
    "thwarted"); None for any other."""
    if " ".join(words[-2:]) in SAME_HAPPENING_PHRASES:
        return SAME_HAPPENING_PHRASES[" ".join(words[-2:])]
    if not words:
        return None
    return same_happening_words().get(words[-1]) or _same_happening_stems().get(stem(words[-1]))
