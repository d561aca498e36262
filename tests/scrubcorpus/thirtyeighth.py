"""The thirty-eighth held-back scrub corpus part: twelve settings the scrubber was never tuned to.

Settings: fraud detection (Sift, Signifyd and Kount style API keys, order review queues with customer
details), warehouse robotics (WMS configs, robot fleet controller credentials, picker rosters), newsroom CMS
(Arc XP and WordPress VIP configs, source contact sheets, wire service API keys), student loans (servicer
exports with borrowers' SSNs and addresses, payment portals), crypto exchange operations (exchange API key
pairs, withdrawal whitelists, KYC review notes), self-hosted bug trackers (Redmine, MantisBT and Bugzilla
configs and exports with reporters' addresses), speech therapy (session notes with clients' names,
telepractice platform keys), irrigation agtech (controller cloud tokens, grower account exports, LoRaWAN
keys), mortgage origination (LOS exports with borrowers' data, credit bureau API credentials), hotel channel
managers (OTA channel credentials, reservation exports with guests' details), radio broadcast (automation
system configs, streaming encoder passwords, listeners' contest entries) and MDM kiosk tablets (kiosk mode
configs, enrollment tokens and API credentials, device assignment sheets).

Labels follow the scrubber's published policy (its package docstring) alone: what the policy says goes is a
`Secret`, what it says stays (placeholders, public identifiers and keys, hashes of commits, versions,
documentation addresses, test card numbers, references to a secret) is a `Keep`, and what it leaves open is
not labelled. Every fake value is drawn at build time from a seeded `random.Random` by code that follows its
format's public description, valid where the format has a check (CRC32 token checksums, Luhn, IBAN mod 97,
SSN ranges, JWT layout, bech32, NATS nkeys' CRC16, PEM and OpenSSH key layouts); no literal in this file is
one. Names and addresses are combined from small made-up vocabularies.

Each document is delivered one way (`DELIVERIES`): as is; escaped inside a JSON transcript line; as a unified
diff's added lines; with line numbers; behind CI log timestamps; inside a Markdown fence. Labels' offsets and
texts are for the text as delivered. `measure_documents` reports aggregates only, never a value.
"""

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
from collections.abc import Callable, Mapping

import attrs
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, x25519

DEFAULT_SEED: int = 20261238
DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = (
    "fraud-detection", "warehouse-robotics", "newsroom-cms", "student-loans", "crypto-exchanges-ops",
    "bug-trackers-self-hosted", "speech-therapy", "irrigation-agtech", "mortgage-origination",
    "hotel-channel-managers", "radio-broadcast", "mdm-kiosk-tablets",
)  # fmt: skip


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


VENDOR_CLASSES: frozenset[str] = _words(
    """github-token npm-token aws-access-key-id slack-bot-token slack-webhook stripe-secret-key
    stripe-restricted-key stripe-webhook-secret google-api-key sendgrid-api-key shopify-access-token gitlab-token
    digitalocean-token huggingface-token vault-token posthog-personal-key mapbox-secret-token supabase-secret-key
    anthropic-api-key openai-api-key telegram-bot-token ttn-api-key age-secret-key nats-seed"""
)
CLASSES: frozenset[str] = VENDOR_CLASSES | _words(
    """aws-secret-access-key password url-password jwt bearer-token basic-auth api-key client-secret private-key-pem
    openssh-private-key ssn credit-card iban email person-name ip-address password-hash wifi-psk session-cookie
    totp-seed gcp-key-id home-username lorawan-key exchange-api-secret app-secret"""
)

# ---------------------------------------------------------------------------------------------------------
# Alphabets and format helpers (the alphabets are built, not written out).

_UP = string.ascii_uppercase
_LO = string.ascii_lowercase
_DIG = string.digits
_B62 = _DIG + _UP + _LO
_ALNUM = _UP + _LO + _DIG
_B64 = _UP + _LO + _DIG + "+/"
_B64URL = _UP + _LO + _DIG + "-_"
_B32 = _UP + "234567"
_HEX = _DIG + "abcdef"
_BCRYPT64 = "./" + _UP + _LO + _DIG
_CRYPT64 = "./" + _DIG + _UP + _LO
_PW_SYMBOLS = "!%*-_+.~^"
_SALT_CHARS = _ALNUM + "!@#$%^&*()-_[]{}<>~+=,.;:/?|"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_PK = "PRIV" + "ATE KEY"


def _pem_marker(kind: str, end: bool = False) -> str:
    return f"-----{'END' if end else 'BEGIN'} {kind + ' ' if kind else ''}{_PK}-----"


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= gen[i]
    return chk


def _bech32(hrp: str, data: bytes) -> str:
    acc = bits = 0
    five: list[int] = []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = _bech32_polymod([*expanded, *five, 0, 0, 0, 0, 0, 0]) ^ 1
    check = [(pm >> (5 * (5 - i))) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in five + check)


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def _nkey(raw: bytes) -> str:
    return base64.b32encode(raw + struct.pack("<H", _crc16(raw))).decode().rstrip("=")


def _luhn_digit(partial: str) -> str:
    doubled = [int(c) * (2 - i % 2) for i, c in enumerate(reversed(partial))]
    return str(-sum(d - 9 if d > 9 else d for d in doubled) % 10)


def _ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


# Made-up vocabularies: people's names are combined from these, addresses from names and domains.
_FIRST = (
    "Aldric", "Brenna", "Caspian", "Delphine", "Emeline", "Fenwick", "Gideon", "Hollis", "Ilsabet", "Jorund",
    "Kestrel", "Linnea", "Marlowe", "Nerissa", "Oriana", "Perrin", "Quillon", "Rosalind", "Sabine", "Tamsin",
    "Ulrika", "Vesper", "Wendell", "Ximena", "Yorick", "Zinnia", "Anselm", "Bettina", "Corwin", "Dagmar",
)  # fmt: skip
_LAST = (
    "Ashgrove", "Brightwater", "Coldmere", "Dunhollow", "Everlind", "Fairbrook", "Greywick", "Hartwell",
    "Ironvale", "Juniperlee", "Kettleby", "Larkspur", "Marrowfield", "Nettlefold", "Oakhurst", "Pellham",
    "Quarrington", "Rookwood", "Stillwater", "Thornbury", "Underhay", "Vantreight", "Westerholm", "Yarrowby",
)  # fmt: skip
_MAIL_DOMAINS = ("mailnest.net", "postgrove.org", "inboxly.io", "quillmail.net", "letterbay.com")
_WORDS = (
    "lantern", "velvet", "harbor", "saffron", "meadow", "cobalt", "thistle", "juniper", "ember", "quartz",
    "willow", "falcon", "marble", "orchid", "pepper", "tundra", "copper", "drizzle", "walnut", "zephyr",
)  # fmt: skip
_IBAN_LAYOUTS = {"DE": "8n10n", "GB": "4a6n8n", "NL": "4a10n", "AT": "5n11n", "IE": "4a6n8n", "CH": "5n12n"}
_PUBLIC_FIRST_OCTETS = (34, 35, 52, 54, 104, 143, 159, 165)


# Vendors' layouts that are a prefix and a random run: (prefix, alphabet, length).
_RUNS: dict[str, tuple[str, str, int]] = {
    "google": ("AI" + "za", _B64URL, 35),
    "shopify": ("shp" + "at_", _HEX, 32),
    "gitlab": ("glp" + "at-", _B64URL, 20),
    "digitalocean": ("dop" + "_v1_", _HEX, 64),
    "huggingface": ("h" + "f_", _UP + _LO, 34),
    "vault": ("hv" + "s.", _B62, 24),
    "posthog-personal": ("ph" + "x_", _B62, 43),
    "posthog-project": ("ph" + "c_", _B62, 43),
    "supabase-secret": ("sb_" + "secret_", _B64URL, 31),
    "supabase-publishable": ("sb_" + "publishable_", _B64URL, 31),
}


class _Gen:
    """Every fake value, drawn from one seeded random.Random."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self._firsts: set[str] = set()
        self._lasts: set[str] = set()

    def fresh(self) -> None:
        self._firsts.clear()
        self._lasts.clear()

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return self.r.choice(seq)

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def token(self, alphabet: str, n: int) -> str:
        """A random run that holds an upper-case letter, a lower-case one and a digit where its alphabet has them."""
        while True:
            out = self.chars(alphabet, n)
            if all(not (set(a) & set(alphabet)) or set(a) & set(out) for a in (_UP, _LO, _DIG)):
                return out

    def hexs(self, n: int, upper: bool = False) -> str:
        return self.chars(_HEX.upper() if upper else _HEX, n)

    def raw(self, n: int) -> bytes:
        return bytes(self.r.randrange(256) for _ in range(n))

    # People -------------------------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        first = self.pick([f for f in _FIRST if f not in self._firsts])
        last = self.pick([x for x in _LAST if x not in self._lasts])
        self._firsts.add(first)
        self._lasts.add(last)
        return first, last

    def email(self, first: str, last: str) -> str:
        style = self.num(0, 2)
        local = (f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.num(10, 99)}")[style].lower()
        return f"{local}@{self.pick(_MAIL_DOMAINS)}"

    def username(self, first: str, last: str) -> str:
        return f"{first[0]}{last}".lower()

    # Secrets without a vendor ---------------------------------------------------------------------------
    def password(self, url_safe: bool = False) -> str:
        if self.num(0, 2) == 0:
            return f"{self.pick(_WORDS)}.{self.pick(_WORDS)}{self.num(100, 9999)}"
        symbols = "-_.~" if url_safe else _PW_SYMBOLS
        out = self.token(_ALNUM, self.num(11, 17))
        cut = self.num(2, len(out) - 2)
        return out[:cut] + self.pick(list(symbols)) + out[cut:]

    def app_secret(self, n: int = 50) -> str:
        return self.token(_SALT_CHARS, n)

    def ssn(self, dashed: bool = True) -> str:
        a = self.num(1, 898)
        a += a >= 666  # areas 001-899 but 666
        g, s = self.num(1, 99), self.num(1, 9999)
        return f"{a:03d}-{g:02d}-{s:04d}" if dashed else f"{a:03d}{g:02d}{s:04d}"

    def card(self, grouped: str = "") -> str:
        prefix = self.pick(["4", str(self.num(51, 55)), self.pick(["34", "37"])])  # Visa, Mastercard, Amex
        body = prefix + self.chars(_DIG, (14 if prefix[0] == "3" else 15) - len(prefix))
        number = body + _luhn_digit(body)
        if not grouped:
            return number
        if len(number) == 15:
            return grouped.join((number[:4], number[4:10], number[10:]))
        return grouped.join(number[i : i + 4] for i in range(0, 16, 4))

    def iban(self, country: str = "", grouped: bool = False) -> str:
        country = country or self.pick(sorted(_IBAN_LAYOUTS))
        bban = ""
        for n, kind in re.findall(r"(\d+)([an])", _IBAN_LAYOUTS[country]):
            bban += self.chars(_UP if kind == "a" else _DIG, int(n))
        digits = "".join(str(int(c, 36)) for c in bban + country + "00")
        iban = f"{country}{98 - int(digits) % 97:02d}{bban}"
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if grouped else iban

    def ip_private(self) -> str:
        a, b = self.num(0, 250), self.num(2, 250)
        return self.pick(
            [f"10.{self.num(1, 250)}.{a}.{b}", f"172.{self.num(16, 31)}.{a}.{b}", f"192.168.{a + 2}.{b}"]
        )

    def ip_public(self) -> str:
        first = self.r.choice(_PUBLIC_FIRST_OCTETS)
        return f"{first}.{self.num(10, 250)}.{self.num(0, 250)}.{self.num(2, 250)}"

    def jwt(self, claims: Mapping[str, object], alg: str = "HS256") -> str:
        head = _b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
        body = _b64url(json.dumps(claims, separators=(",", ":")).encode())
        return f"{head}.{body}.{_b64url(self.raw(32))}"

    def ec_pem_body(self, pkcs8: bool) -> str:
        key = ec.derive_private_key(self.r.randrange(1, 2**255), ec.SECP256R1())
        fmt = serialization.PrivateFormat.PKCS8 if pkcs8 else serialization.PrivateFormat.TraditionalOpenSSL
        pem = key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode()
        return "\n".join(pem.strip().splitlines()[1:-1])

    def ed25519_pair(self) -> tuple[bytes, bytes]:
        seed = self.raw(32)
        pub = ed25519.Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
        return seed, pub

    def openssh(self, comment: str) -> tuple[str, str]:
        """An OpenSSH ed25519 private key's base64 body and its public key line."""
        seed, pub = self.ed25519_pair()
        kind = b"ssh-" + b"ed25519"
        pub_blob = _ssh_string(kind) + _ssh_string(pub)
        check = self.raw(4)
        private = check + check + pub_blob + _ssh_string(seed + pub) + _ssh_string(comment.encode())
        private += bytes(range(1, 1 + (-len(private)) % 8))
        blob = b"openssh-key-v1\x00" + _ssh_string(b"none") * 2 + _ssh_string(b"")
        blob += struct.pack(">I", 1) + _ssh_string(pub_blob) + _ssh_string(private)
        text = base64.b64encode(blob).decode()
        body = "\n".join(text[i : i + 70] for i in range(0, len(text), 70))
        return body, f"{kind.decode()} {base64.b64encode(pub_blob).decode()} {comment}"

    def bcrypt(self) -> str:
        salt = self.chars(_BCRYPT64, 21) + self.pick(list(".Oeu"))
        digest = self.chars(_BCRYPT64, 30) + self.pick(list(".CGKOSWaeimquy26"))
        return f"$2{self.pick(['b', 'y'])}$1{self.num(0, 2)}${salt}{digest}"

    def sha512crypt(self) -> str:
        return f"$6${self.chars(_CRYPT64, 16)}${self.chars(_CRYPT64, 85)}{self.pick(list('./01'))}"

    def pbkdf2(self) -> str:
        digest = base64.b64encode(self.raw(32)).decode()
        return f"pbkdf2_sha256$870000${self.token(_ALNUM, 22)}${digest}"

    def totp(self) -> str:
        return base64.b32encode(self.raw(20)).decode()

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick(list('89ab'))}{h[17:20]}-{h[20:]}"

    # Vendors' published layouts -------------------------------------------------------------------------
    def crc_token(self, prefix: str) -> str:
        body = self.token(_B62, 30)
        return prefix + body + _b62(zlib.crc32(body.encode()), 6)

    def aws_key_id(self) -> str:
        return "AK" + "IA" + self.chars(_B32, 16)

    def aws_secret(self) -> str:
        return self.token(_B64, 40)

    def slack_bot(self) -> str:
        team, bot = self.num(10**11, 10**12 - 1), self.num(10**12, 10**13 - 1)
        return f"xox{'b'}-{team}-{bot}-{self.token(_ALNUM, 24)}"

    def slack_hook(self) -> str:
        return f"T{self.chars(_UP + _DIG, 8)}/B{self.chars(_UP + _DIG, 10)}/{self.token(_ALNUM, 24)}"

    def stripe(self, kind: str) -> str:
        if kind == "whsec":
            return "whsec" + "_" + self.token(_ALNUM, 32)
        body = "51" + self.token(_ALNUM, 97) if self.num(0, 1) else self.token(_ALNUM, 24)
        return f"{kind}_{'live'}_{body}"

    def run(self, kind: str) -> str:
        """A vendor token whose published layout is a prefix and a random run (see `_RUNS`)."""
        prefix, alphabet, n = _RUNS[kind]
        return prefix + self.token(alphabet, n)

    def sendgrid(self) -> str:
        return f"S{'G'}.{self.token(_B64URL, 22)}.{self.token(_B64URL, 43)}"

    def mapbox(self, kind: str, user: str) -> str:
        claims = json.dumps({"u": user, "a": self.chars(_LO + _DIG, 25)}, separators=(",", ":")).encode()
        return f"{kind}.{_b64url(claims)}.{self.token(_B64URL, 22)}"

    def anthropic(self) -> str:
        return "sk-" + "ant-api03-" + self.token(_B64URL, 93) + "AA"

    def openai(self) -> str:
        return "sk-" + "proj-" + self.token(_B64URL, 74) + "T3Blbk" + "FJ" + self.token(_B64URL, 74)

    def telegram(self) -> str:
        return f"{self.num(10**8, 10**10 - 1)}:A{'A'}{self.token(_B64URL, 33)}"

    def ttn(self) -> str:
        return f"NNS{'XS'}.{self.chars(_B32, 39)}.{self.chars(_B32, 52)}"

    def age_pair(self) -> tuple[str, str]:
        key = self.raw(32)
        pub = x25519.X25519PrivateKey.from_private_bytes(key).public_key().public_bytes_raw()
        return _bech32("age-secret-key-", key).upper(), _bech32("age", pub)

    def nats_pair(self) -> tuple[str, str]:
        seed, pub = self.ed25519_pair()
        seed_prefix = 18 << 3
        user = 20 << 3
        return _nkey(bytes([seed_prefix | (user >> 5), (user & 31) << 3]) + seed), _nkey(bytes([user]) + pub)


def _s(cls: str, value: str) -> str:
    """Marks a secret in a template."""
    return f"\ue000{cls}\ue001{value}\ue002"


def _k(value: str) -> str:
    """Marks a keep in a template."""
    return f"\ue003{value}\ue004"


# Kept values the policy names, assembled so that no scanner takes this file for holding them.
_AWS_EXAMPLE = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE"
_TEST_CARDS = ("4242" * 4, "5555" * 3 + "4444", "378282" + "246310005", "4000" + "0566" + "5566" + "5556")
_SLACK_FILLER = "xox" + "b-" + "-".join(["xxxx"] * 3)
_GH_FILLER = "gh" + "p_" + "x" * 36


def _lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def _j(obj: object, indent: int | None = 2) -> str:
    return json.dumps(obj, indent=indent, ensure_ascii=False)


def _day(g: _Gen) -> str:
    return f"2026-{g.num(1, 3):02d}-{g.num(1, 28):02d}"


def _clock(g: _Gen) -> str:
    return f"{g.num(0, 23):02d}:{g.num(0, 59):02d}:{g.num(0, 59):02d}"


def _order_id(g: _Gen) -> str:
    body = g.pick(["4", "5"]) + g.chars(_DIG, 14)
    return body + _luhn_digit(body)


def _name(g: _Gen) -> tuple[str, str, str]:
    """A person: full name, e-mail address and the first name alone."""
    first, last = g.person()
    return f"{first} {last}", g.email(first, last), first


# ---------------------------------------------------------------------------------------------------------
# fraud-detection

_FD = "kestrelpay"


def _fd_env(g: _Gen) -> tuple[str, str]:
    kount = g.jwt({"iss": "https://login.kount.com", "sub": str(g.num(10**5, 10**6)), "aud": "ris"})
    return ".env", (
        "# risk-gateway environment (prod), read by systemd's EnvironmentFile=\n"
        f"SIFT_ACCOUNT_ID={g.hexs(24)}\n"
        f"KOUNT_MERCHANT_ID={g.num(100000, 999999)}\nKOUNT_API_KEY={_s('jwt', kount)}\n"
        f"REDIS_URL=redis://{_k('127.0.0.1')}:6379/2\nMETRICS_BIND={_k('0.0.0.0')}:9102\n"
        f"REVIEW_SLACK_WEBHOOK=https://hooks.slack.com/services/{_s('slack-webhook', g.slack_hook())}\n"
    )


def _fd_queue(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    ip = g.ip_public()
    item = {
        "order_id": _k(_order_id(g)),
        "score": round(g.num(700, 990) / 10, 1),
        "queue": "manual_review",
        "customer": {"name": _s("person-name", full), "email": _s("email", mail), "ip": _s("ip-address", ip)},
        "payment": {"bin": g.chars(_DIG, 6), "last4": g.chars(_DIG, 4), "avs_result": "N", "cvv_result": "M"},
        "signals": ["ip_country_mismatch", "velocity_card_24h"],
    }
    return "queue.json", (
        f'$ curl -s -H "Authorization: Bearer {_k("$REVIEW_API_TOKEN")}" '
        f'"https://review.{_FD}.internal/api/v2/queue?status=pending&limit=1" | jq .items\n{_j([item])}\n'
    )


def _fd_backfill(g: _Gen) -> tuple[str, str]:
    return "scripts/backfill_decisions.py", (
        '"""Backfill Sift decisions for last month\'s chargeback cases (one-off, delete after)."""\n\n'
        "import os\n\nimport sift\nfrom anthropic import Anthropic\n\nACCOUNT = os.environ['SIFT_ACCOUNT_ID']\n"
        f'client = sift.Client(api_key="{_s("api-key", g.token(_HEX + _UP, 32))}", account_id=ACCOUNT)\n'
        f"# prod: sift.Client(api_key={_k('settings.SIFT_API_KEY')})\n"
        f'llm = Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY",\n'
        f'                                        "{_s("anthropic-api-key", g.anthropic())}"))\n'
        f'SANDBOX_CARD = "{_k(_TEST_CARDS[0])}"  # Stripe test card for the dry run\n'
    )


def _fd_stripe(g: _Gen) -> tuple[str, str]:
    return "config/payments.toml", (
        f'[stripe]\nsecret_key = "{_s("stripe-secret-key", g.stripe("sk"))}"\n'
        f'publishable_key = "{_k(g.stripe("pk"))}"\n# restricted key: Radar rules read/write only\n'
        f'radar_key = "{_s("stripe-restricted-key", g.stripe("rk"))}"\n\n[radar]\nblock_threshold = 85\n'
        f'smoke_test_card = "{_k(_TEST_CARDS[g.num(1, 3)])}"\n'
    )


def _fd_chargebacks(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    return "chargebacks.csv", (
        "$ head -3 exports/chargebacks_2026-02.csv\n"
        f"# exported by disputes-cli {_k(f'3.2.0.{g.num(100, 199)}')}\n"
        "case_id,order_ref,customer_name,customer_email,card_number,amount,reason_code\n"
        f"CB-{g.num(10000, 99999)},ORD-{g.num(100000, 999999)},{_s('person-name', full)},{_s('email', mail)},"
        f"{_s('credit-card', g.card(g.pick(['', ' ', '-'])))},{g.num(20, 900)}.{g.num(10, 99)},10.4\n"
    )


def _fd_workflow(g: _Gen) -> tuple[str, str]:
    return ".github/workflows/nightly-eval.yml", (
        'name: nightly-model-eval\non:\n  schedule:\n    - cron: "17 3 * * *"\njobs:\n  eval:\n'
        f"    runs-on: ubuntu-latest\n    env:\n      SIFT_API_KEY: {_k('${{ secrets.SIFT_API_KEY }}')}\n"
        f"      SIGNIFYD_API_KEY: {_k('${{ secrets.SIGNIFYD_API_KEY }}')}\n"
        f"    steps:\n      - uses: actions/checkout@{_k(g.hexs(40))}\n"
        "      - name: debug the sandbox key (remove!)\n        run: |\n"
        f'          echo "::add-mask::{_s("api-key", g.token(_ALNUM, 36))}"\n'
        "          python -m riskeval --since 24h --out reports/\n"
    )


def _fd_fixture(g: _Gen) -> tuple[str, str]:
    case = {
        "case_id": f"CASE-{g.num(1000, 9999)}",
        "order_id": _k(_order_id(g)),
        "customer": {"name": _k("Jane Doe"), "email": _k("jane.doe@example.com")},
        "expected_decision": "review",
    }
    return "tests/fixtures/review_case.json", _j(case) + "\n"


# ---------------------------------------------------------------------------------------------------------
# warehouse-robotics

_WH = "ridgeline-fulfil.com"


def _wh_app_yml(g: _Gen) -> tuple[str, str]:
    return "wms/application.yml", (
        "spring:\n  datasource:\n    url: jdbc:postgresql://wms-db-02.dc3.internal:5432/wms\n"
        f"    username: wms_svc\n    password: {_s('password', g.password())}\n"
        "  rabbitmq:\n    host: mq-01.dc3.internal\n    username: wms\n"
        f"    password: {_k('changeme')}   # TODO real value from vault\n"
        f"management:\n  server:\n    address: {_k('127.0.0.1')}\n"
        f"fleet:\n  controller-url: https://fleet-ctl.dc3.internal:8443\n"
        f"  api-token: {_s('bearer-token', g.token(_B64URL, 40))}\n"
    )


def _wh_fleet_login(g: _Gen) -> tuple[str, str]:
    token = g.jwt({"sub": "ops-automation", "site": "dc3", "roles": ["fleet:write"], "exp": 1772409600})
    return "fleetctl.txt", (
        f"$ fleetctl --version\nfleetctl {_k(f'3.4.0.{g.num(10, 99)}')}\n"
        "$ fleetctl auth login --site dc3 --user ops-automation\nPassword: \n"
        f"Login succeeded. New access token expires on {_day(g)}T00:00:00Z:\n{_s('jwt', token)}\n"
    )


def _wh_robots(g: _Gen) -> tuple[str, str]:
    lines = ["ID        MODEL     FIRMWARE  IP              STATE"]
    for state in ("charging", "picking"):
        ip = g.ip_private()
        fw = f"4.{g.num(1, 4)}.{g.num(0, 30)}"
        pad = " " * (16 - len(ip))
        lines.append(f"amr-{g.num(100, 999):04d}  AMR-500   {fw:<9} {_s('ip-address', ip)}{pad}{state}")
    return "robots.txt", (
        "$ fleetctl robots list --zone B --limit 2\n" + "\n".join(lines) + "\n"
        f"# zone B subnet {_k('10.44.0.0/16')}, gateway firmware {_k('4.2.0.17')}\n"
    )


def _wh_roster(g: _Gen) -> tuple[str, str]:
    rows = []
    for shift in ("day", "swing"):
        full, mail, _ = _name(g)
        rows.append(f"B{g.num(10000, 99999)},{_s('person-name', full)},{_s('email', mail)},{shift},zone-B")
    head = f"# WFM export; questions to {_k('noreply@' + _WH)}"
    return "rosters/pickers_week09.csv", _lines(head, "badge,name,email,shift,zone", *rows)


def _wh_compose(g: _Gen) -> tuple[str, str]:
    return "docker-compose.yml", (
        f"services:\n  map-uploader:\n    image: ghcr.io/ridgeline/map-uploader@{_k('sha256:' + g.hexs(64))}\n"
        f"    environment:\n      # format: {_k(_AWS_EXAMPLE)}\n"
        f"      AWS_ACCESS_KEY_ID: {_s('aws-access-key-id', g.aws_key_id())}\n"
        f"      AWS_SECRET_ACCESS_KEY: {_s('aws-secret-access-key', g.aws_secret())}\n"
        "      MAP_BUCKET: dc3-slam-maps\n"
    )


def _wh_traceback(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    user = _s("home-username", g.username(first, last))
    return "sync.log", (
        f"wms-sync @ {_k(g.hexs(40))}\nTraceback (most recent call last):\n"
        f'  File "/home/{user}/src/wms-sync/sync/main.py", line 41, in run\n    conn = psycopg.connect(cfg.dsn)\n'
        f'psycopg.OperationalError: connection to server at "{_s("ip-address", g.ip_private())}", port 5432 failed: '
        "timeout expired\n"
    )


def _wh_deploy_key(g: _Gen) -> tuple[str, str]:
    body, pub = g.openssh("deploy@amr-gw")
    return "keys.txt", (
        f"$ cat keys/amr_gw_deploy.pub\n{_k(pub)}\n$ cat keys/amr_gw_deploy\n{_pem_marker('OPENSSH')}\n"
        f"{_s('openssh-private-key', body)}\n{_pem_marker('OPENSSH', end=True)}\n"
        f"$ ssh -J {_k('ops@bastion.' + _WH)} deploy@amr-gw-b uptime\n"
    )


def _wh_alerts(g: _Gen) -> tuple[str, str]:
    return "run-grafana.sh", (
        "docker run -d --name grafana -p 3000:3000 \\\n"
        f"  -e GF_SECURITY_ADMIN_PASSWORD={_s('password', g.password())} \\\n"
        f"  -e GF_SERVER_HTTP_ADDR={_k('0.0.0.0')} \\\n"
        f"  -e SLACK_BOT_TOKEN={_s('slack-bot-token', g.slack_bot())} \\\n"
        f"  -e SLACK_BOT_TOKEN_EXAMPLE={_k(_SLACK_FILLER)} \\\n  grafana/grafana-oss:11.4.0\n"
    )


# ---------------------------------------------------------------------------------------------------------
# newsroom-cms

_NR = "harborgazette.com"


def _nr_wp_config(g: _Gen) -> tuple[str, str]:
    lines = [
        "<?php",
        "define( 'DB_NAME', 'gazette_prod' );\ndefine( 'DB_USER', 'gazette' );",
        f"define( 'DB_PASSWORD', '{_s('password', g.password())}' );",
        f"define( 'DB_HOST', '{_k('localhost')}' );",
    ]
    for name in ("AUTH_KEY", "SECURE_AUTH_KEY")[: g.num(1, 2)]:
        lines.append(f"define( '{name}', '{_s('app-secret', g.app_secret(64))}' );")
    for name in ("AUTH_SALT", "SECURE_AUTH_SALT"):
        lines.append(f"define( '{name}', '{_k('put your unique phrase here')}' );")
    return "wp-config.php", "\n".join(lines) + "\n"


def _nr_sources(g: _Gen) -> tuple[str, str]:
    rows = []
    for beat in ("city hall", "courts"):
        full, mail, _ = _name(g)
        rows.append(f'{_s("person-name", full)},{_s("email", mail)},{beat},"prefers Signal; call after 6pm"')
    rows.append(f'{_k("Jane Doe")},{_k("jane.doe@example.com")},(template),"copy this row"')
    return "sources/contacts.csv", _lines("name,email,beat,notes", *rows)


def _nr_wires(g: _Gen) -> tuple[str, str]:
    return "config/wires.yml", (
        f"ap:\n  api_key: {_s('api-key', g.token(_LO + _DIG, 32))}\n"
        "  feed_url: https://api.ap.org/media/v/content/feed?page_size=50\n"
        f"reuters:\n  client_id: {g.token(_ALNUM, 20)}\n  client_secret: {_s('client-secret', g.token(_B64URL, 48))}\n"
        f"staging:\n  ap_api_key: {_k('<your-api-key>')}\n  reuters_client_secret: {_k('${REUTERS_CLIENT_SECRET}')}\n"
        f"summaries:\n  openai_api_key: {_s('openai-api-key', g.openai())}\n  model: gpt-4.1-mini\n"
    )


def _nr_npm(g: _Gen) -> tuple[str, str]:
    return "deploy.yml", (
        f"  build-theme:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@{_k(g.hexs(40))}\n"
        "        with:\n          node-version: 22\n"
        f"        env:\n          NODE_AUTH_TOKEN: {_k('${{ secrets.NPM_TOKEN }}')}\n"
        f"      - run: npm config set //registry.npmjs.org/:_authToken {_s('npm-token', g.crc_token('np' + 'm_'))}\n"
        "      - run: npm ci && npm run build\n"
    )


def _nr_next_env(g: _Gen) -> tuple[str, str]:
    return ".env.production", (
        f"NEXT_PUBLIC_POSTHOG_KEY={_k(g.run('posthog-project'))}\nNEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com\n"
        f"POSTHOG_PERSONAL_API_KEY={_s('posthog-personal-key', g.run('posthog-personal'))}\n"
        f"NEXT_PUBLIC_MAPBOX_TOKEN={_k(g.mapbox('pk', 'harborgazette'))}\n"
    )


def _nr_newsletter(g: _Gen) -> tuple[str, str]:
    return "newsletter/settings.py", (
        f'# Morning briefing sender\nSENDGRID_API_KEY = "{_s("sendgrid-api-key", g.sendgrid())}"\n'
        f'FROM_ADDRESS = "{_k("noreply@" + _NR)}"\nREPLY_TO = "{_k("letters@example.org")}"\n'
        f'LIST_ID = "morning-briefing"\nSEND_HOUR = {g.num(5, 7)}\n'
    )


def _nr_gitlog(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    return "git-log.txt", (
        f"$ git log -1 --format=fuller\ncommit {_k(g.hexs(40))}\n"
        f"Author:     {_s('person-name', full)} <{_s('email', mail)}>\nAuthorDate: Mon Mar 2 {_clock(g)} 2026 -0500\n"
        f"Commit:     GitHub <{_k('noreply@github.com')}>\nCommitDate: Mon Mar 2 {_clock(g)} 2026 -0500\n\n"
        "    Fix byline overflow on the liveblog card\n"
    )


def _nr_totp(g: _Gen) -> tuple[str, str]:
    _, mail, _ = _name(g)
    return "2fa.txt", (
        "$ zbarimg --raw wp-2fa-qr.png\n"
        f"otpauth://totp/Harbor%20Gazette:{_s('email', mail)}?secret={_s('totp-seed', g.totp())}&issuer=Gazette\n"
        "scanned 1 barcode symbols from 1 images\n"
        f"# the plugin's own sample: otpauth://totp/WP:<your-login>?secret={_k('<base32-secret>')}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# student-loans

_SL = "meridianloanservicing.com"
_STREETS = ("Alderbank Rd", "Copperline Ave", "Wrenfield Ct", "Millbrace St", "Tanager Way", "Oxbow Ln")
_CITIES = (("Fairholt", "OH"), ("Brinmoor", "PA"), ("Castlerock Falls", "MN"), ("Quenby", "TX"))


def _sl_export(g: _Gen) -> tuple[str, str]:
    rows = []
    for status in ("REPAYMENT", "FORBEARANCE"):
        full, _, _ = _name(g)
        city, state = g.r.choice(_CITIES)
        address = f'"{g.num(10, 9899)} {g.pick(_STREETS)}",{city},{state},{g.chars(_DIG, 5)}'
        balance = f"{g.num(2000, 90000)}.{g.num(10, 99)}"
        rows.append(
            f"{g.chars(_DIG, 10)},{_s('person-name', full)},{_s('ssn', g.ssn())},{address},{balance},{status}"
        )
    head = "account_number,borrower_name,ssn,address,city,state,zip,principal_balance,status"
    return "exports/servicer_transfer.csv", _lines(
        head, *rows, f"# exported by servicerx {_k(f'5.4.1.{g.num(100, 199)}')}"
    )


def _sl_api(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    city, st = g.r.choice(_CITIES)
    borrower = {
        "borrower": {
            "name": {"first": _s("person-name", first), "last": _s("person-name", last)},
            "tax_id": _s("ssn", g.ssn(dashed=False)),
            "tax_id_type": "ssn",
            "mailing_address": {"line1": f"{g.num(10, 9899)} {g.pick(_STREETS)}", "city": city, "state": st},
        },
        "loans": [{"id": f"LN{g.chars(_DIG, 9)}", "program": "DIRECT_SUB", "status": "IN_REPAYMENT"}],
    }
    return "borrower.json", (
        f"$ http GET :8080/v1/borrowers/{g.num(10**6, 10**7)} --print=hb\nHTTP/1.1 200 OK\n"
        f"X-Request-Id: {_k(g.uuid())}\n\n{_j(borrower)}\n"
    )


def _sl_portal_env(g: _Gen) -> tuple[str, str]:
    return "portal/.env", (
        f"STRIPE_SECRET_KEY={_s('stripe-secret-key', g.stripe('sk'))}\nSTRIPE_PUBLISHABLE_KEY={_k(g.stripe('pk'))}\n"
        f"DATABASE_URL=postgresql://portal:{_s('url-password', g.password(url_safe=True))}@"
        f"{_k('portal-db.internal:5432')}/portal\nSESSION_SECRET={_k('<your-session-secret>')}\n"
    )


def _sl_netrc(g: _Gen) -> tuple[str, str]:
    return ".netrc", (
        f"$ cat ~/.netrc\nmachine sftp.loanxfer-hub.net\n  login mls_batch\n  password {_s('password', g.password())}\n"
        f"machine {_k('localhost')}\n  login test\n  password {_k('password_here')}\n"
    )


def _sl_django(g: _Gen) -> tuple[str, str]:
    return "portal/settings/production.py", (
        f'from .base import *  # noqa\n\nDEBUG = False\nSECRET_KEY = "{_s("app-secret", g.app_secret(50))}"\n'
        f'ALLOWED_HOSTS = ["pay.{_SL}"]\nINTERNAL_IPS = ["{_k("127.0.0.1")}"]\n'
        f'EMAIL_HOST = "smtp.{_SL}"\nEMAIL_HOST_USER = "portal-mailer"\n'
        f'EMAIL_HOST_PASSWORD = "{_s("password", g.password())}"\nDEFAULT_FROM_EMAIL = "{_k("noreply@" + _SL)}"\n'
    )


def _sl_insert(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    return "seed.sql", (
        f"-- generated by seedgen {_k(f'1.4.0.{g.num(10, 99)}')}\n"
        "INSERT INTO borrowers (id, first_name, last_name, ssn, created_at) VALUES\n"
        f"  ({g.num(1000, 9999)}, '{_s('person-name', first)}', '{_s('person-name', last)}', "
        f"'{_s('ssn', g.ssn())}', now());\n"
    )


def _sl_ticket(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    ticket = {
        "id": g.num(100000, 999999),
        "subject": "IDR recertification stuck",
        "requester": {"name": _s("person-name", full), "email": _s("email", mail)},
        "description": f"I uploaded my tax transcript twice. My SSN is {_s('ssn', g.ssn())} if you need it.",
        "external_id": _k(g.uuid()),
        "tags": ["idr", "escalated"],
    }
    return "ticket.json", _j({"ticket": ticket}) + "\n"


def _sl_fixture(g: _Gen) -> tuple[str, str]:
    fields = {
        "username": "jdoe",
        "full_name": _k("Jane Doe"),
        "email": _k("jane.doe@example.org"),
        "password": _s("password-hash", g.pbkdf2()),
        "is_staff": True,
    }
    record = {"model": "accounts.user", "pk": g.num(1, 50), "fields": fields}
    return "portal/fixtures/staff.json", _j([record]) + "\n"


# ---------------------------------------------------------------------------------------------------------
# crypto-exchanges-ops


def _cx_ccxt(g: _Gen) -> tuple[str, str]:
    return "bots/mm-kraken.json", (
        f'{{\n  "exchange": "kraken",\n  "apiKey": "{_s("api-key", g.hexs(64))}",\n'
        f'  "secret": "{_s("exchange-api-secret", base64.b64encode(g.raw(64)).decode())}",\n'
        f'  "sandboxApiKey": "{_k("<your-api-key>")}",\n  "proxy": "http://{_k("127.0.0.1")}:8118",\n'
        '  "enableRateLimit": true,\n  "symbols": ["BTC/EUR", "ETH/EUR"]\n}\n'
    )


def _cx_age(g: _Gen) -> tuple[str, str]:
    secret, public = g.age_pair()
    return "age.txt", (
        f"$ age-keygen -o ops/whitelist.key\nPublic key: {_k(public)}\n$ cat ops/whitelist.key\n"
        f"# created: {_day(g)}T{_clock(g)}Z\n# public key: {_k(public)}\n{_s('age-secret-key', secret)}\n"
        f"$ cat .sops.yaml\ncreation_rules:\n  - path_regex: whitelist/.*\\.yaml$\n    age: {_k(public)}\n"
    )


def _cx_kyc(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    review = {
        "applicant_id": g.uuid(),
        "first_name": _s("person-name", first),
        "last_name": _s("person-name", last),
        "email": _s("email", g.email(first, last)),
        "fiat_withdrawal": {"iban": _s("iban", g.iban(g.pick(["DE", "NL", "IE"]))), "verified": False},
        "documents": [{"type": "passport", "sha256": _k(g.hexs(64))}],
        "review": {"status": "needs_info", "note": "proof of address older than 3 months; ask for a new one"},
    }
    return "kyc_review.json", f"$ kycctl show {g.num(10000, 99999)} --json\n{_j(review)}\n"


def _cx_vault(g: _Gen) -> tuple[str, str]:
    token = g.run("vault")
    return "vault.txt", (
        f"$ export VAULT_ADDR=https://{_k('127.0.0.1')}:8200\n$ vault login -method=userpass username=ops-oncall\n"
        "Password (will be hidden):\nSuccess! You are now authenticated. The token information displayed below\n"
        'is already stored in the token helper. You do NOT need to run "vault login"\nagain.\n\n'
        "Key                    Value\n---                    -----\n"
        f"token                  {_s('vault-token', token)}\n"
        "token_duration         8h\ntoken_policies         [default ops-oncall]\n"
    )


def _cx_nats(g: _Gen) -> tuple[str, str]:
    seed, public = g.nats_pair()
    return "nats.txt", (
        f"$ head -6 /etc/nats/nats-server.conf\nlisten: {_k('0.0.0.0')}:4222\nauthorization {{\n  users = [\n"
        f"    {{ nkey: {_k(public)} }}\n  ]\n$ cat /etc/nats/md-feed.nk\n{_s('nats-seed', seed)}\n"
    )


def _cx_telegram(g: _Gen) -> tuple[str, str]:
    tok = g.telegram()
    return "alerts.sh", (
        f"# .env\nTELEGRAM_BOT_TOKEN={_s('telegram-bot-token', tok)}\nTELEGRAM_CHAT_ID=-100{g.chars(_DIG, 10)}\n\n"
        f"# alert.sh reads {_k('${TELEGRAM_BOT_TOKEN}')} from .env; checking it by hand:\n"
        f"$ curl -s https://api.telegram.org/bot{_s('telegram-bot-token', tok)}/getMe | jq -c .result\n"
        '{"id":' + tok.split(":")[0] + ',"is_bot":true,"first_name":"cv-hotwallet-alerts"}\n'
    )


def _cx_totp(g: _Gen) -> tuple[str, str]:
    _, mail, _ = _name(g)
    return "2fa-backup.txt", (
        "Exchange ops account 2FA (paper backup, scanned)\n"
        f"otpauth://totp/Kraken:{_s('email', mail)}?secret={_s('totp-seed', g.totp())}&issuer=Kraken&digits=6\n"
        f"format, from the runbook: otpauth://totp/ACME:<your-login>?secret={_k('<base32-secret>')}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# bug-trackers-self-hosted

_BT = "tidepoolsoft.org"


def _bt_redmine_db(g: _Gen) -> tuple[str, str]:
    return "redmine/config/database.yml", (
        f"production:\n  adapter: mysql2\n  database: redmine\n  host: {_s('ip-address', g.ip_private())}\n"
        f'  username: redmine\n  password: "{_s("password", g.password())}"\n  encoding: utf8mb4\n\n'
        f"development:\n  adapter: mysql2\n  database: redmine_dev\n  host: {_k('127.0.0.1')}\n"
        f'  username: redmine\n  password: "{_k("changeme")}"\n'
    )


def _bt_mantis(g: _Gen) -> tuple[str, str]:
    return "mantisbt/config/config_inc.php", (
        "<?php\n$g_hostname = 'localhost';\n$g_db_type = 'mysqli';\n$g_database_name = 'bugtracker';\n"
        f"$g_db_username = 'mantis';\n$g_db_password = '{_s('password', g.password())}';\n"
        f"$g_crypto_master_salt = '{_s('app-secret', base64.b64encode(g.raw(32)).decode())}';\n"
        f"$g_smtp_password = getenv('{_k('MANTIS_SMTP_PASSWORD')}');\n"
        f"$g_webmaster_email = '{_k('webmaster@example.com')}';\n"
    )


def _bt_mantis_csv(g: _Gen) -> tuple[str, str]:
    rows = []
    for summary in ("Export to PDF drops images", "Login loop after password reset"):
        full, mail, _ = _name(g)
        rows.append(
            f"{g.num(1000, 9999):07d},tideline,{_s('person-name', full)},{_s('email', mail)},triage,{summary}"
        )
    rows.append(f"{g.num(1000, 9999):07d},tideline,administrator,{_k('root@localhost')},,Cron job failing")
    return "mantis_export.csv", _lines("Id,Project,Reporter,Reporter Email,Assigned To,Summary", *rows)


def _bt_bugzilla_rest(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    bug_id = g.num(10000, 99999)
    creator = {"email": _s("email", mail), "real_name": _s("person-name", full), "id": g.num(10, 900)}
    bug = {"id": bug_id, "summary": "Crash when saving a filter", "creator_detail": creator, "status": "NEW"}
    return "bug.json", (
        f'$ curl -s "https://bugs.{_BT}/rest/version"\n{{"version":"{_k("5.0.4.1")}"}}\n'
        f'$ curl -s "https://bugs.{_BT}/rest/bug?id={bug_id}&api_key={_s("api-key", g.token(_ALNUM, 40))}'
        f'&include_fields=id,summary,creator_detail,status"\n{_j({"bugs": [bug]})}\n'
    )


def _bt_redmine_api(g: _Gen) -> tuple[str, str]:
    issue = g.num(1000, 9999)
    return "issue.txt", (
        f"$ curl -s -H 'X-Redmine-API-Key: {_s('api-key', g.hexs(40))}' "
        f"https://redmine.{_BT}/issues/{issue}.json?include=changesets\n"
        f'{{"issue":{{"id":{issue},"subject":"Search ignores closed versions","changesets":[\n'
        f'  {{"revision":"{_k(g.hexs(40))}","comments":"Fix version filter in search"}}]}}}}\n'
    )


def _bt_patch_mail(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    return "0001-fix.patch", (
        f"From {_k(g.hexs(40))} Mon Sep 17 00:00:00 2001\n"
        f"From: {_s('person-name', full)} <{_s('email', mail)}>\nDate: Wed, 4 Mar 2026 {_clock(g)} +0100\n"
        f"Subject: [PATCH] Respect time zone in the activity feed\nCc: {_k('noreply@' + _BT)}\n\n"
        f"Signed-off-by: {_s('person-name', full)} <{_s('email', mail)}>\n---\n"
        " app/helpers/activities_helper.rb | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n"
    )


def _bt_gitlab(g: _Gen) -> tuple[str, str]:
    return "remote.txt", (
        "$ git remote -v\n"
        f"origin\thttps://oauth2:{_s('gitlab-token', g.run('gitlab'))}@gitlab.{_BT}/tools/agile.git (fetch)\n"
        f"upstream\t{_k('git@github.com')}:redmine/redmine.git (fetch)\n"
        f"$ git log -1 --format=%H upstream/master\n{_k(g.hexs(40))}\n"
    )


def _bt_compose(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    user = g.username(first, last)
    return "docker-compose.yml", (
        f"[{_s('home-username', user)}@bugs-01 redmine]$ cat docker-compose.yml\n"
        "services:\n  redmine:\n    image: redmine:6.0\n    environment:\n      REDMINE_DB_MYSQL: db\n"
        f"      REDMINE_DB_PASSWORD: {_s('password', g.password())}\n"
        f"  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: {_k('${MYSQL_ROOT_PASSWORD}')}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# speech-therapy


def _st_note_export(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    clinician, _, _ = _name(g)
    note = {
        "note_id": g.uuid(),
        "client": {"first_name": _s("person-name", first), "last_name": _s("person-name", last), "age": 7},
        "clinician_name": _s("person-name", clinician),
        "service_code": "92507",
        "template_version": _k(f"3.2.0.{g.num(10, 40)}"),
        "goals": ["/r/ in initial position, word level, 80% accuracy", "carryover of /s/ blends"],
    }
    return "note.json", _j(note) + "\n"


def _st_zoom_env(g: _Gen) -> tuple[str, str]:
    return "telepractice/.env", (
        f"ZOOM_VIDEO_SDK_KEY={g.token(_ALNUM, 22)}\nZOOM_VIDEO_SDK_SECRET={_s('client-secret', g.token(_ALNUM, 36))}\n"
        f"SUPABASE_URL=https://{g.chars(_LO, 20)}.supabase.co\n"
        f"SUPABASE_PUBLISHABLE_KEY={_k(g.run('supabase-publishable'))}\n"
        f"SUPABASE_SECRET_KEY={_s('supabase-secret-key', g.run('supabase-secret'))}\n"
    )


def _st_soap(g: _Gen) -> tuple[str, str]:
    full, _, _ = _name(g)
    return f"notes/{_day(g)}.md", (
        f"# Session note\n\nClient Name: {_s('person-name', full)}\nSession: 45 min, telepractice\n\n"
        "**S:** Parent reports more self-correction at home this week.\n"
        "**O:** /r/ in initial position 17/25 (68%) with a visual cue; 9/25 without.\n"
        "**A:** Steady gains; cueing hierarchy working.\n**P:** Continue twice weekly; send the home practice sheet.\n"
        f"<!-- generated by notesmith {_k(f'4.0.2.{g.num(10, 30)}')} -->\n"
    )


def _st_webhook(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    payload = {
        "name": _s("person-name", full),
        "email": _s("email", mail),
        "event_type": "Initial evaluation (60 min)",
        "uri": f"https://api.calendly.com/scheduled_events/{_k(g.uuid())}/invitees/{g.token(_ALNUM, 16)}",
        "timezone": "America/Chicago",
    }
    body = _j({"event": "invitee.created", "payload": payload})
    return "webhook.json", f"POST /hooks/calendly 200 {g.num(8, 60)}ms\n{body}\n"


def _st_home(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    user = g.username(first, last)
    return "ls.txt", (
        f"$ ls -la /Users/{_s('home-username', user)}/Documents/Caseload/\ntotal {g.num(8, 40)}\n"
        f"drwx------   6 {_s('home-username', user)}  staff   192 Mar  3 09:14 .\n"
        f"drwxr-xr-x   5 {_k('root')}  admin   160 Jan 12 08:01 ..\n"
        f"-rw-r--r--   1 staff  {g.num(9000, 90000)} Mar  3 09:12 progress.xlsx\n"
    )


def _st_calendar_sa(g: _Gen) -> tuple[str, str]:
    body = g.ec_pem_body(pkcs8=True).replace("\n", "\\n")
    return "calendar-sync-key.json", (
        '{\n  "type": "service_account",\n  "project_id": "clearvoice-scheduling",\n'
        f'  "private_key_id": "{_s("gcp-key-id", g.hexs(40))}",\n'
        f'  "private_key": "{_pem_marker("")}\\n{_s("private-key-pem", body)}\\n{_pem_marker("", end=True)}\\n",\n'
        '  "client_email": "calendar-sync@clearvoice-scheduling.iam.gserviceaccount.com"\n}\n'
    )


def _st_aws(g: _Gen) -> tuple[str, str]:
    return "credentials", (
        "$ cat ~/.aws/credentials\n[recordings-upload]\n"
        f"aws_access_key_id = {_s('aws-access-key-id', g.aws_key_id())}\n"
        f"aws_secret_access_key = {_s('aws-secret-access-key', g.aws_secret())}\n"
        f"region = us-east-2\n\n[example]\naws_access_key_id = {_k(_AWS_EXAMPLE)}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# irrigation-agtech

_IR = "furrowlogic.io"


def _ir_rachio(g: _Gen) -> tuple[str, str]:
    full, mail, first = _name(g)
    info = {
        "id": g.uuid(),
        "username": first.lower(),
        "fullName": _s("person-name", full),
        "email": _s("email", mail),
    }
    return "rachio.txt", (
        f'# the sync job sends -H "Authorization: Bearer {_k("${RACHIO_TOKEN}")}"; by hand:\n'
        f"$ curl -s -H 'Authorization: Bearer {_s('bearer-token', g.uuid())}' https://api.rach.io/1/public/person/me\n"
        f"{_j(info)}\n"
    )


def _ir_growers(g: _Gen) -> tuple[str, str]:
    rows = []
    for farm in ("Sandhill Orchards", "Two Creeks Dairy"):
        full, mail, _ = _name(g)
        rows.append(
            f"G-{g.num(1000, 9999)},{farm},{_s('person-name', full)},{_s('email', mail)},{g.num(40, 2400)}"
        )
    head = f"# exported by agworks {_k(f'5.4.1.{g.num(100, 199)}')}"
    return "exports/growers.csv", _lines(head, "grower_id,farm_name,contact_name,email,acres", *rows)


def _ir_lorawan(g: _Gen) -> tuple[str, str]:
    eui = g.hexs(16)
    keys = {"devEui": eui, "nwkKey": _s("lorawan-key", g.hexs(32)), "appKey": _s("lorawan-key", g.hexs(32))}
    return "lorawan.txt", (
        f"$ chirpstack-cli device-keys get --dev-eui {eui}\n{_j({'deviceKeys': keys})}\n"
        f"$ ttn-lw-cli end-devices create furrow-valves valve-{g.num(100, 999)} \\\n"
        f"    --dev-eui 70B3D57ED005{g.hexs(4, True)} --root-keys.app-key.key {_s('lorawan-key', g.hexs(32, True))}\n"
    )


def _ir_ttn(g: _Gen) -> tuple[str, str]:
    return "ttn.txt", (
        "$ ttn-lw-cli applications api-keys create --application-id furrow-valves --right-application-traffic-read\n"
        f'{{\n  "id": "{g.chars(_B32, 39)}",\n  "key": "{_s("ttn-api-key", g.ttn())}",\n'
        '  "rights": ["RIGHT_APPLICATION_TRAFFIC_READ"]\n}\n'
        f"$ cat /etc/station/tc.key\nAuthorization: Bearer {_s('ttn-api-key', g.ttn())}\n"
    )


def _ir_maps_env(g: _Gen) -> tuple[str, str]:
    return "field-maps/.env", (
        f"GOOGLE_MAPS_API_KEY={_s('google-api-key', g.run('google'))}\n"
        f"MAPBOX_ACCESS_TOKEN={_k(g.mapbox('pk', 'furrowlogic'))}\n"
        f"MAPBOX_UPLOAD_TOKEN={_s('mapbox-secret-token', g.mapbox('sk', 'furrowlogic'))}\n"
    )


def _ir_netstatus(g: _Gen) -> tuple[str, str]:
    net = g.ip_private().rsplit(".", 1)[0]
    ip, gw = f"{net}.{g.num(100, 199)}", f"{net}.254"  # neither inside the other
    return "status.txt", (
        f"> show network\nFirmware Version ..... {_k('1.10.0.5')}\nIP Address ........... {_s('ip-address', ip)}\n"
        f"Netmask .............. {_k('255.255.255.0')}\nGateway .............. {_s('ip-address', gw)}\n"
        f"DNS .................. {_k('8.8.8.8')}\nCloud ................ connected (mqtt.{_IR})\n"
    )


def _ir_iot_key(g: _Gen) -> tuple[str, str]:
    fp = ":".join(g.hexs(2, True) for _ in range(32))
    return "certs.txt", (
        f"$ cat certs/valve-gw.key\n{_pem_marker('EC')}\n{_s('private-key-pem', g.ec_pem_body(pkcs8=False))}\n"
        f"{_pem_marker('EC', end=True)}\n$ openssl x509 -noout -fingerprint -sha256 -in certs/valve-gw.crt\n"
        f"sha256 Fingerprint={_k(fp)}\n"
    )


def _ir_hf(g: _Gen) -> tuple[str, str]:
    return "fetch_model.sh", (
        f"#!/usr/bin/env bash\nset -euo pipefail\nexport HF_TOKEN={_s('huggingface-token', g.run('huggingface'))}\n"
        f"huggingface-cli download furrowlogic/et0-forecaster --revision {_k(g.hexs(40))} --local-dir models/et0\n"
    )


# ---------------------------------------------------------------------------------------------------------
# mortgage-origination


def _mo_los(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    borrower = {
        "FirstName": _s("person-name", first),
        "LastName": _s("person-name", last),
        "TaxIdentificationIdentifier": _s("ssn", g.ssn()),
        "MaritalStatusType": "Married",
    }
    number = f"KL{g.chars(_DIG, 8)}"
    loan = {"loanNumber": number, "etag": _k(g.hexs(40)), "applications": [{"borrower": borrower}]}
    return "los_export.json", f"$ encompass-cli loans get {number} --fields borrower\n{_j(loan)}\n"


def _mo_experian(g: _Gen) -> tuple[str, str]:
    body = _j({"username": "ks-underwriting", "password": _s("password", g.password())}, indent=None)
    return "experian-token.sh", (
        f"# sandbox: same call with -H 'Client_secret: {_k('<your-client-secret>')}'\n"
        "curl -s -X POST https://us-api.experian.com/oauth2/v1/token \\\n"
        f"  -H 'Client_id: {g.token(_ALNUM, 32)}' \\\n"
        f"  -H 'Client_secret: {_s('client-secret', g.token(_ALNUM, 16))}' \\\n"
        f"  -H 'Content-Type: application/json' \\\n  -d '{body}'\n"
    )


def _mo_mismo(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    return "mismo/borrower.xml", (
        f'<MESSAGE MISMOVersionID="{_k("3.4.0.32")}">\n<PARTY>\n  <INDIVIDUAL><NAME>\n'
        f"    <FirstName>{_s('person-name', first)}</FirstName>\n    <LastName>{_s('person-name', last)}</LastName>\n"
        "  </NAME></INDIVIDUAL>\n  <TAXPAYER_IDENTIFIERS><TAXPAYER_IDENTIFIER>\n"
        "    <TaxpayerIdentifierType>SocialSecurityNumber</TaxpayerIdentifierType>\n"
        f"    <TaxpayerIdentifierValue>{_s('ssn', g.ssn(dashed=False))}</TaxpayerIdentifierValue>\n"
        "  </TAXPAYER_IDENTIFIER></TAXPAYER_IDENTIFIERS>\n</PARTY>\n</MESSAGE>\n"
    )


def _mo_uw_notes(g: _Gen) -> tuple[str, str]:
    full, _, _ = _name(g)
    return "uw_summary.txt", (
        f"UNDERWRITING SUMMARY\nBorrower name ......... {_s('person-name', full)}\n"
        f"SSN ................... {_s('ssn', g.ssn())}\nCredit score (mid) .... {g.num(640, 810)}\n"
        f"DTI ................... {g.num(18, 44)}.{g.num(0, 9)}%\n"
        f"AUS version ........... {_k(f'5.1.0.{g.num(10, 99)}')}\n"
        "Conditions: VOE within 10 days of closing; explain the large deposit from March.\n"
    )


def _mo_ci(g: _Gen) -> tuple[str, str]:
    return "pipeline.log", (
        "Run pip install -r requirements.txt\nCollecting pricing-engine@ "
        f"git+https://{_s('github-token', g.crc_token('gh' + 'p_'))}@github.com/keystone/pricing.git@v3.8.2\n"
        f"  # local dev uses GH_TOKEN={_k(_GH_FILLER)} from .env.example\n"
        f"  Created wheel for pricing: filename=pricing-3.8.2-py3-none-any.whl {_k('sha256=' + g.hexs(64))}\n"
        f"Run alembic upgrade head\nINFO  [alembic] Context impl PostgresqlImpl.\n"
        f"DB_URL=postgresql://los:{_s('url-password', g.password(url_safe=True))}@los-db.internal:5432/los\n"
    )


def _mo_basic(g: _Gen) -> tuple[str, str]:
    creds = base64.b64encode(f"ks-credit-{g.num(10, 99)}:{g.password()}".encode()).decode()
    stamp = f"{_day(g)} {_clock(g)}"
    return "credit-pull.log", (
        f"{stamp} DEBUG credit.client > POST /cr/v1/reports/tri-merge HTTP/1.1\n"
        f"{stamp} DEBUG credit.client > Authorization: Basic {_s('basic-auth', creds)}\n"
        f"{stamp} DEBUG credit.client > X-Correlation-Id: {_k(g.uuid())}\n"
        f"{stamp} INFO  credit.client < 200 OK ({g.num(900, 4000)} ms)\n"
    )


def _mo_gcloud(g: _Gen) -> tuple[str, str]:
    return "keys.txt", (
        "$ gcloud iam service-accounts keys list --iam-account=docai@keystone-los.iam.gserviceaccount.com\n"
        "KEY_ID                                    CREATED_AT            EXPIRES_AT\n"
        f"{_s('gcp-key-id', g.hexs(40))}  {_day(g)}T10:02:11Z  9999-12-31T23:59:59Z\n"
        f"$ gcloud secrets versions access latest {_k('--secret=los-db-password')} > /dev/null && echo ok\nok\n"
    )


# ---------------------------------------------------------------------------------------------------------
# hotel-channel-managers


def _ho_channels(g: _Gen) -> tuple[str, str]:
    return "channels.yaml", (
        f"channels:\n  booking_com:\n    hotel_id: {g.num(1000000, 9999999)}\n    username: seeblick-xml\n"
        f"    password: {_s('password', g.password())}\n  expedia:\n    eqc_username: EQC_seeblick\n"
        f"    eqc_password: {_s('password', g.password())}\n  airbnb:\n    api_key: {_k('<your-api-key>')}\n"
    )


def _ho_ota(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    return "OTA_HotelResNotifRQ.xml", (
        f'<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="{_k(g.uuid())}">\n'
        f'  <POS><Source><RequestorID ID="seeblick" MessagePassword="{_s("password", g.password())}"/></Source></POS>\n'
        "  <HotelReservations><HotelReservation><ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>\n"
        f"    <PersonName><GivenName>{_s('person-name', first)}</GivenName><Surname>{_s('person-name', last)}</Surname>"
        f"</PersonName>\n    <Email>{_s('email', g.email(first, last))}</Email>\n"
        "  </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>\n"
        f'  <Guarantee><GuaranteesAccepted><GuaranteeAccepted><PaymentCard CardNumber="{_s("credit-card", g.card())}" '
        f'ExpireDate="{g.num(1, 12):02d}{g.num(27, 31)}"/></GuaranteeAccepted></GuaranteesAccepted></Guarantee>\n'
        "  </HotelReservation></HotelReservations>\n</OTA_HotelResNotifRQ>\n"
    )


def _ho_export(g: _Gen) -> tuple[str, str]:
    rows = []
    for room in ("204", "311"):
        full, mail, _ = _name(g)
        rows.append(
            f"{g.num(100000, 999999)};{_day(g)};{_s('person-name', full)};{_s('email', mail)};{room};BAR"
        )
    rows.append(f"{g.num(100000, 999999)};{_day(g)};{_k('Jane Doe')};{_k('jane.doe@example.net')};000;TEST")
    return "reservations.csv", _lines("Reservation;Arrival;Guest name;Email;Room;Rate", *rows)


def _ho_payout(g: _Gen) -> tuple[str, str]:
    iban = g.iban(g.pick(["AT", "CH", "DE"]), grouped=bool(g.num(0, 1)))
    return "payout.yaml", (
        f"virtual_card_settlement:\n  account_holder: Seeblick Hotels GmbH\n  iban: {_s('iban', iban)}\n"
        f"  statement_email: {_k('accounts@example.net')}\n  schedule: weekly\n"
    )


def _ho_stripe(g: _Gen) -> tuple[str, str]:
    return "booking-engine/config.php", (
        f"<?php\nreturn [\n    'stripe_secret' => '{_s('stripe-secret-key', g.stripe('sk'))}',\n"
        f"    'stripe_key' => '{_k(g.stripe('pk'))}',\n"
        f"    'stripe_webhook_secret' => '{_s('stripe-webhook-secret', g.stripe('whsec'))}',\n"
        f"    'test_card' => '{_k(_TEST_CARDS[g.num(0, 3)])}',\n];\n"
    )


def _ho_hostapd(g: _Gen) -> tuple[str, str]:
    return "hostapd.conf", (
        "interface=wlan0\nssid=Seeblick-Guest\nhw_mode=g\nchannel=6\nwpa=2\nwpa_key_mgmt=WPA-PSK\n"
        f"wpa_passphrase={_s('wifi-psk', g.password())}\n# management VLAN {_k('192.168.0.0/16')}\n"
    )


def _ho_extranet(g: _Gen) -> tuple[str, str]:
    gid = f"GA1.2.{g.num(10**8, 10**9)}.{g.num(10**9, 2 * 10**9)}"
    return "extranet.http", (
        "GET /extranet/api/availability?hotel_id=1422&start=2026-04-01 HTTP/1.1\nHost: admin.channel-hub.net\n"
        f"Cookie: ch_session={_s('session-cookie', g.token(_B64URL, 48))}; lang=de; _gid={_k(gid)}\n"
        f"Postman-Token: {_k(g.uuid())}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# radio-broadcast

_RB = "kwvr-fm.org"


def _rb_icecast(g: _Gen) -> tuple[str, str]:
    return "icecast.xml", (
        f"<icecast>\n  <authentication>\n    <source-password>{_s('password', g.password())}</source-password>\n"
        f"    <admin-user>admin</admin-user>\n    <admin-password>{_s('password', g.password())}</admin-password>\n"
        f"  </authentication>\n  <listen-socket><port>8000</port><bind-address>{_k('0.0.0.0')}</bind-address>"
        "</listen-socket>\n</icecast>\n"
    )


def _rb_liquidsoap(g: _Gen) -> tuple[str, str]:
    return "radio.liq", (
        'radio = fallback(track_sensitive=false, [input.harbor("live"), playlist("/srv/audio/rotation.m3u")])\n'
        f'output.icecast(%mp3(bitrate=128), host="{_s("ip-address", g.ip_private())}", port=8000,\n'
        f'  password="{_s("password", g.password())}", mount="/live.mp3", radio)\n'
        f'output.icecast(%mp3, host="{_k("127.0.0.1")}", password="{_k("changeme")}", mount="/test.mp3", radio)\n'
    )


def _rb_encoder(g: _Gen) -> tuple[str, str]:
    return "zipstream-export.ini", (
        f"[Device]\nFirmware={_k(f'2.11.0.{g.num(2, 9)}')}\n\n[Stream1]\nFormat=AAC-LC\nServerType=Icecast2\n"
        f"ServerHost=stream.{_RB}\nMount=/kwvr-aac\nStreamUser=source\nStreamPassword={_s('password', g.password())}\n"
        f"\n[Backhaul]\nTarget=srt://relay.{_RB}:9000?mode=caller&passphrase="
        f"{_s('password', g.password(url_safe=True))}&latency=400\n"
    )


def _rb_contest(g: _Gen) -> tuple[str, str]:
    rows = []
    for answer in ("Fleetwood Mac", "The Cars"):
        full, mail, _ = _name(g)
        rows.append(f"{g.num(1000, 9999)},{_s('person-name', full)},{_s('email', mail)},{answer},{_day(g)}")
    head = f"# exported by contestpro {_k(f'5.4.1.{g.num(100, 199)}')}"
    return "contest_entries.csv", _lines(head, "entry_id,name,email,answer,submitted", *rows)


def _rb_rss(g: _Gen) -> tuple[str, str]:
    full, mail, _ = _name(g)
    return "podcast/feed.xml", (
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">\n<channel>\n'
        f"  <title>KWVR Morning Drive</title>\n  <generator>podgen {_k(f'2.3.0.{g.num(2, 9)}')}</generator>\n"
        f"  <itunes:owner>\n    <itunes:name>{_s('person-name', full)}</itunes:name>\n"
        f"    <itunes:email>{_s('email', mail)}</itunes:email>\n  </itunes:owner>\n</channel>\n</rss>\n"
    )


def _rb_cloud(g: _Gen) -> tuple[str, str]:
    return "infra.env", (
        f"DIGITALOCEAN_TOKEN={_s('digitalocean-token', g.run('digitalocean'))}\n"
        f"SHOPIFY_ADMIN_TOKEN={_s('shopify-access-token', g.run('shopify'))}\n"
        f"SHOPIFY_ADMIN_TOKEN_EXAMPLE={_k('shp' + 'at_' + 'x' * 32)}\nSHOPIFY_STORE=kwvr-merch.myshopify.com\n"
    )


def _rb_windows(g: _Gen) -> tuple[str, str]:
    first, last = g.person()
    user = _s("home-username", g.username(first, last))
    stamp = f"{_day(g)} {_clock(g)}"
    return "dad.log", (
        f"{stamp} [INFO] Loading carts from C:\\Users\\{user}\\AppData\\Roaming\\ENCO\\carts.db\n"
        f"{stamp} [WARN] Playout PC {_s('ip-address', g.ip_private())} missed 2 heartbeats\n"
        f"{stamp} [INFO] DAD version {_k(f'21.4.0.{g.num(100, 199)}')} ready\n"
    )


def _rb_htpasswd(g: _Gen) -> tuple[str, str]:
    body, pub = g.openssh("backup@studio-a")
    return "studio-a.txt", (
        f"$ cat /etc/nginx/.htpasswd-stats\nadmin:{_s('password-hash', g.bcrypt())}\n"
        f"$ cat ~/.ssh/id_ed25519\n{_pem_marker('OPENSSH')}\n{_s('openssh-private-key', body)}\n"
        f"{_pem_marker('OPENSSH', end=True)}\n$ cat ~/.ssh/id_ed25519.pub\n{_k(pub)}\n"
    )


# ---------------------------------------------------------------------------------------------------------
# mdm-kiosk-tablets


def _md_policy(g: _Gen) -> tuple[str, str]:
    wifi = {"SSID": "Lantern-Store", "Security": "WPA-PSK", "Passphrase": _s("wifi-psk", g.password())}
    policy = {
        "name": f"enterprises/LC0{g.chars(_LO + _DIG, 7)}/policies/kiosk-pos",
        "applications": [{"packageName": "com.lanternretail.pos", "installType": "KIOSK"}],
        "openNetworkConfiguration": {"NetworkConfigurations": [{"Type": "WiFi", "WiFi": wifi}]},
        "kioskCustomization": {"statusBar": "SYSTEM_INFO_ONLY"},
    }
    enroll = "$ amapi enrollment-tokens create --policy kiosk-pos --duration 86400s --format value"
    return "policy.json", f"$ amapi policies get kiosk-pos\n{_j(policy)}\n{enroll}\n{g.chars(_UP, 20)}\n"


def _md_assign(g: _Gen) -> tuple[str, str]:
    rows = []
    for store in ("Store 114", "Store 207"):
        full, mail, _ = _name(g)
        rows.append(f"R9{g.chars(_UP + _DIG, 9)},{_s('person-name', full)},{_s('email', mail)},{store}")
    foot = f"# exported by assetflow {_k(f'5.4.1.{g.num(100, 199)}')}"
    return "assignments.csv", _lines("serial,employee_name,email,location", *rows, foot)


def _md_jamf(g: _Gen) -> tuple[str, str]:
    claims = {"authenticated-app": "GENERIC", "authentication-type": "JSS", "sub": str(g.num(1, 99))}
    return "jamf.txt", (
        f'$ curl -s -u "api-kiosk:{_s("password", g.password())}" -X POST https://lanternretail.jamfcloud.com/api/v1/auth/token\n'
        f'{{\n  "token" : "{_s("jwt", g.jwt(claims))}",\n  "expires" : "{_day(g)}T{_clock(g)}.000Z"\n}}\n'
        f'# next calls: -H "Authorization: Bearer {_k("${JAMF_TOKEN}")}"\n'
    )


def _md_intune(g: _Gen) -> tuple[str, str]:
    secret = g.token(_ALNUM, 3) + "8Q~" + g.token(_ALNUM + "_.~", 34)
    return "intune-sync/.env", (
        f"AZURE_TENANT_ID={g.uuid()}\nAZURE_CLIENT_ID={g.uuid()}\n"
        f"AZURE_CLIENT_SECRET={_s('client-secret', secret)}\n"
        f"APPINSIGHTS_CONNECTION_STRING={_k('InstrumentationKey=' + g.uuid())}\n"
    )


def _md_adb(g: _Gen) -> tuple[str, str]:
    ip = f"192.168.{g.num(2, 250)}.{g.num(100, 199)}"  # no prefix of its broadcast address
    return "adb.txt", (
        f"$ adb -s R9{g.chars(_UP + _DIG, 9)} shell ip addr show\n"
        f"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n    inet {_k('127.0.0.1')}/8 scope host lo\n"
        "3: wlan0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP qlen 3000\n"
        f"    inet {_s('ip-address', ip)}/24 brd {_k(ip.rsplit('.', 1)[0] + '.255')} scope global wlan0\n"
    )


def _md_shadow(g: _Gen) -> tuple[str, str]:
    return "shadow.txt", (
        "$ sudo grep -v ':\\*:' image/rootfs/etc/shadow\n"
        f"kiosk:{_s('password-hash', g.sha512crypt())}:20450:0:99999:7:::\n{_k('root')}:!:20450:0:99999:7:::\n"
    )


# ---------------------------------------------------------------------------------------------------------
# The part: templates per setting, deliveries, labels.

_Template = Callable[[_Gen], tuple[str, str]]
# Each setting's templates, and how many documents each gives.
# fmt: off
_TEMPLATES: dict[str, tuple[tuple[_Template, int], ...]] = {
    "fraud-detection": (
        (_fd_env, 3), (_fd_queue, 2), (_fd_backfill, 3), (_fd_stripe, 3), (_fd_chargebacks, 2), (_fd_workflow, 5),
        (_fd_fixture, 5),
    ),
    "warehouse-robotics": (
        (_wh_app_yml, 3), (_wh_fleet_login, 5), (_wh_robots, 3), (_wh_roster, 2), (_wh_compose, 3),
        (_wh_traceback, 3), (_wh_deploy_key, 5), (_wh_alerts, 3),
    ),
    "newsroom-cms": (
        (_nr_wp_config, 3), (_nr_sources, 2), (_nr_wires, 3), (_nr_npm, 5), (_nr_next_env, 5),
        (_nr_newsletter, 5), (_nr_gitlog, 3), (_nr_totp, 3),
    ),
    "student-loans": (
        (_sl_export, 2), (_sl_api, 2), (_sl_portal_env, 3), (_sl_netrc, 5), (_sl_django, 3), (_sl_insert, 2),
        (_sl_ticket, 2), (_sl_fixture, 5),
    ),
    "crypto-exchanges-ops": (
        (_cx_ccxt, 3), (_cx_age, 5), (_cx_kyc, 2), (_cx_vault, 5), (_cx_nats, 5), (_cx_telegram, 3),
        (_cx_totp, 3),
    ),
    "bug-trackers-self-hosted": (
        (_bt_redmine_db, 3), (_bt_mantis, 3), (_bt_mantis_csv, 2), (_bt_bugzilla_rest, 2), (_bt_redmine_api, 5),
        (_bt_patch_mail, 2), (_bt_gitlab, 5), (_bt_compose, 3),
    ),
    "speech-therapy": (
        (_st_note_export, 2), (_st_zoom_env, 3), (_st_soap, 5), (_st_webhook, 4),
        (_st_home, 4), (_st_calendar_sa, 3), (_st_aws, 3),
    ),
    "irrigation-agtech": (
        (_ir_rachio, 2), (_ir_growers, 2), (_ir_lorawan, 2), (_ir_ttn, 4), (_ir_maps_env, 3), (_ir_netstatus, 3),
        (_ir_iot_key, 5), (_ir_hf, 5),
    ),
    "mortgage-origination": (
        (_mo_los, 2), (_mo_experian, 3), (_mo_mismo, 2), (_mo_uw_notes, 4), (_mo_ci, 3),
        (_mo_basic, 5), (_mo_gcloud, 5),
    ),
    "hotel-channel-managers": (
        (_ho_channels, 4), (_ho_ota, 2), (_ho_export, 2), (_ho_payout, 5), (_ho_stripe, 3),
        (_ho_hostapd, 5), (_ho_extranet, 5),
    ),
    "radio-broadcast": (
        (_rb_icecast, 3), (_rb_liquidsoap, 3), (_rb_encoder, 3), (_rb_contest, 2), (_rb_rss, 4), (_rb_cloud, 3),
        (_rb_windows, 4), (_rb_htpasswd, 3),
    ),
    "mdm-kiosk-tablets": (
        (_md_policy, 5), (_md_assign, 2), (_md_jamf, 4), (_md_intune, 5), (_md_adb, 5),
        (_md_shadow, 5),
    ),
}
# fmt: on

_MARK = re.compile("\ue000([^\ue001]*)\ue001([^\ue002]*)\ue002|\ue003([^\ue004]*)\ue004")
_LANGS = {
    "py": "python", "yml": "yaml", "yaml": "yaml", "json": "json", "php": "php", "xml": "xml", "sh": "bash",
    "toml": "toml", "csv": "csv", "sql": "sql", "md": "markdown", "ini": "ini", "liq": "ruby", "conf": "ini",
}  # fmt: skip
_Span = tuple[int, int]


def _parse(marked: str) -> tuple[str, list[tuple[str, int, int]], list[_Span]]:
    """Strips a template's marks, giving its text and its labels' spans."""
    out: list[str] = []
    secrets: list[tuple[str, int, int]] = []
    keeps: list[_Span] = []
    pos = n = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        n += m.start() - pos
        value = m.group(2) if m.group(1) is not None else m.group(3)
        if m.group(1) is not None:
            secrets.append((m.group(1), n, n + len(value)))
        else:
            keeps.append((n, n + len(value)))
        out.append(value)
        n += len(value)
        pos = m.end()
    out.append(marked[pos:])
    raw = "".join(out)
    if re.search("[\ue000-\ue004]", raw):
        raise ValueError("a mark was left unbalanced")
    return raw, secrets, keeps


def _deliver(g: _Gen, raw: str, path: str, delivery: str) -> tuple[str, Callable[[int], int]]:
    """The text as delivered, and where each offset of the raw text lands in it."""
    if delivery == "plain":
        return raw, lambda o: o
    if delivery == "json":
        head = '{"type":"tool_result","content":'
        text = head + json.dumps(raw) + ',"is_error":false}\n'
        return text, lambda o: len(head) + len(json.dumps(raw[:o])) - 1
    if delivery == "fence":
        head = f"Contents of `{path}`:\n\n```{_LANGS.get(path.rsplit('.', 1)[-1], 'text')}\n"
        return head + raw + "```\n", lambda o: len(head) + o
    lines = raw[:-1].split("\n")
    head = ""
    if delivery == "diff":
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{g.hexs(7)}\n"
        head += f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        prefixes = ["+"] * len(lines)
    elif delivery == "numbered":
        start, arrow = g.num(1, 140), g.num(0, 1)
        prefixes = [f"{start + i:>6}\u2192" if arrow else f"{start + i}\t" for i in range(len(lines))]
    else:
        t, day = g.num(0, 86000) * 1000, g.num(2, 27)
        prefixes = []
        for _ in lines:
            t += g.num(1, 900)
            s, ms = divmod(t, 1000)
            prefixes.append(
                f"2026-03-{day:02d}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{ms:03d}0000Z "
            )
    text = head + "\n".join(p + line for p, line in zip(prefixes, lines, strict=True)) + "\n"
    starts, before, total, at = [], [], 0, 0
    for p, line in zip(prefixes, lines, strict=True):
        total += len(p)
        starts.append(at)
        before.append(total)
        at += len(line) + 1

    def where(o: int) -> int:
        i = max(j for j, s in enumerate(starts) if s <= o)
        return len(head) + o + before[i]

    return text, where


def _validate(doc: Document) -> None:
    spans = sorted(
        [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        + [(k.offset, k.offset + len(k.text)) for k in doc.keeps]
    )
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            raise ValueError(f"{doc.name}: labels overlap")
    secret_spans = [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
    for s in doc.secrets:
        if s.cls not in CLASSES or doc.text[s.offset : s.offset + len(s.text)] != s.text or len(s.text) < 6:
            raise ValueError(f"{doc.name}: bad secret label {s.cls}")
        same = {t.offset for t in doc.secrets if t.text == s.text}
        if any(m.start() not in same for m in re.finditer(re.escape(s.text), doc.text)):
            raise ValueError(f"{doc.name}: a {s.cls} also stands unlabelled or inside another")
    for k in doc.keeps:
        if doc.text[k.offset : k.offset + len(k.text)] != k.text or "\n" in k.text:
            raise ValueError(f"{doc.name}: bad keep label")
        for m in re.finditer(re.escape(k.text), doc.text):
            if any(m.start() < b and a < m.end() for a, b in secret_spans):
                raise ValueError(f"{doc.name}: a keep overlaps a secret")


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of the part, built from `seed` alone."""
    g = _Gen(seed)
    docs: list[Document] = []
    for setting in SETTINGS:
        shift = g.num(0, len(DELIVERIES) - 1)
        for fn, copies in _TEMPLATES[setting]:
            for copy in range(copies):
                g.fresh()
                path, marked = fn(g)
                raw, raw_secrets, raw_keeps = _parse(marked)
                delivery = DELIVERIES[(len(docs) + shift) % len(DELIVERIES)]
                if delivery in ("numbered", "cilog") and any("\n" in raw[a:b] for _, a, b in raw_secrets):
                    delivery = g.pick(["plain", "json", "diff", "fence"])
                text, where = _deliver(g, raw, path, delivery)
                doc = Document(
                    name=f"{setting}/{fn.__name__.lstrip('_')}-{copy + 1}",
                    setting=setting,
                    delivery=delivery,
                    text=text,
                    secrets=tuple(Secret(c, text[where(a) : where(b)], where(a)) for c, a, b in raw_secrets),
                    keeps=tuple(Keep(text[where(a) : where(b)], where(a)) for a, b in raw_keeps),
                )
                _validate(doc)
                docs.append(doc)
    return docs


def corpus_digest(docs: list[Document]) -> str:
    """sha256 over a canonical JSON of the documents, their texts and labels."""
    blob = json.dumps(
        [attrs.asdict(d) for d in docs], sort_keys=True, separators=(",", ":"), ensure_ascii=True
    )
    return hashlib.sha256(blob.encode()).hexdigest()


def _masked(doc: Document) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.offset, reverse=True):
        text = text[: s.offset] + "x" * len(s.text) + text[s.offset + len(s.text) :]
    return text


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets went (whole, and with no fragment left), and how many keeps stayed."""
    total = removed = clean = vendor_total = vendor_removed = keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        baseline = scrub(_masked(doc)) if doc.secrets else out
        for s in doc.secrets:
            gone = s.text not in out
            windows = {s.text[i : i + 6] for i in range(len(s.text) - 5)}
            fragment = any(w in out and w not in baseline for w in windows)
            total += 1
            removed += gone
            clean += gone and not fragment
            if s.cls in VENDOR_CLASSES:
                vendor_total += 1
                vendor_removed += gone
        for k in doc.keeps:
            keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    return {
        "secrets": float(total),
        "recall": ratio(removed, total),
        "recall_no_fragment": ratio(clean, total),
        "vendor_prefix_recall": ratio(vendor_removed, vendor_total),
        "keep_rate": ratio(kept, keeps),
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber on this part (imported here, never at import time)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
