# ruff: noqa: E501, RUF001
"""Ninth held-back scrub corpus: labelled terminal text nobody tuned the scrubber to.

held-back: never tune rules against it. It exists to measure the scrubber on text written without looking at
its rules: a figure measured on text the rules were tuned to says how well they fit that text, not how well they
generalise. It was written only from the formats' public descriptions (vendors' published token prefixes,
lengths and checksums; the HTTP, cookie and URL RFCs; ISO 13616 IBAN check digits; the Luhn check; the SSA's
SSN issuance rules; the PEM and OpenSSH key layouts) and from what a terminal shows while code is written and
run, apart from the scrubber's rules and the other corpora, none of which were read.

Every fake value is generated from a seeded `random.Random` (the same seed gives the same corpus); vendor
prefixes and key markers are assembled from pieces so that no literal in this file looks like a credential.

Size (default seed): 316 documents of 177 kinds (161 kinds holding secrets, 16 secret-free look-alike kinds,
31 look-alike documents), 34 secret classes with 12 to 67 spans each, 831 secret spans of which 180 carry a
vendor's published prefix (50 vendor formats), and 3,237 must-survive spans (269 of them CI-log timestamps,
257 look-alike lines). Every kind appears once and the kinds holding the classes seen least so far fill the
rest, so that the classes stay even. Each snippet is delivered one of six ways (as is, as an escaped
transcript line, as a diff's added lines, line-numbered like a file read, timestamped like a CI log, or inside
a Markdown code block) and its spans are mapped into the final text, which the build asserts. A span running
over several lines (a key body) includes the delivery's line prefixes.

What counts as a secret: anything whose leak gives access (tokens, keys, passwords, signatures, session
cookies, private keys with the whole body labelled, signed-URL signatures, webhook URLs' secret paths,
service-account key ids), and personal data that names or reaches a person or a host: e-mail addresses (also
percent-encoded), phone numbers, card numbers, SSNs, IBANs, IP addresses of real hosts (private and public,
not the documentation ranges or loopback), the user-name part of home-directory paths (and the same local
account name wherever it shows in the same document: a prompt, `ls -l` owners, an ssh `User`), and person
names in structured fields (git author and committer lines, shortlog, export and fixture name columns, a
ticket's sender), since a name next to an e-mail identifies someone as surely as the e-mail does. Not counted:
user names of remote services and databases (the `app` in `postgres://app:...`), which name an account rather
than a person, and identifiers that grant nothing (UUIDs, git SHAs, digests, ARNs and the account ids in them,
public keys, certificates, OAuth client ids, Twilio account SIDs, placeholders, masked values, documentation
IPs); those are must-survive text where labelled. AWS secret keys and session tokens, Discord bot tokens and
Cloudflare API tokens have no published prefix, so they are not counted as vendor-prefixed (vendor=False).
"""

from __future__ import annotations

import base64
import collections
import difflib
import hashlib
import json
import random
import re
import string
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

DEFAULT_SEED = 90_909
DOCUMENT_COUNT = 316

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
B64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
HEXL = "0123456789abcdef"
ALNUM = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a document's final text: a secret (with its class) or a must-survive stretch."""

    start: int
    end: int
    cls: str
    fmt: str = ""
    vendor: bool = False


@dataclass(frozen=True)
class Doc:
    kind: str
    delivery: str
    text: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]
    lookalike: bool


# ---------------------------------------------------------------------------------------------------------
# Random pieces


def _pick(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def base62(n: int) -> str:
    """Base62 in GitHub's published token-checksum alphabet (digits, upper, lower)."""
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out or "0"


def crc32_base62(body: str) -> str:
    """The 6-character checksum GitHub (and npm) append to a token's 30 random characters."""
    return base62(zlib.crc32(body.encode())).rjust(6, "0")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(r: random.Random, prefix: str, length: int) -> str:
    body = prefix + _pick(r, string.digits, length - len(prefix) - 1)
    for check in string.digits:
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _iban(r: random.Random) -> str:
    country, bban = r.choice(
        [
            ("DE", _pick(r, string.digits, 18)),
            ("GB", _pick(r, string.ascii_uppercase, 4) + _pick(r, string.digits, 14)),
            ("FR", _pick(r, string.digits, 10) + _pick(r, ALNUM.upper(), 11) + _pick(r, string.digits, 2)),
            ("NL", _pick(r, string.ascii_uppercase, 4) + _pick(r, string.digits, 10)),
            ("ES", _pick(r, string.digits, 20)),
            (
                "IT",
                _pick(r, string.ascii_uppercase, 1)
                + _pick(r, string.digits, 10)
                + _pick(r, string.digits, 12),
            ),
            ("BE", _pick(r, string.digits, 12)),
        ]
    )
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


FIRST = [
    "Anna",
    "Ben",
    "Chloe",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kavya",
    "Lukas",
    "Mei",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Santiago",
    "Tomasz",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zofia",
]
LAST = [
    "Andersson",
    "Barbieri",
    "Chowdhury",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ueda",
    "Varga",
    "Wojcik",
    "Yilmaz",
    "Zimmermann",
]
MAIL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "web.de", "fastmail.fm", "icloud.com"]
ORG_DOMAINS = ["kestrel-freight.io", "brightloom.dev", "harbourline.co.uk", "nordwerk.de", "tallpine.health"]
WORDS = [
    "amber",
    "basalt",
    "cobalt",
    "delta",
    "ember",
    "falcon",
    "garnet",
    "harbor",
    "indigo",
    "juniper",
    "kestrel",
    "lumen",
    "maple",
    "nimbus",
    "orchid",
    "pylon",
    "quartz",
    "raven",
    "saffron",
    "tundra",
    "umber",
    "vortex",
    "willow",
    "zephyr",
]


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _email(r: random.Random) -> str:
    first, last = r.choice(FIRST).lower(), r.choice(LAST).lower()
    local = r.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{r.randint(10, 99)}", f"{first}_{last}"]
    )
    return f"{local}@{r.choice(MAIL_DOMAINS + ORG_DOMAINS)}"


def _email_of(r: random.Random, person: str) -> str:
    """An address that goes with a name already shown (a git author line shows both)."""
    first, last = person.lower().split()
    return (
        f"{r.choice([f'{first}.{last}', f'{first[0]}{last}', first])}@{r.choice(MAIL_DOMAINS + ORG_DOMAINS)}"
    )


def _username(r: random.Random) -> str:
    first, last = r.choice(FIRST).lower(), r.choice(LAST).lower()
    name = r.choice([f"{first[0]}{last}", f"{first}.{last}", f"{first}{last[:2]}", first + last[:3]])
    return name if len(name) >= 6 else f"{name}{r.randint(10, 99)}"


def _password(r: random.Random, url_safe: bool = False) -> str:
    symbols = "-_." if url_safe else "-_.!%*^@#"
    style = r.randrange(4)
    if style == 0:
        return f"{r.choice(WORDS).capitalize()}{r.choice(symbols)}{r.choice(WORDS)}{r.randint(10, 9999)}{r.choice(symbols)}"
    if style == 1:
        core = _pick(r, ALNUM, r.randint(14, 22))
        i = r.randrange(1, len(core))
        return core[:i] + r.choice(symbols) + core[i:] + str(r.randint(0, 9))
    if style == 2:
        return _pick(r, ALNUM, r.randint(20, 32))
    return (
        f"{r.choice(WORDS)}{r.randint(1, 99)}{r.choice(symbols)}{r.choice(WORDS).upper()}{_pick(r, ALNUM, 4)}"
    )


def _phone(r: random.Random, style: int | None = None) -> str:
    style = r.randrange(8) if style is None else style
    area = f"{r.randint(2, 9)}{r.randint(0, 8)}{r.randint(0, 9)}"
    exch = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}"
    if exch == "555":
        exch = "556"
    line = f"{r.randint(0, 9999):04d}"
    if style == 0:
        return f"+1{area}{exch}{line}"
    if style == 1:
        return f"({area}) {exch}-{line}"
    if style == 2:
        return f"{area}-{exch}-{line}"
    if style == 3:
        return f"+44 7{r.randint(100, 999)} {r.randint(100000, 999999)}"
    if style == 4:
        return f"07{r.randint(100, 999)} {r.randint(100000, 999999)}"
    if style == 5:
        return f"+49 1{r.choice('567')}{r.randint(0, 9)} {r.randint(1000000, 99999999)}"
    if style == 6:
        pairs = " ".join(f"{r.randint(0, 99):02d}" for _ in range(4))
        return f"0{r.choice('67')} {pairs}"
    return f"+91 {r.randint(6, 9)}{r.randint(1000, 9999)} {r.randint(10000, 99999)}"


def _card(r: random.Random, sep: str | None = None) -> str:
    brand = r.randrange(4)
    if brand == 0:
        digits = _luhn_complete(r, "4", 16)
    elif brand == 1:
        digits = _luhn_complete(r, r.choice(["51", "52", "53", "54", "55", "2221", "2720"]), 16)
    elif brand == 2:
        digits = _luhn_complete(r, r.choice(["34", "37"]), 15)
    else:
        digits = _luhn_complete(r, "6011", 16)
    sep = r.choice(["", " ", "-"]) if sep is None else sep
    if len(digits) == 15:
        groups = [digits[:4], digits[4:10], digits[10:]]
    else:
        groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    return sep.join(groups)


def _ssn(r: random.Random, dashed: bool = True) -> str:
    area = r.randint(1, 899)
    if area == 666:
        area = 667
    group, serial = r.randint(1, 99), r.randint(1, 9999)
    return f"{area:03d}-{group:02d}-{serial:04d}" if dashed else f"{area:03d}{group:02d}{serial:04d}"


def _private_ip(r: random.Random) -> str:
    kind = r.randrange(3)
    if kind == 0:
        return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"
    if kind == 1:
        return f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}"
    return f"192.168.{r.randint(0, 255)}.{r.randint(2, 254)}"


def _public_ip(r: random.Random) -> str:
    while True:
        a = r.randint(1, 223)
        b = r.randint(0, 255)
        if a in (10, 127, 0) or (a == 100 and 64 <= b < 128) or (a == 169 and b == 254):
            continue
        if (a == 172 and 16 <= b < 32) or (a == 192 and b in (0, 168)) or (a == 198 and b in (18, 19, 51)):
            continue
        if a == 203 and b == 0:
            continue
        return f"{a}.{b}.{r.randint(0, 255)}.{r.randint(2, 254)}"


def _jwt(r: random.Random) -> str:
    header = {"alg": r.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    payload = {
        "sub": str(r.randint(10**6, 10**9)),
        "iat": 1_780_000_000 + r.randint(0, 10**7),
        "exp": 1_790_000_000 + r.randint(0, 10**7),
        "scope": r.choice(["read write", "admin", "repo:read"]),
    }
    sig = bytes(r.getrandbits(8) for _ in range(r.choice([32, 64])))
    return ".".join(
        [
            _b64u(json.dumps(header).encode()),
            _b64u(json.dumps(payload, separators=(",", ":")).encode()),
            _b64u(sig),
        ]
    )


def _rand_bytes(r: random.Random, n: int) -> bytes:
    return bytes(r.getrandbits(8) for _ in range(n))


def _wrap64(b64: str) -> list[str]:
    return [b64[i : i + 64] for i in range(0, len(b64), 64)]


PEM_DASH = "-" * 5


def pem_marker(edge: str, label: str) -> str:
    """A PEM boundary line; assembled so that no literal here is a key marker."""
    return f"{PEM_DASH}{edge} {label}{PEM_DASH}"


PRIVATE_KEY = "PRIVATE" + " KEY"


def _key_body(r: random.Random, kind: str) -> str:
    if kind == "openssh":
        raw = b"openssh-key-v1\x00" + b"\x00\x00\x00\x04none" * 2 + _rand_bytes(r, 380)
        encoded = _b64(raw)
        return "\n".join(encoded[i : i + 70] for i in range(0, len(encoded), 70))  # OpenSSH wraps at 70
    if kind == "ec":
        raw = (
            b"\x30\x77\x02\x01\x01\x04\x20"
            + _rand_bytes(r, 32)
            + b"\xa0\x0a\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07"
            + _rand_bytes(r, 70)
        )
    elif kind == "rsa":
        raw = b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" + _rand_bytes(r, 1180)
    else:
        raw = (
            b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04\x82\x04\xa8\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00"
            + _rand_bytes(r, 1190)
        )
    return "\n".join(_wrap64(_b64(raw)))


KEY_LABELS = {
    "openssh": "OPENSSH " + PRIVATE_KEY,
    "ec": "EC " + PRIVATE_KEY,
    "rsa": "RSA " + PRIVATE_KEY,
    "pkcs8": PRIVATE_KEY,
}


# ---------------------------------------------------------------------------------------------------------
# Vendor token formats (published layouts); prefixes assembled from pieces


@dataclass(frozen=True)
class Vendor:
    fmt: str
    cls: str
    prefix: str  # empty when the vendor publishes none
    make: Callable[[random.Random], str]
    env: tuple[str, ...]


def _gh(kind: str) -> Callable[[random.Random], str]:
    def make(r: random.Random) -> str:
        body = _pick(r, B62, 30)
        return "gh" + kind + "_" + body + crc32_base62(body)

    return make


def _npm(r: random.Random) -> str:
    body = _pick(r, B62, 30)
    return "np" + "m_" + body + crc32_base62(body)


def _sentry_org(r: random.Random) -> str:
    claims = {
        "iat": 1_780_000_000 + r.randint(0, 10**7),
        "url": "https://sentry.io",
        "region_url": "https://us.sentry.io",
        "org": r.choice(WORDS),
    }
    return (
        "sntry"
        + "s_"
        + _b64(json.dumps(claims, separators=(",", ":")).encode()).rstrip("=")
        + "_"
        + _pick(r, B64URL, 43)
    )


def _grafana_cloud(r: random.Random) -> str:
    claims = {
        "o": str(r.randint(100000, 999999)),
        "n": f"stack-{r.randint(100000, 999999)}-hm-read",
        "k": _pick(r, ALNUM, 24),
        "m": {"r": "prod-eu-west-2"},
    }
    return "gl" + "c_" + _b64(json.dumps(claims, separators=(",", ":")).encode())


def _discord_bot(r: random.Random) -> str:
    user_id = str(r.randint(10**17, 10**18 - 1)).encode()
    return _b64u(user_id) + "." + _pick(r, B64URL, 6) + "." + _pick(r, B64URL, 38)


VENDORS: tuple[Vendor, ...] = (
    Vendor("github_classic", "github_token", "gh" + "p_", _gh("p"), ("GITHUB_TOKEN", "GH_TOKEN")),
    Vendor("github_oauth", "github_token", "gh" + "o_", _gh("o"), ("GH_OAUTH_TOKEN", "GITHUB_TOKEN")),
    Vendor("github_app", "github_token", "gh" + "s_", _gh("s"), ("GITHUB_APP_TOKEN", "GH_TOKEN")),
    Vendor("github_user_to_server", "github_token", "gh" + "u_", _gh("u"), ("GITHUB_USER_TOKEN",)),
    Vendor("github_refresh", "github_token", "gh" + "r_", _gh("r"), ("GITHUB_REFRESH_TOKEN",)),
    Vendor(
        "github_fine_grained",
        "github_token",
        "github" + "_pat_",
        lambda r: "github" + "_pat_" + _pick(r, B62, 22) + "_" + _pick(r, B62, 59),
        ("GITHUB_PAT", "GH_TOKEN"),
    ),
    Vendor(
        "gitlab_pat",
        "gitlab_token",
        "gl" + "pat-",
        lambda r: "gl" + "pat-" + _pick(r, B62 + "-_", 20),
        ("GITLAB_TOKEN", "CI_JOB_TOKEN_OVERRIDE"),
    ),
    Vendor(
        "gitlab_deploy",
        "gitlab_token",
        "gl" + "dt-",
        lambda r: "gl" + "dt-" + _pick(r, B62 + "-_", 20),
        ("GITLAB_DEPLOY_TOKEN",),
    ),
    Vendor(
        "gitlab_trigger",
        "gitlab_token",
        "gl" + "ptt-",
        lambda r: "gl" + "ptt-" + _pick(r, HEXL, 40),
        ("GITLAB_TRIGGER_TOKEN",),
    ),
    Vendor(
        "gitlab_runner",
        "gitlab_token",
        "gl" + "rt-",
        lambda r: "gl" + "rt-" + _pick(r, B62 + "-_", 20),
        ("CI_RUNNER_TOKEN",),
    ),
    Vendor(
        "slack_bot",
        "slack_token",
        "xo" + "xb-",
        lambda r: f"xo{'xb'}-{r.randint(10**10, 10**12)}-{r.randint(10**11, 10**13)}-{_pick(r, ALNUM, 24)}",
        ("SLACK_BOT_TOKEN",),
    ),
    Vendor(
        "slack_user",
        "slack_token",
        "xo" + "xp-",
        lambda r: (
            f"xo{'xp'}-{r.randint(10**10, 10**12)}-{r.randint(10**10, 10**12)}-{r.randint(10**11, 10**13)}-{_pick(r, HEXL, 32)}"
        ),
        ("SLACK_USER_TOKEN",),
    ),
    Vendor(
        "slack_app",
        "slack_token",
        "xa" + "pp-",
        lambda r: (
            f"xa{'pp'}-1-A{_pick(r, string.ascii_uppercase + string.digits, 10)}-{r.randint(10**12, 10**13)}-{_pick(r, HEXL, 64)}"
        ),
        ("SLACK_APP_TOKEN",),
    ),
    Vendor(
        "stripe_live_secret",
        "stripe_key",
        "sk" + "_live_",
        lambda r: "sk" + "_live_" + r.choice(["", "51"]) + _pick(r, ALNUM, r.choice([24, 97])),
        ("STRIPE_SECRET_KEY", "STRIPE_API_KEY"),
    ),
    Vendor(
        "stripe_test_secret",
        "stripe_key",
        "sk" + "_test_",
        lambda r: "sk" + "_test_" + "51" + _pick(r, ALNUM, 97),
        ("STRIPE_SECRET_KEY",),
    ),
    Vendor(
        "stripe_restricted",
        "stripe_key",
        "rk" + "_live_",
        lambda r: "rk" + "_live_" + "51" + _pick(r, ALNUM, 97),
        ("STRIPE_RESTRICTED_KEY",),
    ),
    Vendor(
        "openai_project",
        "ai_api_key",
        "sk-" + "proj-",
        lambda r: "sk-" + "proj-" + _pick(r, B64URL, 156),
        ("OPENAI_API_KEY",),
    ),
    Vendor(
        "openai_legacy",
        "ai_api_key",
        "sk-",
        lambda r: "sk-" + _pick(r, ALNUM, 20) + "T3Blbk" + "FJ" + _pick(r, ALNUM, 20),
        ("OPENAI_API_KEY", "OPENAI_KEY"),
    ),
    Vendor(
        "anthropic",
        "ai_api_key",
        "sk-" + "ant-" + "api03-",
        lambda r: "sk-" + "ant-" + "api03-" + _pick(r, B64URL, 93) + "AA",
        ("ANTHROPIC_API_KEY",),
    ),
    Vendor(
        "huggingface",
        "ai_api_key",
        "h" + "f_",
        lambda r: "h" + "f_" + _pick(r, string.ascii_letters, 34),
        ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"),
    ),
    Vendor(
        "aws_key_id",
        "aws_access_key_id",
        "AK" + "IA",
        lambda r: "AK" + "IA" + _pick(r, string.ascii_uppercase + "234567", 16),
        ("AWS_ACCESS_KEY_ID",),
    ),
    Vendor(
        "aws_temp_key_id",
        "aws_access_key_id",
        "AS" + "IA",
        lambda r: "AS" + "IA" + _pick(r, string.ascii_uppercase + "234567", 16),
        ("AWS_ACCESS_KEY_ID",),
    ),
    Vendor(
        "google_api_key",
        "google_credential",
        "AI" + "za",
        lambda r: "AI" + "za" + _pick(r, B64URL, 35),
        ("GOOGLE_API_KEY", "MAPS_API_KEY", "FIREBASE_API_KEY"),
    ),
    Vendor(
        "google_oauth_access",
        "google_credential",
        "ya" + "29.",
        lambda r: "ya" + "29." + _pick(r, B64URL, r.randint(150, 200)),
        ("GOOGLE_ACCESS_TOKEN",),
    ),
    Vendor(
        "google_oauth_refresh",
        "google_credential",
        "1/" + "/0",
        lambda r: "1/" + "/0" + _pick(r, B64URL, r.randint(98, 104)),
        ("GOOGLE_REFRESH_TOKEN",),
    ),
    Vendor(
        "google_client_secret",
        "google_credential",
        "GOC" + "SPX-",
        lambda r: "GOC" + "SPX-" + _pick(r, B64URL, 28),
        ("GOOGLE_CLIENT_SECRET",),
    ),
    Vendor("npm", "package_registry_token", "np" + "m_", _npm, ("NPM_TOKEN", "NODE_AUTH_TOKEN")),
    Vendor(
        "pypi",
        "package_registry_token",
        "py" + "pi-",
        lambda r: "py" + "pi-" + "AgEIcHlwaS5vcmc" + _pick(r, B64URL, r.randint(150, 180)),
        ("PYPI_TOKEN", "TWINE_PASSWORD"),
    ),
    Vendor(
        "sendgrid",
        "saas_api_token",
        "S" + "G.",
        lambda r: "S" + "G." + _pick(r, B64URL, 22) + "." + _pick(r, B64URL, 43),
        ("SENDGRID_API_KEY",),
    ),
    Vendor(
        "twilio_api_key",
        "saas_api_token",
        "S" + "K",
        lambda r: "S" + "K" + _pick(r, HEXL, 32),
        ("TWILIO_API_KEY",),
    ),
    Vendor(
        "shopify_admin",
        "saas_api_token",
        "shp" + "at_",
        lambda r: "shp" + "at_" + _pick(r, HEXL, 32),
        ("SHOPIFY_ACCESS_TOKEN",),
    ),
    Vendor(
        "shopify_shared",
        "saas_api_token",
        "shp" + "ss_",
        lambda r: "shp" + "ss_" + _pick(r, HEXL, 32),
        ("SHOPIFY_API_SECRET",),
    ),
    Vendor(
        "digitalocean_pat",
        "saas_api_token",
        "do" + "p_v1_",
        lambda r: "do" + "p_v1_" + _pick(r, HEXL, 64),
        ("DIGITALOCEAN_TOKEN", "DO_API_TOKEN"),
    ),
    Vendor(
        "digitalocean_oauth",
        "saas_api_token",
        "do" + "o_v1_",
        lambda r: "do" + "o_v1_" + _pick(r, HEXL, 64),
        ("DIGITALOCEAN_ACCESS_TOKEN",),
    ),
    Vendor(
        "linear",
        "saas_api_token",
        "lin" + "_api_",
        lambda r: "lin" + "_api_" + _pick(r, ALNUM, 40),
        ("LINEAR_API_KEY",),
    ),
    Vendor(
        "sentry_user",
        "saas_api_token",
        "sntry" + "u_",
        lambda r: "sntry" + "u_" + _pick(r, HEXL, 64),
        ("SENTRY_AUTH_TOKEN",),
    ),
    Vendor("sentry_org", "saas_api_token", "sntry" + "s_", _sentry_org, ("SENTRY_AUTH_TOKEN",)),
    Vendor(
        "doppler_service",
        "saas_api_token",
        "dp" + ".st.",
        lambda r: "dp" + ".st." + r.choice(["prd", "dev", "stg"]) + "." + _pick(r, ALNUM, 40),
        ("DOPPLER_TOKEN",),
    ),
    Vendor(
        "doppler_personal",
        "saas_api_token",
        "dp" + ".pt.",
        lambda r: "dp" + ".pt." + _pick(r, ALNUM, 43),
        ("DOPPLER_TOKEN",),
    ),
    Vendor(
        "databricks",
        "saas_api_token",
        "da" + "pi",
        lambda r: "da" + "pi" + _pick(r, HEXL, 32) + r.choice(["", "-2", "-3"]),
        ("DATABRICKS_TOKEN",),
    ),
    Vendor(
        "atlassian",
        "saas_api_token",
        "ATA" + "TT",
        lambda r: "ATA" + "TT3xFfGF0" + _pick(r, B64URL, 171) + "=" + _pick(r, "0123456789ABCDEF", 8),
        ("JIRA_API_TOKEN", "CONFLUENCE_TOKEN"),
    ),
    Vendor(
        "postman",
        "saas_api_token",
        "PM" + "AK-",
        lambda r: "PM" + "AK-" + _pick(r, HEXL, 24) + "-" + _pick(r, HEXL, 34),
        ("POSTMAN_API_KEY",),
    ),
    Vendor(
        "grafana_service_account",
        "saas_api_token",
        "gl" + "sa_",
        lambda r: "gl" + "sa_" + _pick(r, ALNUM, 32) + "_" + _pick(r, HEXL, 8),
        ("GRAFANA_TOKEN",),
    ),
    Vendor("grafana_cloud", "saas_api_token", "gl" + "c_", _grafana_cloud, ("GRAFANA_CLOUD_TOKEN",)),
    Vendor(
        "newrelic_user",
        "saas_api_token",
        "NR" + "AK-",
        lambda r: "NR" + "AK-" + _pick(r, string.ascii_uppercase + string.digits, 27),
        ("NEW_RELIC_API_KEY",),
    ),
    Vendor(
        "mailgun",
        "saas_api_token",
        "ke" + "y-",
        lambda r: "ke" + "y-" + _pick(r, HEXL, 32),
        ("MAILGUN_API_KEY",),
    ),
    Vendor(
        "cloudflare_api_token",
        "saas_api_token",
        "",
        lambda r: _pick(r, B64URL, 40),
        ("CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"),
    ),
    Vendor("discord_bot", "saas_api_token", "", _discord_bot, ("DISCORD_BOT_TOKEN", "DISCORD_TOKEN")),
    Vendor(
        "stripe_webhook_secret",
        "webhook_signing_secret",
        "wh" + "sec_",
        lambda r: "wh" + "sec_" + _pick(r, ALNUM, 32),
        ("STRIPE_WEBHOOK_SECRET",),
    ),
    Vendor(
        "crates_io",
        "package_registry_token",
        "ci" + "o",
        lambda r: "ci" + "o" + _pick(r, ALNUM, 32),
        ("CARGO_REGISTRY_TOKEN",),
    ),
)
VENDOR_BY_FMT = {v.fmt: v for v in VENDORS}


# ---------------------------------------------------------------------------------------------------------
# Secret and keep generators used by the templates


def _cookie_value(r: random.Random) -> str:
    return r.choice(
        [
            _pick(r, string.ascii_lowercase + string.digits, 32),
            "s%3A" + _pick(r, B64URL, 32) + "." + _pick(r, B64URL, 43),
            _pick(r, "0123456789ABCDEF", 32),
            _b64u(json.dumps({"uid": r.randint(1, 99999), "csrf": _pick(r, HEXL, 16)}).encode())
            + "."
            + _pick(r, B64URL, 27),
            _pick(r, string.ascii_lowercase + string.digits, 26),
        ]
    )


def _basic(r: random.Random) -> str:
    return _b64(f"{_username(r)}:{_password(r)}".encode())


def _k8s_b64(r: random.Random) -> str:
    value = r.choice([_password(r), _pick(r, HEXL, 40), f"postgres://app:{_password(r, True)}@pg:5432/app"])
    return _b64(value.encode())


def _az_sas_sig(r: random.Random) -> str:
    return quote(_b64(_rand_bytes(r, 32)), safe="")


def _pem_b64(r: random.Random) -> str:
    """A whole PEM key block base64-encoded once more, as kubeconfig's client-key-data holds it."""
    label = KEY_LABELS["rsa"]
    pem = f"{pem_marker('BEGIN', label)}\n{_key_body(r, 'rsa')}\n{pem_marker('END', label)}\n"
    return _b64(pem.encode())


def _pkcs8_json_body(r: random.Random) -> str:
    return _key_body(r, "pkcs8").replace("\n", "\\n")


SECRET_GENS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "pw": ("password", _password),
    "dbpw": ("connection_string_password", lambda r: _password(r, True)),
    "urlpw": ("url_userinfo", lambda r: _password(r, True)),
    "clipw": ("cli_password", lambda r: _password(r, True)),
    "apikey": (
        "generic_api_key",
        lambda r: r.choice(
            [_pick(r, HEXL, r.choice([32, 40, 64])), _pick(r, ALNUM, r.randint(32, 48)), _pick(r, B64URL, 43)]
        ),
    ),
    "bearer": ("auth_header", lambda r: _pick(r, B64URL, r.randint(40, 64))),
    "basic": ("auth_header", _basic),
    "smtpplain": ("auth_header", lambda r: _b64(f"\x00{_email(r)}\x00{_password(r)}".encode())),
    "tokhdr": ("auth_header", lambda r: _pick(r, HEXL, 40)),
    "digest": ("auth_header", lambda r: _pick(r, HEXL, 32)),
    "sigv4": ("auth_header", lambda r: _pick(r, HEXL, 64)),
    "cookie": ("cookie_session", _cookie_value),
    "k8s": ("k8s_secret_data", _k8s_b64),
    "s3sig": ("signed_url_param", lambda r: _pick(r, HEXL, 64)),
    "gcssig": ("signed_url_param", lambda r: _pick(r, HEXL, 256)),
    "urltoken": ("signed_url_param", lambda r: _pick(r, B64URL, r.randint(32, 48))),
    "whsec": ("webhook_signing_secret", lambda r: "wh" + "sec_" + _b64(_rand_bytes(r, 24))),
    "jwt": ("jwt", _jwt),
    "key_rsa": ("private_key", lambda r: _key_body(r, "rsa")),
    "key_pkcs8": ("private_key", lambda r: _key_body(r, "pkcs8")),
    "key_ec": ("private_key", lambda r: _key_body(r, "ec")),
    "key_openssh": ("private_key", lambda r: _key_body(r, "openssh")),
    "key_json": ("private_key", _pkcs8_json_body),
    "keyb64": ("private_key", _pem_b64),
    "azkey": ("azure_storage", lambda r: _b64(_rand_bytes(r, 64))),
    "azsig": ("azure_storage", _az_sas_sig),
    "sakid": ("service_account_key_id", lambda r: _pick(r, HEXL, 40)),
    "email": ("email", _email),
    "email_enc": ("email", lambda r: _email(r).replace("@", "%40")),
    "phone": ("phone", lambda r: _phone(r)),
    "e164": ("phone", lambda r: _phone(r, r.choice([0, 3, 5]))),
    "card": ("credit_card", lambda r: _card(r)),
    "card_plain": ("credit_card", lambda r: _card(r, "")),
    "ssn": ("ssn", lambda r: _ssn(r)),
    "ssn_plain": ("ssn", lambda r: _ssn(r, False)),
    "iban": ("iban", _iban),
    "iban_print": ("iban", lambda r: " ".join(re.findall(".{1,4}", _iban(r)))),
    "ippriv": ("ip_private", _private_ip),
    "ippub": ("ip_public", _public_ip),
    "user": ("home_user", _username),
    "person": ("person_name", _person),
    "aws_secret": ("aws_secret_key", lambda r: _pick(r, B64, 40)),
    "aws_session": ("aws_secret_key", lambda r: "IQoJb3JpZ2luX2Vj" + _pick(r, B64, r.randint(300, 380))),
    "slackhook": (
        "chat_webhook",
        lambda r: (
            f"T{_pick(r, string.ascii_uppercase + string.digits, 10)}/B{_pick(r, string.ascii_uppercase + string.digits, 10)}/{_pick(r, ALNUM, 24)}"
        ),
    ),
    "discordhook": ("chat_webhook", lambda r: f"{r.randint(10**17, 10**18)}/{_pick(r, B64URL, 68)}"),
}


def _uuid(r: random.Random) -> str:
    h = _pick(r, HEXL, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def _sshpub(r: random.Random) -> str:
    raw = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + _rand_bytes(r, 32)
    return "ssh-ed25519 " + _b64(raw)


def _png_data_uri(r: random.Random) -> str:
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _rand_bytes(r, 120)
    return "data:image/png;base64," + _b64(raw)


def _cert_body(r: random.Random) -> str:
    raw = b"\x30\x82\x03\x1a\x30\x82\x02\x02\xa0\x03\x02\x01\x02\x02\x14" + _rand_bytes(r, 560)
    return "\n".join(_wrap64(_b64(raw)))


def _ts(r: random.Random) -> str:
    return f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"


KEEP_GENS: dict[str, Callable[[random.Random], str]] = {
    "uuid": _uuid,
    "sha": lambda r: _pick(r, HEXL, 40),
    "short": lambda r: _pick(r, HEXL, 7),
    "sha256": lambda r: "sha256:" + _pick(r, HEXL, 64),
    "hex64": lambda r: _pick(r, HEXL, 64),
    "ver": lambda r: f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
    "ts": _ts,
    "logts": lambda r: (
        f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{r.randint(0, 999):03d}"
    ),
    "docip": lambda r: f"{r.choice(['192.0.2', '198.51.100', '203.0.113'])}.{r.randint(1, 254)}",
    "port": lambda r: str(r.choice([5432, 3306, 6379, 27017, 8080, 8443, 9200, 5672])),
    "host": lambda r: (
        f"{r.choice(['orders', 'billing', 'auth', 'ledger', 'search'])}-{r.choice(['db', 'cache', 'api'])}.{r.choice(['internal', 'svc.cluster.local', 'prod.lan'])}"
    ),
    "rds": lambda r: (
        f"{r.choice(WORDS)}-prod.{_pick(r, string.ascii_lowercase + string.digits, 12)}.eu-west-1.rds.amazonaws.com"
    ),
    "db": lambda r: r.choice(["orders", "billing", "app_production", "analytics", "inventory"]),
    "acct": lambda r: str(r.randint(10**11, 10**12 - 1)),
    "sri": lambda r: "sha512-" + _b64(_rand_bytes(r, 64)),
    "sri384": lambda r: "sha384-" + _b64(_rand_bytes(r, 48)),
    "datauri": _png_data_uri,
    "sshpub": _sshpub,
    "cert": _cert_body,
    "certb64": lambda r: _b64(
        f"{pem_marker('BEGIN', 'CERTIFICATE')}\n{_cert_body(r)}\n{pem_marker('END', 'CERTIFICATE')}\n".encode()
    ),
    "mask": lambda r: "*" * r.choice([4, 8, 12]) + _pick(r, ALNUM, 4),
    "reqid": lambda r: _pick(r, HEXL, 16),
    "int": lambda r: str(r.randint(2, 9999)),
    "word": lambda r: r.choice(WORDS),
    "svcuser": lambda r: r.choice(
        ["deploy", "ci-bot", "svc-build", "jenkins", "release-bot", "readonly", "etl", "app"]
    ),
    "modulus": lambda r: _b64u(b"\xc1" + _rand_bytes(r, 255)),
    "colonhex": lambda r: ":".join(_pick(r, "0123456789ABCDEF", 2) for _ in range(32)),
    "fingerprint": lambda r: "SHA256:" + _b64(_rand_bytes(r, 32)).rstrip("="),
}


# ---------------------------------------------------------------------------------------------------------
# Rendering: a template is text with markup «tag:arg» producing labelled segments
#   «s:GEN» secret (GEN in SECRET_GENS, or vtok / v.FMT for a vendor token); «k:text» keep literal;
#   «kc:a¦b» keep choice; «K:GEN» keep generated (KEEP_GENS, vkey, vkeylc); «c:a¦b» plain choice;
#   «v:GEN» plain generated from SECRET_GENS/KEEP_GENS without a label. «...@b» binds the value for reuse.

MARKUP = re.compile(r"«(\w+):([^»]*)»")


@dataclass
class _Segment:
    text: str
    label: Span | None  # start/end unused here; cls, fmt and vendor say what the segment is


@dataclass
class _Renderer:
    rng: random.Random
    vendor_queue: list[Vendor] = field(default_factory=list)
    bound: dict[str, str] = field(default_factory=dict)
    bound_vendor: dict[str, Vendor] = field(default_factory=dict)

    def _next_vendor(self) -> Vendor:
        if not self.vendor_queue:
            self.vendor_queue = list(VENDORS)
            self.rng.shuffle(self.vendor_queue)
        return self.vendor_queue.pop()

    def _vendor_for(self, binding: str) -> Vendor:
        if binding and binding in self.bound_vendor:
            return self.bound_vendor[binding]
        vendor = self._next_vendor()
        if binding:
            self.bound_vendor[binding] = vendor
        return vendor

    def render(self, template: str) -> list[_Segment]:
        self.bound = {}
        self.bound_vendor = {}
        segments: list[_Segment] = []
        pos = 0
        for m in MARKUP.finditer(template):
            if m.start() > pos:
                segments.append(_Segment(template[pos : m.start()], None))
            segments.append(self._tag(m.group(1), m.group(2)))
            pos = m.end()
        if pos < len(template):
            segments.append(_Segment(template[pos:], None))
        return segments

    def _tag(self, tag: str, arg: str) -> _Segment:
        r = self.rng
        if tag == "k":
            return _Segment(arg, Span(0, 0, "keep"))
        if tag == "kc":
            return _Segment(r.choice(arg.split("¦")), Span(0, 0, "keep"))
        if tag == "c":
            return _Segment(r.choice(arg.split("¦")), None)
        name, _, binding = arg.partition("@")
        key = f"{tag}:{name}@{binding}"
        if tag == "s":
            if name == "vtok" or name.startswith("v."):
                vendor = VENDOR_BY_FMT[name[2:]] if name.startswith("v.") else self._vendor_for(binding)
                value = self._value(key, binding, lambda: vendor.make(r))
                return _Segment(value, Span(0, 0, vendor.cls, vendor.fmt, bool(vendor.prefix)))
            cls, make = SECRET_GENS[name]
            person = self.bound.get(f"person@{binding}")
            if name == "email" and person is not None:
                make = lambda r: _email_of(r, person)  # noqa: E731
            return _Segment(self._value(key, binding, lambda: make(r)), Span(0, 0, cls, name))
        if tag in ("K", "v"):
            label = Span(0, 0, "keep") if tag == "K" else None
            if name in ("vkey", "vkeylc"):
                vendor = self._vendor_for(binding)
                env = self._value(key, binding, lambda: r.choice(vendor.env))
                return _Segment(env.lower() if name == "vkeylc" else env, label)
            if name in KEEP_GENS:
                return _Segment(self._value(key, binding, lambda: KEEP_GENS[name](r)), label)
            return _Segment(self._value(key, binding, lambda: SECRET_GENS[name][1](r)), label)
        raise ValueError(f"unknown markup tag {tag!r}")

    def _value(self, key: str, binding: str, make: Callable[[], str]) -> str:
        if not binding:
            return make()
        bound_key = key.split(":", 1)[1]
        if bound_key not in self.bound:
            self.bound[bound_key] = make()
        return self.bound[bound_key]


# ---------------------------------------------------------------------------------------------------------
# Templates: what a terminal shows. (kind, "file" or "term", template)

PROMPT_USER = "«s:user@u»@«kc:devbox¦build-03¦ws-114¦thinkpad»:~/src/«kc:billing-api¦web¦infra¦ml-pipeline»$ "
PROMPT = "«c:$ ¦(.venv) $ ¦~/src/app $ ¦➜  api git:(main) ¦bash-5.2$ ¦PS C:\\src\\api> »"
BEGIN = "«k:" + pem_marker("BEGIN", "§") + "»"
END = "«k:" + pem_marker("END", "§") + "»"


def _key_block(label_key: str, gen: str) -> str:
    label = KEY_LABELS[label_key]
    return BEGIN.replace("§", label) + "\n«s:" + gen + "»\n" + END.replace("§", label)


TEMPLATES: list[tuple[str, str, str]] = [
    (
        "env_grep",
        "term",
        PROMPT
        + """«k:env | grep -iE 'token|key|secret|pass'»
«K:vkey@a»=«s:vtok@a»
«K:vkey@b»=«s:vtok@b»
«kc:DB_PASSWORD¦POSTGRES_PASSWORD¦REDIS_PASSWORD»=«s:pw»
«k:SSH_AUTH_SOCK=/tmp/ssh-»«K:reqid»«k:/agent.»«K:int»
«k:GPG_KEY_ID=»«K:short»
""",
    ),
    (
        "printenv",
        "term",
        """$ «k:printenv | sort | head -40»
«k:HOME=/home/»«s:user@u»
«k:HOSTNAME=»«K:reqid»
«K:vkey@a»=«s:vtok@a»
«k:LANG=C.UTF-8»
«k:PATH=/home/»«s:user@u»«k:/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/bin:/bin»
«k:PWD=/home/»«s:user@u»«k:/src/app»
«kc:SECRET_KEY¦APP_SECRET¦SESSION_SECRET»=«s:apikey»
«k:SHELL=/bin/bash»
«k:TERM=xterm-256color»
""",
    ),
    (
        "shell_history",
        "term",
        """$ «k:history | tail -6»
  «K:int»  «k:export »«K:vkey@a»=«s:vtok@a»
  «K:int»  «k:mysql -h »«K:host»«k: -u root »-p«s:clipw»«k: orders»
  «K:int»  «k:PGPASSWORD=»«s:clipw»«k: psql -h »«K:host»«k: -U app -d »«K:db»
  «K:int»  «k:curl -s -u admin:»«s:urlpw»«k: https://registry.internal/v2/_catalog»
  «K:int»  «k:git push origin main»
  «K:int»  «k:history | tail -6»
""",
    ),
    (
        "dotenv",
        "file",
        """«k:# local development settings, do not commit»
«k:APP_ENV=development»
«k:DATABASE_URL=postgresql://»«v:svcuser@a»:«s:dbpw»@«K:host»«k::5432/»«K:db»
«K:vkey@a»=«s:vtok@a»
«K:vkey@b»=«s:vtok@b»
«k:SMTP_HOST=smtp.»«c:mailgun.org¦sendgrid.net»
«k:SMTP_PASSWORD=»«s:pw»
«k:LOG_LEVEL=debug»
«k:FEATURE_FLAGS=checkout_v2,search_beta»
""",
    ),
    (
        "envrc",
        "file",
        """«k:# direnv: loaded when entering the directory»
«k:export AWS_PROFILE=staging»
«k:export AWS_ACCESS_KEY_ID=»«s:v.aws_key_id»
«k:export AWS_SECRET_ACCESS_KEY=»«s:aws_secret»
«k:export AWS_DEFAULT_REGION=eu-west-1»
«k:export KUBECONFIG=$PWD/.kube/config»
«k:layout python3»
""",
    ),
    (
        "docker_inspect",
        "term",
        """$ «k:docker inspect --format '{{json .Config.Env}}' api-1 | jq .»
[
  «k:"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",»
  "«K:vkey@a»=«s:vtok@a»",
  "«k:DATABASE_URL=mysql://»app:«s:dbpw»@«K:host»:«k:3306»/«K:db»",
  "«kc:JWT_SECRET¦SIGNING_KEY¦ENCRYPTION_KEY»=«s:apikey»",
  «k:"PYTHON_VERSION=»«K:ver»",
  «k:"GPG_KEY=»«K:sha»"
]
""",
    ),
    (
        "docker_inspect_network",
        "term",
        """$ «k:docker inspect api-1 | jq '.[0].NetworkSettings.Networks'»
{
  «k:"backend": {»
    «k:"Gateway": "»«s:ippriv»",
    «k:"IPAddress": "»«s:ippriv»",
    «k:"IPPrefixLen": 16,»
    «k:"MacAddress": "02:42:ac:12:00:05",»
    «k:"NetworkID": "»«K:hex64»"
  }
}
""",
    ),
    (
        "compose_config",
        "term",
        """$ «k:docker compose config»
«k:name: shop»
«k:services:»
«k:  db:»
«k:    environment:»
      «k:POSTGRES_DB:» «K:db»
      «k:POSTGRES_PASSWORD:» «s:pw»
      «k:POSTGRES_USER:» app
«k:    image: postgres:»«K:ver»
«k:  worker:»
«k:    environment:»
      «K:vkey@a»: «s:vtok@a»
      «k:REDIS_URL: redis://:»«s:dbpw»«k:@redis:6379/0»
«k:    image: ghcr.io/shop/worker@»«K:sha256»
""",
    ),
    (
        "docker_run",
        "term",
        PROMPT
        + """«k:docker run --rm -e MYSQL_ROOT_PASSWORD=»«s:clipw»«k: -e MYSQL_DATABASE=»«K:db»«k: -p 3306:3306 mysql:8.4»
«k:Unable to find image 'mysql:8.4' locally»
«k:8.4: Pulling from library/mysql»
«k:Digest: »«K:sha256»
«k:Status: Downloaded newer image for mysql:8.4»
""",
    ),
    (
        "kubectl_secret_yaml",
        "term",
        """$ «k:kubectl get secret app-secrets -n prod -o yaml»
«k:apiVersion: v1»
«k:data:»
  «k:DATABASE_PASSWORD:» «s:k8s»
  «k:API_TOKEN:» «s:k8s»
  «k:STRIPE_KEY:» «s:k8s»
«k:kind: Secret»
«k:metadata:»
  «k:creationTimestamp: "»«K:ts»"
  «k:name: app-secrets»
  «k:namespace: prod»
  «k:resourceVersion: "»«K:int»"
  «k:uid:» «K:uuid»
«k:type: Opaque»
""",
    ),
    (
        "kubectl_describe_pod",
        "term",
        """$ «k:kubectl describe pod api-7d9f8b6c5-x2kqp -n prod»
«k:Name:             api-7d9f8b6c5-x2kqp»
«k:Namespace:        prod»
«k:Node:             ip-»«v:int»«k:.eu-west-1.compute.internal/»«s:ippriv»
«k:Status:           Running»
«k:IP:               »«s:ippriv»
«k:Containers:»
«k:  api:»
«k:    Image:          registry.internal/api:»«K:ver»
«k:    Environment:»
      «k:DB_HOST:       »«K:host»
      «k:DB_PASSWORD:   »«s:pw»
      «k:SENTRY_DSN:    »https://«v:reqid»@o«v:int».ingest.sentry.io/«v:int»
      «k:API_KEY:       <set to the key 'api-key' in secret 'api'>  Optional: false»
""",
    ),
    (
        "kubectl_get_pods",
        "term",
        """$ «k:kubectl get pods -o wide»
«k:NAME                     READY   STATUS    RESTARTS   AGE   IP»             «k:NODE»
«k:api-7d9f8b6c5-x2kqp      1/1     Running   0          3d»    «s:ippriv»      «k:node-a»
«k:worker-5c6d7f8-9hjkl     1/1     Running   2          3d»    «s:ippriv»      «k:node-b»
$ «k:kubectl get svc ingress -o jsonpath='{.status.loadBalancer.ingress[0].ip}'»
«s:ippub»
""",
    ),
    (
        "helm_values",
        "file",
        """«k:# values-prod.yaml»
«k:replicaCount: 3»
«k:image:»
«k:  repository: ghcr.io/acme/api»
«k:  tag: »"«K:ver»"
«k:postgresql:»
«k:  auth:»
«k:    username: app»
«k:    password: »«s:pw»
«k:    database: »«K:db»
«k:externalSecrets:»
«k:  »«K:vkeylc@a»«k:: »«s:vtok@a»
«k:ingress:»
«k:  hosts: [api.example.com]»
""",
    ),
    (
        "terraform_plan",
        "term",
        """$ «k:terraform plan»
«k:  # aws_db_instance.main will be created»
«k:  + resource "aws_db_instance" "main" {»
«k:      + allocated_storage = 20»
«k:      + engine            = "postgres"»
«k:      + password          = »"«s:pw»"
«k:      + username          = "app"»
    }
«k:  # aws_iam_access_key.ci will be created»
«k:  + resource "aws_iam_access_key" "ci" {»
«k:      + id     = »"«s:v.aws_key_id»"
«k:      + secret = (sensitive value)»
    }
«k:Plan: 2 to add, 0 to change, 0 to destroy.»
""",
    ),
    (
        "terraform_output",
        "term",
        """$ «k:terraform output -json»
{
  «k:"db_endpoint": {»
    «k:"sensitive": false,»
    «k:"value": "»«K:rds»«k::5432"»
  },
  «k:"db_password": {»
    «k:"sensitive": true,»
    «k:"value": "»«s:pw»"
  },
  «k:"bastion_ip": {»
    «k:"value": "»«s:ippub»"
  }
}
""",
    ),
    (
        "terraform_state",
        "term",
        """$ «k:terraform state show aws_iam_access_key.deploy»
«k:# aws_iam_access_key.deploy:»
«k:resource "aws_iam_access_key" "deploy" {»
    «k:create_date = "»«K:ts»"
    «k:id          = "»«s:v.aws_key_id»"
    «k:secret      = "»«s:aws_secret»"
    «k:status      = "Active"»
    «k:user        = "deploy"»
}
""",
    ),
    (
        "tfvars",
        "file",
        """«k:region          = "eu-west-1"»
«k:db_password     = "»«s:pw»"
«k:cloudflare_token = "»«s:v.cloudflare_api_token»"
«k:allowed_cidrs   = ["»«s:ippub»«k:/32"]»
«k:tags = { owner = "platform" }»
""",
    ),
    (
        "github_actions_log",
        "term",
        """«k:Run actions/checkout@v4»
«k:Syncing repository: acme/api»
«k:Run npm ci»
«k:npm notice Using token from NODE_AUTH_TOKEN»
«k:Run ./scripts/deploy.sh»
«k:+ curl -fsS -H 'Authorization: Bearer »«s:bearer»«k:' https://deploy.internal/api/v1/releases»
«k:+ echo DEPLOY_KEY=»«s:apikey»
«k:DEPLOY_KEY=»«s:apikey»
«k:Error: Process completed with exit code 22.»
""",
    ),
    (
        "gitlab_ci_log",
        "term",
        """«k:Running with gitlab-runner »«K:ver» («K:short»)
«k:Getting source from Git repository»
«k:Fetching changes with git depth set to 20...»
«k:Created fresh repository.»
«k:$ echo "registry login"»
«k:$ docker login -u gitlab-ci-token -p »«s:v.gitlab_deploy»«k: registry.gitlab.com»
«k:WARNING! Using --password via the CLI is insecure. Use --password-stdin.»
«k:Login Succeeded»
«k:$ export DATABASE_URL=postgres://ci:»«s:dbpw»«k:@postgres:5432/test»
«k:Job succeeded»
""",
    ),
    (
        "gitlab_ci_yaml",
        "file",
        """«k:variables:»
«k:  POSTGRES_DB: test»
«k:  POSTGRES_PASSWORD: »«s:pw»
«k:  »«K:vkey@a»«k:: »«s:vtok@a»
«k:test:»
«k:  image: python:»«K:ver»
«k:  script:»
«k:    - pip install -r requirements.txt»
«k:    - pytest -q»
""",
    ),
    (
        "curl_verbose",
        "term",
        """$ «k:curl -v https://api.example.com/v1/orders -H "Authorization: Bearer »«s:jwt@j»"
«k:*   Trying »«K:docip»«k::443...»
«k:* Connected to api.example.com (»«K:docip»«k:) port 443»
«k:* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384»
«k:> GET /v1/orders HTTP/2»
«k:> Host: api.example.com»
«k:> User-Agent: curl/»«K:ver»
«k:> Authorization: Bearer »«s:jwt@j»
«k:> Accept: */*»
«k:< HTTP/2 200»
«k:< content-type: application/json»
«k:< set-cookie: »«kc:session¦sid¦_app_session»=«s:cookie»«k:; Path=/; HttpOnly; Secure; SameSite=Lax»
«k:< x-request-id: »«K:uuid»
""",
    ),
    (
        "curl_basic",
        "term",
        PROMPT
        + """«k:curl -sv -u »deploy:«s:urlpw»«k: https://nexus.internal/service/rest/v1/status 2>&1 | grep -i '^>'»
«k:> GET /service/rest/v1/status HTTP/1.1»
«k:> Host: nexus.internal»
«k:> Authorization: Basic »«s:basic»
«k:> User-Agent: curl/»«K:ver»
""",
    ),
    (
        "raw_http_request",
        "term",
        """«k:POST /api/login HTTP/1.1»
«k:Host: app.internal:8080»
«k:Content-Type: application/json»
«k:Cookie: »«kc:csrftoken¦theme»«k:=»«K:reqid»«k:; »«kc:sessionid¦PHPSESSID¦JSESSIONID»=«s:cookie»
«k:Content-Length: 71»

{"«k:email»": "«s:email»", "«k:password»": "«s:pw»", "«k:remember»": true}
""",
    ),
    (
        "raw_http_response",
        "term",
        """«k:HTTP/1.1 302 Found»
«k:Date: Tue, 03 Nov 2026 10:14:07 GMT»
«k:Location: /dashboard»
«k:Set-Cookie: »«kc:session¦connect.sid¦laravel_session»=«s:cookie»«k:; Path=/; Expires=Wed, 04 Nov 2026 10:14:07 GMT; HttpOnly; Secure; SameSite=Lax»
«k:Set-Cookie: remember_token=»«s:cookie»«k:; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict»
«k:Set-Cookie: theme=dark; Path=/»
«k:Content-Length: 0»
""",
    ),
    (
        "http_token_scheme",
        "term",
        """«k:GET /api/v2/projects/»«K:int»«k:/builds HTTP/1.1»
«k:Host: ci.internal»
«k:Authorization: Token »«s:tokhdr»
«k:X-Api-Key: »«s:apikey»
«k:Accept: application/json»
«k:X-Request-Id: »«K:uuid»
""",
    ),
    (
        "http_digest",
        "term",
        """«k:> GET /cgi-bin/status HTTP/1.1»
«k:> Authorization: Digest username="»admin«k:", realm="camera", nonce="»«K:reqid»«k:", uri="/cgi-bin/status", qop=auth, nc=00000001, cnonce="»«K:short»«k:", response="»«s:digest»«k:", opaque="»«K:reqid»"
«k:< HTTP/1.1 200 OK»
«k:< Server: lighttpd»
""",
    ),
    (
        "aws_sigv4_request",
        "term",
        """«k:2026-11-03 10:22:31,118 botocore.endpoint [DEBUG] Sending http request: <AWSPreparedRequest method=POST, url=https://sqs.eu-west-1.amazonaws.com/»
«k:headers={'X-Amz-Date': b'20261103T102231Z', 'Authorization': b'AWS4-HMAC-SHA256 Credential=»«s:v.aws_key_id»«k:/20261103/eu-west-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=»«s:sigv4»«k:', 'Content-Length': '112'}>»
""",
    ),
    (
        "har_snippet",
        "file",
        """{
  «k:"request": {»
    «k:"method": "POST",»
    «k:"url": "https://shop.example.com/api/cart?session=»«s:urltoken»«k:&lang=en",»
    «k:"headers": [»
      {«k:"name": "Authorization", "value": "Bearer »«s:bearer»"},
      {«k:"name": "Cookie", "value": "_shop_session=»«s:cookie»«k:; currency=EUR»"}
    ],
    «k:"postData": {"mimeType": "application/json", "text": "{\\"coupon\\":\\"WINTER\\"}"}»
  },
  «k:"startedDateTime": "»«K:ts»«k:",»
  «k:"time": 182.4»
}
""",
    ),
    (
        "cookie_jar",
        "file",
        """«k:# Netscape HTTP Cookie File»
«k:# https://curl.se/docs/http-cookies.html»
«k:#HttpOnly_app.internal	FALSE	/	TRUE	1798000000	»«kc:sessionid¦_session_id»	«s:cookie»
«k:app.internal	FALSE	/	FALSE	1798000000	csrftoken	»«K:reqid»
«k:.example.org	TRUE	/	TRUE	1798000000	auth_token	»«s:cookie»
""",
    ),
    (
        "npmrc",
        "file",
        """«k:registry=https://registry.npmjs.org/»
«k://registry.npmjs.org/:_authToken=»«s:v.npm»
«k:@acme:registry=https://npm.pkg.github.com»
«k://npm.pkg.github.com/:_authToken=»«s:v.github_classic»
«k:always-auth=true»
""",
    ),
    (
        "pypirc",
        "file",
        """«k:[distutils]»
«k:index-servers =»
    «k:pypi»
    «k:internal»

«k:[pypi]»
«k:username = __token__»
«k:password = »«s:v.pypi»

«k:[internal]»
«k:repository = https://pypi.internal/simple/»
«k:username = »«s:email»
«k:password = »«s:pw»
""",
    ),
    (
        "pip_conf",
        "file",
        """«k:[global]»
«k:timeout = 60»
«k:index-url = https://»«v:svcuser@a»:«s:urlpw»«k:@pypi.internal/simple/»
«k:extra-index-url = https://pypi.org/simple/»
«k:trusted-host = pypi.internal»
""",
    ),
    (
        "netrc",
        "file",
        """«k:machine api.heroku.com»
  «k:login »«s:email»
  «k:password »«s:apikey»
«k:machine github.com»
  «k:login »«v:svcuser@a»
  «k:password »«s:v.github_fine_grained»
""",
    ),
    (
        "pgpass",
        "file",
        """«k:# hostname:port:database:username:password»
«K:host»«k::5432:»«K:db»«k::app:»«s:pw»
«K:rds»«k::5432:*:postgres:»«s:pw»
«k:localhost:5432:test:test:test»
""",
    ),
    (
        "aws_credentials",
        "file",
        """«k:[default]»
«k:aws_access_key_id = »«s:v.aws_key_id»
«k:aws_secret_access_key = »«s:aws_secret»
«k:region = us-east-1»

«k:[staging]»
«k:aws_access_key_id = »«s:v.aws_temp_key_id»
«k:aws_secret_access_key = »«s:aws_secret»
«k:aws_session_token = »«s:aws_session»
""",
    ),
    (
        "aws_sts_output",
        "term",
        """$ «k:aws sts assume-role --role-arn arn:aws:iam::»«K:acct»«k::role/deploy --role-session-name ci»
{
    «k:"Credentials": {»
        «k:"AccessKeyId": "»«s:v.aws_temp_key_id»",
        «k:"SecretAccessKey": "»«s:aws_secret»",
        «k:"SessionToken": "»«s:aws_session»",
        «k:"Expiration": "»«K:ts»"
    },
    «k:"AssumedRoleUser": {»
        «k:"Arn": "arn:aws:sts::»«K:acct»«k::assumed-role/deploy/ci"»
    }
}
""",
    ),
    (
        "docker_config_json",
        "file",
        """{
	«k:"auths": {»
		«k:"ghcr.io": {»
			«k:"auth": "»«s:basic»"
		},
		«k:"registry.internal:5000": {»
			«k:"auth": "»«s:basic»"
		}
	},
	«k:"credsStore": "desktop"»
}
""",
    ),
    (
        "kubeconfig",
        "file",
        """«k:apiVersion: v1»
«k:clusters:»
«k:- cluster:»
«k:    certificate-authority-data: »«K:certb64»
«k:    server: https://»«s:ippub»«k::6443»
«k:  name: prod»
«k:users:»
«k:- name: admin»
«k:  user:»
«k:    token: »«s:jwt»
«k:- name: ci»
«k:  user:»
«k:    client-key-data: »«s:keyb64»
""",
    ),
    (
        "gcloud_token",
        "term",
        PROMPT
        + """«k:gcloud auth print-access-token»
«s:v.google_oauth_access»
"""
        + PROMPT
        + """«k:gcloud config list»
«k:[core]»
«k:account = »«s:email»
«k:project = acme-prod-»«K:int»
""",
    ),
    (
        "az_storage_keys",
        "term",
        """$ «k:az storage account keys list -g rg-data -n acmedata --output table»
«k:KeyName    Permissions    Value»
«k:---------  -------------  »------------------------------------------------------------------------------------------
«k:key1       FULL           »«s:azkey»
«k:key2       FULL           »«s:azkey»
""",
    ),
    (
        "azure_conn_string",
        "file",
        """{
  «k:"Values": {»
    «k:"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=»«s:azkey»«k:;EndpointSuffix=core.windows.net",»
    «k:"BLOB_SAS_URL": "https://acmedata.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&st=2026-11-01T00:00:00Z&spr=https&sig=»«s:azsig»",
    «k:"FUNCTIONS_WORKER_RUNTIME": "python"»
  }
}
""",
    ),
    (
        "ssh_config",
        "file",
        """«k:Host bastion»
  «k:HostName »«s:ippub»
  «k:User »«s:user@u»
  «k:IdentityFile /home/»«s:user@u»«k:/.ssh/id_ed25519»
«k:Host db-*»
  «k:ProxyJump bastion»
  «k:HostName »«s:ippriv»
  «k:User postgres»
""",
    ),
    (
        "cat_openssh_key",
        "term",
        PROMPT
        + """«k:cat ~/.ssh/id_ed25519»
"""
        + _key_block("openssh", "key_openssh")
        + "\n",
    ),
    (
        "openssl_genrsa",
        "term",
        PROMPT
        + """«k:openssl genrsa -traditional 2048 2>/dev/null | tee certs/dev.key»
"""
        + _key_block("rsa", "key_rsa")
        + "\n"
        + PROMPT
        + "«k:chmod 600 certs/dev.key»\n",
    ),
    (
        "openssl_ec",
        "term",
        PROMPT
        + """«k:openssl ecparam -name prime256v1 -genkey -noout»
"""
        + _key_block("ec", "key_ec")
        + "\n",
    ),
    ("pkcs8_key_file", "file", _key_block("pkcs8", "key_pkcs8") + "\n"),
    (
        "service_account_json",
        "file",
        """{
  «k:"type": "service_account",»
  «k:"project_id": "acme-prod-»«K:int»",
  «k:"private_key_id": "»«s:sakid»",
  «k:"private_key": "»«k:"""
        + pem_marker("BEGIN", PRIVATE_KEY)
        + """»\\n«s:key_json»\\n«k:"""
        + pem_marker("END", PRIVATE_KEY)
        + """»\\n",
  «k:"client_email": »"deployer@acme-prod.iam.gserviceaccount.com",
  «k:"client_id": "»«K:int»",
  «k:"token_uri": "https://oauth2.googleapis.com/token"»
}
""",
    ),
    (
        "python_client",
        "file",
        """«k:import boto3»
«k:import stripe»
«k:from openai import OpenAI»

«k:stripe.api_key = »"«s:v.stripe_live_secret»"
«k:client = OpenAI(api_key=»"«s:v.openai_project»")
«k:s3 = boto3.client(»
    «k:"s3",»
    «k:aws_access_key_id=»"«s:v.aws_key_id»",
    «k:aws_secret_access_key=»"«s:aws_secret»",
«k:)»
«k:DB = dict(host=»"«K:host»", «k:port=5432, user=»"app", «k:password=»"«s:pw»")
""",
    ),
    (
        "python_settings",
        "file",
        """«k:DEBUG = False»
«k:ALLOWED_HOSTS = ["api.example.com"]»
«k:SECRET_KEY = »"«s:apikey»"
«k:DATABASES = {»
    «k:"default": {»
        «k:"ENGINE": "django.db.backends.postgresql",»
        «k:"NAME": "»«K:db»",
        «k:"USER": "app",»
        «k:"PASSWORD": "»«s:pw»",
        «k:"HOST": "»«K:host»",
    }
}
«k:EMAIL_HOST_PASSWORD = »"«s:v.sendgrid»"
""",
    ),
    (
        "js_config",
        "file",
        """«k:module.exports = {»
  «k:port: 3000,»
  «k:mongo: {»
    «k:uri: 'mongodb+srv://»api:«s:dbpw»«k:@cluster0.»«K:reqid»«k:.mongodb.net/»«K:db»«k:?retryWrites=true&w=majority',»
  },
  «k:slack: { botToken: '»«s:v.slack_bot»«k:' },»
  «k:session: { secret: '»«s:apikey»«k:', cookie: { secure: true } },»
};
""",
    ),
    (
        "ts_client",
        "file",
        """«k:import Anthropic from "@anthropic-ai/sdk";»
«k:import { WebClient } from "@slack/web-api";»

«k:const anthropic = new Anthropic({ apiKey: »"«s:v.anthropic»" });
«k:const slack = new WebClient(»"«s:v.slack_user»");
«k:export const LINEAR_KEY = »"«s:v.linear»";
«k:export const webhookUrl = »"https://hooks.slack.com/services/«s:slackhook»";
""",
    ),
    (
        "go_source",
        "file",
        """«k:package config»

«k:const (»
	«k:dsn      = »"postgres://app:«s:dbpw»@«K:host»:5432/«K:db»?sslmode=require"
	«k:apiToken = »"«s:vtok»"
)

«k:func NewClient() *http.Client {»
	«k:return &http.Client{Timeout: 10 * time.Second}»
}
""",
    ),
    (
        "java_properties",
        "file",
        """«k:spring.datasource.url=jdbc:postgresql://»«K:host»«k::5432/»«K:db»
«k:spring.datasource.username=app»
«k:spring.datasource.password=»«s:pw»
«k:spring.mail.password=»«s:pw»
«k:app.github.token=»«s:v.github_classic»
«k:management.endpoints.web.exposure.include=health,info»
""",
    ),
    (
        "spring_yaml",
        "file",
        """«k:spring:»
«k:  datasource:»
«k:    url: jdbc:mysql://»«K:host»«k::3306/»«K:db»«k:?user=app&password=»«s:dbpw»
«k:  security:»
«k:    oauth2:»
«k:      client:»
«k:        registration:»
«k:          google:»
«k:            client-id: »«K:int»«k:-»«K:reqid»«k:.apps.googleusercontent.com»
«k:            client-secret: »«s:v.google_client_secret»
""",
    ),
    (
        "java_source",
        "file",
        """«k:public final class PaymentsConfig {»
    «k:private static final String API_KEY = »"«s:vtok»";
    «k:private static final String JDBC = »"jdbc:sqlserver://«K:host»:1433;databaseName=«K:db»;user=sa;password=«s:dbpw»";

    «k:public static String apiKey() {»
        «k:return API_KEY;»
    }
}
""",
    ),
    (
        "ruby_source",
        "file",
        """«k:Rails.application.configure do»
  «k:config.action_mailer.smtp_settings = {»
    «k:address: "smtp.mailgun.org",»
    «k:user_name: »"«s:email»",
    «k:password: »"«s:pw»",
  }
«k:end»
«k:Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY", »"«s:v.stripe_test_secret»")
""",
    ),
    (
        "php_config",
        "file",
        """«k:<?php»
«k:define( 'DB_NAME', '»«K:db»«k:' );»
«k:define( 'DB_USER', 'wp' );»
«k:define( 'DB_PASSWORD', '»«s:pw»«k:' );»
«k:define( 'DB_HOST', '»«s:ippriv»«k:' );»
«k:define( 'AUTH_KEY', '»«s:apikey»«k:' );»
«k:$table_prefix = 'wp_';»
""",
    ),
    (
        "rust_source",
        "file",
        """«k:fn main() -> anyhow::Result<()> {»
    «k:let client = reqwest::blocking::Client::new();»
    «k:let resp = client»
        «k:.get("https://api.digitalocean.com/v2/droplets")»
        «k:.bearer_auth(»"«s:v.digitalocean_pat»")
        «k:.send()?;»
    «k:println!("{}", resp.status());»
    «k:Ok(())»
}
""",
    ),
    (
        "csharp_appsettings",
        "file",
        """{
  «k:"Logging": { "LogLevel": { "Default": "Information" } },»
  «k:"ConnectionStrings": {»
    «k:"Default": "Server=»«K:host»«k:;Database=»«K:db»«k:;User Id=sa;Password=»«s:dbpw»«k:;TrustServerCertificate=True"»
  },
  «k:"SendGrid": { "ApiKey": "»«s:v.sendgrid»" },
  «k:"AllowedHosts": "*"»
}
""",
    ),
    (
        "csharp_source",
        "file",
        """«k:var builder = WebApplication.CreateBuilder(args);»
«k:builder.Services.AddHttpClient("twilio", c =>»
{
    «k:c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(»"Basic", "«s:basic»");
});
«k:const string NewRelicKey = »"«s:v.newrelic_user»";
«k:var app = builder.Build();»
""",
    ),
    (
        "kotlin_gradle",
        "file",
        """«k:# gradle.properties»
«k:org.gradle.jvmargs=-Xmx2g»
«k:mavenUser=»«s:email»
«k:mavenPassword=»«s:pw»
«k:sentryAuthToken=»«s:v.sentry_user»
""",
    ),
    (
        "shell_script",
        "file",
        """«k:#!/usr/bin/env bash»
«k:set -euo pipefail»
«k:API=https://api.internal/v1»
«k:TOKEN=»"«s:apikey»"
«k:curl -fsS -H "Authorization: Bearer $TOKEN" "$API/deploy"»
«k:mysqldump -u backup --password=»«s:clipw»«k: --single-transaction »«K:db»«k: > /backups/»«K:db»«k:.sql»
«k:sshpass -p »'«s:clipw»'«k: scp dump.sql backup@»«s:ippriv»«k::/srv/backups/»
""",
    ),
    (
        "python_traceback",
        "term",
        """«k:Traceback (most recent call last):»
«k:  File "/home/»«s:user@u»«k:/src/app/db.py", line 42, in connect»
    «k:conn = psycopg.connect(dsn)»
«k:  File "/home/»«s:user@u»«k:/.venv/lib/python3.11/site-packages/psycopg/connection.py", line 119, in connect»
    «k:raise last_ex.with_traceback(None)»
«k:psycopg.OperationalError: connection failed: FATAL:  password authentication failed for user "app"»
«k:Locals by frame, innermost last:»
«k:  dsn = 'postgresql://app:»«s:dbpw»«k:@»«K:host»«k::5432/»«K:db»'
«k:  password = '»«s:pw»'
«k:  retries = 3»
""",
    ),
    (
        "pytest_locals",
        "term",
        """«k:______________________________ test_charge_customer ______________________________»

«k:customer = {'name': '»«s:person»', '«k:email»': '«s:email»', '«k:card»': '«s:card»'}
«k:api_key = '»«s:v.stripe_test_secret»'

«k:    def test_charge_customer(customer, api_key):»
«k:>       assert charge(customer, api_key).status == "succeeded"»
«k:E       AssertionError: assert 'requires_action' == 'succeeded'»

«k:tests/test_billing.py:31: AssertionError»
«k:=========================== short test summary info ============================»
«k:FAILED tests/test_billing.py::test_charge_customer - AssertionError»
""",
    ),
    (
        "jest_failure",
        "term",
        """«k: FAIL  src/api/client.test.ts»
  «k:● ApiClient › sends the key»

    «k:expect(received).toEqual(expected) // deep equality»

    «k:- Expected  - 1»
    «k:+ Received  + 1»

      «k:Object {»
    «k:-   "authorization": "Bearer »«s:bearer»",
    «k:+   "authorization": "Bearer »«s:bearer»",
      «k:}»

      «k:at Object.<anonymous> (src/api/client.test.ts:18:25)»
""",
    ),
    (
        "node_stack",
        "term",
        """«k:MongoServerError: bad auth : authentication failed»
    «k:at Connection.onMessage (/Users/»«s:user@u»«k:/code/api/node_modules/mongodb/lib/cmap/connection.js:202:26)»
    «k:at MessageStream.<anonymous> (/Users/»«s:user@u»«k:/code/api/node_modules/mongodb/lib/cmap/connection.js:61:60)»
«k:  ok: 0,»
«k:  code: 8000,»
«k:  connectionString: 'mongodb://»admin:«s:dbpw»@«s:ippriv»«k::27017/?authSource=admin'»
""",
    ),
    (
        "java_stack",
        "term",
        """«k:org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app"»
	«k:at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)»
	«k:at org.postgresql.Driver.connect(Driver.java:297)»
«k:Caused by: HikariPool-1 - jdbcUrl=jdbc:postgresql://»«K:host»«k::5432/»«K:db»«k:?user=app&password=»«s:dbpw»
«k:	at com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:596)»
""",
    ),
    (
        "windows_paths",
        "term",
        """«k:PS C:\\Users\\»«s:user@u»«k:\\source\\repos\\Api> dotnet user-secrets list»
«k:Stripe:SecretKey = »«s:v.stripe_restricted»
«k:ConnectionStrings:Default = Server=(localdb)\\mssqllocaldb;Database=»«K:db»«k:;Trusted_Connection=True»
«k:PS C:\\Users\\»«s:user@u»«k:\\source\\repos\\Api> dir C:\\Users\\»«s:user@u»«k:\\AppData\\Roaming\\Microsoft\\UserSecrets»
""",
    ),
    (
        "psql_session",
        "term",
        """$ «k:PGPASSWORD=»«s:clipw»«k: psql -h »«K:host»«k: -U postgres»
«k:psql (»«K:ver»«k:)»
«k:Type "help" for help.»

«k:postgres=# CREATE USER reporting WITH PASSWORD '»«s:pw»«k:';»
«k:CREATE ROLE»
«k:postgres=# ALTER ROLE app PASSWORD '»«s:pw»«k:';»
«k:ALTER ROLE»
«k:postgres=# SELECT id, email FROM users LIMIT 2;»
«k: id |         email»
«k:----+-----------------------»
«k:  1 | »«s:email»
«k:  2 | »«s:email»
«k:(2 rows)»
""",
    ),
    (
        "mysql_session",
        "term",
        PROMPT
        + """«k:mysql -u root -p»«s:clipw»«k: -h »«s:ippriv»
«k:mysql: [Warning] Using a password on the command line interface can be insecure.»
«k:Welcome to the MySQL monitor.  Commands end with ; or \\g.»
«k:mysql> CREATE USER 'app'@'%' IDENTIFIED BY '»«s:pw»«k:';»
«k:Query OK, 0 rows affected (0.01 sec)»
«k:mysql> GRANT ALL ON »«K:db»«k:.* TO 'app'@'%';»
«k:Query OK, 0 rows affected (0.00 sec)»
""",
    ),
    (
        "mysql_env",
        "term",
        """$ «k:MYSQL_PWD=»«s:clipw»«k: mysql -u app -h »«K:host»«k: -e 'select count(*) from orders'»
«k:+----------+»
«k:| count(*) |»
«k:+----------+»
«k:|    »«K:int»«k: |»
«k:+----------+»
""",
    ),
    (
        "mongosh",
        "term",
        """$ «k:mongosh "mongodb+srv://»admin:«s:dbpw»«k:@cluster0.»«K:reqid»«k:.mongodb.net/»«K:db»"
«k:Current Mongosh Log ID:	»«K:reqid»
«k:Using MongoDB:		»«K:ver»
«k:Atlas atlas-»«K:short»«k: [primary] »«K:db»«k:> db.users.findOne()»
{ «k:_id: ObjectId('»«K:reqid»'), «k:email: '»«s:email»'«k:, phone: '»«s:phone»' }
""",
    ),
    (
        "redis_cli",
        "term",
        """$ «k:redis-cli -h »«s:ippriv@h»«k: -a »«s:clipw»«k: --no-auth-warning»
«s:ippriv@h»«k::6379> AUTH »«s:pw»
«k:OK»
«s:ippriv@h»«k::6379> GET session:»«K:uuid»
"«k:{\\"user_id\\":42}»"
""",
    ),
    (
        "git_remote",
        "term",
        PROMPT
        + """«k:git remote -v»
«k:origin	https://»«v:svcuser@a»:«s:v.github_classic@g»«k:@github.com/acme/api.git (fetch)»
«k:origin	https://»«v:svcuser@a»:«s:v.github_classic@g»«k:@github.com/acme/api.git (push)»
«k:upstream	git@github.com:acme/api.git (fetch)»
""",
    ),
    (
        "git_clone_fail",
        "term",
        """$ «k:git clone https://»oauth2:«s:v.gitlab_pat»«k:@gitlab.com/acme/infra.git»
«k:Cloning into 'infra'...»
«k:remote: HTTP Basic: Access denied.»
«k:fatal: Authentication failed for 'https://gitlab.com/acme/infra.git/'»
""",
    ),
    (
        "git_log",
        "term",
        """$ «k:git log -3 --format=fuller»
«k:commit »«K:sha»
«k:Author:     »«s:person@a» <«s:email@a»>
«k:AuthorDate: Tue Nov 3 10:12:44 2026 +0100»
«k:Commit:     »«s:person@a» <«s:email@a»>

    «k:Add retry to the payments client»

«k:commit »«K:sha»
«k:Author:     »«s:person@b» <«s:email@b»>
«k:AuthorDate: Mon Nov 2 17:40:01 2026 +0100»

    «k:Bump requests to »«K:ver»
""",
    ),
    (
        "git_diff",
        "term",
        """$ «k:git diff config/»
«k:diff --git a/config/prod.env b/config/prod.env»
«k:index »«K:short»«k:..»«K:short»«k: 100644»
«k:--- a/config/prod.env»
«k:+++ b/config/prod.env»
«k:@@ -3,4 +3,5 @@ APP_ENV=production»
«k: LOG_LEVEL=info»
-«K:vkey@a»=«s:vtok@a»
+«K:vkey@b»=«s:vtok@b»
«k:+WEBHOOK_SECRET=»«s:whsec»
«k: SENTRY_ENVIRONMENT=production»
""",
    ),
    (
        "git_blame_email",
        "term",
        """$ «k:git shortlog -sne --since=2026-10-01»
    «K:int»	«s:person@a» <«s:email@a»>
    «K:int»	«s:person@b» <«s:email@b»>
    «K:int»	«k:dependabot[bot]» <49699333+dependabot[bot]@users.noreply.github.com>
""",
    ),
    (
        "notebook_json",
        "file",
        """{
 «k:"cells": [»
  {
   «k:"cell_type": "code",»
   «k:"execution_count": 3,»
   «k:"metadata": {},»
   «k:"outputs": [],»
   «k:"source": [»
    «k:"import os\\n",»
    «k:"os.environ[\\"»«K:vkey@a»«k:\\"] = \\"»«s:vtok@a»«k:\\"\\n",»
    «k:"engine = create_engine(\\"postgresql://analyst:»«s:dbpw»«k:@»«K:host»«k:/»«K:db»«k:\\")"»
   ]
  }
 ],
 «k:"nbformat": 4»
}
""",
    ),
    (
        "app_log_json",
        "term",
        """«k:{"ts":"»«K:ts»«k:","level":"info","msg":"POST /api/signup","req_id":"»«K:uuid»«k:","body":{"email":"»«s:email»«k:","phone":"»«s:e164»«k:","password":"»«s:pw»«k:"}}»
«k:{"ts":"»«K:ts»«k:","level":"warn","msg":"card declined","req_id":"»«K:uuid»«k:","card":"»«s:card_plain»«k:","client_ip":"»«s:ippub»«k:"}»
«k:{"ts":"»«K:ts»«k:","level":"info","msg":"GET /healthz","status":200,"duration_ms":2}»
""",
    ),
    (
        "app_log_text",
        "term",
        """«K:logts»«k: INFO  [http] »«s:ippub»«k: - POST /v1/payments 201 (43 ms)»
«K:logts»«k: DEBUG [payments] request body: amount=4200&currency=eur&card_number=»«s:card»«k:&cvc=***»
«K:logts»«k: DEBUG [auth] login ok user=»«s:email»«k: session=»«s:cookie»
«K:logts»«k: ERROR [mailer] SMTP auth failed for apikey:»«s:v.sendgrid»
""",
    ),
    (
        "nginx_access",
        "term",
        """$ «k:tail -3 /var/log/nginx/access.log»
«s:ippub»«k: - - [03/Nov/2026:10:14:07 +0000] "GET /download?file=report.pdf&token=»«s:urltoken»«k: HTTP/1.1" 200 48213 "-" "Mozilla/5.0"»
«s:ippub»«k: - - [03/Nov/2026:10:14:09 +0000] "GET /api/users?email=»«s:email_enc»«k:&page=1 HTTP/1.1" 200 512 "-" "python-requests/»«K:ver»"
«s:ippriv»«k: - - [03/Nov/2026:10:14:11 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"»
""",
    ),
    (
        "s3_presign",
        "term",
        PROMPT
        + """«k:aws s3 presign s3://acme-exports/reports/2026-11.csv --expires-in 3600»
«k:https://acme-exports.s3.eu-west-1.amazonaws.com/reports/2026-11.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=»«s:v.aws_key_id»«k:%2F20261103%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261103T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=»«s:s3sig»
""",
    ),
    (
        "gcs_signed_url",
        "term",
        """$ «k:gsutil signurl -d 10m sa.json gs://acme-media/video.mp4»
«k:URL	HTTP Method	Expiration	Signed URL»
«k:gs://acme-media/video.mp4	GET	2026-11-03 10:25:00	https://storage.googleapis.com/acme-media/video.mp4?x-goog-signature=»«s:gcssig»«k:&x-goog-algorithm=GOOG4-RSA-SHA256&x-goog-date=20261103T101500Z&x-goog-expires=600&x-goog-signedheaders=host»
""",
    ),
    (
        "stripe_cli",
        "term",
        PROMPT
        + """«k:stripe listen --forward-to localhost:4242/webhook»
«k:> Ready! You are using Stripe API Version [2026-10-28]. Your webhook signing secret is »«s:v.stripe_webhook_secret»«k: (^C to quit)»
«K:logts»«k:   --> charge.succeeded [evt_»«K:reqid»«k:]»
«K:logts»«k:  <--  [200] POST http://localhost:4242/webhook [evt_»«K:reqid»«k:]»
""",
    ),
    (
        "svix_webhook",
        "file",
        """«k:# webhook receiver settings»
«k:[webhooks]»
«k:endpoint = "/hooks/billing"»
«k:signing_secret = »"«s:whsec»"
«k:tolerance_seconds = 300»
""",
    ),
    (
        "slack_webhook_curl",
        "term",
        """$ «k:curl -X POST -H 'Content-type: application/json' --data '{"text":"deploy »«K:short»«k: done"}' https://hooks.slack.com/services/»«s:slackhook»
«k:ok»
$ «k:curl -H "Content-Type: application/json" -d '{"content":"build failed"}' https://discord.com/api/webhooks/»«s:discordhook»
""",
    ),
    (
        "maven_settings",
        "file",
        """«k:<settings>»
  «k:<servers>»
    «k:<server>»
      «k:<id>internal-releases</id>»
      «k:<username>»deploy«k:</username>»
      «k:<password>»«s:pw»«k:</password>»
    «k:</server>»
  «k:</servers>»
  «k:<activeProfiles><activeProfile>ci</activeProfile></activeProfiles>»
«k:</settings>»
""",
    ),
    (
        "xml_app_config",
        "file",
        """«k:<?xml version="1.0" encoding="utf-8"?>»
«k:<configuration>»
  «k:<connectionStrings>»
    «k:<add name="Main" connectionString="Data Source=»«K:host»«k:;Initial Catalog=»«K:db»«k:;User ID=app;Password=»«s:dbpw»«k:" />»
  «k:</connectionStrings>»
  «k:<appSettings>»
    «k:<add key="PostmanApiKey" value="»«s:v.postman»«k:" />»
  «k:</appSettings>»
«k:</configuration>»
""",
    ),
    (
        "toml_config",
        "file",
        """«k:[server]»
«k:bind = "0.0.0.0:8080"»

«k:[database]»
«k:url = "postgres://app:»«s:dbpw»«k:@»«K:host»«k::5432/»«K:db»"
«k:pool_size = 10»

«k:[integrations]»
«k:databricks_token = »"«s:v.databricks»"
«k:doppler_token = »"«s:v.doppler_service»"
""",
    ),
    (
        "ini_config",
        "file",
        """«k:[alembic]»
«k:script_location = migrations»
«k:sqlalchemy.url = mysql+pymysql://app:»«s:dbpw»«k:@»«K:host»«k:/»«K:db»

«k:[smtp]»
«k:host = smtp.office365.com»
«k:user = »«s:email»
«k:pass = »«s:pw»
""",
    ),
    (
        "jwt_decode",
        "term",
        PROMPT
        + """«k:echo »"«s:jwt@j»"«k: | cut -d. -f2 | base64 -d 2>/dev/null | jq .»
{
  «k:"sub": "»«K:int»",
  «k:"scope": "read write"»
}
""",
    ),
    (
        "vault_kv",
        "term",
        """$ «k:vault kv get secret/payments»
«k:====== Secret Path ======»
«k:secret/data/payments»

«k:======= Metadata =======»
«k:Key                Value»
«k:---                -----»
«k:created_time       »«K:ts»
«k:version            »«K:int»

«k:====== Data ======»
«k:Key                Value»
«k:---                -----»
«k:api_key            »«s:apikey»
«k:webhook_secret     »«s:whsec»
«k:db_password        »«s:pw»
""",
    ),
    (
        "systemd_env",
        "term",
        """$ «k:systemctl show api.service -p Environment»
«k:Environment=NODE_ENV=production PORT=8080 »«K:vkey@a»=«s:vtok@a»«k: REDIS_PASSWORD=»«s:pw»
$ «k:journalctl -u api -n 2 --no-pager»
«k:Nov 03 10:14:07 »«kc:web-1¦api-2»«k: node[1234]: listening on 8080»
«k:Nov 03 10:14:09 »«kc:web-1¦api-2»«k: node[1234]: connected to redis at »«s:ippriv»«k::6379»
""",
    ),
    (
        "composer_auth",
        "file",
        """{
    «k:"github-oauth": {»
        «k:"github.com": "»«s:v.github_oauth»"
    },
    «k:"http-basic": {»
        «k:"repo.packagist.com": {»
            «k:"username": "token",»
            «k:"password": "»«s:apikey»"
        }
    }
}
""",
    ),
    (
        "heroku_config",
        "term",
        """$ «k:heroku config -a acme-api»
«k:=== acme-api Config Vars»
«k:DATABASE_URL:            postgres://»«v:svcuser@a»:«s:dbpw»«k:@»«K:rds»«k::5432/»«K:db»
«k:MAILGUN_API_KEY:         »«s:v.mailgun»
«k:PAPERTRAIL_API_TOKEN:    »«s:apikey»
«k:WEB_CONCURRENCY:         2»
""",
    ),
    (
        "kubectl_secret_json",
        "term",
        """$ «k:kubectl get secret registry-creds -o json | jq .data»
{
  «k:".dockerconfigjson": "»«s:k8s»",
  «k:"username": "»«s:k8s»",
  «k:"password": "»«s:k8s»"
}
$ «k:kubectl get secret registry-creds -o jsonpath='{.metadata.uid}'»
«K:uuid»
""",
    ),
    (
        "k8s_secret_manifest",
        "file",
        """«k:apiVersion: v1»
«k:kind: Secret»
«k:metadata:»
«k:  name: »«kc:payments-env¦worker-env¦api-env»
«k:  labels:»
«k:    app.kubernetes.io/version: "»«K:ver»"
«k:type: Opaque»
«k:data:»
«k:  SMTP_PASSWORD: »«s:k8s»
«k:  SIGNING_KEY: »«s:k8s»
«k:stringData:»
«k:  LOG_LEVEL: info»
""",
    ),
    (
        "gcloud_sa_keys",
        "term",
        """$ «k:gcloud iam service-accounts keys list --iam-account=deployer@acme-prod.iam.gserviceaccount.com»
«k:KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED»
«s:sakid»«k:  »«K:ts»«k:  9999-12-31T23:59:59Z»
«s:sakid»«k:  »«K:ts»«k:  9999-12-31T23:59:59Z  True»
""",
    ),
    (
        "adc_json",
        "file",
        """{
  «k:"account": "",»
  «k:"client_id": "»«K:int»«k:-»«K:reqid»«k:.apps.googleusercontent.com",»
  «k:"client_secret": "»«s:v.google_client_secret»",
  «k:"quota_project_id": "acme-prod",»
  «k:"refresh_token": "»«s:v.google_oauth_refresh»",
  «k:"type": "authorized_user",»
  «k:"universe_domain": "googleapis.com"»
}
""",
    ),
    (
        "firebase_config",
        "file",
        """«k:const firebaseConfig = {»
  «k:apiKey: "»«s:v.google_api_key»",
  «k:authDomain: "acme-app.firebaseapp.com",»
  «k:projectId: "acme-app",»
  «k:appId: "1:»«K:int»«k::web:»«K:reqid»"
};
«k:// server side only»
«k:const adminKeyId = "»«s:sakid»";
""",
    ),
    (
        "slack_app_env",
        "file",
        """«k:# slack bolt app»
«k:SLACK_BOT_TOKEN=»«s:v.slack_bot»
«k:SLACK_APP_TOKEN=»«s:v.slack_app»
«k:SLACK_SIGNING_SECRET=»«s:apikey»
«k:SLACK_CHANNEL=#deploys»
""",
    ),
    (
        "alertmanager_config",
        "file",
        """«k:global:»
«k:  resolve_timeout: 5m»
«k:  slack_api_url: 'https://hooks.slack.com/services/»«s:slackhook»'
«k:route:»
«k:  receiver: oncall»
«k:receivers:»
«k:  - name: oncall»
«k:    webhook_configs:»
«k:      - url: 'https://discord.com/api/webhooks/»«s:discordhook»'
""",
    ),
    (
        "git_credentials",
        "file",
        """https://«v:svcuser@a»:«s:urlpw»«k:@git.internal.example»
https://x-access-token:«s:v.github_app»«k:@github.com»
https://«s:email_enc»:«s:urlpw»«k:@bitbucket.org»
""",
    ),
    (
        "proxy_env",
        "term",
        """$ «k:env | grep -i proxy»
«k:HTTP_PROXY=http://»«v:svcuser@a»:«s:urlpw@p»«k:@proxy.corp.internal:3128»
«k:HTTPS_PROXY=http://»«v:svcuser@a»:«s:urlpw@p»«k:@proxy.corp.internal:3128»
«k:NO_PROXY=localhost,127.0.0.1,.svc,.cluster.local»
$ «k:npm config get proxy»
«k:http://»«v:svcuser@a»:«s:urlpw@p»«k:@proxy.corp.internal:3128/»
""",
    ),
    (
        "ftp_mirror",
        "term",
        """$ «k:lftp -e 'mirror --reverse dist /www; quit' sftp://»deploy:«s:urlpw»«k:@»«s:ippub»
«k:Total: 12 directories, 184 files, 0 symlinks»
«k:New: 3 files, 0 symlinks»
«k:1283744 bytes transferred in 4 seconds (313.4 KiB/s)»
""",
    ),
    (
        "hr_export",
        "term",
        """$ «k:python manage.py export_payroll --month 2026-10 | head -4»
«k:employee_id;full_name;ssn;iban;mobile;email»
«K:int»;«s:person»;«s:ssn»;«s:iban»;«s:phone»;«s:email»
«K:int»;«s:person»;«s:ssn»;«s:iban»;«s:phone»;«s:email»
«K:int»;«s:person»;«s:ssn_plain»;«s:iban»;«s:e164»;«s:email»
""",
    ),
    (
        "order_fixture",
        "file",
        """«k:@pytest.fixture»
«k:def order() -> dict[str, object]:»
    «k:return {»
        «k:"id": "»«K:uuid»",
        «k:"customer": {"name": "»«s:person»", «k:"email": "»«s:email»", «k:"phone": "»«s:phone»"},
        «k:"payment": {"card": "»«s:card»", «k:"exp": "12/29"},»
        «k:"tax_id": "»«s:ssn»",
        «k:"total_cents": 4200,»
    }
""",
    ),
    (
        "gitlab_runner_register",
        "term",
        """$ «k:sudo gitlab-runner register --non-interactive --url https://gitlab.com --token »«s:v.gitlab_runner»«k: --executor docker --docker-image alpine:»«K:ver»
«k:Runtime platform                                    arch=amd64 os=linux pid=»«K:int»«k: revision=»«K:short»«k: version=»«K:ver»
«k:Verifying runner... is valid                        runner=»«K:short»
«k:Runner registered successfully.»
$ «k:sudo grep token /etc/gitlab-runner/config.toml»
«k:  token = "»«s:v.gitlab_runner»"
""",
    ),
    (
        "yarnrc",
        "file",
        """«k:nodeLinker: node-modules»
«k:npmRegistryServer: "https://registry.npmjs.org"»
«k:npmScopes:»
«k:  acme:»
«k:    npmAlwaysAuth: true»
«k:    npmAuthToken: »«s:v.npm»
«k:    npmRegistryServer: "https://npm.pkg.github.com"»
""",
    ),
    (
        "twine_upload",
        "term",
        PROMPT
        + """«k:twine upload -u __token__ -p »«s:v.pypi»«k: dist/*»
«k:Uploading distributions to https://upload.pypi.org/legacy/»
«k:Uploading acme_api-»«K:ver»«k:-py3-none-any.whl»
«k:100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 41.2/41.2 kB • 00:00»
""",
    ),
    (
        "poetry_config",
        "term",
        PROMPT
        + """«k:poetry config --list | grep -i -E 'http-basic|pypi-token'»
«k:http-basic.internal.username = "»«s:email»"
«k:http-basic.internal.password = "»«s:pw»"
«k:pypi-token.pypi = "»«s:v.pypi»"
""",
    ),
    (
        "browser_storage",
        "term",
        """«k:> Object.entries(localStorage)»
«k:[['theme', 'dark'], ['auth.access_token', '»«s:jwt»«k:'], ['auth.id_token', '»«s:jwt»«k:'], ['last_seen', '»«K:ts»«k:']]»
«k:> document.cookie»
«k:'_ga=GA1.1.»«K:int»«k:.»«K:int»«k:; session=»«s:cookie»'
""",
    ),
    (
        "kubectl_create_token",
        "term",
        PROMPT
        + """«k:kubectl create token ci-deployer -n prod --duration=1h»
«s:jwt»
"""
        + PROMPT
        + """«k:kubectl auth whoami»
«k:ATTRIBUTE   VALUE»
«k:Username    system:serviceaccount:prod:ci-deployer»
«k:UID         »«K:uuid»
""",
    ),
    (
        "cloudfront_signed",
        "term",
        """«K:logts»«k: INFO  [media] signed url issued for user_id=»«K:int»«k: url=https://d111111abcdef8.cloudfront.net/videos/intro.mp4?Expires=1798000000&Signature=»«s:urltoken»«k:&Key-Pair-Id=K2JCJMDEHXQW5F»
«K:logts»«k: INFO  [media] download link https://files.example.com/exports/report.csv?token=»«s:urltoken»«k:&expires=1798003600»
«K:logts»«k: INFO  [media] s3 link https://acme-exports.s3.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=»«s:s3sig»
""",
    ),
    (
        "llm_gateway_config",
        "file",
        """«k:model_list:»
«k:  - model_name: gpt-4o»
«k:    litellm_params:»
«k:      model: openai/gpt-4o»
«k:      api_key: »«s:v.openai_legacy»
«k:  - model_name: claude»
«k:    litellm_params:»
«k:      model: anthropic/claude-sonnet»
«k:      api_key: »«s:v.anthropic»
«k:general_settings:»
«k:  master_key: »«s:apikey»
""",
    ),
    (
        "anthropic_curl",
        "term",
        """$ «k:curl https://api.anthropic.com/v1/messages -H "x-api-key: »«s:v.anthropic»«k:" -H "anthropic-version: 2023-06-01" -H "content-type: application/json" -d @req.json»
«k:{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}»
$ «k:curl -s https://api.openai.com/v1/models -H "Authorization: Bearer »«s:v.openai_project»" «k:| jq '.data | length'»
«K:int»
""",
    ),
    (
        "ci_ssh_key_echo",
        "term",
        """«k:$ mkdir -p ~/.ssh && echo "$DEPLOY_SSH_KEY" > ~/.ssh/id_ed25519 && cat ~/.ssh/id_ed25519»
"""
        + _key_block("openssh", "key_openssh")
        + """
«k:$ ssh -o StrictHostKeyChecking=no deploy@»«s:ippub»«k: 'systemctl restart api'»
""",
    ),
    (
        "azcopy_sas",
        "term",
        PROMPT
        + """«k:azcopy copy ./dist "https://acmestatic.blob.core.windows.net/$web?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-12-01T00:00:00Z&spr=https&sig=»«s:azsig»«k:" --recursive»
«k:INFO: Scanning...»
«k:Job »«K:uuid»«k: has started»
«k:Final Job Status: Completed»
"""
        + PROMPT
        + """«k:export AZURE_STORAGE_KEY=»«s:azkey»
""",
    ),
    (
        "webhook_handler",
        "file",
        """«k:import stripe»
«k:from fastapi import FastAPI, Request»

«k:ENDPOINT_SECRET = »"«s:v.stripe_webhook_secret»"
«k:SVIX_SECRET = »"«s:whsec»"
«k:app = FastAPI()»

«k:@app.post("/webhook")»
«k:async def webhook(request: Request) -> dict[str, str]:»
    «k:event = stripe.Webhook.construct_event(await request.body(), request.headers["stripe-signature"], ENDPOINT_SECRET)»
    «k:return {"received": event["type"]}»
""",
    ),
    (
        "github_app_token_refresh",
        "term",
        """$ «k:curl -s -X POST https://github.com/login/oauth/access_token -d client_id=Iv1.»«K:reqid»«k: -d grant_type=refresh_token -d refresh_token=»«s:v.github_refresh@r»«k: -H 'Accept: application/json' | jq .»
{
  «k:"access_token": "»«s:v.github_user_to_server»",
  «k:"expires_in": 28800,»
  «k:"refresh_token": "»«s:v.github_refresh»",
  «k:"refresh_token_expires_in": 15811200,»
  «k:"scope": "",»
  «k:"token_type": "bearer"»
}
""",
    ),
    (
        "az_access_token",
        "term",
        """$ «k:az account get-access-token --resource https://management.azure.com»
{
  «k:"accessToken": "»«s:jwt»",
  «k:"expiresOn": "2026-11-03 11:14:07.000000",»
  «k:"subscription": "»«K:uuid»",
  «k:"tenant": "»«K:uuid»",
  «k:"tokenType": "Bearer"»
}
""",
    ),
    (
        "helm_get_values",
        "term",
        """$ «k:helm get values payments -n prod -o yaml»
«k:USER-SUPPLIED VALUES:»
«k:env:»
«k:  DATABASE_URL: postgresql://»payments:«s:dbpw»«k:@»«K:rds»«k::5432/»«K:db»
«k:  »«K:vkey@a»«k:: »«s:vtok@a»
«k:image:»
«k:  tag: »«K:ver»
«k:replicaCount: 2»
""",
    ),
    (
        "docker_login",
        "term",
        PROMPT_USER
        + """«k:echo "$CR_PAT" | docker login ghcr.io -u »«s:user@u»«k: --password-stdin»
«k:WARNING! Your password will be stored unencrypted in /home/»«s:user@u»«k:/.docker/config.json.»
«k:Configure a credential helper to remove this warning. See»
«k:https://docs.docker.com/engine/reference/commandline/login/#credential-stores»
«k:Login Succeeded»
""",
    ),
    (
        "laravel_env",
        "file",
        """«k:APP_NAME=Shop»
«k:APP_ENV=production»
«k:APP_KEY=base64:»«s:apikey»
«k:APP_DEBUG=false»
«k:DB_CONNECTION=mysql»
«k:DB_HOST=»«s:ippriv»
«k:DB_PORT=3306»
«k:DB_PASSWORD=»«s:pw»
«k:MAIL_MAILER=smtp»
«k:MAIL_USERNAME=»«s:email»
""",
    ),
    (
        "terraform_provider",
        "file",
        """«k:terraform {»
«k:  required_providers {»
«k:    github = { source = "integrations/github", version = "~> 6.0" }»
«k:  }»
«k:}»

«k:provider "github" {»
«k:  owner = "acme"»
«k:  token = »"«s:v.github_fine_grained»"
«k:}»

«k:provider "cloudflare" {»
«k:  api_token = »"«s:v.cloudflare_api_token»"
«k:}»
""",
    ),
    (
        "gitlab_api_curl",
        "term",
        """$ «k:curl --header "PRIVATE-TOKEN: »«s:v.gitlab_pat»«k:" "https://gitlab.com/api/v4/projects/»«K:int»«k:/variables" | jq '.[].key'»
«k:"AWS_ACCESS_KEY_ID"»
«k:"AWS_SECRET_ACCESS_KEY"»
«k:"SENTRY_DSN"»
$ «k:curl -X POST --fail -F token=»«s:v.gitlab_trigger»«k: -F ref=main https://gitlab.com/api/v4/projects/»«K:int»«k:/trigger/pipeline»
""",
    ),
    (
        "smtp_session",
        "term",
        """$ «k:openssl s_client -quiet -starttls smtp -connect smtp.office365.com:587»
«k:250 SMTPUTF8»
«k:AUTH PLAIN »«s:smtpplain»
«k:235 2.7.0 Authentication successful»
«k:MAIL FROM:<»«s:email»«k:>»
«k:250 2.1.0 Sender OK»
""",
    ),
    (
        "postman_environment",
        "file",
        """{
  «k:"id": "»«K:uuid»",
  «k:"name": "staging",»
  «k:"values": [»
    { «k:"key": "baseUrl", "value": "https://staging.api.internal", "enabled": true» },
    { «k:"key": "accessToken", "value": "»«s:jwt»«k:", "type": "secret", "enabled": true» },
    { «k:"key": "postmanKey", "value": "»«s:v.postman»«k:", "type": "secret", "enabled": true» }
  ],
  «k:"_postman_variable_scope": "environment"»
}
""",
    ),
    (
        "go_config_log",
        "term",
        """«k:2026/11/03 10:14:07 config loaded: »{«k:Host:»«K:host» «k:Port:5432 User:app Password:»«s:pw» «k:Token:»«s:vtok» «k:Debug:false»}
«k:2026/11/03 10:14:07 dial tcp »«s:ippriv»«k::5432: connect: connection refused»
«k:panic: cannot reach database»

«k:goroutine 1 [running]:»
«k:main.main()»
	«k:/home/»«s:user@u»«k:/go/src/acme/api/main.go:48 +0x1c5»
«k:exit status 2»
""",
    ),
    (
        "go_test_failure",
        "term",
        """«k:--- FAIL: TestSignRequest (0.00s)»
    «k:client_test.go:42:»
            «k:Error Trace:    client_test.go:42»
            «k:Error:          Not equal:»
                            «k:expected: "Bearer »«s:bearer»"
                            «k:actual  : "Bearer »«s:bearer»"
            «k:Test:           TestSignRequest»
«k:FAIL»
«k:FAIL	github.com/acme/api/client	0.012s»
""",
    ),
    (
        "elixir_runtime",
        "file",
        """«k:import Config»

«k:config :shop, Shop.Repo,»
  «k:username: "postgres",»
  «k:password: »"«s:pw»",
  «k:hostname: »"«K:host»",
  «k:database: »"«K:db»",
  «k:pool_size: 10»

«k:config :shop, ShopWeb.Endpoint, secret_key_base: »"«s:apikey»"
«k:config :stripity_stripe, api_key: »"«s:v.stripe_live_secret»"
""",
    ),
    (
        "rails_console",
        "term",
        """«k:irb(main):001> User.last»
«k:=> #<User id: »«K:int»«k:, email: »"«s:email@p»", «k:name: »"«s:person@p»", «k:phone: »"«s:phone»", «k:created_at: "2026-11-02 17:40:01.000000000 +0000">»
«k:irb(main):002> Rails.application.credentials.dig(:aws, :secret_access_key)»
«k:=> »"«s:aws_secret»"
""",
    ),
    (
        "cargo_credentials",
        "file",
        """«k:# ~/.cargo/credentials.toml»
«k:[registry]»
«k:token = »"«s:v.crates_io»"

«k:[registries.internal]»
«k:token = »"«s:apikey»"
""",
    ),
    (
        "sql_dump",
        "file",
        """«k:-- MySQL dump 10.13  Distrib »«K:ver»«k:, for Linux (x86_64)»
«k:LOCK TABLES `customers` WRITE;»
«k:INSERT INTO `customers` VALUES »(«K:int»,'«s:person»','«s:email»','«s:phone»','«s:card»'),(«K:int»,'«s:person»','«s:email»','«s:e164»','«s:card_plain»');
«k:UNLOCK TABLES;»
«k:INSERT INTO `api_clients` VALUES »(1,'mobile','«s:apikey»');
""",
    ),
    (
        "ios_plist",
        "file",
        """«k:<?xml version="1.0" encoding="UTF-8"?>»
«k:<plist version="1.0">»
«k:<dict>»
	«k:<key>API_KEY</key>»
	«k:<string>»«s:v.google_api_key»«k:</string>»
	«k:<key>GCM_SENDER_ID</key>»
	«k:<string>»«K:int»«k:</string>»
	«k:<key>BUNDLE_ID</key>»
	«k:<string>com.acme.shop</string>»
«k:</dict>»
«k:</plist>»
""",
    ),
    (
        "customer_csv",
        "term",
        """$ «k:head -4 exports/customers-2026-11.csv»
«k:id,name,email,phone,card_number,iban,ssn,created_at»
«K:int»,«s:person»,«s:email»,«s:phone»,«s:card»,«s:iban»,«s:ssn»,«K:ts»
«K:int»,«s:person»,«s:email»,«s:e164»,«s:card_plain»,«s:iban»,«s:ssn»,«K:ts»
«K:int»,«s:person»,«s:email»,«s:phone»,«s:card»,«s:iban»,«s:ssn_plain»,«K:ts»
""",
    ),
    (
        "payments_json",
        "term",
        """$ «k:jq '.[0:2]' payouts.json»
[
  {
    «k:"payout_id": "»«K:uuid»",
    «k:"beneficiary": "»«s:person»",
    «k:"iban": "»«s:iban_print»",
    «k:"amount": "1250.00",»
    «k:"currency": "EUR"»
  },
  {
    «k:"payout_id": "»«K:uuid»",
    «k:"beneficiary": "»«s:person»",
    «k:"iban": "»«s:iban»",
    «k:"amount": "89.90",»
    «k:"currency": "EUR"»
  }
]
""",
    ),
    (
        "crm_record",
        "term",
        """«k:>>> pprint(crm.get_contact(»«K:int»«k:))»
«k:{'company': 'Tallpine Health',»
«k: 'email': '»«s:email»',
«k: 'full_name': '»«s:person»',
«k: 'mobile': '»«s:phone»',
«k: 'ssn_last4': '»«K:int»',
«k: 'tax_id': '»«s:ssn»',
«k: 'updated_at': '»«K:ts»'}
""",
    ),
    (
        "support_ticket",
        "term",
        """«k:Ticket #»«K:int»«k: (priority: high)»
«k:From: »«s:person@p» <«s:email@p»>
«k:Hi, my card »«s:card»«k: was charged twice. You can call me on »«s:phone»«k:. My account IBAN is »«s:iban_print»«k: for the refund.»
«k:Thanks, »«s:person@p»
""",
    ),
    (
        "hf_login",
        "term",
        PROMPT_USER
        + """«k:huggingface-cli login --token »«s:v.huggingface»
«k:Token is valid (permission: write).»
«k:Your token has been saved to /home/»«s:user@u»«k:/.cache/huggingface/token»
«k:Login successful»
""",
    ),
    (
        "npm_publish",
        "term",
        PROMPT_USER
        + """«k:npm publish --access public»
«k:npm notice 📦  @acme/ui@»«K:ver»
«k:npm notice total files: 48»
«k:npm ERR! code E401»
«k:npm ERR! 401 Unauthorized - PUT https://registry.npmjs.org/@acme%2fui - invalid token »«s:v.npm»
«k:npm ERR! A complete log of this run can be found in: /home/»«s:user@u»«k:/.npm/_logs/»«K:ts»«k:-debug-0.log»
""",
    ),
    (
        "gh_cli",
        "term",
        PROMPT_USER
        + """«k:gh auth status»
«k:github.com»
«k:  ✓ Logged in to github.com account »«s:user@u»«k: (keyring)»
«k:  - Active account: true»
«k:  - Git operations protocol: https»
«k:  - Token: »«s:v.github_oauth»
«k:  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'»
«k:  - Config: /home/»«s:user@u»«k:/.config/gh/hosts.yml»
""",
    ),
    (
        "sentry_clirc",
        "file",
        """«k:[defaults]»
«k:url = https://sentry.io/»
«k:org = acme»
«k:project = api»

«k:[auth]»
«k:token = »«s:v.sentry_org»
""",
    ),
    (
        "python_repl",
        "term",
        """«k:>>> import os»
«k:>>> os.environ["»«K:vkey@a»«k:"]»
'«s:vtok@a»'
«k:>>> requests.get(url, headers={"Authorization": f"Bearer {tok}"}).request.headers»
«k:{'User-Agent': 'python-requests/»«K:ver»«k:', 'Authorization': 'Bearer »«s:bearer»'}
""",
    ),
    (
        "grafana_provisioning",
        "file",
        """«k:apiVersion: 1»
«k:datasources:»
«k:  - name: Loki»
«k:    type: loki»
«k:    url: https://logs-prod-eu-west-0.grafana.net»
«k:    basicAuth: true»
«k:    basicAuthUser: »«K:int»
«k:    secureJsonData:»
«k:      basicAuthPassword: »«s:v.grafana_cloud»
«k:  - name: Grafana API»
«k:    type: grafana-api»
«k:    secureJsonData:»
«k:      token: »«s:v.grafana_service_account»
""",
    ),
    (
        "ansible_inventory",
        "file",
        """«k:[web]»
«s:ippub»«k: ansible_user=deploy»
«s:ippriv»«k: ansible_user=deploy ansible_become_pass=»«s:pw»

«k:[db]»
«K:host»«k: ansible_ssh_pass=»«s:pw»
""",
    ),
    (
        "ifconfig",
        "term",
        """$ «k:ip -brief addr»
«k:lo               UNKNOWN        127.0.0.1/8 ::1/128»
«k:eth0             UP             »«s:ippriv»«k:/24 fe80::42:acff:fe12:5/64»
«k:wg0              UNKNOWN        »«s:ippriv»«k:/32»
$ «k:curl -s ifconfig.me»
«s:ippub»
""",
    ),
    (
        "ls_home",
        "term",
        """$ «k:ls -la /home/»«s:user@u»«k:/.config»
«k:total 24»
«k:drwx------  6 »«s:user@u» «s:user@u»«k: 4096 Nov  3 10:01 .»
«k:drwxr-x--- 21 »«s:user@u» «s:user@u»«k: 4096 Nov  3 09:58 ..»
«k:drwx------  2 »«s:user@u» «s:user@u»«k: 4096 Oct 21 14:12 gh»
""",
    ),
    (
        "mac_paths",
        "term",
        """«k:error: could not compile `api` (bin "api") due to 1 previous error»
«k:  --> /Users/»«s:user@u»«k:/dev/api/src/main.rs:14:9»
«k:warning: build failed, waiting for other jobs to finish...»
«k:note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace»
«k:  = note: /Users/»«s:user@u»«k:/.cargo/registry/src/index.crates.io-6f17d22bba15001f/ring-»«K:ver»«k:/build.rs»
""",
    ),
    (
        "agent_prose",
        "term",
        """«k:I found the failing connection: the test config points at the staging database with a hard-coded password.»
«k:The line in question is:»

    «k:SQLALCHEMY_DATABASE_URI = "postgresql://»staging:«s:dbpw»«k:@»«K:host»«k::5432/»«K:db»"

«k:I'll move it to an environment variable and read it with `os.environ["DATABASE_URL"]` instead.»
""",
    ),
    (
        "pgbouncer_ini",
        "file",
        """«k:[databases]»
«K:db»«k: = host=»«s:ippriv»«k: port=5432 dbname=»«K:db»«k: user=app password=»«s:pw»

«k:[pgbouncer]»
«k:listen_port = 6432»
«k:auth_type = scram-sha-256»
""",
    ),
    (
        "rabbitmq_url",
        "term",
        """«K:logts»«k: [celery] Connected to amqp://»worker:«s:dbpw»«k:@»«K:host»«k::5672//»
«K:logts»«k: [celery] mingle: searching for neighbors»
«K:logts»«k: [celery] celery@worker-1 ready.»
""",
    ),
    (
        "elastic_curl",
        "term",
        """$ «k:curl -u elastic:»«s:urlpw»«k: -k https://»«s:ippriv»«k::9200/_cluster/health?pretty»
{
  «k:"cluster_name" : "logs",»
  «k:"status" : "green",»
  «k:"number_of_nodes" : 3»
}
""",
    ),
    (
        "atlassian_env",
        "term",
        """$ «k:cat ~/.jira.d/config.yml»
«k:endpoint: https://acme.atlassian.net»
«k:user: »«s:email»
«k:password-source: keyring»
«k:api-token: »«s:v.atlassian»
""",
    ),
    (
        "twilio_script",
        "file",
        """«k:from twilio.rest import Client»

«k:ACCOUNT_SID = "AC" + "»«K:reqid»«K:reqid»«k:"»
«k:API_KEY = "»«s:v.twilio_api_key»"
«k:API_SECRET = "»«s:apikey»"
«k:client = Client(API_KEY, API_SECRET, ACCOUNT_SID)»
«k:client.messages.create(to="»«s:e164»", from_="+15005550006", «k:body="Your code is 481516")»
""",
    ),
    (
        "shopify_toml",
        "file",
        """«k:# shopify.app.toml»
«k:client_id = "»«K:reqid»«K:reqid»"
«k:name = "acme-storefront"»
«k:[access]»
«k:admin_token = »"«s:v.shopify_admin»"
«k:api_secret = »"«s:v.shopify_shared»"
""",
    ),
    (
        "discord_bot_env",
        "file",
        """«k:# bot/.env»
«k:DISCORD_TOKEN=»«s:v.discord_bot»
«k:GUILD_ID=»«K:int»«K:int»
«k:OWNER_ID=»«K:int»«K:int»
«k:PREFIX=!»
""",
    ),
    (
        "do_cli",
        "term",
        PROMPT
        + """«k:doctl auth init --access-token »«s:v.digitalocean_oauth»
«k:Validating token... OK»
"""
        + PROMPT
        + """«k:doctl compute droplet list --format Name,PublicIPv4,PrivateIPv4»
«k:Name       Public IPv4       Private IPv4»
«k:web-01     »«s:ippub»«k:    »«s:ippriv»
""",
    ),
    (
        "grafana_cloud_env",
        "file",
        """«k:# grafana-agent.river»
«k:prometheus.remote_write "cloud" {»
«k:  endpoint {»
«k:    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"»
«k:    basic_auth {»
«k:      username = "»«K:int»"
«k:      password = »"«s:v.grafana_cloud»"
    }
  }
}
""",
    ),
    (
        "doppler_cli",
        "term",
        PROMPT
        + """«k:doppler configure set token »«s:v.doppler_personal»«k: --scope /»
«k:┌───────┬──────────────────┬───────┐»
«k:│ NAME  │ VALUE            │ SCOPE │»
«k:├───────┼──────────────────┼───────┤»
«k:│ token │ »«K:mask»«k: │ /     │»
«k:└───────┴──────────────────┴───────┘»
""",
    ),
]

LOOKALIKES: list[tuple[str, str, str]] = [
    (
        "lock_integrity",
        "file",
        """"node_modules/react": {
  "version": "«K:ver»",
  "resolved": "https://registry.npmjs.org/react/-/react-«K:ver».tgz",
  "integrity": "«K:sri»",
  "license": "MIT"
},
"node_modules/scheduler": {
  "version": "«K:ver»",
  "integrity": "«K:sri»"
}
""",
    ),
    (
        "docker_images",
        "term",
        """$ docker images --digests
REPOSITORY          TAG       DIGEST                                                                    IMAGE ID       SIZE
ghcr.io/acme/api    «K:ver»    «K:sha256»   «K:short»abcde   182MB
postgres            16        «K:sha256»   «K:short»12345   431MB
""",
    ),
    (
        "git_log_oneline",
        "term",
        """$ git log --oneline -5 && git describe --tags
«K:short» Merge pull request #«K:int» from acme/fix-retry
«K:short» Retry on 503 from the payments API
«K:short» Bump urllib3 from «K:ver» to «K:ver»
«K:short» Add request id («K:uuid») to error logs
v«K:ver»-12-g«K:short»
$ git rev-parse HEAD
«K:sha»
""",
    ),
    (
        "env_example",
        "file",
        """# Copy to .env and fill in
DATABASE_URL=postgres://user:password@localhost:5432/app
STRIPE_SECRET_KEY=<your-stripe-secret-key>
OPENAI_API_KEY=${OPENAI_API_KEY}
GITHUB_TOKEN=
API_KEY=your-api-key-here
ADMIN_PASSWORD=changeme
SESSION_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx
""",
    ),
    (
        "readme_snippet",
        "file",
        """## Configuration

Set `ANTHROPIC_API_KEY` in your shell before running:

```bash
export ANTHROPIC_API_KEY="<your-api-key>"
curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/me
```

Passwords are read from `$DB_PASSWORD`; never commit them. Version «K:ver» requires Python 3.11.
""",
    ),
    (
        "masked_secrets",
        "term",
        """$ gh secret list
NAME                  UPDATED
DEPLOY_KEY            about 3 days ago
NPM_TOKEN             about 1 month ago
$ vercel env ls
 name                 value               environments
 DATABASE_URL         Encrypted           Production
 STRIPE_KEY           «K:mask»            Production, Preview
token: «K:mask» (expires «K:ts»)
""",
    ),
    (
        "public_keys",
        "term",
        """$ cat ~/.ssh/id_ed25519.pub
«K:sshpub» deploy@ci
$ ssh-keygen -lf ~/.ssh/id_ed25519.pub
256 «K:fingerprint» deploy@ci (ED25519)
$ cat /etc/ssl/certs/internal-ca.pem
"""
        + pem_marker("BEGIN", "CERTIFICATE")
        + """
«K:cert»
"""
        + pem_marker("END", "CERTIFICATE")
        + "\n",
    ),
    (
        "aws_describe",
        "term",
        """$ aws ec2 describe-instances --query 'Reservations[].Instances[].[InstanceId,PublicIpAddress,IamInstanceProfile.Arn]'
[
    [
        "i-0«K:reqid»",
        "«K:docip»",
        "arn:aws:iam::«K:acct»:instance-profile/web"
    ]
]
$ aws sts get-caller-identity
{ "UserId": "AROA«K:short»EXAMPLE:ci", "Account": "«K:acct»", "Arn": "arn:aws:sts::«K:acct»:assumed-role/ci/ci" }
""",
    ),
    (
        "html_assets",
        "file",
        """<link rel="stylesheet" href="https://cdn.example.com/app.css" integrity="«K:sri384»" crossorigin="anonymous">
<script src="https://cdn.example.com/app-«K:short».js" integrity="«K:sri384»"></script>
<img alt="logo" src="«K:datauri»">
""",
    ),
    (
        "request_ids",
        "term",
        """«K:logts» INFO request_id=«K:uuid» trace_id=«K:hex64» span=«K:reqid» GET /api/v1/items 200
«K:logts» INFO request_id=«K:uuid» trace_id=«K:hex64» span=«K:reqid» GET /api/v1/items/«K:int» 404
«K:logts» INFO worker pid=«K:int» version=«K:ver» build=«K:sha»
""",
    ),
    (
        "pip_freeze",
        "term",
        """$ pip freeze | head -6
boto3==«K:ver»
cryptography==«K:ver»
idna==«K:ver»
pyjwt==«K:ver»
requests==«K:ver»
urllib3==«K:ver»
$ python -c 'import ssl; print(ssl.OPENSSL_VERSION)'
OpenSSL «K:ver» 24 Oct 2026
""",
    ),
    (
        "configmap_plan",
        "term",
        """$ kubectl get configmap app-config -o yaml
apiVersion: v1
data:
  LOG_LEVEL: info
  API_BASE_URL: https://api.example.com
  UPSTREAM: «K:docip»:8080
kind: ConfigMap
metadata:
  uid: «K:uuid»
$ terraform plan | grep password
      + password = (sensitive value)
""",
    ),
    (
        "aws_configure_list",
        "term",
        """$ aws configure list
      Name                    Value             Type    Location
      ----                    -----             ----    --------
   profile                  staging           manual    --profile
access_key     ****************«K:mask»   shared-credentials-file
secret_key     ****************«K:mask»   shared-credentials-file
    region                eu-west-1      config-file    ~/.aws/config
$ aws configure get sso_start_url
https://acme.awsapps.com/start
""",
    ),
    (
        "jwks",
        "term",
        """$ curl -s https://auth.example.com/.well-known/jwks.json | jq .
{
  "keys": [
    {
      "kty": "RSA",
      "kid": "«K:reqid»",
      "use": "sig",
      "alg": "RS256",
      "n": "«K:modulus»",
      "e": "AQAB"
    }
  ]
}
""",
    ),
    (
        "x509_text",
        "term",
        """$ openssl x509 -in api.pem -noout -subject -issuer -serial -dates -fingerprint -sha256
subject=CN = api.example.com
issuer=C = US, O = Let's Encrypt, CN = R11
serial=«K:reqid»«K:reqid»
notBefore=Oct  4 08:12:01 2026 GMT
notAfter=Jan  2 08:12:00 2027 GMT
sha256 Fingerprint=«K:colonhex»
""",
    ),
    (
        "checksums",
        "term",
        """$ sha256sum dist/*
«K:hex64»  dist/acme_api-«K:ver»-py3-none-any.whl
«K:hex64»  dist/acme_api-«K:ver».tar.gz
$ curl -sI http://127.0.0.1:8080/healthz | grep -i etag
etag: "«K:sha»"
""",
    ),
]

FILE_DELIVERIES = ("as_is", "transcript", "diff", "numbered", "markdown")
TERM_DELIVERIES = ("as_is", "transcript", "ci_log", "markdown")


# ---------------------------------------------------------------------------------------------------------
# Flattening and delivery: spans follow the text through every transformation


@dataclass
class _Labelled:
    text: str
    spans: list[Span]


def _flatten(segments: list[_Segment], lookalike: bool) -> _Labelled:
    text = ""
    spans: list[Span] = []
    for seg in segments:
        start = len(text)
        text += seg.text
        if seg.label is not None and seg.text.strip() and not lookalike:
            spans.append(Span(start, len(text), seg.label.cls, seg.label.fmt, seg.label.vendor))
    if lookalike:
        pos = 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                offset = pos + line.index(stripped)
                spans.append(Span(offset, offset + len(stripped), "keep", "line"))
            pos += len(line) + 1
    return _Labelled(text, spans)


def _remap(doc: _Labelled, pieces: list[tuple[str, str]], extra: list[Span]) -> _Labelled:
    """`pieces[i]` is (text inserted before input character i, what character i itself became)."""
    starts: list[int] = []
    ends: list[int] = []
    out: list[str] = []
    pos = 0
    for inserted, own in pieces:
        pos += len(inserted)
        starts.append(pos)
        pos += len(own)
        ends.append(pos)
        out.append(inserted + own)
    spans = [Span(starts[s.start], ends[s.end - 1], s.cls, s.fmt, s.vendor) for s in doc.spans]
    return _Labelled("".join(out), spans + extra)


def _prefix_lines(doc: _Labelled, prefix: Callable[[int], str], keep_prefix: bool) -> _Labelled:
    pieces: list[tuple[str, str]] = []
    extra: list[Span] = []
    line_no = 0
    out_len = 0
    inside = [False] * len(doc.text)
    for span in doc.spans:
        inside[span.start + 1 : span.end] = [True] * (span.end - span.start - 1)
    for i, ch in enumerate(doc.text):
        inserted = ""
        if i == 0 or doc.text[i - 1] == "\n":
            line_no += 1
            inserted = prefix(line_no)
            if keep_prefix and inserted.strip() and not inside[i]:
                lead = len(inserted) - len(inserted.lstrip())
                extra.append(Span(out_len + lead, out_len + len(inserted.rstrip()), "keep", "prefix"))
        pieces.append((inserted, ch))
        out_len += len(inserted) + 1
    return _remap(doc, pieces, extra)


def _shift(doc: _Labelled, head: str, tail: str) -> _Labelled:
    spans = [Span(s.start + len(head), s.end + len(head), s.cls, s.fmt, s.vendor) for s in doc.spans]
    return _Labelled(head + doc.text + tail, spans)


def _deliver(doc: _Labelled, how: str, r: random.Random, kind: str) -> _Labelled:
    if how == "as_is":
        return doc
    if how == "transcript":
        pieces = [("", json.dumps(ch, ensure_ascii=False)[1:-1]) for ch in doc.text]
        escaped = _remap(doc, pieces, [])
        if r.random() < 0.7:
            head = '{"type":"tool_result","tool_use_id":"toolu_01' + _pick(r, ALNUM, 22) + '","content":"'
            return _shift(escaped, head, '","is_error":false}\n')
        head = '{"type":"function_call_output","call_id":"call_' + _pick(r, ALNUM, 24) + '","output":"'
        return _shift(escaped, head, '"}\n')
    if how == "numbered":
        first = r.randint(1, 120)
        return _prefix_lines(doc, lambda n: f"{first + n - 1:>6}→", False)
    if how == "ci_log":
        base = r.randint(0, 3000)
        return _prefix_lines(
            doc,
            lambda n: (
                f"2026-11-03T10:{(base + n) // 60 % 60:02d}:{(base + n) % 60:02d}.{r.randint(0, 9999999):07d}Z "
            ),
            True,
        )
    if how == "diff":
        path = f"config/{kind.replace('_', '-')}.txt"
        lines = doc.text.count("\n") + (0 if doc.text.endswith("\n") else 1)
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{_pick(r, HEXL, 7)}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines} @@\n"
        return _shift(_prefix_lines(doc, lambda n: "+", False), head, "")
    if how == "markdown":
        lang = r.choice(["", "text", "console", "bash"])
        head = r.choice(["Here is the output:\n\n", "The command printed:\n\n", ""]) + f"```{lang}\n"
        return _shift(doc, head, "```\n")
    raise ValueError(how)


LINE_PREFIX_PATTERNS = {
    "numbered": re.compile(r"(?<=\n) *\d+→"),
    "ci_log": re.compile(r"(?<=\n)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z "),
    "diff": re.compile(r"(?<=\n)\+"),
}


def undeliver(piece: str, how: str) -> str:
    """A delivered span's text as the snippet had it: unescaped from a transcript line, line prefixes removed."""
    if how == "transcript":
        return str(json.loads(f'"{piece}"'))
    if how in LINE_PREFIX_PATTERNS:
        return LINE_PREFIX_PATTERNS[how].sub("", piece)
    return piece


def _static_classes(template: str) -> set[str]:
    """The secret classes a template always yields (a randomly chosen vendor's class is not known in advance)."""
    classes: set[str] = set()
    for tag, arg in MARKUP.findall(template):
        name = arg.partition("@")[0]
        if tag == "s" and name.startswith("v."):
            classes.add(VENDOR_BY_FMT[name[2:]].cls)
        elif tag == "s" and name in SECRET_GENS:
            classes.add(SECRET_GENS[name][0])
    return classes


def _kind_order(r: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Every kind once, then more of the kinds that hold the classes seen least so far, so classes stay even."""
    order = list(TEMPLATES)
    r.shuffle(order)
    classes = {t[0]: _static_classes(t[2]) for t in TEMPLATES}
    seen: collections.Counter[str] = collections.Counter(c for t in order for c in classes[t[0]])
    uses = collections.Counter(t[0] for t in order)
    candidates = list(TEMPLATES)
    r.shuffle(candidates)
    while len(order) < count:
        pick = min(
            candidates,
            key=lambda t: (uses[t[0]] >= 3, min((seen[c] for c in classes[t[0]]), default=10**6), uses[t[0]]),
        )
        order.append(pick)
        uses[pick[0]] += 1
        seen.update(classes[pick[0]])
    return order[:count]


def build_corpus(seed: int = DEFAULT_SEED) -> list[Doc]:
    """The labelled documents for one seed; the same seed always gives the same corpus."""
    r = random.Random(seed)
    renderer = _Renderer(r)
    lookalike_every = 10
    lookalike_count = DOCUMENT_COUNT // lookalike_every
    order = _kind_order(r, DOCUMENT_COUNT - lookalike_count)
    order.reverse()
    lookalike_order: list[tuple[str, str, str]] = []
    docs: list[Doc] = []
    for i in range(DOCUMENT_COUNT):
        lookalike = i % lookalike_every == lookalike_every - 1
        if lookalike and not lookalike_order:
            lookalike_order.extend(LOOKALIKES)
            r.shuffle(lookalike_order)
        kind, where, template = (lookalike_order if lookalike else order).pop()
        segments = renderer.render(template)
        flat = _flatten(segments, lookalike)
        how = r.choice(FILE_DELIVERIES if where == "file" else TERM_DELIVERIES)
        delivered = _deliver(flat, how, r, kind)
        for before, after in zip(flat.spans, delivered.spans, strict=False):
            assert (
                undeliver(delivered.text[after.start : after.end], how)
                == flat.text[before.start : before.end]
            )
        secrets = tuple(s for s in delivered.spans if s.cls != "keep")
        keeps = tuple(s for s in delivered.spans if s.cls == "keep")
        docs.append(Doc(kind, how, delivered.text, secrets, keeps, lookalike))
    return docs


def corpus_digest(docs: list[Doc]) -> str:
    blob = json.dumps(
        [[d.kind, d.delivery, d.text, [list(s.__dict__.values()) for s in d.secrets + d.keeps]] for d in docs]
    )
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------
# Measuring


def _kept(blocks: list[tuple[int, int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= a + size for a, _, size in blocks)


def _outside_secrets(doc: Doc) -> str:
    """The input with its secret spans blanked, for telling a leaked fragment from text that was there anyway."""
    chars = list(doc.text)
    for span in doc.secrets:
        chars[span.start : span.end] = ["\x00"] * (span.end - span.start)
    return "".join(chars)


def _fragment_left(secret: str, out: str, outside: str) -> bool:
    return any(secret[i : i + 8] in out and secret[i : i + 8] not in outside for i in range(len(secret) - 7))


def measure_held_back(scrub: Callable[[str], str] | None = None) -> dict[str, float | int]:
    """Recall and keep-rate of `scrub` (the real scrubber when None) on this held-back corpus."""
    run: Callable[[str], str]
    if scrub is None:
        from client_actors.scrub import scrub_text

        def run(t: str) -> str:
            return scrub_text(t).text

    else:
        run = scrub
    docs = build_corpus()
    secrets = recalled = clean = vendor = vendor_recalled = keeps = kept = lines = lines_kept = 0
    for doc in docs:
        out = run(doc.text)
        blocks = [
            (m.a, m.b, m.size)
            for m in difflib.SequenceMatcher(None, doc.text, out, autojunk=False).get_matching_blocks()
        ]
        outside = _outside_secrets(doc)
        for span in doc.secrets:
            secret = doc.text[span.start : span.end]
            secrets += 1
            gone = secret not in out
            recalled += gone
            clean += gone and not _fragment_left(secret, out, outside)
            if span.vendor:
                vendor += 1
                vendor_recalled += gone
        for span in doc.keeps:
            ok = _kept(blocks, span.start, span.end)
            keeps += 1
            kept += ok
            if doc.lookalike and span.fmt == "line":
                lines += 1
                lines_kept += ok
    return {
        "secrets": secrets,
        "recall": recalled / secrets,
        "recall_no_fragment": clean / secrets,
        "vendor_prefix_recall": vendor_recalled / vendor,
        "keep_rate": kept / keeps,
        "line_keep_rate": lines_kept / lines,
        "lines": lines,
    }
