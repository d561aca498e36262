"""The twentieth held-back scrub corpus.

Settings covered (twelve): Salesforce and CRM developer tooling (sfdx auth URLs, connected-app consumer
secrets, HubSpot private app tokens, Zoho refresh tokens); workflow automation (Zapier exports, n8n
credentials, Make scenarios, Airtable personal access tokens); crypto exchange and trading bots (exchange
key and secret pairs, ccxt and freqtrade configs); video and conferencing SDKs (Zoom, Agora, Twilio Video,
Daily.co); app store release automation (fastlane Appfile and Matchfile, App Store Connect keys, Google
Play service accounts); SSO and directory sync (SCIM, Okta, Azure AD client secrets, LDAP bind passwords);
print, PDF and document generation (DocRaptor, PDFMonkey, wkhtmltopdf, invoice and tax form text);
messaging platforms' bots (Discord, Telegram, WhatsApp Business, Slack and Teams); legacy PHP and
WordPress hosting (wp-config.php, cPanel, FileZilla, .htpasswd); data warehouse clients (Snowflake,
BigQuery, Redshift, ClickHouse); mobile device management and enterprise Wi-Fi (wpa_supplicant,
NetworkManager, .mobileconfig payloads); customer support exports (Zendesk, Intercom, Freshdesk).

Labels follow the scrubber's published policy alone: what the policy says goes is a `Secret`; what it
says stays, and look-alikes of secrets, are a `Keep`; what it leaves open is not labelled at all.

Every value is a fake drawn at build time from a seeded ``random.Random``, valid for its format where
the format has a check (GitHub tokens' CRC32, Luhn, IBAN mod-97, SSN issuance ranges, JWTs' JSON
parts, PEM's DER layout). The source holds no secret-shaped literal. The measure reports aggregates only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import random
import re
import string
import zlib
from collections.abc import Callable, Iterable, Sequence

import attrs

DEFAULT_SEED = 20261220

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
_B64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
_HEX = string.digits + "abcdef"
_CRYPT64 = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
_WP_SALT = string.ascii_letters + string.digits + "!@#$%^&*()-_ []{}<>~`+=,.;:/?|"


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


SETTINGS = (
    "crm-developer-tooling",
    "workflow-automation",
    "crypto-trading-bots",
    "video-conferencing-sdks",
    "app-store-release",
    "sso-directory-sync",
    "document-generation",
    "messaging-bots",
    "php-wordpress-hosting",
    "data-warehouse-clients",
    "mdm-enterprise-wifi",
    "support-exports",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "ci", "fence")

# Vendor tokens whose prefix the vendor publishes (GitHub, Slack, HubSpot, Airtable, AWS).
VENDOR_CLASSES = frozenset(
    {"github-token", "slack-token", "hubspot-token", "airtable-token", "aws-access-key-id"}
)

_FIRST = (
    "Maria", "James", "Aisha", "Daniel", "Priya", "Lukas", "Sofia", "Mateo", "Hannah", "Omar",
    "Chloe", "Ethan", "Yuki", "Noah", "Elena", "Samuel", "Fatima", "Oliver", "Grace", "Tomasz",
    "Ines", "Kwame", "Leah", "Ravi", "Clara", "Diego", "Nadia", "Felix", "Amara", "Jonas",
    "Sara", "Victor", "Mei", "Lucas", "Zara", "Henrik", "Alice", "Rafael", "Emma", "Kenji",
)  # fmt: skip
_LAST = (
    "Lopez", "Okafor", "Schneider", "Nakamura", "Patel", "Johansson", "Rossi", "Dubois", "Kowalski",
    "Haddad", "Fischer", "Moreau", "Silva", "Novak", "Andersen", "Garcia", "Mensah", "Murphy",
    "Kaur", "Bianchi", "Lindqvist", "Costa", "Yilmaz", "Byrne", "Santos", "Weber", "Hughes",
    "Tanaka", "Ivanova", "Petrov", "Reyes", "Hoffmann", "Okonkwo", "Larsen", "Fontaine", "Alvarez",
    "Brennan", "Varga", "Mwangi", "Duarte",
)  # fmt: skip
_WORDS = (
    "bright", "lane", "harbor", "pine", "north", "field", "stone", "river", "copper", "maple",
    "summit", "vale", "ember", "quill", "cedar", "orbit", "meadow", "falcon", "tide", "granite",
    "lumen", "ridge", "atlas", "clover", "birch", "delta", "fjord", "kestrel", "lantern", "marble",
    "nectar", "opal", "prairie", "quartz", "saffron", "thistle", "umber", "violet", "willow", "zephyr",
)  # fmt: skip
_TLDS = ("com", "io", "co", "de", "nl", "co.uk", "fr", "se", "ch", "app")
_STREETS = ("Market Street", "Elm Avenue", "Harbour Road", "Kingsway", "Rue des Lilas", "Oak Lane")
_CITIES = ("Leeds", "Lyon", "Austin", "Utrecht", "Graz", "Porto", "Denver", "Malmo")


@attrs.frozen
class _Raw:
    kind: str
    path: str
    lang: str
    text: str


_MARK = re.compile(r"@@(\d+)@@")


class _Gen:
    """Random values of many formats, and the marks that label them in a document's raw text."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.marks: list[tuple[str, str, str]] = []

    # -- marks -----------------------------------------------------------------------------------
    def s(self, cls: str, text: str) -> str:
        self.marks.append(("s", cls, text))
        return f"@@{len(self.marks) - 1}@@"

    def k(self, text: str) -> str:
        self.marks.append(("k", "", text))
        return f"@@{len(self.marks) - 1}@@"

    # -- primitives ------------------------------------------------------------------------------
    def pick(self, seq: Sequence[str]) -> str:
        return self.r.choice(seq)

    def n(self, a: int, b: int) -> int:
        return self.r.randint(a, b)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b62(self, n: int) -> str:
        return self.chars(_B62, n)

    def hex(self, n: int) -> str:
        return self.chars(_HEX, n)

    def upper_alnum(self, n: int) -> str:
        return self.chars(string.ascii_uppercase + string.digits, n)

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + self.chars(string.digits, n - 1)

    def raw(self, n: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(self.raw(nbytes)).decode()

    def b64url(self, nbytes: int) -> str:
        return base64.urlsafe_b64encode(self.raw(nbytes)).decode().rstrip("=")

    def uuid(self) -> str:
        h = self.hex(32)
        h = h[:12] + "4" + h[13:16] + self.pick("89ab") + h[17:]
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def sha1(self) -> str:
        return hashlib.sha1(self.raw(16)).hexdigest()

    def sha256(self) -> str:
        return hashlib.sha256(self.raw(16)).hexdigest()

    def word(self) -> str:
        return self.pick(_WORDS)

    def slug(self) -> str:
        a, b = self.r.sample(_WORDS, 2)
        return a + b

    def domain(self) -> str:
        return f"{self.slug()}.{self.pick(_TLDS)}"

    def first(self) -> str:
        return self.pick(_FIRST)

    def last(self) -> str:
        return self.pick(_LAST)

    def person(self) -> tuple[str, str]:
        """A full name and a personal address at an ordinary company domain."""
        f, la = self.first(), self.last()
        local = self.pick((f"{f}.{la}", f"{f[0]}{la}", f"{f}{la[0]}", f"{f}_{la}")).lower()
        return f"{f} {la}", f"{local}@{self.domain()}"

    def email(self) -> str:
        return self.person()[1]

    def phone(self) -> str:
        return self.pick(("+44 7700 9", "+1 415-55", "+31 6 12", "+49 151 2")) + self.chars(string.digits, 5)

    def street(self) -> str:
        return f"{self.n(2, 240)} {self.pick(_STREETS)}"

    def city(self) -> str:
        return self.pick(_CITIES)

    def password(self) -> str:
        w1, w2 = self.r.sample(_WORDS, 2)
        style = self.n(0, 3)
        if style == 0:
            return f"{w1.capitalize()}{self.pick('!#%*+?')}{w2.capitalize()}{self.n(10, 9999)}"
        if style == 1:
            return f"{w1}.{w2}{self.n(100, 999)}"
        if style == 2:
            return self.b62(self.n(16, 24))
        return f"{w1.capitalize()}-{w2}-{self.n(10, 99)}{self.pick('!?#')}"

    def url_password(self) -> str:
        w1, w2 = self.r.sample(_WORDS, 2)
        if self.n(0, 1):
            return self.b62(self.n(14, 22))
        return f"{w1.capitalize()}{self.n(10, 999)}{w2}"

    def passphrase(self) -> str:
        words = self.r.sample(_WORDS, self.n(3, 4))
        return self.pick("-_ ").join(words) + str(self.n(10, 99))

    def version(self) -> str:
        return f"{self.n(1, 9)}.{self.n(0, 30)}.{self.n(0, 20)}"

    def iso(self) -> str:
        return (
            f"2026-{self.n(1, 12):02d}-{self.n(1, 28):02d}T{self.n(0, 23):02d}:"
            f"{self.n(0, 59):02d}:{self.n(0, 59):02d}Z"
        )

    # -- vendor and checked formats --------------------------------------------------------------
    def github_token(self) -> str:
        body = self.b62(30)
        return "ghp_" + body + _b62_fixed(binascii.crc32(body.encode()), 6)

    def slack_bot(self) -> str:
        return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.b62(24)}"

    def slack_app(self) -> str:
        return f"xapp-1-A{self.upper_alnum(10)}-{self.digits(13)}-{self.hex(64)}"

    def hubspot(self) -> str:
        return f"pat-{self.pick(('na1', 'eu1', 'na2'))}-{self.uuid()}"

    def airtable(self) -> str:
        return f"pat{self.b62(14)}.{self.hex(64)}"

    def aws_key_id(self) -> str:
        return "AKIA" + self.chars(string.ascii_uppercase + "234567", 16)

    def aws_secret(self) -> str:
        return self.chars(string.ascii_letters + string.digits + "+/", 40)

    def sf_access(self) -> str:
        org = "00D" + self.b62(12)
        return f"{org}!AR{self.b62(1)}AQ" + self.chars(_B62 + "._", 92)

    def sf_refresh(self) -> str:
        return "5Aep861" + self.chars(_B62 + "._", 80)

    def zoho(self) -> str:
        return f"1000.{self.hex(32)}.{self.hex(32)}"

    def okta(self) -> str:
        return "00" + self.chars(_B62 + "-_", 40)

    def azure_secret(self) -> str:
        return self.b62(3) + "8Q~" + self.chars(_B62 + "_.~-", 34)

    def intercom(self) -> str:
        raw = f"tok:{self.uuid()}:1:0"
        return base64.b64encode(raw.encode()).decode().rstrip("=")

    def meta_token(self) -> str:
        return "EAA" + self.pick("GBI") + self.b62(self.n(150, 190))

    def agora_token(self) -> str:
        return "007" + base64.b64encode(zlib.compress(self.raw(self.n(90, 120)))).decode()

    def discord(self) -> str:
        snowflake = str(self.r.randint(10**17, 13 * 10**17))
        head = base64.b64encode(snowflake.encode()).decode().rstrip("=")
        return f"{head}.{self.chars(_B64URL, 6)}.{self.chars(_B64URL, 38)}"

    def telegram(self) -> str:
        return f"{self.digits(10)}:AA{self.chars(_B64URL, 33)}"

    def card(self) -> str:
        while True:
            first = self.pick(("4", "51", "52", "53", "54", "55"))
            body = first + self.chars(string.digits, 15 - len(first))
            full = body + str(_luhn_digit(body))
            if len(set(full[1:])) > 3:
                break
        if self.n(0, 1):
            return " ".join(full[i : i + 4] for i in range(0, 16, 4))
        return full

    def iban(self, valid: bool = True) -> str:
        country = self.pick(("DE", "GB", "NL", "AT", "IE", "CH"))
        bban = {
            "DE": lambda: self.chars(string.digits, 18),
            "GB": lambda: self.pick(("NWBK", "BARC", "HBUK", "LOYD")) + self.chars(string.digits, 14),
            "NL": lambda: self.pick(("ABNA", "INGB", "RABO", "TRIO")) + self.chars(string.digits, 10),
            "AT": lambda: self.chars(string.digits, 16),
            "IE": lambda: self.pick(("AIBK", "BOFI")) + self.chars(string.digits, 14),
            "CH": lambda: self.chars(string.digits, 17),
        }[country]()
        check = right = _iban_check(country, bban)
        while not valid and check == right:
            check = f"{self.n(2, 98):02d}"
        compact = country + check + bban
        if self.n(0, 1):
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def ssn(self, dashes: bool = True) -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        group, serial = self.n(1, 99), self.n(1, 9999)
        sep = "-" if dashes else ""
        return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"

    def jwt(self, payload: dict[str, object], header: dict[str, object] | None = None, sig: int = 32) -> str:
        head = header or {"alg": "HS256", "typ": "JWT"}
        parts = [_b64url_json(head), _b64url_json(payload), self.b64url(sig)]
        return ".".join(parts)

    def bcrypt(self) -> str:
        return f"$2y${self.pick(('05', '10', '12'))}$" + self.chars(_CRYPT64, 53)

    def sha512crypt(self) -> str:
        return f"$6${self.chars(_CRYPT64, 16)}$" + self.chars(_CRYPT64, 86)

    def argon2(self) -> str:
        return f"$argon2id$v=19$m=65536,t=4,p=1${self.b64(16).rstrip('=')}${self.b64(32).rstrip('=')}"

    def wp_salt(self) -> str:
        return self.chars(_WP_SALT, 64)

    def app_password(self) -> str:
        return "-".join(self.chars(string.ascii_lowercase, 4) for _ in range(4))

    def ssh_pub(self) -> str:
        blob = _lp(b"ssh-ed25519") + _lp(self.raw(32))
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def wg_pub(self) -> str:
        return self.b64(32)

    def sri(self) -> str:
        return "sha512-" + base64.b64encode(hashlib.sha512(self.raw(16)).digest()).decode()

    def fingerprint(self) -> str:
        return ":".join(f"{b:02X}" for b in hashlib.sha1(self.raw(8)).digest())

    # -- PEM bodies (DER inside) -----------------------------------------------------------------
    def ec_pkcs8(self) -> bytes:
        return _der(0x30, _INT0 + _der(0x30, _OID_EC + _OID_P256) + _der(0x04, self._sec1_inner()))

    def ec_sec1(self) -> bytes:
        return self._sec1_inner()

    def _sec1_inner(self) -> bytes:
        return _der(
            0x30,
            _der(0x02, b"\x01")
            + _der(0x04, self.raw(32))
            + _der(0xA0, _OID_P256)
            + _der(0xA1, _der(0x03, b"\x00\x04" + self.raw(64))),
        )

    def rsa_pkcs8(self) -> bytes:
        def integer(n: int) -> bytes:
            return _der(0x02, b"\x00" + bytes([0x80 | self.n(0, 127)]) + self.raw(n - 1))

        key = _der(
            0x30,
            _INT0
            + integer(256)
            + _der(0x02, b"\x01\x00\x01")
            + integer(256)
            + integer(128)
            + integer(128)
            + integer(128)
            + integer(128)
            + integer(128),
        )
        return _der(0x30, _INT0 + _der(0x30, _OID_RSA + b"\x05\x00") + _der(0x04, key))

    def rsa_spki(self) -> bytes:
        modulus = _der(0x02, b"\x00\xc1" + self.raw(255))
        inner = _der(0x30, modulus + _der(0x02, b"\x01\x00\x01"))
        return _der(0x30, _der(0x30, _OID_RSA + b"\x05\x00") + _der(0x03, b"\x00" + inner))

    def ec_spki(self) -> bytes:
        return _der(0x30, _der(0x30, _OID_EC + _OID_P256) + _der(0x03, b"\x00\x04" + self.raw(64)))

    def encrypted_pkcs8(self) -> bytes:
        kdf = _der(
            0x30,
            _OID_PBKDF2
            + _der(0x30, _der(0x04, self.raw(8)) + _der(0x02, b"\x08\x00") + _der(0x30, _OID_HMAC256)),
        )
        enc = _der(0x30, _OID_AES256 + _der(0x04, self.raw(16)))
        algo = _der(0x30, _OID_PBES2 + _der(0x30, kdf + enc))
        return _der(0x30, algo + _der(0x04, self.raw(16 * self.n(76, 78))))

    def certificate(self) -> bytes:
        return _der(0x30, _der(0x30, self.raw(self.n(600, 700))) + _der(0x30, self.raw(15)))


def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    elif n < 0x100:
        head = bytes([0x81, n])
    else:
        head = bytes([0x82, n >> 8, n & 0xFF])
    return bytes([tag]) + head + content


_INT0 = _der(0x02, b"\x00")
_OID_RSA = _der(0x06, bytes.fromhex("2a864886f70d010101"))
_OID_EC = _der(0x06, bytes.fromhex("2a8648ce3d0201"))
_OID_P256 = _der(0x06, bytes.fromhex("2a8648ce3d030107"))
_OID_PBES2 = _der(0x06, bytes.fromhex("2a864886f70d01050d"))
_OID_PBKDF2 = _der(0x06, bytes.fromhex("2a864886f70d01050c"))
_OID_HMAC256 = _der(0x06, bytes.fromhex("2a864886f70d0209")) + b"\x05\x00"
_OID_AES256 = _der(0x06, bytes.fromhex("608648016503040102"))


def _lp(b: bytes) -> bytes:
    return len(b).to_bytes(4, "big") + b


def _b62_fixed(value: int, width: int) -> str:
    out = ""
    while value:
        value, rem = divmod(value, 62)
        out = _B62[rem] + out
    return out.rjust(width, "0")


def _luhn_digit(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def _iban_check(country: str, bban: str) -> str:
    return f"{98 - _iban_number(bban + country + '00') % 97:02d}"


def _iban_valid(compact: str) -> bool:
    return _iban_number(compact[4:] + compact[:4]) % 97 == 1


def iban_ok(text: str) -> bool:
    return _iban_valid(text.replace(" ", ""))


def github_token_ok(token: str) -> bool:
    body, check = token[4:-6], token[-6:]
    return (
        token.startswith("ghp_")
        and len(token) == 40
        and _b62_fixed(binascii.crc32(body.encode()), 6) == check
    )


def ssn_ok(text: str) -> bool:
    digits = text.replace("-", "").replace(" ", "")
    if not re.fullmatch(r"\d{9}", digits):
        return False
    area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def _b64url_json(obj: dict[str, object]) -> str:
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def jwt_ok(token: str) -> bool:
    parts = token.split(".")
    if len(parts) != 3:
        return False
    try:
        head = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
        body = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        base64.urlsafe_b64decode(parts[2] + "=" * (-len(parts[2]) % 4))
    except ValueError:
        return False
    return isinstance(head, dict) and "alg" in head and isinstance(body, dict)


def der_ok(blob: bytes) -> bool:
    """A DER SEQUENCE whose outer length covers the whole blob."""
    if len(blob) < 2 or blob[0] != 0x30:
        return False
    first = blob[1]
    if first < 0x80:
        return 2 + first == len(blob)
    width = first & 0x7F
    return 2 + width + int.from_bytes(blob[2 : 2 + width], "big") == len(blob)


def _pem_lines(der: bytes, width: int = 64) -> list[str]:
    text = base64.b64encode(der).decode()
    return [text[i : i + width] for i in range(0, len(text), width)]


def _pem(g: _Gen, label: str, der: bytes, nl: str = "\n", secret: str | None = "private-key") -> str:
    """A PEM block with its body marked (a secret's class, or a keep when ``secret`` is None)."""
    body = nl.join(_pem_lines(der))
    mark = g.s(secret, body) if secret else g.k(body)
    return f"-----BEGIN {label}-----{nl}{mark}{nl}-----END {label}-----{nl}"


def _git_log(g: _Gen, subjects: Sequence[str]) -> str:
    """``git log`` output: each author's name and address go, the commit hashes stay."""
    out = []
    authors = [g.person() for _ in range(g.n(1, 2))]
    for i, subject in enumerate(subjects):
        name, mail = authors[i % len(authors)]
        out.append(
            f"commit {g.k(g.sha1())}\nAuthor: {g.s('person-name', name)} <{g.s('email', mail)}>\n"
            f"Date:   {g.pick(('Mon', 'Tue', 'Wed', 'Thu', 'Fri'))} Mar {g.n(1, 28)} "
            f"{g.n(8, 19)}:{g.n(10, 59)}:{g.n(10, 59)} 2026 +0100\n\n    {subject}\n"
        )
    return "\n".join(out)


def _jdump(obj: object, indent: int | None = 2) -> str:
    return json.dumps(obj, indent=indent)


def _basic(user: str, secret: str) -> str:
    return base64.b64encode(f"{user}:{secret}".encode()).decode()


def _google_sa(g: _Gen, project: str, account: str) -> str:
    """A service-account key file: its key id and private key go; the rest identifies."""
    key = _pem(g, "PRIVATE KEY", g.rsa_pkcs8(), nl="\\n")
    return (
        "{\n"
        '  "type": "service_account",\n'
        f'  "project_id": "{project}",\n'
        f'  "private_key_id": "{g.s("service-account-key-id", g.hex(40))}",\n'
        f'  "private_key": "{key}",\n'
        f'  "client_email": "{account}@{project}.iam.gserviceaccount.com",\n'
        f'  "client_id": "{g.digits(21)}",\n'
        '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n'
        '  "token_uri": "https://oauth2.googleapis.com/token",\n'
        '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n'
        f'  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/{account}%40{project}'
        '.iam.gserviceaccount.com",\n'
        '  "universe_domain": "googleapis.com"\n'
        "}\n"
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[tuple[str, str | None]]], g: _Gen) -> str:
    """A padded table; each cell is (value, class or None for plain or "keep")."""
    widths = [len(h) for h in header]
    for row in rows:
        for i, (value, _) in enumerate(row):
            widths[i] = max(widths[i], len(value))
    lines = [" " + " ".join(h.ljust(widths[i]) for i, h in enumerate(header)).rstrip()]
    lines.append(" " + " ".join("─" * w for w in widths))
    for row in rows:
        cells = []
        for i, (value, cls) in enumerate(row):
            pad = " " * (widths[i] - len(value))
            if cls is None:
                cells.append(value + pad)
            elif cls == "keep":
                cells.append(g.k(value) + pad)
            else:
                cells.append(g.s(cls, value) + pad)
        lines.append((" " + " ".join(cells)).rstrip())
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------
# 1. Salesforce and CRM developer tooling


def _sf_org_display(g: _Gen) -> _Raw:
    host = f"{g.slug()}.my.salesforce.com"
    alias = g.pick(("prod", "uat", "devhub", "partial"))
    access = g.sf_access()
    org = access[:15] + g.upper_alnum(3)
    rows: list[Sequence[tuple[str, str | None]]] = [
        [("Access Token", None), (access, "salesforce-access-token")],
        [("Alias", None), (alias, None)],
        [("Api Version", None), (f"{g.n(58, 62)}.0", "keep")],
        [("Client Id", None), ("PlatformCLI", None)],
        [("Connected Status", None), ("Connected", None)],
        [("Id", None), (org, None)],
        [("Instance Url", None), (f"https://{host}", None)],
    ]
    table = _table(("KEY", "VALUE"), rows, g)
    auth = f"force://PlatformCLI::{g.s('salesforce-refresh-token', g.sf_refresh())}@{host}"
    user = g.s("email", g.email())
    text = (
        f"$ sf org display --target-org {alias} --verbose\n"
        "Warning: This command will expose sensitive information that allows for subsequent activity using "
        "your current authenticated session.\n\n=== Org Description\n\n"
        f"{table} Sfdx Auth Url    {auth}\n Username         {user}\n"
    )
    return _Raw("sf-org-display", "notes/org-display.txt", "console", text)


def _crm_env(g: _Gen) -> _Raw:
    lines = ["# local integration settings — do not commit", ""]
    if g.n(0, 3):
        lines += [
            "# Salesforce (jsforce)",
            "SF_LOGIN_URL=https://login.salesforce.com",
            f"SF_INSTANCE_URL={g.k('${SF_LOGIN_URL}')}",
            f"SF_USERNAME={g.s('email', g.email())}",
            f"SF_PASSWORD={g.s('password', g.password())}",
            f"SF_SECURITY_TOKEN={g.s('api-key', g.b62(25))}",
            f"SF_CLIENT_ID=3MVG9{g.chars(_B62 + '._', 80)}",
            f"SF_CLIENT_SECRET={g.s('client-secret', g.hex(64).upper())}",
            f"SF_API_VERSION={g.k(str(g.n(58, 62)) + '.0')}",
            "",
        ]
    if g.n(0, 2):
        lines += [
            "# HubSpot private app (CRM scopes: contacts, deals)",
            f"HUBSPOT_ACCESS_TOKEN={g.s('hubspot-token', g.hubspot())}",
            f"HUBSPOT_PORTAL_ID={g.digits(8)}",
            "",
        ]
    if g.n(0, 2) or len(lines) < 4:
        lines += [
            "# Zoho CRM self client",
            f"ZOHO_CLIENT_ID=1000.{g.upper_alnum(30)}",
            f"ZOHO_CLIENT_SECRET={g.s('client-secret', g.hex(42))}",
            f"ZOHO_REFRESH_TOKEN={g.s('zoho-token', g.zoho())}",
            "ZOHO_ACCOUNTS_URL=https://accounts.zoho.eu",
            "",
        ]
    lines.append(f"# HUBSPOT_ACCESS_TOKEN={g.k('<your-private-app-token>')} in .env.example")
    return _Raw("crm-env", ".env", "dotenv", "\n".join(lines) + "\n")


def _sf_workflow(g: _Gen) -> _Raw:
    cli = g.version()
    text = (
        "name: deploy-salesforce\n"
        "on:\n  push:\n    branches: [main]\n"
        "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
        f"      - uses: actions/checkout@{g.k(g.sha1())} # v4\n"
        f"      - uses: actions/setup-node@{g.k(g.sha1())} # v4\n"
        "        with:\n          node-version: 20\n"
        f"      - run: npm install --global @salesforce/cli@{g.k(cli)}\n"
        "      - name: Authenticate\n"
        "        run: |\n"
        f'          echo "{g.k("${{ secrets.SFDX_AUTH_URL }}")}" > ./auth.txt\n'
        "          sf org login sfdx-url --sfdx-url-file ./auth.txt --alias prod --set-default\n"
        "          rm ./auth.txt\n"
        "        env:\n"
        f"          SF_CLIENT_SECRET: {g.k('${{ secrets.SF_CLIENT_SECRET }}')}\n"
        "      - run: sf project deploy start --target-org prod --test-level RunLocalTests\n"
    )
    return _Raw("sf-workflow", ".github/workflows/deploy.yml", "yaml", text)


def _sf_login_log(g: _Gen) -> _Raw:
    host = f"{g.slug()}.my.salesforce.com"
    user = g.email()
    text = (
        "Run sf org login sfdx-url --sfdx-url-file ./auth.txt --alias prod\n"
        "+ cat ./auth.txt\n"
        f"force://PlatformCLI::{g.s('salesforce-refresh-token', g.sf_refresh())}@{host}\n"
        f"Successfully authorized {g.s('email', user)} with org ID 00D{g.b62(15)}\n"
        f"@salesforce/cli/{g.k(g.version())} linux-x64 node-v20.14.0\n"
    )
    return _Raw("sf-login-log", "ci/deploy.log", "text", text)


def _hubspot_script(g: _Gen) -> _Raw:
    token = g.s("hubspot-token", g.hubspot())
    name, mail = g.person()
    first, last = name.split(" ")
    version = g.version()
    text = (
        "import os\n\nfrom hubspot import HubSpot\n"
        "from hubspot.crm.contacts import SimplePublicObjectInputForCreate\n\n"
        f"# pinned: hubspot-api-client {g.k(version)}\n"
        "# TODO: read from the environment before merging\n"
        f'HUBSPOT_TOKEN = "{token}"\n\n'
        "client = HubSpot(access_token=HUBSPOT_TOKEN)\n\n\n"
        "def create(email: str, first: str, last: str) -> str:\n"
        "    body = SimplePublicObjectInputForCreate(\n"
        '        properties={"email": email, "firstname": first, "lastname": last}\n'
        "    )\n"
        "    return client.crm.contacts.basic_api.create(body).id\n"
        "\n# $ python sync_contacts.py --limit 1\n"
        f"# created contact {g.digits(5)} {{'email': '{g.s('email', mail)}', 'firstname': '{first}', "
        f"'lastname': '{last}', 'lifecyclestage': 'lead'}}\n"
    )
    return _Raw("hubspot-script", "scripts/sync_contacts.py", "python", text)


def _zoho_curl(g: _Gen) -> _Raw:
    refresh = g.s("zoho-token", g.zoho())
    secret = g.s("client-secret", g.hex(42))
    access = g.s("zoho-token", g.zoho())
    text = (
        f'$ curl -s -X POST "https://accounts.zoho.eu/oauth/v2/token?refresh_token={refresh}'
        f'&client_id=1000.{g.upper_alnum(30)}&client_secret={secret}&grant_type=refresh_token" | jq .\n'
        "{\n"
        f'  "access_token": "{access}",\n'
        '  "api_domain": "https://www.zohoapis.eu",\n'
        '  "token_type": "Bearer",\n'
        '  "expires_in": 3600\n'
        "}\n"
    )
    return _Raw("zoho-curl", "notes/zoho.txt", "console", text)


def _sf_data_query(g: _Gen) -> _Raw:
    rows: list[Sequence[tuple[str, str | None]]] = []
    for _ in range(g.n(1, 2)):
        name, mail = g.person()
        rows.append([("003" + g.b62(15), None), (name, "person-name"), (mail, "email"), (g.phone(), None)])
    table = _table(("ID", "NAME", "EMAIL", "PHONE"), rows, g)
    text = (
        '$ sf data query --query "SELECT Id, Name, Email, Phone FROM Contact WHERE CreatedDate = TODAY" '
        "--target-org prod\n"
        f"{table}Total number of records retrieved: {len(rows)}.\nQuerying Data... done\n"
    )
    return _Raw("sf-data-query", "notes/contacts.txt", "console", text)


def _sf_jwt_key(g: _Gen) -> _Raw:
    user = g.email()
    key = _pem(g, "PRIVATE KEY", g.rsa_pkcs8())
    cert = _pem(g, "CERTIFICATE", g.certificate(), secret=None) if g.n(0, 1) else ""
    cert_cmd = "$ cat config/server.crt\n" + cert if cert else ""
    text = (
        f"$ cat config/server.key\n{key}{cert_cmd}"
        f"$ sf org login jwt --client-id 3MVG9{g.chars(_B62 + '._', 60)} --jwt-key-file config/server.key "
        f"--username {g.s('email', user)} --alias ci-prod\n"
        f"Successfully authorized {g.s('email', user)} with org ID 00D{g.b62(15)}\n"
    )
    return _Raw("sf-jwt-key", "notes/jwt-login.txt", "console", text)


# ---------------------------------------------------------------------------------------------------
# 2. Workflow automation


def _n8n_export(g: _Gen) -> _Raw:
    options = [
        (
            "Airtable Personal Access Token account",
            "airtableTokenApi",
            {"accessToken": g.s("airtable-token", g.airtable())},
        ),
        (
            "Postgres prod",
            "postgres",
            {
                "host": f"db.{g.domain()}",
                "database": "orders",
                "user": "n8n",
                "password": g.s("password", g.password()),
                "port": 5432,
                "ssl": "require",
            },
        ),
        ("Slack bot", "slackApi", {"accessToken": g.s("slack-token", g.slack_bot())}),
        ("Orders API", "httpHeaderAuth", {"name": "X-API-Key", "value": g.s("api-key", g.b62(32))}),
        (
            "GitHub",
            "githubApi",
            {"user": "release-bot", "accessToken": g.s("github-token", g.github_token())},
        ),
    ]
    keep = g.r.sample(range(len(options)), g.n(1, 2))
    # Marks of options not shown stay unused: only marks written into the text become labels.
    creds = []
    for i, (name, ctype, data) in enumerate(options):
        if i in keep:
            creds.append({"id": g.b62(16), "name": name, "data": data, "type": ctype, "isManaged": False})
    text = f"$ n8n --version\n{g.k(f'1.{g.n(40, 90)}.{g.n(0, 9)}')}\n"
    text += "$ n8n export:credentials --all --decrypted --pretty\n" + _jdump(creds) + "\n"
    return _Raw("n8n-export", "backup/credentials.json", "json", text)


def _n8n_compose(g: _Gen) -> _Raw:
    admin = g.s("password", g.password()) if g.n(0, 1) else g.k("${N8N_ADMIN_PASSWORD}")
    text = (
        "services:\n  n8n:\n"
        f"    image: docker.n8n.io/n8nio/n8n@sha256:{g.k(g.sha256())}\n"
        '    restart: unless-stopped\n    ports:\n      - "5678:5678"\n    environment:\n'
        f"      - N8N_ENCRYPTION_KEY={g.s('n8n-encryption-key', g.b62(32))}\n"
        "      - DB_TYPE=postgresdb\n      - DB_POSTGRESDB_HOST=postgres\n"
        f"      - DB_POSTGRESDB_PASSWORD={g.s('password', g.password())}\n"
        "      - N8N_BASIC_AUTH_USER=admin\n"
        f"      - N8N_BASIC_AUTH_PASSWORD={admin}\n"
        f"      - WEBHOOK_URL=https://n8n.{g.domain()}/\n"
        "  postgres:\n"
        f"    image: postgres:{g.k(f'{g.n(14, 17)}.{g.n(1, 9)}')}\n"
        "    environment:\n"
        f"      POSTGRES_PASSWORD: {g.k('${POSTGRES_PASSWORD}')}\n"
    )
    return _Raw("n8n-compose", "docker-compose.yml", "yaml", text)


def _n8n_config(g: _Gen) -> _Raw:
    text = (
        "$ cat ~/.n8n/config\n{\n"
        f'\t"encryptionKey": "{g.s("n8n-encryption-key", g.b62(g.r.choice((24, 32))))}"\n'
        "}\n$ n8n --version\n"
        f"{g.k(f'1.{g.n(40, 90)}.{g.n(0, 9)}')}\n"
    )
    return _Raw("n8n-config", "notes/n8n.txt", "console", text)


def _zapier_export(g: _Gen) -> _Raw:
    bearer = g.s("api-key", g.b62(40))
    zap = {
        "metadata": {"version": 2},
        "zaps": [
            {
                "id": int(g.digits(7)),
                "title": "New order -> fulfilment API",
                "status": "on",
                "nodes": {
                    "1": {"id": 1, "type_of": "read", "selected_api": "ShopifyCLIAPI", "action": "new_order"},
                    "2": {
                        "id": 2,
                        "type_of": "write",
                        "selected_api": "WebHookCLIAPI",
                        "action": "post",
                        "params": {
                            "url": f"https://fulfil.{g.domain()}/v1/orders",
                            "headers": {"Authorization": f"Bearer {bearer}", "X-Source": "zapier"},
                            "data": {"email": g.k("{{1__email}}"), "total": g.k("{{1__total_price}}")},
                        },
                    },
                },
            }
        ],
    }
    return _Raw("zapier-export", "exports/zapfile.json", "json", _jdump(zap) + "\n")


def _zapier_platform(g: _Gen) -> _Raw:
    text = (
        "$ cat ~/.zapierrc .env\n{\n"
        f'  "deployKey": "{g.s("api-key", g.hex(32))}"\n'
        "}\n"
        f"CLIENT_ID={g.b62(20)}\n"
        f"CLIENT_SECRET={g.s('client-secret', g.b62(40))}\n"
        "$ grep -n client_secret authentication.js\n"
        f"14:      client_secret: '{g.k('{{process.env.CLIENT_SECRET}}')}',\n"
    )
    return _Raw("zapier-platform", "notes/zapier.txt", "console", text)


def _make_blueprint(g: _Gen) -> _Raw:
    bp = {
        "name": "Orders to warehouse",
        "flow": [
            {
                "id": 1,
                "module": "gateway:CustomWebHook",
                "version": 1,
                "parameters": {"hook": int(g.digits(6))},
            },
            {
                "id": 2,
                "module": "http:ActionSendData",
                "version": 3,
                "mapper": {
                    "url": f"https://wms.{g.domain()}/api/inbound",
                    "method": "post",
                    "headers": [{"name": "X-Api-Key", "value": g.s("api-key", g.b62(36))}],
                    "bodyType": "raw",
                    "data": g.k("{{1.order}}"),
                },
            },
        ],
        "metadata": {"version": 1, "scenario": {"roundtrips": 1, "maxErrors": 3}},
    }
    return _Raw("make-blueprint", "make/orders.blueprint.json", "json", _jdump(bp, indent=4) + "\n")


def _make_api(g: _Gen) -> _Raw:
    if g.n(0, 1):
        text = (
            f'$ curl -s -H "Authorization: Token {g.s("make-api-token", g.uuid())}" '
            f"\"https://eu1.make.com/api/v2/scenarios?teamId={g.digits(5)}\" | jq '.scenarios[] | {{id, name}}'\n"
            f'{{\n  "id": {g.digits(7)},\n  "name": "Orders to warehouse"\n}}\n'
        )
    else:
        text = (
            f"MAKE_API_TOKEN={g.s('make-api-token', g.uuid())}\n"
            "MAKE_ZONE=eu1.make.com\n"
            f"MAKE_TEAM_ID={g.digits(5)}\n"
            f"MAKE_WEBHOOK_SECRET={g.k('${WEBHOOK_SECRET}')}\n"
        )
    return _Raw("make-api", "notes/make.txt", "console", text)


def _airtable_curl(g: _Gen) -> _Raw:
    records = []
    for _ in range(1):
        name, mail = g.person()
        records.append(
            {
                "id": "rec" + g.b62(14),
                "createdTime": g.iso(),
                "fields": {"Name": g.s("person-name", name), "Email": g.s("email", mail), "Phone": g.phone()},
            }
        )
    text = (
        f'$ curl -s "https://api.airtable.com/v0/app{g.b62(14)}/Customers?maxRecords=2&view=Grid%20view" '
        f'-H "Authorization: Bearer {g.s("airtable-token", g.airtable())}"\n'
        + _jdump({"records": records}, indent=None)
        + "\n"
    )
    return _Raw("airtable-curl", "notes/airtable.txt", "console", text)


def _automation_rc(g: _Gen) -> _Raw:
    lines = [
        "# automation tooling",
        f'export N8N_USER_FOLDER="{g.k("${XDG_DATA_HOME}")}/n8n"',
        f"export AIRTABLE_API_KEY={g.s('airtable-token', g.airtable())}",
    ]
    if g.n(0, 1):
        lines.append(f"export ZAPIER_DEPLOY_KEY={g.s('api-key', g.hex(32))}")
    if g.n(0, 1):
        lines.append(f"export MAKE_API_TOKEN={g.s('make-api-token', g.uuid())}")
    lines.append('alias zp="zapier push"')
    return _Raw("automation-rc", "~/.zshrc", "sh", "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------------
# 3. Crypto exchange and trading bots


def _exchange_pair(g: _Gen) -> tuple[str, str, str]:
    exchange = g.pick(("binance", "kraken", "bybit", "kucoin"))
    if exchange == "binance":
        return exchange, g.b62(64), g.b62(64)
    if exchange == "kraken":
        return exchange, g.chars(_B64, 56), g.b64(64)
    if exchange == "bybit":
        return exchange, g.b62(18), g.b62(36)
    return exchange, g.hex(24), g.b62(32)


def _freqtrade_config(g: _Gen) -> _Raw:
    exchange, key, secret = _exchange_pair(g)
    venue: dict[str, object] = {
        "name": exchange,
        "key": g.s("exchange-api-key", key),
        "secret": g.s("exchange-api-secret", secret),
    }
    if exchange == "kucoin":
        venue["password"] = g.s("password", g.password())
    venue["ccxt_config"] = {}
    venue["pair_whitelist"] = ["BTC/USDT", "ETH/USDT", "SOL/USDT"]
    config: dict[str, object] = {
        "max_open_trades": g.n(2, 6),
        "stake_currency": "USDT",
        "stake_amount": "unlimited",
        "dry_run": False,
        "exchange": venue,
    }
    if g.n(0, 1):
        config["telegram"] = {
            "enabled": True,
            "token": g.s("telegram-bot-token", g.telegram()),
            "chat_id": g.digits(9),
        }
    api: dict[str, object] = {
        "enabled": True,
        "listen_ip_address": g.k("127.0.0.1"),
        "listen_port": 8080,
        "username": "freqtrader",
    }
    if g.n(0, 1):
        api["jwt_secret_key"] = g.s("app-secret", g.hex(64))
    if g.n(0, 2) == 0:
        api["ws_token"] = g.s("api-key", g.b64url(24))
    api["password"] = g.s("password", g.password()) if g.n(0, 1) else g.k("changeme")
    config["api_server"] = api
    config["bot_name"] = "freqtrade"
    config["initial_state"] = "running"
    return _Raw("freqtrade-config", "user_data/config.json", "json", _jdump(config, indent=4) + "\n")


def _ccxt_script(g: _Gen) -> _Raw:
    exchange, key, secret = _exchange_pair(g)
    extra = ""
    if exchange == "kucoin":
        extra = f'    "password": "{g.s("password", g.password())}",\n'
    version = g.k(f"4.{g.n(1, 4)}.{g.n(1, 90)}")
    text = (
        "import ccxt\n\n"
        f"exchange = ccxt.{exchange}({{\n"
        f'    "apiKey": "{g.s("exchange-api-key", key)}",\n'
        f'    "secret": "{g.s("exchange-api-secret", secret)}",\n'
        f"{extra}"
        '    "enableRateLimit": True,\n'
        "})\n\n"
        'print(ccxt.__version__, exchange.fetch_balance()["total"]["USDT"])\n'
        f"# $ python balance.py\n# {version} 1532.18\n"
    )
    return _Raw("ccxt-script", "bots/balance.py", "python", text)


def _bot_env(g: _Gen) -> _Raw:
    lines = [f"# BINANCE_API_KEY={g.k('<your-api-key>')}"]
    lines += [
        f"BINANCE_API_KEY={g.s('exchange-api-key', g.b62(64))}",
        f"BINANCE_API_SECRET={g.s('exchange-api-secret', g.b62(64))}",
        "BINANCE_TESTNET=false",
    ]
    if g.n(0, 1):
        lines += [
            f"KRAKEN_API_KEY={g.s('exchange-api-key', g.chars(_B64, 56))}",
            f"KRAKEN_PRIVATE_KEY={g.s('exchange-api-secret', g.b64(64))}",
        ]
    return _Raw("bot-env", ".env", "dotenv", "\n".join(lines) + "\n")


def _coinbase_key(g: _Gen) -> _Raw:
    key = _pem(g, "EC PRIVATE KEY", g.ec_sec1(), nl="\\n")
    text = (
        "$ cat ~/Downloads/cdp_api_key.json\n{\n"
        f'   "name": "organizations/{g.uuid()}/apiKeys/{g.uuid()}",\n'
        f'   "privateKey": "{key}"\n'
        "}\n"
    )
    return _Raw("coinbase-key", "notes/cdp.txt", "console", text)


def _freqtrade_log(g: _Gen) -> _Raw:
    t = f"2026-03-{g.n(1, 28):02d} {g.n(0, 23):02d}:{g.n(10, 59):02d}"
    text = (
        f"{t}:01,223 - freqtrade - INFO - freqtrade {g.k(f'2024.{g.n(1, 12)}')}\n"
        f"{t}:01,225 - freqtrade.configuration.load_config - INFO - Using config: user_data/config.json ...\n"
        f"{t}:02,017 - freqtrade.exchange.exchange - INFO - Using CCXT {g.k(f'4.{g.n(1, 4)}.{g.n(1, 90)}')}\n"
        f"{t}:02,511 - freqtrade.resolvers.iresolver - INFO - Using resolved strategy SampleStrategy\n"
        f"{t}:09,870 - freqtrade.wallets - INFO - Withdrawal to 0x{g.k(g.hex(40))} confirmed, "
        f"tx 0x{g.k(g.hex(64))}\n"
        f"{t}:10,002 - freqtrade.rpc.api_server.webserver - INFO - Starting Local Rest Server on "
        f"{g.k('127.0.0.1')}:8080\n"
    )
    return _Raw("freqtrade-log", "user_data/logs/freqtrade.log", "text", text)


def _binance_debug(g: _Gen) -> _Raw:
    key = g.s("exchange-api-key", g.b62(64))
    ts = str(1773000000000 + g.n(0, 9_000_000_000))
    text = (
        f'DEBUG:urllib3.connectionpool:https://api.binance.com:443 "GET /api/v3/account?timestamp={ts}'
        f'&recvWindow=5000&signature={g.hex(64)} HTTP/1.1" 200 None\n'
        f"DEBUG:bot.client:request headers: {{'X-MBX-APIKEY': '{key}', 'Content-Type': "
        "'application/json', 'User-Agent': 'python-requests/2.31.0'}\n"
        f"DEBUG:bot.client:response weight used: {g.n(10, 90)}\n"
    )
    return _Raw("binance-debug", "logs/bot-debug.log", "text", text)


# ---------------------------------------------------------------------------------------------------
# 4. Video and conferencing SDKs


def _zoom_env(g: _Gen) -> _Raw:
    lines = [
        "# Zoom Meeting SDK app",
        f"ZOOM_MEETING_SDK_KEY={g.b62(22)}",
        f"ZOOM_MEETING_SDK_SECRET={g.s('zoom-sdk-secret', g.b62(32))}",
    ]
    if g.n(0, 1):
        lines += [
            "# Server-to-server OAuth app",
            f"ZOOM_ACCOUNT_ID={g.b62(22)}",
            f"ZOOM_CLIENT_ID={g.b62(22)}",
            f"ZOOM_CLIENT_SECRET={g.s('client-secret', g.b62(32))}",
        ]
    if g.n(0, 1):
        lines.append(f"ZOOM_WEBHOOK_SECRET_TOKEN={g.s('app-secret', g.b62(22))}")
    return _Raw("zoom-env", ".env.local", "dotenv", "\n".join(lines) + "\n")


def _zoom_signature(g: _Gen) -> _Raw:
    sdk_key = g.b62(22)
    meeting = g.digits(10)
    iat = 1773000000 + g.n(0, 9000000)
    payload: dict[str, object] = {
        "appKey": sdk_key,
        "sdkKey": sdk_key,
        "mn": meeting,
        "role": g.n(0, 1),
        "iat": iat,
        "exp": iat + 7200,
        "tokenExp": iat + 7200,
    }
    text = (
        "$ curl -s -X POST http://localhost:4000/signature -H 'Content-Type: application/json' "
        f'-d \'{{"meetingNumber":"{meeting}","role":0}}\'\n'
        f'{{"signature":"{g.s("jwt", g.jwt(payload))}","sdkKey":"{sdk_key}"}}\n'
    )
    return _Raw("zoom-signature", "notes/signature.txt", "console", text)


def _zoom_oauth(g: _Gen) -> _Raw:
    cid, secret = g.b62(22), g.b62(32)
    basic = g.s("basic-auth-credential", _basic(cid, secret))
    iat = 1773000000 + g.n(0, 9000000)
    token = g.jwt(
        {
            "aud": "https://oauth.zoom.us",
            "uid": g.b62(22),
            "ver": 10,
            "nbf": iat,
            "exp": iat + 3600,
            "iat": iat,
        },
        header={"alg": "HS512", "v": "2.0", "kid": g.uuid()},
        sig=64,
    )
    text = (
        f'$ curl -s -X POST "https://zoom.us/oauth/token?grant_type=account_credentials&account_id={g.b62(22)}" '
        f'-H "Authorization: Basic {basic}"\n'
        f'{{"access_token":"{g.s("jwt", token)}","token_type":"bearer","expires_in":3599,'
        '"scope":"meeting:read:admin meeting:write:admin","api_url":"https://api.zoom.us"}\n'
    )
    return _Raw("zoom-oauth", "notes/zoom-oauth.txt", "console", text)


def _zoom_registrants(g: _Gen) -> _Raw:
    iat = 1773000000 + g.n(0, 9000000)
    token = g.jwt(
        {"aud": "https://oauth.zoom.us", "uid": g.b62(22), "ver": 10, "exp": iat + 3600, "iat": iat},
        header={"alg": "HS512", "v": "2.0", "kid": g.uuid()},
        sig=64,
    )
    meeting = g.digits(11)
    regs = []
    for _ in range(1):
        name, mail = g.person()
        first, last = name.split(" ")
        regs.append(
            {
                "id": g.b64url(16),
                "first_name": g.s("person-name", first),
                "last_name": g.s("person-name", last),
                "email": g.s("email", mail),
                "status": "approved",
                "create_time": g.iso(),
            }
        )
    body = {"page_size": 30, "total_records": len(regs), "registrants": regs}
    text = (
        f'$ curl -s -H "Authorization: Bearer {g.s("jwt", token)}" '
        f"https://api.zoom.us/v2/meetings/{meeting}/registrants\n" + _jdump(body) + "\n"
    )
    return _Raw("zoom-registrants", "notes/registrants.txt", "console", text)


def _agora(g: _Gen) -> _Raw:
    app_id = g.hex(32)
    cert = g.s("agora-app-certificate", g.hex(32))
    token = g.s("agora-rtc-token", g.agora_token())
    if g.n(0, 1):
        text = (
            f"AGORA_APP_ID={app_id}\nAGORA_APP_CERTIFICATE={cert}\nTOKEN_EXPIRE_SECONDS=3600\n"
            "$ curl -s 'http://localhost:8080/rtc/standup/publisher/uid/42/?expiry=3600'\n"
            f'{{"rtcToken":"{token}"}}\n'
        )
    else:
        text = (
            "from agora_token_builder import RtcTokenBuilder\n\n"
            f'app_id = "{app_id}"\n'
            f'app_certificate = "{cert}"\n'
            'token = RtcTokenBuilder.buildTokenWithUid(app_id, app_certificate, "standup", 42, 1, 3600)\n'
            'print("Token with int uid:", token)\n'
            f"# Token with int uid: {token}\n"
        )
    return _Raw("agora", "server/agora_token.py", "python", text)


def _twilio(g: _Gen) -> _Raw:
    sid = "AC" + g.hex(32)
    if g.n(0, 1):
        text = (
            f"TWILIO_ACCOUNT_SID={sid}\n"
            f"TWILIO_AUTH_TOKEN={g.s('twilio-auth-token', g.hex(32))}\n"
            f"TWILIO_API_KEY_SID=SK{g.hex(32)}\n"
            f"TWILIO_API_KEY_SECRET={g.s('app-secret', g.b62(32))}\n"
        )
    else:
        text = (
            "from twilio.rest import Client\n\n"
            f'account_sid = "{sid}"\n'
            f'auth_token = "{g.s("twilio-auth-token", g.hex(32))}"\n'
            "client = Client(account_sid, auth_token)\n\n"
            'room = client.video.v1.rooms.create(unique_name="standup", type="group")\n'
            "print(room.sid)\n"
        )
    return _Raw("twilio", "video/twilio_setup.py", "python", text)


def _twilio_token(g: _Gen) -> _Raw:
    sid, key = "AC" + g.hex(32), "SK" + g.hex(32)
    iat = 1773000000 + g.n(0, 9000000)
    identity = g.first().lower()
    payload: dict[str, object] = {
        "jti": f"{key}-{iat}",
        "grants": {"identity": identity, "video": {"room": "standup"}},
        "iat": iat,
        "exp": iat + 3600,
        "iss": key,
        "sub": sid,
    }
    jwt = g.jwt(payload, header={"typ": "JWT", "alg": "HS256", "cty": "twilio-fpa;v=1"})
    text = (
        f"$ python make_token.py --identity {identity} --room standup\n"
        f"access token: {g.s('jwt', jwt)}\n"
        "expires in: 3600s\n"
    )
    return _Raw("twilio-token", "notes/video-token.txt", "console", text)


def _daily(g: _Gen) -> _Raw:
    key = g.s("daily-api-key", g.hex(64))
    sub = g.slug()
    if g.n(0, 1):
        room = {
            "id": g.k(g.uuid()),
            "name": "standup",
            "api_created": True,
            "privacy": "private",
            "url": f"https://{sub}.daily.co/standup",
            "created_at": g.iso(),
            "config": {"exp": 1780000000},
        }
        text = (
            f'$ curl -s -H "Authorization: Bearer {key}" -H "Content-Type: application/json" '
            '-d \'{"name":"standup","privacy":"private"}\' https://api.daily.co/v1/rooms\n'
            + _jdump(room)
            + "\n"
        )
    else:
        iat = 1773000000 + g.n(0, 9000000)
        tok = g.jwt({"r": "standup", "d": g.uuid(), "iat": iat})
        text = (
            f'$ curl -s -H "Authorization: Bearer {key}" -H "Content-Type: application/json" '
            '-d \'{"properties":{"room_name":"standup","is_owner":true}}\' '
            "https://api.daily.co/v1/meeting-tokens\n"
            f'{{"token":"{g.s("jwt", tok)}"}}\n'
        )
    return _Raw("daily", "notes/daily.txt", "console", text)


# ---------------------------------------------------------------------------------------------------
# 5. App store release automation


def _appfile(g: _Gen) -> _Raw:
    slug = g.slug()
    text = (
        f'app_identifier("com.{slug}.app") # The bundle identifier of your app\n'
        f'apple_id("{g.s("email", g.email())}") # Your Apple Developer Portal username\n\n'
        f'itc_team_id("{g.digits(9)}") # App Store Connect Team ID\n'
        f'team_id("{g.upper_alnum(10)}") # Developer Portal Team ID\n\n'
        "# For more information about the Appfile, see:\n"
        "#     https://docs.fastlane.tools/advanced/#appfile\n"
    )
    return _Raw("appfile", "fastlane/Appfile", "ruby", text)


def _matchfile(g: _Gen) -> _Raw:
    org = g.slug()
    token = g.github_token()
    basic = g.s("basic-auth-credential", _basic(f"{org}-ci", token))
    text = (
        "$ cat fastlane/Matchfile fastlane/.env.default\n"
        f'git_url("https://github.com/{org}/certificates")\n'
        'storage_mode("git")\n'
        'type("appstore")\n'
        f'app_identifier(["com.{org}.app", "com.{org}.app.widget"])\n'
        f'username("{g.s("email", g.email())}")\n'
        f"MATCH_PASSWORD={g.s('match-password', g.passphrase())}\n"
        f"MATCH_GIT_BASIC_AUTHORIZATION={basic}\n"
        f"MATCH_KEYCHAIN_PASSWORD={g.k('${KEYCHAIN_PASSWORD}')}\n"
    )
    text += f"FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD={g.s('app-specific-password', g.app_password())}\n"
    return _Raw("matchfile", "fastlane/Matchfile", "ruby", text)


def _asc_p8(g: _Gen) -> _Raw:
    key_id = g.upper_alnum(10)
    key = _pem(g, "PRIVATE KEY", g.ec_pkcs8())
    text = (
        f"$ cat ~/.appstoreconnect/private_keys/AuthKey_{key_id}.p8\n{key}"
        "$ grep -n -A4 app_store_connect_api_key fastlane/Fastfile\n"
        "12:    api_key = app_store_connect_api_key(\n"
        f'13:      key_id: "{key_id}",\n'
        f'14:      issuer_id: "{g.uuid()}",\n'
        f'15:      key_filepath: "./AuthKey_{key_id}.p8",\n'
        "16:    )\n"
    )
    return _Raw("asc-p8", "notes/asc-key.txt", "console", text)


def _asc_json(g: _Gen) -> _Raw:
    key = _pem(g, "PRIVATE KEY", g.ec_pkcs8(), nl="\\n")
    text = (
        "{\n"
        f'  "key_id": "{g.upper_alnum(10)}",\n'
        f'  "issuer_id": "{g.uuid()}",\n'
        f'  "key": "{key}",\n'
        '  "duration": 1200,\n'
        '  "in_house": false\n'
        "}\n"
    )
    return _Raw("asc-json", "fastlane/api_key.json", "json", text)


def _play_sa(g: _Gen) -> _Raw:
    project = f"{g.slug()}-{g.digits(6)}"
    text = "$ cat fastlane/play-store-credentials.json\n" + _google_sa(g, project, "play-publisher")
    return _Raw("play-sa", "fastlane/play-store-credentials.json", "json", text)


def _gcloud_keys(g: _Gen) -> _Raw:
    project = f"{g.slug()}-{g.digits(6)}"
    rows: list[Sequence[tuple[str, str | None]]] = []
    for _ in range(g.n(1, 2)):
        rows.append([(g.hex(40), "service-account-key-id"), (g.iso(), None), ("9999-12-31T23:59:59Z", None)])
    table = _table(("KEY_ID", "CREATED_AT", "EXPIRES_AT"), rows, g).replace("─", "-")
    text = (
        "$ gcloud iam service-accounts keys list "
        f"--iam-account=play-publisher@{project}.iam.gserviceaccount.com\n{table}"
    )
    return _Raw("gcloud-keys", "notes/keys.txt", "console", text)


def _keystore_props(g: _Gen) -> _Raw:
    text = (
        f"storePassword={g.s('password', g.password())}\n"
        f"keyPassword={g.s('password', g.password())}\n"
        "keyAlias=upload\n"
        "storeFile=../upload-keystore.jks\n"
    )
    return _Raw("keystore-props", "android/key.properties", "properties", text)


def _match_log(g: _Gen) -> _Raw:
    org = g.slug()
    team = g.upper_alnum(10)
    text = (
        "[09:12:01]: Cloning remote git repo...\n"
        "[09:12:01]: If cloning the repo takes too long, you can use the `clone_branch_directly` option.\n"
        f"[09:12:02]: $ git clone https://x-access-token:{g.s('github-token', g.github_token())}"
        f"@github.com/{org}/certificates /var/folders/ks/T/d20260314-{g.digits(4)}\n"
        "[09:12:05]: Successfully decrypted certificates repo\n"
        "[09:12:05]: Installing certificate...\n"
        f"[09:12:05]: Common Name: Apple Distribution: {org.capitalize()} Ltd ({team})\n"
        f"[09:12:06]: SHA-1 fingerprint: {g.k(g.sha1().upper())}\n"
        f"[09:12:06]: fastlane {g.k(g.version())}\n"
    )
    return _Raw("match-log", "ci/match.log", "text", text)


def _release_git_log(g: _Gen) -> _Raw:
    subjects = ["Bump build number", "fastlane: switch match to readonly in CI", "Release 3.4.0"]
    n = g.n(1, 2)
    text = f"$ git log -{n}\n" + _git_log(g, g.r.sample(subjects, n))
    return _Raw("release-git-log", "notes/gitlog.txt", "console", text)


# ---------------------------------------------------------------------------------------------------
# 6. SSO and directory sync


def _okta_users(g: _Gen) -> _Raw:
    users = []
    for _ in range(1):
        name, mail = g.person()
        first, last = name.split(" ")
        users.append(
            {
                "id": "00u" + g.b62(17),
                "status": "ACTIVE",
                "profile": {
                    "firstName": first,
                    "lastName": last,
                    "email": g.s("email", mail),
                    "login": g.s("email", mail),
                },
            }
        )
    text = (
        f'$ curl -s -H "Accept: application/json" -H "Authorization: SSWS {g.s("okta-api-token", g.okta())}" '
        f"\"https://{g.slug()}.okta.com/api/v1/users?limit=2\" | jq '.[] | {{id, status, profile}}'\n"
        + "\n".join(_jdump(u) for u in users)
        + "\n"
    )
    return _Raw("okta-users", "notes/okta.txt", "console", text)


def _okta_tfvars(g: _Gen) -> _Raw:
    text = (
        "$ cat terraform.tfvars\n"
        f'okta_org_name  = "{g.slug()}"\n'
        'okta_base_url  = "okta.com"\n'
        f'okta_api_token = "{g.s("okta-api-token", g.okta())}"\n'
        "$ grep -n api_token providers.tf\n"
        f"7:  api_token = {g.k('var.okta_api_token')}\n"
    )
    return _Raw("okta-tfvars", "infra/okta/terraform.tfvars", "hcl", text)


def _scim_curl(g: _Gen) -> _Raw:
    name, mail = g.person()
    first, last = name.split(" ")
    user = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": g.k(g.uuid()),
        "userName": g.s("email", mail),
        "name": {"givenName": first, "familyName": last},
        "emails": [{"value": g.s("email", mail), "primary": True, "type": "work"}],
        "active": True,
        "meta": {"resourceType": "User", "created": g.iso()},
    }
    text = (
        f"$ curl -s -X POST https://app.{g.domain()}/scim/v2/Users "
        f'-H "Authorization: Bearer {g.s("scim-token", g.b64url(32))}" '
        '-H "Content-Type: application/scim+json" -d @user.json\n' + _jdump(user, indent=None) + "\n"
    )
    return _Raw("scim-curl", "notes/scim.txt", "console", text)


def _scim_config(g: _Gen) -> _Raw:
    text = (
        "directory_sync:\n"
        "  provider: entra-id\n"
        "  scim:\n"
        "    enabled: true\n"
        f"    base_url: https://app.{g.domain()}/scim/v2\n"
        f"    bearer_token: {g.s('scim-token', g.b64url(32))}\n"
        "    deprovision: suspend\n"
        f"  tenant_id: {g.k(g.uuid())}\n"
    )
    return _Raw("scim-config", "config/sso.yml", "yaml", text)


def _az_reset(g: _Gen) -> _Raw:
    app = g.uuid()
    body = {
        "appId": g.k(app),
        "password": g.s("azure-client-secret", g.azure_secret()),
        "tenant": g.k(g.uuid()),
    }
    text = (
        f"$ az ad app credential reset --id {g.k(app)} --append --display-name ci-2026 --years 1\n"
        "The output includes credentials that you must protect. Be sure that you do not include these "
        "credentials in your code or check the credentials into your source control. For more information, "
        "see https://aka.ms/azadsp-cli\n" + _jdump(body) + "\n"
    )
    return _Raw("az-reset", "notes/az.txt", "console", text)


def _appsettings(g: _Gen) -> _Raw:
    secret = g.s("azure-client-secret", g.azure_secret()) if g.n(0, 3) else g.k("<your-client-secret>")
    text = (
        "{\n"
        '  "AzureAd": {\n'
        '    "Instance": "https://login.microsoftonline.com/",\n'
        f'    "Domain": "{g.slug()}.onmicrosoft.com",\n'
        f'    "TenantId": "{g.k(g.uuid())}",\n'
        f'    "ClientId": "{g.k(g.uuid())}",\n'
        f'    "ClientSecret": "{secret}",\n'
        '    "CallbackPath": "/signin-oidc"\n'
        "  },\n"
        '  "ApplicationInsights": {\n'
        f'    "ConnectionString": "InstrumentationKey={g.k(g.uuid())};'
        'IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"\n'
        "  }\n"
        "}\n"
    )
    return _Raw("appsettings", "src/Web/appsettings.Production.json", "json", text)


def _ldap_config(g: _Gen) -> _Raw:
    dom = g.domain().split(".")[0]
    base = f"dc=corp,dc={dom},dc=com"
    pw = g.s("ldap-bind-password", g.password())
    style = g.n(0, 3)
    if style == 0:
        text = (
            f"[domain/corp.{dom}.com]\nid_provider = ldap\nauth_provider = ldap\n"
            f"ldap_uri = ldaps://ldap.corp.{dom}.com\nldap_search_base = {base}\n"
            f"ldap_default_bind_dn = cn=sssd,ou=services,{base}\n"
            f"ldap_default_authtok_type = password\nldap_default_authtok = {pw}\nldap_tls_reqcert = demand\n"
        )
        path, lang = "/etc/sssd/sssd.conf", "ini"
    elif style == 1:
        text = (
            f"uri ldaps://ldap.corp.{dom}.com\nbase {base}\nbinddn cn=nslcd,ou=services,{base}\n"
            f"bindpw {pw}\nssl on\ntls_reqcert demand\n"
        )
        path, lang = "/etc/nslcd.conf", "text"
    elif style == 2:
        text = (
            "connectors:\n- type: ldap\n  id: ldap\n  name: Corporate LDAP\n  config:\n"
            f"    host: ldap.corp.{dom}.com:636\n    bindDN: cn=dex,ou=services,{base}\n    bindPW: {pw}\n"
            f"    userSearch:\n      baseDN: ou=people,{base}\n      username: uid\n"
            f"    # staging reads {g.k('${LDAP_BIND_PW}')} from the environment instead\n"
        )
        path, lang = "dex/config.yaml", "yaml"
    else:
        text = (
            "gitlab_rails['ldap_enabled'] = true\ngitlab_rails['ldap_servers'] = {\n  'main' => {\n"
            f"    'label' => 'LDAP',\n    'host' => 'ldap.corp.{dom}.com',\n    'port' => 636,\n"
            f"    'bind_dn' => 'cn=gitlab,ou=services,{base}',\n    'password' => '{pw}',\n"
            "    'encryption' => 'simple_tls',\n  }\n}\n"
        )
        path, lang = "/etc/gitlab/gitlab.rb", "ruby"
    return _Raw("ldap-config", path, lang, text)


def _ldapsearch(g: _Gen) -> _Raw:
    dom = g.domain().split(".")[0]
    base = f"dc={dom},dc=io"
    name, mail = g.person()
    uid = (name.split(" ")[0][0] + name.split(" ")[1]).lower()
    text = (
        f'$ ldapsearch -x -H ldaps://ldap.{dom}.io -D "cn=admin,{base}" '
        f'-w \'{g.s("ldap-bind-password", g.password())}\' -b "ou=people,{base}" "(uid={uid})" '
        "cn mail telephoneNumber\n"
        "# extended LDIF\n#\n# LDAPv3\n\n"
        f"dn: uid={uid},ou=people,{base}\n"
        f"cn: {g.s('person-name', name)}\n"
        f"mail: {g.s('email', mail)}\n"
        f"telephoneNumber: {g.phone()}\n\n"
        "# search result\nsearch: 2\nresult: 0 Success\n"
    )
    return _Raw("ldapsearch", "notes/ldap.txt", "console", text)


# ---------------------------------------------------------------------------------------------------
# 7. Print, PDF and document generation


def _docraptor(g: _Gen) -> _Raw:
    key = g.s("api-key", g.b62(20))
    if g.n(0, 1):
        text = (
            "$ curl -s https://api.docraptor.com/docs --fail --compressed -X POST "
            '-H "Content-Type: application/json" '
            f'-d \'{{"user_credentials": "{key}", "doc": {{"test": false, "document_type": "pdf", '
            f'"document_url": "https://billing.{g.domain()}/invoices/INV-2026-{g.digits(4)}", '
            '"javascript": true}}\' > invoice.pdf\n'
        )
    else:
        text = (
            "# config/initializers/docraptor.rb\n"
            "DocRaptor.configure do |config|\n"
            '  config.username = ENV.fetch("DOCRAPTOR_API_KEY")\n'
            "end\n"
            f"# .env.production\nDOCRAPTOR_API_KEY={key}\nDOCRAPTOR_TEST_MODE=false\n"
        )
    return _Raw("docraptor", "config/initializers/docraptor.rb", "ruby", text)


def _pdfmonkey(g: _Gen) -> _Raw:
    name, mail = g.person()
    tpl = g.uuid()
    body = {
        "document": {
            "document_template_id": g.k(tpl),
            "status": "pending",
            "payload": {
                "customer": {"name": g.s("person-name", name), "email": g.s("email", mail)},
                "total": f"{g.n(20, 900)}.00",
            },
        }
    }
    reply = {
        "document": {
            "id": g.k(g.uuid()),
            "document_template_id": g.k(tpl),
            "status": "pending",
            "download_url": None,
        }
    }
    text = (
        "$ curl -s -X POST https://api.pdfmonkey.io/api/v1/documents "
        f'-H "Authorization: Bearer {g.s("api-key", g.b62(24))}" -H "Content-Type: application/json" '
        f"-d '{_jdump(body, indent=None)}'\n{_jdump(reply, indent=None)}\n"
    )
    return _Raw("pdfmonkey", "notes/pdfmonkey.txt", "console", text)


def _wkhtml(g: _Gen) -> _Raw:
    host = f"intranet.{g.domain()}"
    n = g.digits(4)
    style = g.n(0, 2)
    if style == 0:
        cmd = (
            f"$ wkhtmltopdf --username reports --password '{g.s('password', g.password())}' --page-size A4 "
            f"https://{host}/billing/invoice/{n} /tmp/INV-{n}.pdf\n"
        )
    elif style == 1:
        cmd = (
            f'$ wkhtmltopdf --page-size A4 "https://billing:{g.s("url-password", g.url_password())}@{host}'
            f'/invoices/{n}.html" /tmp/INV-{n}.pdf\n'
        )
    else:
        return _Raw(
            "wkhtml",
            "app/pdf.py",
            "python",
            "import pdfkit\n\nOPTIONS = {\n"
            '    "page-size": "A4",\n'
            '    "username": "reports",\n'
            f'    "password": "{g.s("password", g.password())}",\n'
            "}\n\n\ndef render(invoice_id: int) -> bytes:\n"
            f'    return pdfkit.from_url(f"https://{host}/billing/invoice/{{invoice_id}}", False, options=OPTIONS)\n',
        )
    text = (
        f"$ wkhtmltopdf --version\nwkhtmltopdf {g.k('0.12.6')} (with patched qt)\n"
        + cmd
        + "Loading pages (1/6)\nCounting pages (2/6)\nResolving links (4/6)\n"
        "Loading headers and footers (5/6)\nPrinting pages (6/6)\nDone\n"
    )
    return _Raw("wkhtml", "notes/render.txt", "console", text)


def _invoice_text(g: _Gen) -> _Raw:
    name, mail = g.person()
    n = f"INV-2026-{g.digits(4)}"
    company = g.slug().capitalize()
    text = (
        f"$ pdftotext -layout {n}.pdf - | head -30\n"
        f"{' ' * 52}INVOICE\n"
        f"{company} Ltd{' ' * (47 - len(company))}Invoice no: {n}\n"
        f"{g.street()}, {g.city()}{' ' * 20}Date: {g.n(1, 28)} March 2026\n\n"
        f"Bill to:\n{name}\n{g.street()}\n{g.city()}\n{g.s('email', mail)}\n\n"
        "Description                     Qty     Unit      Amount\n"
        f"Consulting (March)              {g.n(2, 20):<8}95.00     {g.n(200, 1900)}.00\n\n"
        "Please pay by bank transfer to:\n"
        f"IBAN: {g.s('iban', g.iban())}\n"
        f"Reference: {n}\n"
    )
    return _Raw("invoice-text", "notes/invoice.txt", "console", text)


def _invoice_fixture(g: _Gen) -> _Raw:
    stand_in = g.pick(("Jane Doe", "John Doe"))
    local = stand_in.lower().replace(" ", ".")
    addr = f"{local}@{g.pick(('example.com', 'example.org', 'example.net', 'billing.example'))}"
    card = g.pick(("4242 4242 4242 4242", "4242424242424242", "5555 5555 5555 4444"))
    fixture = {
        "invoice_number": "INV-0000",
        "customer": {"name": g.k(stand_in), "email": g.k(addr)},
        "payment": {"iban": g.k(g.iban(valid=False)), "card": g.k(card)},
        "api_key": g.k(g.pick(("<your-api-key>", "changeme", "${PDFMONKEY_API_KEY}"))),
    }
    text = "# Sample data for template previews; never real customers.\n" + _jdump(fixture) + "\n"
    return _Raw("invoice-fixture", "templates/invoice.sample.json", "json", text)


def _w9_text(g: _Gen) -> _Raw:
    name = f"{g.first()} {g.last()}"
    text = (
        "$ pdftotext w9_signed.pdf - | sed -n '1,24p'\n"
        "Form W-9 (Rev. March 2024)\n"
        "Request for Taxpayer Identification Number and Certification\n"
        "1 Name of entity/individual. An entry is required. (For a sole proprietor or disregarded entity, "
        "enter the owner's name on line 1, and enter the business/disregarded entity's name on line 2.)\n"
        f"{g.s('person-name', name)}\n"
        "2 Business name/disregarded entity name, if different from above\n"
        f"{g.slug().capitalize()} Consulting LLC\n"
        "Part I Taxpayer Identification Number (TIN)\n"
        "Social security number\n"
        f"{g.s('ssn', g.ssn())}\n"
        "or\nEmployer identification number\n"
    )
    return _Raw("w9-text", "notes/w9.txt", "console", text)


def _pdf_service_config(g: _Gen) -> _Raw:
    erb = '<%= ENV["DOCRAPTOR_API_KEY"] %>'
    text = (
        "production:\n"
        f"  docraptor_api_key: {g.s('api-key', g.b62(20))}\n"
        f"  pdfmonkey_secret_key: {g.s('api-key', g.b62(24))}\n"
        f"  renderer_url: https://render:{g.s('url-password', g.url_password())}@pdf.{g.domain()}"
        "/forms/chromium/convert/html\n"
        "  test_mode: false\n"
        "development:\n"
        f"  docraptor_api_key: {g.k(erb)}\n"
        "  test_mode: true\n"
    )
    return _Raw("pdf-service-config", "config/pdf.yml", "yaml", text)


# ---------------------------------------------------------------------------------------------------
# 8. Messaging platforms' bots


def _discord_env(g: _Gen) -> _Raw:
    text = (
        "$ cat .env\n"
        f"DISCORD_TOKEN={g.s('discord-bot-token', g.discord())}\n"
        f"DISCORD_GUILD_ID={g.digits(18)}\n"
        "$ python bot.py\n"
        f"2026-03-14 09:12:01 INFO     discord.client discord.py v{g.k(f'2.{g.n(0, 4)}.{g.n(0, 9)}')}\n"
        "2026-03-14 09:12:01 INFO     discord.client logging in using static token\n"
        f"2026-03-14 09:12:02 INFO     discord.gateway Shard ID None has connected to Gateway "
        f"(Session ID: {g.hex(32)}).\n"
        f"Logged in as orders-bot#{g.digits(4)}\n"
    )
    return _Raw("discord-env", "notes/discord.txt", "console", text)


def _discord_code(g: _Gen) -> _Raw:
    text = (
        "import discord\n\n"
        f"# requires discord.py>={g.k('2.3.2')}\n"
        f'TOKEN = "{g.s("discord-bot-token", g.discord())}"\n\n'
        "intents = discord.Intents.default()\nintents.message_content = True\n"
        "client = discord.Client(intents=intents)\n\n\n"
        "@client.event\nasync def on_ready() -> None:\n"
        '    print(f"Logged in as {client.user}")\n\n\n'
        "client.run(TOKEN)\n"
    )
    return _Raw("discord-code", "bot/main.py", "python", text)


def _telegram_config(g: _Gen) -> _Raw:
    tok = g.s("telegram-bot-token", g.telegram())
    if g.n(0, 1):
        text = f"TELEGRAM_BOT_TOKEN={tok}\nTELEGRAM_CHAT_ID=-100{g.digits(10)}\nLOG_LEVEL=info\n"
        return _Raw("telegram-config", ".env", "dotenv", text)
    text = f'telegram:\n  bot_token: "{tok}"\n  chat_id: -100{g.digits(10)}\n  parse_mode: MarkdownV2\n'
    return _Raw("telegram-config", "config/alerts.yml", "yaml", text)


def _telegram_updates(g: _Gen) -> _Raw:
    name, _ = g.person()
    first, last = name.split(" ")
    uid = int(g.digits(9))
    upd = {
        "ok": True,
        "result": [
            {
                "update_id": int(g.digits(9)),
                "message": {
                    "message_id": g.n(2, 400),
                    "from": {
                        "id": uid,
                        "is_bot": False,
                        "first_name": g.s("person-name", first),
                        "last_name": g.s("person-name", last),
                        "language_code": "en",
                    },
                    "chat": {"id": uid, "first_name": g.s("person-name", first), "type": "private"},
                    "date": 1773000000 + g.n(0, 9000000),
                    "text": "/start",
                },
            }
        ],
    }
    text = (
        '$ curl -s "https://api.telegram.org/bot${TELEGRAM_BOT_TOKEN}/getUpdates" | jq .\n'
        + _jdump(upd)
        + "\n"
    )
    return _Raw("telegram-updates", "notes/updates.txt", "console", text)


def _whatsapp_curl(g: _Gen) -> _Raw:
    to = "447700" + g.chars(string.digits, 6)
    body = {
        "messaging_product": "whatsapp",
        "to": to,
        "type": "template",
        "template": {"name": "order_update", "language": {"code": "en_US"}},
    }
    reply = {
        "messaging_product": "whatsapp",
        "contacts": [{"input": to, "wa_id": to}],
        "messages": [{"id": "wamid." + g.b64(30)}],
    }
    text = (
        f'$ curl -s -X POST "https://graph.facebook.com/{g.k("v19.0")}/{g.digits(15)}/messages" '
        f'-H "Authorization: Bearer {g.s("meta-access-token", g.meta_token())}" '
        f"-H \"Content-Type: application/json\" -d '{_jdump(body, indent=None)}'\n"
        f"{_jdump(reply, indent=None)}\n"
    )
    return _Raw("whatsapp-curl", "notes/whatsapp.txt", "console", text)


def _whatsapp_env(g: _Gen) -> _Raw:
    text = (
        f"WHATSAPP_TOKEN={g.s('meta-access-token', g.meta_token())}\n"
        f"WHATSAPP_PHONE_NUMBER_ID={g.digits(15)}\n"
        f"META_APP_SECRET={g.s('app-secret', g.hex(32))}\n"
        f"GRAPH_API_VERSION={g.k('v19.0')}\n"
    )
    return _Raw("whatsapp-env", ".env", "dotenv", text)


def _slack_env(g: _Gen) -> _Raw:
    lines = [f"SLACK_BOT_TOKEN={g.s('slack-token', g.slack_bot())}"]
    if g.n(0, 1):
        lines.append(f"SLACK_APP_TOKEN={g.s('slack-token', g.slack_app())}")
    lines.append(f"SLACK_SIGNING_SECRET={g.s('app-secret', g.hex(32))}")
    lines.append(f"# in .env.example: SLACK_SIGNING_SECRET={g.k('<your-signing-secret>')}")
    return _Raw("slack-env", ".env", "dotenv", "\n".join(lines) + "\n")


def _teams_webhook(g: _Gen) -> _Raw:
    region = g.pick(("westeurope", "northeurope", "eastus", "uksouth"))
    sig = g.s("webhook-signature", g.b64url(32))
    url = (
        f"https://prod-{g.n(10, 99)}.{region}.logic.azure.com:443/workflows/{g.hex(32)}/triggers/manual/paths/"
        f"invoke?{g.k('api-version=2016-06-01')}&{g.k('sp=%2Ftriggers%2Fmanual%2Frun')}&sv=1.0&sig={sig}"
    )
    if g.n(0, 1):
        text = f'$ curl -s -H "Content-Type: application/json" -d @card.json "{url}"\nHTTP/1.1 202 Accepted\n'
        return _Raw("teams-webhook", "notes/teams.txt", "console", text)
    text = (
        "receivers:\n- name: teams-ops\n  msteamsv2_configs:\n"
        f"  - webhook_url: '{url}'\n    send_resolved: true\n"
    )
    return _Raw("teams-webhook", "alertmanager/alertmanager.yml", "yaml", text)


# ---------------------------------------------------------------------------------------------------
# 9. Legacy PHP and WordPress hosting

_WP_SALT_NAMES = (
    "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
    "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT",
)  # fmt: skip


def _wp_config(g: _Gen) -> _Raw:
    site = g.word()
    names = sorted(g.r.sample(range(8), g.n(2, 4)))
    salts = "".join(
        f"define( '{_WP_SALT_NAMES[i]}',{' ' * (17 - len(_WP_SALT_NAMES[i]))}'{g.s('wp-salt', g.wp_salt())}' );\n"
        for i in names
    )
    text = (
        "<?php\n"
        f"define( 'DB_NAME', 'wp_{site}' );\n"
        f"define( 'DB_USER', 'wp_{site}' );\n"
        f"define( 'DB_PASSWORD', '{g.s('password', g.password())}' );\n"
        f"define( 'DB_HOST', '{g.k('localhost')}' );\n"
        "define( 'DB_CHARSET', 'utf8mb4' );\n\n"
        f"{salts}\n"
        "$table_prefix = 'wp_';\n"
        "define( 'WP_DEBUG', false );\n"
    )
    return _Raw("wp-config", "wp-config.php", "php", text)


def _wp_config_sample(g: _Gen) -> _Raw:
    names = sorted(g.r.sample(range(8), 2))
    salts = "".join(
        f"define( '{_WP_SALT_NAMES[i]}',{' ' * (17 - len(_WP_SALT_NAMES[i]))}"
        f"'{g.k('put your unique phrase here')}' );\n"
        for i in names
    )
    text = (
        "<?php\n"
        "define( 'DB_NAME', 'database_name_here' );\n"
        "define( 'DB_USER', 'username_here' );\n"
        f"define( 'DB_PASSWORD', '{g.k('password_here')}' );\n"
        f"define( 'DB_HOST', '{g.k('localhost')}' );\n\n"
        "/**#@+\n * Authentication unique keys and salts.\n *\n"
        " * Change these to different unique phrases! You can generate these using\n"
        " * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.\n"
        " */\n"
        f"{salts}"
    )
    return _Raw("wp-config-sample", "wp-config-sample.php", "php", text)


def _filezilla(g: _Gen) -> _Raw:
    servers = []
    for _ in range(g.n(1, 2)):
        pw = g.password()
        servers.append(
            "\t\t<Server>\n"
            f"\t\t\t<Host>ftp.{g.domain()}</Host>\n\t\t\t<Port>21</Port>\n\t\t\t<Protocol>0</Protocol>\n"
            f"\t\t\t<Type>0</Type>\n\t\t\t<User>{g.word()}{g.n(1, 99)}</User>\n"
            f'\t\t\t<Pass encoding="base64">{g.s("ftp-password", base64.b64encode(pw.encode()).decode())}</Pass>\n'
            "\t\t\t<Logontype>1</Logontype>\n"
            f"\t\t\t<Name>{g.word()} site</Name>\n\t\t\t<RemoteDir>1 0 11 public_html</RemoteDir>\n"
            "\t\t</Server>\n"
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n'
        f'<FileZilla3 version="{g.k(f"3.{g.n(60, 68)}.{g.n(0, 5)}")}" platform="windows">\n'
        "\t<Servers>\n" + "".join(servers) + "\t</Servers>\n</FileZilla3>\n"
    )
    return _Raw("filezilla", "AppData/Roaming/FileZilla/sitemanager.xml", "xml", text)


def _htpasswd(g: _Gen) -> _Raw:
    site = g.word()
    lines = [
        f"admin:{g.s('password-hash', g.bcrypt())}",
        f"editor:$apr1${g.chars(_CRYPT64, 8)}${g.chars(_CRYPT64, 22)}",
    ]
    if g.n(0, 1):
        lines.append(f"deploy:{g.s('password-hash', g.sha512crypt())}")
    text = f"$ httpd -v | head -1\nServer version: Apache/{g.k(f'2.4.{g.n(50, 62)}')} (Unix)\n"
    text += f"$ cat /var/www/{site}/.htpasswd\n" + "\n".join(lines) + "\n"
    text += f"$ grep -n AuthUserFile /var/www/{site}/.htaccess\n3:AuthUserFile /var/www/{site}/.htpasswd\n"
    return _Raw("htpasswd", "notes/htpasswd.txt", "console", text)


def _cpanel_uapi(g: _Gen) -> _Raw:
    user = g.word() + str(g.n(1, 99))
    dom = g.domain()
    data = []
    for _ in range(1):
        first = g.first().lower()
        mail = f"{first}@{dom}"
        data.append({"email": g.s("email", mail), "login": g.s("email", mail), "suspended_login": 0})
    reply = {
        "apiversion": 3,
        "func": "list_pops",
        "module": "Email",
        "result": {"data": data, "errors": None, "status": 1},
    }
    text = (
        f'$ curl -s -H "Authorization: cpanel {user}:{g.s("cpanel-api-token", g.upper_alnum(32))}" '
        f'"https://server{g.n(1, 90)}.{g.domain()}:2083/execute/Email/list_pops"\n{_jdump(reply, indent=None)}\n'
    )
    return _Raw("cpanel-uapi", "notes/cpanel.txt", "console", text)


def _cpanel_token(g: _Gen) -> _Raw:
    text = (
        "$ uapi --output=jsonpretty Tokens create_full_access name='deploy-2026'\n"
        "{\n"
        '   "apiversion" : 3,\n   "func" : "create_full_access",\n   "module" : "Tokens",\n'
        '   "result" : {\n      "data" : {\n'
        f'         "create_time" : {1773000000 + g.n(0, 9000000)},\n'
        '         "expires_at" : null,\n         "name" : "deploy-2026",\n'
        f'         "token" : "{g.s("cpanel-api-token", g.upper_alnum(32))}"\n'
        '      },\n      "errors" : null,\n      "status" : 1\n   }\n}\n'
    )
    return _Raw("cpanel-token", "notes/token.txt", "console", text)


def _laravel_env(g: _Gen) -> _Raw:
    text = (
        "APP_NAME=Shop\nAPP_ENV=production\n"
        f"APP_KEY=base64:{g.s('app-secret', g.b64(32))}\n"
        "APP_DEBUG=false\n\nDB_CONNECTION=mysql\n"
        f"DB_HOST={g.k('127.0.0.1')}\nDB_PORT=3306\nDB_DATABASE=shop\nDB_USERNAME=shop\n"
        f"DB_PASSWORD={g.s('password', g.password())}\n\n"
        f"MAIL_MAILER=smtp\nMAIL_HOST=smtp.{g.domain()}\nMAIL_PORT=587\n"
        "MAIL_USERNAME=apikey\n"
        f"MAIL_PASSWORD={g.k('${SMTP_PASSWORD}')}\n"
    )
    return _Raw("laravel-env", ".env", "dotenv", text)


def _lftp_deploy(g: _Gen) -> _Raw:
    text = (
        "#!/bin/sh\nset -eu\nnpm run build\n"
        'lftp -e "mirror -R --delete --verbose ./dist /public_html; bye" '
        f'"ftp://{g.word()}{g.n(1, 99)}:{g.s("url-password", g.url_password())}@ftp.{g.domain()}"\n'
    )
    return _Raw("lftp-deploy", "deploy.sh", "sh", text)


def _composer_lock(g: _Gen) -> _Raw:
    pkgs = []
    for name in g.r.sample(
        [
            "wpackagist-plugin/advanced-custom-fields",
            "wpackagist-plugin/wordfence",
            "composer/installers",
            "roots/wp-config",
        ],
        2,
    ):
        ref = g.sha1()
        pkgs.append(
            {
                "name": name,
                "version": g.k(g.version()),
                "source": {"type": "git", "url": f"https://github.com/{name}.git", "reference": g.k(ref)},
                "dist": {"type": "zip", "reference": g.k(ref), "shasum": g.k(g.sha1())},
            }
        )
    return _Raw("composer-lock", "composer.lock", "json", _jdump({"packages": pkgs}, indent=4) + "\n")


def _wp_users(g: _Gen) -> _Raw:
    lines = ["ID,user_login,user_email,roles"]
    for i in range(g.n(1, 2)):
        lines.append(
            f"{i + 1},{g.word()}{g.n(1, 9)},{g.s('email', g.email())},{g.pick(('administrator', 'editor'))}"
        )
    text = "$ wp user list --fields=ID,user_login,user_email,roles --format=csv\n" + "\n".join(lines) + "\n"
    return _Raw("wp-users", "notes/users.csv", "console", text)


def _theme_git_log(g: _Gen) -> _Raw:
    subjects = ["Fix header on mobile", "Bump WooCommerce templates", "Add child theme overrides"]
    n = g.n(1, 2)
    text = f"$ git log -{n}\n" + _git_log(g, g.r.sample(subjects, n))
    return _Raw("theme-git-log", "notes/gitlog.txt", "console", text)


# ---------------------------------------------------------------------------------------------------
# 10. Data warehouse clients


def _sf_account(g: _Gen) -> str:
    return f"{g.slug()}-{g.upper_alnum(7)}"


def _connections_toml(g: _Gen) -> _Raw:
    first, last = g.first().upper(), g.last().upper()
    text = (
        "[default]\n"
        f'account = "{_sf_account(g)}"\n'
        f'user = "{first[0]}{last}"\n'
        f'password = "{g.s("password", g.password())}"\n'
        'warehouse = "COMPUTE_WH"\nrole = "ANALYST"\n\n'
        "[etl]\n"
        f'account = "{_sf_account(g)}"\n'
        'user = "SVC_ETL"\nauthenticator = "SNOWFLAKE_JWT"\n'
        'private_key_file = "~/.snowflake/rsa_key.p8"\n'
        f'private_key_file_pwd = "{g.s("private-key-passphrase", g.passphrase())}"\n'
    )
    return _Raw("connections-toml", "~/.snowflake/connections.toml", "toml", text)


def _snowsql(g: _Gen) -> _Raw:
    text = (
        "$ cat ~/.snowsql/config\n[connections.prod]\n"
        f"accountname = {_sf_account(g)}\nusername = {g.first().upper()}\n"
        f"password = {g.s('password', g.password())}\nwarehousename = REPORTING_WH\n\n"
        f"$ PRIVATE_KEY_PASSPHRASE='{g.s('private-key-passphrase', g.passphrase())}' "
        "snowsql -c etl --private-key-path ~/.snowflake/rsa_key.p8 -q 'select current_version()'\n"
        f"* SnowSQL * v{g.k(g.version())}\n"
    )
    return _Raw("snowsql", "notes/snowsql.txt", "console", text)


def _snowflake_keypair(g: _Gen) -> _Raw:
    spki = g.rsa_spki()
    one_line = base64.b64encode(spki).decode()
    key = _pem(g, "ENCRYPTED PRIVATE KEY", g.encrypted_pkcs8())
    pub = _pem(g, "PUBLIC KEY", spki, secret=None)
    text = (
        f"$ cat ~/.snowflake/rsa_key.p8\n{key}$ cat ~/.snowflake/rsa_key.pub\n{pub}"
        f"$ snow sql -q \"ALTER USER SVC_ETL SET RSA_PUBLIC_KEY='{g.k(one_line)}'\"\n"
        "+--------------------------------------+\n| status                               |\n"
        "|--------------------------------------|\n| Statement executed successfully.     |\n"
        "+--------------------------------------+\n"
    )
    return _Raw("snowflake-keypair", "notes/keypair.txt", "console", text)


def _bq_sa(g: _Gen) -> _Raw:
    project = f"{g.slug()}-analytics"
    text = "$ cat ~/keys/bq-loader.json\n" + _google_sa(g, project, "bq-loader")
    return _Raw("bq-sa", "keys/bq-loader.json", "json", text)


def _bq_query(g: _Gen) -> _Raw:
    rows = []
    for _ in range(1):
        name, mail = g.person()
        rows.append(
            {"email": g.s("email", mail), "name": g.s("person-name", name), "plan": g.pick(("pro", "team"))}
        )
    text = (
        "$ bq query --use_legacy_sql=false --format=prettyjson "
        "'SELECT name, email, plan FROM crm.customers ORDER BY created_at DESC LIMIT 2'\n"
        f"Waiting on bqjob_r{g.hex(16)}_{g.hex(16)}_1 ... (0s) Current status: DONE\n" + _jdump(rows) + "\n"
    )
    return _Raw("bq-query", "notes/bq.txt", "console", text)


def _redshift_props(g: _Gen) -> _Raw:
    pw = g.url_password()
    host = (
        f"{g.slug()}.{g.chars(string.ascii_lowercase + string.digits, 12)}.eu-west-1.redshift.amazonaws.com"
    )
    text = (
        f"spring.datasource.url=jdbc:redshift://{host}:5439/dev?ssl=true&user=etl_user"
        f"&password={g.s('password', pw)}\n"
        "spring.datasource.username=etl_user\n"
        f"spring.datasource.password={g.s('password', pw)}\n"
        "spring.datasource.driver-class-name=com.amazon.redshift.jdbc.Driver\n"
        "spring.datasource.hikari.maximum-pool-size=4\n"
    )
    return _Raw("redshift-props", "src/main/resources/application.properties", "properties", text)


def _redshift_copy(g: _Gen) -> _Raw:
    bucket = f"{g.slug()}-exports"
    if g.n(0, 2):
        creds = (
            f"CREDENTIALS 'aws_access_key_id={g.s('aws-access-key-id', g.aws_key_id())};"
            f"aws_secret_access_key={g.s('aws-secret-key', g.aws_secret())}'\n"
        )
    else:
        doc_id = "AKIA" + "IOSFODNN7" + "EXAMPLE"
        doc_secret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"
        creds = (
            "-- documentation form; use IAM_ROLE in production\n"
            f"CREDENTIALS 'aws_access_key_id={g.k(doc_id)};aws_secret_access_key={g.k(doc_secret)}'\n"
        )
    text = (
        "COPY analytics.events\n"
        f"FROM 's3://{bucket}/events/2026/03/'\n"
        f"{creds}"
        "FORMAT AS JSON 'auto'\nGZIP\nTIMEFORMAT 'auto';\n"
    )
    return _Raw("redshift-copy", "sql/load_events.sql", "sql", text)


def _aws_credentials(g: _Gen) -> _Raw:
    text = (
        "$ cat ~/.aws/credentials\n[default]\n"
        f"aws_access_key_id = {g.s('aws-access-key-id', g.aws_key_id())}\n"
        f"aws_secret_access_key = {g.s('aws-secret-key', g.aws_secret())}\n"
        "region = eu-west-1\n\n[redshift-readonly]\nrole_arn = arn:aws:iam::"
        f"{g.chars(string.digits, 12)}:role/RedshiftReadOnly\nsource_profile = default\n"
    )
    return _Raw("aws-credentials", "~/.aws/credentials", "ini", text)


def _clickhouse(g: _Gen) -> _Raw:
    pw = g.s("password", g.password())
    style = g.n(0, 2)
    host = f"ch-{g.n(1, 9)}.{g.domain()}"
    if style == 0:
        text = (
            f"$ clickhouse-client --host {host} --secure --user analyst --password '{pw}' "
            '--query "SELECT count() FROM events WHERE date = today()"\n'
            f"{g.n(100000, 9999999)}\n"
        )
        return _Raw("clickhouse", "notes/ch.txt", "console", text)
    if style == 1:
        text = (
            "<clickhouse>\n  <users>\n    <analyst>\n"
            f"      <password>{pw}</password>\n"
            f"      <networks><ip>{g.k('10.0.0.0/8')}</ip></networks>\n"
            "      <profile>readonly</profile>\n      <quota>default</quota>\n"
            "    </analyst>\n  </users>\n</clickhouse>\n"
        )
        return _Raw("clickhouse", "users.d/analyst.xml", "xml", text)
    text = (
        "import clickhouse_connect\n\n"
        f'client = clickhouse_connect.get_client(host="{host}", port=8443, username="default", password="{pw}")\n'
        'print(client.query("SELECT version()").result_rows)\n'
        f"# [('{g.k(f'24.{g.n(1, 12)}.{g.n(1, 9)}.{g.n(1, 90)}')}',)]\n"
    )
    return _Raw("clickhouse", "scripts/ch_check.py", "python", text)


def _dbt_profiles(g: _Gen) -> _Raw:
    account = "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
    password = "{{ env_var('SNOWFLAKE_PASSWORD') }}"
    text = (
        "analytics:\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n"
        f'      account: "{g.k(account)}"\n'
        f'      password: "{g.k(password)}"\n'
        "      warehouse: TRANSFORM_WH\n      threads: 8\n"
    )
    if g.n(0, 1):
        text += (
            "    ci:\n      type: redshift\n"
            f"      host: {g.slug()}.{g.chars(string.ascii_lowercase + string.digits, 12)}"
            ".eu-west-1.redshift.amazonaws.com\n"
            f"      user: dbt_ci\n      password: {g.s('password', g.password())}\n      port: 5439\n"
            "      dbname: analytics\n      schema: dbt_ci\n"
        )
    return _Raw("dbt-profiles", "~/.dbt/profiles.yml", "yaml", text)


# ---------------------------------------------------------------------------------------------------
# 11. Mobile device management and enterprise Wi-Fi


def _ssid(g: _Gen) -> str:
    return f"{g.word().capitalize()}{g.pick(('-Corp', '-Guest', 'Net', '-5G', '-Staff'))}"


def _wpa_supplicant(g: _Gen) -> _Raw:
    text = (
        "ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev\nupdate_config=1\ncountry=GB\n\n"
        "network={\n"
        f'\tssid="{_ssid(g)}"\n'
        f'\tpsk="{g.s("wifi-psk", g.passphrase())}"\n'
        "\tkey_mgmt=WPA-PSK\n}\n"
    )
    if g.n(0, 1):
        text += (
            "\nnetwork={\n"
            f'\tssid="{_ssid(g)}"\n\tkey_mgmt=WPA-EAP\n\teap=PEAP\n'
            f'\tidentity="{g.s("email", g.email())}"\n'
            f'\tpassword="{g.s("password", g.password())}"\n'
            '\tca_cert="/etc/ssl/certs/corp-root-ca.pem"\n\tphase2="auth=MSCHAPV2"\n}\n'
        )
    return _Raw("wpa-supplicant", "/etc/wpa_supplicant/wpa_supplicant.conf", "ini", text)


def _wpa_passphrase(g: _Gen) -> _Raw:
    ssid = _ssid(g)
    pp = g.passphrase()
    text = (
        f"$ wpa_passphrase \"{ssid}\" '{g.s('wifi-psk', pp)}'\n"
        "network={\n"
        f'\tssid="{ssid}"\n'
        f'\t#psk="{g.s("wifi-psk", pp)}"\n'
        f"\tpsk={g.s('wifi-psk', g.hex(64))}\n"
        "}\n"
    )
    return _Raw("wpa-passphrase", "notes/wpa.txt", "console", text)


def _nm_keyfile(g: _Gen) -> _Raw:
    ssid = _ssid(g)
    head = (
        f"$ sudo cat '/etc/NetworkManager/system-connections/{ssid}.nmconnection'\n"
        f"[connection]\nid={ssid}\nuuid={g.k(g.uuid())}\ntype=wifi\ninterface-name=wlp2s0\n\n"
        f"[wifi]\nmode=infrastructure\nssid={ssid}\n\n"
    )
    if g.n(0, 1):
        sec = f"[wifi-security]\nkey-mgmt=wpa-psk\npsk={g.s('wifi-psk', g.passphrase())}\n\n"
    else:
        sec = (
            "[wifi-security]\nkey-mgmt=wpa-eap\n\n[802-1x]\neap=peap;\n"
            f"identity={g.s('email', g.email())}\n"
            f"password={g.s('password', g.password())}\nphase2-auth=mschapv2\n\n"
        )
    return _Raw("nm-keyfile", "notes/nm.txt", "console", head + sec + "[ipv4]\nmethod=auto\n")


def _nmcli(g: _Gen) -> _Raw:
    ssid = _ssid(g)
    if g.n(0, 1):
        text = (
            "$ nmcli device wifi show-password\n"
            f"SSID: {ssid}\nSecurity: WPA\nPassword: {g.s('wifi-psk', g.passphrase())}\n"
        )
    else:
        text = (
            f"$ nmcli -s -g 802-11-wireless-security.psk connection show '{ssid}'\n"
            f"{g.s('wifi-psk', g.passphrase())}\n"
        )
    return _Raw("nmcli", "notes/nmcli.txt", "console", text)


def _netsh(g: _Gen) -> _Raw:
    ssid = _ssid(g)
    text = (
        f'> netsh wlan show profile name="{ssid}" key=clear\n\n'
        f"Profile {ssid} on interface Wi-Fi:\n"
        "=======================================================================\n\n"
        "Applied: All User Profile\n\nProfile information\n-------------------\n"
        "    Version                : 1\n    Type                   : Wireless LAN\n"
        f"    Name                   : {ssid}\n\n"
        "Security settings\n-----------------\n"
        "    Authentication         : WPA2-Personal\n    Cipher                 : CCMP\n"
        "    Security key           : Present\n"
        f"    Key Content            : {g.s('wifi-psk', g.passphrase())}\n"
    )
    return _Raw("netsh", "notes/netsh.txt", "console", text)


def _plist_head() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
    )


def _mobileconfig_wifi(g: _Gen) -> _Raw:
    inner = g.uuid().upper()
    outer = g.uuid().upper()
    ssid = _ssid(g)
    if g.n(0, 1):
        security = (
            "\t\t\t<key>EncryptionType</key>\n\t\t\t<string>WPA2</string>\n"
            f"\t\t\t<key>Password</key>\n\t\t\t<string>{g.s('wifi-psk', g.passphrase())}</string>\n"
        )
    else:
        security = (
            "\t\t\t<key>EAPClientConfiguration</key>\n\t\t\t<dict>\n"
            "\t\t\t\t<key>AcceptEAPTypes</key>\n\t\t\t\t<array><integer>25</integer></array>\n"
            f"\t\t\t\t<key>UserName</key>\n\t\t\t\t<string>{g.s('email', g.email())}</string>\n"
            f"\t\t\t\t<key>UserPassword</key>\n\t\t\t\t<string>{g.s('password', g.password())}</string>\n"
            "\t\t\t</dict>\n\t\t\t<key>EncryptionType</key>\n\t\t\t<string>WPA2</string>\n"
        )
    text = (
        _plist_head() + "\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n"
        "\t\t\t<key>AutoJoin</key>\n\t\t\t<true/>\n" + security + "\t\t\t<key>PayloadIdentifier</key>\n"
        f"\t\t\t<string>com.apple.wifi.managed.{g.k(inner)}</string>\n"
        "\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wifi.managed</string>\n"
        f"\t\t\t<key>PayloadUUID</key>\n\t\t\t<string>{g.k(inner)}</string>\n"
        f"\t\t\t<key>SSID_STR</key>\n\t\t\t<string>{ssid}</string>\n"
        "\t\t</dict>\n\t</array>\n"
        "\t<key>PayloadDisplayName</key>\n\t<string>Office Wi-Fi</string>\n"
        f"\t<key>PayloadUUID</key>\n\t<string>{g.k(outer)}</string>\n"
        "\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n</dict>\n</plist>\n"
    )
    return _Raw("mobileconfig-wifi", "profiles/wifi.mobileconfig", "xml", text)


def _mdm_enrollment(g: _Gen) -> _Raw:
    dom = g.domain()
    topic = g.uuid()
    cert = g.uuid().upper()
    text = (
        _plist_head() + "\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n"
        "\t\t\t<key>Password</key>\n"
        f"\t\t\t<string>{g.s('password', g.password())}</string>\n"
        "\t\t\t<key>PayloadContent</key>\n\t\t\t<data><!-- 3.1 KB elided --></data>\n"
        "\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.security.pkcs12</string>\n"
        f"\t\t\t<key>PayloadUUID</key>\n\t\t\t<string>{g.k(cert)}</string>\n"
        "\t\t</dict>\n\t\t<dict>\n"
        f"\t\t\t<key>CheckInURL</key>\n\t\t\t<string>https://mdm.{dom}/mdm/checkin</string>\n"
        f"\t\t\t<key>IdentityCertificateUUID</key>\n\t\t\t<string>{g.k(cert)}</string>\n"
        "\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.mdm</string>\n"
        f"\t\t\t<key>ServerURL</key>\n\t\t\t<string>https://mdm.{dom}/mdm/server</string>\n"
        f"\t\t\t<key>Topic</key>\n\t\t\t<string>com.apple.mgmt.External.{g.k(topic)}</string>\n"
        "\t\t</dict>\n\t</array>\n"
        f"\t<key>PayloadUUID</key>\n\t<string>{g.k(g.uuid().upper())}</string>\n"
        "</dict>\n</plist>\n"
    )
    return _Raw("mdm-enrollment", "profiles/enroll.mobileconfig", "xml", text)


def _jamf_token(g: _Gen) -> _Raw:
    iat = 1773000000 + g.n(0, 9000000)
    jwt = g.jwt(
        {"token-uuid": g.uuid(), "sub": g.uuid(), "exp": iat + 300, "iat": iat},
        header={"alg": "RS256", "typ": "JWT"},
        sig=256,
    )
    text = (
        f'$ curl -s -X POST "https://{g.slug()}.jamfcloud.com/api/oauth/token" '
        f'--data-urlencode "client_id={g.uuid()}" --data-urlencode "grant_type=client_credentials" '
        f'--data-urlencode "client_secret={g.s("client-secret", g.b64url(48))}"\n'
        f'{{"access_token":"{g.s("jwt", jwt)}","scope":"api-role:2","token_type":"Bearer","expires_in":299}}\n'
    )
    return _Raw("jamf-token", "notes/jamf.txt", "console", text)


def _hostapd(g: _Gen) -> _Raw:
    if g.n(0, 1):
        text = (
            f"interface=wlan0\nssid={_ssid(g)}\nhw_mode=g\nchannel=6\nwpa=2\nwpa_key_mgmt=WPA-PSK\n"
            f"wpa_passphrase={g.s('wifi-psk', g.passphrase())}\nrsn_pairwise=CCMP\n"
        )
        return _Raw("hostapd", "/etc/hostapd/hostapd.conf", "ini", text)
    text = (
        f"client ap-floor{g.n(1, 9)} {{\n"
        f"\tipaddr = {g.k(f'10.{g.n(1, 250)}.0.0/16')}\n"
        f"\tsecret = {g.s('app-secret', g.b62(20))}\n"
        "\tshortname = ap-floor\n}\n"
    )
    return _Raw("hostapd", "/etc/freeradius/3.0/clients.conf", "text", text)


# ---------------------------------------------------------------------------------------------------
# 12. Customer support exports


def _zendesk_ticket(g: _Gen) -> _Raw:
    name, mail = g.person()
    agent = g.email()
    basic = g.s("basic-auth-credential", _basic(f"{agent}/token", g.b62(40)))
    desc = f"Hi, I was charged twice for order #{g.digits(5)}."
    if g.n(0, 2):
        desc += f" My card is {g.s('card-number', g.card())}, please refund it."
    if g.n(0, 1):
        desc += f" Or send it to my IBAN {g.s('iban', g.iban())}."
    uid = int(g.digits(11))
    tid = int(g.digits(5))
    body = {
        "ticket": {
            "id": tid,
            "subject": "Refund for double charge",
            "description": desc + " Thanks!",
            "status": "open",
            "requester_id": uid,
            "tags": ["billing", "refund"],
        },
        "users": [
            {
                "id": uid,
                "name": g.s("person-name", name),
                "email": g.s("email", mail),
                "phone": g.phone(),
                "role": "end-user",
            }
        ],
    }
    text = (
        f'$ curl -s "https://{g.slug()}.zendesk.com/api/v2/tickets/{tid}.json?include=users" '
        f'-H "Authorization: Basic {basic}" | jq .\n' + _jdump(body) + "\n"
    )
    return _Raw("zendesk-ticket", "notes/ticket.txt", "console", text)


def _zendesk_users_jsonl(g: _Gen) -> _Raw:
    lines = []
    for _ in range(g.n(1, 2)):
        name, mail = g.person()
        lines.append(
            _jdump(
                {
                    "id": int(g.digits(11)),
                    "name": g.s("person-name", name),
                    "email": g.s("email", mail),
                    "phone": g.phone(),
                    "organization_id": None,
                    "created_at": g.iso(),
                },
                indent=None,
            )
        )
    text = "$ head -n 3 export/users.jsonl\n" + "\n".join(lines) + "\n"
    return _Raw("zendesk-users", "export/users.jsonl", "json", text)


def _helpdesk_integrations(g: _Gen) -> _Raw:
    integ: dict[str, object] = {
        "zendesk": {
            "subdomain": g.slug(),
            "email": g.s("email", g.email()),
            "api_token": g.s("zendesk-api-token", g.b62(40)),
        },
    }
    if g.n(0, 1):
        integ["slack"] = {"channel": "#support", "bot_token": g.s("slack-token", g.slack_bot())}
    if g.n(0, 1):
        integ["hubspot"] = {"portal_id": int(g.digits(8)), "access_token": g.s("hubspot-token", g.hubspot())}
    if g.n(0, 1):
        integ["github"] = {"repo": f"{g.slug()}/app", "token": g.s("github-token", g.github_token())}
    integ["posthog"] = {"project_key": g.k("phc_" + g.b62(43)), "host": "https://eu.i.posthog.com"}
    text = "$ cat settings/integrations.json\n" + _jdump({"integrations": integ}) + "\n"
    return _Raw("helpdesk-integrations", "settings/integrations.json", "json", text)


def _intercom(g: _Gen) -> _Raw:
    name, mail = g.person()
    cid = g.hex(24)
    contact = {
        "type": "contact",
        "id": cid,
        "workspace_id": g.chars(string.ascii_lowercase + string.digits, 8),
        "external_id": g.k(g.uuid()),
        "role": "user",
        "email": g.s("email", mail),
        "phone": g.phone(),
        "name": g.s("person-name", name),
        "location": {"type": "location", "country": "United Kingdom", "city": g.city()},
    }
    text = (
        f"$ curl -s https://api.intercom.io/contacts/{cid} "
        f'-H "Authorization: Bearer {g.s("intercom-access-token", g.intercom())}" '
        f'-H "Intercom-Version: {g.k("2.11")}"\n' + _jdump(contact, indent=None) + "\n"
    )
    return _Raw("intercom", "notes/intercom.txt", "console", text)


def _freshdesk_csv(g: _Gen) -> _Raw:
    lines = ["Ticket ID,Subject,Status,Priority,Requester Name,Requester Email,Requester Phone,Created time"]
    for _ in range(g.n(1, 2)):
        name, mail = g.person()
        lines.append(
            f'{g.digits(4)},"{g.pick(("Cannot log in", "Invoice missing", "Change plan"))}",Open,Medium,'
            f"{g.s('person-name', name)},{g.s('email', mail)},{g.phone()},2026-03-{g.n(1, 28):02d} 09:12:01"
        )
    text = "$ head -4 freshdesk_tickets_2026-03.csv\n" + "\n".join(lines) + "\n"
    return _Raw("freshdesk-csv", "exports/freshdesk_tickets.csv", "csv", text)


def _freshdesk_api(g: _Gen) -> _Raw:
    text = (
        f"FRESHDESK_DOMAIN={g.slug()}.freshdesk.com\n"
        f"FRESHDESK_API_KEY={g.s('api-key', g.b62(20))}\n"
        f'$ curl -s -u "{g.k("$FRESHDESK_API_KEY")}:X" "https://$FRESHDESK_DOMAIN/api/v2/tickets?per_page=1"\n'
        f'[{{"id":{g.digits(4)},"subject":"Change plan","status":2,"priority":1}}]\n'
    )
    return _Raw("freshdesk-api", "notes/freshdesk.txt", "console", text)


def _customers_csv(g: _Gen) -> _Raw:
    lines = ["customer_id,name,email,phone,address,tax_id"]
    for _ in range(1):
        name, mail = g.person()
        ssn = g.ssn(dashes=False)
        spaced = f"{ssn[:3]} {ssn[3:5]} {ssn[5:]}"
        lines.append(
            f"{g.digits(6)},{g.s('person-name', name)},{g.s('email', mail)},{g.phone()},"
            f'"{g.street()}, {g.city()}",{g.s("ssn", spaced)}'
        )
    text = "$ head -3 customers_export.csv\n" + "\n".join(lines) + "\n"
    return _Raw("customers-csv", "exports/customers.csv", "csv", text)


def _tax_id_json(g: _Gen) -> _Raw:
    name, mail = g.person()
    contact = {
        "id": int(g.digits(11)),
        "name": g.s("person-name", name),
        "email": g.s("email", mail),
        "custom_fields": {"tax_id_type": "ssn", "tax_id": g.s("ssn", g.ssn(dashes=False))},
    }
    text = "$ freshdesk contacts get --id 4410 --format json\n" + _jdump(contact) + "\n"
    return _Raw("tax-id-json", "notes/contact.json", "json", text)


def _support_macros(g: _Gen) -> _Raw:
    stand_in = g.pick(("Jane Doe", "John Doe"))
    local = stand_in.split(" ")[0].lower()
    dom = g.domain()
    text = (
        "macros:\n"
        "  - title: Refund issued\n"
        "    body: |\n"
        f"      Hi {g.k('{{ticket.requester.first_name}}')},\n"
        "      your refund is on its way.\n"
        f"    from: {g.k('noreply@' + dom)}\n"
        "  - title: Escalate to billing\n"
        f"    cc: {g.k('billing@support.example')}\n"
        f"    example_requester: {g.k(stand_in)} <{g.k(f'{local}@example.com')}>\n"
    )
    return _Raw("support-macros", "support/macros.yml", "yaml", text)


# ---------------------------------------------------------------------------------------------------
# Look-alikes that stay: placeholders, references, public keys, digests, versions and identifiers.


def _video_lockfile(g: _Gen) -> _Raw:
    entries = []
    for pkg in g.r.sample(["@zoom/meetingsdk", "agora-rtc-sdk-ng", "twilio-video", "@daily-co/daily-js"], 2):
        version = g.version()
        base = pkg.split("/")[-1]
        entries.append(
            f'    "node_modules/{pkg}": {{\n'
            f'      "version": "{g.k(version)}",\n'
            f'      "resolved": "https://registry.npmjs.org/{pkg}/-/{base}-{version}.tgz",\n'
            f'      "integrity": "{g.k(g.sri())}"\n'
            "    }"
        )
    text = '{\n  "lockfileVersion": 3,\n  "packages": {\n' + ",\n".join(entries) + "\n  }\n}\n"
    return _Raw("video-lockfile", "package-lock.json", "json", text)


def _video_env_example(g: _Gen) -> _Raw:
    text = (
        "# copy to .env.local and fill in\n"
        f"ZOOM_MEETING_SDK_SECRET={g.k('<your-sdk-secret>')}\n"
        f"AGORA_APP_CERTIFICATE={g.k('changeme')}\n"
        f"TWILIO_AUTH_TOKEN={g.k('${TWILIO_AUTH_TOKEN}')}\n"
        f"DAILY_API_KEY={g.k('****')}\n"
    )
    return _Raw("video-env-example", ".env.example", "dotenv", text)


def _discord_interactions(g: _Gen) -> _Raw:
    text = (
        f"DISCORD_APPLICATION_ID={g.digits(18)}\n"
        f"DISCORD_PUBLIC_KEY={g.k(g.hex(64))}\n"
        f"DISCORD_TOKEN={g.k('${DISCORD_TOKEN}')}\n"
    )
    return _Raw("discord-interactions", "wrangler.env", "dotenv", text)


def _messaging_env_example(g: _Gen) -> _Raw:
    filler = "xoxb-" + "x" * 12 + "-" + "x" * 12 + "-" + "x" * 24
    text = (
        f"SLACK_BOT_TOKEN={g.k(filler)}\n"
        f"TELEGRAM_BOT_TOKEN={g.k('<your-bot-token>')}\n"
        f"WHATSAPP_TOKEN={g.k('${WHATSAPP_TOKEN}')}\n"
    )
    return _Raw("messaging-env-example", ".env.example", "dotenv", text)


def _gemfile_lock(g: _Gen) -> _Raw:
    text = (
        "GEM\n  remote: https://rubygems.org/\n  specs:\n"
        f"    fastlane ({g.k(f'2.{g.n(200, 228)}.{g.n(0, 9)}')})\n"
        f"    fastlane-plugin-firebase_app_distribution ({g.k(g.version())})\n"
        f"    xcodeproj ({g.k(f'1.{g.n(20, 27)}.{g.n(0, 9)}')})\n\n"
        f"BUNDLED WITH\n   {g.k(f'2.{g.n(3, 6)}.{g.n(1, 20)}')}\n"
    )
    return _Raw("gemfile-lock", "Gemfile.lock", "text", text)


def _deploy_key_pub(g: _Gen) -> _Raw:
    host = g.word()
    pub = g.ssh_pub()
    fp = "SHA256:" + base64.b64encode(hashlib.sha256(pub.encode()).digest()).decode().rstrip("=")
    text = (
        "$ cat ~/.ssh/match_deploy_key.pub\n"
        f"{g.k(pub)} ci@{host}\n"
        "$ ssh-keygen -lf ~/.ssh/match_deploy_key.pub\n"
        f"256 {g.k(fp)} ci@{host} (ED25519)\n"
    )
    return _Raw("deploy-key-pub", "notes/deploy-key.txt", "console", text)


def _saml_metadata(g: _Gen) -> _Raw:
    cert = base64.b64encode(g.certificate()).decode()
    slug = g.slug()
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk{g.b62(17)}">\n'
        '  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n'
        '    <md:KeyDescriptor use="signing">\n'
        '      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>\n'
        f"        <ds:X509Certificate>{g.k(cert)}</ds:X509Certificate>\n"
        "      </ds:X509Data></ds:KeyInfo>\n    </md:KeyDescriptor>\n"
        '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" '
        f'Location="https://{slug}.okta.com/app/{slug}_app_1/exk{g.b62(17)}/sso/saml"/>\n'
        "  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n"
    )
    return _Raw("saml-metadata", "config/saml/idp-metadata.xml", "xml", text)


def _jwks(g: _Gen) -> _Raw:
    n = base64.urlsafe_b64encode(b"\xc1" + g.raw(255)).decode().rstrip("=")
    x5t = base64.urlsafe_b64encode(hashlib.sha1(g.raw(32)).digest()).decode().rstrip("=")
    text = (
        f"$ curl -s https://login.microsoftonline.com/{g.k(g.uuid())}/discovery/v2.0/keys | jq '.keys[0]'\n"
        + _jdump({"kty": "RSA", "use": "sig", "kid": x5t, "x5t": g.k(x5t), "n": g.k(n), "e": "AQAB"})
        + "\n"
    )
    return _Raw("jwks", "notes/jwks.txt", "console", text)


def _warehouse_env_example(g: _Gen) -> _Raw:
    text = (
        f"SNOWFLAKE_ACCOUNT={g.k('<your-account-identifier>')}\n"
        f"SNOWFLAKE_PASSWORD={g.k('<your-password>')}\n"
        f"SNOWFLAKE_PRIVATE_KEY_PASSPHRASE={g.k('changeme')}\n"
        f"CLICKHOUSE_PASSWORD={g.k('${CLICKHOUSE_PASSWORD}')}\n"
        f"REDSHIFT_PASSWORD={g.k('********')}\n"
    )
    return _Raw("warehouse-env-example", ".env.example", "dotenv", text)


def _snowflake_desc_user(g: _Gen) -> _Raw:
    spki = base64.b64encode(g.rsa_spki()).decode()
    fp = "SHA256:" + base64.b64encode(hashlib.sha256(spki.encode()).digest()).decode()
    text = (
        '$ snow sql -q "DESC USER SVC_ETL" | grep -i rsa\n'
        f"| RSA_PUBLIC_KEY      | {g.k(spki)} | null | RSA public key of the user |\n"
        f"| RSA_PUBLIC_KEY_FP   | {g.k(fp)} | null | Fingerprint of user's RSA public key. |\n"
        "| RSA_PUBLIC_KEY_2    | null | null | Second RSA public key of the user |\n"
    )
    return _Raw("snowflake-desc-user", "notes/desc-user.txt", "console", text)


def _wpa_example(g: _Gen) -> _Raw:
    text = (
        "## Connecting a Raspberry Pi\n\nAdd this block to `/etc/wpa_supplicant/wpa_supplicant.conf`:\n\n"
        f'network={{\n\tssid="{g.k("<your-ssid>")}"\n\tpsk="{g.k("<your-passphrase>")}"\n}}\n\n'
        f"Use the office network's address range `{g.k('192.168.1.0/24')}` for static leases.\n"
    )
    return _Raw("wpa-example", "docs/wifi.md", "markdown", text)


def _support_widget(g: _Gen) -> _Raw:
    text = (
        "<!-- support widget -->\n"
        f'<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key={g.uuid()}"></script>\n'
        "<script>\n"
        f"  posthog.init('{g.k('phc_' + g.b62(43))}', {{ api_host: 'https://eu.i.posthog.com' }})\n"
        f"  window.intercomSettings = {{ app_id: '{g.chars(string.ascii_lowercase + string.digits, 8)}' }}\n"
        "</script>\n"
    )
    return _Raw("support-widget", "templates/partials/support.html", "html", text)


def _exchange_readme(g: _Gen) -> _Raw:
    text = (
        "## Configuration\n\nPut your exchange credentials in `config.json`:\n\n"
        '```json\n"exchange": {\n'
        f'    "name": "binance",\n    "key": "{g.k("<your-api-key>")}",\n'
        f'    "secret": "{g.k("<your-api-secret>")}"\n}}\n```\n\n'
        f"or export `FREQTRADE__EXCHANGE__SECRET={g.k('${BINANCE_API_SECRET}')}` in the service unit.\n"
    )
    return _Raw("exchange-readme", "README.md", "markdown", text)


def _release_checksums(g: _Gen) -> _Raw:
    names = g.r.sample(["App-3.4.0.ipa", "app-release.aab", "wordpress-6.4.3.zip", "theme-2.1.0.zip"], 2)
    lines = [f"{g.k(g.sha256())}  {name}" for name in names]
    text = "$ shasum -a 256 " + " ".join(names) + "\n" + "\n".join(lines) + "\n"
    return _Raw("release-checksums", "notes/checksums.txt", "console", text)


def _chat_transcript(g: _Gen) -> _Raw:
    name, mail = g.person()
    card = g.card()
    parts = [
        {
            "part_type": "comment",
            "author": {"type": "user", "name": g.s("person-name", name), "email": g.s("email", mail)},
            "body": f"<p>Please update my card to {g.s('card-number', card)}, expiry 0{g.n(1, 9)}/2{g.n(7, 9)}</p>",
        },
        {
            "part_type": "comment",
            "author": {"type": "admin", "name": "Support Bot", "email": g.k("noreply@" + g.domain())},
            "body": "<p>Thanks! Please never send card numbers in chat; use the billing page.</p>",
        },
    ]
    text = "$ jq '.conversation_parts.conversation_parts' conversation.json\n" + _jdump(parts) + "\n"
    return _Raw("chat-transcript", "exports/conversation.json", "json", text)


def _wp_plugin_list(g: _Gen) -> _Raw:
    lines = ["name,status,update,version"]
    for plugin in g.r.sample(["akismet", "woocommerce", "wordfence", "wp-mail-smtp", "yoast-seo"], 3):
        lines.append(f"{plugin},active,none,{g.k(g.version())}")
    text = "$ wp plugin list --format=csv\n" + "\n".join(lines) + "\n"
    return _Raw("wp-plugin-list", "notes/plugins.csv", "console", text)


def _sfdx_project(g: _Gen) -> _Raw:
    api = f"{g.n(58, 62)}.0"
    project = {
        "packageDirectories": [
            {"path": "force-app", "default": True, "versionNumber": g.k(f"{g.version()}.NEXT")}
        ],
        "name": g.slug(),
        "namespace": "",
        "sfdcLoginUrl": "https://login.salesforce.com",
        "sourceApiVersion": g.k(api),
    }
    return _Raw("sfdx-project", "sfdx-project.json", "json", _jdump(project) + "\n")


def _bot_requirements(g: _Gen) -> _Raw:
    lines = []
    for pkg in g.r.sample(["discord-py", "python-telegram-bot", "slack-bolt", "aiohttp"], 2):
        lines.append(f"{pkg}=={g.k(g.version())} \\\n    --hash=sha256:{g.k(g.sha256())}")
    text = "# generated by pip-compile --generate-hashes\n" + "\n".join(lines) + "\n"
    return _Raw("bot-requirements", "requirements.txt", "text", text)


# ---------------------------------------------------------------------------------------------------
# The corpus: kinds per setting, how many of each, and how each document is delivered.

_Kind = Callable[[_Gen], _Raw]

_KINDS: dict[str, tuple[tuple[_Kind, int], ...]] = {
    "crm-developer-tooling": (
        (_sf_org_display, 3),
        (_crm_env, 3),
        (_sf_workflow, 3),
        (_sf_login_log, 2),
        (_hubspot_script, 2),
        (_zoho_curl, 2),
        (_sf_data_query, 2),
        (_sf_jwt_key, 1),
        (_sfdx_project, 2),
    ),
    "workflow-automation": (
        (_n8n_export, 3),
        (_n8n_compose, 2),
        (_n8n_config, 2),
        (_zapier_export, 2),
        (_zapier_platform, 1),
        (_make_blueprint, 2),
        (_make_api, 3),
        (_airtable_curl, 3),
        (_automation_rc, 2),
    ),
    "crypto-trading-bots": (
        (_freqtrade_config, 4),
        (_ccxt_script, 4),
        (_bot_env, 3),
        (_coinbase_key, 3),
        (_freqtrade_log, 3),
        (_binance_debug, 3),
        (_exchange_readme, 2),
    ),
    "video-conferencing-sdks": (
        (_zoom_env, 4),
        (_zoom_signature, 3),
        (_zoom_oauth, 2),
        (_zoom_registrants, 2),
        (_agora, 4),
        (_twilio, 4),
        (_twilio_token, 2),
        (_daily, 4),
        (_video_lockfile, 4),
        (_video_env_example, 3),
    ),
    "app-store-release": (
        (_appfile, 3),
        (_matchfile, 4),
        (_asc_p8, 3),
        (_asc_json, 2),
        (_play_sa, 3),
        (_gcloud_keys, 2),
        (_keystore_props, 1),
        (_match_log, 3),
        (_release_git_log, 2),
        (_gemfile_lock, 2),
        (_deploy_key_pub, 2),
        (_release_checksums, 3),
    ),
    "sso-directory-sync": (
        (_okta_users, 2),
        (_okta_tfvars, 2),
        (_scim_curl, 2),
        (_scim_config, 2),
        (_az_reset, 3),
        (_appsettings, 3),
        (_ldap_config, 4),
        (_ldapsearch, 2),
        (_saml_metadata, 2),
        (_jwks, 3),
    ),
    "document-generation": (
        (_docraptor, 2),
        (_pdfmonkey, 3),
        (_wkhtml, 4),
        (_invoice_text, 3),
        (_invoice_fixture, 5),
        (_w9_text, 3),
        (_pdf_service_config, 1),
    ),
    "messaging-bots": (
        (_discord_env, 3),
        (_discord_code, 2),
        (_telegram_config, 4),
        (_telegram_updates, 1),
        (_whatsapp_curl, 3),
        (_whatsapp_env, 2),
        (_slack_env, 3),
        (_teams_webhook, 4),
        (_discord_interactions, 2),
        (_messaging_env_example, 3),
        (_bot_requirements, 2),
    ),
    "php-wordpress-hosting": (
        (_wp_config, 3),
        (_wp_config_sample, 2),
        (_filezilla, 3),
        (_htpasswd, 3),
        (_cpanel_uapi, 1),
        (_cpanel_token, 2),
        (_laravel_env, 2),
        (_lftp_deploy, 2),
        (_composer_lock, 3),
        (_wp_users, 1),
        (_wp_plugin_list, 3),
        (_theme_git_log, 2),
    ),
    "data-warehouse-clients": (
        (_connections_toml, 3),
        (_snowsql, 2),
        (_snowflake_keypair, 2),
        (_bq_sa, 2),
        (_bq_query, 2),
        (_redshift_props, 1),
        (_redshift_copy, 5),
        (_aws_credentials, 2),
        (_clickhouse, 2),
        (_dbt_profiles, 3),
        (_warehouse_env_example, 2),
        (_snowflake_desc_user, 2),
    ),
    "mdm-enterprise-wifi": (
        (_wpa_supplicant, 2),
        (_wpa_passphrase, 2),
        (_nm_keyfile, 3),
        (_nmcli, 2),
        (_netsh, 2),
        (_mobileconfig_wifi, 3),
        (_mdm_enrollment, 2),
        (_jamf_token, 3),
        (_hostapd, 4),
        (_wpa_example, 2),
    ),
    "support-exports": (
        (_zendesk_ticket, 3),
        (_zendesk_users_jsonl, 1),
        (_chat_transcript, 3),
        (_helpdesk_integrations, 4),
        (_intercom, 4),
        (_freshdesk_csv, 2),
        (_freshdesk_api, 2),
        (_customers_csv, 2),
        (_tax_id_json, 2),
        (_support_macros, 4),
        (_support_widget, 3),
    ),
}


def _parts(raw: _Raw, marks: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    parts: list[tuple[str, str, str]] = []
    for i, piece in enumerate(_MARK.split(raw.text)):
        if i % 2 == 0:
            if piece:
                parts.append(("t", "", piece))
        else:
            parts.append(marks[int(piece)])
    if not parts or not parts[-1][2].endswith("\n"):
        parts.append(("t", "", "\n"))
    return parts


def _line_prefixer(how: str, g: _Gen) -> Callable[[int], str]:
    if how == "diff":
        return lambda _: "+"
    if how == "numbered":
        start = 1 if g.n(0, 1) else g.n(2, 180)
        if g.n(0, 1):
            return lambda i: f"{start + i:>6}→"
        return lambda i: f"{start + i}\t"
    hour, minute, second = g.n(0, 23), g.n(0, 59), g.n(0, 50)
    day = f"2026-{g.n(1, 12):02d}-{g.n(1, 28):02d}"
    ticks = [g.n(0, 9_999_999)]

    def stamp(i: int) -> str:
        while len(ticks) <= i:
            ticks.append(ticks[-1] + g.n(1000, 900_000))
        total = ticks[i]
        sec = second + total // 10_000_000
        return f"{day}T{hour:02d}:{minute:02d}:{sec:02d}.{total % 10_000_000:07d}Z "

    return stamp


def _deliver(
    raw: _Raw, parts: Sequence[tuple[str, str, str]], how: str, g: _Gen
) -> tuple[str, list[Secret], list[Keep]]:
    secrets: list[Secret] = []
    keeps: list[Keep] = []

    def label(kind: str, cls: str, text: str, offset: int) -> None:
        if kind == "s":
            secrets.append(Secret(cls, text, offset))
        elif kind == "k":
            keeps.append(Keep(text, offset))

    if how in ("plain", "fence", "json"):
        if how == "json":
            style = g.n(0, 2)
            if style == 0:
                head = f'{{"type": "tool_result", "tool_use_id": "toolu_01{g.b62(22)}", "content": "'
                tail = '", "is_error": false}\n'
            elif style == 1:
                head = f'{{"role": "tool", "tool_call_id": "call_{g.b62(24)}", "content": "'
                tail = '"}\n'
            else:
                head = f'{{"type": "function_call_output", "call_id": "call_{g.b62(24)}", "output": "'
                tail = '"}\n'

            def render(s: str) -> str:
                return json.dumps(s)[1:-1]

        else:
            head = f"```{raw.lang}\n" if how == "fence" else ""
            tail = "```\n" if how == "fence" else ""

            def render(s: str) -> str:
                return s

        out = [head]
        pos = len(head)
        for kind, cls, text in parts:
            shown = render(text)
            label(kind, cls, shown, pos)
            out.append(shown)
            pos += len(shown)
        out.append(tail)
        return "".join(out), secrets, keeps

    prefix = _line_prefixer(how, g)
    nlines = sum(p[2].count("\n") for p in parts)
    head = ""
    if how == "diff":
        head = (
            f"diff --git a/{raw.path} b/{raw.path}\nnew file mode 100644\nindex 0000000..{g.hex(7)}\n"
            f"--- /dev/null\n+++ b/{raw.path}\n@@ -0,0 +1,{nlines} @@\n"
        )
    out = [head]
    pos = len(head)
    line = 0
    at_start = True
    for kind, cls, text in parts:
        if text and at_start:
            p = prefix(line)
            out.append(p)
            pos += len(p)
            at_start = False
        buf: list[str] = []
        for ch in text:
            if at_start:
                buf.append(prefix(line))
                at_start = False
            buf.append(ch)
            if ch == "\n":
                at_start = True
                line += 1
        shown = "".join(buf)
        label(kind, cls, shown, pos)
        out.append(shown)
        pos += len(shown)
    return "".join(out), secrets, keeps


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of the corpus, drawn afresh from ``seed``."""
    rng = random.Random(seed)
    g = _Gen(rng)
    docs: list[Document] = []
    for setting in SETTINGS:
        for kind, count in _KINDS[setting]:
            for i in range(count):
                g.marks = []
                raw = kind(g)
                parts = _parts(raw, g.marks)
                multiline = any(p[0] != "t" and "\n" in p[2] for p in parts)
                choices = ("plain", "json", "diff", "fence") if multiline else DELIVERIES
                how = g.pick(choices)
                text, secrets, keeps = _deliver(raw, parts, how, g)
                docs.append(
                    Document(
                        name=f"{setting}/{raw.kind}/{i}",
                        setting=setting,
                        delivery=how,
                        text=text,
                        secrets=tuple(secrets),
                        keeps=tuple(keeps),
                    )
                )
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------
# The measure: aggregates only.


def _filled(doc: Document) -> str:
    """The document with every secret replaced by a same-length run of a filler."""
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def _left_fragment(secret: str, out: str, baseline: str, width: int = 6) -> bool:
    """Whether a window of the secret shows in ``out`` that the surrounding text does not explain."""
    for i in range(len(secret) - width + 1):
        window = secret[i : i + width]
        if window in out and window not in baseline:
            return True
    return False


def _share(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Recall over secrets (and with no fragment left), over vendor tokens, and keep-rate over keeps."""
    n = removed = clean = 0
    vendor = vendor_removed = 0
    spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        baseline = scrub(_filled(doc)) if doc.secrets else out
        for s in doc.secrets:
            n += 1
            gone = s.text not in out
            if gone:
                removed += 1
                if not _left_fragment(s.text, out, baseline):
                    clean += 1
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(n),
        "recall": _share(removed, n),
        "recall_no_fragment": _share(clean, n),
        "vendor_prefix_recall": _share(vendor_removed, vendor),
        "keep_rate": _share(kept, spans),
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber over this corpus, as aggregates."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
