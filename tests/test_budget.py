"""The body budget: requests hold what they really have, wait for room, and give up after a while."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from functools import partial

import orjson
import pytest
import trio
import trio.testing

from groove_actors.http.budget import BodyBudget
from groove_actors.protocol.envelope import ReceivedEnvelope, read_envelope
from groove_actors.protocol.validate import MAX_VIOLATIONS


async def test_a_request_waits_for_room_and_gets_it_when_another_finishes() -> None:
    budget = BodyBudget(100)
    order: list[str] = []

    async def second() -> None:
        async with budget.hold() as holding:
            order.append(f"second {await holding.take(50, wait_s=10)}")

    async with trio.open_nursery() as nursery, budget.hold() as first:
        assert await first.take(60, wait_s=10) and budget.free_bytes == 40
        nursery.start_soon(second)
        await trio.testing.wait_all_tasks_blocked()
        assert order == []  # 50 does not fit in the 40 left
        order.append("first done")
    assert order == ["first done", "second True"]
    assert budget.free_bytes == 100


async def test_without_room_in_time_the_answer_is_no_and_nothing_more_is_taken(
    autojump_clock: trio.testing.MockClock,
) -> None:
    budget = BodyBudget(100)
    async with budget.hold() as whole:
        assert await whole.take(70, wait_s=1)
        async with budget.hold() as other:
            assert await other.take(20, wait_s=1)
            started = trio.current_time()
            assert not await other.take(20, wait_s=2)
            assert trio.current_time() - started == 2
            assert (other.held, budget.free_bytes) == (20, 10)
    assert budget.free_bytes == 100


async def test_a_share_grows_piece_by_piece_and_is_given_back_whole() -> None:
    budget = BodyBudget(100)
    async with budget.hold() as holding:
        for _ in range(4):
            assert await holding.take(25, wait_s=0)
        assert not await holding.take(1, wait_s=0)
        assert holding.held == 100
    assert budget.free_bytes == 100


def _retained(make: Callable[[], object]) -> int:
    """Bytes still allocated by what `make` returns, once it has returned."""
    tracemalloc.start()
    try:
        value = make()
        retained, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del value
    return retained


@pytest.mark.slow
def test_what_waits_for_a_verifier_costs_the_body_not_its_parse() -> None:
    steps = [{"step": i, "type": "thought", "timestamp": 1e9, "content": "x"} for i in range(200)]
    chunk = {"envelope_id": "e", "session_id": "s", "chunk_sequence": 0, "contributor_id": "0" * 32,
             "attestation": {"session_hmac": "ab" * 32, "sequence": 0, "app_version_hash": "cd" * 32},
             "metadata": {"provider": "codex", "model_engine": "o3"}, "trajectory_log": steps}  # fmt: skip
    for document in (chunk, {"session_id": "s", "junk": [{}] * 1_000_000}):
        raw = orjson.dumps(document)
        assert _retained(partial(read_envelope, raw, now=1e9)) < 64_000  # a summary, not the parse
        assert _retained(partial(orjson.loads, raw)) > 2 * len(raw)  # what is no longer kept


def test_a_body_of_endless_bad_steps_reports_a_bounded_number_of_violations() -> None:
    raw = orjson.dumps({"session_id": "s", "trajectory_log": [{}] * 1_000_000})
    envelope = read_envelope(raw, now=1e9)
    assert isinstance(envelope, ReceivedEnvelope)
    assert len(envelope.violations) == MAX_VIOLATIONS
    assert any("at most 500 steps" in str(v) for v in envelope.violations)
