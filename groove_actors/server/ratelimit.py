"""Rate limits per client address: fixed one-minute and one-hour windows, purely (time is passed in).

Memory is bounded: at most `max_tracked` keys are kept, in the order their hour window started, so the keys
whose windows have ended are always at the front and are dropped there, one per new key at most (constant
time per request, however many addresses come). When every tracked window is still running, the oldest is
dropped. IPv6 clients are counted per /64 network, since one host commonly holds a whole /64.
"""

from __future__ import annotations

import ipaddress
from collections import OrderedDict

import attrs

PER_MINUTE = 100
PER_HOUR = 1000
# Session opens per machine fingerprint and hour. Later clients open a session per resumed turn (and,
# 0.27.120-0.27.196, per chat turn): a busy machine opens hundreds an hour (hazard H7). The limit stops a
# runaway client, not a person at work.
OPENS_PER_HOUR = 600
MAX_TRACKED = 100_000


@attrs.define
class _Windows:
    minute_start: float
    minute_count: int
    hour_start: float
    hour_count: int


@attrs.define(eq=False)
class RateLimiter:
    """Counts requests per key; `check` answers None (go ahead) or the seconds to wait before retrying."""

    per_minute: int = PER_MINUTE
    per_hour: int = PER_HOUR
    max_tracked: int = MAX_TRACKED
    _windows: OrderedDict[str, _Windows] = attrs.Factory(OrderedDict)

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0 or self.per_hour > 0

    def check(self, key: str, *, now: float) -> float | None:
        if not self.enabled:
            return None
        windows = self._windows.get(key)
        if windows is None:
            self._make_room(now)
            windows = self._windows[key] = _Windows(now, 0, now, 0)
        if now - windows.minute_start >= 60:
            windows.minute_start, windows.minute_count = now, 0
        if now - windows.hour_start >= 3600:
            windows.hour_start, windows.hour_count = now, 0
            self._windows.move_to_end(key)  # the order stays that of the hour windows' starts
        if self.per_minute and windows.minute_count >= self.per_minute:
            return round(windows.minute_start + 60 - now, 3)
        if self.per_hour and windows.hour_count >= self.per_hour:
            return round(windows.hour_start + 3600 - now, 3)
        windows.minute_count += 1
        windows.hour_count += 1
        return None

    def _make_room(self, now: float) -> None:
        """Drop ended windows from the front, then the oldest running one if there is still no room."""
        while self._windows:
            oldest = next(iter(self._windows.values()))
            if now - oldest.hour_start < 3600 and len(self._windows) < self.max_tracked:
                return
            self._windows.popitem(last=False)
            if now - oldest.hour_start < 3600:  # dropped for room only: that is enough
                return

    @property
    def tracked(self) -> int:
        return len(self._windows)


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxies: frozenset[str]) -> str:
    """The address to limit: X-Forwarded-For's last untrusted hop, only when the peer is a trusted proxy."""
    address = peer or "unknown"
    if forwarded_for and address in trusted_proxies:
        for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
            address = hop
            if hop not in trusted_proxies:
                break
    return address


def rate_key(address: str) -> str:
    """What an address is counted under: itself, or its /64 network for IPv6."""
    if ":" not in address:
        return address
    try:
        network = ipaddress.IPv6Network((address, 64), strict=False)
    except ValueError:
        return address
    return str(network)
