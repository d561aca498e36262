"""The server's quality tiers and training eligibility: pure rules over the trajectory, thresholds from the policy."""

from __future__ import annotations

import json
import time
import tomllib
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pyarrow.dataset as ds
import pytest

from groove_actors.errors import ConfigError
from groove_actors.protocol.models import Step
from groove_actors.protocol.policy import TierRules, load_policy, policy_from_document
from groove_actors.server.tiers import assess, client_claim, tier_of, unrecovered_errors
from tests.support.client import open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import start_server
from tests.test_dashboard import token_file
from tests.test_export import credit, export, jsonl_rows, tool_steps

RULES = TierRules()


def steps(*kinds: str) -> tuple[Step, ...]:
    made = []
    for n, kind in enumerate(kinds, 1):
        members: dict[str, Any] = {"content": f"{kind} {n}"}
        if kind in ("action", "observation"):
            members["tool"] = "Bash"
        made.append(Step(step=n, type=kind, timestamp=1000.0 + n, **members))
    return tuple(made)


WORK = steps("instruction", "thought", "action", "observation", "edit", "observation", "resolution")


def test_a_success_of_high_quality_with_every_error_recovered_is_tier_a() -> None:
    assert tier_of(WORK, status="SUCCESS", quality=85, rules=RULES) == ("A", "high_quality_no_errors")
    recovered = steps("action", "error", "thought", "resolution")
    assert tier_of(recovered, status="SUCCESS", quality=70, rules=RULES) == (
        "A",
        "high_quality_errors_recovered",
    )


def test_an_unrecovered_error_or_middling_quality_is_tier_b_and_the_rest_c() -> None:
    unrecovered = steps("action", "resolution", "error")
    assert unrecovered_errors(unrecovered) == 1 and unrecovered_errors(WORK) == 0
    assert tier_of(unrecovered, status="SUCCESS", quality=90, rules=RULES) == ("B", "unrecovered_errors")
    assert tier_of(WORK, status="SUCCESS", quality=69.9, rules=RULES) == ("B", "moderate_quality")
    assert tier_of(WORK, status="SUCCESS", quality=49, rules=RULES) == ("C", "low_quality")
    assert tier_of(WORK, status="KILLED", quality=99, rules=RULES) == ("C", "non_success_status")


def test_eligibility_names_every_rule_that_excludes_a_trajectory() -> None:
    fit = assess(WORK, status="SUCCESS", quality=85, agent_role="backend", total_tokens=700, duration_seconds=30,
                 rules=RULES)  # fmt: skip
    assert (fit.tier, fit.eligible, fit.exclusion_reasons) == ("A", True, ())
    thin = assess(steps("thought", "resolution"), status="CRASH", quality=40, agent_role="backend",
                  total_tokens=20, duration_seconds=2, rules=RULES)  # fmt: skip
    assert thin.exclusion_reasons == (
        "not_success", "low_tier", "insufficient_tokens", "too_short", "too_few_steps", "no_actions",
        "no_observations",
    )  # fmt: skip
    empty = assess(
        (), status="SUCCESS", quality=0, agent_role=None, total_tokens=0, duration_seconds=0, rules=RULES
    )
    assert empty.exclusion_reasons == ("no_steps",) and not empty.eligible


def test_conversational_roles_need_fewer_steps_and_no_tool_calls() -> None:
    talk = steps("instruction", "thought", "resolution")
    for role, expected in (("planner", ()), ("backend", ("too_few_steps", "no_actions", "no_observations"))):
        verdict = assess(talk, status="SUCCESS", quality=80, agent_role=role, total_tokens=600,
                         duration_seconds=12, rules=RULES)  # fmt: skip
        assert verdict.exclusion_reasons == expected, role


def test_the_clients_claim_is_read_from_its_close_outcome() -> None:
    outcome = {"status": "SUCCESS", "quality_tier": "TIER_A", "training_eligible": False,
               "training_exclusion_reason": "too_short"}  # fmt: skip
    assert client_claim(outcome) == {"quality_tier": "TIER_A", "quality_tier_reason": None,
                                     "training_eligible": False, "training_exclusion_reason": "too_short"}  # fmt: skip
    assert client_claim({"status": "SUCCESS"}) is None and client_claim(None) is None


def test_the_policy_file_sets_the_thresholds_and_older_files_keep_the_defaults() -> None:
    assert load_policy().tiers == RULES
    text = resources.files("groove_actors.protocol").joinpath("scoring_policy.toml").read_text("utf-8")
    document = tomllib.loads(text)
    older = {k: v for k, v in document.items() if k not in ("tiers", "eligibility")}
    assert policy_from_document(older, origin="older").tiers == RULES
    stricter = document | {"tiers": {"a_min_quality": 90}, "eligibility": {"min_tier": "A", "min_steps": 3}}
    rules = policy_from_document(stricter, origin="stricter").tiers
    assert (rules.a_min_quality, rules.b_min_quality, rules.min_tier, rules.min_steps) == (90, 50, "A", 3)
    with pytest.raises(ConfigError, match=r"eligibility\.min_tier must be one of A, B, C"):
        policy_from_document(document | {"eligibility": {"min_tier": "D"}}, origin="bad")


def close_with_claim(session: ClientSession, status: str, **claim: Any) -> bytes:
    """A later client's SESSION_CLOSE: its outcome says what tier and eligibility the client claims."""
    outcome = {"status": status, "total_steps": session.step - 1, "total_chunks": session.chunk} | claim
    return session.sign({
        "envelope_id": f"env_{uuid.uuid4()}", "session_id": session.session_id, "type": "SESSION_CLOSE",
        "attestation": {"session_hmac": "", "sequence": 0, "app_version_hash": ""}, "outcome": outcome,
    })  # fmt: skip


@pytest.mark.slow
async def test_the_export_carries_the_servers_tiers_and_the_clients_claims_and_filters_by_tier(
    tmp_path: Path,
) -> None:
    data, start = tmp_path / "data", time.time() - 600
    work = tool_steps(start)  # ends in a resolution, with tools and their results: quality over 70
    token, token_path = token_file(tmp_path)
    async with (
        start_server(data, *NO_LIMITS, "--admin-token-file", str(token_path)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        sessions = {}
        for name, steps, status in (
            ("a", work, "SUCCESS"),
            ("b", work[:-1], "SUCCESS"),
            ("c", work, "KILLED"),
        ):
            session = sessions[name] = await open_session(http)
            claim = {"quality_tier": "TIER_A", "quality_tier_reason": "high_quality_no_errors",
                     "training_eligible": True, "training_exclusion_reason": None}  # fmt: skip
            await credit(
                server, http, session, session.chunk_of(steps), close_with_claim(session, status, **claim)
            )
        metrics = (await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text
        for labels in ('eligible="true",tier="A"', 'eligible="true",tier="B"', 'eligible="false",tier="C"'):
            assert f"groove_credits_by_tier_total{{{labels}}} 1" in metrics, metrics  # the dashboard's counts
        everything, tier_b = tmp_path / "all", tmp_path / "tier-b"
        assert (await export(data, everything, "--format", "jsonl"))[0] == 0
        code, said = await export(data, tier_b, "--min-tier", "B")
        assert code == 0, said
    rows = {r["session_id"]: r for r in jsonl_rows(everything)}
    verdicts = {
        name: (rows[s.session_id]["quality_tier"], rows[s.session_id]["eligible"],
               rows[s.session_id]["exclusion_reasons"])
        for name, s in sessions.items()
    }  # fmt: skip
    assert verdicts == {
        "a": ("A", True, []),
        "b": ("B", True, []),
        "c": ("C", False, ["not_success", "low_tier"]),
    }
    assert {r["client_quality_tier"] for r in rows.values()} == {"TIER_A"}  # the claim, beside the verdict
    assert rows[sessions["c"].session_id]["client_training_eligible"] is True
    shards = ds.dataset(tier_b / "data", format="parquet")
    kept = shards.to_table(columns=["session_id", "quality_tier"]).to_pylist()
    assert sorted(r["quality_tier"] for r in kept) == ["A", "B"]
    record = json.loads(sorted((data / "trajectories").iterdir())[0].read_text().splitlines()[0])
    assert (
        record["quality_tier"]["tier"] == "A" and record["client_quality_claim"]["quality_tier"] == "TIER_A"
    )
