"""Tests of the twentyeighth held-back scrub corpus: its build, its labels and its measure, with stand-in scrubbers.

The real scrubber is never run here: the corpus is held back to measure it blind.
"""

from __future__ import annotations

import ast
import base64
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentyeighth as corpus
from tests.scrubcorpus.twentyeighth import (
    CLASSES,
    DELIVERIES,
    SETTINGS,
    VENDOR_CLASSES,
    Document,
    bip39_ok,
    build_corpus,
    corpus_digest,
    crc_token_ok,
    iban_ok,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

PINNED_DIGEST = "0e31fef6b32aa4b090011eea936664efaae256d762bf07227c5d77a8cf7b8ef9"

_SOURCES = (Path(corpus.__file__), Path(__file__))


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return build_corpus()


def _secrets(docs: list[Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


def _plain(text: str) -> str:
    """A JSON-escaped label's text as the value itself (only the escapes the corpus makes)."""
    return text.replace("\\\\", "\\").replace('\\"', '"')


# --- build -------------------------------------------------------------------------------------------------------


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    assert corpus_digest(docs) == PINNED_DIGEST
    assert corpus_digest(build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[Document]) -> None:
    assert corpus_digest(build_corpus(corpus.DEFAULT_SEED + 1)) != corpus_digest(docs)


def test_counts_are_in_range(docs: list[Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    assert len({d.name for d in docs}) == len(docs)
    by_class = Counter(s.cls for s in secrets)
    assert set(by_class) == CLASSES
    assert 40 <= len(CLASSES) <= 50
    assert VENDOR_CLASSES < CLASSES and len(VENDOR_CLASSES) >= 12
    assert all(n >= 3 for n in by_class.values()), by_class
    assert sum(n for c, n in by_class.items() if c in VENDOR_CLASSES) >= 60


def test_settings_and_deliveries_are_all_represented(docs: list[Document]) -> None:
    per_setting = Counter(d.setting for d in docs)
    assert tuple(sorted(per_setting)) == tuple(sorted(SETTINGS)) and len(SETTINGS) == 12
    assert all(n >= 20 for n in per_setting.values())
    assert set(Counter(d.delivery for d in docs)) == set(DELIVERIES)
    assert all(d.name.startswith(d.setting + "/") and d.name.count("/") == 2 for d in docs)


# --- labels ------------------------------------------------------------------------------------------------------


def test_offsets_point_at_labelled_text(docs: list[Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_every_occurrence_of_a_secret_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        labelled = Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert d.text.count(text) == n, d.name


def test_keeps_and_secrets_are_apart(docs: list[Document]) -> None:
    for d in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in d.secrets]
        for k in d.keeps:
            assert not any(a < k.offset + len(k.text) and k.offset < e for a, e in spans), d.name
            assert not any(k.text in s.text or s.text in k.text for s in d.secrets), d.name
        ordered = sorted(spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(ordered)), d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[Document]) -> None:
    multi = [d for d in docs if any("\n" in s.text for s in d.secrets)]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_deliveries_have_their_shape(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            assert len(lines) == 1
            obj = json.loads(d.text)
            assert any(isinstance(v, str) and "\n" in v for v in obj.values())
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            body = lines[lines.index(next(ln for ln in lines if ln.startswith("@@"))) + 1 :]
            assert all(ln.startswith("+") for ln in body)
        elif d.delivery == "numbered":
            assert all(re.match(r"^ {0,5}\d+\t", ln) for ln in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", ln) for ln in lines)
        elif d.delivery == "fence":
            assert lines[-1] == "```" and any(ln.startswith("```") for ln in lines[:3])


def test_json_labels_are_the_escaped_text(docs: list[Document]) -> None:
    for d in (d for d in docs if d.delivery == "json"):
        content = next(v for v in json.loads(d.text).values() if isinstance(v, str) and "\n" in v)
        for s in d.secrets:
            assert _plain(s.text) in content


# --- formats -----------------------------------------------------------------------------------------------------


def test_cards_pass_luhn_and_corruptions_fail(docs: list[Document]) -> None:
    cards = _secrets(docs, "card-number")
    assert cards and all(luhn_ok(c) for c in cards)
    for c in cards:
        last = c[-1]
        assert not luhn_ok(c[:-1] + str((int(last) + 1) % 10))
    assert all(not c.replace(" ", "").startswith("4242" * 4) for c in cards)


def test_ibans_pass_mod97_and_corruptions_fail(docs: list[Document]) -> None:
    ibans = _secrets(docs, "iban")
    assert ibans and all(iban_ok(i) for i in ibans)
    for i in ibans:
        d = i[-1]
        assert not iban_ok(i[:-1] + str((int(d) + 1) % 10))
    assert not iban_ok("XX00" + "1" * 18)


def test_vendor_tokens_keep_prefixes_and_crc(docs: list[Document]) -> None:
    prefixes = {
        "github-pat": "gh" + "p_",
        "github-oauth": "gh" + "o_",
        "npm-token": "np" + "m_",
        "aws-access-key": "AK" + "IA",
        "slack-bot-token": "xo" + "xb-",
        "stripe-webhook-secret": "wh" + "sec_",
        "sendgrid-key": "S" + "G.",
        "google-api-key": "AI" + "za",
        "google-oauth-secret": "GOC" + "SPX-",
        "gitlab-pat": "gl" + "pat-",
        "meta-access-token": "EA" + "A",
        "digitalocean-token": "do" + "p_v1_",
        "vault-token": "hv" + "s.",
        "grafana-token": "gl" + "sa_",
        "newrelic-key": "NR" + "AK-",
        "sentry-token": "sntr" + "yu_",
        "posthog-personal-key": "ph" + "x_",
        "linear-key": "lin" + "_api_",
        "mapbox-secret-token": "s" + "k.",
        "supabase-secret-key": "sb_" + "secret_",
    }
    assert set(prefixes) | {"stripe-secret-key"} == VENDOR_CLASSES
    for cls, prefix in prefixes.items():
        values = _secrets(docs, cls)
        assert values and all(v.startswith(prefix) for v in values), cls
    assert all(v.startswith(("sk_" + "live_", "rk_" + "live_")) for v in _secrets(docs, "stripe-secret-key"))
    for cls in ("github-pat", "github-oauth", "npm-token"):
        for v in _secrets(docs, cls):
            assert len(v) == len(prefixes[cls]) + 36 and crc_token_ok(v, prefixes[cls])
            broken = v[:-7] + ("A" if v[-7] != "A" else "B") + v[-6:]
            assert not crc_token_ok(broken, prefixes[cls])
    assert all(len(v) == 20 and not v.endswith("EXAMPLE") for v in _secrets(docs, "aws-access-key"))


def test_ssns_are_in_issuance_ranges(docs: list[Document]) -> None:
    ssns = _secrets(docs, "ssn")
    assert ssns and all(ssn_ok(s) for s in ssns)
    for parts in (("000", "12", "3456"), ("666", "12", "3456"), ("912", "12", "3456"), ("123", "00", "4567")):
        assert not ssn_ok("-".join(parts))
    assert not ssn_ok("-".join(("123", "45", "0000")))


def test_jwts_decode(docs: list[Document]) -> None:
    def dec(part: str) -> bytes:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))

    jwts = _secrets(docs, "jwt")
    assert jwts
    for t in jwts:
        head, body, sig = t.split(".")
        assert json.loads(dec(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(dec(body)), dict)
        assert len(dec(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[Document]) -> None:
    pems = [_plain(t).replace("\\n", "\n").strip("\n") for t in _secrets(docs, "private-key")]
    assert pems
    for p in pems:
        lines = p.split("\n")
        assert lines[0].startswith("-----BEGIN ") and lines[-1].startswith("-----END ")
        assert all(len(ln) == 64 for ln in lines[1:-2]) and 0 < len(lines[-2]) <= 64
        assert base64.b64decode("".join(lines[1:-1]))[0] == 0x30
    keys = _secrets(docs, "ssh-private-key")
    assert keys
    for k in keys:
        lines = k.split("\n")
        assert lines[0] == "-" * 5 + "BEGIN OPENSSH " + "PRIVATE KEY" + "-" * 5
        assert all(len(ln) == 70 for ln in lines[1:-2]) and 0 < len(lines[-2]) <= 70
        assert base64.b64decode("".join(lines[1:-1])).startswith(b"openssh-key-v1\x00")


def test_recovery_phrases_hold_their_checksum(docs: list[Document]) -> None:
    phrases = _secrets(docs, "recovery-phrase")
    assert phrases and all(bip39_ok(p) for p in phrases)
    assert len(corpus.BIP39_HEAD) == 128 and corpus.BIP39_HEAD[0] == "abandon"
    for p in phrases:
        words = p.split()
        last = corpus.BIP39_HEAD.index(words[-1])
        words[-1] = corpus.BIP39_HEAD[last ^ 1]
        assert not bip39_ok(" ".join(words))


# --- sources hold no secret-shaped literal -----------------------------------------------------------------------

_VENDOR_RUN = re.compile(
    r"(?:gh[pousr]_|npm_|AKIA|xox[abp]-|[sr]k_live_|whsec_|SG\.|AIza|GOCSPX-|glpat-|EAA[A-Z]|dop_v1_|hvs\.|glsa_"
    r"|NRAK-|sntry[us]_|ph[xc]_|lin_api_|[sp]k\.eyJ|sb_secret_|sb_publishable_)[A-Za-z0-9_\-.]{6,}"
)
_LONG_RUN = re.compile(r"[A-Za-z0-9]{32,}")
_PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----|^[A-Za-z0-9+/]{60,}={0,2}$", re.M)
_DIGIT_RUN = re.compile(r"(?<!\d)\d{13,19}(?!\d)")
_SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: p.name)
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    text = path.read_text()
    assert not _VENDOR_RUN.findall(text)
    long_runs = [r for r in _LONG_RUN.findall(text) if r != PINNED_DIGEST]
    assert not [r for r in long_runs if re.search(r"\d", r) and re.search(r"[A-Za-z]", r)]
    assert not _PEM.findall(text)
    assert not _DIGIT_RUN.findall(text)
    assert not _SSN.findall(text)
    assert not _IBAN.findall(text)
    assert {d.lower() for d in _EMAIL.findall(text)} <= {"example.com", "github.com"}


def test_scans_would_catch_the_fakes(docs: list[Document]) -> None:
    text = "\n".join(d.text for d in docs)
    assert _VENDOR_RUN.search(text) and _PEM.search(text) and _DIGIT_RUN.search(text)
    assert _SSN.search(text) and _EMAIL.search(text)


# --- measure -----------------------------------------------------------------------------------------------------


def _per_doc(docs: list[Document], edit: Callable[[Document], str]) -> Callable[[str], str]:
    """A stand-in that knows each document's labels: it edits a document's text and leaves any other text."""
    table = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = table.get(text)
        return edit(doc) if doc else text

    return scrub


def _replace_spans(doc: Document, new: Callable[[str], str]) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
        text = text[: s.offset] + new(s.text) + text[s.offset + len(s.text) :]
    return text


def _drop_keeps(doc: Document) -> str:
    text = doc.text
    for k in sorted({k.text for k in doc.keeps}, key=len, reverse=True):
        text = text.replace(k, "[X]")
    return text


def test_measure_keys_are_exact(docs: list[Document]) -> None:
    got = measure_documents(docs[:5], lambda t: t)
    assert set(got) == {
        "secrets",
        "recall",
        "recall_no_fragment",
        "vendor_prefix_recall",
        "keep_rate",
        "spans",
    }
    assert all(isinstance(v, float) for v in got.values())


def test_identity_scrub_removes_nothing(docs: list[Document]) -> None:
    got = measure_documents(docs, lambda t: t)
    assert got["recall"] == 0.0 and got["recall_no_fragment"] == 0.0 and got["vendor_prefix_recall"] == 0.0
    assert got["keep_rate"] == 1.0
    assert got["secrets"] == sum(len(d.secrets) for d in docs)
    assert got["spans"] == sum(len(d.keeps) for d in docs)


def test_perfect_stand_in_scores_one(docs: list[Document]) -> None:
    got = measure_documents(docs, _per_doc(docs, lambda d: _replace_spans(d, lambda t: "[REDACTED]")))
    assert got["recall"] == 1.0
    assert got["recall_no_fragment"] == 1.0
    assert got["vendor_prefix_recall"] == 1.0
    assert got["keep_rate"] == 1.0


def test_half_removed_secrets_count_as_fragments(docs: list[Document]) -> None:
    got = measure_documents(
        docs, _per_doc(docs, lambda d: _replace_spans(d, lambda t: t[: len(t) // 2] + "[R]"))
    )
    assert got["recall"] == 1.0
    assert got["recall_no_fragment"] < 0.9


def test_greedy_scrub_of_keeps_loses_them(docs: list[Document]) -> None:
    assert measure_documents(docs, _per_doc(docs, _drop_keeps))["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    got = measure_documents([], lambda t: t)
    assert got == {
        "secrets": 0.0,
        "recall": 1.0,
        "recall_no_fragment": 1.0,
        "vendor_prefix_recall": 1.0,
        "keep_rate": 1.0,
        "spans": 0.0,
    }


def test_client_actors_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(Path(corpus.__file__).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.startswith("client_actors") for n in names):
                owner = next(
                    f
                    for f in ast.walk(tree)
                    if isinstance(f, ast.FunctionDef) and any(c is node for c in ast.walk(f))
                )
                assert owner.name == "measure_held_back"
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any("client_actors" in ast.dump(n) for n in top)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    assert "client_actors" in ast.dump(fn)
