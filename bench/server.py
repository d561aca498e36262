"""Start the real server as a child process for a benchmark, and run the JavaScript load generator."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]
LOADGEN = REPO.parent / "shared" / "tools" / "loadgen" / "loadgen.mjs"
# A request's log line begins {"ts":1764000000.123,"level":"info","event":"request",
REQUEST_LINE = b'"event":"request",'
TAIL_POLL_S = 0.02
NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0", "--opens-per-hour", "0")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, data_dir: Path, *args: str, tree: Path = REPO) -> None:
        command = [
            sys.executable, "-m", "groove_actors.cli", "serve", "--port", "0", "--data-dir", str(data_dir),
            *NO_LIMITS, *args,
        ]  # fmt: skip
        self._log = tempfile.TemporaryFile()  # noqa: SIM115  # closed by _read once the server has ended
        self.process = subprocess.Popen(command, stderr=self._log, cwd=tree)  # its package is the tree's
        self.events: list[dict[str, Any]] = []
        self._ready = threading.Event()
        self._idle = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(60):
            raise RuntimeError("server did not start")
        self.url = next(e["binds"][0] for e in self.events if e.get("event") == "server.started")

    def _read(self) -> None:
        with self._log:
            for line in tail_lines(self._log, self.process):
                if REQUEST_LINE in line[:64]:
                    continue  # a request's: parsing one a request took CPU from the cores the load shares
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                with self._idle:
                    self.events.append(record)
                    self._idle.notify_all()
                if record.get("event") == "server.started":
                    self._ready.set()

    def wait_for_credits_idle(self, after: int, timeout: float = 600) -> None:
        """Block until the credit pipeline reports that nothing is left to credit, after event `after`."""
        with self._idle:
            ok = self._idle.wait_for(
                lambda: any(e.get("event") == "credits.idle" for e in self.events[after:]), timeout
            )
        if not ok:
            raise RuntimeError("credit pipeline did not settle")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)


def tail_lines(log: IO[bytes], process: subprocess.Popen[bytes]) -> Iterator[bytes]:
    """The lines a child writes to `log` (a file it was given as its output), read as they come, until it ends.

    A file read every 20 ms rather than a pipe: through a pipe every line woke this process, and on a
    machine whose two cores the server and the load generator already fill, those wake-ups took the server's
    turn on a core (its log writes waited, by wall time, about a tenth of its run).
    """
    offset, pending = 0, b""
    while True:
        ended = process.poll() is not None
        chunk = os.pread(log.fileno(), 1 << 20, offset)
        if chunk:
            offset += len(chunk)
            *lines, pending = (pending + chunk).split(b"\n")
            yield from lines
        elif ended:
            return
        else:
            time.sleep(TAIL_POLL_S)


@contextmanager
def running_server(*args: str, data_dir: Path | None = None, tree: Path = REPO) -> Iterator[Server]:
    """The server of `tree` (a checkout: this one, or another commit's for an A/B) running until the block ends."""
    with tempfile.TemporaryDirectory(prefix="groove-bench-") as tmp:
        server = Server(data_dir or Path(tmp) / "data", *args, tree=tree)
        try:
            yield server
        finally:
            server.stop()


# The two load generators of an ingest run, as commands that take the same options (`--url`, `--json`,
# `--concurrency`, `--sessions`, `--chunks`, `--steps`, `--close envelope`, `--server-pid`, `--quiet`):
# this repository's (`bench.sender`: every request prepared before the timed window, a few tens of
# microseconds of CPU per request) and the JavaScript one beside it (Node's fetch: about as much CPU per
# envelope as the server takes, so on two cores it bounds a run at 32 concurrent sessions).
SENDERS = {
    "bench": (sys.executable, "-m", "bench.sender"),
    "node": ("node", str(LOADGEN), "ingest"),
}


def sender_command(sender: str, url: str, json_out: str, *args: str) -> list[str]:
    """The command line of `sender` (a key of SENDERS) sending an ingest load to `url`."""
    if sender == "node" and not LOADGEN.is_file():
        raise SystemExit(f"{LOADGEN} not found: the JavaScript load generator lives beside this repository")
    return [*SENDERS[sender], "--url", url, "--json", json_out, *args]


def ingest_load(url: str, *args: str, pid: int | None = None, sender: str = "bench") -> dict[str, Any]:
    """Run one ingest load with `sender` and return its JSON report."""
    pids = () if pid is None else ("--server-pid", str(pid))
    return _json_report(lambda out: sender_command(sender, url, out, "--quiet", *args, *pids))


def loadgen(url: str, mode: str, *args: str, pid: int | None = None) -> dict[str, Any]:
    """Run the JavaScript load generator once in `mode` (fill, probe) and return its JSON result."""
    pids = () if pid is None else ("--server-pid", str(pid))
    return _json_report(
        lambda out: ["node", str(LOADGEN), mode, "--url", url, "--quiet", "--json", out, *args, *pids]
    )


def _json_report(command_writing_to: Callable[[str], list[str]]) -> dict[str, Any]:
    """Run the command that writes its JSON report to the file it is given, and return that report."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(command_writing_to(out.name), check=True, stdout=subprocess.DEVNULL, cwd=REPO)
        result: dict[str, Any] = json.loads(Path(out.name).read_text())
        return result


def process_cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of process `pid` so far, from /proc; raises OSError once it has ended."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


class OriginalServer:
    """The original Node.js server from a prepared copy, started beside ours for a side-by-side run.

    The copy is the original's `moe-training` folder with its dependencies installed (`npm ci`), its per-IP
    rate limits lifted and its listener bound to 127.0.0.1. It keeps its data under its working directory,
    so each run gets a fresh one.
    """

    def __init__(self, folder: Path, workdir: Path) -> None:
        entry = folder / "server" / "index.js"
        if not entry.is_file():
            raise SystemExit(f"{entry} not found: --original must name the original's moe-training folder")
        port = free_loopback_port()
        env = {**os.environ, "GROOVE_CENTRAL_PORT": str(port)}
        # Its output goes to a file, as ours does (see `tail_lines`), so neither pays for a reader's wake-ups.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115  # closed by stop()
        self.process = subprocess.Popen(
            ["node", str(entry)], cwd=workdir, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        if not any(b"listening" in line for line in tail_lines(self._log, self.process)):
            raise RuntimeError("the original server exited before it listened")
        if not _listens_on_loopback_only(port):
            self.stop()
            raise SystemExit("the original server listens beyond loopback: bind it to 127.0.0.1 in the copy")
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


@contextmanager
def running_original(folder: Path) -> Iterator[OriginalServer]:
    with tempfile.TemporaryDirectory(prefix="groove-bench-original-") as tmp:
        server = OriginalServer(folder, Path(tmp))
        try:
            yield server
        finally:
            server.stop()


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _listens_on_loopback_only(port: int) -> bool:
    """Whether every listening socket on `port` is bound to a loopback address (from /proc/net/tcp*)."""
    loopback = {"0100007F", "00000000000000000000000001000000"}
    found = False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found = True
                if address not in loopback:
                    return False
    return found
