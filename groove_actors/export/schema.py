"""The export's one explicit Arrow schema: every shard has it, whatever its rows hold (docs/EXPORT.md).

Written out rather than inferred, so that a shard whose sessions happen to lack a member (no gaps, no tool
calls) still has every column with the same type, and shards load together as one dataset.
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

from groove_actors.export.rows import SCHEMA_VERSION

_STEP = pa.struct([
    ("step", pa.int64()),
    ("type", pa.string()),
    ("timestamp", pa.float64()),
    ("content", pa.string()),
    ("token_count", pa.float64()),
    ("tool", pa.string()),
    ("arguments", pa.string()),
    ("truncated", pa.bool_()),
    ("source", pa.string()),
    ("coordination_id", pa.string()),
    ("direction", pa.string()),
    ("target_agent", pa.string()),
    ("protocol", pa.string()),
    ("extra", pa.string()),
])  # fmt: skip

_TOOL_CALL = pa.struct([
    ("id", pa.string()),
    ("type", pa.string()),
    ("function", pa.struct([("name", pa.string()), ("arguments", pa.string())])),
])  # fmt: skip

_MESSAGE = pa.struct([
    ("role", pa.string()),
    ("content", pa.string()),
    ("tool_calls", pa.list_(_TOOL_CALL)),
    ("tool_call_id", pa.string()),
])  # fmt: skip

_LINK = pa.struct([
    ("coordination_id", pa.string()),
    ("step", pa.int64()),
    ("partner_session", pa.string()),
    ("partner_agent", pa.string()),
    ("partner_step", pa.int64()),
])  # fmt: skip

EXPORT_SCHEMA: Final = pa.schema(
    [
        ("session_id", pa.string()),
        ("revision", pa.int32()),
        ("contributor_id", pa.string()),
        ("provider", pa.string()),
        ("model", pa.string()),
        ("agent_id", pa.string()),
        ("agent_role", pa.string()),
        ("team_size", pa.int64()),
        ("groove_version", pa.string()),
        ("task_complexity", pa.string()),
        ("status", pa.string()),
        ("close_reason", pa.string()),
        ("quality_tier", pa.string()),
        ("tier_reason", pa.string()),
        ("eligible", pa.bool_()),
        ("exclusion_reason", pa.string()),
        ("exclusion_reasons", pa.list_(pa.string())),
        ("client_quality_tier", pa.string()),
        ("client_training_eligible", pa.bool_()),
        ("client_exclusion_reason", pa.string()),
        ("model_fingerprint", pa.string()),
        ("model_fingerprint_evidence", pa.string()),
        ("quality", pa.float64()),
        ("points", pa.float64()),
        ("base_points", pa.float64()),
        ("credited_points", pa.float64()),
        ("score_breakdown", pa.string()),
        ("policy_version", pa.string()),
        ("scrub_ruleset", pa.string()),
        ("client_scrub_ruleset", pa.string()),
        ("redactions", pa.list_(pa.struct([("kind", pa.string()), ("count", pa.int64())]))),
        ("coordination_links", pa.list_(_LINK)),
        ("predecessor_session_id", pa.string()),
        ("successor_session_id", pa.string()),
        ("chain_id", pa.string()),
        ("chain_position", pa.int32()),
        ("rotation_dropped_reason", pa.string()),
        ("gaps", pa.list_(pa.struct([("sequence", pa.int64()), ("why", pa.string())]))),
        ("credited_at", pa.timestamp("ms", tz="UTC")),
        ("credited_day", pa.string()),
        ("step_count", pa.int32()),
        ("total_tokens", pa.int64()),
        ("duration_seconds", pa.float64()),
        ("tools_used", pa.list_(pa.string())),
        ("steps", pa.list_(_STEP)),
        ("messages", pa.list_(_MESSAGE)),
    ],
    metadata={"groove.export.schema_version": str(SCHEMA_VERSION)},
)
