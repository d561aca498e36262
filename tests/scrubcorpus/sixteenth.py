"""The sixteenth held-back corpus: labelled documents for measuring the scrubber from outside.

Settings new to the corpus: language and database REPL sessions (python, node, irb, psql's expanded
display, redis-cli), test-runner failures (pytest locals and diffs, Jest and Vitest snapshots, go test),
serverless and PaaS deploy logs (Vercel, Netlify, Fly.io, Heroku, Serverless Framework, AWS SAM), VPN and
SSH configuration and output (WireGuard, OpenVPN, ssh-agent listings, known_hosts, ssh_config), password
and secrets manager CLIs (1Password, Bitwarden, pass, Vault, AWS Secrets Manager and SSM, Google Secret
Manager, Doppler, sops and age), desktop and mobile app configuration (Electron, Expo, Android signing,
iOS plists, .NET appsettings and user secrets), calendar and contact exports (ICS, vCard, contact CSV,
CalDAV sync), message-queue clients (Kafka JAAS, NATS creds, MQTT, Pulsar), backup and migration tools
(pg_basebackup, mongodump, rclone, restic, borg) and a coding agent's own tool calls.

The labels were written from the scrubber's published policy (its package docstring) alone: what the
policy says goes is a secret, what it says stays, and look-alikes that hold nothing, are keeps; what it
leaves open is not labelled. Every fake is generated at run time from a seeded RNG and is valid for its
format where the format has a check (GitHub and npm CRC32, Luhn, IBAN mod-97, SSN ranges, JWT
structure, DER-shaped key bodies). Each document is delivered one of six ways: plain, as a JSON
transcript line, as the added lines of a diff, as a numbered file read, behind CI log timestamps, or in
a Markdown fence. `measure_held_back` reports aggregates only, never a value or a per-document result.
"""

# ruff: noqa: E501, RUF001
# The documents' lines are as long as the tools print them, with the glyphs they print.

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import struct
import zlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

DEFAULT_SEED = 20261216

_T = TypeVar("_T")


@attrs.frozen
class Secret:
    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
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


DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "ci", "fence")

RESERVED_EMAIL_DOMAINS: frozenset[str] = frozenset(
    {"example.com", "example.org", "example.net", "example", "test", "invalid", "localhost"}
)

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "gitlab-token",
        "slack-token",
        "stripe-key",
        "openai-key",
        "anthropic-key",
        "aws-access-key",
        "google-api-key",
        "npm-token",
        "pypi-token",
        "huggingface-token",
        "sendgrid-key",
        "shopify-token",
        "digitalocean-token",
        "sentry-token",
        "linear-key",
        "postman-key",
        "databricks-token",
        "atlassian-token",
        "doppler-token",
        "vault-token",
        "age-secret-key",
        "nats-seed",
        "google-oauth-token",
    }
)

# Drawn in turn by the templates that hold "some vendor's token"; the rest have settings of their own.
ROTATING_VENDOR_CLASSES: frozenset[str] = VENDOR_CLASSES - {
    "age-secret-key",
    "nats-seed",
    "google-oauth-token",
    "aws-access-key",
}

_VENDOR_ENV: dict[str, tuple[str, ...]] = {
    "github-token": ("GITHUB_TOKEN", "GH_TOKEN", "GH_PAT"),
    "gitlab-token": ("GITLAB_TOKEN", "GITLAB_PAT"),
    "slack-token": ("SLACK_BOT_TOKEN", "SLACK_TOKEN"),
    "stripe-key": ("STRIPE_SECRET_KEY", "STRIPE_API_KEY"),
    "openai-key": ("OPENAI_API_KEY",),
    "anthropic-key": ("ANTHROPIC_API_KEY",),
    "aws-access-key": ("AWS_ACCESS_KEY_ID",),
    "google-api-key": ("GOOGLE_API_KEY", "MAPS_API_KEY", "FIREBASE_API_KEY"),
    "npm-token": ("NPM_TOKEN",),
    "pypi-token": ("PYPI_TOKEN", "TWINE_PASSWORD"),
    "huggingface-token": ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"),
    "sendgrid-key": ("SENDGRID_API_KEY",),
    "shopify-token": ("SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"),
    "digitalocean-token": ("DIGITALOCEAN_TOKEN", "DO_API_TOKEN"),
    "sentry-token": ("SENTRY_AUTH_TOKEN",),
    "linear-key": ("LINEAR_API_KEY",),
    "postman-key": ("POSTMAN_API_KEY",),
    "databricks-token": ("DATABRICKS_TOKEN",),
    "atlassian-token": ("JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN"),
    "doppler-token": ("DOPPLER_TOKEN",),
    "vault-token": ("VAULT_TOKEN",),
    "age-secret-key": ("SOPS_AGE_KEY",),
    "nats-seed": ("NATS_NKEY_SEED",),
    "google-oauth-token": ("GOOGLE_ACCESS_TOKEN", "GCP_ACCESS_TOKEN"),
}

# PyPI's tokens are macaroons whose serialisation starts with the location "pypi.org".
_PYPI_HEAD = "pypi-" + base64.b64encode(b"\x02\x01\x08pypi.org").decode().rstrip("=")

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_B64U = _ALNUM + "-_"
_B32 = string.ascii_uppercase + "234567"
_HEX = "0123456789abcdef"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_PUNCT = "!#%*-_.~^+="

_FIRST = (
    "Dana", "Mirela", "Tobias", "Keiko", "Rashid", "Ingrid", "Oluwaseun", "Marek", "Camille", "Teodor",
    "Priyanka", "Lorenzo", "Annika", "Sefa", "Bartholomew", "Yusuf", "Greta", "Emeka", "Solveig", "Matthias",
    "Hyun", "Felipa", "Declan", "Radka", "Ilse", "Joaquin", "Nadia", "Corwin", "Amara", "Vesna",
)  # fmt: skip
_LAST = (
    "Whitfield", "Kowalczyk", "Brandauer", "Nakashima", "Haddad", "Sorensen", "Adeyemi", "Novotny",
    "Lefebvre", "Draganov", "Raghunathan", "Bellucci", "Lindqvist", "Tuilagi", "Crosthwaite", "Ozturk",
    "Hallorann", "Okonkwo", "Bjornstad", "Wendtland", "Pemberton", "Castellanos", "Fairbairn", "Vrabec",
    "Achterberg", "Marchetti", "Quennell", "Abernathy", "Szymanski", "Ellingsen",
)  # fmt: skip
_DOMAINS = (
    "northwind-labs.io", "corvidhq.com", "hallmark-freight.de", "bluefjord.no", "tessellate.dev",
    "orbitalpay.co.uk", "kestrel-health.com", "mapleforge.ca", "quillworks.app", "granitecloud.net",
    "ferrovia.it", "lumenhub.io", "stonebridge-legal.com", "pinecrest.school", "vantabyte.io",
)  # fmt: skip
_MAIL_DOMAINS = ("gmail.com", "outlook.com", "proton.me", "icloud.com", "gmx.de", "yahoo.co.uk")
_PROJECTS = (
    "orders",
    "billing",
    "ledger",
    "atlas",
    "harbor",
    "relay",
    "quartz",
    "beacon",
    "sprocket",
    "tundra",
)
# The processors' published test numbers (4242..., 4111..., 5555...4444, 4000 0566...) repeat a group
# of four or use four digits at most; a generated number that looks so is drawn again.
_TEST_CARD_GROUP = "4242"


def _looks_published(number: str) -> bool:
    return len(set(number)) <= 4 or number == number[:4] * (len(number) // 4)


# --- checks used by the generators and the tests ------------------------------------------------------


def base62_crc32(body: str) -> str:
    """GitHub's and npm's token checksum: CRC32 of the body in base62, zero-padded to six."""
    n = zlib.crc32(body.encode())
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(6, "0")


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


IBAN_LENGTHS: dict[str, int] = {"DE": 22, "GB": 22, "AT": 20, "CH": 21, "PL": 28, "IE": 22, "SE": 24}


def iban_mod97(iban: str) -> int:
    compact = iban.replace(" ", "").upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    country = compact[:2]
    return IBAN_LENGTHS.get(country) == len(compact) and iban_mod97(compact) == 1


def ssn_ok(ssn: str) -> bool:
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", ssn)
    if m is None:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


# --- markers: a draft's text carries its labels inline until it is delivered ----------------------------

_SECRET_RE = re.compile("\x00([^\x01]*)\x01([^\x02]*)\x02|\x03([^\x04]*)\x04")


def S(cls: str, value: str) -> str:
    return f"\x00{cls}\x01{value}\x02"


def K(value: str) -> str:
    return f"\x03{value}\x04"


@attrs.frozen
class _Draft:
    setting: str
    text: str
    path: str = "output.txt"
    lang: str = "text"


class _Clash(Exception):
    """A draft whose labels collide (a value inside another, glued to a word); it is drawn again."""


class _Fakes:
    """Every generated value comes from here, from one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.committed: dict[str, int] = {}
        self.pending: list[str] = []

    def pick(self, seq: Sequence[_T]) -> _T:
        return self.rng.choice(seq)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def alnum(self, n: int) -> str:
        return self.chars(_ALNUM, n)

    def hex(self, n: int) -> str:
        return self.chars(_HEX, n)

    def digits(self, n: int) -> str:
        return self.chars(string.digits, n)

    def b64u(self, n: int) -> str:
        return self.chars(_B64U, n)

    def bytes(self, n: int) -> bytes:
        return bytes(self.rng.randrange(256) for _ in range(n))

    def uuid(self) -> str:
        h = self.hex(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    # people
    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        domain = domain or self.pick(_DOMAINS + _MAIL_DOMAINS)
        style = self.rng.randrange(3)
        local = (
            f"{first.lower()}.{last.lower()}"
            if style == 0
            else (f"{first[0].lower()}{last.lower()}" if style == 1 else f"{first.lower()}{self.digits(2)}")
        )
        return f"{local}@{domain}"

    def user(self, first: str, last: str) -> str:
        return self.pick(
            (f"{first[0].lower()}{last.lower()}", f"{first.lower()}{last[0].lower()}", last.lower())
        )

    def phone(self) -> str:
        kind = self.rng.randrange(4)
        if kind == 0:
            return f"+1 {self.pick(('415', '628', '312', '206', '617'))} {self.rng.randint(201, 989)} {self.digits(4)}"
        if kind == 1:
            return f"+49 {self.pick(('151', '160', '172', '176'))} {self.digits(4)} {self.digits(4)}"
        if kind == 2:
            return f"+44 7{self.rng.randint(400, 999)} {self.digits(6)}"
        return f"+31 6 {self.digits(4)} {self.digits(4)}"

    # network
    def ip_private(self) -> str:
        kind = self.rng.randrange(4)
        o3, o4 = self.rng.randint(1, 250), self.rng.randint(11, 249)
        if kind == 0:
            return f"10.{self.rng.randint(1, 250)}.{o3}.{o4}"
        if kind == 1:
            return f"172.{self.rng.randint(16, 31)}.{o3}.{o4}"
        if kind == 2:
            return f"192.168.{o3}.{o4}"
        return f"100.{self.rng.randint(64, 127)}.{o3}.{o4}"

    def ip_public(self) -> str:
        first = self.pick((3, 13, 18, 34, 35, 44, 52, 54, 64, 82, 91, 104, 137, 141, 159, 185, 212, 217))
        return f"{first}.{self.rng.randint(1, 250)}.{self.rng.randint(1, 250)}.{self.rng.randint(11, 249)}"

    # credentials
    def password(self, url_safe: bool = False) -> str:
        kind = self.rng.randrange(3)
        if kind == 0 and not url_safe:
            words = ("lilac", "mango", "harbor", "velvet", "cobalt", "juniper", "falcon", "quartz", "ember")
            return f"{self.pick(words)}.{self.pick(words)}{self.digits(3)}"
        if url_safe:
            inner = self.chars(_ALNUM + "-._~", self.rng.randint(16, 26))
            return self.alnum(1) + inner + self.alnum(1)
        body = list(self.chars(_ALNUM, self.rng.randint(16, 24)))
        for _ in range(3):
            body[self.rng.randrange(1, len(body) - 1)] = self.pick(_PUNCT)
        return "".join(body)

    def secret_hex(self, n: int = 64) -> str:
        return self.hex(n)

    def secret_b64(self, nbytes: int = 32) -> str:
        return base64.b64encode(self.bytes(nbytes)).decode()

    def aws_key_id(self) -> str:
        while True:
            v = self.pick(("AKIA", "ASIA")) + self.chars(_B32, 16)
            if not v.endswith("EXAMPLE"):
                return v

    def aws_secret(self) -> str:
        return self.chars(_ALNUM + "+/", 40)

    def jwt(self, issuer: str = "", nats: bool = False) -> str:
        if nats:
            header = {"typ": "JWT", "alg": "ed25519-nkey"}
            payload: dict[str, Any] = {
                "jti": self.chars(_B32, 52),
                "iat": 1764000000 + self.rng.randrange(10**6),
                "iss": "A" + self.chars(_B32, 55),
                "name": self.pick(_PROJECTS) + "-svc",
                "sub": "U" + self.chars(_B32, 55),
                "nats": {
                    "pub": {},
                    "sub": {},
                    "subs": -1,
                    "data": -1,
                    "payload": -1,
                    "type": "user",
                    "version": 2,
                },
            }
            sig = self.bytes(64)
        else:
            alg = self.pick(("HS256", "RS256", "ES256"))
            header = {"alg": alg, "typ": "JWT"}
            if alg != "HS256":
                header["kid"] = self.hex(16)
            payload = {
                "sub": self.uuid() if self.rng.random() < 0.5 else str(self.rng.randint(1000, 99999)),
                "iss": issuer or f"https://auth.{self.pick(_DOMAINS)}/",
                "aud": self.pick(("api", "web", "mobile", "internal")),
                "iat": 1764000000 + self.rng.randrange(10**6),
                "exp": 1766000000 + self.rng.randrange(10**6),
                "scope": self.pick(("read:orders write:orders", "admin", "openid profile", "service")),
            }
            sig = self.bytes({"HS256": 32, "RS256": 256, "ES256": 64}[alg])
        raw = json.dumps(header, separators=(",", ":")).encode()
        body = json.dumps(payload, separators=(",", ":")).encode()
        return f"{_b64u(raw)}.{_b64u(body)}.{_b64u(sig)}"

    def card(self) -> str:
        while True:
            kind = self.rng.randrange(3)
            if kind == 0:
                prefix, length = self.pick(("4539", "4916", "4024", "4556", "4485")), 16
            elif kind == 1:
                prefix, length = self.pick(("51", "52", "53", "54", "55", "2221", "2720")), 16
            else:
                prefix, length = self.pick(("34", "37")), 15
            body = prefix + self.digits(length - len(prefix) - 1)
            for check in string.digits:
                if luhn_ok(body + check):
                    number = body + check
                    break
            if _looks_published(number):
                continue
            if self.rng.random() < 0.5:
                return number
            if length == 15:
                return f"{number[:4]} {number[4:10]} {number[10:]}"
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))

    def iban(self, valid: bool = True, grouped: bool | None = None) -> str:
        country = self.pick(tuple(IBAN_LENGTHS))
        letters = string.ascii_uppercase
        layouts: dict[str, Callable[[], str]] = {
            "DE": lambda: self.digits(18),
            "GB": lambda: self.pick(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + self.digits(14),
            "AT": lambda: self.digits(16),
            "CH": lambda: self.digits(5) + self.chars(string.digits + letters, 12),
            "PL": lambda: self.digits(24),
            "IE": lambda: self.pick(("AIBK", "BOFI", "IPBS")) + self.digits(14),
            "SE": lambda: self.digits(20),
        }
        bban = layouts[country]()
        check = 98 - iban_mod97(country + "00" + bban)
        if not valid:
            check = (check + self.rng.randint(1, 90)) % 97 + 2
            if check == 98 - iban_mod97(country + "00" + bban):
                check = check % 90 + 3
        compact = f"{country}{check:02d}{bban}"
        if grouped is None:
            grouped = self.rng.random() < 0.5
        if grouped:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def ssn(self) -> str:
        while True:
            area = self.rng.randint(1, 899)
            if area != 666:
                break
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def wg_key(self) -> str:
        raw = bytearray(self.bytes(32))
        raw[0] &= 248
        raw[31] = (raw[31] & 127) | 64
        return base64.b64encode(bytes(raw)).decode()

    def ssh_public(self, kind: str = "ed25519") -> str:
        if kind == "ed25519":
            blob = _ssh_string(b"ssh-ed25519") + _ssh_string(self.bytes(32))
            return "ssh-ed25519 " + base64.b64encode(blob).decode()
        if kind == "ecdsa":
            blob = (
                _ssh_string(b"ecdsa-sha2-nistp256")
                + _ssh_string(b"nistp256")
                + _ssh_string(b"\x04" + self.bytes(64))
            )
            return "ecdsa-sha2-nistp256 " + base64.b64encode(blob).decode()
        blob = _ssh_string(b"ssh-rsa") + _ssh_string(b"\x01\x00\x01") + _ssh_string(b"\x00" + self.bytes(256))
        return "ssh-rsa " + base64.b64encode(blob).decode()

    def ssh_fingerprint(self) -> str:
        return "SHA256:" + base64.b64encode(self.bytes(32)).decode().rstrip("=")

    def pem_lines(self, kind: str) -> tuple[str, str, list[str]]:
        """A private key block's markers and its body lines (DER-shaped)."""
        if kind == "ec":
            der = (
                bytes.fromhex("30770201010420")
                + self.bytes(32)
                + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
                + b"\x04"
                + self.bytes(64)
            )
            body = base64.b64encode(der).decode()
            lines = [body[i : i + 64] for i in range(0, len(body), 64)]
            return "-----BEGIN EC PRIVATE KEY-----", "-----END EC PRIVATE KEY-----", lines
        if kind == "pkcs8":
            der = bytes.fromhex("302e020100300506032b657004220420") + self.bytes(32)
            body = base64.b64encode(der).decode()
            return "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", [body]
        seed = self.bytes(32)
        pub = self.bytes(32)
        pub_blob = _ssh_string(b"ssh-ed25519") + _ssh_string(pub)
        check = self.bytes(4)
        comment = f"{self.pick(_PROJECTS)}-deploy".encode()
        private = (
            check
            + check
            + _ssh_string(b"ssh-ed25519")
            + _ssh_string(pub)
            + _ssh_string(seed + pub)
            + _ssh_string(comment)
        )
        pad = 1
        while len(private) % 8:
            private += bytes([pad])
            pad += 1
        blob = (
            b"openssh-key-v1\x00"
            + _ssh_string(b"none")
            + _ssh_string(b"none")
            + _ssh_string(b"")
            + struct.pack(">I", 1)
            + _ssh_string(pub_blob)
            + _ssh_string(private)
        )
        body = base64.b64encode(blob).decode()
        lines = [body[i : i + 70] for i in range(0, len(body), 70)]
        return "-----BEGIN OPENSSH PRIVATE KEY-----", "-----END OPENSSH PRIVATE KEY-----", lines

    def bcrypt(self) -> str:
        return f"$2b$12${self.chars('./' + _ALNUM, 53)}"

    def sha512crypt(self) -> str:
        return f"$6${self.chars('./' + _ALNUM, 16)}${self.chars('./' + _ALNUM, 86)}"

    def password_hash(self) -> str:
        kind = self.rng.randrange(3)
        if kind == 0:
            return self.bcrypt()
        if kind == 1:
            return self.sha512crypt()
        salt = _b64u(self.bytes(16))
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${_b64u(self.bytes(32))}"

    def totp_secret(self) -> str:
        return self.chars(_B32, 32)

    # vendor tokens
    def github(self) -> str:
        prefix = self.pick(("ghp_", "gho_", "ghu_", "ghs_", "ghr_"))
        body = self.chars(_B62, 30)
        return prefix + body + base62_crc32(body)

    def npm(self) -> str:
        body = self.chars(_B62, 30)
        return "npm_" + body + base62_crc32(body)

    def vendor_token(self, cls: str) -> str:
        rng = self.rng
        if cls == "github-token":
            return self.github()
        if cls == "gitlab-token":
            return "glpat-" + self.b64u(20)
        if cls == "slack-token":
            if rng.random() < 0.5:
                return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.alnum(24)}"
            return f"xoxp-{self.digits(12)}-{self.digits(12)}-{self.digits(13)}-{self.hex(32)}"
        if cls == "stripe-key":
            kind = rng.randrange(3)
            if kind == 0:
                return "sk_live_" + self.alnum(rng.choice((24, 99)))
            if kind == 1:
                return "rk_live_" + self.alnum(rng.choice((24, 99)))
            return "whsec_" + self.alnum(32)
        if cls == "openai-key":
            return f"sk-{self.pick(('proj', 'svcacct'))}-{self.b64u(74)}T3BlbkFJ{self.b64u(74)}"
        if cls == "anthropic-key":
            return f"sk-ant-{self.pick(('api03', 'admin01'))}-{self.b64u(93)}AA"
        if cls == "aws-access-key":
            return self.aws_key_id()
        if cls == "google-api-key":
            return "AIzaSy" + self.b64u(33)
        if cls == "npm-token":
            return self.npm()
        if cls == "pypi-token":
            return _PYPI_HEAD + self.b64u(rng.randint(140, 190))
        if cls == "huggingface-token":
            return "hf_" + self.chars(string.ascii_letters, 34)
        if cls == "sendgrid-key":
            return f"SG.{self.b64u(22)}.{self.b64u(43)}"
        if cls == "shopify-token":
            return self.pick(("shpat_", "shpca_", "shppa_", "shpss_")) + self.hex(32)
        if cls == "digitalocean-token":
            return self.pick(("dop_v1_", "doo_v1_")) + self.hex(64)
        if cls == "sentry-token":
            return "sntryu_" + self.hex(64)
        if cls == "linear-key":
            return "lin_api_" + self.alnum(40)
        if cls == "postman-key":
            return f"PMAK-{self.hex(24)}-{self.hex(34)}"
        if cls == "databricks-token":
            return "dapi" + self.hex(32) + self.pick(("", "-2", "-3"))
        if cls == "atlassian-token":
            return "ATATT3xFfGF0" + self.b64u(rng.randint(170, 190)) + "=" + self.chars("0123456789ABCDEF", 8)
        if cls == "doppler-token":
            return self.pick(("dp.st.prd.", "dp.st.dev.", "dp.pt.", "dp.sa.")) + self.alnum(43)
        if cls == "vault-token":
            return "hvs.CAESI" + self.b64u(rng.randint(80, 90))
        if cls == "age-secret-key":
            return "AGE-SECRET-KEY-1" + self.chars(_BECH32, 58).upper()
        if cls == "nats-seed":
            return "SU" + self.chars(_B32, 56)
        if cls == "tailscale-key":
            return f"tskey-auth-k{self.alnum(11)}CNTRL-{self.alnum(33)}"
        if cls == "grafana-token":
            return f"glsa_{self.alnum(32)}_{self.hex(8)}"
        if cls == "google-oauth-token":
            return "ya29.a0A" + self.b64u(rng.randint(140, 180))
        if cls == "onepassword-token":
            claims = {
                "signInAddress": "my.1password.com",
                "userAuth": {
                    "method": "SRPg-4096",
                    "alg": "PBES2g-HS256",
                    "iterations": 650000,
                    "salt": self.hex(22),
                },
                "email": f"{self.alnum(13).lower()}@1passwordserviceaccounts.com",
                "srpX": self.hex(64),
                "muk": {"alg": "A256GCM", "ext": True, "k": self.b64u(43), "kty": "oct", "kid": "mp"},
                "secretKey": f"A3-{self.chars(_B32[:26] + '23456789', 6)}-{self.chars(_B32, 6)}",
                "throttleSecret": {"seed": self.hex(64), "uuid": self.chars(_B32, 26)},
                "deviceUuid": self.chars(string.ascii_lowercase + string.digits, 26),
            }
            return "ops_" + _b64u(json.dumps(claims, separators=(",", ":")).encode())
        raise ValueError(cls)

    def vendor(self) -> tuple[str, str, str]:
        """The vendor class labelled least so far, a token of it and an environment name it lives under."""
        cls = min(
            sorted(ROTATING_VENDOR_CLASSES),
            key=lambda c: (self.committed.get(c, 0) + self.pending.count(c), self.rng.random()),
        )
        self.pending.append(cls)
        return cls, self.vendor_token(cls), self.pick(_VENDOR_ENV[cls])


# --- templates, setting by setting --------------------------------------------------------------------

Template = Callable[[_Fakes], _Draft]

_PSQL_X = "\\x"


def _ip(f: _Fakes, ip: str, p: float = 0.3) -> str:
    """A host address, labelled; or, more often, a documentation address (RFC 5737), kept."""
    if f.rng.random() < p:
        return S("ip-address", ip)
    return K(f"{f.pick(('192.0.2', '198.51.100', '203.0.113'))}.{f.rng.randint(2, 254)}")


def _opt(f: _Fakes, p: float, labelled: str, stand_in: str) -> str:
    """A secret slot filled as often as p says, else with a stand-in that holds nothing."""
    return labelled if f.rng.random() < p else stand_in


def _user_path(f: _Fakes, user: str) -> str:
    return f"/home/{user}" if f.rng.random() < 0.6 else f"/Users/{user}"


def repl_python_env(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    ip = _ip(f, f.ip_private())
    proj = f.pick(_PROJECTS)
    text = f"""Python 3.12.4 (main, Jun  6 2024, 18:26:44) [GCC 11.4.0] on linux
Type "help", "copyright", "credits" or "license" for more information.
>>> {K("import os")}
>>> os.environ["{env}"]
'{S(cls, tok)}'
>>> len(os.environ["{env}"])
{len(tok)}
>>> {K(f"from {proj}.settings import DATABASES")}
>>> DATABASES["default"]["HOST"]
'{ip}'
>>> DATABASES["default"]["PORT"]
5432
"""
    return _Draft("repl", text, "session.py", "pycon")


def repl_python_struct(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    pw = f.password()
    dom = f.pick(_DOMAINS)
    text = f""">>> {K("cfg = load_config('deploy/prod.toml')")}
>>> cfg.smtp
SmtpConfig(host='{K(f"smtp.{dom}")}', port=587, username='mailer', password='{S("password", pw)}', starttls=True)
>>> cfg.owner
{_opt(f, 0.5, f"Owner(name='{S('person-name', f'{first} {last}')}', email='{S('email', email)}', phone='{S('phone', f.phone())}')", K("Owner(name='Jane Doe', email='jane.doe@example.com', phone=None)"))}
>>> {K("cfg.feature_flags")}
{{'new_checkout': True, 'beta_search': False}}
"""
    return _Draft("repl", text, "session.py", "pycon")


def repl_node(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    jwt = f.jwt()
    text = f"""Welcome to Node.js v20.11.1.
Type ".help" for more information.
> {K("const jose = require('jose')")}
undefined
> process.env.{env}
'{S(cls, tok)}'
> const token = '{_opt(f, 0.5, S("jwt", jwt), K("<paste-token-here>"))}'
undefined
> jose.decodeJwt(token).aud
'api'
> {K("process.env.NODE_ENV")}
'production'
"""
    return _Draft("repl", text, "repl.js", "js")


def repl_irb(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    cls, tok, _env = f.vendor()
    uid = f.rng.randint(1000, 99999)
    text = f"""irb(main):001:0> user = User.find_by(email: '{S("email", email)}')
=> #<User id: {uid}, email: "{email}", first_name: "{S("person-name", first)}", last_name: "{S("person-name", last)}", encrypted_password: "{K("[FILTERED]")}", created_at: "2026-03-02 09:41:17.204118000 +0000">
irb(main):002:0> user.integrations.first.access_token
=> "{S(cls, tok)}"
irb(main):003:0> {K("user.admin?")}
=> false
"""
    return _Draft("repl", text, "console.rb", "ruby")


def db_psql_customers(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    cid = f.rng.randint(1000, 99999)
    text = f"""orders=> {_PSQL_X}
{K("Expanded display is on.")}
orders=> {K("SELECT id, full_name, email, phone, ssn, iban FROM customers WHERE id =")} {cid};
-[ RECORD 1 ]----------------------------
id        | {cid}
full_name | {S("person-name", f"{first} {last}")}
email     | {S("email", email)}
phone     | {S("phone", f.phone())}
ssn       | {S("ssn", f.ssn())}
iban      | {S("iban", f.iban())}

{K("Time: 3.412 ms")}
"""
    return _Draft("db-repl", text, "psql.txt", "text")


def db_psql_keys(f: _Fakes) -> _Draft:
    rows = []
    for n in range(1, 3):
        cls, tok, _env = f.vendor()
        first, last = f.person()
        rows.append(
            f"""-[ RECORD {n} ]+-----------------------------------------------------------
id         | {f.rng.randint(10, 999)}
label      | {f.pick(("ci-deploy", "nightly-sync", "partner-feed", "billing-export"))}
token      | {S(cls, tok)}
created_by | {_opt(f, 0.5, S("email", f.email(first, last)), K("ops-bot@example.com"))}
revoked    | f"""
        )
    body = "\n".join(rows)
    text = f"""ops=# {_PSQL_X} on
{K("Expanded display is on.")}
ops=# {K("select id, label, token, created_by, revoked from integration_tokens order by id desc limit 2;")}
{body}

"""
    return _Draft("db-repl", text, "psql.txt", "text")


def db_redis(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    pw = f.password(url_safe=True)
    ip = _ip(f, f.ip_private())
    jwt = f.jwt()
    uid = f.rng.randint(1000, 99999)
    text = f"""$ redis-cli -u redis://default:{S("connection-password", pw)}@{ip}:6379/0
{ip}:6379> {K(f"HGETALL user:{uid}")}
1) "email"
2) "{_opt(f, 0.4, S("email", email), K("qa+" + str(uid) + "@example.org"))}"
3) "plan"
4) "team"
{ip}:6379> {K(f"GET auth:access:{uid}")}
"{S("jwt", jwt)}"
{ip}:6379> {K(f"TTL auth:access:{uid}")}
(integer) 3542
"""
    return _Draft("db-repl", text, "redis.txt", "text")


def test_pytest_locals(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    cls, tok, _env = f.vendor()
    user = f.user(first, last)
    home = _user_path(f, user)
    # a real name goes beside a real address; beside an example address the policy keeps it
    who = _opt(
        f,
        0.5,
        f"'email': '{S('email', email)}', 'name': '{S('person-name', f'{first} {last}')}'",
        f"'email': '{K('buyer@example.com')}', 'name': '{K('Jane Doe')}'",
    )
    text = f"""________________________________ test_charge_customer ________________________________

client = <billing.client.Client object at 0x7f3a2c1d9e50>
customer = {{{who}, 'card': '{_opt(f, 0.5, S("credit-card", f.card()), K(_TEST_CARD_GROUP * 4))}'}}
api_key = '{S(cls, tok)}'

    {K("def test_charge_customer(client, customer, api_key):")}
        resp = client.charges.create(amount=1999, currency="eur", source=customer["card"])
>       assert resp.status == "succeeded"
E       AssertionError: assert 'requires_action' == 'succeeded'
E         - succeeded
E         + requires_action

{home.replace(user, S("home-user", user))}/src/billing/{K("tests/test_charges.py:88: AssertionError")}
"""
    return _Draft("test-runner", text, "pytest.log", "text")


def test_pytest_diff(f: _Fakes) -> _Draft:
    h = f.password_hash()
    jwt = _opt(f, 0.4, S("jwt", f.jwt()), K("<redacted in fixture>"))
    text = f"""{K("FAILED tests/test_auth.py::test_register_returns_public_fields")} - AssertionError: assert {{...}} == {{...}}
  Omitting 3 identical items, use -vv to show
  Differing items:
  {{'password_hash': '{S("password-hash", h)}'}} != {{'password_hash': None}}
  Left contains 1 more item:
  {{'access_token': '{jwt}'}}
  Full diff:
    {{
  -  'password_hash': None,
  +  'password_hash': '{h}',
  +  'access_token': '{jwt}',
       'role': 'member',
    }}
{K("=========================== short test summary info ============================")}
"""
    return _Draft("test-runner", text, "pytest.log", "text")


def test_jest_snapshot(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    text = f""" FAIL  {K("src/components/__tests__/ProfileCard.test.tsx")}
  ● ProfileCard › renders contact details

    expect(received).toMatchSnapshot()

    Snapshot name: `ProfileCard renders contact details 1`

    - Snapshot  - 2
    + Received  + 2

    @@ -5,8 +5,8 @@
          <a
    -       href="mailto:{K("jane.doe@example.com")}"
    +       href="mailto:{S("email", email)}"
          >
    -       {K("jane.doe@example.com")}
    +       {email}
          </a>

      {K("at Object.toMatchSnapshot (src/components/__tests__/ProfileCard.test.tsx:31:22)")}
"""
    return _Draft("test-runner", text, "jest.log", "text")


def test_vitest(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    dom = f.pick(_DOMAINS)
    text = f""" {K("FAIL  src/config.test.ts > loadConfig > reads the environment")}
AssertionError: expected {{ apiKey: '{S(cls, tok)}', …(1) }} to deeply equal {{ apiKey: undefined, …(1) }}

- Expected
+ Received

  Object {{
-   "apiKey": undefined,
+   "apiKey": "{tok}",
    "baseUrl": "{K(f"https://api.{dom}/v1")}",
  }}

 ❯ src/config.test.ts:14:25
     12|   it('reads the environment', () => {{
     13|     process.env.{env} = fakeKey
     14|     expect(loadConfig()).toEqual({{ apiKey: undefined, baseUrl }})
"""
    return _Draft("test-runner", text, "vitest.log", "text")


def test_go(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    pw = f.password(url_safe=True)
    ip = _ip(f, f.ip_private())
    org = f.pick(_PROJECTS)
    text = f"""=== RUN   TestSignupHandler
    signup_test.go:57: unexpected body: {{"id":812,"email":"{S("email", email)}","full_name":"{S("person-name", f"{first} {last}")}"}}
    signup_test.go:61: store: dial postgres://app:{S("connection-password", pw)}@{ip}:5432/app_test?sslmode=disable: connection refused
{K("--- FAIL: TestSignupHandler (0.03s)")}
FAIL
FAIL	{K(f"github.com/{org}/api/internal/signup")}	0.412s
"""
    return _Draft("test-runner", text, "go-test.log", "text")


def test_go_token(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    text = f"""=== RUN   TestClientFromEnv
=== RUN   TestClientFromEnv/explicit_token
    client_test.go:33: {env}={S(cls, tok)}
    client_test.go:33: {env2}={S(cls2, tok2)}
    client_test.go:34: got status 401, want 200
    --- FAIL: TestClientFromEnv/explicit_token (0.21s)
{K("--- FAIL: TestClientFromEnv (0.21s)")}
ok  	{K("github.com/acme/tools/internal/retry")}	0.009s
"""
    return _Draft("test-runner", text, "go-test.log", "text")


def deploy_vercel(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    pw = f.password(url_safe=True)
    jwt = f.jwt()
    proj = f.pick(_PROJECTS)
    text = f"""Vercel CLI 37.4.2
{K("$ vercel env pull .env.local --environment=production")}
> Downloading `production` Environment Variables for acme/{proj}
✅  Created .env.local file  [412ms]
$ cat .env.local
# Created by Vercel CLI
DATABASE_URL="postgres://default:{S("connection-password", pw)}@ep-icy-{f.alnum(6).lower()}.us-east-1.aws.neon.tech:5432/verceldb?sslmode=require"
{env}="{S(cls, tok)}"
VERCEL_OIDC_TOKEN="{_opt(f, 0.4, S("jwt", jwt), "")}"
{K('VERCEL_ENV="production"'.replace('"', ""))}
"""
    return _Draft("deploy-log", text, "vercel.log", "text")


def deploy_netlify(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    site = f.pick(_PROJECTS)
    text = f"""9:41:02 AM: build-image version: 3d3c7e8b4321a0b8e1f2c9d7e6a5b4c3d2e1f0a9 (noble)
9:41:04 AM: {K("Starting to prepare the repo for build")}
9:41:11 AM: Netlify configuration property "build.environment.{env}" value changed.
9:41:12 AM: {env}={S(cls, tok)} {env2}={S(cls2, tok2)} npm run build
9:41:13 AM: {K("$ npm run build")}
9:41:30 AM: {K(f"Site is live ✨ https://{site}-prod.netlify.app")}
"""
    return _Draft("deploy-log", text, "netlify.log", "text")


def deploy_fly(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    pw2 = f.password(url_safe=True)
    app = f.pick(_PROJECTS)
    v6 = f"fdaa:{f.rng.randint(0, 9)}:{f.hex(4)}:a7b:{f.hex(3)}:{f.hex(4)}:{f.hex(4)}:2"
    digest = f.hex(16)
    text = f"""$ fly secrets set DATABASE_URL=postgres://{app}:{S("connection-password", pw)}@top2.nearest.of.{app}-db.internal:5432/{app} REDIS_URL=redis://default:{S("connection-password", pw2)}@fly-{app}-redis.upstash.io:6379
Updating existing machines in '{app}-api' with rolling strategy
  {K("Finished launching new machines")}
$ {K(f"fly secrets list -a {app}-api")}
NAME        	DIGEST          	CREATED AT
DATABASE_URL	{K(digest)}	1m ago
$ fly ssh console -a {app}-api
Connecting to {S("ip-address", v6)}... complete
"""
    return _Draft("deploy-log", text, "fly.log", "text")


def deploy_heroku(f: _Fakes) -> _Draft:
    ip = f.ip_public().replace(".", "-")
    app = f.pick(_PROJECTS)
    cls, tok, env = f.vendor()
    text = f"""$ {K(f"heroku config -a {app}-api")}
=== {app}-api Config Vars
DATABASE_URL:         postgres://u{f.alnum(13).lower()}:{S("connection-password", "p" + f.hex(63))}@ec2-{S("ip-address", ip)}.compute-1.amazonaws.com:5432/d{f.alnum(13).lower()}
PAPERTRAIL_API_TOKEN: {S("api-key", f.alnum(20))}
{env}: {S(cls, tok)}
{K("WEB_CONCURRENCY:      2")}
"""
    return _Draft("deploy-log", text, "heroku.log", "text")


def deploy_serverless(f: _Fakes) -> _Draft:
    app = f.pick(_PROJECTS)
    text = f"""Deploying {app}-api to stage prod (eu-west-1)

✔ Service deployed to stack {app}-api-prod (112s)

api keys:
  partner-{f.pick(("north", "south", "east"))}: {S("api-key", f.alnum(40))}
endpoints:
  {K(f"POST - https://{f.alnum(10).lower()}.execute-api.eu-west-1.amazonaws.com/prod/orders")}
functions:
  {K(f"createOrder: {app}-api-prod-createOrder (1.2 MB)")}
"""
    return _Draft("deploy-log", text, "serverless.log", "text")


def deploy_sam(f: _Fakes) -> _Draft:
    pw = f.password()
    cls, tok, _env = f.vendor()
    app = f.pick(_PROJECTS)
    text = f"""$ sam deploy --stack-name {app}-prod --parameter-overrides DbPassword={S("password", pw)} PartnerApiToken={S(cls, tok)} --capabilities CAPABILITY_IAM
{K("Initiating deployment")}
=====================
{K(f"Uploading to {app}-sam-artifacts/{f.hex(32)}.template  2411 / 2411  (100.00%)")}
CloudFormation stack changeset
-------------------------------------------------------------------------------------------------
Operation                LogicalResourceId        ResourceType             Replacement
-------------------------------------------------------------------------------------------------
+ Add                    OrdersFunction           AWS::Lambda::Function    N/A
"""
    return _Draft("deploy-log", text, "sam.log", "text")


def vpn_wg_conf(f: _Fakes) -> _Draft:
    n = f.rng.randint(2, 9)
    pub = f.wg_key()
    lan = f.rng.randint(10, 99)
    text = f"""[Interface]
Address = {S("ip-address", f"10.8.0.{n}")}/24
{K("ListenPort = 51820")}
PrivateKey = {S("wireguard-key", f.wg_key())}
DNS = {K("1.1.1.1")}

[Peer]
PublicKey = {K(pub)}
PresharedKey = {S("wireguard-key", f.wg_key())}
AllowedIPs = {K("10.8.0.0/24")}, {K(f"192.168.{lan}.0/24")}
Endpoint = {_ip(f, f.ip_public())}:51820
{K("PersistentKeepalive = 25")}
"""
    return _Draft("vpn-ssh", text, "wg0.conf", "ini")


def vpn_wg_show(f: _Fakes) -> _Draft:
    text = f"""$ sudo wg show
interface: wg0
  public key: {K(f.wg_key())}
  private key: {K("(hidden)")}
  listening port: 51820

peer: {K(f.wg_key())}
  preshared key: (hidden)
  endpoint: {_ip(f, f.ip_public())}:51820
  allowed ips: {K("10.8.0.0/24")}
  latest handshake: 1 minute, 12 seconds ago
  transfer: 18.42 MiB received, 4.11 MiB sent
$ {K("sudo wg showconf wg0")} | head -3
[Interface]
ListenPort = 51820
PrivateKey = {S("wireguard-key", f.wg_key())}
"""
    return _Draft("vpn-ssh", text, "wg.txt", "text")


def vpn_openvpn(f: _Fakes) -> _Draft:
    begin, end, lines = f.pem_lines("pkcs8")
    dom = f.pick(_DOMAINS)
    cert = base64.b64encode(f.bytes(48)).decode()
    body = "\n".join(S("private-key", line) for line in lines)
    text = f"""client
dev tun
proto udp
remote {_ip(f, f.ip_public())} 1194
remote {K(f"vpn2.{dom} 1194")}
resolv-retry infinite
nobind
{K("remote-cert-tls server")}
cipher AES-256-GCM
<ca>
-----BEGIN CERTIFICATE-----
{K(cert)}
-----END CERTIFICATE-----
</ca>
<key>
{begin}
{body}
{end}
</key>
"""
    return _Draft("vpn-ssh", text, "client.ovpn", "text")


def vpn_openvpn_log(f: _Fakes) -> _Draft:
    a, b = f.rng.randint(1, 250), f.rng.randint(11, 200)
    text = f"""2026-12-16 10:02:11 TCP/UDP: Preserving recently used remote address: [AF_INET]{_ip(f, f.ip_public())}:1194
2026-12-16 10:02:11 {K("UDPv4 link local: (not bound)")}
2026-12-16 10:02:12 PUSH: Received control message: 'PUSH_REPLY,route {K(f"10.{a}.0.0 255.255.0.0")},topology net30,ping 10,ping-restart 120,ifconfig {S("ip-address", f"10.{a}.7.{b}")} {S("ip-address", f"10.{a}.8.{b - 1}")}'
2026-12-16 10:02:12 {K("Initialization Sequence Completed")}
"""
    return _Draft("vpn-ssh", text, "openvpn.log", "text")


def vpn_known_hosts(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    salt = base64.b64encode(f.bytes(20)).decode()
    hsh = base64.b64encode(f.bytes(20)).decode()
    text = f"""$ cat ~/.ssh/known_hosts
{K("github.com " + f.ssh_public())}
{K(f"|1|{salt}|{hsh}")} {K(f.ssh_public("ecdsa"))}
bastion.{dom},{_ip(f, f.ip_public())} {K(f.ssh_public())}
{_ip(f, f.ip_private())} {K(f.ssh_public("ecdsa"))}
"""
    return _Draft("vpn-ssh", text, "known_hosts", "text")


def vpn_ssh_verbose(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    ip = _ip(f, f.ip_private())
    dom = f.pick(_DOMAINS)
    text = f"""$ {K(f"ssh -v -J ec2-user@bastion.{dom} deploy@db1.{dom}")}
debug1: OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13 30 Jan 2024
debug1: Reading configuration data /home/{S("home-user", user)}/.ssh/config
debug1: Connecting to db1.{dom} [{ip}] port 22.
debug1: Server accepts key: /home/{user}/.ssh/id_ed25519 ED25519 {K(f.ssh_fingerprint())}
debug1: {K("Authentication succeeded (publickey).")}
"""
    return _Draft("vpn-ssh", text, "ssh.log", "text")


def vpn_ssh_config(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    text = f"""Host bastion
    HostName {_ip(f, f.ip_public())}
    {K("User ec2-user")}
    {K("IdentityFile ~/.ssh/bastion.pem")}

Host db-primary
    HostName {_ip(f, f.ip_private())}
    {K("ProxyJump bastion")}
    User deploy

Host git.{dom}
    {K("IdentityFile ~/.ssh/id_ed25519")}
"""
    return _Draft("vpn-ssh", text, "config", "ssh-config")


def vpn_private_key(f: _Fakes) -> _Draft:
    kind = f.pick(("openssh", "ec"))
    begin, end, lines = f.pem_lines(kind)
    body = "\n".join(S("private-key", line) for line in lines)
    name = "id_ed25519" if kind == "openssh" else "deploy.pem"
    text = f"""$ {K(f"cat ~/.ssh/{name}")}
{begin}
{body}
{end}
$ {K(f"chmod 600 ~/.ssh/{name}")}
"""
    return _Draft("vpn-ssh", text, name, "text")


def sm_op_item(f: _Fakes) -> _Draft:
    pw = f.password()
    ip = _ip(f, f.ip_private())
    text = f"""$ {K('op item get "Prod Postgres" --vault Infra'.replace('"', "'"))}
ID:          {f.chars(string.ascii_lowercase + string.digits, 26)}
Title:       Prod Postgres
Vault:       Infra ({f.chars(string.ascii_lowercase + string.digits, 26)})
Created:     3 months ago
Updated:     2 days ago
Favorite:    false
Version:     4
Category:    DATABASE
Fields:
  type:        postgresql
  server:      {ip}
  port:        5432
  database:    orders
  username:    orders_rw
  password:    {S("password", pw)}
  one-time password: otpauth://totp/Infra:orders_rw?secret={S("totp-secret", f.totp_secret())}&issuer=Infra
"""
    return _Draft("secrets-cli", text, "op.txt", "text")


def sm_op_read(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    text = f"""$ {K(f"op read op://Engineering/{env.lower()}/credential")}
{S(cls, tok)}
$ {K(f"export {env}=$(op read op://Engineering/{env.lower()}/credential)")}
"""
    return _Draft("secrets-cli", text, "op.txt", "text")


def sm_bw(f: _Fakes) -> _Draft:
    pw = f.password()
    gh = f.github()
    uid = f.uuid()
    text = f"""$ {K("bw get item github-deploy")} | jq
{{
  "object": "item",
  "id": "{K(uid)}",
  "name": "github-deploy",
  "login": {{
    "username": "deploy-bot",
    "password": "{S("password", pw)}",
    "totp": "otpauth://totp/GitHub:deploy-bot?secret={S("totp-secret", f.totp_secret())}&issuer=GitHub",
    "uris": [{{"match": null, "uri": "{K("https://github.com/login")}"}}]
  }},
  "notes": "fine-grained PAT: {S("github-token", gh)}",
  "revisionDate": "2026-11-02T09:14:55.120Z"
}}
"""
    return _Draft("secrets-cli", text, "bw.json", "json")


def sm_pass(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    dom = f.pick(_DOMAINS)
    text = f"""$ {K("pass show infra/smtp-relay")}
{S("password", f.chars(_ALNUM + "-_.", 28))}
login: {_opt(f, 0.5, S("email", email), "deploy-bot")}
url: {K(f"smtp.{dom}:587")}
otpauth://totp/smtp-relay?secret={S("totp-secret", f.totp_secret())}&issuer={dom}
"""
    return _Draft("secrets-cli", text, "pass.txt", "text")


def sm_vault_kv(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    whsec = "whsec_" + f.alnum(32)
    text = f"""$ {K("vault kv get secret/payments/partner")}
======= Secret Path =======
{K("secret/data/payments/partner")}

======= Metadata =======
Key                Value
---                -----
created_time       2026-11-30T14:02:17.553189Z
custom_metadata    <nil>
deletion_time      n/a
destroyed          false
version            7

====== Data ======
Key               Value
---               -----
{env.lower():<17} {S(cls, tok)}
webhook_secret    {S("stripe-key", whsec)}
"""
    return _Draft("secrets-cli", text, "vault.txt", "text")


def sm_vault_login(f: _Fakes) -> _Draft:
    tok = f.vendor_token("vault-token")
    text = f"""$ {K("vault login -method=oidc role=engineer")}
Success! You are now authenticated. The token information displayed below
is already stored in the token helper. You do NOT need to run "vault login"
again. Future Vault requests will automatically use this token.

Key                  Value
---                  -----
token                {S("vault-token", tok)}
token_duration       768h
token_renewable      true
token_policies       ["default" "payments-ro"]
"""
    return _Draft("secrets-cli", text, "vault.txt", "text")


def sm_aws(f: _Fakes) -> _Draft:
    pw = f.password()
    ip = _ip(f, f.ip_private())
    text = f"""$ {K("aws secretsmanager get-secret-value --secret-id prod/orders/db")}
{{
    "ARN": "arn:aws:secretsmanager:eu-west-1:{f.digits(12)}:secret:prod/orders/db-{f.alnum(6)}",
    "Name": "prod/orders/db",
    "VersionId": "{K(f.uuid())}",
    "SecretString": "{{\\"username\\":\\"orders\\",\\"password\\":\\"{S("password", pw)}\\",\\"host\\":\\"{ip}\\",\\"port\\":5432}}",
    "VersionStages": [
        "{K("AWSCURRENT")}"
    ],
    "CreatedDate": "2026-10-14T11:20:43.918000+00:00"
}}
"""
    return _Draft("secrets-cli", text, "secret.json", "json")


def sm_doppler(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    sess = f.hex(64)
    rows = [
        ("DOPPLER_CONFIG", "prd", False),
        ("DOPPLER_ENVIRONMENT", "prd", False),
        ("DOPPLER_PROJECT", "api", False),
        (env, tok, True),
        ("SESSION_SECRET", sess, True),
    ]
    width = max(len(v) for _, v, _s in rows)
    line = "─" * (width + 2)
    out = [
        f"┌──────────────────────┬{line}┐",
        f"│ NAME                 │ {'VALUE':<{width}} │",
        f"├──────────────────────┼{line}┤",
    ]
    for name, value, secret in rows:
        cell = S(cls if name == env else "api-key", value) if secret else value
        out.append(f"│ {name:<20} │ {cell}{' ' * (width - len(value))} │")
    out.append(f"└──────────────────────┴{line}┘")
    table = "\n".join(out)
    text = f"""$ {K("doppler secrets --project api --config prd")}
{table}
"""
    return _Draft("secrets-cli", text, "doppler.txt", "text")


def sm_doppler_token(f: _Fakes) -> _Draft:
    tok = f.vendor_token("doppler-token")
    text = f"""$ {K("doppler configure get token --plain")}
{S("doppler-token", tok)}
$ {K("doppler run -- npm start")}
"""
    return _Draft("secrets-cli", text, "doppler.txt", "text")


def sm_sops(f: _Fakes) -> _Draft:
    pw = f.password()
    cls, tok, env = f.vendor()
    recipient = "age1" + f.chars(_BECH32, 58)
    text = f"""$ {K("sops -d secrets/prod.enc.yaml")}
db:
    user: orders
    password: {S("password", pw)}
{env.lower()}: {S(cls, tok)}
sops:
    age:
        - recipient: {K(recipient)}
    lastmodified: "2026-11-20T08:12:44Z"
    {K("unencrypted_suffix: _unencrypted")}
    version: 3.9.1
"""
    return _Draft("secrets-cli", text, "prod.yaml", "yaml")


def sm_age_keys(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    home = _user_path(f, user)
    key = f.vendor_token("age-secret-key")
    pub = "age1" + f.chars(_BECH32, 58)
    where = _opt(f, 0.4, home.replace(user, S("home-user", user)), "~")
    text = f"""$ cat {where}/.config/sops/age/keys.txt
# created: 2026-09-14T10:22:51Z
# public key: {K(pub)}
{S("age-secret-key", key)}
"""
    return _Draft("secrets-cli", text, "keys.txt", "text")


def app_electron(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    user = f.user(first, last)
    dom = f.pick(_DOMAINS)
    text = f"""$ cat {"/home/" + S("home-user", user)}/.config/Relay Desktop/settings.json
{{
  "windowBounds": {{ "x": 120, "y": 80, "width": 1280, "height": 800 }},
  "theme": "dark",
  "account": {{
    "email": "{S("email", email)}",
    "name": "{S("person-name", f"{first} {last}")}",
    "authToken": "{S("jwt", f.jwt())}",
    "refreshToken": "{S("api-key", f.alnum(64))}"
  }},
  "proxy": {{ "host": "{K(f"proxy.{dom}")}", "port": 3128, "password": "{_opt(f, 0.5, S("password", f.password()), K("****"))}" }},
  "telemetry": {{ "anonymousId": "{K(f.uuid())}" }}
}}
"""
    return _Draft("app-config", text, "settings.json", "json")


def app_gradle(f: _Fakes) -> _Draft:
    app = f.pick(_PROJECTS)
    text = f"""android {{
    namespace "io.{app}.app"
    signingConfigs {{
        release {{
            storeFile file("keystore/release.jks")
            storePassword "{S("password", f.password())}"
            {K(f'keyAlias "{app}-release"'.replace('"', "'"))}
            keyPassword "{S("password", f.password())}"
        }}
        debug {{
            {K("storePassword System.getenv('DEBUG_STORE_PASSWORD')")}
        }}
    }}
}}
"""
    return _Draft("app-config", text, "app/build.gradle", "groovy")


def app_gradle_props(f: _Fakes) -> _Draft:
    key = f.vendor_token("google-api-key")
    text = f"""{K("org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8")}
android.useAndroidX=true
RELEASE_STORE_PASSWORD={S("password", f.password())}
RELEASE_KEY_ALIAS=upload
MAPS_API_KEY={S("google-api-key", key)}
"""
    return _Draft("app-config", text, "gradle.properties", "properties")


def app_plist(f: _Fakes) -> _Draft:
    key = f.vendor_token("google-api-key")
    app = f.pick(_PROJECTS)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>API_KEY</key>
	<string>{S("google-api-key", key)}</string>
	<key>GCM_SENDER_ID</key>
	<string>{f.digits(12)}</string>
	<key>BUNDLE_ID</key>
	<string>{K(f"io.{app}.ios")}</string>
	<key>PROJECT_ID</key>
	<string>{K(f"{app}-prod-{f.digits(4)}")}</string>
</dict>
</plist>
"""
    return _Draft("app-config", text, "GoogleService-Info.plist", "xml")


def app_appsettings(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    key = f.vendor_token("sendgrid-key")
    host = f.pick(_PROJECTS)
    text = f"""{{
  "ConnectionStrings": {{
    "Default": "Server=tcp:{host}-sql.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password={S("connection-password", pw)};Encrypt=True;"
  }},
  "ApplicationInsights": {{
    "ConnectionString": "{K(f"InstrumentationKey={f.uuid()}")};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
  }},
  "Jwt": {{ "SigningKey": "{S("api-key", f.secret_b64(32))}", "Issuer": "{K(f"https://auth.{f.pick(_DOMAINS)}")}" }},
  "SendGrid": {{ "ApiKey": "{S("sendgrid-key", key)}" }}
}}
"""
    return _Draft("app-config", text, "appsettings.Production.json", "json")


def app_user_secrets(f: _Fakes) -> _Draft:
    cls, tok, _env = f.vendor()
    text = f"""$ {K("dotnet user-secrets list --project src/Api")}
Payments:ProviderKey = {S(cls, tok)}
Smtp:Password = {S("password", f.password())}
{K("Smtp:Host = smtp.sendgrid.net")}
"""
    return _Draft("app-config", text, "user-secrets.txt", "text")


def cal_ics(f: _Fakes) -> _Draft:
    people = [f.person() for _ in range(f.rng.randint(2, 3))]
    dom = f.pick(_DOMAINS)
    lines = []
    for i, (first, last) in enumerate(people):
        email = f.email(first, last, dom if i < 2 else None)
        role = (
            "ORGANIZER"
            if i == 0
            else f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={f.pick(('ACCEPTED', 'NEEDS-ACTION'))}"
        )
        lines.append(f"{role};CN={S('person-name', f'{first} {last}')}:mailto:{S('email', email)}")
    attendees = "\n".join(lines)
    text = f"""BEGIN:VCALENDAR
VERSION:2.0
{K("PRODID:-//Google Inc//Google Calendar 70.9054//EN")}
BEGIN:VEVENT
DTSTART:20261210T140000Z
DTEND:20261210T150000Z
UID:{K(f.uuid())}
{attendees}
SUMMARY:Quarterly access review
LOCATION:https://{dom.split(".")[0]}.zoom.us/j/{f.digits(11)}?pwd={S("password", f.alnum(32))}
{K("STATUS:CONFIRMED")}
END:VEVENT
END:VCALENDAR
"""
    return _Draft("calendar-contacts", text, "invite.ics", "text")


def cal_vcard(f: _Fakes) -> _Draft:
    cards = []
    for _ in range(f.rng.randint(1, 2)):
        first, last = f.person()
        cards.append(
            f"""BEGIN:VCARD
VERSION:3.0
{K("PRODID:-//Apple Inc.//iPhone OS 18.1//EN")}
N:{S("person-name", f"{last};{first}")};;;
FN:{S("person-name", f"{first} {last}")}
ORG:{f.pick(_DOMAINS).split(".")[0].title()};
EMAIL;type=INTERNET;type=WORK;type=pref:{S("email", f.email(first, last))}
TEL;type=CELL;type=VOICE;type=pref:{S("phone", f.phone())}
END:VCARD"""
        )
    return _Draft("calendar-contacts", "\n".join(cards) + "\n", "contacts.vcf", "text")


def cal_csv(f: _Fakes) -> _Draft:
    rows = []
    for _ in range(f.rng.randint(1, 2)):
        first, last = f.person()
        rows.append(
            f"{S('person-name', first)},,{S('person-name', last)},* myContacts,{S('email', f.email(first, last))},Mobile,{S('phone', f.phone())}"
        )
    body = "\n".join(rows)
    text = f"""{K("First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value")}
{body}
"""
    return _Draft("calendar-contacts", text, "contacts.csv", "csv")


def q_kafka(f: _Fakes) -> _Draft:
    key = f.chars(string.ascii_uppercase + string.digits, 16)
    secret = f.chars(_ALNUM + "+/", 64)
    text = f"""bootstrap.servers={K(f"pkc-{f.alnum(5).lower()}.eu-west-1.aws.confluent.cloud:9092")}
{K("security.protocol=SASL_SSL")}
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="{key}" password="{S("password", secret)}";
{K("session.timeout.ms=45000")}
schema.registry.url=https://psrc-{f.alnum(5).lower()}.eu-central-1.aws.confluent.cloud
{K("ssl.truststore.location=/etc/kafka/truststore.jks")}
ssl.truststore.password={S("password", f.password())}
"""
    return _Draft("queue-client", text, "client.properties", "properties")


def q_kafka_scram(f: _Fakes) -> _Draft:
    first, last = f.person()
    email = f.email(first, last)
    text = f"""$ {K("kafka-console-consumer.sh --bootstrap-server kafka-1.internal:9094 --topic signups --from-beginning --consumer.config scram.properties")}
{{"event":"signup","email":"{_opt(f, 0.5, S("email", email), K("qa@example.net"))}","ip":"{S("ip-address", f.ip_public())}","plan":"pro"}}
^CProcessed a total of 1 messages
$ cat scram.properties
{K("sasl.mechanism=SCRAM-SHA-512")}
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="signup-reader" password="{S("password", f.password(url_safe=True))}";
"""
    return _Draft("queue-client", text, "consumer.log", "text")


def q_nats_creds(f: _Fakes) -> _Draft:
    seed = f.vendor_token("nats-seed")
    text = f"""-----BEGIN NATS USER JWT-----
{S("jwt", f.jwt(nats=True))}
------END NATS USER JWT------

{K("************************* IMPORTANT *************************")}
NKEY Seed printed below can be used to sign and prove identity.
{K("NKEYs are sensitive and should be treated as secrets.")}

-----BEGIN USER NKEY SEED-----
{S("nats-seed", seed)}
------END USER NKEY SEED------

*************************************************************
"""
    return _Draft("queue-client", text, "orders.creds", "text")


def q_nats_context(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    pub = "U" + f.chars(_B32, 55)
    text = f"""$ {K("nats context info prod")}
NATS Configuration Context "prod"

      Server URLs: {K("tls://connect.ngs.global:4222")}
      Credentials: /home/{S("home-user", user)}/.config/nats/creds/ngs/orders.creds (OK)
             NKEY: {K(pub)}
             Path: /home/{user}/.config/nats/context/prod.json
"""
    return _Draft("queue-client", text, "nats.txt", "text")


def q_mqtt(f: _Fakes) -> _Draft:
    ip = _ip(f, f.ip_private())
    pw = f.password(url_safe=True)
    text = f"""$ mosquitto_pub -h {ip} -p 8883 {K("--cafile /etc/mosquitto/ca.crt")} -u sensor-gw --pw {S("password", pw)} -t plant/line3/temp -m 21.7
$ {K("mosquitto_sub -h localhost -t 'plant/#' -v")}
plant/line3/temp 21.7
"""
    return _Draft("queue-client", text, "mqtt.txt", "text")


def q_pulsar(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    text = f"""{K(f"webServiceUrl=https://pulsar.{dom}:8443/")}
brokerServiceUrl=pulsar+ssl://pulsar.{dom}:6651/
{K("authPlugin=org.apache.pulsar.client.impl.auth.AuthenticationToken")}
authParams=token:{S("jwt", f.jwt())}
tlsAllowInsecureConnection=false
"""
    return _Draft("queue-client", text, "client.conf", "properties")


def bk_pg_basebackup(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    ip = _ip(f, f.ip_private())
    text = f"""$ PGPASSWORD='{S("password", pw)}' pg_basebackup -h {ip} -p 5432 -U replicator {K("-D /var/lib/postgresql/16/main -Fp -Xs -P -R")}
waiting for checkpoint
 31337/2415819 kB (1%), 0/1 tablespace
2415829/2415829 kB (100%), 1/1 tablespace
$ {K("cat /var/lib/postgresql/16/main/postgresql.auto.conf")}
# Do not edit this file manually!
# It will be overwritten by the ALTER SYSTEM command.
primary_conninfo = 'user=replicator password={pw} channel_binding=prefer host={ip} port=5432 sslmode=prefer'
"""
    return _Draft("backup-tool", text, "basebackup.log", "text")


def bk_mongodump(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    pw2 = f.password(url_safe=True)
    text = f"""$ mongodump --uri="mongodb+srv://backup:{S("connection-password", pw)}@cluster0.{f.alnum(5).lower()}.mongodb.net/orders" {K("--out=/backups/2026-12-16")}
2026-12-16T02:00:01.412+0000	{K("writing orders.customers to /backups/2026-12-16/orders/customers.bson")}
2026-12-16T02:00:03.118+0000	done dumping orders.customers (48211 documents)
$ mongorestore --host {_ip(f, f.ip_private())} --username restore --password={S("password", pw2)} {K("--nsInclude=orders.* /backups/2026-12-16")}
2026-12-16T02:14:40.902+0000	48211 document(s) restored successfully. 0 document(s) failed to restore.
"""
    return _Draft("backup-tool", text, "mongo.log", "text")


def bk_rclone(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    akid = f.aws_key_id()
    text = f"""$ rclone config show
; {K("Config file")} "/home/{S("home-user", user)}/.config/rclone/rclone.conf"
[s3-backups]
type = s3
provider = AWS
access_key_id = {S("aws-access-key", akid)}
secret_access_key = {S("aws-secret-key", f.aws_secret())}
{K("region = eu-central-1")}

[gdrive]
type = drive
scope = drive
token = {{"access_token":"{S("google-oauth-token", f.vendor_token("google-oauth-token"))}","token_type":"Bearer","refresh_token":"1//0{f.b64u(100)}","expiry":"2026-12-16T10:12:33.41Z"}}

[crypt]
type = crypt
remote = s3-backups:acme-backups/enc
password = {S("password", f.b64u(43))}
"""
    return _Draft("backup-tool", text, "rclone.conf", "ini")


def bk_restic(f: _Fakes) -> _Draft:
    pw = f.password()
    text = f"""$ {K("export RESTIC_REPOSITORY=s3:s3.amazonaws.com/acme-restic/prod")}
$ export RESTIC_PASSWORD={S("password", pw)}
$ export AWS_ACCESS_KEY_ID={S("aws-access-key", f.aws_key_id())}
$ export AWS_SECRET_ACCESS_KEY={S("aws-secret-key", f.aws_secret())}
$ restic backup /srv/app/data --tag nightly
{K(f"repository {f.hex(8)} opened (version 2, compression level auto)")}
using parent snapshot {f.hex(8)}
Files:          12 new,    84 changed, 20431 unmodified
Added to the repository: 148.211 MiB (41.902 MiB stored)
{K(f"snapshot {f.hex(8)} saved")}
"""
    return _Draft("backup-tool", text, "restic.log", "text")


def bk_borg(f: _Fakes) -> _Draft:
    ip = _ip(f, f.ip_private())
    text = f"""$ export BORG_PASSPHRASE={S("password", f.password())}
$ borg create --stats ssh://borg@{ip}:22/./backups::{{hostname}}-{{now}} /etc /srv
------------------------------------------------------------------------------
{K("Repository: ssh://borg@")}{ip}:22/./backups
Archive name: web1-2026-12-16T03:00:02
{K("Number of files: 48211")}
"""
    return _Draft("backup-tool", text, "borg.log", "text")


def agent_edit_env(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    home = _user_path(f, user)
    cls, tok, env = f.vendor()
    proj = f.pick(_PROJECTS)
    path = f"{home.replace(user, S('home-user', user))}/code/{proj}/.env"
    text = f"""{{"type":"tool_use","id":"toolu_01{f.alnum(22)}","name":"Edit","input":{{"file_path":"{path}","{K("old_string")}":"{env}=","{K("new_string")}":"{env}={S(cls, tok)}"}}}}
{{"type":"tool_result","tool_use_id":"toolu_01{f.alnum(22)}","content":"The file {home}/code/{proj}/.env {K("has been updated.")}"}}
"""
    return _Draft("agent-tool-call", text, "transcript.jsonl", "json")


def agent_curl(f: _Fakes) -> _Draft:
    cls, tok, _env = f.vendor()
    dom = f.pick(_DOMAINS)
    text = f"""{{"type":"function_call","name":"shell","arguments":"{{\\"command\\":[\\"bash\\",\\"-lc\\",\\"curl -sS -H 'Authorization: Bearer {S(cls, tok)}' {K(f"https://api.{dom}/v2/invoices?limit=5")}\\"]}}"}}
{{"type":"function_call_output","output":"{{\\"data\\":[],\\"has_more\\":false}}"}}
"""
    return _Draft("agent-tool-call", text, "rollout.jsonl", "json")


def agent_curl_basic(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    dom = f.pick(_DOMAINS)
    basic_user = f.pick(("admin", "ops", "metrics"))
    pw2 = f.password(url_safe=True)
    cred = base64.b64encode(f"{basic_user}:{pw2}".encode()).decode()
    text = f"""Running: curl -u {basic_user}:{S("password", pw)} {K(f"https://grafana.{dom}/api/health")}
{{"commit":"{K(f.hex(40))}","database":"ok","version":"11.3.0"}}
Running: curl -H 'Authorization: Basic {S("basic-auth", cred)}' {K(f"https://registry.{dom}/v2/_catalog")}
{{"repositories":["api","worker"]}}
"""
    return _Draft("agent-tool-call", text, "agent.log", "text")


def agent_write_config(f: _Fakes) -> _Draft:
    pw = f.password(url_safe=True)
    cls, tok, env = f.vendor()
    ip = _ip(f, f.ip_private())
    key = f.hex(64)
    content = (
        f"DATABASE_URL=postgres://app:{S('connection-password', pw)}@{ip}:5432/app\\n"
        f"{env}={S(cls, tok)}\\nSECRET_KEY_BASE={S('api-key', key)}\\n{K('LOG_LEVEL=info')}\\n"
    )
    text = f"""{{"type":"tool_use","id":"toolu_01{f.alnum(22)}","name":"Write","input":{{"file_path":"deploy/.env.production","content":"{content}"}}}}
"""
    return _Draft("agent-tool-call", text, "transcript.jsonl", "json")


def agent_cookie(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    sid = f.alnum(32)
    text = f"""$ {K(f"curl -si https://app.{dom}/api/me")} -H 'Cookie: _ga={K(f"GA1.2.{f.digits(10)}.{f.digits(10)}")}; sessionid={S("session-cookie", sid)}; theme=dark'
HTTP/2 200
content-type: application/json
set-cookie: csrftoken={S("session-cookie", f.alnum(64))}; Path=/; SameSite=Lax; Secure
{K("vary: Cookie")}
"""
    return _Draft("agent-tool-call", text, "agent.log", "text")


def agent_presigned(f: _Fakes) -> _Draft:
    akid = f.aws_key_id()
    sig = f.hex(64)
    bucket = f.pick(_PROJECTS) + "-exports"
    text = f"""The export is ready; I fetched it with the presigned URL the API returned:

curl -o report.csv 'https://{bucket}.s3.eu-west-1.amazonaws.com/reports/2026-12.csv?{K("X-Amz-Algorithm=AWS4-HMAC-SHA256")}&X-Amz-Credential={akid}%2F20261216%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261216T101500Z&{K("X-Amz-Expires=3600")}&X-Amz-SignedHeaders=host&X-Amz-Signature={S("url-signature", sig)}'
  % Total    % Received % Xferd  Average Speed   Time
100 48211  100 48211    0     0   214k      0 --:--:-- --:--:-- --:--:--  215k
"""
    return _Draft("agent-tool-call", text, "agent.log", "text")


def agent_gcs_signed(f: _Fakes) -> _Draft:
    sig = f.hex(256)
    bucket = f.pick(_PROJECTS) + "-media"
    text = f"""Uploading the build with the signed URL:
{K("gsutil signurl -d 10m")} key.json gs://{bucket}/app.aab
URL	HTTP Method	Expiration	Signed URL
gs://{bucket}/app.aab	GET	2026-12-16 10:25:00	https://storage.googleapis.com/{bucket}/app.aab?{K("x-goog-algorithm=GOOG4-RSA-SHA256")}&x-goog-date=20261216T101500Z&x-goog-expires=600&x-goog-signedheaders=host&x-goog-signature={S("url-signature", sig)}
"""
    return _Draft("agent-tool-call", text, "agent.log", "text")


def agent_bearer(f: _Fakes) -> _Draft:
    tok = f.alnum(40)
    dom = f.pick(_DOMAINS)
    text = f"""> {K(f"GET https://api.{dom}/v1/accounts/me HTTP/1.1")}
> Host: api.{dom}
> Authorization: Bearer {S("bearer-token", tok)}
> {K("Accept: application/json")}
>
< HTTP/1.1 200 OK
< {K("Content-Type: application/json; charset=utf-8")}
"""
    return _Draft("agent-tool-call", text, "curl-v.txt", "text")


def test_pytest_card(f: _Fakes) -> _Draft:
    first, last = f.person()
    text = f"""    def test_refund_full_amount(gateway):
        payment = gateway.charge(
>           card_number='{S("credit-card", f.card())}', amount=4200, holder='{first[0]}. {last}'
        )
E       gateway.errors.CardDeclined: do_not_honor

payment_method = {{'type': 'sepa_debit', 'iban': '{S("iban", f.iban())}'}}
{K("tests/test_refunds.py:41: CardDeclined")}
"""
    return _Draft("test-runner", text, "pytest.log", "text")


def db_psql_employees(f: _Fakes) -> _Draft:
    first, last = f.person()
    text = f"""hr=> {_PSQL_X}
{K("Expanded display is on.")}
hr=> {K("select employee_id, first_name, last_name, tax_id, payout_iban from payroll.employees where employee_id = 417;")}
-[ RECORD 1 ]-----------------------
employee_id | 417
first_name  | {S("person-name", first)}
last_name   | {S("person-name", last)}
tax_id      | {S("ssn", f.ssn())}
payout_iban | {S("iban", f.iban())}
card_number | {S("credit-card", f.card())}
"""
    return _Draft("db-repl", text, "psql.txt", "text")


def deploy_fly_token(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    cls, tok, env = f.vendor()
    app = f.pick(_PROJECTS)
    text = f"""$ {K(f"fly deploy -a {app}-api --remote-only")}
==> Verifying app config
Validating /Users/{S("home-user", user)}/src/{app}/fly.toml
✓ Configuration is valid
--> Building image with Depot
#12 [build 4/6] RUN {env}={S(cls, tok)} npm run build
#12 DONE 41.2s
{K(f"Visit your newly deployed app at https://{app}-api.fly.dev/")}
"""
    return _Draft("deploy-log", text, "fly.log", "text")


def app_electron_user(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = f.user(first, last)
    cls, tok, _env = f.vendor()
    text = f"""[main] 2026-12-16 10:15:02.118 info  Loading settings from C:\\Users\\{S("home-user", user)}\\AppData\\Roaming\\Relay\\config.json
[main] 2026-12-16 10:15:02.140 info  {K("Auto-update channel: stable")}
[main] 2026-12-16 10:15:02.377 debug sync: authorization header Bearer {S(cls, tok)}
"""
    return _Draft("app-config", text, "main.log", "text")


def q_mqtt_paho(f: _Fakes) -> _Draft:
    host = _ip(f, f.ip_private())
    pw = f.password()
    text = f"""import paho.mqtt.client as mqtt

{K("client = mqtt.Client(client_id='line3-gw', protocol=mqtt.MQTTv5)")}
client.username_pw_set('line3-gw', password='{S("password", pw)}')
client.tls_set('/etc/ssl/certs/ca-certificates.crt')
client.connect('{host}', 8883)
"""
    return _Draft("queue-client", text, "gateway.py", "python")


def sm_pass_token(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    text = f"""$ {K("pass ls ci")}
ci
├── {env.lower()}
└── {K("registry-mirror")}
$ pass show ci/{env.lower()}
{S(cls, tok)}
"""
    return _Draft("secrets-cli", text, "pass.txt", "text")


def sm_bw_notes(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    text = f"""$ {K("bw sync")}
Syncing complete.
$ {K("bw get notes deploy-env")}
# rotated 2026-11-28
{env}={S(cls, tok)}
{env2}={S(cls2, tok2)}
{K("REGION=eu-west-1")}
"""
    return _Draft("secrets-cli", text, "bw.txt", "text")


def test_pytest_monkeypatch(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    text = f"""monkeypatch = <_pytest.monkeypatch.MonkeyPatch object at 0x7f0b8c2d1f10>

    {K("def test_client_reads_token(monkeypatch):")}
        monkeypatch.setenv('{env}', '{S(cls, tok)}')
>       assert Client().authenticated
E       assert False
E        +  where False = <Client base_url='https://api.internal'>.authenticated

{K("tests/test_client.py:19: AssertionError")}
"""
    return _Draft("test-runner", text, "pytest.log", "text")


def deploy_sls_print(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    app = f.pick(_PROJECTS)
    text = f"""$ {K("npx serverless print --stage prod")}
service: {app}-api
provider:
  name: aws
  runtime: nodejs20.x
  {K("region: eu-west-1")}
  environment:
    {env}: {S(cls, tok)}
    {env2}: {S(cls2, tok2)}
    {K("LOG_LEVEL: info")}
"""
    return _Draft("deploy-log", text, "serverless.yml", "yaml")


def agent_shell_export(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    text = f"""{{"type":"function_call","name":"shell","arguments":"{{\\"command\\":[\\"bash\\",\\"-lc\\",\\"export {env}={S(cls, tok)} && {K("./scripts/sync.sh --dry-run")}\\"],\\"timeout_ms\\":120000}}"}}
"""
    return _Draft("agent-tool-call", text, "rollout.jsonl", "json")


def app_electron_store(f: _Fakes) -> _Draft:
    cls, tok, _env = f.vendor()
    text = f"""{{
  "{K("lastOpenedWorkspace")}": "{K(f.uuid())}",
  "integrations": {{
    "provider": "{cls.split("-")[0]}",
    "token": "{S(cls, tok)}"
  }},
  "zoomFactor": 1.1
}}
"""
    return _Draft("app-config", text, "config.json", "json")


def agent_gcloud_token(f: _Fakes) -> _Draft:
    tok = f.vendor_token("google-oauth-token")
    text = f"""$ {K("gcloud auth print-access-token")}
{S("google-oauth-token", tok)}
$ {K("gcloud config get-value project")}
{f.pick(_PROJECTS)}-prod
"""
    return _Draft("agent-tool-call", text, "agent.log", "text")


def q_kcat_aws(f: _Fakes) -> _Draft:
    akid = f.aws_key_id()
    text = f"""$ {K("cat ~/.kafka/msk.properties")}
{K("security.protocol=SASL_SSL")}
sasl.mechanism=AWS_MSK_IAM
awsAccessKeyId={S("aws-access-key", akid)}
{K("sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler")}
"""
    return _Draft("queue-client", text, "msk.properties", "properties")


def q_nats_unit(f: _Fakes) -> _Draft:
    seed = f.vendor_token("nats-seed")
    text = f"""$ {K("systemctl cat orders-consumer.service")}
# /etc/systemd/system/orders-consumer.service
[Service]
{K("ExecStart=/usr/local/bin/orders-consumer --server tls://nats.internal:4222")}
Environment=NATS_NKEY_SEED={S("nats-seed", seed)}
{K("Restart=on-failure")}
"""
    return _Draft("queue-client", text, "orders-consumer.service", "ini")


def agent_basic(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    user = f.pick(("admin", "ops", "metrics", "ci"))
    cred = base64.b64encode(f"{user}:{f.password(url_safe=True)}".encode()).decode()
    text = f"""* Connected to registry.{dom} port 443
> {K("GET /v2/_catalog HTTP/2")}
> Host: registry.{dom}
> Authorization: Basic {S("basic-auth", cred)}
> {K("User-Agent: curl/8.5.0")}
< HTTP/2 200
"""
    return _Draft("agent-tool-call", text, "curl-v.txt", "text")


def db_psql_ssn(f: _Fakes) -> _Draft:
    aid = f.rng.randint(100, 9999)
    text = f"""kyc=> {K(f"select applicant_id, ssn, status from applicants where applicant_id = {aid};")}
 applicant_id |     ssn     |  status
--------------+-------------+----------
 {aid:>12} | {S("ssn", f.ssn())} | {K("approved")}
(1 row)
"""
    return _Draft("db-repl", text, "psql.txt", "text")


def bk_aws_secret(f: _Fakes) -> _Draft:
    text = f"""$ {K("aws configure get aws_secret_access_key --profile backup")}
{S("aws-secret-key", f.aws_secret())}
$ {K("aws s3 sync /srv/backups s3://acme-offsite/nightly --profile backup")}
upload: srv/backups/db.dump to s3://acme-offsite/nightly/db.dump
"""
    return _Draft("backup-tool", text, "backup.log", "text")


def sm_pass_totp(f: _Fakes) -> _Draft:
    text = f"""$ {K("pass show totp/registry")}
otpauth://totp/Registry:release-bot?secret={S("totp-secret", f.totp_secret())}&issuer=Registry&{K("algorithm=SHA1&digits=6&period=30")}
$ {K("pass otp totp/registry")}
{f.digits(6)}
"""
    return _Draft("secrets-cli", text, "pass.txt", "text")


def test_jest_phone(f: _Fakes) -> _Draft:
    text = f"""  ● {K("normalizePhone › keeps the country code")}

    expect(received).toEqual(expected) // deep equality

    - Expected  - 1
    + Received  + 1

      Object {{
    -   "phone": "+15555550100",
    +   "phone": "{S("phone", f.phone())}",
      }}
"""
    return _Draft("test-runner", text, "jest.log", "text")


def vpn_wg_genkey(f: _Fakes) -> _Draft:
    text = f"""$ {K("umask 077; wg genkey | tee /etc/wireguard/privatekey | wg pubkey > /etc/wireguard/publickey")}
$ {K("sudo cat /etc/wireguard/privatekey /etc/wireguard/publickey")}
{S("wireguard-key", f.wg_key())}
{K(f.wg_key())}
"""
    return _Draft("vpn-ssh", text, "wg.txt", "text")


def bk_shadow(f: _Fakes) -> _Draft:
    user = f.pick(("deploy", "backup", "postgres", "svc-restore"))
    text = f"""$ {K(f"sudo getent shadow {user}")}
{user}:{S("password-hash", f.password_hash())}:20061:0:99999:7:::
$ {K(f"sudo chage -l {user}")} | head -2
Last password change					: Dec 04, 2026
Password expires					: never
"""
    return _Draft("backup-tool", text, "shadow.txt", "text")


def repl_irb_env(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    text = f"""irb(main):001:0> ENV.fetch("{env}")
=> "{S(cls, tok)}"
irb(main):002:0> ENV.fetch("{env2}")
=> "{S(cls2, tok2)}"
irb(main):003:0> {K("Rails.application.credentials.dig(:aws, :region)")}
=> "eu-west-1"
"""
    return _Draft("repl", text, "console.rb", "ruby")


def repl_node_env(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    cls2, tok2, env2 = f.vendor()
    text = f"""> {K("require('dotenv').config().parsed")}
{{
  {env}: '{S(cls, tok)}',
  {env2}: '{S(cls2, tok2)}',
  {K("PORT: '3000'")}
}}
"""
    return _Draft("repl", text, "repl.js", "js")


def repl_python_headers(f: _Fakes) -> _Draft:
    dom = f.pick(_DOMAINS)
    text = f""">>> {K(f"r = requests.get('https://api.{dom}/v2/me', headers=auth_headers())")}
>>> r.status_code
403
>>> r.request.headers
{{'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', 'Accept': '*/*', 'Connection': 'keep-alive', 'Authorization': 'Bearer {S("bearer-token", f.alnum(40))}'}}
"""
    return _Draft("repl", text, "session.py", "pycon")


def db_psql_token(f: _Fakes) -> _Draft:
    cls, tok, _env = f.vendor()
    text = f"""ops=# {K("select provider, token, scopes from oauth_connections where workspace_id = 12 limit 1;")}
-[ RECORD 1 ]-------------------------------------------------------
provider | {cls.split("-")[0]}
token    | {S(cls, tok)}
scopes   | {K("read,write")}
"""
    return _Draft("db-repl", text, "psql.txt", "text")


def db_redis_get(f: _Fakes) -> _Draft:
    cls, tok, _env = f.vendor()
    wid = f.rng.randint(10, 9999)
    text = f"""127.0.0.1:6379> {K(f"HGET integration:{wid} api_token")}
"{S(cls, tok)}"
127.0.0.1:6379> {K(f"HGET integration:{wid} expires_at")}
"2027-01-14T09:00:00Z"
"""
    return _Draft("db-repl", text, "redis.txt", "text")


def cal_ics_single(f: _Fakes) -> _Draft:
    first, last = f.person()
    text = f"""BEGIN:VCALENDAR
{K("METHOD:REQUEST")}
BEGIN:VEVENT
UID:{K(f.uuid())}
DTSTART;TZID=Europe/Berlin:20261217T093000
ORGANIZER;CN={S("person-name", f"{first} {last}")}:mailto:{S("email", f.email(first, last))}
{K("ATTENDEE;CN=Jane Doe;RSVP=TRUE:mailto:jane.doe@example.org")}
SUMMARY:Incident review
END:VEVENT
END:VCALENDAR
"""
    return _Draft("calendar-contacts", text, "invite.ics", "text")


def cal_caldav(f: _Fakes) -> _Draft:
    first, last = f.person()
    text = f"""[pair work_calendar]
a = "work_local"
b = "work_remote"
{K("collections = [from a, from b]")}

[storage work_remote]
type = "caldav"
url = "{K("https://caldav.fastmail.com/dav/calendars/")}"
username = "{S("email", f.email(first, last, "fastmail.com"))}"
password = "{S("password", f.password())}"
"""
    return _Draft("calendar-contacts", text, "vdirsyncer.conf", "ini")


def cal_gcal_key(f: _Fakes) -> _Draft:
    key = f.vendor_token("google-api-key")
    text = f"""$ curl -s 'https://www.googleapis.com/calendar/v3/calendars/primary/events?{K("maxResults=5&singleEvents=true")}&key={S("google-api-key", key)}'
{{
  "kind": "calendar#events",
  "summary": "{K("Team calendar")}",
  "items": []
}}
"""
    return _Draft("calendar-contacts", text, "gcal.txt", "text")


def deploy_heroku_set(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    app = f.pick(_PROJECTS)
    text = f"""$ heroku config:set {env}={S(cls, tok)} -a {app}-api
Setting {env} and restarting ⬢ {app}-api... done, v{f.rng.randint(12, 480)}
{env}: {tok}
$ {K(f"heroku releases -a {app}-api -n 1")}
"""
    return _Draft("deploy-log", text, "heroku.log", "text")


def sm_ssm_param(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    app = f.pick(_PROJECTS)
    name = f"/{app}/prod/{env.lower()}"
    text = f"""$ {K(f"aws ssm get-parameter --name {name} --with-decryption")}
{{
    "Parameter": {{
        "Name": "{name}",
        "Type": "{K("SecureString")}",
        "Value": "{S(cls, tok)}",
        "Version": 3,
        "LastModifiedDate": "2026-11-21T16:40:12.512000+00:00",
        "DataType": "text"
    }}
}}
"""
    return _Draft("secrets-cli", text, "ssm.json", "json")


def sm_gcloud_secret(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    app = f.pick(_PROJECTS)
    text = f"""$ {K(f"gcloud secrets versions access latest --secret={env.lower().replace('_', '-')} --project={app}-prod")}
{S(cls, tok)}
"""
    return _Draft("secrets-cli", text, "gcloud.txt", "text")


def app_expo_json(f: _Fakes) -> _Draft:
    cls, tok, env = f.vendor()
    app = f.pick(_PROJECTS)
    words = env.lower().split("_")
    camel = words[0] + "".join(w.title() for w in words[1:])
    text = f"""{{
  "expo": {{
    "name": "{app.title()}",
    "slug": "{app}-mobile",
    "version": "2.14.0",
    "ios": {{ "bundleIdentifier": "{K(f"io.{app}.mobile")}" }},
    "extra": {{
      "eas": {{ "projectId": "{K(f.uuid())}" }},
      "{camel}": "{S(cls, tok)}"
    }}
  }}
}}
"""
    return _Draft("app-config", text, "app.json", "json")


# --- look-alike documents: nothing in them is a secret ------------------------------------------------


def look_env_example(f: _Fakes) -> _Draft:
    app = f.pick(_PROJECTS)
    filler = "ghp_" + "x" * 36
    fake_aws = "AKIA" + f.pick(("IOSFODNN7", "I44QH8DHB")) + "EXAMPLE"
    text = f"""# {app}: copy to .env and fill in
{K("STRIPE_SECRET_KEY=<your-stripe-key>")}
{K("GITHUB_TOKEN=" + filler)}
{K("DB_PASSWORD=changeme")}
{K("OPENAI_API_KEY=sk-...")}
{K("AWS_ACCESS_KEY_ID=" + fake_aws)}
{K("SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}")}
{K("ADMIN_EMAIL=ops@example.com")}
"""
    return _Draft("agent-tool-call", text, ".env.example", "dotenv")


def look_public_keys(f: _Fakes) -> _Draft:
    text = f"""$ {K("ssh-add -l")}
256 {K(f.ssh_fingerprint())} deploy@ci-runner (ED25519)
$ {K("ssh-add -L")}
{K(f.ssh_public())} deploy@ci-runner
{K(f.ssh_public("rsa"))} backup@nas
"""
    return _Draft("vpn-ssh", text, "agent.txt", "text")


def look_wg_docs(f: _Fakes) -> _Draft:
    text = f"""$ sudo wg show wg1
interface: wg1
  public key: {K(f.wg_key())}
  private key: {K("(hidden)")}
  listening port: 51821

peer: {K(f.wg_key())}
  endpoint: {K(f"203.0.113.{f.rng.randint(1, 254)}:51820")}
  allowed ips: {K("0.0.0.0/0")}, {K("::/0")}
$ {K("ip route show table main")}
{K("192.168.1.0/24 dev eth0 proto kernel scope link")}
"""
    return _Draft("vpn-ssh", text, "wg.txt", "text")


def look_test_card(f: _Fakes) -> _Draft:
    bad = f.iban(valid=False)
    text = f"""{K("FAILED tests/test_checkout.py::test_declines_bad_iban")} - assert False
    card = {{'number': '{K(" ".join([_TEST_CARD_GROUP] * 4))}', 'exp': '12/34', 'cvc': '123'}}
    sepa = {{'iban': '{K(bad)}'}}
E   AssertionError: expected InvalidIBAN for {bad}
{K("1 failed, 48 passed in 3.12s")}
"""
    return _Draft("test-runner", text, "pytest.log", "text")


def look_public_vendor(f: _Fakes) -> _Draft:
    posthog = "phc_" + f.alnum(43)
    mapbox = "pk.eyJ1Ijoi" + f.b64u(40) + "." + f.b64u(22)
    supa = "sb_publishable_" + f.b64u(31)
    text = f"""$ {K("vercel env ls production")}
 name                               value               environments
 NEXT_PUBLIC_POSTHOG_KEY            Encrypted           Production
$ cat .env.production.local
{K("NEXT_PUBLIC_POSTHOG_KEY=" + posthog)}
{K("NEXT_PUBLIC_MAPBOX_TOKEN=" + mapbox)}
{K("NEXT_PUBLIC_SUPABASE_KEY=" + supa)}
{K("NEXT_PUBLIC_API_URL=http://localhost:3000")}
"""
    return _Draft("deploy-log", text, "vercel.log", "text")


def look_nats_public(f: _Fakes) -> _Draft:
    text = f"""$ {K("nsc describe user orders-svc")}
+----------------------+----------------------------------------------------------+
|                                      User                                       |
+----------------------+----------------------------------------------------------+
| Name                 | orders-svc                                               |
| User ID              | {K("U" + f.chars(_B32, 55))} |
| Issuer ID            | {K("A" + f.chars(_B32, 55))} |
| Issued               | 2026-11-02 09:14:55 UTC                                  |
| Max Subscriptions    | Unlimited                                                |
+----------------------+----------------------------------------------------------+
"""
    return _Draft("queue-client", text, "nsc.txt", "text")


def look_references(f: _Fakes) -> _Draft:
    text = f"""{K("      - run: npm publish")}
        env:
          {K("NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}")}
{K("export VAULT_TOKEN=$(vault print token)")}
{K("export OP_TOKEN=$(op read op://ci/npm/credential)")}
{K("password = config.db_password")}
{K("conn = connect(host=host, password=pw)")}
{K("password: ****")}
"""
    return _Draft("agent-tool-call", text, "notes.md", "text")


def look_appinsights(f: _Fakes) -> _Draft:
    text = f"""{{
  "ApplicationInsights": {{
    "ConnectionString": "{K(f"InstrumentationKey={f.uuid()}")};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
  }},
  "Logging": {{ "LogLevel": {{ "Default": "Information" }} }},
  "Kestrel": {{ "Endpoints": {{ "Http": {{ "Url": "{K("http://0.0.0.0:8080")}" }} }} }},
  "Contact": "{K("support@example.org")}",
  "Build": "{K(f.hex(40))}"
}}
"""
    return _Draft("app-config", text, "appsettings.json", "json")


def look_headers(f: _Fakes) -> _Draft:
    text = f"""> {K("GET /socket HTTP/1.1")}
> {K("Sec-WebSocket-Key: " + base64.b64encode(f.bytes(16)).decode())}
> {K("Postman-Token: " + f.uuid())}
> Cookie: {K("session=deleted")}; {K(f"_gid=GA1.2.{f.digits(9)}.{f.digits(10)}")}
< HTTP/1.1 101 Switching Protocols
< {K("Sec-WebSocket-Accept: " + base64.b64encode(f.bytes(20)).decode())}
"""
    return _Draft("agent-tool-call", text, "headers.txt", "text")


def look_ics_example(f: _Fakes) -> _Draft:
    text = f"""BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:{K(f.uuid())}
{K("ORGANIZER;CN=Jane Doe:mailto:jane.doe@example.com")}
{K("ATTENDEE;CN=John Doe:mailto:john@example.org")}
{K("SUMMARY:Release 4.18.2.1 go/no-go")}
{K("LOCATION:Room 3")}
END:VEVENT
END:VCALENDAR
"""
    return _Draft("calendar-contacts", text, "example.ics", "text")


def look_backup_ok(f: _Fakes) -> _Draft:
    text = f"""$ {K("restic -r /mnt/backup --password-file /etc/restic/pass snapshots")}
ID        Time                 Host        Tags        Paths
------------------------------------------------------------------
{K(f.hex(8))}  2026-12-14 03:00:02  web1        nightly     /srv
{K(f.hex(8))}  2026-12-15 03:00:01  web1        nightly     /srv
------------------------------------------------------------------
$ {K("rclone lsd s3-backups:")}
          -1 2026-11-02 09:14:55        -1 {K("acme-backups")}
$ {K("pg_isready -h 127.0.0.1 -p 5432")}
127.0.0.1:5432 - accepting connections
"""
    return _Draft("backup-tool", text, "backup.txt", "text")


def look_repl(f: _Fakes) -> _Draft:
    text = f""">>> {K("import secrets")}
>>> {K("secrets.token_hex")}
<function token_hex at 0x7f1c2b3a4d30>
>>> {K("PASSWORD_RE = re.compile(r'^(?=.*[A-Z]).{12,}$')")}
>>> {K("uuid.uuid4()")}
UUID('{K(f.uuid())}')
>>> {K("ipaddress.ip_address('169.254.169.254').is_link_local")}
True
"""
    return _Draft("repl", text, "session.py", "pycon")


def look_vcard_example(f: _Fakes) -> _Draft:
    text = f"""BEGIN:VCARD
VERSION:4.0
{K("FN:Jane Doe")}
{K("N:Doe;Jane;;;")}
{K("EMAIL;TYPE=work:jane.doe@example.com")}
{K("ORG:Example Corp")}
{K("URL:https://www.example.org/team")}
END:VCARD
"""
    return _Draft("calendar-contacts", text, "sample.vcf", "text")


def look_deploy_ok(f: _Fakes) -> _Draft:
    app = f.pick(_PROJECTS)
    text = f"""{K(f"$ fly deploy -a {app}-web")}
==> Building image
{K(f"image: registry.fly.io/{app}-web:deployment-{f.chars(string.ascii_uppercase + string.digits, 26)}")}
{K("image size: 48 MB")}
Watch your deployment at https://fly.io/apps/{app}-web/monitoring
{K(f"commit {f.hex(40)}")}
{K("Machine 3d8d9e1bce4e08 [app] update succeeded")}
"""
    return _Draft("deploy-log", text, "fly.log", "text")


def look_kafka_placeholder(f: _Fakes) -> _Draft:
    text = f"""{K("bootstrap.servers=localhost:9092")}
{K("security.protocol=SASL_PLAINTEXT")}
{K("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=${KAFKA_USER} password=${KAFKA_PASSWORD};")}
{K("ssl.truststore.password=<truststore-password>")}
"""
    return _Draft("queue-client", text, "client.properties", "properties")


SECRET_TEMPLATES: tuple[Template, ...] = (
    repl_python_env,
    repl_python_struct,
    repl_node,
    repl_irb,
    db_psql_customers,
    db_psql_keys,
    db_redis,
    db_psql_employees,
    test_pytest_locals,
    test_pytest_diff,
    test_jest_snapshot,
    test_vitest,
    test_go,
    test_go_token,
    test_pytest_card,
    deploy_vercel,
    deploy_netlify,
    deploy_fly,
    deploy_heroku,
    deploy_serverless,
    deploy_sam,
    deploy_fly_token,
    vpn_wg_conf,
    vpn_wg_show,
    vpn_openvpn,
    vpn_openvpn_log,
    vpn_known_hosts,
    vpn_ssh_verbose,
    vpn_ssh_config,
    vpn_private_key,
    sm_op_item,
    sm_op_read,
    sm_bw,
    sm_pass,
    sm_vault_kv,
    sm_vault_login,
    sm_aws,
    sm_doppler,
    sm_doppler_token,
    sm_sops,
    sm_age_keys,
    app_electron,
    app_gradle,
    app_gradle_props,
    app_plist,
    app_appsettings,
    app_user_secrets,
    app_electron_user,
    cal_ics,
    cal_vcard,
    cal_csv,
    q_kafka,
    q_kafka_scram,
    q_nats_creds,
    q_nats_context,
    q_mqtt,
    q_pulsar,
    q_mqtt_paho,
    bk_pg_basebackup,
    bk_mongodump,
    bk_rclone,
    bk_restic,
    bk_borg,
    agent_edit_env,
    agent_curl,
    agent_curl_basic,
    agent_write_config,
    agent_cookie,
    agent_presigned,
    agent_gcs_signed,
    agent_bearer,
    sm_pass_token,
    sm_bw_notes,
    test_pytest_monkeypatch,
    deploy_sls_print,
    agent_shell_export,
    app_electron_store,
    agent_gcloud_token,
    q_kcat_aws,
    q_nats_unit,
    agent_basic,
    db_psql_ssn,
    bk_aws_secret,
    sm_pass_totp,
    test_jest_phone,
    vpn_wg_genkey,
    bk_shadow,
    repl_irb_env,
    repl_node_env,
    repl_python_headers,
    db_psql_token,
    db_redis_get,
    cal_ics_single,
    cal_caldav,
    cal_gcal_key,
    deploy_heroku_set,
    sm_ssm_param,
    sm_gcloud_secret,
    app_expo_json,
)

LOOKALIKE_TEMPLATES: tuple[Template, ...] = (
    look_env_example,
    look_public_keys,
    look_wg_docs,
    look_test_card,
    look_public_vendor,
    look_nats_public,
    look_references,
    look_appinsights,
    look_headers,
    look_ics_example,
    look_backup_ok,
    look_repl,
    look_vcard_example,
    look_deploy_ok,
    look_kafka_placeholder,
)

# How many documents each template gives (1 unless named): light templates fill the classes and the
# vendors that the richer ones touch only once.
_WEIGHTS: dict[Template, int] = {
    agent_basic: 9,
    agent_bearer: 6,
    agent_cookie: 5,
    agent_curl: 4,
    agent_gcloud_token: 9,
    agent_gcs_signed: 9,
    agent_shell_export: 5,
    repl_irb_env: 6,
    repl_node_env: 6,
    repl_python_headers: 4,
    db_psql_token: 6,
    db_redis_get: 6,
    cal_ics_single: 4,
    cal_caldav: 3,
    cal_gcal_key: 5,
    deploy_heroku_set: 3,
    sm_ssm_param: 4,
    sm_gcloud_secret: 3,
    app_expo_json: 5,
    app_electron_store: 6,
    app_plist: 5,
    bk_aws_secret: 8,
    bk_shadow: 8,
    db_psql_ssn: 8,
    deploy_netlify: 7,
    deploy_serverless: 4,
    deploy_vercel: 2,
    q_kcat_aws: 7,
    q_nats_unit: 9,
    q_pulsar: 6,
    sm_age_keys: 9,
    sm_doppler_token: 5,
    sm_op_read: 4,
    sm_pass_token: 4,
    sm_pass_totp: 7,
    sm_vault_kv: 6,
    sm_vault_login: 5,
    test_go_token: 7,
    test_jest_phone: 6,
    test_pytest_card: 8,
    test_pytest_monkeypatch: 5,
    test_vitest: 10,
    vpn_private_key: 3,
    vpn_wg_genkey: 7,
}

SECRET_DOCUMENTS = sum(_WEIGHTS.get(t, 1) for t in SECRET_TEMPLATES)
LOOKALIKE_DOCUMENTS = 42


# --- delivery ---------------------------------------------------------------------------------------


def _deliver(text: str, delivery: str, draft: _Draft, f: _Fakes) -> str:
    lines = text.rstrip("\n").split("\n")
    if delivery == "plain":
        return text
    if delivery == "json":
        if f.rng.random() < 0.5:
            record: dict[str, Any] = {
                "type": "function_call_output",
                "call_id": "call_" + f.alnum(24),
                "output": text,
            }
        else:
            record = {
                "type": "user",
                "message": {
                    "role": "user",
                    "content": [
                        {"type": "tool_result", "tool_use_id": "toolu_01" + f.alnum(22), "content": text}
                    ],
                },
            }
        return json.dumps(record, ensure_ascii=False) + "\n"
    if delivery == "diff":
        head = [
            f"diff --git a/{draft.path} b/{draft.path}",
            "new file mode 100644",
            f"index 0000000..{f.hex(7)}",
            "--- /dev/null",
            f"+++ b/{draft.path}",
            f"@@ -0,0 +1,{len(lines)} @@",
        ]
        return "\n".join(head + ["+" + line for line in lines]) + "\n"
    if delivery == "numbered":
        if f.rng.random() < 0.5:
            return "\n".join(f"{n:>6}→{line}" for n, line in enumerate(lines, 1)) + "\n"
        return "\n".join(f"{n}\t{line}" for n, line in enumerate(lines, 1)) + "\n"
    if delivery == "ci":
        ticks = f.rng.randint(0, 1800) * 10**7  # in 100 ns, as the runners print them
        out = []
        for line in lines:
            ticks += f.rng.randint(10**4, 4 * 10**6)
            seconds, frac = divmod(ticks, 10**7)
            minutes, seconds = divmod(seconds, 60)
            out.append(f"2026-12-16T09:{14 + minutes:02d}:{seconds:02d}.{frac:07d}Z {line}")
        return "\n".join(out) + "\n"
    if delivery == "fence":
        lead = f.pick(
            (
                "Here is what the command printed:",
                "The relevant part of the output:",
                "I ran it again and got this:",
                "For reference, the file as it stands now:",
            )
        )
        tail = f.pick(("Let me know if you need the rest.", "The next step is to fix the failing part.", ""))
        return f"{lead}\n\n```{draft.lang}\n{text.rstrip()}\n```\n\n{tail}\n"
    raise ValueError(delivery)


def _finish(name: str, draft: _Draft, delivery: str, f: _Fakes) -> Document:
    labelled: dict[str, str] = {}
    keeps: list[str] = []
    plain_parts: list[str] = []
    pos = 0
    for m in _SECRET_RE.finditer(draft.text):
        plain_parts.append(draft.text[pos : m.start()])
        if m.group(1) is not None:
            cls, value = m.group(1), m.group(2)
            if labelled.get(value, cls) != cls:
                raise _Clash(value)
            labelled[value] = cls
            plain_parts.append(value)
        else:
            keeps.append(m.group(3))
            plain_parts.append(m.group(3))
        pos = m.end()
    plain_parts.append(draft.text[pos:])
    plain = "".join(plain_parts)
    for value in list(labelled) + keeps:
        if not value or any(c in value for c in '"\\\n\t'):
            raise ValueError(f"unlabellable span in {name}: {value!r}")
    # glued occurrences in the plain text make a value part of a longer word: draw again
    for value in labelled:
        for m in re.finditer(re.escape(value), plain):
            before = plain[m.start() - 1] if m.start() else " "
            after = plain[m.end()] if m.end() < len(plain) else " "
            if (before.isalnum() and value[0].isalnum()) or (after.isalnum() and value[-1].isalnum()):
                raise _Clash(value)
    text = _deliver(plain, delivery, draft, f)
    secrets: list[Secret] = []
    taken: list[tuple[int, int]] = []
    for value, cls in labelled.items():
        if text.count(value) != plain.count(value):
            raise _Clash(value)
        start = text.find(value)
        while start != -1:
            secrets.append(Secret(cls, value, start))
            taken.append((start, start + len(value)))
            start = text.find(value, start + 1)
    taken.sort()
    for (_a, b), (c, _d) in itertools.pairwise(taken):
        if c < b:
            raise _Clash("overlap")
    keep_spans: list[Keep] = []
    seen: set[str] = set()
    for value in keeps:
        if value in seen or any(s in value or value in s for s in labelled):
            continue
        seen.add(value)
        start = text.find(value)
        while start != -1:
            end = start + len(value)
            if not any(a < end and start < b for a, b in taken):
                keep_spans.append(Keep(value, start))
                taken.append((start, end))
                break
            start = text.find(value, start + 1)
    secrets.sort(key=lambda s: s.offset)
    keep_spans.sort(key=lambda k: k.offset)
    return Document(name, draft.setting, delivery, text, tuple(secrets), tuple(keep_spans))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, the same for the same seed."""
    rng = random.Random(seed)
    f = _Fakes(rng)
    plan: list[tuple[Template, bool]] = [
        (t, True) for t in SECRET_TEMPLATES for _ in range(_WEIGHTS.get(t, 1))
    ]
    looks = [LOOKALIKE_TEMPLATES[i % len(LOOKALIKE_TEMPLATES)] for i in range(LOOKALIKE_DOCUMENTS)]
    plan.extend((t, False) for t in looks)
    rng.shuffle(plan)
    deliveries = [DELIVERIES[i % len(DELIVERIES)] for i in range(len(plan))]
    rng.shuffle(deliveries)
    docs: list[Document] = []
    for i, ((template, secretive), delivery) in enumerate(zip(plan, deliveries, strict=True)):
        name = f"{i:03d}-{template.__name__.replace('_', '-')}"
        for _attempt in range(50):
            f.pending = []
            try:
                doc = _finish(name, template(f), delivery, f)
            except _Clash:
                continue
            if secretive == bool(doc.secrets):
                break
        else:
            raise RuntimeError(f"could not draw {name}")
        for s in doc.secrets:
            f.committed[s.cls] = f.committed.get(s.cls, 0) + 1
        docs.append(doc)
    return docs


# --- measuring ----------------------------------------------------------------------------------------

_MARKER = "[removed]"


def _without_secrets(doc: Document) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
        text = text[: s.offset] + _MARKER + text[s.offset + len(s.text) :]
    return text


def _fragment_left(secret: str, out: str, baseline: str) -> bool:
    for i in range(len(secret) - 5):
        piece = secret[i : i + 6]
        if piece in out and piece not in baseline:
            return True
    return False


def _share(hit: int, total: int) -> float:
    return 1.0 if total == 0 else hit / total


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate figures of a scrub over documents: recall, recall leaving no fragment, keep rate."""
    total = removed = clean = vendor_total = vendor_removed = keep_total = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        baseline = scrub(_without_secrets(doc)) if doc.secrets else ""
        for s in doc.secrets:
            total += 1
            gone = s.text not in out
            removed += gone
            if gone and not _fragment_left(s.text, out, baseline):
                clean += 1
            if s.cls in VENDOR_CLASSES:
                vendor_total += 1
                vendor_removed += gone
        for k in doc.keeps:
            keep_total += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(total),
        "recall": _share(removed, total),
        "recall_no_fragment": _share(clean, total),
        "vendor_prefix_recall": _share(vendor_removed, vendor_total),
        "keep_rate": _share(kept, keep_total),
        "spans": float(keep_total),
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)


def corpus_digest(docs: list[Document]) -> str:
    payload = [
        {
            "name": d.name,
            "setting": d.setting,
            "delivery": d.delivery,
            "text": d.text,
            "secrets": [[s.cls, s.text, s.offset] for s in d.secrets],
            "keeps": [[k.text, k.offset] for k in d.keeps],
        }
        for d in docs
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
