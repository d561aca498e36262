"""The form of the fourteenth held-back corpus part (never the scrubber's recall on it).

What is held here is what makes the part worth measuring with: it is built the same from the same seed, every
label stands where it says in the delivered text, the fakes carry their formats' checks, the deliveries are
what they claim, and `measure_documents` counts what it says it counts.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
import string
import urllib.parse
from collections import Counter
from collections.abc import Callable

import pytest

from tests.scrubcorpus.fourteenth import (
    COMPANY_DOMAINS,
    DEFAULT_SEED,
    DELIVERIES,
    PERSONAL_DOMAINS,
    SETTINGS,
    TEST_CARDS,
    VENDOR_CLASSES,
    Document,
    build_corpus,
    corpus_digest,
    measure_documents,
)

PINNED_DIGEST = "f2de82e8ad2626adb202260c1a7fcf912d4384ba2fc37e11274ac734ed929db3"
DOCUMENTS = 360
LOOKALIKE_DOCUMENTS = 36
SECRETS = 436
CLASSES = 46
KEEPS = 1044

ORDINARY_DOMAINS = frozenset(PERSONAL_DOMAINS) | frozenset(COMPANY_DOMAINS)
RESERVED = re.compile(r"(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.(example|test|invalid|localhost))$")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# The vendors' published layouts, written out again here (not taken from the generator).
LAYOUTS: dict[str, str] = {
    "github-token": r"gh[pousr]_[A-Za-z0-9]{36}",
    "gitlab-token": r"glpat-[A-Za-z0-9_-]{20}",
    "slack-token": r"xoxb-\d{11}-\d{13}-[A-Za-z0-9]{24}|xoxp-\d{11}-\d{11}-\d{13}-[a-f0-9]{32}",
    "slack-webhook": r"[A-Za-z0-9]{24}",
    "stripe-key": r"(sk|rk)_live_[A-Za-z0-9]{98}",
    "stripe-webhook-secret": r"whsec_[A-Za-z0-9]{32}",
    "openai-key": r"sk-(proj|svcacct)-[A-Za-z0-9][A-Za-z0-9_-]{73}T3BlbkFJ[A-Za-z0-9_-]{73}[A-Za-z0-9]",
    "anthropic-key": r"sk-ant-api03-[A-Za-z0-9][A-Za-z0-9_-]{92}AA",
    "aws-access-key": r"(AKIA|ASIA)[A-Z2-7]{16}",
    "google-api-key": r"AIza[A-Za-z0-9_-]{35}",
    "npm-token": r"npm_[A-Za-z0-9]{36}",
    "pypi-token": r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{100,}",
    "huggingface-token": r"hf_[A-Za-z]{34}",
    "sendgrid-key": r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
    "digitalocean-token": r"dop_v1_[a-f0-9]{64}",
    "sentry-token": r"sntryu_[a-f0-9]{64}|sntrys_[A-Za-z0-9+/]+={0,2}_[A-Za-z0-9]{43}",
    "grafana-token": r"glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]+={0,2}",
    "shopify-token": r"shp(at|ca|ss)_[a-f0-9]{32}",
    "heroku-key": r"HRKU-AA[A-Za-z0-9_-]{58}",
    "vault-token": r"hvs\.[A-Za-z0-9_-]{24,}",
    "flyio-token": r"fm2_[A-Za-z0-9+/]+={0,2}",
    "netlify-token": r"nfp_[A-Za-z0-9]{40}",
    "newrelic-key": r"NRAK-[A-Z0-9]{27}|[a-f0-9]{36}NRAL",
    "databricks-token": r"dapi[a-f0-9]{32}(-\d)?",
}


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return build_corpus()


def secrets_of(docs: list[Document], cls: str) -> list[tuple[Document, str, int]]:
    return [(d, s.text, s.offset) for d in docs for s in d.secrets if s.cls == cls]


# -- the build ---------------------------------------------------------------------------------------------


def test_the_digest_is_pinned_and_follows_the_seed(corpus: list[Document]) -> None:
    assert corpus_digest(corpus) == PINNED_DIGEST
    other = build_corpus(seed=DEFAULT_SEED + 1)
    assert corpus_digest(other) != PINNED_DIGEST
    assert corpus_digest(other) == corpus_digest(build_corpus(seed=DEFAULT_SEED + 1))


def test_the_build_is_deterministic(corpus: list[Document]) -> None:
    assert build_corpus() == corpus
    assert build_corpus(seed=DEFAULT_SEED) == corpus


def test_counts_are_as_documented(corpus: list[Document]) -> None:
    classes = Counter(s.cls for d in corpus for s in d.secrets)
    assert len(corpus) == DOCUMENTS
    assert sum(not d.secrets for d in corpus) == LOOKALIKE_DOCUMENTS
    assert sum(classes.values()) == SECRETS
    assert len(classes) == CLASSES >= 35
    assert sum(len(d.keeps) for d in corpus) == KEEPS
    assert min(classes.values()) >= 8, [c for c, n in classes.items() if n < 8]
    assert set(VENDOR_CLASSES) <= set(classes)
    assert len({d.name for d in corpus}) == len(corpus)
    assert len({d.text for d in corpus}) == len(corpus)


def test_every_setting_and_delivery_has_its_share(corpus: list[Document]) -> None:
    settings = Counter(d.setting for d in corpus)
    deliveries = Counter(d.delivery for d in corpus)
    assert set(settings) == set(SETTINGS)
    assert min(settings.values()) >= 10
    assert set(deliveries) == set(DELIVERIES)
    assert min(deliveries.values()) >= 20
    lookalike_settings = {d.setting for d in corpus if not d.secrets}
    assert len(lookalike_settings) >= 8
    assert all(d.keeps for d in corpus if not d.secrets)


# -- the labels --------------------------------------------------------------------------------------------


def test_every_span_is_where_it_says(corpus: list[Document]) -> None:
    for d in corpus:
        for s in d.secrets:
            assert s.text and s.text == s.text.strip(), d.name
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, (d.name, s.cls)
        for k in d.keeps:
            assert k.text.strip(), d.name
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_no_keep_is_inside_a_secret(corpus: list[Document]) -> None:
    for d in corpus:
        for k in d.keeps:
            for s in d.secrets:
                assert not (k.offset < s.offset + len(s.text) and s.offset < k.offset + len(k.text)), d.name
                assert k.text not in s.text, (d.name, s.cls)


def test_secrets_do_not_overlap_and_every_copy_is_labelled(corpus: list[Document]) -> None:
    for d in corpus:
        spans = sorted((s.offset, s.offset + len(s.text)) for s in d.secrets)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, d.name
        labelled = {(s.offset, s.text) for s in d.secrets}
        for s in d.secrets:
            for m in re.finditer(re.escape(s.text), d.text):
                assert (m.start(), s.text) in labelled, (d.name, s.cls)


# -- the deliveries ----------------------------------------------------------------------------------------


def _inner(doc: Document) -> str:
    line = json.loads(doc.text)
    if "message" in line:
        return str(line["message"]["content"][0]["content"])
    if "payload" in line:
        return str(line["payload"]["output"])
    return str(line["output"])


def test_json_deliveries_parse_and_hold_their_labels_unescaped(corpus: list[Document]) -> None:
    docs = [d for d in corpus if d.delivery == "json"]
    assert docs
    for d in docs:
        assert d.text.endswith("}\n") and d.text.count("\n") == 1, d.name
        inner = _inner(d)
        for s in d.secrets:
            assert s.text in inner, (d.name, s.cls)
            assert json.dumps(s.text, ensure_ascii=False)[1:-1] == s.text


@pytest.mark.parametrize(
    ("delivery", "line"),
    [
        ("numbered", r" {0,5}\d+→.*"),
        ("ci-log", r"(\d{4}-\d\d-\d\dT[\d:.]+Z( 00O)?|\[[\d\-T:. UTCZ]+\]) .*"),
    ],
)
def test_line_deliveries_prefix_every_line(corpus: list[Document], delivery: str, line: str) -> None:
    docs = [d for d in corpus if d.delivery == delivery]
    assert docs
    for d in docs:
        for text in d.text.splitlines():
            assert re.fullmatch(line, text), (d.name, text)


def test_diff_deliveries_add_every_line(corpus: list[Document]) -> None:
    docs = [d for d in corpus if d.delivery == "diff"]
    assert docs
    for d in docs:
        head, _, added = d.text.partition("\n@@ -0,0 +1,")
        assert head.startswith("diff --git a/") and "--- /dev/null\n+++ b/" in head, d.name
        count, _, rest = added.partition(" @@\n")
        lines = rest.splitlines()
        assert len(lines) == int(count) and all(x.startswith("+") for x in lines), d.name


def test_fenced_deliveries_close_their_fence(corpus: list[Document]) -> None:
    docs = [d for d in corpus if d.delivery == "fence"]
    assert docs
    for d in docs:
        assert d.text.count("```") == 2 and d.text.endswith("```\n"), d.name


# -- the fakes' formats ------------------------------------------------------------------------------------

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _base62_crc(payload: str) -> str:
    crc = binascii.crc32(payload.encode())
    digits = ""
    while crc:
        crc, rem = divmod(crc, 62)
        digits = _B62[rem] + digits
    return digits.rjust(6, "0")


def test_vendor_tokens_follow_their_published_layouts(corpus: list[Document]) -> None:
    assert set(LAYOUTS) == set(VENDOR_CLASSES)
    for cls, layout in LAYOUTS.items():
        found = secrets_of(corpus, cls)
        assert found, cls
        for _, text, _ in found:
            assert re.fullmatch(layout, text), (cls, text[:12])


def test_github_and_npm_tokens_carry_their_checksum(corpus: list[Document]) -> None:
    tokens = [t for _, t, _ in secrets_of(corpus, "github-token") + secrets_of(corpus, "npm-token")]
    assert len(tokens) >= 16
    for token in tokens:
        body = token.split("_", 1)[1]
        assert _base62_crc(body[:30]) == body[30:], token[:8]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_cards_pass_luhn_and_are_no_processor_test_number(corpus: list[Document]) -> None:
    cards = secrets_of(corpus, "credit-card")
    assert cards
    for _, text, _ in cards:
        digits = re.sub(r"[ -]", "", text)
        assert digits.isdigit() and len(digits) in (15, 16), text
        assert _luhn(digits), text
        assert digits not in TEST_CARDS
        assert digits[0] in "23456", text


IBAN_LENGTHS = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "CH": 21, "IE": 22, "DK": 18, "SE": 24, "LU": 20}


def test_ibans_pass_mod_97_in_their_country_length(corpus: list[Document]) -> None:
    ibans = secrets_of(corpus, "iban")
    assert ibans
    for _, text, _ in ibans:
        compact = text.replace(" ", "")
        assert len(compact) == IBAN_LENGTHS[compact[:2]], text
        moved = compact[4:] + compact[:4]
        assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, text
        if " " in text:
            assert all(len(g) == 4 for g in text.split(" ")[:-1]), text


def test_ssns_are_outside_the_unissued_ranges(corpus: list[Document]) -> None:
    ssns = secrets_of(corpus, "ssn")
    assert ssns
    for _, text, _ in ssns:
        m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", text)
        assert m, text
        area, group, serial = m.groups()
        assert area not in ("000", "666") and not area.startswith("9"), text
        assert group != "00" and serial != "0000", text


def _der_length(data: bytes) -> int:
    first = data[1]
    if first < 0x80:
        head, length = 2, first
    else:
        n = first & 0x7F
        head, length = 2 + n, int.from_bytes(data[2 : 2 + n], "big")
    assert head + length <= len(data)
    if data[0] & 0x20:
        pos = head
        while pos < head + length:
            pos += _der_length(data[pos : head + length])
        assert pos == head + length
    return head + length


def _crc24(data: bytes) -> int:
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc = (crc << 1) ^ (0x1864CFB if crc & 0x800000 else 0)
    return crc & 0xFFFFFF


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021 if crc & 0x8000 else crc << 1) & 0xFFFF
    return crc


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_ok(text: str) -> bool:
    hrp, _, data = text.lower().rpartition("1")
    chk = 1
    for v in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + [_BECH32.index(c) for c in data]:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    return chk == 1


def test_private_keys_are_well_formed(corpus: list[Document]) -> None:
    kinds: Counter[str] = Counter()
    for d, text, offset in secrets_of(corpus, "private-key"):
        before = d.text[:offset]
        if text.startswith("AGE-SECRET-KEY-1"):
            assert _bech32_ok(text), d.name
            kinds["age"] += 1
        elif re.fullmatch(r"SU[A-Z2-7]{56}", text):
            raw = base64.b32decode(text + "=" * (-len(text) % 8))
            assert raw[:2] == bytes([149, 0]) and len(raw) == 36, d.name
            assert _crc16(raw[:-2]) == int.from_bytes(raw[-2:], "little"), d.name
            kinds["nkey"] += 1
        elif before.endswith("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"):
            body, _, checksum = text.rpartition("\n=")
            packet = base64.b64decode(body.replace("\n", ""))
            assert packet[0] == 0xC5, d.name
            assert base64.b64decode(checksum) == _crc24(packet).to_bytes(3, "big"), d.name
            kinds["pgp"] += 1
        else:
            nl = "\\n" if before.endswith("\\n") else "\n"
            m = re.search(r"-----BEGIN ([A-Z ]+)-----$", before[: -len(nl)])
            assert m, d.name
            label = m.group(1)
            assert d.text[offset + len(text) :].startswith(f"{nl}-----END {label}-----"), d.name
            lines = text.split(nl)
            assert all(len(x) <= 70 for x in lines) and all(len(x) == len(lines[0]) for x in lines[:-1])
            der = base64.b64decode("".join(lines), validate=True)
            if label == "OPENSSH PRIVATE KEY":
                assert der.startswith(b"openssh-key-v1\x00"), d.name
            else:
                assert der[0] == 0x30 and _der_length(der) == len(der), d.name
            kinds[label] += 1
    assert {"age", "nkey", "pgp", "OPENSSH PRIVATE KEY", "PRIVATE KEY"} <= set(kinds), kinds


def _b64url_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_jwts_decode_to_json(corpus: list[Document]) -> None:
    jwts = [t for _, t, _ in secrets_of(corpus, "jwt")]
    inside = [base64.b64decode(t).decode() for _, t, _ in secrets_of(corpus, "k8s-secret-data")]
    assert jwts
    for token in jwts + [t for t in inside if t.startswith("eyJ")]:
        header, payload, signature = token.split(".")
        head = _b64url_json(header)
        assert isinstance(head, dict) and head["typ"] == "JWT" and "alg" in head
        claims = _b64url_json(payload)
        assert isinstance(claims, dict) and claims.get("exp", claims["iat"] + 1) > claims["iat"]
        assert len(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))) >= 32


def test_secret_manifest_values_are_base64(corpus: list[Document]) -> None:
    values = secrets_of(corpus, "k8s-secret-data")
    assert values
    for _, text, _ in values:
        assert base64.b64decode(text, validate=True)


def test_service_account_key_ids_are_forty_hex(corpus: list[Document]) -> None:
    ids = secrets_of(corpus, "sa-private-key-id")
    assert ids
    for _, text, _ in ids:
        assert re.fullmatch(r"[0-9a-f]{40}", text)


# -- e-mail addresses --------------------------------------------------------------------------------------


def test_email_domains_are_as_intended(corpus: list[Document]) -> None:
    for _, text, _ in secrets_of(corpus, "email"):
        assert EMAIL.fullmatch(text) and text.split("@")[1] in ORDINARY_DOMAINS, text
    for _, text, _ in secrets_of(corpus, "urlencoded-email"):
        assert "%40" in text and "@" not in text
        assert urllib.parse.unquote(text).split("@")[1] in ORDINARY_DOMAINS, text
    for d in corpus:
        for m in EMAIL.finditer(d.text):
            start, end = m.span()
            local, domain = m.group().split("@")
            if any(s.offset < end and start < s.offset + len(s.text) for s in d.secrets):
                continue
            if any(k.offset <= start and end <= k.offset + len(k.text) for k in d.keeps):
                assert (
                    RESERVED.search(domain)
                    or local in ("noreply", "git", "deploy")
                    or domain.endswith("users.noreply.github.com")
                ), m.group()
                continue
            # Left unlabelled: service accounts, a URL's plain user, a broker's node name.
            assert (
                domain.endswith(".iam.gserviceaccount.com")
                or d.text[:start].endswith("//")
                or domain.endswith(".svc")
                or domain.endswith("users.noreply.github.com")
            ), (d.name, m.group())
            assert domain not in ORDINARY_DOMAINS


# -- the measure -------------------------------------------------------------------------------------------


def _by_text(docs: list[Document], replace: Callable[[str, str], str]) -> Callable[[str], str]:
    """A fake scrubber that rewrites each secret of the document it is given with `replace(cls, text)`."""
    table = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = table[text]
        out = text
        for s in sorted(doc.secrets, key=lambda s: -s.offset):
            out = out[: s.offset] + replace(s.cls, s.text) + out[s.offset + len(s.text) :]
        return out

    return scrub


def test_identity_removes_nothing_and_keeps_everything(corpus: list[Document]) -> None:
    m = measure_documents(corpus, lambda t: t)
    assert m["secrets"] == SECRETS and m["spans"] == KEEPS
    assert m["recall"] == m["recall_no_fragment"] == m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0


def test_a_perfect_scrubber_scores_one_everywhere(corpus: list[Document]) -> None:
    m = measure_documents(corpus, _by_text(corpus, lambda cls, _: f"[REDACTED:{cls}]"))
    assert m["recall"] == m["recall_no_fragment"] == m["vendor_prefix_recall"] == m["keep_rate"] == 1.0


def test_a_leaky_scrubber_loses_the_fragment_figure(corpus: list[Document]) -> None:
    m = measure_documents(corpus, _by_text(corpus, lambda _, text: text[: len(text) // 2] + "[REDACTED]"))
    assert m["recall"] == 1.0 and m["keep_rate"] == 1.0
    # Every secret whose kept half is eight characters or more leaves a fragment (a half may also hold a
    # fragment of a shorter one, as an address's local part holds the name beside it).
    long_ones = sum(len(s.text) // 2 >= 8 for d in corpus for s in d.secrets)
    assert 0.0 < m["recall_no_fragment"] <= 1 - long_ones / SECRETS


def test_a_scrubber_that_returns_nothing_keeps_nothing(corpus: list[Document]) -> None:
    m = measure_documents(corpus, lambda _: "")
    assert m["recall"] == m["recall_no_fragment"] == m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 0.0


def test_vendor_recall_counts_only_vendor_classes(corpus: list[Document]) -> None:
    vendor = sum(s.cls in VENDOR_CLASSES for d in corpus for s in d.secrets)
    only_vendor = _by_text(corpus, lambda cls, text: "[X]" if cls in VENDOR_CLASSES else text)
    m = measure_documents(corpus, only_vendor)
    assert m["vendor_prefix_recall"] == 1.0
    assert m["recall"] == pytest.approx(vendor / SECRETS)
    all_but_vendor = _by_text(corpus, lambda cls, text: text if cls in VENDOR_CLASSES else "[X]")
    m = measure_documents(corpus, all_but_vendor)
    assert m["vendor_prefix_recall"] == 0.0
    assert m["recall"] == pytest.approx(1 - vendor / SECRETS)
