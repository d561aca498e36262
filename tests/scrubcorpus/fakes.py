"""Fake credentials and personal data in real formats, built at run time from a seeded RNG.

Nothing here is a literal that looks like a credential: prefixes are split ("gh" + "p_") and
bodies are random, so secret scanners have nothing to find in the source.
"""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
URLSAFE = ALNUM + "-_"
B64 = ALNUM + "+/"
HEX = "0123456789abcdef"


def chars(rng: random.Random, alphabet: str, n: int) -> str:
    """Return ``n`` characters drawn from ``alphabet``."""
    return "".join(rng.choice(alphabet) for _ in range(n))


def mixed(rng: random.Random, alphabet: str, n: int) -> str:
    """Like `chars`, but with at least one digit and one letter (as real tokens have)."""
    while True:
        body = chars(rng, alphabet, n)
        if any(c.isdigit() for c in body) and any(c.isalpha() for c in body):
            return body


def generated_token(rng: random.Random, n: int = 32) -> str:
    """``n`` letters of both cases and digits, at least one of each: the shape of a generated credential."""
    while True:
        value = chars(rng, string.ascii_letters + string.digits, n)
        if (
            any(c.isupper() for c in value)
            and any(c.islower() for c in value)
            and any(c.isdigit() for c in value)
        ):
            return value


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def aws_access_key(rng: random.Random) -> str:
    return rng.choice(["AK" + "IA", "AS" + "IA"]) + chars(rng, UPPER + "234567", 16)


def aws_secret_key(rng: random.Random) -> str:
    return mixed(rng, B64, 40)


def google_api_key(rng: random.Random) -> str:
    return "AI" + "za" + chars(rng, URLSAFE, 35)


def github_token(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return "github" + "_pat_" + chars(rng, ALNUM, 22) + "_" + chars(rng, ALNUM, 59)
    return "gh" + rng.choice("pousr") + "_" + chars(rng, ALNUM, 36)


def gitlab_token(rng: random.Random) -> str:
    return "gl" + "pat-" + mixed(rng, URLSAFE, 20)


def slack_token(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return (
            "xa"
            + "pp-1-A"
            + chars(rng, UPPER + DIGITS, 10)
            + "-"
            + chars(rng, DIGITS, 13)
            + "-"
            + chars(rng, HEX, 64)
        )
    ids = chars(rng, DIGITS, 12) + "-" + chars(rng, DIGITS, 13)
    return "xo" + "x" + rng.choice("bp") + "-" + ids + "-" + chars(rng, ALNUM, 24)


def slack_webhook_path(rng: random.Random) -> str:
    return (
        "T"
        + chars(rng, UPPER + DIGITS, 8)
        + "/B"
        + chars(rng, UPPER + DIGITS, 10)
        + "/"
        + chars(rng, ALNUM, 24)
    )


def discord_bot_token(rng: random.Random) -> str:
    user = rng.choice("MNO") + chars(rng, ALNUM, 23)
    return user + "." + chars(rng, URLSAFE, 6) + "." + mixed(rng, URLSAFE, 27)


def discord_webhook_token(rng: random.Random) -> str:
    return mixed(rng, URLSAFE, 68)


def stripe_key(rng: random.Random) -> str:
    return (
        rng.choice(["sk", "rk"])
        + rng.choice(["_live_", "_test_"])
        + chars(rng, ALNUM, 24 + rng.randrange(76))
    )


def openai_key(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return "sk-" + mixed(rng, ALNUM, 20) + "T3Blbk" + "FJ" + mixed(rng, ALNUM, 20)
    return "sk-" + rng.choice(["proj-", "svcacct-", ""]) + mixed(rng, URLSAFE, 48 + rng.randrange(100))


def anthropic_key(rng: random.Random) -> str:
    return "sk-" + "ant-" + rng.choice(["api03-", "admin01-"]) + mixed(rng, URLSAFE, 93) + "AA"


def huggingface_token(rng: random.Random) -> str:
    return "hf" + "_" + chars(rng, UPPER + LOWER, 34)


def xai_key(rng: random.Random) -> str:
    return "xa" + "i-" + mixed(rng, ALNUM, 80)


def npm_token(rng: random.Random) -> str:
    return "np" + "m_" + chars(rng, ALNUM, 36)


def pypi_token(rng: random.Random) -> str:
    return "py" + "pi-" + "AgEIcHlwaS5vcmc" + chars(rng, URLSAFE, 70 + rng.randrange(80))


def sendgrid_key(rng: random.Random) -> str:
    return "S" + "G." + chars(rng, URLSAFE, 22) + "." + chars(rng, URLSAFE, 43)


def twilio_key(rng: random.Random) -> str:
    return rng.choice(["S" + "K", "A" + "C"]) + chars(rng, HEX, 32)


def jwt(rng: random.Random) -> str:
    header = b64url(json.dumps({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    claims = {"sub": chars(rng, DIGITS, 10), "iat": 1700000000 + rng.randrange(10**7), "scope": "repo"}
    return header + "." + b64url(json.dumps(claims).encode()) + "." + chars(rng, URLSAFE, 43)


def azure_account_key(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(64)).decode()


def azure_sas_signature(rng: random.Random) -> str:
    raw = base64.b64encode(rng.randbytes(32)).decode()
    return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def private_key(rng: random.Random) -> str:
    label = rng.choice(["RSA ", "EC ", "OPENSSH ", "", "ENCRYPTED ", "PGP "])
    name = label + "PRIVATE" + " KEY" + (" BLOCK" if label == "PGP " else "")
    body = base64.b64encode(rng.randbytes(rng.choice([120, 300, 900]))).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join(["-----BEGIN " + name + "-----", *lines, "-----END " + name + "-----"])


def password(rng: random.Random) -> str:
    """A human-made password: words, digits and symbols, or a generated one."""
    words = ["tiger", "Summer", "blue", "Dragon", "coffee", "Maple", "rocket", "Winter", "pixel"]
    if rng.random() < 0.5:
        return rng.choice(words) + chars(rng, DIGITS, rng.randrange(1, 5)) + rng.choice("!#%&*?@$")
    return mixed(rng, ALNUM + "!#%*-_", rng.randrange(12, 33))


def api_secret(rng: random.Random) -> str:
    """A generated secret of the kinds services hand out: hex, base64 or alphanumeric."""
    shape = rng.randrange(3)
    if shape == 0:
        return chars(rng, HEX, rng.choice([32, 40, 64]))
    if shape == 1:
        return base64.b64encode(rng.randbytes(rng.choice([24, 32, 48]))).decode()
    return mixed(rng, ALNUM, rng.randrange(20, 48))


FIRST = ["alice", "bob", "carol", "dmitri", "esther", "farah", "goran", "hiro", "ines", "jamal", "kwame"]
LAST = ["smith", "nguyen", "okafor", "schmidt", "tanaka", "garcia", "kowalski", "dubois", "haddad"]
MAIL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "acme-corp.io", "fastmail.fm", "uni-heidelberg.de"]


def user_name(rng: random.Random) -> str:
    return (
        rng.choice(FIRST)
        + rng.choice(["", ".", "_", ""])
        + rng.choice(LAST)
        + chars(rng, DIGITS, rng.randrange(3))
    )


def email(rng: random.Random) -> str:
    return user_name(rng) + "@" + rng.choice(MAIL_DOMAINS)


def phone(rng: random.Random) -> str:
    area, exchange = str(rng.randrange(201, 990)), str(rng.randrange(201, 999))
    line = chars(rng, DIGITS, 4)
    shapes = [
        f"+1 {area} {exchange} {line}",
        f"+1-{area}-{exchange}-{line}",
        f"({area}) {exchange}-{line}",
        f"{area}-{exchange}-{line}",
        f"+44 20 {chars(rng, DIGITS, 4)} {line}",
        f"+49 30 {chars(rng, DIGITS, 7)}",
        f"+33 6 {chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)} {chars(rng, DIGITS, 2)}",
    ]
    return rng.choice(shapes)


def public_ipv4(rng: random.Random) -> str:
    first = rng.choice([23, 34, 45, 52, 63, 77, 81, 93, 104, 128, 151, 185, 212])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def public_ipv6(rng: random.Random) -> str:
    prefix = rng.choice(["2a03:2880", "2606:4700", "2a01:4f8", "2600:1f18", "2c0f:fb50"])
    groups = [format(rng.randrange(1, 65536), "x") for _ in range(rng.choice([2, 3, 6]))]
    joined = ":".join(groups)
    return f"{prefix}:{joined}" if len(groups) == 6 else f"{prefix}:{joined}::{rng.randrange(1, 999)}"


def card_number(rng: random.Random) -> str:
    prefix, length = rng.choice([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16), ("35", 16)])
    body = prefix + chars(rng, DIGITS, length - len(prefix) - 1)
    digits = body + _luhn_digit(body)
    if rng.random() < 0.5 and length == 16:
        sep = rng.choice([" ", "-"])
        return sep.join(digits[i : i + 4] for i in range(0, 16, 4))
    return digits


def _luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (1 if index % 2 else 2)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


Maker = Callable[[random.Random], str]
