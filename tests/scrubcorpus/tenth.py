"""A tenth held-back corpus: agent output with labelled secrets and spans that must survive, built from a seed.

Documents are the text agents print (shell sessions, config files in a dozen formats, code, logs, tracebacks,
HTTP traces, grep hits, Markdown, credentials files, Kubernetes manifests, git logs, CSV exports), each delivered
one of the ways an agent sees it: as is, inside a JSON transcript line (escaped), as a diff's added lines, with
line numbers (``    12→`` or ``12\\t``), behind CI timestamps, or in a Markdown fence.

Labelling policy.

- A secret is a value that grants access or identifies a person: vendor tokens in their published layouts
  (prefix, length, alphabet, checksum where one is published), cloud keys, JWTs, private keys (the whole PEM
  block), passwords and generated tokens wherever they are assigned, passed as flags, put in URLs, headers,
  cookies or connection strings, Kubernetes Secret data (the base64 value), Docker registry auths, and personal
  data: e-mail addresses, phone numbers, US social security numbers, card numbers (Luhn-valid), IBANs (valid
  check digits) and people's names where a structured field says it is a name (author, full_name, Author:).
- The labelled span is the value only, never its key, quotes or scheme: for ``password=hunter`` the span is
  what follows ``=``; for a URL's credentials it is the password; for a PEM block, BEGIN to END lines included.
  In a JSON transcript line the span is the escaped form as it appears there.
- Must survive: key names next to secrets, hosts under example.com/.org/.net, documentation IP addresses
  (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), file paths, UUIDs, commit SHAs, sha256 digests, public keys,
  version strings, request ids, base64 of ordinary data, placeholders (``<your-token>``, ``${VAR}``) and masked
  values (``****``). About a tenth of the documents hold only such look-alikes and no secret at all.

Nothing here is a literal credential: every value is generated from the seed by the helpers below.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import uuid
import zlib
from collections.abc import Callable

import attrs

DEFAULT_SEED = 20261204
DOCUMENTS = 360
LOOKALIKE_DOCUMENTS = 36
MIN_PER_CLASS = 8  # every class is the main secret of at least this many documents

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = DIGITS + UPPER + LOWER  # GitHub's base62 order
URLSAFE = ALNUM + "-_"
B64 = UPPER + LOWER + DIGITS + "+/"
HEX = "0123456789abcdef"


@attrs.frozen
class Span:
    start: int
    end: int
    text: str
    cls: str = ""  # empty for a must-survive span


@attrs.frozen
class Document:
    text: str
    kind: str
    delivery: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]


# --- value helpers ------------------------------------------------------------------------------------------


def pick(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def base62(number: int, width: int) -> str:
    out = ""
    while number:
        number, digit = divmod(number, 62)
        out = ALNUM[digit] + out
    return out.rjust(width, "0")


def crc_tail(body: str) -> str:
    """GitHub's (and npm's) six-character checksum: CRC32 of the random part, in base62."""
    return base62(zlib.crc32(body.encode()), 6)


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in moved))
    return f"{98 - number % 97:02d}"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


# --- secret generators: value and the field name it is usually kept under ---------------------------------


def gh_classic(rng: random.Random) -> str:
    body = pick(rng, ALNUM, 30)
    return "gh" + "p_" + body + crc_tail(body)


def gh_fine(rng: random.Random) -> str:
    return "github" + "_pat_" + "11" + pick(rng, UPPER + DIGITS, 20) + "_" + pick(rng, ALNUM, 59)


def npm(rng: random.Random) -> str:
    body = pick(rng, ALNUM, 30)
    return "np" + "m_" + body + crc_tail(body)


def slack(rng: random.Random) -> str:
    kind = rng.choice("bpa")
    ids = "-".join(pick(rng, DIGITS, rng.choice((11, 12, 13))) for _ in range(2))
    return "xo" + "x" + kind + "-" + ids + "-" + pick(rng, ALNUM, 24)


def stripe(rng: random.Random) -> str:
    return rng.choice(("s", "r")) + "k_" + "live_" + pick(rng, ALNUM, rng.choice((24, 34, 99)))


def openai(rng: random.Random) -> str:
    return "sk-" + "proj-" + pick(rng, URLSAFE, 74) + "T3Blbk" + "FJ" + pick(rng, URLSAFE, 74)


def anthropic(rng: random.Random) -> str:
    return "sk-" + "ant-api03-" + pick(rng, URLSAFE, 93) + "AA"


def aws_id(rng: random.Random) -> str:
    return rng.choice(("AK", "AS")) + "IA" + pick(rng, UPPER + "234567", 16)


def aws_secret(rng: random.Random) -> str:
    return pick(rng, B64, 40)


def google(rng: random.Random) -> str:
    return "AI" + "za" + pick(rng, URLSAFE, 35)


def pypi(rng: random.Random) -> str:
    return "py" + "pi-" + "AgEIcHlwaS5vcmc" + b64url(rng.randbytes(rng.choice((60, 90))))


def twilio_key(rng: random.Random) -> str:
    return "S" + "K" + pick(rng, HEX, 32)


def twilio_sid(rng: random.Random) -> str:
    return "A" + "C" + pick(rng, HEX, 32)


def sendgrid(rng: random.Random) -> str:
    return "S" + "G." + pick(rng, URLSAFE, 22) + "." + pick(rng, URLSAFE, 43)


def huggingface(rng: random.Random) -> str:
    return "h" + "f_" + pick(rng, UPPER + LOWER, 34)


def digitalocean(rng: random.Random) -> str:
    return "do" + "p_v1_" + pick(rng, HEX, 64)


def shopify(rng: random.Random) -> str:
    return "shp" + rng.choice(("at", "ss", "ca")) + "_" + pick(rng, HEX, 32)


def doppler(rng: random.Random) -> str:
    return "dp." + "st." + rng.choice(("dev", "stg", "prd")) + "." + pick(rng, ALNUM, 40)


def linear(rng: random.Random) -> str:
    return "lin" + "_api_" + pick(rng, ALNUM, 40)


def sentry(rng: random.Random) -> str:
    claims = {"iat": rng.randrange(1_700_000_000, 1_800_000_000), "url": "https://sentry.example.com",
              "region_url": "https://us.sentry.example.com", "org": rng.choice(("acme", "tidewater"))}  # fmt: skip
    return "sntr" + "ys_" + b64url(json.dumps(claims).encode()) + "_" + pick(rng, URLSAFE, 43)


def postman(rng: random.Random) -> str:
    return "PM" + "AK-" + pick(rng, HEX, 24) + "-" + pick(rng, HEX, 34)


def databricks(rng: random.Random) -> str:
    return "da" + "pi" + pick(rng, HEX, 32) + rng.choice(("", "-2", "-3"))


def gitlab(rng: random.Random) -> str:
    return "gl" + "pat-" + pick(rng, URLSAFE, 20)


def jwt(rng: random.Random) -> str:
    head = b64url(json.dumps({"alg": rng.choice(("HS256", "RS256")), "typ": "JWT"}).encode())
    claims = {"sub": str(rng.randrange(10**6, 10**7)), "iat": rng.randrange(1_700_000_000, 1_800_000_000),
              "scope": rng.choice(("read", "read write", "admin"))}  # fmt: skip
    return head + "." + b64url(json.dumps(claims).encode()) + "." + b64url(rng.randbytes(32))


def pem(rng: random.Random) -> str:
    label = rng.choice(("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
    body = base64.b64encode(rng.randbytes(rng.choice((120, 240, 400)))).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])


def password(rng: random.Random) -> str:
    words = ("harbor", "velvet", "Quartz", "mango", "Tundra", "copper", "Falcon", "lilac")
    if rng.random() < 0.5:
        return rng.choice(words) + rng.choice("!#%*-_.") + rng.choice(words) + pick(rng, DIGITS, 3)
    return pick(rng, UPPER, 2) + pick(rng, ALNUM + "!#%*", 14) + pick(rng, DIGITS, 2)


def url_password(rng: random.Random) -> str:
    return pick(rng, ALNUM, 6) + rng.choice("-_.") + pick(rng, ALNUM, 9) + pick(rng, DIGITS, 2)


def generic_token(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return pick(rng, HEX, rng.choice((32, 40, 64)))
    if shape == 1:
        return pick(rng, ALNUM, 6) + pick(rng, DIGITS, 2) + pick(rng, ALNUM, 30)
    return base64.b64encode(rng.randbytes(33)).decode()


def azure_key(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(64)).decode()


def k8s_data(rng: random.Random) -> str:
    return base64.b64encode(password(rng).encode()).decode()


def docker_auth(rng: random.Random) -> str:
    return base64.b64encode(f"{rng.choice(('ci-bot', 'deploy'))}:{url_password(rng)}".encode()).decode()


FIRST = ("Odalys", "Teodor", "Marisol", "Kwabena", "Ilse", "Ruairi", "Saoirse", "Dmitri", "Amaru", "Yusra",
         "Bartholomew", "Nkechi", "Leopoldine", "Casimir", "Henrike", "Ismay")  # fmt: skip
LAST = ("Brenner", "Okonkwo-Hale", "Vasquez", "Lindqvist", "Farrow", "Castellanos", "Achterberg", "Marlowe",
        "Szymanska", "Thornbury", "Quispe", "Delacroix-Ames", "Haverkamp", "Oyelaran")  # fmt: skip
MAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com", "corp.example.org")


def person(rng: random.Random) -> str:
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def email(rng: random.Random) -> str:
    local = rng.choice(FIRST).lower() + rng.choice((".", "_", "")) + rng.choice(LAST).lower().replace("-", "")
    return local + rng.choice(("", str(rng.randrange(2, 99)))) + "@" + rng.choice(MAIL_DOMAINS)


def phone(rng: random.Random) -> str:
    area, line = rng.randrange(201, 990), rng.randrange(100, 200)
    return rng.choice(
        (f"+1 ({area}) 555-0{line}", f"{area}-555-0{line}", f"+1{area}5550{line}", f"+44 20 7946 0{line}")
    )


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(101, 665) if a != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def card(rng: random.Random) -> str:
    start, length = rng.choice((("4", 16), ("5" + rng.choice("12345"), 16), ("3" + rng.choice("47"), 15)))
    body = start + pick(rng, DIGITS, length - len(start) - 1)
    digits = body + luhn_digit(body)
    style = rng.randrange(3)
    if style == 0 or length == 15:
        return digits
    sep = " " if style == 1 else "-"
    return sep.join(digits[i : i + 4] for i in range(0, 16, 4))


def iban(rng: random.Random) -> str:
    country, bban = rng.choice(
        (
            ("DE", pick(rng, DIGITS, 18)),
            ("GB", pick(rng, UPPER, 4) + pick(rng, DIGITS, 14)),
            ("NL", pick(rng, UPPER, 4) + pick(rng, DIGITS, 10)),
        )
    )
    compact = country + iban_check(country, bban) + bban
    if rng.random() < 0.5:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


@attrs.frozen
class SecretClass:
    name: str
    make: Callable[[random.Random], str]
    fields: tuple[str, ...]
    vendor: bool = False  # carries a vendor's published prefix


CLASSES: tuple[SecretClass, ...] = (
    SecretClass("github_classic_token", gh_classic, ("GITHUB_TOKEN", "GH_TOKEN", "github_token"), True),
    SecretClass("github_fine_grained_token", gh_fine, ("GH_PAT_TOKEN", "gh_pat", "GITHUB_TOKEN"), True),
    SecretClass("gitlab_token", gitlab, ("GITLAB_TOKEN", "private_token", "CI_API_TOKEN"), True),
    SecretClass("slack_token", slack, ("SLACK_BOT_TOKEN", "slack_token", "SLACK_API_TOKEN"), True),
    SecretClass("stripe_key", stripe, ("STRIPE_SECRET_KEY", "stripe_api_key", "STRIPE_KEY"), True),
    SecretClass("openai_key", openai, ("OPENAI_API_KEY", "openai_api_key", "OPENAI_KEY"), True),
    SecretClass("anthropic_key", anthropic, ("ANTHROPIC_API_KEY", "anthropic_key", "CLAUDE_KEY"), True),
    SecretClass("aws_access_key_id", aws_id, ("AWS_ACCESS_KEY_ID", "aws_access_key_id", "accessKeyId"), True),
    SecretClass("aws_secret_access_key", aws_secret, ("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key")),
    SecretClass("google_api_key", google, ("GOOGLE_API_KEY", "maps_api_key", "FIREBASE_API_KEY"), True),
    SecretClass("npm_token", npm, ("NPM_TOKEN", "npm_auth_token", "NODE_AUTH_TOKEN"), True),
    SecretClass("pypi_token", pypi, ("PYPI_TOKEN", "TWINE_PASSWORD", "pypi_api_token"), True),
    SecretClass("twilio_api_key", twilio_key, ("TWILIO_API_KEY", "twilio_key_sid"), True),
    SecretClass("twilio_account_sid", twilio_sid, ("TWILIO_ACCOUNT_SID", "twilio_sid"), True),
    SecretClass("sendgrid_key", sendgrid, ("SENDGRID_API_KEY", "sendgrid_key"), True),
    SecretClass("huggingface_token", huggingface, ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "hf_token"), True),
    SecretClass("digitalocean_token", digitalocean, ("DIGITALOCEAN_TOKEN", "do_token"), True),
    SecretClass("shopify_token", shopify, ("SHOPIFY_ACCESS_TOKEN", "shopify_token"), True),
    SecretClass("doppler_token", doppler, ("DOPPLER_TOKEN", "doppler_service_token"), True),
    SecretClass("linear_key", linear, ("LINEAR_API_KEY", "linear_token"), True),
    SecretClass("sentry_token", sentry, ("SENTRY_AUTH_TOKEN", "sentry_token"), True),
    SecretClass("postman_key", postman, ("POSTMAN_API_KEY", "postman_key"), True),
    SecretClass("databricks_token", databricks, ("DATABRICKS_TOKEN", "databricks_pat"), True),
    SecretClass("jwt", jwt, ("ACCESS_TOKEN", "id_token", "session_jwt")),
    SecretClass("password", password, ("DB_PASSWORD", "password", "admin_password", "SMTP_PASS")),
    SecretClass(
        "generic_token", generic_token, ("API_SECRET", "client_secret", "WEBHOOK_SECRET", "auth_key")
    ),
    SecretClass("azure_storage_key", azure_key, ("AZURE_STORAGE_KEY", "AccountKey", "storage_account_key")),
    SecretClass("email", email, ("email", "contact_email", "NOTIFY_EMAIL", "owner_email")),
    SecretClass("phone", phone, ("phone", "contact_phone", "mobile")),
    SecretClass("ssn", ssn, ("ssn", "social_security_number", "tax_id")),
    SecretClass("card_number", card, ("card_number", "cc_number", "pan")),
    SecretClass("iban", iban, ("iban", "payout_iban", "account_iban")),
    SecretClass("person_name", person, ("full_name", "author", "customer_name")),
    # classes that need their own context, rendered by the special kinds below
    SecretClass("private_key", pem, ("private_key",)),
    SecretClass("url_password", url_password, ("url",)),
    SecretClass("kubernetes_secret_data", k8s_data, ("data",)),
    SecretClass("docker_auth", docker_auth, ("auth",)),
)
BY_NAME = {c.name: c for c in CLASSES}
SPECIAL = ("private_key", "url_password", "kubernetes_secret_data", "docker_auth")
VENDOR_CLASSES = frozenset(c.name for c in CLASSES if c.vendor)


# --- documents as segments ----------------------------------------------------------------------------------

Segment = tuple[str, str | None]  # (text, None | "keep" | a secret class)


class Doc:
    """Segments of a document: plain text, must-survive text and secrets."""

    def __init__(self) -> None:
        self.parts: list[Segment] = []

    def t(self, text: str) -> Doc:
        self.parts.append((text, None))
        return self

    def k(self, text: str) -> Doc:
        self.parts.append((text, "keep"))
        return self

    def s(self, text: str, cls: str) -> Doc:
        self.parts.append((text, cls))
        return self


Item = tuple[str, str, str]  # (class, value, field)

HOSTS = ("api.example.com", "db.internal.example.net", "auth.example.org", "registry.example.com",
         "hooks.example.net", "staging.example.org")  # fmt: skip
PATHS = ("src/settings.py", "config/app.yaml", "deploy/values.yaml", ".env.local", "cmd/server/main.go",
         "lib/client.ts", "infra/main.tf", "app/config/application.properties")  # fmt: skip


def doc_ip(rng: random.Random) -> str:
    return rng.choice(("192.0.2", "198.51.100", "203.0.113")) + "." + str(rng.randrange(1, 255))


def uuid_of(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def sha(rng: random.Random, n: int = 40) -> str:
    return hashlib.sha256(rng.randbytes(16)).hexdigest()[:n]


def quoted(field: str) -> bool:
    return not field.isupper()


def render_assignments(rng: random.Random, kind: str, items: list[Item]) -> Doc:
    """The items as assignments in one of a dozen syntaxes, with must-survive context around them."""
    d = Doc()
    host = rng.choice(HOSTS)
    head = {
        "dotenv": "# local overrides, do not commit\n", "yaml": "service:\n", "toml": "[service]\n",
        "json": "{\n", "ini": "[default]\n", "xml": "<configuration>\n", "properties": "# generated\n",
        "hcl": 'resource "app_config" "main" {\n', "python": "# settings\n", "js": "module.exports = {\n",
        "go": "var cfg = Config{\n", "ruby": "Rails.application.configure do\n", "shell": "",
    }[kind]  # fmt: skip
    d.t(head)
    d.t({"yaml": "  host: ", "toml": "host = \"", "json": '  "host": "', "xml": "  <host>", "hcl": '  host = "',
         "js": '  host: "', "go": '\tHost: "', "ruby": '  config.host = "', "python": 'HOST = "',
         "shell": "$ export HOST=", "dotenv": "HOST=", "ini": "host = ", "properties": "app.host="}[kind])  # fmt: skip
    d.k(host)
    d.t({"toml": '"', "json": '",', "xml": "</host>", "hcl": '"', "js": '",', "go": '",', "ruby": '"',
         "python": '"'}.get(kind, ""))  # fmt: skip
    d.t("\n")
    for n, (cls, value, field) in enumerate(items):
        last = n == len(items) - 1
        pre, post = {
            "dotenv": (f"{field.upper()}=", ""), "shell": (f"$ export {field.upper()}='", "'"),
            "yaml": (f"  {field.lower()}: ", ""), "toml": (f'{field.lower()} = "', '"'),
            "json": (f'  "{field}": "', '"' + ("" if last else ",")), "ini": (f"{field.lower()} = ", ""),
            "xml": (f"  <{field}>", f"</{field}>"), "properties": (f"app.{field.lower()}=", ""),
            "hcl": (f'  {field.lower()} = "', '"'), "python": (f'{field.upper()} = "', '"'),
            "js": (f'  {field}: "', '",'), "go": (f'\t{field.title().replace("_", "")}: "', '",'),
            "ruby": (f'  config.{field.lower()} = "', '"'),
        }[kind]  # fmt: skip
        name = pre.rstrip("=:'\"> ").split()[-1].split(".")[-1].lstrip('<"')
        at = pre.rfind(name)
        d.t(pre[:at]).k(name).t(pre[at + len(name) :]).s(value, cls).t(post + "\n")
    if rng.random() < 0.5:
        d.t({"json": '  "_request_id": "', "xml": "  <!-- build ", "shell": "$ echo "}.get(kind, "# build "))
        d.k(uuid_of(rng) if rng.random() < 0.5 else sha(rng))
        d.t({"json": '"', "xml": " -->"}.get(kind, "") + "\n")
    d.t({"json": "}\n", "xml": "</configuration>\n", "hcl": "}\n", "js": "};\n", "go": "}\n",
         "ruby": "end\n"}.get(kind, ""))  # fmt: skip
    return d


def render_log(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    for cls, value, field in items:
        stamp = (
            f"2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}T0{rng.randrange(10)}:4{rng.randrange(10)}:07Z"
        )
        d.t(f"{stamp} {rng.choice(('INFO', 'DEBUG', 'WARN'))} [worker-{rng.randrange(9)}] ")
        d.t("connecting to ").k(rng.choice(HOSTS)).t(" from ").k(doc_ip(rng)).t(" with ")
        d.k(field.lower()).t("=").s(value, cls).t(" request_id=").k(uuid_of(rng)).t("\n")
    d.t("INFO done in ").k(f"{rng.randrange(100, 999)}ms").t("\n")
    return d


def render_http(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    host = rng.choice(HOSTS)
    d.t(f"> POST /v{rng.randrange(1, 4)}/sync HTTP/1.1\n> Host: ").k(host).t("\n")
    for cls, value, field in items:
        if cls in ("email", "phone", "ssn", "card_number", "iban", "person_name"):
            d.t(f"> X-Debug-{field.title().replace('_', '-')}: ").s(value, cls).t("\n")
        elif rng.random() < 0.5:
            d.t("> Authorization: Bearer ").s(value, cls).t("\n")
        elif rng.random() < 0.5:
            d.t("> Cookie: theme=dark; ").k("session_id").t("=").s(value, cls).t("; lang=en\n")
        else:
            d.t("> X-Api-Key: ").s(value, cls).t("\n")
    d.t("> Content-Type: application/json\n>\n< HTTP/1.1 200 OK\n< X-Request-Id: ").k(uuid_of(rng))
    d.t('\n< ETag: "').k(sha(rng, 32)).t('"\n')
    return d


def render_curl(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    host = rng.choice(HOSTS)
    d.t("$ curl -sS -X POST https://").k(host).t("/v2/items \\\n")
    for cls, value, field in items:
        if rng.random() < 0.5 and cls not in ("person_name", "phone"):
            d.t('    -H "Authorization: token ').s(value, cls).t('" \\\n')
        else:
            d.t(f"    --data-urlencode '{field.lower()}=").s(value, cls).t("' \\\n")
    d.t("    -o ").k("/tmp/out.json").t("\n")
    d.t('{"ok": true, "id": "').k(uuid_of(rng)).t('"}\n')
    return d


def render_traceback(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    path = rng.choice(("/srv/app/src/billing/client.py", "/home/dev/proj/app/sync.py"))
    d.t('Traceback (most recent call last):\n  File "').k(path).t(
        f'", line {rng.randrange(20, 400)}, in run\n'
    )
    d.t("    resp = session.post(url, headers=headers)\n")
    d.t("requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://")
    d.k(rng.choice(HOSTS)).t("/v1/charges\n\nLocal variables:\n")
    for cls, value, field in items:
        d.t("    ").k(field.lower()).t(" = '").s(value, cls).t("'\n")
    d.t("    attempt = 3\n")
    return d


def render_grep(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    d.t(f"$ rg -n '{items[0][2].lower()}' .\n")
    for cls, value, field in items:
        path = rng.choice(PATHS)
        d.k(path).t(f":{rng.randrange(3, 300)}:").k(field.upper()).t(' = "').s(value, cls).t('"\n')
    d.k("tests/test_config.py").t(f":{rng.randrange(3, 90)}:    assert cfg.").t(items[0][2].lower())
    d.t(' == "').k("<your-token>").t('"\n')
    return d


def render_markdown(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    d.t("## Setup\n\nI found these values in the working tree; rotate them before pushing:\n\n")
    for cls, value, field in items:
        d.t("- `").k(field).t("` is set to `").s(value, cls).t("` in `").k(rng.choice(PATHS)).t("`\n")
    d.t("\nThe public endpoint stays ").k(f"https://{rng.choice(HOSTS)}/health").t(".\n")
    return d


def render_python_code(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    d.t("import os\n\nimport httpx\n\n\ndef client() -> httpx.Client:\n")
    for cls, value, field in items:
        d.t("    ").k(field.lower()).t(' = os.environ.get("').k(field.upper()).t('", "').s(value, cls).t(
            '")\n'
        )
    d.t('    return httpx.Client(base_url="https://').k(rng.choice(HOSTS)).t('")\n')
    return d


def render_special(rng: random.Random, cls: str, value: str) -> Doc:
    d = Doc()
    host = rng.choice(HOSTS)
    if cls == "private_key":
        shape = rng.randrange(3)
        if shape == 0:
            d.t("$ cat ").k("~/.ssh/id_deploy").t("\n").s(value, cls).t("\n$ ls -l ~/.ssh\n")
            d.t("-rw-r--r-- 1 dev dev 96 ").k("id_deploy.pub").t("\n")
        elif shape == 1:
            d.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").k("tls-origin").t("\nstringData:\n")
            d.t("  tls.key: |\n    ").s(value.replace("\n", "\n    "), cls).t("\n")
        else:
            escaped = json.dumps(value + "\n")[1:-1]
            d.t('{\n  "type": "service_account",\n  "project_id": "').k("demo-project-4821").t('",\n')
            d.t('  "private_key_id": "' + sha(rng) + '",\n  "private_key": "')
            d.s(escaped, cls).t('",\n  "client_email": "').k("deployer@demo-project-4821.iam.example.com")
            d.t('"\n}\n')
    elif cls == "url_password":
        scheme, port = rng.choice((("postgres", 5432), ("mysql", 3306), ("redis", 6379), ("mongodb", 27017),
                                   ("https", 443), ("amqp", 5672)))  # fmt: skip
        key = rng.choice(("DATABASE_URL", "REDIS_URL", "BROKER_URL", "upstream"))
        d.k(key).t(f"={scheme}://").k(rng.choice(("app", "svc_reader", "admin"))).t(":").s(value, cls)
        d.t("@").k(host).t(f":{port}/app\n")
        d.t("# replica at ").k(doc_ip(rng)).t(f":{port}\n")
    elif cls == "kubernetes_secret_data":
        d.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").k("db-credentials").t(
            "\ntype: Opaque\ndata:\n"
        )
        d.t("  ").k("username").t(": ").k(base64.b64encode(b"app").decode()).t("\n  ")
        d.k(rng.choice(("password", "DB_PASSWORD", "api-key"))).t(": ").s(value, cls).t("\n")
    else:
        d.t('$ cat ~/.docker/config.json\n{\n  "auths": {\n    "').k(host).t('": {\n      "auth": "')
        d.s(value, cls).t('"\n    }\n  },\n  "credsStore": "').k("desktop").t('"\n}\n')
    return d


def render_people(rng: random.Random, items: list[Item]) -> Doc:
    """Personal data in the contexts that mark it: a git log, a package manifest, a CSV export."""
    d = Doc()
    shape = rng.randrange(3)
    if shape == 0:
        d.t("$ git log -n 2\ncommit ").k(sha(rng)).t("\nAuthor: ").s(person(rng), "person_name").t(" <")
        d.s(email(rng), "email").t(">\nDate:   Tue Mar 3 10:12:44 2026 +0100\n\n    Fix retry on ")
        d.k("HTTP 429").t("\n\n")
    elif shape == 1:
        d.t('{\n  "name": "').k("@acme/widgets").t('",\n  "version": "').k("4.12.0").t('",\n  "author": "')
        d.s(person(rng), "person_name").t(" <").s(email(rng), "email").t('>",\n  "license": "MIT"\n}\n')
    else:
        d.t("$ head -3 exports/customers.csv\nid,full_name,email,phone\n")
        for _ in range(2):
            d.k(str(rng.randrange(1000, 9999))).t(",").s(person(rng), "person_name").t(",")
            d.s(email(rng), "email").t(",").s(phone(rng), "phone").t("\n")
    for cls, value, field in items:
        d.k(field).t(": ").s(value, cls).t("\n")
    return d


def render_aws_file(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    d.t("$ cat ~/.aws/credentials\n[").k(rng.choice(("default", "prod-admin"))).t("]\n")
    d.k("aws_access_key_id").t(" = ").s(aws_id(rng), "aws_access_key_id").t("\n")
    d.k("aws_secret_access_key").t(" = ").s(aws_secret(rng), "aws_secret_access_key").t("\n")
    d.k("region").t(" = ").k("eu-west-1").t("\n")
    for cls, value, field in items:
        d.k(field.lower()).t(" = ").s(value, cls).t("\n")
    return d


def render_cli_flags(rng: random.Random, items: list[Item]) -> Doc:
    d = Doc()
    d.t("$ ").k("./bin/migrate").t(" --host ").k(doc_ip(rng))
    for cls, value, field in items:
        flag = "--" + field.lower().replace("_", "-")
        quote = "'" if " " in value else ""
        d.t(" ").k(flag).t(rng.choice((" ", "=")) + quote).s(value, cls).t(quote)
    d.t(" --dry-run\nmigrate ").k("v3.8.1").t(": 14 pending, 0 applied\n")
    return d


ASSIGN_KINDS = ("dotenv", "shell", "yaml", "toml", "json", "ini", "xml", "properties", "hcl", "python", "js",
                "go", "ruby")  # fmt: skip
OTHER_KINDS: dict[str, Callable[[random.Random, list[Item]], Doc]] = {
    "log": render_log, "http": render_http, "curl": render_curl, "traceback": render_traceback,
    "grep": render_grep, "markdown": render_markdown, "python_code": render_python_code,
    "people": render_people, "aws_credentials": render_aws_file, "cli_flags": render_cli_flags,
}  # fmt: skip


# --- look-alikes -----------------------------------------------------------------------------------------------


def render_lookalike(rng: random.Random) -> Doc:
    """Text like secrets that is none: digests, ids, a public key, placeholders, masked values, versions."""
    key = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32)
    lines: list[Callable[[Doc], Doc]] = [
        lambda d: d.t("$ git rev-parse HEAD\n").k(sha(rng)).t("\n"),
        lambda d: d.t("$ docker inspect --format '{{.Id}}' web\n").k("sha256:" + sha(rng, 64)).t("\n"),
        lambda d: (
            d.t("$ cat ~/.ssh/id_ed25519.pub\n")
            .k("ssh-ed25519 " + base64.b64encode(key).decode())
            .t(" dev@laptop\n")
        ),
        lambda d: d.t("$ cat .env.example\n").k("GITHUB_TOKEN").t("=").k("<your-token>").t("\n"),
        lambda d: d.k("STRIPE_SECRET_KEY").t("=").k("${STRIPE_SECRET_KEY}").t("\n"),
        lambda d: d.k("DB_PASSWORD").t("=").k("********").t("\n"),
        lambda d: (
            d.t("api_key: ").k("sk_live_****" + pick(rng, DIGITS, 4)).t("   # masked by the dashboard\n")
        ),
        lambda d: (
            d.t("trace_id=")
            .k(uuid_of(rng))
            .t(" request_id=")
            .k("req_" + pick(rng, LOWER + DIGITS, 14))
            .t("\n")
        ),
        lambda d: d.t("payload: ").k(base64.b64encode(b"hello from the build pipeline").decode()).t("\n"),
        lambda d: d.t("node ").k(f"v{rng.randrange(18, 23)}.{rng.randrange(20)}.{rng.randrange(9)}").t("\n"),
        lambda d: d.t("served from ").k(doc_ip(rng)).t(" at ").k("https://docs.example.org/setup").t("\n"),
    ]
    d = Doc()
    for at in sorted(rng.sample(range(len(lines)), 8)):
        lines[at](d)
    return d


# --- deliveries ------------------------------------------------------------------------------------------------

DELIVERIES = ("as_is", "json", "diff", "numbered_arrow", "numbered_tab", "ci", "fence")
LINE_DELIVERIES = ("diff", "numbered_arrow", "numbered_tab", "ci")


def line_prefix(delivery: str, n: int) -> str:
    return {"diff": "+", "numbered_arrow": f"{n:6d}→", "numbered_tab": f"{n}\t",
            "ci": f"2026-12-04T09:{n // 60:02d}:{n % 60:02d}.{n * 37 % 1000:03d}0000Z "}[delivery]  # fmt: skip


def deliver(d: Doc, delivery: str) -> tuple[str, list[Span], list[Span]]:
    """The document's text as delivered, with its secrets' and must-survive spans in that text."""
    out: list[str] = []
    secrets: list[Span] = []
    keeps: list[Span] = []
    size = 0
    line = 1
    at_start = True

    def put(text: str) -> None:
        nonlocal size
        out.append(text)
        size += len(text)

    if delivery == "json":
        put(
            '{"type": "tool_result", "tool_use_id": "toolu_' + "0" * 6 + str(len(d.parts)) + '", "content": "'
        )
    elif delivery == "fence":
        put("Here is the output:\n\n```text\n")
    elif delivery == "diff":
        added = "".join(text for text, _ in d.parts).count("\n")
        put(f"diff --git a/notes.txt b/notes.txt\n--- a/notes.txt\n+++ b/notes.txt\n@@ -0,0 +1,{added} @@\n")
    for text, tag in d.parts:
        if delivery == "json":
            text = json.dumps(text)[1:-1]
        elif delivery in LINE_DELIVERIES:
            pieces = []
            lead = len(line_prefix(delivery, line)) if at_start and text else 0
            for ch in text:
                if at_start:
                    pieces.append(line_prefix(delivery, line))
                    at_start = False
                pieces.append(ch)
                if ch == "\n":
                    line += 1
                    at_start = True
            if tag not in (None, "keep") and "\n" in text:
                raise ValueError("a line-prefixed delivery cannot hold a multi-line secret")
            start = size + lead
            put("".join(pieces))
            if tag is not None and text:
                span = Span(start, start + len(text), text, "" if tag == "keep" else tag)
                (keeps if tag == "keep" else secrets).append(span)
            continue
        if tag is not None and text:
            span = Span(size, size + len(text), text, "" if tag == "keep" else tag)
            (keeps if tag == "keep" else secrets).append(span)
        put(text)
    if delivery == "json":
        put('", "is_error": false}\n')
    elif delivery == "fence":
        put("```\n")
    return "".join(out), secrets, keeps


# --- the corpus ------------------------------------------------------------------------------------------------


def _items(rng: random.Random, main: SecretClass) -> list[Item]:
    items = [(main.name, main.make(rng), rng.choice(main.fields))]
    plain = [c for c in CLASSES if c.name not in SPECIAL]
    for _ in range(rng.choice((0, 0, 1, 2))):
        extra = rng.choice(plain)
        items.append((extra.name, extra.make(rng), rng.choice(extra.fields)))
    return items


def _document(rng: random.Random, index: int) -> Document:
    if index % 10 == 9:
        d, kind = render_lookalike(rng), "lookalike"
    else:
        main = CLASSES[(index - index // 10) % len(CLASSES)]
        if main.name in SPECIAL:
            d, kind = render_special(rng, main.name, main.make(rng)), "special_" + main.name
        else:
            items = _items(rng, main)
            kind = rng.choice((*ASSIGN_KINDS, *OTHER_KINDS))
            d = (
                render_assignments(rng, kind, items)
                if kind in ASSIGN_KINDS
                else OTHER_KINDS[kind](rng, items)
            )
    multiline = any(tag not in (None, "keep") and "\n" in text for text, tag in d.parts)
    delivery = rng.choice(("as_is", "json", "fence") if multiline else DELIVERIES)
    text, secrets, keeps = deliver(d, delivery)
    return Document(text, kind, delivery, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    rng = random.Random(seed)
    return [_document(rng, i) for i in range(DOCUMENTS)]


def corpus_digest(seed: int = DEFAULT_SEED) -> str:
    h = hashlib.sha256()
    for doc in build_corpus(seed):
        h.update(json.dumps(attrs.asdict(doc), sort_keys=True).encode())
    return h.hexdigest()


# --- measurement ---------------------------------------------------------------------------------------------


def _fragments(secret: Span, doc: str) -> set[str]:
    """The secret's 8-character windows that appear nowhere else in the document."""
    rest = doc[: secret.start] + "\x00" + doc[secret.end :]
    windows = {secret.text[i : i + 8] for i in range(len(secret.text) - 7)}
    return {w for w in windows if w not in rest}


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    removed = clean = vendor = vendor_removed = kept = keeps = 0
    secrets = 0
    for doc in docs:
        out = scrub(doc.text)
        for s in doc.secrets:
            secrets += 1
            gone = s.text not in out
            removed += gone
            clean += gone and not any(f in out for f in _fragments(s, doc.text))
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in doc.keeps:
            keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": secrets,
        "recall": removed / secrets if secrets else 1.0,
        "recall_no_fragment": clean / secrets if secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / keeps if keeps else 1.0,
        "spans": keeps,
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda text: scrub_text(text).text)
