"""Tests of the twenty-fourth held-back scrub corpus: its build, its labels and its measure, with stand-ins only."""

from __future__ import annotations

import ast
import base64
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scrubcorpus import twentyfourth as corpus
from tests.scrubcorpus.twentyfourth import (
    BIP39_HEAD,
    CLASSES,
    DEFAULT_SEED,
    DELIVERIES,
    SETTINGS,
    VENDOR_CLASSES,
    Document,
    bip39_ok,
    build_corpus,
    corpus_digest,
    crc_token_ok,
    iban_ok,
    luhn_ok,
    measure_documents,
    ssn_ok,
)

PINNED_DIGEST = "f98e3ecd530113fc8f4322679e334f2fdfedb183f99fc626eab74a199d6be826"

_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": ("gh" + "p_", "gh" + "o_"),
    "npm-token": ("np" + "m_",),
    "slack-token": ("xo" + "xb-",),
    "stripe-key": ("sk" + "_live_", "rk" + "_live_"),
    "stripe-webhook-secret": ("wh" + "sec_",),
    "openai-key": ("sk-" + "proj-",),
    "anthropic-key": ("sk-" + "ant-api03-",),
    "sendgrid-key": ("S" + "G.",),
    "brevo-key": ("xkey" + "sib-",),
    "supabase-secret-key": ("sb_" + "secret_",),
    "aws-access-key": ("AK" + "IA",),
    "google-api-key": ("AI" + "za",),
    "gitlab-token": ("gl" + "pat-",),
    "twilio-api-key": ("S" + "K",),
    "contentful-token": ("CF" + "PAT-",),
    "huggingface-token": ("h" + "f_",),
    "netlify-token": ("nf" + "p_",),
    "deno-deploy-token": ("dd" + "p_",),
    "resend-key": ("r" + "e_",),
    "linear-key": ("lin" + "_api_",),
    "calcom-key": ("cal" + "_live_",),
    "mailgun-key": ("ke" + "y-",),
    "sentry-token": ("sntr" + "yu_",),
    "planetscale-password": ("pscale" + "_pw_",),
}


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    """The default corpus, built once."""
    return build_corpus()


def _raw(doc: Document, text: str) -> str:
    """A label's value as written before delivery (JSON deliveries hold it escaped)."""
    return str(json.loads('"' + text + '"')) if doc.delivery == "json" else text


def _values(docs: list[Document], cls: str) -> list[str]:
    return [_raw(d, s.text) for d in docs for s in d.secrets if s.cls == cls]


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


# --- the build ---------------------------------------------------------------------------------------------


def test_digest_is_pinned_and_stable(docs: list[Document]) -> None:
    assert corpus_digest(docs) == PINNED_DIGEST
    assert corpus_digest(build_corpus(DEFAULT_SEED)) == PINNED_DIGEST


def test_another_seed_gives_another_corpus(docs: list[Document]) -> None:
    other = build_corpus(DEFAULT_SEED + 1)
    assert corpus_digest(other) != corpus_digest(docs)
    assert [d.text for d in other] != [d.text for d in docs]


def test_offsets_point_at_the_labelled_text(docs: list[Document]) -> None:
    for d in docs:
        for s in d.secrets:
            assert d.text[s.offset : s.offset + len(s.text)] == s.text, d.name
        for k in d.keeps:
            assert d.text[k.offset : k.offset + len(k.text)] == k.text, d.name


def test_counts_are_in_range(docs: list[Document]) -> None:
    secrets = [s for d in docs for s in d.secrets]
    keeps = [k for d in docs for k in d.keeps]
    assert 300 <= len(docs) <= 340
    assert 450 <= len(secrets) <= 560
    assert 420 <= len(keeps) <= 560
    per_class = Counter(s.cls for s in secrets)
    assert set(per_class) == CLASSES
    assert 40 <= len(CLASSES) <= 50
    assert all(n >= 3 for n in per_class.values()), per_class
    assert VENDOR_CLASSES <= CLASSES and len(VENDOR_CLASSES) >= 12
    assert sum(per_class[c] for c in VENDOR_CLASSES) >= 60


def test_settings_deliveries_and_names(docs: list[Document]) -> None:
    assert len(SETTINGS) == 12
    per_setting = Counter(d.setting for d in docs)
    assert set(per_setting) == set(SETTINGS)
    assert all(n >= 20 for n in per_setting.values())
    assert {d.delivery for d in docs} == set(DELIVERIES)
    assert DELIVERIES == ("plain", "json", "diff", "numbered", "cilog", "fence")
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+/\d\d", d.name)
        assert d.name.startswith(d.setting + "/")


# --- the labels --------------------------------------------------------------------------------------------


def test_no_keep_overlaps_a_secret_and_every_occurrence_is_labelled(docs: list[Document]) -> None:
    for d in docs:
        spans = sorted(
            [(s.offset, s.offset + len(s.text)) for s in d.secrets]
            + [(k.offset, k.offset + len(k.text)) for k in d.keeps]
        )
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, d.name
        for s in d.secrets:
            assert {x.offset for x in d.secrets if x.text == s.text} == set(_find_all(d.text, s.text)), d.name
            assert all(k.text not in s.text and s.text not in k.text for k in d.keeps), d.name
        for k in d.keeps:
            assert {x.offset for x in d.keeps if x.text == k.text} == set(_find_all(d.text, k.text)), d.name
        assert len({(s.text, s.cls) for s in d.secrets}) == len({s.text for s in d.secrets})


def test_multi_line_values_only_in_plain_or_fence(docs: list[Document]) -> None:
    multi = [
        d for d in docs if any("\n" in t for t in [s.text for s in d.secrets] + [k.text for k in d.keeps])
    ]
    assert multi
    assert all(d.delivery in ("plain", "fence") for d in multi)


def test_deliveries_have_their_shapes(docs: list[Document]) -> None:
    for d in docs:
        lines = d.text.rstrip("\n").split("\n")
        if d.delivery == "json":
            assert len(lines) == 1
            obj = json.loads(d.text)
            assert isinstance(obj, dict) and any(isinstance(v, str) for v in obj.values())
        elif d.delivery == "diff":
            assert lines[0].startswith("diff --git ") and all(line.startswith("+") for line in lines[6:])
        elif d.delivery == "numbered":
            assert all(re.match(r" *\d+\t", line) for line in lines)
        elif d.delivery == "cilog":
            assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ", line) for line in lines)
        elif d.delivery == "fence":
            assert "\n```" in d.text


# --- the fakes' formats ------------------------------------------------------------------------------------


def _corrupt_digit(value: str) -> str:
    i = max(i for i, c in enumerate(value) if c.isdigit())
    return value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1 :]


def test_cards_pass_luhn_and_corruptions_fail(docs: list[Document]) -> None:
    cards = _values(docs, "card-number")
    assert cards
    for c in cards:
        assert luhn_ok(c)
        assert not luhn_ok(_corrupt_digit(c))


def test_ibans_pass_mod_97_and_corruptions_fail(docs: list[Document]) -> None:
    ibans = _values(docs, "iban")
    assert ibans
    for value in ibans:
        assert iban_ok(value)
        assert not iban_ok(_corrupt_digit(value))
    assert not iban_ok("XX" + ibans[0][2:])


def test_crc_tokens_hold_their_checksum(docs: list[Document]) -> None:
    checked = 0
    for cls in ("github-token", "npm-token"):
        for value in _values(docs, cls):
            prefix = next(p for p in _PREFIXES[cls] if value.startswith(p))
            assert crc_token_ok(value, prefix)
            flipped = value[:-7] + ("A" if value[-7] != "A" else "B") + value[-6:]
            assert not crc_token_ok(flipped, prefix)
            checked += 1
    assert checked >= 6


def test_ssns_are_in_issued_ranges(docs: list[Document]) -> None:
    ssns = _values(docs, "ssn")
    assert ssns
    assert all(ssn_ok(s) for s in ssns)
    assert any("-" in s for s in ssns) and any("-" not in s for s in ssns)
    for area, group, serial in (("000", "12", "3456"), ("666", "12", "3456"), ("912", "12", "3456"),
                                ("123", "00", "4567"), ("123", "45", "0000")):  # fmt: skip
        assert not ssn_ok("-".join((area, group, serial)))
    assert not ssn_ok("12-345-6789")


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_jwts_decode(docs: list[Document]) -> None:
    jwts = _values(docs, "jwt")
    assert jwts
    for token in jwts:
        head, body, sig = token.split(".")
        assert json.loads(_b64url(head)) == {"alg": "HS256", "typ": "JWT"}
        assert isinstance(json.loads(_b64url(body)), dict)
        assert len(_b64url(sig)) == 32


def test_pem_and_openssh_layouts(docs: list[Document]) -> None:
    pems = _values(docs, "private-key")
    assert pems
    for value in pems:
        lines = value.replace("\\n", "\n").split("\n")
        assert all(len(line) == 64 for line in lines[:-1]) and 0 < len(lines[-1]) <= 64
        assert base64.b64decode("".join(lines))[0] == 0x30
    keys = _values(docs, "openssh-private-key")
    assert keys
    for value in keys:
        lines = value.split("\n")
        assert all(len(line) == 70 for line in lines[:-1]) and 0 < len(lines[-1]) <= 70
        assert base64.b64decode("".join(lines)).startswith(b"openssh-key-v1\x00")


def test_recovery_phrases_hold_their_checksum(docs: list[Document]) -> None:
    phrases = _values(docs, "recovery-phrase")
    assert phrases and len(BIP39_HEAD) == 128
    for phrase in phrases:
        assert bip39_ok(phrase)
        words = phrase.split()
        last = BIP39_HEAD[(BIP39_HEAD.index(words[-1]) + 1) % 128]
        assert not bip39_ok(" ".join([*words[:-1], last]))
        assert not bip39_ok(" ".join(words[:-1]))


def test_vendor_tokens_keep_their_published_prefixes(docs: list[Document]) -> None:
    assert set(_PREFIXES) == VENDOR_CLASSES
    for cls, prefixes in _PREFIXES.items():
        values = _values(docs, cls)
        assert len(values) >= 3, cls
        assert all(v.startswith(prefixes) for v in values), cls


# --- no secret-shaped literal in the source ----------------------------------------------------------------

_SHAPES = {
    "vendor": re.compile(
        r"(?:gh[po]_|npm_|xox[bp]-|[sr]k_live_|whsec_|sk-proj-|sk-ant-|SG\.|xkeysib-|sb_secret_|sb_publishable_|"
        r"AKIA|AIza|glpat-|CFPAT-|hf_|nfp_|ddp_|lin_api_|cal_live_|sntryu_|pscale_pw_|phc_)[A-Za-z0-9_\-]{12,}"
    ),
    "hex-vendor": re.compile(r"(?:\bkey-|\bSK|\bcal_live_)[0-9a-f]{32}|\bre_[A-Za-z0-9]{8}_[A-Za-z0-9]{8,}"),
    "long-run": re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{32,}"),
    "pem": re.compile(r"-----BEGIN [A-Z ]*-----\s*[A-Za-z0-9+/]{16,}"),
    "digits": re.compile(r"(?<!\d)\d{13,19}(?!\d)"),
    "ssn": re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"),
    "iban": re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b"),
}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")


@pytest.mark.parametrize("path", [Path(corpus.__file__), Path(__file__)], ids=["corpus", "tests"])
def test_source_holds_no_secret_shaped_literal(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for name, shape in _SHAPES.items():
        found = [m.group(0) for m in shape.finditer(text) if m.group(0) != PINNED_DIGEST]
        assert not found, (name, found[:3])
    assert {m.group(1) for m in _EMAIL.finditer(text)} <= {"example.com", "github.com"}


# --- the measure, with stand-in scrubbers ------------------------------------------------------------------

_KEYS = {"secrets", "recall", "recall_no_fragment", "vendor_prefix_recall", "keep_rate", "spans"}


def _replacer(texts: set[str], by: Callable[[str], str]) -> Callable[[str], str]:
    ordered = sorted(texts, key=len, reverse=True)

    def scrub(text: str) -> str:
        for t in ordered:
            text = text.replace(t, by(t))
        return text

    return scrub


def test_identity_scrub_removes_nothing_and_keeps_everything(docs: list[Document]) -> None:
    m = measure_documents(docs, lambda t: t)
    assert set(m) == _KEYS
    assert m["recall"] == 0.0 and m["recall_no_fragment"] == 0.0 and m["vendor_prefix_recall"] == 0.0
    assert m["keep_rate"] == 1.0
    assert m["secrets"] == float(sum(len(d.secrets) for d in docs))
    assert m["spans"] == float(sum(len(d.keeps) for d in docs))
    assert all(isinstance(v, float) for v in m.values())


def test_replacing_every_secret_scores_one(docs: list[Document]) -> None:
    scrub = _replacer({s.text for d in docs for s in d.secrets}, lambda t: "[REDACTED]")
    m = measure_documents(docs, scrub)
    assert m["recall"] == 1.0 and m["recall_no_fragment"] == 1.0 and m["vendor_prefix_recall"] == 1.0
    assert m["keep_rate"] == 1.0


def test_leaving_half_of_each_secret_is_a_fragment(docs: list[Document]) -> None:
    scrub = _replacer({s.text for d in docs for s in d.secrets}, lambda t: t[: len(t) // 2])
    m = measure_documents(docs, scrub)
    assert m["recall"] == 1.0
    assert m["recall_no_fragment"] < 0.9


def test_greedy_scrub_of_keeps_loses_them(docs: list[Document]) -> None:
    scrub = _replacer({k.text for d in docs for k in d.keeps}, lambda t: "[GONE]")
    assert measure_documents(docs, scrub)["keep_rate"] < 0.5


def test_shares_of_nothing_are_one() -> None:
    empty = measure_documents([], lambda t: "")
    assert set(empty) == _KEYS
    assert empty == {k: (0.0 if k in ("secrets", "spans") else 1.0) for k in _KEYS}
    bare = Document("x/y/00", "x", "plain", "nothing here", (), ())
    assert measure_documents([bare], lambda t: "")["keep_rate"] == 1.0


# --- independence from the scrubber ------------------------------------------------------------------------


def _imports(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    out: list[tuple[ast.AST, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node, node.module or ""))
    return out


def test_corpus_imports_the_scrubber_only_inside_measure_held_back() -> None:
    tree = ast.parse(Path(corpus.__file__).read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "measure_held_back":
            inside = {id(n) for n in ast.walk(node)}
    scrub_imports = [(n, name) for n, name in _imports(tree) if name.startswith("client_actors")]
    assert scrub_imports
    assert all(id(n) in inside for n, _ in scrub_imports)
    own = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    assert not [name for _, name in _imports(own) if name.startswith("client_actors")]
