"""Wire objects and protocol values convert both ways without losing a member or reordering one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from groove_actors.protocol.convert import WIRE, structure_steps, unstructure
from groove_actors.protocol.models import ChunkEnvelope, CloseEnvelope, Envelope, Step
from tests.conftest import WIRE_VECTORS
from tests.support.shared import shared_cases, wire_vectors


def structure_envelope(obj: dict[str, Any]) -> Envelope:
    """A validated envelope object as a value, as a client builds it before `unstructure`."""
    if obj.get("type") == "SESSION_CLOSE":
        return WIRE.structure(obj, CloseEnvelope)
    return WIRE.structure(obj, ChunkEnvelope)


@pytest.mark.parametrize(
    "vector", shared_cases(WIRE_VECTORS, lambda: wire_vectors()["envelopes"]), ids=lambda v: v["name"]
)
def test_round_trip_keeps_members_and_their_order(vector: dict[str, str]) -> None:
    wire = json.loads(vector["body"])
    value = structure_envelope(wire)
    assert isinstance(value, CloseEnvelope if wire.get("type") else ChunkEnvelope)
    back = unstructure(value)
    assert back == wire
    assert list(back) == list(wire)


def test_unknown_members_are_kept_in_extra() -> None:
    wire = json.loads(wire_vectors()["envelopes"][1]["body"])
    value = structure_envelope(wire)
    assert isinstance(value, ChunkEnvelope)
    assert "extra_numbers" in value.metadata.extra
    assert value.metadata.model_engine == "claude-opus-4-6"


def test_steps_structure_with_optional_fields() -> None:
    wire = json.loads(wire_vectors()["envelopes"][0]["body"])
    steps = structure_steps(wire["trajectory_log"])
    assert [s.type for s in steps] == [s["type"] for s in wire["trajectory_log"]]
    action = next(s for s in steps if s.type == "action")
    assert action.tool == "Bash"
    assert action.arguments is not None and "command" in action.arguments
    assert unstructure(Step(step=1, type="thought", timestamp=2.5)) == {
        "step": 1,
        "type": "thought",
        "timestamp": 2.5,
    }
