"""What the tests of the tuning parts (tests/scrubcorpus/tuning_round*.py) hold each part to."""

from __future__ import annotations

from types import ModuleType

from tests.scrubcorpus.tuning_more import KEEP_CLOSE, KEEP_OPEN, Figures


def assert_well_formed(part: ModuleType, templates_per_class: tuple[int, int] | None = None) -> None:
    """Each template holds one secret and balanced marks; each label points at a secret found once; each class
    has as many templates as ``templates_per_class`` says, where it says."""
    for item in part.CLASSES:
        if templates_per_class is not None:
            assert templates_per_class[0] <= len(item.templates) <= templates_per_class[1]
        for template in item.templates:
            assert template.count("@S@") == 1 and template.count(KEEP_OPEN) == template.count(KEEP_CLOSE)
    items = part.build(per_class=10)
    assert sum(1 for i in items if i.instance is None) == 3 * len(part.LOOKALIKES)
    for labelled in items:
        assert labelled.keep and all(span in labelled.doc for span in labelled.keep)
        if labelled.instance is not None:
            secret = labelled.instance.secret
            assert labelled.doc.count(secret) == 1 and all(secret not in span for span in labelled.keep)


def assert_holds(
    figures: Figures, recall: float, clean_recall: float, keep_rate: float, by_class: dict[str, float]
) -> None:
    """The part's figures at or above their floors, overall and in every class."""
    assert figures.recall >= recall
    assert figures.clean_recall >= clean_recall
    assert figures.keep_rate >= keep_rate
    measured = dict(figures.recall_by_class)
    assert measured.keys() == by_class.keys()
    fallen = {name: measured[name] for name, floor in by_class.items() if measured[name] < floor}
    assert not fallen, f"recall fell below its floor in {fallen}"
