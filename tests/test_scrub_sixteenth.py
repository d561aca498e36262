"""The sixteenth held-back corpus keeps its form: counts, labels where they say, valid fakes, a pinned digest.

Only the corpus is tested here; the scrubber is never run on it outside `measure_held_back`.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tests.scrubcorpus.sixteenth import (
    DEFAULT_SEED,
    DELIVERIES,
    IBAN_LENGTHS,
    RESERVED_EMAIL_DOMAINS,
    VENDOR_CLASSES,
    Document,
    Keep,
    Secret,
    base62_crc32,
    build_corpus,
    corpus_digest,
    iban_mod97,
    iban_ok,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

PINNED_DIGEST = "95e8efbe2f703ee58745082d26a0e2b21fff634057d68761bcda6d83b5cbbc93"


@cache
def _corpus() -> tuple[Document, ...]:
    return tuple(build_corpus())


def _secrets() -> list[Secret]:
    return [s for d in _corpus() for s in d.secrets]


def _of(cls: str) -> list[str]:
    return [s.text for s in _secrets() if s.cls == cls]


def test_digest_is_pinned() -> None:
    assert corpus_digest(list(_corpus())) == PINNED_DIGEST


def test_another_seed_gives_another_corpus() -> None:
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != corpus_digest(list(_corpus()))


def test_build_is_deterministic() -> None:
    assert build_corpus() == list(_corpus())


def test_counts() -> None:
    docs = _corpus()
    assert 300 <= len(docs) <= 360
    secrets = _secrets()
    assert 350 <= len(secrets) <= 500
    per_class = Counter(s.cls for s in secrets)
    assert len(per_class) >= 35
    assert min(per_class.values()) >= 8, per_class.most_common()[-5:]
    assert len(VENDOR_CLASSES) >= 15
    assert not VENDOR_CLASSES - set(per_class)
    lookalike = sum(1 for d in docs if not d.secrets)
    assert 0.08 <= lookalike / len(docs) <= 0.15
    assert all(d.keeps for d in docs if not d.secrets)
    assert sum(1 for d in docs if d.keeps) / len(docs) >= 0.95
    assert len({d.name for d in docs}) == len(docs)


def test_every_delivery_and_many_settings() -> None:
    docs = _corpus()
    deliveries = Counter(d.delivery for d in docs)
    assert set(deliveries) == set(DELIVERIES)
    assert min(deliveries.values()) >= 30
    settings = Counter(d.setting for d in docs)
    assert 10 <= len(settings) <= 12
    assert min(settings.values()) >= 5


def test_spans_stand_where_they_say() -> None:
    for doc in _corpus():
        spans: tuple[Secret | Keep, ...] = (*doc.secrets, *doc.keeps)
        for span in spans:
            assert span.text, doc.name
            assert doc.text[span.offset : span.offset + len(span.text)] == span.text, doc.name
            assert not any(c in span.text for c in '"\\\n\t'), (doc.name, span.offset)


def test_spans_do_not_overlap_and_keeps_hold_no_secret() -> None:
    for doc in _corpus():
        labelled: tuple[Secret | Keep, ...] = (*doc.secrets, *doc.keeps)
        spans = sorted((s.offset, s.offset + len(s.text)) for s in labelled)
        for (_a, end), (start, _b) in itertools.pairwise(spans):
            assert start >= end, doc.name
        for keep in doc.keeps:
            for secret in doc.secrets:
                assert secret.text not in keep.text, doc.name
                assert keep.text not in secret.text, doc.name


def test_every_copy_of_a_secret_is_labelled() -> None:
    for doc in _corpus():
        labelled = Counter(s.text for s in doc.secrets)
        for text, n in labelled.items():
            assert doc.text.count(text) == n, doc.name
        for text in labelled:
            assert len({s.cls for s in doc.secrets if s.text == text}) == 1, doc.name


def test_json_deliveries_parse_and_hold_their_secrets() -> None:
    docs = [d for d in _corpus() if d.delivery == "json"]
    assert docs
    for doc in docs:
        record = json.loads(doc.text)
        if record["type"] == "function_call_output":
            inner = record["output"]
        else:
            inner = record["message"]["content"][0]["content"]
        assert isinstance(inner, str)
        for secret in doc.secrets:
            assert secret.text in inner, doc.name


def test_other_deliveries_have_their_layout() -> None:
    for doc in _corpus():
        lines = doc.text.rstrip("\n").split("\n")
        if doc.delivery == "diff":
            assert lines[0].startswith("diff --git a/")
            assert all(line.startswith("+") for line in lines[6:])
        elif doc.delivery == "numbered":
            assert all(re.match(r"^( {0,5}\d+→|\d+\t)", line) for line in lines), doc.name
        elif doc.delivery == "ci":
            assert all(re.match(r"^2026-12-16T\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines), doc.name
        elif doc.delivery == "fence":
            assert doc.text.count("```") == 2


def test_github_and_npm_tokens_carry_their_checksum() -> None:
    tokens = [t for t in _of("github-token") + _of("npm-token")]
    assert len(tokens) >= 16
    for token in tokens:
        m = re.fullmatch(r"(gh[pousr]_|npm_)([0-9A-Za-z]{30})([0-9A-Za-z]{6})", token)
        assert m, token
        assert base62_crc32(m.group(2)) == m.group(3)


def test_base62_crc32_zero_pads() -> None:
    assert len(base62_crc32("")) == 6
    assert base62_crc32("") == "000000"


def test_cards_pass_luhn_and_are_not_published_test_numbers() -> None:
    cards = _of("credit-card")
    assert cards
    for card in cards:
        digits = card.replace(" ", "")
        assert digits.isdigit() and len(digits) in (15, 16)
        assert luhn_ok(digits), card
        assert not re.fullmatch(r"(\d{4})\1{3}", digits)
        assert len(set(digits)) > 4
    published = "4242" * 4
    assert luhn_ok(published)
    assert not luhn_ok(published[:-1] + "1")


def test_ibans_pass_mod97_and_have_their_country_length() -> None:
    ibans = _of("iban")
    assert ibans
    for iban in ibans:
        compact = iban.replace(" ", "")
        assert IBAN_LENGTHS[compact[:2]] == len(compact)
        assert iban_mod97(compact) == 1
        assert iban_ok(iban)
        if " " in iban:
            assert all(len(g) == 4 for g in iban.split(" ")[:-1])


def test_iban_look_alikes_fail_the_check() -> None:
    keeps = [
        k.text for d in _corpus() for k in d.keeps if re.fullmatch(r"[A-Z]{2}\d{2}[ 0-9A-Z]{10,}", k.text)
    ]
    assert keeps
    assert not any(iban_ok(k) for k in keeps)


def test_ssns_are_in_valid_ranges() -> None:
    ssns = _of("ssn")
    assert ssns
    assert all(ssn_ok(s) for s in ssns)
    assert not ssn_ok("000-12-3456") and not ssn_ok("666-12-3456") and not ssn_ok("912-12-3456")
    assert not ssn_ok("123-00-4567") and not ssn_ok("123-45-0000")


def _b64url_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_jwts_decode() -> None:
    jwts = _of("jwt")
    assert jwts
    for token in jwts:
        header, payload, signature = token.split(".")
        assert isinstance(_b64url_json(header), dict)
        assert isinstance(_b64url_json(payload), dict)
        assert re.fullmatch(r"[A-Za-z0-9_-]+", signature)
        assert "alg" in _b64url_json(header)  # type: ignore[operator]


def test_aws_key_ids_have_their_shape() -> None:
    ids = _of("aws-access-key")
    assert ids
    for key_id in ids:
        assert re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", key_id)
        assert not key_id.endswith("EXAMPLE")
    assert all(re.fullmatch(r"[A-Za-z0-9+/]{40}", s) for s in _of("aws-secret-key"))


def test_keys_decode_as_base64() -> None:
    for key in _of("wireguard-key"):
        assert len(base64.b64decode(key, validate=True)) == 32
    for line in _of("private-key"):
        try:
            base64.b64decode(line + "=" * (-len(line) % 4), validate=True)
        except binascii.Error:  # pragma: no cover - a failure message
            pytest.fail(line)


def test_vendor_tokens_have_their_published_prefix() -> None:
    prefixes = {
        "gitlab-token": ("glpat-",),
        "slack-token": ("xoxb-", "xoxp-"),
        "stripe-key": ("sk_live_", "rk_live_", "whsec_"),
        "openai-key": ("sk-proj-", "sk-svcacct-"),
        "anthropic-key": ("sk-ant-",),
        "google-api-key": ("AIza",),
        "pypi-token": ("pypi-AgEIcHlwaS5vcmc",),
        "huggingface-token": ("hf_",),
        "sendgrid-key": ("SG.",),
        "shopify-token": ("shpat_", "shpca_", "shppa_", "shpss_"),
        "digitalocean-token": ("dop_v1_", "doo_v1_"),
        "sentry-token": ("sntryu_",),
        "linear-key": ("lin_api_",),
        "postman-key": ("PMAK-",),
        "databricks-token": ("dapi",),
        "atlassian-token": ("ATATT3",),
        "doppler-token": ("dp.",),
        "vault-token": ("hvs.",),
        "age-secret-key": ("AGE-SECRET-KEY-1",),
        "nats-seed": ("SU",),
        "google-oauth-token": ("ya29.",),
    }
    for cls, starts in prefixes.items():
        assert cls in VENDOR_CLASSES
        for token in _of(cls):
            assert token.startswith(starts), (cls, token[:12])
    for seed in _of("nats-seed"):
        assert re.fullmatch(r"SU[A-Z2-7]{56}", seed)


def test_no_email_secret_on_a_reserved_domain() -> None:
    emails = _of("email")
    assert emails
    for email in emails:
        domain = email.rsplit("@", 1)[1].lower()
        assert domain not in RESERVED_EMAIL_DOMAINS
        assert domain.rsplit(".", 1)[-1] not in RESERVED_EMAIL_DOMAINS
        assert not domain.startswith("example.")
        assert not email.lower().startswith(("noreply@", "no-reply@", "git@"))


_SHAPED = re.compile(
    r"(gh[pousr]_|npm_|glpat-|xox[bp]-|[sr]k_live_|whsec_|sk-ant-|sk-proj-|sk-svcacct-|AIza|hf_|SG\.|"
    r"shp(?:at|ca|pa|ss)_|do[po]_v1_|sntryu_|lin_api_|PMAK-|ATATT3|dp\.(?:st|pt|sa)\.|hvs\.|"
    r"AGE-SECRET-KEY-1|ya29\.|pypi-)[A-Za-z0-9_.=-]{12,}"
    r"|(?:AKIA|ASIA)[A-Z2-7]{16}|eyJ[A-Za-z0-9_-]{16,}\.|SU[A-Z2-7]{56}|dapi[0-9a-f]{32}"
    r"|\d{3}-\d{2}-\d{4}|\b(?:\d{4} ?){3}\d{4}\b"
)


def test_the_module_writes_no_secret_shaped_literal() -> None:
    source = (Path(__file__).parent / "scrubcorpus" / "sixteenth.py").read_text()
    hits = [m.group(0) for m in _SHAPED.finditer(source)]
    assert not hits
    assert _SHAPED.search(build_corpus()[0].text + " " + " ".join(_of("github-token")))


def test_measure_on_an_identity_scrub() -> None:
    docs = list(_corpus())
    result = measure_documents(docs, lambda text: text)
    assert set(result) == {
        "secrets",
        "recall",
        "recall_no_fragment",
        "vendor_prefix_recall",
        "keep_rate",
        "spans",
    }
    assert result["secrets"] == len(_secrets())
    assert result["recall"] == 0.0
    assert result["recall_no_fragment"] == 0.0
    assert result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0
    assert result["spans"] == sum(len(d.keeps) for d in docs)


def test_measure_on_a_scrub_that_removes_every_secret() -> None:
    docs = list(_corpus())
    texts = sorted({s.text for s in _secrets()}, key=len, reverse=True)

    def remove_all(text: str) -> str:
        for secret in texts:
            text = text.replace(secret, "[gone]")
        return text

    result = measure_documents(docs, remove_all)
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_measure_sees_fragments_and_lost_keeps() -> None:
    value = "horse" * 4
    text = f"password={value} host=db.internal"
    secret = Secret("password", value, text.index(value))
    keep = Keep("db.internal", text.index("db.internal"))
    doc = Document("x", "repl", "plain", text, (secret,), (keep,))
    half = measure_documents([doc], lambda t: t.replace(value[:12], "*"))
    assert half["recall"] == 1.0 and half["recall_no_fragment"] == 0.0
    lost = measure_documents([doc], lambda t: "password=* host=*")
    assert lost["recall_no_fragment"] == 1.0 and lost["keep_rate"] == 0.0
    kept = measure_documents([doc], lambda t: t.replace(value, "*") + " db.internal")
    assert kept["keep_rate"] == 1.0 and kept["vendor_prefix_recall"] == 1.0
    empty = measure_documents([], lambda t: t)
    assert empty["recall"] == 1.0 and empty["keep_rate"] == 1.0 and empty["secrets"] == 0.0
