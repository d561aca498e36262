"""The thirty-fourth held-back scrub corpus part, checked with stand-in scrubbers only (never the real one)."""

from __future__ import annotations

import ast
import base64
import importlib.util
import ipaddress
import itertools
import json
import re
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

PART_FILE = Path(__file__).parent / "scrubcorpus" / "thirtyfourth.py"

if TYPE_CHECKING:
    from tests.scrubcorpus import thirtyfourth as part
else:
    # Loaded by path, so that nothing else of the package (which may reach the scrubber) is imported.
    _spec = importlib.util.spec_from_file_location("tests.scrubcorpus.thirtyfourth", PART_FILE)
    if _spec.name in sys.modules:
        part = sys.modules[_spec.name]
    else:
        part = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(part)

CGNAT = ipaddress.ip_network("100.64.0.0/10")
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
MEASURE_KEYS = ("secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans")
PINNED_DIGEST = "5f5b8ab2181c35dabd642e012e0a97259a48120abf7dbf7544c53673b9b8015e"


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _plain(doc: part.Document, text: str) -> str:
    """A label's value as written before delivery (the JSON delivery escapes it)."""
    return str(json.loads(f'"{text}"')) if doc.delivery == "json" else text


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _b62(n: int) -> str:
    return (_b62(n // 62) if n >= 62 else "") + B62[n % 62]


def _iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def test_digest_pinned_stable_and_seeded(docs: list[part.Document]) -> None:
    assert part.corpus_digest(docs) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != PINNED_DIGEST
    assert part.DEFAULT_SEED == 20261234


def test_shape_and_counts(docs: list[part.Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert len(part.SETTINGS) == len(set(part.SETTINGS)) == 12
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert 300 <= len(docs) <= 340 and len({d.name for d in docs}) == len(docs)
    assert 450 <= len(secrets) <= 560 and 420 <= len(keeps) <= 560
    assert 40 <= len(part.CLASSES) <= 50
    assert len(part.VENDOR_CLASSES) >= 12 and part.VENDOR_CLASSES <= part.CLASSES
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    per_class = Counter(s.cls for s in secrets)
    assert set(per_class) == part.CLASSES and min(per_class.values()) >= 3
    assert sum(n for cls, n in per_class.items() if cls in part.VENDOR_CLASSES) >= 60
    assert all(d.secrets or d.keeps for d in docs)


def test_labels_sit_at_their_offsets(docs: list[part.Document]) -> None:
    for doc in docs:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in doc.secrets)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), doc.name
        masked = list(doc.text)
        for s in doc.secrets:
            assert s.text and doc.text[s.offset : s.offset + len(s.text)] == s.text, doc.name
            masked[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
        rest = "".join(masked)
        for s in doc.secrets:
            assert s.text not in rest, (doc.name, s.cls)  # no copy of a secret stands unlabelled
        for k in doc.keeps:
            assert k.text and doc.text[k.offset : k.offset + len(k.text)] == k.text, doc.name
            assert rest.count(k.text) == doc.text.count(k.text), doc.name  # no keep inside a secret


def test_every_delivery_is_used_and_well_formed(docs: list[part.Document]) -> None:
    assert {d.delivery for d in docs} == set(part.DELIVERIES)
    for doc in docs:
        lines = doc.text.rstrip("\n").split("\n")
        if doc.delivery == "json":
            line = json.loads(doc.text)
            assert line["type"] == "tool_result" and isinstance(line["content"], str)
            assert all(_plain(doc, s.text) in line["content"] for s in doc.secrets)
        elif doc.delivery == "diff":
            assert lines[0].startswith("diff --git ") and lines[5].startswith("@@ -0,0 +1,")
            assert all(line.startswith("+") for line in lines[6:])
        elif doc.delivery == "numbered":
            assert all(re.match(r"^( *\d+\u2192|\d+\t)", line) for line in lines)
        elif doc.delivery == "cilog":
            assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines)
        elif doc.delivery == "fence":
            assert "\n```" in doc.text and doc.text.rstrip().endswith("```")
        if any("\n" in s.text for s in doc.secrets):
            assert doc.delivery in ("plain", "json", "fence"), doc.name


def test_fakes_are_valid_for_their_formats(docs: list[part.Document]) -> None:
    checked: Counter[str] = Counter()
    for doc in docs:
        for s in doc.secrets:
            v = _plain(doc, s.text)
            if s.cls == "card-number":
                digits = re.sub(r"[ -]", "", v)
                assert digits.isdigit() and _luhn(digits) and digits not in part._test_cards()
            elif s.cls == "iban":
                assert re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9 ]+", v) and _iban_ok(v)
            elif s.cls == "ssn":
                area, group, serial = re.fullmatch(r"(\d{3})-?(\d\d)-?(\d{4})", v).groups()  # type: ignore[union-attr]
                assert area not in ("000", "666") and area < "900" and group != "00" and serial != "0000"
            elif s.cls in ("github-token", "npm-token"):
                body, check = v.split("_", 1)[1][:30], v[-6:]
                assert (
                    len(v.split("_", 1)[1]) == 36 and _b62(zlib.crc32(body.encode())).rjust(6, "0") == check
                )
            elif s.cls == "atlassian-token":
                head, check = v.rsplit("=", 1)
                assert head.startswith("ATATT") and f"{zlib.crc32(head.encode()):08X}" == check
            elif s.cls == "jwt":
                jh, jc, sig = (base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in v.split("."))
                assert json.loads(jh)["typ"] == "JWT" and "exp" in json.loads(jc) and len(sig) == 32
            elif s.cls == "private-key":
                blob = base64.b64decode(v.replace("\n", ""))
                assert blob.startswith(b"openssh-key-v1\0") or blob[:7] == bytes.fromhex("3077 0201 0104 20")
            elif s.cls == "aws-access-key-id":
                assert re.fullmatch(r"AKIA[A-Z2-7]{16}", v)
            elif s.cls == "email":
                assert re.fullmatch(r"[\w.]+@[a-z]+\.[a-z]+", v) and "example" not in v
            elif s.cls == "host-address":
                ip = ipaddress.ip_address(v)  # private, carrier-grade NAT or public; never loopback
                assert (ip.is_private or ip.is_global or ip in CGNAT) and not ip.is_loopback
            elif s.cls == "password-hash":
                assert re.fullmatch(
                    r"\$2y\$1[02]\$[./A-Za-z0-9]{53}|\$6\$[./A-Za-z0-9]{16}\$[./A-Za-z0-9]{86}", v
                )
            elif s.cls == "aprs-passcode":
                call = re.search(r"\b([A-Z]{1,2}\d[A-Z]{2,3})-\d+", doc.text)
                assert call and int(v) == part.aprs_passcode(call.group(1))
            else:
                continue
            checked[s.cls] += 1
    assert len(checked) == 13
    assert part.aprs_passcode("N0CALL") == 13023  # the published algorithm's well-known value
    for k in (k for d in docs for k in d.keeps):
        if re.fullmatch(r"[A-Z]{2}\d\d( [A-Z0-9]{1,4}){3,}", k.text):
            assert not _iban_ok(k.text)  # the look-alike fails its check
        if re.fullmatch(r"\d{15,16}", k.text):
            assert _luhn(k.text)  # a test card or a card-shaped order id


def test_measure_with_stand_ins(docs: list[part.Document]) -> None:
    n_secrets, n_keeps = sum(len(d.secrets) for d in docs), sum(len(d.keeps) for d in docs)
    by_text = {d.text: d for d in docs}

    def blank(text: str, leave_half: bool = False) -> str:
        """Each labelled secret replaced (the masked texts the measure also scrubs are returned as they are)."""
        doc = by_text.get(text)
        for s in sorted(doc.secrets if doc else (), key=lambda s: -s.offset):
            left = s.text[: len(s.text) // 2] if leave_half else ""
            text = text[: s.offset] + left + "[REDACTED]" + text[s.offset + len(s.text) :]
        return text

    identity = part.measure_documents(docs, lambda t: t)
    assert set(identity) == set(MEASURE_KEYS)
    assert identity["secrets"] == n_secrets and identity["spans"] == n_keeps
    assert identity["recall"] == identity["recall_no_fragment"] == identity["vendor_prefix_recall"] == 0.0
    assert identity["keep_rate"] == 1.0

    perfect = part.measure_documents(docs, blank)
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0

    fragments = part.measure_documents(docs, lambda t: blank(t, leave_half=True))
    assert fragments["recall"] == 1.0 and fragments["recall_no_fragment"] < 0.25

    greedy = part.measure_documents(docs, lambda t: re.sub(r"[a-z0-9]{3,}", "[X]", t))
    assert greedy["keep_rate"] < 0.5


def test_held_back_measure_imports_the_scrubber_only_when_called() -> None:
    tree = ast.parse(PART_FILE.read_text())
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            assert not any(n.startswith("client_actors") for n in names)
    inner = [
        n.module
        for f in tree.body
        if isinstance(f, ast.FunctionDef)
        for n in ast.walk(f)
        if isinstance(n, ast.ImportFrom)
    ]
    assert inner == ["client_actors.scrub"]


SCANNER_PATTERNS = (
    r"gh[pousr]_[A-Za-z0-9]{36}", r"glpat-[\w-]{20}", r"xox[abpr]-\d{6,}-", r"AKIA[A-Z2-7]{16}",
    r"AIza[\w-]{35}", r"SG\.[\w-]{22}\.[\w-]{43}", r"[sr]k_live_[A-Za-z0-9]{20,}", r"sk-ant-api03-[\w-]{20}",
    r"npm_[A-Za-z0-9]{36}", r"hf_[A-Za-z]{34}", r"hooks\.slack\.com/services/T[A-Z0-9]{6}",
    r"discord\.com/api/webhooks/\d{10}", r"eyJ[\w-]{10,}\.eyJ", r"BEGIN [A-Z ]*PRIVATE KEY-----\n[A-Za-z0-9+/]{20}",
    r"ATATT3xFfGF0[\w-]{20}", r"ntn_\d{11}[A-Za-z0-9]{10}", r"ol_api_[A-Za-z0-9]{38}", r"EAAA[\w-]{60}",
    r"sq0csp-[\w-]{43}", r"shpat_[a-f0-9]{32}", r"sl\.B[\w-]{100}", r"AAPK[a-f0-9]{32}", r"phx_[A-Za-z0-9]{40}",
    r"sntryu_[a-f0-9]{64}", r"\d{8,10}:AA[\w-]{33}", r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}", r"\b\d{3}-\d{2}-\d{4}\b",
)  # fmt: skip


@pytest.mark.parametrize("path", [PART_FILE, Path(__file__)], ids=["part", "test"])
def test_no_scanner_flagged_literal_in_source(path: Path) -> None:
    source = path.read_text()
    for pattern in SCANNER_PATTERNS:
        assert not re.search(pattern, source), pattern
    for run in re.findall(r"(?<![\w])\d{13,19}(?![\w])", source):
        assert not _luhn(run), "a card number literal"
    for iban in re.findall(r"\b[A-Z]{2}\d\d[A-Z0-9]{11,30}\b", source):
        assert not _iban_ok(iban), "an IBAN literal"
    for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", source):
        assert address.split("@")[1] in ("example.com", "example.org", "example.net", "github.com"), address
