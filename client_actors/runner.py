"""The capturing commands of `groove-capture`: run an agent, import a file, flush the spool.

Imported only after consent was checked (client_actors.cli). Capture is a passenger: in `run`, whatever happens
to capture (a broken or foreign server, a damaged spool, a bug of ours), the agent runs on with its output passed
through byte for byte and its exit status returned; capture's trouble is said once, in one line on stderr, with
what to do. What was captured and not delivered waits in the spool, and each command ends by saying so.

Exit status of `import` and `flush` (`run` returns the agent's): 0 everything delivered; 3 captured, and some
envelopes still wait in the spool (`groove-capture flush` delivers them); 1 something was lost or refused
(said above it), or the input gave no steps; 2 a usage error; 130 interrupted (said how far it got).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO

import attrs
import trio

from client_actors import consent
from client_actors.capture import AgentHandle, AgentSpec, CaptureService, open_capture_service
from client_actors.classify import EndReason
from client_actors.consent import write_private
from client_actors.spool import Spool
from client_actors.tools import DELIVERY_FILE

# What `record_delivery` wrote before it kept the last delivery and the last failure apart.
EARLIER_DELIVERY_KEYS = frozenset({"server", "last_delivery_at", "delivered", "last_error"})
EXIT_DELIVERED, EXIT_LOST, EXIT_WAITING, EXIT_INTERRUPTED = 0, 1, 3, 130


def command(args: argparse.Namespace, home: Path, source: BinaryIO | None = None) -> int:
    """Run one capturing command (`source`: the file `import` reads); Ctrl-C ends it with one line."""
    main: Callable[[argparse.Namespace, Path], Awaitable[int]]
    if args.command == "import":
        from client_actors.importing import import_file

        assert source is not None
        main = partial(import_file, source=source)
    else:
        main = {"run": run_agent, "flush": flush}[args.command]
    try:
        return trio.run(main, args, home)
    except* KeyboardInterrupt:
        # Steps are journaled as they are captured; lines read but not yet parsed are not (journal.py).
        said = (
            "what is not delivered waits in the spool (`groove-capture flush` delivers it)"
            if args.command == "flush"
            else "the steps captured before it are in the spool; `groove-capture flush` closes their session"
            " and delivers them"
        )
        print(f"groove-capture {args.command}: interrupted; {said}", file=sys.stderr)
    return EXIT_INTERRUPTED


def _spec(args: argparse.Namespace) -> AgentSpec:
    return AgentSpec(provider=args.provider, model=args.model, role=args.role, continues=args.continues)


@attrs.define(eq=False)
class Tap:
    """Where the agent's output goes besides our stdout: capture, for as long as capture works."""

    agent: AgentHandle | None = None
    stopped: str | None = None  # why capture stopped early
    ended: trio.Event = attrs.Factory(trio.Event)
    captured: trio.Event = attrs.Factory(trio.Event)  # capture is over: delivered, or left in the spool
    reason: EndReason = "crashed"
    waiting: trio.CancelScope | None = None  # the wait for delivery, which a Ctrl-C ends

    def line(self, text: str) -> None:
        if self.agent is not None:
            try:
                self.agent.stdout_line(text)
            except Exception as exc:  # the agent's output must flow on whatever capture does
                self.stop(f"{type(exc).__name__}: {exc}")

    def end(self, reason: EndReason) -> None:
        self.reason = reason
        self.ended.set()

    def stop(self, why: str) -> None:
        if self.stopped is None:
            self.stopped = why
            print(f"groove-capture: capture stopped ({why}); the agent runs on", file=sys.stderr)
        self.agent = None


async def run_agent(args: argparse.Namespace, home: Path) -> int:
    """Run the agent with its stdout passed through unchanged and captured; exit with its status."""
    tap = Tap()
    async with trio.open_nursery() as nursery:
        await nursery.start(_capture_guarded, args, home, tap)
        try:
            process = await trio.lowlevel.open_process(
                args.agent, stdout=subprocess.PIPE, env=_agent_env(tap)
            )
        except OSError as exc:
            print(f"groove-capture run: cannot start {args.agent[0]!r}: {exc.strerror}", file=sys.stderr)
            tap.end("crashed")
            return 127
        async with trio.open_nursery() as watchers:
            watchers.start_soon(_forward_signals, process, tap)
            watchers.start_soon(_stop_on_opt_out, home, tap, args.consent_check_s)
            assert process.stdout is not None
            await _pump(process.stdout, tap)
            code = await process.wait()
            tap.end(_end_reason(code))
            await tap.captured.wait()  # signals still go to the forwarder: a Ctrl-C ends the delivery wait
            watchers.cancel_scope.cancel()
    return 128 - code if code < 0 else code


SESSION_ENV = "GROOVE_SESSION_ID"


def _agent_env(tap: Tap) -> dict[str, str]:
    """The agent's environment: ours, and the captured session's id, so that a handoff brief can name it for
    the successor's `--continues` (context rotation)."""
    if tap.agent is None:
        return dict(os.environ)
    return {**os.environ, SESSION_ENV: tap.agent.session_id}


async def _capture_guarded(
    args: argparse.Namespace, home: Path, tap: Tap, *, task_status: trio.TaskStatus[None]
) -> None:
    """Capture the agent through `tap` until it ends, then deliver for up to --wait seconds.

    Whatever goes wrong in capture ends here: said once on stderr, and the agent never notices.
    """
    started = False
    try:
        async with open_capture_service(home, args.server) as service:
            agent = service.spawn(_spec(args))
            tap.agent = agent
            task_status.started()
            started = True
            await tap.ended.wait()
            if tap.agent is not None:
                agent.ended(tap.reason)
            with trio.CancelScope() as tap.waiting:
                await finish(service, agent, home, args.server, args.wait, "run")
    except Exception as exc:  # capture is a passenger (module docstring)
        tap.stop(_one_line(exc))
    finally:
        tap.captured.set()
        if not started:
            task_status.started()


def _one_line(error: BaseException) -> str:
    while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
        error = error.exceptions[0]
    return f"{type(error).__name__}: {error}"


def _end_reason(code: int) -> EndReason:
    if code == 0:
        return "completed"
    return "killed" if code < 0 else "crashed"


async def _pump(stream: trio.abc.ReceiveStream, tap: Tap) -> None:
    """Copy the agent's stdout to ours byte for byte, and hand each complete line to capture."""
    pending = b""
    async for data in stream:
        await trio.to_thread.run_sync(_write_stdout, data)
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            tap.line(line.decode("utf-8", errors="replace"))
    if pending:
        tap.line(pending.decode("utf-8", errors="replace"))


def _write_stdout(data: bytes | bytearray) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


async def _stop_on_opt_out(home: Path, tap: Tap, interval: float) -> None:
    """The person ran `groove-capture consent off` meanwhile: what was captured is closed, capture stops.

    The agent itself runs on, its output still passed through. Checked every `interval` seconds
    (GROOVE_CONSENT_CHECK_S, which the command line checked).
    """
    while True:  # another process changes the consent file: there is nothing to wait on but the clock
        await trio.sleep(interval)
        if not await trio.to_thread.run_sync(consent.is_opted_in, home):
            break
    print("groove-capture: consent withdrawn; capture stopped (the agent keeps running)", file=sys.stderr)
    if tap.agent is not None:
        tap.agent.ended("killed")
        tap.agent = None


async def _forward_signals(process: trio.Process, tap: Tap) -> None:
    """SIGINT, SIGTERM and SIGHUP go to the agent; once it has ended, they end the wait for delivery."""
    with trio.open_signal_receiver(signal.SIGINT, signal.SIGTERM, signal.SIGHUP) as signals:
        async for signum in signals:
            if process.returncode is None:
                process.send_signal(signum)
            elif tap.waiting is not None:
                print("groove-capture: delivery interrupted; the rest waits in the spool", file=sys.stderr)
                tap.waiting.cancel()


@attrs.define(eq=False)
class Interrupt:
    """What a first Ctrl-C ends (reading an input, then the wait for delivery); what follows runs on.

    Once set, `scope` is cancelled; a scope taken with `new_scope` after that is cancelled from the start.
    """

    scope: trio.CancelScope = attrs.Factory(trio.CancelScope)
    happened: bool = False

    def new_scope(self) -> trio.CancelScope:
        self.scope = trio.CancelScope()
        if self.happened:
            self.scope.cancel()
        return self.scope

    async def watch(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        """Wait for the first SIGINT; later ones raise KeyboardInterrupt as usual (this receiver is gone)."""
        with trio.open_signal_receiver(signal.SIGINT) as signals:
            task_status.started()
            async for _ in signals:
                break
        self.happened = True
        self.scope.cancel()


async def finish(
    service: CaptureService,
    agent: AgentHandle,
    home: Path,
    server: str | None,
    wait: float,
    name: str,
    *,
    interrupt: Interrupt | None = None,
) -> int:
    """Wait for the session's end to be spooled, then at most `wait` seconds for delivery; say what is left.

    Returns the exit status that describes it (module docstring). An `interrupt` ends the wait for delivery.
    """
    await agent.actor.done.wait()
    delivered = False
    if server and not (interrupt is not None and interrupt.happened):
        with trio.move_on_after(wait) as waiting:
            if interrupt is not None:
                interrupt.scope = waiting
            delivered = await service.delivered()
    dropped, drop_reason = agent.dropped_lines, agent.spill.drop_reason
    record_delivery(home, service, server, complete=delivered, dropped=dropped, drop_reason=drop_reason)
    report = await trio.to_thread.run_sync(session_report, service.spool, agent)
    for line in report.lines(server, delivered):
        print(f"groove-capture {name}: {line}", file=sys.stderr)
    return report.exit_status(delivered)


@attrs.frozen
class SessionReport:
    """What became of one captured session, for the end of `run` and `import`."""

    waiting: int
    refused: tuple[str, ...]
    dropped: int
    drop_reason: str | None
    failure: str | None

    def lines(self, server: str | None, delivered: bool) -> list[str]:
        out = []
        if self.failure:
            out.append(f"capture stopped early ({self.failure}); what it took in is in the spool")
        if self.dropped:
            out.append(f"{self.dropped} line(s) of output could not be captured: {self.drop_reason}")
        for reason in self.refused:
            out.append(f"the server refused an envelope for good: {reason} (see `groove-capture status`)")
        if self.waiting and server:
            out.append(
                f"{self.waiting} envelope(s) not delivered to {server} yet; they wait in the spool for"
                " `groove-capture flush` or the next run"
            )
        elif self.waiting:
            out.append(f"{self.waiting} envelope(s) wait in the spool: give --server (or GROOVE_CENTRAL_URL)")
        return out

    def exit_status(self, delivered: bool) -> int:
        if self.failure or self.dropped or self.refused:
            return EXIT_LOST
        return EXIT_DELIVERED if delivered and not self.waiting else EXIT_WAITING


def session_report(spool: Spool, agent: AgentHandle) -> SessionReport:
    return SessionReport(
        waiting=spool.waiting(agent.session_id),
        refused=tuple(reason for _, reason in spool.quarantined(agent.session_id)),
        dropped=agent.dropped_lines,
        drop_reason=agent.spill.drop_reason,
        failure=agent.actor.failure,
    )


def record_delivery(
    home: Path,
    service: CaptureService,
    server: str | None,
    *,
    complete: bool,
    dropped: int = 0,
    drop_reason: str | None = None,
) -> None:
    """Note in the home what `groove-capture status` shows: the last delivery that got envelopes through, the
    last attempt that left some undelivered (`complete` is False) with the error if one was met, lines lost.
    """
    sender = service.sender
    previous = read_json(home / DELIVERY_FILE)
    document = {k: v for k, v in previous.items() if k not in EARLIER_DELIVERY_KEYS}
    earlier = previous.get("last_delivery_at")
    if "last_delivery" not in document and isinstance(earlier, int | float) and earlier > 0:
        document["last_delivery"] = {"at": earlier}  # its server and count were not kept apart from failures
    now = time.time()
    if sender is not None and sender.delivered:
        document["last_delivery"] = {"at": now, "server": server, "envelopes": sender.delivered}
    if sender is not None and not complete:
        document["last_failure"] = {"at": now, "server": server, "reason": sender.last_error}
    if dropped:
        lost = previous.get("dropped_lines")
        document.update(
            dropped_lines=dropped + (lost if isinstance(lost, int) else 0),
            last_drop_reason=drop_reason,
            last_drop_at=now,
        )
    if document != previous:
        write_private(home / DELIVERY_FILE, json.dumps(document).encode())


def read_json(path: Path) -> dict[str, object]:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


async def flush(args: argparse.Namespace, home: Path) -> int:
    """Deliver every spooled session: to --server when given, else each to the server it records."""
    spool = await trio.to_thread.run_sync(Spool, home / "spool")
    targets = await trio.to_thread.run_sync(lambda: spool.servers(args.server))
    delivered_all, sent, refused = True, 0, 0
    for server in sorted(targets):
        async with open_capture_service(home, server, takes_all=args.server is not None) as service:
            delivered = False
            with trio.move_on_after(args.wait):
                delivered = await service.delivered()
            record_delivery(home, service, server, complete=delivered)
            if service.sender is not None:
                sent, refused = sent + service.sender.delivered, refused + service.sender.refused
        delivered_all = delivered_all and delivered
    status = await trio.to_thread.run_sync(spool.status)
    waiting = f"{status.envelopes} envelope(s) in {status.sessions} session(s) still wait"
    if status.unaddressed and not args.server:
        waiting += f" ({status.unaddressed} session(s) record no server: give --server)"
    said = f"flush: {sent} envelope(s) delivered; " + (waiting if status.sessions else "everything delivered")
    if refused:
        said += f"; {refused} refused by the server for good (see `groove-capture status`)"
    print(said)
    if refused:
        return EXIT_LOST
    return EXIT_DELIVERED if delivered_all and not status.sessions else EXIT_WAITING
