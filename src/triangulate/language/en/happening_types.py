"""Event trigger words and phrases by type; ``*`` ends a prefix (``clash*`` = clash, clashes)."""

from __future__ import annotations

from functools import cache, lru_cache

from . import words

TRIGGERS: dict[str, tuple[str, ...]] = {
    "communication": (
        "phone call*",
        "telephone call*",
        "telephone conversation*",
        "phone conversation*",
        "talks by phone",
        "talked by phone",
        "spoke by phone",
        "spoke by telephone",
        "videoconference*",
        "spoke to",
        "spoke with",
        "talked to",
        "talked with",
        "video call*",
        "called",
    ),
    "meeting": ("met", "meet", "meets", "meeting*", "held talks", "talks", "summit*", "received",
                "conference", "conferences"),
    "visit": ("visit", "visited", "visits", "visiting", "arrived in", "arrives in", "arrive in",
              "arrival in"),
    "statement": (
        "said in a statement",
        "issued a statement",
        "declared",
        "announced",
        "announcement",
        "remarks",
        "interview*",
        "speech",
        "press conference*",
        "news conference*",
        "briefing",
    ),
    "armed_clash": (
        "clash*",
        "fighting",
        "hostilities",
        "battle",
        "battles",
        "skirmish*",
        "firefight",
        "firefights",
        "war",
        "wars",
        "offensive",
        "ceasefire violation*",
    ),
    "attack": (
        "attack*",
        "shelled",
        "shelling",
        "fired on",
        "fired at",
        "strike",
        "strikes",
        "airstrike*",
        "air strike*",
        "bombed",
        "bombing*",
        "bombard*",
        "ambush*",
        "raid*",
    ),
    "transport": (
        "flight*",
        "flew",
        "delivered",
        "delivery",
        "deliveries",
        "transported",
        "transportation",
        "transport",
        "shipment*",
        "shipped",
        "convoy*",
        "cargo plane*",
        "airlift*",
    ),
    "deployment": (
        "deployed",
        "deployment*",
        "deploy",
        "sent troops",
        "sent soldiers",
        "stationed",
        "redeployed",
        "dig* trenches",
        "dug trenches",
        "fortification*",
    ),
    "agreement": ("signed", "agreement*", "declaration", "treaty", "treaties", "accord", "deal"),
    "ratification": ("ratified", "ratification", "ratify", "ratifies"),
    "protest": (
        "protest",
        "protests",
        "protested",
        "protesting",
        "rally",
        "rallies",
        "rallied",
        "demonstration*",
        "blocked the road",
        "blocked roads",
        "was stopped",
        "were stopped",
        "roadblock*",
        "blockade*",
        "picket*",
        "march",
        "general strike*",
        "national strike*",
        "nationwide strike*",
        "hunger strike*",
        "24-hour strike*",
        "48-hour strike*",
        "on strike",
        "went on strike",
        "go on strike",
        "strike action",
        "walkout*",
        "stormed",
        "storming",
    ),
    "casualty": ("killed", "wounded", "injured", "died", "dead", "casualties", "death",
                 "deaths"),
    "election": ("election*", "elected", "vote", "voted", "referendum*", "polls"),
    "disaster": (
        "earthquake*",
        "quake*",
        "tremor*",
        "aftershock*",
        "tsunami*",
        "flood*",
        "hurricane*",
        "cyclone*",
        "typhoon*",
        "landslide*",
        "eruption*",
        "erupted",
        "explosion*",
        "exploded",
        "blast*",
        "blaze*",
        "fire broke out",
        "crashed",
        "crash",
    ),
    "bombing": ("firebomb*", "fire-bomb*", "fire bomb*", "petrol bomb*", "molotov cocktail*",
                "set fire to", "set alight", "set ablaze", "torched", "arson"),
    "rescue": ("rescued", "rescue", "pulled alive", "pulled from the rubble", "evacuated",
               "evacuation*", "airlifted"),
    "detention": ("arrested", "arrest*", "detained", "detention", "taken into custody",
                  "released", "freed", "jailed", "imprisoned", "house arrest", "held for",
                  "held without charge", "in custody", "abducted", "kidnapped"),
    "resignation": ("resigned", "resign", "resigns", "resignation", "stepped down",
                    "step down", "steps down", "ousted", "replaced", "sworn in", "appointed",
                    "fired his cabinet", "dismissed his cabinet", "dismissed the cabinet",
                    "dismissed the government", "sacked his cabinet", "dissolved the government",
                    "dissolved his cabinet"),
    "finance": ("bankruptcy", "filed for", "files for", "file for", "loan*", "bailout*",
                "bail-out*", "rescue package*", "pledged", "pledge*", "appeal for",
                "launched an appeal", "donors", "aid package*", "downgrade*", "downgraded"),
    "decree": ("curfew*", "state of emergency", "emergency powers", "imposed", "lifted",
               "banned", "suspended", "raised its", "raised the", "raising its", "raising the",
               "hiked its", "hiked the", "lowered its", "lowered the"),
    "ceremony": ("funeral*", "burial*", "buried", "memorial service*", "mourning", "vigil",
                 "vigils"),
    "infection": ("confirmed case*", "first case*", "infected", "outbreak*", "pandemic"),
}

# Nouns that name a happening in general news usage, beside the typed triggers and the
# lexicon learned from ECB+ (language/en/event_words): crime and law, violence, disasters and
# accidents, politics, business, public life, sport and entertainment.
EVENT_NOUNS_LISTED: frozenset[str] = words("""
    crime murder killing homicide manslaughter shooting stabbing robbery burglary theft heist
    kidnapping abduction assault rape fraud piracy hijacking smuggling trafficking vandalism
    dui dwi
    arrest detention trial hearing verdict sentence conviction acquittal appeal indictment
    charge lawsuit investigation inquiry probe seizure escape chase pursuit manhunt execution
    bombing explosion airstrike ambush battle fight fighting conflict invasion siege massacre
    riot unrest uprising revolt rebellion coup ceasefire truce occupation operation mission
    patrol incursion shelling accident crash collision derailment sinking fall fire blaze storm
    hurricane tornado avalanche drought famine epidemic collapse spill leak election voting
    ballot referendum campaign primary inauguration resignation appointment nomination
    dismissal impeachment summit meeting talks negotiation conference visit trip speech address
    announcement declaration demonstration rally boycott reform treaty sanction veto merger
    acquisition takeover sale purchase bankruptcy layoff bailout launch recall closure shutdown
    buyout ceremony party celebration festival concert performance premiere award game match
    race tournament victory win defeat championship appearance debut birth funeral burial
    wedding marriage divorce surgery injury recovery retirement departure arrival return
    attempt incident
""")

AGAINST_PREFIXES: frozenset[str] = words("anti counter")
"""Prefixes that make a happening noun the name of what is done against it ("anti-piracy
patrols", "counter-terrorism operations"): no happening of its own."""
NAMED_HAPPENING_NOUNS: frozenset[str] = words("ceremony telecast scandal")
"""Nouns that, written after a name, make it the name of a happening ("the Academy Awards
ceremony", "the Watergate scandal")."""
RECURRING_WORDS: frozenset[str] = words("annual")
"""Words that, written before a name, make it the name of a recurring happening ("the annual
Oscars"), as an ordinal or a year does ("the 81st Academy Awards", "the 2014 Games")."""

# Types that are kinds of a broader one: a "fire-bomb attack" is one happening, told as a
# bombing by one outlet and as an attack by another.
BROADER_TYPE: dict[str, str] = {"bombing": "attack"}

# Words that tell a happening not (yet) done: modal auxiliaries ("should resign", "will be
# held"), negations, verbs of wanting, planning and refusing ("would like to step down").
MODAL_AUXILIARIES: frozenset[str] = words(
    "will would should could can may might must shall 'll wo ca"
)
FUTURE_AUXILIARIES: frozenset[str] = words("will shall 'll wo")
# The future of a reported saying ("she said she would visit on Saturday").
REPORTED_FUTURE_AUXILIARIES: frozenset[str] = words("would 'd")
NEGATIONS: frozenset[str] = words("not n't never")
INTENT_VERBS: frozenset[str] = words(
    "want like plan hope expect intend threaten seek wish aim prepare propose vow promise "
    "refuse decline consider urge demand need"
)
# Verbs whose object is a happening stopped or kept from being ("suspend all flights",
# "banned protests", "postponed the vote", "the deal has been rejected").
PREVENTING_VERBS: frozenset[str] = words(
    "suspend cancel postpone halt ban prevent avert avoid stop delay forbid prohibit reject veto"
)
# Words after which a happening's noun names one already told of ("the epicentre of the
# earthquake", "the toll from the quake", "after the attack", "worse than the earthquake"): the
# date of the sentence is not its date.
KNOWN_HAPPENING_CUES: frozenset[str] = words("of from after since following before until than")
# Nouns of a time inside a happening, whose "of" names it as going on ("in the midst of the
# clashes on 17 July", "at the height of the fighting").
DURING_NOUNS: frozenset[str] = words("midst height middle course peak heat thick")
# Auxiliaries of the past perfect: what a speaker says "had happened" happened before the
# telling, not on its day.
PAST_PERFECT_AUXILIARIES: frozenset[str] = words("had 'd")
# Auxiliaries of the present perfect ("has rocked", "have been rescued").
PERFECT_AUXILIARIES: frozenset[str] = words("has have 's 've \u2019s \u2019ve")

# Happenings whose reports give running totals ("have died"), not one day's happening.
ACCUMULATING_TYPES: frozenset[str] = frozenset({"casualty", "infection"})

# Happenings that kill: the deaths told with them are theirs ("an attack killed three").
DEADLY_TYPES: frozenset[str] = frozenset(
    {"disaster", "attack", "bombing", "armed_clash", "protest", "infection"}
)

# Happenings told as part of another of their sentence and day, by the types that hold them:
# the injured of a rescue ("was found seriously injured"), the meeting of a visit ("will visit
# the capital on Saturday to meet officials").
PART_OF_TYPES: dict[str, frozenset[str]] = {
    "casualty": DEADLY_TYPES | {"rescue", "detention", "deployment"},
    "meeting": frozenset({"visit"}),
}

# Words of two senses, with the sense they take where their document writes it unambiguously
# in a longer trigger ("a general strike" ... "the strike").
DISCOURSE_SENSES: dict[str, str] = {"strike": "protest", "strikes": "protest"}

# Triggers that only count with a named object right after them ("called Smith").
NEEDS_NAMED_OBJECT: frozenset[str] = frozenset(
    {"called", "received", "replaced", "imposed", "lifted", "suspended", "released", "spoke to",
     "spoke with", "talked to", "talked with"}
)

# Triggers that name a market's move after a market's noun ("stocks rallied", "a rally in
# shares"), not people gathering.
MARKET_MOVES: frozenset[str] = frozenset({"rally", "rallies", "rallied"})
MARKET_NOUNS: frozenset[str] = words(
    "stock stocks share shares market markets price prices index indices bond bonds dollar "
    "euro yen pound currency currencies oil gold equities futures"
)


@lru_cache(maxsize=1)
def trigger_patterns() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words, type) pairs, longest phrases first so that they win over single words."""
    patterns = [
        (tuple(phrase.split()), event_type)
        for event_type, phrases in TRIGGERS.items()
        for phrase in phrases
    ]
    patterns.sort(key=lambda item: -len(item[0]))
    return tuple(patterns)


@lru_cache(maxsize=16384)
def patterns_starting_with(word: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The trigger patterns whose first word matches ``word`` (lower case), longest first."""
    return tuple(item for item in trigger_patterns() if word_matches(item[0][0], word))


def word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


@cache
def sense_phrases(word: str, sense: str) -> tuple[str, ...]:
    """The longer triggers of type ``sense`` that hold ``word`` ("general strike" for a strike
    as a walkout), as they are written."""
    stem = word.removesuffix("s")
    return tuple(
        phrase.rstrip("*") for phrase in TRIGGERS[sense]
        if " " in phrase and stem in phrase.rstrip("*").split()
    )


@lru_cache(maxsize=4096)
def names_a_happening(noun: str) -> bool:
    """Whether a counted noun (singular) is itself a happening of a listed type other than a
    casualty ("aftershock", "explosion", "clash"): a count of it says what happened."""
    return any(
        len(words_) == 1 and event_type != "casualty" and word_matches(words_[0], noun)
        and words_[0].endswith("*")
        for words_, event_type in patterns_starting_with(noun)
    )
