"""The thirteenth held-back corpus part keeps its form: what the seed builds, where the labels point, formats.

Only the corpus is checked here, and `measure_documents` against fake scrubbers; never the scrubber's own
figures, which stay held back.
"""

from __future__ import annotations

import base64
import ipaddress
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from urllib.parse import unquote

import pytest

from tests.scrubcorpus.thirteenth import (
    DELIVERIES,
    DOCUMENTS,
    FRAGMENT,
    SEED,
    VENDOR_CLASSES,
    Document,
    Keep,
    Secret,
    build_corpus,
    corpus_digest,
    github_checksum,
    iban_ok,
    luhn_ok,
    measure_documents,
    processor_test_cards,
    reserved_domain,
    ssn_ok,
)

DIGEST = "48e0dba3c43c4ff09c4f24e406d609b8476ff3c8743b40bc74bf274ca85cb003"
SECRETS = 430
CLASSES = 40
KEEPS = 1360
LOOKALIKE_ONLY = 36


@cache
def corpus() -> tuple[Document, ...]:
    return tuple(build_corpus())


def test_the_seed_builds_the_pinned_corpus_and_another_seed_another() -> None:
    assert corpus_digest(corpus()) == DIGEST
    assert corpus_digest(build_corpus(seed=SEED + 1)) != DIGEST


def test_build_is_deterministic() -> None:
    assert tuple(build_corpus()) == corpus()
    assert build_corpus(seed=7) == build_corpus(seed=7)


def test_counts_are_as_documented() -> None:
    docs = corpus()
    per_class = Counter(s.kind for d in docs for s in d.secrets)
    assert len(docs) == DOCUMENTS
    assert DOCUMENTS == 360
    assert sum(per_class.values()) == SECRETS and 350 <= SECRETS <= 450
    assert len(per_class) == CLASSES
    assert len(per_class) >= 35
    assert min(per_class.values()) >= 8
    assert VENDOR_CLASSES.issubset(per_class)
    assert sum(len(d.keeps) for d in docs) == KEEPS
    assert sum(1 for d in docs if not d.secrets) == LOOKALIKE_ONLY
    assert 0.08 <= LOOKALIKE_ONLY / DOCUMENTS <= 0.12
    assert all(d.keeps for d in docs if not d.secrets)
    assert set(Counter(d.delivery for d in docs)) == set(DELIVERIES)
    assert len({d.setting for d in docs}) == 10
    assert len({d.name for d in docs}) == len(docs)


def test_every_span_is_where_it_says() -> None:
    for doc in corpus():
        labels: list[Secret | Keep] = [*doc.secrets, *doc.keeps]
        for span in labels:
            assert span.text, doc.name
            assert doc.text[span.offset : span.offset + len(span.text)] == span.text, doc.name
        for sec in doc.secrets:
            assert sec.text == sec.text.strip(), (doc.name, sec.kind)


def test_no_keep_is_inside_a_secret() -> None:
    for doc in corpus():
        for keep in doc.keeps:
            for sec in doc.secrets:
                assert keep.offset + len(keep.text) <= sec.offset or sec.offset + len(sec.text) <= keep.offset
                assert keep.text not in sec.text, (doc.name, keep.text)


def test_secrets_are_disjoint_and_every_copy_is_labelled() -> None:
    for doc in corpus():
        spans = sorted((s.offset, s.offset + len(s.text)) for s in doc.secrets)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), doc.name
        for sec in doc.secrets:
            found, at = set(), doc.text.find(sec.text)
            while at >= 0:
                found.add(at)
                at = doc.text.find(sec.text, at + 1)
            assert found == {s.offset for s in doc.secrets if s.text == sec.text}, (doc.name, sec.kind)


def _unescaped(text: str, levels: int) -> str:
    for _ in range(levels):
        text = json.loads(f'"{text}"')
    return text


def test_json_deliveries_parse_and_carry_the_secrets_escaped() -> None:
    seen = 0
    for doc in corpus():
        if doc.delivery != "json":
            continue
        seen += 1
        line = json.loads(doc.text)
        if "payload" in line:
            body, levels = json.loads(line["payload"]["output"])["output"], 2
        elif "message" in line:
            body, levels = line["message"]["content"][0]["content"], 1
        else:
            body, levels = line["output"], 1
        for sec in doc.secrets:
            assert _unescaped(sec.text, levels) in body, (doc.name, sec.kind)
    assert seen >= 40


def test_line_deliveries_lead_every_line() -> None:
    leads = {
        "numbered": re.compile(r" *\d+→"),
        "ci": re.compile(r"(\[?\d{4}-\d\d-\d\dT[\d:.]+Z\]?) "),
        "diff": re.compile(r"\+|diff --git |new file mode |index |--- |\+\+\+ |@@ |\$ git diff"),
    }
    for doc in corpus():
        if doc.delivery in leads:
            for line in doc.text.splitlines():
                assert leads[doc.delivery].match(line), (doc.name, line)


def _texts(kind: str) -> list[tuple[Document, str]]:
    return [(d, s.text) for d in corpus() for s in d.secrets if s.kind == kind]


def test_github_and_npm_tokens_carry_their_checksum() -> None:
    classic = 0
    for _, text in _texts("github-token"):
        if text.startswith("github_pat_"):
            assert re.fullmatch(r"github_pat_11[A-Z0-9]{20}_[A-Za-z0-9]{59}", text)
            continue
        assert re.fullmatch(r"gh[pousr]_[A-Za-z0-9]{36}", text)
        assert github_checksum(text[4:-6]) == text[-6:]
        classic += 1
    assert classic >= 5
    for _, text in _texts("npm-token"):
        assert re.fullmatch(r"npm_[A-Za-z0-9]{36}", text)
        assert github_checksum(text[4:-6]) == text[-6:]
    assert github_checksum("a" * 30) != github_checksum("b" * 30)


def test_cards_are_luhn_valid_and_no_processor_test_number() -> None:
    for _, text in _texts("credit-card"):
        digits = re.sub(r"[ -]", "", text)
        assert digits.isdigit() and len(digits) in (15, 16)
        assert luhn_ok(digits) and digits not in processor_test_cards()
    assert luhn_ok("4242424242424242") and not luhn_ok("4242424242424241")


def test_ibans_pass_mod_97_with_their_country_length() -> None:
    lengths = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "CH": 21, "BE": 16, "PL": 28, "FR": 27, "SE": 24}
    for _, text in _texts("iban"):
        compact = text.replace(" ", "")
        assert len(compact) == lengths[compact[:2]] and iban_ok(compact)
    assert not iban_ok("DE00" + "0" * 18)


def test_ssns_are_outside_the_unissued_ranges() -> None:
    for _, text in _texts("ssn"):
        assert ssn_ok(text), text
    for bad in ("000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000"):
        assert not ssn_ok(bad)


def test_private_keys_are_well_formed_pem_bodies() -> None:
    for doc, text in _texts("private-key"):
        sec = next(s for s in doc.secrets if s.text == text)
        before, after = doc.text[: sec.offset], doc.text[sec.offset + len(text) :]
        label = re.findall(r"-----BEGIN ([A-Z ]+)-----", before)[-1]
        assert re.match(r"(\\+n|\n)\s*-----END " + label + "-----", after), doc.name
        raw = base64.b64decode("".join(re.sub(r"\\+n", "\n", text).split()), validate=True)
        if label == "OPENSSH PRIVATE KEY":
            assert raw.startswith(b"openssh-key-v1\x00")
            continue
        assert raw[0] == 0x30  # a DER SEQUENCE spanning the whole body
        width = raw[1] - 0x80 if raw[1] > 0x80 else 0
        length = int.from_bytes(raw[2 : 2 + width], "big") if width else raw[1]
        assert length == len(raw) - 2 - width


def test_jwts_decode_to_json() -> None:
    def part(seg: str) -> dict[str, object]:
        obj = json.loads(base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4)))
        assert isinstance(obj, dict)
        return obj

    for _, text in _texts("jwt"):
        header, payload, signature = text.split(".")
        assert part(header)["typ"] == "JWT" and "exp" in part(payload) and len(signature) >= 40


def test_vendor_tokens_have_their_published_layouts() -> None:
    layouts = {
        "gitlab-token": r"gl(pat|dt|rt)-[A-Za-z0-9_-]{20}",
        "slack-token": r"xox[bp]-[0-9-]+-[A-Za-z0-9]+|xapp-1-A0[A-Z0-9]+-\d+-[0-9a-f]{64}|[A-Za-z0-9]{24}",
        "stripe-key": r"(sk|rk)_live_[A-Za-z0-9]{24,99}|whsec_[A-Za-z0-9]{32}",
        "openai-key": r"sk-(proj-|svcacct-)?[A-Za-z0-9_-]+T3BlbkFJ[A-Za-z0-9_-]+",
        "anthropic-key": r"sk-ant-(api03|admin01)-[A-Za-z0-9_-]{93}AA",
        "aws-access-key": r"(AKIA|ASIA)[A-Z2-7]{16}",
        "google-api-key": r"AIza[A-Za-z0-9_-]{35}",
        "pypi-token": r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]+",
        "huggingface-token": r"hf_[A-Za-z]{34}",
        "sendgrid-key": r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
        "twilio-key": r"SK[0-9a-f]{32}",
        "shopify-token": r"shp(at|ca|pa|ss)_[0-9a-f]{32}",
        "digitalocean-token": r"do[opr]_v1_[0-9a-f]{64}",
    }
    for kind, layout in layouts.items():
        texts = [t for _, t in _texts(kind)]
        assert len(texts) >= 8
        for text in texts:
            assert re.fullmatch(layout, text), (kind, text[:12])
            assert not text.endswith("EXAMPLE")
    prefixes: tuple[str, ...] = (
        "hvs.",
        "tskey-auth-",
        "pul-",
        "glsa_",
        "lin_api_",
        "PMAK-",
        "dapi",
        "dp.st.",
        "AGE-SECRET-KEY-1",
    )
    prefixes += ("gsk_", "r8_", "dckr_pat_", "rubygems_", "cio", "figd_", "NRAK-", "phx_")
    for _, text in _texts("vendor-token"):
        assert text.startswith(prefixes) and len(text) >= 30


def test_other_classes_have_their_shapes() -> None:
    for _, text in _texts("service-account-key-id"):
        assert re.fullmatch(r"[0-9a-f]{40}", text)
    for _, text in _texts("k8s-secret"):
        assert base64.b64decode(text, validate=True)
    for _, text in _texts("password-hash"):
        assert re.match(r"\$(2[aby]|argon2id|6|y)\$|pbkdf2_sha256\$", text)
    for _, text in _texts("aws-secret-key"):
        assert re.fullmatch(r"[A-Za-z0-9/+]{40}", text)
    for _, text in _texts("phone"):
        assert 10 <= len(re.sub(r"\D", "", text)) <= 13
    for _, text in _texts("home-path"):
        assert re.fullmatch(r"(/home/|/Users/|C:(\\)+Users(\\)+)[a-z._]+", text)
    for _, text in _texts("email-urlencoded"):
        assert "%40" in text and "@" not in text


def test_addresses_are_public_and_private_as_labelled() -> None:
    cgnat = ipaddress.ip_network("100.64.0.0/10")
    documentation = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")]
    for _, text in _texts("ip-public"):
        ip = ipaddress.ip_address(text)
        assert ip.is_global and not any(ip in n for n in documentation)
        assert str(ip) not in {"1.1.1.1", "8.8.8.8", "9.9.9.9"}
    for _, text in _texts("ip-private"):
        ip = ipaddress.ip_address(text.replace("-", "."))
        assert (
            (ip.is_private or ip in cgnat) and not ip.is_loopback and text.split(".")[-1] not in {"0", "255"}
        )


def test_email_domains_are_as_intended() -> None:
    domains = [t.rsplit("@", 1)[1] for _, t in _texts("email")]
    domains += [unquote(t).rsplit("@", 1)[1] for _, t in _texts("email-urlencoded")]
    assert len(domains) >= 30
    assert not any(reserved_domain(d) for d in domains)
    kept = [k.text for d in corpus() for k in d.keeps if re.fullmatch(r"[\w.+-]+@[\w.-]+", k.text)]
    assert len(kept) >= 20
    for text in kept:
        assert (
            reserved_domain(text.rsplit("@", 1)[1]) or text.startswith("noreply@") or text == "git@github.com"
        )


def test_a_labelled_name_never_sits_beside_an_example_address() -> None:
    for doc in corpus():
        for sec in doc.secrets:
            if sec.kind == "person-name":
                start = doc.text.rfind("\n", 0, sec.offset) + 1
                end = doc.text.find("\n", sec.offset)
                line = doc.text[start : end if end >= 0 else len(doc.text)]
                addresses = re.findall(r"[\w.+-]+@([\w.-]+)", line)
                assert not any(reserved_domain(a) for a in addresses), (doc.name, line)


# -- the measurement, against fake scrubbers -------------------------------------------------------------------


def _replacing(replace: Callable[[str], str]) -> Callable[[str], str]:
    """A fake scrubber that replaces every labelled secret, found by its document's text."""
    table: dict[str, str] = {}
    for doc in corpus():
        text = doc.text
        for sec in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
            text = text[: sec.offset] + replace(sec.text) + text[sec.offset + len(sec.text) :]
        table[doc.text] = text
    assert len(table) == len(corpus())
    return lambda text: table[text]


def test_identity_scrubber_removes_nothing_and_keeps_everything() -> None:
    got = measure_documents(corpus(), lambda text: text)
    assert got == {
        "secrets": float(SECRETS),
        "recall": 0.0,
        "recall_no_fragment": 0.0,
        "vendor_prefix_recall": 0.0,
        "keep_rate": 1.0,
        "spans": float(KEEPS),
    }


def test_perfect_scrubber_removes_every_secret_and_keeps_everything() -> None:
    got = measure_documents(corpus(), _replacing(lambda _: "[REDACTED:x]"))
    assert (
        got["recall"] == got["recall_no_fragment"] == got["vendor_prefix_recall"] == got["keep_rate"] == 1.0
    )


def test_leaky_scrubber_loses_the_no_fragment_recall() -> None:
    """Leaving a secret's first FRAGMENT characters removes it but leaks it; shorter ones go whole."""
    got = measure_documents(
        corpus(), _replacing(lambda text: text[:FRAGMENT] + "…" if len(text) > FRAGMENT else "[x]")
    )
    secrets = [s.text for d in corpus() for s in d.secrets]
    short = sum(1 for t in secrets if len(t) <= FRAGMENT)
    assert 0 < short < len(secrets) / 10
    assert got["recall"] == 1.0 and got["keep_rate"] == 1.0
    assert got["recall_no_fragment"] == pytest.approx(short / len(secrets))


def test_empty_output_removes_everything_and_keeps_nothing() -> None:
    got = measure_documents(corpus(), lambda _: "")
    assert got["recall"] == got["recall_no_fragment"] == 1.0 and got["keep_rate"] == 0.0


def test_vendor_recall_counts_only_vendor_classes() -> None:
    def only(vendor: bool) -> Callable[[str], str]:
        table: dict[str, str] = {}
        for doc in corpus():
            text = doc.text
            for sec in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
                if (sec.kind in VENDOR_CLASSES) == vendor:
                    text = text[: sec.offset] + "[x]" + text[sec.offset + len(sec.text) :]
            table[doc.text] = text
        return lambda text: table[text]

    vendor = sum(1 for d in corpus() for s in d.secrets if s.kind in VENDOR_CLASSES)
    got = measure_documents(corpus(), only(vendor=True))
    assert got["vendor_prefix_recall"] == 1.0 and got["recall"] == pytest.approx(vendor / SECRETS)
    got = measure_documents(corpus(), only(vendor=False))
    assert got["vendor_prefix_recall"] == 0.0 and got["recall"] == pytest.approx(1 - vendor / SECRETS)
