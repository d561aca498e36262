"""The seventeenth held-back corpus keeps its form: counts, labels where they say, valid fakes, no literals.

These tests never run the scrubber: the corpus is held back, and only its form is checked here.
"""

from __future__ import annotations

import base64
import binascii
import collections
import itertools
import json
import re
import string
import zlib
from pathlib import Path

import pytest

from tests.scrubcorpus import seventeenth as corpus
from tests.scrubcorpus.seventeenth import Document

PINNED_DIGEST = "2b7ae7e7ecc8b8a46269ed6c5e6f0eaa693424f577e20a9c3616decad83dd2f2"

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.build_corpus()


def test_digest_is_pinned_and_seeded(docs: list[Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus(corpus.DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_counts(docs: list[Document]) -> None:
    assert 300 <= len(docs) <= 360
    secrets = [s for d in docs for s in d.secrets]
    assert 350 <= len(secrets) <= 500
    per_class = collections.Counter(s.cls for s in secrets)
    assert len(per_class) >= 35
    assert min(per_class.values()) >= 8
    assert len(corpus.VENDOR_CLASSES) >= 15
    assert set(per_class) >= corpus.VENDOR_CLASSES
    lookalikes = [d for d in docs if not d.secrets]
    assert 0.08 <= len(lookalikes) / len(docs) <= 0.15
    assert all(d.keeps for d in lookalikes)
    assert sum(1 for d in docs if d.keeps) >= 0.9 * len(docs)
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert len({d.setting for d in docs}) >= 10
    assert len({d.name for d in docs}) == len(docs)


def test_spans_stand_at_their_offsets(docs: list[Document]) -> None:
    for d in docs:
        spans = [(s.offset, s.text) for s in d.secrets] + [(k.offset, k.text) for k in d.keeps]
        for offset, text in spans:
            assert text
            assert d.text[offset : offset + len(text)] == text, d.name
            assert not any(c in text for c in '"\\\n\t'), d.name
        ordered = sorted(spans)
        for (a, ta), (b, _tb) in itertools.pairwise(ordered):
            assert a + len(ta) <= b, d.name


def test_keeps_neither_inside_nor_holding_a_secret(docs: list[Document]) -> None:
    for d in docs:
        for k in d.keeps:
            for s in d.secrets:
                assert k.text not in s.text and s.text not in k.text, d.name


def test_every_copy_of_a_secret_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        labelled = {(s.offset, s.text) for s in d.secrets}
        for s in d.secrets:
            start = d.text.find(s.text)
            while start != -1:
                assert (start, s.text) in labelled, d.name
                start = d.text.find(s.text, start + 1)


def test_json_deliveries_hold_each_secret_inside(docs: list[Document]) -> None:
    jsons = [d for d in docs if d.delivery == "json"]
    assert jsons
    for d in jsons:
        line = json.loads(d.text)
        inner = line["message"]["content"][0]["content"]
        assert isinstance(inner, str)
        for s in d.secrets:
            assert s.text in inner
        for k in d.keeps:
            assert k.text in inner


def test_line_deliveries_have_their_layout(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "numbered":
            assert all(re.match(r"^( {0,5}\d+→|\d+\t)", line) for line in lines), d.name
        elif d.delivery == "ci":
            assert all(re.match(r"^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines), d.name
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            assert all(line.startswith("+") for line in lines[6:]), d.name
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.count("```") == 2


def _secrets_of(docs: list[Document], cls: str) -> list[str]:
    found = [s.text for d in docs for s in d.secrets if s.cls == cls]
    assert found, cls
    return found


def _crc_ok(token: str, prefix: str) -> bool:
    body, check = token[len(prefix) : -6], token[-6:]
    value = 0
    for c in check:
        value = value * 62 + _B62.index(c)
    return len(body) == 30 and value == zlib.crc32(body.encode())


def test_formats_and_checksums(docs: list[Document]) -> None:
    for t in _secrets_of(docs, "github-token"):
        assert t.startswith("ghp_") and _crc_ok(t, "ghp_")
    for t in _secrets_of(docs, "npm-token"):
        assert t.startswith("npm_") and _crc_ok(t, "npm_")
    for t in _secrets_of(docs, "credit-card"):
        digits = re.sub(r"[ -]", "", t)
        assert corpus.luhn_ok(t) and digits.isdigit() and len(digits) in (15, 16)
        assert digits not in {"4242" * 4, "4" + "1" * 15}
    for t in _secrets_of(docs, "iban"):
        assert corpus.iban_ok(t)
    for t in _secrets_of(docs, "ssn"):
        assert corpus.ssn_ok(t)
    for t in _secrets_of(docs, "aws-access-key-id"):
        assert re.fullmatch(r"AKIA[A-Z2-7]{16}", t)
    for t in _secrets_of(docs, "jwt"):
        head, payload, sig = t.split(".")
        for part in (head, payload):
            decoded = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
            assert isinstance(decoded, dict)
        assert json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))["typ"] == "JWT"
        assert re.fullmatch(r"[A-Za-z0-9_-]+", sig)
    for t in _secrets_of(docs, "wireguard-key"):
        assert len(base64.b64decode(t, validate=True)) == 32
    for t in _secrets_of(docs, "private-key"):
        assert len(t) <= 64
        base64.b64decode(t + "=" * (-len(t) % 4), validate=True)
    for t in _secrets_of(docs, "eth-private-key"):
        assert re.fullmatch(r"0x[0-9a-f]{64}", t)
    for t in _secrets_of(docs, "mailchimp-key"):
        assert re.fullmatch(r"[0-9a-f]{32}-us\d{1,2}", t)
    for t in _secrets_of(docs, "hubspot-token"):
        assert re.fullmatch(r"pat-(na1|na2|eu1)-[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", t)
    for t in _secrets_of(docs, "woocommerce-key"):
        assert re.fullmatch(r"c[ks]_[0-9a-f]{40}", t)
    for t in _secrets_of(docs, "service-account-key-id"):
        assert re.fullmatch(r"[0-9a-f]{40}", t)
    for t in _secrets_of(docs, "mnemonic"):
        assert len(t.split(" ")) == 12


def test_private_keys_sit_between_their_markers(docs: list[Document]) -> None:
    for d in docs:
        for s in d.secrets:
            if s.cls == "private-key":
                before = d.text[: s.offset]
                assert before.rfind("-----BEGIN ") > before.rfind("-----END "), d.name


def test_no_email_secret_on_a_reserved_domain(docs: list[Document]) -> None:
    for t in _secrets_of(docs, "email"):
        domain = t.rsplit("@", 1)[1]
        assert not any(domain == r or domain.endswith("." + r) for r in corpus.RESERVED_EMAIL_DOMAINS)


def test_checks_reject_bad_values() -> None:
    assert not corpus.luhn_ok("4" + "0" * 14 + "1")
    assert not corpus.ssn_ok("666-12-3456") and not corpus.ssn_ok("000-12-3456")
    assert not corpus.ssn_ok("123-00-4567") and not corpus.ssn_ok("900-12-3456")
    assert not corpus.iban_ok("DE" + "00" + "1" * 18)


_SHAPES = [
    r"gh[pousr]_[A-Za-z0-9]{30,}",
    r"npm_[A-Za-z0-9]{30,}",
    r"glpat-[\w-]{20}",
    r"xox[abp]-\d{6,}",
    r"[sr]k_live_[A-Za-z0-9]{16,}",
    r"sk-(proj|ant)-[\w-]{20,}",
    r"AKIA[A-Z2-7]{16}",
    r"AIza[\w-]{35}",
    r"hf_[A-Za-z]{30,}",
    r"SG\.[\w-]{22}\.[\w-]{43}",
    r"shp(at|ss|ca|pa)_[0-9a-f]{32}",
    r"dop_v1_[0-9a-f]{64}",
    r"sntryu_[0-9a-f]{64}",
    r"dapi[0-9a-f]{32}",
    r"hvs\.[A-Za-z0-9]{24}",
    r"[0-9a-f]{32}-us\d",
    r"pat-(na|eu)\d-[0-9a-f]{8}-",
    r"c[ks]_[0-9a-f]{40}",
    r"sb_secret_[\w-]{20,}",
    r"dp\.st\.\w+\.[A-Za-z0-9]{40}",
    r"ATATT3xFfGF0[\w-]{20,}",
    r"eyJ[\w-]{8,}\.eyJ[\w-]{8,}",
    r"0x[0-9a-fA-F]{64}",
    r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}",
    r"\$6\$[./A-Za-z0-9]{8,}\$",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----(\\n|\s)+[A-Za-z0-9+/]{20,}",
    r"\b\d{3}-\d{2}-\d{4}\b",
    r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b",
    r"\b\d{9,10}:AA[\w-]{33}",
    r"[\w.+-]+@[\w-]+\.(io|de|com|nl|se|dev|co\.uk)\b",
]


def test_source_holds_no_secret_shaped_literal() -> None:
    source = Path(corpus.__file__).read_text()
    for shape in _SHAPES:
        for found in re.finditer(shape, source):
            domain = found.group(0).rsplit("@", 1)[-1]
            assert any(domain == r or domain.endswith("." + r) for r in corpus.RESERVED_EMAIL_DOMAINS), shape
    for run in re.findall(r"(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.])", source):
        assert not corpus.luhn_ok(run), run
    for word in re.findall(r"\b[A-Za-z0-9+/]{40,}={0,2}", source):
        try:
            decoded = base64.b64decode(word + "=" * (-len(word) % 4), validate=True)
        except (binascii.Error, ValueError):
            continue
        assert len(decoded) < 30 or word.isalpha(), word


def test_measure_on_fake_scrubbers(docs: list[Document]) -> None:
    keys = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    same = corpus.measure_documents(docs, lambda t: t)
    assert set(same) == keys
    assert same["secrets"] == sum(len(d.secrets) for d in docs)
    assert same["spans"] == sum(len(d.keeps) for d in docs)
    assert same["recall"] == 0.0 and same["recall_no_fragment"] == 0.0 and same["vendor_prefix_recall"] == 0.0
    assert same["keep_rate"] == 1.0

    labels = {d.text: d.secrets for d in docs}

    def rewrite(t: str, halve: bool) -> str:
        for s in sorted(labels.get(t, ()), key=lambda s: -s.offset):
            left = s.text[: len(s.text) // 2] if halve else ""
            t = t[: s.offset] + "[X]" + left + t[s.offset + len(s.text) :]
        return t

    def remove_all(t: str) -> str:
        return rewrite(t, False)

    gone = corpus.measure_documents(docs, remove_all)
    assert gone["recall"] == 1.0 and gone["vendor_prefix_recall"] == 1.0
    assert gone["recall_no_fragment"] == 1.0 and gone["keep_rate"] == 1.0

    def half(t: str) -> str:
        return rewrite(t, True)

    partly = corpus.measure_documents(docs, half)
    assert partly["recall"] == 1.0 and partly["recall_no_fragment"] < 0.5

    def drop_everything(t: str) -> str:
        return ""

    empty = corpus.measure_documents(docs, drop_everything)
    assert empty["recall"] == 1.0 and empty["keep_rate"] == 0.0
    assert corpus.measure_documents([], drop_everything)["recall"] == 1.0
