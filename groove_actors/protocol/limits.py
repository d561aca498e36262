"""Schema limits of protocol version 1 as this server applies them (docs/PROTOCOL.md, "Schema").

They take what every original client in the field (0.27.78 - 0.27.216) sends. Where the capture client of this
project must stay within what the oldest original server accepts, a CLIENT_ constant says so.
"""

from __future__ import annotations

from typing import Final

# What the capture client parses (one parser each) and sends as metadata.provider, in the order its CLI lists them.
PROVIDERS: Final = ("claude-code", "codex", "gemini", "grok")
# 0.27.78's seven, `edit` (0.27.103), `instruction`, `clarification`, `approval` (0.27.108), `delegate`, `yield`
# (0.27.134).
STEP_TYPES: Final = frozenset(
    {"thought", "action", "observation", "correction", "resolution", "error", "coordination", "edit",
     "instruction", "clarification", "approval", "delegate", "yield"}
)  # fmt: skip
TASK_COMPLEXITIES: Final = frozenset({"light", "medium", "heavy"})
SUCCESS_STATUS: Final = "SUCCESS"
# SHUTDOWN (daemon stop or opt-out) and STOPPED (agent-loop stop) end a session without success, like KILLED.
CLOSE_STATUSES: Final = frozenset({"SUCCESS", "CRASH", "KILLED", "SHUTDOWN", "STOPPED"})
SESSION_CLOSE: Final = "SESSION_CLOSE"
USER_FEEDBACK: Final = "USER_FEEDBACK"
FEEDBACK_SIGNALS: Final = frozenset({"accepted", "modified", "rejected", "iterated"})
QUALITY_TIERS: Final = frozenset({"TIER_A", "TIER_B", "TIER_C"})
TRAINING_EXCLUSION_REASONS: Final = frozenset(
    {"too_few_steps", "no_actions", "no_observations", "insufficient_tokens", "too_short"}
)
MAX_QUALITY_TIER_REASON_CHARS: Final = 200

# 0.27.180+ chunks reach about 20 MB (200 observations of 96,000 characters, arguments uncut).
MAX_BODY_BYTES: Final = 32 * 1024 * 1024
MAX_SEQUENCE: Final = 1_000_000
MAX_STEPS_PER_ENVELOPE: Final = 500
CLIENT_STEPS_PER_CHUNK: Final = 200
MAX_STEP_NUMBER: Final = 50_000
MAX_CONTENT_CHARS: Final = 100_000  # UTF-16 code units, as JavaScript counts a string's length
CLIENT_MAX_CONTENT_CHARS: Final = 10_000  # what this project's client sends: the 0.27.78 server's limit
MAX_TOKEN_COUNT: Final = 100_000
MAX_OUTCOME_COUNT: Final = 50_000
MAX_MODEL_ENGINE_CHARS: Final = 100
MAX_AGENT_ROLE_CHARS: Final = 50
MAX_AGENT_ID_CHARS: Final = 100
MAX_GROOVE_VERSION_CHARS: Final = 20
MAX_SESSION_ID_CHARS: Final = 200
MAX_PROVIDER_CHARS: Final = 50
MAX_FINGERPRINT_CHARS: Final = 200
MAX_APP_VERSION_HASH_CHARS: Final = 100  # 64 hex, or "unknown" from some 0.27.8x clients
MIN_TEAM_SIZE: Final = 1
MAX_TEAM_SIZE: Final = 1_000_000  # clients count agents daemon-wide; scoring clamps (SCORED_TEAM_SIZE)
SCORED_TEAM_SIZE: Final = 50

# Step timestamps: seconds since the epoch, or milliseconds when at least this large.
MILLISECONDS_FROM: Final = 1e12
TIMESTAMP_MAX_AGE_S: Final = 7 * 86_400
TIMESTAMP_MAX_AHEAD_S: Final = 3_600

OUTCOME_REQUIRED_COUNTS: Final = ("total_steps", "total_chunks")
OUTCOME_OPTIONAL_COUNTS: Final = (
    "user_interventions",
    "files_modified",
    "errors_encountered",
    "errors_recovered",
    "coordination_events",
)
# Advisory sizes of any magnitude: sums of token estimates pass 50,000 in ordinary sessions (hazard H4).
OUTCOME_UNBOUNDED_COUNTS: Final = ("total_tokens", "duration_seconds")

SESSION_OPEN_FIELDS: Final = (
    "session_id",
    "public_key",
    "provider",
    "model",
    "machine_fingerprint",
    "app_version_hash",
    "groove_version",
)


def timestamp_seconds(timestamp: float) -> float:
    """A step timestamp in seconds, whichever unit the client used."""
    return timestamp / 1000 if timestamp >= MILLISECONDS_FROM else timestamp


def known_model(model: str | None) -> str | None:
    """A model name as recorded: None for `auto`, which later clients send when no model was chosen."""
    return None if model is None or model.lower() == "auto" else model
