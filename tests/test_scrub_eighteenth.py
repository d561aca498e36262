"""Form of the eighteenth held-back scrub corpus: pinned, well labelled, valid fakes, no literal secrets.

These tests check the corpus and its measure on stand-in scrubs only; the real scrubber is measured in
aggregate by `measure_held_back`, outside the test suite.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
import zlib
from collections import Counter
from pathlib import Path

import pytest

from tests.scrubcorpus import eighteenth as corpus
from tests.scrubcorpus.eighteenth import (
    DEFAULT_SEED,
    RESERVED_EMAIL_DOMAINS,
    VENDOR_CLASSES,
    Document,
    Keep,
    Secret,
    build_corpus,
    corpus_digest,
    iban_ok,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

PINNED_DIGEST = "d6e6954e0712b1363e8ed713aa2652c8a568b0390761b4bc20dbc2f1c29d55e1"


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return build_corpus()


def test_digest_is_pinned_and_seed_matters(docs: list[Document]) -> None:
    assert corpus_digest(docs) == PINNED_DIGEST
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_build_is_deterministic(docs: list[Document]) -> None:
    assert build_corpus() == docs


def test_counts(docs: list[Document]) -> None:
    assert 300 <= len(docs) <= 360
    secrets = [s for d in docs for s in d.secrets]
    assert 350 <= len(secrets) <= 500
    per_class = Counter(s.cls for s in secrets)
    assert len(per_class) >= 35
    assert min(per_class.values()) >= 8
    assert len(VENDOR_CLASSES) >= 15
    assert set(per_class) >= VENDOR_CLASSES
    lookalike = [d for d in docs if not d.secrets]
    assert all(d.keeps for d in lookalike)
    assert 0.08 <= len(lookalike) / len(docs) <= 0.15
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert len({d.setting for d in docs}) >= 10
    assert len({d.name for d in docs}) == len(docs)


def test_spans_sit_at_their_offsets(docs: list[Document]) -> None:
    for d in docs:
        labelled: list[Secret | Keep] = [*d.secrets, *d.keeps]
        for span in labelled:
            assert d.text[span.offset : span.offset + len(span.text)] == span.text
            assert span.text and not set(span.text) & set('"\\\n\t')


def test_no_overlaps_and_no_keep_holds_a_secret(docs: list[Document]) -> None:
    for d in docs:
        labelled: list[Secret | Keep] = [*d.secrets, *d.keeps]
        spans = sorted((s.offset, s.offset + len(s.text)) for s in labelled)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start >= end, d.name
        for k in d.keeps:
            assert not any(s.text in k.text or k.text in s.text for s in d.secrets), d.name


def test_every_copy_of_a_secret_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        labelled = Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert d.text.count(text) == n, d.name


def test_json_deliveries_parse_and_hold_each_secret(docs: list[Document]) -> None:
    seen = 0
    for d in docs:
        if d.delivery != "json":
            continue
        seen += 1
        line = json.loads(d.text)
        inner = line["message"]["content"][0]["content"]
        assert line["message"]["content"][0]["type"] == "tool_result"
        for s in d.secrets:
            assert s.text in inner
    assert seen > 0


def test_other_deliveries_have_their_layouts(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "diff":
            assert d.text.startswith("diff --git ")
            assert all(ln.startswith("+") for ln in lines[5:])
        elif d.delivery == "numbered":
            assert all(re.match(r"^( {0,5}\d+\u2192|\d+\t)", ln) for ln in lines)
        elif d.delivery == "ci":
            assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", ln) for ln in lines)
        elif d.delivery == "fence":
            assert d.text.count("```") == 2


def _b62(n: int) -> str:
    alphabet = corpus.B62
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = alphabet[r] + out
    return out.rjust(6, "0")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def test_checksums_and_layouts(docs: list[Document]) -> None:
    by_class: dict[str, list[str]] = {}
    for d in docs:
        for s in d.secrets:
            by_class.setdefault(s.cls, []).append(s.text)
    for cls, prefix in (("github-token", "ghp_"), ("npm-token", "npm_")):
        for t in by_class[cls]:
            body, check = t[len(prefix) : len(prefix) + 30], t[len(prefix) + 30 :]
            assert t.startswith(prefix) and len(t) == len(prefix) + 36
            assert check == _b62(zlib.crc32(body.encode()))
    test_cards = {"4242" * 4, "4111" + "1" * 12}
    for t in by_class["credit-card"]:
        assert luhn_ok(t) and t.replace(" ", "") not in test_cards
    for t in by_class["iban"]:
        assert iban_ok(t)
    for t in by_class["ssn"]:
        assert ssn_ok(t) and re.fullmatch(r"\d{3}-\d{2}-\d{4}", t)
    for t in by_class["jwt"]:
        head, payload, sig = t.split(".")
        assert json.loads(_unb64(head))["typ"] == "JWT"
        assert "exp" in json.loads(_unb64(payload))
        assert len(_unb64(sig)) == 32
    for t in by_class["private-key"]:
        base64.b64decode(t + "=" * (-len(t) % 4))
    for t in by_class["aws-access-key"]:
        assert re.fullmatch(r"AKIA[A-Z2-7]{16}", t)
    assert all(t.startswith("access-production-") for t in by_class["plaid-token"])
    assert all(t.startswith("sk-ant-api03-") for t in by_class["anthropic-key"])
    assert all(t.startswith("hf_") for t in by_class["huggingface-token"])


def test_checks_reject_what_they_should() -> None:
    assert not luhn_ok("4242 4242 4242 4241")
    assert not iban_ok("DE00" + "1" * 18)
    assert not ssn_ok("666-12-3456") and not ssn_ok("900-12-3456") and not ssn_ok("123-00-4567")
    with pytest.raises(binascii.Error):
        base64.b64decode("abc", validate=True)


def test_no_email_secret_on_a_reserved_domain(docs: list[Document]) -> None:
    emails = [s.text for d in docs for s in d.secrets if s.cls == "email"]
    assert emails
    for e in emails:
        domain = e.rsplit("@", 1)[1]
        assert not any(domain == r or domain.endswith("." + r) for r in RESERVED_EMAIL_DOMAINS)
        assert not domain.endswith((".example", ".test", ".invalid", "localhost"))


SHAPES = (
    r"gh[pousr]_[A-Za-z0-9]{20,}",
    r"npm_[A-Za-z0-9]{20,}",
    r"AKIA[A-Z2-7]{16}",
    r"AIza[0-9A-Za-z_-]{20,}",
    r"xox[abprs]-\d",
    r"sk_live_[A-Za-z0-9]{8,}",
    r"sk-(proj|ant)-[A-Za-z0-9_-]{8,}",
    r"hf_[A-Za-z]{20,}",
    r"glpat-[A-Za-z0-9_-]{10,}",
    r"\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{3,4}\b",
    r"\b\d{3}-\d{2}-\d{4}\b",
    r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b",
    r"eyJ[A-Za-z0-9_-]{10,}",
    r"(?=[A-Za-z0-9+_-]*\d)(?=[A-Za-z0-9+_-]*[A-Za-z])[A-Za-z0-9+_-]{40,}",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----\\n[A-Za-z0-9+/]",
)


def test_no_secret_shaped_literal_in_the_source() -> None:
    source = Path(corpus.__file__).read_text()
    for shape in SHAPES:
        assert not re.search(shape, source), shape


def test_the_source_scan_can_fail() -> None:
    token = corpus.crc_token(__import__("random").Random(1), "ghp_")
    assert any(re.search(shape, f'X = "{token}"') for shape in SHAPES)


def test_measure_on_stand_in_scrubs(docs: list[Document]) -> None:
    sample = docs[:60]
    same = measure_documents(sample, lambda t: t)
    assert set(same) == {
        "secrets",
        "recall",
        "recall_no_fragment",
        "vendor_prefix_recall",
        "keep_rate",
        "spans",
    }
    assert same["recall"] == 0.0 and same["keep_rate"] == 1.0
    assert same["secrets"] == sum(len(d.secrets) for d in sample)
    assert same["spans"] == sum(len(d.keeps) for d in sample)
    secrets = {s.text for d in sample for s in d.secrets}

    def remove_all(text: str) -> str:
        for s in sorted(secrets, key=len, reverse=True):
            text = text.replace(s, "[GONE]")
        return text

    gone = measure_documents(sample, remove_all)
    assert gone["recall"] == 1.0 and gone["recall_no_fragment"] == 1.0
    assert gone["vendor_prefix_recall"] == 1.0

    def leave_a_tail(text: str) -> str:
        for s in sorted(secrets, key=len, reverse=True):
            text = text.replace(s, "[GONE]" + s[-8:])
        return text

    tail = measure_documents(sample, leave_a_tail)
    assert tail["recall_no_fragment"] < tail["recall"]
    assert measure_documents([], lambda t: t)["recall"] == 1.0
