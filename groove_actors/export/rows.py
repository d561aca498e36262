"""One export row per credited trajectory record, and which records an export takes, purely (docs/EXPORT.md).

The input is one trajectory-log record as parsed JSON (server/pipeline.py `trajectory_json`): this module is
the edge between that document and the dataset's rows, which are JSON-shaped too (Parquet and JSONL take the
same dicts). Rows hold only what the record holds, which is the re-scrubbed trajectory: nothing here reads
the stored envelopes. A record the server re-scrubbed with other rules than today's (or not at all: records
credited before the re-scrub existed) is scrubbed again with today's on its way out, so nothing leaves scrubbed
by less than the current rule set.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from client_actors.scrub import RULESET_VERSION
from groove_actors.export.messages import to_messages
from groove_actors.protocol import limits
from groove_actors.protocol.convert import structure_steps
from groove_actors.protocol.models import Step
from groove_actors.protocol.policy import TIERS, TierRules
from groove_actors.server import fingerprint, rotation, tiers
from groove_actors.server.rescrub import rescrub_steps
from groove_actors.server.stitch import tools_of

# The rows' schema version (export/schema.py writes it in the Parquet metadata): a resumed export must match.
SCHEMA_VERSION: Final = 4  # 3: context-rotation chains (predecessor, successor, chain id and position)
# 4: the model fingerprint's verdict and evidence

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
    min_tier: str | None = None  # "A", "B" or "C": records of this tier or better

    def as_json(self) -> dict[str, Any]:
        """The filters as the watermark keeps them (a resumed export must use the same)."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "provider": self.provider,
            "model": self.model,
            "eligible_only": self.eligible_only,
            **(
                {"min_tier": self.min_tier} if self.min_tier else {}
            ),  # a watermark from before keeps matching
        }


def record_tiering(record: Mapping[str, Any], steps: Sequence[Step] | None = None) -> tiers.Tiering:
    """The server's tier and eligibility of a record: as the pipeline wrote it, or, for a record written
    before records kept one, derived now from the record under the packaged policy's rules."""
    held = record.get("quality_tier")
    if isinstance(held, Mapping):
        reasons = tuple(str(r) for r in held.get("exclusion_reasons") or ())
        return tiers.Tiering(str(held["tier"]), str(held["tier_reason"]), bool(held["eligible"]), reasons)
    if steps is None:
        steps = structure_steps(record.get("trajectory_log") or [])
    return tiers.assess(
        steps,
        status=str(record.get("status")),
        quality=_quality(record),
        agent_role=record.get("agent_role"),
        total_tokens=int(record.get("total_tokens") or 0),
        duration_seconds=float(record.get("duration_seconds") or 0.0),
        rules=TierRules(),
    )


def _quality(record: Mapping[str, Any]) -> float:
    return float(record.get("enrichment", {}).get("quality", record["credit"].get("quality", 0.0)))


def selects(filters: Filters, record: Mapping[str, Any]) -> bool:
    """True when the export takes `record` (a trajectory-log record) under `filters`."""
    day = dt.date.fromisoformat(record["credit"]["day"])
    return (
        (filters.since is None or day >= filters.since)
        and (filters.until is None or day <= filters.until)
        and (filters.provider is None or record.get("provider") == filters.provider)
        and (filters.model is None or record.get("model") == filters.model)
        and (
            not (filters.eligible_only or filters.min_tier) or _tier_selects(filters, record_tiering(record))
        )
    )


def _tier_selects(filters: Filters, tiering: tiers.Tiering) -> bool:
    if filters.eligible_only and not tiering.eligible:
        return False
    return filters.min_tier is None or TIERS.index(tiering.tier) <= TIERS.index(filters.min_tier)


def build_row(
    record: Mapping[str, Any],
    *,
    groove_version: str | None = None,
    links: Sequence[Mapping[str, Any]] = (),
    chains: rotation.Chains | None = None,
) -> dict[str, Any]:
    """The export row of one trajectory record; `groove_version` stands in for a record that names none
    (records written before it was kept: the session open's, from the catalog). `links` are the session's
    coordination links as the catalog holds them, which include partners credited after the record; `chains`
    the context-rotation chains the catalog's claims make (successors credited after the record included)."""
    credit = record["credit"]
    score = dict(record.get("score") or {})
    rescrub = record.get("rescrub") or {}
    steps = structure_steps(record.get("trajectory_log") or [])
    redactions = Counter({str(k): int(v) for k, v in (rescrub.get("redactions") or {}).items()})
    if rescrub.get("ruleset") != RULESET_VERSION:
        steps, found = rescrub_steps(steps)
        redactions.update(found.as_dict())
    tiering = record_tiering(record, steps)
    claim = record.get("client_quality_claim") or {}
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
        "quality_tier": tiering.tier,
        "tier_reason": tiering.tier_reason,
        "eligible": tiering.eligible,
        "exclusion_reason": tiering.exclusion_reasons[0] if tiering.exclusion_reasons else None,
        "exclusion_reasons": list(tiering.exclusion_reasons),
        "client_quality_tier": claim.get("quality_tier"),
        "client_training_eligible": claim.get("training_eligible"),
        "client_exclusion_reason": claim.get("training_exclusion_reason"),
        **fingerprint_columns(record, steps),
        "quality": _quality(record),
        "points": float(score.pop("points", credit["points"])),
        "base_points": float(score.pop("base_points", credit["base_points"])),
        "credited_points": float(credit["points"]),
        "score_breakdown": _json(score),
        "policy_version": record.get("policy_version") or credit.get("policy_version"),
        "scrub_ruleset": RULESET_VERSION,
        "client_scrub_ruleset": rescrub.get("client_ruleset"),
        "redactions": [{"kind": k, "count": v} for k, v in sorted(redactions.items())],
        "coordination_links": merge_links(record.get("coordination_links") or [], links),
        **chain_columns(record, chains),
        "gaps": [{"sequence": int(g["sequence"]), "why": str(g["why"])} for g in record.get("gaps") or []],
        "credited_at": dt.datetime.fromtimestamp(float(credit["created_at"]), dt.UTC),
        "credited_day": credit["day"],
        "step_count": len(steps),
        "total_tokens": int(record.get("total_tokens") or 0),
        "duration_seconds": float(record.get("duration_seconds") or 0.0),
        "tools_used": list(tools_of(steps)),
        "steps": step_rows(steps),
        "messages": to_messages(steps, agent_role=record.get("agent_role")),
    }


def fingerprint_columns(record: Mapping[str, Any], steps: Sequence[Step]) -> dict[str, Any]:
    """The model fingerprint's verdict and its evidence (JSON): as the server recorded it, or, for a record
    credited before the server fingerprinted (`"unverified"`), derived now from the record's steps and claim."""
    held = (record.get("enrichment") or {}).get("model_fingerprint")
    if not isinstance(held, Mapping):
        provider, model = str(record["provider"]), str(record["model"])
        held = fingerprint.assess(steps, provider=provider, model=model).as_json()
    evidence = {key: value for key, value in held.items() if key != "verdict"}
    return {"model_fingerprint": str(held["verdict"]), "model_fingerprint_evidence": _json(evidence)}


def chain_columns(record: Mapping[str, Any], chains: rotation.Chains | None) -> dict[str, Any]:
    """The session's place in its rotation chain, and why its own claim was dropped if it was."""
    place = chains.place(record["session_id"]) if chains else None
    dropped = chains.dropped.get(record["session_id"]) if chains else None
    return {
        "predecessor_session_id": place.predecessor if place else None,
        "successor_session_id": place.successor if place else None,
        "chain_id": place.chain_id if place else None,
        "chain_position": place.position if place else None,
        "rotation_dropped_reason": dropped[1] if dropped else None,
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
