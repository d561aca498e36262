"""Scoring under the policy: multipliers, caps and arcs, all derived from the steps."""

from __future__ import annotations

import pytest

from groove_actors.protocol.models import Step
from groove_actors.protocol.policy import load_policy
from groove_actors.server.scoring import recovery_arc_steps, score_session, trust_delta

POLICY = load_policy()


def steps(*types: str) -> list[Step]:
    return [Step(step=i, type=t, timestamp=1_800_000_000.0 + i) for i, t in enumerate(types)]


def test_plain_steps_score_one_point_times_the_model() -> None:
    plain = steps("thought", "action", "observation")
    assert score_session(plain, model="o3", task_complexity=None, quality=0, policy=POLICY).points == 15
    assert score_session(plain, model="unknown-x", task_complexity=None, quality=0, policy=POLICY).points == 3


def test_correction_bonus_is_capped_at_thirty_percent_of_steps() -> None:
    mix = steps(*["thought"] * 7, *["correction"] * 3)
    score = score_session(mix, model="unknown", task_complexity=None, quality=0, policy=POLICY)
    assert score.breakdown["correction_steps_bonused"] == 3
    assert score.points == 7 + 3 * 10
    padded = steps(*["thought"] * 2, *["correction"] * 8)
    capped = score_session(padded, model="unknown", task_complexity=None, quality=0, policy=POLICY)
    assert capped.breakdown["correction_steps_bonused"] == 3
    assert capped.points == 2 + 3 * 10 + 5


def test_coordination_bonus_is_capped_at_twenty_percent() -> None:
    mix = steps(*["thought"] * 5, *["coordination"] * 5)
    score = score_session(mix, model="unknown", task_complexity=None, quality=0, policy=POLICY)
    assert score.breakdown["coordination_steps_bonused"] == 2
    assert score.points == 5 + 2 * 5 + 3


def test_error_recovery_arc_triples_its_error_and_resolution() -> None:
    arc = steps("error", "action", "error", "resolution", "error")
    assert recovery_arc_steps(arc) == frozenset({2, 3})
    score = score_session(arc, model="unknown", task_complexity=None, quality=0, policy=POLICY)
    assert score.points == 3 + 2 * 3


def test_heavy_tasks_double_the_base_and_quality_multiplies_the_total() -> None:
    plain = steps("thought", "action")
    heavy = score_session(plain, model="o3", task_complexity="heavy", quality=0, policy=POLICY)
    assert heavy.points == 10 + 2
    good = score_session(plain, model="o3", task_complexity="heavy", quality=80, policy=POLICY)
    assert good.points == pytest.approx(12 * 1.5)
    assert good.breakdown["quality_multiplier"] == 1.5


def test_only_the_first_5000_steps_count() -> None:
    many = steps(*["thought"] * 5003)
    score = score_session(many, model="unknown", task_complexity=None, quality=0, policy=POLICY)
    assert score.points == 5000
    assert score.breakdown["ignored_steps"] == 3
    assert score.policy_version == POLICY.version


def test_trust_moves_with_quality() -> None:
    assert trust_delta(100) > 0 > trust_delta(0)
