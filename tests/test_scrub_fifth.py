"""The fifth held-back corpus is well formed, and its measuring gives known answers for stand-in scrubbers.

Nothing here runs the real scrubber: its figures on this corpus are taken once, by someone else.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus.fifth import CLASSES, Doc, held_back, measure_held_back

DOCS = held_back()


def test_labels_are_exact_spans_and_each_secret_occurs_once() -> None:
    for doc in DOCS:
        for secret in doc.secrets:
            assert 0 <= secret.start <= secret.core_start < secret.core_end <= secret.end <= len(doc.text)
            assert doc.text.count(doc.text[secret.start : secret.end]) == 1
        for start, end in doc.survive:
            assert 0 <= start < end <= len(doc.text)


def test_must_survive_spans_never_overlap_a_secret() -> None:
    for doc in DOCS:
        for secret in doc.secrets:
            for start, end in doc.survive:
                assert end <= secret.start or secret.end <= start


def test_deterministic_per_seed() -> None:
    assert held_back(5, 8) == held_back(5, 8)
    assert held_back(5, 8) != held_back(6, 8)


def test_every_class_present_with_enough_cases() -> None:
    counts = Counter(doc.cls for doc in DOCS)
    assert set(counts) == set(CLASSES)
    assert all(count >= 35 for count in counts.values())
    assert all(doc.secrets for doc in DOCS if doc.cls != "none")
    assert not any(doc.secrets for doc in DOCS if doc.cls == "none")
    assert sum(1 for doc in DOCS for secret in doc.secrets if secret.vendor) >= 70


def test_transcript_lines_are_json() -> None:
    transcripts = [doc for doc in DOCS if doc.kind == "transcript"]
    assert len(transcripts) > 50
    for doc in transcripts:
        for line in doc.text.splitlines():
            json.loads(line)


def _replacing(make: Callable[[Doc, str], str]) -> Callable[[str], str]:
    """A stand-in scrubber that knows the labels: each secret becomes ``make(doc, secret)``."""
    table: dict[str, str] = {}
    for doc in DOCS:
        out, at = [], 0
        for secret in sorted(doc.secrets, key=lambda s: s.start):
            out += [doc.text[at : secret.start], make(doc, doc.text[secret.start : secret.end])]
            at = secret.end
        table[doc.text] = "".join([*out, doc.text[at:]])
    return lambda text: table[text]


def test_no_op_scrubber_finds_nothing_and_keeps_everything() -> None:
    figures = measure_held_back(lambda text: text)
    assert figures["recall"] == figures["recall_no_fragment"] == figures["vendor_prefix_recall"] == 0.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 1.0
    assert figures["documents"] == len(DOCS)
    assert figures["secrets"] == sum(len(doc.secrets) for doc in DOCS)
    assert figures["must_survive"] == sum(len(doc.survive) for doc in DOCS)
    assert figures["lines"] == sum(doc.text.count("\n") + 1 for doc in DOCS if not doc.secrets)


def test_exact_scrubber_scores_full_marks() -> None:
    figures = measure_held_back(_replacing(lambda doc, secret: "[REDACTED]"))
    assert figures["recall"] == figures["recall_no_fragment"] == figures["vendor_prefix_recall"] == 1.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 1.0


def test_a_left_tail_counts_as_a_fragment() -> None:
    def tail(doc: Doc, secret: str) -> str:
        label = next(s for s in doc.secrets if doc.text[s.start : s.end] == secret)
        return "[REDACTED]" + doc.text[label.core_end - 6 : label.core_end]

    figures = measure_held_back(_replacing(tail))
    assert figures["recall"] == figures["vendor_prefix_recall"] == 1.0
    assert figures["recall_no_fragment"] < 0.02
    assert figures["keep_rate"] == 1.0


def test_wiping_everything_keeps_nothing() -> None:
    figures = measure_held_back(lambda text: "")
    assert figures["recall"] == figures["recall_no_fragment"] == figures["vendor_prefix_recall"] == 1.0
    assert figures["keep_rate"] == figures["line_keep_rate"] == 0.0


@pytest.mark.parametrize("name", ["fifth.py", "../test_scrub_fifth.py"])
def test_source_holds_no_credential_looking_literal(name: str) -> None:
    source = (Path(__file__).parent / "scrubcorpus" / name).read_text()
    prefixes = [
        "gh" "p_", "gh" "o_", "github" "_pat_", "gl" "pat-", "xo" "xb-", "xo" "xp-", "sk" "_live_",
        "rk" "_live_", "sk" "-proj-", "sk" "-ant-", "AI" "za", "np" "m_", "py" "pi-", "h" "f_", "S" "G.",
        "do" "p_v1_", "sh" "pat_", "da" "pi", "ATA" "TT", "lin" "_api_", "PM" "AK-", "dp" ".st.",
        "AK" "IA", "AS" "IA", "ey" "J",
    ]  # fmt: skip
    for prefix in prefixes:
        assert not re.search(r"(?<![A-Za-z0-9])" + re.escape(prefix) + r"[A-Za-z0-9_\-]{8,}", source), prefix
    assert not re.search("-----" + "BEGIN [A-Z ]*PRIVATE KEY", source)
    for run in re.findall(r"[A-Za-z0-9+/_\-]{24,}", source):
        assert not (re.search("[a-z]", run) and re.search("[A-Z]", run) and re.search("[0-9]", run)), run
