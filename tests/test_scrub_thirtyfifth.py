"""The thirty-fifth held-back scrub corpus checked on its own, with stand-in scrub functions only."""

from __future__ import annotations

import ast
import base64
import collections
import ipaddress
import itertools
import json
import re
import string
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtyfifth as part

PINNED_DIGEST = "ae54fb54ea7098a35e963954216f04c6824d9526c407581459bd6702a383f8b1"
_SOURCES = (Path(part.__file__), Path(__file__))
_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
_SHAPES = {
    "ssn": r"(?!000|666|9\d\d)\d{3}([- ]?)(?!00)\d\d\1(?!0000)\d{4}", "aws-access-key": r"AKIA[A-Z2-7]{16}",
    "aws-secret-key": r"[A-Za-z0-9+/]{40}", "gitlab-token": r"glpat-[\w-]{20}", "gcp-key-id": r"[0-9a-f]{40}",
    "slack-token": r"xoxb-\d{11}-\d{13}-[A-Za-z0-9]{24}", "twilio-auth-token": r"[0-9a-f]{32}",
    "slack-webhook": r"T[A-Z0-9]{10}/B[A-Z0-9]{10}/[A-Za-z0-9]{24}", "recovery-code": r"[0-9a-f]{5}-[0-9a-f]{5}",
    "stripe-secret-key": r"[sr]k_live_[A-Za-z0-9]{24,99}", "stripe-webhook-secret": r"whsec_[A-Za-z0-9]{32}",
    "sendgrid-key": r"SG\.[\w-]{22}\.[\w-]{43}", "anthropic-key": r"sk-ant-api03-[\w-]{93}AA",
    "google-api-key": r"AIza[\w-]{35}", "shopify-token": r"shpat_[0-9a-f]{32}",
    "digitalocean-token": r"dop_v1_[0-9a-f]{64}", "huggingface-token": r"hf_[A-Za-z]{34}",
    "square-token": r"EAAA(?!x{8})[\w-]{60}", "telegram-bot-token": r"\d{9,10}:AA[\w-]{33}",
    "posthog-personal-key": r"phx_[A-Za-z0-9]{43}", "password-hash": r"(pbkdf2_sha256\$\d+\$|\$2y\$\d\d\$|\$9\$).+",
}  # fmt: skip
_FLAGGED_SHAPES = (
    r"AKIA[0-9A-Z]{16}", r"gh[pousr]_[A-Za-z0-9]{30,}", r"glpat-[\w-]{20}", r"xox[abpr]-\d", r"[sr]k_live_\w{10}",
    r"whsec_\w{10}", r"SG\.[\w-]{22}\.", r"sk-(proj|ant-api03)-[\w-]{20}", r"AIza[\w-]{35}", r"shpat_[0-9a-f]{10}",
    r"dop_v1_[0-9a-f]{10}", r"hf_[A-Za-z]{30}", r"EAAA[\w-]{20}", r"pypi-AgE[\w-]{20}", r"npm_[A-Za-z0-9]{30}",
    r"ph[cx]_[A-Za-z0-9]{20}", r"eyJ[\w-]{10}", r"\d{8,10}:AA[\w-]{30}", r"sk\.eyJ", r"[\w-]{10}T3BlbkFJ",
    r"\$2[aby]\$\d\d\$", r"pbkdf2_sha256\$\d+\$\w", r"ssh-ed25519 AAAA[\w+/]{20}",
)  # fmt: skip
_FLAGGED = re.compile("|".join(_FLAGGED_SHAPES))


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _secrets(docs: list[part.Document], cls: str) -> list[str]:
    return [_raw(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _raw(doc: part.Document, text: str) -> str:
    """A label's value as written before delivery."""
    if doc.delivery == "json":
        return str(json.loads(f'"{text}"'))
    if doc.delivery == "diff":
        return text.replace("\n+", "\n")
    if doc.delivery == "numbered":
        return re.sub(r"\n *\d+(?:\u2192|\t)", "\n", text)
    if doc.delivery == "cilog":
        return re.sub(r"\n\d{4}-\d\d-\d\dT[\d:.]+Z ", "\n", text)
    return text


def _b64(text: str) -> bytes:
    body = text.replace("\\n", "").replace("\n", "")
    body += "=" * (-len(body) % 4)
    return base64.urlsafe_b64decode(body) if "-" in body or "_" in body else base64.b64decode(body)


def _ip(v: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(v)


def _luhn(digits: str) -> bool:
    total = sum(int(d) for d in digits[-1::-2]) + sum(sum(divmod(2 * int(d), 10)) for d in digits[-2::-2])
    return total % 10 == 0


def _iban(text: str) -> bool:
    s = text.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _crc_ok(token: str) -> bool:
    alphabet = string.digits + string.ascii_uppercase + string.ascii_lowercase
    body, check = token[4:34], token[34:]
    n, out = zlib.crc32(body.encode()), ""
    while n:
        n, d = divmod(n, 62)
        out = alphabet[d] + out
    return len(token) == 40 and check == out.rjust(6, "0")


def _der_ok(der: bytes) -> bool:
    if der[0] != 0x30:
        return False
    if der[1] < 0x80:
        return der[1] + 2 == len(der)
    width = der[1] & 0x7F
    return int.from_bytes(der[2 : 2 + width], "big") + 2 + width == len(der)


def test_digest_is_pinned_and_stable(docs: list[part.Document]) -> None:
    assert part.corpus_digest(docs) == part.corpus_digest(part.build_corpus())
    assert part.corpus_digest(docs) == PINNED_DIGEST


def test_another_seed_draws_other_values(docs: list[part.Document]) -> None:
    other = part.build_corpus(part.DEFAULT_SEED + 1)
    assert part.corpus_digest(other) != part.corpus_digest(docs)
    assert [d.name for d in other] == [d.name for d in docs]


def test_shape_and_counts(docs: list[part.Document]) -> None:
    assert part.DEFAULT_SEED == 20261235
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert len(part.SETTINGS) == len(set(part.SETTINGS)) == 12
    assert 40 <= len(part.CLASSES) <= 50 and len(part.VENDOR_CLASSES) >= 12
    assert part.VENDOR_CLASSES <= part.CLASSES
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340 and 450 <= len(secrets) <= 560 and 420 <= len(keeps) <= 560
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == set(part.CLASSES) and min(per_class.values()) >= 3
    assert sum(n for c, n in per_class.items() if c in part.VENDOR_CLASSES) >= 60
    assert len({d.name for d in docs}) == len(docs)


def test_offsets_point_at_the_labels(docs: list[part.Document]) -> None:
    for d in docs:
        spans = sorted(
            [(s.offset, len(s.text)) for s in d.secrets] + [(k.offset, len(k.text)) for k in d.keeps]
        )
        for (a, n), (b, _) in itertools.pairwise(spans):
            assert a + n <= b, d.name
        labels: list[part.Secret | part.Keep] = [*d.secrets, *d.keeps]
        for label in labels:
            assert label.text and d.text[label.offset : label.offset + len(label.text)] == label.text, d.name


def test_every_delivery_is_used_and_well_formed(docs: list[part.Document]) -> None:
    assert set(collections.Counter(d.delivery for d in docs)) == set(part.DELIVERIES)
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ")
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            line = json.loads(d.text)
            assert line["type"] == "tool_result" and isinstance(line["content"], str)
            for s in d.secrets:
                assert json.loads(f'"{s.text}"') in line["content"]
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git a/") and lines[5].startswith("@@ -0,0 +1,")
            assert all(x.startswith("+") for x in lines[6:])
        elif d.delivery == "numbered":
            assert all(re.match(r"( *\d+\u2192|\d+\t)", x) for x in lines)
        elif d.delivery == "cilog":
            assert all(stamp.match(x) for x in lines)
        elif d.delivery == "fence":
            assert lines[2].startswith("```") and lines[-1] == "```"


def test_fakes_are_valid_for_their_formats(docs: list[part.Document]) -> None:
    for cls, shape in _SHAPES.items():
        values = _secrets(docs, cls)
        assert values and all(re.fullmatch(shape, v) for v in values), cls
    checks: dict[str, Callable[[str], bool]] = {
        "card-number": lambda v: _luhn(v.replace(" ", "")) and v.replace(" ", "") != "4242" * 4,
        "iban": lambda v: _iban(v) and len(v.replace(" ", "")) in (16, 18, 20, 22),
        "github-token": lambda v: v.startswith("ghp_") and _crc_ok(v),
        "npm-token": lambda v: v.startswith("npm_") and _crc_ok(v),
        "openai-key": lambda v: v.startswith("sk-proj-") and base64.b64encode(b"OpenAI").decode() in v,
        "pypi-token": lambda v: v.startswith("pypi-") and _b64(v[5:]).startswith(b"\x02\x01\x08pypi.org"),
        "mapbox-secret-token": lambda v: v.startswith("sk.") and "u" in json.loads(_b64(v.split(".")[1])),
        "jwt": lambda v: (
            v.count(".") == 2 and all(isinstance(json.loads(_b64(p)), dict) for p in v.split(".")[:2])
        ),
        "private-key": lambda v: _der_ok(_b64(v)),
        "openssh-private-key": lambda v: _b64(v).startswith(b"openssh-key-v1\x00"),
        "wireguard-private-key": lambda v: len(k := _b64(v)) == 32 and k[0] & 7 == 0 and k[31] & 0xC0 == 0x40,
        "cisco-type7": lambda v: part.cisco7_decode(v).isprintable() and len(v) >= 18,
        "basic-auth": lambda v: b":" in base64.b64decode(v, validate=True),
        "azure-storage-key": lambda v: len(base64.b64decode(v, validate=True)) == 64,
        "private-ip": lambda v: _ip(v).is_private or _ip(v) in ipaddress.ip_network("100.64.0.0/10"),
        "public-ip": lambda v: _ip(v).is_global and v not in ("1.1.1.1", "8.8.8.8", "9.9.9.9"),
        "email": lambda v: re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) is not None and "example." not in v,
        "person-name": lambda v: all(w[:1].isupper() for w in re.split(r"[ ;]", v)),
    }
    for cls, check in checks.items():
        values = _secrets(docs, cls)
        assert values and all(check(v) for v in values), cls
    alphabet = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
    for v in _secrets(docs, "password-hash"):
        if v.startswith("$2y$"):  # 22 characters of salt and 31 of hash, their spare bits zero
            salt, digest = v[-53:-31], v[-31:]
            assert salt[-1] in ".Oeu" and alphabet.index(digest[-1]) % 4 == 0
    keeps = [_raw(d, k.text) for d in docs for k in d.keeps]
    assert " ".join(["4242"] * 4) in keeps and any(
        k.startswith("AKIA") and k.endswith("EXAMPLE") for k in keeps
    )
    assert any(re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]{12,30}", k) and not _iban(k) for k in keeps)
    assert any(re.fullmatch(r"\d{16}", k) and _luhn(k) for k in keeps)  # a card-shaped order id


def _stand_in(
    docs: list[part.Document], replace: Callable[[part.Secret], str | None]
) -> Callable[[str], str]:
    """A scrub function that knows the labels: each secret becomes what `replace` gives (None leaves it)."""
    table = {}
    for d in docs:
        text = d.text
        for s in sorted(d.secrets, key=lambda s: -s.offset):
            new = replace(s)
            if new is not None:
                text = text[: s.offset] + new + text[s.offset + len(s.text) :]
        table[d.text] = text
    return lambda t: table.get(t, t)


def test_measure_with_stand_ins(docs: list[part.Document]) -> None:
    n_secrets = sum(len(d.secrets) for d in docs)
    n_keeps = sum(len(d.keeps) for d in docs)
    same = part.measure_documents(docs, lambda t: t)
    assert set(same) == _KEYS
    assert same["secrets"] == n_secrets and same["spans"] == n_keeps
    assert same["recall"] == same["recall_no_fragment"] == same["vendor_prefix_recall"] == 0.0
    assert same["keep_rate"] == 1.0
    perfect = part.measure_documents(docs, _stand_in(docs, lambda s: "[REDACTED]"))
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0
    assert part.measure_documents(docs, lambda t: "")["keep_rate"] == 0.0


def test_a_fragment_left_counts_against_recall_no_fragment(docs: list[part.Document]) -> None:
    chopped = part.measure_documents(docs, _stand_in(docs, lambda s: s.text[:-1] + "\x00"))
    assert chopped["recall"] == 1.0 and chopped["recall_no_fragment"] < 0.1
    masked = part.measure_documents(docs, _stand_in(docs, lambda s: "x" * len(s.text)))
    assert masked["recall_no_fragment"] == 1.0
    vendors = _stand_in(docs, lambda s: "[REDACTED]" if s.cls in part.VENDOR_CLASSES else None)
    only = part.measure_documents(docs, vendors)
    assert only["vendor_prefix_recall"] == 1.0 and 0.0 < only["recall"] < 0.25


def test_the_module_never_imports_the_scrubber_at_import_time() -> None:
    tree = ast.parse(Path(part.__file__).read_text())
    for node in tree.body:
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("client_actors") for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("client_actors")
    held = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    inner = [n for n in ast.walk(held) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in inner] == [("client_actors.scrub", ["scrub_text"])]


def test_no_literal_a_secret_scanner_would_flag() -> None:
    marker = "PRIVATE" + " KEY"
    for path in _SOURCES:
        source = path.read_text()
        assert marker not in source, path
        found = _FLAGGED.search(source)
        assert found is None and re.search(r"-----BEGIN [A-Z ]*" + marker, source) is None, (path.name, found)
        for run in re.findall(r"(?<![\w\\])\d[\d -]{11,22}\d(?!\w)", source):
            digits = re.sub(r"\D", "", run)
            assert not (13 <= len(digits) <= 19 and _luhn(digits)), (path.name, run)
        for run in re.findall(r"[A-Za-z0-9+/_-]{24,}", source):
            mixed = re.search(r"[a-z]", run) and re.search(r"[A-Z]", run) and re.search(r"\d", run)
            assert not mixed, (path.name, run)
        for addr in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", source):
            assert re.search(r"@(example\.(com|org|net)|github\.com)$", addr), (path.name, addr)
        for ssn in re.findall(r"(?<!\d)\d{3}-\d\d-\d{4}(?!\d)", source):
            pytest.fail(f"{path.name}: {ssn}")
