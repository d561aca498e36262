"""Form of the twelfth held-back corpus: what it holds is what its docstring says, with no scrubber figure."""

from __future__ import annotations

import base64
import itertools
import json
import re
from collections import Counter
from functools import cache

from tests.scrubcorpus import twelfth
from tests.scrubcorpus.twelfth import Document

PINNED_DIGEST = "93fe3b76f47ef761d9a835ef72ed2aa88fedd19f94c6cf052f7ebb01ed9c673b"
LINE_PREFIXES = {
    "diff": re.compile(r"^\+"),
    "numbered": re.compile(r"^(?:\s*\d+→|\d+\t)"),
    "ci-log": re.compile(r"^\d{4}-\d\d-\d\dT[\d:.]+Z "),
}


@cache
def corpus() -> tuple[Document, ...]:
    return tuple(twelfth.build_corpus())


def plain_text(doc: Document, text: str) -> str:
    """A span's text as the raw document held it, before its delivery escaped or prefixed it."""
    if doc.delivery == "json-transcript":
        text = json.loads(f'"{text}"')
    prefix = LINE_PREFIXES.get(doc.delivery)
    if prefix is None:
        return text
    return "\n".join(prefix.sub("", line) for line in text.split("\n"))


def secrets_of(cls: str) -> list[str]:
    return [plain_text(doc, s.text) for doc in corpus() for s in doc.secrets if s.cls == cls]


def test_digest_is_pinned_and_follows_the_seed() -> None:
    assert twelfth.corpus_digest() == PINNED_DIGEST
    assert twelfth.corpus_digest(twelfth.DEFAULT_SEED + 1) != PINNED_DIGEST


def test_counts_are_as_documented() -> None:
    docs = corpus()
    assert len(docs) == twelfth.DOCUMENTS
    assert sum(not doc.secrets for doc in docs) == twelfth.LOOKALIKE_DOCUMENTS
    assert all(doc.keeps for doc in docs if not doc.secrets)
    assert 35 <= len(twelfth.CLASSES) <= 40
    assert len(twelfth.VENDOR_CLASSES) >= 15
    names = {c.name for c in twelfth.CLASSES}
    assert {c.name for c in twelfth.CLASSES if c.vendor_prefix} == twelfth.VENDOR_CLASSES
    per_class = Counter(cls for doc in docs for cls in {s.cls for s in doc.secrets})
    assert set(per_class) == names
    assert min(per_class.values()) >= twelfth.MIN_PER_CLASS
    assert {doc.delivery for doc in docs} == set(twelfth.DELIVERIES)


def test_spans_are_where_they_say() -> None:
    classes = {c.name for c in twelfth.CLASSES}
    for doc in corpus():
        for span in (*doc.secrets, *doc.keeps):
            assert span.text and doc.text[span.start : span.end] == span.text
        assert all(s.cls in classes for s in doc.secrets)
        assert all(k.cls == "" for k in doc.keeps)


def test_no_keep_inside_a_secret() -> None:
    for doc in corpus():
        for keep in doc.keeps:
            for secret in doc.secrets:
                assert keep.end <= secret.start or secret.end <= keep.start
                assert keep.text not in secret.text and secret.text not in keep.text


def test_secrets_do_not_overlap_and_every_copy_is_labelled() -> None:
    for doc in corpus():
        ordered = sorted(doc.secrets, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))
        labelled = {(s.start, s.text) for s in doc.secrets}
        for secret in doc.secrets:
            found = [m.start() for m in re.finditer(re.escape(secret.text), doc.text)]
            assert all((start, secret.text) in labelled for start in found), (doc.kind, secret.text)


def test_json_deliveries_parse_and_others_do_not_wrap() -> None:
    for doc in corpus():
        if doc.delivery == "json-transcript":
            line = json.loads(doc.text)
            assert isinstance(line["tool_result"]["content"], str)
            assert "\n" not in doc.text
        elif doc.delivery == "diff":
            assert doc.text.startswith("diff --git ")


def test_github_tokens_carry_their_checksum() -> None:
    tokens = secrets_of("github-classic-token")
    assert len(tokens) >= twelfth.MIN_PER_CLASS
    for token in tokens:
        body = token.split("_", 1)[1]
        assert len(body) == 36 and body[30:] == twelfth.github_checksum(body[:30])


def test_cards_pass_luhn_and_are_not_processor_test_numbers() -> None:
    cards = secrets_of("card-number")
    assert len(cards) >= twelfth.MIN_PER_CLASS
    for card in cards:
        number = re.sub(r"\D", "", card)
        assert twelfth.luhn_valid(number) and number not in twelfth.PROCESSOR_TEST_CARDS


def test_ibans_pass_mod_97_and_look_alike_ibans_fail_it() -> None:
    ibans = secrets_of("iban")
    assert len(ibans) >= twelfth.MIN_PER_CLASS
    assert all(twelfth.iban_valid(iban) for iban in ibans)
    shaped = re.compile(r"^[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})+(?: ?[A-Z0-9]{1,3})?$")
    fakes = [k.text for doc in corpus() if not doc.secrets for k in doc.keeps if shaped.match(k.text)]
    assert fakes and not any(twelfth.iban_valid(fake) for fake in fakes)


def test_ssns_avoid_the_unissued_ranges() -> None:
    for ssn in secrets_of("ssn"):
        area, group, serial = ssn.split("-")
        assert area not in {"000", "666"} and int(area) < 900 and group != "00" and serial != "0000"


def test_pem_blocks_are_well_formed() -> None:
    blocks = secrets_of("private-key")
    assert len(blocks) >= twelfth.MIN_PER_CLASS
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        begin = re.fullmatch(r"-----BEGIN ([A-Z ]+)-----", lines[0])
        assert begin and lines[-1] == f"-----END {begin.group(1)}-----"
        body = "".join(lines[1:-1])
        assert len(lines) > 3 and len(base64.b64decode(body, validate=True)) > 100


def test_emails_are_on_ordinary_domains_and_reserved_ones_are_kept() -> None:
    reserved = re.compile(r"@(?:[\w.-]+\.)?(?:example\.(?:com|org|net)|test|invalid|example|localhost)$")
    assert not any(reserved.search(e) for e in secrets_of("email"))
    keeps = [k.text for doc in corpus() for k in doc.keeps]
    assert "noreply@example.com" in keeps and "git@github.com" in keeps


def test_no_keep_holds_a_home_directory_user() -> None:
    for doc in corpus():
        for keep in doc.keeps:
            assert not any(user in keep.text for user in twelfth.USERS)
            assert "/home/" not in keep.text and "/Users/" not in keep.text


def test_jwts_decode_to_json() -> None:
    for token in secrets_of("jwt"):
        header, payload, _ = token.split(".")
        for part in (header, payload):
            assert isinstance(json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))), dict)


def test_build_is_deterministic() -> None:
    assert tuple(twelfth.build_corpus()) == corpus()


def redact_labelled(docs: tuple[Document, ...], leaky: bool = False) -> dict[str, str]:
    """What a perfect scrubber would print, or one that leaves the first half of each secret."""
    outputs = {}
    for doc in docs:
        out = doc.text
        for secret in sorted(doc.secrets, key=lambda s: -len(s.text)):
            out = out.replace(
                secret.text, secret.text[: len(secret.text) // 2 if leaky else 0] + "[REDACTED]"
            )
        outputs[doc.text] = out
    return outputs


def test_measure_against_fake_scrubbers() -> None:
    docs = corpus()[:60]
    untouched = twelfth.measure_documents(docs, lambda text: text)
    assert untouched["recall"] == 0.0 and untouched["keep_rate"] == 1.0
    assert untouched["secrets"] == sum(len(d.secrets) for d in docs)
    assert untouched["spans"] == sum(len(d.keeps) for d in docs)

    perfect = redact_labelled(docs)
    scores = twelfth.measure_documents(docs, perfect.__getitem__)
    assert scores["recall"] == scores["recall_no_fragment"] == scores["vendor_prefix_recall"] == 1.0
    assert scores["keep_rate"] == 1.0

    leaky = redact_labelled(docs, leaky=True)
    leaked = twelfth.measure_documents(docs, leaky.__getitem__)
    assert leaked["recall"] == 1.0 and leaked["recall_no_fragment"] < 0.9

    blank = twelfth.measure_documents(docs, lambda text: "")
    assert blank["recall"] == 1.0 and blank["keep_rate"] == 0.0


def test_vendor_recall_counts_only_vendor_classes() -> None:
    docs = corpus()[:80]
    vendor_only = {}
    for doc in docs:
        out = doc.text
        for secret in doc.secrets:
            if secret.cls in twelfth.VENDOR_CLASSES:
                out = out.replace(secret.text, "[REDACTED]")
        vendor_only[doc.text] = out
    scores = twelfth.measure_documents(docs, vendor_only.__getitem__)
    assert scores["vendor_prefix_recall"] == 1.0 and scores["recall"] < 1.0


def test_check_helpers_reject_a_changed_digit() -> None:
    number = "4" + "7" * 14
    number += twelfth.luhn_digit(number)
    assert twelfth.luhn_valid(number) and not twelfth.luhn_valid(
        number[:-1] + str((int(number[-1]) + 1) % 10)
    )
    bban = "3704004405" + "32013000"
    iban = "DE" + twelfth.iban_check("DE", bban) + bban
    assert twelfth.iban_valid(iban) and not twelfth.iban_valid(iban[:-1] + str((int(iban[-1]) + 1) % 10))
    assert twelfth.base62(61) == "z" and twelfth.github_checksum("a" * 30) != twelfth.github_checksum(
        "b" * 30
    )
