"""The nineteenth held-back scrub corpus: its shape, its labels' validity and its measure, with stand-in scrubbers
only (the real scrubber is measured elsewhere, blind, for aggregates)."""

from __future__ import annotations

import base64
import functools
import json
import re
import string
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import nineteenth as corpus

PINNED_DIGEST = "aaf06625fef395a1f25efa9ca63769090aac4bd1e7fb2bc9bd184df848476895"

MEASURE_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


@functools.cache
def _docs() -> tuple[corpus.Document, ...]:
    return tuple(corpus.build_corpus())


def _plain(doc: corpus.Document, text: str) -> str:
    """A label's text as its value: a JSON delivery's escapes undone."""
    return json.loads(f'"{text}"') if doc.delivery == "json" else text


def _secrets(cls: str) -> list[tuple[corpus.Document, corpus.Secret]]:
    return [(d, s) for d in _docs() for s in d.secrets if s.cls == cls]


# -- the corpus is stable and well formed -------------------------------------------------------------------


def test_digest_is_pinned_and_stable() -> None:
    assert corpus.corpus_digest(corpus.build_corpus()) == corpus.corpus_digest(corpus.build_corpus())
    assert corpus.corpus_digest(list(_docs())) == PINNED_DIGEST


def test_another_seed_gives_another_corpus() -> None:
    assert corpus.corpus_digest(corpus.build_corpus(corpus.DEFAULT_SEED + 1)) != corpus.corpus_digest(
        list(_docs())
    )


def test_offsets_point_at_the_labels() -> None:
    for doc in _docs():
        labels: list[corpus.Secret | corpus.Keep] = [*doc.secrets, *doc.keeps]
        for label in labels:
            assert doc.text[label.offset : label.offset + len(label.text)] == label.text, doc.name


def test_counts_are_in_range() -> None:
    docs = _docs()
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    classes = {s.cls for s in secrets}
    assert len(docs) >= 300
    assert 450 <= len(secrets) <= 520
    assert 40 <= len(classes) <= 50
    assert 0.8 * len(secrets) <= len(keeps) <= 1.3 * len(secrets)
    assert len({d.name for d in docs}) == len(docs)


def test_every_class_has_three_secrets() -> None:
    counts = Counter(s.cls for d in _docs() for s in d.secrets)
    assert min(counts.values()) >= 3, [c for c, n in counts.items() if n < 3]
    assert set(counts) >= corpus.VENDOR_CLASSES


def test_every_setting_and_delivery_is_represented() -> None:
    docs = _docs()
    assert {d.setting for d in docs} == set(corpus.SETTINGS)
    assert {d.delivery for d in docs} == set(corpus.DELIVERIES)
    for setting in corpus.SETTINGS:
        inside = [d for d in docs if d.setting == setting]
        assert len(inside) >= 20
        assert sum(len(d.secrets) for d in inside) >= 20
        assert sum(len(d.keeps) for d in inside) >= 15


def test_deliveries_have_their_shapes() -> None:
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ")
    for doc in _docs():
        lines = doc.text.rstrip("\n").split("\n")
        if doc.delivery == "json":
            assert json.loads(doc.text)["type"] == "tool_result"
        elif doc.delivery == "diff":
            assert doc.text.startswith("diff --git ")
            body = lines[lines.index(next(x for x in lines if x.startswith("@@"))) + 1 :]
            assert all(x.startswith("+") for x in body)
        elif doc.delivery == "numbered":
            assert all(re.match(r"\s*\d+(→|\t)", x) for x in lines)
        elif doc.delivery == "ci":
            assert all(stamp.match(x) for x in lines)
        elif doc.delivery == "fence":
            assert lines[0].startswith("```") and lines[-1] == "```"


def test_no_keep_overlaps_or_holds_a_secret() -> None:
    for doc in _docs():
        for k in doc.keeps:
            for s in doc.secrets:
                assert k.offset + len(k.text) <= s.offset or s.offset + len(s.text) <= k.offset, doc.name
                assert k.text not in s.text and s.text not in k.text, doc.name


def test_secrets_occur_only_where_placed() -> None:
    for doc in _docs():
        texts = [s.text for s in doc.secrets]
        assert len(texts) == len(set(texts)), doc.name
        for s in doc.secrets:
            others = [t for t in texts if t != s.text]
            assert not any(s.text in t for t in others), doc.name


# -- fakes are valid for their formats ----------------------------------------------------------------------

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _b62(value: int) -> str:
    out = ""
    while value:
        value, r = divmod(value, 62)
        out = _B62[r] + out
    return out.rjust(6, "0")


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


_IBAN_LENGTHS = {"DE": 22, "GB": 22, "AT": 20, "NL": 18, "CH": 21, "BE": 16}


def test_card_numbers_pass_luhn_and_are_not_test_cards() -> None:
    found = _secrets("card-number")
    assert found
    for doc, s in found:
        digits = _plain(doc, s.text).replace(" ", "")
        assert digits.isdigit() and len(digits) in (15, 16)
        assert _luhn(digits)
        assert digits not in {"4242424242424242", "4111111111111111", "5555555555554444"}


def test_test_cards_kept_pass_luhn() -> None:
    kept = [
        k.text.replace(" ", "") for d in _docs() for k in d.keeps if re.fullmatch(r"[\d ]{15,19}", k.text)
    ]
    assert kept
    assert all(_luhn(n) for n in kept)


def test_ibans_pass_mod_97() -> None:
    found = _secrets("iban")
    assert found
    for doc, s in found:
        iban = _plain(doc, s.text).replace(" ", "")
        assert len(iban) == _IBAN_LENGTHS[iban[:2]]
        rearranged = iban[4:] + iban[:4]
        assert int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def test_github_and_npm_tokens_carry_their_checksums() -> None:
    found = _secrets("github-token") + _secrets("npm-token")
    assert len(found) >= 6
    for doc, s in found:
        token = _plain(doc, s.text)
        assert re.fullmatch(r"(ghp|gho|npm)_[0-9A-Za-z]{36}", token)
        body, check = token[4:-6], token[-6:]
        assert _b62(zlib.crc32(body.encode())) == check


def test_ssns_are_in_issuance_ranges() -> None:
    found = _secrets("ssn")
    assert found
    for doc, s in found:
        text = _plain(doc, s.text)
        assert re.fullmatch(r"\d{3}([- ]?)\d{2}\1\d{4}", text)
        digits = re.sub(r"\D", "", text)
        area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        assert 1 <= area <= 899 and area != 666
        assert group and serial


def _b64u_json(part: str) -> object:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_jwts_decode() -> None:
    found = _secrets("jwt")
    assert found
    for doc, s in found:
        parts = _plain(doc, s.text).split(".")
        assert len(parts) == 3
        header, claims = _b64u_json(parts[0]), _b64u_json(parts[1])
        assert isinstance(header, dict) and header["typ"] == "JWT" and header["alg"] in ("HS256", "RS256")
        assert isinstance(claims, dict) and "exp" in claims
        assert base64.urlsafe_b64decode(parts[2] + "=" * (-len(parts[2]) % 4))


_LINE_PREFIXES = {"diff": r"\+", "ci": r"\d{4}-\d\d-\d\dT[\d:.]+Z ", "numbered": r"\s*\d+(→|\t)"}


def test_private_keys_are_base64() -> None:
    found = _secrets("private-key")
    assert found
    for doc, s in found:
        prefix = _LINE_PREFIXES.get(doc.delivery, "")
        body = re.sub(rf"(\\n|\n)({prefix})?", "", _plain(doc, s.text))
        assert base64.b64decode(body, validate=True)


def test_vendor_secrets_have_their_prefixes() -> None:
    prefixes = {
        "github-token": ("ghp_", "gho_"),
        "npm-token": ("npm_",),
        "aws-access-key": ("AKIA",),
        "stripe-secret-key": ("sk_live_",),
        "sentry-token": ("sntryu_",),
        "newrelic-user-key": ("NRAK-",),
        "grafana-token": ("glsa_", "glc_"),
        "launchdarkly-key": ("sdk-", "api-"),
        "statsig-server-secret": ("secret-",),
        "replicate-token": ("r8_",),
        "huggingface-token": ("hf_",),
        "databricks-token": ("dapi",),
        "mapbox-secret-token": ("sk.eyJ",),
        "google-api-key": ("AIza",),
        "gitlab-token": ("glpat-",),
        "nuget-api-key": ("oy2",),
        "cratesio-token": ("cio",),
        "google-oauth-token": ("ya29.",),
    }
    for doc in _docs():
        for s in doc.secrets:
            if s.cls in prefixes:
                assert s.text.startswith(prefixes[s.cls]), s.cls
            elif s.cls == "slack-credential":
                assert s.text.startswith("xoxb-") or "hooks.slack.com/services/" in doc.text


def test_keep_addresses_use_reserved_domains() -> None:
    reserved = re.compile(r"@([\w.-]+\.)?(example\.(com|org|net)|[\w-]+\.(example|test|invalid))$")
    role = ("noreply@", "git@github.com")
    for doc in _docs():
        for k in doc.keeps:
            if re.fullmatch(r"[\w.+-]+@[\w.-]+", k.text):
                assert reserved.search(k.text) or k.text.startswith(role), k.text


# -- no secret-shaped literal in the sources ----------------------------------------------------------------

_SHAPES = (
    re.compile(
        r"\b(ghp_|gho_|npm_|glpat-|sntryu_|glsa_|glc_|hf_|r8_|oy2|cio|dapi|xox[bp]-|sk_live_|secret-|sdk-|api-"
        r"|NRAK-|AIza|AKIA|ya29\.|sk\.|pk\.)(?=[A-Za-z_\-]*\d)[A-Za-z0-9_\-]{20,}"
    ),
    re.compile(r"\b[0-9a-f]{32,}\b"),
    re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    re.compile(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{20,}"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{16,}"),
)


def _random_looking_runs(source: str) -> list[str]:
    runs = re.findall(r"[A-Za-z0-9+/]{24,}", source)
    return [r for r in runs if re.search(r"\d", r) and re.search(r"[a-z]", r) and re.search(r"[A-Z]", r)]


@pytest.mark.parametrize("path", [Path(corpus.__file__), Path(__file__)], ids=["corpus", "tests"])
def test_sources_hold_no_secret_shaped_literal(path: Path) -> None:
    # the pinned digest is the corpus's own sha256, the one long hex literal allowed
    source = re.sub(r'(?m)^PINNED_DIGEST = "[0-9a-f]{64}"$', "", path.read_text(encoding="utf-8"))
    for shape in _SHAPES:
        assert not shape.search(source), shape.pattern
    assert not _random_looking_runs(source)


# -- the measure, with stand-in scrubbers -------------------------------------------------------------------


def _by_text() -> dict[str, corpus.Document]:
    return {d.text: d for d in _docs()}


def _replacing(docs: dict[str, corpus.Document], keep: Callable[[str], str]) -> Callable[[str], str]:
    """A stand-in that replaces every labelled secret of a known document with `keep(secret)`."""

    def scrub(text: str) -> str:
        doc = docs.get(text)
        if doc is None:
            return text
        for s in sorted(doc.secrets, key=lambda s: -len(s.text)):
            text = text.replace(s.text, keep(s.text))
        return text

    return scrub


def test_identity_removes_nothing_and_keeps_everything() -> None:
    result = corpus.measure_documents(list(_docs()), lambda t: t)
    assert set(result) == MEASURE_KEYS
    assert result["recall"] == 0.0
    assert result["recall_no_fragment"] == 0.0
    assert result["vendor_prefix_recall"] == 0.0
    assert result["keep_rate"] == 1.0
    assert result["secrets"] == sum(len(d.secrets) for d in _docs())
    assert result["spans"] == sum(len(d.keeps) for d in _docs())


def test_replacing_every_secret_is_full_recall() -> None:
    result = corpus.measure_documents(list(_docs()), _replacing(_by_text(), lambda s: "[REDACTED:secret]"))
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] == 1.0
    assert result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0


def test_a_fragment_left_lowers_recall_without_fragment() -> None:
    result = corpus.measure_documents(
        list(_docs()), _replacing(_by_text(), lambda s: s[: len(s) // 2] + "[REDACTED]")
    )
    assert result["recall"] == 1.0
    assert result["recall_no_fragment"] < 0.5


def test_a_fragment_the_surroundings_explain_is_not_counted() -> None:
    doc = corpus.Document(
        name="probe",
        setting="observability",
        delivery="plain",
        text="token=abcdefgh12345678 for abcdefgh-service\n",
        secrets=(corpus.Secret("api-key", "abcdefgh12345678", 6),),
        keeps=(),
    )

    def scrub(text: str) -> str:
        return text.replace("abcdefgh12345678", "[REDACTED]")

    result = corpus.measure_documents([doc], scrub)
    assert result["recall"] == 1.0 and result["recall_no_fragment"] == 1.0


def test_dropping_keeps_lowers_the_keep_rate() -> None:
    docs = list(_docs())
    keeps = {k.text for d in docs for k in d.keeps}

    def scrub(text: str) -> str:
        for k in sorted(keeps, key=len, reverse=True):
            text = text.replace(k, "")
        return text

    assert corpus.measure_documents(docs, scrub)["keep_rate"] < 0.1


def test_shares_of_nothing_are_one() -> None:
    result = corpus.measure_documents([], lambda t: t)
    assert set(result) == MEASURE_KEYS
    assert result["recall"] == result["recall_no_fragment"] == result["vendor_prefix_recall"] == 1.0
    assert result["keep_rate"] == 1.0
    assert result["secrets"] == result["spans"] == 0
