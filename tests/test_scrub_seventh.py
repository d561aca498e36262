"""The seventh held-back corpus part is well formed, and its measure counts what it says it counts.

The measure is run here only on stand-in scrubbers whose answers are known, never on the real one: the
part's figures for the real scrubber stay unseen until its rules are frozen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from tests.scrubcorpus.seventh import CLASSES, DEFAULT_SEED, Doc, Span, build_corpus, measure_held_back

KEYS = {
    "secrets",
    "recall",
    "recall_no_fragment",
    "vendor_prefix_recall",
    "keep_rate",
    "line_keep_rate",
    "lines",
}


@pytest.fixture(scope="module")
def corpus() -> list[Doc]:
    return build_corpus()


def replace_secrets(doc: Doc, keep: Callable[[Span], bool], by: Callable[[Span], str]) -> str:
    """The document with each secret not kept replaced by what `by` gives for it, back to front."""
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.start, reverse=True):
        if not keep(s):
            text = text[: s.start] + by(s) + text[s.end :]
    return text


def stand_in(
    corpus: list[Doc], keep: Callable[[Span], bool], by: Callable[[Span], str]
) -> Callable[[str], str]:
    answers = {doc.text: replace_secrets(doc, keep, by) for doc in corpus}
    return lambda text: answers[text]


def test_every_secret_span_is_its_text_and_unique_in_its_document(corpus: list[Doc]) -> None:
    for doc in corpus:
        for s in doc.secrets:
            assert doc.text[s.start : s.end] == s.text
            assert doc.text.count(s.text) == 1
            assert len(s.text) >= 8
            assert s.kind in CLASSES
        for k in doc.keeps:
            assert doc.text[k.start : k.end] == k.text


def test_keeps_never_overlap_secrets(corpus: list[Doc]) -> None:
    for doc in corpus:
        for k in doc.keeps:
            assert all(k.end <= s.start or s.end <= k.start for s in doc.secrets)


def test_same_seed_same_corpus_another_seed_another(corpus: list[Doc]) -> None:
    assert build_corpus(DEFAULT_SEED) == corpus
    other = build_corpus(DEFAULT_SEED + 1)
    assert [d.text for d in other] != [d.text for d in corpus]


def test_sizes_classes_and_look_alikes(corpus: list[Doc]) -> None:
    kinds = Counter(s.kind for doc in corpus for s in doc.secrets)
    assert set(kinds) == set(CLASSES)
    assert 14 <= len(CLASSES) <= 20
    assert 500 <= sum(kinds.values()) <= 800
    clean = sum(not doc.secrets for doc in corpus)
    assert 0.10 <= clean / len(corpus) <= 0.15
    assert any(s.vendor for doc in corpus for s in doc.secrets)
    assert all(doc.keeps for doc in corpus if doc.secrets)


def test_a_scrubber_that_removes_every_secret_scores_full_marks(
    corpus: list[Doc], capsys: pytest.CaptureFixture[str]
) -> None:
    figures = measure_held_back(stand_in(corpus, lambda s: False, lambda s: "[REDACTED]"))
    assert set(figures) == KEYS
    assert figures["secrets"] == sum(len(d.secrets) for d in corpus)
    assert figures["recall"] == figures["recall_no_fragment"] == figures["vendor_prefix_recall"] == 1.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 1.0
    assert figures["lines"] > 100
    assert capsys.readouterr() == ("", "")


def test_a_scrubber_that_changes_nothing_recalls_nothing(corpus: list[Doc]) -> None:
    figures = measure_held_back(lambda text: text)
    assert figures["recall"] == figures["recall_no_fragment"] == figures["vendor_prefix_recall"] == 0.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 1.0


def test_a_scrubber_that_leaves_fragments_is_caught(corpus: list[Doc]) -> None:
    figures = measure_held_back(stand_in(corpus, lambda s: False, lambda s: s.text[:-1] + "…"))
    assert figures["recall"] == 1.0
    assert figures["recall_no_fragment"] == 0.0


def test_a_scrubber_that_wipes_everything_keeps_nothing(corpus: list[Doc]) -> None:
    figures = measure_held_back(lambda text: "")
    assert figures["recall"] == figures["recall_no_fragment"] == 1.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 0.0


def test_vendor_recall_counts_only_vendor_tokens(corpus: list[Doc]) -> None:
    figures = measure_held_back(stand_in(corpus, lambda s: not s.vendor, lambda s: "<token>"))
    vendors = sum(s.vendor for d in corpus for s in d.secrets)
    assert figures["vendor_prefix_recall"] == 1.0
    assert figures["recall"] == pytest.approx(vendors / figures["secrets"])
    assert figures["keep_rate"] == 1.0
