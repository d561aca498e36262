"""End-to-end ingest: the JavaScript load generator against a real server process, as the original was measured.

Run: .venv/bin/python -m bench.ingest [--quick] [--repeats N] [--steps 200] [--concurrency 32]
For each chunk size (20 and 200 steps) and concurrency (1, 8, 32): a fresh server and store, then
`loadgen.mjs ingest --concurrency C --sessions 32 --chunks K --steps S --close envelope --server-pid PID`
(K = 20 for 200-step chunks, 60 for 20-step chunks; a third of that with --quick), so every point sends the
same envelopes whatever its concurrency, for long enough that the first burst of C requests does not decide
the tail. Each point runs --repeats times (3; 1 with --quick) and every figure is the median of the runs.
Reports envelopes/s, MB/s, ack latency p50/p90/p99/max and the server's CPU time per envelope (its CPU delta
over the envelopes).
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from bench.server import loadgen, running_server

ORIGINAL = {  # the original Node.js server on this machine kind (envelopes/s, p50 ms, p99 ms)
    (200, 1): (50, 19, 35),
    (200, 32): (61, 466, 1092),
    (20, 1): (177, 5, 14),
    (20, 32): (322, 90, 225),
}
SESSIONS = 32
CHUNKS = {200: 20, 20: 60}
FIGURES = ("env_per_s", "mb_per_s", "p50", "p90", "p99", "max", "server_ms_per_env", "machine_cores_busy")


def measure(steps: int, concurrency: int, *, quick: bool) -> dict[str, Any]:
    chunks = CHUNKS[steps] // (3 if quick else 1)
    with running_server() as server:
        result = loadgen(
            server.url, "ingest", "--concurrency", str(concurrency), "--sessions", str(SESSIONS),
            "--chunks", str(chunks), "--steps", str(steps), "--close", "envelope",
            pid=server.process.pid,
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
        "machine_cores_busy": send["machine_busy_cores"],
    }


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    summary = {name: round(statistics.median(run[name] for run in runs), 2) for name in FIGURES}
    summary["envelopes"] = runs[0]["envelopes"]
    summary["rejected"] = sum(run["rejected"] for run in runs)
    summary["p99_range"] = (min(run["p99"] for run in runs), max(run["p99"] for run in runs))
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--repeats", type=int, default=None, help="runs per point (default 3, 1 with --quick)"
    )
    parser.add_argument("--steps", type=int, choices=sorted(CHUNKS), action="append", help="only these sizes")
    parser.add_argument("--concurrency", type=int, action="append", help="only these concurrencies")
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    header = ("steps", "c", "envelopes", "env/s", "MB/s", "p50", "p90", "p99", "max", "srv ms/env", "busy",
              "p99 over runs", "original env/s p50 p99")  # fmt: skip
    print(" | ".join(header))
    for steps in args.steps or (200, 20):
        for concurrency in args.concurrency or (1, 8, 32):
            r = median_of([measure(steps, concurrency, quick=args.quick) for _ in range(repeats)])
            original = ORIGINAL.get((steps, concurrency), ("", "", ""))
            row = (steps, concurrency, r["envelopes"], r["env_per_s"], r["mb_per_s"], r["p50"], r["p90"],
                   r["p99"], r["max"], r["server_ms_per_env"], r["machine_cores_busy"],
                   "{}-{}".format(*r["p99_range"]), " ".join(map(str, original)))  # fmt: skip
            print(
                " | ".join(str(x) for x in row) + (f"  ({r['rejected']} rejected!)" if r["rejected"] else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
