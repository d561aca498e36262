"""Per-address rate limits with time passed in."""

from __future__ import annotations

from groove_actors.server.ratelimit import RateLimiter, client_address, rate_key


def test_minute_window_blocks_then_resets() -> None:
    limiter = RateLimiter(per_minute=3, per_hour=100)
    assert [limiter.check("a", now=0.0) for _ in range(3)] == [None, None, None]
    assert limiter.check("a", now=10.0) == 50.0
    assert limiter.check("b", now=10.0) is None
    assert limiter.check("a", now=60.0) is None


def test_hour_window() -> None:
    limiter = RateLimiter(per_minute=0, per_hour=2)
    assert limiter.check("a", now=0.0) is None
    assert limiter.check("a", now=100.0) is None
    assert limiter.check("a", now=200.0) == 3400.0
    assert limiter.check("a", now=3600.0) is None


def test_disabled_limits_never_block() -> None:
    limiter = RateLimiter(per_minute=0, per_hour=0)
    assert all(limiter.check("a", now=0.0) is None for _ in range(10_000))
    assert limiter.tracked == 0


def test_forwarded_for_only_believed_from_trusted_proxies() -> None:
    proxies = frozenset({"10.0.0.1"})
    assert client_address("203.0.113.9", "198.51.100.7", proxies) == "203.0.113.9"
    assert client_address("10.0.0.1", "198.51.100.7", proxies) == "198.51.100.7"
    assert client_address("10.0.0.1", "192.0.2.1, 198.51.100.7, 10.0.0.1", proxies) == "198.51.100.7"
    assert client_address(None, None, proxies) == "unknown"


def test_ended_windows_are_dropped_from_the_front_one_per_new_key() -> None:
    limiter = RateLimiter(per_minute=1, per_hour=10, max_tracked=1_000)
    for i in range(1_000):
        assert limiter.check(f"old-{i}", now=float(i)) is None
    for i in range(500):  # an hour on, each new key finds the oldest window ended and takes its place
        assert limiter.check(f"new-{i}", now=3600.0 + i) is None
    assert limiter.tracked == 1_000
    assert limiter.check("old-999", now=3600.0 + 500) is None  # a new minute, within its hour: 2 of 10
    assert limiter.check("old-999", now=3600.0 + 501) == 59.0  # still tracked: its minute is used up


def test_with_every_window_running_the_oldest_makes_room_and_the_rest_stay_limited() -> None:
    limiter = RateLimiter(per_minute=1, per_hour=10, max_tracked=100)
    for i in range(150):
        assert limiter.check(f"key-{i}", now=i / 100) is None
    assert limiter.tracked == 100
    assert limiter.check("key-149", now=2.0) is not None  # tracked: limited
    assert limiter.check("key-0", now=2.0) is None  # dropped for room: counted afresh


def test_ipv6_clients_are_counted_per_64_network() -> None:
    assert rate_key("2001:db8:1:2::1") == rate_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert rate_key("2001:db8:1:3::1") != rate_key("2001:db8:1:2::1")
    assert rate_key("203.0.113.9") == "203.0.113.9"
    assert rate_key("unknown") == "unknown" and rate_key("not:an:address") == "not:an:address"
