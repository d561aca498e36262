"""Conversion between wire JSON and protocol values: the one place cattrs is configured (STYLE R8).

Structuring assumes the object passed `validate` first: each value is checked once, at the edge, by rules
written by hand rather than by cattrs, for speed (validate.py's docstring records the decision). Members a
class does not name go to its `extra` mapping and come back out on unstructuring, after the named ones;
`None` fields are left out, as JavaScript leaves out `undefined`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import cattrs

from groove_actors.protocol.models import (
    Attestation,
    ChunkEnvelope,
    CloseEnvelope,
    Envelope,
    Metadata,
    Outcome,
    SessionOpen,
    Step,
)

WIRE = cattrs.Converter(detailed_validation=False)


def _structure_keeping_extra(cls: type[Any]) -> Callable[[Mapping[str, Any], type[Any]], Any]:
    attrs.resolve_types(cls)
    fields = {f.name: f.type for f in attrs.fields(cls) if f.name != "extra"}

    def structure(obj: Mapping[str, Any], _: type[Any]) -> Any:
        known = {k: WIRE.structure(v, fields[k]) for k, v in obj.items() if k in fields}
        extra = {k: v for k, v in obj.items() if k not in fields}
        return cls(**known, extra=extra)

    return structure


def _unstructure_keeping_extra(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    names = [f.name for f in attrs.fields(cls) if f.name != "extra"]

    def unstructure(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in names:
            item = getattr(value, name)
            if item is not None:
                out[name] = WIRE.unstructure(item)
        out.update(value.extra)
        return out

    return unstructure


for _cls in (Metadata, Step, ChunkEnvelope, Outcome, CloseEnvelope):
    WIRE.register_structure_hook(_cls, _structure_keeping_extra(_cls))
    WIRE.register_unstructure_hook(_cls, _unstructure_keeping_extra(_cls))
WIRE.register_unstructure_hook(tuple, lambda items: [WIRE.unstructure(i) for i in items])
# A JsonObject's values (Mapping[str, object]) were checked by `validate` and stay as decoded.
WIRE.register_structure_hook_func(lambda cls: cls is object, lambda value, _: value)


def structure_steps(steps: Sequence[Mapping[str, Any]]) -> tuple[Step, ...]:
    """Validated steps as values; the stitcher's entry point, kept off the ingest hot path."""
    return tuple(WIRE.structure(step, Step) for step in steps)


def unstructure(value: Envelope | Step | Attestation | Metadata | Outcome | SessionOpen) -> dict[str, Any]:
    """A value as the JSON object a JavaScript client would build, ready for `jsjson.stringify`."""
    result: dict[str, Any] = WIRE.unstructure(value)
    return result
