"""Attribution relations read from the dependency parse: who (source) attributes what (content)
with which words (cue), as PolNeAR annotates them.

A cue is a word of the learned cue lexicon (``language/en/attribution_cues``) heading a clause:
its subject is the source (the agent of a passive, the noun a relative clause hangs on), its
clausal complement the content (``X said that …``, ``X wants to …``), else its object (``X
criticized the plan``); a cue set off beside a clause reports that clause (``…, X said``,
``…, X said, …``); ``according to X`` attributes the clause it modifies to X. Quotes and
sentences whose claims already carry a cue (``claims``) keep the claim's content, joined over
the pieces of one quote, with the source the parse finds at the cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..language.en.attribution_cues import ATTRIBUTION_CUE_FORMS, CLAUSAL_CUE_FORMS
from ..language.en.speech import ATTRIBUTION_KINDS, CUE_OBJECT_MARKERS, CUE_PREPOSITIONS
from ..model import Analysis, Span, Tokens
from .claim_quotes import Quote, find_quotes
from .span_index import SpanIndex

_SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
_OBJECTS = ("obj", "iobj")
_BESIDE = ("parataxis",)
_MIN_CONTENT_WORDS = 3
_INHERITING = ("xcomp", "conj", "advcl", "ccomp")
_INHERIT_REACH = 3
_QUOTE_MARKS = ('"', "“", "”", "«", "»", "''")
_EDGE_PUNCTUATION = ' \t\n,;:—–-'
_SET_OFF_MARKS = (",", '"', "”", "''")
_GAP_CHARS = 60  # at most between a cue and the quote that goes on after its sentence


@dataclass(frozen=True)
class Attribution(Span):
    """An attribution relation: ``start``/``end`` cover its content; ``source`` the words that
    name who attributes it as written (None when the text names no one), ``cue`` the words that
    attribute, ``kind`` what the cue reports ("speech", "belief", "intention" …)."""

    source: Span | None
    cue: Span
    kind: str


def find_attributions(analysis: Analysis) -> list[Attribution]:
    """The attribution relations of a parsed analysis, in text order."""
    text = analysis.document.text
    tokens = analysis.tokens
    quotes = {quote.outer: quote for quote in find_quotes(text)}
    quoted = SpanIndex([quote.inner for quote in quotes.values()])
    outers = SpanIndex(quotes)
    found: dict[tuple[int, int], Attribution] = {}
    for index in range(len(tokens)):
        relation = _at_cue(text, tokens, index)
        if relation is not None:
            found[(relation.cue.start, relation.cue.end)] = relation
    # the quoted words' own cues ("I think", "you know") report the speaker's talk, not news
    inside = {key for key, relation in found.items() if quoted.any_overlapping(relation.cue)}
    for relation in _from_claims(analysis, tokens, found):
        key = (relation.cue.start, relation.cue.end)
        found[key] = relation
        inside.discard(key)
    for key in inside:
        del found[key]
    whole = (_whole_quote(text, relation, quotes, outers) for relation in found.values())
    return sorted(whole, key=lambda r: (r.start, r.end))


def _whole_quote(
    text: str, relation: Attribution, quotes: dict[Span, Quote], outers: SpanIndex[Span]
) -> Attribution:
    """A quoted content runs over its whole quote, and a quote right after the sentence of its
    cue goes on with it: '"It's heartbreaking," Ryan said. "And this country …"'."""
    opening = Span(relation.start, relation.start + 1)
    around = [quotes[outer] for outer in outers.overlapping(opening)
              if not outer.start <= relation.cue.start < outer.end]
    if not around:
        return relation
    quote = around[0]
    start, end = min(relation.start, quote.inner.start), max(relation.end, quote.inner.end)
    if relation.cue.start >= quote.outer.end:
        following = outers.overlapping(Span(relation.cue.end, relation.cue.end + _GAP_CHARS))
        after = next((quotes[o] for o in following if o.start >= relation.cue.end), None)
        gap = text[relation.cue.end : after.outer.start] if after is not None else ""
        if after is not None and "\n" not in gap and any(c in gap for c in ".:"):
            end = max(end, after.inner.end)
    if (start, end) == (relation.start, relation.end):
        return relation
    return replace(relation, start=start, end=end)


def _kind(word: str) -> str:
    return ATTRIBUTION_KINDS.get(word, "speech")


def _subtree(tokens: Tokens, index: int) -> tuple[int, int]:
    """The first and last token index of the subtree of ``index``."""
    first = last = index
    stack = [index]
    while stack:
        node = stack.pop()
        first, last = min(first, node), max(last, node)
        stack.extend(tokens.children(node))
    return first, last


def _span(text: str, tokens: Tokens, first: int, last: int) -> Span | None:
    start, end = tokens.starts[first], tokens.ends[last]
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return Span(start, end) if end > start else None


def _child(tokens: Tokens, index: int, relations: tuple[str, ...]) -> int | None:
    for child in tokens.children(index):
        if tokens.deps[child] in relations:
            return child
    return None


def _source(text: str, tokens: Tokens, cue: int) -> Span | None:
    agent = _child(tokens, cue, ("obl:agent",))
    subject = _child(tokens, cue, _SUBJECTS) if agent is None else agent
    node = cue
    for _ in range(_INHERIT_REACH):  # "… vowed to punish", "…, calling for …", "… and urged …"
        if subject is not None or tokens.deps[node] not in _INHERITING:
            break
        if tokens.heads[node] == node:
            break
        node = tokens.heads[node]
        subject = _child(tokens, node, _SUBJECTS)
    if subject is None:
        return None
    first, last = _subtree(tokens, subject)
    if agent is not None:
        first += 1  # "by"
    return _span(text, tokens, first, last)


def _at_cue(text: str, tokens: Tokens, index: int) -> Attribution | None:
    word = text[tokens.starts[index] : tokens.ends[index]].lower()
    clausal_only = word in CLAUSAL_CUE_FORMS
    if word not in ATTRIBUTION_CUE_FORMS and not clausal_only:
        return None
    cue = Span(tokens.starts[index], tokens.ends[index])
    if word == "according":
        return _according_to(text, tokens, index, cue)
    if tokens.pos[index] not in ("VERB", "AUX") and _child(tokens, index, _SUBJECTS) is None:
        return None
    if tokens.deps[index] == "acl":  # "a program called …", "the video showing …"
        return None
    if clausal_only and _child(tokens, index, ("ccomp", "xcomp")) is None:
        return None  # "thinks that …", "wants to …", not "thinks of her", "wants a deal"
    content = _set_off(text, tokens, index) or _complement(text, tokens, index)
    if content is None and tokens.deps[index] in _BESIDE and tokens.heads[index] != index:
        content = _beside(text, tokens, index)
    if content is None and tokens.heads[index] == index:
        content = _before_trailing_cue(text, tokens, index)
    if content is None or len(content.of(text).split()) < _MIN_CONTENT_WORDS:
        return None  # "asked him", "called Friday", "blasted the media": no proposition
    content = _with_shared_conjuncts(text, tokens, index, content)
    return Attribution(content.start, content.end, _source(text, tokens, index), cue, _kind(word))


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
        if _child(tokens, child, _SUBJECTS) is not None or tokens.pos[child] != "VERB":
            continue
        if text[end : tokens.starts[_subtree(tokens, child)[0]]].strip(" ,") not in ("", "and"):
            continue
        last = _span(text, tokens, *_subtree(tokens, child))
        if last is not None:
            end = last.end
    return content if end == content.end else Span(content.start, end)


def _before_trailing_cue(text: str, tokens: Tokens, cue: int) -> Span | None:
    """What comes before a sentence's last cue and its subject, parsed as the sentence's root:
    ``"… the entire Congress," Rep. Jane Doe said in an interview``, ``…, studies have
    shown.``"""
    subject = _child(tokens, cue, _SUBJECTS)
    if subject is None:
        return None
    subject_first, subject_last = _subtree(tokens, subject)
    left = min(subject_first, cue) - 1
    first, last = _subtree(tokens, cue)
    if left <= first or text[tokens.starts[left] : tokens.ends[left]] not in _SET_OFF_MARKS:
        return None
    if any(tokens.deps[child] in ("ccomp", "xcomp", "obj", "parataxis")
           for child in tokens.children(cue)):
        return None
    return _span(text, tokens, first, left)


def _set_off(text: str, tokens: Tokens, cue: int) -> Span | None:
    """The sentence around a cue set off by commas with its subject: ``To see it, Jane Doe
    said, one should visit the museum``."""
    subject = _child(tokens, cue, _SUBJECTS)
    if subject is None:
        return None
    subject_first, subject_last = _subtree(tokens, subject)
    left, right = min(subject_first, cue) - 1, max(subject_last, cue) + 1
    root = cue
    while tokens.heads[root] != root:
        root = tokens.heads[root]
    first, last = _subtree(tokens, root)
    if not first < left < right < last:
        return None
    if text[tokens.starts[left] : tokens.ends[left]] != "," or text[
        tokens.starts[right] : tokens.ends[right]
    ] != ",":
        return None
    return _span(text, tokens, first, last)


def _complement(text: str, tokens: Tokens, cue: int) -> Span | None:
    """``said that …``, ``wants to …``; an object with what is said of it (``urged him to
    resign``, ``called the plan "a disaster"``, ``blamed them for …``); else what the cue's
    preposition introduces (``called for …``, ``complained about …``); else, for a passive
    cue with its agent, its subject (``the issue was first reported by …``)."""
    clause = _child(tokens, cue, ("ccomp",))
    if clause is not None:
        return _span(text, tokens, *_subtree(tokens, clause))
    target = _child(tokens, cue, _OBJECTS)
    if target is None:  # not ``or``: the document's first token is index 0
        target = _child(tokens, cue, ("xcomp", "csubj:pass"))
    if target is None:
        target = _prepositional_object(text, tokens, cue)
        if target is None:
            target = _child(tokens, cue, ("nsubj:pass",))
            if target is None or _child(tokens, cue, ("obl:agent",)) is None:
                return None
            return _span(text, tokens, *_subtree(tokens, target))
        first, last = _subtree(tokens, target)
        return _span(text, tokens, first + 1, last)
    first, last = _subtree(tokens, target)
    for child in tokens.children(cue):
        if child > target and _says_of_object(text, tokens, child):
            last = max(last, _subtree(tokens, child)[1])
    return _span(text, tokens, first, last)


def _case(text: str, tokens: Tokens, index: int) -> str:
    marker = _child(tokens, index, ("case", "mark"))
    return "" if marker is None else text[tokens.starts[marker] : tokens.ends[marker]].lower()


def _says_of_object(text: str, tokens: Tokens, child: int) -> bool:
    """What follows an object and says something of it: ``… "a disaster"``, ``… to resign``,
    ``… for not paying``, ``… as proof of …``."""
    relation = tokens.deps[child]
    if relation == "xcomp":
        return True
    return relation in ("obl", "advcl") and _case(text, tokens, child) in CUE_OBJECT_MARKERS


def _prepositional_object(text: str, tokens: Tokens, cue: int) -> int | None:
    """The word a preposition right after the cue introduces: ``called for …``."""
    following = cue + 1
    for child in tokens.children(cue):
        if child > cue and tokens.deps[child] in ("obl", "advcl"):
            marker = _child(tokens, child, ("case", "mark"))
            if marker == following and _case(text, tokens, child) in CUE_PREPOSITIONS:
                return child
    return None


def _beside(text: str, tokens: Tokens, cue: int) -> Span | None:
    """The clause a cue is set beside: ``…, X said`` and ``…, X said, …`` (both sides)."""
    head = tokens.heads[cue]
    first, last = _subtree(tokens, head)
    cue_first, cue_last = _subtree(tokens, cue)
    if cue_first > first and cue_last < last:
        return _span(text, tokens, first, last)
    if cue_first > first:
        return _span(text, tokens, first, cue_first - 1)
    return _span(text, tokens, cue_last + 1, last)


def _according_to(text: str, tokens: Tokens, index: int, cue: Span) -> Attribution | None:
    source = tokens.heads[index]
    clause = tokens.heads[source]
    if source == index or clause == source:
        return None
    source_first, source_last = _subtree(tokens, source)
    first, last = _subtree(tokens, clause)
    if source_first <= first:
        first = source_last + 1
    elif source_last >= last:
        last = index - 1
    content = _span(text, tokens, first, last) if first <= last else None
    if content is None:
        return None
    written = _span(text, tokens, index + 2, source_last)
    return Attribution(content.start, content.end, written, cue, "speech")


def _from_claims(
    analysis: Analysis, tokens: Tokens, parsed: dict[tuple[int, int], Attribution]
) -> list[Attribution]:
    """Claims with a cue as relations, their pieces joined; the parse's source at their cue."""
    text = analysis.document.text
    joined: dict[tuple[int, int], Attribution] = {}
    for claim in analysis.claims:
        if claim.cue is None:
            continue
        key = (claim.cue.start, claim.cue.end)
        before = joined.get(key)
        start = claim.start if before is None else min(before.start, claim.start)
        end = claim.end if before is None else max(before.end, claim.end)
        at_cue = parsed.get(key)
        if at_cue is not None and _overlap(at_cue, Span(start, end)):  # that, "…" against …
            start, end = min(start, at_cue.start), max(end, at_cue.end)
        cue_index = tokens.at(claim.cue.start)  # "he", as written, rather than whom it means
        written = _source(text, tokens, cue_index) if cue_index is not None else None
        source = claim.speaker
        if written is not None and (not _overlap(written, claim) or _beside_cue(
            text, written, claim.cue
        )) and not any(mark in written.of(text) for mark in _QUOTE_MARKS):
            source = written  # "…, he said, …": the "he" beside the cue in the content
        word = claim.cue.of(text).lower()
        joined[key] = Attribution(start, end, source, claim.cue, _kind(word))
    return list(joined.values())


def _beside_cue(text: str, source: Span, cue: Span) -> bool:
    if source.end <= cue.start:
        return not text[source.end : cue.start].strip()
    return cue.end <= source.start and not text[cue.end : source.start].strip()


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
