"""The model fingerprint: what a session shows about its model, against the model its client claimed.

The pure cases read the real agent streams of ../shared/fixtures with the project's own parsers, and send each
step's stream-reported model as a client that passes it on does (a step's `model` member); Grok, whose streams
name no model, is built here. One test goes through the real server and reads the verdict in the record.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import trio

from client_actors.parsers import ParsedStep, parse_file_text
from groove_actors import watch
from groove_actors.protocol.models import Step
from groove_actors.server import dashboard, fingerprint
from groove_actors.server.fingerprint import Signal, normalize_model, vendor_of
from groove_actors.server.metrics import Metrics
from groove_actors.server.stats import StatsBook
from tests.conftest import AGENT_STREAMS
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import start_server
from tests.support.shared import needs
from tests.test_parsers_common import parse_fixture

NOW = 1_800_000_000.0
REPO = Path(__file__).resolve().parents[1]
CREDIT_DEADLINE_S = 30.0


def as_wire(parsed: list[ParsedStep], *, send_model: bool = True, spacing: float = 2.0) -> list[Step]:
    """Steps as a client sends them: numbered, stamped (the stream's time, else the time it was read)."""
    return [
        Step(
            step=i + 1,
            type=p.type,
            timestamp=p.timestamp if p.timestamp is not None else NOW + spacing * i,
            content=p.content,
            token_count=p.token_count,
            tool=p.tool,
            extra={"model": p.model} if send_model and p.model else {},
        )
        for i, p in enumerate(parsed)
    ]


def verdict(steps: list[Step], provider: str, model: str, **kwargs: Any) -> str:
    return fingerprint.assess(steps, provider=provider, model=model, **kwargs).verdict


STREAMS = [
    # provider, corpus file, the model its stream names (as a client would claim it), another model
    ("claude-code", "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl", "claude-sonnet-4-5",
     "claude-opus-4-6"),
    ("claude-code", "claude-code/stream-json/cc-2.1.3-bash-ls-reassembled.jsonl", "claude-opus-4.5",
     "claude-sonnet-4-6"),
    ("codex", "codex/rollout/codex-0.40-rollout-16-calls.jsonl", "gpt-5-codex", "gpt-5.5"),
    ("codex", "codex/exec-json-legacy/codex-legacy-missing-api-key-error.jsonl", "codex-mini-latest", "o3"),
    ("gemini", "gemini/session-json/gemini-0.11-session-981c87cb-13-tools.json", "gemini-2.5-pro",
     "gemini-3.1-pro-preview"),
    ("gemini", "gemini/stream-json/gemini-0.11-read-file.jsonl", "models/gemini-2.5-pro", "gemini-2.5-flash"),
]  # fmt: skip


@pytest.mark.parametrize(("provider", "name", "named", "other"), STREAMS)
def test_a_real_stream_agrees_with_its_own_model_and_not_with_another(
    provider: str, name: str, named: str, other: str
) -> None:
    parsed, _ = parse_fixture(provider, name)
    assert any(p.model for p in parsed)
    steps = as_wire(parsed)
    consistent = fingerprint.assess(steps, provider=provider, model=named)
    assert consistent.verdict == "consistent", consistent
    ids = consistent.signals[0]
    assert (ids.name, ids.said, ids.identifying) == ("model_ids", "agrees", True)
    assert sum(ids.seen["steps"].values()) == sum(1 for p in parsed if p.model)
    # Timing and token counts of a real stream never contradict it.
    assert all(s.said != "disagrees" for s in consistent.signals)

    inconsistent = fingerprint.assess(steps, provider=provider, model=other)
    assert inconsistent.verdict == "inconsistent"
    assert inconsistent.signals[0].said == "disagrees" and other in inconsistent.signals[0].detail
    # A client that does not pass the stream's model on shows nothing either way.
    assert verdict(as_wire(parsed, send_model=False), provider, other) == "unknown"


@pytest.mark.parametrize(
    ("provider", "name", "claimed"),
    [
        ("codex", "codex/exec-json/codex-0.46-stream-output-4.jsonl", "gpt-5.4"),  # `exec --json` names none
        ("claude-code", "claude-code/stream-json/cc-2.1.7-basic-query-no-tools.jsonl", "unknown"),
    ],
)
def test_a_stream_that_names_no_model_or_a_claim_that_names_none_is_unknown(
    provider: str, name: str, claimed: str
) -> None:
    parsed, _ = parse_fixture(provider, name)
    result = fingerprint.assess(as_wire(parsed), provider=provider, model=claimed)
    assert result.verdict == "unknown"
    assert result.signals[0].said == "silent"


def test_the_stream_reported_token_counts_of_a_gemini_session_fit_its_text() -> None:
    parsed, _ = parse_fixture("gemini", "gemini/session-json/gemini-0.11-session-981c87cb-13-tools.json")
    tokens = fingerprint.token_signal(as_wire(parsed))
    assert tokens.said in ("agrees", "silent") and tokens.seen["counted_steps"] > 0


# Grok: the corpus has no sample, and its CLI's streams name no model (client_actors/parsers/grok.py).
GROK_LINES = "\n".join(
    json.dumps(line)
    for line in [
        {"role": "user", "content": "Which files are here?"},
        {"role": "assistant", "content": "I'll list them.", "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "bash", "arguments": '{"command": "ls"}'}}]},
        {"role": "tool", "content": "a.txt", "tool_call_id": "c1"},
        {"role": "assistant", "content": "There is one file, a.txt."},
    ]
)  # fmt: skip


def test_grok_names_no_model_so_only_a_client_that_names_one_can_be_checked() -> None:
    parsed = parse_file_text("grok", GROK_LINES)
    assert parsed and not any(p.model for p in parsed)
    assert verdict(as_wire(parsed), "grok", "grok-code-fast-1") == "unknown"
    named = [ParsedStep(p.type, p.content, p.token_count, p.tool, model="grok-code-fast-1") for p in parsed]
    assert verdict(as_wire(named), "grok", "grok-code-fast-1") == "consistent"
    assert verdict(as_wire(named), "grok", "grok-4") == "inconsistent"
    # The claim itself: a Grok session claiming an Anthropic model, with nothing from the stream.
    result = fingerprint.assess(as_wire(parsed), provider="grok", model="claude-opus-4-6")
    assert result.verdict == "inconsistent"
    assert [(s.name, s.said) for s in result.signals[:2]] == [
        ("model_ids", "silent"),
        ("provider", "disagrees"),
    ]


def test_a_cli_behind_a_proxy_is_judged_by_what_its_stream_names() -> None:
    steps = [Step(step=1, type="thought", timestamp=NOW, content="hi", extra={"model": "gpt-5.4"})]
    result = fingerprint.assess(steps, provider="claude-code", model="gpt-5.4")
    assert result.verdict == "consistent"
    assert result.signals[1].said == "silent" and "proxy" in result.signals[1].detail


def test_chunks_that_name_another_model_than_the_claim_disagree() -> None:
    steps = [Step(step=1, type="thought", timestamp=NOW, content="hi")]
    switched = ("claude-opus-4-6", "claude-sonnet-4-6")  # e.g. a fallback mid-session
    result = fingerprint.assess(steps, provider="claude-code", model="claude-opus-4-6", chunk_models=switched)
    assert result.verdict == "inconsistent" and result.signals[0].seen["chunks"] == list(switched)
    one = fingerprint.assess(
        steps, provider="claude-code", model="claude-opus-4-6", chunk_models=switched[:1]
    )
    assert one.verdict == "unknown"  # the first chunk's model is the claim itself, not evidence
    resolved = ("auto", "claude-opus-4-6")  # a client that resolved `auto` from the stream
    assert verdict(steps, "claude-code", "claude-opus-4-6", chunk_models=resolved) == "consistent"
    assert verdict(steps, "claude-code", "claude-sonnet-4-6", chunk_models=resolved) == "inconsistent"
    placeholders = [attrs.evolve(steps[0], extra={"model": m}) for m in ("<synthetic>", "auto", " ")]
    assert verdict(placeholders, "claude-code", "claude-opus-4-6") == "unknown"
    assert fingerprint.assess(steps, provider="codex", model="o3", opened_as="auto").opened_as is None


def timed(n: int, *, gap: float, tokens: int, chars: int | None = None) -> list[Step]:
    text = "x" * (chars if chars is not None else tokens * 4)
    return [
        Step(step=i + 1, type="thought" if i % 2 else "resolution", timestamp=NOW + gap * i, content=text,
             token_count=tokens)
        for i in range(n)
    ]  # fmt: skip


def test_steps_written_faster_than_a_model_writes_are_inconsistent() -> None:
    assert fingerprint.latency_signal(timed(8, gap=2.0, tokens=100)).said == "agrees"
    fast = fingerprint.latency_signal(timed(8, gap=0.2, tokens=2000))
    assert fast.said == "disagrees" and fast.seen["median_tokens_per_s"] == 10000.0
    assert verdict(timed(8, gap=0.2, tokens=2000), "codex", "gpt-5.4") == "inconsistent"
    # Lines read together (an import of a stream without times) are no timing at all.
    assert fingerprint.latency_signal(timed(8, gap=0.001, tokens=2000)).said == "silent"
    assert fingerprint.latency_signal(timed(4, gap=0.2, tokens=2000)).said == "silent"  # too few


def test_reported_token_counts_that_cannot_be_this_texts_are_inconsistent() -> None:
    estimated = timed(8, gap=2.0, tokens=100, chars=400)  # length/4: the client's estimate
    assert fingerprint.token_signal(estimated).said == "silent"
    reported = timed(8, gap=2.0, tokens=100, chars=350)
    assert fingerprint.token_signal(reported).said == "agrees"
    inflated = timed(8, gap=20.0, tokens=1000, chars=300)
    signal = fingerprint.token_signal(inflated)
    assert (signal.said, signal.seen["chars_per_token"]) == ("disagrees", 0.3)
    assert verdict(inflated, "gemini", "gemini-2.5-pro") == "inconsistent"


def test_model_ids_are_compared_in_one_spelling() -> None:
    assert normalize_model("claude-sonnet-4-5-20250929") == normalize_model("claude-sonnet-4.5")
    assert normalize_model("models/gemini-2.5-pro") == "gemini-2-5-pro"
    assert normalize_model("us.anthropic.claude-opus-4-1-20250805-v1:0") == "claude-opus-4-1"
    assert normalize_model("claude-opus-4@20250514") == "claude-opus-4"
    assert normalize_model("codex-mini-latest") == "codex-mini"
    assert normalize_model("gpt-5.4") != normalize_model("gpt-5.4-mini")
    assert [vendor_of(m) for m in ("o3", "o4-mini", "gpt-5.5", "gemma-3", "grok-4", "glm-4.6", "opus")] == [
        "openai", "openai", "openai", "google", "xai", None, None,
    ]  # fmt: skip


def test_a_judges_signal_joins_the_evidence_under_the_same_rule() -> None:
    steps = [Step(step=1, type="thought", timestamp=NOW, content="hi")]
    base = fingerprint.assess(steps, provider="codex", model="gpt-5.4")
    assert base.verdict == "unknown" and base.policy_version == fingerprint.RULES.version
    judged = base.with_signal(Signal("judge", "agrees", "writes like gpt-5.4", identifying=True))
    assert judged.verdict == "consistent" and len(judged.signals) == len(base.signals) + 1
    assert base.with_signal(Signal("judge", "disagrees", "does not")).verdict == "inconsistent"
    record = judged.as_json()
    assert record["signals"][-1] == {
        "name": "judge", "said": "agrees", "detail": "writes like gpt-5.4", "identifying": True, "seen": {},
    }  # fmt: skip
    json.dumps(record)  # the record keeps it as JSON


# Through the real server: the verdict and its evidence are in the trajectory record.


def trajectory_records(data: Path) -> dict[str, dict[str, Any]]:
    lines = [
        line for p in sorted((data / "trajectories").glob("*.jsonl")) for line in p.read_text().splitlines()
    ]
    return {record["session_id"]: record for record in map(json.loads, lines)}


def model_steps(model: str, start: float) -> list[dict[str, Any]]:
    kinds = ("thought", "action", "observation", "thought", "action", "observation", "resolution")
    return [
        {"step": i + 1, "type": kind, "timestamp": round(start + 3 * i, 3), "content": f"{kind} {i}",
         "token_count": 3, "model": model, **({"tool": "Bash"} if kind == "action" else {})}
        for i, kind in enumerate(kinds)
    ]  # fmt: skip


def test_the_dashboard_and_watch_count_verdicts() -> None:
    metrics = Metrics()
    for verdict in ("consistent", "unknown", "unknown"):
        metrics.count("groove_model_fingerprints_total", verdict=verdict)
    counts = dashboard.fingerprints(metrics)
    assert counts == [
        {"verdict": "consistent", "sessions": 1},
        {"verdict": "inconsistent", "sessions": 0},
        {"verdict": "unknown", "sessions": 2},
    ]
    view = dashboard.snapshot(StatsBook(), metrics, verifiers=1, recent_credits=[], today=dt.date(2027, 1, 15),
                              uptime_s=1.0)  # fmt: skip
    assert view["model_fingerprints"] == counts
    assert "model fingerprints since start: consistent 1, inconsistent 0, unknown 2" in watch.render(view)
    assert "model fingerprints" not in watch.render(view | {"model_fingerprints": []})


@pytest.mark.slow
async def test_the_server_records_each_sessions_verdict_and_evidence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    start = time.time() - 600
    token = secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(token)
    running = start_server(data, *NO_LIMITS, "--admin-token-file", str(token_file))
    async with running as server, httpx.AsyncClient(base_url=server.url) as http:

        async def credit(session: ClientSession, *bodies: bytes) -> None:
            for body in bodies:
                assert (await ingest(http, body)).status_code == 200
            with trio.fail_after(CREDIT_DEADLINE_S):
                await server.log.wait_for_session("session.stitched", session.session_id)

        honest = await open_session(http, provider="gemini", model="gemini-2.5-pro")
        chunk = honest.chunk_of(
            model_steps("gemini-2.5-pro", start), provider="gemini", model_engine="gemini-2.5-pro"
        )
        await credit(honest, chunk, honest.close_body())
        claims_more = await open_session(http)  # claude-code, claude-opus-4-6: 5x
        chunk = claims_more.chunk_of(model_steps("claude-haiku-4-5-20251001", start))
        await credit(claims_more, chunk, claims_more.close_body())
        silent = await open_session(http, provider="codex", model="gpt-5.4")
        first = silent.chunk_of(model_steps("", start)[:3], provider="codex", model_engine="gpt-5.4")
        await credit(silent, first, silent.close_body())
        exposition = (await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text
        for verdict in ("consistent", "inconsistent", "unknown"):
            assert f'groove_model_fingerprints_total{{verdict="{verdict}"}} 1.0' in exposition

    records = trajectory_records(data)
    seen = {sid: records[sid]["enrichment"]["model_fingerprint"] for sid in records}
    assert seen[honest.session_id]["verdict"] == "consistent"
    assert seen[honest.session_id]["policy_version"] == fingerprint.RULES.version
    assert (seen[honest.session_id]["provider"], seen[honest.session_id]["model"]) == (
        "gemini",
        "gemini-2.5-pro",
    )
    assert seen[honest.session_id]["signals"][0]["seen"]["steps"] == {"gemini-2.5-pro": 7}
    assert seen[claims_more.session_id]["verdict"] == "inconsistent"
    assert "claude-haiku-4-5-20251001" in seen[claims_more.session_id]["signals"][0]["detail"]
    assert seen[claims_more.session_id]["opened_as"] == "claude-opus-4-6"
    assert seen[silent.session_id]["verdict"] == "unknown"


@pytest.mark.slow
@needs(AGENT_STREAMS)
async def test_a_real_stream_captured_by_the_client_is_consistent_on_the_server(tmp_path: Path) -> None:
    """The capture client puts the model its stream names on each model-written step: a real transcript
    imported through `groove-capture` to the real server gets a `consistent` verdict, not `unknown`."""
    name = "claude-code/transcript/cc-2.0.27-transcript-27-tools-1-error.jsonl"
    home, data = tmp_path / "home", tmp_path / "data"
    env = {**os.environ, "GROOVE_HOME": str(home), "PYTHONPATH": str(REPO)}
    consent = [sys.executable, "-m", "client_actors.cli", "consent", "on"]
    assert (await trio.run_process(consent, env=env, capture_stdout=True, check=False)).returncode == 0
    async with start_server(data, *NO_LIMITS) as server:
        command = [sys.executable, "-m", "client_actors.cli", "import", "--provider", "claude-code",
                   "--server", server.url, str(AGENT_STREAMS / name)]  # fmt: skip
        done = await trio.run_process(command, env=env, capture_stdout=True, capture_stderr=True, check=False)
        assert done.returncode == 0, done.stderr
        with trio.fail_after(CREDIT_DEADLINE_S):
            await server.log.wait_for("ledger.credited")
    (record,) = trajectory_records(data).values()
    assert record["model"] == "claude-sonnet-4-5-20250929"  # the stream's, which the client claims too
    held = record["enrichment"]["model_fingerprint"]
    assert held["verdict"] == "consistent", held
    by_type = {kind: {s.get("model") for s in record["trajectory_log"] if s["type"] == kind}
               for kind in ("thought", "action", "resolution", "observation")}  # fmt: skip
    assert by_type == {"thought": {record["model"]}, "action": {record["model"]},
                       "resolution": {record["model"]}, "observation": {None}}  # fmt: skip
    written = sum(s["type"] in fingerprint.MODEL_WRITTEN for s in record["trajectory_log"])
    assert held["signals"][0]["seen"]["steps"] == {record["model"]: written}
