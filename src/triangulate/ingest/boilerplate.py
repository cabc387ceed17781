"""Recognising web and PDF boilerplate in already-scraped text.

Every rule here is a phrase or a shape that many websites share (cookie notices, sign-up boxes,
comment forms, share bars, navigation residue); none is tuned to one outlet.  The functions take
one line or one block of lines joined by spaces and answer yes or no.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]$")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def word_set(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text`` (for readable word lists)."""
    return frozenset(text.split())


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


_COOKIE = _compile(
    r"\b(?:this|our) (?:web)?site uses cookies\b",
    r"\bwe use cookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\bcookie (?:policy|settings|preferences|consent|notice)\b",
    r"\buse of cookies\b",
)
_SIGN_UP = _compile(
    r"\bsubscribe to (?:our|the) (?:\w+ )?(?:newsletters?|mailing list)\b",
    r"\bsign up (?:for|to) (?:our|the) (?:\w+ )?(?:newsletters?|mailing list|updates)\b",
    r"^newsletter(?: sign[- ]?up| subscription)?[.!:]?$",
    r"^(?:sign (?:up|in)|log ?in|register|subscribe)(?: now| here| today| for free)?[.!:]?$",
    r"\bnever miss (?:a|an|the latest)\b.*\b(?:story|news|offer|update|article)",
    r"\bdelivered (?:straight )?to your inbox\b",
)
_COMMENT_FORM = _compile(
    r"^leave a (?:reply|comment)\b",
    r"\byour email address will not be published\b",
    r"\brequired fields are marked\b",
    r"^(?:post|submit|add) (?:a |your )?comment[.!:]?$",
    r"\bnotify me of (?:new|follow-up)\b",
    r"^\d* ?comments?[.!:]?$",
    r"\bsave my name, email\b",
    r"^cancel reply$",
)
# Calls on the reader to send material or to take part, and the terms that come with them.
_READER_CALL = _compile(
    r"\b(?:send|share|upload|submit|e-?mail)\b[^.!?]{0,40}?\b(?:your|us)\b[^.!?]{0,40}?"
    r"\b(?:photos?|pictures?|images?|videos?|story|stories|experiences?|comments?|views?|ireports?)\b",
    r"\btell us (?:your|about your|what you|how you)\b",
    r"\b(?:using|by filling in|fill in|via) the form below\b",
    r"\byour comments may be (?:published|edited)\b",
    r"\bmay edit your comments\b",
    r"^please (?:do not|don'?t) (?:do anything|put yourself)\b",
    r"\bwe want to hear (?:your|from you)\b",
    r"^for the latest on this story\b",
    r"\b(?:this|the) (?:article|story|page) (?:is being|will be|has been) updated\b",
    r"^follow\b[^.!?]{0,60}\b(?:tweets|live blog(?:ging)?|live coverage|updates)\b",
    r"\bis not responsible for the content of external\b",
)
# What agencies send around a story: ids, transmission codes, slug lines, notes to editors.
_WIRE_CODES = _compile(
    r"^[A-Za-z]{2,5}[\d.-]{6,}\s+(?:NEWS\s+STORY|ADVISORY)\b",
    r"^[A-Z]{2,5}\d{6}[-.]\d{4}\b",
    r"Cx1[0-9a-f]\b",
    r"\b(?:QL|UR)\s+(?:UR|QL|Eds?:)",
    r"^BC-[\w'’-]+",
    r"^(?:UR\s+)?Eds?:",
    r"^(?:QL|UR|LR|EDS|AM-\S+|PM-\S+)$",
    r"^\((?:REPEATING|CORRECTS?|UPDATES?|ADDS?|RECASTS?|REFILES?)\b[^)]*\)$",
    r"\bLR QL UR\b",
)
# "Have you been affected by …?" "Are you in …?": a short question put to the reader.
_READER_QUESTION = re.compile(
    r"^(?:have|are|were|did|do|is|has) (?:you|anyone you know)\b[^\"“”]{0,100}\?$",
    re.IGNORECASE,
)
# A headline that asks, standing between paragraphs: the title of a link to another story.
_LINK_QUESTION = re.compile(
    r"^(?:[A-Za-z][^\"“”.!?;:]{0,100}\s)?(?:Could|Will|Would|Can|Should|Is|Are|Was|Were|Who|What"
    r"|Why|How|Where|When|Does|Do|Did|Has|Have)\s[^\"“”.!?;:]{3,120}\?$"
)
_WORDS_PER_LINK = 25
_AGO = re.compile(r"\s[-–—]\s\d{1,3}\s(?:hrs?|hours?|mins?|minutes?|days?)\sago\b", re.IGNORECASE)
_PAGE_CHROME = _compile(
    r"^(?:back to top|scroll to top|go to top|skip to (?:main )?content)(?: button)?[.!]?$",
    r"^(?:advertisement|sponsored(?: content)?|promoted(?: content)?|ad)$",
    r"^(?:©|\(c\)\s|copyright\b)",
    r"\ball rights reserved\b",
    r"^follow us\b",
    r"^click here\b",
    r"\bdownload (?:our|the) (?:\w+ )?app\b",
    r"^[\w&.,'’ -]{1,50}\blogo$",
    r"^(?:last )?(?:updated?|modified|edited)(?: on| at)?\s*:?\s*[^\d.!?]{0,25}\d",
    r"^(?:tags|topics|categories|category|filed under|keywords)\s*:",
    r"^(?:read (?:more|also)|see also|also read|related)\s*(?::|\||»|>|\s[-–—])\s*\S",
    r"^page \d+(?: of \d+)?$",
    r"^-?\s*\d{1,4}\s*-?$",
)
_SHARE_WORDS = word_set(
    "share shares sharing tweet tweets pin it print email e-mail mail whatsapp telegram linkedin "
    "facebook twitter x reddit vk viber messenger pinterest copy link on this article story post "
    "page via"
)
_SHARE_VERBS = word_set("share tweet pin print email e-mail")
_SOCIAL_NAMES = word_set("whatsapp telegram linkedin facebook twitter reddit vk viber pinterest")
_SECTION_HEADING = _compile(
    r"^(?:see also|read more|read also|also read|related(?: articles| stories| news| posts| content"
    r"| topics| links)?|more (?:from|on) [\w .&'-]{1,40}|more (?:news|stories|articles)"
    r"|recommended(?: for you| stories| articles| reading)?|you (?:may|might) also (?:like|read|be "
    r"interested in)|most (?:read|popular|viewed)|popular (?:posts|stories|articles|news)"
    r"|latest (?:news|stories|articles)|trending(?: now| stories)?|other news|further reading"
    r"|what to read next)[:.]?$"
)
_RECRUIT_STRONG = _compile(
    r"\bseeks?\b[^.]{0,80}\b(?:specialists|journalists|authors|contributors|correspondents"
    r"|freelancers|editors|writers|reporters|interns|translators)\b",
    r"\bsend (?:your |a |us your |us a )?(?:cv|resume|résumé|application)\b",
    r"\bjoin our team\b",
    r"\bwe are hiring\b",
    r"\bcover letter\b",
)
_RECRUIT_WEAK = _compile(
    r"\bwe offer\b", r"\bremuneration\b", r"\bvacanc(?:y|ies)\b", r"\bapply (?:now|here|today)\b",
    r"\bwriting samples?\b",
)
_LABEL_WORDS = (
    r"source|sources|photo|photos|image|images|picture|credit|credits|via|reference|references"
    r"|caption|video|audio|print|share|tags|topics|keywords"
)
_LABEL = re.compile(
    rf"^(?:[\w’'.-]+(?:\s*/\s*[\w’'.-]+)+|{_LABEL_WORDS})\s*:$", re.IGNORECASE
)
_NAV_SEPARATORS = re.compile(r"\s*(?:\||»|›|>|•|·|/)\s*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    tail = text[-64:].rstrip() or text.rstrip()  # the tail only: long texts stay cheap
    return bool(_SENTENCE_END.search(tail))


def is_boilerplate(text: str) -> bool:
    """A line or block that is site furniture rather than article text."""
    text = text.strip()
    if not text:
        return False
    count = len(words(text))
    ages = len(_AGO.findall(text))
    if ages >= 2 and count <= _WORDS_PER_LINK * ages:
        return True
    if count > 150:
        return False
    if _COOKIE.search(text) and (count <= 25 or text.lower().count("cookie") >= 2):
        return True
    if count <= 40 and (_SIGN_UP.search(text) or _COMMENT_FORM.search(text)):
        return True
    if count <= 40 and _WIRE_CODES.search(text):
        return True
    if count <= 60 and (_READER_CALL.search(text) or _READER_QUESTION.match(text)):
        return True
    if count <= 20 and _LINK_QUESTION.match(text):
        return True
    if count <= 30 and _PAGE_CHROME.search(text):
        return True
    if is_share_bar(text) or is_navigation(text):
        return True
    if _recruitment_cues(text) >= 2:
        return True
    return count <= 25 and EMAIL.search(text) is not None


def _recruitment_cues(text: str) -> int:
    strong = sum(1 for _ in _RECRUIT_STRONG.finditer(text))
    weak = sum(1 for _ in _RECRUIT_WEAK.finditer(text))
    emails = 1 if EMAIL.search(text) else 0
    return 2 * strong + weak + emails if strong else 0


def is_share_bar(text: str) -> bool:
    """"Share on Facebook", "Tweet", "Facebook Twitter WhatsApp Email" and the like."""
    tokens = [token.lower() for token in words(text)]
    if not tokens or len(tokens) > 8:
        return False
    if not all(token in _SHARE_WORDS for token in tokens):
        return False
    return any(token in _SHARE_VERBS or token in _SOCIAL_NAMES for token in tokens)


def is_navigation(text: str) -> bool:
    """Menu or breadcrumb residue: short category words separated by | » > or bullets."""
    if ends_sentence(text) and not text.rstrip().endswith((")", "]")):
        return False
    starts_with_separator = text.lstrip()[:1] in "|»›•·"
    items = [item for item in _NAV_SEPARATORS.split(text.strip()) if item]
    if not starts_with_separator and len(items) < 3:
        return False
    parts = [part.strip() for item in items for part in item.split(",") if part.strip()]
    if not parts or len(parts) > 15:
        return False
    return all((len(words(part)) <= 4 and part[:1].isupper()) or part[:1].isdigit()
               for part in parts)


def is_section_heading(text: str) -> bool:
    """A "See Also" / "Related" / "Read more" heading that starts a block of links."""
    return bool(_SECTION_HEADING.match(text.strip()))


def is_label(text: str) -> bool:
    """An isolated label such as "Source:" or a bilingual "Quelle/Source:" table cell."""
    return bool(_LABEL.match(text.strip()))


def is_url_only(text: str) -> bool:
    stripped = text.strip().strip("<>()[]")
    return bool(stripped) and " " not in stripped and bool(URL.fullmatch(stripped))


def is_short_non_prose(text: str) -> bool:
    """A short line that does not read as a sentence: a link title, a site name, a label."""
    return len(words(text)) <= 15 and not ends_sentence(text)


def is_prose(text: str) -> bool:
    count = len(words(text))
    return count >= 12 or (count >= 5 and ends_sentence(text))
