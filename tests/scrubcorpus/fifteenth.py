"""The fifteenth held-back scrub corpus: issue trackers, chat and mail, crash reports, API tooling, service
configs, Windows and macOS, container inspection, CSV reports and SQL consoles.

Written blind: from the scrubber's published policy (the docstring of `client_actors.scrub`) only, without
reading its rules, its other corpora or its results. Every fake is generated at run time from a seeded
`random.Random` and is valid for its format (GitHub's and npm's CRC32 checksums, Luhn, IBAN mod-97, the SSN
ranges); nothing secret-shaped is written as a literal. Cases the policy leaves open are left unlabelled.

Each document is delivered one of six ways (plain, a JSON transcript line, a diff's added lines, a numbered
file read, a CI log, a Markdown fence); a label is the secret's text as it stands in the delivered document,
so secrets hold no character JSON escapes. `measure_held_back` reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import random
import re
import string
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs

DEFAULT_SEED = 20261215


@attrs.frozen
class Secret:
    """A labelled secret: its class, its text as delivered, and where it starts."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """Text the scrubber must leave in place (a look-alike or context that says how a secret is used)."""

    text: str
    offset: int


@attrs.frozen
class Document:
    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


# ---------------------------------------------------------------------------------------------- alphabets

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
DIGITS = string.digits
HEX = "0123456789abcdef"
B62 = DIGITS + UPPER + LOWER
ALNUM = UPPER + LOWER + DIGITS
B64URL = ALNUM + "-_"
JSON_ESCAPED = set('"\\') | {chr(i) for i in range(0x20)}


def rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def base62(n: int, width: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc_token(r: random.Random, prefix: str) -> str:
    """GitHub's (and npm's) layout: 30 random base62 characters and a base62 CRC32 of them."""
    body = rs(r, ALNUM, 30)
    return prefix + body + base62(binascii.crc32(body.encode()), 6)


# ---------------------------------------------------------------------------------------------- vendors

VENDOR_LAYOUTS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "aws-access-key": ("AWS_ACCESS_KEY_ID", lambda r: "AKIA" + rs(r, UPPER + "234567", 16)),
    "github-token": ("GITHUB_TOKEN", lambda r: crc_token(r, r.choice(["ghp_", "gho_", "ghs_", "ghu_"]))),
    "github-fine-grained-token": (
        "GH_PAT",
        lambda r: "github_pat_" + "11" + rs(r, UPPER + DIGITS, 20) + "_" + rs(r, ALNUM, 59),
    ),
    "gitlab-token": ("GITLAB_TOKEN", lambda r: "glpat-" + rs(r, B64URL, 20)),
    "slack-token": (
        "SLACK_BOT_TOKEN",
        lambda r: (
            r.choice(["xoxb-", "xoxp-"])
            + rs(r, DIGITS, 12)
            + "-"
            + rs(r, DIGITS, 13)
            + "-"
            + rs(r, ALNUM, 24)
        ),
    ),
    "stripe-key": ("STRIPE_SECRET_KEY", lambda r: r.choice(["sk_live_", "rk_live_"]) + rs(r, ALNUM, 24)),
    "openai-key": (
        "OPENAI_API_KEY",
        lambda r: "sk-proj-" + rs(r, B64URL, 58) + "T3BlbkFJ" + rs(r, B64URL, 58),
    ),
    "anthropic-key": ("ANTHROPIC_API_KEY", lambda r: "sk-ant-api03-" + rs(r, B64URL, 93) + "AA"),
    "google-api-key": ("GOOGLE_MAPS_API_KEY", lambda r: "AIza" + rs(r, B64URL, 35)),
    "sendgrid-key": ("SENDGRID_API_KEY", lambda r: "SG." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43)),
    "npm-token": ("NPM_TOKEN", lambda r: crc_token(r, "npm_")),
    "pypi-token": (
        "PYPI_TOKEN",
        lambda r: (
            "pypi-"
            + b64url(b"\x02\x01\x08pypi.org\x02\x24" + uid(r).encode() + b"\x00\x02" + r.randbytes(60))
        ),
    ),
    "digitalocean-token": ("DIGITALOCEAN_TOKEN", lambda r: "dop_v1_" + rs(r, HEX, 64)),
    "shopify-token": ("SHOPIFY_ACCESS_TOKEN", lambda r: "shpat_" + rs(r, HEX, 32)),
    "huggingface-token": ("HF_TOKEN", lambda r: "hf_" + rs(r, UPPER + LOWER, 34)),
    "vault-token": ("VAULT_TOKEN", lambda r: "hvs." + rs(r, ALNUM, 24)),
    "postman-api-key": ("POSTMAN_API_KEY", lambda r: "PMAK-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 34)),
    "grafana-token": ("GRAFANA_SA_TOKEN", lambda r: "glsa_" + rs(r, ALNUM, 32) + "_" + rs(r, HEX, 8)),
    "databricks-token": ("DATABRICKS_TOKEN", lambda r: "dapi" + rs(r, HEX, 32)),
    "linear-api-key": ("LINEAR_API_KEY", lambda r: "lin_api_" + rs(r, ALNUM, 40)),
}
VENDOR_CLASSES: frozenset[str] = frozenset(VENDOR_LAYOUTS)

# ---------------------------------------------------------------------------------------------- people

FIRST = [
    "Priya",
    "Mateusz",
    "Aoife",
    "Oluwaseun",
    "Santiago",
    "Ingrid",
    "Tomasz",
    "Yuki",
    "Fatima",
    "Henrik",
    "Lucia",
    "Dmitri",
    "Amara",
    "Rafael",
    "Siobhan",
    "Kwame",
    "Elif",
    "Marguerite",
    "Anand",
    "Camila",
    "Thandiwe",
    "Bartholomew",
    "Noor",
    "Leopold",
    "Ximena",
    "Dagny",
]
LAST = [
    "Raman",
    "Kowalczyk",
    "Gallagher",
    "Adeyemi",
    "Lindqvist",
    "Nakamura",
    "Haddad",
    "Johansson",
    "Ferreira",
    "Petrov",
    "Mensah",
    "Yilmaz",
    "Castillo",
    "Brennan",
    "Novak",
    "Osei",
    "Varga",
    "Moreau",
    "Whitfield",
    "Szabo",
    "Okonkwo",
    "Delacroix",
    "Halvorsen",
    "Quispe",
    "Abernathy",
    "Tanaka",
]
ORGS = [
    "northwind",
    "bluefin",
    "kestrel",
    "larchmont",
    "quillon",
    "tidewater",
    "ambercrest",
    "halcyon",
    "corvid",
    "meridian",
    "saltmarsh",
    "ironbark",
]
ORG_SUFFIX = ["-labs", "-health", "-logistics", "", "-pay", "hq"]
TLDS = [".io", ".com", ".dev", ".co.uk", ".de", ".net", ".app"]
PERSONAL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "icloud.com", "gmx.de"]
RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
WORDS = [
    "lilac",
    "mango",
    "harbor",
    "copper",
    "violet",
    "tundra",
    "basil",
    "orbit",
    "falcon",
    "juniper",
    "quartz",
    "ember",
    "sable",
    "willow",
]


def org_domain(r: random.Random) -> str:
    return r.choice(ORGS) + r.choice(ORG_SUFFIX) + r.choice(TLDS)


def person(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def email_for(r: random.Random, first: str, last: str, domain: str | None = None) -> str:
    dom = domain or (r.choice(PERSONAL_DOMAINS) if r.random() < 0.4 else org_domain(r))
    local = r.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{r.randint(7, 99)}", f"{first}_{last}"]
    )
    return f"{local.lower()}@{dom}"


def username(r: random.Random) -> str:
    first, last = person(r)
    return r.choice([f"{first[0]}{last}", f"{first}{last[0]}", f"{first}.{last}"]).lower()


# ---------------------------------------------------------------------------------------------- numbers


def luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


def card(r: random.Random) -> str:
    while True:
        kind = r.choice(["visa", "mc", "mc2", "amex"])
        if kind == "amex":
            partial = r.choice(["34", "37"]) + rs(r, DIGITS, 12)
        elif kind == "visa":
            partial = "4" + rs(r, DIGITS, 14)
        elif kind == "mc":
            partial = str(r.randint(51, 55)) + rs(r, DIGITS, 13)
        else:
            partial = str(r.randint(2221, 2720)) + rs(r, DIGITS, 11)
        number = partial + luhn_digit(partial)
        if len(set(number)) >= 6:  # processors' test numbers repeat few digits
            break
    style = r.choice(["compact", "space", "dash"])
    if style == "compact":
        return number
    sep = " " if style == "space" else "-"
    groups = (
        [number[0:4], number[4:10], number[10:]]
        if len(number) == 15
        else [number[i : i + 4] for i in range(0, 16, 4)]
    )
    return sep.join(groups)


def ssn(r: random.Random, dashed: bool = True) -> str:
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    value = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    return value if dashed else value.replace("-", "")


def ssn_ok(value: str) -> bool:
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", value)
    if not m:
        return False
    area, group, serial = (int(x) for x in m.groups())
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


IBAN_LAYOUTS: dict[str, Callable[[random.Random], str]] = {
    "DE": lambda r: rs(r, DIGITS, 18),
    "GB": lambda r: r.choice(["NWBK", "BARC", "HBUK", "LOYD", "MIDL"]) + rs(r, DIGITS, 14),
    "NL": lambda r: r.choice(["ABNA", "INGB", "RABO", "TRIO"]) + rs(r, DIGITS, 10),
    "FR": lambda r: rs(r, DIGITS, 23),
    "ES": lambda r: rs(r, DIGITS, 20),
    "AT": lambda r: rs(r, DIGITS, 16),
    "PL": lambda r: rs(r, DIGITS, 24),
    "CH": lambda r: rs(r, DIGITS, 17),
    "IT": lambda r: r.choice(UPPER) + rs(r, DIGITS, 22),
}


def iban_mod97(value: str) -> int:
    compact = value.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def iban(r: random.Random) -> str:
    country = r.choice(sorted(IBAN_LAYOUTS))
    bban = IBAN_LAYOUTS[country](r)
    check = 98 - iban_mod97(country + "00" + bban)
    compact = f"{country}{check:02d}{bban}"
    if r.random() < 0.5:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def phone(r: random.Random) -> str:
    kind = r.choice(["us", "us2", "uk", "de", "fr", "in", "au", "br", "jp"])

    def d(n: int) -> str:
        return rs(r, DIGITS, n)

    if kind in ("us", "us2"):
        while True:
            npa = str(r.randint(2, 9)) + d(2)
            nxx = str(r.randint(2, 9)) + d(2)
            if "555" not in (npa, nxx) and npa[1:] != "11" and nxx[1:] != "11":
                break
        return f"+1 ({npa}) {nxx}-{d(4)}" if kind == "us" else f"{npa}-{nxx}-{d(4)}"
    if kind == "uk":
        return f"+44 7{r.choice('45789')}{d(2)} {d(6)}"
    if kind == "de":
        return r.choice([f"+49 30 {d(8)}", f"+49 151 {d(8)}"])
    if kind == "fr":
        return "+33 " + r.choice("67") + " " + " ".join(d(2) for _ in range(4))
    if kind == "in":
        return f"+91 {r.choice('6789')}{d(4)} {d(5)}"
    if kind == "au":
        return f"+61 4{d(2)} {d(3)} {d(3)}"
    if kind == "br":
        return f"+55 11 9{d(4)}-{d(4)}"
    return f"+81 90-{d(4)}-{d(4)}"


def private_ip(r: random.Random) -> str:
    kind = r.choice(["10", "172", "192", "cgnat", "public"])
    host = r.randint(2, 250)
    if kind == "10":
        return f"10.{r.randint(1, 250)}.{r.randint(0, 250)}.{host}"
    if kind == "172":
        return f"172.{r.randint(16, 31)}.{r.randint(0, 250)}.{host}"
    if kind == "192":
        return f"192.168.{r.randint(2, 250)}.{host}"
    if kind == "cgnat":
        return f"100.{r.randint(64, 127)}.{r.randint(0, 250)}.{host}"
    return (
        f"{r.choice([34, 35, 52, 54, 13, 18, 20, 40, 104, 142, 151, 185, 212, 91, 46, 77, 89])}."
        f"{r.randint(1, 250)}.{r.randint(0, 250)}.{host}"
    )


def password(r: random.Random, url_safe: bool = False) -> str:
    if not url_safe and r.random() < 0.25:
        return f"{r.choice(WORDS)}.{r.choice(WORDS)}{r.randint(100, 999)}"
    symbols = "_-." if url_safe else "!#%*_-.+"
    while True:
        body = rs(r, ALNUM + symbols, r.randint(14, 22))
        if (
            any(c.isupper() for c in body)
            and any(c.islower() for c in body)
            and any(c.isdigit() for c in body)
            and body[0] not in "-+."
        ):
            return body


def jwt(r: random.Random) -> str:
    header = b64url(
        json.dumps({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")).encode()
    )
    iat = 1772000000 + r.randint(0, 9_000_000)
    claims = {
        "sub": str(r.randint(10_000, 99_999_999)),
        "iat": iat,
        "exp": iat + 3600,
        "scope": r.choice(["read:orders", "admin", "user"]),
        "jti": rs(r, HEX, 16),
    }
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{b64url(r.randbytes(32))}"


def ec_key_lines(r: random.Random, pkcs8: bool) -> tuple[str, list[str]]:
    """An EC P-256 key's DER laid out as PEM: the marker label and its body lines."""
    sec1 = (
        bytes.fromhex("30770201010420")
        + r.randbytes(32)
        + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
        + b"\x04"
        + r.randbytes(64)
    )
    if pkcs8:
        inner = (
            bytes.fromhex("306b0201010420")
            + sec1[7:39]
            + bytes.fromhex("a144034200")
            + b"\x04"
            + r.randbytes(64)
        )
        der = bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d") + inner
        label = "PRIVATE KEY"
    else:
        der, label = sec1, "EC PRIVATE KEY"
    text = b64(der)
    return label, [text[i : i + 64] for i in range(0, len(text), 64)]


def openssh_key_lines(r: random.Random) -> list[str]:
    def sshstr(b: bytes) -> bytes:
        return len(b).to_bytes(4, "big") + b

    pub = sshstr(b"ssh-ed25519") + sshstr(r.randbytes(32))
    check = r.randbytes(4)
    priv = check + check + pub + sshstr(r.randbytes(64)) + sshstr(b"deploy@build") + b"\x01\x02\x03"
    blob = (
        b"openssh-key-v1\x00"
        + sshstr(b"none")
        + sshstr(b"none")
        + sshstr(b"")
        + (1).to_bytes(4, "big")
        + sshstr(pub)
        + sshstr(priv)
    )
    text = b64(blob)
    return [text[i : i + 70] for i in range(0, len(text), 70)]


# ---------------------------------------------------------------------------------------------- building

_MARK = re.compile(r"<<<(\d+)>>>")

# What stands in a slot that holds no secret this time: a placeholder, a masked or documentation value.
ALTERNATIVES: dict[str, Callable[[random.Random], tuple[bool, str]]] = {
    "config-secret": lambda r: (True, r.choice(["${DB_PASSWORD}", "changeme", "<password>", "********"])),
    "cli-password": lambda r: (True, r.choice(["${MYSQL_PWD}", "********", "<password>"])),
    "connection-string": lambda r: (True, r.choice(["${DB_PASSWORD}", "changeme"])),
    "ip-address": lambda r: (
        True,
        r.choice(["192.0.2.", "198.51.100.", "203.0.113."]) + str(r.randint(2, 250)),
    ),
    "jwt": lambda r: (True, r.choice(["<jwt>", "${JWT}"])),
    "session-cookie": lambda r: (True, "deleted"),
    "authorization-header": lambda r: (True, r.choice(["${API_TOKEN}", "<token>"])),
    "url-query-credential": lambda r: (True, r.choice(["${REPORTS_TOKEN}", "<token>", "YOUR_TOKEN"])),
    "email-urlencoded": lambda r: (True, r.choice(["someone%40example.com", "test%40example.org"])),
    "ssn": lambda r: (True, "***-**-" + rs(r, DIGITS, 4)),
    "credit-card": lambda r: (True, "**** **** **** " + rs(r, DIGITS, 4)),
    "iban": lambda r: (True, "DE** **** **** **** **" + rs(r, DIGITS, 2) + " " + rs(r, DIGITS, 2)),
    "phone": lambda r: (False, "n/a"),
    "person-name": lambda r: (False, ""),
    "home-directory": lambda r: (False, "$USER"),
    "email": lambda r: (True, r.choice(["dev@example.com", "qa@example.org", "ops@example.net"])),
}


class Ctx:
    """One document's labels while its template writes it; markers stand for values until resolved.

    The first secret slot of a document always holds a secret; a later slot holds one with probability
    `density`, else a look-alike where its class has one (so documents carry one or two secrets, not six).
    """

    def __init__(self, r: random.Random, vendors: list[str], density: float) -> None:
        self.r = r
        self.vendors = vendors
        self.density = density
        self.values: list[tuple[str | None, str]] = []
        self.memo: dict[tuple[str, str], str] = {}
        self.real = 0

    def _mark(self, cls: str | None, value: str) -> str:
        self.values.append((cls, value))
        return f"<<<{len(self.values) - 1}>>>"

    def s(self, cls: str, value: str, always: bool = False) -> str:
        if (cls, value) in self.memo:
            return self.memo[cls, value]
        mark: str | None = None
        if not always and self.real and cls in ALTERNATIVES and self.r.random() >= self.density:
            is_keep, alt = ALTERNATIVES[cls](self.r)
            mark = self.k(alt) if is_keep else alt
        if mark is None:
            self.real += 1
            mark = self._mark(cls, value)
        self.memo[cls, value] = mark
        return mark

    def k(self, value: str) -> str:
        return self._mark(None, value)

    def vendor(self) -> tuple[str, str]:
        cls = self.vendors.pop(0)
        self.vendors.append(cls)
        env, make = VENDOR_LAYOUTS[cls]
        return env, self.s(cls, make(self.r), always=True)

    def ts(self) -> str:
        return (
            f"2026-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}T{self.r.randint(0, 23):02d}:"
            f"{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}Z"
        )

    def sha(self) -> str:
        return rs(self.r, HEX, 40)

    def pw(self, url_safe: bool = False) -> str:
        return password(self.r, url_safe)


# ---------------------------------------------------------------------------------------------- templates

Template = Callable[[Ctx], str]


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def t_gh_issue(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    conn = c.s("connection-string", c.pw(True))
    first, last = person(r)
    mail = c.s("email", email_for(r, first, last))
    host = f"db-{r.choice(['primary', 'main', 'orders'])}.{org_domain(r)}"
    body = (
        f"Steps to reproduce:\n1. export {env}={tok}\n2. run `make seed`\n\nFrom the worker log:\n"
        f"    DATABASE_URL=postgres://app:{conn}@{host}:5432/app\n\nReporter: {mail}"
    )
    number = r.randint(100, 4000)
    issue = {
        "url": f"https://api.github.com/repos/{r.choice(ORGS)}/api/issues/{number}",
        "number": number,
        "title": "Seeder fails against staging",
        "state": c.k("open"),
        "user": {"login": username(r)},
        "labels": [{"name": "bug"}],
        "created_at": c.k(c.ts()),
        "body": body,
    }
    return f"$ gh api repos/{r.choice(ORGS)}/api/issues/{number}\n{json.dumps(issue, indent=2)}\n"


def t_gh_review(c: Ctx) -> str:
    r = c.r
    key = c.s("config-secret", rs(r, LOWER + DIGITS + "!#%*-_+", 50))
    mail_pw = c.s("config-secret", c.pw())
    env, tok = c.vendor()
    hunk = f'@@ -10,6 +10,8 @@\n DEBUG = False\n+SECRET_KEY = "{key}"\n+EMAIL_HOST_PASSWORD = "{mail_pw}"'
    comments = [
        {
            "id": r.randint(10**8, 10**9),
            "path": "config/settings/production.py",
            "commit_id": c.k(c.sha()),
            "diff_hunk": hunk,
            "user": {"login": username(r)},
            "body": "These should come from the environment, not the settings module.",
            "created_at": c.k(c.ts()),
        },
        {
            "id": r.randint(10**8, 10**9),
            "path": ".env.ci",
            "diff_hunk": f"@@ -1,2 +1,3 @@\n+{env}={tok}",
            "body": "Same here, this one is live.",
            "user": {"login": username(r)},
        },
    ]
    dump = json.dumps(comments, indent=2)
    return f"$ gh api repos/{r.choice(ORGS)}/web/pulls/{r.randint(10, 900)}/comments\n{dump}\n"


def t_git_log(c: Ctx) -> str:
    r = c.r
    f1, l1 = person(r)
    name = c.s("person-name", f"{f1} {l1}", always=True)
    mail = c.s("email", email_for(r, f1, l1, org_domain(r)), always=True)
    return (
        f"$ git log -1\ncommit {c.k(c.sha())}\nAuthor: {name} <{mail}>\nDate:   Mon Mar 9 14:02:11 2026 +0100\n\n"
        f"    Rotate the exporter's service account\n\n    Refs: {c.k(uid(r))}\n"
    )


def t_jira_csv(c: Ctx) -> str:
    r = c.r
    extra = (c.s("phone", phone(r)), c.s("ssn", ssn(r)))
    rows = ["Issue key,Summary,Status,Assignee,Created,Description"]
    names = r.sample([f"{f} {l_}" for f in FIRST for l_ in LAST], 2)
    descs = [
        f'"Customer asked for a call back on {extra[0]}"',
        f'"Customer SSN {extra[1]} pasted in the ticket"',
    ]
    for i, name in enumerate(names):
        rows.append(
            f"{c.k(f'PAY-{r.randint(1000, 9999)}')},Payout issue {i + 1},In Progress,"
            f"{c.s('person-name', name)},{c.ts()},{descs[i]}"
        )
    return "$ cat jira-export-PAY.csv\n" + "\n".join(rows) + "\n"


def t_slack(c: Ctx) -> str:
    r = c.r
    account = c.s("iban", iban(r), always=True)
    env, tok = c.vendor()
    cell = c.s("phone", phone(r))
    msgs = [
        {
            "type": "message",
            "user": "U0" + rs(r, UPPER + DIGITS, 9),
            "ts": c.k(f"17{r.randint(10**7, 10**8 - 1)}.000100"),
            "text": f"temp {env.lower()} for the staging bot: {tok} (rotating monday)",
        },
        {
            "type": "message",
            "user": "U0" + rs(r, UPPER + DIGITS, 9),
            "ts": f"17{r.randint(10**7, 10**8 - 1)}.000200",
            "text": f"finance says wire the deposit to {account} by friday",
        },
        {
            "type": "message",
            "user": "U0" + rs(r, UPPER + DIGITS, 9),
            "ts": f"17{r.randint(10**7, 10**8 - 1)}.000300",
            "text": f"if the pager dies my cell is {cell}",
        },
    ]
    return f"$ jq '.' export/incident-{r.randint(100, 999)}/2026-03-14.json\n{json.dumps(msgs, indent=2)}\n"


def t_mbox(c: Ctx) -> str:
    r = c.r
    number = c.s("credit-card", card(r))
    f, l_ = person(r)
    name = c.s("person-name", f"{f} {l_}", always=True)
    addr = c.s("email", email_for(r, f, l_, org_domain(r)), always=True)
    return (
        f"$ sed -n '/^From:/,$p' support.mbox\nFrom: {name} <{addr}>\nTo: {c.k('billing@example.com')}\n"
        f"Subject: Re: duplicate charge\nDate: Sat, 14 Mar 2026 09:21:07 +0000\n\n"
        f"Hi, the card we used was {number}, charged twice on the 12th.\n\n-- \n{name}\n"
        f"Accounts Payable\nTel: {c.s('phone', phone(r))}\n"
    )


def t_support_chat(c: Ctx) -> str:
    r = c.r
    number = c.s("ssn", ssn(r))
    f, l_ = person(r)
    return (
        f"=== Chat transcript #{r.randint(10000, 99999)} ({c.k(c.ts())}) ===\n"
        f"Name: {c.s('person-name', f'{f} {l_}', always=True)}\n"
        f"Email: {c.s('email', email_for(r, f, l_), always=True)}\n"
        f"[09:21:07] Visitor: I was charged twice on card {c.s('credit-card', card(r))}\n"
        f"[09:21:40] Agent: sorry about that! To verify, what is your social security number?\n"
        f"[09:22:05] Visitor: {number}\n[09:22:31] Agent: thanks, refund issued.\n"
    )


def t_sentry(c: Ctx) -> str:
    r = c.r
    query = c.s("url-query-credential", rs(r, B64URL, 40))
    auth = c.s("authorization-header", rs(r, B64URL, 44))
    cookie = c.s("session-cookie", rs(r, LOWER + DIGITS, 32))
    home = c.s("home-directory", username(r))
    dom = org_domain(r)
    event = {
        "event_id": c.k(rs(r, HEX, 32)),
        "release": c.k(f"web@{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}"),
        "timestamp": c.k(c.ts()),
        "level": "error",
        "user": {
            "id": str(r.randint(1000, 99999)),
            "email": c.s("email", email_for(r, *person(r))),
            "ip_address": c.s("ip-address", private_ip(r)),
        },
        "request": {
            "url": f"https://api.{dom}/v1/orders/export?{c.k('page=2')}&access_token={query}",
            "headers": [
                ["Authorization", f"{c.k('Bearer')} {auth}"],
                ["Cookie", f"{c.k('theme=dark')}; sessionid={cookie}"],
            ],
        },
        "exception": {
            "values": [
                {
                    "type": "KeyError",
                    "stacktrace": {
                        "frames": [
                            {"abs_path": f"/home/{home}/app/src/handlers/export.py", "lineno": 88},
                            {"abs_path": c.k("/usr/lib/python3.11/json/decoder.py"), "lineno": 353},
                        ]
                    },
                }
            ]
        },
    }
    return f"$ sentry-cli events get --json {r.randint(1000, 9999)}\n{json.dumps(event, indent=2)}\n"


def t_coredump(c: Ctx) -> str:
    r = c.r
    pw = c.s("cli-password", c.pw())
    user = c.s("home-directory", username(r))
    return (
        f"$ coredumpctl info {r.randint(1000, 65000)}\n           PID: 4312 (python3)\n"
        f"           UID: 1000 ({user})\n        Signal: 11 (SEGV)\n"
        f"     Timestamp: Sat 2026-03-14 09:21:07 UTC\n"
        f"  Command Line: /home/{user}/.venv/bin/python3 worker.py --db-password={pw} --queue=high\n"
        f"    Executable: {c.k('/usr/bin/python3.11')}\n"
        f"       Storage: /var/lib/systemd/coredump/core.python3.1000.{c.k(rs(r, HEX, 32))}.4312.zst\n"
    )


def t_crashlytics(c: Ctx) -> str:
    r = c.r
    token = c.s("jwt", jwt(r))
    user = c.s("home-directory", username(r))
    return (
        f"Incident Identifier: {c.k(uid(r).upper())}\n"
        f"Hardware Model:      iPhone15,3\nProcess:             Acme [{r.randint(100, 9999)}]\n"
        f"Path:                /Users/{user}/Library/Developer/CoreSimulator/Devices/"
        f"{uid(r).upper()}/data/Containers/Bundle/Application/Acme.app/Acme\n"
        f"Version:             {c.k('4.12.0 (4120)')}\nException Type:  EXC_CRASH (SIGABRT)\n"
        f"Crashlytics custom keys:\n  last_login_email = {c.s('email', email_for(r, *person(r)))}\n"
        f"  bearer = {token}\n"
    )


def t_postman(c: Ctx) -> str:
    r = c.r
    dom = org_domain(r)
    env, tok = c.vendor()
    coll = {
        "info": {
            "_postman_id": c.k(uid(r)),
            "name": "Orders API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {
                "name": "List users",
                "request": {
                    "method": "GET",
                    "header": [
                        {
                            "key": "Authorization",
                            "value": f"Bearer {c.s('authorization-header', rs(r, B64URL, 48))}",
                        }
                    ],
                    "url": {
                        "raw": f"https://api.{dom}/v2/users?{c.k('limit=50')}&api_key="
                        f"{c.s('url-query-credential', rs(r, HEX, 32))}"
                    },
                },
            }
        ],
        "variable": [{"key": env.lower(), "value": tok}, {"key": "baseUrl", "value": f"https://api.{dom}"}],
    }
    return f"$ cat Orders.postman_collection.json\n{json.dumps(coll, indent=2)}\n"


def t_insomnia(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    export = {
        "_type": "export",
        "__export_format": 4,
        "resources": [
            {
                "_id": "env_" + rs(r, HEX, 32),
                "_type": c.k("environment"),
                "name": "Production",
                "data": {
                    "base_url": f"https://api.{org_domain(r)}",
                    env.lower(): tok,
                    "password": c.s("config-secret", c.pw()),
                },
            }
        ],
    }
    return f"$ cat insomnia-export.json\n{json.dumps(export, indent=2)}\n"


def t_openapi(c: Ctx) -> str:
    return (
        "$ sed -n '1,40p' openapi.yaml\nopenapi: 3.1.0\ninfo:\n  title: Orders\n  version: "
        f"{c.k('2.3.1')}\ncomponents:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n"
        f"  examples:\n    Customer:\n      value:\n        email: {c.k('jane@example.com')}\n"
        f"        ip: {c.k('192.0.2.10')}\n    SessionToken:\n      summary: token captured from staging\n"
        f"      value: {c.s('jwt', jwt(c.r))}\n    ApiKeyHeader:\n      value: {c.k('<your-api-key>')}\n"
    )


def t_http_file(c: Ctx) -> str:
    r = c.r
    dom = org_domain(r)
    basic = c.s("authorization-header", b64(f"svc-orders:{c.pw()}".encode()))
    return (
        f"@token = {c.s('jwt', jwt(r))}\n\n### Create order\nPOST https://api.{dom}/orders\n"
        f"Authorization: {c.k('Basic')} {basic}\nContent-Type: application/json\n"
        f'Cookie: _session_id={c.s("session-cookie", rs(r, HEX, 32))}\n\n{{"sku": "A-100", "qty": 2}}\n\n'
        f"### Me\nGET https://api.{dom}/me\nAuthorization: Bearer {c.k('{{token}}')}\n"
    )


def t_nginx(c: Ctx) -> str:
    r = c.r
    enc = c.s("email-urlencoded", email_for(r, *person(r)).replace("@", "%40"), always=True)
    basic = b64(f"metrics:{c.pw()}".encode())
    return (
        f"$ sudo nginx -T 2>/dev/null | sed -n '1,30p'\nupstream backend {{\n"
        f"    server {c.s('ip-address', private_ip(r))}:8080;\n}}\nserver {{\n    listen 443 ssl;\n"
        f"    allow {c.k('192.0.2.0/24')};\n    location /metrics {{\n"
        f'        proxy_set_header Authorization "Basic {c.s("authorization-header", basic, always=True)}";\n'
        f"        proxy_pass http://{c.k('127.0.0.1')}:9100;\n    }}\n}}\n"
        f"$ tail -1 /var/log/nginx/access.log\n{c.s('ip-address', private_ip(r))} - - [14/Mar/2026:09:21:07 +0000] "
        f'"GET /api/v1/password-reset?email={enc}&{c.k("lang=en")} HTTP/1.1" 302 0\n'
    )


def t_apache(c: Ctx) -> str:
    r = c.r
    backend = c.s("ip-address", private_ip(r))
    pw = c.s("config-secret", c.pw())
    f, l_ = person(r)
    return (
        f"$ cat /etc/apache2/sites-enabled/billing.conf\n<VirtualHost *:443>\n"
        f"    ServerName billing.{org_domain(r)}\n    ServerAdmin {c.s('email', email_for(r, f, l_, org_domain(r)))}\n"
        f"    SetEnv DB_PASSWORD {pw}\n"
        f"    ProxyPass /api http://{backend}:8080/\n"
        f"    CustomLog {c.k('/var/log/apache2/billing_access.log')} combined\n</VirtualHost>\n"
    )


def t_caddy(c: Ctx) -> str:
    r = c.r
    _env, tok = c.vendor()
    return (
        f"$ cat Caddyfile\nshop.{org_domain(r)} {{\n    reverse_proxy {c.s('ip-address', private_ip(r))}:3000\n"
        f"    header_up X-Api-Key {{env.SHOP_KEY}}\n    log {{\n        output file {c.k('/var/log/caddy/shop.log')}\n"
        f"    }}\n}}\n$ cat /etc/caddy/env\nSHOP_KEY={tok}\n"
    )


def t_systemd(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    conn = c.s("connection-string", c.pw(True))
    return (
        f"$ systemctl cat orders-worker.service\n# /etc/systemd/system/orders-worker.service\n[Unit]\n"
        f"Description=Orders worker\nAfter=network-online.target\n\n[Service]\nUser=orders\n"
        f"Environment=DATABASE_URL=postgresql://orders:{conn}@pg-main.internal:5432/orders\n"
        f"Environment={env}={tok}\n"
        f"ExecStart=/home/{c.s('home-directory', username(r))}/venvs/orders/bin/python -m worker\n"
        f"{c.k('Restart=on-failure')}\n\n[Install]\nWantedBy=multi-user.target\n"
    )


def t_supervisord(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    user = c.s("home-directory", username(r))
    return (
        f"$ cat /etc/supervisor/conf.d/celery.conf\n[program:celery]\n"
        f"command=/home/{user}/app/.venv/bin/celery -A app worker -l info\n"
        f'environment=REDIS_PASSWORD="{c.s("config-secret", c.pw())}",{env}="{tok}"\n'
        f"autorestart=true\nstdout_logfile={c.k('/var/log/supervisor/celery.out.log')}\n"
    )


def t_powershell(c: Ctx) -> str:
    r = c.r
    user = c.s("home-directory", username(r), always=True)
    dom = org_domain(r)
    return (
        f"PS C:\\Users\\{user}\\source\\repos\\Api> "
        f'$env:ConnectionStrings__Default = "Server=sql01.{dom};Database=Orders;User Id=api;'
        f'Password={c.s("connection-string", c.pw(True), always=True)};"\n'
        f"PS C:\\Users\\{user}\\source\\repos\\Api> Invoke-RestMethod -Uri "
        f'https://api.{dom}/health -Headers @{{ Authorization = "Bearer '
        f'{c.s("authorization-header", rs(r, B64URL, 40))}" }}\n\n'
        f"status  version\n------  -------\nok      {c.k('3.8.2')}\n"
    )


def t_registry(c: Ctx) -> str:
    r = c.r
    _env, tok = c.vendor()
    return (
        f"PS> reg export HKCU\\Software\\Acme\\Sync sync.reg; Get-Content sync.reg\n"
        f"Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Acme\\Sync]\n"
        f'"ServerUrl"="https://sync.{org_domain(r)}/api"\n"ApiKey"="{tok}"\n'
        f'"ProxyPassword"="{c.s("config-secret", c.pw())}"\n'
        f'"InstallDir"="C:\\\\Users\\\\{c.s("home-directory", username(r))}\\\\AppData\\\\Local\\\\Acme"\n'
        f'"Version"="{c.k("4.2.1")}"\n'
    )


def t_appsettings(c: Ctx) -> str:
    r = c.r
    _env, tok = c.vendor()
    settings = {
        "Logging": {"LogLevel": {"Default": "Information"}},
        "ConnectionStrings": {
            "Default": f"Server=tcp:sql-{r.choice(ORGS)}.database.windows.net,1433;"
            f"Initial Catalog=orders;User ID=api;Password={c.s('connection-string', c.pw(True))};"
        },
        "Smtp": {"Host": "smtp.sendgrid.net", "User": "apikey", "Password": c.s("config-secret", c.pw())},
        "Vendor": {"ApiKey": tok},
        "ApplicationInsights": {"InstrumentationKey": c.k(uid(r))},
    }
    return f"$ cat src/Api/appsettings.Production.json\n{json.dumps(settings, indent=2)}\n"


def t_webconfig(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    return (
        f'$ type Web.config\n<configuration>\n  <connectionStrings>\n    <add name="Main" connectionString="'
        f"Data Source=sql02;Initial Catalog=Shop;User Id=shop;"
        f'Password={c.s("connection-string", c.pw(True), always=True)}" />\n'
        f'  </connectionStrings>\n  <appSettings>\n    <add key="{env}" value="{tok}" />\n'
        f'    <add key="ClientValidationEnabled" value="{c.k("true")}" />\n  </appSettings>\n'
        f'  <system.web>\n    <machineKey validationKey="{c.s("config-secret", rs(r, "0123456789ABCDEF", 128))}" '
        f'validation="HMACSHA256" />\n  </system.web>\n</configuration>\n'
    )


def t_user_secrets(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    return (
        f"$ dotnet user-secrets list\nJwt:SigningKey = {c.s('config-secret', b64(r.randbytes(48)))}\n"
        f"Authentication:Google:ClientSecret = {c.s('config-secret', 'GOCSPX-' + rs(r, B64URL, 28))}\n"
        f"Vendor:{env} = {tok}\nFeatureFlags:NewCheckout = {c.k('true')}\n"
    )


def t_keychain(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    env2, tok2 = c.vendor()
    return (
        f'$ security find-generic-password -a deploy -s "acme-{env.lower()}" -w\n{tok}\n'
        f"$ security find-internet-password -s api.{org_domain(r)} -w\n{tok2}\n"
        f"$ security find-generic-password -a deploy -s acme-db -w\n{c.s('config-secret', c.pw())}\n"
        f'$ defaults read com.acme.desktop\n{{\n    LastLoginEmail = "{c.s("email", email_for(r, *person(r)))}";\n'
        f'    WindowFrame = "{c.k("{{120, 80}, {1280, 800}}")}";\n}}\n# {env2}\n'
    )


def t_launchd(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    return (
        f'$ plutil -p ~/Library/LaunchAgents/com.acme.sync.plist\n{{\n  "Label" => "com.acme.sync"\n'
        f'  "ProgramArguments" => [\n    0 => "/Users/{c.s("home-directory", username(r))}/bin/sync.sh"\n  ]\n'
        f'  "EnvironmentVariables" => {{\n    "{env}" => "{tok}"\n'
        f'    "PATH" => "{c.k("/usr/local/bin:/usr/bin:/bin")}"\n  }}\n  "StartInterval" => 900\n}}\n'
    )


def t_docker_inspect(c: Ctx) -> str:
    r = c.r
    env, tok = c.vendor()
    info = [
        {
            "Id": c.k(rs(r, HEX, 64)),
            "Image": c.k("sha256:" + rs(r, HEX, 64)),
            "Config": {
                "Env": [
                    f"POSTGRES_PASSWORD={c.s('config-secret', c.pw())}",
                    f"{env}={tok}",
                    c.k("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                ]
            },
            "NetworkSettings": {"IPAddress": c.s("ip-address", private_ip(r)), "IPPrefixLen": 16},
        }
    ]
    return f"$ docker inspect orders-db\n{json.dumps(info, indent=4)}\n"


def t_compose(c: Ctx) -> str:
    env, tok = c.vendor()
    return (
        f"$ docker compose config\nname: shop\nservices:\n  app:\n    environment:\n"
        f"      DATABASE_URL: mysql://shop:{c.s('connection-string', c.pw(True))}@db:3306/shop\n"
        f"      OPENAI_API_KEY: {c.k('${OPENAI_API_KEY:?must be set}')}\n      {env}: {tok}\n"
        f"    image: {c.k('ghcr.io/acme/shop:1.14.2')}\n  db:\n    environment:\n"
        f"      MYSQL_ROOT_PASSWORD: {c.s('config-secret', c.pw())}\n    image: {c.k('mysql:8.4.0')}\n"
    )


def t_k8s_secret(c: Ctx) -> str:
    r = c.r
    a = b64(c.pw().encode())
    b = b64(rs(r, ALNUM, 32).encode())
    return (
        f"$ kubectl get secret orders-db -n payments -o yaml\napiVersion: v1\ndata:\n"
        f"  {c.k('DB_PASSWORD:')} {c.s('k8s-secret-data', a)}\n  API_KEY: {c.s('k8s-secret-data', b)}\n"
        f'kind: Secret\nmetadata:\n  creationTimestamp: "{c.k(c.ts())}"\n  name: orders-db\n'
        f"  namespace: payments\n  uid: {c.k(uid(r))}\ntype: Opaque\n"
    )


def t_helm(c: Ctx) -> str:
    env, tok = c.vendor()
    return (
        f"$ helm get values orders -n payments\nUSER-SUPPLIED VALUES:\nimage:\n  tag: {c.k('2.7.1')}\n"
        f"postgresql:\n  auth:\n    password: {c.s('config-secret', c.pw())}\n    username: orders\n"
        f"extraEnv:\n  {env}: {tok}\n"
    )


def t_kubectl_describe(c: Ctx) -> str:
    r = c.r
    ref = "<set to the key 'api-key' in secret 'orders'>"
    return (
        f"$ kubectl describe pod orders-7d9f8b-x2x4q\nName:         orders-7d9f8b-x2x4q\nNamespace:    payments\n"
        f"Node:         worker-3/{c.s('ip-address', private_ip(r))}\nStart Time:   Sat, 14 Mar 2026 09:21:07 +0000\n"
        f"IP:           {c.s('ip-address', private_ip(r))}\nContainers:\n  app:\n"
        f"    Image:   {c.k('ghcr.io/acme/orders:2.7.1')}\n    Environment:\n"
        f"      API_KEY:  {c.k(ref)}  Optional: false\n"
        f"      DB_PASSWORD: {c.s('config-secret', c.pw())}\n"
    )


def t_csv_people(c: Ctx) -> str:
    r = c.r
    number = c.s("ssn", ssn(r), always=True)
    f, l_ = person(r)
    row = f"{c.s('person-name', f)},{c.s('person-name', l_)},{c.k(c.ts())},{number}"
    return f"$ head -2 exports/customers-2026-03.csv\nfirst_name,last_name,signed_up,ssn\n{row}\n"


def t_tsv_payouts(c: Ctx) -> str:
    r = c.r
    account = c.s("iban", iban(r), always=True)
    f, l_ = person(r)
    return (
        f"$ head -2 payouts.tsv\npayee_name\tiban\tamount\tcurrency\tcreated_at\n"
        f"{c.s('person-name', f'{f} {l_}')}\t{account}\t{r.randint(100, 9000)}.00\tEUR\t{c.k(c.ts())}\n"
    )


def t_psql(c: Ctx) -> str:
    r = c.r
    number = c.s("credit-card", card(r), always=True)
    f, l_ = person(r)
    return (
        f"$ PGPASSWORD={c.s('cli-password', c.pw())} psql -h pg-replica.internal -U analyst shop\n"
        f"shop=> select id, full_name, card_number from customers limit 1;\n"
        f" id | full_name | card_number\n----+-----------+------------\n"
        f" {r.randint(1, 9999)} | {c.s('person-name', f'{f} {l_}')} | {number}\n(1 row)\n"
    )


def t_mysql(c: Ctx) -> str:
    r = c.r
    pw = c.s("cli-password", c.pw())
    f, l_ = person(r)
    return (
        f"$ mysql -h db1.{org_domain(r)} -u admin -p{pw} crm\n"
        f"mysql> INSERT INTO customers (first_name, last_name, ssn, iban) VALUES ('{c.s('person-name', f)}', "
        f"'{c.s('person-name', l_)}', '{c.s('ssn', ssn(r))}', '{c.s('iban', iban(r))}');\n"
        f"Query OK, 1 row affected (0.01 sec)\n"
    )


def t_dbeaver(c: Ctx) -> str:
    r = c.r
    tel = c.s("phone", phone(r), always=True)
    f, l_ = person(r)
    row = {
        "id": r.randint(1, 9999),
        "full_name": c.s("person-name", f"{f} {l_}"),
        "phone": tel,
        "updated_at": c.k(c.ts()),
    }
    dump = json.dumps({"select * from customers": [row]}, indent="\t")
    return f"$ cat export_customers_202603141021.json\n{dump}\n"


def t_dotenv(c: Ctx) -> str:
    e1, t1 = c.vendor()
    e2, t2 = c.vendor()
    e3, t3 = c.vendor()
    return (
        f"$ cat .env.production\n{e1}={t1}\n{e2}={t2}\n{e3}={t3}\n"
        f"SESSION_SECRET={c.s('config-secret', rs(c.r, B64URL, 48))}\n"
        f"REDIS_URL=redis://:{c.s('connection-string', c.pw(True))}@cache.internal:6379/0\n"
        f"OPENAI_API_KEY={c.k('${OPENAI_API_KEY:?must be set}')}\n{c.k('LOG_LEVEL=info')}\n"
    )


def t_sa_key(c: Ctx) -> str:
    """jq shows the key file without its private key: the id alone is still the key's."""
    r = c.r
    kid = c.s("service-account-key-id", rs(r, HEX, 40))
    proj = f"{r.choice(ORGS)}-prod-{r.randint(100, 999)}"
    key = {
        "type": "service_account",
        "project_id": proj,
        "private_key_id": kid,
        "client_id": str(r.randint(10**20, 10**21)),
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    dump = json.dumps(key, indent=2)
    return f"$ jq 'del(.private_key)' exporter-key.json\n{dump}\n$ git log -1 --format=%H\n{c.k(c.sha())}\n"


def t_sa_pem(c: Ctx) -> str:
    r = c.r
    kid = c.s("service-account-key-id", rs(r, HEX, 40))
    label, lines = ec_key_lines(r, True)
    body = "\\n".join(c.s("private-key", line) for line in lines)
    return (
        f'$ grep -E \'private_key\' exporter-key.json\n  "private_key_id": "{kid}",\n'
        f'  "private_key": "-----BEGIN {label}-----\\n{body}\\n-----END {label}-----\\n",\n'
    )


def t_sa_list(c: Ctx) -> str:
    r = c.r
    proj = f"{r.choice(ORGS)}-prod-{r.randint(100, 999)}"
    k1 = c.s("service-account-key-id", rs(r, HEX, 40))
    return (
        f"$ gcloud iam service-accounts keys create key.json --iam-account=exporter@{proj}.iam.gserviceaccount.com\n"
        f"created key [{k1}] of type [json] as [key.json]\n"
        f"$ gcloud iam service-accounts keys list --iam-account=exporter@{proj}.iam.gserviceaccount.com\n"
        f"KEY_ID                                    CREATED_AT            EXPIRES_AT\n"
        f"{k1}  2026-03-14T09:21:07Z  9999-12-31T23:59:59Z\n"
        f"$ git rev-parse HEAD\n{c.k(c.sha())}\n"
    )


def t_pem(c: Ctx) -> str:
    r = c.r
    if r.random() < 0.3:
        return t_sa_pem(c)
    if r.random() < 0.7:
        label, lines = ec_key_lines(r, False)
        path = "deploy/tls/server.key"
    else:
        label, lines = "OPENSSH PRIVATE KEY", openssh_key_lines(r)
        path = "ci/deploy_key"
    body = "\n".join(c.s("private-key", line) for line in lines)
    return (
        f"$ cat {path}\n-----BEGIN {label}-----\n{body}\n-----END {label}-----\n"
        f"$ sha256sum {path}\n{c.k(rs(r, HEX, 64))}  {path}\n"
    )


def t_cli_passwords(c: Ctx) -> str:
    r = c.r
    dom = org_domain(r)
    return (
        f"+ docker login --username ci --password={c.s('cli-password', c.pw())} registry.{dom}\n"
        f"Login Succeeded\n+ mysqldump -uroot -p{c.s('cli-password', c.pw())} --single-transaction shop > shop.sql\n"
        f"+ PGPASSWORD={c.s('cli-password', c.pw())} pg_dump -h pg.internal -U app app > app.sql\n"
        f"+ echo done at {c.k(c.ts())}\n"
    )


def t_curl_query(c: Ctx) -> str:
    r = c.r
    dom = org_domain(r)
    sig = b64(r.randbytes(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return (
        f'$ curl -s "https://reports.{dom}/v2/export?token={c.s("url-query-credential", rs(r, ALNUM, 36))}'
        f'&{c.k("format=csv")}&notify={c.s("email-urlencoded", email_for(r, *person(r)).replace("@", "%40"))}"'
        " -o march.csv\n"
        f'$ azcopy copy march.csv "https://{r.choice(ORGS)}reports.blob.core.windows.net/exports/march.csv?'
        f'{c.k("sv=2022-11-02")}&ss=b&srt=o&sp=rw&se=2026-04-01T00:00:00Z&sig={c.s("url-query-credential", sig)}"\n'
        f"INFO: 100.0 %, 1 Done, 0 Failed\n"
    )


def t_set_cookie(c: Ctx) -> str:
    r = c.r
    rails = b64(r.randbytes(60)).rstrip("=") + "--" + rs(r, HEX, 40)
    enc = email_for(r, *person(r)).replace("@", "%40")
    return (
        f"$ curl -si https://app.{org_domain(r)}/login -d @creds.json | head -8\nHTTP/2 200\n"
        f"content-type: text/html; charset=utf-8\n"
        f"set-cookie: _shop_session={c.s('session-cookie', rails)}; {c.k('path=/; secure; HttpOnly; SameSite=Lax')}\n"
        f"set-cookie: PHPSESSID={c.s('session-cookie', rs(r, LOWER + DIGITS, 26))}; {c.k('Path=/; HttpOnly')}\n"
        f"set-cookie: {c.k('_ga=GA1.1.' + str(r.randint(10**8, 10**9)) + '.1710409267')}; Max-Age=63072000; Path=/\n"
        f"location: /account?{c.k('welcome=1')}&u={c.s('email-urlencoded', enc, always=True)}\n"
        f"x-request-id: {c.k(uid(r))}\n"
    )


def t_ssn_record(c: Ctx) -> str:
    r = c.r
    number = c.s("ssn", ssn(r, dashed=r.random() < 0.5), always=True)
    f, l_ = person(r)
    rec = {
        "applicant": {
            "first_name": c.s("person-name", f),
            "last_name": c.s("person-name", l_),
            "ssn": number,
            "dob_verified": True,
        },
        "submitted_at": c.k(c.ts()),
        "request_id": c.k(uid(r)),
    }
    return f"$ http GET :8000/api/applications/{r.randint(100, 999)}\nHTTP/1.1 200 OK\n\n{json.dumps(rec, indent=4)}\n"


def t_code(c: Ctx) -> str:
    env, tok = c.vendor()
    env2, tok2 = c.vendor()
    secret = c.s("config-secret", rs(c.r, B64URL, 40))
    return (
        f"$ git diff --cached src/clients/billing.py | grep '^+'\n"
        f'+client = BillingClient(api_secret="{secret}")\n'
        f'+fallback_{env.lower()} = "{tok}"\n+{env2} = "{tok2}"\n+{c.k("def rotate_credentials(self) -> None:")}\n'
    )


# look-alike only


def l_readme(c: Ctx) -> str:
    r = c.r
    aws_doc = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    version = f"v{r.randint(1, 4)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
    return (
        f"$ sed -n '20,34p' README.md\n## Configuration\n\n```sh\n"
        f"export OPENAI_API_KEY={c.k('${OPENAI_API_KEY:?must be set}')}\n"
        f"export STRIPE_SECRET_KEY={c.k('<your-stripe-key>')}\nexport GITHUB_TOKEN={c.k('ghp_' + 'x' * 36)}\n"
        f"export AWS_ACCESS_KEY_ID={c.k(aws_doc)}\nexport DB_PASSWORD={c.k('changeme')}\n```\n\n"
        f"Questions go to {c.k('support@example.org')}; the staging API listens on {c.k('198.51.100.23')}.\n"
        f"Pinned to commit {c.k(c.sha())} (release {c.k(version)}).\n"
    )


def l_gitlog(c: Ctx) -> str:
    lines = [
        f"{c.k(rs(c.r, HEX, 7))} {msg}"
        for msg in [
            "Bump cryptography to 44.0.1",
            "Read the token from the environment",
            "Fix password reset copy",
        ]
    ]
    return (
        "$ git log --oneline -3\n"
        + "\n".join(lines)
        + f"\n$ ls {c.k('/usr/local/lib/python3.11/site-packages')}"
        f" | head -1\naiohttp\n$ date -u\n{c.k('2026-03-14T09:21:07Z')}\n"
    )


def l_k8s_describe_secret(c: Ctx) -> str:
    return (
        f"$ kubectl describe secret orders-db\nName:         orders-db\nType:  Opaque\n\nData\n====\n"
        f"{c.k('DB_PASSWORD:  24 bytes')}\nAPI_KEY:      32 bytes\n$ docker images --digests | head -2\n"
        f"REPOSITORY   TAG     DIGEST\npostgres     16.2    {c.k('sha256:' + rs(c.r, HEX, 64))}\n"
    )


def l_code(c: Ctx) -> str:
    return (
        f"$ sed -n '1,12p' src/db.py\n{c.k('def connect(password: str) -> Connection:')}\n"
        f"    {c.k('return psycopg.connect(host=HOST, password=password)')}\n\n"
        f"{c.k('token = os.environ[' + chr(34) + 'API_TOKEN' + chr(34) + ']')}\n"
        f"{c.k('session_id = uuid.uuid4()')}  # anonymous: {c.k(uid(c.r))}\n"
    )


def l_network(c: Ctx) -> str:
    return (
        f"$ ip route\ndefault via {c.k('192.0.2.1')} dev eth0\n{c.k('10.0.0.0/8')} via 192.0.2.254 dev eth0\n"
        f"$ cat /etc/resolv.conf\nnameserver {c.k('8.8.8.8')}\nnameserver {c.k('1.1.1.1')}\n"
        f"$ ss -ltn | head -3\nLISTEN 0 4096 {c.k('127.0.0.1')}:5432 {c.k('0.0.0.0')}:*\n"
        f"netmask {c.k('255.255.255.0')}\n"
    )


TEMPLATES: dict[str, tuple[str, Template]] = {
    "gh-issue": ("issue tracker", t_gh_issue),
    "gh-review": ("code review", t_gh_review),
    "git-log": ("code review", t_git_log),
    "jira-csv": ("issue tracker", t_jira_csv),
    "slack": ("team chat", t_slack),
    "mbox": ("mail", t_mbox),
    "support-chat": ("support chat", t_support_chat),
    "sentry": ("crash reporter", t_sentry),
    "coredump": ("crash reporter", t_coredump),
    "crashlytics": ("crash reporter", t_crashlytics),
    "postman": ("api tooling", t_postman),
    "insomnia": ("api tooling", t_insomnia),
    "openapi": ("api tooling", t_openapi),
    "http-file": ("api tooling", t_http_file),
    "nginx": ("service config", t_nginx),
    "apache": ("service config", t_apache),
    "caddy": ("service config", t_caddy),
    "systemd": ("service config", t_systemd),
    "supervisord": ("service config", t_supervisord),
    "powershell": ("windows", t_powershell),
    "registry": ("windows", t_registry),
    "appsettings": ("windows", t_appsettings),
    "web-config": ("windows", t_webconfig),
    "user-secrets": ("windows", t_user_secrets),
    "keychain": ("macos", t_keychain),
    "launchd": ("macos", t_launchd),
    "docker-inspect": ("containers", t_docker_inspect),
    "compose": ("containers", t_compose),
    "k8s-secret": ("containers", t_k8s_secret),
    "helm": ("containers", t_helm),
    "kubectl-describe": ("containers", t_kubectl_describe),
    "csv-people": ("spreadsheet", t_csv_people),
    "tsv-payouts": ("spreadsheet", t_tsv_payouts),
    "psql": ("sql console", t_psql),
    "mysql": ("sql console", t_mysql),
    "dbeaver": ("database gui", t_dbeaver),
    "dotenv": ("config", t_dotenv),
    "sa-key": ("cloud", t_sa_key),
    "sa-list": ("cloud", t_sa_list),
    "pem": ("config", t_pem),
    "cli-passwords": ("ci", t_cli_passwords),
    "curl-query": ("api tooling", t_curl_query),
    "set-cookie": ("api tooling", t_set_cookie),
    "ssn-record": ("api tooling", t_ssn_record),
    "code": ("code review", t_code),
}
TWICE = ("dotenv", "code", "keychain")
LOOKALIKES: dict[str, tuple[str, Template]] = {
    "readme": ("docs", l_readme),
    "gitlog": ("code review", l_gitlog),
    "k8s-describe-secret": ("containers", l_k8s_describe_secret),
    "code": ("code", l_code),
    "network": ("service config", l_network),
}

# ---------------------------------------------------------------------------------------------- delivery

DELIVERIES = ("plain", "json", "diff", "numbered", "ci", "fence")
_ESC = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _esc(ch: str) -> str:
    if ch in _ESC:
        return _ESC[ch]
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x20 else ch


def deliver(raw: str, delivery: str, r: random.Random) -> tuple[str, list[int]]:
    """The delivered text and, for each raw position (and the end), where it landed."""
    out: list[str] = []
    pos: list[int] = []
    n = 0

    def emit(s: str) -> None:
        nonlocal n
        out.append(s)
        n += len(s)

    body = raw[:-1] if raw.endswith("\n") else raw
    if delivery == "json":
        kind = r.choice(["claude", "codex"])
        if kind == "claude":
            emit(
                '{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_'
                + rs(r, ALNUM, 24)
                + '","content":"'
            )
        else:
            emit('{"type":"function_call_output","call_id":"call_' + rs(r, ALNUM, 24) + '","output":"')
        for ch in raw:
            pos.append(n)
            emit(_esc(ch))
        pos.append(n)
        emit('"}]}}\n' if kind == "claude" else '"}\n')
        return "".join(out), pos
    if delivery == "plain":
        return raw, list(range(len(raw) + 1))
    if delivery == "fence":
        emit("Here is what it printed:\n\n```text\n")
        for ch in raw:
            pos.append(n)
            emit(ch)
        pos.append(n)
        emit("" if raw.endswith("\n") else "\n")
        emit("```\n")
        return "".join(out), pos
    if delivery == "diff":
        count = body.count("\n") + 1
        emit(
            f"diff --git a/notes/capture.txt b/notes/capture.txt\nnew file mode 100644\n"
            f"index 0000000..{rs(r, HEX, 7)}\n"
            f"--- /dev/null\n+++ b/notes/capture.txt\n@@ -0,0 +1,{count} @@\n"
        )
    line = r.randint(1, 300) if delivery == "numbered" else 0
    second = r.randint(0, 3000)
    start = True
    for i, ch in enumerate(raw):
        if start and i < len(body):
            if delivery == "diff":
                emit("+")
            elif delivery == "numbered":
                emit(f"{line:>6}\u2192")
                line += 1
            else:
                second += r.randint(0, 2)
                emit(
                    f"2026-03-14T{9 + second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}."
                    f"{r.randint(0, 9999999):07d}Z "
                )
            start = False
        pos.append(n)
        emit(ch)
        if ch == "\n":
            start = True
    pos.append(n)
    return "".join(out), pos


# ---------------------------------------------------------------------------------------------- corpus


class _Retry(Exception):
    pass


def _make(
    name: str,
    setting: str,
    template: Template,
    delivery: str,
    r: random.Random,
    vendors: list[str],
    density: float,
) -> Document:
    c = Ctx(r, vendors, density)
    raw_marked = template(c)
    raw_parts: list[str] = []
    spans: list[tuple[str | None, str, int]] = []
    at = 0
    length = 0
    for m in _MARK.finditer(raw_marked):
        raw_parts.append(raw_marked[at : m.start()])
        length += m.start() - at
        cls, value = c.values[int(m.group(1))]
        spans.append((cls, value, length))
        raw_parts.append(value)
        length += len(value)
        at = m.end()
    raw_parts.append(raw_marked[at:])
    raw = "".join(raw_parts)
    text, pos = deliver(raw, delivery, r)
    secrets = tuple(Secret(cls, v, pos[o]) for cls, v, o in spans if cls is not None)
    keeps = tuple(Keep(text[pos[o] : pos[o + len(v)]], pos[o]) for cls, v, o in spans if cls is None)
    doc = Document(name, setting, delivery, text, secrets, keeps)
    problem = check_document(doc)
    if problem:
        raise _Retry(problem)
    return doc


def check_document(doc: Document) -> str | None:
    """Why a document's labels are wrong, or None: spans where they say, no overlap, every copy labelled."""
    text = doc.text
    covered: list[tuple[int, int]] = []
    for s in doc.secrets:
        if text[s.offset : s.offset + len(s.text)] != s.text:
            return f"secret not at its offset: {s.cls}"
        if set(s.text) & JSON_ESCAPED or len(s.text) < 4:
            return f"secret text unfit: {s.cls}"
        covered.append((s.offset, s.offset + len(s.text)))
    covered.sort()
    for (_, e1), (s2, _) in itertools.pairwise(covered):
        if s2 < e1:
            return "overlapping secrets"
    starts = {(s.offset, s.text) for s in doc.secrets}
    for s in doc.secrets:
        i = text.find(s.text)
        while i >= 0:
            inside = any(a <= i and i + len(s.text) <= b for a, b in covered)
            if (i, s.text) not in starts and not inside:
                return f"unlabelled copy of a {s.cls}"
            i = text.find(s.text, i + 1)
    for k in doc.keeps:
        if text[k.offset : k.offset + len(k.text)] != k.text:
            return "keep not at its offset"
        if any(a < k.offset + len(k.text) and k.offset < b for a, b in covered):
            return "keep overlaps a secret"
        if any(k.text in s.text for s in doc.secrets):
            return "keep text inside a secret"
    return None


def build_corpus(seed: int = DEFAULT_SEED, documents: int = 340, density: float = 0.06) -> list[Document]:
    """The corpus for a seed: templates and deliveries in rotation, about one document in ten look-alike only."""
    r = random.Random(seed)
    vendors = sorted(VENDOR_CLASSES)
    r.shuffle(vendors)
    names = sorted(TEMPLATES) + sorted(TWICE)  # vendor-heavy ones twice a round, so each vendor has its eight
    looks = sorted(LOOKALIKES)
    docs: list[Document] = []
    order: list[str] = []
    last = ""
    for i in range(documents):
        if i % 10 == 9:
            key = looks[(i // 10) % len(looks)]
            setting, tpl = LOOKALIKES[key]
            key = "lookalike-" + key
        else:
            if not order:
                order = names[:]
                r.shuffle(order)
            key = order.pop()
            setting, tpl = TEMPLATES[key]
        delivery = DELIVERIES[(i * 7 + i // len(DELIVERIES)) % len(DELIVERIES)]
        for _attempt in range(50):
            try:
                docs.append(
                    _make(f"fifteenth-{i:04d}-{key}-{delivery}", setting, tpl, delivery, r, vendors, density)
                )
                break
            except _Retry as exc:
                last = str(exc)
                continue
        else:
            raise RuntimeError(f"document {i} ({key}) could not be built: {last}")
    return docs


def corpus_digest(docs: list[Document]) -> str:
    blob = json.dumps(
        [
            [
                d.name,
                d.setting,
                d.delivery,
                d.text,
                [[s.cls, s.text, s.offset] for s in d.secrets],
                [[k.text, k.offset] for k in d.keeps],
            ]
            for d in docs
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------- measuring


def _fragment_left(secret: str, out: str, masked_in: str) -> bool:
    for i in range(len(secret) - 7):
        w = secret[i : i + 8]
        if out.count(w) > masked_in.count(w):
            return True
    return False


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, Any]:
    """Aggregates over labelled secrets (per document, each distinct text once) and keeps."""
    total = removed = clean = vendor_total = vendor_removed = 0
    spans = keeps = kept = 0
    by_class: Counter[str] = Counter()
    by_class_removed: Counter[str] = Counter()
    for doc in docs:
        out = scrub(doc.text)
        masked = list(doc.text)
        for s in doc.secrets:
            masked[s.offset : s.offset + len(s.text)] = "\0" * len(s.text)
        masked_in = "".join(masked)
        spans += len(doc.secrets)
        seen: dict[str, str] = {}
        for s in doc.secrets:
            seen.setdefault(s.text, s.cls)
        for value, cls in seen.items():
            total += 1
            by_class[cls] += 1
            gone = value not in out
            if gone:
                removed += 1
                by_class_removed[cls] += 1
                if not _fragment_left(value, out, masked_in):
                    clean += 1
            if cls in VENDOR_CLASSES:
                vendor_total += 1
                vendor_removed += gone
        for k in doc.keeps:
            keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": total,
        "spans": spans,
        "recall": removed / total if total else 1.0,
        "recall_no_fragment": clean / total if total else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor_total if vendor_total else 1.0,
        "keeps": keeps,
        "keep_rate": kept / keeps if keeps else 1.0,
        "by_class": {cls: by_class_removed[cls] / n for cls, n in sorted(by_class.items())},
    }


def measure_held_back(seed: int = DEFAULT_SEED) -> dict[str, Any]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(seed), lambda t: scrub_text(t).text)
