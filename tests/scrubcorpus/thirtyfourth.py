"""The thirty-fourth held-back scrub corpus part: twelve settings the scrubber was never tuned on.

The settings are self-hosted search (Meilisearch, Typesense and OpenSearch keys and dumps), wiki and
knowledge bases (Confluence, Notion, Outline and BookStack exports and API tokens), file transfer clients
(FileZilla's sitemanager.xml, WinSCP sessions, rclone and lftp configs), retail loyalty programmes (member
exports, POS loyalty API keys), property assessors (parcel exports with owners, county GIS portals),
telehealth video (video visit SDK keys, appointment logs with patients), music royalties (distributor APIs,
statements with artists' payee details), elder care (resident records, caregiver schedules, family
contacts), game anti-cheat and analytics (service keys, player reports, SDK configs), ham radio and APRS
(APRS-IS passcodes, logbook uploads, QRZ and LoTW credentials, callsign records), expense receipts (receipt
OCR APIs, expense exports with card numbers) and background checks (screening vendor keys, candidate
reports with SSNs and dates of birth).

Labels follow the scrubber's published policy alone (its package docstring): what it says goes is a
`Secret`, what it says stays (placeholders, public keys and ids, commit hashes and digests, versions,
documentation and role addresses, publishable keys, test cards, URLs without credentials, names in prose...)
is a `Keep`, and what it leaves open (phone numbers, street addresses, dates of birth, hex ids with no name
for a secret) is not labelled at all. Every fake value is drawn at build time from a seeded
`random.Random`, by code that follows its format's public description and is valid for the format where it
has a check (CRC32-checksummed tokens, Luhn, IBAN mod 97, SSN ranges, JWT layout, OpenSSH and SEC1 key
layouts, APRS-IS passcodes); no literal secret or real person's data sits in this file.

Each document is delivered one of six ways (`DELIVERIES`): as is; escaped inside a JSON transcript line;
as a unified diff's added lines; with line numbers; behind CI log timestamps; inside a Markdown fence.
Labels' offsets are for the text as delivered. `measure_documents` reports aggregates only, never a value.
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
from collections.abc import Callable

import attrs

DEFAULT_SEED: int = 20261234
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = (
    "self-hosted-search", "wiki-knowledge-bases", "file-transfer-clients", "retail-loyalty", "property-assessor",
    "telehealth-video", "music-royalties", "elder-care", "game-anticheat-analytics", "ham-radio-aprs",
    "expense-receipts", "background-checks",
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


_PER_SETTING = 26
_BLOCK_DELIVERIES = ("plain", "json", "fence")  # where a label may span lines
_MARK = re.compile("\ue000(\\d+)\ue001")

# ---------------------------------------------------------------- alphabets and small vocabularies

_DIG = string.digits
_UPPER = string.ascii_uppercase
_ALNUM = string.ascii_letters + string.digits
_B64URL = _ALNUM + "-_"
_HEX = "0123456789abcdef"
_B32 = _UPPER + "234567"
_CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

_FIRST = (
    "Marta", "Oskar", "Ilse", "Tobias", "Renata", "Joaquin", "Priya", "Desmond", "Halina", "Ferran",
    "Agnieszka", "Callum", "Yusuf", "Leonie", "Bastian", "Noor", "Teodor", "Wanda", "Emeric", "Sunniva",
    "Idris", "Lucila", "Radek", "Margit", "Anselm", "Beatriz", "Corentin", "Dagny",
)  # fmt: skip
_LAST = (
    "Kowalczyk", "Brennan", "Haverkamp", "Oyelaran", "Lindqvist", "Castellano", "Marchetti", "Okonkwo",
    "Ferreira", "Nakashima", "Duchesne", "Albrecht", "Sandoval", "Whitcombe", "Ilunga", "Petrossian",
    "Moreau", "Halvorsen", "Quintero", "Abernathy", "Szymanski", "Carvalho", "O'Sullivan", "Varga",
)  # fmt: skip
_WORDS = (
    "amber", "basil", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper",
    "kestrel", "lumen", "marble", "nectar", "onyx", "pepper", "quartz", "rowan", "saffron", "tundra",
    "umber", "velvet", "willow", "zephyr", "lantern", "mango", "orchid", "pebble",
)  # fmt: skip
_ORG_A = ("north", "bright", "silver", "harbor", "maple", "granite", "copper", "pine", "river", "cedar")
_ORG_B = ("field", "stone", "wave", "gate", "line", "works", "point", "crest", "vale", "brook")
_TLD = ("io", "com", "net", "co", "dev")
_MAIL_A = ("fern", "quill", "heron", "lumen", "tidal", "orbit", "posy", "wren")
_MAIL_B = ("mail", "post", "box", "inbox")
_STREETS = ("Alder", "Birch", "Chapel", "Dunmore", "Eastgate", "Foxglove", "Hawthorn", "Kingsley", "Lark")
_STREET_KIND = ("Street", "Road", "Lane", "Avenue", "Court")
_TOWNS = ("Ashford", "Brindle", "Corwen", "Deverell", "Elmstead", "Fairholme", "Greyridge", "Hollins")
_PUBLIC_FIRST = (23, 31, 34, 45, 51, 62, 77, 81, 91, 104, 128, 141, 146, 152, 159, 178, 185, 188, 212)
_STAND_INS = ("Jane Doe", "John Doe")


def _pick(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _bytes(r: random.Random, n: int) -> bytes:
    return bytes(r.getrandbits(8) for _ in range(n))


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = _B62[d] + out
    return out.rjust(width, "0")


def _hex(r: random.Random, n: int) -> str:
    return _pick(r, _HEX, n)


def _uuid(r: random.Random) -> str:
    h = _hex(r, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def _ts(r: random.Random, sep: str = "T", z: str = "Z") -> str:
    day = f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    return f"{day}{sep}{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}{z}"


def _date(r: random.Random, lo: int = 2024, hi: int = 2025) -> str:
    return f"{r.randint(lo, hi)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def _semver(r: random.Random, prefix: str = "") -> str:
    """A version of three numbers, the prefix giving the first of them if it ends with a dot."""
    parts = (str(r.randint(0, 9)), str(r.randint(0, 30)), str(r.randint(0, 12)))
    return prefix + ".".join(parts[prefix.count(".") :])


def _quad_version(r: random.Random) -> str:
    return f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}.{r.randint(10, 99)}"


def _word(r: random.Random) -> str:
    return r.choice(_WORDS)


def _domain(r: random.Random) -> str:
    return f"{r.choice(_ORG_A)}{r.choice(_ORG_B)}.{r.choice(_TLD)}"


def _street(r: random.Random) -> str:
    return f"{r.randint(2, 480)} {r.choice(_STREETS)} {r.choice(_STREET_KIND)}"


def _phone(r: random.Random) -> str:
    return f"+1 555-01{r.randint(0, 99):02d}"


def _private_ip(r: random.Random) -> str:
    host = r.randint(2, 254)
    return r.choice(
        (
            f"10.{r.randint(1, 254)}.{r.randint(0, 255)}.{host}",
            f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{host}",
            f"192.168.{r.randint(0, 254)}.{host}",
            f"100.{r.randint(64, 99)}.{r.randint(0, 255)}.{host}",
        )
    )


def _public_ip(r: random.Random) -> str:
    return f"{r.choice(_PUBLIC_FIRST)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"


def _ip(r: random.Random) -> str:
    return _private_ip(r) if r.random() < 0.6 else _public_ip(r)


def _password(r: random.Random) -> str:
    kind, (w1, w2) = r.randrange(3), r.sample(_WORDS, 2)
    if kind == 0:
        body = _pick(r, _ALNUM + "!#%+-.=?^_~", r.randint(13, 19))
        return r.choice(string.ascii_letters) + body + r.choice(_DIG) + r.choice("!#%?")
    if kind == 1:
        return f"{w1.capitalize()}-{w2}-{r.randint(10, 99)}{r.choice('!#%?')}"
    return f"{w1}.{w2}{r.randint(100, 9999)}"


def _url_password(r: random.Random) -> str:
    return r.choice(string.ascii_letters) + _pick(r, _ALNUM + "-._~", r.randint(12, 20)) + r.choice(_DIG)


def _token(r: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return r.choice(string.ascii_letters) + _pick(r, alphabet, n - 1)


# ---------------------------------------------------------------- vendor layouts


def _crc_token(r: random.Random, prefix: str) -> str:
    """GitHub's and npm's layout: 30 random base62 characters, then their CRC32 in 6 of base62."""
    body = _pick(r, _ALNUM, 30)
    return prefix + body + _b62(zlib.crc32(body.encode()), 6)


def _atlassian(r: random.Random) -> str:
    """ATATT, a fixed header, the token, then "=" and the CRC32 of what precedes it in 8 hex digits."""
    head = "ATA" + "TT3xFfGF0" + _pick(r, _B64URL, 171)
    return f"{head}={zlib.crc32(head.encode()):08X}"


def _slack_bot(r: random.Random) -> str:
    return f"xo{'xb'}-{r.randint(10**10, 10**12)}-{r.randint(10**11, 10**13)}-{_pick(r, _ALNUM, 24)}"


def _slack_webhook(r: random.Random) -> str:
    t, s = _pick(r, _UPPER + _DIG, 10), _pick(r, _UPPER + _DIG, 10)
    return f"https://hooks.slack.com/services/T{t}/B{s}/{_pick(r, _ALNUM, 24)}"


def _discord_webhook(r: random.Random) -> str:
    return f"https://discord.com/api/webhooks/{r.randint(10**17, 10**19 - 1)}/{_pick(r, _B64URL, 68)}"


# Each vendor class's generator (Stripe's restricted keys and Square's application secrets beside them).
_VENDOR: dict[str, Callable[[random.Random], str]] = {
    "github-token": lambda r: _crc_token(r, "gh" + "p_"),
    "npm-token": lambda r: _crc_token(r, "np" + "m_"),
    "gitlab-token": lambda r: "gl" + "pat-" + _pick(r, _B64URL, 20),
    "slack-token": _slack_bot,
    "slack-webhook": _slack_webhook,
    "stripe-secret-key": lambda r: r.choice(("sk", "rk")) + "_live_" + _pick(r, _ALNUM, r.choice((24, 99))),
    "aws-access-key-id": lambda r: "AK" + "IA" + _pick(r, _B32, 16),
    "google-api-key": lambda r: "AI" + "za" + _pick(r, _B64URL, 35),
    "sendgrid-key": lambda r: "S" + "G." + _pick(r, _B64URL, 22) + "." + _pick(r, _B64URL, 43),
    "atlassian-token": _atlassian,
    "notion-token": lambda r: "nt" + "n_" + _pick(r, _DIG, 11) + _pick(r, _ALNUM, 35),
    "outline-api-key": lambda r: "ol" + "_api_" + _pick(r, _ALNUM, 38),
    "square-token": lambda r: "EA" + "AA" + _pick(r, _B64URL, 60),
    "shopify-token": lambda r: "sh" + "pat_" + _hex(r, 32),
    "dropbox-token": lambda r: "sl" + ".B" + _pick(r, _B64URL, 136),
    "arcgis-api-key": lambda r: "AA" + "PK" + _hex(r, 32) + _pick(r, _B64URL, 64),
    "posthog-personal-key": lambda r: "ph" + "x_" + _pick(r, _ALNUM, 47),
    "sentry-token": lambda r: "sntr" + "yu_" + _hex(r, 64),
    "discord-webhook": _discord_webhook,
    "telegram-bot-token": lambda r: f"{r.randint(10**8, 10**10 - 1)}:AA{_pick(r, _B64URL, 33)}",
    "anthropic-key": lambda r: "sk-" + "ant-api03-" + _pick(r, _B64URL, 93) + "AA",
    "huggingface-token": lambda r: "h" + "f_" + _pick(r, string.ascii_letters, 34),
}
VENDOR_CLASSES: frozenset[str] = frozenset(_VENDOR)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    (
        "password", "url-password", "email", "person-name", "host-address", "home-user", "private-key", "jwt",
        "password-hash", "card-number", "iban", "ssn", "api-key", "client-secret", "basic-auth",
        "session-cookie", "aws-secret-key", "search-master-key", "search-api-key", "es-api-key",
        "agora-app-certificate", "aprs-passcode", "webhook-secret", "refresh-token", "encryption-key",
        "sdk-secret",
    )
)  # fmt: skip


def _aws_secret(r: random.Random) -> str:
    return _token(r, 40, _ALNUM + "/+")


# ---------------------------------------------------------------- personal data and checked numbers


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _test_cards() -> tuple[str, ...]:
    return ("4242" * 4, "5555" * 3 + "4444", "378282" + "246310005", "4000" + "0566" + "5566" + "5556")


def _card(r: random.Random) -> str:
    prefix, length = r.choice((("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("37", 15), ("6011", 16)))
    body = prefix + _pick(r, _DIG, length - len(prefix) - 1)
    number = body + _luhn_digit(body)
    return _card(r) if number in _test_cards() else number


def _group_card(number: str, sep: str = " ") -> str:
    if len(number) == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


# Each country's BBAN as runs of n digits, a upper-case letters and c upper-case alphanumerics.
_IBAN_LAYOUTS = {
    "DE": "18n", "GB": "4a14n", "FR": "10n11c2n", "NL": "4a10n", "ES": "20n", "IT": "1a10n12c", "BE": "12n",
    "AT": "16n", "IE": "4a14n", "PL": "24n", "SE": "20n",
}  # fmt: skip


def _iban_number(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s))


def _iban(r: random.Random, valid: bool = True) -> str:
    cc = r.choice(sorted(_IBAN_LAYOUTS))
    bban = ""
    for count, kind in re.findall(r"(\d+)([nac])", _IBAN_LAYOUTS[cc]):
        bban += _pick(r, {"n": _DIG, "a": _UPPER, "c": _UPPER + _DIG}[kind], int(count))
    check = 98 - _iban_number(bban + cc + "00") % 97
    if not valid:
        check = r.choice([c for c in range(2, 99) if c != check])
    return f"{cc}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _ssn(r: random.Random, dashes: bool = True) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    group, serial = r.randint(1, 99), r.randint(1, 9999)
    return f"{area:03d}-{group:02d}-{serial:04d}" if dashes else f"{area:03d}{group:02d}{serial:04d}"


def _callsign(r: random.Random) -> str:
    head = r.choice(("K", "N", "W", "KD", "KB", "KC", "KE", "KF", "KI", "AB", "AC"))
    return head + str(r.randint(0, 9)) + _pick(r, _UPPER, 3 if len(head) == 1 else 2)


def aprs_passcode(callsign: str) -> int:
    """APRS-IS's published passcode: a 15-bit XOR hash over the base callsign's characters in pairs."""
    base, h = callsign.upper().split("-")[0], 0x73E2
    for i in range(0, len(base), 2):
        h ^= ord(base[i]) << 8
        if i + 1 < len(base):
            h ^= ord(base[i + 1])
    return h & 0x7FFF


def _jwt(r: random.Random, payload: dict[str, object], header: dict[str, object] | None = None) -> str:
    def part(d: dict[str, object]) -> str:
        return _b64u(json.dumps(d, separators=(",", ":")).encode())

    return f"{part(header or {'alg': 'HS256', 'typ': 'JWT'})}.{part(payload)}.{_b64u(_bytes(r, 32))}"


def _sshstr(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def _wrap(b64: str, width: int) -> str:
    return "\n".join(b64[i : i + width] for i in range(0, len(b64), width))


def _ed25519_public(r: random.Random) -> str:
    return base64.b64encode(_sshstr(b"ssh-ed25519") + _sshstr(_bytes(r, 32))).decode()


def _openssh_private_body(r: random.Random, comment: str) -> str:
    """The base64 lines of an unencrypted openssh-key-v1 file holding one Ed25519 key."""
    kt, pub, seed, check = b"ssh-ed25519", _bytes(r, 32), _bytes(r, 32), _bytes(r, 4)
    priv = check + check + _sshstr(kt) + _sshstr(pub) + _sshstr(seed + pub) + _sshstr(comment.encode())
    priv += bytes(range(1, 1 + (-len(priv)) % 8))
    none = _sshstr(b"none")
    blob = b"openssh-key-v1\0" + none + none + _sshstr(b"") + struct.pack(">I", 1)
    blob += _sshstr(_sshstr(kt) + _sshstr(pub)) + _sshstr(priv)
    return _wrap(base64.b64encode(blob).decode(), 70)


def _ec_private_body(r: random.Random) -> str:
    """The base64 lines of a SEC1 ECPrivateKey on P-256 (RFC 5915), as OpenSSL writes it."""
    der = bytes.fromhex("3077 0201 0104 20") + _bytes(r, 32)
    der += bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + _bytes(r, 64)
    return _wrap(base64.b64encode(der).decode(), 64)


def _pem(kind: str) -> tuple[str, str]:
    label = f"{kind} PRIVATE" + " KEY"
    return f"-----BEGIN {label}-----\n", f"\n-----END {label}-----"


def _bcrypt(r: random.Random) -> str:
    return f"$2y${r.choice(('10', '12'))}$" + _pick(r, _CRYPT, 53)


def _sha512crypt(r: random.Random) -> str:
    return "$6$" + _pick(r, _CRYPT, 16) + "$" + _pick(r, _CRYPT, 86)


# ---------------------------------------------------------------- the document builder


class _B:
    """Collects labels: `s`, `v` and `k` return a marker that rendering replaces by the value, as often as
    the template writes it (a value written twice is labelled twice)."""

    def __init__(self, r: random.Random) -> None:
        self.r = r
        self.labels: list[tuple[str | None, str]] = []
        self.path = "notes.txt"
        self._taken: set[str] = set()

    def s(self, cls: str, value: str) -> str:
        if cls not in CLASSES:
            raise ValueError(f"unknown class {cls}")
        self.labels.append((cls, value))
        return f"\ue000{len(self.labels) - 1}\ue001"

    def v(self, cls: str) -> str:
        return self.s(cls, _VENDOR[cls](self.r))

    def k(self, value: str) -> str:
        self.labels.append((None, value))
        return f"\ue000{len(self.labels) - 1}\ue001"

    def person(self) -> tuple[str, str]:
        while True:
            first, last = self.r.choice(_FIRST), self.r.choice(_LAST)
            if first not in self._taken and last not in self._taken:
                self._taken.update((first, last))
                return first, last

    def name(self) -> str:
        return " ".join(self.person())

    def email(self, name: str | None = None, domain: str | None = None) -> str:
        first, last = (name or self.name()).lower().replace("'", "").split(" ", 1)
        r = self.r
        local = r.choice((f"{first}.{last}", f"{first[0]}.{last}", f"{first}_{last[:3]}{r.randint(1, 99)}"))
        return f"{local}@{domain or r.choice(_MAIL_A) + r.choice(_MAIL_B) + '.' + r.choice(_TLD)}"

    def user(self) -> str:
        first, last = self.person()
        return (first[:2] + last).lower().replace("'", "")

    def pe(self, domain: str | None = None) -> tuple[str, str]:
        """A person's name and e-mail address, both labelled."""
        name = self.name()
        return self.s("person-name", name), self.s("email", self.email(name, domain))


def _csv(*cells: str) -> str:
    return ",".join(cells)


# ================================================================ self-hosted search


def _search_env(b: _B) -> str:
    r, b.path = b.r, "docker-compose.yml"
    key, hf = b.s("search-master-key", _token(r, r.choice((32, 40, 48)), _B64URL)), b.v("huggingface-token")
    ver, anyaddr = b.k(_semver(r, "v1.")), b.k("0.0.0.0")
    if r.random() < 0.5:
        b.path = ".env"
        return (
            f"# search node, read by docker compose (getmeili/meilisearch:{ver})\nMEILI_ENV=production\n"
            f"MEILI_MASTER_KEY={key}\nMEILI_HTTP_ADDR={anyaddr}:7700\nMEILI_NO_ANALYTICS=true\n"
            f"# embedder for hybrid search\nHF_TOKEN={hf}\n"
        )
    return (
        f"services:\n  meilisearch:\n    image: getmeili/meilisearch:{ver}\n    ports:\n"
        f'      - "{anyaddr}:7700:7700"\n    environment:\n      MEILI_ENV: production\n'
        f'      MEILI_MASTER_KEY: "{key}"\n      HF_TOKEN: {hf}\n    volumes:\n      - ./data:/meili_data\n'
    )


def _search_keys(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    var, local = b.k("$MEILI_MASTER_KEY"), b.k("http://localhost:7700")
    kinds = (("Default Search API Key", '["search"]'), ("Default Admin API Key", '["*"]'))
    entries = [
        f'    {{\n      "name": "{label}",\n      "key": "{b.s("search-api-key", _hex(r, 64))}",\n'
        f'      "uid": "{_uuid(r)}",\n      "actions": {actions},\n      "indexes": ["*"],\n'
        f'      "expiresAt": null,\n      "createdAt": "{_ts(r)}"\n    }}'
        for label, actions in kinds[: 1 if r.random() < 0.7 else 2]
    ]
    return (
        f'$ curl -s -H "Authorization: Bearer {var}" {local}/keys | jq\n{{\n  "results": [\n'
        + ",\n".join(entries)
        + f'\n  ],\n  "offset": 0,\n  "limit": 20,\n  "total": {len(entries)}\n}}\n'
    )


def _search_typesense(b: _B) -> str:
    r, b.path = b.r, "search.ts"
    key, env, ver = b.s("api-key", _token(r, 32)), b.k("process.env.TYPESENSE_API_KEY"), b.k(_semver(r, "1."))
    found = r.randint(3, 400)
    return f"""// curl "http://typesense.internal:8108/collections/products/documents/search?q=boots" \\
//   -H "X-TYPESENSE-API-KEY: {key}"
// -> {{"found": {found}, "out_of": {found * 7}, "page": 1, "search_time_ms": {r.randint(1, 9)}}}
import Typesense from "typesense"; // typesense@{ver}

export const client = new Typesense.Client({{
  nodes: [{{ host: "typesense.internal", port: 8108, protocol: "http" }}],
  apiKey: {env} ?? "",
}});
"""


def _search_os_users(b: _B) -> str:
    r, b.path = b.r, "internal_users.yml"
    users = "".join(
        f'{user}:\n  hash: "{b.s("password-hash", _bcrypt(r))}"\n  reserved: {str(user == "admin").lower()}\n'
        f'  backend_roles:\n  - "{user}"\n'
        for user in ("admin", "dashboards_ro")[: r.randint(1, 2)]
    )
    return (
        f'---\n_meta:\n  type: "internalusers"\n  config_version: 2\n\n{users}'
        f"# demo users removed (they all had the password {b.k('changeme')}); "
        f"questions to {b.k('security@example.com')}\n"
    )


def _search_es_apikey(b: _B) -> str:
    r, b.path = b.r, "session.txt"
    kid, secret, name = _pick(r, _B64URL, 20), _pick(r, _B64URL, 22), f"ingest-{_word(r)}"
    enc = base64.b64encode(f"{kid}:{secret}".encode()).decode()
    scheme, var = b.k("Authorization: ApiKey "), b.k("$ES_API_KEY")
    return f"""POST /_security/api_key
{{"name": "{name}", "expiration": "30d"}}

{{
  "id" : "{kid}",
  "name" : "{name}",
  "api_key" : "{b.s("es-api-key", secret)}",
  "encoded" : "{b.s("es-api-key", enc)}"
}}
# shipper: curl -H "{scheme}{var}" https://search.{_domain(r)}:9200/_cluster/health
"""


def _search_dump(b: _B) -> str:
    r, b.path = b.r, "dump.log"
    digest, stamp = b.k(_hex(r, 64)), f"2025{r.randint(1, 12):02d}{r.randint(10, 28)}-{r.randint(1, 10**9)}"
    n, e = b.pe()
    doc = f'{{"id":{r.randint(1000, 99999)},"customer_name":"{n}","email":"{e}","orders":{r.randint(1, 40)}}}'
    return (
        f"$ sha256sum dumps/{stamp}.dump\n{digest}  dumps/{stamp}.dump\n"
        f"$ tar -xzOf dumps/{stamp}.dump indexes/customers/documents.jsonl | head -n 1\n{doc}\n"
        f"$ meilisearch --import-dump dumps/{stamp}.dump --env development  # {b.k(_semver(r, 'v1.'))}\n"
    )


# ================================================================ wiki and knowledge bases


def _wiki_confluence(b: _B) -> str:
    r, b.path = b.r, "export_space.py"
    email, tok = b.s("email", b.email(domain=_domain(r))), b.v("atlassian-token")
    host = b.k(f"https://{r.choice(_ORG_A)}{r.choice(_ORG_B)}.atlassian.net/wiki")
    docs = b.k("https://id.atlassian.com/manage-profile/security/api-tokens")
    return f'''"""Export Confluence spaces to Markdown. Tokens: {docs}"""

CONFLUENCE_URL = "{host}"
CONFLUENCE_USER = "{email}"
CONFLUENCE_API_TOKEN = "{tok}"
SPACE_KEYS = ["ENG", "OPS", "{r.choice(("HR", "SEC", "DATA"))}"]
'''


def _wiki_notion(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    tok, scheme = b.v("notion-token"), b.k("Authorization: Bearer ")
    person = f'{{"object":"user","id":"{_uuid(r)}","type":"person","person":{{"email":"{b.s("email", b.email())}"}}}},'
    person = person if r.random() < 0.5 else ""
    url = b.k("https://api.notion.com/v1/users?page_size=2")
    return f"""$ curl -s "{url}" \\
    -H "{scheme}{tok}" \\
    -H "Notion-Version: 2022-06-28"
{{"object":"list","results":[{person}
{{"object":"user","id":"{_uuid(r)}","name":"Wiki export","type":"bot","bot":{{}}}}],"has_more":false}}
"""


def _wiki_outline_env(b: _B) -> str:
    r, b.path = b.r, ".env"
    pw, smtp = b.s("url-password", _url_password(r)), b.s("password", _password(r))
    redis, placeholder = b.k("redis://localhost:6379"), b.k("changeme")
    return (
        f"URL=https://wiki.{_domain(r)}\nDATABASE_URL=postgres://outline:{pw}@postgres:5432/outline\n"
        f"REDIS_URL={redis}\nFILE_STORAGE=local\nSMTP_HOST=smtp.{_domain(r)}\nSMTP_USERNAME=wiki\n"
        f"SMTP_PASSWORD={smtp}\n# staging uses SMTP_PASSWORD={placeholder}\n"
    )


def _wiki_outline_api(b: _B) -> str:
    r, b.path = b.r, "sync_outline.py"
    key, filler = b.v("outline-api-key"), b.k("ol_api_" + "x" * 38)
    url = b.k("https://app.getoutline.com/api/documents.search")
    return f'''import httpx

# README: OUTLINE_TOKEN="{filler}" (replace with your own)
OUTLINE_TOKEN = "{key}"


def search(query: str) -> list[dict]:
    headers = {{"Authorization": f"Bearer {{OUTLINE_TOKEN}}"}}
    return httpx.post("{url}", headers=headers, json={{"query": query}}).json()["data"]


print(search("{r.choice(("On-call handbook", "Release checklist", "Vendor contacts"))}"))
'''


def _wiki_bookstack(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    secret, ver = b.s("api-key", _token(r, 32)), b.k(f"v24.{r.randint(1, 12):02d}.{r.randint(0, 3)}")
    app_key = b.s("encryption-key", base64.b64encode(_bytes(r, 32)).decode())
    url = b.k(f"https://docs.{_domain(r)}/api/system")
    return f"""$ grep -E '^(APP_KEY|APP_URL)=' /var/www/bookstack/.env
APP_KEY=base64:{app_key}
APP_URL=https://docs.{_domain(r)}
$ curl -s -H "Authorization: Token {_token(r, 32)}:{secret}" {url}
{{"version":"{ver}","instance_id":"{_uuid(r)}","app_name":"BookStack"}}
"""


def _wiki_frontmatter(b: _B) -> str:
    r, b.path = b.r, "docs/oncall.md"
    n, e = b.pe(_domain(r))
    gh, ex = b.k("git@github.com"), b.k("oncall@example.com")
    return f"""---
title: On-call handbook
author: {n} <{e}>
updated: {_date(r)}
---

Clone the runbooks with `git clone {gh}:ops/runbooks.git`. Pages go to {ex} in the examples below.
"""


# ================================================================ file transfer clients


def _ft_filezilla(b: _B) -> str:
    r, b.path = b.r, "sitemanager.xml"
    where = "$env:APPDATA"
    if r.random() < 0.5:
        where = f"C:\\Users\\{b.s('home-user', b.user())}\\AppData\\Roaming"
    host = b.s("host-address", _public_ip(r)) if r.random() < 0.3 else f"sftp.{_domain(r)}"
    pw = b.s("password", base64.b64encode(_password(r).encode()).decode())
    return (
        f"PS C:\\> type {where}\\FileZilla\\sitemanager.xml\n"
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n'
        f'<FileZilla3 version="{b.k(f"3.{r.randint(60, 68)}.{r.randint(0, 5)}")}" platform="windows">\n'
        f"\t<Servers>\n\t\t<Server>\n\t\t\t<Host>{host}</Host>\n\t\t\t<Port>22</Port>\n"
        f"\t\t\t<Protocol>1</Protocol>\n\t\t\t<User>deploy</User>\n"
        f'\t\t\t<Pass encoding="base64">{pw}</Pass>\n\t\t\t<Logontype>1</Logontype>\n'
        f"\t\t\t<Name>{_word(r)} uploads</Name>\n\t\t</Server>\n\t</Servers>\n</FileZilla3>\n"
    )


def _ft_winscp(b: _B) -> str:
    r, b.path = b.r, "WinSCP.ini"
    host = b.s("host-address", _ip(r)) if r.random() < 0.5 else f"files.{_domain(r)}"
    net = b.k("10.0.0.0/8")
    pw = b.s("password", "A35C" + _pick(r, "0123456789ABCDEF", 2 * r.randint(30, 44)))
    return f"""; WinSCP {b.k(f"6.{r.randint(1, 5)}.{r.randint(0, 4)}")}
[Sessions\\{_word(r)}%20uploads]
HostName={host}
UserName=deploy
Password={pw}
FSProtocol={r.choice((0, 2, 5))}
RemoteDirectory=/var/www/{_word(r)}
; tunnel only from {net}
"""


def _ft_rclone(b: _B) -> str:
    r, b.path = b.r, "rclone.conf"
    kind = r.randrange(3)
    if kind == 0:
        host = b.s("host-address", _ip(r)) if r.random() < 0.5 else f"backup.{_domain(r)}"
        pw = b.s("password", _b64u(_bytes(r, 16 + r.randint(10, 20))))
        section = f"[offsite]\ntype = sftp\nhost = {host}\nuser = backup\npass = {pw}\nshell_type = unix\n"
    elif kind == 1:
        fields = {"access_token": "@A", "token_type": "bearer", "refresh_token": "@R", "expiry": _ts(r)}
        tok = json.dumps(fields)
        tok = tok.replace("@A", b.v("dropbox-token")).replace("@R", b.s("refresh-token", _token(r, 64)))
        section = f"[dropbox]\ntype = dropbox\ntoken = {tok}\n"
    else:
        akid, sec = b.v("aws-access-key-id"), b.s("aws-secret-key", _aws_secret(r))
        section = f"[s3-archive]\ntype = s3\nprovider = AWS\naccess_key_id = {akid}\n"
        section += f"secret_access_key = {sec}\n"
    ver = b.k(f"rclone v1.{r.randint(60, 69)}.{r.randint(0, 3)}")
    return f"$ rclone version | head -1\n{ver}\n$ cat ~/.config/rclone/rclone.conf\n{section}"


def _ft_lftp(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    pw = b.s("url-password", _url_password(r))
    netrc = f"machine ftp.{_domain(r)}\nlogin builder\npassword {b.s('password', _password(r))}\n"
    netrc = netrc if r.random() < 0.6 else "cat: /root/.netrc: No such file or directory\n"
    plain, ver = b.k(f"ftp://mirror@ftp.{_domain(r)}/pub"), b.k(f"4.9.{r.randint(1, 3)}")
    return f"""$ cat ~/.local/share/lftp/bookmarks
uploads\tsftp://deploy:{pw}@files.{_domain(r)}/var/www/uploads
mirror\t{plain}
$ cat ~/.netrc
{netrc}$ lftp --version | head -1
LFTP | Version {ver} | Copyright (c) 1996-2020 Alexander V. Lukyanov
"""


def _ft_keys(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    if r.random() < 0.6:
        user = b.user()
        begin, end = _pem("OPENSSH")
        body, pub = b.s("private-key", _openssh_private_body(r, f"{user}@sftp")), b.k(_ed25519_public(r))
        b.path = "session.sh"
        return (
            f"$ ls /home/{b.s('home-user', user)}/.ssh\nid_ed25519_sftp  id_ed25519_sftp.pub  known_hosts\n"
            f"$ cat ~/.ssh/id_ed25519_sftp.pub\nssh-ed25519 {pub} deploy@sftp\n"
            f"$ cat ~/.ssh/id_ed25519_sftp\n{begin}{body}{end}\n"
        )
    begin, end = _pem("EC")
    body, anyaddr = b.s("private-key", _ec_private_body(r)), b.k("0.0.0.0")
    return (
        f"$ grep -E '^(listen_address|rsa_private_key_file)' /etc/vsftpd.conf\nlisten_address={anyaddr}\n"
        "rsa_private_key_file=/etc/ssl/private/ftps.key\n"
        f"$ sudo cat /etc/ssl/private/ftps.key\n{begin}{body}{end}\n"
    )


def _ft_gitlab(b: _B) -> str:
    r, b.path = b.r, "job.log"
    tok, ref, repo = b.v("gitlab-token"), b.k("${SFTP_PASSWORD}"), b.k(f"gitlab.com/{_word(r)}/site.git")
    host = b.s("host-address", _public_ip(r)) if r.random() < 0.5 else f"web{r.randint(1, 9)}.{_domain(r)}"
    return f"""$ git clone https://oauth2:{tok}@{repo}
Cloning into 'site'...
$ sshpass -p "{ref}" sftp -oBatchMode=no deploy@{host} <<< 'put -r public/*'
sftp> put -r public/*
Job succeeded
"""


# ================================================================ retail loyalty


def _rl_export(b: _B) -> str:
    r, b.path = b.r, "members.csv"
    rows = [_csv("member_id", "full_name", "email", "phone", "tier", "points", "joined")]
    for _ in range(1 if r.random() < 0.85 else 2):
        n, e = b.pe()
        tier = r.choice(("Bronze", "Silver", "Gold"))
        points = str(r.randint(0, 9000))
        rows.append(_csv(f"LM{r.randint(10**5, 10**6)}", n, e, _phone(r), tier, points, _date(r)))
    rows.append(_csv("LM000001", b.k("Jane Doe"), b.k("jane.doe@example.com"), "", "Test", "0", _date(r)))
    return "\n".join(rows) + "\n"


def _rl_square(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    tok, scheme = b.v("square-token"), b.k("Authorization: Bearer ")
    url = b.k("https://connect.squareup.com/v2/loyalty/accounts/search")
    return f"""$ curl {url} \\
  -X POST \\
  -H 'Square-Version: 2025-0{r.randint(1, 9)}-16' \\
  -H '{scheme}{tok}' \\
  -d '{{"query": {{"customer_ids": ["{_pick(r, _UPPER + _DIG, 26)}"]}}, "limit": 1}}'
{{"loyalty_accounts":[{{"id":"{_uuid(r)}","balance":{r.randint(0, 900)},"created_at":"{_ts(r)}"}}]}}
"""


def _rl_pos_config(b: _B) -> str:
    r, b.path = b.r, "pos.yml"
    secret, shop, sk = (
        b.s("square-token", "sq0" + "csp-" + _pick(r, _B64URL, 43)),
        b.v("shopify-token"),
        b.v("stripe-secret-key"),
    )
    pk, vault = b.k("pk" + "_live_" + _pick(r, _ALNUM, 99)), b.k("{{ vault 'pos/square_token' }}")
    return f"""pos:
  provider: square
  application_id: sq0idp-{_pick(r, _B64URL, 22)}
  application_secret: {secret}
  access_token: "{vault}"
shopify:
  shop: {_word(r)}-goods.myshopify.com
  admin_token: {shop}
stripe:
  publishable_key: {pk}
  secret_key: {sk}
"""


def _rl_webhook(b: _B) -> str:
    r, b.path = b.r, "loyalty/webhooks.py"
    secret = b.s("webhook-secret", "whsec_" + _pick(r, _ALNUM, 32))
    env = b.k('os.environ["LOYALTY_WEBHOOK_SECRET"]')
    url = b.k("https://loyalty.example.com/webhooks/points")
    return f'''import hashlib
import hmac

# local testing against {url}; prod reads {env}
LOYALTY_WEBHOOK_SECRET = "{secret}"


def verify(body: bytes, signature: str) -> bool:
    mac = hmac.new(LOYALTY_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, signature)
'''


def _rl_txlog(b: _B) -> str:
    r, b.path = b.r, "pos-tx.log"
    lines = []
    for _ in range(1 if r.random() < 0.75 else 2):
        card = _card(r)
        pan = b.s("card-number", card if r.random() < 0.6 else _group_card(card, "-"))
        lines.append(
            f"{_ts(r, ' ', '')} txn={r.randint(1000, 99999)} store=0{r.randint(10, 99)} "
            f"pan={pan} amount={r.randint(1, 300)}.{r.randint(10, 99)} member=LM{r.randint(10**5, 10**6)}"
        )
    lines.append(f"{_ts(r, ' ', '')} txn=0 store=999 pan={b.k(r.choice(_test_cards()))} amount=1.00 STAGING")
    lines.append(f'{_ts(r, " ", "")} export ok {{"order_id": "{b.k(_card(r))}", "status": "settled"}}')
    return "\n".join(lines) + "\n"


def _rl_readme(b: _B) -> str:
    r, b.path = b.r, "README.md"
    filler, stars, tok = b.k("EAAA" + "x" * 16), b.k("****"), b.v("slack-token")
    n, e = b.pe() if r.random() < 0.5 else (b.k("Jane Doe"), b.k("jane@example.org"))
    return f"""## Loyalty sync

Set `SQUARE_ACCESS_TOKEN` to your production token (it looks like `{filler}...`); the admin page shows it
as `{stars}` once saved. Maintainer: {n} <{e}>

    # scratch, remove before commit
    SLACK_BOT_TOKEN={tok}
"""


# ================================================================ property assessor


def _pa_parcels(b: _B) -> str:
    r, b.path = b.r, "parcels_2025.csv"
    rows = [_csv("APN", "SITUS_ADDR", "OWNER_NAME", "MAIL_ADDR", "MAIL_CITY", "LAND_VALUE", "TAX_YEAR")]
    for _ in range(1 if r.random() < 0.8 else 2):
        first, last = b.person()
        owner = b.s("person-name", f"{first} {last}" if r.random() < 0.5 else f"{last} {first}".upper())
        apn = f"{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}"
        value = str(r.randint(20, 400) * 1000)
        rows.append(_csv(apn, _street(r).upper(), owner, _street(r), r.choice(_TOWNS), value, "2025"))
    llc = f"{r.choice(_STREETS).upper()} HOLDINGS LLC"
    rows.append(_csv(f"{r.randint(100, 999)}-{r.randint(100, 999)}-01", _street(r).upper(), llc, "PO BOX 118",
                     r.choice(_TOWNS), "410000", "2025"))  # fmt: skip
    source = b.k(f"https://gis.{r.choice(_TOWNS).lower()}county.gov/datasets/parcels")
    return f"# source: {source}\n" + "\n".join(rows) + "\n"


def _pa_arcgis_query(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    tok = b.v("arcgis-api-key")
    owner = b.s("person-name", b.name()) if r.random() < 0.5 else f"{r.choice(_STREETS).upper()} TRUST LLC"
    params = b.k("outFields=APN,OWNER_NAME&f=json")
    county = r.choice(_TOWNS).lower()
    return f"""$ curl -s "https://gis.{county}county.gov/arcgis/rest/services/Parcels/MapServer/0\\
/query?where=APN%3D'{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}'&{params}&token={tok}"
{{"displayFieldName":"APN","features":[{{"attributes":{{"APN":"{r.randint(100, 999)}",
"OWNER_NAME":"{owner}"}}}}]}}
"""


def _pa_webmap(b: _B) -> str:
    r, b.path = b.r, "src/map.js"
    key, ver = b.v("arcgis-api-key"), b.k(f"4.{r.randint(25, 32)}")
    org = _pick(r, _ALNUM, 16)
    layer = b.k(f"https://services{r.randint(1, 9)}.arcgis.com/{org}/arcgis/rest/services/Parcels/MapServer")
    streetview = f'\nexport const STREETVIEW_KEY = "{b.v("google-api-key")}";\n' if r.random() < 0.5 else ""
    return f"""import esriConfig from "@arcgis/core/config.js";
import FeatureLayer from "@arcgis/core/layers/FeatureLayer.js";
// pinned to @arcgis/core {ver}
esriConfig.apiKey = "{key}";

export const parcels = new FeatureLayer({{ url: "{layer}", outFields: ["APN", "SITUS_ADDR"] }});
{streetview}"""


def _pa_geocode(b: _B) -> str:
    r, b.path = b.r, "geocode_owners.py"
    gkey, pw = b.v("google-api-key"), b.s("url-password", _url_password(r))
    var, attr = b.k("GOOGLE_MAPS_API_KEY"), b.k("settings.CAMA_PASSWORD")
    return f'''import os

API_KEY = os.environ.get("{var}", "{gkey}")
DSN = "postgresql://assessor:{pw}@cama-db.internal:5432/cama"
password = {attr}
'''


def _pa_psql(b: _B) -> str:
    r, b.path = b.r, "session.txt"
    n, e = b.pe()
    ver = b.k(f"PostgreSQL 1{r.randint(3, 7)}.{r.randint(1, 9)}")
    return f"""cama=> select version();
 {ver} on x86_64-pc-linux-gnu, compiled by gcc
cama=> \\x
Expanded display is on.
cama=> select * from owners where apn = '{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}';
-[ RECORD 1 ]---+---------------------------
owner_id        | {r.randint(10000, 99999)}
full_name       | {n}
mail_addr       | {_street(r)}
email           | {e}
"""


def _pa_pghba(b: _B) -> str:
    r, b.path = b.r, "pg_hba.conf"
    net, mask, lo = b.k("10.0.0.0/8"), b.k("255.255.255.0"), b.k("127.0.0.1/32")
    ip = b.s("host-address", _private_ip(r))
    return f"""# TYPE  DATABASE  USER       ADDRESS          METHOD
local   all       postgres                    peer
host    cama      assessor   {lo}     scram-sha-256
host    cama      assessor   {net}       scram-sha-256
host    gis       gisviewer  {ip}/32   scram-sha-256
# portal subnet mask {mask}
"""


# ================================================================ telehealth video


def _th_twilio_env(b: _B) -> str:
    r, b.path = b.r, ".env"
    secret, ph = b.s("sdk-secret", _token(r, 32)), b.k("ph" + "c_" + _pick(r, _ALNUM, 43))
    sg = f"SENDGRID_API_KEY={b.v('sendgrid-key')}\n" if r.random() < 0.5 else ""
    return (
        f"TWILIO_ACCOUNT_SID=AC{_hex(r, 32)}\nTWILIO_API_KEY_SID=SK{_hex(r, 32)}\n"
        f"TWILIO_API_KEY_SECRET={secret}\n"
        f"{sg}NEXT_PUBLIC_POSTHOG_KEY={ph}\nPUBLIC_APP_URL={b.k(f'https://visits.{_domain(r)}')}\n"
    )


def _th_token(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    sid, now, room = f"SK{_hex(r, 32)}", r.randint(1735000000, 1760000000), f"visit-{_uuid(r)}"
    grants = {"identity": f"provider-{r.randint(100, 999)}", "video": {"room": room}}
    payload = {"jti": f"{sid}-{now}", "grants": grants, "iat": now, "exp": now + 3600, "iss": sid}
    payload["sub"] = f"AC{_hex(r, 32)}"
    jwt = b.s("jwt", _jwt(r, payload, {"cty": "twilio-fpa;v=1", "typ": "JWT", "alg": "HS256"}))
    ver, url = b.k(_semver(r, "2.")), b.k(f"https://visits.{_domain(r)}/api/token")
    return f"""$ curl -s -X POST {url} -d room={room}
{{"token":"{jwt}","room":"{room}","sdk":"twilio-video@{ver}"}}
"""


def _th_zoom_agora(b: _B) -> str:
    r, b.path = b.r, "config/video.yml"
    zsec, cert = b.s("sdk-secret", _token(r, 36)), b.s("agora-app-certificate", _hex(r, 32))
    ik = b.k(f"InstrumentationKey={_uuid(r)}")
    return f"""video:
  primary: zoom
  zoom:
    sdk_key: {_token(r, 22)}
    sdk_secret: {zsec}
  agora:
    app_id: {_hex(r, 32)}
    app_certificate: {cert}
telemetry:
  connection_string: "{ik};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
"""


def _th_visit_log(b: _B) -> str:
    r, b.path = b.r, "visits.jsonl"
    n, ip = b.s("person-name", b.name()), b.s("host-address", _public_ip(r)) if r.random() < 0.5 else "-"
    anon = b.k(_uuid(r))
    return (
        f'{{"ts":"{_ts(r)}","event":"visit.joined","visit_id":"{_uuid(r)}","patient_name":"{n}",'
        f'"client_ip":"{ip}","network":"{r.choice(("wifi", "lte", "ethernet"))}"}}\n'
        f'{{"ts":"{_ts(r)}","event":"sdk.loaded","anonymous_id":"{anon}","kbps":{r.randint(300, 2500)}}}\n'
    )


def _th_signaling(b: _B) -> str:
    r, b.path = b.r, "request.txt"
    wskey = b.k(base64.b64encode(_bytes(r, 16)).decode())
    ga = b.k(f"GA1.2.{r.randint(10**8, 10**9)}.{r.randint(1700000000, 1760000000)}")
    sess = b.s("session-cookie", _token(r, 48, _B64URL))
    claims: dict[str, object] = {
        "sub": f"patient-{r.randint(1000, 9999)}",
        "exp": r.randint(175 * 10**7, 18 * 10**8),
    }
    jwt = b.s("jwt", _jwt(r, claims))
    return f"""GET /signaling?room=visit-{r.randint(1000, 9999)} HTTP/1.1
Host: video.{_domain(r)}
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: {wskey}
Sec-WebSocket-Version: 13
Cookie: _ga={ga}; tele_session={sess}
Authorization: Bearer {jwt}
"""


def _th_appointments(b: _B) -> str:
    r, b.path = b.r, "appointments.csv"
    rows = [_csv("appointment_id", "patient_name", "patient_email", "provider", "start", "status")]
    n, e = b.pe()
    rows.append(_csv(str(r.randint(10**5, 10**6)), n, e, f"Dr. {r.choice(_LAST)}", _ts(r), "no-show"))
    return "\n".join(rows) + f"\n# exported for {b.k(b.name())}'s no-show review\n"


# ================================================================ music royalties


def _mr_statement_csv(b: _B) -> str:
    r, b.path = b.r, "statement.csv"
    rows = [_csv("payee_name", "iban", "period", "streams", "gross_usd", "net_usd")]
    for _ in range(1 if r.random() < 0.9 else 2):
        gross = r.randint(10, 4000)
        n, iban, streams = b.s("person-name", b.name()), b.s("iban", _iban(r)), str(r.randint(1000, 900000))
        period, cents = f"2025-Q{r.randint(1, 4)}", r.randint(10, 99)
        rows.append(_csv(n, iban, period, streams, f"{gross}.{cents}", f"{gross // 2}.{cents}"))
    return f"# royalties {b.k(_semver(r, 'v'))} statement export\n" + "\n".join(rows) + "\n"


def _mr_payout_json(b: _B) -> str:
    r, b.path = b.r, "payee.json"
    iban, ssn = b.s("iban", _group4(_iban(r))), b.s("ssn", _ssn(r, dashes=False))
    url = b.k(f"https://api.{_domain(r)}/v2/payees/pay_{_pick(r, _ALNUM, 14)}")
    return f"""$ curl -s {url} | jq .
{{
  "display_name": "{_word(r).capitalize()} {r.choice(("Collective", "Sound", "Quartet"))}",
  "bank": {{"iban": "{iban}", "bic": "{_pick(r, _UPPER, 6)}{_pick(r, _UPPER + _DIG, 2)}"}},
  "tax": {{"tax_id": "{ssn}", "tax_id_type": "ssn", "w9_on_file": true}},
  "split_pct": {r.randint(5, 100)}
}}
"""


def _mr_distributor(b: _B) -> str:
    r, b.path = b.r, "ddex_delivery.ini"
    key, example = b.s("api-key", _token(r, 40, _B64URL)), b.k("AK" + "IA" + "IOSFODNN7" + "EXAMPLE")
    api = b.k(f"https://api.{_domain(r)}/v2")
    s3 = ""
    if r.random() < 0.5:
        s3 = f"aws_access_key_id = {b.v('aws-access-key-id')}\n"
        s3 += f"aws_secret_access_key = {b.s('aws-secret-key', _aws_secret(r))}\n"
    return f"""[distributor]
api_base = {api}
api_key = {key}

[s3_drop]
; AWS docs use {example} in examples
{s3}bucket = ddex-inbound-{_word(r)}
"""


def _mr_pdf_text(b: _B) -> str:
    r, b.path = b.r, "statement.txt"
    n, iban = b.s("person-name", b.name()), b.s("iban", _group4(_iban(r)))
    sample = b.k(_group4(_iban(r, valid=False)))
    return f"""$ pdftotext -layout statement_2025Q{r.randint(1, 4)}.pdf -
                          ROYALTY STATEMENT
Payee name ................ {n}
Payee account ............. {iban}
Net payable ............... USD {r.randint(10, 9000)}.{r.randint(10, 99)}

(sample layout from the template: IBAN {sample})
"""


def _mr_alerts(b: _B) -> str:
    r, b.path = b.r, "royalty_import.sh"
    hook, filler = b.v("slack-webhook"), b.k("sk_live_" + "x" * 24)
    sk = f"export STRIPE_SECRET_KEY={b.v('stripe-secret-key')}\n" if r.random() < 0.5 else ""
    return f"""#!/usr/bin/env bash
set -euo pipefail
# payouts via Stripe Connect ({filler} in the docs)
{sk}python -m royalties.import --period "$1"
curl -s -X POST -H 'Content-type: application/json' --data '{{"text":"royalty import done"}}' {hook}
"""


def _mr_contract(b: _B) -> str:
    r, b.path = b.r, "contract_meta.txt"
    n, e = b.pe()
    return f"""Agreement: master use licence #{r.randint(1000, 9999)}
Signer: {n} <{e}>
Signed: {_ts(r)}

Notes: {b.k(b.name())} negotiated the {r.randint(10, 30)}% split; publishing stays with the artist.
"""


# ================================================================ elder care


def _ec_resident(b: _B) -> str:
    r, b.path = b.r, "resident.json"
    if r.random() < 0.35:
        first, last = b.person()
        names = f'"first_name": "{b.s("person-name", first)}",\n  "last_name": "{b.s("person-name", last)}"'
    else:
        names = f'"full_name": "{b.s("person-name", b.name())}"'
    url = b.k(f"https://care.{_domain(r)}/api/v2/residents/R-{r.randint(1000, 9999)}")
    return f"""$ curl -s {url}
{{
  {names},
  "date_of_birth": "19{r.randint(25, 50)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
  "room": "{r.choice("ABC")}{r.randint(1, 40)}",
  "ssn": "{b.s("ssn", _ssn(r))}",
  "primary_contact": {{"relationship": "{r.choice(("daughter", "son", "niece"))}", "phone": "{_phone(r)}"}}
}}
"""


def _ec_schedule(b: _B) -> str:
    r, b.path = b.r, "rota.csv"
    rows = [_csv("date", "shift", "caregiver_name", "role", "wing")]
    for _ in range(1 if r.random() < 0.7 else 2):
        shift, n = r.choice(("early", "late", "night")), b.s("person-name", b.name())
        role, wing = r.choice(("RN", "CNA", "carer")), r.choice(("North", "South"))
        rows.append(_csv(_date(r, 2025, 2025), shift, n, role, wing))
    rows.append(_csv(_date(r, 2025, 2025), "night", "Agency cover (TBC)", "carer", "North"))
    return f"# exported from rota-sync {b.k(_semver(r, 'v'))}\n" + "\n".join(rows) + "\n"


def _ec_vcard(b: _B) -> str:
    r, b.path = b.r, "contacts.vcf"
    n, e = b.pe()
    return (
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{n}\nEMAIL;TYPE=home:{e}\nTEL;TYPE=cell:{_phone(r)}\n"
        f"NOTE:family contact, room {r.choice('ABC')}{r.randint(1, 40)}\nEND:VCARD\n"
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{b.k('John Doe')}\nEMAIL:{b.k('john.doe@example.org')}\nEND:VCARD\n"
    )


def _ec_notify(b: _B) -> str:
    r, b.path = b.r, "notify.yml"
    sg, tg = b.v("sendgrid-key"), b.v("telegram-bot-token")
    tmpl, sender = b.k("${NIGHT_SHIFT_CHAT_ID}"), b.k(f"noreply@{_domain(r)}")
    return f"""email:
  provider: sendgrid
  api_key: {sg}
  from: {sender}
telegram:
  bot_token: "{tg}"
  chat_id: "{tmpl}"
"""


def _ec_sql(b: _B) -> str:
    r, b.path = b.r, "seed.sql"
    n, cn = b.s("person-name", b.name()), f"'{b.s('person-name', b.name())}'" if r.random() < 0.5 else "NULL"
    return f"""-- Dumped by pg_dump version {b.k(f"16.{r.randint(1, 9)}")}
INSERT INTO residents (id, full_name, dob, room, contact_name, contact_phone)
VALUES ({r.randint(100, 999)}, '{n}', '19{r.randint(25, 50)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}', \
'{r.choice("ABC")}{r.randint(1, 40)}', {cn}, '{_phone(r)}');
"""


def _ec_incident(b: _B) -> str:
    r, b.path = b.r, "incidents/fall.md"
    n, prose = b.s("person-name", b.name()), b.k(b.name())
    return f"""# Incident report {_date(r, 2025, 2025)}

**Name:** {n}
**Room:** {r.choice("ABC")}{r.randint(1, 40)}

{prose} found the resident beside the bed at {r.randint(1, 5):02d}:{r.randint(10, 59)} and called the nurse.
No injury seen; family informed by phone.
"""


# ================================================================ game anti-cheat and analytics


def _ga_servercfg(b: _B) -> str:
    r, b.path = b.r, "server.cfg"
    rcon, build, lo = b.s("password", _token(r, r.randint(14, 20))), b.k(_quad_version(r)), b.k("127.0.0.1")
    return f"""// dedicated server version {build}
hostname "{_word(r).capitalize()} | Ranked EU #{r.randint(1, 9)}"
rcon_password "{rcon}"
sv_password ""
sv_maxplayers {r.choice((10, 12, 24))}
// rcon only from {lo}
sv_setsteamaccount {_hex(r, 32).upper()}
"""


def _ga_eos(b: _B) -> str:
    r, b.path = b.r, "DefaultEngine.ini"
    secret = b.s("client-secret", _token(r, 43, _B64URL))
    ver = b.k(f"1.{r.randint(14, 17)}.{r.randint(0, 4)}")
    return f"""[/Script/OnlineSubsystemEOS.EOSSettings]
; EOS SDK {ver}
ProductId={_hex(r, 32)}
DeploymentId={_hex(r, 32)}
ClientId=xyza{_pick(r, _ALNUM, 28)}
ClientSecret={secret}
bEnableAntiCheat=True
"""


def _ga_reports(b: _B) -> str:
    r, b.path = b.r, "report.json"
    email, ip, anon = b.s("email", b.email()), b.s("host-address", _public_ip(r)), b.k(_uuid(r))
    return f"""{{
  "report_id": {r.randint(100000, 999999)},
  "reason": "{r.choice(("aimbot", "wallhack", "speedhack"))}",
  "reporter": {{"display_name": "{_word(r)}_{r.randint(1, 99)}", "contact_email": "{email}"}},
  "reported": {{"player_id": "{r.randint(10**16, 10**17)}", "last_ip": "{ip}"}},
  "session": {{"anonymous_id": "{anon}", "demo": "demos/{_hex(r, 12)}.dem"}}
}}
"""


def _ga_analytics(b: _B) -> str:
    r, b.path = b.r, "analytics.json"
    phx, phc = b.v("posthog-personal-key"), b.k("ph" + "c_" + _pick(r, _ALNUM, 43))
    host = b.k("https://eu.i.posthog.com")
    ga = ""
    if r.random() < 0.5:
        game, secret = b.s("api-key", _hex(r, 32)), b.s("client-secret", _hex(r, 40))
        ga = f'  "gameanalytics": {{"game_key": "{game}", "secret_key": "{secret}"}},\n'
    return f"""{{
{ga}  "posthog": {{"project_api_key": "{phc}", "personal_api_key": "{phx}", "host": "{host}"}}
}}
"""


def _ga_sentry(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    tok, hook, ref = b.v("sentry-token"), b.v("discord-webhook"), b.k("${{ secrets.SENTRY_AUTH_TOKEN }}")
    return f"""$ cat .sentryclirc
[auth]
token={tok}

[defaults]
org={_word(r)}-games
$ grep -n SENTRY .github/workflows/release.yml
41:          SENTRY_AUTH_TOKEN: {ref}
$ grep -n webhook anticheat-bot/config.toml
7:ban_feed = "{hook}"
"""


def _ga_npm(b: _B) -> str:
    r, b.path = b.r, "job.log"
    npm, gh, org = b.v("npm-token"), b.v("github-token"), f"{_word(r)}-games"
    filler, ver, commit = b.k("ghp_" + "x" * 36), b.k(_semver(r)), b.k(_hex(r, 40))
    return f"""Run actions/checkout@{commit}
Run npm publish --access public
$ cat ~/.npmrc
//registry.npmjs.org/:_authToken={npm}
$ git remote -v
origin\thttps://x-access-token:{gh}@github.com/{org}/analytics-sdk.git (fetch)
# docs example: GITHUB_TOKEN={filler}
+ @{org}/analytics-sdk@{ver}
"""


# ================================================================ ham radio and APRS


def _hr_aprslib(b: _B) -> str:
    r, b.path = b.r, "igate.py"
    call = _callsign(r)
    pc, ver = b.s("aprs-passcode", str(aprs_passcode(call))), b.k(f"0.7.{r.randint(0, 2)}")
    return f'''"""Minimal APRS-IS beacon (aprslib {ver})."""
import aprslib

AIS = aprslib.IS("{call}-10", passwd="{pc}", host="rotate.aprs2.net", port=14580)
AIS.connect()
AIS.sendall("{call}-10>APRS,TCPIP*:>iGate on the air")
'''


def _hr_tracker_yaml(b: _B) -> str:
    r, b.path = b.r, "bridge.yml"
    call = _callsign(r)
    pc, tg, dns = b.s("aprs-passcode", str(aprs_passcode(call))), b.v("telegram-bot-token"), b.k("8.8.8.8")
    return f"""aprs_is:
  callsign: {call}-7
  password: {pc}
  server: rotate.aprs2.net:14580
telegram:
  bot_token: {tg}
network:
  resolver: {dns}
"""


def _hr_qrz(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    call, other = _callsign(r), _callsign(r)
    pw, email, ver = b.s("password", _url_password(r)), b.s("email", b.email()), b.k(f"1.{r.randint(30, 36)}")
    return f"""$ curl -s "https://xmldata.qrz.com/xml/current/?username={call};password={pw};agent=hamlog-2.1"
<QRZDatabase version="{ver}" xmlns="http://xmldata.qrz.com">
<Session><Key>{_hex(r, 32)}</Key><Count>{r.randint(100, 9000)}</Count><GMTime>{_ts(r)}</GMTime></Session>
</QRZDatabase>
$ curl -s "https://xmldata.qrz.com/xml/current/?s=$QRZ_KEY;callsign={other}" | grep -E 'call|email'
<call>{other}</call>
<email>{email}</email>
"""


def _hr_wavelog(b: _B) -> str:
    r, b.path = b.r, "application/config/database.php"
    db, lo = b.s("password", _password(r)), b.k("localhost")
    enc = b.s("encryption-key", _token(r, 32, _ALNUM + "!#%+=?^~"))
    lotw = f"$config['lotw_password'] = '{b.s('password', _password(r))}';\n" if r.random() < 0.2 else ""
    return f"""<?php
$db['default'] = array(
    'hostname' => '{lo}',
    'username' => 'wavelog',
    'password' => '{db}',
    'database' => 'wavelog',
);
{lotw}$config['encryption_key'] = '{enc}';
"""


def _hr_roster(b: _B) -> str:
    r, b.path = b.r, "club_roster.csv"
    n, e = b.pe()
    rows = ["callsign,name,email,street,city,license_class"]
    rows.append(_csv(_callsign(r), n, e, _street(r), r.choice(_TOWNS), r.choice(("Technician", "General"))))
    rows.append(_csv("N0CALL", "Club station", b.k("n0call@example.org"), "", "", "Extra"))
    return "\n".join(rows) + "\n"


def _hr_pistar(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    shadow, psk = b.s("password-hash", _sha512crypt(r)), b.s("password", _password(r))
    fw, net = b.k(_quad_version(r)), b.k("192.168.1.0")
    dmr = f"Password={b.s('password', _token(r, 12))}\n" if r.random() < 0.2 else ""
    return f"""$ sudo grep pi-star /etc/shadow
pi-star:{shadow}:{r.randint(19000, 20300)}:0:99999:7:::
$ sudo cat /etc/wpa_supplicant/wpa_supplicant.conf
network={{
\tssid="{_word(r).capitalize()}Net"
\tpsk="{psk}"
}}
$ grep -A3 '^\\[DMR Network\\]' /etc/mmdvmhost
[DMR Network]
Enable=1
{dmr}$ ip route | grep {net}
{net}/24 dev wlan0 proto kernel scope link src {b.s("host-address", f"192.168.1.{r.randint(2, 254)}")}
$ sudo pistar-modemversion
Firmware Version ..... {fw}
"""


# ================================================================ expense receipts


def _xr_export(b: _B) -> str:
    r, b.path = b.r, "expenses.csv"
    rows = [_csv("report_id", "employee_name", "merchant", "date", "amount", "card_number")]
    merchant = f"{r.choice(_STREETS)} {r.choice(('Cafe', 'Taxi', 'Hotel'))}"
    rows.append(_csv(f"ER-{r.randint(1000, 9999)}", b.s("person-name", b.name()), merchant, _date(r),
                     f"{r.randint(3, 900)}.{r.randint(10, 99)}", b.s("card-number", _card(r))))  # fmt: skip
    masked = b.k(f"**** **** **** {r.randint(1000, 9999)}")
    rows.append(_csv(f"ER-{r.randint(1000, 9999)}", "", "Mileage", _date(r), "38.20", masked))
    return "\n".join(rows) + "\n"


def _xr_vision(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    key, masked = b.v("google-api-key"), b.k(f"************{r.randint(1000, 9999)}")
    url = b.k("https://vision.googleapis.com/v1/images:annotate")
    return f"""$ curl -s -X POST "{url}?key={key}" \\
    -H 'Content-Type: application/json' -d @request.json | jq -r '.responses[0].fullTextAnnotation.text'
{r.choice(_STREETS).upper()} MARKET
{r.randint(1, 28)}/0{r.randint(1, 9)}/2025 {r.randint(10, 22)}:{r.randint(10, 59)}
TOTAL {r.randint(5, 200)}.{r.randint(10, 99)}
VISA {masked}
"""


def _xr_llm(b: _B) -> str:
    r, b.path = b.r, "extractor.yml"
    key, secret, maxt = b.v("anthropic-key"), b.s("client-secret", _token(r, 80)), b.k("max_tokens: 2048")
    return f"""receipts:
  ocr:
    vendor: veryfi
    client_id: vrf{_pick(r, _ALNUM, 37)}
    client_secret: {secret}
  llm:
    provider: anthropic
    api_key: {key}
    {maxt}
"""


def _xr_ocr_json(b: _B) -> str:
    r, b.path = b.r, "receipt_ocr.json"
    company = b.k(f"{r.choice(_STREETS)} & {r.choice(_ORG_B).capitalize()} Bistro")
    card, ver = b.s("card-number", _group_card(_card(r))), b.k(f"receipt-ocr {_semver(r)}")
    return f"""{{
  "engine": "{ver}",
  "merchant": {{"company_name": "{company}", "category": "meals"}},
  "total": {r.randint(8, 300)}.{r.randint(10, 99)},
  "payment": {{"card_type": "VISA", "card_number": "{card}"}}
}}
"""


def _xr_settings(b: _B) -> str:
    r, b.path = b.r, ".env"
    tok, refresh, dns = b.v("dropbox-token"), b.s("refresh-token", _token(r, 64)), b.k("1.1.1.1")
    return (
        f"DROPBOX_ACCESS_TOKEN={tok}\nDROPBOX_REFRESH_TOKEN={refresh}\nRECEIPTS_FOLDER=/Receipts/2025\n"
        f"DNS_FALLBACK={dns}\n"
    )


def _xr_dotnet(b: _B) -> str:
    r, b.path = b.r, "Web.config"
    ip = b.s("host-address", _private_ip(r)) if r.random() < 0.5 else "sql-expenses.internal"
    pw, pkt = b.s("password", _password(r)), b.k(_hex(r, 16))
    return f"""<configuration>
  <connectionStrings>
    <add name="Expenses" connectionString="Server={ip};Database=expenses;User Id=app;Password={pw};" />
  </connectionStrings>
  <runtime>
    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
      <dependentAssembly>
        <assemblyIdentity name="Newtonsoft.Json" publicKeyToken="{pkt}" culture="neutral" />
      </dependentAssembly>
    </assemblyBinding>
  </runtime>
</configuration>
"""


# ================================================================ background checks


def _bc_checkr(b: _B) -> str:
    r, b.path = b.r, "session.sh"
    key, url = b.s("api-key", _hex(r, 40)), b.k("https://api.checkr.com/v1/candidates")
    first, last = b.person()
    ssn = f"    -d ssn={b.s('ssn', _ssn(r))} \\\n" if r.random() < 0.3 else ""
    return f"""$ curl -X POST {url} \\
    -u {key}: \\
    -d first_name={b.s("person-name", first)} \\
    -d last_name={b.s("person-name", last)} \\
{ssn}    -d dob=19{r.randint(60, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}
{{"id":"{_hex(r, 24)}","object":"candidate","created_at":"{_ts(r)}"}}
"""


def _bc_report(b: _B) -> str:
    r, b.path = b.r, "candidate_report.json"
    n, ssn, anon = b.s("person-name", b.name()), b.s("ssn", _ssn(r)), b.k(_uuid(r))
    url = b.k(f"https://screening.{_domain(r)}/v1/reports/{_hex(r, 24)}")
    return f"""$ curl -s {url}
{{
  "candidate": {{"name": "{n}", "ssn": "{ssn}", "dob": "19{r.randint(60, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}"}},
  "package": "{r.choice(("driver_pro", "tasker_standard", "essential"))}",
  "status": "{r.choice(("clear", "consider", "pending"))}",
  "trace_id": "{anon}"
}}
"""


def _bc_vendor_yaml(b: _B) -> str:
    r, b.path = b.r, "screening.yml"
    secret = b.s("client-secret", _token(r, 48))
    whsec = b.s("webhook-secret", _token(r, 40, _B64URL)) if r.random() < 0.5 else b.k("${WEBHOOK_SECRET}")
    tmpl, regex = b.k("{{ .Values.screening.clientSecret }}"), b.k(r"'^(?!000|666|9\d\d)\d{3}-\d{2}-\d{4}$'")
    return f"""screening:
  vendor: sterling
  client_id: {_uuid(r)}
  client_secret: {secret}
  webhook_signing_secret: {whsec}
  # helm chart renders: client_secret: {tmpl}
validation:
  ssn_pattern: {regex}
"""


def _bc_adjudication(b: _B) -> str:
    r, b.path = b.r, "adjudication.csv"
    rows = [_csv("candidate_name", "ssn", "dob", "package", "status")]
    n, ssn = b.s("person-name", b.name()), b.s("ssn", _ssn(r, dashes=r.random() < 0.5))
    rows.append(_csv(n, ssn, _date(r, 1960, 2004), "standard", r.choice(("clear", "consider"))))
    return f"# export {b.k(_uuid(r))}\n" + "\n".join(rows) + "\n"


def _bc_email(b: _B) -> str:
    r, b.path = b.r, "notice.eml"
    name = b.name()
    n, e = b.s("person-name", name), b.s("email", b.email(name))
    no, portal = b.k(f"noreply@{_domain(r)}"), b.k(f"https://candidate.{_domain(r)}/reports")
    return f"""From: Screening Team <{no}>
To: {n} <{e}>
Subject: Your background check is complete

Hi {name.split(" ")[0]},

Your report is ready at {portal}. You can dispute anything inaccurate within {r.choice((5, 7, 10))} days.
"""


def _bc_postman(b: _B) -> str:
    r, b.path = b.r, "collection.json"
    basic = b.s("basic-auth", base64.b64encode(f"api_{_word(r)}:{_token(r, 24)}".encode()).decode())
    ptok, ssn = b.k(_uuid(r)), b.s("ssn", _ssn(r))
    sg = b.v("sendgrid-key") if r.random() < 0.3 else None
    extra = f',\n      {{"key": "X-Mail-Key", "value": "{sg}"}}' if sg else ""
    return f"""{{
  "name": "Create order",
  "request": {{
    "method": "POST",
    "header": [
      {{"key": "Authorization", "value": "Basic {basic}"}},
      {{"key": "Postman-Token", "value": "{ptok}"}}{extra}
    ],
    "body": {{"mode": "raw", "raw": "{{\\"ssn\\": \\"{ssn}\\", \\"package\\": \\"basic\\"}}"}},
    "url": "https://api.{_domain(r)}/v1/orders"
  }}
}}
"""


# ================================================================ assembly

_Template = Callable[[_B], str]

_TEMPLATES: dict[str, tuple[_Template, ...]] = {
    "self-hosted-search": (
        _search_env, _search_keys, _search_typesense, _search_os_users, _search_es_apikey, _search_dump,
    ),
    "wiki-knowledge-bases": (
        _wiki_confluence, _wiki_notion, _wiki_outline_env, _wiki_outline_api, _wiki_bookstack,
        _wiki_frontmatter,
    ),
    "file-transfer-clients": (_ft_filezilla, _ft_winscp, _ft_rclone, _ft_lftp, _ft_keys, _ft_gitlab),
    "retail-loyalty": (_rl_export, _rl_square, _rl_pos_config, _rl_webhook, _rl_txlog, _rl_readme),
    "property-assessor": (_pa_parcels, _pa_arcgis_query, _pa_webmap, _pa_geocode, _pa_psql, _pa_pghba),
    "telehealth-video": (
        _th_twilio_env, _th_token, _th_zoom_agora, _th_visit_log, _th_signaling, _th_appointments,
    ),
    "music-royalties": (
        _mr_statement_csv, _mr_payout_json, _mr_distributor, _mr_pdf_text, _mr_alerts, _mr_contract,
    ),
    "elder-care": (_ec_resident, _ec_schedule, _ec_vcard, _ec_notify, _ec_sql, _ec_incident),
    "game-anticheat-analytics": (_ga_servercfg, _ga_eos, _ga_reports, _ga_analytics, _ga_sentry, _ga_npm),
    "ham-radio-aprs": (_hr_aprslib, _hr_tracker_yaml, _hr_qrz, _hr_wavelog, _hr_roster, _hr_pistar),
    "expense-receipts": (_xr_export, _xr_vision, _xr_llm, _xr_ocr_json, _xr_settings, _xr_dotnet),
    "background-checks": (_bc_checkr, _bc_report, _bc_vendor_yaml, _bc_adjudication, _bc_email, _bc_postman),
}  # fmt: skip

_FENCE_LANG = {
    "sh": "console", "yml": "yaml", "json": "json", "py": "python", "xml": "xml", "csv": "csv", "ini": "ini",
    "toml": "toml", "ts": "typescript", "js": "javascript", "php": "php", "sql": "sql", "md": "markdown",
    "cfg": "", "conf": "", "log": "text", "env": "dotenv", "jsonl": "json", "vcf": "", "config": "xml",
}  # fmt: skip


def _json_escaped(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _frame(marked: str, delivery: str, path: str, r: random.Random) -> tuple[str, Callable[[str], str]]:
    """The document as delivered, markers still in place, and how a label's value is written inside it."""
    lines = marked.rstrip("\n").split("\n")
    if delivery == "json":
        body = json.dumps(marked, ensure_ascii=False)
        return '{"type":"tool_result","content":' + body + "}", _json_escaped
    if delivery == "diff":
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{_hex(r, 7)}\n"
        head += f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        return head + "".join(f"+{line}\n" for line in lines), str
    if delivery == "numbered":
        start = r.randint(1, 120)
        if r.random() < 0.5:
            return "".join(f"{start + i:>6}\u2192{line}\n" for i, line in enumerate(lines)), str
        return "".join(f"{start + i}\t{line}\n" for i, line in enumerate(lines)), str
    if delivery == "cilog":
        day, t = f"2025-06-{r.randint(1, 28):02d}", r.randint(0, 80000)
        out = []
        for line in lines:
            t += r.randint(1, 3)
            stamp = f"{day}T{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"
            out.append(f"{stamp}.{r.randint(0, 9999999):07d}Z {line}\n")
        return "".join(out), str
    if delivery == "fence":
        lang = _FENCE_LANG.get(path.rsplit(".", 1)[-1], "")
        return f"Here is `{path}`:\n\n```{lang}\n{marked.rstrip()}\n```\n", str
    return marked, str


def _render(name: str, setting: str, delivery: str, path: str, marked: str, b: _B) -> Document:
    text, write = _frame(marked, delivery, path, b.r)
    out: list[str] = []
    size = 0
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    pos = 0
    for m in _MARK.finditer(text):
        out.append(text[pos : m.start()])
        size += m.start() - pos
        cls, value = b.labels[int(m.group(1))]
        written = write(value)
        if cls is None:
            keeps.append(Keep(written, size))
        else:
            secrets.append(Secret(cls, written, size))
        out.append(written)
        size += len(written)
        pos = m.end()
    out.append(text[pos:])
    doc = Document(name, setting, delivery, "".join(out), tuple(secrets), tuple(keeps))
    _check(doc)
    return doc


def _masked(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def _check(doc: Document) -> None:
    """A label sits where it says; no secret stands unlabelled elsewhere; no keep hides inside a secret."""
    spans = sorted((s.offset, s.offset + len(s.text)) for s in doc.secrets)
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            raise ValueError(f"{doc.name}: overlapping secrets")
    masked = _masked(doc)
    for s in doc.secrets:
        if doc.text[s.offset : s.offset + len(s.text)] != s.text or s.text in masked:
            raise ValueError(f"{doc.name}: secret {s.cls} misplaced or unlabelled elsewhere")
    for k in doc.keeps:
        placed = doc.text[k.offset : k.offset + len(k.text)] == k.text
        if not placed or masked.count(k.text) != doc.text.count(k.text):
            raise ValueError(f"{doc.name}: keep misplaced or inside a secret")


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every setting's templates in turn, each document from its own seeded generator."""
    docs: list[Document] = []
    for setting in SETTINGS:
        templates = _TEMPLATES[setting]
        for i in range(_PER_SETTING):
            template = templates[i % len(templates)]
            name = f"{setting}/{template.__name__.lstrip('_')}-{i:02d}"
            r = random.Random(f"{seed}:{name}")
            b = _B(r)
            marked = template(b)
            delivery = DELIVERIES[len(docs) % len(DELIVERIES)]
            if delivery not in _BLOCK_DELIVERIES and any("\n" in v for _, v in b.labels):
                delivery = r.choice(_BLOCK_DELIVERIES)
            docs.append(_render(name, setting, delivery, b.path, marked, b))
    return docs


def corpus_digest(docs: list[Document]) -> str:
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


def _windows(text: str) -> set[str]:
    if len(text) < 6:
        return {text}
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets went (whole, and leaving no fragment), how many keeps stayed."""
    total = removed = clean = vendor = vendor_removed = 0
    spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base = scrub(_masked(doc)) if doc.secrets else ""
        for s in doc.secrets:
            total += 1
            gone = s.text not in out
            if gone:
                removed += 1
                if not any(w in out and w not in base for w in _windows(s.text)):
                    clean += 1
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(total),
        "recall": removed / total if total else 1.0,
        "recall_no_fragment": clean / total if total else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber on this part (imported here, so that building the corpus never loads it)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
