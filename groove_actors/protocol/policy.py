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
    )
    if reader.problems:
        raise ConfigError(f"scoring policy {origin}: " + "; ".join(reader.problems))
    return policy


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

    def number(self, dotted: str, *, integral: bool = False, high: float | None = None) -> float:
        value = self._get(dotted)
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

    def names(self, dotted: str) -> frozenset[str]:
        """An optional list of short names (absent: none)."""
        node: Any = self.document
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return frozenset()
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
