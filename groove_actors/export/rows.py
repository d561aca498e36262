"""One export row per credited trajectory record, and which records an export takes, purely (docs/EXPORT.md).

The input is one trajectory-log record as parsed JSON (server/pipeline.py `trajectory_json`): this module is
the edge between that document and the dataset's rows, which are JSON-shaped too (Parquet and JSONL take the
same dicts). Rows hold only what the record holds, which is the re-scrubbed trajectory: nothing here reads
the stored envelopes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from groove_actors.export.messages import to_messages
from groove_actors.protocol import limits
from groove_actors.protocol.convert import structure_steps
from groove_actors.protocol.models import Step

# The members a step row has a column for; any other member of a step goes to its `extra` (JSON).
STEP_COLUMNS: Final = (
    "step", "type", "timestamp", "content", "token_count", "tool", "arguments", "truncated", "source",
    "coordination_id", "direction", "target_agent", "protocol", "extra",
)  # fmt: skip


@attrs.frozen
class Filters:
    """What an export takes: credited on a UTC day in [since, until], of a provider and model, eligible."""

    since: dt.date | None = None
    until: dt.date | None = None
    provider: str | None = None
    model: str | None = None
    eligible_only: bool = False

    def as_json(self) -> dict[str, Any]:
        """The filters as the watermark keeps them (a resumed export must use the same)."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "provider": self.provider,
            "model": self.model,
            "eligible_only": self.eligible_only,
        }


def exclusion_reason(record: Mapping[str, Any]) -> str | None:
    """Why a record is not fit for training, or None when it is.

    Provisional (docs/EXPORT.md): eligible means closed with SUCCESS and holding at least one step. The
    server-derived quality tiers of issue 14 will replace this rule.
    """
    if record.get("status") != limits.SUCCESS_STATUS:
        return "not_success"
    if not record.get("trajectory_log"):
        return "no_steps"
    return None


def selects(filters: Filters, record: Mapping[str, Any]) -> bool:
    """True when the export takes `record` (a trajectory-log record) under `filters`."""
    day = dt.date.fromisoformat(record["credit"]["day"])
    return (
        (filters.since is None or day >= filters.since)
        and (filters.until is None or day <= filters.until)
        and (filters.provider is None or record.get("provider") == filters.provider)
        and (filters.model is None or record.get("model") == filters.model)
        and (not filters.eligible_only or exclusion_reason(record) is None)
    )


def build_row(
    record: Mapping[str, Any],
    *,
    groove_version: str | None = None,
    links: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The export row of one trajectory record; `groove_version` stands in for a record that names none
    (records written before it was kept: the session open's, from the catalog). `links` are the session's
    coordination links as the catalog holds them, which include partners credited after the record."""
    credit = record["credit"]
    score = dict(record.get("score") or {})
    rescrub = record.get("rescrub") or {}
    steps = structure_steps(record.get("trajectory_log") or [])
    reason = exclusion_reason(record)
    return {
        "session_id": record["session_id"],
        "revision": int(credit.get("revision", 0)),
        "contributor_id": record["contributor_id"],
        "provider": record["provider"],
        "model": record["model"],
        "agent_id": record.get("agent_id"),
        "agent_role": record.get("agent_role"),
        "team_size": record.get("team_size"),
        "groove_version": record.get("groove_version") or groove_version,
        "task_complexity": record.get("task_complexity"),
        "status": record["status"],
        "close_reason": record.get("close_reason"),
        "eligible": reason is None,
        "exclusion_reason": reason,
        "quality": float(record.get("enrichment", {}).get("quality", credit.get("quality", 0.0))),
        "points": float(score.pop("points", credit["points"])),
        "base_points": float(score.pop("base_points", credit["base_points"])),
        "credited_points": float(credit["points"]),
        "score_breakdown": _json(score),
        "policy_version": record.get("policy_version") or credit.get("policy_version"),
        "scrub_ruleset": rescrub.get("ruleset"),
        "client_scrub_ruleset": rescrub.get("client_ruleset"),
        "redactions": [
            {"kind": k, "count": int(v)} for k, v in sorted((rescrub.get("redactions") or {}).items())
        ],
        "coordination_links": merge_links(record.get("coordination_links") or [], links),
        "gaps": [{"sequence": int(g["sequence"]), "why": str(g["why"])} for g in record.get("gaps") or []],
        "credited_at": dt.datetime.fromtimestamp(float(credit["created_at"]), dt.UTC),
        "credited_day": credit["day"],
        "step_count": len(steps),
        "total_tokens": int(record.get("total_tokens") or 0),
        "duration_seconds": float(record.get("duration_seconds") or 0.0),
        "tools_used": list(record.get("tools_used") or []),
        "steps": step_rows(steps),
        "messages": to_messages(steps, agent_role=record.get("agent_role")),
    }


def merge_links(*sources: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The links of all `sources`, each once, by own step then partner."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for source in sources:
        for link in source:
            key = (link["step"], link["partner_session"], link["partner_step"], link["coordination_id"])
            merged.setdefault(key, dict(link))
    return [merged[key] for key in sorted(merged)]


def step_rows(steps: Sequence[Step]) -> list[dict[str, Any]]:
    """The typed steps: a column per protocol member, timestamps in seconds, arguments and any other
    members (an edit's `file_path`, an observation's `is_error`, ...) as JSON strings."""
    return [
        {
            "step": s.step,
            "type": s.type,
            "timestamp": limits.timestamp_seconds(s.timestamp),
            "content": s.content,
            "token_count": s.token_count,
            "tool": s.tool,
            "arguments": None if s.arguments is None else _json(s.arguments),
            "truncated": s.truncated,
            "source": s.source,
            "coordination_id": s.coordination_id,
            "direction": s.direction,
            "target_agent": s.target_agent,
            "protocol": s.protocol,
            "extra": _json(s.extra) if s.extra else None,
        }
        for s in steps
    ]


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
