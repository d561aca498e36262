"""Ingest on the PostgreSQL store beside the embedded store: one process, and two processes on one database.

Run: .venv/bin/python -m bench.postgres [--quick] [--repeats N] [--steps 20|200] [--against CHECKOUT]
Needs PostgreSQL on 127.0.0.1:5432 with trust auth (skipped, saying so, when none answers). For 20- and
200-step chunks at 32 concurrent sessions (32 sessions of 60 resp. 20 chunks; a third of that with --quick),
every repeat runs, back to back on a fresh store each (a scratch database made for the run, dropped after):
- embedded: one server process on the embedded store;
- pg x1: one server process on PostgreSQL;
- pg x2: two server processes on one database, each with its own load generator (16 sessions, 16 at once),
  started together. Envelopes/s is the sum of both generators' envelopes over the longer of their two send
  windows (so it never counts a window where one ran alone as shared), p50 is the mean of the two and p99
  the larger.
Figures: envelopes/s, ack p50/p99 (ms), our server's CPU per envelope (the load generator's --server-pid
figure over its send phase, summed over processes), PostgreSQL's CPU per envelope (the run's database
backends and the auxiliary processes -- WAL writer, checkpointer, background writer -- read from /proc
from the first generator's send start to the last generator's send end: the window our server's figure
covers, so neither holds the closes and their stitching; with `--sender node`, whose generator does not say
when its sends end, to the last generator's end, closes included), and
the write-ahead log written per envelope over the same window (the database server's whole log: nothing
else should run on it), the database's growth per envelope over the run (its size after the closes and their
stitching, less its size before the load), and the machine's busy cores. Every figure is the median over the
repeats (3; 1 with --quick).
--against CHECKOUT (another commit's tree, e.g. `git worktree add /tmp/before COMMIT`) adds "pg x1" and
"pg x2" run by that tree's server, interleaved with the others, for an A/B of the store on the same load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import psycopg

from bench.server import REPO, SENDERS, process_cpu_seconds, running_server, sender_command

ADMIN = "postgresql://127.0.0.1:5432/postgres"
CONCURRENCY = 32
CHUNKS = {200: 20, 20: 60}
KINDS = ("embedded", "pg x1", "pg x2")
FIGURES = (
    "env_per_s", "p50", "p99", "server_ms_per_env", "pg_ms_per_env", "wal_kb_per_env", "db_kb_per_env",
    "machine_cores_busy",
)  # fmt: skip


def postgres_answers() -> bool:
    try:
        with psycopg.connect(ADMIN, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


@contextmanager
def scratch_database() -> Iterator[str]:
    """A database made for one run, dropped after it (with any connection left to it)."""
    name = f"groove_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_cpu(database: str | None) -> dict[int, float]:
    """CPU seconds so far of `database`'s backends and of the server's auxiliary processes, by pid."""
    if database is None:
        return {}
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s OR backend_type IN"
            " ('walwriter', 'checkpointer', 'background writer')",
            (database,),
        ).fetchall()
    seconds = {}
    for (pid,) in rows:
        try:
            seconds[int(pid)] = process_cpu_seconds(int(pid))
        except OSError:
            continue
    return seconds


def wal_position(database: str | None) -> str | None:
    """Where the database server's write-ahead log is now (an LSN); the log is the whole server's."""
    if database is None:
        return None
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        row = admin.execute("SELECT pg_current_wal_lsn()::text").fetchone()
    return None if row is None else str(row[0])


def wal_bytes(since: str | None, until: str | None) -> int:
    if since is None or until is None:
        return 0
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        row = admin.execute("SELECT pg_wal_lsn_diff(%s::pg_lsn, %s::pg_lsn)", (until, since)).fetchone()
    return 0 if row is None else int(row[0])


def database_bytes(database: str | None) -> int:
    if database is None:
        return 0
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        row = admin.execute("SELECT pg_database_size(%s)", (database,)).fetchone()
    return 0 if row is None else int(row[0])


class LoadRun:
    """One load generator run in the background; `sending` is set when its timed send phase begins, `sent`
    when it ends (before the closes, for a sender that says so; else when the run ends)."""

    def __init__(self, url: str, pid: int, sessions: int, steps: int, chunks: int, sender: str) -> None:
        self._out = tempfile.NamedTemporaryFile(suffix=".json")  # noqa: SIM115  # closed by result()
        command = sender_command(
            sender, url, self._out.name, "--concurrency", str(sessions), "--sessions", str(sessions),
            "--chunks", str(chunks), "--steps", str(steps), "--close", "envelope", "--server-pid", str(pid),
        )  # fmt: skip
        # Not --quiet: its progress lines (a few per run) say when the send phase starts.
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
        self.sending = threading.Event()
        self.sent = threading.Event()
        self._said: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if b"; sending" in line:
                self.sending.set()
            if b"; closing" in line:
                self.sent.set()
            self._said = [*self._said[-19:], line]
        self.sending.set()  # ended (or failed) before: nobody waits forever
        self.sent.set()

    def result(self) -> dict[str, Any]:
        if self.process.wait() != 0:
            self._reader.join()
            said = b"".join(self._said).decode(errors="replace")
            raise RuntimeError(f"the load generator failed; its last words:\n{said}")
        self._reader.join()
        with self._out:
            return dict(json.loads(Path(self._out.name).read_text()))


def measure(
    kind: str, steps: int, *, quick: bool, tree: Path | None = None, sender: str = "bench"
) -> dict[str, Any]:
    chunks = CHUNKS[steps] // (3 if quick else 1)
    where = {} if tree is None else {"tree": tree}
    with ExitStack() as stack:
        database = None if kind == "embedded" else stack.enter_context(scratch_database())
        store = () if database is None else ("--store", f"postgresql://127.0.0.1:5432/{database}")
        processes = 2 if kind == "pg x2" else 1
        servers = [stack.enter_context(running_server(*store, **where)) for _ in range(processes)]
        runs = [
            LoadRun(s.url, s.process.pid, CONCURRENCY // processes, steps, chunks, sender) for s in servers
        ]
        empty = database_bytes(database)
        for run in runs:
            run.sending.wait()
        before, wal_before = postgres_cpu(database), wal_position(database)
        for run in runs:
            run.sent.wait()
        after, wal_after = postgres_cpu(database), wal_position(database)
        results = [run.result() for run in runs]
        stored = database_bytes(database) - empty
    pg_s = sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())
    envelopes = sum(r["send"]["envelopes_acked"] for r in results)
    window = max(r["send"]["wall_s"] for r in results)
    latency = [r["latency_ms"]["chunk"] for r in results]
    return {
        "envelopes": envelopes,
        "rejected": sum(r["outcomes"]["chunk"]["rejected"] for r in results),
        "env_per_s": round(envelopes / window, 1),
        "p50": statistics.mean(x["p50"] for x in latency),
        "p99": max(x["p99"] for x in latency),
        "server_ms_per_env": 1000 * sum(r["send"]["server_cpu_s"] for r in results) / max(1, envelopes),
        "pg_ms_per_env": 1000 * pg_s / max(1, envelopes),
        "wal_kb_per_env": wal_bytes(wal_before, wal_after) / 1000 / max(1, envelopes),
        "db_kb_per_env": stored / 1000 / max(1, envelopes),
        "machine_cores_busy": max(r["send"]["machine_busy_cores"] for r in results),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--repeats", type=int, default=None, help="runs per point (default 3, 1 with --quick)"
    )
    parser.add_argument("--steps", type=int, choices=sorted(CHUNKS), action="append", help="only these sizes")
    parser.add_argument("--against", type=Path, help="also run pg x1 and pg x2 from this checkout")
    parser.add_argument(
        "--sender", choices=sorted(SENDERS), default="bench",
        help="the load generator: this repository's (bench, the default) or the JavaScript one beside it (node)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not postgres_answers():
        print("PostgreSQL store: skipped (no PostgreSQL answers on 127.0.0.1:5432)")
        return
    repeats = args.repeats or (1 if args.quick else 3)
    sizes = args.steps or [20, 200]
    against = () if args.against is None else ("pg x1 against", "pg x2 against")
    kinds = (*KINDS, *against)
    runs: dict[tuple[int, str], list[dict[str, Any]]] = {(s, k): [] for s in sizes for k in kinds}
    for _ in range(repeats):  # interleaved: a drift in the shared machine's load touches every kind alike
        for steps in sizes:
            for kind in kinds:
                tree = args.against if kind.endswith(" against") else None
                runs[steps, kind].append(
                    measure(
                        kind.removesuffix(" against"), steps, quick=args.quick, tree=tree, sender=args.sender
                    )
                )
    print(" | ".join(("store", "steps", "c", "envelopes", "env/s", "p50", "p99", "srv ms/env", "pg ms/env",
                      "WAL KB/env", "db KB/env", "busy", "env/s over runs")))  # fmt: skip
    for steps in sizes:
        for kind in KINDS:
            print_row(kind, steps, runs[steps, kind])
        embedded, one, two = (runs[steps, k] for k in KINDS)
        print(
            f"ratio | {steps} | pg x1 srv ms/env {ratio(one, embedded, 'server_ms_per_env')}x embedded"
            f" | pg x1 srv+pg ms/env {ratio(one, embedded, 'server_ms_per_env', 'pg_ms_per_env')}x embedded"
            f" | pg x2 env/s {ratio(two, one, 'env_per_s')}x pg x1",
            flush=True,
        )
        if against:
            print_row(f"pg x1 ({args.against})", steps, runs[steps, against[0]])
            print_row(f"pg x2 ({args.against})", steps, runs[steps, against[1]])
            old_one, old_two = runs[steps, against[0]], runs[steps, against[1]]
            print(
                f"against | {steps} | pg x1 srv+pg ms/env {ratio(one, old_one, 'server_ms_per_env', 'pg_ms_per_env')}x"
                f" | pg x1 pg ms/env {ratio(one, old_one, 'pg_ms_per_env')}x"
                f" | pg x2 srv+pg ms/env {ratio(two, old_two, 'server_ms_per_env', 'pg_ms_per_env')}x"
                f" | its pg x2 env/s {ratio(old_two, old_one, 'env_per_s')}x its pg x1",
                flush=True,
            )


def ratio(a: list[dict[str, Any]], b: list[dict[str, Any]], *names: str) -> float:
    """The median of the repeat-by-repeat ratios of the sums of `names` (each pair ran back to back)."""
    pairs = zip(a, b, strict=True)
    return round(
        float(statistics.median(sum(x[n] for n in names) / sum(y[n] for n in names) for x, y in pairs)), 2
    )


def print_row(kind: str, steps: int, runs: list[dict[str, Any]]) -> None:
    m = {name: round(statistics.median(run[name] for run in runs), 2) for name in FIGURES}
    spread = "{}-{}".format(min(r["env_per_s"] for r in runs), max(r["env_per_s"] for r in runs))
    row = (kind, steps, CONCURRENCY, runs[0]["envelopes"], m["env_per_s"], m["p50"], m["p99"],
           m["server_ms_per_env"], m["pg_ms_per_env"], m["wal_kb_per_env"], m["db_kb_per_env"],
           m["machine_cores_busy"], spread)  # fmt: skip
    rejected = sum(r["rejected"] for r in runs)
    print(" | ".join(str(x) for x in row) + (f"  ({rejected} rejected!)" if rejected else ""), flush=True)


if __name__ == "__main__":
    main()
