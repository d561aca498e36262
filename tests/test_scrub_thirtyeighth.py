"""The thirty-eighth held-back scrub corpus part, checked with stand-in scrubbers only (never the real one)."""

from __future__ import annotations

import ast
import base64
import collections
import ipaddress
import json
import re
import string
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.scrubcorpus import thirtyeighth as part

KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
DOC_NETS = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")]
PINNED_DIGEST = "4dbe9aa0660578586b02cb4cdc6a85405f94d8925041ba8499dd2019187363e9"
MODULE = Path(part.__file__)
HERE = Path(__file__)
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_MARK = "PRIV" + "ATE KEY"


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _raw(doc: part.Document, text: str) -> str:
    """A label's value as it was before its delivery escaped or prefixed it."""
    if doc.delivery == "json":
        return str(json.loads(f'"{text}"'))
    return text.replace("\n+", "\n") if doc.delivery == "diff" else text


def _values(docs: list[part.Document], cls: str) -> list[str]:
    return [_raw(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _luhn(number: str) -> bool:
    digits = [int(c) for c in reversed(number)]
    return sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits)) % 10 == 0


def _bech32_ok(text: str) -> bool:
    hrp, _, data = text.lower().rpartition("1")
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + [_BECH32.index(c) for c in data]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    return chk == 1


def _nkey_ok(text: str) -> bool:
    raw = base64.b32decode(text + "=" * (-len(text) % 8))
    crc = 0
    for byte in raw[:-2]:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return int.from_bytes(raw[-2:], "little") == crc


def _scrub_with(table: dict[str, str]) -> Callable[[str], str]:
    keys = sorted(table, key=len, reverse=True)

    def scrub(text: str) -> str:
        for key in keys:
            text = text.replace(key, table[key])
        return text

    return scrub


def test_digest_is_pinned_and_stable(docs: list[part.Document]) -> None:
    assert part.corpus_digest(docs) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != PINNED_DIGEST
    assert part.DEFAULT_SEED == 20261238


def test_offsets_point_at_labels(docs: list[part.Document]) -> None:
    for doc in docs:
        labels = [(s.text, s.offset) for s in doc.secrets] + [(k.text, k.offset) for k in doc.keeps]
        assert all(doc.text[o : o + len(t)] == t for t, o in labels), doc.name


def test_counts_and_shape(docs: list[part.Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340 and 450 <= len(secrets) <= 560 and 420 <= len(keeps) <= 560
    assert len(part.SETTINGS) == 12 and 40 <= len(part.CLASSES) <= 50
    assert len(part.VENDOR_CLASSES) >= 12 and part.VENDOR_CLASSES <= part.CLASSES
    assert len({d.name for d in docs}) == len(docs)
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == set(part.CLASSES) and min(per_class.values()) >= 3
    assert sum(n for c, n in per_class.items() if c in part.VENDOR_CLASSES) >= 60


def test_every_delivery_is_used_as_described(docs: list[part.Document]) -> None:
    by: dict[str, list[part.Document]] = collections.defaultdict(list)
    for doc in docs:
        by[doc.delivery].append(doc)
    assert set(by) == set(part.DELIVERIES) and min(len(v) for v in by.values()) >= 30
    for doc in by["json"]:
        line = json.loads(doc.text)
        assert line["type"] == "tool_result" and isinstance(line["content"], str)
    for doc in by["diff"]:
        head, _, body = doc.text.partition("@@\n")
        assert head.startswith("diff --git a/") and all(x.startswith("+") for x in body.splitlines())
    for doc in by["numbered"]:
        assert all(re.match(r"( *\d+\u2192|\d+\t)", x) for x in doc.text.splitlines())
    for doc in by["cilog"]:
        assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", x) for x in doc.text.splitlines())
    for doc in by["fence"]:
        assert "\n```" in doc.text and doc.text.endswith("```\n")


def test_fakes_hold_their_formats(docs: list[part.Document]) -> None:
    for card in _values(docs, "credit-card"):
        digits = re.sub(r"[ -]", "", card)
        assert _luhn(digits) and len(digits) in (15, 16) and digits != "4242" * 4
    for iban in _values(docs, "iban"):
        compact = iban.replace(" ", "")
        length = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "IE": 22, "CH": 21}[compact[:2]]
        assert (
            len(compact) == length
            and int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1
        )
    for token in _values(docs, "github-token") + _values(docs, "npm-token"):
        body, check = token[4:34], token[34:]
        n, out = zlib.crc32(body.encode()), ""
        while n:
            n, r = divmod(n, 62)
            out = _B62[r] + out
        assert len(token) == 40 and check == out.rjust(6, "0")
    for jwt in _values(docs, "jwt"):
        head, body, sig = jwt.split(".")
        assert json.loads(base64.urlsafe_b64decode(head + "==="))["typ"] == "JWT"
        assert isinstance(json.loads(base64.urlsafe_b64decode(body + "===")), dict) and len(sig) == 43
    for ssn in _values(docs, "ssn"):
        digits = ssn.replace("-", "")
        area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        assert len(digits) == 9 and 0 < area < 900 and area != 666 and group > 0 and serial > 0
    assert all(_bech32_ok(k) and k.startswith("AGE-SECRET-KEY-1") for k in _values(docs, "age-secret-key"))
    assert all(_nkey_ok(k) and k.startswith("SU") and len(k) == 58 for k in _values(docs, "nats-seed"))
    for body in _values(docs, "private-key-pem"):
        body = body.replace("\\n", "\n")
        kind = "EC " if body.startswith("MHcCAQEE") else ""
        pem = f"-----BEGIN {kind}{_MARK}-----\n{body}\n-----END {kind}{_MARK}-----\n"
        assert serialization.load_pem_private_key(pem.encode(), password=None) is not None
    for body in _values(docs, "openssh-private-key"):
        blob = base64.b64decode(body.replace("\n", ""))
        assert blob.startswith(b"openssh-key-v1\x00") and b"ssh-ed25519" in blob
    for creds in _values(docs, "basic-auth"):
        assert ":" in base64.b64decode(creds).decode()
    for ip in _values(docs, "ip-address"):
        addr = ipaddress.ip_address(ip)
        assert not (addr.is_loopback or addr.is_reserved or addr.is_multicast or addr.is_link_local)
        assert not any(addr in net for net in DOC_NETS)
    checks = {
        "aws-access-key-id": r"AKIA[A-Z2-7]{16}", "slack-bot-token": r"xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}",
        "stripe-secret-key": r"sk_live_[A-Za-z0-9]{24,99}", "stripe-webhook-secret": r"whsec_[A-Za-z0-9]{32}",
        "google-api-key": r"AIza[\w-]{35}", "sendgrid-api-key": r"SG\.[\w-]{22}\.[\w-]{43}",
        "ttn-api-key": r"NNSXS\.[A-Z2-7]{39}\.[A-Z2-7]{52}", "telegram-bot-token": r"\d{9,10}:AA[\w-]{33}",
        "openai-api-key": r"sk-proj-[\w-]{74}T3BlbkFJ[\w-]{74}", "anthropic-api-key": r"sk-ant-api03-[\w-]{93}AA",
        "gcp-key-id": r"[0-9a-f]{40}", "lorawan-key": r"[0-9a-fA-F]{32}", "totp-seed": r"[A-Z2-7]{32}",
        "password-hash": r"\$2[by]\$1[0-2]\$[./A-Za-z0-9]{53}|\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}|pbkdf2_.+",
        "mapbox-secret-token": r"sk\.eyJ[\w-]+\.[\w-]{22}", "digitalocean-token": r"dop_v1_[0-9a-f]{64}",
    }  # fmt: skip
    for cls, pattern in checks.items():
        assert all(re.fullmatch(pattern, v) for v in _values(docs, cls)), cls
    for value in _values(docs, "email"):
        assert not re.search(r"example\.(com|org|net)$|\.test$|\.invalid$|localhost$", value)


def test_keeps_that_have_a_format_hold_it(docs: list[part.Document]) -> None:
    keeps = [_raw(d, k.text) for d in docs for k in d.keeps]
    assert all(_nkey_ok(k) for k in keeps if re.fullmatch(r"U[A-Z2-7]{55}", k))
    assert all(_bech32_ok(k) for k in keeps if k.startswith("age1"))
    assert any(k.startswith("pk_live_") for k in keeps) and any(k.endswith("EXAMPLE") for k in keeps)
    assert all(_luhn(k) for k in keeps if re.fullmatch(r"\d{15,16}", k))


def test_measure_with_stand_ins(docs: list[part.Document]) -> None:
    n_secrets = sum(len(d.secrets) for d in docs)
    n_keeps = sum(len(d.keeps) for d in docs)
    identity = part.measure_documents(docs, lambda t: t)
    assert set(identity) == KEYS
    assert identity["recall"] == identity["recall_no_fragment"] == identity["vendor_prefix_recall"] == 0.0
    assert identity["keep_rate"] == 1.0 and identity["secrets"] == n_secrets and identity["spans"] == n_keeps
    texts = {s.text for d in docs for s in d.secrets}
    perfect = part.measure_documents(docs, _scrub_with({t: "[REDACTED]" for t in texts}))
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0
    cut = {t: t[: min(8, len(t) - 1)] + "[REDACTED]" for t in texts}  # the first characters are left behind
    fragments = part.measure_documents(docs, _scrub_with(cut))
    assert fragments["recall"] == 1.0 and fragments["recall_no_fragment"] < 0.5
    vendor = {s.text for d in docs for s in d.secrets if s.cls in part.VENDOR_CLASSES}
    only_vendor = part.measure_documents(docs, _scrub_with({t: "[REDACTED]" for t in vendor}))
    assert only_vendor["vendor_prefix_recall"] == 1.0 and only_vendor["recall"] < 0.5
    greedy = part.measure_documents(docs, lambda t: re.sub(r"\d+\.\d+\.\d+\.\d+", "[IP]", t))
    assert greedy["keep_rate"] < 1.0


def test_real_scrubber_is_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(MODULE.read_text())
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in inside:
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            assert not any(n.startswith("client_actors") for n in names)
    held = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    assert any(isinstance(n, ast.ImportFrom) and n.module == "client_actors.scrub" for n in ast.walk(held))


def test_no_scanner_flagged_literal_in_sources() -> None:
    patterns = [
        r"gh[pousr]_[A-Za-z0-9]{36}", r"npm_[A-Za-z0-9]{36}", r"AKIA[A-Z2-7]{16}", r"xox[abpr]-\d+-",
        r"[rs]k_live_[A-Za-z0-9]{16}", r"AIza[\w-]{35}", r"SG\.[\w-]{22}\.", r"glpat-[\w-]{20}", r"hf_[A-Za-z]{30}",
        r"eyJ[\w-]{10,}\.eyJ", r"hooks\.slack\.com/services/T[A-Z0-9]", r"\b\d{3}-\d{2}-\d{4}\b", r"NNSXS\.[A-Z2-7]",
        r"AGE-SECRET-KEY-1[0-9A-Z]", r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{20}", r"sk-(ant|proj)-[\w-]{20}",
        r"[A-Za-z0-9._%+-]+@(?!example\.|localhost)[A-Za-z0-9-]+\.(com|org|net|io)\b",
    ]  # fmt: skip
    for path in (MODULE, HERE):
        source = path.read_text()
        assert _MARK not in source, path.name
        for pattern in patterns:
            found = [m.group(0) for m in re.finditer(pattern, source)]
            assert all(f.split("@")[0] in ("noreply", "git", "webmaster") for f in found), pattern
        for run in re.findall(r"\d{13,19}", source):
            assert not _luhn(run), path.name
        for run in re.findall(r"[A-Za-z0-9+/_-]{32,}", source):
            assert not (re.search("[A-Z]", run) and re.search("[a-z]", run) and re.search("[0-9]", run)), run
