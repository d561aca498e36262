"""Clients 0.27.79-0.27.216, played by a real JavaScript process (tests/js/later_clients.mjs) against the server.

Every example envelope of the later clients and every compatibility hazard: each session is credited with
all its valid steps, refusals leave visible gaps and use their numbers, feedback is kept out of the numbers,
and the stats add up.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import trio

from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, start_server

NODE = shutil.which("node")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(NODE is None, reason="node is not on PATH: no JavaScript client to run"),
]

CLIENT = Path(__file__).parent / "js" / "later_clients.mjs"
DEADLINE_S = 120.0

# The valid steps each session sends; `turn-N` are 25 one-step sessions from the same machine (H7).
STEPS = {"resumed": 9, "iterated": 13, "chat": 3, "auto": 2, "shutdown": 4, "refused": 6, "dropped": 4,
         "unsigned": 2, "large": 2, "no-close": 2} | {f"turn-{n}": 1 for n in range(25)}  # fmt: skip
CHUNKS = {"iterated": 3, "refused": 2, "dropped": 2} | {name: 1 for name in STEPS if name not in ("iterated",
          "refused", "dropped")}  # fmt: skip
CLOSES = set(STEPS) - {"no-close"}


async def run_client(url: str, phase: str, state: bytes = b"") -> list[dict[str, Any]]:
    assert NODE is not None
    with trio.fail_after(DEADLINE_S):
        done = await trio.run_process(
            [NODE, str(CLIENT), url, phase],
            stdin=state,
            capture_stdout=True,
            capture_stderr=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return [orjson.loads(line) for line in done.stdout.splitlines()]


def answers(lines: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
    return {
        (line["session"], line["what"]): (line["status"], line["body"]) for line in lines if "session" in line
    }


async def wait_credited(server: ServerProcess, session_ids: Iterator[str]) -> None:
    with trio.fail_after(DEADLINE_S):
        for session_id in session_ids:
            await server.log.wait_for_session("ledger.credited", session_id)


def stitched(data_dir: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for segment in sorted((data_dir / "trajectories").iterdir()):
        for line in segment.read_bytes().splitlines():
            record = json.loads(line)  # stdlib: a stitched record may hold lone surrogates
            records[record["session_id"]] = record
    return records


async def test_later_clients_deliver_whole_sessions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    async with start_server(data, *NO_LIMITS) as server:
        lines = await run_client(server.url, "first")
        state = lines.pop()["state"]
        ids = {name: saved["sessionId"] for name, saved in state.items()}
        await wait_credited(server, (ids[name] for name in CLOSES))
    said = answers(lines)
    assert (
        said.pop(("embedding", "embed"))[0] == 404
    )  # no embedding service: clients fall back to keyword tags

    opens = {name for (name, what), (status, _) in said.items() if what == "open" and status == 200}
    assert opens == set(STEPS)  # 35 opens from one machine in a minute (H7)
    refusals = {key: answer for key, answer in said.items() if answer[0] != 200}
    refused_chunk = [said[("refused", f"chunk 1 attempt {n}")] for n in range(1, 6)]
    assert set(refusals) == {("unsigned", "unsigned chunk")} | {
        ("refused", f"chunk 1 attempt {n}") for n in range(1, 6)
    }
    assert said[("unsigned", "unsigned chunk")][0] == 400  # H12: answered, nothing used
    assert all(answer == refused_chunk[0] for answer in refused_chunk)  # H2: every retry, the same answer
    status, body = refused_chunk[0]
    assert (status, body["quarantined"]) == (422, True)
    assert any("100000" in detail or "100,000" in detail for detail in body["details"]), body
    assert said[("resumed", "USER_FEEDBACK retry")][1].get("duplicate") is True
    assert said[("resumed", "close request")][1] == {"closed": True, "already_closed": True}

    # The server restarts with a short idle timeout: the session whose SESSION_CLOSE was lost is closed by it.
    # Feedback comes past the close grace, and the drain's close requests still get their answer.
    async with (
        start_server(data, *NO_LIMITS, "--idle-timeout", "1") as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        late = answers(await run_client(server.url, "late", orjson.dumps({"state": state})))
        await wait_credited(server, iter([ids["no-close"]]))
        summary = (await http.get("/v1/stats/summary")).json()
        models = (await http.get("/v1/stats/models")).json()
        providers = (await http.get("/v1/stats/providers")).json()
    assert late.pop(("refused", "chunk 1 after a restart")) == refused_chunk[0]
    assert {status for status, _ in late.values()} == {200}
    assert late[("iterated", "close request")][1] == {"closed": True, "already_closed": True}

    with sqlite3.connect(data / "central.sqlite3") as conn:
        credits = dict(conn.execute("SELECT session_id, steps FROM credits WHERE revision = 0").fetchall())
        feedback = dict(conn.execute("SELECT session_id, feedback_signal FROM sessions").fetchall())
        kinds = Counter(kind for (kind,) in conn.execute("SELECT kind FROM envelopes"))
    assert credits == {ids[name]: steps for name, steps in STEPS.items()}
    assert {name: feedback[ids[name]] for name in ("resumed", "iterated", "chat", "no-close", "turn-0")} == {
        "resumed": "accepted", "iterated": "iterated", "chat": "accepted", "no-close": "accepted",
        "turn-0": "accepted",
    }  # fmt: skip
    assert kinds["feedback"] == 4 + 25

    counted = sum(CHUNKS.values()) + len(CLOSES)  # chunks and SESSION_CLOSEs; feedback and refusals are not
    assert (summary["totalSessions"], summary["totalSteps"], summary["totalEnvelopes"]) == (
        len(STEPS),
        sum(STEPS.values()),
        counted,
    )
    for table in (models, providers):  # USER_FEEDBACK is in neither
        assert sum(row["sessions"] for row in table.values()) == len(STEPS), table
        assert sum(row["steps"] for row in table.values()) == sum(STEPS.values()), table
    assert set(providers) == {"claude-code", "codex", "gemini", "ollama"}
    assert models["gpt-5.5"]["sessions"] == 1 and models["claude-opus-4-7"]["sessions"] == 25

    records = {name: stitched(data)[ids[name]] for name in STEPS}
    assert {name: len(record["trajectory_log"]) for name, record in records.items()} == STEPS
    why = "; ".join(["refused (422): " + body["reason"], *body["details"]])
    assert records["refused"]["gaps"] == [{"sequence": 1, "why": why}]
    assert [gap["sequence"] for gap in records["dropped"]["gaps"]] == [1]
    assert {name: records[name]["status"] for name in ("iterated", "chat", "shutdown", "dropped", "no-close")} == {
        "iterated": "SUCCESS", "chat": "STOPPED", "shutdown": "SHUTDOWN", "dropped": "CRASH", "no-close": "CRASH",
    }  # fmt: skip
    assert records["auto"]["model"] == "unknown" and records["shutdown"]["model"] == "claude-opus-5"
    assert set(records["iterated"]["step_types"]) == {
        "instruction", "thought", "action", "observation", "correction", "clarification", "approval", "edit",
        "delegate", "yield", "resolution",
    }  # fmt: skip
    embedding = records["iterated"]["client_close_metadata"]["session_embedding"]
    assert len(embedding["vector"]) == 768 and embedding["vector"][3] == 1.5e-7
    assert (
        records["resumed"]["client_close_metadata"]["domain_tags"]["primary"]["domain"] == "typescript_node"
    )
    assert records["iterated"]["client_outcome"]["total_tokens"] == 2_500_000
