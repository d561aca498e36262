"""Eighth held-back corpus: labelled terminal output for measuring the scrubber from the outside.

Why it exists: a scrubber tuned on its own examples looks better than it is. This part was written from the
public descriptions of the formats it imitates (token prefixes and checksums published by vendors, RFCs for
headers, cookies and URLs, the Luhn and IBAN check digits, SSN issuance rules) and from what coding agents
print (shell sessions, env dumps, CI logs, kubectl and docker output, curl traces, config files in a dozen
formats, source code, stack traces, SQL sessions, git output, test failures, notebooks), apart from the
scrubber's rules and the other corpora.

`build_corpus()` yields, for the default seed, 293 documents of 103 kinds (one in ten is a secret-free
look-alike, of 15 kinds), holding 821 labelled secrets of 39 classes (a third of them vendor tokens with a
published prefix) and about 2,600 must-survive spans, many of them right beside a secret. Each snippet is
delivered as is, as a JSON-escaped agent transcript line, as a diff's added lines, line-numbered like a file
read, timestamped like a CI log or inside a Markdown code block; spans always point at the final text. Every
fake is generated from the seed, none is written here.

`measure_held_back()` reports aggregate figures only, never which item was missed, so that the corpus stays
useful as a held-back measure.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import hashlib
import json
import random
import re
import string
from collections import Counter
from collections.abc import Callable

import attrs

DEFAULT_SEED = 80_808

Rng = random.Random


@attrs.frozen
class Span:
    """A labelled stretch of a document: a secret to remove or a text that must survive."""

    start: int
    end: int
    text: str
    kind: str
    vendor: bool = False


@attrs.frozen
class Doc:
    """One document as an agent would print it, with its labels."""

    name: str
    text: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]


VENDOR_CLASSES = (
    "github_token",
    "gitlab_token",
    "slack_token",
    "stripe_key",
    "openai_key",
    "anthropic_key",
    "aws_access_key_id",
    "google_api_key",
    "npm_token",
    "pypi_token",
    "huggingface_token",
    "sendgrid_key",
    "twilio_key",
    "shopify_token",
    "digitalocean_token",
    "vendor_other",
)
OTHER_CLASSES = (
    "aws_secret_key",
    "aws_session_token",
    "generic_secret",
    "password",
    "url_credential",
    "url_query_token",
    "auth_header",
    "cookie_session",
    "k8s_secret_data",
    "service_account_key_id",
    "private_key",
    "jwt",
    "db_connection_password",
    "cli_password",
    "azure_key",
    "webhook_secret",
    "ssn",
    "email",
    "phone",
    "credit_card",
    "iban",
    "home_user",
    "private_ip",
)
CLASSES: tuple[str, ...] = VENDOR_CLASSES + OTHER_CLASSES

# ---------------------------------------------------------------------------------------------------------
# Markup: templates return text with labelled stretches marked by control characters, parsed afterwards.

_S, _K, _MID, _END = "\x01", "\x04", "\x02", "\x03"
_MARK = re.compile("([\x01\x04])([^\x02]*)\x02([^\x03]*)\x03")

Seg = tuple[str, str, str]  # (text, role "" / "s" / "k", kind)


def S(cls: str, text: str) -> str:
    """Mark a secret of class `cls`."""
    assert cls in CLASSES, cls
    return f"{_S}{cls}{_MID}{text}{_END}"


def K(text: str, kind: str = "text") -> str:
    """Mark a stretch that must survive."""
    return f"{_K}{kind}{_MID}{text}{_END}"


def parse(marked: str) -> list[Seg]:
    """Split marked text into plain and labelled segments."""
    segs: list[Seg] = []
    pos = 0
    for m in _MARK.finditer(marked):
        if m.start() > pos:
            segs.append((marked[pos : m.start()], "", ""))
        segs.append((m.group(3), "s" if m.group(1) == _S else "k", m.group(2)))
        pos = m.end()
    if pos < len(marked):
        segs.append((marked[pos:], "", ""))
    for text, _, _ in segs:
        assert not set(text) & {_S, _K, _MID, _END}, "nested or broken mark"
    return segs


# ---------------------------------------------------------------------------------------------------------
# Fakes: format-valid, random, never literal.

UP = string.ascii_uppercase
LOW = string.ascii_lowercase
DIG = string.digits
HEX = "0123456789abcdef"
B62 = DIG + UP + LOW
B64 = UP + LOW + DIG + "+/"
B64URL = UP + LOW + DIG + "-_"


def rs(r: Rng, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc_token(r: Rng, prefix: str, body: int = 30) -> str:
    """Prefix + random base62 + base62 CRC32 of the random part, as GitHub and npm tokens carry."""
    rnd = rs(r, B62, body)
    return prefix + rnd + b62(binascii.crc32(rnd.encode()), 6)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def rbytes(r: Rng, n: int) -> bytes:
    return bytes(r.getrandbits(8) for _ in range(n))


def gh_token(r: Rng) -> str:
    if r.random() < 0.3:
        return "github" + "_pat_" + rs(r, B62, 22) + "_" + rs(r, B62, 59)
    return crc_token(r, "gh" + r.choice("pousr") + "_")


def gitlab_token(r: Rng) -> str:
    return r.choice(["gl" + "pat-", "gl" + "dt-", "gl" + "rt-"]) + rs(r, B62 + "_-", 20)


def slack_token(r: Rng) -> str:
    kind = r.choice(["b", "p", "a"])
    if kind == "b":
        return f"xox{kind}-{rs(r, DIG, 12)}-{rs(r, DIG, 13)}-{rs(r, B62, 24)}"
    if kind == "p":
        return f"xox{kind}-{rs(r, DIG, 12)}-{rs(r, DIG, 12)}-{rs(r, DIG, 13)}-{rs(r, HEX, 32)}"
    return f"xap{'p'}-1-A{rs(r, UP + DIG, 10)}-{rs(r, DIG, 13)}-{rs(r, HEX, 64)}"


def stripe_key(r: Rng) -> str:
    return (
        r.choice(["sk", "rk"])
        + "_"
        + r.choice(["live", "live", "test"])
        + "_"
        + rs(r, B62, r.choice([24, 99]))
    )


def openai_key(r: Rng) -> str:
    mark = "T3Blbk" + "FJ"
    if r.random() < 0.75:
        return "sk-" + "proj-" + rs(r, B64URL, 74) + mark + rs(r, B64URL, 74)
    return "sk-" + rs(r, B62, 20) + mark + rs(r, B62, 20)


def anthropic_key(r: Rng) -> str:
    return "sk-" + "ant-" + r.choice(["api03-", "admin01-"]) + rs(r, B64URL, 93) + "AA"


def aws_key_id(r: Rng, temporary: bool = False) -> str:
    return ("AS" if temporary else "AK") + "IA" + rs(r, UP + "234567", 16)


def aws_secret(r: Rng) -> str:
    return rs(r, UP + LOW + DIG + "/+", 40)


def aws_session(r: Rng) -> str:
    return "IQoJb3JpZ2luX2Vj" + rs(r, B64, r.choice([300, 356, 420])) + "="


def google_key(r: Rng) -> str:
    return "AI" + "za" + rs(r, B64URL, 35)


def npm_token(r: Rng) -> str:
    return crc_token(r, "np" + "m_")


def pypi_token(r: Rng) -> str:
    return "py" + "pi-" + "AgEIcHlwaS5vcmc" + rs(r, B64URL, r.choice([140, 164, 188]))


def hf_token(r: Rng) -> str:
    return "h" + "f_" + rs(r, UP + LOW, 34)


def sendgrid_key(r: Rng) -> str:
    return "S" + "G." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43)


def twilio_key(r: Rng) -> str:
    return "S" + "K" + rs(r, HEX, 32)


def shopify_token(r: Rng) -> str:
    return "shp" + r.choice(["at", "ss", "ca", "pa"]) + "_" + rs(r, HEX, 32)


def do_token(r: Rng) -> str:
    return "do" + r.choice("por") + "_v1_" + rs(r, HEX, 64)


def other_vendor(r: Rng) -> tuple[str, str]:
    """Tokens of smaller vendors, each with its published prefix: (usual variable name, token)."""
    k = r.randrange(9)
    if k == 0:
        return "LINEAR_API_KEY", "lin" + "_api_" + rs(r, B62, 40)
    if k == 1:
        return "DATABRICKS_TOKEN", "da" + "pi" + rs(r, HEX, 32)
    if k == 2:
        return "DOPPLER_TOKEN", "dp" + ".st." + r.choice(["dev", "prd", "stg"]) + "." + rs(r, B62, 40)
    if k == 3:
        return "POSTMAN_API_KEY", "PM" + "AK-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 34)
    if k == 4:
        return "VAULT_TOKEN", "hv" + "s." + rs(r, B62 + "_-", 90)
    if k == 5:
        return "GRAFANA_SERVICE_ACCOUNT_TOKEN", "gl" + "sa_" + rs(r, B62, 32) + "_" + rs(r, HEX, 8)
    if k == 6:
        return "CARGO_REGISTRY_TOKEN", "ci" + "o" + rs(r, B62, 32)
    if k == 7:
        return "SOPS_AGE_KEY", "AGE-SECRET" + "-KEY-1" + rs(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)
    return "TELEGRAM_BOT_TOKEN", rs(r, DIG, 10) + ":AA" + rs(r, B64URL, 33)


VENDOR_ENV: dict[str, tuple[Callable[[Rng], str], tuple[str, ...]]] = {
    "github_token": (gh_token, ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "HOMEBREW_GITHUB_API_TOKEN")),
    "gitlab_token": (gitlab_token, ("GITLAB_TOKEN", "GL_TOKEN", "CI_DEPLOY_TOKEN", "GITLAB_PRIVATE_TOKEN")),
    "slack_token": (slack_token, ("SLACK_BOT_TOKEN", "SLACK_TOKEN", "SLACK_APP_TOKEN")),
    "stripe_key": (stripe_key, ("STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_RESTRICTED_KEY")),
    "openai_key": (openai_key, ("OPENAI_API_KEY", "OPENAI_KEY")),
    "anthropic_key": (anthropic_key, ("ANTHROPIC_API_KEY", "CLAUDE_API_KEY")),
    "aws_access_key_id": (aws_key_id, ("AWS_ACCESS_KEY_ID", "S3_ACCESS_KEY")),
    "google_api_key": (google_key, ("GOOGLE_API_KEY", "GEMINI_API_KEY", "MAPS_API_KEY", "FIREBASE_API_KEY")),
    "npm_token": (npm_token, ("NPM_TOKEN", "NODE_AUTH_TOKEN")),
    "pypi_token": (pypi_token, ("PYPI_TOKEN", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN")),
    "huggingface_token": (hf_token, ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_TOKEN")),
    "sendgrid_key": (sendgrid_key, ("SENDGRID_API_KEY", "SMTP_API_KEY")),
    "twilio_key": (twilio_key, ("TWILIO_API_KEY", "TWILIO_API_KEY_SID")),
    "shopify_token": (shopify_token, ("SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN", "SHOPIFY_API_SECRET")),
    "digitalocean_token": (do_token, ("DIGITALOCEAN_TOKEN", "DO_API_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN")),
}

GENERIC_NAMES = (
    "SECRET_KEY",
    "JWT_SECRET",
    "SESSION_SECRET",
    "API_SECRET",
    "WEBHOOK_SECRET",
    "ENCRYPTION_KEY",
    "APP_KEY",
    "SIGNING_KEY",
    "AUTH_TOKEN",
    "INTERNAL_API_TOKEN",
    "CLIENT_SECRET",
    "MASTER_KEY",
)


def generic_value(r: Rng) -> str:
    k = r.randrange(5)
    if k == 0:
        return rs(r, HEX, r.choice([32, 40, 64]))
    if k == 1:
        return b64(rbytes(r, r.choice([24, 32, 48])))
    if k == 2:
        return "base64:" + b64(rbytes(r, 32))
    if k == 3:
        return rs(r, B62, r.choice([24, 32, 40]))
    return b64url(rbytes(r, 32))


WORDS = (
    "maple",
    "harbor",
    "copper",
    "falcon",
    "violet",
    "granite",
    "orbit",
    "willow",
    "ember",
    "summit",
    "pepper",
    "lantern",
    "meadow",
    "quartz",
    "rocket",
    "tundra",
)


def password(r: Rng) -> str:
    k = r.randrange(4)
    if k == 0:
        return r.choice(WORDS).capitalize() + r.choice(WORDS) + str(r.randrange(10, 9999)) + r.choice("!#%*?")
    if k == 1:
        return rs(r, B62 + "!#%*-_.", r.randrange(14, 26))
    if k == 2:
        return "-".join(r.choice(WORDS) for _ in range(3)) + "-" + str(r.randrange(100, 999))
    return rs(r, B62, r.randrange(16, 33))


def vendor_cred(r: Rng) -> tuple[str, str, str]:
    """(variable name, token, class) for a random vendor."""
    cls = r.choice(VENDOR_CLASSES)
    if cls == "vendor_other":
        name, value = other_vendor(r)
        return name, value, cls
    gen, names = VENDOR_ENV[cls]
    return r.choice(names), gen(r), cls


def cred(r: Rng) -> tuple[str, str, str]:
    """(variable name, value, class): mostly vendor tokens, some cloud keys, generic secrets and passwords."""
    x = r.random()
    if x < 0.66:
        return vendor_cred(r)
    if x < 0.72:
        return "AWS_SECRET_ACCESS_KEY", aws_secret(r), "aws_secret_key"
    if x < 0.75:
        return "AWS_SESSION_TOKEN", aws_session(r), "aws_session_token"
    if x < 0.79:
        return r.choice(["ACCESS_TOKEN", "API_JWT", "SERVICE_TOKEN"]), jwt(r), "jwt"
    if x < 0.81:
        return "GOOGLE_PRIVATE_KEY_ID", sha(r), "service_account_key_id"
    if x < 0.91:
        return r.choice(GENERIC_NAMES), generic_value(r), "generic_secret"
    return (
        r.choice(
            ["DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "SMTP_PASSWORD"]
        ),
        password(r),
        "password",
    )


FIRST = (
    "priya",
    "tomasz",
    "aisha",
    "mateo",
    "yuki",
    "oluwaseun",
    "ingrid",
    "rafael",
    "mei",
    "dmitri",
    "fatima",
    "lukas",
    "siobhan",
    "kwame",
    "elena",
    "hiroshi",
    "zainab",
    "bjorn",
    "camila",
    "arjun",
)
LAST = (
    "raman",
    "kowalczyk",
    "okafor",
    "herrera",
    "tanaka",
    "adeyemi",
    "lindqvist",
    "moreau",
    "zhang",
    "volkov",
    "haddad",
    "brenner",
    "gallagher",
    "mensah",
    "petrova",
    "nakamura",
    "qureshi",
    "halvorsen",
    "castillo",
    "iyer",
)
MAIL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "proton.me",
    "fastmail.com",
    "yahoo.co.uk",
    "web.de",
    "icloud.com",
)
COMPANIES = (
    "kestrel-analytics",
    "bluefin",
    "orchardly",
    "tidewater",
    "copperleaf",
    "ironbark",
    "northwind",
    "lumenpay",
    "quillstack",
    "fernhill",
)


def person(r: Rng) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def username(r: Rng) -> str:
    f, last = person(r)
    return r.choice([f + last[0], f[0] + last, f + "." + last, f + "_" + last, f + last[:3]])


def email(r: Rng, who: tuple[str, str] | None = None) -> str:
    f, last = who or person(r)
    local = r.choice([f + "." + last, f + last[0], f[0] + last, f + str(r.randrange(10, 99))])
    if r.random() < 0.3:
        return f"{local}@{r.choice(COMPANIES)}.{r.choice(['com', 'io', 'dev'])}"
    return f"{local}@{r.choice(MAIL_DOMAINS)}"


def svc_user(r: Rng) -> str:
    """A service account's name: kept beside its password, unlike a person's."""
    return r.choice(
        ["ci-bot", "deploy", "svc-build", "jenkins", "release-bot", "nexus-reader", "backup", "etl"]
    )


def company(r: Rng) -> str:
    return r.choice(COMPANIES)


def private_ip(r: Rng) -> str:
    k = r.randrange(3)
    if k == 0:
        return f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(2, 255)}"
    if k == 1:
        return f"172.{r.randrange(16, 32)}.{r.randrange(256)}.{r.randrange(2, 255)}"
    return f"192.168.{r.randrange(256)}.{r.randrange(2, 255)}"


def ssn(r: Rng) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"


def phone(r: Rng) -> str:
    k = r.randrange(6)
    if k == 0:
        return f"+1 ({r.randrange(201, 990)}) {r.randrange(200, 999)}-{r.randrange(10000):04d}"
    if k == 1:
        return f"+1-{r.randrange(201, 990)}-{r.randrange(200, 999)}-{r.randrange(10000):04d}"
    if k == 2:
        return f"+44 7{r.randrange(100, 999)} {r.randrange(100000, 999999)}"
    if k == 3:
        return f"+49 15{r.randrange(1, 9)} {r.randrange(10000000, 99999999)}"
    if k == 4:
        return "+33 6 " + " ".join(f"{r.randrange(100):02d}" for _ in range(4))
    return f"({r.randrange(201, 990)}) {r.randrange(200, 999)}-{r.randrange(10000):04d}"


def luhn_complete(prefix_and_body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(prefix_and_body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix_and_body + str((10 - total % 10) % 10)


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


def card(r: Rng) -> str:
    k = r.randrange(4)
    if k == 0:
        num = luhn_complete("4" + rs(r, DIG, 14))
    elif k == 1:
        num = luhn_complete(str(r.randrange(51, 56)) + rs(r, DIG, 13))
    elif k == 2:
        num = luhn_complete(r.choice(["34", "37"]) + rs(r, DIG, 12))
        return r.choice([num, f"{num[:4]} {num[4:10]} {num[10:]}"])
    else:
        num = luhn_complete("6011" + rs(r, DIG, 11))
    style = r.randrange(3)
    if style == 0:
        return num
    sep = " " if style == 1 else "-"
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def iban(r: Rng) -> str:
    # Country and national account layout (letters / digits per position), from the IBAN registry.
    country, layout = r.choice(
        [
            ("DE", "d" * 18),
            ("GB", "aaaa" + "d" * 14),
            ("NL", "aaaa" + "d" * 10),
            ("FR", "d" * 10 + "x" * 11 + "dd"),
            ("ES", "d" * 20),
        ]
    )
    body = "".join(r.choice({"d": DIG, "a": UP, "x": UP + DIG}[c]) for c in layout)
    num = int("".join(str(int(c, 36)) for c in body + country + "00"))
    code = f"{country}{98 - num % 97:02d}{body}"
    if r.random() < 0.5:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def jwt(r: Rng) -> str:
    alg = r.choice(["HS256", "RS256", "ES256"])
    head = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    now = 1_760_000_000 + r.randrange(10_000_000)
    claims = {
        "sub": str(r.randrange(10**6, 10**9)),
        "iat": now,
        "exp": now + r.choice([900, 3600, 86400]),
        "scope": r.choice(["read write", "admin", "repo:read"]),
    }
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = b64url(rbytes(r, 32 if alg == "HS256" else 64 if alg == "ES256" else 256))
    return f"{head}.{body}.{sig}"


def uuid4(r: Rng) -> str:
    h = rs(r, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha(r: Rng, n: int = 40) -> str:
    return rs(r, HEX, n)


BEGIN, END = "-----BEGIN ", "-----END "
PK = "PRIVATE" + " KEY-----"


def pem_body(r: Rng, kind: str) -> str:
    """Base64 lines of a private key of the given kind (random bytes after a plausible DER start)."""
    starts = {
        "": b"\x30\x82\x04\xbd\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00",
        "RSA ": b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00",
        "EC ": b"\x30\x77\x02\x01\x01\x04\x20",
        "OPENSSH ": b"openssh-key-v1\x00\x00\x00\x00\x04none",
    }
    size = {"": 1190, "RSA ": 1180, "EC ": 110, "OPENSSH ": 380}[kind]
    raw = b64(starts[kind] + rbytes(r, size))
    width = 70 if kind == "OPENSSH " else 64
    return "\n".join(raw[i : i + width] for i in range(0, len(raw), width))


def pem_block(r: Rng, kind: str = "") -> str:
    """A marked PEM private key: markers plain, base64 body a secret."""
    return f"{BEGIN}{kind}{PK}\n{S('private_key', pem_body(r, kind))}\n{END}{kind}{PK}"


def url_enc(s: str) -> str:
    return "".join(c if c.isalnum() or c in "-_.~" else f"%{ord(c):02X}" for c in s)


def ts(r: Rng) -> str:
    mo, d, h, mi, se = (
        r.randrange(1, 12),
        r.randrange(1, 28),
        r.randrange(24),
        r.randrange(60),
        r.randrange(60),
    )
    return f"2026-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{se:02d}"


def line(text: str) -> str:
    """An ordinary line that must survive whole."""
    return K(text, "line")


def env_line(r: Rng, name: str, value: str, cls: str, sep: str = "=", quote: str = "") -> str:
    return K(name, "key") + sep + quote + S(cls, value) + quote


def host(r: Rng, role: str = "db") -> str:
    c = company(r)
    return r.choice(
        [f"{role}-{r.randrange(1, 5)}.internal.{c}.net", f"{role}.{c}.com", f"{c}-{role}.prod.{c}.io"]
    )


def dbname(r: Rng) -> str:
    return r.choice(["app", "orders", "billing", "analytics", "users_prod", "inventory"])


def db_url(r: Rng, family: str = "") -> str:
    """A marked database URL with the password a secret and the rest kept."""
    kinds = [("postgres", 5432), ("postgresql", 5432), ("mysql", 3306), ("mongodb", 27017), ("redis", 6379)]
    scheme, port = r.choice([k for k in kinds if k[0].startswith(family)])
    user = r.choice(["app", "admin", "svc_orders", "readonly", "root", "postgres"])
    h = host(r)
    tail = f"{h}:{port}/{dbname(r) if scheme != 'redis' else r.randrange(16)}"
    q = r.choice(
        {
            "postgres": ["", "?sslmode=require", "?connect_timeout=10"],
            "postgresql": ["", "?sslmode=require", "?application_name=api"],
            "mysql": ["", "?charset=utf8mb4", "?parseTime=true"],
            "mongodb": ["", "?authSource=admin", "?retryWrites=true&w=majority"],
            "redis": [""],
        }[scheme]
    )
    if scheme == "redis":
        return f"{scheme}://:{S('db_connection_password', password(r))}@{K(tail + q, 'host')}"
    return (
        f"{K(scheme + '://' + user, 'user')}:{S('db_connection_password', password(r))}@{K(tail + q, 'host')}"
    )


# ---------------------------------------------------------------------------------------------------------
# Document kinds with secrets.


def k_env_dump(r: Rng) -> str:
    u = username(r)
    items = [env_line(r, *cred(r)) for _ in range(r.randrange(4, 7))]
    items.append(K("HOME=/home/", "key") + S("home_user", u))
    items.append(K("PWD=", "key") + "/home/" + S("home_user", u) + K("/src/api", "path"))
    items += [
        line("SHELL=/bin/zsh"),
        line(f"LANG={r.choice(['en_US.UTF-8', 'C.UTF-8', 'de_DE.UTF-8'])}"),
        line("TERM=xterm-256color"),
        line(f"NODE_ENV={r.choice(['development', 'production'])}"),
        line("EDITOR=nvim"),
    ]
    r.shuffle(items)
    return K("$ env | sort", "cmd") + "\n" + "\n".join(items) + "\n"


def k_dotenv(r: Rng) -> str:
    out = [
        K("$ cat .env", "cmd"),
        line("# local development settings"),
        K("DATABASE_URL=", "key") + db_url(r, r.choice(["postgres", "mysql", "mongodb"])),
    ]
    for _ in range(r.randrange(3, 6)):
        n, v, c = cred(r)
        q = r.choice(["", '"', "'"])
        out.append(env_line(r, n, v, c, "=", q) + r.choice(["", "  " + K("# rotate quarterly", "comment")]))
    out += [line("DEBUG=false"), line(f"PORT={r.choice([3000, 8000, 8080])}"), line("LOG_LEVEL=info")]
    return "\n".join(out) + "\n"


def k_gh_actions_log(r: Rng) -> str:
    t = ts(r)[:-3]
    n, v, c = vendor_cred(r)
    lines = [
        f"{t}:01.1045123Z " + line("##[group]Run actions/checkout@v4"),
        f"{t}:01.1046020Z " + line("with:"),
        f"{t}:01.1046512Z   " + line("repository: " + company(r) + "/api"),
        f"{t}:01.1047881Z " + line("##[endgroup]"),
        f"{t}:03.5521908Z " + line("Run ./scripts/publish.sh"),
        f"{t}:03.5523311Z " + K("+ export ", "text") + env_line(r, n, v, c),
        f"{t}:03.5529942Z + curl -fsS -H '"
        + K("Authorization: token", "header")
        + " "
        + S("github_token", gh_token(r))
        + "' "
        + K("https://api.github.com/repos/" + company(r) + "/api/releases", "url"),
        f"{t}:04.0120334Z " + line("HTTP/2 201"),
        f"{t}:04.0131857Z "
        + line("Release v" + f"{r.randrange(1, 4)}.{r.randrange(20)}.{r.randrange(10)}" + " published"),
    ]
    return "\n".join(lines) + "\n"


def k_gitlab_ci_log(r: Rng) -> str:
    tok = gitlab_token(r)
    u = r.choice(["deploy", "oauth2", "gitlab-ci-token"])
    c = company(r)
    return (
        line("Running with gitlab-runner 17.5.2 (c6eae8d2)")
        + "\n"
        + line("Fetching changes with git depth set to 20...")
        + "\n"
        + "$ git remote set-url origin https://"
        + K(u, "user")
        + ":"
        + S("gitlab_token", tok)
        + "@"
        + K(f"gitlab.{c}.com/platform/{c}-infra.git", "host")
        + "\n$ docker login -u "
        + K(u, "user")
        + " -p "
        + S("gitlab_token", tok)
        + " "
        + K(f"registry.gitlab.{c}.com", "host")
        + "\n"
        + line("WARNING! Using --password via the CLI is insecure. Use --password-stdin.")
        + "\n"
        + line("Login Succeeded")
        + "\n"
        + line("Job succeeded")
        + "\n"
    )


def k_kubectl_secret(r: Rng) -> str:
    name = r.choice(["db-credentials", "api-keys", "app-secrets", "smtp-auth"])
    ns = r.choice(["default", "prod", "payments", "staging"])
    items = []
    for key, val in [
        ("username", r.choice(["app", "admin", "svc"])),
        ("password", password(r)),
        (r.choice(["api-key", "token", "client-secret"]), cred(r)[1]),
    ]:
        enc = b64(val.encode())
        items.append(
            "  " + K(key + ":", "key") + " " + (S("k8s_secret_data", enc) if key != "username" else enc)
        )
    return (
        K(f"$ kubectl get secret {name} -n {ns} -o yaml", "cmd")
        + "\n"
        + line("apiVersion: v1")
        + "\ndata:\n"
        + "\n".join(items)
        + "\n"
        + line("kind: Secret")
        + "\nmetadata:\n  "
        + line(f'creationTimestamp: "{ts(r)}Z"')
        + "\n  "
        + line(f"name: {name}")
        + "\n  "
        + line(f"namespace: {ns}")
        + "\n  "
        + K(f"uid: {uuid4(r)}", "uuid")
        + "\n"
        + line("type: Opaque")
        + "\n"
    )


def k_kubectl_describe(r: Rng) -> str:
    n1, v1, c1 = cred(r)
    ip = private_ip(r)
    pod = f"api-{rs(r, LOW + DIG, 10)}-{rs(r, LOW + DIG, 5)}"
    return (
        K(f"$ kubectl describe pod {pod}", "cmd")
        + "\n"
        + line(f"Name:             {pod}")
        + "\n"
        + line("Namespace:        prod")
        + "\nIP:               "
        + S("private_ip", ip)
        + "\nContainers:\n  api:\n    "
        + line(f"Image:          ghcr.io/{company(r)}/api:{r.randrange(1, 9)}.{r.randrange(30)}.0")
        + "\n    "
        + line("Port:           8080/TCP")
        + "\n    Environment:\n      "
        + K(n1 + ":", "key")
        + "  "
        + S(c1, v1)
        + "\n      "
        + line("LOG_LEVEL:    debug")
        + "\n      DB_HOST:      "
        + S("private_ip", private_ip(r))
        + "\n      "
        + K("DB_PASSWORD:", "key")
        + "  "
        + K("<set to the key 'password' in secret 'db-credentials'>", "text")
        + "  "
        + line("Optional: false")
        + "\n"
    )


def k_docker_inspect(r: Rng) -> str:
    n1, v1, c1 = cred(r)
    pw = password(r)
    return (
        K("$ docker inspect --format '{{json .Config.Env}}' api | jq .", "cmd")
        + '\n[\n  "'
        + line("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        + '",\n  "'
        + K("POSTGRES_PASSWORD=", "key")
        + S("password", pw)
        + '",\n  "'
        + K(n1 + "=", "key")
        + S(c1, v1)
        + '",\n  "'
        + line("PYTHON_VERSION=3.12.7")
        + '",\n  "'
        + "GPG_KEY="
        + rs(r, "0123456789ABCDEF", 40)
        + '"\n]\n'
    )


def k_compose(r: Rng) -> str:
    pw = password(r)
    n, v, c = cred(r)
    return (
        K("$ cat docker-compose.yml", "cmd")
        + "\nservices:\n  db:\n    "
        + line("image: postgres:16-alpine")
        + "\n    environment:\n      "
        + K("POSTGRES_USER:", "key")
        + " app\n      "
        + K("POSTGRES_PASSWORD:", "key")
        + " "
        + S("password", pw)
        + "\n    ports:\n      - "
        + K('"5432:5432"', "value")
        + "\n  web:\n    "
        + line("build: .")
        + "\n    environment:\n      - DATABASE_URL=postgres://"
        + K("app", "user")
        + ":"
        + S("db_connection_password", pw)
        + "@"
        + K("db:5432/app", "host")
        + "\n      - "
        + env_line(r, n, v, c)
        + "\n    "
        + line("depends_on: [db]")
        + "\n"
    )


def k_curl_verbose(r: Rng) -> str:
    c = company(r)
    h = f"api.{c}.com"
    x = r.random()
    if x < 0.4:
        scheme, val, cls = "Bearer", jwt(r), "jwt"
    elif x < 0.7:
        scheme, val, cls = "Bearer", rs(r, B62, 40), "auth_header"
    else:
        user = username(r)
        scheme, val, cls = "Basic", b64(f"{user}:{password(r)}".encode()), "auth_header"
    sess = b64url(rbytes(r, 24))
    return (
        K(f"$ curl -v https://{h}/v2/orders?limit=20", "cmd")
        + "\n*   "
        + f"Trying {r.randrange(20, 200)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(256)}:443..."
        + "\n* "
        + line(f"Connected to {h} port 443")
        + "\n* "
        + line("SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384")
        + "\n> "
        + line("GET /v2/orders?limit=20 HTTP/2")
        + "\n> "
        + line(f"Host: {h}")
        + "\n> "
        + line("User-Agent: curl/8.5.0")
        + "\n> "
        + K("Authorization:", "header")
        + " "
        + K(scheme, "scheme")
        + " "
        + S(cls, val)
        + "\n> "
        + line("Accept: */*")
        + "\n>\n< "
        + line("HTTP/2 200")
        + "\n< "
        + line("content-type: application/json; charset=utf-8")
        + "\n< "
        + K("set-cookie:", "header")
        + " "
        + K(r.choice(["session", "sid", "_app_session"]) + "=", "key")
        + S("cookie_session", sess)
        + "; "
        + K(
            f"Path=/; Expires=Sat, 0{r.randrange(1, 9)} Jan 2027 10:00:00 GMT; HttpOnly; Secure; SameSite=Lax",
            "cookie_attr",
        )
        + "\n< "
        + K(f"x-request-id: {uuid4(r)}", "uuid")
        + "\n<\n"
        + line('{"orders":[],"next":null}')
        + "\n"
    )


def k_requests_debug(r: Rng) -> str:
    c = company(r)
    header, cls = r.choice(
        [
            ("X-Api-Key:", "google_api_key"),
            ("X-Api-Key:", "anthropic_key"),
            ("X-Shopify-Access-Token:", "shopify_token"),
            ("X-Api-Key:", "generic_secret"),
        ]
    )
    v = {"google_api_key": google_key, "anthropic_key": anthropic_key, "shopify_token": shopify_token}.get(
        cls, generic_value
    )(r)
    ck = rs(r, HEX, 32)
    return (
        line("DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): " + f"api.{c}.io:443")
        + "\nsend: b'"
        + K(f"POST /v1/events HTTP/1.1\\r\\nHost: api.{c}.io\\r\\n", "text")
        + K(header, "header")
        + " "
        + S(cls, v)
        + "\\r\\n"
        + K("Cookie:", "header")
        + " "
        + K("csrftoken=", "key")
        + S("cookie_session", ck)
        + "; "
        + K("theme=dark; lang=en", "cookie_attr")
        + "\\r\\n"
        + K("Content-Type: application/json\\r\\n\\r\\n", "text")
        + "'\nreply: "
        + line("'HTTP/1.1 202 Accepted\\r\\n'")
        + "\n"
        + line("DEBUG:urllib3.connectionpool:https://api." + c + '.io:443 "POST /v1/events HTTP/1.1" 202 0')
        + "\n"
    )


def k_app_yaml(r: Rng) -> str:
    c = company(r)
    n, v, cls = cred(r)
    return (
        K("$ cat config/production.yaml", "cmd")
        + "\n"
        + line("server:")
        + "\n  "
        + line("port: 8080")
        + "\ndatabase:\n  "
        + K("host:", "key")
        + " "
        + S("private_ip", private_ip(r))
        + "\n  "
        + line(f"name: {dbname(r)}")
        + "\n  "
        + K("password:", "key")
        + " "
        + S("password", password(r))
        + "   "
        + K("# TODO move to vault", "comment")
        + "\nredis:\n  "
        + K("url:", "key")
        + " "
        + db_url(r)
        + "\nsmtp:\n  "
        + line(f"host: smtp.{c}.com")
        + "\n  "
        + K("user:", "key")
        + " "
        + S("email", email(r))
        + "\n  "
        + K("pass:", "key")
        + " "
        + S("password", password(r))
        + "\n"
        + K(n.lower() + ":", "key")
        + " "
        + S(cls, v)
        + "\n"
        + line("feature_flags: [new_checkout, dark_mode]")
        + "\n"
    )


def k_appsettings(r: Rng) -> str:
    h = f"{company(r)}-sql.database.windows.net"
    user = r.choice(["sqladmin", "appuser"])
    acct = company(r).replace("-", "") + "store"
    key = b64(rbytes(r, 64))
    return (
        "{\n  "
        + K('"ConnectionStrings": {', "line")
        + '\n    "Default": "'
        + K(f"Server=tcp:{h},1433;Initial Catalog={dbname(r)};User ID={user};", "text")
        + K("Password=", "key")
        + S("db_connection_password", password(r))
        + ";"
        + K("Encrypt=True;TrustServerCertificate=False;", "text")
        + '",\n    "Storage": "'
        + K(f"DefaultEndpointsProtocol=https;AccountName={acct};", "text")
        + K("AccountKey=", "key")
        + S("azure_key", key)
        + ";"
        + K("EndpointSuffix=core.windows.net", "text")
        + '"\n  },\n  '
        + K('"AzureAd": {', "line")
        + '\n    "'
        + K(f'TenantId": "{uuid4(r)}",', "uuid")
        + '\n    "'
        + K('ClientSecret": "', "key")
        + S("azure_key", rs(r, B62, 3) + "8Q~" + rs(r, B62 + "_-.~", 34))
        + '"\n  },\n  '
        + line('"Logging": { "LogLevel": { "Default": "Information" } }')
        + "\n}\n"
    )


def k_toml(r: Rng) -> str:
    return (
        K("$ cat ~/.cargo/credentials.toml", "cmd")
        + "\n"
        + line("[registry]")
        + "\n"
        + K("token = ", "key")
        + '"'
        + S("vendor_other", "ci" + "o" + rs(r, B62, 32))
        + '"\n\n'
        + K("$ cat pyproject.toml | sed -n '40,52p'", "cmd")
        + "\n"
        + line("[[tool.poetry.source]]")
        + "\n"
        + line('name = "internal"')
        + "\n"
        + 'url = "https://'
        + K("__token__", "user")
        + ":"
        + S("pypi_token", pypi_token(r))
        + "@"
        + K(f"pypi.{company(r)}.dev/simple/", "host")
        + '"\n'
        + line('priority = "supplemental"')
        + "\n"
    )


def k_aws_credentials(r: Rng) -> str:
    out = [K("$ cat ~/.aws/credentials", "cmd")]
    for prof in r.sample(["default", "prod", "staging", "billing-admin"], 2):
        out += [
            line(f"[{prof}]"),
            K("aws_access_key_id", "key") + " = " + S("aws_access_key_id", aws_key_id(r)),
            K("aws_secret_access_key", "key") + " = " + S("aws_secret_key", aws_secret(r)),
            line(f"region = {r.choice(['us-east-1', 'eu-west-1', 'eu-central-1'])}"),
            *(
                [K("aws_session_token", "key") + " = " + S("aws_session_token", aws_session(r))]
                if prof != "default"
                else []
            ),
            "",
        ]
    return "\n".join(out)


def k_pip_conf(r: Rng) -> str:
    u = svc_user(r)
    return (
        K("$ pip config list", "cmd")
        + "\nglobal.index-url='https://"
        + K(u, "user")
        + ":"
        + S("url_credential", password(r))
        + "@"
        + K(f"nexus.{company(r)}.com/repository/pypi/simple", "host")
        + "'\n"
        + line("global.timeout='60'")
        + "\n"
        + line("install.trusted-host='nexus'")
        + "\n"
    )


def k_pypirc(r: Rng) -> str:
    return (
        K("$ cat ~/.pypirc", "cmd")
        + "\n"
        + line("[distutils]")
        + "\n"
        + line("index-servers = pypi testpypi")
        + "\n\n"
        + line("[pypi]")
        + "\n"
        + line("username = __token__")
        + "\n"
        + K("password = ", "key")
        + S("pypi_token", pypi_token(r))
        + "\n\n"
        + line("[testpypi]")
        + "\n"
        + line("repository = https://test.pypi.org/legacy/")
        + "\n"
    )


def k_npmrc(r: Rng) -> str:
    c = company(r)
    return (
        K("$ cat ~/.npmrc", "cmd")
        + "\n"
        + K("//registry.npmjs.org/:_authToken=", "key")
        + S("npm_token", npm_token(r))
        + "\n"
        + K(f"@{c}:registry=https://npm.pkg.github.com", "line")
        + "\n"
        + K("//npm.pkg.github.com/:_authToken=", "key")
        + S("github_token", gh_token(r))
        + "\n"
        + line("save-exact=true")
        + "\n"
    )


def k_maven_settings(r: Rng) -> str:
    c = company(r)
    return (
        "<settings>\n  <servers>\n    <server>\n      "
        + line(f"<id>{c}-releases</id>")
        + "\n      <username>"
        + K("deployer", "user")
        + "</username>\n      "
        + K("<password>", "key")
        + S("password", password(r))
        + "</password>\n    </server>\n    <server>\n      "
        + line("<id>github</id>")
        + "\n      "
        + K("<password>", "key")
        + S("github_token", gh_token(r))
        + "</password>\n    </server>\n  </servers>\n  "
        + line("<offline>false</offline>")
        + "\n</settings>\n"
    )


def k_terraform(r: Rng) -> str:
    return (
        K("$ cat providers.tf", "cmd")
        + '\nprovider "digitalocean" {\n  '
        + K("token = ", "key")
        + '"'
        + S("digitalocean_token", do_token(r))
        + '"\n}\n\n'
        + line('provider "aws" {')
        + "\n  "
        + line(f'region     = "{r.choice(["us-east-1", "eu-west-2"])}"')
        + "\n  "
        + K("access_key = ", "key")
        + '"'
        + S("aws_access_key_id", aws_key_id(r))
        + '"\n  '
        + K("secret_key = ", "key")
        + '"'
        + S("aws_secret_key", aws_secret(r))
        + '"\n}\n\n'
        + line('variable "db_password" {')
        + "\n  "
        + line("sensitive = true")
        + "\n  "
        + K("default   = ", "key")
        + '"'
        + S("password", password(r))
        + '"\n}\n'
    )


def k_tf_plan(r: Rng) -> str:
    pw = password(r)
    return (
        K("$ terraform plan -no-color | head -30", "cmd")
        + "\n  "
        + line("# aws_db_instance.main will be updated in-place")
        + '\n  ~ resource "aws_db_instance" "main" {\n      '
        + line('id                = "main-db"')
        + "\n      "
        + line("~ password          = (sensitive value)")
        + "\n    }\n\n  "
        + line("# null_resource.migrate must be replaced")
        + '\n      ~ triggers = {\n          ~ "cmd" = "psql -h '
        + K(host(r), "host")
        + " -U "
        + K("admin", "user")
        + " -c \\\"ALTER ROLE app PASSWORD '"
        + S("cli_password", pw)
        + '\'\\"" -> (known after apply)\n        }\n\n'
        + line("Plan: 1 to add, 1 to change, 1 to destroy.")
        + "\n"
    )


def k_python_settings(r: Rng) -> str:
    n, v, c = vendor_cred(r)
    u = r.choice(["django", "app"])
    return (
        K("$ sed -n '20,44p' config/settings.py", "cmd")
        + "\n"
        + K("SECRET_KEY", "key")
        + " = "
        + '"'
        + S(
            "generic_secret",
            "django-insecure-" + rs(r, LOW + DIG + "!@#%^&*(-_=+)", 50)
            if r.random() < 0.3
            else rs(r, B62 + "!@#%^&*-_=+", 50),
        )
        + '"\n'
        + line("DEBUG = False")
        + "\n"
        + line('ALLOWED_HOSTS = [".' + company(r) + '.com"]')
        + "\n\n"
        + line("DATABASES = {")
        + "\n    "
        + line('"default": {')
        + "\n        "
        + line('"ENGINE": "django.db.backends.postgresql",')
        + "\n        "
        + K('"USER": "' + u + '",', "line")
        + "\n        "
        + K('"PASSWORD": ', "key")
        + '"'
        + S("password", password(r))
        + '",\n        "HOST": "'
        + S("private_ip", private_ip(r))
        + '",\n    }\n}\n'
        + K(n, "key")
        + " = os.environ.get("
        + K(f'"{n}"', "text")
        + ', "'
        + S(c, v)
        + '")\n'
    )


def k_js_source(r: Rng) -> str:
    return (
        line("import OpenAI from 'openai';")
        + "\n"
        + line("import Anthropic from '@anthropic-ai/sdk';")
        + "\n\n"
        + K("const openai = new OpenAI({ apiKey: ", "code")
        + "'"
        + S("openai_key", openai_key(r))
        + "' });\n"
        + K("const anthropic = new Anthropic({ apiKey: ", "code")
        + '"'
        + S("anthropic_key", anthropic_key(r))
        + '" });\n'
        + line("export async function summarize(text) {")
        + "\n  "
        + line("const res = await anthropic.messages.create({ model, max_tokens: 512, messages });")
        + "\n  "
        + line("return res.content[0].text;")
        + "\n}\n"
    )


def k_go_source(r: Rng) -> str:
    return (
        line("package main")
        + "\n\n"
        + line('import "database/sql"')
        + "\n\n"
        + K("const slackToken = ", "code")
        + '"'
        + S("slack_token", slack_token(r))
        + '"\n\n'
        + line("func openDB() (*sql.DB, error) {")
        + '\n\treturn sql.Open("postgres", "'
        + db_url(r)
        + '")\n}\n'
        + line("func main() {")
        + "\n\t"
        + line("db, err := openDB()")
        + "\n\t"
        + line('if err != nil { log.Fatalf("open: %v", err) }')
        + "\n}\n"
    )


def k_java_props(r: Rng) -> str:
    h = host(r)
    return (
        K("$ cat src/main/resources/application.properties", "cmd")
        + "\n"
        + line(f"spring.datasource.url=jdbc:postgresql://{h}:5432/{dbname(r)}")
        + "\n"
        + line("spring.datasource.username=app")
        + "\n"
        + K("spring.datasource.password=", "key")
        + S("password", password(r))
        + "\n"
        + K("spring.mail.username=", "key")
        + S("email", email(r))
        + "\n"
        + K("spring.mail.password=", "key")
        + S("password", password(r))
        + "\n"
        + K("sendgrid.api-key=", "key")
        + S("sendgrid_key", sendgrid_key(r))
        + "\n"
        + line("management.endpoints.web.exposure.include=health,info")
        + "\n"
    )


def k_ruby(r: Rng) -> str:
    return (
        line("# config/initializers/stripe.rb")
        + "\n"
        + K("Stripe.api_key = ", "code")
        + "'"
        + S("stripe_key", stripe_key(r))
        + "'\n"
        + line("Stripe.api_version = '2024-06-20'")
        + "\n\n"
        + line("# config/initializers/shopify.rb")
        + "\n"
        + line("ShopifyAPI::Context.setup(")
        + "\n  "
        + K("api_key: ", "key")
        + "'"
        + rs(r, HEX, 32)
        + "',\n  "
        + K("api_secret_key: ", "key")
        + "'"
        + S("shopify_token", shopify_token(r))
        + "',\n  "
        + line('host_name: "' + company(r) + '.myshopify.com",')
        + "\n)\n"
    )


def k_rust(r: Rng) -> str:
    return (
        line("use hf_hub::api::sync::ApiBuilder;")
        + "\n\n"
        + line("fn main() -> anyhow::Result<()> {")
        + "\n    "
        + K("let api = ApiBuilder::new().with_token(Some(", "code")
        + '"'
        + S("huggingface_token", hf_token(r))
        + '".into())).build()?;\n    '
        + line('let repo = api.model("sentence-transformers/all-MiniLM-L6-v2".to_string());')
        + "\n    "
        + line('let weights = repo.get("model.safetensors")?;')
        + "\n    "
        + line("Ok(())")
        + "\n}\n"
    )


def k_csharp(r: Rng) -> str:
    sid = "A" + "C" + rs(r, HEX, 32)
    return (
        line("using Twilio;")
        + "\n"
        + line("using Twilio.Rest.Api.V2010.Account;")
        + "\n\n"
        + K("TwilioClient.Init(", "code")
        + '"'
        + S("twilio_key", twilio_key(r))
        + '", "'
        + S("generic_secret", rs(r, B62, 32))
        + '", "'
        + sid
        + '");\n'
        + line("var message = MessageResource.Create(")
        + "\n    "
        + K("to: new Twilio.Types.PhoneNumber(", "code")
        + '"'
        + S("phone", phone(r))
        + '"),\n    '
        + line('body: "Your verification code is ready");')
        + "\n"
    )


def k_php(r: Rng) -> str:
    return (
        K("$ grep -n DB_ wp-config.php", "cmd")
        + "\n"
        + line("23:define( 'DB_NAME', 'wordpress' );")
        + "\n"
        + line("26:define( 'DB_USER', 'wp_admin' );")
        + "\n29:"
        + K("define( 'DB_PASSWORD', ", "key")
        + "'"
        + S("password", password(r))
        + "' );\n32:define( 'DB_HOST', '"
        + S("private_ip", private_ip(r))
        + "' );\n"
        + line("35:define( 'DB_CHARSET', 'utf8mb4' );")
        + "\n"
        + "51:"
        + K("define( 'AUTH_KEY', ", "key")
        + "'"
        + S("generic_secret", rs(r, B62 + "!@#%^&*()-_[]{}<>~+=,.;:/?|", 64))
        + "' );\n"
    )


def k_shell_script(r: Rng) -> str:
    u = svc_user(r)
    n, v, c = cred(r)
    return (
        K("$ cat scripts/deploy.sh", "cmd")
        + "\n"
        + line("#!/usr/bin/env bash")
        + "\n"
        + line("set -euo pipefail")
        + "\nexport "
        + env_line(r, n, v, c, "=", '"')
        + "\n"
        + K("curl -fsS -u ", "code")
        + K(u, "user")
        + ":"
        + S("cli_password", password(r))
        + " "
        + K(f"https://jenkins.{company(r)}.com/job/deploy/buildWithParameters", "url")
        + "\nrsync -az dist/ "
        + K("deploy", "user")
        + "@"
        + S("private_ip", private_ip(r))
        + K(":/srv/www/", "path")
        + "\n"
        + line('echo "deployed $(git rev-parse --short HEAD)"')
        + "\n"
    )


def home(r: Rng, u: str) -> str:
    k = r.randrange(3)
    if k == 0:
        return "/home/" + S("home_user", u)
    if k == 1:
        return "/Users/" + S("home_user", u)
    return "C:\\Users\\" + S("home_user", u)


def k_py_traceback(r: Rng) -> str:
    u = username(r)
    proj = r.choice(["billing", "ingest", "api", "worker"])
    h = home(r, u)
    sep = "\\" if "C:" in h else "/"

    def p(*xs: str) -> str:
        return sep.join(xs)

    return (
        line("Traceback (most recent call last):")
        + '\n  File "'
        + h
        + K(p("", "src", proj, "app", "db.py"), "path")
        + '", line 42, in connect\n    '
        + line("return psycopg.connect(dsn)")
        + '\n  File "'
        + h
        + K(
            p("", "src", proj, ".venv", "lib", "python3.12", "site-packages", "psycopg", "connection.py"),
            "path",
        )
        + '", line 119, in connect\n    '
        + line("raise last_ex.with_traceback(None)")
        + '\npsycopg.OperationalError: connection to server at "'
        + S("private_ip", private_ip(r))
        + '", port 5432 failed: FATAL:  password authentication failed for user "'
        + K("app", "user")
        + '"\n'
        + line("During handling of the above exception, another exception occurred:")
        + "\n"
        + K("dsn = ", "key")
        + "'"
        + K("host=db dbname=app user=app", "text")
        + " "
        + K("password=", "key")
        + S("db_connection_password", password(r))
        + "'\n"
    )


def k_node_trace(r: Rng) -> str:
    u = username(r)
    _n, v, c = vendor_cred(r)
    h = "/Users/" + S("home_user", u) if r.random() < 0.6 else "/home/" + S("home_user", u)
    return (
        line("AxiosError: Request failed with status code 401")
        + "\n    at settle ("
        + h
        + K("/code/web/node_modules/axios/lib/core/settle.js:19:12)", "path")
        + "\n    at IncomingMessage.handleStreamEnd ("
        + h
        + K("/code/web/node_modules/axios/lib/adapters/http.js:589:11)", "path")
        + "\n  config: {\n    headers: {\n      "
        + line("Accept: 'application/json, text/plain, */*',")
        + "\n      "
        + K("Authorization:", "header")
        + " '"
        + K("Bearer", "scheme")
        + " "
        + S(c, v)
        + "',\n      "
        + line("'User-Agent': 'axios/1.7.7'")
        + "\n    },\n    "
        + K(f"url: 'https://api.{company(r)}.com/v1/me'", "url")
        + "\n  }\n"
    )


def k_java_trace(r: Rng) -> str:
    u = username(r)
    pw = password(r)
    h = host(r)
    return (
        line(
            'Exception in thread "main" org.postgresql.util.PSQLException: FATAL: password authentication failed'
        )
        + "\n\t"
        + line(
            "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)"
        )
        + "\n\t"
        + line("at com." + company(r).replace("-", "") + ".etl.Main.main(Main.java:31)")
        + "\n"
        + K("Caused by: url=", "text")
        + "jdbc:postgresql://"
        + K(h + ":5432/" + dbname(r), "host")
        + "?"
        + K("user=etl", "param")
        + "&"
        + K("password=", "key")
        + S("db_connection_password", pw)
        + "&"
        + K("ssl=true", "param")
        + "\n"
        + K("Working directory: ", "text")
        + "C:\\Users\\"
        + S("home_user", u)
        + K("\\IdeaProjects\\etl", "path")
        + "\n"
    )


def k_psql(r: Rng) -> str:
    rows = []
    for i in range(r.randrange(2, 4)):
        f, last = person(r)
        rows.append(
            f" {K(str(1000 + i), 'id')} | {f.capitalize()} {last.capitalize()} | "
            + S("email", email(r, (f, last)))
            + " | "
            + S("phone", phone(r))
            + " | "
            + S("ssn", ssn(r))
        )
    return (
        '$ psql "'
        + db_url(r, "postgres")
        + '"\n'
        + line("psql (16.4)")
        + "\n"
        + line("app=> SELECT id, name, email, phone, ssn FROM customers LIMIT 3;")
        + "\n"
        + line("  id  |      name      |          email           |      phone      |     ssn")
        + "\n"
        + "\n".join(rows)
        + "\n"
        + line(f"({len(rows)} rows)")
        + "\n"
    )


def k_mysql(r: Rng) -> str:
    rows = []
    for i in range(r.randrange(2, 4)):
        rows.append(
            f"| {K(str(i + 1), 'id')} | "
            + S("credit_card", card(r))
            + f" | {K(f'{r.randrange(1, 13):02d}/{r.randrange(27, 32)}', 'expiry')} | "
            + S("email", email(r))
            + " |"
        )
    return (
        K("$ mysql -h ", "cmd")
        + S("private_ip", private_ip(r))
        + K(" -u root", "cmd")
        + " -p"
        + S("cli_password", password(r))
        + K(" shop", "cmd")
        + "\n"
        + line("mysql: [Warning] Using a password on the command line interface can be insecure.")
        + "\n"
        + line("mysql> SELECT id, card_number, expiry, email FROM payments_legacy LIMIT 3;")
        + "\n"
        + "\n".join(rows)
        + "\n"
        + line(f"{len(rows)} rows in set (0.01 sec)")
        + "\n"
    )


def k_sql_inserts(r: Rng) -> str:
    out = [K("$ head -n 6 fixtures/seed_users.sql", "cmd"), line("BEGIN;")]
    for i in range(r.randrange(2, 4)):
        f, last = person(r)
        out.append(
            K("INSERT INTO users (id, name, email, iban) VALUES (", "code")
            + f"{i + 1}, '{f.capitalize()} {last.capitalize()}', '"
            + S("email", email(r, (f, last)))
            + "', '"
            + S("iban", iban(r))
            + "');"
        )
    out.append(line("COMMIT;"))
    return "\n".join(out) + "\n"


def k_git_remote(r: Rng) -> str:
    c = company(r)
    tok = gh_token(r)
    return (
        K("$ git remote -v", "cmd")
        + "\norigin\thttps://"
        + S("github_token", tok)
        + "@"
        + K(f"github.com/{c}/{c}-web.git", "host")
        + " (fetch)\norigin\thttps://"
        + S("github_token", tok)
        + "@"
        + K(f"github.com/{c}/{c}-web.git", "host")
        + " (push)\n"
        + K("$ git push origin main", "cmd")
        + "\n"
        + line(f"To github.com:{c}/{c}-web.git")
        + "\n   "
        + K(f"{sha(r, 7)}..{sha(r, 7)}", "sha")
        + "  "
        + line("main -> main")
        + "\n"
    )


def k_git_log(r: Rng) -> str:
    out = [K("$ git log -3 --format=fuller", "cmd")]
    for _ in range(3):
        f, last = person(r)
        out += [
            "commit " + K(sha(r), "sha"),
            K("Author:", "key")
            + f"     {f.capitalize()} {last.capitalize()} <"
            + S("email", email(r, (f, last)))
            + ">",
            line(
                f"AuthorDate: Tue Oct {r.randrange(1, 28)} 1{r.randrange(10)}:0{r.randrange(10)}:11 2026 +0200"
            ),
            "",
            "    "
            + line(r.choice(["Fix retry loop in uploader", "Add pagination to orders API", "Bump deps"])),
            "",
        ]
    return "\n".join(out)


def k_git_config(r: Rng) -> str:
    u = username(r)
    return (
        K("$ git config --list --show-origin | head", "cmd")
        + "\nfile:/home/"
        + S("home_user", u)
        + K("/.gitconfig", "path")
        + "\t"
        + K("user.email=", "key")
        + S("email", email(r))
        + "\nfile:/home/"
        + S("home_user", u)
        + K("/.gitconfig", "path")
        + "\t"
        + line("init.defaultbranch=main")
        + "\nfile:.git/config\t"
        + K("remote.origin.url=", "key")
        + "https://"
        + K("oauth2", "user")
        + ":"
        + S("gitlab_token", gitlab_token(r))
        + "@"
        + K(f"gitlab.com/{company(r)}/backend.git", "host")
        + "\nfile:.git/config\t"
        + line("branch.main.remote=origin")
        + "\n"
    )


def k_pytest_fail(r: Rng) -> str:
    u = username(r)
    _n, v, c = cred(r)
    e = email(r)
    return (
        line("=================================== FAILURES ===================================")
        + "\n"
        + line("___________________________ test_client_headers ____________________________")
        + "\n\n"
        + line("    def test_client_headers():")
        + "\n"
        + line(">       assert client.headers == expected")
        + "\n"
        + K("E       AssertionError: assert {'X-Token': '", "text")
        + S(c, v)
        + "'} == {'X-Token': '***'}\n"
        + K("E         Differing items:", "text")
        + "\n\n"
        + "/home/"
        + S("home_user", u)
        + K("/work/sdk/tests/test_client.py:57: AssertionError", "path")
        + "\n"
        + line("----------------------------- Captured log call ------------------------------")
        + "\n"
        + K("INFO     sdk.client:client.py:88 login as ", "text")
        + S("email", e)
        + "\n"
        + line("=========================== short test summary info ============================")
        + "\n"
        + line("FAILED tests/test_client.py::test_client_headers - AssertionError")
        + "\n"
    )


def k_jest_fail(r: Rng) -> str:
    _n, v, c = vendor_cred(r)
    return (
        line(" FAIL  src/__tests__/config.test.ts")
        + "\n  "
        + line("\u25cf loadConfig \u203a reads the key from the environment")
        + "\n\n    "
        + line("expect(received).toEqual(expected) // deep equality")
        + "\n\n    "
        + line("- Expected  - 1")
        + "\n    "
        + line("+ Received  + 1")
        + "\n\n      "
        + line("Object {")
        + '\n    -   "apiKey": "test-key",\n    +   '
        + K('"apiKey": ', "key")
        + '"'
        + S(c, v)
        + '",\n        '
        + line('"region": "eu",')
        + "\n      }\n\n"
        + line("Tests:       1 failed, 14 passed, 15 total")
        + "\n"
    )


def k_notebook(r: Rng) -> str:
    n, v, c = vendor_cred(r)
    return (
        '{\n "cells": [\n  {\n   "cell_type": "code",\n   '
        + line('"execution_count": 3,')
        + '\n   "source": [\n    '
        + line('"import os\\n",')
        + '\n    "'
        + K('os.environ[\\"' + n + '\\"] = ', "code")
        + '\\"'
        + S(c, v)
        + '\\"\\n",\n    '
        + line('"client = make_client()"')
        + '\n   ],\n   "outputs": [\n    {\n     "name": "stdout",\n     "text": [\n      "'
        + K("Logged in as ", "text")
        + S("email", email(r))
        + '\\n"\n     ]\n    }\n   ]\n  }\n ],\n '
        + line('"nbformat": 4,')
        + "\n "
        + line('"nbformat_minor": 5')
        + "\n}\n"
    )


def k_ssh_session(r: Rng) -> str:
    ip = private_ip(r)
    u = r.choice(["ubuntu", "ec2-user", "deploy", "admin"])
    return (
        K("$ sshpass -p ", "cmd")
        + "'"
        + S("cli_password", password(r))
        + "' ssh -o StrictHostKeyChecking=no "
        + K(u, "user")
        + "@"
        + S("private_ip", ip)
        + "\n"
        + line("Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-1016-aws x86_64)")
        + "\n"
        + K("Last login: ", "text")
        + f"Mon Nov  3 09:1{r.randrange(10)}:02 2026 from "
        + S("private_ip", private_ip(r))
        + "\n"
        + K(f"{u}@ip:~$ cat ~/.ssh/id_ed25519", "cmd")
        + "\n"
        + pem_block(r, "OPENSSH ")
        + "\n"
        + K(f"{u}@ip:~$ exit", "cmd")
        + "\n"
    )


def k_pem_read(r: Rng) -> str:
    kind = r.choice(["", "RSA ", "EC "])
    f = r.choice(["certs/server.key", "tls.key", "deploy/key.pem", "secrets/jwt-signing.pem"])
    return (
        K(f"$ cat {f}", "cmd")
        + "\n"
        + pem_block(r, kind)
        + "\n"
        + K(f"$ openssl rsa -in {f} -check -noout", "cmd")
        + "\n"
        + line("RSA key ok" if kind != "EC " else "EC Key valid.")
        + "\n"
    )


def k_service_account(r: Rng) -> str:
    proj = company(r) + "-" + str(r.randrange(100000, 999999))
    kind = ""
    body = pem_body(r, kind).replace("\n", "\\n")
    return (
        K("$ cat gcp-sa.json", "cmd")
        + "\n{\n  "
        + line('"type": "service_account",')
        + '\n  "project_id": "'
        + K(proj, "value")
        + '",\n  '
        + K('"private_key_id": ', "key")
        + '"'
        + S("service_account_key_id", sha(r))
        + '",\n  '
        + K('"private_key": ', "key")
        + '"'
        + BEGIN
        + PK
        + "\\n"
        + S("private_key", body)
        + "\\n"
        + END
        + PK
        + '\\n",\n  "client_email": "deployer@'
        + proj
        + '.iam.gserviceaccount.com",\n  '
        + K('"client_id": "' + rs(r, DIG, 21) + '",', "line")
        + "\n  "
        + line('"token_uri": "https://oauth2.googleapis.com/token",')
        + "\n  "
        + line('"universe_domain": "googleapis.com"')
        + "\n}\n"
    )


def k_kubeconfig(r: Rng) -> str:
    key_b64 = b64((BEGIN + "EC " + PK + "\n" + pem_body(r, "EC ") + "\n" + END + "EC " + PK + "\n").encode())
    return (
        K("$ kubectl config view --raw", "cmd")
        + "\n"
        + line("apiVersion: v1")
        + "\nclusters:\n- cluster:\n    "
        + K("server: https://", "key")
        + S("private_ip", private_ip(r))
        + K(":6443", "port")
        + "\n  "
        + line("name: " + company(r) + "-prod")
        + "\nusers:\n- name: admin\n  user:\n    "
        + K("client-key-data:", "key")
        + " "
        + S("private_key", key_b64)
        + "\n- name: ci\n  user:\n    "
        + K("token:", "key")
        + " "
        + S("jwt", jwt(r))
        + "\n"
        + line("current-context: prod")
        + "\n"
    )


def k_docker_config(r: Rng) -> str:
    u = username(r)
    auth = b64(f"{u}:{password(r)}".encode())
    return (
        K("$ cat ~/.docker/config.json", "cmd")
        + '\n{\n  "auths": {\n    '
        + K('"' + f"registry.{company(r)}.io" + '": {', "line")
        + "\n      "
        + K('"auth": ', "key")
        + '"'
        + S("auth_header", auth)
        + '"\n    },\n    '
        + K('"ghcr.io": {', "line")
        + "\n      "
        + K('"auth": ', "key")
        + '"'
        + S("auth_header", b64(f"{u}:{gh_token(r)}".encode()))
        + '"\n    }\n  },\n  '
        + line('"credsStore": "desktop"')
        + "\n}\n"
    )


def k_aws_sts(r: Rng) -> str:
    return (
        K("$ aws sts assume-role --role-arn arn:aws:iam::", "cmd")
        + K(rs(r, DIG, 12) + ":role/deploy --role-session-name ci", "cmd")
        + '\n{\n    "Credentials": {\n        '
        + K('"AccessKeyId": ', "key")
        + '"'
        + S("aws_access_key_id", aws_key_id(r, True))
        + '",\n        '
        + K('"SecretAccessKey": ', "key")
        + '"'
        + S("aws_secret_key", aws_secret(r))
        + '",\n        '
        + K('"SessionToken": ', "key")
        + '"'
        + S("aws_session_token", aws_session(r))
        + '",\n        '
        + line(f'"Expiration": "{ts(r)}+00:00"')
        + '\n    },\n    "AssumedRoleUser": {\n        '
        + '"AssumedRoleId": "AROA'
        + rs(r, UP + "234567", 17)
        + ':ci",'
        + "\n    }\n}\n"
    )


def k_heroku_config(r: Rng) -> str:
    app = company(r) + "-prod"
    out = [
        K("$ heroku config -a " + app, "cmd"),
        line("=== " + app + " Config Vars"),
    ]
    out.append(K("DATABASE_URL:", "key") + "          " + db_url(r, "postgres"))
    for _ in range(r.randrange(3, 6)):
        n, v, c = cred(r)
        out.append(K(n + ":", "key") + " " * max(1, 22 - len(n)) + S(c, v))
    out.append(line("WEB_CONCURRENCY:       2"))
    return "\n".join(out) + "\n"


def k_customer_json(r: Rng) -> str:
    f, last = person(r)
    return (
        K(f"$ curl -s https://api.{company(r)}.com/internal/customers/{r.randrange(10**5)} | jq .", "cmd")
        + "\n{\n  "
        + K(f'"id": "cus_{rs(r, B62, 14)}",', "line")
        + '\n  "name": "'
        + f"{f.capitalize()} {last.capitalize()}"
        + '",\n  '
        + K('"email": ', "key")
        + '"'
        + S("email", email(r, (f, last)))
        + '",\n  '
        + K('"phone": ', "key")
        + '"'
        + S("phone", phone(r))
        + '",\n  '
        + K('"tax_id": ', "key")
        + '"'
        + S("ssn", ssn(r))
        + '",\n  '
        + K('"bank_account": ', "key")
        + '"'
        + S("iban", iban(r))
        + '",\n  '
        + line('"status": "active",')
        + "\n  "
        + line(f'"created": "{ts(r)}Z"')
        + "\n}\n"
    )


def k_payment_log(r: Rng) -> str:
    out = []
    for _ in range(r.randrange(2, 4)):
        t = ts(r)
        out.append(
            K(f'{{"ts":"{t}Z","level":"error","msg":"charge declined","card":"', "text")
            + S("credit_card", card(r))
            + K(f'","amount":{r.randrange(100, 99999)},"currency":"eur"}}', "text")
        )
    out.append(
        K('{"level":"info","msg":"payout","iban":"', "text")
        + S("iban", iban(r))
        + K('","status":"queued"}', "text")
    )
    return "\n".join(out) + "\n"


def k_nginx_log(r: Rng) -> str:
    out = [K("$ tail -n 4 /var/log/nginx/access.log", "cmd")]
    for _ in range(r.randrange(2, 4)):
        ip = private_ip(r)
        x = r.random()
        if x < 0.5:
            q = (
                K("/api/v1/reset?", "path")
                + K("email=", "param")
                + S("email", url_enc(email(r)))
                + K("&lang=en", "param")
            )
        else:
            q = (
                K("/download/report.csv?", "path")
                + K("access_token=", "param")
                + S("url_query_token", rs(r, B62, 32))
            )
        out.append(
            S("private_ip", ip)
            + K(f' - - [03/Nov/2026:1{r.randrange(10)}:2{r.randrange(10)}:07 +0000] "GET ', "text")
            + q
            + K(' HTTP/1.1" 200 512 "-" "Mozilla/5.0"', "text")
        )
    return "\n".join(out) + "\n"


def k_webhooks(r: Rng) -> str:
    slack = "T" + rs(r, UP + DIG, 10) + "/B" + rs(r, UP + DIG, 10) + "/"
    return (
        K("$ cat alertmanager.yml", "cmd")
        + "\n"
        + line("receivers:")
        + "\n  - "
        + line("name: oncall")
        + "\n    slack_configs:\n      - "
        + K("api_url: https://hooks.slack.com/services/", "key")
        + K(slack, "path")
        + S("webhook_secret", rs(r, B62, 24))
        + "\n        "
        + line("channel: '#alerts'")
        + "\n  - "
        + line("name: discord")
        + "\n    webhook_configs:\n      - "
        + K("url: https://discord.com/api/webhooks/", "key")
        + K(rs(r, DIG, 19) + "/", "path")
        + S("webhook_secret", rs(r, B64URL, 68))
        + "\n"
    )


def k_presigned(r: Rng) -> str:
    c = company(r)
    date = f"2026{r.randrange(1, 13):02d}{r.randrange(1, 28):02d}"
    sas = b64(rbytes(r, 32))
    return (
        K(f"$ aws s3 presign s3://{c}-exports/2026/report.parquet --expires-in 3600", "cmd")
        + "\n"
        + K(f"https://{c}-exports.s3.amazonaws.com/2026/report.parquet?", "url")
        + K("X-Amz-Algorithm=AWS4-HMAC-SHA256", "param")
        + "&X-Amz-Credential="
        + S("aws_access_key_id", aws_key_id(r))
        + K(f"%2F{date}%2Feu-west-1%2Fs3%2Faws4_request", "param")
        + "&"
        + K(f"X-Amz-Date={date}T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host", "param")
        + "&X-Amz-Signature="
        + S("url_query_token", sha(r, 64))
        + "\n"
        + K("$ az storage blob generate-sas --full-uri ...", "cmd")
        + '\n"'
        + K(f"https://{c.replace('-', '')}.blob.core.windows.net/backups/db.bak?", "url")
        + K("sp=r&st=2026-11-03T10:00:00Z&se=2026-11-04T10:00:00Z&spr=https&sv=2022-11-02&sr=b", "param")
        + "&sig="
        + S("url_query_token", url_enc(sas))
        + '"\n'
    )


def k_jwt_log(r: Rng) -> str:
    tok = jwt(r)
    return (
        line("[auth] verifying token for request")
        + "\n"
        + K("[auth] token=", "key")
        + S("jwt", tok)
        + "\n"
        + line('[auth] header: {"alg":"HS256","typ":"JWT"}')
        + "\n"
        + K("[auth] signing secret loaded from env: ", "text")
        + S("generic_secret", rs(r, HEX, 64))
        + "\n"
        + line("[auth] TokenExpiredError: jwt expired")
        + "\n"
    )


def k_cookie_jar(r: Rng) -> str:
    c = company(r)
    return (
        K("$ cat cookies.txt", "cmd")
        + "\n"
        + line("# Netscape HTTP Cookie File")
        + "\n"
        + K(f"#HttpOnly_.{c}.com\tTRUE\t/\tTRUE\t1798000000\t", "cookie_attr")
        + K("sessionid", "key")
        + "\t"
        + S("cookie_session", rs(r, LOW + DIG, 32))
        + "\n"
        + K(f".{c}.com\tTRUE\t/\tFALSE\t1798000000\t", "cookie_attr")
        + K("csrftoken\t", "key")
        + S("cookie_session", rs(r, B62, 32))
        + "\n"
        + line(f".{c}.com\tTRUE\t/\tFALSE\t1798000000\tcookie_consent\taccepted")
        + "\n"
    )


def k_helm_values(r: Rng) -> str:
    n, v, c = cred(r)
    return (
        K("$ helm get values api -n prod", "cmd")
        + "\n"
        + line("USER-SUPPLIED VALUES:")
        + "\n"
        + line("replicaCount: 3")
        + "\npostgresql:\n  auth:\n    "
        + line("username: app")
        + "\n    "
        + K("password:", "key")
        + " "
        + S("password", password(r))
        + "\n    "
        + K("postgresPassword:", "key")
        + " "
        + S("password", password(r))
        + "\nsecrets:\n  "
        + K(n.lower() + ":", "key")
        + " "
        + S(c, v)
        + "\n"
        + line("ingress:")
        + "\n  "
        + line(f"host: app.{company(r)}.com")
        + "\n"
    )


def k_ansible(r: Rng) -> str:
    out = [K("$ cat inventory/hosts.yml", "cmd"), line("all:"), "  hosts:"]
    for i in range(r.randrange(2, 4)):
        out += [
            "    " + line(f"web{i + 1}:"),
            "      " + K("ansible_host:", "key") + " " + S("private_ip", private_ip(r)),
            "      " + line("ansible_user: deploy"),
        ]
    out += ["  vars:", "    " + K("ansible_become_password:", "key") + " " + S("password", password(r))]
    return "\n".join(out) + "\n"


def k_systemd(r: Rng) -> str:
    n, v, c = cred(r)
    return (
        K("$ systemctl cat worker.service", "cmd")
        + "\n"
        + line("# /etc/systemd/system/worker.service")
        + "\n"
        + line("[Service]")
        + "\n"
        + K("Environment=", "key")
        + '"'
        + env_line(r, n, v, c)
        + '"\n'
        + K("Environment=", "key")
        + '"'
        + K("REDIS_URL=", "key")
        + db_url(r, "redis")
        + '"\n'
        + line("ExecStart=/opt/worker/bin/worker --concurrency 4")
        + "\n"
        + line("Restart=on-failure")
        + "\n"
    )


def k_powershell(r: Rng) -> str:
    u = username(r)
    return (
        K("PS C:\\Users\\", "prompt")
        + S("home_user", u)
        + K("\\source\\repos\\infra>", "prompt")
        + " "
        + K("$env:AZURE_CLIENT_SECRET = ", "key")
        + '"'
        + S("azure_key", rs(r, B62, 3) + "8Q~" + rs(r, B62 + "_-.~", 34))
        + '"\n'
        + K("PS C:\\Users\\", "prompt")
        + S("home_user", u)
        + K("\\source\\repos\\infra>", "prompt")
        + " "
        + K("az login --service-principal -u ", "cmd")
        + K(uuid4(r), "uuid")
        + " -p "
        + S("cli_password", password(r))
        + " --tenant "
        + K(uuid4(r), "uuid")
        + "\n"
        + line('    "cloudName": "AzureCloud",')
        + "\n"
        + line('    "state": "Enabled",')
        + "\n"
    )


def k_db_clis(r: Rng) -> str:
    h = host(r, "cache")
    return (
        K("$ redis-cli -h ", "cmd")
        + K(h, "host")
        + " -a "
        + S("cli_password", password(r))
        + K(" --no-auth-warning ping", "cmd")
        + "\n"
        + line("PONG")
        + "\n$ "
        + K("PGPASSWORD=", "key")
        + S("cli_password", password(r))
        + " "
        + K(f"pg_dump -h {host(r)} -U app -Fc orders > orders.dump", "cmd")
        + '\n$ mongosh "mongodb+srv://'
        + K("analyst", "user")
        + ":"
        + S("db_connection_password", password(r))
        + "@"
        + K(f"cluster0.{rs(r, LOW + DIG, 5)}.mongodb.net/reports", "host")
        + '" '
        + K("--eval 'db.stats()'", "cmd")
        + "\n"
        + line("Current Mongosh Log ID:\t" + rs(r, HEX, 24))
        + "\n"
    )


def k_cli_flags(r: Rng) -> str:
    u = svc_user(r)
    return (
        K("$ docker login -u ", "cmd")
        + K(u, "user")
        + " --password="
        + S("cli_password", password(r))
        + " "
        + K(f"registry.{company(r)}.io", "host")
        + "\n"
        + line("Login Succeeded")
        + "\n"
        + K("$ openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout ", "cmd")
        + "pass:"
        + S("cli_password", password(r))
        + "\n"
        + K("$ htpasswd -b -c .htpasswd admin ", "cmd")
        + S("cli_password", password(r))
        + "\n"
        + line("Adding password for user admin")
        + "\n"
    )


def k_agent_summary(r: Rng) -> str:
    """Prose an agent writes back, quoting what it found."""
    n, v, c = vendor_cred(r)
    u = username(r)
    return (
        line("I found the cause of the failing deploy. The workflow reads the token from the wrong variable:")
        + "\n\n- "
        + K(f"`{n}`", "key")
        + " is set to `"
        + S(c, v)
        + "` in "
        + K("`.github/workflows/deploy.yml`", "path")
        + " (hard-coded)\n- "
        + line("the job expects it under `secrets.DEPLOY_TOKEN`")
        + "\n\n"
        + K("The contact in CODEOWNERS is ", "text")
        + S("email", email(r))
        + K(" and the script lives in ", "text")
        + "/home/"
        + S("home_user", u)
        + K("/ops/rotate.sh", "path")
        + ".\n"
        + line("I recommend rotating the token and moving it to repository secrets.")
        + "\n"
    )


def k_sentry_event(r: Rng) -> str:
    return (
        K("$ cat event.json | jq .request", "cmd")
        + '\n{\n  "url": "'
        + K(f"https://shop.{company(r)}.com/checkout", "url")
        + '",\n  "query_string": "'
        + K("step=payment&", "param")
        + K("token=", "param")
        + S("url_query_token", b64url(rbytes(r, 24)))
        + '",\n  "data": {\n    '
        + K('"card_number": ', "key")
        + '"'
        + S("credit_card", card(r))
        + '",\n    '
        + K('"cvc": "[Filtered]",', "line")
        + "\n    "
        + K('"billing_email": ', "key")
        + '"'
        + S("email", email(r))
        + '"\n  },\n  '
        + line('"method": "POST"')
        + "\n}\n"
    )


def k_url_creds(r: Rng) -> str:
    c = company(r)
    return (
        K("$ grep -rn 'https://' deploy/*.conf", "cmd")
        + "\n"
        + K("deploy/mirror.conf:3:", "path")
        + "upstream = https://"
        + K("mirror", "user")
        + ":"
        + S("url_credential", password(r))
        + "@"
        + K(f"artifacts.{c}.com/repo/", "host")
        + "\n"
        + K("deploy/feeds.conf:9:", "path")
        + "feed = ftp://"
        + K("reports", "user")
        + ":"
        + S("url_credential", password(r))
        + "@"
        + K(f"ftp.{c}.net/outgoing/", "host")
        + "\n"
        + K("deploy/maps.conf:2:", "path")
        + K("tiles = https://maps.googleapis.com/maps/api/staticmap?center=Berlin&zoom=12&", "url")
        + "key="
        + S("google_api_key", google_key(r))
        + "\n"
    )


def k_grpc_metadata(r: Rng) -> str:
    return (
        line("DEBUG grpc._channel: metadata sent")
        + "\n  "
        + K("('authorization', '", "header")
        + K("Bearer", "scheme")
        + " "
        + (S("openai_key", openai_key(r)) if r.random() < 0.5 else S("anthropic_key", anthropic_key(r)))
        + "')\n  "
        + line("('x-goog-request-params', 'name=projects/demo')")
        + "\n  "
        + K("('x-api-key', '", "header")
        + S("google_api_key", google_key(r))
        + "')\n"
    )


def k_digest_auth(r: Rng) -> str:
    u = svc_user(r)
    return (
        K("$ curl -v --digest -u ", "cmd")
        + K(u, "user")
        + ":"
        + S("cli_password", password(r))
        + " "
        + K(f"http://{host(r, 'cam')}/api/snapshot", "url")
        + "\n> "
        + K("Authorization:", "header")
        + " "
        + K(f'Digest username="{u}", realm="cam"', "text")
        + f', nonce="{rs(r, HEX, 32)}", '
        + K('uri="/api/snapshot", ', "text")
        + K("response=", "key")
        + '"'
        + S("auth_header", rs(r, HEX, 32))
        + '", '
        + K('qop=auth, nc=00000001, cnonce="' + rs(r, HEX, 16) + '"', "text")
        + "\n< "
        + line("HTTP/1.1 200 OK")
        + "\n"
    )


def k_proxy_env(r: Rng) -> str:
    u = svc_user(r)
    pw = password(r)
    h = f"proxy.{company(r)}.com:3128"
    return (
        K("$ env | grep -i proxy", "cmd")
        + "\n"
        + K("HTTPS_PROXY=http://", "key")
        + K(u, "user")
        + ":"
        + S("url_credential", pw)
        + "@"
        + K(h, "host")
        + "\n"
        + K("https_proxy=http://", "key")
        + K(u, "user")
        + ":"
        + S("url_credential", pw)
        + "@"
        + K(h, "host")
        + "\n"
        + line("NO_PROXY=localhost,127.0.0.1,.svc.cluster.local")
        + "\n"
    )


def k_wandb_netrc(r: Rng) -> str:
    return (
        K("$ cat ~/.netrc", "cmd")
        + "\n"
        + line("machine api.wandb.ai")
        + "\n  "
        + line("login user")
        + "\n  "
        + K("password ", "key")
        + S("generic_secret", rs(r, HEX, 40))
        + "\n"
        + line("machine github.com")
        + "\n  "
        + K("login ", "key")
        + K("x-access-token", "user")
        + "\n  "
        + K("password ", "key")
        + S("github_token", gh_token(r))
        + "\n"
    )


def k_stripe_cli(r: Rng) -> str:
    return (
        K("$ stripe listen --forward-to localhost:4242/webhook", "cmd")
        + "\n"
        + line("> Ready! You are using Stripe API Version [2024-06-20].")
        + "\n"
        + K("Your webhook signing secret is ", "text")
        + S("generic_secret", "wh" + "sec_" + rs(r, B62, 32))
        + K(" (^C to quit)", "text")
        + "\n"
        + K(f"{ts(r)}   --> ", "text")
        + line("charge.succeeded [evt_" + rs(r, B62, 24) + "]")
        + "\n"
        + K("$ STRIPE_API_KEY=", "key")
        + S("stripe_key", stripe_key(r))
        + K(" stripe customers list --limit 1", "cmd")
        + "\n"
    )


def k_gh_auth(r: Rng) -> str:
    u = username(r)
    tok = gh_token(r)
    return (
        K("$ gh auth status -t", "cmd")
        + "\n"
        + line("github.com")
        + "\n  "
        + f"\u2713 Logged in to github.com account {u} (keyring)"
        + "\n  "
        + line("- Active account: true")
        + "\n  "
        + line("- Git operations protocol: https")
        + "\n  "
        + K("- Token:", "key")
        + " "
        + S("github_token", tok)
        + "\n  "
        + K("- Token scopes: 'gist', 'read:org', 'repo', 'workflow'", "text")
        + "\n"
        + K("$ cat ~/.config/gh/hosts.yml", "cmd")
        + "\n"
        + line("github.com:")
        + "\n    "
        + K("oauth_token:", "key")
        + " "
        + S("github_token", tok)
        + "\n    "
        + line("git_protocol: https")
        + "\n"
    )


def k_vendor_cli_configs(r: Rng) -> str:
    other = other_vendor(r)
    return (
        K("$ cat ~/.config/doctl/config.yaml", "cmd")
        + "\n"
        + K("access-token:", "key")
        + " "
        + S("digitalocean_token", do_token(r))
        + "\n"
        + line("context: default")
        + "\n"
        + K("$ cat ~/.cache/huggingface/token", "cmd")
        + "\n"
        + S("huggingface_token", hf_token(r))
        + "\n"
        + K("$ twilio profiles:list --properties apiKey,apiSecret", "cmd")
        + "\n"
        + line("ID       API Key                             API Secret                        Active")
        + "\n"
        + K("default", "text")
        + "  "
        + S("twilio_key", twilio_key(r))
        + "  "
        + S("generic_secret", rs(r, B62, 32))
        + "  "
        + K("true", "text")
        + "\n"
        + K("$ cat ~/.config/devtools/credentials.json", "cmd")
        + "\n{ "
        + K(f'"{other[0]}": ', "key")
        + '"'
        + S("vendor_other", other[1])
        + '", '
        + K('"workspace": "eng"', "text")
        + " }\n"
    )


def k_slack_api_curl(r: Rng) -> str:
    ch = "C" + rs(r, UP + DIG, 10)
    return (
        K("$ curl -s -X POST https://slack.com/api/chat.postMessage \\", "cmd")
        + "\n    -H '"
        + K("Authorization:", "header")
        + " "
        + K("Bearer", "scheme")
        + " "
        + S("slack_token", slack_token(r))
        + "' \\\n    "
        + K("-H 'Content-type: application/json' \\", "cmd")
        + "\n    "
        + K(f'-d \'{{"channel":"{ch}","text":"deploy finished"}}\'', "cmd")
        + "\n"
        + line(f'{{"ok":true,"channel":"{ch}","ts":"17{rs(r, DIG, 8)}.{rs(r, DIG, 6)}"}}')
        + "\n"
        + K('$ curl -s https://api.sendgrid.com/v3/mail/send -H "', "cmd")
        + K("Authorization:", "header")
        + " "
        + K("Bearer", "scheme")
        + " "
        + S("sendgrid_key", sendgrid_key(r))
        + '" '
        + K("-H 'Content-Type: application/json' -d @mail.json", "cmd")
        + "\n"
        + line('{"errors":[{"message":"The from address does not match a verified Sender Identity."}]}')
        + "\n"
    )


def k_k8s_manifest(r: Rng) -> str:
    name = r.choice(["payments-api", "worker-env", "grafana-admin"])
    data = []
    for key in r.sample(["DB_PASSWORD", "API_TOKEN", "STRIPE_KEY", "SMTP_PASS", "ADMIN_PASSWORD"], 3):
        val = stripe_key(r) if key == "STRIPE_KEY" else password(r) if "PASS" in key else generic_value(r)
        data.append("  " + K(key + ":", "key") + " " + S("k8s_secret_data", b64(val.encode())))
    return (
        K("$ cat k8s/secret.yaml", "cmd")
        + "\n"
        + line("apiVersion: v1")
        + "\n"
        + line("kind: Secret")
        + "\nmetadata:\n  "
        + line(f"name: {name}")
        + "\n  "
        + line("labels: {app: " + name + "}")
        + "\n"
        + line("type: Opaque")
        + "\ndata:\n"
        + "\n".join(data)
        + "\nstringData:\n  "
        + K("REDIS_PASSWORD:", "key")
        + " "
        + S("password", password(r))
        + "\n  "
        + line('LOG_FORMAT: "json"')
        + "\n"
    )


def k_tf_state(r: Rng) -> str:
    proj = company(r) + "-" + str(r.randrange(100000, 999999))
    creds = json.dumps({"type": "service_account", "project_id": proj, "private_key_id": sha(r)})
    return (
        K("$ terraform state pull | jq '.resources[] | select(.type==\"google_service_account_key\")'", "cmd")
        + "\n{\n  "
        + line('"mode": "managed",')
        + "\n  "
        + line('"type": "google_service_account_key",')
        + '\n  "instances": [\n    {\n      "attributes": {\n        '
        + K('"id": ', "key")
        + '"projects/'
        + proj
        + "/serviceAccounts/ci@"
        + proj
        + ".iam.gserviceaccount.com/keys/"
        + S("service_account_key_id", sha(r))
        + '",\n        '
        + K('"key_algorithm": "KEY_ALG_RSA_2048",', "line")
        + "\n        "
        + K('"private_key": ', "key")
        + '"'
        + S("private_key", b64(creds.encode() + rbytes(r, 300)))
        + '",\n        '
        + K('"private_key_type": "TYPE_GOOGLE_CREDENTIALS_FILE",', "line")
        + "\n        "
        + K('"valid_after": "' + ts(r) + 'Z"', "line")
        + "\n      }\n    }\n  ]\n}\n"
    )


def k_ai_script(r: Rng) -> str:
    return (
        K("$ cat scripts/compare_models.py", "cmd")
        + "\n"
        + line("import anthropic, openai")
        + "\n"
        + line("import google.generativeai as genai")
        + "\n\n"
        + K("oa = openai.OpenAI(api_key=", "code")
        + '"'
        + S("openai_key", openai_key(r))
        + '")\n'
        + K("cl = anthropic.Anthropic(api_key=", "code")
        + '"'
        + S("anthropic_key", anthropic_key(r))
        + '")\n'
        + K("genai.configure(api_key=", "code")
        + '"'
        + S("google_api_key", google_key(r))
        + '")\n'
        + K("HF_TOKEN = ", "key")
        + '"'
        + S("huggingface_token", hf_token(r))
        + '"  '
        + K("# read-only", "comment")
        + "\n\n"
        + line("for prompt in load_prompts('prompts.jsonl'):")
        + "\n    "
        + line("print(compare(oa, cl, prompt))")
        + "\n"
    )


def k_yarnrc(r: Rng) -> str:
    return (
        K("$ npm config list", "cmd")
        + "\n"
        + line('; "user" config from ~/.npmrc')
        + "\n\n"
        + K("//registry.npmjs.org/:_authToken = (protected)", "lookalike")
        + "\n"
        + line("; node bin location = /usr/local/bin/node")
        + "\n"
        + K("$ cat .yarnrc.yml", "cmd")
        + "\n"
        + line("nodeLinker: node-modules")
        + "\n"
        + K("npmAuthToken:", "key")
        + " "
        + S("npm_token", npm_token(r))
        + "\n"
        + K("$ cat ~/.config/shopify/env", "cmd")
        + "\n"
        + K("SHOPIFY_API_SECRET=", "key")
        + S("shopify_token", shopify_token(r))
        + "\n"
        + K("SHOPIFY_ACCESS_TOKEN=", "key")
        + S("shopify_token", shopify_token(r))
        + "\n"
    )


def k_aws_export(r: Rng) -> str:
    return (
        K("$ aws configure export-credentials --profile prod --format env", "cmd")
        + "\n"
        + K("export AWS_ACCESS_KEY_ID=", "key")
        + S("aws_access_key_id", aws_key_id(r, True))
        + "\n"
        + K("export AWS_SECRET_ACCESS_KEY=", "key")
        + S("aws_secret_key", aws_secret(r))
        + "\n"
        + K("export AWS_SESSION_TOKEN=", "key")
        + S("aws_session_token", aws_session(r))
        + "\n"
        + line(f"export AWS_CREDENTIAL_EXPIRATION={ts(r)}+00:00")
        + "\n"
        + K("$ aws sts get-caller-identity --query Arn --output text", "cmd")
        + "\n"
        + line(f"arn:aws:sts::{rs(r, DIG, 12)}:assumed-role/Admin/botocore-session-{rs(r, DIG, 10)}")
        + "\n"
    )


def k_copy_as_curl(r: Rng) -> str:
    c = company(r)
    tok = jwt(r)
    return (
        K(f"curl 'https://app.{c}.com/api/graphql' \\", "cmd")
        + "\n  "
        + K("-H 'accept: application/json' \\", "cmd")
        + "\n  -H '"
        + K("authorization:", "header")
        + " "
        + K("Bearer", "scheme")
        + " "
        + S("jwt", tok)
        + "' \\\n  -H '"
        + K("cookie:", "header")
        + " "
        + K("_ga=GA1.1." + rs(r, DIG, 10) + "." + rs(r, DIG, 10), "cookie_attr")
        + "; "
        + K("access_token=", "key")
        + S("jwt", tok)
        + "; "
        + K("refresh=", "key")
        + S("cookie_session", b64url(rbytes(r, 32)))
        + "; "
        + K("locale=en-GB", "cookie_attr")
        + "' \\\n  "
        + K('--data-raw \'{"query":"{ viewer { id } }"}\'', "cmd")
        + "\n"
    )


def k_chatops_env(r: Rng) -> str:
    t = company(r)
    return (
        K("$ cat bot/.env", "cmd")
        + "\n"
        + K("SLACK_BOT_TOKEN=", "key")
        + S("slack_token", slack_token(r))
        + "\n"
        + K("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/", "key")
        + K("T" + rs(r, UP + DIG, 10) + "/B" + rs(r, UP + DIG, 10) + "/", "path")
        + S("webhook_secret", rs(r, B62, 24))
        + "\n"
        + K(f"TEAMS_WEBHOOK_URL=https://{t}.webhook.office.com/webhookb2/", "key")
        + K(f"{uuid4(r)}@{uuid4(r)}/IncomingWebhook/", "path")
        + S("webhook_secret", rs(r, HEX, 32))
        + K("/" + uuid4(r), "path")
        + "\n"
        + K("GITHUB_WEBHOOK_SECRET=", "key")
        + S("webhook_secret", rs(r, HEX, 40))
        + "\n"
        + line("BOT_NAME=release-bot")
        + "\n"
    )


def k_pii_csv(r: Rng) -> str:
    out = [
        K("$ head -n 4 exports/customers_2026-10.csv", "cmd"),
        line("customer_id,country,phone,ssn,iban,plan"),
    ]
    for _ in range(3):
        out.append(
            K(f"C{rs(r, DIG, 7)},{r.choice(['US', 'DE', 'GB', 'NL'])},", "text")
            + S("phone", phone(r))
            + ","
            + S("ssn", ssn(r))
            + ","
            + S("iban", iban(r))
            + ","
            + K(r.choice(["pro", "free", "team"]), "text")
        )
    return "\n".join(out) + "\n"


def k_gitlab_api(r: Rng) -> str:
    c = company(r)
    return (
        K('$ curl --header "', "cmd")
        + K("PRIVATE-TOKEN:", "header")
        + " "
        + S("gitlab_token", gitlab_token(r))
        + '" '
        + K(f'"https://gitlab.{c}.com/api/v4/projects?membership=true&per_page=5"', "url")
        + "\n"
        + line('[{"id":412,"name":"backend","default_branch":"main"}]')
        + "\n"
        + K("$ glab auth status", "cmd")
        + "\n"
        + line(f"gitlab.{c}.com")
        + "\n  "
        + line("\u2713 Git operations will use https protocol")
        + "\n  "
        + K("\u2713 Token:", "key")
        + " "
        + S("gitlab_token", gitlab_token(r))
        + "\n"
    )


def k_pypi_upload(r: Rng) -> str:
    return (
        K("$ twine upload -u __token__ -p ", "cmd")
        + S("pypi_token", pypi_token(r))
        + K(" dist/*", "cmd")
        + "\n"
        + line("Uploading distributions to https://upload.pypi.org/legacy/")
        + "\n"
        + line("Uploading mypkg-0.4.1-py3-none-any.whl")
        + "\n"
        + line("100% \u2501\u2501\u2501\u2501\u2501\u2501\u2501\u2501 12.3/12.3 kB \u2022 00:00")
        + "\n"
        + K("$ UV_PUBLISH_TOKEN=", "key")
        + S("pypi_token", pypi_token(r))
        + K(" uv publish", "cmd")
        + "\n"
        + line("Publishing 2 files https://upload.pypi.org/legacy/")
        + "\n"
    )


def k_llm_curl(r: Rng) -> str:
    return (
        K('$ curl https://api.openai.com/v1/chat/completions -H "', "cmd")
        + K("Authorization:", "header")
        + " "
        + K("Bearer", "scheme")
        + " "
        + S("openai_key", openai_key(r))
        + '" '
        + K('-H "Content-Type: application/json" -d @req.json', "cmd")
        + "\n"
        + line('{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota"}}')
        + "\n"
        + K('$ curl https://api.anthropic.com/v1/messages -H "', "cmd")
        + K("x-api-key:", "header")
        + " "
        + S("anthropic_key", anthropic_key(r))
        + '" '
        + K('-H "anthropic-version: 2023-06-01" -d @msg.json', "cmd")
        + "\n"
        + line('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')
        + "\n"
    )


def azure_secret(r: Rng) -> str:
    return rs(r, B62, 3) + "8Q~" + rs(r, B62 + "_-.~", 34)


def k_azure_cli(r: Rng) -> str:
    return (
        K("$ az ad sp create-for-rbac --name ci-deployer --role contributor", "cmd")
        + "\n{\n  "
        + K(f'"appId": "{uuid4(r)}",', "uuid")
        + "\n  "
        + line('"displayName": "ci-deployer",')
        + "\n  "
        + K('"password": ', "key")
        + '"'
        + S("azure_key", azure_secret(r))
        + '",\n  '
        + K(f'"tenant": "{uuid4(r)}"', "uuid")
        + "\n}\n"
        + K("$ az storage account keys list -n " + company(r).replace("-", "") + " -o json", "cmd")
        + "\n[\n  {\n    "
        + line('"keyName": "key1",')
        + "\n    "
        + line('"permissions": "FULL",')
        + '\n    "value": "'
        + S("azure_key", b64(rbytes(r, 64)))
        + '"\n  },\n  {\n    '
        + line('"keyName": "key2",')
        + '\n    "value": "'
        + S("azure_key", b64(rbytes(r, 64)))
        + '"\n  }\n]\n'
    )


def k_header_dump(r: Rng) -> str:
    u = username(r)
    return (
        line(f"{ts(r)}Z DEBUG gateway: incoming request headers")
        + "\n  "
        + line(f"host: api.{company(r)}.com")
        + "\n  "
        + K("authorization:", "header")
        + " "
        + K("Basic", "scheme")
        + " "
        + S("auth_header", b64(f"{u}:{password(r)}".encode()))
        + "\n  "
        + K("x-auth-token:", "header")
        + " "
        + S("auth_header", rs(r, HEX, 40))
        + "\n  "
        + K("proxy-authorization:", "header")
        + " "
        + K("Basic", "scheme")
        + " "
        + S("auth_header", b64(f"svc-proxy:{password(r)}".encode()))
        + "\n  "
        + line("x-forwarded-proto: https")
        + "\n  "
        + K(f"x-request-id: {uuid4(r)}", "uuid")
        + "\n"
    )


def k_gcloud_keys(r: Rng) -> str:
    proj = company(r) + "-prod"
    kid = sha(r)
    return (
        K("$ gcloud iam service-accounts keys create key.json --iam-account", "cmd")
        + f" ci@{proj}.iam.gserviceaccount.com"
        + "\n"
        + K("created key [", "text")
        + S("service_account_key_id", kid)
        + K("] of type [json] as [key.json]", "text")
        + f" for [ci@{proj}.iam.gserviceaccount.com]"
        + "\n"
        + K("$ jq -r .private_key_id key.json", "cmd")
        + "\n"
        + S("service_account_key_id", kid)
        + "\n"
        + K("$ gcloud auth print-access-token", "cmd")
        + "\n"
        + S("vendor_other", "ya" + "29." + rs(r, B64URL, 150))
        + "\n"
        + line("Updated property [core/project].")
        + "\n"
    )


def k_bolt_logs(r: Rng) -> str:
    return (
        line("[INFO]  bolt-app Starting Socket Mode app")
        + "\n"
        + K("[DEBUG]  web-api:WebClient:0 initialized with token: ", "text")
        + S("slack_token", slack_token(r))
        + "\n"
        + K("[DEBUG]  socket-mode:SocketModeClient:0 app token: ", "text")
        + S(
            "slack_token", "xap" + "p-1-A" + rs(r, UP + DIG, 10) + "-" + rs(r, DIG, 13) + "-" + rs(r, HEX, 64)
        )
        + "\n"
        + K("[DEBUG]  signing secret: ", "text")
        + S("generic_secret", rs(r, HEX, 32))
        + "\n"
        + line("[INFO]  \u26a1\ufe0f Bolt app is running!")
        + "\n"
    )


def k_printenv_grep(r: Rng) -> str:
    items = [
        env_line(r, "DIGITALOCEAN_ACCESS_TOKEN", do_token(r), "digitalocean_token"),
        env_line(r, "SENDGRID_API_KEY", sendgrid_key(r), "sendgrid_key"),
        env_line(r, "AWS_SESSION_TOKEN", aws_session(r), "aws_session_token"),
        env_line(r, r.choice(["GOOGLE_API_KEY", "GEMINI_API_KEY"]), google_key(r), "google_api_key"),
        env_line(r, "STRIPE_SECRET_KEY", stripe_key(r), "stripe_key"),
        env_line(r, "SHOPIFY_ADMIN_TOKEN", shopify_token(r), "shopify_token"),
        env_line(r, *other_vendor(r), "vendor_other"),
        K("CALLBACK_URL=", "key")
        + K(f"https://hooks.{company(r)}.com/ingest?", "url")
        + K("source=ci&", "param")
        + K("sig=", "param")
        + S("url_query_token", b64url(rbytes(r, 32))),
        line("TOKEN_REFRESH_SECONDS=3600"),
        line("KEYBOARD_LAYOUT=us"),
    ]
    r.shuffle(items)
    return K("$ printenv | grep -E 'TOKEN|KEY|URL'", "cmd") + "\n" + "\n".join(items) + "\n"


SECRET_KINDS: dict[str, Callable[[Rng], str]] = {
    "env_dump": k_env_dump,
    "dotenv": k_dotenv,
    "gh_actions_log": k_gh_actions_log,
    "gitlab_ci_log": k_gitlab_ci_log,
    "kubectl_secret": k_kubectl_secret,
    "kubectl_describe": k_kubectl_describe,
    "docker_inspect": k_docker_inspect,
    "docker_compose": k_compose,
    "curl_verbose": k_curl_verbose,
    "requests_debug": k_requests_debug,
    "app_yaml": k_app_yaml,
    "appsettings_json": k_appsettings,
    "toml_credentials": k_toml,
    "aws_credentials": k_aws_credentials,
    "pip_conf": k_pip_conf,
    "pypirc": k_pypirc,
    "npmrc": k_npmrc,
    "maven_settings": k_maven_settings,
    "terraform_hcl": k_terraform,
    "terraform_plan": k_tf_plan,
    "python_settings": k_python_settings,
    "js_source": k_js_source,
    "go_source": k_go_source,
    "java_properties": k_java_props,
    "ruby_source": k_ruby,
    "rust_source": k_rust,
    "csharp_source": k_csharp,
    "php_config": k_php,
    "shell_script": k_shell_script,
    "python_traceback": k_py_traceback,
    "node_trace": k_node_trace,
    "java_trace": k_java_trace,
    "psql_session": k_psql,
    "mysql_session": k_mysql,
    "sql_inserts": k_sql_inserts,
    "git_remote": k_git_remote,
    "git_log": k_git_log,
    "git_config": k_git_config,
    "pytest_failure": k_pytest_fail,
    "jest_failure": k_jest_fail,
    "notebook": k_notebook,
    "ssh_session": k_ssh_session,
    "pem_read": k_pem_read,
    "service_account": k_service_account,
    "kubeconfig": k_kubeconfig,
    "docker_config": k_docker_config,
    "aws_sts": k_aws_sts,
    "heroku_config": k_heroku_config,
    "customer_json": k_customer_json,
    "payment_log": k_payment_log,
    "nginx_log": k_nginx_log,
    "webhooks": k_webhooks,
    "presigned_urls": k_presigned,
    "jwt_log": k_jwt_log,
    "cookie_jar": k_cookie_jar,
    "helm_values": k_helm_values,
    "ansible_inventory": k_ansible,
    "systemd_unit": k_systemd,
    "powershell": k_powershell,
    "db_clis": k_db_clis,
    "cli_flags": k_cli_flags,
    "agent_summary": k_agent_summary,
    "sentry_event": k_sentry_event,
    "url_credentials": k_url_creds,
    "grpc_metadata": k_grpc_metadata,
    "digest_auth": k_digest_auth,
    "proxy_env": k_proxy_env,
    "netrc": k_wandb_netrc,
    "stripe_cli": k_stripe_cli,
    "gh_auth": k_gh_auth,
    "vendor_cli_configs": k_vendor_cli_configs,
    "slack_api_curl": k_slack_api_curl,
    "k8s_manifest": k_k8s_manifest,
    "terraform_state": k_tf_state,
    "ai_script": k_ai_script,
    "npm_yarn_shopify": k_yarnrc,
    "aws_export": k_aws_export,
    "copy_as_curl": k_copy_as_curl,
    "chatops_env": k_chatops_env,
    "pii_csv": k_pii_csv,
    "gitlab_api": k_gitlab_api,
    "pypi_upload": k_pypi_upload,
    "llm_curl": k_llm_curl,
    "azure_cli": k_azure_cli,
    "header_dump": k_header_dump,
    "gcloud_keys": k_gcloud_keys,
    "slack_bolt_logs": k_bolt_logs,
    "printenv_grep": k_printenv_grep,
}


# ---------------------------------------------------------------------------------------------------------
# Secret-free look-alikes: every line here should come through untouched.


def kl(text: str) -> str:
    return K(text, "lookalike")


def l_readme(r: Rng) -> str:
    return (
        line("## Configuration")
        + "\n\n"
        + line("Copy `.env.example` to `.env` and fill in your keys:")
        + "\n\n"
        + line("```bash")
        + "\n"
        + kl("export OPENAI_API_KEY=<your-api-key>")
        + "\n"
        + kl('export GITHUB_TOKEN="${GITHUB_TOKEN}"')
        + "\n"
        + kl("export STRIPE_SECRET_KEY=" + "sk" + "_test_YOUR_KEY_HERE")
        + "\n"
        + kl("export DATABASE_URL=postgres://user:password@localhost:5432/app")
        + "\n"
        + line("```")
        + "\n\n"
        + kl("The default admin password is `changeme`; you will be asked to change it on first login.")
        + "\n"
        + kl("Questions? Write to maintainers@example.com or open an issue.")
        + "\n"
        + kl("Set `api_key: xxxxxxxxxxxxxxxx` in config.yaml, or pass --token $TOKEN.")
        + "\n"
    )


def l_env_example(r: Rng) -> str:
    return (
        "\n".join(
            [
                K("$ cat .env.example", "cmd"),
                kl("# Copy to .env; never commit real values"),
                kl("DATABASE_URL=postgresql://postgres:postgres@localhost:5432/dev"),
                kl("REDIS_URL=redis://localhost:6379/0"),
                kl("SECRET_KEY=replace-me"),
                kl("OPENAI_API_KEY="),
                kl("ANTHROPIC_API_KEY=your_anthropic_api_key"),
                kl("AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}"),
                kl("SMTP_PASSWORD=********"),
                kl("JWT_SECRET={{ jwt_secret }}"),
                kl(f"PORT={r.choice([3000, 8000])}"),
            ]
        )
        + "\n"
    )


def l_git_shas(r: Rng) -> str:
    out = [K("$ git log --oneline --graph -8", "cmd")]
    msgs = [
        "Merge pull request #412 from feature/retry",
        "Add exponential backoff",
        "Fix flaky test_upload",
        "Bump requests from 2.31.0 to 2.32.3",
        "Refactor config loader",
        "Document env vars",
        "Pin numpy < 2",
        "Release 1.8.0",
    ]
    for m in r.sample(msgs, 6):
        out.append(kl(f"* {sha(r, 7)} {m}"))
    out += [
        K("$ git rev-parse HEAD", "cmd"),
        kl(sha(r)),
        K("$ git describe --tags", "cmd"),
        kl(f"v1.8.0-3-g{sha(r, 8)}"),
    ]
    return "\n".join(out) + "\n"


def l_docker_digests(r: Rng) -> str:
    return (
        "\n".join(
            [
                K("$ docker pull python:3.12-slim", "cmd"),
                kl("3.12-slim: Pulling from library/python"),
                kl(f"{sha(r, 12)}: Pull complete"),
                kl(f"{sha(r, 12)}: Pull complete"),
                kl(f"Digest: sha256:{sha(r, 64)}"),
                kl("Status: Downloaded newer image for python:3.12-slim"),
                K("$ docker images --digests", "cmd"),
                kl("REPOSITORY   TAG         DIGEST" + " " * 68 + "IMAGE ID"),
                kl(f"python       3.12-slim   sha256:{sha(r, 64)}   {sha(r, 12)}"),
            ]
        )
        + "\n"
    )


def l_lockfile(r: Rng) -> str:
    out = [K("$ sed -n '1200,1212p' package-lock.json", "cmd")]
    for pkg in r.sample(["lodash", "chalk", "semver", "debug", "ms", "yaml"], 2):
        v = f"{r.randrange(1, 5)}.{r.randrange(20)}.{r.randrange(10)}"
        out += [
            kl(f'    "node_modules/{pkg}": {{'),
            kl(f'      "version": "{v}",'),
            kl(f'      "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-{v}.tgz",'),
            kl(f'      "integrity": "sha512-{b64(rbytes(r, 64))}",'),
            kl('      "license": "MIT"'),
            kl("    },"),
        ]
    return "\n".join(out) + "\n"


def l_checksums(r: Rng) -> str:
    out = [K("$ sha256sum dist/*", "cmd")]
    for f in ["app-1.8.0-py3-none-any.whl", "app-1.8.0.tar.gz"]:
        out.append(kl(f"{sha(r, 64)}  dist/{f}"))
    out += [
        K("$ grep -A2 '^requests' requirements.lock", "cmd"),
        kl("requests==2.32.3 \\"),
        kl(f"    --hash=sha256:{sha(r, 64)} \\"),
        kl(f"    --hash=sha256:{sha(r, 64)}"),
        K("$ grep x/net go.sum", "cmd"),
        kl(f"golang.org/x/net v0.30.0 h1:{b64(rbytes(r, 32))}"),
        kl(f"golang.org/x/net v0.30.0/go.mod h1:{b64(rbytes(r, 32))}"),
        kl(f"md5: {sha(r, 32)}"),
    ]
    return "\n".join(out) + "\n"


def l_k8s_uids(r: Rng) -> str:
    return (
        "\n".join(
            [
                K("$ kubectl get pod api-0 -o yaml | head -14", "cmd"),
                kl("apiVersion: v1"),
                kl("kind: Pod"),
                kl("metadata:"),
                kl(f'  creationTimestamp: "{ts(r)}Z"'),
                kl("  name: api-0"),
                kl("  namespace: default"),
                kl(f'  resourceVersion: "{r.randrange(10**6, 10**8)}"'),
                kl(f"  uid: {uuid4(r)}"),
                kl("  ownerReferences:"),
                kl("  - apiVersion: apps/v1"),
                kl("    kind: StatefulSet"),
                kl(f"    uid: {uuid4(r)}"),
                kl(f"    controller-revision-hash: api-{rs(r, LOW + DIG, 10)}"),
            ]
        )
        + "\n"
    )


def l_ci_masked(r: Rng) -> str:
    t = ts(r)[:-3]
    return (
        "\n".join(
            [
                kl(f"{t}:01.2231010Z ##[group]Run ./scripts/release.sh"),
                kl(f"{t}:01.2232200Z env:"),
                kl(f"{t}:01.2232800Z   NPM_TOKEN: ***"),
                kl(f"{t}:01.2233300Z   GITHUB_TOKEN: ***"),
                kl(f"{t}:01.2234100Z ##[endgroup]"),
                kl(f'{t}:01.5510000Z + echo "//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}" > ~/.npmrc'),
                kl(f"{t}:02.0000000Z token: ${{{{ secrets.NPM_TOKEN }}}}"),
                kl(f"{t}:09.1200000Z + npm publish --access public"),
            ]
        )
        + "\n"
    )


def l_base64_data(r: Rng) -> str:
    conf = "server {\n  listen 80;\n  root /srv/www;\n}\n"
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rbytes(r, 30)
    return (
        "\n".join(
            [
                K("$ kubectl get configmap nginx-conf -o yaml | grep -A1 binaryData", "cmd"),
                kl("binaryData:"),
                kl(f"  default.conf: {b64(conf.encode())}"),
                K("$ echo 'aGVsbG8gd29ybGQK' | base64 -d", "cmd"),
                kl("hello world"),
                kl(f'<img src="data:image/png;base64,{b64(png)}" alt="logo">'),
                kl(f'{{"version":3,"file":"app.js","mappings":"AAAA,SAASA,IAAI;AACf,OAAO{rs(r, UP, 6)}"}}'),
            ]
        )
        + "\n"
    )


def l_terraform_ids(r: Rng) -> str:
    acct = "123456789012"
    return (
        "\n".join(
            [
                K("$ terraform output", "cmd"),
                kl(f'role_arn = "arn:aws:iam::{acct}:role/app-deploy"'),
                kl(f'subnet_ids = ["subnet-0{sha(r, 16)}", "subnet-0{sha(r, 16)}"]'),
                kl(f'vpc_id = "vpc-0{sha(r, 16)}"'),
                kl("db_password = <sensitive>"),
                kl(f'bucket = "app-artifacts-{sha(r, 8)}"'),
                kl(f'kms_key_id = "{uuid4(r)}"'),
            ]
        )
        + "\n"
    )


def l_public_keys(r: Rng) -> str:
    cert = b64(b"\x30\x82\x03\x55\x30\x82\x02\x3d\xa0\x03\x02\x01\x02" + rbytes(r, 180))
    return (
        "\n".join(
            [
                K("$ cat ~/.ssh/id_ed25519.pub", "cmd"),
                kl("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(r, B64, 43) + " deploy-key"),
                K("$ head -4 ca.crt", "cmd"),
                kl("-----BEGIN CERTIFICATE-----"),
                kl(cert[:64]),
                kl(cert[64:128]),
                kl(cert[128:192]),
            ]
        )
        + "\n"
    )


def l_trace_ids(r: Rng) -> str:
    out = []
    for _ in range(4):
        out.append(
            kl(
                f"{ts(r)}Z INFO request completed trace_id={sha(r, 32)} span_id={sha(r, 16)} "
                f"request_id={uuid4(r)} status=200 duration_ms={r.randrange(2, 900)}"
            )
        )
    out.append(kl(f"traceparent: 00-{sha(r, 32)}-{sha(r, 16)}-01"))
    return "\n".join(out) + "\n"


def l_masked(r: Rng) -> str:
    return (
        "\n".join(
            [
                K("$ vercel env ls production", "cmd"),
                kl(" name                 value               environments        created"),
                kl(
                    f" DATABASE_URL         Encrypted           Production          {r.randrange(2, 30)}d ago"
                ),
                kl(
                    f" STRIPE_SECRET_KEY    Encrypted           Production          {r.randrange(2, 30)}d ago"
                ),
                K("$ aws configure list", "cmd"),
                kl("      Name                    Value             Type    Location"),
                kl("      ----                    -----             ----    --------"),
                kl(f"access_key     ****************{rs(r, UP + '234567', 4)} shared-credentials-file"),
                kl(f"secret_key     ****************{rs(r, B62, 4)} shared-credentials-file"),
                kl("    region                eu-west-1      config-file    ~/.aws/config"),
                kl(
                    "Incorrect API key provided: sk-"
                    + "proj-****...****. You can find your API key at platform settings."
                ),
                kl("password: [REDACTED]"),
            ]
        )
        + "\n"
    )


def l_secret_names(r: Rng) -> str:
    names = r.sample(
        [
            "NPM_TOKEN",
            "PYPI_API_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "SLACK_WEBHOOK_URL",
            "DOCKERHUB_TOKEN",
            "SENTRY_DSN",
        ],
        4,
    )
    out = [K("$ gh secret list", "cmd")]
    out += [kl(f"{n:<24}Updated 2026-{r.randrange(1, 12):02d}-{r.randrange(1, 28):02d}") for n in names]
    out += [
        K("$ grep -n secrets .github/workflows/release.yml", "cmd"),
        kl("14:          password: ${{ secrets.DOCKERHUB_TOKEN }}"),
        kl("27:        env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' }"),
        kl('31:      - run: twine upload -u __token__ -p "$PYPI_API_TOKEN" dist/*'),
    ]
    return "\n".join(out) + "\n"


def l_openapi(r: Rng) -> str:
    return (
        "\n".join(
            [
                K("$ sed -n '/securitySchemes/,/^$/p' openapi.yaml", "cmd"),
                kl("  securitySchemes:"),
                kl("    bearerAuth:"),
                kl("      type: http"),
                kl("      scheme: bearer"),
                kl("      bearerFormat: JWT"),
                kl("    apiKey:"),
                kl("      type: apiKey"),
                kl("      in: header"),
                kl("      name: X-API-Key"),
                kl(
                    "      description: 'Send as `X-API-Key: <key>`; get one at https://example.com/settings/keys'"
                ),
                kl("  example: 'Authorization: Bearer <token>'"),
            ]
        )
        + "\n"
    )


LOOKALIKE_KINDS: dict[str, Callable[[Rng], str]] = {
    "readme_placeholders": l_readme,
    "env_example": l_env_example,
    "git_shas": l_git_shas,
    "docker_digests": l_docker_digests,
    "lockfile_integrity": l_lockfile,
    "checksums": l_checksums,
    "k8s_uids": l_k8s_uids,
    "ci_masked_log": l_ci_masked,
    "base64_data": l_base64_data,
    "terraform_ids": l_terraform_ids,
    "public_keys": l_public_keys,
    "trace_ids": l_trace_ids,
    "masked_values": l_masked,
    "secret_names": l_secret_names,
    "openapi_security": l_openapi,
}


# ---------------------------------------------------------------------------------------------------------
# Delivery: the ways a snippet reaches the scrubber.


def prefix_lines(segs: list[Seg], prefix: Callable[[int], str]) -> list[Seg]:
    """Put a prefix before every line (labelled segments never hold a newline here)."""
    out: list[Seg] = [(prefix(1), "", "")]
    n, pending = 1, False
    for text, role, kind in segs:
        if role:
            if pending:
                out.append((prefix(n), "", ""))
                pending = False
            out.append((text, role, kind))
            continue
        for piece in re.split("(\n)", text):
            if not piece:
                continue
            if pending:
                out.append((prefix(n), "", ""))
                pending = False
            out.append((piece, "", ""))
            if piece == "\n":
                n += 1
                pending = True
    return out


def json_escape(segs: list[Seg]) -> list[Seg]:
    return [(json.dumps(t, ensure_ascii=False)[1:-1], role, kind) for t, role, kind in segs]


def deliver(r: Rng, segs: list[Seg], kind: str) -> list[Seg]:
    """Wrap a snippet in one or two of the forms agents print it in."""
    multiline = any(role and "\n" in t for t, role, _ in segs)
    if segs and not segs[-1][1] and segs[-1][0].endswith("\n"):
        segs = [*segs[:-1], (segs[-1][0][:-1], "", "")]
    forms = ["none", "none", "arrow", "tab", "diff"] + ([] if "log" in kind else ["ci"])
    line_form = "none" if multiline else r.choice(forms)
    if line_form == "arrow":
        segs = prefix_lines(segs, lambda n: f"{n:>6}→")
    elif line_form == "tab":
        segs = prefix_lines(segs, lambda n: f"{n:>6}\t")
    elif line_form == "ci":
        t = f"2026-{r.randrange(1, 12):02d}-{r.randrange(1, 28):02d}T{r.randrange(24):02d}:{r.randrange(60):02d}"
        segs = prefix_lines(segs, lambda n: f"{t}:{n % 60:02d}.{(n * 7919) % 10**7:07d}Z ")
    elif line_form == "diff":
        count = "".join(t for t, _, _ in segs).count("\n") + 1
        path = f"{kind.replace('_', '/')}.txt"
        head = f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -0,0 +1,{count} @@\n"
        segs = [(head, "", ""), *prefix_lines(segs, lambda n: "+")]
    envelope = r.choice(["none", "none", "claude", "codex", "markdown"])
    if envelope == "claude":
        tid = "toolu_" + rs(r, B62, 24)
        segs = [
            ('{"type":"tool_result","tool_use_id":"' + tid + '","content":"', "", ""),
            *json_escape(segs),
            ('"}', "", ""),
        ]
    elif envelope == "codex":
        cid = "call_" + rs(r, B62, 24)
        segs = [
            ('{"type":"function_call_output","call_id":"' + cid + '","output":"', "", ""),
            *json_escape(segs),
            ('"}', "", ""),
        ]
    elif envelope == "markdown":
        lang = r.choice(["", "text", "console"])
        segs = [("Here is the output:\n\n```" + lang + "\n", "", ""), *segs, ("\n```", "", "")]
    return [*segs, ("\n", "", "")]


def to_doc(name: str, segs: list[Seg]) -> Doc:
    secrets: list[Span] = []
    keeps: list[Span] = []
    pos = 0
    parts = []
    for text, role, kind in segs:
        if role == "s" and text:
            secrets.append(Span(pos, pos + len(text), text, kind, kind in VENDOR_CLASSES))
        elif role == "k" and text:
            keeps.append(Span(pos, pos + len(text), text, kind))
        parts.append(text)
        pos += len(text)
    return Doc(name, "".join(parts), tuple(secrets), tuple(keeps))


def sound(doc: Doc) -> bool:
    """No secret's text shows up outside the secret spans (else 'recalled' would be ill-defined)."""
    masked = list(doc.text)
    for s in doc.secrets:
        masked[s.start : s.end] = "\0" * (s.end - s.start)
    rest = "".join(masked)
    return all(s.text not in rest for s in doc.secrets)


def build_corpus(seed: int = DEFAULT_SEED) -> list[Doc]:
    """The labelled documents for a seed: the same seed gives the same corpus."""
    plan = [(k, False) for k in list(SECRET_KINDS) * 3]
    n_look = round(len(plan) / 9)  # one document in ten
    plan += [(k, True) for k in (list(LOOKALIKE_KINDS) * 3)[:n_look]]
    docs = []
    for i, (kind, look) in enumerate(plan):
        make = LOOKALIKE_KINDS[kind] if look else SECRET_KINDS[kind]
        for attempt in range(20):
            r = random.Random(f"{seed}:{i}:{attempt}")
            doc = to_doc(f"{i:03d}-{kind}", deliver(r, parse(make(r)), kind))
            if sound(doc):
                break
        else:
            raise AssertionError(f"could not build a sound document of kind {kind}")
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------------------
# Measure: aggregates only.


def _kept(span: Span, blocks: list[tuple[int, int, int]]) -> bool:
    return any(a <= span.start and span.end <= a + size for a, _, size in blocks)


def measure_held_back(scrub: Callable[[str], str] | None = None) -> dict[str, float | int]:
    """Recall, fragment-free recall, vendor recall and keep rates of `scrub` on the corpus (figures only)."""
    run: Callable[[str], str]
    if scrub is None:
        from client_actors.scrub import scrub_text

        def run(t: str) -> str:
            return scrub_text(t).text

    else:
        run = scrub
    docs = build_corpus()
    n_sec = hit = clean = 0
    n_vendor = hit_vendor = 0
    n_keep = kept = 0
    n_lines = lines_kept = 0
    for doc in docs:
        out = run(doc.text)
        masked = list(doc.text)
        for s in doc.secrets:
            masked[s.start : s.end] = "\0" * (s.end - s.start)
        outside = "".join(masked)
        for s in doc.secrets:
            n_sec += 1
            n_vendor += s.vendor
            if s.text in out:
                continue
            hit += 1
            hit_vendor += s.vendor
            grams = {s.text[i : i + 8] for i in range(len(s.text) - 7)}
            if not any(g in out and g not in outside for g in grams):
                clean += 1
        if doc.keeps:
            blocks = [
                (b.a, b.b, b.size)
                for b in difflib.SequenceMatcher(None, doc.text, out, autojunk=False).get_matching_blocks()
            ]
            for k in doc.keeps:
                n_keep += 1
                kept += _kept(k, blocks)
        if not doc.secrets:
            have = Counter(out.splitlines())
            for ln in doc.text.splitlines():
                if not ln.strip():
                    continue
                n_lines += 1
                if have[ln] > 0:
                    have[ln] -= 1
                    lines_kept += 1
    return {
        "secrets": n_sec,
        "recall": hit / n_sec if n_sec else 1.0,
        "recall_no_fragment": clean / n_sec if n_sec else 1.0,
        "vendor_prefix_recall": hit_vendor / n_vendor if n_vendor else 1.0,
        "keep_rate": kept / n_keep if n_keep else 1.0,
        "line_keep_rate": lines_kept / n_lines if n_lines else 1.0,
        "lines": n_lines,
    }


def _digest(docs: list[Doc]) -> str:
    """A fingerprint of a corpus, for determinism checks."""
    h = hashlib.sha256()
    for d in docs:
        h.update(d.name.encode() + b"\0" + d.text.encode() + b"\0")
        for s in (*d.secrets, *d.keeps):
            h.update(f"{s.start}:{s.end}:{s.kind}:{s.vendor};".encode())
    return h.hexdigest()
