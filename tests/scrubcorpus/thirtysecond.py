"""The thirtysecond held-back scrub corpus.

Twelve settings: wedding and event vendors (RSVP exports, guest lists with addresses, vendor portals); gym and
studio booking (Mindbody, Glofox, member exports, instructor rosters); self-hosted media servers (Plex, Jellyfin,
Sonarr/Radarr API keys, download client configs); home network routers (OpenWrt UCI configs, pfSense exports,
router admin backups); scientific computing notebooks on clusters (JupyterHub configs, Slurm job scripts with
credentials, Globus); nonprofit volunteer management (rosters, background check statuses, shift signups); parking
enforcement and citations (ticket exports with plates and names, handheld device configs); municipal utilities
billing (meter reads, customer accounts, payment portals); machine translation and speech for call centers
(transcripts with speaker names, API keys); app store and in-app purchase receipts (App Store Server API keys, Play
billing, receipt validation logs); veterinary labs and pet insurance (claims, owner records); internal developer
platforms (Backstage configs, service catalogs with owners, plugin secrets).

Labels follow the scrubber's published policy alone: what it says goes is a Secret, what it says stays (and
look-alikes holding nothing) is a Keep, and what it leaves open is not labelled. Every fake is drawn at build time
from a seeded random.Random and is valid for its format where the format has a check (CRC32 tokens, Luhn, mod 97,
SSN ranges, JWT, PEM and OpenSSH layouts, BIP-39 checksums). Each document is delivered one of six ways: plain, a
JSON transcript line, a diff's added lines, numbered lines, CI log lines or a Markdown fence, with labels as the
text stands once delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import zlib
from collections.abc import Callable, Iterable
from typing import Any

import attrs

DEFAULT_SEED: int = 20261232

DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

SETTINGS: tuple[str, ...] = (
    "wedding-events",
    "gym-booking",
    "media-servers",
    "home-routers",
    "science-clusters",
    "volunteer-management",
    "parking-citations",
    "utility-billing",
    "callcenter-speech",
    "app-purchases",
    "vet-pet-insurance",
    "developer-platforms",
)


@attrs.frozen
class Secret:
    """A value the policy says goes, as it stands in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, often a look-alike of a secret."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered text with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


@attrs.frozen
class S:
    """A secret piece while a document is assembled."""

    cls: str
    text: str


@attrs.frozen
class K:
    """A kept piece while a document is assembled."""

    text: str


Piece = str | S | K

VENDOR_PREFIXES: dict[str, str] = {
    "github-token": "gh" + "p_",
    "github-oauth-token": "gh" + "o_",
    "npm-token": "np" + "m_",
    "stripe-secret-key": "sk" + "_live_",
    "stripe-restricted-key": "rk" + "_live_",
    "slack-bot-token": "xox" + "b-",
    "slack-webhook": "https://hooks.slack.com/" + "services/T",
    "aws-access-key": "AK" + "IA",
    "openai-api-key": "sk" + "-proj-",
    "sendgrid-api-key": "S" + "G.",
    "google-api-key": "AI" + "za",
    "gitlab-token": "gl" + "pat-",
    "digitalocean-token": "do" + "p_v1_",
    "shopify-token": "sh" + "pat_",
    "huggingface-token": "h" + "f_",
    "anthropic-api-key": "sk" + "-ant-api03-",
}
VENDOR_CLASSES: frozenset[str] = frozenset(VENDOR_PREFIXES)

OTHER_CLASSES = (
    "password",
    "api-key",
    "secret",
    "token",
    "jwt",
    "private-key",
    "openssh-private-key",
    "email",
    "person-name",
    "card-number",
    "iban",
    "ssn",
    "ip-address",
    "url-password",
    "session-cookie",
    "webhook-secret",
    "recovery-phrase",
    "password-hash",
    "aws-secret-key",
    "basic-auth",
    "wifi-psk",
    "client-secret",
    "encryption-key",
    "refresh-token",
)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(OTHER_CLASSES)

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
HEX = "0123456789abcdef"

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
        "avoid",
        "awake",
        "aware",
        "away",
        "awesome",
        "awful",
        "awkward",
        "axis",
    ][:128]
)

FIRST = [
    "Amara",
    "Bastian",
    "Celeste",
    "Dorian",
    "Elif",
    "Fergus",
    "Greta",
    "Hamish",
    "Ines",
    "Jonah",
    "Kaia",
    "Lorcan",
    "Mireille",
    "Nikos",
    "Odalys",
    "Pavel",
    "Quinn",
    "Rosalind",
    "Soren",
    "Tamsin",
    "Ulric",
    "Valentina",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zelda",
    "Anouk",
    "Bram",
    "Cosima",
    "Dashiell",
]
LAST = [
    "Abernathy",
    "Brannigan",
    "Castellanos",
    "Delacroix",
    "Ekwueme",
    "Fairweather",
    "Gallagher",
    "Hollingsworth",
    "Ishikawa",
    "Jablonski",
    "Kowalczyk",
    "Lindqvist",
    "Marchetti",
    "Nakashima",
    "Okonkwo",
    "Pellegrini",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thorvaldsen",
    "Underhill",
    "Vasquez",
    "Whitcombe",
    "Yamamoto",
    "Zielinski",
    "Achterberg",
    "Brennecke",
]
DOMAIN_WORDS = [
    "lumenhall",
    "brightvale",
    "oakferry",
    "corvidnet",
    "tidewell",
    "quarrybay",
    "fernpoint",
    "saltmarsh",
    "kestrelworks",
]
TLDS = ("io", "net", "co", "org", "dev")
WORDS = [
    "lantern",
    "mango",
    "cobalt",
    "juniper",
    "harbor",
    "velvet",
    "quartz",
    "maple",
    "ember",
    "falcon",
    "orchid",
    "pebble",
    "tundra",
    "willow",
]


def b64url(data: bytes) -> str:
    """Base64url without padding, as JWTs carry it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def base62(n: int, width: int) -> str:
    """A number in base62, zero-padded to width (GitHub's checksum encoding)."""
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """True when token is prefix + body + 6-char base62 CRC32 of the body."""
    if not token.startswith(prefix) or len(token) < len(prefix) + 7:
        return False
    body, check = token[len(prefix) : -6], token[-6:]
    return base62(zlib.crc32(body.encode()), 6) == check


def luhn_ok(number: str) -> bool:
    """The Luhn check over the digits of number."""
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


def iban_ok(iban: str) -> bool:
    """The mod-97 check of an IBAN, compact or grouped."""
    s = iban.replace(" ", "")
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """An SSN inside the issued ranges (area not 000/666/9xx, group not 00, serial not 0000)."""
    parts = ssn.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [3, 2, 4] or not all(p.isdigit() for p in parts):
        return False
    area, group, serial = parts
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def bip39_ok(phrase: str) -> bool:
    """A 12-word BIP-39 phrase over the head of the list whose checksum holds."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return format(hashlib.sha256(entropy).digest()[0] >> 4, "04b") == bits[128:]


class Fakes:
    """Fake values drawn from one seeded Random, valid for their formats."""

    def __init__(self, r: random.Random) -> None:
        self.r = r
        self.used: dict[str, int] = {}

    def run(self, n: int, alphabet: str = B62) -> str:
        while True:
            s = "".join(self.r.choice(alphabet) for _ in range(n))
            if alphabet != B62 or (any(c.isdigit() for c in s) and any(c.isalpha() for c in s)):
                return s

    def crc(self, prefix: str) -> str:
        body = self.run(30)
        return prefix + body + base62(zlib.crc32(body.encode()), 6)

    def vendor(self, cls: str) -> S:
        p, r = VENDOR_PREFIXES[cls], self.r
        if cls in ("github-token", "github-oauth-token", "npm-token"):
            return S(cls, self.crc(p))
        v = {
            "stripe-secret-key": lambda: p + self.run(24),
            "stripe-restricted-key": lambda: p + self.run(24),
            "slack-bot-token": lambda: (
                p
                + str(r.randrange(10**11, 10**12))
                + "-"
                + str(r.randrange(10**12, 10**13))
                + "-"
                + self.run(24)
            ),
            "slack-webhook": lambda: (
                p
                + self.run(8, string.ascii_uppercase + string.digits)
                + "/B"
                + self.run(8, string.ascii_uppercase + string.digits)
                + "/"
                + self.run(24)
            ),
            "aws-access-key": lambda: p + self.run(16, string.ascii_uppercase + "234567"),
            "openai-api-key": lambda: p + self.run(48),
            "sendgrid-api-key": lambda: p + self.run(22) + "." + self.run(43),
            "google-api-key": lambda: p + self.run(35),
            "gitlab-token": lambda: p + self.run(20),
            "digitalocean-token": lambda: p + self.run(64, HEX),
            "shopify-token": lambda: p + self.run(32, HEX),
            "huggingface-token": lambda: p + self.run(34, string.ascii_letters),
            "anthropic-api-key": lambda: p + self.run(93) + "AA",
        }[cls]()
        return S(cls, v)

    def any_vendor(self) -> S:
        """Vendors in turn, so each class gets its share."""
        return self.vendor(self._least(sorted(VENDOR_CLASSES)))

    def rotate(self, classes: tuple[str, ...]) -> S:
        """Non-vendor classes in turn."""
        return self.secret_of(self._least(list(classes)))

    def _least(self, classes: list[str]) -> str:
        low = min(self.used.get(c, 0) for c in classes)
        pick = self.r.choice([c for c in classes if self.used.get(c, 0) == low])
        self.used[pick] = low + 1
        return pick

    def password(self) -> str:
        syms = "!#%^*-_+"
        while True:
            s = "".join(
                self.r.choice(string.ascii_letters + string.digits + syms)
                for _ in range(self.r.randint(13, 18))
            )
            if any(c in syms for c in s) and any(c.isdigit() for c in s) and s[0].isalnum():
                return s

    def name(self) -> str:
        return self.r.choice(FIRST) + " " + self.r.choice(LAST)

    def domain(self) -> str:
        return self.r.choice(DOMAIN_WORDS) + "." + self.r.choice(TLDS)

    def email_for(self, name: str) -> str:
        first, last = name.lower().split()
        return f"{first[0]}{last}{self.r.randrange(10, 99)}" + "@" + self.domain()

    def card(self) -> str:
        while True:
            head = self.r.choice(("4", "51", "53", "55"))
            body = head + "".join(self.r.choice(string.digits) for _ in range(15 - len(head)))
            for d in string.digits:
                if luhn_ok(body + d) and not (body + d).startswith("4242"):
                    return body + d

    def iban(self) -> str:
        country = self.r.choice(("DE", "GB", "NL", "FR"))
        if country == "DE":
            bban = self.run(18, string.digits)
        elif country == "GB":
            bban = self.run(4, string.ascii_uppercase) + self.run(14, string.digits)
        elif country == "NL":
            bban = self.run(4, string.ascii_uppercase) + self.run(10, string.digits)
        else:
            bban = self.run(23, string.digits)
        num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
        return f"{country}{98 - num % 97:02d}{bban}"

    def ssn(self) -> str:
        while True:
            area = self.r.randrange(1, 900)
            if area != 666:
                return f"{area:03d}-{self.r.randrange(1, 100):02d}-{self.r.randrange(1, 10000):04d}"

    def ip(self) -> str:
        r = self.r
        return r.choice(
            (
                f"10.{r.randrange(1, 250)}.{r.randrange(1, 250)}.{r.randrange(11, 250)}",
                f"172.{r.randrange(16, 32)}.{r.randrange(1, 250)}.{r.randrange(11, 250)}",
                f"192.168.{r.randrange(2, 250)}.{r.randrange(11, 250)}",
            )
        )

    def jwt(self) -> str:
        head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        iat = 1767225600 + self.r.randrange(10**6)
        claims = {"sub": str(self.r.randrange(10**5, 10**7)), "iat": iat, "exp": iat + 3600}
        return (
            head
            + "."
            + b64url(json.dumps(claims, separators=(",", ":")).encode())
            + "."
            + b64url(self.r.randbytes(32))
        )

    def pem(self) -> str:
        body = bytes([0x30, 0x82, 0x04, 0xA4]) + self.r.randbytes(self.r.randrange(300, 420))
        b = base64.b64encode(body).decode()
        lines = [b[i : i + 64] for i in range(0, len(b), 64)]
        kind = "PRIVATE" + " KEY"
        return "-----BEGIN " + kind + "-----\n" + "\n".join(lines) + "\n-----END " + kind + "-----"

    def openssh(self) -> str:
        body = b"openssh-key-v1\x00" + self.r.randbytes(self.r.randrange(280, 360))
        b = base64.b64encode(body).decode()
        lines = [b[i : i + 70] for i in range(0, len(b), 70)]
        kind = "OPENSSH PRIVATE" + " KEY"
        return "-----BEGIN " + kind + "-----\n" + "\n".join(lines) + "\n-----END " + kind + "-----"

    def phrase(self) -> str:
        idx = [self.r.randrange(128) for _ in range(11)]
        low = self.r.randrange(8)
        bits = "".join(format(i, "011b") for i in idx) + format(low, "07b")
        cs = hashlib.sha256(int(bits, 2).to_bytes(16, "big")).digest()[0] >> 4
        idx.append((low << 4) | cs)
        return " ".join(BIP39_HEAD[i] for i in idx)

    def bcrypt(self) -> str:
        return "$2b$12$" + self.run(53, string.ascii_letters + string.digits + "./")

    def uuid(self) -> str:
        h = self.run(32, HEX)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def sha(self, n: int = 40) -> str:
        return self.run(n, HEX)

    def version(self) -> str:
        return f"{self.r.randrange(1, 12)}.{self.r.randrange(0, 30)}.{self.r.randrange(0, 20)}"

    def dotted_pw(self) -> str:
        return f"{self.r.choice(WORDS)}.{self.r.choice(WORDS)}{self.r.randrange(100, 9999)}"

    def ssh_pub(self) -> str:
        return (
            "ssh-ed25519 "
            + base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + self.r.randbytes(32)).decode()
        )

    def filler(self) -> str:
        return VENDOR_PREFIXES["github-token"] + "x" * 36

    def aws_example(self) -> str:
        return VENDOR_PREFIXES["aws-access-key"] + "IOSFODNN7" + "EXAMPLE"

    def test_card(self) -> str:
        return " ".join(["4242"] * 4)

    def secret_of(self, cls: str) -> S:
        """A fresh value of a non-vendor class that stands on one line."""
        r = self.r
        f: dict[str, Callable[[], str]] = {
            "password": self.password,
            "api-key": lambda: self.run(r.choice((32, 40))),
            "secret": lambda: self.run(48, HEX + "ABCDEF"),
            "token": lambda: self.run(r.randrange(36, 52)),
            "jwt": self.jwt,
            "email": lambda: self.email_for(self.name()),
            "person-name": self.name,
            "card-number": self.card,
            "iban": self.iban,
            "ssn": self.ssn,
            "ip-address": self.ip,
            "url-password": self.password,
            "session-cookie": lambda: self.run(40, string.ascii_lowercase + string.digits),
            "webhook-secret": lambda: "whsec_" + self.run(32),
            "recovery-phrase": self.phrase,
            "password-hash": self.bcrypt,
            "aws-secret-key": lambda: self.run(40, string.ascii_letters + string.digits + "/+"),
            "basic-auth": lambda: base64.b64encode(
                (r.choice(WORDS) + ":" + self.password()).encode()
            ).decode(),
            "wifi-psk": self.dotted_pw,
            "client-secret": lambda: self.run(40, string.ascii_letters + string.digits + "~._-"),
            "encryption-key": lambda: base64.b64encode(r.randbytes(32)).decode(),
            "refresh-token": lambda: "1//" + self.run(60, string.ascii_letters + string.digits + "-_"),
            "private-key": self.pem,
            "openssh-private-key": self.openssh,
        }
        return S(cls, f[cls]())


@attrs.frozen
class Vocab:
    """What a setting's documents talk about."""

    app: str
    env: str
    path: str
    record: str
    role: str
    service: str
    extra: tuple[str, ...]


VOCAB: dict[str, Vocab] = {
    "wedding-events": Vocab(
        "rsvp-portal",
        "RSVP",
        "/srv/rsvp-portal",
        "guest",
        "planner_name",
        "Zola vendor portal",
        ("table", "meal"),
    ),
    "gym-booking": Vocab(
        "studio-sync",
        "MINDBODY",
        "/opt/studio-sync",
        "member",
        "instructor_name",
        "Mindbody API",
        ("class", "plan"),
    ),
    "media-servers": Vocab(
        "mediastack", "SONARR", "/opt/mediastack", "user", "owner_name", "Jellyfin", ("library", "quality")
    ),
    "home-routers": Vocab(
        "router-backup", "ROUTER", "/etc/config", "lease", "admin_name", "OpenWrt LuCI", ("iface", "vlan")
    ),
    "science-clusters": Vocab(
        "hpc-notebooks",
        "GLOBUS",
        "/home/shared/hpc",
        "researcher",
        "pi_name",
        "JupyterHub",
        ("partition", "gres"),
    ),
    "volunteer-management": Vocab(
        "volunteer-hub",
        "VOLHUB",
        "/srv/volunteer-hub",
        "volunteer",
        "coordinator_name",
        "shift signup",
        ("shift", "role"),
    ),
    "parking-citations": Vocab(
        "citation-sync",
        "CITE",
        "/opt/citation-sync",
        "citation",
        "officer_name",
        "handheld sync",
        ("zone", "plate"),
    ),
    "utility-billing": Vocab(
        "utility-billing",
        "BILLING",
        "/srv/utility-billing",
        "account",
        "customer_name",
        "payment portal",
        ("meter", "read"),
    ),
    "callcenter-speech": Vocab(
        "speech-pipeline",
        "SPEECH",
        "/opt/speech-pipeline",
        "call",
        "caller_name",
        "transcription API",
        ("lang", "queue"),
    ),
    "app-purchases": Vocab(
        "receipt-validator",
        "APPSTORE",
        "/srv/receipt-validator",
        "purchase",
        "customer_name",
        "App Store Server API",
        ("product", "bundle"),
    ),
    "vet-pet-insurance": Vocab(
        "petclaims",
        "PETCLAIMS",
        "/srv/petclaims",
        "claim",
        "owner_name",
        "lab results portal",
        ("species", "panel"),
    ),
    "developer-platforms": Vocab(
        "backstage",
        "BACKSTAGE",
        "/srv/backstage",
        "component",
        "owner_name",
        "Backstage",
        ("system", "lifecycle"),
    ),
}


Gen = Callable[[random.Random, Fakes, Vocab], list[Piece]]


def _nl(*parts: Iterable[Piece] | Piece) -> list[Piece]:
    out: list[Piece] = []
    for p in parts:
        if isinstance(p, str | S | K):
            out.append(p)
        else:
            out.extend(p)
    return out


def k_env(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A .env file as cat prints it, with a vendor token, a password and placeholders."""
    t1 = f.any_vendor()
    out: list[Piece] = [f"$ cat {v.path}/.env\n# {v.service} integration\nAPP_NAME={v.app}\nLOG_LEVEL=info\n"]
    out += [t1.cls.upper().replace("-", "_") + "=", t1, "\n"]
    out += [f"{v.env}_SDK_VERSION=", K(f.version()), "\n"]
    choice = r.randrange(3)
    if choice == 0:
        out += [f"{v.env}_API_KEY=", K("<your-api-key>"), "\n"]
    elif choice == 1:
        out += ["SMTP_PASSWORD=", K("changeme"), "\n"]
    else:
        out += ["POSTHOG_KEY=", K("ph" + "c_" + f.run(43)), "\n"]
    if r.random() < 0.9:
        s = f.rotate(("webhook-secret", "encryption-key", "secret", "client-secret"))
        out += [f"{v.env}_{s.cls.upper().replace('-', '_')}=", s, "\n"]
    out += ["REDIS_URL=redis://", K("127.0.0.1"), ":6379/0\n"]
    return out


def k_csv(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A records export with names and e-mail addresses; ids and plain fields around them."""
    extra = r.choice(("ssn", "card-number", "iban", None, None, None, None))
    col = {"ssn": "ssn", "card-number": "card_number", "iban": "iban", None: v.extra[0]}[extra]
    sep = r.choice((",", ";"))
    out: list[Piece] = [f"$ head -n 4 exports/{v.record}s_2026-03.csv\n"]
    out.append(sep.join((f"{v.record}_id", v.role, "email", col, "status")) + "\n")
    for _ in range(r.choice((1, 1, 1, 2))):
        n = f.name()
        row: list[Piece] = [
            str(r.randrange(10000, 99999)),
            sep,
            S("person-name", n),
            sep,
            S("email", f.email_for(n)),
            sep,
        ]
        row.append(f.secret_of(extra) if extra else r.choice(("A", "B", "VIP")))
        row += [sep, r.choice(("active", "pending", "cancelled")), "\n"]
        out += row
    if r.random() < 0.8:
        out += ["99999", sep, "Jane Doe", sep, K("jane.doe@example.com"), sep, "sample", sep, "test\n"]
    return out


def k_api(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A JSON record an API returns, with a person and contact fields and a request id."""
    n = f.name()
    ind = "  "
    out: list[Piece] = [f"GET /api/v2/{v.record}s/{r.randrange(1000, 9999)} -> 200\n{{\n"]
    out += [f'{ind}"request_id": "', K(f.uuid()), '",\n']
    out += [f'{ind}"{v.role}": "', S("person-name", n), '",\n']
    if r.random() < 0.35:
        out += [f'{ind}"email": "', S("email", f.email_for(n)), '",\n']
    else:
        out += [f'{ind}"locale": "en-US",\n{ind}"support_contact": "', K("support@example.com"), '",\n']
    out += [f'{ind}"schema_version": "', K(f.version()), '",\n']
    if r.random() < 0.3:
        out += [f'{ind}"payment": {{"card_number": "', S("card-number", f.card()), '", "brand": "visa"},\n']
    out += [f'{ind}"{v.extra[0]}": "{r.choice(WORDS)}",\n']
    out += [f'{ind}"updated_by_commit": "', K(f.sha()), '"\n}\n']
    return out


def k_curl(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A verbose curl exchange whose Authorization header carries a token."""
    kind = f._least(["jwt", "token", "basic-auth"])
    s = f.secret_of(kind)
    scheme = "Basic" if kind == "basic-auth" else "Bearer"
    host = f"{v.app}.{f.domain()}"
    out: list[Piece] = [f"$ curl -sv https://{host}/v1/{v.record}s?limit=20\n"]
    out += [f"> GET /v1/{v.record}s?limit=20 HTTP/2\n> Host: {host}\n> Authorization: {scheme} ", s, "\n"]
    out += ["> User-Agent: curl/8.5.0\n>\n< HTTP/2 200\n< content-type: application/json\n< x-request-id: "]
    out += [K(f.uuid()), "\n"]
    if r.random() < 0.5:
        out += [
            "< set-cookie: session=",
            S("session-cookie", f.secret_of("session-cookie").text),
            "; Path=/; HttpOnly\n",
        ]
    out += ['{"data": [], "next": null}\n']
    return out


def k_traceback(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A Python traceback that prints a connection URL with its password and a private host."""
    pw, ip = f.password(), f.ip()
    out: list[Piece] = ["Traceback (most recent call last):\n"]
    out += [
        f'  File "{v.path}/app/db.py", line {r.randrange(20, 200)}, in connect\n    engine = create_engine(url)\n'
    ]
    out += ["sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "]
    out += [
        '"',
        S("ip-address", ip) if r.random() < 0.5 else "db-primary.internal",
        '", port 5432 failed: timeout expired\n',
    ]
    out += [
        "  url = 'postgresql://",
        v.app.replace("-", "_"),
        ":",
        S("url-password", pw),
        "@db-primary.internal",
    ]
    out += [f":5432/{v.record}s'\n(Background on this error at: https://sqlalche.me/e/20/e3q8)\n"]
    out += ["DNS fallback resolver: ", K("8.8.8.8"), ", local proxy ", K("127.0.0.1"), "\n"]
    return out


def k_shell(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A shell session: git log with an identity, then a printed secret."""
    n = f.name()
    if r.random() < 0.6:
        out: list[Piece] = ["$ git log -1\ncommit ", K(f.sha()), "\nAuthor: ", S("person-name", n), " <"]
        out += [
            S("email", f.email_for(n)),
            f">\nDate:   Tue Mar 3 10:{r.randrange(10, 59)}:00 2026 +0100\n\n",
        ]
        out += [f"    {v.app}: rotate {v.service} credentials\n\n"]
    else:
        out = ["$ git log --oneline -2\n", K(f.sha(12)), f" {v.app}: rotate {v.service} credentials\n"]
        out += [K(f.sha(12)), " ci: pin base image\n"]
    if r.random() < 0.5:
        kind = f._least(["aws-secret-key", "api-key", "token", "encryption-key"])
        var = f"{v.env}_{kind.upper().replace('-', '_')}"
        out += [f"$ printenv {var}\n", f.secret_of(kind), "\n"]
    else:
        out += ["$ git describe --tags\nv", K(f.version()), "\n"]
    out += ["$ git config user.signingkey\n", K(f.run(16, HEX.upper())), "\n"]
    return out


def k_compose(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A docker-compose file with secrets in environment and references that stay."""
    t = f.any_vendor()
    out: list[Piece] = [
        f"# docker-compose.yml for {v.app}\nservices:\n  {v.app}:\n    image: ghcr.io/acme/{v.app}:"
    ]
    out += [K(f.version()), "\n    environment:\n"]
    if r.random() < 0.7:
        out += ["      POSTGRES_PASSWORD: ", S("password", f.password()), "\n"]
    else:
        out += ["      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n"]
    out += ["      ", t.cls.upper().replace("-", "_"), ": ", t, "\n"]
    out += ["      GITHUB_TOKEN: ", K("${GITHUB_TOKEN}"), "\n"]
    out += ['    ports:\n      - "8080:8080"\n']
    return out


def k_ci(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A CI job's output that echoes a token while the workflow refers to its secret."""
    t = f.vendor(
        r.choice(("github-token", "npm-token", "gitlab-token", "github-oauth-token", "slack-bot-token"))
    )
    out: list[Piece] = [f"Run ./scripts/deploy-{v.app}.sh\n  env:\n    TOKEN: "]
    out += [K("${{ secrets.DEPLOY_TOKEN }}"), '\n+ ./publish --token "$TOKEN"\n']
    out += ["debug: using token ", t, "\n"]
    out += [f"+ docker push registry.{f.domain()}/{v.app}@sha256:", K(f.sha(64)), "\n"]
    if r.random() < 0.5:
        out += ["fixture key (documented): ", K(f.aws_example()), "\n"]
    return out


def k_sql(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """An SQL INSERT whose column list names what each value is."""
    n = f.name()
    out: list[Piece] = [f"INSERT INTO {v.record}s (id, full_name, email, password_hash, created_at) VALUES\n"]
    if r.random() < 0.5:
        out += [
            f"  ({r.randrange(100, 999)}, '",
            S("person-name", n),
            "', '",
            S("email", f.email_for(n)),
            "', NULL",
        ]
    else:
        out += [
            f"  ({r.randrange(100, 999)}, 'svc-{v.app}', 'svc@localhost', '",
            S("password-hash", f.bcrypt()),
            "'",
        ]
    out += [", '2026-02-11 09:14:00'),\n"]
    out += [f"  ({r.randrange(100, 999)}, 'Test User', '", K("qa@example.com"), "', NULL, now());\n"]
    return out


def k_code(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """Client code with a key pasted in and a variable named for a secret."""
    t = f.any_vendor()
    out: list[Piece] = [f'"""Sync {v.record}s from the {v.service}."""\nimport os\n\n']
    out += ['API_KEY = "', t, '"  # TODO move to vault\n']
    out += ['password = os.environ["', K("DB_PASSWORD"), '"]\n']
    out += [f'client = Client(base_url="https://api.{f.domain()}", api_key=API_KEY, password=password)\n']
    out += [f'client.fetch_{v.record}s(since="2026-01-01")\n']
    return out


def k_pem(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A key file printed whole beside a public key that stays."""
    if r.random() < 0.5:
        return [f"$ cat {v.path}/keys/signing.pem\n", S("private-key", f.pem()), "\n"]
    return [
        "$ cat ~/.ssh/id_ed25519.pub\n",
        K(f.ssh_pub()),
        f" deploy@{v.app}\n$ cat ~/.ssh/id_ed25519\n",
        S("openssh-private-key", f.openssh()),
        "\n",
    ]


def k_wallet(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A config with a recovery phrase and a refresh token under names that say so."""
    out: list[Piece] = [f"# {v.app} donations wallet (staging)\n"]
    if r.random() < 0.5:
        out += ['SEED_PHRASE="', S("recovery-phrase", f.phrase()), '"\n']
    else:
        out += ["OAUTH_REFRESH_TOKEN=", S("refresh-token", f.secret_of("refresh-token").text), "\n"]
    out += ["CONTRACT_ADDRESS_DOCS=https://docs.", v.app, ".org/contracts/", K(f.sha()), "\n"]
    out += ["WALLET_NETWORK=sepolia\nRPC_URL=http://", K("127.0.0.1"), ":8545\n"]
    return out


def k_wedding(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """An RSVP export for a vendor portal: guests, meals and a vendor portal key."""
    out: list[Piece] = ["Guest Name,Email,Party Size,Meal,RSVP\n"]
    for _ in range(r.randint(1, 2)):
        n = f.name()
        out += [S("person-name", n), ",", S("email", f.email_for(n)), f",{r.randint(1, 4)},"]
        out += [r.choice(("chicken", "fish", "vegan")), ",yes\n"]
    out += ["Sample Guest,", K("guest@example.com"), ",2,fish,maybe\n"]
    if r.random() < 0.5:
        out += ["\n# vendor portal sync\nvendor_portal:\n  api_key: ", S("api-key", f.run(32)), "\n"]
    else:
        out += ["\n# notify planners\nwebhook: ", f.vendor("slack-webhook"), "\n"]
    out += ["template_version: ", K(f.version()), "\n"]
    return out


def k_gym(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A Mindbody/Glofox integration config and an instructor roster line."""
    n = f.name()
    out: list[Piece] = [
        "mindbody:\n  site_id: -99\n  api_key: ",
        S("api-key", f.run(32, HEX)),
        "\n  source_password: ",
    ]
    out += [K("changeme"), "\nglofox:\n  branch_id: ", f.run(24, HEX), "\n  api_token: "]
    out += [
        S("token", f.run(40)),
        "\ninstructors:\n  - instructor_name: ",
        S("person-name", n),
        "\n    certified: true\n",
    ]
    return out


def k_media(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """Sonarr/Radarr config.xml and a download client's settings."""
    out: list[Piece] = ["$ cat /config/config.xml\n<Config>\n  <Port>8989</Port>\n  <ApiKey>"]
    out += [
        S("api-key", f.run(32, HEX)),
        "</ApiKey>\n  <AuthenticationMethod>Forms</AuthenticationMethod>\n  <BindAddress>",
        K("127.0.0.1"),
        "</BindAddress>\n</Config>\n",
    ]
    out += ["plex_token: ", S("token", f.run(20)), "\n"]
    return out


def k_router(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """An OpenWrt UCI wireless and network config."""
    out: list[Piece] = [
        "$ cat /etc/config/wireless\nconfig wifi-iface 'default_radio0'\n\toption device 'radio0'\n"
    ]
    out += [
        "\toption ssid 'Home-5G'\n\toption encryption 'psk2'\n\toption key '",
        S("wifi-psk", f.dotted_pw()),
        "'\n",
    ]
    out += [
        "$ cat /etc/config/network\nconfig interface 'lan'\n\toption ipaddr '",
        S("ip-address", f.ip()),
        "'\n",
    ]
    out += ["\toption netmask '", K("255.255.255.0"), "'\n\tlist dns '", K("1.1.1.1"), "'\n"]
    return out


def k_slurm(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A Slurm job script that exports credentials before a run."""
    out: list[Piece] = [
        "#!/bin/bash\n#SBATCH --job-name=align\n#SBATCH --partition=gpu\n#SBATCH --gres=gpu:2\n"
    ]
    out += ["export GLOBUS_CLIENT_SECRET=", S("client-secret", f.secret_of("client-secret").text), "\n"]
    out += ["export HF_TOKEN=", f.vendor("huggingface-token"), "\n"]
    out += ["module load cuda/", K(f.version()), "\nsrun python train.py --config conf.yaml\n"]
    return out


def k_volunteer(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A volunteer roster with background-check status and an SSN column."""
    out: list[Piece] = ["volunteer_name,email,ssn,background_check,shift\n"]
    for _ in range(1):
        n = f.name()
        out += [S("person-name", n), ",", S("email", f.email_for(n)), ",", S("ssn", f.ssn()), ","]
        out += [r.choice(("cleared", "pending", "expired")), ",", r.choice(("Sat AM", "Sun PM")), "\n"]
    out += ["Jane Doe,", K("volunteer@example.com"), ",,sample,Sat AM\n# checked by job ", K(f.uuid()), "\n"]
    return out


def k_parking(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A handheld device config and a citation export line."""
    n = f.name()
    out: list[Piece] = ["[device]\nserial = HH-", str(r.randrange(10000, 99999)), "\nsync_password = "]
    out += [S("password", f.password()), "\nserver = ", S("ip-address", f.ip()), "\n\n"]
    out += [
        "citation_no,plate,owner_name,amount\n",
        str(r.randrange(10**6, 10**7)),
        ",",
        f.run(7, string.ascii_uppercase + string.digits),
        ",",
    ]
    out += [S("person-name", n), ",45.00\nfirmware: ", K(f.version()), "\nntp: ", K("1.1.1.1"), "\n"]
    return out


def k_utility(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A customer account with autopay bank details and meter reads."""
    n = f.name()
    out: list[Piece] = ['{\n  "account": "', str(r.randrange(10**7, 10**8)), '",\n  "customer_name": "']
    out += [S("person-name", n), '",\n  "statement_id": "', K(f.uuid()), '",\n  "autopay_iban": "']
    out += [
        S("iban", f.iban()),
        '",\n  "meter_reads": [',
        str(r.randrange(1000, 9999)),
        ", ",
        str(r.randrange(1000, 9999)),
        "]\n}\n",
    ]
    return out


def k_speech(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A speech API call from a call-center pipeline and a transcript header."""
    n = f.name()
    t = f.vendor(r.choice(("openai-api-key", "google-api-key", "anthropic-api-key")))
    out: list[Piece] = ["speech:\n  provider: ", t.cls.split("-")[0], "\n  api_key: ", t, "\n"]
    out += [
        "transcript:\n  call_id: ",
        K(f.uuid()),
        "\n  caller_name: ",
        S("person-name", n),
        "\n  qa_contact: ",
    ]
    out += [K("agent-qa@example.com"), "\n  lang: es-MX\n"]
    return out


def k_appstore(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """An App Store Server API key file and a receipt validation log line."""
    if r.random() < 0.4:
        return [
            f"$ cat AuthKey_{f.run(10, string.ascii_uppercase + string.digits)}.p8\n",
            S("private-key", f.pem()),
            "\n",
        ]
    out: list[Piece] = [
        "[receipt] verify transaction=",
        str(r.randrange(10**14, 10**15)),
        " env=Production\n",
    ]
    out += ["[receipt] bearer=", S("jwt", f.jwt()), "\n"]
    out += [
        "[receipt] status=0 bundle=com.acme.app original_transaction_id=",
        str(r.randrange(10**9, 10**10)) + "\n",
    ]
    return out


def k_vet(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A pet insurance claim with its owner and payout card."""
    n = f.name()
    out: list[Piece] = [
        "claim_id: CLM-",
        str(r.randrange(10**5, 10**6)),
        "\npet: ",
        r.choice(("Biscuit", "Mochi", "Rex")),
        "\n",
    ]
    out += ["owner_name: ", S("person-name", n), "\nlab_report: ", K(f.uuid()), "\n"]
    out += [
        "payout_card: ",
        S("card-number", f.card()),
        "\nlab_panel: CBC\nsandbox_card: ",
        K(f.test_card()),
        "\n",
    ]
    return out


def k_backstage(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """Backstage's app-config with integration tokens and a catalog entry."""
    n = f.name()
    out: list[Piece] = [
        "integrations:\n  github:\n    - host: github.com\n      token: ",
        f.vendor("github-token"),
        "\n",
    ]
    if r.random() < 0.5:
        out += ["  gitlab:\n    - host: gitlab.com\n      token: ", f.vendor("gitlab-token"), "\n"]
    out += ["backend:\n  auth:\n    keys:\n      - secret: ", K("${BACKEND_SECRET}"), "\n"]
    out += [
        "# catalog-info.yaml\nspec:\n  owner: team-payments\n  contact:\n    name: ",
        S("person-name", n),
        "\n    email: ",
    ]
    out += [S("email", f.email_for(n)), "\n"]
    return out


SPECIFIC: dict[str, Gen] = {
    "wedding-events": k_wedding,
    "gym-booking": k_gym,
    "media-servers": k_media,
    "home-routers": k_router,
    "science-clusters": k_slurm,
    "volunteer-management": k_volunteer,
    "parking-citations": k_parking,
    "utility-billing": k_utility,
    "callcenter-speech": k_speech,
    "app-purchases": k_appstore,
    "vet-pet-insurance": k_vet,
    "developer-platforms": k_backstage,
}


def k_wedding_login(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A vendor portal's access log with a form body that carries a sign-in."""
    n = f.name()
    out: list[Piece] = [f"POST /vendor/login HTTP/1.1\nHost: vendors.{f.domain()}\n"]
    out += ["Content-Type: application/x-www-form-urlencoded\n\n"]
    out += ["email=", S("email", f.email_for(n)), "&password=", S("password", f.password()), "&remember=1\n"]
    out += ["HTTP/1.1 302 Found\nLocation: /vendor/dashboard\nX-Request-Id: ", K(f.uuid()), "\n"]
    return out


def k_gym_members(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A Glofox member export as JSON lines, with a plan id that stays."""
    out: list[Piece] = [f"$ jq -c '.members[]' glofox-export-{r.randrange(100, 999)}.json | head -2\n"]
    for _ in range(r.randint(1, 2)):
        n = f.name()
        out += ['{"member_name":"', S("person-name", n), '","email":"', S("email", f.email_for(n)), '",']
        out += [
            f'"plan":"{r.choice(("unlimited", "10-pack", "off-peak"))}","visits":{r.randrange(1, 90)}}}\n'
        ]
    out += ["plan_catalog_etag: ", K(f.sha()), "\n"]
    return out


def k_media_clients(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """Transmission's settings.json and a Radarr API call with its key header."""
    out: list[Piece] = [
        '$ cat ~/.config/transmission-daemon/settings.json\n{\n    "rpc-authentication-required": true,\n'
    ]
    out += [
        '    "rpc-bind-address": "',
        K("0.0.0.0"),
        '",\n    "rpc-password": "',
        S("password", f.password()),
    ]
    out += ['",\n    "rpc-username": "media",\n    "rpc-whitelist": "', K("127.0.0.1"), ',192.168.*.*"\n}\n']
    if r.random() < 0.6:
        out += [
            "$ curl -s -H 'X-Api-Key: ",
            S("api-key", f.run(32, HEX)),
            "' http://localhost:7878/api/v3/movie | jq length\n",
        ]
        out += [str(r.randrange(100, 900)), "\n"]
    return out


def k_pfsense(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A pfSense config.xml backup with an admin hash and interface addresses."""
    out: list[Piece] = [
        '<?xml version="1.0"?>\n<pfsense>\n  <version>',
        K(f"{r.randrange(20, 24)}.{r.randrange(1, 9)}"),
        "</version>\n",
    ]
    out += [
        "  <system>\n    <user>\n      <name>admin</name>\n      <bcrypt-hash>",
        S("password-hash", f.bcrypt()),
    ]
    out += ["</bcrypt-hash>\n    </user>\n    <dnsserver>", K("8.8.4.4"), "</dnsserver>\n  </system>\n"]
    out += [
        "  <interfaces>\n    <lan>\n      <ipaddr>",
        S("ip-address", f.ip()),
        "</ipaddr>\n      <subnet>24</subnet>\n",
    ]
    out += ["    </lan>\n  </interfaces>\n</pfsense>\n"]
    return out


def k_jupyterhub(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A jupyterhub_config.py with an OAuth client secret and the proxy's token."""
    out: list[Piece] = ["# jupyterhub_config.py\nc.JupyterHub.authenticator_class = 'github'\n"]
    out += ["c.JupyterHub.bind_url = 'http://", K("0.0.0.0"), ":8000'\n"]
    out += ["c.GitHubOAuthenticator.client_id = 'Iv1.", f.run(16, HEX), "'\n"]
    out += ["c.GitHubOAuthenticator.client_secret = '", S("client-secret", f.run(40, HEX)), "'\n"]
    if r.random() < 0.5:
        out += ["c.ConfigurableHTTPProxy.auth_token = '", S("token", f.run(64, HEX)), "'\n"]
    out += ["c.Spawner.default_url = '/lab'\nc.SlurmSpawner.req_partition = 'gpu'\n"]
    return out


def k_volunteer_mail(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A shift-signup confirmation as mail headers, sent from a role account."""
    n = f.name()
    out: list[Piece] = [
        "From: Volunteer Hub <",
        K("noreply@example.com"),
        ">\nTo: ",
        S("person-name", n),
        " <",
    ]
    out += [
        S("email", f.email_for(n)),
        f">\nSubject: Shift confirmed: {r.choice(('food bank', 'river cleanup'))}\n",
    ]
    out += [
        "Message-ID: <",
        K(f.uuid()),
        "@mail.volunteer-hub>\n\nThanks for signing up! Background check: cleared.\n",
    ]
    return out


def k_parking_sync(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A handheld's upload log whose query string carries an API key."""
    key = f.run(32)
    dev = f.uuid()
    out: list[Piece] = [f"[sync] device={dev[:8]} uploading {r.randrange(3, 40)} citations\n"]
    out += [
        f"[sync] POST https://citations.{f.domain()}/v1/upload?device_id=",
        K(dev),
        "&api_key=",
        S("api-key", key),
        "\n",
    ]
    out += ["[sync] 201 Created in 412ms\n"]
    return out


def k_utility_stripe(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A payment portal's settings with Stripe's secret and publishable keys."""
    out: list[Piece] = [
        "# payment portal settings (production)\nSTRIPE_PUBLISHABLE_KEY=",
        K("pk" + "_live_" + f.run(24)),
        "\n",
    ]
    t = f.vendor(f._least(["stripe-secret-key", "stripe-restricted-key"]))
    name = "STRIPE_SECRET_KEY=" if t.cls == "stripe-secret-key" else "STRIPE_RESTRICTED_KEY="
    out += [name, t, "\n"]
    out += ["STRIPE_WEBHOOK_SECRET=", S("webhook-secret", "whsec_" + f.run(32)), "\nLATE_FEE_PERCENT=1.5\n"]
    return out


def k_transcript(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A diarized call transcript whose header names the caller."""
    n = f.name()
    out: list[Piece] = ["call_id,agent_name,caller_name,caller_email,duration_s\n", K(f.uuid()), ","]
    out += [S("person-name", f.name()), ",", S("person-name", n), ",", S("email", f.email_for(n))]
    out += [f",{r.randrange(60, 900)}\n\n[00:00:03] AGENT: Thanks for calling, how can I help?\n"]
    out += ["[00:00:07] CALLER: I was double charged on my last bill.\n"]
    return out


def k_play_billing(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A Play billing service account key file, its key id and key as JSON holds them."""
    key = f.pem().replace("\n", "\\n")
    out: list[Piece] = ['$ cat play-billing-sa.json\n{\n  "type": "service_account",\n']
    out += ['  "project_id": "receipts-prod",\n  "private_key_id": "', S("secret", f.sha()), '",\n']
    out += [
        '  "private_key": "',
        S("private-key", key),
        '\\n",\n  "token_uri": "https://oauth2.googleapis.com/token"\n}\n',
    ]
    return out


def k_vet_portal(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """A lab results download with curl's user and password."""
    pw = f.password()
    out: list[Piece] = [
        "$ curl -s -u petclaims-ops:",
        S("password", pw),
        f" https://labs.{f.domain()}/api/results?since=2026-03-01\n",
    ]
    out += ['{"results": [{"panel": "CBC", "accession": "', K(f.uuid()), '", "status": "final"}]}\n']
    return out


def k_backstage_plugins(r: random.Random, f: Fakes, v: Vocab) -> list[Piece]:
    """Backstage's production config: TechDocs on S3 and a proxied plugin."""
    out: list[Piece] = [
        "# app-config.production.yaml\ntechdocs:\n  publisher:\n    type: awsS3\n    awsS3:\n"
    ]
    out += [
        "      bucketName: techdocs-prod\n      credentials:\n        accessKeyId: ",
        f.vendor("aws-access-key"),
        "\n",
    ]
    out += ["        secretAccessKey: ", S("aws-secret-key", f.secret_of("aws-secret-key").text), "\n"]
    out += [
        "proxy:\n  '/pagerduty':\n    target: https://api.pagerduty.com\n    headers:\n      Authorization: "
    ]
    out += [K("Token token=${PAGERDUTY_TOKEN}"), "\n"]
    return out


SPECIFIC2: dict[str, tuple[str, Gen]] = {
    "wedding-events": ("portal-login", k_wedding_login),
    "gym-booking": ("member-export", k_gym_members),
    "media-servers": ("download-client", k_media_clients),
    "home-routers": ("pfsense", k_pfsense),
    "science-clusters": ("jupyterhub", k_jupyterhub),
    "volunteer-management": ("signup-mail", k_volunteer_mail),
    "parking-citations": ("handheld-sync", k_parking_sync),
    "utility-billing": ("payment-portal", k_utility_stripe),
    "callcenter-speech": ("transcript", k_transcript),
    "app-purchases": ("play-billing", k_play_billing),
    "vet-pet-insurance": ("lab-portal", k_vet_portal),
    "developer-platforms": ("plugin-config", k_backstage_plugins),
}


GENERIC: tuple[tuple[str, Gen], ...] = (
    ("env", k_env),
    ("csv", k_csv),
    ("api", k_api),
    ("curl", k_curl),
    ("traceback", k_traceback),
    ("shell", k_shell),
    ("compose", k_compose),
    ("ci", k_ci),
    ("sql", k_sql),
    ("code", k_code),
    ("keyfile", k_pem),
    ("wallet", k_wallet),
)
DOCS_PER_SETTING = 25


def _esc(s: str, delivery: str) -> str:
    return json.dumps(s, ensure_ascii=False)[1:-1] if delivery == "json" else s


def _deliver(text: str, delivery: str, r: random.Random, v: Vocab) -> str:
    lines = text.rstrip("\n").split("\n")
    if delivery == "json":
        return json.dumps({"type": "tool_result", "tool": "Bash", "content": text}, ensure_ascii=False)
    if delivery == "diff":
        p = f"{v.app}/{r.choice(('notes.md', 'debug.log', 'captured.txt', 'repro.sh'))}"
        head = f"diff --git a/{p} b/{p}\nnew file mode 100644\n--- /dev/null\n+++ b/{p}\n@@ -0,0 +1,{len(lines)} @@\n"
        return head + "".join("+" + ln + "\n" for ln in lines)
    if delivery == "numbered":
        return "".join(f"{i:>6}\t{ln}\n" for i, ln in enumerate(lines, 1))
    if delivery == "cilog":
        sec, day = r.randrange(3000), r.randint(1, 9)
        stamps = [
            f"2026-03-0{day}T09:{(sec + i) // 60 % 60:02d}:{(sec + i) % 60:02d}" for i in range(len(lines))
        ]
        return "".join(f"{t}.{r.randrange(1000):03d}Z {ln}\n" for t, ln in zip(stamps, lines, strict=True))
    if delivery == "fence":
        return "```text\n" + "\n".join(lines) + "\n```\n"
    return text


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _document(name: str, setting: str, pieces: list[Piece], r: random.Random) -> Document:
    raw = "".join(p if isinstance(p, str) else p.text for p in pieces)
    multi = any(isinstance(p, S) and "\n" in p.text for p in pieces)
    delivery = r.choice(("plain", "fence")) if multi else r.choice(DELIVERIES)
    text = _deliver(raw, delivery, r, VOCAB[setting])
    secrets: dict[str, str] = {}
    for p in pieces:
        if isinstance(p, S):
            secrets.setdefault(_esc(p.text, delivery), p.cls)
    values = [s for s in secrets if not any(s != o and s in o for o in secrets)]
    slist = sorted(
        (Secret(secrets[s], s, i) for s in values for i in _find_all(text, s)), key=lambda x: x.offset
    )
    keeps_t = {_esc(p.text, delivery) for p in pieces if isinstance(p, K)}
    keeps: list[Keep] = []
    for k in sorted(keeps_t):
        if any(k in s or s in k for s in values):
            continue
        for i in _find_all(text, k):
            if not any(i < s.offset + len(s.text) and s.offset < i + len(k) for s in slist):
                keeps.append(Keep(k, i))
    return Document(name, setting, delivery, text, tuple(slist), tuple(sorted(keeps, key=lambda x: x.offset)))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Build every document from one seeded Random, so the corpus is the same for a seed."""
    r = random.Random(seed)
    f = Fakes(r)
    docs: list[Document] = []
    for setting in SETTINGS:
        first = (setting.split("-")[0], SPECIFIC[setting])
        kinds: list[tuple[str, Gen]] = [first, SPECIFIC2[setting]] * 3 + list(GENERIC)
        counts: dict[str, int] = {}
        for i in range(DOCS_PER_SETTING):
            kind, gen = kinds[i % len(kinds)] if i < len(kinds) else r.choice(kinds)
            counts[kind] = counts.get(kind, 0) + 1
            pieces = gen(r, f, VOCAB[setting])
            docs.append(_document(f"{setting}/{kind}/{counts[kind]:02d}", setting, pieces, r))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A digest of the whole corpus, to pin it."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(s: str) -> set[str]:
    return {s[i : i + 6] for i in range(len(s) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall, fragment-free recall, vendor recall and keep rate over docs."""
    n = removed = clean = vendor = vendor_removed = kept = spans = 0
    for d in docs:
        out = scrub(d.text)
        filled = out
        if d.secrets:
            chars = list(d.text)
            for s in d.secrets:
                chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
            filled = scrub("".join(chars))
        for s in d.secrets:
            n += 1
            gone = s.text not in out
            removed += gone
            clean += gone and not any(w in out and w not in filled for w in _windows(s.text))
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in d.keeps:
            spans += 1
            kept += out.count(k.text) >= d.text.count(k.text)

    def share(a: int, b: int) -> float:
        return float(a / b) if b else 1.0

    return {
        "secrets": float(n),
        "recall": share(removed, n),
        "recall_no_fragment": share(clean, n),
        "vendor_prefix_recall": share(vendor_removed, vendor),
        "keep_rate": share(kept, spans),
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """Measure the real scrubber on this corpus (aggregates only)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)


__all__ = [
    "BIP39_HEAD",
    "CLASSES",
    "DEFAULT_SEED",
    "DELIVERIES",
    "SETTINGS",
    "VENDOR_CLASSES",
    "VENDOR_PREFIXES",
    "Document",
    "Keep",
    "Secret",
    "bip39_ok",
    "build_corpus",
    "corpus_digest",
    "crc_token_ok",
    "iban_ok",
    "luhn_ok",
    "measure_documents",
    "measure_held_back",
    "ssn_ok",
]

_ = Any
