"""A light language guess from function words and scripts (no model, no download)."""

from __future__ import annotations

import re

from .boilerplate import word_set

_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the of and to in a is that for on was with as by it at from are be this have has had "
        "not but or an were which their they its his her he she also been will would said who "
        "after over than more about into there"
    ),
    "de": word_set(
        "der die das und ist nicht mit von den des ein eine dem zu auf für sich auch es im wird "
        "wurde sind bei nach aus wie oder aber noch"
    ),
    "fr": word_set(
        "le la les de des et est une un du que qui dans pour pas sur par au aux avec ce il elle "
        "sont été ont plus mais ou cette leur"
    ),
    "es": word_set(
        "el la los las de del y que en un una es por con para no se su al lo como más pero fue "
        "ha sus sobre este esta entre"
    ),
    "it": word_set(
        "il lo la gli le di del della e che un una è per con non si sono nel alla al da anche "
        "come più ma questo"
    ),
    "pt": word_set(
        "o os a as de do da dos das e que em um uma é para com não se por mais foi ao como mas "
        "seu sua pelo pela"
    ),
    "nl": word_set(
        "de het een en van is dat op te in met voor niet zijn door er maar ook als bij aan om "
        "werd worden naar"
    ),
    "tr": word_set(
        "ve bir bu da de için ile olarak olan daha çok gibi ancak sonra kadar ama değil şu her "
        "ise göre"
    ),
}
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
_TOKEN = re.compile(r"[^\W\d_]+")
_MIN_TOKENS = 8
_MIN_SHARE = 0.12
_SCRIPT_SHARE = 0.3


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text gives too little to tell."""
    letters = sum(1 for char in text if char.isalpha())
    if not letters:
        return None
    for code, script in _SCRIPTS:
        if len(script.findall(text)) >= _SCRIPT_SHARE * letters:
            return code
    tokens = [token.lower() for token in _TOKEN.findall(text)]
    if len(tokens) < _MIN_TOKENS:
        return None
    shares = {
        code: sum(1 for token in tokens if token in words) / len(tokens)
        for code, words in _STOP_WORDS.items()
    }
    best = max(shares, key=lambda code: shares[code])
    return best if shares[best] >= _MIN_SHARE else None
