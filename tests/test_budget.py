"""The body budget: requests hold their bytes while answered, wait for room, and give up after a while."""

from __future__ import annotations

import trio
import trio.testing

from groove_actors.http.budget import BodyBudget


async def test_a_request_waits_for_room_and_gets_it_when_another_finishes() -> None:
    budget = BodyBudget(100)
    order: list[str] = []

    async def second() -> None:
        async with budget.reserve(50, wait_s=10) as reserved:
            order.append(f"second {reserved}")

    async with trio.open_nursery() as nursery, budget.reserve(60, wait_s=10) as reserved:
        assert reserved and budget.free_bytes == 40
        nursery.start_soon(second)
        await trio.testing.wait_all_tasks_blocked()
        assert order == []  # 50 does not fit in the 40 left
        order.append("first done")
    assert order == ["first done", "second True"]
    assert budget.free_bytes == 100


async def test_without_room_in_time_the_answer_is_no_and_nothing_is_taken(
    autojump_clock: trio.testing.MockClock,
) -> None:
    budget = BodyBudget(100)
    async with budget.reserve(100, wait_s=1) as whole:
        started = trio.current_time()
        async with budget.reserve(1, wait_s=2) as reserved:
            assert (reserved, trio.current_time() - started) == (False, 2)
        assert whole and budget.free_bytes == 0
    assert budget.free_bytes == 100


async def test_a_request_larger_than_the_budget_takes_all_of_it() -> None:
    budget = BodyBudget(100)
    async with budget.reserve(5_000, wait_s=1) as reserved:
        assert reserved and budget.free_bytes == 0
    assert budget.free_bytes == 100
