"""The twenty-first held-back scrub corpus: its build, its labels and its measure, with stand-in scrubbers only."""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentyfirst as corpus
from tests.scrubcorpus.twentyfirst import (
    DEFAULT_SEED,
    DELIVERIES,
    SETTINGS,
    VENDOR_CLASSES,
    Document,
    Keep,
    Secret,
    b62,
    build_corpus,
    corpus_digest,
    iban_ok,
    luhn_ok,
    measure_documents,
    segments,
    ssn_ok,
)

PINNED_DIGEST = "b180ee47ccf6fca5fb6e6f96f7df209a34cdcbcd662792d3eb55580974eb3533"

MEASURE_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}

VENDOR_PREFIXES = {
    "aws-access-key-id": "AKIA",
    "github-token": "ghp_",
    "gitlab-token": "glpat-",
    "npm-token": "npm_",
    "google-api-key": "AIza",
    "samsara-token": "samsara_api_",
    "mapbox-secret-token": "sk.",
    "square-access-token": "EAAA",
    "square-oauth-secret": "sq0csp-",
    "shopify-token": "shpat_",
    "sendgrid-key": "SG.",
    "posthog-personal-key": "phx_",
    "stripe-secret-key": "sk_live_",
    "stripe-webhook-secret": "whsec_",
}

# Card numbers payment processors publish for testing: the only card-shaped keeps.
PUBLISHED_TEST_CARDS = {"4242424242424242", "4111111111111111", "5105105105105100", "378282246310005"}

RESERVED_DOMAIN = re.compile(r"@(?:[\w.-]+\.)?(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))$")


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return build_corpus()


def own_text(secret_text: str, delivery: str) -> str:
    """A labelled value as written before delivery: its own characters, lines joined, JSON unescaped."""
    pieces = [secret_text[a:b] for a, b in segments(secret_text, delivery)]
    if delivery == "json":
        pieces = [json.loads(f'"{piece}"') for piece in pieces]
    return "\n".join(pieces)


def b64decode_loose(text: str, urlsafe: bool = False) -> bytes:
    padded = text + "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded) if urlsafe else base64.b64decode(padded, validate=True)


# -- the build


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    assert corpus_digest(docs) == PINNED_DIGEST
    assert corpus_digest(build_corpus()) == PINNED_DIGEST


def test_another_seed_gives_another_corpus() -> None:
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != PINNED_DIGEST


def test_offsets_point_at_the_labelled_text(docs: list[Document]) -> None:
    for doc in docs:
        spans: list[Secret | Keep] = [*doc.secrets, *doc.keeps]
        for span in spans:
            assert span.text
            assert doc.text[span.offset : span.offset + len(span.text)] == span.text, doc.name


def test_counts_are_in_range(docs: list[Document]) -> None:
    n_secrets = sum(len(d.secrets) for d in docs)
    n_keeps = sum(len(d.keeps) for d in docs)
    classes = {s.cls for d in docs for s in d.secrets}
    assert 300 <= len(docs) <= 340
    assert 450 <= n_secrets <= 520
    assert 40 <= len(classes) <= 50
    assert 0.8 * n_secrets <= n_keeps <= 1.25 * n_secrets
    assert len({d.name for d in docs}) == len(docs)


def test_every_class_has_three_secrets_at_least(docs: list[Document]) -> None:
    counts = Counter(s.cls for d in docs for s in d.secrets)
    assert min(counts.values()) >= 3, counts.most_common()[-5:]
    assert counts.keys() >= VENDOR_CLASSES


def test_every_setting_and_delivery_is_represented(docs: list[Document]) -> None:
    settings = Counter(d.setting for d in docs)
    deliveries = Counter(d.delivery for d in docs)
    assert set(settings) == set(SETTINGS) and min(settings.values()) >= 20
    assert set(deliveries) == set(DELIVERIES) and min(deliveries.values()) >= 25
    for setting in SETTINGS:
        assert any(d.secrets for d in docs if d.setting == setting)
        assert any(d.keeps for d in docs if d.setting == setting)


def test_deliveries_have_their_shape(docs: list[Document]) -> None:
    for doc in docs:
        lines = doc.text.rstrip("\n").split("\n")
        if doc.delivery == "json":
            assert len(lines) == 1 and isinstance(json.loads(lines[0]), dict)
        elif doc.delivery == "diff":
            assert doc.text.startswith("diff --git a/")
            body = lines[lines.index(next(x for x in lines if x.startswith("@@"))) + 1 :]
            assert all(line.startswith("+") for line in body)
        elif doc.delivery == "numbered":
            assert all(re.match(r" *\d+(→|\t)", line) for line in lines)
        elif doc.delivery == "ci-log":
            assert all(re.match(r"\d{4}-\d\d-\d\dT[0-9:.]+Z ", line) for line in lines)
        elif doc.delivery == "fence":
            assert lines[0].startswith("```") and lines[-1] == "```"


# -- the labels


def test_vendor_secrets_carry_their_prefix(docs: list[Document]) -> None:
    assert set(VENDOR_PREFIXES) == VENDOR_CLASSES
    for doc in docs:
        for secret in doc.secrets:
            if secret.cls in VENDOR_CLASSES:
                assert secret.text.startswith(VENDOR_PREFIXES[secret.cls]), secret


def test_check_digits_hold(docs: list[Document]) -> None:
    seen: Counter[str] = Counter()
    for doc in docs:
        for secret in doc.secrets:
            value = own_text(secret.text, doc.delivery)
            if secret.cls == "card-number":
                digits = re.sub(r"[ -]", "", value)
                assert digits.isdigit() and len(digits) in (15, 16) and luhn_ok(digits), value
                assert digits not in PUBLISHED_TEST_CARDS
            elif secret.cls == "iban":
                assert re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]+", value) and iban_ok(value), value
            elif secret.cls == "ssn":
                assert re.fullmatch(r"\d{3}-?\d{2}-?\d{4}", value) and ssn_ok(value), value
            elif secret.cls in ("github-token", "npm-token"):
                body, check = value[4:-6], value[-6:]
                assert len(body) == 30 and check == b62(zlib.crc32(body.encode()), 6), value
            elif secret.cls == "jwt":
                header, payload, signature = value.split(".")
                head = json.loads(b64decode_loose(header, urlsafe=True))
                assert head["typ"] == "JWT" and head["alg"] in ("HS256", "RS256")
                assert isinstance(json.loads(b64decode_loose(payload, urlsafe=True)), dict)
                assert len(b64decode_loose(signature, urlsafe=True)) in (32, 256)
            elif secret.cls == "private-key":
                lines = value.split("\n")
                assert all(len(line) == len(lines[0]) for line in lines[:-1]) and len(lines[0]) in (64, 70)
                der = b64decode_loose("".join(lines))
                assert der[:1] == b"\x30" or der.startswith(b"openssh-key-v1\x00"), value
            elif secret.cls == "aws-access-key-id":
                assert re.fullmatch(r"AKIA[A-Z2-7]{16}", value)
            else:
                continue
            seen[secret.cls] += 1
    assert set(seen) == {
        "card-number", "iban", "ssn", "github-token", "npm-token", "jwt", "private-key", "aws-access-key-id",
    }  # fmt: skip


def test_look_alike_keeps_fail_their_checks(docs: list[Document]) -> None:
    n_ibans = n_cards = 0
    for doc in docs:
        for keep in doc.keeps:
            compact = keep.text.replace(" ", "")
            if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
                assert not iban_ok(compact), keep
                n_ibans += 1
            if re.fullmatch(r"\d{15,16}", compact):
                assert compact in PUBLISHED_TEST_CARDS, keep
                n_cards += 1
            if "@" in keep.text and re.fullmatch(r"[\w.+-]+@[\w.-]+", keep.text):
                assert RESERVED_DOMAIN.search(keep.text), keep
    assert n_ibans >= 3 and n_cards >= 3


def test_public_keys_stay_and_decode(docs: list[Document]) -> None:
    pems = [
        own_text(k.text, d.delivery)
        for d in docs
        for k in d.keeps
        if own_text(k.text, d.delivery).startswith("MFkw")
    ]
    assert len(pems) >= 3
    for pem in pems:
        assert b64decode_loose(pem.replace("\n", ""))[:2] == b"\x30\x59"


def test_no_keep_overlaps_a_secret(docs: list[Document]) -> None:
    for doc in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        for keep in doc.keeps:
            lo, hi = keep.offset, keep.offset + len(keep.text)
            assert not any(lo < b and a < hi for a, b in spans), (doc.name, keep)
        ordered = sorted(spans)
        assert all(b <= c for (_, b), (c, _) in itertools.pairwise(ordered)), doc.name


def test_every_occurrence_of_a_secret_is_labelled(docs: list[Document]) -> None:
    for doc in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        for secret in doc.secrets:
            for m in re.finditer(re.escape(secret.text), doc.text):
                assert any(a <= m.start() and m.end() <= b for a, b in spans), (doc.name, secret)


def test_stand_in_names_are_never_secrets(docs: list[Document]) -> None:
    names = {s.text for d in docs for s in d.secrets if s.cls == "person-name"}
    assert not names & {"Jane Doe", "John Doe", "Jane", "John", "Doe"}
    emails = [s.text for d in docs for s in d.secrets if s.cls == "email"]
    assert emails and not any(RESERVED_DOMAIN.search(e) for e in emails)


def test_no_secret_shaped_literal_in_the_sources() -> None:
    prefixes = re.compile(
        r"(?:ghp_|gho_|npm_|glpat-|sk_live_|whsec_|phx_|phc_|shpat_|sq0csp-|sq0idp-|samsara_api_|olp_|lsxs_pt_"
        r"|SG\.|AKIA|AIza|EAAA|DEV-|xox[abp]-|sk\.|pk\.|eyJ)[A-Za-z0-9_.\-]{16,}"
    )
    hex_run = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{24,}(?![0-9a-fA-F])")
    mixed_run = re.compile(r"[A-Za-z0-9+_-]{28,}")
    for path in (Path(corpus.__file__), Path(__file__)):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if "PINNED_DIGEST = " in line:
                continue
            where = f"{path.name}:{number}"
            assert not prefixes.search(line), where
            assert not hex_run.search(line), where
            for m in mixed_run.finditer(line):
                run = m.group()
                mixed = sum(c.isdigit() for c in run) >= 2 and any(c.isupper() for c in run)
                assert not (mixed and any(c.islower() for c in run)), where


# -- the measure


def replace_all(docs: list[Document], keep_fragment: bool = False) -> Callable[[str], str]:
    """A stand-in that replaces every labelled secret (or all of it but its first half)."""
    values = sorted({s.text for d in docs for s in d.secrets}, key=len, reverse=True)

    def scrub(text: str) -> str:
        for value in values:
            text = text.replace(value, (value[: len(value) // 2] if keep_fragment else "") + "[REDACTED]")
        return text

    return scrub


def test_measure_reports_its_keys_only(docs: list[Document]) -> None:
    assert set(measure_documents(docs[:5], lambda t: t)) == MEASURE_KEYS


def test_identity_removes_nothing_and_keeps_everything(docs: list[Document]) -> None:
    result = measure_documents(docs, lambda t: t)
    assert result["recall"] == 0.0
    assert result["recall_no_fragment"] == 0.0
    assert result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0
    assert result["secrets"] == sum(len(d.secrets) for d in docs)
    assert result["spans"] == sum(len(d.keeps) for d in docs)


def test_replacing_every_secret_gives_full_recall(docs: list[Document]) -> None:
    result = measure_documents(docs, replace_all(docs))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0


def test_a_fragment_left_lowers_recall_without_fragments(docs: list[Document]) -> None:
    result = measure_documents(docs, replace_all(docs, keep_fragment=True))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] < 0.5


def test_removing_keeps_lowers_keep_rate(docs: list[Document]) -> None:
    keeps = sorted({k.text for d in docs for k in d.keeps}, key=len, reverse=True)

    def scrub(text: str) -> str:
        for keep in keeps:
            text = text.replace(keep, "[REDACTED]")
        return text

    assert measure_documents(docs, scrub)["keep_rate"] == 0.0


def test_fragments_explained_by_surrounding_text_are_not_counted() -> None:
    secret = Secret("password", "Cobalt%Lime41", 9)
    text = "password Cobalt%Lime41 # Cobalt% is a colour\n"
    doc = Document("t/one-00", "quantum-hpc", "plain", text, (secret,), ())

    def scrub(t: str) -> str:
        return t.replace("Cobalt%Lime41", "[REDACTED]")

    assert measure_documents([doc], scrub)["recall_no_fragment"] == 1.0
    assert measure_documents([doc], lambda t: t.replace("Cobalt%", "[REDACTED]"))["recall_no_fragment"] == 0.0


def test_line_prefixes_inside_a_value_are_not_its_own() -> None:
    assert segments("AAAA1111\n+BBBB2222", "diff") == [(0, 8), (10, 18)]
    assert segments("AAAA1111\n    12→BBBB2222", "numbered") == [(0, 8), (16, 24)]
    assert segments("AAAA\\nBBBB", "json") == [(0, 4), (6, 10)]
    logged = "2024-01-02T03:04:05.1234560Z x\n2024-01-02T03:04:06.1234560Z y"
    assert [logged[a:b] for a, b in segments(logged, "ci-log")] == ["2024-01-02T03:04:05.1234560Z x", "y"]


def test_shares_of_nothing_are_one() -> None:
    result = measure_documents([], lambda t: t)
    assert set(result) == MEASURE_KEYS
    assert result["secrets"] == 0.0 and result["spans"] == 0.0
    assert all(
        result[k] == 1.0 for k in ("recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate")
    )


def test_b64_helper_rejects_garbage() -> None:
    with pytest.raises(binascii.Error):
        b64decode_loose("not*base64")
