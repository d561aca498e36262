"""The held-back scrubber corpus is well-formed; no threshold on the scrubber is held here.

The part is only ever measured (`tests.scrubcorpus.third.measure_held_back`), so these tests check the
labels and the measuring, with stand-in scrubbers whose right answers are known, never the real one.
"""

from __future__ import annotations

import json

import pytest

from tests.scrubcorpus.third import (
    CLASSES,
    PREFIXED,
    Case,
    held_back,
    held_back_cases,
    measure_held_back,
    well_formed,
)

ISSUE_CLASSES = {"ssn", "url_query", "signed_url", "cookie", "k8s_secret", "sa_key", "cli_password", "auth_header",
                 "url_email"}  # fmt: skip
VENDOR_CLASSES = {"github", "gitlab", "slack", "stripe", "openai", "anthropic", "aws_key_id", "aws_secret",
                  "google_api_key", "npm", "pypi", "jwt", "pem"}  # fmt: skip


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return held_back_cases()


def test_every_label_is_the_exact_span_of_a_secret_found_nowhere_else(cases: list[Case]) -> None:
    assert all(well_formed(case) for case in cases)
    for case in cases:
        for instance in case.instances():
            assert instance.secret == case.doc[instance.start : instance.end]
            assert instance.secret.strip() == instance.secret
            assert len(instance.secret) >= 8


def test_keeps_never_touch_a_secret(cases: list[Case]) -> None:
    for case in cases:
        for keep in case.keeps:
            assert all(keep.end <= s.start or s.end <= keep.start for s in case.secrets)


def test_the_same_seed_gives_the_same_part_and_another_seed_another() -> None:
    assert held_back_cases(seed=7, per_class=6) == held_back_cases(seed=7, per_class=6)
    assert held_back_cases(seed=7, per_class=6) != held_back_cases(seed=8, per_class=6)


def test_every_class_is_present_at_about_a_thousand_secrets(cases: list[Case]) -> None:
    instances = held_back()
    counts: dict[str, int] = {}
    for instance in instances:
        counts[instance.category] = counts.get(instance.category, 0) + 1
    assert set(counts) == set(CLASSES) == ISSUE_CLASSES | VENDOR_CLASSES | {"generic"}
    assert set(CLASSES) >= PREFIXED
    assert min(counts.values()) >= 40
    assert 900 <= len(instances) <= 1500
    assert sum(len(case.keeps) for case in cases) >= 2000
    assert sum(1 for case in cases if not case.secrets and case.keeps) >= 100


def test_transcript_lines_are_json_whose_text_holds_the_same_secrets(cases: list[Case]) -> None:
    wrapped = [case for case in cases if case.doc.startswith('{"') and case.doc.endswith("}")]
    assert len(wrapped) > 100
    for case in wrapped:
        line = json.loads(case.doc)
        text = line.get("content") or line.get("output") or line["stdout"]
        for label in case.secrets:
            escaped = case.doc[label.start : label.end]
            assert json.loads(f'"{escaped}"') in text


def _exact_scrubber(cases: list[Case], leave_tail: int = 0) -> dict[str, str]:
    """What a scrubber that removes exactly the labelled spans (or all but their last characters) returns."""
    out = {}
    for case in cases:
        doc = case.doc
        for label in sorted(case.secrets, key=lambda label: -label.start):
            tail = doc[label.end - leave_tail : label.end] if leave_tail else ""
            doc = doc[: label.start] + "[REDACTED]" + tail + doc[label.end :]
        out[case.doc] = doc
    return out


def test_measuring_gives_the_known_answers_of_stand_in_scrubbers() -> None:
    cases = held_back_cases(seed=11, per_class=5)
    untouched = measure_held_back(seed=11, per_class=5, scrub=lambda text: text)
    assert untouched.recall == untouched.clean_recall == 0.0
    assert untouched.keep_rate == untouched.line_keep_rate == 1.0

    exact = _exact_scrubber(cases)
    perfect = measure_held_back(seed=11, per_class=5, scrub=exact.__getitem__)
    assert perfect.recall == perfect.clean_recall == perfect.prefixed_recall == perfect.keep_rate == 1.0
    assert dict(perfect.recall_by_class) == dict.fromkeys(CLASSES, 1.0)

    leaky = _exact_scrubber(cases, leave_tail=6)
    partial = measure_held_back(seed=11, per_class=5, scrub=leaky.__getitem__)
    assert partial.recall == 1.0
    assert partial.clean_recall < 0.05

    wiped = measure_held_back(seed=11, per_class=5, scrub=lambda text: "")
    assert wiped.recall == 1.0
    assert wiped.keep_rate == 0.0
