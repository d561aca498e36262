"""Tests of the twenty-third held-back scrub corpus: its build, its labels and its measure.

Only stand-in scrubbers are used here; the real scrubber is measured on this corpus elsewhere.
"""

from __future__ import annotations

import ast
import base64
import functools
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentythird as corpus
from tests.scrubcorpus.twentythird import Document

PINNED_DIGEST = "ee89b7f05ad7d3a70ceaa4b6a8416cb1c3a7f5e4b9d10318d9cdb8312c5cefb9"

HERE = Path(__file__).resolve().parent
SOURCES = (HERE / "scrubcorpus" / "twentythird.py", Path(__file__).resolve())


@functools.cache
def _docs() -> tuple[Document, ...]:
    return tuple(corpus.build_corpus())


def _unescape(text: str) -> str:
    """A value's own text, whether it stands raw, in a JSON string, or in a JSON line of a JSON string."""
    while "\\\\" in text:
        text = text.replace("\\\\", "\\")
    return text.replace("\\n", "\n").replace('\\"', '"')


def _b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


# the build ---------------------------------------------------------------------------------------------


def test_digest_is_pinned_and_stable() -> None:
    assert corpus.corpus_digest(_docs()) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus() -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(_docs())


def test_counts_are_in_range() -> None:
    docs = _docs()
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    assert len({d.name for d in docs}) == len(docs)
    by_class = {c: sum(s.cls == c for s in secrets) for c in corpus.CLASSES}
    assert 40 <= len(corpus.CLASSES) <= 50
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert all(n >= 3 for n in by_class.values()), {c: n for c, n in by_class.items() if n < 3}
    assert sum(s.cls in corpus.VENDOR_CLASSES for s in secrets) >= 60
    assert {s.cls for s in secrets} <= corpus.CLASSES


def test_settings_and_deliveries_are_all_represented() -> None:
    docs = _docs()
    assert len(corpus.SETTINGS) == 12
    for setting in corpus.SETTINGS:
        mine = [d for d in docs if d.setting == setting]
        assert len(mine) >= 20, setting
        assert all(d.name.startswith(setting + "/") for d in mine)
        assert re.fullmatch(r"[a-z-]+/[a-z0-9-]+/\d\d", mine[0].name)
    assert {d.setting for d in docs} == set(corpus.SETTINGS)
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")


# the labels --------------------------------------------------------------------------------------------


def test_offsets_point_at_the_labelled_text() -> None:
    for d in _docs():
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_every_occurrence_is_labelled_and_no_keep_overlaps_a_secret() -> None:
    for d in _docs():
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, d.name
        for s in d.secrets:
            assert d.text.count(s.text) == sum(o.text == s.text for o in d.secrets), (d.name, s.cls)
        for k in d.keeps:
            assert d.text.count(k.text) == sum(o.text == k.text for o in d.keeps), d.name
            for s in d.secrets:
                assert k.offset + len(k.text) <= s.offset or s.offset + len(s.text) <= k.offset, d.name
                assert k.text not in s.text and s.text not in k.text, d.name


def test_multi_line_values_only_in_plain_or_fence() -> None:
    multi = [
        d
        for d in _docs()
        if any("\n" in t for t in [*(s.text for s in d.secrets), *(k.text for k in d.keeps)])
    ]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_deliveries_have_their_shapes() -> None:
    for d in _docs():
        lines = d.text.split("\n")
        if d.delivery == "json":
            assert len(lines) == 1
            obj = json.loads(d.text)
            assert isinstance(obj, dict) and isinstance(obj["content"], str)
            for s in d.secrets:
                assert json.loads('"' + s.text + '"') in obj["content"]
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            assert all(line.startswith("+") for line in lines[5:])
        elif d.delivery == "numbered":
            assert all(re.match(r" *\d+\t", line) for line in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines)
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.rstrip().endswith("```")


def _values(cls: str) -> list[str]:
    return [_unescape(s.text) for d in _docs() for s in d.secrets if s.cls == cls]


def test_cards_ibans_and_ssns_are_valid() -> None:
    assert all(corpus.luhn_ok(v) for v in _values("card-number"))
    assert all(corpus.iban_ok(v) for v in _values("iban"))
    assert all(corpus.ssn_ok(v) for v in _values("ssn"))
    keeps = [k.text for d in _docs() for k in d.keeps]
    assert any(corpus.luhn_ok(k) for k in keeps)  # the processors' test cards stay
    assert any(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{12,30}", k) and not corpus.iban_ok(k) for k in keeps)


def test_crc_tokens_hold_their_checksum() -> None:
    for v in _values("github-token"):
        assert corpus.crc_token_ok(v, v[:4]) and v[:4] in corpus.VENDOR_PREFIXES["github-token"]
    for v in _values("npm-token"):
        assert corpus.crc_token_ok(v, corpus.VENDOR_PREFIXES["npm-token"][0])


def test_jwts_decode() -> None:
    values = _values("jwt")
    assert values
    for v in values:
        head, body, sig = v.split(".")
        assert json.loads(_b64url_decode(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url_decode(body)), dict)
        assert len(_b64url_decode(sig)) == 32


def test_private_keys_have_their_layouts() -> None:
    pem = openssh = 0
    for v in _values("private-key"):
        lines = [line.strip() for line in v.strip().split("\n")]
        assert lines[0].startswith("-----BEGIN ") and lines[-1].startswith("-----END ")
        body = lines[1:-1]
        der = base64.b64decode("".join(body))
        if "OPENSSH" in lines[0]:
            openssh += 1
            assert all(len(line) == 70 for line in body[:-1]) and len(body[-1]) <= 70
            assert der.startswith(b"openssh-key-v1\x00")
        else:
            pem += 1
            assert all(len(line) == 64 for line in body[:-1]) and len(body[-1]) <= 64
            assert der[0] == 0x30
    assert pem and openssh


def test_recovery_phrases_hold_their_checksum() -> None:
    values = _values("recovery-phrase")
    assert values and all(corpus.bip39_ok(v) for v in values)
    assert (
        len(corpus.BIP39_HEAD) == 128
        and corpus.BIP39_HEAD[0] == "abandon"
        and corpus.BIP39_HEAD[3] == "about"
    )
    assert corpus.bip39_ok(" ".join(["abandon"] * 11 + ["about"]))


def test_checks_reject_corrupted_values() -> None:
    card = _values("card-number")[0]
    last = card[-1]
    assert not corpus.luhn_ok(card[:-1] + str((int(last) + 1) % 10))
    iban = _values("iban")[0].replace(" ", "")
    assert not corpus.iban_ok(iban[:-1] + str((int(iban[-1]) + 1) % 10))
    assert not corpus.iban_ok("XX" + iban[2:])
    tok = _values("github-token")[0]
    flipped = tok[:10] + ("A" if tok[10] != "A" else "B") + tok[11:]
    assert not corpus.crc_token_ok(flipped, tok[:4])
    assert not corpus.crc_token_ok(tok[:-1], tok[:4])
    for parts in (("000", "12", "3456"), ("666", "12", "3456"), ("912", "12", "3456"), ("123", "00", "4567")):
        assert not corpus.ssn_ok("-".join(parts))
    assert not corpus.ssn_ok("-".join(("123", "45", "0000"))) and not corpus.ssn_ok(
        "-".join(("12", "345", "6789"))
    )
    phrase = _values("recovery-phrase")[0].split()
    idx = corpus.BIP39_HEAD.index(phrase[-1]) ^ 1
    assert not corpus.bip39_ok(" ".join([*phrase[:-1], corpus.BIP39_HEAD[idx]]))
    assert not corpus.bip39_ok(" ".join(phrase[:-1]))


def test_vendor_tokens_keep_their_published_prefixes() -> None:
    seen = set()
    for d in _docs():
        for s in d.secrets:
            if s.cls in corpus.VENDOR_CLASSES:
                seen.add(s.cls)
                value = _unescape(s.text)
                assert value.startswith(corpus.VENDOR_PREFIXES[s.cls]), (s.cls, d.name)
    assert seen == set(corpus.VENDOR_CLASSES)


# the sources hold no secret-shaped literal ---------------------------------------------------------------


def _source_findings(text: str) -> list[str]:
    found: list[str] = []
    for prefixes in corpus.VENDOR_PREFIXES.values():
        for p in prefixes:
            found += re.findall(r"(?<![A-Za-z0-9])" + re.escape(p) + r"[A-Za-z0-9]{16,}", text)
    for run in re.findall(r"[A-Za-z0-9]{32,}", text):
        if re.search(r"\d", run) and re.search(r"[A-Za-z]", run) and run != PINNED_DIGEST:
            found.append(run)
    found += re.findall(r"-----BEGIN [A-Z ]+-----\s*[A-Za-z0-9+/=]{20,}", text)
    found += re.findall(r"(?<!\d)\d{13,19}(?!\d)", text)
    found += re.findall(r"\b\d{3}-\d{2}-\d{4}\b", text)
    found += re.findall(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", text)
    for m in re.finditer(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})", text):
        if m.group(1).lower() not in ("example.com", "github.com"):
            found.append(m.group(0))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    assert _source_findings(path.read_text()) == []


def test_the_source_scan_finds_what_it_looks_for() -> None:
    docs = _docs()
    for cls in ("github-token", "card-number", "ssn", "iban", "email", "private-key", "api-key"):
        samples = [_unescape(s.text) for d in docs for s in d.secrets if s.cls == cls]
        assert samples and any(_source_findings(f"x = '{v}'") for v in samples), cls


def test_client_actors_is_imported_only_inside_measure_held_back() -> None:
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
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any("client_actors" in ast.dump(n) for n in top)


# the measure, with stand-ins ---------------------------------------------------------------------------


def _by_text(docs: tuple[Document, ...]) -> dict[str, Document]:
    return {d.text: d for d in docs}


def _replacing(docs: tuple[Document, ...], repl: Callable[[str], str]) -> Callable[[str], str]:
    """A stand-in that rewrites the labelled secrets of the document it is given."""
    index = _by_text(docs)

    def scrub(text: str) -> str:
        d = index.get(text)
        if d is None:
            return text
        out, last = [], 0
        for s in sorted(d.secrets, key=lambda s: s.offset):
            out += [text[last : s.offset], repl(s.text)]
            last = s.offset + len(s.text)
        return "".join([*out, text[last:]])

    return scrub


def test_identity_scrub_removes_nothing_and_keeps_everything() -> None:
    m = corpus.measure_documents(_docs(), lambda t: t)
    assert m["recall"] == 0.0 and m["recall_no_fragment"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0


def test_a_scrub_of_every_labelled_secret_scores_one() -> None:
    docs = _docs()
    m = corpus.measure_documents(docs, _replacing(docs, lambda _t: "[REDACTED:secret]"))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == float(sum(len(d.secrets) for d in docs))
    assert m["spans"] == float(sum(len(d.keeps) for d in docs))


def test_leaving_half_of_each_secret_is_a_fragment() -> None:
    docs = _docs()
    m = corpus.measure_documents(docs, _replacing(docs, lambda t: t[: len(t) // 2] + "[REDACTED]"))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_a_greedy_scrub_of_keeps_loses_them() -> None:
    docs = _docs()
    keeps = sorted({k.text for d in docs for k in d.keeps}, key=len, reverse=True)

    def greedy(text: str) -> str:
        for k in keeps:
            text = text.replace(k, "[REDACTED]")
        return text

    assert corpus.measure_documents(docs, greedy)["keep_rate"] < 0.5


def test_measure_keys_and_empty_shares() -> None:
    keys = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
    m = corpus.measure_documents(_docs()[:3], lambda t: t)
    assert set(m) == keys and all(isinstance(v, float) for v in m.values())
    empty = corpus.measure_documents([], lambda t: t)
    assert set(empty) == keys
    assert empty["recall"] == empty["recall_no_fragment"] == empty["vendor_prefix_recall"] == 1.0
    assert empty["keep_rate"] == 1.0 and empty["secrets"] == 0.0 and empty["spans"] == 0.0


def test_measure_reports_figures_only() -> None:
    docs = _docs()
    m = corpus.measure_documents(docs, lambda t: t)
    values = {s.text for d in docs for s in d.secrets}
    assert not any(str(v) in values for v in m.values())
