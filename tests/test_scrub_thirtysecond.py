"""Tests of the thirtysecond held-back scrub corpus: its build, its labels and its measure (stand-ins only)."""

from __future__ import annotations

import ast
import base64
import binascii
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtysecond as c

PINNED_DIGEST = "25cd359527026321cadac78288425bf8b2c0a2c298a245c9c8bc4be1e20ccb5c"

HERE = Path(__file__).resolve().parent
SOURCES = (HERE / "scrubcorpus" / "thirtysecond.py", Path(__file__).resolve())


@pytest.fixture(scope="module")
def docs() -> list[c.Document]:
    """The corpus is built once; every test reads the same documents."""
    return c.build_corpus()


def _secrets(docs: list[c.Document]) -> list[c.Secret]:
    return [s for d in docs for s in d.secrets]


def test_digest_pinned_and_stable(docs: list[c.Document]) -> None:
    assert c.corpus_digest(docs) == PINNED_DIGEST
    assert c.corpus_digest(c.build_corpus()) == PINNED_DIGEST
    assert c.corpus_digest(c.build_corpus(c.DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_offsets_point_at_labels(docs: list[c.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text


def test_counts_and_shape(docs: list[c.Document]) -> None:
    secrets = _secrets(docs)
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= sum(len(d.keeps) for d in docs) <= 560
    per_class = Counter(s.cls for s in secrets)
    assert set(per_class) == c.CLASSES
    assert 40 <= len(c.CLASSES) <= 50
    assert min(per_class.values()) >= 3
    assert c.VENDOR_CLASSES <= c.CLASSES and len(c.VENDOR_CLASSES) >= 12
    assert sum(n for k, n in per_class.items() if k in c.VENDOR_CLASSES) >= 60
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(c.SETTINGS) and len(c.SETTINGS) == 12
    assert min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(c.DELIVERIES)
    assert len({d.name for d in docs}) == len(docs)
    for d in docs:
        assert d.name.startswith(d.setting + "/") and d.name.count("/") == 2


def test_keeps_apart_and_every_occurrence_labelled(docs: list[c.Document]) -> None:
    for d in docs:
        for k in d.keeps:
            for s in d.secrets:
                assert not (k.offset < s.offset + len(s.text) and s.offset < k.offset + len(k.text))
                assert k.text not in s.text and s.text not in k.text
        labelled = Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert d.text.count(text) == n, d.name


def test_multiline_only_plain_or_fence_and_json_parses(docs: list[c.Document]) -> None:
    for d in docs:
        if any("\n" in s.text for s in d.secrets):
            assert d.delivery in ("plain", "fence")
        if d.delivery == "json":
            assert isinstance(json.loads(d.text)["content"], str)
        if d.delivery == "numbered":
            assert d.text.startswith("     1\t")
        if d.delivery == "diff":
            assert "\n@@ " in d.text


def _of(docs: list[c.Document], cls: str) -> list[str]:
    return [s.text for s in _secrets(docs) if s.cls == cls]


def test_card_iban_ssn_checks(docs: list[c.Document]) -> None:
    for v in _of(docs, "card-number"):
        assert c.luhn_ok(v)
        assert not c.luhn_ok(v[:-1] + str((int(v[-1]) + 1) % 10))
    for v in _of(docs, "iban"):
        assert c.iban_ok(v)
        assert not c.iban_ok(
            v[:4] + str((int(v[4]) + 1) % 10) + v[5:] if v[4].isdigit() else v[:2] + "00" + v[4:]
        )
    for v in _of(docs, "ssn"):
        assert c.ssn_ok(v)
    assert not c.ssn_ok("666-" + "12-3456")
    assert not c.ssn_ok("123-" + "00-3456")
    assert not c.ssn_ok("912-" + "12-3456")


def test_crc_tokens_and_vendor_prefixes(docs: list[c.Document]) -> None:
    for cls in ("github-token", "github-oauth-token", "npm-token"):
        values = _of(docs, cls)
        assert values
        for v in values:
            prefix = c.VENDOR_PREFIXES[cls]
            assert c.crc_token_ok(v, prefix)
            assert not c.crc_token_ok(v[:-1] + ("A" if v[-1] != "A" else "B"), prefix)
            assert len(v) == len(prefix) + 36
    for s in _secrets(docs):
        if s.cls in c.VENDOR_CLASSES:
            assert s.text.startswith(c.VENDOR_PREFIXES[s.cls])


def test_jwt_pem_openssh_bip39(docs: list[c.Document]) -> None:
    for v in _of(docs, "jwt"):
        head, body, sig = v.split(".")
        assert json.loads(base64.urlsafe_b64decode(head + "==")) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(base64.urlsafe_b64decode(body + "==")), dict)
        assert len(base64.urlsafe_b64decode(sig + "=")) == 32
    for cls, width, start in (
        ("private-key", 64, b"\x30"),
        ("openssh-private-key", 70, b"openssh-key-v1\x00"),
    ):
        values = _of(docs, cls)
        assert values
        for value in values:
            v = value.replace("\\\\n", "\n").replace("\\n", "\n")
            lines = v.split("\n")
            assert lines[0].startswith("-----BEGIN ") and lines[-1].startswith("-----END ")
            assert all(len(ln) == width for ln in lines[1:-2]) and 0 < len(lines[-2]) <= width
            assert base64.b64decode("".join(lines[1:-1])).startswith(start)
        with pytest.raises(binascii.Error):
            base64.b64decode("".join(values[-1].split("\n")[1:-1])[:-1], validate=True)
    phrases = _of(docs, "recovery-phrase")
    assert phrases and len(c.BIP39_HEAD) == 128
    for v in phrases:
        assert c.bip39_ok(v)
        words = v.split()
        assert not all(c.bip39_ok(" ".join([w, *words[1:]])) for w in c.BIP39_HEAD[:8] if w != words[0])


def _text_of_sources() -> list[str]:
    return [p.read_text() for p in SOURCES]


def test_no_secret_shaped_literals() -> None:
    vendor = "|".join(re.escape(p) for p in c.VENDOR_PREFIXES.values())
    patterns = [
        re.compile(r"(?:" + vendor + r")[A-Za-z0-9_\-]{8,}"),
        re.compile(r"-----BEGIN[^\n]*\n[A-Za-z0-9+/]{40,}"),
        re.compile(r"(?<!\d)\d{13,19}(?!\d)"),
        re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"),
        re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b"),
    ]
    long_run = re.compile(r"[A-Za-z0-9]{32,}")
    email = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
    for src in _text_of_sources():
        for p in patterns:
            assert not p.search(src), p.pattern
        for m in long_run.finditer(src):
            run = m.group(0)
            mixed = any(ch.isdigit() for ch in run) and any(ch.isalpha() for ch in run)
            assert not mixed or run == PINNED_DIGEST, run
        for m in email.finditer(src):
            assert m.group(1) in ("example.com", "github.com"), m.group(0)


def _replace_secrets(d: c.Document, keep_half: bool = False) -> str:
    out = d.text
    for s in sorted(d.secrets, key=lambda s: -s.offset):
        repl = s.text[: len(s.text) // 2] + "#" if keep_half else "[GONE]"
        out = out[: s.offset] + repl + out[s.offset + len(s.text) :]
    return out


def test_measure_with_stand_ins(docs: list[c.Document]) -> None:
    keys = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    ident = c.measure_documents(docs, lambda t: t)
    assert set(ident) == keys and all(isinstance(v, float) for v in ident.values())
    assert ident["recall"] == 0.0 and ident["keep_rate"] == 1.0
    by_text = {d.text: d for d in docs}

    def perfect(t: str) -> str:
        d = by_text.get(t)
        return _replace_secrets(d) if d else t

    full = c.measure_documents(docs, perfect)
    assert full["recall"] == 1.0 and full["recall_no_fragment"] == 1.0
    assert full["vendor_prefix_recall"] == 1.0 and full["keep_rate"] == 1.0

    def half(t: str) -> str:
        d = by_text.get(t)
        return _replace_secrets(d, keep_half=True) if d else t

    halves = c.measure_documents(docs, half)
    assert halves["recall"] == 1.0 and halves["recall_no_fragment"] < 0.9

    def greedy(t: str) -> str:
        d = by_text.get(t)
        if d is None:
            return t
        for k in d.keeps:
            t = t.replace(k.text, "[K]")
        return t

    assert c.measure_documents(docs, greedy)["keep_rate"] < 0.5
    empty = c.measure_documents([], lambda t: t)
    assert empty["recall"] == 1.0 and empty["keep_rate"] == 1.0 and empty["vendor_prefix_recall"] == 1.0
    assert empty["secrets"] == 0.0 and empty["spans"] == 0.0


def test_client_actors_imported_only_in_measure_held_back() -> None:
    tree = ast.parse(SOURCES[0].read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.startswith("client_actors") for n in names):
                owner = [
                    f
                    for f in ast.walk(tree)
                    if isinstance(f, ast.FunctionDef) and any(x is node for x in ast.walk(f))
                ]
                assert [f.name for f in owner] == ["measure_held_back"]
    assert "client_actors" in SOURCES[0].read_text()
