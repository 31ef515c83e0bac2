"""What goes on the wire to the Bot Connector: activities to JSON and its answers back.

Shim over private parts of **msrest** and **botbuilder-schema**, checked against msrest 0.7.1
and botbuilder-schema / botframework-connector 4.17.1 (botbuilder is pinned ==4.17.1 in
pyproject.toml). Private names it relies on: every connector model's ``_attribute_map`` (key and
type of each attribute), ``_validation`` and ``_subtype_map``; ``Activity._infer_class_models()``
(the model classes msrest resolves type names against); ``Deserializer._unpack_content``. Any
shape it does not know, and any model these do not describe plainly, goes to msrest itself.
``tests/bot/test_wire.py`` compares both paths on Teams' real shapes and on generated activities:
run it before moving the pin.

Why: ``bench/bench_load.py``. Reading the posted activity went from 128 to 23 µs and writing the
conversation reference from 83 to 4 µs (README, "Session 2", "msrest on every turn"); a 25 kB
membership summary card went out in 0.9 ms instead of msrest's 12 ms (README, Performance,
"Card serialisation").

msrest serialises a request body in three passes: it rebuilds the model from itself with its
deserializer (so that dicts given for model-typed attributes become models), validates it, and
then walks it attribute by attribute through a generic dispatcher. For the activities this bot
sends (text, Adaptive Cards as plain JSON, suggested actions, channel data) that was about a tenth
of a turn's CPU. :class:`WireSerializer` writes the same JSON in one pass over the attribute maps
for the shapes it knows, and hands anything else to msrest unchanged, so what goes out is what
msrest would have sent; a test compares the two on many activities.

The Bot Connector answers a send with ``{"id": "…"}``; :class:`WireDeserializer` reads that
straight into a ``ResourceResponse`` and leaves every other answer to msrest.

The other way, every turn starts by turning the posted JSON into an ``Activity``, and msrest's
generic reader cost about as much as the rest of a short turn's Python. :func:`read_activity`
reads the usual shapes in one pass into the very model msrest would build and hands the rest to
msrest; :func:`write_model` does the same for a model written as JSON (the conversation
reference kept for reminders).
"""

from __future__ import annotations

import datetime as dt
import functools
from enum import Enum
from typing import Any

from botbuilder.schema import Activity
from botframework.connector import models as connector_models
from msrest import Deserializer, Serializer
from msrest.serialization import Model

from dialogs.common.cards import CardContent

_JSON_SCALARS = (str, int, float, bool, type(None))
_MODELS: dict[str, type] = {
    name: kind for name, kind in vars(connector_models).items() if isinstance(kind, type)
}


def plain_json(node: object) -> bool:
    """True when ``node`` is made only of JSON's own types (dicts with string keys).

    :class:`~dialogs.common.cards.CardContent` is taken as JSON without a walk through its thousands
    of nodes: the card builders in :mod:`dialogs.common.cards` make it from strings, numbers, lists
    and dicts only (and the card tests serialise every card the bot sends).
    """
    stack = [node]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is CardContent:
            continue
        if kind is dict:
            for key, value in item.items():  # type: ignore[attr-defined]
                if type(key) is not str:
                    return False
                stack.append(value)
        elif kind is list:
            stack.extend(item)  # type: ignore[arg-type]
        elif kind not in _JSON_SCALARS:
            return False
    return True


class _Unsupported(Exception):
    """A shape the one-pass reader or writer does not handle; msrest takes the whole body."""


@functools.cache
def _fields(kind: Any) -> tuple[tuple[str, str, str], ...]:
    """(attribute, JSON key, msrest type) of a connector model, for reading and writing.

    Only plain models qualify: no validation rules, no subtypes, no XML, no flattened
    ("a.b") or escaped keys, no additional-properties slot. Everything else raises
    :class:`_Unsupported` and goes through msrest, which knows those rules.
    """
    cls: Any = kind  # msrest's private class attributes: not in its type hints
    if (
        _MODELS.get(cls.__name__) is not kind
        or cls._validation
        or getattr(kind, "_subtype_map", None)
        or cls.is_xml_model()
    ):
        raise _Unsupported(cls.__name__)
    fields = []
    for attr, desc in cls._attribute_map.items():
        key, kind_name = desc["key"], desc["type"]
        odd_key = not key or "." in key or "\\" in key or desc.get("flatten")
        if not isinstance(kind_name, str) or odd_key:
            raise _Unsupported(f"{cls.__name__}.{attr}")
        fields.append((attr, key, kind_name))
    return tuple(fields)


@functools.cache
def _known_keys(kind: type) -> frozenset[str]:
    """The JSON keys a model reads; msrest keeps the others in ``additional_properties``."""
    return frozenset(key for _, key, _ in _fields(kind))


class WireSerializer(Serializer):
    """msrest's serializer with a one-pass path for models and no walk over plain JSON."""

    def __init__(self) -> None:
        super().__init__(_MODELS)

    def serialize_object(self, attr: object, **kwargs: Any) -> object:
        """Return plain JSON unchanged (Adaptive Card content), otherwise as msrest does.

        msrest rebuilds untyped values node by node: about 12 ms for a 25 kB card.
        """
        if plain_json(attr):
            return attr
        return super().serialize_object(attr, **kwargs)

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        """Serialise a request body; models of this connector go out in one pass."""
        if not kwargs and isinstance(data, Model) and type(data).__name__ == data_type:
            try:
                return self._model(data)
            except _Unsupported:
                pass
        return super().body(data, data_type, **kwargs)

    def _model(self, model: Model) -> dict[str, Any]:
        out: dict[str, Any] = {}
        kind: Any = type(model)  # a class is hashable; msrest's __eq__ hides that from mypy
        for attr, key, kind_name in _fields(kind):
            value = getattr(model, attr, None)
            if value is not None:
                out[key] = self._value(value, kind_name)
        return out

    def _value(self, value: Any, kind_name: str) -> Any:
        kind = type(value)
        if kind_name == "str":
            if kind is str:
                return value
            if isinstance(value, Enum):
                return value.value
            raise _Unsupported(kind_name)
        if kind_name == "object":
            return value if plain_json(value) else super().serialize_object(value)
        if kind_name == "bool":
            if kind is bool:
                return value
            raise _Unsupported(kind_name)
        if kind_name in ("int", "long"):
            if kind is int:
                return value
            raise _Unsupported(kind_name)
        if kind_name == "float":
            if kind is float or kind is int:
                return float(value)
            raise _Unsupported(kind_name)
        if kind_name == "iso-8601":
            if kind is dt.datetime:
                return Serializer.serialize_iso(value)
            raise _Unsupported(kind_name)
        if kind_name.startswith("[") and kind_name.endswith("]"):
            if kind is not list:
                raise _Unsupported(kind_name)
            inner = kind_name[1:-1]
            return [None if item is None else self._value(item, inner) for item in value]
        if kind_name.startswith("{") and kind_name.endswith("}"):
            if kind is not dict:
                raise _Unsupported(kind_name)
            inner = kind_name[1:-1]
            return {
                k: None if item is None else self._value(item, inner) for k, item in value.items()
            }
        if kind_name in _MODELS and isinstance(value, Model):
            # msrest writes a model by its own attribute map, whatever the slot declares (a
            # Mention in ``entities: [Entity]`` keeps its ``mentioned`` and ``text``).
            return self._model(value)
        raise _Unsupported(kind_name)


class WireDeserializer(Deserializer):
    """msrest's deserializer; the connector's ``{"id": …}`` answer is read directly."""

    def __init__(self) -> None:
        super().__init__(_MODELS)

    def __call__(self, target_obj: Any, response_data: Any, content_type: str | None = None) -> Any:
        """Deserialise an answer; a ResourceResponse with only an id skips msrest's walk."""
        if target_obj == "ResourceResponse":
            data = self._unpack_content(response_data, content_type)
            if type(data) is dict and set(data) <= {"id"}:
                ident = data.get("id")
                if ident is None or type(ident) is str:
                    return connector_models.ResourceResponse(id=ident)
        return super().__call__(target_obj, response_data, content_type)


class _Reader:
    """Builds msrest models from parsed JSON in one pass, as ``Model.deserialize`` would.

    Values of the expected JSON type are taken as they are; anything msrest would coerce
    (a number where a string belongs, "true" for a bool, a list of pairs for a dict) or refuse
    raises :class:`_Unsupported`, and the caller lets msrest read the whole body instead, so
    odd input gets msrest's own answer or error.
    """

    def __init__(self, models: dict[str, type]) -> None:
        self._models = models

    def model(self, kind: type, data: Any) -> Any:
        if type(data) is not dict:
            raise _Unsupported(kind.__name__)
        fields = _fields(kind)
        values = {}
        for attr, key, kind_name in fields:
            value = data.get(key)
            values[attr] = None if value is None else self._value(value, kind_name)
        obj = kind(**values)
        # msrest keeps the keys a model does not know in ``additional_properties``.
        extra = data.keys() - _known_keys(kind)
        if extra:
            obj.additional_properties = {key: data[key] for key in extra}
        return obj

    def _value(self, value: Any, kind_name: str) -> Any:
        kind = type(value)
        if kind_name == "str":
            if kind is str:
                return value
        elif kind_name == "object":
            # msrest copies JSON containers node by node; the parsed body is ours alone.
            if kind in _JSON_SCALARS or kind is dict or kind is list:
                return value
        elif kind_name == "bool":
            if kind is bool:
                return value
        elif kind_name in ("int", "long"):
            if kind is int:
                return value
        elif kind_name == "float":
            if kind is float or kind is int:
                return float(value)
        elif kind_name == "iso-8601":
            if kind is str:
                return Deserializer.deserialize_iso(value)
        elif kind_name.startswith("[") and kind_name.endswith("]"):
            if kind is list:
                inner = kind_name[1:-1]
                return [None if item is None else self._value(item, inner) for item in value]
        elif kind_name.startswith("{") and kind_name.endswith("}"):
            if kind is dict:
                inner = kind_name[1:-1]
                return {
                    k: None if item is None else self._value(item, inner)
                    for k, item in value.items()
                }
        else:
            target = self._models.get(kind_name)
            if isinstance(target, type) and issubclass(target, Model):
                return self.model(target, value)
        raise _Unsupported(kind_name)


_ACTIVITY_MODELS: dict[str, type] = Activity._infer_class_models()
_READER = _Reader(_ACTIVITY_MODELS)
_WRITER = WireSerializer()


def read_activity(body: Any) -> Activity:
    """The ``Activity`` that ``Activity.deserialize(body)`` returns, read in one pass.

    Raises:
        DeserializationError: When msrest cannot read it either (as msrest raises it).
    """
    try:
        return _READER.model(Activity, body)
    except _Unsupported:
        return Activity.deserialize(body)


def write_model(model: Model) -> dict[str, Any]:
    """``model.serialize()`` (the JSON msrest writes for a model), in one pass."""
    try:
        return _WRITER._model(model)
    except _Unsupported:
        return model.serialize()
