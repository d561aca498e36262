"""The thirty-sixth held-back scrub corpus part, checked with stand-in scrub functions only (never the scrubber)."""

from __future__ import annotations

import ast
import base64
import itertools
import json
import re
import zlib
from collections import Counter
from pathlib import Path

import attrs
import pytest

from tests.scrubcorpus import thirtysixth as part

PINNED_DIGEST = "d8ece9cde2136d4b2503a2ea6139630d996a91180c1194ba52c5aaef6a6fb199"

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_PEM_EDGE = "-" * 5
_VENDOR_SHAPES = {
    "newrelic-user-key": r"NRAK-[A-Z0-9]{27}", "newrelic-license-key": r"(eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL",
    "grafana-sa-token": r"glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}", "grafana-cloud-token": r"glc_[A-Za-z0-9+/]+=*",
    "axiom-token": r"xaat-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
    "paystack-secret-key": r"sk_live_[0-9a-f]{40}", "flutterwave-secret-key": r"FLWSECK-[0-9a-f]{32}-X",
    "xendit-secret-key": r"xnd_production_[A-Za-z0-9]{60}", "paymongo-secret-key": r"sk_live_[A-Za-z0-9]{24}",
    "clerk-secret-key": r"sk_live_[A-Za-z0-9]{42}", "stytch-secret": r"secret-live-[A-Za-z0-9_-]{43}=",
    "svix-webhook-secret": r"whsec_[A-Za-z0-9+/]{32}", "google-api-key": r"AIza[A-Za-z0-9_-]{35}",
    "google-oauth-secret": r"GOCSPX-[A-Za-z0-9_-]{28}", "google-oauth-token": r"ya29\.[A-Za-z0-9_-]{150,}",
    "openrouter-key": r"sk-or-v1-[0-9a-f]{64}", "groq-key": r"gsk_[A-Za-z0-9]{52}",
    "replicate-token": r"r8_[A-Za-z0-9]{37}",
    "anthropic-key": r"sk-ant-api03-[A-Za-z0-9_-]{93}AA", "samsara-token": r"samsara_api_[A-Za-z0-9]{30}",
    "github-token": r"ghp_[A-Za-z0-9]{36}", "aws-access-key": r"AKIA[A-Z2-7]{16}",
}  # fmt: skip
_IBAN_LENGTHS = {"DE": 22, "GB": 22, "IE": 22, "NL": 18, "AT": 20, "CH": 21}


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _unwrap(doc: part.Document, text: str) -> str:
    """A label's value as written, without the delivery's escaping or line prefixes."""
    if doc.delivery == "json":
        return str(json.loads(f'"{text}"'))
    prefix = {"diff": r"\+", "numbered": r" *\d+(?:\u2192|\t)", "cilog": r"\d{4}-\d\d-\d\dT[\d:.]+Z "}
    return re.sub("\n" + prefix[doc.delivery], "\n", text) if doc.delivery in prefix else text


def _values(docs: list[part.Document], cls: str) -> list[str]:
    return [_unwrap(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _mod97(iban: str) -> int:
    s = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97


def _b64url(part_: str) -> bytes:
    return base64.urlsafe_b64decode(part_ + "=" * (-len(part_) % 4))


def test_digest_is_pinned_stable_and_seeded(docs: list[part.Document]) -> None:
    assert part.DEFAULT_SEED == 20261236
    assert part.corpus_digest(docs) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    other = part.build_corpus(part.DEFAULT_SEED + 1)
    assert part.corpus_digest(other) != PINNED_DIGEST
    assert len(other) == len(docs)


def test_shape_and_counts(docs: list[part.Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340 and 450 <= len(secrets) <= 560 and 420 <= len(keeps) <= 560
    assert part.SETTINGS == (
        "observability-agents", "payments-africa-asia", "sms-otp-providers", "auth-providers", "search-ads-seo",
        "llm-gateways", "kubernetes-operators", "mainframe-modern", "customer-data-platforms", "genomics-consumer",
        "school-transport", "hoa-property-mgmt",
    )  # fmt: skip
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    assert {d.delivery for d in docs} == set(part.DELIVERIES)
    for setting in part.SETTINGS:
        assert len({d.delivery for d in docs if d.setting == setting}) >= 4
    assert len({d.name for d in docs}) == len(docs)
    assert 40 <= len(part.CLASSES) <= 50
    assert part.VENDOR_CLASSES <= part.CLASSES and len(part.VENDOR_CLASSES) >= 12
    per_class = Counter(s.cls for s in secrets)
    assert set(per_class) == part.CLASSES and min(per_class.values()) >= 3
    assert sum(n for cls, n in per_class.items() if cls in part.VENDOR_CLASSES) >= 60
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        docs[0].text = ""  # type: ignore[misc]


def test_offsets_point_at_the_labels_and_every_occurrence_is_labelled(docs: list[part.Document]) -> None:
    for d in docs:
        for text, at in [(s.text, s.offset) for s in d.secrets] + [(k.text, k.offset) for k in d.keeps]:
            assert d.text[at : at + len(text)] == text, d.name
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), d.name
        for s in d.secrets:
            for m in re.finditer(re.escape(s.text), d.text):
                assert any(a <= m.start() and m.end() <= b for a, b in spans), d.name
        for k in d.keeps:
            assert k.text not in {s.text for s in d.secrets}
            for m in re.finditer(re.escape(k.text), d.text):
                assert not any(m.start() < b and a < m.end() for a, b in spans), d.name


def test_deliveries_look_like_themselves(docs: list[part.Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            record = json.loads(d.text)
            assert record["type"] == "tool_result" and isinstance(record["content"], str)
            assert all(_unwrap(d, s.text) in record["content"] for s in d.secrets)
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git a/") and lines[5].startswith("@@ -0,0 +1,")
            assert all(line.startswith("+") for line in lines[6:])
        elif d.delivery == "numbered":
            assert all(re.match(r" *\d+(\u2192|\t)", line) for line in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines)
        elif d.delivery == "fence":
            assert "\n```" in d.text and d.text.endswith("```\n")


def test_fakes_are_valid_for_their_formats(docs: list[part.Document]) -> None:
    for cls, shape in _VENDOR_SHAPES.items():
        values = _values(docs, cls)
        assert values and all(re.fullmatch(shape, v) for v in values), cls
    for v in _values(docs, "github-token"):
        rand, check = v[4:34], v[34:]
        n, out = zlib.crc32(rand.encode()), ""
        while n:
            n, rem = divmod(n, 62)
            out = _B62[rem] + out
        assert out.rjust(6, "0") == check
    for v in _values(docs, "grafana-sa-token"):
        head, _, check = v.rpartition("_")
        assert f"{zlib.crc32(head.encode()):08x}" == check
    for v in _values(docs, "grafana-cloud-token"):
        assert set(json.loads(base64.b64decode(v[4:]))) == {"o", "n", "k", "m"}
    for v in _values(docs, "card-number"):
        assert re.fullmatch(r"\d{16}", v) and _luhn(v)
    for v in _values(docs, "iban"):
        compact = v.replace(" ", "")
        assert len(compact) == _IBAN_LENGTHS[compact[:2]] and _mod97(compact) == 1
    for v in _values(docs, "jwt"):
        header, payload, sig = v.split(".")
        assert json.loads(_b64url(header))["typ"] == "JWT" and "iat" in json.loads(_b64url(payload))
        assert len(_b64url(sig)) in (32, 256)
    for v in _values(docs, "registry-auth") + _values(docs, "basic-auth"):
        user, _, secret = base64.b64decode(v).decode().partition(":")
        assert user and secret
    hashes = r"\$2b\$1[02]\$[./A-Za-z0-9]{53}|\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}"
    assert all(
        re.fullmatch(hashes + r"|pbkdf2_sha256\$870000\$\w{22}\$[\w+/]{43}=", v)
        for v in _values(docs, "password-hash")
    )
    for v in _values(docs, "email"):
        assert re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z.]+", v) and not v.endswith((".example", "example.com"))
    for v in _values(docs, "ip-address"):
        octets = [int(x) for x in re.split(r"[.-]", v.removeprefix("ip-"))]
        assert len(octets) == 4 and all(0 <= o <= 255 for o in octets) and octets[0] not in (0, 127, 169, 224)
        assert octets[:3] not in ([192, 0, 2], [198, 51, 100], [203, 0, 113]) and len(set(octets)) > 1
    kinds: Counter[str] = Counter()
    for value in _values(docs, "private-key"):
        head, *body, foot = value.replace("\\n", "\n").strip().split("\n")
        m = re.fullmatch(f"{_PEM_EDGE}BEGIN ((?:RSA |EC |OPENSSH )?)PRIVATE KEY{_PEM_EDGE}", head)
        assert m and foot == head.replace("BEGIN", "END")
        der = base64.b64decode("".join(body))
        width = 70 if m.group(1) == "OPENSSH " else 64
        assert all(len(line) == width for line in body[:-1]) and 0 < len(body[-1]) <= width
        if m.group(1) == "OPENSSH ":
            assert der.startswith(b"openssh-key-v1\x00") and b"ssh-ed25519" in der
        else:
            assert der[0] == 0x30
            assert (int.from_bytes(der[2:4], "big") + 4 if der[1] == 0x82 else der[1] + 2) == len(der)
        kinds[m.group(1)] += 1
    assert set(kinds) == {"", "EC ", "OPENSSH "}


def test_keeps_include_the_look_alikes_the_policy_names(docs: list[part.Document]) -> None:
    texts = [_unwrap(d, k.text) for d in docs for k in d.keeps]
    bad_ibans = [t for t in texts if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{12,30}", t)]
    assert len(bad_ibans) >= 3 and all(_mod97(t) != 1 for t in bad_ibans)
    assert " ".join(["4242"] * 4) in texts
    assert any(re.fullmatch(r"\d{16}", t) and _luhn(t) for t in texts)  # a card-shaped order id
    assert any(t.startswith("AKIA") and t.endswith("EXAMPLE") for t in texts)
    assert any(t.startswith(("pk_live_", "FLWPUBK-", "xnd_public_")) for t in texts)
    assert any(t.startswith("ssh-ed25519 ") for t in texts)
    assert any(re.fullmatch(r"[0-9a-f]{40}", t) for t in texts)  # commits


def _perfect(docs: list[part.Document], leave: int = 0) -> dict[str, str]:
    """What a scrubber that knows the labels prints: each secret blanked, or cut to its first `leave` chars."""
    out = {}
    for d in docs:
        chars = list(d.text)
        for s in sorted(d.secrets, key=lambda s: -s.offset):
            kept = s.text[:leave] if len(s.text) >= 2 * leave else ""
            chars[s.offset : s.offset + len(s.text)] = kept + "[REDACTED]"
        out[d.text] = "".join(chars)
    return out


def test_measure_with_stand_ins(docs: list[part.Document]) -> None:
    same = part.measure_documents(docs, lambda t: t)
    assert same == {
        "secrets": sum(len(d.secrets) for d in docs), "recall": 0.0, "recall_no_fragment": 0.0,
        "vendor_prefix_recall": 0.0, "keep_rate": 1.0, "spans": sum(len(d.keeps) for d in docs),
    }  # fmt: skip
    table = _perfect(docs)
    perfect = part.measure_documents(docs, lambda t: table.get(t, t))
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0 and perfect["spans"] == same["spans"]
    cut = _perfect(docs, leave=8)
    partial = part.measure_documents(docs, lambda t: cut.get(t, t))
    assert partial["recall"] == 1.0 and partial["recall_no_fragment"] < 0.5
    wiped = part.measure_documents(docs, lambda t: "")
    assert wiped["recall"] == 1.0 and wiped["keep_rate"] == 0.0


def test_a_fragment_left_counts_against_recall_no_fragment() -> None:
    text = "export TOKEN=Qm7vX2pLk9Rt4wZa\nversion 1.2.3\n"
    doc = part.Document(
        "t/one", "llm-gateways", "plain", text, (part.Secret("api-token", "Qm7vX2pLk9Rt4wZa", 13),),
        (part.Keep("1.2.3", 38),),
    )  # fmt: skip
    whole = part.measure_documents([doc], lambda t: t.replace("Qm7vX2pLk9Rt4wZa", "[REDACTED]"))
    assert whole["recall"] == whole["recall_no_fragment"] == whole["keep_rate"] == 1.0
    half = part.measure_documents([doc], lambda t: t.replace("Qm7vX2pLk9Rt4wZa", "Qm7vX2pL[REDACTED]"))
    assert half["recall"] == 1.0 and half["recall_no_fragment"] == 0.0
    # a window that the scrubber prints whatever the secret was is no fragment of it
    noisy = part.measure_documents([doc], lambda t: t.replace("Qm7vX2pLk9Rt4wZa", "[R]") + " Qm7vX2")
    assert noisy["recall_no_fragment"] == 1.0
    lost = part.measure_documents([doc], lambda t: t.replace("1.2.3", "[V]"))
    assert lost["recall"] == 0.0 and lost["keep_rate"] == 0.0


def test_the_scrubber_is_imported_only_inside_measure_held_back() -> None:
    source = Path(part.__file__).read_text()
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            assert not any(n.startswith(("client_actors", "groove_actors")) for n in names)
    (held,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back"]
    inner = [n for n in ast.walk(held) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in inner] == [("client_actors.scrub", ["scrub_text"])]


def test_no_literal_a_secret_scanner_would_flag() -> None:
    patterns = [
        r"AKIA[0-9A-Z]{16}", r"gh[pousr]_[A-Za-z0-9]{30,}", r"(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}",
        _PEM_EDGE + r"BEGIN [A-Z ]*PRIVATE KEY", r"eyJ[A-Za-z0-9_-]{10,}\.eyJ", r"AIza[0-9A-Za-z_-]{30,}",
        r"xox[abposr]-[0-9A-Za-z-]{10,}", r"sk-ant-api\d\d-[A-Za-z0-9_-]{20,}", r"sk-or-v1-[0-9a-f]{20,}",
        r"gsk_[A-Za-z0-9]{20,}", r"r8_[A-Za-z0-9]{20,}", r"gl(?:sa|c)_[A-Za-z0-9+/]{20,}", r"NRAK-[A-Z0-9]{20,}",
        r"FLWSECK-[0-9a-f]{20,}", r"xnd_[a-z]+_[A-Za-z0-9]{20,}", r"GOCSPX-[A-Za-z0-9_-]{20,}",
        r"ya29\.[A-Za-z0-9_-]{20,}", r"whsec_[A-Za-z0-9+/]{20,}", r"samsara_api_[A-Za-z0-9]{20,}",
        r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{50,}", r"\$argon2id\$v=19\$[^$\s]+\$[A-Za-z0-9+/]{16,}",
        r"secret-live-[A-Za-z0-9_-]{20,}", r"xaat-[0-9a-f]{8}-",
    ]  # fmt: skip
    for path in (Path(part.__file__), Path(__file__)):
        source = path.read_text()
        for pattern in patterns:
            assert not re.search(pattern, source), (path.name, pattern)
        for m in re.finditer(r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b", source):
            assert m.group()[:2] not in _IBAN_LENGTHS or _mod97(m.group()) != 1
        assert not [m for m in re.finditer(r"(?<![\d.])\d{13,19}(?![\d.])", source) if _luhn(m.group())]
        for m in re.finditer(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", source):
            assert m.group(1).startswith(("example.", "users.noreply")) or m.group(1) == "example.com"
