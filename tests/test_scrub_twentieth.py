"""The twentieth held-back scrub corpus: its build, its labels and its measure, with stand-in scrubbers only."""

from __future__ import annotations

import base64
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentieth
from tests.scrubcorpus.twentieth import (
    DEFAULT_SEED,
    DELIVERIES,
    SETTINGS,
    VENDOR_CLASSES,
    Document,
    build_corpus,
    corpus_digest,
    der_ok,
    github_token_ok,
    iban_ok,
    jwt_ok,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

PINNED_DIGEST = "98b490576ebea20120cda88fc8121a5feec09d21ab1c13120a39b1cc6f7f2d60"

MEASURE_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return build_corpus()


def _replace_secrets(doc: Document, make: Callable[[str], str]) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
        text = text[: s.offset] + make(s.text) + text[s.offset + len(s.text) :]
    return text


def _stand_in(docs: list[Document], make: Callable[[str], str]) -> Callable[[str], str]:
    """A scrubber that knows the labels: each document's secrets become ``make(secret)``; other text passes."""
    by_text = {d.text: d for d in docs}

    def scrub(text: str) -> str:
        doc = by_text.get(text)
        return _replace_secrets(doc, make) if doc else text

    return scrub


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    again = build_corpus(DEFAULT_SEED)
    assert corpus_digest(docs) == corpus_digest(again)
    assert corpus_digest(docs) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[Document]) -> None:
    assert corpus_digest(build_corpus(DEFAULT_SEED + 1)) != corpus_digest(docs)


def test_offsets_point_at_labels(docs: list[Document]) -> None:
    for doc in docs:
        for s in doc.secrets:
            assert doc.text[s.offset : s.offset + len(s.text)] == s.text, doc.name
        for k in doc.keeps:
            assert doc.text[k.offset : k.offset + len(k.text)] == k.text, doc.name


def test_counts_in_range(docs: list[Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    classes = Counter(s.cls for s in secrets)
    assert 300 <= len(docs) <= 360
    assert 450 <= len(secrets) <= 500
    assert 380 <= len(keeps) <= 520
    assert 40 <= len(classes) <= 50
    assert min(classes.values()) >= 3, classes
    assert set(classes) >= VENDOR_CLASSES


def test_settings_and_deliveries_represented(docs: list[Document]) -> None:
    assert {d.setting for d in docs} == set(SETTINGS)
    assert {d.delivery for d in docs} == set(DELIVERIES)
    per_setting = Counter(d.setting for d in docs)
    assert min(per_setting.values()) >= 20
    assert len({d.name for d in docs}) == len(docs)


def test_json_deliveries_are_transcript_lines(docs: list[Document]) -> None:
    for doc in docs:
        if doc.delivery != "json":
            continue
        record = json.loads(doc.text)
        content = record.get("content", record.get("output"))
        assert isinstance(content, str) and content
        for s in doc.secrets:
            assert json.loads(f'"{s.text}"') in content


def test_line_deliveries_prefix_every_line(docs: list[Document]) -> None:
    for doc in docs:
        lines = doc.text.splitlines()
        if doc.delivery == "diff":
            assert lines[0].startswith("diff --git ")
            assert all(line.startswith("+") for line in lines[6:])
        elif doc.delivery == "ci":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines)
        elif doc.delivery == "numbered":
            assert all(re.match(r"( *\d+→|\d+\t)", line) for line in lines)
        elif doc.delivery == "fence":
            assert lines[0].startswith("```") and lines[-1] == "```"


def _undelivered(text: str, delivery: str) -> str:
    """A label as its value was written: JSON escapes undone, a diff's line prefixes dropped."""
    if delivery == "json":
        text = json.loads(f'"{text}"')
    if delivery == "diff":
        text = text.replace("\n+", "\n")
    return text


def _pem_body(text: str) -> bytes:
    return base64.b64decode(text.replace("\\n", "\n").replace("\n", ""), validate=True)


def test_values_valid_for_their_formats(docs: list[Document]) -> None:
    checks: dict[str, Callable[[str], bool]] = {
        "card-number": luhn_ok,
        "iban": iban_ok,
        "github-token": github_token_ok,
        "ssn": ssn_ok,
        "jwt": jwt_ok,
        "private-key": lambda t: der_ok(_pem_body(t)),
    }
    seen: Counter[str] = Counter()
    for doc in docs:
        for s in doc.secrets:
            check = checks.get(s.cls)
            if check:
                assert check(_undelivered(s.text, doc.delivery)), (doc.name, s.cls)
                seen[s.cls] += 1
            if s.cls == "card-number":
                assert s.text.replace(" ", "") not in {"4242424242424242", "5555555555554444"}
    assert set(seen) == set(checks)


def test_look_alikes_fail_their_checks(docs: list[Document]) -> None:
    iban_shape = re.compile(r"^[A-Z]{2}\d\d(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?$")
    ibans = cards = 0
    for doc in docs:
        for k in doc.keeps:
            if iban_shape.match(k.text):
                assert not iban_ok(k.text), doc.name
                ibans += 1
            if re.fullmatch(r"[\d ]{16,19}", k.text):
                assert k.text.replace(" ", "") in {"4242424242424242", "5555555555554444"}
                cards += 1
    assert ibans >= 3 and cards >= 3


def test_keeps_never_touch_secrets(docs: list[Document]) -> None:
    for doc in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        for k in doc.keeps:
            at = doc.text.find(k.text)
            while at != -1:
                assert not any(a < at + len(k.text) and at < b for a, b in spans), (doc.name, k.text)
                at = doc.text.find(k.text, at + 1)
        secret_texts = {s.text for s in doc.secrets}
        assert not secret_texts & {k.text for k in doc.keeps}, doc.name


def test_every_occurrence_of_a_secret_is_labelled(docs: list[Document]) -> None:
    for doc in docs:
        spans = [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        for s in doc.secrets:
            at = doc.text.find(s.text)
            while at != -1:
                assert any(a <= at and at + len(s.text) <= b for a, b in spans), (doc.name, s.cls)
                at = doc.text.find(s.text, at + 1)
        ordered = sorted(spans)
        assert all(b <= c for (_, b), (c, _) in itertools.pairwise(ordered)), doc.name


_SHAPES = (
    re.compile(
        r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{30,}"
    ),
    re.compile(r"[A-Za-z0-9+/]{40,}={0,2}"),
    re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}(?![0-9A-Fa-f])"),
    re.compile(
        r"(ghp_|gho_|github_pat_|npm_|xox[abpr]-|xapp-|AKIA|pat-(?:na|eu)\d-|EAA[A-Z]|sk_live_|5Aep861)[\w.\-]{16,}"
    ),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\n)[A-Za-z0-9+/]{16,}"),
    re.compile(r"eyJ[\w-]{10,}\.[\w-]{10,}\."),
    re.compile(r"\$(?:2[aby]\$\d\d|6|argon2id)\$[./A-Za-z0-9]{20,}"),
    re.compile(r"(?<!\d)(?:\d[ -]?){15}\d(?!\d)"),
    re.compile(r"[\w-]{3}\dQ~[\w.~-]{30,}"),
    re.compile(r"[MN][A-Za-z\d]{23,27}\.[\w-]{6}\.[\w-]{27,}"),
    re.compile(r"\d{8,10}:AA[\w-]{33}"),
    re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),
)

_RESERVED = re.compile(r"@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))$")


@pytest.mark.parametrize("path", [Path(twentieth.__file__), Path(__file__)])
def test_no_secret_shaped_literal_in_source(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    published_test_cards = {"4242424242424242", "5555555555554444"}
    for shape in _SHAPES:
        for match in shape.finditer(source):
            text = match.group(0)
            if re.sub(r"[ -]", "", text) in published_test_cards or text == PINNED_DIGEST:
                continue
            raise AssertionError(f"secret-shaped literal in {path.name}: {text[:12]}...")
    for match in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", source):
        address = match.group(0)
        assert _RESERVED.search(address) or address.startswith(("git@github.com", "noreply@")), address


def test_measure_with_identity(docs: list[Document]) -> None:
    result = measure_documents(docs, lambda t: t)
    assert set(result) == MEASURE_KEYS
    assert result["secrets"] == sum(len(d.secrets) for d in docs)
    assert result["spans"] == sum(len(d.keeps) for d in docs)
    assert result["recall"] == 0.0
    assert result["recall_no_fragment"] == 0.0
    assert result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0


def test_measure_with_every_secret_replaced(docs: list[Document]) -> None:
    result = measure_documents(docs, _stand_in(docs, lambda s: "[REDACTED]"))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_a_fragment_left_lowers_recall_no_fragment(docs: list[Document]) -> None:
    def leave_tail(s: str) -> str:
        return "[REDACTED]" + s[-7:] if len(s) >= 16 else "[REDACTED]"

    result = measure_documents(docs, _stand_in(docs, leave_tail))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] < 0.9


def test_a_fragment_explained_by_surrounding_text_is_not_counted() -> None:
    doc = Document(
        name="t",
        setting=SETTINGS[0],
        delivery="plain",
        text="token=abcdefXYZ12345 suffix=XYZ12345\n",
        secrets=(twentieth.Secret("api-key", "abcdefXYZ12345", 6),),
        keeps=(),
    )

    def scrub(text: str) -> str:
        return text.replace("abcdefXYZ12345", "[REDACTED]XYZ12345").replace("x" * 14, "[REDACTED]")

    result = measure_documents([doc], scrub)
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0


def test_keep_rate_counts_lost_keeps(docs: list[Document]) -> None:
    with_keeps = [d for d in docs if d.keeps][:10]
    lost = {d.text: d for d in with_keeps}

    def drop_keeps(text: str) -> str:
        doc = lost.get(text)
        if doc is None:
            return text
        for k in doc.keeps:
            text = text.replace(k.text, "[REMOVED]")
        return text

    result = measure_documents(with_keeps, drop_keeps)
    assert result["keep_rate"] == 0.0


def test_empty_sets_share_one() -> None:
    result = measure_documents([], lambda t: t)
    assert set(result) == MEASURE_KEYS
    assert result["secrets"] == 0.0 and result["spans"] == 0.0
    assert result["recall"] == result["recall_no_fragment"] == result["keep_rate"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0
