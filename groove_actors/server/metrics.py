"""The server's metrics, kept and exposed by prometheus_client (README "Admin: metrics, dashboard, live view").

Each server has a registry of its own, never the library's global one, so that servers sharing a process (in
tests) stay apart. Counters and histograms are changed by the code that observes the event (the edge, the
routes, the writer, the credit pipeline); the hot path keeps bound children (`counter`), so that an ingest
costs a few increments. What describes the server's state (open sessions, the writer's queue, the last sealed
ledger day) is read when Prometheus scrapes, passed to `exposition`, not kept up to date in between.
"""

from __future__ import annotations

import platform
from collections.abc import Iterator, Mapping

import attrs
from prometheus_client import (
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    Info,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import GaugeMetricFamily, Metric

import groove_actors

LATENCY_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
BATCH_BUCKETS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0)


@attrs.frozen
class Family:
    kind: str  # counter, histogram, or gauge (a gauge is read at scrape time)
    help: str
    labels: tuple[str, ...] = ()
    buckets: tuple[float, ...] = LATENCY_BUCKETS_S


FAMILIES = {
    "groove_http_requests_total": Family(
        "counter", "HTTP requests and WebSocket handshakes answered, by route template and status.",
        ("route", "status"),
    ),
    "groove_rate_limited_total": Family(
        "counter",
        "Requests refused by a rate limit: per client address (limit=address) or session opens per machine"
        " and hour (limit=session_opens).",
        ("limit",),
    ),
    "groove_envelopes_accepted_total": Family(
        "counter", "Envelopes stored (duplicates counted apart).", ("duplicate",)
    ),
    "groove_envelopes_rejected_total": Family(
        "counter", "Envelopes refused, by HTTP status and reason code (README, 'Rejection codes').",
        ("status", "reason"),
    ),
    "groove_envelope_bytes_total": Family("counter", "Bytes of envelopes stored."),
    "groove_credits_total": Family("counter", "Sessions credited in the ledger."),
    "groove_points_total": Family("counter", "Points credited in the ledger."),
    "groove_rescrub_redactions_total": Family(
        "counter", "Redactions the server's re-scrub made in the stitched trajectories it wrote, by kind.",
        ("kind",),
    ),
    "groove_credits_by_tier_total": Family(
        "counter", "Trajectories written since start, by the server's quality tier and training eligibility.",
        ("tier", "eligible"),
    ),
    "groove_model_fingerprints_total": Family(
        "counter", "Trajectories written since start, by the model fingerprint's verdict.", ("verdict",)
    ),
    "groove_group_commit_batch_size": Family(
        "histogram", "Operations per group commit.", buckets=BATCH_BUCKETS
    ),
    "groove_commit_seconds": Family(
        "histogram", "Time of one group commit: appends, fsyncs and the transaction."
    ),
    "groove_fsync_seconds": Family("histogram", "Time of the envelope segment fsync in a group commit."),
    "groove_ack_seconds": Family("histogram", "Time from receiving an envelope to answering it."),
    "groove_active_sessions": Family("gauge", "Open sessions."),
    "groove_verifiers_alive": Family("gauge", "Session verifier actors running."),
    "groove_writer_queue_depth": Family("gauge", "Write requests waiting for the storage writer."),
    "groove_storage_bytes": Family("gauge", "Bytes in envelope segment files."),
    "groove_ledger_last_sealed_timestamp_seconds": Family(
        "gauge",
        "When the newest sealed ledger day was sealed (unix seconds); absent until a day has been sealed.",
    ),
}  # fmt: skip
GAUGES = tuple(name for name, family in FAMILIES.items() if family.kind == "gauge")


@attrs.define(eq=False)
class _ScrapeGauges:
    """A collector of the gauges read at scrape time: the values `exposition` was given, None left out."""

    values: dict[str, float | None] = attrs.Factory(dict)

    def collect(self) -> Iterator[Metric]:
        for name in GAUGES:
            family = GaugeMetricFamily(name, FAMILIES[name].help)
            value = self.values.get(name)
            if value is not None:
                family.add_metric([], value)
            yield family


class Metrics:
    """The families of FAMILIES in a registry of their own, with the process, Python and build facts."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._counters: dict[str, Counter] = {}
        self._histograms: dict[str, Histogram] = {}
        for name, family in FAMILIES.items():
            if family.kind == "counter":
                self._counters[name] = Counter(name, family.help, family.labels, registry=self.registry)
            elif family.kind == "histogram":
                self._histograms[name] = Histogram(
                    name, family.help, buckets=family.buckets, registry=self.registry
                )
        self._gauges = _ScrapeGauges()
        self.registry.register(self._gauges)
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        build = Info(
            "groove_build", "The server's version and the Python running it.", registry=self.registry
        )
        build.info({"version": groove_actors.__version__, "python": platform.python_version()})

    def counter(self, name: str, **labels: str) -> Counter:
        """The child of `name` with these labels, to keep and increment on a hot path."""
        counter = self._counters[name]
        return counter.labels(**labels) if labels else counter

    def histogram(self, name: str) -> Histogram:
        """The histogram `name`, to keep and observe into on a hot path."""
        return self._histograms[name]

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        self.counter(name, **labels).inc(amount)

    def observe(self, name: str, value: float) -> None:
        """One observation, into the buckets its family declares (FAMILIES)."""
        self._histograms[name].observe(value)

    def counted(self, name: str) -> list[tuple[dict[str, str], float]]:
        """Each label set of the counter `name` with its value, for the dashboard (what was counted only)."""
        return [
            (sample.labels, sample.value)
            for family in self._counters[name].collect()
            for sample in family.samples
            if sample.name == name
        ]


def exposition(metrics: Metrics, gauges: Mapping[str, float | None], accept: str = "") -> tuple[bytes, str]:
    """The scrape's body and content type: Prometheus text, or OpenMetrics when `accept` asks for it."""
    unknown = set(gauges) - set(GAUGES)
    if unknown:
        raise ValueError(f"not gauges of FAMILIES: {sorted(unknown)}")
    metrics._gauges.values = dict(gauges)
    encode, content_type = choose_encoder(accept)
    return encode(metrics.registry), content_type


# Rejection codes: a short name for each kind of refusal that stays the same when its message is reworded.
# (status, how the reason starts, code): the first match wins; an empty start matches any reason of that status.
REJECTION_CODES = (
    (400, "the envelope is unsigned", "unsigned"),
    (400, "session_id", "bad_session_id"),
    (400, "", "malformed"),
    (401, "", "bad_signature"),
    (404, "", "unknown_session"),
    (405, "", "method_not_allowed"),
    (408, "", "body_timeout"),
    (409, "sequence conflict", "sequence_conflict"),
    (409, "session is closed", "session_closed"),
    (409, "this server no longer holds", "key_lost"),
    (409, "", "conflict"),
    (413, "session is full", "session_full"),
    (413, "the body holds too many", "too_many_values"),
    (413, "", "too_large"),
    (422, "", "schema"),
    (429, "", "rate_limited"),
    (500, "", "internal"),
    (503, "this session's verifier failed", "verifier_failed"),
    (503, "", "overloaded"),
    (507, "", "quota_exhausted"),
)


def rejection_code(status: int, reason: str) -> str:
    """The code of a refusal, from a closed set (REJECTION_CODES), so that a metric label stays bounded."""
    for code_status, start, code in REJECTION_CODES:
        if status == code_status and reason.startswith(start):
            return code
    return "other"
