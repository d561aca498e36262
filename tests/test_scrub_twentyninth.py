"""Tests of the twenty-ninth held-back scrub corpus: its build, its labels and its measure (stand-ins only)."""

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

from tests.scrubcorpus import twentyninth as corpus

PINNED_DIGEST = "150d36d8a325e1333dc8d8b9f330041211b57408334ec56345ccc0a525b3b022"

_DASH = "-" * 5
_HERE = Path(__file__).resolve().parent
_SOURCES = (_HERE / "scrubcorpus" / "twentyninth.py", Path(__file__).resolve())


@pytest.fixture(scope="module")
def docs() -> list[corpus.Document]:
    return corpus.build_corpus()


def _secrets(docs: list[corpus.Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


def _unescape(doc: corpus.Document, text: str) -> str:
    """A label's value as written (JSON deliveries hold it escaped)."""
    return str(json.loads(f'"{text}"')) if doc.delivery == "json" else text


# ------------------------------------------------------------------------------------------------ build


def test_digest_is_pinned_and_stable(docs: list[corpus.Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[corpus.Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)


def test_counts_are_in_range(docs: list[corpus.Document]) -> None:
    n_secrets = sum(len(d.secrets) for d in docs)
    n_keeps = sum(len(d.keeps) for d in docs)
    assert 300 <= len(docs) <= 340
    assert 450 <= n_secrets <= 560
    assert 420 <= n_keeps <= 560
    assert len({d.name for d in docs}) == len(docs)


def test_settings_and_deliveries_are_all_represented(docs: list[corpus.Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    for d in docs:
        setting, kind, number = d.name.split("/")
        assert setting == d.setting and kind and number.isdigit()


def test_classes(docs: list[corpus.Document]) -> None:
    per_class = collections.Counter(s.cls for d in docs for s in d.secrets)
    assert set(per_class) == set(corpus.CLASSES)
    assert 40 <= len(corpus.CLASSES) <= 50
    assert min(per_class.values()) >= 3
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert sum(n for c, n in per_class.items() if c in corpus.VENDOR_CLASSES) >= 60


# ------------------------------------------------------------------------------------------------ labels


def test_offsets_point_at_the_labels(docs: list[corpus.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_every_occurrence_is_labelled_and_no_keep_overlaps(docs: list[corpus.Document]) -> None:
    for d in docs:
        spans = {(s.offset, s.offset + len(s.text)) for s in d.secrets}
        for s in d.secrets:
            starts = [m.start() for m in re.finditer(re.escape(s.text), d.text)]
            assert all((i, i + len(s.text)) in spans for i in starts), d.name
        for k in d.keeps:
            for m in re.finditer(re.escape(k.text), d.text):
                assert not any(m.start() < e and b < m.end() for b, e in spans), d.name
            for s in d.secrets:
                assert k.text not in s.text and s.text not in k.text, d.name
        ordered = sorted(spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ordered)), d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[corpus.Document]) -> None:
    seen = 0
    for d in docs:
        if any("\n" in s.text for s in d.secrets):
            seen += 1
            assert d.delivery in ("plain", "fence"), d.name
    assert seen >= 5


def test_deliveries_have_their_shape(docs: list[corpus.Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            assert len(lines) == 1
            obj = json.loads(d.text)
            assert any(isinstance(v, str) and "\n" in v for v in obj.values()), d.name
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            body = lines[lines.index(next(ln for ln in lines if ln.startswith("@@"))) + 1 :]
            assert all(ln.startswith("+") for ln in body), d.name
        elif d.delivery == "numbered":
            assert all(re.match(r" {0,5}\d+\t", ln) for ln in lines), d.name
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z ", ln) for ln in lines), d.name
        elif d.delivery == "fence":
            assert "\n```" in d.text and lines[-1] == "```", d.name


def test_json_labels_are_escaped_values(docs: list[corpus.Document]) -> None:
    escaped = [s for d in docs if d.delivery == "json" for s in d.secrets if "\\" in s.text]
    for d in docs:
        if d.delivery == "json":
            content = next(v for v in json.loads(d.text).values() if isinstance(v, str) and "\n" in v)
            for s in d.secrets:
                assert _unescape(d, s.text) in content, d.name
    assert all(s.cls == "private-key" for s in escaped)


# ------------------------------------------------------------------------------------------------ formats


def test_cards_ibans_ssns(docs: list[corpus.Document]) -> None:
    cards, ibans, ssns = (_secrets(docs, c) for c in ("card-number", "iban", "ssn"))
    assert cards and ibans and ssns
    assert all(corpus.luhn_ok(c) for c in cards)
    assert all(corpus.iban_ok(i) for i in ibans)
    assert all(corpus.ssn_ok(s) for s in ssns)
    for c in cards:
        wrong = c[:-1] + str((int(c[-1]) + 1) % 10)
        assert not corpus.luhn_ok(wrong)
    for i in ibans:
        compact = i.replace(" ", "")
        wrong = compact[:-1] + str((int(compact[-1]) + 1) % 10)
        assert not corpus.iban_ok(wrong)
    for parts in (("000", "12", "3456"), ("666", "12", "3456"), ("912", "12", "3456"), ("123", "00", "4567")):
        assert not corpus.ssn_ok("-".join(parts))
    assert not corpus.ssn_ok("-".join(("123", "45", "0000")))


def test_iban_lookalike_keeps_fail_the_check(docs: list[corpus.Document]) -> None:
    shaped = [k.text for d in docs for k in d.keeps if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", k.text)]
    assert shaped
    assert not any(corpus.iban_ok(k) for k in shaped)


def test_crc_tokens(docs: list[corpus.Document]) -> None:
    gh, npm = _secrets(docs, "github-token"), _secrets(docs, "npm-token")
    assert gh and npm
    for t in gh:
        assert corpus.crc_token_ok(t, t[:4])
        assert not corpus.crc_token_ok(t[:10] + ("A" if t[10] != "A" else "B") + t[11:], t[:4])
    for t in npm:
        assert corpus.crc_token_ok(t, corpus.VENDOR_PREFIXES["npm-token"][0])
        assert not corpus.crc_token_ok(t[:-1] + ("0" if t[-1] != "0" else "1"), t[:4])


def test_jwts_decode(docs: list[corpus.Document]) -> None:
    jwts = _secrets(docs, "jwt")
    assert jwts

    def dec(part: str) -> bytes:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))

    for t in jwts:
        header, payload, sig = t.split(".")
        assert json.loads(dec(header)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(dec(payload)), dict)
        assert len(dec(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[corpus.Document]) -> None:
    pems = [_unescape(d, s.text) for d in docs for s in d.secrets if s.cls == "private-key"]
    sshs = _secrets(docs, "ssh-private-key")
    assert pems and sshs
    for p in pems:
        lines = p.replace("\\n", "\n").split("\n")
        assert lines[0].startswith(_DASH + "BEGIN ") and lines[-1].startswith(_DASH + "END ")
        body = lines[1:-1]
        assert all(len(ln) == 64 for ln in body[:-1]) and 0 < len(body[-1]) <= 64
        assert base64.b64decode("".join(body))[0] == 0x30
    for k in sshs:
        lines = k.split("\n")
        assert lines[0] == _DASH + "BEGIN OPENSSH PRIVATE KEY" + _DASH
        assert lines[-1] == _DASH + "END OPENSSH PRIVATE KEY" + _DASH
        body = lines[1:-1]
        assert all(len(ln) == 70 for ln in body[:-1]) and 0 < len(body[-1]) <= 70
        assert base64.b64decode("".join(body)).startswith(b"openssh-key-v1\x00")
    corrupted = base64.b64encode(b"\x31" + base64.b64decode("".join(pems[0].split("\n")[1:-1]))[1:])
    assert base64.b64decode(corrupted)[0] != 0x30


def test_recovery_phrases(docs: list[corpus.Document]) -> None:
    phrases = _secrets(docs, "recovery-phrase")
    assert phrases and len(corpus.BIP39_HEAD) == 128
    assert corpus.BIP39_HEAD[0] == "abandon"
    for p in phrases:
        assert corpus.bip39_ok(p)
        words = p.split()
        flipped = corpus.BIP39_HEAD[corpus.BIP39_HEAD.index(words[-1]) ^ 1]
        assert not corpus.bip39_ok(" ".join([*words[:-1], flipped]))
        assert not corpus.bip39_ok(" ".join(words[:-1]))


def test_vendor_tokens_keep_their_prefixes(docs: list[corpus.Document]) -> None:
    assert set(corpus.VENDOR_PREFIXES) == set(corpus.VENDOR_CLASSES)
    for d in docs:
        for s in d.secrets:
            if s.cls in corpus.VENDOR_CLASSES:
                assert s.text.startswith(corpus.VENDOR_PREFIXES[s.cls]), (d.name, s.cls)


# ------------------------------------------------------------------------------------------------ sources


def _scan(text: str) -> list[str]:
    found: list[str] = []
    for prefixes in corpus.VENDOR_PREFIXES.values():
        for p in prefixes:
            found += re.findall(re.escape(p) + r"[A-Za-z0-9_\-.]{16,}", text)
    for run in re.findall(r"[A-Za-z0-9]{32,}", text):
        if re.search(r"\d", run) and re.search(r"[A-Za-z]", run):
            found.append(run)
    found += re.findall(r"-----BEGIN [A-Z ]*PRIVATE KEY-----", text)
    found += re.findall(r"^[ \"']*[A-Za-z0-9+/]{60,}={0,2}[\"',]*$", text, flags=re.M)
    found += re.findall(r"(?<!\d)\d{13,19}(?!\d)", text)
    found += re.findall(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text)
    found += re.findall(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", text)
    for m in re.finditer(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})", text):
        if m.group(1) not in ("example.com", "github.com"):
            found.append(m.group(0))
    return found


def test_sources_hold_no_secret_shaped_literal() -> None:
    for path in _SOURCES:
        # the pinned digest is the one long hex run allowed; it is no secret
        assert _scan(path.read_text(encoding="utf-8").replace(PINNED_DIGEST, "")) == [], path.name


def test_the_scan_finds_what_it_looks_for(docs: list[corpus.Document]) -> None:
    for cls in ("github-token", "aws-access-key", "card-number", "ssn", "iban", "email", "private-key"):
        sample = _secrets(docs, cls)[0].replace("\\n", "\n")
        assert _scan(f'value = "{sample}"\n'), cls


def test_client_actors_imported_only_in_measure_held_back() -> None:
    tree = ast.parse(_SOURCES[0].read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "measure_held_back":
            inside |= {id(n) for n in ast.walk(node)}
    hits = 0
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        if any(n.split(".")[0] == "client_actors" for n in names):
            assert id(node) in inside
            hits += 1
    assert hits == 1


# ------------------------------------------------------------------------------------------------ measure


def _replacer(texts: list[str], cut: bool = False) -> Callable[[str], str]:
    ordered = sorted(set(texts), key=len, reverse=True)

    def scrub(text: str) -> str:
        for t in ordered:
            text = text.replace(t, "[GONE]" + (t[len(t) // 2 :] if cut else ""))
        return text

    return scrub


def test_identity_scrub_removes_nothing(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert set(m) == {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    assert all(isinstance(v, float) for v in m.values())
    assert m["recall"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == sum(len(d.secrets) for d in docs)
    assert m["spans"] == sum(len(d.keeps) for d in docs)


def test_a_perfect_stand_in_scores_one(docs: list[corpus.Document]) -> None:
    scrub = _replacer([s.text for d in docs for s in d.secrets])
    m = corpus.measure_documents(docs, scrub)
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0


def test_half_removed_secrets_leave_fragments(docs: list[corpus.Document]) -> None:
    scrub = _replacer([s.text for d in docs for s in d.secrets], cut=True)
    m = corpus.measure_documents(docs, scrub)
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_a_greedy_stand_in_loses_keeps(docs: list[corpus.Document]) -> None:
    scrub = _replacer([k.text for d in docs for k in d.keeps])
    assert corpus.measure_documents(docs, scrub)["keep_rate"] < 0.5


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
