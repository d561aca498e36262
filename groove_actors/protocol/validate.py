"""Schema validation of parsed envelopes: every violation, with its path (PROTOCOL.md section 2).

The checks run over the parsed JSON once, at the edge, before anything is structured into attrs values.
A 200-step chunk is checked in a single pass of plain comparisons (no per-step object construction), so
validation costs a fraction of parsing; see bench/RESULTS.md. Time is a parameter: the caller passes `now`.

Decision (a departure from STYLE R8, which asks for validation by cattrs at the edge): the rules are written
here by hand, over the parsed JSON, and cattrs (convert.py) only structures values that passed them, off the
ingest path. Why: ingest never needs the structured values (it stores the bytes it received), and structuring a
chunk with cattrs, even with `detailed_validation` and before any of the protocol's rules (ranges, lengths,
patterns, timestamps against `now`) is checked, costs about three times this whole module's pass over a 200-step
chunk (measured on this project's bench envelopes: about 970 µs against 330 µs). The rules also need what cattrs
does not give: JavaScript's number semantics, a JSONPath for every violation, and limits that a scoring policy
extends. R8's other points hold: one converter in protocol/, raw objects do not pass the edge unchecked, and
a value is never validated twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeGuard

import attrs

from groove_actors.protocol import limits

_HEX32: Final = re.compile(r"[0-9a-f]{32}")
_HEX64: Final = re.compile(r"[0-9a-f]{64}")
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")  # after JSON parsing, a pair is one character
_PROVIDER: Final = re.compile(r"[a-z0-9][a-z0-9._-]*", re.IGNORECASE)
_NOT_EMPTY: Final = re.compile(r".+", re.DOTALL)

# A check takes a JSON value and answers None (fine) or what is wrong with it.
Check = Callable[[Any], "str | None"]


@attrs.frozen
class Violation:
    """One broken rule: where (a JSONPath such as `$.trajectory_log[3].timestamp`) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_integer(value: Any) -> bool:
    """JavaScript's Number.isInteger for a parsed JSON value (booleans are not numbers)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


# Integers beyond what a double holds: JavaScript reads them as Infinity, and Python cannot divide them.
_MAX_NUMBER: Final = 2**1023


def is_number(value: Any) -> TypeGuard[float]:
    """A finite-or-infinite JSON number a JavaScript client could have sent (NaN and huge ints are not)."""
    if isinstance(value, float):
        return value == value  # not NaN
    return isinstance(value, int) and not isinstance(value, bool) and -_MAX_NUMBER < value < _MAX_NUMBER


def is_well_formed(text: str) -> bool:
    """True unless `text` holds a lone UTF-16 surrogate (JSON.stringify writes those as `\\udXXX` escapes).

    Such text cannot be encoded as UTF-8, so it may travel in step content (kept byte-exact in the stored
    envelope) but never in an identifier that reaches the catalog, a log line or a stats answer.
    """
    return text.isascii() or _LONE_SURROGATE.search(text) is None


def string(
    *,
    max_len: int | None = None,
    pattern: re.Pattern[str] | None = None,
    what: str = "",
    any_text: bool = False,
) -> Check:
    """A string check; unless `any_text`, the string must also be well-formed text (`is_well_formed`)."""

    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"expected a string, got {_type_name(value)}"
        if max_len is not None and len(value) > max_len:
            return f"at most {max_len} characters allowed, got {len(value)}"
        if pattern is not None and not pattern.fullmatch(value):
            return f"expected {what}"
        if not any_text and not is_well_formed(value):
            return "expected well-formed text, got a lone UTF-16 surrogate"
        return None

    return check


def one_of(choices: frozenset[str]) -> Check:
    listed = ", ".join(sorted(choices))

    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in choices:  # a list or object is unhashable: test the type first
            return None
        return f"expected one of {listed}, got {_describe(value)}"

    return check


def integer(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if not is_integer(value):
            return f"expected an integer, got {_describe(value)}"
        if not low <= value <= high:
            return f"expected an integer in {low}..{high}, got {_describe(value)}"
        return None

    return check


def number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        if not is_number(value):
            return f"expected a number, got {_describe(value)}"
        if not low <= value <= high:
            return f"expected a number in {low:g}..{high:g}, got {_describe(value)}"
        return None

    return check


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {_describe(value)}"


def json_object(value: Any) -> str | None:
    return None if isinstance(value, dict) else f"expected an object, got {_type_name(value)}"


def or_null(check: Check) -> Check:
    """The check, with null accepted too (fields later clients send as null when they have no value)."""

    def nullable(value: Any) -> str | None:
        return None if value is None else check(value)

    return nullable


def utf16_text(max_units: int) -> Check:
    """Any text (lone surrogates included) of at most `max_units` UTF-16 code units, as JavaScript counts."""

    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"expected a string, got {_type_name(value)}"
        if len(value) > max_units // 2:  # up to half the limit no string can exceed it, however encoded
            units = len(value.encode("utf-16-le", "surrogatepass")) // 2
            if units > max_units:
                return f"at most {max_units} characters (UTF-16 code units) allowed, got {units}"
        return None

    return check


def count(value: Any) -> str | None:
    """A non-negative integer of any size a JavaScript number holds."""
    if not is_integer(value) or not 0 <= value < _MAX_NUMBER:
        return f"expected a non-negative integer, got {_describe(value)}"
    return None


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, dict | list):
        return _type_name(value)
    if value is None or isinstance(value, bool):
        return _type_name(value)
    if isinstance(value, int) and not -_MAX_NUMBER < value < _MAX_NUMBER:
        return f"an integer of {len(str(abs(value)))} digits"
    return repr(value)


# Violations reported for one body: a body of a million bad steps must not cost a million messages.
MAX_VIOLATIONS: Final = 100

# (key, check, required). Unknown keys are kept, never rejected (PROTOCOL.md "Steps").
Fields = tuple[tuple[str, Check, bool], ...]

ATTESTATION_FIELDS: Final[Fields] = (
    ("session_hmac", string(pattern=_HEX64, what="64 lower-case hex characters"), True),
    ("sequence", integer(0, limits.MAX_SEQUENCE), True),
    ("app_version_hash", string(pattern=_HEX64, what="64 lower-case hex characters"), True),
)
check_provider: Final = string(
    max_len=limits.MAX_PROVIDER_CHARS,
    pattern=_PROVIDER,
    what="a provider name (letters, digits, '.', '_', '-')",
)
METADATA_FIELDS: Final[Fields] = (
    # Any provider name (chat sessions of 0.27.120-0.27.196 carry e.g. "ollama") and any model ("auto"
    # included); unknown ones score at 1x (the original rejected them and lost whole sessions).
    ("provider", check_provider, True),
    ("model_engine", string(max_len=limits.MAX_MODEL_ENGINE_CHARS), True),
    ("agent_role", string(max_len=limits.MAX_AGENT_ROLE_CHARS), False),
    ("agent_id", string(max_len=limits.MAX_AGENT_ID_CHARS), False),
    ("team_size", integer(limits.MIN_TEAM_SIZE, limits.MAX_TEAM_SIZE), False),
    ("task_complexity", one_of(limits.TASK_COMPLEXITIES), False),
    ("groove_version", string(max_len=limits.MAX_GROOVE_VERSION_CHARS), False),
    # Later clients' routing and tagging data (0.27.103+): kept as sent, checked only for being objects.
    ("leaf_context", or_null(json_object), False),
    ("domain_tags", or_null(json_object), False),
    ("session_embedding", or_null(json_object), False),
    ("routing", or_null(json_object), False),
    # Context rotation (an optional extension, docs/PROTOCOL.md 6.1): the session this one continues.
    (
        "predecessor_session_id",
        or_null(
            string(max_len=limits.MAX_SESSION_ID_CHARS, pattern=_NOT_EMPTY, what="a session id (not empty)")
        ),
        False,
    ),
)
check_session_id: Final = string(max_len=limits.MAX_SESSION_ID_CHARS)
_ENVELOPE_ID: Final = ("envelope_id", string(max_len=200), True)
_SESSION_ID: Final = ("session_id", check_session_id, True)
CHUNK_FIELDS: Final[Fields] = (
    _ENVELOPE_ID,
    _SESSION_ID,
    ("chunk_sequence", integer(0, limits.MAX_SEQUENCE), True),
    ("contributor_id", string(pattern=_HEX32, what="32 lower-case hex characters"), True),
)
OUTCOME_FIELDS: Final[Fields] = (
    ("status", one_of(limits.CLOSE_STATUSES), True),
    *((name, integer(0, limits.MAX_OUTCOME_COUNT), True) for name in limits.OUTCOME_REQUIRED_COUNTS),
    *((name, integer(0, limits.MAX_OUTCOME_COUNT), False) for name in limits.OUTCOME_OPTIONAL_COUNTS),
    *((name, count, False) for name in limits.OUTCOME_UNBOUNDED_COUNTS),
    # Client claims (0.27.87+, 0.27.103+): checked against their enums, kept, never trusted for scoring.
    ("session_quality", or_null(number(-_MAX_NUMBER, _MAX_NUMBER)), False),
    ("quality_tier", or_null(one_of(limits.QUALITY_TIERS)), False),
    ("quality_tier_reason", or_null(string(max_len=limits.MAX_QUALITY_TIER_REASON_CHARS)), False),
    ("training_eligible", or_null(boolean), False),
    ("training_exclusion_reason", or_null(one_of(limits.TRAINING_EXCLUSION_REASONS)), False),
)
FEEDBACK_FIELDS: Final[Fields] = (
    ("signal", one_of(limits.FEEDBACK_SIGNALS), True),
    ("timestamp", number(-_MAX_NUMBER, _MAX_NUMBER), True),
    ("context", or_null(string(any_text=True)), False),
    ("target_step", or_null(integer(0, limits.MAX_SEQUENCE)), False),
    ("revision_rounds", or_null(count), False),
    ("delta_summary", or_null(string(any_text=True)), False),
)
STEP_NUMBER: Final[Fields] = (("step", integer(0, limits.MAX_STEP_NUMBER), True),)
# The step's `type` is checked between these two, against the step types in force (`step_types`).
STEP_FIELDS: Final[Fields] = (
    # Content may hold what JavaScript holds: a lone surrogate is kept as sent (PROTOCOL.md "Signature").
    # `edit` steps send null content for a hunk.
    ("content", or_null(utf16_text(limits.MAX_CONTENT_CHARS)), False),
    ("token_count", number(0, limits.MAX_TOKEN_COUNT), False),
    ("truncated", boolean, False),
    ("original_token_count", number(0, _MAX_NUMBER), False),  # uncapped by parsers (hazard H3)
    ("tool", string(max_len=200), False),
    ("arguments", json_object, False),
    ("coordination_id", string(max_len=200), False),
    ("direction", string(max_len=50), False),
    ("target_agent", string(max_len=100), False),
    ("protocol", string(max_len=50), False),
    ("source", string(max_len=50), False),
)


def check_fields(obj: Mapping[str, Any], fields: Fields, path: str, out: list[Violation]) -> None:
    """Append a Violation for each missing required key and each present key whose value fails."""
    for key, check, required in fields:
        if key in obj:
            problem = check(obj[key])
            if problem is not None:
                out.append(Violation(f"{path}.{key}", problem))
        elif required:
            out.append(Violation(f"{path}.{key}", "required"))


def check_member(
    obj: Mapping[str, Any], key: str, fields: Fields, out: list[Violation], *, required: bool = True
) -> None:
    value = obj.get(key)
    if value is None and key not in obj:
        if required:
            out.append(Violation(f"$.{key}", "required"))
        return
    if not isinstance(value, dict):
        out.append(Violation(f"$.{key}", f"expected an object, got {_type_name(value)}"))
        return
    check_fields(value, fields, f"$.{key}", out)


def check_timestamp(timestamp: float, *, now: float) -> str | None:
    """None when a step timestamp lies in [now - 7 days, now + 1 hour], else why not."""
    seconds = limits.timestamp_seconds(timestamp)
    if seconds < now - limits.TIMESTAMP_MAX_AGE_S:
        return f"more than 7 days old ({timestamp!r}; now is {now:.0f} seconds since the epoch)"
    if seconds > now + limits.TIMESTAMP_MAX_AHEAD_S:
        return f"more than 1 hour in the future ({timestamp!r}; now is {now:.0f} seconds since the epoch)"
    return None


_STEP_CHECKS: Final = {key: check for key, check, _ in STEP_FIELDS}
_FAST_KEYS: Final = frozenset({"step", "type", "timestamp"})


def step_is_plainly_valid(
    step: dict[str, Any], earliest: float, latest: float, step_types: frozenset[str] = limits.STEP_TYPES
) -> bool:
    """True only for a step the detailed checks would pass; False means "look closer", not "invalid".

    Inlines the three required fields (a 200-step envelope is checked in well under a millisecond);
    the optional ones go through their usual checks.
    """
    number, kind, timestamp = step.get("step"), step.get("type"), step.get("timestamp")
    if type(number) is not int or not 0 <= number <= limits.MAX_STEP_NUMBER:
        return False
    if type(kind) is not str or kind not in step_types:
        return False
    if type(timestamp) is not float and (
        type(timestamp) is not int or not -_MAX_NUMBER < timestamp < _MAX_NUMBER
    ):
        return False
    seconds = timestamp / 1000 if timestamp >= limits.MILLISECONDS_FROM else timestamp
    if not earliest <= seconds <= latest:
        return False
    for key, value in step.items():
        if key not in _FAST_KEYS:
            check = _STEP_CHECKS.get(key)
            if check is not None and check(value) is not None:
                return False
    return True


def check_steps(
    steps: Any, *, now: float, out: list[Violation], step_types: frozenset[str] = limits.STEP_TYPES
) -> None:
    if not isinstance(steps, list):
        out.append(Violation("$.trajectory_log", f"expected an array of steps, got {_type_name(steps)}"))
        return
    if len(steps) > limits.MAX_STEPS_PER_ENVELOPE:
        out.append(
            Violation(
                "$.trajectory_log",
                f"at most {limits.MAX_STEPS_PER_ENVELOPE} steps per envelope, got {len(steps)}",
            )
        )
    earliest = now - limits.TIMESTAMP_MAX_AGE_S
    latest = now + limits.TIMESTAMP_MAX_AHEAD_S
    for index, step in enumerate(steps[: limits.MAX_STEPS_PER_ENVELOPE]):
        if type(step) is dict and step_is_plainly_valid(step, earliest, latest, step_types):
            continue  # the common case; anything else gets the detailed checks and their messages
        if len(out) >= MAX_VIOLATIONS:
            return  # enough to act on; listing more would only cost memory
        path = f"$.trajectory_log[{index}]"
        if not isinstance(step, dict):
            out.append(Violation(path, f"expected a step object, got {_type_name(step)}"))
            continue
        check_fields(step, STEP_NUMBER, path, out)
        check_fields(step, (("type", one_of(step_types), True),), path, out)
        check_fields(step, STEP_FIELDS, path, out)
        timestamp = step.get("timestamp")
        if not is_number(timestamp):
            out.append(Violation(f"{path}.timestamp", f"expected a number, got {_describe(timestamp)}"))
            continue
        problem = check_timestamp(timestamp, now=now)
        if problem is not None:
            out.append(Violation(f"{path}.timestamp", problem))


def validate_chunk(
    obj: Mapping[str, Any], *, now: float, step_types: frozenset[str] = limits.STEP_TYPES
) -> tuple[Violation, ...]:
    """Every violation of a chunk envelope (the first MAX_VIOLATIONS); empty when it is valid.

    `step_types`: the step types in force (the scoring policy can add types newer clients send).
    """
    out: list[Violation] = []
    check_fields(obj, CHUNK_FIELDS, "$", out)
    check_member(obj, "attestation", ATTESTATION_FIELDS, out)
    check_member(obj, "metadata", METADATA_FIELDS, out)
    check_steps(obj.get("trajectory_log"), now=now, out=out, step_types=step_types)
    return _capped(out)


def _capped(out: list[Violation]) -> tuple[Violation, ...]:
    if len(out) <= MAX_VIOLATIONS:
        return tuple(out)
    return (*out[: MAX_VIOLATIONS - 1], Violation("$", "more violations follow; fix these first"))


def validate_close(obj: Mapping[str, Any]) -> tuple[Violation, ...]:
    """Every violation of a SESSION_CLOSE envelope; empty when it is valid."""
    out: list[Violation] = []
    check_fields(obj, (_ENVELOPE_ID, _SESSION_ID), "$", out)
    check_member(obj, "attestation", ATTESTATION_FIELDS, out)
    check_member(obj, "outcome", OUTCOME_FIELDS, out)
    if "metadata" in obj:
        check_member(obj, "metadata", METADATA_FIELDS, out)
    return tuple(out)


def validate_feedback(obj: Mapping[str, Any]) -> tuple[Violation, ...]:
    """Every violation of a USER_FEEDBACK envelope (0.27.103+); `envelope_id` is optional there."""
    out: list[Violation] = []
    check_fields(obj, (_SESSION_ID, ("envelope_id", string(max_len=200), False)), "$", out)
    check_member(obj, "attestation", ATTESTATION_FIELDS, out)
    check_member(obj, "feedback", FEEDBACK_FIELDS, out)
    return tuple(out)


def validate_envelope(
    obj: Mapping[str, Any], *, now: float, step_types: frozenset[str] = limits.STEP_TYPES
) -> tuple[Violation, ...]:
    """Dispatch on `type`: chunks, SESSION_CLOSE and USER_FEEDBACK envelopes have different schemas."""
    kind = obj.get("type")
    if kind == limits.SESSION_CLOSE:
        return validate_close(obj)
    if kind == limits.USER_FEEDBACK:
        return validate_feedback(obj)
    if kind is not None:
        expected = f"{limits.SESSION_CLOSE!r}, {limits.USER_FEEDBACK!r} or no type"
        return (Violation("$.type", f"expected {expected}, got {_describe(kind)}"),)
    return validate_chunk(obj, now=now, step_types=step_types)


def validate_session_open(obj: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the required /v1/sessions/open fields that are missing or not non-empty strings."""
    return tuple(
        name for name in limits.SESSION_OPEN_FIELDS if not (isinstance(obj.get(name), str) and obj[name])
    )


# Every field of an open is stored and shown in stats: bounded, and well-formed text.
SESSION_OPEN_CHECKS: Final[Fields] = (
    _SESSION_ID,
    ("public_key", string(max_len=200), True),
    ("provider", check_provider, True),
    ("model", string(max_len=limits.MAX_MODEL_ENGINE_CHARS), True),
    ("machine_fingerprint", string(max_len=limits.MAX_FINGERPRINT_CHARS), True),
    ("app_version_hash", string(max_len=limits.MAX_APP_VERSION_HASH_CHARS), True),
    ("groove_version", string(max_len=limits.MAX_GROOVE_VERSION_CHARS), True),
)  # fmt: skip


def check_session_open(obj: Mapping[str, Any]) -> tuple[Violation, ...]:
    """Every violation of an open request whose required fields are all present."""
    out: list[Violation] = []
    check_fields(obj, SESSION_OPEN_CHECKS, "$", out)
    return tuple(out)
