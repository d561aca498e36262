"""`groove-central export` on a corpus of credited sessions: sessions/s and MB/s of trajectory log, both formats.

Run: .venv/bin/python -m bench.export [--sessions 10000] [--chunks 2] [--steps 20]
The corpus is made by the JavaScript load generator through a real server (sessions closed by SESSION_CLOSE, so
each is stitched and credited); the export then runs as a child process on the stopped server's data dir, once
per format, into a fresh directory. MB/s counts the trajectory log's bytes read. Each export ends by writing its
dataset card (README.md and three PNG charts, read back from every shard): the card's own time is measured
apart, by writing it again from the export's watermark, and is part of the export's wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.server import REPO, loadgen, running_server
from groove_actors.export.card import write_card
from groove_actors.export.files import STATE_FILE


def log_bytes(data_dir: Path) -> int:
    return sum(path.stat().st_size for path in (data_dir / "trajectories").iterdir())


def run_export(data_dir: Path, out: Path, fmt: str) -> tuple[float, float]:
    """Wall and CPU seconds of one export."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "groove_actors.cli", "export", "--data-dir", str(data_dir), "--out", str(out),
         "--format", fmt],
        check=True, cwd=REPO, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def card_seconds(out: Path) -> float:
    """Wall seconds to write the export's dataset card again from every shard its watermark lists."""
    state = json.loads((out / STATE_FILE).read_text())
    started = time.perf_counter()
    write_card(out, fmt=state["format"], filters=state["filters"], shards=state["shards"],
               schema_version=state["schema"])  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--chunks", type=int, default=2, help="chunk envelopes per session")
    parser.add_argument("--steps", type=int, default=20, help="steps per chunk")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="groove-bench-export-") as scratch:
        data_dir = Path(scratch) / "data"
        with running_server(data_dir=data_dir) as server:
            mark = len(server.events)
            loadgen(server.url, "fill", "--envelopes", str(args.sessions * args.chunks), "--chunks",
                    str(args.chunks), "--steps", str(args.steps), "--concurrency", "8", "--close", "envelope",
                    "--max-seconds", "3600")  # fmt: skip
            server.wait_for_credits_idle(after=mark)
            credited = sum(1 for e in server.events if e.get("event") == "ledger.credited")
        megabytes = log_bytes(data_dir) / 1e6
        print(f"corpus: {credited} credited sessions, trajectory log {megabytes:.1f} MB")
        for fmt in ("parquet", "jsonl"):
            out = Path(scratch) / f"out-{fmt}"
            wall, cpu = run_export(data_dir, out, fmt)
            card = card_seconds(out)
            shards = sum(path.stat().st_size for path in (out / "data").iterdir()) / 1e6
            print(
                f"export {fmt:8s}: {wall:6.1f} s wall (card {card:4.1f} s), {cpu:6.1f} s CPU;"
                f" {credited / wall:7.0f} sessions/s, {megabytes / wall:6.1f} MB/s; shards {shards:.1f} MB"
            )


if __name__ == "__main__":
    main()
