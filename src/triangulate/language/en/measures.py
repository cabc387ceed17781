"""Word tables for quantity extraction: number words, units, currencies, qualifiers.

General English and general units only; nothing here knows any particular story.
"""

from __future__ import annotations

from ...model import Qualifier
from . import calendar
from .calendar import MONTH_WORDS, alternation

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Written right after digits: "5bn", "2.5 mn", "€5m" ("m" and "k" only next to a currency).
SCALE_SUFFIXES: dict[str, float] = {
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}
MONEY_SCALE_SUFFIXES: dict[str, float] = {"m": 1e6, "k": 1e3, "b": 1e9, "t": 1e12}
# "hundreds of" is at least 100; "tens of thousands of" at least 10,000.
APPROXIMATE_PLURALS: dict[str, float] = {
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "scores": 20, "tens": 10,
}
VAGUE_MULTIPLIERS = frozenset({"several", "few"})

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₽": "rub", "₹": "inr", "₴": "uah",
    "₺": "try", "₩": "krw", "₪": "ils", "₼": "azn", "֏": "amd",
}
# Letters glued before "$": "US$", "C$", "A$", "HK$".
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "usd", "c": "cad", "a": "aud", "hk": "hkd", "nz": "nzd", "s": "sgd",
}
CURRENCY_CODES = frozenset({
    "USD", "EUR", "GBP", "RUB", "JPY", "CNY", "INR", "CHF", "UAH", "AZN", "AMD", "GEL", "KZT",
    "CAD", "AUD", "TRY", "SEK", "NOK", "DKK", "PLN", "BRL", "ZAR", "SAR", "AED", "ILS", "KRW",
})
MONEY_NOUNS = frozenset({
    "fund", "money", "cash", "dollar", "funding", "financing", "sum", "amount", "total",
})
"""Nouns that say only that an amount is money ("$14 billion in funds"), not what it is."""
# Written before the number like a code: "Rs 500 crore".
CURRENCY_PREFIX_WORDS: dict[str, str] = {"Rs": "inr", "Rs.": "inr", "Dh": "aed", "R": "zar"}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur", "sterling": "gbp",
    "ruble": "rub", "rubles": "rub", "rouble": "rub", "roubles": "rub", "yen": "jpy",
    "yuan": "cny", "renminbi": "cny", "rupee": "inr", "rupees": "inr", "franc": "chf",
    "francs": "chf", "hryvnia": "uah", "hryvnias": "uah", "hryvnas": "uah", "lira": "try",
    "liras": "try", "manat": "azn", "manats": "azn", "dram": "amd", "drams": "amd",
    "lari": "gel", "tenge": "kzt", "riyal": "sar", "riyals": "sar", "dirham": "aed",
    "dirhams": "aed", "shekel": "ils", "shekels": "ils", "zloty": "pln", "zlotys": "pln",
}

# Multi-word and single-word measure units, as lower-case token sequences -> canonical unit.
UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "percent": ("%", "percent", "per cent", "pct", "per-cent", "pc"),
    "percentage_point": ("percentage point", "percentage points", "percent point", "pp"),
    "basis_point": ("basis point", "basis points", "bps", "bp"),
    "km": ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
    "m": ("m", "metre", "metres", "meter", "meters"),
    "cm": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "mm": ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    "mile": ("mile", "miles", "mi"),
    "light_year": ("light year", "light years", "light-year", "light-years"),
    "nautical_mile": ("nautical mile", "nautical miles", "nmi"),
    "ft": ("ft", "foot", "feet"),
    "inch": ("inch", "inches"),
    "km2": ("km2", "km²", "sq km", "square kilometre", "square kilometres", "square kilometer",
            "square kilometers"),
    "m2": ("m2", "m²", "sq m", "square metre", "square metres", "square meter", "square meters"),
    "sq_mile": ("square mile", "square miles", "sq mi"),
    "m3": ("m3", "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters"),
    "hectare": ("hectare", "hectares", "ha"),
    "acre": ("acre", "acres"),
    "liter": ("litre", "litres", "liter", "liters"),
    "barrel": ("barrel", "barrels", "bbl"),
    "gallon": ("gallon", "gallons"),
    "ton": ("ton", "tons", "tonne", "tonnes", "metric ton", "metric tons", "metric tonnes"),
    "kg": ("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"),
    "g": ("g", "gram", "grams", "gramme", "grammes"),
    "mg": ("mg", "milligram", "milligrams"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "ounce": ("ounce", "ounces", "oz"),
    "km/h": ("km/h", "kph", "kmh", "km per hour", "kilometres per hour", "kilometers per hour",
             "kilometres an hour", "kilometers an hour"),
    "mph": ("mph", "miles per hour", "miles an hour"),
    "knot": ("knot", "knots"),
    "kw": ("kw", "kilowatt", "kilowatts"),
    "mw": ("mw", "megawatt", "megawatts"),
    "gw": ("gw", "gigawatt", "gigawatts"),
    "kwh": ("kwh", "kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"),
    "twh": ("twh", "terawatt hour", "terawatt hours"),
    "celsius": ("°c", "degrees celsius", "degree celsius", "degrees c", "celsius"),
    "fahrenheit": ("°f", "degrees fahrenheit", "degree fahrenheit", "degrees f", "fahrenheit"),
    "degree": ("degree", "degrees", "°"),
    "second": ("second", "seconds", "sec", "secs"),
    "minute": ("minute", "minutes", "min", "mins"),
    "hour": ("hour", "hours", "hr", "hrs"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years", "yr", "yrs"),
    "decade": ("decade", "decades"),
    "century": ("century", "centuries"),
}


# Short forms that count as units only when glued to the digits ("5m", "40C", "3h").
GLUED_ONLY_UNITS = frozenset({"m", "g", "t", "h", "c", "f", "mi", "pp", "bp", "pc"})
GLUED_UNITS: dict[str, str] = {"h": "hour", "c": "celsius", "f": "fahrenheit", "t": "ton"}

# Durations that add up: "2 hours 15 minutes" is 135 minutes.
DURATION_IN_SECONDS: dict[str, int] = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
}
DURATION_IN_MONTHS: dict[str, int] = {"month": 1, "year": 12}
MEASURE_UNITS = frozenset({"magnitude", "km", "km2", "m2", "sq_mile", "mile", "m", "ton", "kg",
                           "degree", "celsius", "fahrenheit"})
"""Units that measure a property of something rather than count what happened."""
PEOPLE_ADJECTIVES = frozenset({"wounded", "injured", "missing", "dead", "homeless", "displaced"})
"""Words that count people when they stand for them: "the 80 wounded", "12 missing"."""
SAVING_VERBS = frozenset({"cut", "slash", "slice", "trim", "shave", "save", "reduce", "rip",
                          "ripping", "ripped"})
"""Verbs whose amount is money saved: "slice 30bn euros from its deficit", "ripping $20 billion
out of public services" are savings (the lemma or, where the parse's lemma is off, the
word)."""
LEVEL_NOUNS = frozenset({"level", "phase", "stage"})
"""Nouns whose number names a step on a scale ("raised the alert level to phase 5"): a level."""
STATE_UNITS = frozenset({"level"})
"""Units of a state that changes over time: a later report's other value tells of a change."""
LOGARITHMIC_UNITS = frozenset({"magnitude"})
"""Scales on which a difference, not a ratio, says how far apart two values are."""
DISTANCE_UNITS = frozenset({"km", "mile", "m"})
"""Distances answer one question only from one named place ("35 miles from Tarvos")."""
SHOCKS = {"quake": "quake", "earthquake": "quake", "temblor": "quake", "tremor": "quake",
          "aftershock": "aftershock", "foreshock": "foreshock"}
"""What a magnitude measures: an earthquake and its aftershock are different shocks."""
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
CLOCK_LOCAL = "local time"
CLOCK_GMT = "GMT"
"""Units of a time of day (minutes after midnight), by the zone it is told in: an unmarked or
local time and a time in GMT (or UTC) answer different questions."""
CLOCK_UNITS = frozenset({CLOCK_LOCAL, CLOCK_GMT})
DURATION = "duration"
"""The family of how long a happening lasted, in seconds."""
AGE = "age"
"""The family of how old someone is, in months."""
RELATIVE_TIME_WORDS = frozenset({"ago", "later", "earlier"})

QUALIFIER_PHRASES: dict[tuple[str, ...], Qualifier] = {
    ("more", "than"): "over", ("over",): "over", ("above",): "over",
    ("in", "excess", "of"): "over", ("upwards", "of"): "over", ("greater", "than"): "over",
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("not", "less", "than"): "at_least",
    ("not", "fewer", "than"): "at_least", ("a", "minimum", "of"): "at_least",
    ("at", "the", "very", "least"): "at_least",
    ("about",): "about", ("around",): "about", ("some",): "about", ("approximately",): "about",
    ("approx", "."): "about", ("approx",): "about", ("roughly",): "about",
    ("an", "estimated"): "about", ("estimated",): "about", ("nearly",): "about",
    ("almost",): "about", ("close", "to"): "about", ("circa",): "about",
    ("in", "the", "region", "of"): "about", ("roughly", "around"): "about",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("as", "much", "as"): "up_to",
    ("as", "high", "as"): "up_to", ("as", "long", "as"): "up_to",
    ("less", "than"): "under", ("fewer", "than"): "under", ("under",): "under",
    ("below",): "under", ("lower", "than"): "under",
    ("at", "most"): "at_most", ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most", ("a", "maximum", "of"): "at_most",
    ("at", "the", "most"): "at_most",
}
LONGEST_QUALIFIER = max(len(key) for key in QUALIFIER_PHRASES)
# Words that sharpen a qualifier and belong in its span: "just over", "well below".
QUALIFIER_INTENSIFIERS = frozenset({"just", "well", "slightly", "far", "much"})
# Verbs that say "over" without being part of the quantity: "sales exceeded 900 units".
OVER_VERBS = frozenset({
    "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpassed", "surpasses",
    "surpassing", "topped", "tops", "topping", "top",
})
POSTFIX_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("or", "more"): "at_least", ("or", "so"): "about", ("or", "less"): "at_most",
    ("or", "fewer"): "at_most", ("and", "more"): "at_least",
}

MONTHS = alternation(MONTH_WORDS, capitalised=True)
WEEKDAYS = frozenset(calendar.WEEKDAYS)
MONTH_NAMES = MONTH_WORDS

# A four-digit number after these words is a year: "in 2020", "the 2020 budget".
YEAR_CONTEXT = frozenset({
    "in", "since", "by", "of", "from", "until", "till", "to", "before", "after", "during", "the",
    "early", "late", "mid", "between", "and", "or", "year", "fiscal", "circa", "through", "for",
    "spring", "summer", "autumn", "fall", "winter", "its", "their", "his", "her", "this", "that",
})
# Nouns after which a number names something rather than counting: "page 4", "flight 370".
# Only words that are seldom followed by a count ("last week 40 people" must still count).
IDENTIFIER_WORDS = frozenset({
    "no", "number", "page", "pages", "article", "section", "chapter", "paragraph", "clause",
    "item", "flight", "route", "highway", "room", "gate", "platform", "ward", "grade", "lap",
    "episode", "vol", "version", "category", "apartment", "terminal", "resolution", "decree",
    "precinct", "appendix", "annex", "tier", "exit", "junction", "runway", "suite", "docket",
    "serial", "id",
})

# Counted nouns and units that name the same thing (general English usage): reconciliation
# compares counts of one family.
UNIT_FAMILIES = {
    "tonne": "ton",
    "tons": "ton",
    "tonnes": "ton",
    "metric ton": "ton",
    "t": "ton",
    "soldier": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "troop": "soldier",
    "servicemember": "soldier",
    "service member": "soldier",
    "military personnel": "soldier",
    "kilometre": "km",
    "kilometer": "km",
    "kilometres": "km",
    "kilometers": "km",
    "mile": "mile",
    "dollar": "usd",
    "$": "usd",
    "us dollar": "usd",
    "%": "percent",
    "per cent": "percent",
    "flights": "flight",
    "plane": "aircraft",
    "airplane": "aircraft",
    "people": "person",
    "corpse": "body",
    "richter": "magnitude",
    "death": "person",
    "population": "person",
    "resident": "person",
    "inhabitant": "person",
    "fatality": "person",
    "dead": "person",
    "wounded": "person",
    "injured": "person",
    "missing": "person",
    "homeless": "person",
    "displaced": "person",
    "casualty": "person",
    "victim": "person",
    "personnel": "staff",
    "staffer": "staff",
    "employee": "staff",
    "worker": "staff",
    "demonstrator": "protester",
    "protestor": "protester",
    "persons": "person",
}
# Units that say nothing on their own, and counted nouns that are references rather than facts
# ("the two countries", "both sides").
UNCOMPARABLE_UNITS = {
    "",
    "year",
    "day",
    "month",
    "week",
    "hour",
    "minute",
    "second",
    "time",
    "times",
    "country",
    "side",
    "party",
    "part",
    "way",
    "one",
    "other",
    "thing",
    "case",
    "gmt",
    "utc",
    "am",
    "pm",
}
UNIT_PLURALS = {
    "person": "people",
    "soldier": "soldiers",
    "aircraft": "aircraft",
    "km": "km",
    "km2": "square kilometres",
    "m2": "square metres",
    "sq_mile": "square miles",
    "usd": "US dollars",
    "eur": "euros",
    "percent": "percent",
}

# How a qualifier reads before a figure ("at least 14 people").
QUALIFIER_WORDS = {
    "exact": "",
    "over": "over ",
    "at_least": "at least ",
    "under": "under ",
    "at_most": "at most ",
    "about": "about ",
    "up_to": "up to ",
}

ADDED_AFTER_NUMBER = frozenset({"more", "further", "additional", "extra"})
"""Words between a number and what it counts that add it to a count told before ("20 more
people", "12 further bodies"): the noun after them is still the counted one."""
ADDITIONAL_WORDS = r"another|a further|an additional|an extra"
"""Words before a count that add it to one told before ("another 20,000 marched in Tarvos"):
it is a part of the whole, not an answer to the whole's question."""
