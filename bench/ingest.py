"""End-to-end ingest: the JavaScript load generator against a real server process, as the original was measured.

Run: .venv/bin/python -m bench.ingest [--quick]
For each chunk size (20 and 200 steps) and concurrency (1, 8, 32): a fresh server and store, then
`loadgen.mjs ingest --concurrency C --sessions C --chunks K --steps S --server-pid PID`. Reports envelopes/s,
MB/s, ack latency p50/p90/p99/max and the server's CPU time per envelope (its CPU delta over the envelopes).
"""

from __future__ import annotations

import argparse
from typing import Any

from bench.server import loadgen, running_server

ORIGINAL = {  # the original Node.js server on this machine kind (envelopes/s, p50 ms, p99 ms)
    (200, 1): (50, 19, 35),
    (200, 32): (61, 466, 1092),
    (20, 1): (177, 5, 14),
    (20, 32): (322, 90, 225),
}


def chunks_for(steps: int, concurrency: int, quick: bool) -> int:
    total = (120 if steps == 200 else 600) // (3 if quick else 1)
    return max(3, total // concurrency)


def measure(steps: int, concurrency: int, *, quick: bool) -> dict[str, Any]:
    with running_server() as server:
        result = loadgen(
            server.url, "ingest", "--concurrency", str(concurrency), "--sessions", str(concurrency),
            "--chunks", str(chunks_for(steps, concurrency, quick)), "--steps", str(steps), "--close", "envelope",
            pid=server.process.pid,
        )  # fmt: skip
    send, latency = result["send"], result["latency_ms"]["chunk"]
    rejected = result["outcomes"]["chunk"]["rejected"]
    return {
        "steps": steps,
        "concurrency": concurrency,
        "envelopes": send["envelopes_acked"],
        "rejected": rejected,
        "env_per_s": send["envelopes_per_s"],
        "mb_per_s": send["mb_per_s"],
        "p50": latency["p50"],
        "p90": latency["p90"],
        "p99": latency["p99"],
        "max": latency["max"],
        "server_ms_per_env": round(1000 * send["server_cpu_s"] / max(1, send["envelopes_acked"]), 2),
        "machine_cores_busy": send["machine_busy_cores"],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    header = (
        "steps",
        "c",
        "env/s",
        "MB/s",
        "p50",
        "p90",
        "p99",
        "max",
        "srv ms/env",
        "busy",
        "original env/s p50 p99",
    )
    print(" | ".join(header))
    for steps in (200, 20):
        for concurrency in (1, 8, 32):
            r = measure(steps, concurrency, quick=args.quick)
            original = ORIGINAL.get((steps, concurrency), ("", "", ""))
            row = (r["steps"], r["concurrency"], r["env_per_s"], r["mb_per_s"], r["p50"], r["p90"], r["p99"],
                   r["max"], r["server_ms_per_env"], r["machine_cores_busy"], " ".join(map(str, original)))  # fmt: skip
            print(
                " | ".join(str(x) for x in row) + (f"  ({r['rejected']} rejected!)" if r["rejected"] else "")
            )


if __name__ == "__main__":
    main()
