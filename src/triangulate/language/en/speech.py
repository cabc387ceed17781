"""Words that signal attribution, stance and speakers (general English news usage)."""

from __future__ import annotations

import re

from . import words
from .calendar import MONTH_WORDS

# Speech and reporting verbs, every inflected form that may follow a speaker.
SPEECH_VERB_FORMS: frozenset[str] = words(
    """
    say says said saying tell tells told note notes noted stress stresses stressed
    emphasize emphasizes emphasized emphasise emphasises emphasised underline underlines
    underlined underscored underscores highlight highlights highlighted claim claims claimed
    reveal reveals revealed deny denies denied inform informs informed state states stated
    add adds added announce announces announced report reports reported warn warns warned
    insist insists insisted argue argues argued confirm confirms confirmed acknowledge
    acknowledges acknowledged admit admits admitted allege alleges alleged explain explains
    explained recall recalls recalled assert asserts asserted suggest suggests suggested
    write writes wrote tweet tweets tweeted declare declares declared maintain maintains
    maintained reiterate reiterates reiterated mention mentions mentioned disclose discloses
    disclosed assure assures assured accuse accuses accused reject rejects rejected refute
    refutes refuted dismiss dismisses dismissed remark remarks remarked observe observes
    observed comment comments commented concede concedes conceded estimate estimates estimated
    predict predicts predicted specify specifies specified express expresses expressed
    read reads quote quotes quoted publish publishes published indicate indicates indicated
    believe believes believed think thinks thought find finds found show shows showed
    conclude concludes concluded rule rules ruled forecast forecasts
    describe describes described
    """
)

# Cues after which a speaker may follow: ``…, said the minister``.
RECORDING_CUES: frozenset[str] = words("documented recorded counted tallied registered")
"""Verbs by which a source gives a count it keeps ("Human Rights Watch has documented more than
300 deaths"): where the parse finds them with a source, that source speaks."""

INVERTIBLE_CUES: frozenset[str] = words(
    "said says added adds wrote writes explained noted stressed insisted continued "
    "concluded warned recalled argued"
)

# Cues that only count right after a closing quote (too ambiguous elsewhere).
POST_QUOTE_ONLY: frozenset[str] = frozenset({"read", "reads", "quote", "quotes", "quoted"})

# Verbs whose subject is the speaker but whose content needs "that" (or a colon) to be a claim.
NEEDS_THAT: frozenset[str] = words(
    """
    believe believes believed think thinks thought publish publishes published indicate
    indicates indicated find finds found show shows showed rule rules ruled mention mentions
    mentioned comment comments commented remark remarks remarked observe observes observed
    quote quotes quoted read reads accuse accuses accused
    """
)

# Cues whose noun-phrase object reports an act rather than a proposition ("announced the
# resignation", "accused the government of the deaths"): the claim is the cue with its object.
NOUN_OBJECT_CUES: frozenset[str] = words(
    """
    announce announces announced accuse accuses accused confirm confirms confirmed
    condemn condemns condemned criticize criticizes criticized criticise criticises criticised
    blame blames blamed describe describes described
    """
)

MULTIWORD_CUES: tuple[tuple[str, ...], ...] = (
    ("pointed", "out"),
    ("points", "out"),
    ("point", "out"),
    ("made", "clear"),
    ("makes", "clear"),
    ("went", "on", "to", "say"),
    ("stood", "in"),
    ("was", "stated", "in"),
    ("is", "stated", "in"),
)

DENIAL_CUES: frozenset[str] = words(
    "deny denies denied reject rejects rejected refute refutes refuted dismiss dismisses dismissed"
)

# Nouns that name a source without being a proper name.
SOURCE_NOUNS: frozenset[str] = words(
    """
    minister ministry spokesman spokeswoman spokesperson spokespeople official officials
    media press report reports statement statements service office government authorities
    authority agency agencies source sources newspaper website outlet outlets article
    publication readout president prime premier chancellor king queen general commander
    leader leaders ambassador envoy diplomat diplomats embassy army military police ministry's
    kremlin side sides parliament council committee court prosecutor prosecutors analyst
    analysts expert experts observer observers witness witnesses resident residents residents'
    journalist journalists reporter reporters correspondent editor channel broadcaster
    television radio blog post message letter document documents data survey study team
    department secretary mayor governor senator deputy lawmaker lawmakers mp mps chief head
    director chairman chairwoman chair representative representatives founder owner company
    firm group organization organisation union party campaign alliance coalition opposition
    rebels insurgents separatists forces troops staff headquarters bureau center centre
    institute foundation association network portal paper daily weekly tabloid
    """
)

# Heads of speaker phrases that name one person.
PERSON_TITLES: frozenset[str] = words(
    """
    minister spokesman spokeswoman spokesperson ambassador envoy mayor governor senator
    chairman chairwoman chair director secretary commander general colonel officer official
    prosecutor king queen chancellor premier president leader analyst expert editor
    correspondent deputy lawmaker head chief founder owner witness resident diplomat
    representative adviser advisor aide negotiator judge lawyer professor researcher
    """
)

# Nouns that point back to an earlier source ("the reports", "the statement").
ANAPHORIC_SOURCE_NOUNS: frozenset[str] = words(
    "report reports statement article publication readout message letter document documents "
    "source sources post"
)

PRONOUN_SPEAKERS: frozenset[str] = frozenset({"he", "she", "they", "it"})

DETERMINERS: frozenset[str] = words(
    "the a an this that these those his her its their our such another"
)

# Words that open an adverbial clause ("…, after they warned of bankruptcy"): a speech verb
# inside one attributes that clause, not the sentence.
SUBORDINATORS: frozenset[str] = words(
    "after before since until because while when whereas although though once unless"
)

RUN_ON_OPENERS: frozenset[str] = SUBORDINATORS | words("as if but however meanwhile earlier later")
"""Words that, capitalised after a lower-case word, open a sentence whose full stop the source
lost ("... citing medical sources As the government cracked down ...")."""

SPEAKER_JOINS: frozenset[str] = words("and while but whereas")
"""Words that join one speaker's report to another's: "Texas confirmed a case and California
said it had 11"."""

CLAUSE_AFTER_CUE: frozenset[str] = words("as after when while before")
"""Words that open the outlet's own clause after a quote's attribution: '"…," Chan told a news
conference as she raised the alert level to phase 5'."""

# Words that cannot be part of a speaker noun phrase (walking back from the cue stops there).
NP_BREAKERS: frozenset[str] = SUBORDINATORS | words(
    """
    in on at to for with by from into onto over under about during
    against between through without within across along among toward towards upon than as
    and but or nor so yet if where which who whom
    whose what why how that whether not no never also is are was were be been being has have
    had do does did will would shall should can could may might must there here then thus
    however meanwhile moreover furthermore therefore i we you me us him them my your
    """
)

# Adverbs and auxiliaries allowed between a speaker and its cue ("has also said").
CUE_MODIFIERS: frozenset[str] = words(
    """
    also further especially later recently then previously earlier again once repeatedly
    publicly officially already firmly strongly categorically has have had was were is are
    had once separately additionally specifically particularly explicitly clearly directly
    reportedly allegedly initially subsequently finally moreover even still once more just
    will would
    """
)

CITING_CUES: tuple[tuple[str, ...], ...] = (
    ("citing",),
    ("quoting",),
    ("with", "reference", "to"),
    ("in", "reference", "to"),
)

HEDGE_PATTERN = re.compile(
    r"\b(?:it\s+(?:is|was)\s+(?:believed|thought|alleged|reported|rumou?red|assumed|"
    r"suspected|said|claimed|understood)\s+that|allegedly|reportedly|supposedly|purportedly|"
    r"apparently|presumably|possibly|probably|likely|(?:may|might|could)\s+(?:have|be)|"
    r"(?:is|are|was|were)\s+(?:said|believed|thought|alleged|reported|rumou?red|understood)"
    r"\s+to|unconfirmed|rumou?rs?)\b",
    re.IGNORECASE,
)

NEGATION_PATTERN = re.compile(
    r"\b(?:not(?!\s+only)|never|no\s+longer|n't|cannot|neither|nor)\b|\bno\s+(?=[a-z])"
    r"|n't\b",
)

# What a denial rejects when it names it: "denied the reports", "dismissed concerns that …".
_DENIED_NOUNS = (  # an idea or a notion may be a plan: "rejected the idea as too costly"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|rumou?rs?|speculation|suggestions?|"
    r"implications?|assertions?|stor(?:y|ies)|criticism|concerns?|fears?|premises?|"
    r"(?:notion|idea)\s+that)"
)

DENIAL_PATTERN = re.compile(
    r"\bden(?:y|ies|ied|ying)(?:\s+\w+ly)?\s+(?:that|it|this|having|being|ever|any\s+"
    r"(?:wrongdoing|involvement|responsibility|role|knowledge|links?|ties|connections?)|"
    r"(?:he|she|they|we|i|there)\s+[a-z]+|(?:[\w'\u2019-]+\s+){0,3}?" + _DENIED_NOUNS
    + r"|wrongdoing|involvement|responsibility|knowledge)\b"
    r"|\bdenials?\s+that\b"
    r"|\b(?:claims?|charges?|allegations?|accusations?|reports?)\b[^.;]{0,40}?\b(?:which|that)\b"
    r"(?:[^.;,]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.){0,60}?\bden(?:y|ies|ied)\b(?=\s*(?:[,.;)]|$|and\b|(?:in|to|on|at)\b))"
    r"|\b(?:is|was|are|were)\s+(?:false|untrue|baseless|groundless|fabricated|not\s+true)\b"
    r"|\b(?:reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|rebuff(?:s|ed)?)"
    r"(?:\s+[\w'\u2019-]+){0,3}?\s+" + _DENIED_NOUNS + r"\b",
    re.IGNORECASE,
)
"""A denial rejects a proposition that it names: "denied that …", "denied the reports",
"dismissed concerns that …", "the reports are false", "a charge that X has denied". Denying
someone a right or an entry, a denial of access, dismissing a government or a person "as" what
they are said to be, and rejecting a bill are no denials."""

CORRECTION_OPENERS: frozenset[str] = words(
    "for to rather instead as a an the about in on at by from with because"
)
"""Words that open the Y of a correction "not X but Y" ("not about pay but about safety", "not
a protest but a riot"); "he will not run again, but now faces pressure" joins two clauses."""

NOT_BUT_PATTERN = re.compile(
    r"\bnot\b(?!\s+(?:only|just|merely|simply|so\s+much|necessarily|saying|because)\b)"
    r"[^.;]{0,160}?,?\s+but\s+(?:for|to|rather|instead|as|a|an|the)\b",
    re.IGNORECASE,
)
"""``not X but Y``: a denial where the sentence names what it answers (ANSWERED_PATTERN): "asked
about the reports, he said the flights carried not weapons but building materials"; elsewhere
a contrast ("not the colour of your skin but your creed")."""

ANSWERED_PATTERN = re.compile(
    r"\b(?:reports?|claims?|allegations?|accusations?|rumou?rs?|speculation|suggestions?|"
    r"charges?)\b",
    re.IGNORECASE,
)

NO_COMMENT_PATTERN = re.compile(
    r"\b(?:not|never|declined\s+to|refused\s+to)\s+(?:yet\s+|immediately\s+)?(?:comment|"
    r"respond|react|confirm|disclose|specify|elaborate|answer)",
    re.IGNORECASE,
)
"""Declining to speak is neither asserting nor denying: "has not commented", "did not
confirm"."""

REPORT_ADJECTIVES: frozenset[str] = words(
    "initial earlier early previous first original latest new recent unconfirmed further"
)
"""Words that say which reports, not whose: "Initial reports that 176 people had died" has no
speaker named."""

NUMBER_WORDS: frozenset[str] = words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    first second third fourth fifth half
    """
)

MONTHS: frozenset[str] = MONTH_WORDS

# A verb-like word: lets a sentence count as a statement rather than a heading.
COMMON_VERBS: frozenset[str] = words(
    """
    is are was were be been has have had will would can could may might must shall should do
    does did says say make makes made take takes took give gives gave hold holds held meet
    meets met send sends sent go goes went come comes came fly flies flew begin begins began
    know knows knew see sees saw tell tells told find finds found leave leaves left keep keeps
    kept become becomes became show shows shown run runs ran build builds built fight fights
    fought win wins won lose loses lost bring brings brought buy buys bought sell sells sold
    pay pays paid spend spends spent set sets put puts cut cuts hit hits shot seek seeks
    sought think thinks thought remain remains lead leads led rise rises rose fall falls fell
    grow grows grew stand stands stood get gets got
    """
)

# Words that never start a speaker noun phrase at a sentence start despite their capital.
SENTENCE_CONNECTORS: frozenset[str] = words(
    "however meanwhile moreover furthermore also but and so yet still later earlier then "
    "instead besides nevertheless nonetheless indeed thus therefore"
)

# What an attribution cue reports when it is not speech.
ATTRIBUTION_KINDS: dict[str, str] = {
    **dict.fromkeys(words(
        "believe believes believed believing think thinks thought thinking feel feels felt "
        "know knows knew known expect expects expected hope hopes hoped fear fears feared "
        "seem seems seemed appear appears appeared consider considers considered suspect "
        "suspects suspected worry worries worried doubt doubts doubted"
    ), "belief"),
    **dict.fromkeys(words(
        "want wants wanted plan plans planned seek seeks sought intend intends intended "
        "promise promises promised vow vows vowed pledge pledges pledged threaten threatens "
        "threatened aim aims aimed refuse refuses refused decline declines declined"
    ), "intention"),
}

# Cues whose subject belongs to what they attribute ("the plan seems to fail"), not its source.
RAISING_CUES: frozenset[str] = words("seem seems seemed appear appears appeared")

# Prepositions after a cue that introduce what is said or asked for ("called for", "warned of").
CUE_PREPOSITIONS: frozenset[str] = words("for about on of against with to over")

# Markers of what a cue says of its object ("blamed them for …", "cited it as proof").
CUE_OBJECT_MARKERS: frozenset[str] = words("for as of over")
