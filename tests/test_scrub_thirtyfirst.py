"""Tests of the thirty-first held-back scrub corpus: its build, its labels and its measure.

Only stand-in scrubbers run here; the real one is measured by the maintainer, blind.
"""

from __future__ import annotations

import ast
import base64
import binascii
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtyfirst as corpus

PINNED_DIGEST = "151ac5e0d1b4cc8758182a31012b504f3de8163d4f1307b1c47ef7f036f3b652"

HERE = Path(__file__).resolve().parent
SOURCES = (HERE / "scrubcorpus" / "thirtyfirst.py", HERE / "test_scrub_thirtyfirst.py")
MULTILINE_OK = ("plain", "fence")


@pytest.fixture(scope="module")
def docs() -> list[corpus.Document]:
    return corpus.build_corpus()


def _secrets(docs: list[corpus.Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


def test_digest_is_pinned_and_stable(docs: list[corpus.Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[corpus.Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)


def test_offsets_point_at_labels(docs: list[corpus.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_counts_in_range(docs: list[corpus.Document]) -> None:
    assert 300 <= len(docs) <= 340
    assert 450 <= sum(len(d.secrets) for d in docs) <= 560
    assert 420 <= sum(len(d.keeps) for d in docs) <= 560
    assert len({d.name for d in docs}) == len(docs)
    classes = Counter(s.cls for d in docs for s in d.secrets)
    assert set(classes) == corpus.CLASSES
    assert 40 <= len(corpus.CLASSES) <= 50
    assert all(n >= 3 for n in classes.values()), classes
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert sum(classes[c] for c in corpus.VENDOR_CLASSES) >= 60


def test_settings_and_deliveries(docs: list[corpus.Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert all(n >= 20 for n in per_setting.values())
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    for d in docs:
        assert d.name.startswith(d.setting + "/")
        assert len(d.name.split("/")) == 3


def test_no_keep_overlaps_a_secret_and_every_occurrence_is_labelled(docs: list[corpus.Document]) -> None:
    for d in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in d.secrets]
        for k in d.keeps:
            assert not any(k.offset < b and a < k.offset + len(k.text) for a, b in spans), d.name
            assert not any(k.text in s.text or s.text in k.text for s in d.secrets), d.name
        labelled = Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert d.text.count(text) == n, d.name
        assert len(set(spans)) == len(spans)


def test_multiline_values_only_in_plain_or_fence(docs: list[corpus.Document]) -> None:
    multi = [d for d in docs if any("\n" in s.text for s in d.secrets)]
    assert multi
    assert all(d.delivery in MULTILINE_OK for d in multi)


def test_json_deliveries_parse(docs: list[corpus.Document]) -> None:
    for d in docs:
        if d.delivery == "json":
            obj = json.loads(d.text)
            assert isinstance(obj["content"], str)
            assert "\n" not in d.text.strip()


def test_other_deliveries_have_their_shape(docs: list[corpus.Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            assert all(ln.startswith("+") for ln in lines[5:])
        elif d.delivery == "numbered":
            assert all(re.match(r"^ {0,5}\d+\t", ln) for ln in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z ", ln) for ln in lines)
        elif d.delivery == "fence":
            assert "```" in d.text


def test_cards_ibans_ssns(docs: list[corpus.Document]) -> None:
    cards = _secrets(docs, "card-number")
    assert cards and all(corpus.luhn_ok(c) for c in cards)
    ibans = _secrets(docs, "iban")
    assert ibans and all(corpus.iban_ok(i) for i in ibans)
    ssns = _secrets(docs, "ssn")
    assert ssns and all(corpus.ssn_ok(s) for s in ssns)


def test_checks_reject_corrupted_values(docs: list[corpus.Document]) -> None:
    card = _secrets(docs, "card-number")[0]
    last = card[-1]
    assert not corpus.luhn_ok(card[:-1] + str((int(last) + 1) % 10))
    iban = _secrets(docs, "iban")[0].replace(" ", "")
    assert not corpus.iban_ok(iban[:-1] + str((int(iban[-1]) + 1) % 10))
    assert not corpus.ssn_ok("000" + "-12-3456")
    assert not corpus.ssn_ok("666" + "-12-3456")
    assert not corpus.ssn_ok("123" + "-00-3456")
    assert not corpus.ssn_ok("123" + "-45-0000")
    gh = _secrets(docs, "github-token")[0]
    prefix = corpus.VENDOR_PREFIXES["github-token"]
    swapped = "A" if gh[-1] != "A" else "B"
    assert not corpus.crc_token_ok(gh[:-1] + swapped, prefix)
    phrase = _secrets(docs, "recovery-phrase")[0].split()
    phrase[0] = corpus.BIP39_HEAD[(corpus.BIP39_HEAD.index(phrase[0]) + 1) % 128]
    assert not corpus.bip39_ok(" ".join(phrase))


def test_crc_tokens(docs: list[corpus.Document]) -> None:
    for cls in ("github-token", "github-oauth-token", "npm-token"):
        toks = _secrets(docs, cls)
        assert toks
        assert all(corpus.crc_token_ok(t, corpus.VENDOR_PREFIXES[cls]) for t in toks)


def _b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_jwts_decode(docs: list[corpus.Document]) -> None:
    jwts = _secrets(docs, "jwt")
    assert jwts
    for t in jwts:
        head, body, sig = t.split(".")
        assert json.loads(_b64url_decode(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url_decode(body)), dict)
        assert len(_b64url_decode(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[corpus.Document]) -> None:
    pems = [p for p in _secrets(docs, "private-key") + _secrets(docs, "openssh-key") if "PRIVATE KEY" in p]
    assert pems
    seen_ssh = seen_pem = False
    for p in pems:
        lines = [ln.strip() for ln in p.split("\n")]
        assert lines[0].startswith("-----BEGIN ") and lines[-1].startswith("-----END ")
        body = lines[1:-1]
        raw = binascii.a2b_base64("".join(body))
        if "OPENSSH" in lines[0]:
            seen_ssh = True
            assert all(len(ln) == 70 for ln in body[:-1]) and len(body[-1]) <= 70
            assert raw.startswith(b"openssh-key-v1\x00")
        else:
            seen_pem = True
            assert all(len(ln) == 64 for ln in body[:-1]) and len(body[-1]) <= 64
            assert raw[0] == 0x30
    assert seen_ssh and seen_pem


def test_recovery_phrases(docs: list[corpus.Document]) -> None:
    assert len(corpus.BIP39_HEAD) == 128 and len(set(corpus.BIP39_HEAD)) == 128
    phrases = _secrets(docs, "recovery-phrase")
    assert phrases and all(corpus.bip39_ok(p) for p in phrases)


def test_vendor_tokens_keep_their_prefixes(docs: list[corpus.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            if s.cls in corpus.VENDOR_CLASSES:
                assert s.text.startswith(corpus.VENDOR_PREFIXES[s.cls]), (d.name, s.cls)


def test_wireguard_keys_are_32_bytes(docs: list[corpus.Document]) -> None:
    for k in _secrets(docs, "wireguard-key"):
        assert len(base64.b64decode(k)) == 32


_VENDOR_RUN = re.compile(
    r"(ghp_|gho_|npm_|glpat-|xoxb-|sk_live_|AKIA|AIza|SG\.|tskey-|dop_v1_|bkua_|hvs\.|shpat_|pypi-)[A-Za-z0-9_\-]{8,}"
)
_LONG_RUN = re.compile(r"[A-Za-z0-9]{32,}")
_PEM_BODY = re.compile(r"^[A-Za-z0-9+/=]{40,}$", re.M)
_DIGITS = re.compile(r"(?<!\d)\d{13,19}(?!\d)")
_SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}")


def test_sources_hold_no_secret_shaped_literal() -> None:
    for path in SOURCES:
        text = path.read_text()
        assert not _VENDOR_RUN.search(text), path
        for m in _LONG_RUN.finditer(text):
            run = m.group()
            mixed = any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
            assert not mixed or run == PINNED_DIGEST, (path, run)
        assert not _PEM_BODY.search(text), path
        assert not _DIGITS.search(text), path
        assert not _SSN.search(text), path
        assert not _IBAN.search(text), path
        for m in _EMAIL.finditer(text):
            domain = m.group().split("@", 1)[1]
            assert domain in ("example.com", "github.com"), (path, m.group())


def _replace_secrets(docs: list[corpus.Document], how: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for d in docs:
        out = d.text
        for s in sorted({s.text for s in d.secrets}, key=len, reverse=True):
            kept = "" if how == "all" else s[: len(s) // 2]
            out = out.replace(s, kept + "[REDACTED]")
        table[d.text] = out
    return table


def test_measure_identity(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert m["recall"] == 0.0 and m["keep_rate"] == 1.0
    assert set(m) == {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    assert all(isinstance(v, float) for v in m.values())
    assert m["secrets"] == sum(len(d.secrets) for d in docs)
    assert m["spans"] == sum(len(d.keeps) for d in docs)


def test_measure_perfect_stand_in(docs: list[corpus.Document]) -> None:
    table = _replace_secrets(docs, "all")
    m = corpus.measure_documents(docs, lambda t: table.get(t, t))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0


def test_measure_half_secrets(docs: list[corpus.Document]) -> None:
    table = _replace_secrets(docs, "half")
    m = corpus.measure_documents(docs, lambda t: table.get(t, t))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_measure_greedy_scrub_of_keeps(docs: list[corpus.Document]) -> None:
    keeps = sorted({k.text for d in docs for k in d.keeps}, key=len, reverse=True)

    def greedy(text: str) -> str:
        for k in keeps:
            text = text.replace(k, "[REDACTED]")
        return text

    m = corpus.measure_documents(docs, greedy)
    assert m["keep_rate"] < 0.5


def test_measure_of_nothing_is_one() -> None:
    m = corpus.measure_documents([], lambda t: t)
    assert m == {
        "secrets": 0.0,
        "recall": 1.0,
        "recall_no_fragment": 1.0,
        "vendor_prefix_recall": 1.0,
        "keep_rate": 1.0,
        "spans": 0.0,
    }


def test_client_actors_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(SOURCES[0].read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.startswith("client_actors") for n in names):
                owner = [
                    f
                    for f in ast.walk(tree)
                    if isinstance(f, ast.FunctionDef) and any(c is node for c in ast.walk(f))
                ]
                assert [f.name for f in owner] == ["measure_held_back"]
    held = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == "measure_held_back"]
    assert len(held) == 1
    assert any(isinstance(n, ast.ImportFrom) and n.module == "client_actors.scrub" for n in ast.walk(held[0]))
