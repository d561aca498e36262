"""Per-address rate limits with time passed in."""

from __future__ import annotations

from groove_actors.server.ratelimit import RateLimiter, client_address


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
