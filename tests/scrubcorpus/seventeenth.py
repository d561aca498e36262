"""The seventeenth held-back corpus: labelled documents for measuring the scrubber from outside.

Its settings are ones no earlier part covered: configuration management (Ansible vault views, Chef data bags,
Puppet hiera, Salt pillars), home-lab self-hosting, game servers and chat bots, e-commerce administration,
mail infrastructure, analytics and marketing tools, data engineering, identity providers, mobile back-end
services, legacy enterprise configuration, health-insurance and HR records, and web3 development.

The labels were written from the scrubber's published policy (its package docstring) alone, never from its
rules: a `Secret` is what the policy says goes, a `Keep` what it says stays (placeholders, key names, hosts,
commands, public keys and certificates, documentation addresses, published test numbers, public identifiers)
and must survive byte for byte. Cases the policy leaves open are in the text but unlabelled.

Every fake is generated at build time from a seeded `random.Random` and is valid where its format has a check
(token checksums, Luhn, IBAN mod 97, SSN ranges, JWT and PEM layouts); the source holds no secret-shaped
literal. Each document is delivered as plain text, a JSON transcript line, a diff's added lines, numbered
lines, a CI log or a Markdown fence, and a label is the secret's exact text as delivered.

`measure_held_back` reports aggregates only: counts and shares, never a value or a per-document result.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import zlib
from collections.abc import Callable, Iterable, Sequence

import attrs

DEFAULT_SEED = 20261217


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


@attrs.frozen
class _S:
    """A secret part of a document while it is built."""

    cls: str
    text: str


@attrs.frozen
class _K:
    """A part that must survive."""

    text: str


Seg = str | _S | _K

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "gitlab-token",
        "slack-token",
        "stripe-key",
        "openai-key",
        "anthropic-key",
        "aws-access-key-id",
        "google-api-key",
        "npm-token",
        "pypi-token",
        "huggingface-token",
        "sendgrid-key",
        "shopify-token",
        "digitalocean-token",
        "sentry-token",
        "databricks-token",
        "atlassian-token",
        "vault-token",
        "mailchimp-key",
        "hubspot-token",
        "woocommerce-key",
        "okta-token",
        "supabase-secret",
        "doppler-token",
    }
)

RESERVED_EMAIL_DOMAINS: frozenset[str] = frozenset(
    {"example.com", "example.org", "example.net", "example", "test", "invalid", "localhost"}
)

DELIVERIES = ("plain", "json", "diff", "numbered", "ci", "fence")

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_URLSAFE = _ALNUM + "-_"
_HEX = "0123456789abcdef"
_B32 = string.ascii_uppercase + "234567"
_BCRYPT = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
_GIVEN = [
    "Amara",
    "Bastian",
    "Cecilia",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ingrid",
    "Jovan",
    "Katarzyna",
    "Lorenzo",
    "Maelle",
    "Nikhil",
    "Oksana",
    "Pedro",
    "Quentin",
    "Rasmus",
    "Saoirse",
    "Tobias",
    "Ulrike",
    "Valentina",
    "Wojciech",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Anneke",
    "Bartosz",
    "Chiara",
    "Desmond",
    "Esperanza",
    "Florian",
    "Gunnar",
    "Henrike",
    "Ismael",
    "Julieta",
    "Kwame",
    "Leocadia",
    "Matthias",
    "Nadia",
    "Orla",
]
_FAMILY = [
    "Abernathy",
    "Bergstrand",
    "Castellanos",
    "Dubrovsky",
    "Eriksen",
    "Fairbanks",
    "Grunewald",
    "Halvorsen",
    "Iwasaki",
    "Jankowski",
    "Kowalczyk",
    "Lindqvist",
    "Montague",
    "Nakagawa",
    "Okonkwo",
    "Pellegrini",
    "Quiroga",
    "Rosenthal",
    "Szymanski",
    "Thorvaldsen",
    "Underhill",
    "Vasquez",
    "Wexford",
    "Yamamoto",
    "Zielinski",
    "Achterberg",
    "Barrowman",
    "Cienfuegos",
    "Delacroix",
    "Esterhazy",
    "Fitzgerald",
    "Gallardo",
    "Hakobyan",
    "Ibarra",
    "Jablonski",
    "Kirkegaard",
    "Lestrange",
    "Marchetti",
    "Novakova",
    "Ostrowski",
]
_ORGS = [
    "norrvik",
    "kestrel",
    "halden",
    "brightmoor",
    "quillon",
    "tamarack",
    "veldhaven",
    "orchidea",
    "saltmarsh",
    "copperleaf",
    "fenwick",
    "ironbark",
    "larkspur",
    "millbrook",
]
_ORG_SUFFIX = ("", "-labs", "-health", "-logistics", "-retail", "-games", "-data")
_TLDS = ("io", "de", "co.uk", "com", "nl", "se", "dev")
_WORDS = [
    "abandon",
    "ability",
    "absorb",
    "acoustic",
    "adapt",
    "advice",
    "aerobic",
    "afford",
    "agent",
    "alarm",
    "album",
    "alley",
    "anchor",
    "ankle",
    "apology",
    "arctic",
    "armor",
    "arrow",
    "artefact",
    "aspect",
    "atom",
    "auction",
    "autumn",
    "avocado",
    "bamboo",
    "banner",
    "barrel",
    "basket",
    "beacon",
    "bicycle",
    "blanket",
    "bonus",
    "bracket",
    "breeze",
    "bridge",
    "bronze",
    "cabin",
    "cactus",
    "canal",
    "candle",
    "canyon",
    "carbon",
    "cattle",
    "ceiling",
    "cherry",
    "chimney",
    "citizen",
    "clever",
    "cluster",
    "coconut",
    "comet",
    "copper",
    "coral",
    "cradle",
    "crystal",
    "cupboard",
    "dolphin",
    "donkey",
    "dragon",
    "eagle",
    "echo",
    "eclipse",
    "elbow",
    "ember",
    "engine",
    "fabric",
    "falcon",
    "ferry",
    "fiber",
    "galaxy",
    "garlic",
    "glacier",
    "harbor",
    "hazard",
    "island",
    "jungle",
    "kettle",
    "lantern",
    "lemon",
    "lizard",
    "marble",
    "meadow",
]
_PW_WORDS = [
    "lilac",
    "mango",
    "cedar",
    "otter",
    "maple",
    "quartz",
    "falcon",
    "ember",
    "tundra",
    "walnut",
    "plum",
    "basil",
]
_TEST_CARDS = frozenset(
    {
        "4242" * 4,
        "4" + "1" * 15,
        "5555" * 3 + "4444",
        "5105" + "1051" + "0510" + "5100",
        "3782" + "8224" + "6310" + "005",
        "6011" + "1111" + "1111" + "1117",
    }
)
_IBAN_LEN = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "CH": 21}


def _b62(n: int, width: int = 6) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def luhn_ok(number: str) -> bool:
    """The Luhn check over the digits of a card number (separators ignored)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _iban_number(s: str) -> int:
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved))


def iban_ok(iban: str) -> bool:
    """A registry country's length and the mod-97 check."""
    s = iban.replace(" ", "")
    return s[:2] in _IBAN_LEN and len(s) == _IBAN_LEN[s[:2]] and s.isalnum() and _iban_number(s) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """A dashed social security number in the issued ranges."""
    parts = ssn.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [3, 2, 4] or not all(p.isdigit() for p in parts):
        return False
    area, group, serial = (int(p) for p in parts)
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class _Gen:
    """Every generated value of one corpus, from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.used: set[str] = set()
        self.names: set[str] = set()

    def pick(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def choice(self, items: Sequence[str]) -> str:
        return self.r.choice(items)

    def fresh(self, make: Callable[[], str]) -> str:
        while True:
            v = make()
            if v not in self.used and not any(v in u or u in v for u in self.used if len(u) >= 6 <= len(v)):
                self.used.add(v)
                return v

    def rbytes(self, n: int) -> bytes:
        return bytes(self.r.randrange(256) for _ in range(n))

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    # people and places
    def person(self) -> tuple[str, str]:
        while True:
            g, f = self.choice(_GIVEN), self.choice(_FAMILY)
            if g not in self.names and f not in self.names:
                self.names.update({g, f})
                return g, f

    def domain(self) -> str:
        return f"{self.choice(_ORGS)}{self.choice(_ORG_SUFFIX)}.{self.choice(_TLDS)}"

    def email_for(self, given: str, family: str, domain: str | None = None) -> str:
        dom = domain or self.domain()

        def make() -> str:
            local = self.choice(
                [f"{given}.{family}", f"{given[0]}_{family}", f"{given}{family[:3]}{self.num(1, 99)}"]
            )
            return f"{local.lower()}{self.pick(string.digits, self.num(0, 2))}@{dom}"

        return self.fresh(make)

    def user(self) -> str:
        return self.fresh(lambda: (self.choice(_GIVEN)[0] + self.choice(_FAMILY)).lower())

    # secrets
    def password(self, url: bool = False) -> str:
        def make() -> str:
            if self.r.random() < 0.3 and not url:
                return f"{self.choice(_PW_WORDS)}.{self.choice(_PW_WORDS)}{self.num(100, 999)}"
            sym = "-_.~" if url else "!%*+-._="
            body = self.pick(string.ascii_letters, 1) + self.pick(_ALNUM + sym, self.num(11, 19))
            return body + self.pick(sym, 1) + self.pick(string.digits, 1)

        return self.fresh(make)

    def ip(self) -> str:
        def make() -> str:
            kind = self.r.random()
            if kind < 0.3:
                parts = [10, self.num(1, 250), self.num(1, 250), self.num(2, 250)]
            elif kind < 0.5:
                parts = [172, self.num(16, 31), self.num(1, 250), self.num(2, 250)]
            elif kind < 0.7:
                parts = [192, 168, self.num(2, 250), self.num(2, 250)]
            elif kind < 0.8:
                parts = [100, self.num(64, 127), self.num(1, 250), self.num(2, 250)]
            else:
                parts = [
                    self.r.choice([34, 52, 91, 141, 185, 46, 94]),
                    *(self.num(11, 250) for _ in range(3)),
                ]
            return ".".join(str(p) for p in parts)

        return self.fresh(make)

    def phone(self) -> str:
        def make() -> str:
            style = self.num(0, 3)
            area, ex, line = self.num(201, 989), self.num(201, 989), self.num(1000, 9999)
            if ex == 555:
                ex = 556
            if style == 0:
                return f"+1 {area}-{ex}-{line}"
            if style == 1:
                return f"({area}) {ex}-{line}"
            if style == 2:
                return f"+44 7{self.num(400, 899)} {self.num(100000, 999999)}"
            return f"+49 15{self.num(1, 9)} {self.num(10000000, 99999999)}"

        return self.fresh(make)

    def ssn(self) -> str:
        def make() -> str:
            area = self.num(1, 899)
            if area == 666:
                area = 667
            return f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"

        return self.fresh(make)

    def card(self) -> str:
        def make() -> str:
            brand = self.num(0, 3)
            if brand == 0:
                prefix, length = "4", 16
            elif brand == 1:
                prefix, length = str(self.num(51, 55)), 16
            elif brand == 2:
                prefix, length = self.choice(["34", "37"]), 15
            else:
                prefix, length = "6011", 16
            while True:
                body = prefix + self.pick(string.digits, length - len(prefix) - 1)
                for check in string.digits:
                    if luhn_ok(body + check):
                        number = body + check
                        break
                if number not in _TEST_CARDS:
                    break
            sep = self.choice([" ", "-", ""])
            if length == 15:
                return sep.join([number[:4], number[4:10], number[10:]])
            return sep.join(number[i : i + 4] for i in range(0, 16, 4))

        return self.fresh(make)

    def iban(self) -> str:
        def make() -> str:
            cc = self.choice(sorted(_IBAN_LEN))
            if cc == "DE":
                bban = self.pick(string.digits, 18)
            elif cc == "GB":
                bban = self.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + self.pick(string.digits, 14)
            elif cc == "NL":
                while True:
                    acct = self.pick(string.digits, 10)
                    if sum(int(d) * w for d, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0:
                        break
                bban = self.choice(["ABNA", "INGB", "RABO", "TRIO", "KNAB"]) + acct
            elif cc == "AT":
                bban = self.pick(string.digits, 16)
            else:
                bban = self.pick(string.digits, 5) + self.pick(string.digits, 12)
            check = 98 - _iban_number(cc + "00" + bban) % 97
            iban = f"{cc}{check:02d}{bban}"
            if self.r.random() < 0.5:
                return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
            return iban

        return self.fresh(make)

    def jwt(self) -> str:
        def make() -> str:
            alg = self.choice(["HS256", "RS256", "ES256"])
            header = {"alg": alg, "typ": "JWT"}
            now = self.num(1_760_000_000, 1_790_000_000)
            payload = {
                "iss": f"https://auth.{self.domain()}/",
                "sub": f"{self.num(10_000, 99_999_999)}",
                "iat": now,
                "exp": now + self.r.choice([900, 3600, 86400]),
            }
            sig = self.pick(_URLSAFE, {"HS256": 43, "RS256": 342, "ES256": 86}[alg])
            enc = (_b64u(json.dumps(x, separators=(",", ":")).encode()) for x in (header, payload))
            return ".".join([*enc, sig])

        return self.fresh(make)

    def pem_lines(self, pkcs8: bool = False) -> tuple[str, list[str]]:
        """A private key's kind and its base64 body as lines."""
        if pkcs8 or self.r.random() < 0.5:
            der = bytes.fromhex("302e020100300506032b657004220420") + self.rbytes(32)
            kind = "PRIVATE KEY"
        else:
            der = (
                bytes.fromhex("307702010104") + b"\x20" + self.rbytes(32)
                + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + self.rbytes(64)
            )  # fmt: skip
            kind = "EC PRIVATE KEY"
        body = _b64(der)
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        for line in lines:
            self.used.add(line)
        return kind, lines

    def hash(self) -> str:
        def make() -> str:
            kind = self.num(0, 4)
            if kind == 0:
                return f"$2y${self.choice(['10', '12', '05'])}${self.pick(_BCRYPT, 53)}"
            if kind == 1:
                return f"$6${self.pick(_BCRYPT, 16)}${self.pick(_BCRYPT, 86)}"
            if kind == 2:
                return f"$y$j9T${self.pick(_BCRYPT, 22)}${self.pick(_BCRYPT, 43)}"
            if kind == 3:
                salt, digest = _b64(self.rbytes(16)).rstrip("="), _b64(self.rbytes(32)).rstrip("=")
                return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"
            return f"pbkdf2_sha256$870000${self.pick(_ALNUM, 22)}${_b64(self.rbytes(32))}"

        return self.fresh(make)

    def vendor(self, cls: str) -> str:
        def make() -> str:
            if cls == "github-token":
                body = self.pick(_B62, 30)
                return "ghp_" + body + _b62(zlib.crc32(body.encode()))
            if cls == "npm-token":
                body = self.pick(_B62, 30)
                return "npm_" + body + _b62(zlib.crc32(body.encode()))
            if cls == "gitlab-token":
                return "glpat-" + self.pick(_ALNUM, 2) + self.pick(_URLSAFE, 16) + self.pick(_ALNUM, 2)
            if cls == "slack-token":
                return f"xoxb-{self.num(10**10, 10**12)}-{self.num(10**11, 10**13)}-{self.pick(_ALNUM, 24)}"
            if cls == "stripe-key":
                return self.choice(["sk_live_", "rk_live_"]) + "51" + self.pick(_ALNUM, 97)
            if cls == "openai-key":
                return "sk-proj-" + self.pick(_ALNUM, 60) + "T3BlbkFJ" + self.pick(_ALNUM, 60)
            if cls == "anthropic-key":
                return (
                    "sk-ant-api03-"
                    + self.pick(_ALNUM, 1)
                    + self.pick(_URLSAFE, 91)
                    + self.pick(_ALNUM, 1)
                    + "AA"
                )
            if cls == "aws-access-key-id":
                return "AKIA" + self.pick(_B32, 16)
            if cls == "google-api-key":
                return "AIza" + self.pick(_ALNUM, 1) + self.pick(_URLSAFE, 33) + self.pick(_ALNUM, 1)
            if cls == "pypi-token":
                return (
                    "pypi-AgEIcHlwaS5vcmc"
                    + self.pick(_ALNUM, 2)
                    + self.pick(_URLSAFE, 130)
                    + self.pick(_ALNUM, 2)
                )
            if cls == "huggingface-token":
                return "hf_" + self.pick(string.ascii_letters, 34)
            if cls == "sendgrid-key":
                tail = self.pick(_ALNUM, 21) + self.pick(_URLSAFE, 21) + self.pick(_ALNUM, 1)
                return f"SG.{self.pick(_ALNUM, 22)}.{tail}"
            if cls == "shopify-token":
                return self.choice(["shpat_", "shpss_", "shpca_", "shppa_"]) + self.pick(_HEX, 32)
            if cls == "digitalocean-token":
                return "dop_v1_" + self.pick(_HEX, 64)
            if cls == "sentry-token":
                return "sntryu_" + self.pick(_HEX, 64)
            if cls == "databricks-token":
                return "dapi" + self.pick(_HEX, 32) + self.choice(["", "-2", "-3"])
            if cls == "atlassian-token":
                body = self.pick(_ALNUM, 1) + self.pick(_URLSAFE, 170) + self.pick(_ALNUM, 1)
                return "ATATT3xFfGF0" + body + "=" + self.pick("0123456789ABCDEF", 8)
            if cls == "vault-token":
                return "hvs." + self.pick(_ALNUM, 24)
            if cls == "mailchimp-key":
                return f"{self.pick(_HEX, 32)}-us{self.num(1, 21)}"
            if cls == "hubspot-token":
                parts = [self.pick(_HEX, n) for n in (8, 4, 4, 4, 12)]
                return f"pat-{self.choice(['na1', 'eu1', 'na2'])}-" + "-".join(parts)
            if cls == "woocommerce-key":
                return self.choice(["ck_", "cs_"]) + self.pick(_HEX, 40)
            if cls == "okta-token":
                return "00" + self.pick(_ALNUM, 1) + self.pick(_URLSAFE, 38) + self.pick(_ALNUM, 1)
            if cls == "supabase-secret":
                return "sb_secret_" + self.pick(_ALNUM, 1) + self.pick(_URLSAFE, 29) + self.pick(_ALNUM, 1)
            if cls == "doppler-token":
                return f"dp.st.{self.choice(['prd', 'stg', 'dev'])}." + self.pick(_ALNUM, 40)
            raise ValueError(cls)

        return self.fresh(make)

    def value(self, cls: str) -> str:
        if cls in VENDOR_CLASSES:
            return self.vendor(cls)
        if cls in ("password", "connection-password"):
            return self.password(url=cls == "connection-password")
        if cls == "secret":
            return self.fresh(
                lambda: self.choice([self.pick(_ALNUM, 48), self.pick(_HEX, 64), self.pick(_URLSAFE, 43)])
            )
        if cls == "api-key":
            return self.fresh(
                lambda: self.choice([self.pick(_HEX, 32), self.pick(_ALNUM, 40), self.pick(_B32, 34)])
            )
        if cls == "aws-secret-key":
            return self.fresh(lambda: self.pick(_ALNUM + "+/", 40))
        if cls == "jwt":
            return self.jwt()
        if cls == "email":
            g, f = self.person()
            return self.email_for(g, f)
        if cls == "ip-address":
            return self.ip()
        if cls == "discord-token":
            uid = str(self.num(10**17, 10**18 - 1))
            return self.fresh(
                lambda: f"{_b64u(uid.encode())}.{self.pick(_URLSAFE, 6)}.{self.pick(_URLSAFE, 38)}"
            )
        if cls == "telegram-token":
            return self.fresh(lambda: f"{self.num(10**8, 10**10 - 1)}:AA{self.pick(_URLSAFE, 33)}")
        if cls == "eth-private-key":
            return self.fresh(lambda: "0x" + self.pick(_HEX, 64))
        if cls == "mnemonic":
            return self.fresh(lambda: " ".join(self.choice(_WORDS) for _ in range(12)))
        if cls == "wireguard-key":
            return self.fresh(lambda: _b64(self.rbytes(32)))
        if cls == "password-hash":
            return self.hash()
        if cls == "service-account-key-id":
            return self.fresh(lambda: self.pick(_HEX, 40))
        if cls == "cookie":
            return self.fresh(
                lambda: self.choice([self.pick(_ALNUM, 32), self.pick(_HEX, 40), self.pick(_URLSAFE, 48)])
            )
        if cls == "basic-auth":
            return self.fresh(lambda: _b64(f"{self.user()}:{self.password(url=True)}".encode()))
        if cls == "phone":
            return self.phone()
        if cls == "ssn":
            return self.ssn()
        if cls == "credit-card":
            return self.card()
        if cls == "iban":
            return self.iban()
        if cls == "home-user":
            return self.user()
        raise ValueError(cls)

    # look-alikes that stay
    def uuid(self) -> str:
        h = self.pick(_HEX, 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def ssh_public(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.rbytes(32)
        return "ssh-ed25519 " + _b64(blob)

    def certificate(self) -> str:
        return _b64(bytes.fromhex("3082031d30820205a0030201020214") + self.rbytes(780))

    def sha(self, n: int = 40) -> str:
        return self.pick(_HEX, n)


# Names a value stands under, by class: upper case for env files; lower-cased for YAML and the like.
_NAMES: dict[str, tuple[str, ...]] = {
    "github-token": ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"),
    "gitlab-token": ("GITLAB_TOKEN", "GITLAB_PRIVATE_TOKEN"),
    "slack-token": ("SLACK_BOT_TOKEN", "SLACK_TOKEN"),
    "stripe-key": ("STRIPE_SECRET_KEY", "STRIPE_API_KEY"),
    "openai-key": ("OPENAI_API_KEY",),
    "anthropic-key": ("ANTHROPIC_API_KEY",),
    "aws-access-key-id": ("AWS_ACCESS_KEY_ID",),
    "google-api-key": ("GOOGLE_API_KEY", "MAPS_API_KEY", "GEMINI_API_KEY"),
    "npm-token": ("NPM_TOKEN", "NODE_AUTH_TOKEN"),
    "pypi-token": ("PYPI_TOKEN", "TWINE_PASSWORD"),
    "huggingface-token": ("HF_TOKEN", "HUGGINGFACE_TOKEN"),
    "sendgrid-key": ("SENDGRID_API_KEY",),
    "shopify-token": ("SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"),
    "digitalocean-token": ("DIGITALOCEAN_TOKEN", "DO_API_TOKEN"),
    "sentry-token": ("SENTRY_AUTH_TOKEN",),
    "databricks-token": ("DATABRICKS_TOKEN",),
    "atlassian-token": ("JIRA_API_TOKEN", "CONFLUENCE_API_TOKEN"),
    "vault-token": ("VAULT_TOKEN",),
    "mailchimp-key": ("MAILCHIMP_API_KEY",),
    "hubspot-token": ("HUBSPOT_ACCESS_TOKEN", "HUBSPOT_PRIVATE_APP_TOKEN"),
    "woocommerce-key": ("WC_CONSUMER_KEY", "WC_CONSUMER_SECRET"),
    "okta-token": ("OKTA_API_TOKEN",),
    "supabase-secret": ("SUPABASE_SECRET_KEY",),
    "doppler-token": ("DOPPLER_TOKEN",),
    "password": ("DB_PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "REDIS_PASSWORD", "MYSQL_PASSWORD"),
    "secret": ("APP_SECRET", "JWT_SECRET", "CLIENT_SECRET", "SESSION_SECRET", "WEBHOOK_SECRET"),
    "api-key": ("API_KEY", "STEAM_API_KEY", "ALCHEMY_API_KEY", "INFURA_API_KEY", "MIXPANEL_API_SECRET"),
    "aws-secret-key": ("AWS_SECRET_ACCESS_KEY",),
    "jwt": ("ACCESS_TOKEN", "SERVICE_TOKEN", "ID_TOKEN"),
    "email": ("ADMIN_EMAIL", "ACME_EMAIL", "ALERT_EMAIL", "OWNER_EMAIL"),
    "ip-address": ("DB_HOST", "REDIS_HOST", "SERVER_IP", "UPSTREAM_HOST"),
    "discord-token": ("DISCORD_TOKEN", "DISCORD_BOT_TOKEN"),
    "telegram-token": ("TELEGRAM_BOT_TOKEN", "BOT_TOKEN"),
    "eth-private-key": ("PRIVATE_KEY", "DEPLOYER_PRIVATE_KEY"),
    "mnemonic": ("MNEMONIC", "WALLET_MNEMONIC", "DEPLOYER_SEED_PHRASE"),
    "wireguard-key": ("WG_PRIVATE_KEY", "WIREGUARD_PRIVATE_KEY"),
}

_FIELDABLE = frozenset(_NAMES)


def _name(g: _Gen, cls: str, value: str) -> str:
    if cls == "woocommerce-key":
        return "WC_CONSUMER_KEY" if value.startswith("ck_") else "WC_CONSUMER_SECRET"
    return g.choice(_NAMES[cls])


def _field(g: _Gen, cls: str, style: str, prefix: str = "", indent: str = "") -> list[Seg]:
    """One line naming a value in a config syntax."""
    v = g.value(cls)
    up = _name(g, cls, v)
    low = prefix + up.lower()
    if style == "env":
        quote = '"' if " " in v else ""
        return [indent, _K(up), "=", quote, _S(cls, v), quote, "\n"]
    if style == "yaml":
        return [indent, _K(low), ": ", _S(cls, v), "\n"]
    if style == "yamlq":
        return [indent, _K(low), ': "', _S(cls, v), '"\n']
    if style == "json":
        return [indent, '"', _K(low), '": "', _S(cls, v), '",\n']
    if style == "php":
        return [indent, "'", _K(low), "' => '", _S(cls, v), "',\n"]
    if style == "toml":
        return [indent, _K(low), ' = "', _S(cls, v), '"\n']
    if style == "compose":
        return [indent, "- ", _K(up), "=", _S(cls, v), "\n"]
    raise ValueError(style)


def _fields(g: _Gen, classes: Sequence[str], style: str, prefix: str = "", indent: str = "") -> list[Seg]:
    out: list[Seg] = []
    for c in classes:
        out += _field(g, c, style, prefix, indent)
    return out


def _placeholder(g: _Gen) -> str:
    return g.choice(
        [
            "changeme",
            "<your-api-key>",
            "${DB_PASSWORD}",
            "****",
            "${SECRET_KEY}",
            "<your-token-here>",
            "${API_TOKEN}",
        ]
    )


def _filler(g: _Gen) -> str:
    kind = g.num(0, 3)
    if kind == 0:
        return "ghp_" + "x" * 36
    if kind == 1:
        return "AKIA" + "IOSFODNN7" + "EXAMPLE"
    if kind == 2:
        return "sk-" + "." * 3
    return "xoxb-" + "x" * 10


@attrs.frozen
class _Tpl:
    setting: str
    hosts: frozenset[str]
    slots: int
    render: Callable[[_Gen, list[str]], tuple[str, list[Seg]]]


_TEMPLATES: list[_Tpl] = []


def _tpl(
    setting: str, hosts: Iterable[str], slots: int = 2
) -> Callable[
    [Callable[[_Gen, list[str]], tuple[str, list[Seg]]]], Callable[[_Gen, list[str]], tuple[str, list[Seg]]]
]:
    def wrap(
        f: Callable[[_Gen, list[str]], tuple[str, list[Seg]]],
    ) -> Callable[[_Gen, list[str]], tuple[str, list[Seg]]]:
        _TEMPLATES.append(_Tpl(setting, frozenset(hosts), slots, f))
        return f

    return wrap


_LOOKALIKES: list[tuple[str, Callable[[_Gen], tuple[str, list[Seg]]]]] = []


def _look(
    setting: str,
) -> Callable[[Callable[[_Gen], tuple[str, list[Seg]]]], Callable[[_Gen], tuple[str, list[Seg]]]]:
    def wrap(f: Callable[[_Gen], tuple[str, list[Seg]]]) -> Callable[[_Gen], tuple[str, list[Seg]]]:
        _LOOKALIKES.append((setting, f))
        return f

    return wrap


def _only(classes: Sequence[str], allowed: frozenset[str]) -> list[str]:
    return [c for c in classes if c in allowed]


# ---------------------------------------------------------------- configuration management
_CM = "config-management"
_CM_F = frozenset(
    {
        "password", "secret", "api-key", "aws-secret-key", "aws-access-key-id", "github-token", "gitlab-token",
        "slack-token", "vault-token", "doppler-token", "sendgrid-key", "digitalocean-token", "email",
        "ip-address", "wireguard-key", "atlassian-token", "sentry-token",
    }
)  # fmt: skip


@_tpl(_CM, _CM_F)
def _ansible_vault(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    env = g.choice(["production", "staging", "eu_prod"])
    path = f"group_vars/{env}/vault.yml"
    segs: list[Seg] = [
        "$ ",
        _K(f"ansible-vault view {path}"),
        " --vault-password-file ",
        _K("~/.vault_pass.txt"),
        "\n",
    ]
    segs += ["---\n", _K("vault_deploy_user"), ": deploy\n"]
    segs += _fields(g, classes, g.choice(["yaml", "yamlq"]), prefix="vault_")
    segs += [_K("vault_ntp_server"), ": ", _K("0.pool.ntp.org"), "\n"]
    return "ansible-vault-view", segs


@_tpl(_CM, _CM_F)
def _chef_bag(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    item = g.choice(["postgres", "app_secrets", "monitoring", "mailer"])
    segs: list[Seg] = [
        "$ ",
        _K(
            f"knife data bag show credentials {item} --secret-file /etc/chef/encrypted_data_bag_secret -F json"
        ),
        "\n",
    ]
    segs += [
        "Encrypted data bag detected, decrypting with provided secret.\n{\n",
        '  "id": "',
        _K(item),
        '",\n',
    ]
    segs += _fields(g, classes, "json", indent="  ")
    segs += ['  "', _K("chef_environment"), '": "_default"\n}\n']
    return "knife-data-bag", segs


@_tpl(_CM, _CM_F)
def _hiera(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    role = g.choice(["profile::app", "profile::db", "profile::monitoring"])
    segs: list[Seg] = ["---\n", _K(f"{role}::listen_port"), ": 8443\n"]
    segs += _fields(g, classes, "yamlq", prefix=f"{role}::")
    segs += [_K(f"{role}::admin_password"), ': "', _K(f"%{{lookup('{role}::vault_admin_password')}}"), '"\n']
    return "hiera-common-yaml", segs


@_tpl(_CM, _CM_F)
def _salt_pillar(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    top = g.choice(["postgres", "app", "backup", "mail"])
    segs: list[Seg] = [
        f"# /srv/pillar/{top}/init.sls\n",
        f"{top}:\n",
        "  ",
        _K("service_name"),
        f": {top}d\n",
    ]
    segs += _fields(g, classes, "yaml", indent="  ")
    segs += [
        "  ",
        _K("password_from_vault"),
        ": ",
        _K("{{ salt['vault'].read_secret('kv/" + top + "') }}"),
        "\n",
    ]
    return "salt-pillar", segs


@_tpl(_CM, {"ip-address", "password", "home-user"}, slots=3)
def _inventory(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["[webservers]\n"]
    for i in range(1, 3):
        host = f"web{i}.{g.domain()}"
        segs += [_K(host), " ansible_host="]
        segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("127.0.0.1")]
        if "password" in classes and i == 1:
            segs += [" ansible_become_password=", _S("password", g.password())]
        if "home-user" in classes:
            u = g.user()
            segs += [" ansible_ssh_private_key_file=/home/", _S("home-user", u), "/.ssh/id_ed25519"]
        segs += ["\n"]
    segs += ["\n[webservers:vars]\n", _K("ansible_user"), "=deploy\n"]
    return "ansible-inventory", segs


@_tpl(_CM, {"password-hash", "email"})
def _ansible_users(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["# roles/users/vars/main.yml\n", _K("users"), ":\n"]
    for _ in range(g.num(1, 2)):
        u = g.choice(["deploy", "backup", "ops", "monitor", "builder"])
        segs += [f"  - name: {u}\n", "    ", _K("shell"), ": /bin/bash\n"]
        if "password-hash" in classes:
            segs += ['    password: "', _S("password-hash", g.hash()), '"\n']
        if "email" in classes:
            segs += ['    comment: "on-call ', _S("email", g.value("email")), '"\n']
    segs += ["    ", _K("update_password"), ": on_create\n"]
    return "ansible-users-vars", segs


@_look(_CM)
def _cm_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["---\n", _K("db_password"), ': "', _K("{{ vault_db_password }}"), '"\n']
    segs += [
        _K("api_token"),
        ": ",
        _K(_placeholder(g)),
        "\n",
        _K("ntp_servers"),
        ": [",
        _K("0.pool.ntp.org"),
        "]\n",
    ]
    segs += [_K("mgmt_network"), ": ", _K("10.0.0.0/8"), "\n", _K("dns_resolver"), ": ", _K("1.1.1.1"), "\n"]
    segs += [_K("ssh_authorized_key"), ': "', _K(g.ssh_public()), '"\n']
    return "group-vars-all", segs


# ---------------------------------------------------------------- self-hosting
_SH = "self-hosting"
_SH_F = frozenset(
    {"password", "secret", "api-key", "jwt", "email", "ip-address", "github-token", "digitalocean-token",
     "openai-key", "huggingface-token", "sendgrid-key", "gitlab-token"}
)  # fmt: skip


@_tpl(_SH, _SH_F)
def _compose(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    app = g.choice(["nextcloud", "gitea", "paperless", "immich", "vaultwarden"])
    segs: list[Seg] = ["services:\n", f"  {app}:\n", "    image: ", _K(f"{app}/{app}:latest"), "\n"]
    segs += ["    ports:\n", '      - "', _K("8080:80"), '"\n', "    environment:\n"]
    segs += _fields(g, classes, "compose", indent="      ")
    segs += ["      - ", _K("TZ=Europe/Berlin"), "\n", "    restart: unless-stopped\n"]
    return f"{app}-compose", segs


@_tpl(_SH, _SH_F | {"wireguard-key"})
def _ha_secrets(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["# secrets.yaml (Home Assistant)\n", _K("home_latitude"), ": 52.3731\n"]
    segs += _fields(g, classes, "yaml")
    segs += [_K("mqtt_broker"), ": ", _K("localhost"), "\n"]
    return "home-assistant-secrets", segs


@_tpl(_SH, {"password-hash", "email", "ip-address"})
def _traefik(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    dom = g.domain()
    if g.r.random() < 0.5:
        segs: list[Seg] = [
            "# dynamic/middlewares.yml\nhttp:\n  middlewares:\n    ",
            _K("dashboard-auth"),
            ":\n",
        ]
        segs += ["      basicAuth:\n        users:\n"]
        if "password-hash" in classes:
            segs += ['          - "admin:', _S("password-hash", g.hash()), '"\n']
        segs += ['  routers:\n    dashboard:\n      rule: "Host(`', _K(f"traefik.{dom}"), '`)"\n']
        if "ip-address" in classes:
            segs += [
                '  services:\n    nas:\n      loadBalancer:\n        servers:\n          - url: "http://'
            ]
            segs += [_S("ip-address", g.ip()), ':5000"\n']
        if "email" in classes:
            segs += [
                "certificatesResolvers:\n  le:\n    acme:\n      email: ",
                _S("email", g.value("email")),
                "\n",
            ]
        return "traefik-dynamic", segs
    segs = []
    if "email" in classes:
        segs += ["{\n\temail ", _S("email", g.value("email")), "\n}\n\n"]
    segs += [_K(f"photos.{dom}"), " {\n\t", _K("basic_auth"), " {\n"]
    if "password-hash" in classes:
        segs += ["\t\tfamily ", _S("password-hash", g.hash()), "\n"]
    segs += ["\t}\n\treverse_proxy "]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("localhost")]
    segs += [":2283\n}\n"]
    return "caddyfile", segs


@_tpl(_SH, {"wireguard-key", "ip-address"})
def _wireguard(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("sudo cat /etc/wireguard/wg0.conf"), "\n[Interface]\n"]
    if "wireguard-key" in classes:
        segs += ["PrivateKey = ", _S("wireguard-key", g.value("wireguard-key")), "\n"]
    segs += ["ListenPort = ", _K("51820"), "\n\n[Peer]\n", "PublicKey = ", _K(_b64(g.rbytes(32))), "\n"]
    segs += ["AllowedIPs = ", _K("0.0.0.0/0"), "\n", "Endpoint = "]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K(f"vpn.{g.domain()}")]
    segs += [":51820\nPersistentKeepalive = 25\n"]
    return "wireguard-conf", segs


@_tpl(_SH, {"password", "home-user"}, slots=2)
def _occ(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = []
    if "home-user" in classes:
        u = g.user()
        segs += ["$ cd /home/", _S("home-user", u), "/homelab/nextcloud && ", _K("docker compose ps"), "\n"]
        segs += ["NAME            IMAGE              STATUS\nnextcloud-app   nextcloud:29       Up 3 days\n"]
    segs += ["$ ", _K("docker exec -u www-data nextcloud-app php occ config:system:get dbpassword"), "\n"]
    segs += [_S("password", g.password()) if "password" in classes else _K("changeme"), "\n"]
    segs += [
        "$ ",
        _K("docker exec -u www-data nextcloud-app php occ config:system:get dbhost"),
        "\n",
        _K("db:5432"),
        "\n",
    ]
    return "nextcloud-occ", segs


@_look(_SH)
def _sh_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "services:\n  pihole:\n    image: ",
        _K("pihole/pihole:latest"),
        "\n    environment:\n",
    ]
    segs += ["      ", _K("FTLCONF_webserver_api_password"), ": ", _K("${PIHOLE_PASSWORD}"), "\n"]
    segs += ["      ", _K("FTLCONF_dns_upstreams"), ": ", _K("9.9.9.9;1.1.1.1"), "\n"]
    segs += ["    ports:\n      - ", _K("53:53/udp"), "\n    dns:\n      - ", _K("127.0.0.1"), "\n"]
    segs += ["# wg0 peer PublicKey = ", _K(_b64(g.rbytes(32))), "\n"]
    return "pihole-compose", segs


# ---------------------------------------------------------------- game servers and bots
_GB = "game-bots"
_GB_F = frozenset(
    {"discord-token", "telegram-token", "password", "api-key", "openai-key", "anthropic-key",
     "huggingface-token", "ip-address", "secret"}
)  # fmt: skip


@_tpl(_GB, _GB_F)
def _discord_cfg(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("cat config.json"), "\n{\n", '  "', _K("prefix"), '": "!",\n']
    segs += ['  "', _K("ownerId"), '": "', _K(str(g.num(10**17, 10**18 - 1))), '",\n']
    segs += _fields(g, classes, "json", indent="  ")
    segs += ['  "', _K("activity"), '": "Watching the raid queue"\n}\n']
    return "discord-bot-config", segs


@_tpl(_GB, _GB_F)
def _bot_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["# .env for the guild bot\n", _K("LOG_LEVEL"), "=info\n"]
    segs += _fields(g, classes, "env")
    segs += [_K("WEBHOOK_URL"), "=", _K("https://bot.example.com/telegram/webhook"), "\n"]
    segs += [
        "$ ",
        _K("python -m bot"),
        "\n2026-02-11 20:14:03,112 - telegram.ext.Application - INFO - Application started\n",
    ]
    return "bot-env", segs


@_tpl(_GB, {"password", "ip-address"})
def _server_properties(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "#Minecraft server properties\n",
        _K("enable-rcon"),
        "=true\n",
        _K("rcon.port"),
        "=25575\n",
    ]
    if "password" in classes:
        segs += [_K("rcon.password"), "=", _S("password", g.password()), "\n"]
    segs += [_K("server-ip"), "="]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("0.0.0.0")]
    segs += ["\n", _K("motd"), "=A Minecraft Server\n", _K("online-mode"), "=true\n"]
    return "server-properties", segs


@_tpl(_GB, {"password", "ip-address", "api-key"})
def _rcon_cli(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("mcrcon"), " -H "]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("127.0.0.1")]
    segs += [" -P 25575 -p "]
    segs += [_S("password", g.password())] if "password" in classes else [_K("${RCON_PASSWORD}")]
    segs += [' "list"\nThere are 3 of a max of 20 players online: Notch_fan_99\n']
    if "api-key" in classes:
        segs += ["$ curl 'https://api.steampowered.com/ISteamUser/GetPlayerSummaries/v2/?key="]
        segs += [
            _S("api-key", g.fresh(lambda: g.pick("0123456789ABCDEF", 32))),
            "&steamids=",
            _K(str(76561197960265728 + g.num(10**6, 10**9))),
            "'\n",
        ]
    return "rcon-session", segs


@_look(_GB)
def _gb_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "// config.example.json\n{\n",
        '  "',
        _K("token"),
        '": "',
        _K("<your-bot-token>"),
        '",\n',
    ]
    segs += ['  "', _K("guildId"), '": "', _K(str(g.num(10**17, 10**18 - 1))), '",\n']
    segs += ['  "', _K("rconHost"), '": "', _K("127.0.0.1"), '"\n}\n']
    return "bot-config-example", segs


# ---------------------------------------------------------------- e-commerce
_EC = "e-commerce"
_EC_F = frozenset(
    {"stripe-key", "shopify-token", "woocommerce-key", "password", "secret", "api-key", "sendgrid-key",
     "mailchimp-key", "email", "ip-address", "google-api-key", "aws-access-key-id", "aws-secret-key"}
)  # fmt: skip


@_tpl(_EC, _EC_F)
def _shopify_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    shop = g.choice(_ORGS)
    segs: list[Seg] = [
        "$ ",
        _K("shopify app env show"),
        "\n",
        _K("SCOPES"),
        "=",
        _K("write_products,read_orders"),
        "\n",
    ]
    segs += _fields(g, classes, "env")
    segs += [_K("SHOP"), "=", _K(f"{shop}.myshopify.com"), "\n"]
    return "shopify-env", segs


@_tpl(_EC, {"woocommerce-key", "basic-auth"}, slots=1)
def _woo_curl(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    host = f"shop.{g.domain()}"
    if "basic-auth" in classes:
        segs: list[Seg] = [
            "$ curl -s https://",
            _K(host),
            "/wp-json/wc/v3/orders?per_page=5 -H 'Authorization: Basic ",
        ]
        segs += [_S("basic-auth", g.value("basic-auth")), "'\n"]
    else:
        ck = g.fresh(lambda: "ck_" + g.pick(_HEX, 40))
        cs = g.fresh(lambda: "cs_" + g.pick(_HEX, 40))
        segs = ["$ curl https://", _K(host), "/wp-json/wc/v3/products -u ", _S("woocommerce-key", ck), ":"]
        segs += [_S("woocommerce-key", cs), "\n"]
    segs += ['[{"id":', str(g.num(100, 9999)), ',"status":"processing","currency":"EUR"}]\n']
    return "woocommerce-rest", segs


@_tpl(_EC, {"password", "secret", "ip-address"}, slots=3)
def _magento_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["<?php\nreturn [\n    ", "'", _K("MAGE_MODE"), "' => 'production',\n"]
    if "secret" in classes:
        segs += [
            "    'crypt' => [\n        'key' => '",
            _S("secret", g.fresh(lambda: g.pick(_HEX, 32))),
            "'\n    ],\n",
        ]
    segs += [
        "    'db' => [\n        'connection' => [\n            'default' => [\n                'host' => '"
    ]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("localhost")]
    segs += ["',\n                'dbname' => 'magento',\n                'username' => 'magento',\n"]
    segs += ["                'password' => '"]
    segs += [_S("password", g.password())] if "password" in classes else [_K("changeme")]
    segs += ["',\n            ]\n        ]\n    ],\n];\n"]
    return "magento-env-php", segs


@_tpl(_EC, {"password", "secret", "email"}, slots=3)
def _prestashop(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "<?php return array (\n  'parameters' =>\n  array (\n    'database_host' => '",
        _K("127.0.0.1"),
        "',\n",
    ]
    if "password" in classes:
        segs += ["    '", _K("database_password"), "' => '", _S("password", g.password()), "',\n"]
    if "secret" in classes:
        segs += [
            "    '",
            _K("cookie_key"),
            "' => '",
            _S("secret", g.fresh(lambda: g.pick(_ALNUM, 56))),
            "',\n",
        ]
        segs += ["    '", _K("secret"), "' => '", _S("secret", g.fresh(lambda: g.pick(_ALNUM, 56))), "',\n"]
    if "email" in classes:
        segs += ["    'ps_shop_email' => '", _S("email", g.value("email")), "',\n"]
    segs += ["    'ps_caching' => 'CacheMemcache',\n  ),\n);\n"]
    return "prestashop-parameters", segs


@_tpl(_EC, {"person-name", "email", "phone", "credit-card", "iban"}, slots=3)
def _order_export(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("wp wc shop_order list --format=json --user=admin"), "\n"]
    rows = g.num(1, 2)
    for i in range(rows):
        gv, fm = g.person()
        segs += [
            '{"id":',
            _K(str(g.num(1000, 99999) * 10 + i)),
            ',"billing":{"first_name":"',
            _S("person-name", gv),
        ]
        segs += [
            '","last_name":"',
            _S("person-name", fm),
            '","email":"',
            _S("email", g.email_for(gv, fm)),
            '"',
        ]
        if "phone" in classes:
            segs += [',"phone":"', _S("phone", g.phone()), '"']
        segs += ['},"total":"', f"{g.num(10, 900)}.{g.num(10, 99)}", '"']
        if "credit-card" in classes:
            segs += [',"meta":{"_card_number":"', _S("credit-card", g.card()), '"}']
        if "iban" in classes:
            segs += [',"refund":{"method":"sepa","iban":"', _S("iban", g.iban()), '"}']
        segs += ["}\n"]
    return "woocommerce-orders", segs


@_look(_EC)
def _ec_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["# Stripe test mode: use card ", _K(" ".join(["4242"] * 4)), " with any future date\n"]
    segs += [
        _K("STRIPE_SECRET_KEY"),
        "=",
        _K("${STRIPE_SECRET_KEY}"),
        "\n",
        _K("SHOPIFY_API_SECRET"),
        "=",
        _K("<your-api-secret>"),
        "\n",
    ]
    segs += [
        _K("ORDER_NOTIFY_EMAIL"),
        "=",
        _K("orders@example.com"),
        "\n",
        _K("WC_STORE_URL"),
        "=",
        _K("https://shop.example.org"),
        "\n",
    ]
    return "shop-env-example", segs


# ---------------------------------------------------------------- mail infrastructure
_EM = "mail-infra"
_EM_F = frozenset(
    {"sendgrid-key", "mailchimp-key", "password", "secret", "api-key", "email", "ip-address",
     "aws-access-key-id", "aws-secret-key"}
)  # fmt: skip


@_tpl(_EM, {"sendgrid-key", "password", "aws-access-key-id", "email"}, slots=2)
def _sasl_passwd(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("sudo cat /etc/postfix/sasl_passwd"), "\n"]
    if "sendgrid-key" in classes:
        segs += [
            _K("[smtp.sendgrid.net]:587"),
            " apikey:",
            _S("sendgrid-key", g.vendor("sendgrid-key")),
            "\n",
        ]
    if "aws-access-key-id" in classes:
        smtp_pw = g.fresh(lambda: "B" + g.pick(_ALNUM + "+/", 43))
        segs += [
            _K("[email-smtp.eu-west-1.amazonaws.com]:587"),
            " ",
            _S("aws-access-key-id", g.vendor("aws-access-key-id")),
        ]
        segs += [":", _S("password", smtp_pw), "\n"]
    if "password" in classes or "email" in classes:
        dom = g.domain()
        user: Seg = _S("email", g.value("email")) if "email" in classes else _K(f"postmaster@mg.{dom}")
        segs += [_K("[smtp.mailgun.org]:587"), " ", user, ":", _S("password", g.password()), "\n"]
    segs += ["$ ", _K("sudo postmap /etc/postfix/sasl_passwd"), "\n"]
    return "postfix-sasl-passwd", segs


@_tpl(_EM, {"password-hash", "email"}, slots=2)
def _dovecot_users(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    dom = g.domain()
    segs: list[Seg] = ["# /etc/dovecot/users (passwd-file)\n"]
    for _ in range(g.num(1, 2)):
        gv, fm = g.person()
        who: Seg = _S("email", g.email_for(gv, fm, dom)) if "email" in classes else _K(f"noreply@{dom}")
        h = g.hash() if "password-hash" in classes else ""
        scheme = (
            "{BLF-CRYPT}" if h.startswith("$2") else "{SHA512-CRYPT}" if h.startswith("$6") else "{CRYPT}"
        )
        segs += [who, ":", scheme if h else ""]
        segs += [_S("password-hash", h)] if h else [_K("{PLAIN}changeme")]
        segs += ["::::::\n"]
    segs += ["$ ", _K("doveadm auth test"), " ", _K(f"noreply@{dom}"), "\n"]
    return "dovecot-users", segs


@_tpl(_EM, {"private-key"}, slots=1)
def _dkim(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    dom = g.domain()
    kind, lines = g.pem_lines()
    segs: list[Seg] = ["$ ", _K(f"sudo cat /etc/opendkim/keys/{dom}/mail.private"), "\n"]
    segs += [f"-----BEGIN {kind}-----\n"]
    for line in lines:
        segs += [_S("private-key", line), "\n"]
    segs += [f"-----END {kind}-----\n", "$ ", _K(f"cat /etc/opendkim/keys/{dom}/mail.txt"), "\n"]
    segs += ['mail._domainkey\tIN\tTXT\t( "v=DKIM1; k=ed25519; p=', _K(_b64(g.rbytes(32))), '" )\n']
    return "opendkim-keys", segs


@_tpl(_EM, {"person-name", "email", "ip-address"}, slots=3)
def _mail_headers(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    ga, fa = g.person()
    gb, fb = g.person()
    da, db = g.domain(), g.domain()
    segs: list[Seg] = [f"Return-Path: <bounces@{da}>\n", f"Received: from mail.{da} (mail.{da} ["]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("192.0.2.25")]
    segs += ["])\n\tby mx1.", db, " with ESMTPS id 4Zx1; Tue, 10 Feb 2026 09:12:44 +0000\n"]
    segs += ["From: ", _S("person-name", f"{ga} {fa}"), " <", _S("email", g.email_for(ga, fa, da)), ">\n"]
    segs += ["To: ", _S("person-name", f"{gb} {fb}"), " <", _S("email", g.email_for(gb, fb, db)), ">\n"]
    segs += ["Subject: Re: quarterly invoice\n", f"Message-ID: <{g.sha(16)}.{g.num(100, 999)}@mail.{da}>\n"]
    return "mailbox-export", segs


@_tpl(_EM, _EM_F)
def _mailer_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "# /opt/listmonk/.env\n",
        _K("SMTP_HOST"),
        "=",
        _K("smtp.sendgrid.net"),
        "\n",
        _K("SMTP_PORT"),
        "=587\n",
    ]
    segs += _fields(g, classes, "env")
    segs += [_K("FROM_ADDRESS"), "=", _K("noreply@example.net"), "\n"]
    return "mailer-env", segs


@_look(_EM)
def _em_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("postconf -n | grep sasl"), "\n", _K("smtp_sasl_auth_enable = yes"), "\n"]
    segs += [
        _K("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd"),
        "\n",
        _K("relayhost = [smtp.example.com]:587"),
        "\n",
    ]
    segs += [
        _K("mynetworks = 127.0.0.0/8 [::1]/128"),
        "\n",
        "# postmaster: ",
        _K("postmaster@example.org"),
        "\n",
    ]
    return "postconf", segs


# ---------------------------------------------------------------- analytics and marketing
_MK = "marketing"
_MK_F = frozenset(
    {"hubspot-token", "mailchimp-key", "sendgrid-key", "api-key", "secret", "slack-token", "openai-key",
     "anthropic-key", "google-api-key", "email"}
)  # fmt: skip


@_tpl(_MK, _MK_F)
def _marketing_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("cat .env.local"),
        "\n",
        _K("NEXT_PUBLIC_POSTHOG_KEY"),
        "=",
        _K("phc_" + g.pick(_ALNUM, 43)),
        "\n",
    ]
    segs += _fields(g, classes, "env")
    segs += [_K("NEXT_PUBLIC_POSTHOG_HOST"), "=", _K("https://eu.i.posthog.com"), "\n"]
    return "marketing-env", segs


@_tpl(_MK, {"hubspot-token", "mailchimp-key", "secret"}, slots=1)
def _marketing_curl(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    c = classes[0]
    if c == "hubspot-token":
        segs: list[Seg] = [
            "$ curl --request GET --url '",
            _K("https://api.hubapi.com/crm/v3/objects/contacts?limit=10"),
            "' \\\n",
        ]
        segs += ["  --header 'authorization: Bearer ", _S(c, g.vendor(c)), "'\n"]
    elif c == "mailchimp-key":
        key = g.vendor(c)
        dc = key.rsplit("-", 1)[1]
        segs = [
            "$ curl -X GET 'https://",
            _K(f"{dc}.api.mailchimp.com/3.0/lists"),
            "' --user \"anystring:",
            _S(c, key),
            '"\n',
        ]
    else:
        tok = g.fresh(lambda: "dG9rOj" + g.pick(_ALNUM, 54) + "=")
        segs = [
            "$ curl https://api.intercom.io/contacts -H 'Intercom-Version: 2.11' -H 'Authorization: Bearer "
        ]
        segs += [_S("secret", tok), "'\n"]
    segs += ['{"total_items": ', str(g.num(10, 9000)), ', "status": "ok"}\n']
    return "marketing-api-call", segs


@_tpl(_MK, {"person-name", "email", "phone"}, slots=3)
def _contacts_csv(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("head -3 hubspot-contacts-export.csv"),
        "\n",
        _K("email,firstname,lastname,phone,lifecyclestage"),
        "\n",
    ]
    for _ in range(2):
        gv, fm = g.person()
        segs += [
            _S("email", g.email_for(gv, fm)),
            ",",
            _S("person-name", gv),
            ",",
            _S("person-name", fm),
            ",",
        ]
        segs += [_S("phone", g.phone()) if "phone" in classes else "", ",lead\n"]
    return "contacts-export", segs


@_look(_MK)
def _mk_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "<script>\n  posthog.init('",
        _K("phc_" + g.pick(_ALNUM, 43)),
        "', {api_host: '",
        _K("https://eu.i.posthog.com"),
        "'})\n",
    ]
    segs += [
        "  mapboxgl.accessToken = '",
        _K(
            "pk."
            + _b64u(b'{"u":"acme-maps","a":"' + g.pick(_ALNUM, 12).encode() + b'"}')
            + "."
            + g.pick(_URLSAFE, 22)
        ),
        "';\n",
    ]
    segs += [
        "</script>\n",
        "<!-- cookies: ",
        _K(f"_ga=GA1.2.{g.num(10**8, 10**9)}.{g.num(1_700_000_000, 1_790_000_000)}"),
        " -->\n",
    ]
    return "tracking-snippet", segs


# ---------------------------------------------------------------- data engineering
_DE = "data-engineering"
_DE_F = frozenset(
    {"databricks-token", "aws-access-key-id", "aws-secret-key", "password", "secret", "ip-address",
     "slack-token", "github-token", "pypi-token", "huggingface-token", "sentry-token", "atlassian-token"}
)  # fmt: skip


@_tpl(_DE, {"connection-password", "ip-address"}, slots=2)
def _airflow_conn(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    pw = g.password(url=True)
    host: Seg = _S("ip-address", g.ip()) if "ip-address" in classes else _K(f"dwh.{g.domain()}")
    segs: list[Seg] = [
        "$ ",
        _K("airflow connections get postgres_dwh -o yaml"),
        "\n- conn_id: postgres_dwh\n  conn_type: postgres\n",
    ]
    segs += [
        "  description: ''\n  extra: ''\n  get_uri: postgresql://etl_loader:",
        _S("connection-password", pw),
        "@",
        host,
        ":5432/dwh\n",
    ]
    segs += [
        "  host: ",
        host,
        "\n  id: '",
        str(g.num(2, 80)),
        "'\n  is_encrypted: 'True'\n  login: etl_loader\n",
    ]
    segs += ["  password: ", _S("connection-password", pw), "\n  port: '5432'\n  schema: dwh\n"]
    return "airflow-connections-get", segs


@_tpl(_DE, {"password", "home-user", "private-key"}, slots=2)
def _dbt_profiles(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    acct = f"{g.pick(string.ascii_lowercase, 2)}{g.num(10000, 99999)}.eu-west-1"
    segs: list[Seg] = []
    if "home-user" in classes:
        u = g.user()
        segs += [
            "$ ",
            _K("dbt debug"),
            "\n  profiles.yml file [OK found and valid] at /Users/",
            _S("home-user", u),
            "/.dbt/profiles.yml\n",
        ]
    segs += [
        "analytics:\n  target: prod\n  outputs:\n    prod:\n      type: snowflake\n      account: ",
        _K(acct),
        "\n",
    ]
    segs += ["      user: ", _K("DBT_LOADER"), "\n"]
    if "password" in classes:
        segs += ["      password: ", _S("password", g.password()), "\n"]
    else:
        segs += ['      password: "', _K("{{ env_var('DBT_PASSWORD') }}"), '"\n']
    segs += ["      warehouse: TRANSFORMING\n      database: ANALYTICS\n"]
    if "private-key" in classes:
        kind, lines = g.pem_lines()
        segs += [f"      private_key: |\n        -----BEGIN {kind}-----\n"]
        for line in lines:
            segs += ["        ", _S("private-key", line), "\n"]
        segs += [f"        -----END {kind}-----\n"]
    return "dbt-profiles", segs


@_tpl(_DE, {"connection-password"}, slots=1)
def _snowflake_url(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    acct = f"{g.pick(string.ascii_lowercase, 2)}{g.num(10000, 99999)}"
    segs: list[Seg] = [
        ">>> ",
        _K("engine = create_engine(os.environ['SNOWFLAKE_URL'])"),
        "\n>>> print(engine.url.render_as_string(hide_password=False))\n",
    ]
    segs += [
        "snowflake://LOADER:",
        _S("connection-password", g.password(url=True)),
        "@",
        _K(acct),
        "/RAW/PUBLIC?warehouse=LOAD_WH&role=LOADER\n",
    ]
    return "snowflake-url", segs


@_tpl(_DE, {"aws-access-key-id", "aws-secret-key", "databricks-token"}, slots=3)
def _spark_conf(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["# conf/spark-defaults.conf\n", _K("spark.master"), "                      yarn\n"]
    if "aws-access-key-id" in classes:
        segs += [
            _K("spark.hadoop.fs.s3a.access.key"),
            "    ",
            _S("aws-access-key-id", g.vendor("aws-access-key-id")),
            "\n",
        ]
    if "aws-secret-key" in classes:
        segs += [
            _K("spark.hadoop.fs.s3a.secret.key"),
            "    ",
            _S("aws-secret-key", g.value("aws-secret-key")),
            "\n",
        ]
    segs += [_K("spark.sql.shuffle.partitions"), "      200\n"]
    if "databricks-token" in classes:
        segs += [
            "$ ",
            _K("cat ~/.databrickscfg"),
            "\n[DEFAULT]\nhost  = ",
            _K(f"https://dbc-{g.sha(8)}-{g.sha(4)}.cloud.databricks.com"),
            "\n",
        ]
        segs += ["token = ", _S("databricks-token", g.vendor("databricks-token")), "\n"]
    return "spark-defaults", segs


@_tpl(_DE, {"password", "ip-address", "basic-auth"}, slots=3)
def _kafka_connect(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ curl -s -X POST -H 'Content-Type: application/json' "]
    if "basic-auth" in classes:
        segs += ["-H 'Authorization: Basic ", _S("basic-auth", g.value("basic-auth")), "' "]
    segs += [_K("http://localhost:8083/connectors"), " -d @orders-cdc.json\n"]
    segs += [
        '{\n  "name": "orders-cdc",\n  "config": {\n    "connector.class": "',
        _K("io.debezium.connector.postgresql.PostgresConnector"),
        '",\n',
    ]
    segs += ['    "database.hostname": "']
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("db.internal.example")]
    segs += ['",\n    "database.user": "debezium",\n    "', _K("database.password"), '": "']
    segs += (
        [_S("password", g.password())]
        if "password" in classes
        else [_K("${file:/secrets/db.properties:password}")]
    )
    segs += ['",\n    "topic.prefix": "orders"\n  }\n}\n']
    return "kafka-connect-create", segs


@_tpl(_DE, _DE_F)
def _de_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("printenv | grep -E 'AWS|DATABRICKS|SLACK|TOKEN|PASSWORD|HOST'"), "\n"]
    segs += _fields(g, classes, "env")
    segs += [_K("AIRFLOW_HOME"), "=/opt/airflow\n"]
    return "pipeline-env", segs


@_look(_DE)
def _de_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("airflow connections get aws_default -o yaml"),
        "\n- conn_id: aws_default\n  conn_type: aws\n",
    ]
    segs += [
        '  extra: \'{"region_name": "eu-west-1"}\'\n  login: ',
        _K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        "\n",
    ]
    segs += ["  password: ", _K("****"), "\n  get_uri: ", _K("aws://:****@/?region_name=eu-west-1"), "\n"]
    segs += ["# commit ", _K(g.sha()), " pins the DAGs\n"]
    return "airflow-aws-default", segs


# ---------------------------------------------------------------- identity providers
_ID = "identity"
_ID_F = frozenset(
    {"okta-token", "secret", "jwt", "password", "email", "atlassian-token", "github-token", "slack-token"}
)


@_tpl(_ID, {"okta-token", "person-name", "email"}, slots=3)
def _okta_users(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    org = g.choice(_ORGS)
    segs: list[Seg] = ["$ curl -s -H 'Accept: application/json' -H 'Authorization: SSWS "]
    segs += (
        [_S("okta-token", g.vendor("okta-token"))] if "okta-token" in classes else [_K("${OKTA_API_TOKEN}")]
    )
    segs += ["' '", _K(f"https://{org}.okta.com/api/v1/users?limit=1"), "'\n"]
    gv, fm = g.person()
    mail: Seg = _S("email", g.email_for(gv, fm)) if "email" in classes else _K("new.hire@example.com")
    segs += ['[{"id":"', _K("00u" + g.pick(_ALNUM, 17)), '","status":"ACTIVE","profile":{"firstName":"']
    if "person-name" in classes:
        segs += [_S("person-name", gv), '","lastName":"', _S("person-name", fm)]
    else:
        segs += ["Test", '","lastName":"', "User"]
    segs += ['","email":"', mail, '","login":"', mail, '"}}]\n']
    return "okta-list-users", segs


@_tpl(_ID, _ID_F)
def _auth0_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "# .env.production\n",
        _K("AUTH0_DOMAIN"),
        "=",
        _K(f"{g.choice(_ORGS)}.eu.auth0.com"),
        "\n",
    ]
    segs += [_K("AUTH0_AUDIENCE"), "=", _K("https://api.example.com"), "\n"]
    segs += _fields(g, classes, "env")
    return "auth0-env", segs


@_tpl(_ID, {"secret", "person-name", "email", "password"}, slots=3)
def _keycloak_export(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        '{\n  "realm": "',
        _K("corp"),
        '",\n  "clients": [\n    {\n      "clientId": "',
        _K("grafana"),
        '",\n',
    ]
    if "secret" in classes:
        segs += ['      "', _K("secret"), '": "', _S("secret", g.fresh(lambda: g.pick(_ALNUM, 32))), '",\n']
    segs += ['      "redirectUris": ["', _K("https://grafana.example.com/*"), '"]\n    }\n  ],\n']
    if "password" in classes:
        segs += ['  "smtpServer": {"host": "', _K("smtp.example.com"), '", "user": "keycloak", "password": "']
        segs += [_S("password", g.password()), '"},\n']
    gv, fm = g.person()
    segs += ['  "users": [\n    {\n      "username": "', f"u{g.num(1000, 9999)}"]
    segs += [
        '",\n      "firstName": "',
        _S("person-name", gv),
        '",\n      "lastName": "',
        _S("person-name", fm),
        '",\n',
    ]
    segs += [
        '      "email": "',
        _S("email", g.email_for(gv, fm)),
        '",\n      "enabled": true\n    }\n  ]\n}\n',
    ]
    return "keycloak-realm-export", segs


@_tpl(_ID, {"private-key"}, slots=1)
def _saml(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("curl -s https://sso.example.com/saml/metadata"), "\n"]
    segs += [
        '<md:EntityDescriptor entityID="',
        _K("https://sso.example.com/saml"),
        '">\n  <md:IDPSSODescriptor>\n',
    ]
    segs += [
        "    <ds:X509Certificate>",
        _K(g.certificate()),
        "</ds:X509Certificate>\n  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n",
    ]
    kind, lines = g.pem_lines()
    segs += ["$ ", _K("cat saml/sp-signing.key"), f"\n-----BEGIN {kind}-----\n"]
    for line in lines:
        segs += [_S("private-key", line), "\n"]
    segs += [f"-----END {kind}-----\n"]
    return "saml-metadata-and-key", segs


@_tpl(_ID, {"jwt", "cookie"}, slots=2)
def _oidc_debug(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["> POST /oauth2/token HTTP/1.1\n> Host: ", _K(f"auth.{g.domain()}"), "\n"]
    if "cookie" in classes:
        segs += [
            "> Cookie: ",
            _K("KEYCLOAK_SESSION"),
            "=",
            _S("cookie", g.value("cookie")),
            "; ",
            _K("KC_RESTART=deleted"),
            "\n",
        ]
    segs += ["< HTTP/1.1 200 OK\n"]
    if "jwt" in classes:
        segs += ['{"token_type":"Bearer","expires_in":300,"id_token":"', _S("jwt", g.jwt()), '"}\n']
    else:
        segs += ['{"token_type":"Bearer","expires_in":300,"scope":"openid email"}\n']
    return "oidc-token-exchange", segs


@_look(_ID)
def _id_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ['<md:EntityDescriptor entityID="', _K("https://idp.example.org/metadata"), '">\n']
    segs += ["  <ds:X509Certificate>", _K(g.certificate()), "</ds:X509Certificate>\n"]
    segs += [
        '  <md:SingleSignOnService Location="',
        _K("https://idp.example.org/sso"),
        '"/>\n</md:EntityDescriptor>\n',
    ]
    segs += ["# client_secret = ", _K("<your-client-secret>"), "\n"]
    return "saml-idp-metadata", segs


# ---------------------------------------------------------------- back-end services
_BA = "backend-services"
_BA_F = frozenset(
    {"supabase-secret", "google-api-key", "secret", "api-key", "jwt", "npm-token", "sentry-token", "openai-key",
     "anthropic-key", "github-token"}
)  # fmt: skip


@_tpl(_BA, {"google-api-key"}, slots=1)
def _firebase_web(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    proj = f"{g.choice(_ORGS)}-{g.num(1000, 9999)}"
    segs: list[Seg] = [
        '// src/firebase.ts\nconst firebaseConfig = {\n  apiKey: "',
        _S("google-api-key", g.vendor("google-api-key")),
        '",\n',
    ]
    segs += ['  authDomain: "', _K(f"{proj}.firebaseapp.com"), '",\n  projectId: "', _K(proj), '",\n']
    segs += [f'  messagingSenderId: "{g.num(10**11, 10**12)}",\n', "};\n"]
    return "firebase-web-config", segs


@_tpl(_BA, {"service-account-key-id", "private-key"}, slots=2)
def _service_account(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    proj = f"{g.choice(_ORGS)}-{g.num(1000, 9999)}"
    _kind, lines = g.pem_lines(pkcs8=True)
    segs: list[Seg] = [
        "$ ",
        _K("cat firebase-adminsdk.json"),
        '\n{\n  "type": "service_account",\n  "project_id": "',
        _K(proj),
        '",\n',
    ]
    segs += ['  "private_key_id": "', _S("service-account-key-id", g.value("service-account-key-id")), '",\n']
    segs += ['  "private_key": "-----BEGIN PRIVATE KEY-----\\n']
    for line in lines:
        segs += [_S("private-key", line), "\\n"]
    segs += [
        '-----END PRIVATE KEY-----\\n",\n',
        f'  "client_email": "firebase-adminsdk-{g.pick(string.ascii_lowercase, 5)}@{proj}.iam.gserviceaccount.com",\n',
    ]
    segs += ['  "token_uri": "', _K("https://oauth2.googleapis.com/token"), '"\n}\n']
    return "firebase-service-account", segs


@_tpl(_BA, {"service-account-key-id"}, slots=1)
def _gcloud_keys(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    proj = f"{g.choice(_ORGS)}-{g.num(1000, 9999)}"
    sa = f"backend@{proj}.iam.gserviceaccount.com"
    segs: list[Seg] = ["$ ", _K(f"gcloud iam service-accounts keys list --iam-account={sa}"), "\n"]
    segs += [
        "KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED\n"
    ]
    for _ in range(2):
        segs += [
            _S("service-account-key-id", g.value("service-account-key-id")),
            "  2026-01-14T09:12:44Z  9999-12-31T23:59:59Z\n",
        ]
    return "gcloud-keys-list", segs


@_tpl(_BA, _BA_F)
def _supabase_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    ref = g.pick(string.ascii_lowercase, 20)
    segs: list[Seg] = [_K("SUPABASE_URL"), "=", _K(f"https://{ref}.supabase.co"), "\n"]
    segs += [
        _K("SUPABASE_PUBLISHABLE_KEY"),
        "=",
        _K("sb_publishable_" + g.pick(_ALNUM, 22) + "_" + g.pick(_ALNUM, 8)),
        "\n",
    ]
    segs += _fields(g, classes, "env")
    segs += [_K("PARSE_SERVER_URL"), "=", _K("http://localhost:1337/parse"), "\n"]
    return "supabase-env", segs


@_look(_BA)
def _ba_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "// supabase client (browser)\nexport const supabase = createClient(\n  '",
        _K(f"https://{g.pick(string.ascii_lowercase, 20)}.supabase.co"),
        "',\n",
    ]
    segs += ["  '", _K("sb_publishable_" + g.pick(_ALNUM, 22) + "_" + g.pick(_ALNUM, 8)), "'\n)\n"]
    segs += ["// server key lives in ", _K("process.env.SUPABASE_SECRET_KEY"), "\n"]
    return "supabase-client", segs


# ---------------------------------------------------------------- legacy enterprise
_LE = "legacy-enterprise"
_LE_F = frozenset({"password", "secret", "ip-address", "email", "atlassian-token", "sentry-token"})


@_tpl(_LE, {"connection-password", "password", "secret", "ip-address"}, slots=3)
def _web_config(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ['<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <connectionStrings>\n']
    segs += ['    <add name="Orders" connectionString="Server=']
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("localhost")]
    segs += [";Database=Orders;User Id=app_orders;Password="]
    segs += (
        [_S("connection-password", g.password(url=True))]
        if "connection-password" in classes
        else [_K("changeme")]
    )
    segs += [';" providerName="System.Data.SqlClient" />\n  </connectionStrings>\n  <appSettings>\n']
    if "password" in classes:
        segs += ['    <add key="', _K("SmtpPassword"), '" value="', _S("password", g.password()), '" />\n']
    segs += [
        '    <add key="APPLICATIONINSIGHTS_CONNECTION_STRING" value="InstrumentationKey=',
        _K(g.uuid()),
        ';IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" />\n',
    ]
    segs += ["  </appSettings>\n  <system.web>\n"]
    if "secret" in classes:
        segs += [
            '    <machineKey validationKey="',
            _S("secret", g.fresh(lambda: g.pick("0123456789ABCDEF", 128))),
            '" decryptionKey="',
        ]
        segs += [
            _S("secret", g.fresh(lambda: g.pick("0123456789ABCDEF", 48))),
            '" validation="HMACSHA256" decryption="AES" />\n',
        ]
    segs += ["  </system.web>\n</configuration>\n"]
    return "web-config", segs


@_tpl(_LE, {"password", "home-user"}, slots=2)
def _keytool(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("keytool -list -v -keystore"), " "]
    if "home-user" in classes:
        segs += ["/home/", _S("home-user", g.user()), "/certs/app.p12"]
    else:
        segs += [_K("/opt/app/certs/app.p12")]
    segs += [" -storepass "]
    segs += [_S("password", g.password())] if "password" in classes else [_K("changeit")]
    fp = ":".join(g.pick("0123456789ABCDEF", 2) for _ in range(32))
    segs += [
        "\nKeystore type: PKCS12\nKeystore provider: SUN\n\nYour keystore contains 1 entry\n\nAlias name: ",
        _K("tomcat"),
        "\n",
    ]
    segs += ["Entry type: PrivateKeyEntry\nCertificate fingerprints:\n\t SHA256: ", _K(fp), "\n"]
    return "keytool-list", segs


@_tpl(_LE, {"connection-password", "password", "ip-address"}, slots=3)
def _jdbc_props(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "# src/main/resources/application.properties\n",
        _K("spring.datasource.url"),
        "=jdbc:mysql://",
    ]
    segs += [_S("ip-address", g.ip())] if "ip-address" in classes else [_K("db.internal.example")]
    segs += [":3306/erp?user=erp"]
    if "connection-password" in classes:
        segs += ["&password=", _S("connection-password", g.password(url=True))]
    segs += ["&useSSL=true\n", _K("spring.datasource.username"), "=erp\n"]
    if "password" in classes:
        segs += [_K("spring.datasource.password"), "=", _S("password", g.password()), "\n"]
    else:
        segs += [_K("spring.datasource.password"), "=", _K("${DB_PASSWORD}"), "\n"]
    return "application-properties", segs


@_tpl(_LE, {"password", "person-name", "email", "phone"}, slots=3)
def _ldap(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ldapsearch -x -H ",
        _K("ldaps://ldap.corp.example"),
        ' -D "',
        _K("cn=svc-portal,ou=service,dc=corp,dc=example"),
        '" -w ',
    ]
    segs += [_S("password", g.password())] if "password" in classes else [_K("${LDAP_BIND_PW}")]
    segs += [" -b ", _K("ou=people,dc=corp,dc=example"), " '(uid=*)'\n"]
    gv, fm = g.person()
    uid = f"u{g.num(10000, 99999)}"
    segs += [f"dn: uid={uid},ou=people,dc=corp,dc=example\n", "cn: ", _S("person-name", f"{gv} {fm}"), "\n"]
    segs += ["mail: ", _S("email", g.email_for(gv, fm)), "\n"]
    if "phone" in classes:
        segs += ["telephoneNumber: ", _S("phone", g.phone()), "\n"]
    segs += [_K("objectClass: inetOrgPerson"), "\n"]
    return "ldapsearch", segs


@_tpl(_LE, _LE_F)
def _legacy_props(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "# /opt/portal/conf/portal.properties\n",
        _K("ldap.url"),
        "=",
        _K("ldaps://ldap.corp.example:636"),
        "\n",
    ]
    segs += [_K("ldap.bind.dn"), "=", _K("cn=svc-portal,ou=service,dc=corp,dc=example"), "\n"]
    for c in classes:
        v = g.value(c)
        key = {
            "password": "ldap.bind.password",
            "secret": "portal.session.secret",
            "ip-address": "smtp.host",
            "email": "portal.admin.email",
            "atlassian-token": "jira.api.token",
            "sentry-token": "sentry.auth.token",
        }[c]
        segs += [_K(key), "=", _S(c, v), "\n"]
    return "portal-properties", segs


@_look(_LE)
def _le_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        '<machineKey validationKey="',
        _K("AutoGenerate,IsolateApps"),
        '" decryptionKey="',
        _K("AutoGenerate,IsolateApps"),
        '" />\n',
    ]
    segs += [
        '<add name="Local" connectionString="Server=',
        _K("127.0.0.1"),
        ';Database=Dev;Integrated Security=true;" />\n',
    ]
    segs += [
        "String password = ",
        _K("config.getDbPassword()"),
        ";\n",
        "# route ",
        _K("192.168.1.0"),
        " netmask ",
        _K("255.255.255.0"),
        "\n",
    ]
    return "web-config-dev", segs


# ---------------------------------------------------------------- health and HR records
_HR = "records"


@_tpl(_HR, {"person-name", "ssn", "phone", "email"}, slots=4)
def _patients_csv(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("head -3 exports/claims_2026Q1.csv"),
        "\n",
        _K("patient_id,first_name,last_name,dob,ssn,member_id,phone,email"),
        "\n",
    ]
    for _ in range(2):
        gv, fm = g.person()
        segs += [
            f"P{g.num(100000, 999999)},",
            _S("person-name", gv),
            ",",
            _S("person-name", fm),
            f",19{g.num(40, 99)}-0{g.num(1, 9)}-{g.num(10, 28)},",
        ]
        segs += [_S("ssn", g.ssn()) if "ssn" in classes else "", f",MBR{g.num(10**7, 10**8)},"]
        segs += [_S("phone", g.phone()) if "phone" in classes else "", ","]
        segs += [_S("email", g.email_for(gv, fm)) if "email" in classes else "", "\n"]
    return "claims-export", segs


@_tpl(_HR, {"person-name", "ssn", "phone", "email"}, slots=4)
def _patient_json(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    gv, fm = g.person()
    segs: list[Seg] = [
        '{"patient": {"full_name": "',
        _S("person-name", f"{gv} {fm}"),
        f'", "date_of_birth": "19{g.num(40, 99)}-1{g.num(0, 2)}-0{g.num(1, 9)}"',
    ]
    if "ssn" in classes:
        segs += [', "ssn": "', _S("ssn", g.ssn()), '"']
    if "phone" in classes:
        segs += [', "phone": "', _S("phone", g.phone()), '"']
    if "email" in classes:
        segs += [', "email": "', _S("email", g.email_for(gv, fm)), '"']
    segs += [', "plan": "', _K("PPO-GOLD-2026"), '", "member_id": "', f"W{g.num(10**8, 10**9)}", '"}}\n']
    return "patient-record", segs


@_tpl(_HR, {"person-name", "iban", "email", "phone"}, slots=4)
def _hr_roster(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("csvlook payroll_roster.csv | head -4"),
        "\n",
        _K("| employee_id | first_name | last_name | email | iban |"),
        "\n",
    ]
    segs += ["| ----------- | ---------- | --------- | ----- | ---- |\n"]
    for _ in range(g.num(1, 2)):
        gv, fm = g.person()
        segs += [f"| E{g.num(1000, 9999)} | ", _S("person-name", gv), " | ", _S("person-name", fm), " | "]
        segs += [_S("email", g.email_for(gv, fm)) if "email" in classes else "", " | "]
        segs += [_S("iban", g.iban()) if "iban" in classes else "", " |\n"]
    return "payroll-roster", segs


@_tpl(_HR, {"person-name", "ssn", "phone"}, slots=3)
def _psql_expanded(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    gv, fm = g.person()
    segs: list[Seg] = [
        "claims=> \\x on\nclaims=> ",
        _K("SELECT full_name, ssn, phone, plan FROM members WHERE id = 4411;"),
        "\n",
    ]
    segs += ["-[ RECORD 1 ]-------------------\nfull_name | ", _S("person-name", f"{gv} {fm}"), "\n"]
    segs += ["ssn       | ", _S("ssn", g.ssn()) if "ssn" in classes else "", "\n"]
    segs += [
        "phone     | ",
        _S("phone", g.phone()) if "phone" in classes else "",
        "\n",
        "plan      | HMO-SILVER\n",
    ]
    return "psql-member", segs


@_tpl(_HR, {"person-name", "email", "phone"}, slots=3)
def _school_roster(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "# roster export, homeroom 7B\n",
        _K("student_name,guardian_name,guardian_email,guardian_phone"),
        "\n",
    ]
    for _ in range(2):
        sg, sf = g.person()
        pg, _pf = g.person()
        segs += [_S("person-name", f"{sg} {sf}"), ",", _S("person-name", f"{pg} {sf}"), ","]
        segs += [_S("email", g.email_for(pg, sf)) if "email" in classes else "", ","]
        segs += [_S("phone", g.phone()) if "phone" in classes else "", "\n"]
    return "school-roster", segs


@_look(_HR)
def _hr_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [_K("patient_id,first_name,last_name,email,phone"), "\n"]
    segs += [
        f"P{g.num(100000, 999999)},",
        _K("Jane"),
        ",",
        _K("Doe"),
        ",",
        _K("jane.doe@example.com"),
        ",",
        "\n",
    ]
    segs += ["# schema version ", _K("2.4.1.0"), "; contact ", _K("privacy@example.org"), "\n"]
    return "records-template", segs


# ---------------------------------------------------------------- web3
_W3 = "web3"
_W3_F = frozenset(
    {"eth-private-key", "mnemonic", "api-key", "github-token", "npm-token", "openai-key", "secret"}
)


@_tpl(_W3, _W3_F)
def _w3_env(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = ["$ ", _K("cat .env"), "\n", _K("NETWORK"), "=sepolia\n"]
    segs += _fields(g, classes, "env")
    segs += [_K("DEPLOYER_ADDRESS"), "=", _K("0x" + g.sha(40)), "\n"]
    return "hardhat-env", segs


@_tpl(_W3, {"eth-private-key", "mnemonic", "api-key"})
def _hardhat_cfg(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "// hardhat.config.ts\nconst config: HardhatUserConfig = {\n  networks: {\n    sepolia: {\n"
    ]
    segs += [
        "      url: `",
        _K("https://eth-sepolia.g.alchemy.com/v2/${process.env.ALCHEMY_API_KEY}"),
        "`,\n",
    ]
    segs += ["      accounts: [", _K("process.env.PRIVATE_KEY!"), "],\n    },\n  },\n};\n"]
    segs += ["$ ", _K("cat .env"), "\n"]
    segs += _fields(g, classes, "env")
    return "hardhat-config", segs


@_tpl(_W3, {"eth-private-key"}, slots=1)
def _cast_wallet(g: _Gen, classes: list[str]) -> tuple[str, list[Seg]]:
    if g.r.random() < 0.5:
        segs: list[Seg] = [
            "$ ",
            _K("cast wallet new"),
            "\nSuccessfully created new keypair.\nAddress:     ",
            _K("0x" + g.sha(40)),
            "\n",
        ]
        segs += ["Private key: ", _S("eth-private-key", g.value("eth-private-key")), "\n"]
        return "cast-wallet-new", segs
    segs = ["$ forge script script/Deploy.s.sol --rpc-url sepolia --private-key "]
    segs += [_S("eth-private-key", g.value("eth-private-key")), " --broadcast\n"]
    segs += [
        "##### sepolia\n[Success] Hash: ",
        _K("0x" + g.sha(64)),
        "\nContract Address: ",
        _K("0x" + g.sha(40)),
        "\n",
    ]
    return "forge-deploy", segs


@_look(_W3)
def _w3_look(g: _Gen) -> tuple[str, list[Seg]]:
    segs: list[Seg] = [
        "$ ",
        _K("cast receipt"),
        " ",
        _K("0x" + g.sha(64)),
        "\nblockNumber          ",
        str(g.num(10**6, 10**7)),
        "\n",
    ]
    segs += [
        "from                 ",
        _K("0x" + g.sha(40)),
        "\nto                   ",
        _K("0x" + g.sha(40)),
        "\n",
    ]
    segs += [
        "# .env.example\n",
        _K("PRIVATE_KEY"),
        "=",
        _K("<your-private-key>"),
        "\n",
        _K("MNEMONIC"),
        "=",
        _K("${MNEMONIC}"),
        "\n",
    ]
    return "cast-receipt", segs


# ---------------------------------------------------------------- assembly

_QUOTA = 8
# Records bring names and addresses with them, so fewer documents start from one.
_QUOTA_OF = {"person-name": 2, "email": 3, "phone": 6}


def _deck(g: _Gen) -> list[str]:
    hosted: set[str] = set()
    for t in _TEMPLATES:
        hosted |= t.hosts
    classes = sorted(hosted & (_FIELDABLE | _STRUCTURED))
    deck = [c for c in classes for _ in range(_QUOTA_OF.get(c, _QUOTA))]
    g.r.shuffle(deck)
    return deck


_STRUCTURED = frozenset(
    {"connection-password", "private-key", "cookie", "basic-auth", "phone", "person-name", "credit-card", "iban",
     "ssn", "home-user", "password-hash", "service-account-key-id"}
)  # fmt: skip


def _with_ok(seg: Seg) -> bool:
    return isinstance(seg, str) or not any(c in seg.text for c in '"\\\n\t')


def _flatten(segs: Sequence[Seg]) -> tuple[str, list[tuple[int, _S | _K]]]:
    text = ""
    spans: list[tuple[int, _S | _K]] = []
    for seg in segs:
        if isinstance(seg, str):
            text += seg
        else:
            spans.append((len(text), seg))
            text += seg.text
    return text, spans


def _ci_stamp(g: _Gen, i: int, base: int) -> str:
    s = base + i
    day, hour, minute = (s // 86400) % 28 + 1, (s // 3600) % 24, (s // 60) % 60
    return f"2026-03-{day:02d}T{hour:02d}:{minute:02d}:{s % 60:02d}.{g.num(10**6, 10**7 - 1)}Z "


def _deliver(g: _Gen, delivery: str, name: str, raw: str) -> tuple[str, Callable[[int], int]]:
    """The delivered text and the map from a raw offset to a delivered one."""
    if not raw.endswith("\n"):
        raw += "\n"
    if delivery == "plain":
        return raw, lambda o: o
    if delivery == "fence":
        lang = g.choice(["yaml", "text", "ini", "json", "console"])
        intro = f"The file `{name}` as it stands on the box:\n\n```{lang}\n"
        return intro + raw + "```\n\nAnything wrong there?\n", lambda o: o + len(intro)
    if delivery == "json":
        head = (
            '{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01'
            + g.pick(_ALNUM, 22)
            + '","content":"'
        )
        body = json.dumps(raw, ensure_ascii=False)[1:-1]
        tail = '"}]},"uuid":"' + g.uuid() + '","timestamp":"2026-03-02T10:11:12.345Z"}\n'
        return head + body + tail, lambda o: len(head) + len(json.dumps(raw[:o], ensure_ascii=False)) - 2
    lines = raw[:-1].split("\n")
    if delivery == "numbered":
        arrow = g.r.random() < 0.6
        prefixes = [f"{i + 1:>6}→" if arrow else f"{i + 1}\t" for i in range(len(lines))]
        header = ""
    elif delivery == "ci":
        base = g.num(0, 10**6)
        prefixes = [_ci_stamp(g, i, base) for i in range(len(lines))]
        header = ""
    elif delivery == "diff":
        path = f"deploy/{name}.txt"
        header = (
            f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{g.sha(7)}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        )
        prefixes = ["+"] * len(lines)
    else:
        raise ValueError(delivery)
    out = header
    starts: list[int] = []
    for p, line in zip(prefixes, lines, strict=True):
        starts.append(len(out) + len(p))
        out += p + line + "\n"

    def where(o: int) -> int:
        i = raw.count("\n", 0, o)
        return starts[i] + o - (raw.rfind("\n", 0, o) + 1)

    return out, where


def _document(g: _Gen, index: int, setting: str, name: str, segs: list[Seg]) -> Document:
    if not all(_with_ok(s) for s in segs):
        raise ValueError(name)
    raw, spans = _flatten(segs)
    delivery = g.choice(DELIVERIES)
    text, where = _deliver(g, delivery, name, raw)
    secrets = tuple(Secret(s.cls, s.text, where(o)) for o, s in spans if isinstance(s, _S))
    keeps = tuple(Keep(s.text, where(o)) for o, s in spans if isinstance(s, _K))
    return Document(f"{index:03d}-{setting}-{name}", setting, delivery, text, secrets, keeps)


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, the same for the same seed."""
    g = _Gen(random.Random(seed))
    deck = _deck(g)
    rendered: list[tuple[str, str, list[Seg]]] = []
    while deck:
        first = deck.pop(0)
        tpl = g.r.choice([t for t in _TEMPLATES if first in t.hosts])
        classes = [first]
        for _ in range(tpl.slots - 1):
            if g.r.random() < 0.3:
                more = next((c for c in deck if c in tpl.hosts and c not in classes), None)
                if more is not None:
                    deck.remove(more)
                    classes.append(more)
        g.names = set()
        name, segs = tpl.render(g, classes)
        rendered.append((tpl.setting, name, segs))
    looks = max(1, round(len(rendered) * 0.12))
    for _ in range(looks):
        setting, make = g.r.choice(_LOOKALIKES)
        g.names = set()
        name, segs = make(g)
        rendered.append((setting, name, segs))
    g.r.shuffle(rendered)
    return [_document(g, i, s, n, segs) for i, (s, n, segs) in enumerate(rendered)]


def corpus_digest(docs: Sequence[Document]) -> str:
    """A digest over every field of every document."""
    blob = [attrs.asdict(d, recurse=True) for d in docs]
    return hashlib.sha256(json.dumps(blob, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _fragments(secret: str, out: str, neutral_out: str) -> bool:
    for i in range(len(secret) - 5):
        piece = secret[i : i + 6]
        if piece in out and piece not in neutral_out:
            return True
    return False


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep rate of a scrubber over documents; no per-document result leaves."""
    total = removed = whole = vendor = vendor_removed = 0
    keeps = kept = 0
    for d in docs:
        out = scrub(d.text)
        neutral = d.text
        for s in sorted(d.secrets, key=lambda s: -s.offset):
            neutral = neutral[: s.offset] + "[SECRET]" + neutral[s.offset + len(s.text) :]
        neutral_out = scrub(neutral) if d.secrets else out
        for s in d.secrets:
            total += 1
            gone = s.text not in out
            removed += gone
            whole += gone and not _fragments(s.text, out, neutral_out)
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in d.keeps:
            keeps += 1
            kept += out.count(k.text) >= d.text.count(k.text)
    return {
        "secrets": float(total),
        "recall": removed / total if total else 1.0,
        "recall_no_fragment": whole / total if total else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / keeps if keeps else 1.0,
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The scrubber's aggregate figures on this corpus."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
