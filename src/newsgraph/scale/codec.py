"""Documents to JSON-safe values and back, losslessly, for Parquet shards.

Generic over the model's frozen dataclasses (driven by their type hints), so a field another
stage adds to the model later (with a default) travels through shards without a change here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from typing import Any

from newsgraph import model
from newsgraph.model import Document


def encode(value: Any) -> Any:
    """A model value as plain JSON-safe data (dataclasses become dicts, dates ISO strings)."""
    cls = type(value)
    if cls in _PLAIN:
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: encode(getattr(value, name)) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def decode(tp: Any, data: Any) -> Any:
    """The inverse of :func:`encode` for a value of type ``tp``."""
    return _decoder(tp)(data)


Decoder = typing.Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A function decoding values of type ``tp``, built once per type (decoding is per row)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _same
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        args = typing.get_args(tp)
        item = _decoder(args[0] if len(args) == 2 and args[1] is Ellipsis else Any)
        return lambda data: tuple(map(item, data))
    if origin in (list, dict) or tp is Any or not isinstance(tp, type):
        return _same
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if issubclass(tp, enum.Enum):
        return tp
    if tp is dt.datetime:
        return dt.datetime.fromisoformat
    if tp is dt.date:
        return dt.date.fromisoformat
    return _same


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls, vars(model))
    fields = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    plain = {name for name, tp in fields.items() if tp in _PLAIN_HINTS}

    def build(data: Any) -> Any:
        if data is None:
            return None
        kwargs = {
            k: (v if k in plain else _decoder(fields[k])(v)) for k, v in data.items() if k in fields
        }
        return cls(**kwargs)

    return build


_PLAIN_HINTS = frozenset({str, int, float, bool, str | None, int | None, float | None})


def dumps_document(doc: Document) -> str:
    return json.dumps(encode(doc), ensure_ascii=False, separators=(",", ":"), default=str)


def loads_document(text: str) -> Document:
    doc: Document = decode(Document, json.loads(text))
    return doc
