"""The seventh held-back corpus part: secrets as they show up in what coding agents print.

Written apart from the scrubber's rules, from the public descriptions of each format and from what agents
really print; it is only ever measured, never tuned against. Every secret is generated at run time from a
seeded `random.Random` by code that follows its format's public layout, so the file holds no literal secret
and the same seed always gives the same corpus.

Twenty classes (the `vendor` flag marks tokens recognisable by a vendor's published prefix):

- vendor tokens: `forge_token` (GitHub classic with its CRC32 check, fine-grained, GitLab personal, deploy,
  runner and trigger tokens), `slack_token` (bot, user, app-level tokens; webhook secrets), `stripe_key`
  (secret, restricted, webhook signing), `llm_api_key` (OpenAI legacy, project and service-account keys,
  Anthropic API and admin keys), `aws_key_id` (AKIA/ASIA), `google_api_key` (AIza, GOCSPX client secrets),
  `registry_token` (npm with its check, PyPI macaroons, Hugging Face), `messaging_token` (SendGrid, Twilio
  API keys);
- structured secrets: `aws_secret_key` (secret access keys and session tokens), `jwt`, `private_key` (PEM
  and OpenSSH bodies, service-account `private_key_id` and escaped `private_key`), `k8s_secret` (Secret
  `data`/`stringData` values and their decoded forms), `cookie` (session cookie values), `auth_header`
  (Bearer, Basic, Token, Digest, AWS SigV4 signatures), `url_credential` (passwords in URLs, signed-URL
  signatures, `token=`/`sig=` parameters, DSN keys), `cli_password` (`-pX`, `--password=X`, `PGPASSWORD=X`,
  `sshpass -p`, `pass:` and kin), `generic_secret` (values of sensitive keys in many syntaxes);
- personal data: `ssn`, `email` (plain and URL-encoded), `phone` (several countries and layouts).

Documents: shell sessions (bash and PowerShell), histories, process lists and environment dumps;
`.env`/YAML/TOML/INI/XML/JSON/properties/HCL files read raw, as `cat -n`/`nl -ba` output or as numbered tool
reads; code in Python, TypeScript, Go, Java, Rust, Ruby and C# settings; curl, browser and Python HTTP traces;
application and access logs; CI logs; kubectl, docker, terraform, az, heroku and vault output; git diffs and
logs; SQL, CSV and JSON fixtures; and any of these as a JSON-escaped transcript line (escaped once, or twice
as a nested tool output). Documents carry must-survive spans near their secrets (cookie attributes, user
names, hosts, SHAs, UUIDs, digests, placeholders, masked values), and about one in nine documents is a
secret-free look-alike (lockfiles, git logs, masked and placeholder values, listings with digests and ids,
test output, code that reads secrets from the environment).

With the default seed the part holds 212 documents (53 kinds, 48 of them as transcript lines; 24, or 11.3%,
secret-free), 790 secrets (202 of them vendor tokens; from 14 `slack_token` and 16 `private_key` up to 99
`email` and 117 `generic_secret`) and 650 must-survive spans.

`measure_held_back` counts a secret as recalled when its exact text is gone from the output, and as recalled
without a fragment when, besides, no 8 characters of it are left that the document does not also hold outside
its secrets (a person's name beside their address, a key's prefix in its masked form). A must-survive span is
kept when it lies inside one unchanged stretch of the output (`difflib`'s matching blocks); a line of a
secret-free document (blank lines aside) is kept when the output still has it as a whole line.
"""

from __future__ import annotations

import base64
import difflib
import json
import random
import re
import string
import zlib
from collections import Counter
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED = 70_707
ROUNDS = 4

CLASSES = (
    "forge_token",
    "slack_token",
    "stripe_key",
    "llm_api_key",
    "aws_key_id",
    "aws_secret_key",
    "google_api_key",
    "registry_token",
    "messaging_token",
    "jwt",
    "private_key",
    "k8s_secret",
    "cookie",
    "auth_header",
    "url_credential",
    "cli_password",
    "generic_secret",
    "ssn",
    "email",
    "phone",
)


@attrs.frozen
class Span:
    """Where a labelled stretch lies in its document, and what it is."""

    start: int
    end: int
    text: str
    kind: str
    vendor: bool = False


@attrs.frozen
class Doc:
    """One document as an agent would print it, with its secrets and its must-survive stretches."""

    name: str
    text: str
    secrets: tuple[Span, ...]
    keeps: tuple[Span, ...]


@attrs.frozen
class Sec:
    """A secret while a document is being put together."""

    kind: str
    text: str
    vendor: bool = False


@attrs.frozen
class Keep:
    """A must-survive stretch while a document is being put together."""

    text: str


Part = str | Sec | Keep
Parts = list[Part]

_MARK = re.compile(r"«(\w+)»")


def fill(template: str, **values: Part) -> Parts:
    """Splits a template at its «name» marks and puts each value in its place."""
    out: Parts = []
    pos = 0
    for m in _MARK.finditer(template):
        out.append(template[pos : m.start()])
        out.append(values[m.group(1)])
        pos = m.end()
    out.append(template[pos:])
    return [p for p in out if not (isinstance(p, str) and not p)]


def assemble(name: str, parts: Sequence[Part]) -> Doc:
    """Joins the parts into a document and checks that every secret is unique in it."""
    chunks: list[str] = []
    secrets: list[Span] = []
    keeps: list[Span] = []
    pos = 0
    for p in parts:
        text = p if isinstance(p, str) else p.text
        if isinstance(p, Sec):
            secrets.append(Span(pos, pos + len(text), text, p.kind, p.vendor))
        elif isinstance(p, Keep):
            keeps.append(Span(pos, pos + len(text), text, "keep"))
        chunks.append(text)
        pos += len(text)
    doc = "".join(chunks)
    for s in secrets:
        if doc.count(s.text) != 1 or len(s.text) < 8:
            raise ValueError(f"{name}: a {s.kind} secret is repeated or short")
    return Doc(name, doc, tuple(secrets), tuple(keeps))


def _map(parts: Sequence[Part], f: Callable[[str], str]) -> Parts:
    return [f(p) if isinstance(p, str) else attrs.evolve(p, text=f(p.text)) for p in parts]


def json_escaped(parts: Sequence[Part]) -> Parts:
    """The parts as the inside of a JSON string (JSON escapes character by character)."""
    return _map(parts, lambda s: json.dumps(s, ensure_ascii=False)[1:-1])


def numbered(parts: Sequence[Part], arrow: bool) -> Parts:
    """The parts as a numbered file read: `cat -n` style, or with an arrow after the number."""
    out: Parts = []
    line = 1
    start = True

    def prefix() -> str:
        return f"{line:>6}→" if arrow else f"{line:>6}\t"

    for p in parts:
        if isinstance(p, str):
            for i, piece in enumerate(p.split("\n")):
                if i > 0:
                    if start:
                        out.append(prefix())
                    out.append("\n")
                    line += 1
                    start = True
                if piece:
                    if start:
                        out.append(prefix())
                        start = False
                    out.append(piece)
        else:
            if "\n" in p.text:
                raise ValueError("a labelled stretch spans lines in a numbered read")
            if start:
                out.append(prefix())
                start = False
            out.append(p)
    return out


# ---------------------------------------------------------------------------------------------------------
# Alphabets and value generators, each after its format's public layout.

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = string.ascii_letters + DIGITS
BASE62 = DIGITS + string.ascii_uppercase + string.ascii_lowercase
B64 = string.ascii_letters + DIGITS + "+/"
B64URL = string.ascii_letters + DIGITS + "-_"
HEX = "0123456789abcdef"
BASE32 = UPPER + "234567"


def rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def rbytes(r: random.Random, n: int) -> bytes:
    return bytes(r.getrandbits(8) for _ in range(n))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def crc_base62(body: str) -> str:
    """Six base62 digits of the body's CRC32, the check GitHub and npm tokens end with."""
    n = zlib.crc32(body.encode())
    digits = ""
    while n:
        n, d = divmod(n, 62)
        digits = BASE62[d] + digits
    return digits.rjust(6, "0")


def gh_token(r: random.Random) -> str:
    x = r.random()
    if x < 0.3:
        return "github_pat_" + rs(r, ALNUM, 22) + "_" + rs(r, ALNUM, 59)
    prefix = r.choice(["ghp_", "ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"])
    body = rs(r, ALNUM, 30)
    return prefix + body + crc_base62(body)


def gl_token(r: random.Random) -> str:
    x = r.random()
    if x < 0.65:
        return "glpat-" + rs(r, B64URL, 20)
    if x < 0.8:
        return "gldt-" + rs(r, B64URL, 20)
    if x < 0.9:
        return "glrt-" + rs(r, B64URL, 20)
    return "glptt-" + rs(r, HEX, 40)


def forge_token(r: random.Random) -> str:
    return gh_token(r) if r.random() < 0.6 else gl_token(r)


def slack_token(r: random.Random) -> str:
    x = r.random()
    if x < 0.5:
        return f"xoxb-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 13)}-{rs(r, ALNUM, 24)}"
    if x < 0.8:
        return f"xoxp-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 12)}-{rs(r, DIGITS, 13)}-{rs(r, HEX, 32)}"
    return f"xapp-1-A0{rs(r, UPPER + DIGITS, 9)}-{rs(r, DIGITS, 13)}-{rs(r, HEX, 64)}"


def stripe_key(r: random.Random, kind: str | None = None) -> str:
    kind = kind or r.choice(["sk", "sk", "rk", "whsec"])
    if kind == "whsec":
        return "whsec_" + rs(r, ALNUM, 32)
    if r.random() < 0.5:
        return f"{kind}_live_" + rs(r, ALNUM, 24)
    return f"{kind}_live_51" + rs(r, ALNUM, 97)


def openai_key(r: random.Random) -> str:
    x = r.random()
    if x < 0.25:
        return "sk-" + rs(r, ALNUM, 20) + "T3BlbkFJ" + rs(r, ALNUM, 20)
    prefix = "sk-proj-" if x < 0.85 else "sk-svcacct-"
    return prefix + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74)


def anthropic_key(r: random.Random) -> str:
    prefix = "sk-ant-api03-" if r.random() < 0.85 else "sk-ant-admin01-"
    return prefix + rs(r, B64URL, 93) + "AA"


def llm_key(r: random.Random) -> str:
    return openai_key(r) if r.random() < 0.55 else anthropic_key(r)


def aws_key_id(r: random.Random) -> str:
    return r.choice(["AKIA", "AKIA", "ASIA"]) + rs(r, BASE32, 16)


def aws_secret(r: random.Random) -> str:
    return rs(r, B64, 40)


def aws_session_token(r: random.Random) -> str:
    return "IQoJb3JpZ2luX2Vj" + b64(rbytes(r, 240))


def google_key(r: random.Random) -> str:
    if r.random() < 0.75:
        return "AIza" + rs(r, B64URL, 35)
    return "GOCSPX-" + rs(r, B64URL, 28)


def npm_token(r: random.Random) -> str:
    body = rs(r, ALNUM, 30)
    return "npm_" + body + crc_base62(body)


def pypi_token(r: random.Random) -> str:
    head = "AgEIcHlwaS5vcmc" if r.random() < 0.8 else "AgENdGVzdC5weXBpLm9yZw"
    return "pypi-" + head + b64url(rbytes(r, 105))


def hf_token(r: random.Random) -> str:
    return "hf_" + rs(r, string.ascii_letters, 34)


def registry_token(r: random.Random) -> str:
    return r.choice([npm_token, pypi_token, hf_token])(r)


def sendgrid_key(r: random.Random) -> str:
    return "SG." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43)


def twilio_key(r: random.Random) -> str:
    return "SK" + rs(r, HEX, 32)


def messaging_token(r: random.Random) -> str:
    return sendgrid_key(r) if r.random() < 0.6 else twilio_key(r)


def jwt(r: random.Random, iss: str = "https://auth.tessellate.app/") -> str:
    alg = r.choice(["HS256", "RS256", "ES256"])
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        header["kid"] = rs(r, B64URL, 22)
    now = 1_796_000_000 + r.randrange(2_000_000)
    payload = {
        "iss": iss,
        "sub": r.choice(["auth0|", "user_", ""]) + rs(r, HEX, 24),
        "aud": r.choice(["api", "https://api.tessellate.app", "console"]),
        "iat": now,
        "exp": now + r.choice([900, 3600, 86400]),
        "scope": r.choice(["read:orders write:orders", "openid profile email", "admin"]),
    }
    sig = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    enc = [b64url(json.dumps(x, separators=(",", ":")).encode()) for x in (header, payload)]
    return ".".join([*enc, b64url(rbytes(r, sig))])


_RSA_HEAD = bytes.fromhex("308204a40201000282010100")
_PKCS8_HEAD = bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8")
_EC_HEAD = bytes.fromhex("307702010104")


def pem_body(r: random.Random, kind: str, sep: str = "\n") -> str:
    """The base64 lines of a private key of the given PEM label (or OPENSSH), without the armour."""
    if kind == "RSA PRIVATE KEY":
        data, width = _RSA_HEAD + rbytes(r, 1180), 64
    elif kind == "PRIVATE KEY":
        data, width = _PKCS8_HEAD + rbytes(r, 1190), 64
    elif kind == "EC PRIVATE KEY":
        data = _EC_HEAD + bytes([0x20]) + rbytes(r, 32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
        data, width = data + b"\x04" + rbytes(r, 64), 64
    else:
        data = b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01"
        data, width = data + b"\x00\x00\x003\x00\x00\x00\x0bssh-ed25519" + rbytes(r, 300), 70
    text = b64(data)
    return sep.join(text[i : i + width] for i in range(0, len(text), width))


FIRST = ["maya", "oliver", "priya", "tomasz", "aiko", "lucas", "fatima", "jonas", "ines", "kwame", "sofia"]
FIRST += ["dmitri", "chloe", "rafael", "hana", "mateo", "zoe", "arjun", "lena", "samuel", "yusuf", "elena"]
LAST = ["patel", "okafor", "lindqvist", "nakamura", "moreau", "haddad", "kowalski", "ferreira", "brennan"]
LAST += ["schmidt", "osei", "varga", "tanaka", "delacroix", "mensah", "ivanova", "quintero", "holm"]
MAILHOSTS = ["gmail.com", "outlook.com", "proton.me", "fastmail.com", "yahoo.co.uk", "icloud.com", "gmx.de"]
MAILHOSTS += ["northwind-freight.io", "brightpath.dev", "halvorsen-bygg.no", "quokka-labs.com.au"]


def person(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def email(r: random.Random, who: tuple[str, str] | None = None) -> str:
    first, last = who or person(r)
    local = r.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}{r.randrange(10, 99)}", first])
    return f"{local}@{r.choice(MAILHOSTS)}"


def phone(r: random.Random) -> str:
    def d(n: int) -> str:
        return rs(r, DIGITS, n)

    area = str(r.randrange(201, 989))
    exch = str(r.randrange(200, 999))
    while exch == "555":
        exch = str(r.randrange(200, 999))
    return r.choice(
        [
            f"+1 ({area}) {exch}-{d(4)}",
            f"{area}-{exch}-{d(4)}",
            f"+1-{area}-{exch}-{d(4)}",
            f"({area}) {exch}-{d(4)}",
            f"+44 7{d(3)} {d(6)}",
            f"+49 15{r.randrange(1, 9)} {d(8)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+91 9{d(4)} {d(5)}",
            f"+61 4{d(2)} {d(3)} {d(3)}",
            f"+55 11 9{d(4)}-{d(4)}",
            f"+1{area}{exch}{d(4)}",
        ]
    )


def ssn(r: random.Random) -> str:
    area = r.randrange(1, 900)
    while area == 666:
        area = r.randrange(1, 900)
    return f"{area:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"


WORDS = ["amber", "falcon", "quartz", "harbor", "velvet", "cobalt", "meadow", "lantern", "tundra", "saffron"]
WORDS += ["orchid", "granite", "pepper", "willow", "canyon", "ember", "juniper", "mosaic", "pylon", "raven"]


def password(r: random.Random, url_safe: bool = False) -> str:
    """A password as people and generators make them; url_safe keeps to characters URLs carry as is."""
    x = r.random()
    if x < 0.3:
        return f"{r.choice(WORDS).title()}-{r.choice(WORDS)}-{r.randrange(10, 9999)}" + (
            "" if url_safe else "!"
        )
    if x < 0.55:
        return rs(r, ALNUM, r.randrange(14, 24))
    if x < 0.8 and not url_safe:
        return rs(r, ALNUM + "!#%^*-_+=.~", r.randrange(12, 22))
    return rs(r, ALNUM + "-_.", r.randrange(16, 28))


def token_hex(r: random.Random, n: int = 32) -> str:
    return rs(r, HEX, n)


def any_vendor(r: random.Random) -> Sec:
    pick = r.randrange(8)
    gens: list[tuple[str, Callable[[random.Random], str]]] = [
        ("forge_token", forge_token),
        ("slack_token", slack_token),
        ("stripe_key", lambda q: stripe_key(q)),
        ("llm_api_key", llm_key),
        ("aws_key_id", aws_key_id),
        ("google_api_key", google_key),
        ("registry_token", registry_token),
        ("messaging_token", messaging_token),
    ]
    kind, gen = gens[pick]
    return Sec(kind, gen(r), True)


# Must-survive values.


def sha(r: random.Random, n: int = 40) -> str:
    return rs(r, HEX, n)


def uuid4(r: random.Random) -> str:
    h = rs(r, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def stamp(r: random.Random) -> str:
    return (
        f"2026-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}T{r.randrange(24):02d}:"
        f"{r.randrange(60):02d}:{r.randrange(60):02d}Z"
    )


def version(r: random.Random) -> str:
    return f"{r.randrange(0, 9)}.{r.randrange(0, 30)}.{r.randrange(0, 20)}"


def integrity(r: random.Random) -> str:
    return "sha512-" + b64(rbytes(r, 64))


def digest(r: random.Random) -> str:
    return "sha256:" + rs(r, HEX, 64)


HOSTS = ["db-primary.internal", "pg-orders.prod.svc.cluster.local", "redis-cache-01", "mq.eu-west-1.corp"]
HOSTS += ["orders-db.c9akciq32.us-east-1.rds.amazonaws.com", "10.40.3.17", "mysql-replica-2.lan"]
USERS = ["deploy", "app_rw", "svc-orders", "postgres", "admin", "ci-bot", "report_reader", "root", "etl"]
PROJECTS = ["tessellate", "orderly", "kitehawk", "plover", "marlin-api", "fernwood"]


def host(r: random.Random) -> str:
    return r.choice(HOSTS)


def user(r: random.Random) -> str:
    return r.choice(USERS)


# ---------------------------------------------------------------------------------------------------------
# Documents with secrets. Each takes the corpus's generator and returns its parts.


def file_read(r: random.Random, path: str, body: Parts) -> Parts:
    """A file as an agent reads it: `cat`, `cat -n`, `nl -ba`, or a numbered read tool."""
    how = r.randrange(4)
    if how == 0:
        return [f"$ cat {path}\n", *body]
    if how == 1:
        return [f"$ cat -n {path}\n", *numbered(body, arrow=False)]
    if how == 2:
        return [f"$ nl -ba {path} | sed -n '1,120p'\n", *numbered(body, arrow=False)]
    return [f"Read({path})\n", *numbered(body, arrow=True)]


def doc_env_dump(r: random.Random) -> Parts:
    lines: list[Parts] = [
        fill("AWS_ACCESS_KEY_ID=«v»\n", v=Sec("aws_key_id", aws_key_id(r), True)),
        fill("AWS_SECRET_ACCESS_KEY=«v»\n", v=Sec("aws_secret_key", aws_secret(r))),
        fill("AWS_DEFAULT_REGION=«v»\n", v=Keep(r.choice(["eu-central-1", "us-east-2", "ap-southeast-2"]))),
        fill("GITHUB_TOKEN=«v»\n", v=Sec("forge_token", gh_token(r), True)),
        fill("HOME=«v»\n", v=Keep(f"/home/{r.choice(FIRST)}")),
        fill("HF_TOKEN=«v»\n", v=Sec("registry_token", hf_token(r), True)),
        fill("LANG=«v»\n", v=Keep("en_US.UTF-8")),
        fill("OPENAI_API_KEY=«v»\n", v=Sec("llm_api_key", openai_key(r), True)),
        fill("PATH=«v»\n", v=Keep("/home/dev/.local/bin:/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin")),
        fill("SLACK_BOT_TOKEN=«v»\n", v=Sec("slack_token", slack_token(r), True)),
        fill("SSH_AUTH_SOCK=«v»\n", v=Keep("/tmp/ssh-XXXXk2Qw9r/agent.4121")),
        fill("VIRTUAL_ENV=«v»\n", v=Keep("/home/dev/src/api/.venv")),
    ]
    if r.random() < 0.5:
        lines.append(fill("ANTHROPIC_API_KEY=«v»\n", v=Sec("llm_api_key", anthropic_key(r), True)))
    if r.random() < 0.5:
        lines.append(fill("DATABASE_PASSWORD=«v»\n", v=Sec("generic_secret", password(r))))
    cmd = r.choice(["$ env | sort\n", "$ printenv\n", "$ export -p | sed 's/^declare -x //'\n"])
    body = [p for ln in lines for p in ln]
    return [cmd, *body, "$ \n"]


def doc_dotenv(r: random.Random) -> Parts:
    u, h = user(r), host(r)
    body = fill(
        "# copied from 1password on the 3rd, do not commit\n"
        "NODE_ENV=production\n"
        "PORT=8080\n"
        "DATABASE_URL=postgres://«u»:«pw»@«h»:5432/orders\n"
        "STRIPE_SECRET_KEY=«sk»\n"
        "STRIPE_WEBHOOK_SECRET=«wh»\n"
        "SENDGRID_API_KEY=«sg»\n"
        "TWILIO_ACCOUNT_SID=AC«sid»\n"
        "TWILIO_AUTH_TOKEN=«tw»\n"
        "OPENAI_API_KEY=«ph»\n"
        "SESSION_SECRET=«ss»\n"
        "SUPPORT_PHONE=«tel»\n",
        u=Keep(u),
        pw=Sec("url_credential", password(r, url_safe=True)),
        h=Keep(h),
        sk=Sec("stripe_key", stripe_key(r, "sk"), True),
        wh=Sec("stripe_key", stripe_key(r, "whsec"), True),
        sg=Sec("messaging_token", sendgrid_key(r), True),
        sid=token_hex(r),
        tw=Sec("generic_secret", token_hex(r)),
        ph=Keep("${OPENAI_API_KEY:?must be set}"),
        ss=Sec("generic_secret", b64(rbytes(r, 48))),
        tel=Sec("phone", phone(r)),
    )
    return file_read(r, r.choice([".env", ".env.production", "deploy/.env.local"]), body)


def doc_curl_verbose(r: random.Random) -> Parts:
    api = r.choice(["api.tessellate.app", "billing.kitehawk.io", "hooks.fernwood.dev"])
    cookie_name = r.choice(["session", "sid", "__Host-session", "connect.sid", "_app_session"])
    cval = r.choice(
        [
            b64url(rbytes(r, 32)),
            "s%3A" + rs(r, B64URL, 32) + "." + rs(r, B64URL, 43),
            token_hex(r, 64),
        ]
    )
    scheme, cred = r.choice(
        [("Bearer", Sec("jwt", jwt(r))), ("Bearer", Sec("auth_header", rs(r, B64URL, 40))), ("Token", None)]
    )
    if cred is None:
        cred = Sec("auth_header", token_hex(r, 40))
    rid = uuid4(r)
    return fill(
        '$ curl -sv -H "Authorization: «scheme» $API_TOKEN" https://«api»/v2/orders?limit=5\n'
        "*   Trying 104.18.22.«oct»:443...\n"
        "* Connected to «api» (104.18.22.«oct») port 443\n"
        "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n"
        "> GET /v2/orders?limit=5 HTTP/2\n"
        "> Host: «api»\n"
        "> user-agent: curl/8.5.0\n"
        "> accept: */*\n"
        "> authorization: «scheme» «cred»\n"
        ">\n"
        "< HTTP/2 200\n"
        "< content-type: application/json; charset=utf-8\n"
        "< x-request-id: «rid»\n"
        "< set-cookie: «cn»=«cv»; «attrs»\n"
        "< date: Thu, 03 Dec 2026 21:14:07 GMT\n"
        "<\n"
        '{"data":[],"has_more":false}\n',
        scheme=scheme,
        api=api,
        oct=str(r.randrange(2, 250)),
        cred=cred,
        rid=Keep(rid),
        cn=cookie_name,
        cv=Sec("cookie", cval),
        attrs=Keep(r.choice(["Path=/; HttpOnly; Secure; SameSite=Lax", "Path=/; Max-Age=86400; HttpOnly"])),
    )


def doc_python_http_debug(r: random.Random) -> Parts:
    key = stripe_key(r, r.choice(["sk", "rk"]))
    basic = b64(f"{key}:".encode())
    sess = rs(r, LOWER + DIGITS, 32)
    return fill(
        ">>> import http.client, requests\n"
        ">>> http.client.HTTPConnection.debuglevel = 1\n"
        ">>> requests.post('https://api.stripe.com/v1/customers', auth=(os.environ['STRIPE_KEY'], ''),"
        " data={'email': cust_email})\n"
        "send: b'POST /v1/customers HTTP/1.1\\r\\nHost: api.stripe.com\\r\\nUser-Agent: python-requests/2.32.3"
        "\\r\\nAccept-Encoding: gzip, deflate\\r\\nAccept: */*\\r\\nConnection: keep-alive\\r\\nContent-Length: «cl»"
        "\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\nAuthorization: Basic «basic»\\r\\n\\r\\n'\n"
        "send: b'email=«mail»'\n"
        "reply: 'HTTP/1.1 200 OK\\r\\n'\n"
        "header: Server: nginx\n"
        "header: Request-Id: «rid»\n"
        "header: Set-Cookie: __stripe_orig_props=«sess»; «attrs»\n"
        "<Response [200]>\n",
        cl=str(r.randrange(20, 60)),
        basic=Sec("auth_header", basic),
        mail=Sec("email", email(r).replace("@", "%40")),
        rid=Keep("req_" + rs(r, ALNUM, 14)),
        sess=Sec("cookie", sess),
        attrs=Keep("Path=/; Secure; HttpOnly; SameSite=None"),
    )


def doc_kubectl_secret_yaml(r: random.Random) -> Parts:
    name = r.choice(["orders-db", "api-credentials", "smtp-relay", "registry-pull"])
    uid = uuid4(r)
    pw, tok = password(r), token_hex(r, 40)
    return fill(
        f"$ kubectl get secret {name} -n prod -o yaml\n"
        "apiVersion: v1\n"
        "data:\n"
        "  DB_PASSWORD: «a»\n"
        "  DB_USER: «b»\n"
        "  API_TOKEN: «c»\n"
        "kind: Secret\n"
        "metadata:\n"
        "  creationTimestamp: «ts»\n"
        f"  name: {name}\n"
        "  namespace: prod\n"
        "  resourceVersion: «rv»\n"
        "  uid: «uid»\n"
        "type: Opaque\n",
        a=Sec("k8s_secret", b64(pw.encode())),
        b=Sec("k8s_secret", b64((user(r) + "-" + rs(r, LOWER, 4)).encode())),
        c=Sec("k8s_secret", b64(tok.encode())),
        ts=Keep(f'"{stamp(r)}"'),
        rv=Keep(f'"{r.randrange(10**6, 10**8)}"'),
        uid=Keep(uid),
    )


def doc_kubectl_secret_json(r: random.Random) -> Parts:
    pw = password(r)
    decoded = password(r)
    return fill(
        "$ kubectl -n payments get secret stripe -o json | jq .data\n"
        "{\n"
        '  "api-key": "«a»",\n'
        '  "webhook-secret": "«b»"\n'
        "}\n"
        "$ kubectl -n payments get secret pg-app -o jsonpath='{.data.password}' | base64 -d; echo\n"
        "«c»\n"
        "$ kubectl -n payments get secret pg-app -o go-template='{{.data.username | base64decode}}'\n"
        "«u»\n",
        a=Sec("k8s_secret", b64(stripe_key(r, "rk").encode())),
        b=Sec("k8s_secret", b64(pw.encode())),
        c=Sec("k8s_secret", decoded),
        u=Keep(user(r)),
    )


def doc_secret_manifest_diff(r: random.Random) -> Parts:
    a, b = sha(r, 7), sha(r, 7)
    return fill(
        "$ git diff --cached deploy/k8s/secret.yaml\n"
        "diff --git a/deploy/k8s/secret.yaml b/deploy/k8s/secret.yaml\n"
        "new file mode 100644\n"
        "index «ia»..«ib»\n"
        "--- /dev/null\n"
        "+++ b/deploy/k8s/secret.yaml\n"
        "@@ -0,0 +1,14 @@\n"
        "+apiVersion: v1\n"
        "+kind: Secret\n"
        "+metadata:\n"
        "+  name: worker-env\n"
        "+  namespace: «ns»\n"
        "+type: Opaque\n"
        "+stringData:\n"
        "+  REDIS_PASSWORD: «rp»\n"
        '+  SENTRY_AUTH_TOKEN: "«st»"\n'
        "+data:\n"
        "+  tls.key: «tk»\n"
        "+  smtp-password: «sp»\n"
        "+  ca-bundle-name: «keep»\n",
        ia=Keep("0000000"),
        ib=Keep(a if r.random() < 0.5 else b),
        ns=Keep(r.choice(PROJECTS)),
        rp=Sec("k8s_secret", password(r, url_safe=True)),
        st=Sec("k8s_secret", "sntrys_" + b64url(rbytes(r, 60))),
        tk=Sec("k8s_secret", b64(b"-----BEGIN EC PRIVATE KEY-----\n" + rbytes(r, 45))),
        sp=Sec("k8s_secret", b64(password(r).encode())),
        keep="internal-ca-2026",
    )


def doc_service_account(r: random.Random) -> Parts:
    proj = r.choice(PROJECTS) + "-" + str(r.randrange(100000, 999999))
    acct = r.choice(["terraform", "ci-deployer", "bq-loader", "vertex-runner"])
    body = pem_body(r, "PRIVATE KEY", sep="\\n")
    inner = fill(
        "{\n"
        '  "type": "service_account",\n'
        '  "project_id": "«proj»",\n'
        '  "private_key_id": "«kid»",\n'
        '  "private_key": "-----BEGIN PRIVATE KEY-----\\n«key»\\n-----END PRIVATE KEY-----\\n",\n'
        f'  "client_email": "{acct}@{proj}.iam.gserviceaccount.com",\n'
        f'  "client_id": "{rs(r, DIGITS, 21)}",\n'
        '  "auth_uri": "«auth»",\n'
        '  "token_uri": "https://oauth2.googleapis.com/token",\n'
        '  "universe_domain": "googleapis.com"\n'
        "}\n",
        proj=Keep(proj),
        kid=Sec("private_key", token_hex(r, 40)),
        key=Sec("private_key", body),
        auth=Keep("https://accounts.google.com/o/oauth2/auth"),
    )
    path = r.choice(["~/Downloads/key.json", "infra/gcp-sa.json", "/secrets/gcp/credentials.json"])
    return [f"$ cat {path}\n", *inner, "$ gcloud auth activate-service-account --key-file=", path, "\n"]


def doc_pem_files(r: random.Random) -> Parts:
    kind = r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(rbytes(r, 32))[:43] + " dev@buildbox"
    path = "~/.ssh/id_ed25519" if kind.startswith("OPENSSH") else r.choice(["certs/server.key", "tls.key"])
    return fill(
        "$ ls -la ~/.ssh certs\n"
        "-rw-------  1 dev dev  411 Nov 30 09:12 id_ed25519\n"
        "-rw-r--r--  1 dev dev  «pl» Nov 30 09:12 id_ed25519.pub\n"
        f"$ cat {path}\n"
        f"-----BEGIN {kind}-----\n"
        "«body»\n"
        f"-----END {kind}-----\n"
        "$ cat ~/.ssh/id_ed25519.pub\n"
        "«pub»\n",
        pl=str(len(pub) + 1),
        body=Sec("private_key", pem_body(r, kind)),
        pub=Keep(pub),
    )


def doc_gha_log(r: random.Random) -> Parts:
    ts = sorted(stamp(r)[:-1] + "." + rs(r, DIGITS, 7) + "Z" for _ in range(10))
    npm = npm_token(r)
    return fill(
        f"{ts[0]} ##[group]Run npm publish --access public\n"
        f"{ts[1]} npm publish --access public\n"
        f"{ts[2]} shell: /usr/bin/bash -e {{0}}\n"
        f"{ts[3]} env:\n"
        f"{ts[4]}   NODE_AUTH_TOKEN: ***\n"
        f"{ts[5]} ##[endgroup]\n"
        f"{ts[6]} + cat /home/runner/work/_temp/.npmrc\n"
        f"{ts[7]} //registry.npmjs.org/:_authToken=«npm»\n"
        f"{ts[8]} + twine upload --repository pypi -u __token__ -p «pypi» dist/*\n"
        f"{ts[9]} Uploading «pkg»-«ver»-py3-none-any.whl\n"
        "npm notice Publishing to https://registry.npmjs.org/ with tag latest and public access\n"
        "npm notice shasum: «shasum»\n"
        "npm notice integrity: «integ»\n",
        npm=Sec("registry_token", npm, True),
        pypi=Sec("registry_token", pypi_token(r), True),
        pkg=r.choice(PROJECTS).replace("-", "_"),
        ver=Keep(version(r)),
        shasum=Keep(sha(r)),
        integ=Keep(integrity(r)),
    )


def doc_docker_inspect(r: random.Random) -> Parts:
    cid = sha(r, 64)
    return fill(
        "$ docker inspect --format '{{json .Config.Env}}' api-1 | jq -r '.[]'\n"
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
        "POSTGRES_PASSWORD=«pg»\n"
        "REDIS_URL=redis://:«rp»@redis:6379/0\n"
        "GOOGLE_MAPS_KEY=«gk»\n"
        "MAIL_FROM=«mf»\n"
        "LANG=C.UTF-8\n"
        "PYTHON_VERSION=«pv»\n"
        "$ docker inspect --format '{{.Id}} {{.Image}}' api-1\n"
        "«cid» «img»\n",
        pg=Sec("generic_secret", password(r)),
        rp=Sec("url_credential", password(r, url_safe=True)),
        gk=Sec("google_api_key", "AIza" + rs(r, B64URL, 35), True),
        mf=Keep("noreply@example.com"),
        pv=Keep("3.12.7"),
        cid=Keep(cid),
        img=Keep(digest(r)),
    )


def doc_terraform(r: random.Random) -> Parts:
    kid, sec = aws_key_id(r), aws_secret(r)
    arn_acct = rs(r, DIGITS, 12)
    return fill(
        "$ terraform state show aws_iam_access_key.ci\n"
        "# aws_iam_access_key.ci:\n"
        'resource "aws_iam_access_key" "ci" {\n'
        '    create_date = "«cd»"\n'
        '    id          = "«kid»"\n'
        '    secret      = "«sec»"\n'
        '    status      = "Active"\n'
        '    user        = "«u»"\n'
        "}\n"
        "$ terraform output -json db\n"
        '{"endpoint":"«ep»","password":"«pw»","username":"«dbu»"}\n'
        "$ terraform plan -var-file=prod.tfvars | tail -5\n"
        "      + master_password = (sensitive value)\n"
        '      + role_arn        = "«arn»"\n'
        "Plan: 3 to add, 0 to change, 0 to destroy.\n"
        "$ terraform output -raw bastion_private_key\n"
        "-----BEGIN «kind»-----\n"
        "«pem»\n"
        "-----END «kind»-----\n",
        cd=Keep(stamp(r)),
        kid=Sec("aws_key_id", "AKIA" + kid[4:], True),
        sec=Sec("aws_secret_key", sec),
        u=Keep("ci-" + r.choice(PROJECTS)),
        ep=Keep(r.choice(HOSTS[4:5]) + ":5432"),
        pw=Sec("generic_secret", password(r)),
        dbu=Keep(user(r)),
        arn=Keep(f"arn:aws:iam::{arn_acct}:role/deployer"),
        kind=(kind := r.choice(["RSA PRIVATE KEY", "EC PRIVATE KEY"])),
        pem=Sec("private_key", pem_body(r, kind)),
    )


def doc_django_settings(r: random.Random) -> Parts:
    body = fill(
        "from pathlib import Path\n"
        "import os\n"
        "\n"
        "BASE_DIR = Path(__file__).resolve().parent.parent\n"
        "SECRET_KEY = «q»«sk»«q»\n"
        "DEBUG = False\n"
        'ALLOWED_HOSTS = ["«host»"]\n'
        "DATABASES = {\n"
        '    "default": {\n'
        '        "ENGINE": "django.db.backends.postgresql",\n'
        '        "NAME": "orders",\n'
        '        "USER": "«u»",\n'
        '        "PASSWORD": "«pw»",\n'
        '        "HOST": os.environ.get("DB_HOST", "«h»"),\n'
        "    }\n"
        "}\n"
        'EMAIL_HOST_USER = "«eu»"\n'
        "EMAIL_HOST_PASSWORD = «q»«ep»«q»\n"
        'OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]\n'
        "STRIPE_API_KEY = «q»«stripe»«q»  # TODO move to env\n",
        q=r.choice(['"', "'"]),
        sk=Sec("generic_secret", "django-insecure-" + rs(r, LOWER + DIGITS + "!@#%^&*(-_=+)", 50)),
        host=Keep(r.choice(PROJECTS) + ".com"),
        u=Keep(user(r)),
        pw=Sec("generic_secret", password(r)),
        h=Keep("localhost"),
        eu=Sec("email", email(r)),
        ep=Sec("generic_secret", rs(r, LOWER, 16)),
        stripe=Sec("stripe_key", stripe_key(r, "sk"), True),
    )
    return file_read(r, r.choice(PROJECTS) + "/settings/production.py", body)


def doc_ts_config(r: random.Random) -> Parts:
    body = fill(
        'import OpenAI from "openai";\n'
        'import { initializeApp } from "firebase/app";\n'
        "\n"
        "const firebaseConfig = {\n"
        '  apiKey: "«fb»",\n'
        '  authDomain: "«proj».firebaseapp.com",\n'
        '  projectId: "«proj»",\n'
        '  appId: "«appid»",\n'
        "};\n"
        "\n"
        "export const app = initializeApp(firebaseConfig);\n"
        "export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? «q»«oa»«q» });\n"
        "\n"
        "export async function listRuns(token: string) {\n"
        "  return fetch(`${BASE}/runs`, { headers: { Authorization: `Bearer ${token}` } });\n"
        "}\n"
        "const anthropicKey = «q»«ak»«q»;\n",
        fb=Sec("google_api_key", "AIza" + rs(r, B64URL, 35), True),
        proj=r.choice(PROJECTS) + "-prod",
        appid=Keep(f"1:{rs(r, DIGITS, 12)}:web:{rs(r, HEX, 22)}"),
        q=r.choice(['"', "'", "`"]),
        oa=Sec("llm_api_key", openai_key(r), True),
        ak=Sec("llm_api_key", anthropic_key(r), True),
    )
    return file_read(r, "src/lib/clients.ts", body)


def doc_go_java_rust(r: random.Random) -> Parts:
    lang = r.randrange(3)
    u, h = user(r), host(r)
    if lang == 0:
        body = fill(
            "package store\n"
            "\n"
            "func Open() (*sql.DB, error) {\n"
            '\tdsn := "postgres://«u»:«pw»@«h»:5432/orders?sslmode=require"\n'
            '\treturn sql.Open("pgx", dsn)\n'
            "}\n"
            "\n"
            "var slackClient = slack.New(«q»«sl»«q»)\n"
            'var cfg = Config{Password: "«p2»", User: "«u2»"}\n',
            u=Keep(u),
            pw=Sec("url_credential", password(r, url_safe=True)),
            h=Keep(h),
            q=r.choice(['"', "`"]),
            sl=Sec("slack_token", slack_token(r), True),
            p2=Sec("generic_secret", password(r)),
            u2=Keep(user(r) + "_svc"),
        )
        return file_read(r, "internal/store/db.go", body)
    if lang == 1:
        body = fill(
            "spring.application.name=«app»\n"
            "spring.datasource.url=jdbc:mysql://«h»:3306/shop?useSSL=true\n"
            "spring.datasource.username=«u»\n"
            "spring.datasource.password=«pw»\n"
            "spring.mail.username=«mu»\n"
            "spring.mail.password=«mp»\n"
            "app.jwt.secret=«js»\n"
            "management.endpoints.web.exposure.include=health,info\n",
            app=Keep(r.choice(PROJECTS)),
            h=Keep(h),
            u=Keep(u),
            pw=Sec("generic_secret", password(r)),
            mu=Sec("email", email(r)),
            mp=Sec("generic_secret", rs(r, LOWER, 16)),
            js=Sec("generic_secret", b64(rbytes(r, 32))),
        )
        return file_read(r, "src/main/resources/application-prod.properties", body)
    body = fill(
        "use reqwest::header;\n"
        "\n"
        'const HF_TOKEN: &str = "«hf»";\n'
        'const BUCKET: &str = "«bucket»";\n'
        "\n"
        "fn client() -> reqwest::Client {\n"
        "    let mut h = header::HeaderMap::new();\n"
        '    h.insert("x-api-key", header::HeaderValue::from_static("«xk»"));\n'
        '    let secret_access_key = "«sak»";\n'
        "    reqwest::Client::builder().default_headers(h).build().unwrap()\n"
        "}\n",
        hf=Sec("registry_token", hf_token(r), True),
        bucket=Keep(r.choice(PROJECTS) + "-artifacts"),
        xk=Sec("generic_secret", rs(r, ALNUM, 40)),
        sak=Sec("aws_secret_key", aws_secret(r)),
    )
    return file_read(r, "src/client.rs", body)


def doc_compose(r: random.Random) -> Parts:
    img = digest(r)
    body = fill(
        "services:\n"
        "  db:\n"
        "    image: postgres:16@«img»\n"
        "    environment:\n"
        "      POSTGRES_USER: «u»\n"
        "      POSTGRES_PASSWORD: «pw»\n"
        "  mysql:\n"
        "    image: mysql:8.4\n"
        "    environment:\n"
        "      - MYSQL_ROOT_PASSWORD=«mp»\n"
        "  worker:\n"
        "    build: .\n"
        "    environment:\n"
        '      AWS_ACCESS_KEY_ID: "«kid»"\n'
        '      AWS_SECRET_ACCESS_KEY: "«sec»"\n'
        "      AWS_SESSION_TOKEN: «tok»\n"
        "      OPENAI_API_KEY: ${OPENAI_API_KEY}\n"
        "    volumes:\n"
        "      - «vol»:/data\n",
        img=Keep(img),
        u=Keep(user(r)),
        pw=Sec("generic_secret", password(r, url_safe=True)),
        mp=Sec("generic_secret", password(r, url_safe=True)),
        kid=Sec("aws_key_id", aws_key_id(r), True),
        sec=Sec("aws_secret_key", aws_secret(r)),
        tok=Sec("aws_secret_key", aws_session_token(r)),
        vol=Keep("./var/worker"),
    )
    return file_read(r, "docker-compose.override.yml", body)


def doc_ini_files(r: random.Random) -> Parts:
    return fill(
        "$ cat ~/.aws/credentials\n"
        "[default]\n"
        "aws_access_key_id = «k1»\n"
        "aws_secret_access_key = «s1»\n"
        "\n"
        "[«prof»]\n"
        "aws_access_key_id=«k2»\n"
        "aws_secret_access_key=«s2»\n"
        "region = «reg»\n"
        "$ cat ~/.pypirc\n"
        "[distutils]\n"
        "index-servers = pypi\n"
        "[pypi]\n"
        "username = «tu»\n"
        "password = «pp»\n"
        "$ cat ~/.netrc\n"
        "machine «mh» login «ml» password «mpw»\n",
        k1=Sec("aws_key_id", aws_key_id(r), True),
        s1=Sec("aws_secret_key", aws_secret(r)),
        prof=Keep(r.choice(["staging", "prod-admin", "sandbox"])),
        k2=Sec("aws_key_id", aws_key_id(r), True),
        s2=Sec("aws_secret_key", aws_secret(r)),
        reg=Keep("eu-west-1"),
        tu=Keep("__token__"),
        pp=Sec("registry_token", pypi_token(r), True),
        mh=Keep(r.choice(["api.heroku.com", "git.fernwood.dev", "nexus.corp.lan"])),
        ml=Keep(r.choice(["heroku-ops", "deploy", "jenkins"])),
        mpw=Sec("generic_secret", r.choice([token_hex(r, 36), password(r)])),
    )


def doc_shell_history(r: random.Random) -> Parts:
    lines: list[Parts] = [
        fill(
            "mysql -h «h» -u «u» -p«pw» shop -e 'select count(*) from orders'\n",
            h=Keep(host(r)),
            u=Keep(user(r)),
            pw=Sec("cli_password", rs(r, ALNUM + "_", 14)),
        ),
        fill(
            "PGPASSWORD=«pw» psql -h «h» -U «u» -d analytics -c '\\dt'\n",
            pw=Sec("cli_password", password(r, url_safe=True)),
            h=Keep(host(r)),
            u=Keep(user(r)),
        ),
        fill(
            "sshpass -p '«pw»' ssh «u»@«h» uptime\n",
            pw=Sec("cli_password", password(r)),
            u=Keep(user(r)),
            h=Keep("bastion.fernwood.dev"),
        ),
        fill(
            "redis-cli -h «h» -a «pw» --no-auth-warning INFO keyspace\n",
            h=Keep("redis-cache-01"),
            pw=Sec("cli_password", rs(r, ALNUM, 24)),
        ),
        fill(
            "docker login registry.fernwood.dev -u «u» --password «pw»\n",
            u=Keep("ci-bot"),
            pw=Sec("cli_password", password(r, url_safe=True)),
        ),
        fill(
            "openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout pass:«pw»\n",
            pw=Sec("cli_password", password(r, url_safe=True)),
        ),
        fill(
            "mongodump --uri='mongodb+srv://«u»:«pw»@«h»/prod' --out /tmp/dump\n",
            u=Keep(user(r)),
            pw=Sec("url_credential", password(r, url_safe=True)),
            h=Keep("cluster0." + rs(r, LOWER + DIGITS, 5) + ".mongodb.net"),
        ),
        fill(
            "curl -u «u»:«pw» https://ci.fernwood.dev/job/nightly/lastBuild/consoleText\n",
            u=Keep("admin"),
            pw=Sec("cli_password", password(r, url_safe=True)),
        ),
        fill(
            "mysqldump --user=«u» --password=«pw» --single-transaction shop > shop.sql\n",
            u=Keep(user(r)),
            pw=Sec("cli_password", password(r, url_safe=True)),
        ),
        fill(
            "htpasswd -b -c /etc/nginx/.htpasswd «u» «pw»\n",
            u=Keep("grafana"),
            pw=Sec("cli_password", password(r, url_safe=True)),
        ),
        fill("git log --oneline -3 «ref»\n", ref=Keep(sha(r, 7))),
        fill("cd «p» && make test\n", p=Keep("~/src/" + r.choice(PROJECTS))),
    ]
    picked = r.sample(lines, r.randrange(4, 7))
    out: Parts = ["$ history | tail -n 40\n"]
    n = r.randrange(300, 900)
    for i, ln in enumerate(picked):
        out.append(f" {n + i}  ")
        out.extend(ln)
    return out


def doc_app_log(r: random.Random) -> Parts:
    out: Parts = [r.choice(["$ tail -n 12 logs/app.log\n", "$ docker compose logs --tail 12 api\n"])]
    for _ in range(r.randrange(2, 5)):
        ts, rid = Keep(stamp(r)), Keep(uuid4(r))
        kind = r.randrange(6)
        if kind == 0:
            out += fill(
                '{"ts":"«ts»","level":"info","msg":"signup","request_id":"«rid»","email":"«e»","phone":"«p»"}\n',
                ts=ts,
                rid=rid,
                e=Sec("email", email(r)),
                p=Sec("phone", phone(r)),
            )
        elif kind == 1:
            out += fill(
                "«ts» INFO  [«rid»] GET /api/v1/reset?email=«e»&token=«t» 302 12ms\n",
                ts=ts,
                rid=rid,
                e=Sec("email", email(r).replace("@", "%40")),
                t=Sec("url_credential", b64url(rbytes(r, 24))),
            )
        elif kind == 2:
            out += fill(
                "«ts» WARN  kyc.verify: mismatch for applicant «rid» ssn=«s» dob=19«y»-0«m»-1«d»\n",
                ts=ts,
                rid=rid,
                s=Sec("ssn", ssn(r)),
                y=str(r.randrange(50, 99)),
                m=str(r.randrange(1, 9)),
                d=str(r.randrange(0, 9)),
            )
        elif kind == 3:
            out += fill(
                "«ts» DEBUG httpx: HTTP Request: POST https://api.openai.com/v1/chat/completions "
                '"HTTP/1.1 200 OK" headers={«q»authorization«q»: «q»Bearer «k»«q»}\n',
                ts=ts,
                q="'",
                k=Sec("llm_api_key", openai_key(r), True),
            )
        elif kind == 4:
            out += fill(
                "«ts» ERROR notifier: twilio send failed to=«p» from=«f» status=400 code=21211\n",
                ts=ts,
                p=Sec("phone", phone(r)),
                f=Sec("phone", phone(r)),
            )
        else:
            out += fill(
                "«ts» INFO  auth: login ok user=«e» session=«s» ip=203.0.113.«o»\n",
                ts=ts,
                e=Sec("email", email(r)),
                s=Sec("cookie", rs(r, LOWER + DIGITS, 32)),
                o=str(r.randrange(1, 254)),
            )
    return out


def doc_access_log(r: random.Random) -> Parts:
    out: Parts = ["$ sudo tail -n 6 /var/log/nginx/access.log\n"]
    for _ in range(r.randrange(3, 6)):
        ip = f"{r.randrange(11, 199)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"
        when = f"[03/Dec/2026:{r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d} +0000]"
        kind = r.randrange(4)
        if kind == 0:
            q = fill(
                "/download/report.pdf?access_token=«t»&u=«e»",
                t=Sec("url_credential", token_hex(r, 40)),
                e=Sec("email", email(r).replace("@", "%40")),
            )
        elif kind == 1:
            q = fill(
                "/api/maps/geocode?key=«k»&address=1600+Main+St", k=Sec("google_api_key", google_key(r), True)
            )
        elif kind == 2:
            q = fill(
                "/webhooks/ingest?sig=«s»&ts=«ts»",
                s=Sec("url_credential", b64url(rbytes(r, 32))),
                ts=Keep(str(1_796_000_000 + r.randrange(10**6))),
            )
        else:
            q = fill("/static/app.«h».js", h=Keep(sha(r, 20)))
        out += [
            f"{ip} - - ",
            Keep(when),
            ' "GET ',
            *q,
            ' HTTP/1.1" 200 ',
            str(r.randrange(200, 90000)),
            ' "-" "Mozilla/5.0"\n',
        ]
    return out


def doc_csv_pii(r: random.Random) -> Parts:
    out: Parts = [
        "$ head -n 6 exports/customers_2026-11.csv\n",
        "id,first_name,last_name,email,phone,ssn,created_at\n",
    ]
    for _ in range(r.randrange(2, 4)):
        who = person(r)
        out += fill(
            "«id»,«f»,«l»,«e»,«p»,«s»,«ts»\n",
            id=Keep(uuid4(r)),
            f=who[0].title(),
            l=who[1].title(),
            e=Sec("email", email(r, who)),
            p=Sec("phone", phone(r)),
            s=Sec("ssn", ssn(r)),
            ts=Keep(stamp(r)),
        )
    return out


def doc_psql_table(r: random.Random) -> Parts:
    out: Parts = [
        "$ psql -h localhost -U app -d crm -c 'select id, email, phone, tax_id from contacts limit 4'\n",
        "  id   |            email             |       phone        |   tax_id\n",
        "-------+------------------------------+--------------------+-------------\n",
    ]
    n = r.randrange(2, 4)
    for _ in range(n):
        out += fill(
            " «id» | «e» | «p» | «s»\n",
            id=Keep(str(r.randrange(10000, 99999))),
            e=Sec("email", email(r)),
            p=Sec("phone", phone(r)),
            s=Sec("ssn", ssn(r)),
        )
    out.append(f"({n} rows)\n")
    return out


def doc_signed_urls(r: random.Random) -> Parts:
    bucket = r.choice(PROJECTS) + "-exports"
    date = f"2026{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
    return fill(
        f"$ aws s3 presign s3://{bucket}/reports/q4.parquet --expires-in 3600\n"
        f"https://{bucket}.s3.amazonaws.com/reports/q4.parquet?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential=«kid»%2F{date}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date={date}T101500Z"
        "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=«tok»&X-Amz-Signature=«sig»\n"
        f"$ az storage blob generate-sas --account-name {bucket.replace('-', '')} -c backups -n db.bak "
        "--permissions r --expiry 2026-12-31 -o tsv\n"
        "se=2026-12-31&sp=r&sv=2022-11-02&sr=b&sig=«azsig»\n"
        "$ gcloud storage sign-url gs://«gb»/model.bin --duration=10m --private-key-file=sa.json\n"
        "https://storage.googleapis.com/«gb»/model.bin?x-goog-signature=«gsig»&x-goog-algorithm=GOOG4-RSA-SHA256\n"
        "$ python sign.py --cdn\n"
        "https://d111111abcdef8.cloudfront.net/video.mp4?Expires=«exp»&Signature=«cfsig»&Key-Pair-Id=«kp»\n",
        kid=Sec("aws_key_id", "ASIA" + rs(r, BASE32, 16), True),
        tok=Sec("aws_secret_key", aws_session_token(r).replace("+", "%2B").replace("/", "%2F")),
        sig=Sec("url_credential", token_hex(r, 64)),
        azsig=Sec(
            "url_credential", b64(rbytes(r, 32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        ),
        gb=Keep(r.choice(PROJECTS) + "-models"),
        gsig=Sec("url_credential", token_hex(r, 512)),
        exp=Keep(str(1_796_000_000 + r.randrange(10**6))),
        cfsig=Sec(
            "url_credential", b64(rbytes(r, 128)).replace("+", "-").replace("=", "_").replace("/", "~")
        ),
        kp=Keep("K" + rs(r, UPPER + DIGITS, 13)),
    )


def doc_slack(r: random.Random) -> Parts:
    hook = rs(r, ALNUM, 24)
    return fill(
        "$ python scripts/notify.py --channel '#deploys'\n"
        "Traceback (most recent call last):\n"
        '  File "«path»", line 41, in <module>\n'
        "    client.chat_postMessage(channel=args.channel, text=msg)\n"
        "slack_sdk.errors.SlackApiError: The request to the Slack API failed. (url: https://slack.com/api/"
        "chat.postMessage)\n"
        "The server responded with: {'ok': False, 'error': 'not_in_channel'}\n"
        "$ grep -rn 'hooks.slack.com\\|xox' config/\n"
        "config/alerts.yaml:12:  webhook: https://hooks.slack.com/services/«tb»/«hook»\n"
        'config/bot.toml:3:token = "«tok»"\n'
        'config/bot.toml:4:signing_secret = "«ss»"\n',
        tb=f"T0{rs(r, UPPER + DIGITS, 8)}/B0{rs(r, UPPER + DIGITS, 9)}",
        path=Keep("/home/dev/src/ops/scripts/notify.py"),
        hook=Sec("slack_token", hook),
        tok=Sec("slack_token", slack_token(r), True),
        ss=Sec("generic_secret", token_hex(r, 32)),
    )


def doc_git_remote(r: random.Random) -> Parts:
    tok = forge_token(r)
    domain = "github.com" if tok.startswith(("gh", "github")) else "gitlab.com"
    login = "x-access-token" if domain == "github.com" else "oauth2"
    repo = f"{r.choice(PROJECTS)}/{r.choice(PROJECTS)}"
    return fill(
        "$ git remote get-url origin\n"
        "https://«login»:«tok»@«dom»/«repo».git\n"
        "$ git log --oneline -4\n"
        "«s1» (HEAD -> main, origin/main) Pin actions to SHAs\n"
        "«s2» Retry flaky upload step\n"
        "«s3» Merge pull request #«pr» from «dev»/fix-cache\n"
        "«s4» Bump actions/checkout from 4.1.7 to 4.2.2\n"
        "$ git push origin HEAD\n"
        "To «dom»:«repo».git\n"
        "   «s5»..«s6»  main -> main\n",
        login=Keep(login),
        tok=Sec("forge_token", tok, True),
        dom=Keep(domain),
        repo=Keep(repo),
        s1=Keep(sha(r, 7)),
        s2=Keep(sha(r, 7)),
        s3=Keep(sha(r, 7)),
        s4=Keep(sha(r, 7)),
        pr=str(r.randrange(100, 4000)),
        dev=r.choice(FIRST),
        s5=Keep(sha(r, 7)),
        s6=Keep(sha(r, 7)),
    )


def doc_jwt_debug(r: random.Random) -> Parts:
    access, refresh = jwt(r), jwt(r)
    return fill(
        "$ pytest tests/test_auth.py -x -q\n"
        "F\n"
        "=================================== FAILURES ===================================\n"
        "____________________________ test_refresh_rotates ______________________________\n"
        "\n"
        "    def test_refresh_rotates(client):\n"
        '>       assert resp.json()["token_type"] == "bearer"\n'
        "E       AssertionError: assert 'Bearer' == 'bearer'\n"
        "E         resp.json() = {'access_token': '«a»', 'refresh_token': '«b»', 'token_type': 'Bearer', "
        "'expires_in': 3600, 'user_id': '«uid»'}\n"
        "\n"
        "tests/test_auth.py:88: AssertionError\n"
        "FAILED tests/test_auth.py::test_refresh_rotates - AssertionError\n"
        "1 failed, 14 passed in «t»s\n",
        a=Sec("jwt", access),
        b=Sec("jwt", refresh),
        uid=Keep(uuid4(r)),
        t=Keep(f"{r.randrange(1, 9)}.{r.randrange(10, 99)}"),
    )


def doc_sdk_traceback(r: random.Random) -> Parts:
    key = llm_key(r)
    masked = key[:8] + "*" * 12 + key[-4:]
    who = "openai" if key.startswith("sk-") and not key.startswith("sk-ant") else "anthropic"
    return fill(
        "$ python eval/run.py --model gpt-4.1 --limit 5\n"
        "Traceback (most recent call last):\n"
        '  File "/home/dev/eval/run.py", line 57, in <module>\n'
        "    main()\n"
        '  File "/home/dev/eval/run.py", line 31, in main\n'
        "    client = make_client(api_key=«q»«key»«q», base_url=BASE)\n"
        f"{who}.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: "
        "«masked». You can find your API key at https://platform.openai.com/account/api-keys.', "
        "'type': 'invalid_request_error', 'code': 'invalid_api_key'}}\n"
        "╭───────────────── locals ─────────────────╮\n"
        "│ api_key = «q»«k2»«q» │\n"
        "│   retry = 3                               │\n"
        "╰──────────────────────────────────────────╯\n",
        q="'",
        key=Sec("llm_api_key", key, True),
        masked=Keep(masked),
        k2=Sec("llm_api_key", llm_key(r), True),
    )


def doc_git_log_authors(r: random.Random) -> Parts:
    out: Parts = ["$ git log -2 --format=fuller\n"]
    for _ in range(2):
        a, c = person(r), person(r)
        out += fill(
            "commit «sha»\n"
            "Author:     «an» <«ae»>\n"
            "AuthorDate: Thu Dec 3 1«h»:0«m»:22 2026 +0100\n"
            "Commit:     GitHub <noreply@github.com>\n"
            "CommitDate: Thu Dec 3 1«h»:1«m»:05 2026 +0100\n"
            "\n"
            "    Fix rounding in invoice totals\n"
            "\n"
            "    Co-authored-by: «cn» <«ce»>\n"
            "\n",
            sha=Keep(sha(r)),
            an=f"{a[0].title()} {a[1].title()}",
            ae=Sec("email", email(r, a)),
            h=str(r.randrange(0, 9)),
            m=str(r.randrange(0, 9)),
            cn=f"{c[0].title()} {c[1].title()}",
            ce=Sec("email", email(r, c)),
        )
    return out


def doc_contacts_html(r: random.Random) -> Parts:
    p1, p2 = phone(r), phone(r)
    digits = re.sub(r"\D", "", p1)
    tel = "+" + ("1" + digits if len(digits) == 10 else digits)
    return fill(
        "$ grep -n -A3 'contact' templates/footer.html\n"
        '41:<section class="contact">\n'
        '42:  <a href="tel:«tel»">Call us</a> · <a href="mailto:«e»">Write to us</a>\n'
        "43:  <p>Emergency line (24/7): «p2»</p>\n"
        '44:  <p>Press: <a href="mailto:«press»">«press»</a></p>\n',
        tel=Sec("phone", tel),
        e=Sec("email", email(r)),
        p2=Sec("phone", p2),
        press=Keep("press@example.org"),
    )


def doc_npm_yarn(r: random.Random) -> Parts:
    gh = "ghp_" + (b := rs(r, ALNUM, 30)) + crc_base62(b)
    return fill(
        "$ cat .npmrc .yarnrc.yml\n"
        "@«scope»:registry=https://npm.pkg.github.com\n"
        "//npm.pkg.github.com/:_authToken=«gh»\n"
        "//registry.npmjs.org/:_authToken=«npm»\n"
        "always-auth=true\n"
        "nodeLinker: node-modules\n"
        "npmRegistries:\n"
        '  "https://npm.fernwood.dev":\n'
        '    npmAuthToken: "«yt»"\n'
        '    npmAuthIdent: "«ident»"\n'
        "yarnPath: .yarn/releases/yarn-«ver».cjs\n",
        scope=Keep(r.choice(PROJECTS)),
        gh=Sec("forge_token", gh, True),
        npm=Sec("registry_token", npm_token(r), True),
        yt=Sec("generic_secret", uuid4(r).replace("-", "") + rs(r, HEX, 8)),
        ident=Sec("generic_secret", b64(f"{user(r)}:{password(r)}".encode())),
        ver=Keep("4.5.3"),
    )


def doc_hf_login(r: random.Random) -> Parts:
    return fill(
        "$ huggingface-cli login --token «t1» --add-to-git-credential\n"
        "Token is valid (permission: write).\n"
        "Your token has been saved in your configured git credential helpers (store).\n"
        "Your token has been saved to /home/dev/.cache/huggingface/token\n"
        "Login successful\n"
        '$ python -c "from huggingface_hub import whoami; print(whoami())"\n'
        "{'type': 'user', 'name': '«hn»', 'email': '«e»', 'auth': {'accessToken': {'displayName': 'laptop', "
        "'role': 'write'}}}\n"
        "$ cat ~/.git-credentials\n"
        "https://«hn»:«t2»@huggingface.co\n",
        t1=Sec("registry_token", hf_token(r), True),
        hn=Keep(r.choice(FIRST) + str(r.randrange(10, 99))),
        e=Sec("email", email(r)),
        t2=Sec("registry_token", hf_token(r), True),
    )


def doc_stripe_cli(r: random.Random) -> Parts:
    return fill(
        "$ stripe listen --forward-to localhost:4242/webhook --api-key «sk»\n"
        "> Ready! You are using Stripe API Version [2024-06-20]. Your webhook signing secret is «wh» (^C to quit)\n"
        "«ts»   --> customer.created [«evt»]\n"
        "«ts2»  <--  [200] POST http://localhost:4242/webhook [«evt2»]\n"
        "$ curl https://api.stripe.com/v1/balance -u «rk»:\n"
        '{"object": "balance", "livemode": true, "available": [{"amount": 0, "currency": "usd"}]}\n',
        sk=Sec("stripe_key", stripe_key(r, "sk"), True),
        wh=Sec("stripe_key", stripe_key(r, "whsec"), True),
        ts=Keep(stamp(r).replace("T", " ")[:-1]),
        evt=Keep("evt_" + rs(r, ALNUM, 24)),
        ts2=Keep(stamp(r).replace("T", " ")[:-1]),
        evt2=Keep("evt_" + rs(r, ALNUM, 24)),
        rk=Sec("stripe_key", stripe_key(r, "rk"), True),
    )


def doc_docker_build(r: random.Random) -> Parts:
    return fill(
        "$ docker build --progress=plain -t api:dev .\n"
        "#5 [internal] load metadata for docker.io/library/python:3.12-slim\n"
        "#5 DONE 0.6s\n"
        "#7 [2/8] RUN pip install --index-url https://«u»:«pw»@pkgs.fernwood.dev/simple -r requirements.txt\n"
        "#7 1.204 Looking in indexes: https://«u2»:****@pkgs.fernwood.dev/simple\n"
        '#9 [4/8] RUN echo "SENTRY_DSN=https://«dsn»@o«org».ingest.sentry.io/«pid»" >> /app/.env\n'
        "#9 DONE 0.1s\n"
        "#11 [6/8] RUN npm config set //registry.npmjs.org/:_authToken «npm»\n"
        "#12 exporting to image\n"
        "#12 writing image «img» done\n"
        "#12 naming to docker.io/library/api:dev done\n",
        u=Keep("ci"),
        pw=Sec("url_credential", password(r, url_safe=True)),
        u2=Keep("ci"),
        dsn=Sec("url_credential", token_hex(r, 32)),
        org=str(r.randrange(100000, 999999)),
        pid=str(r.randrange(1000000, 9999999)),
        npm=Sec("registry_token", npm_token(r), True),
        img=Keep(digest(r)),
    )


def doc_xml_configs(r: random.Random) -> Parts:
    return fill(
        "$ cat ~/.m2/settings.xml\n"
        "<settings>\n"
        "  <servers>\n"
        "    <server>\n"
        "      <id>«sid»</id>\n"
        "      <username>«u»</username>\n"
        "      <password>«pw»</password>\n"
        "    </server>\n"
        "  </servers>\n"
        "</settings>\n"
        "$ grep -n connectionString Web.config\n"
        '14:    <add name="Default" connectionString="Server=«h»;Database=Billing;User Id=«u2»;Password=«p2»;'
        'TrustServerCertificate=True" providerName="System.Data.SqlClient" />\n'
        "$ grep -n ClearTextPassword NuGet.Config\n"
        '9:      <add key="ClearTextPassword" value="«p3»" />\n',
        sid=Keep("fernwood-releases"),
        u=Keep("deploy"),
        pw=Sec("generic_secret", password(r)),
        h=Keep("sql-billing.corp.lan,1433"),
        u2=Keep("sa"),
        p2=Sec("generic_secret", password(r, url_safe=True)),
        p3=Sec("forge_token", gh_token(r), True),
    )


def doc_onboarding(r: random.Random) -> Parts:
    a = person(r)
    return fill(
        "$ pdftotext -layout «fn» - | head -20\n"
        "                        EMPLOYEE ONBOARDING FORM\n"
        "Full name: «name»                 Start date: 2026-01-«d»\n"
        "Social Security Number: «s»\n"
        "Home phone: «p»\n"
        "Personal e-mail: «e»\n"
        "Emergency contact: «ec» («rel»), «p3»\n"
        "Spouse SSN (for benefits): «s2»\n",
        fn=Keep(f"hr/onboarding/{a[1]}_{a[0]}.pdf"),
        name=f"{a[0].title()} {a[1].title()}",
        d=f"{r.randrange(10, 28)}",
        s=Sec("ssn", ssn(r)),
        p=Sec("phone", phone(r)),
        e=Sec("email", email(r, a)),
        ec=" ".join(x.title() for x in person(r)),
        rel=r.choice(["mother", "partner", "brother"]),
        p3=Sec("phone", phone(r)),
        s2=Sec("ssn", ssn(r)),
    )


def doc_generic_configs(r: random.Random) -> Parts:
    fmt = r.randrange(4)
    if fmt == 0:
        body = fill(
            "[server]\n"
            'listen = "0.0.0.0:8080"\n'
            "\n"
            "[database]\n"
            'url = "postgresql://«u»@«h»/app"\n'
            'password = "«pw»"\n'
            "\n"
            "[auth]\n"
            'client_id = "«cid»"\n'
            'client_secret = "«cs»"\n'
            "signing_key = '«sk»'\n",
            u=Keep(user(r)),
            h=Keep(host(r)),
            pw=Sec("generic_secret", password(r)),
            cid=Keep(uuid4(r)),
            cs=Sec("generic_secret", rs(r, B64URL, 40)),
            sk=Sec("generic_secret", token_hex(r, 64)),
        )
        return file_read(r, "config/production.toml", body)
    if fmt == 1:
        body = fill(
            'variable "region" { default = "«reg»" }\n'
            "\n"
            'provider "datadog" {\n'
            '  api_key = "«dk»"\n'
            '  app_key = "«ak»"\n'
            "}\n"
            "\n"
            'resource "random_password" "db" { length = 24 }\n'
            'db_admin_password = "«pw»"\n',
            reg=Keep(r.choice(["eu-west-1", "us-west-2"])),
            dk=Sec("generic_secret", token_hex(r, 32)),
            ak=Sec("generic_secret", token_hex(r, 40)),
            pw=Sec("generic_secret", password(r)),
        )
        return file_read(r, "infra/main.tf", body)
    if fmt == 2:
        body = fill(
            "production:\n"
            "  adapter: postgresql\n"
            "  host: «h»\n"
            "  username: «u»\n"
            '  password: <%= ENV.fetch("DB_PASSWORD") { "«pw»" } %>\n'
            "  secret_key_base: «skb»\n"
            "smtp:\n"
            "  user_name: «e»\n"
            "  password: '«sp»'\n",
            h=Keep(host(r)),
            u=Keep(user(r)),
            pw=Sec("generic_secret", password(r)),
            skb=Sec("generic_secret", token_hex(r, 128)),
            e=Sec("email", email(r)),
            sp=Sec("generic_secret", password(r)),
        )
        return file_read(r, "config/database.yml", body)
    body = fill(
        "[client]\n"
        "user = «u»\n"
        "password = «pw»\n"
        "host = «h»\n"
        "\n"
        "[ldap]\n"
        "bind_dn = cn=«u2»,ou=services,dc=fernwood,dc=dev\n"
        "bind_pw = «bp»\n"
        "api-token: «tok»\n",
        u=Keep(user(r)),
        pw=Sec("generic_secret", password(r)),
        h=Keep(host(r)),
        u2=Keep("svc-ldap"),
        bp=Sec("generic_secret", password(r)),
        tok=Sec("generic_secret", rs(r, ALNUM, 32)),
    )
    return file_read(r, "~/.my.cnf", body)


def doc_auth_headers(r: random.Random) -> Parts:
    u = user(r)
    basic = b64(f"{u}:{password(r)}".encode())
    kid = aws_key_id(r)
    date = f"2026{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
    return fill(
        "$ mitmproxy -r «flows» --showhost -n | grep -i -E 'authorization|x-api-key'\n"
        "Authorization: Basic «basic»\n"
        "Proxy-Authorization: Basic «pb»\n"
        "authorization: AWS4-HMAC-SHA256 Credential=«kid»/«date»/eu-west-1/execute-api/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=«sig»\n"
        'Authorization: Digest username="«u»", realm="«realm»", nonce="«nonce»", uri="/admin", '
        'response="«resp»", qop=auth, nc=00000001, cnonce="«cn»"\n'
        "Authorization: Bearer «ya»\n"
        "Authorization: Bearer «jw»\n"
        "Authorization: Bearer ${GITHUB_TOKEN}\n",
        basic=Sec("auth_header", basic),
        pb=Sec("auth_header", b64(f"proxyuser:{password(r)}".encode())),
        kid=Sec("aws_key_id", kid, True),
        date=date,
        sig=Sec("auth_header", token_hex(r, 64)),
        u=u,
        realm="Restricted Area",
        flows=Keep("flows-2026-12-03.mitm"),
        nonce=token_hex(r, 32),
        resp=Sec("auth_header", token_hex(r, 32)),
        cn=rs(r, HEX, 16),
        ya=Sec("auth_header", "ya29." + rs(r, B64URL, 150)),
        jw=Sec("jwt", jwt(r, "https://login.microsoftonline.com/" + uuid4(r) + "/v2.0")),
    )


def doc_cookie_jar(r: random.Random) -> Parts:
    exp = str(1_796_000_000 + r.randrange(10**7))
    dom = r.choice(["app.kitehawk.io", "console.fernwood.dev", "shop.orderly.co"])
    return fill(
        "$ cat cookies.txt\n"
        "# Netscape HTTP Cookie File\n"
        "# https://curl.se/docs/http-cookies.html\n"
        "\n"
        "#HttpOnly_«dom»\tFALSE\t/\tTRUE\t«exp»\tsessionid\t«sid»\n"
        "«dom»\tFALSE\t/\tFALSE\t«exp2»\ttheme\tdark\n"
        "$ curl -s -b 'csrftoken=«csrf»; remember_token=«rt»' https://«dom2»/api/me | jq .email\n"
        '"«e»"\n'
        "$ grep -i set-cookie response.txt\n"
        "Set-Cookie: _gitlab_session=«gs»; «attrs»\n"
        "Set-Cookie: PHPSESSID=«php»; «attrs2»\n"
        "Set-Cookie: id_token=«idt»; «attrs3»\n",
        dom=Keep(dom),
        exp=Keep(exp),
        sid=Sec("cookie", rs(r, LOWER + DIGITS, 32)),
        exp2=exp[:-1] + "7",
        csrf=rs(r, ALNUM, 32),
        rt=Sec("cookie", f"{r.randrange(1000, 99999)}|" + rs(r, ALNUM, 60)),
        dom2=dom,
        e=Sec("email", email(r)),
        gs=Sec("cookie", token_hex(r, 32)),
        attrs=Keep("path=/; expires=Fri, 04 Dec 2026 09:12:41 GMT; secure; HttpOnly; SameSite=None"),
        php=Sec("cookie", rs(r, LOWER + DIGITS, 26)),
        attrs2=Keep("path=/; HttpOnly"),
        idt=Sec("jwt", jwt(r)),
        attrs3=Keep("Path=/; Secure; SameSite=Strict"),
    )


def doc_misc_vendor(r: random.Random) -> Parts:
    """Vendor tokens where rule writers look less: CLI flags, Python kwargs, Ruby, a Makefile, a comment."""
    return fill(
        "$ rg -n --hidden -e 'token|key' --glob '!*.lock' .\n"
        "Makefile:7:\tgh release create v«v» --repo «repo» # GH_TOKEN=«gh»\n"
        "scripts/seed.rb:3:Twilio::REST::Client.new(ENV['TWILIO_SID'], '«tw»')\n"
        "scripts/seed.rb:4:SendGrid::API.new(api_key: '«sg»')\n"
        'notebooks/explore.ipynb:212:    "client = Anthropic(api_key=\\"«ak»\\")\\n",\n'
        '.github/workflows/release.yml:31:        run: echo "«gl»" | glab auth login --stdin\n'
        "tests/fixtures/env.txt:2:GOOGLE_API_KEY=«gk»\n"
        'tests/conftest.py:9:    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")\n',
        v=Keep(version(r)),
        repo=Keep(f"{r.choice(PROJECTS)}/cli"),
        gh=Sec("forge_token", gh_token(r), True),
        tw=Sec("messaging_token", twilio_key(r), True),
        sg=Sec("messaging_token", sendgrid_key(r), True),
        ak=Sec("llm_api_key", anthropic_key(r), True),
        gl=Sec("forge_token", gl_token(r), True),
        gk=Sec("google_api_key", google_key(r), True),
    )


def azure_secret(r: random.Random) -> str:
    """An Entra ID client secret: three characters, a `Q~` marker after a digit, then 34 more."""
    return rs(r, ALNUM, 3) + str(r.randrange(10)) + "Q~" + rs(r, ALNUM + "_~.-", 34)


def doc_key_rotation_diff(r: random.Random) -> Parts:
    kinds: list[tuple[str, str, Callable[[random.Random], str]]] = [
        ("stripe_key", "STRIPE_SECRET_KEY", lambda q: stripe_key(q, "sk")),
        ("llm_api_key", "OPENAI_API_KEY", openai_key),
        ("messaging_token", "SENDGRID_API_KEY", sendgrid_key),
        ("forge_token", "GH_PAT", gh_token),
    ]
    kind, name, gen = r.choice(kinds)
    return fill(
        "$ git show «sha» -- config/secrets.env\n"
        "commit «sha2»\n"
        "Author: «an» <«ae»>\n"
        "Date:   «date»\n"
        "\n"
        "    Rotate keys after the leak report\n"
        "\n"
        "diff --git a/config/secrets.env b/config/secrets.env\n"
        "index «i1»..«i2» 100644\n"
        "--- a/config/secrets.env\n"
        "+++ b/config/secrets.env\n"
        "@@ -3,7 +3,7 @@ APP_ENV=production\n"
        " LOG_LEVEL=info\n"
        "-«name»=«old»\n"
        "+«name»=«new»\n"
        "-ADMIN_PASSWORD=«op»\n"
        "+ADMIN_PASSWORD=«np»\n"
        " FEATURE_FLAGS=beta-checkout,new-search\n",
        sha=Keep(sha(r, 10)),
        sha2=Keep(sha(r)),
        an=f"{(who := person(r))[0].title()} {who[1].title()}",
        ae=Sec("email", email(r, who)),
        date=Keep("Wed Dec 2 17:41:09 2026 -0800"),
        i1=Keep(sha(r, 7)),
        i2=Keep(sha(r, 7)),
        name=name,
        old=Sec(kind, gen(r), True),
        new=Sec(kind, gen(r), True),
        op=Sec("generic_secret", password(r)),
        np=Sec("generic_secret", password(r)),
    )


def doc_windows_shell(r: random.Random) -> Parts:
    return fill(
        'PS C:\\Users\\«wu»\\src\\api> $env:ANTHROPIC_API_KEY = "«ak»"\n'
        "PS C:\\Users\\«wu»\\src\\api> $env:AZURE_CLIENT_SECRET='«az»'\n"
        "PS C:\\Users\\«wu»\\src\\api> [Environment]::SetEnvironmentVariable('DB_PASS', '«dp»', 'User')\n"
        'PS C:\\Users\\«wu»\\src\\api> cmd /c "set SMTP_PASSWORD=«sp»&& node send.js"\n'
        "Sent to «e» (message id «mid»)\n"
        "PS C:\\Users\\«wu»\\src\\api> Get-ChildItem Env:AZURE_TENANT_ID\n"
        "\n"
        "Name                           Value\n"
        "----                           -----\n"
        "AZURE_TENANT_ID                «tenant»\n",
        wu=r.choice(FIRST),
        ak=Sec("llm_api_key", anthropic_key(r), True),
        az=Sec("generic_secret", azure_secret(r)),
        dp=Sec("generic_secret", password(r)),
        sp=Sec("generic_secret", password(r, url_safe=True)),
        e=Sec("email", email(r)),
        mid=f"<{uuid4(r)}@mail.fernwood.dev>",
        tenant=Keep(uuid4(r)),
    )


def doc_cloud_cli(r: random.Random) -> Parts:
    app, tenant = uuid4(r), uuid4(r)
    return fill(
        "$ az login --service-principal -u «app» -p «az» --tenant «tenant»\n"
        "[\n"
        '  {"cloudName": "AzureCloud", "id": "«sub»", "isDefault": true, "state": "Enabled"}\n'
        "]\n"
        "$ kubectl create secret generic api-keys --from-literal=stripe=«sk» --from-literal=db-password=«dp»\n"
        "secret/api-keys created\n"
        "$ docker run -d --name pg -e POSTGRES_PASSWORD=«pg» -p 5432:5432 postgres:16\n"
        "«cid»\n"
        "$ cat ~/.pgpass\n"
        "«h»:5432:*:«u»:«pp»\n"
        "$ vault kv get -field=password secret/orders/db\n"
        "«vp»\n",
        app=Keep(app),
        az=Sec("cli_password", azure_secret(r)),
        tenant=Keep(tenant),
        sub=Keep(uuid4(r)),
        sk=Sec("stripe_key", stripe_key(r, "rk"), True),
        dp=Sec("cli_password", password(r, url_safe=True)),
        pg=Sec("cli_password", password(r, url_safe=True)),
        cid=Keep(sha(r, 64)),
        h=Keep(host(r)),
        u=Keep(user(r)),
        pp=Sec("generic_secret", password(r, url_safe=True)),
        vp=Sec("generic_secret", password(r)),
    )


def doc_heroku_config(r: random.Random) -> Parts:
    return fill(
        "$ heroku config -a «app»\n"
        "=== «app» Config Vars\n"
        "DATABASE_URL:            postgres://«u»:«pw»@ec2-«ip».compute-1.amazonaws.com:5432/«db»\n"
        "REDIS_TLS_URL:           rediss://:«rp»@ec2-«ip2».compute-1.amazonaws.com:«port»\n"
        "CLOUDINARY_URL:          cloudinary://«ck»:«cs»@«cn»\n"
        "AMQP_URL:                amqps://«au»:«ap»@«ah»/«av»\n"
        "HEROKU_SLUG_COMMIT:      «slug»\n"
        "WEB_CONCURRENCY:         2\n",
        app=Keep(r.choice(PROJECTS) + "-prod"),
        u=Keep(rs(r, LOWER, 14)),
        pw=Sec("url_credential", token_hex(r, 64)),
        ip="-".join(str(r.randrange(3, 250)) for _ in range(4)),
        db=Keep(rs(r, LOWER + DIGITS, 14)),
        rp=Sec("url_credential", "p" + token_hex(r, 64)),
        ip2="-".join(str(r.randrange(3, 250)) for _ in range(4)),
        port=str(r.randrange(10000, 30000)),
        ck=Keep(rs(r, DIGITS, 15)),
        cs=Sec("url_credential", rs(r, B64URL, 27)),
        cn=Keep(rs(r, LOWER, 8)),
        au=Keep(rs(r, LOWER, 8)),
        ap=Sec("url_credential", rs(r, B64URL, 32)),
        ah=Keep("hawk.rmq.cloudamqp.com"),
        av=rs(r, LOWER, 8),
        slug=Keep(sha(r)),
    )


def doc_copy_as_curl(r: random.Random) -> Parts:
    dom = r.choice(["app.kitehawk.io", "dashboard.orderly.co", "admin.tessellate.app"])
    return fill(
        "curl 'https://«dom»/graphql' \\\n"
        "  -H 'accept: application/json' \\\n"
        "  -H 'content-type: application/json' \\\n"
        "  -H 'cookie: _ga=GA1.1.«ga»; ajs_anonymous_id=«anon»; session_token=«st»; "
        "__Secure-next-auth.session-token=«na»' \\\n"
        "  -H 'origin: https://«dom2»' \\\n"
        "  -H 'x-csrf-token: «csrf»' \\\n"
        '  --data-raw \'{"operationName":"Me","variables":{"email":"«e»"},"query":"query Me { me { id } }"}\'\n',
        dom=Keep(dom),
        ga=f"{r.randrange(10**8, 10**9)}.{r.randrange(10**9, 2 * 10**9)}",
        anon=uuid4(r),
        st=Sec("cookie", b64url(rbytes(r, 36))),
        na=Sec("cookie", b64url(rbytes(r, 60)) + "." + b64url(rbytes(r, 300)) + "." + b64url(rbytes(r, 16))),
        dom2=dom,
        csrf=rs(r, HEX, 40),
        e=Sec("email", email(r)),
    )


def doc_dotnet_and_package(r: random.Random) -> Parts:
    a = person(r)
    return fill(
        "$ cat appsettings.Production.json\n"
        "{\n"
        '  "ConnectionStrings": {\n'
        '    "Default": "Host=«h»;Database=ledger;Username=«u»;Password=«pw»;SSL Mode=Require"\n'
        "  },\n"
        '  "Jwt": { "Issuer": "«iss»", "SigningKey": "«sk»" },\n'
        '  "SendGrid": { "ApiKey": "«sg»" },\n'
        '  "Logging": { "LogLevel": { "Default": "Warning" } }\n'
        "}\n"
        "$ jq '{name, version, author, contributors}' package.json\n"
        "{\n"
        '  "name": "«pkg»",\n'
        '  "version": "«ver»",\n'
        '  "author": "«an» <«ae»> (https://«site»)",\n'
        '  "contributors": [{"name": "«cn»", "email": "«ce»", "phone": "«cp»"}]\n'
        "}\n",
        h=Keep(host(r)),
        u=Keep(user(r)),
        pw=Sec("generic_secret", password(r, url_safe=True)),
        iss=Keep("https://ledger.fernwood.dev"),
        sk=Sec("generic_secret", b64(rbytes(r, 48))),
        sg=Sec("messaging_token", sendgrid_key(r), True),
        pkg=Keep("@" + r.choice(PROJECTS) + "/ledger-client"),
        ver=Keep(version(r)),
        an=f"{a[0].title()} {a[1].title()}",
        ae=Sec("email", email(r, a)),
        site=Keep(f"{a[1]}.dev"),
        cn=" ".join(x.title() for x in person(r)),
        ce=Sec("email", email(r)),
        cp=Sec("phone", phone(r)),
    )


def doc_fixture_json(r: random.Random) -> Parts:
    out: Parts = ["$ python -m json.tool tests/fixtures/applicants.json | head -30\n", "[\n"]
    n = r.randrange(2, 4)
    for i in range(n):
        who = person(r)
        digits = ssn(r).replace("-", "") if r.random() < 0.4 else ssn(r)
        out += fill(
            "    {\n"
            '        "id": "«id»",\n'
            '        "name": "«n»",\n'
            '        "ssn": "«s»",\n'
            '        "email": "«e»",\n'
            '        "mobile": "«p»",\n'
            '        "submitted_at": "«ts»"\n'
            "    }«c»\n",
            id=Keep(uuid4(r)),
            n=f"{who[0].title()} {who[1].title()}",
            s=Sec("ssn", digits),
            e=Sec("email", email(r, who)),
            p=Sec("phone", phone(r)),
            ts=Keep(stamp(r)),
            c="," if i < n - 1 else "",
        )
    out.append("]\n")
    return out


def doc_process_list(r: random.Random) -> Parts:
    """Command lines as `ps` shows them: secrets passed as flags and system properties stay visible."""
    return fill(
        "$ ps -eo pid,user,args --sort=pid | grep -v grep | grep -E 'java|node|mysql|exporter'\n"
        " «p1» «u1»   java -Xmx2g -Dspring.profiles.active=prod -Djavax.net.ssl.keyStorePassword=«ks» "
        "-Dspring.datasource.password=«dp» -jar /opt/app/«jar»\n"
        " «p2» node     node dist/server.js --port 3000 --api-key=«ak»\n"
        " «p3» «u3»  mysql -h «h» -u «u» -p«mp» -e SELECT SLEEP(60)\n"
        " «p4» nobody   /bin/postgres_exporter --web.listen-address=:9187\n",
        p1=str(r.randrange(1000, 40000)),
        u1=Keep("appuser"),
        ks=Sec("cli_password", password(r, url_safe=True)),
        dp=Sec("cli_password", password(r, url_safe=True)),
        jar=Keep(f"orders-{version(r)}.jar"),
        p2=str(r.randrange(1000, 40000)),
        ak=Sec("cli_password", token_hex(r, 40)),
        p3=str(r.randrange(1000, 40000)),
        u3=Keep("dev"),
        h=Keep(host(r)),
        u=Keep(user(r)),
        mp=Sec("cli_password", rs(r, ALNUM, 16)),
        p4=str(r.randrange(1000, 40000)),
    )


# ---------------------------------------------------------------------------------------------------------
# Secret-free look-alikes: every line of these must come out unchanged.


def clean_lockfile(r: random.Random) -> Parts:
    out: Parts = [
        "$ sed -n '1,40p' package-lock.json\n",
        "{\n",
        '  "name": "web",\n',
        '  "lockfileVersion": 3,\n',
    ]
    out.append('  "packages": {\n')
    for name in r.sample(["react", "zod", "undici", "esbuild", "picocolors", "semver", "tslib", "ws"], 4):
        out += [
            f'    "node_modules/{name}": {{\n',
            f'      "version": "{version(r)}",\n',
            f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}-{version(r)}.tgz",\n',
            f'      "integrity": "{integrity(r)}",\n',
            '      "license": "MIT"\n',
            "    },\n",
        ]
    out += ["  }\n", "}\n", "$ grep -A2 '^name = \"certifi\"' poetry.lock\n", 'name = "certifi"\n']
    out += [f'version = "2026.{r.randrange(1, 12)}.{r.randrange(1, 28)}"\n']
    out += [f'files = [{{file = "certifi-2026.1.1-py3-none-any.whl", hash = "sha256:{sha(r, 64)}"}}]\n']
    out += [
        "$ grep -A3 'name = \"serde\"' Cargo.lock\n",
        'name = "serde"\n',
        f'version = "1.0.{r.randrange(100, 230)}"\n',
    ]
    out += [f'checksum = "{sha(r, 64)}"\n']
    return out


def clean_git(r: random.Random) -> Parts:
    out: Parts = ["$ git log --graph --format='%h %H %an <%ae> %s' -6\n"]
    for i in range(6):
        full = sha(r)
        who = r.choice(
            [
                "Release Bot <ci@example.com>",
                "GitHub <noreply@github.com>",
                "Build Agent <builds@example.org>",
                "Maintainer <maint@project.test>",
            ]
        )
        out.append(
            f"{'*' if i % 3 else '*   '} {full[:7]} {full} {who} "
            f"{r.choice(['Fix lint', 'Bump deps', 'Merge branch main'])}\n"
        )
    out += [
        f"$ git show --stat {sha(r, 12)} | head -4\n",
        f"commit {sha(r)}\n",
        f"Merge: {sha(r, 7)} {sha(r, 7)}\n",
    ]
    out += [
        f"Change-Id: I{sha(r)}\n",
        f"Reviewed-on: https://review.example.net/c/core/+/{r.randrange(10000, 99999)}\n",
    ]
    out += [f"$ git rev-parse HEAD~{r.randrange(1, 9)}\n", f"{sha(r)}\n"]
    out += [f"$ git describe --tags\nv{version(r)}-{r.randrange(1, 80)}-g{sha(r, 9)}\n"]
    return out


def clean_listing(r: random.Random) -> Parts:
    out: Parts = [
        "$ docker images --digests | head -4\n",
        "REPOSITORY   TAG   DIGEST   IMAGE ID   CREATED   SIZE\n",
    ]
    for name in r.sample(["api", "worker", "postgres", "redis", "nginx"], 3):
        out.append(
            f"{name}   {version(r)}   {digest(r)}   {sha(r, 12)}   "
            f"{r.randrange(2, 9)} days ago   {r.randrange(40, 900)}MB\n"
        )
    out += [
        "$ kubectl get secrets -n prod\n",
        "NAME                  TYPE                                  DATA   AGE\n",
    ]
    for name in ["default-token-" + rs(r, LOWER + DIGITS, 5), "orders-db", "tls-wildcard", "regcred"]:
        out.append(
            f"{name:<22}Opaque                                {r.randrange(1, 5)}      {r.randrange(2, 300)}d\n"
        )
    out += ["$ kubectl describe secret orders-db -n prod | tail -4\n", "Data\n", "====\n"]
    out += [f"password:  {r.randrange(12, 40)} bytes\n", f"username:  {r.randrange(4, 12)} bytes\n"]
    out += ["$ kubectl get pods -o wide | head -3\n"]
    for _ in range(2):
        out.append(
            f"api-{rs(r, LOWER + DIGITS, 10)}-{rs(r, LOWER + DIGITS, 5)}   1/1   Running   0   "
            f"{r.randrange(1, 20)}h   10.42.{r.randrange(256)}.{r.randrange(256)}\n"
        )
    out += [
        f"$ aws sts get-caller-identity --query Arn --output text\narn:aws:iam::{rs(r, DIGITS, 12)}:role/dev\n"
    ]
    return out


def clean_placeholders(r: random.Random) -> Parts:
    return [
        "$ cat .env.example\n",
        "# Copy to .env and fill in; never commit the real file.\n",
        "OPENAI_API_KEY=${OPENAI_API_KEY:?must be set}\n",
        "ANTHROPIC_API_KEY=<your-anthropic-key>\n",
        "STRIPE_SECRET_KEY=sk_live_" + "x" * 24 + "\n",
        "GITHUB_TOKEN=ghp_" + "X" * 36 + "\n",
        "DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app\n",
        "AWS_SECRET_ACCESS_KEY=****************************************\n",
        "SESSION_SECRET=<generate with: openssl rand -hex 32>\n",
        "SMTP_PASSWORD=\n",
        "$ grep -n 'password\\|token' src/config.py\n",
        '12:    db_password: str = Field(default="", repr=False)\n',
        '13:    api_token: SecretStr = SecretStr("")\n',
        '14:    password = getpass.getpass("Password for %s: " % user)\n',
        '15:    token = os.environ.get("GITHUB_TOKEN", "")\n',
        f"$ gh auth status\n  ✓ Logged in to github.com account {r.choice(FIRST)}dev (keyring)\n",
        "  - Token: gho_************************************\n",
        "  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'\n",
        f"Run ID: {uuid4(r)} started at {stamp(r)}\n",
        "DB_PASSWORD: ***\n",
        "Authorization: Bearer <token>\n",
        "mysql -u root -p\n",
        "Enter password:\n",
    ]


def clean_test_run(r: random.Random) -> Parts:
    out: Parts = [f"$ pytest -q --randomly-seed={r.randrange(10**9)}\n"]
    for _ in range(4):
        out.append(f"tests/test_jobs.py::test_retry[{uuid4(r)}] PASSED  [{r.randrange(1, 99):>3}%]\n")
    out += [
        f"<Job id={uuid4(r)} state=done at 0x7f{sha(r, 10)}>\n",
        f"$ sha256sum dist/*\n{sha(r, 64)}  dist/app-{version(r)}.tar.gz\n",
        f"{sha(r, 64)}  dist/app-{version(r)}-py3-none-any.whl\n",
        "$ terraform plan | grep -E 'password|id'\n      + password = (sensitive value)\n",
        f'      + id       = "i-0{sha(r, 16)}"\n',
        f'      + vpc_id   = "vpc-0{sha(r, 16)}"\n',
        f"Trace ID: {sha(r, 32)}  span {sha(r, 16)}\n",
        f"==> Downloading https://ghcr.io/v2/homebrew/core/jq/blobs/{digest(r)}\n",
        f"Built at {stamp(r)} from commit {sha(r)} (go{r.choice(['1.22.5', '1.23.1'])})\n",
        f"{r.randrange(40, 200)} passed, {r.randrange(1, 5)} skipped in {r.randrange(2, 60)}.{r.randrange(10, 99)}s\n",
    ]
    return out


def clean_code(r: random.Random) -> Parts:
    body: Parts = [
        "import hmac\n",
        "import os\n",
        "\n",
        "def verify(secret: bytes, payload: bytes, signature: str) -> bool:\n",
        '    """Compares in constant time, so timing says nothing about the signature."""\n',
        "    expected = hmac.new(secret, payload, 'sha256').hexdigest()\n",
        "    return hmac.compare_digest(expected, signature)\n",
        "\n",
        "def client() -> Client:\n",
        '    api_key = os.environ["STRIPE_API_KEY"]\n',
        "    password = load_password(keyring, service='smtp')\n",
        "    headers = {'Authorization': f'Bearer {api_key}'}\n",
        "    return Client(api_key=api_key, headers=headers, timeout=30)\n",
        "\n",
        f"TEST_UUID = '{uuid4(r)}'\n",
        f"PINNED = '{sha(r)}'  # actions/checkout v4\n",
        "PASSWORD_MIN_LENGTH = 12\n",
        f"CACHE_KEY = 'deps-{sha(r, 16)}'\n",
    ]
    return file_read(r, "src/billing/webhooks.py", body)


SECRET_DOCS: tuple[tuple[str, Callable[[random.Random], Parts]], ...] = (
    ("env dump", doc_env_dump),
    ("dotenv read", doc_dotenv),
    ("curl -v trace", doc_curl_verbose),
    ("python http debug", doc_python_http_debug),
    ("kubectl secret yaml", doc_kubectl_secret_yaml),
    ("kubectl secret json", doc_kubectl_secret_json),
    ("secret manifest diff", doc_secret_manifest_diff),
    ("service account json", doc_service_account),
    ("pem files", doc_pem_files),
    ("ci log", doc_gha_log),
    ("docker inspect", doc_docker_inspect),
    ("terraform", doc_terraform),
    ("django settings", doc_django_settings),
    ("typescript config", doc_ts_config),
    ("go java rust", doc_go_java_rust),
    ("compose file", doc_compose),
    ("ini credentials", doc_ini_files),
    ("shell history", doc_shell_history),
    ("app log", doc_app_log),
    ("access log", doc_access_log),
    ("csv pii", doc_csv_pii),
    ("psql table", doc_psql_table),
    ("signed urls", doc_signed_urls),
    ("slack", doc_slack),
    ("git remote", doc_git_remote),
    ("jwt pytest", doc_jwt_debug),
    ("sdk traceback", doc_sdk_traceback),
    ("git log authors", doc_git_log_authors),
    ("contacts html", doc_contacts_html),
    ("npm yarn rc", doc_npm_yarn),
    ("huggingface login", doc_hf_login),
    ("stripe cli", doc_stripe_cli),
    ("docker build", doc_docker_build),
    ("xml configs", doc_xml_configs),
    ("onboarding form", doc_onboarding),
    ("generic configs", doc_generic_configs),
    ("auth headers", doc_auth_headers),
    ("cookie jar", doc_cookie_jar),
    ("vendor grep", doc_misc_vendor),
    ("key rotation diff", doc_key_rotation_diff),
    ("windows shell", doc_windows_shell),
    ("cloud cli", doc_cloud_cli),
    ("heroku config", doc_heroku_config),
    ("copy as curl", doc_copy_as_curl),
    ("dotnet and package.json", doc_dotnet_and_package),
    ("fixture json", doc_fixture_json),
    ("process list", doc_process_list),
)

CLEAN_DOCS: tuple[tuple[str, Callable[[random.Random], Parts]], ...] = (
    ("lockfiles", clean_lockfile),
    ("git history", clean_git),
    ("listings", clean_listing),
    ("placeholders", clean_placeholders),
    ("test run", clean_test_run),
    ("plain code", clean_code),
)


def as_transcript(r: random.Random, parts: Parts) -> Parts:
    """The document as one line of an agent's transcript: JSON-escaped once, or twice when nested."""
    how = r.randrange(3)
    if how == 0:
        return [
            f'{{"type":"user","message":{{"role":"user","content":[{{"tool_use_id":"toolu_01{rs(r, ALNUM, 22)}",'
            '"type":"tool_result","content":"',
            *json_escaped(parts),
            f'","is_error":false}}]}},"session_id":"{uuid4(r)}"}}\n',
        ]
    if how == 1:
        return [
            f'{{"timestamp":"{stamp(r)}","type":"response_item","payload":{{"type":"function_call_output",'
            f'"call_id":"call_{rs(r, ALNUM, 24)}","output":"{{\\"output\\":\\"',
            *json_escaped(json_escaped(parts)),
            '\\",\\"metadata\\":{\\"exit_code\\":0,\\"duration_seconds\\":0.4}}"}}\n',
        ]
    return [
        '{"functionResponse":{"id":"run_shell_command-',
        str(r.randrange(10**12, 10**13)),
        '","name":"run_shell_command","response":{"output":"',
        *json_escaped(parts),
        '"}}}\n',
    ]


def build_corpus(seed: int = DEFAULT_SEED) -> list[Doc]:
    """Every document of the part, in a fixed order; the same seed gives the same corpus."""
    r = random.Random(seed)
    docs: list[Doc] = []
    for _ in range(ROUNDS):
        for name, gen in SECRET_DOCS + CLEAN_DOCS:
            docs.append(_one_doc(r, name, gen))
    return docs


def _one_doc(r: random.Random, name: str, gen: Callable[[random.Random], Parts]) -> Doc:
    """A document of the kind; drawn again (from the same stream, so still seeded) in the rare case two of
    its random values coincide, since a secret must be the only copy of its text in its document."""
    for attempt in range(5):
        parts = gen(r)
        if r.random() < 0.22:
            name, parts = name + " (transcript)", as_transcript(r, parts)
        try:
            return assemble(name, parts)
        except ValueError:
            if attempt == 4:
                raise
            name = name.removesuffix(" (transcript)")
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------------------
# Measuring.


def _inside_one_block(span: Span, blocks: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span.start and span.end <= a + size for a, size in blocks)


def _fragment_left(secret: str, out: str, rest: str) -> bool:
    """Whether 8 characters of the secret are left; a stretch the document also holds outside its
    secrets (a person's name beside their address, a key's prefix in its masked form) does not count."""
    frags = (secret[i : i + 8] for i in range(len(secret) - 7))
    return any(f in out and f not in rest for f in frags)


def _outside_secrets(doc: Doc) -> str:
    text = doc.text
    for s in sorted(doc.secrets, key=lambda s: s.start, reverse=True):
        text = text[: s.start] + "\0" + text[s.end :]
    return text


def _real_scrub(text: str) -> str:
    from client_actors.scrub import scrub_text

    return scrub_text(text).text


def measure_held_back(scrub: Callable[[str], str] | None = None) -> dict[str, float | int]:
    """Scrubs every document once and returns aggregate figures only, never a single miss."""
    run = scrub or _real_scrub
    secrets = recalled = clean_recalled = vendors = vendor_recalled = 0
    keeps = kept = lines = lines_kept = 0
    for doc in build_corpus():
        out = run(doc.text)
        rest = _outside_secrets(doc)
        for s in doc.secrets:
            gone = s.text not in out
            secrets += 1
            recalled += gone
            clean_recalled += gone and not _fragment_left(s.text, out, rest)
            if s.vendor:
                vendors += 1
                vendor_recalled += gone
        if doc.keeps:
            matcher = difflib.SequenceMatcher(None, doc.text, out, autojunk=False)
            blocks = [(m.a, m.size) for m in matcher.get_matching_blocks()]
            for k in doc.keeps:
                keeps += 1
                kept += _inside_one_block(k, blocks)
        if not doc.secrets:
            left = Counter(out.splitlines())
            for line in doc.text.splitlines():
                if not line.strip():
                    continue
                lines += 1
                if left[line] > 0:
                    left[line] -= 1
                    lines_kept += 1
    return {
        "secrets": secrets,
        "recall": recalled / secrets,
        "recall_no_fragment": clean_recalled / secrets,
        "vendor_prefix_recall": vendor_recalled / vendors,
        "keep_rate": kept / keeps,
        "line_keep_rate": lines_kept / lines,
        "lines": lines,
    }
