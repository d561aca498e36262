"""The fifteenth held-back corpus's form: its labels, its fakes' validity and its measure (never the scrubber)."""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable

import pytest

from tests.scrubcorpus.fifteenth import (
    DEFAULT_SEED,
    RESERVED_EMAIL_DOMAINS,
    VENDOR_CLASSES,
    Document,
    build_corpus,
    corpus_digest,
    iban_mod97,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

# Changes whenever the corpus for the default seed does: a changed corpus is a new held-back part.
PINNED_DIGEST = "bc904aade5f300a0014afd3ff64aa8eed656418327563a25ccfa4223f3b092e9"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return build_corpus()


def _b62(n: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(6, "0")


def test_digest_is_pinned_and_follows_the_seed(docs: list[Document]) -> None:
    assert corpus_digest(docs) == PINNED_DIGEST
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_build_is_deterministic(docs: list[Document]) -> None:
    assert build_corpus() == docs


def test_counts(docs: list[Document]) -> None:
    assert 300 <= len(docs) <= 360
    spans = [s for d in docs for s in d.secrets]
    assert 350 <= len(spans) <= 500
    distinct = Counter(cls for d in docs for cls in {s.text: s.cls for s in d.secrets}.values())
    assert len(distinct) >= 35
    assert min(distinct.values()) >= 8, distinct.most_common()[-3:]
    assert len(VENDOR_CLASSES & set(distinct)) >= 15
    lookalike = [d for d in docs if not d.secrets]
    assert 0.08 <= len(lookalike) / len(docs) <= 0.15
    assert all(d.keeps for d in lookalike)
    assert len({d.name for d in docs}) == len(docs)
    assert {d.delivery for d in docs} == {"plain", "json", "diff", "numbered", "ci", "fence"}


def test_spans_stand_where_they_say(docs: list[Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
            assert not set(s.text) & set('"\\\n\r\t'), d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_no_overlap_no_keep_inside_a_secret(docs: list[Document]) -> None:
    for d in docs:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start >= end, d.name
        for k in d.keeps:
            assert not any(a < k.offset + len(k.text) and k.offset < b for a, b in spans), d.name
            assert not any(k.text in s.text for s in d.secrets), d.name


def test_every_copy_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in d.secrets]
        for s in d.secrets:
            for m in re.finditer(re.escape(s.text), d.text):
                labelled = any(a <= m.start() and m.end() <= b for a, b in spans)
                assert labelled, (d.name, s.cls)


def test_json_deliveries_parse(docs: list[Document]) -> None:
    jsons = [d for d in docs if d.delivery == "json"]
    assert jsons
    for d in jsons:
        line = json.loads(d.text)
        inner = line["output"] if "output" in line else line["message"]["content"][0]["content"]
        assert isinstance(inner, str)
        for s in d.secrets:
            assert s.text in inner, d.name


def _values(docs: list[Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


def test_checksums_and_layouts(docs: list[Document]) -> None:
    for token in _values(docs, "github-token") + _values(docs, "npm-token"):
        body = token.split("_", 1)[1]
        assert len(body) == 36
        assert _b62(binascii.crc32(body[:30].encode())) == body[30:], token[:4]
    for number in _values(docs, "credit-card"):
        digits = re.sub(r"[ -]", "", number)
        assert len(digits) in (15, 16) and luhn_ok(digits)
        assert len(set(digits)) >= 6
    for account in _values(docs, "iban"):
        assert iban_mod97(account) == 1
    for value in _values(docs, "ssn"):
        assert ssn_ok(value)
    for token in _values(docs, "jwt"):
        header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
        assert header["typ"] == "JWT"
    for key_id in _values(docs, "service-account-key-id"):
        assert re.fullmatch(r"[0-9a-f]{40}", key_id)
    for key in _values(docs, "aws-access-key"):
        assert re.fullmatch(r"AKIA[A-Z2-7]{16}", key) and not key.endswith("EXAMPLE")


def test_email_domains(docs: list[Document]) -> None:
    emails = _values(docs, "email") + [e.replace("%40", "@") for e in _values(docs, "email-urlencoded")]
    assert emails
    for e in emails:
        assert not e.endswith(RESERVED_EMAIL_DOMAINS), e
    kept = [
        k.text.replace("%40", "@")
        for d in docs
        for k in d.keeps
        if re.fullmatch(r"[\w.+-]+(@|%40)[a-z0-9.-]+\.[a-z]+", k.text)
    ]
    assert kept
    for e in kept:
        assert e.endswith(RESERVED_EMAIL_DOMAINS), e


def _redactor(docs: list[Document], which: Callable[[str], bool], leave: int = 0) -> Callable[[str], str]:
    """A fake scrubber that knows the labels: replaces the chosen classes' secrets, leaving `leave` characters."""
    by_text = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = by_text[text]
        out = text
        for s in sorted(doc.secrets, key=lambda s: -s.offset):
            if which(s.cls):
                rest = s.text[len(s.text) - leave :] if 0 < leave < len(s.text) else ""
                out = out[: s.offset] + "[REDACTED]" + rest + out[s.offset + len(s.text) :]
        return out

    return scrub


def test_measure_against_fake_scrubbers(docs: list[Document]) -> None:
    identity = measure_documents(docs, lambda t: t)
    assert identity["recall"] == 0.0 and identity["recall_no_fragment"] == 0.0
    assert identity["vendor_prefix_recall"] == 0.0 and identity["keep_rate"] == 1.0
    assert identity["spans"] >= identity["secrets"] > 0

    perfect = measure_documents(docs, _redactor(docs, lambda _: True))
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0
    assert set(perfect["by_class"].values()) == {1.0}

    leaky = measure_documents(docs, _redactor(docs, lambda _: True, leave=9))
    longer = sum(1 for d in docs for t in {s.text for s in d.secrets} if len(t) > 9)
    assert leaky["recall"] == 1.0
    assert leaky["recall_no_fragment"] == pytest.approx(1 - longer / leaky["secrets"])

    empty = measure_documents(docs, lambda t: "")
    assert empty["recall"] == empty["recall_no_fragment"] == 1.0
    assert empty["keep_rate"] == 0.0


def test_vendor_recall_counts_vendor_classes_only(docs: list[Document]) -> None:
    vendors_only = measure_documents(docs, _redactor(docs, lambda cls: cls in VENDOR_CLASSES))
    assert vendors_only["vendor_prefix_recall"] == 1.0
    assert vendors_only["recall"] < 0.6
    others_only = measure_documents(docs, _redactor(docs, lambda cls: cls not in VENDOR_CLASSES))
    assert others_only["vendor_prefix_recall"] == 0.0
    assert others_only["recall"] > 0.4
