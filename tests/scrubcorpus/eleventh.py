"""Eleventh held-back scrubber corpus: what a coding agent reads back, labelled, for a blind measurement.

Written from public descriptions of formats only (vendor token layouts, credential files, CLI output, HTTP,
logs), without sight of the scrubber's rules, so its figures say how the scrubber does on text it was not
tuned on. The emphasis is on what agents actually print and read: sessions of vendor CLIs (``gh``,
``vault``, ``doctl``, ``stripe``, ``aws``, ``huggingface-cli``), credential files of package managers and
cloud tools, MCP server configuration, CI logs with their timestamps and masks, ``curl -v`` traces, tracebacks
with diagnosed locals, data exports (CSV, SQL, LDIF, vCard, SEPA XML) and git output. Each document is
delivered the way an agent receives it: as is, as one escaped JSON transcript line, as a diff's added lines,
numbered by a file reader (``"    12→"`` or ``"12\\t"``), behind CI timestamps, or in a Markdown fence.

Shape: DOCUMENTS documents, LOOKALIKE_DOCUMENTS of them holding look-alikes only (every look-alike template
before any repeats); each of the 40 classes in CLASSES is the main secret of at least MIN_PER_CLASS documents,
and many documents hold others beside it (the e-mail beside a name, a database password beside an API key, the
Basic credentials ``curl -v`` prints for ``-u``). Every value is drawn from the seed by the functions below;
none is written out in this file, and people's names are common given and family names paired at random.

Labelling policy:

- A secret span is the value alone: never its key, quotes, scheme (``Bearer``, ``Basic``, ``FlyV1``) or the
  URL around it. A URL's credential is its password, or the token given as its user; a PEM private key is
  the block from its BEGIN line to its END line, what sits at the start of its inner lines included.
- A span is the text as delivered: the escaped text inside a JSON transcript line, the line numbers or
  timestamps inside a multi-line block.
- Every occurrence of a secret's text in a document lies inside a span labelled secret.
- What the product's published policy keeps is labelled must-survive, never secret: e-mail addresses on
  reserved example domains and role accounts (``noreply@``, ``git@github.com``), the card numbers payment
  processors publish for testing, placeholders and masked values, documentation addresses, vendor-shaped
  fillers, AWS's ``...EXAMPLE`` keys, IBANs failing their check, names beside documentation addresses,
  request nonces (``Postman-Token``, ``Sec-WebSocket-Key``), analytics and cleared cookies, instrumentation
  keys, template expressions and command substitutions.
- Values the policy leaves open (account and messaging SIDs, Vault token accessors, publishable keys, the
  other values of a Kubernetes Secret) are left unlabelled, so neither figure counts them.
- Must-survive spans are key names beside secrets, example hosts, documentation addresses, paths, UUIDs,
  commit and content digests, public keys, versions, request ids, base64 of ordinary data, placeholders,
  masked values and the identifiers around a secret. One is kept when the output holds its text at least
  as often as the input; a span whose text holds a secret's text, or lies inside one, is not labelled.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import random
import re
import string
import uuid
import zlib
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED = 20261205
DOCUMENTS = 360
LOOKALIKE_DOCUMENTS = 36
MIN_PER_CLASS = 8

Rng = random.Random


@attrs.frozen
class Span:
    start: int
    end: int
    text: str
    cls: str = ""


@attrs.frozen
class Document:
    text: str
    kind: str
    delivery: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]


@attrs.frozen
class SecretClass:
    """A kind of secret; `vendor_prefix` says its text starts with a prefix its vendor publishes."""

    name: str
    vendor_prefix: bool
    layout: str


CLASSES: tuple[SecretClass, ...] = (
    SecretClass("github-token", True, "ghp_/gho_/ghs_/ghu_ + 30 base62 + base62 CRC32; github_pat_11..."),
    SecretClass("gitlab-token", True, "glpat- + 20"),
    SecretClass("slack-token", True, "xoxb-/xoxp-/xapp-1- with numeric team and user parts"),
    SecretClass("stripe-key", True, "sk_live_/rk_live_ + 24..99, whsec_ + 32"),
    SecretClass("openai-key", True, "sk-proj- + 74 + T3BlbkFJ + 74"),
    SecretClass("anthropic-key", True, "sk-ant-api03- + 93 + AA"),
    SecretClass("aws-access-key-id", True, "AKIA/ASIA + 16 base32"),
    SecretClass("google-credential", True, "AIza + 35, GOCSPX- + 28, ya29. access tokens"),
    SecretClass("npm-token", True, "npm_ + 36"),
    SecretClass("pypi-token", True, "pypi-AgEIcHlwaS5vcmc + macaroon"),
    SecretClass("huggingface-token", True, "hf_ + 34 letters"),
    SecretClass("sendgrid-key", True, "SG. + 22 + . + 43"),
    SecretClass("twilio-api-key", True, "SK + 32 hex"),
    SecretClass("digitalocean-token", True, "dop_v1_/doo_v1_ + 64 hex"),
    SecretClass("shopify-token", True, "shpat_/shpss_/shpca_ + 32 hex"),
    SecretClass("doppler-token", True, "dp.st.<config>./dp.pt./dp.sa. + 40..43"),
    SecretClass("linear-api-key", True, "lin_api_ + 40"),
    SecretClass("databricks-token", True, "dapi + 32 hex"),
    SecretClass("atlassian-token", True, "ATATT3xFfGF0 + 170 + = + 8 hex"),
    SecretClass("sentry-token", True, "sntrys_<base64 claims>_<43>, sntryu_ + 64 hex"),
    SecretClass("postman-key", True, "PMAK- + 24 hex + - + 34 hex"),
    SecretClass("grafana-token", True, "glsa_ + 32 + _ + 8 hex, glc_ + base64"),
    SecretClass("vault-token", True, "hvs./hvb. tokens"),
    SecretClass("terraform-cloud-token", True, "14 + .atlasv1. + 67"),
    SecretClass("mailgun-key", True, "key- + 32 hex"),
    SecretClass("newrelic-key", True, "NRAK- + 27"),
    SecretClass("flyio-token", True, "fo1_ + 43, fm2_ macaroons"),
    SecretClass("supabase-token", True, "sbp_ + 40 hex"),
    SecretClass("aws-secret-key", False, "40 base64 characters under an AWS secret key's name"),
    SecretClass("jwt", False, "three base64url parts, header and claims JSON"),
    SecretClass("private-key", False, "PEM block, BEGIN..END lines"),
    SecretClass("password", False, "a value a password field, flag, URL or connection string holds"),
    SecretClass("credential", False, "generic tokens, API keys, Basic credentials, hashes, signatures"),
    SecretClass("session-cookie", False, "a session cookie's value"),
    SecretClass("email", False, "a person's address on a real-looking domain"),
    SecretClass("phone", False, "E.164 and national phone numbers under a phone key"),
    SecretClass("ssn", False, "US social security numbers"),
    SecretClass("card-number", False, "Luhn-valid card numbers, not processors' test numbers"),
    SecretClass("iban", False, "IBANs with valid mod-97 check digits"),
    SecretClass("person-name", False, "a person's name where a structured field says it is one"),
)
VENDOR_CLASSES: frozenset[str] = frozenset(c.name for c in CLASSES if c.vendor_prefix)
CLASS_NAMES: tuple[str, ...] = tuple(c.name for c in CLASSES)
DELIVERIES: tuple[str, ...] = (
    "as-is",
    "json-transcript",
    "diff-added",
    "numbered-arrow",
    "numbered-tab",
    "ci-timestamps",
    "markdown-fence",
)

# --- alphabets and checksums -------------------------------------------------------------------------------

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
HEX = "0123456789abcdef"
HEX_UPPER = HEX.upper()
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
BASE62 = DIGITS + UPPER + LOWER
BASE32 = UPPER + "234567"


def draw(rng: Rng, alphabet: str, length: int) -> str:
    return "".join(rng.choices(alphabet, k=length))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    """Unpadded, as JWTs carry their parts."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def compact_json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def base62(number: int, width: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return digits.rjust(width, "0")


def github_checksum(body: str) -> str:
    """GitHub's published token layout ends in a CRC32 of the random part, six base62 digits."""
    return base62(zlib.crc32(body.encode()), 6)


def luhn_digit(partial: str) -> str:
    total = 0
    for position, char in enumerate(reversed(partial)):
        digit = int(char)
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def iban_check_digits(country: str, bban: str) -> str:
    number = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{98 - int(number) % 97:02d}"


# --- vendor tokens -------------------------------------------------------------------------------------------


def github_token(rng: Rng, prefix: str = "") -> str:
    if not prefix and rng.random() < 0.3:
        return "github_pat_11" + draw(rng, UPPER + DIGITS, 20) + "_" + draw(rng, ALNUM, 59)
    body = draw(rng, ALNUM, 30)
    return (prefix or rng.choice(("ghp_", "ghp_", "gho_", "ghs_", "ghu_"))) + body + github_checksum(body)


def gitlab_token(rng: Rng) -> str:
    return "glpat-" + draw(rng, ALNUM + "-_", 20)


def slack_token(rng: Rng, kind: str = "") -> str:
    kind = kind or rng.choice(("xoxb", "xoxb", "xoxp", "xapp"))
    team, user, bot = (rng.randint(10**10, 10**13 - 1) for _ in range(3))
    if kind == "xoxb":
        return f"xoxb-{team}-{bot}-{draw(rng, ALNUM, 24)}"
    if kind == "xoxp":
        return f"xoxp-{team}-{user}-{bot}-{draw(rng, HEX, 32)}"
    return f"xapp-1-A{draw(rng, UPPER + DIGITS, 10)}-{team}-{draw(rng, HEX, 64)}"


def stripe_key(rng: Rng, prefix: str = "") -> str:
    prefix = prefix or rng.choice(("sk_live_", "sk_live_", "rk_live_"))
    if rng.random() < 0.75:
        return prefix + "51" + draw(rng, ALNUM, 97)
    return prefix + draw(rng, ALNUM, 24)


def stripe_webhook_secret(rng: Rng) -> str:
    return "whsec_" + draw(rng, ALNUM, 32)


def openai_key(rng: Rng) -> str:
    if rng.random() < 0.2:
        return "sk-svcacct-" + draw(rng, B64URL, 74) + "T3BlbkFJ" + draw(rng, B64URL, 74)
    return "sk-proj-" + draw(rng, B64URL, 74) + "T3BlbkFJ" + draw(rng, B64URL, 74)


def anthropic_key(rng: Rng) -> str:
    return "sk-ant-api03-" + draw(rng, B64URL, 93) + "AA"


def aws_key_id(rng: Rng, prefix: str = "AKIA") -> str:
    body = draw(rng, BASE32, 16)
    while body.endswith("EXAMPLE"):
        body = draw(rng, BASE32, 16)
    return prefix + body


def aws_secret(rng: Rng) -> str:
    return draw(rng, B64, 40)


def aws_session_token(rng: Rng) -> str:
    return "IQoJb3JpZ2luX2Vj" + draw(rng, B64, 340) + "="


def google_credential(rng: Rng, kind: str = "") -> str:
    kind = kind or rng.choice(("api", "api", "client", "access"))
    if kind == "api":
        return "AIza" + draw(rng, B64URL, 35)
    if kind == "client":
        return "GOCSPX-" + draw(rng, B64URL, 28)
    return "ya29.a0" + draw(rng, B64URL, 160)


def npm_token(rng: Rng) -> str:
    return "npm_" + draw(rng, ALNUM, 36)


def pypi_token(rng: Rng) -> str:
    return "pypi-AgEIcHlwaS5vcmc" + draw(rng, B64URL, rng.randint(150, 200))


def huggingface_token(rng: Rng) -> str:
    return "hf_" + draw(rng, UPPER + LOWER, 34)


def sendgrid_key(rng: Rng) -> str:
    return "SG." + draw(rng, B64URL, 22) + "." + draw(rng, B64URL, 43)


def twilio_key(rng: Rng) -> str:
    return "SK" + draw(rng, HEX, 32)


def digitalocean_token(rng: Rng) -> str:
    return rng.choice(("dop_v1_", "dop_v1_", "doo_v1_")) + draw(rng, HEX, 64)


def shopify_token(rng: Rng, prefix: str = "") -> str:
    return (prefix or rng.choice(("shpat_", "shpat_", "shpss_", "shpca_"))) + draw(rng, HEX, 32)


def doppler_token(rng: Rng) -> str:
    kind = rng.choice(("st", "st", "pt", "sa"))
    if kind == "st":
        return f"dp.st.{rng.choice(('prd', 'dev', 'stg', 'ci'))}." + draw(rng, ALNUM, 40)
    return f"dp.{kind}." + draw(rng, ALNUM, 43)


def linear_key(rng: Rng) -> str:
    return "lin_api_" + draw(rng, ALNUM, 40)


def databricks_token(rng: Rng) -> str:
    return "dapi" + draw(rng, HEX, 32) + rng.choice(("", "", "-2", "-3"))


def atlassian_token(rng: Rng) -> str:
    return "ATATT3xFfGF0" + draw(rng, B64URL, 170) + "=" + draw(rng, HEX_UPPER, 8)


def sentry_token(rng: Rng) -> str:
    if rng.random() < 0.25:
        return "sntryu_" + draw(rng, HEX, 64)
    claims = {
        "iat": round(rng.uniform(1.70e9, 1.76e9), 5),
        "url": "https://sentry.io",
        "region_url": rng.choice(("https://us.sentry.io", "https://de.sentry.io")),
        "org": org_slug(rng),
    }
    return "sntrys_" + b64(compact_json(claims).encode()) + "_" + draw(rng, ALNUM, 43)


def postman_key(rng: Rng) -> str:
    return "PMAK-" + draw(rng, HEX, 24) + "-" + draw(rng, HEX, 34)


def grafana_token(rng: Rng) -> str:
    if rng.random() < 0.3:
        claims = {
            "o": str(rng.randint(100000, 999999)),
            "n": f"{org_slug(rng)}-{rng.choice(('metrics', 'logs', 'alloy'))}",
            "k": draw(rng, ALNUM, 24),
            "m": {"r": rng.choice(("prod-eu-west-2", "prod-us-east-0"))},
        }
        return "glc_" + b64(compact_json(claims).encode())
    return "glsa_" + draw(rng, ALNUM, 32) + "_" + draw(rng, HEX, 8)


def vault_token(rng: Rng) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return "hvs." + draw(rng, B64URL, 24)
    if kind == 1:
        return "hvs.CAESI" + draw(rng, B64URL, 86)
    return "hvb.AAAAAQ" + draw(rng, B64URL, 130)


def terraform_cloud_token(rng: Rng) -> str:
    return draw(rng, ALNUM, 14) + ".atlasv1." + draw(rng, ALNUM, 67)


def mailgun_key(rng: Rng) -> str:
    return "key-" + draw(rng, HEX, 32)


def newrelic_key(rng: Rng) -> str:
    return "NRAK-" + draw(rng, UPPER + DIGITS, 27)


def flyio_token(rng: Rng) -> str:
    if rng.random() < 0.4:
        return "fo1_" + draw(rng, B64URL, 43)
    return "fm2_lJPE" + draw(rng, B64, 236) + "=="


def supabase_token(rng: Rng) -> str:
    return "sbp_" + draw(rng, HEX, 40)


# --- generic secrets ---------------------------------------------------------------------------------------

PASSWORD_WORDS = (
    "harbor", "maple", "falcon", "cobalt", "winter", "pepper", "orbit", "violet", "tundra", "copper",
    "summit", "lantern", "marble", "thistle", "ember", "glacier", "walnut", "meadow", "quartz", "heron",
)  # fmt: skip
PASSWORD_SYMBOLS = "!#%*-_.+^~"


def password(rng: Rng, url_safe: bool = False) -> str:
    """Generated and human-made shapes; `url_safe` keeps to what a URL's userinfo holds unencoded."""
    symbols = "-_.~" if url_safe else PASSWORD_SYMBOLS
    style = rng.randrange(4)
    if style == 0:
        return draw(rng, ALNUM, rng.randint(14, 22)) + draw(rng, symbols, 1) + draw(rng, ALNUM, 3)
    if style == 1:
        first, second = rng.sample(PASSWORD_WORDS, 2)
        return f"{first.title()}{rng.choice(symbols)}{second.title()}{rng.randint(10, 9999)}{rng.choice(symbols)}"
    if style == 2:
        return draw(rng, HEX, rng.choice((24, 32)))
    return (
        "".join(rng.choice(rng.choice((ALNUM, ALNUM, ALNUM, symbols))) for _ in range(rng.randint(12, 18)))
        + "9Q"
    )


def generic_token(rng: Rng) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return draw(rng, HEX, rng.choice((32, 40, 64)))
    if kind == 1:
        return draw(rng, B64URL, rng.choice((32, 40, 43)))
    if kind == 2:
        return draw(rng, ALNUM, rng.choice((24, 32, 48)))
    return b64(rng.randbytes(rng.choice((24, 32, 48))))


def cloudflare_token(rng: Rng) -> str:
    return draw(rng, B64URL, 40)


def jwt(rng: Rng, issuer: str = "", alg: str = "") -> str:
    alg = alg or rng.choice(("HS256", "RS256", "ES256"))
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        header["kid"] = draw(rng, B64URL, 16)
    issued = rng.randint(1_750_000_000, 1_770_000_000)
    claims: dict[str, object] = {
        "sub": str(uuid_of(rng)) if rng.random() < 0.5 else f"user_{rng.randint(1000, 999999)}",
        "iat": issued,
        "exp": issued + rng.choice((900, 3600, 86400)),
        "iss": issuer or f"https://auth.{company_domain(rng)}/",
    }
    if rng.random() < 0.5:
        claims["scope"] = rng.choice(("read write", "openid profile email", "admin"))
    if rng.random() < 0.4:
        claims["role"] = rng.choice(("service_role", "authenticated", "deployer"))
    signature = rng.randbytes({"HS256": 32, "RS256": 256, "ES256": 64}[alg])
    parts = (compact_json(header).encode(), compact_json(claims).encode(), signature)
    return ".".join(b64url(part) for part in parts)


PEM_LAYOUTS: dict[str, tuple[str, bytes, int, int]] = {
    # name: (label, DER or key blob prefix, length in bytes, line width)
    "rsa": ("RSA PRIVATE KEY", bytes.fromhex("308204a40201000282010100"), 1192, 64),
    "pkcs8-rsa": (
        "PRIVATE KEY",
        bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7"),
        1217,
        64,
    ),
    "ec": ("EC PRIVATE KEY", bytes.fromhex("30770201010420"), 121, 64),
    "pkcs8-ec": (
        "PRIVATE KEY",
        bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420"),
        138,
        64,
    ),
    "openssh": (
        "OPENSSH PRIVATE KEY",
        b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none",
        399,
        70,
    ),
}


def pem_private_key(rng: Rng, layout: str = "") -> str:
    layout = layout or rng.choice(("ec", "pkcs8-ec", "openssh", "openssh", "rsa", "pkcs8-rsa"))
    label, prefix, length, width = PEM_LAYOUTS[layout]
    body = b64(prefix + rng.randbytes(length - len(prefix)))
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])


def basic_credentials(user: str, secret: str) -> str:
    return b64(f"{user}:{secret}".encode())


# --- people and their data ---------------------------------------------------------------------------------

GIVEN_NAMES = (
    "Maren", "Jonas", "Priya", "Mateo", "Aisha", "Tomasz", "Ingrid", "Hiroshi", "Elena", "Omar", "Chloe",
    "Lukas", "Sofia", "Arjun", "Fatima", "Diego", "Hannah", "Olivia", "Carlos", "Yuki", "Nadia", "Felix",
    "Clara", "Mohammed", "Daniel", "Sarah", "Laura", "David", "Michael", "Jennifer", "Robert", "Patricia",
    "James", "Linda", "Zofia", "Kwame", "Leila", "Rafael", "Astrid", "Nikolai",
)  # fmt: skip
FAMILY_NAMES = (
    "Holt", "Brandt", "Okafor", "Nowak", "Kowalski", "Lindqvist", "Tanaka", "Suzuki", "Moreau", "Rossi",
    "Schmidt", "Fischer", "Weber", "García", "Müller", "Martinez", "Johnson", "Williams", "Miller", "Davis",
    "Wilson", "Anderson", "Patel", "Kumar", "Nguyen", "Santos", "Oliveira", "Hansen", "Nielsen", "Johansson",
    "Murphy", "Dubois", "Petrov", "Haddad", "Mensah", "Yilmaz", "Castillo", "Novak", "Ferreira", "Lehmann",
)  # fmt: skip
ASCII_FOLD = str.maketrans({"í": "i", "á": "a", "é": "e", "ó": "o", "ñ": "n", "ü": "u", "ö": "o", "ł": "l"})
WEBMAIL = (
    "gmail.com",
    "outlook.com",
    "proton.me",
    "yahoo.com",
    "gmx.de",
    "icloud.com",
    "web.de",
    "fastmail.com",
)
DOMAIN_HEADS = ("brint", "corv", "dalm", "fenw", "galt", "holm", "kestr", "lom", "marv", "norl", "pell", "quen",
                "rosk", "salv", "torv", "velm", "wyn", "zand")  # fmt: skip
DOMAIN_TAILS = ("tek", "ora", "via", "ex", "ium", "works", "labs", "soft", "data", "ware", "hub", "line")
DOMAIN_TLDS = ("io", "com", "de", "co.uk", "fr", "nl", "dev", "app", "ch", "se", "com.au")
US_AREA_CODES = (206, 212, 303, 312, 404, 415, 503, 512, 617, 646, 702, 718, 773, 813, 917, 949, 972)
PROCESSOR_TEST_CARDS = (
    "4242424242424242",
    "4000056655665556",
    "5555555555554444",
    "2223003122003222",
    "378282246310005",
    "6011111111111117",
)


@attrs.frozen
class Person:
    first: str
    last: str
    email: str
    phone: str
    ssn: str
    card: str
    iban: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def handle(self) -> str:
        return (self.first[0] + self.last).lower().translate(ASCII_FOLD)


def company_domain(rng: Rng) -> str:
    return rng.choice(DOMAIN_HEADS) + rng.choice(DOMAIN_TAILS) + "." + rng.choice(DOMAIN_TLDS)


def email_for(rng: Rng, first: str, last: str, domain: str = "") -> str:
    first, last = first.lower().translate(ASCII_FOLD), last.lower().translate(ASCII_FOLD)
    local = rng.choice(
        (f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(2, 99)}", f"{first}_{last}")
    )
    return f"{local}@{domain or rng.choice((company_domain(rng), rng.choice(WEBMAIL)))}"


def phone_number(rng: Rng, style: str = "") -> str:
    style = style or rng.choice(("us", "us", "us-e164", "uk", "uk-national", "de", "fr", "in", "au"))
    if style.startswith("us"):
        area = rng.choice(US_AREA_CODES)
        exchange = rng.choice([n for n in range(201, 1000) if n % 100 != 11 and n != 555])
        line = rng.randint(0, 9999)
        if style == "us-e164":
            return f"+1{area}{exchange}{line:04d}"
        return rng.choice((f"({area}) {exchange}-{line:04d}", f"+1 {area}-{exchange}-{line:04d}",
                           f"{area}.{exchange}.{line:04d}"))  # fmt: skip
    if style.startswith("uk"):
        block, rest = rng.randint(400, 989), rng.randint(100000, 999999)
        return f"+44 7{block} {rest}" if style == "uk" else f"07{block} {rest}"
    if style == "de":
        return rng.choice((f"+49 15{rng.randint(1, 9)} {rng.randint(1000000, 99999999)}",
                           f"+4930{rng.randint(1000000, 99999999)}"))  # fmt: skip
    if style == "fr":
        pairs = " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
        return f"+33 {rng.choice((6, 7))} {pairs}" if rng.random() < 0.6 else f"0{rng.choice((6, 7))} {pairs}"
    if style == "in":
        return f"+91 {rng.randint(70000, 99999)} {rng.randint(10000, 99999)}"
    return f"+61 4{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def ssn(rng: Rng, dashed: bool = True) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    if (area, group, serial) in ((78, 5, 1120), (123, 45, 6789), (219, 9, 9999)):
        serial += 1
    return f"{area:03d}-{group:02d}-{serial:04d}" if dashed else f"{area:03d}{group:02d}{serial:04d}"


def card_number(rng: Rng) -> str:
    """A Luhn-valid number of a common scheme that no processor publishes for testing."""
    while True:
        scheme = rng.choice(("visa", "visa", "mastercard", "mastercard2", "amex", "discover"))
        if scheme == "visa":
            partial = "4" + draw(rng, DIGITS, 14)
        elif scheme == "mastercard":
            partial = f"5{rng.randint(1, 5)}" + draw(rng, DIGITS, 13)
        elif scheme == "mastercard2":
            partial = str(rng.randint(2221, 2720)) + draw(rng, DIGITS, 11)
        elif scheme == "amex":
            partial = rng.choice(("34", "37")) + draw(rng, DIGITS, 12)
        else:
            partial = "6011" + draw(rng, DIGITS, 11)
        number = partial + luhn_digit(partial)
        if number not in PROCESSOR_TEST_CARDS and len(set(number)) > 4:
            return number


def grouped_card(rng: Rng, number: str) -> str:
    if rng.random() < 0.4:
        return number
    separator = rng.choice((" ", "-"))
    if len(number) == 15:
        return separator.join((number[:4], number[4:10], number[10:]))
    return separator.join(number[i : i + 4] for i in range(0, 16, 4))


IBAN_BANKS = {"GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL"), "NL": ("ABNA", "INGB", "RABO", "TRIO", "KNAB"),
              "IE": ("AIBK", "BOFI")}  # fmt: skip


def bban(rng: Rng, country: str) -> str:
    """A basic bank account number in the country's registered layout, national check digits included."""
    if country in ("GB", "IE"):
        return rng.choice(IBAN_BANKS[country]) + draw(rng, DIGITS, 14)
    if country == "NL":
        return rng.choice(IBAN_BANKS[country]) + draw(rng, DIGITS, 10)
    if country == "BE":
        head = draw(rng, DIGITS, 10)
        return head + f"{int(head) % 97 or 97:02d}"
    if country == "FR":
        bank, branch, account = draw(rng, DIGITS, 5), draw(rng, DIGITS, 5), draw(rng, DIGITS, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        return f"{bank}{branch}{account}{key:02d}"
    length = {"DE": 18, "AT": 16, "CH": 17, "PL": 24}[country]
    return draw(rng, DIGITS, length)


def iban(rng: Rng) -> str:
    country = rng.choice(("DE", "DE", "GB", "NL", "FR", "AT", "CH", "IE", "PL", "BE"))
    account = bban(rng, country)
    return country + iban_check_digits(country, account) + account


def broken_iban(rng: Rng) -> str:
    """An IBAN-shaped string whose check digits fail mod 97: a look-alike that stays."""
    valid = iban(rng)
    wrong = f"{(int(valid[2:4]) + rng.randint(1, 96)) % 97 + 2:02d}"
    while wrong == valid[2:4]:
        wrong = f"{(int(wrong) + 1) % 97 + 2:02d}"
    return valid[:2] + wrong + valid[4:]


def grouped_iban(rng: Rng, value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.5 else value


def person(rng: Rng, domain: str = "") -> Person:
    first, last = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
    return Person(
        first=first,
        last=last,
        email=email_for(rng, first, last, domain),
        phone=phone_number(rng),
        ssn=ssn(rng, dashed=rng.random() < 0.8),
        card=card_number(rng),
        iban=iban(rng),
    )


# --- context: hosts, ids, digests, times -------------------------------------------------------------------

ORGS = ("kestrel", "harborline", "lumen", "quarry", "basalt", "orchid", "juniper", "saffron", "meridian",
        "tidewater", "copperline", "fernhill", "bluefin", "ashgrove")  # fmt: skip
PROJECTS = (
    "api",
    "web",
    "infra",
    "billing-service",
    "data-pipeline",
    "mobile-app",
    "docs",
    "ingest",
    "worker",
)
EXAMPLE_DOMAINS = (
    "example.com",
    "example.org",
    "example.net",
    "corp.example",
    "svc.test",
    "staging.example.com",
)
HOST_ROLES = ("api", "db", "auth", "ci", "registry", "cache", "grafana", "vault", "queue", "search", "files")
PLACEHOLDERS = ("<your-api-key>", "<your-token>", "<REPLACE_ME>", "changeme", "********", "${SECRET_FROM_VAULT}",
                "<paste-token-here>", "${API_TOKEN}")  # fmt: skip
PLACEHOLDER_NAMES = ("SENTRY_DSN", "MAPBOX_TOKEN", "SEGMENT_WRITE_KEY", "RECAPTCHA_SECRET", "ALGOLIA_ADMIN_KEY",
                     "PLAUSIBLE_API_KEY")  # fmt: skip
EPOCH = dt.datetime(2025, 9, 1, tzinfo=dt.UTC)


def org_slug(rng: Rng) -> str:
    return rng.choice(ORGS)


def repo_slug(rng: Rng) -> str:
    return f"{org_slug(rng)}/{rng.choice(PROJECTS)}"


def example_host(rng: Rng, role: str = "") -> str:
    return f"{role or rng.choice(HOST_ROLES)}.{rng.choice(EXAMPLE_DOMAINS)}"


def doc_ip(rng: Rng) -> str:
    if rng.random() < 0.15:
        return f"2001:db8::{rng.randint(1, 0xFFFF):x}"
    return f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{rng.randint(2, 254)}"


def uuid_of(rng: Rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def uid(rng: Rng) -> str:
    return str(uuid_of(rng))


def sha(rng: Rng, length: int = 40) -> str:
    return draw(rng, HEX, length)


def version(rng: Rng) -> str:
    return f"{rng.randint(0, 4)}.{rng.randint(0, 31)}.{rng.randint(0, 12)}"


def moment(rng: Rng) -> dt.datetime:
    return EPOCH + dt.timedelta(seconds=rng.randint(0, 120 * 86400), microseconds=rng.randint(0, 999999))


def iso(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def log_time(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S,") + f"{when.microsecond // 1000:03d}"


def git_date(when: dt.datetime) -> str:
    return f"{when:%a %b} {when.day} {when:%H:%M:%S %Y} +0000"


def placeholder(rng: Rng) -> str:
    return rng.choice(PLACEHOLDERS)


def pick(rng: Rng, options: Sequence[str]) -> str:
    return rng.choice(options)


def camel(name: str) -> str:
    head, *rest = name.lower().split("_")
    return head + "".join(part.title() for part in rest)


def pascal(name: str) -> str:
    return "".join(part.title() for part in name.lower().split("_"))


def shell_quote(text: str) -> str:
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else "'" + text.replace("'", "'\\''") + "'"


# --- marking: templates write labelled text; the assembler turns marks into spans ---------------------------

SECRET_OPEN, SECRET_MID, SECRET_CLOSE, KEEP_OPEN, KEEP_CLOSE = (
    "\ue000",
    "\ue001",
    "\ue002",
    "\ue003",
    "\ue004",
)
MARKS = re.compile("\ue000([^\ue001]*)\ue001([^\ue002]*)\ue002|\ue003([^\ue004]*)\ue004")


def keep(text: str) -> str:
    return f"{KEEP_OPEN}{text}{KEEP_CLOSE}"


def secret(text: str, cls: str) -> str:
    return f"{SECRET_OPEN}{cls}{SECRET_MID}{text}{SECRET_CLOSE}"


@attrs.frozen
class Val:
    """A secret value a template places; `lead` is a scheme shown before it and not part of the span."""

    raw: str
    cls: str
    lead: str = ""

    def __str__(self) -> str:
        return self.lead + secret(self.raw, self.cls)

    @property
    def whole(self) -> str:
        return self.lead + self.raw

    def sh(self) -> str:
        """As a shell word: single-quoted when the value needs it."""
        return str(self) if shell_quote(self.whole) == self.whole else f"'{self}'"


@attrs.frozen
class Draft:
    """A document before delivery; `path` names the file it is, empty for command output."""

    kind: str
    text: str
    path: str = ""


def unmark(text: str) -> str:
    """The text a marked string stands for."""
    return MARKS.sub(lambda match: match.group(2) if match.group(3) is None else match.group(3), text)


def marked_json(value: object, indent: int | None = 2) -> str:
    """JSON whose strings may hold marks: the marks pass through, what they enclose is escaped as JSON does."""
    return json.dumps(value, indent=indent, ensure_ascii=False)


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


# --- carriers: where any named token can sit ---------------------------------------------------------------

Carrier = Callable[[Rng, str, Val], Draft]


def extra_password(rng: Rng, row: Callable[[Val], str], chance: float = 0.35) -> list[str]:
    """Now and then a database password beside the main secret, as configuration holds them together."""
    return [row(pw(rng))] if rng.random() < chance else []


def c_dotenv(rng: Rng, name: str, v: Val) -> Draft:
    value = f'"{v}"' if " " in v.whole or rng.random() < 0.3 else str(v)
    others = [
        "NODE_ENV=production",
        f"PORT={rng.choice((3000, 8000, 8080, 9090))}",
        f"{keep('PUBLIC_URL')}=https://{keep(example_host(rng))}",
        f"LOG_LEVEL={pick(rng, ('info', 'debug', 'warn'))}",
        f"{keep('BUILD_SHA')}={keep(sha(rng))}",
        f"{keep(pick(rng, PLACEHOLDER_NAMES))}={keep(placeholder(rng))}",
    ]
    rows = rng.sample(others, 4)
    rows.insert(rng.randint(0, 4), f"{keep(name)}={value}")
    rows += extra_password(rng, lambda p: f"{keep('PGPASSWORD')}={p}")
    head = ["# local overrides; loaded by docker compose"] if rng.random() < 0.4 else []
    path = pick(rng, (".env", ".env.production", "deploy/.env.staging", "services/api/.env.local"))
    return Draft("dotenv", lines(*head, *rows), path)


def c_shell_export(rng: Rng, name: str, v: Val) -> Draft:
    host = example_host(rng, "api")
    return Draft("shell", lines(
        f"$ export {keep(name)}={v.sh()}",
        "$ ./scripts/smoke.sh --env staging",
        f"[smoke] GET https://{keep(host)}/health -> 200 ({rng.randint(20, 140)} ms)",
        f"[smoke] GET https://{keep(host)}/v2/projects?limit=5 -> 200 ({rng.randint(20, 400)} ms)",
        f"[smoke] release {keep(version(rng))} ok, request id {keep(uid(rng))}",
    ))  # fmt: skip


def c_compose(rng: Rng, name: str, v: Val) -> Draft:
    image = f"ghcr.io/{repo_slug(rng)}:{version(rng)}"
    return Draft("yaml", lines(
        "services:",
        "  app:",
        f"    image: {keep(image)}",
        "    restart: unless-stopped",
        "    environment:",
        "      DATABASE_HOST: db",
        f'      {keep(name)}: "{v}"',
        *extra_password(rng, lambda p: f'      {keep("POSTGRES_PASSWORD")}: "{p}"'),
        f"      OTEL_EXPORTER_OTLP_ENDPOINT: http://{keep(example_host(rng, 'otel'))}:4318",
        "    ports:",
        '      - "8080:8080"',
    ), pick(rng, ("docker-compose.yml", "compose.override.yaml", "deploy/compose.prod.yml")))  # fmt: skip


def c_k8s_env(rng: Rng, name: str, v: Val) -> Draft:
    digest = "sha256:" + sha(rng, 64)
    return Draft("yaml", lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        f"  name: {rng.choice(PROJECTS)}",
        "  namespace: prod",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: app",
        f"          image: registry.example.com/{repo_slug(rng)}@{keep(digest)}",
        "          env:",
        f"            - name: {keep(name)}",
        f'              value: "{v}"',
        "            - name: DATABASE_PASSWORD",
        "              valueFrom:",
        "                secretKeyRef:",
        "                  name: app-secrets",
        "                  key: database-password",
    ), pick(rng, ("k8s/deployment.yaml", "deploy/base/app.yaml", "manifests/prod/api.yaml")))  # fmt: skip


def c_python_settings(rng: Rng, name: str, v: Val) -> Draft:
    if rng.random() < 0.5:
        return Draft("python", lines(
            "import os",
            "",
            "# Until the secret store is wired in, fall back to the team's key.",
            f'os.environ.setdefault("{keep(name)}", "{v}")',
            f'BASE_URL = os.environ.get("BASE_URL", "https://{keep(example_host(rng))}")',
            "TIMEOUT_SECONDS = 10.0",
        ), pick(rng, ("conftest.py", "scripts/seed_data.py", "app/settings/local.py")))  # fmt: skip
    return Draft("python", lines(
        "from pydantic_settings import BaseSettings, SettingsConfigDict",
        "",
        "",
        "class Settings(BaseSettings):",
        '    model_config = SettingsConfigDict(env_file=".env")',
        "",
        f'    {keep(name.lower())}: str = "{v}"',
        f'    base_url: str = "https://{keep(example_host(rng))}"',
        "    timeout_seconds: float = 10.0",
    ), pick(rng, ("app/config.py", "src/service/settings.py")))  # fmt: skip


def c_js_config(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("typescript", lines(
        "export const config = {",
        f'  baseUrl: process.env.BASE_URL ?? "https://{keep(example_host(rng))}",',
        f'  {keep(camel(name))}: process.env.{name} ?? "{v}",',
        "  retries: 3,",
        "} as const;",
    ), pick(rng, ("src/config.ts", "web/lib/config.ts", "scripts/sync.mjs")))  # fmt: skip


def c_go_source(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("go", lines(
        "package client",
        "",
        "const (",
        f'\tdefaultEndpoint = "https://{keep(example_host(rng))}/v2"',
        f'\tfallback{pascal(name)} = "{v}" // TODO: read from the environment',
        ")",
        "",
        "func tokenFromEnv() string {",
        f'\tif t := os.Getenv("{keep(name)}"); t != "" {{',
        "\t\treturn t",
        "\t}",
        f"\treturn fallback{pascal(name)}",
        "}",
    ), pick(rng, ("internal/client/auth.go", "pkg/api/token.go")))  # fmt: skip


def c_mcp_config(rng: Rng, name: str, v: Val) -> Draft:
    server = name.split("_")[0].lower()
    config = {"mcpServers": {server: {
        "command": "npx",
        "args": ["-y", f"mcp-server-{server}@{version(rng)}"],
        "env": {keep(name): str(v)},
    }}}  # fmt: skip
    return Draft(
        "json", marked_json(config) + "\n", pick(rng, (".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json"))
    )


def c_actions_log(rng: Rng, name: str, v: Val) -> Draft:
    when = moment(rng)

    def stamp(offset: int) -> str:
        return (when + dt.timedelta(milliseconds=offset)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "0000Z"

    rows = [
        "##[group]Run ./scripts/release.sh",
        "./scripts/release.sh",
        "shell: /usr/bin/bash -e {0}",
        "env:",
        f"  NODE_VERSION: {keep(version(rng))}",
        f"  {keep(name)}: {v}",
        f"  REGISTRY_PASSWORD: {keep('***')}",
        "##[endgroup]",
        f"+ echo 'releasing {keep(sha(rng, 7))}'",
    ]
    return Draft("ci-log", lines(*(f"{stamp(i * 37)} {row}" for i, row in enumerate(rows))))


def c_grep_hits(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("grep", lines(
        f"$ rg -n {name}",
        f"{keep('src/config/settings.py')}:{rng.randint(5, 60)}:{name} = os.environ.get(\"{name}\", \"\")",
        f"{keep('scripts/dev-env.sh')}:{rng.randint(2, 20)}:export {name}={v.sh()}",
        f"README.md:{rng.randint(20, 90)}:Set `{name}` in your shell before running the tests.",
        f"{keep('docs/setup.md')}:{rng.randint(5, 40)}:    export {name}={keep(placeholder(rng))}",
    ))  # fmt: skip


def c_dockerfile(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("dockerfile", lines(
        f"FROM python:{keep(pick(rng, ('3.12-slim', '3.11-slim-bookworm', '3.13-alpine')))}",
        "WORKDIR /app",
        "ENV PIP_NO_CACHE_DIR=1 \\",
        f'    {keep(name)}="{v}"',
        "COPY requirements.txt .",
        "RUN pip install -r requirements.txt",
        "COPY . .",
        'CMD ["python", "-m", "app"]',
    ), pick(rng, ("Dockerfile", "docker/worker.Dockerfile")))  # fmt: skip


def c_systemd(rng: Rng, name: str, v: Val) -> Draft:
    service = rng.choice(("worker", "ingest", "notifier"))
    return Draft("ini", lines(
        "[Unit]",
        f"Description={service.title()} for the nightly jobs",
        "After=network-online.target",
        "",
        "[Service]",
        f"User=svc-{service}",
        f"WorkingDirectory={keep('/srv/' + service)}",
        f'Environment="{keep(name)}={v}"',
        "Environment=LOG_LEVEL=info",
        f"ExecStart=/srv/{service}/.venv/bin/python -m {service}",
        "Restart=on-failure",
    ), f"/etc/systemd/system/{service}.service")  # fmt: skip


def c_powershell(rng: Rng, name: str, v: Val) -> Draft:
    port = rng.randint(5000, 5300)
    return Draft("powershell", lines(
        f'PS C:\\src\\api> $env:{keep(name)} = "{v}"',
        "PS C:\\src\\api> dotnet run --project src/Api",
        "Building...",
        "info: Microsoft.Hosting.Lifetime[14]",
        f"      Now listening on: http://localhost:{port}",
        "info: Microsoft.Hosting.Lifetime[0]",
        "      Application started. Press Ctrl+C to shut down.",
    ))  # fmt: skip


def c_toml_env(rng: Rng, name: str, v: Val) -> Draft:
    if rng.random() < 0.5:
        return Draft("toml", lines(
            "[build]",
            '  command = "npm run build"',
            '  publish = "dist"',
            "",
            "[build.environment]",
            f'  NODE_VERSION = "{keep(version(rng))}"',
            f'  {keep(name)} = "{v}"',
        ), "netlify.toml")  # fmt: skip
    return Draft("toml", lines(
        f'app = "{org_slug(rng)}-api"',
        f'primary_region = "{pick(rng, ("ams", "fra", "iad", "sjc"))}"',
        "",
        "[env]",
        '  LOG_LEVEL = "info"',
        f'  {keep(name)} = "{v}"',
        "",
        "[http_service]",
        "  internal_port = 8080",
        "  force_https = true",
    ), "fly.toml")  # fmt: skip


def c_vscode_launch(rng: Rng, name: str, v: Val) -> Draft:
    config = {
        "version": "0.2.0",
        "configurations": [{
            "name": "API: debug",
            "type": "debugpy",
            "request": "launch",
            "module": "app",
            "env": {keep(name): str(v), "LOG_LEVEL": "debug"},
        }],
    }  # fmt: skip
    return Draft("json", marked_json(config, 4) + "\n", ".vscode/launch.json")


def c_debug_log(rng: Rng, name: str, v: Val) -> Draft:
    when = moment(rng)
    settings_path = f"/srv/app/config/{pick(rng, ('production', 'staging'))}.toml"
    return Draft("log", lines(
        f"{log_time(when)} DEBUG [app.config] loaded settings from {keep(settings_path)}",
        f"{log_time(when)} DEBUG [app.config] settings={{'base_url': 'https://{keep(example_host(rng))}', "
        f"'{keep(name.lower())}': '{v}', 'timeout': 10}}",
        f"{log_time(when + dt.timedelta(seconds=1))} INFO  [app] starting worker pid={rng.randint(900, 60000)} "
        f"version={keep(version(rng))}",
    ))  # fmt: skip


def c_diagnose_trace(rng: Rng, name: str, v: Val) -> Draft:
    host = example_host(rng, "api")
    address = f"0x7f{draw(rng, HEX, 10)}"
    return Draft("traceback", lines(
        f"{log_time(moment(rng))} | ERROR    | app.sync:run:58 - sync failed",
        "Traceback (most recent call last):",
        "",
        f'  File "{keep("/srv/app/app/sync.py")}", line 58, in run',
        "    client.authenticate(token)",
        "    │      │            └ " + f"'{v}'",
        f"    │      └ <function Client.authenticate at {address}>",
        f"    └ <app.client.Client object at 0x7f{draw(rng, HEX, 10)}>",
        "",
        '  File "/srv/app/app/client.py", line 31, in authenticate',
        '    raise AuthError(f"{response.status_code} from {self.base_url}")',
        "",
        f"app.errors.AuthError: 401 from https://{keep(host)}",
    ))  # fmt: skip


def c_markdown_notes(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("markdown", lines(
        "## Staging access",
        "",
        f"- Dashboard: https://{keep(example_host(rng, 'grafana'))}/d/{draw(rng, ALNUM, 9)}",
        f"- `{keep(name)}`: `{v}` (rotate after the demo)",
        f"- Runbook: {keep('docs/runbooks/staging.md')}",
        f"- Deployed commit: {keep(sha(rng))}",
    ), pick(rng, ("NOTES.md", "docs/handover.md", "TODO.md")))  # fmt: skip


def c_rust_source(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("rust", lines(
        "// Values for the local test harness.",
        f'pub const {keep(name)}: &str = "{v}";',
        f'pub const API_BASE: &str = "https://{keep(example_host(rng))}";',
        "pub const RETRIES: u32 = 3;",
    ), pick(rng, ("src/config.rs", "tests/common/mod.rs")))  # fmt: skip


def c_properties(rng: Rng, name: str, v: Val) -> Draft:
    key = "integrations." + name.lower().replace("_", ".")
    return Draft("properties", lines(
        "spring.application.name=orders",
        f"spring.datasource.url=jdbc:postgresql://{keep(example_host(rng, 'db'))}:5432/orders",
        f"{keep(key)}={v}",
        *extra_password(rng, lambda p: f"{keep('spring.datasource.password')}={p}", 0.5),
        "management.endpoints.web.exposure.include=health,info",
    ), "src/main/resources/application-prod.properties")  # fmt: skip


def c_ruby(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("ruby", lines(
        "# frozen_string_literal: true",
        "",
        f'ENV["{keep(name)}"] ||= "{v}"',
        "",
        "Rails.application.configure do",
        f'  config.x.api_base = "https://{keep(example_host(rng))}"',
        "end",
    ), pick(rng, ("config/initializers/integrations.rb", "config/environments/development.rb")))  # fmt: skip


def c_env_dump(rng: Rng, name: str, v: Val) -> Draft:
    rows = sorted([
        f"HOSTNAME=build-{draw(rng, HEX, 4)}",
        "LANG=C.UTF-8",
        f"{keep(name)}={v}",
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "PWD=/srv/app",
        "SHLVL=1",
        f"{keep('PYTHON_VERSION')}={keep(pick(rng, ('3.12.7', '3.11.10', '3.13.1')))}",
        *extra_password(rng, lambda p: f"{keep('PGPASSWORD')}={p}"),
    ], key=lambda row: re.sub("[\ue000-\ue004]", "", row))  # fmt: skip
    return Draft("shell", lines("$ env | sort", *rows))


def c_cli_flag(rng: Rng, name: str, v: Val) -> Draft:
    flag = "--" + name.lower().replace("_", "-")
    separator = rng.choice(("=", " "))
    return Draft("shell", lines(
        f"$ ./bin/sync {keep(flag)}{separator}{v.sh()} --env staging --dry-run",
        f"sync: {rng.randint(2, 40)} projects to update, {rng.randint(0, 5)} to archive (dry run)",
        f"sync: report written to {keep('out/sync-report.json')}",
    ))  # fmt: skip


def c_kubectl_literal(rng: Rng, name: str, v: Val) -> Draft:
    key = name.lower().replace("_", "-")
    secret_name = f"{rng.choice(PROJECTS)}-secrets"
    return Draft("shell", lines(
        f"$ kubectl -n prod create secret generic {secret_name} --from-literal={keep(key)}={v.sh()}",
        f"secret/{secret_name} created",
    ))  # fmt: skip


def c_gh_secret_set(rng: Rng, name: str, v: Val) -> Draft:
    repo = repo_slug(rng)
    return Draft("shell", lines(
        f'$ gh secret set {keep(name)} --body "{v}" --repo {keep(repo)}',
        f"✓ Set Actions secret {name} for {repo}",
    ))  # fmt: skip


def c_platform_secrets(rng: Rng, name: str, v: Val) -> Draft:
    app = f"{org_slug(rng)}-{rng.choice(PROJECTS)}"
    if rng.random() < 0.5:
        return Draft("shell", lines(
            f"$ heroku config:set {keep(name)}={v.sh()} -a {app}",
            f"Setting {name} and restarting ⬢ {app}... done, v{rng.randint(20, 400)}",
            f"{name}: {v}",
        ))  # fmt: skip
    return Draft("shell", lines(
        f"$ fly secrets set {keep(name)}={v.sh()} -a {app}",
        f"Updating existing machines in '{app}' with rolling strategy",
        "-------",
        f" ✔ [1/2] Machine {draw(rng, HEX, 14)} [app] update succeeded",
        f" ✔ [2/2] Machine {draw(rng, HEX, 14)} [app] update succeeded",
        "-------",
    ))  # fmt: skip


def c_shell_rc(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("shell-script", lines(
        "# >>> project env >>>",
        'export PATH="$HOME/.local/bin:$PATH"',
        f'export {keep(name)}="{v}"',
        "alias k=kubectl",
        "# <<< project env <<<",
    ), pick(rng, ("~/.zshrc", "~/.bashrc", ".envrc")))  # fmt: skip


def c_tfvars(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("hcl", lines(
        f'region       = "{pick(rng, ("eu-west-1", "us-east-2", "eu-central-1"))}"',
        'environment  = "production"',
        f'{keep(name.lower())} = "{v}"',
        *extra_password(rng, lambda p: f'{keep("rds_master_password")} = "{p}"'),
        f'domain       = "{keep(example_host(rng, "www"))}"',
    ), pick(rng, ("terraform.tfvars", "envs/prod/terraform.tfvars", "prod.auto.tfvars")))  # fmt: skip


def c_ansible_vars(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("yaml", lines(
        "---",
        f"app_version: {keep(version(rng))}",
        f"app_domain: {keep(example_host(rng, 'app'))}",
        f'{keep(name.lower())}: "{v}"',
        *extra_password(rng, lambda p: f'{keep("app_db_password")}: "{p}"'),
        "app_workers: 4",
    ), pick(rng, ("group_vars/all.yml", "inventories/prod/group_vars/web.yml", "host_vars/web-01.yml")))  # fmt: skip


def c_helm_values(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("yaml", lines(
        "replicaCount: 2",
        "image:",
        f"  repository: registry.example.com/{repo_slug(rng)}",
        f'  tag: "{keep(version(rng))}"',
        "secrets:",
        f'  {keep(camel(name))}: "{v}"',
        *extra_password(rng, lambda p: f'  {keep("databasePassword")}: "{p}"'),
        "ingress:",
        "  enabled: true",
        f"  host: {keep(example_host(rng, 'app'))}",
    ), pick(rng, ("charts/app/values-prod.yaml", "helm/values.yaml")))  # fmt: skip


def c_java_source(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("java", lines(
        "package com.example.integrations;",
        "",
        "final class Credentials {",
        f'    static final String {keep(name)} = "{v}";',
        f'    static final String BASE_URL = "https://{keep(example_host(rng))}";',
        "",
        "    private Credentials() {}",
        "}",
    ), "src/main/java/com/example/integrations/Credentials.java")  # fmt: skip


def c_php_config(rng: Rng, name: str, v: Val) -> Draft:
    return Draft("php", lines(
        "<?php",
        "",
        "return [",
        f"    '{name.split('_')[0].lower()}' => [",
        f"        '{keep(name.lower())}' => env('{name}', '{v}'),",
        f"        'endpoint' => 'https://{keep(example_host(rng))}',",
        "    ],",
        "];",
    ), "config/services.php")  # fmt: skip


def c_appsettings(rng: Rng, name: str, v: Val) -> Draft:
    config = {
        "Logging": {"LogLevel": {"Default": "Information"}},
        "Integrations": {keep(pascal(name)): str(v), "BaseUrl": f"https://{example_host(rng)}"},
        "AllowedHosts": "*",
    }
    return Draft(
        "json",
        marked_json(config) + "\n",
        pick(rng, ("appsettings.Production.json", "src/Api/appsettings.json")),
    )


CARRIERS: tuple[Carrier, ...] = (
    c_dotenv, c_shell_export, c_compose, c_k8s_env, c_python_settings, c_js_config, c_go_source, c_mcp_config,
    c_actions_log, c_grep_hits, c_dockerfile, c_systemd, c_powershell, c_toml_env, c_vscode_launch, c_debug_log,
    c_diagnose_trace, c_markdown_notes, c_rust_source, c_properties, c_ruby, c_env_dump, c_cli_flag,
    c_kubectl_literal, c_gh_secret_set, c_platform_secrets, c_shell_rc, c_tfvars, c_ansible_vars, c_helm_values,
    c_java_source, c_php_config, c_appsettings,
)  # fmt: skip


# --- HTTP traces -------------------------------------------------------------------------------------------


def curl_session(
    rng: Rng,
    host: str,
    path: str,
    headers: Sequence[tuple[str, str]] = (),
    *,
    method: str = "GET",
    user: str = "",
    data: str = "",
    status: str = "200",
    response_headers: Sequence[tuple[str, str]] = (),
    body: str = "",
) -> Draft:
    """A ``curl -v`` run as a terminal shows it: the command, the request it sent and what came back."""
    command = ["$ curl -sv"]
    if method != "GET":
        command.append(f"-X {method}")
    if user:
        command.append(f"-u '{user}'")
    command += [f"-H '{name}: {value}'" for name, value in headers]
    if data:
        command.append(f"-d '{data}'")
    command.append(f"https://{host}{path}")
    address = doc_ip(rng) if rng.random() < 0.5 else f"203.0.113.{rng.randint(2, 254)}"
    sent = list(headers)
    if user:
        raw_user = unmark(user)
        sent.insert(
            0,
            ("Authorization", "Basic " + str(Val(basic_credentials(*raw_user.split(":", 1)), "credential"))),
        )
    trace = [
        " ".join(command),
        f"*   Trying {keep(address)}:443...",
        f"* Connected to {host} ({address}) port 443",
        "* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519 / id-ecdsa-with-SHA256",
        f"> {method} {path} HTTP/2",
        f"> Host: {host}",
        f"> User-Agent: curl/{keep(pick(rng, ('8.5.0', '8.7.1', '7.81.0')))}",
        "> Accept: */*",
        *(f"> {name}: {value}" for name, value in sent),
        ">",
        f"< HTTP/2 {status}",
        "< content-type: application/json",
        *(f"< {name}: {value}" for name, value in response_headers),
        "<",
    ]
    if user:
        trace.insert(4, f"* Server auth using Basic with user '{user.split(':')[0]}'")
    return Draft("http-trace", lines(*trace, *([body] if body else [])))


# --- vendor-specific documents -----------------------------------------------------------------------------


def t_github_remote(rng: Rng) -> Draft:
    token = Val(github_token(rng), "github-token")
    repo = repo_slug(rng)
    url = f"https://{pick(rng, ('x-access-token:', 'oauth2:', ''))}{token}@github.com/{repo}.git"
    return Draft("shell", lines(
        "$ git remote -v",
        f"origin\t{url} (fetch)",
        f"origin\t{url} (push)",
        "$ git push origin HEAD:main",
        f"To https://github.com/{keep(repo)}.git",
        f"   {keep(sha(rng, 7) + '..' + sha(rng, 7))}  HEAD -> main",
    ))  # fmt: skip


def t_gh_auth_status(rng: Rng) -> Draft:
    token = Val(github_token(rng, "gho_"), "github-token")
    account = f"{org_slug(rng)}-{rng.choice(('bot', 'dev', 'ops'))}"
    return Draft("shell", lines(
        "$ gh auth status --show-token",
        "github.com",
        f"  ✓ Logged in to github.com account {account} (keyring)",
        "  - Active account: true",
        "  - Git operations protocol: https",
        f"  - Token: {token}",
        "  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'",
    ))  # fmt: skip


def t_gh_hosts(rng: Rng) -> Draft:
    token = Val(github_token(rng, "gho_"), "github-token")
    account = f"{org_slug(rng)}-{rng.choice(('bot', 'dev', 'ops'))}"
    return Draft("yaml", lines(
        "github.com:",
        "    users:",
        f"        {account}:",
        f"            {keep('oauth_token')}: {token}",
        "    git_protocol: https",
        f"    {keep('oauth_token')}: {token}",
        f"    user: {account}",
    ), "~/.config/gh/hosts.yml")  # fmt: skip


def t_github_packages_npmrc(rng: Rng) -> Draft:
    token = Val(github_token(rng, "ghp_"), "github-token")
    return Draft("ini", lines(
        f"@{org_slug(rng)}:registry=https://npm.pkg.github.com",
        f"//npm.pkg.github.com/:{keep('_authToken')}={token}",
        "always-auth=true",
    ), ".npmrc")  # fmt: skip


def t_github_actions_curl(rng: Rng) -> Draft:
    token = Val(github_token(rng, "ghs_"), "github-token")
    repo = repo_slug(rng)
    when = moment(rng)
    rows = [
        "##[group]Run curl -fsSL -X POST \\",
        "shell: /usr/bin/bash -e {0}",
        "##[endgroup]",
        f"+ curl -fsSL -X POST -H 'Authorization: token {token}' "
        f"-H 'Accept: application/vnd.github+json' https://api.github.com/repos/{keep(repo)}/dispatches "
        '-d \'{"event_type":"deploy"}\'',
        "+ echo dispatched",
        "dispatched",
    ]
    return Draft("ci-log", lines(*(f"{iso(when + dt.timedelta(seconds=i))[:-1]}.{rng.randint(1000000, 9999999)}Z "
                                   f"{row}" for i, row in enumerate(rows))))  # fmt: skip


def t_gitlab_clone(rng: Rng) -> Draft:
    token = Val(gitlab_token(rng), "gitlab-token")
    group, project = org_slug(rng), rng.choice(PROJECTS)
    objects = rng.randint(300, 9000)
    return Draft("shell", lines(
        f"$ git clone https://oauth2:{token}@gitlab.com/{group}/{project}.git",
        f"Cloning into '{project}'...",
        f"remote: Enumerating objects: {objects}, done.",
        f"remote: Counting objects: 100% ({objects}/{objects}), done.",
        f"Receiving objects: 100% ({objects}/{objects}), {rng.randint(1, 90)}.{rng.randint(10, 99)} MiB | "
        f"{rng.randint(2, 40)}.00 MiB/s, done.",
    ))  # fmt: skip


def t_gitlab_curl(rng: Rng) -> Draft:
    token = Val(gitlab_token(rng), "gitlab-token")
    host = example_host(rng, "gitlab")
    request_ulid = "01J" + draw(rng, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23)
    project = f"{org_slug(rng)}/{rng.choice(PROJECTS)}"
    body = marked_json([{"id": rng.randint(100, 9999), "path_with_namespace": project,
                         "web_url": f"https://{keep(host)}/{project}", "default_branch": "main"}])  # fmt: skip
    return curl_session(rng, host, "/api/v4/projects?membership=true&per_page=1",
                        [(keep("PRIVATE-TOKEN"), str(token))],
                        response_headers=[("x-request-id", keep(request_ulid))], body=body)  # fmt: skip


def t_glab_config(rng: Rng) -> Draft:
    token = Val(gitlab_token(rng), "gitlab-token")
    return Draft("yaml", lines(
        "git_protocol: ssh",
        "editor: vim",
        "hosts:",
        "    gitlab.com:",
        f"        {keep('token')}: {token}",
        "        api_host: gitlab.com",
        "        git_protocol: ssh",
        "        api_protocol: https",
    ), "~/.config/glab-cli/config.yml")  # fmt: skip


def t_slack_curl(rng: Rng) -> Draft:
    token = Val(slack_token(rng, "xoxb"), "slack-token")
    channel = "C0" + draw(rng, UPPER + DIGITS, 9)
    ts = f"{rng.randint(1_750_000_000, 1_770_000_000)}.{rng.randint(100000, 999999)}"
    body = compact_json({"ok": True, "channel": channel, "ts": ts})
    return curl_session(rng, "slack.com", "/api/chat.postMessage",
                        [("Authorization", f"Bearer {token}"), ("Content-type", "application/json")],
                        method="POST", data=compact_json({"channel": channel, "text": "deploy finished"}),
                        body=body)  # fmt: skip


def t_slack_python(rng: Rng) -> Draft:
    token = Val(slack_token(rng, rng.choice(("xoxb", "xoxp"))), "slack-token")
    return Draft("python", lines(
        "from slack_sdk import WebClient",
        "",
        f'client = WebClient(token="{token}")',
        f'client.chat_postMessage(channel="#{pick(rng, ("deploys", "alerts", "release-notes"))}", text=summary)',
    ), "scripts/notify.py")  # fmt: skip


def t_slack_socket_env(rng: Rng) -> Draft:
    app, bot = Val(slack_token(rng, "xapp"), "slack-token"), Val(slack_token(rng, "xoxb"), "slack-token")
    return Draft("dotenv", lines(
        f"{keep('SLACK_APP_TOKEN')}={app}",
        f"{keep('SLACK_BOT_TOKEN')}={bot}",
        f"{keep('SLACK_SIGNING_SECRET')}={keep(placeholder(rng))}",
        "SOCKET_MODE=true",
    ), ".env")  # fmt: skip


def t_stripe_config(rng: Rng) -> Draft:
    key = Val(stripe_key(rng, "rk_live_"), "stripe-key")
    return Draft("shell", lines(
        "$ stripe config --list",
        "[default]",
        f"  device_name = 'build-{draw(rng, DIGITS, 2)}'",
        f"  display_name = '{org_slug(rng).title()}'",
        f"  {keep('live_mode_api_key')} = '{key}'",
        f"  live_mode_key_expires_at = '{(moment(rng) + dt.timedelta(days=90)):%Y-%m-%d}'",
        f"  live_mode_pub_key = 'pk_live_{draw(rng, ALNUM, 99)}'",
        "  test_mode_api_key = ''",
    ))  # fmt: skip


def t_stripe_curl(rng: Rng) -> Draft:
    key = Val(stripe_key(rng, "sk_live_"), "stripe-key")
    customer = f"cus_{draw(rng, ALNUM, 14)}"
    body = marked_json({"id": keep(customer), "object": "customer", "email": keep(f"billing@{EXAMPLE_DOMAINS[0]}"),
                        "livemode": True})  # fmt: skip
    return curl_session(rng, "api.stripe.com", "/v1/customers", method="POST", user=f"{key}:",
                        data=f"email=billing@{EXAMPLE_DOMAINS[0]}",
                        response_headers=[("request-id", keep(f"req_{draw(rng, ALNUM, 14)}")),
                                          ("stripe-version", keep("2024-06-20"))], body=body)  # fmt: skip


def t_stripe_listen(rng: Rng) -> Draft:
    secret_value = Val(stripe_webhook_secret(rng), "stripe-key")
    port = rng.choice((3000, 4242, 8000))
    event = f"evt_{draw(rng, ALNUM, 24)}"
    when = moment(rng)
    return Draft("shell", lines(
        f"$ stripe listen --forward-to localhost:{port}/webhooks/stripe",
        f"> Ready! You are using Stripe API Version [{keep('2024-06-20')}]. Your webhook signing secret is "
        f"{secret_value} (^C to quit)",
        f"{when:%Y-%m-%d %H:%M:%S}   --> payment_intent.succeeded [{keep(event)}]",
        f"{when:%Y-%m-%d %H:%M:%S}  <--  [200] POST http://localhost:{port}/webhooks/stripe [{event}]",
    ))  # fmt: skip


def t_openai_python(rng: Rng) -> Draft:
    key = Val(openai_key(rng), "openai-key")
    return Draft("python", lines(
        "from openai import OpenAI",
        "",
        f'client = OpenAI(api_key="{key}")',
        "response = client.responses.create(",
        f'    model="{pick(rng, ("gpt-4.1-mini", "gpt-4o", "o4-mini"))}",',
        '    input="Summarise the failing tests in three bullet points.",',
        ")",
    ), pick(rng, ("scripts/summarise.py", "eval/run.py", "notebooks/triage.py")))  # fmt: skip


def t_openai_error(rng: Rng) -> Draft:
    key = Val(openai_key(rng), "openai-key")
    other = openai_key(rng)
    masked = other[:8] + "*" * 20 + other[-4:]
    return Draft("shell", lines(
        f"$ OPENAI_API_KEY={key} python eval/run.py --suite smoke",
        "Traceback (most recent call last):",
        '  File "/srv/eval/run.py", line 44, in <module>',
        "    main()",
        "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: "
        f"{keep(masked)}. You can find your API key at https://platform.openai.com/account/api-keys.', "
        "'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}",
    ))  # fmt: skip


def t_openai_curl(rng: Rng) -> Draft:
    key = Val(openai_key(rng), "openai-key")
    body = marked_json(
        {"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model", "owned_by": "system"}]}
    )
    return curl_session(rng, "api.openai.com", "/v1/models", [("Authorization", f"Bearer {key}")],
                        response_headers=[("x-request-id", keep(f"req_{sha(rng, 32)}")),
                                          ("openai-processing-ms", str(rng.randint(20, 200)))], body=body)  # fmt: skip


def t_anthropic_curl(rng: Rng) -> Draft:
    key = Val(anthropic_key(rng), "anthropic-key")
    message = f"msg_01{draw(rng, ALNUM, 22)}"
    usage = {"input_tokens": rng.randint(8, 90), "output_tokens": rng.randint(5, 300)}
    body = marked_json({"id": keep(message), "type": "message", "role": "assistant", "stop_reason": "end_turn",
                        "usage": usage})  # fmt: skip
    return curl_session(rng, "api.anthropic.com", "/v1/messages",
                        [(keep("x-api-key"), str(key)), ("anthropic-version", keep("2023-06-01")),
                         ("content-type", "application/json")], method="POST",
                        data='{"model":"claude-sonnet-4-5","max_tokens":256,"messages":[...]}',
                        response_headers=[("request-id", keep(f"req_01{draw(rng, ALNUM, 22)}"))],
                        body=body)  # fmt: skip


def t_anthropic_ts(rng: Rng) -> Draft:
    key = Val(anthropic_key(rng), "anthropic-key")
    return Draft("typescript", lines(
        'import Anthropic from "@anthropic-ai/sdk";',
        "",
        "const client = new Anthropic({",
        f'  {keep("apiKey")}: process.env.ANTHROPIC_API_KEY ?? "{key}",',
        "});",
    ), pick(rng, ("src/llm.ts", "scripts/label-issues.ts")))  # fmt: skip


def aws_pair(rng: Rng, prefix: str = "AKIA") -> tuple[Val, Val]:
    return Val(aws_key_id(rng, prefix), "aws-access-key-id"), Val(aws_secret(rng), "aws-secret-key")


def t_aws_credentials(rng: Rng) -> Draft:
    (key_id, secret_key), (other_id, other_secret) = aws_pair(rng), aws_pair(rng)
    return Draft("ini", lines(
        "[default]",
        f"{keep('aws_access_key_id')} = {key_id}",
        f"{keep('aws_secret_access_key')} = {secret_key}",
        "",
        f"[{pick(rng, ('deploy', 'ci', 'prod-admin'))}]",
        f"{keep('aws_access_key_id')} = {other_id}",
        f"{keep('aws_secret_access_key')} = {other_secret}",
        f"region = {pick(rng, ('eu-west-1', 'us-east-1', 'ap-southeast-2'))}",
    ), "~/.aws/credentials")  # fmt: skip


def t_aws_sts(rng: Rng) -> Draft:
    key_id, secret_key = aws_pair(rng, "ASIA")
    session = Val(aws_session_token(rng), "credential")
    expiry = moment(rng) + dt.timedelta(hours=12)
    body = marked_json({"Credentials": {
        keep("AccessKeyId"): str(key_id),
        keep("SecretAccessKey"): str(secret_key),
        keep("SessionToken"): str(session),
        "Expiration": f"{expiry:%Y-%m-%dT%H:%M:%S}+00:00",
    }}, 4)  # fmt: skip
    return Draft("shell", lines("$ aws sts get-session-token --duration-seconds 43200", body.rstrip("\n")))


def t_aws_create_key(rng: Rng) -> Draft:
    key_id, secret_key = aws_pair(rng)
    body = marked_json({"AccessKey": {
        "UserName": f"{pick(rng, ('ci-deploy', 'terraform', 'backup-writer'))}",
        keep("AccessKeyId"): str(key_id),
        "Status": "Active",
        keep("SecretAccessKey"): str(secret_key),
        "CreateDate": f"{moment(rng):%Y-%m-%dT%H:%M:%S}+00:00",
    }}, 4)  # fmt: skip
    return Draft("shell", lines("$ aws iam create-access-key --user-name ci-deploy", body.rstrip("\n")))


def t_aws_env_grep(rng: Rng) -> Draft:
    key_id, secret_key = aws_pair(rng)
    masked = "*" * 16 + aws_key_id(rng)[-4:]
    return Draft("shell", lines(
        "$ env | grep ^AWS_",
        f"{keep('AWS_ACCESS_KEY_ID')}={key_id}",
        f"AWS_DEFAULT_REGION={pick(rng, ('eu-west-1', 'us-east-1'))}",
        f"{keep('AWS_SECRET_ACCESS_KEY')}={secret_key}",
        "$ aws configure list",
        "      Name                    Value             Type    Location",
        "      ----                    -----             ----    --------",
        "   profile                <not set>             None    None",
        f"access_key     {keep(masked)} shared-credentials-file",
        f"secret_key     {keep('*' * 16 + draw(rng, ALNUM, 4))} shared-credentials-file",
    ))  # fmt: skip


def t_aws_boto3(rng: Rng) -> Draft:
    key_id, secret_key = aws_pair(rng)
    bucket = f"{org_slug(rng)}-{pick(rng, ('exports', 'backups', 'artifacts'))}"
    return Draft("python", lines(
        "import boto3",
        "",
        "s3 = boto3.client(",
        '    "s3",',
        f'    {keep("aws_access_key_id")}="{key_id}",',
        f'    {keep("aws_secret_access_key")}="{secret_key}",',
        '    region_name="eu-west-1",',
        ")",
        f's3.upload_file("{keep("out/report.parquet")}", "{bucket}", "reports/latest.parquet")',
    ), pick(rng, ("scripts/upload_report.py", "jobs/export.py")))  # fmt: skip


def t_aws_terraform(rng: Rng) -> Draft:
    key_id, secret_key = aws_pair(rng)
    return Draft("hcl", lines(
        'provider "aws" {',
        '  region     = "eu-central-1"',
        f'  {keep("access_key")} = "{key_id}"',
        f'  {keep("secret_key")} = "{secret_key}"',
        "}",
        "",
        'terraform {',
        '  required_providers {',
        f'    aws = {{ source = "hashicorp/aws", version = "~> {keep(pick(rng, ("5.70", "5.82", "6.2")))}" }}',
        "  }",
        "}",
    ), pick(rng, ("infra/main.tf", "providers.tf")))  # fmt: skip


def t_aws_sigv4(rng: Rng) -> Draft:
    key_id = Val(aws_key_id(rng), "aws-access-key-id")
    signature = Val(sha(rng, 64), "credential")
    when = moment(rng)
    day, stamp = f"{when:%Y%m%d}", f"{when:%Y%m%dT%H%M%SZ}"
    bucket = f"{org_slug(rng)}-artifacts"
    signed = keep("host;x-amz-content-sha256;x-amz-date")
    authorization = (f"AWS4-HMAC-SHA256 Credential={key_id}/{day}/eu-west-1/s3/aws4_request, "
                     f"SignedHeaders={signed}, Signature={signature}")  # fmt: skip
    return Draft("http-trace", lines(
        f"> GET /{bucket}/releases/latest.json HTTP/1.1",
        "> Host: s3.eu-west-1.amazonaws.com",
        f"> x-amz-content-sha256: {keep(hashlib.sha256(b'').hexdigest())}",
        f"> x-amz-date: {stamp}",
        f"> Authorization: {authorization}",
        ">",
        "< HTTP/1.1 403 Forbidden",
        f"< x-amz-request-id: {keep(draw(rng, UPPER + DIGITS, 16))}",
    ))  # fmt: skip


AWS_TEMPLATES = (t_aws_credentials, t_aws_sts, t_aws_create_key, t_aws_env_grep, t_aws_boto3, t_aws_terraform)


def t_firebase_config(rng: Rng) -> Draft:
    key = Val(google_credential(rng, "api"), "google-credential")
    project = f"{org_slug(rng)}-{pick(rng, ('prod', 'web', 'app'))}"
    return Draft("javascript", lines(
        "const firebaseConfig = {",
        f'  {keep("apiKey")}: "{key}",',
        f'  authDomain: "{project}.firebaseapp.com",',
        f'  projectId: "{project}",',
        f'  storageBucket: "{project}.appspot.com",',
        f'  messagingSenderId: "{rng.randint(10**11, 10**12 - 1)}",',
        f'  appId: "1:{rng.randint(10**11, 10**12 - 1)}:web:{sha(rng, 22)}",',
        "};",
    ), pick(rng, ("src/firebase.js", "web/src/lib/firebase.ts")))  # fmt: skip


def t_google_client_secret(rng: Rng) -> Draft:
    client_secret = Val(google_credential(rng, "client"), "google-credential")
    number = rng.randint(10**11, 10**12 - 1)
    config = {"installed": {
        "client_id": f"{number}-{draw(rng, LOWER + DIGITS, 32)}.apps.googleusercontent.com",
        "project_id": f"{org_slug(rng)}-tools",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        keep("client_secret"): str(client_secret),
        "redirect_uris": ["http://localhost"],
    }}  # fmt: skip
    return Draft(
        "json", marked_json(config, None) + "\n", pick(rng, ("client_secret.json", "credentials/oauth.json"))
    )


def t_gcloud_token(rng: Rng) -> Draft:
    token = Val(google_credential(rng, "access"), "google-credential")
    return Draft("shell", lines(
        "$ gcloud auth print-access-token",
        str(token),
        f'$ curl -s -H "Authorization: Bearer {token}" '
        f"https://storage.googleapis.com/storage/v1/b?project={org_slug(rng)}-data | jq -r '.items[].name'",
        f"{org_slug(rng)}-raw",
        f"{org_slug(rng)}-curated",
    ))  # fmt: skip


def t_gemini_curl(rng: Rng) -> Draft:
    key = Val(google_credential(rng, "api"), "google-credential")
    model = pick(rng, ("gemini-2.5-flash", "gemini-2.0-flash"))
    body = marked_json({"candidates": [{"content": {"parts": [{"text": "OK"}], "role": "model"},
                                        "finishReason": "STOP"}], "modelVersion": model})  # fmt: skip
    return curl_session(rng, "generativelanguage.googleapis.com",
                        f"/v1beta/models/{model}:generateContent?{keep('key')}={key}",
                        [("Content-Type", "application/json")], method="POST",
                        data='{"contents":[{"parts":[{"text":"Reply OK"}]}]}', body=body)  # fmt: skip


def t_npmrc(rng: Rng) -> Draft:
    token = Val(npm_token(rng), "npm-token")
    return Draft("shell", lines(
        "$ cat .npmrc",
        f"//registry.npmjs.org/:{keep('_authToken')}={token}",
        "engine-strict=true",
        "$ npm config list",
        "; \"project\" config from /srv/app/.npmrc",
        "",
        f'//registry.npmjs.org/:_authToken = {keep("(protected)")}',
        "engine-strict = true",
        "",
        "; node bin location = /usr/local/bin/node",
        f"; node version = v{keep(pick(rng, ('20.18.1', '22.11.0', '18.20.5')))}",
    ))  # fmt: skip


def t_yarnrc(rng: Rng) -> Draft:
    token = Val(npm_token(rng), "npm-token")
    return Draft("yaml", lines(
        "nodeLinker: node-modules",
        f"yarnPath: .yarn/releases/yarn-{keep(pick(rng, ('4.5.3', '4.6.0', '3.8.7')))}.cjs",
        "npmScopes:",
        f"  {org_slug(rng)}:",
        '    npmRegistryServer: "https://registry.npmjs.org"',
        f'    {keep("npmAuthToken")}: "{token}"',
    ), ".yarnrc.yml")  # fmt: skip


def t_npm_publish(rng: Rng) -> Draft:
    token = Val(npm_token(rng), "npm-token")
    package = f"@{org_slug(rng)}/{pick(rng, ('ui', 'sdk', 'eslint-config'))}"
    release = version(rng)
    return Draft("shell", lines(
        f"$ NODE_AUTH_TOKEN={token} npm publish --access public",
        f"npm notice 📦  {package}@{keep(release)}",
        f"npm notice shasum: {keep(sha(rng))}",
        f"npm notice integrity: {keep('sha512-' + b64(rng.randbytes(24))[:20])}[...]{draw(rng, B64, 6)}==",
        f"+ {package}@{release}",
    ))  # fmt: skip


def t_pypirc(rng: Rng) -> Draft:
    token = Val(pypi_token(rng), "pypi-token")
    return Draft("ini", lines(
        "[distutils]",
        "index-servers =",
        "    pypi",
        "",
        "[pypi]",
        f"{keep('username')} = {keep('__token__')}",
        f"{keep('password')} = {token}",
    ), "~/.pypirc")  # fmt: skip


def t_uv_publish(rng: Rng) -> Draft:
    token = Val(pypi_token(rng), "pypi-token")
    name = f"{org_slug(rng)}_{pick(rng, ('client', 'tools', 'schemas'))}"
    release = version(rng)
    return Draft("shell", lines(
        f"$ uv publish --token {token}",
        "Publishing 2 files https://upload.pypi.org/legacy/",
        f"Uploading {name}-{keep(release)}-py3-none-any.whl ({rng.randint(10, 400)}.{rng.randint(0, 9)}KiB)",
        f"Uploading {name}-{release}.tar.gz ({rng.randint(10, 400)}.{rng.randint(0, 9)}KiB)",
    ))  # fmt: skip


def t_poetry_config(rng: Rng) -> Draft:
    token = Val(pypi_token(rng), "pypi-token")
    return Draft("shell", lines(
        f"$ poetry config {keep('pypi-token.pypi')} {token}",
        "$ poetry publish --build",
        f"Building {org_slug(rng)}-sdk ({keep(version(rng))})",
        "  - Building sdist",
        "  - Building wheel",
        "Publishing to PyPI",
    ))  # fmt: skip


def t_hf_login(rng: Rng) -> Draft:
    token = Val(huggingface_token(rng), "huggingface-token")
    return Draft("shell", lines(
        f"$ huggingface-cli login --token {token}",
        "Token is valid (permission: write).",
        f"The token `{pick(rng, ('ci-upload', 'laptop', 'eval-runner'))}` has been saved to "
        f"{keep('~/.cache/huggingface/stored_tokens')}",
        f"Your token has been saved to {keep('~/.cache/huggingface/token')}",
        "Login successful.",
    ))  # fmt: skip


def t_hf_clone(rng: Rng) -> Draft:
    token = Val(huggingface_token(rng), "huggingface-token")
    user = org_slug(rng)
    model = f"{user}/{pick(rng, ('tiny-classifier', 'ner-base', 'embed-small'))}"
    return Draft("shell", lines(
        f"$ git clone https://{user}:{token}@huggingface.co/{model}",
        f"Cloning into '{model.split('/')[1]}'...",
        f"Filtering content: 100% (3/3), {rng.randint(20, 900)}.{rng.randint(10, 99)} MiB | "
        f"{rng.randint(5, 90)}.00 MiB/s, done.",
    ))  # fmt: skip


def t_hf_python(rng: Rng) -> Draft:
    token = Val(huggingface_token(rng), "huggingface-token")
    return Draft("python", lines(
        "from huggingface_hub import login, snapshot_download",
        "",
        f'login(token="{token}")',
        f'path = snapshot_download("{org_slug(rng)}/embed-small", revision="{keep(sha(rng))}")',
    ), pick(rng, ("scripts/fetch_model.py", "notebooks/finetune.py")))  # fmt: skip


def t_sendgrid_curl(rng: Rng) -> Draft:
    key = Val(sendgrid_key(rng), "sendgrid-key")
    return curl_session(rng, "api.sendgrid.com", "/v3/mail/send",
                        [("Authorization", f"Bearer {key}"), ("Content-Type", "application/json")],
                        method="POST", status="202",
                        data='{"personalizations":[{"to":[{"email":"' + keep("qa@example.com") + '"}]}],'
                             '"from":{"email":"' + keep("noreply@example.org") + '"},"subject":"Smoke test"}',
                        response_headers=[("x-message-id", keep(draw(rng, B64URL, 22)))])  # fmt: skip


def t_django_email(rng: Rng) -> Draft:
    key = Val(sendgrid_key(rng), "sendgrid-key")
    return Draft("python", lines(
        'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"',
        'EMAIL_HOST = "smtp.sendgrid.net"',
        "EMAIL_PORT = 587",
        "EMAIL_USE_TLS = True",
        f'EMAIL_HOST_USER = "{keep("apikey")}"',
        f'{keep("EMAIL_HOST_PASSWORD")} = "{key}"',
        f'DEFAULT_FROM_EMAIL = "{keep("noreply@example.com")}"',
    ), "config/settings/production.py")  # fmt: skip


def t_node_sendgrid(rng: Rng) -> Draft:
    key = Val(sendgrid_key(rng), "sendgrid-key")
    return Draft("javascript", lines(
        'const sgMail = require("@sendgrid/mail");',
        "",
        f'sgMail.setApiKey("{key}");',
        f'await sgMail.send({{ to, from: "{keep("alerts@example.net")}", subject, text }});',
    ), "functions/send-alert.js")  # fmt: skip


def t_twilio_env(rng: Rng) -> Draft:
    key = Val(twilio_key(rng), "twilio-api-key")
    api_secret = Val(draw(rng, ALNUM, 32), "credential")
    return Draft("dotenv", lines(
        f"TWILIO_ACCOUNT_SID=AC{sha(rng, 32)}",
        f"{keep('TWILIO_API_KEY')}={key}",
        f"{keep('TWILIO_API_SECRET')}={api_secret}",
        f"TWILIO_MESSAGING_SERVICE_SID=MG{sha(rng, 32)}",
    ), ".env")  # fmt: skip


def t_twilio_curl(rng: Rng) -> Draft:
    key = Val(twilio_key(rng), "twilio-api-key")
    api_secret = Val(draw(rng, ALNUM, 32), "credential")
    account = f"AC{sha(rng, 32)}"
    to = Val(phone_number(rng, "us-e164"), "phone")
    body = marked_json({"sid": keep("SM" + sha(rng, 32)), "status": "queued", "to": str(to)})
    draft = curl_session(rng, "api.twilio.com", f"/2010-04-01/Accounts/{account}/Messages.json", method="POST",
                         user=f"{key}:{api_secret}", data=f"To={to}&MessagingServiceSid=MG{sha(rng, 32)}&Body=ping",
                         status="201", body=body)  # fmt: skip
    return draft


def t_doctl_init(rng: Rng) -> Draft:
    token = Val(digitalocean_token(rng), "digitalocean-token")
    context = pick(rng, ("default", "prod", "staging"))
    return Draft("shell", lines(
        f"$ doctl auth init --context {context} --access-token {token}",
        "Validating token... ✔",
        "$ doctl compute droplet list --format Name,PublicIPv4,Status",
        "Name          Public IPv4       Status",
        f"web-01        {keep(doc_ip(rng))}       active",
        f"worker-01     {keep(doc_ip(rng))}       active",
    ))  # fmt: skip


def t_doctl_config(rng: Rng) -> Draft:
    token, other = (
        Val(digitalocean_token(rng), "digitalocean-token"),
        Val(digitalocean_token(rng), "digitalocean-token"),
    )
    return Draft("yaml", lines(
        f"{keep('access-token')}: {token}",
        "auth-contexts:",
        f"  staging: {other}",
        "context: default",
        "output: text",
    ), "~/.config/doctl/config.yaml")  # fmt: skip


def t_do_terraform(rng: Rng) -> Draft:
    token = Val(digitalocean_token(rng), "digitalocean-token")
    return Draft("hcl", lines(
        'provider "digitalocean" {',
        f'  {keep("token")} = "{token}"',
        "}",
        "",
        'resource "digitalocean_droplet" "web" {',
        '  image  = "ubuntu-24-04-x64"',
        '  name   = "web-01"',
        f'  region = "{pick(rng, ("ams3", "fra1", "nyc3"))}"',
        '  size   = "s-1vcpu-2gb"',
        "}",
    ), "infra/do.tf")  # fmt: skip


def t_shopify_curl(rng: Rng) -> Draft:
    token = Val(shopify_token(rng, "shpat_"), "shopify-token")
    shop = f"{org_slug(rng)}-store.myshopify.com"
    body = marked_json({"shop": {"id": rng.randint(10**9, 10**11), "name": f"{org_slug(rng).title()} Store",
                                 "plan_name": "shopify_plus"}})  # fmt: skip
    return curl_session(rng, shop, f"/admin/api/{keep('2024-10')}/shop.json",
                        [(keep("X-Shopify-Access-Token"), str(token))],
                        response_headers=[("x-request-id", keep(uid(rng)))], body=body)  # fmt: skip


def t_shopify_ruby(rng: Rng) -> Draft:
    api_secret = Val(shopify_token(rng, "shpss_"), "shopify-token")
    return Draft("ruby", lines(
        "ShopifyAPI::Context.setup(",
        f'  api_key: "{sha(rng, 32)}",',
        f'  {keep("api_secret_key")}: "{api_secret}",',
        f'  api_version: "{keep("2024-10")}",',
        '  scope: "read_orders,read_products",',
        "  is_embedded: true,",
        ")",
    ), "config/initializers/shopify_app.rb")  # fmt: skip


def t_doppler_configure(rng: Rng) -> Draft:
    token = Val(doppler_token(rng), "doppler-token")
    width = len(token.raw) + 2
    project = pick(rng, ("backend", "web", "payments"))
    border = "─" * 9, "─" * width, "─" * 16

    def row(name: str, value: str, scope: str, pad: int) -> str:
        return f"│ {name:<7} │ {value}{' ' * max(1, pad)}│ {scope:<14} │"

    return Draft("shell", lines(
        "$ doppler configure --all",
        f"┌{border[0]}┬{border[1]}┬{border[2]}┐",
        row("NAME", "VALUE", "SCOPE", width - 6),
        f"├{border[0]}┼{border[1]}┼{border[2]}┤",
        row("token", str(token), "/", 1),
        row("project", project, "/srv/app", width - 1 - len(project)),
        row("config", "prd", "/srv/app", width - 4),
        f"└{border[0]}┴{border[1]}┴{border[2]}┘",
    ))  # fmt: skip


def t_doppler_docker(rng: Rng) -> Draft:
    token = Val(doppler_token(rng), "doppler-token")
    image = f"registry.example.com/{repo_slug(rng)}:{version(rng)}"
    return Draft("shell", lines(
        f"$ docker run --rm -e {keep('DOPPLER_TOKEN')}={token} {keep(image)} doppler run -- ./start.sh",
        f"[doppler] fetched {rng.randint(8, 60)} secrets for config prd",
        "[start] migrations up to date",
        f"[start] listening on {keep('0.0.0.0:8080')}",
    ))  # fmt: skip


def t_doppler_token_create(rng: Rng) -> Draft:
    token = Val(doppler_token(rng), "doppler-token")
    return Draft("shell", lines(
        f"$ doppler configs tokens create ci-{draw(rng, LOWER, 4)} --project backend --config prd --plain",
        str(token),
    ))  # fmt: skip


def t_linear_curl(rng: Rng) -> Draft:
    key = Val(linear_key(rng), "linear-api-key")
    body = marked_json({"data": {"viewer": {"id": keep(uid(rng)), "name": "Release bot"}}})
    return curl_session(rng, "api.linear.app", "/graphql",
                        [("Content-Type", "application/json"), (keep("Authorization"), str(key))], method="POST",
                        data='{ "query": "{ viewer { id name } }" }', body=body)  # fmt: skip


def t_linear_script(rng: Rng) -> Draft:
    key = Val(linear_key(rng), "linear-api-key")
    return Draft("typescript", lines(
        'import { LinearClient } from "@linear/sdk";',
        "",
        f'const linear = new LinearClient({{ {keep("apiKey")}: "{key}" }});',
        f'const team = await linear.team("{keep(uid(rng))}");',
    ), "scripts/triage.ts")  # fmt: skip


def t_databrickscfg(rng: Rng) -> Draft:
    token, other = (
        Val(databricks_token(rng), "databricks-token"),
        Val(databricks_token(rng), "databricks-token"),
    )
    workspace = f"dbc-{sha(rng, 8)}-{sha(rng, 4)}.cloud.databricks.com"
    return Draft("ini", lines(
        "[DEFAULT]",
        f"host  = https://{workspace}",
        f"{keep('token')} = {token}",
        "",
        "[staging]",
        f"host  = https://adb-{rng.randint(10**15, 10**16 - 1)}.{rng.randint(1, 19)}.azuredatabricks.net",
        f"{keep('token')} = {other}",
    ), "~/.databrickscfg")  # fmt: skip


def t_databricks_curl(rng: Rng) -> Draft:
    token = Val(databricks_token(rng), "databricks-token")
    workspace = f"dbc-{sha(rng, 8)}-{sha(rng, 4)}.cloud.databricks.com"
    cluster = f"{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}-{draw(rng, LOWER + DIGITS, 8)}"
    body = marked_json({"clusters": [{"cluster_id": keep(cluster), "cluster_name": "etl-nightly",
                                      "spark_version": keep("15.4.x-scala2.12"), "state": "TERMINATED"}]})  # fmt: skip
    return curl_session(
        rng, workspace, "/api/2.0/clusters/list", [("Authorization", f"Bearer {token}")], body=body
    )


def t_databricks_auth_env(rng: Rng) -> Draft:
    token = Val(databricks_token(rng), "databricks-token")
    workspace = f"dbc-{sha(rng, 8)}-{sha(rng, 4)}.cloud.databricks.com"
    body = marked_json({"env": {"DATABRICKS_AUTH_TYPE": "pat", "DATABRICKS_HOST": f"https://{workspace}",
                                keep("DATABRICKS_TOKEN"): str(token)}})  # fmt: skip
    return Draft("shell", lines("$ databricks auth env --profile DEFAULT", body.rstrip("\n")))


def t_jira_curl(rng: Rng) -> Draft:
    token = Val(atlassian_token(rng), "atlassian-token")
    who = person(rng)
    address = Val(email_for(rng, who.first, who.last, company_domain(rng)), "email")
    site = f"{org_slug(rng)}.atlassian.net"
    issue = f"{pick(rng, ('OPS', 'WEB', 'PAY'))}-{rng.randint(10, 4000)}"
    fields = {"summary": "Rotate the staging certificates", "status": {"name": "In Progress"}}
    body = marked_json({"id": str(rng.randint(10000, 99999)), "key": keep(issue), "fields": fields})
    return curl_session(rng, site, f"/rest/api/3/issue/{issue}?fields=summary,status", user=f"{address}:{token}",
                        response_headers=[("atl-traceid", keep(sha(rng, 32)))], body=body)  # fmt: skip


def t_jira_cli(rng: Rng) -> Draft:
    token = Val(atlassian_token(rng), "atlassian-token")
    who = person(rng)
    address = Val(email_for(rng, who.first, who.last, company_domain(rng)), "email")
    return Draft("shell", lines(
        f"$ export {keep('JIRA_API_TOKEN')}={token}",
        "$ cat ~/.config/.jira/.config.yml",
        "installation: Cloud",
        f"login: {address}",
        f"server: https://{org_slug(rng)}.atlassian.net",
        "project:",
        f"    key: {pick(rng, ('OPS', 'WEB', 'PAY'))}",
        "$ jira issue list --plain --columns key,summary | head -3",
    ))  # fmt: skip


def t_sentryclirc(rng: Rng) -> Draft:
    token = Val(sentry_token(rng), "sentry-token")
    return Draft("ini", lines(
        "[auth]",
        f"{keep('token')}={token}",
        "",
        "[defaults]",
        f"org={org_slug(rng)}",
        f"project={pick(rng, PROJECTS)}",
        "url=https://sentry.io/",
    ), ".sentryclirc")  # fmt: skip


def t_sentry_cli(rng: Rng) -> Draft:
    token = Val(sentry_token(rng), "sentry-token")
    release = f"{keep(sha(rng))}"
    return Draft("shell", lines(
        f"$ SENTRY_AUTH_TOKEN={token} sentry-cli releases new {release}",
        f"Created release {release}",
        f"$ sentry-cli sourcemaps upload --release {release} ./dist",
        f"> Found {rng.randint(4, 60)} files",
        "> Analyzing 24 sources",
        f"> Bundle ID: {keep(uid(rng))}",
    ))  # fmt: skip


def t_postman_curl(rng: Rng) -> Draft:
    key = Val(postman_key(rng), "postman-key")
    body = marked_json(
        {
            "collections": [
                {"id": keep(uid(rng)), "name": "Billing API", "owner": str(rng.randint(10**6, 10**8))}
            ]
        }
    )
    return curl_session(rng, "api.getpostman.com", "/collections",
                        [(keep("X-Api-Key"), str(key)), ("Postman-Token", keep(uid(rng)))], body=body)  # fmt: skip


def t_newman(rng: Rng) -> Draft:
    key = Val(postman_key(rng), "postman-key")
    collection = uid(rng)
    return Draft("shell", lines(
        f'$ newman run "https://api.getpostman.com/collections/{keep(collection)}?apikey={key}" -e env/staging.json',
        "newman",
        "",
        "Billing API",
        "→ List invoices",
        f"  GET https://{keep(example_host(rng, 'api'))}/v1/invoices "
        f"[200 OK, {rng.randint(1, 9)}.{rng.randint(1, 9)}kB, {rng.randint(40, 400)}ms]",
    ))  # fmt: skip


def t_grafana_curl(rng: Rng) -> Draft:
    token = Val(grafana_token(rng), "grafana-token")
    host = example_host(rng, "grafana")
    dashboard = draw(rng, ALNUM, 9)
    body = marked_json(
        {"dashboard": {"uid": keep(dashboard), "title": "API latency", "version": rng.randint(2, 90)}}
    )
    return curl_session(rng, host, f"/api/dashboards/uid/{dashboard}", [("Authorization", f"Bearer {token}")],
                        body=body)  # fmt: skip


def t_grafana_terraform(rng: Rng) -> Draft:
    token = Val(grafana_token(rng), "grafana-token")
    return Draft("hcl", lines(
        'provider "grafana" {',
        f'  url  = "https://{keep(example_host(rng, "grafana"))}"',
        f'  {keep("auth")} = "{token}"',
        "}",
    ), "observability/providers.tf")  # fmt: skip


def t_alloy_config(rng: Rng) -> Draft:
    token = Val(grafana_token(rng), "grafana-token")
    return Draft("alloy", lines(
        'prometheus.remote_write "cloud" {',
        "  endpoint {",
        '    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"',
        "    basic_auth {",
        f'      username = "{rng.randint(100000, 2999999)}"',
        f'      {keep("password")} = "{token}"',
        "    }",
        "  }",
        "}",
    ), "/etc/alloy/config.alloy")  # fmt: skip


def vault_table(rows: Sequence[tuple[str, str]]) -> list[str]:
    width = max(len(name) for name, _ in rows) + 4
    return ["Key" + " " * (width - 3) + "Value", "---" + " " * (width - 3) + "-----",
            *(name + " " * (width - len(name)) + value for name, value in rows)]  # fmt: skip


def t_vault_login(rng: Rng) -> Draft:
    token = Val(vault_token(rng), "vault-token")
    method = pick(rng, ("oidc", "github", "userpass"))
    return Draft("shell", lines(
        f"$ vault login -method={method}",
        "Success! You are now authenticated. The token information displayed below",
        'is already stored in the token helper. You do NOT need to run "vault login"',
        "again. Future Vault requests will automatically use this token.",
        "",
        *vault_table([
            (keep("token"), str(token)),
            ("token_accessor", draw(rng, ALNUM, 24)),
            ("token_duration", "768h"),
            ("token_renewable", "true"),
            ("token_policies", '["default" "deploy"]'),
            ("identity_policies", "[]"),
            ("policies", '["default" "deploy"]'),
        ]),
    ))  # fmt: skip


def t_vault_token_create(rng: Rng) -> Draft:
    token = Val(vault_token(rng), "vault-token")
    return Draft("shell", lines(
        f"$ VAULT_ADDR=https://{keep(example_host(rng, 'vault'))}:8200 vault token create -policy=ci -ttl=24h",
        *vault_table([
            (keep("token"), str(token)),
            ("token_accessor", draw(rng, ALNUM, 24)),
            ("token_duration", "24h"),
            ("token_renewable", "true"),
            ("token_policies", '["ci" "default"]'),
        ]),
    ))  # fmt: skip


def t_vault_token_file(rng: Rng) -> Draft:
    token = Val(vault_token(rng), "vault-token")
    return Draft("shell", lines(
        "$ cat ~/.vault-token; echo",
        str(token),
        f"$ vault kv get -field=username secret/{pick(rng, ('ci/registry', 'app/db'))}",
        f"svc-{pick(rng, ('ci', 'app'))}",
    ))  # fmt: skip


def t_tfrc_json(rng: Rng) -> Draft:
    token = Val(terraform_cloud_token(rng), "terraform-cloud-token")
    config = {"credentials": {"app.terraform.io": {keep("token"): str(token)}}}
    return Draft("json", marked_json(config) + "\n", "~/.terraform.d/credentials.tfrc.json")


def t_terraformrc(rng: Rng) -> Draft:
    token = Val(terraform_cloud_token(rng), "terraform-cloud-token")
    return Draft("hcl", lines(
        'plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"',
        "",
        'credentials "app.terraform.io" {',
        f'  {keep("token")} = "{token}"',
        "}",
    ), "~/.terraformrc")  # fmt: skip


def t_tf_cloud_run(rng: Rng) -> Draft:
    token = Val(terraform_cloud_token(rng), "terraform-cloud-token")
    workspace = f"{org_slug(rng)}-{pick(rng, ('prod', 'staging', 'network'))}"
    return Draft("shell", lines(
        f"$ export {keep('TF_TOKEN_app_terraform_io')}={token}",
        "$ terraform plan",
        "Running plan in HCP Terraform. Output will stream here. Pressing Ctrl-C",
        "will stop streaming the logs, but will not stop the plan running remotely.",
        "",
        "Preparing the remote plan...",
        "",
        f"To view this run in a browser, visit:\nhttps://app.terraform.io/app/{org_slug(rng)}/{workspace}/runs/"
        f"{keep('run-' + draw(rng, ALNUM, 16))}",
    ))  # fmt: skip


def t_mailgun_curl(rng: Rng) -> Draft:
    key = Val(mailgun_key(rng), "mailgun-key")
    domain = f"mg.{EXAMPLE_DOMAINS[rng.randrange(3)]}"
    body = marked_json(
        {"id": keep(f"<{moment(rng):%Y%m%d%H%M%S}.{sha(rng, 16)}@{domain}>"), "message": "Queued. Thank you."}
    )
    form = f"from=Alerts <alerts@{domain}>&to=ops@example.com&subject=Disk usage"
    return curl_session(rng, "api.mailgun.net", f"/v3/{domain}/messages", method="POST", user=f"api:{key}",
                        data=form, body=body)  # fmt: skip


def t_mailgun_python(rng: Rng) -> Draft:
    key = Val(mailgun_key(rng), "mailgun-key")
    domain = f"mg.{EXAMPLE_DOMAINS[rng.randrange(3)]}"
    return Draft("python", lines(
        "import requests",
        "",
        "response = requests.post(",
        f'    "https://api.mailgun.net/v3/{keep(domain)}/messages",',
        f'    auth=("api", "{key}"),',
        f'    data={{"from": "{keep("alerts@" + domain)}", "to": to, "subject": subject, "text": text}},',
        "    timeout=10,",
        ")",
    ), "app/notify/mail.py")  # fmt: skip


def t_newrelic_curl(rng: Rng) -> Draft:
    key = Val(newrelic_key(rng), "newrelic-key")
    account = rng.randint(10**6, 10**7)
    body = marked_json(
        {"data": {"actor": {"account": {"id": account, "name": f"{org_slug(rng).title()} Prod"}}}}
    )
    query = f'{{ "query": "{{ actor {{ account(id: {account}) {{ name }} }} }}" }}'
    return curl_session(rng, "api.newrelic.com", "/graphql",
                        [("Content-Type", "application/json"), (keep("API-Key"), str(key))], method="POST",
                        data=query, body=body)  # fmt: skip


def t_newrelic_profile(rng: Rng) -> Draft:
    key = Val(newrelic_key(rng), "newrelic-key")
    return Draft("shell", lines(
        f"$ newrelic profile add --profile prod --region us --apiKey {key} --accountId {rng.randint(10**6, 10**7)}",
        "[Output] Profile prod added",
        "$ newrelic profile list",
        "Name      Region   API key",
        f"prod      US       {keep('NRAK-' + '*' * 23 + draw(rng, UPPER + DIGITS, 4))}",
    ))  # fmt: skip


def fly_value(rng: Rng) -> Val:
    raw = flyio_token(rng)
    return Val(raw, "flyio-token", "FlyV1 " if raw.startswith("fm2_") else "")


def t_fly_tokens_create(rng: Rng) -> Draft:
    raw = "fm2_lJPE" + draw(rng, B64, 236) + "=="
    token = Val(raw, "flyio-token", "FlyV1 ")
    return Draft("shell", lines(
        f"$ fly tokens create deploy -a {org_slug(rng)}-api -x 720h",
        str(token),
    ))  # fmt: skip


def t_fly_config(rng: Rng) -> Draft:
    token = Val("fo1_" + draw(rng, B64URL, 43), "flyio-token")
    return Draft("yaml", lines(
        f"{keep('access_token')}: {token}",
        "last_login: " + iso(moment(rng)),
        "metrics_token: ''",
        "send_metrics: true",
        "wire_guard_state: {}",
    ), "~/.fly/config.yml")  # fmt: skip


def t_fly_gh_secret(rng: Rng) -> Draft:
    token = fly_value(rng)
    repo = repo_slug(rng)
    return Draft("shell", lines(
        f'$ gh secret set {keep("FLY_API_TOKEN")} --repo {keep(repo)} --body "{token}"',
        f"✓ Set Actions secret FLY_API_TOKEN for {repo}",
    ))  # fmt: skip


def t_supabase_login(rng: Rng) -> Draft:
    token = Val(supabase_token(rng), "supabase-token")
    ref = draw(rng, LOWER, 20)
    return Draft("shell", lines(
        f"$ supabase login --token {token}",
        "You are now logged in. Happy coding!",
        f"$ supabase link --project-ref {keep(ref)}",
        "Connecting to remote database...",
        "Finished supabase link.",
    ))  # fmt: skip


def t_supabase_mcp(rng: Rng) -> Draft:
    token = Val(supabase_token(rng), "supabase-token")
    config = {"mcpServers": {"supabase": {
        "command": "npx",
        "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only",
                 f"--project-ref={keep(draw(rng, LOWER, 20))}"],
        "env": {keep("SUPABASE_ACCESS_TOKEN"): str(token)},
    }}}  # fmt: skip
    return Draft("json", marked_json(config) + "\n", pick(rng, (".mcp.json", ".cursor/mcp.json")))


def t_supabase_env(rng: Rng) -> Draft:
    token = Val(supabase_token(rng), "supabase-token")
    service = Val(jwt(rng, "supabase", "HS256"), "jwt")
    ref = draw(rng, LOWER, 20)
    return Draft("dotenv", lines(
        f"SUPABASE_URL=https://{ref}.supabase.co",
        f"{keep('SUPABASE_SERVICE_ROLE_KEY')}={service}",
        f"{keep('SUPABASE_ACCESS_TOKEN')}={token}",
        f"{keep('SUPABASE_DB_PASSWORD')}={keep(placeholder(rng))}",
    ), ".env.local")  # fmt: skip


# --- tokens without a vendor: JWTs, private keys ------------------------------------------------------------


def t_jwt_curl(rng: Rng) -> Draft:
    token = Val(jwt(rng), "jwt")
    host = example_host(rng, "api")
    body = marked_json({"id": keep(uid(rng)), "status": "active", "plan": "team"})
    return curl_session(rng, host, "/v1/accounts/me", [("Authorization", f"Bearer {token}"),
                                                        ("Accept", "application/json")],
                        response_headers=[("x-request-id", keep(uid(rng))),
                                          ("traceparent", keep(f"00-{sha(rng, 32)}-{sha(rng, 16)}-01"))],
                        body=body)  # fmt: skip


def t_jwt_login_response(rng: Rng) -> Draft:
    issuer = f"https://{example_host(rng, 'auth')}/"
    access, identity = Val(jwt(rng, issuer, "RS256"), "jwt"), Val(jwt(rng, issuer, "RS256"), "jwt")
    refresh = Val(draw(rng, B64URL, 48), "credential")
    body = marked_json({keep("access_token"): str(access), "token_type": "Bearer", "expires_in": 3600,
                        keep("refresh_token"): str(refresh), "id_token": str(identity),
                        "scope": "openid profile offline_access"})  # fmt: skip
    return Draft("shell", lines(
        f"$ http --form POST {issuer}oauth/token grant_type=password username=qa-runner password=@.qa-pass",
        "HTTP/1.1 200 OK",
        "Cache-Control: no-store",
        "Content-Type: application/json",
        "",
        body.rstrip("\n"),
    ))  # fmt: skip


def fake_certificate(rng: Rng) -> str:
    body = b64(bytes.fromhex("308201") + rng.randbytes(300))
    return "\n".join(["-----BEGIN CERTIFICATE-----", *(body[i : i + 64] for i in range(0, len(body), 64)),
                      "-----END CERTIFICATE-----", ""])  # fmt: skip


def t_jwt_kubeconfig(rng: Rng) -> Draft:
    token = Val(jwt(rng, "https://kubernetes.default.svc.cluster.local", "RS256"), "jwt")
    authority = b64(fake_certificate(rng).encode())
    cluster = f"{org_slug(rng)}-{pick(rng, ('prod', 'staging'))}"
    return Draft("shell", lines(
        "$ kubectl config view --raw --minify",
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        f"    certificate-authority-data: {keep(authority)}",
        f"    server: https://{keep(doc_ip(rng))}:6443",
        f"  name: {cluster}",
        "contexts:",
        "- context:",
        f"    cluster: {cluster}",
        "    user: ci-deployer",
        f"  name: {cluster}",
        f"current-context: {cluster}",
        "kind: Config",
        "users:",
        "- name: ci-deployer",
        "  user:",
        f"    {keep('token')}: {token}",
    ))  # fmt: skip


def t_jwt_set_cookie(rng: Rng) -> Draft:
    token = Val(jwt(rng), "jwt")
    host = example_host(rng, "app")
    expires = moment(rng) + dt.timedelta(hours=1)
    return Draft("http-trace", lines(
        "> POST /api/session HTTP/1.1",
        f"> Host: {host}",
        "> Content-Type: application/json",
        ">",
        "< HTTP/1.1 204 No Content",
        f"< Set-Cookie: {keep('access_token')}={token}; Path=/; Expires={expires:%a, %d %b %Y %H:%M:%S} GMT; "
        "HttpOnly; Secure; SameSite=Strict",
        f"< X-Request-Id: {keep(uid(rng))}",
    ))  # fmt: skip


def t_jwt_test_file(rng: Rng) -> Draft:
    token = Val(jwt(rng), "jwt")
    return Draft("python", lines(
        "import httpx",
        "",
        f'STAGING = "https://{keep(example_host(rng, "api"))}"',
        f'HEADERS = {{"Authorization": "Bearer {token}"}}',
        "",
        "",
        "def test_projects_listed() -> None:",
        '    response = httpx.get(f"{STAGING}/v1/projects", headers=HEADERS)',
        "    assert response.status_code == 200",
    ), pick(rng, ("tests/e2e/test_projects.py", "tests/smoke_test.py")))  # fmt: skip


def t_jwt_local_storage(rng: Rng) -> Draft:
    token = Val(jwt(rng), "jwt")
    stored = compact_json(
        {"accessToken": "@@", "expiresAt": rng.randint(1_760_000_000_000, 1_770_000_000_000)}
    )
    return Draft("console", lines(
        '> localStorage.getItem("auth")',
        "'" + stored.replace("@@", str(token)) + "'",
        "> document.cookie",
        f"'{keep('theme=dark')}; {keep(analytics_cookie(rng))}'",
    ))  # fmt: skip


def t_jwt_decode(rng: Rng) -> Draft:
    raw = jwt(rng, alg="HS256")
    header, claims = (
        json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))) for part in raw.split(".")[:2]
    )
    return Draft("shell", lines(
        f"$ jwt decode {secret(raw, 'jwt')}",
        "",
        "Token header",
        "------------",
        json.dumps(header, indent=2),
        "",
        "Token claims",
        "------------",
        json.dumps(claims, indent=2),
    ))  # fmt: skip


def jwt_generic(rng: Rng) -> Draft:
    name = pick(rng, ("SERVICE_ROLE_KEY", "API_JWT", "ACCESS_TOKEN", "AUTH_TOKEN", "HASURA_ADMIN_JWT"))
    return rng.choice(CARRIERS)(rng, name, Val(jwt(rng), "jwt"))


def ssh_public_key(rng: Rng) -> str:
    blob = b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32))
    return f"ssh-ed25519 {blob}"


def t_pem_cat_ssh(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, "openssh"), "private-key")
    public = ssh_public_key(rng)
    return Draft("shell", lines(
        "$ cat ~/.ssh/id_ed25519",
        str(key),
        "$ cat ~/.ssh/id_ed25519.pub",
        f"{keep(public)} deploy@build-{rng.randint(1, 9):02d}",
        "$ ssh-keygen -lf ~/.ssh/id_ed25519.pub",
        f"256 {keep('SHA256:' + b64(rng.randbytes(32)).rstrip('='))} deploy@build-01 (ED25519)",
    ))  # fmt: skip


def t_pem_k8s_tls(rng: Rng) -> Draft:
    indent = "    "
    key = Val(
        pem_private_key(rng, rng.choice(("ec", "pkcs8-ec", "rsa"))).replace("\n", "\n" + indent),
        "private-key",
    )
    certificate = fake_certificate(rng).rstrip("\n").split("\n")
    return Draft("yaml", lines(
        "apiVersion: v1",
        "kind: Secret",
        "metadata:",
        f"  name: {pick(rng, ('ingress-tls', 'api-tls', 'wildcard-cert'))}",
        "  namespace: prod",
        "type: kubernetes.io/tls",
        "stringData:",
        "  tls.crt: |",
        *(indent + row for row in certificate),
        f"  {keep('tls.key')}: |",
        f"{indent}{key}",
    ), pick(rng, ("k8s/secrets/tls.yaml", "deploy/ingress-tls.yaml")))  # fmt: skip


def t_pem_service_account(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, "pkcs8-rsa") + "\n", "private-key")
    key_id = Val(sha(rng), "credential")
    project = f"{org_slug(rng)}-{pick(rng, ('prod', 'data', 'ml'))}"
    account = pick(rng, ("ci-deployer", "bq-loader", "backup"))
    document = {
        "type": "service_account",
        "project_id": project,
        keep("private_key_id"): str(key_id),
        keep("private_key"): str(key),
        "client_email": f"{account}@{project}.iam.gserviceaccount.com",
        "client_id": str(rng.randint(10**20, 10**21 - 1)),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    return Draft("json", marked_json(document) + "\n", pick(rng, ("sa-key.json", "secrets/gcp-ci.json")))


def t_pem_openssl(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, "pkcs8-ec"), "private-key")
    release = pick(rng, ("3.0.13", "3.2.2", "3.4.0"))
    return Draft("shell", lines(
        "$ openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256",
        str(key),
        "$ openssl version",
        f"OpenSSL {keep(release)} 30 Jan 2024 (Library: OpenSSL {release} 30 Jan 2024)",
    ))  # fmt: skip


def t_pem_python_fixture(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, rng.choice(("ec", "rsa"))), "private-key")
    return Draft("python", lines(
        "# Signing key for the webhook tests; the staging app trusts it too.",
        f'{keep("SIGNING_KEY_PEM")} = """{key}"""',
        "",
        f'KEY_ID = "{keep(uid(rng))}"',
    ), pick(rng, ("tests/fixtures/keys.py", "tests/conftest.py")))  # fmt: skip


def t_pem_env_escaped(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, "rsa").replace("\n", "\\n"), "private-key")
    return Draft("dotenv", lines(
        f"GITHUB_APP_ID={rng.randint(100000, 999999)}",
        f'{keep("GITHUB_APP_PRIVATE_KEY")}="{key}"',
        f"GITHUB_WEBHOOK_SECRET={keep(placeholder(rng))}",
    ), ".env")  # fmt: skip


def t_pem_terraform_output(rng: Rng) -> Draft:
    key = Val(pem_private_key(rng, rng.choice(("openssh", "rsa", "ec"))), "private-key")
    return Draft("shell", lines(
        f"$ terraform output -raw {keep('bastion_private_key')}",
        str(key),
    ))  # fmt: skip


def t_pem_ansible(rng: Rng) -> Draft:
    indent = "  "
    key = Val(pem_private_key(rng, "openssh").replace("\n", "\n" + indent), "private-key")
    return Draft("yaml", lines(
        "---",
        "deploy_user: deploy",
        f"deploy_authorized_key: {keep(ssh_public_key(rng))} deploy",
        f"{keep('deploy_private_key')}: |",
        f"{indent}{key}",
    ), "group_vars/deploy.yml")  # fmt: skip


# --- passwords -------------------------------------------------------------------------------------------


def pw(rng: Rng, url_safe: bool = False) -> Val:
    return Val(password(rng, url_safe), "password")


def t_pw_mysql(rng: Rng) -> Draft:
    secret_value = pw(rng)
    host = example_host(rng, "db")
    return Draft("shell", lines(
        f"$ mysql -h {keep(host)} -u app -p{secret_value.sh()} orders -e 'SELECT COUNT(*) FROM invoices'",
        "mysql: [Warning] Using a password on the command line interface can be insecure.",
        "+----------+",
        "| COUNT(*) |",
        "+----------+",
        f"| {rng.randint(1000, 99999):>8} |",
        "+----------+",
    ))  # fmt: skip


def t_pw_psql_url(rng: Rng) -> Draft:
    secret_value = pw(rng, url_safe=True)
    host = example_host(rng, "db")
    return Draft("shell", lines(
        f'$ psql "postgresql://app:{secret_value}@{keep(host)}:5432/app?{keep("sslmode=require")}" -c "\\dt"',
        "          List of relations",
        " Schema |     Name      | Type  | Owner",
        "--------+---------------+-------+-------",
        " public | accounts      | table | app",
        " public | invoices      | table | app",
        "(2 rows)",
    ))  # fmt: skip


def t_pw_docker_login(rng: Rng) -> Draft:
    secret_value = pw(rng)
    registry = example_host(rng, "registry")
    return Draft("shell", lines(
        f"$ docker login -u ci-bot -p {secret_value.sh()} {keep(registry)}",
        f"WARNING! Using {keep('--password')} via the CLI is insecure. Use --password-stdin.",
        "WARNING! Your password will be stored unencrypted in /var/lib/ci/.docker/config.json.",
        "Configure a credential helper to remove this warning. See",
        "https://docs.docker.com/engine/reference/commandline/login/#credential-stores",
        "",
        "Login Succeeded",
    ))  # fmt: skip


def t_pw_netrc(rng: Rng) -> Draft:
    first, second = pw(rng), pw(rng)
    return Draft("netrc", lines(
        f"machine {keep(example_host(rng, 'api'))}",
        "  login deploy",
        f"  {keep('password')} {first}",
        f"machine {keep(example_host(rng, 'files'))} login backup {keep('password')} {second}",
    ), "~/.netrc")  # fmt: skip


def t_pw_pgpass(rng: Rng) -> Draft:
    secret_value, other = pw(rng), pw(rng)
    host = example_host(rng, "db")
    return Draft("pgpass", lines(
        "# hostname:port:database:username:password",
        f"{keep(host)}:5432:orders:app:{secret_value}",
        f"{keep(example_host(rng, 'replica'))}:5432:*:readonly:{other}",
    ), "~/.pgpass")  # fmt: skip


def t_pw_tfvars(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("hcl", lines(
        'db_instance_class = "db.t4g.medium"',
        'db_username       = "app"',
        f'{keep("db_password")}       = "{secret_value}"',
        f'allowed_cidr      = "{keep("198.51.100.0/24")}"',
    ), pick(rng, ("terraform.tfvars", "envs/prod/db.auto.tfvars")))  # fmt: skip


def yaml_scalar(value: Val) -> str:
    """Plain where YAML allows it, double-quoted where the first character would mean something else."""
    return str(value) if value.raw[0].isalnum() else f'"{value}"'


def t_pw_ansible(rng: Rng) -> Draft:
    become, connection = pw(rng), pw(rng)
    return Draft("yaml", lines(
        "all:",
        "  hosts:",
        f"    {keep(example_host(rng, 'web'))}:",
        f"      ansible_host: {keep(doc_ip(rng))}",
        "  vars:",
        "    ansible_user: deploy",
        f"    {keep('ansible_password')}: {yaml_scalar(connection)}",
        f"    {keep('ansible_become_password')}: {yaml_scalar(become)}",
    ), "inventories/prod/hosts.yml")  # fmt: skip


def t_pw_helm(rng: Rng) -> Draft:
    secret_value, admin = pw(rng), pw(rng)
    return Draft("yaml", lines(
        "postgresql:",
        "  enabled: true",
        "  auth:",
        "    username: app",
        f'    {keep("password")}: "{secret_value}"',
        f'    {keep("postgresPassword")}: "{admin}"',
        "    database: app",
        "  primary:",
        "    persistence:",
        "      size: 20Gi",
    ), pick(rng, ("charts/app/values.yaml", "values-prod.yaml")))  # fmt: skip


def t_pw_redis_cli(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("shell", lines(
        f"$ redis-cli -h {keep(example_host(rng, 'cache'))} -p 6379 -a {secret_value.sh()} INFO keyspace",
        "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.",
        "# Keyspace",
        f"db0:keys={rng.randint(100, 90000)},expires={rng.randint(0, 100)},avg_ttl=0",
    ))  # fmt: skip


def t_pw_jdbc(rng: Rng) -> Draft:
    secret_value = pw(rng, url_safe=True)
    host = example_host(rng, "db")
    return Draft("properties", lines(
        f"spring.datasource.url=jdbc:postgresql://{keep(host)}:5432/orders?user=orders&{keep('password')}="
        f"{secret_value}&ssl=true",
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.flyway.enabled=true",
    ), "src/main/resources/application.properties")  # fmt: skip


def t_pw_adonet(rng: Rng) -> Draft:
    secret_value = pw(rng)
    config = {"ConnectionStrings": {"Default": (
        f"Server=tcp:{keep(example_host(rng, 'sql'))},1433;Initial Catalog=orders;Persist Security Info=False;"
        f"User ID=orders_app;{keep('Password')}={secret_value};MultipleActiveResultSets=False;Encrypt=True;"
        "TrustServerCertificate=False;Connection Timeout=30;"
    )}, "Logging": {"LogLevel": {"Default": "Warning"}}}  # fmt: skip
    return Draft("json", marked_json(config) + "\n", "src/Orders.Api/appsettings.Production.json")


def t_pw_mongodb(rng: Rng) -> Draft:
    secret_value = pw(rng, url_safe=True)
    cluster = f"cluster0.{draw(rng, LOWER + DIGITS, 5)}.mongodb.net"
    return Draft("javascript", lines(
        'const { MongoClient } = require("mongodb");',
        "",
        "const uri =",
        f'  "mongodb+srv://app:{secret_value}@{cluster}/app?{keep("retryWrites=true")}&w=majority";',
        "const client = new MongoClient(uri);",
    ), pick(rng, ("src/db.js", "scripts/backfill.js")))  # fmt: skip


def t_pw_amqp(rng: Rng) -> Draft:
    secret_value, cache_pw = pw(rng, url_safe=True), pw(rng, url_safe=True)
    return Draft("python", lines(
        f'broker_url = "amqp://worker:{secret_value}@{keep(example_host(rng, "queue"))}:5672/{keep("jobs")}"',
        f'result_backend = "rediss://default:{cache_pw}@{keep(example_host(rng, "cache"))}:6380/0"',
        "task_acks_late = True",
        "worker_prefetch_multiplier = 1",
    ), "app/celeryconfig.py")  # fmt: skip


def t_pw_compose(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("yaml", lines(
        "services:",
        "  db:",
        f"    image: {keep('postgres:' + pick(rng, ('16.4', '17.2', '15.8')))}",
        "    environment:",
        "      POSTGRES_USER: app",
        f'      {keep("POSTGRES_PASSWORD")}: "{secret_value}"',
        "      POSTGRES_DB: app",
        "    volumes:",
        "      - pgdata:/var/lib/postgresql/data",
    ), "docker-compose.yml")  # fmt: skip


def t_pw_k8s_string_data(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("yaml", lines(
        "apiVersion: v1",
        "kind: Secret",
        "metadata:",
        "  name: db-credentials",
        "type: Opaque",
        "stringData:",
        "  username: orders",
        f'  {keep("password")}: "{secret_value}"',
        f"  host: {example_host(rng, 'db')}",
    ), "k8s/db-credentials.yaml")  # fmt: skip


def t_pw_curl_user(rng: Rng) -> Draft:
    secret_value = pw(rng)
    host = example_host(rng, "ci")
    body = marked_json(
        {"_class": "hudson.model.FreeStyleBuild", "number": rng.randint(10, 900), "result": "SUCCESS"}
    )
    return curl_session(rng, host, "/job/nightly/lastBuild/api/json", user=f"admin:{secret_value}", body=body)


def t_pw_git_credential(rng: Rng) -> Draft:
    secret_value = pw(rng)
    host = example_host(rng, "git")
    return Draft("shell", lines(
        f'$ printf "protocol=https\\nhost={host}\\n\\n" | git credential fill',
        "protocol=https",
        f"host={keep(host)}",
        "username=release-bot",
        f"{keep('password')}={secret_value}",
    ))  # fmt: skip


def t_pw_sshpass(rng: Rng) -> Draft:
    secret_value = pw(rng)
    host = example_host(rng, "web")
    return Draft("shell", lines(
        f"$ sshpass -p {secret_value.sh()} ssh -o StrictHostKeyChecking=no deploy@{keep(host)} "
        "'sudo systemctl restart app'",
        f"Warning: Permanently added '{host}' (ED25519) to the list of known hosts.",
    ))  # fmt: skip


def t_pw_wp_config(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("php", lines(
        "<?php",
        "define( 'DB_NAME', 'wordpress' );",
        "define( 'DB_USER', 'wp_app' );",
        f"define( '{keep('DB_PASSWORD')}', '{secret_value}' );",
        f"define( 'DB_HOST', '{keep(example_host(rng, 'db'))}' );",
        "define( 'DB_CHARSET', 'utf8mb4' );",
    ), "wp-config.php")  # fmt: skip


def t_pw_psycopg(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("python", lines(
        "import psycopg",
        "",
        "conn = psycopg.connect(",
        f'    host="{keep(example_host(rng, "db"))}",',
        '    dbname="analytics",',
        '    user="analyst",',
        f'    {keep("password")}="{secret_value}",',
        ")",
    ), pick(rng, ("notebooks/cohorts.py", "scripts/export_metrics.py")))  # fmt: skip


def t_pw_kafka(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("properties", lines(
        f"bootstrap.servers={keep(example_host(rng, 'kafka'))}:9093",
        "security.protocol=SASL_SSL",
        "sasl.mechanism=PLAIN",
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
        f'username="events-consumer" {keep("password")}="{secret_value}";',
    ), "config/consumer.properties")  # fmt: skip


def t_pw_sql_user(rng: Rng) -> Draft:
    secret_value, other = pw(rng), pw(rng)
    return Draft("sql", lines(
        "-- roles for the reporting service",
        f"CREATE ROLE reporting WITH LOGIN {keep('PASSWORD')} '{secret_value}';",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;",
        f"ALTER USER etl WITH PASSWORD '{other}';",
    ), pick(rng, ("migrations/0042_reporting_role.sql", "db/roles.sql")))  # fmt: skip


def t_pw_mysqldump(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("shell", lines(
        f"$ mysqldump --host={keep(example_host(rng, 'db'))} --user=backup {keep('--password')}={secret_value.sh()} "
        "--single-transaction shop > /var/backups/shop.sql",
        "mysqldump: [Warning] Using a password on the command line interface can be insecure.",
        "$ ls -lh /var/backups/shop.sql",
        f"-rw-r--r-- 1 backup backup {rng.randint(20, 900)}M {moment(rng):%b %d %H:%M} /var/backups/shop.sql",
    ))  # fmt: skip


def t_pw_grafana_ini(rng: Rng) -> Draft:
    secret_value, smtp = pw(rng), pw(rng)
    return Draft("ini", lines(
        "[security]",
        "admin_user = admin",
        f"{keep('admin_password')} = {secret_value}",
        "",
        "[smtp]",
        "enabled = true",
        f"host = {keep(example_host(rng, 'smtp'))}:587",
        "user = grafana",
        f"{keep('password')} = {smtp}",
    ), "/etc/grafana/grafana.ini")  # fmt: skip


def t_pw_rabbitmqctl(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("shell", lines(
        f"$ rabbitmqctl add_user events {secret_value.sh()}",
        'Adding user "events" ...',
        "Done. Don't forget to grant the user permissions to some virtual hosts! See 'rabbitmqctl help "
        "set_permissions' to learn more.",
        '$ rabbitmqctl set_permissions -p / events ".*" ".*" ".*"',
    ))  # fmt: skip


def t_pw_smtp_env(rng: Rng) -> Draft:
    secret_value = pw(rng)
    return Draft("dotenv", lines(
        f"SMTP_HOST={keep(example_host(rng, 'smtp'))}",
        "SMTP_PORT=587",
        "SMTP_USER=notifications",
        f"{keep('SMTP_PASSWORD')}={secret_value}",
        f"MAIL_FROM={keep('noreply@example.com')}",
    ), ".env")  # fmt: skip


def t_pw_diagnose(rng: Rng) -> Draft:
    secret_value = pw(rng)
    host = example_host(rng, "db")
    return Draft("traceback", lines(
        "Traceback (most recent call last):",
        f'  File "{keep("/srv/app/app/db.py")}", line 22, in connect',
        "    return psycopg.connect(host=host, user=user, password=password)",
        "                                │          │          └ " + f"'{secret_value}'",
        "                                │          └ 'app'",
        "                                └ " + f"'{keep(host)}'",
        f'psycopg.OperationalError: connection failed: connection to server at "{keep(doc_ip(rng))}", port 5432 '
        "failed: FATAL:  password authentication failed for user \"app\"",
    ))  # fmt: skip


PASSWORD_TEMPLATES = (
    t_pw_mysql, t_pw_psql_url, t_pw_docker_login, t_pw_netrc, t_pw_pgpass, t_pw_tfvars, t_pw_ansible, t_pw_helm,
    t_pw_redis_cli, t_pw_jdbc, t_pw_adonet, t_pw_mongodb, t_pw_amqp, t_pw_compose, t_pw_k8s_string_data,
    t_pw_curl_user, t_pw_git_credential, t_pw_sshpass, t_pw_wp_config, t_pw_psycopg, t_pw_kafka, t_pw_sql_user,
    t_pw_mysqldump, t_pw_grafana_ini, t_pw_rabbitmqctl, t_pw_smtp_env, t_pw_diagnose,
)  # fmt: skip


# --- generic credentials: API keys, Basic credentials, signatures, hashes ------------------------------------


def cred(rng: Rng) -> Val:
    return Val(generic_token(rng), "credential")


def t_cred_api_key_header(rng: Rng) -> Draft:
    key = cred(rng)
    host = example_host(rng, "api")
    body = marked_json({"items": [], "next_cursor": None, "request_id": keep(uid(rng))})
    return curl_session(rng, host, "/v3/exports?since=2025-10-01", [(keep("X-Api-Key"), str(key))], body=body)


def t_cred_bearer_httpie(rng: Rng) -> Draft:
    token = Val(draw(rng, B64URL, 40), "credential")
    host = example_host(rng, "api")
    return Draft("shell", lines(
        f"$ http GET https://{keep(host)}/internal/jobs/{keep(uid(rng))} 'Authorization:Bearer {token}'",
        "HTTP/1.1 200 OK",
        "Content-Type: application/json",
        f"X-Request-Id: {keep(uid(rng))}",
        "",
        '{',
        '    "state": "succeeded",',
        f'    "duration_ms": {rng.randint(100, 90000)}',
        '}',
    ))  # fmt: skip


def t_cred_requests_debug(rng: Rng) -> Draft:
    user, secret_value = pick(rng, ("svc-export", "reporter", "ci")), password(rng)
    blob = Val(basic_credentials(user, secret_value), "credential")
    host = example_host(rng, "files")
    return Draft("log", lines(
        f"DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): {keep(host)}:443",
        f"send: b'GET /exports/daily.csv HTTP/1.1\\r\\nHost: {host}\\r\\nUser-Agent: python-requests/"
        f"{keep('2.32.3')}\\r\\nAccept-Encoding: gzip, deflate\\r\\nAccept: */*\\r\\nConnection: keep-alive\\r\\n"
        f"Authorization: Basic {blob}\\r\\n\\r\\n'",
        "reply: 'HTTP/1.1 200 OK\\r\\n'",
        f"DEBUG:urllib3.connectionpool:https://{host}:443 \"GET /exports/daily.csv HTTP/1.1\" 200 "
        f"{rng.randint(100, 99999)}",
    ))  # fmt: skip


def t_cred_docker_config(rng: Rng) -> Draft:
    registry = example_host(rng, "registry")
    user, token = "ci-bot", draw(rng, ALNUM, 32)
    blob = Val(basic_credentials(user, token), "credential")
    config = {"auths": {registry: {keep("auth"): str(blob)}, "https://index.docker.io/v1/": {}},
              "credsStore": "desktop", "currentContext": "default"}  # fmt: skip
    return Draft("shell", lines("$ cat ~/.docker/config.json", marked_json(config, 1).rstrip("\n")))


def t_cred_k8s_get_secret(rng: Rng) -> Draft:
    values = [
        Val(b64(password(rng).encode()), "credential"),
        Val(b64(generic_token(rng).encode()), "credential"),
    ]
    return Draft("shell", lines(
        f"$ kubectl get secret {pick(rng, ('api-env', 'worker-secrets'))} -n prod -o yaml",
        "apiVersion: v1",
        "data:",
        f"  {keep('DATABASE_PASSWORD')}: {values[0]}",
        f"  {keep('SIGNING_KEY')}: {values[1]}",
        f"  LOG_LEVEL: {b64(b'info')}",
        "kind: Secret",
        "metadata:",
        f"  creationTimestamp: \"{iso(moment(rng))}\"",
        "  name: api-env",
        "  namespace: prod",
        f"  uid: {keep(uid(rng))}",
        "type: Opaque",
    ))  # fmt: skip


def t_cred_npmrc_auth(rng: Rng) -> Draft:
    blob = Val(basic_credentials("ci-publisher", password(rng)), "credential")
    registry = example_host(rng, "nexus")
    return Draft("ini", lines(
        f"registry=https://{keep(registry)}/repository/npm-group/",
        f"//{registry}/repository/npm-group/:{keep('_auth')}={blob}",
        "always-auth=true",
        f"email={keep('ci@example.com')}",
    ), ".npmrc")  # fmt: skip


def t_cred_pip_conf(rng: Rng) -> Draft:
    token = Val(draw(rng, ALNUM, 40), "credential")
    host = example_host(rng, "pypi")
    return Draft("ini", lines(
        "[global]",
        f"index-url = https://build:{token}@{keep(host)}/simple/",
        "extra-index-url = https://pypi.org/simple/",
        f"trusted-host = {host}",
        "timeout = 60",
    ), pick(rng, ("pip.conf", "/etc/pip.conf")))  # fmt: skip


def t_cred_cloudflare(rng: Rng) -> Draft:
    token = Val(cloudflare_token(rng), "credential")
    body = marked_json({"result": {"id": keep(sha(rng, 32)), "status": "active"}, "success": True, "errors": [],
                        "messages": [{"code": 10000, "message": "This API Token is valid and active"}]})  # fmt: skip
    draft = curl_session(rng, "api.cloudflare.com", "/client/v4/user/tokens/verify",
                         [("Authorization", f"Bearer {token}")], body=body)  # fmt: skip
    return Draft(draft.kind, f"$ export {keep('CLOUDFLARE_API_TOKEN')}={token}\n" + draft.text)


def t_cred_cloudflare_global(rng: Rng) -> Draft:
    key = Val(draw(rng, HEX, 37), "credential")
    who = person(rng)
    address = Val(email_for(rng, who.first, who.last, company_domain(rng)), "email")
    zone = sha(rng, 32)
    return Draft("shell", lines(
        f'$ curl -s -X POST "https://api.cloudflare.com/client/v4/zones/{keep(zone)}/purge_cache" \\',
        f'    -H "X-Auth-Email: {address}" \\',
        f'    -H "{keep("X-Auth-Key")}: {key}" \\',
        '    -H "Content-Type: application/json" --data \'{"purge_everything":true}\'',
        f'{{"success":true,"errors":[],"messages":[],"result":{{"id":"{zone}"}}}}',
    ))  # fmt: skip


def t_cred_azure_storage(rng: Rng) -> Draft:
    key = Val(b64(rng.randbytes(64)), "credential")
    account = f"{org_slug(rng)}{pick(rng, ('prod', 'logs', 'media'))}"
    return Draft("dotenv", lines(
        f"{keep('AZURE_STORAGE_CONNECTION_STRING')}=DefaultEndpointsProtocol=https;AccountName={account};"
        f"{keep('AccountKey')}={key};EndpointSuffix=core.windows.net",
        "AZURE_STORAGE_CONTAINER=uploads",
    ), ".env")  # fmt: skip


def t_cred_azure_sas(rng: Rng) -> Draft:
    signature = Val(
        b64(rng.randbytes(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"), "credential"
    )
    account = f"{org_slug(rng)}media"
    start = moment(rng)
    query = (f"sp=r&st={start:%Y-%m-%dT%H:%M:%SZ}&se={(start + dt.timedelta(days=7)):%Y-%m-%dT%H:%M:%SZ}"
             f"&spr=https&sv={keep('2022-11-02')}&sr=b&sig={signature}")  # fmt: skip
    return Draft("shell", lines(
        f'$ azcopy copy "https://{account}.blob.core.windows.net/exports/{keep("report-2025-10.csv")}?{query}" ./',
        "INFO: Scanning...",
        f"Job {keep(uid(rng))} has started",
        "Final Job Status: Completed",
    ))  # fmt: skip


def django_secret_key(rng: Rng) -> str:
    return draw(rng, LOWER + DIGITS + "!@#$%^&*(-_=+)", 50)


def t_cred_django_secret(rng: Rng) -> Draft:
    key = Val(django_secret_key(rng), "credential")
    return Draft("python", lines(
        "from .base import *  # noqa: F403",
        "",
        "DEBUG = False",
        f'{keep("SECRET_KEY")} = "{key}"',
        f'ALLOWED_HOSTS = ["{keep(example_host(rng, "www"))}"]',
    ), "config/settings/production.py")  # fmt: skip


def t_cred_rails(rng: Rng) -> Draft:
    key, base = Val(sha(rng, 32), "credential"), Val(sha(rng, 128), "credential")
    return Draft("shell", lines(
        "$ cat config/master.key; echo",
        str(key),
        "$ bin/rails credentials:show",
        f"{keep('secret_key_base')}: {base}",
        "aws:",
        f"  bucket: {org_slug(rng)}-uploads",
    ))  # fmt: skip


def t_cred_oauth_env(rng: Rng) -> Draft:
    client_secret = Val(draw(rng, B64URL, 40), "credential")
    webhook = Val("wh_" + draw(rng, ALNUM, 32), "credential")
    return Draft("dotenv", lines(
        f"OAUTH_CLIENT_ID={keep(uid(rng))}",
        f"{keep('OAUTH_CLIENT_SECRET')}={client_secret}",
        f"OAUTH_REDIRECT_URI=https://{keep(example_host(rng, 'app'))}/auth/callback",
        f"{keep('WEBHOOK_SIGNING_SECRET')}={webhook}",
    ), ".env.production")  # fmt: skip


def crypt_hash(rng: Rng) -> str:
    salt = draw(rng, ALNUM + "./", 16)
    return f"$6${salt}${draw(rng, ALNUM + './', 86)}"


def bcrypt_hash(rng: Rng) -> str:
    return f"$2b$12${draw(rng, ALNUM + './', 53)}"


def t_cred_shadow(rng: Rng) -> Draft:
    first, second = Val(crypt_hash(rng), "credential"), Val(crypt_hash(rng), "credential")
    day = rng.randint(19800, 20400)
    return Draft("shell", lines(
        "$ sudo tail -n 3 /etc/shadow",
        f"deploy:{first}:{day}:0:99999:7:::",
        f"backup:{second}:{day + 3}:0:99999:7:::",
        f"sshd:*:{day}:0:99999:7:::",
    ))  # fmt: skip


def t_cred_bcrypt_dump(rng: Rng) -> Draft:
    rows = [(uid(rng), f"user{rng.randint(10, 999)}", Val(bcrypt_hash(rng), "credential")) for _ in range(3)]
    return Draft("sql", lines(
        "-- Data for Name: users; Type: TABLE DATA; Schema: public",
        "COPY public.users (id, username, password_hash, created_at) FROM stdin;",
        *(f"{keep(row_id)}\t{name}\t{hashed}\t{iso(moment(rng))}" for row_id, name, hashed in rows),
        "\\.",
    ), "backups/users.sql")  # fmt: skip


def t_cred_django_fixture(rng: Rng) -> Draft:
    hashed = Val(f"pbkdf2_sha256$870000${draw(rng, ALNUM, 22)}${b64(rng.randbytes(32))}", "credential")
    fixture = [{"model": "auth.user", "pk": 1, "fields": {
        keep("password"): str(hashed), "username": "admin", "is_superuser": True,
        "email": keep("admin@example.com"),
    }}]  # fmt: skip
    return Draft("json", marked_json(fixture) + "\n", "fixtures/admin_user.json")


def t_cred_digest(rng: Rng) -> Draft:
    response = Val(sha(rng, 32), "credential")
    realm = f"{org_slug(rng)}-camera"
    nonce = draw(rng, B64, 40)
    return Draft("http-trace", lines(
        "> GET /cgi-bin/snapshot.cgi HTTP/1.1",
        f"> Host: {keep(doc_ip(rng))}",
        f'> Authorization: Digest username="admin", realm="{keep(realm)}", nonce="{nonce}", '
        f'uri="{keep("/cgi-bin/snapshot.cgi")}", algorithm=MD5, qop=auth, nc=00000001, cnonce="{sha(rng, 16)}", '
        f'response="{response}"',
        ">",
        "< HTTP/1.1 200 OK",
        "< Content-Type: image/jpeg",
    ))  # fmt: skip


def t_cred_drf_token(rng: Rng) -> Draft:
    token = Val(sha(rng, 40), "credential")
    host = example_host(rng, "api")
    body = marked_json({"count": rng.randint(0, 90), "next": None, "results": []})
    return curl_session(
        rng, host, "/api/v1/orders/?status=open", [("Authorization", f"Token {token}")], body=body
    )


def cred_generic(rng: Rng) -> Draft:
    name = pick(rng, ("API_KEY", "SECRET_KEY", "WEBHOOK_SECRET", "CLIENT_SECRET", "SIGNING_KEY", "ENCRYPTION_KEY",
                      "CLOUDFLARE_API_TOKEN", "INTERNAL_API_TOKEN", "ALGOLIA_ADMIN_API_KEY"))  # fmt: skip
    token = cloudflare_token(rng) if name.startswith("CLOUDFLARE") else generic_token(rng)
    return rng.choice(CARRIERS)(rng, name, Val(token, "credential"))


CREDENTIAL_TEMPLATES = (
    t_cred_api_key_header, t_cred_bearer_httpie, t_cred_requests_debug, t_cred_docker_config, t_cred_k8s_get_secret,
    t_cred_npmrc_auth, t_cred_pip_conf, t_cred_cloudflare, t_cred_cloudflare_global, t_cred_azure_storage,
    t_cred_azure_sas, t_cred_django_secret, t_cred_rails, t_cred_oauth_env, t_cred_shadow, t_cred_bcrypt_dump,
    t_cred_django_fixture, t_cred_digest, t_cred_drf_token, cred_generic, cred_generic,
)  # fmt: skip


# --- session cookies ---------------------------------------------------------------------------------------


def session_value(rng: Rng, kind: str) -> str:
    if kind == "django":
        return draw(rng, LOWER + DIGITS, 32)
    if kind == "express":
        return "s%3A" + draw(rng, B64URL, 32) + "." + draw(rng, ALNUM, 43)
    if kind == "rails":
        return (
            draw(rng, B64, 140).replace("+", "%2B").replace("/", "%2F")
            + "--"
            + draw(rng, ALNUM, 16)
            + "--"
            + draw(rng, ALNUM, 22)
            + "%3D%3D"
        )
    if kind == "php":
        return draw(rng, DIGITS + "abcdefghijklmnopqrstuv", 26)
    if kind == "java":
        return draw(rng, HEX_UPPER, 32)
    if kind == "laravel":
        return "eyJpdiI6I" + draw(rng, ALNUM, 180) + "%3D%3D"
    if kind == "flask":
        return "eyJ" + draw(rng, B64URL, 60) + "." + draw(rng, B64URL, 6) + "." + draw(rng, B64URL, 27)
    header = b64url(compact_json({"alg": "dir", "enc": "A256GCM"}).encode())
    return f"{header}..{draw(rng, B64URL, 16)}.{draw(rng, B64URL, 220)}.{draw(rng, B64URL, 22)}"


SESSION_COOKIE_NAMES = {"django": "sessionid", "express": "connect.sid", "rails": "_storefront_session",
                        "php": "PHPSESSID", "java": "JSESSIONID", "laravel": "laravel_session", "flask": "session",
                        "nextauth": "__Secure-next-auth.session-token"}  # fmt: skip


def cookie(rng: Rng, kind: str = "") -> tuple[str, Val]:
    kind = kind or rng.choice(tuple(SESSION_COOKIE_NAMES))
    return SESSION_COOKIE_NAMES[kind], Val(session_value(rng, kind), "session-cookie")


def analytics_cookie(rng: Rng) -> str:
    return f"_ga=GA1.1.{rng.randint(10**8, 10**9)}.{rng.randint(1_700_000_000, 1_760_000_000)}"


def t_cookie_set_login(rng: Rng) -> Draft:
    name, value = cookie(rng, rng.choice(("django", "rails", "flask", "java")))
    host = example_host(rng, "app")
    expires = moment(rng) + dt.timedelta(days=14)
    return Draft("http-trace", lines(
        "> POST /accounts/login/ HTTP/1.1",
        f"> Host: {keep(host)}",
        "> Content-Type: application/x-www-form-urlencoded",
        ">",
        "< HTTP/1.1 302 Found",
        "< Location: /dashboard/",
        f"< Set-Cookie: {keep(name)}={value}; expires={expires:%a, %d %b %Y %H:%M:%S} GMT; HttpOnly; "
        f"{keep('Max-Age=1209600')}; Path=/; SameSite=Lax; Secure",
        f"< X-Request-Id: {keep(uid(rng))}",
    ))  # fmt: skip


def t_cookie_request(rng: Rng) -> Draft:
    name, value = cookie(rng, rng.choice(("express", "php", "laravel", "django")))
    host = example_host(rng, "app")
    return Draft("shell", lines(
        f"$ curl -s 'https://{keep(host)}/api/cart' \\",
        f"  -H 'Cookie: {keep(analytics_cookie(rng))}; {keep('theme=dark')}; {name}={value}' \\",
        "  -H 'Accept: application/json' | jq .items[0]",
        "{",
        f'  "sku": "{keep("SKU-" + draw(rng, UPPER + DIGITS, 8))}",',
        f'  "quantity": {rng.randint(1, 5)}',
        "}",
    ))  # fmt: skip


def t_cookie_jar(rng: Rng) -> Draft:
    name, value = cookie(rng, rng.choice(("php", "django", "express", "java")))
    host = example_host(rng, "portal")
    expires = int(moment(rng).timestamp()) + 86400 * 30
    return Draft("shell", lines(
        "$ cat cookies.txt",
        "# Netscape HTTP Cookie File",
        "# https://curl.se/docs/http-cookies.html",
        "# This file was generated by libcurl! Edit at your own risk.",
        "",
        f"#HttpOnly_{host}\tFALSE\t/\tTRUE\t{expires}\t{keep(name)}\t{value}",
        f"{host}\tFALSE\t/\tFALSE\t{expires}\tlang\ten",
    ))  # fmt: skip


def t_cookie_requests_session(rng: Rng) -> Draft:
    name, value = cookie(rng, "flask")
    return Draft("console", lines(
        ">>> s = requests.Session()",
        f'>>> s.post("https://{keep(example_host(rng, "app"))}/login", data=creds).status_code',
        "200",
        ">>> s.cookies.get_dict()",
        f"{{'{keep(name)}': '{value}', 'lang': 'en'}}",
    ))  # fmt: skip


def t_cookie_storage_state(rng: Rng) -> Draft:
    name, value = cookie(rng, "nextauth")
    host = example_host(rng, "app")
    state = {"cookies": [
        {"name": keep(name), "value": str(value), "domain": host, "path": "/",
         "expires": rng.randint(1_760_000_000, 1_780_000_000), "httpOnly": True, "secure": True, "sameSite": "Lax"},
        {"name": "__Host-next-auth.csrf-token", "value": keep(placeholder(rng)), "domain": host, "path": "/",
         "expires": -1, "httpOnly": True, "secure": True, "sameSite": "Lax"},
    ], "origins": []}  # fmt: skip
    return Draft(
        "json", marked_json(state) + "\n", pick(rng, ("playwright/.auth/user.json", "e2e/storage-state.json"))
    )


def t_cookie_har(rng: Rng) -> Draft:
    name, value = cookie(rng, rng.choice(("express", "laravel", "rails")))
    host = example_host(rng, "shop")
    entry = {"request": {
        "method": "GET",
        "url": f"https://{host}/account/orders",
        "headers": [{"name": "cookie", "value": f"{name}={value}"},
                    {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64)"}],
        "cookies": [{"name": keep(name), "value": str(value)}],
    }, "response": {"status": 200, "headers": [{"name": "x-request-id", "value": keep(uid(rng))}]}}  # fmt: skip
    return Draft(
        "json", marked_json(entry) + "\n", pick(rng, ("debug/orders.har", "har/checkout-entry.json"))
    )


def t_cookie_logout(rng: Rng) -> Draft:
    name, value = cookie(rng, rng.choice(("django", "php", "express")))
    host = example_host(rng, "app")
    return Draft("http-trace", lines(
        "> POST /logout HTTP/1.1",
        f"> Host: {host}",
        f"> Cookie: {name}={value}; {keep(analytics_cookie(rng))}",
        ">",
        "< HTTP/1.1 303 See Other",
        f"< Set-Cookie: {keep(name + '=deleted')}; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
        "< Location: /",
    ))  # fmt: skip


COOKIE_TEMPLATES = (t_cookie_set_login, t_cookie_request, t_cookie_jar, t_cookie_requests_session,
                    t_cookie_storage_state, t_cookie_har, t_cookie_logout)  # fmt: skip


# --- personal data: records in the formats that carry them ----------------------------------------------------

PERSONAL_CLASSES = ("email", "phone", "ssn", "card-number", "iban", "person-name")
UNLABELLED = "-"


@attrs.frozen
class Column:
    """A record's field: its key, the class its values are labelled with ("" must survive, "-" unlabelled)."""

    key: str
    cls: str
    value: Callable[[Rng, Person], str] = attrs.field(eq=False)


FIELD_KEYS = {
    "email": ("email", "email_address", "contact_email"),
    "phone": ("phone", "phone_number", "mobile"),
    "ssn": ("ssn", "social_security_number"),
    "card-number": ("card_number", "pan", "cc_number"),
    "iban": ("iban", "payout_iban", "bank_iban"),
}
FIELD_VALUES: dict[str, Callable[[Rng, Person], str]] = {
    "email": lambda rng, who: who.email,
    "phone": lambda rng, who: who.phone,
    "ssn": lambda rng, who: who.ssn,
    "card-number": lambda rng, who: grouped_card(rng, who.card),
    "iban": lambda rng, who: grouped_iban(rng, who.iban),
}


def keyed_column(rng: Rng, cls: str) -> Column:
    return Column(pick(rng, FIELD_KEYS[cls]), cls, FIELD_VALUES[cls])


def name_columns(rng: Rng) -> list[Column]:
    if rng.random() < 0.3:
        return [Column("first_name", "person-name", lambda r, who: who.first),
                Column("last_name", "person-name", lambda r, who: who.last)]  # fmt: skip
    return [Column(pick(rng, ("full_name", "name", "customer_name")), "person-name", lambda r, who: who.full)]


def record_columns(rng: Rng, main: str) -> list[Column]:
    """An id, the person's name and address, the main class's field, maybe one more, a timestamp."""
    columns = [Column(pick(rng, ("id", "customer_id", "user_id")), "", lambda r, who: uid(r))]
    if main == "person-name" or rng.random() < 0.6:
        columns += name_columns(rng)
    columns.append(keyed_column(rng, "email"))
    extra = [c for c in ("phone", "ssn", "card-number", "iban") if c != main]
    if main not in ("person-name", "email"):
        columns.append(keyed_column(rng, main))
    if rng.random() < 0.25:
        columns.append(keyed_column(rng, rng.choice(extra)))
    columns.append(Column("created_at", UNLABELLED, lambda r, who: iso(moment(r))))
    return columns


def cell(column: Column, value: str) -> str:
    if column.cls == UNLABELLED:
        return value
    return keep(value) if column.cls == "" else secret(value, column.cls)


def record_rows(rng: Rng, columns: Sequence[Column], people: Sequence[Person]) -> list[list[str]]:
    return [[cell(column, column.value(rng, who)) for column in columns] for who in people]


def people_of(rng: Rng, count: int = 0) -> list[Person]:
    return [person(rng) for _ in range(count or rng.choice((1, 2, 2)))]


def rec_csv(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    def quoted(value: str) -> str:
        return f'"{value}"' if "," in value else value

    body = [",".join(c.key for c in columns), *(",".join(quoted(v) for v in row) for row in rows)]
    return Draft(
        "csv", lines(*body), pick(rng, ("exports/customers-2025-10.csv", "data/users.csv", "tmp/payouts.csv"))
    )


def rec_json(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    records = [{c.key: value for c, value in zip(columns, row, strict=True)} for row in rows]
    return Draft(
        "json", marked_json(records) + "\n", pick(rng, ("fixtures/users.json", "tests/data/customers.json"))
    )


def rec_sql(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    table = pick(rng, ("customers", "users", "members", "payees"))
    values = ",\n".join("  (" + ", ".join(f"'{v}'" for v in row) + ")" for row in rows)
    text = f"INSERT INTO {table} ({', '.join(c.key for c in columns)}) VALUES\n{values};\n"
    return Draft("sql", text, pick(rng, ("db/seeds/customers.sql", "migrations/seed_dev.sql")))


def rec_yaml_fixture(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    body: list[str] = []
    for pk, row in enumerate(rows, 1):
        body += [f"- model: accounts.{pick(rng, ('customer', 'member'))}", f"  pk: {pk}", "  fields:"]
        body += [f'    {c.key}: "{value}"' for c, value in zip(columns, row, strict=True)]
    return Draft(
        "yaml", lines(*body), pick(rng, ("accounts/fixtures/customers.yaml", "fixtures/members.yml"))
    )


def rec_psql(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    widths = [max(len(c.key), *(len(unmark(row[i])) for row in rows)) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "|".join(
            f" {v}{' ' * (w - len(unmark(v)))} " for v, w in zip(values, widths, strict=True)
        ).rstrip()

    table = pick(rng, ("customers", "users"))
    return Draft("shell", lines(
        f"$ psql -d app -c \"SELECT {', '.join(c.key for c in columns)} FROM {table} ORDER BY created_at DESC "
        f"LIMIT {len(rows)}\"",
        line([c.key for c in columns]),
        "+".join("-" * (w + 2) for w in widths),
        *(line(row) for row in rows),
        f"({len(rows)} rows)",
    ))  # fmt: skip


def rec_python(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    body = ["CUSTOMERS = ["]
    for row in rows:
        fields = ", ".join(f'"{c.key}": "{v}"' for c, v in zip(columns, row, strict=True))
        body.append(f"    {{{fields}}},")
    body.append("]")
    return Draft("python", lines(*body), pick(rng, ("tests/factories.py", "scripts/seed_demo.py")))


def rec_jsonl_log(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    events = []
    for row in rows:
        record = {"ts": iso(moment(rng)), "level": "info", "event": pick(rng, ("customer.created", "profile.updated")),
                  "request_id": keep(uid(rng)),
                  "customer": {c.key: v for c, v in zip(columns, row, strict=True)}}  # fmt: skip
        events.append(marked_json(record, None))
    return Draft("log", lines(*events))


def rec_markdown(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    body = ["| " + " | ".join(c.key for c in columns) + " |", "|" + "---|" * len(columns),
            *("| " + " | ".join(row) + " |" for row in rows)]  # fmt: skip
    return Draft(
        "markdown", lines("## Affected accounts", "", *body), pick(rng, ("incident/affected.md", "REPORT.md"))
    )


def rec_orm_log(rng: Rng, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Draft:
    table = pick(rng, ("customers", "users"))
    body = ["INFO sqlalchemy.engine.Engine BEGIN (implicit)",
            f"INFO sqlalchemy.engine.Engine INSERT INTO {table} ({', '.join(c.key for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"]  # fmt: skip
    for i, row in enumerate(rows):
        timing = "generated in" if i == 0 else "cached since"
        body.append(f"INFO sqlalchemy.engine.Engine [{timing} 0.000{rng.randint(10, 99)}s] ("
                    + ", ".join(f"'{v}'" for v in row) + ")")  # fmt: skip
    body.append("INFO sqlalchemy.engine.Engine COMMIT")
    return Draft("log", lines(*body))


RECORD_FORMATS = (rec_csv, rec_json, rec_sql, rec_yaml_fixture, rec_psql, rec_python, rec_jsonl_log, rec_markdown,
                  rec_orm_log)  # fmt: skip


def t_records(rng: Rng, main: str) -> Draft:
    columns = record_columns(rng, main)
    return rng.choice(RECORD_FORMATS)(rng, columns, record_rows(rng, columns, people_of(rng)))


def named(who: Person) -> tuple[str, str]:
    """A person's name and address, labelled."""
    return secret(who.full, "person-name"), secret(who.email, "email")


def bot_identity() -> str:
    return keep("49699333+dependabot[bot]@users.noreply.github.com")


def t_git_log(rng: Rng) -> Draft:
    who = person(rng)
    name, address = named(who)
    subject = pick(rng, ("Fix retry budget on 429", "Add export of invoices as CSV", "Bump pydantic to 2.9"))
    trailer = [f"    Signed-off-by: {name} <{address}>", ""] if rng.random() < 0.5 else []
    return Draft("git", lines(
        "$ git log -2",
        f"commit {keep(sha(rng))}",
        f"Author: {name} <{address}>",
        f"Date:   {git_date(moment(rng))}",
        "",
        f"    {subject}",
        "",
        *trailer,
        f"commit {keep(sha(rng))}",
        f"Author: dependabot[bot] <{bot_identity()}>",
        f"Date:   {git_date(moment(rng))}",
        "",
        f"    Bump actions/checkout from 4.1.7 to {keep('4.2.2')}",
    ))  # fmt: skip


def t_git_trailers(rng: Rng) -> Draft:
    author, helper = person(rng), person(rng)
    name, address = named(author)
    helper_name, helper_address = named(helper)
    return Draft("git", lines(
        f"$ git show --no-patch --format=fuller {sha(rng, 9)}",
        f"commit {keep(sha(rng))}",
        f"Author:     {name} <{address}>",
        f"AuthorDate: {git_date(moment(rng))}",
        f"Commit:     GitHub <{keep('noreply@github.com')}>",
        f"CommitDate: {git_date(moment(rng))}",
        "",
        f"    Handle empty pages in the exporter (#{rng.randint(100, 4000)})",
        "",
        f"    Co-authored-by: {helper_name} <{helper_address}>",
        f"    Reviewed-by: {name} <{address}>",
    ))  # fmt: skip


def t_git_shortlog(rng: Rng) -> Draft:
    rows = []
    for count in sorted(rng.sample(range(1, 400), rng.randint(2, 3)), reverse=True):
        name, address = named(person(rng))
        rows.append(f"{count:>6}\t{name} <{address}>")
    return Draft("git", lines("$ git shortlog -sne --since=2025-01-01", *rows,
                              f"{rng.randint(1, 9):>6}\tdependabot[bot] <{bot_identity()}>"))  # fmt: skip


def t_git_blame(rng: Rng) -> Draft:
    people = people_of(rng, 2)
    code = ["def retry_delay(attempt: int) -> float:", '    """Exponential, capped at a minute."""',
            "    return min(60.0, 0.5 * 2**attempt)"]  # fmt: skip
    rows = []
    start = rng.randint(10, 80)
    for number, text in enumerate(code, start):
        who = rng.choice(people)
        when = moment(rng)
        rows.append(f"{keep(sha(rng, 8))} ({secret(who.full, 'person-name')} {when:%Y-%m-%d %H:%M:%S} +0000 "
                    f"{number:>3}) {text}")  # fmt: skip
    return Draft("git", lines(f"$ git blame -L {start},+3 {keep('app/retry.py')}", *rows))


def t_git_config(rng: Rng) -> Draft:
    name, address = named(person(rng))
    return Draft("git", lines(
        "$ git config --list --show-origin | grep user",
        f"file:{keep('/etc/gitconfig')}\tuser.useconfigonly=true",
        f"file:.git/config\t{keep('user.name')}={name}",
        f"file:.git/config\t{keep('user.email')}={address}",
        f"file:.git/config\tuser.signingkey={keep(draw(rng, HEX_UPPER, 16))}",
    ))  # fmt: skip


def t_gitconfig_file(rng: Rng) -> Draft:
    name, address = named(person(rng))
    return Draft("ini", lines(
        "[user]",
        f"\tname = {name}",
        f"\temail = {address}",
        "[init]",
        "\tdefaultBranch = main",
        "[pull]",
        "\trebase = true",
    ), "~/.gitconfig")  # fmt: skip


def t_git_env_commit(rng: Rng) -> Draft:
    name, address = named(person(rng))
    return Draft("shell", lines(
        f'$ GIT_AUTHOR_NAME="{name}" GIT_AUTHOR_EMAIL={address} git commit -qm "Import legacy fixtures"',
        "$ git log -1 --format='%h %an <%ae>'",
        f"{keep(sha(rng, 7))} {name} <{address}>",
    ))  # fmt: skip


def t_package_json(rng: Rng) -> Draft:
    author, other = person(rng), person(rng)
    name, address = named(author)
    other_name, other_address = named(other)
    package = {
        "name": f"@{org_slug(rng)}/{pick(rng, ('ui-kit', 'api-client', 'charts'))}",
        "version": keep(version(rng)),
        "author": f"{name} <{address}>",
        "contributors": [{"name": other_name, "email": other_address}],
        "license": "MIT",
        "main": "dist/index.js",
    }
    return Draft("json", marked_json(package) + "\n", "package.json")


def t_pyproject(rng: Rng) -> Draft:
    name, address = named(person(rng))
    return Draft("toml", lines(
        "[project]",
        f'name = "{org_slug(rng)}-tools"',
        f'version = "{keep(version(rng))}"',
        f'authors = [{{ name = "{name}", email = "{address}" }}]',
        'requires-python = ">=3.11"',
        'dependencies = ["httpx>=0.27", "attrs>=24.2"]',
    ), "pyproject.toml")  # fmt: skip


def t_mail_headers(rng: Rng) -> Draft:
    sender, recipient = person(rng), person(rng)
    sender_name, sender_address = named(sender)
    recipient_name, recipient_address = named(recipient)
    return Draft("email", lines(
        f"Return-Path: <{sender_address}>",
        f"From: {sender_name} <{sender_address}>",
        f"To: {recipient_name} <{recipient_address}>",
        "Subject: Re: access to the staging dashboards",
        f"Date: {moment(rng):%a, %d %b %Y %H:%M:%S} +0000",
        f"Message-ID: <{keep(uid(rng) + '@mail.example.com')}>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "Done, you should see the folder now.",
    ), pick(rng, ("support/ticket-4411.eml", "tmp/bounce.eml")))  # fmt: skip


def t_smtp_transcript(rng: Rng) -> Draft:
    address = secret(person(rng).email, "email")
    server = example_host(rng, "smtp")
    return Draft("shell", lines(
        f"$ swaks --to {address} --server {keep(server)} --from {keep('noreply@example.org')}",
        f"=== Trying {server}:25...",
        f"=== Connected to {server}.",
        f"<-  220 {server} ESMTP Postfix",
        f" -> EHLO build-{rng.randint(1, 9)}",
        " -> MAIL FROM:<noreply@example.org>",
        "<-  250 2.1.0 Ok",
        f" -> RCPT TO:<{address}>",
        "<-  250 2.1.5 Ok",
        f"<-  250 2.0.0 Ok: queued as {keep(draw(rng, HEX_UPPER, 10))}",
    ))  # fmt: skip


def t_app_log_emails(rng: Rng) -> Draft:
    rows = []
    for _ in range(3):
        who = person(rng)
        when = moment(rng)
        rows.append(f"{log_time(when)} INFO  [mailer] password reset sent to {secret(who.email, 'email')} "
                    f"request_id={keep(uid(rng))}")  # fmt: skip
    rows.append(f"{log_time(moment(rng))} WARN  [mailer] bounce from {keep('postmaster@example.net')}")
    return Draft("log", lines(*rows))


def t_mailmap(rng: Rng) -> Draft:
    rows = []
    for _ in range(2):
        who = person(rng)
        name, address = named(who)
        old = secret(email_for(rng, who.first, who.last, rng.choice(WEBMAIL)), "email")
        rows.append(f"{name} <{address}> <{old}>")
    return Draft("text", lines(*rows), ".mailmap")


def t_ldif(rng: Rng) -> Draft:
    blocks = []
    for who in people_of(rng, rng.randint(1, 2)):
        blocks.append(lines(
            f"dn: uid={who.handle},ou=people,dc=example,dc=com",
            "objectClass: inetOrgPerson",
            f"uid: {who.handle}",
            f"cn: {secret(who.full, 'person-name')}",
            f"givenName: {secret(who.first, 'person-name')}",
            f"sn: {secret(who.last, 'person-name')}",
            f"mail: {secret(who.email, 'email')}",
            f"telephoneNumber: {secret(who.phone, 'phone')}",
        ))  # fmt: skip
    return Draft("ldif", "\n".join(blocks), "ldap/people.ldif")


def t_vcard(rng: Rng) -> Draft:
    who = person(rng)
    return Draft("vcard", lines(
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{secret(who.full, 'person-name')}",
        f"N:{secret(who.last, 'person-name')};{secret(who.first, 'person-name')};;;",
        f"EMAIL;TYPE=work:{secret(who.email, 'email')}",
        f"TEL;TYPE=cell:{secret(who.phone, 'phone')}",
        f"UID:urn:uuid:{keep(uid(rng))}",
        "END:VCARD",
    ), f"contacts/{who.handle}.vcf")  # fmt: skip


def t_sms_log(rng: Rng) -> Draft:
    rows = []
    for _ in range(3):
        when = moment(rng)
        message = "SM" + sha(rng, 32)
        rows.append(f"{log_time(when)} INFO  [sms] sent verification code to {secret(phone_number(rng), 'phone')} "
                    f"sid={keep(message)} status=queued")  # fmt: skip
    return Draft("log", lines(*rows))


def t_signup_form(rng: Rng) -> Draft:
    who = person(rng)
    phone = who.phone.replace("+", "%2B").replace(" ", "+")
    return Draft("log", lines(
        f"{log_time(moment(rng))} DEBUG [web] POST /signup body="
        f"first_name={secret(who.first, 'person-name')}&last_name={secret(who.last, 'person-name')}"
        f"&email={secret(who.email.replace('@', '%40'), 'email')}&phone={secret(phone, 'phone')}&plan=team",
        f"{log_time(moment(rng))} INFO  [web] 201 POST /signup ({rng.randint(20, 300)} ms) "
        f"request_id={keep(uid(rng))}",
    ))  # fmt: skip


def t_checkout_log(rng: Rng) -> Draft:
    who = person(rng)
    number = grouped_card(rng, who.card)
    payload = {"amount": rng.randint(500, 99000), "currency": pick(rng, ("usd", "eur", "gbp")),
               "card": {keep("number"): secret(number, "card-number"), "exp_month": rng.randint(1, 12),
                        "exp_year": rng.randint(2026, 2031), "name": secret(who.full, "person-name")},
               "receipt_email": secret(who.email, "email")}  # fmt: skip
    return Draft("log", lines(
        f"{log_time(moment(rng))} DEBUG [payments] outgoing request POST /v1/charges",
        f"{log_time(moment(rng))} DEBUG [payments] body={marked_json(payload, None)}",
        f"{log_time(moment(rng))} INFO  [payments] charge {keep('ch_' + draw(rng, ALNUM, 24))} succeeded",
    ))  # fmt: skip


def t_card_test_fixture(rng: Rng) -> Draft:
    who = person(rng)
    test_card = rng.choice(PROCESSOR_TEST_CARDS)
    return Draft("python", lines(
        "import pytest",
        "",
        "",
        "@pytest.mark.parametrize(",
        '    "number",',
        f'    ["{keep(test_card)}", "{secret(grouped_card(rng, who.card), "card-number")}"],',
        "    # the second came from a customer's support ticket and reproduces the bug",
        ")",
        "def test_card_accepted(number: str) -> None:",
        "    assert validate_card(number)",
    ), "tests/test_cards.py")  # fmt: skip


def t_sepa_xml(rng: Rng) -> Draft:
    debtor = f"{org_slug(rng).title()} GmbH"
    blocks = []
    for who in people_of(rng, 2):
        amount = f"{rng.randint(10, 9000)}.{rng.randint(0, 99):02d}"
        blocks += [
            "      <CdtTrfTxInf>",
            f"        <PmtId><EndToEndId>{keep('E2E-' + draw(rng, UPPER + DIGITS, 12))}</EndToEndId></PmtId>",
            f'        <Amt><InstdAmt Ccy="EUR">{amount}</InstdAmt></Amt>',
            f"        <Cdtr><Nm>{secret(who.full, 'person-name')}</Nm></Cdtr>",
            f"        <CdtrAcct><Id><IBAN>{secret(who.iban, 'iban')}</IBAN></Id></CdtrAcct>",
            "      </CdtTrfTxInf>",
        ]
    return Draft("xml", lines(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<Document xmlns="{keep("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")}">',
        "  <CstmrCdtTrfInitn>",
        f"    <GrpHdr><MsgId>{keep('PAYRUN-' + draw(rng, DIGITS, 8))}</MsgId><NbOfTxs>2</NbOfTxs></GrpHdr>",
        f"    <PmtInf><Dbtr><Nm>{debtor}</Nm></Dbtr>",
        *blocks,
        "    </PmtInf>",
        "  </CstmrCdtTrfInitn>",
        "</Document>",
    ), pick(rng, ("payouts/2025-11-payrun.xml", "tmp/sepa-batch.xml")))  # fmt: skip


def t_invoice_markdown(rng: Rng) -> Draft:
    who = person(rng)
    return Draft("markdown", lines(
        f"# Invoice {keep('INV-' + draw(rng, DIGITS, 6))}",
        "",
        f"**Bill to:** {secret(who.full, 'person-name')} <{secret(who.email, 'email')}>",
        "",
        "| Item | Amount |",
        "|---|---|",
        f"| Consulting, October | EUR {rng.randint(400, 9000)}.00 |",
        "",
        f"Please transfer to IBAN {secret(grouped_iban(rng, who.iban), 'iban')} within 30 days.",
        f"Invalid reference account in the template: {keep(broken_iban(rng))}",
    ), pick(rng, ("invoices/2025-10.md", "docs/billing/invoice-draft.md")))  # fmt: skip


def t_ssn_pdf_text(rng: Rng) -> Draft:
    who = person(rng)
    return Draft("shell", lines(
        f"$ pdftotext -layout {keep('uploads/w9-signed.pdf')} - | sed -n '1,12p'",
        "Form W-9                 Request for Taxpayer",
        "(Rev. March 2024)        Identification Number and Certification",
        "1 Name of entity/individual",
        f"  {secret(who.full, 'person-name')}",
        "Part I  Taxpayer Identification Number (TIN)",
        "Social security number",
        f"  {secret(ssn(rng), 'ssn')}",
    ))  # fmt: skip


def t_ssn_validation_log(rng: Rng) -> Draft:
    rows = []
    for who in people_of(rng, 3):
        rows.append(f"{log_time(moment(rng))} WARN  [kyc] verification mismatch user_id={keep(uid(rng))} "
                    f"ssn={secret(who.ssn, 'ssn')} email={secret(who.email, 'email')}")  # fmt: skip
    return Draft("log", lines(*rows))


PERSONAL_TEMPLATES: dict[str, tuple[Callable[[Rng], Draft], ...]] = {
    "email": (t_git_log, t_git_trailers, t_git_shortlog, t_git_config, t_gitconfig_file, t_package_json,
              t_pyproject, t_mail_headers, t_smtp_transcript, t_app_log_emails, t_mailmap),
    "person-name": (t_git_log, t_git_trailers, t_git_shortlog, t_git_blame, t_git_config, t_git_env_commit,
                    t_package_json, t_mail_headers, t_ldif, t_vcard, t_sepa_xml),
    "phone": (t_ldif, t_vcard, t_sms_log, t_signup_form),
    "ssn": (t_ssn_pdf_text, t_ssn_validation_log),
    "card-number": (t_checkout_log, t_card_test_fixture),
    "iban": (t_sepa_xml, t_invoice_markdown),
}  # fmt: skip


def personal_doc(rng: Rng, main: str) -> Draft:
    """Half records in some format with the class's field, half the class's own documents."""
    if rng.random() < 0.5:
        return t_records(rng, main)
    return rng.choice(PERSONAL_TEMPLATES[main])(rng)


# --- look-alikes: documents with no secret, only what must survive ------------------------------------------


def filler(prefix: str, length: int, char: str = "x") -> str:
    return prefix + char * length


def l_env_example(rng: Rng) -> Draft:
    return Draft("dotenv", lines(
        "# Copy to .env and fill in; never commit the real values.",
        f"{keep('GITHUB_TOKEN')}={keep(filler('ghp_', 36))}",
        f"{keep('OPENAI_API_KEY')}={keep('sk-...')}",
        f"{keep('STRIPE_SECRET_KEY')}={keep('<your-api-key>')}",
        f"{keep('DATABASE_URL')}=postgres://app:{keep('${DB_PASSWORD}')}@localhost:5432/app",
        f"{keep('SESSION_SECRET')}={keep('changeme')}",
        f"{keep('AWS_ACCESS_KEY_ID')}={keep('AKIA' + draw(rng, BASE32, 9) + 'EXAMPLE')}",
    ), pick(rng, (".env.example", ".env.sample", "config/env.template")))  # fmt: skip


def l_workflow(rng: Rng) -> Draft:
    return Draft("yaml", lines(
        "name: release",
        "on:",
        "  push:",
        "    tags: ['v*']",
        "jobs:",
        "  publish:",
        "    runs-on: ubuntu-24.04",
        "    steps:",
        f"      - uses: actions/checkout@{keep(sha(rng))} # v{keep('4.2.2')}",
        "      - run: npm publish --provenance",
        "        env:",
        f"          {keep('NODE_AUTH_TOKEN')}: {keep('${{ secrets.NPM_TOKEN }}')}",
        f"          {keep('SLACK_WEBHOOK_URL')}: {keep('${{ secrets.SLACK_WEBHOOK_URL }}')}",
    ), ".github/workflows/release.yml")  # fmt: skip


def l_readme_curl(rng: Rng) -> Draft:
    return Draft("markdown", lines(
        "## Quick start",
        "",
        "```bash",
        f"curl -H \"Authorization: Bearer {keep('<YOUR_TOKEN>')}\" \\",
        f"  https://{keep(example_host(rng, 'api'))}/v1/projects",
        "```",
        "",
        f"Questions go to {keep('support@example.com')}; security reports to {keep('security@example.org')}.",
        f"The sandbox answers on {keep(doc_ip(rng))} and {keep(doc_ip(rng))}.",
    ), "README.md")  # fmt: skip


def l_lockfile(rng: Rng) -> Draft:
    entries = []
    for name in rng.sample(["lodash", "chalk", "semver", "debug", "ms", "yaml", "zod"], 3):
        release = version(rng)
        integrity = "sha512-" + b64(rng.randbytes(64))
        entries.append(lines(
            f'    "node_modules/{name}": {{',
            f'      "version": "{keep(release)}",',
            f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}-{release}.tgz",',
            f'      "integrity": "{keep(integrity)}"',
        ) + "    }")  # fmt: skip
    body = ",\n".join(entries)
    return Draft(
        "json", f'{{\n  "lockfileVersion": 3,\n  "packages": {{\n{body}\n  }}\n}}\n', "package-lock.json"
    )


def l_git_log_bots(rng: Rng) -> Draft:
    return Draft("git", lines(
        "$ git log -2 --format='%H%n%an <%ae>%n%s%n'",
        keep(sha(rng)),
        f"dependabot[bot] <{bot_identity()}>",
        f"Bump esbuild from 0.23.1 to {keep('0.24.0')}",
        "",
        keep(sha(rng)),
        f"github-actions[bot] <{keep('41898282+github-actions[bot]@users.noreply.github.com')}>",
        "chore: update generated clients",
        "$ git remote -v",
        f"origin\t{keep('git@github.com')}:{repo_slug(rng)}.git (fetch)",
    ))  # fmt: skip


def l_docker_digests(rng: Rng) -> Draft:
    rows = [f"registry.example.com/{repo_slug(rng)}   {version(rng)}   {keep('sha256:' + sha(rng, 64))}   "
            f"{keep(sha(rng, 12))}   {rng.randint(2, 30)} days ago   {rng.randint(40, 900)}MB"
            for _ in range(3)]  # fmt: skip
    return Draft("shell", lines("$ docker images --digests", "REPOSITORY   TAG   DIGEST   IMAGE ID   CREATED   SIZE",
                                *rows))  # fmt: skip


def l_masked_status(rng: Rng) -> Draft:
    return Draft("shell", lines(
        "$ gh auth status",
        "github.com",
        f"  ✓ Logged in to github.com account {org_slug(rng)}-dev (keyring)",
        "  - Active account: true",
        f"  - Token: {keep('gho_' + '*' * 36)}",
        "$ aws configure list",
        "      Name                    Value             Type    Location",
        f"access_key     {keep('*' * 16 + draw(rng, UPPER, 4))} shared-credentials-file",
        f"secret_key     {keep('*' * 16 + draw(rng, ALNUM, 4))} shared-credentials-file",
        f"    region                {pick(rng, ('eu-west-1', 'us-east-1'))}      config-file    ~/.aws/config",
    ))  # fmt: skip


def l_test_cards(rng: Rng) -> Draft:
    cards = rng.sample(PROCESSOR_TEST_CARDS, 3)
    return Draft("python", lines(
        "# Stripe's published test numbers: they charge nothing.",
        "TEST_CARDS = {",
        *(f'    "card_{n}": "{keep(card)}",' for n, card in enumerate(cards, 1)),
        "}",
        f'TEST_CUSTOMER_EMAIL = "{keep("buyer@example.com")}"',
    ), "tests/payments/cards.py")  # fmt: skip


def l_invalid_ibans(rng: Rng) -> Draft:
    broken = [broken_iban(rng) for _ in range(3)]
    return Draft("python", lines(
        "@pytest.mark.parametrize(",
        '    "value",',
        "    [",
        *(f'        "{keep(value)}",' for value in broken),
        "    ],",
        ")",
        "def test_rejects_bad_check_digits(value: str) -> None:",
        "    assert not is_valid_iban(value)",
    ), "tests/test_iban.py")  # fmt: skip


def l_websocket_trace(rng: Rng) -> Draft:
    nonce = b64(rng.randbytes(16))
    accept = b64(hashlib.sha1((nonce + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
    return Draft("http-trace", lines(
        "> GET /ws/events HTTP/1.1",
        f"> Host: {keep(example_host(rng, 'api'))}",
        "> Upgrade: websocket",
        "> Connection: Upgrade",
        f"> Sec-WebSocket-Key: {keep(nonce)}",
        "> Sec-WebSocket-Version: 13",
        f"> Postman-Token: {keep(uid(rng))}",
        ">",
        "< HTTP/1.1 101 Switching Protocols",
        f"< Sec-WebSocket-Accept: {keep(accept)}",
    ))  # fmt: skip


def l_app_insights(rng: Rng) -> Draft:
    key = uid(rng)
    return Draft("json", lines(
        "{",
        '  "ApplicationInsights": {',
        f'    "ConnectionString": "InstrumentationKey={keep(key)};IngestionEndpoint=https://westeurope-5.in.'
        'applicationinsights.azure.com/"',
        "  },",
        f'  "TelemetryCorrelationId": "{keep(uid(rng))}"',
        "}",
    ), "appsettings.json")  # fmt: skip


def l_pem_markers(rng: Rng) -> Draft:
    return Draft("python", lines(
        f'PEM_HEADER = "{keep("-----BEGIN PRIVATE KEY-----")}"',
        f'PEM_FOOTER = "{keep("-----END PRIVATE KEY-----")}"',
        "",
        "",
        "def looks_like_key(text: str) -> bool:",
        "    return PEM_HEADER in text and PEM_FOOTER in text",
    ), "app/keys.py")  # fmt: skip


def l_git_identity_example(rng: Rng) -> Draft:
    first, last = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
    address = f"{first.lower().translate(ASCII_FOLD)}@{EXAMPLE_DOMAINS[rng.randrange(3)]}"
    return Draft("markdown", lines(
        "Configure your identity before the first commit:",
        "",
        "```",
        f'git config --global user.name "{keep(first + " " + last)}"',
        f"git config --global user.email {keep(address)}",
        f"git config --global user.signingkey {keep(draw(rng, HEX_UPPER, 16))}",
        "```",
    ), "CONTRIBUTING.md")  # fmt: skip


HIERA_LOOKUP = "\"%{lookup('profile::db::password')}\""


def l_references(rng: Rng) -> Draft:
    return Draft("yaml", lines(
        "database:",
        "  host: db.internal.example",
        f"  password: {keep(HIERA_LOOKUP)}",
        "api:",
        f"  token: {keep('{{ .Values.apiToken }}')}",
        "backup:",
        f"  key: {keep('$(vault kv get -field=key secret/backup)')}",
    ), pick(rng, ("hieradata/common.yaml", "templates/config.yaml")))  # fmt: skip


def l_cookies(rng: Rng) -> Draft:
    return Draft("http-trace", lines(
        "> GET /logout HTTP/1.1",
        f"> Host: {keep(example_host(rng, 'app'))}",
        f"> Cookie: {keep(analytics_cookie(rng))}; {keep('theme=dark')}; {keep('lang=en-GB')}",
        ">",
        "< HTTP/1.1 302 Found",
        f"< Set-Cookie: {keep('session=deleted')}; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/",
        f"< X-Request-Id: {keep(uid(rng))}",
    ))  # fmt: skip


def l_requirements_hashes(rng: Rng) -> Draft:
    rows = []
    for name in rng.sample(["attrs", "httpx", "idna", "certifi", "anyio", "sniffio"], 3):
        rows += [f"{name}=={keep(version(rng))} \\", f"    --hash=sha256:{keep(sha(rng, 64))} \\",
                 f"    --hash=sha256:{keep(sha(rng, 64))}"]  # fmt: skip
    return Draft(
        "text",
        lines("# This file is autogenerated by pip-compile with Python 3.12", *rows),
        "requirements.txt",
    )


def l_base64_data(rng: Rng) -> Draft:
    message = pick(
        rng, ("build 42 passed on all targets", "hello from the staging cluster", "feature-flags: on")
    )
    png = b64(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61"))
    return Draft("shell", lines(
        f"$ echo -n '{message}' | base64",
        keep(b64(message.encode())),
        "$ grep -o 'data:image/png;base64,[^\"]*' public/index.html | head -c 80",
        f"data:image/png;base64,{keep(png)}",
    ))  # fmt: skip


def l_terraform_plan(rng: Rng) -> Draft:
    return Draft("shell", lines(
        "$ terraform plan -target=aws_db_instance.main",
        "  # aws_db_instance.main will be updated in-place",
        '  ~ resource "aws_db_instance" "main" {',
        f'        id       = "{keep("db-" + draw(rng, UPPER + DIGITS, 26))}"',
        f"      ~ password = {keep('(sensitive value)')}",
        '        username = "app"',
        "    }",
        "",
        "Plan: 0 to add, 1 to change, 0 to destroy.",
    ))  # fmt: skip


def l_kubectl_describe(rng: Rng) -> Draft:
    return Draft("shell", lines(
        "$ kubectl describe secret api-env -n prod",
        "Name:         api-env",
        "Namespace:    prod",
        "Type:  Opaque",
        "",
        "Data",
        "====",
        f"{keep('DATABASE_PASSWORD')}:  {rng.randint(12, 40)} bytes",
        f"{keep('SIGNING_KEY')}:        {rng.randint(32, 64)} bytes",
    ))  # fmt: skip


def l_known_hosts(rng: Rng) -> Draft:
    return Draft("shell", lines(
        "$ ssh-keyscan github.com 2>/dev/null | head -1",
        f"github.com {keep(ssh_public_key(rng))}",
        "$ cat ~/.ssh/authorized_keys",
        f"{keep(ssh_public_key(rng))} ci@build-{rng.randint(1, 9)}",
    ))  # fmt: skip


def l_deploy_log(rng: Rng) -> Draft:
    rows = []
    for _ in range(4):
        rows.append(f"{log_time(moment(rng))} INFO  [deploy] release={keep(version(rng))} "
                    f"commit={keep(sha(rng, 12))} target={keep(doc_ip(rng))} trace_id={keep(sha(rng, 32))} "
                    f"request_id={keep(uid(rng))}")  # fmt: skip
    return Draft("log", lines(*rows))


def l_vendor_docs(rng: Rng) -> Draft:
    return Draft("markdown", lines(
        "| Provider | Variable | Looks like |",
        "|---|---|---|",
        f"| GitHub | `GITHUB_TOKEN` | `{keep(filler('ghp_', 36))}` |",
        f"| Stripe | `STRIPE_SECRET_KEY` | `{keep('sk_live_...')}` |",
        f"| Slack | `SLACK_BOT_TOKEN` | `{keep('xoxb-...')}` |",
        f"| AWS | `AWS_ACCESS_KEY_ID` | `{keep('AKIA' + draw(rng, BASE32, 9) + 'EXAMPLE')}` |",
        f"| Hugging Face | `HF_TOKEN` | `{keep('hf_' + '*' * 34)}` |",
    ), "docs/credentials.md")  # fmt: skip


LOOKALIKE_TEMPLATES: tuple[Callable[[Rng], Draft], ...] = (
    l_env_example, l_workflow, l_readme_curl, l_lockfile, l_git_log_bots, l_docker_digests, l_masked_status,
    l_test_cards, l_invalid_ibans, l_websocket_trace, l_app_insights, l_pem_markers, l_git_identity_example,
    l_references, l_cookies, l_requirements_hashes, l_base64_data, l_terraform_plan, l_kubectl_describe,
    l_known_hosts, l_deploy_log, l_vendor_docs,
)  # fmt: skip


# --- which documents each class gets ------------------------------------------------------------------------

VENDOR_TEMPLATES: dict[str, tuple[Callable[[Rng], Draft], ...]] = {
    "github-token": (
        t_github_remote,
        t_gh_auth_status,
        t_gh_hosts,
        t_github_packages_npmrc,
        t_github_actions_curl,
    ),
    "gitlab-token": (t_gitlab_clone, t_gitlab_curl, t_glab_config),
    "slack-token": (t_slack_curl, t_slack_python, t_slack_socket_env),
    "stripe-key": (t_stripe_config, t_stripe_curl, t_stripe_listen),
    "openai-key": (t_openai_python, t_openai_error, t_openai_curl),
    "anthropic-key": (t_anthropic_curl, t_anthropic_ts),
    "google-credential": (t_firebase_config, t_google_client_secret, t_gcloud_token, t_gemini_curl),
    "npm-token": (t_npmrc, t_yarnrc, t_npm_publish),
    "pypi-token": (t_pypirc, t_uv_publish, t_poetry_config),
    "huggingface-token": (t_hf_login, t_hf_clone, t_hf_python),
    "sendgrid-key": (t_sendgrid_curl, t_django_email, t_node_sendgrid),
    "twilio-api-key": (t_twilio_env, t_twilio_curl),
    "digitalocean-token": (t_doctl_init, t_doctl_config, t_do_terraform),
    "shopify-token": (t_shopify_curl, t_shopify_ruby),
    "doppler-token": (t_doppler_configure, t_doppler_docker, t_doppler_token_create),
    "linear-api-key": (t_linear_curl, t_linear_script),
    "databricks-token": (t_databrickscfg, t_databricks_curl, t_databricks_auth_env),
    "atlassian-token": (t_jira_curl, t_jira_cli),
    "sentry-token": (t_sentryclirc, t_sentry_cli),
    "postman-key": (t_postman_curl, t_newman),
    "grafana-token": (t_grafana_curl, t_grafana_terraform, t_alloy_config),
    "vault-token": (t_vault_login, t_vault_token_create, t_vault_token_file),
    "terraform-cloud-token": (t_tfrc_json, t_terraformrc, t_tf_cloud_run),
    "mailgun-key": (t_mailgun_curl, t_mailgun_python),
    "newrelic-key": (t_newrelic_curl, t_newrelic_profile),
    "flyio-token": (t_fly_tokens_create, t_fly_config, t_fly_gh_secret),
    "supabase-token": (t_supabase_login, t_supabase_mcp, t_supabase_env),
}
VENDOR_MAKERS: dict[str, Callable[[Rng], str]] = {
    "github-token": github_token, "gitlab-token": gitlab_token, "slack-token": slack_token,
    "stripe-key": stripe_key, "openai-key": openai_key, "anthropic-key": anthropic_key,
    "google-credential": google_credential, "npm-token": npm_token, "pypi-token": pypi_token,
    "huggingface-token": huggingface_token, "sendgrid-key": sendgrid_key, "twilio-api-key": twilio_key,
    "digitalocean-token": digitalocean_token, "shopify-token": shopify_token, "doppler-token": doppler_token,
    "linear-api-key": linear_key, "databricks-token": databricks_token, "atlassian-token": atlassian_token,
    "sentry-token": sentry_token, "postman-key": postman_key, "grafana-token": grafana_token,
    "vault-token": vault_token, "terraform-cloud-token": terraform_cloud_token, "mailgun-key": mailgun_key,
    "newrelic-key": newrelic_key, "flyio-token": flyio_token, "supabase-token": supabase_token,
}  # fmt: skip
VENDOR_NAMES: dict[str, tuple[str, ...]] = {
    "github-token": ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GITHUB_PERSONAL_ACCESS_TOKEN"),
    "gitlab-token": ("GITLAB_TOKEN", "GL_TOKEN", "GITLAB_PRIVATE_TOKEN", "DANGER_GITLAB_API_TOKEN"),
    "slack-token": ("SLACK_BOT_TOKEN", "SLACK_TOKEN", "SLACK_APP_TOKEN"),
    "stripe-key": ("STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_RESTRICTED_KEY"),
    "openai-key": ("OPENAI_API_KEY", "OPENAI_KEY", "LLM_API_KEY"),
    "anthropic-key": ("ANTHROPIC_API_KEY", "CLAUDE_API_KEY"),
    "google-credential": ("GOOGLE_API_KEY", "GEMINI_API_KEY", "MAPS_API_KEY", "GOOGLE_CLIENT_SECRET"),
    "npm-token": ("NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH_TOKEN"),
    "pypi-token": ("PYPI_TOKEN", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN", "POETRY_PYPI_TOKEN_PYPI"),
    "huggingface-token": ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACEHUB_API_TOKEN"),
    "sendgrid-key": ("SENDGRID_API_KEY", "SENDGRID_KEY", "EMAIL_API_KEY"),
    "twilio-api-key": ("TWILIO_API_KEY", "TWILIO_API_KEY_SID"),
    "digitalocean-token": ("DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN", "DO_API_TOKEN"),
    "shopify-token": ("SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN", "SHOPIFY_API_SECRET"),
    "doppler-token": ("DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN"),
    "linear-api-key": ("LINEAR_API_KEY", "LINEAR_TOKEN"),
    "databricks-token": ("DATABRICKS_TOKEN", "DATABRICKS_PAT"),
    "atlassian-token": ("JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_API_TOKEN"),
    "sentry-token": ("SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"),
    "postman-key": ("POSTMAN_API_KEY", "POSTMAN_KEY"),
    "grafana-token": ("GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN", "GRAFANA_CLOUD_TOKEN"),
    "vault-token": ("VAULT_TOKEN", "BAO_TOKEN"),
    "terraform-cloud-token": ("TF_API_TOKEN", "TFE_TOKEN", "TF_CLOUD_TOKEN"),
    "mailgun-key": ("MAILGUN_API_KEY", "MAILGUN_KEY"),
    "newrelic-key": ("NEW_RELIC_API_KEY", "NEW_RELIC_USER_KEY", "NEWRELIC_API_KEY"),
    "flyio-token": ("FLY_API_TOKEN", "FLY_ACCESS_TOKEN"),
    "supabase-token": ("SUPABASE_ACCESS_TOKEN", "SUPABASE_TOKEN"),
}
JWT_TEMPLATES = (t_jwt_curl, t_jwt_login_response, t_jwt_kubeconfig, t_jwt_set_cookie, t_jwt_test_file,
                 t_jwt_local_storage, t_jwt_decode, jwt_generic, jwt_generic)  # fmt: skip
PEM_TEMPLATES = (t_pem_cat_ssh, t_pem_k8s_tls, t_pem_service_account, t_pem_openssl, t_pem_python_fixture,
                 t_pem_env_escaped, t_pem_terraform_output, t_pem_ansible)  # fmt: skip
PASSWORD_NAMES = ("DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "ADMIN_PASSWORD",
                  "SMTP_PASS", "KEYSTORE_PASSWORD")  # fmt: skip


def vendor_generic(rng: Rng, cls: str) -> Draft:
    raw = VENDOR_MAKERS[cls](rng)
    value = Val(raw, cls, "FlyV1 " if raw.startswith("fm2_") else "")
    return rng.choice(CARRIERS)(rng, pick(rng, VENDOR_NAMES[cls]), value)


def password_generic(rng: Rng) -> Draft:
    return rng.choice(CARRIERS)(rng, pick(rng, PASSWORD_NAMES), pw(rng))


def class_document(cls: str, rng: Rng) -> Draft:
    """A draft whose main secret is of `cls`: the class's own documents, or a carrier any named value fits."""
    if cls in VENDOR_TEMPLATES:
        if rng.random() < 0.55:
            return rng.choice(VENDOR_TEMPLATES[cls])(rng)
        return vendor_generic(rng, cls)
    if cls == "aws-access-key-id":
        return rng.choice((*AWS_TEMPLATES, t_aws_sigv4))(rng)
    if cls == "aws-secret-key":
        return rng.choice(AWS_TEMPLATES)(rng)
    if cls == "jwt":
        return rng.choice(JWT_TEMPLATES)(rng)
    if cls == "private-key":
        return rng.choice(PEM_TEMPLATES)(rng)
    if cls == "password":
        return password_generic(rng) if rng.random() < 0.2 else rng.choice(PASSWORD_TEMPLATES)(rng)
    if cls == "credential":
        return rng.choice(CREDENTIAL_TEMPLATES)(rng)
    if cls == "session-cookie":
        return rng.choice(COOKIE_TEMPLATES)(rng)
    return personal_doc(rng, cls)


# --- delivery: how the agent receives the text -----------------------------------------------------------------


@attrs.frozen
class Piece:
    """A run of delivered text: `cls` None is unlabelled, "" must survive, anything else a secret's class."""

    text: str
    cls: str | None = None


def pieces_of(marked: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in MARKS.finditer(marked):
        if match.start() > position:
            pieces.append(Piece(marked[position : match.start()]))
        if match.group(3) is not None:
            pieces.append(Piece(match.group(3), ""))
        else:
            pieces.append(Piece(match.group(2), match.group(1)))
        position = match.end()
    if position < len(marked):
        pieces.append(Piece(marked[position:]))
    stray = [p for p in pieces if re.search("[\ue000-\ue004]", p.text)]
    if stray:
        raise ValueError(f"nested or unbalanced marks near {stray[0].text[:40]!r}")
    return pieces


def prefix_lines(pieces: Sequence[Piece], prefix: Callable[[int], str]) -> list[Piece]:
    """Puts `prefix(n)` before the n-th line; inside a labelled run it becomes part of the run's text."""
    delivered: list[Piece] = []
    number, at_start = 0, True
    for piece in pieces:
        text: list[str] = []
        for char in piece.text:
            if at_start:
                mark = prefix(number)
                number += 1
                if text or piece.cls is None:
                    text.append(mark)
                else:
                    delivered.append(Piece(mark))
                at_start = False
            text.append(char)
            at_start = char == "\n"
        if text:
            delivered.append(Piece("".join(text), piece.cls))
    return delivered


def line_count(pieces: Sequence[Piece]) -> int:
    return "".join(p.text for p in pieces).count("\n") + 1


FENCE_LANGUAGES = {"shell": "console", "python": "python", "yaml": "yaml", "json": "json", "typescript": "ts",
                   "javascript": "js", "go": "go", "rust": "rust", "hcl": "hcl", "toml": "toml", "ini": "ini",
                   "sql": "sql", "csv": "csv", "http-trace": "http", "xml": "xml", "php": "php", "ruby": "ruby",
                   "java": "java", "powershell": "powershell", "dockerfile": "dockerfile", "dotenv": "sh",
                   "markdown": "markdown", "traceback": "pytb", "properties": "properties"}  # fmt: skip
FILE_DELIVERIES = {"as-is": 3, "json-transcript": 3, "diff-added": 2, "numbered-arrow": 3, "numbered-tab": 1,
                   "markdown-fence": 2}  # fmt: skip
OUTPUT_DELIVERIES = {
    "as-is": 4,
    "json-transcript": 4,
    "ci-timestamps": 2,
    "markdown-fence": 2,
    "numbered-arrow": 1,
}


def choose_delivery(rng: Rng, draft: Draft) -> str:
    weights = dict(FILE_DELIVERIES if draft.path else OUTPUT_DELIVERIES)
    if draft.kind == "ci-log":
        weights.pop("ci-timestamps", None)
    names = sorted(weights)
    return rng.choices(names, weights=[weights[name] for name in names])[0]


def as_json_line(rng: Rng, pieces: Sequence[Piece]) -> list[Piece]:
    """One transcript line: a tool result as Claude Code or Codex writes it, the text escaped inside."""
    escaped = [Piece(json.dumps(p.text)[1:-1], p.cls) for p in pieces]
    when = moment(rng)
    stamp = f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond // 1000:03d}Z"
    if rng.random() < 0.6:
        head = ('{"parentUuid":"' + keep(uid(rng)) + '","isSidechain":false,"userType":"external","cwd":"/srv/app",'
                '"sessionId":"' + keep(uid(rng)) + '","version":"' + keep(version(rng)) + '","type":"user",'
                '"message":{"role":"user","content":[{"tool_use_id":"toolu_01' + draw(rng, ALNUM, 22)
                + '","type":"tool_result","content":"')  # fmt: skip
        tail = '","is_error":false}]},"uuid":"' + keep(uid(rng)) + '","timestamp":"' + stamp + '"}'
    else:
        head = ('{"timestamp":"' + stamp + '","type":"response_item","payload":{"type":"function_call_output",'
                '"call_id":"call_' + draw(rng, ALNUM, 24) + '","output":"')  # fmt: skip
        tail = '"}}'
    return [*pieces_of(head), *escaped, *pieces_of(tail)]


def as_diff(rng: Rng, pieces: Sequence[Piece], path: str) -> list[Piece]:
    path = path.removeprefix("~/").lstrip("/")
    count = line_count(pieces)
    if rng.random() < 0.6:
        head = (f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{sha(rng, 7)}\n"
                f"--- /dev/null\n+++ b/{keep(path)}\n@@ -0,0 +1,{count} @@\n")  # fmt: skip
    else:
        start = rng.randint(1, 90)
        head = (f"diff --git a/{path} b/{path}\nindex {sha(rng, 7)}..{sha(rng, 7)} 100644\n--- a/{path}\n"
                f"+++ b/{keep(path)}\n@@ -{start},0 +{start + 1},{count} @@\n")  # fmt: skip
    return [*pieces_of(head), *prefix_lines(pieces, lambda n: "+")]


def as_ci_log(rng: Rng, pieces: Sequence[Piece]) -> list[Piece]:
    start = moment(rng)
    offsets = [0]

    def stamp(n: int) -> str:
        while len(offsets) <= n:
            offsets.append(offsets[-1] + rng.randint(1, 900000))
        when = start + dt.timedelta(microseconds=offsets[n])
        return f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond:06d}0Z "

    return prefix_lines(pieces, stamp)


def as_fence(rng: Rng, pieces: Sequence[Piece], draft: Draft) -> list[Piece]:
    fence = "````" if any("```" in p.text for p in pieces) else "```"
    if draft.path:
        intro = f"Current contents of `{keep(draft.path)}`:"
    else:
        intro = pick(rng, ("Output:", "Here is what the command printed:", "The run ended with:"))
    head = f"{intro}\n\n{fence}{FENCE_LANGUAGES.get(draft.kind, '')}\n"
    return [*pieces_of(head), *pieces, Piece(f"\n{fence}\n")]


def deliver(rng: Rng, draft: Draft, delivery: str) -> list[Piece]:
    pieces = pieces_of(draft.text.rstrip("\n"))
    if delivery == "json-transcript":
        return as_json_line(rng, pieces)
    if delivery == "diff-added":
        return as_diff(rng, pieces, draft.path)
    if delivery == "numbered-arrow":
        first = 1 if rng.random() < 0.7 else rng.randint(2, 400)
        return prefix_lines(pieces, lambda n: f"{first + n:>6}→")
    if delivery == "numbered-tab":
        first = 1 if rng.random() < 0.7 else rng.randint(2, 400)
        padded = rng.random() < 0.5
        return prefix_lines(pieces, lambda n: f"{first + n:>6}\t" if padded else f"{first + n}\t")
    if delivery == "ci-timestamps":
        return as_ci_log(rng, pieces)
    if delivery == "markdown-fence":
        return as_fence(rng, pieces, draft)
    return [*pieces, Piece("\n")]


# --- assembly ------------------------------------------------------------------------------------------------


def assemble(pieces: Sequence[Piece], kind: str, delivery: str) -> Document:
    """Concatenates the pieces into a document; drops must-survive spans that hold or lie in a secret's text."""
    secrets: list[Span] = []
    keeps: list[Span] = []
    position = 0
    for piece in pieces:
        if piece.cls is not None and piece.text:
            span = Span(position, position + len(piece.text), piece.text, piece.cls)
            (secrets if piece.cls else keeps).append(span)
        position += len(piece.text)
    text = "".join(p.text for p in pieces)
    kept = [
        k
        for k in keeps
        if len(k.text) >= 3 and not any(k.text in s.text or s.text in k.text for s in secrets)
    ]
    return Document(text, kind, delivery, tuple(secrets), tuple(kept))


def occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def secrets_all_labelled(doc: Document) -> bool:
    """Every occurrence of a secret's text lies inside a secret span: an unlabelled copy would make recall lie."""
    return all(
        any(other.start <= at and at + len(s.text) <= other.end for other in doc.secrets)
        for s in doc.secrets
        for at in occurrences(doc.text, s.text)
    )


def acceptable(doc: Document, main: str) -> bool:
    if not main:
        return not doc.secrets and bool(doc.keeps)
    return any(s.cls == main for s in doc.secrets) and secrets_all_labelled(doc)


def build_document(rng: Rng, main: str, make: Callable[[Rng], Draft]) -> Document:
    """A delivered document from `make`; drawn again while a check fails (an unlabelled copy, no main secret)."""
    for _ in range(20):
        draft = make(rng)
        delivery = choose_delivery(rng, draft)
        doc = assemble(deliver(rng, draft, delivery), draft.kind, delivery)
        if acceptable(doc, main):
            return doc
    raise RuntimeError(f"no acceptable document for {main or 'a look-alike'}")


EXTRA_MAINS = ("password", "credential", "email", "jwt", "person-name", "private-key")


def main_classes(rng: Rng) -> list[str]:
    """Each class is the main secret of MIN_PER_CLASS documents, a few more, and "" marks a look-alike."""
    counts = dict.fromkeys(CLASS_NAMES, MIN_PER_CLASS)
    for name in EXTRA_MAINS[: DOCUMENTS - LOOKALIKE_DOCUMENTS - sum(counts.values())]:
        counts[name] += 1
    mains = [name for name, count in counts.items() for _ in range(count)] + [""] * LOOKALIKE_DOCUMENTS
    rng.shuffle(mains)
    return mains


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Deterministic from the seed; the look-alikes go round every look-alike template before repeating one."""
    rng = random.Random(seed)
    mains = main_classes(rng)
    lookalikes = rng.sample(LOOKALIKE_TEMPLATES, len(LOOKALIKE_TEMPLATES))
    docs: list[Document] = []
    for main in mains:
        if main:
            docs.append(build_document(rng, main, functools.partial(class_document, main)))
        else:
            template = lookalikes[sum(1 for doc in docs if not doc.secrets) % len(lookalikes)]
            docs.append(build_document(rng, main, template))
    return docs


def corpus_digest(seed: int = DEFAULT_SEED) -> str:
    digest = hashlib.sha256()
    for doc in build_corpus(seed):
        digest.update(json.dumps(attrs.asdict(doc), sort_keys=True).encode())
    return digest.hexdigest()


# --- measurement -------------------------------------------------------------------------------------------


def distinctive_windows(doc: Document, secret_text: str) -> set[str]:
    """The secret's 8-character windows found nowhere in the document outside the secret's own copies."""
    rest = doc.text.replace(secret_text, "\x00")
    windows = {secret_text[i : i + 8] for i in range(len(secret_text) - 7)}
    return {w for w in windows if w not in rest}


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    secrets = removed = clean = vendor = vendor_removed = spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        for span in doc.secrets:
            gone = span.text not in out
            secrets += 1
            removed += gone
            clean += gone and not any(w in out for w in distinctive_windows(doc, span.text))
            if span.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for span in doc.keeps:
            spans += 1
            kept += out.count(span.text) >= doc.text.count(span.text)
    return {
        "secrets": secrets,
        "recall": removed / secrets if secrets else 1.0,
        "recall_no_fragment": clean / secrets if secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": spans,
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda text: scrub_text(text).text)
