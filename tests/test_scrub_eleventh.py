"""The eleventh held-back corpus is what its docstring says: its form only, never a scrubber figure."""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections import Counter
from itertools import pairwise

import pytest

from tests.scrubcorpus import eleventh
from tests.scrubcorpus.eleventh import Document

PINNED_DIGEST = "1dbef5c64a2eb29036b14057e43c6f7f80b20d18308cd40f2e41b42ea972773e"
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
RESERVED_MAIL = re.compile(
    r"@(?:[\w.-]+\.)?(?:example\.(?:com|org|net)|[\w-]+\.(?:test|invalid|example)|localhost)$"
)
ROLE_MAIL = re.compile(r"^(?:git@github\.com|no-?reply@.*|.*@users\.noreply\.github\.com|postmaster@.*)$")
VENDOR_SHAPES = {
    "github-token": r"gh[pousr]_|github_pat_",
    "gitlab-token": r"glpat-",
    "slack-token": r"xox[bp]-|xapp-",
    "stripe-key": r"[sr]k_live_|whsec_",
    "openai-key": r"sk-(?:proj|svcacct)-",
    "anthropic-key": r"sk-ant-api03-",
    "aws-access-key-id": r"(?:AKIA|ASIA)[A-Z2-7]{16}$",
    "google-credential": r"AIza|GOCSPX-|ya29\.",
    "npm-token": r"npm_",
    "pypi-token": r"pypi-AgEIcHlwaS5vcmc",
    "huggingface-token": r"hf_",
    "sendgrid-key": r"SG\.",
    "twilio-api-key": r"SK[0-9a-f]{32}$",
    "digitalocean-token": r"do[po]_v1_",
    "shopify-token": r"shp(?:at|ss|ca)_",
    "doppler-token": r"dp\.(?:st|pt|sa)\.",
    "linear-api-key": r"lin_api_",
    "databricks-token": r"dapi",
    "atlassian-token": r"ATATT3xFfGF0",
    "sentry-token": r"sntry[su]_",
    "postman-key": r"PMAK-",
    "grafana-token": r"glsa_|glc_",
    "vault-token": r"hv[sb]\.",
    "terraform-cloud-token": r"[A-Za-z0-9]{14}\.atlasv1\.",
    "mailgun-key": r"key-",
    "newrelic-key": r"NRAK-",
    "flyio-token": r"fo1_|fm2_",
    "supabase-token": r"sbp_",
}
LINE_PREFIXES = {
    "diff-added": r"\+",
    "numbered-arrow": r" *\d+→",
    "numbered-tab": r" *\d+\t",
    "ci-timestamps": r"\d{4}-\d\d-\d\dT[\d:.]+Z ",
}


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return eleventh.build_corpus()


def secrets_of(corpus: list[Document], cls: str) -> list[str]:
    return [s.text for doc in corpus for s in doc.secrets if s.cls == cls]


def test_digest_is_pinned_and_follows_the_seed() -> None:
    digest = eleventh.corpus_digest()
    assert digest == PINNED_DIGEST
    assert eleventh.corpus_digest(eleventh.DEFAULT_SEED + 1) != digest


def test_counts_are_as_documented(corpus: list[Document]) -> None:
    names = [c.name for c in eleventh.CLASSES]
    assert len(corpus) == eleventh.DOCUMENTS == 360
    assert 35 <= len(names) <= 40 and len(set(names)) == len(names)
    assert {c.name for c in eleventh.CLASSES if c.vendor_prefix} == eleventh.VENDOR_CLASSES
    assert set(VENDOR_SHAPES) == eleventh.VENDOR_CLASSES
    holding = Counter(cls for doc in corpus for cls in {s.cls for s in doc.secrets})
    assert set(holding) == set(names)
    assert min(holding.values()) >= eleventh.MIN_PER_CLASS == 8
    lookalikes = [doc for doc in corpus if not doc.secrets]
    assert len(lookalikes) == eleventh.LOOKALIKE_DOCUMENTS and 30 <= len(lookalikes) <= 40
    assert all(doc.keeps for doc in lookalikes)
    assert {doc.delivery for doc in corpus} == set(eleventh.DELIVERIES)


def test_spans_are_where_they_say(corpus: list[Document]) -> None:
    for doc in corpus:
        for span in (*doc.secrets, *doc.keeps):
            assert span.text and doc.text[span.start : span.end] == span.text
        assert all(s.cls in eleventh.CLASS_NAMES for s in doc.secrets)
        assert all(k.cls == "" for k in doc.keeps)
        ordered = sorted((*doc.secrets, *doc.keeps), key=lambda span: span.start)
        assert all(a.end <= b.start for a, b in pairwise(ordered)), "spans overlap"
        for secret in doc.secrets:
            assert all(keep.text not in secret.text and secret.text not in keep.text for keep in doc.keeps)
        assert eleventh.secrets_all_labelled(doc)


def test_json_deliveries_parse(corpus: list[Document]) -> None:
    delivered = [doc for doc in corpus if doc.delivery == "json-transcript"]
    assert delivered
    for doc in delivered:
        assert "\n" not in doc.text
        line = json.loads(doc.text)
        assert isinstance(line, dict)
        for span in (*doc.secrets, *doc.keeps):
            json.loads(f'"{span.text}"')


def github_checksum_holds(token: str) -> bool:
    body, check = token[4:34], token[34:]
    number, digits = zlib.crc32(body.encode()), ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return len(token) == 40 and check == digits.rjust(6, "0")


def luhn_holds(number: str) -> bool:
    digits = [int(d) for d in reversed(number)]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0


def iban_holds(value: str) -> bool:
    compact = value.replace(" ", "")
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def test_checksummed_values_are_valid(corpus: list[Document]) -> None:
    classic = [t for t in secrets_of(corpus, "github-token") if re.match(r"gh[pousr]_", t)]
    assert classic and all(github_checksum_holds(t) for t in classic)
    cards = [re.sub(r"[ -]", "", t) for t in secrets_of(corpus, "card-number")]
    assert cards and all(c.isdigit() and luhn_holds(c) for c in cards)
    assert not set(cards) & set(eleventh.PROCESSOR_TEST_CARDS)
    ibans = secrets_of(corpus, "iban")
    assert ibans and all(iban_holds(i) for i in ibans)
    lookalike_ibans = [
        k.text for doc in corpus for k in doc.keeps if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{12,30}", k.text)
    ]
    assert lookalike_ibans and not any(iban_holds(i) for i in lookalike_ibans)


def test_vendor_tokens_have_their_published_shape(corpus: list[Document]) -> None:
    for cls, shape in VENDOR_SHAPES.items():
        tokens = secrets_of(corpus, cls)
        assert tokens and all(re.match(shape, t) for t in tokens), cls


def test_mail_follows_the_published_policy(corpus: list[Document]) -> None:
    addresses = [a.replace("%40", "@") for a in secrets_of(corpus, "email")]
    assert addresses and not any(RESERVED_MAIL.search(a) or ROLE_MAIL.match(a) for a in addresses)
    kept = [
        k.text.strip("<>")
        for doc in corpus
        for k in doc.keeps
        if re.fullmatch(r"<?[^\s@]+@[\w.-]+>?", k.text)
    ]
    assert kept and all(RESERVED_MAIL.search(a) or ROLE_MAIL.match(a) for a in kept)


def undelivered(span: str, delivery: str) -> list[str]:
    """A block's lines as written: JSON escapes undone, the prefix the delivery put on each inner line removed."""
    if delivery == "json-transcript":
        span = json.loads(f'"{span}"')
    if "\n" not in span.strip("\n"):
        rows = span.split("\\n")
    else:
        prefix = re.compile(f"(?:{LINE_PREFIXES.get(delivery, '')})")
        rows = [row if i == 0 else prefix.sub("", row, count=1) for i, row in enumerate(span.split("\n"))]
        assert all(i == 0 or prefix.match(row) for i, row in enumerate(span.split("\n")))
    return [row.strip() for row in rows if row.strip()]


def test_private_keys_are_whole_pem_blocks(corpus: list[Document]) -> None:
    blocks = [(s.text, doc.delivery) for doc in corpus for s in doc.secrets if s.cls == "private-key"]
    assert len(blocks) >= eleventh.MIN_PER_CLASS
    for text, delivery in blocks:
        first, *body, last = undelivered(text, delivery)
        begin = re.fullmatch(r"-----BEGIN ([A-Z ]+)-----", first)
        assert begin and last == f"-----END {begin.group(1)}-----"
        width = 70 if begin.group(1) == "OPENSSH PRIVATE KEY" else 64
        assert body and all(len(line) == width for line in body[:-1]) and 0 < len(body[-1]) <= width
        try:
            base64.b64decode("".join(body), validate=True)
        except binascii.Error:
            pytest.fail(f"PEM body is not base64 ({delivery})")


def test_measurement_counts_what_it_says(corpus: list[Document]) -> None:
    def without_secrets(doc: Document) -> str:
        text = doc.text
        for secret in sorted(doc.secrets, key=lambda s: -len(s.text)):
            text = text.replace(secret.text, "[REDACTED]")
        return text

    by_text = {doc.text: doc for doc in corpus}
    untouched = eleventh.measure_documents(corpus, lambda text: text)
    perfect = eleventh.measure_documents(corpus, lambda text: without_secrets(by_text[text]))
    halved = eleventh.measure_documents(corpus, lambda text: halve_secrets(by_text[text]))
    assert untouched["secrets"] == sum(len(doc.secrets) for doc in corpus)
    assert untouched["spans"] == sum(len(doc.keeps) for doc in corpus)
    assert untouched["recall"] == 0.0 and untouched["keep_rate"] == 1.0
    assert perfect["recall"] == perfect["recall_no_fragment"] == perfect["vendor_prefix_recall"] == 1.0
    assert perfect["keep_rate"] == 1.0
    assert halved["recall"] == 1.0 and halved["recall_no_fragment"] < 0.5


def halve_secrets(doc: Document) -> str:
    """Removes the second half of each secret only: gone as a whole, its first half left as a fragment."""
    text = doc.text
    for secret in sorted(doc.secrets, key=lambda s: -len(s.text)):
        text = text.replace(secret.text, secret.text[: len(secret.text) // 2] + "[REDACTED]")
    return text
