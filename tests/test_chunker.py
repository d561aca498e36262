"""Chunker: steps in, unsigned envelopes out that the server's schema accepts; plain values, no mocks."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client_actors.chunker import (
    ARGUMENT_CHARS_BUDGET,
    MAX_CHUNK_BYTES,
    Chunker,
    ChunkerClosedError,
    build_outcome,
    cap_arguments,
    cap_step,
    cut_text,
    envelope_json,
    fit_timestamp,
    step_json_bytes,
    utf16_length,
)
from client_actors.classify import (
    AgentEnded,
    Classifier,
    ClassifierEvent,
    CoordinationEvent,
    SessionStats,
    UserMessage,
    close_status,
)
from client_actors.parsers import ParsedStep, parse_file_text, thaw_json
from client_actors.parsers.model import PARSED_STEP_TYPES
from groove_actors.protocol import jsjson, limits
from groove_actors.protocol.models import ChunkEnvelope, CloseEnvelope, Envelope, Metadata, Outcome, Step
from groove_actors.protocol.validate import Violation, validate_envelope
from tests.support.shared import agent_stream
from tests.test_classify import EXPECTED as CORPUS

T0 = 1_760_000_000.0
CONTRIBUTOR = "0123456789abcdef" * 2
METADATA = Metadata(provider="claude-code", model_engine="claude-opus-4-6", agent_role="backend", team_size=2)


def new_chunker(**options: Any) -> Chunker:
    ids = (f"env_{n}" for n in itertools.count())
    fields: dict[str, Any] = {
        "session_id": "sess_1",
        "contributor_id": CONTRIBUTOR,
        "metadata": METADATA,
        "scrub_ruleset": "scrub-7",
        "new_envelope_id": ids.__next__,
    }
    return Chunker(**{**fields, **options})


def steps(n: int, *, first: int = 1, content: str = "thinking") -> list[Step]:
    return [Step(i, "thought", T0 + i, content=content, token_count=2) for i in range(first, first + n)]


def signed_json(envelope: Envelope) -> dict[str, Any]:
    """The envelope's JSON with a well-formed attestation, as the signer will fill it in."""
    obj = envelope_json(envelope)
    sequence = envelope.attestation.sequence
    obj["attestation"] = {"session_hmac": "ab" * 32, "sequence": sequence, "app_version_hash": "cd" * 32}
    return obj


def violations(envelopes: list[Envelope], *, now: float) -> list[Violation]:
    return [v for env in envelopes for v in validate_envelope(signed_json(env), now=now)]


def chunks_of(envelopes: list[Envelope]) -> list[ChunkEnvelope]:
    return [env for env in envelopes if isinstance(env, ChunkEnvelope)]


def closing(envelopes: list[Envelope]) -> CloseEnvelope:
    last = envelopes[-1]
    assert isinstance(last, CloseEnvelope)
    return last


def step_numbers(envelopes: list[Envelope]) -> list[int]:
    return [s.step for chunk in chunks_of(envelopes) for s in chunk.trajectory_log]


# --- chunking by count, by time, on close -----------------------------------------------------------------


def test_a_chunk_is_emitted_every_200_steps_and_close_flushes_the_rest() -> None:
    chunker = new_chunker()
    out: list[Envelope] = [*chunker.add(steps(450), now=T0)]
    assert [len(c.trajectory_log) for c in chunks_of(out)] == [200, 200]
    assert chunker.buffered == 50
    out += chunker.close("SUCCESS", SessionStats())
    assert [len(c.trajectory_log) for c in chunks_of(out)] == [200, 200, 50]
    assert step_numbers(out) == list(range(1, 451))
    assert [c.chunk_sequence for c in chunks_of(out)] == [0, 1, 2]
    assert [env.attestation.sequence for env in out] == [0, 1, 2, 3]
    assert [env.envelope_id for env in out] == ["env_0", "env_1", "env_2", "env_3"]
    outcome = closing(out).outcome
    assert (outcome.total_steps, outcome.total_chunks) == (450, 3)
    assert violations(out, now=T0 + 500) == []


def test_a_chunk_is_emitted_when_its_first_step_is_five_minutes_old() -> None:
    chunker = new_chunker()
    assert chunker.add(steps(3), now=T0) == []
    assert chunker.deadline == T0 + 300
    assert chunker.tick(now=T0 + 299.9) == []
    (chunk,) = chunker.tick(now=T0 + 300)
    assert [s.step for s in chunk.trajectory_log] == [1, 2, 3]
    assert chunker.tick(now=T0 + 10_000) == []
    assert chunker.buffered == 0


def test_a_step_after_the_deadline_goes_into_a_new_chunk() -> None:
    chunker = new_chunker()
    chunker.add(steps(2), now=T0)
    chunker.add(steps(1, first=3), now=T0 + 200)  # the age counts from the chunk's first step
    (chunk,) = chunker.add(steps(1, first=4), now=T0 + 301)
    assert [s.step for s in chunk.trajectory_log] == [1, 2, 3]
    assert (chunker.buffered, chunker.deadline) == (1, T0 + 601)


def test_close_without_steps_sends_only_the_session_close() -> None:
    (close,) = new_chunker().close("CRASH", SessionStats())
    assert isinstance(close, CloseEnvelope)
    assert close.outcome == Outcome(
        "CRASH", 0, 0, user_interventions=0, total_tokens=0, duration_seconds=0, files_modified=0,
        errors_encountered=0, errors_recovered=0, coordination_events=0,
    )  # fmt: skip
    assert close.attestation.sequence == 0


def test_nothing_is_accepted_after_close() -> None:
    chunker = new_chunker()
    chunker.close("KILLED", SessionStats())
    with pytest.raises(ChunkerClosedError, match="session sess_1 is closed"):
        chunker.add([], now=T0)
    with pytest.raises(ChunkerClosedError):
        chunker.tick(now=T0)
    with pytest.raises(ChunkerClosedError):
        chunker.close("KILLED", SessionStats())


def test_step_numbers_must_increase_and_a_refused_batch_changes_nothing() -> None:
    chunker = new_chunker()
    chunker.add(steps(2), now=T0)
    with pytest.raises(ValueError, match="step numbers must increase: got 2 after 3"):
        chunker.add([*steps(1, first=3), *steps(1, first=2)], now=T0)
    assert chunker.buffered == 2
    out = [*chunker.add(steps(1, first=3), now=T0), *chunker.close("SUCCESS", SessionStats())]
    assert step_numbers(out) == [1, 2, 3]


def test_steps_numbered_beyond_the_schema_are_dropped_and_counted() -> None:
    chunker = new_chunker()
    over = Step(limits.MAX_STEP_NUMBER + 1, "thought", T0, content="late")
    out: list[Envelope] = [*chunker.add([*steps(1, first=limits.MAX_STEP_NUMBER), over], now=T0)]
    out += chunker.close("SUCCESS", SessionStats())
    assert (step_numbers(out), chunker.steps_dropped) == ([limits.MAX_STEP_NUMBER], 1)
    assert violations(out, now=T0) == []


def test_a_chunk_is_cut_before_its_json_would_exceed_the_byte_budget() -> None:
    # 10,000 three-byte characters: about 30 KB per step, so 200 such steps would exceed 5 MiB.
    chunker = new_chunker()
    out: list[Envelope] = [*chunker.add(steps(200, content="€" * 20_000), now=T0)]
    out += chunker.close("SUCCESS", SessionStats())
    sizes = [len(jsjson.stringify(signed_json(c)).encode()) for c in chunks_of(out)]
    assert len(sizes) > 1
    assert max(sizes) <= MAX_CHUNK_BYTES + 4096
    assert step_numbers(out) == list(range(1, 201))
    assert violations(out, now=T0) == []


# --- caps -----------------------------------------------------------------------------------------------


def test_a_50000_character_observation_ends_at_10000_with_truncated_true() -> None:
    step = Step(1, "observation", T0, content="x" * 50_000, token_count=12_500, truncated=False)
    capped = cap_step(step, now=T0)
    assert (capped.content, capped.truncated) == ("x" * 10_000, True)
    assert cap_step(attrs.evolve(step, content="short"), now=T0).truncated is False


def test_token_counts_are_clamped() -> None:
    base = Step(1, "thought", T0, content="x")
    assert cap_step(attrs.evolve(base, token_count=250_000), now=T0).token_count == limits.MAX_TOKEN_COUNT
    assert cap_step(attrs.evolve(base, token_count=-3), now=T0).token_count == 0
    assert cap_step(attrs.evolve(base, token_count=math.nan), now=T0).token_count is None


def test_long_argument_strings_are_cut_and_marked() -> None:
    step = Step(1, "action", T0, tool="Write", arguments={"file_path": "a.py", "content": "y" * 20_000})
    capped = cap_step(step, now=T0)
    assert capped.arguments == {"file_path": "a.py", "content": "y" * 10_000}
    assert capped.truncated is True
    assert cap_step(attrs.evolve(step, arguments={"file_path": "a.py"}), now=T0).truncated is None


def test_arguments_share_one_budget_and_json_has_no_nan() -> None:
    arguments = {"f": math.inf, "edits": [{"old": "o" * 9_000, "new": "n" * 9_000} for _ in range(10)]}
    capped, cut = cap_arguments(arguments)
    text = jsjson.stringify(thaw_json(capped))
    assert cut
    assert len(text) < ARGUMENT_CHARS_BUDGET + 1_000
    assert capped["f"] is None
    assert cap_arguments({"a": [1, 2.5, None, True, {"b": "c"}]}) == (
        {"a": (1, 2.5, None, True, {"b": "c"})},
        False,
    )


def test_deep_arguments_are_cut_at_the_depth_limit() -> None:
    deep: Any = "bottom"
    for _ in range(100):
        deep = [deep]
    capped, cut = cap_arguments({"deep": deep})
    assert cut
    depth, node = 0, capped["deep"]
    while isinstance(node, tuple) and node:
        depth, node = depth + 1, node[0]
    assert depth < 40


def test_text_is_cut_in_utf16_units_as_javascript_counts() -> None:
    assert cut_text("😀" * 6_000, 10_000) == ("😀" * 5_000, True)
    assert utf16_length("a😀") == 3
    assert cut_text("abc", 3) == ("abc", False)


def test_short_string_fields_are_cut_to_their_limits() -> None:
    step = Step(
        1, "coordination", T0, content="c", coordination_id="i" * 300, direction="d" * 60,
        target_agent="t" * 150, protocol="p" * 60, source="s" * 60, tool="n" * 250,
    )  # fmt: skip
    capped = cap_step(step, now=T0)
    lengths = [len(getattr(capped, f)) for f in ("coordination_id", "direction", "target_agent", "protocol")]
    assert lengths == [200, 50, 100, 50]
    assert (len(capped.source or ""), len(capped.tool or "")) == (50, 200)


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        (T0 - 60, T0 - 60),
        (T0 - 5 * 86_400, T0 - 5 * 86_400),
        ((T0 - 60) * 1000, T0 - 60),
        (T0 - 8 * 86_400, T0),
        (T0 + 7200, T0),
        (0.0, T0),
        (math.inf, T0),
        (math.nan, T0),
    ],
)
def test_stream_timestamps_are_kept_only_inside_the_window(timestamp: float, expected: float) -> None:
    assert fit_timestamp(timestamp, now=T0) == expected


# --- identity, ids, JSON shape ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"contributor_id": "ABC"}, r"\$\.contributor_id: expected 32 lower-case hex characters"),
        ({"metadata": Metadata(provider="cursor", model_engine="m")}, r"\$\.metadata\.provider"),
        ({"metadata": Metadata(provider="codex", model_engine="m" * 101)}, r"\$\.metadata\.model_engine"),
        ({"session_id": "s" * 201}, r"\$\.session_id"),
    ],
)
def test_an_identity_the_schema_refuses_is_refused_at_once(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        new_chunker(**options)


def test_envelope_ids_come_from_the_factory_and_must_fit() -> None:
    chunker = new_chunker(new_envelope_id=lambda: "")
    with pytest.raises(ValueError, match=r"envelope ids must be 1\.\.200 characters"):
        chunker.add(steps(200), now=T0)
    assert chunker.buffered == 200  # the chunk that could not be named is still buffered: nothing lost


def test_json_keys_follow_the_javascript_client() -> None:
    chunker = new_chunker()
    out = [*chunker.add(steps(1), now=T0), *chunker.close("SUCCESS", SessionStats())]
    chunk, close = (envelope_json(env) for env in out)
    assert list(chunk) == [
        "envelope_id", "session_id", "chunk_sequence", "contributor_id", "attestation", "metadata",
        "trajectory_log",
    ]  # fmt: skip
    assert list(close) == ["envelope_id", "session_id", "type", "attestation", "outcome"]
    assert chunk["metadata"]["scrub_ruleset"] == "scrub-7"
    assert chunk["attestation"] == {"session_hmac": "", "sequence": 0, "app_version_hash": ""}
    assert close["type"] == "SESSION_CLOSE"


# --- the outcome --------------------------------------------------------------------------------------------


def test_the_outcome_takes_counts_from_the_steps_and_the_classifier() -> None:
    stats = SessionStats(steps=3, user_interventions=1, total_tokens=900, files_modified=2,
                         errors_encountered=2, errors_recovered=1, coordination_events=1)  # fmt: skip
    chunker = new_chunker()
    chunker.add(
        [Step(1, "thought", T0 + 10.4), Step(2, "action", T0), Step(3, "resolution", T0 + 130)], now=T0
    )
    close = closing(chunker.close("SUCCESS", stats))
    assert close.outcome == Outcome(
        "SUCCESS", 3, 1, user_interventions=1, total_tokens=900, duration_seconds=130, files_modified=2,
        errors_encountered=2, errors_recovered=1, coordination_events=1,
    )  # fmt: skip


def test_outcome_counts_are_capped_at_50000() -> None:
    stats = SessionStats(total_tokens=9_000_000, user_interventions=-1)
    outcome = build_outcome("SUCCESS", stats, total_steps=60_000, total_chunks=3, duration_seconds=86_400.0)
    assert (outcome.total_steps, outcome.total_tokens, outcome.duration_seconds) == (50_000, 50_000, 50_000)
    assert outcome.user_interventions == 0


# --- property: whatever happens, the server's schema accepts every envelope ---------------------------------


class Tick:
    """Test-only event: the capture actor's timer fired."""


TICK = Tick()
texts = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["a", "é", "😀", "\x00", '"', "\ud800"]), st.integers(0, 22_000)
    ),
)
leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts)
json_values = st.recursive(
    leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
stamps = st.one_of(st.none(), st.floats(), st.floats(T0 - 30 * 86_400, T0 + 86_400), st.just(T0 * 1000))
parsed_steps = st.builds(
    ParsedStep, type=st.sampled_from(sorted(PARSED_STEP_TYPES)), content=texts, token_count=st.integers(0, 10**7),
    tool=st.none() | st.text(max_size=250), truncated=st.booleans(), timestamp=stamps,
    arguments=st.none() | st.dictionaries(st.text(max_size=8), json_values, max_size=4),
)  # fmt: skip
user_messages = st.builds(UserMessage, text=texts, timestamp=stamps)
coordination = st.builds(
    CoordinationEvent, kind=st.sampled_from(["lock_request", "lock_grant", "qc_submission", "knock"]),
    coordination_id=st.text(max_size=250), direction=st.sampled_from(["outbound", "inbound"]),
    target_agent=st.text(max_size=150), content=texts, protocol=st.none() | st.text(max_size=60), timestamp=stamps,
)  # fmt: skip
events = st.lists(
    st.tuples(st.integers(0, 400), st.one_of(parsed_steps, user_messages, coordination, st.just(TICK))),
    max_size=50,
)


def drive(
    timeline: list[tuple[int, ClassifierEvent | Tick]], chunker: Chunker, end: AgentEnded
) -> tuple[list[Envelope], list[Step], float]:
    classifier = Classifier()
    now, out, fed = T0, list[Envelope](), list[Step]()
    for delay, event in timeline:
        now += delay
        if isinstance(event, Tick):
            out += chunker.tick(now=now)
            continue
        produced = classifier.feed(event, now=now)
        fed += produced
        out += chunker.add(produced, now=now)
    classifier.feed(end, now=now)
    out += chunker.close(close_status(end.reason), classifier.stats)
    return out, fed, now


@pytest.mark.slow
@settings(
    deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(
    timeline=events,
    end=st.sampled_from([AgentEnded("completed"), AgentEnded("crashed"), AgentEnded("killed")]),
    max_steps=st.integers(1, 200),
    max_bytes=st.sampled_from([MAX_CHUNK_BYTES, 60_000]),
)
def test_any_session_yields_envelopes_the_server_accepts(
    timeline: list[tuple[int, ClassifierEvent | Tick]], end: AgentEnded, max_steps: int, max_bytes: int
) -> None:
    out, fed, now = drive(timeline, new_chunker(max_steps=max_steps, max_bytes=max_bytes), end)
    assert violations(out, now=now) == []
    assert all(len(jsjson.stringify(signed_json(env)).encode()) <= limits.MAX_BODY_BYTES for env in out)
    numbers = step_numbers(out)
    assert all(a < b for a, b in itertools.pairwise(numbers))
    assert numbers == [s.step for s in fed]  # nothing lost, nothing added
    chunks = chunks_of(out)
    assert all(len(c.trajectory_log) <= max_steps for c in chunks)
    assert [c.chunk_sequence for c in chunks] == list(range(len(chunks)))
    assert [env.attestation.sequence for env in out] == list(range(len(out)))
    outcome = closing(out).outcome
    assert (outcome.total_steps, outcome.total_chunks) == (len(fed), len(chunks))


# --- the conformance corpus, parser -> classifier -> chunker ------------------------------------------------


def pipeline(
    relative: str, *, clock: Iterator[float] | None = None
) -> tuple[list[Envelope], list[ParsedStep]]:
    provider = relative.split("/")[0]
    parsed = parse_file_text(provider, agent_stream(relative).read_text(encoding="utf-8"))
    classifier = Classifier()
    chunker = new_chunker(metadata=Metadata(provider=provider, model_engine="from-the-stream"))
    out: list[Envelope] = []
    for item in parsed:
        now = next(clock) if clock is not None else T0
        out += chunker.add(classifier.feed(item, now=now), now=now)
    classifier.feed(AgentEnded("completed"), now=T0)
    return [*out, *chunker.close("SUCCESS", classifier.stats)], parsed


@pytest.mark.parametrize("relative", sorted(CORPUS))
def test_corpus_streams_become_valid_envelopes_with_every_step(relative: str) -> None:
    out, parsed = pipeline(relative)
    expected = CORPUS[relative]
    assert step_numbers(out) == list(range(1, len(parsed) + 1))
    assert len(chunks_of(out)) == math.ceil(len(parsed) / 200)
    outcome = closing(out).outcome
    assert (outcome.total_steps, outcome.errors_encountered, outcome.errors_recovered) == (
        expected.steps, expected.errors, expected.recovered,
    )  # fmt: skip
    assert (outcome.user_interventions, outcome.files_modified) == (expected.corrections, expected.files)
    # Stream times more than 6 days from the read time (T0 here) give way to it: all valid at read time.
    assert violations(out, now=T0) == []


def test_a_transcript_replayed_at_its_own_pace_is_chunked_by_time_and_loses_nothing() -> None:
    relative = "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl"
    parsed = parse_file_text("claude-code", agent_stream(relative).read_text(encoding="utf-8"))
    times = [s.timestamp for s in parsed if s.timestamp is not None]
    assert len(times) == len(parsed)
    out, _ = pipeline(relative, clock=iter(times))
    chunks = chunks_of(out)
    assert len(chunks) > 1  # the 644 s session spans several 5-minute windows
    assert step_numbers(out) == list(range(1, len(parsed) + 1))
    assert [s.timestamp for c in chunks for s in c.trajectory_log] == times  # stream time kept
    assert closing(out).outcome.duration_seconds == round(max(times) - min(times))
    assert violations(out, now=max(times)) == []


def test_step_json_bytes_counts_the_signed_text() -> None:
    step = Step(1, "thought", T0, content="héllo")
    signed_text = '{"step":1,"type":"thought","timestamp":1760000000,"content":"héllo"}'
    assert step_json_bytes(step) == len(signed_text.encode())
