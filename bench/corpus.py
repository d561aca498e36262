"""Corpus growth: SESSION_CLOSE and stats latency on an empty store and after filling it.

Run: .venv/bin/python -m bench.corpus --envelopes 100000   (make bench runs it with 10000)
Uses the JavaScript load generator's `probe` and `fill` modes, as the original server's figures did.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

from bench.server import Server, loadgen, running_server

TOKEN = secrets.token_hex(16)


def server_means(server: Server) -> dict[str, float]:
    """Sums and counts of the server's own commit and ack timings (its /metrics), for differences."""
    request = urllib.request.Request(server.url + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request) as response:
        text = response.read().decode()
    return {
        m[1]: float(m[2])
        for m in re.finditer(r"^(groove_(?:commit|ack)_seconds_(?:sum|count)) (\S+)$", text, re.M)
    }


def probe(server: Server, repeats: int) -> dict[str, Any]:
    mark = len(server.events)
    before = server_means(server)
    result = loadgen(server.url, "probe", "--repeats", str(repeats), "--steps", "20")
    after = server_means(server)
    server.wait_for_credits_idle(after=mark)
    events = server.events[mark:]
    stitched = [e["ms"] for e in events if e.get("event") == "session.stitched"]
    stats_server = [
        e["ms"] for e in events if e.get("event") == "request" and e.get("path") == "/v1/stats/summary"
    ]
    latency = result["latency_ms"]
    return {
        "envelopes": result["corpus"]["totalEnvelopes"],
        "stats_p50_ms": latency["stats_summary"]["p50"],
        "stats_server_p50_ms": round(statistics.median(stats_server), 3),
        "close_p50_ms": latency["close_envelope"]["p50"],
        "close_max_ms": latency["close_envelope"]["max"],
        "stitch_credit_p50_ms": round(statistics.median(stitched), 2) if stitched else None,
        "ingest_ack_server_mean_ms": _mean_ms(before, after, "ack"),
        "commit_server_mean_ms": _mean_ms(before, after, "commit"),
    }


def _mean_ms(before: dict[str, float], after: dict[str, float], name: str) -> float:
    total = after[f"groove_{name}_seconds_sum"] - before[f"groove_{name}_seconds_sum"]
    count = after[f"groove_{name}_seconds_count"] - before[f"groove_{name}_seconds_count"]
    return round(1000 * total / max(1.0, count), 3)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--envelopes", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)
    token_file = Path(tempfile.mkdtemp(prefix="groove-bench-token-")) / "token"
    token_file.write_text(TOKEN)
    with running_server("--admin-token-file", str(token_file)) as server:
        probe(server, 5)  # warm-up: first connections and code paths, not corpus size
        os.sync()
        empty = probe(server, args.repeats)
        mark = len(server.events)
        fill = loadgen(server.url, "fill", "--envelopes", str(args.envelopes), "--steps", "4",
                       "--concurrency", "8", "--close", "envelope", "--max-seconds", "1800")  # fmt: skip
        server.wait_for_credits_idle(after=mark)
        # Write back the fill's gigabyte of dirty pages first: otherwise the probe's fsyncs queue behind the
        # kernel's writeback, and that measures the fill's aftermath, not the size of the corpus.
        os.sync()
        full = probe(server, args.repeats)
    print(f"fill: {fill['envelopes_per_s']} envelopes/s over {fill['wall_s']} s")
    print(f"{'':28s}{'empty':>12s}{'filled':>12s}{'ratio':>8s}")
    keys = (
        "envelopes",
        "stats_p50_ms",
        "stats_server_p50_ms",
        "close_p50_ms",
        "close_max_ms",
        "ingest_ack_server_mean_ms",
        "commit_server_mean_ms",
        "stitch_credit_p50_ms",
    )
    for key in keys:
        a, b = empty[key], full[key]
        ratio = f"{b / a:.2f}" if a and b and key != "envelopes" else ""
        print(f"{key:28s}{a!s:>12s}{b!s:>12s}{ratio:>8s}")


if __name__ == "__main__":
    main()
