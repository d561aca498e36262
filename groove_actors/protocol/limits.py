"""Schema limits of protocol version 1 (PROTOCOL.md section 2, "Schema limits")."""

from __future__ import annotations

from typing import Final

PROVIDERS: Final = frozenset({"claude-code", "codex", "gemini", "grok"})
STEP_TYPES: Final = frozenset(
    {"thought", "action", "observation", "correction", "resolution", "error", "coordination"}
)
TASK_COMPLEXITIES: Final = frozenset({"light", "medium", "heavy"})
CLOSE_STATUSES: Final = frozenset({"SUCCESS", "CRASH", "KILLED"})
SESSION_CLOSE: Final = "SESSION_CLOSE"

MAX_BODY_BYTES: Final = 5 * 1024 * 1024
MAX_SEQUENCE: Final = 1_000_000
MAX_STEPS_PER_ENVELOPE: Final = 500
CLIENT_STEPS_PER_CHUNK: Final = 200
MAX_STEP_NUMBER: Final = 50_000
MAX_CONTENT_CHARS: Final = 10_000
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
MAX_TEAM_SIZE: Final = 50

# Step timestamps: seconds since the epoch, or milliseconds when at least this large.
MILLISECONDS_FROM: Final = 1e12
TIMESTAMP_MAX_AGE_S: Final = 7 * 86_400
TIMESTAMP_MAX_AHEAD_S: Final = 3_600

OUTCOME_REQUIRED_COUNTS: Final = ("total_steps", "total_chunks")
OUTCOME_OPTIONAL_COUNTS: Final = (
    "user_interventions",
    "total_tokens",
    "duration_seconds",
    "files_modified",
    "errors_encountered",
    "errors_recovered",
    "coordination_events",
)

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
