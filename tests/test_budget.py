"""The body budget: requests hold what they really have, wait for room, and give up after a while."""

from __future__ import annotations

import trio
import trio.testing

from groove_actors.http.budget import COUNT_FROM_BYTES, WORST_PARSED_RATIO, BodyBudget, parsed_size
from groove_actors.protocol import jsjson


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


def _retained(raw: bytes) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        value = jsjson.parse(raw)
        retained, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del value
    return retained


def test_the_parsed_size_bounds_what_any_shape_of_json_takes_once_parsed() -> None:
    def array(item: bytes, count: int) -> bytes:
        return b"[" + b",".join([item] * count) + b"]"

    shapes = [b'{"a":' + array(b'"x"', 10) + b"}"]
    for count in (1_000, 100_000):  # charged by ratio below COUNT_FROM_BYTES, by structure above
        for item in (b"{}", b"[]", b'{"a":0}', b"[[]]", b'{"a":{"b":[1]}}', b"1.5", b"7", b'"ab"', b"null"):
            shapes.append(array(item, count))
    shapes.append(b'["' + b"a" * (COUNT_FROM_BYTES * 2) + b'"]')
    for raw in shapes:
        assert _retained(raw) <= parsed_size(raw), raw[:20]
    assert parsed_size(b"x" * 100) == 100 * WORST_PARSED_RATIO
