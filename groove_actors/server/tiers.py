"""Quality tier and training eligibility of a trajectory, derived by the server from the trajectory itself.

Later clients send their own tier and eligibility in SESSION_CLOSE (PROTOCOL-LATER-CLIENTS.md section 4.7);
those are claims, kept beside this verdict in the stitched record, never used in its place. The thresholds
are the scoring policy's `[tiers]` and `[eligibility]` (protocol/scoring_policy.toml), so a change of rules
is a new policy version. Pure: the pipeline and the export (for records written before the record kept a
tier) call the same function.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from groove_actors.protocol import limits
from groove_actors.protocol.models import Step
from groove_actors.protocol.policy import TIERS, TierRules


@attrs.frozen
class Tiering:
    tier: str  # "A", "B" or "C"
    tier_reason: str
    eligible: bool
    exclusion_reasons: tuple[str, ...]  # every rule that excludes it, in the order checked; empty if eligible

    def as_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "tier_reason": self.tier_reason,
            "eligible": self.eligible,
            "exclusion_reasons": list(self.exclusion_reasons),
        }


def unrecovered_errors(steps: Sequence[Step]) -> int:
    """Errors no later resolution answers: those after the last resolution."""
    last_resolution = max((i for i, s in enumerate(steps) if s.type == "resolution"), default=-1)
    return sum(1 for i, s in enumerate(steps) if s.type == "error" and i > last_resolution)


def tier_of(steps: Sequence[Step], *, status: str, quality: float, rules: TierRules) -> tuple[str, str]:
    """(tier, reason), first match wins: not SUCCESS -> C; quality >= A's threshold with every error
    recovered -> A; quality >= B's threshold -> B; else C."""
    if status != limits.SUCCESS_STATUS:
        return "C", "non_success_status"
    unrecovered = unrecovered_errors(steps)
    if quality >= rules.a_min_quality and not unrecovered:
        errors = any(s.type == "error" for s in steps)
        return "A", "high_quality_errors_recovered" if errors else "high_quality_no_errors"
    if quality >= rules.b_min_quality:
        return "B", "unrecovered_errors" if quality >= rules.a_min_quality else "moderate_quality"
    return "C", "low_quality"


def exclusion_reasons(
    steps: Sequence[Step],
    *,
    status: str,
    tier: str,
    agent_role: str | None,
    total_tokens: int,
    duration_seconds: float,
    rules: TierRules,
) -> tuple[str, ...]:
    """Every reason the trajectory is not fit for training, in a fixed order (empty: it is)."""
    if not steps:
        return ("no_steps",) if status == limits.SUCCESS_STATUS else ("not_success", "no_steps")
    reasons: list[str] = []
    if status != limits.SUCCESS_STATUS:
        reasons.append("not_success")
    if TIERS.index(tier) > TIERS.index(rules.min_tier):
        reasons.append("low_tier")
    if total_tokens < rules.min_tokens:
        reasons.append("insufficient_tokens")
    if duration_seconds < rules.min_duration_seconds:
        reasons.append("too_short")
    conversational = agent_role in rules.conversational_roles
    if len(steps) < (rules.min_steps_conversational if conversational else rules.min_steps):
        reasons.append("too_few_steps")
    if not conversational:
        if not any(s.type == "action" and s.tool for s in steps):
            reasons.append("no_actions")
        if not any(s.type == "observation" and s.content for s in steps):
            reasons.append("no_observations")
    return tuple(reasons)


def assess(
    steps: Sequence[Step],
    *,
    status: str,
    quality: float,
    agent_role: str | None,
    total_tokens: int,
    duration_seconds: float,
    rules: TierRules,
) -> Tiering:
    """The server's tier and eligibility of one trajectory."""
    tier, reason = tier_of(steps, status=status, quality=quality, rules=rules)
    reasons = exclusion_reasons(
        steps,
        status=status,
        tier=tier,
        agent_role=agent_role,
        total_tokens=total_tokens,
        duration_seconds=duration_seconds,
        rules=rules,
    )
    return Tiering(tier, reason, not reasons, reasons)


def client_claim(outcome: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What the client said of its own trajectory (later clients' SESSION_CLOSE outcome), or None."""
    if not outcome:
        return None
    claim = {
        "quality_tier": outcome.get("quality_tier"),
        "quality_tier_reason": outcome.get("quality_tier_reason"),
        "training_eligible": outcome.get("training_eligible"),
        "training_exclusion_reason": outcome.get("training_exclusion_reason"),
    }
    return claim if any(v is not None for v in claim.values()) else None
