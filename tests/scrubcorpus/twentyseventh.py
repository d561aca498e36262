"""The twenty-seventh held-back scrub corpus.

Twelve settings a coding agent works in, each with its own documents: podcast hosting and private feeds
(Transistor, Buzzsprout, tokened RSS, listener exports); church and membership management (Planning
Center, ChurchSuite, member directories, giving exports); realtime messaging services (Ably, Pusher,
PubNub keys, socket logs, channel auth); 3D printing farms (OctoPrint, Klipper and Moonraker, Bambu
printers, print queues); solar and home energy monitoring (Enphase, SolarEdge, Powerwall local APIs,
inverter configs); parking, micromobility and EV charging (OCPP chargers, scooter fleet APIs, permit
exports); pharmacy and e-prescribing (NCPDP SCRIPT messages, prescriber records, pharmacy system
configs); two-factor and one-time passwords (otpauth URIs, TOTP secrets, Twilio Verify, recovery kits);
mining and node operators (miner configs, pools, node RPC, validator keys); photography and digital
asset management (Lightroom, SmugMug, Flickr, client galleries); farm management and agricultural IoT
(John Deere's API, farm records, sensor gateways); and genealogy (GEDCOM files, tree exports, DNA
match lists).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says
stays (and look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every
value is a fake drawn at build time from a seeded ``random.Random``, valid for its format where the
format has a check (Luhn, IBAN mod 97, token CRCs, SSN ranges, JWT and key layouts, BIP-39
checksums). Each document is delivered one of six ways (plain, a JSON transcript line, a diff's added
lines, numbered lines, CI log lines, a Markdown fence) and labelled as delivered. The measure reports
aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import string
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

_T = TypeVar("_T")

DEFAULT_SEED = 20261227


@attrs.frozen
class Secret:
    """A value the policy says goes, at its offset in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, at its offset in the delivered text."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered document and its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


SETTINGS: tuple[str, ...] = (
    "podcast-hosting",
    "church-membership",
    "realtime-messaging",
    "print-farm",
    "home-energy",
    "mobility-charging",
    "pharmacy-erx",
    "two-factor",
    "mining-nodes",
    "photo-dam",
    "agri-iot",
    "genealogy",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

_VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": ("ghp_", "gho_"),
    "npm-token": ("npm_",),
    "slack-token": ("xoxb-", "xoxp-"),
    "stripe-key": ("sk_live_", "rk_live_"),
    "stripe-webhook-secret": ("whsec_",),
    "sendgrid-key": ("SG.",),
    "aws-access-key": ("AKIA",),
    "gitlab-token": ("glpat-",),
    "digitalocean-token": ("dop_v1_",),
    "google-api-key": ("AIza",),
    "grafana-token": ("glsa_",),
    "tailscale-key": ("tskey-auth-",),
    "pypi-token": ("pypi-",),
    "dockerhub-token": ("dckr_pat_",),
    "vault-token": ("hvs.",),
    "newrelic-key": ("NRAK-",),
    "pubnub-secret-key": ("sec-c-",),
}
VENDOR_PREFIXES = _VENDOR_PREFIXES
VENDOR_CLASSES: frozenset[str] = frozenset(_VENDOR_PREFIXES)

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "db-password",
        "url-password",
        "smtp-password",
        "mqtt-password",
        "rpc-password",
        "wifi-psk",
        "keystore-password",
        "api-key",
        "secret",
        "salt",
        "token",
        "session-cookie",
        "basic-auth",
        "jwt",
        "private-key",
        "ssh-private-key",
        "validator-key",
        "totp-secret",
        "mnemonic",
        "password-hash",
        "aws-secret-key",
        "email",
        "person-name",
        "ssn",
        "card-number",
        "iban",
        "ip-address",
    }
)

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64URL = string.ascii_letters + string.digits + "-_"
_B32 = string.ascii_uppercase + "234567"
_HEX = "0123456789abcdef"

# ---------------------------------------------------------------------------------------------------------
# Format checks (public: the tests hold the fakes to them).

BIP39_HEAD: tuple[str, ...] = tuple(
    [
        "abandon",
        "ability",
        "able",
        "about",
        "above",
        "absent",
        "absorb",
        "abstract",
        "absurd",
        "abuse",
        "access",
        "accident",
        "account",
        "accuse",
        "achieve",
        "acid",
        "acoustic",
        "acquire",
        "across",
        "act",
        "action",
        "actor",
        "actress",
        "actual",
        "adapt",
        "add",
        "addict",
        "address",
        "adjust",
        "admit",
        "adult",
        "advance",
        "advice",
        "aerobic",
        "affair",
        "afford",
        "afraid",
        "again",
        "age",
        "agent",
        "agree",
        "ahead",
        "aim",
        "air",
        "airport",
        "aisle",
        "alarm",
        "album",
        "alcohol",
        "alert",
        "alien",
        "all",
        "alley",
        "allow",
        "almost",
        "alone",
        "alpha",
        "already",
        "also",
        "alter",
        "always",
        "amateur",
        "amazing",
        "among",
        "amount",
        "amused",
        "analyst",
        "anchor",
        "ancient",
        "anger",
        "angle",
        "angry",
        "animal",
        "ankle",
        "announce",
        "annual",
        "another",
        "answer",
        "antenna",
        "antique",
        "anxiety",
        "any",
        "apart",
        "apology",
        "appear",
        "apple",
        "approve",
        "april",
        "arch",
        "arctic",
        "area",
        "arena",
        "argue",
        "arm",
        "armed",
        "armor",
        "army",
        "around",
        "arrange",
        "arrest",
        "arrive",
        "arrow",
        "art",
        "artefact",
        "artist",
        "artwork",
        "ask",
        "aspect",
        "assault",
        "asset",
        "assist",
        "assume",
        "asthma",
        "athlete",
        "atom",
        "attack",
        "attend",
        "attitude",
        "attract",
        "auction",
        "audit",
        "august",
        "aunt",
        "author",
        "auto",
        "autumn",
        "average",
        "avocado",
    ]
)


def luhn_ok(number: str) -> bool:
    """Whether a card number (blanks and dashes allowed) passes the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12 or any(not (c.isdigit() or c in " -") for c in number):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_IBAN_LENGTHS = {"GB": 22, "DE": 22, "NL": 18, "IE": 22, "CH": 21, "BE": 16, "AT": 20}


def iban_ok(iban: str) -> bool:
    """Whether an IBAN (compact or in groups of four) has its country's length and passes mod 97."""
    s = iban.replace(" ", "")
    if len(s) < 5 or _IBAN_LENGTHS.get(s[:2]) != len(s) or not s[2:4].isdigit() or not s.isalnum():
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _b62_crc(body: str) -> str:
    n = zlib.crc32(body.encode())
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(6, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """Whether a GitHub- or npm-style token has its prefix, 30 base62 characters and their CRC32."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return _b62_crc(body[:30]) == body[30:]


def ssn_ok(ssn: str) -> bool:
    """Whether an SSN (3-2-4, dashes optional) lies in the issued ranges."""
    s = ssn.replace("-", "")
    if len(s) != 9 or not s.isdigit():
        return False
    area, group, serial = int(s[:3]), int(s[3:5]), int(s[5:])
    return area not in (0, 666) and area < 900 and group != 0 and serial != 0


def bip39_ok(phrase: str) -> bool:
    """Whether a phrase of head words carries a valid BIP-39 checksum."""
    words = phrase.split()
    if len(words) not in (12, 15, 18, 21, 24) or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    ent_len = len(bits) * 32 // 33
    entropy = int(bits[:ent_len], 2).to_bytes(ent_len // 8, "big")
    check = format(hashlib.sha256(entropy).digest()[0], "08b")[: len(bits) - ent_len]
    return bits[ent_len:] == check


def b64url_decode(part: str) -> bytes:
    """Decode unpadded base64url (a JWT's parts)."""
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


# ---------------------------------------------------------------------------------------------------------
# Fakes.

_FIRST = [
    "Marisol",
    "Thaddeus",
    "Ingrid",
    "Oluwaseun",
    "Bartholomew",
    "Priyanka",
    "Desmond",
    "Henrietta",
    "Lucian",
    "Annika",
    "Rosalind",
    "Emeka",
    "Fenella",
    "Tobias",
    "Yusuf",
    "Marguerite",
    "Casimir",
    "Imogen",
    "Leopold",
    "Svetlana",
    "Ignatius",
    "Philippa",
    "Obadiah",
    "Wilhelmina",
    "Cornelius",
    "Ottoline",
    "Benedikt",
    "Anouk",
    "Ferdinand",
    "Zuzanna",
    "Caspian",
    "Isolde",
    "Radomir",
    "Esperanza",
    "Lysander",
    "Tamsin",
]
_LAST = [
    "Okonkwo",
    "Vandermeer",
    "Castellanos",
    "Lindqvist",
    "Abernathy",
    "Kowalczyk",
    "Fairbanks",
    "Nakamura",
    "Delacroix",
    "Thistlewood",
    "Oyelaran",
    "Haverford",
    "Quiroga",
    "Szymanski",
    "Ellingsen",
    "Marchetti",
    "Brightwater",
    "Achterberg",
    "Pemberton",
    "Rasmussen",
    "Valcourt",
    "Whitlock",
    "Zielinski",
    "Iwasaki",
    "Okafor",
    "Lachance",
    "Drummond",
    "Halvorsen",
    "Esterhazy",
    "Mwangi",
    "Ferreira",
    "Dubrovsky",
]
_DOMAINS = [
    "fernhollow-mail.net",
    "quillpost.org",
    "brackenridge-fellowship.org",
    "tidewater-casts.net",
    "larchmere.io",
    "copperkiln.net",
    "marrowfield.co",
    "hollisbrook.org",
    "saltmarsh-farms.net",
    "velmora.app",
]
_WORDS = [
    "lantern",
    "mango",
    "copper",
    "finch",
    "harbor",
    "tide",
    "marsh",
    "willow",
    "ember",
    "quartz",
    "saffron",
    "lilac",
    "thistle",
    "orchard",
    "cobalt",
    "juniper",
    "falcon",
    "meadow",
    "pebble",
    "cinder",
    "walnut",
    "heron",
    "velvet",
]


class _Fake:
    """Fakes drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.vi = 0

    def pick(self, seq: Sequence[_T]) -> _T:
        return self.r.choice(seq)

    def n(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet: str, n: int) -> str:
        """A run with at least one letter and one digit."""
        while True:
            s = self.chars(alphabet, n)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def alnum(self, n: int) -> str:
        return self.mixed(_B62, n)

    def hexs(self, n: int, upper: bool = False) -> str:
        s = self.mixed(_HEX, n)
        return s.upper() if upper else s

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + self.chars(string.digits, n - 1)

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(self.r.randbytes(nbytes)).decode()

    def b64url(self, n: int) -> str:
        return self.mixed(_B64URL, n)

    def b32(self, n: int) -> str:
        return self.mixed(_B32, n)

    def uuid(self) -> str:
        h = self.chars(_HEX, 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def sha(self, n: int = 40) -> str:
        return self.chars(_HEX, n)

    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def full(self) -> str:
        a, b = self.person()
        return f"{a} {b}"

    def email(self, first: str = "", last: str = "") -> str:
        if not first:
            first, last = self.person()
        local = self.pick(
            [f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.n(10, 99)}", f"{last}.{first[0]}"]
        ).lower()
        return local + "@" + self.pick(_DOMAINS)

    def password(self) -> str:
        style = self.n(0, 3)
        w1, w2 = self.pick(_WORDS), self.pick(_WORDS)
        if style == 0:
            return f"{w1.capitalize()}-{w2.capitalize()}-{self.n(1000, 9999)}{self.pick('!#%*')}"
        if style == 1:
            return f"{w1}{self.n(10, 99)}{self.pick('!@#$')}{w2.capitalize()}"
        if style == 2:
            return self.mixed(string.ascii_letters + string.digits + "!#%&*+-=?", self.n(16, 22))
        return f"{w1.capitalize()}{self.pick('.!_')}{w2}{self.n(100, 999)}"

    def urlpw(self) -> str:
        """A password that needs no escaping in a URL."""
        return "".join(c if c.isalnum() or c in "-_.!*" else "x" for c in self.password())

    def ip(self) -> str:
        kind = self.n(0, 3)
        last = self.n(100, 254)
        if kind == 0:
            return f"192.168.{self.n(2, 99)}.{last}"
        if kind == 1:
            return f"10.{self.n(11, 99)}.{self.n(11, 99)}.{last}"
        if kind == 2:
            return f"172.{self.n(16, 31)}.{self.n(11, 99)}.{last}"
        return f"100.{self.n(64, 127)}.{self.n(11, 99)}.{last}"

    def card(self) -> str:
        start = self.pick(["4", "51", "52", "53", "54", "55", "2221", "6011"])
        body = start + self.chars(string.digits, 15 - len(start))
        for d in string.digits:
            if luhn_ok(body + d):
                cand = body + d
                if cand != "4242" * 4:
                    return cand
        return self.card()

    def iban(self, country: str = "") -> str:
        country = country or self.pick(list(_IBAN_LENGTHS))
        up = string.ascii_uppercase
        layouts = {
            "GB": lambda: self.chars(up, 4) + self.chars(string.digits, 14),
            "DE": lambda: self.chars(string.digits, 18),
            "NL": lambda: self.chars(up, 4) + self.chars(string.digits, 10),
            "IE": lambda: self.chars(up, 4) + self.chars(string.digits, 14),
            "CH": lambda: self.chars(string.digits, 17),
            "BE": lambda: self.chars(string.digits, 12),
            "AT": lambda: self.chars(string.digits, 16),
        }
        bban = layouts[country]()
        num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
        return f"{country}{98 - num % 97:02d}{bban}"

    def ssn(self, dashes: bool = True) -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        s = f"{area:03d}{self.n(1, 99):02d}{self.n(1, 9999):04d}"
        return f"{s[:3]}-{s[3:5]}-{s[5:]}" if dashes else s

    def jwt(self, payload: dict[str, object]) -> str:
        def enc(b: bytes) -> str:
            return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

        head = enc(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        body = enc(json.dumps(payload, separators=(",", ":")).encode())
        return f"{head}.{body}.{enc(self.r.randbytes(32))}"

    def pem_body(self, rsa: bool) -> tuple[str, str]:
        """A private key's base64 body (64-character lines) and its label."""
        if rsa:
            rest = self.r.randbytes(1186)
            der = b"\x30\x82" + struct.pack(">H", len(rest) + 3) + b"\x02\x01\x00" + rest
            label = "RSA PRIVATE KEY"
        else:
            der = (
                b"\x30\x77\x02\x01\x01\x04\x20"
                + self.r.randbytes(32)
                + bytes.fromhex("a00a06082a8648ce3d03" + "0107a144034200")
                + b"\x04"
                + self.r.randbytes(64)
            )
            label = "EC PRIVATE KEY"
        b = base64.b64encode(der).decode()
        return "\n".join(b[i : i + 64] for i in range(0, len(b), 64)), label

    def openssh_body(self, comment: str) -> str:
        """An OpenSSH private key's base64 body (70-character lines)."""

        def s(b: bytes) -> bytes:
            return struct.pack(">I", len(b)) + b

        pub = self.r.randbytes(32)
        blob = s(b"ssh-ed25519") + s(pub)
        check = self.r.randbytes(4)
        priv = (
            check + check + s(b"ssh-ed25519") + s(pub) + s(self.r.randbytes(32) + pub) + s(comment.encode())
        )
        priv += bytes(range(1, 1 + (-len(priv) % 8)))
        raw = (
            b"openssh-key-v1\x00"
            + s(b"none")
            + s(b"none")
            + s(b"")
            + struct.pack(">I", 1)
            + s(blob)
            + s(priv)
        )
        b = base64.b64encode(raw).decode()
        return "\n".join(b[i : i + 70] for i in range(0, len(b), 70))

    def mnemonic(self) -> str:
        idx = [self.n(0, 127) for _ in range(11)]
        # The last word holds the entropy's final seven bits and four of checksum; its four high bits
        # are zero so that it is a head word too.
        bits = "".join(format(i, "011b") for i in idx) + "0000" + format(self.n(0, 7), "03b")
        ent_bits = bits[:128]
        entropy = int(ent_bits, 2).to_bytes(16, "big")
        check = format(hashlib.sha256(entropy).digest()[0], "08b")[:4]
        full = ent_bits + check
        words = [BIP39_HEAD[int(full[i : i + 11], 2)] for i in range(0, 132, 11)]
        return " ".join(words)

    # Vendor tokens, by their published layouts.
    def crc_token(self, prefix: str) -> str:
        body = self.chars(_B62, 30)
        return prefix + body + _b62_crc(body)

    def vendor(self, cls: str) -> str:
        up_dig = string.ascii_uppercase + string.digits
        if cls == "github-token":
            return self.crc_token(self.pick(["ghp_", "ghp_", "gho_"]))
        if cls == "npm-token":
            return self.crc_token("npm_")
        if cls == "slack-token":
            return f"{self.pick(['xoxb-', 'xoxb-', 'xoxp-'])}{self.digits(11)}-{self.digits(13)}-{self.alnum(24)}"
        if cls == "stripe-key":
            return self.pick(["sk_live_", "sk_live_", "rk_live_"]) + self.alnum(self.r.choice([24, 24, 99]))
        if cls == "stripe-webhook-secret":
            return "whsec_" + self.alnum(32)
        if cls == "sendgrid-key":
            return "SG." + self.b64url(22) + "." + self.b64url(43)
        if cls == "aws-access-key":
            return "AKIA" + self.mixed(string.ascii_uppercase + "234567", 16)
        if cls == "gitlab-token":
            return "glpat-" + self.b64url(20)
        if cls == "digitalocean-token":
            return "dop_v1_" + self.hexs(64)
        if cls == "google-api-key":
            return "AIza" + self.b64url(35)
        if cls == "grafana-token":
            return "glsa_" + self.alnum(32) + "_" + self.hexs(8)
        if cls == "tailscale-key":
            return "tskey-auth-k" + self.alnum(10) + "CNTRL-" + self.alnum(33)
        if cls == "pypi-token":
            return "pypi-" + "AgEIcHlwaS5vcmc" + self.b64url(140)
        if cls == "dockerhub-token":
            return "dckr_pat_" + self.b64url(27)
        if cls == "vault-token":
            return "hvs." + self.b64url(90)
        if cls == "newrelic-key":
            return "NRAK-" + self.mixed(up_dig, 27)
        if cls == "pubnub-secret-key":
            return "sec-c-" + base64.b64encode(self.uuid().encode()).decode().rstrip("=")
        raise ValueError(cls)

    def aws_secret(self) -> str:
        return self.mixed(string.ascii_letters + string.digits + "+/", 40)

    def crypt_hash(self) -> str:
        salt_ab = string.ascii_letters + string.digits + "./"
        kind = self.n(0, 3)
        if kind == 0:
            return "$2b$12$" + self.mixed(salt_ab, 53)
        if kind == 1:
            return "$6$" + self.mixed(salt_ab, 16) + "$" + self.mixed(salt_ab, 86)
        if kind == 2:
            return "pbkdf2_sha256$600000$" + self.alnum(22) + "$" + self.b64(32)
        return "$argon2id$v=19$m=65536,t=3,p=4$" + self.b64(16).rstrip("=") + "$" + self.b64(32).rstrip("=")

    # Look-alikes the policy keeps.
    def filler(self) -> str:
        return self.pick(["ghp_" + "x" * 36, "sk-" + "x" * 20, "xoxb-" + "-".join(["xxxx"] * 3)])

    def placeholder(self) -> str:
        return self.pick(["changeme", "<your-api-key>", "********", "password_here"])

    def phc(self) -> str:
        return "phc_" + self.alnum(43)

    def mapbox_pk(self) -> str:
        head = json.dumps({"u": self.pick(_WORDS) + "-maps", "a": "cl" + self.chars(_B62[:36].lower(), 23)})
        enc = base64.urlsafe_b64encode(head.replace(" ", "").encode()).decode().rstrip("=")
        return "pk." + enc + "." + self.b64url(22)

    def docmail(self) -> str:
        return (
            self.pick(["jane", "john", "alice", "bob", "ops", "support"])
            + "@example."
            + self.pick(["com", "org", "net"])
        )

    def quad(self) -> str:
        return f"{self.n(1, 9)}.{self.n(0, 20)}.{self.n(0, 9)}.{self.n(10, 300)}"

    def doc_ip(self) -> str:
        return self.pick(["192.0.2.", "198.51.100.", "203.0.113."]) + str(self.n(10, 99))

    def aws_example(self) -> str:
        return "AKIA" + "IOSFODNN7" + "EXAMPLE"

    def test_card(self) -> str:
        return " ".join(["4242"] * 4)


# ---------------------------------------------------------------------------------------------------------
# Building documents.


class _Doc:
    """Collects a document's labelled values while its text is written."""

    def __init__(self, f: _Fake) -> None:
        self.f = f
        self.secrets: list[tuple[str, str]] = []
        self.keeps: list[str] = []
        self.multiline = False

    def s(self, cls: str, value: str) -> str:
        assert cls in CLASSES, cls
        if "\n" in value:
            self.multiline = True
        self.secrets.append((cls, value))
        return value

    def k(self, value: str) -> str:
        self.keeps.append(value)
        return value


_Out = tuple[str, str, str]  # text, fence language, file path
_Kind = Callable[[_Fake, _Doc], _Out]


class _Retry(Exception):
    """A draw collided with itself (one value inside another); draw again."""


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


def _clock(f: _Fake) -> Callable[[], str]:
    """A CI runner's clock: one date, ticks of up to two seconds in 100 ns units, never backwards."""
    state = {"t": (f.n(8, 17) * 3600 + f.n(0, 3599)) * 10**7, "day": f.n(1, 28), "month": f.n(1, 12)}

    def tick() -> str:
        state["t"] += f.n(0, 2 * 10**7)
        s, frac = divmod(state["t"], 10**7)
        day = f"2026-{state['month']:02d}-{state['day']:02d}"
        return f"{day}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{frac:07d}Z"

    return tick


def _deliver(f: _Fake, delivery: str, text: str, lang: str, path: str) -> tuple[str, Callable[[str], str]]:
    """The delivered text, and how a value reads inside it."""
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    same: Callable[[str], str] = lambda v: v  # noqa: E731
    if delivery == "plain":
        return text, same
    if delivery == "json":
        field = f.pick(["content", "output", "stdout", "text"])
        obj = {"type": f.pick(["tool_result", "tool_output", "observation"]), field: text, "is_error": False}
        return json.dumps(obj, ensure_ascii=False), lambda v: json.dumps(v, ensure_ascii=False)[1:-1]
    if delivery == "diff":
        rel = path.lstrip("~/")
        head = (
            f"diff --git a/{rel} b/{rel}\nnew file mode 100644\nindex 0000000..{f.sha(7)}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        )
        return head + "\n".join("+" + ln for ln in lines) + "\n", same
    if delivery == "numbered":
        start = f.pick([1, 1, 1, f.n(2, 120)])
        return "\n".join(f"{start + i:6d}\t{ln}" for i, ln in enumerate(lines)) + "\n", same
    if delivery == "cilog":
        tick = _clock(f)
        return "\n".join(f"{tick()} {ln}" for ln in lines) + "\n", same
    intro = f.pick(
        [
            f"Here is `{path}`:",
            f"The current contents of {path}:",
            "This is what the command printed:",
            f"Relevant part of `{path}`:",
        ]
    )
    return f"{intro}\n\n```{lang}\n{body}\n```\n", same


def _word(c: str) -> bool:
    return c.isalnum()


_COMMENT = {
    "sh": "#",
    "ini": "#",
    "yaml": "#",
    "toml": "#",
    "properties": "#",
    "python": "#",
    "javascript": "//",
}
_COMMENT["typescript"] = "//"


def _extra(f: _Fake, d: _Doc, lang: str) -> str:
    """One more line of the kind such files carry, holding a value the policy keeps."""
    if lang in _COMMENT:
        c = _COMMENT[lang]
        which = f.n(0, 6)
        if which == 0:
            return f"{c} examples in the docs use {d.k(f.docmail())}"
        if which == 1:
            return f"{c} last reviewed at {d.k(f.sha())}"
        if which == 2:
            return f"{c} the sample file's default: {d.k(f.placeholder())}"
        if which == 3:
            return f"{c} health check: curl -fsS http://{d.k('127.0.0.1')}:{f.n(3000, 9999)}/healthz"
        if which == 4:
            return f"{c} tested against firmware {d.k(f.quad())}"
        if which == 5:
            return f"{c} fallback resolver {d.k(f.pick(['9.9.9.9', '8.8.4.4', '1.0.0.1']))}"
        return f"{c} the runbook writes {d.k(f.doc_ip())} for this host"
    if lang == "console":
        which = f.n(0, 3)
        if which == 0:
            return f"$ git rev-parse HEAD\n{d.k(f.sha())}"
        if which == 1:
            return f"$ getent hosts localhost\n{d.k('127.0.0.1')}       localhost"
        if which == 2:
            return f"$ cat firmware/VERSION\n{d.k(f.quad())}"
        return f"$ dig +short one.one.one.one\n{d.k('1.1.1.1')}\n{d.k('1.0.0.1')}"
    if lang == "log":
        which = f.n(0, 2)
        if which == 0:
            return f"INFO health probe from {d.k('127.0.0.1')} ok"
        if which == 1:
            return f"INFO running build {d.k(f.sha())}"
        return f"INFO config placeholder {d.k(f.placeholder())} left in the sample, ignored"
    if lang == "xml":
        return f"<!-- exported by build {d.k(f.sha())} -->"
    if lang in ("markdown", "text"):
        return f"(The examples elsewhere use {d.k(f.docmail())}.)"
    return ""


def _make(f: _Fake, kind: _Kind, delivery: str, name: str, setting: str) -> Document:
    d = _Doc(f)
    text, lang, path = kind(f, d)
    if f.n(0, 9) < 8:
        more = _extra(f, d, lang)
        if more:
            text = text.rstrip("\n") + "\n" + more + "\n"
    if d.multiline and delivery not in ("plain", "fence"):
        delivery = f.pick(["plain", "fence"])
    values = [v for _, v in d.secrets] + d.keeps
    for v in values:
        for i in _occurrences(text, v):
            before = text[i - 1] if i else " "
            after = text[i + len(v)] if i + len(v) < len(text) else " "
            if (_word(before) and _word(v[0])) or (_word(after) and _word(v[-1])):
                raise _Retry(name)
        if not _occurrences(text, v):
            raise _Retry(name)
    for a in set(values):
        for b in set(values):
            if a != b and a in b:
                raise _Retry(name)
    out, enc = _deliver(f, delivery, text, lang, path)
    secrets: list[Secret] = []
    spans: list[tuple[int, int]] = []
    for cls, v in dict.fromkeys(d.secrets):
        ev = enc(v)
        occ = _occurrences(out, ev)
        if len(occ) != len(_occurrences(text, v)):
            raise _Retry(name)
        secrets += [Secret(cls, ev, i) for i in occ]
        spans += [(i, i + len(ev)) for i in occ]
    keeps: list[Keep] = []
    for v in dict.fromkeys(d.keeps):
        ev = enc(v)
        occ = _occurrences(out, ev)
        if len(occ) != len(_occurrences(text, v)):
            raise _Retry(name)
        keeps += [Keep(ev, i) for i in occ]
        spans += [(i, i + len(ev)) for i in occ]
    spans.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        raise _Retry(name)
    secrets.sort(key=lambda s: s.offset)
    keeps.sort(key=lambda k: k.offset)
    return Document(name, setting, delivery, out, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of every setting, drawn from one seeded generator."""
    rng = random.Random(seed)
    f = _Fake(rng)
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        kinds = _KINDS[setting]
        counts: dict[str, int] = {}
        for i in range(_PER_SETTING):
            kname, kind = kinds[i % len(kinds)]
            counts[kname] = counts.get(kname, 0) + 1
            name = f"{setting}/{kname}/{counts[kname]:02d}"
            delivery = DELIVERIES[(i + si) % len(DELIVERIES)]
            for _ in range(60):
                try:
                    docs.append(_make(f, kind, delivery, name, setting))
                    break
                except _Retry:
                    continue
            else:
                raise RuntimeError(f"no clean draw for {name}")
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A digest of the corpus, so that any change to it shows."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> list[str]:
    return [text[i : i + 6] for i in range(len(text) - 5)]


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep-rate of a scrub function over documents; no value is reported."""
    secrets = removed = clean = vendor = vendor_removed = kept = spans = 0
    for doc in docs:
        out = scrub(doc.text)
        out_filled = ""
        if doc.secrets:
            chars = list(doc.text)
            for s in doc.secrets:
                chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
            out_filled = scrub("".join(chars))
        for s in doc.secrets:
            secrets += 1
            gone = s.text not in out
            removed += gone
            clean += gone and not any(w in out and w not in out_filled for w in _windows(s.text))
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(secrets),
        "recall": removed / secrets if secrets else 1.0,
        "recall_no_fragment": clean / secrets if secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The scrubber's aggregate figures on this corpus (run by the maintainer, blind)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)


# ---------------------------------------------------------------------------------------------------------
# Shared layouts.

_VENDOR_ORDER = tuple(sorted(_VENDOR_PREFIXES))


def _vendor_snippet(f: _Fake, d: _Doc, cls: str, app: str) -> str:
    """A vendor token where a project keeps or uses one."""
    t = d.s(cls, f.vendor(cls))
    user = f.pick(["deploy", "ci-bot", "release", app.split("-")[0]])
    if cls == "github-token":
        return f.pick(
            [
                f"$ git remote set-url origin https://x-access-token:{t}@github.com/{app}/{app}-infra.git",
                f"export GITHUB_TOKEN={t}\ngh release create v{f.n(1, 4)}.{f.n(0, 9)}.{f.n(0, 20)} --generate-notes",
                f"machine github.com\n  login {user}\n  password {t}",
            ]
        )
    if cls == "npm-token":
        return f.pick(
            [
                f"//registry.npmjs.org/:_authToken={t}\n@{app}:registry=https://registry.npmjs.org/",
                f"NPM_TOKEN={t}",
            ]
        )
    if cls == "pypi-token":
        return f"[pypi]\n  username = __token__\n  password = {t}"
    if cls == "dockerhub-token":
        return f"$ echo {t} | docker login -u {user} --password-stdin\nLogin Succeeded"
    if cls == "slack-token":
        return f.pick([f"SLACK_BOT_TOKEN={t}", f'slack:\n  token: "{t}"\n  channel: "#{app}-alerts"'])
    if cls == "sendgrid-key":
        return f.pick([f"SENDGRID_API_KEY={t}", f'EMAIL_BACKEND_KEY = "{t}"  # SendGrid'])
    if cls == "aws-access-key":
        sec = d.s("aws-secret-key", f.aws_secret())
        return (
            f"[default]\naws_access_key_id = {t}\naws_secret_access_key = {sec}\nregion = eu-west-{f.n(1, 3)}"
        )
    if cls == "gitlab-token":
        return f"$ git clone https://oauth2:{t}@gitlab.com/{app}/{app}-tools.git"
    if cls == "digitalocean-token":
        return f.pick([f"$ doctl auth init --access-token {t}", f"DIGITALOCEAN_TOKEN={t}"])
    if cls == "google-api-key":
        return f.pick(
            [
                f"GOOGLE_MAPS_API_KEY={t}",
                f'<meta-data android:name="com.google.android.geo.API_KEY"\n    android:value="{t}"/>',
            ]
        )
    if cls == "grafana-token":
        return f"GRAFANA_URL=https://grafana.{app}.internal\nGRAFANA_TOKEN={t}"
    if cls == "tailscale-key":
        return f"$ sudo tailscale up --authkey={t} --hostname={app}-gw-{f.n(1, 9)}"
    if cls == "vault-token":
        return f"$ export VAULT_TOKEN={t}\n$ vault kv get -field=url secret/{app}/db"
    if cls == "newrelic-key":
        return f.pick(
            [f"NEW_RELIC_API_KEY={t}", f"newrelic:\n  api_key: {t}\n  account_id: {f.n(1000000, 9999999)}"]
        )
    if cls == "pubnub-secret-key":
        return f"PUBNUB_SECRET_KEY={t}"
    if cls == "stripe-key":
        return f.pick(
            [f"STRIPE_SECRET_KEY={t}", f"$ stripe listen --api-key {t} --forward-to localhost:8000/hooks"]
        )
    if cls == "stripe-webhook-secret":
        return f"STRIPE_WEBHOOK_SECRET={t}"
    raise ValueError(cls)


def _mk_vendor(app: str) -> _Kind:
    def kind(f: _Fake, d: _Doc) -> _Out:
        parts = []
        for _ in range(2):
            cls = _VENDOR_ORDER[f.vi % len(_VENDOR_ORDER)]
            f.vi += 1
            parts.append(_vendor_snippet(f, d, cls, app))
        which = f.n(0, 5)
        if which == 0:
            keep = "# the sample file ships " + d.k(f.filler()) + " as its filler"
        elif which == 1:
            keep = "POSTHOG_KEY=" + d.k(f.phc())
        elif which == 2:
            keep = "MAPBOX_TOKEN=" + d.k(f.mapbox_pk())
        elif which == 3:
            keep = "# CI reads ${{ secrets." + d.k("DEPLOY_TOKEN") + " }} instead"
        elif which == 4:
            keep = "AWS_ACCESS_KEY_ID=" + d.k(f.aws_example()) + "  # from the AWS docs"
        else:
            keep = "# pinned to " + d.k(f.sha())
        layout = f.n(0, 2)
        if layout == 0:
            text = f"# {app}: credentials the deploy scripts read\n" + "\n\n".join(parts) + "\n" + keep + "\n"
            return text, "sh", f"deploy/{app}.env"
        if layout == 1:
            text = (
                f"$ cat ~/.config/{app}/credentials\n" + "\n".join(parts) + f"\n$ ./scripts/release.sh\n"
                f"release: building {app} {f.n(1, 3)}.{f.n(0, 12)}.{f.n(0, 30)}\n{keep}\nrelease: done\n"
            )
            return text, "console", f"notes/{app}-release.txt"
        text = (
            f"Setting up {app} on the new box. Steps so far:\n\n"
            + "\n\n".join(parts)
            + f"\n\nThen:\n{keep}\n"
        )
        return text, "text", f"docs/{app}-setup.md"

    return kind


# ---------------------------------------------------------------------------------------------------------
# 1. Podcast hosting and private feeds.


def _pod_transistor(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.alnum(f.pick([24, 32])))
    show = f.n(10000, 99999)
    ep = f.n(100000, 999999)
    title = f.pick(["Soil and Silence", "The Long Edit", "Pocket Orbit", "Night Shift Notes"])
    if f.n(0, 1):
        text = (
            f'$ curl -s "https://api.transistor.fm/v1/episodes?show_id={show}" \\\n'
            f"    -H \"x-api-key: {key}\" | jq '.data[0] | {{id, title: .attributes.title}}'\n"
            f'{{\n  "id": "{ep}",\n  "title": "{title} #{f.n(10, 140)}"\n}}\n'
            f"$ echo $?\n0\n"
        )
        return text, "console", "notes/transistor.txt"
    text = (
        "import os\nimport requests\n\n"
        f'API = "https://api.transistor.fm/v1"\nHEADERS = {{"x-api-key": "{key}"}}\n\n\n'
        "def publish(episode_id: str) -> None:\n"
        '    r = requests.patch(f"{API}/episodes/{episode_id}/publish", headers=HEADERS,\n'
        '                       json={"episode": {"status": "published"}}, timeout=30)\n'
        "    r.raise_for_status()\n\n\n"
        f'if __name__ == "__main__":\n    publish(os.environ.get("EPISODE_ID", "{ep}"))\n'
    )
    return text, "python", "tools/transistor_publish.py"


def _pod_feed(f: _Fake, d: _Doc) -> _Out:
    first, last = f.person()
    owner = d.s("person-name", f"{first} {last}")
    mail = d.s("email", f.email(first, last))
    tok = d.s("token", f.b64url(f.pick([32, 40])))
    slug = f.pick(["members-only", "patron-feed", "backstage", "staff-briefing"])
    editor = d.k(f.pick(["noreply@", "no-reply@"]) + f.pick(_DOMAINS))
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n'
        f"    <title>{slug.replace('-', ' ').title()}</title>\n"
        f'    <atom:link href="https://feeds.transistor.fm/{slug}?token={tok}" rel="self" '
        'type="application/rss+xml"/>\n'
        f"    <managingEditor>{editor}</managingEditor>\n"
        f"    <itunes:owner>\n      <itunes:name>{owner}</itunes:name>\n      <itunes:email>{mail}</itunes:email>\n"
        "    </itunes:owner>\n    <itunes:block>Yes</itunes:block>\n"
        f"    <item>\n      <title>Episode {f.n(2, 90)}</title>\n"
        f'      <guid isPermaLink="false">{f.uuid()}</guid>\n'
        f'      <enclosure url="https://media.transistor.fm/{f.sha(8)}/{f.sha(8)}.mp3" '
        f'length="{f.n(10**7, 9 * 10**7)}"'
        ' type="audio/mpeg"/>\n    </item>\n  </channel>\n</rss>\n'
    )
    return text, "xml", f"feeds/{slug}.xml"


def _pod_listeners(f: _Fake, d: _Doc) -> _Out:
    rows = []
    for _ in range(1):
        first, last = f.person()
        rows.append((d.s("person-name", f"{first} {last}"), d.s("email", f.email(first, last))))
    sep = f.pick([",", ";"])
    head = sep.join(["full_name", "email", "subscribed_at", "plan", "status"])
    lines = [head]
    for name, mail in rows:
        lines.append(
            sep.join(
                [name, mail, f"2026-0{f.n(1, 9)}-{f.n(10, 28)}", f.pick(["supporter", "annual"]), "active"]
            )
        )
    lines.append(sep.join([d.k("Jane Doe"), d.k("jane.doe@example.com"), "2026-01-02", "trial", "test-row"]))
    text = "\n".join(lines) + "\n"
    if f.n(0, 1):
        text = f"$ head -n {len(lines)} exports/private-subscribers.csv\n" + text
    return text, "csv", "exports/private-subscribers.csv"


def _pod_env_a(f: _Fake, d: _Doc) -> _Out:
    buzz = d.s("token", f.hexs(32))
    db = d.s("db-password", f.password())
    text = (
        "# podcast-site production settings\n"
        f"BUZZSPROUT_PODCAST_ID={f.n(1000000, 2999999)}\n"
        f"BUZZSPROUT_API_TOKEN={buzz}\n"
        f"DATABASE_PASSWORD={db}\n"
        "DATABASE_HOST=pg-main.internal\n"
        f"POSTHOG_KEY={d.k(f.phc())}\n"
        f"PUBLIC_URL=https://{f.pick(_DOMAINS)}\n"
        f"SMTP_PASSWORD={d.k(f.pick(['changeme', '${SMTP_PASSWORD}']))}\n"
    )
    return text, "sh", ".env.production"


def _pod_access_log(f: _Fake, d: _Doc) -> _Out:
    ips = [d.s("ip-address", f.ip())]
    tok = d.s("token", f.alnum(32))
    lines = []
    for ip in ips:
        lines.append(
            f"{ip} - - [{f.n(10, 28)}/Oct/2026:0{f.n(1, 9)}:{f.n(10, 59)}:{f.n(10, 59)} +0000] "
            f'"GET /private/{f.pick(["backstage", "members"])}.rss?token={tok} HTTP/1.1" 200 {f.n(9000, 99000)} '
            f'"-" "{f.pick(["Overcast/3.0", "AppleCoreMedia/1.0.0.22A", "PocketCasts/1.0"])}"'
        )
    lines.append(
        f"{ips[0]} - - [{f.n(10, 28)}/Oct/2026:0{f.n(1, 9)}:{f.n(10, 59)}:{f.n(10, 59)} "
        '+0000] "GET /artwork/cover-3000.jpg HTTP/1.1" 304 0 "-" "Overcast/3.0"'
    )
    lines.append(
        f'{d.k("127.0.0.1")} - - [{f.n(10, 28)}/Oct/2026:04:00:01 +0000] "GET /healthz '
        'HTTP/1.1" 200 2 "-" "curl/8.5.0"'
    )
    text = "$ tail -n 4 /var/log/nginx/feeds.access.log\n" + "\n".join(lines) + "\n"
    return text, "log", "logs/feeds.access.log"


def _pod_buzzsprout(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("token", f.hexs(32))
    pid = f.n(1000000, 2999999)
    text = (
        f"$ curl -sS https://www.buzzsprout.com/api/{pid}/episodes.json \\\n"
        f"    -H 'Authorization: Token token={tok}' | jq length\n{f.n(20, 300)}\n"
        f"$ curl -sS -o /dev/null -w '%{{http_code}}\\n' https://www.buzzsprout.com/api/{pid}/episodes.json"
        f" -H 'Authorization: Token token={d.k('${BUZZSPROUT_TOKEN}')}'\n401\n"
    )
    return text, "console", "notes/buzzsprout.txt"


def _pod_ci(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.alnum(32))
    text = (
        "Run ./scripts/upload-episode.sh\n"
        f"::add-mask::{key}\n"
        f"Uploading episode-{f.n(100, 300)}.mp3 ({f.n(40, 90)}.{f.n(1, 9)} MB)\n"
        f"Using key from ${{{{ secrets.{d.k('TRANSISTOR_API_KEY')} }}}}\n"
        f"Audio checksum sha1 {d.k(f.sha())}\n"
        "Episode scheduled.\n"
    )
    return text, "text", ".github/workflows/publish.log"


# ---------------------------------------------------------------------------------------------------------
# 2. Church and membership management.


def _ch_pco(f: _Fake, d: _Doc) -> _Out:
    app_id = f.hexs(64)
    sec = d.s("secret", f.hexs(64))
    first, last = f.person()
    fn, ln = d.s("person-name", first), d.s("person-name", last)
    pid = f.n(10000000, 99999999)
    text = (
        f"$ curl -s -u {app_id}:{sec} \\\n"
        f'    "https://api.planningcenteronline.com/people/v2/people?where[search_name]={last.lower()}"\n'
        '{\n  "data": [\n    {\n      "type": "Person",\n'
        f'      "id": "{pid}",\n      "attributes": {{\n'
        f'        "first_name": "{fn}",\n        "last_name": "{ln}",\n'
        f'        "membership": "{f.pick(["Member", "Regular Attender", "Visitor"])}",\n'
        f'        "status": "active"\n      }}\n    }}\n  ],\n'
        '  "included": [],\n  "meta": { "total_count": 1 }\n}\n'
    )
    return text, "console", "notes/pco-lookup.txt"


def _ch_directory(f: _Fake, d: _Doc) -> _Out:
    lines = ["Name;Email;Phone;Household;Small group"]
    for _ in range(1):
        first, last = f.person()
        name = d.s("person-name", f"{first} {last}")
        mail = d.s("email", f.email(first, last))
        lines.append(
            f"{name};{mail};+44 7{f.n(100, 999)} {f.n(100000, 999999)};"
            f"{last} household;{f.pick(['Tuesday', 'Alpha', 'Youth'])}"
        )
    lines.append(f"{d.k('John Doe')};{d.k('office@example.com')};;Church office;")
    text = "\n".join(lines) + "\n"
    return text, "csv", "exports/member-directory.csv"


def _ch_giving_a(f: _Fake, d: _Doc) -> _Out:
    lines = ["donor_name,email,amount,fund,method,account"]
    for _ in range(1):
        first, last = f.person()
        name = d.s("person-name", f"{first} {last}")
        mail = d.s("email", f.email(first, last))
        if f.n(0, 1):
            acct = d.s("iban", f.iban(f.pick(["GB", "IE", "NL", "DE"])))
            method = "standing order"
        else:
            acct = d.s("card-number", f.card())
            method = "card"
        lines.append(
            f"{name},{mail},{f.n(5, 400)}.00,{f.pick(['General', 'Building', 'Missions'])},{method},{acct}"
        )
    lines.append(f"Test Donor,{d.k('giving@example.com')},1.00,General,card,{d.k(f.test_card())}")
    text = "\n".join(lines) + "\n"
    if f.n(0, 1):
        text = "# giving export, Q3 (do not forward)\n" + text
    return text, "csv", "exports/giving-q3.csv"


def _ch_churchsuite(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.alnum(40))
    acct = f.pick(["stmarks", "hopecity", "riverside", "northgate"])
    if f.n(0, 1):
        text = (
            f"$ curl -s https://api.churchsuite.com/v1/addressbook/contacts?per_page=1 \\\n"
            f"    -H 'X-Account: {acct}' -H 'X-Application: rota-sync' \\\n"
            f"    -H 'X-Auth: {key}' | jq '.pagination'\n"
            f'{{\n  "no_results": {f.n(200, 900)},\n  "page": 1,\n  "per_page": 1\n}}\n'
        )
        return text, "console", "notes/churchsuite.txt"
    text = (
        "churchsuite:\n"
        f"  account: {acct}\n  application: rota-sync\n"
        f"  api_key: {key}\n"
        f"  base_url: https://api.churchsuite.com/v1\n"
        f"sync:\n  interval_minutes: {f.pick([15, 30, 60])}\n  notify: {d.k('noreply@' + acct + '.example')}\n"
    )
    return text, "yaml", "config/churchsuite.yml"


def _ch_django(f: _Fake, d: _Doc) -> _Out:
    sk = d.s("secret", f.mixed(string.ascii_lowercase + string.digits + "!@#%^&*(-_=+)", 50))
    smtp = d.s("smtp-password", f.password())
    text = (
        '"""Production settings for the church website."""\n\nimport os\n\nfrom .base import *  # noqa\n\n'
        f"SECRET_KEY = '{sk}'\nDEBUG = False\n\n"
        "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n"
        "        'NAME': 'church',\n        'USER': 'church',\n"
        f"        'PASSWORD': os.environ['{d.k('DB_PASSWORD')}'],\n        'HOST': 'db.internal',\n    }}\n}}\n\n"
        "EMAIL_HOST = 'smtp.mailgun.org'\n"
        f"EMAIL_HOST_PASSWORD = '{smtp}'\n"
        f"DEFAULT_FROM_EMAIL = '{d.k('noreply@example.com')}'\n"
    )
    return text, "python", "church/settings/production.py"


def _ch_users(f: _Fake, d: _Doc) -> _Out:
    rows = []
    for _ in range(1):
        mail = d.s("email", f.email())
        h = d.s("password-hash", f.crypt_hash())
        rows.append(f" {f.n(10, 999):>3} | {mail:<34} | {h} | {f.pick(['t', 'f'])}")
    text = (
        "church=> SELECT id, email, password, is_staff FROM accounts_user ORDER "
        f"BY last_login DESC LIMIT {len(rows)};\n"
        "  id |               email                |   password   | is_staff\n"
        "-----+------------------------------------+--------------+----------\n"
        + "\n".join(rows)
        + f"\n({len(rows)} row{'s' if len(rows) > 1 else ''})\n"
    )
    return text, "text", "notes/users.txt"


def _ch_webhook(f: _Fake, d: _Doc) -> _Out:
    wh = d.s("stripe-webhook-secret", f.vendor("stripe-webhook-secret"))
    sk = d.s("stripe-key", f.vendor("stripe-key"))
    text = (
        "import stripe\nfrom flask import Flask, request\n\napp = Flask(__name__)\n"
        f'stripe.api_key = "{sk}"\nENDPOINT_SECRET = "{wh}"\n\n\n'
        '@app.post("/giving/webhook")\ndef webhook():\n'
        '    sig = request.headers.get("Stripe-Signature")\n'
        "    event = stripe.Webhook.construct_event(request.data, sig, ENDPOINT_SECRET)\n"
        '    if event["type"] == "charge.succeeded":\n        record_gift(event["data"]["object"])\n'
        '    return "", 204\n'
    )
    return text, "python", "giving/webhook.py"


# ---------------------------------------------------------------------------------------------------------
# 3. Realtime messaging.


def _rt_ably(f: _Fake, d: _Doc) -> _Out:
    app, kid = f.b64url(6), f.b64url(6)
    sec = d.s("secret", f.b64url(43))
    if f.n(0, 1):
        text = (
            f'ABLY_API_KEY="{app}.{kid}:{sec}"\n'
            f"ABLY_ENVIRONMENT=production\n"
            f"# clients get tokens from /api/ably-token, never the key\n"
            f"ABLY_CLIENT_KEY_PLACEHOLDER={d.k('<your-api-key>')}\n"
        )
        return text, "sh", ".env.local"
    tok = d.s(
        "jwt",
        f.jwt(
            {
                "x-ably-capability": '{"chat:*":["publish","subscribe"]}',
                "x-ably-clientId": f.uuid(),
                "iat": 1790000000 + f.n(0, 9999999),
                "exp": 1790003600 + f.n(0, 9999999),
            }
        ),
    )
    text = (
        'import Ably from "ably";\n\n'
        f'const rest = new Ably.Rest({{ key: "{app}.{kid}:{sec}" }});\n\n'
        "export async function GET() {\n"
        '  const tokenRequest = await rest.auth.createTokenRequest({ clientId: "web" });\n'
        "  return Response.json(tokenRequest);\n}\n\n"
        f'// pasted from the browser while debugging\nconst DEBUG_TOKEN = "{tok}";\n'
    )
    return text, "javascript", "app/api/ably-token/route.ts"


def _rt_pusher(f: _Fake, d: _Doc) -> _Out:
    key = f.hexs(20)
    sec = d.s("secret", f.hexs(20))
    app = f.n(1000000, 1999999)
    if f.n(0, 1):
        text = (
            f"PUSHER_APP_ID={app}\nPUSHER_APP_KEY={key}\nPUSHER_APP_SECRET={sec}\n"
            f"PUSHER_APP_CLUSTER={f.pick(['eu', 'mt1', 'ap2'])}\nBROADCAST_DRIVER=pusher\n"
            f"VITE_PUSHER_APP_KEY={d.k('${PUSHER_APP_KEY}')}\n"
        )
        return text, "sh", ".env"
    text = (
        'const Pusher = require("pusher");\n\nconst pusher = new Pusher({\n'
        f'  appId: "{app}",\n  key: "{key}",\n  secret: "{sec}",\n  cluster: "eu",\n  useTLS: true,\n}});\n\n'
        'app.post("/pusher/auth", (req, res) => {\n'
        "  const { socket_id, channel_name } = req.body;\n"
        "  res.send(pusher.authorizeChannel(socket_id, channel_name));\n});\n"
    )
    return text, "javascript", "server/pusher.js"


def _rt_pubnub(f: _Fake, d: _Doc) -> _Out:
    pub, sub = "pub-c-" + f.uuid(), "sub-c-" + f.uuid()
    sec = d.s("pubnub-secret-key", f.vendor("pubnub-secret-key"))
    if f.n(0, 1):
        text = (
            "pubnub:\n"
            f"  publish_key: {pub}\n  subscribe_key: {sub}\n  secret_key: {sec}\n"
            f"  user_id: server-{f.pick(['eu', 'us'])}-1\n  # example: secret_key: {d.k(f.placeholder())}\n"
        )
        return text, "yaml", "config/pubnub.yml"
    text = (
        "from pubnub.pnconfiguration import PNConfiguration\nfrom pubnub.pubnub import PubNub\n\n"
        f'cfg = PNConfiguration()\ncfg.publish_key = "{pub}"\ncfg.subscribe_key = "{sub}"\n'
        f'cfg.secret_key = "{sec}"\ncfg.user_id = "grant-service"\npubnub = PubNub(cfg)\n'
    )
    return text, "python", "grants/pubnub_client.py"


def _hms(f: _Fake) -> Callable[[], str]:
    """A log's wall clock: one time of day, moving forward a few seconds a line."""
    state = {"t": f.n(6, 22) * 3600 + f.n(0, 3599)}

    def tick() -> str:
        state["t"] += f.n(0, 40)
        t = state["t"]
        return f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"

    return tick


def _rt_socketlog(f: _Fake, d: _Doc) -> _Out:
    ip1, ip2 = d.s("ip-address", f.ip()), d.s("ip-address", f.ip())
    wskey = d.k(f.b64(16))
    hms = _hms(f)
    if f.n(0, 1):
        text = (
            f"{hms()} ws upgrade from {ip1}:{f.n(30000, 65000)}\n"
            f"  GET /socket?v=4 HTTP/1.1\n  Upgrade: websocket\n  Sec-WebSocket-Key: {wskey}\n"
            "  Sec-WebSocket-Version: 13\n"
            f"{hms()} auth ok user=u_{f.n(10000, 99999)} "
            f"channels=presence-room-{f.n(1, 99)}\n"
            f"{hms()} ws close from {ip2} code=1006 reason=abnormal\n"
            f"{hms()} metrics pushed to {d.k('127.0.0.1')}:9102\n"
        )
        return text, "log", "logs/socket-gateway.log"
    day = f"2026-0{f.n(1, 9)}-{f.n(10, 28)}"
    rows = [
        {
            "ts": f"{day}T{hms()}Z",
            "level": "info",
            "msg": "upgrade",
            "remote": f"{ip1}:{f.n(30000, 65000)}",
            "headers": {"sec-websocket-key": wskey, "sec-websocket-version": "13"},
        },
        {
            "ts": f"{day}T{hms()}Z",
            "level": "info",
            "msg": "subscribed",
            "channel": f"private-order-{f.n(100, 999)}",
        },
        {"ts": f"{day}T{hms()}Z", "level": "warn", "msg": "ping timeout", "remote": ip2},
    ]
    return "\n".join(json.dumps(r) for r in rows) + "\n", "log", "logs/soketi.jsonl"


def _rt_centrifugo(f: _Fake, d: _Doc) -> _Out:
    hmac = d.s("secret", f.alnum(36))
    admin_pw = d.s("password", f.password())
    api = f.uuid()
    text = json.dumps(
        {
            "token_hmac_secret_key": hmac,
            "admin": True,
            "admin_password": admin_pw,
            "api_key": api,
            "allowed_origins": ["https://" + f.pick(_DOMAINS)],
            "presence": True,
        },
        indent=2,
    )
    return text + "\n", "json", "centrifugo/config.json"


def _rt_handshake(f: _Fake, d: _Doc) -> _Out:
    cookie = d.s("session-cookie", f.b64url(f.pick([32, 48])))
    text = (
        "> GET /cable HTTP/1.1\n> Host: chat." + f.pick(_DOMAINS) + "\n> Upgrade: websocket\n"
        f"> Sec-WebSocket-Key: {d.k(f.b64(16))}\n"
        f"> Cookie: _session_id={cookie}; "
        f"_ga={d.k('GA1.2.' + str(f.n(100000000, 999999999)) + '.' + str(f.n(1700000000, 1799999999)))}"
        "\n"
        f"< HTTP/1.1 101 Switching Protocols\n< Sec-WebSocket-Accept: {f.b64(20)}\n"
    )
    return text, "http", "notes/cable-handshake.txt"


def _rt_ci(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("github-token", f.vendor("github-token"))
    ip = d.s("ip-address", f.ip())
    text = (
        "Run git push deploy main\n"
        f"remote: Resolving deltas: 100% ({f.n(3, 40)}/{f.n(40, 80)})\n"
        f"To https://x-access-token:{tok}@github.com/relay-org/relay.git\n"
        f"   {f.sha(7)}..{f.sha(7)}  main -> main\n"
        f"Deploying relay to node {ip} (private)\n"
        f"Health check {d.k('http://127.0.0.1:8080/health')} -> 200\n"
    )
    return text, "text", "ci/deploy.log"


# ---------------------------------------------------------------------------------------------------------
# 4. 3D printing farms.


def _pf_octo_config(f: _Fake, d: _Doc) -> _Out:
    salt = d.s("salt", f.alnum(32))
    skey = d.s("secret", f.alnum(32))
    text = (
        "accessControl:\n"
        f"  salt: {salt}\n"
        "api:\n"
        f"  key: {f.hexs(32, upper=True)}\n"
        "plugins:\n  _disabled:\n  - softwareupdate\n"
        f"  octolapse:\n    version: {d.k('0.4.' + str(f.n(1, 5)))}\n"
        "server:\n"
        f"  firstRun: false\n  secretKey: {skey}\n"
        "  onlineCheck:\n    enabled: true\n"
        f"    host: {d.k(f.pick(['8.8.8.8', '1.1.1.1']))}\n"
    )
    return text, "yaml", "octoprint/config.yaml"


def _pf_octo_api(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.b64url(43))
    host = f"octopi-{f.pick(['mk4', 'ender', 'voron'])}-{f.n(1, 20):02d}.local"
    text = (
        f"$ curl -s http://{host}/api/job -H \"X-Api-Key: {key}\" | jq '.progress'\n"
        f'{{\n  "completion": {f.n(1, 99)}.{f.n(10, 99)},\n  "filepos": {f.n(10000, 900000)},\n'
        f'  "printTime": {f.n(100, 9000)},\n  "printTimeLeft": {f.n(100, 9000)}\n}}\n'
        f"$ curl -s http://{host}/api/version -H 'X-Api-Key: {d.k('<your-api-key>')}'\n"
        '{"error": "Invalid API key"}\n'
    )
    return text, "console", "notes/octoprint.txt"


def _pf_moonraker(f: _Fake, d: _Doc) -> _Out:
    plug = d.s("ip-address", f.ip())
    mqtt_pw = d.s("mqtt-password", f.password())
    text = (
        "[server]\nhost: 0.0.0.0\nport: 7125\n\n"
        "[authorization]\ntrusted_clients:\n"
        f"    {d.k('192.168.1.0/24')}\n    {d.k('127.0.0.1')}\ncors_domains:\n    *.local\n\n"
        "[power printer]\ntype: tplink_smartplug\n"
        f"address: {plug}\n\n"
        "[mqtt]\naddress: mqtt.farm.lan\nport: 1883\nusername: klipper\n"
        f"password: {mqtt_pw}\n"
        "enable_moonraker_api: True\n"
    )
    return text, "ini", "printer_data/config/moonraker.conf"


def _pf_klippy(f: _Fake, d: _Doc) -> _Out:
    ip = d.s("ip-address", f.ip())
    sha = d.k(f.sha())
    text = (
        "$ grep -m4 -E 'Git version|Args|webhooks|Python' ~/printer_data/logs/klippy.log\n"
        "Args: ['/home/pi/klipper/klippy/klippy.py', '/home/pi/printer_data/config/printer.cfg']\n"
        f"Git version: '{d.k('v0.12.0-' + str(f.n(100, 400)) + '-g' + sha[:8])}'\n"
        "Python: '3.11.2 (main, Mar 13 2026, 12:32:05)'\n"
        f"webhooks client {f.n(10000, 99999)}: New connection from {ip}\n"
        f"$ git -C ~/klipper rev-parse HEAD\n{sha}\n"
    )
    return text, "console", "notes/klippy.txt"


def _pf_bambu(f: _Fake, d: _Doc) -> _Out:
    serial = "01S00A" + f.digits(9)
    if f.n(0, 1):
        ip = d.s("ip-address", f.ip())
        text = (
            f"$ mosquitto_sub -h {ip} -p 8883 --insecure -u bblp -P {f.digits(8)} \\\n"
            f"    -t 'device/{serial}/report' -C 1 | jq '.print.gcode_state'\n\"RUNNING\"\n"
            f"# printer LAN mode; broadcast discovery on {d.k('239.255.255.250')}:2021\n"
        )
        return text, "console", "notes/bambu-lan.txt"
    tok = d.s(
        "jwt",
        f.jwt({"username": "u_" + f.digits(10), "iat": 1790000000 + f.n(0, 9999999), "exp": 1797776000}),
    )
    text = (
        "$ curl -s -X POST https://api.bambulab.com/v1/user-service/user/login \\\n"
        "    -H 'Content-Type: application/json' -d @login.json | jq '{accessToken, expiresIn}'\n"
        f'{{\n  "accessToken": "{tok}",\n  "expiresIn": 7776000\n}}\n'
        f"# farm printers: {serial}\n"
    )
    return text, "console", "notes/bambu-cloud.txt"


def _pf_queue(f: _Fake, d: _Doc) -> _Out:
    jobs: list[dict[str, object]] = []
    for _ in range(1):
        first, last = f.person()
        jobs.append(
            {
                "job_id": f.n(1000, 9999),
                "file": f.pick(["bracket_v3.gcode", "enclosure_lid.3mf", "gear_42t.gcode", "clip_x20.3mf"]),
                "submitted_by": {
                    "name": d.s("person-name", f"{first} {last}"),
                    "email": d.s("email", f.email(first, last)),
                },
                "printer": f.pick(["mk4-03", "x1c-01", "voron-02"]),
                "state": f.pick(["queued", "printing", "done"]),
            }
        )
    jobs[0]["sha256"] = d.k(f.sha(64))
    jobs.append(
        {
            "job_id": f.n(1000, 9999),
            "file": "calibration_cube.gcode",
            "submitted_by": {"name": d.k("Jane Doe"), "email": d.k("jane@example.com")},
            "printer": "mk4-01",
            "state": "done",
        }
    )
    text = json.dumps({"queue": jobs}, indent=2)
    return text + "\n", "json", "exports/print-queue.json"


def _pf_farm_env(f: _Fake, d: _Doc) -> _Out:
    mpw = d.s("url-password", f.urlpw())
    tg = d.s("token", f.digits(10) + ":AA" + f.b64url(33))
    text = (
        "# OctoFarm / notifications\n"
        f"MONGO=mongodb://octofarm:{mpw}@mongo:27017/octofarm?authSource=admin\n"
        f"OCTOFARM_PORT=4000\nTELEGRAM_BOT_TOKEN={tg}\n"
        f"TELEGRAM_CHAT_ID=-{f.digits(10)}\n"
        f"LISTEN_ADDR={d.k('0.0.0.0')}\n"
    )
    return text, "sh", "octofarm/.env"


# ---------------------------------------------------------------------------------------------------------
# 5. Solar and home energy monitoring.


def _en_envoy(f: _Fake, d: _Doc) -> _Out:
    tok = d.s(
        "jwt",
        f.jwt(
            {
                "aud": "1220" + f.digits(8),
                "iss": "Entrez",
                "enphaseUser": "owner",
                "exp": 1820000000 + f.n(0, 9999999),
            }
        ),
    )
    if f.n(0, 1):
        text = (
            f'$ curl -sk -H "Authorization: Bearer {tok}" https://envoy.local/api/v1/production\n'
            f'{{\n  "wattHoursToday": {f.n(1000, 40000)},\n  "wattHoursSevenDays": {f.n(100000, 300000)},\n'
            f'  "wattsNow": {f.n(0, 9000)}\n}}\n'
        )
        return text, "console", "notes/envoy.txt"
    text = (
        "import requests\n\n"
        f'ENVOY_TOKEN = "{tok}"\n\n\n'
        "def production() -> dict:\n"
        '    r = requests.get("https://envoy.local/ivp/meters/readings",\n'
        '                     headers={"Authorization": f"Bearer {ENVOY_TOKEN}"}, verify=False, timeout=10)\n'
        "    return r.json()\n"
    )
    return text, "python", "energy/envoy.py"


def _en_enlighten(f: _Fake, d: _Doc) -> _Out:
    cid = f.hexs(32)
    csec = d.s("secret", f.hexs(32))
    key = d.s("api-key", f.hexs(32))
    mail = d.k(f.docmail())
    pw = d.s("password", f.urlpw())
    text = (
        "# Enlighten v4 app credentials\n"
        f"ENPHASE_CLIENT_ID={cid}\nENPHASE_CLIENT_SECRET={csec}\nENPHASE_API_KEY={key}\n\n"
        f'$ curl -s -X POST "https://api.enphaseenergy.com/oauth/token?grant_type=password&username={mail}'
        f'&password={pw}" \\\n'
        '    -u "$ENPHASE_CLIENT_ID:$ENPHASE_CLIENT_SECRET" | jq .expires_in\n86393\n'
    )
    return text, "sh", "notes/enlighten.txt"


def _en_solaredge_a(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.mixed(string.ascii_uppercase + string.digits, 32))
    site = f.n(1000000, 4999999)
    text = (
        f'$ curl -s "https://monitoringapi.solaredge.com/site/{site}/overview?api_key={key}&format=json" '
        "| jq .overview.currentPower\n"
        f'{{\n  "power": {f.n(0, 9000)}.0\n}}\n'
        f'$ curl -s "https://monitoringapi.solaredge.com/site/{site}/overview?api_key={d.k("<your-api-key>")}"\n'
        "Invalid token\n"
    )
    return text, "console", "notes/solaredge.txt"


def _en_powerwall(f: _Fake, d: _Doc) -> _Out:
    ip = d.s("ip-address", f.pick(["192.168.91.1", f.ip()]))
    pw = d.s("password", f.password())
    tok = d.s("token", f.b64(66))
    text = (
        f"PW_HOST={ip}\nPW_EMAIL={d.k(f.docmail())}\nPW_PASSWORD={pw}\nPW_TIMEZONE=Europe/London\n\n"
        "$ curl -sk -X POST \"https://$PW_HOST/api/login/Basic\" -H 'Content-Type: application/json' \\\n"
        '    -d \'{"username":"customer","password":"\'"$PW_PASSWORD"\'","email":"\'"$PW_EMAIL"\'"}\'\n'
        f'{{"email":"","firstname":"Tesla","lastname":"Energy","roles":["Home_Owner"],'
        f'"token":"{tok}","provider":"Basic"}}\n'
    )
    return text, "sh", "powerwall/pypowerwall.env"


def _en_ha_secrets(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("jwt", f.jwt({"iss": f.hexs(32), "iat": 1790000000 + f.n(0, 9999999), "exp": 2105000000}))
    key = d.s("api-key", f.mixed(string.ascii_uppercase + string.digits, 32))
    if f.n(0, 1):
        text = (
            "# secrets.yaml\n"
            f"envoy_token: {tok}\nsolaredge_api_key: {key}\n"
            f"latitude_home: {f.n(50, 57)}.{f.n(1000, 9999)}\n"
        )
        return text, "yaml", "homeassistant/secrets.yaml"
    text = (
        "# configuration.yaml (excerpt)\nsensor:\n  - platform: solaredge\n"
        f"    api_key: {key}\n    site_id: '{f.n(1000000, 4999999)}'\n"
        "powerwall:\n"
        f"  access_token: {tok}\n"
        f"enphase_envoy:\n  token: {d.k('!secret envoy_token')}\n"
    )
    return text, "yaml", "homeassistant/configuration.yaml"


def _en_ipaddr(f: _Fake, d: _Doc) -> _Out:
    ip = f"192.168.{f.n(2, 99)}.{f.n(100, 254)}"
    own = d.s("ip-address", ip)
    brd = ip.rsplit(".", 1)[0] + ".255"
    mac = ":".join(f.sha(2) for _ in range(6))
    text = (
        "pi@solar-gw:~ $ ip -4 addr show\n"
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
        f"    inet {d.k('127.0.0.1')}/8 scope host lo\n"
        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000\n"
        f"    link/ether {mac} brd ff:ff:ff:ff:ff:ff\n"
        f"    inet {own}/24 brd {brd} scope global dynamic eth0\n"
        f"pi@solar-gw:~ $ ping -c1 -W1 {d.k('1.1.1.1')} | tail -1\n"
        f"rtt min/avg/max/mdev = {f.n(5, 30)}.{f.n(100, 999)}/{f.n(5, 30)}.{f.n(100, 999)}/{f.n(5, 30)}.{f.n(100, 999)}"
        "/0.000 ms\n"
    )
    return text, "console", "notes/solar-gw-net.txt"


def _en_grafana(f: _Fake, d: _Doc) -> _Out:
    admin = d.s("password", f.password())
    text = (
        "[security]\n"
        f"admin_user = admin\nadmin_password = {admin}\n\n"
        "[server]\n"
        f"http_addr = {d.k('0.0.0.0')}\nhttp_port = 3000\n\n"
        "# datasources/influx.yaml\n"
        "#   secureJsonData:\n"
        f"#     token: {d.k('$__env{INFLUX_TOKEN}')}\n"
    )
    return text, "ini", "grafana/grafana.ini"


# ---------------------------------------------------------------------------------------------------------
# 6. Parking, micromobility and EV charging.


def _mo_ocpp(f: _Fake, d: _Doc) -> _Out:
    cp = f"CP-{f.pick(['DEPOT', 'GARAGE', 'LOT'])}-{f.n(1, 40):02d}"
    pw = f.alnum(f.pick([20, 24]))
    basic = d.s("basic-auth", base64.b64encode(f"{cp}:{pw}".encode()).decode())
    ip = d.s("ip-address", f.ip())
    text = (
        f"[csms] connection from {ip}:{f.n(30000, 60000)} path=/ocpp/{cp}\n"
        "[csms]   Upgrade: websocket\n"
        f"[csms]   Sec-WebSocket-Key: {d.k(f.b64(16))}\n"
        "[csms]   Sec-WebSocket-Protocol: ocpp1.6\n"
        f"[csms]   Authorization: Basic {basic}\n"
        f'[csms] <- [2,"{f.uuid()}","BootNotification",{{"chargePointVendor":"{f.pick(["Alfen", "Zaptec", "Wallbox"])}'
        '",'
        f'"chargePointModel":"{f.pick(["Eve Single", "Pro", "Pulsar Plus"])}",'
        f'"firmwareVersion":"{d.k("4." + str(f.n(1, 9)) + ".0." + str(f.n(10, 99)))}'
        f'"}}]\n'
        f'[csms] -> [3,"{f.uuid()}",{{"status":"Accepted","currentTime":"2026-10-0{f.n(1, 9)}T10:00:00Z",'
        f'"interval":300}}]\n'
    )
    return text, "log", "logs/csms.log"


def _mo_steve(f: _Fake, d: _Doc) -> _Out:
    db = d.s("db-password", f.password())
    auth = d.s("password", f.password())
    text = (
        "# SteVe - main configuration\ncontext.path = steve\nsteve.version = ${project.version}\n\n"
        "db.ip = db.internal\ndb.port = 3306\ndb.schema = stevedb\ndb.user = steve\n"
        f"db.password = {db}\n\n"
        "auth.user = admin\n"
        f"auth.password = {auth}\n\n"
        f"server.host = {d.k('0.0.0.0')}\nhttp.enabled = true\nhttp.port = 8180\n"
    )
    return text, "properties", "steve/src/main/resources/config/prod/main.properties"


def _mo_keytool(f: _Fake, d: _Doc) -> _Out:
    sp = d.s("keystore-password", f.password().replace("'", "x").replace('"', "x"))
    kp = d.s("keystore-password", f.password().replace("'", "x").replace('"', "x"))
    text = (
        "$ keytool -genkeypair -alias csms -keyalg EC -groupname secp256r1 -validity 825 \\\n"
        f"    -keystore csms.p12 -storetype PKCS12 -storepass '{sp}' -keypass '{kp}' \\\n"
        f'    -dname "CN=csms.{f.pick(["chargeco", "voltpark", "ampway"])}.net, O=Charging Ops, C=GB"\n'
        "Generating 256 bit EC (secp256r1) key pair and self-signed certificate "
        "(SHA256withECDSA) with a validity of 825 days\n"
        "$ keytool -list -keystore csms.p12 -storepass:env KS_PASS | tail -2\n"
        "csms, 3 Oct 2026, PrivateKeyEntry,\nCertificate fingerprint (SHA-256): "
        f"{d.k(':'.join(f.sha(2).upper() for _ in range(32)))}\n"
    )
    return text, "console", "notes/csms-keystore.txt"


def _mo_fleet(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("token", f.b64url(f.pick([40, 48])))
    first, last = f.person()
    name = d.s("person-name", f"{first} {last}")
    text = (
        f'$ curl -s -H "Authorization: Bearer {tok}" '
        f"https://fleet-api.{f.pick(['scootr', 'zipline-mobility', 'kickway'])}"
        f".io/v2/rides/{f.n(100000, 999999)}\n"
        "{\n"
        f'  "vehicle": {{"id": "SC-{f.n(1000, 9999)}", "battery": {f.n(5, 100)}, '
        f'"firmware": "{d.k("2.4.0." + str(f.n(100, 999)))}"}},\n'
        f'  "rider": {{"name": "{name}", "phone": "+1 {f.n(200, 989)} 555 {f.n(1000, 9999)}"}},\n'
        f'  "fare_cents": {f.n(100, 2000)},\n  "status": "completed"\n}}\n'
    )
    return text, "console", "notes/fleet-ride.txt"


def _mo_permits(f: _Fake, d: _Doc) -> _Out:
    lines = ["permit_no,holder_name,email,plate,zone,card_number,expires"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            ",".join(
                [
                    f"P{f.n(10000, 99999)}",
                    d.s("person-name", f"{first} {last}"),
                    d.s("email", f.email(first, last)),
                    f"{f.chars(string.ascii_uppercase, 2)}{f.n(10, 99)} {f.chars(string.ascii_uppercase, 3)}",
                    f.pick(["Z1", "Z4", "Resident-B"]),
                    d.s("card-number", f.card()),
                    f"2027-0{f.n(1, 9)}-01",
                ]
            )
        )
    lines.append(
        f"P00000,{d.k('Jane Doe')},{d.k('permits@example.com')},TE57 PLT,Z0,{d.k(f.test_card())},2027-01-01"
    )
    return "\n".join(lines) + "\n", "csv", "exports/permits.csv"


def _mo_charger_cfg(f: _Fake, d: _Doc) -> _Out:
    psk = d.s("wifi-psk", f.password().replace('"', "x"))
    ip = d.s("ip-address", f.ip())
    text = json.dumps(
        {
            "network": {
                "mode": "wifi",
                "ssid": f.pick(["Depot-IoT", "GarageNet", "LotB-Chargers"]),
                "psk": psk,
                "static_ip": ip,
                "dns": d.k("8.8.8.8"),
            },
            "ocpp": {"url": "wss://csms." + f.pick(_DOMAINS) + "/ocpp", "heartbeat": 300},
            "firmware": d.k("5.1.0." + str(f.n(10, 99))),
        },
        indent=2,
    )
    return text + "\n", "json", "charger/config.json"


def _mo_maps(f: _Fake, d: _Doc) -> _Out:
    gk = d.s("google-api-key", f.vendor("google-api-key"))
    text = (
        "// parking app: map screen\n"
        "export const config = {\n"
        f'  googleMapsApiKey: "{gk}",\n'
        f'  mapboxPublicToken: "{d.k(f.mapbox_pk())}",\n'
        f"  defaultCenter: {{ lat: {f.n(40, 55)}.{f.n(1000, 9999)}, lng: -{f.n(0, 3)}.{f.n(1000, 9999)} }},\n"
        "};\n"
    )
    return text, "typescript", "src/config/maps.ts"


# ---------------------------------------------------------------------------------------------------------
# 7. Pharmacy and e-prescribing.


def _rx_newrx(f: _Fake, d: _Doc) -> _Out:
    pf, pl = f.person()
    qf, ql = f.person()
    pfn, pln = d.s("person-name", pf), d.s("person-name", pl)
    qfn, qln = d.s("person-name", qf), d.s("person-name", ql)
    text = (
        '<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" DatatypesVersion="20170715" TransportVersion="20170715"'
        ' TransactionDomain="SCRIPT" TransactionVersion="20170715" StructuresVersion="20170715" '
        'ECLVersion="20170715">\n'
        f'  <Header>\n    <To Qualifier="P">{f.digits(7)}</To>\n    <From Qualifier="C">{f.digits(10)}</From>\n'
        f"    <MessageID>{f.sha(32)}</MessageID>\n    <SentTime>2026-10-0{f.n(1, 9)}T14:{f.n(10, 59)}:00Z"
        "</SentTime>\n  </Header>\n"
        "  <Body>\n    <NewRx>\n      <Patient>\n        <HumanPatient>\n"
        f"          <Name>\n            <LastName>{qln}</LastName>\n            "
        f"<FirstName>{qfn}</FirstName>\n          </Name>\n"
        f"          <Gender>{f.pick(['F', 'M'])}</Gender>\n"
        f"          <DateOfBirth><Date>19{f.n(40, 99)}-0{f.n(1, 9)}-{f.n(10, 28)}</Date></DateOfBirth>\n"
        "        </HumanPatient>\n      </Patient>\n      <Prescriber>\n        <NonVeterinarian>\n"
        f"          <Identification><NPI>{f.digits(10)}</NPI></Identification>\n"
        f"          <Name>\n            <LastName>{pln}</LastName>\n            "
        f"<FirstName>{pfn}</FirstName>\n          </Name>\n"
        f"          <CommunicationNumbers>\n            <PrimaryTelephone><Number>{f.digits(10)}</Number>"
        "</PrimaryTelephone>\n"
        "          </CommunicationNumbers>\n        </NonVeterinarian>\n      </Prescriber>\n"
        "      <MedicationPrescribed>\n        <DrugDescription>"
        f"{f.pick(['Amoxicillin 500 MG Oral Capsule', 'Lisinopril 10 MG Oral Tablet', 'Metformin 850 MG Oral Tablet'])}"
        "</DrugDescription>\n"
        f"        <Quantity><Value>{f.n(10, 90)}</Value></Quantity>\n      </MedicationPrescribed>\n"
        "    </NewRx>\n  </Body>\n</Message>\n"
    )
    return text, "xml", f"inbound/newrx-{f.n(1000, 9999)}.xml"


def _rx_config(f: _Fake, d: _Doc) -> _Out:
    sp = d.s("password", f.password())
    db = d.s("db-password", f.password())
    text = (
        "; pharmacy system gateway\n[surescripts]\n"
        f"endpoint = https://staging.surescripts.net/{f.pick(['erx', 'script'])}/v2017071\n"
        f"portal_id = {f.digits(7)}\nusername = {f.pick(['rxgw', 'pharmgw'])}{f.n(10, 99)}\n"
        f"password = {sp}\nclient_cert = /etc/rxgw/tls/client.pem\n\n"
        "[database]\nhost = rxdb-primary.internal\nname = pharmacy\nuser = rxapp\n"
        f"password = {db}\n\n"
        "[template]\n"
        f"password = {d.k('changeme')}\n"
    )
    return text, "ini", "/etc/rxgw/rxgw.ini"


def _rx_claimlog(f: _Fake, d: _Doc) -> _Out:
    ip = d.s("ip-address", f.ip())
    day = f"2026-10-0{f.n(1, 9)}"
    hms = _hms(f)
    text = (
        f"{day} {hms()} INFO  switch: connecting "
        f"to {ip}:{f.pick([5000, 7400])} (TLS)\n"
        f"{day} {hms()} INFO  claim B1 bin={f.digits(6)} "
        f"pcn={f.pick(['ADV', 'MEDDPRIME', 'CN'])}"
        f" rx={f.digits(7)} -> response status=P\n"
        f"{day} {hms()} WARN  switch: retrying, "
        f"listener {d.k('0.0.0.0')}:9443 busy\n"
        f"{day} {hms()} INFO  build {d.k(f.sha())}\n"
    )
    return text, "log", "logs/claims.log"


def _rx_prescribers(f: _Fake, d: _Doc) -> _Out:
    lines = ["npi,first_name,last_name,email,state_license,specialty"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            ",".join(
                [
                    f.digits(10),
                    d.s("person-name", first),
                    d.s("person-name", last),
                    d.s("email", f.email(first, last)),
                    f"{f.pick(['MA', 'NY', 'TX'])}{f.n(10000, 99999)}",
                    f.pick(["Family Medicine", "Pediatrics", "Cardiology"]),
                ]
            )
        )
    return "\n".join(lines) + "\n", "csv", "exports/prescribers.csv"


def _rx_patients(f: _Fake, d: _Doc) -> _Out:
    lines = ["patient_name;dob;email;ssn;refill_due"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            f"{d.s('person-name', first + ' ' + last)};19{f.n(40, 99)}-0{f.n(1, 9)}-{f.n(10, 28)};"
            f"{d.s('email', f.email(first, last))};{d.s('ssn', f.ssn(dashes=f.n(0, 1) == 1))};2026-11-{f.n(10, 28)}"
        )
    text = "\n".join(lines) + "\n"
    if f.n(0, 1):
        text = "$ psql -At -F';' -c \"select * from refill_reminders limit 1\" --no-align pharmacy\n" + text
    return text, "csv", "exports/refill-reminders.csv"


def _rx_pem(f: _Fake, d: _Doc) -> _Out:
    body, label = f.pem_body(rsa=f.n(0, 2) == 0)
    d.s("private-key", body)
    text = (
        f"$ openssl x509 -in /etc/rxgw/tls/client.crt -noout -fingerprint -sha1\n"
        f"SHA1 Fingerprint={d.k(':'.join(f.sha(2).upper() for _ in range(20)))}\n"
        "$ cat /etc/rxgw/tls/client.key\n"
        f"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n"
    )
    return text, "console", "notes/rxgw-tls.txt"


def _rx_traceback(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("url-password", f.urlpw())
    text = (
        "Traceback (most recent call last):\n"
        '  File "/srv/rx/app/refills.py", line 88, in run\n    with engine.connect() as conn:\n'
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "
        '"rxdb-primary.internal", port 5432 failed: FATAL:  the database system is starting up\n\n'
        f"(Background on this error at: https://sqlalche.me/e/20/e3q8)\n"
        f"engine url was postgresql+psycopg2://rxapp:{pw}@rxdb-primary.internal:5432/pharmacy\n"
    )
    return text, "text", "logs/refills-error.txt"


# ---------------------------------------------------------------------------------------------------------
# 8. Two-factor and one-time passwords.


def _tf_otpauth(f: _Fake, d: _Doc) -> _Out:
    lines = []
    for _ in range(1):
        mail = d.s("email", f.email())
        sec = d.s("totp-secret", f.b32(32))
        issuer = f.pick(["ACME", "Tidewater", "Larchmere", "Velmora"])
        lines.append(
            f"otpauth://totp/{issuer}:{mail}?secret={sec}&issuer={issuer}&algorithm=SHA1&digits=6&period=30"
        )
    text = (
        "$ zbarimg --raw -q enroll-*.png\n" + "\n".join(lines) + "\n"
        f"# spec example: otpauth://totp/Example:{d.k('alice@example.com')}?secret=<base32>&issuer=Example\n"
    )
    return text, "console", "notes/enroll-qr.txt"


def _tf_aegis(f: _Fake, d: _Doc) -> _Out:
    entries = []
    for issuer in f.r.sample(["GitHub", "Cloudflare", "Fastmail", "Hetzner", "Backblaze"], 1):
        entries.append(
            {
                "type": "totp",
                "uuid": f.uuid(),
                "name": d.s("email", f.email()),
                "issuer": issuer,
                "info": {
                    "secret": d.s("totp-secret", f.b32(f.pick([16, 32]))),
                    "algo": "SHA1",
                    "digits": 6,
                    "period": 30,
                },
            }
        )
    text = json.dumps(
        {"version": 1, "header": {"slots": None, "params": None}, "db": {"version": 3, "entries": entries}},
        indent=2,
    )
    return text + "\n", "json", "backups/aegis-export-plain.json"


def _tf_twilio_a(f: _Fake, d: _Doc) -> _Out:
    sid = "AC" + f.hexs(32)
    tok = d.s("token", f.hexs(32))
    svc = "VA" + f.hexs(32)
    text = (
        f"TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={tok}\nTWILIO_VERIFY_SERVICE_SID={svc}\n\n"
        f'$ curl -s -X POST "https://verify.twilio.com/v2/Services/$TWILIO_VERIFY_SERVICE_SID/Verifications" \\\n'
        '    --data-urlencode "To=+15005550006" --data-urlencode "Channel=sms" \\\n'
        f'    -u "$TWILIO_ACCOUNT_SID:{d.k("$TWILIO_AUTH_TOKEN")}" | jq .status\n"pending"\n'
    )
    return text, "sh", "notes/verify.sh"


def _tf_apikey(f: _Fake, d: _Doc) -> _Out:
    sk = "SK" + f.hexs(32)
    sec = d.s("secret", f.alnum(32))
    text = (
        "import os\n\nfrom twilio.rest import Client\n\n"
        f'API_KEY_SID = "{sk}"\nAPI_KEY_SECRET = "{sec}"\nACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]\n\n'
        "client = Client(API_KEY_SID, API_KEY_SECRET, ACCOUNT_SID)\n"
        "check = client.verify.v2.services(SERVICE).verification_checks.create(to=phone, code=code)\n"
    )
    return text, "python", "auth/verify.py"


def _tf_kit(f: _Fake, d: _Doc) -> _Out:
    first, last = f.person()
    mail = d.s("email", f.email(first, last))
    codes = [f"{f.chars(string.digits, 4)}-{f.chars(string.digits, 4)}" for _ in range(4)]
    text = (
        f"# Recovery kit\n\nAccount: {mail}\nGenerated: 2026-10-0{f.n(1, 9)}\n\n"
        "Keep these codes somewhere safe. Each works once.\n\n" + "\n".join(f"- {c}" for c in codes) + "\n\n"
        f"Lost them? Write to {d.k('support@example.com')} from the account's address.\n"
    )
    return text, "markdown", "kits/recovery-kit.md"


def _tf_mfa_table(f: _Fake, d: _Doc) -> _Out:
    mail = d.s("email", f.email())
    sec = d.s("totp-secret", f.b32(32))
    text = (
        "app=# \\x on\nExpanded display is on.\n"
        f"app=# SELECT email, otp_secret, otp_enabled FROM users WHERE id = {f.n(100, 9999)};\n"
        "-[ RECORD 1 ]--+---------------------------------------------\n"
        f"email          | {mail}\notp_secret     | {sec}\notp_enabled    | t\n"
    )
    return text, "text", "notes/mfa-user.txt"


def _tf_code(f: _Fake, d: _Doc) -> _Out:
    sec = d.s("totp-secret", f.b32(32))
    text = (
        "import pyotp\n\n"
        f'TOTP_SECRET = "{sec}"  # service account for the nightly e2e login\n\n\n'
        "def current_code() -> str:\n    return pyotp.TOTP(TOTP_SECRET).now()\n\n\n"
        "def test_login(page):\n"
        f'    page.fill("#email", "{d.k("e2e@example.com")}")\n'
        '    page.fill("#otp", current_code())\n'
    )
    return text, "python", "e2e/otp_helper.py"


def _tf_ssh(f: _Fake, d: _Doc) -> _Out:
    user = f.pick(["ops", "admin", "deploy"])
    body = d.s("ssh-private-key", f.openssh_body(f"{user}@bastion"))
    pub = d.k("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + f.b64(33)[:43])
    text = (
        "$ cat ~/.ssh/id_ed25519.pub\n"
        f"{pub} {user}@yubikey-backup\n"
        "$ cat ~/.ssh/id_ed25519\n"
        f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n"
    )
    return text, "console", "notes/2fa-bastion-key.txt"


# ---------------------------------------------------------------------------------------------------------
# 9. Mining and node operators.


def _mn_bitcoin_conf_a(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("rpc-password", f.alnum(f.pick([24, 32])))
    text = (
        "# bitcoin.conf\nserver=1\ntxindex=1\n"
        f"rpcuser={f.pick(['node', 'btcrpc', 'electrs'])}\nrpcpassword={pw}\n"
        f"rpcbind={d.k('127.0.0.1')}\nrpcallowip={d.k('10.0.0.0/8')}\n"
        "zmqpubrawblock=tcp://127.0.0.1:28332\ndbcache=4000\n"
    )
    if f.n(0, 1):
        text = "$ sudo cat /etc/bitcoin/bitcoin.conf\n" + text
    return text, "ini", "/etc/bitcoin/bitcoin.conf"


def _mn_xmrig(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("token", f.alnum(f.pick([24, 32])))
    wallet = "4" + f.chars("123456789" + "ABCDEFGHJKLMNPQRSTUVWXYZ" + "abcdefghijkmnopqrstuvwxyz", 94)
    text = json.dumps(
        {
            "http": {
                "enabled": True,
                "host": d.k("127.0.0.1"),
                "port": 18080,
                "access-token": tok,
                "restricted": True,
            },
            "pools": [
                {
                    "url": "pool.supportxmr.com:443",
                    "user": wallet,
                    "pass": f"rig{f.n(1, 30):02d}",
                    "tls": True,
                }
            ],
            "cpu": {"enabled": True, "huge-pages": True},
        },
        indent=2,
    )
    return text + "\n", "json", "xmrig/config.json"


def _mn_validator_env(f: _Fake, d: _Doc) -> _Out:
    mn = d.s("mnemonic", f.mnemonic())
    pw = d.s("password", f.password())
    pubkey = d.k("0x" + f.sha(96))
    text = (
        "# validator setup (do not commit)\n"
        f'MNEMONIC="{mn}"\n'
        f"KEYSTORE_PASSWORD={pw}\n"
        "NETWORK=holesky\n"
        f"VALIDATOR_PUBKEY={pubkey}\n"
        "FEE_RECIPIENT=0x" + f.sha(40) + "\n"
    )
    return text, "sh", "validator/.env"


def _mn_keystore(f: _Fake, d: _Doc) -> _Out:
    pubkey = d.k(f.sha(96))
    pw = d.s("password", f.password().replace("'", "x"))
    ks = {
        "crypto": {
            "kdf": {
                "function": "scrypt",
                "params": {"dklen": 32, "n": 262144, "r": 8, "p": 1, "salt": f.sha(64)},
                "message": "",
            },
            "checksum": {"function": "sha256", "params": {}, "message": f.sha(64)},
            "cipher": {"function": "aes-128-ctr", "params": {"iv": f.sha(32)}, "message": f.sha(64)},
        },
        "pubkey": pubkey,
        "path": f"m/12381/3600/{f.n(0, 20)}/0/0",
        "uuid": f.uuid(),
        "version": 4,
    }
    text = (
        f"$ cat validator_keys/keystore-m_12381_3600_0_0_0-{f.n(1700000000, 1799999999)}.json\n"
        + json.dumps(ks, separators=(",", ":"))
        + f"\n$ export KEYSTORE_PASSWORD='{pw}'\n"
        "$ lighthouse account validator import --directory validator_keys --password-file "
        "<(printenv KEYSTORE_PASSWORD)\n"
        f"Successfully imported keystore.\n"
    )
    return text, "console", "notes/keystore-import.txt"


def _mn_engine(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("jwt", f.jwt({"iat": 1790000000 + f.n(0, 9999999)}))
    text = (
        "$ curl -s -X POST http://localhost:8551 -H 'Content-Type: application/json' \\\n"
        f'    -H "Authorization: Bearer {tok}" \\\n'
        '    -d \'{"jsonrpc":"2.0","method":"engine_exchangeCapabilities","params":[[]],"id":1}\' '
        "| jq -c .result[:2]\n"
        '["engine_newPayloadV3","engine_forkchoiceUpdatedV3"]\n'
    )
    return text, "console", "notes/engine-api.txt"


def _mn_pool(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.alnum(32))
    mail = d.s("email", f.email())
    text = (
        f'$ curl -s "https://api.{f.pick(["hashvault", "nanopool", "f2pool"])}.example.net/v1/account?apikey={key}'
        '" | jq .\n'
        "{\n"
        f'  "account": "{mail}",\n  "workers": {f.n(2, 40)},\n  "hashrate_24h": "{f.n(10, 900)}.{f.n(1, 9)} TH/s",\n'
        f'  "unpaid": "0.00{f.n(1000, 9999)}"\n}}\n'
    )
    return text, "console", "notes/pool-api.txt"


def _mn_cosmos(f: _Fake, d: _Doc) -> _Out:
    pub = d.k(f.b64(32))
    priv = d.s("validator-key", f.b64(64))
    text = (
        "$ cat ~/.gaia/config/priv_validator_key.json\n"
        + json.dumps(
            {
                "address": f.sha(40).upper(),
                "pub_key": {"type": "tendermint/PubKeyEd25519", "value": pub},
                "priv_key": {"type": "tendermint/PrivKeyEd25519", "value": priv},
            },
            indent=2,
        )
        + "\n"
    )
    return text, "console", "notes/priv-validator.txt"


def _mn_hive(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("password", f.password().replace('"', "x"))
    text = (
        "$ cat /hive-config/rig.conf\n"
        'HIVE_HOST_URL="http://api.hiveos.farm"\n'
        f"RIG_ID={f.n(1000000, 9999999)}\n"
        f'RIG_PASSWD="{pw}"\n'
        f'WORKER_NAME="rig-{f.n(1, 40):02d}"\n'
        f"FARM_HASH={f.sha()}\n"
        f"$ ping -c1 {d.k('1.1.1.1')} >/dev/null && echo online\nonline\n"
    )
    return text, "console", "notes/hive-rig.txt"


# ---------------------------------------------------------------------------------------------------------
# 10. Photography and digital asset management.


def _ph_flickr(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.hexs(32))
    sec = d.s("secret", f.hexs(16))
    if f.n(0, 1):
        text = (
            "import flickrapi\n\n"
            f'FLICKR_API_KEY = "{key}"\nFLICKR_API_SECRET = "{sec}"\n\n'
            "flickr = flickrapi.FlickrAPI(FLICKR_API_KEY, FLICKR_API_SECRET, format='parsed-json')\n"
            f"photos = flickr.photosets.getPhotos(photoset_id='{f.digits(17)}', user_id='{f.n(10000000, 99999999)}"
            f"@N0{f.n(1, 8)}')\n"
        )
        return text, "python", "sync/flickr_sync.py"
    text = (
        "[flickr]\n"
        f"api_key = {key}\napi_secret = {sec}\n"
        f"user = {f.pick(['studio', 'archive'])}\n\n[paths]\nlibrary = /srv/photos/library\n"
    )
    return text, "ini", "config/flickr.ini"


def _ph_smugmug(f: _Fake, d: _Doc) -> _Out:
    ck = f.alnum(32)
    cs = d.s("secret", f.alnum(64))
    at = d.s("token", f.alnum(32))
    text = (
        "smugmug:\n"
        f"  consumer_key: {ck}\n  consumer_secret: {cs}\n"
        f"  access_token: {at}\n"
        f"  nickname: {f.pick(['lightfield', 'northframe', 'tinroof'])}studio\n"
    )
    return text, "yaml", "config/smugmug.yml"


def _ph_adobe(f: _Fake, d: _Doc) -> _Out:
    cid = f.hexs(32)
    tok = d.s(
        "jwt",
        f.jwt(
            {
                "type": "access_token",
                "client_id": cid,
                "user_id": f.hexs(24).upper() + "@AdobeID",
                "created_at": str(1790000000 * 1000 + f.n(0, 999)),
                "expires_in": "86400000",
            }
        ),
    )
    text = (
        f"$ curl -s https://lr.adobe.io/v2/catalog -H 'X-API-Key: {cid}' \\\n"
        f"    -H 'Authorization: Bearer {tok}' | tail -c +13 | jq .id\n"
        f'"{f.sha(32)}"\n'
    )
    return text, "console", "notes/lightroom-api.txt"


def _ph_gallery(f: _Fake, d: _Doc) -> _Out:
    lines = ["client_name,email,gallery,password,expires"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            ",".join(
                [
                    d.s("person-name", f"{first} {last}"),
                    d.s("email", f.email(first, last)),
                    f"{f.pick(['wedding', 'family', 'headshots'])}-{f.n(100, 999)}",
                    d.s("password", f.password().replace(",", "x")),
                    f"2026-12-{f.n(10, 28)}",
                ]
            )
        )
    return "\n".join(lines) + "\n", "csv", "exports/client-galleries.csv"


def _ph_rclone(f: _Fake, d: _Doc) -> _Out:
    b2key = d.s("api-key", "K00" + f.b64url(28).replace("-", "A").replace("_", "b"))
    akia = d.s("aws-access-key", f.vendor("aws-access-key"))
    sec = d.s("aws-secret-key", f.aws_secret())
    text = (
        "[b2-archive]\ntype = b2\n"
        f"account = 00{f.hexs(23)}\nkey = {b2key}\nhard_delete = false\n\n"
        "[s3-proofs]\ntype = s3\nprovider = AWS\n"
        f"access_key_id = {akia}\nsecret_access_key = {sec}\nregion = eu-central-1\n"
    )
    return text, "ini", "~/.config/rclone/rclone.conf"


def _ph_exif(f: _Fake, d: _Doc) -> _Out:
    mail = d.s("email", f.email())
    text = (
        f"$ exiftool -Artist -Copyright -CreatorWorkEmail -SerialNumber -LensModel DSC_{f.n(1000, 9999)}.NEF\n"
        f"Artist                          : {f.pick(['Studio North', 'Tinroof Photo'])}\n"
        f"Copyright                       : (c) 2026 {f.pick(['Studio North', 'Tinroof Photo'])}\n"
        f"Creator Work Email              : {mail}\n"
        f"Serial Number                   : {f.n(3000000, 6999999)}\n"
        f"Lens Model                      : {f.pick(['24-70mm f/2.8', '85mm f/1.8'])}\n"
    )
    return text, "console", "notes/exif.txt"


def _ph_immich(f: _Fake, d: _Doc) -> _Out:
    db = d.s("db-password", f.alnum(f.pick([20, 24])))
    jwt_s = d.s("secret", f.b64(32))
    text = (
        "# immich / photoprism stack\n"
        "UPLOAD_LOCATION=/mnt/photos/library\n"
        f"DB_PASSWORD={db}\nDB_USERNAME=postgres\nDB_DATABASE_NAME=immich\n"
        f"PHOTOPRISM_ADMIN_PASSWORD={d.k(f.pick(['changeme', '${ADMIN_PASSWORD}']))}\n"
        f"JWT_SECRET={jwt_s}\n"
        f"IMMICH_VERSION={d.k('v1.' + str(f.n(100, 130)) + '.' + str(f.n(0, 5)))}\n"
    )
    return text, "sh", "docker/.env"


# ---------------------------------------------------------------------------------------------------------
# 11. Farm management and agricultural IoT.


def _ag_deere(f: _Fake, d: _Doc) -> _Out:
    cid = "0oa" + f.alnum(17)
    sec = d.s("secret", f.b64url(40))
    if f.n(0, 1):
        text = (
            "# John Deere Operations Center app\n"
            f"JD_CLIENT_ID={cid}\nJD_CLIENT_SECRET={sec}\n"
            "JD_REDIRECT_URI=http://localhost:9090/callback\n"
            'JD_SCOPES="ag1 ag2 ag3 eq1 org1 offline_access"\n'
        )
        return text, "sh", "deere/.env"
    acc = d.s(
        "jwt",
        f.jwt(
            {
                "ver": 1,
                "jti": "AT." + f.b64url(20),
                "iss": "https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7",
                "aud": "com.deere.isg.axiom",
                "iat": 1790000000 + f.n(0, 9999999),
                "exp": 1790043200 + f.n(0, 9999999),
                "cid": cid,
            }
        ),
    )
    ref = d.s("token", f.b64url(43))
    text = (
        f"$ curl -s -u {cid}:{sec} https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7/v1/token \\\n"
        "    -d grant_type=refresh_token -d refresh_token=$JD_REFRESH | jq .\n"
        f'{{\n  "token_type": "Bearer",\n  "expires_in": 43200,\n  "access_token": "{acc}",\n'
        f'  "scope": "ag1 eq1 org1 offline_access",\n  "refresh_token": "{ref}"\n}}\n'
    )
    return text, "console", "notes/deere-token.txt"


def _ag_chirpstack(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("url-password", f.urlpw())
    mq = d.s("mqtt-password", f.password().replace('"', "x"))
    text = (
        "[postgresql]\n"
        f'  dsn="postgres://chirpstack:{pw}@localhost/chirpstack?sslmode=disable"\n\n'
        "[api]\n"
        f'  bind="{d.k("0.0.0.0")}:8080"\n'
        '  secret="${CHIRPSTACK_API_SECRET}"\n\n'
        '[integration.mqtt]\n  server="tcp://localhost:1883/"\n  username="chirpstack"\n'
        f'  password="{mq}"\n'
    )
    return text, "toml", "/etc/chirpstack/chirpstack.toml"


def _ag_mosquitto(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("mqtt-password", f.urlpw())
    text = (
        "$ sudo mosquitto_passwd -c -b /etc/mosquitto/passwd soilnode "
        f"{pw}\n"
        "$ cat /etc/mosquitto/conf.d/farm.conf\n"
        f"listener 1883 {d.k('0.0.0.0')}\nallow_anonymous false\npassword_file /etc/mosquitto/passwd\n"
        "$ sudo systemctl restart mosquitto\n"
    )
    return text, "console", "notes/mosquitto.txt"


def _ag_gateway_log(f: _Fake, d: _Doc) -> _Out:
    ip = d.s("ip-address", f.ip())
    eui = f.sha(16)
    text = (
        f"INFO gateway {eui}: connected from {ip}:{f.n(30000, 60000)}\n"
        f"INFO uplink dev_eui={f.sha(16)} f_cnt={f.n(10, 9000)} rssi=-{f.n(80, 120)} snr={f.n(-5, 9)}.{f.n(0, 9)}"
        f' payload={{"soil_moisture":{f.n(10, 60)}.{f.n(0, 9)},"temp_c":{f.n(2, 30)}.{f.n(0, 9)}}}\n'
        f"INFO mdns: announcing on {d.k('224.0.0.251')}\n"
        f"WARN gateway {eui}: stats late by {f.n(2, 40)}s\n"
    )
    return text, "log", "logs/gateway-bridge.log"


def _ag_records(f: _Fake, d: _Doc) -> _Out:
    lines = ["field,crop,product,rate,applicator_name,applicator_email,date"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            f"{f.pick(['North 40', 'Creek Bottom', 'Home Quarter'])},{f.pick(['corn', 'soybeans', 'wheat'])},"
            f"{f.pick(['Roundup PowerMAX', 'Atrazine 4L', 'Liberty 280'])},{f.n(10, 40)} oz/ac,"
            f"{d.s('person-name', first + ' ' + last)},{d.s('email', f.email(first, last))},"
            f"2026-0{f.n(4, 9)}-{f.n(10, 28)}"
        )
    iban = d.s("iban", f.iban(f.pick(["DE", "AT", "BE", "NL"])))
    text = (
        "$ head -n 2 records/spray-log-2026.csv\n"
        + "\n".join(lines)
        + "\n$ grep -A2 '\\[payments\\]' farm.toml\n[payments]\n"
        + f'payee_iban = "{iban}"\nscheme = "{f.pick(["BPS", "SFI", "CAP-direct"])}"\n'
    )
    return text, "console", "records/spray-log-2026.csv"


def _ag_wpa_a(f: _Fake, d: _Doc) -> _Out:
    psk = d.s("wifi-psk", f.password().replace('"', "x"))
    text = (
        "ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev\nupdate_config=1\ncountry=US\n\n"
        "network={\n"
        f'    ssid="{f.pick(["MachineShed", "GrainBin-AP", "Barn2"])}"\n'
        f'    psk="{psk}"\n    key_mgmt=WPA-PSK\n}}\n'
    )
    return text, "ini", "/etc/wpa_supplicant/wpa_supplicant.conf"


def _ag_nodered(f: _Fake, d: _Doc) -> _Out:
    h = d.s("password-hash", "$2b$08$" + f.mixed(string.ascii_letters + string.digits + "./", 53))
    cs = d.s("secret", f.alnum(f.pick([24, 32])))
    text = (
        "module.exports = {\n    flowFile: 'flows.json',\n"
        f'    credentialSecret: "{cs}",\n'
        '    adminAuth: {\n        type: "credentials",\n        users: [{\n'
        '            username: "admin",\n'
        f'            password: "{h}",\n            permissions: "*"\n        }}]\n    }},\n'
        f'    uiHost: "{d.k("0.0.0.0")}",\n    uiPort: 1880,\n}};\n'
    )
    return text, "javascript", "~/.node-red/settings.js"


# ---------------------------------------------------------------------------------------------------------
# 12. Genealogy.


def _ge_gedcom(f: _Fake, d: _Doc) -> _Out:
    first, last = f.person()
    sub = d.s("person-name", f"{first} /{last}/")
    mail = d.s("email", f.email(first, last))
    a, b = f.person()
    text = (
        "0 HEAD\n1 SOUR GRAMPS\n2 VERS 5.2.3\n1 SUBM @SUBM1@\n1 GEDC\n2 VERS 5.5.1\n"
        "2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n"
        f"0 @SUBM1@ SUBM\n1 NAME {sub}\n1 ADDR {f.n(1, 99)} {f.pick(['Mill Lane', 'Church Street'])}\n"
        f"1 EMAIL {mail}\n"
        f"0 @I1@ INDI\n1 NAME {a} /{b}/\n1 SEX {f.pick(['M', 'F'])}\n1 BIRT\n2 DATE "
        f"{f.n(1, 28)} {f.pick(['JAN', 'MAR', 'SEP'])} 18{f.n(20, 99)}\n"
        f"2 PLAC {f.pick(['Cork, Ireland', 'Bergen, Norway', 'Krakow, Poland'])}\n0 TRLR\n"
    )
    return text, "text", "exports/tree.ged"


def _ge_tree_csv(f: _Fake, d: _Doc) -> _Out:
    lines = ["first_name,last_name,birth_date,birth_place,email,relationship"]
    for rel in f.r.sample(["self", "mother", "cousin", "brother", "aunt"], 1):
        first, last = f.person()
        lines.append(
            f"{d.s('person-name', first)},{d.s('person-name', last)},19{f.n(30, 99)}-0{f.n(1, 9)}-{f.n(10, 28)},"
            f"{f.pick(['Leeds', 'Dayton', 'Gdansk'])},{d.s('email', f.email(first, last))},{rel}"
        )
    return "\n".join(lines) + "\n", "csv", "exports/living-relatives.csv"


def _ge_dna(f: _Fake, d: _Doc) -> _Out:
    lines = ["Kit,Name,Email,Total cM,Largest Seg,Gen"]
    for _ in range(1):
        first, last = f.person()
        lines.append(
            f"{f.pick(['A', 'T', 'M'])}{f.n(100000, 999999)},{d.s('person-name', first + ' ' + last)},"
            f"{d.s('email', f.email(first, last))},{f.n(20, 1800)}.{f.n(0, 9)},{f.n(7, 120)}.{f.n(0, 9)},{f.n(1, 6)}"
            f".{f.n(0, 9)}"
        )
    lines.append(f"A000000,{d.k('Jane Doe')},{d.k('jane.doe@example.com')},0.0,0.0,0.0")
    text = "\n".join(lines) + "\n"
    return text, "csv", "dna/one-to-many.csv"


def _ge_familysearch(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("token", "p0-" + f.b64url(27) + "." + f.b64url(8))
    text = (
        f'$ curl -s -H "Authorization: Bearer {tok}" -H "Accept: application/x-fs-v1+json" \\\n'
        "    https://api.familysearch.org/platform/tree/persons/"
        f"{f.pick(['L', 'K', 'G'])}{f.chars(string.ascii_uppercase + string.digits, 3)}"
        f"-{f.chars(string.ascii_uppercase + string.digits, 3)} | jq '.persons[0].living'\n"
        "false\n"
    )
    return text, "console", "notes/familysearch.txt"


def _ge_ssdi(f: _Fake, d: _Doc) -> _Out:
    name = d.s("person-name", f.full())
    ssn = d.s("ssn", f.ssn())
    text = (
        "## SSDI lookup\n\n"
        f"**Name:** {name}\n"
        f"**SSN:** {ssn}\n"
        f"**Born:** {f.n(1, 28)} {f.pick(['Mar', 'Jul', 'Nov'])} 19{f.n(10, 40)}\n"
        f"**Died:** {f.n(1, 28)} {f.pick(['Feb', 'Aug', 'Dec'])} 19{f.n(80, 99)}\n"
        f"**Last residence:** {f.pick(['Akron, OH', 'Duluth, MN', 'Reno, NV'])}\n\n"
        "Source: Social Security Death Index, 1935-2014 (index image).\n"
    )
    return text, "markdown", "research/ssdi.md"


def _ge_webtrees(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("db-password", f.password().replace('"', "x"))
    text = (
        "; <?php return; ?> DO NOT DELETE THIS LINE\n"
        'dbtype="mysql"\ndbhost="localhost"\ndbport="3306"\ndbuser="webtrees"\n'
        f'dbpass="{pw}"\n'
        'dbname="webtrees"\ntblpfx="wt_"\n'
        f'base_url="https://tree.{f.pick(_DOMAINS)}"\n'
    )
    return text, "ini", "webtrees/data/config.ini.php"


def _ge_gramps(f: _Fake, d: _Doc) -> _Out:
    sk = d.s("secret", f.mixed(string.ascii_letters + string.digits + "-_", 48))
    smtp = d.s("smtp-password", f.password())
    text = (
        "services:\n  grampsweb:\n    image: ghcr.io/gramps-project/grampsweb:latest\n    environment:\n"
        f'      GRAMPSWEB_SECRET_KEY: "{sk}"\n'
        "      GRAMPSWEB_EMAIL_HOST: smtp.fastmail.com\n"
        f'      GRAMPSWEB_EMAIL_HOST_PASSWORD: "{smtp}"\n'
        f"      GRAMPSWEB_DEFAULT_FROM_EMAIL: {d.k('noreply@example.com')}\n"
    )
    return text, "yaml", "docker-compose.yml"


def _ge_gitlog(f: _Fake, d: _Doc) -> _Out:
    first, last = f.person()
    name = d.s("person-name", f"{first} {last}")
    mail = d.s("email", f.email(first, last))
    sha = d.k(f.sha())
    text = (
        f"$ git log -1 --stat\ncommit {sha}\n"
        f"Author: {name} <{mail}>\nDate:   Sun Oct {f.n(4, 25)} 21:{f.n(10, 59)}:{f.n(10, 59)} 2026 +0100\n\n"
        f"    Add {f.pick(['baptism records', 'census 1911 transcriptions', 'ship manifests'])} "
        f"for the {f.pick(['Cork', 'Bergen'])} branch\n\n"
        f" sources/{f.pick(['baptisms', 'census'])}.csv | {f.n(5, 90)} {'+' * f.n(5, 20)}\n"
    )
    return text, "console", "notes/tree-gitlog.txt"


# ---------------------------------------------------------------------------------------------------------
# Second layouts for some kinds.


def _pod_env_b(f: _Fake, d: _Doc) -> _Out:
    tok = d.s("token", f.hexs(32))
    db = d.s("db-password", f.password().replace('"', "x"))
    text = (
        "services:\n  feedsync:\n    image: ghcr.io/podhost/feedsync:2.3\n    environment:\n"
        f"      BUZZSPROUT_API_TOKEN: {tok}\n"
        f'      POSTGRES_PASSWORD: "{db}"\n'
        f"      SENTRY_DSN: ${{{d.k('SENTRY_DSN')}}}\n"
        "    restart: unless-stopped\n"
    )
    return text, "yaml", "deploy/docker-compose.yml"


def _pod_env(f: _Fake, d: _Doc) -> _Out:
    return _pod_env_a(f, d) if f.n(0, 1) else _pod_env_b(f, d)


def _ch_giving_b(f: _Fake, d: _Doc) -> _Out:
    first, last = f.person()
    name = d.s("person-name", f"{first} {last}")
    mail = d.s("email", f.email(first, last))
    card = d.s("card-number", f.card())
    obj = {
        "id": "gift_" + f.alnum(14),
        "amount": f.n(500, 40000),
        "currency": "gbp",
        "fund": f.pick(["General", "Building", "Missions"]),
        "payment_method": {
            "type": "card",
            "card": {"number": card, "exp_month": f.n(1, 12), "exp_year": f.n(2027, 2031)},
            "billing_details": {"name": name, "email": mail},
        },
        "gift_aid": True,
    }
    text = (
        "$ curl -s https://giving.internal/api/gifts/latest | jq .\n"
        + json.dumps(obj, indent=2)
        + f'\n$ curl -s https://giving.internal/api/health\n{{"db": "ok", "build": "{d.k(f.sha())}"}}\n'
    )
    return text, "console", "notes/giving-api.txt"


def _ch_giving(f: _Fake, d: _Doc) -> _Out:
    return _ch_giving_a(f, d) if f.n(0, 1) else _ch_giving_b(f, d)


def _en_solaredge_b(f: _Fake, d: _Doc) -> _Out:
    key = d.s("api-key", f.mixed(string.ascii_uppercase + string.digits, 32))
    text = (
        "import requests\n\n"
        f"SITE_ID = {f.n(1000000, 4999999)}\n"
        f'SOLAREDGE_API_KEY = "{key}"\n\n\n'
        "def energy(start: str, end: str) -> list[dict]:\n"
        "    r = requests.get(\n"
        '        f"https://monitoringapi.solaredge.com/site/{SITE_ID}/energy",\n'
        '        params={"api_key": SOLAREDGE_API_KEY, "timeUnit": "DAY", "startDate": start, "endDate": end},\n'
        "        timeout=20,\n    )\n"
        '    return r.json()["energy"]["values"]\n'
    )
    return text, "python", "energy/solaredge.py"


def _en_solaredge(f: _Fake, d: _Doc) -> _Out:
    return _en_solaredge_a(f, d) if f.n(0, 1) else _en_solaredge_b(f, d)


def _tf_twilio_b(f: _Fake, d: _Doc) -> _Out:
    sid = "AC" + f.hexs(32)
    tok = d.s("token", f.hexs(32))
    text = (
        'const twilio = require("twilio");\n\n'
        f'const accountSid = "{sid}";\nconst authToken = "{tok}";\n'
        "const client = twilio(accountSid, authToken);\n\n"
        "export async function sendCode(to) {\n"
        "  return client.verify.v2.services(process.env.VERIFY_SID)\n"
        '    .verifications.create({ to, channel: "sms" });\n}\n'
    )
    return text, "javascript", "lib/verify.js"


def _tf_twilio(f: _Fake, d: _Doc) -> _Out:
    return _tf_twilio_a(f, d) if f.n(0, 1) else _tf_twilio_b(f, d)


def _mn_bitcoin_cli(f: _Fake, d: _Doc) -> _Out:
    pw = d.s("rpc-password", f.alnum(f.pick([24, 32])))
    text = (
        f"$ bitcoin-cli -rpcconnect={d.k('127.0.0.1')} -rpcuser=electrs -rpcpassword={pw} getblockchaininfo"
        " | jq '{chain, blocks, verificationprogress}'\n"
        f'{{\n  "chain": "main",\n  "blocks": {f.n(900000, 960000)},\n'
        f'  "verificationprogress": 0.99999{f.n(1000, 9999)}\n}}\n'
    )
    return text, "console", "notes/bitcoin-cli.txt"


def _mn_bitcoin_conf(f: _Fake, d: _Doc) -> _Out:
    return _mn_bitcoin_conf_a(f, d) if f.n(0, 1) else _mn_bitcoin_cli(f, d)


def _ag_nm_keyfile(f: _Fake, d: _Doc) -> _Out:
    psk = d.s("wifi-psk", f"{f.pick(_WORDS)} {f.pick(_WORDS)} {f.pick(_WORDS)} {f.n(10, 99)}")
    text = (
        "$ sudo cat /etc/NetworkManager/system-connections/GrainBin-AP.nmconnection\n"
        "[connection]\nid=GrainBin-AP\n"
        f"uuid={f.uuid()}\ntype=wifi\n\n[wifi]\nmode=infrastructure\nssid=GrainBin-AP\n\n"
        f"[wifi-security]\nkey-mgmt=wpa-psk\npsk={psk}\n\n[ipv4]\nmethod=auto\n"
    )
    return text, "console", "notes/nm-keyfile.txt"


def _ag_wpa(f: _Fake, d: _Doc) -> _Out:
    return _ag_wpa_a(f, d) if f.n(0, 1) else _ag_nm_keyfile(f, d)


# ---------------------------------------------------------------------------------------------------------
# The settings' kinds.

_PER_SETTING = 25

_KINDS: dict[str, list[tuple[str, _Kind]]] = {
    "podcast-hosting": [
        ("transistor", _pod_transistor),
        ("private-feed", _pod_feed),
        ("listeners", _pod_listeners),
        ("env", _pod_env),
        ("access-log", _pod_access_log),
        ("buzzsprout", _pod_buzzsprout),
        ("ci-mask", _pod_ci),
        ("credentials", _mk_vendor("podhost")),
    ],
    "church-membership": [
        ("pco", _ch_pco),
        ("directory", _ch_directory),
        ("giving", _ch_giving),
        ("churchsuite", _ch_churchsuite),
        ("django", _ch_django),
        ("users", _ch_users),
        ("webhook", _ch_webhook),
        ("credentials", _mk_vendor("flock")),
    ],
    "realtime-messaging": [
        ("ably", _rt_ably),
        ("pusher", _rt_pusher),
        ("pubnub", _rt_pubnub),
        ("socket-log", _rt_socketlog),
        ("centrifugo", _rt_centrifugo),
        ("handshake", _rt_handshake),
        ("deploy", _rt_ci),
        ("credentials", _mk_vendor("relay")),
    ],
    "print-farm": [
        ("octoprint-config", _pf_octo_config),
        ("octoprint-api", _pf_octo_api),
        ("moonraker", _pf_moonraker),
        ("klippy", _pf_klippy),
        ("bambu", _pf_bambu),
        ("queue", _pf_queue),
        ("farm-env", _pf_farm_env),
        ("credentials", _mk_vendor("printfarm")),
    ],
    "home-energy": [
        ("envoy", _en_envoy),
        ("enlighten", _en_enlighten),
        ("solaredge", _en_solaredge),
        ("powerwall", _en_powerwall),
        ("home-assistant", _en_ha_secrets),
        ("gateway-net", _en_ipaddr),
        ("grafana", _en_grafana),
        ("credentials", _mk_vendor("solarwatch")),
    ],
    "mobility-charging": [
        ("ocpp", _mo_ocpp),
        ("steve", _mo_steve),
        ("keystore", _mo_keytool),
        ("fleet", _mo_fleet),
        ("permits", _mo_permits),
        ("charger-config", _mo_charger_cfg),
        ("maps", _mo_maps),
        ("credentials", _mk_vendor("chargeops")),
    ],
    "pharmacy-erx": [
        ("newrx", _rx_newrx),
        ("gateway-ini", _rx_config),
        ("claims-log", _rx_claimlog),
        ("prescribers", _rx_prescribers),
        ("refills", _rx_patients),
        ("tls-key", _rx_pem),
        ("traceback", _rx_traceback),
        ("credentials", _mk_vendor("rxgw")),
    ],
    "two-factor": [
        ("otpauth", _tf_otpauth),
        ("bastion-key", _tf_ssh),
        ("aegis", _tf_aegis),
        ("twilio", _tf_twilio),
        ("api-key", _tf_apikey),
        ("recovery-kit", _tf_kit),
        ("mfa-row", _tf_mfa_table),
        ("e2e", _tf_code),
        ("credentials", _mk_vendor("authgate")),
    ],
    "mining-nodes": [
        ("bitcoin-conf", _mn_bitcoin_conf),
        ("xmrig", _mn_xmrig),
        ("validator-env", _mn_validator_env),
        ("keystore", _mn_keystore),
        ("engine-api", _mn_engine),
        ("pool-api", _mn_pool),
        ("cosmos-key", _mn_cosmos),
        ("hive", _mn_hive),
        ("credentials", _mk_vendor("noderig")),
    ],
    "photo-dam": [
        ("flickr", _ph_flickr),
        ("smugmug", _ph_smugmug),
        ("lightroom", _ph_adobe),
        ("galleries", _ph_gallery),
        ("rclone", _ph_rclone),
        ("exif", _ph_exif),
        ("stack-env", _ph_immich),
        ("credentials", _mk_vendor("lightbox")),
    ],
    "agri-iot": [
        ("deere", _ag_deere),
        ("chirpstack", _ag_chirpstack),
        ("mosquitto", _ag_mosquitto),
        ("gateway-log", _ag_gateway_log),
        ("spray-records", _ag_records),
        ("wpa", _ag_wpa),
        ("node-red", _ag_nodered),
        ("credentials", _mk_vendor("fieldnet")),
    ],
    "genealogy": [
        ("gedcom", _ge_gedcom),
        ("tree-csv", _ge_tree_csv),
        ("dna-matches", _ge_dna),
        ("familysearch", _ge_familysearch),
        ("ssdi", _ge_ssdi),
        ("webtrees", _ge_webtrees),
        ("gramps", _ge_gramps),
        ("git-log", _ge_gitlog),
        ("credentials", _mk_vendor("rootsweb")),
    ],
}
