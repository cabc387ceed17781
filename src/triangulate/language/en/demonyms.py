"""Nationality adjectives and demonyms with their country codes (general knowledge).

Each entry is ``adjective:ISO`` optionally followed by ``:noun`` forms separated by ``/`` (the
singular person noun when it differs from the adjective, e.g. ``Turkish:TR:Turk``).  Plurals are
generated: nouns ending in -an, -i, -er, -k, -d and similar take an ``s``.
"""

from __future__ import annotations

from functools import lru_cache

from .names import word_set

_TABLE = """
Afghan:AF Albanian:AL Algerian:DZ American:US Andorran:AD Angolan:AO Argentine:AR:Argentinian
Argentinian:AR Armenian:AM Australian:AU Austrian:AT Azerbaijani:AZ:Azeri Azeri:AZ
Bahamian:BS Bahraini:BH Bangladeshi:BD Barbadian:BB Belarusian:BY:Belarusian Belarussian:BY
Belgian:BE Belizean:BZ Beninese:BJ Bhutanese:BT Bolivian:BO Bosnian:BA Botswanan:BW:Motswana
Brazilian:BR British:GB:Briton/Brit Bruneian:BN Bulgarian:BG Burkinabe:BF Burmese:MM
Burundian:BI Cambodian:KH Cameroonian:CM Canadian:CA Chadian:TD Chilean:CL Chinese:CN
Colombian:CO Congolese:CD Croatian:HR:Croat Cuban:CU Cypriot:CY Czech:CZ Danish:DK:Dane
Djiboutian:DJ Dominican:DO Dutch:NL:Dutchman Ecuadorian:EC Egyptian:EG Emirati:AE
English:GB:Englishman Eritrean:ER Estonian:EE Ethiopian:ET Fijian:FJ Filipino:PH
Finnish:FI:Finn French:FR:Frenchman Gabonese:GA Gambian:GM Georgian:GE German:DE Ghanaian:GH
Greek:GR Grenadian:GD Guatemalan:GT Guinean:GN Guyanese:GY Haitian:HT Honduran:HN
Hungarian:HU Icelandic:IS:Icelander Indian:IN Indonesian:ID Iranian:IR Iraqi:IQ Irish:IE:Irishman
Israeli:IL Italian:IT Ivorian:CI Jamaican:JM Japanese:JP Jordanian:JO Kazakh:KZ:Kazakhstani
Kazakhstani:KZ Kenyan:KE Korean:KR Kosovar:XK Kuwaiti:KW Kyrgyz:KG Lao:LA:Laotian Laotian:LA
Latvian:LV Lebanese:LB Liberian:LR Libyan:LY Lithuanian:LT Luxembourgish:LU:Luxembourger
Macedonian:MK Malagasy:MG Malawian:MW Malaysian:MY Maldivian:MV Malian:ML Maltese:MT
Mauritanian:MR Mauritian:MU Mexican:MX Moldovan:MD Monegasque:MC Mongolian:MN
Montenegrin:ME Moroccan:MA Mozambican:MZ Namibian:NA Nepalese:NP:Nepali Nepali:NP
Nicaraguan:NI Nigerian:NG Nigerien:NE Norwegian:NO Omani:OM Pakistani:PK Palestinian:PS
Panamanian:PA Paraguayan:PY Persian:IR Peruvian:PE Philippine:PH:Filipino Polish:PL:Pole
Portuguese:PT Qatari:QA Romanian:RO Russian:RU Rwandan:RW Salvadoran:SV Samoan:WS
Saudi:SA Scottish:GB:Scot Senegalese:SN Serbian:RS:Serb Sierra-Leonean:SL Singaporean:SG
Slovak:SK Slovenian:SI:Slovene Slovene:SI Somali:SO South-African:ZA Spanish:ES:Spaniard
Sri-Lankan:LK Sudanese:SD Surinamese:SR Swazi:SZ Swedish:SE:Swede Swiss:CH Syrian:SY
Taiwanese:TW Tajik:TJ:Tajikistani Tanzanian:TZ Thai:TH Togolese:TG Tongan:TO
Trinidadian:TT Tunisian:TN Turkish:TR:Turk Turkmen:TM Ugandan:UG Ukrainian:UA Uruguayan:UY
Uzbek:UZ Venezuelan:VE Vietnamese:VN Welsh:GB:Welshman Yemeni:YE Zambian:ZM Zimbabwean:ZW
Soviet:RU Kurdish:-:Kurd Arab:-:Arab Arabic:- Jewish:-:Jew Tatar:- Chechen:- Pashtun:-
Baloch:- Uyghur:- Uighur:- Tamil:- Sikh:- Hindu:- Muslim:- Christian:- Catholic:- Protestant:-
Orthodox:- Sunni:- Shia:- Shiite:- Alawite:- Druze:- Yazidi:- Berber:- Bedouin:- Roma:-
Basque:ES Catalan:ES Flemish:BE Sami:- Slavic:- Latino:- Hispanic:- Caucasian:- Cossack:-
Ossetian:GE Abkhaz:GE Abkhazian:GE Dagestani:RU Crimean:UA Balkan:- Baltic:- Scandinavian:-
European:- Asian:- African:- Western:- Eastern:- Nordic:- Arctic:- Pacific:- Atlantic:-
Mediterranean:- Caribbean:- Gulf:- Latin-American:- Middle-Eastern:- Central-Asian:-
Pakistani:PK Afghani:AF Bosniak:BA Kosovan:XK Sahrawi:EH
"""
_NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh", "z", "x", "men", "lao", "roma", "thai")
_REGION_ADJECTIVES = word_set(
    "european asian african western eastern nordic arctic pacific atlantic mediterranean "
    "caribbean gulf latin-american middle-eastern central-asian balkan baltic scandinavian "
    "caucasian"
)


def _plural(noun: str) -> str | None:
    lower = noun.casefold()
    if lower.endswith(_NO_PLURAL_ENDINGS):
        return None
    if lower.endswith("man"):
        return noun[:-3] + "men"
    return noun + "s"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Case-folded demonym or nationality word -> ISO country code ('' when not a country)."""
    table: dict[str, str] = {}
    for entry in _TABLE.split():
        adjective, code, *rest = entry.split(":")
        adjective = adjective.replace("-", " ")
        country = "" if code == "-" else code
        forms = [adjective] + (rest[0].split("/") if rest else [])
        for form in forms:
            table.setdefault(form.casefold(), country)
            plural = _plural(form)
            if plural and form.casefold() not in _REGION_ADJECTIVES:
                table.setdefault(plural.casefold(), country)
    return table


def is_regional_adjective(word: str) -> bool:
    """Adjectives of regions ("European", "Western"): they do not name a group by themselves."""
    return word.casefold() in _REGION_ADJECTIVES
