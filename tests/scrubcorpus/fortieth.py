"""The fortieth held-back corpus part: twelve settings the scrubber was never tuned on.

What it is: about three hundred documents of the kind a coding agent prints or reads while it works in twelve
settings -- HPC job schedulers (PBS and LSF job scripts holding credentials, accounting exports with user names),
church giving apps (donor exports with addresses and a card's last digits, giving platforms' API keys), sports
analytics (player tracking vendors' keys, scouting reports with personal details), embedded CI farms (device
farm tokens, JTAG and serial console logs with credentials), construction BIM (BIM 360 and Procore style tokens,
subcontractor contact exports), academic conferences (submission systems with authors' addresses, reviewer
assignments, registration payments), pharma sample tracking (LIMS exports with patient ids, courier API keys),
marine charters (bookings with passports, boat telemetry tokens), political polling (survey panel exports with
voters' names and phones, dialer credentials), restaurant reservations (reservation exports with diners'
contacts, POS integration keys), ride-share scooters (fleet operations' API keys, rider support tickets) and
digital signage CMSs (screen players' tokens, content schedulers' credentials, venue contact sheets).

Labels follow the scrubber's published policy (its package docstring) alone: what the policy says goes is a
`Secret`, what it says stays (placeholders, publishable keys, commits' hashes, documentation addresses, releases'
dotted quads, test cards, stand-in names...) is a `Keep`, and what it leaves open (phone numbers, street
addresses, passports, patient ids, a card's last four digits) is not labelled at all.

Every fake is drawn at build time from a seeded `random.Random`, by code that follows its format's public
description (prefixes, lengths, alphabets) and is valid where the format has a check: CRC32-checked tokens,
Luhn, IBAN's mod 97, SSN ranges, JWT's layout, SEC1/PKCS#8 DER in PEM, OpenSSH's key layout, WireGuard's
clamped keys, Cisco's type 7. Names and addresses are combined from small made-up vocabularies; no secret or
personal value is written in this file.

Each document is delivered one of six ways (`DELIVERIES`): as is; escaped in a JSON transcript line; as a
unified diff's added lines; with line numbers; behind CI log timestamps; inside a Markdown fence. Labels'
offsets and texts are those of the delivered text.

`measure_documents` reports aggregates only (recall, recall with no fragment left, vendor-prefix recall, the
rate of kept look-alikes and the counts), never a value.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import struct
import uuid
import zlib
from collections.abc import Callable

import attrs

DEFAULT_SEED: int = 20261240

DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")

SETTINGS: tuple[str, ...] = (
    "hpc-job-schedulers",
    "church-giving-apps",
    "sports-analytics",
    "embedded-ci-farms",
    "construction-bim",
    "academic-conference",
    "pharma-sample-tracking",
    "marine-charter",
    "political-polling",
    "restaurant-reservations",
    "ride-share-scooters",
    "digital-signage-cms",
)

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-pat", "github-fine-grained-pat", "gitlab-pat", "slack-bot-token", "slack-webhook",
        "stripe-secret-key", "stripe-restricted-key", "stripe-webhook-secret", "aws-access-key-id",
        "anthropic-api-key", "openai-api-key", "sendgrid-api-key", "google-api-key", "shopify-access-token",
        "digitalocean-token", "huggingface-token", "npm-token", "square-access-token", "telegram-bot-token",
        "mapbox-secret-token", "newrelic-user-key",
    }
)  # fmt: skip

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "aws-secret-key", "jwt", "password", "url-password", "pem-private-key", "openssh-private-key",
        "card-number", "iban", "ssn", "email", "person-name", "private-ip", "home-user", "bearer-token",
        "api-key", "client-secret", "session-cookie", "bcrypt-hash", "sha512-crypt", "cisco-type7",
        "wireguard-private-key", "totp-secret", "k8s-secret-value", "azure-storage-key", "app-secret-key",
        "printed-secret", "wifi-psk", "service-account-key-id",
    }
)  # fmt: skip

_DOCS_PER_SETTING = 26


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


# --- marks, templates and raw documents -------------------------------------------------------------------


@attrs.frozen
class _Mark:
    kind: str  # "s" (a secret) or "k" (a keep)
    cls: str
    text: str


def _s(cls: str, text: str) -> _Mark:
    assert cls in CLASSES, cls
    return _Mark("s", cls, text)


def _k(text: str) -> _Mark:
    return _Mark("k", "", text)


@attrs.frozen
class _Raw:
    text: str
    labels: tuple[tuple[_Mark, int], ...]
    path: str
    lang: str


# --- alphabets and format helpers ---------------------------------------------------------------------------

_DIGITS = string.digits
_UPPER = string.ascii_uppercase
_LOWER = string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64 = _ALNUM + "+/"
_B64URL = _ALNUM + "-_"
_HEX = "0123456789abcdef"
_B32 = _UPPER + "234567"
_CRYPT64 = "./" + string.digits + _UPPER + _LOWER
_BCRYPT64 = "./" + _UPPER + _LOWER + string.digits
_PW_SYMBOLS = "!*+-_^."
_DASHES = "-" * 5
# Cisco's published type 7 translation table (a public constant of the encoding, not a secret).
_XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _bcrypt_b64(data: bytes) -> str:
    bits = "".join(f"{b:08b}" for b in data)
    bits += "0" * (-len(bits) % 6)
    return "".join(_BCRYPT64[int(bits[i : i + 6], 2)] for i in range(0, len(bits), 6))


def _ssh_str(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def _pem_marker(word: str, kind: str) -> str:
    return f"{_DASHES}{word} {kind}{_DASHES}"


_FIRST = (
    "Amara", "Bilal", "Carmen", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Idris", "Jolene", "Kaito",
    "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Soren", "Talia", "Umar", "Vera",
    "Wendell", "Ximena", "Yusuf", "Zofia",
)  # fmt: skip
_LAST = (
    "Abernathy", "Brandtner", "Castellano", "Delacroix", "Eriksen", "Fairbairn", "Galloway", "Halvorsen",
    "Ibarra", "Jankowski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Petrakis",
    "Quiroga", "Rasmussen", "Sandoval", "Thorvaldsen", "Underhill", "Valdivia", "Whitlock", "Yamamura",
    "Zielinski", "Ferreira",
)  # fmt: skip
_MAIL = (
    "postlake.net",
    "mailorchard.com",
    "inboxharbor.org",
    "fernmail.net",
    "quillpost.com",
    "tidewire.net",
)
_STREETS = ("Birch Hollow Rd", "Quarry Lane", "Marlow St", "Heron Ct", "Kestrel Ave", "Old Mill Way")
_CITIES = ("Fairhaven", "Brookmere", "Castleton", "Dunmore", "Ellisport", "Greywater")
_WORDS = ("amber", "basalt", "cinder", "delta", "ember", "fjord", "granite", "harbor", "indigo", "juniper",
          "kelp", "lumen", "meadow", "nimbus", "onyx", "pylon", "quartz", "raven", "summit", "tundra")  # fmt: skip


class _Gen:
    """The fakes of one document, drawn from the corpus's random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.firsts: set[str] = set()
        self.lasts: set[str] = set()

    def r(self, n: int, alpha: str = _ALNUM) -> str:
        return "".join(self.rng.choice(alpha) for _ in range(n))

    def i(self, a: int, b: int) -> int:
        return self.rng.randint(a, b)

    def pick(self, seq: tuple[str, ...]) -> str:
        return self.rng.choice(seq)

    def word(self) -> str:
        return self.pick(_WORDS)

    def hexs(self, n: int) -> str:
        return self.r(n, _HEX)

    def bytes(self, n: int) -> bytes:
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person(self) -> tuple[str, str]:
        while True:
            f, last = self.pick(_FIRST), self.pick(_LAST)
            if f not in self.firsts and last not in self.lasts:
                self.firsts.add(f)
                self.lasts.add(last)
                return f, last

    def name(self) -> str:
        return " ".join(self.person())

    def email_of(self, full: str) -> str:
        f, last = full.lower().split(" ", 1)
        local = (f"{f}.{last}{self.i(2, 98)}", f"{f[0]}{last}", f"{last}.{f}")[self.i(0, 2)]
        return f"{local}@{self.pick(_MAIL)}"

    def email(self) -> str:
        return self.email_of(self.name())

    def user(self) -> str:
        f, last = self.person()
        return (f[0] + last).lower()

    def ip(self) -> str:
        kind = self.i(0, 2)
        if kind == 0:
            return f"10.{self.i(1, 250)}.{self.i(0, 250)}.{self.i(2, 250)}"
        if kind == 1:
            return f"172.{self.i(16, 31)}.{self.i(0, 250)}.{self.i(2, 250)}"
        return f"192.168.{self.i(1, 250)}.{self.i(2, 250)}"

    def pw(self) -> str:
        """A generated password: letters, digits and symbols, starting with a letter or digit."""
        while True:
            body = self.r(1) + self.r(self.i(13, 19), _ALNUM + _PW_SYMBOLS)
            if (
                any(c.isdigit() for c in body)
                and any(c in _PW_SYMBOLS for c in body)
                and any(c.isupper() for c in body)
                and body[-1] not in _PW_SYMBOLS
            ):
                return body

    def url_pw(self) -> str:
        return self.r(1, _LOWER) + self.r(self.i(17, 23), _ALNUM + "-_") + self.r(1, _DIGITS)

    def token(self, n: int = 40) -> str:
        while True:
            t = self.r(n)
            if sum(c.isdigit() for c in t) >= 3 and sum(c.isupper() for c in t) >= 3:
                return t

    def app_secret(self) -> str:
        return self.r(1) + self.r(self.i(48, 56), _ALNUM + "!%^*(-_+)") + self.r(1)

    def crc_token(self, prefix: str) -> str:
        """GitHub's and npm's layout: 30 random base62 characters and their CRC32 in 6 base62 digits."""
        body = self.r(30, _B62)
        return prefix + body + _b62(zlib.crc32(body.encode()), 6)

    def stripe(self, prefix: str) -> str:
        return prefix + self.r(14, _DIGITS[1:] + _UPPER[:6]) + self.token(self.i(24, 60))

    def mapbox(self, prefix: str) -> str:
        claims = json.dumps(
            {"u": self.word() + "-fleet", "a": self.r(25, _LOWER + _DIGITS)}, separators=(",", ":")
        )
        return prefix + "." + _b64url(claims.encode()) + "." + self.r(22, _B64URL)

    def jwt(self) -> str:
        head = {"alg": self.pick(("HS256", "RS256")), "typ": "JWT"}
        iat = 1767225600 + self.i(0, 9_000_000)
        scope = self.pick(("data:read", "fleet:ops", "player", "lims.write"))
        claims = {"sub": self.uuid(), "iat": iat, "exp": iat + 3600, "scope": scope}
        sig = self.bytes(32 if head["alg"] == "HS256" else 64)
        parts = (json.dumps(head, separators=(",", ":")), json.dumps(claims, separators=(",", ":")))
        return ".".join((*(_b64url(p.encode()) for p in parts), _b64url(sig)))

    def luhn(self, prefix: str, length: int) -> str:
        body = prefix + self.r(length - len(prefix) - 1, _DIGITS)
        return body + _luhn_digit(body)

    def card(self, grouped: bool) -> str:
        """A Luhn-valid Visa, Mastercard or Amex number (never a processor's published test number)."""
        while True:
            brand = self.i(0, 2)
            if brand == 0:
                num = self.luhn("4", 16)
            elif brand == 1:
                num = self.luhn("5" + str(self.i(1, 5)), 16)
            else:
                num = self.luhn("3" + self.pick(("4", "7")), 15)
            if num.startswith(("4242", "4111", "4000", "5555", "5105", "3782", "3714")):
                continue
            if not grouped:
                return num
            if len(num) == 15:
                return f"{num[:4]} {num[4:10]} {num[10:]}"
            return " ".join(num[i : i + 4] for i in range(0, 16, 4))

    def iban(self, grouped: bool = False, valid: bool = True) -> str:
        """An IBAN in a registry country's layout with its mod-97 check (or, if not `valid`, a wrong one)."""
        cc = self.pick(("DE", "NL", "GB", "AT"))
        if cc == "DE":
            bban = self.r(18, _DIGITS)
        elif cc == "NL":
            bban = self.pick(("ABNA", "RABO", "INGB", "TRIO")) + self.r(10, _DIGITS)
        elif cc == "GB":
            bban = self.pick(("NWBK", "BARC", "HBUK", "LOYD")) + self.r(14, _DIGITS)
        else:
            bban = self.r(16, _DIGITS)
        check = 98 - _iban_number(bban + cc + "00") % 97
        if not valid:
            check = (check - 2 + self.i(1, 95)) % 97 + 2
        s = f"{cc}{check:02d}{bban}"
        return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if grouped else s

    def ssn(self) -> str:
        """An SSN in the issued ranges: area 001-899 but 666, group 01-99, serial 0001-9999."""
        area = self.i(1, 898)
        area = 667 if area == 666 else area
        return f"{area:03d}-{self.i(1, 99):02d}-{self.i(1, 9999):04d}"

    def ec_pem(self, kind: str, sep: str) -> tuple[str, str, str]:
        """A P-256 key as SEC1 (``EC PRIVATE KEY``) or PKCS#8 (``PRIVATE KEY``) DER, in PEM's 64 columns."""
        curve = bytes.fromhex("a00a06082a8648ce3d030107")
        sec1 = b"\x02\x01\x01\x04\x20" + self.bytes(32) + curve + b"\xa1\x44\x03\x42\x00\x04" + self.bytes(64)
        sec1 = b"\x30" + bytes([len(sec1)]) + sec1
        if kind == "PRIVATE KEY":
            alg = bytes.fromhex("301306072a8648ce3d020106082a8648ce3d030107")
            inner = b"\x02\x01\x00" + alg + b"\x04" + bytes([len(sec1)]) + sec1
            der = b"\x30\x81" + bytes([len(inner)]) + inner
        else:
            der = sec1
        b64 = base64.b64encode(der).decode()
        body = sep.join(b64[i : i + 64] for i in range(0, len(b64), 64))
        return _pem_marker("BEGIN", kind), body, _pem_marker("END", kind)

    def openssh_key(self, comment: str) -> tuple[str, str, str]:
        """An ed25519 key in OpenSSH's ``openssh-key-v1`` layout, unencrypted, in 70 columns."""
        seed, pub = self.bytes(32), self.bytes(32)
        pub_blob = _ssh_str(b"ssh-ed25519") + _ssh_str(pub)
        priv = struct.pack(">I", self.rng.getrandbits(32)) * 2 + pub_blob + _ssh_str(seed + pub)
        priv += _ssh_str(comment.encode())
        priv += bytes(range(1, 1 + (-len(priv) % 8)))
        blob = b"openssh-key-v1\x00" + _ssh_str(b"none") + _ssh_str(b"none") + _ssh_str(b"")
        blob += struct.pack(">I", 1) + _ssh_str(pub_blob) + _ssh_str(priv)
        b64 = base64.b64encode(blob).decode()
        body = "\n".join(b64[i : i + 70] for i in range(0, len(b64), 70))
        return _pem_marker("BEGIN", "OPENSSH PRIVATE KEY"), body, _pem_marker("END", "OPENSSH PRIVATE KEY")

    def wg_key(self) -> str:
        """A WireGuard private key: 32 bytes clamped as Curve25519 wants them, in base64."""
        k = bytearray(self.bytes(32))
        k[0] &= 248
        k[31] = (k[31] & 127) | 64
        return base64.b64encode(bytes(k)).decode()

    def bcrypt(self, variant: str) -> str:
        salt = _bcrypt_b64(self.bytes(16))[:22]
        digest = _bcrypt_b64(self.bytes(23))[:31]
        return f"${variant}${self.pick(('10', '12'))}${salt}{digest}"

    def sha512_crypt(self) -> str:
        return f"$6${self.r(16, _CRYPT64)}${self.r(85, _CRYPT64)}{self.r(1, _CRYPT64[:4])}"

    def type7(self) -> str:
        """A password in Cisco's reversible type 7: a seed, then each character XORed with the table."""
        plain, seed = self.pw(), self.i(0, 15)
        xored = (ord(c) ^ ord(_XLAT[(seed + i) % len(_XLAT)]) for i, c in enumerate(plain))
        return f"{seed:02d}" + "".join(f"{x:02X}" for x in xored)


# --- slots: every «name» in a template draws its value by its name (a trailing number tells values apart) ----


def _pem_pieces(g: _Gen, kind: str, sep: str) -> list[str | _Mark]:
    begin, body, end = g.ec_pem(kind, sep)
    return [begin + sep, _s("pem-private-key", body), sep + end]


def _ssh_pieces(g: _Gen) -> list[str | _Mark]:
    begin, body, end = g.openssh_key(f"navpc@boat-{g.i(1, 40)}")
    return [begin + "\n", _s("openssh-private-key", body), "\n" + end]


def _hook_pieces(g: _Gen) -> list[str | _Mark]:
    path = f"T{g.r(10, _UPPER + _DIGITS)}/B{g.r(10, _UPPER + _DIGITS)}/"
    return ["https://hooks.slack.com/services/" + path, _s("slack-webhook", g.token(24))]


_Value = str | _Mark | list[str | _Mark]
_AUTO: dict[str, Callable[[_Gen], _Value]] = {
    # secrets
    "name": lambda g: _s("person-name", g.name()),
    "mail": lambda g: _s("email", g.email()),
    "user": lambda g: _s("home-user", g.user()),
    "ip": lambda g: _s("private-ip", g.ip()),
    "wlanip": lambda g: _s("private-ip", f"172.16.{g.i(0, 250)}.{g.i(2, 250)}"),
    "lanip": lambda g: _s("private-ip", f"192.168.50.{g.i(2, 250)}"),
    "pw": lambda g: _s("password", g.pw()),
    "upw": lambda g: _s("url-password", g.url_pw()),
    "akid": lambda g: _s("aws-access-key-id", "AKIA" + g.r(16, _B32)),
    "awssec": lambda g: _s("aws-secret-key", g.r(40, _B64)),
    "hf": lambda g: _s("huggingface-token", "hf_" + g.r(34, string.ascii_letters)),
    "ghp": lambda g: _s("github-pat", g.crc_token("ghp_")),
    "npm": lambda g: _s("npm-token", g.crc_token("npm_")),
    "ghfine": lambda g: _s(
        "github-fine-grained-pat", "github_pat_11" + g.r(20, _UPPER + _DIGITS) + "_" + g.r(59)
    ),
    "glpat": lambda g: _s("gitlab-pat", "glpat-" + g.token(20)),
    "xoxb": lambda g: _s(
        "slack-bot-token", f"xoxb-{g.i(10**10, 10**12)}-{g.i(10**11, 10**13)}-{g.token(24)}"
    ),
    "hook": _hook_pieces,
    "sklive": lambda g: _s("stripe-secret-key", g.stripe("sk_live_")),
    "rklive": lambda g: _s("stripe-restricted-key", g.stripe("rk_live_")),
    "whsec": lambda g: _s("stripe-webhook-secret", "whsec_" + g.token(32)),
    "ant": lambda g: _s("anthropic-api-key", "sk-ant-api03-" + g.r(93, _B64URL) + "AA"),
    "oai": lambda g: _s("openai-api-key", "sk-proj-" + g.r(74, _B64URL) + "T3BlbkFJ" + g.r(74, _B64URL)),
    "sg": lambda g: _s("sendgrid-api-key", "SG." + g.r(22, _B64URL) + "." + g.r(43, _B64URL)),
    "aiza": lambda g: _s("google-api-key", "AIza" + g.r(35, _B64URL)),
    "shpat": lambda g: _s("shopify-access-token", "shpat_" + g.hexs(32)),
    "dop": lambda g: _s("digitalocean-token", "dop_v1_" + g.hexs(64)),
    "sq": lambda g: _s("square-access-token", "EAAA" + g.r(60, _B64URL)),
    "tg": lambda g: _s("telegram-bot-token", f"{g.i(10**8, 10**10 - 1)}:AA" + g.r(33, _B64URL)),
    "mbsk": lambda g: _s("mapbox-secret-token", g.mapbox("sk")),
    "nrak": lambda g: _s("newrelic-user-key", "NRAK-" + g.r(27, _UPPER + _DIGITS)),
    "jwt": lambda g: _s("jwt", g.jwt()),
    "tok": lambda g: _s("api-key", g.token(40)),
    "ltok": lambda g: _s("api-key", g.r(64, _LOWER + _DIGITS)),
    "bearer": lambda g: _s("bearer-token", g.token(48)),
    "cs": lambda g: _s("client-secret", g.token(32)),
    "csu": lambda g: _s("client-secret", g.r(43, _B64URL)),
    "sess": lambda g: _s("session-cookie", g.r(32, _LOWER + _DIGITS)),
    "bcrypt": lambda g: _s("bcrypt-hash", g.bcrypt("2y")),
    "crypt": lambda g: _s("sha512-crypt", g.sha512_crypt()),
    "typeseven": lambda g: _s("cisco-type7", g.type7()),
    "wg": lambda g: _s("wireguard-private-key", g.wg_key()),
    "totp": lambda g: _s("totp-secret", base64.b32encode(g.bytes(20)).decode()),
    "azkey": lambda g: _s("azure-storage-key", base64.b64encode(g.bytes(64)).decode()),
    "appsec": lambda g: _s("app-secret-key", g.app_secret()),
    "psk": lambda g: _s("wifi-psk", g.pw()),
    "card": lambda g: _s("card-number", g.card(grouped=True)),
    "cardc": lambda g: _s("card-number", g.card(grouped=False)),
    "iban": lambda g: _s("iban", g.iban()),
    "ibang": lambda g: _s("iban", g.iban(grouped=True)),
    "ssn": lambda g: _s("ssn", g.ssn()),
    "ssnx": lambda g: _s("ssn", g.ssn().replace("-", "")),
    "said": lambda g: _s("service-account-key-id", g.hexs(40)),
    "kubepw": lambda g: _s("k8s-secret-value", base64.b64encode(g.pw().encode()).decode()),
    "kubetok": lambda g: _s("k8s-secret-value", base64.b64encode(g.token(32).encode()).decode()),
    "printpw": lambda g: _s("printed-secret", g.pw()),
    "printtok": lambda g: _s("printed-secret", g.token(36)),
    "printaws": lambda g: _s("printed-secret", g.r(40, _B64)),
    "pem": lambda g: _pem_pieces(g, "EC PRIVATE KEY", "\n"),
    "pemjson": lambda g: _pem_pieces(g, "PRIVATE KEY", "\\n"),
    "sshkey": _ssh_pieces,
    # keeps the policy names
    "commit": lambda g: _k(g.hexs(40)),
    "etag": lambda g: _k(g.hexs(40)),
    "rel": lambda g: _k(f"{g.i(1, 9)}.{g.i(0, 12)}.{g.i(0, 9)}.{g.i(10, 240)}"),
    "kuuid": lambda g: _k(g.uuid()),
    "xmail": lambda g: _k(
        f"{g.pick(('ops', 'test.user', 'jane.doe'))}@{g.pick(('example.com', 'example.org'))}"
    ),
    "tcard": lambda g: _k(" ".join(["4242"] * 4) if g.i(0, 1) else "4242" * 4),
    "oid": lambda g: _k(g.luhn("7", 16)),
    "ibanx": lambda g: _k(g.iban(valid=False)),
    "fakeakid": lambda g: _k("AKIA" + g.r(9, _B32) + "EXAMPLE"),
    "pklive": lambda g: _k("pk_live_" + g.token(40)),
    "mbpk": lambda g: _k(g.mapbox("pk")),
    "phc": lambda g: _k("phc_" + g.token(43)),
    "wgpub": lambda g: _k(base64.b64encode(g.bytes(32)).decode()),
    "sshpub": lambda g: _k(
        "ssh-ed25519 " + base64.b64encode(_ssh_str(b"ssh-ed25519") + _ssh_str(g.bytes(32))).decode()
    ),
    "pkt": lambda g: _k(g.hexs(16)),
    "wsk": lambda g: _k(base64.b64encode(g.bytes(16)).decode()),
    "ga": lambda g: _k(f"GA1.2.{g.i(10**8, 10**9)}.{g.i(1700000000, 1770000000)}"),
    "dns": lambda g: _k(g.pick(("8.8.8.8", "1.1.1.1", "9.9.9.9"))),
    "docip": lambda g: _k(g.pick(("192.0.2", "198.51.100", "203.0.113")) + f".{g.i(2, 250)}"),
    "skfill": lambda g: _k("sk_live_" + "x" * 24),
    "eaaafill": lambda g: _k("EAAA" + "x" * 20),
    "gpg": lambda g: _k(g.r(16, "0123456789ABCDEF")),
    "noreply": lambda g: _k(f"noreply@{g.word()}-{g.pick(('conf', 'scoot', 'signage'))}.org"),
    # plain text around them
    "word": lambda g: g.word(),
    "cap": lambda g: g.word().capitalize(),
    "phone": lambda g: f"+1 {g.i(201, 989)}-555-{g.i(100, 199):04d}",
    "street": lambda g: f"{g.i(12, 9800)} {g.pick(_STREETS)}, {g.pick(_CITIES)}",
    "date": lambda g: f"2026-{g.i(1, 3):02d}-{g.i(1, 28):02d}",
    "money": lambda g: f"{g.i(5, 900)}.{g.pick(('00', '50', '25'))}",
    "num": lambda g: g.r(6, _DIGITS),
    "id": lambda g: str(g.i(10000, 99999)),
    "big": lambda g: str(g.i(1_000_000, 9_999_999)),
    "small": lambda g: str(g.i(2, 60)),
    "last": lambda g: g.r(4, _DIGITS),
    "hex": lambda g: g.hexs(8),
    "code": lambda g: g.r(8, _UPPER + _DIGITS),
    "uuid": lambda g: g.uuid(),
    "exp": lambda g: f"{g.i(1, 12):02d}/{g.i(27, 31)}",
    "passport": lambda g: g.r(2, _UPPER) + g.r(7, _DIGITS),
}

_SLOT = re.compile("\u00ab(=[^\u00bb]*|[a-z]+\\d*)\u00bb")


def _render(g: _Gen, tpl: str) -> _Raw:
    """A template's document: its first line is ``path | lang``, each slot is filled by its name."""
    head, body = tpl.split("\n", 1)
    path, lang = (part.strip() for part in head.split("|"))
    cache: dict[str, _Value] = {}
    out: list[str] = []
    labels: list[tuple[_Mark, int]] = []
    size = pos = 0

    def put(piece: str | _Mark) -> None:
        nonlocal size
        if isinstance(piece, _Mark):
            labels.append((piece, size))
            piece = piece.text
        out.append(piece)
        size += len(piece)

    for m in _SLOT.finditer(body):
        put(body[pos : m.start()])
        pos = m.end()
        slot = m.group(1)
        if slot.startswith("="):
            put(_k(slot[1:]))
            continue
        if slot not in cache:
            base, n = re.fullmatch(r"([a-z]+?)(\d*)", slot).groups()  # type: ignore[union-attr]
            named = cache.get("name" + n)
            if base == "mail" and isinstance(named, _Mark):
                cache[slot] = _s("email", g.email_of(named.text))
            else:
                cache[slot] = _AUTO[base](g)
        val = cache[slot]
        for piece in val if isinstance(val, list) else [val]:
            put(piece)
    put(body[pos:])
    return _Raw("".join(out), tuple(labels), path, lang)


# --- the templates, by setting ------------------------------------------------------------------------------

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "hpc-job-schedulers": (
        """docs/cluster-network.md | markdown
Compute nodes resolve through «dns» and route «=10.0.0.0/8» over ib0 (netmask «=255.255.255.0»).
Jobs that need a token read it from the environment, e.g. `#PBS -v HF_TOKEN=«=${HF_TOKEN}»`; never paste one.
The job templates are pinned at «commit»; mail for failed jobs goes to «xmail».
""",
        """jobs/stage_and_train.pbs | bash
#!/bin/bash
#PBS -N «word»-sweep
#PBS -q gpu
#PBS -l select=1:ncpus=32:ngpus=4:mem=256gb
#PBS -l walltime=12:00:00
#PBS -o /home/«user»/logs/«word»-sweep.out
#PBS -j oe
#PBS -m abe

module load cuda/12.4 python/3.11
cd "$PBS_O_WORKDIR"
export AWS_ACCESS_KEY_ID=«akid»
export AWS_SECRET_ACCESS_KEY=«awssec»
# export WANDB_API_KEY=«=<your-api-key>»
aws s3 sync s3://«word»-lab-datasets/shards/ "$TMPDIR/shards/" --only-show-errors
python train.py --config configs/«word».yaml --resume-from «commit»
""",
        """lsf/refresh_marts.lsf | bash
#!/bin/bash
#BSUB -J refresh-«word»
#BSUB -q long
#BSUB -n 16
#BSUB -W 08:00
#BSUB -o refresh.%J.out
#BSUB -env "all, PGPASSWORD=«pw»"

source /opt/lsf/conf/profile.lsf
# cluster resolver is «dns»; the warehouse sits on the private network «=10.0.0.0/8»
psql "host=«ip» port=5432 dbname=«word»_marts user=etl_batch" -f sql/refresh.sql
echo "done on $(hostname), LSF version «rel»"
""",
        """accounting/feb.txt | text
[«user1»@login02 ~]$ sacct -S 2026-02-01 -E 2026-02-28 -a --format=JobID,User,Account,Elapsed,State,WorkDir -P
JobID|User|Account|Elapsed|State|WorkDir
«big1»|«user1»|«word»-lab|03:12:44|COMPLETED|/home/«user1»/proj/«word1»
«big2»|svc_ingest|«word»-lab|11:58:02|TIMEOUT|/srv/ingest/«word2»
«big4»|root|admin|00:00:12|COMPLETED|/root
$ git -C /opt/slurm-tools log -1 --format=%H
«commit»
""",
        """/etc/slurm/slurmdbd.conf | ini
# slurmdbd.conf -- managed by ansible, role slurm-dbd at «commit»
AuthType=auth/munge
DbdHost=dbd01
SlurmUser=slurm
StorageType=accounting_storage/mysql
StorageHost=«ip2»
StoragePort=3306
StorageUser=slurm
StoragePass=«pw»
StorageLoc=slurm_acct_db
PurgeJobAfter=12month
""",
        """qstat-f.txt | text
$ qstat -f «big».pbs01
Job Id: «big».pbs01
    Job_Name = «word»-sweep
    job_state = R
    queue = gpu
    exec_host = gn0«small»/0*32
    Variable_List = PBS_O_HOME=/home/«user»,PBS_O_LOGNAME=«user»,
        PBS_O_SHELL=/bin/bash,GH_TOKEN=«ghp»,NCCL_SOCKET_IFNAME=ib0
    Submit_arguments = -v GIT_REV=«commit» sweep.pbs
    comment = Job run at Tue Feb 10 at 09:14 on (gn0«small»:ncpus=32:ngpus=4)
""",
        """~/.config/rclone/rclone.conf | ini
[hpc-archive]
type = s3
provider = AWS
access_key_id = «akid»
secret_access_key = «awssec»
region = us-east-2
# from the rclone docs: access_key_id = «fakeakid»
""",
        """session.log | console
[«user»@login01 ~]$ git clone https://oauth2:«glpat»@gitlab.«word»-lab.edu/hpc/job-templates.git
Cloning into 'job-templates'...
$ cd job-templates && git log -1 --format='%H %s'
«commit» pbs: raise default walltime for the a100 queue
$ ssh «=deploy@head01.hpc.edu» 'sinfo -s'
PARTITION AVAIL  TIMELIMIT   NODES(A/I/O/T)
gpu*         up 2-00:00:00      38/6/2/46
$ ls /home/«user»/scratch
""",
    ),
    "church-giving-apps": (
        """README.md | markdown
## Local setup
Copy `.env.example` and set `STRIPE_SECRET_KEY=«=<your-api-key>»` and `STRIPE_PUBLISHABLE_KEY=«pklive»`.
Use the test card «tcard» (any future date, any CVC); receipts go to «xmail» in staging.
Seed data was generated at «commit».
""",
        """exports/donors-2026-q1.csv | csv
donor_id,donor_name,email,phone,street,fund,amount,method,card_last4,gift_date
D-«id1»,«name1»,«mail1»,«phone1»,«street1»,General Fund,«money1»,card,«last»,«date»
D-«id3»,«=Jane Doe»,«=jane.doe@example.org»,555-0100,1 Main St,Building Fund,10.00,card,0000,«date»
""",
        """.env.production | bash
# giving-portal (production) -- rotate with `make rotate-keys`
APP_ENV=production
STRIPE_PUBLISHABLE_KEY=«pklive»
STRIPE_SECRET_KEY=«sklive»
STRIPE_WEBHOOK_SECRET=«whsec»
DATABASE_URL=postgres://giving:«upw»@db.internal:5432/giving
MAILCHIMP_API_KEY=«=changeme»
""",
        """logs/stripe-event.json | json
{
  "id": "evt_«code»«hex»",
  "type": "charge.succeeded",
  "livemode": true,
  "data": {
    "object": {
      "amount": «id»,
      "billing_details": {
        "name": "«name»",
        "email": "«mail»",
        "address": {"line1": "«street»", "postal_code": "«last»"}
      },
      "payment_method_details": {"card": {"brand": "visa", "last4": "«last»"}},
      "metadata": {"fund": "Missions", "idempotency_key": "«kuuid»"}
    }
  }
}
""",
        """scripts/sync_recurring.py | python
import os

import requests

TITHELY_API_KEY = "«tok»"
STRIPE_KEY = os.environ.get("STRIPE_KEY", "«skfill»")
TEST_CARD = "«tcard»"  # Stripe's test Visa, for the staging form


def fetch_recurring(org_id: str) -> list[dict]:
    r = requests.get(
        f"https://api.tithe.ly/v2/organizations/{org_id}/recurring",
        headers={"Authorization": "Bearer «bearer»"},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["data"]
""",
        """exports/missions-sepa.csv | csv
booking_date;counterparty_name;counterparty_iban;amount_eur;reference
«date1»;«name1»;«iban»;«money1»;Missionswerk Spende «id1»
«date1»;«=Jane Doe»;«ibanx»;0.01;test transfer (rejected: invalid IBAN)
""",
        """session.log | console
$ curl -s "https://api.stripe.com/v1/charges?limit=1" -u «rklive»:
{
  "object": "list",
  "data": [
    {
      "id": "ch_«code»«hex»",
      "amount": «id»,
      "billing_details": {"name": "«name»", "email": "«mail»", "phone": "«phone»"},
      "metadata": {"order_id": "«oid»", "campus": "North"}
    }
  ]
}
""",
        """imports/legacy_pledges.csv | csv
pledge_id,donor_name,donor_email,card_number,exp,amount,frequency
P-«id1»,«name1»,«mail1»,«card»,«exp»,«money»,monthly
P-«id2»,«=Jane Doe»,«xmail»,«tcard»,12/30,1.00,once
""",
    ),
    "sports-analytics": (
        """CHANGELOG.md | markdown
## pitchgrid-cli version «rel»
- «commit» export: resume interrupted season exports
- «etag» auth: read `TRACKING_API_KEY` from the environment (was `api_key: «=<your-api-key>»`)
""",
        """config/tracking.yaml | yaml
tracking:
  vendor: pitchgrid
  feed_url: wss://feed.pitchgrid.io/v3/live
  api_key: «tok»
  # api_key: «=<your-api-key>»
storage:
  bucket: s3://«word»-tracking
""",
        """reports/scouting.md | markdown
# Scouting report: left back, U21 list

**Name:** «name1»
**Agent:** «name2» <«mail2»>
**Club:** FC «cap» (loan until June)

Strong recovery pace (top speed 33.«small» km/h in the tracking feed), prefers overlapping runs,
weaker on aerial duels. Medical flagged a hamstring strain in November; cleared in January.
Tracking data pulled with pitchgrid-cli version «rel»; clip ids in the appendix.
""",
        """notebooks/summarise_matches.py | python
# %% summarise each match's tracking with an LLM and push clips to the hub
import anthropic
from huggingface_hub import HfApi

ANTHROPIC_API_KEY = "«ant»"
client = anthropic.Anthropic(api_key=ANTHROPIC_API_KEY)
api = HfApi(token="«hf»")
# the dataset card is generated from commit «commit»
""",
        """api/players.json | json
{
  "squad": "U21",
  "players": [
    {"id": "«uuid1»", "name": "«name1»", "email": "«mail1»", "position": "LB", "minutes": «id1»},
    {"id": "«uuid3»", "name": "«=Jane Doe»", "email": "«xmail»", "position": "GK", "minutes": 0}
  ]
}
""",
        """session.log | console
$ printenv TRACKING_API_KEY
«printtok»
$ pitchgrid-cli --version
pitchgrid-cli «rel»
$ pitchgrid-cli export --season 2025 --out s3://club-tracking/raw/
exported 412 matches (3.1 GiB) in 4m12s
$ echo "$GOOGLE_APPLICATION_CREDENTIALS"
/srv/analytics/keys/bq-loader.json
""",
        """keys/bq-loader.json | json
{
  "type": "service_account",
  "project_id": "«word»-analytics-«id»",
  "private_key_id": "«said»",
  "private_key": "«pemjson»\\n",
  "client_email": "bq-loader@«word»-analytics-«id».iam.gserviceaccount.com",
  "token_uri": "https://oauth2.googleapis.com/token"
}
""",
        """~/.dbt/profiles.yml | yaml
club_warehouse:
  target: prod
  outputs:
    prod:
      type: postgres
      host: «ip»
      user: dbt_runner
      password: «pw»
      dbname: tracking
    dev:
      type: postgres
      host: «=127.0.0.1»
      user: dbt_runner
      password: "«={{ env_var('DBT_DEV_PASSWORD') }}»"
""",
    ),
    "embedded-ci-farms": (
        """logs/dut-ip.log | text
root@farm-dut-03:~# ip -4 addr
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536
    inet «=127.0.0.1»/8 scope host lo
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500
    inet «lanip»/24 brd «=192.168.50.255» scope global eth0
root@farm-dut-03:~# cat /etc/fw-release
firmware «rel» (build «commit»)
""",
        """.gitlab-ci.yml | yaml
variables:
  LAVA_SERVER: https://lava.«word»-devices.net/RPC2
  LAVA_TOKEN: «ltok»
  FIRMWARE_PUSH_TOKEN: «glpat»

flash-and-test:
  stage: hil
  tags: [farm-rpi4]
  script:
    - lavacli --uri https://ci-bot:«=${LAVA_TOKEN}»@lava.«word»-devices.net/RPC2 jobs submit boot.yaml
    - ./tools/wait-for-job.sh --timeout 1800
""",
        """logs/dut-07-serial.log | text
U-Boot 2024.01 (Jan 12 2026 - 10:02:11 +0000)
DRAM:  4 GiB
=> boot
[    2.113201] brcmfmac: brcmf_c_preinit_dcmds: Firmware: BCM4345/6 wl0: firmware «rel»
farm-dut-07 login: root
root@farm-dut-07:~# cat /etc/NetworkManager/system-connections/farm-lab.nmconnection
[connection]
id=farm-lab
type=wifi
[wifi]
ssid=FARM-LAB-5G
[wifi-security]
key-mgmt=wpa-psk
psk=«psk»
[ipv4]
method=manual
address1=«ip»/24
dns=«dns»;
root@farm-dut-07:~#
""",
        """logs/jtag-flash.log | text
Open On-Chip Debugger 0.12.0
Info : J-Link V11 compiled Feb  2 2026
Info : clock speed 4000 kHz
Info : stm32h7x.cpu0: hardware has 8 breakpoints, 4 watchpoints
** Programming Finished **
** Verified OK **
+ curl -fsS -u ci-bot:«upw» -T build/fw-«hex».bin https://artifacts.«word»-devices.net/fw/
+ echo "uploaded fw-«hex».bin (git «commit»)"
uploaded fw-«hex».bin
""",
        """farm/places.toml | toml
[farm]
url = "https://farm.«word».internal/api/v1"
token = "«tok»"

[[places]]
name = "rpi4-«small»"
serial = "/dev/ttyUSB3"
netmask = "«=255.255.255.0»"

[power]
pdu_host = "pdu-03.farm.internal"
pdu_user = "admin"
pdu_password = "«pw»"
""",
        """switch/farm-sw01.cfg | text
hostname farm-sw01
!
username ci-admin privilege 15 password 7 «typeseven»
!
interface Vlan40
 description dut-network
 ip address «ip1» «=255.255.255.0»
!
ip name-server «dns»
!
line vty 0 4
 login local
""",
        """/etc/wireguard/wg0.conf | ini
[Interface]
Address = «ip»/32
PrivateKey = «wg»
ListenPort = 51820
DNS = «dns»

[Peer]
# farm controller
PublicKey = «wgpub»
AllowedIPs = «=10.0.0.0/8»
Endpoint = farm-gw.«word».net:51820
PersistentKeepalive = 25
""",
        """logs/hil-run.log | text
##[group]Run ./tools/farm-login.sh
./tools/farm-login.sh
##[endgroup]
::add-mask::«tok»
farm: reserved place rpi4-«small» for 30m
farm: power-cycling via PDU outlet «small»
Run actions/upload-artifact@«commit»
With:
  name: serial-logs
""",
    ),
    "construction-bim": (
        """services/procore-sync/.env.example | bash
PROCORE_CLIENT_ID=«=<your-api-key>»
PROCORE_CLIENT_SECRET=«=changeme»
SLACK_BOT_TOKEN=«=xoxb-xxxx-xxxx-xxxx»
APPINSIGHTS_CONNECTION_STRING=InstrumentationKey=«kuuid»
# last synced with the real .env at «commit»
""",
        """session.log | console
$ curl -s -X POST https://developer.api.autodesk.com/authentication/v2/token \\
    -u "«code1»«code2»«code3»«code4»:«cs»" \\
    -d grant_type=client_credentials -d scope=data:read
{"access_token":"«jwt»","token_type":"Bearer","expires_in":3599}
$ curl -s -H "Postman-Token: «kuuid»" https://developer.api.autodesk.com/project/v1/hubs | jq length
3
""",
        """services/procore-sync/.env | bash
PROCORE_CLIENT_ID=«code»«hex»
PROCORE_CLIENT_SECRET=«csu»
PROCORE_COMPANY_ID=«id»
SLACK_BOT_TOKEN=«xoxb»
SENTRY_DSN=
# generated by scripts/bootstrap.sh at «commit»
""",
        """exports/subcontractors.csv | csv
company_name,trade,contact_name,contact_email,phone,license_no
«cap1» Ridge Concrete LLC,Concrete,«name1»,«mail1»,«phone1»,CSLB-«num1»
«cap2» Electric Inc,Electrical,,«=estimating@example.com»,«phone2»,CSLB-«num2»
Placeholder Co,Roofing,«=Jane Doe»,«xmail»,555-0100,CSLB-000000
""",
        """api/rfi-412.json | json
{
  "id": «num»,
  "number": "RFI-«small»",
  "subject": "Embed plate clash at grid C/7, level 3",
  "status": "open",
  "assignee": {"id": «id», "name": "«name»", "email_address": "«mail»"},
  "attachments": [{"filename": "C7-clash.nwd", "etag": "«etag»"}]
}
""",
        """tools/archive_models.py | python
from azure.storage.blob import BlobServiceClient

STORAGE = (
    "DefaultEndpointsProtocol=https;AccountName=«word»bimarchive;"
    "AccountKey=«azkey»;EndpointSuffix=core.windows.net"
)
TELEMETRY = "InstrumentationKey=«kuuid»;IngestionEndpoint=https://eastus-8.in.applicationinsights.azure.com/"
svc = BlobServiceClient.from_connection_string(STORAGE)
""",
        """RevitSync/App.config | xml
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="ProcoreBaseUrl" value="https://api.procore.com" />
    <add key="ProcoreClientSecret" value="«csu»" />
    <add key="SyncIntervalMinutes" value="15" />
  </appSettings>
  <runtime>
    <assemblyIdentity name="Newtonsoft.Json" publicKeyToken="«pkt»" culture="neutral" />
  </runtime>
</configuration>
""",
    ),
    "academic-conference": (
        """.github/workflows/deploy.yml | yaml
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@«commit»
      - run: ./deploy.sh
        env:
          EMAIL_HOST_PASSWORD: «=${{ secrets.EMAIL_HOST_PASSWORD }}»
          NOTIFY: «noreply»
""",
        """outbox/decision.eml | text
From: Program Chairs <«noreply»>
To: «name1» <«mail1»>
Subject: Decision on submission #«small»

Dear authors,

We are pleased to let you know that your paper has been accepted. Camera-ready
versions are due on March 20; please use the template linked from the call for papers.
""",
        """exports/assignments.json | json
[
  {"paper": «small1», "round": "R1", "reviewer": {"name": "«name1»", "email": "«mail1»"}},
  {"paper": «small2», "round": "R2", "reviewer": {"name": "«=Jane Doe»", "email": "«xmail»"}}
]
""",
        """site/settings/production.py | python
import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "«ip»",
        "NAME": "registration",
        "USER": "reg",
        "PASSWORD": "«pw»",
    }
}
EMAIL_HOST_USER = "«noreply»"
EMAIL_HOST_PASSWORD = "«sg»"
""",
        """registration/charges.py | python
import stripe

stripe.api_key = "«sklive»"
PUBLISHABLE = "«pklive»"

# registration «id», student rate, paid at the desk by card «card»
stripe.Charge.create(amount=«id», currency="eur", source="tok_visa", description="reg «small»")
""",
        """session.log | console
$ git shortlog -sne --since=2025-09-01
    41\t«name1» <«mail1»>
     6\tdependabot[bot] <«=49699333+dependabot[bot]@users.noreply.github.com»>
$ git log -1 --format=%H
«commit»
""",
        """hotcrp/conf/options.ini | ini
[smtp]
host = smtp.sendgrid.net
port = 587
user = apikey
password = «sg»

[site]
# paper bundles are signed with this; regenerate per edition
paper_salt = «appsec»
contact = «xmail»
""",
    ),
    "pharma-sample-tracking": (
        """.drone.yml | yaml
steps:
  - name: courier-contract-tests
    image: python:3.12
    environment:
      FEDEX_CLIENT_SECRET:
        from_secret: «=fedex_client_secret»
      DHL_API_KEY: «=changeme»
    commands:
      - pytest tests/contract --git-rev=«commit»
""",
        """exports/lims-shipments.csv | csv
sample_id,subject_id,site,collector_name,collector_email,collected_at,courier,tracking_no
SMP-«num1»,PT-«id1»,Site 04,«name1»,«mail1»,«date»T08:14,FedEx,«big1»
SMP-«num3»,PT-000000,Site 99,«=Jane Doe»,«xmail»,«date»T10:00,none,
""",
        """services/courier/.env | bash
FEDEX_API_URL=https://apis.fedex.com
FEDEX_CLIENT_ID=«hex»«code»
FEDEX_CLIENT_SECRET=«cs»
DHL_API_KEY=«=changeme»
NEW_RELIC_API_KEY=«nrak»
""",
        """lims_client/db.py | python
import logging

import sqlalchemy as sa

log = logging.getLogger(__name__)
ENGINE = sa.create_engine("postgresql+psycopg://lims_app:«upw»@«ip»:5432/lims")

# 2026-02-11 09:02:44 DEBUG auth header: Bearer «jwt»
# staging reads «=config.db_password» from vault instead
""",
        """deploy/lims-secrets.yaml | yaml
apiVersion: v1
kind: Secret
metadata:
  name: lims-credentials
  namespace: lims
type: Opaque
data:
  db-password: «kubepw»
  courier-api-secret: «kubetok»
""",
        """monitoring/freezer-alerts.yaml | yaml
freezers:
  - id: ULT-«small»
    setpoint_c: -80
    alarm_above_c: -65
notify:
  slack_webhook: «hook»
  telegram_bot_token: «tg»
  telegram_chat: "-100«big»"
firmware: «rel»
""",
        """payments/stipend.json | json
{
  "participant_name": "«name»",
  "tax_id_type": "ssn",
  "tax_id": "«ssnx»",
  "study": "ONC-«id»",
  "visits_paid": «small»
}
""",
        """exports/site-monitors.csv | csv
employee_name,ssn,site,role
«name1»,«ssn1»,Site 04,CRA
""",
    ),
    "marine-charter": (
        """session.log | console
$ ip route
default via «ip» dev wlan0 proto dhcp
«=192.168.1.0»/24 dev eth0 proto kernel scope link
$ resolvectl dns
Global: «dns»
$ grep -c «fakeakid» docs/aws-setup.md
2
""",
        """exports/bookings-2026.csv | csv
booking_ref,guest_name,email,phone,passport_no,nationality,vessel,start,end
BK-«num1»,«name1»,«mail1»,«phone1»,«passport1»,PT,SY «cap1»,«date1»,«date2»
BK-«num3»,«=Jane Doe»,«xmail»,555-0100,X0000000,--,SY Demo,«date1»,«date1»
""",
        """session.log | console
$ sudo mosquitto_passwd -b /etc/mosquitto/passwd boat-«word» «pw1»
$ cat /etc/mosquitto/conf.d/bridge.conf
connection fleet-cloud
address telemetry.«word»charters.com:8883
remote_username boat-«word»
remote_password «pw2»
topic nmea/# out 1
$ sudo systemctl restart mosquitto
""",
        """logs/signalk-proxy.log | text
GET /signalk/v1/stream?subscribe=self HTTP/1.1
Host: boat-«small».«word»charters.com
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: «wsk»
Sec-WebSocket-Version: 13
Authorization: Bearer «jwt»

HTTP/1.1 101 Switching Protocols
""",
        """exports/deposits.csv | csv
date,counterparty_name,iban,amount_eur,booking_ref
«date1»,«name1»,«ibang»,«money1»,BK-«num1»
«date2»,«=Jane Doe»,«ibanx»,0.00,BK-000000
""",
        """web/.env | bash
STRIPE_SECRET_KEY=«sklive»
MAPBOX_PUBLIC_TOKEN=«mbpk»
MAPBOX_UPLOAD_TOKEN=«mbsk»
GOOGLE_MAPS_API_KEY=«aiza»
""",
        """api/crew-list.json | json
{
  "vessel": "SY «cap»",
  "crew": [
    {"given_names": "«name1»", "role": "skipper", "passport_no": "«passport1»"}
  ],
  "card_on_file": {"name_on_card": "«name3»", "exp": "«exp»"}
}
""",
        """session.log | console
navpc@boat-nav:~$ cat ~/.ssh/id_ed25519
«sshkey»
navpc@boat-nav:~$ cat ~/.ssh/id_ed25519.pub
«sshpub» navpc@boat-nav
""",
    ),
    "political-polling": (
        """dialer/.env.example | bash
DIALER_URL=https://ops:«=${DIALER_PASSWORD}»@dialer.internal/api
SURVEY_API_TOKEN=«=<your-api-key>»
AMI_SECRET=«=changeme»
OPENAI_API_KEY=«=sk-...»
# kept in sync with dialer/.env by scripts/check-env.sh («commit»)
""",
        """exports/panel-wave7.csv | csv
respondent_id,respondent_name,phone,email,precinct,party_reg,last_contacted
R-«big1»,«name1»,«phone1»,«mail1»,«last1»,DEM,«date»
R-«big3»,«=Jane Doe»,555-0100,«xmail»,0000,TEST,«date»
""",
        """/etc/asterisk/pjsip.conf | ini
[transport-udp]
type=transport
protocol=udp
bind=«=0.0.0.0»:5060
local_net=«=10.0.0.0/8»

[dialer-trunk-auth]
type=auth
auth_type=userpass
username=poll«small»
password=«pw»

[dialer-trunk]
type=endpoint
outbound_auth=dialer-trunk-auth
""",
        """dialer/.env | bash
DIALER_URL=https://ops:«upw»@dialer.«word»research.com/api
AMI_SECRET=«=changeme»
OPENAI_API_KEY=«oai»
OPENAI_API_KEY_EXAMPLE=«=sk-...»
""",
        """session.log | console
$ curl -s -H "X-API-TOKEN: «tok»" "https://iad1.qualtrics.com/API/v3/directories/POOL_«code»/contacts?pageSize=1"
{"result":{"elements":[{"contactId":"CID_«code»«hex»",
"name":"«name»","email":"«mail»","phone":"«phone»","extRef":"R-«big»"}]},"meta":{"httpStatus":"200 - OK"}}
""",
        """keys/sheets-writer.json | json
{
  "type": "service_account",
  "project_id": "«word»-polling-«id»",
  "private_key_id": "«said»",
  "private_key": "«pemjson»\\n",
  "client_email": "sheets-writer@«word»-polling-«id».iam.gserviceaccount.com",
  "client_id": "«big1»«big2»"
}
""",
        """session.log | console
$ pass show polling/dialer-admin
«printpw»
$ gcloud secrets versions access latest --secret=«=dialer-db-password» --project=polling-prod
$ git config --get user.signingkey
«gpg»
""",
    ),
    "restaurant-reservations": (
        """logs/ws-handshake.log | text
GET /live/floorplan HTTP/1.1
Host: tablet.«word»kitchen.com
Upgrade: websocket
Sec-WebSocket-Key: «wsk»
Postman-Token: «kuuid»
Cookie: _ga=«ga»; theme=dark
""",
        """exports/reservations.csv | csv
confirmation,guest_name,email,phone,party_size,time,notes
«code1»,«name1»,«mail1»,«phone1»,4,19:30,window please; nut allergy
«code3»,«=Jane Doe»,«xmail»,555-0100,1,17:00,test booking
""",
        """pos-bridge/.env | bash
SQUARE_ENVIRONMENT=production
SQUARE_ACCESS_TOKEN=«sq»
SQUARE_SANDBOX_TOKEN=«eaaafill»
SHOPIFY_ADMIN_TOKEN=«shpat»
SLACK_WEBHOOK_URL=«hook»
""",
        """api/reservation.json | json
{
  "reservation_id": «big»,
  "venue": {"id": «id», "name": "«cap» Kitchen"},
  "party_size": «small»,
  "diner": {"name": "«name»", "email": "«mail»", "phone": "«phone»"},
  "payment": {"order_id": "«oid»", "deposit": 20},
  "tracking": {"anonymous_id": "«kuuid»"}
}
""",
        """app/webhooks.py | python
import stripe
from flask import Flask, request

app = Flask(__name__)
WEBHOOK_SECRET = "«whsec»"


@app.post("/webhooks/stripe")
def stripe_webhook():
    sig = request.headers["Stripe-Signature"]
    event = stripe.Webhook.construct_event(request.data, sig, WEBHOOK_SECRET)
    return {"ok": event["type"]}

# local test: curl -H "Postman-Token: «kuuid»" localhost:5000/webhooks/stripe
""",
        """logs/booking-widget.log | text
POST /api/v2/holds HTTP/1.1
Host: book.«word»kitchen.com
Cookie: _ga=«ga»; sessionid=«sess»; theme=dark
Content-Type: application/json

{"party_size": 4, "slot": "2026-02-14T19:30"}
HTTP/1.1 201 Created
Set-Cookie: «=session=deleted»; expires=Thu, 01 Jan 1970 00:00:00 GMT
""",
        """session.log | console
$ sudo htpasswd -b -c /etc/nginx/.htpasswd manager «pw»
Adding password for user manager
$ sudo cat /etc/nginx/.htpasswd
manager:«bcrypt»
$ sudo grep floor /etc/shadow
floor:«crypt»:19800:0:99999:7:::
""",
        """exports/no-show-fees.json | json
{
  "fees": [
    {
      "customer": {"name": "«name»", "email": "«mail»"},
      "card": {"number": "«cardc»", "exp": "«exp»"},
      "amount": 25.00
    }
  ],
  "test_card_used_in_staging": "«tcard»"
}
""",
    ),
    "ride-share-scooters": (
        """gbfs/system_information.json | json
{
  "data": {
    "system_id": "«word»scoot-«small»",
    "map_token": "«mbpk»",
    "analytics_key": "«phc»",
    "feed_contact_email": "«xmail»",
    "build": "«commit»"
  }
}
""",
        """fleet-ops/config.yaml | yaml
maps:
  public_token: «mbpk»
  tiles_upload_token: «mbsk»
fleet_api:
  base_url: https://fleet.«word»scoot.io/v1
  api_key: «tok»
posthog:
  project_key: «phc»
""",
        """support/ticket.json | json
{
  "ticket": {
    "id": «num»,
    "subject": "Charged twice for ride «code»",
    "requester": {"name": "«name»", "email": "«mail»", "phone": "«phone»"},
    "via": {"channel": "email", "source": {"to": {"address": "«noreply»"}}},
    "description": "Scooter locked but the app kept the ride open for 40 minutes.",
    "tags": ["billing", "double_charge"]
  }
}
""",
        """k8s/fleet-api-secret.yaml | yaml
apiVersion: v1
kind: Secret
metadata:
  name: fleet-api
  namespace: fleet
type: Opaque
data:
  DATABASE_PASSWORD: «kubepw»
  PAYMENTS_API_KEY: «kubetok»
""",
        """logs/fleet-api.log | text
2026-02-11T07:12:09Z INFO  ride.start scooter=«code» zone=downtown-3 rider=«mail»
2026-02-11T07:12:09Z DEBUG upstream auth: Authorization: Bearer «jwt»
2026-02-11T07:31:50Z INFO  ride.end scooter=«code» meters=2841 fare_cents=612
2026-02-11T07:31:51Z WARN  geofence lookup slow (812ms) via «=127.0.0.1»:6379
""",
        """infra/prod.tfvars | hcl
region             = "us-west-2"
newrelic_api_key   = "«nrak»"
digitalocean_token = "«dop»"
db_password        = "«pw»"
docs_example_key   = "«fakeakid»"
""",
        """session.log | console
$ cat certs/scooter-fleet.key
«pem»
$ openssl ec -in certs/scooter-fleet.key -noout -check
read EC key
EC Key valid.
""",
        """ops-bot/settings.py | python
SLACK_BOT_TOKEN = "«xoxb»"
TELEGRAM_BOT_TOKEN = "«tg»"
SLACK_EXAMPLE = "«=xoxb-xxxx-xxxx-xxxx»"  # the format, for the README
""",
    ),
    "digital-signage-cms": (
        """player/status.json | json
{
  "player_version": "«rel»",
  "telemetry": "InstrumentationKey=«kuuid»",
  "loopback_ok": "«=127.0.0.1»",
  "resolver": "«dns»",
  "cms_password": "«=****»"
}
""",
        """/var/lib/player/config.json | json
{
  "player_id": "PL-«code»",
  "cms_url": "https://cms.«word»signage.com",
  "device_token": "«tok»",
  "wifi": {"ssid": "VENUE-GUEST", "wifiKey": "«psk»"},
  "firmware": "«rel»",
  "telemetry": "InstrumentationKey=«kuuid»"
}
""",
        """scheduler/publish.cron | bash
# publish the next day's playlists to every screen
15 3 * * * curl -fsS -X POST https://sched:«upw»@cms.«word»signage.com/api/publish >/dev/null
# scheduler login for the editors lives in 1Password; the docs use «=changeme»
30 3 * * * /opt/cms/bin/prune --keep 14 --ssh «=deploy@cms-admin.signage.net»
""",
        """exports/venues.csv | csv
venue,screens,address,contact_name,contact_email,phone
«cap1» Arena,«small1»,«street1»,«name1»,«mail1»,«phone1»
Demo Lobby,1,1 Main St,«=Jane Doe»,«xmail»,555-0100
""",
        """docs/admin-2fa.md | markdown
## CMS admin second factor

Enrolled on the shared ops phone on 2026-02-02:

    otpauth://totp/SignageCMS:cms-admin?secret=«totp»&issuer=SignageCMS&digits=6

Recovery contact for the account is «xmail». All venues run CMS version «rel».
""",
        """session.log | console
root@player-«small»:~# wg genkey | tee /etc/wireguard/privatekey
«wg»
root@player-«small»:~# wg pubkey < /etc/wireguard/privatekey
«wgpub»
root@player-«small»:~# ip -4 addr show wlan0
3: wlan0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP
    inet «wlanip»/16 brd «=172.16.255.255» scope global dynamic wlan0
""",
        """docker-compose.yml | yaml
# signage-cms version «rel»
services:
  cms:
    image: ghcr.io/«word»/signage-cms:latest
    environment:
      SECRET_KEY_BASE: «appsec»
      SMTP_PASSWORD: «=${SMTP_PASSWORD}»
      GITHUB_TOKEN: «ghfine»
""",
        """session.log | console
$ aws configure get aws_secret_access_key --profile signage
«printaws»
$ export DO_TOKEN=«dop»
$ doctl compute droplet list --format Name,PublicIPv4 --no-header
cms-web-1   «docip»
$ npm config get //registry.npmjs.org/:_authToken
«npm»
""",
    ),
}


# --- deliveries ---------------------------------------------------------------------------------------------


def _json_escape(c: str) -> str:
    return json.dumps(c)[1:-1]


def _prefixer(delivery: str, rng: random.Random) -> Callable[[int], str]:
    """What goes before each line of a document in `delivery` (the lines counted from 0)."""
    if delivery == "diff":
        return lambda _n: "+"
    if delivery == "numbered":
        start = rng.randint(1, 40)
        if rng.random() < 0.5:
            return lambda n: f"{start + n:>6}\u2192"
        return lambda n: f"{start + n}\t"
    if delivery == "cilog":
        clock = [rng.randint(0, 86_400 * 10_000_000)]

        def stamp(_n: int) -> str:
            clock[0] += rng.randint(1, 900_000)
            secs, frac = divmod(clock[0], 10_000_000)
            day, hms = (
                10 + secs // 86400 % 10,
                f"{secs // 3600 % 24:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}",
            )
            return f"2026-03-{day:02d}T{hms}.{frac:07d}Z "

        return stamp
    return lambda _n: ""


def _deliver(raw: _Raw, delivery: str, rng: random.Random) -> tuple[str, list[int]]:
    """The delivered text and, for each raw position (and the end), its delivered position."""
    text = raw.text
    pos: list[int] = []
    out: list[str] = []
    size = 0

    def put(s: str) -> None:
        nonlocal size
        out.append(s)
        size += len(s)

    if delivery == "json":
        put('{"type":"tool_result","content":"')
        for c in text:
            pos.append(size)
            put(_json_escape(c))
        pos.append(size)
        put('"}\n')
        return "".join(out), pos

    prefix = _prefixer(delivery, rng)
    if delivery == "diff":
        n_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        path = raw.path.removeprefix("~").lstrip("/")
        put(f"diff --git a/{path} b/{path}\nnew file mode 100644\n")
        put(
            f"index 0000000..{rng.getrandbits(28):07x}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{n_lines} @@\n"
        )
    elif delivery == "fence":
        put(f"Here is `{raw.path}`:\n\n```{raw.lang}\n")

    line = 0
    for i, c in enumerate(text):
        if i == 0 or text[i - 1] == "\n":
            put(prefix(line))
            line += 1
        pos.append(size)
        put(c)
    pos.append(size)
    if delivery == "fence":
        put("" if text.endswith("\n") else "\n")
        put("```\n")
    return "".join(out), pos


def _document(name: str, setting: str, delivery: str, raw: _Raw, rng: random.Random) -> Document:
    text, pos = _deliver(raw, delivery, rng)
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    for mark, off in raw.labels:
        start = pos[off]
        end = pos[off + len(mark.text) - 1] + len(
            _json_escape(mark.text[-1]) if delivery == "json" else mark.text[-1]
        )
        if mark.kind == "s":
            secrets.append(Secret(mark.cls, text[start:end], start))
        else:
            keeps.append(Keep(text[start:end], start))
    return Document(name, setting, delivery, text, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The part's documents, drawn from `seed`: the same seed gives the same corpus."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        templates = _TEMPLATES[setting]
        for j in range(_DOCS_PER_SETTING):
            raw = _render(_Gen(rng), templates[j % len(templates)])
            delivery = DELIVERIES[(j + si) % len(DELIVERIES)]
            name = f"{setting}/{j:02d}-{raw.path.rsplit('/', 1)[-1]}"
            docs.append(_document(name, setting, delivery, raw, rng))
    return docs


def corpus_digest(docs: list[Document]) -> str:
    """A sha256 over a canonical JSON of the documents, labels and all."""
    canon = [
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
    blob = json.dumps(canon, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def _masked(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates of `scrub` over `docs`: recall, recall with no fragment, vendor recall, keep rate, counts."""
    n_secrets = removed = clean = n_vendor = vendor_removed = n_keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base: str | None = None
        for s in doc.secrets:
            n_secrets += 1
            vendor = s.cls in VENDOR_CLASSES
            n_vendor += vendor
            if s.text in out:
                continue
            removed += 1
            vendor_removed += vendor
            if base is None:
                base = scrub(_masked(doc))
            windows = {s.text[i : i + 6] for i in range(len(s.text) - 5)}
            if not any(w in out and w not in base for w in windows):
                clean += 1
        for k in doc.keeps:
            n_keeps += 1
            if out.count(k.text) >= doc.text.count(k.text):
                kept += 1
    return {
        "secrets": float(n_secrets),
        "recall": removed / n_secrets if n_secrets else 1.0,
        "recall_no_fragment": clean / n_secrets if n_secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / n_vendor if n_vendor else 1.0,
        "keep_rate": kept / n_keeps if n_keeps else 1.0,
        "spans": float(n_keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber's aggregates on this part (imported here, never at module import)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
