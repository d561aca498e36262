"""`groove-central export`: credited trajectories out as Parquet or JSONL shards, filtered, resumable, scrubbed.

The corpus is built through the real server; the export runs as the operator runs it (a child process), while
the server serves. Credentials are made up at test time (tests/test_rescrub.py Fakes).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import time
import uuid
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import httpx
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
import trio

from client_actors.scrub import RULESET_VERSION
from groove_actors.export.files import ExportUsageError
from groove_actors.export.files import export as run_export
from groove_actors.export.messages import SYSTEM_PROMPT, to_messages
from groove_actors.export.rows import Filters, build_row, record_tiering, selects
from groove_actors.export.schema import EXPORT_SCHEMA
from groove_actors.protocol.models import Step
from groove_actors.server import fingerprint
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, run_central, start_server
from tests.test_rescrub import Fakes, leaky_steps

CREDIT_DEADLINE_S = 30.0
NOW = 1_800_000_000.0


def step(n: int, kind: str, content: str | None = None, **members: Any) -> Step:
    return Step(step=n, type=kind, timestamp=NOW + n, content=content, **members)


# Pure: the messages mapping.


def test_a_thought_and_its_calls_are_one_assistant_message_answered_by_tool_messages() -> None:
    messages = to_messages(
        [
            step(1, "instruction", "fix the tests", source="user"),
            step(2, "thought", "I will look"),
            step(3, "action", tool="Bash", arguments={"command": "ls"}),
            step(4, "action", tool="Read", arguments={"path": "a.py"}),
            step(5, "observation", "a.py", tool="Bash"),
            step(6, "observation", "print(1)", tool="Read"),
            step(7, "resolution", "done"),
        ],
        agent_role="backend",
    )
    assert messages == [
        {"role": "system", "content": f"{SYSTEM_PROMPT} Your role: backend."},
        {"role": "user", "content": "fix the tests"},
        {
            "role": "assistant",
            "content": "I will look",
            "tool_calls": [
                {
                    "id": "call_2",
                    "type": "function",
                    "function": {"name": "Bash", "arguments": '{"command":"ls"}'},
                },
                {
                    "id": "call_3",
                    "type": "function",
                    "function": {"name": "Read", "arguments": '{"path":"a.py"}'},
                },
            ],
        },
        {"role": "tool", "tool_call_id": "call_2", "content": "a.py"},
        {"role": "tool", "tool_call_id": "call_3", "content": "print(1)"},
        {"role": "assistant", "content": "done"},
    ]


def test_results_pair_by_tool_name_and_unanswered_calls_get_empty_answers() -> None:
    messages = to_messages([
        step(1, "action", "npm test"),  # no arguments: the content is the call's input
        step(2, "edit", tool=None, extra={"file_path": "a.py", "old_string": "x", "new_string": "y"}),
        step(3, "error", "exit 1", tool="tool"),
        step(4, "observation", "edited"),  # no tool: it answers the oldest open call
        step(5, "observation", "stray output"),  # no call open: what the environment said
        step(6, "correction", "no, use yarn", source="user"),
        step(7, "correction", "I was wrong", source="agent"),
    ])  # fmt: skip
    assert messages[1]["tool_calls"] == [
        {"id": "call_0", "type": "function", "function": {"name": "tool", "arguments": '{"input":"npm test"}'}},
        {"id": "call_1", "type": "function",
         "function": {"name": "edit", "arguments": '{"file_path":"a.py","new_string":"y","old_string":"x"}'}},
    ]  # fmt: skip
    assert "content" not in messages[1]
    assert messages[2:] == [
        {"role": "tool", "tool_call_id": "call_0", "content": "exit 1"},
        {"role": "tool", "tool_call_id": "call_1", "content": "edited"},
        {"role": "user", "content": "stray output"},
        {"role": "user", "content": "no, use yarn"},
        {"role": "assistant", "content": "I was wrong"},
    ]


def test_coordination_delegation_and_newer_types_have_a_role_each() -> None:
    messages = to_messages([
        step(1, "coordination", "lock src/api.js?", coordination_id="c1", direction="outbound"),
        step(2, "coordination", "granted", coordination_id="c1", direction="inbound"),
        step(3, "delegate", "write the docs", target_agent="docs-1"),
        step(4, "yield", "docs written"),
        step(5, "yield", "handing back"),
        step(6, "approval", "go on"),
        step(7, "handoff", "brief for the next agent"),
        step(8, "lookup", tool="Search", arguments={"q": "x"}),
        step(9, "thought", None),
    ])  # fmt: skip
    assert [(m["role"], m.get("content")) for m in messages[1:]] == [
        ("assistant", "lock src/api.js?"),
        ("user", "granted"),
        ("assistant", None),
        ("tool", "docs written"),
        ("assistant", "handing back"),
        ("user", "go on"),
        ("assistant", "brief for the next agent"),  # the call of a type newer than the table joins it
        ("tool", ""),
    ]
    assert messages[7]["tool_calls"][0]["function"] == {"name": "Search", "arguments": '{"q":"x"}'}
    delegate = messages[3]["tool_calls"][0]["function"]
    assert delegate == {
        "name": "delegate",
        "arguments": '{"content":"write the docs","target_agent":"docs-1"}',
    }
    assert messages[4]["tool_call_id"] == messages[3]["tool_calls"][0]["id"]
    assert messages[0] == {"role": "system", "content": SYSTEM_PROMPT}


def record(**members: Any) -> dict[str, Any]:
    """A trajectory-log record as the pipeline writes it (the members the export reads)."""
    base: dict[str, Any] = {
        "session_id": "s1", "contributor_id": "c" * 32, "provider": "codex", "model": "gpt-5.4",
        "agent_id": None, "agent_role": "agent", "task_complexity": None, "status": "SUCCESS",
        "close_reason": "envelope", "tools_used": [], "total_tokens": 3, "duration_seconds": 1.0,
        "enrichment": {"quality": 61.5}, "score": {"points": 2.0, "base_points": 2.0, "steps": 2},
        "policy_version": "p1", "rescrub": {"ruleset": "r2", "client_ruleset": None, "redactions": {"email": 1}},
        "coordination_links": [], "gaps": [{"sequence": 1, "why": "refused"}],
        "quality_tier": {"tier": "B", "tier_reason": "moderate_quality", "eligible": True, "exclusion_reasons": []},
        "client_quality_claim": {"quality_tier": "TIER_A", "quality_tier_reason": "high_quality_no_errors",
                                 "training_eligible": True, "training_exclusion_reason": None},
        "trajectory_log": [{"step": 1, "type": "thought", "timestamp": NOW * 1000, "content": "hi"}],
        "credit": {"points": 0.5, "base_points": 0.5, "created_at": NOW, "day": "2027-01-15", "revision": 1,
                   "policy_version": "p1", "quality": 61.5},
    }  # fmt: skip
    return base | members


def test_a_row_carries_the_record_and_says_whether_it_is_eligible() -> None:
    row = build_row(record(), groove_version="0.27.99")
    assert (row["revision"], row["points"], row["credited_points"], row["groove_version"]) == (
        1,
        2.0,
        0.5,
        "0.27.99",
    )
    assert row["steps"][0]["timestamp"] == NOW and row["steps"][0]["extra"] is None
    assert (row["eligible"], row["redactions"], row["score_breakdown"]) == (True, [{"kind": "email", "count": 1}],
                                                                            '{"steps":2}')  # fmt: skip
    assert row["credited_at"] == dt.datetime.fromtimestamp(NOW, dt.UTC)
    assert set(row) == set(EXPORT_SCHEMA.names)
    assert build_row(record(groove_version="0.28.0"), groove_version="x")["groove_version"] == "0.28.0"
    assert (row["quality_tier"], row["tier_reason"], row["exclusion_reason"], row["exclusion_reasons"]) == (
        "B", "moderate_quality", None, [],
    )  # fmt: skip
    assert (row["client_quality_tier"], row["client_training_eligible"]) == ("TIER_A", True)
    # Credited before the server fingerprinted: derived from the record; else the server's, as recorded.
    evidence = json.loads(row["model_fingerprint_evidence"])
    assert row["model_fingerprint"] == "unknown"
    assert (evidence["provider"], evidence["model"]) == ("codex", "gpt-5.4")
    held = {"verdict": "inconsistent", "policy_version": "f1", "signals": []}
    fingerprinted = build_row(record(enrichment={"quality": 61.5, "model_fingerprint": held}))
    assert (fingerprinted["model_fingerprint"], fingerprinted["model_fingerprint_evidence"]) == (
        "inconsistent", '{"policy_version":"f1","signals":[]}',
    )  # fmt: skip
    # A record written before records kept a tier: derived from the record under the packaged rules.
    old = record(quality_tier=None, client_quality_claim=None)
    assert record_tiering(old).as_json() == {
        "tier": "B", "tier_reason": "moderate_quality", "eligible": False,
        "exclusion_reasons": ["insufficient_tokens", "too_short", "too_few_steps", "no_actions", "no_observations"],
    }  # fmt: skip
    assert build_row(old)["exclusion_reason"] == "insufficient_tokens"
    assert record_tiering(record(quality_tier=None, status="KILLED")).tier == "C"
    assert record_tiering(record(quality_tier=None, trajectory_log=[])).exclusion_reasons == ("no_steps",)


def test_a_record_scrubbed_by_older_rules_or_not_at_all_is_scrubbed_on_its_way_out() -> None:
    fakes = Fakes()
    leaky = leaky_steps(fakes, start=NOW)
    for rescrub in (None, {"ruleset": "2026.11.1", "client_ruleset": None, "redactions": {"email": 2}}):
        row = build_row(record(rescrub=rescrub, trajectory_log=leaky, tools_used=["Bash"]))
        text = json.dumps(row, default=str)
        assert not [value for value in fakes.values if value in text], rescrub
        assert row["scrub_ruleset"] == RULESET_VERSION
        counts = {r["kind"]: r["count"] for r in row["redactions"]}
        assert counts["github-token"] >= 2 and counts["email"] >= 3 + (2 if rescrub else 0)
    current = build_row(
        record(rescrub={"ruleset": RULESET_VERSION, "client_ruleset": None, "redactions": {}})
    )
    assert (
        current["redactions"] == [] and current["steps"][0]["content"] == "hi"
    )  # today's rules: taken as is


def test_filters_select_by_credited_day_provider_model_and_eligibility() -> None:
    day = dt.date(2027, 1, 15)
    assert selects(
        Filters(since=day, until=day, provider="codex", model="gpt-5.4", eligible_only=True), record()
    )
    assert not selects(Filters(since=day + dt.timedelta(days=1)), record())
    assert not selects(Filters(until=day - dt.timedelta(days=1)), record())
    assert not selects(Filters(provider="gemini"), record())
    assert not selects(Filters(model="gpt-5.5"), record())
    held = {
        "tier": "C",
        "tier_reason": "non_success_status",
        "eligible": False,
        "exclusion_reasons": ["not_success"],
    }
    assert not selects(Filters(eligible_only=True), record(status="CRASH", quality_tier=held))
    assert selects(Filters(min_tier="B"), record()) and selects(Filters(min_tier="C"), record())
    assert not selects(Filters(min_tier="A"), record())
    assert not selects(Filters(min_tier="B"), record(quality_tier=held))


# Through the real server and the real command.


async def credit(
    server: ServerProcess, http: httpx.AsyncClient, session: ClientSession, *bodies: bytes
) -> None:
    for body in bodies:
        assert (await ingest(http, body)).status_code == 200
    with trio.fail_after(CREDIT_DEADLINE_S):
        await server.log.wait_for_session("session.stitched", session.session_id)


def tool_steps(start: float) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = [
        {"type": "instruction", "content": "make the tests pass", "source": "user"},
        {"type": "thought", "content": "Run them first."},
        {"type": "action", "tool": "Bash", "arguments": {"command": "pytest -q"}},
        {"type": "observation", "tool": "Bash", "content": "1 failed", "truncated": False},
        {"type": "edit", "tool": "Edit", "file_path": "src/a.py", "edit_type": "modify", "old_string": "1",
         "new_string": "2"},
        {"type": "observation", "tool": "Edit", "content": "edited", "is_error": False},
        {"type": "resolution", "content": "All tests pass."},
    ]  # fmt: skip
    for i, item in enumerate(steps):
        item.update(step=i + 1, timestamp=round(start + 5 * i, 3), token_count=100)
    return steps


def coordination(n: int, exchange: str, direction: str, start: float) -> dict[str, Any]:
    content = "lock src/api.js?" if direction == "outbound" else "lock granted"
    return {"step": n, "type": "coordination", "timestamp": round(start + 5 * (n - 1), 3), "content": content,
            "coordination_id": exchange, "direction": direction, "target_agent": "backend-2",
            "protocol": "knock"}  # fmt: skip


async def export(data: Path, out: Path, *args: str) -> tuple[int, list[str]]:
    done = await run_central("export", "--data-dir", str(data), "--out", str(out), *args)
    return done.returncode, done.stderr.decode().splitlines()


def jsonl_rows(out: Path) -> list[dict[str, Any]]:
    shards = sorted((out / "data").glob("part-*.jsonl"))
    return [json.loads(line) for p in shards for line in p.read_text().splitlines()]


def check_messages(messages: list[dict[str, Any]]) -> None:
    """Every tool call is answered, right after the assistant message that made it, and nothing else is."""
    assert messages[0]["role"] == "system"
    open_ids: list[str] = []
    for message in messages:
        if message["role"] == "tool":
            assert message["tool_call_id"] == open_ids.pop(0)
            continue
        assert not open_ids, "a call left unanswered"
        calls = message.get("tool_calls") or []
        assert all(
            c["type"] == "function" and json.loads(c["function"]["arguments"]) is not None for c in calls
        )
        open_ids = [c["id"] for c in calls]
    assert not open_ids


@pytest.mark.slow
async def test_export_writes_every_credited_session_in_both_formats_and_resumes(tmp_path: Path) -> None:
    data, fakes = tmp_path / "data", Fakes()
    start = time.time() - 600
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        tools = await open_session(http)
        await credit(server, http, tools, tools.chunk_of(tool_steps(start)), tools.close_body())
        codex = await open_session(http, provider="codex", model="gpt-5.4")
        exchange = f"coord_{codex.session_id}"
        codex_steps = [*tool_steps(start)[:2], coordination(3, exchange, "outbound", start)]
        codex_chunk = codex.chunk_of(codex_steps, provider="codex", model_engine="gpt-5.4", team_size=3)
        await credit(server, http, codex, codex_chunk, codex.close_body())
        leaky = await open_session(http, provider="gemini", model="gemini-3-pro")
        leaky_chunk = leaky.chunk_of(leaky_steps(fakes, start=start), provider="gemini",
                                     model_engine="gemini-3-pro", scrub_ruleset="js-0.9")  # fmt: skip
        await credit(server, http, leaky, leaky_chunk, leaky.close_body("KILLED"))

        parquet, jsonl = tmp_path / "parquet", tmp_path / "jsonl"
        code, said = await export(data, parquet, "--shard-rows", "2")
        assert code == 0, said
        assert said[-1] == "groove-central export: 3 record(s) read, 3 row(s) written, 2 new shard(s)"
        assert sum("wrote part-" in line for line in said) == 2
        code, said = await export(data, jsonl, "--format", "jsonl")
        assert code == 0, said

        table = ds.dataset(parquet / "data", format="parquet").to_table()
        assert table.schema.equals(EXPORT_SCHEMA, check_metadata=False)
        assert [
            pq.read_schema(p).equals(EXPORT_SCHEMA) for p in sorted((parquet / "data").glob("*.parquet"))
        ] == [True] * 2
        rows = {row["session_id"]: row for row in table.to_pylist()}
        lines = {row["session_id"]: row for row in jsonl_rows(jsonl)}
        assert set(rows) == set(lines) == {tools.session_id, codex.session_id, leaky.session_id}

        row = rows[tools.session_id]
        assert (row["provider"], row["model"], row["agent_role"], row["team_size"], row["groove_version"]) == (
            "claude-code", "claude-opus-4-6", "backend", 2, "0.27.78",
        )  # fmt: skip
        assert (row["status"], row["eligible"], row["revision"], row["step_count"]) == ("SUCCESS", True, 0, 7)
        assert row["contributor_id"] == tools.contributor_id and row["points"] > 0 and row["quality"] > 0
        assert row["model_fingerprint"] == "unknown"  # no step names its model
        assert json.loads(row["model_fingerprint_evidence"])["signals"][0]["name"] == "model_ids"
        assert (
            row["credited_at"].tzinfo is not None
            and row["credited_day"] == row["credited_at"].date().isoformat()
        )
        assert [s["type"] for s in row["steps"]] == [s["type"] for s in tool_steps(start)]
        assert json.loads(row["steps"][2]["arguments"]) == {"command": "pytest -q"}
        assert json.loads(row["steps"][4]["extra"])["file_path"] == "src/a.py"
        check_messages(row["messages"])
        assert [m["role"] for m in lines[tools.session_id]["messages"]] == [
            "system", "user", "assistant", "tool", "assistant", "tool", "assistant",
        ]  # fmt: skip
        calls = [m["tool_calls"][0] for m in lines[tools.session_id]["messages"] if "tool_calls" in m]
        assert [c["function"]["name"] for c in calls] == ["Bash", "Edit"]
        assert rows[codex.session_id]["team_size"] == 3 and rows[codex.session_id]["provider"] == "codex"

        weak = rows[leaky.session_id]
        assert (weak["eligible"], weak["exclusion_reason"]) == (False, "not_success")
        assert weak["client_scrub_ruleset"] == "js-0.9" and weak["scrub_ruleset"]
        assert {r["kind"] for r in weak["redactions"]} >= {"aws-access-key", "github-token", "email"}
        for path in [p for p in [*parquet.rglob("*"), *jsonl.rglob("*")] if p.is_file()]:  # the card too
            blob = path.read_bytes()
            assert not [v for v in fakes.values if v.encode() in blob], f"a fake credential in {path.name}"
        for name in ("part-00000.parquet", "part-00001.parquet"):
            assert not [v for v in fakes.values if v in json.dumps(pq.read_table(parquet / "data" / name).to_pylist(),
                                                                    default=str)]  # fmt: skip
        assert {k: v for k, v in lines[tools.session_id].items() if k not in ("credited_at",)} == {
            k: v for k, v in _plain(row).items() if k != "credited_at"
        }

        # --resume: only what was credited since, into a new shard; then nothing. The later session continues
        # the codex one after a context rotation (the same contributor): a chain of two.
        later = await open_session(http, provider="codex", model="gpt-5.4")
        later.contributor_id = codex.contributor_id
        later_steps = [*tool_steps(start)[:3], coordination(4, exchange, "inbound", start)]
        later_chunk = later.chunk_of(later_steps, provider="codex", model_engine="gpt-5.4",
                                     predecessor_session_id=codex.session_id)  # fmt: skip
        await credit(server, http, later, later_chunk, later.close_body())
        code, said = await export(data, parquet, "--resume")
        assert code == 0 and said[-1].endswith("1 record(s) read, 1 row(s) written, 1 new shard(s)"), said
        code, said = await export(data, parquet, "--resume")
        assert code == 0 and said[-1].endswith("0 record(s) read, 0 row(s) written, no new shard"), said
        (new,) = pq.read_table(parquet / "data" / "part-00002.parquet").to_pylist()
        assert new["session_id"] == later.session_id and new["coordination_links"] == [
            {"coordination_id": exchange, "step": 4, "partner_session": codex.session_id,
             "partner_agent": "backend-1", "partner_step": 3}
        ]  # fmt: skip
        assert [(m["role"], m["content"]) for m in new["messages"][-1:]] == [("user", "lock granted")]
        chain = [codex.session_id, later.session_id]
        place = (new["predecessor_session_id"], new["chain_id"], new["chain_position"])
        assert place == (codex.session_id, codex.session_id, 1)
        assert rows[codex.session_id]["successor_session_id"] is None  # exported before its successor was
        assert json.loads((parquet / "_rotation_chains.jsonl").read_text()) == {"chain_id": chain[0],
                                                                                 "sessions": chain}  # fmt: skip
        shards = ds.dataset(parquet / "data", format="parquet")
        exported = shards.to_table(columns=["session_id", "credited_day"])
        assert sorted(exported.column("session_id").to_pylist()) == sorted([*rows, later.session_id])

        # Filters.
        days = sorted(dt.date.fromisoformat(day) for day in exported.column("credited_day").to_pylist())
        first, last = days[0], days[-1]  # the same day, unless the test ran over midnight UTC
        for n, (args, expected) in enumerate(
            [
                (("--provider", "codex"), {codex.session_id, later.session_id}),
                (("--model", "gemini-3-pro"), {leaky.session_id}),
                (("--eligible-only",), {tools.session_id}),  # the others are too short to train on
                (("--since", str(first), "--until", str(last)), {*rows, later.session_id}),
                (("--since", str(last + dt.timedelta(days=1))), set()),
                (("--until", str(first - dt.timedelta(days=1))), set()),
            ]
        ):
            out = tmp_path / f"filtered-{n}"
            code, said = await export(data, out, "--format", "jsonl", *args)
            assert code == 0, said
            assert {r["session_id"] for r in jsonl_rows(out)} == expected, args
            if n == 0:  # exported after both sessions of the chain: the chain in order, both sides
                ordered = sorted(jsonl_rows(out), key=lambda r: r["chain_position"])
                assert [(r["session_id"], r["predecessor_session_id"], r["successor_session_id"]) for r in ordered] \
                    == [(chain[0], None, chain[1]), (chain[1], chain[0], None)]  # fmt: skip

    # A torn last line (an append under way) is left for later, not a failure.
    segment = sorted((data / "trajectories").iterdir())[-1]
    with segment.open("ab") as file:
        file.write(b'{"session_id":"sess_torn","cre')
    code, said = await export(data, parquet, "--resume")
    assert code == 0 and said[-1].endswith("0 record(s) read, 0 row(s) written, no new shard"), said
    with segment.open("ab") as file:
        file.write(b"\n")  # now a complete line, and not a record: said, skipped, left behind
    code, said = await export(data, parquet, "--resume")
    assert code == 0, said
    assert said[0].startswith(f"groove-central export: skipped {segment.name} at byte "), said
    assert said[-1].endswith("0 record(s) read, 0 row(s) written, no new shard, 1 unreadable line(s) skipped")
    code, said = await export(data, parquet, "--resume")
    assert code == 0 and said[-1].endswith("0 record(s) read, 0 row(s) written, no new shard"), said


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as JSONL has it: messages without the members they do not have."""
    messages = [{k: v for k, v in m.items() if v is not None} for m in row["messages"]]
    return row | {"messages": messages}


@pytest.mark.slow
async def test_export_says_what_is_wrong_in_one_line_and_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, said = await export(missing, tmp_path / "out")
    assert (code, said) == (2, [f"groove-central export: {missing} is not a directory"])
    data = tmp_path / "data"
    (data / "trajectories").mkdir(parents=True)
    code, said = await export(data, tmp_path / "out", "--format", "jsonl")
    assert code == 0 and said[-1] == "groove-central export: 0 record(s) read, 0 row(s) written, no new shard"
    code, said = await export(data, tmp_path / "out", "--format", "jsonl")
    assert code == 2 and len(said) == 1 and "holds an export already; give --resume" in said[0]
    code, said = await export(data, tmp_path / "out", "--resume")
    assert code == 2 and len(said) == 1 and "--resume takes the same format and filters" in said[0]
    code, said = await export(data, tmp_path / "out2", "--since", "2027-02-01", "--until", "2027-01-01")
    assert (code, said) == (2, ["groove-central export: --since 2027-02-01 is after --until 2027-01-01"])


@pytest.mark.slow
async def test_a_revision_is_a_row_of_its_own_and_old_records_take_the_catalogs_groove_version(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http, groove_version="0.27.90")
        await ingest(http, session.chunk_body(3, types=("thought", "action", "observation")))
        refused = await ingest(http, session.chunk_body(3, types=("thought", "handoff", "resolution")))
        assert refused.status_code == 422
        await credit(server, http, session, session.close_body())
    code, said = await export(data, tmp_path / "out", "--format", "jsonl")
    assert code == 0, said
    (first,) = jsonl_rows(tmp_path / "out")
    assert (first["revision"], first["step_count"], first["gaps"][0]["sequence"]) == (0, 3, 1)
    assert first["groove_version"] == "0.27.78"  # the chunk's metadata

    policy = tmp_path / "policy.toml"
    text = resources.files("groove_actors.protocol").joinpath("scoring_policy.toml").read_text("utf-8")
    policy.write_text(text.replace("[steps]\n", '[steps]\nextra_types = ["handoff"]\n'))
    assert (await run_central("requeue", "--data-dir", str(data), "--policy", str(policy))).returncode == 0
    async with start_server(data, *NO_LIMITS, "--policy", str(policy)) as server:
        await server.log.wait_for("ledger.credited")
    code, said = await export(data, tmp_path / "out", "--format", "jsonl", "--resume")
    assert code == 0 and said[-1].endswith("1 record(s) read, 1 row(s) written, 1 new shard(s)"), said
    rows = jsonl_rows(tmp_path / "out")
    assert [(r["session_id"], r["revision"], r["step_count"]) for r in rows] == [
        (session.session_id, 0, 3),
        (session.session_id, 1, 6),
    ]
    assert rows[1]["points"] > rows[0]["points"] and rows[1]["credited_points"] < rows[1]["points"]
    check_messages(rows[1]["messages"])

    # A record written before the record kept the groove version: the session open's, from the catalog.
    for segment in (data / "trajectories").iterdir():
        records = [json.loads(line) for line in segment.read_text().splitlines()]
        segment.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "groove_version"}) + "\n"
                                   for r in records))  # fmt: skip
    code, said = await export(data, tmp_path / "older", "--format", "jsonl")
    assert code == 0, said
    assert [r["groove_version"] for r in jsonl_rows(tmp_path / "older")] == ["0.27.90", "0.27.90"]


@pytest.mark.slow
async def test_a_shard_the_watermark_does_not_list_is_removed_and_exported_again(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        await credit(server, http, session, session.chunk_body(2), session.close_body())
    assert (await export(data, out))[0] == 0
    state = (out / ".export-state.json").read_bytes()
    # As if the export stopped before its watermark.
    (out / "data" / "part-00000.parquet").rename(out / "data" / "part-00001.parquet")
    (out / ".export-state.json").write_text(
        json.dumps(json.loads(state) | {"offsets": {}, "shards": [], "rows": 0})
    )
    code, said = await export(data, out, "--resume")
    assert code == 0, said
    assert said[0] == (
        "groove-central export: removing part-00001.parquet: an export stopped before it recorded it"
        " (its rows are exported again)"
    )
    assert sorted(p.name for p in (out / "data").glob("part-*")) == ["part-00000.parquet"]
    assert pq.read_table(out / "data" / "part-00000.parquet").column("session_id").to_pylist() == [
        session.session_id
    ]


@pytest.mark.slow
async def test_lone_surrogates_a_javascript_client_sent_become_replacement_characters(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "trajectories").mkdir(parents=True)
    steps = [{"step": 1, "type": "thought", "timestamp": NOW, "content": "half a pair: \ud83d!"}]
    line = json.dumps(record(trajectory_log=steps)) + "\n"  # stdlib JSON writes it as the pipeline does
    assert "\\ud83d" in line
    (data / "trajectories" / "2027-01-15.0000.jsonl").write_text(line)
    code, said = await export(data, tmp_path / "out")
    assert code == 0, said
    (row,) = pq.read_table(tmp_path / "out" / "data" / "part-00000.parquet").to_pylist()
    assert row["steps"][0]["content"] == row["messages"][1]["content"] == "half a pair: \ufffd!"
    assert row["groove_version"] is None  # no catalog to ask


def test_an_export_of_an_older_schema_is_not_resumed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    state = {
        "version": 1,
        "format": "parquet",
        "filters": Filters().as_json(),
        "offsets": {},
        "shards": [],
        "rows": 0,
    }
    (out / ".export-state.json").write_text(json.dumps(state))  # as version 1 wrote it: no schema member
    with pytest.raises(ExportUsageError, match="schema version 1"):
        run_export(tmp_path, out, fmt="parquet", filters=Filters(), resume=True, say=lambda _: None)


# The layout: shards in DIR/data, the card and side files at the top, loadable as they are.


def test_the_shards_load_from_data_as_they_are_and_an_old_layout_is_moved_on_resume(tmp_path: Path) -> None:
    data, out = tmp_path / "data-dir", tmp_path / "out"
    log = data / "trajectories" / "2027-01-15.0000.jsonl"
    log.parent.mkdir(parents=True)
    log.write_text(json.dumps(record(session_id="s1")) + "\n")
    said: list[str] = []
    run_export(data, out, fmt="parquet", filters=Filters(), resume=False, say=said.append)
    assert sorted(p.name for p in out.iterdir()) == [
        ".export-state.json", "README.md", "_charts", "_coordination_links.jsonl", "_rotation_chains.jsonl",
        "data",
    ]  # fmt: skip
    assert [p.name for p in (out / "data").iterdir()] == ["part-00000.parquet"]
    assert 'path: "data/part-*.parquet"' in (out / "README.md").read_text().split("---")[1]

    # An export made when the shards sat beside the card: --resume moves them into data/ and says so.
    (out / "data" / "part-00000.parquet").rename(out / "part-00000.parquet")
    (out / "data").rmdir()
    with pytest.raises(ExportUsageError, match="holds an export already"):
        run_export(data, out, fmt="parquet", filters=Filters(), resume=False, say=said.append)
    with log.open("a") as file:
        file.write(json.dumps(record(session_id="s2")) + "\n")
    said.clear()
    run_export(data, out, fmt="parquet", filters=Filters(), resume=True, say=said.append)
    assert said[0] == "moving 1 shard(s) into data/, where this export keeps its shards now"
    assert not list(out.glob("part-*"))
    assert sorted(p.name for p in (out / "data").iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    assert "the dataset card of 2 row(s) in 2 shard(s)" in said[-1]

    # As ML teams load it: pyarrow and pandas on data/ with no options; polars and datasets when installed.
    table = ds.dataset(out / "data", format="parquet").to_table()
    assert table.schema.equals(EXPORT_SCHEMA, check_metadata=False)
    assert sorted(table.column("session_id").to_pylist()) == ["s1", "s2"]
    frame = pd.read_parquet(out / "data")
    assert list(frame.columns) == EXPORT_SCHEMA.names and sorted(frame.session_id) == ["s1", "s2"]
    if importlib.util.find_spec("polars"):
        import polars as pl  # type: ignore[import-not-found, unused-ignore]

        scanned = pl.scan_parquet(out / "data" / "*.parquet").collect()
        assert scanned.columns == EXPORT_SCHEMA.names and scanned.height == 2
    if importlib.util.find_spec("datasets"):
        from datasets import load_dataset  # type: ignore[import-not-found, unused-ignore]

        for loaded in (load_dataset(str(out)), load_dataset("parquet", data_dir=str(out / "data"))):
            assert sorted(loaded["train"]["session_id"]) == ["s1", "s2"]


def test_an_old_layout_whose_shard_is_also_in_data_is_refused(tmp_path: Path) -> None:
    data, out = tmp_path / "data-dir", tmp_path / "out"
    (data / "trajectories").mkdir(parents=True)
    (data / "trajectories" / "2027-01-15.0000.jsonl").write_text(json.dumps(record()) + "\n")
    run_export(data, out, fmt="jsonl", filters=Filters(), resume=False, say=lambda _: None)
    (out / "part-00000.jsonl").write_bytes((out / "data" / "part-00000.jsonl").read_bytes())
    with pytest.raises(ExportUsageError, match=r"holds part-00000\.jsonl both at its top and in data/"):
        run_export(data, out, fmt="jsonl", filters=Filters(), resume=True, say=lambda _: None)


# Done when: a corpus built through the real server, exported in both formats, every column read back.

MODEL_WRITTEN = ("thought", "resolution", "action", "edit", "delegate")


def close_with_claim(session: ClientSession, status: str, **claim: Any) -> bytes:
    """A later client's SESSION_CLOSE, claiming a tier and eligibility of its own."""
    outcome = {"status": status, "total_steps": session.step - 1, "total_chunks": session.chunk} | claim
    return session.sign({
        "envelope_id": f"env_{uuid.uuid4()}", "session_id": session.session_id, "type": "SESSION_CLOSE",
        "attestation": {"session_hmac": "", "sequence": 0, "app_version_hash": ""}, "outcome": outcome,
    })  # fmt: skip


def log_records(data: Path) -> dict[str, dict[str, Any]]:
    """The server's trajectory records by session (each credited once here)."""
    lines = [line for p in sorted((data / "trajectories").iterdir()) for line in p.read_text().splitlines()]
    return {r["session_id"]: r for r in map(json.loads, lines)}


@attrs.frozen
class Sent:
    """What the test sent for one session, and what it expects of the server's verdicts."""

    session: ClientSession
    provider: str
    model: str
    metadata: dict[str, Any]
    steps: list[dict[str, Any]]
    status: str
    tier: tuple[str, str, bool, list[str]]  # tier, reason, eligible, exclusion reasons
    claim: dict[str, Any] | None = None
    gaps: tuple[int, ...] = ()
    weak: bool = False


def step_field_checks(sent: Sent, kept: dict[str, Any]) -> dict[str, Any]:
    """What each step column of a row's step must hold: the step as the server kept it, which is the step as
    sent (a weak client's text aside: the server scrubbed it)."""
    if not sent.weak:
        assert kept == next(s for s in sent.steps if s["step"] == kept["step"])
    named = {"step", "type", "timestamp", "content", "token_count", "tool", "arguments", "truncated", "source",
             "coordination_id", "direction", "target_agent", "protocol"}  # fmt: skip
    other = {k: v for k, v in kept.items() if k not in named}
    return {name: kept.get(name) for name in named - {"arguments"}} | {
        "arguments": None if kept.get("arguments") is None else _canonical(kept["arguments"]),
        "extra": _canonical(other) if other else None,
    }


def client_meta(sent: Sent) -> dict[str, Any]:
    """The first chunk's metadata as the test sent it (tests/support/envelopes.py defaults, then the test's)."""
    defaults = {"agent_role": "backend", "agent_id": "backend-1", "task_complexity": "medium", "team_size": 2}
    return defaults | sent.metadata


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


HELD = "held"  # a column checked where its expectation is made (a predicate over the row's value)


def held(holds: bool) -> str:
    assert holds
    return HELD


@pytest.mark.slow
async def test_every_column_of_a_corpus_built_through_the_server_reads_back_in_both_formats(
    tmp_path: Path,
) -> None:
    """Coordination pairs, a rotation chain, tiers A, B and C, a weak-scrubbing client and a refused envelope,
    through the real server; both formats exported and read back with pyarrow; every column of the schema,
    and every member of the steps' and messages' structs, checked against what was sent and kept."""
    data, fakes, start = tmp_path / "data", Fakes(), time.time() - 600
    began = dt.datetime.now(dt.UTC)
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        lead = await open_session(http, model="claude-opus-4-6")
        exchange = f"coord_{lead.session_id}"
        *work, done = tool_steps(start)  # the lock asked for before the work is declared done
        lead_steps = [*work, coordination(7, exchange, "outbound", start), done | {"step": 8}]
        for item in lead_steps:
            if item["type"] in MODEL_WRITTEN:
                item["model"] = "claude-opus-4-6"  # as the capture client passes the stream's model on
        claim = {"quality_tier": "TIER_A", "quality_tier_reason": "high_quality_no_errors",
                 "training_eligible": True, "training_exclusion_reason": None}  # fmt: skip
        partner = await open_session(http, provider="codex", model="gpt-5.4")
        partner_steps = [*tool_steps(start)[:6], coordination(7, exchange, "inbound", start)]
        successor = await open_session(http)
        successor.contributor_id = lead.contributor_id  # the same contributor: the chain holds
        weak = await open_session(http, provider="gemini", model="gemini-3-pro")
        lost = f"sess_{uuid.uuid4()}"  # a predecessor the server never saw: the claim is dropped
        corpus = {
            "lead": Sent(lead, "claude-code", "claude-opus-4-6", {}, lead_steps, "SUCCESS",
                         ("A", "high_quality_no_errors", True, []), claim=claim),
            "partner": Sent(partner, "codex", "gpt-5.4",
                            {"provider": "codex", "model_engine": "gpt-5.4", "agent_id": "backend-2",
                             "agent_role": "qc", "team_size": 3, "task_complexity": "heavy"},
                            partner_steps, "SUCCESS", ("B", "moderate_quality", True, [])),
            "successor": Sent(successor, "claude-code", "claude-opus-4-6",
                              {"predecessor_session_id": lead.session_id}, tool_steps(start)[:-1], "SUCCESS",
                              ("B", "moderate_quality", True, []), gaps=(1,)),
            "weak": Sent(weak, "gemini", "gemini-3-pro",
                         {"provider": "gemini", "model_engine": "gemini-3-pro", "scrub_ruleset": "js-0.9",
                          "predecessor_session_id": lost}, leaky_steps(fakes, start=start), "KILLED",
                         ("C", "non_success_status", False,
                          ["not_success", "low_tier", "insufficient_tokens", "too_short"]), weak=True),
        }  # fmt: skip
        for sent in corpus.values():
            session = sent.session
            bodies = [session.chunk_of(sent.steps, **sent.metadata)]
            if sent.gaps:  # an authentic envelope refused by the schema: its sequence is a gap
                refused = session.chunk_of([{**sent.steps[0], "step": 99, "type": "handoff"}])
                session.step -= 1
                assert (await ingest(http, bodies.pop())).status_code == 200
                assert (await ingest(http, refused)).status_code == 422
            close = close_with_claim(session, sent.status, **sent.claim) if sent.claim else None
            await credit(server, http, session, *bodies, close or session.close_body(sent.status))

        parquet, jsonl = tmp_path / "parquet", tmp_path / "jsonl"
        code, said = await export(data, parquet, "--shard-rows", "3")
        assert code == 0 and said[-1].endswith("4 record(s) read, 4 row(s) written, 2 new shard(s)"), said
        code, said = await export(data, jsonl, "--format", "jsonl")
        assert code == 0, said
    ended = dt.datetime.now(dt.UTC)

    table = ds.dataset(parquet / "data", format="parquet").to_table()
    assert table.schema.equals(EXPORT_SCHEMA, check_metadata=False)
    assert pq.read_schema(parquet / "data" / "part-00000.parquet").metadata == EXPORT_SCHEMA.metadata
    rows = {r["session_id"]: r for r in table.to_pylist()}
    lines = {r["session_id"]: r for r in jsonl_rows(jsonl)}
    records = log_records(data)
    by_id = {sent.session.session_id: sent for sent in corpus.values()}
    assert set(rows) == set(lines) == set(records) == set(by_id)
    for path in [p for p in [*parquet.rglob("*"), *jsonl.rglob("*")] if p.is_file()]:
        assert not [v for v in fakes.values if v.encode() in path.read_bytes()], (
            f"a fake credential in {path}"
        )
    ids = {name: sent.session.session_id for name, sent in corpus.items()}
    link = {"coordination_id": exchange, "partner_agent": "backend-1"}
    expected_links = {
        ids["lead"]: [link | {"step": 7, "partner_session": ids["partner"], "partner_step": 7,
                              "partner_agent": "backend-2"}],
        ids["partner"]: [link | {"step": 7, "partner_session": ids["lead"], "partner_step": 7}],
        ids["successor"]: [], ids["weak"]: [],
    }  # fmt: skip
    chain = {  # predecessor, successor, chain id, position, dropped reason
        ids["lead"]: (None, ids["successor"], ids["lead"], 0, None),
        ids["successor"]: (ids["lead"], None, ids["lead"], 1, None),
        ids["partner"]: (None, None, None, None, None),
        ids["weak"]: (None, None, None, None, "unknown predecessor session"),
    }

    def call(n: int, name: str, arguments: str) -> dict[str, Any]:
        return {"id": f"call_{n}", "type": "function", "function": {"name": name, "arguments": arguments}}

    def message(
        role: str, content: str | None, calls: Any = None, answers: str | None = None
    ) -> dict[str, Any]:
        return {"role": role, "content": content, "tool_calls": calls, "tool_call_id": answers}

    edit = '{"edit_type":"modify","file_path":"src/a.py","new_string":"2","old_string":"1"}'  # no `model`
    lead_messages = [
        message("system", f"{SYSTEM_PROMPT} Your role: backend."),
        message("user", "make the tests pass"),
        message("assistant", "Run them first.", [call(2, "Bash", '{"command":"pytest -q"}')]),
        message("tool", "1 failed", answers="call_2"),
        message("assistant", None, [call(4, "Edit", edit)]),
        message("tool", "edited", answers="call_4"),
        message("assistant", "lock src/api.js?"),
        message("assistant", "All tests pass."),
    ]

    def each(member: str) -> Callable[[list[dict[str, Any]], Sent], bool]:
        """A member of every message: the lead's exactly as expected; every row's as the format wants."""

        def check(messages: list[dict[str, Any]], sent: Sent) -> bool:
            if sent is corpus["lead"]:
                assert [m[member] for m in messages] == [m[member] for m in lead_messages], member
            return True

        return check

    message_checks: dict[str, Callable[[list[dict[str, Any]], Sent], bool]] = {
        "role": lambda ms, sent: (
            each("role")(ms, sent)
            and ms[0]["role"] == "system"
            and {m["role"] for m in ms} <= {"system", "user", "assistant", "tool"}
        ),
        "content": lambda ms, sent: each("content")(ms, sent) and ms[0]["content"].startswith(SYSTEM_PROMPT),
        "tool_calls": lambda ms, sent: (
            each("tool_calls")(ms, sent)
            and [c["function"]["name"] for m in ms for c in m["tool_calls"] or []]
            == [s.get("tool") or s["type"] for s in sent.steps if s["type"] in ("action", "edit")]
        ),
        "tool_call_id": lambda ms, sent: (
            each("tool_call_id")(ms, sent)
            and sorted(m["tool_call_id"] for m in ms if m["role"] == "tool")
            == sorted(c["id"] for m in ms for c in m["tool_calls"] or [])
        ),
    }

    def checks(row: dict[str, Any], sent: Sent, kept: dict[str, Any]) -> dict[str, Any]:
        """For each column, the value it must hold, or HELD when a check of the row's value held."""
        meta = client_meta(sent)
        tier, reason, eligible, reasons = sent.tier
        evidence = json.loads(row["model_fingerprint_evidence"])
        score = dict(kept["score"])
        steps = [step_field_checks(sent, s) for s in kept["trajectory_log"]]
        assert [set(s) for s in steps] == [set(EXPORT_SCHEMA.field("steps").type.value_type.names)] * len(
            steps
        )
        message_fields = EXPORT_SCHEMA.field("messages").type.value_type.names
        assert set(message_checks) == set(message_fields), "a member of messages has no check"
        check_messages(lines[sent.session.session_id]["messages"])
        redactions = {r["kind"]: r["count"] for r in row["redactions"]}
        return {
            "session_id": sent.session.session_id,
            "revision": 0,
            "contributor_id": sent.session.contributor_id,
            "provider": sent.provider,
            "model": sent.model,
            "agent_id": meta.get("agent_id"),
            "agent_role": meta.get("agent_role"),
            "team_size": meta.get("team_size"),
            "groove_version": "0.27.78",
            "task_complexity": meta.get("task_complexity"),
            "status": sent.status,
            "close_reason": "envelope",
            "quality_tier": tier,
            "tier_reason": reason,
            "eligible": eligible,
            "exclusion_reason": reasons[0] if reasons else None,
            "exclusion_reasons": reasons,
            "client_quality_tier": (sent.claim or {}).get("quality_tier"),
            "client_training_eligible": (sent.claim or {}).get("training_eligible"),
            "client_exclusion_reason": (sent.claim or {}).get("training_exclusion_reason"),
            "model_fingerprint": "consistent" if sent.steps[1].get("model") else "unknown",
            "model_fingerprint_evidence": held(
                (evidence["policy_version"], evidence["provider"], evidence["model"])
                == (fingerprint.RULES.version, sent.provider, sent.model)
                and [s["name"] for s in evidence["signals"]] == ["model_ids", "provider", "latency", "tokens"]
            ),
            "quality": kept["enrichment"]["quality"],
            "points": score.pop("points"),
            "base_points": score.pop("base_points"),
            "credited_points": kept["credit"]["points"],
            "score_breakdown": held(
                json.loads(row["score_breakdown"]) == score and score["counted_steps"] == len(sent.steps)
            ),
            "policy_version": kept["policy_version"],
            "scrub_ruleset": RULESET_VERSION,
            "client_scrub_ruleset": meta.get("scrub_ruleset"),
            "redactions": held(
                set(redactions) >= {"aws-access-key", "github-token", "email"}
                if sent.weak
                else not redactions
            ),
            "coordination_links": expected_links[sent.session.session_id],
            "predecessor_session_id": chain[sent.session.session_id][0],
            "successor_session_id": chain[sent.session.session_id][1],
            "chain_id": chain[sent.session.session_id][2],
            "chain_position": chain[sent.session.session_id][3],
            "rotation_dropped_reason": chain[sent.session.session_id][4],
            "gaps": [{"sequence": n, "why": g["why"]} for n, g in zip(sent.gaps, kept["gaps"], strict=True)],
            "credited_at": held(began - dt.timedelta(seconds=1) <= row["credited_at"] <= ended),
            "credited_day": row["credited_at"].date().isoformat(),
            "step_count": len(sent.steps),
            "total_tokens": sum(s.get("token_count", 0) for s in sent.steps),
            "duration_seconds": pytest.approx(sent.steps[-1]["timestamp"] - sent.steps[0]["timestamp"]),
            "tools_used": sorted({s["tool"] for s in sent.steps if s.get("tool")}),
            "steps": steps,
            "messages": held(all(check(row["messages"], sent) for check in message_checks.values())),
        }

    checked: set[str] = set()
    for session_id, row in rows.items():
        sent, kept = by_id[session_id], records[session_id]
        if sent.weak:  # the weak client's steps are the ones it sent, their text scrubbed by the server
            assert [(s["step"], s["type"]) for s in kept["trajectory_log"]] == [
                (s["step"], s["type"]) for s in sent.steps
            ]
        wanted = checks(row, sent, kept)
        assert list(wanted) == EXPORT_SCHEMA.names, "every column of the schema is checked, in its order"
        for column, value in wanted.items():
            got = sorted(row[column]) if column == "tools_used" else row[column]
            if value is not HELD:
                assert got == value, (sent.provider, column, got, value)
            checked.add(column)
        # JSONL holds the same values: timestamps as RFC 3339 text, messages without their unused members.
        line = lines[session_id]
        lag = dt.datetime.fromisoformat(line.pop("credited_at")) - row["credited_at"]
        assert dt.timedelta(0) <= lag < dt.timedelta(milliseconds=1)  # Parquet keeps milliseconds
        assert line == {k: v for k, v in _plain(row).items() if k != "credited_at"}
    assert checked == set(EXPORT_SCHEMA.names)
    assert {r["quality_tier"] for r in rows.values()} == {"A", "B", "C"}
