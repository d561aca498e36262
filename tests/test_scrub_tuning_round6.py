"""The sixth tuning part (tests/scrubcorpus/tuning_round6.py): well formed, and scrubbed at least as well as today.

The floors are the figures the scrubber reaches on this part after the round the part was written for (it
reached 85.6% recall before it), rounded down to two decimals: the test holds today and fails when recall or
the keep-rate falls, overall or in any class.
"""

from __future__ import annotations

from tests.scrubcorpus import tuning_round6
from tests.scrubcorpus.tuning_round6 import measure
from tests.support.tuning import assert_holds, assert_well_formed

RECALL_FLOOR = 0.99
CLEAN_RECALL_FLOOR = 0.99
KEEP_RATE_FLOOR = 1.0
CLASS_RECALL_FLOORS = {
    "broker_database_client": 1.0,
    "build_tool_credentials": 1.0,
    "ci_log": 1.0,
    "cloud_cli_output": 1.0,
    "email_in_log": 1.0,
    "framework_debug_dump": 1.0,
    "http_client_debug": 1.0,
    "infrastructure_values": 1.0,
    "mobile_app_config": 1.0,
    "ops_config": 0.95,
    "phone_number": 1.0,
    "service_keys": 0.92,
    "ssn_record": 1.0,
}


def test_the_sixth_tuning_part_is_well_formed() -> None:
    assert_well_formed(tuning_round6, (6, 15))


def test_the_sixth_tuning_part_holds() -> None:
    assert_holds(measure(), RECALL_FLOOR, CLEAN_RECALL_FLOOR, KEEP_RATE_FLOOR, CLASS_RECALL_FLOORS)
