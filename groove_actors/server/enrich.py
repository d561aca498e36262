"""Enrichment of a stitched trajectory: deterministic and offline by default (ARCHITECTURE "Enrichment").

A `TrajectoryJudge` turns a stitched session into an Enrichment. `RuleJudge` is the offline default; a judge
backed by a language model can implement the same protocol later and be swapped in by the supervisor. The model
fingerprint is the rules' (server/fingerprint.py: what the session shows about its model against the claim); such
a judge adds its own check as one more signal (`Fingerprint.with_signal`), which keeps the verdict rule one.

Cognitive target of a step (first rule that applies):
  coordination step -> coordinative; correction -> corrective; an error, and every step after it up to and
  including the resolution that ends it -> corrective; thought or resolution -> strategic; an action with a
  reading or searching tool (Read, Grep, Glob, LS, WebFetch, WebSearch, or a shell command that only lists,
  reads or searches) and its observation -> syntactic; anything else (edits, builds, tests) -> semantic.
Latency profile (seconds, from step timestamps): think time = gap before each action; tool latency = gap from
  an action to the observation or error that follows it; idle gaps = gaps over 60 s between consecutive steps.
Quality 0-100, the sum of: 20 if the session has at least 10 steps (10 if at least 3); 20 if it used tools and
  got their results (an observation per action, scaled); 20 if it ends in a resolution; 15 if every error was
  followed by a later resolution (recovery), or there were no errors; 15 for content (share of steps with
  non-empty content or arguments); 10 for tool diversity (2 points per distinct tool, up to 5).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Final, Protocol

import attrs

from groove_actors.protocol import limits
from groove_actors.protocol.models import Step
from groove_actors.server import fingerprint
from groove_actors.server.fingerprint import Fingerprint
from groove_actors.server.scoring import CORRECTIVE_TYPES, HANDOFF_TYPES
from groove_actors.server.stitch import StitchedSession

READING_TOOLS: Final = frozenset(
    {"read", "grep", "glob", "ls", "webfetch", "websearch", "read_file", "search"}
)
READING_COMMANDS: Final = (
    "ls",
    "cat",
    "head",
    "tail",
    "grep",
    "rg",
    "find",
    "git status",
    "git log",
    "git diff",
)
IDLE_GAP_S: Final = 60.0


@attrs.frozen
class LatencyProfile:
    think_time_mean_s: float
    tool_latency_mean_s: float
    idle_gaps: int
    idle_time_s: float


@attrs.frozen
class Enrichment:
    cognitive_targets: tuple[str, ...]
    latency: LatencyProfile
    quality: float
    quality_criteria: Mapping[str, float]
    model_fingerprint: Fingerprint
    judge: str


class TrajectoryJudge(Protocol):
    @property
    def name(self) -> str: ...

    def assess(self, session: StitchedSession) -> Enrichment: ...


@attrs.frozen
class RuleJudge:
    name: str = "rules-v1"

    def assess(self, session: StitchedSession) -> Enrichment:
        criteria = quality_criteria(session.steps)
        return Enrichment(
            cognitive_targets=cognitive_targets(session.steps),
            latency=latency_profile(session.steps),
            quality=round(sum(criteria.values()), 1),
            quality_criteria=criteria,
            model_fingerprint=model_fingerprint(session),
            judge=self.name,
        )


def model_fingerprint(session: StitchedSession) -> Fingerprint:
    """The rules' fingerprint of a stitched session, under the packaged fingerprint rules."""
    return fingerprint.assess(
        session.steps,
        provider=session.provider,
        model=session.model,
        chunk_models=session.chunk_models,
        opened_as=session.opened_model,
    )


def _is_reading(step: Step) -> bool:
    tool = (step.tool or "").lower()
    if tool in READING_TOOLS:
        return True
    command = step.arguments.get("command") if step.arguments else None
    return (
        tool in {"bash", "shell", "exec"}
        and isinstance(command, str)
        and command.startswith(READING_COMMANDS)
    )


def cognitive_targets(steps: Sequence[Step]) -> tuple[str, ...]:
    targets: list[str] = []
    recovering = False
    last_action_reading = False
    for step in steps:
        if step.type == "error":
            recovering = True
        if step.type in HANDOFF_TYPES:
            target = "coordinative"
        elif step.type in CORRECTIVE_TYPES or recovering:
            target = "corrective"
        elif step.type in ("thought", "resolution", "instruction", "approval"):
            target = "strategic"
        elif step.type in ("action", "edit"):
            last_action_reading = _is_reading(step)
            target = "syntactic" if last_action_reading else "semantic"
        else:
            target = "syntactic" if last_action_reading else "semantic"
        if step.type == "resolution":
            recovering = False
        targets.append(target)
    return tuple(targets)


def latency_profile(steps: Sequence[Step]) -> LatencyProfile:
    think: list[float] = []
    tool: list[float] = []
    idle: list[float] = []
    for before, after in itertools.pairwise(steps):
        gap = max(0.0, limits.timestamp_seconds(after.timestamp) - limits.timestamp_seconds(before.timestamp))
        if after.type == "action":
            think.append(gap)
        if before.type == "action" and after.type in ("observation", "error"):
            tool.append(gap)
        if gap > IDLE_GAP_S:
            idle.append(gap)
    return LatencyProfile(
        think_time_mean_s=_mean(think),
        tool_latency_mean_s=_mean(tool),
        idle_gaps=len(idle),
        idle_time_s=round(sum(idle), 3),
    )


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


def quality_criteria(steps: Sequence[Step]) -> dict[str, float]:
    n = len(steps)
    actions = sum(s.type == "action" for s in steps)
    results = sum(s.type in ("observation", "error") for s in steps)
    errors = [i for i, s in enumerate(steps) if s.type == "error"]
    resolutions = [i for i, s in enumerate(steps) if s.type == "resolution"]
    recovered = all(any(r > e for r in resolutions) for e in errors)
    with_content = sum(bool(s.content) or bool(s.arguments) for s in steps)
    tools = {s.tool for s in steps if s.tool}
    return {
        "length": 20.0 if n >= 10 else 10.0 if n >= 3 else 0.0,
        "tool_use": round(20.0 * min(1.0, results / actions), 1) if actions else 0.0,
        "resolution": 20.0 if steps and steps[-1].type == "resolution" else 0.0,
        "recovery": 15.0 if recovered else 0.0,
        "content": round(15.0 * with_content / n, 1) if n else 0.0,
        "tool_diversity": float(min(10, 2 * len(tools))),
    }
