"""The scoring policy file: the packaged default loads, and every problem in a bad file is named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from groove_actors.errors import ConfigError
from groove_actors.protocol.policy import load_policy, policy_from_document


def test_default_policy_has_the_protocol_tiers() -> None:
    policy = load_policy()
    assert policy.version
    assert policy.model_multiplier("claude-opus-4-7") == 5.0
    assert policy.model_multiplier("gemini-2.5-flash") == 1.5
    assert policy.model_multiplier("a-model-nobody-listed") == 1.0
    assert policy.max_counted_steps == 5000
    assert (policy.correction_share_cap, policy.coordination_share_cap) == (0.30, 0.20)
    assert policy.complexity_multipliers == {"heavy": 2.0}


def test_policy_is_frozen() -> None:
    policy = load_policy()
    with pytest.raises(AttributeError):
        policy.version = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        policy.model_tiers["o3"] = 1.0  # type: ignore[index]


def test_a_copy_on_disk_loads_the_same(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "groove_actors" / "protocol" / "scoring_policy.toml"
    copy = tmp_path / "policy.toml"
    copy.write_text(source.read_text().replace('version = "', 'version = "custom-'))
    assert load_policy(copy).version.startswith("custom-")
    assert load_policy(copy).model_tiers == load_policy().model_tiers


def test_every_problem_is_reported() -> None:
    source = Path(__file__).resolve().parents[1] / "groove_actors" / "protocol" / "scoring_policy.toml"
    document = tomllib.loads(source.read_text())
    del document["version"]
    document["steps"]["correction"] = "ten"
    document["caps"]["correction_share"] = 3
    document["models"]["tiers"]["o3"] = -1
    with pytest.raises(ConfigError) as caught:
        policy_from_document(document, origin="test.toml")
    message = str(caught.value)
    for expected in ("version is missing", "steps.correction", "caps.correction_share", "models.tiers.o3"):
        assert expected in message


def test_unreadable_or_invalid_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_policy(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("version = ")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_policy(bad)
