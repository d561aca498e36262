"""The thirtieth held-back scrub corpus.

Its twelve settings: developer portals and API gateways (Kong, Tyk, Apigee, consumer credentials, developer
app exports); serverless databases and queues (Upstash, Neon, Turso, Xata, connection strings); image and
video AI APIs (Stability, Runway, Midjourney bots, fal.ai, Leonardo); web scraping and proxy services (Bright
Data, ScraperAPI, Oxylabs, proxy URLs with credentials); Chrome and Firefox profile data (Login Data exports,
cookies sqlite dumps, sync settings); Terraform Cloud and Spacelift runs (workspace variables, run logs, agent
tokens); notebooks of data teams (Hex, Deepnote, Mode, Databricks widgets); SRE runbooks and chatops
transcripts (runbook markdown, bot commands, break-glass accounts); embedded Linux boards (Raspberry Pi imager
configs, wpa_supplicant, U-Boot env, serial console logs); phone and tablet backups (iOS backup manifests,
Android adb logs, contact exports); password reset and account recovery flows (reset e-mails, magic links,
recovery codes, support tickets); multi-tenant SaaS admin consoles (tenant exports, impersonation logs, SCIM
tokens, admin audit trails).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays (and
look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every fake is drawn at
build time from a seeded `random.Random` and is valid for its format (checksums, Luhn, mod 97, issuance
ranges, DER and OpenSSH layouts, BIP-39 checksums, vendor prefixes and lengths). Each document is delivered one
of six ways (plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines, a Markdown
fence) and its labels are the values' exact text as delivered. The measure reports aggregates only, never a
value.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import zlib
from collections.abc import Callable, Iterable

import attrs

DEFAULT_SEED: int = 20261230

DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")

SETTINGS: tuple[str, ...] = (
    "developer-portals",
    "serverless-data",
    "media-ai-apis",
    "scraping-proxies",
    "browser-profiles",
    "terraform-runs",
    "data-notebooks",
    "sre-chatops",
    "embedded-boards",
    "device-backups",
    "account-recovery",
    "saas-admin",
)

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "github-oauth-token",
        "npm-token",
        "slack-token",
        "stripe-key",
        "aws-access-key",
        "openai-key",
        "stability-key",
        "huggingface-token",
        "gitlab-token",
        "sendgrid-key",
        "terraform-cloud-token",
        "databricks-token",
        "google-api-key",
        "replicate-token",
        "xata-key",
        "kong-pat",
        "grafana-token",
        "google-oauth-token",
    }
)

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "api-key",
        "token",
        "secret",
        "client-secret",
        "jwt",
        "private-key",
        "openssh-key",
        "email",
        "person-name",
        "phone",
        "card-number",
        "iban",
        "ssn",
        "ip-address",
        "basic-auth",
        "session-cookie",
        "password-hash",
        "recovery-code",
        "reset-token",
        "magic-link-token",
        "wifi-psk",
        "mnemonic",
        "aws-secret-key",
        "otp-seed",
        "webhook-secret",
        "scim-token",
        "bot-token",
    }
)

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


@attrs.frozen
class Secret:
    """A value the policy says goes, as it stands in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, though it looks like one that goes."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered text with every labelled value in it."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


# ---------------------------------------------------------------- format checks

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = string.ascii_uppercase + "234567"
HEXD = "0123456789abcdef"
LC = string.ascii_lowercase + string.digits
UC = string.ascii_uppercase + string.digits
ULID = string.digits + "ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, as ULIDs use


def _b62(n: int, width: int) -> str:
    """Base62 digits of n, left-padded with zeros, as GitHub writes its token checksums."""
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """A GitHub-style token: prefix, 30 base62 characters and their CRC32 in six base62 digits."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in B62 for c in body):
        return False
    return _b62(zlib.crc32(body[:30].encode()), 6) == body[30:]


def luhn_ok(number: str) -> bool:
    """The Luhn check that card numbers carry (blanks and dashes ignored)."""
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
    """ISO 13616: known country length and the mod-97 check (groups of four allowed)."""
    compact = iban.replace(" ", "")
    lengths = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "BE": 16}
    if lengths.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """A US SSN in issuance ranges: area not 000, 666 or 9xx; group not 00; serial not 0000."""
    parts = ssn.split("-") if "-" in ssn else [ssn[:3], ssn[3:5], ssn[5:]]
    if [len(p) for p in parts] != [3, 2, 4] or not all(p.isdigit() for p in parts):
        return False
    area, group, serial = parts
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def bip39_ok(phrase: str) -> bool:
    """A 12-word phrase over BIP39_HEAD whose last four bits are the SHA-256 checksum of its entropy."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return format(hashlib.sha256(entropy).digest()[0] >> 4, "04b") == bits[128:]


# ---------------------------------------------------------------- fakes

FIRST = [
    "Priya",
    "Mateo",
    "Ingrid",
    "Tobias",
    "Amara",
    "Keanu",
    "Solveig",
    "Dmitri",
    "Lucia",
    "Oren",
    "Hana",
    "Rafael",
    "Nadia",
    "Colm",
    "Yusuf",
    "Greta",
    "Emeka",
    "Linnea",
    "Tomasz",
    "Ayesha",
    "Bruno",
    "Saoirse",
    "Kenji",
    "Mireille",
    "Anders",
    "Folake",
    "Ilya",
    "Marisol",
    "Dario",
    "Elif",
]
LAST = [
    "Raman",
    "Okafor",
    "Lindqvist",
    "Brennan",
    "Castellano",
    "Nakamura",
    "Haddad",
    "Petrov",
    "Whitcombe",
    "Oyelaran",
    "Sandoval",
    "Kowalczyk",
    "Fitzgerald",
    "Abernathy",
    "Delacroix",
    "Moreau",
    "Halvorsen",
    "Achterberg",
    "Quispe",
    "Varga",
    "Mbeki",
    "Szabo",
    "Rinaldi",
    "Thorne",
]
DOMAINS = (
    "quillmark.io",
    "brindlehq.com",
    "northwind-labs.net",
    "tallowcraft.co",
    "fernbank.dev",
    "heronway.app",
    "cobaltmesa.org",
    "lumenfold.io",
)
WORDS = [
    "lantern",
    "mango",
    "cobalt",
    "saffron",
    "juniper",
    "velvet",
    "harbor",
    "ember",
    "orchid",
    "tundra",
    "quartz",
    "maple",
    "falcon",
    "willow",
    "copper",
    "meadow",
    "lilac",
    "pepper",
    "raven",
    "thistle",
    "basalt",
    "citrus",
    "marble",
    "nimbus",
]


STAND_INS = ("Jane Doe", "John Smith", "Erika Mustermann", "Max Mustermann")


class Fakes:
    """Every fake value, drawn from one seeded random.Random so a corpus is reproducible."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def chars(self, n: int, alphabet: str = B62) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hexs(self, n: int) -> str:
        return self.chars(n, HEXD)

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(self.r.randbytes(nbytes)).decode()

    def b64url(self, nbytes: int) -> str:
        return base64.urlsafe_b64encode(self.r.randbytes(nbytes)).decode().rstrip("=")

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + self.chars(n - 1, string.digits)

    def word(self) -> str:
        return self.r.choice(WORDS)

    # people
    def first(self) -> str:
        return self.r.choice(FIRST)

    def last(self) -> str:
        return self.r.choice(LAST)

    def person(self) -> str:
        return f"{self.first()} {self.last()}"

    def domain(self) -> str:
        return self.r.choice(DOMAINS)

    def email(self, person: str | None = None) -> str:
        first, last = (person or self.person()).lower().split()[:2]
        local = self.r.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}", f"{first}_{last[:3]}"])
        return f"{local}@{self.domain()}"

    def doc_email(self) -> str:
        return f"{self.r.choice(['jane', 'dev', 'ops', 'alice', 'support'])}@example.com"

    def phone(self) -> str:
        area = self.r.randint(201, 989)
        style = self.r.randrange(3)
        a, b = self.r.randint(201, 989), self.r.randint(1000, 9999)
        if style == 0:
            return f"+1 ({area}) {a}-{b}"
        if style == 1:
            return f"+1-{area}-{a}-{b}"
        return f"+49 15{self.r.randint(1, 9)} {self.digits(4)} {self.digits(4)}"

    # money and identity
    def card(self) -> str:
        head = self.r.choice(["4", "51", "52", "55", "37"])
        length = 15 if head == "37" else 16
        body = head + self.chars(length - len(head) - 1, string.digits)
        for d in string.digits:
            if luhn_ok(body + d):
                number = body + d
                break
        if self.r.random() < 0.5:
            return number
        if length == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))

    def iban(self) -> str:
        country = self.r.choice(["DE", "GB", "NL", "AT"])
        if country == "DE":
            bban = self.chars(18, string.digits)
        elif country == "GB":
            bban = self.chars(4, string.ascii_uppercase) + self.chars(14, string.digits)
        elif country == "NL":
            bban = self.chars(4, string.ascii_uppercase) + self.chars(10, string.digits)
        else:
            bban = self.chars(16, string.digits)
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        iban = f"{country}{check:02d}{bban}"
        if self.r.random() < 0.4:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self) -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"

    def mnemonic(self) -> str:
        idx = [self.r.randrange(128) for _ in range(11)]
        tail = self.r.randrange(8)
        bits = "".join(format(i, "011b") for i in idx) + "0000" + format(tail, "03b")
        entropy = int(bits, 2).to_bytes(16, "big")
        checksum = hashlib.sha256(entropy).digest()[0] >> 4
        idx.append((tail << 4) | checksum)
        return " ".join(BIP39_HEAD[i] for i in idx)

    # secrets people choose
    def password(self) -> str:
        style = self.r.randrange(5)
        if style == 0:
            return f"{self.word()}.{self.word()}{self.r.randint(100, 9999)}"
        if style == 1:
            return self.chars(18, string.ascii_letters + string.digits + "!#%&*+-=?@^_")
        if style == 2:
            return f"{self.word().capitalize()}{self.r.randint(100, 999)}{self.r.choice('!#$%&*?')}"
        if style == 3:
            return "-".join(self.word() for _ in range(3)) + str(self.r.randint(10, 99))
        return self.chars(12, string.ascii_letters + string.digits) + self.r.choice("!#%&*?")

    # vendor tokens
    def crc_token(self, prefix: str) -> str:
        body = self.chars(30)
        return prefix + body + _b62(zlib.crc32(body.encode()), 6)

    def github(self) -> str:
        return self.crc_token("gh" + "p_")

    def github_oauth(self) -> str:
        return self.crc_token("gh" + "o_")

    def npm(self) -> str:
        return self.crc_token("np" + "m_")

    def slack(self, kind: str = "b") -> str:
        return f"xox{kind}-{self.digits(11)}-{self.digits(13)}-{self.chars(24)}"

    def stripe(self) -> str:
        return "sk" + "_live_" + self.chars(99)

    def akia(self) -> str:
        return "AK" + "IA" + self.chars(16, B32)

    def aws_secret(self) -> str:
        return self.chars(40, string.ascii_letters + string.digits + "+/")

    def openai(self) -> str:
        return "sk" + "-proj-" + self.chars(74, B62 + "-_") + "T3Blbk" + "FJ" + self.chars(74, B62 + "-_")

    def stability(self) -> str:
        return "sk" + "-" + self.chars(48)

    def hf(self) -> str:
        return "hf" + "_" + self.chars(34, string.ascii_letters)

    def gitlab(self) -> str:
        return "glpat" + "-" + self.chars(20, B62 + "-_")

    def sendgrid(self) -> str:
        return "SG" + "." + self.chars(22, B62 + "-_") + "." + self.chars(43, B62 + "-_")

    def tfc(self) -> str:
        return self.chars(14) + ".atlas" + "v1." + self.chars(67)

    def databricks(self) -> str:
        return "da" + "pi" + self.hexs(32)

    def google_key(self) -> str:
        return "AI" + "za" + self.chars(35, B62 + "-_")

    def replicate(self) -> str:
        return "r8" + "_" + self.chars(37)

    def xata(self) -> str:
        return "xa" + "u_" + self.chars(36)

    def kong(self) -> str:
        return "kp" + "at_" + self.chars(49)

    def grafana(self) -> str:
        return "gl" + "sa_" + self.chars(32) + "_" + self.hexs(8)

    def ya29(self) -> str:
        return "ya" + "29." + self.chars(150, B62 + "-_")

    # structured secrets
    def jwt(self, payload: dict[str, object]) -> str:
        def enc(obj: object) -> str:
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        return f"{enc({'alg': 'HS256', 'typ': 'JWT'})}.{enc(payload)}.{self.b64url(32)}"

    def pem(self, label: str = "PRIVATE KEY") -> str:
        size = self.r.randint(300, 420)
        der = bytes([0x30, 0x82, size >> 8, size & 0xFF]) + self.r.randbytes(size)
        body = base64.b64encode(der).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        dash = "-" * 5
        return "\n".join([f"{dash}BEGIN {label}{dash}", *lines, f"{dash}END {label}{dash}"])

    def openssh(self) -> str:
        raw = b"openssh-key-v1\x00" + self.r.randbytes(self.r.randint(300, 380))
        body = base64.b64encode(raw).decode()
        lines = [body[i : i + 70] for i in range(0, len(body), 70)]
        dash = "-" * 5
        label = "OPENSSH PRIVATE KEY"
        return "\n".join([f"{dash}BEGIN {label}{dash}", *lines, f"{dash}END {label}{dash}"])

    def ssh_public(self) -> str:
        raw = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.r.randbytes(32)
        return "ssh-ed25519 " + base64.b64encode(raw).decode()

    def bcrypt(self) -> str:
        return "$2b$12$" + self.chars(53, string.ascii_letters + string.digits + "./")

    def sha512crypt(self) -> str:
        salt = self.chars(16, string.ascii_letters + string.digits + "./")
        return f"$6${salt}$" + self.chars(86, string.ascii_letters + string.digits + "./")

    def sha256crypt(self) -> str:
        salt = self.chars(16, string.ascii_letters + string.digits + "./")
        return f"$5${salt}$" + self.chars(43, string.ascii_letters + string.digits + "./")

    def pbkdf2(self) -> str:
        return f"pbkdf2_sha256$870000${self.chars(22)}${self.b64(32)}"

    def basic(self, user: str) -> str:
        return base64.b64encode(f"{user}:{self.password()}".encode()).decode()

    def otp_seed(self) -> str:
        return self.chars(32, B32)

    # addresses
    def public_ip(self) -> str:
        first = self.r.choice([34, 35, 44, 52, 54, 81, 91, 104, 141, 142, 159, 165, 178, 185, 212])
        return f"{first}.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}.{self.r.randint(2, 253)}"

    def private_ip(self) -> str:
        style = self.r.randrange(3)
        if style == 0:
            return f"10.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}.{self.r.randint(2, 253)}"
        if style == 1:
            return f"172.{self.r.randint(16, 31)}.{self.r.randint(0, 254)}.{self.r.randint(2, 253)}"
        return f"192.168.{self.r.randint(0, 99)}.{self.r.randint(2, 253)}"

    def doc_ip(self) -> str:
        net = self.r.choice(["192.0.2.", "198.51.100.", "203.0.113."])
        return f"{net}{self.r.randint(1, 254)}"

    def sha(self) -> str:
        return self.hexs(40)

    def version(self) -> str:
        return f"{self.r.randint(1, 9)}.{self.r.randint(0, 30)}.{self.r.randint(0, 20)}"

    def ts(self) -> str:
        return (
            f"2026-{self.r.randint(1, 11):02d}-{self.r.randint(1, 28):02d}T{self.r.randint(0, 23):02d}:"
            f"{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}Z"
        )

    def placeholder(self) -> str:
        return self.r.choice(
            ["changeme", "<your-api-key>", "${API_TOKEN}", "****", "<token>", "your-secret-here"]
        )


class _Doc:
    """Collects one document's labelled values while its template writes the text."""

    def __init__(self, f: Fakes) -> None:
        self.f = f
        self.r = f.r
        self.secrets: list[tuple[str, str]] = []
        self.keeps: list[str] = []

    def s(self, cls: str, value: str) -> str:
        """Mark a value the policy says goes."""
        if cls not in CLASSES:
            raise ValueError(cls)
        self.secrets.append((cls, value))
        return value

    def k(self, value: str) -> str:
        """Mark a value the policy says stays."""
        self.keeps.append(value)
        return value

    def pick(self, *options: str) -> str:
        return self.r.choice(options)

    def person(self, p: float = 0.35) -> tuple[str, str]:
        """A person and their address, or a documentation example's stand-in pair (both kept)."""
        if self.r.random() < p:
            name = self.r.choice(STAND_INS)
            return self.k(name), self.k(name.split()[0].lower() + "@example.com")
        name = self.f.person()
        return self.s("person-name", name), self.s("email", self.f.email(name))

    def alt(self, cls: str, value: str, *stand_ins: str, p: float = 0.5) -> str:
        """A secret, or (as in a sample file or a masked copy) a stand-in that holds nothing."""
        if self.r.random() < p:
            return self.k(self.r.choice(stand_ins))
        return self.s(cls, value)


Template = Callable[[_Doc], str]

# ---------------------------------------------------------------- developer portals and API gateways


def dp_kong_decl(d: _Doc) -> str:
    f = d.f
    user = f.first().lower()
    key = d.s("api-key", f.chars(32))
    pw = d.alt("password", f.password(), "changeme", "{vault://env/basic-auth-pass}")
    jwt_secret = d.alt("secret", f.chars(40), "{vault://aws/kong/jwt}", p=0.4)
    ref = d.k("{vault://aws/kong/" + d.pick("jwt-signing", "hmac-shared", "partner-feed") + "}")
    upstream = d.pick("orders", "billing", "catalog", "ledger")
    return f"""_format_version: "3.0"
_transform: true
services:
  - name: {upstream}
    url: {d.k(f"http://{upstream}.svc.cluster.local:8080")}
    routes:
      - name: {upstream}-public
        paths: [/v1/{upstream}]
    plugins:
      - name: key-auth
        config:
          key_names: [apikey]
          hide_credentials: true
consumers:
  - username: {user}-mobile
    keyauth_credentials:
      - key: {key}
    basicauth_credentials:
      - username: {user}
        password: "{pw}"
    jwt_secrets:
      - key: {user}-issuer
        algorithm: HS256
        secret: {jwt_secret}
  - username: partner-feed
    hmacauth_credentials:
      - username: partner-feed
        secret: "{ref}"
"""


def dp_deck_sync(d: _Doc) -> str:
    f = d.f
    pat = d.s("kong-pat", f.kong())
    cp = d.pick("prod-eu", "staging", "payments-gw")
    ver = d.k(f"deck {f.version()}")
    sha = d.k(f.sha())
    flag = d.pick(f"--konnect-token {pat}", f"--konnect-token={pat}")
    return f"""$ deck version
{ver}
$ git rev-parse HEAD
{sha}
$ deck gateway sync kong.yaml --konnect-control-plane-name {cp} {flag}
creating service {d.pick("orders", "billing", "search")}
creating route {d.pick("orders-v1", "billing-v2", "search-v1")}
updating plugin rate-limiting (global)
Summary:
  Created: 2
  Updated: 1
  Deleted: 0
"""


def dp_tyk_conf(d: _Doc) -> str:
    f = d.f
    secret = d.s("secret", f.chars(32))
    node = d.alt("secret", f.chars(36), "<node-secret>", p=0.5)
    redis_pw = d.alt("password", f.password(), "${TYK_GW_STORAGE_PASSWORD}")
    ip = d.alt("ip-address", f.private_ip(), "127.0.0.1", "tyk-redis.svc.cluster.local")
    doc = d.k(f"https://tyk.io/docs/tyk-oss-gateway/configuration/#{d.pick('secret', 'node_secret')}")
    return f"""// tyk.conf -- see {doc}
{{
  "listen_port": 8080,
  "secret": "{secret}",
  "node_secret": "{node}",
  "template_path": "/opt/tyk-gateway/templates",
  "use_db_app_configs": false,
  "app_path": "/opt/tyk-gateway/apps",
  "storage": {{
    "type": "redis",
    "host": "{ip}",
    "port": 6379,
    "password": "{redis_pw}",
    "database": 0
  }},
  "hash_keys": true,
  "enable_analytics": {d.pick("true", "false")}
}}
"""


def dp_tyk_key(d: _Doc) -> str:
    f = d.f
    admin = d.alt("secret", f.hexs(32), "$TYK_GW_SECRET")
    key = d.s("api-key", "eyJvcmciOiI" + f.chars(40))
    rid = d.k(f.uuid())
    return f"""$ curl -s -X POST http://localhost:8080/tyk/keys/create \\
    -H "x-tyk-authorization: {admin}" \\
    -H "Content-Type: application/json" \\
    -d @key-request.json
{{"key":"{key}","status":"ok","action":"added"}}
$ curl -s -o /dev/null -w '%{{http_code}}\\n' -H "X-Request-Id: {rid}" http://localhost:8080/{d.pick("orders", "geo")}/
401
"""


def dp_apigee_export(d: _Doc) -> str:
    f = d.f
    fn, ln = f.first(), f.last()
    person = f"{fn} {ln}"
    mail = d.s("email", f.email(person))
    ck = d.s("api-key", f.chars(48, string.ascii_letters + string.digits))
    cs = d.alt("client-secret", f.chars(32, string.ascii_letters + string.digits), "********", p=0.5)
    app_id = d.k(f.uuid())
    cb = d.k("https://app.example.com/oauth/callback")
    d.s("person-name", fn)
    d.s("person-name", ln)
    return f"""{{
  "developer": {{
    "email": "{mail}",
    "firstName": "{fn}",
    "lastName": "{ln}",
    "userName": "{fn.lower()}{ln[0].lower()}",
    "status": "active"
  }},
  "apps": [
    {{
      "appId": "{app_id}",
      "name": "{d.pick("inventory-sync", "fleet-dashboard", "loyalty-app")}",
      "callbackUrl": "{cb}",
      "credentials": [
        {{
          "consumerKey": "{ck}",
          "consumerSecret": "{cs}",
          "expiresAt": -1,
          "status": "approved",
          "apiProducts": [{{"apiproduct": "{d.pick("payments-read", "catalog-basic")}", "status": "approved"}}]
        }}
      ]
    }}
  ]
}}
"""


def dp_oauth_curl(d: _Doc) -> str:
    f = d.f
    cid = f.chars(24, LC)
    cs = d.alt("client-secret", f.chars(40, B62 + "-_"), "$CLIENT_SECRET", p=0.3)
    tok = d.s("jwt", f.jwt({"sub": cid, "scope": "orders:read", "iat": 1764000000, "exp": 1764003600}))
    host = f"api.{f.domain()}"
    corr = d.k(f.uuid())
    d.k(f"https://{host}/oauth2/token")
    return f"""$ curl -s https://{host}/oauth2/token -d grant_type=client_credentials \\
    -d client_id={cid} -d client_secret={cs}
{{"access_token":"{tok}","token_type":"Bearer","expires_in":3600}}
$ TOKEN=$(jq -r .access_token token.json)
$ http GET https://{host}/v1/orders "Authorization:Bearer $TOKEN"
HTTP/1.1 200 OK
Content-Type: application/json
X-Correlation-Id: {corr}
X-RateLimit-Remaining-Minute: 59
"""


def dp_portal_env(d: _Doc) -> str:
    f = d.f
    gh = d.s("github-token", f.github())
    admin = d.s("token", f.chars(40, string.ascii_letters + string.digits))
    smtp = d.alt("password", f.password(), "<smtp-password>", "your-secret-here")
    ph = d.k(d.pick("changeme", "<your-admin-token>", "${KONG_ADMIN_TOKEN}"))
    return f"""# portal/.env -- docs sync and admin API for the developer portal
KONG_ADMIN_URL=https://admin.gw.{f.domain()}:8444
KONG_ADMIN_TOKEN={admin}
# staging uses the sample value below
KONG_ADMIN_TOKEN_STAGING={ph}
PORTAL_DOCS_REPO={f.first().lower()}-org/api-specs
PORTAL_DOCS_GITHUB_TOKEN={gh}
KONNECT_TOKEN={d.s("kong-pat", f.kong())}
PORTAL_SMTP_USER=portal
PORTAL_SMTP_PASSWORD={smtp}
PORTAL_GUI_HOST={d.k("https://portal.example.com")}
"""


def dp_cert_key(d: _Doc) -> str:
    f = d.f
    key = f.pem(d.pick("PRIVATE KEY", "RSA PRIVATE KEY"))
    sni = f"api.{f.domain()}"
    cid = d.k(f.uuid())
    body = "\n".join("      " + line for line in key.split("\n"))
    d.s("private-key", body.lstrip())
    return f"""certificates:
  - id: {cid}
    snis:
      - name: {sni}
    cert: |-
      {d.k("-----BEGIN CERTIFICATE-----")}
      (see certs/{sni}.pem)
      -----END CERTIFICATE-----
    key: |-
{body}
"""


DEVELOPER_PORTALS: tuple[Template, ...] = (
    dp_kong_decl,
    dp_deck_sync,
    dp_tyk_conf,
    dp_tyk_key,
    dp_apigee_export,
    dp_oauth_curl,
    dp_portal_env,
    dp_cert_key,
)

# ---------------------------------------------------------------- serverless databases and queues


def sd_env(d: _Doc) -> str:
    f = d.f
    sub = f.chars(6, string.ascii_lowercase)
    up_tok = d.s("token", "A" + f.chars(3, string.ascii_uppercase) + "QAAIjcDE" + f.chars(56, B62))
    pw = d.alt("password", "npg_" + f.chars(12), "${NEON_PASSWORD}", "****")
    ep = f"ep-{f.word()}-{f.word()}-{f.digits(6)}"
    turso = d.alt("jwt", f.jwt({"a": "rw", "iat": 1760000000, "id": f.uuid()}), "<turso-token>", p=0.4)
    xata = d.s("xata-key", f.xata())
    url = d.k(f"https://{f.word()}-{f.digits(5)}.upstash.io")
    return f"""# .env.local (pulled with `vercel env pull`)
UPSTASH_REDIS_REST_URL="{url}"
UPSTASH_REDIS_REST_TOKEN="{up_tok}"
DATABASE_URL="postgresql://neondb_owner:{pw}@{ep}-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require"
TURSO_DATABASE_URL="libsql://{sub}-{f.word()}.turso.io"
TURSO_AUTH_TOKEN="{turso}"
XATA_API_KEY="{xata}"
XATA_BRANCH=main
"""


def sd_neon_cli(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.chars(12))
    proj = f"{f.word()}-{f.word()}-{f.digits(8)}"
    ep = f"ep-{f.word()}-{f.word()}-{f.chars(8, LC)}"
    ver = d.k(f"neonctl {f.version()}")
    return f"""$ neonctl --version
{ver}
$ neonctl connection-string --project-id {proj} --role-name app_rw --pooled
postgresql://app_rw:{pw}@{ep}-pooler.eu-central-1.aws.neon.tech/app?sslmode=require&channel_binding=require
$ neonctl branches list --project-id {proj}
┌─────────────────────────┬────────┬─────────┬──────────────────────┐
│ Id                      │ Name   │ Default │ Created At           │
├─────────────────────────┼────────┼─────────┼──────────────────────┤
│ br-{f.word()}-{f.word()}-{f.digits(8)} │ main   │ true    │ {f.ts()} │
└─────────────────────────┴────────┴─────────┴──────────────────────┘
"""


def sd_turso_cli(d: _Doc) -> str:
    f = d.f
    db = f"{f.word()}-{d.pick('prod', 'edge', 'analytics')}"
    tok = d.s("jwt", f.jwt({"a": d.pick("ro", "rw"), "gid": f.uuid(), "iat": 1765000000}))
    url = d.k(f"libsql://{db}-{f.word()}.turso.io")
    return f"""$ turso db show {db}
Name:           {db}
URL:            {url}
Locations:      ams, iad
Size:           {f.r.randint(1, 900)} kB
$ turso db tokens create {db} --expiration 7d
{tok}
$ turso db shell {url} "select count(*) from sessions"
COUNT(*)
{f.r.randint(10, 9000)}
"""


def sd_upstash_py(d: _Doc) -> str:
    f = d.f
    tok = d.s("token", "A" + f.chars(3, string.ascii_uppercase) + "ASQgM" + f.chars(58, B62))
    qtok = d.alt("token", "eyJVc2VySUQiOi" + f.chars(60, B62), "<QSTASH_TOKEN>", p=0.5)
    sig = d.s("secret", "sig_" + f.chars(28))
    d.k("https://worker.example.com/api/run")
    nxt = d.alt("secret", "sig_" + f.chars(28), "<next-signing-key>", p=0.6)
    url = d.k(f"https://{f.word()}-{f.word()}-{f.digits(5)}.upstash.io")
    return f"""from upstash_redis import Redis
from qstash import QStash, Receiver

redis = Redis(url="{url}", token="{tok}")
client = QStash("{qtok}")
receiver = Receiver(
    current_signing_key="{sig}",
    next_signing_key="{nxt}",
)

def enqueue(job_id: str) -> None:
    redis.incr("jobs:enqueued")
    client.message.publish_json(url="https://worker.example.com/api/run", body={{"id": job_id}})
"""


def sd_traceback(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.password())
    host = d.alt("ip-address", f.private_ip(), "127.0.0.1", p=0.6)
    d.k("https://www.psycopg.org/psycopg3/docs/api/errors.html")
    return f"""Traceback (most recent call last):
  File "/app/worker/db.py", line {f.r.randint(20, 90)}, in connect
    return psycopg.connect(dsn, connect_timeout=5)
  File "/usr/local/lib/python3.12/site-packages/psycopg/connection.py", line 119, in connect
    raise last_ex.with_traceback(None)
# see https://www.psycopg.org/psycopg3/docs/api/errors.html
psycopg.OperationalError: connection failed: connection to server at "{host}", port 5432 failed: timeout expired
dsn = 'postgresql://worker:{pw}@{host}:5432/jobs'
"""


def sd_prisma(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.password())
    shadow = d.k('env("SHADOW_DATABASE_URL")')
    url = d.k('env("DATABASE_URL")')
    return f"""// prisma/schema.prisma
datasource db {{
  provider          = "postgresql"
  url               = {url}
  directUrl         = env("DIRECT_URL")
  shadowDatabaseUrl = {shadow}
}}

# .env
DIRECT_URL="postgres://app:{pw}@ep-{f.word()}-{f.word()}-{f.digits(6)}.us-west-2.aws.neon.tech/app?sslmode=require"
"""


def sd_xata_cli(d: _Doc) -> str:
    f = d.f
    key = d.s("xata-key", f.xata())
    ws = f"{f.word()}-{f.chars(6, LC)}"
    return f"""$ xata auth status
Client is logged in
Current profile: default
Workspace: {ws}
$ cat ~/.config/xata/credentials
[default]
apiKey={key}
$ xata branch list
main       created {f.ts()}
preview-{f.r.randint(10, 99)} created {f.ts()}
"""


def sd_wrangler(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "${ssm:/orders/pg-password}")
    aws_key = d.s("aws-access-key", f.akia())
    aws_sec = d.s("aws-secret-key", f.aws_secret())
    ref = d.k("{{ secrets.QUEUE_DSN }}")
    return f"""# serverless.yml -- SQS consumer
provider:
  name: aws
  runtime: nodejs20.x
  environment:
    QUEUE_DSN: "{ref}"
    PG_PASSWORD: "{pw}"
custom:
  localstack:
    AWS_ACCESS_KEY_ID: {aws_key}
    AWS_SECRET_ACCESS_KEY: {aws_sec}
"""


SERVERLESS_DATA: tuple[Template, ...] = (
    sd_env,
    sd_neon_cli,
    sd_turso_cli,
    sd_upstash_py,
    sd_traceback,
    sd_prisma,
    sd_xata_cli,
    sd_wrangler,
)

# ---------------------------------------------------------------- image and video AI APIs


def ma_stability_curl(d: _Doc) -> str:
    f = d.f
    key = d.s("stability-key", f.stability())
    seed = f.r.randint(1, 4294967294)
    url = d.k("https://api.stability.ai/v2beta/stable-image/generate/core")
    return f"""$ curl -f -sS "{url}" \\
    -H "authorization: Bearer {key}" \\
    -H "accept: image/*" \\
    -F prompt="a lighthouse at dusk, {d.pick("watercolor", "isometric", "35mm film")}" \\
    -F seed={seed} -F output_format=webp \\
    -o lighthouse.webp
$ file lighthouse.webp
lighthouse.webp: RIFF (little-endian) data, Web/P image, VP8 encoding, 1024x1024
"""


def ma_fal_py(d: _Doc) -> str:
    f = d.f
    key = d.s("api-key", f"{f.uuid()}:{f.hexs(32)}")
    req = d.k(f.uuid())
    return f"""import os
import fal_client

os.environ["FAL_KEY"] = "{key}"

handler = fal_client.submit(
    "fal-ai/flux/dev",
    arguments={{"prompt": "studio photo of a ceramic teapot", "num_images": {f.r.randint(1, 4)}}},
)
print(handler.request_id)
# -> {req}
"""


def ma_replicate(d: _Doc) -> str:
    f = d.f
    tok = d.s("replicate-token", f.replicate())
    ver = d.k(f.hexs(64))
    pid = f.chars(26, LC)
    return f"""$ export REPLICATE_API_TOKEN={tok}
$ curl -s -X POST https://api.replicate.com/v1/predictions \\
    -H "Authorization: Bearer $REPLICATE_API_TOKEN" -H "Content-Type: application/json" \\
    -d '{{"version": "{ver}", "input": {{"prompt": "a tram in fog"}}}}'
{{"id":"{pid}","model":"stability-ai/sdxl","version":"{ver}","status":"starting"}}
"""


def ma_discord_bot(d: _Doc) -> str:
    f = d.f
    uid = f.digits(18)
    tok = d.s(
        "bot-token",
        base64.b64encode(uid.encode()).decode().rstrip("=")
        + "."
        + f.chars(6, B62 + "-_")
        + "."
        + f.chars(38, B62 + "-_"),
    )
    pub = d.k(f.hexs(64))
    mj = d.alt(
        "token", f.chars(24, B62) + "." + f.chars(6, B62) + "." + f.chars(27, B62 + "-_"), "${MJ_USER_TOKEN}"
    )
    return f"""# bot/config.toml -- imagine relay for the design channel
[discord]
application_id = "{uid}"
bot_token = "{tok}"
public_key = "{pub}"

[midjourney]
# user session the relay posts /imagine with
user_token = "{mj}"
channel_id = "{f.digits(19)}"
"""


def ma_leonardo(d: _Doc) -> str:
    f = d.f
    key = d.s("api-key", f.uuid())
    gid = d.k(f.uuid())
    return f"""POST /api/rest/v1/generations HTTP/1.1
Host: {d.k("cloud.leonardo.ai")}
accept: application/json
authorization: Bearer {key}
content-type: application/json

{{"height":768,"width":1024,"modelId":"{f.uuid()}","prompt":"isometric cozy library","num_images":2}}

HTTP/1.1 200 OK
{{"sdGenerationJob":{{"generationId":"{gid}","apiCreditCost":{f.r.randint(5, 40)}}}}}
"""


def ma_runway(d: _Doc) -> str:
    f = d.f
    key = d.s("api-key", "key_" + f.hexs(128))
    task = d.k(f.uuid())
    return f"""$ RUNWAYML_API_SECRET={key} node generate.mjs
task created: {task}
status: PENDING
status: RUNNING (progress 0.{f.r.randint(10, 90)})
status: SUCCEEDED
output: https://dnznrvs05pmza.cloudfront.net/{task}.mp4
"""


def ma_hf_login(d: _Doc) -> str:
    f = d.f
    tok = d.s("huggingface-token", f.hf())
    user = f.first().lower() + str(f.r.randint(1, 99))
    return f"""$ huggingface-cli login --token {tok} --add-to-git-credential
Docs: {d.k("https://huggingface.co/docs/huggingface_hub/guides/cli")}
Token is valid (permission: {d.pick("read", "write", "fineGrained")}).
Your token has been saved in your configured git credential helpers (store).
Your token has been saved to ~/.cache/huggingface/token
Login successful
$ huggingface-cli whoami
{user}
"""


def ma_openai_env(d: _Doc) -> str:
    f = d.f
    oa = d.s("openai-key", f.openai())
    st = d.s("stability-key", f.stability())
    filler = d.k("sk-" + "x" * 20)
    return f"""# .env for the thumbnail pipeline
OPENAI_API_KEY={oa}
STABILITY_API_KEY={st}
# README example, do not use:
# OPENAI_API_KEY={filler}
HF_TOKEN={d.s("huggingface-token", f.hf())}
VIDEO_BUCKET=gs://thumbs-{f.word()}
"""


MEDIA_AI: tuple[Template, ...] = (
    ma_stability_curl,
    ma_fal_py,
    ma_replicate,
    ma_discord_bot,
    ma_leonardo,
    ma_runway,
    ma_hf_login,
    ma_openai_env,
)

# ---------------------------------------------------------------- web scraping and proxy services


def sp_brightdata(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.chars(12, LC))
    cust = f"hl_{f.hexs(8)}"
    zone = d.pick("datacenter_proxy1", "residential", "isp_us")
    out_ip = d.alt("ip-address", f.public_ip(), f.doc_ip(), p=0.4)
    host = d.k("brd.superproxy.io:33335")
    return f"""$ curl -s --proxy http://brd-customer-{cust}-zone-{zone}:{pw}@{host} \\
    "https://geo.brdtest.com/welcome.txt?product=dc&method=native"
Welcome to Bright Data! Here are your proxy details
Country: US
IP: {out_ip}
"""


def sp_scraperapi(d: _Doc) -> str:
    f = d.f
    key = d.alt("api-key", f.hexs(32), "<your-api-key>", p=0.4)
    target = d.k(d.pick("https://www.example.com/products?page=2", "https://news.example.org/latest"))
    return f"""import requests

payload = {{"api_key": "{key}", "url": "{target}", "render": "true", "country_code": "us"}}
r = requests.get("https://api.scraperapi.com/", params=payload, timeout=70)
print(r.status_code, len(r.text))
# 200 {f.r.randint(20000, 90000)}
"""


def sp_oxylabs(d: _Doc) -> str:
    f = d.f
    user = f"customer-{f.word()}_{f.r.randint(100, 999)}"
    pw = d.s("password", f.password())
    basic = d.s("basic-auth", base64.b64encode(f"{user}:{pw}".encode()).decode())
    d.k("pr.oxylabs.io:7777")
    return f"""PROXIES = {{
    "http": "http://{user}:{pw}@pr.oxylabs.io:7777",
    "https": "http://{user}:{pw}@pr.oxylabs.io:7777",
}}

# realtime API (curl -v):
# > POST /v1/queries HTTP/1.1
# > Host: realtime.oxylabs.io
# > Authorization: Basic {basic}
# > Content-Type: application/json
"""


def sp_scrapy(d: _Doc) -> str:
    f = d.f
    zyte = d.s("api-key", f.hexs(32))
    pw = d.alt("password", f.password(), "<proxy-password>")
    ua = d.k("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91")
    return f"""# settings.py
BOT_NAME = "pricewatch"
USER_AGENT = "{ua}"
DOWNLOAD_DELAY = {f.r.randint(1, 5)}
ZYTE_API_KEY = "{zyte}"
ZYTE_API_TRANSPARENT_MODE = True
HTTPPROXY_AUTH_ENCODING = "latin-1"
ROTATING_PROXY_PASSWORD = "{pw}"
"""


def sp_proxy_list(d: _Doc) -> str:
    f = d.f
    lines = []
    for _ in range(1):
        ip = d.s("ip-address", f.public_ip())
        pw = d.s("password", f.chars(10, string.ascii_letters + string.digits))
        lines.append(f"{ip}:{d.pick('8000', '3128', '1080')}:user{f.r.randint(1000, 9999)}:{pw}")
    rows = "\n".join(lines)
    return f"""$ cat proxies.txt
# host:port:username:password
{rows}
{d.k(f.doc_ip())}:3128:user0000:{d.k("password_here")}
$ wc -l proxies.txt
{len(lines) + 2} proxies.txt
"""


def sp_puppeteer(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "<password>", p=0.4)
    ua_ver = d.k(f"HeadlessChrome/{f.r.randint(110, 130)}.0.{f.r.randint(1000, 6999)}.{f.r.randint(10, 200)}")
    return f"""const browser = await puppeteer.launch({{ args: ['--proxy-server=gate.smartproxy.com:7000'] }});
const page = await browser.newPage();
await page.authenticate({{ username: 'sp{f.r.randint(10000, 99999)}', password: '{pw}' }});
await page.goto('{d.k("https://httpbin.org/headers")}');
// {{"headers": {{"User-Agent": "Mozilla/5.0 ... {ua_ver} Safari/537.36"}}}}
"""


def sp_env_scrape(d: _Doc) -> str:
    f = d.f
    key = d.s("api-key", f.hexs(32))
    proxy_pw = d.alt("password", f.password(), "${PROXY_PASSWORD}", p=0.3)
    ph = d.k(d.pick("<your-api-key>", "your-secret-here"))
    return f"""$ cat .env.example .env
SCRAPERAPI_KEY={ph}
---
SCRAPERAPI_KEY={key}
HTTPS_PROXY=http://scraper:{proxy_pw}@proxy.{f.domain()}:3128
NO_PROXY=localhost,127.0.0.1
"""


SCRAPING: tuple[Template, ...] = (
    sp_brightdata,
    sp_scraperapi,
    sp_oxylabs,
    sp_scrapy,
    sp_proxy_list,
    sp_puppeteer,
    sp_env_scrape,
)

# ---------------------------------------------------------------- Chrome and Firefox profile data

PROSE_NAMES = ("Marguerite", "Bartholomew", "Ottilie", "Casimir", "Wilhelmina", "Leopold")


def bp_passwords_csv(d: _Doc) -> str:
    f = d.f
    rows = []
    for site in d.r.sample(["github.com", "app.netlify.com", "id.atlassian.com", "login.tailscale.com"], 1):
        user = d.s("email", f.email())
        pw = d.s("password", f.password())
        rows.append(f"{site},{d.k(f'https://{site}/login')},{user},{pw},")
    rows.append(f"localhost,{d.k('http://localhost:8080/')},admin,{d.k('changeme')},dev container")
    joined = "\n".join(rows)
    return f"""$ head -4 ~/Downloads/"Chrome Passwords.csv"
name,url,username,password,note
{joined}
"""


def bp_cookies_sqlite(d: _Doc) -> str:
    f = d.f
    sess = d.s("session-cookie", f.chars(32, LC))
    nextauth = d.s("jwt", f.jwt({"email": "user", "sub": f.uuid(), "iat": 1766000000}))
    ga = d.k(f"GA1.1.{f.r.randint(100000000, 999999999)}.{f.r.randint(1700000000, 1770000000)}")
    host = f.domain()
    return f"""$ sqlite3 -header ~/.config/google-chrome/Default/Cookies \\
    "select host_key, name, value, is_secure from cookies where host_key like '%{host}'"
host_key|name|value|is_secure
.{host}|_ga|{ga}|0
app.{host}|sessionid|{sess}|1
app.{host}|__Secure-next-auth.session-token|{nextauth}|1
app.{host}|theme|dark|0
"""


def bp_prefs_js(d: _Doc) -> str:
    f = d.f
    person = d.s("person-name", f.person())
    mail = d.s("email", f.email(person))
    ver = d.k(f"{f.r.randint(115, 128)}.0.{f.r.randint(1, 3)}")
    d.k("https://www.mozilla.org/firefox/new/")
    return f"""$ grep -E 'sync|identity|lastAppVersion' \
~/.mozilla/firefox/{f.chars(8, string.ascii_lowercase)}.default-release/prefs.js
user_pref("extensions.lastAppVersion", "{ver}");
user_pref("identity.fxaccounts.account.device.name", "{person.split()[0]}'s Firefox on \
{d.pick("laptop", "fedora", "mbp")}");
user_pref("mail.identity.id1.fullName", "{person}");
user_pref("services.sync.username", "{mail}");
user_pref("services.sync.engine.passwords", true);
user_pref("browser.startup.homepage", "https://www.mozilla.org/firefox/new/");
"""


def bp_chrome_prefs(d: _Doc) -> str:
    f = d.f
    person, mail = d.person()
    ver = d.k(f"{f.r.randint(118, 131)}.0.{f.r.randint(6000, 6999)}.{f.r.randint(10, 199)}")
    return f"""$ jq '{{account_info, extensions: {{last_chrome_version: .extensions.last_chrome_version}}}}' \
Default/Preferences
{{
  "account_info": [
    {{
      "account_id": "{f.digits(21)}",
      "email": "{mail}",
      "full_name": "{person}",
      "hd": "NO_HOSTED_DOMAIN",
      "locale": "en-GB"
    }}
  ],
  "extensions": {{
    "last_chrome_version": "{ver}"
  }}
}}
"""


def bp_cookies_txt(d: _Doc) -> str:
    f = d.f
    host = f.domain()
    sess = d.s("session-cookie", f.b64url(30))
    remember = d.alt("session-cookie", f.hexs(40) + f.chars(8), "deleted", p=0.5)
    gid = d.k(f"GA1.2.{f.r.randint(100000000, 999999999)}.{f.r.randint(1700000000, 1770000000)}")
    exp = f.r.randint(1780000000, 1790000000)
    return f"""# Netscape HTTP Cookie File
# This file was generated by a browser extension, for yt-dlp --cookies
.{host}\tTRUE\t/\tFALSE\t{exp}\t_gid\t{gid}
.{host}\tTRUE\t/\tTRUE\t{exp}\t__Host-session\t{sess}
.{host}\tTRUE\t/\tTRUE\t{exp}\tremember_user_token\t{remember}
.{host}\tTRUE\t/\tFALSE\t{exp}\tcookie_consent\tessential
"""


def bp_autofill(d: _Doc) -> str:
    f = d.f
    person = d.s("person-name", f.person())
    card = d.s("card-number", f.card())
    mail = d.s("email", f.email(person))
    test = d.k("4242 4242 4242 4242")
    return f"""$ python3 dump_web_data.py ~/.config/google-chrome/Default/"Web Data"
[credit_cards]
  name_on_card: {person}
  card_number:  {card}
  expiration:   {f.r.randint(1, 12):02d}/{f.r.randint(2027, 2031)}
[autofill_profiles]
  email:        {mail}
# (the checkout test profile uses {test})
"""


def bp_local_storage(d: _Doc) -> str:
    f = d.f
    tok = d.s("jwt", f.jwt({"sub": f.uuid(), "role": "authenticated", "exp": 1767000000}))
    anon = d.k(f.uuid())
    host = f.domain()
    return f"""$ python3 -m ccl_chromium_localstorage Default/"Local Storage"/leveldb | grep {host}
https://app.{host}  ajs_anonymous_id  "{anon}"
https://app.{host}  sb-{f.chars(20, string.ascii_lowercase)}-auth-token  \
{{"access_token":"{tok}","token_type":"bearer"}}
https://app.{host}  ui.sidebar  "collapsed"
"""


BROWSER_PROFILES: tuple[Template, ...] = (
    bp_passwords_csv,
    bp_cookies_sqlite,
    bp_prefs_js,
    bp_chrome_prefs,
    bp_cookies_txt,
    bp_autofill,
    bp_local_storage,
)

# ---------------------------------------------------------------- Terraform Cloud and Spacelift runs


def tf_vars_api(d: _Doc) -> str:
    f = d.f
    tok = d.s("terraform-cloud-token", f.tfc())
    sec = d.s("aws-secret-key", f.aws_secret())
    ws = f"ws-{f.chars(16)}"
    return f"""$ curl -s -H "Authorization: Bearer {tok}" -H "Content-Type: application/vnd.api+json" \\
    -X POST {d.k(f"https://app.terraform.io/api/v2/workspaces/{ws}/vars")} -d @- <<'JSON'
{{"data": {{"type": "vars", "attributes": {{
  "key": "AWS_SECRET_ACCESS_KEY",
  "value": "{sec}",
  "category": "env",
  "sensitive": true
}}}}}}
JSON
{{"data":{{"id":"var-{f.chars(16)}","type":"vars","attributes":{{"key":"AWS_SECRET_ACCESS_KEY","value":null,"sensitive":true}}}}}}
"""


def tf_credentials(d: _Doc) -> str:
    f = d.f
    tok = d.s("terraform-cloud-token", f.tfc())
    org = f.word()
    return f"""$ cat ~/.terraform.d/credentials.tfrc.json
{{
  "credentials": {{
    "app.terraform.io": {{
      "token": "{tok}"
    }}
  }}
}}
$ terraform login
Terraform will request an API token for app.terraform.io using your browser.
Docs: {d.k("https://developer.hashicorp.com/terraform/cli/commands/login")}
(credentials for {org} already present; skipping)
"""


def tf_plan_log(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "${FLYWAY_PASSWORD}", p=0.4)
    tfv = d.k(f"Terraform v1.{f.r.randint(5, 10)}.{f.r.randint(0, 9)}")
    sens = d.k("(sensitive value)")
    return f"""{tfv}
on linux_amd64
Initializing plugins and modules...
null_resource.migrate (local-exec): Executing: ["/bin/sh" "-c" "flyway -user=admin -password={pw} migrate"]
null_resource.migrate (local-exec): Successfully applied 3 migrations to schema "public"

  # aws_db_instance.main will be updated in-place
  ~ resource "aws_db_instance" "main" {{
      ~ password = {sens}
        # (41 unchanged attributes hidden)
    }}
"""


def tf_agent(d: _Doc) -> str:
    f = d.f
    tok = d.s("terraform-cloud-token", f.tfc())
    ver = d.k(f"hashicorp/tfc-agent:{f.version()}")
    return f"""$ docker run -d --name tfc-agent -e TFC_AGENT_TOKEN={tok} \\
    -e TFC_AGENT_NAME=build-{f.r.randint(1, 9)} {ver}
{f.hexs(64)}
$ docker logs tfc-agent | head -3
{f.ts()} [INFO]  agent: Starting: agent_name=build-2 agent_version=1.17.1
{f.ts()} [INFO]  core: Agent registered successfully with HCP Terraform: agent_id=agent-{f.chars(16)}
{f.ts()} [INFO]  core: Waiting for next job
"""


def tf_spacelift_pool(d: _Doc) -> str:
    f = d.f
    tok = d.s("token", f.b64(150))
    key = d.s("private-key", base64.b64encode(f.pem("RSA PRIVATE KEY").encode()).decode())
    return f"""# /etc/spacelift/worker.env (user data of the worker pool's launch template)
SPACELIFT_TOKEN={tok}
SPACELIFT_POOL_PRIVATE_KEY={key}
SPACELIFT_SENSITIVE_OUTPUT_UPLOAD_ENABLED=false
SPACELIFT_LAUNCHER_IMAGE={d.k("public.ecr.aws/spacelift/launcher:latest")}
SPACELIFT_WORKER_POOL_ULID=01{f.chars(24, ULID)}
"""


def tf_spacectl(d: _Doc) -> str:
    f = d.f
    sec = d.s("secret", f.hexs(64))
    gh = d.s("github-token", f.github())
    run = f"01{f.chars(24, ULID)}"
    return f"""$ export SPACELIFT_API_KEY_ENDPOINT=https://{f.word()}.app.spacelift.io
$ export SPACELIFT_API_KEY_ID=01{f.chars(24, ULID)}
$ export SPACELIFT_API_KEY_SECRET={sec}
$ spacectl whoami | head -1
{d.k(f"https://{f.word()}.app.spacelift.io/stack/networking-prod")}
$ spacectl stack logs --id networking-prod --run {run} | head -5
[{run}] Preparing the workspace
[{run}] Environment: TF_VAR_github_token={gh}
[{run}] Environment: TF_VAR_gitlab_token={d.s("gitlab-token", f.gitlab())}
[{run}] Running initialization
[{run}] Planning changes
"""


def tf_state(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.chars(24, string.ascii_letters + string.digits + "!#%&*-_=+"))
    bh = d.s("password-hash", f.bcrypt())
    return f"""$ terraform state show random_password.db
# random_password.db:
resource "random_password" "db" {{
    bcrypt_hash      = "{bh}"
    id               = "{d.k("none")}"
    keepers          = {{ rotate = "{d.k(f.sha())}" }}
    length           = 24
    min_special      = 2
    result           = "{pw}"
    special          = true
}}
"""


def tf_module_ssh(d: _Doc) -> str:
    f = d.f
    key = d.s("openssh-key", f.openssh())
    pub = d.k(f.ssh_public())
    return f"""Mounted file /mnt/workspace/.ssh/id_ed25519 (from context git-modules):
{key}
Public half registered as deploy key on the modules repo:
{pub} spacelift-modules
"""


TERRAFORM_RUNS: tuple[Template, ...] = (
    tf_vars_api,
    tf_credentials,
    tf_plan_log,
    tf_agent,
    tf_spacelift_pool,
    tf_spacectl,
    tf_state,
    tf_module_ssh,
)

# ---------------------------------------------------------------- data team notebooks


def nb_databricks(d: _Doc) -> str:
    f = d.f
    tok = d.s("databricks-token", f.databricks())
    pw = d.alt("password", f.password(), "{{secrets/warehouse/pg-password}}")
    ref = d.k('dbutils.secrets.get(scope="warehouse", key="snowflake-password")')
    return f"""# Databricks notebook source
dbutils.widgets.text("api_token", "{tok}")
dbutils.widgets.dropdown("env", "prod", ["dev", "prod"])

# COMMAND ----------

sf_password = {ref}
jdbc = "jdbc:postgresql://{f.word()}-db.{f.domain()}:5432/analytics?user=reporter&password={pw}"
df = spark.read.format("jdbc").option("url", jdbc).option("dbtable", "events").load()
"""


def nb_ipynb(d: _Doc) -> str:
    f = d.f
    key = d.s("openai-key", f.openai())
    mails = [d.s("email", f.email()), d.k(f.doc_email())]
    cell = {
        "cell_type": "code",
        "execution_count": f.r.randint(3, 40),
        "metadata": {},
        "source": ["import os\n", f'os.environ["OPENAI_API_KEY"] = "{key}"\n', "df.head(2)"],
        "outputs": [
            {
                "output_type": "execute_result",
                "data": {
                    "text/plain": [
                        f"   user_id  email\n0  {f.digits(5)}  {mails[0]}\n1  {f.digits(5)}  {mails[1]}"
                    ]
                },
            }
        ],
    }
    cell["id"] = d.k(f.uuid())
    return json.dumps({"cells": [cell], "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def nb_hex_sql(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "{{ snowflake_password }}")
    tok = d.s("token", f.chars(64, B62))
    d.k("https://app.hex.tech/api/v1/project/")
    acct = f"{f.chars(7, string.ascii_uppercase)}-{f.chars(7, string.ascii_uppercase)}"
    return f"""-- Hex project "Churn weekly", cell 3 (SQL, connection: snowflake_prod)
select account_id, plan, churned_at from analytics.churn where week = '{{{{ week }}}}';

# scripts/run_hex.py -- trigger the project from CI
HEX_TOKEN = "{tok}"
SNOWFLAKE_URL = "snowflake://hex_reader:{pw}@{acct}/ANALYTICS/PUBLIC?warehouse=REPORTING"
requests.post(f"https://app.hex.tech/api/v1/project/{{PROJECT_ID}}/run", headers={{"Authorization": f"Bearer \
{{HEX_TOKEN}}"}})
"""


def nb_mode(d: _Doc) -> str:
    f = d.f
    tok = d.s("token", f.hexs(12))
    sec = d.alt(
        "secret", f.chars(48, string.ascii_letters + string.digits), 'os.environ["MODE_SECRET"]', p=0.4
    )
    ws = f.word()
    return f"""from requests.auth import HTTPBasicAuth

MODE_TOKEN = "{tok}"
MODE_SECRET = {sec if sec.startswith("os.") else '"' + sec + '"'}
auth = HTTPBasicAuth(MODE_TOKEN, MODE_SECRET)
r = requests.get("{d.k(f"https://app.mode.com/api/{ws}/reports")}", auth=auth)
print(r.status_code)  # 200
"""


def nb_df_head(d: _Doc) -> str:
    f = d.f
    rows = []
    for i in range(2):
        person = d.s("person-name", f.person())
        ssn = d.s("ssn", f.ssn())
        rows.append(f"{i}  {person:<20} {f.word():<10} {ssn}  {f.r.randint(18, 80)}")
    joined = "\n".join(rows)
    return f"""In [{f.r.randint(2, 30)}]: customers[["full_name", "segment", "ssn", "age"]].head(2)
Out[{f.r.randint(2, 30)}]:
   full_name            segment    ssn          age
{joined}
"""


def nb_env_magic(d: _Doc) -> str:
    f = d.f
    ak = d.s("aws-access-key", f.akia())
    sk = d.s("aws-secret-key", f.aws_secret())
    ex = d.k("AKIA" + "IOSFODNN7" + "EXAMPLE")
    return f"""%env AWS_ACCESS_KEY_ID={ak}
%env AWS_SECRET_ACCESS_KEY={sk}
%env AWS_DEFAULT_REGION=eu-west-1
# (the tutorial cell above used {ex})
df = pd.read_parquet("s3://{f.word()}-lake/events/2026/")
"""


def nb_deepnote(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "********", p=0.3)
    phrase = d.s("mnemonic", f.mnemonic())
    return f"""!env | grep -E '^(PG|WALLET)' | sort
PGDATABASE=analytics
PGHOST={d.k(f"pg.{f.domain()}")}
PGPASSWORD={pw}
PGUSER=deepnote
WALLET_NETWORK=sepolia
# integration "treasury-test" also mounts:
SEED_PHRASE="{phrase}"
"""


DATA_NOTEBOOKS: tuple[Template, ...] = (
    nb_databricks,
    nb_ipynb,
    nb_hex_sql,
    nb_mode,
    nb_df_head,
    nb_env_magic,
    nb_deepnote,
)

# ---------------------------------------------------------------- SRE runbooks and chatops


def sre_runbook(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.password())
    seed = d.alt("otp-seed", f.otp_seed(), "<base32-secret>", p=0.3)
    ref = d.k("op://SRE/break-glass-root/password")
    prose = d.k(d.r.choice(PROSE_NAMES))
    return f"""## Break-glass: console root

1. Only when SSO is down. Page the incident commander first.
2. The current password lives at `{ref}`; during the {f.r.randint(2024, 2026)} drill it was rotated and,
   for the record, the temporary password is {pw} (rotate again after use).
3. MFA: enrol the shared authenticator from otpauth://totp/AWS:root?secret={seed}&issuer=AWS
4. File the access in the audit channel. Last reviewed by {prose}.
"""


def sre_chat(d: _Doc) -> str:
    f = d.f
    pw = d.alt("password", f.password(), "********", p=0.3)
    user = f.first().lower()
    req = d.k(f.uuid())
    hh = f.r.randint(10, 22)
    return f"""[{hh}:0{f.r.randint(0, 4)}] {user}: @opsbot rotate-db-creds app_rw --cluster \
orders-primary
[{hh}:0{f.r.randint(5, 9)}] opsbot: rotation {req} complete
[{hh}:1{f.r.randint(0, 9)}] opsbot: New password for app_rw: {pw}
[{hh}:2{f.r.randint(0, 9)}] {user}: thanks, updating the vault entry now
"""


def sre_hubot_env(d: _Doc) -> str:
    f = d.f
    bot = d.s("slack-token", f.slack("b"))
    d.k("xoxb-" + "xxxx-xxxx-xxxx")
    app = d.s(
        "slack-token",
        f"xapp-1-A{f.chars(10, UC)}-{f.digits(13)}-{f.hexs(64)}",
    )
    rk = d.alt("api-key", f.hexs(32), "${PD_ROUTING_KEY}", p=0.4)
    return f"""# /etc/default/opsbot
HUBOT_NAME=opsbot
HUBOT_SLACK_TOKEN={bot}
HUBOT_SLACK_APP_TOKEN={app}
HUBOT_PAGERDUTY_ROUTING_KEY={rk}
HUBOT_LOG_LEVEL=info
HUBOT_GITHUB_TOKEN={d.s("github-oauth-token", f.github_oauth())}
HUBOT_GRAFANA_API_KEY={d.s("grafana-token", f.grafana())}
# template for new installs: HUBOT_SLACK_TOKEN=xoxb-xxxx-xxxx-xxxx
"""


def sre_grafana(d: _Doc) -> str:
    f = d.f
    tok = d.s("grafana-token", f.grafana())
    uid = f.chars(14, LC)
    return f"""$ curl -s -H "Authorization: Bearer {tok}" -H "X-Grafana-Org-Id: 1" \\
    {d.k(f"https://grafana.{f.domain()}/api/dashboards/uid/{uid}")} | jq '.dashboard.title'
"{d.pick("API latency", "Queue depth", "Node exporter full")}"
$ curl -s -H "Authorization: Basic {d.s("basic-auth", f.basic("admin"))}" \\
    https://grafana.{f.domain()}/api/health
{{"database": "ok", "version": "{d.k(f"11.{f.r.randint(0, 5)}.{f.r.randint(0, 9)}")}"}}
"""


def sre_alertmanager(d: _Doc) -> str:
    f = d.f
    hook = d.s("webhook-secret", f.chars(24, string.ascii_letters + string.digits))
    rk = d.s("api-key", f.hexs(32))
    smtp = d.alt("password", f.password(), "<secret>", p=0.4)
    tmpl = d.k("{{ .CommonLabels.alertname }}")
    return f"""global:
  smtp_smarthost: smtp.{f.domain()}:587
  smtp_auth_username: alerts
  smtp_auth_password: '{smtp}'
  slack_api_url: https://hooks.slack.com/services/T{f.chars(8, UC)}/B{f.chars(10, UC)}/{hook}
receivers:
  - name: oncall
    pagerduty_configs:
      - routing_key: {rk}
        description: '{tmpl} on {{{{ .CommonLabels.instance }}}}'
"""


def sre_incident(d: _Doc) -> str:
    f = d.f
    ic, mail = d.person()
    phone = d.s("phone", f.phone())
    status = d.k(f"https://status.{f.domain()}/incidents")
    prose = d.k(d.r.choice(PROSE_NAMES))
    sha = d.k(f.sha())
    return f"""# Incident {f.r.randint(100, 999)}: elevated 5xx on checkout

- Incident commander: {ic} <{mail}>
- On-call phone: {phone}
- Trigger: deploy of {sha}
- Status page: {status}
- Resolution: rollback; {prose} confirmed the error rate back under 0.1%.
"""


def sre_kubectl(d: _Doc) -> str:
    f = d.f
    pw = d.s("password", f.password())
    name = d.k("--secret=db-password")
    return f"""$ kubectl -n payments get secret pg-app -o jsonpath='{{.data.password}}' | base64 -d; echo
{pw}
$ gcloud secrets versions access latest {name} --project ops-{f.word()}
ERROR: (gcloud.secrets.versions.access) PERMISSION_DENIED
$ psql "postgresql://app@{d.k("pg-primary.payments.svc:5432")}/app" -c 'select 1'
 ?column?
----------
        1
"""


def sre_breakglass_ssh(d: _Doc) -> str:
    f = d.f
    key = d.s("openssh-key", f.openssh())
    pub = d.k(f.ssh_public())
    host = f"bastion.{f.domain()}"
    return f"""### Break-glass SSH (sealed envelope copy)

`~/.ssh/breakglass_ed25519`:

{key}

authorized_keys on {d.k(host)} (connect with `ssh -J {d.k(f"ops@{host}")} root@db1`):

    {pub} breakglass
"""


SRE_CHATOPS: tuple[Template, ...] = (
    sre_runbook,
    sre_chat,
    sre_hubot_env,
    sre_grafana,
    sre_alertmanager,
    sre_incident,
    sre_kubectl,
    sre_breakglass_ssh,
)


def dp_npmrc(d: _Doc) -> str:
    f = d.f
    npm = d.s("npm-token", f.npm())
    gho = d.s("github-oauth-token", f.github_oauth())
    ph = d.k("${NPM_TOKEN}")
    user = f.first().lower()
    return f"""$ cat ~/.npmrc portal-docs/.npmrc
//registry.npmjs.org/:_authToken={npm}
@{f.word()}:registry=https://npm.pkg.github.com
---
//registry.npmjs.org/:_authToken={ph}
$ cat ~/.config/gh/hosts.yml
github.com:
    user: {user}
    oauth_token: {gho}
    git_protocol: https
"""


DEVELOPER_PORTALS = (*DEVELOPER_PORTALS, dp_npmrc)

# ---------------------------------------------------------------- embedded Linux boards


def eb_wpa(d: _Doc) -> str:
    f = d.f
    phrase = d.s("wifi-psk", f"{f.word()} {f.word()} {f.r.randint(10, 99)}")
    hexpsk = d.alt("wifi-psk", f.hexs(64), "<64-hex-psk-from-wpa_passphrase>", p=0.4)
    ssid = f"{f.word().capitalize()}-{f.r.randint(100, 999)}"
    ctrl = d.k("ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev")
    return f"""$ sudo cat /etc/wpa_supplicant/wpa_supplicant.conf
{ctrl}
update_config=1
country={d.pick("GB", "DE", "US", "NL")}

network={{
\tssid="{ssid}"
\tpsk="{phrase}"
\tkey_mgmt=WPA-PSK
}}

network={{
\tssid="{ssid}-5G"
\tpsk={hexpsk}
\tpriority=2
}}
"""


def eb_firstrun(d: _Doc) -> str:
    f = d.f
    h = d.s("password-hash", f.sha256crypt())
    psk = d.s("wifi-psk", f.hexs(64))
    pub = d.k(f.ssh_public())
    user = f.first().lower()
    return f"""#!/bin/bash
# /boot/firmware/firstrun.sh as written by Raspberry Pi Imager
set +e
CURRENT_HOSTNAME=`cat /etc/hostname | tr -d " \\t\\n\\r"`
FIRSTUSER=`getent passwd 1000 | cut -d: -f1`
install -o "$FIRSTUSER" -m 700 -d "$FIRSTUSERHOME/.ssh"
install -o "$FIRSTUSER" -m 600 <(printf "{pub} {user}@laptop\\n") "$FIRSTUSERHOME/.ssh/authorized_keys"
echo "$FIRSTUSER:"'{h}' | chpasswd -e
cat >/etc/wpa_supplicant/wpa_supplicant.conf <<'WPAEOF'
country=GB
network={{
\tssid="{f.word()}-iot"
\tpsk={psk}
}}
WPAEOF
rm -f /boot/firstrun.sh
"""


def eb_uboot(d: _Doc) -> str:
    f = d.f
    ip = d.s("ip-address", f.private_ip())
    server = d.s("ip-address", f.private_ip())
    mask = d.k("255.255.255.0")
    boot = d.k("console=ttyS0,115200n8")
    return f"""=> printenv
arch=arm
baudrate=115200
board=rpi
bootargs={boot} root=/dev/nfs rw nfsroot=${{serverip}}:/srv/nfs/rootfs,v3 ip=dhcp
bootdelay=2
ethaddr=dc:a6:32:{f.hexs(2)}:{f.hexs(2)}:{f.hexs(2)}
ipaddr={ip}
netmask={mask}
serverip={server}
stdin=serial,usbkbd

Environment size: {f.r.randint(900, 2000)}/16380 bytes
=> {d.pick("tftp ${kernel_addr_r} Image", "ping ${serverip}")}
Using ethernet@7d580000 device
"""


def eb_serial(d: _Doc) -> str:
    f = d.f
    ip = d.s("ip-address", f.private_ip())
    gw = d.s("ip-address", ip.rsplit(".", 1)[0] + ".254")
    host = f"{f.word()}-pi"
    kver = d.k(f"6.{f.r.randint(1, 12)}.{f.r.randint(10, 70)}+rpt-rpi-v8")
    fw = d.k(f"1.{f.r.randint(10, 20)}.0.{f.r.randint(1, 9)}")
    return f"""[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]
[    0.000000] Linux version {kver} (gcc-12 (Debian 12.2.0-14) 12.2.0)
[    0.000000] Machine model: Raspberry Pi 4 Model B Rev 1.5
[    2.104711] raspberrypi-firmware soc:firmware: Attached to firmware from 2024-05-24T15:30:00
[    6.880022] brcmfmac: brcmf_c_preinit_dcmds: Firmware Version ..... {fw}
[   11.290215] dhcpcd[612]: wlan0: leased {ip} for 86400 seconds
[   11.290480] dhcpcd[612]: wlan0: adding default route via {gw}

Debian GNU/Linux 12 {host} ttyS0

{host} login:
"""


def eb_nm(d: _Doc) -> str:
    f = d.f
    psk = d.s("wifi-psk", f"{f.word()} {f.word()} {f.word()} {f.r.randint(10, 99)}")
    dns = d.k(d.pick("1.1.1.1;9.9.9.9;", "8.8.8.8;8.8.4.4;"))
    d.k("key-mgmt=wpa-psk")
    return f"""$ sudo cat /etc/NetworkManager/system-connections/preconfigured.nmconnection
[connection]
id=preconfigured
uuid={f.uuid()}
type=wifi

[wifi]
mode=infrastructure
ssid={f.word()}-lab

[wifi-security]
key-mgmt=wpa-psk
psk={psk}

[ipv4]
method=auto
dns={dns}
"""


def eb_balena(d: _Doc) -> str:
    f = d.f
    dev = d.alt("api-key", f.hexs(32), "<device-api-key>", p=0.4)
    wifi = d.alt("wifi-psk", f.password(), "changeme", p=0.4)
    return f"""$ cat /mnt/boot/config.json | jq .
{{
  "applicationId": {f.r.randint(1000000, 9999999)},
  "deviceType": "raspberrypi4-64",
  "uuid": "{f.hexs(32)}",
  "deviceApiKey": "{dev}",
  "apiEndpoint": "{d.k("https://api.balena-cloud.com")}",
  "wifiSsid": "{f.word()}-floor2",
  "wifiKey": "{wifi}",
  "persistentLogging": false
}}
"""


def eb_cat_keys(d: _Doc) -> str:
    f = d.f
    key = d.s("openssh-key", f.openssh())
    wg_part = ""
    if d.r.random() < 0.5:
        wg_part = f"pi@gateway:~ $ sudo cat /etc/wireguard/privatekey\n{d.s('private-key', f.b64(32))}\n"
    wgpub = d.k(f.b64(32))
    return f"""pi@gateway:~ $ cat ~/.ssh/id_ed25519
{key}
{wg_part}pi@gateway:~ $ sudo cat /etc/wireguard/publickey
{wgpub}
"""


EMBEDDED_BOARDS: tuple[Template, ...] = (
    eb_wpa,
    eb_firstrun,
    eb_uboot,
    eb_serial,
    eb_nm,
    eb_balena,
    eb_cat_keys,
)

# ---------------------------------------------------------------- phone and tablet backups


def db_manifest(d: _Doc) -> str:
    f = d.f
    phone = d.s("phone", f.phone())
    ver = d.k(f"{f.r.randint(15, 18)}.{f.r.randint(0, 6)}.{f.r.randint(1, 3)}")
    return f"""$ plistutil -i ~/Library/Application\\ \
Support/MobileSync/Backup/{f.hexs(8).upper()}-{f.hexs(16).upper()}/Manifest.plist | head -30
<dict>
\t<key>IsEncrypted</key>
\t<{d.pick("true", "false")}/>
\t<key>Lockdown</key>
\t<dict>
\t\t<key>BuildVersion</key>
\t\t<string>21E{f.r.randint(200, 260)}</string>
\t\t<key>DeviceName</key>
\t\t<string>{f.first()}'s iPad</string>
\t\t<key>PhoneNumber</key>
\t\t<string>{phone}</string>
\t\t<key>ProductType</key>
\t\t<string>iPhone15,{f.r.randint(2, 5)}</string>
\t\t<key>ProductVersion</key>
\t\t<string>{ver}</string>
\t</dict>
</dict>
"""


def db_vcard(d: _Doc) -> str:
    f = d.f
    cards = []
    for _ in range(1):
        fn, ln = f.first(), f.last()
        full = d.s("person-name", f"{fn} {ln}")
        n = d.s("person-name", f"{ln};{fn}")
        tel = d.s("phone", f.phone())
        mail = d.s("email", f.email(full))
        cards.append(
            f"BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\nN:{n};;;\nFN:{full}\n"
            f"TEL;type=CELL;type=VOICE;type=pref:{tel}\nEMAIL;type=INTERNET;type=HOME:{mail}\nEND:VCARD"
        )
    d.k("PRODID:-//Apple Inc.//iPhone OS 17.4//EN")
    sample = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEMAIL:jane@example.com\nEND:VCARD"
    d.k("jane@example.com")
    d.k("Jane Doe")
    return "$ head -n 20 Contacts.vcf\n" + "\n".join(cards) + "\n$ cat template.vcf\n" + sample + "\n"


def db_logcat(d: _Doc) -> str:
    f = d.f
    mail = d.alt("email", f.email(), "noreply@" + "google.com", p=0.3)
    tok = d.s("google-oauth-token", f.ya29())
    pid = f.r.randint(1000, 30000)
    day = f"{f.r.randint(1, 12):02d}-{f.r.randint(1, 28):02d} 09:1{f.r.randint(0, 9)}"
    return f"""$ adb logcat -d | grep -iE 'account|auth'
{day}:02.117  {pid}  {pid + 11} I \
AccountManagerService: addAccountExplicitly: Account {{name={mail}, type=com.google}}
{day}:02.430  {pid}  {pid + 12} D \
GoogleAuthUtil: getToken -> authtoken={tok}
{day}:02.871  {pid}  {pid + 14} W \
FirebaseInstallations: retrying with X-Goog-Api-Key={d.s("google-api-key", f.google_key())}
{day}:03.002  {pid}  {pid + 12} I Backup \
 : [GmsBackupTransport] backup pass complete
"""


def db_wifi_store(d: _Doc) -> str:
    f = d.f
    psk = d.s("wifi-psk", f.password())
    ip = d.alt("ip-address", f.private_ip(), "127.0.0.1", p=0.4)
    ssid = f"{f.word().capitalize()}Home"
    return f"""$ adb connect {ip}:5555
connected to {ip}:5555
$ adb shell su -c cat /data/misc/apexdata/com.android.wifi/WifiConfigStore.xml | grep -A2 SSID
<string name="SSID">&quot;{ssid}&quot;</string>
<string name="PreSharedKey">&quot;{psk}&quot;</string>
<string name="ConfigKey">&quot;{ssid}&quot;WPA_PSK</string>
"""


def db_contacts_csv(d: _Doc) -> str:
    f = d.f
    rows = []
    person = d.s("person-name", f.person())
    rows.append(f"{person},{d.s('phone', f.phone())},{d.s('email', f.email(person))}")
    rows.append(f"{d.k('Jane Doe')},,{d.k('jane.doe@example.com')}")
    joined = "\n".join(rows)
    return f"""$ sqlite3 -csv -header contacts2.db "select display_name, phone, email from view_contacts_export limit 3"
display_name,phone,email
{joined}
"""


def db_sms(d: _Doc) -> str:
    f = d.f
    person = d.s("person-name", f.person())
    phone = d.s("phone", f.phone())
    ver = d.k(f"{f.r.randint(10, 11)}.{f.r.randint(0, 9)}.{f.r.randint(0, 9)}")
    return f"""<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<!-- SMS Backup & Restore {ver} -->
<smses count="2" backup_date="{f.r.randint(1700000000, 1770000000)}000">
  <sms protocol="0" address="{phone}" type="1" body="Running 10 min late, sorry!" contact_name="{person}" />
  <sms protocol="0" address="{d.k("CloudOTP")}" type="1" body="Your code is {f.r.randint(100000, 999999)}" \
contact_name="{d.k("(Unknown)")}" />
</smses>
"""


def db_notes(d: _Doc) -> str:
    f = d.f
    phrase = d.s("mnemonic", f.mnemonic())
    iban = d.alt("iban", f.iban(), "DE" + "00 1234 5678 9012 3456 78", p=0.3)
    return f"""$ sqlite3 NoteStore.sqlite "select ZTITLE1, ZSNIPPET from ZICCLOUDSYNCINGOBJECT where ZTITLE1 \
like 'wallet%'"
wallet backup|recovery_phrase: {phrase}
$ grep -i iban exported-notes/bank.txt
Savings IBAN {iban}
"""


DEVICE_BACKUPS: tuple[Template, ...] = (
    db_manifest,
    db_vcard,
    db_logcat,
    db_wifi_store,
    db_contacts_csv,
    db_sms,
    db_notes,
)

# ---------------------------------------------------------------- password reset and account recovery


def ar_reset_email(d: _Doc) -> str:
    f = d.f
    person, mail = d.person()
    tok = d.s("reset-token", f.b64url(32))
    dom = f.domain()
    nr = d.k(f"noreply@{dom}")
    return f"""From: {d.pick("Acme Support", "Heron Accounts", "The Fernbank team")} <{nr}>
To: {person} <{mail}>
Subject: Reset your password
Date: Tue, {f.r.randint(1, 28)} Apr 2026 09:{f.r.randint(10, 59)}:11 +0000
Content-Type: text/plain; charset=utf-8

Hi,

Someone asked to reset the password for your account. If it was you, follow this link within 30 minutes:

https://app.{dom}/account/reset?token={tok}

If you did not ask for this, you can ignore this e-mail.
"""


def ar_magic_log(d: _Doc) -> str:
    f = d.f
    ip = d.s("ip-address", f.public_ip())
    tok = d.s("magic-link-token", f.chars(43, B62 + "-_"))
    sess = d.s("session-cookie", f.hexs(64))
    cleared = d.k("session=deleted")
    d.k("/auth/magic?token=")
    return f"""{ip} - - [{f.r.randint(1, 28)}/Mar/2026:14:0{f.r.randint(0, 9)}:31 +0000] "GET \
/auth/magic?token={tok}&redirect=%2Fdashboard HTTP/2.0" 302 0 "-" "Mozilla/5.0"
> HTTP/2 302
> location: /dashboard
> set-cookie: {cleared}; Path=/; Max-Age=0
> set-cookie: __Host-sid={sess}; Path=/; Secure; HttpOnly; SameSite=Lax
"""


def ar_recovery_codes(d: _Doc) -> str:
    f = d.f
    codes = [d.s("recovery-code", f"{f.hexs(5)}-{f.hexs(5)}") for _ in range(d.r.randint(2, 3))]
    joined = "\n".join(codes)
    return f"""$ cat ~/Downloads/{d.pick("github", "github-work", "ghe")}-recovery-codes.txt
{joined}

Put these in a safe spot. Help: {d.k("https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa")}
If you lose your device and don't have the recovery codes you will lose access to your account.
"""


def ar_ticket(d: _Doc) -> str:
    f = d.f
    person, mail = d.person(0.25)
    phone = d.alt("phone", f.phone(), "n/a", p=0.6)
    pw = d.s("password", f.password())
    agent = d.k(d.r.choice(PROSE_NAMES))
    tid = f.r.randint(10000, 99999)
    return f"""{{
  "ticket": {{
    "id": {tid},
    "subject": "Locked out after password reset",
    "requester": {{"name": "{person}", "email": "{mail}", "phone": "{phone}"}},
    "description": "I never got the reset e-mail. My old password is {pw} if that helps, please just switch it back.",
    "tags": ["account_recovery", "tier1"],
    "comments": [{{"author": "{agent}", "body": "Sent a fresh reset link; asked the customer never to share \
passwords."}}]
  }}
}}
"""


def ar_devise_reset(d: _Doc) -> str:
    f = d.f
    mail = d.alt("email", f.email(), "dev@example.com", p=0.4)
    tok = d.s("reset-token", f.chars(20, B62 + "-_"))
    local = d.k("http://localhost:3000")
    sg = d.s("sendgrid-key", f.sendgrid())
    return f"""$ grep -n password config/environments/production.rb
41:    password: "{sg}",
$ tail -n 14 log/development.log
Started POST "/users/password" for 127.0.0.1 at 2026-04-{f.r.randint(10, 28)} 10:{f.r.randint(10, 59)}:02 +0000
Processing by Devise::PasswordsController#create as TURBO_STREAM
Devise::Mailer#reset_password_instructions: processed outbound mail in {f.r.randint(5, 40)}.3ms
Delivered mail {f.hexs(13)}_{f.r.randint(1000, 9999)}@localhost.mail ({f.r.randint(5, 40)}.1ms)
From: {d.k("please-change-me-at-config-initializers-devise@example.com")}
To: {mail}
Subject: Reset password instructions

<p>Someone has requested a link to change your password. You can do this through the link below.</p>
<p><a href="{local}/users/password/edit?reset_password_token={tok}">Change my password</a></p>
Redirected to {local}/users/sign_in
Completed 303 See Other in {f.r.randint(40, 400)}ms
"""


def ar_totp(d: _Doc) -> str:
    f = d.f
    mail = d.alt("email", f.email(), "alice@example.com", p=0.5)
    seed = d.s("otp-seed", f.otp_seed())
    codes = [
        d.s(
            "recovery-code",
            f"{f.chars(4, LC)}-{f.chars(4, LC)}",
        )
    ]
    return f"""POST /api/mfa/totp/enroll -> 200
{{
  "otpauth_uri": "otpauth://totp/Heron:{mail}?secret={seed}&issuer=Heron&digits=6",
  "backup_codes": {json.dumps(codes)},
  "docs": "{d.k("https://datatracker.ietf.org/doc/html/rfc6238")}"
}}
"""


def ar_identity(d: _Doc) -> str:
    f = d.f
    person = d.s("person-name", f.person())
    ssn = d.s("ssn", f.ssn())
    iban = d.s("iban", f.iban())
    card = d.alt("card-number", f.card(), "**** **** **** " + f.digits(4), p=0.3)
    test = d.k("4000 0566 5566 5556")
    return f"""Macro: identity check (account recovery, tier 2)
**Name:** {person}
Social security number:
{ssn}
Refund to IBAN: {iban}
Card on file (customer typed it in chat): {card}
Note: the sandbox card {test} is not the customer's.
"""


def ar_user_dump(d: _Doc) -> str:
    f = d.f
    rows = [f" {f.r.randint(100, 999)} | {d.s('email', f.email()):<30} | {d.s('password-hash', f.pbkdf2())}"]
    rows.append(f" {f.r.randint(100, 999)} | {d.k(f.doc_email()):<30} | !{f.chars(40)}")
    joined = "\n".join(rows)
    return f"""app=# select id, email, password from auth_user where last_login is null limit 2;
 id  | email                          | password
-----+--------------------------------+----------------------------------------------------------
{joined}
(2 rows)
"""


ACCOUNT_RECOVERY: tuple[Template, ...] = (
    ar_reset_email,
    ar_magic_log,
    ar_recovery_codes,
    ar_ticket,
    ar_devise_reset,
    ar_totp,
    ar_identity,
    ar_user_dump,
)

# ---------------------------------------------------------------- multi-tenant SaaS admin consoles


def sa_scim(d: _Doc) -> str:
    f = d.f
    tok = d.s("scim-token", "00" + f.chars(40, B62 + "-_"))
    full, mail = d.person()
    uid = d.k(f.uuid())
    schema = d.k("urn:ietf:params:scim:schemas:core:2.0:User")
    return f"""$ curl -s -H "Authorization: Bearer {tok}" "https://admin.{f.domain()}/scim/v2/Users?count=1" \
| jq '.Resources[0]'
{{
  "schemas": ["{schema}"],
  "id": "{uid}",
  "userName": "{f.first().lower()}{f.r.randint(1, 99)}",
  "name": {{"formatted": "{full}"}},
  "emails": [{{"value": "{mail}", "primary": true}}],
  "active": true
}}
"""


def sa_impersonation(d: _Doc) -> str:
    f = d.f
    actor = d.s("email", f.email())
    target = d.s("email", f.email())
    ip = d.alt("ip-address", f.public_ip(), f.doc_ip(), p=0.3)
    rid = d.k(f.uuid())
    return f"""{{"ts":"{f.ts()}","event":"admin.impersonation.started","actor":"{actor}",\
"target_user":"{target}","tenant":"t_{f.chars(10, LC)}","source_ip":"{ip}",\
"request_id":"{rid}","reason":"ticket #{f.r.randint(1000, 9999)}",\
"login_link":"https://app.{f.domain()}/auth/magic?token={d.s("magic-link-token", f.chars(43, B62 + "-_"))}"}}
{{"ts":"{f.ts()}","event":"admin.impersonation.ended","request_id":"{rid}","duration_s":{f.r.randint(30, 900)}}}
"""


def sa_tenant_export(d: _Doc) -> str:
    f = d.f
    rows = [
        f"t_demo0000;Example Ltd;Jane Doe;{d.k('jane@example.com')};{d.k('GB' + '00 0000 0000 0000 0000 00')}"
    ]
    for _ in range(1):
        person = d.s("person-name", f.person())
        mail = d.s("email", f.email(person))
        iban = d.s("iban", f.iban())
        rows.append(f"t_{f.chars(8, LC)};{f.word().capitalize()} GmbH;{person};{mail};{iban}")
    joined = "\n".join(rows)
    scim = d.s("scim-token", "00" + f.chars(40, B62 + "-_"))
    return f"""$ curl -s -H "Authorization: Bearer {scim}" https://admin.{f.domain()}/api/tenants/export.csv
tenant_id;company_name;admin_name;admin_email;payout_iban
{joined}
"""


def sa_audit_psql(d: _Doc) -> str:
    f = d.f
    person, mail = d.person()
    cs = d.alt("client-secret", f.chars(64, B62 + "-_"), "[rotated]", p=0.3)
    return f"""admin=> \\x on
Expanded display is on.
admin=> select * from admin_audit where action = 'sso.updated' order by at desc limit 1;
-[ RECORD 1 ]---------------------------------------------
id           | {f.r.randint(10000, 99999)}
at           | {f.ts()}
full_name    | {person}
email        | {mail}
action       | sso.updated
client_id    | {f.chars(32, string.ascii_letters + string.digits)}
client_secret| {cs}
"""


def sa_webhooks(d: _Doc) -> str:
    f = d.f
    sk = d.s("stripe-key", f.stripe())
    wh = d.s("webhook-secret", "whsec_" + f.chars(32))
    test = d.k(d.pick("sk_test_" + "x" * 24, "sk_live_" + "x" * 24))
    return f"""$ stripe webhook_endpoints create --url https://admin.{f.domain()}/hooks/stripe \\
    --enabled-events invoice.paid --api-key {sk}
{{
  "id": "we_{f.chars(24)}",
  "object": "webhook_endpoint",
  "secret": "{wh}",
  "status": "enabled"
}}
# README: export STRIPE_KEY={test}
"""


def sa_auth0(d: _Doc) -> str:
    f = d.f
    cs = d.s("client-secret", f.chars(64, B62 + "-_"))
    tok = d.s(
        "jwt",
        f.jwt({"iss": f"https://{f.word()}.eu.auth0.com/", "gty": "client-credentials", "exp": 1767225600}),
    )
    return f"""$ curl -s --request POST --url https://{f.word()}.eu.auth0.com/oauth/token \\
    --header 'content-type: application/json' \\
    --data '{{"client_id":"{f.chars(32)}","client_secret":"{cs}","audience":"https://{f.word()}.eu.auth0.com/api/v2/","grant_type":"client_credentials"}}'
{{"access_token":"{tok}","scope":"read:users update:users","expires_in":86400,"token_type":"Bearer"}}
"""


def sa_mfa_export(d: _Doc) -> str:
    f = d.f
    mail = d.s("email", f.email())
    seed = d.s("otp-seed", f.otp_seed())
    h = d.alt("password-hash", f.bcrypt(), "(not set: SSO only)", p=0.3)
    return f"""$ admin-cli users export --tenant {f.word()} --format json | jq '.[0]'
{{
  "id": "{f.uuid()}",
  "email": "{mail}",
  "password_hash": "{h}",
  "mfa": {{"type": "totp", "totp_secret": "{seed}"}},
  "created_at": "{f.ts()}"
}}
"""


def sa_saml_key(d: _Doc) -> str:
    f = d.f
    key = d.s("private-key", f.pem("PRIVATE KEY"))
    meta = d.k(f"https://admin.{f.domain()}/saml/metadata")
    return f"""Tenant SSO settings -> SAML -> Download signing material
Metadata URL: {meta}
signing.key:
{key}
(keep this file out of the tenant export bucket)
"""


def sa_admin_env(d: _Doc) -> str:
    f = d.f
    sg = d.s("sendgrid-key", f.sendgrid())
    gl = d.s("gitlab-token", f.gitlab())
    gk = d.s("google-api-key", f.google_key())
    posthog = d.k("phc_" + f.chars(43))
    return f"""# admin-console/.env.production
SENDGRID_API_KEY={sg}
GITLAB_TOKEN={gl}
GOOGLE_MAPS_API_KEY={gk}
NEXT_PUBLIC_POSTHOG_KEY={posthog}
STRIPE_SECRET_KEY={d.s("stripe-key", f.stripe())}
NPM_TOKEN={d.s("npm-token", f.npm())}
NEXT_PUBLIC_APP_URL={d.k("https://admin.example.com")}
"""


SAAS_ADMIN: tuple[Template, ...] = (
    sa_scim,
    sa_impersonation,
    sa_tenant_export,
    sa_audit_psql,
    sa_webhooks,
    sa_auth0,
    sa_mfa_export,
    sa_saml_key,
    sa_admin_env,
)

# ---------------------------------------------------------------- look-alikes only (nothing to remove)


def dp_readme(d: _Doc) -> str:
    f = d.f
    ph = d.k(d.pick("<your-api-key>", "${KONG_API_KEY}", "YOUR_CONSUMER_KEY_HERE"))
    url = d.k(f"https://api.example.com/v1/{d.pick('orders', 'quotes', 'shipments')}")
    return f"""## Calling the API

Every request needs the consumer key the portal issued to your app:

    curl -H "apikey: {ph}" {url}

Keys are rotated from the portal's *Apps* page. Gateway release: {d.k(f"Kong Gateway {f.version()}")}.
"""


def sd_env_example(d: _Doc) -> str:
    f = d.f
    pw = d.k(d.pick("${DATABASE_PASSWORD}", "<password>", "changeme"))
    tok = d.k(d.pick("<UPSTASH_REDIS_REST_TOKEN>", "your-secret-here"))
    return f"""$ cat .env.example
DATABASE_URL="postgresql://app:{pw}@localhost:5432/app"
UPSTASH_REDIS_REST_URL="https://{f.word()}-00000.upstash.io"
UPSTASH_REDIS_REST_TOKEN="{tok}"
TURSO_DATABASE_URL="{d.k("libsql://127.0.0.1:8080")}"
"""


def ma_sdk_readme(d: _Doc) -> str:
    f = d.f
    filler = d.k(d.pick("sk-" + "x" * 32, "r8_" + "x" * 37, "hf_" + "x" * 34))
    digest = d.k(f.hexs(64))
    return f"""Quick start (from the SDK's README):

    export API_KEY={filler}
    python generate.py --model sdxl@{digest} --steps {f.r.randint(20, 50)}

The model digest pins the exact weights; it is public and safe to commit.
"""


def sp_crawl_log(d: _Doc) -> str:
    f = d.f
    proxy = d.k(d.pick("http://proxy.example.com:8080", "http://127.0.0.1:8118"))
    resolver = d.k(d.pick("1.1.1.1", "8.8.8.8", "9.9.9.9"))
    return f"""{f.ts()} [scrapy.core.engine] INFO: Spider opened
{f.ts()} [pricewatch] INFO: Using proxy {proxy} (resolver {resolver})
{f.ts()} [scrapy.core.engine] DEBUG: Crawled (200) <GET https://shop.example.org/p/{f.r.randint(100, 999)}> \
(referer: None)
{f.ts()} [scrapy.statscollectors] INFO: Dumping Scrapy stats: {{'item_scraped_count': {f.r.randint(10, 500)}}}
"""


def bp_version(d: _Doc) -> str:
    f = d.f
    ver = d.k(f"{f.r.randint(118, 131)}.0.{f.r.randint(6000, 6999)}.{f.r.randint(10, 199)}")
    rev = d.k(f.sha())
    return f"""chrome://version
Google Chrome   {ver} (Official Build) (64-bit)
Revision        {rev}-refs/branch-heads/{f.r.randint(6000, 6999)}@{{#{f.r.randint(100, 2000)}}}
OS              Linux
Profile Path    ~/.config/google-chrome/Default
"""


def tf_refs(d: _Doc) -> str:
    f = d.f
    ref = d.k(d.pick("var.db_password", 'data.vault_generic_secret.db.data["password"]'))
    sens = d.k("(sensitive value)")
    return f"""  # aws_db_instance.replica will be created
  + resource "aws_db_instance" "replica" {{
      + engine            = "postgres"
      + engine_version    = "{f.r.randint(13, 17)}.{f.r.randint(1, 9)}"
      + password          = {sens}
      + username          = "app"
    }}

# main.tf
  password = {ref}
"""


def nb_secret_refs(d: _Doc) -> str:
    f = d.f
    ref = d.k(
        d.pick('dbutils.secrets.get(scope="prod", key="api-token")', "{{ secrets.WAREHOUSE_PASSWORD }}")
    )
    masked = d.k("[REDACTED]")
    return f"""# Cell {f.r.randint(2, 20)}
token = {ref}
print(token)
{masked}
"""


def sre_workflow(d: _Doc) -> str:
    f = d.f
    ref = d.k("${{ secrets.PAGERDUTY_TOKEN }}")
    name = d.k("--secret=pagerduty-token")
    return f"""# .github/workflows/page.yml
      - name: Page on-call
        env:
          PD_TOKEN: {ref}
        run: |
          gcloud secrets versions access latest {name} >/dev/null
          ./page.sh "deploy {f.sha()[:7]} failed"
"""


def eb_routes(d: _Doc) -> str:
    f = d.f
    net = d.k(d.pick("10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12"))
    mcast = d.k("224.0.0.251")
    host = f"{f.word()}-pi"
    return f"""pi@{host}:~ $ ip route show table all | grep -v local
{net} via wg0 proto static metric 50
169.254.0.0/16 dev eth0 scope link metric 1000
multicast {mcast} dev wlan0 table local proto kernel scope link
pi@{host}:~ $ cat /proc/device-tree/model; echo
Raspberry Pi {d.pick("4 Model B Rev 1.4", "5 Model B Rev 1.0", "Zero 2 W Rev 1.0")}
"""


def db_deviceinfo(d: _Doc) -> str:
    f = d.f
    ver = d.k(f"{f.r.randint(15, 18)}.{f.r.randint(0, 6)}.{f.r.randint(1, 3)}")
    build = d.k(
        f"google/{d.pick('husky', 'shiba', 'lynx')}/{d.pick('husky', 'shiba', 'lynx')}:14/AP2A.240805.005/"
        f"{f.r.randint(10000000, 99999999)}:user/release-keys"
    )
    return f"""$ ideviceinfo -k ProductVersion
{ver}
$ adb shell getprop ro.build.fingerprint
{build}
"""


def ar_template(d: _Doc) -> str:
    f = d.f
    url = d.k("{{ reset_url }}")
    nr = d.k(f"noreply@{f.domain()}")
    return f"""{{# templates/email/password_reset.txt #}}
From: {nr}
Hello {{{{ user.first_name }}}},

Use the link below to choose a new password. It expires in {f.r.randint(15, 60)} minutes.

{url}
"""


def sa_scim_docs(d: _Doc) -> str:
    name = d.k("Barbara Jensen")
    mail = d.k("bjensen@example.com")
    return f"""Example from RFC 7643, section 8.1, used in our SCIM docs:

{{
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
  "userName": "bjensen",
  "name": {{"formatted": "{name}"}},
  "emails": [{{"value": "{mail}", "type": "work"}}]
}}
"""


def sd_neon_help(d: _Doc) -> str:
    f = d.f
    shape = d.k("postgresql://[user]:[password]@[neon_hostname]/[dbname]")
    ph = d.k(d.pick("<password>", "****"))
    return f"""$ neonctl connection-string --help | sed -n '1,6p'
neonctl connection-string [branch]
Get connection string
Format: {shape}
Options:
  --pooled      Construct a pooled connection URL
$ echo "postgresql://app:{ph}@localhost:5432/app" > .env.sample   # password filled in by setup.sh ({f.version()})
"""


def bp_consent_cookies(d: _Doc) -> str:
    f = d.f
    ga = d.k(f"GA1.1.{f.r.randint(100000000, 999999999)}.{f.r.randint(1700000000, 1770000000)}")
    cleared = d.k("deleted")
    return f"""$ sqlite3 ~/.mozilla/firefox/{f.chars(8, string.ascii_lowercase)}.default-release/cookies.sqlite \\
    "select name, value from moz_cookies where host like '%example.org'"
_ga|{ga}
cookie_consent|essential,analytics
session|{cleared}
"""


def nb_papermill(d: _Doc) -> str:
    f = d.f
    ref = d.k('os.environ["OPENAI_API_KEY"]')
    run = d.k(f.uuid())
    return f"""# Parameters (tagged "parameters" for papermill)
api_key = {ref}
run_id = "{run}"
sample_rows = {f.r.randint(100, 5000)}

Executing: 100%|##########| {f.r.randint(8, 30)}/{f.r.randint(30, 40)} [00:{f.r.randint(10, 59)}<00:00, 1.2cell/s]
"""


def db_backup_info(d: _Doc) -> str:
    f = d.f
    udid = d.k(f.hexs(40))
    ver = d.k(f"{f.r.randint(15, 18)}.{f.r.randint(0, 6)}")
    return f"""$ idevicebackup2 info ~/Backups
Backup directory is "~/Backups/{udid}"
Backup Service Version: 2.0 (iOS {ver})
Is encrypted: {d.pick("yes", "no")}
Last backup: {f.ts()}
"""


def ar_rate_limit(d: _Doc) -> str:
    f = d.f
    ip = d.k(f.doc_ip())
    mail = d.k(d.pick("user@example.com", "test@example.com"))
    return f"""{f.ts()} WARN  auth.reset  too many reset requests ip={ip} \
email={mail} window=15m count={f.r.randint(6, 40)}
{f.ts()} INFO  auth.reset  responded 429 Retry-After: {f.r.randint(60, 900)}
"""


def sa_audit_docs(d: _Doc) -> str:
    actor = d.k("admin@example.com")
    ip = d.k("198.51.100.7")
    return f"""### Audit event shape

    {{"event": "tenant.user.impersonated", "actor": "{actor}", "source_ip": "{ip}", "target_user": "<user id>"}}

Every field but `event` is optional in self-hosted installs.
"""


# ---------------------------------------------------------------- building

TEMPLATES: dict[str, tuple[Template, ...]] = {
    "developer-portals": (*DEVELOPER_PORTALS, dp_readme),
    "serverless-data": (*SERVERLESS_DATA, sd_env_example, sd_neon_help),
    "media-ai-apis": (*MEDIA_AI, ma_sdk_readme),
    "scraping-proxies": (*SCRAPING, sp_crawl_log),
    "browser-profiles": (*BROWSER_PROFILES, bp_version, bp_consent_cookies),
    "terraform-runs": (*TERRAFORM_RUNS, tf_refs),
    "data-notebooks": (*DATA_NOTEBOOKS, nb_secret_refs, nb_papermill),
    "sre-chatops": (*SRE_CHATOPS, sre_workflow),
    "embedded-boards": (*EMBEDDED_BOARDS, eb_routes),
    "device-backups": (*DEVICE_BACKUPS, db_deviceinfo, db_backup_info),
    "account-recovery": (*ACCOUNT_RECOVERY, ar_template, ar_rate_limit),
    "saas-admin": (*SAAS_ADMIN, sa_scim_docs, sa_audit_docs),
}
DOCS_PER_SETTING = 26

FENCE_INTROS = (
    "Here is what the command printed:",
    "Contents of the file as read:",
    "Output (trimmed):",
    "The relevant part of the log:",
)


def _json_form(value: str) -> str:
    """A value as it stands inside a JSON string field."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _deliver(text: str, delivery: str, rng: random.Random, path: str, seq: int) -> str:
    """Wrap a document's text the way a transcript carries it."""
    text = text.rstrip("\n")
    lines = text.split("\n")
    if delivery == "plain":
        return text + "\n"
    if delivery == "json":
        event = {
            "type": "tool_result",
            "seq": seq,
            "tool": rng.choice(["Bash", "Read", "shell"]),
            "output": text,
        }
        return json.dumps(event, ensure_ascii=False) + "\n"
    if delivery == "diff":
        head = (
            f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{rng.getrandbits(28):07x}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        )
        return head + "\n".join("+" + line for line in lines) + "\n"
    if delivery == "numbered":
        return "\n".join(f"{n:6d}\t{line}" for n, line in enumerate(lines, 1)) + "\n"
    if delivery == "cilog":
        hour, minute, second, milli = (
            rng.randint(0, 22),
            rng.randint(0, 59),
            rng.randint(0, 59),
            rng.randint(0, 999),
        )
        day = rng.randint(1, 28)
        out = []
        for line in lines:
            milli += rng.randint(1, 400)
            second, milli = second + milli // 1000, milli % 1000
            minute, second = minute + second // 60, second % 60
            hour, minute = hour + minute // 60, minute % 60
            out.append(f"2026-04-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.{milli:03d}Z {line}")
        return "\n".join(out) + "\n"
    if delivery == "fence":
        lang = rng.choice(["", "text", "console", "log"])
        return f"{rng.choice(FENCE_INTROS)}\n\n```{lang}\n{text}\n```\n"
    raise ValueError(delivery)


def _occurrences(text: str, needle: str) -> list[int]:
    out: list[int] = []
    start = 0
    while True:
        at = text.find(needle, start)
        if at < 0:
            return out
        out.append(at)
        start = at + len(needle)


def _make(
    name: str, setting: str, delivery: str, raw: str, d: _Doc, rng: random.Random, seq: int
) -> Document:
    """Deliver a document and label every occurrence of its values in the delivered text."""
    if any("\n" in v for _, v in d.secrets) and delivery not in ("plain", "fence"):
        delivery = "plain" if seq % 2 else "fence"
    path = name.replace("/", "_") + ".txt"
    text = _deliver(raw, delivery, rng, path, seq)
    secrets: dict[tuple[int, str], Secret] = {}
    for cls, value in d.secrets:
        form = _json_form(value) if delivery == "json" else value
        found = _occurrences(text, form)
        if not found:
            raise AssertionError(f"{name}: a {cls} is not in the delivered text")
        for at in found:
            secrets.setdefault((at, form), Secret(cls, form, at))
    keeps: dict[str, Keep] = {}
    for value in d.keeps:
        form = _json_form(value) if delivery == "json" else value
        found = _occurrences(text, form)
        if not found:
            raise AssertionError(f"{name}: a keep is not in the delivered text")
        keeps.setdefault(form, Keep(form, found[0]))
    return Document(
        name=name,
        setting=setting,
        delivery=delivery,
        text=text,
        secrets=tuple(sorted(secrets.values(), key=lambda s: (s.offset, s.text))),
        keeps=tuple(sorted(keeps.values(), key=lambda k: k.offset)),
    )


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of the corpus, the same for the same seed."""
    rng = random.Random(seed)
    fakes = Fakes(rng)
    docs: list[Document] = []
    seq = 0
    for s_index, setting in enumerate(SETTINGS):
        kinds = TEMPLATES[setting]
        for n in range(DOCS_PER_SETTING):
            template = kinds[(n + s_index) % len(kinds)]
            d = _Doc(fakes)
            raw = template(d)
            kind = template.__name__.split("_", 1)[1].replace("_", "-")
            delivery = DELIVERIES[(seq + s_index) % len(DELIVERIES)]
            docs.append(_make(f"{setting}/{kind}/{n:02d}", setting, delivery, raw, d, rng, seq))
            seq += 1
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A fingerprint of the whole corpus, to pin it in tests."""
    payload = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


# ---------------------------------------------------------------- measuring


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate shares of secrets removed (whole and without fragments) and of keeps left alone."""
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
    """The real scrubber over this corpus, aggregates only."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
