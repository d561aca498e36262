"""Chunking: numbered wire steps in, unsigned chunk and SESSION_CLOSE envelopes out (PROTOCOL.md section 2).

Pure code: no I/O, no clock, no randomness. One `Chunker` serves one session; time and envelope ids are
passed in. Envelopes come out in sequence order with a placeholder attestation (`UNSIGNED_HMAC`, the right
`sequence`), to be signed later, in that order, when the network is there.

    chunker = Chunker(session_id=..., contributor_id=..., metadata=..., scrub_ruleset=RULESET_VERSION,
                      new_envelope_id=lambda: f"env_{uuid.uuid4()}")
    spool(chunker.add(steps, now=now))          # a chunk at 200 steps, or when the buffered one is 5 min old
    spool(chunker.tick(now=now))                # at `chunker.deadline`: the time rule without a new step
    spool(chunker.close("SUCCESS", classifier.stats))   # what is still buffered, then the SESSION_CLOSE

Every envelope passes `validate_envelope` once signed: each step is capped (`cap_step`) to the schema limits,
and a chunk also stays under `MAX_CHUNK_BYTES` of JSON, below the 5 MiB body limit. Step numbers above
50,000 cannot be sent; such steps are dropped and counted in `steps_dropped`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from client_actors.classify import SessionStats
from groove_actors.protocol import jsjson, limits
from groove_actors.protocol.convert import unstructure
from groove_actors.protocol.models import (
    Attestation,
    ChunkEnvelope,
    CloseEnvelope,
    CloseStatus,
    Envelope,
    JsonObject,
    Metadata,
    Outcome,
    Step,
)
from groove_actors.protocol.validate import validate_chunk

MAX_CHUNK_STEPS: Final = limits.CLIENT_STEPS_PER_CHUNK
MAX_CHUNK_AGE_S: Final = 300.0
# The server refuses bodies over 5 MiB (413); the rest of an envelope is well under the 1 MiB left over.
MAX_CHUNK_BYTES: Final = 4 * 1024 * 1024
MAX_ENVELOPE_ID_CHARS: Final = 200
# Each argument string is cut to the content limit; all of a step's arguments together (strings, keys and
# scalars by their printed length) get this many characters and this much nesting, so one step, escapes
# included, stays far below a chunk.
ARGUMENT_CHARS_BUDGET: Final = 50_000
ARGUMENT_MAX_DEPTH: Final = 32
# The server accepts timestamps from 7 days old to 1 hour ahead of its clock. A stream time outside this
# narrower window (a wrong clock, a replayed file) is replaced by the time the step was read; the margin
# leaves a day for the spool to deliver and half an hour of clock skew.
KEEP_TIMESTAMP_AGE_S: Final = 6 * 86_400
KEEP_TIMESTAMP_AHEAD_S: Final = 1_800
# Limits of a step's short string fields (validate.STEP_FIELDS).
_NAME_CHARS: Final = 200
_LABEL_CHARS: Final = 50
_AGENT_CHARS: Final = 100
UNSIGNED_HMAC: Final = ""
_PROBE_ATTESTATION: Final = {"session_hmac": "0" * 64, "sequence": 0, "app_version_hash": "0" * 64}


class ChunkerClosedError(Exception):
    """A step or tick arrived after `close`: the caller broke the chunker's contract."""


def utf16_length(text: str) -> int:
    """Return the length of `text` as JavaScript counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cut_text(text: str, limit: int) -> tuple[str, bool]:
    """Return the longest prefix of `text` within `limit` UTF-16 units, and whether anything was cut.

    UTF-16 units, because a JavaScript server counts `.length` that way; never more than `limit` code points.
    """
    if len(text) * 2 <= limit or utf16_length(text) <= limit:
        return text, False
    units = 0
    for index, char in enumerate(text):
        units += 2 if char > "\uffff" else 1
        if units > limit:
            return text[:index], True
    return text, False  # unreachable: the text is longer than the limit


@attrs.define
class _Budget:
    chars: int
    cut: bool = False

    def take(self, text: str) -> str:
        kept, cut = cut_text(text, max(0, min(limits.CLIENT_MAX_CONTENT_CHARS, self.chars)))
        self.chars -= max(1, len(kept))
        self.cut |= cut
        return kept


def _cap_json(value: object, budget: _Budget, depth: int) -> Any:
    if isinstance(value, str):
        return budget.take(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity; JSON.stringify writes null
    if value is None or isinstance(value, bool | int | float):
        budget.chars -= len(repr(value))  # about its length in JSON
        return value
    if depth >= ARGUMENT_MAX_DEPTH:
        budget.cut = True
        return None
    if isinstance(value, Mapping):
        return MappingProxyType(_cap_items(value.items(), budget, depth))
    if isinstance(value, list | tuple):
        return tuple(_cap_items(enumerate(value), budget, depth).values())
    return budget.take(str(value))


def _cap_items(items: Iterable[tuple[object, object]], budget: _Budget, depth: int) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, item in items:
        if budget.chars <= 0:
            budget.cut = True
            break
        name = budget.take(key) if isinstance(key, str) else key
        out[name] = _cap_json(item, budget, depth + 1)
    return out


def cap_arguments(arguments: JsonObject) -> tuple[JsonObject, bool]:
    """Return read-only tool arguments within the budgets above, and whether anything was cut.

    Strings longer than 10,000 characters are cut; NaN and infinities become None.
    """
    budget = _Budget(ARGUMENT_CHARS_BUDGET)
    capped = MappingProxyType(_cap_items(arguments.items(), budget, 0))
    return capped, budget.cut


def fit_timestamp(timestamp: float, *, now: float) -> float:
    """Return a step timestamp in seconds: the stream's when within the keep window around `now`, else `now`."""
    if not math.isfinite(timestamp):
        return now
    seconds = limits.timestamp_seconds(timestamp)
    return seconds if now - KEEP_TIMESTAMP_AGE_S <= seconds <= now + KEEP_TIMESTAMP_AHEAD_S else now


def _cap_tokens(count: float | None) -> float | None:
    if count is None or not math.isfinite(count):
        return None
    return min(max(count, 0), limits.MAX_TOKEN_COUNT)


def cap_step(step: Step, *, now: float) -> Step:
    """Return `step` within the schema's step limits; `truncated` becomes True when content or arguments were cut.

    Content is cut to 10,000 characters and short string fields to theirs, token_count clamped to 0..100,000
    (None if not finite), arguments capped (`cap_arguments`), the timestamp fitted (`fit_timestamp`).
    """
    content, content_cut = _cut_optional(step.content, limits.CLIENT_MAX_CONTENT_CHARS)
    arguments, arguments_cut = (None, False) if step.arguments is None else cap_arguments(step.arguments)
    return attrs.evolve(
        step,
        timestamp=fit_timestamp(step.timestamp, now=now),
        content=content,
        token_count=_cap_tokens(step.token_count),
        tool=_cut_optional(step.tool, _NAME_CHARS)[0],
        arguments=arguments,
        truncated=True if content_cut or arguments_cut else step.truncated,
        source=_cut_optional(step.source, _LABEL_CHARS)[0],
        coordination_id=_cut_optional(step.coordination_id, _NAME_CHARS)[0],
        direction=_cut_optional(step.direction, _LABEL_CHARS)[0],
        target_agent=_cut_optional(step.target_agent, _AGENT_CHARS)[0],
        protocol=_cut_optional(step.protocol, _LABEL_CHARS)[0],
    )


def _cut_optional(text: str | None, limit: int) -> tuple[str | None, bool]:
    return (None, False) if text is None else cut_text(text, limit)


def step_json_bytes(step: Step) -> int:
    """Return the size of `step` in the signed JSON text, in UTF-8 bytes."""
    return len(jsjson.stringify(unstructure(step)).encode("utf-8", "surrogatepass"))


def envelope_json(envelope: Envelope) -> dict[str, Any]:
    """Return the JSON object of an envelope, keys in the JavaScript client's order.

    Chunk: envelope_id, session_id, chunk_sequence, contributor_id, attestation, metadata, trajectory_log.
    SESSION_CLOSE: envelope_id, session_id, type, attestation, outcome. Absent optional fields are left out.
    """
    return unstructure(envelope)


def build_outcome(
    status: CloseStatus, stats: SessionStats, *, total_steps: int, total_chunks: int, duration_seconds: float
) -> Outcome:
    """Return the SESSION_CLOSE outcome; every count clamped to 0..50,000, the duration rounded."""

    def count(value: float) -> int:
        return min(max(round(value), 0), limits.MAX_OUTCOME_COUNT)

    return Outcome(
        status=status, total_steps=count(total_steps), total_chunks=count(total_chunks),
        user_interventions=count(stats.user_interventions), total_tokens=count(stats.total_tokens),
        duration_seconds=count(duration_seconds), files_modified=count(stats.files_modified),
        errors_encountered=count(stats.errors_encountered), errors_recovered=count(stats.errors_recovered),
        coordination_events=count(stats.coordination_events),
    )  # fmt: skip


def _unsigned(sequence: int) -> Attestation:
    return Attestation(session_hmac=UNSIGNED_HMAC, sequence=sequence, app_version_hash=UNSIGNED_HMAC)


@attrs.define(eq=False)
class Chunker:
    """Packs one session's steps into chunks and closes the session (see the module docstring).

    `new_envelope_id` returns a fresh envelope id (at most 200 characters) on each call; pass
    `iterator.__next__` to draw ids from an iterator. `scrub_ruleset` is written into the metadata.

    Raises:
        ValueError: on construction, when the session id, contributor id or metadata would fail the schema.
    """

    session_id: str
    contributor_id: str
    metadata: Metadata
    scrub_ruleset: str
    new_envelope_id: Callable[[], str]
    max_steps: int = attrs.field(default=MAX_CHUNK_STEPS, validator=attrs.validators.in_(range(1, 501)))
    max_age_s: float = MAX_CHUNK_AGE_S
    max_bytes: int = MAX_CHUNK_BYTES
    first_chunk: int = (
        0  # chunk_sequence of the first chunk: a session resumed after a crash goes on counting
    )
    steps_dropped: int = attrs.field(default=0, init=False)
    closed: bool = attrs.field(default=False, init=False)
    _buffer: list[Step] = attrs.field(factory=list, init=False)
    _buffer_bytes: int = attrs.field(default=0, init=False)
    _opened_at: float | None = attrs.field(default=None, init=False)
    _sequence: int = attrs.field(default=0, init=False)
    _last_number: int = attrs.field(default=-1, init=False)
    _steps_sent: int = attrs.field(default=0, init=False)
    _first_time: float = attrs.field(default=math.inf, init=False)
    _last_time: float = attrs.field(default=-math.inf, init=False)

    def __attrs_post_init__(self) -> None:
        self._sequence = self.first_chunk
        self.metadata = attrs.evolve(self.metadata, scrub_ruleset=self.scrub_ruleset)
        probe = envelope_json(self._chunk((), envelope_id="env_probe"))
        probe["attestation"] = _PROBE_ATTESTATION
        problems = [str(problem) for problem in validate_chunk(probe, now=0.0)]
        if self.metadata.provider not in limits.PROVIDERS:  # what this client parses, and older servers take
            problems.append(f"$.metadata.provider: expected one of {', '.join(sorted(limits.PROVIDERS))}")
        if problems:
            raise ValueError(f"chunker identity fails the schema: {'; '.join(problems)}")

    @property
    def deadline(self) -> float | None:
        """When the buffered steps are due as a chunk by age (call `tick` then); None when nothing is buffered."""
        return None if self._opened_at is None else self._opened_at + self.max_age_s

    @property
    def buffered(self) -> int:
        """How many steps wait for the next chunk."""
        return len(self._buffer)

    @property
    def buffered_steps(self) -> tuple[Step, ...]:
        """The steps waiting for the next chunk (what a crash now would lose but for the journal)."""
        return tuple(self._buffer)

    @property
    def chunks_made(self) -> int:
        return self._sequence

    def add(self, steps: Iterable[Step], *, now: float) -> list[ChunkEnvelope]:
        """Buffer `steps` (capped with `cap_step`) and return the chunks that became due, in order.

        A chunk is due when it holds `max_steps` steps, when the next step would take it over `max_bytes`,
        or when it is `max_age_s` old at `now` (its age counts from `now` at its first step): a due chunk is
        emitted before `steps` are buffered.

        Raises:
            ChunkerClosedError: after `close`.
            ValueError: a step number is not above the previous one (the classifier numbers 1, 2, 3...).
        """
        self._check_open()
        batch = [cap_step(step, now=now) for step in steps]
        self._check_numbers(batch)
        out = self.tick(now=now)
        for step in batch:
            out += self._add_one(step, now)
        return out

    def tick(self, *, now: float) -> list[ChunkEnvelope]:
        """Return the buffered steps as a chunk if it is due by age at `now`, else nothing."""
        self._check_open()
        deadline = self.deadline
        return [self._flush()] if deadline is not None and now >= deadline else []

    def close(self, status: CloseStatus, stats: SessionStats) -> list[Envelope]:
        """Return the still-buffered steps as a chunk (if any), then the SESSION_CLOSE envelope.

        The outcome counts steps and chunks sent and the span of their timestamps; the other counts come
        from the classifier's `stats`. Raises ChunkerClosedError when called twice.
        """
        self._check_open()
        out: list[Envelope] = [self._flush()] if self._buffer else []
        duration = self._last_time - self._first_time if self._steps_sent else 0.0
        outcome = build_outcome(
            status,
            stats,
            total_steps=self._steps_sent,
            total_chunks=self._sequence,
            duration_seconds=duration,
        )
        close = CloseEnvelope(
            envelope_id=self._envelope_id(),
            session_id=self.session_id,
            attestation=_unsigned(self._sequence),
            outcome=outcome,
        )
        self.closed = True
        return [*out, close]

    def _check_open(self) -> None:
        if self.closed:
            raise ChunkerClosedError(f"session {self.session_id} is closed: no more steps or ticks")

    def _check_numbers(self, batch: list[Step]) -> None:
        # Checked before anything is buffered, so a refused batch leaves the chunker as it was.
        previous = self._last_number
        for step in batch:
            if step.step <= previous:
                raise ValueError(f"step numbers must increase: got {step.step} after {previous}")
            previous = step.step

    def _add_one(self, step: Step, now: float) -> list[ChunkEnvelope]:
        self._last_number = step.step
        if step.step > limits.MAX_STEP_NUMBER:
            self.steps_dropped += 1
            return []
        size = step_json_bytes(step) + 1  # and its comma
        out = [self._flush()] if self._buffer and self._buffer_bytes + size > self.max_bytes else []
        if self._opened_at is None:
            self._opened_at = now
        self._buffer.append(step)
        self._buffer_bytes += size
        if len(self._buffer) >= self.max_steps:
            out.append(self._flush())
        return out

    def _flush(self) -> ChunkEnvelope:
        steps = tuple(self._buffer)
        chunk = self._chunk(steps, envelope_id=self._envelope_id())
        self._buffer.clear()
        self._buffer_bytes = 0
        self._opened_at = None
        self._steps_sent += len(steps)
        self._first_time = min(self._first_time, *(s.timestamp for s in steps))
        self._last_time = max(self._last_time, *(s.timestamp for s in steps))
        self._sequence += 1
        return chunk

    def _chunk(self, steps: tuple[Step, ...], *, envelope_id: str) -> ChunkEnvelope:
        return ChunkEnvelope(
            envelope_id=envelope_id,
            session_id=self.session_id,
            chunk_sequence=self._sequence,
            contributor_id=self.contributor_id,
            attestation=_unsigned(self._sequence),
            metadata=self.metadata,
            trajectory_log=steps,
        )

    def _envelope_id(self) -> str:
        envelope_id = self.new_envelope_id()
        if not isinstance(envelope_id, str) or not 0 < len(envelope_id) <= MAX_ENVELOPE_ID_CHARS:
            raise ValueError(
                f"envelope ids must be 1..{MAX_ENVELOPE_ID_CHARS} characters, got {envelope_id!r}"
            )
        return envelope_id
