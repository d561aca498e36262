"""The eighth tuning part (tests/scrubcorpus/tuning_round8.py): well formed, and scrubbed at least as well as today.

The floors are the figures the scrubber reaches on this part after the round it was written for (87.5% recall
and 99.3% keep-rate before it), rounded down to two decimals: the test holds today and fails when recall or the
keep-rate falls, overall or in any class. A round that improves on them raises them.
"""

from __future__ import annotations

from tests.scrubcorpus import tuning_round8
from tests.scrubcorpus.tuning_more import KEEP_CLOSE, KEEP_OPEN
from tests.scrubcorpus.tuning_round8 import measure

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
    """Each template holds one secret and balanced marks; each label points at a secret found once."""
    assert 12 <= len(tuning_round8.CLASSES) <= 15
    for item in tuning_round8.CLASSES:
        assert 8 <= len(item.templates) <= 15
        for template in item.templates:
            assert template.count("@S@") == 1 and template.count(KEEP_OPEN) == template.count(KEEP_CLOSE)
    items = tuning_round8.build(per_class=10)
    assert sum(1 for i in items if i.instance is None) == 3 * len(tuning_round8.LOOKALIKES)
    for labelled in items:
        assert labelled.keep and all(span in labelled.doc for span in labelled.keep)
        if labelled.instance is not None:
            secret = labelled.instance.secret
            assert labelled.doc.count(secret) == 1 and all(secret not in span for span in labelled.keep)


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
    figures = measure()
    assert figures.recall >= RECALL_FLOOR
    assert figures.clean_recall >= CLEAN_RECALL_FLOOR
    assert figures.keep_rate >= KEEP_RATE_FLOOR
    by_class = dict(figures.recall_by_class)
    assert by_class.keys() == CLASS_RECALL_FLOORS.keys()
    fallen = {name: by_class[name] for name, floor in CLASS_RECALL_FLOORS.items() if by_class[name] < floor}
    assert not fallen, f"recall fell below its floor in {fallen}"
