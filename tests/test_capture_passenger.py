"""Capture is a passenger: the real `groove-capture` CLI around an agent, against a real server and against
servers that answer like broken or foreign ones, with a spool damaged by hand.

For each: the agent's output and exit status are untouched, nothing is printed as a traceback, nothing the
client took in is lost (it is delivered, or it waits in the spool and the person is told), and large inputs
are captured whole.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
import trio

from tests.support.hostile import (
    Behaviour,
    bad_key,
    errors_500,
    garbage_200,
    hang,
    open_hostile_server,
    retry_after_0,
)
from tests.support.server import start_server

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0")


def claude_stream(pairs: int) -> str:
    """A Claude Code stream-json of `pairs` tool calls and their results: 2 x `pairs` steps."""
    lines = []
    for n in range(pairs):
        call = {"type": "tool_use", "id": f"toolu_{n}", "name": "Bash", "input": {"command": f"echo {n}"}}
        lines.append({"type": "assistant", "message": {"model": "claude-sonnet-4-6", "content": [call]}})
        result = {"type": "tool_result", "tool_use_id": f"toolu_{n}", "content": f"line {n}"}
        lines.append({"type": "user", "message": {"content": [result]}})
    return "".join(json.dumps(line) + "\n" for line in lines)


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GROOVE_CENTRAL_URL"}
    return {**env, "GROOVE_HOME": str(home), "PYTHONPATH": str(REPO)}


async def groove(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    with trio.fail_after(120):
        return await trio.run_process(
            [sys.executable, "-m", "client_actors.cli", *args], env=env_for(home),
            capture_stdout=True, capture_stderr=True, check=False,
        )  # fmt: skip


def printing(path: Path, exit_code: int) -> list[str]:
    """An 'agent' that prints a file and exits with `exit_code`."""
    script = (
        f"import sys\nsys.stdout.write(open({str(path)!r}).read())\nsys.stdout.flush()\nsys.exit({exit_code})"
    )
    return [sys.executable, "-c", script]


def credited_steps(data_dir: Path) -> list[int]:
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT steps FROM credits ORDER BY id")]


@pytest.fixture
async def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert (await groove(home, "consent", "on")).returncode == 0
    return home


async def test_an_import_of_more_steps_than_the_inbox_holds_is_credited_whole(
    home: Path, tmp_path: Path
) -> None:
    stream = tmp_path / "big.jsonl"
    stream.write_text(claude_stream(6_000))
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await groove(
            home, "import", "--provider", "claude-code", "--server", server.url, str(stream)
        )
        await server.log.wait_for("ledger.credited")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert credited_steps(tmp_path / "data") == [12_000]


async def test_an_agent_flooding_its_output_loses_no_line_and_keeps_its_exit_status(
    home: Path, tmp_path: Path
) -> None:
    stream = tmp_path / "big.jsonl"
    stream.write_text(claude_stream(6_000))
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await groove(home, "run", "--provider", "claude-code", "--server", server.url, "--wait", "60",
                              "--", *printing(stream, 7))  # fmt: skip
        await server.log.wait_for("ledger.credited")
    assert result.stdout == stream.read_bytes()
    assert result.returncode == 7, result.stderr
    assert b"Traceback" not in result.stderr
    assert credited_steps(tmp_path / "data") == [12_000]


@pytest.mark.parametrize(
    "behaviour", [garbage_200, bad_key, errors_500, hang, retry_after_0], ids=lambda b: b.__name__
)
async def test_a_broken_server_never_reaches_the_agent(
    home: Path, tmp_path: Path, behaviour: Behaviour
) -> None:
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(50))
    async with open_hostile_server(behaviour) as hostile:
        result = await groove(home, "run", "--provider", "claude-code", "--server", hostile.url, "--wait", "4",
                              "--", *printing(stream, 7))  # fmt: skip
        status = await groove(home, "status")
    said = result.stderr.decode()
    assert result.stdout == stream.read_bytes()
    assert result.returncode == 7, said
    assert "Traceback" not in said and "wait in the spool" in said, said
    assert b"1 session(s), 2 envelope(s) waiting" in status.stdout, status.stdout
    assert b"quarantined (refused by the server, kept for inspection): 0" in status.stdout
    assert len(hostile.requests) <= 8, hostile.requests  # backoff, never a hot loop (Retry-After: 0 included)
    # What waited is delivered once a real server is there.
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        flushed = await groove(home, "flush", "--server", server.url)
        await server.log.wait_for("ledger.credited")
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert credited_steps(tmp_path / "data") == [100]


async def test_a_damaged_spool_is_set_aside_and_the_rest_delivered(home: Path, tmp_path: Path) -> None:
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(30))
    async with open_hostile_server(hang) as nowhere:  # capture three sessions that wait in the spool
        for _ in range(3):
            result = await groove(home, "run", "--provider", "claude-code", "--server", nowhere.url,
                                  "--wait", "0", "--", *printing(stream, 0))  # fmt: skip
            assert result.returncode == 0
    spool = home / "spool"
    first, second, third = sorted(p for p in spool.iterdir() if p.name.startswith("sess_"))
    (first / "session.json").write_text('{"broken')
    (second / "00000001.json").write_text('{"broken')
    state = json.loads((third / "session.json").read_text())
    (third / "session.json").write_text(json.dumps({**state, "added_by_a_newer_client": 1}))
    (third / "²³.json").write_text("{}")
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        flushed = await groove(home, "flush", "--server", server.url)
        with trio.fail_after(30):
            while len(server.events_named("ledger.credited")) < 2:
                await server.log.wait_for("ledger.credited", after=len(server.events))
        status = await groove(home, "status")
    said = flushed.stderr.decode()
    assert "Traceback" not in said and "Traceback" not in status.stderr.decode()
    assert said.count("could not be read") == 2, said
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert sorted(credited_steps(tmp_path / "data")) == [
        0,
        60,
    ]  # the second lost its only chunk; the third whole
    assert b"damaged files set aside (could not be read): 2" in status.stdout
    assert sorted(p.name for p in (spool / "damaged").iterdir()) == sorted(
        [first.name, f"{second.name}.00000001.json"]
    )


async def test_a_damaged_consent_file_means_no_capture_and_the_agent_runs(home: Path, tmp_path: Path) -> None:
    (home / "consent.json").write_text("{not json")
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(3))
    result = await groove(home, "run", "--provider", "claude-code", "--", *printing(stream, 5))
    assert result.stdout == stream.read_bytes() and result.returncode == 5
    assert b"cannot be read" in result.stderr and b"Traceback" not in result.stderr
    assert not (home / "spool").exists()
    again = await groove(home, "consent", "on")
    assert again.returncode == 0 and b"moved to" in again.stderr
    assert await trio.Path(home).glob("consent.json.damaged-*")


async def test_sessions_captured_without_a_server_are_delivered_by_flush(home: Path, tmp_path: Path) -> None:
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(10))
    offline = await groove(home, "run", "--provider", "claude-code", "--", *printing(stream, 0))
    assert offline.returncode == 0 and b"give --server" in offline.stderr
    nothing = await groove(home, "flush")
    assert nothing.returncode == 3 and b"record no server: give --server" in nothing.stdout
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        spelled_otherwise = server.url.replace("127.0.0.1", "localhost")
        flushed = await groove(home, "flush", "--server", spelled_otherwise)
        await server.log.wait_for("ledger.credited")
    assert flushed.returncode == 0 and b"everything delivered" in flushed.stdout, flushed.stdout
    assert credited_steps(tmp_path / "data") == [20]


async def test_ctrl_c_ends_a_waiting_flush_with_one_line(home: Path, tmp_path: Path) -> None:
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(3))
    async with open_hostile_server(hang) as nowhere:
        await groove(home, "run", "--provider", "claude-code", "--server", nowhere.url, "--wait", "0",
                     "--", *printing(stream, 0))  # fmt: skip
        requests = len(nowhere.requests)
        command = [
            sys.executable,
            "-m",
            "client_actors.cli",
            "flush",
            "--server",
            nowhere.url,
            "--wait",
            "60",
        ]
        process = await trio.lowlevel.open_process(
            command, env=env_for(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        with trio.fail_after(30):
            while len(nowhere.requests) == requests:  # the flush is waiting on the server
                nowhere.first_request = trio.Event()
                await nowhere.first_request.wait()
        process.send_signal(signal.SIGINT)
        with trio.fail_after(30):
            await process.wait()
        assert process.stderr is not None
        said = (await process.stderr.receive_some(65536)).decode()
    assert process.returncode == 130
    assert said.strip().count("\n") == 0 and "interrupted" in said and "Traceback" not in said, said
    assert b"1 session(s)" in (await groove(home, "status")).stdout


async def test_local_commands_tell_what_they_see(home: Path, tmp_path: Path) -> None:
    lone = tmp_path / "lone.jsonl"
    text = {"type": "assistant", "message": {"content": [{"type": "text", "text": "cut \ud800 here"}]}}
    lone.write_text(json.dumps(text) + "\n")
    parsed = await groove(home, "parse", "--provider", "claude-code", str(lone))
    assert parsed.returncode == 0 and b"Traceback" not in parsed.stderr
    assert json.loads(parsed.stdout)["content"] == "cut \ud800 here"
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(5))
    wrong = await groove(home, "parse", "--provider", "codex", str(stream))
    assert b"no steps found" in wrong.stderr and b"try --provider claude-code" in wrong.stderr
    status = await groove(home, "status")
    assert b"last delivery: never" in status.stdout


async def test_import_counts_the_lines_of_a_file_and_streams_a_pipe(home: Path, tmp_path: Path) -> None:
    stream = tmp_path / "agent.jsonl"
    stream.write_text(claude_stream(56))  # 112 lines, the last one ended by a newline
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        whole = await groove(home, "import", "--provider", "claude-code", "--server", server.url, str(stream))
        await server.log.wait_for("ledger.credited")
        async with trio.open_nursery() as nursery:
            nursery.start_soon(partial(trio.to_thread.run_sync, fifo.write_text, stream.read_text()))
            piped = await groove(
                home, "import", "--provider", "claude-code", "--server", server.url, str(fifo)
            )
        with trio.fail_after(30):
            while len(server.events_named("ledger.credited")) < 2:
                await server.log.wait_for("ledger.credited", after=len(server.events))
    assert whole.returncode == 0 and piped.returncode == 0, whole.stderr + piped.stderr
    progress = [line for line in whole.stderr.decode().splitlines() if line.startswith("import ")]
    assert progress[-1] == "import agent.jsonl: 100% (112 lines)", progress
    assert "113" not in whole.stderr.decode()
    read = [line for line in piped.stderr.decode().splitlines() if line.startswith("import ")]
    assert read[-1] == f"import {fifo}: 112 lines read", read
    assert not any("%" in line for line in read)  # a pipe has no size: no percentage
    assert credited_steps(tmp_path / "data") == [112, 112]


async def test_ctrl_c_during_an_import_from_a_pipe_captures_what_was_read(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "client_actors.cli", "import", "--provider", "claude-code", str(fifo)]
    process = await trio.lowlevel.open_process(command, env=env_for(home), stderr=subprocess.PIPE)
    assert process.stderr is not None
    writer = await trio.to_thread.run_sync(os.open, fifo, os.O_WRONLY)  # waits for the import to open it
    try:
        os.write(
            writer, claude_stream(10).encode()
        )  # 20 lines in one write (< PIPE_BUF): one read takes them
        said = await read_until(process.stderr, b"20 lines read")
        process.send_signal(signal.SIGINT)  # the writer is still there: the import waits for more
        with trio.fail_after(30):
            await process.wait()
            said += await read_to_end(process.stderr)
    finally:
        os.close(writer)
    text = said.decode()
    assert process.returncode == 130, text
    assert f"interrupted after 20 lines of {fifo}; they are captured" in text and "Traceback" not in text
    assert b"1 session(s), 2 envelope(s) waiting" in (await groove(home, "status")).stdout
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        flushed = await groove(home, "flush", "--server", server.url)
        await server.log.wait_for("ledger.credited")
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert credited_steps(tmp_path / "data") == [20]
    with sqlite3.connect(tmp_path / "data" / "central.sqlite3") as conn:
        assert conn.execute("SELECT close_status FROM sessions").fetchall() == [("KILLED",)]


async def read_until(stream: trio.abc.ReceiveStream, wanted: bytes) -> bytes:
    said = b""
    with trio.fail_after(30):
        while wanted not in said:
            chunk = await stream.receive_some(65536)
            assert chunk, said
            said += chunk
    return said


async def read_to_end(stream: trio.abc.ReceiveStream) -> bytes:
    said = b""
    while chunk := await stream.receive_some(65536):
        said += chunk
    return said
