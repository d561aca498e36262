"""Start the real server as a child process for a benchmark, and run the JavaScript load generator."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LOADGEN = REPO.parent / "shared" / "tools" / "loadgen" / "loadgen.mjs"
NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0", "--opens-per-hour", "0")


class Server:
    def __init__(self, data_dir: Path, *args: str) -> None:
        command = [
            sys.executable, "-m", "groove_actors.cli", "serve", "--port", "0", "--data-dir", str(data_dir),
            *NO_LIMITS, *args,
        ]  # fmt: skip
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, cwd=REPO)
        self.events: list[dict[str, Any]] = []
        self._ready = threading.Event()
        self._idle = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(60):
            raise RuntimeError("server did not start")
        self.url = next(e["binds"][0] for e in self.events if e.get("event") == "server.started")

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
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


@contextmanager
def running_server(*args: str, data_dir: Path | None = None) -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="groove-bench-") as tmp:
        server = Server(data_dir or Path(tmp) / "data", *args)
        try:
            yield server
        finally:
            server.stop()


def loadgen(url: str, mode: str, *args: str, pid: int | None = None) -> dict[str, Any]:
    """Run the load generator once and return its JSON result."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = ["node", str(LOADGEN), mode, "--url", url, "--quiet", "--json", out.name, *args]
        if pid is not None:
            command += ["--server-pid", str(pid)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=os.environ)
        result: dict[str, Any] = json.loads(Path(out.name).read_text())
        return result
