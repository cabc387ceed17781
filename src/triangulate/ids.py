"""Record ids: a prefix for the kind of record and a digest of everything that tells it apart.

Equal parts give equal ids, so a record keeps its id from run to run; a comparator that can make
two records from the same claims (a value and its conversion, money and claimants) must pass
what differs between them (the facts' spans) among the parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from .errors import StoreError

R = TypeVar("R", bound=Hashable)

DIGEST_LENGTH = 16
"""Hex digits of the digest: 64 bits, so that millions of records do not collide by chance."""


def record_id(prefix: str, *parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return prefix + hashlib.sha1(text.encode()).hexdigest()[:DIGEST_LENGTH]


def distinct(records: Iterable[R]) -> tuple[R, ...]:
    """``records`` without exact repeats (the same record made twice), first occurrence kept."""
    return tuple(dict.fromkeys(records))


def duplicate_ids(kind: str, records: Iterable[Any], describe: Callable[[Any], str]) -> list[str]:
    """One line per id that more than one distinct record of ``kind`` carries, naming them."""
    seen: dict[str, list[Any]] = {}
    for record in records:
        same = seen.setdefault(record.id, [])
        if record not in same:
            same.append(record)
    return [
        f"{len(clash)} {kind} share the id {shared!r} ("
        + "; ".join(describe(record) for record in clash)
        + ")"
        for shared, clash in seen.items()
        if len(clash) > 1
    ]


def check_unique(tables: Sequence[tuple[str, Iterable[Any], Callable[[Any], str]]]) -> None:
    """Raise StoreError naming every id that distinct records share, before anything is stored."""
    problems = [line for kind, records, describe in tables
                for line in duplicate_ids(kind, records, describe)]
    if problems:
        shown = problems[:5] + ([f"and {len(problems) - 5} more"] if len(problems) > 5 else [])
        raise StoreError("cannot store records with the same id: " + " | ".join(shown))
