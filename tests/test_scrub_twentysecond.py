"""The twenty-second held-back scrub corpus: its build, its labels and its measure, with stand-in scrubbers only."""

from __future__ import annotations

import ast
import base64
import json
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from tests.scrubcorpus import twentysecond as corpus
from tests.scrubcorpus.twentysecond import Document, Secret

PINNED_DIGEST = "a484cb895cdcafed64a099183fcb2383f94c0acdcf275d07d7f699c95a3327d1"


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.build_corpus()


def _raw(doc: Document, text: str) -> str:
    """A label's value as written before delivery (a JSON transcript line escapes it once)."""
    if doc.delivery == "json":
        value = json.loads('"' + text + '"')
        assert isinstance(value, str)
        return value
    return text


def _secrets(docs: list[Document], cls: str) -> list[tuple[Document, Secret]]:
    return [(d, s) for d in docs for s in d.secrets if s.cls == cls]


def _b64url_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


# ---------------------------------------------------------------------------------------------------------------
# Build


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    again = corpus.build_corpus()
    assert corpus.corpus_digest(docs) == corpus.corpus_digest(again)
    assert corpus.corpus_digest(docs) == PINNED_DIGEST


def test_a_different_seed_gives_a_different_corpus(docs: list[Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)


def test_offsets_point_at_the_labelled_text(docs: list[Document]) -> None:
    for doc in docs:
        for s in doc.secrets:
            assert s.text and doc.text[s.offset : s.offset + len(s.text)] == s.text, doc.name
        for k in doc.keeps:
            assert k.text and doc.text[k.offset : k.offset + len(k.text)] == k.text, doc.name


def test_counts_are_in_range(docs: list[Document]) -> None:
    n_secrets = sum(len(d.secrets) for d in docs)
    n_keeps = sum(len(d.keeps) for d in docs)
    classes = Counter(s.cls for d in docs for s in d.secrets)
    assert 300 <= len(docs) <= 340
    assert 450 <= n_secrets <= 560
    assert 420 <= n_keeps <= 560
    assert 40 <= len(classes) <= 50
    assert set(classes) == corpus.CLASSES
    assert min(classes.values()) >= 3, sorted(classes.items(), key=lambda kv: kv[1])[:5]
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert sum(classes[c] for c in corpus.VENDOR_CLASSES) >= 60


def test_every_setting_and_delivery_is_represented(docs: list[Document]) -> None:
    assert {d.setting for d in docs} == set(corpus.SETTINGS)
    assert len(corpus.SETTINGS) == 12
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    per_setting = Counter(d.setting for d in docs)
    assert min(per_setting.values()) >= 20
    assert len({d.name for d in docs}) == len(docs)


def test_no_keep_overlaps_a_secret_and_every_occurrence_is_labelled(docs: list[Document]) -> None:
    for doc in docs:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in doc.secrets)
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, doc.name
        for k in doc.keeps:
            for s in doc.secrets:
                assert k.offset + len(k.text) <= s.offset or s.offset + len(s.text) <= k.offset, doc.name
                assert k.text not in s.text and s.text not in k.text, doc.name
        for s in doc.secrets:
            assert doc.text.count(s.text) == sum(1 for o in doc.secrets if o.text == s.text), doc.name


def test_multiline_values_are_delivered_whole(docs: list[Document]) -> None:
    for doc in docs:
        if any("\n" in s.text for s in doc.secrets):
            assert doc.delivery in ("plain", "fence"), doc.name


def test_json_deliveries_parse(docs: list[Document]) -> None:
    for doc in docs:
        if doc.delivery == "json":
            line = json.loads(doc.text)
            assert isinstance(line, dict)


# ---------------------------------------------------------------------------------------------------------------
# Fakes valid for their formats


def test_cards_pass_luhn(docs: list[Document]) -> None:
    found = _secrets(docs, "card-number")
    assert found
    for doc, s in found:
        digits = re.sub(r"\D", "", s.text)
        assert 13 <= len(digits) <= 19 and corpus.luhn_ok(digits), doc.name
        assert len(set(digits)) >= 5


def test_ibans_pass_mod_97(docs: list[Document]) -> None:
    found = _secrets(docs, "iban")
    assert found
    for doc, s in found:
        assert corpus.iban_ok(s.text), doc.name
    bad = [k.text for d in docs for k in d.keeps if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{12,30}", k.text)]
    assert bad and not any(corpus.iban_ok(b) for b in bad)


def test_github_and_npm_tokens_carry_their_crc(docs: list[Document]) -> None:
    for doc, s in _secrets(docs, "github-token"):
        assert corpus.crc_token_ok(s.text, s.text[:4]), doc.name
    for doc, s in _secrets(docs, "npm-token"):
        assert corpus.crc_token_ok(s.text, "npm_"), doc.name


def test_ssns_are_in_issued_ranges(docs: list[Document]) -> None:
    found = _secrets(docs, "ssn")
    assert found
    for doc, s in found:
        assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", s.text) and corpus.ssn_ok(s.text), doc.name


def test_jwts_decode(docs: list[Document]) -> None:
    found = _secrets(docs, "jwt")
    assert found
    for doc, s in found:
        header, payload, signature = s.text.split(".")
        head = _b64url_json(header)
        assert isinstance(head, dict) and head["typ"] == "JWT" and head["alg"] == "HS256", doc.name
        assert isinstance(_b64url_json(payload), dict)
        assert len(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))) == 32


def test_private_keys_have_pem_layouts(docs: list[Document]) -> None:
    found = _secrets(docs, "private-key") + _secrets(docs, "openssh-private-key")
    assert found
    for doc, s in found:
        lines = [ln.strip() for ln in _raw(doc, s.text).split("\n")]
        assert re.fullmatch(r"-----BEGIN [A-Z ]*PRIVATE KEY-----", lines[0]), doc.name
        assert lines[-1] == lines[0].replace("BEGIN", "END")
        body = lines[1:-1]
        width = 70 if "OPENSSH" in lines[0] else 64
        assert all(len(ln) == width for ln in body[:-1]) and 0 < len(body[-1]) <= width
        der = base64.b64decode("".join(body), validate=True)
        if "OPENSSH" in lines[0]:
            assert der.startswith(b"openssh-key-v1\x00")
        else:
            assert der[0] == 0x30


def test_recovery_phrases_pass_bip39(docs: list[Document]) -> None:
    found = _secrets(docs, "recovery-phrase")
    assert found
    assert len(corpus.BIP39_HEAD) == 128 and corpus.BIP39_HEAD[0] == "abandon"
    for doc, s in found:
        assert corpus.bip39_ok(s.text), doc.name


def test_vendor_tokens_keep_their_published_prefixes(docs: list[Document]) -> None:
    prefixes = {
        "github-token": ("ghp_", "gho_"),
        "npm-token": ("npm_",),
        "aws-access-key": ("AKIA", "ASIA"),
        "slack-token": ("xoxb-", "xapp-"),
        "stripe-key": ("sk_live_", "rk_live_"),
        "openai-api-key": ("sk-proj-",),
        "anthropic-api-key": ("sk-ant-api03-",),
        "gitlab-token": ("glpat-", "glrt-"),
        "google-api-key": ("AIza",),
        "huggingface-token": ("hf_",),
        "sendgrid-api-key": ("SG.",),
        "dockerhub-token": ("dckr_pat_",),
        "digitalocean-token": ("dop_v1_",),
        "vault-token": ("hvs.",),
        "pypi-token": ("pypi-AgEIcHlwaS5vcmc",),
        "grafana-token": ("glsa_", "glc_"),
    }
    assert set(prefixes) == corpus.VENDOR_CLASSES
    for cls, heads in prefixes.items():
        for doc, s in _secrets(docs, cls):
            assert s.text.startswith(heads), (doc.name, cls)


def test_checks_reject_corrupted_values() -> None:
    assert not corpus.luhn_ok("4000 1234 5678 9011")
    assert not corpus.iban_ok("DE00" + "1" * 18)
    assert not corpus.ssn_ok("-".join(("666", "12", "3456")))
    assert not corpus.ssn_ok("-".join(("000", "12", "3456")))
    assert not corpus.bip39_ok(" ".join(["abandon"] * 12))
    assert not corpus.crc_token_ok("ghp_" + "A" * 36, "ghp_")


# ---------------------------------------------------------------------------------------------------------------
# The source holds no secret-shaped literal

_SOURCES = (
    Path(corpus.__file__),
    Path(__file__),
)
_PREFIXED = re.compile(
    r"(?:ghp_|gho_|ghu_|ghs_|github_pat_|npm_|xox[abpr]-|xapp-|sk_live_|rk_live_|sk-proj-|sk-ant-|AKIA|ASIA|glpat-"
    r"|glrt-|glsa_|glc_|AIza|hf_|SG\.|dckr_pat_|dop_v1_|hvs\.|pypi-|gto_|eyJ)[A-Za-z0-9_\-]{20,}"
)
_LONG_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{32,}(?![A-Za-z0-9])")
_PEM_BODY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\n)[A-Za-z0-9+/]{16,}")
_DIGITS = re.compile(r"(?<![\d.])\d{13,19}(?![\d.])")
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-\[\]]+@((?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,})\b")
_ALLOWED_DOMAINS = {"example.com", "github.com", "users.noreply.github.com"}


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: p.name)
def test_source_has_no_secret_shaped_literal(path: Path) -> None:
    text = path.read_text()
    assert not [m for m in _PREFIXED.findall(text) if re.search(r"[A-Z0-9]", m.split("_", 1)[-1][-20:])]
    runs = [r for r in _LONG_RUN.findall(text) if re.search(r"\d", r) and re.search(r"[A-Za-z]", r)]
    runs = [r for r in runs if r != PINNED_DIGEST]  # the corpus's own digest, a public checksum
    assert not runs
    assert not _PEM_BODY.findall(text)
    assert not _DIGITS.findall(text)
    assert not _SSN.findall(text)
    assert not _IBAN.findall(text)
    assert {m.group(1) for m in _EMAIL.finditer(text)} <= _ALLOWED_DOMAINS


# ---------------------------------------------------------------------------------------------------------------
# The measure, with stand-ins


def _standin(docs: list[Document], redact: Callable[[str], str]) -> Callable[[str], str]:
    """A scrubber that knows the labels: each labelled secret becomes redact(secret); other text is left alone."""
    by_text = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = by_text.get(text)
        if doc is None:
            return text
        out = text
        for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
            out = out[: s.offset] + redact(s.text) + out[s.offset + len(s.text) :]
        return out

    return scrub


def test_measure_keys() -> None:
    keys = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    assert set(corpus.measure_documents([], lambda t: t)) == keys


def test_shares_of_nothing_are_one() -> None:
    result = corpus.measure_documents([], lambda t: t)
    assert result["secrets"] == 0 and result["spans"] == 0
    assert result["recall"] == result["recall_no_fragment"] == result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_identity_removes_nothing_and_keeps_everything(docs: list[Document]) -> None:
    result = corpus.measure_documents(docs, lambda t: t)
    assert result["recall"] == 0.0 and result["recall_no_fragment"] == 0.0
    assert result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0
    assert result["secrets"] == sum(len(d.secrets) for d in docs)
    assert result["spans"] == sum(len(d.keeps) for d in docs)


def test_replacing_every_secret_gives_full_recall(docs: list[Document]) -> None:
    result = corpus.measure_documents(docs, _standin(docs, lambda s: "[REDACTED:secret]"))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_a_fragment_left_behind_counts_against_recall_no_fragment(docs: list[Document]) -> None:
    def leave_half(s: str) -> str:
        return s[: len(s) // 2] + "[REDACTED]" if len(s) >= 16 else "[REDACTED]"

    result = corpus.measure_documents(docs, _standin(docs, leave_half))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] < 0.9
    assert result["keep_rate"] == 1.0


def test_dropping_keeps_lowers_keep_rate(docs: list[Document]) -> None:
    keeps = {k.text for d in docs for k in d.keeps}

    def greedy(text: str) -> str:
        for k in sorted(keeps, key=len, reverse=True):
            text = text.replace(k, "[REDACTED]")
        return text

    result = corpus.measure_documents(docs[:40], greedy)
    assert result["keep_rate"] < 0.5


def test_the_held_back_measure_imports_the_scrubber_only_when_called() -> None:
    tree = ast.parse(Path(corpus.__file__).read_text())
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in top for a in n.names] + [
        n.module or "" for n in top if isinstance(n, ast.ImportFrom)
    ]
    assert not any(name.startswith("client_actors") for name in names)
    held = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    assert any(isinstance(n, ast.ImportFrom) and n.module == "client_actors.scrub" for n in ast.walk(held))
