"""Rate limits per client address: fixed one-minute and one-hour windows, purely (time is passed in)."""

from __future__ import annotations

import attrs

PER_MINUTE = 100
PER_HOUR = 1000
MAX_TRACKED = 100_000  # beyond this many addresses, expired windows are swept before tracking more


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
    _windows: dict[str, _Windows] = attrs.Factory(dict)

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0 or self.per_hour > 0

    def check(self, key: str, *, now: float) -> float | None:
        if not self.enabled:
            return None
        windows = self._windows.get(key)
        if windows is None:
            if len(self._windows) >= MAX_TRACKED:
                self._sweep(now)
            windows = self._windows[key] = _Windows(now, 0, now, 0)
        if now - windows.minute_start >= 60:
            windows.minute_start, windows.minute_count = now, 0
        if now - windows.hour_start >= 3600:
            windows.hour_start, windows.hour_count = now, 0
        if self.per_minute and windows.minute_count >= self.per_minute:
            return round(windows.minute_start + 60 - now, 3)
        if self.per_hour and windows.hour_count >= self.per_hour:
            return round(windows.hour_start + 3600 - now, 3)
        windows.minute_count += 1
        windows.hour_count += 1
        return None

    def _sweep(self, now: float) -> None:
        self._windows = {k: w for k, w in self._windows.items() if now - w.hour_start < 3600}

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
