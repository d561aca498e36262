"""The fortieth held-back scrub corpus part, checked on its own: stand-in scrubbers only, never the real one."""

from __future__ import annotations

import ast
import base64
import collections
import functools
import itertools
import json
import re
import string
import zlib
from pathlib import Path

from tests.scrubcorpus import fortieth as part

PINNED_DIGEST = "84d91c4ab681b169715ba80f2eec9950af54e3287cb557936b2b38c37dd69210"

_SOURCES = (Path(part.__file__), Path(__file__))
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"
_KEYS = ("secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans")
_IBAN_LENGTHS = {"DE": 22, "NL": 18, "GB": 22, "AT": 20}


@functools.cache
def _docs() -> tuple[part.Document, ...]:
    return tuple(part.build_corpus())


def _value(doc: part.Document, text: str) -> str:
    """A label's text as its document had it before delivery (single-line labels only)."""
    return str(json.loads(f'"{text}"')) if doc.delivery == "json" else text


def _values(cls: str) -> list[str]:
    return [_value(d, s.text) for d in _docs() for s in d.secrets if s.cls == cls and "\n" not in s.text]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _perfect(docs: tuple[part.Document, ...]) -> dict[str, str]:
    """A stand-in that blanks exactly the labelled secrets of each document (and nothing else)."""
    return {
        d.text: functools.reduce(lambda t, s: t.replace(s.text, "[REDACTED]"), d.secrets, d.text)
        for d in docs
    }


def test_digest_is_pinned_stable_and_seeded() -> None:
    assert part.corpus_digest(list(_docs())) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != PINNED_DIGEST
    assert part.DEFAULT_SEED == 20261240


def test_offsets_point_at_labels_which_do_not_overlap() -> None:
    for d in _docs():
        spans = []
        labels: list[part.Secret | part.Keep] = [*d.secrets, *d.keeps]
        for label in labels:
            assert label.text, d.name
            assert d.text[label.offset : label.offset + len(label.text)] == label.text, d.name
            spans.append((label.offset, label.offset + len(label.text)))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), d.name
        for s in d.secrets:
            assert all(s.text not in k.text and k.text not in s.text for k in d.keeps), d.name


def test_counts_and_shape() -> None:
    docs = _docs()
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    assert len(set(part.SETTINGS)) == len(part.SETTINGS) == 12 and 40 <= len(part.CLASSES) <= 50
    assert len(part.VENDOR_CLASSES) >= 12 and part.VENDOR_CLASSES <= part.CLASSES
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == part.CLASSES and min(per_class.values()) >= 3
    assert sum(n for c, n in per_class.items() if c in part.VENDOR_CLASSES) >= 60
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    assert set(d.delivery for d in docs) == set(part.DELIVERIES)
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert len({d.name for d in docs}) == len(docs)


def test_deliveries_have_their_shape() -> None:
    for d in _docs():
        lines = d.text.splitlines()
        if d.delivery == "json":
            assert len(lines) == 1
            assert json.loads(d.text)["type"] == "tool_result"
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ") and all(x.startswith("+") for x in lines[6:])
        elif d.delivery == "numbered":
            assert all(re.match(r"^( *\d+\u2192|\d+\t)", x) for x in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"^2026-03-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", x) for x in lines)
        elif d.delivery == "fence":
            assert lines[2].startswith("```") and lines[-1] == "```"


def test_checksummed_and_laid_out_fakes() -> None:
    for cls, prefix in (("github-pat", "ghp_"), ("npm-token", "npm_")):
        for v in _values(cls):
            body, check = v[len(prefix) : -6], v[-6:]
            assert v.startswith(prefix) and len(body) == 30
            crc = functools.reduce(lambda n, c: n * 62 + _B62.index(c), check, 0)
            assert crc == zlib.crc32(body.encode())
    cards = [v.replace(" ", "") for v in _values("card-number")]
    assert all(len(c) in (15, 16) and _luhn_ok(c) and not c.startswith("4242") for c in cards)
    ibans = [v.replace(" ", "") for v in _values("iban")]
    assert all(_iban_ok(i) and len(i) == _IBAN_LENGTHS[i[:2]] for i in ibans)
    for v in _values("ssn"):
        digits = v.replace("-", "")
        assert len(digits) == 9 and 0 < int(digits[:3]) < 900 and digits[:3] != "666"
        assert digits[3:5] != "00" and digits[5:] != "0000"
    for v in _values("jwt"):
        head, claims, sig = (base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in v.split("."))
        assert json.loads(head)["typ"] == "JWT" and json.loads(head)["alg"] in ("HS256", "RS256")
        assert json.loads(claims)["exp"] > json.loads(claims)["iat"] and len(sig) in (32, 64)
    for v in _values("wireguard-private-key"):
        key = base64.b64decode(v)
        assert len(key) == 32 and key[0] & 7 == 0 and key[31] & 0xC0 == 0x40
    for v in _values("cisco-type7"):
        seed, data = int(v[:2]), bytes.fromhex(v[2:])
        plain = "".join(chr(b ^ ord(_XLAT[(seed + i) % len(_XLAT)])) for i, b in enumerate(data))
        assert plain.isprintable() and len(plain) >= 14
    assert all(len(base64.b32decode(v)) == 20 for v in _values("totp-secret"))
    assert all(len(base64.b64decode(v)) == 64 for v in _values("azure-storage-key"))
    assert all(base64.b64decode(v).decode().isprintable() for v in _values("k8s-secret-value"))
    for v in _values("mapbox-secret-token"):
        assert json.loads(base64.urlsafe_b64decode(v.split(".")[1] + "==")).keys() == {"u", "a"}


_LAYOUTS = {
    "aws-access-key-id": r"AKIA[A-Z2-7]{16}", "aws-secret-key": r"[A-Za-z0-9+/]{40}",
    "github-fine-grained-pat": r"github_pat_11[A-Z0-9]{20}_[A-Za-z0-9]{59}", "gitlab-pat": r"glpat-[A-Za-z0-9]{20}",
    "slack-bot-token": r"xoxb-\d{10,13}-\d{11,14}-[A-Za-z0-9]{24}", "slack-webhook": r"[A-Za-z0-9]{24}",
    "stripe-secret-key": r"sk_live_[A-Za-z0-9]{38,74}", "stripe-restricted-key": r"rk_live_[A-Za-z0-9]{38,74}",
    "stripe-webhook-secret": r"whsec_[A-Za-z0-9]{32}", "anthropic-api-key": r"sk-ant-api03-[\w-]{93}AA",
    "openai-api-key": r"sk-proj-[\w-]{74}T3BlbkFJ[\w-]{74}", "sendgrid-api-key": r"SG\.[\w-]{22}\.[\w-]{43}",
    "google-api-key": r"AIza[\w-]{35}", "shopify-access-token": r"shpat_[0-9a-f]{32}",
    "digitalocean-token": r"dop_v1_[0-9a-f]{64}", "huggingface-token": r"hf_[A-Za-z]{34}",
    "square-access-token": r"EAAA[\w-]{60}", "telegram-bot-token": r"\d{9,10}:AA[\w-]{33}",
    "newrelic-user-key": r"NRAK-[A-Z0-9]{27}", "service-account-key-id": r"[0-9a-f]{40}",
    "bcrypt-hash": r"\$2y\$1[02]\$[./A-Za-z0-9]{21}[.Oeu][./A-Za-z0-9]{31}",
    "sha512-crypt": r"\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}", "private-ip": r"(10|172|192)\.\d+\.\d+\.\d+",
}  # fmt: skip


def test_vendor_and_fixed_layouts() -> None:
    assert set(_LAYOUTS) | {"github-pat", "npm-token", "mapbox-secret-token"} >= part.VENDOR_CLASSES
    for cls, pattern in _LAYOUTS.items():
        assert len(_values(cls)) >= 3 and all(re.fullmatch(pattern, v) for v in _values(cls)), cls


def test_keys_decode_to_their_structures() -> None:
    plain = [d for d in _docs() if d.delivery in ("plain", "fence")]
    pems = [s.text for d in plain for s in d.secrets if s.cls == "pem-private-key"]
    sshs = [s.text for d in plain for s in d.secrets if s.cls == "openssh-private-key"]
    assert pems and sshs
    for body in pems:
        der = base64.b64decode(body.replace("\\n", "").replace("\n", ""))
        assert der[0] == 0x30 and bytes.fromhex("2a8648ce3d030107") in der
    for body in sshs:
        assert base64.b64decode(body.replace("\n", "")).startswith(b"openssh-key-v1\x00")


def test_keeps_are_the_harmless_look_alikes() -> None:
    keeps = [_value(d, k.text) for d in _docs() for k in d.keeps]
    cards = [k.replace(" ", "") for k in keeps if re.fullmatch(r"4242( ?4242){3}", k)]
    assert cards and all(_luhn_ok(c) for c in cards)
    ibans = [k for k in keeps if re.fullmatch(r"(DE|NL|GB|AT)\d\d[A-Z0-9]{14,18}", k)]
    assert ibans and not any(_iban_ok(k) for k in ibans)
    assert any(k.endswith("EXAMPLE") and k.startswith("AKIA") for k in keeps)
    assert {"changeme", "<your-api-key>", "Jane Doe", "10.0.0.0/8"} <= set(keeps)


def test_measure_with_stand_ins() -> None:
    docs = list(_docs())
    n_secrets, n_keeps = sum(len(d.secrets) for d in docs), sum(len(d.keeps) for d in docs)
    ident = part.measure_documents(docs, lambda t: t)
    assert set(ident) == set(_KEYS)
    assert ident["recall"] == ident["recall_no_fragment"] == ident["vendor_prefix_recall"] == 0.0
    assert ident["keep_rate"] == 1.0 and ident["secrets"] == n_secrets and ident["spans"] == n_keeps
    table = _perfect(_docs())
    best = part.measure_documents(docs, lambda t: table.get(t, t))
    assert best["recall"] == best["recall_no_fragment"] == best["vendor_prefix_recall"] == 1.0
    assert best["keep_rate"] == 1.0
    prefix_only = {d.text: d.text for d in docs}
    for d in docs:
        for s in d.secrets:
            prefix_only[d.text] = prefix_only[d.text].replace(s.text, s.text[:6] + "[REDACTED]")
    partial = part.measure_documents(docs, lambda t: prefix_only.get(t, t))
    assert partial["recall"] > 0.95 and partial["recall_no_fragment"] < 0.1
    eager = part.measure_documents(docs, lambda t: table.get(t, t).replace("Jane Doe", "[REDACTED]"))
    assert eager["recall"] == 1.0 and eager["keep_rate"] < 1.0


def test_a_fragment_left_counts_against_recall_no_fragment() -> None:
    token = "Zq7" + "x1Y" * 8
    doc = part.Document(
        "t", "hpc-job-schedulers", "plain", f"KEY={token}\n", (part.Secret("api-key", token, 4),), ()
    )
    leaky = part.measure_documents([doc], lambda t: t.replace(token, "[REDACTED]" + token[-7:]))
    assert leaky["recall"] == 1.0 and leaky["recall_no_fragment"] == 0.0
    clean = part.measure_documents([doc], lambda t: t.replace(token, "[REDACTED]"))
    assert clean["recall_no_fragment"] == 1.0


def test_module_imports_no_scrubber_at_import_time() -> None:
    tree = ast.parse(Path(part.__file__).read_text())
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in top for a in n.names]
    names += [n.module or "" for n in top if isinstance(n, ast.ImportFrom)]
    assert not any(name.startswith(("client_actors", "groove_actors")) for name in names)
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "measure_held_back")
    inner = [n for n in ast.walk(func) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in inner] == [("client_actors.scrub", ["scrub_text"])]


_FLAGGED = [
    r"ghp_[A-Za-z0-9]{36}", r"github_pat_[A-Za-z0-9_]{50,}", r"glpat-[\w-]{20}", r"xox[abp]-\d+-\d+",
    r"[sr]k_live_[A-Za-z0-9]{20,}", r"whsec_[A-Za-z0-9]{20,}", r"AKIA[A-Z2-7]{16}", r"sk-(ant|proj)-[\w-]{20,}",
    r"SG\.[\w-]{22}\.[\w-]{43}", r"AIza[\w-]{35}", r"shpat_[a-f0-9]{32}", r"dop_v1_[a-f0-9]{64}",
    r"hf_[A-Za-z]{34}", r"npm_[A-Za-z0-9]{36}", r"EAAA[\w-]{30,}", r"NRAK-[A-Z0-9]{27}", r"eyJ[\w-]{10,}\.eyJ",
    r"-----BEGIN[A-Z ]*PRIVATE KEY", r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}", r"\$6\$[./\w]{8,16}\$[./\w]{80,}",
    r"hooks\.slack\.com/services/T\w+/B\w+/\w+", r"\b\d{8,10}:AA[\w-]{33}", r"\b\d{3}-\d{2}-\d{4}\b",
    r"\b[A-Z]{2}\d{2}[A-Z]{4}\d{10,14}\b",
]  # fmt: skip


def test_no_flaggable_literal_in_the_sources() -> None:
    for path in _SOURCES:
        src = path.read_text()
        for pattern in _FLAGGED:
            assert not re.search(pattern, src), (path.name, pattern)
        for run in re.findall(r"\d{13,19}", src):
            assert not _luhn_ok(run), path.name
        for m in re.finditer(r"[\w.+-]+@([\w-]+\.)+[a-z]{2,}", src):
            local, domain = m.group().split("@")
            assert local in ("deploy", "noreply", "git") or domain.startswith("example."), path.name
        for run in re.findall(r"[A-Za-z0-9+/]{40,}", src):  # a long random run of mixed case and digits
            assert run.isdigit() or run.islower() or run.isupper() or run.isalpha(), (path.name, run[:8])
