"""Schema validation: valid envelopes pass, and every violation is reported with its path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groove_actors.protocol import limits
from groove_actors.protocol.validate import (
    STEP_FIELDS,
    Violation,
    check_fields,
    check_steps,
    check_timestamp,
    is_number,
    step_is_plainly_valid,
    validate_close,
    validate_envelope,
    validate_session_open,
)
from tests.conftest import WIRE_VECTORS
from tests.support.shared import shared_cases, wire_vectors

# The vectors' step timestamps start at 1764000000; validate as if it were shortly after.
NOW = 1_764_000_100.0


def vector_envelope(name: str) -> dict[str, Any]:
    (body,) = [v["body"] for v in wire_vectors()["envelopes"] if v["name"] == name]
    envelope: dict[str, Any] = json.loads(body)
    return envelope


def paths(violations: tuple[Violation, ...]) -> list[str]:
    return [v.path for v in violations]


@pytest.mark.parametrize(
    "name", shared_cases(WIRE_VECTORS, lambda: [v["name"] for v in wire_vectors()["envelopes"]])
)
def test_every_vector_envelope_is_valid(name: str) -> None:
    assert validate_envelope(vector_envelope(name), now=NOW) == ()


def test_every_violation_is_reported_not_only_the_first() -> None:
    env = vector_envelope("sess_vec_a#1")
    env["contributor_id"] = "ABC"
    env["attestation"]["sequence"] = -1
    env["metadata"]["provider"] = "cursor ide"
    env["metadata"]["team_size"] = 0
    env["trajectory_log"][0]["type"] = "musing"
    env["trajectory_log"][3]["content"] = "x" * (limits.MAX_CONTENT_CHARS + 1)
    del env["trajectory_log"][5]["timestamp"]
    assert paths(validate_envelope(env, now=NOW)) == [
        "$.contributor_id",
        "$.attestation.sequence",
        "$.metadata.provider",
        "$.metadata.team_size",
        "$.trajectory_log[0].type",
        "$.trajectory_log[3].content",
        "$.trajectory_log[5].timestamp",
    ]


def test_messages_say_what_was_expected_and_what_came() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["metadata"]["team_size"] = "four"
    (violation,) = validate_envelope(env, now=NOW)
    assert str(violation) == "$.metadata.team_size: expected an integer, got 'four'"


def test_missing_members_are_named() -> None:
    assert paths(validate_envelope({}, now=NOW)) == [
        "$.envelope_id",
        "$.session_id",
        "$.chunk_sequence",
        "$.contributor_id",
        "$.attestation",
        "$.metadata",
        "$.trajectory_log",
    ]


def test_wrong_types_are_rejected_and_booleans_are_not_numbers() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["chunk_sequence"] = True
    env["attestation"] = []
    env["metadata"]["model_engine"] = 7
    env["trajectory_log"][0]["step"] = 1.5
    env["trajectory_log"][1]["token_count"] = "10"
    env["trajectory_log"][2] = "step"
    assert paths(validate_envelope(env, now=NOW)) == [
        "$.chunk_sequence",
        "$.attestation",
        "$.metadata.model_engine",
        "$.trajectory_log[0].step",
        "$.trajectory_log[1].token_count",
        "$.trajectory_log[2]",
    ]


def test_integral_floats_count_as_integers_as_in_javascript() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["chunk_sequence"] = 0.0
    env["trajectory_log"][0]["step"] = 3.0
    assert validate_envelope(env, now=NOW) == ()


def test_unknown_models_and_extra_fields_are_accepted() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["metadata"]["model_engine"] = "a-model-released-tomorrow"
    env["metadata"]["session_quality"] = 100
    env["trajectory_log"][0]["is_error"] = False
    env["future_member"] = {"anything": [1, 2]}
    assert validate_envelope(env, now=NOW) == ()


def test_too_many_steps() -> None:
    env = vector_envelope("sess_vec_b#0")
    env["trajectory_log"] = env["trajectory_log"] * 3
    assert paths(validate_envelope(env, now=NOW)) == ["$.trajectory_log"]


def test_unknown_envelope_type_is_one_violation() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["type"] = "USER_FEEDBACK_V2"
    assert paths(validate_envelope(env, now=NOW)) == ["$.type"]


def test_a_chunk_passed_off_as_feedback_is_checked_as_feedback() -> None:
    env = vector_envelope("sess_vec_a#0")
    env["type"] = "USER_FEEDBACK"
    assert paths(validate_envelope(env, now=NOW)) == ["$.feedback"]


def test_session_close_checks_outcome_counts_and_status() -> None:
    env = vector_envelope("sess_vec_a#3")
    assert validate_close(env) == ()
    broken = copy.deepcopy(env)
    broken["outcome"]["status"] = "DONE"
    del broken["outcome"]["total_chunks"]
    broken["outcome"]["files_modified"] = limits.MAX_OUTCOME_COUNT + 1
    assert paths(validate_envelope(broken, now=NOW)) == [
        "$.outcome.status",
        "$.outcome.total_chunks",
        "$.outcome.files_modified",
    ]


@pytest.mark.parametrize(
    ("offset", "ok"),
    [
        (-7 * 86_400, True),
        (-7 * 86_400 - 1, False),
        (3_600, True),
        (3_601, False),
        (0, True),
    ],
)
def test_timestamp_window_in_seconds_and_milliseconds(offset: int, ok: bool) -> None:
    now = 1_800_000_000.0
    assert (check_timestamp(now + offset, now=now) is None) is ok
    assert (check_timestamp((now + offset) * 1000, now=now) is None) is ok


@given(st.floats(min_value=-1e16, max_value=1e16), st.floats(min_value=1e9, max_value=2e9))
def test_timestamp_accepted_exactly_inside_the_window(timestamp: float, now: float) -> None:
    seconds = timestamp / 1000 if timestamp >= 1e12 else timestamp
    inside = now - 7 * 86_400 <= seconds <= now + 3_600
    assert (check_timestamp(timestamp, now=now) is None) is inside


def test_session_open_lists_every_missing_field() -> None:
    assert validate_session_open({"session_id": "s", "public_key": "", "provider": 3}) == (
        "public_key",
        "provider",
        "model",
        "machine_fingerprint",
        "app_version_hash",
        "groove_version",
    )


step_values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 60_000), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(sorted(limits.STEP_TYPES)), st.just("x" * 10_001),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)  # fmt: skip
step_keys = st.sampled_from(["step", "type", "timestamp", "content", "token_count", "truncated", "tool",
                             "arguments", "coordination_id", "direction", "source", "extra"])  # fmt: skip


@given(
    st.dictionaries(step_keys, step_values, max_size=8),
    st.sampled_from(["thought", "action", None]),
    st.one_of(st.none(), st.floats(NOW - 8 * 86_400, NOW + 7_200), st.integers(0, 3)),
)
def test_the_fast_step_check_never_passes_what_the_detailed_one_refuses(
    step: dict[str, Any], kind: str | None, timestamp: float | None
) -> None:
    if kind is not None:
        step = {"step": 3, "type": kind, **step}
    if timestamp is not None:
        step["timestamp"] = timestamp
    detailed: list[Violation] = []
    check_steps([step], now=NOW, out=[])  # must not raise
    check_fields(step, STEP_FIELDS, "$", detailed)
    problem = check_timestamp(step["timestamp"], now=NOW) if is_number(step.get("timestamp")) else "missing"
    fine = not detailed and problem is None
    fast = step_is_plainly_valid(step, NOW - 7 * 86_400, NOW + 3_600)
    assert not fast or fine
