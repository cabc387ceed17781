"""General word lists for the rule-based entity recogniser (English news usage).

Every list here is general knowledge (titles, organisation heads, function words, given names of
many languages); nothing is specific to any story.
"""

from __future__ import annotations

from functools import lru_cache

from . import calendar
from .calendar import MONTH_WORDS


def word_set(block: str) -> frozenset[str]:
    """The case-folded words of a whitespace-separated block."""
    return frozenset(word.casefold() for word in block.split())


def _phrases(block: str) -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in block.split(",") if line.strip())


# Lower-case words inside personal names ("Ludwig van Beethoven", "Habib al-Adly").
NAME_PARTICLES = word_set(
    "de da del della der den van von bin ibn al el la le di du dos das des ter y"
)

# Capitalised words that start sentences or headlines but never name anything alone.
CAPITALISED_FUNCTION_WORDS = word_set("""
    a an the this that these those there here it its it's he she they we i you his her their our
    your my me him them us who whom whose what which when where why how whether if unless while
    though although because since after before during until upon within without about above below
    across against along among around at by for from in into of off on onto out over through to
    toward towards under up with and or but nor so yet also too both either neither each every all
    any some many much more most several few other another such no not only just even still again
    according however meanwhile moreover furthermore nevertheless nonetheless therefore thus hence
    instead otherwise indeed besides earlier later then now today yesterday tomorrow tonight
    recently currently previously subsequently finally firstly secondly lastly first second third
    last next once twice one two three four five six seven eight nine ten
    hundreds thousands millions dozens
    yes no ok okay please thanks thank dear hello
    said says say told added noted stressed stated asked
    read share comment comments related photo video watch listen subscribe follow advertisement
    click log sign home news page menu search contact copyright privacy terms
    update updated breaking exclusive analysis opinion editorial report reports source sources
    while despite amid following including regarding concerning per via
    officials official people police forces troops soldiers residents authorities experts analysts
    would could should might may must can will shall
    is are was were be been being has have had do does did
    we'll we're they're it'll that's there's what's
""")

MONTHS = MONTH_WORDS
WEEKDAYS = frozenset(calendar.WEEKDAYS)

# Words allowed inside a capitalised name (lower-case connectors of multi-word names).
CONNECTORS = word_set(
    "of for the and de del della dello degli dei di da do dos das du des la le van von der den"
    " al el ul bin ibn y in on"
)
# Connectors inside organisations' names only ("Committee to Protect Fishermen").
ORGANIZATION_CONNECTORS = CONNECTORS | word_set("to")
# Prefixes glued to a name with a hyphen or apostrophe ("al-Assad", "d'Estaing").
NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "d'", "o'", "l'")

# Words that head a title before a person's name ("Prime Minister X", "Lt. Gen. X").
TITLE_HEADS = word_set("""
    president vice-president premier minister secretary chancellor governor mayor senator
    congressman congresswoman representative rep rep. sen. sen gov gov. pres pres.
    ambassador envoy consul spokesman spokeswoman spokesperson press-secretary
    chairman chairwoman chairperson chair ceo cfo coo director commissioner
    chief head leader speaker deputy adviser advisor aide counsellor counselor
    general gen gen. colonel col col. lieutenant lt lt. major maj maj. captain capt capt.
    sergeant sgt sgt. corporal private admiral adm adm. commander cmdr cmdr. marshal brigadier
    brig brig. colonel-general lieutenant-general major-general lieutenant-colonel
    rear-admiral vice-admiral field-marshal
    king queen prince princess emperor empress sultan emir sheikh shaikh crown-prince
    pope cardinal archbishop bishop patriarch rabbi imam ayatollah reverend rev rev. father
    judge justice prosecutor attorney-general lawyer attorney
    professor prof prof. dr dr. doctor mr mr. mrs mrs. ms ms. miss madam sir dame lord lady
    journalist correspondent reporter editor analyst researcher expert economist
    officer inspector superintendent constable agent
    ombudsman attache attaché undersecretary under-secretary
    mp mep
""")
# Titles that only a person bears ("Ms Varga" is a person however a model types it).
PERSONAL_HONORIFICS = word_set("mr mr. mrs mrs. ms ms. mx mx.")
# Words that can sit before a title head inside the title ("Deputy Foreign Minister").
TITLE_MODIFIERS = word_set("""
    deputy vice acting former ex- late first prime chief senior junior assistant
    foreign defense defence interior finance economy economic trade justice health education
    energy agriculture culture transport emergency emergencies labour labor
    state general executive managing presidential national federal regional
    lt. lt lieutenant maj. maj major brig. brig rear vice- colonel col. gen. gen
    press security military political special supreme commander-in-chief
    affairs home retired
""")
# Lower-case nouns naming a role before a name ("Kremlin spokesman X", "opposition leader X").
LOWERCASE_ROLE_WORDS = word_set("""
    president minister spokesman spokeswoman spokesperson secretary ambassador envoy governor
    mayor senator chairman chairwoman director commander general colonel leader chief adviser
    advisor aide premier chancellor king queen prince sheikh judge prosecutor lawyer attorney
    analyst expert journalist correspondent reporter editor professor researcher economist
    officer colonel-general lieutenant-general major-general lieutenant-colonel
    deputy head
""")

# Last words of organisation names.
ORGANIZATION_HEADS = word_set("""
    ministry ministries council organization organisation agency committee party army navy
    forces force guard guards corps bank university college institute institution foundation
    group union assembly parliament congress senate court tribunal office service services
    commission administration department directorate bureau authority board cabinet government
    federation league alliance association society coalition movement front brigade battalion
    regiment division fleet command headquarters staff company corporation corp corp. inc inc.
    ltd ltd. llc plc co co. gmbh ag sa holding holdings industries airlines airways railways
    news times post press herald tribune journal gazette telegraph guardian observer express
    daily weekly monthly magazine review radio tv television channel network broadcasting
    broadcaster media wire newswire reuters
    center centre school academy church mosque club team fund programme program
    network police militia rebels fraction faction caucus duma knesset majlis rada sejm
    secretariat mission delegation embassy consulate
    exchange market stock
    treaty-organization
""")
# Organisation heads that some outlets write in lower case after the name ("the World Food
# program", "the Pacific Monetary fund").
LOWERCASE_ORGANIZATION_HEADS = word_set("programme program fund")
# Heads of facilities (built things and sites).
FACILITY_HEADS = word_set("""
    airport airfield airbase base bases station port harbour harbor terminal bridge tunnel dam
    plant reactor refinery pipeline mine factory stadium arena hospital clinic prison jail camp
    palace castle cathedral temple tower square street avenue road highway motorway boulevard
    building hall centre-point checkpoint crossing border-crossing railway-station museum
    memorial monument cemetery hotel mall market-place complex depot range
""")
# Words that end a street's name, each with the one it abbreviates ("St." is "street").
STREET_HEADS = {
    "street": "street", "st": "street", "st.": "street", "avenue": "avenue", "ave": "avenue",
    "ave.": "avenue", "road": "road", "rd": "road", "rd.": "road", "boulevard": "boulevard",
    "blvd": "boulevard", "blvd.": "boulevard", "lane": "lane",
}
# Names that many towns give a street, which tell nothing about which street it is.
COMMON_STREET_NAMES = word_set("""
    main high church station market park mill bridge school north south east west new old
    king queen london broad water green hill
""")
# Heads of geographic names.
SPEAKERS_PLACE = frozenset({"here"})
"""Words by which a quoted speaker names the place they speak from ("every house was destroyed
here"): what they count there is that place's part, whatever its name."""
LOCATION_HEADS = word_set("""
    mountains mountain mount mt mt. river sea ocean lake valley region province district county
    oblast krai okrug raion governorate prefecture state territory territories island islands
    gulf bay strait straits peninsula desert coast plain plateau basin delta canal pass hills
    heights forest corridor enclave exclave republic city town village municipality
""")
# Heads of natural features that news writes alone for the one such feature of the story
# ("the Gulf" for the Tarvos Gulf).
LONE_FEATURE_HEADS = word_set("gulf bay strait straits sea canal channel peninsula delta desert")
# Heads that a place's name may go without ("Tarvos Island" is "Tarvos"); not "city" or "state",
# which tell a city from its country and a state from its city.
SUBDIVISION_HEADS = word_set("""
    island islands province governorate region district county prefecture oblast
""")
# Plural heads before "of" that list a country's subdivisions ("the states of Oaxaca and ..."):
# a country's name among them is a subdivision named like it.
SUBDIVISION_LIST_HEADS = word_set("""
    states provinces regions districts counties governorates departments prefectures oblasts
""")
# Words before a name that give it to a second thing ("the main town, also called Tarvos").
NAMESAKE_CUES = ("also called", "also named")
EVENT_HEADS = word_set("""
    war wars battle siege offensive operation revolution uprising crisis conflict summit
    conference forum talks election elections referendum olympics games championship cup
    festival expo exhibition massacre genocide attack attacks bombing earthquake hurricane
    storm pandemic
""")
WORK_HEADS = word_set("""
    treaty agreement accord accords convention protocol declaration charter resolution act
    law doctrine plan initiative report memorandum manifesto constitution
""")
PRODUCT_HEADS = word_set("")

# Places whose name stands for an institution in news usage.
METONYM_ORGANIZATIONS = _phrases("""
    Kremlin, White House, Pentagon, Downing Street, Elysee, Élysée, Elysee Palace, Quai d'Orsay,
    Foggy Bottom, Capitol Hill, Whitehall, Zhongnanhai, Blue House, Bundestag, Bundesrat,
    Knesset, Holy See, Vatican, Wall Street, Silicon Valley, Westminster, Smolny
""")

# Regions and continents that the gazetteer lacks (general geography).
def _comma_list(block: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in block.split(",") if name.strip())


REGIONS = _comma_list("""
    Africa, Asia, Europe, North America, South America, Latin America, Central America,
    Oceania, Antarctica, Arctic, Eurasia, Middle East, Near East, Far East, Balkans,
    Western Balkans, Caucasus, South Caucasus, North Caucasus, Transcaucasia, Central Asia,
    South Asia, Southeast Asia, East Asia, West Africa, East Africa, North Africa,
    Southern Africa, Sub-Saharan Africa, Horn of Africa, Sahel, Maghreb, Levant, Gulf,
    Persian Gulf, Arabian Peninsula, Scandinavia, Baltics, Baltic, Baltic States,
    Eastern Europe, Western Europe, Central Europe, Northern Europe, Southern Europe,
    Mediterranean, Black Sea, Caspian, Caspian Sea, Baltic Sea, Red Sea, Aegean,
    Pacific, Atlantic, Indian Ocean, Indo-Pacific, Siberia, Crimea, Donbas, Donbass,
    Kurdistan, Gaza, Gaza Strip, West Bank, Golan Heights, Kashmir, Tibet, Xinjiang,
    Chechnya, Dagestan, Transnistria, Abkhazia, South Ossetia, Nagorno-Karabakh, Karabakh,
    Sinai, Anatolia, Patagonia, Amazon, Himalayas, Alps, Urals, Sahara, Arctic Circle,
    Northern Ireland, Scotland, England, Wales, Great Britain, Britain, Korean Peninsula,
    Eastern Mediterranean, Soviet Union, USSR, Yugoslavia, Czechoslovakia, Ottoman Empire
""")
# Parts of a country that COUNTRY_ALIASES files under it and a reader keeps apart from it.
COUNTRY_PARTS = frozenset({"england", "scotland", "wales", "northern ireland"})
# Country names as written in news beside the gazetteer's forms, with their ISO codes.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "the united states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "russian federation": "RU", "czech republic": "CZ", "holland": "NL", "netherlands": "NL",
    "the netherlands": "NL", "uae": "AE", "drc": "CD", "dr congo": "CD", "congo": "CG",
    "prc": "CN", "burma": "MM", "east timor": "TL", "timor-leste": "TL",
    "cape verde": "CV", "swaziland": "SZ", "macedonia": "MK", "cote d'ivoire": "CI",
    "côte d'ivoire": "CI", "vatican city": "VA", "palestine": "PS", "ivory coast": "CI",
    "republic of korea": "KR", "korea": "KR", "dprk": "KP", "türkiye": "TR", "turkiye": "TR",
    "kyrgyz republic": "KG", "bosnia": "BA", "herzegovina": "BA", "kirghizia": "KG",
    "byelorussia": "BY", "moldavia": "MD", "persia": "IR", "siam": "TH", "ceylon": "LK",
    "zaire": "CD", "rhodesia": "ZW",
}

# Acronyms that name places, not organisations.
PLACE_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "USSR", "EU"})

# Company and legal-form suffixes.
COMPANY_SUFFIXES = word_set(
    "inc inc. corp corp. ltd ltd. llc plc gmbh ag s.a. spa s.p.a. nv co co. group holdings"
)
# Last words that a short form of an organisation's name leaves off ("Brixel" for "Brixel Motor
# Company", "the Tax Office" for "the Tax Office Department").
SHORT_FORM_DROPS = COMPANY_SUFFIXES | word_set(
    "company corporation limited incorporated motor motors department news"
)

# Bodies that own organisations as a country does, written before their names ("UN World Food
# Programme" is the "World Food Programme").
ORGANIZATION_OWNERS = word_set("un eu nato au asean")

# Words that say a capitalised word before them is a place ("in X", "near X").
LOCATIVE_PREPOSITIONS = word_set("""
    in near at from to into towards toward outside inside across around through via between
    of village town city region district province settlement capital border
""")
# Speech verbs right after a bare name suggest a person ("Smith said").
PERSON_VERBS = word_set("""
    said says told added stressed noted insisted claimed denied argued wrote explained warned
    urged asked replied recalled admitted confirmed believes thinks
""")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names of many languages (case-folded), for person typing."""
    from .given_names import GIVEN_NAMES

    return word_set(GIVEN_NAMES)

# British spellings folded to one key, so that "Defence Ministry" and "Defense Ministry" meet.
SPELLING_VARIANTS = {
    "defence": "defense", "offence": "offense", "centre": "center", "theatre": "theater",
    "labour": "labor", "harbour": "harbor", "honour": "honor", "programme": "program",
    "organisation": "organization", "organisations": "organizations",
}
