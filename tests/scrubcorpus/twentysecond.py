"""The twenty-second held-back scrub corpus.

Settings: shell dotfiles and history (``.zshrc``/``.bashrc`` exports, ``.bash_history``, fish history, direnv's
``.envrc``, ``.netrc``, keys printed by ``cat``); Windows administration (PowerShell with plain-text passwords,
``.reg`` exports with autologon, ``.rdp`` files, ``cmdkey``, ``unattend.xml``, ``Get-ADUser``); Kafka and
ZooKeeper (JAAS, ``client.properties``, kcat, SCRAM users, ``zoo.cfg``, client logs); self-hosted git forges and
CI runners (Gitea/Forgejo/Gogs ``app.ini``, Woodpecker/Drone, Jenkins configuration-as-code, Groovy init scripts,
user and credential XML, the CLI, GitLab runners, commit logs); virtualization and hypervisors (Vagrantfiles,
Packer HCL and JSON, govc, ESXi, libvirt, Proxmox, cloud-init); ERP and mainframe integration (SAP JCo
destinations, BTP destinations, ``sapnwrfc.ini``, vendor bank tables, ISO 20022 payment files, AS/400 JT400 and
ODBC, Oracle clients and wallets); team chat self-hosting and chat-ops (Mattermost, Rocket.Chat, Zulip, Errbot,
Hubot, user listings, incoming webhooks, a bot's GitHub App key); password manager exports (Bitwarden CSV and JSON,
LastPass CSV, KeePass XML, 1Password ``.1pux``, the managers' CLIs); Jupyter and Colab outputs (``os.environ``,
``%env``, tracebacks, data frames, the server's log, Colab cells); log shippers and SIEM (Filebeat, Logstash,
Fluent Bit, Splunk, Graylog, the shippers' own logs); printers, NAS and home-office devices (Synology's API,
QNAP's configuration, printers' configuration pages and exports, scan-to-e-mail address books, ``synouser``, a
NAS's shadow file, Samba); browser automation and scraping (Playwright, Puppeteer, Selenium grids, cookie dumps,
storage states, Scrapy).

Labels follow the scrubber's published policy alone, the docstring of ``client_actors.scrub``: what it says goes
is a `Secret`; what it says stays, and look-alikes of secrets that it keeps, are a `Keep`; what it leaves open is
not labelled. Every value is a fake drawn at build time from a seeded ``random.Random``, valid for its format where
the format has a check (GitHub and npm tokens' CRC32, Luhn, IBAN's mod 97, SSN issuance ranges, JWTs' base64url
JSON, PEM and OpenSSH layouts, BIP-39's checksum). Each document is delivered one of six ways (plain, a JSON
transcript line, a diff's added lines, numbered lines, CI log lines, a Markdown fence), and its labels are the
values' exact text as delivered. The measure reports aggregates only, never a value or a document's result.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import random
import string
import struct
import uuid
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

import attrs

DEFAULT_SEED = 20261222


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


VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "npm-token",
        "aws-access-key",
        "slack-token",
        "stripe-key",
        "openai-api-key",
        "anthropic-api-key",
        "gitlab-token",
        "google-api-key",
        "huggingface-token",
        "sendgrid-api-key",
        "dockerhub-token",
        "digitalocean-token",
        "vault-token",
        "pypi-token",
        "grafana-token",
    }
)

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "url-password",
        "secret-access-key",
        "bearer-token",
        "api-key",
        "app-secret",
        "client-secret",
        "jwt",
        "private-key",
        "openssh-private-key",
        "password-hash",
        "totp-secret",
        "session-cookie",
        "splunk-hec-token",
        "proxmox-token",
        "ceph-key",
        "jenkins-api-token",
        "ci-shared-secret",
        "chat-token",
        "url-token",
        "slack-webhook-secret",
        "recovery-phrase",
        "email",
        "person-name",
        "private-ip",
        "public-ip",
        "iban",
        "card-number",
        "ssn",
        "home-username",
    }
)

SETTINGS: tuple[str, ...] = (
    "shell-dotfiles",
    "windows-admin",
    "kafka-zookeeper",
    "forge-ci",
    "virtualization",
    "erp-mainframe",
    "chat-ops",
    "password-exports",
    "jupyter-colab",
    "log-shipping",
    "printers-nas",
    "browser-automation",
)

DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------------------------
# Alphabets and word lists

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_LOWER_ALNUM = string.ascii_lowercase + string.digits
_UPPER_ALNUM = string.ascii_uppercase + string.digits
_B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
_B64URL = string.ascii_letters + string.digits + "-_"
_B32 = string.ascii_uppercase + "234567"
_B32_LOWER = string.ascii_lowercase + "234567"
_HEX = "0123456789abcdef"
_CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
_SYMBOLS = "!%*+-.^_~"
_URL_SYMBOLS = "-._~"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The first 128 words of BIP-39's English list, in order (indices 0 to 127).
BIP39_HEAD: tuple[str, ...] = _words(
    "abandon ability able about above absent absorb abstract absurd abuse access accident account accuse "
    "achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust "
    "admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport "
    "aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always "
    "amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce "
    "annual another answer antenna antique anxiety any apart apology appear apple approve april arch "
    "arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist "
    "artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude attract "
    "auction audit august aunt author auto autumn average avocado"
)

_FIRST: tuple[str, ...] = _words(
    "Olivia Liam Emma Noah Amelia Mateo Sofia Lucas Priya Arjun Mei Hiroshi Fatima Omar Ingrid Lars "
    "Chiara Marco Aisha Kwame Elena Dmitri Camila Diego Hannah Jonas Zara Ravi Yuki Sven Nadia Tomasz "
    "Leila Mateus Grace Ethan Chloe Samuel Isla Felix Ana Pedro Katarzyna Bogdan Aylin Emre Freya Oscar "
    "Maya Julian Rosa Henrik Beatriz"
)
_LAST: tuple[str, ...] = _words(
    "Garcia Nguyen Kowalski Okafor Lindqvist Rossi Fernandes Nakamura Haddad Patel Schmidt Dubois Novak "
    "Jensen Moreno Petrov Silva Kim Oliveira Brennan Fischer Costa Yilmaz Horvath Andersen Mensah Ivanova "
    "Castillo Lefebvre Bauer Romero Takahashi Svensson Kaplan Murphy Walsh Chowdhury Abara Sato Weber "
    "Hughes Laurent Marsh Duarte Keller Varga Ortiz Quinn Farouk Halloran Brandt Soto Nieminen"
)
_CO1: tuple[str, ...] = _words(
    "amber cobalt harbor granite juniper meadow summit lumen orchid tidal cedar falcon polar quartz sable "
    "willow zephyr nimbus vertex birch copperleaf northwind ironbark bluefin redwood silverline larkspur "
    "brightwater"
)
_CO2: tuple[str, ...] = _words(
    "labs systems freight health works logistics analytics robotics foods retail energy media clinic studio"
)
_TLDS = ("com", "io", "co", "de", "net", "eu", "co.uk", "nl", "fr")
_WORDS: tuple[str, ...] = _words(
    "lilac mango ember opal falcon marble saffron juniper copper harbor violet thunder maple cobalt "
    "willow quartz sparrow canyon velvet orbit pepper glacier meadow cinder lantern tundra walnut basil "
    "coral fjord nectar pebble"
)
_TOPICS: tuple[str, ...] = _words(
    "orders payments shipments invoices clickstream audit-log inventory user-events"
)
_SERVICES: tuple[str, ...] = _words("orders billing ledger search notifier reporting etl checkout")


def _hex(groups: str) -> bytes:
    """Bytes from hex written in groups (DER headers are public structure, not values)."""
    return bytes.fromhex(groups.replace(" ", ""))


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _crc_b62(body: str) -> str:
    n = binascii.crc32(body.encode())
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(6, "0")


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for idx, d in enumerate(reversed(digits)):
        if idx % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def crc_token_ok(token: str, prefix: str) -> bool:
    if not token.startswith(prefix):
        return False
    rest = token[len(prefix) :]
    return len(rest) == 36 and _crc_b62(rest[:30]) == rest[30:]


def ssn_ok(ssn: str) -> bool:
    area, group, serial = ssn.split("-")
    a = int(area)
    return 0 < a < 900 and a != 666 and int(group) > 0 and int(serial) > 0


def bip39_ok(phrase: str) -> bool:
    words = phrase.split()
    if len(words) not in (12, 24) or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    n_cs = len(words) * 11 // 33
    ent = bits[: len(bits) - n_cs]
    data = int(ent, 2).to_bytes(len(ent) // 8, "big")
    digest = hashlib.sha256(data).digest()
    return format(digest[0], "08b")[:n_cs] == bits[len(bits) - n_cs :]


# ---------------------------------------------------------------------------------------------------------------
# Fakes


class _Fake:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self._clock = datetime(2026, 3, 2, 8, 0, 0)

    # basics
    def run(self, n: int, alphabet: str) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def raw(self, n: int) -> bytes:
        return self.r.randbytes(n)

    def subset(self, n: int, lo: int, hi: int, must: int) -> set[int]:
        first = must % n
        others = [j for j in range(n) if j != first]
        self.r.shuffle(others)
        return {first, *others[: max(0, self.r.randint(lo, hi) - 1)]}

    def hexs(self, n: int) -> str:
        return self.run(n, _HEX)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def when(self, minutes: int = 90) -> datetime:
        self._clock += timedelta(minutes=self.num(1, minutes), seconds=self.num(0, 59))
        return self._clock

    def epoch(self) -> int:
        return int(self.when().timestamp())

    # people and places
    def first(self) -> str:
        return self.pick(_FIRST)

    def last(self) -> str:
        return self.pick(_LAST)

    def person(self) -> tuple[str, str]:
        return self.first(), self.last()

    def domain(self) -> str:
        return f"{self.pick(_CO1)}{self.pick(_CO2)}.{self.pick(_TLDS)}"

    def email(self, first: str, last: str, domain: str) -> str:
        f, lname = first.lower(), last.lower()
        local = self.pick(
            [f"{f}.{lname}", f"{f[0]}{lname}", f"{f}_{lname}", f"{f}.{lname[0]}", f"{lname}.{f}"]
        )
        return f"{local}@{domain}"

    def login(self, first: str | None = None, last: str | None = None) -> str:
        first = first or self.first()
        last = last or self.last()
        return (first[0] + last).lower() + self.pick(["", "", str(self.num(2, 9))])

    def priv_ip(self) -> str:
        while True:
            fam = self.num(0, 2)
            if fam == 0:
                octets = [10, self.num(1, 254), self.num(0, 254), self.num(2, 253)]
            elif fam == 1:
                octets = [172, self.num(16, 31), self.num(0, 254), self.num(2, 253)]
            else:
                octets = [192, 168, self.num(2, 254), self.num(2, 253)]
            if len(set(octets)) > 1:
                return ".".join(map(str, octets))

    def pub_ip(self) -> str:
        first = self.pick(
            [23, 31, 34, 37, 45, 46, 51, 52, 62, 77, 80, 85, 91, 94, 104, 139, 141, 145, 157, 159]
        )
        return f"{first}.{self.num(1, 254)}.{self.num(0, 254)}.{self.num(2, 253)}"

    def doc_ip(self) -> str:
        return f"{self.pick(['192.0.2', '198.51.100', '203.0.113'])}.{self.num(2, 250)}"

    # passwords
    def pw(self, style: str | None = None, url: bool = False) -> str:
        style = style or self.pick(["gen", "gen", "phrase", "human"])
        symbols = _URL_SYMBOLS if url else _SYMBOLS
        if style == "phrase":
            sep = self.pick(".-_")
            w1, w2 = self.r.sample(_WORDS, 2)
            if self.chance(0.5):
                return f"{w1}{sep}{w2}{self.num(10, 9999)}"
            return f"{w1.capitalize()}{sep}{w2.capitalize()}{sep}{self.num(10, 999)}"
        if style == "human":
            return f"{self.pick(_WORDS).capitalize()}{self.num(100, 9999)}{self.pick(symbols)}"
        while True:
            n = self.num(14, 22)
            body = self.pick(string.ascii_letters) + self.run(n - 1, _ALNUM + symbols * 2)
            if (
                any(c.isdigit() for c in body)
                and any(c.isupper() for c in body)
                and any(c.islower() for c in body)
                and any(c in symbols for c in body)
            ):
                return body

    # vendor tokens
    def github(self, prefix: str = "ghp_") -> str:
        body = self.run(30, B62)
        return prefix + body + _crc_b62(body)

    def npm(self) -> str:
        body = self.run(30, B62)
        return "npm_" + body + _crc_b62(body)

    def aws_key(self) -> str:
        return self.pick(["AKIA", "ASIA", "AKIA"]) + self.run(16, string.ascii_uppercase + "234567")

    def aws_secret(self) -> str:
        return self.run(40, _B64)

    def slack_bot(self) -> str:
        return f"xoxb-{self.num(10**10, 10**12)}-{self.num(10**11, 10**13)}-{self.run(24, _ALNUM)}"

    def slack_user(self) -> str:
        return f"xoxp-{self.num(10**10, 10**12)}-{self.num(10**10, 10**12)}-{self.num(10**11, 10**13)}-{self.hexs(32)}"

    def slack_app(self) -> str:
        return f"xapp-1-A{self.run(10, _UPPER_ALNUM)}-{self.num(10**12, 10**13)}-{self.hexs(64)}"

    def stripe(self) -> str:
        return self.pick(["sk_live_", "rk_live_"]) + "51" + self.run(self.num(60, 97), _ALNUM)

    def openai(self) -> str:
        return "sk-proj-" + self.run(64, _B64URL) + "T3BlbkFJ" + self.run(64, _B64URL)

    def anthropic(self) -> str:
        return "sk-ant-api03-" + self.run(93, _B64URL) + "AA"

    def glpat(self) -> str:
        return "glpat-" + self.run(20, _B64URL)

    def glrt(self) -> str:
        return "glrt-" + self.run(20, _B64URL)

    def google(self) -> str:
        return "AIza" + self.run(35, _B64URL)

    def hf(self) -> str:
        return "hf_" + self.run(34, string.ascii_letters)

    def sendgrid(self) -> str:
        return "SG." + self.run(22, _B64URL) + "." + self.run(43, _B64URL)

    def dockerhub(self) -> str:
        return "dckr_pat_" + self.run(27, _B64URL)

    def digitalocean(self) -> str:
        return "dop_v1_" + self.hexs(64)

    def vault(self) -> str:
        return "hvs." + self.run(24, _ALNUM)

    def pypi(self) -> str:
        return "pypi-AgEIcHlwaS5vcmc" + self.run(self.num(60, 120), _B64URL)

    def grafana(self) -> str:
        if self.chance(0.5):
            return "glsa_" + self.run(32, _ALNUM) + "_" + self.hexs(8)
        claims = {
            "o": str(self.num(100000, 999999)),
            "n": f"stack-{self.num(100000, 999999)}-logs-write",
            "k": self.run(24, _ALNUM),
            "m": {"r": self.pick(["prod-eu-west-0", "prod-us-east-0", "prod-ap-southeast-0"])},
        }
        return "glc_" + base64.b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode()

    # generic secrets
    def token(self, n: int = 40, alphabet: str = _ALNUM) -> str:
        while True:
            t = self.pick(string.ascii_letters) + self.run(n - 1, alphabet)
            if any(c.isdigit() for c in t) and any(c.isalpha() for c in t):
                return t

    def jwt(self, claims: dict[str, object]) -> str:
        header = _b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = _b64u(json.dumps(claims, separators=(",", ":")).encode())
        return f"{header}.{payload}.{_b64u(self.raw(32))}"

    def pem(self, kind: str | None = None) -> str:
        kind = kind or self.pick(["rsa", "pkcs8", "ec"])
        if kind == "rsa":
            label = "RSA PRIVATE KEY"
            der = _hex("308204a4 020100 02820101 00") + self.raw(1180)
        elif kind == "pkcs8":
            label = "PRIVATE KEY"
            der = _hex("308204bd 020100 300d06092a864886 f70d010101 0500 048204a7") + self.raw(1190)
        else:
            label = "EC PRIVATE KEY"
            der = (
                _hex("3077 020101 0420")
                + self.raw(32)
                + _hex("a00a06082a86 48ce3d030107 a14403420004")
                + self.raw(64)
            )
        body = base64.b64encode(der).decode()
        lines = [body[j : j + 64] for j in range(0, len(body), 64)]
        return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"

    def _ssh_blob(self) -> tuple[bytes, bytes]:
        def sstr(b: bytes) -> bytes:
            return struct.pack(">I", len(b)) + b

        pub = self.raw(32)
        return sstr(b"ssh-ed25519") + sstr(pub), pub

    def openssh(self, comment: str) -> str:
        def sstr(b: bytes) -> bytes:
            return struct.pack(">I", len(b)) + b

        pubblob, pub = self._ssh_blob()
        check = self.raw(4)
        priv = (
            check
            + check
            + sstr(b"ssh-ed25519")
            + sstr(pub)
            + sstr(self.raw(32) + pub)
            + sstr(comment.encode())
        )
        pad = 1
        while len(priv) % 8:
            priv += bytes([pad])
            pad += 1
        blob = (
            b"openssh-key-v1\x00"
            + sstr(b"none")
            + sstr(b"none")
            + sstr(b"")
            + struct.pack(">I", 1)
            + sstr(pubblob)
            + sstr(priv)
        )
        body = base64.b64encode(blob).decode()
        lines = [body[j : j + 70] for j in range(0, len(body), 70)]
        return (
            "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END OPENSSH PRIVATE KEY-----"
        )

    def ssh_pub(self) -> str:
        blob, _ = self._ssh_blob()
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def bcrypt(self, variant: str = "2b") -> str:
        return (
            f"${variant}${self.pick(['10', '12'])}$"
            + self.run(21, _CRYPT)
            + self.pick(".Oeu")
            + self.run(31, _CRYPT)
        )

    def sha512crypt(self) -> str:
        return "$6$" + self.run(16, _CRYPT) + "$" + self.run(86, _CRYPT)

    def yescrypt(self) -> str:
        return "$y$j9T$" + self.run(22, _CRYPT) + "$" + self.run(43, _CRYPT)

    def pwhash(self) -> str:
        return self.pick([self.bcrypt, self.sha512crypt, self.yescrypt])()

    def totp(self) -> str:
        return self.run(32, _B32)

    def ceph_key(self) -> str:
        return base64.b64encode(b"\x01\x00" + self.raw(8) + b"\x10\x00" + self.raw(16)).decode()

    def hec(self) -> str:
        return self.uuid().upper()

    def mnemonic(self, n: int = 12) -> str:
        n_cs = n // 3
        n_ent = n * 11 - n_cs
        while True:
            bits = "".join("0000" + format(self.num(0, 127), "07b") for _ in range(n - 1))
            rest = n_ent - len(bits)
            bits += "0000" + format(self.num(0, 7), "03b") if rest == 7 else "0" * rest
            data = int(bits, 2).to_bytes(n_ent // 8, "big")
            allbits = bits + format(hashlib.sha256(data).digest()[0], "08b")[:n_cs]
            idxs = [int(allbits[j : j + 11], 2) for j in range(0, len(allbits), 11)]
            if all(x < len(BIP39_HEAD) for x in idxs):
                return " ".join(BIP39_HEAD[x] for x in idxs)

    # personal data
    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(["DE", "NL", "GB", "AT"])
        if country == "DE":
            bban = self.run(18, string.digits)
        elif country == "NL":
            bban = self.pick(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + self.run(10, string.digits)
        elif country == "GB":
            bban = self.pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + self.run(14, string.digits)
        else:
            bban = self.run(16, string.digits)
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        check = 98 - int(numeric) % 97
        compact = f"{country}{check:02d}{bban}"
        if grouped is None:
            grouped = self.chance(0.5)
        if grouped:
            return " ".join(compact[j : j + 4] for j in range(0, len(compact), 4))
        return compact

    def card(self, grouped: bool | None = None) -> str:
        while True:
            brand = self.pick(["visa", "visa", "mc", "amex"])
            if brand == "visa":
                head = "4" + self.run(14, string.digits)
            elif brand == "mc":
                head = str(self.num(51, 55)) + self.run(13, string.digits)
            else:
                head = self.pick(["34", "37"]) + self.run(12, string.digits)
            number = next(head + d for d in "0123456789" if luhn_ok(head + d))
            if len(set(number)) >= 5:
                break
        if grouped is None:
            grouped = self.chance(0.6)
        if not grouped:
            return number
        if len(number) == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        return " ".join(number[j : j + 4] for j in range(0, 16, 4))

    def ssn(self) -> str:
        area = self.num(1, 899)
        while area == 666:
            area = self.num(1, 899)
        return f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"

    # look-alikes that stay
    def git_sha(self) -> str:
        return self.hexs(40)

    def sha256(self) -> str:
        return self.hexs(64)

    def version(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 30)}.{self.num(0, 20)}"

    def ghp_filler(self) -> str:
        return "ghp_" + "x" * 36

    def akia_example(self) -> str:
        return "AKIA" + self.run(9, string.ascii_uppercase + "234567") + "EXAMPLE"

    def mapbox_pk(self) -> str:
        claims = {"u": self.login(), "a": "cl" + self.run(23, _LOWER_ALNUM)}
        return "pk." + _b64u(json.dumps(claims, separators=(",", ":")).encode()) + "." + self.run(22, _B64URL)

    def posthog(self) -> str:
        return "phc_" + self.run(43, _ALNUM)

    def supabase_pub(self) -> str:
        return "sb_publishable_" + self.run(22, _B64URL) + "_" + self.run(8, _B64URL)

    def gpg_id(self) -> str:
        return self.run(16, "0123456789ABCDEF")


# ---------------------------------------------------------------------------------------------------------------
# Building a document: parts, then one of six deliveries


class _B:
    """A document's parts in order: text, secrets (with their class) and keeps."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, str, str]] = []

    def t(self, text: str) -> _B:
        self.parts.append(("t", "", text))
        return self

    def s(self, cls: str, text: str) -> _B:
        if cls not in CLASSES:
            raise ValueError(cls)
        self.parts.append(("s", cls, text))
        return self

    def k(self, text: str) -> _B:
        self.parts.append(("k", "", text))
        return self

    def either(self, secret: bool, cls: str, value: str, keep: str) -> _B:
        if secret:
            return self.s(cls, value)
        return self.k(keep) if keep else self

    def add(self, other: _B, esc: Callable[[str], str] | None = None) -> _B:
        for role, cls, text in other.parts:
            self.parts.append((role, cls, esc(text) if esc else text))
        return self


def _esc_json(text: str) -> str:
    return json.dumps(text)[1:-1]


Span = tuple[str, str, int, int]


def _render(
    parts: list[tuple[str, str, str]], esc: Callable[[str], str] | None = None
) -> tuple[str, list[Span]]:
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    for role, cls, text in parts:
        piece = esc(text) if esc else text
        if role != "t":
            spans.append((role, cls, pos, pos + len(piece)))
        out.append(piece)
        pos += len(piece)
    return "".join(out), spans


def _prefix_lines(text: str, spans: list[Span], prefixes: list[str]) -> tuple[str, list[Span]]:
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    shift: list[int] = []
    acc = 0
    for p in prefixes:
        acc += len(p)
        shift.append(acc)
    new_text = "\n".join(p + line for p, line in zip(prefixes, lines, strict=True))
    moved: list[Span] = []
    for role, cls, a, b in spans:
        idx = bisect_right(starts, a) - 1
        moved.append((role, cls, a + shift[idx], b + shift[idx]))
    return new_text, moved


def _deliver(
    f: _Fake, parts: list[tuple[str, str, str]], delivery: str, lang: str, path: str
) -> tuple[str, list[Span]]:
    if delivery == "json":
        body, spans = _render(parts, _esc_json)
        wrapper = f.pick(["tool_result", "function_call_output", "user"])
        if wrapper == "tool_result":
            head = '{"type": "tool_result", "tool_use_id": "toolu_01' + f.run(22, _ALNUM) + '", "content": "'
            tail = '", "is_error": false}'
        elif wrapper == "function_call_output":
            head = '{"type": "function_call_output", "call_id": "call_' + f.run(24, _ALNUM) + '", "output": "'
            tail = '"}'
        else:
            head = '{"role": "user", "content": [{"type": "tool_result", "content": "'
            tail = '"}]}'
        text = head + body + tail
        return text, [(r, c, a + len(head), b + len(head)) for r, c, a, b in spans]
    text, spans = _render(parts)
    text = text.rstrip("\n")
    if delivery == "plain":
        return text + "\n", spans
    if delivery == "fence":
        head = f"```{lang}\n"
        return head + text + "\n```\n", [(r, c, a + len(head), b + len(head)) for r, c, a, b in spans]
    n_lines = text.count("\n") + 1
    if delivery == "diff":
        new_text, moved = _prefix_lines(text, spans, ["+"] * n_lines)
        head = (
            f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{n_lines} @@\n"
        )
        return head + new_text + "\n", [(r, c, a + len(head), b + len(head)) for r, c, a, b in moved]
    if delivery == "numbered":
        start = f.pick([1, 1, f.num(2, 180)])
        style = f.pick(["arrow", "tab"])
        if style == "arrow":
            prefixes = [f"{start + j:>6}\u2192" for j in range(n_lines)]
        else:
            prefixes = [f"{start + j:>6}\t" for j in range(n_lines)]
        new_text, moved = _prefix_lines(text, spans, prefixes)
        return new_text + "\n", moved
    if delivery == "cilog":
        t0 = f.when()
        prefixes = []
        for j in range(n_lines):
            stamp = t0 + timedelta(milliseconds=37 * j + f.num(0, 30))
            prefixes.append(stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond:06d}" + "0Z ")
        new_text, moved = _prefix_lines(text, spans, prefixes)
        return new_text + "\n", moved
    raise ValueError(delivery)


# ---------------------------------------------------------------------------------------------------------------
# Setting: shell dotfiles and history


def _q(f: _Fake) -> tuple[str, str]:
    quote = f.pick(["", '"', "'"])
    return quote, quote


def _shell_rc(f: _Fake, i: int) -> _B:
    b = _B()
    rc = f.pick([".zshrc", ".bashrc"])
    home = f.pick(["/Users/", "/home/"])
    user = f.login()
    b.t(f"# ~/{rc}\n")
    if rc == ".zshrc":
        b.t('export ZSH="$HOME/.oh-my-zsh"\nZSH_THEME="robbyrussell"\nplugins=(git docker kubectl fzf)\n')
        b.t("source $ZSH/oh-my-zsh.sh\n\n")
    else:
        b.t('[ -z "$PS1" ] && return\nHISTCONTROL=ignoreboth\nshopt -s histappend\nHISTSIZE=100000\n\n')
    b.t('export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"\nexport EDITOR=nvim\n')
    if f.chance(0.5):
        b.t(f"export GOPATH={home}").s("home-username", user).t("/go\n")
    b.t("alias k=kubectl\nalias gs='git status -sb'\n\n# tokens\n")
    entries: list[tuple[str, str, Callable[[], str]]] = [
        ("NPM_TOKEN", "npm-token", f.npm),
        ("TWINE_PASSWORD", "pypi-token", f.pypi),
        ("GRAFANA_TOKEN", "grafana-token", f.grafana),
        ("STRIPE_API_KEY", "stripe-key", f.stripe),
        ("ANTHROPIC_API_KEY", "anthropic-api-key", f.anthropic),
        ("OPENAI_API_KEY", "openai-api-key", f.openai),
        ("DIGITALOCEAN_TOKEN", "digitalocean-token", f.digitalocean),
        ("VAULT_TOKEN", "vault-token", f.vault),
        ("HF_TOKEN", "huggingface-token", f.hf),
        ("AWS_ACCESS_KEY_ID", "aws-access-key", f.aws_key),
        ("GITLAB_TOKEN", "gitlab-token", f.glpat),
        ("GITHUB_TOKEN", "github-token", f.github),
    ]
    for j in sorted({i % len(entries), (i + len(entries) // 2) % len(entries)}):
        name, cls, gen = entries[j]
        qa, qb = _q(f)
        b.t(f"export {name}={qa}").s(cls, gen()).t(f"{qb}\n")
        if name == "AWS_ACCESS_KEY_ID":
            b.t(f"export AWS_SECRET_ACCESS_KEY={qa}").s("secret-access-key", f.aws_secret()).t(f"{qb}\n")
    keeps = [
        lambda: b.t("# export GITHUB_TOKEN=").k(f.ghp_filler()).t("   # fill in, never commit\n"),
        lambda: b.t("export GPG_KEY=").k(f.gpg_id()).t("\nexport GPG_TTY=$(tty)\n"),
        lambda: b.t("# export OPENAI_API_KEY=").k("<your-api-key>").t("\n"),
        lambda: b.t("export NPM_TOKEN=").k('"$(security find-generic-password -s npm-token -w)"').t("\n"),
        lambda: b.t("# AWS docs sample: aws configure set aws_access_key_id ").k(f.akia_example()).t("\n"),
        lambda: b.t("export PULUMI_CONFIG_PASSPHRASE=").k("${PULUMI_PASSPHRASE:-}").t("\n"),
    ]
    for j in sorted(f.subset(len(keeps), 2, 3, i)):
        keeps[j]()
    b.t('\n[ -f ~/.fzf.zsh ] && source ~/.fzf.zsh\neval "$(direnv hook zsh)"\n')
    return b


def _bash_history(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    zsh = f.chance(0.4)
    lines: list[Callable[[], object]] = []

    def pg() -> None:
        b.t("export PGPASSWORD='").s("password", f.pw()).t("'\n")
        b.t("psql -h ").s("private-ip", f.priv_ip()).t(" -U app -d orders -c 'select count(*) from orders'\n")

    def bearer() -> None:
        b.t('curl -sH "Authorization: Bearer ').s("bearer-token", f.token(f.num(32, 48)))
        b.t(f'" https://api.{dom}/v2/accounts/me | jq .\n')

    def docker() -> None:
        if f.chance(0.5):
            b.t("echo ").s("dockerhub-token", f.dockerhub()).t(" | docker login -u ci-bot --password-stdin\n")
        else:
            b.t(f"docker login registry.{dom} -u ci-bot --password ").s("password", f.pw()).t("\n")

    def remote() -> None:
        b.t(f"git remote set-url origin https://{f.login()}:").s("github-token", f.github())
        b.t(f"@github.com/{f.pick(_CO1)}/{f.pick(_SERVICES)}.git\n")

    def twine() -> None:
        b.t("twine upload -u __token__ -p ").s("pypi-token", f.pypi()).t(" dist/*\n")

    def npmrc() -> None:
        b.t("npm config set //registry.npmjs.org/:_authToken=").s("npm-token", f.npm()).t("\n")

    def ssh() -> None:
        b.t("ssh -i ~/.ssh/id_ed25519 ubuntu@").s("private-ip", f.priv_ip()).t("\n")

    def glab() -> None:
        b.t(f"glab auth login --hostname gitlab.{dom} --token ").s("gitlab-token", f.glpat()).t("\n")

    def mysql() -> None:
        b.t("mysql -h ").s("private-ip", f.priv_ip()).t(" -u report --password=").s("password", f.pw())
        b.t(" analytics\n")

    def gh() -> None:
        b.t("gh auth login --with-token <<< ").s("github-token", f.github(f.pick(["ghp_", "gho_"]))).t("\n")

    def vault() -> None:
        b.t(f"VAULT_ADDR=https://vault.{dom} vault login ").s("vault-token", f.vault()).t("\n")

    def doctl() -> None:
        b.t("doctl auth init --access-token ").s("digitalocean-token", f.digitalocean()).t("\n")

    lines = [twine, npmrc, vault, doctl, bearer, docker, gh, remote, pg, ssh, glab, mysql]
    keeps: list[Callable[[], object]] = [
        lambda: b.t("git cherry-pick ").k(f.git_sha()).t("\n"),
        lambda: b.t(f"docker pull ghcr.io/{f.pick(_CO1)}/api@").k("sha256:" + f.sha256()).t("\n"),
        lambda: b.t("ssh -T ").k("git@github.com").t("\n"),
        lambda: b.t("export API_TOKEN=").k("$(pass show work/api-token)").t("\n"),
        lambda: b.t("gcloud secrets versions access latest ").k("--secret=db-password").t(" >/dev/null\n"),
        lambda: b.t("ping -c1 ").k("127.0.0.1").t("\n"),
    ]
    filler = [
        "ls -la",
        "git status",
        "cd ~/src/api",
        "make test",
        "kubectl get pods -n staging",
        "vim .env",
        "docker compose up -d",
        "git pull --rebase",
        "history | tail -20",
        "terraform plan -out plan.tfout",
    ]
    chosen = sorted(f.subset(len(lines), 1, 2, i))
    kept = sorted(f.subset(len(keeps), 2, 3, i + 3))
    order: list[Callable[[], object]] = [lines[j] for j in chosen] + [keeps[j] for j in kept]
    f.r.shuffle(order)
    for step in order:
        for _ in range(f.num(0, 2)):
            cmd = f.pick(filler)
            b.t(f": {f.epoch()}:0;{cmd}\n" if zsh else f"{cmd}\n")
        if zsh:
            b.t(f": {f.epoch()}:0;")
        step()
    return b


def _fish_history(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    entries: list[Callable[[], object]] = [
        lambda: b.t("set -gx NPM_TOKEN ").s("npm-token", f.npm()),
        lambda: b.t("set -gx STRIPE_SECRET_KEY ").s("stripe-key", f.stripe()),
        lambda: b.t("set -Ux HOMEBREW_GITHUB_API_TOKEN ").s("github-token", f.github()),
        lambda: (
            b.t('psql "postgresql://report:')
            .s("url-password", f.pw(url=True))
            .t("@")
            .s("private-ip", f.priv_ip())
            .t(':5432/analytics"')
        ),
        lambda: b.t("set -gx SENDGRID_API_KEY ").s("sendgrid-api-key", f.sendgrid()),
        lambda: b.t("set -gx HF_TOKEN ").s("huggingface-token", f.hf()),
        lambda: b.t("set -gx DOCKER_TOKEN ").s("dockerhub-token", f.dockerhub()),
    ]
    keeps: list[Callable[[], object]] = [
        lambda: b.t("git show --stat ").k(f.git_sha()),
        lambda: b.t("set -gx AWS_ACCESS_KEY_ID ").k(f.akia_example()),
        lambda: b.t("set -gx OPENAI_API_KEY ").k("<your-api-key>"),
    ]
    plain = [
        "cd ~/code/payments",
        "git fetch --all",
        "make lint",
        "fish_config",
        "kubectl config get-contexts",
    ]
    steps: list[Callable[[], object]] = [entries[j] for j in sorted(f.subset(len(entries), 1, 1, i))]
    steps += [keeps[j] for j in sorted(f.subset(len(keeps), 1, 2, i))]
    f.r.shuffle(steps)
    for step in steps:
        b.t(f"- cmd: {f.pick(plain)}\n  when: {f.epoch()}\n")
        b.t("- cmd: ")
        step()
        b.t(f"\n  when: {f.epoch()}\n")
    if f.chance(0.5):
        b.t("- cmd: cd /home/").s("home-username", user).t("/projects/site\n")
        b.t(f"  when: {f.epoch()}\n  paths:\n    - ~/projects/site\n")
    return b


def _envrc(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t("# .envrc -- loaded by direnv\ndotenv_if_exists .env.local\nlayout python3\nexport AWS_PROFILE=dev\n")
    feats: list[Callable[[], object]] = [
        lambda: (
            b.t('export DATABASE_URL="postgres://app:')
            .s("url-password", f.pw(url=True))
            .t("@")
            .s("private-ip", f.priv_ip())
            .t(':5432/app_dev"\n')
        ),
        lambda: (
            b.t("export REDIS_URL=redis://default:")
            .s("url-password", f.pw(url=True))
            .t(f"@redis.internal.{dom}:6379/0\n")
        ),
        lambda: b.t("export SENDGRID_API_KEY=").s("sendgrid-api-key", f.sendgrid()).t("\n"),
        lambda: b.t("export SLACK_BOT_TOKEN=").s("slack-token", f.slack_bot()).t("\n"),
        lambda: b.t("export STRIPE_API_KEY=").s("stripe-key", f.stripe()).t("\n"),
        lambda: b.t("export SECRET_KEY_BASE=").s("app-secret", f.token(f.num(64, 96), _ALNUM)).t("\n"),
    ]
    keeps: list[Callable[[], object]] = [
        lambda: b.t("export SENTRY_AUTH_TOKEN=").k("${SENTRY_AUTH_TOKEN:-}").t("\n"),
        lambda: b.t("export API_TOKEN=").k("$(pass show work/api-token)").t("\n"),
        lambda: b.t("export MAPBOX_TOKEN=").k(f.mapbox_pk()).t("\n"),
        lambda: b.t("export POSTHOG_KEY=").k(f.posthog()).t("\n"),
        lambda: b.t("export DB_PASSWORD=").k("changeme").t("   # local docker only\n"),
    ]
    for j in sorted(f.subset(len(feats), 1, 2, i)):
        feats[j]()
    for j in sorted(f.subset(len(keeps), 2, 3, i + 1)):
        keeps[j]()
    b.t("PATH_add bin\n")
    if f.chance(0.5):
        b.t(
            "\n$ cd ~/src/app\ndirenv: loading ~/src/app/.envrc\ndirenv: export +AWS_PROFILE +DATABASE_URL ~PATH\n"
        )
    return b


def _netrc(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    feats: list[Callable[[], object]] = [
        lambda: b.t("$ cat ~/.npmrc\n//registry.npmjs.org/:_authToken=").s("npm-token", f.npm()).t("\n"),
        lambda: (
            b.t(
                "$ cat ~/.pypirc\n[distutils]\nindex-servers = pypi\n\n[pypi]\n  username = __token__\n  password = "
            )
            .s("pypi-token", f.pypi())
            .t("\n")
        ),
        lambda: (
            b.t(f"$ cat ~/.netrc\nmachine nexus.{dom}\n  login deployer\n  password ")
            .s("password", f.pw())
            .t("\n")
        ),
        lambda: (
            b.t(f"$ cat ~/.netrc\nmachine github.com\n  login {f.login()}\n  password ")
            .s("github-token", f.github())
            .t("\n")
        ),
        lambda: (
            b.t("$ cat ~/.netrc\nmachine api.heroku.com\n  login ")
            .s("email", f.email(first, last, dom))
            .t("\n  password ")
            .s("password", f.pw("gen"))
            .t("\n")
        ),
        lambda: (
            b.t(f"$ cat ~/.netrc\nmachine artifactory.{dom} login ci-reader password ")
            .s("password", f.pw())
            .t("\n")
        ),
    ]
    for j in sorted(f.subset(len(feats), 1, 1, i)):
        feats[j]()
    b.t("$ cat ~/.netrc.sample\nmachine example.com login you password ").k("<password>").t("\n")
    return b


def _ssh_key_cat(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    host = f.pick(["laptop", "mbp", "devbox", "ws-07"])
    b.t("$ ls -la /home/").s("home-username", user).t("/.ssh\n")
    b.t(
        "-rw-------  1 me me  411 Mar  2 09:14 id_ed25519\n-rw-r--r--  1 me me   98 Mar  2 09:14 id_ed25519.pub\n"
    )
    b.t("$ cat ~/.ssh/id_ed25519.pub\n").k(f.ssh_pub()).t(f" me@{host}\n")
    b.t("$ cat ~/.ssh/id_ed25519\n").s("openssh-private-key", f.openssh(f"me@{host}")).t("\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: Windows administration


def _ps_provision(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    var = f.pick(["$SqlSaPassword", "$AdminPassword", "$LocalAdminPassword", "$ServicePassword", "$Password"])
    b.t("# Provision-SqlNode.ps1\nparam(\n    [string]$InstanceName = 'MSSQLSERVER'\n)\n")
    b.t("$ErrorActionPreference = 'Stop'\n")
    if f.chance(0.5):
        b.t('Start-Transcript -Path "C:\\Users\\').s("home-username", user).t('\\Documents\\provision.log"\n')
    else:
        b.t('Start-Transcript -Path "$env:TEMP\\provision.log"\n')
    mode = i % 3
    if mode == 0:
        b.t(f"{var} = '").s("password", f.pw()).t("'\n")
        b.t(f"$secure = ConvertTo-SecureString {var} -AsPlainText -Force\n")
    elif mode == 1:
        b.t(f'{var} = "').s("password", f.pw()).t('"\n')
        b.t(f"$secure = ConvertTo-SecureString -String {var} -AsPlainText -Force\n")
    else:
        b.t("$secure = ConvertTo-SecureString ").k("$env:SQL_SA_PASSWORD").t(" -AsPlainText -Force\n")
    b.t("$cred = New-Object System.Management.Automation.PSCredential ('CORP\\svc-sql', $secure)\n")
    if f.chance(0.5):
        b.t("$join = New-Object PSCredential('CORP\\svc-join', (ConvertTo-SecureString '")
        b.t(f.pw("human") + "' -AsPlainText -Force))\n")
    b.t("Invoke-Command -ComputerName ")
    if f.chance(0.5):
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"sql0{f.num(1, 4)}.corp.{f.domain()}")
    b.t(" -Credential $cred -ScriptBlock {\n")
    b.t("    Set-Service -Name MSSQLSERVER -StartupType Automatic\n    Restart-Service MSSQLSERVER\n}\n")
    if f.chance(0.8):
        b.t("$vaultPw = Get-Secret -Name ").k("'sql-sa-password'").t(" -AsPlainText\n")
    if f.chance(0.7):
        b.t("# never commit a real one; the template reads ").k("{{ sql_sa_password }}").t("\n")
    b.t("Stop-Transcript\n")
    return b


def _reg_autologon(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    b.t("Windows Registry Editor Version 5.00\n\n")
    b.t("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n")
    b.t('"AutoAdminLogon"="1"\n"DefaultUserName"="kiosk0' + str(f.num(1, 9)) + '"\n')
    if i % 2 == 0 or f.chance(0.5):
        b.t('"DefaultPassword"="').s("password", f.pw()).t('"\n')
    else:
        b.t('"DefaultPassword"="').k("changeme").t('"\n')
    b.t('"DefaultDomainName"="CORP"\n"ForceAutoLogon"=dword:00000001\n\n')
    if f.chance(0.4):
        b.t(f"[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\jump-{f.pick(_SERVICES)}]\n")
        b.t('"HostName"="').s("private-ip", f.priv_ip()).t('"\n"PortNumber"=dword:00000016\n')
        b.t('"ProxyMethod"=dword:00000003\n"ProxyHost"="proxy.' + f.domain() + '"\n')
        b.t('"ProxyUsername"="svc-proxy"\n"ProxyPassword"="').s("password", f.pw()).t('"\n')
        b.t('"PublicKeyFile"="C:\\\\Users\\\\').s("home-username", user).t('\\\\.ssh\\\\putty.ppk"\n\n')
    b.t("[HKEY_CLASSES_ROOT\\CLSID\\{").k(f.uuid().upper()).t('}]\n@="Kiosk Shell Extension"\n')
    return b


def _rdp_file(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("screen mode id:i:2\nuse multimon:i:0\ndesktopwidth:i:1920\ndesktopheight:i:1080\nsession bpp:i:32\n")
    if i % 4 == 3:
        b.t("full address:s:").k(f.doc_ip()).t(":3389\n")
    else:
        b.t("full address:s:").s("private-ip", f.priv_ip()).t(":3389\n")
    if f.chance(0.8):
        b.t("gatewayhostname:s:").s("public-ip", f.pub_ip()).t("\ngatewayusagemethod:i:1\n")
    b.t(f"prompt for credentials:i:0\nusername:s:CORP\\{f.login()}\ndomain:s:CORP\n")
    dpapi = "".join(("01000000", "D08C9DDF", "0115D111", "8C7A00C0", "4FC297EB", "01000000"))
    b.t("password 51:b:" + dpapi + f.hexs(96).upper() + "\n")
    b.t("authentication level:i:2\nredirectclipboard:i:1\nautoreconnection enabled:i:1\n")
    return b


def _cmdkey(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    dom = f.domain()
    sam = f.login()

    def prompt() -> None:
        b.t("PS C:\\ops> ")

    b.t("PS C:\\Users\\").s("home-username", user).t("> cd C:\\ops\n")
    prompt()
    b.t(f"cmdkey /add:fs01.corp.{dom} /user:CORP\\svc-backup /pass:").s("password", f.pw()).t("\n")
    b.t("CMDKEY: Credential added successfully.\n")
    prompt()
    b.t("cmdkey /list\n\nCurrently stored credentials:\n\n")
    b.t(
        f"    Target: Domain:target=fs01.corp.{dom}\n    Type: Domain Password\n    User: CORP\\svc-backup\n\n"
    )
    b.t("    Target: LegacyGeneric:target=git:https://github.com\n    Type: Generic\n")
    b.t("    User: Personal Access Token\n    Local machine persistence\n\n")
    if f.chance(0.4):
        b.t("    Target: Domain:interactive=TERMSRV/").s("private-ip", f.priv_ip()).t("\n")
        b.t(f"    Type: Domain Password\n    User: CORP\\{sam}\n\n")
    if f.chance(0.3):
        prompt()
        b.t("net use Z: \\\\").s("private-ip", f.priv_ip()).t("\\backup /persistent:yes\n")
        b.t("The command completed successfully.\n")
    prompt()
    b.t("Get-FileHash .\\Backup-Shares.ps1 | Format-List\n\nAlgorithm : SHA256\nHash      : ")
    b.k(f.sha256().upper()).t("\nPath      : C:\\ops\\Backup-Shares.ps1\n")
    return b


def _unattend(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    token = f.hexs(16)
    b.t('<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">\n')
    b.t('  <settings pass="specialize">\n')
    b.t(
        '    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="'
    )
    b.k(token).t('" language="neutral" versionScope="nonSxS">\n')
    b.t("      <Identification>\n        <Credentials>\n")
    b.t(f"          <Domain>corp.{dom}</Domain>\n          <Password>")
    if i % 3 == 2:
        b.k("********")
    else:
        b.s("password", f.pw())
    b.t("</Password>\n          <Username>svc-join</Username>\n        </Credentials>\n")
    b.t(
        f"        <JoinDomain>corp.{dom}</JoinDomain>\n      </Identification>\n    </component>\n  </settings>\n"
    )
    b.t('  <settings pass="oobeSystem">\n')
    b.t('    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="')
    b.k(token).t('" language="neutral" versionScope="nonSxS">\n')
    b.t("      <UserAccounts>\n        <AdministratorPassword>\n          <Value>" + f.pw("human"))
    b.t(
        "</Value>\n          <PlainText>true</PlainText>\n        </AdministratorPassword>\n      </UserAccounts>\n"
    )
    b.t(
        "      <RegisteredOrganization>IT Operations</RegisteredOrganization>\n      <TimeZone>UTC</TimeZone>\n"
    )
    b.t("    </component>\n  </settings>\n</unattend>\n")
    return b


def _ad_user(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    name = f"{first} {last}"
    dom = f.domain()
    sam = (first[0] + last).lower()
    b.t(f"PS C:\\> Get-ADUser -Identity {sam} -Properties DisplayName,EmailAddress,Title |\n")
    b.t(">>   Select-Object DisplayName,EmailAddress,Enabled,ObjectGUID,SamAccountName,Title\n\n")
    b.t("DisplayName    : ").s("person-name", name).t("\n")
    b.t("EmailAddress   : ").s("email", f.email(first, last, dom)).t("\nEnabled        : True\n")
    b.t("ObjectGUID     : ").k(f.uuid()).t(f"\nSamAccountName : {sam}\n")
    b.t(f"Title          : {f.pick(['SRE', 'Accountant', 'Buyer', 'Data Analyst', 'Nurse Manager'])}\n")
    if f.chance(0.5):
        b.t(
            "\nPS C:\\> (Get-ADDomain).DomainSID.Value\nS-1-5-21-"
            + f"{f.num(10**9, 4 * 10**9)}-{f.num(10**8, 10**9)}"
        )
        b.t(f"-{f.num(10**8, 10**9)}\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: Kafka and ZooKeeper


def _broker(f: _Fake, b: _B, dom: str, port: int) -> None:
    if f.chance(0.5):
        b.s("private-ip", f.priv_ip()).t(f":{port}")
    else:
        b.t(f"kafka-{f.num(0, 5)}.{dom}:{port}")


def _jaas(f: _Fake, i: int) -> _B:
    b = _B()
    svc = f.pick(_SERVICES)
    if i % 3 == 2:
        b.t(
            "// client_jaas.conf\nKafkaClient {\n    org.apache.kafka.common.security.scram.ScramLoginModule required\n"
        )
        b.t(f'    username="svc-{svc}"\n    password="')
        b.k("${file:/etc/kafka/secrets/creds.properties:" + svc + ".password}").t('";\n};\n')
        return b
    pw = f.pw()
    b.t("// /etc/kafka/kafka_server_jaas.conf\nKafkaServer {\n")
    b.t("    org.apache.kafka.common.security.plain.PlainLoginModule required\n")
    b.t('    username="admin"\n    password="').s("password", pw).t('"\n')
    if f.chance(0.5):
        b.t('    user_admin="').s("password", pw).t('"\n')
    else:
        b.t(f'    user_admin="{f.pw("gen")}"\n')
    b.t(f'    user_svc-{svc}="{f.pw("gen")}";\n}};\n\n')
    b.t("Client {\n    org.apache.zookeeper.server.auth.DigestLoginModule required\n")
    b.t('    username="kafka"\n    password="')
    if f.chance(0.4):
        b.s("password", f.pw())
    else:
        b.k("${ZK_CLIENT_PASSWORD}")
    b.t('";\n};\n')
    return b


def _client_props(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    svc = f.pick(_SERVICES)
    if i % 3 == 1:
        region = f.pick(["eu-west-1", "us-east-2", "ap-southeast-2"])
        b.t(f"# Confluent Cloud client for {svc}\n")
        b.t(f"bootstrap.servers=pkc-{f.run(5, _LOWER_ALNUM)}.{region}.aws.confluent.cloud:9092\n")
        b.t("security.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\n")
        b.t(f"sasl.username={f.run(16, _UPPER_ALNUM)}\nsasl.password=").s("password", f.run(64, _B64)).t("\n")
        b.t(f"schema.registry.url=https://psrc-{f.run(5, _LOWER_ALNUM)}.{region}.aws.confluent.cloud\n")
        b.t("basic.auth.credentials.source=USER_INFO\n")
        b.t("session.timeout.ms=45000\n")
        return b
    b.t(f"# client.properties for svc-{svc}\nbootstrap.servers=")
    _broker(f, b, dom, 9093)
    b.t(",")
    _broker(f, b, dom, 9093)
    b.t("\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n")
    b.t("sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ")
    b.t(f'username="svc-{svc}" password="').s("password", f.pw()).t('";\n')
    b.t("ssl.truststore.location=/etc/kafka/secrets/kafka.client.truststore.jks\n")
    b.t("ssl.truststore.password=")
    if f.chance(0.7):
        b.k("changeme")
    else:
        b.s("password", f.pw())
    b.t("\n")
    if f.chance(0.3):
        b.t("ssl.keystore.location=/etc/kafka/secrets/kafka.client.keystore.jks\nssl.keystore.password=")
        b.s("password", f.pw()).t("\n")
    b.t("ssl.endpoint.identification.algorithm=https\n")
    return b


def _addr(f: _Fake, b: _B, host: str) -> Callable[[], _B]:
    """One broker or host, written the same way each time: a private address (labelled) or a host name."""
    ip = f.priv_ip()
    if f.chance(0.4):
        return lambda: b.s("private-ip", ip)
    return lambda: b.t(host)


def _kcat(f: _Fake, i: int) -> _B:
    b = _B()
    svc = f.pick(_SERVICES)
    topic = f.pick(_TOPICS)
    at = _addr(f, b, f"kafka-0.{f.domain()}")
    b.t("$ kcat -b ")
    at().t(":9093 -X security.protocol=SASL_SSL -X sasl.mechanisms=SCRAM-SHA-256 \\\n")
    b.t(f"    -X sasl.username=svc-{svc} -X sasl.password=")
    b.either(i % 4 != 3, "password", f.pw(), "${KAFKA_PASSWORD}")
    b.t(" \\\n")
    if i % 2 == 0:
        b.t(f"    -X ssl.ca.location=/etc/ssl/certs/ca.pem -t {topic} -C -o -2 -e -J\n")
        for off in range(2):
            b.t(f'{{"topic":"{topic}","partition":0,"offset":{48211 + off},"tstamp":{f.epoch()}000,"key":"')
            b.k(f.uuid()).t('","payload":"{\\"status\\":\\"shipped\\"}"}\n')
        b.t(f"% Reached end of topic {topic} [0] at offset 48213: exiting\n")
    else:
        b.t("    -X ssl.ca.location=/etc/ssl/certs/ca.pem -L\n")
        b.t("Metadata for all topics (from broker 1: sasl_ssl://")
        at().t(":9093/1):\n 3 brokers:\n  broker 1 at ")
        at().t(":9093 (controller)\n")
        b.t(f"  broker 2 at kafka-1.{f.domain()}:9093\n")
        b.t(f' 1 topics:\n  topic "{topic}" with 3 partitions:\n    partition 0, leader 1, replicas: 1,2,3\n')
    return b


def _scram_admin(f: _Fake, i: int) -> _B:
    b = _B()
    svc = f"svc-{f.pick(_SERVICES)}"
    at = _addr(f, b, f"kafka-0.{f.domain()}")
    pw = f.pw()
    b.t("$ kafka-configs.sh --bootstrap-server ")
    at().t(":9092 --command-config /etc/kafka/admin.properties \\\n")
    b.t("    --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=").s("password", pw).t("]' \\\n")
    b.t(f"    --entity-type users --entity-name {svc}\nCompleted updating config for user {svc}.\n")
    b.t("$ kafka-configs.sh --bootstrap-server ")
    at().t(":9092 --command-config /etc/kafka/admin.properties \\\n")
    b.t(f"    --describe --entity-type users --entity-name {svc}\n")
    b.t(f"SCRAM credential configs for user-principal '{svc}' are SCRAM-SHA-512=iterations=8192\n")
    b.t("$ kafka-configs.sh --version\n3.7.1 (Commit:").k(f.hexs(16)).t(")\n")
    return b


def _zookeeper(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t(
        "# /etc/zookeeper/conf/zoo.cfg\ntickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\n"
    )
    b.t("clientPort=2181\nsecureClientPort=2281\n")
    for n in range(1, 4):
        b.t(f"server.{n}=")
        if n == 1 and f.chance(0.6):
            b.s("private-ip", f.priv_ip())
        else:
            b.t(f"zk-{n}.{dom}")
        b.t(":2888:3888\n")
    b.t("authProvider.sasl=org.apache.zookeeper.server.auth.SASLAuthenticationProvider\n")
    b.t("serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory\n")
    b.t("ssl.keyStore.location=/etc/zookeeper/ssl/zk.keystore.jks\nssl.keyStore.password=")
    b.either(i % 2 == 0, "password", f.pw(), "{{ zk_keystore_password }}")
    b.t("\nssl.trustStore.location=/etc/zookeeper/ssl/zk.truststore.jks\nssl.trustStore.password=")
    if f.chance(0.7):
        b.k("changeme")
    else:
        b.s("password", f.pw())
    b.t("\n4lw.commands.whitelist=srvr, ruok, mntr\n")
    return b


def _kafka_client_log(f: _Fake, i: int) -> _B:
    b = _B()
    t = f.when()
    stamp = t.strftime("%Y-%m-%d %H:%M:%S") + f",{f.num(100, 999)}"
    ip = f.priv_ip()
    role = f.pick(["Producer", "Consumer"])
    b.t(f"[{stamp}] INFO {role}Config values: \n\tacks = -1\n\tbootstrap.servers = [")
    _addr(f, b, f"kafka-0.{f.domain()}")()
    b.t(f":9093]\n\tclient.id = {role.lower()}-1\n\tsasl.jaas.config = ").k("[hidden]")
    b.t("\n\tsasl.mechanism = SCRAM-SHA-512\n\tsecurity.protocol = SASL_SSL\n\tssl.key.password = null\n")
    b.t("\tssl.keystore.password = ").k("[hidden]").t(
        "\n\tssl.truststore.location = /etc/kafka/secrets/ts.jks\n"
    )
    b.t("\tssl.truststore.password = ").k("[hidden]").t(
        f"\n (org.apache.kafka.clients.{role.lower()}.{role}Config)\n"
    )
    b.t(f"[{stamp}] INFO Kafka version: 3.7.1 (org.apache.kafka.common.utils.AppInfoParser)\n")
    b.t(f"[{stamp}] INFO Kafka commitId: ").k(f.hexs(16)).t(
        " (org.apache.kafka.common.utils.AppInfoParser)\n"
    )
    if f.chance(0.3):
        b.t(f"[{stamp}] ERROR [{role} clientId={role.lower()}-1] Connection to node -1 (")
        b.s("private-ip", ip).t("/").s("private-ip", ip).t(
            ":9093) failed authentication due to: Authentication "
        )
        b.t("failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: self-hosted git forges and CI runners


def _gitea_ini(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    forge = f.pick(["Gitea: Git with a cup of tea", "Forgejo: Beyond coding. We forge.", "Gogs"])
    b.t(
        f"APP_NAME = {forge}\nRUN_USER = git\nRUN_MODE = prod\n\n[database]\nDB_TYPE  = postgres\nHOST     = "
    )
    if f.chance(0.5):
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"db.{dom}")
    b.t(":5432\nNAME     = gitea\nUSER     = gitea\nPASSWD   = ")
    feats = f.subset(5, 1, 1, i)
    if 0 in feats:
        b.s("password", f.pw())
    else:
        b.k("${GITEA_DB_PASSWORD}")
    b.t(f"\nSSL_MODE = disable\n\n[server]\nDOMAIN = git.{dom}\nROOT_URL = https://git.{dom}/\n")
    if 1 in feats:
        b.t("LFS_JWT_SECRET = ").s("app-secret", f.token(43, _B64URL)).t("\n")
    b.t("\n[security]\nINSTALL_LOCK = true\n")
    if 2 in feats:
        b.t("SECRET_KEY = ").s("app-secret", f.token(64, _ALNUM)).t("\n")
    else:
        b.t("SECRET_KEY = \n")
    if 3 in feats:
        b.t("INTERNAL_TOKEN = ").s("jwt", f.jwt({"nbf": f.epoch()})).t("\n")
    else:
        b.t("INTERNAL_TOKEN_URI = file:/etc/gitea/internal_token\n")
    b.t("\n[mailer]\nENABLED = true\nSMTP_ADDR = smtp." + dom + "\nSMTP_PORT = 587\nFROM = Gitea <")
    b.k(f"noreply@{dom}").t(">\nUSER = gitea-mailer\nPASSWD = ")
    if 4 in feats:
        b.s("password", f.pw())
    else:
        b.k("changeme")
    b.t("\n\n[oauth2]\nENABLED = true\n")
    return b


def _woodpecker(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    drone = i % 2 == 1
    feats = f.subset(4, 1, 2, i) | ({1} if i % 2 else set())
    shared = f.hexs(32 if drone else 64)
    b.t("services:\n")
    if drone:
        b.t("  drone:\n    image: drone/drone:2.24\n    environment:\n")
        b.t(f"      - DRONE_GITEA_SERVER=https://git.{dom}\n      - DRONE_GITEA_CLIENT_ID=").k(f.uuid()).t(
            "\n"
        )
        b.t("      - DRONE_GITEA_CLIENT_SECRET=")
        b.either(0 in feats, "client-secret", "gto_" + f.run(52, _B32_LOWER), "${GITEA_OAUTH_SECRET}")
        b.t("\n      - DRONE_RPC_SECRET=")
        b.either(1 in feats, "ci-shared-secret", shared, "${DRONE_RPC_SECRET}")
        b.t(f"\n      - DRONE_SERVER_HOST=ci.{dom}\n      - DRONE_SERVER_PROTO=https\n")
        b.t("      - DRONE_DATABASE_DRIVER=postgres\n      - DRONE_DATABASE_DATASOURCE=postgres://drone:")
    else:
        b.t("  woodpecker-server:\n    image: woodpeckerci/woodpecker-server:v2.7.0@").k(
            "sha256:" + f.sha256()
        )
        b.t(f"\n    environment:\n      - WOODPECKER_HOST=https://ci.{dom}\n      - WOODPECKER_GITEA=true\n")
        b.t(f"      - WOODPECKER_GITEA_URL=https://git.{dom}\n      - WOODPECKER_GITEA_CLIENT=").k(
            f.uuid()
        ).t("\n")
        b.t("      - WOODPECKER_GITEA_SECRET=")
        b.either(0 in feats, "client-secret", "gto_" + f.run(52, _B32_LOWER), "${GITEA_OAUTH_SECRET}")
        b.t("\n      - WOODPECKER_AGENT_SECRET=")
        b.either(1 in feats, "ci-shared-secret", shared, "${WOODPECKER_AGENT_SECRET}")
        b.t(
            "\n      - WOODPECKER_DATABASE_DRIVER=postgres\n      - WOODPECKER_DATABASE_DATASOURCE=postgres://woodpecker:"
        )
    b.either(2 in feats, "url-password", f.pw(url=True), "${POSTGRES_PASSWORD}")
    b.t("@db:5432/ci?sslmode=disable\n")
    agent = "DRONE_RPC_SECRET" if drone else "WOODPECKER_AGENT_SECRET"
    b.t(
        f"  agent:\n    image: {'drone/drone-runner-docker:1' if drone else 'woodpeckerci/woodpecker-agent:v2.7.0'}\n"
    )
    b.t(f"    environment:\n      - {agent}=")
    b.either(1 in feats, "ci-shared-secret", shared, "${" + agent + "}")
    b.t("\n")
    if 3 in feats:
        b.t("      - REGISTRY_TOKEN=").s("dockerhub-token", f.dockerhub()).t("\n")
    return b


def _jenkins_casc(f: _Fake, i: int) -> _B:
    b = _B()
    feats = f.subset(4, 1, 2, i)
    b.t('jenkins:\n  systemMessage: "Managed by JCasC"\ncredentials:\n  system:\n    domainCredentials:\n')
    b.t(
        '      - credentials:\n          - usernamePassword:\n              scope: GLOBAL\n              id: "nexus"\n'
    )
    b.t('              username: "deployer"\n              password: "')
    b.either(0 in feats, "password", f.pw(), "${NEXUS_PASSWORD}")
    b.t(
        '"\n          - string:\n              scope: GLOBAL\n              id: "slack-token"\n              secret: "'
    )
    b.either(1 in feats, "slack-token", f.slack_bot(), "${SLACK_TOKEN}")
    b.t('"\n          - string:\n              id: "github-token"\n              secret: "')
    b.either(2 in feats, "github-token", f.github(), "${GITHUB_TOKEN}")
    b.t(
        '"\n          - basicSSHUserPrivateKey:\n              id: "deploy-key"\n              username: "git"\n'
    )
    b.t("              privateKeySource:\n                directEntry:\n                  privateKey: ")
    if 3 in feats:
        key = f.pem("rsa").replace("\n", "\n" + " " * 20)
        b.t("|\n" + " " * 20).s("private-key", key).t("\n")
    else:
        b.k('"${readFile:/run/secrets/deploy_key}"').t("\n")
    return b


def _jenkins_groovy(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("// init.groovy.d/basic-security.groovy\nimport jenkins.model.*\nimport hudson.security.*\n")
    b.t("import com.cloudbees.plugins.credentials.*\nimport org.jenkinsci.plugins.plaincredentials.impl.*\n")
    b.t('import hudson.util.Secret\n\ndef instance = Jenkins.getInstance()\ndef adminUsername = "admin"\n')
    if i % 3 == 2:
        b.t('def adminPassword = System.getenv("JENKINS_ADMIN_PASSWORD") ?: "').k("changeme").t('"\n')
    else:
        q = f.pick(['"', "'"])
        b.t(f"def adminPassword = {q}").s("password", f.pw()).t(f"{q}\n")
    b.t(
        "def hudsonRealm = new HudsonPrivateSecurityRealm(false)\n"
        "hudsonRealm.createAccount(adminUsername, adminPassword)\n"
    )
    b.t("instance.setSecurityRealm(hudsonRealm)\n\n")
    if f.chance(0.6):
        b.t(
            'def token = new StringCredentialsImpl(CredentialsScope.GLOBAL, "gh-token", "GitHub", Secret.fromString("'
        )
        b.s("github-token", f.github()).t('"))\n')
        b.t("SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(), token)\n")
    b.t("instance.save()\n")
    return b


def _jenkins_user_xml(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    dom = f.domain()
    sam = (first[0] + last).lower()
    b.t(f"$ cat /var/lib/jenkins/users/{sam}_{f.num(10**17, 10**18)}/config.xml\n")
    b.t("<?xml version='1.1' encoding='UTF-8'?>\n<user>\n  <version>10</version>\n")
    b.t(f"  <id>{sam}</id>\n  <fullName>").s("person-name", f"{first} {last}").t(
        "</fullName>\n  <properties>\n"
    )
    b.t("    <jenkins.security.ApiTokenProperty>\n      <tokenStore>\n        <tokenList>\n")
    b.t("          <jenkins.security.apitoken.ApiTokenStore_-HashedToken>\n            <uuid>").k(f.uuid())
    b.t("</uuid>\n            <name>ci</name>\n            <value>\n              <version>2</version>\n")
    b.t(f"              <hash>{f.sha256()}</hash>\n            </value>\n")
    b.t(
        "          </jenkins.security.apitoken.ApiTokenStore_-HashedToken>\n        </tokenList>\n      </tokenStore>\n"
    )
    b.t(
        "    </jenkins.security.ApiTokenProperty>\n"
        '    <hudson.tasks.Mailer_-UserProperty plugin="mailer@472.vf7c289a_4b_420">\n'
    )
    b.t("      <emailAddress>").s("email", f.email(first, last, dom)).t("</emailAddress>\n")
    b.t(
        "    </hudson.tasks.Mailer_-UserProperty>\n    <hudson.security.HudsonPrivateSecurityRealm_-Details>\n"
    )
    b.t("      <passwordHash>#jbcrypt:").s("password-hash", f.bcrypt("2a")).t("</passwordHash>\n")
    b.t("    </hudson.security.HudsonPrivateSecurityRealm_-Details>\n  </properties>\n</user>\n")
    return b


def _jenkins_credentials_xml(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("<?xml version='1.1' encoding='UTF-8'?>\n")
    b.t(
        '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">\n'
    )
    b.t('  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">\n    <entry>\n')
    b.t("      <com.cloudbees.plugins.credentials.domains.Domain>\n        <specifications/>\n")
    b.t(
        "      </com.cloudbees.plugins.credentials.domains.Domain>\n      <java.util.concurrent.CopyOnWriteArrayList>\n"
    )
    for kind in ("UsernamePasswordCredentialsImpl", "StringCredentialsImpl"):
        b.t(f"        <com.cloudbees.plugins.credentials.impl.{kind}>\n          <scope>GLOBAL</scope>\n")
        b.t("          <id>").k(f.uuid()).t(
            f"</id>\n          <description>{f.pick(_SERVICES)} deploy</description>\n"
        )
        field = "password" if kind.startswith("Username") else "secret"
        if field == "password":
            b.t("          <username>deployer</username>\n")
        b.t(f"          <{field}>{{AQAAABAAAAAQ{f.run(40, _B64)}=}}</{field}>\n")
        b.t(f"        </com.cloudbees.plugins.credentials.impl.{kind}>\n")
    b.t("      </java.util.concurrent.CopyOnWriteArrayList>\n    </entry>\n  </domainCredentialsMap>\n")
    b.t("</com.cloudbees.plugins.credentials.SystemCredentialsProvider>\n")
    if f.chance(0.7):
        b.t("$ git log -1 --format=%H -- credentials.xml\n").k(f.git_sha()).t("\n")
    return b


def _gitlab_runner(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(3, 1, 1, i)
    if f.chance(0.4):
        b.t(f"$ gitlab-runner register --non-interactive --url https://gitlab.{dom}/ --token ")
        tok = f.glrt()
        b.s("gitlab-token", tok).t(" --executor docker --docker-image alpine:3.20\n")
        b.t("Runtime platform                                    arch=amd64 os=linux pid=4182 revision=")
        b.k(f.hexs(8)).t(" version=17.5.2\nRunner registered successfully.\n\n")
        feats.discard(0)
    b.t("$ sudo cat /etc/gitlab-runner/config.toml\nconcurrent = 4\ncheck_interval = 0\n\n[[runners]]\n")
    b.t(f'  name = "build-{f.num(1, 9):02d}"\n  url = "https://gitlab.{dom}/"\n  id = {f.num(10, 999)}\n')
    b.t('  token = "')
    b.either(0 in feats, "gitlab-token", f.glrt(), "glrt-" + "x" * 20)
    b.t('"\n  executor = "docker"\n  [runners.docker]\n    image = "alpine:3.20"\n')
    b.t(
        '  [runners.cache]\n    Type = "s3"\n    Shared = true\n    [runners.cache.s3]\n      ServerAddress = "'
    )
    if 1 in feats:
        b.s("private-ip", f.priv_ip()).t(':9000"\n')
    else:
        b.t(f'minio.{dom}:9000"\n')
    b.t('      AccessKey = "')
    if 2 in feats:
        b.s("aws-access-key", f.aws_key()).t('"\n      SecretKey = "').s("secret-access-key", f.aws_secret())
    else:
        b.k(f.akia_example()).t('"\n      SecretKey = "').k("<secret-key>")
    b.t('"\n      BucketName = "runner-cache"\n')
    return b


def _forge_git_log(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    name = f"{first} {last}"
    mail = f.email(first, last, dom)
    b.t("$ git log -2\ncommit ").k(f.git_sha()).t("\nAuthor: ").s("person-name", name).t(" <").s(
        "email", mail
    )
    b.t(">\nDate:   Tue Mar 3 14:22:01 2026 +0100\n\n    ci: move the runner cache to the new bucket\n\n")
    b.t("    Signed-off-by: ").s("person-name", name).t(" <").s("email", mail).t(">\n")
    if f.chance(0.5):
        b.t("    Co-authored-by: dependabot[bot] <").k("49699333+dependabot[bot]@users.noreply.github.com").t(
            ">\n"
        )
    b.t("\ncommit ").k(f.git_sha()).t(f"\nMerge: {f.hexs(7)} {f.hexs(7)}\nAuthor: Gitea <").k(
        f"noreply@git.{dom}"
    )
    b.t(
        ">\nDate:   Tue Mar 3 13:10:44 2026 +0100\n\n"
        "    Merge pull request 'bump deps' (#214) from renovate/deps into main\n"
    )
    return b


def _jenkins_cli(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    sam = f.login()
    tok = "11" + f.hexs(32)
    b.t(f"$ java -jar jenkins-cli.jar -s https://jenkins.{dom}/ -auth {sam}:").s("jenkins-api-token", tok)
    b.t(" list-jobs\napi-gateway\nbilling-worker\nnightly-backup\n")
    b.t(f"$ curl -X POST -u {sam}:").s("jenkins-api-token", tok)
    b.t(f' "https://jenkins.{dom}/job/api-gateway/buildWithParameters?BRANCH=main"\n')
    if f.chance(0.5):
        b.t("$ git rev-parse HEAD\n").k(f.git_sha()).t("\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: virtualization and hypervisors


def _vagrantfile(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    feats = f.subset(4, 1, 1, i)
    b.t('# -*- mode: ruby -*-\nVagrant.configure("2") do |config|\n  config.vm.box = "generic/ubuntu2204"\n')
    b.t('  config.vm.box_version = "').k(f.version()).t('"\n')
    b.t('  config.vm.network "private_network", ip: "')
    b.either(0 in feats, "private-ip", f.priv_ip(), f.doc_ip())
    b.t('"\n  config.ssh.username = "ops"\n')
    if 1 in feats:
        b.t('  config.ssh.password = "').s("password", f.pw()).t('"\n')
    else:
        b.t('  config.ssh.insert_key = false\n  config.ssh.private_key_path = "~/.ssh/id_ed25519"\n')
    if f.chance(0.5):
        b.t('  config.vm.synced_folder "/Users/').s("home-username", user).t('/src/app", "/srv/app"\n')
    else:
        b.t('  config.vm.synced_folder ".", "/srv/app"\n')
    b.t('  config.vm.provider "vmware_desktop" do |v|\n    v.vmx["memsize"] = "4096"\n  end\n')
    b.t('  config.vm.provision "shell", inline: <<-SHELL\n')
    b.t("    echo '").k(f.ssh_pub()).t(" ops@laptop' >> /home/ops/.ssh/authorized_keys\n")
    if 2 in feats:
        b.t("    echo ").s("dockerhub-token", f.dockerhub()).t(
            " | docker login -u buildbot --password-stdin\n"
        )
    if 3 in feats:
        b.t("    export VAULT_TOKEN=").s("vault-token", f.vault()).t("\n")
    b.t("  SHELL\nend\n")
    return b


def _packer_hcl(f: _Fake, i: int) -> _B:
    b = _B()
    feats = f.subset(4, 1, 2, i)
    b.t('packer {\n  required_plugins {\n    proxmox = {\n      version = ">= 1.1.8"\n')
    b.t('      source  = "github.com/hashicorp/proxmox"\n    }\n  }\n}\n\n')
    b.t('variable "ssh_password" {\n  type      = string\n  sensitive = true\n}\n\n')
    b.t('source "proxmox-iso" "ubuntu" {\n  proxmox_url  = "https://')
    b.either(0 in feats, "private-ip", f.priv_ip(), "pve01.example.net")
    b.t(':8006/api2/json"\n  username     = "packer@pve!build"\n  token        = "')
    b.either(1 in feats, "proxmox-token", f.uuid(), "${var.proxmox_token}")
    b.t('"\n  node         = "pve01"\n  ssh_username = "ubuntu"\n  ssh_password = ')
    if 2 in feats:
        b.t('"').s("password", f.pw()).t('"\n')
    else:
        b.k("var.ssh_password").t("\n")
    b.t('  iso_checksum = "').k("sha256:" + f.sha256()).t('"\n')
    b.t('  boot_command = ["<esc><wait>", "autoinstall ds=nocloud-net;s=http://')
    b.k("{{ .HTTPIP }}").t(':{{ .HTTPPort }}/<enter>"]\n}\n')
    if 3 in feats:
        b.t('\nsource "digitalocean" "base" {\n  api_token = "').s("digitalocean-token", f.digitalocean())
        b.t('"\n  image     = "ubuntu-22-04-x64"\n  region    = "fra1"\n  size      = "s-1vcpu-1gb"\n}\n')
    return b


def _packer_json(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(2, 1, 1, i)
    b.t('{\n  "variables": {\n    "vcenter_password": "').k("{{env `VCENTER_PASSWORD`}}").t('"\n  },\n')
    b.t('  "builders": [\n    {\n      "type": "vsphere-iso",\n')
    b.t(f'      "vcenter_server": "vcenter.{dom}",\n      "username": "svc-packer",\n      "password": "')
    b.either(0 in feats, "password", f.pw(), "{{user `vcenter_password`}}")
    b.t('",\n      "insecure_connection": "true",\n      "communicator": "winrm",\n')
    b.t('      "winrm_username": "Administrator",\n      "winrm_password": "')
    b.either(1 in feats, "password", f.pw(), "{{user `winrm_password`}}")
    b.t('",\n      "iso_checksum": "').k("sha256:" + f.sha256()).t('"\n    }\n  ]\n}\n')
    return b


def _govc(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t("$ export GOVC_URL='https://svc-packer:").s("url-password", f.pw(url=True)).t(
        f"@vcenter.{dom}/sdk'\n"
    )
    b.t("$ export GOVC_INSECURE=1\n")
    if i % 2 == 0:
        b.t(
            "$ govc about\nFullName:     VMware vCenter Server 8.0.2 build-22617221\n"
            "Name:         VMware vCenter Server\n"
        )
        b.t(
            "Vendor:       VMware, Inc.\nVersion:      8.0.2\nBuild:        22617221\nOS type:      linux-x64\n"
        )
        b.t("API type:     VirtualCenter\nAPI version:  ").k("8.0.2.0").t(
            "\nProduct ID:   vpx\nUUID:         "
        )
        b.k(f.uuid()).t("\n")
    else:
        vm = f"{f.pick(_SERVICES)}-0{f.num(1, 9)}"
        b.t(f"$ govc vm.info -r {vm}\nName:           {vm}\n  Path:         /DC1/vm/{vm}\n  UUID:         ")
        b.k(f.uuid()).t(
            "\n  Guest name:   Ubuntu Linux (64-bit)\n  Memory:       4096MB\n  CPU:          2 vCPU(s)\n"
        )
        b.t("  Power state:  poweredOn\n  IP address:   ").s("private-ip", f.priv_ip())
        b.t(f"\n  Host:         esx-0{f.num(1, 6)}.{dom}\n")
    return b


def _esxi(f: _Fake, i: int) -> _B:
    b = _B()
    pw = f.pw()
    b.t("[root@esx-03:~] esxcli system account add --id=ops --description='ops break-glass' \\\n")
    b.t("    --password='").s("password", pw).t("' --password-confirmation='").s("password", pw).t("'\n")
    b.t("[root@esx-03:~] esxcli system permission set --id=ops --role=Admin\n")
    b.t("[root@esx-03:~] esxcli network ip interface ipv4 get\n")
    b.t("Name  IPv4 Address    IPv4 Netmask   IPv4 Broadcast   Address Type  Gateway       DHCP DNS\n")
    b.t("----  --------------  -------------  ---------------  ------------  ------------  --------\n")
    b.t("vmk0  ").s("private-ip", f.priv_ip()).t("     ").k("255.255.255.0").t(
        "  -                STATIC        "
    )
    b.s("private-ip", f.priv_ip()).t("      false\n")
    b.t("[root@esx-03:~] vmware -vl\nVMware ESXi 8.0.2 build-22380479\nVMware ESXi 8.0 Update 2\n")
    return b


def _libvirt(f: _Fake, i: int) -> _B:
    b = _B()
    vm = f"{f.pick(_SERVICES)}-0{f.num(1, 9)}"
    sec_uuid = f.uuid()
    key = f.ceph_key()
    b.t(f"$ virsh dumpxml {vm}\n<domain type='kvm'>\n  <name>{vm}</name>\n  <uuid>").k(f.uuid())
    b.t(
        "</uuid>\n  <memory unit='KiB'>8388608</memory>\n  <devices>\n    <disk type='network' device='disk'>\n"
    )
    b.t(f"      <source protocol='rbd' name='libvirt-pool/{vm}'>\n        <host name='")
    _addr(f, b, f"ceph-mon1.{f.domain()}")()
    b.t(
        "' port='6789'/>\n      </source>\n      <auth username='libvirt'>\n        <secret type='ceph' uuid='"
    )
    b.k(sec_uuid).t("'/>\n      </auth>\n    </disk>\n")
    b.t("    <graphics type='vnc' port='-1' autoport='yes' listen='").k("0.0.0.0").t("' passwd='")
    b.either(i % 3 != 2, "password", f.pw("gen"), "changeme")
    b.t(
        "'/>\n  </devices>\n</domain>\n$ sudo cat /etc/ceph/ceph.client.libvirt.keyring\n[client.libvirt]\n\tkey = "
    )
    b.s("ceph-key", key).t('\n\tcaps mon = "profile rbd"\n\tcaps osd = "profile rbd pool=libvirt-pool"\n')
    if f.chance(0.6):
        b.t("$ virsh secret-set-value --secret ").k(sec_uuid).t(" --base64 ").s("ceph-key", key).t("\n")
        b.t("Secret value set\n")
    return b


def _proxmox(f: _Fake, i: int) -> _B:
    b = _B()
    tok = f.uuid()
    ip = f.priv_ip()
    tid = f.pick(["terraform", "packer", "ansible", "backup"])
    mode = i % 3
    if mode == 0:
        b.t(f"root@pve01:~# pveum user token add automation@pve {tid} --privsep 0\n")
        b.t(
            "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c"
            + "\u2500" * 38
            + "\u2510\n"
        )
        b.t("\u2502 key          \u2502 value                                \u2502\n")
        b.t(f"\u2502 full-tokenid \u2502 automation@pve!{tid:<22}\u2502\n")
        b.t('\u2502 info         \u2502 {"privsep":"0"}                      \u2502\n')
        b.t("\u2502 value        \u2502 ").s("proxmox-token", tok).t(" \u2502\n")
        b.t("\u2514" + "\u2500" * 14 + "\u2534" + "\u2500" * 38 + "\u2518\n")
        b.t(f'root@pve01:~# curl -s -H "Authorization: PVEAPIToken=automation@pve!{tid}=').s(
            "proxmox-token", tok
        )
        b.t('" https://').s("private-ip", ip).t(
            ":8006/api2/json/nodes | jq -r '.data[].node'\npve01\npve02\n"
        )
    elif mode == 1:
        b.t(f"$ export PM_API_URL=https://pve01.{f.domain()}:8006/api2/json\n")
        b.t(f"$ export PM_API_TOKEN_ID='automation@pve!{tid}'\n$ export PM_API_TOKEN_SECRET='")
        b.s("proxmox-token", tok).t("'\n$ terraform plan\n")
        b.t("proxmox_vm_qemu.web[0]: Refreshing state... [id=pve01/qemu/101]\nNo changes.\n")
    else:
        vmid = f.num(100, 9000)
        b.t(f"root@pve01:~# qm set {vmid} --ciuser ubuntu --cipassword '").s("password", f.pw()).t("' ")
        b.t(
            "--sshkeys ~/.ssh/id_ed25519.pub\nupdate VM "
            + str(vmid)
            + ": -cipassword <hidden> -ciuser ubuntu -sshkeys ...\n"
        )
        b.t(f"root@pve01:~# qm config {vmid}\nboot: order=scsi0\ncipassword: ").k("**********")
        b.t("\nciuser: ubuntu\ncores: 2\nipconfig0: ip=").s("private-ip", ip).t("/24,gw=")
        b.s("private-ip", f.priv_ip()).t(f"\nmemory: 4096\nname: vm-{vmid}\nsmbios1: uuid=").k(f.uuid())
        b.t("\nvmgenid: ").k(f.uuid()).t("\n")
    return b


def _cloud_init(f: _Fake, i: int) -> _B:
    b = _B()
    feats = f.subset(2, 1, 2, i)
    b.t(
        f"#cloud-config\nhostname: {f.pick(_SERVICES)}-0{f.num(1, 9)}\nusers:\n  - name: ops\n    groups: sudo\n"
    )
    b.t("    shell: /bin/bash\n")
    if 0 in feats:
        b.t("    passwd: ").s("password-hash", f.pwhash()).t("\n")
    b.t("    lock_passwd: false\n    ssh_authorized_keys:\n      - ").k(f.ssh_pub()).t(" ops@laptop\n")
    b.t("chpasswd:\n  expire: false\n  users:\n    - name: root\n      password: ")
    if 1 in feats:
        b.s("password", f.pw()).t("\n      type: text\n")
    else:
        b.k("${root_password}").t("\n")
    b.t("package_update: true\npackages: [qemu-guest-agent]\n")
    return b


def _vagrant_key(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    b.t("$ vagrant ssh-config\nHost default\n  HostName ").k("127.0.0.1").t("\n  User vagrant\n  Port 2222\n")
    b.t("  IdentityFile /home/").s("home-username", user).t(
        "/vms/dev/.vagrant/machines/default/virtualbox/private_key\n"
    )
    b.t("$ cat .vagrant/machines/default/virtualbox/private_key\n")
    b.s("openssh-private-key", f.openssh("vagrant")).t("\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: enterprise ERP and mainframe integration


def _jco_dest(f: _Fake, i: int) -> _B:
    b = _B()
    t = f.when()
    b.t("#for tests only !\n#" + t.strftime("%a %b %d %H:%M:%S CET %Y") + "\n")
    b.t(
        f"jco.client.lang=EN\njco.destination.peak_limit=10\njco.client.client={f.pick(['100', '200', '300'])}\n"
    )
    b.t("jco.client.passwd=")
    b.either(i % 4 != 3, "password", f.pw(), "${SAP_RFC_PASSWORD}")
    b.t(
        f"\njco.client.user=RFC_{f.pick(_SERVICES).upper()}\njco.client.sysnr=00\njco.destination.pool_capacity=3\n"
    )
    b.t("jco.client.ashost=")
    if f.chance(0.6):
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"s4h-app01.{f.domain()}")
    b.t("\n")
    if f.chance(0.4):
        b.t("jco.client.saprouter=/H/").s("public-ip", f.pub_ip()).t("/S/3299/H/\n")
    return b


def _btp_destination(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    if i % 2 == 0:
        b.t('{\n  "Name": "S4H_ODATA",\n  "Type": "HTTP",\n')
        b.t(f'  "URL": "http://s4h.{dom}:44300",\n  "Authentication": "BasicAuthentication",\n')
        b.t('  "ProxyType": "OnPremise",\n  "User": "ODATA_USER",\n  "Password": "').s("password", f.pw())
        b.t('",\n  "sap-client": "100",\n  "CloudConnectorLocationId": "DC1"\n}\n')
    else:
        b.t(
            "$ cf service-key xsuaa-orders orders-key\nGetting key orders-key for service instance xsuaa-orders...\n\n"
        )
        b.t('{\n  "credentials": {\n    "apiurl": "https://api.authentication.eu10.hana.ondemand.com",\n')
        b.t(f'    "clientid": "sb-orders!t{f.num(1000, 99999)}",\n    "clientsecret": "')
        b.s("client-secret", f.uuid() + "$" + f.run(43, _B64URL) + "=").t('",\n')
        b.t('    "identityzone": "' + dom.split(".")[0] + '",\n    "tenantid": "').k(f.uuid()).t('",\n')
        b.t('    "url": "https://' + dom.split(".")[0] + '.authentication.eu10.hana.ondemand.com"\n  }\n}\n')
    return b


def _sapnwrfc(f: _Fake, i: int) -> _B:
    b = _B()
    if i % 2 == 0:
        b.t("# sapnwrfc.ini\nDEST=PRD\nASHOST=")
        _addr(f, b, f"s4h-app01.{f.domain()}")().t("\nSYSNR=00\nCLIENT=300\n")
        b.t("USER=RFC_BATCH\nPASSWD=").s("password", f.pw()).t("\nLANG=EN\nTRACE=0\n\n")
        b.t("# template for new destinations\n#DEST=<SID>\n#USER=<user>\n#PASSWD=").k("<password>").t("\n")
    else:
        b.t('from pyrfc import Connection\nimport os\n\nconn = Connection(\n    ashost="')
        b.s("private-ip", f.priv_ip()).t('",\n    sysnr="00",\n    client="300",\n    user="RFC_BATCH",\n')
        if f.chance(0.6):
            b.t('    passwd="').s("password", f.pw()).t('",\n)\n')
        else:
            b.t("    passwd=").k('os.environ["SAP_PASSWD"]').t(",\n)\n")
        b.t('result = conn.call("STFC_CONNECTION", REQUTEXT="ping")\nprint(result["ECHOTEXT"])\n')
    return b


def _sap_vendor_bank(f: _Fake, i: int) -> _B:
    b = _B()
    b.t('>>> rows = conn.call("RFC_READ_TABLE", QUERY_TABLE="LFBK", DELIMITER="|",\n')
    b.t('...     FIELDS=[{"FIELDNAME": f} for f in ("LIFNR", "BANKS", "IBAN")])["DATA"]\n')
    b.t(">>> for r in rows: print(r['WA'])\n")
    for _ in range(f.num(1, 2)):
        b.t(f"{f.num(100000, 999999):010d}|").t("DE|").s("iban", f.iban(grouped=False)).t("\n")
    good = f.iban(grouped=False)
    bad = good[:2] + f"{(int(good[2:4]) + f.num(1, 50)) % 97 + 2:02d}" + good[4:]
    if not iban_ok(bad):
        b.t("0000999999|DE|").k(bad).t("\n")
    return b


def _pain001(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    b.t(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">\n'
    )
    b.t(
        f"  <CstmrCdtTrfInitn>\n    <GrpHdr><MsgId>F110-{f.num(10**6, 10**7)}</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr>\n"
    )
    b.t("    <PmtInf>\n      <Dbtr><Nm>" + f.pick(_CO1).capitalize() + " GmbH</Nm></Dbtr>\n")
    b.t("      <DbtrAcct><Id><IBAN>").s("iban", f.iban(grouped=False)).t("</IBAN></Id></DbtrAcct>\n")
    b.t("      <CdtTrfTxInf>\n        <PmtId><EndToEndId>").k(f.uuid()).t("</EndToEndId></PmtId>\n")
    b.t(f'        <Amt><InstdAmt Ccy="EUR">{f.num(20, 900)}.{f.num(10, 99)}</InstdAmt></Amt>\n')
    b.t("        <Cdtr><Nm>").s("person-name", f"{first} {last}").t("</Nm></Cdtr>\n")
    b.t("        <CdtrAcct><Id><IBAN>").s("iban", f.iban(grouped=False)).t("</IBAN></Id></CdtrAcct>\n")
    b.t(
        "        <RmtInf><Ustrd>Travel expenses March</Ustrd></RmtInf>\n      </CdtTrfTxInf>\n    </PmtInf>\n"
    )
    b.t("  </CstmrCdtTrfInitn>\n</Document>\n")
    return b


def _jt400(f: _Fake, i: int) -> _B:
    b = _B()
    mode = i % 3
    if mode == 0:
        b.t("# application.properties\nspring.datasource.url=jdbc:as400://")
        _addr(f, b, f"ibmi.{f.domain()}")()
        b.t(";naming=system;libraries=PRODLIB;prompt=false;user=ORDSVC;password=").s("password", f.pw()).t(
            "\n"
        )
        b.t("spring.datasource.driver-class-name=com.ibm.as400.access.AS400JDBCDriver\n")
        b.t("spring.datasource.hikari.maximum-pool-size=5\n")
    elif mode == 1:
        b.t("; odbc.ini\n[IBMI_PROD]\nDriver=IBM i Access ODBC Driver\nSystem=")
        _addr(f, b, f"ibmi.{f.domain()}")()
        b.t("\nUID=ODBCUSR\nPWD=").s("password", f.pw()).t("\nDBQ=QGPL,PRODLIB\nCommitMode=2\n")
    else:
        b.t(
            "import com.ibm.as400.access.AS400;\n\npublic class Ping {\n"
            "  public static void main(String[] a) throws Exception {\n"
        )
        b.t('    String password = "').s("password", f.pw()).t('";\n')
        b.t('    AS400 system = new AS400("').s("private-ip", f.priv_ip()).t(
            '", "QPGMR", password.toCharArray());\n'
        )
        b.t('    System.out.println(system.getVersion() + "." + system.getRelease());\n  }\n}\n')
    if f.chance(0.8):
        b.t("# jt400 ").k("20.0.7").t(" from Maven Central\n")
    return b


def _oracle(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    mode = i % 3
    if mode == 0:
        b.t("# tnsnames.ora\nORCLPDB1 =\n  (DESCRIPTION =\n    (ADDRESS = (PROTOCOL = TCP)(HOST = ")
        _addr(f, b, f"ora-scan.{dom}")().t(")(PORT = 1521))\n")
        b.t(f"    (CONNECT_DATA = (SERVER = DEDICATED)(SERVICE_NAME = orclpdb1.{dom}))\n  )\n")
        b.t(
            "# sqlnet.ora\n"
            "WALLET_LOCATION = (SOURCE = (METHOD = FILE)(METHOD_DATA = (DIRECTORY = /u01/app/oracle/wallet)))\n"
        )
        b.t("SQLNET.WALLET_OVERRIDE = TRUE\n$ mkstore -wrl /u01/app/oracle/wallet -listCredential\n")
        b.t("Oracle Secret Store Tool Release ").k("19.0.0.0.0").t(
            " - Production\nList credential (index: connect_string username)\n"
        )
        b.t("1: ORCLPDB1 app_rw\n")
    elif mode == 1:
        b.t('import oracledb\n\nconn = oracledb.connect(\n    user="app_rw",\n    password="').s(
            "password", f.pw()
        )
        b.t('",\n    dsn="').s("private-ip", f.priv_ip()).t(':1521/orclpdb1",\n')
        if f.chance(0.5):
            b.t(
                '    config_dir="/opt/oracle/wallet",\n    wallet_location="/opt/oracle/wallet",\n    wallet_password="'
            )
            b.s("password", f.pw()).t('",\n')
        b.t(")\nprint(conn.version)\n")
    else:
        b.t(
            "# ojdbc.properties\n"
            "oracle.net.wallet_location=(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=${TNS_ADMIN})))\n"
        )
        b.t("oracle.net.wallet_password=").s("password", f.pw()).t(
            "\njavax.net.ssl.trustStore=${TNS_ADMIN}/truststore.jks\n"
        )
        b.t("javax.net.ssl.trustStorePassword=")
        b.either(f.chance(0.5), "password", f.pw(), "changeme")
        b.t("\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: team chat self-hosting and chat-ops


def _mattermost_config(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(4, 1, 2, i)
    b.t(
        '{\n  "ServiceSettings": {\n    "SiteURL": "https://chat.'
        + dom
        + '",\n    "ListenAddress": ":8065"\n  },\n'
    )
    b.t('  "SqlSettings": {\n    "DriverName": "postgres",\n    "DataSource": "postgres://mmuser:')
    b.either(0 in feats, "url-password", f.pw(url=True), "${MM_DB_PASSWORD}")
    b.t("@")
    if 0 in feats:
        b.s("private-ip", f.priv_ip())
    else:
        b.t("db")
    b.t(':5432/mattermost?sslmode=disable&connect_timeout=10",\n    "AtRestEncryptKey": "')
    b.either(1 in feats, "app-secret", f.token(32, _LOWER_ALNUM), "")
    b.t(
        '"\n  },\n  "EmailSettings": {\n    "SMTPServer": "smtp.'
        + dom
        + '",\n    "SMTPUsername": "mattermost",\n'
    )
    b.t('    "SMTPPassword": "')
    b.either(2 in feats, "password", f.pw(), "********")
    b.t('",\n    "FeedbackEmail": "').k(f"noreply@{dom}").t(
        '"\n  },\n  "FileSettings": {\n    "PublicLinkSalt": "'
    )
    b.either(3 in feats, "app-secret", f.token(32, _LOWER_ALNUM), "")
    b.t('",\n    "DriverName": "local",\n    "AmazonS3AccessKeyId": "').k(f.akia_example()).t('"\n  }\n}\n')
    return b


def _rocketchat(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    if i % 2 == 0:
        first, last = f.person()
        b.t("services:\n  rocketchat:\n    image: registry.rocket.chat/rocketchat/rocket.chat@").k(
            "sha256:" + f.sha256()
        )
        b.t("\n    environment:\n")
        b.t("      MONGO_URL: mongodb://rocketchat:").s("url-password", f.pw(url=True))
        b.t("@mongodb:27017/rocketchat?replicaSet=rs0&authSource=admin\n")
        b.t(f"      ROOT_URL: https://chat.{dom}\n      ADMIN_USERNAME: admin\n      ADMIN_PASS: ")
        b.s("password", f.pw()).t("\n      ADMIN_EMAIL: ").s("email", f.email(first, last, dom)).t("\n")
    else:
        b.t('$ curl -s -H "X-Auth-Token: ').s("chat-token", f.token(43, _B64URL))
        b.t(f'" -H "X-User-Id: {f.run(17, _ALNUM)}" https://chat.{dom}/api/v1/me | jq .status\n"online"\n')
    return b


def _zulip(f: _Fake, i: int) -> _B:
    b = _B()
    org = f.pick(_CO1)
    b.t("$ cat ~/.zuliprc\n[api]\n")
    b.t(f"email=deploy-bot@{org}.zulipchat.com\nkey=").s("chat-token", f.run(32, _ALNUM))
    b.t(f"\nsite=https://{org}.zulipchat.com\n")
    b.t("$ cat ~/zuliprc.sample\n[api]\nemail=bot@example.com\nkey=").k("<your-api-key>").t(
        "\nsite=https://chat.example.com\n"
    )
    b.t(
        "$ python -c \"import zulip; print(zulip.Client(config_file='~/.zuliprc').get_profile()['result'])\"\nsuccess\n"
    )
    return b


def _errbot(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    b.t("# config.py\nimport logging\n\nBACKEND = 'SlackV3'\nBOT_DATA_DIR = r'")
    if f.chance(0.5):
        b.t("/home/").s("home-username", user).t("/errbot/data'")
    else:
        b.t("/srv/errbot/data'")
    b.t("\nBOT_EXTRA_PLUGIN_DIR = r'~/errbot/plugins'\nBOT_LOG_LEVEL = logging.INFO\n\nBOT_IDENTITY = {\n")
    b.t("    'token': '")
    b.either(i % 4 != 3, "slack-token", f.slack_bot(), "xoxb-xxxx-xxxx-xxxx")
    b.t("',\n    'signing_secret': '" + f.hexs(32) + "',\n    'app_token': '").s("slack-token", f.slack_app())
    b.t("',\n    'webhook_token': ").k("os.environ['ERRBOT_WEBHOOK_TOKEN']")
    b.t(f",\n}}\nBOT_ADMINS = ('@{f.login()}',)\nCHATROOM_PRESENCE = ()\n")
    return b


def _hubot_env(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(5, 1, 2, i)
    b.t("# /etc/hubot/hubot.env\nHUBOT_NAME=opsbot\n")
    if 0 in feats:
        b.t("HUBOT_SLACK_TOKEN=").s("slack-token", f.slack_bot()).t("\n")
    b.t(f"HUBOT_JENKINS_URL=https://jenkins.{dom}\n")
    if 1 in feats:
        b.t("HUBOT_JENKINS_AUTH=admin:").s("jenkins-api-token", "11" + f.hexs(32)).t("\n")
    if 2 in feats:
        b.t("HUBOT_GITHUB_TOKEN=").s("github-token", f.github()).t("\n")
    if 3 in feats:
        b.t(
            f"HUBOT_SLACK_WEBHOOK=https://hooks.slack.com/services/T{f.run(8, _UPPER_ALNUM)}/"
            f"B{f.run(10, _UPPER_ALNUM)}/"
        )
        b.s("slack-webhook-secret", f.run(24, _ALNUM)).t("\n")
    b.t("REDIS_URL=redis://:")
    b.either(4 in feats, "url-password", f.pw(url=True), "${REDIS_PASSWORD}")
    b.t("@")
    if 4 in feats:
        b.s("private-ip", f.priv_ip())
    else:
        b.t("redis")
    b.t(":6379\n")
    if f.chance(0.4):
        b.t("APPLICATIONINSIGHTS_CONNECTION_STRING=").k(
            f"InstrumentationKey={f.uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
        ).t("\n")
    return b


def _mm_users(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t("$ mmctl user list --all\n")
    for _ in range(f.num(1, 2)):
        first, last = f.person()
        b.t(f"{f.run(26, _LOWER_ALNUM)}: {(first[0] + last).lower()} (").s(
            "email", f.email(first, last, dom)
        ).t(")\n")
    b.t("$ mmctl user list --all | tail -1\n")
    b.t(f"{f.run(26, _LOWER_ALNUM)}: opsbot (").k(f"noreply@{dom}").t(")\n")
    return b


def _slack_webhook(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("$ curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"deploy of ")
    b.t(
        f"{f.pick(_SERVICES)} finished\"}}' \\\n"
        f"    https://hooks.slack.com/services/T{f.run(8, _UPPER_ALNUM)}/B{f.run(10, _UPPER_ALNUM)}/"
    )
    b.s("slack-webhook-secret", f.run(24, _ALNUM)).t("\nok\n")
    if f.chance(0.5):
        b.t("$ git log -1 --format=%H\n").k(f.git_sha()).t("\n")
    return b


def _github_app_key(f: _Fake, i: int) -> _B:
    b = _B()
    b.t(f"$ ls secrets/\nopsbot.{f.num(2024, 2026)}-0{f.num(1, 9)}-1{f.num(0, 9)}.private-key.pem\n")
    b.t("$ cat secrets/opsbot.*.private-key.pem\n").s("private-key", f.pem("rsa")).t("\n")
    if f.chance(0.6):
        der = _hex("30820122 300d06092a864886 f70d010101 0500 0382010f00 3082010a 0282010100") + f.raw(256)
        body = base64.b64encode(der + bytes.fromhex("0203010001")).decode()
        pub = "\n".join(body[j : j + 64] for j in range(0, len(body), 64))
        b.t("$ openssl rsa -in secrets/opsbot.*.private-key.pem -pubout\nwriting RSA key\n")
        b.k("-----BEGIN PUBLIC KEY-----\n" + pub + "\n-----END PUBLIC KEY-----").t("\n")
    b.t(f"$ grep APP_ID .env\nGITHUB_APP_ID={f.num(100000, 999999)}\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: password manager exports


_SITES = (
    ("AWS console", "https://signin.aws.amazon.com/console"),
    ("GitHub", "https://github.com/login"),
    ("Netflix", "https://www.netflix.com/login"),
    ("Bank portal", "https://online.{dom}/login"),
    ("VPN", "https://vpn.{dom}"),
    ("Grafana", "https://grafana.{dom}/login"),
    ("Router", "https://router.{dom}"),
)


def _brand(number: str) -> str:
    return {"4": "Visa", "5": "Mastercard", "3": "American Express"}[number[0]]


def _bitwarden_csv(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    mail = f.email(first, last, f.domain())
    b.t(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
    )
    for n in range(f.num(1, 2)):
        name, uri = f.pick(_SITES)
        uri = uri.replace("{dom}", dom)
        b.t(f"{f.pick(['Work', 'Personal', ''])},{f.pick(['1', ''])},login,{name},,,0,{uri},")
        if f.chance(0.5):
            b.s("email", mail)
        else:
            b.t(f.pick(["admin", "ops", f.login(first, last)]))
        b.t(",").s("password", f.pw()).t(",")
        if n == 0 and (i % 2 == 0 or f.chance(0.3)):
            label = name.replace(" ", "%20")
            b.t(f"otpauth://totp/{label}:ops?secret=").s("totp-secret", f.totp()).t(f"&issuer={label}")
        b.t("\n")
    b.t('Work,,note,Server notes,"Root password lives in the vault, not here",,0,,,,\n')
    if f.chance(0.6):
        b.t(",,login,Sample site,,,0,https://example.com/login,").k("jane.doe@example.com").t(",").k(
            "<password>"
        ).t(",\n")
    return b


def _lastpass_csv(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    b.t("url,username,password,totp,extra,name,grouping,fav\n")
    name, uri = f.pick(_SITES)
    b.t(uri.replace("{dom}", f.domain()) + ",")
    if f.chance(0.5):
        b.s("email", f.email(first, last, f.domain()))
    else:
        b.t("admin")
    b.t(",").s("password", f.pw()).t(f",,,{name},Work,0\n")
    b.t('http://sn,,,,"NoteType:Credit Card\nLanguage:en-US\nName on Card:').s(
        "person-name", f"{first} {last}"
    )
    number = f.card()
    brand = _brand(number)
    b.t(f"\nType:{brand}\nNumber:").s("card-number", number).t(f"\nSecurity Code:{f.num(100, 999)}\n")
    b.t(
        f'Start Date:,\nExpiration Date:{f.pick(["January", "June", "October"])},{f.num(2027, 2031)}\nNotes:",'
    )
    b.t(f"{brand},Finance,0\n")
    if f.chance(0.6):
        b.t("https://example.com,").k("user@example.com").t(",").k("changeme").t(",,,Sample,Test,0\n")
    if f.chance(0.5):
        b.t('http://sn,,,,"NoteType:Social Security\nName:').s("person-name", f"{first} {last}")
        b.t("\nNumber:").s("ssn", f.ssn()).t('\nNotes:",SSN,Personal,0\n')
    elif f.chance(0.6):
        b.t('http://sn,,,,"NoteType:Bank Account\nBank Name:' + f.pick(_CO1).capitalize() + " Bank\n")
        b.t("IBAN:").s("iban", f.iban()).t('\nNotes:",Salary account,Finance,0\n')
    return b


def _keepass_xml(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    b.t('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile>\n  <Root>\n    <Group>\n')
    b.t("      <Name>Infrastructure</Name>\n")
    for n in range(1):
        b.t(f"      <Entry>\n        <UUID>{base64.b64encode(f.raw(16)).decode()}</UUID>\n")
        b.t("        <String><Key>Notes</Key><Value>rotated quarterly</Value></String>\n")
        if n == 0 and (i % 2 == 1 or f.chance(0.3)):
            b.t("        <String><Key>otp</Key><Value>otpauth://totp/VPN:ops?secret=").s(
                "totp-secret", f.totp()
            )
            b.t("&amp;period=30&amp;digits=6&amp;issuer=VPN</Value></String>\n")
        b.t('        <String><Key>Password</Key><Value ProtectInMemory="True">').s("password", f.pw()).t(
            "</Value></String>\n"
        )
        b.t(f"        <String><Key>Title</Key><Value>vpn.{dom}</Value></String>\n")
        b.t(f"        <String><Key>URL</Key><Value>https://vpn.{dom}</Value></String>\n")
        b.t("        <String><Key>UserName</Key><Value>")
        if f.chance(0.5):
            b.s("email", f.email(first, last, dom))
        else:
            b.t("ops")
        b.t("</Value></String>\n")
        b.t("      </Entry>\n")
    if f.chance(0.6):
        b.t("      <Entry>\n        <String><Key>Title</Key><Value>Sample Entry</Value></String>\n")
        b.t('        <String><Key>Password</Key><Value ProtectInMemory="True">').k("changeme").t(
            "</Value></String>\n"
        )
        b.t("        <String><Key>URL</Key><Value>https://keepass.info/</Value></String>\n      </Entry>\n")
    b.t("    </Group>\n  </Root>\n</KeePassFile>\n")
    return b


def _bitwarden_json(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    dom = f.domain()
    mode = (2, 1, 0, 2, 1)[i % 5]
    b.t('{\n  "encrypted": false,\n  "folders": [{"id": "').k(f.uuid()).t(
        '", "name": "Personal"}],\n  "items": [\n'
    )
    if mode == 0:
        b.t('    {"id": "').k(f.uuid()).t('", "type": 1, "name": "GitHub", "login": {"username": "')
        b.s("email", f.email(first, last, dom)).t('", "password": "').s("password", f.pw())
        b.t(f'", "totp": "otpauth://totp/GitHub:{f.login()}?secret=').s("totp-secret", f.totp())
        b.t('&issuer=GitHub", "uris": [{"match": null, "uri": "https://github.com/login"}]}}\n')
    elif mode == 1:
        number = f.card(grouped=False)
        brand = _brand(number)
        b.t('    {"id": "').k(f.uuid()).t(f'", "type": 3, "name": "{brand}", "card": {{"cardholderName": "')
        b.s("person-name", f"{first} {last}").t(f'", "brand": "{brand}", "number": "').s(
            "card-number", number
        )
        b.t(
            f'", "expMonth": "{f.num(1, 12)}", "expYear": "{f.num(2027, 2031)}", "code": "{f.num(100, 999)}"}}}}\n'
        )
    else:
        b.t('    {"id": "').k(f.uuid()).t('", "type": 4, "name": "Me", "identity": {"title": "')
        b.t(f'{f.pick(["Mr", "Ms", "Mx"])}", "firstName": "{first}", "lastName": "{last}", "ssn": "')
        b.s("ssn", f.ssn()).t('", "email": "').s("email", f.email(first, last, dom))
        b.t(f'", "phone": null, "username": "{f.login(first, last)}"}}}}\n')
    b.t("  ]\n}\n")
    return b


def _onepux(f: _Fake, i: int) -> _B:
    b = _B()
    stamp = f.when().strftime("%Y%m%d-%H%M%S")
    name = f"1PasswordExport-{f.run(26, _UPPER_ALNUM)}-{stamp}.1pux"
    pw = f.pw()
    b.t(
        f"$ unzip -l {name}\nArchive:  {name}\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n"
    )
    b.t("      312  2026-03-04 10:15   export.attributes\n    18233  2026-03-04 10:15   export.data\n")
    b.t(f"    40211  2026-03-04 10:15   files/{f.run(26, _LOWER_ALNUM)}__receipt.pdf\n")
    b.t(f"$ sha256sum {name}\n").k(f.sha256()).t(f"  {name}\n")
    b.t(
        f"$ unzip -p {name} export.data | jq '.accounts[0].vaults[0].items[0].details'\n{{\n  \"loginFields\": [\n"
    )
    b.t('    {"value": "app_admin", "name": "username", "fieldType": "T", "designation": "username"},\n')
    b.t('    {"value": "').s("password", pw).t(
        '", "name": "password", "fieldType": "P", "designation": "password"}\n'
    )
    b.t('  ],\n  "notesPlain": "",\n  "password": "').s("password", pw).t(
        '",\n  "documentAttributes": null\n}\n'
    )
    return b


def _pm_cli(f: _Fake, i: int) -> _B:
    b = _B()
    mode = i % 4
    item = f.pick(["Prod DB", "vpn", "github.com", "Router admin", "SFTP partner"])
    if mode == 0:
        b.t(f'$ bw get password "{item}"\n').s("password", f.pw()).t("\n")
    elif mode == 1:
        b.t('$ op read "').k(f"op://Private/{item}/password").t('"\n').s("password", f.pw()).t("\n")
    elif mode == 2:
        b.t(f"$ pass show work/{item.lower().replace(' ', '-')}\n").s("password", f.pw()).t("\n")
    else:
        b.t(f'$ op item get "{item}" --reveal --fields password\n').s("password", f.pw()).t("\n")
    if f.chance(0.5):
        b.t("$ bw status | jq -r .status\nunlocked\n")
    return b


def _bw_notes(f: _Fake, i: int) -> _B:
    b = _B()
    b.t(f'$ bw get notes "{f.pick(["Ledger backup", "Hot wallet", "Cold storage"])}"\ndevice: Nano X\n')
    name = f.pick(["recovery_phrase", "SEED_PHRASE", "MNEMONIC"])
    sep = ": " if name.islower() else "="
    b.t(name + sep).s("recovery-phrase", f.mnemonic(f.pick([12, 24]))).t("\npin: on paper, in the safe\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: Jupyter and Colab outputs


def _environ_output(f: _Fake, i: int) -> _B:
    inner = _B()
    user = f.login()
    feats = f.subset(5, 1, 1, i)
    inner.t("environ({'SHELL': '/bin/bash', 'HOME': '")
    if f.chance(0.5):
        inner.t("/home/").s("home-username", user)
    else:
        inner.t("/root")
    inner.t("', 'JPY_SESSION_NAME': 'explore.ipynb', 'LANG': 'C.UTF-8', ")
    if 0 in feats:
        inner.t("'OPENAI_API_KEY': '").s("openai-api-key", f.openai()).t("', ")
    if 1 in feats:
        inner.t("'HF_TOKEN': '").s("huggingface-token", f.hf()).t("', ")
    if 2 in feats:
        inner.t("'DB_PASSWORD': '").s("password", f.pw()).t("', ")
    if 3 in feats:
        inner.t("'GOOGLE_API_KEY': '").s("google-api-key", f.google()).t("', ")
    if 4 in feats:
        inner.t("'ANTHROPIC_API_KEY': '").s("anthropic-api-key", f.anthropic()).t("', ")
    if f.chance(0.3):
        inner.t("'VAULT_TOKEN': '").s("vault-token", f.vault()).t("', ")
    if f.chance(0.3):
        inner.t("'STRIPE_SECRET_KEY': '").s("stripe-key", f.stripe()).t("', ")
    if f.chance(0.5):
        inner.t("'POSTHOG_API_KEY': '").k(f.posthog()).t("', ")
    inner.t("'MPLBACKEND': 'module://matplotlib_inline.backend_inline', 'GIT_COMMIT': '").k(f.git_sha()).t(
        "'})"
    )
    b = _B()
    if i % 2 == 0:
        b.t('{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 3,\n   "metadata": {},\n')
        b.t('   "outputs": [\n    {\n     "data": {\n      "text/plain": [\n       "')
        b.add(inner, _esc_json)
        b.t(
            '"\n      ]\n     },\n     "execution_count": 3,\n     "metadata": {},\n'
            '     "output_type": "execute_result"\n'
        )
        b.t(
            '    }\n   ],\n   "source": [\n    "import os\\n",\n    "os.environ"\n   ]\n  }\n ],\n "nbformat": 4\n}\n'
        )
    else:
        b.t("In [3]: import os\n\nIn [4]: os.environ\nOut[4]: \n").add(inner).t("\n")
    return b


def _env_magic(f: _Fake, i: int) -> _B:
    b = _B()
    feats = f.subset(4, 1, 1, i)
    n = f.num(2, 9)
    if 0 in feats:
        key = f.aws_key()
        b.t(f"In [{n}]: %env AWS_ACCESS_KEY_ID=").s("aws-access-key", key).t("\nenv: AWS_ACCESS_KEY_ID=")
        b.s("aws-access-key", key).t("\n\n")
        sec = f.aws_secret()
        b.t(f"In [{n + 1}]: %env AWS_SECRET_ACCESS_KEY=").s("secret-access-key", sec).t(
            "\nenv: AWS_SECRET_ACCESS_KEY="
        )
        b.s("secret-access-key", sec).t("\n\n")
    if 3 in feats:
        pw = f.pw()
        b.t(f"In [{n + 2}]: %env WAREHOUSE_PASSWORD=").s("password", pw).t("\nenv: WAREHOUSE_PASSWORD=")
        b.s("password", pw).t("\n\n")
    if 2 in feats:
        b.t(f'In [{n + 3}]: os.environ["HF_TOKEN"] = "').s("huggingface-token", f.hf()).t('"\n\n')
    if 1 in feats:
        key = f.anthropic()
        b.t(f"In [{n + 5}]: %env ANTHROPIC_API_KEY=").s("anthropic-api-key", key).t(
            "\nenv: ANTHROPIC_API_KEY="
        )
        b.s("anthropic-api-key", key).t("\n\n")
    b.t(f"In [{n + 6}]: %env AWS_ACCESS_KEY_ID=").k(f.akia_example()).t("\n")
    return b


def _nb_traceback(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    at = _addr(f, b, f"warehouse.{f.domain()}")
    b.t("-" * 75 + "\nOperationalError                          Traceback (most recent call last)\n")
    b.t("Cell In[7], line 3\n      1 from sqlalchemy import create_engine\n")
    if i % 2 == 0:
        b.t('----> 3 engine = create_engine("postgresql+psycopg2://analyst:').s(
            "url-password", f.pw(url=True)
        )
        b.t("@")
        at().t(':5432/warehouse")\n')
    else:
        b.t("----> 3 engine = create_engine(").k('os.environ["WAREHOUSE_URL"]').t(")\n")
    b.t('      4 df = pd.read_sql("select * from orders limit 10", engine)\n\n')
    if f.chance(0.5):
        b.t("File /home/").s("home-username", user).t("/.local/lib/python3.11/")
    else:
        b.t("File /opt/conda/lib/python3.11/")
    b.t("site-packages/sqlalchemy/engine/base.py:145, ")
    b.t(
        "in Connection.__init__(self, engine, connection, _has_events, _allow_revalidate, _allow_autobegin)\n"
    )
    b.t('OperationalError: (psycopg2.OperationalError) connection to server at "')
    at()
    b.t(
        '", port 5432 failed: Connection timed out\n'
        "\tIs the server running on that host and accepting TCP/IP connections?\n\n"
    )
    b.t("(Background on this error at: https://sqlalche.me/e/20/e3q8)\n")
    return b


def _dataframe(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    extra = ("ssn", "iban", "card_number")[i % 3]
    val_cls = {"ssn": "ssn", "iban": "iban", "card_number": "card-number"}[extra]
    md = i % 2 == 1
    rows = f.num(1, 2)
    with_mail = f.chance(0.4)
    mail_head = (
        ("| email                          " if md else "                          email   ")
        if with_mail
        else ""
    )
    if md:
        b.t(f"In [12]: print(customers.head({rows}).to_markdown())\n")
        b.t(f"|    |   customer_id | full_name          {mail_head}| {extra}   |\n")
        b.t(
            "|---:|--------------:|:-------------------"
            + ("|:-------------------------------" if with_mail else "")
        )
        b.t("|:-----------|\n")
    else:
        b.t(f"In [12]: customers.head({rows})\nOut[12]: \n")
        b.t(f"   customer_id           full_name {mail_head}  {extra}\n")
    for r in range(rows):
        first, last = f.person()
        val = (
            f.ssn() if extra == "ssn" else f.iban(grouped=False) if extra == "iban" else f.card(grouped=False)
        )
        sep = " | " if md else "   "
        b.t(f"|  {r} |         {f.num(10000, 99999)} | " if md else f"{r}        {f.num(10000, 99999)}   ")
        b.s("person-name", f"{first} {last}").t(sep)
        if with_mail:
            b.s("email", f.email(first, last, f.domain())).t(sep)
        b.s(val_cls, val).t(" |\n" if md else "\n")
    if f.chance(0.5):
        b.t(f"\nIn [13]: customers.attrs['source']\nOut[13]: 's3://{dom.split('.')[0]}-lake/customers/").k(
            f.sha256()
        )
        b.t(".parquet'\n")
    return b


def _jupyter_log(f: _Fake, i: int) -> _B:
    b = _B()
    tok = f.hexs(48)
    host = f.pick(["gpu-box", "notebook-0", "ds-ws-12"])
    t = f.when()
    stamp = t.strftime("%Y-%m-%d %H:%M:%S") + f".{f.num(100, 999)}"
    b.t(f"[I {stamp} ServerApp] Jupyter Server 2.14.2 is running at:\n")
    b.t(f"[I {stamp} ServerApp] http://{host}:8888/lab?token=").s("url-token", tok).t("\n")
    b.t(f"[I {stamp} ServerApp]     http://").k("127.0.0.1").t(":8888/lab?token=").s("url-token", tok).t("\n")
    b.t(
        f"[I {stamp} ServerApp] Use Control-C to stop this server and shut down all kernels (twice to skip "
        "confirmation).\n"
    )
    b.t(f"[C {stamp} ServerApp] \n    \n    To access the server, open this file in a browser:\n")
    b.t("        file:///root/.local/share/jupyter/runtime/jpserver-1-open.html\n")
    return b


def _colab(f: _Fake, i: int) -> _B:
    b = _B()
    mode = i % 4
    if mode == 3:
        b.t('import requests\nr = requests.get(\n    "https://api.')
        b.t(f.domain() + '/v1/datasets",\n    headers={"Authorization": "Bearer ').s(
            "bearer-token", f.token(40)
        )
        b.t('"},\n)\nr.status_code\n200\n')
    elif mode == 0:
        b.t("!huggingface-cli login --token ").s("huggingface-token", f.hf()).t("\n")
        b.t(
            "Token is valid (permission: write).\nYour token has been saved to /root/.cache/huggingface/token\n"
        )
        b.t("Login successful\n")
    elif mode == 1:
        b.t("from google.colab import userdata\nimport os\n")
        b.t("os.environ['GOOGLE_API_KEY'] = ").k("userdata.get('GOOGLE_API_KEY')").t("\n")
        b.t("print(os.environ['GOOGLE_API_KEY'])\n").s("google-api-key", f.google()).t("\n")
    else:
        b.t('!pip install -q openai==1.51.0\nimport openai\nclient = openai.OpenAI(api_key="')
        b.s("openai-api-key", f.openai()).t('")\nprint(client.models.list().data[0].id)\ngpt-4o-mini\n')
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: log shippers and SIEM


def _filebeat(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(4, 1, 2, i)
    b.t(
        "filebeat.inputs:\n  - type: filestream\n    id: nginx-access\n    paths: [/var/log/nginx/access.log]\n\n"
    )
    b.t('output.elasticsearch:\n  hosts: ["https://')
    if 0 in feats:
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"es.{dom}")
    b.t(':9200"]\n')
    if 1 in feats:
        b.t('  username: "filebeat_writer"\n  password: "').s("password", f.pw()).t('"\n')
    else:
        b.t('  username: "filebeat_writer"\n  password: "').k("${ES_PASSWORD}").t('"\n')
    if 2 in feats:
        b.t(f'  api_key: "{f.run(20, _B64URL)}:').s("api-key", f.run(22, _B64URL)).t('"\n')
    b.t('  ssl.certificate_authorities: ["/etc/filebeat/ca.crt"]\n  ssl.ca_trusted_fingerprint: "')
    b.k(f.sha256()).t('"\n')
    if 3 in feats:
        b.t("  ssl.certificate: /etc/filebeat/client.crt\n  ssl.key: |\n    ")
        b.s("private-key", f.pem("ec").replace("\n", "\n    ")).t("\n")
    b.t(f'setup.kibana:\n  host: "https://kibana.{dom}:5601"\n')
    return b


def _logstash(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(3, 1, 2, i)
    b.t(
        'input { beats { port => 5044 ssl_enabled => true } }\n\noutput {\n  elasticsearch {\n    hosts => ["https://'
    )
    if 0 in feats:
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"es.{dom}")
    b.t(':9200"]\n    user => "logstash_internal"\n    password => "')
    b.either(1 in feats, "password", f.pw(), "${LOGSTASH_PW}")
    b.t('"\n    ssl_certificate_authorities => ["/etc/logstash/certs/ca.crt"]\n  }\n')
    if 2 in feats:
        b.t(
            f'  http {{\n    url => "https://http-inputs-{f.pick(_CO1)}.splunkcloud.com/services/collector"\n'
        )
        b.t('    http_method => "post"\n    headers => { "Authorization" => "Splunk ').s(
            "splunk-hec-token", f.hec()
        )
        b.t('" }\n  }\n')
    b.t("}\n")
    return b


def _fluentbit(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(3, 1, 2, i)
    b.t("[SERVICE]\n    Flush        5\n    Log_Level    info\n\n[INPUT]\n    Name         tail\n")
    b.t("    Path         /var/log/containers/*.log\n    Tag          kube.*\n\n")
    b.t("[FILTER]\n    Name             kubernetes\n    Match            kube.*\n")
    b.t("    Kube_URL         https://kubernetes.default.svc:443\n    Kube_Token_File  ")
    b.k("/var/run/secrets/kubernetes.io/serviceaccount/token").t("\n\n")
    if 0 in feats:
        b.t("[OUTPUT]\n    Name         es\n    Match        kube.*\n    Host         ").s(
            "private-ip", f.priv_ip()
        )
        b.t("\n    Port         9200\n    HTTP_User    fluentbit\n    HTTP_Passwd  ").s("password", f.pw()).t(
            "\n    tls          On\n\n"
        )
    else:
        b.t(
            f"[OUTPUT]\n    Name         es\n    Match        kube.*\n    Host         es.{dom}\n"
            "    Port         9200\n"
        )
        b.t("    HTTP_User    fluentbit\n    HTTP_Passwd  ").k("${FLUENT_ES_PASSWORD}").t("\n\n")
    if 1 in feats:
        b.t(
            f"[OUTPUT]\n    Name         splunk\n    Match        audit.*\n    Host         splunk-hec.{dom}\n"
        )
        b.t("    Port         8088\n    Splunk_Token ").s("splunk-hec-token", f.hec()).t("\n\n")
    if 2 in feats:
        b.t(
            "[OUTPUT]\n    Name        loki\n    Match       *\n    Host        logs-prod-eu-west-0.grafana.net\n"
        )
        b.t(f"    http_user   {f.num(100000, 999999)}\n    http_passwd ").s("grafana-token", f.grafana()).t(
            "\n    tls         on\n"
        )
    return b


def _splunk(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    mode = i % 3
    tok = f.hec()
    if mode == 0:
        b.t(f'$ curl -k https://splunk.{dom}:8088/services/collector/event -H "Authorization: Splunk ')
        b.s("splunk-hec-token", tok).t(
            '" \\\n    -d \'{"event": "hello", "sourcetype": "manual"}\'\n{"text":"Success","code":0}\n'
        )
    elif mode == 1:
        b.t("# $SPLUNK_HOME/etc/apps/splunk_httpinput/local/inputs.conf\n[http]\ndisabled = 0\n\n")
        b.t("[http://k8s-logs]\ndisabled = 0\ntoken = ").s("splunk-hec-token", tok).t(
            "\nindex = k8s\nindexes = k8s,main\n"
        )
    else:
        b.t("# server.conf\n[general]\nserverName = idx01\npass4SymmKey = ").s("password", f.pw())
        b.t("\n\n[sslConfig]\nsslPassword = ").s("password", f.pw()).t("\n")
        b.t("\n# after a restart Splunk rewrites both as $7$... ciphertext\n")
    if f.chance(0.4):
        b.t("# Splunk ").k("9.3.1").t(" build ").k(f.hexs(12)).t("\n")
    return b


def _graylog(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    feats = f.subset(4, 1, 2, i)
    b.t("# /etc/graylog/server/server.conf\nis_leader = true\nnode_id_file = /etc/graylog/server/node-id\n")
    b.t("password_secret = ")
    b.either(0 in feats, "app-secret", f.token(96, _ALNUM), "")
    b.t(f"\nroot_username = admin\nroot_password_sha2 = {f.sha256()}\n")
    if 1 in feats:
        b.t('root_email = "').s("email", f.email(first, last, dom)).t('"\n')
    b.t("http_bind_address = ").k("0.0.0.0").t(":9000\nelasticsearch_hosts = https://graylog:")
    b.either(2 in feats, "url-password", f.pw(url=True), "${OPENSEARCH_PASSWORD}")
    b.t("@")
    if 2 in feats:
        b.s("private-ip", f.priv_ip())
    else:
        b.t(f"os-0.{dom}")
    b.t(":9200\nmongodb_uri = mongodb://graylog:")
    b.either(3 in feats, "url-password", f.pw(url=True), "${MONGO_PASSWORD}")
    b.t(f"@mongo-0.{dom}:27017/graylog\n")
    return b


def _alloy(f: _Fake, i: int) -> _B:
    b = _B()
    b.t(
        '// /etc/alloy/config.alloy\nlocal.file_match "varlog" {\n'
        '  path_targets = [{"__path__" = "/var/log/*.log"}]\n}\n\n'
    )
    b.t(
        'loki.write "cloud" {\n  endpoint {\n    url = "https://logs-prod-eu-west-0.grafana.net/loki/api/v1/push"\n'
    )
    b.t(f'    basic_auth {{\n      username = "{f.num(100000, 999999)}"\n      password = ')
    if i % 4 == 3:
        b.k('sys.env("GRAFANA_CLOUD_TOKEN")').t("\n")
    else:
        b.t('"').s("grafana-token", f.grafana()).t('"\n')
    b.t("    }\n  }\n}\n")
    if f.chance(0.6):
        b.t("$ alloy --version\nalloy, version v").k("1.4.2").t(" (branch: HEAD, revision: ").k(f.hexs(9)).t(
            ")\n"
        )
    return b


def _shipper_log(f: _Fake, i: int) -> _B:
    b = _B()
    ip = f.priv_ip()
    t = f.when()
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S,") + f"{f.num(100, 999)}"
    b.t(f"[{stamp}][INFO ][logstash.outputs.elasticsearch][main] New Elasticsearch output ")
    b.t('{:class=>"LogStash::Outputs::ElasticSearch", :hosts=>["//').s("private-ip", ip).t(':9200"]}\n')
    b.t(f"[{stamp}][INFO ][logstash.outputs.elasticsearch][main] Restored connection to ES instance ")
    b.t('{:url=>"https://logstash_internal:xxxxxx@').s("private-ip", ip).t(':9200/"}\n')
    b.t(f"[{stamp}][INFO ][logstash.outputs.elasticsearch][main] Elasticsearch version determined (").k(
        "8.15.2"
    ).t(") ")
    b.t("{:es_version=>8}\n")
    if f.chance(0.3):
        b.t(
            f"[{stamp}][WARN ][logstash.outputs.elasticsearch][main] Attempted to resurrect connection to dead ES "
        )
        b.t('instance, but got an error {:url=>"https://logstash_internal:xxxxxx@').s(
            "private-ip", f.priv_ip()
        )
        b.t(
            ':9200/", :exception=>LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError}\n'
        )
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: printers, NAS and home-office devices


def _synology_api(f: _Fake, i: int) -> _B:
    b = _B()
    if i % 2 == 0:
        b.t('$ curl -sk "https://').s("private-ip", f.priv_ip()).t(
            ":5001/webapi/entry.cgi?api=SYNO.API.Auth&version=6"
        )
        b.t("&method=login&account=backup-svc&passwd=").s("password", f.pw(url=True)).t(
            '&session=FileStation&format=sid"\n'
        )
        b.t(f'{{"data":{{"did":"{f.run(40, _B64URL)}","sid":"{f.run(43, _B64URL)}"}},"success":true}}\n')
    else:
        b.t("admin@ds920:~$ sudo synowebapi --exec api=SYNO.Core.Directory.Domain method=set version=1 ")
        b.t(f'domain_name="corp.{f.domain()}" admin_account="Administrator" admin_password="')
        b.s("password", f.pw()).t('"\n{\n   "success" : true\n}\n')
    if f.chance(0.5):
        b.t('admin@ds920:~$ cat /etc.defaults/VERSION | grep productversion\nproductversion="').k("7.2.1").t(
            '"\n'
        )
    return b


def _qnap_conf(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t("[admin@NAS4F2A1C ~]# grep -A8 '^\\[Alert\\]' /etc/config/uLinux.conf\n[Alert]\n")
    b.t(f"SMTP Server = smtp.{dom}\nSMTP Port = 587\nSMTP Account = nas-alerts\nSMTP Password = ")
    b.either(i % 3 != 2, "password", f.pw(), "********")
    b.t(
        "\nSMTP Security = TLS\n[admin@NAS4F2A1C ~]# grep -A4 '^\\[Network\\]' /etc/config/uLinux.conf\n[Network]\n"
    )
    b.t("IP Address = ").s("private-ip", f.priv_ip()).t("\nSubnet Mask = ").k("255.255.255.0").t("\nDNS1 = ")
    b.k(f.pick(["8.8.8.8", "1.1.1.1", "9.9.9.9"])).t("\n")
    if f.chance(0.5):
        b.t("[admin@NAS4F2A1C ~]# getcfg MyCloudNAS WAN_IP\n").s("public-ip", f.pub_ip()).t("\n")
    return b


def _printer_page(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    if i % 2 == 0:
        b.t(
            "==== Network Configuration ====\nHost Name ................ BRN"
            + f.run(12, "0123456789ABCDEF")
            + "\n"
        )
        b.t("IPv4 Address ............. ").s("private-ip", f.priv_ip()).t("\nSubnet Mask .............. ").k(
            "255.255.255.0"
        )
        b.t("\nDefault Gateway .......... ")
        _addr(f, b, "0.0.0.0")()
        b.t("\nPrimary DNS .............. ")
        b.k(f.pick(["8.8.8.8", "1.1.1.1"])).t("\nFirmware Version ......... ").k(
            f"1.{f.num(10, 30)}.0.{f.num(2, 9)}"
        )
        b.t(
            "\n==== E-mail (SMTP) ====\nSMTP Server .............. smtp.office365.com\nSMTP Port ................ 587\n"
        )
        b.t(
            f"SMTP Auth ................ ON\nSMTP Account ............. scanner@{dom}\nSMTP Password ............ "
        )
        b.k("********").t("\n")
    else:
        b.t("$ xmllint --xpath '//SmtpSettings' printer-settings-export.xml\n<SmtpSettings>\n")
        b.t("  <Server>smtp.sendgrid.net</Server>\n  <Port>587</Port>\n  <UseTls>true</UseTls>\n")
        b.t("  <UserName>apikey</UserName>\n  <Password>").s("sendgrid-api-key", f.sendgrid()).t(
            "</Password>\n"
        )
        b.t(f"  <From>scanner@{dom}</From>\n</SmtpSettings>\n")
    return b


def _address_book(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t('"No.","Name","E-mail Address","Group"\n')
    rows = f.num(1, 2)
    for n in range(1, rows + 1):
        first, last = f.person()
        b.t(f'"{n}","').s("person-name", f"{first} {last}").t('","').s("email", f.email(first, last, dom)).t(
            '","Office"\n'
        )
    if f.chance(0.7):
        stand = f.pick([("Jane", "Doe"), ("John", "Doe")])
        b.t(f'"{rows + 1}","').k(f"{stand[0]} {stand[1]}").t('","')
        b.k(f"{stand[0].lower()}.doe@example.com").t('","Test"\n')
    return b


def _synouser(f: _Fake, i: int) -> _B:
    b = _B()
    first, last = f.person()
    login = (first[0] + last).lower()
    b.t(f"admin@ds920:~$ sudo synouser --get {login}\nUser Name   : [{login}]\nUser Type   : [AUTH_LOCAL]\n")
    b.t("Fullname    : [").s("person-name", f"{first} {last}").t("]\nUser Mail   : [")
    b.s("email", f.email(first, last, f.domain())).t("]\nPrimary Group : [users]\nUser uid    : [")
    b.t(f"{f.num(1026, 1100)}]\nExpired     : [false]\n")
    return b


def _nas_shadow(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("admin@ds920:~$ sudo head -3 /etc/shadow\n")
    b.t("root:*:10933:0:99999:7:::\n")
    for user in ("admin", f.login()):
        b.t(f"{user}:").s("password-hash", f.pwhash()).t(f":{f.num(19000, 20500)}:0:99999:7:::\n")
    return b


def _smb_conf(f: _Fake, i: int) -> _B:
    b = _B()
    b.t("[global]\n    workgroup = CORP\n    server string = NAS\n    security = user\n    hosts allow = ")
    b.k("192.168.1.0/24").t(" ").k("10.0.0.0/8").t(" ").k("127.0.0.1").t("\n    map to guest = Bad User\n\n")
    b.t("[scans]\n    path = /volume1/scans\n    valid users = scanner\n    read only = no\n")
    b.t("    wins server = ").s("private-ip", f.priv_ip()).t("\n")
    if f.chance(0.5):
        b.t("# ldap admin dn = cn=admin,dc=corp\n    ldap passwd sync = yes\n")
    return b


# ---------------------------------------------------------------------------------------------------------------
# Setting: browser automation and scraping


def _playwright_test(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    first, last = f.person()
    b.t("import { test, expect } from '@playwright/test';\n\n")
    b.t(f"const BASE_URL = process.env.BASE_URL ?? 'https://staging.{dom}';\n")
    if i % 3 == 2:
        b.t("const PASSWORD = process.env.E2E_PASSWORD ?? '").k("changeme").t("';\n")
        b.t("const EMAIL = '").k("jane.doe@example.com").t("';\n\n")
    else:
        b.t("const PASSWORD = '").s("password", f.pw()).t("';\n")
        b.t("const EMAIL = '").s("email", f.email(first, last, dom)).t("';\n\n")
    b.t(
        "test('login and see the dashboard', async ({ page }) => {\n  await page.goto(`${BASE_URL}/login`);\n"
    )
    b.t(
        "  await page.getByLabel('Email').fill(EMAIL);\n  await page.getByLabel('Password').fill(PASSWORD);\n"
    )
    b.t("  await page.getByRole('button', { name: 'Sign in' }).click();\n")
    b.t("  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();\n});\n")
    return b


def _playwright_config(f: _Fake, i: int) -> _B:
    b = _B()
    user = f.login()
    feats = f.subset(3, 1, 1, i)
    b.t("import { defineConfig } from '@playwright/test';\n\nexport default defineConfig({\n  use: {\n")
    b.t("    proxy: { server: 'http://")
    if 0 in feats:
        b.s("private-ip", f.priv_ip()).t(":3128', username: 'scraper', password: '").s("password", f.pw()).t(
            "' },\n"
        )
    else:
        b.k("proxy.example.com").t(":3128', username: 'scraper', password: process.env.PROXY_PASSWORD },\n")
    if 1 in feats:
        b.t("    httpCredentials: { username: 'staging', password: '").s("password", f.pw()).t("' },\n")
    b.t("    storageState: 'playwright/.auth/user.json',\n  },\n  projects: [\n")
    if f.chance(0.5):
        b.t("    { name: 'chromium', use: { launchOptions: { args: ['--user-data-dir=/Users/")
        b.s("home-username", user).t("/Library/Application Support/Google/Chrome'] } } },\n  ],\n")
    else:
        b.t("    { name: 'chromium', use: { channel: 'chrome' } },\n  ],\n")
    if 2 in feats:
        b.t("  // supabase client for seeding\n  metadata: { supabaseKey: '").k(f.supabase_pub()).t("' },\n")
    b.t("});\n")
    return b


def _puppeteer(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    feats = f.subset(3, 1, 2, i)
    b.t(
        "const puppeteer = require('puppeteer');\n\n(async () => {\n  const browser = await puppeteer.launch({\n"
    )
    b.t(f"    args: ['--proxy-server=http://gate.{f.pick(_CO1)}proxy.com:7000'],\n  }});\n")
    b.t("  const page = await browser.newPage();\n")
    if 0 in feats:
        b.t(f"  await page.authenticate({{ username: 'user-{f.run(8, _LOWER_ALNUM)}', password: '")
        b.s("password", f.pw()).t("' });\n")
    if 1 in feats:
        b.t("  await page.setExtraHTTPHeaders({ Authorization: 'Bearer ")
        claims: dict[str, object] = {
            "sub": f.uuid(),
            "iat": f.epoch(),
            "exp": f.epoch() + 3600,
            "scope": "read",
        }
        b.s("jwt", f.jwt(claims)).t("' });\n")
    if 2 in feats:
        b.t("  await page.setCookie({ name: 'session', value: '").s("session-cookie", f.token(40, _B64URL))
        b.t(f"', domain: '.{dom}', httpOnly: true }});\n")
    b.t(f"  await page.goto('https://app.{dom}/reports');\n")
    b.t("  page.on('request', (r) => console.log(r.headers()['sec-websocket-key'] ?? ''));\n")
    b.t("  // logged: sec-websocket-key: ").k(base64.b64encode(f.raw(16)).decode()).t("\n")
    b.t("  await browser.close();\n})();\n")
    return b


def _selenium(f: _Fake, i: int) -> _B:
    b = _B()
    mode = i % 3
    if mode == 0:
        b.t("services:\n  selenium-hub:\n    image: selenium/hub:").k("4.25.0-20241010").t(
            "\n    environment:\n"
        )
        b.t("      - SE_ROUTER_USERNAME=grid\n      - SE_ROUTER_PASSWORD=").s("password", f.pw()).t("\n")
        b.t("  chrome:\n    image: selenium/node-chrome:4.25.0-20241010\n    environment:\n")
        b.t("      - SE_EVENT_BUS_HOST=selenium-hub\n      - SE_VNC_PASSWORD=")
        b.either(f.chance(0.6), "password", f.pw(), "changeme")
        b.t("\n")
    elif mode == 1:
        b.t("from selenium import webdriver\n\nopts = webdriver.ChromeOptions()\n")
        b.t(f'driver = webdriver.Remote(\n    command_executor="https://{f.login()}_{f.run(6, _ALNUM)}:')
        b.s("url-password", f.run(20, _ALNUM)).t(
            '@hub-cloud.browserstack.com/wd/hub",\n    options=opts,\n)\n'
        )
    else:
        b.t("$ export SAUCE_USERNAME=qa-team\n$ export SAUCE_ACCESS_KEY=").s("api-key", f.uuid()).t("\n")
        b.t("$ npx wdio run wdio.conf.js\nExecution of 1 workers started at 2026-03-04T10:12:01.332Z\n")
    return b


def _cookies_json(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    b.t("$ jq . cookies.json\n[\n")
    b.t('  {"name": "_ga", "value": "').k(f"GA1.1.{f.num(10**8, 10**10)}.{f.num(10**9, 2 * 10**9)}")
    b.t(f'", "domain": ".{dom}", "path": "/", "httpOnly": false, "secure": false}},\n')
    b.t('  {"name": "sessionid", "value": "').s("session-cookie", f.run(32, _LOWER_ALNUM))
    b.t(f'", "domain": "app.{dom}", "path": "/", "httpOnly": true, "secure": true, "sameSite": "Lax"}},\n')
    if f.chance(0.5):
        b.t('  {"name": "remember_user_token", "value": "').s(
            "session-cookie", f.token(60, _B64URL) + "--" + f.hexs(40)
        )
        b.t(f'", "domain": "app.{dom}", "path": "/", "httpOnly": true, "secure": true}},\n')
    b.t('  {"name": "logged_in", "value": "').k("deleted").t(f'", "domain": ".{dom}", "path": "/"}}\n]\n')
    return b


def _storage_state(f: _Fake, i: int) -> _B:
    b = _B()
    dom = f.domain()
    claims: dict[str, object] = {
        "sub": f.uuid(),
        "email_verified": True,
        "iat": f.epoch(),
        "exp": f.epoch() + 900,
    }
    b.t('$ cat playwright/.auth/user.json\n{\n  "cookies": [],\n  "origins": [\n    {\n')
    b.t(f'      "origin": "https://app.{dom}",\n      "localStorage": [\n')
    b.t('        { "name": "access_token", "value": "').s("jwt", f.jwt(claims)).t('" },\n')
    b.t('        { "name": "ph_project_key", "value": "').k(f.posthog()).t('" },\n')
    b.t('        { "name": "theme", "value": "dark" }\n      ]\n    }\n  ]\n}\n')
    return b


def _scrapy(f: _Fake, i: int) -> _B:
    b = _B()
    feats = f.subset(4, 1, 2, i)
    b.t(f'# settings.py\nBOT_NAME = "{f.pick(_CO1)}_crawler"\nROBOTSTXT_OBEY = True\n')
    b.t("ROTATING_PROXY_LIST = [\n")
    if 0 in feats:
        b.t(f'    "http://{f.run(8, _LOWER_ALNUM)}:').s("url-password", f.pw(url=True)).t("@").s(
            "public-ip", f.pub_ip()
        )
        b.t(':8000",\n')
    b.t('    "http://').k("proxy.example.com").t(':8080",\n]\n')
    if 3 in feats:
        b.t('CAPTCHA_API_KEY = "').s("api-key", f.token(32, _ALNUM)).t('"\n')
    if 2 in feats:
        b.t('GOOGLE_PLACES_API_KEY = "').s("google-api-key", f.google()).t('"\n')
    if 1 in feats:
        b.t('DEFAULT_REQUEST_HEADERS = {"Accept": "application/json", "Authorization": "Bearer ')
        b.s("bearer-token", f.token(f.num(32, 48))).t('"}\n')
    b.t(
        'USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 '
        'Safari/537.36"\n'
    )
    return b


# ---------------------------------------------------------------------------------------------------------------
# The corpus

Kind = tuple[str, Callable[[_Fake, int], _B], int, str, str]

_KINDS: dict[str, tuple[Kind, ...]] = {
    "shell-dotfiles": (
        ("rc-exports", _shell_rc, 6, "bash", "dotfiles/zshrc"),
        ("bash-history", _bash_history, 6, "text", "notes/bash_history.txt"),
        ("fish-history", _fish_history, 4, "yaml", "notes/fish_history"),
        ("envrc", _envrc, 5, "bash", ".envrc"),
        ("netrc", _netrc, 4, "text", "notes/netrc.txt"),
        ("ssh-key-cat", _ssh_key_cat, 3, "console", "notes/ssh.txt"),
    ),
    "windows-admin": (
        ("ps-provision", _ps_provision, 4, "powershell", "scripts/Provision-SqlNode.ps1"),
        ("reg-autologon", _reg_autologon, 4, "reg", "kiosk/autologon.reg"),
        ("rdp-file", _rdp_file, 3, "text", "rdp/jump.rdp"),
        ("cmdkey", _cmdkey, 4, "powershell", "notes/cmdkey.txt"),
        ("unattend", _unattend, 4, "xml", "deploy/unattend.xml"),
        ("ad-user", _ad_user, 3, "powershell", "notes/aduser.txt"),
    ),
    "kafka-zookeeper": (
        ("jaas", _jaas, 4, "text", "kafka/kafka_server_jaas.conf"),
        ("client-properties", _client_props, 4, "properties", "kafka/client.properties"),
        ("kcat", _kcat, 3, "console", "notes/kcat.txt"),
        ("scram-admin", _scram_admin, 3, "console", "notes/scram.txt"),
        ("zoo-cfg", _zookeeper, 3, "properties", "zookeeper/zoo.cfg"),
        ("client-log", _kafka_client_log, 4, "log", "logs/producer.log"),
    ),
    "forge-ci": (
        ("app-ini", _gitea_ini, 4, "ini", "gitea/app.ini"),
        ("ci-compose", _woodpecker, 5, "yaml", "ci/docker-compose.yml"),
        ("jenkins-casc", _jenkins_casc, 3, "yaml", "jenkins/casc.yaml"),
        ("jenkins-groovy", _jenkins_groovy, 3, "groovy", "jenkins/init.groovy.d/basic-security.groovy"),
        ("jenkins-user-xml", _jenkins_user_xml, 3, "xml", "notes/jenkins-user.txt"),
        ("jenkins-credentials-xml", _jenkins_credentials_xml, 5, "xml", "jenkins/credentials.xml"),
        ("gitlab-runner", _gitlab_runner, 4, "toml", "runner/config.toml"),
        ("git-log", _forge_git_log, 2, "text", "notes/gitlog.txt"),
        ("jenkins-cli", _jenkins_cli, 3, "console", "notes/jenkins-cli.txt"),
    ),
    "virtualization": (
        ("vagrantfile", _vagrantfile, 4, "ruby", "Vagrantfile"),
        ("packer-hcl", _packer_hcl, 4, "hcl", "packer/ubuntu.pkr.hcl"),
        ("packer-json", _packer_json, 3, "json", "packer/windows.json"),
        ("govc", _govc, 4, "console", "notes/govc.txt"),
        ("esxi", _esxi, 2, "console", "notes/esxi.txt"),
        ("libvirt", _libvirt, 4, "xml", "notes/virsh.txt"),
        ("proxmox", _proxmox, 3, "console", "notes/proxmox.txt"),
        ("cloud-init", _cloud_init, 3, "yaml", "cloud-init/user-data.yaml"),
        ("vagrant-key", _vagrant_key, 3, "console", "notes/vagrant.txt"),
    ),
    "erp-mainframe": (
        ("jco-destination", _jco_dest, 4, "properties", "sap/ABAP_AS_WITH_POOL.jcoDestination"),
        ("btp-destination", _btp_destination, 3, "json", "sap/destination.json"),
        ("sapnwrfc", _sapnwrfc, 3, "ini", "sap/sapnwrfc.ini"),
        ("vendor-bank", _sap_vendor_bank, 3, "python", "notes/lfbk.txt"),
        ("pain001", _pain001, 2, "xml", "payments/pain001.xml"),
        ("jt400", _jt400, 4, "text", "as400/application.properties"),
        ("oracle", _oracle, 4, "text", "oracle/notes.txt"),
    ),
    "chat-ops": (
        ("mattermost-config", _mattermost_config, 4, "json", "mattermost/config.json"),
        ("rocketchat", _rocketchat, 3, "yaml", "rocketchat/compose.yml"),
        ("zulip", _zulip, 3, "ini", "notes/zuliprc.txt"),
        ("errbot", _errbot, 3, "python", "errbot/config.py"),
        ("hubot-env", _hubot_env, 4, "bash", "hubot/hubot.env"),
        ("mm-users", _mm_users, 2, "console", "notes/mmctl.txt"),
        ("slack-webhook", _slack_webhook, 3, "console", "notes/webhook.txt"),
        ("github-app-key", _github_app_key, 3, "console", "notes/appkey.txt"),
    ),
    "password-exports": (
        ("bitwarden-csv", _bitwarden_csv, 4, "csv", "export/bitwarden.csv"),
        ("lastpass-csv", _lastpass_csv, 3, "csv", "export/lastpass.csv"),
        ("keepass-xml", _keepass_xml, 3, "xml", "export/keepass.xml"),
        ("bitwarden-json", _bitwarden_json, 4, "json", "export/bitwarden.json"),
        ("1pux", _onepux, 2, "console", "notes/1pux.txt"),
        ("manager-cli", _pm_cli, 5, "console", "notes/pm.txt"),
        ("bw-notes", _bw_notes, 4, "console", "notes/bw-notes.txt"),
    ),
    "jupyter-colab": (
        ("environ-output", _environ_output, 5, "json", "notebooks/explore.ipynb"),
        ("env-magic", _env_magic, 3, "text", "notes/ipython.txt"),
        ("traceback", _nb_traceback, 3, "pytb", "notes/traceback.txt"),
        ("dataframe", _dataframe, 3, "text", "notes/customers.txt"),
        ("server-log", _jupyter_log, 3, "log", "logs/jupyter.log"),
        ("colab-cells", _colab, 4, "python", "notebooks/colab.py"),
    ),
    "log-shipping": (
        ("filebeat", _filebeat, 4, "yaml", "filebeat/filebeat.yml"),
        ("logstash", _logstash, 4, "ruby", "logstash/pipeline/out.conf"),
        ("fluent-bit", _fluentbit, 4, "ini", "fluent-bit/fluent-bit.conf"),
        ("splunk", _splunk, 3, "ini", "splunk/notes.txt"),
        ("graylog", _graylog, 4, "ini", "graylog/server.conf"),
        ("alloy", _alloy, 5, "hcl", "alloy/config.alloy"),
        ("shipper-log", _shipper_log, 2, "log", "logs/logstash-plain.log"),
    ),
    "printers-nas": (
        ("synology-api", _synology_api, 3, "console", "notes/synology.txt"),
        ("qnap-conf", _qnap_conf, 3, "console", "notes/qnap.txt"),
        ("printer-config", _printer_page, 4, "text", "notes/printer.txt"),
        ("address-book", _address_book, 3, "csv", "printer/address-book.csv"),
        ("synouser", _synouser, 3, "console", "notes/synouser.txt"),
        ("nas-shadow", _nas_shadow, 3, "console", "notes/shadow.txt"),
        ("smb-conf", _smb_conf, 5, "ini", "nas/smb.conf"),
    ),
    "browser-automation": (
        ("playwright-test", _playwright_test, 4, "typescript", "e2e/login.spec.ts"),
        ("playwright-config", _playwright_config, 3, "typescript", "playwright.config.ts"),
        ("puppeteer", _puppeteer, 4, "javascript", "scraper/run.js"),
        ("selenium", _selenium, 3, "text", "grid/notes.txt"),
        ("cookies-json", _cookies_json, 3, "json", "notes/cookies.txt"),
        ("storage-state", _storage_state, 3, "json", "notes/storage.txt"),
        ("scrapy", _scrapy, 4, "python", "crawler/settings.py"),
    ),
}


def _epilogue(f: _Fake, b: _B) -> None:
    """A terminal session's next command, printing a value that only looks like a secret."""
    choice = f.num(0, 4)
    if choice == 0:
        b.t("$ git rev-parse HEAD\n").k(f.git_sha()).t("\n")
    elif choice == 1:
        b.t("$ sha256sum backup.tar.gz\n").k(f.sha256()).t("  backup.tar.gz\n")
    elif choice == 2:
        b.t("$ sudo cat /sys/class/dmi/id/product_uuid\n").k(f.uuid()).t("\n")
    elif choice == 3:
        b.t("$ ssh-keygen -y -f ~/.ssh/id_ed25519\n").k(f.ssh_pub()).t("\n")
    else:
        b.t("$ git config user.signingkey\n").k(f.gpg_id()).t("\n")


def _consistent(text: str, secrets: list[Secret], keeps: list[Keep]) -> bool:
    """Every occurrence of a secret is labelled, and no keep lies inside a secret or overlaps one."""
    for s in secrets:
        if text.count(s.text) != sum(1 for o in secrets if o.text == s.text):
            return False
        if any(o is not s and s.text in o.text for o in secrets if o.text != s.text):
            return False
    for k in keeps:
        if not k.text or any(k.text in s.text or s.text in k.text for s in secrets):
            return False
        if any(k.offset < s.offset + len(s.text) and s.offset < k.offset + len(k.text) for s in secrets):
            return False
    return True


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    rng = random.Random(seed)
    f = _Fake(rng)
    docs: list[Document] = []
    for setting in SETTINGS:
        for kind, fn, count, lang, path in _KINDS[setting]:
            for i in range(count):
                for _attempt in range(20):
                    b = fn(f, i)
                    if lang == "console" and f.chance(0.5):
                        _epilogue(f, b)
                    multiline = any("\n" in text for role, _, text in b.parts if role != "t")
                    delivery = f.pick(("plain", "json", "fence") if multiline else DELIVERIES)
                    text, spans = _deliver(f, b.parts, delivery, lang, path)
                    secrets = [Secret(c, text[a:z], a) for r, c, a, z in spans if r == "s"]
                    keeps = [Keep(text[a:z], a) for r, _, a, z in spans if r == "k"]
                    if _consistent(text, secrets, keeps):
                        break
                else:
                    raise RuntimeError(f"no consistent draw for {setting}/{kind}/{i}")
                docs.append(
                    Document(
                        name=f"{setting}/{kind}/{i:02d}",
                        setting=setting,
                        delivery=delivery,
                        text=text,
                        secrets=tuple(secrets),
                        keeps=tuple(keeps),
                    )
                )
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# The measure: aggregates only


def _share(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def _windows(text: str, n: int = 6) -> set[str]:
    return {text[j : j + n] for j in range(len(text) - n + 1)}


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    n_secrets = removed = clean = 0
    n_vendor = vendor_removed = 0
    n_keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        if doc.secrets:
            chars = list(doc.text)
            for s in doc.secrets:
                chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
            out_filled = scrub("".join(chars))
            for s in doc.secrets:
                n_secrets += 1
                gone = s.text not in out
                removed += gone
                if gone and not any(w in out and w not in out_filled for w in _windows(s.text)):
                    clean += 1
                if s.cls in VENDOR_CLASSES:
                    n_vendor += 1
                    vendor_removed += gone
        for k in doc.keeps:
            n_keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(n_secrets),
        "recall": _share(removed, n_secrets),
        "recall_no_fragment": _share(clean, n_secrets),
        "vendor_prefix_recall": _share(vendor_removed, n_vendor),
        "keep_rate": _share(kept, n_keeps),
        "spans": float(n_keeps),
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
