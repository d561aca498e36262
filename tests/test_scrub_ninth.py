"""The ninth held-back scrub corpus is deterministic, well labelled, format-valid, and its measure is right.

The format checks recompute each published layout here (GitHub's CRC32 checksum, Luhn, ISO 13616 mod-97,
SSN issuance rules, key encodings) rather than reusing the generator's helpers, so that a generator bug
cannot hide behind itself.
"""

from __future__ import annotations

import base64
import binascii
import collections
import ipaddress
import itertools
import json
import re
import zlib
from collections.abc import Callable
from functools import cache

import pytest

from tests.scrubcorpus.ninth import (
    DEFAULT_SEED,
    FIRST,
    LAST,
    MAIL_DOMAINS,
    ORG_DOMAINS,
    VENDORS,
    Doc,
    Span,
    build_corpus,
    corpus_digest,
    measure_held_back,
)

MEASURE_KEYS = {
    "secrets",
    "recall",
    "recall_no_fragment",
    "vendor_prefix_recall",
    "keep_rate",
    "line_keep_rate",
    "lines",
}

# Published layouts, written out independently of the generator.
VENDOR_LAYOUTS: dict[str, str] = {
    "github_classic": r"ghp_[0-9A-Za-z]{36}",
    "github_oauth": r"gho_[0-9A-Za-z]{36}",
    "github_app": r"ghs_[0-9A-Za-z]{36}",
    "github_refresh": r"ghr_[0-9A-Za-z]{36}",
    "github_user_to_server": r"ghu_[0-9A-Za-z]{36}",
    "github_fine_grained": r"github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}",
    "gitlab_pat": r"glpat-[0-9A-Za-z_-]{20}",
    "gitlab_deploy": r"gldt-[0-9A-Za-z_-]{20}",
    "gitlab_trigger": r"glptt-[0-9a-f]{40}",
    "gitlab_runner": r"glrt-[0-9A-Za-z_-]{20}",
    "slack_bot": r"xoxb-\d{10,13}-\d{10,13}-[0-9A-Za-z]{24}",
    "slack_user": r"xoxp-\d{10,13}-\d{10,13}-\d{10,13}-[0-9a-f]{32}",
    "slack_app": r"xapp-1-A[0-9A-Z]{10}-\d{13,14}-[0-9a-f]{64}",
    "stripe_live_secret": r"sk_live_[0-9A-Za-z]{24,99}",
    "stripe_test_secret": r"sk_test_[0-9A-Za-z]{99}",
    "stripe_restricted": r"rk_live_[0-9A-Za-z]{99}",
    "openai_project": r"sk-proj-[0-9A-Za-z_-]{156}",
    "openai_legacy": r"sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20}",
    "anthropic": r"sk-ant-api03-[0-9A-Za-z_-]{93}AA",
    "huggingface": r"hf_[A-Za-z]{34}",
    "aws_key_id": r"AKIA[A-Z2-7]{16}",
    "aws_temp_key_id": r"ASIA[A-Z2-7]{16}",
    "google_api_key": r"AIza[0-9A-Za-z_-]{35}",
    "google_oauth_access": r"ya29\.[0-9A-Za-z_-]{150,200}",
    "google_oauth_refresh": r"1//0[0-9A-Za-z_-]{98,104}",
    "google_client_secret": r"GOCSPX-[0-9A-Za-z_-]{28}",
    "npm": r"npm_[0-9A-Za-z]{36}",
    "pypi": r"pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{150,180}",
    "crates_io": r"cio[0-9A-Za-z]{32}",
    "sendgrid": r"SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}",
    "twilio_api_key": r"SK[0-9a-f]{32}",
    "shopify_admin": r"shpat_[0-9a-f]{32}",
    "shopify_shared": r"shpss_[0-9a-f]{32}",
    "digitalocean_pat": r"dop_v1_[0-9a-f]{64}",
    "digitalocean_oauth": r"doo_v1_[0-9a-f]{64}",
    "linear": r"lin_api_[0-9A-Za-z]{40}",
    "sentry_user": r"sntryu_[0-9a-f]{64}",
    "sentry_org": r"sntrys_eyJ[0-9A-Za-z+/]+_[0-9A-Za-z_-]{43}",
    "doppler_service": r"dp\.st\.(prd|dev|stg)\.[0-9A-Za-z]{40}",
    "doppler_personal": r"dp\.pt\.[0-9A-Za-z]{43}",
    "databricks": r"dapi[0-9a-f]{32}(-\d)?",
    "atlassian": r"ATATT3[0-9A-Za-z_-]{177}=[0-9A-F]{8}",
    "postman": r"PMAK-[0-9a-f]{24}-[0-9a-f]{34}",
    "grafana_service_account": r"glsa_[0-9A-Za-z]{32}_[0-9a-f]{8}",
    "grafana_cloud": r"glc_eyJ[0-9A-Za-z+/]+=*",
    "newrelic_user": r"NRAK-[0-9A-Z]{27}",
    "mailgun": r"key-[0-9a-f]{32}",
    "cloudflare_api_token": r"[0-9A-Za-z_-]{40}",
    "discord_bot": r"[0-9A-Za-z_-]{24}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{38}",
    "stripe_webhook_secret": r"whsec_[0-9A-Za-z]{32}",
}
CHECKSUMMED = (
    "github_classic",
    "github_oauth",
    "github_app",
    "github_refresh",
    "github_user_to_server",
    "npm",
)
IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24, "IT": 27, "BE": 16}
EXPECTED_CLASSES = {
    "github_token", "gitlab_token", "slack_token", "chat_webhook", "stripe_key", "ai_api_key",
    "aws_access_key_id", "aws_secret_key", "google_credential", "package_registry_token", "saas_api_token",
    "webhook_signing_secret", "password", "generic_api_key", "connection_string_password", "url_userinfo",
    "cli_password", "auth_header", "cookie_session", "k8s_secret_data", "signed_url_param", "jwt",
    "private_key", "azure_storage", "service_account_key_id", "email", "phone", "credit_card", "ssn", "iban",
    "ip_private", "ip_public", "home_user", "person_name",
}  # fmt: skip


@cache
def corpus() -> tuple[Doc, ...]:
    return tuple(build_corpus())


LINE_PREFIXES = {
    "numbered": re.compile(r"(?<=\n) *\d+→"),
    "ci_log": re.compile(r"(?<=\n)2026-11-03T\d\d:\d\d:\d\d\.\d{7}Z "),
    "diff": re.compile(r"(?<=\n)\+"),
}


def span_text(doc: Doc, span: Span) -> str:
    """The span's value as written before delivery: unescaped from a transcript line, line prefixes removed."""
    raw = doc.text[span.start : span.end]
    if doc.delivery == "transcript":
        return str(json.loads(f'"{raw}"'))
    if doc.delivery in LINE_PREFIXES:
        return LINE_PREFIXES[doc.delivery].sub("", raw)
    return raw


def plain_text(doc: Doc) -> str:
    """The snippet as the terminal showed it, before a transcript line escaped it."""
    if doc.delivery != "transcript":
        return doc.text
    line = json.loads(doc.text)
    return str(line["content"] if line["type"] == "tool_result" else line["output"])


def base62_checksum(body: str) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n, out = zlib.crc32(body.encode()), ""
    while n:
        n, d = divmod(n, 62)
        out = alphabet[d] + out
    return out.rjust(6, "0")


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number]
    odd = digits[-1::-2]
    even = [sum(divmod(2 * d, 10)) for d in digits[-2::-2]]
    return (sum(odd) + sum(even)) % 10 == 0


def iban_valid(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    as_number = "".join(str(ord(c) - 55) if c.isalpha() else c for c in rearranged)
    return int(as_number) % 97 == 1


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    assert corpus_digest(build_corpus()) == corpus_digest(build_corpus(DEFAULT_SEED))
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != corpus_digest(list(corpus()))


def test_sizes_are_in_the_planned_ranges() -> None:
    docs = corpus()
    secrets = [s for d in docs for s in d.secrets]
    keeps = [s for d in docs for s in d.keeps]
    per_class = collections.Counter(s.cls for s in secrets)
    assert 280 <= len(docs) <= 340
    assert len({d.kind for d in docs}) >= 80
    assert set(per_class) == EXPECTED_CLASSES
    assert 700 <= len(secrets) <= 950
    assert 2000 <= len(keeps) <= 4000
    assert 0.08 <= sum(d.lookalike for d in docs) / len(docs) <= 0.12
    # spread fairly: no class starves, none dominates
    assert min(per_class.values()) >= 10
    assert max(per_class.values()) <= 0.1 * len(secrets)
    assert sum(s.vendor for s in secrets) >= 120
    assert {d.delivery for d in docs} == {"as_is", "transcript", "diff", "numbered", "ci_log", "markdown"}
    # every published vendor layout is exercised
    assert {s.fmt for s in secrets} >= {v.fmt for v in VENDORS}


def test_spans_point_into_the_text_and_do_not_overlap() -> None:
    for doc in corpus():
        assert not re.search("[«»¦]", doc.text), doc.kind  # no template markup left over
        spans = sorted(doc.secrets + doc.keeps, key=lambda s: s.start)
        for span in spans:
            assert 0 <= span.start < span.end <= len(doc.text), doc.kind
            assert doc.text[span.start : span.end].strip(), doc.kind
        for before, after in itertools.pairwise(spans):
            assert before.end <= after.start, (doc.kind, before, after)


def test_no_secret_appears_inside_a_must_survive_span_or_unlabelled_elsewhere() -> None:
    for doc in corpus():
        blanked = list(doc.text)
        for span in doc.secrets:
            blanked[span.start : span.end] = ["\x00"] * (span.end - span.start)
        outside = "".join(blanked)
        for span in doc.secrets:
            secret = doc.text[span.start : span.end]
            assert secret not in outside, (doc.kind, span.cls)
            for keep in doc.keeps:
                assert secret not in doc.text[keep.start : keep.end], (doc.kind, span.cls)


def test_many_must_survive_spans_sit_right_beside_a_secret() -> None:
    """The key name before a value, the attributes after a cookie, the rest of a URL: where scrubbers overreach."""
    beside = 0
    for doc in corpus():
        near: set[int] = set()  # within two characters (a quote, a space) of a secret's edge
        for span in doc.secrets:
            near.update(range(span.start - 2, span.start + 1), range(span.end, span.end + 3))
        beside += sum(1 for keep in doc.keeps if keep.end in near or keep.start in near)
    assert beside >= 900


def test_no_personal_value_is_left_unlabelled() -> None:
    """Outside the secret spans there is no generated e-mail, person name or address of a real host."""
    addresses = re.compile(r"(@|%40)(" + "|".join(re.escape(d) for d in MAIL_DOMAINS + ORG_DOMAINS) + ")")
    names = re.compile(r"\b(" + "|".join(FIRST) + r") (" + "|".join(LAST) + r")\b")
    for doc in corpus():
        blanked = list(doc.text)
        for span in doc.secrets:
            blanked[span.start : span.end] = ["\x00"] * (span.end - span.start)
        outside = "".join(blanked)
        assert not addresses.search(outside), doc.kind
        assert not names.search(outside), doc.kind
        for ip in re.findall(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", outside):
            address = ipaddress.ip_address(ip)
            assert (
                address.is_loopback
                or not (address.is_global or address.is_private)
                or any(ip.startswith(p) for p in ("192.0.2.", "198.51.100.", "203.0.113.", "0."))
            ), (doc.kind, ip)


def test_lookalike_documents_hold_no_secret_and_survive_line_by_line() -> None:
    layouts = [re.compile(p) for fmt, p in VENDOR_LAYOUTS.items() if fmt != "cloudflare_api_token"]
    lookalikes = [d for d in corpus() if d.lookalike]
    assert lookalikes
    for doc in lookalikes:
        assert doc.secrets == ()
        assert any(k.fmt == "line" for k in doc.keeps)
        for layout in layouts:
            assert not layout.search(doc.text), (doc.kind, layout.pattern)
        for ip in re.findall(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", doc.text):
            assert not ipaddress.ip_address(ip).is_global, (doc.kind, ip)


def test_deliveries_have_their_shapes() -> None:
    for doc in corpus():
        lines = doc.text.rstrip("\n").split("\n")
        if doc.delivery == "transcript":
            assert json.loads(doc.text)["type"] in ("tool_result", "function_call_output")
            assert doc.text.index("\n") == len(doc.text) - 1, doc.kind
        elif doc.delivery == "numbered":
            assert all(re.match(r"^ *\d+→", line) for line in lines), doc.kind
        elif doc.delivery == "ci_log":
            assert all(re.match(r"^2026-11-03T\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines), doc.kind
        elif doc.delivery == "diff":
            header_end = next(i for i, line in enumerate(lines) if line.startswith("@@ "))
            assert all(line.startswith("+") for line in lines[header_end + 1 :]), doc.kind
        elif doc.delivery == "markdown":
            assert doc.text.endswith("```\n") and any(line.startswith("```") for line in lines[:3]), doc.kind


def test_vendor_tokens_follow_their_published_layouts_and_checksums() -> None:
    seen: collections.Counter[str] = collections.Counter()
    for doc in corpus():
        for span in doc.secrets:
            if span.fmt not in VENDOR_LAYOUTS:
                continue
            token = span_text(doc, span)
            assert re.fullmatch(VENDOR_LAYOUTS[span.fmt], token), (span.fmt, len(token))
            assert span.vendor == (span.fmt not in ("cloudflare_api_token", "discord_bot"))
            if span.fmt in CHECKSUMMED:
                body = token.split("_", 1)[1]
                assert body[30:] == base62_checksum(body[:30]), span.fmt
            seen[span.fmt] += 1
    assert set(seen) == set(VENDOR_LAYOUTS)


def test_personal_and_financial_values_are_valid_of_their_kind() -> None:
    checked: collections.Counter[str] = collections.Counter()
    for doc in corpus():
        for span in doc.secrets:
            value = span_text(doc, span)
            if span.cls == "credit_card":
                digits = re.sub(r"[ -]", "", value)
                assert digits.isdigit() and len(digits) in (15, 16) and luhn_valid(digits), value
                assert re.match(r"4|5[1-5]|2[2-7]|3[47]|6011", digits)
            elif span.cls == "iban":
                compact = value.replace(" ", "")
                assert len(compact) == IBAN_LENGTHS[compact[:2]] and iban_valid(compact)
            elif span.cls == "ssn":
                m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", value)
                assert m is not None
                area, group, serial = m.groups()
                assert area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"
            elif span.cls == "ip_private":
                ip = ipaddress.ip_address(value)
                assert ip.is_private and not ip.is_loopback and not ipaddress.ip_address(value).is_global
                assert not any(value.startswith(p) for p in ("192.0.2.", "198.51.100.", "203.0.113."))
            elif span.cls == "ip_public":
                assert ipaddress.ip_address(value).is_global, value
            elif span.cls == "email":
                assert re.fullmatch(r"[a-z0-9._]+(@|%40)[a-z0-9.-]+\.[a-z]{2,}", value), value
            elif span.cls == "phone":
                assert 10 <= len(re.sub(r"\D", "", value)) <= 13, value
            elif span.cls == "home_user":
                homes = ("/home/", "/Users/", "\\Users\\")
                assert any(home + value in plain_text(doc) for home in homes), doc.kind
            elif span.cls == "person_name":
                assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", value), value
            checked[span.cls] += 1
    assert {"credit_card", "iban", "ssn", "ip_private", "ip_public", "email", "phone", "home_user"} <= set(
        checked
    )


def test_keys_tokens_and_encoded_secrets_decode() -> None:
    for doc in corpus():
        for span in doc.secrets:
            value = span_text(doc, span)
            if span.cls == "jwt":
                header, payload, signature = value.split(".")
                assert "alg" in json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
                assert "exp" in json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
                assert len(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))) in (32, 64)
            elif span.cls == "private_key":
                body = value.replace("\\n", "\n")
                if span.fmt == "keyb64":
                    assert base64.b64decode(body).decode().startswith("-----BEGIN RSA ")
                    continue
                width = 70 if span.fmt == "key_openssh" else 64  # OpenSSH wraps at 70, PEM at 64
                assert all(len(line) <= width for line in body.split("\n"))
                raw = base64.b64decode(body.replace("\n", ""), validate=True)
                if span.fmt == "key_openssh":
                    assert raw.startswith(b"openssh-key-v1\x00")
                else:
                    assert raw[0] == 0x30  # a DER SEQUENCE
            elif span.cls == "k8s_secret_data" or span.fmt == "azkey":
                base64.b64decode(value, validate=True)
            elif span.cls == "aws_secret_key":
                assert re.fullmatch(r"[A-Za-z0-9+/]{40}|IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}", value)
            elif span.fmt == "basic":
                user, _, password = base64.b64decode(value).decode().partition(":")
                assert user and password
            elif span.cls == "service_account_key_id":
                binascii.unhexlify(value)
                assert len(value) == 40


def test_key_blocks_keep_their_marker_lines_as_must_survive() -> None:
    blocks = 0
    for doc in corpus():
        keep_texts = [doc.text[k.start : k.end] for k in doc.keeps]
        for span in doc.secrets:
            if span.cls == "private_key" and span.fmt != "keyb64":
                blocks += 1
                assert any("BEGIN" in t and "KEY" in t for t in keep_texts), doc.kind
                assert any("END" in t and "KEY" in t for t in keep_texts), doc.kind
    assert blocks >= 8


def label_redactor(replace: Callable[[Doc, Span, str], str]) -> Callable[[str], str]:
    """A redactor that knows the labels: each secret span is rewritten by `replace`, nothing else changes."""
    by_text = {d.text: d for d in corpus()}
    assert len(by_text) == len(corpus())

    def redact(text: str) -> str:
        doc = by_text[text]
        for span in sorted(doc.secrets, key=lambda s: -s.start):
            text = text[: span.start] + replace(doc, span, text[span.start : span.end]) + text[span.end :]
        return text

    return redact


def test_measure_of_the_identity_finds_nothing_recalled_and_everything_kept() -> None:
    result = measure_held_back(lambda text: text)
    assert set(result) == MEASURE_KEYS
    assert result["recall"] == 0 and result["recall_no_fragment"] == 0 and result["vendor_prefix_recall"] == 0
    assert result["keep_rate"] == 1 and result["line_keep_rate"] == 1
    assert result["secrets"] == sum(len(d.secrets) for d in corpus())
    assert result["lines"] == sum(1 for d in corpus() for k in d.keeps if d.lookalike and k.fmt == "line")


def test_measure_of_an_exact_label_redactor_is_perfect() -> None:
    result = measure_held_back(label_redactor(lambda doc, span, secret: "[X]"))
    assert result["recall"] == 1 and result["recall_no_fragment"] == 1 and result["vendor_prefix_recall"] == 1
    assert result["keep_rate"] == 1 and result["line_keep_rate"] == 1


def test_measure_of_blanking_everything_recalls_all_and_keeps_nothing() -> None:
    result = measure_held_back(lambda text: "")
    assert result["recall"] == 1 and result["recall_no_fragment"] == 1
    assert result["keep_rate"] == 0 and result["line_keep_rate"] == 0


def test_measure_counts_vendor_tokens_and_leaked_fragments_apart() -> None:
    vendor_only = measure_held_back(
        label_redactor(lambda doc, span, secret: "[X]" if span.vendor else secret)
    )
    assert vendor_only["vendor_prefix_recall"] == 1
    assert 0 < vendor_only["recall"] < 0.5
    leaky = measure_held_back(
        label_redactor(lambda doc, span, secret: "[X]" + secret[-10:] if len(secret) > 20 else "[X]")
    )
    assert leaky["recall"] == 1
    assert leaky["recall_no_fragment"] < 0.8


@pytest.mark.slow
def test_the_real_scrubber_can_be_measured_end_to_end() -> None:
    result = measure_held_back()
    assert set(result) == MEASURE_KEYS
    rates = [v for k, v in result.items() if k not in ("secrets", "lines")]
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in rates)
    assert isinstance(result["secrets"], int) and isinstance(result["lines"], int)
    assert result["secrets"] > 0 and result["lines"] > 0
