"""Model objects to plain JSON-able values and back, driven by the dataclasses' type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_data(obj: Any) -> Any:
    """A JSON-able value for a model object (dataclasses become dicts, tuples lists)."""
    kind: Any = type(obj)
    if kind in _PLAIN:
        return obj
    names = _field_names(kind)
    if names is not None:
        return {name: to_data(getattr(obj, name)) for name in names}
    if isinstance(obj, list | tuple):
        return [to_data(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_data(value) for key, value in obj.items()}
    return obj


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild an instance of the dataclass ``cls`` from ``to_data`` output."""
    builder: Callable[[Any], Any] = _builder(typing.cast(Any, cls))
    return typing.cast(T, builder(data))


def dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_data(cls, json.loads(text))


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of the dataclass ``kind`` in order; None for any other type."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(f.name for f in dataclasses.fields(kind))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _same(data: Any) -> Any:
    return data


def _number(data: Any) -> Any:
    return float(data) if isinstance(data, int) else data


@cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """The function rebuilding a value of type ``tp`` (``None`` stays ``None``), made once per
    type: reading a store rebuilds hundreds of thousands of records of a few types."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        return _builder(options[0]) if len(options) == 1 else _same
    if origin in (tuple, list):
        args = get_args(tp)
        item = _builder(args[0]) if args else _same
        kind = tuple if origin is tuple else list
        if item is _same:
            return lambda data: None if data is None else kind(data)
        return lambda data: None if data is None else kind([item(value) for value in data])
    if origin is dict:
        args = get_args(tp)
        value_of = _builder(args[1]) if args else _same
        return lambda data: (
            None if data is None else {key: value_of(value) for key, value in data.items()}
        )
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_builder(tp)
    return _number if tp is float else _same


def _dataclass_builder(cls: type) -> Callable[[Any], Any]:
    fields: dict[str, Callable[[Any], Any]] = {}  # filled on first use: a type may nest itself
    defaults: dict[str, Callable[[], Any]] = {}
    if "__post_init__" in dir(cls) or "__slots__" in cls.__dict__:

        def build(data: Any) -> Any:
            if data is None:
                return None
            if not fields:
                hints = _hints(cls)
                fields.update({f.name: _builder(hints[f.name]) for f in dataclasses.fields(cls)})
            return cls(**{key: fields[key](value) for key, value in data.items() if key in fields})

        return build

    def build_plain(data: Any) -> Any:
        """What ``cls(**values)`` makes, each field set as its ``__init__`` sets it (in field
        order, so that records keep their compact attribute storage) without the call and its
        keyword dict: hundreds of thousands of records are read on every run."""
        if data is None:
            return None
        if not fields:
            hints = _hints(cls)
            for f in dataclasses.fields(cls):
                defaults[f.name] = _default_of(f)
                fields[f.name] = _builder(hints[f.name])
        made: Any = object.__new__(cls)
        for name, build_field in fields.items():
            value = data.get(name, _MISSING)
            _set(made, name, defaults[name]() if value is _MISSING else build_field(value))
        return made

    return build_plain


_MISSING = object()
_set = object.__setattr__


def _default_of(field: dataclasses.Field[Any]) -> Callable[[], Any]:
    """A field's default as a function; one that raises TypeError, as ``__init__`` would, for a
    field without one."""
    if field.default is not dataclasses.MISSING:
        value = field.default
        return lambda: value
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory

    def required() -> Any:
        raise TypeError(f"missing field {field.name!r}")

    return required
