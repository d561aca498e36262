"""The thirtythird held-back scrub corpus checks itself: stand-in scrubbers only, never the real one."""

from __future__ import annotations

import ast
import base64
import collections
import hashlib
import itertools
import json
import re
import zlib
from pathlib import Path

import pytest

from tests.scrubcorpus import thirtythird as part

PINNED_DIGEST = "ca0d734ba48032b991df682b9c323f28742c47e3ebffa757a54505a84d9291f8"
MODULE = Path(part.__file__)
HERE = Path(__file__)
KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}
# The layouts the fakes must have, class=regex.
SHAPES = r"""
aws-access-key=AKIA[A-Z2-7]{16} stripe-secret-key=[sr]k_live_[0-9A-Za-z]{24,99} gcp-key-id=[0-9a-f]{40}
slack-token=xoxb-\d{10,12}-\d{13}-[0-9A-Za-z]{24} sendgrid-api-key=SG\.[\w-]{22}\.[\w-]{43} totp-secret=[A-Z2-7]{32}
mailchimp-api-key=[0-9a-f]{32}-us\d{1,2} square-access-token=EAAA[\w-]{60} google-api-key=AIza[\w-]{35}
doppler-token=dp\.(st\.(prd|stg)\.[0-9A-Za-z]{40}|(pt|sa)\.[0-9A-Za-z]{43}) planet-api-key=PLAK[0-9a-f]{32}
vault-token=hvs\.([0-9A-Za-z]{24}|CAESI[\w-]{86}) telegram-bot-token=\d{9,10}:AA[\w-]{33}
openai-api-key=sk-proj-[\w-]{74}T3BlbkFJ[\w-]{74} twilio-api-key=SK[0-9a-f]{32} shopify-access-token=shpat_[0-9a-f]{32}
amazon-lwa-secret=amzn1\.oa2-cs\.v1\.[0-9a-f]{64}
"""
# What secret scanners look for; none of it may stand in either source file.
SCANNER = r"""
gh[pousr]_[0-9A-Za-z]{36} npm_[0-9A-Za-z]{36} AKIA[0-9A-Z]{16} [sr]k_live_[0-9A-Za-z]{20,} xox[abposr]-\d+-
SG\.[\w-]{22}\.[\w-]{43} AIza[\w-]{35} hvs\.[\w-]{24,} AGE-SECRET-KEY-1[0-9A-Z]{58} eyJ[\w-]{10,}\.eyJ[\w-]{10,}
0x[0-9a-fA-F]{64} (PLAK|SK|shpat_)[0-9a-f]{32} dp\.(st|pt|sa)\.\w{20,} amzn1\.oa2-cs\.v1\.[0-9a-f]{20,}
\b\d{3}-\d{2}-\d{4}\b \b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b
"""


@pytest.fixture(scope="module")
def docs() -> list[part.Document]:
    return part.build_corpus()


def _raw(doc: part.Document, text: str) -> str:
    """A label's text as written before delivery (JSON escapes undone)."""
    return json.loads(f'"{text}"') if doc.delivery == "json" else text


def _secrets(docs: list[part.Document], cls: str) -> list[str]:
    return [_raw(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _blank_labels(doc: part.Document) -> str:
    out = doc.text
    for s in sorted(doc.secrets, key=lambda s: -s.offset):
        out = out[: s.offset] + "[GONE]" + out[s.offset + len(s.text) :]
    return out


def test_digest_is_pinned_and_stable(docs: list[part.Document]) -> None:
    assert part.corpus_digest(docs) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus()) == PINNED_DIGEST
    assert part.corpus_digest(part.build_corpus(part.DEFAULT_SEED + 1)) != PINNED_DIGEST
    assert part.DEFAULT_SEED == 20261233


def test_counts_and_shape(docs: list[part.Document]) -> None:
    assert len(part.SETTINGS) == len(set(part.SETTINGS)) == 12
    assert part.DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    assert 40 <= len(part.CLASSES) <= 50 and len(part.VENDOR_CLASSES) >= 12
    assert part.VENDOR_CLASSES < part.CLASSES
    secrets = [s for d in docs for s in d.secrets]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= sum(len(d.keeps) for d in docs) <= 560
    assert len({d.name for d in docs}) == len(docs)
    per_setting = collections.Counter(d.setting for d in docs)
    assert set(per_setting) == set(part.SETTINGS) and min(per_setting.values()) >= 20
    per_class = collections.Counter(s.cls for s in secrets)
    assert set(per_class) == part.CLASSES and min(per_class.values()) >= 3
    assert sum(n for cls, n in per_class.items() if cls in part.VENDOR_CLASSES) >= 60
    assert set(collections.Counter(d.delivery for d in docs)) == set(part.DELIVERIES)


def test_offsets_point_at_labels(docs: list[part.Document]) -> None:
    for d in docs:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        assert all(b <= c for (_, b), (c, _) in itertools.pairwise(spans)), d.name
        labels: list[part.Secret | part.Keep] = [*d.secrets, *d.keeps]
        for label in labels:
            assert label.text and d.text[label.offset : label.offset + len(label.text)] == label.text, d.name
        for k in d.keeps:
            assert not any(k.offset < b and a < k.offset + len(k.text) for a, b in spans), d.name


def test_deliveries_have_their_shape(docs: list[part.Document]) -> None:
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ")
    for d in docs:
        lines = d.text.splitlines()
        if d.delivery == "json":
            row = json.loads(d.text)
            assert row["type"] == "tool_result" and len(lines) == 1
            for s in d.secrets:
                assert _raw(d, s.text) in row["content"]
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git a/") and lines[5].startswith("@@ -0,0 +1,")
            assert all(line.startswith("+") for line in lines[6:])
        elif d.delivery == "numbered":
            assert all(re.match(rf"( {{0,5}}{i}\u2192|{i}\t)", line) for i, line in enumerate(lines, 1))
        elif d.delivery == "cilog":
            assert all(stamp.match(line) for line in lines)
        elif d.delivery == "fence":
            assert lines[0].startswith("```") and lines[-1] == "```"
        if d.delivery in ("diff", "numbered", "cilog"):
            assert not any("\n" in s.text for s in d.secrets)


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(reversed(digits)))
    return total % 10 == 0


def _iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1


def _bech32_ok(text: str) -> bool:
    hrp, data = text.lower().rsplit("1", 1)
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    values += ["qpzry9x8gf2tvdw0s3jn54khce6mua7l".index(c) for c in data]
    chk = 1
    for v in values:
        top, chk = chk >> 25, ((chk & 0x1FFFFFF) << 5) ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    return chk == 1


def _b62(n: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return (_b62(n // 62) if n >= 62 else "") + digits[n % 62]


def test_fakes_pass_their_format_checks(docs: list[part.Document]) -> None:
    assert all(_luhn(c) and c not in part._test_cards() for c in _secrets(docs, "card-number"))
    kept = [_raw(d, k.text) for d in docs for k in d.keeps]
    assert all(_luhn(k) for k in kept if re.fullmatch(r"[\d ]{15,19}", k))
    assert all(_iban_ok(i) for i in _secrets(docs, "iban"))
    assert all(not _iban_ok(k) for k in kept if re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]{12,30}", k))
    for token in _secrets(docs, "github-token") + _secrets(docs, "npm-token"):
        body = token.split("_", 1)[1]
        assert len(body) == 36 and _b62(zlib.crc32(body[:30].encode())).rjust(6, "0") == body[30:]
    for ssn in _secrets(docs, "ssn"):
        area, group, serial = (ssn[:3], ssn[4:6], ssn[7:]) if "-" in ssn else (ssn[:3], ssn[3:5], ssn[5:])
        assert area not in ("000", "666") and area < "900" and group != "00" and serial != "0000"
    for token in _secrets(docs, "jwt"):
        head, body = (json.loads(base64.urlsafe_b64decode(p + "==")) for p in token.split(".")[:2])
        assert head["typ"] == "JWT" and head["alg"] in ("HS256", "RS256") and "iat" in body
        assert len(base64.urlsafe_b64decode(token.split(".")[2] + "==")) in (32, 256)
    for key in _secrets(docs, "age-secret-key"):
        assert key.startswith("AGE-SECRET-KEY-1") and len(key) == 74 and _bech32_ok(key)
    assert all(_bech32_ok(k) for k in kept if k.startswith("age1"))
    words = part._BIP39
    assert hashlib.sha256(("\n".join(words) + "\n").encode()).hexdigest().startswith("2f5eed53a4727b4b")
    for phrase in _secrets(docs, "mnemonic"):
        idx = [words.index(w) for w in phrase.split()]
        bits, n = sum(i << (11 * (len(idx) - 1 - k)) for k, i in enumerate(idx)), len(idx) * 11
        cs = n // 33
        ent = (bits >> cs).to_bytes((n - cs) // 8, "big")
        assert len(idx) in (12, 24) and hashlib.sha256(ent).digest()[0] >> (8 - cs) == bits & ((1 << cs) - 1)
    for body in _secrets(docs, "private-key"):
        der = base64.b64decode(body.replace("\\n", "").replace("\n", ""))
        assert der[0] == 0x30 and len(der) == (4 + int.from_bytes(der[2:4]) if der[1] == 0x82 else 2 + der[1])
    ssh = [base64.b64decode(b.replace("\n", "")) for b in _secrets(docs, "openssh-private-key")]
    assert all(raw.startswith(b"openssh-key-v1\x00") for raw in ssh)
    assert all(re.fullmatch(r"0x[0-9a-f]{64}", k) and int(k, 16) for k in _secrets(docs, "eth-private-key"))
    assert all(len(base64.b64decode(k)) == 33 for k in _secrets(docs, "vault-unseal-key"))
    mapbox = [k.split(".")[1] + "==" for k in _secrets(docs, "mapbox-secret-token")]
    assert all("u" in json.loads(base64.urlsafe_b64decode(claims)) for claims in mapbox)
    shapes = dict(pair.split("=", 1) for pair in SHAPES.split())
    for cls, shape in shapes.items():
        assert all(re.fullmatch(shape, v) for v in _secrets(docs, cls)), cls
    assert not any(v.endswith("EXAMPLE") for v in _secrets(docs, "aws-access-key"))


def test_measure_with_stand_ins(docs: list[part.Document]) -> None:
    n_secrets, n_keeps = sum(len(d.secrets) for d in docs), sum(len(d.keeps) for d in docs)
    same = part.measure_documents(docs, lambda t: t)
    assert set(same) == KEYS
    assert same["secrets"] == n_secrets and same["spans"] == n_keeps
    assert same["recall"] == same["recall_no_fragment"] == same["vendor_prefix_recall"] == 0.0
    assert same["keep_rate"] == 1.0
    blanked = {d.text: _blank_labels(d) for d in docs}
    perfect = part.measure_documents(docs, lambda t: blanked.get(t, t))
    assert {perfect[k] for k in KEYS - {"secrets", "spans"}} == {1.0}
    assert part.measure_documents(docs, lambda t: "")["keep_rate"] == 0.0


def test_a_fragment_left_counts_against_recall_no_fragment(docs: list[part.Document]) -> None:
    def leave_tail(t: str) -> str:
        doc = by_text.get(t)
        if doc is None:
            return t
        for s in sorted(doc.secrets, key=lambda s: -s.offset):
            t = t[: s.offset] + "[GONE]" + s.text[-7:] + t[s.offset + len(s.text) :]
        return t

    by_text = {d.text: d for d in docs}
    tails = part.measure_documents(docs, leave_tail)
    longer = sum(len(s.text) > 7 for d in docs for s in d.secrets) / tails["secrets"]
    assert tails["recall"] == longer > 0.9 and tails["recall_no_fragment"] < 0.1
    token = "Zq8vN3pL5wR2xT7k"
    net, text = "10.0.0.0/8", f"key={token} at 10.0.0.0/8\n"
    doc = part.Document("x", "x", "plain", text, (part.Secret("api-key", token, 4),), (part.Keep(net, 24),))
    assert text[24:34] == net
    whole = part.measure_documents([doc], lambda t: t.replace(token, "[GONE]"))
    assert (whole["recall"], whole["recall_no_fragment"], whole["keep_rate"]) == (1.0, 1.0, 1.0)
    part_left = part.measure_documents([doc], lambda t: t.replace(token, "[GONE]" + token[-6:]))
    assert (part_left["recall"], part_left["recall_no_fragment"]) == (1.0, 0.0)
    dropped = part.measure_documents([doc], lambda t: t.replace(token, "").replace("/8", ""))
    assert dropped["keep_rate"] == 0.0


def test_the_module_never_imports_the_scrubber_at_import_time() -> None:
    for path in (MODULE, HERE):
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [getattr(node, "module", None) or "", *(a.name for a in node.names)]
                assert not any(n.startswith("client_actors") for n in names), path
    fn = next(n for n in ast.parse(MODULE.read_text()).body if getattr(n, "name", "") == "measure_held_back")
    inner = [n for n in ast.walk(fn) if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in inner] == [("client_actors.scrub", ["scrub_text"])]


def test_no_literal_a_secret_scanner_would_flag(docs: list[part.Document]) -> None:
    patterns = [*SCANNER.split(), "-----BEGIN [A-Z ]*PRIVATE" + r" KEY-----\s*[A-Za-z0-9+/]{40}"]
    corpus = "\n".join(d.text for d in docs)
    assert all(re.search(p, corpus) for p in patterns)  # each would find the fakes the part draws
    allowed_mail = re.compile(r"(noreply|hosted|ec2-user|edc_export)@|@example\.(com|org)|\.example\b")
    for path in (MODULE, HERE):
        text = path.read_text()
        for pattern in patterns:
            assert not re.search(pattern, text), (path.name, pattern)
        for number in re.findall(r"\b\d{13,19}\b", text):
            assert not _luhn(number), path.name
        for mail in re.finditer(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}", text):
            window = text[max(0, mail.start() - 2) : mail.end() + 2]
            assert allowed_mail.search(window), (path.name, mail.group())
