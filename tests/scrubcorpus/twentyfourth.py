"""The twenty-fourth held-back scrub corpus.

Its twelve settings: HR and applicant tracking (Greenhouse, Lever, Workday, BambooHR, candidate and employee
exports); hospitality (property-management exports, guest registers, channel managers, booking confirmations);
SMS and telecom gateways (SMPP binds, Vonage, Plivo, MessageBird, Sinch, delivery reports); e-mail marketing
(Mailchimp, Mailgun, Postmark, Brevo, audience exports, bounce logs); database GUI clients (DBeaver, pgAdmin,
DataGrip, TablePlus, MySQL Workbench, mongosh, RedisInsight); edge functions and backends-as-a-service
(Cloudflare wrangler, Supabase, Firebase, Appwrite, PocketBase, Deno Deploy); headless CMS and static sites
(Contentful, Sanity, Strapi, Ghost, Hugo and Jekyll deploys); tax and government filings (W-2 and 1099 text,
IRS e-file acknowledgements, VAT returns, HMRC MTD, payroll tax exports); coding-agent tool configuration and
transcripts (MCP server configs, tool-call logs, aider and continue configs, prompt caches); mobile CI services
(Bitrise, Codemagic, EAS build, App Center, signing variables); media asset services (Cloudinary, Mux, imgix,
Bunny, Vimeo, signed media URLs); scheduling and booking (Calendly, Cal.com, Acuity, appointment exports, iCal).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays (and
look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every value is a fake drawn
at build time from a seeded ``random.Random``, valid for its format where the format has a check (CRC32 tokens,
Luhn, IBAN mod 97, SSN ranges, JWT, PEM and OpenSSH layouts, BIP-39 checksums). Each document is delivered one
of six ways (plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines, a Markdown fence)
and labelled as delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import textwrap
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

# ruff: noqa: E501  (captured logs and configs keep their real line lengths)

DEFAULT_SEED = 20261224

_T = TypeVar("_T")


@attrs.frozen
class Secret:
    """A labelled value the policy says goes, as delivered, at its offset."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A labelled value the policy says stays, as delivered, at its offset."""

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
    "hr-ats",
    "hospitality",
    "sms-telecom",
    "email-marketing",
    "db-gui-clients",
    "edge-baas",
    "headless-cms",
    "tax-filings",
    "coding-agent-tools",
    "mobile-ci",
    "media-assets",
    "scheduling",
)
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "npm-token",
        "slack-token",
        "stripe-key",
        "stripe-webhook-secret",
        "openai-key",
        "anthropic-key",
        "sendgrid-key",
        "brevo-key",
        "supabase-secret-key",
        "aws-access-key",
        "google-api-key",
        "gitlab-token",
        "twilio-api-key",
        "contentful-token",
        "huggingface-token",
        "netlify-token",
        "deno-deploy-token",
        "resend-key",
        "linear-key",
        "calcom-key",
        "mailgun-key",
        "sentry-token",
        "planetscale-password",
    }
)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "api-key",
        "secret",
        "token",
        "bearer-token",
        "basic-auth",
        "url-token",
        "email",
        "person-name",
        "card-number",
        "iban",
        "ssn",
        "private-key",
        "openssh-private-key",
        "jwt",
        "recovery-phrase",
        "password-hash",
        "aws-secret-key",
        "ip-address",
        "home-user",
        "key-id",
    }
)

# ---------------------------------------------------------------------------------------------------------
# Format checks (public: the tests hold the fakes to them).


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


BIP39_HEAD: tuple[str, ...] = _words(
    """
    abandon ability able about above absent absorb abstract absurd abuse access accident account accuse achieve
    acid acoustic acquire across act action actor actress actual adapt add addict address adjust admit adult
    advance advice aerobic affair afford afraid again age agent agree ahead aim air airport aisle alarm album
    alcohol alert alien all alley allow almost alone alpha already also alter always amateur amazing among amount
    amused analyst anchor ancient anger angle angry animal ankle announce annual another answer antenna antique
    anxiety any apart apology appear apple approve april arch arctic area arena argue arm armed armor army around
    arrange arrest arrive arrow art artefact artist artwork ask aspect assault asset assist assume asthma athlete
    atom attack attend attitude attract auction audit august aunt author auto autumn average avocado
    """
)

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_B64URL = _ALNUM + "-_"
_HEX = "0123456789abcdef"


def luhn_ok(number: str) -> bool:
    """Whether a card number (blanks and dashes allowed) passes the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12 or any(c not in "0123456789 -" for c in number):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_IBAN_LAYOUT = {
    "GB": (22, r"[A-Z]{4}\d{14}"),
    "DE": (22, r"\d{18}"),
    "NL": (18, r"[A-Z]{4}\d{10}"),
    "IE": (22, r"[A-Z]{4}\d{14}"),
}


def iban_ok(iban: str) -> bool:
    """Whether an IBAN (compact or in groups of four) has its country's length, layout and mod-97 check."""
    compact = iban.replace(" ", "")
    layout = _IBAN_LAYOUT.get(compact[:2])
    if layout is None or len(compact) != layout[0] or not re.fullmatch(r"\d{2}" + layout[1], compact[2:]):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """Whether a token is prefix + 30 base62 characters + their CRC32 in six base62 digits (GitHub, npm)."""
    body = token[len(prefix) :]
    if not token.startswith(prefix) or len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return _b62(zlib.crc32(body[:30].encode()), 6) == body[30:]


def ssn_ok(ssn: str) -> bool:
    """Whether a social security number is in the issued ranges (area, group and serial)."""
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", ssn)
    if not m:
        return False
    area, group, serial = (int(g) for g in m.groups())
    return area not in (0, 666) and area < 900 and group != 0 and serial != 0


def bip39_ok(phrase: str) -> bool:
    """Whether a phrase of BIP-39 words (from the list's first 128) carries its checksum."""
    words = phrase.split()
    if len(words) not in (12, 15, 18, 21, 24) or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(f"{BIP39_HEAD.index(w):011b}" for w in words)
    ent = len(bits) * 32 // 33
    entropy = int(bits[:ent], 2).to_bytes(ent // 8, "big")
    digest = bin(int.from_bytes(hashlib.sha256(entropy).digest(), "big"))[2:].zfill(256)
    return digest[: len(bits) - ent] == bits[ent:]


# ---------------------------------------------------------------------------------------------------------
# Fakes.

_FIRST = _words(
    "Priyanka Tobias Marisol Oluwaseun Henrike Dmitri Fiorella Kwame Annelise Rafferty Soledad Ingrid Thaddeus "
    "Yevgenia Leopold Catalina Emeka Rosalind Ximena Anouk Desmond Giulietta Hamish Ludmila Cormac Svetlana "
    "Ignatius Mirela Evander Wilhelmina Bartosz Ifeoma Constance Torvald Zuleika Augustin Perpetua Lorcan"
)
_LAST = _words(
    "Okafor Lindqvist Marchetti Nakamura Haldane Oyelaran Brennan Castellanos Ferreira Kowalczyk Abernathy "
    "Szabo Delacroix Mwangi Rasmussen Whitfield Quintero Valdivia Achterberg Petrosyan Halvorsen Iwasaki "
    "Tremblay Obuya Sandoval Lindgren Moreau Fairweather Gallagher Oyelowo Strandberg Vasquez Kiplagat Bergström"
)
_WORDS = _words(
    "bluefin larkspur copperline northwind juniper saltmarsh kestrel quarry lantern meridian tamarind "
    "harbour sorrel basalt pinecrest driftwood fennel cobalt marigold sundial brackwater hollybrook "
    "ravenna tidewater oakhurst wrenfield galloway ember"
)
_TLDS = ("io", "co", "net", "dev", "app", "hr", "travel", "co.uk", "de", "nl")
_PLACEHOLDERS = ("changeme", "<your-api-key>", "<your-token>", "****", "********", "password_here")


class _Fakes:
    """Seeded fakes, each valid for its format."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.r.randrange(len(seq))]

    def run(self, n: int, alphabet: str = _ALNUM) -> str:
        while True:
            s = "".join(self.r.choice(alphabet) for _ in range(n))
            mixed = any(c.isdigit() for c in alphabet) and any(c.isalpha() for c in alphabet)
            if n < 8 or not mixed or (any(c.isdigit() for c in s) and any(c.isalpha() for c in s)):
                return s

    def hexs(self, n: int) -> str:
        return "".join(self.r.choice(_HEX) for _ in range(n))

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))

    def first(self) -> str:
        return self.pick(_FIRST)

    def last(self) -> str:
        return self.pick(_LAST)

    def full(self) -> str:
        return self.first() + " " + self.last()

    def dom(self) -> str:
        return self.pick(_WORDS) + self.pick(("-", "")) + self.pick(_WORDS) + "." + self.pick(_TLDS)

    def email(self, name: str | None = None, dom: str | None = None) -> str:
        first, last = (name or self.full()).lower().replace("ö", "o").split()
        local = self.pick(
            (first + "." + last, first[0] + last, first + "_" + last[:3], last + "." + first[0])
        )
        return local + "@" + (dom or self.dom())

    def user(self) -> str:
        return (self.first()[0] + self.last()).lower().replace("ö", "o")

    def pw(self) -> str:
        kind = self.r.randrange(3)
        if kind == 0:
            return self.run(self.r.randint(14, 22), _ALNUM + "!%*_-+.^~")
        if kind == 1:
            return self.pick(_WORDS) + "." + self.pick(_WORDS) + self.digits(3)
        return self.pick(_WORDS).capitalize() + "-" + self.pick(_WORDS).capitalize() + "-" + self.digits(4)

    def pw_url(self) -> str:
        return self.run(self.r.randint(16, 24), _ALNUM + "-_")

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def sha40(self) -> str:
        return self.hexs(40)

    def sha64(self) -> str:
        return self.hexs(64)

    def ip_private(self) -> str:
        k = self.r.randrange(3)
        if k == 0:
            return f"10.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}.{self.r.randint(2, 250)}"
        if k == 1:
            return f"172.{self.r.randint(16, 31)}.{self.r.randint(1, 254)}.{self.r.randint(2, 250)}"
        return f"192.168.{self.r.randint(2, 254)}.{self.r.randint(2, 250)}"

    def ip_public(self) -> str:
        first = self.pick((23, 34, 35, 44, 52, 54, 63, 78, 81, 91, 104, 141, 151, 159, 176, 185, 193, 212))
        return f"{first}.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}.{self.r.randint(2, 250)}"

    def ip_doc(self) -> str:
        net = self.pick(("192.0.2", "198.51.100", "203.0.113"))
        return f"{net}.{self.r.randint(2, 250)}"

    def card(self) -> str:
        head = self.pick(("4", "51", "52", "53", "54", "55"))
        body = head + "".join(str(self.r.randint(0, 9)) for _ in range(15 - len(head)))
        for check in "0123456789":
            if luhn_ok(body + check):
                number = body + check
                break
        if self.r.random() < 0.5:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(tuple(_IBAN_LAYOUT))
        if country in ("GB", "IE"):
            bban = self.run(4, string.ascii_uppercase) + self.digits(14)
        elif country == "NL":
            bban = self.run(4, string.ascii_uppercase) + self.digits(10)
        else:
            bban = self.digits(18)
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        compact = f"{country}{check:02d}{bban}"
        if grouped if grouped is not None else self.r.random() < 0.4:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def ssn(self, dashes: bool = True) -> str:
        area = self.pick([a for a in range(1, 900) if a != 666])
        s = (f"{area:03d}", f"{self.r.randint(1, 99):02d}", f"{self.r.randint(1, 9999):04d}")
        return "-".join(s) if dashes else "".join(s)

    def b64(self, nbytes: int, url: bool = False) -> str:
        raw = self.r.randbytes(nbytes)
        if url:
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return base64.b64encode(raw).decode()

    def jwt(self, payload: dict[str, object]) -> str:
        def enc(b: bytes) -> str:
            return base64.urlsafe_b64encode(b).decode().rstrip("=")

        head = enc(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        body = enc(json.dumps(payload, separators=(",", ":")).encode())
        return head + "." + body + "." + enc(self.r.randbytes(32))

    def pem_body(self, rsa: bool = False) -> list[str]:
        """A PKCS#8 body: an EC P-256 key's layout, or an RSA key's length; 64-character lines."""
        if rsa:
            der = b"\x30\x82\x04\xbd\x02\x01\x00" + self.r.randbytes(1210)
        else:
            der = (
                bytes.fromhex(
                    "30818702"
                    + "01003013"
                    + "06072a8648ce3d0201"
                    + "06082a8648ce3d030107"
                    + "046d306b0201010420"
                )
                + self.r.randbytes(32)
                + bytes.fromhex("a144034200")
                + b"\x04"
                + self.r.randbytes(64)
            )
        b = base64.b64encode(der).decode()
        return [b[i : i + 64] for i in range(0, len(b), 64)]

    def openssh_body(self) -> list[str]:
        blob = b"openssh-key-v1\x00" + b"\x00\x00\x00\x04none" * 2 + b"\x00\x00\x00\x00\x00\x00\x00\x01"
        b = base64.b64encode(blob + self.r.randbytes(self.r.randint(300, 330))).decode()
        return [b[i : i + 70] for i in range(0, len(b), 70)]

    def mnemonic(self) -> str:
        idx = [self.r.randrange(128) for _ in range(11)]
        e7 = self.r.randrange(8)
        bits = "".join(f"{i:011b}" for i in idx) + f"{e7:07b}"
        entropy = int(bits, 2).to_bytes(16, "big")
        cs = f"{hashlib.sha256(entropy).digest()[0]:08b}"[:4]
        idx.append(int(f"{e7:07b}" + cs, 2))
        return " ".join(BIP39_HEAD[i] for i in idx)

    def bcrypt(self) -> str:
        alpha = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
        return "$2b$" + self.pick(("10", "12")) + "$" + self.run(53, alpha)

    def crc_token(self, prefix: str) -> str:
        body = self.run(30, _B62)
        return prefix + body + _b62(zlib.crc32(body.encode()), 6)

    def ts(self) -> str:
        return (
            f"2026-{self.r.randint(1, 11):02d}-{self.r.randint(1, 28):02d}T{self.r.randint(0, 23):02d}:"
            f"{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}Z"
        )

    def version(self) -> str:
        return f"{self.r.randint(1, 9)}.{self.r.randint(0, 30)}.{self.r.randint(0, 20)}"

    # Vendor layouts, prefixes joined at run time.
    def vendor(self, cls: str) -> str:
        r = self.run
        match cls:
            case "github-token":
                return self.crc_token(self.pick(("gh" + "p_", "gh" + "o_")))
            case "npm-token":
                return self.crc_token("np" + "m_")
            case "slack-token":
                return "xo" + "xb-" + self.digits(12) + "-" + self.digits(13) + "-" + r(24)
            case "stripe-key":
                return self.pick(("sk", "rk")) + "_live_" + r(34)
            case "stripe-webhook-secret":
                return "wh" + "sec_" + r(32)
            case "openai-key":
                return "sk-" + "proj-" + r(64, _B64URL[:-2]) + "T3Blbk" + "FJ" + r(64, _ALNUM)
            case "anthropic-key":
                return "sk-" + "ant-api03-" + r(93, _B64URL[:-2]) + "AA"
            case "sendgrid-key":
                return "S" + "G." + r(22, _ALNUM) + "." + r(43, _ALNUM)
            case "brevo-key":
                return "xkey" + "sib-" + self.hexs(64) + "-" + r(16)
            case "supabase-secret-key":
                return "sb_" + "secret_" + r(32)
            case "aws-access-key":
                return "AK" + "IA" + r(16, string.ascii_uppercase + "234567")
            case "google-api-key":
                return "AI" + "za" + r(35, _ALNUM)
            case "gitlab-token":
                return "gl" + "pat-" + r(20)
            case "twilio-api-key":
                return "S" + "K" + self.hexs(32)
            case "contentful-token":
                return "CF" + "PAT-" + r(43, _ALNUM)
            case "huggingface-token":
                return "h" + "f_" + r(34, string.ascii_letters)
            case "netlify-token":
                return "nf" + "p_" + r(36)
            case "deno-deploy-token":
                return "dd" + "p_" + r(36)
            case "resend-key":
                return "r" + "e_" + r(8) + "_" + r(24)
            case "linear-key":
                return "lin" + "_api_" + r(40)
            case "calcom-key":
                return "cal" + "_live_" + self.hexs(32)
            case "mailgun-key":
                return "ke" + "y-" + self.hexs(32)
            case "sentry-token":
                return "sntr" + "yu_" + self.hexs(64)
            case "planetscale-password":
                return "pscale" + "_pw_" + r(43, _ALNUM)
        raise KeyError(cls)


# ---------------------------------------------------------------------------------------------------------
# Building documents from templates with labelled slots.


@attrs.frozen
class _S:
    cls: str
    text: str


@attrs.frozen
class _K:
    text: str


_Part = str | _S | _K | list["_Part"]
_Raw = tuple[str, list[_Part]]
_SLOT = re.compile(r"«(\w+)»")


def _d(template: str) -> str:
    return textwrap.dedent(template).lstrip("\n")


def _t(template: str, **slots: _Part) -> list[_Part]:
    """A template's parts: its text with each «slot» replaced by the labelled or plain value given."""
    out: list[_Part] = []
    pos = 0
    for m in _SLOT.finditer(template):
        out.append(template[pos : m.start()])
        out.append(slots[m.group(1)])
        pos = m.end()
    out.append(template[pos:])
    return out


def _flatten(parts: list[_Part], text: list[str], secrets: list[_S], keeps: list[_K]) -> None:
    for p in parts:
        if isinstance(p, str):
            text.append(p)
        elif isinstance(p, _S):
            text.append(p.text)
            secrets.append(p)
        elif isinstance(p, _K):
            text.append(p.text)
            keeps.append(p)
        else:
            _flatten(p, text, secrets, keeps)


_LANG = {
    "json": "json",
    "yml": "yaml",
    "yaml": "yaml",
    "py": "python",
    "toml": "toml",
    "xml": "xml",
    "sh": "console",
    "log": "text",
    "csv": "csv",
    "env": "dotenv",
    "ics": "text",
    "txt": "text",
    "http": "http",
    "ini": "ini",
    "js": "javascript",
    "ts": "typescript",
    "jsonl": "json",
}


def _deliver(f: _Fakes, text: str, delivery: str, path: str) -> str:
    """The text as a tool would hand it on: the same values behind six kinds of framing."""
    lines = text.rstrip("\n").split("\n")
    if delivery == "plain":
        return text
    if delivery == "json":
        k = f.r.randrange(3)
        if k == 0:
            obj: dict[str, object] = {
                "type": "tool_result",
                "tool_use_id": "toolu_01" + f.run(22, _ALNUM),
                "content": text,
            }
        elif k == 1:
            obj = {"role": "tool", "name": f.pick(("Bash", "Read", "shell")), "content": text}
        else:
            obj = {"event": "file_read", "path": path, "ok": True, "output": text}
        return json.dumps(obj, ensure_ascii=False)
    if delivery == "diff":
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n"
        head += f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        return head + "".join("+" + line + "\n" for line in lines)
    if delivery == "numbered":
        return "".join(f"{i:>6}\t{line}\n" for i, line in enumerate(lines, 1))
    if delivery == "cilog":
        day, h, m = f.r.randint(10, 28), f.r.randint(0, 22), f.r.randint(0, 58)
        ticks = f.r.randint(0, 20 * 10**7)  # hundreds of nanoseconds into the minute
        out = []
        for line in lines:
            ticks += f.r.randint(10**4, 10**6)
            sec, frac = divmod(ticks, 10**7)
            out.append(f"2026-04-{day}T{h:02d}:{m:02d}:{sec:02d}.{frac:07d}Z {line}\n")
        return "".join(out)
    ext = path.rsplit(".", 1)[-1]
    intro = f.pick(("Here is the file:", f"Contents of `{path}`:", "The output was:", "Relevant part:"))
    return f"{intro}\n\n```{_LANG.get(ext, 'text')}\n{text.rstrip(chr(10))}\n```\n"


def _escape(text: str, delivery: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1] if delivery == "json" else text


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _bounded(text: str, a: int, b: int) -> bool:
    """Whether a labelled occurrence stands alone: not glued to letters or digits (or a dotted number)."""
    if a > 0 and text[a].isalnum() and text[a - 1].isalnum() and not (a >= 2 and text[a - 2] == "\\"):
        return False
    if b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        return False
    return not (b + 1 < len(text) and text[b - 1].isdigit() and text[b] == "." and text[b + 1].isdigit())


def _label(f: _Fakes, raw: _Raw, delivery: str) -> tuple[str, str, list[Secret], list[Keep]] | None:
    """Deliver a document and label every occurrence as delivered; None when the draw is ambiguous.

    Ambiguous draws (a value glued to a word, a keep inside a secret, one text in two classes) are redrawn
    rather than labelled, so that every label means one thing.
    """
    path, parts = raw
    chunks: list[str] = []
    marks: list[_S] = []
    kmarks: list[_K] = []
    _flatten(parts, chunks, marks, kmarks)
    text = "".join(chunks)
    texts = [m.text for m in marks] + [k.text for k in kmarks]
    if any("\n" in t for t in texts) and delivery not in ("plain", "fence"):
        delivery = "plain" if f.r.random() < 0.5 else "fence"
    out = _deliver(f, text, delivery, path)
    classes: dict[str, str] = {}
    for m in marks:
        if classes.setdefault(m.text, m.cls) != m.cls:
            return None
    keep_texts = {k.text for k in kmarks}
    if any(s in k or k in s for s in classes for k in keep_texts):
        return None
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    for s, cls in classes.items():
        form = _escape(s, delivery)
        secrets += [Secret(cls, form, i) for i in _find_all(out, form)]
    for k in keep_texts:
        form = _escape(k, delivery)
        keeps += [Keep(form, i) for i in _find_all(out, form)]
    spans = sorted(
        [(x.offset, x.offset + len(x.text)) for x in secrets]
        + [(k.offset, k.offset + len(k.text)) for k in keeps]
    )
    if any(b > c for (_, b), (c, _) in itertools.pairwise(spans)):
        return None
    if not all(_bounded(out, a, b) for a, b in spans):
        return None
    if len({s.text for s in secrets}) != len(classes) or len({k.text for k in keeps}) != len(keep_texts):
        return None
    secrets.sort(key=lambda x: x.offset)
    keeps.sort(key=lambda x: x.offset)
    return delivery, out, secrets, keeps


def S(cls: str, text: str) -> _S:
    """A secret slot."""
    return _S(cls, text)


def K(text: str) -> _K:
    """A keep slot."""
    return _K(text)


def _pem(f: _Fakes, label: str, body: list[str]) -> list[_Part]:
    dashes = "-" * 5
    return [
        f"{dashes}BEGIN {label}{dashes}\n",
        S("private-key", "\n".join(body)),
        f"\n{dashes}END {label}{dashes}",
    ]


# ---------------------------------------------------------------------------------------------------------
# 1. HR and applicant tracking.


def _hr_greenhouse(f: _Fakes, v: int) -> _Raw:
    key = f.hexs(32)
    basic = base64.b64encode((key + ":").encode()).decode()
    a, b = f.first(), f.last()
    slots: dict[str, _Part] = {
        "basic": S("basic-auth", basic),
        "a": S("person-name", a),
        "b": S("person-name", b),
        "mail": S("email", f.email(a + " " + b)),
        "cid": f.digits(9),
        "uid": f.digits(6),
        "rid": K(f.uuid()),
        "phone": "+1 415 555 0" + f.digits(3),
        "app": f.digits(9),
        "ref": K("$GREENHOUSE_API_KEY"),
    }
    if v % 2 == 0:
        t = _d("""
            $ curl -sS -u "«ref»:" \\
                -H "On-Behalf-Of: «uid»" https://harvest.greenhouse.io/v1/candidates/«cid» | jq .
            {
              "id": «cid»,
              "first_name": "«a»",
              "last_name": "«b»",
              "email_addresses": [{"value": "«mail»", "type": "personal"}],
              "phone_numbers": [{"value": "«phone»", "type": "mobile"}],
              "application_ids": [«app»],
              "tags": ["referral", "backend"]
            }
            """)
        return "harvest/candidate.sh", _t(t, **slots)
    t = _d("""
        GET /v1/candidates?per_page=1&updated_after=2026-03-01T00:00:00Z HTTP/1.1
        Host: harvest.greenhouse.io
        Authorization: Basic «basic»
        Accept: application/json

        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Request-Id: «rid»
        X-RateLimit-Remaining: 49

        [{"id": «cid», "first_name": "«a»", "last_name": "«b»", "application_ids": [«app»],
          "is_private": false}]
        """)
    return "harvest/list.http", _t(t, **slots)


def _hr_lever_csv(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    dom = f.dom()
    for _ in range(1):
        name = f.full()
        rows += [
            f.uuid(),
            ",",
            S("person-name", name),
            ",",
            S("email", f.email(name, dom if v % 3 == 0 else None)),
            ",",
            f.pick(("Phone screen", "Onsite", "Offer", "Applied")),
            ",",
            f.pick(("LinkedIn", "Referral", "Careers page")),
            ",2026-0",
            str(f.r.randint(1, 9)),
            "-1",
            str(f.r.randint(0, 9)),
            "\n",
        ]
    if v % 2 == 0:
        rows += [
            K(f.uuid()),
            ",",
            K("Jane Doe"),
            ",",
            K("jane.doe@example.com"),
            ",Applied,Test fixture,2026-01-02\n",
        ]
    head = "$ lever-export opportunities --stage active --format csv > opportunities.csv && cat opportunities.csv\n"
    return "exports/opportunities.csv", [
        head if v % 3 != 1 else "",
        "id,name,email,stage,source,created\n",
        rows,
    ]


def _hr_workday(f: _Fakes, v: int) -> _Raw:
    sec = f.run(f.r.randint(40, 64), _ALNUM)
    refresh = f.run(f.r.randint(60, 90), _ALNUM)
    tenant = f.pick(_WORDS) + f.digits(2)
    slots: dict[str, _Part] = {
        "sec": S("secret", sec),
        "refresh": S("token", refresh),
        "tenant": tenant,
        "cid": f.run(40, _ALNUM),
        "ph": K("${WORKDAY_CLIENT_SECRET}"),
        "ph2": K("${WORKDAY_REFRESH_TOKEN}"),
    }
    if v % 3 == 0:
        t = _d("""
            # config/workday.yaml -- used by the nightly worker sync
            workday:
              tenant: «tenant»
              base_url: https://wd2-impl-services1.workday.com/ccx/api/v1/«tenant»
              client_id: «cid»
              client_secret: «sec»
              refresh_token: «refresh»
              page_size: 100
            # staging reads from the environment instead:
            #   client_secret: «ph»
            """)
        return "config/workday.yaml", _t(t, **slots)
    if v % 3 == 1:
        t = _d("""
            Traceback (most recent call last):
              File "/srv/hris-sync/sync/workday.py", line 88, in refresh_access_token
                resp.raise_for_status()
              File "/srv/hris-sync/.venv/lib/python3.11/site-packages/requests/models.py", line 1024, in raise_for_status
                raise HTTPError(http_error_msg, response=self)
            requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://wd2-impl-services1.workday.com/ccx/oauth2/«tenant»/token
            payload sent: grant_type=refresh_token&refresh_token=«refresh»&client_id=«cid»&client_secret=«sec»
            hint: check that WORKDAY_REFRESH_TOKEN=«ph2» is exported in the unit file
            """)
        return "logs/hris-sync.log", _t(t, **slots)
    t = _d("""
        $ cat .env
        WORKDAY_TENANT=«tenant»
        WORKDAY_CLIENT_ID=«cid»
        WORKDAY_CLIENT_SECRET=«sec»
        WORKDAY_REFRESH_TOKEN=«refresh»
        $ cat .env.example
        WORKDAY_CLIENT_SECRET=«ph»
        """)
    return ".env", _t(t, **slots)


def _hr_bamboo(f: _Fakes, v: int) -> _Raw:
    key = f.hexs(40)
    basic = base64.b64encode((key + ":x").encode()).decode()
    people: list[_Part] = []
    for i in range(1):
        a, b = f.first(), f.last()
        people += [
            ",\n" if i else "",
            '    {"id": "',
            f.digits(3),
            '", "firstName": "',
            S("person-name", a),
            '", "lastName": "',
            S("person-name", b),
            '", "department": "',
            f.pick(("Finance", "Engineering", "Ops")),
            '"}',
        ]
    t = _d("""
        $ curl -s -H "Authorization: Basic «basic»" -H "Accept: application/json" \\
            "https://api.bamboohr.com/api/gateway.php/«co»/v1/reports/custom?format=JSON" \\
            -d '{"fields":["firstName","lastName","department"]}'
        {"title": "Report", "fields": [...], "employees": [
        «people»
        ]}
        """)
    if v % 3 == 2:
        t = _d("""
            >>> import requests
            >>> r = requests.post(url, headers={"Authorization": "Basic «basic»"}, json=fields)
            >>> r.status_code
            200
            >>> print(r.text)
            {"employees": [
            «people»
            ]}
            """)
    return "bamboo/report.sh", _t(t, basic=S("basic-auth", basic), co=f.pick(_WORDS), people=people)


def _hr_onboarding_sql(f: _Fakes, v: int) -> _Raw:
    a, b = f.first(), f.last()
    iban = f.iban(grouped=False)
    slots: dict[str, _Part] = {
        "a": S("person-name", a),
        "b": S("person-name", b),
        "mail": S("email", f.email(a + " " + b)),
        "iban": S("iban", iban),
        "sha": K(f.sha40()),
        "n": f.digits(4),
        "ts": f.ts(),
    }
    if v % 2 == 0:
        t = _d("""
            «ts» INFO  sqlalchemy.engine.Engine BEGIN (implicit)
            «ts» INFO  sqlalchemy.engine.Engine INSERT INTO employees (first_name, last_name, iban, start_date) VALUES (%(first_name)s, %(last_name)s, %(iban)s, %(start_date)s) RETURNING employees.id
            «ts» INFO  sqlalchemy.engine.Engine [generated in 0.00041s] {'first_name': '«a»', 'last_name': '«b»', 'iban': '«iban»', 'start_date': '2026-05-04'}
            «ts» INFO  sqlalchemy.engine.Engine COMMIT
            onboarding worker build «sha» processed request #«n»
            """)
    else:
        t = _d("""
            -- migration 0042 seed, onboarding fixture exported from prod by mistake (build «sha»)
            INSERT INTO employees (first_name, last_name, iban, start_date)
            VALUES ('«a»', '«b»', '«iban»', '2026-05-04');
            """)
    return "onboarding/seed.sql" if v % 2 else "logs/onboarding.log", _t(t, **slots)


def _hr_webhook(f: _Fakes, v: int) -> _Raw:
    whsec = f.run(f.r.randint(32, 48), _ALNUM + "!#%*-_")
    name = f.full()
    slots: dict[str, _Part] = {
        "sec": S("secret", whsec),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "sig": f.sha64(),
        "ip": K(f.ip_doc()),
        "lo": K("127.0.0.1"),
        "port": str(8000 + v),
    }
    t = _d("""
        # ats-webhooks/settings.ini
        [greenhouse]
        webhook_secret = «sec»
        listen = «lo»:«port»
        forward_to = http://«ip»:9090/ingest

        # last delivery (debug dump)
        POST /hooks/greenhouse HTTP/1.1
        Signature: sha256 «sig»
        Content-Type: application/json

        {"action": "candidate_hired", "payload": {"candidate": {"name": "«name»", "email": "«mail»"}}}
        """)
    return "ats-webhooks/settings.ini", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 2. Hospitality.


def _ho_ota(f: _Fakes, v: int) -> _Raw:
    a, b = f.first(), f.last()
    holder = f.full()
    while a in holder or b in holder:
        holder = f.full()
    slots: dict[str, _Part] = {
        "a": S("person-name", a),
        "b": S("person-name", b),
        "mail": S("email", f.email(a + " " + b)),
        "card": S("card-number", f.card().replace(" ", "")),
        "holder": S("person-name", holder),
        "echo": K(f.uuid()),
        "res": f.digits(10),
        "hotel": f.digits(5),
        "ts": f.ts(),
    }
    t = _d("""
        <?xml version="1.0" encoding="UTF-8"?>
        <OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="«echo»" TimeStamp="«ts»" Version="1.0">
          <HotelReservations>
            <HotelReservation CreateDateTime="«ts»" ResStatus="Book">
              <UniqueID Type="14" ID="«res»"/>
              <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>
                <Telephone PhoneNumber="+44 7700 900«tel»"/>
              </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
              <ResGlobalInfo>
                <Guarantee><GuaranteesAccepted><GuaranteeAccepted>
                  <PaymentCard CardCode="«cc»" CardNumber="«card»" ExpireDate="0«exp»">
                    <CardHolderName>«holder»</CardHolderName>
                  </PaymentCard>
                </GuaranteeAccepted></GuaranteesAccepted></Guarantee>
                <BasicPropertyInfo HotelCode="«hotel»"/>
              </ResGlobalInfo>
            </HotelReservation>
          </HotelReservations>
        </OTA_HotelResNotifRQ>
        """)
    return "channel/resnotif.xml", _t(
        t, tel=f.digits(3), cc=f.pick(("VI", "MC")), exp=f"{f.r.randint(1, 9)}29", **slots
    )


def _ho_register(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    for i in range(1 + v % 2):
        name = f.full()
        rows += [
            f"{100 + f.r.randint(1, 450)},2026-07-{10 + i:02d},2026-07-{14 + i:02d},",
            S("person-name", name),
            ",",
            S("email", f.email(name)),
            ",+44 7700 900",
            f.digits(3),
            ",",
            f.pick(("GB", "DE", "NG", "SE", "JP")),
            ",",
            f.pick(("BB", "RO", "HB")),
            "\n",
        ]
    head = f.pick(("Guest Name", "guest_name"))
    tail: list[_Part] = []
    if v % 2:
        tail = [
            "# export host ",
            K("203.0.113." + str(f.r.randint(2, 250))),
            " generated by opera-cloud-export ",
            K(f.version()),
            "\n",
        ]
    return "pms/in-house.csv", [
        "$ head -n 20 exports/in_house_2026-07-10.csv\n" if v % 3 == 0 else "",
        f"Room,Arrival,Departure,{head},Email,Phone,Country,Board\n",
        rows,
        tail,
    ]


def _ho_channel_cfg(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "stripe": S("stripe-key", f.vendor("stripe-key")),
        "whsec": S("stripe-webhook-secret", f.vendor("stripe-webhook-secret")),
        "cm": S("api-key", f.run(32, _ALNUM)),
        "ip": S("ip-address", f.ip_private()),
        "ph": K(f.pick(_PLACEHOLDERS)),
        "dns": K(f.pick(("8.8.8.8", "1.1.1.1", "9.9.9.9"))),
        "prop": f.digits(6),
        "pw": S("password", f.pw_url()),
    }
    if v % 2 == 0:
        t = _d("""
            # /etc/channel-bridge/config.yaml
            property_id: «prop»
            siteminder:
              endpoint: https://api.siteminder.com/pmsxchangev2/services/«prop»
              api_key: «cm»
            payments:
              stripe_secret_key: «stripe»
              stripe_webhook_secret: «whsec»
            pms:
              host: pms.internal
            resolver: «dns»
            sandbox:
              api_key: «ph»
            """)
        return "channel-bridge/config.yaml", _t(t, **slots)
    t = _d("""
        $ docker compose config | grep -A12 environment
            environment:
              CHANNEL_API_KEY: «cm»
              STRIPE_SECRET_KEY: «stripe»
              PMS_DB_URL: postgres://bridge:«pw»@«ip»:5432/pms
              UPSTREAM_DNS: «dns»
              SANDBOX_KEY: «ph»
        """)
    return "compose.yaml", _t(t, **slots)


def _ho_confirmation(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    hotel_dom = f.dom()
    slots: dict[str, _Part] = {
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "noreply": K("noreply@" + hotel_dom),
        "conf": f.run(8, string.ascii_uppercase + string.digits),
        "msgid": f.uuid(),
        "ts": f.ts(),
        "hotel": f.pick(_WORDS).capitalize() + " House",
    }
    t = _d("""
        Return-Path: <«noreply»>
        From: «hotel» Reservations <«noreply»>
        To: «name» <«mail»>
        Subject: Your booking is confirmed («conf»)
        Message-ID: <«msgid»@mail.«hd»>
        Date: «ts»

        Dear «name»,

        Thank you for booking with «hotel». Your confirmation number is «conf».
        Check-in from 15:00, check-out by 11:00. Reply to this message to request an early arrival.
        """)
    return "mail/confirmation.eml", _t(t, hd=hotel_dom, **slots)


def _ho_pms_api(f: _Fakes, v: int) -> _Raw:
    ct = f.run(32, _HEX.upper()) + "-" + f.run(32, _HEX.upper()) if v % 2 else f.run(48, _ALNUM)
    at = f.run(32, _HEX.upper()) + "-" + f.run(32, _HEX.upper()) if v % 2 == 0 else f.run(56, _ALNUM)
    name = f.full()
    slots: dict[str, _Part] = {
        "ct": S("token", ct),
        "at": S("token", at),
        "rid": K(f.uuid()),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "sha": K(f.sha40()),
    }
    t = _d("""
        POST https://api.mews.com/api/connector/v1/customers/add
        Content-Type: application/json

        {
          "ClientToken": "«ct»",
          "AccessToken": "«at»",
          "Client": "frontdesk-sync 2.3.1 («sha»)"
        }

        HTTP/1.1 200 OK
        Request-Id: «rid»
        """)
    fn, ln = name.split()
    return "requests/mews.http", _t(
        t,
        fn=S("person-name", fn),
        ln=S("person-name", ln),
        **{k: v_ for k, v_ in slots.items() if k != "name"},
    )


# ---------------------------------------------------------------------------------------------------------
# 3. SMS and telecom gateways.


def _sms_smpp(f: _Fakes, v: int) -> _Raw:
    pw = f.run(8, _ALNUM)
    slots: dict[str, _Part] = {
        "pw": S("password", pw),
        "ip": S("ip-address", f.ip_public() if v % 2 else f.ip_private()),
        "sys": f.pick(("acme_tx", "notify01", "otp_gw", "mkt_bulk")),
        "ts": f.ts(),
        "seq": str(f.r.randint(1, 90)),
        "lo": K("127.0.0.1"),
        "mid": K(f.uuid()),
    }
    if v % 3 == 0:
        t = _d("""
            «ts» [smpp-client] connecting to «ip»:2775 (transceiver)
            «ts» [smpp-client] > bind_transceiver seq=«seq» system_id=«sys» password=«pw» system_type=OTP interface_version=0x34 addr_ton=1 addr_npi=1
            «ts» [smpp-client] < bind_transceiver_resp seq=«seq» command_status=ESME_ROK system_id=SMSC
            «ts» [smpp-client] > submit_sm seq=«seq»1 source_addr=ACME dest_addr=447700900123 registered_delivery=1
            «ts» [smpp-client] < submit_sm_resp message_id=«mid»
            «ts» [health] listening on «lo»:9102
            """)
        return "logs/smpp-client.log", _t(t, **slots)
    if v % 3 == 1:
        t = _d("""
            # /etc/kannel/kannel.conf
            group = smsc
            smsc = smpp
            smsc-id = «sys»
            host = «ip»
            port = 2775
            transceiver-mode = true
            smsc-username = "«sys»"
            smsc-password = «pw»
            system-type = ""
            enquire-link-interval = 30

            group = core
            admin-port = 13000
            admin-allow-ip = «lo»
            """)
        return "kannel/kannel.conf", _t(t, **slots)
    t = _d("""
        # jasmin: jcli session
        jcli : smppccm -a
        > cid «sys»
        > host «ip»
        > port 2775
        > username «sys»
        > password «pw»
        > submit_throughput 50
        > ok
        Successfully added connector [«sys»]
        """)
    return "jasmin/session.txt", _t(t, **slots)


def _sms_vendors_env(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "vkey": f.hexs(8),
        "vsec": S("secret", f.run(16, _ALNUM)),
        "pid": "MA" + f.run(18, string.ascii_uppercase + string.digits),
        "ptok": S("token", f.run(40, _ALNUM)),
        "tw": S("twilio-api-key", f.vendor("twilio-api-key")),
        "twsec": S("secret", f.run(32, _ALNUM)),
        "sid": "AC" + f.hexs(32),
        "ph": K(f.pick(("<your-api-key>", "changeme"))),
        "ex": K("${VONAGE_API_SECRET}"),
    }
    if v % 2 == 0:
        t = _d("""
            # .env (notifications service)
            VONAGE_API_KEY=«vkey»
            VONAGE_API_SECRET=«vsec»
            PLIVO_AUTH_ID=«pid»
            PLIVO_AUTH_TOKEN=«ptok»
            TWILIO_ACCOUNT_SID=«sid»
            TWILIO_API_KEY=«tw»
            # .env.sample ships «ph» for each of the above
            """)
        return ".env", _t(t, **slots)
    t = _d("""
        $ printenv | grep -E 'VONAGE|PLIVO|TWILIO' | sort
        PLIVO_AUTH_ID=«pid»
        PLIVO_AUTH_TOKEN=«ptok»
        TWILIO_API_KEY=«tw»
        VONAGE_API_KEY=«vkey»
        VONAGE_API_SECRET=«vsec»
        $ grep -n VONAGE deploy/values.yaml
        14:  vonageSecret: «ex»
        """)
    return "shell.log", _t(t, **slots)


def _sms_messagebird(f: _Fakes, v: int) -> _Raw:
    key = f.run(25, _ALNUM)
    slots: dict[str, _Part] = {
        "key": S("api-key", key),
        "id": f.hexs(32),
        "rid": K(f.uuid()),
        "ts": f.ts(),
        "sinch": S("bearer-token", f.hexs(32)),
        "plan": f.hexs(32),
    }
    if v % 2 == 0:
        t = _d("""
            $ curl -X POST https://rest.messagebird.com/messages \\
                -H 'Authorization: AccessKey «key»' \\
                -d "recipients=447700900321" -d "originator=Acme" -d "body=Your code is 481-220"
            {"id":"«id»","href":"https://rest.messagebird.com/messages/«id»","direction":"mt","type":"sms",
             "originator":"Acme","body":"Your code is 481-220","createdDatetime":"«ts»",
             "recipients":{"totalCount":1,"totalSentCount":1,"items":[{"recipient":447700900321,"status":"sent"}]}}
            x-request-id: «rid»
            """)
        return "mb/send.sh", _t(t, **slots)
    t = _d("""
        POST /xms/v1/«plan»/batches HTTP/1.1
        Host: us.sms.api.sinch.com
        Authorization: Bearer «sinch»
        Content-Type: application/json
        X-Correlation-Id: «rid»

        {"from": "12025550134", "to": ["12025550178"], "body": "Reminder: appointment tomorrow 09:30"}
        """)
    return "sinch/batch.http", _t(t, **slots)


def _sms_dlr(f: _Fakes, v: int) -> _Raw:
    tok = f.run(f.r.randint(28, 40), _ALNUM)
    slots: dict[str, _Part] = {
        "tok": S("url-token", tok),
        "mid": K(f.uuid()),
        "ts": f.ts(),
        "ip": S("ip-address", f.ip_public()),
        "host": f.pick(_WORDS) + ".sms-hooks." + f.pick(_TLDS),
        "doc": K(f.ip_doc()),
    }
    t = _d("""
        «ts» dlr-relay INFO received deliver_sm from «ip»: id:«mid» sub:001 dlvrd:001 submit date:2604101201 done date:2604101202 stat:DELIVRD err:000 text:Your code is
        «ts» dlr-relay INFO forwarding to https://«host»/dlr?token=«tok»&status=DELIVRD&msisdn=447700900456
        «ts» dlr-relay WARN retry 1/3 for https://«host»/dlr?token=«tok» (connect timeout, peer «doc»)
        «ts» dlr-relay INFO acked message «mid»
        """)
    return "logs/dlr-relay.log", _t(t, **slots)


def _sms_sinch_code(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "kid": f.uuid(),
        "ksec": S("secret", f.run(f.r.randint(24, 30), _ALNUM + "~_.")),
        "proj": K(f.uuid()),
        "pw": "pw",
        "user": f.user(),
    }
    t = _d("""
        # /Users/«home»/src/otp-service/send.py
        from sinch import SinchClient

        sinch_client = SinchClient(
            key_id="«kid»",
            key_secret="«ksec»",
            project_id="«proj»",
        )

        def send(to: str, code: str) -> None:
            sinch_client.sms.batches.send(body=f"Your code: {code}", to=[to], from_="Acme")
        """)
    return "otp-service/send.py", _t(t, home=S("home-user", f.user()), **slots)


# ---------------------------------------------------------------------------------------------------------
# 4. E-mail marketing.


def _em_audience(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    for _ in range(1 + v % 2):
        a, b = f.first(), f.last()
        rows += [
            S("email", f.email(a + " " + b)),
            ",",
            S("person-name", a),
            ",",
            str(f.r.randint(1, 5)),
            ",2026-02-",
            f"{f.r.randint(10, 28)}",
            " 09:1",
            str(f.r.randint(0, 9)),
            ":02,",
            f.pick(("api", "form", "import")),
            ",",
            f.hexs(10),
            "\n",
        ]
    extra: list[_Part] = []
    if v % 2:
        extra = [
            K("jane.doe@example.com"),
            ",",
            K("Jane"),
            ",1,2026-01-01 00:00:00,api",
            ",",
            f.hexs(10),
            "\n",
        ]
    return "exports/subscribed_members_export.csv", [
        "Email Address,First Name,MEMBER_RATING,OPTIN_TIME,SOURCE,LEID\n",
        rows,
        extra,
    ]


def _em_mailgun_send(f: _Fakes, v: int) -> _Raw:
    dom = "mg." + f.dom()
    name = f.full()
    slots: dict[str, _Part] = {
        "key": S("mailgun-key", f.vendor("mailgun-key")),
        "dom": dom,
        "noreply": K("noreply@" + dom),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "mid": f.digits(14) + "." + f.hexs(16),
    }
    if v % 2 == 0:
        t = _d("""
            $ curl -s --user 'api:«key»' \\
                https://api.mailgun.net/v3/«dom»/messages \\
                -F from='Spring Newsletter <«noreply»>' \\
                -F to='«name» <«mail»>' \\
                -F subject='Our spring collection is here' \\
                -F template='spring-2026'
            {"id": "<«mid»@«dom»>", "message": "Queued. Thank you."}
            """)
        return "send.sh", _t(t, **slots)
    t = _d("""
        import requests

        MAILGUN_API_KEY = "«key»"

        def send_receipt() -> None:
            requests.post(
                "https://api.mailgun.net/v3/«dom»/messages",
                auth=("api", MAILGUN_API_KEY),
                data={"from": "Receipts <«noreply»>", "to": "«name» <«mail»>", "subject": "Receipt"},
            )
        """)
    return "mailer/receipts.py", _t(t, **slots)


def _em_bounces(f: _Fakes, v: int) -> _Raw:
    a = f.full()
    b = f.full()
    slots: dict[str, _Part] = {
        "m1": S("email", f.email(a)),
        "m2": S("email", f.email(b)),
        "ip": S("ip-address", f.ip_public()),
        "qid": f.run(10, string.ascii_uppercase + string.digits),
        "ts": f.ts(),
        "uuid": K(f.uuid()),
        "from": K("noreply@" + f.dom()),
        "sid": f.digits(5),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            {
              "RecordType": "Bounce",
              "ID": «sid»,
              "Type": "HardBounce",
              "MessageID": "«uuid»",
              "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
              "Email": "«m1»",
              "From": "«from»",
              "BouncedAt": "«ts»",
              "Inactive": true,
              "MessageStream": "broadcast"
            }
            """)
        return "webhooks/postmark-bounce.json", _t(t, **slots)
    if k == 1:
        t = _d("""
            Apr 10 09:12:44 mx2 postfix/smtp[«sid»]: «qid»: to=<«m1»>, relay=mx.«d»[«ip»]:25, delay=1.2, dsn=5.1.1, status=bounced (host said: 550 5.1.1 user unknown)
            Apr 10 09:12:45 mx2 postfix/bounce[«sid»]: «qid»: sender non-delivery notification: «qid»
            Apr 10 09:13:02 mx2 postfix/smtp[«sid»]: «qid»: to=<«m2»>, relay=none, delay=0.4, status=deferred (connect timed out)
            """)
        return "logs/mail.log", _t(t, d=f.dom(), **slots)
    t = _d("""
        $ mailgun events --event failed --limit 2 | jq -c '.items[] | {recipient, reason, severity}'
        {"recipient":"«m1»","reason":"suppress-bounce","severity":"permanent"}
        {"recipient":"«m2»","reason":"generic","severity":"temporary"}
        """)
    return "events.sh", _t(t, **slots)


def _em_env(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "sg": S("sendgrid-key", f.vendor("sendgrid-key")),
        "brevo": S("brevo-key", f.vendor("brevo-key")),
        "resend": S("resend-key", f.vendor("resend-key")),
        "ph": K("<your-api-key>"),
        "ph2": K("${" + "SENDGRID_API_KEY}"),
        "from": K("noreply@" + f.dom()),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            # .env.production
            MAIL_PROVIDER=sendgrid
            SENDGRID_API_KEY=«sg»
            BREVO_API_KEY=«brevo»
            RESEND_API_KEY=«resend»
            MAIL_FROM=«from»

            # .env.example
            SENDGRID_API_KEY=«ph»
            """)
        return ".env.production", _t(t, **slots)
    if k == 1:
        t = _d("""
            // lib/mail.ts
            import { Resend } from "resend";

            const resend = new Resend("«resend»");
            // legacy path still posts to Brevo:
            const BREVO = { headers: { "api-key": "«brevo»", accept: "application/json" } };
            export const FROM = "«from»";
            """)
        return "lib/mail.ts", _t(t, **slots)
    t = _d("""
        # helm/values.yaml
        mailer:
          from: «from»
          sendgrid:
            apiKey: «ph2»
        # rendered (helm template --debug):
        #   SENDGRID_API_KEY: «sg»
        """)
    return "helm/values.yaml", _t(t, **slots)


def _em_mailchimp(f: _Fakes, v: int) -> _Raw:
    dc = f.pick(("us6", "us14", "us21"))
    key = f.hexs(32) + "-" + dc
    slots: dict[str, _Part] = {"key": S("api-key", key), "dc": dc, "list": f.hexs(10), "hash": f.hexs(32)}
    if v % 2 == 0:
        t = _d("""
            import mailchimp_marketing as MailchimpMarketing

            client = MailchimpMarketing.Client()
            client.set_config({"api_key": "«key»", "server": "«dc»"})
            # subscriber hash is md5 of the lower-cased address: «hash»
            client.lists.update_list_member("«list»", "«hash»", {"status": "unsubscribed"})
            """)
        return "sync/unsubscribe.py", _t(t, **slots)
    t = _d("""
        $ export MAILCHIMP_API_KEY=«key»
        $ curl -s "https://«dc».api.mailchimp.com/3.0/lists/«list»/members/«hash»" \\
            --user "anystring:$MAILCHIMP_API_KEY" | jq .status
        "subscribed"
        """)
    return "shell.log", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 5. Database GUI clients.


def _db_dbeaver(f: _Fakes, v: int) -> _Raw:
    ip = f.ip_private()
    user = f.user()
    slots: dict[str, _Part] = {
        "ip": S("ip-address", ip),
        "pw": S("password", f.pw()),
        "home": S("home-user", user),
        "id": "postgres-jdbc-" + f.hexs(11) + "-" + f.hexs(15),
        "lo": K("127.0.0.1"),
        "db": f.pick(_WORDS),
    }
    t = _d("""
        $ cat /Users/«home»/Library/DBeaverData/workspace6/General/.dbeaver/data-sources.json
        {
          "folders": {},
          "connections": {
            "«id»": {
              "provider": "postgresql",
              "driver": "postgres-jdbc",
              "name": "«db» (prod read replica)",
              "save-password": true,
              "configuration": {
                "host": "«ip»",
                "port": "5432",
                "database": "«db»",
                "user": "readonly",
                "password": "«pw»",
                "type": "prod",
                "auth-model": "native"
              }
            },
            "local": {"provider": "postgresql", "configuration": {"host": "«lo»", "port": "5432"}}
          }
        }
        """)
    return "dbeaver/data-sources.json", _t(t, **slots)


def _db_pgadmin(f: _Fakes, v: int) -> _Raw:
    user = f.user()
    host = "db-" + f.pick(_WORDS) + ".internal"
    slots: dict[str, _Part] = {
        "home": S("home-user", user),
        "host": host,
        "pw": S("password", f.pw()),
        "pw2": S("password", f.pw_url()),
        "ph": K("changeme"),
        "db": f.pick(_WORDS),
    }
    t = _d("""
        $ cat servers.json
        {
          "Servers": {
            "1": {
              "Name": "«db» primary",
              "Group": "Production",
              "Host": "«host»",
              "Port": 5432,
              "MaintenanceDB": "postgres",
              "Username": "app_rw",
              "PassFile": "/home/«home»/.pgpass",
              "SSLMode": "require"
            }
          }
        }
        $ cat /home/«home»/.pgpass
        «host»:5432:«db»:app_rw:«pw»
        localhost:5432:*:postgres:«ph»
        """)
    return "pgadmin/servers.json", _t(t, **slots)


def _db_mongo_redis(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "pw": S("password", f.pw_url()),
        "cl": f.run(5, string.ascii_lowercase + string.digits),
        "rpw": S("password", f.pw_url()),
        "ip": S("ip-address", f.ip_private()),
        "logid": f.hexs(24),
        "ver": K(f.version()),
        "db": f.pick(_WORDS),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ mongosh "mongodb+srv://analyst:«pw»@cluster0.«cl».mongodb.net/«db»"
            Current Mongosh Log ID: «logid»
            Connecting to:          mongodb+srv://<credentials>@cluster0.«cl».mongodb.net/«db»
            Using MongoDB:          7.0.14
            Using Mongosh:          «ver»
            Atlas atlas-«cl»-shard-0 [primary] «db»> db.bookings.countDocuments()
            48211
            """)
        return "mongosh.txt", _t(t, **slots)
    if k == 1:
        t = _d("""
            $ redis-cli -h «ip» -p 6379 -a «rpw» --no-auth-warning INFO server | head -4
            # Server
            redis_version:«ver»
            redis_mode:standalone
            os:Linux 6.1.0-21-cloud-amd64 x86_64
            """)
        return "redis.sh", _t(t, **slots)
    t = _d("""
        [
          {
            "id": "«logid»",
            "name": "cache-prod",
            "host": "«ip»",
            "port": 6379,
            "username": "default",
            "password": "«rpw»",
            "tls": false,
            "modules": [{"name": "ReJSON", "version": "«ver»"}]
          }
        ]
        """)
    return "redisinsight/databases.json", _t(t, **slots)


def _db_mysql(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "pw": S("password", f.pw_url()),
        "ip": S("ip-address", f.ip_private()),
        "ps": S("planetscale-password", f.vendor("planetscale-password")),
        "db": f.pick(_WORDS),
        "uuid": K(f.uuid()),
        "home": S("home-user", f.user()),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            <!-- /Users/«home»/Library/Application Support/JetBrains/DataGrip2025.3/projects/default/.idea/dataSources.xml -->
            <component name="DataSourceManagerImpl" format="xml" multifile-model="true">
              <data-source source="LOCAL" name="«db»@«ip»" uuid="«uuid»">
                <driver-ref>mysql.8</driver-ref>
                <jdbc-driver>com.mysql.cj.jdbc.Driver</jdbc-driver>
                <jdbc-url>jdbc:mysql://«ip»:3306/«db»?user=app&amp;password=«pw»</jdbc-url>
              </data-source>
            </component>
            """)
        return "dataSources.xml", _t(t, **slots)
    if k == 1:
        t = _d("""
            # ~/.my.cnf (MySQL Workbench and the CLI both read it)
            [client]
            host = «ip»
            user = app
            password = «pw»

            [client_planetscale]
            host = aws.connect.psdb.cloud
            user = «user»
            password = «ps»
            ssl-mode = VERIFY_IDENTITY
            """)
        return ".my.cnf", _t(t, user=f.run(12, string.ascii_lowercase + string.digits), **slots)
    t = _d("""
        TablePlus export (connections.tableplusconnection, decoded):
          name: «db»-planetscale
          driver: MySQL
          host: aws.connect.psdb.cloud
          port: 3306
          user: «user»
          password: «ps»
          database: «db»
          id: «uuid»
        """)
    return "tableplus/export.txt", _t(t, user=f.run(12, string.ascii_lowercase + string.digits), **slots)


def _db_compose(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "pw": S("password", f.pw_url()),
        "pga": S("password", f.pw()),
        "mail": S("email", f.email(name)),
        "ip": S("ip-address", f.ip_private()),
        "ph": K("changeme"),
        "net": K("10.0.0.0/8"),
        "db": f.pick(_WORDS),
    }
    t = _d("""
        services:
          pgadmin:
            image: dpage/pgadmin4:8.14
            environment:
              PGADMIN_DEFAULT_EMAIL: «mail»
              PGADMIN_DEFAULT_PASSWORD_FILE: /run/secrets/pgadmin
            ports: ["5050:80"]
          app:
            environment:
              DATABASE_URL: postgres://app:«pw»@db:5432/«db»
              ALLOWED_NETWORKS: «net»
          db-local:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: «ph»
        """)
    return "compose.yaml", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 6. Edge functions and backends-as-a-service.


def _edge_wrangler(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "stripe": S("stripe-key", f.vendor("stripe-key")),
        "jwt": S("secret", f.run(48, _ALNUM + "!#%*-_")),
        "whsec": S("stripe-webhook-secret", f.vendor("stripe-webhook-secret")),
        "oa": S("openai-key", f.vendor("openai-key")),
        "acct": f.hexs(32),
        "kv": f.hexs(32),
        "tpl": K("${{ secrets.CLOUDFLARE_API_TOKEN }}"),
        "name": f.pick(_WORDS) + "-edge",
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ cat wrangler.toml .dev.vars
            name = "«name»"
            main = "src/index.ts"
            compatibility_date = "2026-03-01"
            account_id = "«acct»"
            kv_namespaces = [{ binding = "SESSIONS", id = "«kv»" }]
            [vars]
            PUBLIC_BASE_URL = "https://«name».workers.dev"
            STRIPE_SECRET_KEY="«stripe»"
            STRIPE_WEBHOOK_SECRET="«whsec»"
            SESSION_JWT_SECRET="«jwt»"
            OPENAI_API_KEY="«oa»"
            """)
        return ".dev.vars", _t(t, **slots)
    if k == 1:
        t = _d("""
            # .github/workflows/deploy.yml
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: cloudflare/wrangler-action@v3
                    with:
                      apiToken: «tpl»
                      accountId: «acct»
                  - run: echo "«stripe»" | npx wrangler secret put STRIPE_SECRET_KEY
            """)
        return ".github/workflows/deploy.yml", _t(t, **slots)
    t = _d("""
        ✘ [ERROR] A request to the Cloudflare API (/accounts/«acct»/workers/scripts/«name»/secrets) failed.
          Request body: {"name":"OPENAI_API_KEY","text":"«oa»","type":"secret_text"}
          Authentication error [code: 10000]
        If you think this is a bug, please open an issue at: https://github.com/cloudflare/workers-sdk/issues/new/choose
        """)
    return "wrangler.log", _t(t, **slots)


def _edge_supabase(f: _Fakes, v: int) -> _Raw:
    ref = f.run(20, string.ascii_lowercase)
    slots: dict[str, _Part] = {
        "ref": ref,
        "pub": K("sb_" + "publishable_" + f.run(32)),
        "sec": S("supabase-secret-key", f.vendor("supabase-secret-key")),
        "srk": S(
            "jwt",
            f.jwt(
                {"iss": "supabase", "ref": ref, "role": "service_role", "iat": 1767225600, "exp": 2082758400}
            ),
        ),
        "pw": S("password", f.pw_url()),
        "ph": K("<your-service-role-key>"),
    }
    if v % 2 == 0:
        t = _d("""
            # .env.local
            NEXT_PUBLIC_SUPABASE_URL=https://«ref».supabase.co
            NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=«pub»
            SUPABASE_SECRET_KEY=«sec»
            SUPABASE_SERVICE_ROLE_KEY=«srk»
            DATABASE_URL=postgresql://postgres.«ref»:«pw»@aws-0-eu-central-1.pooler.supabase.com:6543/postgres
            """)
        return ".env.local", _t(t, **slots)
    t = _d("""
        // supabase/functions/admin-sync/index.ts
        import { createClient } from "jsr:@supabase/supabase-js@2";

        // TODO move to `supabase secrets set` (README says SERVICE_ROLE_KEY=«ph»)
        const admin = createClient("https://«ref».supabase.co", "«srk»");
        const secretClient = createClient("https://«ref».supabase.co", "«sec»");
        const publicClient = createClient("https://«ref».supabase.co", "«pub»");
        """)
    return "supabase/functions/admin-sync/index.ts", _t(t, **slots)


def _edge_firebase(f: _Fakes, v: int) -> _Raw:
    proj = f.pick(_WORDS) + "-" + f.digits(5)
    body = f.pem_body(rsa=True)
    dashes = "-" * 5
    t = _d("""
        {
          "type": "service_account",
          "project_id": "«proj»",
          "private_key_id": "«kid»",
          "private_key": "«b»BEGIN PRIVATE KEY«b»\\n«key»\\n«b»END PRIVATE KEY«b»\\n",
          "client_email": "firebase-adminsdk-«x»@«proj».iam.gserviceaccount.com",
          "client_id": "«cid»",
          "auth_uri": "https://accounts.google.com/o/oauth2/auth",
          "token_uri": "https://oauth2.googleapis.com/token",
          "universe_domain": "googleapis.com"
        }
        """)
    head = "$ cat serviceAccountKey.json\n" if v % 2 else ""
    return "serviceAccountKey.json", [
        head,
        _t(
            t,
            proj=proj,
            kid=S("key-id", f.sha40()),
            b=dashes,
            key=S("private-key", "\\n".join(body)),
            x=f.run(5, string.ascii_lowercase + string.digits),
            cid=f.digits(21),
        ),
    ]


def _edge_pocketbase(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "mail": S("email", f.email(name)),
        "pw": S("password", f.pw()),
        "ip": S("ip-address", f.ip_public()),
        "key": S("secret", f.run(32, _ALNUM)),
        "dbpw": S("password", f.pw_url()),
        "api": S("api-key", f.run(8, _HEX) + "-" + f.run(120, _HEX) if v else f.run(200, _HEX)),
        "ver": K(f.version()),
        "rid": K(f.uuid()),
        "lo": K("127.0.0.1"),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ ./pocketbase superuser upsert «mail» '«pw»'
            Successfully saved superuser "«mail»"!
            $ ./pocketbase serve --http=«lo»:8090
            2026/04/10 09:12:01 Server started at http://«lo»:8090
            {"level":"INFO","msg":"POST /api/collections/_superusers/auth-with-password","data":{"status":200,"remoteIP":"«ip»","execTime":31.2,"requestId":"«rid»"}}
            """)
        return "pocketbase.log", _t(t, **slots)
    t = _d("""
        # appwrite/.env («ver»)
        _APP_ENV=production
        _APP_OPENSSL_KEY_V1=«key»
        _APP_DB_USER=appwrite
        _APP_DB_PASS=«dbpw»
        _APP_SMTP_HOST=smtp.internal
        # functions deploy key
        APPWRITE_API_KEY=«api»
        """)
    return "appwrite/.env", _t(t, **slots)


def _edge_deno(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "tok": S("deno-deploy-token", f.vendor("deno-deploy-token")),
        "tpl": K("${{ secrets.DENO_DEPLOY_TOKEN }}"),
        "proj": f.pick(_WORDS) + "-api",
        "sha": K(f.sha40()),
        "url": f.run(8, string.ascii_lowercase + string.digits),
    }
    if v % 2 == 0:
        t = _d("""
            $ deployctl deploy --project=«proj» --token=«tok» --prod main.ts
            ✔ Deploying to project «proj».
            ✔ Entrypoint: /srv/«proj»/main.ts
            \u2139 Uploading all files from the current dir (/srv/«proj»)
            ✔ Found 14 assets.
            ✔ Production deployment complete.
            ✔ Updated production domain «proj».deno.dev
            View at: https://dash.deno.com/projects/«proj»/deployments/«url» (commit «sha»)
            """)
        return "deploy.log", _t(t, **slots)
    t = _d("""
        # .github/workflows/deno-deploy.yml
        env:
          DENO_DEPLOY_TOKEN: «tpl»
        # local override used while debugging, remove before merge:
        # DENO_DEPLOY_TOKEN=«tok»
        """)
    return ".github/workflows/deno-deploy.yml", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 7. Headless CMS and static sites.


def _cms_contentful(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "cma": S("contentful-token", f.vendor("contentful-token")),
        "space": f.run(12, string.ascii_lowercase + string.digits),
        "prev": S("token", f.run(43, _B64URL)),
        "ver": K(f.version()),
        "ph": K("<your-management-token>"),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ npx contentful-cli@«ver» space export --space-id «space» --management-token «cma» --environment-id master
            ┌──────────────────────────────────────────────────┐
            │ Exported entities                                │
            ├─────────────────────────┬────────────────────────┤
            │ Content Types           │ 23                     │
            │ Entries                 │ 1408                   │
            └─────────────────────────┴────────────────────────┘
            The export took a few seconds (2s)
            """)
        return "export.log", _t(t, **slots)
    if k == 1:
        t = _d("""
            # .env
            CONTENTFUL_SPACE_ID=«space»
            CONTENTFUL_PREVIEW_ACCESS_TOKEN=«prev»
            CONTENTFUL_MANAGEMENT_TOKEN=«cma»
            # see README: CONTENTFUL_MANAGEMENT_TOKEN=«ph»
            """)
        return ".env", _t(t, **slots)
    t = _d("""
        const contentful = require("contentful-management");
        const client = contentful.createClient({
          accessToken: "«cma»",
        });
        client.getSpace("«space»").then((space) => space.getEnvironment("master"));
        """)
    return "scripts/migrate.js", _t(t, **slots)


def _cms_sanity(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "tok": S("token", "sk" + f.run(178, _ALNUM)),
        "pid": f.run(8, string.ascii_lowercase + string.digits),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "id": K(f.uuid()),
        "ts": f.ts(),
    }
    if v % 2 == 0:
        t = _d("""
            # studio/.env
            SANITY_STUDIO_PROJECT_ID=«pid»
            SANITY_STUDIO_DATASET=production
            SANITY_API_WRITE_TOKEN=«tok»
            """)
        return "studio/.env", _t(t, **slots)
    t = _d("""
        $ npx sanity dataset export production - --types author | head -c 600
        {"_createdAt":"«ts»","_id":"«id»","_type":"author","name":"«name»","email":"«mail»","slug":{"current":"staff-writer"}}
        """)
    return "sanity-export.sh", _t(t, **slots)


def _cms_strapi(f: _Fakes, v: int) -> _Raw:
    keys = [f.b64(16) for _ in range(2)]
    app_keys: list[_Part] = []
    for i, key in enumerate(keys):
        app_keys += ["," if i else "", S("secret", key)]
    slots: dict[str, _Part] = {
        "keys": app_keys,
        "salt": S("secret", f.b64(16)),
        "admin": S("secret", f.b64(16)),
        "transfer": S("secret", f.b64(16)),
        "jwt": S("secret", f.b64(16)),
        "dbpw": S("password", f.pw()),
        "tbm": K("tobemodified"),
    }
    t = _d("""
        # .env (generated by create-strapi-app)
        HOST=0.0.0.0
        PORT=1337
        APP_KEYS=«keys»
        ADMIN_JWT_SECRET=«admin»
        JWT_SECRET=«jwt»
        DATABASE_CLIENT=postgres
        DATABASE_PASSWORD=«dbpw»
        # .env.example keeps the sample value: APP_KEYS="«tbm»"
        """)
    return "cms/.env", _t(t, **slots)


def _cms_ghost(f: _Fakes, v: int) -> _Raw:
    kid, ksec = f.hexs(24), f.hexs(64)
    slots: dict[str, _Part] = {
        "admin": S("api-key", kid + ":" + ksec),
        "mailpw": S("password", f.pw()),
        "dbpw": S("password", f.pw_url()),
        "ip": S("ip-address", f.ip_private()),
        "url": f.pick(_WORDS) + "." + f.pick(_TLDS),
        "mg": f.dom(),
        "content": f.hexs(26),
    }
    if v % 2 == 0:
        t = _d("""
            {
              "url": "https://«url»",
              "server": {"port": 2368, "host": "::"},
              "database": {
                "client": "mysql",
                "connection": {"host": "«ip»", "user": "ghost", "password": "«dbpw»", "database": "ghost_prod"}
              },
              "mail": {
                "transport": "SMTP",
                "options": {"service": "Mailgun", "host": "smtp.eu.mailgun.org", "port": 465, "secure": true,
                  "auth": {"user": "postmaster@«mg»", "pass": "«mailpw»"}}
              }
            }
            """)
        return "config.production.json", _t(t, **slots)
    t = _d("""
        #!/usr/bin/env bash
        # deploy-theme.sh -- uploads the theme zip through the Admin API
        export GHOST_ADMIN_API_URL=https://«url»
        export GHOST_ADMIN_API_KEY=«admin»
        export GHOST_CONTENT_API_KEY=«content»
        npx gscan dist/theme.zip && npx @tryghost/admin-api-upload dist/theme.zip
        """)
    return "deploy-theme.sh", _t(t, **slots)


def _cms_static_deploy(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "nfp": S("netlify-token", f.vendor("netlify-token")),
        "akia": S("aws-access-key", f.vendor("aws-access-key")),
        "sk": S("aws-secret-key", f.run(40, _ALNUM + "/+")),
        "ex": K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "site": K(f.uuid()),
        "sha": K(f.sha40()),
        "bucket": f.pick(_WORDS) + "-site",
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ netlify deploy --prod --dir public --site «site» --auth «nfp»
            Deploy path:        /srv/blog/public
            Deploying to main site URL...
            ✔ Finished hashing 312 files
            ✔ CDN requesting 4 files
            ✔ Deploy is live!
            Build commit:       «sha»
            """)
        return "netlify.log", _t(t, **slots)
    if k == 1:
        t = _d("""
            # hugo deploy to S3, creds for the deploy user only
            # (the docs' sample id «ex» never worked here, of course)
            [default]
            aws_access_key_id = «akia»
            aws_secret_access_key = «sk»
            region = eu-west-1
            # then: hugo deploy --target s3://«bucket»
            """)
        return ".aws/credentials", _t(t, **slots)
    t = _d("""
        # _config.yml
        title: Field Notes
        author: «name»
        email: «mail»
        baseurl: ""
        url: "https://«bucket».netlify.app"
        theme: minima
        plugins:
          - jekyll-feed
        # deploy: netlify deploy --prod --auth «nfp»
        """)
    return "_config.yml", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 8. Tax and government filings.


def _tax_w2(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    ein = f.digits(2) + "-" + f.digits(7)
    wages = f"{f.r.randint(38000, 180000)}.{f.r.randint(0, 99):02d}"
    slots: dict[str, _Part] = {
        "ssn": S("ssn", f.ssn()),
        "name": S("person-name", name),
        "ein": ein,
        "w": wages,
        "fed": f"{f.r.randint(3000, 30000)}.{f.r.randint(0, 99):02d}",
        "co": f.pick(_WORDS).capitalize() + " Payroll LLC",
    }
    t = _d("""
        $ pdftotext -layout W2_2025_copyB.pdf - | head -30
        a  Employee's social security number          OMB No. 1545-0029
        «ssn»
        b  Employer identification number (EIN)       1  Wages, tips, other compensation    2  Federal income tax withheld
        «ein»                                         «w»                              «fed»
        c  Employer's name, address, and ZIP code
        «co»
        e  Employee's first name and initial    Last name
        «name»
        Form W-2 Wage and Tax Statement 2025     Department of the Treasury—Internal Revenue Service
        """)
    return "w2.txt", _t(t, **slots)


def _tax_1099(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "ssn": S("ssn", f.ssn()),
        "name": S("person-name", name),
        "ein": f.digits(2) + "-" + f.digits(7),
        "amt": f"{f.r.randint(1200, 90000)}.00",
        "acct": f.digits(8),
    }
    if v % 2 == 0:
        t = _d("""
            PAYER'S TIN                 RECIPIENT'S TIN
            «ein»                  «ssn»
            RECIPIENT'S name
            «name»
            1 Nonemployee compensation  $ «amt»
            Account number (see instructions)  «acct»
            Form 1099-NEC (Rev. January 2024)
            """)
        return "1099-nec.txt", _t(t, **slots)
    t = _d("""
        recipient_tin_type,recipient_tin,recipient_name,box1_nec,account_number
        ssn,«ssn»,«name»,«amt»,«acct»
        """)
    return "exports/1099_batch.csv", _t(
        t,
        ssn=S("ssn", f.ssn(dashes=False)),
        name=S("person-name", name),
        amt=slots["amt"],
        acct=slots["acct"],
    )


def _tax_efile(f: _Fakes, v: int) -> _Raw:
    sub = f.digits(6) + "2026" + f.run(3, string.ascii_lowercase) + f.digits(7)
    slots: dict[str, _Part] = {
        "sub": sub,
        "ssn": S("ssn", f.ssn(dashes=False)),
        "ts": f.ts(),
        "efin": f.digits(6),
        "sha": K(f.sha64()),
        "ctl": f.run(4, string.ascii_uppercase),
    }
    if v % 2 == 0:
        t = _d("""
            <Acknowledgement xmlns="http://www.irs.gov/efile">
              <SubmissionId>«sub»</SubmissionId>
              <EFIN>«efin»</EFIN>
              <TaxYr>2025</TaxYr>
              <SubmissionCategoryCd>IND</SubmissionCategoryCd>
              <AcceptanceStatusTxt>Rejected</AcceptanceStatusTxt>
              <ValidationErrorList errorCnt="1">
                <ValidationErrorGrp>
                  <RuleNum>IND-031-04</RuleNum>
                  <ErrorMessageTxt>'PrimarySSN' and 'PrimaryNameControlTxt' in the Return Header must match the e-File database.</ErrorMessageTxt>
                </ValidationErrorGrp>
              </ValidationErrorList>
              <StatusDt>«ts»</StatusDt>
            </Acknowledgement>
            <!-- resubmission header being fixed: -->
            <ReturnHeader><Filer><PrimarySSN>«ssn»</PrimarySSN><PrimaryNameControlTxt>«ctl»</PrimaryNameControlTxt></Filer></ReturnHeader>
            """)
        return "efile/ack.xml", _t(t, **slots)
    t = _d("""
        «ts» mef-client INFO SendSubmissions ok, SubmissionId=«sub»
        «ts» mef-client INFO attachment sha256=«sha» size=48211
        «ts» mef-client DEBUG header PrimarySSN=«ssn» TaxYr=2025 EFIN=«efin»
        «ts» mef-client INFO GetAck status=Accepted
        """)
    return "logs/mef-client.log", _t(t, **slots)


def _tax_hmrc(f: _Fakes, v: int) -> _Raw:
    vrn = f.digits(9)
    slots: dict[str, _Part] = {
        "at": S("bearer-token", f.hexs(32)),
        "rt": S("token", f.hexs(32)),
        "cs": S("secret", f.uuid()),
        "cid": f.run(28, _ALNUM),
        "ip": S("ip-address", f.ip_public()),
        "dev": f.uuid(),
        "vrn": vrn,
        "lo": K("127.0.0.1"),
        "corr": K(f.uuid()),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            POST /organisations/vat/«vrn»/returns HTTP/1.1
            Host: test-api.service.hmrc.gov.uk
            Accept: application/vnd.hmrc.1.0+json
            Authorization: Bearer «at»
            Gov-Client-Connection-Method: DESKTOP_APP_DIRECT
            Gov-Client-Public-IP: «ip»
            Gov-Client-Device-ID: «dev»
            Gov-Vendor-Version: ledgerly=4.2.0

            {"periodKey": "26A1", "vatDueSales": 1045.22, "vatDueAcquisitions": 0, "totalVatDue": 1045.22,
             "vatReclaimedCurrPeriod": 301.5, "netVatDue": 743.72, "finalised": true}

            HTTP/1.1 201 Created
            X-Correlationid: «corr»
            """)
        return "mtd/submit.http", _t(t, **slots)
    if k == 1:
        t = _d("""
            $ curl -s -X POST https://test-api.service.hmrc.gov.uk/oauth/token \\
                -d grant_type=authorization_code -d client_id=«cid» -d client_secret=«cs» \\
                -d redirect_uri=http://«lo»:8765/callback -d code=«code»
            {"access_token":"«at»","refresh_token":"«rt»","expires_in":14400,"scope":"read:vat write:vat","token_type":"bearer"}
            """)
        return "mtd/token.sh", _t(t, code=f.hexs(32), **slots)
    t = _d("""
        # ledgerly.ini
        [hmrc]
        client_id = «cid»
        client_secret = «cs»
        redirect = http://«lo»:8765/callback
        vrn = «vrn»
        [hmrc.cache]
        refresh_token = «rt»
        """)
    return "ledgerly.ini", _t(t, **slots)


def _tax_payroll(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    for i in range(1 + v % 2):
        a, b = f.first(), f.last()
        rows += [
            f"E{100 + i + v * 7}",
            ",",
            S("person-name", a + " " + b),
            ",",
            S("ssn", f.ssn(dashes=v % 2 == 0)),
            ",",
            f.pick(("CA", "NY", "TX", "WA")),
            ",",
            f"{f.r.randint(2000, 9000)}.{f.r.randint(0, 99):02d}",
            ",",
            S("iban", f.iban(grouped=False)) if v % 3 == 0 else "",
            "\n",
        ]
    head = "employee_id,employee_name,ssn,state,gross_wages,iban\n"
    return "payroll/q1_tax_export.csv", ["$ cat payroll/q1_tax_export.csv\n" if v % 2 else "", head, rows]


# ---------------------------------------------------------------------------------------------------------
# 9. Coding-agent tool configuration and transcripts.


def _ag_mcp(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "gh": S("github-token", f.vendor("github-token")),
        "lin": S("linear-key", f.vendor("linear-key")),
        "pw": S("password", f.pw_url()),
        "ip": S("ip-address", f.ip_private()),
        "db": f.pick(_WORDS),
        "ph": K("${" + "GITHUB_TOKEN}"),
        "slack": S("slack-token", f.vendor("slack-token")),
        "team": "T" + f.run(10, string.ascii_uppercase + string.digits),
        "fig": K("<your-figma-token>"),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            {
              "mcpServers": {
                "github": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-github"],
                  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "«gh»"}
                },
                "postgres": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://agent:«pw»@«ip»:5432/«db»"]
                },
                "linear": {"command": "npx", "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse"],
                           "env": {"LINEAR_API_KEY": "«lin»"}}
              }
            }
            """)
        return ".mcp.json", _t(t, **slots)
    if k == 1:
        t = _d("""
            {
              "mcpServers": {
                "slack": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-slack"],
                  "env": {"SLACK_BOT_TOKEN": "«slack»", "SLACK_TEAM_ID": "«team»"}
                },
                "github": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN",
                           "ghcr.io/github/github-mcp-server"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "«ph»"}},
                "figma": {"command": "npx", "args": ["-y", "figma-developer-mcp", "--figma-api-key=«fig»", "--stdio"]},
                "linear": {"command": "npx", "args": ["-y", "linear-mcp"], "env": {"LINEAR_API_KEY": "«lin»"}}
              }
            }
            """)
        return "claude_desktop_config.json", _t(t, **slots)
    t = _d("""
        $ claude mcp add github -e GITHUB_PERSONAL_ACCESS_TOKEN=«gh» -- npx -y @modelcontextprotocol/server-github
        Added stdio MCP server github with command: npx -y @modelcontextprotocol/server-github to local config
        $ claude mcp add slack -e SLACK_BOT_TOKEN=«slack» -e SLACK_TEAM_ID=«team» -- npx -y @modelcontextprotocol/server-slack
        $ claude mcp list
        github: npx -y @modelcontextprotocol/server-github - ✓ Connected
        linear: https://mcp.linear.app/sse (SSE) - ✗ Failed to connect
        """)
    return "mcp-setup.sh", _t(t, **slots)


def _ag_transcript(f: _Fakes, v: int) -> _Raw:
    user = f.user()
    key_cls = f.pick(("openai-key", "anthropic-key", "huggingface-token"))
    var = {
        "openai-key": "OPENAI_API_KEY",
        "anthropic-key": "ANTHROPIC_API_KEY",
        "huggingface-token": "HF_TOKEN",
    }[key_cls]
    slots: dict[str, _Part] = {
        "home": S("home-user", user),
        "key": S(key_cls, f.vendor(key_cls)),
        "var": var,
        "sha": K(f.sha40()),
        "id1": "toolu_01" + f.run(22, _ALNUM),
        "proj": f.pick(_WORDS),
    }
    t = _d("""
        {"type":"assistant","message":{"content":[{"type":"tool_use","id":"«id1»","name":"Bash","input":{"command":"cd /Users/«home»/code/«proj» && export «var»=«key» && python -m evals.run --limit 20"}}]}}
        {"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"«id1»","content":"running 20 cases against HEAD «sha»\\n20/20 passed"}]}}
        {"type":"assistant","message":{"content":[{"type":"text","text":"All 20 eval cases pass on «sha»."}]}}
        """)
    return "transcripts/session.jsonl", _t(t, **slots)


def _ag_aider_continue(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "oa": S("openai-key", f.vendor("openai-key")),
        "an": S("anthropic-key", f.vendor("anthropic-key")),
        "gk": S("google-api-key", f.vendor("google-api-key")),
        "tpl": K("${{ secrets.ANTHROPIC_API_KEY }}"),
        "ph": K("sk-" + "xxxxxxxxxxxxxxxxxxxxxxxx"),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            # ~/.aider.conf.yml
            model: sonnet
            openai-api-key: «oa»
            anthropic-api-key: «an»
            set-env:
              - GEMINI_API_KEY=«gk»
            auto-commits: false
            # README example used «ph», replaced above
            """)
        return ".aider.conf.yml", _t(t, **slots)
    if k == 1:
        t = _d("""
            # .continue/config.yaml
            name: team-assistant
            version: 0.0.1
            models:
              - name: Claude
                provider: anthropic
                model: claude-sonnet-4-5
                apiKey: «tpl»
              - name: Gemini
                provider: gemini
                model: gemini-2.5-pro
                apiKey: «gk»
            """)
        return ".continue/config.yaml", _t(t, **slots)
    t = _d("""
        $ aider --model gpt-4.1 --openai-api-key «oa» --anthropic-api-key «an»
        Aider v0.86.1
        Main model: gpt-4.1 with diff edit format
        Git repo: .git with 412 files
        Repo-map: using 4096 tokens, auto refresh
        """)
    return "aider.log", _t(t, **slots)


def _ag_prompt_cache(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "hf": S("huggingface-token", f.vendor("huggingface-token")),
        "gh": S("github-token", f.vendor("github-token")),
        "key": K(f.sha64()),
        "npm": S("npm-token", f.vendor("npm-token")),
        "ts": f.ts(),
    }
    if v % 2 == 0:
        t = _d("""
            {"cache_key": "«key»", "created": "«ts»", "ttl": 300, "messages": [
              {"role": "user", "content": "the publish step fails, here is my ~/.npmrc:\\n//registry.npmjs.org/:_authToken=«npm»\\nand the CI uses GH_TOKEN=«gh»"}
            ]}
            """)
        return "cache/prompt.json", _t(t, **slots)
    t = _d("""
        [prompt-cache] hit key=«key» tokens=18231
        [prompt-cache] stored prefix includes tool output:
            $ cat ~/.cache/huggingface/token
            «hf»
            $ npm config get //registry.npmjs.org/:_authToken
            «npm»
        """)
    return "logs/agent-cache.log", _t(t, **slots)


def _ag_git_identity(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "gpg": K(f.hexs(16).upper()),
        "sha": K(f.sha40()),
        "gh": K("git@github.com"),
        "ts": f.ts(),
    }
    t = _d("""
        $ git config --list --show-origin | grep user
        file:.git/config	user.name=«name»
        file:.git/config	user.email=«mail»
        file:.git/config	user.signingkey=«gpg»
        $ git rev-parse HEAD
        «sha»
        $ git remote -v
        origin	«gh»:acme/agent-tools.git (fetch)
        """)
    return "git-identity.sh", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 10. Mobile CI services.


def _mob_bitrise(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "ks": S("password", f.pw()),
        "kp": S("password", f.pw()),
        "ref": K("$BITRISEIO_ANDROID_KEYSTORE_PASSWORD"),
        "slug": f.hexs(16),
        "ts": f.ts(),
        "alias": f.pick(_WORDS) + "-release",
        "build": f.uuid(),
    }
    if v % 2 == 0:
        t = _d("""
            # bitrise.yml
            workflows:
              release:
                steps:
                  - android-build@1:
                      inputs:
                        - variant: release
                  - sign-apk@1:
                      inputs:
                        - keystore_url: $BITRISEIO_ANDROID_KEYSTORE_URL
                        - keystore_password: «ref»
                        - keystore_alias: «alias»
                  - script@1:
                      title: debug signing (remove!)
                      inputs:
                        - content: printenv KEYSTORE_PASSWORD
            """)
        return "bitrise.yml", _t(t, **slots)
    t = _d("""
        +------------------------------------------------------------------------------+
        | (3) script@1 (debug signing)                                                 |
        +------------------------------------------------------------------------------+
        | id: script                                                                   |
        | version: 1.2.1                                                               |
        +------------------------------------------------------------------------------+
        + printenv KEYSTORE_PASSWORD
        «ks»
        + printenv KEY_PASSWORD
        «kp»
        Build «build» on app «slug» finished at «ts»
        """)
    return "bitrise-build.log", _t(t, **slots)


def _mob_codemagic(f: _Fakes, v: int) -> _Raw:
    kid = f.run(10, string.ascii_uppercase + string.digits)
    slots: dict[str, _Part] = {
        "kid": kid,
        "iss": f.uuid(),
        "pem": _pem(f, "PRIVATE KEY", f.pem_body()),
        "enc": "Encrypted(" + f.b64(48) + ")",
        "gl": S("gitlab-token", f.vendor("gitlab-token")),
    }
    if v % 2 == 0:
        t = _d("""
            $ cat AuthKey_«kid».p8
            «pem»
            $ app-store-connect list-builds --issuer-id «iss» --key-id «kid» --private-key @file:AuthKey_«kid».p8
            $ git clone https://oauth2:«gl»@gitlab.com/acme/mobile-certs.git
            """)
        return "codemagic/session.sh", _t(t, **slots)
    t = _d("""
        # codemagic.yaml
        workflows:
          ios-release:
            environment:
              vars:
                APP_STORE_CONNECT_KEY_IDENTIFIER: «kid»
                APP_STORE_CONNECT_ISSUER_ID: «iss»
                APP_STORE_CONNECT_PRIVATE_KEY: «enc»
                GITLAB_TOKEN: «gl»
            scripts:
              - name: Fetch signing files
                script: app-store-connect fetch-signing-files "$BUNDLE_ID" --type IOS_APP_STORE --create
        """)
    return "codemagic.yaml", _t(t, **slots)


def _mob_eas(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "sentry": S("sentry-token", f.vendor("sentry-token")),
        "expo": S("token", f.run(40, _B64URL)),
        "pub": K("phc_" + f.run(43)),
        "tpl": K("${{ secrets.EXPO_TOKEN }}"),
        "proj": K(f.uuid()),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ eas env:list production --include-sensitive
            Environment: production
            EXPO_PUBLIC_POSTHOG_KEY=«pub»
            SENTRY_AUTH_TOKEN=«sentry»
            EXPO_PUBLIC_PROJECT_ID=«proj»
            """)
        return "eas-env.txt", _t(t, **slots)
    if k == 1:
        t = _d("""
            # .github/workflows/eas-build.yml
            - name: Setup EAS
              uses: expo/expo-github-action@v8
              with:
                eas-version: latest
                token: «tpl»
            - run: eas build --platform all --non-interactive --no-wait
              env:
                SENTRY_AUTH_TOKEN: «sentry»
            """)
        return ".github/workflows/eas-build.yml", _t(t, **slots)
    t = _d("""
        $ EXPO_TOKEN=«expo» eas build -p ios --profile production
        ✔ Logged in as ci-bot (project «proj»)
        ✔ Using remote iOS credentials (Expo server)
        Build queued...
        """)
    return "eas-build.log", _t(t, **slots)


def _mob_fastlane(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    slots: dict[str, _Part] = {
        "match": S("password", f.pw()),
        "fl": S("password", f.pw()),
        "mail": S("email", f.email(name)),
        "store": S("password", f.pw()),
        "key": S("password", f.pw()),
        "alias": f.pick(_WORDS),
        "ph": K("changeme"),
        "git": K("git@github.com"),
    }
    if v % 2 == 0:
        t = _d("""
            # fastlane/.env.default
            MATCH_GIT_URL=«git»:acme/certificates.git
            MATCH_PASSWORD=«match»
            FASTLANE_USER=«mail»
            FASTLANE_PASSWORD=«fl»
            # fastlane/.env.sample: MATCH_PASSWORD=«ph»
            """)
        return "fastlane/.env.default", _t(t, **slots)
    t = _d("""
        # android/gradle.properties (release signing, CI writes this file)
        org.gradle.jvmargs=-Xmx4g
        RELEASE_STORE_FILE=release.keystore
        RELEASE_STORE_PASSWORD=«store»
        RELEASE_KEY_ALIAS=«alias»
        RELEASE_KEY_PASSWORD=«key»
        """)
    return "android/gradle.properties", _t(t, **slots)


def _mob_appcenter(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "tok": S("token", f.hexs(40)),
        "app": f.pick(_WORDS) + "/" + f.pick(_WORDS) + "-ios",
        "rel": str(f.r.randint(10, 400)),
        "ver": K(f.version()),
        "gh": S("github-token", f.vendor("github-token")),
    }
    if v % 2 == 0:
        t = _d("""
            $ appcenter distribute release --app «app» --file build/App.ipa --group Testers --token «tok»
            Uploading release binary...
            Release «rel» was successfully released to Testers (version «ver»)
            """)
        return "appcenter.log", _t(t, **slots)
    t = _d("""
        # ci/env.sh -- sourced by the mobile pipeline
        export APPCENTER_ACCESS_TOKEN=«tok»
        export GITHUB_TOKEN=«gh»
        export APP_VERSION=«ver»
        """)
    return "ci/env.sh", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 11. Media asset services.


def _med_cloudinary(f: _Fakes, v: int) -> _Raw:
    cloud = f.pick(_WORDS) + "-media"
    slots: dict[str, _Part] = {
        "key": f.digits(15),
        "sec": S("secret", f.run(27, _B64URL)),
        "cloud": cloud,
        "sig": f.sha40(),
        "etag": f.hexs(32),
        "pub": f.run(20, string.ascii_lowercase + string.digits),
        "ver": str(f.r.randint(1700000000, 1790000000)),
        "ph": K("<your_api_secret>"),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            # .env
            CLOUDINARY_URL=cloudinary://«key»:«sec»@«cloud»
            # template from the dashboard: cloudinary://«key»:«ph»@«cloud»
            """)
        return ".env", _t(t, **slots)
    if k == 1:
        t = _d("""
            import cloudinary
            import cloudinary.uploader

            cloudinary.config(cloud_name="«cloud»", api_key="«key»", api_secret="«sec»", secure=True)
            result = cloudinary.uploader.upload("hero.jpg", folder="campaigns/spring")
            print(result)
            # {'public_id': 'campaigns/spring/«pub»', 'version': «ver», 'signature': '«sig»', 'etag': '«etag»', 'format': 'jpg'}
            """)
        return "upload.py", _t(t, **slots)
    t = _d("""
        $ curl -s https://api.cloudinary.com/v1_1/«cloud»/image/upload -F file=@hero.jpg \\
            -F api_key=«key» -F timestamp=«ver» -F signature=«sig»
        {"public_id":"«pub»","version":«ver»,"etag":"«etag»","secure_url":"https://res.cloudinary.com/«cloud»/image/upload/v«ver»/«pub».jpg"}
        # signature computed with CLOUDINARY_API_SECRET=«sec»
        """)
    return "upload.sh", _t(t, **slots)


def _med_mux(f: _Fakes, v: int) -> _Raw:
    pid = f.run(40, _ALNUM)
    slots: dict[str, _Part] = {
        "tid": f.uuid(),
        "tsec": S("secret", f.run(75, _ALNUM + "/+")),
        "pid": pid,
        "jwt": S("jwt", f.jwt({"sub": pid, "aud": "v", "exp": 1777777777, "kid": f.run(24, _ALNUM)})),
        "skey": S("secret", f.b64(180)),
        "skid": f.run(24, _ALNUM),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            MUX_TOKEN_ID=«tid»
            MUX_TOKEN_SECRET=«tsec»
            MUX_SIGNING_KEY_ID=«skid»
            MUX_SIGNING_PRIVATE_KEY=«skey»
            """)
        return ".env", _t(t, **slots)
    if k == 1:
        t = _d("""
            [player] loading https://stream.mux.com/«pid».m3u8?token=«jwt»
            [player] 403 from edge, retrying with fresh token
            [player] playback-id=«pid» rendition=1080p bandwidth=6.2Mbps
            """)
        return "player.log", _t(t, **slots)
    t = _d("""
        $ curl -s https://api.mux.com/video/v1/assets -X POST -H "Content-Type: application/json" \\
            -u «tid»:«tsec» -d '{"input": [{"url": "https://cdn.acme.test/raw/intro.mp4"}], "playback_policy": ["signed"]}'
        {"data":{"status":"preparing","playback_ids":[{"policy":"signed","id":"«pid»"}],"id":"«aid»"}}
        """)
    return "mux.sh", _t(t, aid=f.run(40, _ALNUM), **slots)


def _med_bunny_imgix(f: _Fakes, v: int) -> _Raw:
    ak = "-".join((f.hexs(8), f.hexs(4), f.hexs(4), f.hexs(12), f.hexs(4), f.hexs(4)))
    slots: dict[str, _Part] = {
        "ak": S("api-key", ak),
        "zone": f.pick(_WORDS) + "-assets",
        "ix": S("api-key", "ak_" + f.hexs(64)),
        "ip": S("ip-address", f.ip_public()),
        "sha": K(f.sha64()),
        "rid": K(f.uuid()),
    }
    if v % 2 == 0:
        t = _d("""
            $ curl -i -X PUT "https://storage.bunnycdn.com/«zone»/img/hero.webp" \\
                -H "AccessKey: «ak»" -H "Checksum: «sha»" --data-binary @hero.webp
            HTTP/2 201
            server: BunnyCDN-DE1-1012
            cdn-requestid: «rid»
            {"HttpCode":201,"Message":"File uploaded."}
            """)
        return "bunny.sh", _t(t, **slots)
    t = _d("""
        «ts» purge-worker POST https://api.imgix.com/api/v1/purge Authorization: Bearer «ix»
        «ts» purge-worker 200 from «ip» request-id=«rid»
        """)
    return "logs/purge.log", _t(t, ts=f.ts(), **slots)


def _med_vimeo(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "tok": S("bearer-token", f.hexs(32)),
        "cid": f.hexs(40),
        "csec": S("secret", f.run(128, _ALNUM + "/+")),
        "vid": f.digits(9),
        "up": f.run(32, _ALNUM),
        "rid": K(f.uuid()),
    }
    if v % 2 == 0:
        t = _d("""
            import vimeo

            client = vimeo.VimeoClient(
                token="«tok»",
                key="«cid»",
                secret="«csec»",
            )
            uri = client.upload("launch.mp4", data={"name": "Launch film"})
            """)
        return "upload_vimeo.py", _t(t, **slots)
    t = _d("""
        POST /me/videos HTTP/1.1
        Host: api.vimeo.com
        Authorization: bearer «tok»
        Content-Type: application/json
        Accept: application/vnd.vimeo.*+json;version=3.4

        {"upload": {"approach": "tus", "size": "80412331"}, "name": "Launch film"}

        HTTP/1.1 200 OK
        X-Request-Id: «rid»
        {"uri": "/videos/«vid»", "upload": {"upload_link": "https://us-files.tus.vimeo.com/files/vimeo-prod-src-tus-us/«up»"}}
        """)
    return "vimeo.http", _t(t, **slots)


def _med_s3(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "akia": S("aws-access-key", f.vendor("aws-access-key")),
        "sk": S("aws-secret-key", f.run(40, _ALNUM + "/+")),
        "ex": K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        "bucket": f.pick(_WORDS) + "-media-originals",
    }
    if v % 2 == 0:
        t = _d("""
            $ aws configure list
                  Name                    Value             Type    Location
                  ----                    -----             ----    --------
               profile                    media                env    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']
            access_key     ****************«tail»   shared-credentials-file
            $ aws configure get aws_secret_access_key --profile media
            «sk»
            $ aws configure get aws_access_key_id --profile media
            «akia»
            """)
        akia = slots["akia"]
        assert isinstance(akia, _S)
        return "aws.sh", _t(t, tail=akia.text[-4:], **slots)
    t = _d("""
        // next.config.js -- asset uploads go straight to S3
        // (docs sample: accessKeyId: "«ex»")
        const s3 = new S3Client({
          region: "eu-central-1",
          credentials: { accessKeyId: "«akia»", secretAccessKey: "«sk»" },
        });
        export const BUCKET = "«bucket»";
        """)
    return "lib/s3.js", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# 12. Scheduling and booking.


def _sch_calendly(f: _Fakes, v: int) -> _Raw:
    name = f.full()
    org = f.uuid()
    slots: dict[str, _Part] = {
        "pat": S(
            "jwt",
            f.jwt(
                {
                    "kid": "1ce1e136",
                    "typ": "PAT",
                    "iss": "https://auth.calendly.com",
                    "sub": f.uuid(),
                    "jti": f.uuid(),
                    "user_uuid": f.uuid(),
                    "iat": 1767225600,
                }
            ),
        ),
        "name": S("person-name", name),
        "mail": S("email", f.email(name)),
        "org": K(org),
        "sign": S("secret", f.run(43, _B64URL)),
        "slug": f.pick(_WORDS),
    }
    k = v % 3
    if k == 0:
        t = _d("""
            $ curl -s https://api.calendly.com/users/me -H "Authorization: Bearer «pat»" | jq .resource
            {
              "name": "«name»",
              "email": "«mail»",
              "scheduling_url": "https://calendly.com/«slug»",
              "timezone": "Europe/London",
              "current_organization": "https://api.calendly.com/organizations/«org»"
            }
            """)
        return "calendly.sh", _t(t, **slots)
    if k == 1:
        t = _d("""
            # calendly-webhooks/.env
            CALENDLY_PAT=«pat»
            CALENDLY_WEBHOOK_SIGNING_KEY=«sign»
            CALENDLY_ORG=https://api.calendly.com/organizations/«org»
            """)
        return "calendly-webhooks/.env", _t(t, **slots)
    t = _d("""
        POST /webhooks/calendly HTTP/1.1
        Calendly-Webhook-Signature: t=1767225601,v1=«v1»
        Content-Type: application/json

        {"event": "invitee.created", "payload": {"name": "«name»", "email": "«mail»", "status": "active",
         "timezone": "America/Chicago", "rescheduled": false}}
        """)
    return "webhook.http", _t(t, v1=f.sha64(), **slots)


def _sch_calcom(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "api": S("calcom-key", f.vendor("calcom-key")),
        "nextauth": S("secret", f.b64(32)),
        "enc": S("secret", f.b64(24)),
        "pw": S("password", f.pw_url()),
        "ip": S("ip-address", f.ip_private()),
        "lh": K("http://localhost:3000"),
        "ph": K("<your-cal-api-key>"),
    }
    if v % 2 == 0:
        t = _d("""
            # cal.com self-hosted .env
            NEXT_PUBLIC_WEBAPP_URL=«lh»
            NEXTAUTH_SECRET=«nextauth»
            CALENDSO_ENCRYPTION_KEY=«enc»
            CAL_API_KEY=«api»
            DATABASE_URL=postgresql://calcom:«pw»@«ip»:5432/calendso
            """)
        return ".env", _t(t, **slots)
    t = _d("""
        $ curl -s "https://api.cal.com/v2/bookings?status=upcoming" \\
            -H "Authorization: Bearer «api»" -H "cal-api-version: 2024-08-13" | jq '.data | length'
        12
        $ grep CAL_API_KEY .env.example
        CAL_API_KEY=«ph»
        """)
    return "calcom.sh", _t(t, **slots)


def _sch_acuity(f: _Fakes, v: int) -> _Raw:
    uid = f.digits(8)
    basic = base64.b64encode((uid + ":" + f.hexs(32)).encode()).decode()
    a, b = f.first(), f.last()
    slots: dict[str, _Part] = {
        "basic": S("basic-auth", basic),
        "a": S("person-name", a),
        "b": S("person-name", b),
        "mail": S("email", f.email(a + " " + b)),
        "id": f.digits(10),
        "ts": f.ts(),
    }
    t = _d("""
        GET /api/v1/appointments?max=1&minDate=2026-04-01 HTTP/1.1
        Host: acuityscheduling.com
        Authorization: Basic «basic»

        HTTP/1.1 200 OK
        [{"id": «id», "firstName": "«a»", "lastName": "«b»", "phone": "555-0143",
          "datetime": "«ts»", "type": "Initial consultation", "paid": "no", "canceled": false}]
        """)
    return "acuity.http", _t(t, **slots)


def _sch_export(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    for i in range(1 + v % 2):
        a, b = f.first(), f.last()
        rows += [
            f"2026-05-{10 + i:02d} 09:{15 * (i % 4):02d},",
            S("person-name", a),
            ",",
            S("email", f.email(a + " " + b)),
            ",(555) 010-",
            f.digits(4),
            ",",
            f.pick(("Consultation", "Follow-up")),
            "\n",
        ]
    return "exports/appointments.csv", [
        "Start Time,First Name,Email,Phone,Type\n",
        rows,
        ["# exported with acuity-export ", K(f.version()), "\n"] if v % 2 else "",
    ]


def _sch_ical(f: _Fakes, v: int) -> _Raw:
    org, att = f.full(), f.full()
    while org == att:
        att = f.full()
    tok = f.run(f.r.randint(32, 40), _ALNUM)
    slots: dict[str, _Part] = {
        "org": S("person-name", org),
        "att": S("person-name", att),
        "om": S("email", f.email(org)),
        "am": S("email", f.email(att)),
        "uid": K(f.uuid()),
        "tok": S("url-token", tok),
        "ts": "20260512T091500Z",
        "host": f.pick(_WORDS) + "-clinic." + f.pick(_TLDS),
    }
    if v % 2 == 0:
        t = _d("""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Cal.com//EN
            METHOD:REQUEST
            BEGIN:VEVENT
            UID:«uid»
            DTSTART:«ts»
            SUMMARY:Consultation
            ORGANIZER;CN=«org»:mailto:«om»
            ATTENDEE;CN=«att»;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:«am»
            END:VEVENT
            END:VCALENDAR
            """)
        return "invite.ics", _t(t, **slots)
    t = _d("""
        # calendar-sync/config.toml
        [[feeds]]
        name = "front desk"
        url = "https://«host»/calendar/feed.ics?token=«tok»"
        refresh_minutes = 15
        # fetched 2026-05-12: 41 events, first UID «uid»
        """)
    return "calendar-sync/config.toml", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# Values that fit several settings.


def _edge_auth_dump(f: _Fakes, v: int) -> _Raw:
    rows: list[_Part] = []
    for _ in range(2):
        name = f.full()
        rows += [
            "(",
            K(f.uuid()),
            ", '",
            S("email", f.email(name)),
            "', '",
            S("password-hash", f.bcrypt()),
            "', '",
            f.ts(),
            "'),\n",
        ]
    head = (
        "-- supabase db dump --data-only --schema auth (excerpt)\n"
        if v % 2
        else "-- pg_dump of pocketbase users\n"
    )
    return "dump.sql", [
        head,
        "INSERT INTO auth.users (id, email, encrypted_password, created_at) VALUES\n",
        rows,
    ]


def _edge_web3(f: _Fakes, v: int) -> _Raw:
    slots: dict[str, _Part] = {
        "mn": S("recovery-phrase", f.mnemonic()),
        "rpc": f.pick(("alchemy", "infura")),
        "addr": K("0x" + f.hexs(40)),
        "key": S("api-key", f.run(32, _ALNUM)),
    }
    name = ("MNEMONIC", "SEED_PHRASE", "WALLET_RECOVERY_PHRASE")[v % 3]
    t = _d("""
        # payouts-worker/.dev.vars
        «name»="«mn»"
        RPC_URL=https://eth-mainnet.g.«rpc».io/v2
        «rpcname»_API_KEY=«key»
        PAYOUT_FROM=«addr»
        """)
    return "payouts-worker/.dev.vars", _t(t, name=name, rpcname=str(slots["rpc"]).upper(), **slots)


def _cms_rsync_deploy(f: _Fakes, v: int) -> _Raw:
    dashes = "-" * 5
    body = f.openssh_body()
    pub = "ssh-ed25519 " + "AAAAC3NzaC1lZDI1NTE5AAAA" + f.b64(32).rstrip("=") + " deploy@ci"
    slots: dict[str, _Part] = {
        "key": S("openssh-private-key", "\n".join(body)),
        "pub": K(pub),
        "d": dashes,
        "ip": S("ip-address", f.ip_public()),
        "site": f.pick(_WORDS),
    }
    t = _d("""
        $ cat ~/.ssh/jekyll_deploy
        «d»BEGIN OPENSSH PRIVATE KEY«d»
        «key»
        «d»END OPENSSH PRIVATE KEY«d»
        $ cat ~/.ssh/jekyll_deploy.pub
        «pub»
        $ rsync -az --delete _site/ deploy@«ip»:/var/www/«site»/
        """)
    return "deploy-session.sh", _t(t, **slots)


# ---------------------------------------------------------------------------------------------------------
# Look-alikes: documents of each setting that hold nothing secret, only what the policy keeps.

_LOOK_VARS = {
    "hr-ats": ("GREENHOUSE_API_KEY", "LEVER_API_KEY", "hris-sync"),
    "hospitality": ("CHANNEL_API_KEY", "STRIPE_SECRET_KEY", "channel-bridge"),
    "sms-telecom": ("VONAGE_API_SECRET", "SMPP_PASSWORD", "sms-gateway"),
    "email-marketing": ("SENDGRID_API_KEY", "MAILGUN_API_KEY", "newsletter"),
    "db-gui-clients": ("PGPASSWORD", "MONGO_PASSWORD", "db-tools"),
    "edge-baas": ("SUPABASE_SECRET_KEY", "CLOUDFLARE_API_TOKEN", "edge-api"),
    "headless-cms": ("CONTENTFUL_MANAGEMENT_TOKEN", "SANITY_API_TOKEN", "site"),
    "tax-filings": ("HMRC_CLIENT_SECRET", "MEF_PASSWORD", "ledgerly"),
    "coding-agent-tools": ("ANTHROPIC_API_KEY", "GITHUB_PERSONAL_ACCESS_TOKEN", "agent-tools"),
    "mobile-ci": ("MATCH_PASSWORD", "EXPO_TOKEN", "mobile-app"),
    "media-assets": ("CLOUDINARY_API_SECRET", "MUX_TOKEN_SECRET", "media-pipeline"),
    "scheduling": ("CALENDLY_PAT", "CAL_API_KEY", "booking"),
}


def _lookalike(setting: str) -> _Kind:
    """Documents of a setting that only hold what the policy keeps: they measure what a scrub takes wrongly."""
    var1, var2, proj = _LOOK_VARS[setting]

    def kind(f: _Fakes, v: int) -> _Raw:
        slots: dict[str, _Part] = {
            "v1": var1,
            "v2": var2,
            "proj": proj,
            "ph": K(f.pick(_PLACEHOLDERS)),
            "tpl": K("${{ secrets." + var1 + " }}"),
            "ref": K("${" + var2 + "}"),
            "jane": K("jane.doe@example.com"),
            "doc": K(f.ip_doc()),
            "sha": K(f.sha40()),
            "sha2": K(f.sha40()),
            "digest": K("sha256:" + f.sha64()),
            "uuid": K(f.uuid()),
            "ver": K(f.version()),
            "lo": K("127.0.0.1"),
            "dns": K(f.pick(("8.8.8.8", "1.1.1.1"))),
            "net": K(f.pick(("10.0.0.0/8", "192.168.0.0/16"))),
            "mask": K("255.255.255.0"),
            "noreply": K("noreply@" + f.dom()),
            "gh": K("git@github.com"),
            "fill": K("ghp_" + "x" * 36),
            "ex": K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
            "test": K("4242 4242 4242 4242"),
            "pub": K("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA" + f.b64(32).rstrip("=") + " ci@" + proj),
            "jd": K("Jane Doe"),
            "secname": K(proj + "-" + var1.lower().replace("_", "-")),
        }
        k = v % 6
        if k == 0:
            t = _d("""
                # .env.example -- copy to .env and fill in
                «v1»=«ph»
                «v2»=«ref»
                SUPPORT_EMAIL=«jane»
                """)
            return ".env.example", _t(t, **slots)
        if k == 1:
            t = _d("""
                $ git log --format='%H %s' -3
                «sha» «proj»: read «v1» from the secret store, never from config
                «sha2» docs: example requests use «doc»
                """)
            return "git.log", _t(t, **slots)
        if k == 2:
            t = _d("""
                # .github/workflows/ci.yml
                env:
                  «v1»: «tpl»
                  «v2»: «ref»
                jobs:
                  test:
                    services:
                      db:
                        image: postgres:16
                    steps:
                      - run: curl -sf http://«lo»:8080/healthz
                """)
            return ".github/workflows/ci.yml", _t(t, **slots)
        if k == 3:
            t = _d("""
                ## Configuration

                Set `«v1»` in your shell (for example `export «v1»=«ph»`) and never commit it. The
                test fixtures use the card «test», which charges nothing; the docs' AWS key «ex» is
                not a real one.
                """)
            return "README.md", _t(t, **slots)
        if k == 4:
            t = _d("""
                $ ip -4 addr show dev lo; ip route
                    inet «lo»/8 scope host lo
                «net» dev eth0 proto kernel scope link
                $ cat /etc/resolv.conf
                nameserver «dns»
                $ gcloud secrets versions access latest --secret=«secname» >/dev/null && echo ok
                ok
                """)
            return "network.txt", _t(t, **slots)
        t = _d("""
            # deploy notes for «proj» «ver»
            notifications come from «noreply»; CI signs with the key below (public half only):
            «pub»
            request «uuid» reproduced on «sha»
            """)
        return "NOTES.md", _t(t, **slots)

    return kind


# ---------------------------------------------------------------------------------------------------------
# The corpus.

_Kind = Callable[[_Fakes, int], _Raw]
_KINDS: dict[str, list[tuple[str, int, _Kind]]] = {
    "hr-ats": [
        ("greenhouse", 3, _hr_greenhouse),
        ("lever-csv", 3, _hr_lever_csv),
        ("workday", 4, _hr_workday),
        ("bamboohr", 3, _hr_bamboo),
        ("onboarding-sql", 3, _hr_onboarding_sql),
        ("ats-webhook", 3, _hr_webhook),
    ],
    "hospitality": [
        ("ota-xml", 3, _ho_ota),
        ("guest-register", 4, _ho_register),
        ("channel-config", 4, _ho_channel_cfg),
        ("confirmation", 3, _ho_confirmation),
        ("pms-api", 4, _ho_pms_api),
    ],
    "sms-telecom": [
        ("smpp", 5, _sms_smpp),
        ("vendor-env", 4, _sms_vendors_env),
        ("messagebird-sinch", 4, _sms_messagebird),
        ("dlr", 4, _sms_dlr),
        ("sinch-code", 3, _sms_sinch_code),
    ],
    "email-marketing": [
        ("audience", 4, _em_audience),
        ("mailgun", 4, _em_mailgun_send),
        ("bounces", 5, _em_bounces),
        ("provider-env", 5, _em_env),
        ("mailchimp", 3, _em_mailchimp),
    ],
    "db-gui-clients": [
        ("dbeaver", 3, _db_dbeaver),
        ("pgadmin", 3, _db_pgadmin),
        ("mongo-redis", 5, _db_mongo_redis),
        ("mysql-tools", 5, _db_mysql),
        ("compose", 3, _db_compose),
    ],
    "edge-baas": [
        ("wrangler", 5, _edge_wrangler),
        ("supabase", 4, _edge_supabase),
        ("firebase", 3, _edge_firebase),
        ("pocketbase-appwrite", 3, _edge_pocketbase),
        ("deno-deploy", 3, _edge_deno),
        ("auth-dump", 2, _edge_auth_dump),
        ("web3", 3, _edge_web3),
    ],
    "headless-cms": [
        ("contentful", 5, _cms_contentful),
        ("sanity", 3, _cms_sanity),
        ("strapi", 2, _cms_strapi),
        ("ghost", 3, _cms_ghost),
        ("static-deploy", 5, _cms_static_deploy),
        ("rsync-deploy", 3, _cms_rsync_deploy),
    ],
    "tax-filings": [
        ("w2", 4, _tax_w2),
        ("1099", 4, _tax_1099),
        ("efile", 4, _tax_efile),
        ("hmrc-mtd", 5, _tax_hmrc),
        ("payroll", 3, _tax_payroll),
    ],
    "coding-agent-tools": [
        ("mcp-config", 6, _ag_mcp),
        ("transcript", 4, _ag_transcript),
        ("aider-continue", 5, _ag_aider_continue),
        ("prompt-cache", 4, _ag_prompt_cache),
        ("git-identity", 3, _ag_git_identity),
    ],
    "mobile-ci": [
        ("bitrise", 4, _mob_bitrise),
        ("codemagic", 5, _mob_codemagic),
        ("eas", 5, _mob_eas),
        ("fastlane", 4, _mob_fastlane),
        ("appcenter", 4, _mob_appcenter),
    ],
    "media-assets": [
        ("cloudinary", 5, _med_cloudinary),
        ("mux", 5, _med_mux),
        ("bunny-imgix", 4, _med_bunny_imgix),
        ("vimeo", 4, _med_vimeo),
        ("s3", 4, _med_s3),
    ],
    "scheduling": [
        ("calendly", 5, _sch_calendly),
        ("calcom", 5, _sch_calcom),
        ("acuity", 3, _sch_acuity),
        ("appointment-export", 4, _sch_export),
        ("ical", 5, _sch_ical),
    ],
}
for _setting, _n in zip(SETTINGS, (6, 6, 6, 6, 5, 4, 5, 6, 5, 5, 5, 5), strict=True):
    _KINDS[_setting].append(("look-alike", _n, _lookalike(_setting)))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, the same for the same seed: each document generated, delivered and labelled as delivered."""
    f = _Fakes(random.Random(seed))
    docs: list[Document] = []
    for setting in SETTINGS:
        for kind, count, fn in _KINDS[setting]:
            for n in range(count):
                wanted = DELIVERIES[len(docs) % len(DELIVERIES)]
                for _attempt in range(40):
                    got = _label(f, fn(f, n), wanted)
                    if got is not None:
                        break
                else:
                    raise RuntimeError(f"cannot label {setting}/{kind}/{n:02d}")
                delivery, text, secrets, keeps = got
                docs.append(
                    Document(
                        f"{setting}/{kind}/{n:02d}", setting, delivery, text, tuple(secrets), tuple(keeps)
                    )
                )
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    """A digest of the whole corpus, to pin it."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall (whole and without fragments left), vendor recall and keep rate; never a value."""
    secrets = removed = clean = vendor = vendor_removed = kept = spans = 0
    for doc in docs:
        out = scrub(doc.text)
        if doc.secrets:
            filled = list(doc.text)
            for s in doc.secrets:
                filled[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
            out_filled = scrub("".join(filled))
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
    """The real scrubber's aggregates on this corpus (imported here only, so building stays independent)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
