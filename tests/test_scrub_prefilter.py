"""The prefilter (client_actors/scrub/_gate.py) skips passes exactly: the scrubber's output is the one it
gives with every pass run over every text, and scrubbing texts together gives what scrubbing each does."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from client_actors.scrub import scrub_text, scrub_texts, scrub_values
from client_actors.scrub._engine import _RULE_ALSO, _RULE_LITERALS, PASSES, PREFILTER, scrub_every_pass
from client_actors.scrub._gate import Prefilter
from tests.scrubcorpus import fakes
from tests.scrubcorpus.benign import build_documents
from tests.scrubcorpus.contexts import build_instances
from tests.scrubcorpus.second import build
from tests.test_scrub_properties import FRAGMENTS

# Every literal a pass is gated on, its pieces (so that a literal is often cut or completed by what is
# around it), and the tokens the rules write (a token is another pass's literal).
LITERALS = sorted({literal for step in PASSES for literal in (*(step.literals or ()), *(step.also or ()))})
PIECES = [*FRAGMENTS, *LITERALS, *(literal[: len(literal) // 2] for literal in LITERALS)]
PIECES += [
    "[REDACTED:aws-access-key]", "[REDACTED:password]", "[REDACTED:token]", "~", "~/", "Secret\n", "kind: ",
    "data:\n  ", "value: ", "name: DB_PASSWORD\n", " login ", "machine ", "Digest ", "SharedAccess",
]  # fmt: skip
ANY = st.characters(exclude_categories=())
SOUP = st.lists(st.sampled_from(PIECES) | st.text(ANY, max_size=3), max_size=48).map("".join)
TEXTS = st.text(ANY, max_size=200) | SOUP
MANY = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def corpus_texts() -> list[str]:
    rng = random.Random(13)
    texts = [instance.doc for instance in build_instances(rng, 4)]
    texts += [instance.doc for instance in build("tuning")[0]]
    texts += build_documents(rng, 40)
    return texts


def test_on_the_corpora_the_prefilter_changes_nothing() -> None:
    for text in corpus_texts():
        assert scrub_text(text) == scrub_every_pass(text), text


def test_on_long_texts_the_prefilter_changes_nothing() -> None:
    """The corpora joined into long texts (thousands of characters, many literals each), ASCII and not."""
    texts = corpus_texts()
    for start in range(0, len(texts), 40):
        text = "\n".join(texts[start : start + 40])
        for long in (text, text.replace("the", "thé")):
            assert len(long) > 2048
            assert scrub_text(long) == scrub_every_pass(long)


@pytest.mark.slow
@MANY
@given(TEXTS)
@example("Bearer<<<\x1b")  # a here-string's operator is the only character a rule needs here
def test_the_prefilter_changes_nothing(text: str) -> None:
    assert scrub_text(text) == scrub_every_pass(text)


@pytest.mark.slow
@MANY
@given(st.lists(TEXTS, max_size=6))
def test_texts_scrubbed_together_are_scrubbed_as_alone(texts: list[str]) -> None:
    scrubbed, counts = scrub_texts(texts)
    if not any("sers" in text or "SERS" in text or "/home/" in text for text in texts):
        alone = [scrub_text(text) for text in texts]
        assert scrubbed == [result.text for result in alone]
        assert counts.total == sum(result.counts.total for result in alone)


def test_every_rule_given_literals_is_a_pass() -> None:
    assert set(_RULE_LITERALS) | set(_RULE_ALSO) <= {step.name for step in PASSES}


def test_a_rule_redacts_only_in_a_text_that_holds_one_of_its_literals() -> None:
    """The literals each pass is gated on are read off its regex by hand; this catches one left behind
    when a rule changes (the property tests above catch the rest)."""
    for text in corpus_texts():
        for step in PASSES:
            if step.literals is not None and step.find(text):
                assert any(literal in text for literal in step.literals), (step.name, text)
                assert step.also is None or any(literal in text for literal in step.also), (step.name, text)


@pytest.mark.slow
@MANY
@given(text=TEXTS, cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30), TEXTS), max_size=4))
def test_the_mask_after_a_replacement_is_the_mask_of_the_new_text(
    text: str, cuts: list[tuple[int, int, str]]
) -> None:
    """What `mask_around` adds to the old text's mask covers every literal of the new text."""
    spans: list[tuple[int, int]] = []
    new, cursor = "", 0
    for at, length, replacement in sorted(cuts):
        start = max(at, cursor)
        if start > len(text) or not replacement:
            continue
        end = min(len(text), start + length)
        spans.append((len(new) + start - cursor, len(new) + start - cursor + len(replacement)))
        new += text[cursor:start] + replacement
        cursor = end
    new += text[cursor:]
    assert PREFILTER.mask(new) & ~(PREFILTER.mask(text) | PREFILTER.mask_around(new, spans)) == 0


def test_the_prefilter_reads_any_text() -> None:
    gate = Prefilter([("ab", "é"), None, ("\ud800x",)])
    assert gate.mask("xxabx") == 0b001
    assert gate.mask("café") == 0b001
    assert gate.mask("\ud800x") == 0b100
    assert gate.mask("") == 0


def test_a_user_name_from_a_home_path_in_one_text_goes_from_the_others() -> None:
    name = "".join(random.Random(3).choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
    texts = [f"cd /home/{name}/src && make", f"-rw-r--r-- 1 {name} staff 120 notes.txt", "no one here"]
    scrubbed, counts = scrub_texts(texts)
    assert scrubbed == [
        "cd ~/src && make",
        "-rw-r--r-- 1 [REDACTED:username] staff 120 notes.txt",
        "no one here",
    ]
    assert counts.get("home-path") == 1 and counts.get("username") == 1
    assert scrub_text(texts[1]).text == texts[1]  # alone, nothing says the word is a name
    values, _ = scrub_values([{"path": f"/Users/{name}/x"}, f"owner {name}"])
    assert values == [{"path": "~/x"}, "owner [REDACTED:username]"]


def test_a_token_another_pass_wrote_brings_its_literal_in() -> None:
    """The AWS secret is found next to the access key id only once that id is a token: the prefilter must
    see the token the earlier pass wrote, which was not in the text it first scanned."""
    rng = random.Random(8)
    key_id, secret = fakes.aws_access_key(rng), fakes.aws_secret_key(rng)
    text = f"{key_id},{secret}\n"
    assert scrub_text(text).text == "[REDACTED:aws-access-key],[REDACTED:aws-secret-key]\n"


_GIVEN = ("Ana", "Bruno", "Chiara", "Dmitri", "Elif", "Farid")
_FAMILY = ("Lima", "Okafor", "Rossi", "Novak", "Yilmaz", "Haddad")


@pytest.mark.parametrize("far", ["", "(x)", "(x)" + " " * 420, "[x]" + "_" * 420, "{x}" + "é" * 210])
@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("id,full_name,email", "{n},{name},{user}@mail.acme-corp.io"),
        ("id\tcustomer_name\tcity", "{n}\t{name}\tPorto"),
        ("    customer_name  city", "{n}  {name}  Porto"),  # a data frame as pandas prints it
    ],
)
def test_a_header_known_to_be_none_changes_nothing(header: str, row: str, far: str) -> None:
    """The keyed-name pass knows some lines are no table's or frame's header before reading them, only where
    every line is short enough for the rows' reader to read whole: a bracket on a long line, farther before the
    name than that reader looks, changes nothing either."""
    rng = random.Random(len(far))
    rows = []
    for n in range(3):
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        rows.append(row.format(n=n, name=name, user=name.split()[0].lower()))
    for lead in ("", "     1→"):
        text = "\n".join(lead + line for line in (far + header, *rows))
        assert scrub_text(text) == scrub_every_pass(text), text
