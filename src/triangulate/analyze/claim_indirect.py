"""Attribution inside one sentence without quotes: ``According to X, …``, ``X said that …``,
``…, the ministry said.``, ``…, said the ministry.``, ``It is believed that …``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language.en.speech import (
    CITING_CUES,
    CUE_MODIFIERS,
    INVERTIBLE_CUES,
    NEEDS_THAT,
    NOUN_OBJECT_CUES,
    NP_BREAKERS,
    NUMBER_WORDS,
    REPORT_ADJECTIVES,
    SENTENCE_CONNECTORS,
    words,
)
from ..language.en.verbs import IRREGULAR_PAST
from ..model import Span
from .claim_quotes import cue_length
from .claim_speakers import Token, is_number, phrase_after, phrase_before, skip_modifiers_back

_THAT_WINDOW = 10
_TRAILING_REST = 6
_MIN_TRAILING_CONTENT = 4
_TIME_NOUNS = words("day days year years week weeks month months time morning night evening")
_PASSIVE_AUX = words("is are was were been be being")
_IRREGULAR_PARTICIPLES = words("said told thought written read wrote stood found forecast")
_HEDGING_PASSIVES = words(
    "believed thought alleged reported rumored rumoured said claimed assumed suspected understood"
)
_FINITE = words("is are was were had has have will would could can did does")
_MODALS = words("will would could can may might must should shall did do does to not")
_PLURAL_WORDS = words("they we i you media police people")
_PLURAL_FOLLOWERS = words("could would will can may might must should are were have do")
_OBJECT_CUES = words("told tell tells informed inform informs assured assure assures")


@dataclass
class RawClaim:
    """A claim found in text before pronouns and relays are resolved."""

    content: Span
    speaker: Span | None = None
    speaker_text: str | None = None
    cue: Span | None = None
    via: list[str] = field(default_factory=list)
    cue_words: str = ""
    hedged_frame: bool = False


def _span(tokens: list[Token], first: int, last: int) -> Span:
    return Span(tokens[first].start, tokens[last].end)


def _content_after(text: str, tokens: list[Token], first: int, end: int) -> Span | None:
    while first < len(tokens) and tokens[first].text in (",", ":", "—", "–", "-"):
        first += 1
    if first >= len(tokens):
        return None
    start = tokens[first].start
    content = Span(start, end)
    return content if len(content.of(text).split()) >= 3 else None


def _content_before(text: str, start: int, comma: Token) -> Span | None:
    end = comma.start
    while end > start and text[end - 1] in ' \t”"»':
        end -= 1
    content = Span(start, end)
    return content if len(content.of(text).split()) >= 3 else None


def _citations(tokens: list[Token], first: int, last: int) -> list[str]:
    found: list[str] = []
    index = first
    while index <= last:
        for cue in CITING_CUES:
            window = tokens[index : index + len(cue)]
            if len(window) == len(cue) and all(
                t.lower == w for t, w in zip(window, cue, strict=True)
            ):
                phrase = phrase_after(tokens, index + len(cue))
                if phrase is not None:
                    found.append(" ".join(t.text for t in tokens[phrase[0] : phrase[1] + 1]))
                    index = phrase[1]
                break
        index += 1
    return found


def _speaker_text(text: str, tokens: list[Token], phrase: tuple[int, int]) -> tuple[Span, str]:
    span = _span(tokens, *phrase)
    return span, span.of(text)


def according_to(text: str, tokens: list[Token], end: int) -> RawClaim | None:
    """``According to X, …`` / ``…, according to X.`` / ``… according to X …``."""
    for index in range(len(tokens) - 1):
        if tokens[index].lower != "according" or tokens[index + 1].lower != "to":
            continue
        phrase = phrase_after(tokens, index + 2)
        if phrase is None:
            return None
        speaker, speaker_text = _speaker_text(text, tokens, phrase)
        cue = _span(tokens, index, index + 1)
        via = [speaker_text, *_citations(tokens, phrase[1] + 1, len(tokens) - 1)]
        leading = all(t.lower in SENTENCE_CONNECTORS or not t.is_word for t in tokens[:index])
        if leading:
            content = _content_after(text, tokens, _after_comma(tokens, phrase[1] + 1), end)
            while content is not None and _starts_with_citing(text, content):
                comma = text.find(",", content.start, end)
                content = (
                    _content_after(text, tokens, _index_at(tokens, comma), end)
                    if comma > 0
                    else None
                )
        elif index > 0 and tokens[index - 1].text == "," and _is_tail(tokens, phrase[1] + 1):
            content = _content_before(text, tokens[0].start, tokens[index - 1])
        else:
            content = Span(tokens[0].start, end)
        if content is None:
            return None
        return RawClaim(content, speaker, speaker_text, cue, via, "according to")
    return None


def _after_comma(tokens: list[Token], first: int) -> int:
    """The token after the first comma within reach of ``first`` (``first`` when none)."""
    for index in range(first, min(len(tokens), first + _THAT_WINDOW)):
        if tokens[index].text == ",":
            return index + 1
        if not tokens[index].is_word:
            break
    return first


def _starts_with_citing(text: str, content: Span) -> bool:
    return text[content.start : content.end].lower().startswith(("citing ", "quoting "))


def _index_at(tokens: list[Token], offset: int) -> int:
    for index, token in enumerate(tokens):
        if token.start >= offset:
            return index
    return len(tokens)


def _is_tail(tokens: list[Token], first: int) -> bool:
    """Whether what follows an attribution is only adjuncts (``on Sunday``, ``in a statement``)."""
    rest = [t for t in tokens[first:] if t.is_word]
    return len(rest) <= _TRAILING_REST and not any(
        t.lower == "that" or t.lower in _FINITE for t in rest
    )


_NO_ONE = frozenset({"no", "nobody", "none", "noone", "neither"})


def speech_cue(text: str, tokens: list[Token], end: int) -> RawClaim | None:
    """The first speech verb with a speaker: subject-cue-content, trailing or inverted."""
    cues = []
    for index in range(len(tokens)):
        length = cue_length(tokens, index, post_quote=False)
        noun_like = tokens[index].lower.endswith("s")
        if noun_like and _plural_subject(tokens, index + length):
            continue
        if length and not (noun_like and _followed_by_cue(tokens, index + length)) and not (
            _reports_from_a_place(tokens, index + length)
        ):
            cues.append((index, length))
    if len(cues) > 1:
        index, length = cues[-1]
        if index > 0 and _is_tail(tokens, index + length):
            found = _claim_at_cue(text, tokens, index, length, end)
            if found is not None and found.content.start == tokens[0].start:
                return found
    for index, length in cues:
        found = _claim_at_cue(text, tokens, index, length, end)
        if found is not None:
            return found
    return None


def _reports_from_a_place(tokens: list[Token], index: int) -> bool:
    """``Lena Varga reports from Ruritania``: a correspondent's caption, which says nothing."""
    return (
        index + 1 < len(tokens)
        and tokens[index].lower == "from"
        and tokens[index + 1].is_capitalized
        and tokens[index - 1].lower in ("reports", "reporting", "reported")
    )


def _plural_subject(tokens: list[Token], index: int) -> bool:
    """``battleground states could decide …``, ``member states to counter …``: a plural noun
    that a verb or infinitive follows is the subject, not a speech verb; so is one that "of"
    follows ("the Gulf states of Ruritania and Varnel", "reports of looting"), unless it is
    "says"."""
    if index >= len(tokens):
        return False
    follower = tokens[index].lower
    return follower in _PLURAL_FOLLOWERS or (follower == "of" and tokens[index - 1].lower != "says")


def _followed_by_cue(tokens: list[Token], index: int) -> bool:
    while index < len(tokens) and tokens[index].lower in CUE_MODIFIERS:
        index += 1
    return index < len(tokens) and cue_length(tokens, index, post_quote=False) > 0


def _claim_at_cue(
    text: str, tokens: list[Token], index: int, length: int, end: int
) -> RawClaim | None:
    last_cue = index + length - 1
    cue = _span(tokens, index, last_cue)
    cue_words = " ".join(t.lower for t in tokens[index : last_cue + 1])
    before = skip_modifiers_back(tokens, index, 0)
    if any(t.lower in _PASSIVE_AUX for t in tokens[before + 1 : index]) and _participle(cue_words):
        return _passive(text, tokens, before + 1, last_cue, end, cue, cue_words)
    if before >= 0 and tokens[before].text == "," and cue_words in INVERTIBLE_CUES:
        inverted = phrase_after(tokens, last_cue + 1)
        if inverted is not None and _is_tail(tokens, inverted[1] + 1):
            content = _content_before(text, tokens[0].start, tokens[before])
            if content is None:
                return None
            speaker, speaker_text = _speaker_text(text, tokens, inverted)
            via = [speaker_text, *_citations(tokens, inverted[1] + 1, len(tokens) - 1)]
            return RawClaim(content, speaker, speaker_text, cue, via, cue_words)
    phrase = phrase_before(tokens, index, 0)
    if phrase is None or tokens[phrase[1]].lower.endswith(("'s", "’s")):
        return None
    if all(is_number(token) for token in tokens[phrase[0] : phrase[1] + 1]) or (
            phrase[0] == phrase[1] and tokens[phrase[0]].lower in REPORT_ADJECTIVES):
        return None  # "Eleven confirmed infections", "Initial reports that": no speaker
    if _nobody(tokens, phrase[0]):
        return None  # "no group has claimed responsibility": a negative statement, no speaker
    if not _agrees(tokens, index, phrase):
        return None
    speaker, speaker_text = _speaker_text(text, tokens, phrase)
    via = [speaker_text, *_citations(tokens, last_cue + 1, len(tokens) - 1)]
    comma_before = phrase[0] - 1
    if _parenthetical(text, tokens, comma_before, last_cue):
        return RawClaim(Span(tokens[0].start, end), speaker, speaker_text, cue, via, cue_words)
    if (
        comma_before > 0
        and tokens[comma_before].text == ","
        and (_is_tail(tokens, last_cue + 1) or _dash_at(text, tokens, last_cue + 1))
    ):
        content = _content_before(text, tokens[0].start, tokens[comma_before])
        if (content is not None and len(content.of(text).split()) >= _MIN_TRAILING_CONTENT
                and (cue_words not in NOUN_OBJECT_CUES or _verb_in(tokens[:comma_before]))):
            return RawClaim(content, speaker, speaker_text, cue, via, cue_words)
    if cue_words in NOUN_OBJECT_CUES and _noun_object(tokens, last_cue + 1):
        # "announced the minister's resignation", "accused the government of the deaths": what
        # is reported is the act itself, the cue with its object
        return RawClaim(Span(cue.start, end), speaker, speaker_text, cue, via, cue_words)
    content = _reported_clause(text, tokens, last_cue + 1, end, cue_words)
    if content is None:
        return None
    return RawClaim(content, speaker, speaker_text, cue, via, cue_words)


def _verb_in(tokens: list[Token]) -> bool:
    """Whether words hold a verb (a clause, not an adjunct like "In a short address")."""
    return any(
        t.lower in _FINITE or t.lower in IRREGULAR_PAST or t.lower in _PASSIVE_AUX
        or (t.lower.endswith(("ed", "s")) and not t.lower.endswith("ss") and t.text.islower()
            and len(t.text) > 3)
        for t in tokens
    )


def _noun_object(tokens: list[Token], first: int) -> bool:
    """Whether the words after a cue, up to a comma or conjunction, are a noun phrase (no
    ``that``, colon or verb: not a reported clause)."""
    if first >= len(tokens) or tokens[first].lower in NP_BREAKERS:
        return False  # "…, the ministry confirmed on Monday."
    words = 0
    for token in tokens[first : first + _THAT_WINDOW]:
        lower = token.lower
        if token.text in (",", ";", ".") or lower in ("and", "but", "while"):
            break
        if token.text == ":" or lower == "that" or lower in _FINITE or lower in IRREGULAR_PAST:
            return False
        if lower.endswith("ed") and token.text.islower() and len(lower) > 4:
            return False
        words += token.is_word
    return words > 0


def _parenthetical(text: str, tokens: list[Token], comma_before: int, last_cue: int) -> bool:
    """``The museum, he said, would …`` / ``Even if …, Mr. Doe said, he has …``: an attribution
    set off by commas inside the clause it reports, which is the whole sentence."""
    after = last_cue + 1
    return (
        comma_before > 0
        and tokens[comma_before].text == ","
        and after < len(tokens)
        and tokens[after].text == ","
        and len([t for t in tokens[after + 1 :] if t.is_word]) >= _MIN_TRAILING_CONTENT
        and not _is_tail(tokens, after + 1)
        and len([t for t in tokens[:comma_before] if t.is_word]) >= 1
    )


def _dash_at(text: str, tokens: list[Token], index: int) -> bool:
    """Whether a dash follows: "…, the ministry reported -- three in Tarvos and one in the capital"
    details what came before the attribution rather than reporting something new."""
    return index < len(tokens) and text[tokens[index].start] in "-\u2013\u2014"


def _nobody(tokens: list[Token], first: int) -> bool:
    """Whether the speaker phrase starting at ``first`` names no one ("no group", "nobody")."""
    return tokens[first].lower in _NO_ONE or (first > 0 and tokens[first - 1].lower == "no")


def _bare_verb(word: str) -> bool:
    return not word.endswith(("s", "ed")) and word not in _IRREGULAR_PARTICIPLES


def _agrees(tokens: list[Token], index: int, phrase: tuple[int, int]) -> bool:
    """``officials say``, ``the agency says``: not ``the state border``, ``media reports on``."""
    cue = tokens[index].lower
    head = tokens[phrase[1]]
    plural = head.lower in _PLURAL_WORDS or (
        head.lower.endswith("s") and not head.lower.endswith("ss") and not head.is_capitalized
    )
    if _bare_verb(cue):
        return (index > 0 and tokens[index - 1].lower in _MODALS) or plural
    if cue.endswith("s") and not cue.endswith("ss"):
        return not plural
    return True


def _participle(cue_words: str) -> bool:
    last = cue_words.split()[-1]
    return last.endswith("ed") or last in _IRREGULAR_PARTICIPLES


def _reported_clause(
    text: str, tokens: list[Token], first: int, end: int, cue_words: str
) -> Span | None:
    for index in range(first, min(len(tokens), first + _THAT_WINDOW)):
        token = tokens[index]
        if token.text in (".", ";", "?", "!"):
            break
        if token.text == ":":
            return _content_after(text, tokens, index + 1, end)
        if token.lower == "that":
            following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
            if following not in _TIME_NOUNS:
                return _content_after(text, tokens, index + 1, end)
        if index > first and cue_length(tokens, index, post_quote=False):
            break
        if token.lower in _FINITE:  # "said the decision was an act that …": no "that" clause
            break
    if cue_words in NEEDS_THAT:
        return None
    if cue_words in _OBJECT_CUES:
        target = phrase_after(tokens, first)
        if target is not None:
            first = target[1] + 1
    return _content_after(text, tokens, first, end)


def _passive(
    text: str,
    tokens: list[Token],
    aux: int,
    last_cue: int,
    end: int,
    cue: Span,
    cue_words: str,
) -> RawClaim | None:
    """``It is believed that …`` (hedged, no speaker) and ``… was reported by X``."""
    subject = skip_modifiers_back(tokens, aux, 0)
    if subject >= 0 and tokens[subject].lower == "it":
        content = _reported_clause(text, tokens, last_cue + 1, end, "")
        if content is None:
            return None
        hedged = cue_words in _HEDGING_PASSIVES
        return RawClaim(content, cue=cue, cue_words=cue_words, hedged_frame=hedged)
    if last_cue + 1 < len(tokens) and tokens[last_cue + 1].lower == "by":
        phrase = phrase_after(tokens, last_cue + 2)
        if phrase is not None:
            speaker, speaker_text = _speaker_text(text, tokens, phrase)
            return RawClaim(
                Span(tokens[0].start, end), speaker, speaker_text, cue, [speaker_text], cue_words
            )
    return None


_QUOTED_AS = words("saying telling stating adding warning")
_QUOTED_REACH = 16


def quoted_as_saying(text: str, tokens: list[Token], end: int) -> RawClaim | None:
    """``The agency quoted its director, Jane Doe, as saying …`` and ``…, officials were quoted
    by the agency as saying``: the one quoting speaks, citing the one quoted (as ``citing``)."""
    for index, token in enumerate(tokens):
        if token.lower != "quoted" or index == 0:
            continue
        saying = next((j for j in range(index + 1, min(len(tokens) - 1, index + _QUOTED_REACH))
                       if tokens[j].lower == "as" and tokens[j + 1].lower in _QUOTED_AS), None)
        if saying is None:
            continue
        cue = _span(tokens, index, saying + 1)
        cue_words = " ".join(t.lower for t in tokens[index : saying + 2])
        if tokens[index - 1].lower in _PASSIVE_AUX and tokens[index + 1].lower == "by":
            quoted = phrase_before(tokens, index - 1, 0)
            relay = phrase_after(tokens, index + 2)
            comma = quoted[0] - 1 if quoted is not None else -1
            content = (_content_before(text, tokens[0].start, tokens[comma])
                       if comma > 0 and tokens[comma].text == "," else None)
        else:
            relay = phrase_before(tokens, index, 0)
            quoted = _quoted_name(tokens, index + 1, saying)
            after = saying + 2
            if after < len(tokens) and tokens[after].lower == "that":
                after += 1
            content = _content_after(text, tokens, after, end)
        if quoted is None or relay is None or content is None:
            return None
        speaker, speaker_text = _speaker_text(text, tokens, relay)
        quoted_text = _span(tokens, *quoted).of(text)
        return RawClaim(content, speaker, speaker_text, cue, [speaker_text, quoted_text], cue_words)
    return None


def _quoted_name(tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """Who is quoted: the name set off by commas in ``the head of the zone, Ali Reza,`` or the
    phrase itself."""
    commas = [i for i in range(first, stop) if tokens[i].text == ","]
    if len(commas) >= 1:
        name_first = commas[0] + 1
        name_last = (commas[1] if len(commas) > 1 else stop) - 1
        if name_first <= name_last and all(
            tokens[i].is_capitalized for i in range(name_first, name_last + 1)
        ):
            return (name_first, name_last)
    phrase = phrase_after(tokens, first)
    return phrase if phrase is not None and phrase[1] < stop else None


_PUT = words("put puts putting")
_APPROXIMATORS = words("about around roughly some at least more than over nearly almost up to")
_PUT_REACH = 16
_CONTRASTS = words("but while although whereas")


def put_at(text: str, tokens: list[Token], end: int) -> RawClaim | None:
    """``Police put the march at roughly 30,000 people``: an estimate, the subject's figure (the
    claim is the whole clause, as the outlet writes it)."""
    for index, token in enumerate(tokens):
        if token.lower not in _PUT or index == 0:
            continue
        for at in range(index + 2, min(len(tokens) - 1, index + _PUT_REACH)):
            if tokens[at].text in (".", ";") or tokens[at].lower == "but":
                break
            if tokens[at].lower == "at" and _figure_follows(tokens, at + 1):
                phrase = phrase_before(tokens, index, 0)
                if phrase is None or _nobody(tokens, phrase[0]):
                    return None
                last = len(tokens) - 1
                for following in range(at + 1, len(tokens)):
                    if tokens[following].lower in _CONTRASTS or tokens[following].text == ";":
                        last = following - 1
                        break
                while last > at and not tokens[last].is_word:
                    last -= 1
                speaker, speaker_text = _speaker_text(text, tokens, phrase)
                rest = [t for t in tokens[last + 1 :] if t.is_word]
                content = Span(tokens[0].start, tokens[last].end if rest else end)
                return RawClaim(content, speaker, speaker_text, _span(tokens, index, index),
                                [speaker_text], token.lower)
    return None


def _figure_follows(tokens: list[Token], index: int) -> bool:
    while index < len(tokens) and tokens[index].lower in _APPROXIMATORS:
        index += 1
    return index < len(tokens) and (
        any(c.isdigit() for c in tokens[index].text) or tokens[index].lower in NUMBER_WORDS
    )
