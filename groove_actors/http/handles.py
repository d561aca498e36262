"""What the routes may talk to, handed to the app when it is made (STYLE "Module-level mutable state")."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs
import trio

from groove_actors.http.admin import AdminToken
from groove_actors.http.budget import BodyBudget
from groove_actors.protocol import limits
from groove_actors.protocol.envelope import Rejected
from groove_actors.server.ledger_proofs import SEALED_DAYS_KEPT, SealedDays
from groove_actors.server.metrics import Metrics
from groove_actors.server.ratelimit import OPENS_PER_HOUR, RateLimiter
from groove_actors.server.readiness import Readiness
from groove_actors.server.reads import ReadPool
from groove_actors.server.sessions import SessionDirectory
from groove_actors.server.stats import StatsBook
from groove_actors.server.supervisor import DEFAULT_BODY_BUDGET_BYTES
from groove_actors.server.writer import WriteRequest

ANSWER_DEADLINE_S = 30.0  # a route waits this long for its actor, then answers 503 (the work may still land)
OVERLOADED = Rejected(503, "the server is overloaded; retry after the indicated delay", retry_after=1.0)


@attrs.frozen
class AppHandles:
    """What the routes may talk to; passed in, never global (STYLE "Module-level mutable state")."""

    started_at: float
    directory: SessionDirectory
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    stats: StatsBook
    limiter: RateLimiter
    trusted_proxies: frozenset[str] = frozenset()
    opens_per_hour: int = OPENS_PER_HOUR
    metrics: Metrics = attrs.Factory(Metrics)
    admin_token: AdminToken = attrs.Factory(AdminToken)  # re-read on SIGHUP
    wall_clock: Callable[[], float] = time.time
    bodies: BodyBudget = attrs.Factory(lambda: BodyBudget(DEFAULT_BODY_BUDGET_BYTES))
    sealed_days: SealedDays = attrs.Factory(lambda: SealedDays(SEALED_DAYS_KEPT))
    step_types: frozenset[str] = limits.STEP_TYPES  # the protocol's, and any the scoring policy adds
    readiness: Readiness = attrs.Factory(Readiness)
