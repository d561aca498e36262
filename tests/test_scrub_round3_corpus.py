"""The third round's tuning part's own structure: its templates and documents are well formed (not how the scrubber
does on it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.scrubcorpus import tuning_round3 as corpus
from tests.scrubcorpus.tuning_more import Class

_FILLER = re.compile(r"@(TS|SHA|SHA7|UUID|HEX64|N|IP|B64SUM|SHA512B64|SHA384B64|JWKN|PUBKEY|SSHPUB|S|SE)@")


@pytest.mark.parametrize("item", corpus.CLASSES, ids=lambda item: item.name)
def test_each_class_has_many_distinct_templates(item: Class) -> None:
    assert len(set(item.templates)) == len(item.templates) >= 25


def test_there_are_many_classes_and_secret_free_documents() -> None:
    assert len(corpus.CLASSES) >= 14
    assert len({item.name for item in corpus.CLASSES}) == len(corpus.CLASSES)
    assert len(set(corpus.BENIGN)) == len(corpus.BENIGN) >= 80


@pytest.mark.parametrize("item", corpus.CLASSES, ids=lambda item: item.name)
def test_every_template_holds_one_secret_outside_the_marked_spans(item: Class) -> None:
    for template in item.templates:
        assert template.count("@S@") + template.count("@SE@") == 1, template
        assert template.count("⟪") == template.count("⟫"), template
        assert re.fullmatch(r"[^⟪⟫]*(⟪[^⟪⟫]*⟫[^⟪⟫]*)*", template, re.DOTALL), template
        assert not re.search(r"⟪[^⟫]*@SE?@", template), template


def test_secret_free_documents_hold_no_secret_marker() -> None:
    for template in corpus.BENIGN:
        assert "@S@" not in template and "@SE@" not in template, template
        assert re.fullmatch(r"[^⟪⟫]*(⟪[^⟪⟫]*⟫[^⟪⟫]*)*", template, re.DOTALL), template
        assert "⟪" in template, template


def test_build_is_deterministic_and_labels_point_at_the_secret() -> None:
    items = corpus.build(per_class=30)
    assert items == corpus.build(per_class=30)
    assert items != corpus.build(per_class=30, seed=corpus.SEED + 1)
    secrets = [item for item in items if item.instance is not None]
    assert len(secrets) == sum(max(30, len(c.templates)) for c in corpus.CLASSES)
    assert len(items) - len(secrets) == corpus.BENIGN_COPIES * len(corpus.BENIGN)
    for item in items:
        assert not _FILLER.search(item.doc), item.doc
        assert "⟪" not in item.doc and "⟫" not in item.doc, item.doc
        assert all(span and span in item.doc for span in item.keep), item.doc
        if item.instance is not None:
            secret = item.doc[item.instance.start : item.instance.end]
            assert secret and secret == item.instance.secret
            assert item.doc.index(secret) == item.instance.start
            assert not any(secret in span for span in item.keep), item.doc


def test_the_source_spells_no_credential_literally() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    prefixes = [
        "gh" + "p_",
        "sk" + "_live",
        "sk" + "_test",
        "xo" + "xb-",
        "AK" + "IA",
        "PRIVATE" + " KEY-",
        "ey" + "J",
    ]
    for prefix in prefixes:
        assert prefix not in source, prefix
