"""The eighth held-back scrub corpus: its structure, its fakes' validity, and its measure on known redactors.

The real scrubber is never run here: the measure is checked against redactors whose result is known in advance.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable

import pytest

from tests.scrubcorpus import eighth
from tests.scrubcorpus.eighth import (
    CLASSES,
    DEFAULT_SEED,
    VENDOR_CLASSES,
    Doc,
    build_corpus,
    measure_held_back,
)


@pytest.fixture(scope="module")
def corpus() -> list[Doc]:
    return build_corpus()


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert eighth._digest(build_corpus(7)) == eighth._digest(build_corpus(7))
    assert eighth._digest(build_corpus(7)) != eighth._digest(build_corpus(8))
    assert eighth._digest(build_corpus()) == eighth._digest(build_corpus(DEFAULT_SEED))


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 1, 2])
def test_spans_point_at_their_text_and_never_overlap(seed: int) -> None:
    for doc in build_corpus(seed):
        spans = sorted((*doc.secrets, *doc.keeps), key=lambda s: s.start)
        for s in spans:
            assert s.text and doc.text[s.start : s.end] == s.text, doc.name
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start, (doc.name, a.kind, b.kind)


def test_a_secret_never_shows_outside_the_secret_spans(corpus: list[Doc]) -> None:
    for doc in corpus:
        assert eighth.sound(doc), doc.name


def test_size_and_spread(corpus: list[Doc]) -> None:
    secrets = [s for d in corpus for s in d.secrets]
    keeps = [k for d in corpus for k in d.keeps]
    kinds = {d.name.split("-", 1)[1] for d in corpus}
    assert len(CLASSES) >= 20 and len(set(CLASSES)) == len(CLASSES)
    assert 720 <= len(secrets) <= 900
    assert len(keeps) >= 1500
    assert len(corpus) >= 220 and len(kinds) >= 50
    per_class = Counter(s.kind for s in secrets)
    assert set(per_class) == set(CLASSES)
    assert min(per_class.values()) >= 12, per_class.most_common()[-3:]
    assert max(per_class.values()) <= 0.1 * len(secrets)


def test_vendor_flag_and_share(corpus: list[Doc]) -> None:
    secrets = [s for d in corpus for s in d.secrets]
    assert all(s.vendor == (s.kind in VENDOR_CLASSES) for s in secrets)
    share = sum(s.vendor for s in secrets) / len(secrets)
    assert 0.25 <= share <= 0.5


def test_look_alike_documents(corpus: list[Doc]) -> None:
    free = [d for d in corpus if not d.secrets]
    assert 0.08 <= len(free) / len(corpus) <= 0.12
    assert all(len(d.keeps) >= 5 for d in free)
    assert {d.name.split("-", 1)[1] for d in free} == set(eighth.LOOKALIKE_KINDS)


def test_deliveries_are_well_formed(corpus: list[Doc]) -> None:
    forms = Counter[str]()
    for d in corpus:
        first = d.text.splitlines()[0] if d.text.strip() else ""
        if first.startswith('{"type":'):
            forms["json"] += 1
            inner = json.loads(d.text)
            key = "content" if inner["type"] == "tool_result" else "output"
            assert isinstance(inner[key], str)
        elif first.startswith("diff --git"):
            forms["diff"] += 1
        elif first.startswith("Here is the output"):
            forms["markdown"] += 1
            assert d.text.rstrip().endswith("```")
        elif re.match(r"^ {0,5}\d+\u2192", first):
            forms["arrow"] += 1
        elif re.match(r"^ {0,5}\d+\t", first):
            forms["tab"] += 1
    assert all(forms[f] >= 10 for f in ("json", "diff", "markdown", "arrow", "tab")), forms


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def test_fakes_are_format_valid(corpus: list[Doc]) -> None:
    secrets = [s for d in corpus for s in d.secrets]
    for s in secrets:
        if s.kind == "credit_card":
            assert eighth.luhn_ok(s.text) and len(_digits(s.text)) in (15, 16)
        elif s.kind == "iban":
            assert eighth.iban_ok(s.text)
        elif s.kind == "ssn":
            area, group, serial = s.text.split("-")
            assert area not in ("000", "666") and area < "900" and group != "00" and serial != "0000"
        elif s.kind == "aws_access_key_id":
            assert re.fullmatch(r"A[KS]IA[A-Z2-7]{16}", s.text)
        elif s.kind == "jwt":
            head = json.loads(base64.urlsafe_b64decode(s.text.split(".")[0] + "=="))
            assert head["typ"] == "JWT"
        elif s.kind in ("github_token", "npm_token") and s.text[3] == "_":
            rnd, check = s.text[4:-6], s.text[-6:]
            assert eighth.b62(binascii.crc32(rnd.encode()), 6) == check


# Published prefixes per vendor class, written in pieces so that no line here looks like a token.
PREFIXES = {
    "github_token": ("gh" + "p_", "gh" + "o_", "gh" + "u_", "gh" + "s_", "gh" + "r_", "github" + "_pat_"),
    "gitlab_token": ("gl" + "pat-", "gl" + "dt-", "gl" + "rt-"),
    "slack_token": ("xo" + "xb-", "xo" + "xp-", "xa" + "pp-"),
    "stripe_key": ("sk" + "_live_", "rk" + "_live_", "sk" + "_test_", "rk" + "_test_"),
    "openai_key": ("sk-" + "proj-", "sk-"),
    "anthropic_key": ("sk-" + "ant-",),
    "aws_access_key_id": ("AK" + "IA", "AS" + "IA"),
    "google_api_key": ("AI" + "za",),
    "npm_token": ("np" + "m_",),
    "pypi_token": ("py" + "pi-",),
    "huggingface_token": ("h" + "f_",),
    "sendgrid_key": ("S" + "G.",),
    "twilio_key": ("S" + "K",),
    "shopify_token": ("shp" + "at_", "shp" + "ss_", "shp" + "ca_", "shp" + "pa_"),
    "digitalocean_token": ("do" + "p_v1_", "do" + "o_v1_", "do" + "r_v1_"),
}


def test_vendor_tokens_carry_their_published_prefix(corpus: list[Doc]) -> None:
    for d in corpus:
        for s in d.secrets:
            if s.kind in PREFIXES:
                assert s.text.startswith(PREFIXES[s.kind]), (d.name, s.kind)


# -- the measure, on redactors whose result is known ----------------------------------------------------------


def _by_text() -> dict[str, Doc]:
    return {d.text: d for d in build_corpus()}


def _rewrite(edit: Callable[[Doc, str, int, int], tuple[int, int, str]]) -> Callable[[str], str]:
    """A scrub function that rewrites each labelled secret (from the end) as `edit` says."""
    docs = _by_text()

    def scrub(text: str) -> str:
        doc = docs[text]
        out = text
        for s in sorted(doc.secrets, key=lambda s: s.start, reverse=True):
            start, end, new = edit(doc, out, s.start, s.end)
            out = out[:start] + new + out[end:]
        return out

    return scrub


def test_identity_recalls_nothing_and_keeps_everything() -> None:
    m = measure_held_back(lambda t: t)
    assert m["recall"] == 0 and m["recall_no_fragment"] == 0 and m["vendor_prefix_recall"] == 0
    assert m["keep_rate"] == 1 and m["line_keep_rate"] == 1
    assert m["secrets"] == sum(len(d.secrets) for d in build_corpus()) and m["lines"] > 100
    assert set(m) == {
        "secrets",
        "recall",
        "recall_no_fragment",
        "vendor_prefix_recall",
        "keep_rate",
        "line_keep_rate",
        "lines",
    }


def test_perfect_redactor_scores_one_everywhere() -> None:
    m = measure_held_back(_rewrite(lambda doc, out, a, b: (a, b, "[REDACTED]")))
    assert m["recall"] == 1 and m["recall_no_fragment"] == 1 and m["vendor_prefix_recall"] == 1
    assert m["keep_rate"] == 1 and m["line_keep_rate"] == 1


def test_wiping_whole_lines_loses_the_keeps_beside_secrets() -> None:
    def whole_line(doc: Doc, out: str, a: int, b: int) -> tuple[int, int, str]:
        start = out.rfind("\n", 0, a) + 1
        end = out.find("\n", b)
        return start, len(out) if end < 0 else end, "[REDACTED LINE]"

    m = measure_held_back(_rewrite(whole_line))
    assert m["recall"] == 1
    assert m["keep_rate"] < 0.9
    assert m["line_keep_rate"] == 1  # no secret, no wiped line


def test_removing_half_of_each_secret_leaves_fragments() -> None:
    m = measure_held_back(_rewrite(lambda doc, out, a, b: (a, a + (b - a + 1) // 2, "[REDACTED]")))
    secrets = [s for d in build_corpus() for s in d.secrets]
    short = sum(len(s.text) // 2 < 8 for s in secrets) / len(secrets)
    assert m["recall"] == 1 and m["vendor_prefix_recall"] == 1
    # A secret whose remaining half is shorter than 8 characters leaves no 8-character fragment; every other
    # one does.
    assert m["recall_no_fragment"] == pytest.approx(short, abs=0.005)
    assert m["recall_no_fragment"] < 0.35
