"""The capturing commands of `groove-capture`: run an agent, import a file, flush the spool.

Imported only after consent was checked (client_actors.cli).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import trio

from client_actors import consent
from client_actors.capture import AgentHandle, AgentSpec, CaptureService, open_capture_service
from client_actors.classify import EndReason
from client_actors.consent import write_private
from client_actors.tools import DELIVERY_FILE

READ_SIZE = 65_536
CONSENT_CHECK_S = 2.0


def command(args: argparse.Namespace, home: Path) -> int:
    match args.command:
        case "run":
            return trio.run(run_agent, args, home)
        case "import":
            return trio.run(import_file, args, home)
        case "flush":
            return trio.run(flush, args, home)
    raise AssertionError(args.command)


def _spec(args: argparse.Namespace) -> AgentSpec:
    return AgentSpec(provider=args.provider, model=args.model, role=args.role)


async def run_agent(args: argparse.Namespace, home: Path) -> int:
    """Run the agent with its stdout passed through unchanged and captured; exit with its status."""
    async with open_capture_service(home, args.server) as service:
        agent = service.spawn(_spec(args))
        try:
            process = await trio.lowlevel.open_process(args.agent, stdout=subprocess.PIPE)
        except OSError as exc:
            agent.ended("crashed")
            await agent.actor.done.wait()
            print(f"groove-capture run: cannot start {args.agent[0]!r}: {exc.strerror}", file=sys.stderr)
            return 127
        async with trio.open_nursery() as nursery:
            nursery.start_soon(_forward_signals, process)
            nursery.start_soon(_stop_on_opt_out, home, service)
            assert process.stdout is not None
            await _pump(process.stdout, agent)
            code = await process.wait()
            nursery.cancel_scope.cancel()
        agent.ended(_end_reason(code))
        await _finish(service, agent, home, args.server, args.wait)
    return 128 - code if code < 0 else code


def _end_reason(code: int) -> EndReason:
    if code == 0:
        return "completed"
    return "killed" if code < 0 else "crashed"


async def _pump(stream: trio.abc.ReceiveStream, agent: AgentHandle) -> None:
    """Copy the agent's stdout to ours byte for byte, and hand each complete line to capture."""
    pending = b""
    async for data in stream:
        await trio.to_thread.run_sync(_write_stdout, data)
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            agent.stdout_line(line.decode("utf-8", errors="replace"))
    if pending:
        agent.stdout_line(pending.decode("utf-8", errors="replace"))


def _write_stdout(data: bytes | bytearray) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


async def _stop_on_opt_out(home: Path, service: CaptureService) -> None:
    """The person ran `groove-capture consent off` meanwhile: flush what was captured, capture no more.

    The agent itself runs on, its output still passed through. Checked every CONSENT_CHECK_S seconds.
    """
    interval = float(os.environ.get("GROOVE_CONSENT_CHECK_S", CONSENT_CHECK_S))
    while True:  # another process changes the consent file: there is nothing to wait on but the clock
        await trio.sleep(interval)
        if not await trio.to_thread.run_sync(consent.is_opted_in, home):
            break
    print("groove-capture: consent withdrawn; capture stopped (the agent keeps running)", file=sys.stderr)
    await service.opt_out()


async def _forward_signals(process: trio.Process) -> None:
    with trio.open_signal_receiver(signal.SIGINT, signal.SIGTERM, signal.SIGHUP) as signals:
        async for signum in signals:
            if process.returncode is None:
                process.send_signal(signum)


async def _finish(
    service: CaptureService, agent: AgentHandle, home: Path, server: str | None, wait: float
) -> None:
    """Wait for the SESSION_CLOSE to be spooled, then at most `wait` seconds for delivery."""
    await agent.actor.done.wait()
    delivered = False
    if server:
        with trio.move_on_after(wait):
            delivered = await service.delivered()
    record_delivery(home, service, server)
    if server and not delivered:
        print(
            f"groove-capture: delivery to {server} not finished; it stays in the spool for the next run "
            "or `groove-capture flush`",
            file=sys.stderr,
        )


def record_delivery(home: Path, service: CaptureService, server: str | None) -> None:
    sender = service.sender
    if sender is None:
        return
    previous = {}
    path = home / DELIVERY_FILE
    if path.exists():
        previous = json.loads(path.read_text("utf-8"))
    document = {
        "server": server,
        "last_delivery_at": time.time() if sender.delivered else previous.get("last_delivery_at", 0),
        "delivered": sender.delivered
        + (previous.get("delivered", 0) if previous.get("server") == server else 0),
        "last_error": sender.last_error,
    }
    write_private(path, json.dumps(document).encode())


async def import_file(args: argparse.Namespace, home: Path) -> int:
    """Capture an existing stream or transcript as one session, with a progress bar on stderr."""
    try:
        text = await trio.Path(args.file).read_text("utf-8", errors="replace")
    except OSError as exc:
        print(f"groove-capture import: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    lines = _document_as_line(text) or text.split("\n")
    progress = Progress(len(lines), label=f"import {args.file.name}")
    async with open_capture_service(home, args.server) as service:
        agent = service.spawn(_spec(args))
        for number, line in enumerate(lines, 1):
            agent.stdout_line(line)
            progress.update(number)
            if number % 1000 == 0:
                await trio.lowlevel.checkpoint()  # let the actor drain: the inbox is bounded
        progress.done()
        agent.ended("completed")
        await _finish(service, agent, home, args.server, wait=30.0)
    return 0


def _document_as_line(text: str) -> list[str] | None:
    """A pretty-printed JSON document (Gemini json output, session files) as the one line parsers expect."""
    stripped = text.strip()
    if not stripped.startswith("{") or "\n" not in stripped:
        return None
    try:
        return [json.dumps(json.loads(stripped), ensure_ascii=False)]
    except ValueError:
        return None


async def flush(args: argparse.Namespace, home: Path) -> int:
    async with open_capture_service(home, args.server) as service:
        delivered = False
        with trio.move_on_after(args.wait):
            delivered = await service.delivered()
        record_delivery(home, service, args.server)
        sent = service.sender.delivered if service.sender else 0
    status = (
        "everything delivered"
        if delivered
        else "some envelopes are still waiting (see `groove-capture status`)"
    )
    print(f"flush: {sent} envelope(s) delivered to {args.server}; {status}")
    return 0 if delivered else 1


class Progress:
    """A progress bar on a terminal, a line every 10% otherwise."""

    def __init__(self, total: int, *, label: str) -> None:
        self.total = max(1, total)
        self.label = label
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def update(self, done: int) -> None:
        percent = done * 100 // self.total
        step = percent if self.tty else percent // 10 * 10
        if step == self.shown:
            return
        self.shown = step
        if self.tty:
            bar = "#" * (percent // 4)
            sys.stderr.write(f"\r{self.label} [{bar:<25}] {percent:3d}% ({done}/{self.total} lines)")
        else:
            sys.stderr.write(f"{self.label}: {step}% ({done}/{self.total} lines)\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write(os.linesep)
