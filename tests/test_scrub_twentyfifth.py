"""The twenty-fifth held-back scrub corpus: its build, its labels and its measure, with stand-in scrubbers only."""

from __future__ import annotations

import ast
import base64
import collections
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentyfifth as corpus
from tests.scrubcorpus.twentyfifth import Document

PINNED_DIGEST = "6a2420c2bf72a3ea0271184ee6b2c0fe63dad476d6db0029e46999b3ccdce17d"

_HERE = Path(__file__).resolve().parent
_SOURCES = (_HERE / "scrubcorpus" / "twentyfifth.py", Path(__file__).resolve())


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus.build_corpus()


def _b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _pem_lines(text: str) -> list[str]:
    """A PEM body's lines, as it stands raw or escaped inside JSON."""
    return text.replace("\\n", "\n").split("\n")


def _by_class(docs: list[Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


# ---------------------------------------------------------------------------------------------- the build


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)


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
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == corpus.CLASSES
    assert 40 <= len(corpus.CLASSES) <= 50
    assert min(per_class.values()) >= 3
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert sum(per_class[c] for c in corpus.VENDOR_CLASSES) >= 60


def test_settings_deliveries_and_names(docs: list[Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        setting, kind, number = d.name.split("/")
        assert setting == d.setting and kind and re.fullmatch(r"\d\d", number)


# ---------------------------------------------------------------------------------------------- the labels


def _count(text: str, value: str) -> int:
    n, i = 0, text.find(value)
    while i >= 0:
        n += 1
        i = text.find(value, i + len(value))
    return n


def test_every_occurrence_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        labelled = collections.Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert _count(d.text, text) == n, d.name


def test_no_keep_overlaps_or_contains_a_secret(docs: list[Document]) -> None:
    for d in docs:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, d.name
        for k in d.keeps:
            for s in d.secrets:
                assert k.text not in s.text and s.text not in k.text, d.name
                assert k.offset + len(k.text) <= s.offset or s.offset + len(s.text) <= k.offset, d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[Document]) -> None:
    for d in docs:
        if any("\n" in s.text or s.cls in ("private-key", "openssh-key") for s in d.secrets):
            assert d.delivery in ("plain", "fence"), d.name


def test_json_deliveries_parse(docs: list[Document]) -> None:
    seen = 0
    for d in docs:
        if d.delivery == "json":
            obj = json.loads(d.text)
            assert isinstance(obj, dict) and "\n" not in d.text
            assert any(isinstance(v, str) and len(v) > 20 for v in obj.values())
            seen += 1
    assert seen


def test_prefix_deliveries_keep_their_shapes(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.split("\n")
        if d.delivery == "numbered":
            assert all(re.match(r" *\d+\t", line) for line in lines), d.name
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines), d.name
        elif d.delivery == "diff":
            assert lines[3].startswith("+++ b/") and all(line.startswith("+") for line in lines[5:]), d.name
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.rstrip().endswith("```"), d.name


# ---------------------------------------------------------------------------------------------- format checks


def test_cards_pass_luhn_and_corruption_fails(docs: list[Document]) -> None:
    cards = _by_class(docs, "card-number")
    assert cards
    for c in cards:
        assert corpus.luhn_ok(c)
        digits = c.replace(" ", "")
        bad = digits[:-1] + str((int(digits[-1]) + 1) % 10)
        assert not corpus.luhn_ok(bad)
    assert corpus.luhn_ok("4242" * 4)


def test_ibans_pass_mod97_and_corruption_fails(docs: list[Document]) -> None:
    ibans = _by_class(docs, "iban")
    assert ibans
    for i in ibans:
        assert corpus.iban_ok(i)
        bad = i[:-1] + str((int(i[-1]) + 1) % 10)
        assert not corpus.iban_ok(bad)
        assert not corpus.iban_ok("XX" + i[2:])


def test_ssns_are_in_issued_ranges(docs: list[Document]) -> None:
    ssns = _by_class(docs, "ssn")
    assert ssns
    for s in ssns:
        assert corpus.ssn_ok(s)
    for parts in (
        ("000", "12", "3456"),
        ("666", "12", "3456"),
        ("912", "12", "3456"),
        ("123", "00", "4567"),
        ("123", "45", "0000"),
        ("12", "345", "6789"),
    ):
        assert not corpus.ssn_ok("-".join(parts))


def test_crc_tokens_hold_and_corruption_fails(docs: list[Document]) -> None:
    tokens = [
        (t, cls)
        for d in docs
        for s in d.secrets
        if s.cls in ("github-token", "npm-token")
        for t, cls in [(s.text, s.cls)]
    ]
    assert tokens
    for t, cls in tokens:
        prefix = next(p for p in corpus.VENDOR_PREFIXES[cls] if t.startswith(p))
        assert corpus.crc_token_ok(t, prefix)
        body = t[len(prefix) :]
        flipped = body[0].swapcase() if body[0].isalpha() else str((int(body[0]) + 1) % 10)
        assert not corpus.crc_token_ok(prefix + flipped + body[1:], prefix)
        assert not corpus.crc_token_ok(t[:-1], prefix)


def test_jwts_decode(docs: list[Document]) -> None:
    jwts = _by_class(docs, "jwt")
    assert jwts
    for j in jwts:
        head, body, sig = j.split(".")
        assert json.loads(_b64url_decode(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url_decode(body)), dict)
        assert len(_b64url_decode(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[Document]) -> None:
    pems = _by_class(docs, "private-key")
    keys = _by_class(docs, "openssh-key")
    assert pems and keys
    for p in pems:
        lines = _pem_lines(p)
        assert all(len(line) == 64 for line in lines[:-1]) and 0 < len(lines[-1]) <= 64
        assert base64.b64decode("".join(lines))[0] == 0x30
    for k in keys:
        lines = k.split("\n")
        assert all(len(line) == 70 for line in lines[:-1]) and 0 < len(lines[-1]) <= 70
        assert base64.b64decode("".join(lines)).startswith(b"openssh-key-v1\x00")


def test_recovery_phrases_carry_their_checksum(docs: list[Document]) -> None:
    phrases = _by_class(docs, "seed-phrase")
    assert phrases and len(corpus.BIP39_HEAD) == 128
    assert corpus.BIP39_HEAD[0] == "abandon" and corpus.BIP39_HEAD[-1] == "avocado"
    for p in phrases:
        assert corpus.bip39_ok(p)
        words = p.split()
        last = corpus.BIP39_HEAD.index(words[-1])
        bad = " ".join([*words[:-1], corpus.BIP39_HEAD[last ^ 1]])
        assert not corpus.bip39_ok(bad)


def test_vendor_tokens_keep_their_published_prefixes(docs: list[Document]) -> None:
    seen = set()
    for d in docs:
        for s in d.secrets:
            if s.cls in corpus.VENDOR_CLASSES:
                assert s.text.startswith(corpus.VENDOR_PREFIXES[s.cls]), (d.name, s.cls)
                seen.add(s.cls)
    assert seen == corpus.VENDOR_CLASSES


# ---------------------------------------------------------------------------------------------- the sources


def test_sources_hold_no_secret_shaped_literal() -> None:
    prefixes = sorted({p for ps in corpus.VENDOR_PREFIXES.values() for p in ps}, key=len, reverse=True)
    vendor = re.compile("(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, prefixes)) + r")[A-Za-z0-9_\-]{8,}")
    long_run = re.compile(r"[A-Za-z0-9]{32,}")
    pem = re.compile(r"-----BEGIN [A-Z ]+-----\s*(?:\\n)?[A-Za-z0-9+/]{40,}")
    b64_line = re.compile(r"[A-Za-z0-9+/]{60,}")
    digits = re.compile(r"(?<!\d)\d{13,19}(?!\d)")
    ssn = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
    iban = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b")
    mail = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
    for path in _SOURCES:
        text = path.read_text().replace(PINNED_DIGEST, "")  # the pinned digest is the one run allowed
        assert not vendor.findall(text), path
        for run in long_run.findall(text):
            mixed = any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
            assert not mixed, (path, run[:8])
        assert not pem.findall(text) and not b64_line.findall(text), path
        assert not digits.findall(text) and not ssn.findall(text) and not iban.findall(text), path
        for domain in mail.findall(text):
            assert domain in ("example.com", "github.com"), (path, domain)


def test_client_actors_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(_SOURCES[0].read_text())
    inside: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "measure_held_back":
            inside.extend(ast.walk(node))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        if any(n.split(".")[0] == "client_actors" for n in names):
            assert node in inside
    assert any(isinstance(n, ast.ImportFrom) and n.module == "client_actors.scrub" for n in inside)


# ---------------------------------------------------------------------------------------------- the measure


def _replacing(docs: list[Document], how: Callable[[str], str]) -> Callable[[str], str]:
    """A stand-in that rewrites each labelled secret of a known document and leaves other text alone."""
    by_text = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = by_text.get(text)
        if doc is None:
            return text
        out = text
        for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
            out = out[: s.offset] + how(s.text) + out[s.offset + len(s.text) :]
        return out

    return scrub


_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


def test_identity_scrub_removes_nothing(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert set(m) == _KEYS and all(isinstance(v, float) for v in m.values())
    assert m["recall"] == 0.0 and m["recall_no_fragment"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == sum(len(d.secrets) for d in docs)
    assert m["spans"] == sum(len(d.keeps) for d in docs)


def test_perfect_stand_in_scores_one(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, _replacing(docs, lambda s: "[REDACTED:x]"))
    assert m["recall"] == 1.0 and m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0 and m["keep_rate"] == 1.0


def test_half_removed_secrets_leave_fragments(docs: list[Document]) -> None:
    m = corpus.measure_documents(docs, _replacing(docs, lambda s: s[: len(s) // 2] + "[REDACTED]"))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_greedy_scrub_of_keeps_is_caught(docs: list[Document]) -> None:
    by_text = {d.text: d for d in docs}

    def greedy(text: str) -> str:
        doc = by_text.get(text)
        for k in doc.keeps if doc else ():
            text = text.replace(k.text, "[REDACTED]")
        return text

    assert corpus.measure_documents(docs, greedy)["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    m = corpus.measure_documents([], lambda t: t)
    assert m == {
        "secrets": 0.0,
        "recall": 1.0,
        "recall_no_fragment": 1.0,
        "vendor_prefix_recall": 1.0,
        "keep_rate": 1.0,
        "spans": 0.0,
    }
