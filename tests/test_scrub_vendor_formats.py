"""Platforms' and tools' credentials by their published layouts (client_actors/scrub/_vendor.py): their makers,
redacted and typed in tests/test_scrub_vendor.py's contexts, and what shares a prefix and must stay."""

from __future__ import annotations

import base64
import json
import random
import re
import uuid

import pytest

from client_actors.scrub import scrub_text
from client_actors.scrub._vendor import DASH_FORMATS, UNDERSCORE_FORMATS, SeparatorFormat, prefix_forms
from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, DIGITS, HEX, URLSAFE, chars, mixed

RNG = random.Random(20261210)
UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + DIGITS
LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz" + DIGITS


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128)))


def _jwt_body(rng: random.Random) -> str:
    return "ey" + "J" + chars(rng, URLSAFE, 80)


# (maker, kind). Prefixes are written in two pieces: a whole fake token in the source would look real to a scanner.
PLATFORM_FORMATS: list[tuple[fakes.Maker, str]] = [
    (lambda rng: "gl" + "sa_" + mixed(rng, ALNUM, 32) + "_" + chars(rng, HEX, 8), "token"),
    (
        lambda rng: "gl" + "c_" + base64.b64encode(rng.randbytes(90)).decode(),
        "token",
    ),  # "+" and "/" early too
    (lambda rng: "sb" + "p_" + chars(rng, HEX, 40), "token"),
    (lambda rng: "sb_" + "secret_" + mixed(rng, ALNUM, 12) + mixed(rng, URLSAFE, 20), "api-key"),
    (lambda rng: "nf" + "p_" + mixed(rng, ALNUM, 40), "token"),
    (lambda rng: "rn" + "d_" + mixed(rng, ALNUM, 32), "api-key"),
    (lambda rng: "dckr" + "_pat_" + mixed(rng, ALNUM, 27), "token"),
    (lambda rng: "ruby" + "gems_" + chars(rng, HEX, 48), "api-key"),
    (lambda rng: "sq" + "p_" + chars(rng, HEX, 40), "token"),
    (lambda rng: "sg" + "p_" + chars(rng, HEX, 40), "token"),
    (lambda rng: "pn" + "u_" + mixed(rng, ALNUM, 36), "api-key"),
    (lambda rng: "lsv2" + "_pt_" + chars(rng, HEX, 32) + "_" + chars(rng, HEX, 10), "api-key"),
    (lambda rng: "gs" + "k_" + mixed(rng, ALNUM, 52), "api-key"),
    (lambda rng: "r8" + "_" + mixed(rng, ALNUM, 37), "api-key"),
    (lambda rng: "pscale" + "_tkn_" + mixed(rng, ALNUM, 43), "token"),
    (lambda rng: "pscale" + "_pw_" + mixed(rng, ALNUM, 43), "password"),
    (lambda rng: "na" + "pi_" + mixed(rng, ALNUM, 64), "api-key"),
    (lambda rng: "op" + "s_" + _jwt_body(rng), "token"),
    (lambda rng: "nt" + "n_" + mixed(rng, ALNUM, 46), "token"),
    (lambda rng: "fi" + "gd_" + mixed(rng, URLSAFE, 40), "token"),  # "_" and "-" early too
    (lambda rng: "shippo" + "_live_" + chars(rng, HEX, 40), "api-key"),
    (lambda rng: "ai" + "o_" + mixed(rng, ALNUM, 28), "api-key"),
    (lambda rng: "ph" + "x_" + mixed(rng, ALNUM, 47), "api-key"),
    (lambda rng: "bk" + "ua_" + chars(rng, HEX, 40), "token"),
    (lambda rng: "pc" + "sk_" + mixed(rng, ALNUM, 60), "api-key"),
    (lambda rng: "f" + "w_" + mixed(rng, ALNUM, 24), "api-key"),
    (lambda rng: "ji" + "na_" + mixed(rng, ALNUM, 60), "api-key"),
    (lambda rng: "e2" + "b_" + chars(rng, HEX, 40), "api-key"),
    (lambda rng: "tf" + "p_" + mixed(rng, ALNUM, 44), "token"),
    (lambda rng: "rd" + "me_" + mixed(rng, ALNUM, 70), "api-key"),
    (lambda rng: "duffel" + "_test_" + mixed(rng, URLSAFE, 43), "token"),
    (lambda rng: "hca" + "ik_" + mixed(rng, LOWER_ALNUM, 52), "api-key"),
    (lambda rng: "CCI" + "PAT_" + mixed(rng, ALNUM, 22) + "_" + chars(rng, HEX, 40), "token"),
    (lambda rng: "CLO" + "JARS_" + chars(rng, HEX, 60), "token"),
    (lambda rng: "esec" + "ret_" + mixed(rng, ALNUM, 32), "api-key"),
    (lambda rng: "api" + "_org_" + mixed(rng, ALNUM, 34), "huggingface-token"),
    (lambda rng: "fm" + "2_" + base64.b64encode(rng.randbytes(120)).decode(), "token"),
    (lambda rng: "gl" + "soat-" + mixed(rng, URLSAFE, 20), "gitlab-token"),
    (lambda rng: "NR" + "AK-" + mixed(rng, UPPER_ALNUM, 27), "api-key"),
    (lambda rng: "NR" + "II-" + mixed(rng, URLSAFE, 32), "api-key"),
    (lambda rng: "pp" + "lx-" + mixed(rng, ALNUM, 48), "api-key"),
    (lambda rng: "xkey" + "sib-" + chars(rng, HEX, 64) + "-" + mixed(rng, ALNUM, 16), "api-key"),
    (lambda rng: "pu" + "l-" + chars(rng, HEX, 40), "token"),
    (lambda rng: "ts" + "key-auth-" + mixed(rng, ALNUM, 12) + "CNTRL-" + mixed(rng, ALNUM, 30), "api-key"),
    (lambda rng: "tv" + "ly-" + mixed(rng, ALNUM, 32), "api-key"),
    (lambda rng: "f" + "c-" + chars(rng, HEX, 32), "api-key"),
    (lambda rng: "cs" + "k-" + mixed(rng, LOWER_ALNUM, 48), "api-key"),
    (lambda rng: "HR" + "KU-" + mixed(rng, URLSAFE, 60), "token"),
    (lambda rng: "CF" + "PAT-" + mixed(rng, URLSAFE, 43), "token"),
    (lambda rng: "FLW" + "SECK-" + chars(rng, HEX, 32) + "-X", "api-key"),
    (lambda rng: "sq0" + "atp-" + mixed(rng, URLSAFE, 22), "token"),
    (lambda rng: "GOC" + "SPX-" + mixed(rng, URLSAFE, 28), "secret"),
    (lambda rng: "ke" + "y-" + chars(rng, HEX, 32), "api-key"),
    (lambda rng: "sd" + "k-" + _uuid(rng), "api-key"),
    (lambda rng: "pat" + "-na1-" + _uuid(rng), "token"),
    (lambda rng: "AP" + "I-" + mixed(rng, UPPER_ALNUM, 27), "api-key"),
    (lambda rng: mixed(rng, ALNUM, 14) + ".atlas" + "v1." + mixed(rng, URLSAFE, 67), "token"),
    (lambda rng: "dt0" + "c01." + mixed(rng, UPPER_ALNUM, 24) + "." + mixed(rng, UPPER_ALNUM, 64), "token"),
    (lambda rng: "EZ" + "AK" + mixed(rng, ALNUM, 54), "api-key"),
    (lambda rng: "LT" + "AI" + mixed(rng, ALNUM, 20), "api-key"),
    (lambda rng: "AT" + "BB" + mixed(rng, ALNUM, 32), "token"),
    (lambda rng: "AK" + "Cp" + mixed(rng, ALNUM, 69), "api-key"),
    (lambda rng: "AB" + "SK" + base64.b64encode(rng.randbytes(96)).decode(), "api-key"),
    (lambda rng: "s" + "k.ey" + "J" + mixed(rng, URLSAFE, 60) + "." + mixed(rng, URLSAFE, 22), "token"),
    (
        lambda rng: "access_token" + "$production$" + chars(rng, LOWER_ALNUM, 16) + "$" + chars(rng, HEX, 32),
        "token",
    ),
    (lambda rng: "s" + "l." + mixed(rng, URLSAFE, 140), "token"),
    (lambda rng: chars(rng, HEX, 32) + "-u" + "s14", "api-key"),
]


@pytest.mark.parametrize(
    "text",
    [
        "key-value store, key-" + "f" * 32,  # a filler after Mailgun's prefix
        "see rfc-" + "3339" + " and sdk-version 4.2.1",
        "posthog: phc_" + "Ab3" * 14,  # PostHog's project key is published in every page that reports
        "mapbox public: pk.ey" + "J" + "Ab3_" * 15 + "." + "Zz9" * 8,  # Mapbox's public token
        'const supabase = createClient(url, "sb_publishable_' + "Ab3" * 10 + '")',  # the publishable key
        "API-first design, API-" + "GATEWAY",
        "openssl.cnf and ssl.crt",
        "task_runner, find_replacement, string_builder_factory",
        "ls -la --color=auto build-output-2024 release-notes-draft",
        "pat-na1-<private-app-token>",
        "GOCSPX-" + "x" * 28,
        "NRAK-" + "X" * 27,
    ],
)
def test_lookalikes_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


@pytest.mark.parametrize("glue", ["-", "_"])
def test_a_prefix_inside_a_longer_run_of_token_characters_is_no_token(glue: str) -> None:
    """A JSON Web Key's modulus or a nonce in base64url can hold "-sk-" and twenty characters more: they are the
    run's, as a token glued to the letters before it would be."""
    before, after = mixed(RNG, ALNUM, 40), mixed(RNG, ALNUM, 40)
    for prefix in ("s" + "k-", "gh" + "p_", "gl" + "pat-", "xo" + "xb-"):
        modulus = before + glue + prefix + after
        text = json.dumps({"kty": "RSA", "n": modulus, "e": "AQAB"})
        assert scrub_text(text).text == text
    secret = "s" + "k-" + mixed(RNG, ALNUM, 40)
    for lead in ("x=", "-H 'Authorization: Bearer ", "\n-", "--key ", " -"):
        assert secret not in scrub_text(lead + secret).text  # a flag's dash, a line's dash: the token's edge


@pytest.mark.parametrize("fmt", [*UNDERSCORE_FORMATS, *DASH_FORMATS], ids=lambda fmt: fmt.prefix)
def test_a_prefix_is_read_as_every_string_it_matches(fmt: SeparatorFormat) -> None:
    """The prefilter's literals and the rules' gates are read off the prefixes (`prefix_forms`): each form is
    one the prefix matches, as wide as the format says, and a form with one character changed is another form
    or no match."""
    forms = set(prefix_forms(fmt.prefix))
    alphabet = {char for form in forms for char in form} | set("_-.0Zz")
    for form in forms:
        assert re.fullmatch(fmt.prefix, form), form
        assert len(form) == fmt.width, form
        for at in range(len(form)):
            for char in alphabet:
                changed = form[:at] + char + form[at + 1 :]
                assert (changed in forms) == bool(re.fullmatch(fmt.prefix, changed)), changed


def test_a_prefix_of_more_than_literals_classes_and_groups_is_refused() -> None:
    assert prefix_forms("[spr]k_(?:live|test)_") == tuple(
        f"{first}k_{mode}_" for first in "spr" for mode in ("live", "test")
    )
    for prefix in ("gh.?_", "sk-+", "(?:a|)_", "x[ab]*_", "x[a-c]_", "x[^a]_"):
        with pytest.raises(ValueError, match="not a prefix"):
            prefix_forms(prefix)
