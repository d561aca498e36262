"""The thirty-ninth held-back corpus part itself (tests/scrubcorpus/thirtyninth.py), with stand-in scrubbers only."""

from __future__ import annotations

import ast
import base64
import binascii
import collections
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtyninth as part

PINNED_DIGEST = "8edf54828402acb44e35849b04abc54cd5a04ffd25235fdd97c440abbe5cb9c9"

_HERE = Path(__file__).resolve().parent
_SOURCES = (_HERE / "scrubcorpus" / "thirtyninth.py", Path(__file__).resolve())


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _blank_all(docs: list[part.Document]) -> Callable[[str], str]:
    texts = sorted({s.text for d in docs for s in d.secrets}, key=len, reverse=True)

    def scrub(text: str) -> str:
        for t in texts:
            text = text.replace(t, "[REDACTED]")
        return text

    return scrub


def _plain_values(docs: list[part.Document], cls: str) -> list[str]:
    return [s.text for d in docs if d.delivery in ("plain", "fence") for s in d.secrets if s.cls == cls]


def test_digest_is_pinned_and_stable(docs: list[part.Document]) -> None:
    assert part.corpus_digest(docs) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_offsets_point_at_labels(docs: list[part.Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_counts_and_shape(docs: list[part.Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    assert len(part.SETTINGS) == 12 and len(set(part.SETTINGS)) == 12
    assert 40 <= len(part.CLASSES) <= 50
    assert part.VENDOR_CLASSES <= part.CLASSES and len(part.VENDOR_CLASSES) >= 12
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS)
    assert min(per_setting.values()) >= 20
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == set(part.CLASSES)
    assert min(per_class.values()) >= 3
    assert sum(n for c, n in per_class.items() if c in part.VENDOR_CLASSES) >= 60
    assert len({d.name for d in docs}) == len(docs)
    assert part.DEFAULT_SEED == 20261239


def test_every_delivery_used(docs: list[part.Document]) -> None:
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert {d.delivery for d in docs} == set(part.DELIVERIES)
    for d in docs:
        if d.delivery == "json":
            line = json.loads(d.text)
            assert line["type"] == "tool_result" and isinstance(line["content"], str)
        elif d.delivery == "diff":
            assert d.text.startswith("diff --git ") and "\n@@ -0,0 +1," in d.text
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.endswith("```\n")
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", ln) for ln in d.text.splitlines())
        elif d.delivery == "numbered":
            assert all(re.match(r"( {0,5}\d+\u2192|\d+\t)", ln) for ln in d.text.splitlines())


def test_json_delivery_labels_are_escaped(docs: list[part.Document]) -> None:
    escaped = [s for d in docs if d.delivery == "json" for s in d.secrets if "\\" in s.text]
    assert escaped, "some labels in JSON lines hold an escape"
    for d in docs:
        if d.delivery == "json":
            content = json.loads(d.text)["content"]
            for s in d.secrets:
                assert json.loads('"' + s.text + '"') in content


def test_checksum_tokens() -> None:
    r = random.Random(7)
    for prefix in ("ghp_", "npm_"):
        token = part.crc_token(r, prefix)
        assert len(token) == len(prefix) + 36 and part.crc_token_valid(token, prefix)
        assert not part.crc_token_valid(token[:-1] + ("A" if token[-1] != "A" else "B"), prefix)


def test_fakes_valid_for_their_format(docs: list[part.Document]) -> None:
    for t in _plain_values(docs, "github-pat"):
        assert part.crc_token_valid(t, "ghp_")
    for t in _plain_values(docs, "npm-token"):
        assert part.crc_token_valid(t, "npm_")
    for t in _plain_values(docs, "card-number"):
        assert part.luhn_ok(t) and t[0] in "2345" and t != "4242" * 4
    for t in _plain_values(docs, "iban"):
        assert part.iban_ok(t)
    for t in _plain_values(docs, "ssn"):
        assert part.ssn_ok(t)
    for t in _plain_values(docs, "aws-access-key"):
        assert re.fullmatch(r"AKIA[A-Z2-7]{16}", t)
    for t in _plain_values(docs, "jwt"):
        head, body, sig = t.split(".")
        assert json.loads(base64.urlsafe_b64decode(head + "==="))["typ"] == "JWT"
        assert "exp" in json.loads(base64.urlsafe_b64decode(body + "==="))
        assert len(base64.urlsafe_b64decode(sig + "===")) == 32
    for t in _plain_values(docs, "pypi-token"):
        assert b"pypi.org" in base64.urlsafe_b64decode(t[5:] + "===")
    for t in _plain_values(docs, "mapbox-secret"):
        assert t.startswith("sk.") and "u" in json.loads(base64.urlsafe_b64decode(t.split(".")[1] + "==="))
    for t in _plain_values(docs, "cisco-type7"):
        assert (
            part.cisco7_decode(t).isprintable() and part.cisco7_encode(part.cisco7_decode(t), int(t[:2])) == t
        )
    for t in _plain_values(docs, "azure-storage-key"):
        assert len(base64.b64decode(t)) == 64
    for cls in ("registry-auth", "basic-auth"):
        for t in _plain_values(docs, cls):
            assert b":" in base64.b64decode(t)
    for t in _plain_values(docs, "private-key"):
        der = base64.b64decode(t.replace("\\n", "").replace("\n", ""))
        assert der.startswith(b"openssh-key-v1\x00") or der[0] == 0x30
    for t in _plain_values(docs, "password-hash"):
        assert re.fullmatch(r"\$(2b\$12\$[./A-Za-z0-9]{53}|9\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43})", t)
    for t in _plain_values(docs, "slack-bot-token"):
        assert re.fullmatch(r"xoxb-\d{11}-\d{13}-[A-Za-z0-9]{24}", t)
    for t in _plain_values(docs, "gcp-key-id"):
        assert re.fullmatch(r"[0-9a-f]{40}", t)


def test_look_alike_keeps_fail_their_checks(docs: list[part.Document]) -> None:
    ibans = [k.text for d in docs for k in d.keeps if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}", k.text)]
    assert ibans and not any(part.iban_ok(t) for t in ibans)
    card_ids = [k.text for d in docs for k in d.keeps if re.fullmatch(r"\d{16}", k.text)]
    assert card_ids and all(part.luhn_ok(t) for t in card_ids)


def test_fake_generators_directly() -> None:
    r = random.Random(11)
    for _ in range(200):
        assert part.iban_ok(part.fake_iban(r)) and not part.iban_ok(part.broken_iban(r))
        assert part.luhn_ok(part.fake_card(r)) and part.ssn_ok(part.fake_ssn(r))
    lines, public = part.fake_openssh_body(r, "x@y")
    assert base64.b64decode("".join(lines)).startswith(b"openssh-key-v1\x00")
    assert public.startswith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5")
    with pytest.raises(binascii.Error):
        base64.b64decode("A", validate=True)


def test_measure_identity_and_perfect(docs: list[part.Document]) -> None:
    same = part.measure_documents(docs, lambda t: t)
    assert set(same) == {
        "secrets",
        "recall",
        "recall_no_fragment",
        "vendor_prefix_recall",
        "keep_rate",
        "spans",
    }
    assert same["recall"] == 0.0 and same["vendor_prefix_recall"] == 0.0 and same["keep_rate"] == 1.0
    assert same["secrets"] == sum(len(d.secrets) for d in docs)
    assert same["spans"] == sum(len(d.keeps) for d in docs)
    perfect = part.measure_documents(docs, _blank_all(docs))
    assert perfect["recall"] == 1.0 and perfect["recall_no_fragment"] == 1.0
    assert perfect["vendor_prefix_recall"] == 1.0 and perfect["keep_rate"] == 1.0
    wiped = part.measure_documents(docs, lambda t: "")
    assert wiped["recall"] == 1.0 and wiped["keep_rate"] == 0.0


def test_fragment_counts_against_recall_no_fragment(docs: list[part.Document]) -> None:
    blank = _blank_all(docs)
    texts = sorted({s.text for d in docs for s in d.secrets}, key=len, reverse=True)

    def leaky(text: str) -> str:
        for t in texts:
            text = text.replace(t, t[: len(t) // 2] + "[REDACTED]")
        return text

    m = part.measure_documents(docs, leaky)
    assert m["recall"] == 1.0 and m["recall_no_fragment"] < 0.5
    one = docs[0]
    target = one.secrets[0].text

    def leaves_one_tail(text: str) -> str:
        return blank(text).replace("[REDACTED]", target[-7:], 1) if target in text else blank(text)

    m1 = part.measure_documents([one], leaves_one_tail)
    assert m1["recall"] == 1.0
    assert m1["recall_no_fragment"] == pytest.approx(1 - 1 / len(one.secrets))


def test_keep_lost_counts(docs: list[part.Document]) -> None:
    d = next(d for d in docs if d.keeps)
    m = part.measure_documents([d], lambda t: t.replace(d.keeps[0].text, "[REDACTED]"))
    assert m["keep_rate"] < 1.0


def test_no_client_actors_import_at_module_level() -> None:
    tree = ast.parse(_SOURCES[0].read_text())
    for node in tree.body:
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("client_actors") for a in node.names)
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("client_actors")
    inner = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("client_actors")
    ]
    assert len(inner) == 1


_SCANNER_PATTERNS = (
    r"AKIA[0-9A-Z]{16}",
    r"gh[pousr]_[A-Za-z0-9]{36}",
    r"glpat-[A-Za-z0-9_-]{20}",
    r"xox[abposr]-[0-9]{6,}",
    r"sk_live_[0-9A-Za-z]{16,}",
    r"whsec_[0-9A-Za-z]{20,}",
    r"SG\.[\w-]{22}\.[\w-]{43}",
    r"AIza[0-9A-Za-z_-]{35}",
    r"sk-(proj|ant)-[\w-]{20,}",
    r"npm_[A-Za-z0-9]{36}",
    r"pypi-AgEI[\w-]{20,}",
    r"shpat_[0-9a-f]{32}",
    r"dop_v1_[0-9a-f]{64}",
    r"hvs\.[\w-]{24,}",
    r"EAAA[\w-]{40,}",
    r"PMAK-[0-9a-f]{24}",
    r"hf_[A-Za-z]{30,}",
    r"eyJ[A-Za-z0-9_-]{10,}\.",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    r"\b\d{3}-\d{2}-\d{4}\b",
    r"\b\d{13,19}\b",
    r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b",
    r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}",
)


_ROLES = frozenset({"deploy", "edi_submit", "noreply", "support", "git"})


def test_no_scanner_flagged_literal_in_sources() -> None:
    for path in _SOURCES:
        source = path.read_text()
        for pattern in _SCANNER_PATTERNS:
            assert not re.search(pattern, source), (path.name, pattern)
        for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", source):
            local, domain = address.split("@", 1)
            assert domain.startswith("example.") or domain == "github.com" or local in _ROLES, address
