"""The nineteenth held-back scrub corpus.

It covers twelve settings: observability and APM agents (Datadog, New Relic, Sentry, Honeycomb, Grafana, the
OpenTelemetry collector); search engines and their clients (Elasticsearch, OpenSearch, Algolia, Meilisearch,
Typesense); CDN and DNS providers (Cloudflare, Fastly, Route 53, Netlify, BIND zones and TSIG keys); feature-flag
and experimentation services (LaunchDarkly, Unleash, Split, Statsig, GrowthBook); accounting and payroll
integrations (QuickBooks, Xero, Gusto, ADP exports); education platforms (Moodle, Canvas, grade exports);
ML experiment tracking and model hubs (Weights & Biases, MLflow, Comet, Replicate, Hugging Face, Databricks,
model cards); maps and geo services (Mapbox, Google Maps, HERE, geocoding logs); desktop app packaging and
signing (electron-builder, Tauri's updater, notarization, code signing); robotics and ROS (launch files,
parameter files, fleet APIs, robot networking); package publishing for other ecosystems (Cargo, NuGet,
Composer, Gradle, Maven, Hex, Pub, CocoaPods); and home automation (Home Assistant, Node-RED, Zigbee2MQTT,
Mosquitto bridges, ESPHome).

Labels follow the scrubber's published policy alone (the docstring of `client_actors.scrub`): what it says
goes is a `Secret`; what it says stays, and look-alikes of secrets, are a `Keep`; what it leaves open is not
labelled. Each document is delivered one of six ways (plain, a JSON transcript line, a diff's added lines,
numbered lines, CI log lines, a Markdown fence) and a label is its value's exact text as delivered.

Every value is a fake drawn at build time from a seeded `random.Random`, valid for its format where the format
has a check (CRC32 token checksums, Luhn, IBAN mod-97, SSN issuance ranges, JWTs' parts, PEM layouts). The
measure reports aggregates only, never a document or a value.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import re
import string
import textwrap
import unicodedata
import uuid
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

DEFAULT_SEED = 20261219

SETTINGS: tuple[str, ...] = (
    "observability",
    "search",
    "cdn-dns",
    "feature-flags",
    "accounting-payroll",
    "education",
    "ml-tracking",
    "maps-geo",
    "desktop-packaging",
    "robotics-ros",
    "package-publishing",
    "home-automation",
)

DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "ci", "fence")

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "npm-token",
        "aws-access-key",
        "slack-credential",
        "stripe-secret-key",
        "sentry-token",
        "newrelic-user-key",
        "grafana-token",
        "launchdarkly-key",
        "statsig-server-secret",
        "replicate-token",
        "huggingface-token",
        "databricks-token",
        "mapbox-secret-token",
        "google-api-key",
        "gitlab-token",
        "nuget-api-key",
        "cratesio-token",
        "google-oauth-token",
    }
)


@attrs.frozen
class Secret:
    """A value the policy says goes: its class, its exact text as delivered, and where it starts."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays (or a look-alike of a secret): its exact text and where it starts."""

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


# ---------------------------------------------------------------------------------------------------------
# Building blocks: a draft is a run of literal text and labelled values, rendered later in a delivery.


@attrs.frozen
class _S:
    cls: str
    text: str


@attrs.frozen
class _K:
    text: str


_Part = str | _S | _K
_Slot = str | _S | _K


@attrs.frozen
class _Draft:
    path: str
    lang: str
    parts: tuple[_Part, ...]


_SLOT = re.compile(r"<<(\w+)>>")


def _p(template: str, /, **slots: _Slot) -> list[_Part]:
    """Parts from a template whose ``<<name>>`` markers are filled from `slots`."""
    body = textwrap.dedent(template)
    if body.startswith("\n"):
        body = body[1:]
    parts: list[_Part] = []
    pos = 0
    for m in _SLOT.finditer(body):
        if m.start() > pos:
            parts.append(body[pos : m.start()])
        parts.append(slots[m.group(1)])
        pos = m.end()
    if pos < len(body):
        parts.append(body[pos:])
    return parts


def _d(path: str, lang: str, *chunks: Sequence[_Part]) -> _Draft:
    return _Draft(path, lang, tuple(part for chunk in chunks for part in chunk))


def _t(path: str, lang: str, template: str, /, **slots: _Slot) -> _Draft:
    return _d(path, lang, _p(template, **slots))


def _text(part: _Part) -> str:
    return part if isinstance(part, str) else part.text


def _table(headers: Sequence[str], rows: Sequence[Sequence[_Slot]], style: str = "mysql") -> list[_Part]:
    """A printed table (MySQL's boxes or psql's aligned columns) with labelled cells."""
    widths = [max(len(h), *(len(_text(row[i])) for row in rows)) for i, h in enumerate(headers)]
    parts: list[_Part] = []
    if style == "mysql":
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+\n"
        parts += [
            rule,
            "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |\n",
            rule,
        ]
        for row in rows:
            parts.append("| ")
            for i, cell in enumerate(row):
                parts += [cell, " " * (widths[i] - len(_text(cell))), " | " if i < len(row) - 1 else " |\n"]
        parts.append(rule)
    else:
        parts.append(" " + " | ".join(h.center(w) for h, w in zip(headers, widths, strict=True)) + "\n")
        parts.append("-" + "-+-".join("-" * w for w in widths) + "-\n")
        for row in rows:
            parts.append(" ")
            for i, cell in enumerate(row):
                parts += [cell, " " * (widths[i] - len(_text(cell))), " | " if i < len(row) - 1 else "\n"]
        parts.append(f"({len(rows)} rows)\n")
    return parts


# ---------------------------------------------------------------------------------------------------------
# Fakes.

_T = TypeVar("_T")

_HEXD = string.digits + "abcdef"
_ALNUM = string.ascii_letters + string.digits
_LOWNUM = string.ascii_lowercase + string.digits
_UPNUM = string.ascii_uppercase + string.digits
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64URL = _ALNUM + "-_"
_B32 = string.ascii_uppercase + "234567"
_STD64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
_BCRYPT64 = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
_CRYPT64 = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase

_FIRST = (
    "Maria", "James", "Priya", "Ahmed", "Sofia", "Lukas", "Aisha", "Daniel", "Elena", "Mateo", "Hannah",
    "Kenji", "Fatima", "Oliver", "Chloe", "Ravi", "Ingrid", "Tomasz", "Amara", "Diego", "Yuki", "Leila",
    "Samuel", "Grace", "Arjun", "Nadia", "Felix", "Olivia", "Hugo", "Zara", "Marco", "Ethan", "Omar",
    "Clara", "Viktor", "Isabel", "Henrik", "Noemi", "Rafael", "Sienna", "Joaquin", "Astrid", "Declan",
    "Mirela", "Teodor", "Renata", "Björn", "Zoë",
)  # fmt: skip
_LAST = (
    "Lopez", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski", "Tanaka", "Haddad", "Johansson", "Fischer",
    "Moreau", "Silva", "Novak", "Ivanova", "Brennan", "Castillo", "Mensah", "Lindqvist", "Horvat", "Rahman",
    "Dubois", "Costa", "Walsh", "Petrov", "Alvarez", "Nakamura", "García", "Müller", "Sørensen", "Kaplan",
    "Fernandes", "Varga", "Adeyemi", "Bergström", "Quigley", "Yamamoto", "Delgado", "Oyelaran", "Marchetti",
)  # fmt: skip
_DOMAIN_WORDS = (
    "bright", "harbor", "north", "stone", "maple", "river", "cobalt", "summit", "lumen", "ember", "pine",
    "vista", "orbit", "cedar", "falcon", "tidal", "quartz", "meadow", "copper", "atlas", "nimbus", "juniper",
    "granite", "willow", "beacon", "kestrel", "lattice", "prairie",
)  # fmt: skip
_TLDS = ("com", "io", "co", "net", "de", "co.uk", "ai", "dev", "fr", "nl")
_PW_WORDS = (
    "Copper", "Lantern", "Velvet", "Thistle", "Marble", "Orchid", "Tundra", "Saffron", "Pebble", "Canyon",
    "Glacier", "Mosaic", "Cobble", "Walnut", "Sparrow", "Pylon", "Quiver", "Rhubarb", "Zephyr", "Basalt",
)  # fmt: skip
_PUBLIC_FIRST_OCTETS = (
    34, 35, 44, 52, 54, 63, 64, 81, 85, 91, 94, 104, 138, 141, 146, 151, 157, 159, 167, 176, 178, 185, 188,
    193, 195, 212, 213, 217,
)  # fmt: skip
_TEST_CARDS = frozenset({"4242424242424242", "4111111111111111", "5555555555554444", "378282246310005"})


def _b62(value: int, width: int) -> str:
    out = ""
    while value:
        value, r = divmod(value, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def _crc_token(prefix: str, body: str) -> str:
    """GitHub's and npm's layout: a prefix, 30 random base62 characters and their CRC32 in 6 base62 digits."""
    return prefix + body + _b62(zlib.crc32(body.encode()), 6)


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _iban_number(text: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in text))


def _iban(country: str, bban: str) -> str:
    check = 98 - _iban_number(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _translate64(text: str, alphabet: str) -> str:
    return text.translate(str.maketrans(_STD64, alphabet))


class _Fakes:
    """Fake values drawn from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- primitives ---------------------------------------------------------------------------------------
    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.rng.randrange(len(seq))]

    def coin(self, p: float = 0.5) -> bool:
        return self.rng.random() < p

    def num(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(alphabet[self.rng.randrange(len(alphabet))] for _ in range(n))

    def digits(self, n: int) -> str:
        return str(self.num(1, 9)) + self.chars(string.digits, n - 1)

    def hexs(self, n: int) -> str:
        return self.chars(_HEXD, n)

    def alnum(self, n: int) -> str:
        return self.chars(_ALNUM, n)

    def randbytes(self, n: int) -> bytes:
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def git_sha(self) -> str:
        return self.hexs(40)

    def sha256(self) -> str:
        return self.hexs(64)

    def version(self) -> str:
        return f"{self.num(0, 9)}.{self.num(0, 30)}.{self.num(0, 20)}"

    def when(self) -> dt.datetime:
        start = dt.datetime(2025, 9, 1, tzinfo=dt.UTC)
        return start + dt.timedelta(seconds=self.num(0, 300 * 86400))

    # -- people and places --------------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def domain(self, tld: str | None = None) -> str:
        while True:
            a, b = self.pick(_DOMAIN_WORDS), self.pick(_DOMAIN_WORDS)
            if a != b:
                return f"{a}{b}.{tld or self.pick(_TLDS)}"

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        local = f"{_ascii(first)}.{_ascii(last)}".lower()
        return f"{local}@{domain or self.domain()}"

    def user(self, first: str, last: str) -> str:
        return (_ascii(first)[0] + _ascii(last)).lower()

    def private_ip(self) -> str:
        while True:
            kind = self.rng.randrange(3)
            if kind == 0:
                octets = [10, self.num(0, 255), self.num(0, 255), self.num(2, 254)]
            elif kind == 1:
                octets = [172, self.num(16, 31), self.num(0, 255), self.num(2, 254)]
            else:
                octets = [192, 168, self.num(0, 99), self.num(2, 254)]
            if len(set(octets)) > 1:
                return ".".join(map(str, octets))

    def public_ip(self) -> str:
        return ".".join(
            map(str, [self.pick(_PUBLIC_FIRST_OCTETS), self.num(1, 254), self.num(0, 255), self.num(2, 254)])
        )

    def host_ip(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return self.private_ip()
        if r < 0.9:
            return self.public_ip()
        return f"100.{self.num(64, 127)}.{self.num(0, 255)}.{self.num(2, 254)}"

    def doc_ip(self) -> str:
        return f"{self.pick(('192.0.2', '198.51.100', '203.0.113'))}.{self.num(2, 254)}"

    # -- passwords ----------------------------------------------------------------------------------------
    def password(self, symbols: str = "!*-_.+=^~") -> str:
        if symbols and self.coin(0.3):
            sep = self.pick(symbols.replace("!", "").replace("*", "") or "-")
            return f"{self.pick(_PW_WORDS)}{sep}{self.pick(_PW_WORDS).lower()}{sep}{self.num(100, 9999)}"
        while True:
            n = self.num(14, 22)
            text = self.chars(string.ascii_letters, 1) + self.chars(_ALNUM + symbols * 2, n - 1)
            if (
                any(c.isdigit() for c in text)
                and any(c.isupper() for c in text)
                and any(c.islower() for c in text)
                and (not symbols or any(c in symbols for c in text))
            ):
                return text

    def url_password(self) -> str:
        return self.password("-_.")

    # -- vendor tokens ------------------------------------------------------------------------------------
    def github(self, prefix: str = "ghp_") -> str:
        return _crc_token(prefix, self.chars(_B62, 30))

    def npm(self) -> str:
        return _crc_token("npm_", self.chars(_B62, 30))

    def aws_key_id(self) -> str:
        while True:
            body = self.chars(_B32, 16)
            if "EXAMPLE" not in body:
                return "AKIA" + body

    def aws_secret(self) -> str:
        return self.chars(_ALNUM + "+/", 40)

    def slack_bot(self) -> str:
        return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.alnum(24)}"

    def slack_ids(self) -> tuple[str, str]:
        return "T" + self.chars(_UPNUM, 10), "B" + self.chars(_UPNUM, 10)

    def stripe(self) -> str:
        return "sk_live_" + ("51" + self.alnum(97) if self.coin() else self.alnum(24))

    def sentry_user(self) -> str:
        return "sntryu_" + self.hexs(64)

    def nrak(self) -> str:
        return "NRAK-" + self.chars(_UPNUM, 27)

    def grafana_sa(self) -> str:
        return f"glsa_{self.alnum(32)}_{self.hexs(8)}"

    def grafana_cloud(self) -> str:
        body = {
            "o": self.digits(6),
            "n": f"stack-{self.digits(6)}-otlp-write",
            "k": self.alnum(24),
            "m": {"r": self.pick(("prod-eu-west-2", "prod-us-east-0", "prod-gb-south-0"))},
        }
        return "glc_" + _b64(json.dumps(body, separators=(",", ":")).encode())

    def ld_sdk(self) -> str:
        return "sdk-" + self.uuid4()

    def ld_api(self) -> str:
        return "api-" + self.uuid4()

    def statsig(self) -> str:
        return "secret-" + self.alnum(43)

    def replicate(self) -> str:
        return "r8_" + self.alnum(37)

    def hf(self) -> str:
        return "hf_" + self.chars(string.ascii_letters, 34)

    def dapi(self) -> str:
        return "dapi" + self.hexs(32) + ("-2" if self.coin(0.3) else "")

    def mapbox(self, kind: str, account: str) -> str:
        claims = {"u": account, "a": "cl" + self.chars(_LOWNUM, 23)}
        return f"{kind}.{_b64u(json.dumps(claims, separators=(',', ':')).encode())}.{self.chars(_B64URL, 22)}"

    def google_key(self) -> str:
        return "AIza" + self.chars(_B64URL, 35)

    def glpat(self) -> str:
        return "glpat-" + self.chars(_B64URL, 20)

    def nuget(self) -> str:
        return "oy2" + self.chars(_LOWNUM, 43)

    def cratesio(self) -> str:
        return "cio" + self.alnum(32)

    def ya29(self) -> str:
        return "ya29.a0A" + self.chars(_B64URL, self.num(140, 180))

    # -- other generated secrets ----------------------------------------------------------------------------
    def nr_license(self) -> str:
        return ("eu01xx" + self.hexs(30) if self.coin() else self.hexs(36)) + "NRAL"

    def jwt(self, claims: dict[str, object], alg: str = "HS256") -> str:
        header = {"alg": alg, "typ": "JWT"}
        sig = self.randbytes(32 if alg.startswith("HS") else 256)
        return ".".join(
            (
                _b64u(json.dumps(header, separators=(",", ":")).encode()),
                _b64u(json.dumps(claims, separators=(",", ":")).encode()),
                _b64u(sig),
            )
        )

    def epoch(self) -> int:
        return int(self.when().timestamp())

    def pem(self, kind: str, sep: str = "\n") -> tuple[str, str, str]:
        """A private key's BEGIN line, base64 body (lines of 64 joined by `sep`) and END line."""
        if kind == "ed25519":
            der = bytes.fromhex("302e0201 00300506 032b6570 04220420") + self.randbytes(32)
            label = "PRIVATE KEY"
        elif kind == "ec":
            der = (
                bytes.fromhex("30770201010420")
                + self.randbytes(32)
                + bytes.fromhex("a00a0608 2a8648ce 3d030107 a1440342 0004")
                + self.randbytes(64)
            )
            label = "EC PRIVATE KEY"
        else:
            # SEQUENCE, version 0, rsaEncryption, the OCTET STRING around the key, its SEQUENCE and modulus
            head = bytes.fromhex(
                "308204bd 020100 300d0609 2a864886 f70d0101 01050004 8204a7 308204a3 020100 0282010100"
            )
            der = head + self.randbytes(1217 - len(head))
            label = "PRIVATE KEY"
        text = _b64(der)
        body = sep.join(text[i : i + 64] for i in range(0, len(text), 64))
        return f"-----BEGIN {label}-----", body, f"-----END {label}-----"

    def wg_private(self) -> str:
        raw = bytearray(self.randbytes(32))
        raw[0] &= 248
        raw[31] = (raw[31] & 127) | 64
        return _b64(bytes(raw))

    def wg_public(self) -> str:
        return _b64(self.randbytes(32))

    def ssh_public(self, comment: str) -> str:
        def field(data: bytes) -> bytes:
            return len(data).to_bytes(4, "big") + data

        blob = field(b"ssh-ed25519") + field(self.randbytes(32))
        return f"ssh-ed25519 {_b64(blob)} {comment}"

    def tauri_key(self) -> str:
        inner = b"EdScB2" + self.randbytes(152)
        text = f"untrusted comment: rsign encrypted secret key\n{_b64(inner)}\n"
        return _b64(text.encode())

    def iban(self, spaced: bool | None = None) -> str:
        country = self.pick(("DE", "GB", "AT", "NL", "CH", "BE"))
        if country == "DE":
            bban = self.digits(8) + self.chars(string.digits, 10)
        elif country == "GB":
            bban = self.pick(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + self.chars(string.digits, 14)
        elif country == "AT":
            bban = self.digits(5) + self.chars(string.digits, 11)
        elif country == "NL":
            bban = self.pick(("ABNA", "RABO", "INGB", "TRIO")) + self.chars(string.digits, 10)
        elif country == "CH":
            bban = self.chars(string.digits, 5) + self.chars(string.digits, 12)
        else:
            first = self.chars(string.digits, 10)
            check = int(first) % 97 or 97
            bban = f"{first}{check:02d}"
        iban = _iban(country, bban)
        if spaced if spaced is not None else self.coin():
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self, style: str = "dashes") -> str:
        while True:
            area = self.num(1, 899)
            if area != 666:
                break
        group, serial = self.num(1, 99), self.num(1, 9999)
        sep = {"dashes": "-", "compact": "", "blanks": " "}[style]
        return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"

    def card(self, spaced: bool | None = None) -> str:
        while True:
            brand = self.rng.randrange(3)
            if brand == 0:
                partial = "4" + self.chars(string.digits, 14)
            elif brand == 1:
                partial = str(self.num(51, 55)) + self.chars(string.digits, 13)
            else:
                partial = self.pick(("34", "37")) + self.chars(string.digits, 12)
            number = partial + _luhn_digit(partial)
            if number not in _TEST_CARDS:
                break
        if spaced if spaced is not None else self.coin():
            if len(number) == 15:
                return f"{number[:4]} {number[4:10]} {number[10:]}"
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def bcrypt(self, variant: str = "2b") -> str:
        salt = _translate64(_b64(self.randbytes(16)).rstrip("="), _BCRYPT64)
        digest = _translate64(_b64(self.randbytes(23)).rstrip("="), _BCRYPT64)
        return f"${variant}${self.pick((10, 12))}${salt}{digest}"

    def sha512crypt(self) -> str:
        return f"$6${self.chars(_CRYPT64, 16)}${self.chars(_CRYPT64, 85)}{self.pick('./01')}"

    def argon2(self) -> str:
        salt = _b64(self.randbytes(16)).rstrip("=")
        digest = _b64(self.randbytes(32)).rstrip("=")
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"

    def django_hash(self) -> str:
        return f"pbkdf2_sha256$870000${self.alnum(22)}${_b64(self.randbytes(32))}"

    def pw_hash(self) -> str:
        return self.pick((self.bcrypt, self.sha512crypt, self.argon2, self.django_hash))()


def _stamps(f: _Fakes, n: int, fmt: str, max_step: int = 4) -> list[str]:
    t = f.when()
    out = []
    for _ in range(n):
        out.append(t.strftime(fmt))
        t += dt.timedelta(seconds=f.num(0, max_step), microseconds=f.num(0, 999_999))
    return out


def _slots(prefix: str, values: Sequence[_Slot]) -> dict[str, _Slot]:
    return {f"{prefix}{i}": v for i, v in enumerate(values)}


def _street(f: _Fakes) -> str:
    street = f.pick(("Maple Avenue", "Harbour Road", "Linden Street", "Oak Lane", "Kestrel Way", "Mill Road",
                     "Chestnut Drive", "Station Street", "Orchard Close", "Birch Crescent"))  # fmt: skip
    return f"{f.num(2, 2400)} {street}"


def _city(f: _Fakes) -> tuple[str, str]:
    return f.pick(
        (
            ("Springfield, IL", "62704"),
            ("Portland, OR", "97211"),
            ("Leeds", "LS6 2QT"),
            ("Utrecht", "3581 KP"),
            ("Lyon", "69003"),
            ("Graz", "8010"),
            ("Austin, TX", "78704"),
            ("Bristol", "BS7 8AU"),
        )
    )


def _either(f: _Fakes, secret: _S, other: _Slot, p: float = 0.5) -> _Slot:
    """The secret with probability `p`, else what a file holds instead (a reference, a placeholder, a name)."""
    return secret if f.coin(p) else other


def _name(f: _Fakes) -> tuple[str, str, str]:
    """A person: "First Last", and their ordinary-looking address at a company domain."""
    first, last = f.person()
    return f"{first} {last}", first, last


def _git_identity(f: _Fakes, verb: str = "Release") -> list[_Part]:
    full, first, last = _name(f)
    name = _S("person-name", full)
    email = _S("email", f.email(first, last))
    when = f.when().strftime("%a %b %d %H:%M:%S %Y +0100")
    return _p(
        """
        $ git log -1 --format=fuller
        commit <<sha>>
        Author:     <<name>> <<<email>>>
        AuthorDate: <<when>>
        Commit:     <<name>> <<<email>>>
        CommitDate: <<when>>

            <<verb>> v<<ver>>
        """,
        sha=_K(f.git_sha()),
        name=name,
        email=email,
        when=when,
        verb=verb,
        ver=f.version(),
    )


# ---------------------------------------------------------------------------------------------------------
# Observability and APM agents.


def _obs_datadog_yaml(f: _Fakes) -> _Draft:
    return _t(
        "etc/datadog-agent/datadog.yaml",
        "yaml",
        """
        ## @param api_key - string - required
        ## @env DD_API_KEY - string - required
        ## The Datadog API key used by your Agent to submit metrics and events to Datadog.
        #
        api_key: <<key>>

        site: datadoghq.eu
        hostname: ip-<<hip>>.eu-west-1.compute.internal
        tags:
          - env:prod
          - service:<<svc>>

        logs_enabled: true
        apm_config:
          enabled: true
          env: prod

        bind_host: <<lo>>
        dogstatsd_port: 8125

        proxy:
          https: http://svc-proxy:<<ppw>>@<<pip>>:3128
          no_proxy:
            - <<meta>>
        """,
        key=_S("apm-api-key", f.hexs(32)),
        hip=_either(f, _S("ip-address", f.private_ip().replace(".", "-")), "web-3"),
        svc=f.pick(("checkout", "billing-api", "search-gw", "ingest")),
        lo=_K("127.0.0.1"),
        ppw=_S("url-password", f.url_password()),
        pip=_either(f, _S("ip-address", f.private_ip()), "proxy.internal", 0.3),
        meta=_K("169.254.169.254"),
    )


def _obs_agent_log(f: _Fakes) -> _Draft:
    key = f.hexs(32)
    return _t(
        "logs/datadog-agent.log",
        "text",
        """
        <<s0>> | CORE | INFO | (pkg/util/log/log.go:582 in func1) | Starting Datadog Agent v7.<<minor>>.0
        <<s0>> | CORE | INFO | (cmd/agent/subcommands/run/command.go:410 in startAgent) | Hostname is: web-<<n>>
        <<s1>> | CORE | INFO | (comp/dogstatsd/listeners/udp.go:93 in Listen) | dogstatsd-udp: <<lo>>:8125 successfully initialized
        <<s2>> | CORE | INFO | (pkg/forwarder/transaction/transaction.go:436 in internalProcess) | Successfully posted payload to "https://7-<<minor>>-0-app.agent.datadoghq.eu/api/v2/series", the agent will only log transaction success every 500 transactions
        <<s3>> | CORE | WARN | (pkg/collector/python/datadog_agent.go:130 in LogMessage) | postgres:<<cid>> | (postgres.py:312) | Unable to connect to database: connection to server at "<<dbip>>", port 5432 failed: timeout expired
        <<s4>> | CORE | ERROR | (pkg/collector/worker/check_logger.go:71 in Error) | check:redisdb | Error running check: Error 111 connecting to <<rip>>:6379. Connection refused.
        <<s4>> | CORE | INFO | (pkg/config/setup/config.go:1712 in LoadProxyFromEnv) | Found 'DD_PROXY_HTTPS' env var, using it for the Agent proxy: http://proxy-user:<<stars>>@proxy.internal:3128
        <<s5>> | CORE | ERROR | (comp/forwarder/defaultforwarder/transaction/transaction.go:433 in internalProcess) | API Key invalid, dropping transaction for https://7-<<minor>>-0-app.agent.datadoghq.eu/api/v1/check_run?api_key=<<masked>>
        """,  # noqa: E501
        **_slots("s", _stamps(f, 6, "%Y-%m-%d %H:%M:%S UTC")),
        minor=str(f.num(55, 63)),
        n=str(f.num(1, 12)),
        lo=_K("127.0.0.1"),
        cid=f.hexs(16),
        dbip=_either(f, _S("ip-address", f.private_ip()), "db.internal"),
        rip=_K("localhost"),
        stars=_K("********"),
        masked=_K("*" * 27 + key[-5:]),
    )


def _obs_otel_collector(f: _Fakes) -> _Draft:
    return _t(
        "deploy/otel/collector.yaml",
        "yaml",
        """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: <<any>>:4317
              http:
                endpoint: <<any>>:4318
          hostmetrics:
            collection_interval: 30s
            scrapers:
              cpu: {}
              memory: {}

        processors:
          batch:
            timeout: 5s
          resource:
            attributes:
              - key: deployment.environment
                value: production
                action: upsert

        exporters:
          otlp/honeycomb:
            endpoint: api.honeycomb.io:443
            headers:
              x-honeycomb-team: <<hcref>>
          otlp/newrelic:
            endpoint: otlp.eu01.nr-data.net:4317
            headers:
              api-key: <<nrl>>
          otlphttp/grafana:
            endpoint: https://otlp-gateway-prod-eu-west-2.grafana.net/otlp
            auth:
              authenticator: basicauth/grafana
          datadog:
            api:
              site: datadoghq.com
              key: <<ddref>>

        extensions:
          health_check:
            endpoint: <<any>>:13133
          basicauth/grafana:
            client_auth:
              username: "<<inst>>"
              password: "<<glc>>"

        service:
          extensions: [health_check, basicauth/grafana]
          pipelines:
            traces:
              receivers: [otlp]
              processors: [resource, batch]
              exporters: [otlp/honeycomb, otlp/newrelic, otlphttp/grafana]
            metrics:
              receivers: [otlp, hostmetrics]
              processors: [batch]
              exporters: [datadog]
        """,
        any=_K("0.0.0.0"),
        hcref=_K("${env:HONEYCOMB_API_KEY}"),
        ddref=_K("${env:DD_API_KEY}"),
        nrl=_S("apm-api-key", f.nr_license()),
        inst=f.digits(6),
        glc=_S("grafana-token", f.grafana_cloud()),
    )


def _obs_env(f: _Fakes) -> _Draft:
    dom = f.domain()
    svc = f.pick(("checkout", "ledger", "notifications", "catalog"))
    lines = ["# --- observability (<<env>>) ---"]
    if f.coin(0.5):
        lines += ["DD_API_KEY=<<dd>>", "DD_SITE=datadoghq.com", "DD_ENV=<<env>>", "DD_AGENT_HOST=<<lh>>"]
    else:
        lines += ["DD_API_KEY=<<ddref>>", "DD_AGENT_HOST=<<lh>>"]
    if f.coin(0.3):
        lines.append("DD_APP_KEY=<<ddapp>>")
    lines += ["HONEYCOMB_API_KEY=<<hc>>", "HONEYCOMB_DATASET=<<svc>>"]
    lines += ["OTEL_EXPORTER_OTLP_ENDPOINT=https://api.honeycomb.io",
              "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=<<hcref>>"]  # fmt: skip
    if f.coin(0.4):
        lines += ["SENTRY_DSN=https://<<dsn>>@o<<org>>.ingest.sentry.io/<<proj>>", "SENTRY_AUTH_TOKEN=<<st>>"]
    else:
        lines += ["SENTRY_AUTH_TOKEN=<<stref>>"]
    if f.coin(0.3):
        lines += ["NEW_RELIC_LICENSE_KEY=<<nrl>>", "NEW_RELIC_APP_NAME=<<svc>>"]
    lines.append("NEW_RELIC_API_KEY=<<nrak>>")
    lines.append(
        "APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=<<ikey>>;"
        "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;"
        "LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/"
    )
    lines.append("LOG_SHIP_URL=https://logs.<<dom>>/ingest")
    return _t(
        f"services/{svc}/.env.production",
        "dotenv",
        "\n".join(lines) + "\n",
        env=f.pick(("production", "staging")),
        dd=_S("apm-api-key", f.hexs(32)),
        lh=_K("localhost"),
        ddref=_K("${DD_API_KEY}"),
        stref=_K("{{ vault_sentry_auth_token }}"),
        nrak=_S("newrelic-user-key", f.nrak()),
        ddapp=_S("apm-api-key", f.hexs(40)),
        hc=_either(f, _S("apm-api-key", f.alnum(22)), _K("${HONEYCOMB_INGEST_KEY}")),
        svc=svc,
        hcref=_K("${HONEYCOMB_API_KEY}"),
        dsn=f.hexs(32),
        org=f.digits(7),
        proj=f.digits(7),
        st=_S("sentry-token", f.sentry_user()),
        nrl=_S("apm-api-key", f.nr_license()),
        ikey=_K(f.uuid4()),
        dom=dom,
    )


def _obs_sentryclirc(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    org = f.pick(_DOMAIN_WORDS) + "-" + f.pick(("labs", "hq", "eng", "apps"))
    sha = _K(f.git_sha())
    return _t(
        "logs/sentry-release.txt",
        "console",
        """
        $ cat ~/.sentryclirc
        [auth]
        token=<<tok>>

        [defaults]
        org=<<org>>
        project=web

        $ sentry-cli info
        Sentry Server: https://sentry.io
        Default Organization: <<org>>
        Default Project: web

        Authentication Info:
          Method: Auth Token
          User: <<email>>
          Scopes:
            - project:releases
            - org:read

        $ sentry-cli releases new <<sha>> && sentry-cli releases set-commits <<sha>> --auto
        Created release <<sha>>
        Success! Set commits for release <<sha>>.
        """,
        tok=_S("sentry-token", f.sentry_user()),
        org=org,
        email=_S("email", f.email(first, last)),
        sha=sha,
    )


def _obs_sentry_event(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    ip = _S("ip-address", f.public_ip())
    dom = f.domain()
    return _t(
        "debug/sentry-event.json",
        "json",
        """
        {
          "event_id": "<<eid>>",
          "level": "error",
          "platform": "python",
          "release": "web@<<ver>>",
          "request": {
            "url": "https://app.<<dom>>/checkout/confirm",
            "method": "POST",
            "headers": {
              "Cookie": "sessionid=<<sess>>; _ga=<<ga>>; theme=dark",
              "User-Agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15",
              "X-Forwarded-For": "<<ip>>"
            }
          },
          "user": {"id": "<<uid>>", "email": "<<email>>", "ip_address": "<<ip>>"},
          "contexts": {"trace": {"trace_id": "<<tid>>", "span_id": "<<sid>>", "op": "http.server"}},
          "exception": {"values": [{"type": "CardDeclined", "value": "card was declined (do_not_honor)"}]}
        }
        """,
        eid=f.hexs(32),
        ver=f.version(),
        dom=dom,
        sess=_S("session-cookie", f.chars(_LOWNUM, 32)),
        ga=_K(f"GA1.2.{f.digits(9)}.{f.epoch()}"),
        ip=ip,
        uid=f.digits(5),
        email=_S("email", f.email(first, last)),
        tid=_K(f.hexs(32)),
        sid=f.hexs(16),
    )


def _obs_newrelic_yml(f: _Fakes) -> _Draft:
    app = f.pick(("Checkout Service", "Orders API", "Billing Worker"))
    return _t(
        "config/newrelic.yml",
        "yaml",
        """
        common: &default_settings
          license_key: '<<lk>>'
          app_name: <<app>>
          distributed_tracing:
            enabled: true
          log_level: info
          labels: "team:<<team>>;env:production"
          browser_monitoring:
            auto_instrument: true

        development:
          <<: *default_settings
          license_key: '<<erb>>'
          app_name: <<app>> (Development)
          developer_mode: true

        production:
          <<: *default_settings
        """,
        lk=_S("apm-api-key", f.nr_license()),
        app=app,
        team=f.pick(("payments", "platform", "growth")),
        erb=_K('<%= ENV["NEW_RELIC_LICENSE_KEY"] %>'),
    )


def _obs_nerdgraph(f: _Fakes) -> _Draft:
    full, first, last = _name(f)
    return _t(
        "logs/nerdgraph.txt",
        "console",
        """
        $ # the docs' sample uses API-Key: <<filler>>
        $ curl -s https://api.eu.newrelic.com/graphql \\
            -H 'Content-Type: application/json' \\
            -H 'API-Key: <<nrak>>' \\
            -d '{"query":"{ actor { user { name email } } }"}' | jq .
        {
          "data": {
            "actor": {
              "user": {
                "email": "<<email>>",
                "name": "<<name>>"
              }
            }
          }
        }
        """,
        filler=_K("NRAK-" + "X" * 27),
        nrak=_S("newrelic-user-key", f.nrak()),
        email=_S("email", f.email(first, last)),
        name=_S("person-name", full),
    )


def _obs_grafana(f: _Fakes) -> _Draft:
    dom = f.domain()
    uid = f.chars(_LOWNUM, 14)
    return _t(
        "logs/grafana-setup.txt",
        "console",
        """
        $ sudo grep -Ev '^(;|#|$)' /etc/grafana/grafana.ini
        [server]
        http_port = 3000
        root_url = https://grafana.<<dom>>/
        [database]
        type = postgres
        host = <<dbhost>>:5432
        name = grafana
        user = grafana
        password = <<dbpw>>
        [security]
        admin_user = admin
        admin_password = <<apw>>
        secret_key = <<sk>>
        [smtp]
        enabled = true
        host = smtp.<<dom>>:587
        from_address = <<noreply>>
        $ curl -s -H "Authorization: Bearer <<glsa>>" "https://grafana.<<dom>>/api/search?query=latency" | jq '.[0]'
        {
          "id": 42,
          "uid": "<<uid>>",
          "title": "API latency",
          "url": "/d/<<uid>>/api-latency",
          "type": "dash-db",
          "tags": ["slo"]
        }
        """,
        dom=dom,
        dbhost=f.pick(("db.internal", "pg-grafana.service.consul", "postgres")),
        dbpw=_S("password", f.password()) if f.coin(0.4) else _K("$__file{/run/secrets/grafana_db_password}"),
        apw=_either(f, _S("password", f.password()), _K("$__env{GF_ADMIN_PASSWORD}")),
        sk=_S("app-secret-key", f.alnum(20)),
        noreply=_K(f"noreply@{dom}"),
        glsa=_S("grafana-token", f.grafana_sa()),
        uid=uid,
    )


def _obs_alertmanager(f: _Fakes) -> _Draft:
    team, chan = f.slack_ids()
    return _t(
        "deploy/alertmanager/alertmanager.yml",
        "yaml",
        """
        global:
          resolve_timeout: 5m
          slack_api_url: 'https://hooks.slack.com/services/<<team>>/<<chan>>/<<hook>>'
          smtp_smarthost: 'smtp.<<dom>>:587'
          smtp_from: '<<noreply>>'
          smtp_auth_username: 'alertmanager'
          smtp_auth_password: '<<smtp>>'

        route:
          receiver: slack-oncall
          group_by: [alertname, service]
          routes:
            - matchers: [severity="page"]
              receiver: pagerduty

        receivers:
          - name: slack-oncall
            slack_configs:
              - channel: '#oncall'
                send_resolved: true
                text: '<<tmpl>>'
          - name: pagerduty
            pagerduty_configs:
              - routing_key: <<pd>>
        """,
        team=team,
        chan=chan,
        hook=_S("slack-credential", f.alnum(24)),
        dom=(dom := f.domain()),
        noreply=_K(f"noreply@{dom}"),
        smtp=_either(f, _S("password", f.password()), _K("<smtp-password>")),
        pd=_S("api-key", f.hexs(32)),
        tmpl=_K('{{ template "slack.default.text" . }}'),
    )


def _obs_otel_debug(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    return _t(
        "logs/otelcol-debug.txt",
        "text",
        """
        <<s0>>	info	Traces	{"kind": "exporter", "data_type": "traces", "name": "debug", "resource spans": 1, "spans": 1}
        <<s0>>	info	ResourceSpans #0
        Resource SchemaURL: https://opentelemetry.io/schemas/1.26.0
        Resource attributes:
             -> service.name: Str(checkout)
             -> service.instance.id: Str(<<inst>>)
             -> host.name: Str(ip-<<hip>>.ec2.internal)
        ScopeSpans #0
        Span #0
            Trace ID       : <<tid>>
            Parent ID      :
            ID             : <<sid>>
            Name           : POST /api/orders
            Kind           : Server
            Status code    : Error
        Attributes:
             -> http.request.method: Str(POST)
             -> client.address: Str(<<cip>>)
             -> server.address: Str(api.<<dom>>)
             -> enduser.id: Str(<<email>>)
             -> net.sock.host.addr: Str(<<doc>>)
        """,  # noqa: E501
        **_slots("s", _stamps(f, 1, "%Y-%m-%dT%H:%M:%S.%fZ")),
        inst=_K(f.uuid4()),
        hip=_either(f, _S("ip-address", f.private_ip().replace(".", "-")), f"checkout-{f.hexs(5)}"),
        tid=_K(f.hexs(32)),
        sid=f.hexs(16),
        cip=_S("ip-address", f.public_ip()),
        dom=f.domain(),
        email=_S("email", f.email(first, last)),
        doc=_K(f.doc_ip()),
    )


def _obs_slack_notify(f: _Fakes) -> _Draft:
    return _t(
        "logs/deploy-notify.txt",
        "console",
        """
        $ SLACK_BOT_TOKEN=<<tok>> python scripts/notify_deploy.py --channel C0<<ch>> --sha <<sha>>
        resolving commit <<sha>> ... ok
        posted to #deploys ts=<<ts>>.<<us>>
        $ git rev-parse HEAD
        <<sha>>
        """,
        tok=_S("slack-credential", f.slack_bot()),
        ch=f.chars(_UPNUM, 9),
        sha=_K(f.git_sha()),
        ts=str(f.epoch()),
        us=f.digits(6),
    )


def _obs_readme(f: _Fakes) -> _Draft:
    return _t(
        "docs/observability.md",
        "markdown",
        """
        ## Running the agent locally

            docker run -d --name dd-agent \\
              -e DD_API_KEY=<<ph>> \\
              -e DD_SITE="datadoghq.com" \\
              -v /var/run/docker.sock:/var/run/docker.sock:ro \\
              gcr.io/datadoghq/agent:7

        Point the app at `<<lo>>:8126` for traces. Sentry's CLI reads `SENTRY_AUTH_TOKEN`; in CI it is
        `<<tmpl>>`. Example alert recipient: <<ex>>. The collector's health check answers on
        `<<any>>:13133` inside the pod. Release <<sha7>> pinned the agent to 7.61.
        """,
        ph=_K("<your-api-key>"),
        lo=_K("127.0.0.1"),
        tmpl=_K("${{ secrets.SENTRY_AUTH_TOKEN }}"),
        ex=_K("oncall@example.com"),
        any=_K("0.0.0.0"),
        sha7=f.hexs(7),
    )


# ---------------------------------------------------------------------------------------------------------
# Search engines and their clients.


def _search_kibana(f: _Fakes) -> _Draft:
    return _t(
        "etc/kibana/kibana.yml",
        "yaml",
        """
        server.host: "<<any>>"
        server.publicBaseUrl: "https://kibana.<<dom>>"
        elasticsearch.hosts: ["https://<<ip>>:9200"]
        elasticsearch.username: "kibana_system"
        elasticsearch.password: "<<pw>>"
        elasticsearch.ssl.certificateAuthorities: ["/etc/kibana/certs/http_ca.crt"]
        elasticsearch.ssl.verificationMode: certificate
        xpack.encryptedSavedObjects.encryptionKey: "<<k1>>"
        xpack.reporting.encryptionKey: "<<k2>>"
        logging.root.level: info
        """,
        any=_K("0.0.0.0"),
        dom=f.domain(),
        ip=_either(f, _S("ip-address", f.private_ip()), "es01"),
        pw=_S("password", f.password()),
        k1=_S("app-secret-key", f.alnum(32)),
        k2=_K("${KIBANA_REPORTING_KEY}"),
    )


def _search_es_apikey_curl(f: _Fakes) -> _Draft:
    dom = f.domain()
    city = f.pick(("Leeds", "Utrecht", "Graz", "Lyon"))
    people = [_name(f) for _ in range(1)]
    key = _b64(f"{f.chars(_B64URL, 20)}:{f.chars(_B64URL, 22)}".encode())
    return _t(
        "logs/es-query.txt",
        "console",
        """
        $ curl -s -H "Authorization: ApiKey <<key>>" "https://search-prod.<<dom>>:9243/customers/_search?q=city:<<city>>&size=2" | jq '.hits.hits[]._source'
        {
          "customer_full_name": "<<n0>>",
          "email": "<<e0>>",
          "city": "<<city>>",
          "orders": <<o0>>
        }
        $ curl -s -H "Authorization: ApiKey <<ref>>" "https://<<lo>>:9200/_cluster/health" | jq -r .status
        green
        """,  # noqa: E501
        key=_S("search-api-key", key),
        dom=dom,
        city=city,
        n0=_S("person-name", people[0][0]),
        e0=_S("email", f.email(people[0][1], people[0][2])),
        o0=str(f.num(1, 40)),
        ref=_K("${ES_API_KEY}"),
        lo=_K("127.0.0.1"),
    )


def _search_es_create_key(f: _Fakes) -> _Draft:
    kid, secret = f.chars(_B64URL, 20), f.chars(_B64URL, 22)
    return _t(
        "logs/es-api-key.txt",
        "console",
        """
        $ curl -s -u elastic -X POST "https://localhost:9200/_security/api_key" -H 'Content-Type: application/json' -d '{"name":"ingest-pipeline","expiration":"90d"}'
        Enter host password for user 'elastic':
        {"id":"<<kid>>","name":"ingest-pipeline","expiration":<<exp>>,"api_key":"<<secret>>","encoded":"<<enc>>"}
        """,  # noqa: E501
        kid=kid,
        exp=str(f.epoch() * 1000),
        secret=_S("search-api-key", secret),
        enc=_S("search-api-key", _b64(f"{kid}:{secret}".encode())),
    )


def _search_cat_indices(f: _Fakes) -> _Draft:
    pw = f.password("-_.")
    basic = f.coin()
    return _t(
        "logs/es-indices.txt",
        "console",
        """
        $ curl -sk <<flag>><<auth>><<close>> "https://<<ip>>:9200/_cat/indices?v&s=index"
        health status index            uuid                   pri rep docs.count docs.deleted store.size pri.store.size
        green  open   customers        <<u0>>   1   1      48213            0     31.2mb         15.6mb
        yellow open   orders-2026.03   <<u1>>   1   1     992114          120    410.7mb        410.7mb
        green  open   products         <<u2>>   1   1      12044            2      9.8mb          4.9mb
        """,
        flag="-u elastic:" if basic else '-H "Authorization: Basic ',
        auth=_S("password", pw) if basic else _S("basic-auth", _b64(f"elastic:{pw}".encode())),
        close="" if basic else '"',
        ip=_either(f, _S("ip-address", f.private_ip()), _K("localhost")),
        **_slots("u", [_K(f.chars(_B64URL, 22)) for _ in range(3)]),
    )


def _search_algolia(f: _Fakes) -> _Draft:
    app = f.chars(_UPNUM, 10)
    return _t(
        "logs/algolia-reindex.txt",
        "console",
        """
        $ cat .env.production
        ALGOLIA_APP_ID=<<app>>
        ALGOLIA_ADMIN_API_KEY=<<admin>>
        ALGOLIA_INDEX=products_prod
        ALGOLIA_MONITORING_KEY=<<mref>>
        NEXT_PUBLIC_ALGOLIA_APP_ID=<<app>>
        NEXT_PUBLIC_ALGOLIA_INDEX=products_prod
        $ node scripts/reindex.mjs
        Indexed <<n>> records into products_prod (taskID <<task>>)
        """,
        app=app,
        admin=_S("search-api-key", f.hexs(32)),
        mref=_K("<your-monitoring-api-key>"),
        n=str(f.num(1000, 90000)),
        task=f.digits(10),
    )


def _search_meili_keys(f: _Fakes) -> _Draft:
    return _t(
        "logs/meili-keys.txt",
        "console",
        """
        $ curl -s http://localhost:7700/keys -H 'Authorization: Bearer <<mk>>' | jq '.results[] | {name, key, uid, actions}'
        {
          "name": "Default Search API Key",
          "key": "<<k0>>",
          "uid": "<<u0>>",
          "actions": ["search"]
        }
        {
          "name": "Default Admin API Key",
          "key": "<<k1>>",
          "uid": "<<u1>>",
          "actions": ["*"]
        }
        """,  # noqa: E501
        mk=_S("search-api-key", f.chars(_B64URL, 32)),
        k0=_S("search-api-key", f.hexs(64)),
        k1=_S("search-api-key", f.hexs(64)),
        u0=_K(f.uuid4()),
        u1=_K(f.uuid4()),
    )


def _search_meili_start(f: _Fakes) -> _Draft:
    return _t(
        "logs/meili-start.txt",
        "console",
        """
        $ ./meilisearch --env production --master-key <<mk>> --db-path /var/lib/meilisearch/data.ms --http-addr <<any>>:7700
        Config file path:	"none"
        Database path:		"/var/lib/meilisearch/data.ms"
        Server listening on:	"http://<<any>>:7700"
        Environment:		"production"
        Commit SHA:		"<<sha>>"
        Commit date:		"<<date>>"
        Package version:	"<<ver>>"

        Thank you for using Meilisearch!

        Anonymous telemetry:	"Enabled"
        Instance UID:		"<<iuid>>"
        """,  # noqa: E501
        mk=_S("search-api-key", f.alnum(32)),
        any=_K("0.0.0.0"),
        sha=_K(f.git_sha()),
        date=f.when().strftime("%Y-%m-%dT%H:%M:%SZ"),
        ver=f"1.{f.num(8, 14)}.{f.num(0, 6)}",
        iuid=_K(f.uuid4()),
    )


def _search_typesense(f: _Fakes) -> _Draft:
    return _t(
        "search/client.py",
        "python",
        """
        import typesense

        client = typesense.Client(
            {
                "nodes": [
                    {"host": "<<ip0>>", "port": "8108", "protocol": "http"},
                    {"host": "<<ip1>>", "port": "8108", "protocol": "http"},
                    {"host": "<<lo>>", "port": "8108", "protocol": "http"},
                ],
                "api_key": "<<key>>",
                "connection_timeout_seconds": 2,
            }
        )


        def search_products(q: str) -> dict:
            return client.collections["products"].documents.search({"q": q, "query_by": "name,description"})
        """,
        ip0=_S("ip-address", f.private_ip()),
        ip1="typesense-2.internal",
        lo=_K("localhost"),
        key=_S("search-api-key", f.alnum(32)),
    )


def _search_opensearch_compose(f: _Fakes) -> _Draft:
    return _t(
        "docker-compose.yml",
        "yaml",
        """
        services:
          opensearch-node1:
            image: opensearchproject/opensearch:2.18.0
            environment:
              - cluster.name=opensearch-cluster
              - discovery.type=single-node
              - OPENSEARCH_INITIAL_ADMIN_PASSWORD=<<apw>>
              - "OPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m"
            ports:
              - 9200:9200
          dashboards:
            image: opensearchproject/opensearch-dashboards:2.18.0
            environment:
              OPENSEARCH_HOSTS: '["https://opensearch-node1:9200"]'
              OPENSEARCH_USERNAME: kibanaserver
              OPENSEARCH_PASSWORD: <<dpw>>
              OPENSEARCH_SSL_VERIFICATIONMODE: none
        """,
        apw=_S("password", f.password()),
        dpw=_K("${KIBANASERVER_PASSWORD}"),
    )


def _search_internal_users(f: _Fakes) -> _Draft:
    return _t(
        "opensearch/config/opensearch-security/internal_users.yml",
        "yaml",
        """
        ---
        _meta:
          type: "internalusers"
          config_version: 2

        admin:
          hash: "<<h0>>"
          reserved: true
          backend_roles:
          - "admin"
          description: "Cluster admin"

        dashboards_reader:
          hash: "<<h1>>"
          reserved: false
          description: "Read-only dashboards user"
        """,
        h0=_S("password-hash", f.bcrypt("2y")),
        h1=_S("password-hash", f.bcrypt("2y")),
    )


def _search_logstash(f: _Fakes) -> _Draft:
    return _t(
        "logstash/pipeline/weblogs.conf",
        "text",
        """
        input {
          beats { port => 5044 }
        }
        filter {
          grok { match => { "message" => "%{COMBINEDAPACHELOG}" } }
        }
        output {
          elasticsearch {
            hosts => ["https://<<ip>>:9200"]
            user => "logstash_writer"
            password => "<<pw>>"
            index => "weblogs-%{+YYYY.MM.dd}"
            cacert => "/etc/logstash/certs/http_ca.crt"
          }
          elasticsearch {
            hosts => ["https://archive.<<dom>>:9243"]
            api_key => "<<ref>>"
          }
        }
        """,
        ip=_either(f, _S("ip-address", f.private_ip()), "es-ingest-1"),
        pw=_S("password", f.password()),
        dom=f.domain(),
        ref=_K("${ES_API_KEY}"),
    )


def _search_slowlog(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    ip = _S("ip-address", f.private_ip())
    s = _stamps(f, 2, "%Y-%m-%dT%H:%M:%S,%f")
    return _t(
        "logs/es-slowlog.txt",
        "text",
        """
        [<<s0>>][WARN ][index.search.slowlog.query] [es-data-2] [customers][0] took[1.4s], took_millis[1412], total_hits[1 hits], search_type[QUERY_THEN_FETCH], total_shards[3], source[{"query":{"term":{"email":{"value":"<<email>>"}}}}], id[],
        [<<s1>>][INFO ][o.e.c.s.ClusterApplierService] [es-data-2] added {{es-data-3}{<<node>>}{<<eph>>}{es-data-3}{<<ip>>}{<<ip>>:9300}{dim}}, term: 7, version: 9912, reason: ApplyCommitRequest
        """,  # noqa: E501
        s0=s[0][:-3],
        s1=s[1][:-3],
        email=_S("email", f.email(first, last)),
        node=f.chars(_B64URL, 22),
        eph=f.chars(_B64URL, 22),
        ip=ip,
    )


# ---------------------------------------------------------------------------------------------------------
# CDN and DNS providers.


def _cdn_wrangler(f: _Fakes) -> _Draft:
    return _t(
        "logs/wrangler-config.txt",
        "console",
        """
        $ cat wrangler.toml
        name = "edge-router"
        main = "src/index.ts"
        compatibility_date = "2025-01-15"
        account_id = "<<acct>>"

        [vars]
        API_ORIGIN = "https://origin.<<dom>>"

        [[kv_namespaces]]
        binding = "CACHE"
        id = "<<kv>>"

        $ cat .dev.vars
        STRIPE_SECRET_KEY=<<stripe>>
        UPSTREAM_TOKEN=<<up>>
        $ npx wrangler secret put UPSTREAM_TOKEN
        ✔ Enter a secret value: … <<stars>>
        🌀 Creating the secret for the Worker "edge-router"
        ✨ Success! Uploaded secret UPSTREAM_TOKEN
        """,
        acct=f.hexs(32),
        dom=f.domain(),
        kv=f.hexs(32),
        stripe=_S("stripe-secret-key", f.stripe()),
        up=_either(f, _S("api-key", f.chars(_B64URL, 40)), _K("<upstream-token>")),
        stars=_K("*" * 40),
    )


def _cdn_cf_verify(f: _Fakes) -> _Draft:
    return _t(
        "logs/cf-verify.txt",
        "console",
        """
        $ curl -s "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer <<tok>>" | jq .
        {
          "result": {
            "id": "<<id>>",
            "status": "active"
          },
          "success": true,
          "errors": [],
          "messages": [
            {
              "code": 10000,
              "message": "This API Token is valid and active",
              "type": null
            }
          ]
        }
        """,
        tok=_S("cdn-api-token", f.chars(_B64URL, 40)),
        id=f.hexs(32),
    )


def _cdn_cf_dns(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    ip = _S("ip-address", f.public_ip())
    zone = f.hexs(32)
    return _t(
        "logs/cf-dns.txt",
        "console",
        """
        $ curl -s -X POST "https://api.cloudflare.com/client/v4/zones/<<zone>>/dns_records" \\
            -H "X-Auth-Email: <<email>>" \\
            -H "X-Auth-Key: <<key>>" \\
            -H "Content-Type: application/json" \\
            --data '{"type":"A","name":"api","content":"<<ip>>","ttl":1,"proxied":true}'
        {"result":{"id":"<<rid>>","zone_id":"<<zone>>","zone_name":"<<dom>>","name":"api.<<dom>>","type":"A","content":"<<ip>>","proxiable":true,"proxied":true,"ttl":1,"created_on":"<<when>>"},"success":true,"errors":[],"messages":[]}
        """,
        zone=zone,
        email=_S("email", f.email(first, last)),
        key=_S("cdn-api-token", f.hexs(37)),
        ip=ip,
        rid=f.hexs(32),
        dom=f.domain(),
        when=f.when().strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    )


def _cdn_fastly_vcl(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        "fastly/main.vcl",
        "vcl",
        """
        backend F_origin_eu {
            .address = "<<ip>>";
            .port = "443";
            .use_ssl = true;
            .ssl_cert_hostname = "origin.<<dom>>";
            .ssl_sni_hostname = "origin.<<dom>>";
            .connect_timeout = 1s;
            .probe = {
                .request = "HEAD /healthz HTTP/1.1" "Host: origin.<<dom>>" "Connection: close";
                .threshold = 1;
                .window = 2;
            }
        }

        acl office {
            "<<office>>";
            "<<net>>"/8;
            "<<docnet>>"/24;
        }

        sub vcl_recv {
            if (req.http.Fastly-Client-IP ~ office) {
                set req.http.X-Internal = "1";
            }
        }
        """,
        ip=_S("ip-address", f.public_ip()),
        dom=dom,
        office=_S("ip-address", f.public_ip()),
        net=_K("10.0.0.0"),
        docnet=_K("198.51.100.0"),
    )


def _cdn_fastly_purge(f: _Fakes) -> _Draft:
    sid = f.alnum(22)
    return _t(
        "logs/fastly-purge.txt",
        "console",
        """
        $ export FASTLY_API_TOKEN=<<tok>>
        $ curl -s -X POST -H "Fastly-Key: <<ref>>" https://api.fastly.com/service/<<sid>>/purge_all
        {"status":"ok"}
        $ fastly service list
        NAME          ID                      VERSION  LAST EDITED (UTC)
        www-prod      <<sid>>  <<v>>       <<when>>
        """,
        tok=_S("cdn-api-token", f.chars(_B64URL, 32)),
        ref=_K("${FASTLY_API_TOKEN}"),
        sid=sid,
        v=str(f.num(3, 90)),
        when=f.when().strftime("%Y-%m-%d %H:%M"),
    )


def _cdn_route53(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        "logs/route53.txt",
        "console",
        """
        $ aws route53 list-resource-record-sets --hosted-zone-id Z<<zid>> --query "ResourceRecordSets[?Type == 'A']"
        [
            {
                "Name": "api.<<dom>>.",
                "Type": "A",
                "TTL": 300,
                "ResourceRecords": [
                    {
                        "Value": "<<ip0>>"
                    },
                    {
                        "Value": "<<ip1>>"
                    }
                ]
            },
            {
                "Name": "resolver.<<dom>>.",
                "Type": "A",
                "TTL": 300,
                "ResourceRecords": [
                    {
                        "Value": "<<res>>"
                    }
                ]
            },
            {
                "Name": "vpn.<<dom>>.",
                "Type": "A",
                "TTL": 60,
                "ResourceRecords": [
                    {
                        "Value": "<<ip2>>"
                    }
                ]
            },
            {
                "Name": "docs-demo.<<dom>>.",
                "Type": "A",
                "TTL": 300,
                "ResourceRecords": [
                    {
                        "Value": "<<doc>>"
                    }
                ]
            }
        ]
        """,
        zid=f.chars(_UPNUM, 20),
        dom=dom,
        ip0=_S("ip-address", f.public_ip()),
        ip1=_K(f.doc_ip()),
        res=_K(f.pick(("1.1.1.1", "8.8.8.8", "9.9.9.9"))),
        ip2=_S("ip-address", f.public_ip()),
        doc=_K(f.doc_ip()),
    )


def _cdn_aws_credentials(f: _Fakes) -> _Draft:
    kid, sec = f.aws_key_id(), f.aws_secret()
    return _t(
        "logs/aws-profile.txt",
        "console",
        """
        $ cat ~/.aws/credentials
        [dns-admin]
        aws_access_key_id = <<kid>>
        aws_secret_access_key = <<sec>>

        [docs-sample]
        aws_access_key_id = <<example>>
        $ aws configure list --profile dns-admin
              Name                    Value             Type    Location
              ----                    -----             ----    --------
           profile                dns-admin           manual    --profile
        access_key     <<mk>> shared-credentials-file
        secret_key     <<ms>> shared-credentials-file
            region                us-east-1      config-file    ~/.aws/config
        """,
        kid=_S("aws-access-key", kid),
        sec=_S("aws-secret-key", sec),
        example=_K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        mk=_K("*" * 16 + kid[-4:]),
        ms=_K("*" * 16 + sec[-4:]),
    )


def _cdn_named_conf(f: _Fakes) -> _Draft:
    dom = f.domain()
    keyname = f"tsig-{dom.split('.')[0]}-xfr"
    return _t(
        "etc/bind/named.conf.local",
        "text",
        """
        key "<<kn>>" {
            algorithm hmac-sha256;
            secret "<<secret>>";
        };

        server <<sec_ip>> {
            keys { "<<kn>>"; };
        };

        acl trusted { <<lo>>; <<net>>/8; };

        zone "<<dom>>" {
            type primary;
            file "/etc/bind/db.<<dom>>";
            allow-transfer { key "<<kn>>"; };
            also-notify { <<sec_ip>>; };
            allow-query { any; };
        };
        """,
        kn=keyname,
        secret=_S("tsig-secret", _b64(f.randbytes(32))),
        sec_ip=_S("ip-address", f.public_ip()),
        lo=_K("127.0.0.1"),
        net=_K("10.0.0.0"),
        dom=dom,
    )


def _cdn_tsig_keygen(f: _Fakes) -> _Draft:
    return _t(
        "logs/tsig-keygen.txt",
        "console",
        """
        $ tsig-keygen -a hmac-sha512 <<kn>>
        key "<<kn>>" {
        \talgorithm hmac-sha512;
        \tsecret "<<secret>>";
        };
        """,
        kn=f"{f.pick(_DOMAIN_WORDS)}-ddns",
        secret=_S("tsig-secret", _b64(f.randbytes(64))),
    )


def _cdn_zone_file(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        f"etc/bind/db.{dom}",
        "dns",
        """
        $ORIGIN <<dom>>.
        $TTL 3600
        @       IN SOA ns1.<<dom>>. hostmaster.<<dom>>. (
                    <<serial>> ; serial
                    7200       ; refresh
                    3600       ; retry
                    1209600    ; expire
                    3600 )     ; minimum
                IN NS    ns1.<<dom>>.
                IN NS    ns2.<<dom>>.
                IN MX    10 mail.<<dom>>.
        ns1     IN A     <<ip0>>
        ns2     IN A     <<ip1>>
        www     IN A     <<ip2>>
        demo    IN A     <<ip3>>
        mdns    IN A     <<mc>>
        localhost IN A   <<lo>>
        @       IN DNSKEY 257 3 13 <<pub>>
        @       IN TXT   "v=spf1 mx -all"
        """,
        dom=dom,
        serial=f.when().strftime("%Y%m%d") + "01",
        ip0=_S("ip-address", f.public_ip()),
        ip1=_S("ip-address", f.public_ip()),
        ip2=_K(f.doc_ip()),
        ip3=_K(f.doc_ip()),
        mc=_K("224.0.0.251"),
        lo=_K("127.0.0.1"),
        pub=_K(_b64(f.randbytes(64))),
    )


def _cdn_dnssec(f: _Fakes) -> _Draft:
    dom = f.domain()
    tag = f"{f.num(10000, 65535):05d}"
    return _t(
        "logs/dnssec-keygen.txt",
        "console",
        """
        $ dnssec-keygen -a ECDSAP256SHA256 -f KSK <<dom>>
        K<<dom>>.+013+<<tag>>
        $ cat K<<dom>>.+013+<<tag>>.private
        Private-key-format: v1.3
        Algorithm: 13 (ECDSAP256SHA256)
        PrivateKey: <<pk>>
        Created: <<c>>
        Publish: <<c>>
        Activate: <<c>>
        $ cat K<<dom>>.+013+<<tag>>.key
        ; This is a key-signing key, keyid <<tag>>, for <<dom>>.
        <<dom>>. IN DNSKEY 257 3 13 <<pub>>
        """,
        dom=dom,
        tag=tag,
        pk=_S("private-key", _b64(f.randbytes(32))),
        c=f.when().strftime("%Y%m%d%H%M%S"),
        pub=_K(_b64(f.randbytes(64))),
    )


def _cdn_netlify(f: _Fakes) -> _Draft:
    dom = f.domain()
    ip = _S("ip-address", f.public_ip())
    zid = f.hexs(24)
    return _t(
        "logs/netlify-dns.txt",
        "console",
        """
        $ cat netlify.toml
        [build]
          command = "npm run build"
          publish = "dist"

        [[headers]]
          for = "/*"
          [headers.values]
            Content-Security-Policy = "default-src 'self'; connect-src 'self' https://api.<<dom>>"

        $ NETLIFY_AUTH_TOKEN=<<tok>> netlify api createDnsRecord --data '{"zone_id": "<<zid>>", "body": {"type": "A", "hostname": "app.<<dom>>", "value": "<<ip>>", "ttl": 3600}}'
        {"hostname":"app.<<dom>>","type":"A","value":"<<ip>>","ttl":3600,"id":"<<rid>>","dns_zone_id":"<<zid>>","site_id":null,"managed":false}
        """,  # noqa: E501
        dom=dom,
        tok=_S("api-key", "nfp_" + f.alnum(36)),
        zid=zid,
        ip=ip,
        rid=f.hexs(24),
    )


def _cdn_dig(f: _Fakes) -> _Draft:
    dom = f.domain()
    res = _K(f.pick(("1.1.1.1", "8.8.8.8", "9.9.9.9", "8.8.4.4")))
    return _t(
        "logs/dig.txt",
        "console",
        """
        $ dig +short @<<res>> origin.<<dom>> A
        <<ip>>
        $ dig <<dom>> TXT +noall +answer +stats
        <<dom>>.	300	IN	TXT	"v=spf1 include:_spf.google.com ip4:<<ip2>> -all"
        <<dom>>.	300	IN	TXT	"v=spf1-test ip4:<<ip3>>"
        <<dom>>.	300	IN	TXT	"google-site-verification=<<gsv>>"
        ;; Query time: 18 msec
        ;; SERVER: <<res>>#53(<<res>>) (UDP)
        ;; WHEN: <<when>>
        """,
        res=res,
        dom=dom,
        ip=_S("ip-address", f.public_ip()),
        ip2=_S("ip-address", f.public_ip()) if f.coin(0.3) else _K(f.doc_ip()),
        ip3=_K(f.doc_ip()),
        gsv=f.chars(_B64URL, 43),
        when=f.when().strftime("%a %b %d %H:%M:%S UTC %Y"),
    )


# ---------------------------------------------------------------------------------------------------------
# Feature-flag and experimentation services.


def _flags_ld_python(f: _Fakes) -> _Draft:
    return _t(
        "app/flags.py",
        "python",
        """
        import ldclient
        from ldclient import Context
        from ldclient.config import Config

        ldclient.set_config(Config("<<sdk>>", events_max_pending=1000))
        client = ldclient.get()


        def checkout_enabled(account_id: str) -> bool:
            context = Context.builder(account_id).kind("account").set("plan", "enterprise").build()
            return client.variation("new-checkout-flow", context, False)


        # smoke test account used by the staging canary
        CANARY_ACCOUNT = "<<ctx>>"
        """,
        sdk=_S("launchdarkly-key", f.ld_sdk()),
        ctx=_K(f.uuid4()),
    )


def _flags_ld_env(f: _Fakes) -> _Draft:
    return _t(
        "logs/ldcli.txt",
        "console",
        """
        $ cat .env.local
        LAUNCHDARKLY_SDK_KEY=<<sdk>>
        LAUNCHDARKLY_CLIENT_SIDE_ID=<<csid>>
        LD_PROJECT_KEY=default
        $ ldcli flags list --access-token <<api>> --project default --output json | jq -r '.items[].key'
        new-checkout-flow
        search-v2-ranking
        dark-mode
        """,
        sdk=_S("launchdarkly-key", f.ld_sdk()),
        csid=f.hexs(24),
        api=_S("launchdarkly-key", f.ld_api()),
    )


def _flags_ld_relay(f: _Fakes) -> _Draft:
    return _t(
        "relay/ld-relay.conf",
        "ini",
        """
        [Main]
        port = 8030

        [Events]
        sendEvents = true

        [Redis]
        url = "redis://:<<rpw>>@redis:6379"

        [Environment "production"]
        sdkKey = "<<sdk>>"
        envId = "<<envid>>"

        [Environment "staging"]
        sdkKey = "<<ref>>"
        """,
        rpw=_S("url-password", f.url_password()),
        sdk=_S("launchdarkly-key", f.ld_sdk()),
        envid=f.hexs(24),
        ref=_K("${LD_STAGING_SDK_KEY}"),
    )


def _flags_ld_events(f: _Fakes) -> _Draft:
    p0 = _name(f)
    ts = f.epoch() * 1000
    return _t(
        "logs/ld-events.jsonl",
        "json",
        """
        $ tail -n 3 /var/log/app/ld-events.jsonl
        {"kind":"feature","creationDate":<<t0>>,"key":"new-checkout-flow","version":41,"context":{"kind":"user","key":"<<k0>>","name":"<<n0>>","email":"<<e0>>","country":"DE"},"value":true,"variation":0}
        {"kind":"feature","creationDate":<<t1>>,"key":"search-v2-ranking","version":7,"context":{"kind":"user","key":"<<k1>>","anonymous":true},"value":false,"variation":1}
        {"kind":"identify","creationDate":<<t2>>,"context":{"kind":"user","key":"<<k2>>","anonymous":true}}
        """,
        t0=str(ts),
        t1=str(ts + f.num(5, 900)),
        t2=str(ts + f.num(1000, 9000)),
        k0=_K(f.uuid4()),
        k1=_K(f.uuid4()),
        k2=_K(f.uuid4()),
        n0=_S("person-name", p0[0]),
        e0=_S("email", f.email(p0[1], p0[2])),
    )


def _unleash_token(f: _Fakes, project: str, env: str) -> str:
    return f"{project}:{env}.{f.hexs(64)}"


def _flags_unleash(f: _Fakes) -> _Draft:
    dom = f.domain()
    tok = _S("flag-sdk-key", _unleash_token(f, "default", "production"))
    return _t(
        "logs/unleash-check.txt",
        "console",
        """
        $ cat .env
        UNLEASH_URL=https://unleash.<<dom>>/api
        UNLEASH_API_TOKEN=<<tok>>
        UNLEASH_APP_NAME=checkout
        $ curl -s https://unleash.<<dom>>/api/client/features -H "Authorization: <<tok>>" | jq '.features | length'
        <<n>>
        """,
        dom=dom,
        tok=tok,
        n=str(f.num(5, 80)),
    )


def _flags_unleash_docker(f: _Fakes) -> _Draft:
    return _t(
        "scripts/run-unleash.sh",
        "bash",
        """
        #!/usr/bin/env bash
        set -euo pipefail
        docker run -d --name unleash -p 4242:4242 \\
          -e DATABASE_URL=postgres://unleash:<<pw>>@postgres:5432/unleash \\
          -e DATABASE_SSL=false \\
          -e INIT_ADMIN_API_TOKENS=<<admin>> \\
          -e INIT_CLIENT_API_TOKENS=<<client>> \\
          unleashorg/unleash-server:6
        """,
        pw=_S("url-password", f.url_password()),
        admin=_S("flag-sdk-key", _unleash_token(f, "*", "*"))
        if f.coin(0.5)
        else _K("${UNLEASH_ADMIN_TOKEN}"),
        client=_S("flag-sdk-key", _unleash_token(f, "default", "production")),
    )


def _flags_split(f: _Fakes) -> _Draft:
    return _t(
        "src/server/split.ts",
        "typescript",
        """
        import { SplitFactory } from '@splitsoftware/splitio';

        const factory = SplitFactory({
          core: {
            authorizationKey: '<<key>>',
            key: 'server-<<node>>',
          },
          startup: { readyTimeout: 5 },
          debug: false,
        });

        export const splitClient = factory.client();
        """,
        key=_S("flag-sdk-key", f.chars(_LOWNUM, 36)),
        node=str(f.num(1, 9)),
    )


def _flags_statsig(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    return _t(
        "src/pricing/gates.ts",
        "typescript",
        """
        import Statsig from 'statsig-node';

        await Statsig.initialize('<<sec>>', { environment: { tier: 'production' } });

        // reproduces the report from support ticket #<<tk>>
        const passed = await Statsig.checkGate({ userID: '<<uid>>', email: '<<email>>' }, 'new_pricing_page');
        console.log('new_pricing_page', passed);
        """,
        sec=_S("statsig-server-secret", f.statsig()),
        tk=f.digits(5),
        uid=f.digits(6),
        email=_either(f, _S("email", f.email(first, last)), _K("qa+pricing@example.com")),
    )


def _flags_statsig_config(f: _Fakes) -> _Draft:
    return _t(
        "logs/statsig-secret.txt",
        "console",
        """
        $ heroku config:get STATSIG_SERVER_SECRET -a checkout-prod
        <<sec>>
        $ heroku config -a checkout-prod | grep -i statsig
        STATSIG_CLIENT_KEY_REF:  <<ref>>
        STATSIG_SERVER_SECRET:   <<sec>>
        """,
        sec=_S("statsig-server-secret", f.statsig()),
        ref=_K("${STATSIG_CLIENT_KEY}"),
    )


def _flags_growthbook_env(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        "growthbook/.env",
        "dotenv",
        """
        MONGODB_URI=mongodb://root:<<mpw>>@mongo:27017/growthbook?authSource=admin
        APP_ORIGIN=https://gb.<<dom>>
        API_HOST=https://gb-api.<<dom>>
        JWT_SECRET=<<jwt>>
        ENCRYPTION_KEY=<<enc>>
        EMAIL_ENABLED=true
        EMAIL_HOST=smtp.<<dom>>
        EMAIL_HOST_USER=growthbook
        EMAIL_HOST_PASSWORD=<<smtp>>
        """,
        mpw=_S("url-password", f.url_password()),
        dom=dom,
        jwt=_S("app-secret-key", f.alnum(48)),
        enc=_K("${GB_ENCRYPTION_KEY}"),
        smtp=_S("password", f.password()) if f.coin(0.5) else _K("changeme"),
    )


def _flags_growthbook_api(f: _Fakes) -> _Draft:
    return _t(
        "logs/growthbook-api.txt",
        "console",
        """
        $ curl -s "https://gb-api.<<dom>>/api/v1/features?limit=2" -H "Authorization: Bearer <<key>>" | jq '.features[] | {id, owner, dateUpdated}'
        {
          "id": "new-checkout-flow",
          "owner": "<<email>>",
          "dateUpdated": "<<when>>"
        }
        {
          "id": "pricing-test-q2",
          "owner": "<<ex>>",
          "dateUpdated": "<<when>>"
        }
        """,  # noqa: E501
        dom=f.domain(),
        key=_S("flag-sdk-key", "secret_admin_" + f.alnum(40)),
        email=_S("email", f.email(*f.person())),
        ex=_K("jane.doe@example.com"),
        when=f.when().strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    )


def _flags_registry(f: _Fakes) -> _Draft:
    return _t(
        "flags/registry.yaml",
        "yaml",
        """
        # Feature flag registry, reviewed weekly.
        contact: <<ex>>
        flags:
          - key: new-checkout-flow
            owner: <<e0>>
            created: 2026-01-12
            rollout: <<r0>>
            cleanup_ticket: PAY-<<t0>>
          - key: search-v2-ranking
            owner: <<e1>>
            created: 2025-11-03
            rollout: 100
            cleanup_ticket: SRCH-<<t1>>
          - key: dark-mode
            owner: web-platform
            rollout: 100
        """,
        ex=_K("feature-flags@example.org"),
        e0=_S("email", f.email(*f.person())),
        e1=_either(f, _S("email", f.email(*f.person())), _K("search-team@example.com")),
        r0=str(f.num(1, 99)),
        t0=f.digits(4),
        t1=f.digits(4),
    )


# ---------------------------------------------------------------------------------------------------------
# Accounting and payroll integrations.


def _qbo_refresh(f: _Fakes) -> str:
    return "AB11" + f.digits(10) + f.alnum(36)


def _jwe(f: _Fakes) -> str:
    head = _b64u(json.dumps({"enc": "A128CBC-HS256", "alg": "dir"}, separators=(",", ":")).encode())
    return f"{head}..{_b64u(f.randbytes(16))}.{_b64u(f.randbytes(f.num(300, 420)))}.{_b64u(f.randbytes(16))}"


def _acct_qbo_env(f: _Fakes) -> _Draft:
    return _t(
        "books-sync/.env",
        "dotenv",
        """
        QBO_CLIENT_ID=AB<<cid>>
        QBO_CLIENT_SECRET=<<cs>>
        QBO_REDIRECT_URI=https://books-sync.<<dom>>/callback
        QBO_REALM_ID=<<realm>>
        QBO_REFRESH_TOKEN=<<rt>>
        QBO_ENVIRONMENT=production
        QBO_WEBHOOK_VERIFIER_TOKEN=<<wh>>
        """,
        cid=f.alnum(48),
        cs=_S("oauth-client-secret", f.alnum(40)),
        dom=f.domain(),
        realm=f.digits(16),
        rt=_S("oauth-refresh-token", _qbo_refresh(f)),
        wh=_either(f, _S("app-secret-key", f.alnum(36)), _K("${QBO_WEBHOOK_VERIFIER_TOKEN}")),
    )


def _acct_qbo_token(f: _Fakes) -> _Draft:
    basic = _b64(f"AB{f.alnum(48)}:{f.alnum(40)}".encode())
    return _t(
        "logs/qbo-refresh.txt",
        "console",
        """
        $ curl -s -X POST https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer \\
            -H 'Accept: application/json' \\
            -u "<<basic>>" \\
            -d grant_type=refresh_token -d refresh_token=<<rt>>
        {"x_refresh_token_expires_in":8726400,"refresh_token":"<<rt2>>","access_token":"<<at>>","token_type":"bearer","expires_in":3600}
        """,
        basic=_K("${QBO_CLIENT_ID}:${QBO_CLIENT_SECRET}") if basic else "",
        rt=_either(f, _S("oauth-refresh-token", _qbo_refresh(f)), _K("${QBO_REFRESH_TOKEN}")),
        rt2=_S("oauth-refresh-token", _qbo_refresh(f)),
        at=_S("oauth-access-token", _jwe(f)),
    )


def _acct_xero_tokenset(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    now = f.epoch()
    idt = f.jwt(
        {
            "nbf": now,
            "exp": now + 300,
            "iss": "https://identity.xero.com",
            "aud": f.chars(_UPNUM, 32),
            "sub": f.hexs(32),
            "email": f.email(first, last),
            "given_name": first,
            "family_name": last,
        },
        "RS256",
    )
    at = f.jwt({"nbf": now, "exp": now + 1800, "iss": "https://identity.xero.com", "client_id": f.chars(_UPNUM, 32),
                "xero_userid": f.uuid4(), "scope": ["openid", "accounting.transactions"]}, "RS256")  # fmt: skip
    return _t(
        "logs/xero-callback.txt",
        "text",
        """
        TokenSet {
          id_token: '<<idt>>',
          access_token: '<<at>>',
          expires_at: <<exp>>,
          token_type: 'Bearer',
          refresh_token: '<<rt>>',
          scope: 'openid profile email accounting.transactions accounting.contacts offline_access',
          session_state: '<<ss>>'
        }
        [
          {
            id: '<<cid>>',
            authEventId: '<<aeid>>',
            tenantId: '<<tid>>',
            tenantType: 'ORGANISATION',
            tenantName: '<<org>>',
            createdDateUtc: '<<when>>'
          }
        ]
        """,
        idt=_S("jwt", idt),
        at=_S("jwt", at),
        exp=str(now + 1800),
        rt=_S("oauth-refresh-token", f.hexs(64)),
        ss=f.chars(_B64URL, 43),
        cid=_K(f.uuid4()),
        aeid=_K(f.uuid4()),
        tid=_K(f.uuid4()),
        org=f.pick(("Northwind Bikes Ltd", "Cedar & Co", "Harbor Supply GmbH")),
        when=f.when().strftime("%Y-%m-%dT%H:%M:%S.%f0"),
    )


def _acct_gusto(f: _Fakes) -> _Draft:
    p0 = _name(f)
    dom = f.domain()
    return _t(
        "logs/gusto-employees.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<tok>>" -H "X-Gusto-API-Version: 2024-04-01" https://api.gusto.com/v1/companies/<<co>>/employees | jq '.[] | {uuid, first_name, last_name, department}'
        {
          "uuid": "<<u0>>",
          "first_name": "<<f0>>",
          "last_name": "<<l0>>",
          "department": "Engineering"
        }
        {
          "uuid": "<<u1>>",
          "first_name": "<<jf>>",
          "last_name": "<<jl>>",
          "department": "Sandbox"
        }
        """,  # noqa: E501
        tok=_S("oauth-access-token", f.chars(_B64URL, 43)),
        co=_K(f.uuid4()),
        u0=_K(f.uuid4()),
        u1=_K(f.uuid4()),
        f0=_S("person-name", p0[1]),
        l0=_S("person-name", p0[2]),
        e0=_S("email", f.email(p0[1], p0[2], dom)),
        jf="Sandbox",
        jl="Employee",
        je=_K("jane.doe@example.com"),
    )


def _acct_adp_csv(f: _Fakes) -> _Draft:
    dom = f.domain()
    header = "Associate ID,File Number,Last Name,First Name,SSN,Hire Date,Department,Annual Salary,Work Email,IBAN\n"
    parts: list[_Part] = [header]
    for _ in range(1):
        _, first, last = _name(f)
        hire = f.when() - dt.timedelta(days=f.num(200, 3000))
        iban: _Slot = _S("iban", f.iban(spaced=False))
        parts += _p(
            "<<aoid>>,<<fileno>>,<<last>>,<<first>>,<<ssn>>,<<hire>>,<<dept>>,<<sal>>,<<email>>,<<iban>>\n",
            aoid=f.chars(_UPNUM, 9),
            fileno=f"{f.num(1, 9999):06d}",
            last=_S("person-name", last),
            first=_S("person-name", first),
            ssn=_S("ssn", f.ssn("dashes" if f.coin(0.7) else "blanks")),
            hire=hire.strftime("%m/%d/%Y"),
            dept=f.pick(("ENG", "OPS", "FIN", "SALES")),
            sal=f"{f.num(48, 190) * 1000}.00",
            email=_S("email", f.email(first, last, dom)),
            iban=iban,
        )
    return _d("exports/adp-census.csv", "csv", parts)


def _acct_adp_worker(f: _Fakes) -> _Draft:
    _, first, last = _name(f)
    return _t(
        "logs/adp-worker.json",
        "json",
        """
        {
          "workers": [
            {
              "associateOID": "<<aoid>>",
              "workerID": {"idValue": "<<wid>>"},
              "person": {
                "governmentIDs": [
                  {
                    "idValue": "<<ssn>>",
                    "nameCode": {"codeValue": "SSN", "shortName": "Social Security Number"},
                    "countryCode": "US"
                  }
                ]
              },
              "businessCommunication": {"emails": [{"emailUri": "<<email>>"}]},
              "workerStatus": {"statusCode": {"codeValue": "Active"}}
            }
          ],
          "meta": {"totalNumber": 1}
        }
        """,
        aoid="G3" + f.chars(_UPNUM, 14),
        wid=f.chars(_UPNUM, 9),
        ssn=_S("ssn", f.ssn("compact")),
        email=_S("email", f.email(first, last)),
    )


def _acct_payroll_sql(f: _Fakes) -> _Draft:
    rows = []
    count = 1
    for i in range(count):
        _, first, last = _name(f)
        rows.append(
            _p(
                "(<<no>>, '<<first>>', '<<last>>', '<<ssn>>', '<<iban>>', <<sal>>)"
                + (",\n" if i < count - 1 else ";\n"),
                no=str(1000 + f.num(1, 900)),
                first=_S("person-name", first),
                last=_S("person-name", last),
                ssn=_S("ssn", f.ssn("compact")),
                iban=_S("iban", f.iban(spaced=False)),
                sal=str(f.num(40, 200) * 100000),
            )
        )
    head = _p(
        """
        payroll=> INSERT INTO payroll.employees (employee_no, first_name, last_name, ssn, iban, salary_cents)
        VALUES
        """
    )
    return _d("logs/payroll-seed.txt", "sql", head, *rows, [f"INSERT 0 {count}\n"])


def _acct_qbo_payment(f: _Fakes) -> _Draft:
    full, _, _ = _name(f)
    s = _stamps(f, 3, "%Y-%m-%d %H:%M:%S,%f")
    return _t(
        "logs/payments-debug.log",
        "text",
        """
        <<s0>> DEBUG payments.client POST https://api.intuit.com/quickbooks/v4/payments/charges
        <<s1>> DEBUG payments.client request body: {"amount": "<<amt>>", "currency": "USD", "capture": true, "card": {"number": "<<card>>", "expMonth": "<<mm>>", "expYear": "<<yy>>", "cvc": "<<cvc>>", "name": "<<name>>", "address": {"postalCode": "<<zip>>", "country": "US"}}}
        <<s2>> INFO payments.client charge <<chid>> CAPTURED
        <<s2>> DEBUG payments.client request body: {"amount": "<<amt2>>", "currency": "USD", "capture": false, "card": {"number": "<<card2>>", "expMonth": "<<mm>>", "expYear": "<<yy>>"}}
        <<s2>> WARN payments.client authorization declined: card_declined
        """,  # noqa: E501
        s0=s[0][:-3],
        s1=s[1][:-3],
        s2=s[2][:-3],
        amt=f"{f.num(5, 900)}.{f.num(0, 99):02d}",
        card=_S("card-number", f.card(spaced=False)),
        mm=f"{f.num(1, 12):02d}",
        yy=str(f.num(2026, 2031)),
        cvc=f"{f.num(100, 999)}",
        name=_S("person-name", full),
        zip=f"{f.num(10000, 99999)}",
        chid="E" + f.chars(_UPNUM, 11),
        amt2=f"{f.num(5, 900)}.{f.num(0, 99):02d}",
        card2=_S("card-number", f.card()),
    )


def _acct_sandbox_fixture(f: _Fakes) -> _Draft:
    return _t(
        "tests/fixtures/payments.py",
        "python",
        """
        # Sandbox values from the processors' published test data; they charge nothing.
        SANDBOX_CARDS = {
            "visa_ok": "<<t0>>",
            "visa_ok_spaced": "<<t1>>",
            "mastercard_ok": "<<t2>>",
        }
        SANDBOX_CUSTOMER = {"name": "<<jd>>", "email": "<<je>>"}
        SANDBOX_REALM = "<<realm>>"
        QBO_CLIENT_SECRET = "<<ph>>"
        """,
        t0=_K("4111111111111111"),
        t1=_K("4242 4242 4242 4242"),
        t2=_K("5555555555554444"),
        jd=_K("Jane Doe"),
        je=_K("jane.doe@example.com"),
        realm=f.digits(16),
        ph=_K("<your-client-secret>"),
    )


def _acct_xero_contacts(f: _Fakes) -> _Draft:
    parts: list[_Part] = ["*ContactName,EmailAddress,POAddressLine1,POCity,POPostalCode,AccountNumber\n"]
    for _ in range(1):
        full, first, last = _name(f)
        city, zipc = _city(f)
        parts += _p(
            '<<name>>,<<email>>,<<street>>,"<<city>>",<<zip>>,CUST-<<n>>\n',
            name=_S("person-name", full),
            email=_S("email", f.email(first, last)),
            street=_street(f),
            city=city,
            zip=zipc,
            n=f.digits(4),
        )
    return _d("exports/xero-contacts.csv", "csv", parts)


def _acct_payouts_env(f: _Fakes) -> _Draft:
    return _t(
        "payouts-sync/.env",
        "dotenv",
        """
        STRIPE_SECRET_KEY=<<sk>>
        STRIPE_WEBHOOK_SECRET=<<whsec>>
        XERO_CLIENT_ID=<<xcid>>
        XERO_CLIENT_SECRET=<<xcs>>
        XERO_WEBHOOK_KEY=<<whk>>
        SYNC_ALERT_EMAIL=<<email>>
        SENTRY_AUTH_TOKEN=<<stref>>
        SYNC_CRON="15 2 * * *"
        """,
        sk=_S("stripe-secret-key", f.stripe()),
        whsec=_S("app-secret-key", "whsec_" + f.alnum(32)),
        xcid=f.chars(_UPNUM, 32),
        xcs=_S("oauth-client-secret", f.chars(_B64URL, 48)),
        whk=_S("app-secret-key", _b64(f.randbytes(64))) if f.coin(0.4) else _K("${XERO_WEBHOOK_KEY}"),
        email=_S("email", f.email(*f.person())) if f.coin(0.5) else _K("finance-alerts@example.org"),
        stref=_K("$(pass show sentry/payouts-sync)"),
    )


# ---------------------------------------------------------------------------------------------------------
# Education platforms.


def _edu_moodle_config(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    return _t(
        "var/www/moodle/config.php",
        "php",
        """
        <?php  // Moodle configuration file

        unset($CFG);
        global $CFG;
        $CFG = new stdClass();

        $CFG->dbtype    = 'pgsql';
        $CFG->dblibrary = 'native';
        $CFG->dbhost    = '<<dbip>>';
        $CFG->dbname    = 'moodle';
        $CFG->dbuser    = 'moodleuser';
        $CFG->dbpass    = '<<dbpw>>';
        $CFG->prefix    = 'mdl_';
        $CFG->dboptions = array(
            'dbpersist' => 0,
            'dbport' => 5432,
            'dbsocket' => '',
        );

        $CFG->wwwroot   = 'https://learn.<<dom>>';
        $CFG->dataroot  = '/var/moodledata';
        $CFG->admin     = 'admin';
        $CFG->passwordsaltmain = '<<salt>>';
        $CFG->smtphosts = 'smtp.<<dom>>:587';
        $CFG->smtpuser  = 'moodle-mailer';
        $CFG->smtppass  = '<<smtp>>';
        $CFG->sslproxy  = false;
        $CFG->reverseproxy = false;
        $CFG->getremoteaddrconf = 0;
        // $CFG->dbpass = '<<ph>>';  // template value from config-dist.php
        $CFG->noreplyaddress = '<<noreply>>';

        $CFG->directorypermissions = 0777;

        require_once(__DIR__ . '/lib/setup.php');
        """,
        dbip=_either(f, _S("ip-address", f.private_ip()), _K("localhost")),
        dbpw=_S("password", f.password("!*-_.+=^~")),
        dom=dom,
        salt=_S("app-secret-key", f.chars(_ALNUM + "#%&()*+,-./:;<=>?@[]^_{|}~", 32).replace("'", "")),
        smtp=_S("password", f.password()) if f.coin(0.5) else _K("changeme"),
        ph=_K("<your-database-password>"),
        noreply=_K(f"noreply@{dom}"),
    )


def _edu_moodle_users(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    _, first, last = _name(f)
    names = f.coin(0.4)
    columns = ["id", "username", *(["firstname", "lastname"] if names else []), "email", "password"]
    admin: list[_Slot] = [
        "2",
        "admin",
        *(["Admin", "User"] if names else []),
        _K(f"noreply@{dom}"),
        "not cached",
    ]
    row: list[_Slot] = [
        str(f.num(3, 900)),
        f.user(first, last),
        *([_S("person-name", first), _S("person-name", last)] if names else []),
        _S("email", f.email(first, last, dom)),
        _S("password-hash", f.bcrypt("2y")),
    ]
    head = [
        f"mysql> SELECT {', '.join(columns)} FROM mdl_user WHERE deleted = 0 AND id IN (2, {_text(row[0])});\n"
    ]
    tail = ["2 rows in set (0.00 sec)\n"]
    return _d("logs/moodle-users.txt", "console", head, _table(columns, [admin, row]), tail)


def _edu_canvas_students(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    p0 = _name(f)
    n0 = _S("person-name", p0[0])
    e0 = _S("email", f.email(p0[1], p0[2], dom))
    return _t(
        "logs/canvas-students.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<tok>>" "https://canvas.<<dom>>/api/v1/courses/<<course>>/students" | jq '.[] | {id, name, short_name, login_id, email}'
        {
          "id": <<i0>>,
          "name": "<<n0>>",
          "short_name": "<<n0>>",
          "login_id": "<<e0>>",
          "email": "<<e0>>"
        }
        $ # docs: curl -H "Authorization: Bearer <<ph>>" https://<canvas>/api/v1/courses
        """,  # noqa: E501
        tok=_S("api-key", f"{f.num(1000, 29999)}~{f.alnum(64)}"),
        dom=dom,
        course=str(f.num(100, 9999)),
        i0=str(f.num(1000, 99999)),
        i1=str(f.num(1000, 99999)),
        n0=n0,
        e0=e0,
        ph=_K("<ACCESS-TOKEN>"),
    )


def _edu_grades_csv(f: _Fakes) -> _Draft:
    dom = "student." + f.domain("edu")
    parts: list[_Part] = [
        "First name,Last name,ID number,Institution,Department,Email address,"
        "Assignment 1 (Real),Quiz 2 (Real),Course total (Real),Last downloaded from this course\n"
    ]
    stamp = str(f.epoch())
    for _ in range(1):
        _, first, last = _name(f)
        parts += _p(
            "<<first>>,<<last>>,S<<sid>>,,,<<email>>,<<a>>,<<q>>,<<t>>,<<stamp>>\n",
            first=_S("person-name", first),
            last=_S("person-name", last),
            sid=f.digits(7),
            email=_S("email", f.email(first, last, dom)),
            a=f"{f.num(40, 100)}.{f.pick(('00', '50', '25'))}",
            q=f"{f.num(3, 10)}.00",
            t=f"{f.num(40, 100)}.{f.num(0, 99):02d}",
            stamp=stamp,
        )
    return _d("exports/BIO-101 Grades.csv", "csv", parts)


def _edu_moodle_ws(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    full, first, last = _name(f)
    sid = f.digits(7)
    return _t(
        "logs/moodle-ws.txt",
        "console",
        """
        $ curl -s "https://learn.<<dom>>/webservice/rest/server.php?wstoken=<<tok>>&<<fn>>&<<fmt>>&field=idnumber&values[0]=S<<sid>>"
        {"users":[{"id":<<id>>,"username":"<<user>>","fullname":"<<full>>","email":"<<email>>","department":"","idnumber":"S<<sid>>","auth":"manual","suspended":false,"lang":"en"}],"warnings":[]}
        """,
        dom=dom,
        tok=_S("api-key", f.hexs(32)),
        fn=_K("wsfunction=core_user_get_users_by_field"),
        fmt=_K("moodlewsrestformat=json"),
        sid=sid,
        id=str(f.num(100, 99999)),
        user=f.user(first, last),
        full=_S("person-name", full),
        email=_S("email", f.email(first, last, dom)),
    )


def _edu_lti(f: _Fakes) -> _Draft:
    begin, body, end = f.pem("rsa")
    return _t(
        "logs/lti-setup.txt",
        "console",
        """
        $ cat lti/.env
        LTI_ISSUER=https://canvas.instructure.com
        LTI_CLIENT_ID=<<cid>>
        LTI_DEPLOYMENT_ID=<<dep>>:<<dephash>>
        LTI_KEYSET_URL=https://canvas.<<dom>>/api/lti/security/jwks
        LTI_PRIVATE_KEY_PATH=/etc/lti/private.pem
        CANVAS_DEVELOPER_KEY_SECRET=<<sec>>
        $ sudo cat /etc/lti/private.pem
        <<begin>>
        <<body>>
        <<end>>
        """,
        cid="1000000000" + f.digits(4),
        dep=str(f.num(10, 999)),
        dephash=f.hexs(40),
        dom=f.domain("edu"),
        sec=_S("oauth-client-secret", f.alnum(64)),
        begin=begin,
        body=_S("private-key", body),
        end=end,
    )


def _edu_moodle_login(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    ip = _S("ip-address", f.public_ip())
    first, last = f.person()
    return _t(
        "logs/moodle-login.txt",
        "console",
        """
        $ curl -sv -o /dev/null -X POST https://learn.<<dom>>/login/index.php -d "username=<<user>>&password=<<pw>>&logintoken=<<lt>>"
        *   Trying <<ip>>:443...
        * Connected to learn.<<dom>> (<<ip>>) port 443
        > POST /login/index.php HTTP/2
        > Host: learn.<<dom>>
        > Content-Type: application/x-www-form-urlencoded
        >
        < HTTP/2 303
        < set-cookie: <<clear>>; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/
        < set-cookie: MoodleSession=<<sess>>; <<attrs>>
        < location: https://learn.<<dom>>/my/
        """,  # noqa: E501
        dom=dom,
        user=f.user(first, last),
        pw=_S("password", f.password("-_.~")),
        lt=f.alnum(32),
        ip=ip,
        clear=_K("MOODLEID1_=deleted"),
        sess=_S("session-cookie", f.chars(_LOWNUM, 26)),
        attrs=_K("path=/; secure; HttpOnly; SameSite=None"),
    )


def _edu_sync_log(f: _Fakes) -> _Draft:
    dom = f.domain("edu")
    s = _stamps(f, 5, "%Y-%m-%d %H:%M:%S")
    return _t(
        "logs/sis-sync.log",
        "text",
        """
        <<s0>> INFO  sis_sync: fetched 3 enrolment changes from SIS
        <<s1>> INFO  sis_sync: enrol course=BIO-101 user=<<e0>> role=student
        <<s2>> INFO  sis_sync: enrol course=BIO-101 user=<<e1>> role=student
        <<s3>> WARN  sis_sync: skipped user=<<e2>>: no matching Moodle account (test fixture)
        <<s4>> INFO  sis_sync: connecting to reports DB at <<ip>> as reporting
        """,
        **_slots("s", s),
        e0=_either(f, _S("email", f.email(*f.person(), dom)), _K("lab.demo@example.net"), 0.6),
        e1=_either(f, _S("email", f.email(*f.person(), dom)), _K("teacher.demo@example.org")),
        e2=_K("student.test@example.edu.invalid"),
        ip=_either(f, _S("ip-address", f.private_ip()), "reports-db.internal", 0.4),
    )


def _edu_lti_launch(f: _Fakes) -> _Draft:
    s = _stamps(f, 3, "%Y-%m-%dT%H:%M:%S.%fZ")
    now = f.epoch()
    token = f.jwt(
        {
            "iss": "https://canvas.instructure.com",
            "aud": "1000000000" + f.digits(4),
            "sub": f.uuid4(),
            "iat": now,
            "exp": now + 300,
            "nonce": f.uuid4(),
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
        },
        "RS256",
    )
    return _t(
        "logs/lti-launch.log",
        "text",
        """
        <<s0>> INFO lti.launch received id_token for deployment <<dep>>
        <<s1>> DEBUG lti.launch id_token=<<jwt>>
        <<s2>> INFO lti.launch nonce <<nonce>> verified; resource_link <<rl>>; roles=[http://purl.imsglobal.org/vocab/lis/v2/membership#Learner]
        """,
        **_slots("s", s),
        dep=f"{f.num(10, 999)}:{f.hexs(40)}",
        jwt=_S("jwt", token),
        nonce=_K(f.uuid4()),
        rl=_K(f.uuid4()),
    )


def _edu_submissions(f: _Fakes) -> _Draft:
    return _t(
        "logs/canvas-submissions.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<ref>>" "https://canvas.<<dom>>/api/v1/courses/<<c>>/assignments/<<a>>/submissions?per_page=2" | jq -c '.[] | {user_id, score, workflow_state}'
        {"user_id":<<u0>>,"score":<<s0>>,"workflow_state":"graded"}
        {"user_id":<<u1>>,"score":null,"workflow_state":"unsubmitted"}
        $ git log -1 --format=%H -- grading/sync.py
        <<sha>>
        """,  # noqa: E501
        ref=_K("${CANVAS_TOKEN}"),
        dom=f.domain("edu"),
        c=str(f.num(100, 9999)),
        a=str(f.num(1000, 99999)),
        u0=str(f.num(1000, 99999)),
        u1=str(f.num(1000, 99999)),
        s0=f"{f.num(40, 100)}.{f.pick(('0', '5'))}",
        sha=_K(f.git_sha()),
    )


def _acct_xero_invoice(f: _Fakes) -> _Draft:
    full, first, last = _name(f)
    return _t(
        "logs/xero-invoice.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<ref>>" -H "xero-tenant-id: <<tid>>" https://api.xero.com/api.xro/2.0/Invoices/<<iid>> | jq '.Invoices[0] | {InvoiceNumber, Contact: (.Contact | {ContactID, Name, EmailAddress}), Total, Status}'
        {
          "InvoiceNumber": "INV-<<n>>",
          "Contact": {
            "ContactID": "<<cid>>",
            "Name": "<<name>>",
            "EmailAddress": "<<email>>"
          },
          "Total": <<total>>,
          "Status": "AUTHORISED"
        }
        """,  # noqa: E501
        ref=_K("${XERO_ACCESS_TOKEN}"),
        tid=_K(f.uuid4()),
        iid=_K(f.uuid4()),
        n=f.digits(4),
        cid=_K(f.uuid4()),
        name=_S("person-name", full),
        email=_S("email", f.email(first, last)),
        total=f"{f.num(50, 9000)}.{f.num(0, 99):02d}",
    )


# ---------------------------------------------------------------------------------------------------------
# ML experiment tracking and model hubs.


def _ml_wandb_login(f: _Fakes) -> _Draft:
    first, last = f.person()
    return _t(
        "logs/wandb-login.txt",
        "console",
        """
        $ wandb login
        wandb: Logging into wandb.ai. (Learn how to deploy a W&B server locally: https://wandb.me/wandb-server)
        wandb: You can find your API key in your browser here: https://wandb.ai/authorize
        wandb: Paste an API key from your profile and hit enter, or press ctrl+c to quit:
        wandb: Appending key for api.wandb.ai to your netrc file: /home/<<user>>/.netrc
        $ cat ~/.netrc
        machine api.wandb.ai
          login user
          password <<key>>
        """,
        user=_S("home-user", f.user(first, last)),
        key=_S("api-key", f.hexs(40)),
    )


def _ml_wandb_traceback(f: _Fakes) -> _Draft:
    first, last = f.person()
    user = _S("home-user", f.user(first, last))
    return _t(
        "logs/train-error.log",
        "text",
        """
        <<when>> | ERROR    | __main__:main:58 - An error has been caught in function 'main', process 'MainProcess' (<<pid>>), thread 'MainThread' (<<tid>>):
        Traceback (most recent call last):

        > File "/home/<<user>>/exp/train.py", line 71, in <module>
            main()
            └ <function main at 0x7f3a2c1d9e40>

          File "/home/<<user>>/exp/train.py", line 52, in main
            wandb.login(key=api_key, host=cfg.wandb_host)
            │               │             └ {'wandb_host': 'https://wandb.<<dom>>', 'project': 'llm-ft', 'epochs': 3}
            │               └ '<<key>>'
            └ <module 'wandb' from '/home/<<user>>/.venv/lib/python3.11/site-packages/wandb/__init__.py'>

        wandb.errors.errors.AuthenticationError: API key must be 40 characters long, yours was 41
        """,  # noqa: E501
        when=f.when().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3],
        pid=str(f.num(1000, 60000)),
        tid=str(f.num(10**14, 10**15)),
        user=user,
        dom=f.domain(),
        key=_S("api-key", f.hexs(40) + f.hexs(1)),
    )


def _ml_mlflow_env(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        "scripts/mlflow-server.sh",
        "bash",
        """
        export MLFLOW_TRACKING_URI=https://mlflow.<<dom>>
        export MLFLOW_TRACKING_USERNAME=ml-ci
        export MLFLOW_TRACKING_PASSWORD=<<pw>>
        export MLFLOW_TRACKING_TOKEN=<<tref>>

        mlflow server \\
          --backend-store-uri postgresql://mlflow:<<dbpw>>@<<ip>>:5432/mlflow \\
          --artifacts-destination s3://<<bucket>>/artifacts \\
          --host <<any>> --port 5000
        """,
        dom=dom,
        pw=_S("password", f.password("-_.+=^~")),
        tref=_K("${MLFLOW_TOKEN}"),
        dbpw=_S("url-password", f.url_password()),
        ip=_either(f, _S("ip-address", f.private_ip()), "mlflow-db.internal", 0.3),
        bucket=f"{f.pick(_DOMAIN_WORDS)}-ml-artifacts",
        any=_K("0.0.0.0"),
    )


def _ml_mlflow_run(f: _Fakes) -> _Draft:
    rid = _K(f.hexs(32))
    exp = str(f.num(1, 400))
    dom = f.domain()
    return _t(
        "logs/mlflow-run.txt",
        "console",
        """
        $ python train.py --epochs 3
        <<when>> INFO mlflow.tracking.fluent: Experiment with name 'churn-model' does not exist. Creating a new experiment.
        epoch 1/3 loss=0.4121 val_auc=0.861
        epoch 2/3 loss=0.3377 val_auc=0.874
        epoch 3/3 loss=0.3012 val_auc=0.879
        🏃 View run <<rname>> at: https://mlflow.<<dom>>/#/experiments/<<exp>>/runs/<<rid>>
        🧪 View experiment at: https://mlflow.<<dom>>/#/experiments/<<exp>>
        $ mlflow runs describe --run-id <<rid>> | jq '.info | {run_id, artifact_uri, user_id}'
        {
          "run_id": "<<rid>>",
          "artifact_uri": "s3://<<bucket>>/mlflow/<<exp>>/<<rid>>/artifacts",
          "user_id": "<<email>>"
        }
        """,  # noqa: E501
        when=f.when().strftime("%Y/%m/%d %H:%M:%S"),
        rname="-".join(
            (
                f.pick(("bright", "quiet", "bold", "swift")),
                f.pick(("owl", "fox", "lynx", "hare")),
                str(f.num(10, 99)),
            )
        ),
        dom=dom,
        exp=exp,
        rid=rid,
        bucket=f"{f.pick(_DOMAIN_WORDS)}-ml-artifacts",
        email=_S("email", f.email(*f.person())),
    )


def _ml_databricks(f: _Fakes) -> _Draft:
    n = str(f.num(1, 19))
    return _t(
        "logs/databrickscfg.txt",
        "console",
        """
        $ cat ~/.databrickscfg
        [DEFAULT]
        host  = https://adb-<<ws0>>.<<n>>.azuredatabricks.net
        token = <<t0>>

        [staging]
        host  = https://adb-<<ws1>>.<<n>>.azuredatabricks.net
        token = <<t1>>
        jobs-api-version = 2.1
        $ databricks clusters list --profile staging
        ID                    Name            State
        <<cid>>  ml-gpu-a100     TERMINATED
        """,
        ws0=f.digits(16),
        ws1=f.digits(16),
        n=n,
        t0=_S("databricks-token", f.dapi()),
        t1=_S("databricks-token", f.dapi()),
        cid=f"{f.digits(4)}-{f.digits(6)}-{f.chars(_LOWNUM, 8)}",
    )


def _ml_comet(f: _Fakes) -> _Draft:
    key = _S("api-key", f.alnum(25))
    ws = f.pick(_DOMAIN_WORDS) + "-ml"
    return _t(
        "logs/comet.txt",
        "console",
        """
        $ cat ~/.comet.config
        [comet]
        api_key = <<key>>
        workspace = <<ws>>
        project_name = churn-model
        $ COMET_API_KEY=<<key>> python train.py
        COMET INFO: Experiment is live on comet.com https://www.comet.com/<<ws>>/churn-model/<<eid>>
        COMET INFO: Uploading metrics, params, and assets to Comet before program termination (may take several seconds)
        """,
        key=key,
        ws=ws,
        eid=f.hexs(32),
    )


def _ml_replicate(f: _Fakes) -> _Draft:
    return _t(
        "logs/replicate.txt",
        "console",
        """
        $ export REPLICATE_API_TOKEN=<<tok>>
        $ python - <<'EOF'
        import replicate
        out = replicate.run(
            "stability-ai/sdxl:<<ver>>",
            input={"prompt": "an isometric warehouse robot, studio lighting"},
        )
        print(out)
        EOF
        ['https://replicate.delivery/pbxt/<<p>>/out-0.png']
        """,
        tok=_S("replicate-token", f.replicate()),
        ver=_K(f.sha256()),
        p=f.chars(_ALNUM, 22),
    )


def _ml_hf_login(f: _Fakes) -> _Draft:
    user = _S("home-user", f.user(*f.person()))
    return _t(
        "logs/hf-login.txt",
        "console",
        """
        $ huggingface-cli login --token <<tok>> --add-to-git-credential
        Token is valid (permission: write).
        The token `ci-upload` has been saved to /home/<<user>>/.cache/huggingface/stored_tokens
        Your token has been saved in your configured git credential helpers (store).
        Your token has been saved to /home/<<user>>/.cache/huggingface/token
        Login successful.
        The current active token is: `ci-upload`
        """,
        tok=_S("huggingface-token", f.hf()),
        user=user,
    )


def _ml_model_card(f: _Fakes) -> _Draft:
    org = f.pick(_DOMAIN_WORDS) + "-research"
    p0, p1 = _name(f), _name(f)
    return _t(
        "README.md",
        "markdown",
        """
        ---
        license: apache-2.0
        base_model: <<base>>
        datasets:
          - <<org>>/support-tickets-2025
        metrics:
          - f1
        ---

        # ticket-router-v3

        This model was fine-tuned by <<p0>> and <<p1>> on the support-ticket dataset. Questions about the
        model go to <<contact>>.

        ## Files

        | file | sha256 |
        |------|--------|
        | model.safetensors | <<h0>> |
        | tokenizer.json | <<h1>> |

        Trained from commit <<sha>> of the training repository.
        """,
        base=f.pick(
            ("distilbert/distilroberta-base", "google-bert/bert-base-uncased", "microsoft/deberta-v3-base")
        ),
        org=org,
        p0=_K(p0[0]),
        p1=_K(p1[0]),
        contact=_S("email", f.email(*f.person())),
        h0=_K(f.sha256()),
        h1=_K(f.sha256()),
        sha=_K(f.git_sha()),
    )


def _ml_gcloud_keys(f: _Fakes) -> _Draft:
    proj = f"{f.pick(_DOMAIN_WORDS)}-ml-{f.num(100, 999)}"
    return _t(
        "logs/gcloud-keys.txt",
        "console",
        """
        $ gcloud iam service-accounts keys list --iam-account=ml-pipeline@<<proj>>.iam.gserviceaccount.com
        KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED
        <<k0>>  <<c0>>  9999-12-31T23:59:59Z  False
        <<k1>>  <<c1>>  <<e1>>  False
        $ gcloud auth print-access-token
        <<tok>>
        """,
        proj=proj,
        k0=_S("gcp-key-id", f.hexs(40)),
        k1=_S("gcp-key-id", f.hexs(40)),
        c0=f.when().strftime("%Y-%m-%dT%H:%M:%SZ"),
        c1=f.when().strftime("%Y-%m-%dT%H:%M:%SZ"),
        e1=f.when().strftime("%Y-%m-%dT%H:%M:%SZ"),
        tok=_S("google-oauth-token", f.ya29()),
    )


def _ml_sa_keyfile(f: _Fakes) -> _Draft:
    proj = f"{f.pick(_DOMAIN_WORDS)}-ml-{f.num(100, 999)}"
    begin, body, end = f.pem(f.pick(("rsa", "ec")), sep="\\n")
    return _t(
        "logs/sa-key.txt",
        "console",
        r"""
        $ cat ~/keys/ml-pipeline.json
        {
          "type": "service_account",
          "project_id": "<<proj>>",
          "private_key_id": "<<kid>>",
          "private_key": "<<begin>>\n<<body>>\n<<end>>\n",
          "client_email": "ml-pipeline@<<proj>>.iam.gserviceaccount.com",
          "client_id": "<<cid>>",
          "auth_uri": "https://accounts.google.com/o/oauth2/auth",
          "token_uri": "https://oauth2.googleapis.com/token"
        }
        """,
        proj=proj,
        kid=_S("gcp-key-id", f.hexs(40)),
        begin=begin,
        body=_S("private-key", body),
        end=end,
        cid=f.digits(21),
    )


def _ml_s3_env(f: _Fakes) -> _Draft:
    return _t(
        "logs/env-aws.txt",
        "console",
        """
        $ env | grep -E '^(AWS|MLFLOW)_' | sort
        AWS_ACCESS_KEY_ID=<<kid>>
        AWS_DEFAULT_REGION=eu-central-1
        AWS_SECRET_ACCESS_KEY=<<sec>>
        MLFLOW_S3_ENDPOINT_URL=http://<<ip>>:9000
        MLFLOW_TRACKING_URI=https://mlflow.<<dom>>
        """,
        kid=_S("aws-access-key", f.aws_key_id()),
        sec=_S("aws-secret-key", f.aws_secret()),
        ip=_S("ip-address", f.private_ip()),
        dom=f.domain(),
    )


# ---------------------------------------------------------------------------------------------------------
# Maps and geo services.


def _coords(f: _Fakes) -> tuple[str, str]:
    return f"{f.rng.uniform(-40, 60):.5f}", f"{f.rng.uniform(-120, 30):.5f}"


def _geo_mapbox_web(f: _Fakes) -> _Draft:
    acct = f.pick(_DOMAIN_WORDS) + f.pick(("maps", "geo", "dev"))
    lat, lng = _coords(f)
    return _t(
        "src/map.ts",
        "typescript",
        """
        import mapboxgl from 'mapbox-gl';

        mapboxgl.accessToken = '<<pk>>';

        export const map = new mapboxgl.Map({
          container: 'map',
          style: 'mapbox://styles/<<acct>>/<<style>>',
          center: [<<lng>>, <<lat>>],
          zoom: 11,
        });
        """,
        pk=_K(f.mapbox("pk", acct)),
        acct=acct,
        style="cl" + f.chars(_LOWNUM, 23),
        lng=lng,
        lat=lat,
    )


def _geo_mapbox_netrc(f: _Fakes) -> _Draft:
    acct = f.pick(_DOMAIN_WORDS) + f.pick(("maps", "geo", "dev"))
    return _t(
        "logs/mapbox-sdk-auth.txt",
        "console",
        """
        $ cat ~/.netrc
        machine api.mapbox.com
          login mapbox
          password <<sk0>>
        $ grep MAPBOX ~/.gradle/gradle.properties
        MAPBOX_DOWNLOADS_TOKEN=<<sk1>>
        """,
        sk0=_S("mapbox-secret-token", f.mapbox("sk", acct)),
        sk1=_S("mapbox-secret-token", f.mapbox("sk", acct)),
    )


def _geo_gmaps_html(f: _Fakes) -> _Draft:
    lat, lng = _coords(f)
    return _t(
        "public/depots.html",
        "html",
        """
        <div id="map" style="height: 480px"></div>
        <script>
          function initMap() {
            const depot = { lat: <<lat>>, lng: <<lng>> };
            const map = new google.maps.Map(document.getElementById("map"), { zoom: 12, center: depot, mapId: "<<mapid>>" });
            new google.maps.marker.AdvancedMarkerElement({ map, position: depot, title: "Depot" });
          }
        </script>
        <script async src="https://maps.googleapis.com/maps/api/js?key=<<key>>&<<cb>>&libraries=marker&v=weekly"></script>
        """,  # noqa: E501
        lat=lat,
        lng=lng,
        mapid=f.hexs(16),
        key=_S("google-api-key", f.google_key()),
        cb=_K("callback=initMap"),
    )


def _geo_android_manifest(f: _Fakes) -> _Draft:
    acct = f.pick(_DOMAIN_WORDS) + "maps"
    return _t(
        "app/src/main/AndroidManifest.xml",
        "xml",
        """
        <manifest xmlns:android="http://schemas.android.com/apk/res/android">
            <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION" />
            <application android:name=".DeliveryApp" android:label="@string/app_name">
                <meta-data
                    android:name="com.google.android.geo.API_KEY"
                    android:value="<<key>>" />
                <meta-data
                    android:name="com.mapbox.token"
                    android:value="<<pk>>" />
                <activity android:name=".MainActivity" android:exported="true" />
            </application>
        </manifest>
        """,
        key=_S("google-api-key", f.google_key()),
        pk=_K(f.mapbox("pk", acct)),
    )


def _geo_here_credentials(f: _Fakes) -> _Draft:
    return _t(
        "logs/here-credentials.txt",
        "console",
        """
        $ cat ~/.here/credentials.properties
        here.user.id=HERE-<<uid>>
        here.client.id=<<cid>>
        here.access.key.id=<<kid>>
        here.access.key.secret=<<ks>>
        here.token.endpoint.url=https://account.api.here.com/oauth2/token
        """,
        uid=f.uuid4(),
        cid=f.alnum(20),
        kid=f.chars(_B64URL, 22),
        ks=_S("api-key", f.chars(_B64URL, 86)),
    )


def _geo_here_curl(f: _Fakes) -> _Draft:
    city, zipc = _city(f)
    street = _street(f)
    lat, lng = _coords(f)
    q = f"{street}, {city} {zipc}"
    return _t(
        "logs/here-geocode.txt",
        "console",
        """
        $ curl -s "https://geocode.search.hereapi.com/v1/geocode?q=<<qenc>>&<<lang>>&apiKey=<<key>>" | jq '.items[0] | {title, position, scoring}'
        {
          "title": "<<q>>",
          "position": {
            "lat": <<lat>>,
            "lng": <<lng>>
          },
          "scoring": {
            "queryScore": 1
          }
        }
        """,  # noqa: E501
        qenc=q.replace(" ", "+").replace(",", "%2C"),
        lang=_K("lang=en-US"),
        key=_S("api-key", f.chars(_B64URL, 43)),
        q=q,
        lat=lat,
        lng=lng,
    )


def _geo_geocode_log(f: _Fakes) -> _Draft:
    s = _stamps(f, 4, "%Y-%m-%dT%H:%M:%S.%fZ")
    city, zipc = _city(f)
    lat, lng = _coords(f)
    return _t(
        "logs/geocoder.log",
        "text",
        """
        <<s0>> INFO geocode request user_id=<<uid>> email=<<email>> q="<<street>>, <<city>> <<zip>>" provider=here client_ip=<<ip>>
        <<s1>> INFO geocode result lat=<<lat>> lon=<<lng>> confidence=0.97 match_level=houseNumber
        <<s2>> WARN geocode cache miss key=<<ck>> ttl=86400
        <<s3>> INFO upstream=geocode.search.hereapi.com status=200 elapsed_ms=<<ms>>
        """,  # noqa: E501
        **_slots("s", s),
        uid=f.digits(6),
        email=_S("email", f.email(*f.person())),
        street=_street(f),
        city=city,
        zip=zipc,
        ip=_S("ip-address", f.public_ip()),
        lat=lat,
        lng=lng,
        ck=_K(f.sha256()),
        ms=str(f.num(40, 900)),
    )


def _geo_customers_csv(f: _Fakes) -> _Draft:
    parts: list[_Part] = ["customer_name,email,street,city,postcode,lat,lng\n"]
    for _ in range(1):
        full, first, last = _name(f)
        city, zipc = _city(f)
        lat, lng = _coords(f)
        parts += _p(
            '<<name>>,<<email>>,<<street>>,"<<city>>",<<zip>>,<<lat>>,<<lng>>\n',
            name=_S("person-name", full),
            email=_S("email", f.email(first, last)),
            street=_street(f),
            city=city,
            zip=zipc,
            lat=lat,
            lng=lng,
        )
    return _d("data/geocoded-customers.csv", "csv", parts)


def _geo_env(f: _Fakes) -> _Draft:
    acct = f.pick(_DOMAIN_WORDS) + "maps"
    return _t(
        "web/.env.production",
        "dotenv",
        """
        VITE_MAPBOX_ACCESS_TOKEN=<<pk>>
        MAPBOX_SECRET_TOKEN=<<sk>>
        GOOGLE_MAPS_API_KEY=<<gk>>
        GEOCODER_PROVIDER=here
        HERE_API_KEY=<<hk>>
        GEOCODER_CACHE_URL=redis://<<ip>>:6379/3
        """,
        pk=_K(f.mapbox("pk", acct)),
        sk=_S("mapbox-secret-token", f.mapbox("sk", acct)),
        gk=_S("google-api-key", f.google_key()),
        hk=_either(f, _S("api-key", f.chars(_B64URL, 43)), _K("${HERE_API_KEY}")),
        ip="geocache.internal",
    )


# ---------------------------------------------------------------------------------------------------------
# Desktop app packaging and signing.


def _product(f: _Fakes) -> tuple[str, str]:
    co = f.pick(_DOMAIN_WORDS) + f.pick(("soft", "labs", "works", "apps"))
    prod = f.pick(("Ledger", "Notebook", "Studio", "Board", "Relay")) + f.pick(("", " Pro", " Desktop"))
    return co, prod


def _desk_builder_yml(f: _Fakes) -> _Draft:
    co, prod = _product(f)
    return _t(
        "electron-builder.yml",
        "yaml",
        """
        appId: io.<<co>>.desktop
        productName: <<prod>>
        directories:
          output: dist
        files:
          - "build/**/*"
        mac:
          category: public.app-category.productivity
          hardenedRuntime: true
          entitlements: build/entitlements.mac.plist
          notarize: true
        win:
          target: nsis
          certificateFile: build/certs/codesign.pfx
          certificatePassword: <<pw>>
          signingHashAlgorithms: [sha256]
        publish:
          provider: github
          owner: <<co>>
          repo: desktop
        """,
        co=co,
        prod=prod,
        pw=_S("signing-password", f.password()),
    )


def _desk_ci_notarize(f: _Fakes) -> _Draft:
    co, prod = _product(f)
    ver = f.version()
    return _t(
        "logs/release-mac.txt",
        "text",
        """
        Run npx electron-builder --mac --publish always
        env:
          APPLE_ID: <<email>>
          APPLE_APP_SPECIFIC_PASSWORD: <<asp>>
          APPLE_TEAM_ID: <<team>>
          CSC_KEY_PASSWORD: <<csc>>
          GH_TOKEN: <<gh>>
          • electron-builder  version=25.1.8 os=24.3.0
          • loaded configuration  file=package.json ("build" field)
          • packaging       platform=darwin arch=arm64 electron=33.2.1 appOutDir=dist/mac-arm64
          • signing         file=dist/mac-arm64/<<prod>>.app platform=darwin type=distribution identity=<<ident>> provisioningProfile=none
          • notarization successful
          • building        target=DMG arch=arm64 file=dist/<<prod>>-<<ver>>-arm64.dmg
          • publishing      publisher=Github (owner: <<co>>, project: desktop, version: <<ver>>)
        """,  # noqa: E501
        email=_either(f, _S("email", f.email(*f.person())), _K("***")),
        asp=_S("apple-app-password", "-".join(f.chars(string.ascii_lowercase, 4) for _ in range(4))),
        team=f.chars(_UPNUM, 10),
        csc=_either(f, _S("signing-password", f.password()), _K("***")),
        gh=_S("github-token", f.github()),
        prod=prod,
        ident=_K(f.hexs(40).upper()),
        ver=ver,
        co=co,
    )


def _desk_notarytool(f: _Fakes) -> _Draft:
    _, prod = _product(f)
    sid = _K(f.uuid4())
    return _t(
        "logs/notarize.txt",
        "console",
        """
        $ xcrun notarytool store-credentials "<<prof>>" --apple-id "<<email>>" --team-id <<team>> --password "<<asp>>"
        This process stores your credentials securely in the Keychain. You reference these credentials later using a profile name.

        Validating your credentials...
        Success. Credentials validated.
        Credentials saved to Keychain.
        To use them, specify `--keychain-profile "<<prof>>"`
        $ xcrun notarytool submit dist/<<zip>> --keychain-profile "<<prof>>" --wait
        Conducting pre-submission checks for <<zip>> and initiating connection to the Apple notary service...
        Submission ID received
          id: <<sid>>
        Successfully uploaded file
          id: <<sid>>
          path: /Users/<<user>>/src/desktop/dist/<<zip>>
        Waiting for processing to complete.
        Current status: Accepted........
        Processing complete
          id: <<sid>>
          status: Accepted
        """,  # noqa: E501
        prof=_K("AC_PASSWORD"),
        email=_S("email", f.email(*f.person())),
        team=f.chars(_UPNUM, 10),
        asp=_S("apple-app-password", "-".join(f.chars(string.ascii_lowercase, 4) for _ in range(4))),
        zip=prod.replace(" ", "") + ".zip",
        sid=sid,
        user=_S("home-user", f.user(*f.person())),
    )


def _desk_tauri_generate(f: _Fakes) -> _Draft:
    app = f.pick(("relay", "notebook", "ledger", "board"))
    user = _S("home-user", f.user(*f.person()))
    return _t(
        "logs/tauri-signer.txt",
        "console",
        """
        $ npm run tauri signer generate -- -w ~/.tauri/<<app>>.key
        Please enter a password to protect the secret key.
        Password:
        Password (one more time):
        Deleting existing private key at /Users/<<user>>/.tauri/<<app>>.key
        Your keypair was generated successfully
        Private: /Users/<<user>>/.tauri/<<app>>.key (Keep it secret!)
        Public: /Users/<<user>>/.tauri/<<app>>.key.pub
        ---------------------------

        Environment variables used to sign:
        `TAURI_SIGNING_PRIVATE_KEY`  Path or String of your private key
        `TAURI_SIGNING_PRIVATE_KEY_PASSWORD`  Your private key password (optional)
        """,
        app=app,
        user=user,
    )


def _desk_tauri_env(f: _Fakes) -> _Draft:
    co, _ = _product(f)
    return _t(
        ".env.release",
        "dotenv",
        """
        TAURI_SIGNING_PRIVATE_KEY=<<key>>
        TAURI_SIGNING_PRIVATE_KEY_PASSWORD=<<pw>>
        APPLE_SIGNING_IDENTITY="Developer ID Application: <<org>> (<<team>>)"
        APPLE_CERTIFICATE_PASSWORD=<<cpw>>
        """,
        key=_S("private-key", f.tauri_key()),
        pw=_S("signing-password", f.password()),
        org=co.capitalize() + " Inc.",
        team=f.chars(_UPNUM, 10),
        cpw=_either(f, _S("signing-password", f.password()), _K("${APPLE_CERTIFICATE_PASSWORD}")),
    )


def _desk_signtool(f: _Fakes) -> _Draft:
    _, prod = _product(f)
    user = _S("home-user", f.user(*f.person()))
    ver = f.version()
    return _t(
        "logs/sign-windows.txt",
        "powershell",
        r"""
        PS C:\Users\<<user>>\src\desktop> signtool sign /f build\certs\codesign.pfx /p <<pw>> /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 "dist\<<prod>> Setup <<ver>>.exe"
        Done Adding Additional Store
        Successfully signed: dist\<<prod>> Setup <<ver>>.exe

        Number of files successfully Signed: 1
        Number of warnings: 0
        Number of errors: 0
        PS C:\Users\<<user>>\src\desktop> openssl pkcs12 -export -in codesign.crt -inkey codesign.key -out codesign.pfx -passout pass:<<pw2>>
        """,  # noqa: E501
        user=user,
        pw=_S("signing-password", f.password("-_.+=^~")),
        prod=prod,
        ver=ver,
        pw2=_either(
            f,
            _S("signing-password", f.password("-_.+=^~")),
            _K("$(security find-generic-password -s codesign -w)"),
        ),
    )


def _desk_x509(f: _Fakes) -> _Draft:
    co, _ = _product(f)
    fp = ":".join(f.hexs(2).upper() for _ in range(32))
    return _t(
        "logs/codesign-cert.txt",
        "console",
        """
        $ openssl x509 -in codesign.crt -noout -subject -issuer -serial -fingerprint -sha256
        subject=C=DE, L=Berlin, O=<<org>>, CN=<<org>>, emailAddress=<<email>>
        issuer=C=US, O=DigiCert, Inc., CN=DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1
        serial=<<serial>>
        sha256 Fingerprint=<<fp>>
        """,
        org=co.capitalize() + " GmbH",
        email=_S("email", f.email(*f.person())),
        serial=f.hexs(32).upper(),
        fp=_K(fp),
    )


def _desk_latest_yml(f: _Fakes) -> _Draft:
    _, prod = _product(f)
    ver = f.version()
    digest = _K(_b64(f.randbytes(64)))
    name = prod.replace(" ", "-")
    return _t(
        "dist/latest.yml",
        "yaml",
        """
        version: <<ver>>
        files:
          - url: <<name>>-Setup-<<ver>>.exe
            sha512: <<digest>>
            size: <<size>>
        path: <<name>>-Setup-<<ver>>.exe
        sha512: <<digest>>
        releaseDate: '<<when>>'
        """,
        ver=ver,
        name=name,
        digest=digest,
        size=str(f.num(60_000_000, 140_000_000)),
        when=f.when().strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    )


def _desk_npmrc(f: _Fakes) -> _Draft:
    return _t(
        "logs/npmrc.txt",
        "console",
        """
        $ cat ~/.npmrc
        //registry.npmjs.org/:_authToken=<<npm>>
        @<<scope>>:registry=https://npm.pkg.github.com
        //npm.pkg.github.com/:_authToken=<<ref>>
        $ npm publish --access public
        npm notice 📦  @<<scope>>/native-keychain@<<ver>>
        npm notice shasum: <<sum>>
        npm notice integrity: sha512-<<integ>>
        + @<<scope>>/native-keychain@<<ver>>
        """,
        npm=_S("npm-token", f.npm()),
        scope=f.pick(_DOMAIN_WORDS),
        ref=_S("github-token", f.github()),
        ver=f.version(),
        sum=_K(f.git_sha()),
        integ=_K(_b64(f.randbytes(64))[:20] + "[...]" + _b64(f.randbytes(64))[-6:]),
    )


def _desk_package_json(f: _Fakes) -> _Draft:
    co, prod = _product(f)
    full, first, last = _name(f)
    return _t(
        "package.json",
        "json",
        """
        {
          "name": "<<co>>-desktop",
          "version": "<<ver>>",
          "description": "<<prod>> for macOS, Windows and Linux",
          "main": "dist/main.js",
          "author": {
            "name": "<<name>>",
            "email": "<<email>>"
          },
          "license": "UNLICENSED",
          "build": {
            "appId": "io.<<co>>.desktop",
            "publish": [{"provider": "github", "owner": "<<co>>", "repo": "desktop"}]
          }
        }
        """,
        co=co,
        ver=f.version(),
        prod=prod,
        name=_S("person-name", full),
        email=_S("email", f.email(first, last)),
    )


def _desk_sentry_symbols(f: _Fakes) -> _Draft:
    co, prod = _product(f)
    exe = prod.replace(" ", "")
    return _t(
        "logs/upload-symbols.txt",
        "console",
        """
        $ SENTRY_AUTH_TOKEN=<<tok>> npx sentry-cli debug-files upload --org <<co>> --project desktop dist/
        > Found 14 debug information files
        > Prepared debug information files for upload
        > Uploading completed in 3.204s
        > Uploaded 14 missing debug information files
        > File upload complete:

          UPLOADED <<id0>> (<<exe>>.exe; x86_64 executable)
          UPLOADED <<id1>> (<<exe>>.pdb; x86_64 debug companion)
        """,
        tok=_S("sentry-token", f.sentry_user()),
        co=co,
        id0=_K(f.uuid4()),
        id1=_K(f.uuid4()),
        exe=exe,
    )


def _desk_git_release(f: _Fakes) -> _Draft:
    return _d("logs/release-commit.txt", "console", _git_identity(f, "Release"))


# ---------------------------------------------------------------------------------------------------------
# Robotics and ROS.


def _serial(f: _Fakes) -> str:
    return f"AMR-{f.chars(_UPNUM, 2)}{f.digits(5)}"


def _ros_launch_py(f: _Fakes) -> _Draft:
    return _t(
        "src/fleet_bridge/launch/bridge.launch.py",
        "python",
        """
        from launch import LaunchDescription
        from launch_ros.actions import Node


        def generate_launch_description() -> LaunchDescription:
            return LaunchDescription(
                [
                    Node(
                        package="fleet_bridge",
                        executable="bridge_node",
                        name="fleet_bridge",
                        parameters=[
                            {
                                "fleet_api_url": "https://fleet.<<dom>>/api/v2",
                                "fleet_api_token": "<<tok>>",
                                "robot_serial": "<<serial>>",
                                "mqtt_host": "<<ip>>",
                                "mqtt_port": 8883,
                            }
                        ],
                        output="screen",
                    ),
                    Node(package="nav2_bringup", executable="bringup_launch.py", name="nav2"),
                ]
            )
        """,
        dom=f.domain(),
        tok=_S("api-key", f.chars(_B64URL, 40)),
        serial=_serial(f),
        ip=_either(f, _S("ip-address", f.private_ip()), "mqtt.fleet.internal"),
    )


def _ros_launch_xml(f: _Fakes) -> _Draft:
    return _t(
        "src/cell_bringup/launch/cell.launch",
        "xml",
        """
        <launch>
          <arg name="robot_ip" default="<<ip>>" />
          <arg name="kinematics_config" default="$(find ur_description)/config/ur10e/default_kinematics.yaml" />
          <include file="$(find ur_robot_driver)/launch/ur10e_bringup.launch">
            <arg name="robot_ip" value="<<ref>>" />
            <arg name="kinematics_config" value="$(arg kinematics_config)" />
          </include>
          <node pkg="fleet_client" type="client_node.py" name="fleet_client" output="screen">
            <param name="server" value="https://fleet.<<dom>>" />
            <param name="api_token" value="<<tok>>" />
            <param name="heartbeat_hz" value="1.0" />
          </node>
        </launch>
        """,
        ip=_S("ip-address", f.private_ip()),
        ref=_K("$(arg robot_ip)"),
        dom=f.domain(),
        tok=_S("api-key", f.alnum(48)),
    )


def _ros_params_yaml(f: _Fakes) -> _Draft:
    serial = _serial(f)
    template = """
        fleet_bridge:
          ros__parameters:
            fleet_api_token: "<<tok>>"
            device_serial: "<<serial>>"
            broker:
              host: broker.fleet.internal
              port: 8883
              username: <<user>>
              password: "<<mpw>>"
            camera:
              frame_id: front_camera
    """
    if f.coin(0.5):
        template += "          rtsp_url: rtsp://admin:<<cpw>>@<<cip>>:554/stream1\n"
    else:
        template += "          rtsp_url: rtsp://<<cip>>:554/stream1\n"
    return _t(
        "src/fleet_bridge/config/params.yaml",
        "yaml",
        template,
        tok=_S("api-key", f.chars(_B64URL, 40)),
        serial=serial,
        user=serial.lower(),
        mpw=_S("mqtt-password", f.password()),
        cpw=_S("url-password", f.url_password()),
        cip=_either(f, _S("ip-address", f.private_ip()), _K(f.doc_ip())),
    )


def _ros_bashrc(f: _Fakes) -> _Draft:
    me = _S("ip-address", f.private_ip())
    return _t(
        "logs/ros-env.txt",
        "console",
        """
        $ tail -n 7 ~/.bashrc
        source /opt/ros/noetic/setup.bash
        source ~/catkin_ws/devel/setup.bash
        export ROS_MASTER_URI=http://<<master>>:11311
        export ROS_IP=<<me>>
        export ROS_HOSTNAME=<<me>>
        export FLEET_TOKEN=<<tok>>
        export ROSCONSOLE_FORMAT='[${severity}] [${time}]: ${message}'
        """,
        master=_either(f, _S("ip-address", f.private_ip()), _K("localhost")),
        me=me,
        tok=_either(f, _S("api-key", f.alnum(40)), _K("$(cat /etc/fleet/token)")),
    )


def _ros_ip_addr(f: _Fakes) -> _Draft:
    b = f.num(2, 99)
    ip = _S("ip-address", f"192.168.{b}.{f.num(20, 99)}")
    addr = _p(
        """
        $ ip -4 addr show
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
            inet <<lo>>/8 scope host lo
               valid_lft forever preferred_lft forever
        3: wlan0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
            inet <<ip>>/24 brd 192.168.<<b>>.255 scope global dynamic noprefixroute wlan0
               valid_lft 85912sec preferred_lft 85912sec
        5: wg0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1420 qdisc noqueue state UNKNOWN group default qlen 1000
            inet <<wg>>/32 scope global wg0
        """,
        lo=_K("127.0.0.1"),
        ip=ip,
        b=str(b),
        wg=_either(
            f, _S("ip-address", f"10.{f.num(100, 250)}.{f.num(0, 255)}.{f.num(2, 254)}"), _K("169.254.0.2")
        ),
    )
    route: list[_Part] = []
    if f.coin(0.5):
        route = _p(
            """
            $ ip route
            default via <<gw>> dev wlan0 proto dhcp metric 600
            <<net>>/24 dev wlan0 proto kernel scope link src <<ip>> metric 600
            """,
            gw=_S("ip-address", f"192.168.{b}.1"),
            net=_K(f"192.168.{b}.0"),
            ip=ip,
        )
    return _d("logs/robot-net.txt", "console", addr, route)


def _ros_wpa(f: _Fakes) -> _Draft:
    ssid = f"AMR-{f.pick(('Floor2', 'Dock', 'Cell4', 'Yard'))}"
    pw = _S("wifi-psk", f.password("-_.+=^~"))
    return _t(
        "logs/wpa-setup.txt",
        "console",
        """
        $ wpa_passphrase "<<ssid>>" "<<pw>>"
        network={
        \tssid="<<ssid>>"
        \t#psk="<<pw>>"
        \tpsk=<<hex>>
        }
        $ sudo cat /etc/wpa_supplicant/wpa_supplicant-wlan0.conf
        ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
        country=DE
        network={
            ssid="<<ssid2>>"
            psk="<<pw2>>"
            key_mgmt=WPA-PSK
        }
        """,
        ssid=ssid,
        pw=pw,
        hex=_S("wifi-psk", f.hexs(64)),
        ssid2=ssid + "-5G",
        pw2=_either(f, _S("wifi-psk", f.password("-_.+=^~")), _K("changeme"), 0.4),
    )


def _ros_fleet_curl(f: _Fakes) -> _Draft:
    serial = _serial(f)
    return _t(
        "logs/fleet-missions.txt",
        "console",
        """
        $ curl -s -H "X-Fleet-Token: <<tok>>" "https://fleet.<<dom>>/api/v2/robots/<<serial>>/missions?state=active" | jq
        {
          "robot": "<<serial>>",
          "missions": [
            {"id": "<<m0>>", "type": "pick", "state": "active", "waypoints": <<w>>},
            {"id": "<<m1>>", "type": "charge", "state": "queued", "waypoints": 1}
          ]
        }
        """,  # noqa: E501
        tok=_S("api-key", f.chars(_B64URL, 40)),
        dom=f.domain(),
        serial=serial,
        m0=_K(f.uuid4()),
        m1=_K(f.uuid4()),
        w=str(f.num(2, 14)),
    )


def _ros_mir_basic(f: _Fakes) -> _Draft:
    basic = _b64(f"distributor:{f.sha256()}".encode())
    return _t(
        "logs/mir-status.txt",
        "console",
        """
        $ curl -s http://<<ip>>/api/v2.0.0/status -H "Authorization: Basic <<basic>>" -H "Accept-Language: en_US" | jq '{robot_name, battery_percentage, state_text}'
        {
          "robot_name": "MiR_<<n>>",
          "battery_percentage": <<bat>>,
          "state_text": "Ready"
        }
        """,  # noqa: E501
        ip=_either(f, _S("ip-address", f.private_ip()), "mir.local"),
        basic=_S("basic-auth", basic),
        n=f.digits(9),
        bat=f"{f.rng.uniform(20, 99):.1f}",
    )


def _ros_wireguard(f: _Fakes) -> _Draft:
    return _t(
        "logs/wg0.txt",
        "console",
        """
        $ sudo cat /etc/wireguard/wg0.conf
        [Interface]
        Address = <<addr>>/24
        PrivateKey = <<priv>>
        ListenPort = 51820

        [Peer]
        # fleet gateway
        PublicKey = <<pub>>
        Endpoint = <<ep>>:51820
        AllowedIPs = <<net>>/16
        PersistentKeepalive = 25
        """,
        addr=_S("ip-address", f"10.200.{f.num(0, 255)}.{f.num(2, 254)}"),
        priv=_S("private-key", f.wg_private()),
        pub=_K(f.wg_public()),
        ep=_either(f, _S("ip-address", f.public_ip()), "vpn.fleet.example.net"),
        net=_K("10.200.0.0"),
    )


def _ros_diagnostics(f: _Fakes) -> _Draft:
    return _t(
        "logs/diagnostics.txt",
        "console",
        """
        $ ros2 topic echo --once /diagnostics
        header:
          stamp:
            sec: <<sec>>
            nanosec: <<ns>>
          frame_id: ''
        status:
        - level: "\\0"
          name: 'lidar_driver: Sensor'
          message: OK
          hardware_id: '<<serial>>'
          values:
          - key: firmware_version
            value: <<fw>>
          - key: ip_address
            value: <<ip>>
          - key: scan_frequency
            value: '15.0'
        ---
        """,
        sec=str(f.epoch()),
        ns=str(f.num(0, 999_999_999)),
        serial=f"{f.chars(_UPNUM, 4)}{f.digits(8)}",
        fw=_K(f"{f.num(2, 5)}.{f.num(0, 9)}.{f.num(0, 9)}.{f.num(10, 250)}"),
        ip=_S("ip-address", f.private_ip()),
    )


# ---------------------------------------------------------------------------------------------------------
# Package publishing for other ecosystems.


def _crate(f: _Fakes) -> str:
    return f"{f.pick(_DOMAIN_WORDS)}-{f.pick(('codec', 'sync', 'cli', 'proto', 'rt'))}"


def _pkg_cargo_credentials(f: _Fakes) -> _Draft:
    reg = f.pick(_DOMAIN_WORDS) + "-internal"
    return _t(
        "logs/cargo-credentials.txt",
        "console",
        """
        $ cat ~/.cargo/credentials.toml
        [registry]
        token = "<<cio>>"

        [registries.<<reg>>]
        token = "<<alt>>"
        $ cat ~/.cargo/config.toml
        [registries.<<reg>>]
        index = "sparse+https://cargo.<<dom>>/index/"
        credential-provider = "cargo:token"
        """,
        cio=_S("cratesio-token", f.cratesio()),
        reg=reg,
        alt=_S("registry-credential", f.alnum(40)),
        dom=f.domain(),
    )


def _pkg_cargo_publish(f: _Fakes) -> _Draft:
    crate = _crate(f)
    ver = f.version()
    user = _S("home-user", f.user(*f.person()))
    dep = f.pick(("serde", "tokio", "bytes", "thiserror"))
    return _t(
        "logs/cargo-publish.txt",
        "console",
        """
        $ cargo publish -p <<crate>>
            Updating crates.io index
           Packaging <<crate>> v<<ver>> (/home/<<user>>/src/<<crate>>)
            Packaged 38 files, 212.4KiB (54.1KiB compressed)
           Verifying <<crate>> v<<ver>> (/home/<<user>>/src/<<crate>>)
            Finished `dev` profile [unoptimized + debuginfo] target(s) in 9.81s
           Uploading <<crate>> v<<ver>> (/home/<<user>>/src/<<crate>>)
            Uploaded <<crate>> v<<ver>> to registry `crates-io`
        $ grep -A3 'name = "<<dep>>"' Cargo.lock
        name = "<<dep>>"
        version = "<<depver>>"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        checksum = "<<sum>>"
        """,
        crate=crate,
        ver=ver,
        user=user,
        dep=dep,
        depver=f.version(),
        sum=_K(f.sha256()),
    )


def _pkg_cargo_toml(f: _Fakes) -> _Draft:
    full, first, last = _name(f)
    crate = _crate(f)
    return _t(
        "Cargo.toml",
        "toml",
        """
        [package]
        name = "<<crate>>"
        version = "<<ver>>"
        edition = "2021"
        authors = ["<<name>> <<<email>>>"]
        license = "MIT OR Apache-2.0"
        repository = "https://github.com/<<gh>>/<<crate>>"
        description = "Fast <<crate>> bindings"

        [dependencies]
        bytes = "1.7"
        """,
        crate=crate,
        ver=f.version(),
        name=_S("person-name", full),
        email=_S("email", f.email(first, last)),
        gh=f.pick(_DOMAIN_WORDS) + "-oss",
    )


def _pkg_nuget_config(f: _Fakes) -> _Draft:
    org = f.pick(_DOMAIN_WORDS)
    return _t(
        "NuGet.config",
        "xml",
        """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
            <add key="<<org>>" value="https://pkgs.dev.azure.com/<<org>>/_packaging/<<org>>/nuget/v3/index.json" />
            <add key="mirror" value="https://nuget.<<org>>.example/v3/index.json" />
          </packageSources>
          <packageSourceCredentials>
            <<<org>>>
              <add key="Username" value="build-agent" />
              <add key="ClearTextPassword" value="<<pat>>" />
            </<<org>>>
            <mirror>
              <add key="Username" value="ci" />
              <add key="ClearTextPassword" value="<<ref>>" />
            </mirror>
          </packageSourceCredentials>
        </configuration>
        """,
        org=org,
        pat=_S("registry-credential", f.chars(string.ascii_lowercase + "234567", 52)),
        ref=_K("%NUGET_MIRROR_PAT%"),
    )


def _pkg_dotnet_push(f: _Fakes) -> _Draft:
    pkg = f.pick(_DOMAIN_WORDS).capitalize() + "." + f.pick(("Http", "Json", "Csv", "Retry"))
    ver = f.version()
    return _t(
        "logs/nuget-push.txt",
        "console",
        """
        $ dotnet nuget push bin/Release/<<pkg>>.<<ver>>.nupkg --api-key <<key>> --source https://api.nuget.org/v3/index.json
        Pushing <<pkg>>.<<ver>>.nupkg to 'https://www.nuget.org/api/v2/package'...
          PUT https://www.nuget.org/api/v2/package/
          Created https://www.nuget.org/api/v2/package/ <<ms>>ms
        Your package was pushed.
        """,
        pkg=pkg,
        ver=ver,
        key=_S("nuget-api-key", f.nuget()),
        ms=str(f.num(800, 4000)),
    )


def _pkg_composer_auth(f: _Fakes) -> _Draft:
    dom = f.domain()
    return _t(
        "auth.json",
        "json",
        """
        {
            "http-basic": {
                "repo.packagist.com": {
                    "username": "token",
                    "password": "<<pw>>"
                }
            },
            "github-oauth": {
                "github.com": "<<gh>>"
            },
            "gitlab-token": {
                "gitlab.<<dom>>": "<<gl>>"
            },
            "bearer": {
                "repo.<<dom>>": "<<bearer>>"
            }
        }
        """,
        pw=_either(f, _S("registry-credential", f.hexs(64)), _K("${PACKAGIST_TOKEN}")),
        gh=_S("github-token", f.github(f.pick(("ghp_", "gho_")))),
        dom=dom,
        gl=_S("gitlab-token", f.glpat()),
        bearer=_either(f, _S("registry-credential", f.chars(_B64URL, 48)), _K("<your-repo-token>")),
    )


def _pkg_gradle_properties(f: _Fakes) -> _Draft:
    user = _S("home-user", f.user(*f.person()))
    return _t(
        "logs/gradle-props.txt",
        "console",
        """
        $ cat ~/.gradle/gradle.properties
        org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8
        org.gradle.parallel=true
        signing.keyId=<<kid>>
        signing.password=<<spw>>
        signing.secretKeyRingFile=/home/<<user>>/.gnupg/secring.gpg
        ossrhUsername=<<ou>>
        ossrhPassword=<<opw>>
        mavenCentralUsername=<<mu>>
        mavenCentralPassword=<<mpw>>
        """,
        kid=f.hexs(8).upper(),
        spw=_S("signing-password", f.password()),
        user=user,
        ou=f.pick(_DOMAIN_WORDS) + "-release",
        opw=_either(f, _S("registry-credential", f.password()), _K("changeme")),
        mu=f.alnum(8),
        mpw=_S("registry-credential", f.chars(_B64URL, 44)),
    )


def _pkg_maven_settings(f: _Fakes) -> _Draft:
    return _t(
        "logs/m2-settings.txt",
        "console",
        """
        $ cat ~/.m2/settings.xml
        <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
          <servers>
            <server>
              <id>ossrh</id>
              <username><<user>></username>
              <password><<pw>></password>
            </server>
            <server>
              <id>github</id>
              <username><<user>></username>
              <password><<ref>></password>
            </server>
            <server>
              <id>gitlab-maven</id>
              <configuration>
                <httpHeaders>
                  <property>
                    <name>Private-Token</name>
                    <value><<glpat>></value>
                  </property>
                </httpHeaders>
              </configuration>
            </server>
          </servers>
          <profiles>
            <profile>
              <id>release</id>
              <properties>
                <gpg.keyname><<kname>></gpg.keyname>
                <gpg.passphrase><<gpg>></gpg.passphrase>
              </properties>
            </profile>
          </profiles>
        </settings>
        """,
        user=f.pick(_DOMAIN_WORDS) + "-ci",
        pw=_S("registry-credential", f.password()),
        ref=_K("${env.GITHUB_TOKEN}"),
        glpat=_S("gitlab-token", f.glpat()),
        kname=f.hexs(16).upper(),
        gpg=_S("signing-password", f.password()),
    )


def _pkg_hex_publish(f: _Fakes) -> _Draft:
    pkg = f.pick(_DOMAIN_WORDS) + "_" + f.pick(("ecto", "plug", "csv", "retry"))
    ver = f.version()
    gh = f.pick(_DOMAIN_WORDS) + "-oss"
    return _t(
        "logs/hex-publish.txt",
        "console",
        """
        $ HEX_API_KEY=<<key>> mix hex.publish --yes
        Building <<pkg>> <<ver>>
          Dependencies:
            jason ~> 1.4 (app: jason)
          App: <<pkg>>
          Name: <<pkg>>
          Files:
            lib
            mix.exs
            README.md
          Version: <<ver>>
          Build tools: mix
          Licenses: Apache-2.0
          Links:
            GitHub: https://github.com/<<gh>>/<<pkg>>
        Publishing package to public repository hexpm.
        Package published to https://hex.pm/packages/<<pkg>>/<<ver>> (<<sum>>)
        """,
        key=_S("registry-credential", f.hexs(32)),
        pkg=pkg,
        ver=ver,
        gh=gh,
        sum=_K(f.sha256()),
    )


def _pkg_pub_credentials(f: _Fakes) -> _Draft:
    first, last = f.person()
    now = f.epoch()
    claims: dict[str, object] = {
        "iss": "https://accounts.google.com",
        "aud": f"{f.digits(12)}.apps.googleusercontent.com",
        "sub": f.digits(21),
        "email": f.email(first, last),
        "iat": now,
        "exp": now + 3600,
    }
    idt = f.jwt(claims, "RS256")
    return _t(
        "logs/pub-credentials.txt",
        "console",
        """
        $ cat ~/.config/dart/pub-credentials.json
        {"accessToken":"<<at>>","refreshToken":"<<rt>>","idToken":"<<idt>>","tokenEndpoint":"https://accounts.google.com/o/oauth2/token","scopes":["openid","https://www.googleapis.com/auth/userinfo.email"],"expiration":<<exp>>}
        """,
        at=_S("google-oauth-token", f.ya29()),
        rt=_S("oauth-refresh-token", "1//0" + f.chars(_B64URL, 99)),
        idt=_S("jwt", idt),
        exp=str(now * 1000 + 3_600_000),
    )


def _pkg_cocoapods(f: _Fakes) -> _Draft:
    full, first, last = _name(f)
    email = _S("email", f.email(first, last))
    return _t(
        "logs/pod-trunk.txt",
        "console",
        """
        $ cat ~/.netrc
        machine trunk.cocoapods.org
          login <<email>>
          password <<pw>>
        $ pod trunk me
          - Name:     <<name>>
          - Email:    <<email>>
          - Since:    January 12th, 2021 03:10
          - Pods:
            - <<pod>>
          - Sessions:
            - January 12th, 2021 03:10 - <<until>>. IP: <<ip>> Description: MacBook Pro
        """,
        email=email,
        pw=_S("registry-credential", f.hexs(32)),
        name=_S("person-name", full),
        pod=f.pick(_DOMAIN_WORDS).capitalize() + "Kit",
        until=f.when().strftime("%B %dth, %Y %H:%M"),
        ip=_either(f, _S("ip-address", f.public_ip()), _K(f.doc_ip())),
    )


def _pkg_git_signing(f: _Fakes) -> _Draft:
    full, first, last = _name(f)
    name = _S("person-name", full)
    email = _S("email", f.email(first, last))
    kid = _K(f.hexs(16).upper())
    return _t(
        "logs/git-signing.txt",
        "console",
        """
        $ git config --global --list
        user.name=<<name>>
        user.email=<<email>>
        user.signingkey=<<kid>>
        commit.gpgsign=true
        tag.gpgsign=true
        init.defaultbranch=main
        $ gpg --list-secret-keys --keyid-format=long
        /home/<<user>>/.gnupg/pubring.kbx
        ------------------------------
        sec   ed25519/<<kid>> 2024-05-02 [SC]
              <<fpr>>
        uid                 [ultimate] <<name>> <<<email>>>
        ssb   cv25519/<<sub>> 2024-05-02 [E]
        """,
        name=name,
        email=email,
        kid=kid,
        user=_S("home-user", f.user(first, last)),
        fpr=_K(f.hexs(40).upper()),
        sub=f.hexs(16).upper(),
    )


def _pkg_git_release(f: _Fakes) -> _Draft:
    return _d("logs/tag-commit.txt", "console", _git_identity(f, "Bump version to"))


# ---------------------------------------------------------------------------------------------------------
# Home automation.


def _ha_token(f: _Fakes) -> str:
    now = f.epoch()
    return f.jwt({"iss": f.hexs(32), "iat": now, "exp": now + 315_360_000})


def _home_secrets_yaml(f: _Fakes) -> _Draft:
    lat, lng = _coords(f)
    return _t(
        "config/secrets.yaml",
        "yaml",
        """
        # Use this file to store secrets like usernames and passwords.
        # Learn more at https://www.home-assistant.io/docs/configuration/secrets/
        home_latitude: <<lat>>
        home_longitude: <<lng>>
        wifi_ssid: "<<ssid>>"
        wifi_password: "<<wpw>>"
        mqtt_username: homeassistant
        mqtt_password: "<<mpw>>"
        openweathermap_api_key: <<owm>>
        telegram_bot_token: "<<tg>>"
        notify_email: <<email>>
        alarm_code_template: "<<ph>>"
        """,
        lat=lat,
        lng=lng,
        ssid=f.pick(("Hearth", "Attic-Mesh", "Garden-IoT", "Home-2G")),
        wpw=_S("wifi-psk", f.password("-_.+=^~")),
        mpw=_S("mqtt-password", f.password("-_.+=^~")),
        owm=_either(f, _S("api-key", f.hexs(32)), _K("<your-api-key>")),
        tg=_either(f, _S("api-key", f"{f.digits(10)}:AA{f.chars(_B64URL, 33)}"), _K("changeme"), 0.3),
        email=_either(f, _S("email", f.email(*f.person())), _K("alerts@home.example")),
        ph=_K("****"),
    )


def _home_configuration(f: _Fakes) -> _Draft:
    return _t(
        "config/configuration.yaml",
        "yaml",
        """
        homeassistant:
          name: Home
          latitude: !secret home_latitude
          longitude: !secret home_longitude
          unit_system: metric
          time_zone: Europe/Berlin

        http:
          use_x_forwarded_for: true
          trusted_proxies:
            - <<proxynet>>/24
            - <<lo>>

        mqtt:
          broker: <<broker>>
          username: !secret mqtt_username
          password: <<mref>>

        weather:
          - platform: openweathermap
            api_key: <<oref>>

        notify:
          - name: phone
            platform: telegram
            chat_id: <<chat>>
        """,
        proxynet=_K("172.30.33.0"),
        lo=_K("127.0.0.1"),
        broker=_S("ip-address", f.private_ip()),
        mref=_K("!secret mqtt_password"),
        oref=_K("!secret openweathermap_api_key"),
        chat=f.digits(9),
    )


def _home_ha_curl(f: _Fakes) -> _Draft:
    sensor = f.pick(("living_room_temperature", "boiler_flow", "garage_door", "attic_humidity"))
    return _t(
        "logs/ha-api.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<tok>>" -H "Content-Type: application/json" http://homeassistant.local:8123/api/states/sensor.<<sensor>> | jq '{state, last_changed}'
        {
          "state": "<<state>>",
          "last_changed": "<<when>>"
        }
        """,  # noqa: E501
        tok=_S("jwt", _ha_token(f)),
        sensor=sensor,
        state=f"{f.rng.uniform(15, 30):.1f}",
        when=f.when().strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"),
    )


def _home_nodered_settings(f: _Fakes) -> _Draft:
    return _t(
        "node-red/settings.js",
        "javascript",
        """
        module.exports = {
            flowFile: 'flows.json',
            credentialSecret: "<<cs>>",
            uiPort: process.env.PORT || 1880,
            adminAuth: {
                type: "credentials",
                users: [{
                    username: "admin",
                    password: "<<hash>>",
                    permissions: "*"
                }]
            },
            httpNodeAuth: {user: "dash", pass: "<<hash2>>"},
            functionGlobalContext: {},
            logging: { console: { level: "info", metrics: false, audit: false } },
        }
        """,
        cs=_S("app-secret-key", f.alnum(32)),
        hash=_S("password-hash", f.bcrypt("2b")),
        hash2=_either(f, _S("password-hash", f.bcrypt("2b")), _K("changeme"), 0.3),
    )


def _home_nodered_creds(f: _Fakes) -> _Draft:
    nid, nid2 = f.hexs(16), f.hexs(16)
    return _t(
        "logs/nodered-creds.txt",
        "console",
        """
        $ jq '.[] | select(.type == "mqtt-broker") | {id, name, broker, port}' ~/.node-red/flows.json
        {
          "id": "<<nid>>",
          "name": "Mosquitto",
          "broker": "<<ip>>",
          "port": "1883"
        }
        $ cat ~/.node-red/flows_cred.json
        {
            "<<nid>>": {
                "user": "nodered",
                "password": "<<pw>>"
            },
            "<<nid2>>": {
                "access_token": "<<tok>>"
            }
        }
        """,
        nid=nid,
        nid2=nid2,
        ip=_either(f, _S("ip-address", f.private_ip()), "mosquitto"),
        pw=_S("mqtt-password", f.password()),
        tok=_S("jwt", _ha_token(f)),
    )


def _home_z2m(f: _Fakes) -> _Draft:
    ieee = "0x00158d000" + f.hexs(7)
    return _t(
        "zigbee2mqtt/data/configuration.yaml",
        "yaml",
        """
        homeassistant:
          enabled: true
        permit_join: false
        mqtt:
          base_topic: zigbee2mqtt
          server: mqtt://<<ip>>:1883
          user: z2m
          password: <<pw>>
        serial:
          port: /dev/ttyUSB0
          adapter: ember
        frontend:
          enabled: true
          port: 8080
          auth_token: <<tok>>
        advanced:
          channel: <<ch>>
          log_level: info
        devices:
          '<<ieee>>':
            friendly_name: hallway_motion
        """,
        ip=_either(f, _S("ip-address", f.private_ip()), "core-mosquitto"),
        pw=_S("mqtt-password", f.password("-_.+=^~")),
        tok=_either(f, _S("api-key", f.alnum(32)), _K("!secret z2m_frontend_token")),
        ch=str(f.pick((11, 15, 20, 25))),
        ieee=ieee,
    )


def _home_mosquitto_bridge(f: _Fakes) -> _Draft:
    return _t(
        "etc/mosquitto/conf.d/bridge.conf",
        "text",
        """
        connection cloud-bridge
        address <<ip>>:8883
        remote_clientid home-bridge-01
        remote_username home-bridge
        remote_password <<pw>>
        bridge_cafile /etc/mosquitto/certs/ca.crt
        topic home/# out 1 "" site/<<site>>/
        topic cmd/# in 1 "" site/<<site>>/

        listener 1883 <<lo>>
        allow_anonymous false
        password_file /etc/mosquitto/passwd
        """,
        ip=_S("ip-address", f.public_ip()),
        pw=_S("mqtt-password", f.password()),
        site=f.pick(_DOMAIN_WORDS),
        lo=_K("127.0.0.1"),
    )


def _home_mosquitto_sub(f: _Fakes) -> _Draft:
    return _t(
        "logs/mqtt-sub.txt",
        "console",
        """
        $ mosquitto_sub -h <<ip>> -p 1883 -u z2m -P '<<pw>>' -t 'zigbee2mqtt/#' -v -C 3
        zigbee2mqtt/bridge/state {"state":"online"}
        zigbee2mqtt/hallway_motion {"battery":<<bat>>,"illuminance":<<lux>>,"linkquality":<<lq>>,"occupancy":true}
        zigbee2mqtt/kitchen_plug {"power":<<w>>,"state":"ON","energy":<<kwh>>}
        """,
        ip=_either(f, _S("ip-address", f.private_ip()), _K("localhost")),
        pw=_S("mqtt-password", f.password("-_.+=^~")),
        bat=str(f.num(10, 100)),
        lux=str(f.num(0, 900)),
        lq=str(f.num(20, 255)),
        w=str(f.num(0, 2200)),
        kwh=f"{f.rng.uniform(0, 90):.2f}",
    )


def _home_esphome(f: _Fakes) -> _Draft:
    dev = f.pick(("kitchen-sensor", "garage-door", "boiler-monitor", "porch-light"))
    return _t(
        f"esphome/{dev}.yaml",
        "yaml",
        """
        esphome:
          name: <<dev>>

        esp32:
          board: esp32dev

        wifi:
          ssid: <<ssid>>
          password: <<wref>>
          ap:
            ssid: "<<dev>> Fallback Hotspot"
            password: "<<appw>>"

        api:
          encryption:
            key: "<<key>>"

        ota:
          - platform: esphome
            password: "<<ota>>"

        logger:
        """,
        dev=dev,
        ssid=_K("!secret wifi_ssid"),
        wref=_K("!secret wifi_password"),
        appw=_S("wifi-psk", f.alnum(12)),
        key=_S("app-secret-key", _b64(f.randbytes(32))),
        ota=_S("password", f.hexs(32)),
    )


def _home_ha_log(f: _Fakes) -> _Draft:
    s = _stamps(f, 4, "%Y-%m-%d %H:%M:%S.%f")
    return _t(
        "logs/home-assistant.log",
        "text",
        """
        <<s0>> WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from <<ip>> (<<ip>>). Requested URL: '/auth/login_flow/<<flow>>'. (Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0)
        <<s1>> DEBUG (MainThread) [homeassistant.components.websocket_api.http] Request headers: Upgrade: websocket, Sec-WebSocket-Version: 13, Sec-WebSocket-Key: <<wsk>>
        <<s2>> INFO (MainThread) [homeassistant.components.ssdp] Listening for SSDP on <<ssdp>>:1900 from <<lan>>
        <<s3>> INFO (SyncWorker_3) [homeassistant.components.mqtt.client] Connected to MQTT server <<broker>>:1883 (0)
        """,  # noqa: E501
        **_slots("s", [x[:-3] for x in s]),
        ip=_either(f, _S("ip-address", f.public_ip()), _K(f.doc_ip())),
        flow=f.hexs(32),
        wsk=_K(_b64(f.randbytes(16))),
        ssdp=_K("239.255.255.250"),
        lan=_either(f, _S("ip-address", f.private_ip()), _K("0.0.0.0")),
        broker=_either(f, _S("ip-address", f.private_ip()), "core-mosquitto", 0.3),
    )


def _home_hash_pw(f: _Fakes) -> _Draft:
    return _t(
        "logs/nodered-hash.txt",
        "console",
        """
        $ node-red admin hash-pw
        Password:
        <<hash>>
        $ sudo grep -n "adminAuth" -A6 ~/.node-red/settings.js | head -n 3
        74:    adminAuth: {
        75-        type: "credentials",
        76-        users: [{ username: "admin", password: "<<ph>>", permissions: "*" }]
        """,
        hash=_S("password-hash", f.bcrypt("2b")),
        ph=_K("changeme"),
    )


def _obs_agent_status(f: _Fakes) -> _Draft:
    key = f.hexs(32)
    return _t(
        "logs/agent-status.txt",
        "console",
        """
        $ sudo datadog-agent status | sed -n '1,40p'
        ===============
        Agent (v7.<<minor>>.0)
        ===============

          Status date: <<when>>
          Pid: <<pid>>
          Go Version: go1.22.8
          Python Version: 3.12.6
          Log Level: info

          Host Info
          =========
            hostId: <<hid>>
            os: linux
            kernelVersion: 6.8.0-1021-aws

          Hostnames
          =========
            hostname: web-<<n>>
            socket-fqdn: web-<<n>>.prod.internal

        =========
        DogStatsD
        =========
          Listening on <<lo>>:8125

        ==========
        API Keys status
        ==========
          API key ending with <<tail>>: API Key valid
        """,
        minor=str(f.num(55, 63)),
        when=f.when().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " UTC",
        pid=str(f.num(300, 90000)),
        hid=_K(f.uuid4()),
        n=str(f.num(1, 12)),
        lo=_K("127.0.0.1"),
        tail=key[-5:],
    )


def _acct_sandbox_query(f: _Fakes) -> _Draft:
    realm = f.digits(16)
    return _t(
        "logs/qbo-sandbox.txt",
        "console",
        """
        $ curl -s -H "Authorization: Bearer <<ref>>" -H "Accept: application/json" "https://sandbox-quickbooks.api.intuit.com/v3/company/<<realm>>/query?query=select%20*%20from%20Customer%20maxresults%201" | jq '.QueryResponse.Customer[0] | {Id, DisplayName, PrimaryEmailAddr, SyncToken}'
        {
          "Id": "58",
          "DisplayName": "<<jd>>",
          "PrimaryEmailAddr": {
            "Address": "<<je>>"
          },
          "SyncToken": "0"
        }
        """,  # noqa: E501
        ref=_K("${QBO_SANDBOX_ACCESS_TOKEN}"),
        realm=realm,
        jd=_K("Jane Doe"),
        je=_K("jane.doe@example.com"),
    )


def _pkg_nuget_lock(f: _Fakes) -> _Draft:
    return _t(
        "src/App/packages.lock.json",
        "json",
        """
        {
          "version": 1,
          "dependencies": {
            "net8.0": {
              "Newtonsoft.Json": {
                "type": "Direct",
                "requested": "[13.0.3, )",
                "resolved": "13.0.3",
                "contentHash": "<<h0>>"
              },
              "Polly": {
                "type": "Direct",
                "requested": "[8.5.0, )",
                "resolved": "8.5.0",
                "contentHash": "<<h1>>"
              }
            }
          }
        }
        """,
        h0=_K(_b64(f.randbytes(64))),
        h1=_K(_b64(f.randbytes(64))),
    )


def _ros_firmware_manifest(f: _Fakes) -> _Draft:
    fw = f"{f.num(2, 5)}.{f.num(0, 9)}.{f.num(0, 9)}.{f.num(10, 250)}"
    return _t(
        "firmware/manifest.yaml",
        "yaml",
        """
        # Lidar and motor-controller firmware pinned for the fleet rollout.
        lidar:
          version: <<fw>>
          url: https://firmware.example.com/lidar/<<fw>>/lidar.bin
          sha256: <<h0>>
        motor_controller:
          version: <<mc>>
          sha256: <<h1>>
          built_from: <<sha>>
        rollout:
          canary_robots: 3
          subnet: <<net>>/16
        """,
        fw=_K(fw),
        h0=_K(f.sha256()),
        mc=f.version(),
        h1=_K(f.sha256()),
        sha=_K(f.git_sha()),
        net=_K("10.40.0.0"),
    )


def _home_esphome_upload(f: _Fakes) -> _Draft:
    dev = f.pick(("kitchen-sensor", "garage-door", "boiler-monitor", "porch-light"))
    ip = _S("ip-address", f.private_ip())
    return _t(
        "logs/esphome-run.txt",
        "console",
        """
        $ esphome run <<dev>>.yaml --no-logs
        INFO ESPHome 2025.2.0
        INFO Reading configuration <<dev>>.yaml...
        INFO Compiling app...
        RAM:   [=         ]  11.6% (used 38012 bytes from 327680 bytes)
        Flash: [=====     ]  52.3% (used 959545 bytes from 1835008 bytes)
        INFO Successfully compiled program.
        INFO Resolving IP address of <<dev>>.local
        INFO  -> <<ip>>
        INFO Uploading .pioenvs/<<dev>>/firmware.bin (959696 bytes)
        INFO Compressed to 623510 bytes
        Uploading: [============================================================] 100% Done...
        INFO Upload took 6.84 seconds, waiting for result...
        INFO OTA successful
        """,
        dev=dev,
        ip=ip,
    )


# ---------------------------------------------------------------------------------------------------------
# Templates, examples and docs: what a repository holds where the secrets are not.


def _x_obs(f: _Fakes) -> _Draft:
    return _t(
        ".env.example",
        "dotenv",
        """
        # Copy to .env and fill in; never commit real keys.
        DD_API_KEY=<<ph>>
        DD_APP_KEY=<<ref>>
        HONEYCOMB_API_KEY=<<cm>>
        NEW_RELIC_API_KEY=<<nr>>
        SLACK_BOT_TOKEN=<<slack>>
        SENTRY_DSN=
        OTEL_EXPORTER_OTLP_ENDPOINT=http://<<lo>>:4318
        OTEL_RESOURCE_ATTRIBUTES=service.name=<<svc>>,service.instance.id=<<inst>>
        """,
        ph=_K("<your-api-key>"),
        ref=_K("${DD_APP_KEY}"),
        cm=_K("changeme"),
        nr=_K("NRAK-" + "X" * 27),
        slack=_K("xoxb-" + "x" * 12 + "-" + "x" * 13 + "-" + "x" * 24),
        lo=_K("localhost"),
        svc=f.pick(("checkout", "billing", "search")),
        inst=_K(f.uuid4()),
    )


def _x_search(f: _Fakes) -> _Draft:
    return _t(
        "docs/search.md",
        "markdown",
        """
        ## Local search stack

        Start the containers, then check the cluster:

            curl -u elastic:<<cm>> http://<<lo>>:9200/_cluster/health
            curl -H "Authorization: ApiKey <<ref>>" "https://<<lo>>:9200/products/_search?q=name:lamp"

        Meilisearch reads `MEILI_MASTER_KEY=<<ph>>` from `.env`; Typesense is started with
        `--api-key=<<ts>>`. The reindex job's last good run was commit <<sha>>, and the index
        template's checksum is <<sum>>. Staging lives at <<doc>>.
        """,
        cm=_K("changeme"),
        lo=_K("127.0.0.1"),
        ref=_K("${ES_API_KEY}"),
        ph=_K("<your-master-key>"),
        ts=_K("${TYPESENSE_API_KEY}"),
        sha=_K(f.git_sha()),
        sum=_K(f.sha256()),
        doc=_K(f.doc_ip()),
    )


def _x_cdn(f: _Fakes) -> _Draft:
    return _t(
        ".dev.vars.example",
        "dotenv",
        """
        # Worker secrets for local development (wrangler dev reads .dev.vars).
        STRIPE_SECRET_KEY=<<stripe>>
        CLOUDFLARE_API_TOKEN=<<ph>>
        FASTLY_API_TOKEN=<<ref>>
        AWS_ACCESS_KEY_ID=<<akia>>
        ORIGIN_IP=<<doc>>
        ORIGIN_IPV6=2001:db8::10
        RESOLVER=<<res>>
        """,
        stripe=_K("sk_live_" + "x" * 24),
        ph=_K("<your-api-token>"),
        ref=_K("${FASTLY_API_TOKEN}"),
        akia=_K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        doc=_K(f.doc_ip()),
        res=_K(f.pick(("1.1.1.1", "8.8.8.8", "9.9.9.9"))),
    )


def _x_flags(f: _Fakes) -> _Draft:
    return _t(
        "docs/feature-flags.md",
        "markdown",
        """
        # Feature flags

        Server SDKs read `LAUNCHDARKLY_SDK_KEY` (`<<ld>>` in the sample config) and Unleash's
        `UNLEASH_API_TOKEN`, which CI injects as `<<tmpl>>`. Statsig's server secret goes in
        `STATSIG_SERVER_SECRET=<<ph>>`. Test contexts use the anonymous key `<<anon>>` and the
        stand-in user <<jd>> <<<je>>>. Owners: see `flags/registry.yaml`.
        """,
        ld=_K("sdk-" + "-".join("x" * n for n in (8, 4, 4, 4, 12))),
        tmpl=_K("${{ secrets.UNLEASH_API_TOKEN }}"),
        ph=_K("<your-server-secret>"),
        anon=_K(f.uuid4()),
        jd=_K("Jane Doe"),
        je=_K("jane@example.com"),
    )


def _x_acct(f: _Fakes) -> _Draft:
    return _t(
        "books-sync/.env.example",
        "dotenv",
        """
        QBO_CLIENT_ID=<<cid>>
        QBO_CLIENT_SECRET=<<ph>>
        QBO_REFRESH_TOKEN=<<ref>>
        XERO_CLIENT_SECRET=<<cm>>
        STRIPE_SECRET_KEY=<<sk>>
        PAYROLL_EXPORT_CONTACT=<<ex>>
        TEST_CARD=<<card>>
        """,
        cid=_K("<your-client-id>"),
        ph=_K("<your-client-secret>"),
        ref=_K("${QBO_REFRESH_TOKEN}"),
        cm=_K("changeme"),
        sk=_K("sk_live_" + "x" * 24),
        ex=_K("payroll@example.com"),
        card=_K("4242 4242 4242 4242"),
    )


def _x_edu(f: _Fakes) -> _Draft:
    return _t(
        "docs/canvas-api.md",
        "markdown",
        """
        ## Calling the Canvas API

            curl -H "Authorization: Bearer <<ph>>" "https://canvas.example.com/api/v1/courses"

        A student record in the fixtures looks like
        `{"name": "<<jd>>", "email": "<<je>>", "sis_user_id": "S0000001"}`.
        Moodle's web service token goes in `MOODLE_WSTOKEN=<<ref>>`; the database password in
        `config.php` is read from `<<env>>`. Reports are mailed from <<noreply>>.
        """,
        ph=_K("<ACCESS-TOKEN>"),
        jd=_K("Jane Doe"),
        je=_K("jane.doe@example.com"),
        ref=_K("${MOODLE_WSTOKEN}"),
        env=_K("getenv('MOODLE_DB_PASSWORD')"),
        noreply=_K("noreply@example.edu.invalid"),
    )


def _x_ml(f: _Fakes) -> _Draft:
    return _t(
        ".env.example",
        "dotenv",
        """
        WANDB_API_KEY=<<ph>>
        HF_TOKEN=<<hf>>
        REPLICATE_API_TOKEN=<<r8>>
        MLFLOW_TRACKING_URI=http://<<lo>>:5000
        MLFLOW_TRACKING_PASSWORD=<<ref>>
        DATABRICKS_TOKEN=<<cm>>
        BASE_MODEL_REVISION=<<sha>>
        """,
        ph=_K("<your-api-key>"),
        hf=_K("hf_" + "x" * 34),
        r8=_K("r8_" + "x" * 37),
        lo=_K("127.0.0.1"),
        ref=_K("${MLFLOW_TRACKING_PASSWORD}"),
        cm=_K("changeme"),
        sha=_K(f.git_sha()),
    )


def _x_geo(f: _Fakes) -> _Draft:
    acct = f.pick(_DOMAIN_WORDS) + "maps"
    return _t(
        "docs/maps.md",
        "markdown",
        """
        ## Map tiles and geocoding

        The browser bundle uses the public token `<<pk>>`; it can only read styles and tiles.
        Server-side geocoding reads `HERE_API_KEY=<<ph>>` and `GOOGLE_MAPS_API_KEY=<<ref>>`.
        For screenshots, geocode the sample address for <<jd>> (<<je>>) and keep the test
        client at <<doc>>.
        """,
        pk=_K(f.mapbox("pk", acct)),
        ph=_K("<your-api-key>"),
        ref=_K("${GOOGLE_MAPS_API_KEY}"),
        jd=_K("Jane Doe"),
        je=_K("jane.doe@example.org"),
        doc=_K(f.doc_ip()),
    )


def _x_desk(f: _Fakes) -> _Draft:
    return _t(
        ".github/workflows/release.yml",
        "yaml",
        """
        name: release
        on:
          push:
            tags: ["v*"]
        jobs:
          build:
            runs-on: macos-14
            steps:
              - uses: actions/checkout@<<sha>>
              - uses: actions/setup-node@v4
                with:
                  node-version: 22
              - run: npm ci
              - name: Build and publish
                env:
                  GH_TOKEN: <<gh>>
                  CSC_KEY_PASSWORD: <<csc>>
                  APPLE_ID: <<aid>>
                  APPLE_APP_SPECIFIC_PASSWORD: <<asp>>
                  TAURI_SIGNING_PRIVATE_KEY: <<tauri>>
                run: npm run release -- --publish always
              - run: xcrun notarytool history --keychain-profile "<<prof>>"
        """,
        sha=_K(f.git_sha()),
        gh=_K("${{ secrets.GITHUB_TOKEN }}"),
        csc=_K("${{ secrets.MAC_CERTS_PASSWORD }}"),
        aid=_K("${{ secrets.APPLE_ID }}"),
        asp=_K("${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}"),
        tauri=_K("${{ secrets.TAURI_SIGNING_PRIVATE_KEY }}"),
        prof=_K("AC_PASSWORD"),
    )


def _x_ros(f: _Fakes) -> _Draft:
    return _t(
        "src/fleet_bridge/config/params.example.yaml",
        "yaml",
        """
        # Copy to params.yaml on the robot; the token comes from the fleet console.
        fleet_bridge:
          ros__parameters:
            fleet_api_token: "<<ph>>"
            fleet_api_url: "https://fleet.example.com/api/v2"
            broker:
              host: <<doc>>
              port: 8883
              password: "<<cm>>"
            network:
              subnet: <<net>>/24
              netmask: <<mask>>
              multicast_group: <<mc>>
        # ROS 1 launch equivalent: <param name="api_token" value="<<env>>" />
        """,
        ph=_K("<your-fleet-token>"),
        doc=_K(f.doc_ip()),
        cm=_K("changeme"),
        net=_K("192.168.1.0"),
        mask=_K("255.255.255.0"),
        mc=_K("239.255.0.1"),
        env=_K("$(env FLEET_TOKEN)"),
    )


def _x_pkg(f: _Fakes) -> _Draft:
    return _t(
        ".github/workflows/publish.yml",
        "yaml",
        """
        name: publish
        on:
          release:
            types: [published]
        jobs:
          publish:
            runs-on: ubuntu-latest
            env:
              GPG_KEY: <<gpg>>
            steps:
              - uses: actions/checkout@<<sha>>
              - run: cargo publish --token <<cargo>>
              - run: dotnet nuget push "*.nupkg" --api-key <<nuget>> --source https://api.nuget.org/v3/index.json
              - run: ./gradlew publishToMavenCentral
                env:
                  ORG_GRADLE_PROJECT_signingInMemoryKeyPassword: <<sign>>
              - run: mix hex.publish --yes
                env:
                  HEX_API_KEY: <<hex>>
        """,
        gpg=_K(f.hexs(40).upper()),
        sha=_K(f.git_sha()),
        cargo=_K("${{ secrets.CARGO_REGISTRY_TOKEN }}"),
        nuget=_K("${{ secrets.NUGET_API_KEY }}"),
        sign=_K("${{ secrets.SIGNING_PASSWORD }}"),
        hex=_K("${{ secrets.HEX_API_KEY }}"),
    )


def _x_home(f: _Fakes) -> _Draft:
    return _t(
        "config/packages/notify.yaml",
        "yaml",
        """
        # Values come from secrets.yaml; nothing secret is kept in this file.
        telegram_bot:
          - platform: polling
            api_key: <<tg>>
            allowed_chat_ids:
              - <<chat>>
        mqtt:
          sensor:
            - name: "Boiler flow"
              state_topic: "boiler/flow"
        http:
          server_host: <<any>>
          ssl_profile: modern
        ssdp_listen: <<ssdp>>
        # esphome api key example from the docs: <<ph>>
        """,
        tg=_K("!secret telegram_bot_token"),
        chat=f.digits(9),
        any=_K("0.0.0.0"),
        ssdp=_K("239.255.255.250"),
        ph=_K("<your-encryption-key>"),
    )


# ---------------------------------------------------------------------------------------------------------
# The corpus: kinds per setting, deliveries, labels.

_Kind = Callable[[_Fakes], _Draft]

_KINDS: dict[str, tuple[_Kind, ...]] = {
    "observability": (
        _obs_datadog_yaml, _obs_agent_log, _obs_otel_collector, _obs_env, _obs_sentryclirc, _obs_sentry_event,
        _obs_newrelic_yml, _obs_nerdgraph, _obs_grafana, _obs_alertmanager, _obs_otel_debug, _obs_slack_notify,
        _obs_readme, _x_obs,
        _obs_agent_status,
    ),
    "search": (
        _search_kibana, _search_es_apikey_curl, _search_es_create_key, _search_cat_indices, _search_algolia,
        _search_meili_keys, _search_meili_start, _search_typesense, _search_opensearch_compose,
        _search_internal_users, _search_logstash, _search_slowlog, _x_search,
    ),
    "cdn-dns": (
        _cdn_wrangler, _cdn_cf_verify, _cdn_cf_dns, _cdn_fastly_vcl, _cdn_fastly_purge, _cdn_route53,
        _cdn_aws_credentials, _cdn_named_conf, _cdn_tsig_keygen, _cdn_zone_file, _cdn_dnssec, _cdn_netlify, _cdn_dig,
        _x_cdn,
    ),
    "feature-flags": (
        _flags_ld_python, _flags_ld_env, _flags_ld_relay, _flags_ld_events, _flags_unleash, _flags_unleash_docker,
        _flags_split, _flags_statsig, _flags_statsig_config, _flags_growthbook_env, _flags_growthbook_api,
        _flags_registry, _x_flags,
    ),
    "accounting-payroll": (
        _acct_qbo_env, _acct_qbo_token, _acct_xero_tokenset, _acct_gusto, _acct_adp_csv, _acct_adp_worker,
        _acct_payroll_sql, _acct_qbo_payment, _acct_sandbox_fixture, _acct_xero_contacts, _acct_payouts_env,
        _acct_xero_invoice, _x_acct,
        _acct_sandbox_query,
    ),
    "education": (
        _edu_moodle_config, _edu_moodle_users, _edu_canvas_students, _edu_grades_csv, _edu_moodle_ws, _edu_lti,
        _edu_moodle_login, _edu_sync_log, _edu_lti_launch, _edu_submissions, _x_edu,
    ),
    "ml-tracking": (
        _ml_wandb_login, _ml_wandb_traceback, _ml_mlflow_env, _ml_mlflow_run, _ml_databricks, _ml_comet,
        _ml_replicate, _ml_hf_login, _ml_model_card, _ml_gcloud_keys, _ml_sa_keyfile, _ml_s3_env, _x_ml,
    ),
    "maps-geo": (
        _geo_mapbox_web, _geo_mapbox_netrc, _geo_gmaps_html, _geo_android_manifest, _geo_here_credentials,
        _geo_here_curl, _geo_geocode_log, _geo_customers_csv, _geo_env, _x_geo,
    ),
    "desktop-packaging": (
        _desk_builder_yml, _desk_ci_notarize, _desk_notarytool, _desk_tauri_generate, _desk_tauri_env,
        _desk_signtool, _desk_x509, _desk_latest_yml, _desk_npmrc, _desk_package_json, _desk_sentry_symbols,
        _desk_git_release, _x_desk,
    ),
    "robotics-ros": (
        _ros_launch_py, _ros_launch_xml, _ros_params_yaml, _ros_bashrc, _ros_ip_addr, _ros_wpa, _ros_fleet_curl,
        _ros_mir_basic, _ros_wireguard, _ros_diagnostics, _x_ros,
        _ros_firmware_manifest,
    ),
    "package-publishing": (
        _pkg_cargo_credentials, _pkg_cargo_publish, _pkg_cargo_toml, _pkg_nuget_config, _pkg_dotnet_push,
        _pkg_composer_auth, _pkg_gradle_properties, _pkg_maven_settings, _pkg_hex_publish, _pkg_pub_credentials,
        _pkg_cocoapods, _pkg_git_signing, _pkg_git_release, _x_pkg,
        _pkg_nuget_lock,
    ),
    "home-automation": (
        _home_secrets_yaml, _home_configuration, _home_ha_curl, _home_nodered_settings, _home_nodered_creds,
        _home_z2m, _home_mosquitto_bridge, _home_mosquitto_sub, _home_esphome, _home_ha_log, _home_hash_pw, _x_home,
        _home_esphome_upload,
    ),
}  # fmt: skip

_DOCS_PER_SETTING = 25

# Kinds drawn once more in every build: the templates, and kinds that hold a class's only values in a setting.
_EXTRA: dict[str, tuple[_Kind, ...]] = {
    "observability": (_x_obs, _obs_slack_notify, _obs_grafana, _obs_nerdgraph),
    "search": (_x_search,),
    "cdn-dns": (_x_cdn, _cdn_named_conf, _cdn_wrangler),
    "feature-flags": (_x_flags, _flags_statsig),
    "accounting-payroll": (_x_acct, _acct_qbo_payment, _acct_payroll_sql, _acct_gusto),
    "education": (_x_edu, _edu_moodle_login),
    "ml-tracking": (_x_ml, _ml_replicate, _ml_replicate, _ml_hf_login, _ml_hf_login, _ml_databricks, _ml_s3_env),
    "maps-geo": (_x_geo,),
    "desktop-packaging": (_x_desk, _desk_npmrc, _desk_npmrc, _desk_notarytool),
    "robotics-ros": (_x_ros, _ros_mir_basic, _ros_mir_basic),
    "package-publishing": (
        _x_pkg, _pkg_dotnet_push, _pkg_dotnet_push, _pkg_cargo_credentials, _pkg_cargo_credentials,
        _pkg_pub_credentials, _pkg_composer_auth,
    ),
    "home-automation": (_x_home,),
}  # fmt: skip

_JSON_ESCAPES: dict[str, str] = {}


def _json_char(ch: str) -> str:
    out = _JSON_ESCAPES.get(ch)
    if out is None:
        out = _JSON_ESCAPES[ch] = json.dumps(ch)[1:-1]
    return out


def _emit(
    parts: Sequence[_Part],
    head: str,
    escape: Callable[[str], str] | None,
    prefix: Callable[[], str] | None,
) -> tuple[str, list[tuple[_S | _K, int, int]]]:
    """The parts written out after `head`, each character escaped and each line prefixed as the delivery says,
    with where every labelled part begins and ends in the result."""
    out = [head]
    pos = len(head)
    spans: list[tuple[_S | _K, int, int]] = []
    at_line_start = True
    for part in parts:
        start = -1
        for ch in _text(part):
            if prefix is not None and at_line_start:
                p = prefix()
                out.append(p)
                pos += len(p)
            at_line_start = ch == "\n"
            if start < 0:
                start = pos
            piece = escape(ch) if escape is not None else ch
            out.append(piece)
            pos += len(piece)
        if not isinstance(part, str) and start >= 0:
            spans.append((part, start, pos))
    return "".join(out), spans


def _deliver(f: _Fakes, draft: _Draft, delivery: str) -> tuple[str, list[tuple[_S | _K, int, int]]]:
    plain = "".join(_text(p) for p in draft.parts)
    if not plain.endswith("\n"):
        plain += "\n"
    parts = list(draft.parts)
    if not "".join(_text(p) for p in parts).endswith("\n"):
        parts.append("\n")
    if delivery == "plain":
        return _emit(parts, "", None, None)
    if delivery == "json":
        head = '{"type": "tool_result", "content": "'
        text, spans = _emit(parts, head, _json_char, None)
        text += '"}'
        if json.loads(text)["content"] != plain:
            raise AssertionError("a JSON delivery does not round-trip")
        return text, spans
    if delivery == "diff":
        path = draft.path.lstrip("~/")
        lines = plain.count("\n")
        head = (
            f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines} @@\n"
        )
        return _emit(parts, head, None, lambda: "+")
    if delivery == "numbered":
        counter = iter(range(1, 100_000))
        arrow = f.coin()

        def number() -> str:
            n = next(counter)
            return f"{n:>6}→" if arrow else f"{n}\t"

        return _emit(parts, "", None, number)
    if delivery == "ci":
        clock = [f.when()]

        def stamp() -> str:
            clock[0] += dt.timedelta(microseconds=f.num(100, 900_000))
            return clock[0].strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z "

        return _emit(parts, "", None, stamp)
    if delivery == "fence":
        text, spans = _emit(parts, f"```{draft.lang}\n", None, None)
        return text + "```\n", spans
    raise ValueError(delivery)


def _document(f: _Fakes, name: str, setting: str, draft: _Draft, delivery: str) -> Document | None:
    """The draft delivered and labelled, or None where a label would be ambiguous (a value occurring where it
    was not placed, or a keep inside a secret or the reverse)."""
    text, spans = _deliver(f, draft, delivery)
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    placed: dict[str, int] = {}
    for part, start, end in spans:
        value = text[start:end]
        placed[value] = placed.get(value, 0) + 1
        if isinstance(part, _S):
            if all(s.text != value for s in secrets):
                secrets.append(Secret(part.cls, value, start))
        elif all(k.text != value for k in keeps):
            keeps.append(Keep(value, start))
    for s in secrets:
        if text.count(s.text) != placed[s.text]:
            return None
    for k in keeps:
        if any(k.text in s.text or s.text in k.text for s in secrets):
            return None
    return Document(name, setting, delivery, text, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, drawn afresh from `seed`: the same seed gives the same documents."""
    f = _Fakes(random.Random(seed))
    docs: list[Document] = []
    for setting in SETTINGS:
        kinds = _KINDS[setting]
        extra = _EXTRA.get(setting, ())
        fill = f.rng.sample(kinds * 2, max(0, _DOCS_PER_SETTING - len(kinds) - len(extra)))
        order = [*kinds, *extra, *fill]
        f.rng.shuffle(order)
        for i, kind in enumerate(order):
            name = f"{setting}/{i:02d}-{kind.__name__.lstrip('_')}"
            while True:
                doc = _document(f, name, setting, kind(f), f.pick(DELIVERIES))
                if doc is not None:
                    break
            docs.append(doc)
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    payload = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------
# The measure: aggregates only.

_WINDOW = 6
_TOKEN = re.compile(r"\[REDACTED:[a-z0-9-]+\]")


def _windows(text: str) -> set[str]:
    if len(text) <= _WINDOW:
        return {text}
    return {text[i : i + _WINDOW] for i in range(len(text) - _WINDOW + 1)}


def _filled(doc: Document) -> str:
    """The document with every occurrence of every secret replaced by a same-length run of 'x'."""
    chars = list(doc.text)
    for s in doc.secrets:
        start = doc.text.find(s.text)
        while start >= 0:
            chars[start : start + len(s.text)] = "x" * len(s.text)
            start = doc.text.find(s.text, start + 1)
    return "".join(chars)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Recall over the secrets, with and without a fragment left, over vendor tokens, and the keep-rate.

    A secret is removed when its exact text no longer appears in the output. It is removed with no fragment left
    when, besides, no 6-character window of it appears in the output (redaction tokens aside) that does not also
    appear in the output for the document with every secret replaced by a run of 'x' of the same length: a
    window the surrounding text explains is no fragment. A keep is kept when the output holds it at least as
    often as the document does. Shares of an empty set are 1.0."""
    secrets = removed = clean = vendor = vendor_removed = spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        rest = _TOKEN.sub("\x00", out)  # a redaction token's own words are no fragment
        base: str | None = None
        for s in doc.secrets:
            secrets += 1
            is_vendor = s.cls in VENDOR_CLASSES
            vendor += is_vendor
            if s.text in out:
                continue
            removed += 1
            vendor_removed += is_vendor
            if base is None:
                base = scrub(_filled(doc))
            if not any(w in rest and w not in base for w in _windows(s.text)):
                clean += 1
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": secrets,
        "recall": _share(removed, secrets),
        "recall_no_fragment": _share(clean, secrets),
        "vendor_prefix_recall": _share(vendor_removed, vendor),
        "keep_rate": _share(kept, spans),
        "spans": spans,
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber over this corpus: aggregate figures only."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
