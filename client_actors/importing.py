"""`groove-capture import`: capture an existing stream or transcript as one session, read as it comes.

The input is read a chunk at a time and handed to capture line by line, only as fast as capture takes it; it
is never read whole first. So a pipe (`import <(cmd)`, a named pipe) is captured while its writer still
writes, and a first Ctrl-C stops the reading and captures every line read before it (a second one interrupts
at once). Progress goes to stderr: a percentage of a regular file's size, else the lines read so far.

An input with nothing in it opens no capture at all; one that gives no steps is dropped (CaptureActor
`keep_empty`), so the server never hears of either; both are said in one line, with exit status 1.
"""

from __future__ import annotations

import argparse
import math
import os
import stat
import sys
from collections import deque
from pathlib import Path
from typing import BinaryIO

import attrs
import trio

from client_actors.capture import AgentHandle, AgentSpec, open_capture_service
from client_actors.cli import say_no_server
from client_actors.lines import DocumentGate, LineSplitter, decode_line
from client_actors.runner import EXIT_INTERRUPTED, EXIT_LOST, Interrupt, finish
from client_actors.tools import say_no_steps, say_nothing_in

READ_SIZE = 65_536
# Of the input's text, kept to name the provider it reads as when it gives no steps.
SAMPLE_CHARS = 4 * 1024 * 1024
STREAM_REPORT_S = 2.0  # a pipe's progress: at most a line this often (on a terminal, TTY_REPORT_S)
TTY_REPORT_S = 0.1


async def import_file(args: argparse.Namespace, home: Path, *, source: BinaryIO) -> int:
    """Import `source` (`args.file`, opened by the CLI, closed here); the exit status (runner.py)."""
    interrupt = Interrupt()
    size = _size(source)
    name = args.file.name if size is not None else str(args.file)  # a pipe's name alone says nothing: "63"
    progress = Progress(f"import {name}", size, sys.stderr.isatty())
    reading = Reading(Input.of(source), progress)
    try:
        async with trio.open_nursery() as nursery:
            await nursery.start(interrupt.watch)
            status = await _import(args, home, reading, interrupt)
            nursery.cancel_scope.cancel()
    finally:
        await reading.input.aclose()
    return status


async def _import(args: argparse.Namespace, home: Path, reading: Reading, interrupt: Interrupt) -> int:
    with interrupt.new_scope():
        await reading.up_to_text()
    if interrupt.happened:
        reading.stop()  # a first line read without its newline yet is captured too
    if not reading.gate.seen_text:
        if interrupt.happened:
            print(f"groove-capture import: interrupted before anything was read from {args.file}; nothing"
                  " was captured", file=sys.stderr)  # fmt: skip
            return EXIT_INTERRUPTED
        say_nothing_in("import", args.file, empty=reading.position == 0)
        return EXIT_LOST
    say_no_server(args.server)
    spec = AgentSpec(provider=args.provider, model=args.model, role=args.role, continues=args.continues)
    async with open_capture_service(home, args.server) as service:
        agent = service.spawn(spec, keep_empty=False)
        await _feed(agent, reading, interrupt)
        read_all = not interrupt.happened
        if not read_all:
            print(f"groove-capture import: interrupted after {_lines(reading.lines)} of {args.file}; they"
                  " are captured, the rest was not read", file=sys.stderr)  # fmt: skip
        agent.ended("completed" if read_all else "killed")
        await agent.actor.done.wait()
        if agent.actor.discarded:
            say_no_steps("import", args.provider, args.file, reading.sample_text())
            return EXIT_LOST if read_all else EXIT_INTERRUPTED
        status = await finish(service, agent, home, args.server, args.wait, "import", interrupt=interrupt)
    if interrupt.happened:
        if read_all:
            print("groove-capture import: interrupted while waiting for delivery", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status


async def _feed(agent: AgentHandle, reading: Reading, interrupt: Interrupt) -> None:
    """Hand every line to capture until the input ends or a Ctrl-C; after one, every line already read."""
    ready = reading.ready
    with interrupt.new_scope():
        while ready or not reading.ended:
            if not ready:
                reading.show_progress()  # all read so far is handed over: a pipe may now wait for its writer
                await reading.read_more()
                continue
            await agent.feed_line(ready[0])  # waits for room: nothing is dropped
            ready.popleft()  # only now: a feed_line that was cancelled sent nothing
    reading.stop()
    while ready:
        await agent.feed_line(ready.popleft())
    reading.progress.done(reading.lines, reading.position)


def _size(source: BinaryIO) -> int | None:
    """A regular file's size, which its progress is a percentage of; None for a pipe and the like."""
    status = os.fstat(source.fileno())
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"


@attrs.define(eq=False)
class Input:
    """Owns: the input file. A regular file (or a device) is read in a worker thread; a pipe, socket or
    terminal through trio, so a Ctrl-C while it waits for its writer ends the wait at once."""

    source: BinaryIO
    stream: trio.lowlevel.FdStream | None = None

    @classmethod
    def of(cls, source: BinaryIO) -> Input:
        mode = os.fstat(source.fileno()).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or source.isatty():
            return cls(source, trio.lowlevel.FdStream(os.dup(source.fileno())))
        return cls(source)

    async def read(self) -> bytes:
        """The next bytes, b"" at the end."""
        if self.stream is not None:
            return await self.stream.receive_some(READ_SIZE)
        return await trio.to_thread.run_sync(self.source.read, READ_SIZE)

    async def aclose(self) -> None:
        if self.stream is not None:
            await self.stream.aclose()
        self.source.close()


@attrs.define(eq=False)
class Reading:
    """The input as lines to feed, and what progress and the end need to know about it."""

    input: Input
    progress: Progress
    splitter: LineSplitter = attrs.Factory(LineSplitter)
    gate: DocumentGate = attrs.Factory(DocumentGate)
    lines: int = 0  # lines read
    position: int = 0  # bytes read, up to the end of the last line read
    ended: bool = False
    ready: deque[str] = attrs.Factory(deque)  # lines read, to be fed in this order
    sample: list[str] = attrs.Factory(list)  # the first lines with text, up to SAMPLE_CHARS
    sampled: int = 0

    async def up_to_text(self) -> None:
        """Read until a line with text (`gate.seen_text`) or the end."""
        while not self.ended and not self.gate.seen_text:
            await self.read_more()

    async def read_more(self) -> None:
        """Read once and add to `ready` the lines it completes (none while a document is held back); at the
        end of the input, set `ended` and add what was held back. A Ctrl-C during it loses nothing."""
        data = await self.input.read()
        if data:
            self.ready += self._taken(self.splitter.feed(data), newline=True)
        else:
            self.ended = True
            self.stop()

    def stop(self) -> None:
        """No more reading: add to `ready` what was read and held back (a last line without its newline, a
        document)."""
        self.ready += self._taken(self.splitter.finish(), newline=False) + self._sampled(self.gate.finish())

    def show_progress(self) -> None:
        self.progress.update(self.lines, self.position, now=trio.current_time())

    def sample_text(self) -> str:
        return "\n".join(self.sample)

    def _taken(self, raw: list[bytes], *, newline: bool) -> list[str]:
        out: list[str] = []
        for line in raw:
            self.lines += 1
            self.position += len(line) + newline
            out += self.gate.feed(decode_line(line))
        return self._sampled(out)

    def _sampled(self, lines: list[str]) -> list[str]:
        for line in lines:
            if self.sampled < SAMPLE_CHARS and line.strip():
                self.sample.append(line[: SAMPLE_CHARS - self.sampled])
                self.sampled += len(line)
        return lines


@attrs.define(eq=False)
class Progress:
    """Import progress on stderr: a percentage of a regular file's size, else the lines read so far.

    On a terminal one line is rewritten in place; otherwise a line at each 10% (for a pipe, at most every
    STREAM_REPORT_S seconds), and the last state once the reading is done.
    """

    label: str
    size: int | None
    tty: bool
    key: int | None = None  # what the last line shown stands for: a percentage, or lines read
    shown: str = ""
    shown_at: float = -math.inf

    def update(self, lines: int, position: int, *, now: float) -> None:
        if self.size is None:
            if now - self.shown_at < (TTY_REPORT_S if self.tty else STREAM_REPORT_S):
                return
            key = lines
        else:
            key = self._percent(position) if self.tty else self._percent(position) // 10 * 10
        if key != self.key:
            self.key, self.shown_at = key, now
            self._show(self._text(lines, position))

    def done(self, lines: int, position: int) -> None:
        text = self._text(lines, position)
        if text != self.shown:
            self._show(text)
        if self.tty and self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()

    def _percent(self, position: int) -> int:
        return 100 if not self.size else min(100, position * 100 // self.size)

    def _text(self, lines: int, position: int) -> str:
        if self.size is None:
            return f"{self.label}: {_lines(lines)} read"
        percent = self._percent(position)
        if self.tty:
            return f"{self.label} [{'#' * (percent // 4):<25}] {percent:3d}% ({_lines(lines)})"
        return f"{self.label}: {percent // 10 * 10}% ({_lines(lines)})"

    def _show(self, text: str) -> None:
        self.shown = text
        sys.stderr.write(f"\r{text}" if self.tty else f"{text}\n")
        sys.stderr.flush()
