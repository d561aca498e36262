"""The tenth held-back corpus is what its docstring says: deterministic, spans in place, formats valid.

No figure of the scrubber is asserted here: the corpus only measures it.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections import Counter

import pytest

from tests.scrubcorpus import tenth
from tests.scrubcorpus.tenth import Document, Span

DOCS = tenth.build_corpus()
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def secrets_of(cls: str) -> list[str]:
    """The class's values, unescaped where the document is a JSON transcript line."""
    out = []
    for doc in DOCS:
        for s in doc.secrets:
            if s.cls == cls:
                out.append(json.loads(f'"{s.text}"') if doc.delivery == "json" else s.text)
    return out


def test_deterministic() -> None:
    assert tenth.corpus_digest() == tenth.corpus_digest()
    assert tenth.corpus_digest(tenth.DEFAULT_SEED + 1) != tenth.corpus_digest()


def test_counts_as_documented() -> None:
    assert len(DOCS) == tenth.DOCUMENTS == 360
    clean = [d for d in DOCS if not d.secrets]
    assert len(clean) == tenth.LOOKALIKE_DOCUMENTS
    assert all(d.kind == "lookalike" and d.keeps for d in clean)
    by_class = Counter(s.cls for d in DOCS for s in d.secrets)
    assert set(by_class) == {c.name for c in tenth.CLASSES}
    assert len(by_class) == 37
    assert min(by_class.values()) >= tenth.MIN_PER_CLASS
    assert len({d.delivery for d in DOCS}) == len(tenth.DELIVERIES)


def test_spans_are_where_they_say() -> None:
    for doc in DOCS:
        for span in (*doc.secrets, *doc.keeps):
            assert span.text and doc.text[span.start : span.end] == span.text
        for keep in doc.keeps:
            assert not any(keep.text in s.text for s in doc.secrets)
        if doc.delivery == "json":
            assert json.loads(doc.text)["type"] == "tool_result"


def test_checksummed_tokens() -> None:
    for cls, prefix in (("github_classic_token", "gh" + "p_"), ("npm_token", "np" + "m_")):
        values = [v for v in secrets_of(cls) if v.startswith(prefix)]
        assert values
        for value in values:
            body, tail = value[len(prefix) : -6], value[-6:]
            assert len(body) == 30 and all(c in BASE62 for c in body + tail)
            n, digits = zlib.crc32(body.encode()), ""
            while n:
                n, d = divmod(n, 62)
                digits = BASE62[d] + digits
            assert tail == digits.rjust(6, "0")


def test_card_numbers_pass_luhn() -> None:
    for value in secrets_of("card_number"):
        digits = [int(c) for c in re.sub(r"[ -]", "", value)]
        assert len(digits) in (15, 16)
        odd = sum(digits[-1::-2])
        even = sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
        assert (odd + even) % 10 == 0


def test_ibans_have_valid_check_digits() -> None:
    for value in secrets_of("iban"):
        compact = value.replace(" ", "")
        moved = compact[4:] + compact[:4]
        assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


@pytest.mark.parametrize(
    ("cls", "pattern"),
    [
        ("github_fine_grained_token", r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
        ("gitlab_token", r"glpat-[A-Za-z0-9_-]{20}"),
        ("slack_token", r"xox[bpa]-\d{11,13}-\d{11,13}-[A-Za-z0-9]{24}"),
        ("stripe_key", r"[sr]k_live_[A-Za-z0-9]{24,99}"),
        ("openai_key", r"sk-proj-[A-Za-z0-9_-]{74}T3BlbkFJ[A-Za-z0-9_-]{74}"),
        ("anthropic_key", r"sk-ant-api03-[A-Za-z0-9_-]{93}AA"),
        ("aws_access_key_id", r"(AKIA|ASIA)[A-Z2-7]{16}"),
        ("google_api_key", r"AIza[A-Za-z0-9_-]{35}"),
        ("twilio_api_key", r"SK[0-9a-f]{32}"),
        ("sendgrid_key", r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"),
        ("huggingface_token", r"hf_[A-Za-z]{34}"),
        ("digitalocean_token", r"dop_v1_[0-9a-f]{64}"),
        ("shopify_token", r"shp(at|ss|ca)_[0-9a-f]{32}"),
        ("doppler_token", r"dp\.st\.(dev|stg|prd)\.[A-Za-z0-9]{40}"),
        ("linear_key", r"lin_api_[A-Za-z0-9]{40}"),
        ("postman_key", r"PMAK-[0-9a-f]{24}-[0-9a-f]{34}"),
        ("databricks_token", r"dapi[0-9a-f]{32}(-\d)?"),
        ("ssn", r"\d{3}-\d{2}-\d{4}"),
    ],
)
def test_vendor_layouts(cls: str, pattern: str) -> None:
    values = secrets_of(cls)
    assert values and all(re.fullmatch(pattern, v) for v in values)


def test_structured_values_decode() -> None:
    for value in secrets_of("jwt"):
        head = value.split(".")[0]
        assert json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))["typ"] == "JWT"
    for value in secrets_of("sentry_token"):
        claims = value[len("sntrys_") : -44]
        assert value[-44] == "_"
        assert "url" in json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    for value in secrets_of("docker_auth"):
        assert b":" in base64.b64decode(value)
    for value in secrets_of("private_key"):
        assert "-----BEGIN " in value and "PRIVATE KEY-----" in value.splitlines()[-1]


def test_hosts_and_addresses_are_reserved() -> None:
    for doc in DOCS:
        for ip in re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", doc.text):
            assert ip.startswith(("192.0.2.", "198.51.100.", "203.0.113."))
        for host in re.findall(r"@([a-z0-9.-]+\.[a-z]+)", doc.text):
            assert host.endswith(("example.com", "example.org", "example.net"))


def test_measure_arithmetic() -> None:
    def doc(text: str, secrets: list[str], keeps: list[str], cls: str = "password") -> Document:
        def span(value: str, c: str) -> Span:
            return Span(text.index(value), text.index(value) + len(value), value, c)

        return Document(text, "t", "as_is", tuple(span(s, cls) for s in secrets),
                        tuple(span(k, "") for k in keeps))  # fmt: skip

    token = "gh" + "p_" + "a" * 36
    docs = [
        doc("pw=Abcdefgh12345678 host=alpha.example.com", ["Abcdefgh12345678"], ["alpha.example.com"]),
        doc("key=Zyxwvuts98765432 id=1234", ["Zyxwvuts98765432"], ["id=1234"]),
        doc("t=" + token, [token], [], "github_classic_token"),
    ]

    def scrub(text: str) -> str:
        # removes the first secret whole, the second leaving its tail, the token not at all; breaks "id=1234"
        return text.replace("Abcdefgh12345678", "[X]").replace("Zyxwvuts", "[X]").replace("id=1234", "id=9")

    figures = tenth.measure_documents(docs, scrub)
    assert figures["secrets"] == 3
    assert figures["recall"] == pytest.approx(2 / 3)
    assert figures["recall_no_fragment"] == pytest.approx(1 / 3)
    assert figures["vendor_prefix_recall"] == 0.0
    assert figures["keep_rate"] == pytest.approx(1 / 2)
