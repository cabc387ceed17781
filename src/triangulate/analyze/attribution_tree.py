"""One attribution read at its cue in the dependency parse: the cue's subject as source (the
agent of a passive, the noun a relative clause hangs on), its clausal complement as content
(``X said that …``, ``X wants to …``), else its object with what is said of it (``X called the
plan "a disaster"``); a cue set off beside a clause reports that clause (``…, X said``, ``…, X
said, …``); ``according to X`` attributes the clause it modifies to X; a cue noun with its
holder reports its ``that`` clause (``Doe's claim that …``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language.en.attribution_cues import ATTRIBUTION_CUE_FORMS, CLAUSAL_CUE_FORMS
from ..language.en.speech import (
    ATTRIBUTION_KINDS,
    CUE_OBJECT_MARKERS,
    CUE_PREPOSITIONS,
    RAISING_CUES,
)
from ..model import Span, Tokens

_SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
_OBJECTS = ("obj", "iobj")
_BESIDE = ("parataxis",)
MIN_CONTENT_WORDS = 3
_INHERITING = ("xcomp", "conj", "advcl", "ccomp")
_INHERIT_REACH = 3
_SECOND_OBJECTS = ("obj", "iobj", "xcomp", "ccomp")
_TRAILING = (*_SECOND_OBJECTS, "obl", "advcl", "advmod", "dep")
_LEADING = ("advmod", "cc", "punct", "mark", "discourse")
_EDGE_PUNCTUATION = ' \t\n,;:—–-'
_SET_OFF_MARKS = (",", '"', "”", "''")
_NOUN_PHRASE = ("det", "compound", "amod", "flat", "nmod:poss", "nummod", "nmod:desc", "det:poss")


@dataclass(frozen=True)
class Attribution(Span):
    """An attribution relation: ``start``/``end`` cover its content; ``source`` the words that
    name who attributes it as written (None when the text names no one), ``cue`` the words that
    attribute, ``kind`` what the cue reports ("speech", "belief", "intention" …)."""

    source: Span | None
    cue: Span
    kind: str


def kind_of(word: str) -> str:
    return ATTRIBUTION_KINDS.get(word, "speech")


def subtree(tokens: Tokens, index: int) -> tuple[int, int]:
    """The first and last token index of the subtree of ``index``."""
    first = last = index
    stack = [index]
    while stack:
        node = stack.pop()
        first, last = min(first, node), max(last, node)
        stack.extend(tokens.children(node))
    return first, last


def span_of(text: str, tokens: Tokens, first: int, last: int) -> Span | None:
    start, end = tokens.starts[first], tokens.ends[last]
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return Span(start, end) if end > start else None


def child_with(tokens: Tokens, index: int, relations: tuple[str, ...]) -> int | None:
    for child in tokens.children(index):
        if tokens.deps[child] in relations:
            return child
    return None


def source_at(text: str, tokens: Tokens, cue: int) -> Span | None:
    agent = child_with(tokens, cue, ("obl:agent",))
    subject = child_with(tokens, cue, _SUBJECTS) if agent is None else agent
    node = cue
    for _ in range(_INHERIT_REACH):  # "… vowed to punish", "…, calling for …", "… and urged …"
        if subject is not None or tokens.deps[node] not in _INHERITING:
            break
        if tokens.heads[node] == node:
            break
        node = tokens.heads[node]
        subject = child_with(tokens, node, _SUBJECTS)
    if subject is None:
        return None
    first, last = subtree(tokens, subject)
    if agent is not None:
        first += 1  # "by"
    while first < subject and tokens.deps[first] in _LEADING:
        first += 1  # "Meanwhile, BBC correspondents …"
    return span_of(text, tokens, first, last)


def relation_at_cue(text: str, tokens: Tokens, index: int) -> Attribution | None:
    word = text[tokens.starts[index] : tokens.ends[index]].lower()
    clausal_only = word in CLAUSAL_CUE_FORMS
    if word not in ATTRIBUTION_CUE_FORMS and not clausal_only:
        return None
    cue = Span(tokens.starts[index], tokens.ends[index])
    if word == "according":
        return _according_to(text, tokens, index, cue)
    if tokens.pos[index] == "NOUN" and child_with(tokens, index, _SUBJECTS) is None:
        return _nominal(text, tokens, index, cue, word)
    if tokens.pos[index] not in ("VERB", "AUX") and child_with(tokens, index, _SUBJECTS) is None:
        return None
    main_verb = _misread_main_verb(text, tokens, index)
    if tokens.deps[index] == "acl" and not main_verb:  # "a program called …", "the video …"
        return None
    if clausal_only and child_with(tokens, index, ("ccomp", "xcomp")) is None:
        return None  # "thinks that …", "wants to …", not "thinks of her", "wants a deal"
    content = _set_off(text, tokens, index) or _complement(text, tokens, index)
    if content is None and tokens.deps[index] in _BESIDE and tokens.heads[index] != index:
        content = _beside(text, tokens, index)
    if content is None and tokens.heads[index] == index:
        content = _before_trailing_cue(text, tokens, index)
    if content is None:
        content = _misattached_that_clause(text, tokens, index)
    if content is None:
        return None
    content = _with_shared_conjuncts(text, tokens, index, content)
    content = _with_trailing_modifiers(text, tokens, index, content, _SECOND_OBJECTS)
    if len(content.of(text).split()) < MIN_CONTENT_WORDS:
        return None  # "asked him", "called Friday", "blasted the media": no proposition
    content = _with_trailing_modifiers(text, tokens, index, content, _TRAILING)
    content = _with_raised_subject(tokens, index, word, content)
    if main_verb:
        source = span_of(text, tokens, _subject_before(tokens, tokens.heads[index]), index - 1)
    else:
        source = source_at(text, tokens, index)
    return Attribution(content.start, content.end, source, cue, kind_of(word))


def _with_raised_subject(tokens: Tokens, cue: int, word: str, content: Span) -> Span:
    """``X is expected to …``, ``X seems …``: with no one named, the subject before the cue is
    part of what is attributed."""
    if child_with(tokens, cue, ("obl:agent",)) is not None or content.start < tokens.ends[cue]:
        return content
    subject = child_with(tokens, cue, ("nsubj:pass",))
    if subject is None and word in RAISING_CUES:
        subject = child_with(tokens, cue, ("nsubj", "csubj"))
    if subject is None or subject > cue:
        return content
    return Span(tokens.starts[subtree(tokens, subject)[0]], content.end)


def _nominal(text: str, tokens: Tokens, noun: int, cue: Span, word: str) -> Attribution | None:
    """A cue noun with its holder and a ``that`` clause: ``Doe's claim that …``, ``warnings
    from his attorney that …`` (not ``her plan to …``: often a plan the text reports)."""
    clause = next((child for child in tokens.children(noun)
                   if tokens.deps[child] in ("acl", "ccomp") and child > noun
                   and marker_of(text, tokens, child) == "that"), None)
    if clause is None or tokens.heads[noun] == noun:  # a root noun: the parse lost the verb
        return None
    holder = child_with(tokens, noun, ("nmod:poss",))
    if holder is None:
        holder = next((child for child in tokens.children(noun) if tokens.deps[child] == "nmod"
                       and marker_of(text, tokens, child) in ("by", "from")), None)
        if holder is None:
            return None
        first, last = subtree(tokens, holder)
        source = span_of(text, tokens, first + 1, last)
    else:
        first, last = subtree(tokens, holder)
        if text[tokens.starts[last] : tokens.ends[last]].lower() in ("'s", "’s", "'", "’"):
            last -= 1
        source = span_of(text, tokens, first, last)
    content = span_of(text, tokens, *subtree(tokens, clause))
    if content is None or len(content.of(text).split()) < MIN_CONTENT_WORDS:
        return None
    return Attribution(content.start, content.end, source, cue, kind_of(word))


def _misread_main_verb(text: str, tokens: Tokens, cue: int) -> bool:
    """A cue parsed as a clause on the sentence's root noun is the sentence's verb when a comma
    sets it off after the noun (``Jane Doe, director of the group, called for …``) or the noun
    has no verb of its own (``In July, the council called for …``)."""
    head = tokens.heads[cue]
    if tokens.deps[cue] != "acl" or tokens.heads[head] != head or cue < head:
        return False
    if text[tokens.starts[cue - 1] : tokens.ends[cue - 1]] == ",":
        return True
    return tokens.pos[head] in ("NOUN", "PROPN") and child_with(tokens, head, ("cop",)) is None


def _subject_before(tokens: Tokens, head: int) -> int:
    """The first word of the noun phrase of a root noun read as the subject of the verb after
    it: its own determiners and modifiers, not the adjuncts before it (``In July, the …``)."""
    first = head
    for child in tokens.children(head):
        if child < first and tokens.deps[child] in _NOUN_PHRASE:
            first = min(first, subtree(tokens, child)[0])
    return first


def _with_shared_conjuncts(text: str, tokens: Tokens, cue: int, content: Span) -> Span:
    """``wants to triple X, grow Y and create Z`` parsed with ``grow`` beside ``wants``: a
    conjunct of the cue after its content, with no subject of its own and no cue word, goes on
    with the content."""
    end = content.end
    for child in tokens.children(cue):
        if tokens.starts[child] < end or tokens.deps[child] not in ("conj", "parataxis"):
            continue
        word = text[tokens.starts[child] : tokens.ends[child]].lower()
        if word in ATTRIBUTION_CUE_FORMS or word in CLAUSAL_CUE_FORMS:
            continue
        if child_with(tokens, child, _SUBJECTS) is not None or tokens.pos[child] != "VERB":
            continue
        if text[end : tokens.starts[subtree(tokens, child)[0]]].strip(" ,") not in ("", "and"):
            continue
        last = span_of(text, tokens, *subtree(tokens, child))
        if last is not None:
            end = last.end
    return content if end == content.end else Span(content.start, end)


def _with_trailing_modifiers(
    text: str, tokens: Tokens, cue: int, content: Span, relations: tuple[str, ...]
) -> Span:
    """What the parse hangs on the cue after its content still belongs to it: ``called the
    shootings across the country a moment similar to …``."""
    end = content.end
    if tokens.starts[cue] < content.start:
        for child in tokens.children(cue):
            if tokens.starts[child] < end or tokens.deps[child] not in relations:
                continue
            word = text[tokens.starts[child] : tokens.ends[child]].lower()
            if word in ATTRIBUTION_CUE_FORMS or word in CLAUSAL_CUE_FORMS:
                continue
            last = span_of(text, tokens, *subtree(tokens, child))
            if last is not None:
                end = max(end, last.end)
    return content if end == content.end else Span(content.start, end)


def _misattached_that_clause(text: str, tokens: Tokens, cue: int) -> Span | None:
    """A ``that`` clause the parse hung lower in the cue's subtree, after a modifier of the
    cue: ``said in the letter that the advertisement suggests …``."""
    first, last = subtree(tokens, cue)
    for index in range(cue + 1, last + 1):
        word = text[tokens.starts[index] : tokens.ends[index]].lower()
        if word in ATTRIBUTION_CUE_FORMS or word in CLAUSAL_CUE_FORMS:
            return None
        if word == "that" and tokens.deps[index] == "mark" and tokens.pos[index] == "SCONJ":
            return span_of(text, tokens, index, last)
    return None


def _before_trailing_cue(text: str, tokens: Tokens, cue: int) -> Span | None:
    """What comes before a sentence's last cue and its subject, parsed as the sentence's root:
    ``"… the entire Congress," Rep. Jane Doe said in an interview``, ``…, studies have
    shown.``"""
    subject = child_with(tokens, cue, _SUBJECTS)
    if subject is None:
        return None
    subject_first, subject_last = subtree(tokens, subject)
    left = min(subject_first, cue) - 1
    first, last = subtree(tokens, cue)
    if left <= first or text[tokens.starts[left] : tokens.ends[left]] not in _SET_OFF_MARKS:
        return None
    if any(tokens.deps[child] in ("ccomp", "xcomp", "obj", "parataxis")
           for child in tokens.children(cue)):
        return None
    return span_of(text, tokens, first, left)


def _set_off(text: str, tokens: Tokens, cue: int) -> Span | None:
    """The sentence around a cue set off by commas with its subject: ``To see it, Jane Doe
    said, one should visit the museum``."""
    subject = child_with(tokens, cue, _SUBJECTS)
    if subject is None:
        return None
    subject_first, subject_last = subtree(tokens, subject)
    left, right = min(subject_first, cue) - 1, max(subject_last, cue) + 1
    root = cue
    while tokens.heads[root] != root:
        root = tokens.heads[root]
    first, last = subtree(tokens, root)
    if not first < left < right < last:
        return None
    if text[tokens.starts[left] : tokens.ends[left]] != "," or text[
        tokens.starts[right] : tokens.ends[right]
    ] != ",":
        return None
    return span_of(text, tokens, first, last)


def _complement(text: str, tokens: Tokens, cue: int) -> Span | None:
    """``said that …``, ``wants to …``; an object with what is said of it (``urged him to
    resign``, ``called the plan "a disaster"``, ``blamed them for …``); else what the cue's
    preposition introduces (``called for …``, ``complained about …``); else, for a passive
    cue with its agent, its subject (``the issue was first reported by …``)."""
    clause = child_with(tokens, cue, ("ccomp",))
    if clause is not None:
        return span_of(text, tokens, *subtree(tokens, clause))
    target = child_with(tokens, cue, _OBJECTS)
    if target is None:  # not ``or``: the document's first token is index 0
        target = child_with(tokens, cue, ("xcomp", "csubj:pass"))
    if target is None:
        target = _prepositional_object(text, tokens, cue)
        if target is None:
            target = child_with(tokens, cue, ("nsubj:pass",))
            if target is None or child_with(tokens, cue, ("obl:agent",)) is None:
                return None
            return span_of(text, tokens, *subtree(tokens, target))
        first, last = subtree(tokens, target)
        for child in tokens.children(cue):  # "called on the council to act"
            if child > target and (tokens.deps[child] == "xcomp" or (
                tokens.deps[child] == "advcl" and marker_of(text, tokens, child) == "to"
            )):
                last = max(last, subtree(tokens, child)[1])
        return span_of(text, tokens, first + 1, last)
    first, last = subtree(tokens, target)
    for child in tokens.children(cue):
        if child > target and _says_of_object(text, tokens, child):
            last = max(last, subtree(tokens, child)[1])
    return span_of(text, tokens, first, last)


def marker_of(text: str, tokens: Tokens, index: int) -> str:
    """The preposition or conjunction that marks the word at ``index`` (lowercase; '' if none)."""
    marker = child_with(tokens, index, ("case", "mark"))
    return "" if marker is None else text[tokens.starts[marker] : tokens.ends[marker]].lower()


def _says_of_object(text: str, tokens: Tokens, child: int) -> bool:
    """What follows an object and says something of it: ``… "a disaster"``, ``… to resign``,
    ``… for not paying``, ``… as proof of …``."""
    relation = tokens.deps[child]
    marker = marker_of(text, tokens, child)
    if relation == "xcomp" or (relation == "advcl" and marker == "to"):  # parsed either way
        return True
    return relation in ("obl", "advcl") and marker in CUE_OBJECT_MARKERS


def _prepositional_object(text: str, tokens: Tokens, cue: int) -> int | None:
    """The word a preposition right after the cue introduces: ``called for …``."""
    following = cue + 1
    for child in tokens.children(cue):
        if child > cue and tokens.deps[child] in ("obl", "advcl"):
            marker = child_with(tokens, child, ("case", "mark"))
            if marker == following and marker_of(text, tokens, child) in CUE_PREPOSITIONS:
                return child
    return None


def _beside(text: str, tokens: Tokens, cue: int) -> Span | None:
    """The clause a cue is set beside: ``…, X said`` and ``…, X said, …`` (both sides)."""
    head = tokens.heads[cue]
    first, last = subtree(tokens, head)
    cue_first, cue_last = subtree(tokens, cue)
    if cue_first > first and cue_last < last:
        return span_of(text, tokens, first, last)
    if cue_first > first:
        return span_of(text, tokens, first, cue_first - 1)
    return span_of(text, tokens, cue_last + 1, last)


def _according_to(text: str, tokens: Tokens, index: int, cue: Span) -> Attribution | None:
    source = tokens.heads[index]
    clause = tokens.heads[source]
    if source == index or clause == source:
        return None
    source_first, source_last = subtree(tokens, source)
    first, last = subtree(tokens, clause)
    if source_first <= first:
        first = source_last + 1
    elif source_last >= last:
        last = index - 1
    content = span_of(text, tokens, first, last) if first <= last else None
    if content is None:
        return None
    written = span_of(text, tokens, index + 2, source_last)
    return Attribution(content.start, content.end, written, cue, "speech")
