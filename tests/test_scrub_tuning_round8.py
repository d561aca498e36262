"""The eighth tuning part (tests/scrubcorpus/tuning_round8.py): well formed, and scrubbed at least as well as today.

The floors are the figures the scrubber reaches on this part after the round it was written for (87.5% recall
and 99.3% keep-rate before it), rounded down to two decimals: the test holds today and fails when recall or the
keep-rate falls, overall or in any class. A round that improves on them raises them.
"""

from __future__ import annotations

from tests.scrubcorpus import tuning_round8
from tests.scrubcorpus.tuning_round8 import measure
from tests.support.tuning import assert_holds, assert_well_formed

RECALL_FLOOR = 0.98
CLEAN_RECALL_FLOOR = 0.98
KEEP_RATE_FLOOR = 1.0
CLASS_RECALL_FLOORS = {
    "agent_tool_config": 0.97,
    "ci_runner_token": 1.0,
    "cloud_identity_output": 1.0,
    "database_admin_output": 0.9,
    "editor_forge_file": 1.0,
    "iac_secret_output": 1.0,
    "kyc_ssn": 1.0,
    "llm_sdk_trace": 1.0,
    "mobile_signing": 1.0,
    "observability_pipeline": 1.0,
    "registry_client_auth": 1.0,
    "secret_store_bootstrap": 1.0,
}


def test_the_eighth_tuning_part_is_well_formed() -> None:
    assert 12 <= len(tuning_round8.CLASSES) <= 15
    assert_well_formed(tuning_round8, (8, 15))


def test_the_eighth_part_labels_only_ssns_of_a_valid_shape() -> None:
    """Labelled SSNs have an area other than 000, 666 and 900-999, a group and a serial other than zero."""
    items = tuning_round8.build(per_class=40)
    for labelled in items:
        if labelled.instance is None or labelled.instance.category != "kyc_ssn":
            continue
        digits = "".join(c for c in labelled.instance.secret if c.isdigit())
        assert len(digits) == 9, digits
        area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        assert 0 < area < 900 and area != 666 and group and serial, digits


def test_the_eighth_tuning_part_holds() -> None:
    assert_holds(measure(), RECALL_FLOOR, CLEAN_RECALL_FLOOR, KEEP_RATE_FLOOR, CLASS_RECALL_FLOORS)
