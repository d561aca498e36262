"""End-to-end ingest: a load generator against a real server process, side by side with the original.

Run: .venv/bin/python -m bench.ingest [--quick] [--repeats N] [--steps 200] [--concurrency 32] [--original DIR]
     [--sender bench|node]
For each chunk size (20 and 200 steps) and concurrency (1, 8, 32): a fresh server and store, then one ingest
load of 32 sessions x K chunks of S steps, closed by a SESSION_CLOSE envelope each (K = 20 for 200-step
chunks, 60 for 20-step chunks; a third of that with --quick), so every point sends the same envelopes
whatever its concurrency, for long enough that the first burst of C requests does not decide the tail. Each
point runs --repeats times (3; 1 with --quick) and every figure is the median of the runs. Reports
envelopes/s, MB/s, ack latency p50/p90/p99/max, the server's CPU time per envelope (its CPU delta over the
envelopes), and the load generator's CPU per envelope and cores.

The load comes from `bench.sender` (the default), which prepares every request before the timed window and
then spends a few tens of microseconds of CPU per request, so the server, not the sender, bounds a run;
`--sender node` uses the JavaScript load generator beside this repository (`loadgen.mjs ingest --concurrency
C --sessions 32 --chunks K --steps S --close envelope --server-pid PID`), which sends through Node's fetch
from one thread and spends about as much CPU per envelope as the server: near one core busy, it is what
bounds the run.

With --original DIR (the original Node.js server's `moe-training` folder, prepared outside this repository:
its dependencies installed with `npm ci`, its per-IP rate limits lifted and its listener bound to
127.0.0.1), every repeat of every point runs the original right after ours, with the same load, and the
ratios are taken run by run: machines of this kind differ by 1.5-2x, so only figures from one run on one
machine compare. Without it the comparison is skipped, saying so.
"""

from __future__ import annotations

import argparse
import functools
import statistics
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from bench.server import SENDERS, ingest_load, running_original, running_server

SESSIONS = 32
CHUNKS = {200: 20, 20: 60}
FIGURES = (
    "env_per_s", "mb_per_s", "p50", "p90", "p99", "max", "server_ms_per_env", "loadgen_ms_per_env",
    "loadgen_cores", "machine_cores_busy",
)  # fmt: skip


class Target(Protocol):
    url: str

    @property
    def process(self) -> Any: ...


def measure(
    start: Callable[[], AbstractContextManager[Target]],
    steps: int,
    concurrency: int,
    *,
    quick: bool,
    sender: str = "bench",
) -> dict[str, Any]:
    chunks = CHUNKS[steps] // (3 if quick else 1)
    with start() as server:
        result = ingest_load(
            server.url, "--concurrency", str(concurrency), "--sessions", str(SESSIONS),
            "--chunks", str(chunks), "--steps", str(steps), "--close", "envelope",
            pid=server.process.pid, sender=sender,
        )  # fmt: skip
    send, latency = result["send"], result["latency_ms"]["chunk"]
    return {
        "envelopes": send["envelopes_acked"],
        "rejected": result["outcomes"]["chunk"]["rejected"],
        "env_per_s": send["envelopes_per_s"],
        "mb_per_s": send["mb_per_s"],
        "p50": latency["p50"],
        "p90": latency["p90"],
        "p99": latency["p99"],
        "max": latency["max"],
        "server_ms_per_env": round(1000 * send["server_cpu_s"] / max(1, send["envelopes_acked"]), 2),
        # The load generator sends from one Node.js thread: near one core busy, it is what bounds the run.
        "loadgen_ms_per_env": round(1000 * send["loadgen_cpu_s"] / max(1, send["envelopes_acked"]), 2),
        "loadgen_cores": send["loadgen_cores"],
        "machine_cores_busy": send["machine_busy_cores"],
    }


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    summary = {name: round(statistics.median(run[name] for run in runs), 2) for name in FIGURES}
    summary["envelopes"] = runs[0]["envelopes"]
    summary["rejected"] = sum(run["rejected"] for run in runs)
    summary["p99_range"] = (min(run["p99"] for run in runs), max(run["p99"] for run in runs))
    return summary


def ratios(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> dict[str, float]:
    """Medians of the run-by-run ratios ours/original (each pair ran back to back)."""
    pairs = list(zip(ours, theirs, strict=True))
    return {
        name: round(statistics.median(a[name] / b[name] for a, b in pairs if b[name]), 2)
        for name in ("env_per_s", "p50", "p99", "server_ms_per_env")
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--repeats", type=int, default=None, help="runs per point (default 3, 1 with --quick)"
    )
    parser.add_argument("--steps", type=int, choices=sorted(CHUNKS), action="append", help="only these sizes")
    parser.add_argument("--concurrency", type=int, action="append", help="only these concurrencies")
    parser.add_argument("--original", type=Path, help="the original server's prepared moe-training folder")
    parser.add_argument(
        "--sender", choices=sorted(SENDERS), default="bench",
        help="the load generator: this repository's (bench, the default) or the JavaScript one beside it (node)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    original: Path | None = args.original
    if original is None:
        print("side by side with the original: skipped (no --original DIR given)")
    repeats = args.repeats or (1 if args.quick else 3)
    header = ("server", "steps", "c", "envelopes", "env/s", "MB/s", "p50", "p90", "p99", "max", "srv ms/env",
              "loadgen ms/env", "loadgen cores", "busy", "p99 over runs")  # fmt: skip
    print(" | ".join(header))
    for steps in args.steps or (200, 20):
        for concurrency in args.concurrency or (1, 8, 32):
            ours: list[dict[str, Any]] = []
            theirs: list[dict[str, Any]] = []
            for _ in range(repeats):
                ours.append(measure(running_server, steps, concurrency, quick=args.quick, sender=args.sender))
                if original is not None:
                    start = functools.partial(running_original, original)
                    theirs.append(measure(start, steps, concurrency, quick=args.quick, sender=args.sender))
            print_row("ours", steps, concurrency, median_of(ours))
            if theirs:
                print_row("original", steps, concurrency, median_of(theirs))
                r = ratios(ours, theirs)
                print(
                    f"ratio | {steps} | {concurrency} | env/s {r['env_per_s']}x | p50 {r['p50']}x"
                    f" | p99 {r['p99']}x | srv ms/env {r['server_ms_per_env']}x",
                    flush=True,
                )


def print_row(name: str, steps: int, concurrency: int, r: dict[str, Any]) -> None:
    row = (name, steps, concurrency, r["envelopes"], r["env_per_s"], r["mb_per_s"], r["p50"], r["p90"],
           r["p99"], r["max"], r["server_ms_per_env"], r["loadgen_ms_per_env"], r["loadgen_cores"],
           r["machine_cores_busy"],
           "{}-{}".format(*r["p99_range"]))  # fmt: skip
    rejected = f"  ({r['rejected']} rejected!)" if r["rejected"] else ""
    print(" | ".join(str(x) for x in row) + rejected, flush=True)


if __name__ == "__main__":
    main()
