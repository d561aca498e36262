"""`groove-capture` end to end on loopback: real client processes around real agent streams, a real server."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import trio

from tests.conftest import AGENT_STREAMS
from tests.support.ports import held_port
from tests.support.server import ServerProcess, start_server
from tests.support.shared import needs

pytestmark = pytest.mark.slow

TRANSCRIPT = AGENT_STREAMS / "claude-code" / "transcript" / "cc-2.0.27-transcript-27-tools-1-error.jsonl"
REPO = Path(__file__).resolve().parents[1]
NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0")


def capture_env(home: Path) -> dict[str, str]:
    return {**os.environ, "GROOVE_HOME": str(home), "PYTHONPATH": str(REPO)}


def replay(path: Path, *, times: int = 1, exit_code: int = 0, then_signal: int | None = None) -> list[str]:
    """An 'agent' that prints a real stream (several times), then exits or kills itself."""
    end = f"os.kill(os.getpid(), {then_signal})" if then_signal else f"sys.exit({exit_code})"
    script = f"import os, sys\nfor _ in range({times}): sys.stdout.write(open({str(path)!r}).read())\n"
    script += "sys.stdout.flush()\n" + end
    return [sys.executable, "-c", script]


async def capture(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "client_actors.cli", *args]
    return await trio.run_process(
        command, env=capture_env(home), capture_stdout=True, capture_stderr=True, check=False
    )


def credits(data_dir: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        return conn.execute(
            "SELECT s.close_status, c.steps FROM credits c JOIN sessions s USING (session_id)"
        ).fetchall()


async def read_until(stream: trio.abc.ReceiveStream, wanted: bytes) -> bytes:
    """What `stream` says up to and including `wanted`, which must come within 30 s."""
    said = b""
    with trio.move_on_after(30):
        while wanted not in said:
            chunk = await stream.receive_some()
            assert chunk, said
            said += chunk
        return said
    pytest.fail(f"{wanted!r} not said within 30 s; said: {said!r}")


async def read_to_end(stream: trio.abc.ReceiveStream, into: list[bytes]) -> list[bytes]:
    while chunk := await stream.receive_some():
        into.append(bytes(chunk))
    return into


async def opted_in(home: Path) -> None:
    result = await capture(home, "consent", "on")
    assert result.returncode == 0, result.stderr


async def test_without_consent_the_agent_runs_and_nothing_capturing_is_imported(tmp_path: Path) -> None:
    probe = (
        "import sys; from client_actors import cli\n"
        f"code = cli.main(['run', '--provider', 'claude-code', '--', {sys.executable!r}, '-c', 'print(42)'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('client_actors', 'groove_actors')))\n"
        "tops = {m.partition('.')[0] for m in sys.modules}\n"
        "foreign = sorted(tops & {'trio', 'httpx', 'httpcore', 'h11', 'cryptography', 'orjson', 'cattrs'})\n"
        "print(code, foreign, loaded, file=sys.stderr)"
    )
    result = await trio.run_process(
        [sys.executable, "-c", probe], env=capture_env(tmp_path), capture_stdout=True, capture_stderr=True
    )
    code, foreign, loaded = result.stderr.decode().strip().split(" ", 2)
    assert result.stdout == b"42\n" and code == "0"
    assert foreign == "[]", "none of the capture stack's libraries is loaded"
    expected = ["client_actors", "client_actors.cli", "client_actors.consent"]
    # the argument checks and the protocol's constants (choices, lengths): the standard library only
    expected += [
        "groove_actors",
        "groove_actors.options",
        "groove_actors.protocol",
        "groove_actors.protocol.limits",
    ]
    assert loaded == str(expected)


@needs(AGENT_STREAMS)
async def test_run_passes_output_through_and_the_session_is_credited(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await capture(home, "run", "--provider", "claude-code", "--server", server.url, "--",
                               *replay(TRANSCRIPT, exit_code=3))  # fmt: skip
        await server.log.wait_for("ledger.credited")
    assert result.stdout == TRANSCRIPT.read_bytes()
    assert result.returncode == 3
    ((status, steps),) = credits(tmp_path / "data")
    assert status == "CRASH"
    parsed = await capture(home, "parse", "--provider", "claude-code", str(TRANSCRIPT))
    assert steps == len(parsed.stdout.splitlines())


@needs(AGENT_STREAMS)
async def test_a_killed_agent_closes_as_killed_with_the_shell_exit_status(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await capture(home, "run", "--provider", "claude-code", "--server", server.url, "--",
                               *replay(TRANSCRIPT, then_signal=signal.SIGTERM))  # fmt: skip
        await server.log.wait_for("ledger.credited")
    assert result.returncode == 128 + signal.SIGTERM
    assert [status for status, _ in credits(tmp_path / "data")] == ["KILLED"]


@needs(AGENT_STREAMS)
async def test_server_down_at_first_then_flush_delivers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    with held_port() as port:  # nothing listens there until the server starts, and no other program takes it
        url = f"http://127.0.0.1:{port}"
        with trio.fail_after(30):
            result = await capture(home, "run", "--provider", "claude-code", "--server", url, "--wait", "1", "--",
                                   *replay(TRANSCRIPT))  # fmt: skip
        assert result.returncode == 0
        assert b"2 envelope(s) not delivered to" in result.stderr and b"wait in the spool" in result.stderr
        status = await capture(home, "status")
        assert b"1 session(s), 2 envelope(s) waiting" in status.stdout
        async with start_server(tmp_path / "data", *NO_LIMITS, "--port", str(port)) as server:
            assert server.url == url
            flushed = await capture(home, "flush", "--server", url)
            await server.log.wait_for("ledger.credited")
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    ((status_text, steps),) = credits(tmp_path / "data")
    assert status_text == "SUCCESS" and steps > 0
    assert b"0 session(s)" in (await capture(home, "status")).stdout


@needs(AGENT_STREAMS)
async def test_client_killed_mid_session_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        stuck = replay(TRANSCRIPT, times=3)
        stuck[-1] = stuck[-1].replace("sys.exit(0)", "import time; time.sleep(600)")
        command = [sys.executable, "-m", "client_actors.cli", "run", "--provider", "claude-code",
                   "--server", server.url, "--", *stuck]  # fmt: skip
        client = await trio.lowlevel.open_process(command, env=capture_env(home), stdout=subprocess.DEVNULL)
        try:
            await _first_ingest(server)
        finally:
            client.kill()
            await client.wait()
        flushed = await capture(home, "flush", "--server", server.url)
        await server.log.wait_for("ledger.credited")
        summary = await _summary(server)
    assert flushed.returncode == 0
    printed = tmp_path / "printed.jsonl"  # what the agent printed: three copies, read as one stream
    printed.write_text(TRANSCRIPT.read_text() * 3)
    parsed = await capture(home, "parse", "--provider", "claude-code", str(printed))
    every_step = len(parsed.stdout.splitlines())
    ((status, steps),) = credits(tmp_path / "data")
    # The next start closed the dead capture's session from its journal. Lines still in flight inside the
    # killed process (read from the pipe, not yet parsed) are gone; every step it had taken in is there, once.
    assert status == "CRASH"
    assert 200 < steps <= every_step and steps <= summary["totalSteps"]
    numbers = [int(str(s["step"])) for s in stitched_steps(tmp_path / "data")]
    assert numbers == sorted(set(numbers)) and len(numbers) == steps


def stitched_steps(data_dir: Path) -> list[dict[str, object]]:
    (segment,) = sorted((data_dir / "trajectories").iterdir())
    (line,) = segment.read_bytes().splitlines()
    steps: list[dict[str, object]] = json.loads(line)["trajectory_log"]
    return steps


async def _first_ingest(server: ServerProcess) -> None:
    with trio.fail_after(60):
        seen = 0
        while True:
            record = await server.log.wait_for("request", after=seen)
            seen = server.events.index(record) + 1
            if record.get("path") == "/v1/training/ingest" and record.get("status") == 200:
                return


async def _summary(server: ServerProcess) -> dict[str, int]:
    import httpx

    async with httpx.AsyncClient(base_url=server.url) as http:
        summary: dict[str, int] = (await http.get("/v1/stats/summary")).json()
    return summary


@needs(AGENT_STREAMS)
async def test_import_shows_progress_and_delivers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    session_file = AGENT_STREAMS / "gemini" / "session-json" / "gemini-0.11-session-981c87cb-13-tools.json"
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await capture(
            home, "import", "--provider", "gemini", "--server", server.url, str(session_file)
        )
        await server.log.wait_for("ledger.credited")
    assert result.returncode == 0, result.stderr
    assert b"100%" in result.stderr
    ((_, steps),) = credits(tmp_path / "data")
    parsed = await capture(home, "parse", "--provider", "gemini", str(session_file))
    assert steps == len(parsed.stdout.splitlines())


async def test_scrub_filter_and_consent_status(tmp_path: Path) -> None:
    home = tmp_path / "home"
    secret = "ghp_" + "".join(chr(ord("a") + (i * 7) % 26) for i in range(36))  # built here, never committed
    records = json.dumps({"text": f"git push https://x:{secret}@github.com/o/r", "id": 7}) + "\nnot json\n"
    scrubbed = await trio.run_process(
        [sys.executable, "-m", "client_actors.cli", "scrub"], stdin=records.encode(),
        env=capture_env(home), capture_stdout=True, capture_stderr=True, check=False,
    )  # fmt: skip
    (line,) = scrubbed.stdout.decode().splitlines()
    assert secret not in line and json.loads(line)["id"] == 7
    assert scrubbed.returncode == 1
    assert scrubbed.stderr == b"groove-capture scrub: line 2 skipped: not a JSON object\n"
    records = '{"id": 1}\n[1, 2]\n{"text": 3}\n\n{"text": "ok \\ud800", "note": "\\udc00"}\n'
    skipped = await trio.run_process(
        [sys.executable, "-m", "client_actors.cli", "scrub"], stdin=records.encode(),
        env=capture_env(home), capture_stdout=True, capture_stderr=True, check=False,
    )  # fmt: skip
    assert skipped.returncode == 1
    assert skipped.stderr.decode().splitlines() == [
        'groove-capture scrub: line 1 skipped: no "text" field',
        "groove-capture scrub: line 2 skipped: not a JSON object",
        'groove-capture scrub: line 3 skipped: "text" is not a string',
    ]
    (kept,) = skipped.stdout.decode().splitlines()  # a lone surrogate leaves as the escape it came in as
    assert json.loads(kept)["text"] == "ok \ud800" and json.loads(kept)["note"] == "\udc00"
    clean = await trio.run_process(
        [sys.executable, "-m", "client_actors.cli", "scrub"], stdin=b'{"text": "mail bob@example.com"}\n',
        env=capture_env(home), capture_stdout=True, capture_stderr=True, check=False,
    )  # fmt: skip
    assert clean.returncode == 0 and clean.stderr == b""
    assert json.loads(clean.stdout)["text"] == "mail bob@example.com"  # reserved for examples: kept
    assert b"opted in: no" in (await capture(home, "consent", "status")).stdout
    await opted_in(home)
    assert b"opted in: yes" in (await capture(home, "consent", "status")).stdout


@needs(AGENT_STREAMS)
async def test_consent_withdrawn_mid_run_stops_capture_but_not_the_agent(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    lines = TRANSCRIPT.read_text().splitlines(keepends=True)
    half = len(lines) // 2
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[:half]))
    second.write_text("".join(lines[half:]))
    opt_out = [sys.executable, "-m", "client_actors.cli", "consent", "off"]
    # The agent prints half its stream, withdraws consent, waits until its stdin (the test's pipe, which the
    # capture passes on) closes, prints the rest. The test closes it once the capture has said it stopped.
    script = (
        f"import subprocess, sys\nsys.stdout.write(open({str(first)!r}).read()); sys.stdout.flush()\n"
        f"subprocess.run({opt_out!r}, check=True, stdout=subprocess.DEVNULL)\nsys.stdin.read()\n"
        f"sys.stdout.write(open({str(second)!r}).read())\n"
    )
    env = {**capture_env(home), "GROOVE_CONSENT_CHECK_S": "0.1"}
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        command = [sys.executable, "-m", "client_actors.cli", "run", "--provider", "claude-code",
                   "--server", server.url, "--", sys.executable, "-c", script]  # fmt: skip
        process = await trio.lowlevel.open_process(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        printed: list[bytes] = []
        try:
            async with trio.open_nursery() as nursery:
                nursery.start_soon(read_to_end, process.stdout, printed)
                said = await read_until(process.stderr, b"consent withdrawn")
                await process.stdin.aclose()  # capture has stopped: the agent goes on
                with trio.fail_after(30):
                    said += b"".join(await read_to_end(process.stderr, []))
                    await process.wait()
        finally:
            await process.stdin.aclose()
            process.kill()
        await server.log.wait_for("ledger.credited")
    assert process.returncode == 0, said
    assert b"".join(printed) == TRANSCRIPT.read_bytes()
    ((status, steps),) = credits(tmp_path / "data")
    first_half = await capture(home, "parse", "--provider", "claude-code", str(first))
    whole = await capture(home, "parse", "--provider", "claude-code", str(TRANSCRIPT))
    assert status == "KILLED"
    assert len(first_half.stdout.splitlines()) - 2 <= steps < len(whole.stdout.splitlines())


def sessions_opened(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        (count,) = conn.execute("SELECT count(*) FROM sessions").fetchone()
    return int(count)


@needs(AGENT_STREAMS)
async def test_an_input_with_no_steps_is_said_in_one_line_and_opens_no_session(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    empty, blank = tmp_path / "empty.jsonl", tmp_path / "blank.jsonl"
    empty.write_bytes(b"")
    blank.write_bytes(b" \n\n\t\n")
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        imports = [
            await capture(home, "import", "--provider", "codex", "--server", server.url, str(path))
            for path in (empty, blank, TRANSCRIPT)  # a Claude Code transcript gives no codex steps
        ]
    parsed = [await capture(home, "parse", "--provider", "codex", str(path)) for path in (empty, blank)]
    said = [result.stderr.decode() for result in imports + parsed]
    assert [result.returncode for result in imports + parsed] == [1, 1, 1, 1, 1], said
    assert said[0] == f"groove-capture import: nothing to import: {empty} is empty\n"
    assert said[1] == f"groove-capture import: nothing to import: {blank} holds only whitespace\n"
    steps = len(
        (await capture(home, "parse", "--provider", "claude-code", str(TRANSCRIPT))).stdout.splitlines()
    )
    hint = f"it reads as a claude-code stream ({steps} steps): try --provider claude-code"
    assert said[2].endswith(f"no steps found in {TRANSCRIPT} as a codex stream; {hint}\n"), said[2]
    assert said[3] == f"groove-capture parse: nothing to parse: {empty} is empty\n"
    assert said[4] == f"groove-capture parse: nothing to parse: {blank} holds only whitespace\n"
    assert parsed[0].stdout == b"" and parsed[1].stdout == b""
    assert sessions_opened(tmp_path / "data") == 0
    assert list((home / "spool").iterdir()) == []


async def test_an_input_that_cannot_be_read_is_a_usage_error_said_before_anything_else(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    env = {k: v for k, v in capture_env(home).items() if k != "GROOVE_CENTRAL_URL"}
    for command in ("import", "parse"):
        for path in (tmp_path / "missing.jsonl", tmp_path):
            result = await trio.run_process(
                [sys.executable, "-m", "client_actors.cli", command, "--provider", "codex", str(path)],
                env=env, capture_stdout=True, capture_stderr=True, check=False,
            )  # fmt: skip
            why = "No such file or directory" if path != tmp_path else "Is a directory"
            assert result.returncode == 2, result.stderr
            assert result.stderr.decode() == f"groove-capture {command}: cannot read {path}: {why}\n"
    assert not (home / "spool").exists() or list((home / "spool").iterdir()) == []


@needs(AGENT_STREAMS)
async def test_status_keeps_the_last_delivery_apart_from_a_failed_attempt(tmp_path: Path) -> None:
    home = tmp_path / "home"
    await opted_in(home)
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        delivered = await capture(home, "import", "--provider", "claude-code", "--server", server.url,
                                  str(TRANSCRIPT))  # fmt: skip
        await server.log.wait_for("ledger.credited")
    assert delivered.returncode == 0, delivered.stderr
    after_delivery = (await capture(home, "status")).stdout.decode()
    with held_port() as port:  # nothing listens there until the server starts, and no other program takes it
        dead = f"http://127.0.0.1:{port}"
        failed = await capture(home, "import", "--provider", "claude-code", "--server", dead, "--wait", "1",
                               str(TRANSCRIPT))  # fmt: skip
        assert failed.returncode == 3, failed.stderr
        after_failure = (await capture(home, "status")).stdout.decode()
        (delivery,) = [line for line in after_delivery.splitlines() if line.startswith("last delivery:")]
        assert delivery.endswith(f"to {server.url}, 2 envelope(s) acknowledged"), after_delivery
        assert "failed" not in after_delivery
        assert delivery in after_failure.splitlines(), after_failure  # still the one that got through
        (failure,) = [line for line in after_failure.splitlines() if line.startswith("last failed delivery:")]
        assert f"to {dead}: ConnectError" in failure and "waits in the spool" in failure, failure
        assert f"to {dead} (" not in after_failure and "0 envelope(s)" not in after_failure
        async with start_server(tmp_path / "data", *NO_LIMITS, "--port", str(port)) as back:
            assert back.url == dead
            assert (await capture(home, "flush", "--server", dead)).returncode == 0
            await back.log.wait_for("ledger.credited")
    after_flush = (await capture(home, "status")).stdout.decode()
    assert f"to {dead}, 2 envelope(s) acknowledged" in after_flush and "failed" not in after_flush


async def test_a_bad_environment_never_stops_the_agent(tmp_path: Path) -> None:
    """What the environment holds is not the person's command line: `run` says each problem in one line and
    the agent runs, with its output and exit status, captured without what the problem concerns or not at all."""
    home = tmp_path / "home"
    await opted_in(home)
    agent = [sys.executable, "-c", "print('agent output'); raise SystemExit(7)"]
    cases = {
        "url": ({"GROOVE_CENTRAL_URL": "127.0.0.1:8443"}, "(from GROOVE_CENTRAL_URL)"),
        "consent check": ({"GROOVE_CONSENT_CHECK_S": "0"}, "(from GROOVE_CONSENT_CHECK_S)"),
        "home a file": ({"GROOVE_HOME": str(tmp_path / "a-file")}, "the agent runs uncaptured"),
    }
    (tmp_path / "a-file").write_text("")
    for name, (variables, said) in cases.items():
        ran = await trio.run_process(
            [sys.executable, "-m", "client_actors.cli", "run", "--provider", "codex", "--", *agent],
            env={**capture_env(home), **variables}, capture_stdout=True, capture_stderr=True, check=False,
        )  # fmt: skip
        assert (ran.returncode, ran.stdout) == (7, b"agent output\n"), (name, ran.stderr)
        assert said in ran.stderr.decode() and b"Traceback" not in ran.stderr, (name, ran.stderr)
    missing = await trio.run_process(
        [sys.executable, "-m", "client_actors.cli", "run", "--provider", "codex", "--", "no-such-agent-here"],
        env={**capture_env(home), "GROOVE_HOME": str(tmp_path / "a-file")}, capture_stderr=True, check=False,
    )  # fmt: skip
    assert missing.returncode == 127 and b"no-such-agent-here" in missing.stderr
    assert b"Traceback" not in missing.stderr
