"""Words that report a happening, learned from ECB+'s train topics by
``training/learn_event_words.py`` (do not edit by hand).
"""

from __future__ import annotations

from . import words

EVENT_NOUNS = words(
    "advantage aftershock anger arraignment arrest arrival arson attack attention bad "
    "bankruptcy basis basket battle blaze break burn campaign career cause change charge check "
    "clinch coma communication condition confirm congestive conviction crossfire custody cut "
    "cycle damage damaging dead deal death decision degree democracy demonstration destroy die "
    "disease disguised disruption double downtime earthquake election emergency escape event "
    "execution experience explosion failure fight finale fire furious game goal guilty harm "
    "hearing heart heist help hijack history hit hold homicide hostage incident injure injured "
    "injury insanity interception investigation job jolt journalism killing leaner link list "
    "loss mark measure meeting move murder musical mvc natural negotiation nfl offer office "
    "opener operation outage pass pick place play playoff poll privacy problem program "
    "protection protest pursuit quake quarterfinal raid rampage re reason record rehire remote "
    "repair report reserve respect return review revolution ricochet riot robbery role round "
    "run safe scoring security semifinal senior sequel service set shooting shot show silence "
    "slaying sleep smash spiritual stampede statement stay step stint stoppage strike struck "
    "suicide suspicion sweep telecommunication term testimony theft throw touchdown tournament "
    "traffic transfer treatment tremor trial unbeaten undisclose unknown unpatched unrest "
    "verdict victory vigil violation violent win work"
)
"""Nouns and adjectives that report a happening (lemmas)."""

STATE_VERBS = words(
    "allege back be be booty boutique catching colt commit could dar do estimate felt have "
    "include mandate may patch pitch propose rank rehab revise run seem should story terraced "
    "watch will would yard"
)
"""Verbs that report no happening (lemmas); every other verb does."""

