"""The structure of the seventh tuning corpus: labels that point at a secret, spans that are in their document."""

from __future__ import annotations

import collections

from tests.scrubcorpus import tuning_round4
from tests.scrubcorpus.tuning_more import KEEP_CLOSE, KEEP_OPEN


def test_every_class_has_many_templates_and_distinct_names() -> None:
    names = [item.name for item in tuning_round4.CLASSES]
    assert len(names) == len(set(names))
    for item in tuning_round4.CLASSES:
        assert len(set(item.templates)) >= 25, item.name
        for template in item.templates:
            assert template.count("@S@") == 1, template
            assert template.count(KEEP_OPEN) == template.count(KEEP_CLOSE), template


def test_labels_and_spans_are_consistent() -> None:
    items = tuning_round4.build(per_class=30)
    per_class = collections.Counter(i.instance.category for i in items if i.instance is not None)
    for item in tuning_round4.CLASSES:
        assert per_class[item.name] >= max(30, len(item.templates))
    for labelled in items:
        assert labelled.keep, labelled.doc
        for span in labelled.keep:
            assert span in labelled.doc
        assert KEEP_OPEN not in labelled.doc and "@S@" not in labelled.doc
        if labelled.instance is not None:
            secret = labelled.instance.secret
            assert secret and labelled.doc.count(secret) == 1
            assert all(secret not in span for span in labelled.keep)


def test_lookalikes_are_many_and_hold_no_label() -> None:
    items = tuning_round4.build(per_class=1)
    free = [i for i in items if i.instance is None]
    assert len(free) == len(tuning_round4.LOOKALIKES) >= 20


def test_build_is_deterministic() -> None:
    first = [i.doc for i in tuning_round4.build(per_class=5)]
    assert first == [i.doc for i in tuning_round4.build(per_class=5)]
    assert first != [i.doc for i in tuning_round4.build(per_class=5, seed=1)]
