"""Scoring a stitched, enriched session under the policy file (PROTOCOL.md section 5), purely.

points = sum over the first `max_counted_steps` steps of points_per_step x model multiplier x step multiplier
         + base x (complexity multiplier - 1)
then x quality multiplier when the server-derived quality reaches the threshold. A step's multiplier is the
correction multiplier for correction steps (on at most `correction_share` of the counted steps), the
coordination multiplier for coordination steps (at most `coordination_share`), the recovery multiplier for the
error and the resolution of each error-recovery arc, else 1. Every count comes from the stitched steps.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from groove_actors.protocol.models import Step
from groove_actors.protocol.policy import ScoringPolicy


@attrs.frozen
class Score:
    points: float
    base_points: float
    breakdown: Mapping[str, Any]
    policy_version: str


# How the step types of later clients (0.27.103+) score, deliberately: a person redirecting the agent is the
# data most worth having, so a `clarification` earns the correction bonus (under the same cap); a hand-off
# between agents (`delegate`, `yield`) earns the coordination bonus (under its cap). An `instruction` (the task
# as given), an `approval` and an `edit` (a file change, like an action) earn base points.
CORRECTIVE_TYPES = frozenset({"correction", "clarification"})
HANDOFF_TYPES = frozenset({"coordination", "delegate", "yield"})


def recovery_arc_steps(steps: Sequence[Step]) -> frozenset[int]:
    """Positions of each arc's error and resolution (an error, then a resolution before another error)."""
    marked: set[int] = set()
    last_error: int | None = None
    for index, step in enumerate(steps):
        if step.type == "error":
            last_error = index
        elif step.type == "resolution" and last_error is not None:
            marked.update((last_error, index))
            last_error = None
    return frozenset(marked)


def score_session(
    steps: Sequence[Step], *, model: str, task_complexity: str | None, quality: float, policy: ScoringPolicy
) -> Score:
    counted = steps[: policy.max_counted_steps]
    n = len(counted)
    model_multiplier = policy.model_multiplier(model)
    correction_room = math.floor(policy.correction_share_cap * n)
    coordination_room = math.floor(policy.coordination_share_cap * n)
    arcs = recovery_arc_steps(counted)
    corrections = coordinations = recoveries = 0
    step_points = 0.0
    for index, step in enumerate(counted):
        multiplier = 1.0
        if step.type in CORRECTIVE_TYPES and corrections < correction_room:
            corrections += 1
            multiplier = policy.correction_multiplier
        elif step.type in HANDOFF_TYPES and coordinations < coordination_room:
            coordinations += 1
            multiplier = policy.coordination_multiplier
        elif index in arcs:
            recoveries += 1
            multiplier = policy.recovery_arc_multiplier
        step_points += policy.points_per_step * model_multiplier * multiplier
    base = n * policy.points_per_step
    complexity_multiplier = policy.complexity_multipliers.get(task_complexity or "", 1.0)
    complexity_bonus = base * (complexity_multiplier - 1.0)
    subtotal = step_points + complexity_bonus
    quality_multiplier = policy.quality_multiplier if quality >= policy.quality_threshold else 1.0
    quality_bonus = subtotal * (quality_multiplier - 1.0)
    breakdown = {
        "counted_steps": n,
        "ignored_steps": len(steps) - n,
        "model_multiplier": model_multiplier,
        "correction_steps_bonused": corrections,
        "coordination_steps_bonused": coordinations,
        "recovery_arc_steps": recoveries,
        "step_points": round(step_points, 4),
        "complexity_multiplier": complexity_multiplier,
        "complexity_bonus": round(complexity_bonus, 4),
        "quality": quality,
        "quality_multiplier": quality_multiplier,
        "quality_bonus": round(quality_bonus, 4),
    }
    return Score(round(subtotal + quality_bonus, 4), base, breakdown, policy.version)


def trust_delta(quality: float) -> float:
    """How one credited session moves its contributor's trust score (0-10, starting at 1)."""
    return round((quality - 50.0) / 1000.0, 4)
