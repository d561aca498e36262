"""The scrubber against its labelled corpus: recall and keep-rate targets.

The corpus is generated from a fixed seed (tests/scrubcorpus); these tests fail when a rule
change loses secrets or starts eating ordinary technical text. Throughput is measured by
`python -m bench.scrub` (bench/RESULTS.md), not asserted in a timed test.
"""

from __future__ import annotations

import random

import pytest

from tests.scrubcorpus import Measurement, measure
from tests.scrubcorpus.benign import build_documents
from tests.scrubcorpus.contexts import CATEGORIES, build_instances

RECALL_MIN = 0.95
KEEP_RATE_MIN = 0.97


@pytest.fixture(scope="module")
def measured() -> Measurement:
    return measure()


def test_the_corpus_is_large_and_labelled_exactly() -> None:
    instances = build_instances(random.Random(1), 30)
    assert len(instances) >= 500
    assert {i.category for i in instances} == {c.name for c in CATEGORIES}
    for instance in instances:
        assert instance.secret and instance.doc.count(instance.secret) == 1


def test_the_must_survive_documents_cover_every_generator() -> None:
    documents = build_documents(random.Random(1), 100)
    assert sum(len(d) for d in documents) > 50_000


@pytest.mark.slow
def test_recall_overall(measured: Measurement) -> None:
    missed = [(i.category, i.doc) for i in measured.misses]
    assert measured.recall >= RECALL_MIN, missed[:5]


def test_recall_is_complete_on_prefixed_vendor_tokens(measured: Measurement) -> None:
    assert measured.prefixed_recall == 1.0, [(i.category, i.doc) for i in measured.misses][:5]


def test_no_category_is_left_behind(measured: Measurement) -> None:
    assert min(recall for _, recall in measured.recall_by_category) >= 0.9, measured.recall_by_category


def test_keep_rate(measured: Measurement) -> None:
    assert measured.keep_rate >= KEEP_RATE_MIN, measured.changed_lines[:5]
