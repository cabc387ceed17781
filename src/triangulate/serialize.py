"""Model objects to plain JSON-able values and back, driven by the dataclasses' type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """A JSON-able value for a model object (dataclasses become dicts, tuples lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_data(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_data(value) for key, value in obj.items()}
    return obj


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild an instance of the dataclass ``cls`` from ``to_data`` output."""
    return typing.cast(T, _build(cls, data))


def dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_data(cls, json.loads(text))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        return _build(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = get_args(tp)
        item = args[0] if args else Any
        return tuple(_build(item, value) for value in data)
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_build(item, value) for value in data]
    if origin is dict:
        _, value_type = get_args(tp) or (Any, Any)
        return {key: _build(value_type, value) for key, value in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        kwargs = {key: _build(hints[key], value) for key, value in data.items() if key in names}
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
