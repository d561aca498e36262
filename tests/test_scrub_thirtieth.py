"""Tests of the thirtieth held-back scrub corpus: its build, its labels and its measure.

Only stand-in scrubbers run here; the real one is measured elsewhere, blind.
"""

from __future__ import annotations

import ast
import base64
import binascii
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtieth as corpus

PINNED_DIGEST = "b6cb2dbfbf42b638ce576801d40261fdf027c6c4bd9d8af9097b1b0bcc5e46de"

CORPUS_FILE = Path(corpus.__file__)
THIS_FILE = Path(__file__)

VENDOR_PREFIXES: dict[str, str | tuple[str, ...]] = {
    "github-token": "gh" + "p_",
    "github-oauth-token": "gh" + "o_",
    "npm-token": "np" + "m_",
    "slack-token": ("xo" + "xb-", "xa" + "pp-"),
    "stripe-key": "sk" + "_live_",
    "aws-access-key": "AK" + "IA",
    "openai-key": "sk" + "-proj-",
    "stability-key": "sk" + "-",
    "huggingface-token": "hf" + "_",
    "gitlab-token": "glpat" + "-",
    "sendgrid-key": "SG" + ".",
    "databricks-token": "da" + "pi",
    "google-api-key": "AI" + "za",
    "replicate-token": "r8" + "_",
    "xata-key": "xa" + "u_",
    "kong-pat": "kp" + "at_",
    "grafana-token": "gl" + "sa_",
    "google-oauth-token": "ya" + "29.",
}


@pytest.fixture(scope="module")
def docs() -> list[corpus.Document]:
    return corpus.build_corpus()


def _plain(doc: corpus.Document, text: str) -> str:
    """A label's value as written before delivery (JSON lines hold it escaped)."""
    if doc.delivery == "json":
        value = json.loads('"' + text + '"')
        assert isinstance(value, str)
        return value
    return text


def _values(docs: list[corpus.Document], cls: str) -> list[str]:
    return [_plain(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _filled(doc: corpus.Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def _stand_in(
    docs: list[corpus.Document], edit: Callable[[corpus.Document, str], str]
) -> Callable[[str], str]:
    """A scrubber that knows the labels: it edits each document (and its filled copy) as told."""
    table: dict[str, corpus.Document] = {}
    for d in docs:
        table[d.text] = d
        table[_filled(d)] = d

    def scrub(text: str) -> str:
        return edit(table[text], text)

    return scrub


# ---------------------------------------------------------------- build


def test_digest_is_pinned_and_stable(docs: list[corpus.Document]) -> None:
    assert corpus.corpus_digest(docs) == PINNED_DIGEST
    assert corpus.corpus_digest(corpus.build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[corpus.Document]) -> None:
    other = corpus.build_corpus(corpus.DEFAULT_SEED + 1)
    assert corpus.corpus_digest(other) != corpus.corpus_digest(docs)


def test_counts_are_in_range(docs: list[corpus.Document]) -> None:
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


def test_settings_and_deliveries(docs: list[corpus.Document]) -> None:
    assert len(corpus.SETTINGS) == 12
    assert corpus.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(corpus.SETTINGS)
    assert min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        assert re.fullmatch(r"[a-z-]+/[a-z0-9-]+/\d\d", d.name), d.name
        assert d.name.startswith(d.setting + "/")


def test_offsets_point_at_labels(docs: list[corpus.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert s.cls in corpus.CLASSES
            assert s.text and d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert k.text and d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while (at := text.find(needle, start)) >= 0:
        out.append((at, at + len(needle)))
        start = at + len(needle)
    return out


def test_every_occurrence_labelled_and_no_keep_overlaps(docs: list[corpus.Document]) -> None:
    _check_labels(docs)


def test_another_seed_keeps_the_invariants() -> None:
    _check_labels(corpus.build_corpus(corpus.DEFAULT_SEED + 7))


def _check_labels(docs: list[corpus.Document]) -> None:
    """Every occurrence of a secret is labelled; secrets never overlap; keeps never touch a secret."""
    for d in docs:
        labelled = Counter(s.text for s in d.secrets)
        for text, n in labelled.items():
            assert d.text.count(text) == n, d.name
        secret_spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        for (_, end), (start, _) in itertools.pairwise(secret_spans):
            assert end <= start, d.name
        for k in d.keeps:
            for s in d.secrets:
                assert k.text not in s.text and s.text not in k.text, d.name
            for a, b in _spans(d.text, k.text):
                assert all(b <= x or y <= a for x, y in secret_spans), d.name


def test_multiline_values_only_in_plain_or_fence(docs: list[corpus.Document]) -> None:
    multi = [d for d in docs if any("\n" in s.text for s in d.secrets)]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_deliveries_have_their_shapes(docs: list[corpus.Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            assert len(lines) == 1
            event = json.loads(d.text)
            assert isinstance(event["output"], str)
            for s in d.secrets:
                assert _plain(d, s.text) in event["output"]
        elif d.delivery == "numbered":
            assert all(re.match(r"^ *\d+\t", line) for line in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", line) for line in lines)
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            body = lines[lines.index(next(x for x in lines if x.startswith("@@"))) + 1 :]
            assert body and all(line.startswith("+") for line in body)
        elif d.delivery == "fence":
            assert "```" in d.text and d.text.rstrip().endswith("```")


# ---------------------------------------------------------------- formats


def test_cards_and_ibans_and_ssns_are_valid(docs: list[corpus.Document]) -> None:
    cards, ibans, ssns = _values(docs, "card-number"), _values(docs, "iban"), _values(docs, "ssn")
    assert cards and ibans and ssns
    assert all(corpus.luhn_ok(c) for c in cards)
    assert all(corpus.iban_ok(i) for i in ibans)
    assert all(corpus.ssn_ok(s) for s in ssns)


def test_checks_reject_corrupted_values(docs: list[corpus.Document]) -> None:
    card = _values(docs, "card-number")[0].replace(" ", "")
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert not corpus.luhn_ok(bad)
    iban = _values(docs, "iban")[0].replace(" ", "")
    assert not corpus.iban_ok(iban[:-1] + str((int(iban[-1]) + 1) % 10))
    token = _values(docs, "github-token")[0]
    flipped = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    assert not corpus.crc_token_ok(flipped, "gh" + "p_")
    assert not corpus.crc_token_ok(token, "np" + "m_")
    for area, group, serial in (("000", "12", "3456"), ("666", "12", "3456"), ("912", "12", "3456")):
        assert not corpus.ssn_ok("-".join((area, group, serial)))
    assert not corpus.ssn_ok("-".join(("123", "00", "3456")))
    assert not corpus.ssn_ok("-".join(("123", "45", "0000")))
    phrase = _values(docs, "mnemonic")[0].split()
    passing = [w for w in corpus.BIP39_HEAD if corpus.bip39_ok(" ".join([*phrase[:-1], w]))]
    assert passing == [phrase[-1]] or (phrase[-1] in passing and len(passing) < 16)
    assert not corpus.bip39_ok(" ".join(phrase[:-1]))


def test_crc_tokens(docs: list[corpus.Document]) -> None:
    for cls in ("github-token", "github-oauth-token", "npm-token"):
        values = _values(docs, cls)
        prefix = VENDOR_PREFIXES[cls]
        assert isinstance(prefix, str)
        assert values and all(corpus.crc_token_ok(v, prefix) for v in values)


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_jwts_decode(docs: list[corpus.Document]) -> None:
    values = _values(docs, "jwt")
    assert values
    for v in values:
        head, body, sig = v.split(".")
        assert json.loads(_b64url(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url(body)), dict)
        assert len(_b64url(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[corpus.Document]) -> None:
    pems = [v for v in _values(docs, "private-key") if v.startswith("-----BEGIN")]
    assert pems
    for v in pems:
        lines = [line.strip() for line in v.split("\n")]
        assert lines[0].startswith("-----BEGIN ") and lines[-1].startswith("-----END ")
        body = lines[1:-1]
        assert all(len(line) == 64 for line in body[:-1]) and 0 < len(body[-1]) <= 64
        assert base64.b64decode("".join(body))[0] == 0x30
    others = [v for v in _values(docs, "private-key") if not v.startswith("-----BEGIN")]
    for v in others:
        raw = base64.b64decode(v, validate=True)
        assert len(raw) == 32 or raw.startswith(b"-----BEGIN")
    keys = _values(docs, "openssh-key")
    assert keys
    for v in keys:
        lines = v.split("\n")
        assert lines[0] == "-----BEGIN OPENSSH PRIVATE KEY-----"
        assert lines[-1] == "-----END OPENSSH PRIVATE KEY-----"
        body = lines[1:-1]
        assert all(len(line) == 70 for line in body[:-1]) and 0 < len(body[-1]) <= 70
        assert base64.b64decode("".join(body)).startswith(b"openssh-key-v1\x00")


def test_mnemonics_are_bip39(docs: list[corpus.Document]) -> None:
    assert len(corpus.BIP39_HEAD) == 128 == len(set(corpus.BIP39_HEAD))
    assert corpus.BIP39_HEAD[0] == "abandon" and corpus.BIP39_HEAD[-1] == "avocado"
    values = _values(docs, "mnemonic")
    assert values and all(corpus.bip39_ok(v) for v in values)


def test_vendor_tokens_keep_their_prefixes(docs: list[corpus.Document]) -> None:
    for cls, prefix in VENDOR_PREFIXES.items():
        values = _values(docs, cls)
        assert values and all(v.startswith(prefix) for v in values), cls
    for v in _values(docs, "terraform-cloud-token"):
        head, mid, tail = v.split(".")
        assert (len(head), mid, len(tail)) == (14, "atlas" + "v1", 67)
    assert all(len(v) == 20 for v in _values(docs, "aws-access-key"))
    assert set(VENDOR_PREFIXES) | {"terraform-cloud-token"} == corpus.VENDOR_CLASSES


# ---------------------------------------------------------------- no secret-shaped literal in the sources


def _source_findings(text: str) -> list[str]:
    found: list[str] = []
    vendor = (
        r"(?<![A-Za-z0-9])(?:gh[po]_|npm_|xox[abp]-|sk_live_|sk-proj-|sk-|hf_|glpat-|SG\.|dapi|AIza|r8_|xau_"
        r"|kpat_|glsa_|ya29\.|AKIA|whsec_|sig_|phc_)[A-Za-z0-9]{8,}|\.atlasv1\.[A-Za-z0-9]{8,}"
    )
    found += re.findall(vendor, text)
    for run in re.findall(r"[A-Za-z0-9]{32,}", text):
        if run != PINNED_DIGEST and re.search(r"\d", run) and re.search(r"[A-Za-z]", run):
            found.append(run)
    found += re.findall(r"-----BEGIN [A-Z ]+-----\s*\n\s*[A-Za-z0-9+/=]{40,}", text)
    found += re.findall(r"(?<!\d)\d{13,19}(?!\d)", text)
    found += re.findall(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text)
    found += re.findall(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", text)
    for domain in re.findall(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", text):
        if domain.lower() not in ("example.com", "github.com"):
            found.append(domain)
    return found


@pytest.mark.parametrize("path", [CORPUS_FILE, THIS_FILE], ids=lambda p: p.name)
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    assert _source_findings(path.read_text()) == []


def test_the_scan_would_catch_fakes(docs: list[corpus.Document]) -> None:
    for cls in (
        "github-token",
        "card-number",
        "ssn",
        "iban",
        "email",
        "private-key",
        "terraform-cloud-token",
    ):
        value = _values(docs, cls)[0]
        if cls == "card-number":
            value = value.replace(" ", "")
        assert _source_findings(f"x = {value!r}\n" if "\n" not in value else value), cls


# ---------------------------------------------------------------- the measure, with stand-ins


KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


def test_identity_removes_nothing(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, lambda t: t)
    assert set(m) == KEYS and all(isinstance(v, float) for v in m.values())
    assert m["recall"] == 0.0 and m["recall_no_fragment"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == sum(len(d.secrets) for d in docs)
    assert m["spans"] == sum(len(d.keeps) for d in docs)


def _replace_all(doc: corpus.Document, text: str) -> str:
    for s in sorted(doc.secrets, key=lambda s: -len(s.text)):
        text = text.replace(s.text, "[REDACTED]")
    return text


def _replace_half(doc: corpus.Document, text: str) -> str:
    for s in sorted(doc.secrets, key=lambda s: -len(s.text)):
        text = text.replace(s.text, "[R]" + s.text[len(s.text) // 2 :])
    return text


def _greedy(doc: corpus.Document, text: str) -> str:
    text = _replace_all(doc, text)
    for k in doc.keeps:
        text = text.replace(k.text, "[K]")
    return text


def test_perfect_stand_in_scores_one(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, _stand_in(docs, _replace_all))
    assert m["recall"] == m["recall_no_fragment"] == m["vendor_prefix_recall"] == m["keep_rate"] == 1.0


def test_half_removed_leaves_fragments(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, _stand_in(docs, _replace_half))
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_greedy_scrub_loses_keeps(docs: list[corpus.Document]) -> None:
    m = corpus.measure_documents(docs, _stand_in(docs, _greedy))
    assert m["recall"] == 1.0
    assert m["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    empty = corpus.measure_documents([], lambda t: t)
    assert empty == {
        "secrets": 0.0,
        "recall": 1.0,
        "recall_no_fragment": 1.0,
        "vendor_prefix_recall": 1.0,
        "keep_rate": 1.0,
        "spans": 0.0,
    }
    bare = corpus.Document(
        name="x/y/00", setting="x", delivery="plain", text="nothing here\n", secrets=(), keeps=()
    )
    assert corpus.measure_documents([bare], lambda t: "")["recall"] == 1.0


def test_client_actors_imported_only_in_measure_held_back() -> None:
    tree = ast.parse(CORPUS_FILE.read_text())
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "measure_held_back":
            inside |= {id(n) for n in ast.walk(node)}
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    scrubber = [
        n
        for n in imports
        if (isinstance(n, ast.ImportFrom) and (n.module or "").startswith("client_actors"))
        or (isinstance(n, ast.Import) and any(a.name.startswith("client_actors") for a in n.names))
    ]
    assert scrubber and all(id(n) in inside for n in scrubber)


def test_base64_helper_sanity() -> None:
    with pytest.raises(binascii.Error):
        base64.b64decode("@@@@", validate=True)
