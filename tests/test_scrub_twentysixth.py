"""Tests of the twentysixth held-back scrub corpus: its build, its labels and its measure (stand-ins only)."""

from __future__ import annotations

import ast
import base64
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentysixth as corpus
from tests.scrubcorpus.twentysixth import Document

PINNED_DIGEST = "48b21dcd9fa8921651c6252b10da628c8270569f9fc28019cc6a5cb6103625ac"

HERE = Path(__file__).parent
SOURCES = (HERE / "scrubcorpus" / "twentysixth.py", Path(__file__))


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.build_corpus()


def _plain(doc: Document, text: str) -> str:
    """A label's text as its value was before delivery (JSON deliveries escape it)."""
    return str(json.loads(f'"{text}"')) if doc.delivery == "json" else text


def _values(docs: list[Document], cls: str) -> list[str]:
    return [_plain(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _filled(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def _per_doc(docs: list[Document], edit: Callable[[Document, str], str]) -> Callable[[str], str]:
    """A stand-in scrubber that knows each document's labels (and its secret-filled twin's)."""
    by_text: dict[str, Document] = {}
    for d in docs:
        by_text[d.text] = d
        by_text.setdefault(_filled(d), d)

    def scrub(text: str) -> str:
        doc = by_text.get(text)
        return text if doc is None else edit(doc, text)

    return scrub


# ---------------------------------------------------------------------------------------------------------
# The build.


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)
    assert len(other) == len(docs)


def test_offsets_point_at_the_labelled_text(docs: list[Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_counts_are_in_range(docs: list[Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    by_class = Counter(s.cls for s in secrets)
    assert set(by_class) == corpus.CLASSES
    assert 40 <= len(corpus.CLASSES) <= 50
    assert min(by_class.values()) >= 3
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert sum(by_class[c] for c in corpus.VENDOR_CLASSES) >= 60


def test_settings_deliveries_and_names(docs: list[Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+/\d\d", d.name), d.name
        assert d.name.startswith(d.setting + "/")


def test_every_occurrence_labelled_and_keeps_apart(docs: list[Document]) -> None:
    for d in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in d.secrets]
        for text in {s.text for s in d.secrets}:
            found = [m.start() for m in re.finditer(re.escape(text), d.text)]
            assert sorted(found) == sorted(s.offset for s in d.secrets if s.text == text), d.name
        for k in d.keeps:
            for m in re.finditer(re.escape(k.text), d.text):
                assert all(m.end() <= a or b <= m.start() for a, b in spans), d.name
            for s in d.secrets:
                assert k.text not in s.text and s.text not in k.text, d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[Document]) -> None:
    multi = [d for d in docs if any("\n" in s.text for s in d.secrets)]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_json_deliveries_parse(docs: list[Document]) -> None:
    lines = [d for d in docs if d.delivery == "json"]
    assert lines
    for d in lines:
        assert "\n" not in d.text
        obj = json.loads(d.text)
        assert isinstance(obj, dict)
        assert any(isinstance(v, str) and len(v) > 20 for v in obj.values())


def test_other_deliveries_have_their_shape(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.split("\n")
        if d.delivery == "numbered":
            assert all(re.match(r" {0,5}\d+\t", line) for line in lines), d.name
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines), d.name
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ") and all(line.startswith("+") for line in lines[6:])
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.rstrip().endswith("```")


# ---------------------------------------------------------------------------------------------------------
# The fakes hold their formats.


def test_cards_ibans_ssns(docs: list[Document]) -> None:
    cards, ibans, ssns = (_values(docs, c) for c in ("card-number", "iban", "ssn"))
    assert cards and ibans and ssns
    assert all(corpus.luhn_ok(v) for v in cards)
    assert all(corpus.iban_ok(v) for v in ibans)
    assert all(corpus.ssn_ok(v) for v in ssns)
    for v in cards:
        digits = v.replace(" ", "")
        bad = digits[:-1] + str((int(digits[-1]) + 1) % 10)
        assert not corpus.luhn_ok(bad)
    for v in ibans:
        compact = v.replace(" ", "")
        bad = compact[:-1] + str((int(compact[-1]) + 1) % 10)
        assert not corpus.iban_ok(bad)
    for v in ssns:
        assert not corpus.ssn_ok("666" + v[3:])
        assert not corpus.ssn_ok("000" + v[3:])
        assert not corpus.ssn_ok("9" + v[1:])
        assert not corpus.ssn_ok(v[:-4] + "0000")


def test_crc_tokens(docs: list[Document]) -> None:
    for cls in ("github-token", "npm-token"):
        values = _values(docs, cls)
        assert values
        for v in values:
            prefix = next(p for p in corpus.VENDOR_PREFIXES[cls] if v.startswith(p))
            assert corpus.crc_token_ok(v, prefix)
            flipped = "A" if v[-8] != "A" else "B"
            assert not corpus.crc_token_ok(v[:-8] + flipped + v[-7:], prefix)


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_jwts_decode(docs: list[Document]) -> None:
    values = _values(docs, "jwt")
    assert values
    for v in values:
        head, payload, sig = v.split(".")
        assert json.loads(_b64url(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url(payload)), dict)
        assert len(_b64url(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[Document]) -> None:
    pems = [v.replace("\\n", "\n") for v in _values(docs, "private-key") if "BEGIN" in v]
    sshs = _values(docs, "openssh-key")
    assert pems and sshs
    for v in pems:
        lines = v.strip().split("\n")
        assert lines[0].startswith("-" * 5 + "BEGIN ") and lines[-1].startswith("-" * 5 + "END ")
        body = lines[1:-1]
        assert all(len(line) == 64 for line in body[:-1]) and 0 < len(body[-1]) <= 64
        assert base64.b64decode("".join(body))[0] == 0x30
    for v in sshs:
        lines = v.split("\n")
        assert "OPENSSH PRIVATE KEY" in lines[0]
        body = lines[1:-1]
        assert all(len(line) == 70 for line in body[:-1]) and 0 < len(body[-1]) <= 70
        assert base64.b64decode("".join(body)).startswith(b"openssh-key-v1\x00")


def test_recovery_phrases(docs: list[Document]) -> None:
    values = _values(docs, "recovery-phrase")
    assert values
    assert len(corpus.BIP39_HEAD) == 128 and corpus.BIP39_HEAD[0] == "abandon"
    for v in values:
        assert corpus.bip39_ok(v)
        words = v.split()
        last = corpus.BIP39_HEAD.index(words[-1]) ^ 1
        assert not corpus.bip39_ok(" ".join([*words[:-1], corpus.BIP39_HEAD[last]]))


def test_vendor_tokens_keep_their_prefixes(docs: list[Document]) -> None:
    for cls in corpus.VENDOR_CLASSES:
        values = _values(docs, cls)
        assert len(values) >= 3, cls
        assert all(v.startswith(corpus.VENDOR_PREFIXES[cls]) for v in values), cls


# ---------------------------------------------------------------------------------------------------------
# The sources hold no secret-shaped literal.


def _scan(text: str) -> list[str]:
    text = text.replace(PINNED_DIGEST, "")
    hits: list[str] = []
    for prefixes in corpus.VENDOR_PREFIXES.values():
        for p in prefixes:
            hits += re.findall(re.escape(p) + r"[A-Za-z0-9_\-]{8,}", text)
    for run in re.findall(r"[A-Za-z0-9]{32,}", text):
        if re.search(r"[A-Za-z]", run) and re.search(r"\d", run):
            hits.append(run)
    hits += re.findall(r"-----BEGIN [A-Z ]+-----\s*[A-Za-z0-9+/=]{16,}", text)
    hits += re.findall(r"(?<!\d)\d{13,19}(?!\d)", text)
    hits += re.findall(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text)
    hits += re.findall(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b", text)
    for m in re.finditer(r"[\w.+-]+@((?:[\w-]+\.)+[A-Za-z]{2,})", text):
        if m.group(1) not in ("example.com", "github.com"):
            hits.append(m.group(0))
    return hits


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    assert _scan(path.read_text()) == []


def test_the_scan_finds_what_it_looks_for(docs: list[Document]) -> None:
    """The scan is no blind eye: the corpus's own values trip it."""
    found = {s.cls for d in docs for s in d.secrets if _scan(_plain(d, s.text))}
    assert {"github-token", "card-number", "ssn", "iban", "email", "openssh-key", "aws-access-key"} <= found


# ---------------------------------------------------------------------------------------------------------
# The measure, with stand-in scrubbers.

KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


def test_identity_scrub(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert set(m) == KEYS
    assert all(isinstance(v, float) for v in m.values())
    assert m["recall"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == sum(len(d.secrets) for d in docs)
    assert m["spans"] == sum(len(d.keeps) for d in docs)


def _replace_secrets(doc: Document, text: str) -> str:
    for value in sorted({s.text for s in doc.secrets}, key=len, reverse=True):
        text = text.replace(value, "[REDACTED]")
    return text


def _halve_secrets(doc: Document, text: str) -> str:
    for value in sorted({s.text for s in doc.secrets}, key=len, reverse=True):
        text = text.replace(value, value[: len(value) // 2])
    return text


def _drop_keeps(doc: Document, text: str) -> str:
    for value in sorted({k.text for k in doc.keeps}, key=len, reverse=True):
        text = text.replace(value, "[X]")
    return text


def test_perfect_stand_in(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, _per_doc(docs, _replace_secrets))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0


def test_half_scrub_leaves_fragments(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, _per_doc(docs, _halve_secrets))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_greedy_scrub_of_keeps(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, _per_doc(docs, _drop_keeps))
    assert m["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    m = corpus.measure_documents([], lambda t: t)
    assert set(m) == KEYS
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
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "measure_held_back":
            inside |= {id(n) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.split(".")[0] == "client_actors" for n in names):
                found.append(id(node) in inside)
    assert found == [True]
