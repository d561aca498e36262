"""Recall, keep-rate and throughput of the scrubber on the generated corpus.

recall     fraction of labelled secret spans whose text no longer appears in the scrubbed document.
keep-rate  fraction of lines of the edge-case must-survive documents that come out unchanged
           (``bulk_keep_rate``: the same over the bulk text).
MB/s       UTF-8 megabytes per second of `scrub_text`, in CPU time of this process (one core), best
           of ``rounds``, over mixed technical text cut into step-sized chunks: bulk code, logs,
           diffs and lockfiles with every edge-case and secret document shuffled in.
           ``mb_per_s_dense`` is the worst case: only the edge-case and secret documents, where
           nearly every line holds something a rule has to look at.
"""

from __future__ import annotations

import random
import time
from collections import Counter

import attrs

from client_actors.scrub import scrub_text
from tests.scrubcorpus.benign import build_documents
from tests.scrubcorpus.bulk import build_bulk
from tests.scrubcorpus.contexts import CATEGORIES, Instance, build_instances

PREFIXED = frozenset(category.name for category in CATEGORIES if category.prefixed)


@attrs.frozen
class Measurement:
    """The numbers `measure` reports; ``misses`` and ``changed_lines`` say what went wrong."""

    recall: float
    prefixed_recall: float
    recall_by_category: tuple[tuple[str, float], ...]
    keep_rate: float
    bulk_keep_rate: float
    mb_per_s: float
    mb_per_s_dense: float
    secrets: int
    lines: int
    misses: tuple[Instance, ...]
    changed_lines: tuple[tuple[str, str], ...]


def recall_of(instances: list[Instance]) -> tuple[float, dict[str, float], list[Instance]]:
    """Return overall recall, recall by category, and the instances whose secret survived."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for instance in instances:
        total[instance.category] += 1
        if instance.secret in scrub_text(instance.doc).text:
            misses.append(instance)
        else:
            found[instance.category] += 1
    by_category = {name: found[name] / total[name] for name in total}
    return sum(found.values()) / len(instances), by_category, misses


def keep_rate_of(documents: list[str]) -> tuple[float, int, list[tuple[str, str]]]:
    """Return the share of unchanged lines, the line count, and the (before, after) changed lines."""
    kept, lines, changed = 0, 0, []
    for document in documents:
        for before, after in zip(document.split("\n"), scrub_text(document).text.split("\n"), strict=True):
            lines += 1
            if before == after:
                kept += 1
            else:
                changed.append((before, after))
    return kept / lines, lines, changed


def throughput(texts: list[str], *, chunk_bytes: int = 8192, rounds: int = 3) -> float:
    """Return MB/s of `scrub_text` over ``texts`` joined and cut into ``chunk_bytes`` chunks."""
    chunks, current, size = [], [], 0
    for text in texts:
        current.append(text)
        size += len(text)
        if size >= chunk_bytes:
            chunks.append("".join(current))
            current, size = [], 0
    chunks.append("".join(current))
    megabytes = sum(len(chunk.encode("utf-8")) for chunk in chunks) / 1e6
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for chunk in chunks:
            scrub_text(chunk)
        best = min(best, time.process_time() - started)
    return megabytes / best


def measure(
    *, seed: int = 20261101, per_category: int = 30, documents: int = 700, bulk_mb: float = 3.0
) -> Measurement:
    """Build the corpus from ``seed`` and return recall, per-category recall, keep-rate and MB/s.

    ``per_category`` secrets of each of the categories, ``documents`` edge-case must-survive
    documents, ``bulk_mb`` megabytes of bulk technical text for the throughput mix.
    """
    rng = random.Random(seed)
    instances = build_instances(rng, per_category)
    docs = build_documents(rng, documents)
    bulk = build_bulk(rng, bulk_mb)
    recall, by_category, misses = recall_of(instances)
    prefixed = [i for i in instances if i.category in PREFIXED]
    prefixed_recall = recall_of(prefixed)[0]
    keep, lines, changed = keep_rate_of(docs)
    dense = [*docs, *(instance.doc + "\n" for instance in instances)]
    rng.shuffle(dense)
    mixed = [*bulk, *dense]
    rng.shuffle(mixed)
    return Measurement(
        recall=recall,
        prefixed_recall=prefixed_recall,
        recall_by_category=tuple(sorted(by_category.items())),
        keep_rate=keep,
        bulk_keep_rate=keep_rate_of(bulk)[0],
        mb_per_s=throughput(mixed),
        mb_per_s_dense=throughput(dense),
        secrets=len(instances),
        lines=lines,
        misses=tuple(misses),
        changed_lines=tuple(changed),
    )
