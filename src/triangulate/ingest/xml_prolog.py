"""The prolog of an XML document (declaration, comments, processing instructions, DOCTYPE):
finding the root element behind it, and defusing its DOCTYPE before a parser sees it.

An internal DTD can declare entities that expand to other entities (a "billion laughs" of a few
hundred bytes expands to gigabytes) or to files (external entities).  ``defuse_doctype`` removes
the DOCTYPE and replaces the references itself, expanding only the entities that cannot make a
document grow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .limits import MAX_FEED_PROLOG_CHARS

_DECLARATION = re.compile(r"<\?xml\s[^>]*?\?>")
_DOCTYPE_OPEN = "<!DOCTYPE"
_ENTITY = re.compile(
    r"<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:\"([^\"]*)\"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>"
)
_CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|x[0-9a-fA-F]{1,6});")
_UNSAFE_IN_VALUE = frozenset("&%<\"")


@dataclass(frozen=True)
class Prolog:
    doctype: tuple[int, int] | None  # start and end of the DOCTYPE declaration, if any
    root: int  # where the root element starts


def read_prolog(text: str) -> Prolog | None:
    """Where the root element of ``text`` starts, or None when ``text`` does not open like XML
    or its prolog does not end within MAX_FEED_PROLOG_CHARS."""
    limit = min(len(text), MAX_FEED_PROLOG_CHARS)
    position = 1 if text.startswith("\ufeff") else 0
    doctype: tuple[int, int] | None = None
    while True:
        while position < limit and text[position].isspace():
            position += 1
        if text.startswith("<?", position):
            end = _after(text, "?>", position + 2, limit)
        elif text.startswith("<!--", position):
            end = _after(text, "-->", position + 4, limit)
        elif text[position : position + len(_DOCTYPE_OPEN)].upper() == _DOCTYPE_OPEN:
            end = _doctype_end(text, position, limit)
            doctype = (position, end)
        elif text.startswith("<", position) and position < limit:
            return Prolog(doctype=doctype, root=position)
        else:
            return None
        if end < 0:
            return None
        position = end


def _after(text: str, closing: str, start: int, limit: int) -> int:
    end = text.find(closing, start, limit)
    return end + len(closing) if end >= 0 else -1


def _doctype_end(text: str, start: int, limit: int) -> int:
    """The end of the DOCTYPE declaration at ``start`` (its internal subset included), or -1."""
    depth = 0
    position = start + len(_DOCTYPE_OPEN)
    while position < limit:
        char = text[position]
        if char in "\"'" or text.startswith("<!--", position):
            closing, skip = ("-->", 4) if char == "<" else (char, 1)
            position = _after(text, closing, position + skip, limit)
            if position < 0:
                return -1
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == ">" and depth <= 0:
            return position + 1
        position += 1
    return -1


def defuse_doctype(text: str, prolog: Prolog) -> str:
    """``text`` without its DOCTYPE, the references to the entities it declared replaced: by
    the entity's value when that is one character reference or plain text no longer than the
    reference, else by the reference as text (``&name;`` is read as it is written).  Nothing is
    expanded, and a parser that meets the text needs no DTD."""
    if prolog.doctype is None:
        return text
    start, end = prolog.doctype
    values: dict[str, str] = {}
    for name, double, single, external in _ENTITY.findall(text, start, end):
        value = double or single
        harmless = not external and _harmless(name, value)
        values.setdefault(name, value if harmless else f"&amp;{name};")
    rest = text[end:]
    if values:
        references = re.compile("&(" + "|".join(map(re.escape, values)) + ");")
        rest = references.sub(lambda reference: values[reference.group(1)], rest)
    return text[:start] + rest


def _harmless(name: str, value: str) -> bool:
    if _CHARACTER_REFERENCE.fullmatch(value):
        return True
    return len(value) <= len(name) + 2 and not _UNSAFE_IN_VALUE.intersection(value)


def declare_utf8(text: str) -> str:
    """``text`` with its XML declaration saying UTF-8, for a parser handed ``text`` in UTF-8."""
    match = _DECLARATION.match(text.lstrip("\ufeff"))
    if match is None:
        return text
    offset = len(text) - len(text.lstrip("\ufeff"))
    return '<?xml version="1.0" encoding="utf-8"?>' + text[offset + match.end() :]
