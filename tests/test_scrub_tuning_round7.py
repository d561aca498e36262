"""The seventh tuning part (tests/scrubcorpus/tuning_round7.py): well formed, and scrubbed at least as well as today.

The floors are the figures the scrubber reaches on this part after the round it was written for (92.1% recall
and 99.6% keep-rate before it), rounded down to two decimals: the test holds today and fails when recall or the
keep-rate falls, overall or in any class. A round that improves on them raises them.
"""

from __future__ import annotations

from tests.scrubcorpus import tuning_round7
from tests.scrubcorpus.tuning_round7 import measure
from tests.support.tuning import assert_holds, assert_well_formed

RECALL_FLOOR = 0.98
CLEAN_RECALL_FLOOR = 0.98
KEEP_RATE_FLOOR = 1.0
CLASS_RECALL_FLOORS = {
    "card_number": 1.0,
    "container_inspect": 1.0,
    "framework_signing_key": 0.92,
    "iban": 1.0,
    "mail_client": 0.97,
    "notebook_output": 0.97,
    "oauth_flow_log": 1.0,
    "orm_database_config": 1.0,
    "proxy_credentials": 1.0,
    "queue_client": 1.0,
    "runtime_env_dump": 0.92,
    "shell_history": 1.0,
    "vcs_artifact": 1.0,
    "webhook_integration": 1.0,
}


def test_the_seventh_tuning_part_is_well_formed() -> None:
    assert 12 <= len(tuning_round7.CLASSES) <= 15
    assert_well_formed(tuning_round7, (8, 15))


def test_the_seventh_part_labels_only_numbers_that_pass_their_check() -> None:
    """Card numbers pass Luhn and IBANs pass mod 97, as the part's policy says of what it labels."""
    items = tuning_round7.build(per_class=40)
    for labelled in items:
        if labelled.instance is None or labelled.instance.category not in ("card_number", "iban"):
            continue
        value = labelled.instance.secret.replace(" ", "").replace("-", "")
        if labelled.instance.category == "card_number":
            digits = [int(c) for c in reversed(value)]
            total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
            assert total % 10 == 0, value
        else:
            moved = value[4:] + value[:4]
            assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, value


def test_the_seventh_tuning_part_holds() -> None:
    assert_holds(measure(), RECALL_FLOOR, CLEAN_RECALL_FLOOR, KEEP_RATE_FLOOR, CLASS_RECALL_FLOORS)
