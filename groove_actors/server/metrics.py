"""Operational metrics in memory, rendered in the Prometheus text exposition format (version 0.0.4).

Counters and histograms are plain values changed on the Trio thread by the code that observes the event (the
routes, the writer, the credit pipeline); rendering is a pure function of them plus the gauges read at scrape
time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

import attrs

LATENCY_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)

Labels = tuple[tuple[str, str], ...]


@attrs.define
class Histogram:
    buckets: tuple[float, ...]
    counts: list[int] = attrs.Factory(list)
    total: float = 0.0
    observations: int = 0

    def __attrs_post_init__(self) -> None:
        self.counts = [0] * (len(self.buckets) + 1)

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(self.buckets, value)] += 1
        self.total += value
        self.observations += 1


@attrs.define(eq=False)
class Metrics:
    counters: dict[tuple[str, Labels], float] = attrs.Factory(dict)
    histograms: dict[str, Histogram] = attrs.Factory(dict)

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        self.counters[key] = self.counters.get(key, 0.0) + amount

    def observe(self, name: str, value: float, buckets: tuple[float, ...] = LATENCY_BUCKETS_S) -> None:
        self.histograms.setdefault(name, Histogram(buckets)).observe(value)


HELP = {
    "groove_envelopes_accepted_total": ("counter", "Envelopes stored (duplicates counted apart)."),
    "groove_envelopes_rejected_total": ("counter", "Envelopes refused, by HTTP status and reason."),
    "groove_envelope_bytes_total": ("counter", "Bytes of envelopes stored."),
    "groove_credits_total": ("counter", "Sessions credited in the ledger."),
    "groove_points_total": ("counter", "Points credited in the ledger."),
    "groove_rescrub_redactions_total": (
        "counter",
        "Redactions the server's re-scrub made in the stitched trajectories it wrote, by kind.",
    ),
    "groove_credits_by_tier_total": (
        "counter",
        "Trajectories written since start, by the server's quality tier and training eligibility.",
    ),
    "groove_active_sessions": ("gauge", "Open sessions."),
    "groove_verifiers_alive": ("gauge", "Session verifier actors running."),
    "groove_writer_queue_depth": ("gauge", "Write requests waiting for the storage writer."),
    "groove_storage_bytes": ("gauge", "Bytes in envelope segment files."),
    "groove_group_commit_batch_size": ("histogram", "Operations per group commit."),
    "groove_commit_seconds": ("histogram", "Time of one group commit: appends, fsyncs and the transaction."),
    "groove_fsync_seconds": ("histogram", "Time of the envelope segment fsync in a group commit."),
    "groove_ack_seconds": ("histogram", "Time from receiving an envelope to answering it."),
}


def _labels(labels: Labels, extra: Iterable[tuple[str, str]] = ()) -> str:
    pairs = [*labels, *extra]
    if not pairs:
        return ""
    escaped = (f'{k}="{v.replace(chr(92), chr(92) * 2).replace(chr(10), " ").replace(chr(34), chr(92) + chr(34))}"'
               for k, v in pairs)  # fmt: skip
    return "{" + ",".join(escaped) + "}"


def render(metrics: Metrics, gauges: Mapping[str, float]) -> str:
    """The exposition text: HELP and TYPE once per family, then its samples."""
    lines: list[str] = []
    for name, (kind, text) in HELP.items():
        lines += [f"# HELP {name} {text}", f"# TYPE {name} {kind}"]
        if kind == "gauge":
            lines.append(f"{name} {_number(gauges.get(name, 0.0))}")
        elif kind == "counter":
            samples = [(labels, v) for (n, labels), v in sorted(metrics.counters.items()) if n == name]
            lines += [f"{name}{_labels(labels)} {_number(v)}" for labels, v in samples] or [f"{name} 0"]
        else:
            lines += _histogram_lines(name, metrics.histograms.get(name))
    return "\n".join(lines) + "\n"


def _histogram_lines(name: str, histogram: Histogram | None) -> list[str]:
    if histogram is None:
        return [f'{name}_bucket{{le="+Inf"}} 0', f"{name}_sum 0", f"{name}_count 0"]
    lines = []
    running = 0
    for bound, count in zip((*histogram.buckets, float("inf")), histogram.counts, strict=True):
        running += count
        le = "+Inf" if bound == float("inf") else _number(bound)
        lines.append(f'{name}_bucket{{le="{le}"}} {running}')
    lines += [f"{name}_sum {_number(histogram.total)}", f"{name}_count {histogram.observations}"]
    return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def reason_key(reason: str) -> str:
    """A short, bounded label for a rejection reason: its first words, without numbers or ids."""
    words = []
    for word in reason.replace(":", " ").replace(";", " ").split()[:4]:
        if any(ch.isdigit() for ch in word) or word.startswith(("'", '"', "sess_", "env_", "$")):
            break
        words.append(word.lower())
    return " ".join(words) or "other"
