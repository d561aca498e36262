"""Runs the real server as a child process, the way an operator does, and knows when it is ready."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import attrs
import orjson
import trio

READY_EVENT = "server.started"
START_DEADLINE_S = 30.0
STOP_DEADLINE_S = 30.0


@attrs.define(eq=False)
class EventLog:
    """The server's log lines as they arrive, with a way to wait for one without polling."""

    lines: list[dict[str, object]] = attrs.Factory(list)
    _arrived: trio.Event = attrs.Factory(trio.Event)

    def append(self, record: dict[str, object]) -> None:
        self.lines.append(record)
        arrived, self._arrived = self._arrived, trio.Event()
        arrived.set()

    async def wait_for(self, name: str, *, after: int = 0) -> dict[str, object]:
        """The first event called `name` at or past position `after`, waiting for it to be logged."""
        seen = after
        while True:
            for record in self.lines[seen:]:
                if record.get("event") == name:
                    return record
            seen = len(self.lines)
            await self._arrived.wait()

    async def wait_for_session(self, name: str, session_id: str) -> dict[str, object]:
        """The first event called `name` about `session_id`, waiting for it to be logged."""
        seen = 0
        while True:
            for record in self.lines[seen:]:
                if record.get("event") == name and record.get("session_id") == session_id:
                    return record
            seen = len(self.lines)
            await self._arrived.wait()


@attrs.define(eq=False)
class ServerProcess:
    url: str
    data_dir: Path
    process: trio.Process
    log: EventLog

    @property
    def events(self) -> list[dict[str, object]]:
        return self.log.lines

    def events_named(self, name: str) -> list[dict[str, object]]:
        return [e for e in self.events if e.get("event") == name]


async def _read_events(
    process: trio.Process,
    events: EventLog,
    *,
    task_status: trio.TaskStatus[str],
) -> None:
    """Collect the server's JSON log lines; report its URL once it logs that it is listening."""
    assert process.stderr is not None
    buffer = b""
    ready = False
    async for data in process.stderr:
        buffer += data
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                record = {"event": "raw", "line": line.decode(errors="replace")}
            events.append(record)
            if not ready and record.get("event") == READY_EVENT:
                ready = True
                task_status.started(record["binds"][0])
    if not ready:
        raise RuntimeError(f"server exited before listening; its output: {events.lines}")


@asynccontextmanager
async def start_server(
    data_dir: Path,
    *extra_args: str,
    launcher: tuple[str, ...] = (sys.executable,),
    env: Mapping[str, str] | None = None,
) -> AsyncIterator[ServerProcess]:
    """Start `groove-central serve` on 127.0.0.1 with an ephemeral port; SIGTERM it on exit.

    `launcher` is the interpreter command, for tests that start the server under a wrapper; `env` adds to the
    environment it inherits (NOTIFY_SOCKET, as systemd sets it).
    """
    command = [
        *launcher, "-m", "groove_actors.cli", "serve",
        "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir), *extra_args,
    ]  # fmt: skip
    events = EventLog()
    async with trio.open_nursery() as nursery:
        process = await trio.lowlevel.open_process(
            command, stderr=subprocess.PIPE, env={**os.environ, **env} if env is not None else None
        )
        try:
            with trio.fail_after(START_DEADLINE_S):
                url = await nursery.start(_read_events, process, events)
            yield ServerProcess(url=url, data_dir=data_dir, process=process, log=events)
        finally:
            with trio.CancelScope(shield=True), trio.move_on_after(STOP_DEADLINE_S):
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                await process.wait()
            if process.returncode is None:
                process.kill()


async def run_central(*args: str) -> subprocess.CompletedProcess[bytes]:
    """`groove-central ARGS` (check, rebuild, requeue...), run to its end."""
    with trio.fail_after(120):
        return await trio.run_process(
            [sys.executable, "-m", "groove_actors.cli", *args],
            capture_stdout=True,
            capture_stderr=True,
            check=False,
        )
