"""Per-stage costs beyond the verify path: actor hand-off and group commit, and the stages of crediting a session.

Run: .venv/bin/python -m bench.stages
The HTTP layer's share is what remains of the server CPU per envelope (bench.ingest) after these and the
verify path (bench.verify_path); RESULTS.md puts the figures side by side.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import trio

from bench.envelopes import build_chunk
from groove_actors.protocol.policy import load_policy
from groove_actors.server.enrich import RuleJudge
from groove_actors.server.rescrub import rescrub_session
from groove_actors.server.scoring import score_session
from groove_actors.server.stitch import stitch
from groove_actors.store.catalog import EnvelopeRecord, NewSession
from groove_actors.store.embedded import EmbeddedStore, OpenSession, StoreEnvelope


async def hand_off_us(rounds: int = 5000) -> float:
    """Request/reply to an actor over a memory channel with a one-shot reply channel (as routes do)."""
    send, receive = trio.open_memory_channel[trio.MemorySendChannel[int]](16)

    async def actor() -> None:
        async for reply_to in receive:
            reply_to.send_nowait(1)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(actor)
        started = time.perf_counter()
        for _ in range(rounds):
            reply_send, reply_receive = trio.open_memory_channel[int](1)
            send.send_nowait(reply_send)
            await reply_receive.receive()
        elapsed = time.perf_counter() - started
        nursery.cancel_scope.cancel()
    return elapsed / rounds * 1e6


def group_commit_ms(steps: int, batch: int, repeats: int = 30) -> float:
    body = build_chunk(steps, secret=b"k" * 32)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp), quota_bytes=10**13)
        opens = [NewSession(f"s{i}", b"k" * 32, "pk", "codex", "o3", f"fp{i}", "a" * 64, "1", time.time())
                 for i in range(batch)]  # fmt: skip
        store.commit([OpenSession(new, 0) for new in opens], at=time.time())
        samples = []
        for sequence in range(repeats):
            ops = [StoreEnvelope(EnvelopeRecord(f"s{i}", sequence, "env", "chunk", "ab" * 32, body, steps, "c" * 32,
                                                "codex", "o3", None))
                   for i in range(batch)]  # fmt: skip
            started = time.perf_counter()
            store.commit(ops, at=time.time())
            samples.append(time.perf_counter() - started)
        store.close()
    return statistics.median(samples) * 1000


def credit_stages_ms(chunks: int = 20, steps: int = 200) -> dict[str, float]:
    """CPU of each pure stage of crediting one session of `chunks` x `steps`-step envelopes (load-generator text)."""
    bodies = [(n, "chunk", build_chunk(steps, secret=b"k" * 32, sequence=n, seed=n)) for n in range(chunks)]
    costs: dict[str, float] = {"MB": sum(len(body) for _, _, body in bodies) / 1e6}
    started = time.process_time()
    stitched = stitch("s", bodies, provider="codex", model="o3", close_reason="envelope", close_status=None)
    costs["stitch"] = time.process_time() - started
    started = time.process_time()
    session, _ = rescrub_session(stitched)
    costs["re-scrub"] = time.process_time() - started
    started = time.process_time()
    quality = RuleJudge().assess(session).quality
    score_session(session.steps, model="o3", task_complexity=None, quality=quality, policy=load_policy())
    costs["enrich + score"] = time.process_time() - started
    return {name: value if name == "MB" else value * 1000 for name, value in costs.items()}


def main() -> None:
    print(f"actor hand-off (request + one-shot reply): {trio.run(hand_off_us):.1f} µs")
    for steps in (20, 200):
        for batch in (1, 8, 32):
            ms = group_commit_ms(steps, batch)
            print(
                f"group commit, {batch:2d} x {steps}-step envelopes: {ms:6.2f} ms ({ms / batch:5.2f} ms each)"
            )
    costs = credit_stages_ms()
    print(f"crediting a session of 20 x 200-step envelopes ({costs.pop('MB'):.1f} MB), CPU:")
    for name, ms in costs.items():
        print(f"  {name:16s} {ms:8.0f} ms")


if __name__ == "__main__":
    main()
