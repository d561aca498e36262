"""The thirty-seventh held-back scrub corpus part checked on its own, with stand-in scrub functions only."""

from __future__ import annotations

import ast
import base64
import collections
import itertools
import json
import re
import string
import uuid
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from tests.scrubcorpus import thirtyseventh as part

PINNED_DIGEST = "b8b5a7a10f013f615c8f260c927eda0e4d08ff7c6f024b20eadad97b2aaef959"
MODULE_PATH, THIS_PATH = Path(part.__file__), Path(__file__)
Scrub = Callable[[str], str]
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


@cache
def corpus() -> tuple[part.Document, ...]:
    return tuple(part.build_corpus())


def plain(doc: part.Document, text: str) -> str:
    """A label's value as written, undoing the JSON delivery's escaping."""
    return str(json.loads(f'"{text}"')) if doc.delivery == "json" else text


def values(cls: str) -> list[str]:
    return [plain(d, s.text) for d in corpus() for s in d.secrets if s.cls == cls]


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = sum((d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d for i, d in enumerate(reversed(digits)))
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1


def b64_any(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pem_der(pem: str) -> bytes:
    lines = pem.replace("\\n", "\n").strip().splitlines()
    return base64.b64decode("".join(lines[1:-1]))


def stand_in(replace: Scrub, only: Callable[[part.Secret], bool] = lambda s: True) -> Scrub:
    """A scrub that knows the labels: each labelled text (and its masked twin) maps to its secrets' texts."""
    known: dict[str, list[str]] = {}
    for doc in corpus():
        texts = sorted({s.text for s in doc.secrets if only(s)}, key=len, reverse=True)
        masked = list(doc.text)
        for s in doc.secrets:
            masked[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
        known[doc.text] = known["".join(masked)] = texts

    def scrub(text: str) -> str:
        for secret in known.get(text, []):
            text = text.replace(secret, replace(secret))
        return text

    return scrub


def test_digest_is_pinned_and_stable() -> None:
    digest = part.corpus_digest(corpus())
    assert digest == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == digest
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != digest
    for seed in (1, 2, 3):
        docs = part.build_corpus(seed)
        assert len(docs) == len(corpus())
        assert all(d.text[s.offset : s.offset + len(s.text)] == s.text for d in docs for s in d.secrets)


def test_shape_and_counts() -> None:
    docs = corpus()
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert part.DEFAULT_SEED == 20261237
    assert len(part.SETTINGS) == len(set(part.SETTINGS)) == 12
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    assert 40 <= len(part.CLASSES) <= 50
    assert len(part.VENDOR_CLASSES) >= 12 and part.VENDOR_CLASSES <= part.CLASSES
    assert sum(s.cls in part.VENDOR_CLASSES for s in secrets) >= 60
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == part.CLASSES
    assert min(per_class.values()) >= 3
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    assert set(collections.Counter(d.delivery for d in docs)) == set(part.DELIVERIES)
    assert len({d.name for d in docs}) == len(docs)


def test_offsets_point_at_the_labels_and_do_not_overlap() -> None:
    for doc in corpus():
        spans = []
        labels: list[part.Secret | part.Keep] = [*doc.secrets, *doc.keeps]
        for label in labels:
            assert label.text and doc.text[label.offset : label.offset + len(label.text)] == label.text
            spans.append((label.offset, label.offset + len(label.text)))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), doc.name
        for s in doc.secrets:
            assert not any(s.text in k.text or k.text in s.text for k in doc.keeps), doc.name


def test_deliveries_wrap_the_text() -> None:
    for doc in corpus():
        if doc.delivery == "json":
            record = json.loads(doc.text)
            assert record["type"] == "tool_result" and isinstance(record["content"], str)
        elif doc.delivery == "diff":
            head, _, body = doc.text.partition("@@\n")
            assert head.startswith("diff --git ") and all(line.startswith("+") for line in body.splitlines())
        elif doc.delivery == "numbered":
            assert all(re.match(r"^( *\d+\u2192|\d+\t)", line) for line in doc.text.splitlines())
        elif doc.delivery == "cilog":
            assert all(re.match(r"^2026-05-11T[\d:]{8}\.\d{7}Z ", x) for x in doc.text.splitlines())
        elif doc.delivery == "fence":
            assert doc.text.startswith("```") and doc.text.endswith("\n```\n")


def test_checksummed_and_laid_out_fakes() -> None:
    for token in values("github-token") + values("npm-token"):
        body, num = token[4:-6], 0
        for ch in token[-6:]:
            num = num * 62 + B62.index(ch)
        assert num == zlib.crc32(body.encode())
    assert all(luhn_ok(v) for v in values("card-number"))
    assert all(iban_ok(v) for v in values("iban"))
    for v in (v.replace("-", "") for v in values("ssn")):
        assert len(v) == 9 and 0 < int(v[:3]) < 900 and v[:3] != "666" and int(v[3:5]) and int(v[5:])
    for v in values("jwt"):
        head, body, _ = v.split(".")
        assert json.loads(b64_any(head))["typ"] == "JWT" and "exp" in json.loads(b64_any(body))
    assert all(re.fullmatch(r"AKIA[A-Z2-7]{16}", v) for v in values("aws-access-key"))
    assert all(len(v) == 40 for v in values("aws-secret-key"))
    for v in values("wireguard-private-key"):
        key = base64.b64decode(v)
        assert len(key) == 32 and key[0] & 7 == 0 and key[31] & 0xC0 == 0x40
    assert all(pem_der(v).startswith(b"openssh-key-v1\0") for v in values("openssh-private-key"))
    for v in values("private-key"):
        der, rsa, ec = pem_der(v), bytes.fromhex("2a864886f70d010101"), bytes.fromhex("2a8648ce3d030107")
        assert der[0] == 0x30 and (rsa in der or ec in der)
    assert all(uuid.UUID(v[len("access-production-") :]).version == 4 for v in values("plaid-access-token"))
    assert all(json.loads(b64_any(v.split(".")[1]))["u"] for v in values("mapbox-secret-token"))
    assert all(re.fullmatch(r"\d{9,10}:AA[\w-]{33}", v) for v in values("telegram-bot-token"))
    assert all(re.fullmatch(r"xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}", v) for v in values("slack-token"))
    marker = base64.b64encode(b"OpenAI").decode()
    assert all(v.startswith("sk-") and marker in v for v in values("openai-key"))
    assert all(re.fullmatch(r"VF\.DM\.[0-9a-f]{24}\.[A-Za-z0-9]{16}", v) for v in values("voiceflow-key"))
    assert all(len(base64.b64decode(v)) == 32 for v in values("encryption-key"))


def test_look_alikes_fail_their_checks_and_test_cards_pass() -> None:
    keeps = [plain(d, k.text) for d in corpus() for k in d.keeps]
    iban_like = [k for k in keeps if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{12,30}", k)]
    assert iban_like and not any(iban_ok(k) for k in iban_like)
    cards = [k for k in keeps if re.fullmatch(r"[\d ]{15,19}", k)]
    assert cards and all(luhn_ok(k) for k in cards)
    text = "\n".join(d.text for d in corpus())
    imos, deas = re.findall(r"IMO (\d{7})", text), re.findall(r",([ABFG][A-Z]\d{7}),", text)
    abas = re.findall(r'routing_number: \\?"(\d{9})', text)
    assert imos and deas and abas
    for imo in imos:
        assert sum(int(d) * (7 - i) for i, d in enumerate(imo[:6])) % 10 == int(imo[6])
    for dea in deas:
        d = [int(c) for c in dea[2:]]
        assert (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
    for aba in abas:
        d = [int(c) for c in aba]
        assert (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def test_identity_scores_zero_and_a_perfect_stand_in_one() -> None:
    result = part.measure_documents(corpus(), lambda t: t)
    assert set(result) == KEYS
    assert result["recall"] == result["recall_no_fragment"] == result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0, "a keep in a text scrubbed by nothing is kept"
    assert result["secrets"] == sum(len(d.secrets) for d in corpus())
    assert result["spans"] == sum(len(d.keeps) for d in corpus())
    result = part.measure_documents(corpus(), stand_in(lambda s: "[REDACTED]"))
    assert result["recall"] == result["recall_no_fragment"] == result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_fragments_and_lost_keeps_count_against() -> None:
    fragment = stand_in(lambda s: s[:8] + "[REDACTED]" if len(s) >= 12 else "[REDACTED]")
    result = part.measure_documents(corpus(), fragment)
    assert result["recall"] == 1.0 and result["recall_no_fragment"] < 0.9
    vendor = stand_in(lambda s: "", lambda s: s.cls in part.VENDOR_CLASSES)
    vendor_only = part.measure_documents(corpus(), vendor)
    assert vendor_only["vendor_prefix_recall"] == 1.0 and 0.0 < vendor_only["recall"] < 0.5
    secret = part.Secret("api-key", "abcdefghijkl", 4)
    doc = part.Document("hand/00", "makerspaces", "plain", "key=abcdefghijkl; see abcdef\n", (secret,), ())
    leaves = part.measure_documents([doc], lambda t: t.replace("abcdefghijkl", "abcdefg[X]"))
    assert leaves["recall"] == 1.0 and leaves["recall_no_fragment"] == 0.0
    common = part.measure_documents([doc], lambda t: t.replace("abcdefghijkl", "abcdef[X]"))
    assert common["recall_no_fragment"] == 1.0
    kept = part.Document(
        "hand/01", "makerspaces", "plain", "127.0.0.1 127.0.0.1\n", (), (part.Keep("127.0.0.1", 0),)
    )
    assert part.measure_documents([kept], lambda t: t.replace("127.0.0.1", "[IP]", 1))["keep_rate"] == 0.0


def test_the_scrubber_is_imported_only_inside_measure_held_back() -> None:
    tree = ast.parse(MODULE_PATH.read_text())
    held = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    assert [n.module for n in ast.walk(held) if isinstance(n, ast.ImportFrom)] == ["client_actors.scrub"]
    outside = [n for n in tree.body if n is not held] + [ast.parse(THIS_PATH.read_text())]
    for node in (inner for top in outside for inner in ast.walk(top)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            assert not any(name.startswith(("client_actors", "groove_actors")) for name in names)


# What secret scanners look for: vendor layouts, key markers, JWTs, crypt hashes, SSNs and personal addresses.
SCANNER = re.compile(
    r"AKIA[A-Z2-7]{16}|gh[pousr]_[A-Za-z0-9]{36}|npm_[A-Za-z0-9]{36}|glpat-[\w-]{20}|xox[abposr]-\d"
    r"|[spr]k_live_[A-Za-z0-9]{16}|whsec_[A-Za-z0-9]{20}|AIza[\w-]{35}|T3Blbk[F]J|sk-ant-api\d\d-"
    r"|SG\.[\w-]{22}\.[\w-]{43}|\bSK[0-9a-f]{32}\b|hf_[A-Za-z]{30}|[sp]k\.eyJ[\w-]{10}|EAAA[\w-]{30}"
    r"|access-production-[0-9a-f]{8}|shpat_[0-9a-f]{32}|\d{8,10}:AA[\w-]{33}|VF\.DM\.[0-9a-f]{24}"
    r"|bp_pat_[A-Za-z0-9]{20}|ph[cx]_[A-Za-z0-9]{40}|PRIVATE\x20KEY-{5}|eyJ[\w-]{10,}\.eyJ"
    r"|\$2[aby]\$\d\d\$|\$6\$[./\w]{8}|pbkdf2_sha256\$\d+\$\w|\b\d{3}-\d{2}-\d{4}\b"
    r"|[\w.%+-]+@(?!example\.|github\.com)[a-z0-9-]+\.[a-z]{2,}"
)


def test_no_literal_a_scanner_would_flag() -> None:
    for path in (MODULE_PATH, THIS_PATH):
        source = path.read_text()
        assert not SCANNER.search(source), (path.name, SCANNER.findall(source))
        for run in re.findall(r"\d{13,19}", source):
            assert not luhn_ok(run), (path.name, "a Luhn-valid digit run")
        for run in re.findall(r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b", source):
            assert not iban_ok(run), (path.name, "a valid IBAN")
