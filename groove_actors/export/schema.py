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

# One line on each column, for the dataset card (export/card.py) that every export writes from this module:
# a column added above needs its line here (tests/test_export_card.py holds the two lists equal).
COLUMN_MEANINGS: Final = {
    "session_id": "the session",
    "revision": "0, or the number of a later credit of the same session (keep the highest)",
    "contributor_id": "the contributor's pseudonymous id (32 hex)",
    "provider": "the agent CLI: claude-code, codex, gemini or grok",
    "model": "the model the client claimed (first chunk's model_engine; auto resolved, else unknown)",
    "agent_id": "the agent's id in its team",
    "agent_role": "the agent's role (backend, planner, qc, ...)",
    "team_size": "agents the client's daemon counted",
    "groove_version": "the client's version",
    "task_complexity": "light, medium or heavy, as the client said",
    "status": "how the session ended: SUCCESS, CRASH, KILLED, SHUTDOWN, STOPPED",
    "close_reason": "how it was closed: envelope, idle, ...",
    "quality_tier": "the server's quality tier, A, B or C",
    "tier_reason": "why that tier",
    "eligible": "fit for training, by the server's rules",
    "exclusion_reason": "the first reason it is not fit, or null",
    "exclusion_reasons": "every reason it is not fit",
    "client_quality_tier": "the tier the client claimed (later clients)",
    "client_training_eligible": "the eligibility the client claimed",
    "client_exclusion_reason": "the exclusion reason the client claimed",
    "model_fingerprint": "does what the session shows of its model agree with the claim: consistent, "
    "inconsistent, unknown",
    "model_fingerprint_evidence": "the fingerprint's rule-set version, the claim and each signal (JSON)",
    "quality": "the server-derived quality, 0-100",
    "points": "the session's whole score",
    "base_points": "points before multipliers",
    "credited_points": "what this record's credit paid (a revision: the difference)",
    "score_breakdown": "the scoring breakdown: multipliers, bonuses, counted steps (JSON)",
    "policy_version": "the scoring policy's version",
    "scrub_ruleset": "the rule set the row's text was last scrubbed with (the exporting server's)",
    "client_scrub_ruleset": "the rule set the client said it scrubbed with",
    "redactions": "the server's redactions by kind (counts only)",
    "coordination_links": "the sessions sharing a coordination id with this one, step by step",
    "predecessor_session_id": "the session this one continues (context rotation)",
    "successor_session_id": "the session that continues this one",
    "chain_id": "the rotation chain's first session",
    "chain_position": "the place in the rotation chain, 0 for the first",
    "rotation_dropped_reason": "why this session's own rotation claim does not hold, or null",
    "gaps": "envelope sequences that hold no data (refused, or never received)",
    "credited_at": "when the credit was written",
    "credited_day": "its UTC day, YYYY-MM-DD",
    "step_count": "steps in the trajectory",
    "total_tokens": "the steps' token counts, summed",
    "duration_seconds": "first to last step",
    "tools_used": "the distinct tool names",
    "steps": "the typed steps, in order (docs/EXPORT.md)",
    "messages": "the conversation in the OpenAI chat format, for fine-tuning",
}
