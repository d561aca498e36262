"""Tests of the twenty-seventh held-back scrub corpus: its build, its labels and its measure.

Only stand-in scrubbers run here; the real one is measured blind, elsewhere.
"""

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

from tests.scrubcorpus import twentyseventh as corpus

PINNED_DIGEST = "eb3c42fd79acade69b61370b6b4212bdfb712c310bec435c1123ce1748481bf6"

_HERE = Path(__file__).resolve().parent
_SOURCES = (_HERE / "scrubcorpus" / "twentyseventh.py", Path(__file__).resolve())


@pytest.fixture(scope="module")
def docs() -> list[corpus.Document]:
    return corpus.build_corpus()


def _secrets(docs: list[corpus.Document], cls: str) -> list[str]:
    return [s.text for d in docs for s in d.secrets if s.cls == cls]


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


# --- the build --------------------------------------------------------------------------------------------


def test_digest_is_pinned_and_stable(docs: list[corpus.Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus(corpus.DEFAULT_SEED)) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[corpus.Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != PINNED_DIGEST
    assert [d.text for d in other] != [d.text for d in docs]


def test_counts_are_in_range(docs: list[corpus.Document]) -> None:
    assert corpus.DEFAULT_SEED == 20261227
    assert 300 <= len(docs) <= 340
    assert 450 <= sum(len(d.secrets) for d in docs) <= 560
    assert 420 <= sum(len(d.keeps) for d in docs) <= 560


def test_classes(docs: list[corpus.Document]) -> None:
    counts = collections.Counter(s.cls for d in docs for s in d.secrets)
    assert 40 <= len(corpus.CLASSES) <= 50
    assert set(counts) == set(corpus.CLASSES)
    assert all(n >= 3 for n in counts.values()), counts
    assert corpus.VENDOR_CLASSES <= corpus.CLASSES
    assert len(corpus.VENDOR_CLASSES) >= 12
    assert sum(counts[c] for c in corpus.VENDOR_CLASSES) >= 60


def test_settings_and_deliveries(docs: list[corpus.Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert all(n >= 20 for n in per_setting.values())
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    for setting in corpus.SETTINGS:
        assert {d.delivery for d in docs if d.setting == setting} == set(corpus.DELIVERIES)
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+/\d\d", d.name)
        assert d.name.startswith(d.setting + "/")


# --- the labels -------------------------------------------------------------------------------------------


def test_offsets_point_at_the_labels(docs: list[corpus.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert s.text and d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert k.text and d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_no_keep_overlaps_a_secret_and_every_occurrence_is_labelled(docs: list[corpus.Document]) -> None:
    for d in docs:
        spans = sorted([(s.offset, s.offset + len(s.text)) for s in d.secrets])
        spans += [(k.offset, k.offset + len(k.text)) for k in d.keeps]
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), d.name
        for s in d.secrets:
            for k in d.keeps:
                assert s.text not in k.text and k.text not in s.text, d.name
        labelled = collections.Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert len(_occurrences(d.text, text)) == n, d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[corpus.Document]) -> None:
    multi = [d for d in docs for s in d.secrets if "\n" in s.text]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_deliveries_have_their_shapes(docs: list[corpus.Document]) -> None:
    for d in docs:
        if d.delivery == "json":
            assert "\n" not in d.text
            obj = json.loads(d.text)
            assert isinstance(obj, dict)
            assert any(isinstance(v, str) and len(v) > 40 for v in obj.values())
            for s in d.secrets:
                assert isinstance(json.loads('"' + s.text + '"'), str)
        elif d.delivery == "diff":
            assert d.text.startswith("diff --git ")
            body = d.text.split("@@\n", 1)[1]
            assert all(ln.startswith("+") for ln in body.splitlines())
        elif d.delivery == "numbered":
            assert all(re.match(r" *\d+\t", ln) for ln in d.text.splitlines())
        elif d.delivery == "cilog":
            stamps = [ln[:28] for ln in d.text.splitlines()]
            assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z", t) for t in stamps)
            assert stamps == sorted(stamps)
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.rstrip().endswith("```")


# --- the fakes' formats -----------------------------------------------------------------------------------


def test_cards_pass_luhn_and_corruptions_fail(docs: list[corpus.Document]) -> None:
    cards = _secrets(docs, "card-number")
    assert cards
    for card in cards:
        assert corpus.luhn_ok(card)
        assert card.replace(" ", "") != "4242" * 4
        wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
        assert not corpus.luhn_ok(wrong)


def test_ibans_pass_mod97_and_corruptions_fail(docs: list[corpus.Document]) -> None:
    ibans = _secrets(docs, "iban")
    assert ibans
    for iban in ibans:
        assert corpus.iban_ok(iban)
        other = (int(iban[2:4]) - 1) % 97 + 2  # another check value in 02..98
        assert not corpus.iban_ok(iban[:2] + f"{other:02d}" + iban[4:])
        assert not corpus.iban_ok(iban[:-1])


def test_crc_tokens_hold_their_checksums(docs: list[corpus.Document]) -> None:
    for cls, prefixes in (("github-token", ("ghp_", "gho_")), ("npm-token", ("npm_",))):
        tokens = _secrets(docs, cls)
        assert tokens
        for tok in tokens:
            prefix = next(p for p in prefixes if tok.startswith(p))
            assert corpus.crc_token_ok(tok, prefix)
            last = tok[-1]
            assert not corpus.crc_token_ok(tok[:-1] + ("A" if last != "A" else "B"), prefix)
            assert not corpus.crc_token_ok(tok, "xyz_")


def test_ssns_lie_in_issued_ranges(docs: list[corpus.Document]) -> None:
    ssns = _secrets(docs, "ssn")
    assert ssns
    assert all(corpus.ssn_ok(s) for s in ssns)
    for bad in ("000123456", "666123456", "900123456", "123004567", "123450000", "12345678"):
        assert not corpus.ssn_ok(bad)


def test_jwts_decode(docs: list[corpus.Document]) -> None:
    jwts = _secrets(docs, "jwt")
    assert jwts
    for tok in jwts:
        head, body, sig = tok.split(".")
        assert json.loads(corpus.b64url_decode(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(corpus.b64url_decode(body)), dict)
        assert len(corpus.b64url_decode(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[corpus.Document]) -> None:
    pems = _secrets(docs, "private-key")
    sshs = _secrets(docs, "ssh-private-key")
    assert pems and sshs
    for body, width, start in [(b, 64, b"\x30") for b in pems] + [
        (b, 70, b"openssh-key-v1\x00") for b in sshs
    ]:
        lines = body.split("\n")
        assert all(len(ln) == width for ln in lines[:-1]) and 0 < len(lines[-1]) <= width
        assert base64.b64decode("".join(lines), validate=True).startswith(start)
    for d in docs:
        for s in d.secrets:
            if s.cls == "private-key":
                assert d.text[: s.offset].endswith("PRIVATE KEY-----\n")
                assert d.text[s.offset + len(s.text) :].startswith("\n-----END ")


def test_bip39_phrases(docs: list[corpus.Document]) -> None:
    assert len(corpus.BIP39_HEAD) == 128
    assert corpus.BIP39_HEAD[0] == "abandon" and corpus.BIP39_HEAD[-1] == "avocado"
    assert corpus.bip39_ok(" ".join(["abandon"] * 11 + ["about"]))
    assert not corpus.bip39_ok(" ".join(["abandon"] * 12))
    assert not corpus.bip39_ok(" ".join(["abandon"] * 11 + ["zebra"]))
    phrases = _secrets(docs, "mnemonic")
    assert phrases
    for p in phrases:
        assert corpus.bip39_ok(p)
        words = p.split()
        swaps = [" ".join([w, *words[1:]]) for w in corpus.BIP39_HEAD if w != words[0]]
        assert sum(corpus.bip39_ok(s) for s in swaps) < len(swaps) // 4


def test_vendor_tokens_keep_their_prefixes(docs: list[corpus.Document]) -> None:
    assert set(corpus.VENDOR_PREFIXES) == set(corpus.VENDOR_CLASSES)
    for d in docs:
        for s in d.secrets:
            if s.cls in corpus.VENDOR_CLASSES:
                assert s.text.startswith(corpus.VENDOR_PREFIXES[s.cls]), (d.name, s.cls)
                assert len(s.text) >= 20


def test_emails_are_on_made_up_domains(docs: list[corpus.Document]) -> None:
    reserved = ("example.com", "example.org", "example.net", ".example", ".test", ".invalid")
    for mail in _secrets(docs, "email"):
        assert "@" in mail and not mail.split("@")[1].endswith(reserved)


# --- the sources hold no secret-shaped literal ------------------------------------------------------------

_VENDOR_RUN = re.compile(
    r"(?:ghp_|gho_|npm_|xox[bp]-|sk_live_|rk_live_|whsec_|SG\.|AKIA|glpat-|dop_v1_|AIza|glsa_|tskey-auth-"
    r"|pypi-|dckr_pat_|hvs\.|NRAK-|sec-c-)[A-Za-z0-9_\-]{12,}"
)
_LONG_RUN = re.compile(r"[A-Za-z0-9]{32,}")
_PEM_BODY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=]{20,}")
_DIGIT_RUN = re.compile(r"(?<!\d)\d{13,19}(?!\d)")
_SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: p.name)
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    text = path.read_text()
    assert not _VENDOR_RUN.findall(text)
    runs = [
        r
        for r in _LONG_RUN.findall(text)
        if r != PINNED_DIGEST and any(c.isdigit() for c in r) and any(c.isalpha() for c in r)
    ]
    assert not runs
    assert not _PEM_BODY.findall(text)
    assert not _DIGIT_RUN.findall(text)
    assert not _SSN.findall(text)
    assert not _IBAN.findall(text)
    assert set(_EMAIL.findall(text)) <= {"example.com", "github.com"}


def test_client_actors_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(_SOURCES[0].read_text())
    found = 0
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("client_actors"):
                    assert fn.name == "measure_held_back"
                    found += 1
    for node in tree.body:
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("client_actors") for a in node.names)
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("client_actors")
    assert found == 1


# --- the measure, with stand-in scrubbers -----------------------------------------------------------------

_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


def _by_text(docs: list[corpus.Document]) -> dict[str, corpus.Document]:
    return {d.text: d for d in docs}


def _replacing(docs: list[corpus.Document], keep_half: bool) -> Callable[[str], str]:
    """A stand-in that knows the labels: it replaces each secret (or its second half) by a token."""
    lookup = _by_text(docs)

    def scrub(text: str) -> str:
        doc = lookup.get(text)
        if doc is None:
            return text
        for s in sorted(doc.secrets, key=lambda s: -s.offset):
            left = s.text[: len(s.text) // 2] if keep_half else ""
            text = text[: s.offset] + left + "[REDACTED:" + s.cls + "]" + text[s.offset + len(s.text) :]
        return text

    return scrub


def test_identity_scrub_removes_nothing_and_keeps_everything(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert set(m) == _KEYS
    assert all(isinstance(v, float) for v in m.values())
    assert m["recall"] == 0.0 and m["recall_no_fragment"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == float(sum(len(d.secrets) for d in docs))
    assert m["spans"] == float(sum(len(d.keeps) for d in docs))


def test_perfect_stand_in_scores_one(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, _replacing(docs, keep_half=False))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] == 1.0
    assert m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0


def test_half_removed_secrets_count_as_fragments(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, _replacing(docs, keep_half=True))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_greedy_scrub_of_keeps_loses_them(docs: list[corpus.Document]) -> None:
    keeps = sorted({k.text for d in docs for k in d.keeps}, key=len, reverse=True)

    def greedy(text: str) -> str:
        for k in keeps:
            text = text.replace(k, "[REDACTED]")
        return text

    m = corpus.measure_documents(docs, greedy)
    assert m["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    m = corpus.measure_documents([], lambda t: t)
    assert set(m) == _KEYS
    assert m == {
        "secrets": 0.0,
        "recall": 1.0,
        "recall_no_fragment": 1.0,
        "vendor_prefix_recall": 1.0,
        "keep_rate": 1.0,
        "spans": 0.0,
    }
    bare = corpus.Document("x/y/01", "x", "plain", "nothing to see", (), ())
    assert corpus.measure_documents([bare], lambda t: "")["recall"] == 1.0
