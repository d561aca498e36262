"""The scoring policy: a versioned TOML file loaded into a frozen value (PROTOCOL.md section 5)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from groove_actors.errors import ConfigError
from groove_actors.protocol import limits

DEFAULT_POLICY_FILE = "scoring_policy.toml"


TIERS = ("A", "B", "C")  # best first


@attrs.frozen
class TierRules:
    """The `[tiers]` and `[eligibility]` settings: how the server tiers a trajectory and says whether it is fit
    for training (server/tiers.py). Absent from a policy file, these defaults hold."""

    a_min_quality: float = 70.0
    b_min_quality: float = 50.0
    min_tokens: int = 500
    min_duration_seconds: float = 10.0
    min_steps: int = 5
    conversational_roles: frozenset[str] = frozenset({"planner", "chat", "advisor"})
    min_steps_conversational: int = 2
    min_tier: str = "B"  # an eligible trajectory is of this tier or better


@attrs.frozen
class ScoringPolicy:
    version: str
    points_per_step: float
    max_counted_steps: int
    model_tiers: Mapping[str, float]
    default_model_multiplier: float
    correction_multiplier: float
    coordination_multiplier: float
    recovery_arc_multiplier: float
    correction_share_cap: float
    coordination_share_cap: float
    complexity_multipliers: Mapping[str, float]
    quality_threshold: float
    quality_multiplier: float
    # Step types taken besides the protocol's (limits.STEP_TYPES), for those a newer client sends: they score
    # base points. Refused envelopes of such types come in with `groove-central requeue`.
    extra_step_types: frozenset[str] = frozenset()
    tiers: TierRules = TierRules()

    @property
    def step_types(self) -> frozenset[str]:
        return limits.STEP_TYPES | self.extra_step_types

    def model_multiplier(self, model_engine: str) -> float:
        """The tier multiplier of a model; models the table does not know score the default (1x)."""
        return self.model_tiers.get(model_engine, self.default_model_multiplier)


def load_policy(path: Path | None = None) -> ScoringPolicy:
    """Read and check a policy file (the packaged default when `path` is None).

    Raises:
        ConfigError: naming every missing or ill-typed setting, so one edit fixes the file.
    """
    if path is None:
        text = resources.files("groove_actors.protocol").joinpath(DEFAULT_POLICY_FILE).read_text("utf-8")
        origin = DEFAULT_POLICY_FILE
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read scoring policy {path}: {exc.strerror}") from exc
        origin = str(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"scoring policy {origin} is not valid TOML: {exc}") from exc
    return policy_from_document(document, origin=origin)


def policy_from_document(document: Mapping[str, Any], *, origin: str) -> ScoringPolicy:
    reader = _Reader(document)
    policy = ScoringPolicy(
        version=reader.text("version"),
        points_per_step=reader.number("base.points_per_step"),
        max_counted_steps=int(reader.number("base.max_counted_steps", integral=True)),
        model_tiers=reader.table("models.tiers"),
        default_model_multiplier=reader.number("models.default"),
        correction_multiplier=reader.number("steps.correction"),
        coordination_multiplier=reader.number("steps.coordination"),
        recovery_arc_multiplier=reader.number("steps.recovery_arc"),
        correction_share_cap=reader.number("caps.correction_share", high=1.0),
        coordination_share_cap=reader.number("caps.coordination_share", high=1.0),
        complexity_multipliers=reader.table("complexity"),
        quality_threshold=reader.number("quality.threshold", high=100.0),
        quality_multiplier=reader.number("quality.multiplier"),
        extra_step_types=reader.names("steps.extra_types"),
        tiers=_tier_rules(reader),
    )
    if reader.problems:
        raise ConfigError(f"scoring policy {origin}: " + "; ".join(reader.problems))
    return policy


def _tier_rules(reader: _Reader) -> TierRules:
    """The tier and eligibility rules; each setting the file leaves out keeps its default."""
    d = TierRules()
    min_tier = reader.optional("eligibility.min_tier", d.min_tier)
    if min_tier not in TIERS:
        reader.problems.append(f"eligibility.min_tier must be one of A, B, C, got {min_tier!r}")
    return TierRules(
        a_min_quality=reader.number("tiers.a_min_quality", high=100.0, default=d.a_min_quality),
        b_min_quality=reader.number("tiers.b_min_quality", high=100.0, default=d.b_min_quality),
        min_tokens=int(reader.number("eligibility.min_tokens", integral=True, default=d.min_tokens)),
        min_duration_seconds=reader.number(
            "eligibility.min_duration_seconds", default=d.min_duration_seconds
        ),
        min_steps=int(reader.number("eligibility.min_steps", integral=True, default=d.min_steps)),
        conversational_roles=reader.names("eligibility.conversational_roles", default=d.conversational_roles),
        min_steps_conversational=int(
            reader.number(
                "eligibility.min_steps_conversational", integral=True, default=d.min_steps_conversational
            )
        ),
        min_tier=str(min_tier) if min_tier in TIERS else d.min_tier,
    )


@attrs.define
class _Reader:
    """Looks up dotted keys and collects every problem instead of stopping at the first."""

    document: Mapping[str, Any]
    problems: list[str] = attrs.Factory(list)

    def _get(self, dotted: str) -> Any:
        node: Any = self.document
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                self.problems.append(f"{dotted} is missing")
                return None
            node = node[part]
        return node

    def text(self, dotted: str) -> str:
        value = self._get(dotted)
        if value is not None and (not isinstance(value, str) or not value):
            self.problems.append(f"{dotted} must be a non-empty string")
        return value if isinstance(value, str) else ""

    def optional(self, dotted: str, default: Any) -> Any:
        """The value at `dotted`, or `default` when the file does not have it."""
        node: Any = self.document
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def number(
        self, dotted: str, *, integral: bool = False, high: float | None = None, default: float | None = None
    ) -> float:
        value = self._get(dotted) if default is None else self.optional(dotted, default)
        if value is None:
            return 0.0
        return self._checked_number(dotted, value, integral=integral, high=high)

    def _checked_number(
        self, dotted: str, value: Any, *, integral: bool = False, high: float | None = None
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.problems.append(f"{dotted} must be a non-negative number, got {value!r}")
            return 0.0
        if integral and not float(value).is_integer():
            self.problems.append(f"{dotted} must be a whole number, got {value!r}")
        if high is not None and value > high:
            self.problems.append(f"{dotted} must be at most {high:g}, got {value!r}")
        return float(value)

    def names(self, dotted: str, default: frozenset[str] = frozenset()) -> frozenset[str]:
        """An optional list of short names (absent: `default`)."""
        node: Any = self.document
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        if not isinstance(node, list) or not all(
            isinstance(name, str) and 0 < len(name) <= 50 and name.isascii() for name in node
        ):
            self.problems.append(f"{dotted} must be a list of names (1-50 ASCII characters each)")
            return frozenset()
        return frozenset(node)

    def table(self, dotted: str) -> Mapping[str, float]:
        value = self._get(dotted)
        if value is None:
            return MappingProxyType({})
        if not isinstance(value, Mapping):
            self.problems.append(f"{dotted} must be a table")
            return MappingProxyType({})
        return MappingProxyType({key: self._checked_number(f"{dotted}.{key}", v) for key, v in value.items()})
